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

from .. import counts
from ..records import Actor
from .memory import DocumentActors
from .tables import CAPITAL_RULE, FORMER_SECTOR, Entry, Lexicon, as_date, load_lexicon, norms
from ..nlp import LOCATIVE_PREPS, TokenTable, cache_owner, doc_text, sentence_of, token_table

# Dependency labels that start a part of the parse which is not the actor itself:
# clauses about it, and the other members of a coordination (each its own actor).
DROP_DEPS = frozenset({"relcl", "acl", "advcl", "conj", "cc", "parataxis"})
PREP_DEPS = frozenset({"prep", "agent"})
# "The Pope" with no other word is the Bishop of Rome: the Holy See (VAT) with sector REL.
POPE_WORDS = frozenset({"pope", "pontiff"})
HOLY_SEE = "VAT"
POPE_RULE = "pope"
# Sectors a word for an armed group's members would add to the group's own REB: its gunmen, fighters
# and dissidents are the group ("Hamas gunmen" PSEREB, "FARC dissidents" COLREB).
ARMED_MEMBER_SECTORS = frozenset({"UAF", "OPP"})
# Sectors of people placed by where the sentence puts them rather than by a nationality it names
# (see _context_country's places_first): armed groups, gunmen, civilians, opponents.
PLACED_SECTORS = frozenset({"REB", "UAF", "CVL", "OPP"})
# Sector nouns that add nothing to a named organisation's own code: "the UN health agency" (IGO, no
# government), "critics, including the European Commission".
ORGANISATION_NEUTRAL_WORDS = frozenset({"agency", "critic", "opponent", "detractor"})
# Clauses inside a prepositional phrase ("of massacring villagers"): what the actor does, not who it is.
CLAUSE_DEPS = frozenset({"pcomp"})
# Prepositions of a destination: "the envoy to Syria", "handed the commander over to the United States".
GOAL_PREPS = frozenset({"to", "into", "toward", "towards"})
LEVEL_HEAD, LEVEL_OF, LEVEL_PREP, LEVEL_DROPPED = 0, 1, 2, 3
# Posts of those who speak for a body: "a spokesman for the army" is the army's (MIL).
SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen"})
# The code of a generic non-governmental organisation ("aid agencies", "a charity").
GENERIC_NGO = "NGO"
# Nouns for the other side of a relation: the one they are related to is not the actor's country
# ("Israel's militia ally in southern Lebanon" is Lebanese, "the allies of Iran" are not Iran).
RELATIONAL_NOUNS = frozenset({"ally", "proxy", "partner", "rival", "enemy", "foe", "opponent", "adversary",
                              "neighbour", "neighbor", "client", "surrogate", "nemesis", "critic", "detractor"})
# Relational nouns that, tied to a country's own government, legislature, courts, ruling party or
# leader, name that country's opposition: "opponents of Rwanda's Senate", "critics of President
# Kenyatta", "government critics" (OPP of that country; "Iran's opponents" stay someone else).
OPPOSITION_NOUNS = frozenset({"opponent", "critic", "detractor"})
OPPOSED_SECTORS = frozenset({"GOV", "LEG", "JUD", "PTY"})
OPPOSITION_RULE = "opposition"
HOMONYM_RULE = "homonym"  # a capital's name read as another country's town by the place resolution
# Nouns for those who back a figure: the backers of a leader out of office (a former, ousted or exiled
# head of state or official: CAMEO ELI) or of an opposition figure are that country's opposition
# ("supporters of ousted President X" OPP, not the ELI of the figure they back).
SUPPORTER_NOUNS = frozenset({"supporter", "follower", "loyalist", "partisan", "backer"})
BACKED_SECTORS = frozenset({FORMER_SECTOR, "OPP"})
# Doc.user_data key: ({start offset: country} of the document's state-level place mentions,
# [(start offset, country)] of all its place mentions), left by the pipeline after place
# resolution ("Georgia" read as the US state); see _state_country.
STATE_PLACES_KEY = "newsevents.state_places"
# Words that make a title a past one ("former", "ex-", "then-", "the late", "ousted").
FORMER_WORDS = frozenset({"former", "ex", "ex-", "then", "then-", "late", "ousted", "deposed", "exiled", "onetime",
                          "one-time", "erstwhile", "outgoing", "toppled"})
# Of those, the ones that put the office in the past at the time of the news ("then-President X
# ordered" held it when the act was done; an "outgoing" one still holds it).
PAST_OFFICE_WORDS = FORMER_WORDS - {"then", "then-", "outgoing"}
# Heads of posts that a past title makes a former official (besides OFFICE_WORDS): "a former army chief".
PAST_OFFICE_HEADS = frozenset({"chief", "head", "official", "leader", "director", "spokesman", "commissioner",
                               "judge", "prosecutor", "diplomat", "lawmaker", "senator", "mp", "deputy", "mayor"})
# Sectors of state offices, which a past title turns into ELI (former officials).
STATE_OFFICE_SECTORS = frozenset({"GOV", "MIL", "DIP", "LEG", "JUD", "COP", "SPY"})
# Words of a title that names a state office (not a party post such as "leader" or "chairman").
OFFICE_WORDS = frozenset({"president", "prime", "premier", "minister", "chancellor", "king", "queen", "emir",
                          "sultan", "secretary", "governor", "ambassador", "envoy", "general", "commander"})
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "county", "state",
                              "port", "capital", "suburb", "neighbourhood", "neighborhood", "area", "enclave"})
GAZETTEER_RULE = "places:gazetteer"
STATE_RULE = "place:state"
# Nouns of a state's own institutions and offices, which make a name next to them read as a state.
STATE_CUES = frozenset({"state", "governor", "gov.", "legislature", "lawmaker", "legislator", "senate", "senator",
                        "house", "assembly", "representative", "rep.", "county", "university", "college",
                        "department", "agency", "commission", "board", "police", "patrol", "sheriff", "court",
                        "attorney", "district", "school", "bureau", "office", "guard", "capitol", "republican",
                        "democrat", "voter", "resident", "official", "lottery", "power", "port", "ethic"})
INSTITUTION_RULE = "institutions:name"
# Heads that name a country's representative at an organisation ("Russia's UN ambassador"): the country wins.
ENVOY_NOUNS = frozenset({"ambassador", "envoy", "representative", "delegate", "diplomat"})
# Clauses (acl) that place an actor without a country of its own, with the prepositions that name
# the place or body: "workers affiliated with the Serbian Workers' Union", "a newspaper based in
# Beirut". Not "stationed in" or "deployed to": troops abroad keep their own country.
AFFILIATION_CLAUSES = {"affiliate": ("with", "to"), "base": ("in",), "headquarter": ("in",),
                       "belong": ("to",), "attach": ("to",), "link": ("to", "with")}
AFFILIATION_RULE = "affiliation"
# Words that tie fighters to a group they belong to ("linked to al-Qaeda", "loyal to Islamic State").
GROUP_TIES = frozenset({"link", "affiliate", "belong", "ally", "tie", "loyal", "connect", "align"})
# Counting nouns a clause may hang on instead of the counted people ("thousands of workers affiliated with").
GROUP_NOUNS = counts.words("groups")  # data/counts.yaml
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
AFFILIATION_PREFIXES = frozenset({"anti", "pro", "non", "ex", "counter"})
AFFILIATION_SUFFIXES = frozenset({
    "backed", "linked", "allied", "affiliated", "aligned", "inspired", "sponsored", "supported",
    "funded", "occupied", "controlled", "held", "style", "based", "influenced", "friendly", "born",
    "trained", "educated", "oriented", "leaning", "bound", "ruled", "annexed", "administered",
    "bashing", "hating", "baiting", "skeptic", "sceptic", "phobic",
})
# "ethnic Albanians", "ethnic Turks": a people, not the state of that name (the gold codes them
# with the country they live in, e.g. ethnic Albanians in Serbia as SRB).
ETHNIC_WORDS = frozenset({"ethnic"})
# Heads that make a demonym a people rather than a state ("the Albanian population", "the Serb minority").
# (not "community": "an Israeli community" is also a village)
PEOPLE_NOUNS = frozenset({"population", "minority", "majority", "diaspora", "populace"})
# Rule of an actor whose country is read from the rest of its sentence (see ``_context_country``).
CONTEXT_RULE = "context"
DEMONYM_RULE = "country:demonym"
NAMED_MODIFIER_ENTS = frozenset({"NORP", "ORG", "PERSON", "GPE", "LOC", "FAC"})


