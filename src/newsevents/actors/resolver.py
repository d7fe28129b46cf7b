"""Resolve the argument phrases of a dependency parse to CAMEO actors.

A phrase is scanned once for the longest table names it contains (countries,
groups, institutions, regions and organisations, sector nouns). Each name gets a
*level* from its path to the phrase head: 0 for the head and its modifiers,
possessives and appositions ("China's", "Russian", "Evan Medeiros"), 1 inside an
"of" phrase ("deputy chairman of China's Central Military Commission"), 2 inside
any other prepositional phrase ("a court in Guyana"). The actor's code stem is
the best-placed named actor or country, its sector the rightmost sector noun at
level 0 or 1, and the code is stem + sector (``RUSMIL``), ``---`` + sector when
no country is named (PETRARCH's convention), or the bare stem (``CHN``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..records import Actor
from .memory import DocumentActors
from .tables import Entry, Lexicon, as_date, load_lexicon
from ..nlp import sentence_of

# Dependency labels that start a part of the parse which is not the actor itself:
# clauses about it, and the other members of a coordination (each its own actor).
DROP_DEPS = frozenset({"relcl", "acl", "advcl", "conj", "cc", "parataxis"})
PREP_DEPS = frozenset({"prep", "agent"})
LEVEL_HEAD, LEVEL_OF, LEVEL_PREP, LEVEL_DROPPED = 0, 1, 2, 3
# Sector nouns are read from the head, its modifiers and "of" phrases, not from
# other prepositional phrases ("refugees from the army's offensive").
MAX_SECTOR_LEVEL = LEVEL_OF
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Named-entity labels whose proper nouns may still name a person or organisation
# (the small model often labels a lone surname such as "Fan" or "Xi" ORG).
NAME_ENT_TYPES = frozenset({"PERSON", "ORG", ""})
NO_SECTOR_CODE = "---"
# Actor code prefixes that name a kind of organisation rather than a country (CAMEO).
ORGANISATION_TYPES = ("IGO", "NGO", "IMG", "MNC")
# The rule of entries that name a person (leaders.tsv): the match is also the name.
PERSON_RULE = "leaders:name"
# A name joined by a hyphen to one of these words tells an affiliation, not who the actor is:
# "anti-Syria journalist", "pro-Russia rebels", "Syrian-backed militia", "Israeli-occupied West Bank",
# "Al Qaeda-linked group", "Bosnia-style war". ("US-led coalition" is led by the US: not listed.)
AFFILIATION_PREFIXES = frozenset({"anti", "pro", "non", "ex"})
AFFILIATION_SUFFIXES = frozenset({
    "backed", "linked", "allied", "affiliated", "aligned", "inspired", "sponsored", "supported",
    "funded", "occupied", "controlled", "held", "style", "based", "influenced", "friendly", "born",
    "trained", "educated", "oriented", "leaning", "bound", "ruled", "annexed", "administered",
})
# "ethnic Albanians", "ethnic Turks": a people, not the state of that name (the gold codes them
# with the country they live in, e.g. ethnic Albanians in Serbia as SRB).
ETHNIC_WORDS = frozenset({"ethnic"})
# Rule of an actor whose country is read from the rest of its sentence (see ``_context_country``).
CONTEXT_RULE = "context"
NAMED_MODIFIER_ENTS = frozenset({"NORP", "ORG", "PERSON", "GPE", "LOC", "FAC"})


def compose_code(stem: str | None, sector: str | None) -> str | None:
    """``stem`` + ``sector`` unless the stem already carries it; ``---`` + sector without a stem."""
    if stem is None:
        return NO_SECTOR_CODE + sector if sector else None
    if sector is None or sector in (stem[i:i + 3] for i in range(3, len(stem), 3)):
        return stem
    return stem + sector


def _stem_rank(entry: Entry) -> int:
    """Named groups, institutions and IGO/NGO first, then countries, then regions."""
    if entry.country is None:
        return 2 if len(entry.code or "") == 3 else 0
    return 1 if entry.rule.startswith(("country:", "places:")) else 0


def _level(tok, root) -> int:
    """How far ``tok`` is from being part of the actor headed by ``root`` (see module doc)."""
    level = LEVEL_HEAD
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ in DROP_DEPS:
            return LEVEL_DROPPED
        if tok.dep_ in PREP_DEPS:
            level = max(level, LEVEL_OF if tok.lower_ == "of" else LEVEL_PREP)
        tok = tok.head
    return level


def phrase_tokens(head) -> list:
    """The tokens of the phrase headed by ``head``: its subtree without clauses,
    coordinated members or edge punctuation (appositions are kept)."""
    kept = []
    stack = [head]
    while stack:
        tok = stack.pop()
        kept.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in DROP_DEPS and not _list_member(c))
    kept.sort(key=lambda t: t.i)
    while len(kept) > 1 and kept[-1].is_punct:
        kept.pop()
    while len(kept) > 1 and kept[0].is_punct:
        kept.pop(0)
    return kept


def _list_member(tok) -> bool:
    """An apposition that is really the next item of a list ("The US, Russia, and Switzerland")."""
    return tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN" \
        and any(g.dep_ == "conj" for g in tok.children)


class _Match:
    """One table name found in a phrase."""

    __slots__ = ("tokens", "entry", "level", "position", "ethnic")

    def __init__(self, tokens: Sequence, entry: Entry, level: int, position: int, ethnic: bool = False) -> None:
        self.tokens = tokens
        self.entry = entry
        self.level = level
        self.position = position
        self.ethnic = ethnic  # "ethnic Albanians": a people, used only when the sentence names no country


def _pick_sector(matches: Iterable[_Match], root) -> tuple[str | None, str | None]:
    """The phrase's sector and the rule that gave it: rightmost organisation noun,
    else rightmost role ("spokesman" alone is GOV, "army spokesman" MIL)."""
    org = role = None
    for m in matches:
        if m.level > MAX_SECTOR_LEVEL:
            continue
        sector = m.entry.sector
        if sector is None and m.entry.head_sector and root is not None and any(t.i == root.i for t in m.tokens):
            sector = m.entry.head_sector
        if sector is None:
            continue
        if m.entry.role:
            role = (sector, m.entry.rule)
        else:
            org = (sector, m.entry.rule)
    return org or role or (None, None)


class ActorResolver:
    """Resolve noun phrases to :class:`~newsevents.records.Actor` records.

    Example::

        resolver = ActorResolver()
        resolver.resolve_token(doc[1])     # "Russian troops arrived" -> RUSMIL
        resolver.country_of_text("Beijing")  # "CHN"
    """

    def __init__(self, extra_dirs: Iterable[str | Path] = (), *, tokenizer=None,
                 entries: Iterable[tuple[str, Entry, bool]] = (), builtin: bool = True) -> None:
        """``entries``: extra ``(name, Entry, plural_form)`` triples that take priority over every
        table (imported dictionaries); ``builtin=False``: without the bundled tables."""
        if tokenizer is None:
            import spacy

            tokenizer = spacy.blank("en").tokenizer
        self.lexicon: Lexicon = load_lexicon(tokenizer, extra_dirs, entries=entries, builtin=builtin)

    # -- plain text -------------------------------------------------------

    def country_of_text(self, text: str) -> str | None:
        """The ISO alpha-3 code of the first country ``text`` names (name, alias,
        demonym, capital, seat of power, prefix such as "Sino"), else None."""
        for _, _, entry in self.lexicon.scan(self.lexicon.tokens(text)):
            if entry.country:
                return entry.country
        return None

    def sector_of_text(self, text: str) -> str | None:
        """The CAMEO agent code ``text`` names ("Defense Ministry" -> MIL), else None."""
        words = self.lexicon.tokens(text)
        matches = [_Match(words[s:e], entry, LEVEL_HEAD, s) for s, e, entry in self.lexicon.scan(words)]
        return _pick_sector(matches, None)[0]

    # -- parsed phrases ---------------------------------------------------

    def resolve(self, span, memory: DocumentActors | None = None, date=None) -> Actor | None:
        """The actor a spaCy ``Span`` (an argument phrase) refers to, or None.

        With ``memory``, a bare name ("Shoigu") resolves to the actor first seen
        with a title in the same document, and titled people are remembered.
        ``date`` is the document's publication date (``datetime.date`` or
        ``"YYYY-MM-DD"``): people in leaders.tsv then get the office they held
        on that day (``RUSGOV`` for Putin in 2015, ``IRQELI`` for Saddam Hussein in
        2005); None ignores the terms of office.
        """
        return self._resolve(list(span), span.root, memory, as_date(date))

    def resolve_token(self, tok, memory: DocumentActors | None = None, date=None) -> Actor | None:
        """The actor of the phrase headed by ``tok`` (see :func:`phrase_tokens`; ``date`` as in :meth:`resolve`)."""
        return self._resolve(phrase_tokens(tok), tok, memory, as_date(date))

    def _matches(self, tokens: Sequence, root, date: str | None = None) -> list[_Match]:
        """Table names in ``tokens``, scanned over runs of adjacent tokens."""
        out: list[_Match] = []
        run_start = 0
        for k in range(1, len(tokens) + 1):
            if k < len(tokens) and tokens[k].i == tokens[k - 1].i + 1:
                continue
            run = tokens[run_start:k]
            words = [t.text for t in run]
            for s, e, entry in self.lexicon.scan(words, date):
                toks = run[s:e]
                if entry.role and toks[-1].pos_ not in NOUN_POS:
                    continue  # "major" and "general" as adjectives are no ranks
                if entry.code and _affiliation(toks):
                    continue
                level = min(_level(t, root) for t in toks)
                if level < LEVEL_DROPPED:
                    ethnic = entry.country is not None and _ethnic(toks)
                    out.append(_Match(toks, entry, level, run_start + s, ethnic))
            run_start = k
        return out

    def _context_country(self, root, exclude: set[int], date: str | None = None) -> str | None:
        """The first country named in ``root``'s sentence outside the phrase ``exclude``
        (names, demonyms, capitals, places, national groups and institutions; not
        affiliations such as "anti-Syria" or peoples such as "ethnic Albanians")."""
        for first, last, country in self._sentence_countries(sentence_of(root), date):
            if not any(i in exclude for i in range(first, last + 1)):
                return country
        return None

    def _sentence_countries(self, sent, date: str | None) -> list[tuple[int, int, str]]:
        """(first token, last token, country) of every country named in ``sent``, in text order;
        computed once per sentence and date (many phrases of a sentence ask for it)."""
        key = ("newsevents.sentence_countries", id(self), sent.start, date)
        cache = sent.doc.user_data
        if key not in cache:
            run = list(sent)
            found = []
            for s, e, entry in self.lexicon.scan([t.text for t in run], date):
                if entry.country is None or entry.role or entry.rule == PERSON_RULE:
                    continue
                toks = run[s:e]
                if _affiliation(toks) or _ethnic(toks) or _currency(toks):
                    continue
                found.append((toks[0].i, toks[-1].i, entry.country))
            cache[key] = found
        return cache[key]

    def _resolve(self, tokens: Sequence, root, memory: DocumentActors | None, date: str | None = None) -> Actor | None:
        if not tokens or root.pos_ == "PRON":
            return None
        matches = self._matches(tokens, root, date)
        _mark_peoples(matches, root)
        stems = [m for m in matches if m.entry.code and not m.ethnic]
        ethnic = next((m for m in matches if m.ethnic and m.level <= LEVEL_OF), None)
        best = min(stems, key=lambda m: (m.level, _stem_rank(m.entry), _depth(m.tokens, root), m.position),
                   default=None)
        sector, sector_rule = _pick_sector(matches, root)
        matched = {t.i for m in matches for t in m.tokens}
        name = _person_name(tokens, root, matched)

        if name is None and best is not None and best.entry.rule == PERSON_RULE:
            name = _name_text(best.tokens)
        stem = best.entry.code if best else None
        country = best.entry.country if best else None
        rules = [best.entry.rule] if best else []
        if best is None and name and memory is not None:
            known = memory.lookup(name)
            if known is not None:
                stem, country, rules = (known.country or known.code), known.country, ["memory"]
                sector = sector or known.sector
                name = known.name
        if stem is None and (ethnic is not None or _named_unknown(tokens, root, matched)):
            # A person or a named group the tables do not know ("President Yoweri Museveni",
            # "Hutu rebels", "Ibo elders") is placed in the country its sentence names. Bare
            # common nouns ("insurgents", "the civilians", "Congress") keep PETRARCH's "---"
            # code: the gold sets disagree on them and a wrong country is worse than none.
            found = self._context_country(root, {t.i for t in tokens}, date)
            if found is not None:
                stem = country = found
                rules.append(CONTEXT_RULE)
            elif ethnic is not None:
                stem, country = ethnic.entry.code, ethnic.entry.country
                rules.append(ethnic.entry.rule)
        if stem is None and sector is None:
            return None
        if sector_rule and sector_rule not in rules and (best is None or sector != best.entry.sector):
            rules.append(sector_rule)

        sent_start = sentence_of(root).start_char
        first, last = tokens[0], tokens[-1]
        actor = Actor(
            text=root.doc[first.i:last.i + 1].text,  # Doc.text would rebuild the whole text
            code=compose_code(stem, sector),
            country=country,
            sector=sector,
            start=first.idx - sent_start,
            end=last.idx + len(last) - sent_start,
            name=name,
            resolved_by="+".join(rules),
        )
        if memory is not None and name and best is not None:
            memory.observe(actor)
        return actor


def _depth(tokens: Sequence, root) -> int:
    """Fewest dependency arcs from one of ``tokens`` up to ``root`` (ties between named actors
    of the same level go to the head and its appositions before deeper modifiers)."""
    best = 99
    for tok in tokens:
        hops = 0
        while tok.i != root.i and tok.head.i != tok.i and hops < best:
            tok, hops = tok.head, hops + 1
        if tok.i == root.i:
            best = min(best, hops)
    return best


def _mark_peoples(matches: list[_Match], root) -> None:
    """A demonym at the head of the phrase names a people when the phrase also places it:
    "Bosnian Serbs" and "Kosovo Albanians" (a country before it), "the Albanians of southern
    Serbia" (a country in an "of"/"in" phrase). The place is then the actor's country."""
    heads = [m for m in matches if m.entry.rule == "country:demonym" and m.level == LEVEL_HEAD
             and any(t.i == root.i for t in m.tokens) and root.tag_ in ("NNS", "NNPS")]
    if not heads:
        return
    head = heads[0]
    for m in matches:
        if m is head or m.ethnic or not m.entry.country or m.entry.country == head.entry.country:
            continue
        if m.entry.rule == PERSON_RULE or not m.entry.rule.startswith(("country:", "places:")):
            continue
        before = m.level == LEVEL_HEAD and m.tokens[-1].i < head.tokens[0].i
        located = m.level > LEVEL_HEAD and any(_prep_word(t, root) in ("of", "in") for t in m.tokens)
        if before or located:
            head.ethnic = True
            return


