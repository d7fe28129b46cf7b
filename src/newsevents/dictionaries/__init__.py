"""Import of PETRARCH/TABARI dictionaries (``--dictionaries DIR``).

``load_dictionaries(dir)`` reads every ``*.actors.txt``, ``*.agents.txt``, ``*.verbs.txt`` and
``*.discards.txt`` of a directory into a :class:`DictionarySet`; ``make_coder(dirs, only)``
returns a :class:`DictionaryCoder`: an :class:`~newsevents.events.EventCoder` whose resolver
also knows the dictionaries' actors and agents and whose ``match`` adds the events of the
dictionaries' verb patterns (``only=True``: those alone, without the bundled patterns and tables).

Example::

    coder = make_coder(["/path/to/dictionaries"], only=True)
    pipeline = Pipeline(coder=coder)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import ontology
from ..actors import ActorResolver
from ..actors.resolver import ORGANISATION_TYPES
from ..actors.tables import CASED_ACRONYM_MAX, Entry
from ..events import arguments as args
from ..events.coder import EventCoder, Match
from ..events.factuality import factuality
from ..nlp import cache_owner, doc_text, span_text
from ..events.patterns import PatternIndex
from ..records import Actor
from .matcher import Mention, VerbMatcher, dictionary_pattern
from .readers import (ActorRecord, AgentRecord, DictionaryError, Discard, VerbDictionary, read_actors,
                      read_agents, read_discards, read_verbs)

__all__ = ["DictionarySet", "DictionaryCoder", "DictionaryError", "load_dictionaries", "make_coder"]

SUFFIXES = (".actors.txt", ".agents.txt", ".verbs.txt", ".discards.txt")
# Dependencies that keep a name inside the noun phrase of the word it modifies.
NP_DEPS = frozenset({"compound", "poss", "amod", "nmod", "case"})


@dataclass(slots=True)
class DictionarySet:
    """Everything read from one or more dictionary directories."""

    actors: list[ActorRecord] = field(default_factory=list)
    agents: list[AgentRecord] = field(default_factory=list)
    verbs: list[VerbDictionary] = field(default_factory=list)
    discards: list[Discard] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # lines skipped in published files (typos)

    def extend(self, other: DictionarySet) -> None:
        for name in ("actors", "agents", "verbs", "discards", "files", "warnings"):
            getattr(self, name).extend(getattr(other, name))

    def resolver_entries(self) -> list[tuple[str, Entry, bool]]:
        """``(name, Entry, plural_form)`` triples for :class:`~newsevents.actors.ActorResolver`.

        Dated codes come before the undated one, which is marked as the default outside their terms.
        """
        out: list[tuple[str, Entry, bool]] = []
        for a in self.actors:
            entries = []
            for c in sorted(a.codes, key=lambda c: not c.dated):
                code = c.code
                if not re.fullmatch(r"[A-Z0-9]+|---[A-Z0-9]*", code):
                    continue
                country = None if code.startswith(("---", *ORGANISATION_TYPES)) else code[:3]
                entries.append(Entry(code, country, None, f"dictionary:{a.source}", start=c.start, end=c.end,
                                     default=not c.dated and any(x.dated for x in a.codes)))
            for name in a.names:
                for e in entries:
                    out.append((_form(name), e, False))
        for g in self.agents:
            entry = Entry(None, None, g.code, f"dictionary:{g.source}")
            for name in g.names:
                out.append((_form(name), entry, False))
        return out


def _form(name: str) -> str:
    """The look-up form of a dictionary name: lower case (the dictionaries write every name in capitals),
    except a short acronym, which keeps its capitals so that it matches only as written: "US" is the
    United States, "us" a pronoun; "UN", "EU", "IS" likewise. (A short dictionary word such as "SPY"
    therefore matches only when written in capitals too.)"""
    bare = name.replace(".", "")
    if bare.isalpha() and bare.isupper() and len(bare) <= CASED_ACRONYM_MAX:
        return name
    return name.lower()


def load_dictionaries(directory: str | Path, *, strict: bool = True) -> DictionarySet:
    """Read every ``*.actors.txt``, ``*.agents.txt``, ``*.verbs.txt`` and ``*.discards.txt`` in ``directory``.

    Raises :class:`DictionaryError` (a ConfigError) naming file and line for a malformed line.
    ``strict=False`` skips malformed actor and agent lines instead (the published Phoenix files
    have three date and bracket typos) and lists them in ``warnings``.
    """
    d = Path(directory)
    skipped: list[str] | None = None if strict else []
    if not d.is_dir():
        raise DictionaryError(f"{d}: not a directory of PETRARCH dictionaries")
    out = DictionarySet()
    for path in sorted(d.iterdir()):
        name = path.name.lower()
        if name.endswith(".actors.txt"):
            out.actors.extend(read_actors(path, skipped))
        elif name.endswith(".agents.txt"):
            out.agents.extend(read_agents(path, skipped))
        elif name.endswith(".verbs.txt"):
            out.verbs.append(read_verbs(path))
        elif name.endswith(".discards.txt"):
            out.discards.extend(read_discards(path))
        else:
            continue
        out.files.append(str(path))
    out.warnings.extend(skipped or ())
    if not out.files:
        raise DictionaryError(f"{d}: no *.actors.txt, *.agents.txt, *.verbs.txt or *.discards.txt files")
    return out


def _phrases_regex(phrases: list[str]):
    """One compiled pattern finding any of ``phrases`` as whole words in upper-cased text, or None."""
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p.upper()) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(r"(?<![A-Z0-9])(?:" + alternatives + r")(?![A-Z0-9])")


# Words joining the members of a list of actors (with commas).
LIST_CONJUNCTIONS = frozenset({"and", "&"})
# Dependents that open a clause of their own: TABARI's "first actor after the verb" stops at them.
CLAUSE_DEPS = frozenset({"advcl", "relcl", "parataxis"})


def _clause_of(verb) -> set[int]:
    """Token indices of ``verb``'s own clause: its subtree without the clauses nested in it
    (and without conjoined verbs, which have clauses of their own). An infinitive attached as a
    clause is kept: spaCy often attaches "signed an accord to supply X" that way."""
    out: set[int] = set()
    stack = [verb]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            infinitive = any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            verbal = c.pos_ in ("VERB", "AUX")  # a "relcl" headed by a noun is a misparse, not a clause
            if (c.dep_ in CLAUSE_DEPS and verbal and not infinitive) or (c.dep_ == "conj" and verbal):
                continue
            stack.append(c)
    return out


class DictionaryCoder(EventCoder):
    """An :class:`EventCoder` that also codes the verb patterns of PETRARCH dictionaries.

    Args:
        dictionaries: what :func:`load_dictionaries` read.
        only: code with the dictionaries alone (no bundled patterns; the resolver should then be
            built with ``builtin=False``, as :func:`make_coder` does).
        patterns, resolver: as for :class:`EventCoder`.
    """

    def __init__(self, dictionaries: DictionarySet, *, only: bool = False, patterns: PatternIndex | None = None,
                 resolver=None):
        # with the dictionaries alone, their conventions hold: generic agents keep PETRARCH's "---" codes
        super().__init__(patterns=patterns if patterns is not None else (PatternIndex([]) if only else None),
                         resolver=resolver, located_actors=not only)
        self.dictionaries = dictionaries
        self.only = only
        self.cache_key = cache_owner()  # this coder's caches in doc.user_data
        self.verbs = VerbMatcher(dictionaries.verbs)
        self.sentence_discards = _phrases_regex([d.phrase for d in dictionaries.discards if not d.story])
        self.story_discards = _phrases_regex([d.phrase for d in dictionaries.discards if d.story])
        # Actors with several codes at once ("THE_SHIRE [FRO/BIL/SAM]"): each is coded for all of them.
        self.multi_codes: dict[str, list[str]] = {}
        for a in dictionaries.actors:
            undated = [c.code for c in a.codes if not c.dated and re.fullmatch(r"[A-Z0-9]+", c.code)]
            if len(undated) > 1:
                self.multi_codes[f"dictionary:{a.source}"] = undated
        # Prefix agents ("MSF {} [NGO~]"): their code goes before the actor's ("NGOARN").
        self.prefix_agents = {f"dictionary:{g.source}": g.code for g in dictionaries.agents if g.prefix}

    # -- matching -----------------------------------------------------------------------------------
    def discarded(self, sent) -> bool:
        """Whether a discard phrase is in the sentence (or, for ``+`` phrases, anywhere in its story)."""
        if self.sentence_discards is not None and self.sentence_discards.search(span_text(sent).upper()):
            return True
        if self.story_discards is None:
            return False
        key = ("newsevents.story_discarded", self.cache_key)
        if key not in sent.doc.user_data:  # once per article
            sent.doc.user_data[key] = self.story_discards.search(doc_text(sent.doc).upper()) is not None
        return sent.doc.user_data[key]

    def match(self, sent, memory=None, date: str | None = None, setting: tuple[str, str] | None = None) -> list[Match]:
        if self.discarded(sent):
            return []
        resolved: dict = {}  # the resolver's answers, shared by the bundled and dictionary coders
        base = [] if self.only else super().match(sent, memory=memory, date=date, setting=setting,
                                                   resolved=resolved)
        found = [self._locate_actors(m, setting)
                 for m in self.match_dictionary(sent, memory=memory, date=date, resolved=resolved)]
        if not found:
            return base
        # A dictionary event wins over a bundled one on the same trigger or the same dyad.
        triggers = {m.trigger.i for m in found}
        dyads = {(m.source.code if m.source else None, m.target.code if m.target else None) for m in found}
        return found + [m for m in base if m.trigger.i not in triggers and
                        (m.source.code if m.source else None, m.target.code if m.target else None) not in dyads]

    def _mentions(self, sent, actor, cache: dict | None = None) -> dict[int, Mention]:
        """Actor mentions of the sentence by token index: every token of a resolvable noun phrase."""
        out: dict[int, Mention] = {}
        words = list(sent)
        texts = [t.text for t in words]
        for s, e, entry in self.resolver.lexicon.scan(texts, None):
            if entry.code is None:
                continue
            head = words[e - 1]
            while head.dep_ in NP_DEPS and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head
            found = actor(head)
            base = sent.start_char
            if found is None or entry.rule not in (found.resolved_by or "").split("+"):
                # The resolver read the phrase otherwise ("anti- Gondor parade" as an affiliation, a
                # name it places by context): PETRARCH codes the dictionary actor named there.
                first_tok, last_tok = words[s], words[e - 1]
                found = Actor(text=doc_text(sent.doc)[first_tok.idx:last_tok.idx + len(last_tok)], code=entry.code,
                              country=entry.country, sector=entry.sector, start=first_tok.idx - base,
                              end=last_tok.idx + len(last_tok) - base, resolved_by=entry.rule)
                if cache is not None:
                    cache[head.i] = found
            toks = [t for t in words if t.idx - base >= found.start and t.idx - base + len(t.text) <= found.end]
            first = min([words[s].i] + [t.i for t in toks])
            last = max([words[e - 1].i] + [t.i for t in toks if t.i <= head.i] + [head.i])
            m = Mention(first, last, head)
            for i in range(first, last + 1):
                out.setdefault(i, m)
        return out

    def match_dictionary(self, sent, memory=None, date: str | None = None, *,
                         resolved: dict | None = None) -> list[Match]:
        """The events of the dictionaries' verb patterns in ``sent`` (``resolved``: the resolver's
        answers for this sentence, as in :meth:`EventCoder.match`)."""
        cache: dict[int, Actor | None] = {}
        raw = resolved if resolved is not None else {}

        def actor(tok):
            if tok is None:
                return None
            if tok.i not in cache:
                if tok.i not in raw:
                    raw[tok.i] = self.resolver.resolve_token(tok, memory=memory, date=date)
                cache[tok.i] = raw[tok.i]
            return cache[tok.i]

        mentions = self._mentions(sent, actor, cache)
        out: list[Match] = []
        seen: set[tuple] = set()
        coded = [(hit, *self.verbs.code_of(sent, hit, mentions)) for hit in self.verbs.verbs_in(sent)]
        # A verb that is a word of another verb's pattern ("allow * leave") is not coded on its own.
        used = {i for _, _, caps, _ in coded for i in caps.get("words", ())}
        for hit, code, caps, pattern in coded:
            if code is None or hit.trigger.i in used:
                continue
            verb = hit.trigger
            compound = "compound" in caps
            if compound:
                # "%": a compound actor in the slot it stands in: the source before the verb, the target after
                before = pattern is not None and any(t.kind == "compound" for t in pattern.before)
                caps = {**{k: v for k, v in caps.items() if k != "compound"},
                        ("source" if before else "target"): caps["compound"]}
            sources = self._sources(sent, verb, caps, mentions, actor)
            targets = self._targets(sent, verb, caps, mentions, actor, sources)
            known = [a for a in sources if a is not None]
            if targets == [None] and (":" in code or compound) and len({a.code for a in known}) > 1:
                # A compound source ("%") or a two-way code ("064:064") with several actors and no
                # other target: the members act on each other ("Gondor and Osgiliath have renewed
                # diplomatic ties").
                pairs = [(s, t) for s in known for t in known if s is not t]
            else:
                pairs = [(s, t) for s in sources for t in targets]
            codes = code.split(":")
            fact = factuality(verb)
            for s, t in pairs:
                if s is not None and t is not None and s.code == t.code:
                    continue
                directed = [(codes[0], s, t)]
                if len(codes) > 1 and s is not None and t is not None:
                    directed.append((codes[1], t, s))
                for c, a, b in directed:
                    key = (c, a.code if a else None, b.code if b else None)
                    if key in seen or a is None or b is None:  # PETRARCH codes complete dyads only
                        continue
                    seen.add(key)
                    out.append(Match(dictionary_pattern(c, hit, pattern), verb, a, b, fact,
                                     dictionary_pattern(c, hit, pattern).confidence))
        return out

    def _sources(self, sent, verb, caps, mentions, actor) -> list[Actor | None]:
        if "source" in caps:
            return self._listed(sent, self._actors(caps["source"].head, actor), mentions, actor) or [None]
        subj = args.subject_of(verb)
        if subj is not None and actor(subj) is not None:
            return self._listed(sent, self._actors(args.argument_head(subj), actor), mentions, actor)
        left = [m for i, m in sorted(mentions.items()) if m.last < verb.i]
        if left:
            return self._listed(sent, self._actors(left[-1].head, actor), mentions, actor)
        return [None]

    def _listed(self, sent, found: list[Actor | None], mentions, actor) -> list[Actor | None]:
        """``found`` with the other members of the lists its actors stand in ("Arnor, Calenardhon and
        the evil awful Gondor", "the ambassadors of Arnor, Osgiliath and Gondor"), which the parser
        does not always join as conjuncts."""
        known = [a for a in found if a is not None]
        if not known:
            return found
        base = sent.start_char
        unique = {id(m): m for m in mentions.values()}.values()
        start = {m.first: m for m in unique}
        end = {m.last: m for m in unique}
        doc = sent.doc
        seeds: dict[int, Mention] = {}
        for a in known:
            for m in unique:
                if doc[m.first].idx - base >= a.start and doc[m.last].idx + len(doc[m.last]) - base <= a.end:
                    seeds[id(m)] = m
        members: dict[int, Mention] = {}

        def glue_after(m) -> bool:  # a list goes on after m
            pos = m.last + 1
            return pos < sent.end and (doc[pos].text == "," or doc[pos].lower_ in LIST_CONJUNCTIONS)

        todo = list(seeds.values())
        while todo:
            m = todo.pop()
            for step, pos, table in ((1, m.last + 1, start), (-1, m.first - 1, end)):
                glue = set()
                while sent.start <= pos < sent.end:
                    t = doc[pos]
                    nxt = table.get(pos)
                    if nxt is not None:
                        # "A, the B, C and D" but not the apposition in "A and B, the C newspaper"
                        ok = "and" in glue or (glue and (step < 0 or glue_after(nxt)))
                        if ok and id(nxt) not in members:
                            members[id(nxt)] = nxt
                            if id(nxt) not in seeds:
                                todo.append(nxt)
                        break
                    if t.text == "," or t.lower_ in LIST_CONJUNCTIONS:
                        glue.add("and" if t.lower_ in LIST_CONJUNCTIONS else ",")
                    elif t.pos_ not in ("DET", "ADJ", "ADV"):
                        break
                    pos += step
        out = list(found)
        codes = {a.code for a in known}
        for m in sorted(members.values(), key=lambda m: m.first):
            for a in self._actors(m.head, actor):
                if a is not None and a.code not in codes:
                    codes.add(a.code)
                    out.append(a)
        return out

    def _targets(self, sent, verb, caps, mentions, actor, sources) -> list[Actor | None]:
        if "target" in caps:
            return self._listed(sent, self._actors(caps["target"].head, actor), mentions, actor)
        codes = {s.code for s in sources if s is not None}
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and args.agent_of(verb) is not None:
            # "Y was opposed by X": the passive subject is the target
            found = [a for a in self._actors(args.argument_head(passive), actor) if a is not None and a.code not in codes]
            if found:
                return found
        clause = _clause_of(verb)
        for i in sorted(mentions):
            m = mentions[i]
            if i <= verb.i or m.first <= verb.i or m.head.i not in clause:
                continue
            found = [a for a in self._actors(m.head, actor) if a is not None and a.code not in codes]
            if found:
                return [a for a in self._listed(sent, found, mentions, actor) if a is not None and a.code not in codes]
        # No named actor after the verb: its direct object may still be an agent alone ("arrested students")
        obj = args.object_of(verb)
        if obj is not None and obj.i > verb.i and "target" not in caps:
            found = [a for a in self._actors(obj, actor) if a is not None and a.code not in codes]
            if found:
                return found
        return [None]

    def _expand(self, a: Actor | None) -> list[Actor | None]:
        """``a`` as the dictionaries code it: one actor per code of a multi-code entry, prefix agents first."""
        if a is None or not a.code:
            return [a]
        rules = (a.resolved_by or "").split("+")
        prefix = next((self.prefix_agents[r] for r in rules if r in self.prefix_agents), None)
        if prefix is not None and not a.code.startswith(prefix):
            stem = a.code[:-len(prefix)] if a.code.endswith(prefix) else a.code
            stem = stem.lstrip("-")
            a = replace(a, code=prefix + stem, country=None, sector=prefix)
        codes = next((self.multi_codes[r] for r in rules if r in self.multi_codes), None)
        if not codes:
            return [a]
        first = next((c for c in codes if a.code.startswith(c) or a.code.endswith(c)), None)
        if first is None:
            return [a]
        return [replace(a, code=a.code.replace(first, c, 1),
                        country=c[:3] if a.country == first[:3] else a.country) for c in codes]

    def _actors(self, tok, actor) -> list[Actor | None]:
        out: list[Actor | None] = []
        for a in super()._actors(tok, actor):
            out.extend(self._expand(a))
        return out

    # -- building -----------------------------------------------------------------------------------
    def build(self, m: Match, *, doc_id: str, sentence_index: int, sent):
        """As :meth:`EventCoder.build`; codes the CAMEO table lacks (test codes such as ``903``,
        ``174K``) keep their text and take the names and scores of their nearest known parent."""
        code = m.pattern.code
        if ontology.is_code(code) and ontology.normalise(code) == code:  # "1010" stays "1010", not "101"
            return super().build(m, doc_id=doc_id, sentence_index=sentence_index, sent=sent)
        parent = next((code[:n] for n in (3, 2) if ontology.is_code(code[:n])), "01")
        event = super().build(replace(m, pattern=replace(m.pattern, code=parent)), doc_id=doc_id,
                              sentence_index=sentence_index, sent=sent)
        event.cameo = code
        event.cameo_name = f"{event.cameo_name} (dictionary code {code})"
        return event


def make_coder(dirs: list[str], only: bool = False, *, strict: bool = True, resolver_dirs=()) -> DictionaryCoder:
    """A coder with the dictionaries of ``dirs`` added to the bundled data (``only``: instead of it).

    ``strict`` as for :func:`load_dictionaries`; ``resolver_dirs`` are user actor tables
    (``ActorResolver(extra_dirs=...)``)."""
    dictionaries = DictionarySet()
    for d in dirs:
        dictionaries.extend(load_dictionaries(d, strict=strict))
    resolver = ActorResolver(resolver_dirs, entries=dictionaries.resolver_entries(), builtin=not only)
    return DictionaryCoder(dictionaries, only=only, resolver=resolver)