# Heads of the names of seas and straits, which name no actor ("the South China Sea", "the Gulf of
# Aden", "the Strait of Hormuz"); written with a capital (a "sea change" is no sea).
WATER_WORDS = frozenset({"sea", "ocean", "gulf", "strait", "straits", "bay", "channel"})


def _in_water_name(tab: TokenTable, i: int, text: str) -> bool:
    """Whether token ``i`` is part of the name of a sea ("China" in "the South China Sea")."""
    while tab.dep[i] in ("compound", "amod") and tab.head[i] != i:
        i = tab.head[i]
        if tab.lemma[i] in WATER_WORDS and text[tab.idx[i]:tab.idx[i] + 1].isupper():
            return True
    return False


# A people named by its plural demonym is civilians of its country (see ``_people_head``).
PEOPLE_SECTOR = "CVL"
PEOPLE_RULE = "people"


def _people_head(tab: TokenTable, root: int, text: str) -> bool:
    """Whether token ``root`` names a people: a capitalised plural noun ("Palestinians", "Kurds",
    "Albanians"), not an acronym ("NGOs") nor a name in the singular ("Hamas"). ``text`` is the
    document's text as written (a headline the parser read lower-cased keeps its capitals there)."""
    word = text[tab.idx[root]:tab.idx[root] + len(tab.text[root])]
    if tab.pos[root] == "NOUN" and tab.ent_type[root] != "NORP" and sentence_of(tab.doc[root]).start == root:
        return False  # a common noun written with a capital because it opens the sentence ("Members of ...")
    return tab.tag[root] in ("NNS", "NNPS") and word[:1].isupper() and not word.isupper() and word.endswith("s")


def compose_code(stem: str | None, sector: str | None) -> str | None:
    """``stem`` + ``sector`` unless the stem already carries it; ``---`` + sector without a stem."""
    if stem is None:
        return NO_SECTOR_CODE + sector if sector else None
    if sector is None or sector in (stem[i:i + 3] for i in range(0, len(stem), 3)):
        return stem  # (an organisation's own type counts: "Save the Children" workers are NGOSTC)
    return stem + sector


def _stem_rank(entry: Entry) -> int:
    """Named groups, institutions and IGO/NGO first, then countries, then regions (after the match
    that contains the phrase's head: "NATO member Turkey" is Turkey, "NATO troops" NATO)."""
    if entry.country is None:
        return 2 if len(entry.code or "") == 3 else 0
    return 1 if entry.rule.startswith(("country:", "places:")) else 0


# Token positions and attributes come from the Doc's TokenTable (``nlp.token_table``): the
# resolver walks the parse many times per phrase, and list look-ups cost far less than spaCy Tokens.

def _level(tab: TokenTable, i: int, root: int) -> int:
    """How far token ``i`` is from being part of the actor headed by ``root`` (see module doc)."""
    level = LEVEL_HEAD
    head, dep = tab.head, tab.dep
    while i != root and head[i] != i:
        d = dep[i]
        if d in DROP_DEPS:
            return LEVEL_DROPPED
        if d == "poss" and tab.lemma[head[i]] in RELATIONAL_NOUNS or (
                d == "pobj" and tab.lower[head[i]] == "of" and tab.lemma[head[head[i]]] in RELATIONAL_NOUNS):
            return LEVEL_DROPPED  # "Israel's militia ally", "allies of Iran": someone else's
        if d in PREP_DEPS:
            # (a spokesman speaks "for" a body as another's member is "of" it: "a spokesman for the army")
            of = tab.lower[i] == "of" or tab.lower[i] == "for" and tab.lemma[head[i]] in SPOKESPERSON_NOUNS
            level = max(level, LEVEL_OF if of else LEVEL_PREP)
        i = head[i]
    return level


def phrase_tokens(head) -> list:
    """The tokens of the phrase headed by ``head``: its subtree without clauses,
    coordinated members or edge punctuation (appositions are kept)."""
    doc = head.doc
    return [doc[i] for i in _phrase(token_table(doc), head.i)]


def _phrase(tab: TokenTable, root: int) -> list[int]:
    """The positions of :func:`phrase_tokens` (computed once per Doc and head; do not modify)."""
    kept = tab.phrases.get(root)
    if kept is not None:
        return kept
    dep, children = tab.dep, tab.children
    kept = []
    stack = [root]
    while stack:
        i = stack.pop()
        kept.append(i)
        for c in children[i]:
            d = dep[c]
            if d not in DROP_DEPS and not (d == "appos" and _list_member(tab, c)):
                stack.append(c)
    if tab.ent_type[root] == "PERSON":
        # a name the parser broke into pieces ("Sheikh Hamad | bin | Khalifa | al-Thani launched",
        # each a subject of its own) is the whole PERSON entity
        iob, n = tab.ent_iob, len(tab.text)
        first = root
        while first > 0 and iob[first] == "I":
            first -= 1
        last = root + 1
        while last < n and iob[last] == "I":
            last += 1
        kept = list(set(kept).union(range(first, last)))
    kept.sort()
    punct = tab.is_punct
    while len(kept) > 1 and punct[kept[-1]]:
        kept.pop()
    while len(kept) > 1 and punct[kept[0]]:
        kept.pop(0)
    tab.phrases[root] = kept
    return kept


def _list_member(tab: TokenTable, i: int) -> bool:
    """An apposition that is really the next item of a list ("The US, Russia, and Switzerland")."""
    pos, dep = tab.pos, tab.dep
    return dep[i] == "appos" and pos[i] == "PROPN" and pos[tab.head[i]] == "PROPN" \
        and any(dep[g] == "conj" for g in tab.children[i])


# A country naming a border the phrase is near or along ("near the Lebanese border") is not the
# phrase's country.
BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "borderline"})
# Heads that make an acronym before them an armed group's ("SDF fighters", "ELN guerrillas").
ARMED_HEADS = frozenset({"fighter", "rebel", "militant", "guerrilla", "guerilla", "insurgent", "militia",
                         "militiaman", "gunman", "troop", "force", "soldier", "commander", "unit", "jihadist",
                         "combatant", "member", "dissident", "faction"})


# Title words of newspapers named for a place ("the Washington Post", "The Tehran Times").
NEWSPAPER_WORDS = frozenset({"post", "times", "herald", "tribune", "gazette", "chronicle", "telegraph", "journal"})


def _newspaper_title(tab: TokenTable, i: int) -> bool:
    """Whether the title word at ``i`` ends a newspaper's name: a capitalised word before it, and
    no hyphen or further name after it ("Times Square", "Post-election" are none)."""
    if i == 0 or not tab.text[i - 1][:1].isupper() or tab.is_punct[i - 1]:
        return False
    if i + 1 < len(tab.text) and (tab.text[i + 1] in HYPHENS or tab.pos[i + 1] == "PROPN"):
        return False
    return True