def _prep_word(tok, root) -> str | None:
    """The preposition that attaches ``tok`` (inside the phrase headed by ``root``) to the head."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ in PREP_DEPS:
            return tok.lower_
        tok = tok.head
    return None


def _currency(toks: Sequence) -> bool:
    """Whether a country name is part of a currency ("US $50 million", "Hong Kong dollars")."""
    doc = toks[0].doc
    nxt = toks[-1].i + 1
    return nxt < len(doc) and (doc[nxt].text in ("$", "dollar", "dollars") or doc[nxt].lower_ in ("dollar", "dollars"))


def _named_unknown(tokens: Sequence, root, matched: set[int]) -> bool:
    """Whether the phrase names a person (a PERSON entity) or carries a proper noun or
    nationality/organisation name the tables did not match ("Hutu", "Azadliq", "MASSOB")."""
    for tok in tokens:
        if tok.i in matched or tok.is_punct:
            continue
        if tok.ent_type_ == "PERSON":
            return True
        if tok.i != root.i and (tok.pos_ == "PROPN" or tok.ent_type_ in NAMED_MODIFIER_ENTS):
            return True
    return False


def _affiliation(toks: Sequence) -> bool:
    """Whether the name ``toks`` is joined by a hyphen to an affiliation word ("pro-Russia",
    "Syrian-backed"), so it says whom the actor is for or against, not who it is."""
    doc = toks[0].doc
    first, last = toks[0].i, toks[-1].i
    if first >= 2 and doc[first - 1].text in ("-", "\u2010", "\u2011") and doc[first - 2].lower_ in AFFILIATION_PREFIXES:
        return True
    if first >= 1 and doc[first - 1].lower_.rstrip("-") in AFFILIATION_PREFIXES and doc[first - 1].text.endswith("-"):
        return True
    if last + 2 < len(doc) and doc[last + 1].text in ("-", "\u2010", "\u2011") and doc[last + 2].lower_ in AFFILIATION_SUFFIXES:
        return True
    return False


def _ethnic(toks: Sequence) -> bool:
    """Whether a country name or demonym follows "ethnic" ("ethnic Albanians")."""
    first = toks[0].i
    return first >= 1 and toks[0].doc[first - 1].lower_ in ETHNIC_WORDS


def _person_name(tokens: Sequence, root, matched: set[int]) -> str | None:
    """The name of the person the phrase is about, if it names one.

    That is a PERSON entity containing the head, or apposed to it or compounded
    with it ("Fan Changlong, deputy chairman ...", "adviser, Evan Medeiros");
    failing NER, the run of proper nouns ending at the head.
    """
    in_phrase = {t.i for t in tokens}
    doc = root.doc
    for first in tokens:
        # PERSON entities starting in the phrase, read off the tokens (doc.ents rebuilds every span)
        if first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
            continue
        end = first.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        ent = doc[first.i:end]
        if ent.start <= root.i < ent.end or (ent.root.head.i == root.i and ent.root.dep_ in ("appos", "compound")):
            return _name_text(t for t in ent if t.i not in matched)
    if root.pos_ != "PROPN" or root.i in matched or root.ent_type_ not in NAME_ENT_TYPES:
        return None
    run = [root]
    for tok in reversed(root.doc[tokens[0].i:root.i]):
        if tok.pos_ != "PROPN" or tok.i in matched or tok.i not in in_phrase or tok.ent_type_ not in NAME_ENT_TYPES:
            break
        run.insert(0, tok)
    return _name_text(run)


def _name_text(tokens: Iterable) -> str | None:
    words = [t.text for t in tokens if t.pos_ != "PART" and t.text not in ("'s", "'")]
    return " ".join(words) or None
