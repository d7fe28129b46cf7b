"""Actor tables: load the TSV files under ``data/actors`` into one phrase lexicon.

Every name in every table becomes a key, a tuple of normalised tokens made with
the same tokenizer spaCy uses for English, so a phrase in a parsed sentence is
found with dict look-ups only (longest match first, see :meth:`Lexicon.match_at`).
"""

from __future__ import annotations

import calendar
import csv
import re
import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

# Load order is match priority when two tables hold the same key: a named group
# or institution ("Hezbollah", "the Kremlin") wins over a region or organisation
# ("Brussels" is the EU before it is Belgium's capital), which wins over a country.
NAMED_TABLES = ("groups.tsv", "institutions.tsv", "leaders.tsv", "international.tsv")
COUNTRY_TABLE = "countries.tsv"
PLACES_TABLE = "places.tsv"
SECTOR_TABLE = "sectors.tsv"

# Acronyms this short are matched with their case ("US" but not "us", "IS" but not "is").
CASED_ACRONYM_MAX = 3
# Articles dropped from the front of table names; the resolver never needs to match them.
LEADING_ARTICLES = ("the", "The")
# Words left without a derived plural: adjectives that are not count nouns ("Chinese", "British",
# "French", "Dutch") and words that already end in -s ("forces", "Swiss").
NO_PLURAL_ENDINGS = ("ese", "ish", "ench", "tch", "s")


@dataclass(frozen=True, slots=True)
class Entry:
    """What one table name means.

    ``code`` is the actor-code stem (``CHN``, ``IGOUNO``, ``PSEREB``) or None for
    a bare sector; ``sector`` the agent code the name always carries;
    ``head_sector`` a sector it carries only as the head of the phrase (a capital
    standing for its government); ``role`` marks posts ("spokesman") that take the
    sector of an organisation named beside them; ``rule`` is ``table:column``.
    """

    code: str | None
    country: str | None
    sector: str | None
    rule: str
    head_sector: str | None = None
    role: bool = False
    start: str | None = None  # first day of the term (YYYY-MM-DD) for dated rows (leaders.tsv)
    end: str | None = None  # last day of the term; None: open (still in office or undated)
    # An undated entry listed after dated ones for the same name that applies outside their terms
    # (PETRARCH's default code) instead of the "out of office" ELI code.
    default: bool = False
    # The name listed first on the entry's row ("Angela Merkel" for "Merkel"): what a bare surname
    # stands for (the coder reads the given name in it for the gender of "he" and "she").
    full_name: str | None = dataclasses.field(default=None, compare=False)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, date: str) -> bool:
        """Whether ``date`` (YYYY-MM-DD) falls within this entry's term (an undated entry always does)."""
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    def out_of_office(self) -> Entry:
        """The entry a dated person has outside the term: their country with sector ELI (elites)."""
        if self.country is None:
            return dataclasses.replace(self, start=None, end=None)
        return dataclasses.replace(self, code=self.country + "ELI", sector="ELI", start=None, end=None)

    def before_office(self) -> Entry:
        """The entry a dated person has before their first term: their country, no sector (a title in
        the text says what they are then: "Home Secretary Theresa May" in 2015)."""
        if self.country is None:
            return dataclasses.replace(self, start=None, end=None)
        return dataclasses.replace(self, code=self.country, sector=None, start=None, end=None)


# Sector of a person named outside a term of office (CAMEO ELI: elites, former officials).
FORMER_SECTOR = "ELI"


_DATES: dict[str, str] = {}  # checked date strings (every phrase of an article passes the same one)
_DATES_MAX = 10_000


def as_date(date) -> str | None:
    """``date`` (a datetime.date/datetime or an ISO string starting YYYY-MM-DD) as YYYY-MM-DD, or None."""
    if date is None:
        return None
    if isinstance(date, str):
        known = _DATES.get(date)
        if known is not None:
            return known
    if isinstance(date, (dt.date, dt.datetime)):
        return date.isoformat()[:10]
    text = str(date).strip()[:10]
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"not a date (YYYY-MM-DD): {date!r}") from exc
    if isinstance(date, str):
        if len(_DATES) >= _DATES_MAX:
            _DATES.clear()
        _DATES[date] = text
    return text