def _acronym(word: str) -> bool:
    """An all-capitals abbreviation of two to five letters ("FSA", "SDF", "HTS")."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


class _Match:
    """One table name found in a phrase."""

    __slots__ = ("tokens", "entry", "level", "position", "ethnic")

    def __init__(self, tokens: Sequence, entry: Entry, level: int, position: int, ethnic: bool = False) -> None:
        self.tokens = tokens  # token positions (words for plain text)
        self.entry = entry
        self.level = level
        self.position = position
        self.ethnic = ethnic  # "ethnic Albanians": a people, used only when the sentence names no country


def _party_to(tab: TokenTable, m: _Match) -> bool:
    """"parties to the conflict", "a party to the agreement": a side in something, not a political
    party."""
    last = m.tokens[-1]
    return (m.entry.sector == "PTY" and tab.lower[last] in ("party", "parties")
            and last + 1 < len(tab.lower) and tab.lower[last + 1] == "to")


# Words that make "party" a gathering, a group of people on an errand or a side in a dispute, not
# a political party: "a wedding party", "a search party", "third parties", "the injured party".
NON_POLITICAL_PARTY_WORDS = frozenset({
    "wedding", "birthday", "search", "rescue", "dinner", "tea", "garden", "house", "pool", "dance", "street",
    "block", "office", "cocktail", "christmas", "farewell", "engagement", "launch", "costume", "hunting",
    "boarding", "landing", "raiding", "working", "shooting", "stag", "hen", "bachelor", "bachelorette",
    "slumber", "pajama", "beach", "victory", "welcome", "graduation", "retirement", "release", "watch",
    "third", "interested", "injured", "aggrieved", "guilty", "innocent", "affected", "contracting", "concerned",
})


def _not_political_party(tab: TokenTable, m: _Match) -> bool:
    """Whether ``m`` is the word "party" used for a gathering or a side ("a wedding party", "third
    parties"): a lower-case modifier from NON_POLITICAL_PARTY_WORDS ("the Tea Party" stays a party)."""
    if m.entry.sector != "PTY" or m.entry.code is not None or len(m.tokens) != 1:
        return False
    last = m.tokens[-1]
    if tab.lower[last] not in ("party", "parties"):
        return False
    return any(tab.dep[c] in ("compound", "amod", "nmod") and tab.lemma[c] in NON_POLITICAL_PARTY_WORDS
               and tab.text[c].islower() for c in tab.children[last])


def _pick_sector(matches: Iterable[_Match], root: int | None) -> tuple[str | None, str | None]:
    """The phrase's sector and the rule that gave it: rightmost organisation noun,
    else rightmost role ("spokesman" alone is GOV, "army spokesman" MIL). ``root``: the head's
    position, None for plain text."""
    org = role = None
    org_level = role_level = LEVEL_DROPPED
    for m in matches:
        if m.level > MAX_SECTOR_LEVEL:
            continue
        sector = m.entry.sector
        if sector is None and m.entry.head_sector and root is not None and root in m.tokens:
            sector = m.entry.head_sector
        if sector is None:
            continue
        # the head's own words before its "of" phrase: "Ethiopian troops of massacring villagers"
        # are troops (MIL), "thousands of Iraqi Kurds" (no sector at the head) the Kurds
        if m.entry.role:
            if m.level <= role_level:
                role, role_level = (sector, m.entry.rule), m.level
        elif m.level < org_level or m.level == org_level and not (
                sector == PEOPLE_SECTOR and org is not None and org[0] != PEOPLE_SECTOR):
            # (civilians are what a person is when nothing else is said: "dissident artist" is OPP)
            org, org_level = (sector, m.entry.rule), m.level
    return org or role or (None, None)


# Things named after a kind of actor that are no actor: "the 'foreign agents' law", "the press law",
# "a police scandal" (organisations keep their sector on things they own: "a police station").
THING_NOUNS = frozenset({"law", "bill", "act", "rule", "case", "scandal", "affair", "legislation", "regulation",
                         "decree", "statute", "amendment", "ordinance", "code", "clause", "provision"})


def _role_of_thing(tab: TokenTable, m: _Match, root: int, matches: Sequence[_Match]) -> bool:
    """Whether ``m`` is a role word compounded onto a head that names no one ("a foreign agents
    law", "the spy scandal"): the thing is no agent of that kind. (Organisations keep theirs on
    things they own: "a police station", "an army base".)"""
    if root in m.tokens or m.entry.code is not None or tab.dep[m.tokens[-1]] not in ("compound", "nmod", "poss") \
            or tab.head[m.tokens[-1]] != root or tab.pos[root] != "NOUN" or tab.ent_type[root] \
            or any(root in o.tokens for o in matches):
        return False
    # (a role compounded on any thing; any sector word on a law or an affair: "the press law", "a police
    # scandal", "the 'foreign agents' law"; not "the governor's office")
    return bool(m.entry.role) and tab.dep[m.tokens[-1]] != "poss" or tab.lemma[root] in THING_NOUNS


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
        self.cache_key = cache_owner()  # this resolver's caches in doc.user_data

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
        return self._resolve(list(range(span.start, span.end)), span.root, memory, as_date(date))

    def resolve_token(self, tok, memory: DocumentActors | None = None, date=None) -> Actor | None:
        """The actor of the phrase headed by ``tok`` (see :func:`phrase_tokens`; ``date`` as in :meth:`resolve`)."""
        tab = token_table(tok.doc)
        return self._resolve(_phrase(tab, tok.i), tok, memory, as_date(date), tab)

    def _matches(self, tab: TokenTable, tokens: Sequence[int], root: int, date: str | None = None) -> list[_Match]:
        """Table names in ``tokens`` (positions), scanned over runs of adjacent tokens."""
        out: list[_Match] = []
        text, pos, head, dep = tab.text, tab.pos, tab.head, tab.dep
        scan, normed = self.lexicon.scan, _normed(tab)
        run_start = 0
        n = len(tokens)
        for k in range(1, n + 1):
            if k < n and tokens[k] == tokens[k - 1] + 1:
                continue
            run = tokens[run_start:k]
            for s, e, entry in scan(text[run[0]:run[-1] + 1], date, normed[run[0]:run[-1] + 1]):
                toks = run[s:e]
                if entry.role and pos[toks[-1]] not in NOUN_POS:
                    continue  # "major" and "general" as adjectives are no ranks
                if entry.code is None and root not in toks and toks[0] >= 1 and text[toks[0] - 1] in HYPHENS:
                    # a modifier joined by a hyphen: "multi-party elections", "anti-government
                    # protesters" (no party, no government); "ex-soldiers" keeps its head
                    continue
                if entry.code and affiliation(tab, toks):
                    continue
                if entry.rule == PERSON_RULE and _settlement_name(tab, toks[-1]):
                    continue  # "the town of Djibo", "Obama city": a place, not a person
                if entry.rule == PERSON_RULE and _double_barrelled(tab, toks):
                    continue  # "Mayor Stephanie Rawlings-Blake" is not Jerry Rawlings
                if entry.sector == "BUS" and entry.rule == INSTITUTION_RULE and toks[0] >= 1 \
                        and tab.lower[toks[0] - 1] == "the":
                    continue  # a company is named without an article: "the Amazon" is the river

                if entry.country and head[toks[-1]] != root and dep[toks[-1]] in ("amod", "compound") \
                        and tab.lemma[head[toks[-1]]] in BORDER_NOUNS:
                    continue  # "Madaya, near the Lebanese border": a border names no one's place
                if entry.sector == "MED" and len(toks) == 1 and tab.lower[toks[0]] in NEWSPAPER_WORDS \
                        and not _newspaper_title(tab, toks[0]):
                    continue  # "Times Square", "Post-election violence": no newspaper
                if entry.country and entry.rule == "groups:name" and len(toks) == 1 and _acronym(text[toks[0]]) \
                        and len(text[toks[0]]) <= 3 \
                        and tab.lemma[root] not in ARMED_HEADS and entry.country not in self._document_countries(tab):
                    continue  # "the FSA" is the Free Syrian Army only in an article naming Syria (or one of
                    # its leaders, or with an armed noun: "SDF fighters", "ELN guerrillas"); the longer
                    # acronyms name one group ("FARC", "TPLF")
                if entry.country is None and entry.code and not entry.code.startswith(ORGANISATION_TYPES) \
                        and len(toks) == 1 and toks[0] + 1 < len(text) and pos[toks[0] + 1] == "PROPN" \
                        and tab.ent_iob[toks[0] + 1] == "I":
                    continue  # a region word opening a longer name is the name's: "Western Cape", "Western Union"
                # (most names are one token: no generator for those)
                level = _level(tab, toks[0], root) if len(toks) == 1 else min(_level(tab, t, root) for t in toks)
                if level < LEVEL_DROPPED:
                    ethnic = entry.country is not None and _ethnic(tab, toks)
                    out.append(_Match(toks, entry, level, run_start + s, ethnic))
            run_start = k
        return out

    def _whole_names(self, tab: TokenTable, tokens: Sequence[int], root_tok, date: str | None) -> Sequence[int]:
        """``tokens`` with the words of a table name through the head that the phrase left out as a
        coordination: "the Organization for Security and Co-operation in Europe" is one name."""
        sent = sentence_of(root_tok)
        if "and" not in tab.lower[sent.start:sent.end]:
            return tokens  # (only a coordination splits a name: none in the sentence, no edges asked for)
        first, last = root_tok.left_edge.i, root_tok.right_edge.i
        if len(tokens) >= last - first + 1 or "and" not in tab.lower[first:last + 1]:
            return tokens
        kept = set(tokens)
        extra = set()
        for s, e, entry in self.lexicon.scan(tab.text[first:last + 1], date, _normed(tab)[first:last + 1]):
            span = range(first + s, first + e)
            if entry.code and e - s > 1 and span[0] in kept \
                    and any(i not in kept for i in span):
                extra.update(span)
        return sorted(kept | extra) if extra else tokens

    def _document_countries(self, tab: TokenTable) -> frozenset[str]:
        """Countries the document names by name, demonym, capital or place, or by a leader's name
        ("Zuma" names South Africa) (computed once per Doc)."""
        doc = tab.doc
        key = ("newsevents.document_countries", self.cache_key)
        found = doc.user_data.get(key)
        if found is None:
            found = frozenset(entry.country for _, _, entry in self.lexicon.scan(tab.text, normed=_normed(tab))
                              if entry.country and (entry.rule.split(":")[0] in ("country", "places")
                                                    or entry.rule == PERSON_RULE))
            doc.user_data[key] = found
        return found

    def _context_country(self, root, exclude: set[int], date: str | None = None, *,
                         places_first: bool = False, located: bool = False) -> str | None:
        """The first country named in ``root``'s sentence outside the phrase ``exclude``
        (names, demonyms, capitals, places, national groups and institutions; not
        affiliations such as "anti-Syria" or peoples such as "ethnic Albanians"). With
        ``places_first``, a country or place named as such goes before a demonym: a people lives
        where the sentence places it ("Serb forces ... in Montenegro against the Albanian population").
        With ``located``, only a place in a locative phrase counts ("in Istanbul")."""
        tab = token_table(root.doc)

        def placed(first: int, last: int) -> bool:
            """Whether the name is the object of a preposition of place."""
            return any(tab.dep[t] == "pobj" and tab.lower[tab.head[t]] in LOCATIVE_PREPS
                       for t in range(first, last + 1))

        found = [(first, last, country, demonym) for first, last, country, demonym
                 in self._sentence_countries(tab, sentence_of(root), date)
                 if not any(i in exclude for i in range(first, last + 1))
                 and not (located and (demonym or not placed(first, last)))]
        if places_first:
            # a people lives where the sentence places it: a place in a locative phrase, else the
            # country or place named nearest ("providing intelligence to Macedonia, which is preparing
            # an offensive against ethnic Albanian guerrillas": Macedonia, not the United States)
            found.sort(key=lambda f: (f[3], not placed(f[0], f[1]), min(abs(f[0] - root.i), abs(f[1] - root.i))))
        return found[0][2] if found else None

    def _sentence_countries(self, tab: TokenTable, sent, date: str | None) -> list[tuple[int, int, str, bool]]:
        """(first token, last token, country, named by a demonym) of every country named in
        ``sent``, in text order; computed once per sentence and date (many phrases of a sentence
        ask for it)."""
        key = ("newsevents.sentence_countries", self.cache_key, sent.start, date)
        cache = sent.doc.user_data
        if key not in cache:
            start = sent.start
            found = []
            for s, e, entry in self.lexicon.scan(tab.text[start:sent.end], date, _normed(tab)[start:sent.end]):
                if entry.country is None or entry.role or entry.rule == PERSON_RULE:
                    continue
                toks = range(start + s, start + e)
                if affiliation(tab, toks) or _ethnic(tab, toks) or _currency(tab, toks):
                    continue
                found.append((toks[0], toks[-1], _state_country(tab, toks[0], entry.country),
                              entry.rule == DEMONYM_RULE))
            cache[key] = found
        return cache[key]

    def _affiliated_group(self, tab: TokenTable, root: int, date: str | None):
        """The armed group (its table entry) a clause on the phrase headed by ``root`` ties it to:
        "linked to", "affiliated with", "allied with", "loyal to", "(suspected of) belonging to"
        an armed group or a group the tables code as such (IMG); else None."""
        dep, lemma, lower, kids = tab.dep, tab.lemma, tab.lower, tab.children
        for c in kids[root]:
            # "Al-Qaeda-linked rebels", "Islamic State-allied militants": the name before the hyphen
            if dep[c] == "amod" and lemma[c] in GROUP_TIES and c >= 2 and tab.text[c - 1] in HYPHENS:
                # the name ending at the hyphen, read straight from the tables (the matcher sets aside
                # a name joined to "-linked"); the parser may hang its first words on the head noun
                first = tab.doc[root].left_edge.i
                words = tab.text[first:c - 1]
                groups = [entry for _, e, entry in self.lexicon.scan(words, date) if e == len(words)
                          and entry.code and (entry.sector == "REB" or entry.code.startswith("IMG"))]
                if groups:
                    return groups[0]
        stack = [c for c in kids[root] if dep[c] in ("acl", "amod")]
        if dep[root] == "nsubj" and tab.tag[tab.head[root]] == "VBN" and lemma[tab.head[root]] in GROUP_TIES:
            stack.append(tab.head[root])  # (the participle parsed as the main verb: "Gunmen linked to Boko Haram abducted")
        for _ in range(4):  # down "suspected | of | belonging | to | Boko Haram"
            nxt = []
            for c in stack:
                for p in kids[c]:
                    if dep[p] != "prep":
                        continue
                    if lower[p] in ("to", "with") and lemma[c] in GROUP_TIES:
                        for o in kids[p]:
                            if dep[o] != "pobj":
                                continue
                            groups = [m.entry for m in self._matches(tab, _phrase(tab, o), o, date)
                                      if m.entry.code and (m.entry.sector == "REB" or m.entry.code.startswith("IMG"))]
                            if groups:
                                return groups[0]
                    nxt += [g for g in kids[p] if dep[g] == "pcomp"]
            stack = nxt
            if not stack:
                break
        return None

    def _affiliated_country(self, tab: TokenTable, root: int, date: str | None) -> str | None:
        """The country named in a clause that attaches the phrase headed by ``root`` to a place or
        body ("affiliated with X", "based in X"; see AFFILIATION_CLAUSES), for a phrase that names
        none itself. Organisations there give no country: "militants linked to al-Qaeda"."""
        dep, lemma, lower, kids, head = tab.dep, tab.lemma, tab.lower, tab.children, tab.head
        heads = [root]
        if dep[root] == "pobj" and lower[head[root]] == "of" and (
                tab.ent_type[head[head[root]]] == "CARDINAL" or lemma[head[head[root]]] in GROUP_NOUNS):
            heads.append(head[head[root]])  # "thousands of workers affiliated with ...": the clause is on "thousands"
        for c in (c for h in heads for c in kids[h]):
            preps = AFFILIATION_CLAUSES.get(lemma[c]) if dep[c] == "acl" else None
            if not preps:
                continue
            for o in (o for p in kids[c] if dep[p] == "prep" and lower[p] in preps for o in kids[p]):
                if dep[o] != "pobj":
                    continue
                named = [m for m in self._matches(tab, _phrase(tab, o), o, date)
                         if m.entry.country and not m.ethnic and not m.entry.role]
                if named:
                    return min(named, key=lambda m: (m.level, m.position)).entry.country
        return None

    def _resolve(self, tokens: Sequence[int], root_tok, memory: DocumentActors | None,
                 date: str | None = None, tab: TokenTable | None = None) -> Actor | None:
        """The actor of the phrase of token positions ``tokens`` headed by the Token ``root_tok``
        (``tab``: the Doc's token table, if the caller has it)."""
        if not tokens:
            return None
        doc = root_tok.doc
        if tab is None:
            tab = token_table(doc)
        root = root_tok.i
        if tab.pos[root] == "PRON":
            return None
        root_lemma = tab.lemma[root]
        if root_lemma in WATER_WORDS and doc_text(doc)[tab.idx[root]:tab.idx[root] + 1].isupper():
            return None  # a sea, not the state named in it: "the South China Sea", "the Red Sea"
        critic = root if root_lemma in OPPOSITION_NOUNS else next(
            (c for c in tab.children[root] if tab.dep[c] in ("compound", "appos") and tab.lemma[c] in OPPOSITION_NOUNS
             and tab.pos[root] == "PROPN"), None)
        if critic is not None:
            # "government critics", "Kremlin critic Alexei Navalny", "Navalny, a Kremlin critic": the
            # head noun wins over the seat of power it is tied to (OPP of that country)
            body = self._opposed_body(tab, doc[critic], memory, date)
            if body is not None:
                name = _person_name(tab, doc, tokens, root, set()) if critic != root else None
                actor = self._actor(tab, tokens, root_tok, compose_code(body.country, "OPP"), body.country,
                                    "OPP", name, [OPPOSITION_RULE])
                if memory is not None and name:
                    memory.observe(actor)
                return actor
        if root_lemma in SUPPORTER_NOUNS:
            # "supporters of former President X", "loyalists of the exiled king": the opposition
            figure = self._tied_actor(tab, root_tok, memory, date, BACKED_SECTORS)
            if figure is not None and (figure.sector == "OPP" or _out_of_office(figure)):
                return self._actor(tab, tokens, root_tok, compose_code(figure.country, "OPP"), figure.country,
                                   "OPP", None, [OPPOSITION_RULE])
        tokens = self._whole_names(tab, tokens, root_tok, date)
        matches = self._matches(tab, tokens, root, date)
        if matches:
            matches = [m for m in matches if not _in_water_name(tab, m.tokens[-1], doc_text(doc))]
        named_tokens = tokens
        if matches and any(root in m.tokens and (m.entry.sector or m.entry.code) for m in matches):
            # a head that names an actor itself: what it does ("troops of massacring villagers") and
            # where it goes ("extradite the rebel commander to the United States") are not who it is
            aside = _aside(tab, tokens, root)
            if aside:
                matches = [m for m in matches if aside.isdisjoint(m.tokens)]
                named_tokens = [t for t in tokens if t not in aside]
        if matches:
            _mark_peoples(tab, matches, root)
        stems = [m for m in matches if m.entry.code and not m.ethnic]
        ethnic = next((m for m in matches if m.ethnic and m.level <= LEVEL_OF), None) if matches else None
        if len(stems) > 1:
            best = min(stems, key=lambda m: (m.level, root not in m.tokens, _stem_rank(m.entry),
                                             _depth(tab, m.tokens, root), m.position))
        else:
            best = stems[0] if stems else None
        if best is None and tab.text[root] in HALF_NAMES:
            # "Seoul urged the North to respond": in a document naming both halves of a divided
            # country, "the North" and "the South" are those states
            half = _divided_half(tab, root, self._document_countries(tab))
            if half is not None:
                best = _Match([root], half, LEVEL_HEAD, 0)
        if best is not None and best.entry.code == GENERIC_NGO:
            # "two U.N. aid agencies", "UN humanitarian agencies": the organisation named before a
            # generic kind of agency runs them
            igo = [m for m in stems if m.entry.code.startswith("IGO") and m.level <= LEVEL_OF
                   and m.tokens[-1] < best.tokens[0]]
            if igo:
                best = min(igo, key=lambda m: (m.level, m.position))
        if best is not None and best.entry.code.startswith("IGO") and root_lemma in ENVOY_NOUNS:
            # "Russia's UN ambassador", "the Chinese UN envoy": a country named before the organisation
            # sends the envoy ("the UN Syria envoy" is the UN's, sent to Syria)
            national = [m for m in stems if m.entry.country and m.level <= LEVEL_OF and m.tokens[-1] < best.tokens[0]
                        and tab.dep[m.tokens[-1]] in ("poss", "amod", "compound")]
            if national:
                best = min(national, key=lambda m: (m.level, _depth(tab, m.tokens, root), m.position))
        # (a capital is its government only where it acts or is dealt with, not as a place: "talks in
        # Beijing", "fired 40 missiles at Kyiv")
        seat = None if tab.dep[root] == "pobj" and tab.lower[tab.head[root]] in LOCATIVE_PREPS else root
        if best is not None and best.entry.country is None and best.entry.code.startswith("IGO") \
                and (root not in best.tokens or seat is None):
            # a city standing for an organisation ("Brussels warned Warsaw": the EU) is, as a place,
            # its country's capital: "at Brussels airport", "near Brussels central station", "talks in Brussels"
            capital = next((e for e in self.lexicon.entries([tab.text[t] for t in best.tokens])
                            if e.rule == CAPITAL_RULE), None)
            if capital is not None:
                best = _Match(best.tokens, capital, best.level, best.position, best.ethnic)
        organisation = best is not None and best.entry.code.startswith(ORGANISATION_TYPES)
        if matches:
            matches = _drop_apposed_sectors(tab, matches, root)
        sector, sector_rule = _pick_sector([m for m in matches if not _party_to(tab, m)
                                            and not _not_political_party(tab, m)
                                            and not _role_of_thing(tab, m, root, matches)
                                            and not (organisation and _neutral_word(tab, m))], seat) \
            if matches else (None, None)
        if best is not None and best.entry.sector == "REB" and sector in ARMED_MEMBER_SECTORS:
            # "Hamas gunmen", "FARC dissidents": an armed group's own men are the group (REB)
            sector, sector_rule = best.entry.sector, None
        matched = {t for m in matches for t in m.tokens}
        name = _person_name(tab, doc, tokens, root, matched)

        if name is None and best is not None and best.entry.rule == PERSON_RULE:
            name = _name_text(tab, best.tokens)
        stem = best.entry.code if best else None
        country = best.entry.country if best else None
        rules = [best.entry.rule] if best else []
        if best is not None and best.entry.sector == FORMER_SECTOR and country is not None:
            # out of the office the table knows, with a title in the text ("Opposition leader Raila
            # Odinga" in 2024, "Prime Minister X" in a term the table lacks): the title says what
            # the person is now
            titled = [m for m in matches if m is not best and m.entry.code is None and m.entry.sector
                      and m.tokens[-1] < best.tokens[0]]
            now = _pick_sector(titled, root)[0] if titled else None
            if now is not None and now != "OPP" and not any(tab.lemma[t] in OFFICE_WORDS for m in titled
                                                           for t in m.tokens):
                now = None  # "PTI leader Imran Khan", "Likud chairman X": a party post, no office
            if now is not None and any(tab.lower[t] in FORMER_WORDS for t in tokens if t < best.tokens[0]):
                now = None  # "Former U.S. President Donald Trump": the title is a past one
            if now is not None:
                stem, sector, sector_rule = country, now, "sector:title"
        if sector in STATE_OFFICE_SECTORS and any(tab.lower[t] in PAST_OFFICE_WORDS for t in tokens if t < root) and (
                best is not None and best.entry.rule == PERSON_RULE
                or any(tab.lemma[t] in OFFICE_WORDS or tab.lemma[t] in PAST_OFFICE_HEADS for t in tokens if t <= root)):
            # (an office, not a rank and file: "a former soldier" is no former official)
            # "Former Socialist prime minister Andreas Papandreou", "Ousted President Askar Akayev",
            # "a former army chief": out of office, whatever the date (CAMEO ELI, former officials)
            sector, sector_rule = FORMER_SECTOR, "sector:former"
            stem = country or stem  # (a leader's row code carries the office: GRCGOV -> GRC + ELI)
        if best is not None and best.entry.rule == INSTITUTION_RULE and country is not None:
            # "the Russian Ministry of Defence", "the Iraqi Foreign Office": an institution's name
            # that other countries use too belongs to the country named before it
            own = next((m for m in stems if m.entry.country and m.entry.country != country
                        and m.level <= LEVEL_OF and m.tokens[-1] < best.tokens[0]
                        and tab.dep[m.tokens[-1]] in ("amod", "poss", "compound")), None)
            if own is not None:
                sector = sector or best.entry.sector
                stem = country = own.entry.country
                rules.append(own.entry.rule)
        if country is not None:
            state = _state_country(tab, best.tokens[0], country)
            if state != country:  # "the Georgia legislature" in an article set in Atlanta
                stem, country = (state if stem == country else stem), state
                rules.append(STATE_RULE)
            elif best.entry.rule == CAPITAL_RULE and (seat is None or root not in best.tokens):
                # a capital's name as a place may be another country's town, as the place resolution
                # read it in a document that names that country ("Lebanese troops clashed with gunmen
                # in the city of Tripoli": Lebanon's Tripoli)
                town = _homonym_country(tab, best.tokens[0], country, self._document_countries(tab))
                if town is not None:
                    stem, country = (town if stem == country else stem), town
                    rules.append(HOMONYM_RULE)
        if best is None and name and memory is not None:
            known = memory.lookup(name)
            if known is not None:
                stem, country, rules = (known.country or known.code), known.country, ["memory"]
                sector = sector or known.sector
                name = known.name
        if stem is None and root_lemma in POPE_WORDS and best is None and all(
                tab.dep[c] in ("det", "punct") for c in tab.children[root]):
            # "the Pope" alone is the Holy See's (not "Coptic Pope Tawadros II", "a pope")
            if any(tab.lower[c] == "the" for c in tab.children[root]) or tab.dep[root] == "nsubj":
                stem = country = HOLY_SEE
                rules.append(POPE_RULE)
        if stem is None and sector in PLACED_SECTORS - {"CVL", "OPP"}:
            # "militants linked to al-Qaeda", "gunmen suspected of belonging to Boko Haram": the group
            group = self._affiliated_group(tab, root, date)
            if group is not None:
                stem, country, sector = group.code, group.country, group.sector or sector
                rules.append(AFFILIATION_RULE)
        if stem is None and ethnic is None:
            # a town the tables do not know, which the document's place resolution placed
            # ("Rotterdam police", "the town of Kherson")
            placed = _placed_country(tab, tokens, matched)
            if placed is not None:
                stem = country = placed
                rules.append(GAZETTEER_RULE)
        if stem is None and ethnic is None and tab.ent_type[root] == "NORP" and not matched:
            # a people the tables do not know heading the phrase ("Kurds clashed with police in
            # Istanbul"): placed only where the sentence places it, never by the party it acts
            # on (parties and faiths are NORP too: "Republicans criticized the Iran deal")
            found = self._context_country(root_tok, set(tokens), date, located=True)
            if found is not None:
                stem = country = found
                rules.append(CONTEXT_RULE)
        if stem is None and (ethnic is not None or _named_unknown(tab, named_tokens, root, matched)):
            # (named only by whom it is for or against, "pro-Russia rebels", "an anti-Syria
            # journalist": placed only by a place of the sentence, "in Beirut")
            affiliated = ethnic is None and not _named_unknown(tab, named_tokens, root, matched | _affiliated(tab, tokens))
            # A person or a named group the tables do not know ("President Yoweri Museveni",
            # "Hutu rebels", "Ibo elders") is placed in the country its sentence names. Bare
            # common nouns ("insurgents", "the civilians", "Congress") keep PETRARCH's "---"
            # code: the gold sets disagree on them and a wrong country is worse than none.
            # (a people, armed group or crowd is where the sentence places it before any nationality
            # named: "French warplanes bombed Islamist rebels in central Mali": Mali's rebels)
            found = self._context_country(root_tok, set(tokens), date,
                                          places_first=ethnic is not None or sector in PLACED_SECTORS,
                                          located=affiliated)
            if found is not None:
                stem = country = found
                rules.append(CONTEXT_RULE)
            elif ethnic is not None:
                stem, country = ethnic.entry.code, ethnic.entry.country
                rules.append(ethnic.entry.rule)
        if stem is None and sector is not None and sector not in ("MIL", "COP"):
            # "workers affiliated with the Serbian Workers' Union", "a newspaper based in Beirut"
            # (not forces: "troops based in Germany" keep their own, unnamed country)
            found = self._affiliated_country(tab, root, date)
            if found is not None:
                stem = country = found
                rules.append(AFFILIATION_RULE)
        if stem is None and sector is None:
            return None
        if sector_rule and sector_rule not in rules and (best is None or sector != best.entry.sector):
            rules.append(sector_rule)
        if sector is None and country is not None and (ethnic is not None or rules and rules[0] in (DEMONYM_RULE, CONTEXT_RULE)) \
                and _people_head(tab, root, doc_text(root_tok.doc)) \
                and not any(tab.dep[c] == "det" and tab.lower[c] == "the" for c in tab.children[root]):
            # (not "The Russians shelled ...", "the Saudis pledged": a side, the state)
            # a people named by its plural demonym ("Palestinians threw stones", "Iraqi Kurds
            # demonstrated"): civilians of that country (CVL), as the PLOVER gold codes them
            sector = PEOPLE_SECTOR
            rules.append(PEOPLE_RULE)

        actor = self._actor(tab, tokens, root_tok, compose_code(stem, sector), country, sector, name, rules)
        if memory is not None and name and best is not None:
            memory.observe(actor)
        return actor

    @staticmethod
    def _actor(tab: TokenTable, tokens: Sequence[int], root_tok, code, country, sector, name, rules) -> Actor:
        """The Actor record of the phrase ``tokens`` (offsets relative to its sentence)."""
        doc = root_tok.doc
        sent_start = sentence_of(root_tok).start_char
        start = tab.idx[tokens[0]]
        end = tab.idx[tokens[-1]] + len(tab.text[tokens[-1]])
        return Actor(
            text=doc_text(doc)[start:end],  # the Span's text, without building the Span
            code=code,
            country=country,
            sector=sector,
            start=start - sent_start,
            end=end - sent_start,
            name=name,
            resolved_by="+".join(rules),
        )

    def _opposed_body(self, tab: TokenTable, root_tok, memory, date) -> Actor | None:
        """The government, legislature, court, party or leader an opposition noun at ``root`` is tied to
        (possessor, compound or "of" phrase), if any (see OPPOSITION_NOUNS)."""
        return self._tied_actor(tab, root_tok, memory, date, OPPOSED_SECTORS)

    def _tied_actor(self, tab: TokenTable, root_tok, memory, date, sectors) -> Actor | None:
        """The actor with a sector in ``sectors`` that the noun at ``root_tok`` is tied to (possessor,
        compound or "of" phrase), if any."""
        doc = root_tok.doc
        for c in tab.children[root_tok.i]:
            tied = c if tab.dep[c] in ("poss", "compound") else None
            if tab.dep[c] == "prep" and tab.lower[c] == "of":
                tied = next((o for o in tab.children[c] if tab.dep[o] == "pobj"), None)
            if tied is None:
                continue
            body = self.resolve_token(doc[tied], memory, date)
            if body is not None and body.sector in sectors:
                return body
        return None


def _out_of_office(actor: Actor) -> bool:
    """An ELI actor that is a former office holder ("former President X", a leader out of the term
    the tables give), not an elite of another kind (elders, dignitaries, veterans)."""
    rules = (actor.resolved_by or "").split("+")
    return actor.sector == FORMER_SECTOR and (PERSON_RULE in rules or "sector:former" in rules
                                              or any(w in FORMER_WORDS for w in actor.text.lower().replace("-", " ").split()))


def _settlement_name(tab: TokenTable, i: int) -> bool:
    """Whether the name ending at token ``i`` names a settlement or area: the "of" object of a
    settlement noun ("the town of Djibo", "the province of X") or a name apposed to or compounded
    with one ("Djibo town")."""
    h = tab.head[i]
    if h == i:
        return False
    if tab.dep[i] == "pobj":
        return _of_settlement(tab, i)
    return tab.dep[i] in ("compound", "appos") and tab.lemma[h] in SETTLEMENT_NOUNS and tab.pos[h] == "NOUN"


def _of_settlement(tab: TokenTable, i: int) -> bool:
    """Whether token ``i`` is the "of" object of a settlement noun ("the town of Kherson")."""
    h = tab.head[i]
    return tab.dep[i] == "pobj" and tab.lower[h] == "of" and tab.head[h] != h \
        and tab.lemma[tab.head[h]] in SETTLEMENT_NOUNS


# Divided countries whose halves the news calls "the North" and "the South" once both are named.
DIVIDED = {"North": (("PRK", "KOR"), ("SDN", "SSD")), "South": (("KOR", "PRK"), ("SSD", "SDN"))}
HALF_NAMES = frozenset(DIVIDED)


def _divided_half(tab: TokenTable, root: int, named: frozenset[str]) -> Entry | None:
    """The state "the North" / "the South" (token ``root``, after "the") stands for, when the
    document names both halves of a divided country (``named``), as a country entry; else None."""
    if root == 0 or tab.lower[root - 1] != "the":
        return None
    for meant, other in DIVIDED[tab.text[root]]:
        if meant in named and other in named:
            return Entry(meant, meant, None, "country:half")
    return None


def _neutral_word(tab: TokenTable, m: _Match) -> bool:
    """Whether ``m`` is a sector-only match of a word in ORGANISATION_NEUTRAL_WORDS."""
    return m.entry.code is None and len(m.tokens) == 1 and tab.lemma[m.tokens[0]] in ORGANISATION_NEUTRAL_WORDS


def _aside(tab: TokenTable, tokens: Sequence[int], root: int) -> set[int]:
    """The tokens of ``tokens`` in a clause inside a prepositional phrase ("of massacring villagers")
    or in a phrase of destination on the head itself ("the commander to the United States")."""
    out = set()
    head, dep, lower = tab.head, tab.dep, tab.lower
    for i in tokens:
        j = i
        while j != root and head[j] != j:
            if dep[j] in CLAUSE_DEPS or dep[j] in PREP_DEPS and head[j] == root and lower[j] in GOAL_PREPS:
                out.add(i)
                break
            j = head[j]
    return out


def _apposition(tab: TokenTable, i: int, root: int) -> int | None:
    """The apposition token on the path from token ``i`` up to ``root`` (the one nearest ``root``), if any."""
    found = None
    head, dep = tab.head, tab.dep
    while i != root and head[i] != i:
        if dep[i] == "appos":
            found = i
        i = head[i]
    return found


def _bracketed(tab: TokenTable, i: int) -> bool:
    """Whether the phrase headed by ``i`` is written in brackets ("Hizbollah (Party of God)")."""
    first = tab.doc[i].left_edge.i
    return first > 0 and tab.text[first - 1] in ("(", "[")


def _drop_apposed_sectors(tab: TokenTable, matches: list[_Match], root: int) -> list[_Match]:
    """Sector nouns of an apposition that say nothing of who the actor is, left out:

    - a bracketed gloss of a name the tables know: "Hizbollah (Party of God)" is the armed group
      (LBNREB), no party; "the Umma (Nation) party";
    - any apposition when the head itself names a sector other than civilians: "the main rebel group,
      Forces for the Defence of Democracy" is a rebel group (REB), whatever words its name is made of.
    Named actors of an apposition stay (they may give the country)."""
    # (not civilians, what a person is when nothing else is said: "110 individuals, mostly soldiers" are MIL)
    head_sector = any(root in m.tokens and m.entry.code is None and m.entry.sector not in (None, PEOPLE_SECTOR)
                      and not m.entry.role for m in matches)
    named = {t for m in matches if m.entry.code for t in m.tokens}
    kept = []
    for m in matches:
        if m.entry.code is None and m.entry.sector and root not in m.tokens:
            appos = _apposition(tab, m.tokens[0], root)
            if appos is not None and (head_sector or tab.head[appos] in named and _bracketed(tab, appos)):
                continue
        kept.append(m)
    return kept if len(kept) != len(matches) else matches


def _depth(tab: TokenTable, tokens: Sequence[int], root: int) -> int:
    """Fewest dependency arcs from one of ``tokens`` up to ``root`` (ties between named actors
    of the same level go to the head and its appositions before deeper modifiers)."""
    best = 99
    head = tab.head
    for i in tokens:
        hops = 0
        while i != root and head[i] != i and hops < best:
            i, hops = head[i], hops + 1
        if i == root:
            best = min(best, hops)
    return best


def _mark_peoples(tab: TokenTable, matches: list[_Match], root: int) -> None:
    """A demonym at the head of the phrase names a people when the phrase also places it:
    "Bosnian Serbs" and "Kosovo Albanians" (a country before it), "the Albanians of southern
    Serbia" (a country in an "of"/"in" phrase). The place is then the actor's country."""
    heads = [m for m in matches if m.entry.rule == DEMONYM_RULE and m.level == LEVEL_HEAD
             and root in m.tokens and tab.tag[root] in ("NNS", "NNPS")]
    if not heads:
        return
    head = heads[0]
    for m in matches:
        if m is head or m.ethnic or not m.entry.country or m.entry.country == head.entry.country:
            continue
        if m.entry.rule == PERSON_RULE or not m.entry.rule.startswith(("country:", "places:")):
            continue
        before = m.level == LEVEL_HEAD and m.tokens[-1] < head.tokens[0]
        located = m.level > LEVEL_HEAD and any(_prep_word(tab, t, root) in ("of", "in") for t in m.tokens)
        if before or located:
            head.ethnic = True
            return


def _prep_word(tab: TokenTable, i: int, root: int) -> str | None:
    """The preposition that attaches token ``i`` (inside the phrase headed by ``root``) to the head."""
    head = tab.head
    while i != root and head[i] != i:
        if tab.dep[i] in PREP_DEPS:
            return tab.lower[i]
        i = head[i]
    return None


HYPHENS = ("-", "\u2010", "\u2011")


# Things a country name may qualify that are no party of the sentence: "waving US flags",
# "US $50 million", "Hong Kong dollars", "Chinese-made goods".
SYMBOL_NOUNS = frozenset({"flag", "banner", "anthem", "emblem", "dollar", "currency", "passport", "product",
                          "goods", "brand", "made", "style", "cuisine", "food", "language"})


def _currency(tab: TokenTable, toks: Sequence[int]) -> bool:
    """Whether a country name is part of a currency ("US $50 million", "Hong Kong dollars") or
    qualifies a symbol or product ("waving Korean and US flags"): no party."""
    nxt = toks[-1] + 1
    if nxt < len(tab.text) and (tab.text[nxt] in ("$", "dollar", "dollars")
                                or tab.lower[nxt] in ("dollar", "dollars")):
        return True
    t = toks[-1]
    while tab.dep[t] == "conj" and tab.head[t] != t:  # "Korean and US flags"
        t = tab.head[t]
    return tab.head[t] != t and tab.dep[t] in ("amod", "compound", "nmod") and tab.lemma[tab.head[t]] in SYMBOL_NOUNS


def _named_unknown(tab: TokenTable, tokens: Sequence[int], root: int, matched: set[int]) -> bool:
    """Whether the phrase names a person (a PERSON entity) or carries a proper noun or
    nationality/organisation name the tables did not match ("Hutu", "Azadliq", "MASSOB")."""
    ent_type = tab.ent_type
    for i in tokens:
        if i in matched or tab.is_punct[i]:
            continue
        if ent_type[i] == "PERSON":
            return True
        if i != root and (tab.pos[i] == "PROPN" or ent_type[i] in NAMED_MODIFIER_ENTS):
            return True
    return False


def _resolved_places(tab: TokenTable) -> tuple[dict[int, str], dict[int, str]] | None:
    """What the document's place resolution left for the resolver: ({start offset: country} of
    state-level place mentions, {start offset: country} of every place it resolved), from the Doc's
    ``user_data[STATE_PLACES_KEY]`` (newsevents.places.find_places via the pipeline); None without."""
    doc = tab.doc
    return (doc.user_data.get(STATE_PLACES_KEY) or None) if doc is not None else None


def _state_country(tab: TokenTable, first: int, country: str) -> str:
    """The country of the state the document's place resolution read the name starting at token
    ``first`` as ("Georgia" in an article set in Atlanta: the US state, USA), else ``country``.
    (See :func:`_resolved_places`.)"""
    found = _resolved_places(tab)
    if not found:
        return country
    states, places = found
    state = states.get(tab.idx[first])
    if state is None:
        return country
    # Place resolution reads a name once per document, so the mention must read as a state itself
    # ("the Georgia Senate", "the governor of Georgia", "Atlanta, Georgia"), or stand in a sentence
    # whose places are all in the state's country: not "Russia accused Georgia ..." in an article
    # that also names a senator of Georgia.
    if _state_cue(tab, first):
        return state
    sent = sentence_of(tab.doc[first])
    inside = [c for start, c in places.items() if sent.start_char <= start < sent.end_char]
    return state if all(c == state for c in inside) else country


def _homonym_country(tab: TokenTable, first: int, country: str, named: frozenset[str]) -> str | None:
    """The country the document's place resolution gave the place name starting at token ``first``
    when it differs from ``country`` (the tables' reading) and the document names it (``named``);
    else None (see :func:`_resolved_places`)."""
    found = _resolved_places(tab)
    if not found:
        return None
    placed = found[1].get(tab.idx[first])
    return placed if placed is not None and placed != country and placed in named else None


def _placed_country(tab: TokenTable, tokens: Sequence[int], matched: set[int]) -> str | None:
    """The country the document's place resolution gave a place name in ``tokens`` that no table
    matched (see :func:`_resolved_places`); None without one."""
    found = _resolved_places(tab)
    if not found or not found[1]:
        return None
    by_start = found[1]
    dep = tab.dep
    for i in tokens:
        if i in matched or tab.ent_type[i] != "GPE" or tab.ent_iob[i] != "B":
            continue
        last = i
        while last + 1 < len(tab.text) and tab.ent_iob[last + 1] == "I":
            last += 1
        # only a place that says where the phrase's own people are: a town before a body ("Rotterdam
        # police") or after a settlement noun ("the town of Kherson"), not one a group is named for
        # or backed by ("Moscow-backed leaders")
        if dep[last] == "compound" and tab.text[last + 1:last + 2] != ["-"] or _of_settlement(tab, last):
            country = by_start.get(tab.idx[i])
            if country is not None:
                return country
    return None


def _state_cue(tab: TokenTable, first: int) -> bool:
    """Whether the place name starting at token ``first`` is written as a state's: a modifier of a
    state-level noun ("the Georgia legislature"), the object of "of"/"in" after one ("the governor of
    Georgia"), or after a city and a comma ("Atlanta, Georgia")."""
    dep, head, lemma, pos = tab.dep, tab.head, tab.lemma, tab.pos
    i = first
    while dep[i] == "compound" and pos[head[i]] == "PROPN" and head[i] != i and lemma[head[i]] not in STATE_CUES:
        i = head[i]  # the last word of a name ("New Mexico")
    h = head[i]
    if dep[i] in ("compound", "amod", "nmod", "poss", "npadvmod") and lemma[h] in STATE_CUES:
        return True
    if dep[i] == "pobj" and tab.lower[h] in ("of", "in"):
        # "the governor of Georgia", "Senator Saxby Chambliss of Georgia" (the title of the name)
        holder = head[h]
        if lemma[holder] in STATE_CUES or any(lemma[c] in STATE_CUES for c in tab.children[holder]
                                              if dep[c] == "compound"):
            return True
    if first >= 2 and tab.text[first - 1] == "," and pos[first - 2] == "PROPN" and tab.ent_type[first - 2] == "GPE":
        return True
    return dep[i] == "appos" and pos[h] == "PROPN" and tab.ent_type[h] == "GPE"


def _affiliated(tab: TokenTable, tokens: Sequence[int]) -> set[int]:
    """The tokens of ``tokens`` that are names joined to an affiliation word (see :func:`affiliation`),
    with the word and its hyphen ("pro", "-", "Russia")."""
    out = set()
    for i in tokens:
        if tab.is_punct[i] or tab.lower[i] in AFFILIATION_PREFIXES or not affiliation(tab, [i]):
            continue
        out.add(i)
        if i >= 2 and tab.text[i - 1] in HYPHENS and tab.lower[i - 2] in AFFILIATION_PREFIXES:
            out.update((i - 2, i - 1))
        elif i >= 1 and tab.text[i - 1].endswith("-"):
            out.add(i - 1)
        else:
            out.update((i + 1, i + 2))
    return out


def affiliation(tab: TokenTable, toks: Sequence[int]) -> bool:
    """Whether the name ``toks`` is joined by a hyphen to an affiliation word ("pro-Russia",
    "Syrian-backed"), so it says whom the actor is for or against, not who it is."""
    text = tab.text
    first, last = toks[0], toks[-1]
    # (each test looks at the hyphen first: most names have none beside them)
    if first >= 2 and text[first - 1] in HYPHENS and tab.lower[first - 2] in AFFILIATION_PREFIXES:
        return True
    if first >= 1 and text[first - 1].endswith("-") and tab.lower[first - 1].rstrip("-") in AFFILIATION_PREFIXES:
        return True
    if last + 2 < len(text) and text[last + 1] in HYPHENS and tab.lower[last + 2] in AFFILIATION_SUFFIXES:
        return True
    return False


NORMS_KEY = "newsevents.normed_words"


def _normed(tab: TokenTable) -> list[str]:
    """The look-up forms (:func:`~newsevents.actors.tables.norms`) of the Doc's words, once per Doc."""
    user_data = tab.doc.user_data
    found = user_data.get(NORMS_KEY)
    if found is None or len(found) != len(tab.text):
        found = user_data[NORMS_KEY] = norms(tab.text)
    return found


def _double_barrelled(tab: TokenTable, toks: Sequence[int]) -> bool:
    """Whether the name ``toks`` is one half of a hyphenated surname ("Rawlings-Blake",
    "Lloyd-Webber"): a capitalised word joined to it by a hyphen, which names another person."""
    text, idx = tab.text, tab.idx

    def joined(a: int) -> bool:  # words a, a + 1 and a + 2 written with no space between them
        return idx[a] + len(text[a]) == idx[a + 1] and idx[a + 1] + len(text[a + 1]) == idx[a + 2]

    first, last = toks[0], toks[-1]
    if last + 2 < len(text) and text[last + 1] in HYPHENS and text[last + 2][:1].isupper() and joined(last):
        return True
    return first >= 2 and text[first - 1] in HYPHENS and text[first - 2][:1].isupper() and joined(first - 2)


def _ethnic(tab: TokenTable, toks: Sequence[int]) -> bool:
    """Whether a country name or demonym follows "ethnic" ("ethnic Albanians") or names a people
    living somewhere ("the Albanian population of the province", "the Serb minority")."""
    first, last = toks[0], toks[-1]
    if first >= 1 and tab.lower[first - 1] in ETHNIC_WORDS:
        return True
    return tab.dep[last] in ("amod", "compound") and tab.lemma[tab.head[last]] in PEOPLE_NOUNS


def _person_name(tab: TokenTable, doc, tokens: Sequence[int], root: int, matched: set[int]) -> str | None:
    """The name of the person the phrase is about, if it names one.

    That is a PERSON entity containing the head, or apposed to it or compounded
    with it ("Fan Changlong, deputy chairman ...", "adviser, Evan Medeiros");
    failing NER, the run of proper nouns ending at the head.
    """
    ent_type, pos = tab.ent_type, tab.pos
    n = len(ent_type)
    for first in tokens:
        # PERSON entities starting in the phrase, read off the tokens (doc.ents rebuilds every span)
        if ent_type[first] != "PERSON":
            continue
        ent_iob = tab.ent_iob
        if ent_iob[first] != "B":
            continue
        end = first + 1
        while end < n and ent_iob[end] == "I":
            end += 1
        if first <= root < end:
            return _name_text(tab, [t for t in range(first, end) if t not in matched])
        ent_root = doc[first:end].root
        if ent_root.head.i == root and ent_root.dep_ in ("appos", "compound"):
            return _name_text(tab, [t for t in range(first, end) if t not in matched])
    if pos[root] != "PROPN" or root in matched or ent_type[root] not in NAME_ENT_TYPES:
        return None
    in_phrase = set(tokens)
    run = [root]
    for i in range(root - 1, tokens[0] - 1, -1):
        if pos[i] != "PROPN" or i in matched or i not in in_phrase or ent_type[i] not in NAME_ENT_TYPES:
            break
        run.insert(0, i)
    return _name_text(tab, run)


def _name_text(tab: TokenTable, tokens: Iterable[int]) -> str | None:
    text, pos = tab.text, tab.pos
    words = [text[i] for i in tokens if pos[i] != "PART" and text[i] not in ("'s", "'")]
    return " ".join(words) or None
