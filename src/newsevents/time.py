"""Event dates: resolve a sentence's date expressions and pick the one of an event.

``find_dates`` resolves every spaCy DATE entity of a sentence against the
publication date; ``event_date`` picks the expression attached to an event
trigger, falling back to the publication date.

Weekday names, month names without a year and relative phrases ("last month",
"three years ago", "earlier this week") are handled by the rules below, which
follow news usage: a bare "Saturday" or "September" is the most recent one
(the coming one for planned or future events), and a weekday that is the
publication day is that day. Other explicit dates ("May 11, 2015",
"05/09/2015") go to dateparser. Week expressions resolve to the Monday of that
week with day precision (records have no week precision).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Span, Token

from newsevents.records import DateRef
from .nlp import TokenTable, governing_chain, sentence_ents, sentence_of, span_text, token_table

__all__ = ["find_dates", "event_date", "resolve_date"]

WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_FACTUALITY = frozenset({"planned", "hypothetical"})
# A month-day without a year goes the other way only when that is much closer ("June 3" in a
# May article whose tense we misread is next month, not eleven months ago).
FLIP_NEAR_DAYS, FLIP_FAR_DAYS = 45, 180

_MONTH = "|".join(MONTHS)
_DAY = "|".join(WEEKDAYS)
_MOD = r"(?:(?:late|early|mid|later|earlier)\s+)?"
_DROP = re.compile(r"^(?:on|in|at|by|during|since|from|until|of)\s+|^the\s+|'s$|\.$")
_WEEKDAY = re.compile(
    rf"^{_MOD}(?:on\s+)?(?:(last|next|this|past|coming|previous)\s+)?({_DAY})"
    r"(?:\s+(?:morning|afternoon|evening|night|overnight))?$")
_MONTH_ONLY = re.compile(rf"^{_MOD}(?:(last|next|this|past|coming|previous)\s+)?({_MONTH})$")
_MONTH_DAY = re.compile(
    rf"^(?:(?:{_DAY}),?\s+)?(?:({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?({_MONTH}))$")
_MONTH_YEAR = re.compile(rf"^{_MOD}({_MONTH})\.?,?\s+(\d{{4}})$")
# A date written in full ("Aug. 6, 1945", "Tuesday, March 3, 2014", "3 March 2014"): no reference
# date needed, and no call to dateparser (its parse costs a millisecond).
_FULL_DATE = re.compile(
    rf"^(?:(?:{_DAY}),?\s+)?(?:({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}}))$")
_YEAR = re.compile(r"^(?:(?:late|early|mid|the end of|the start of|the beginning of)\s*)?(\d{4})$")
_UNIT = re.compile(
    r"^(?:(?:later|earlier)\s+)?(last|past|previous|this|next|coming)\s+(week|weekend|month|year)$")
_AGO = re.compile(r"^(\d+|" + "|".join(NUMBERS) + r")\s+(day|week|month|year)s?\s+ago$")
_EXPLICIT = re.compile(rf"\d.*({_MONTH})|({_MONTH}).*\d|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}")
_SAME_DAY = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
             "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2}
_PRECISION = {"day": "day", "week": "day", "time": "day", "month": "month", "year": "year"}


def _parse_pub(pub_date: str | None) -> dt.date | None:
    if not pub_date:
        return None
    try:
        return dt.date.fromisoformat(pub_date[:10])
    except ValueError:
        return None


def _normalise(text: str) -> str:
    t = " ".join(text.lower().replace("\u2019", "'").replace("-", " ").split())
    prev = None
    while prev != t:
        prev, t = t, _DROP.sub("", t).strip()
    return t


def _month_start(year: int, month: int) -> dt.date:
    year += (month - 1) // 12
    return dt.date(year, (month - 1) % 12 + 1, 1)


def _weekday(pub: dt.date, weekday: int, which: str | None, future: bool) -> dt.date:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if which in ("last", "past", "previous"):
        return pub - dt.timedelta(days=back or 7)
    if which in ("next", "coming"):
        return pub + dt.timedelta(days=ahead or 7)
    return pub + dt.timedelta(days=ahead) if future else pub - dt.timedelta(days=back)


def _month(pub: dt.date, month: int, which: str | None, future: bool) -> dt.date:
    if which in ("last", "past", "previous"):
        year = pub.year if month < pub.month else pub.year - 1
    elif which in ("next", "coming"):
        year = pub.year if month > pub.month else pub.year + 1
    elif which == "this":
        year = pub.year
    elif future:
        year = pub.year if month >= pub.month else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return dt.date(year, month, 1)


def _month_day(pub: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    candidates = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    past = [d for d in candidates if d <= pub]
    ahead = [d for d in candidates if d >= pub]
    if not past or not ahead:
        return (past or ahead or [None])[-1 if past else 0]
    best, other = (ahead[0], past[-1]) if future else (past[-1], ahead[0])
    if abs((other - pub).days) < FLIP_NEAR_DAYS and abs((best - pub).days) > FLIP_FAR_DAYS:
        return other
    return best


def _relative_unit(pub: dt.date, which: str, unit: str) -> tuple[dt.date, str]:
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[which]
    if unit == "year":
        return dt.date(pub.year + step, 1, 1), "year"
    if unit == "month":
        return _month_start(pub.year, pub.month + step), "month"
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
    if unit == "weekend":
        saturday = monday + dt.timedelta(days=5)
        if step == 0 and saturday > pub:
            saturday -= dt.timedelta(weeks=1)
        return saturday, "day"
    return monday, "day"


def _ago(pub: dt.date, count: int, unit: str) -> tuple[dt.date, str]:
    if unit == "day":
        return pub - dt.timedelta(days=count), "day"
    if unit == "week":
        return pub - dt.timedelta(weeks=count), "day"
    if unit == "month":
        return _month_start(pub.year, pub.month - count), "month"
    return dt.date(pub.year - count, 1, 1), "year"


@lru_cache(maxsize=64)
def _dateparser(pub: dt.date | None, future: bool):
    """A dateparser parser for ``pub`` (imported here: most texts never need it, and the import
    costs more than half a second)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "future" if future else "past"}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    return DateDataParser(languages=["en"], settings=settings)