def _term_date(field: str, *, end: bool, path: Path) -> str | None:
    """A start/end field (YYYY, YYYY-MM or YYYY-MM-DD) as a comparable YYYY-MM-DD string."""
    field = field.strip()
    if not field:
        return None
    parts = field.split("-")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4):
        raise ConfigError(f"{path}: bad date {field!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
    if len(parts) == 1:
        return f"{field}-12-31" if end else f"{field}-01-01"
    if len(parts) == 2:
        if not end:
            return f"{field}-01"
        return f"{field}-{calendar.monthrange(int(parts[0]), int(parts[1]))[1]:02d}"
    return field


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry under a key, with the casing the text must show to match it."""

    entry: Entry
    cased: str | None = None  # the exact, dot-less form required (short acronyms)
    capitalised: bool = False  # the first matched token must not be all lower case
    # for armed groups, the positions of the other words written with a capital, which must not be
    # all lower case either: "Islamic State" is the group, "a strict Islamic state" is not
    capitals: tuple[int, ...] = ()


_NORMS: dict[str, str] = {}  # token text -> norm(text): the same words recur in every article
_NORMS_MAX = 200_000


def norm(text: str) -> str:
    """The look-up form of one token: no dots, straight apostrophes, case-folded."""
    normed = _NORMS.get(text)
    if normed is None:
        if len(_NORMS) >= _NORMS_MAX:
            _NORMS.clear()
        normed = text.replace(".", "").replace("\u2019", "'").casefold()
        if "isation" in normed:  # British -isation spellings: "Organisation" is "Organization"
            normed = normed.replace("isation", "ization")
        _NORMS[text] = normed
    return normed


def norms(words: Sequence[str]) -> list[str]:
    """:func:`norm` of each of ``words`` (nearly all are known: a dict look-up each, no call)."""
    known = _NORMS.get
    normed = [known(w) for w in words]
    if None in normed:
        normed = [n if n is not None else norm(w) for n, w in zip(normed, words)]
    return normed


# "Co-operation" and "Cooperation", "co-ordinating" and "coordinating": the hyphen splits the word
# into three tokens, so both spellings of a table name are keys.
_CO_HYPHEN = re.compile(r"\b([Cc]o)-?(?=(?:operat|ordinat)[a-z]*)")


def spelling_variants(name: str) -> list[str]:
    """``name`` and its other spellings of co(-)operation / co(-)ordination."""
    if "operat" not in name and "ordinat" not in name:
        return [name]
    joined = _CO_HYPHEN.sub(lambda m: m.group(1), name)
    hyphened = _CO_HYPHEN.sub(lambda m: m.group(1) + "-", name)
    return list(dict.fromkeys((name, joined, hyphened)))


def plural(word: str) -> str:
    """The regular English plural of ``word`` (last word of a phrase)."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


_SPLIT_MAX = 20_000  # texts whose tokens a Lexicon keeps (see Lexicon.tokens)


class Lexicon:
    """Phrase keys (token tuples) to candidate entries, with longest-match look-up."""

    def __init__(self, tokenizer) -> None:
        self._tokenizer = tokenizer
        self._keys: dict[tuple[str, ...], list[Candidate]] = {}
        # first word of a key -> the lengths of the keys starting with it, longest first: most text
        # positions start none, and the others need only be tried at those lengths
        self._lengths: dict[str, tuple[int, ...]] = {}
        self.max_len = 1
        # text -> its tokens, for :meth:`tokens`: the coder asks for the same entity names ("Russia",
        # "the United States") in article after article, and each call of the tokenizer makes a Doc
        self._split: dict[str, tuple[str, ...]] = {}

    def _tokenize(self, text: str) -> tuple[str, ...]:
        """``text`` split by the tokenizer, without whitespace tokens (no memo)."""
        return tuple(t.text for t in self._tokenizer(text) if not t.is_space)

    def tokens(self, text: str) -> list[str]:
        """``text`` split the way spaCy's English tokenizer splits it."""
        words = self._split.get(text)
        if words is None:
            if len(self._split) >= _SPLIT_MAX:
                self._split.clear()
            words = self._split[text] = self._tokenize(text)
        return list(words)

    def add(self, name: str, entry: Entry, *, plural_form: bool = False) -> None:
        """Add ``name`` (and, if asked, its plural) as a key for ``entry``, with its other spellings of
        "co-operation" / "cooperation" and "co-ordination" / "coordination" (the text may use
        either; -isation / -ization is left to :func:`norm`)."""
        for variant in spelling_variants(name.strip()):
            self._add(variant, entry, plural_form=plural_form)

    def _add(self, name: str, entry: Entry, *, plural_form: bool = False) -> None:
        toks = list(self._tokenize(name))  # (table names are not kept in the memo of ``tokens``)
        while toks and toks[0] in LEADING_ARTICLES:
            toks = toks[1:]
        if not toks:
            return
        forms = [toks]
        if plural_form and not toks[-1].endswith(NO_PLURAL_ENDINGS):
            forms.append(toks[:-1] + [plural(toks[-1])])
        for form in forms:
            bare = "".join(form).replace(".", "")
            cased = bare if bare.isupper() and len(bare) <= CASED_ACRONYM_MAX else None
            capitalised = form[0][:1].isupper()
            # armed groups are named with common words ("Islamic State", "Popular Front"): every word
            # written with a capital must have one in the text ("a strict Islamic state" is no group);
            # institutions keep matching in lower-case house styles ("the Metropolitan police")
            armed = bool(entry.code) and (entry.code.startswith("IMG") or entry.sector in ("REB", "UAF"))
            capitals = tuple(k for k, w in enumerate(form) if k and w[:1].isupper()) if capitalised and armed else ()
            candidate = Candidate(entry, cased=cased, capitalised=capitalised, capitals=capitals)
            key = tuple(norm(t) for t in form)
            lengths = self._lengths.get(key[0], ())
            if len(key) not in lengths:
                self._lengths[key[0]] = tuple(sorted((*lengths, len(key)), reverse=True))
            existing = self._keys.setdefault(key, [])
            if all(c.entry != entry for c in existing):
                existing.append(candidate)
            self.max_len = max(self.max_len, len(key))

    def entries(self, words: Sequence[str]) -> list[Entry]:
        """Every entry of the name ``words``, in priority order, whatever its case or term (the
        other readings :meth:`lookup` passed over: "Brussels" is the EU's seat and Belgium's capital)."""
        return [c.entry for c in self._keys.get(tuple(norm(w) for w in words), ())]

    def items(self) -> Iterator[tuple[tuple[str, ...], list[Entry]]]:
        """Every key with its entries, in priority order (for checks and tooling)."""
        for key, candidates in self._keys.items():
            yield key, [c.entry for c in candidates]

    def lookup(self, words: Sequence[str], date: str | None = None, *,
               key: tuple[str, ...] | None = None) -> Entry | None:
        """The entry for exactly these token texts, honouring case constraints.

        Dated entries (terms of office) are chosen by ``date`` (YYYY-MM-DD): the first
        entry whose term covers it, else the person out of office (:meth:`Entry.out_of_office`).
        Without a date, terms are ignored and the most recent term wins.
        """
        candidates = self._keys.get(key if key is not None else tuple(norm(w) for w in words))
        if not candidates:
            return None
        ok = []
        for c in candidates:
            if c.cased is not None:
                if "".join(words).replace(".", "") != c.cased:
                    continue
            elif c.capitalised and (words[0].islower() or any(words[k].islower() for k in c.capitals)):
                continue
            if not ok and not c.entry.dated:
                return c.entry  # the first entry that fits, undated: no term to choose
            ok.append(c.entry)
        if not ok:
            return None
        # The dated entries that come before any undated one (table priority is kept).
        terms = []
        for e in ok:
            if not e.dated:
                break
            terms.append(e)
        fallback = ok[len(terms)] if len(ok) > len(terms) and ok[len(terms)].default else None
        if date is None:
            return fallback or max(terms, key=lambda e: e.start or "")
        for e in terms:
            if e.covers(date):
                return e
        if fallback is not None:
            return fallback
        nearest = min(terms, key=lambda e: _distance(e, date))
        if all(e.start is not None and date < e.start for e in terms):
            return nearest.before_office()  # not yet in any office the table knows: no former leader
        return nearest.out_of_office()

    def match_at(self, words: Sequence[str], start: int, date: str | None = None,
                 normed: Sequence[str] | None = None) -> tuple[int, Entry] | None:
        """The longest entry starting at ``words[start]``: ``(end, entry)`` or None.

        ``normed`` (the words already passed through :func:`norm`) saves normalising them again.
        """
        if normed is None:
            normed = [norm(w) for w in words[start:start + self.max_len]]
            offset = start
        else:
            offset = 0
        lengths = self._lengths.get(normed[start - offset])
        if lengths is None:
            return None
        room = len(words) - start
        for n in lengths:  # only the lengths some key starting with this word has, longest first
            if n > room:
                continue
            end = start + n
            entry = self.lookup(words[start:end], date, key=tuple(normed[start - offset:end - offset]))
            if entry is not None:
                return end, entry
        return None

    def scan(self, words: Sequence[str], date: str | None = None,
             normed: Sequence[str] | None = None) -> Iterator[tuple[int, int, Entry]]:
        """Non-overlapping longest matches, left to right: ``(start, end, entry)``. ``normed``, if
        given, is :func:`norms` of ``words`` (a caller scanning many phrases of one text normalises
        it once).

        (:meth:`match_at` at each position, written out here: a phrase is scanned for every
        argument of every event, and most of its words start no key.)
        """
        if normed is None:
            normed = norms(words)
        key_lengths, keys = self._lengths.get, self._keys
        n = len(words)
        i = 0
        while i < n:
            lengths = key_lengths(normed[i])
            if lengths is None:  # most words start no key
                i += 1
                continue
            room = n - i
            for length in lengths:  # only the lengths some key starting with this word has, longest first
                if length > room:
                    continue
                end = i + length
                key = tuple(normed[i:end])
                if key not in keys:  # (most longer keys tried are not there: no look-up call)
                    continue
                entry = self.lookup(words[i:end], date, key=key)
                if entry is not None:
                    yield i, end, entry
                    i = end
                    break
            else:
                i += 1


def _distance(entry: Entry, date: str) -> int:
    """Days between ``date`` and the term of ``entry`` (0 inside it)."""
    day = dt.date.fromisoformat(date)
    if entry.end is not None and date > entry.end:
        return (day - dt.date.fromisoformat(entry.end)).days
    if entry.start is not None and date < entry.start:
        return (dt.date.fromisoformat(entry.start) - day).days
    return 0


def _rows(path: Path, columns: Sequence[str]) -> Iterator[dict[str, str]]:
    """The data rows of a commented TSV file whose header names ``columns``."""
    with path.open(encoding="utf-8", newline="") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = set(columns) - set(reader.fieldnames or ())
        if missing:
            raise ConfigError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        for row in reader:
            yield {k: (row.get(k) or "").strip() for k in columns}


def _split(field: str) -> list[str]:
    return [x.strip() for x in field.split("|") if x.strip()]


def _check_code(path: Path, code: str, what: str) -> None:
    if code != "---" and not (code.isalnum() and code.isupper()):
        raise ConfigError(f"{path}: bad {what} code {code!r}")


CAPITAL_RULE = "country:capital"  # a capital's entry: the country, its government where the city acts


def load_countries(lex: Lexicon, path: Path) -> None:
    """Add a countries table (iso3, name, aliases, adjectives, capitals, prefixes)."""
    cols = ("iso3", "name", "aliases", "adjectives", "capitals", "prefixes")
    rows = list(_rows(path, cols))
    # An alias written "Congo@1997-05-17" names the country from that day on (before it, the name is
    # the undated country's that also lists it: "Congo" was the Republic of the Congo while DR Congo
    # was Zaire); the undated entry is then the name's default outside the dated one's term.
    dated_names = {a.split("@", 1)[0] for row in rows for a in _split(row["aliases"]) if "@" in a}
    for row in rows:
        iso3 = row["iso3"]
        _check_code(path, iso3, "country")
        for column, names in (("name", [row["name"]]), ("alias", _split(row["aliases"]))):
            for name in names:
                name, _, since = name.partition("@")
                lex.add(name, Entry(iso3, iso3, None, f"country:{column}",
                                    start=_term_date(since, end=False, path=path),
                                    default=not since and name in dated_names))
        for name in _split(row["adjectives"]):
            lex.add(name, Entry(iso3, iso3, None, "country:demonym"), plural_form=True)
        for name in _split(row["capitals"]):
            lex.add(name, Entry(iso3, iso3, None, CAPITAL_RULE, head_sector="GOV"))
        for name in _split(row["prefixes"]):
            lex.add(name, Entry(iso3, iso3, None, "country:prefix"))


def load_places(lex: Lexicon, path: Path) -> None:
    """Add a places table (iso3, names): regions and cities that give their country only."""
    for row in _rows(path, ("iso3", "names")):
        iso3 = row["iso3"]
        _check_code(path, iso3, "country")
        entry = Entry(iso3, iso3, None, "places:name")
        for name in _split(row["names"]):
            lex.add(name, entry)


def _header(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                return {c.strip() for c in line.rstrip("\n").split("\t")}
    return set()


def load_named(lex: Lexicon, path: Path) -> None:
    """Add a table of named actors (code, country, sector, names; optional start, end)."""
    table = path.stem
    dated = {"start", "end"} <= _header(path)
    columns = ("code", "country", "sector", "names") + (("start", "end") if dated else ())
    for row in _rows(path, columns):
        _check_code(path, row["code"], "actor")
        start = _term_date(row["start"], end=False, path=path) if dated else None
        end = _term_date(row["end"], end=True, path=path) if dated else None
        if start and end and end < start:
            raise ConfigError(f"{path}: term ends before it starts: {row['names']!r}")
        names = _split(row["names"])
        entry = Entry(row["code"], row["country"] or None, row["sector"] or None, f"{table}:name",
                      start=start, end=end, full_name=names[0] if names else None)
        for name in names:
            lex.add(name, entry)


def load_sectors(lex: Lexicon, path: Path) -> None:
    """Add a sectors table (sector, kind org|role, names)."""
    for row in _rows(path, ("sector", "kind", "names")):
        sector, kind = row["sector"], row["kind"]
        _check_code(path, sector, "sector")
        if kind not in ("org", "role"):
            raise ConfigError(f"{path}: kind must be org or role, not {kind!r}")
        entry = Entry(None, None, sector, f"sector:{kind}", role=kind == "role")
        for name in _split(row["names"]):
            lex.add(name, entry, plural_form=True)


def load_lexicon(tokenizer, extra_dirs: Iterable[str | Path] = (), *,
                 entries: Iterable[tuple[str, Entry, bool]] = (), builtin: bool = True) -> Lexicon:
    """``entries``, then the tables in each of ``extra_dirs`` (same file names), then the bundled ones.

    ``entries`` are ``(name, entry, plural_form)`` triples (e.g. imported PETRARCH dictionaries).
    User entries and tables come first, so where they and a bundled table name the same phrase,
    the user's meaning wins; other bundled names stay as they are. ``builtin=False`` leaves out
    the bundled tables.
    """
    lex = Lexicon(tokenizer)
    for name, entry, plural_form in entries:
        lex.add(name, entry, plural_form=plural_form)
    for directory in (*map(Path, extra_dirs), *((DATA_DIR,) if builtin else ())):
        for name in NAMED_TABLES:
            if (directory / name).exists():
                load_named(lex, directory / name)
        if (directory / COUNTRY_TABLE).exists():
            load_countries(lex, directory / COUNTRY_TABLE)
        if (directory / PLACES_TABLE).exists():
            load_places(lex, directory / PLACES_TABLE)
        if (directory / SECTOR_TABLE).exists():
            load_sectors(lex, directory / SECTOR_TABLE)
    return lex