def _explicit(text: str, pub: dt.date | None, future: bool) -> tuple[dt.date, str] | None:
    data = _dateparser(pub, future).get_date_data(text)
    if data.date_obj is None:
        return None
    precision = _PRECISION.get(data.period or "day", "day")
    d = data.date_obj.date()
    if precision == "month":
        d = d.replace(day=1)
    elif precision == "year":
        d = d.replace(month=1, day=1)
    return d, precision


@lru_cache(maxsize=65536)
def resolve_date(text: str, pub_date: str | None, future: bool = False) -> tuple[str, str] | None:
    """Resolve one date expression to ``(YYYY-MM-DD, precision)``, or None.

    Relative expressions need ``pub_date``; ``future`` picks the coming
    "Saturday"/"September" instead of the last one. Durations ("70 years",
    "four hours") and names without a date ("Victory Day") give None.
    """
    t = _normalise(text)
    pub = _parse_pub(pub_date)
    result: tuple[dt.date, str] | None = None
    if m := _YEAR.match(t):
        year = int(m.group(1))
        result = (dt.date(year, 1, 1), "year") if 1000 <= year <= 2999 else None
    elif m := _MONTH_YEAR.match(t):
        result = dt.date(int(m.group(2)), MONTHS[m.group(1)], 1), "month"
    elif m := _FULL_DATE.match(t):
        month, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        try:
            result = dt.date(int(year), MONTHS[month], int(day)), "day"
        except ValueError:
            result = None  # ("Feb. 30, 2015")
    elif pub is None:
        result = _explicit(t, None, future) if re.search(r"\d{4}", t) and _EXPLICIT.search(t) else None
    elif t in _SAME_DAY:
        result = pub + dt.timedelta(days=_SAME_DAY[t]), "day"
    elif m := _WEEKDAY.match(t):
        result = _weekday(pub, WEEKDAYS[m.group(2)], m.group(1), future), "day"
    elif m := _MONTH_ONLY.match(t):
        result = _month(pub, MONTHS[m.group(2)], m.group(1), future), "month"
    elif m := _MONTH_DAY.match(t):
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        d = _month_day(pub, MONTHS[month], int(day), future)
        result = (d, "day") if d else None
    elif t == "weekend":
        result = _relative_unit(pub, "next" if future else "this", "weekend")
    elif m := _UNIT.match(t):
        result = _relative_unit(pub, m.group(1), m.group(2))
    elif m := _AGO.match(t):
        n = m.group(1)
        result = _ago(pub, int(n) if n.isdigit() else NUMBERS[n], m.group(2))
    elif _EXPLICIT.search(t):
        result = _explicit(t, pub, future)
    if result is None:
        return None
    return result[0].isoformat(), result[1]


CLAUSE_HEAD_POS = frozenset({"VERB", "AUX"})


def _is_future(token: Token) -> bool:
    """Whether the clause of ``token`` is in the future tense ("will visit", "is to visit")."""
    tab = token_table(token.doc)  # (read off the token table: no Token objects for the walk)
    pos, head, dep = tab.pos, tab.head, tab.dep
    verb = token.i
    while pos[verb] not in CLAUSE_HEAD_POS and head[verb] != verb:
        verb = head[verb]
    for c in tab.children[verb]:
        if dep[c] == "aux" and tab.lower[c] in FUTURE_AUX:
            return True
    return False


def find_dates(sent: Span, pub_date: str | None) -> list[DateRef]:
    """Resolve the DATE entities of ``sent``; offsets are relative to the sentence.

    Expressions that are not a point in time (durations, holiday names) are
    kept with ``date=None``.
    """
    refs = []
    for ent in sentence_ents(sent):
        if ent.label_ != "DATE":
            continue
        text = span_text(ent)  # (``ent.text``, cut from the Doc's text)
        resolved = resolve_date(text, pub_date, _is_future(ent.root))
        date, precision = resolved if resolved else (None, None)
        refs.append(DateRef(text=text, start=ent.start_char - sent.start_char,
                            end=ent.end_char - sent.start_char, date=date, precision=precision))
    return refs


REF_ROOTS_KEY = "newsevents.date_ref_roots"


def _ref_root(sent: Span, ref: DateRef) -> int | None:
    """The position of the root token of the date expression ``ref`` in ``sent`` (found once per
    Doc and offsets: every event of the sentence asks for the same dates)."""
    doc = sent.doc
    memo = doc.user_data.get(REF_ROOTS_KEY)
    if memo is None:
        memo = doc.user_data[REF_ROOTS_KEY] = {}
    key = (sent.start, sent.end, ref.start, ref.end)
    if key not in memo:
        span = sent.char_span(ref.start, ref.end, alignment_mode="expand")
        memo[key] = span.root.i if span is not None and len(span) else None
    return memo[key]


def _path_up(head: list[int], i: int, stop: int) -> list[int] | None:
    """The positions strictly between token ``i`` and its ancestor ``stop`` (``head``: the token
    table's head column), or None."""
    path = []
    while i != stop:
        if head[i] == i:
            return None
        i = head[i]
        if i != stop:
            path.append(i)
    return path


CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj"})
# Dependency labels a trigger climbs through to the verb governing it (with nouns: see governing_chain).
ANCHOR_DEPS = frozenset({"xcomp", "pobj", "dobj", "prep", "compound", "nsubj", "nsubjpass", "attr"})


# How a date modifies a noun ("the 1985 earthquake", "2014's election"): it dates that noun.
NOUN_DATE_DEPS = frozenset({"nummod", "compound", "amod", "poss"})


def _attachment(tab: TokenTable, anchors: list[int], date_root: int) -> int | None:
    """Tree distance from an event's clause to a date (its root at position ``date_root``), or
    None when the date is elsewhere. ``anchors``: the positions of the trigger and the tokens it
    climbs to (``governing_chain`` with ANCHOR_DEPS).

    A date counts when it hangs below the trigger without crossing another
    clause, or below the verb governing a noun or xcomp trigger.
    """
    dep, pos = tab.dep, tab.pos
    if dep[date_root] in NOUN_DATE_DEPS and tab.head[date_root] not in anchors \
            and pos[tab.head[date_root]] in ("NOUN", "PROPN"):
        return None  # the date of another thing: "a monument to the victims of the 1985 earthquake"
    for penalty, anchor in enumerate(anchors):
        path = _path_up(tab.head, date_root, anchor)
        if path is None:
            continue
        inner = [date_root, *path]
        if any(dep[t] in CLAUSE_DEPS or (pos[t] == "VERB" and t != date_root) for t in path) \
                or any(dep[t] in CLAUSE_DEPS and pos[t] in CLAUSE_HEAD_POS for t in inner):
            continue
        return len(path) + 1 + 2 * penalty
    return None


def event_date(trigger: Token, refs: list[DateRef], pub_date: str | None,
               factuality: str) -> tuple[str | None, str | None, str]:
    """The date of the event at ``trigger``: ``(date, precision, source)``.

    ``source`` is "text" for a date expression attached to the trigger's
    clause, "publication" for the fallback to ``pub_date``, "none" otherwise.
    Planned, hypothetical and future-tense events resolve bare weekdays and
    months forward.
    """
    sent = sentence_of(trigger)
    best: tuple[int, int, DateRef] | None = None
    anchors = None  # (the trigger's governing chain, found at the first date that needs it)
    for ref in refs:
        if ref.date is None:
            continue
        root = _ref_root(sent, ref)
        if root is None:
            continue
        if anchors is None:
            tab = token_table(trigger.doc)
            anchors = [t.i for t in governing_chain(trigger, ANCHOR_DEPS)]
        distance = _attachment(tab, anchors, root)
        if distance is None:
            continue
        key = (distance, abs(root - trigger.i), ref)
        if best is None or key[:2] < best[:2]:
            best = key
    if best is not None:
        ref = best[2]
        future = factuality in FUTURE_FACTUALITY or _is_future(trigger)
        resolved = resolve_date(ref.text, pub_date, future) or (ref.date, ref.precision)
        return resolved[0], resolved[1], "text"
    if pub_date:
        return pub_date[:10], "day", "publication"
    return None, None, "none"
