"""The event coder: trigger patterns matched on dependency parses, arguments resolved to actors.

Like a spaCy component, the work is split in two steps that can be tested apart:
:meth:`EventCoder.match` finds :class:`Match` es in a parsed sentence (which
pattern fired on which trigger, with which source and target), and
:meth:`EventCoder.build` turns matches into :class:`~newsevents.records.Event`
records with codes, scores and evidence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, replace



from .. import counts, ontology
from ..actors.resolver import (CONTEXT_RULE, DEMONYM_RULE, NO_SECTOR_CODE as NO_STEM, ORGANISATION_TYPES,
                               PEOPLE_RULE, compose_code, phrase_tokens)
from ..actors.tables import CAPITAL_RULE
from ..records import Actor, Event, Plover, Span
from . import arguments as args
from .discards import discarded_roots
from .factuality import (ASKING_FOR, CLAIM_NOUNS, SPEECH_VERBS, according_to, clause_chain, factuality, is_question,
                         reporter, stray_appeal)
from .patterns import Pattern, PatternIndex, default_index
from .speech_acts import (APPEAL, DEMAND as DEMAND_FAMILY, INTENT, NAMED_ACTS, REFUSAL, THREAT, act_of, is_hostile,
                          said_code)
from ..nlp import CLAUSE_HEAD_POS, conjuncts, doc_ents, doc_text, nouns_by_lemma, sentence_ents, sentence_of, span_text, token_table

# Verbs that only carry a nominal event ("held talks", "launched an attack"): the
# subject of such a verb is the performer of the noun's event.
# The prepositions through which a light verb's subject performs the noun ("called for talks", "agreed
# to talks", "engaged in fighting"); not "offered condolences over an attack", "warned about strikes".
LIGHT_PREPS = frozenset({"for", "to", "in", "into", "with", "on"})
# "on" links a light verb to its event only for verbs of agreeing or embarking ("agreed on a
# ceasefire"); after others it names a topic ("attend a summit on the unrest in Iran").
ON_LIGHT_VERBS = frozenset({"agree", "embark", "insist", "decide", "settle", "conclude", "reach", "sign",
                            "launch", "start", "begin", "resume", "continue", "press", "push"})
# Verbs whose subject performs the event noun that is their object ("held talks", "imposed sanctions").
LIGHT_VERBS = frozenset({
    "hold", "launch", "carry", "conduct", "stage", "pay", "make", "impose", "sign", "give", "provide", "send",
    "deliver", "offer", "announce", "begin", "start", "resume", "continue", "open", "mount", "lead", "organize",
    "organise", "take", "have", "extend", "grant", "level", "issue", "express", "voice", "lodge", "file",
    "order", "unleash", "step", "intensify", "escalate", "slap", "place", "put", "enact", "approve", "adopt",
    "expand", "tighten", "broaden", "call", "seek", "propose", "plan", "host", "attend", "join", "reach",
    "conclude", "finalize", "complete", "strike", "ink", "pledge", "promise", "renew", "agree", "accept",
    "stag", "undertake", "play",  # en_core_web_sm lemmatizes "staged" as "stag"; "played a role in"
    "reiterate", "repeat", "restate", "press", "table", "submit", "perform",
    "appeal", "push", "ask", "plead", "lobby",  # "appealed for an end to the embargo" (asked for: hypothetical)
    "participate", "engage", "partake",  # "participated in a hunger strike", "engaged in fighting"
    "respond", "retaliate", "reply", "react",  # "responded with air strikes" (only with "with": RESPONSE_VERBS)
})
# Light verbs only for what they are done "with": "responded with air strikes", not "respond to the offer".
RESPONSE_VERBS = frozenset({"respond", "retaliate", "reply", "react"})
# Measures a government takes in its own country (and their easing and threats): restrictions on
# political freedoms, bans on parties, curfews, states of emergency and martial law; resignations.
DOMESTIC_CODES = frozenset({"1721", "1722", "1723", "1724", "0811", "0812", "0813", "0814",
                            "1321", "1322", "1323", "1324",
                            # stepping down, or refusing to, is a change of one's own country's leadership
                            "0831", "1231"})
# A leader dismissing ministers, commanders or a cabinet changes the state's own leadership: the
# dismissed are the target even when coded as the dismisser is ("Kenyan President sacked his interior minister").
LEADERSHIP_CHANGES = frozenset({"0831"})
# Who reports the arrests, expulsions and curfews it carried out itself ("police said 89 people had
# been arrested"), and those acts.
ENFORCERS = frozenset({"COP", "MIL", "JUD", "SPY"})
# Force posture (CAMEO 15): forces mobilised or deployed are the performer's own, not its target.
FORCE_POSTURE_ROOT = "15"
AID_ROOTS = frozenset({"06", "07"})
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP"})
# Armed parties outside the state: those fought, never the ones a deployment helps.
IRREGULAR_SECTORS = frozenset({"REB", "UAF"})
FORCE_SECTORS = frozenset({"MIL", "COP"})
ENFORCED_ROOTS = frozenset({"17"})
# Nouns for one of two parties named before ("both sides", "the two neighbours").
PAIR_NOUNS = frozenset({"side", "party", "country", "neighbour", "neighbor", "nation", "government", "state",
                        "rival", "foe", "enemy", "leader", "capital", "army", "delegation"})
# Provide military protection or peacekeeping (CAMEO 074), and the words that make a deployment (154) one.
PEACEKEEPING = "074"
MOBILIZE = "154"
PEACEKEEPING_WORDS = frozenset({"peacekeeping", "peacekeeper", "peacekeep", "unifil", "minusma",
                                "monusco", "unmiss", "minustah", "amisom", "unamid"})
# Verbs that undo the event their object names: "lifted the sanctions", "gave up fighting", "called off
# the strike" are no sanctions, fighting or strike (the verb's own pattern codes the undoing).
REVERSING_VERBS = frozenset({"lift", "ease", "end", "halt", "stop", "cease", "suspend", "relax", "remove", "drop",
                             "scrap", "cancel", "abandon", "revoke", "rescind", "repeal", "renounce", "loosen",
                             "waive", "unfreeze", "withdraw", "terminate", "quit"})
REVERSING_PARTICLES = {"give": "up", "call": "off", "roll": "back", "back": "down"}
# Confidence multipliers; they say how much each missing piece of evidence costs.
MISSING_ACTOR_FACTOR = 0.75  # one side of the dyad could not be resolved
NOUN_TRIGGER_FACTOR = 0.9  # nominal events are a little less certain than verbal ones
# Events that did not (yet) happen rank below those that did when a sentence's main event is chosen.
FACTUALITY_FACTOR = {"negated": 0.6, "hypothetical": 0.8, "planned": 0.9}
FALLBACK_TARGET_FACTOR = 0.9  # the target came from a complement or a prepositional phrase, not the pattern
# Events in clauses that only describe a participant ("warplanes supported by Russia", "the visiting
# prince", "a deal that was reached last week") are background to the sentence's news, and rank below
# events of its main clauses when the sentence's main event is chosen.
BACKGROUND_CLAUSE_FACTOR = {"acl": 0.8, "relcl": 0.8, "amod": 0.8, "advcl": 0.95}
# An event inside the complement of another coded event is its content ("called on the US to lift
# sanctions", "voiced hope that Greece will help", "claimed the attack, which killed ...") and ranks
# below it.
EMBEDDED_FACTOR = 0.8
# Verbs of a mishap: a participle hanging on one tells what the mishap did, not an act
# ("the ferry capsized off Bhola, killing 40 passengers").
MISHAP_VERBS = frozenset({"collapse", "capsize", "sink", "derail", "erupt", "overturn", "crash", "cave"})
GENERIC_STATEMENT = "010"
GENERIC_INTENT = "030"
VISIT = "042"
# Roots whose target may be the subject of the trigger's "that" clause.
CLAUSE_TARGET_ROOTS = frozenset({"02", "10", "11", "12", "13"})
# Codes whose conjoined performers act on each other when no target is named ("A and B met").
SYMMETRIC_CODES = frozenset({"036", "040", "041", "046", "050", "057", "061", "062", "064", "190", "193"})
# Roots that judge a deed, aimed at its doer ("condemned the drills by South Korea").
DEED_JUDGING_ROOTS = frozenset({"05", "11", "12"})
# Objects that name the subjects themselves, each acting on the other ("accused each other").
RECIPROCAL_OBJECTS = frozenset({"other", "another"})
# Roots whose target may be the subject of an "if"/"unless" condition on the trigger.
CONDITION_TARGET_ROOTS = frozenset({"13"})
# Conjunctions of an adverbial clause that is no complement ("suspended aid deliveries after a convoy
# was attacked": "attack" is no required word of "suspend").
ADVERBIAL_MARKS = frozenset({"after", "before", "when", "while", "because", "as", "since", "although", "though",
                             "until", "once", "whereas", "if", "unless"})
# Dependents that never carry a pattern's required word: loose modifiers, clauses and function words
# ("agreed to create a bank, a step they ..." has no "step down").
NOT_REQUIRED_DEPS = frozenset({"npadvmod", "appos", "punct", "cc", "mark", "det", "aux",
                               "auxpass", "relcl", "parataxis", "discourse", "meta", "dep", "intj"})
# Spans of time a verb may take as a bare noun phrase that is an argument ("gave the rebels 48 hours to
# surrender", an ultimatum), not a date ("met on Monday").
TIME_SPANS = frozenset({"hour", "day", "week", "month"})
# Adjectives that complete a verb before its object ("made available ambulances", "set free").
OBJECT_PREDICATES = frozenset({"available", "free", "accessible", "public"})
# Objects that name the coming or being of what their "of" phrase names: "would allow the return of
# UN weapons inspectors" allows the inspectors.
MOVEMENT_HEADS = frozenset({"return", "arrival", "entry", "presence", "deployment", "dispatch", "delivery",
                            "activity", "activities"})  # (and "suspended the activities of political parties")
# Heads that count rather than name a group: the actor is the "of" phrase.
QUANTITY_HEADS = counts.words("numbers") | counts.words("measures")
# Counts that, as a subject with no "of" phrase, are a crowd of people ("Thousands marched in Kiev").
CROWD_COUNTS = counts.words("crowds")
CROWD_RULE = "count:crowd"
# Named-entity types that are never actors ("Friday evening", "five million dollars", "20 percent").
NON_ACTOR_ENTITIES = frozenset({"TIME", "MONEY", "PERCENT"})
# Agents of a state: an unnamed one dealing with a country's people belongs to that country.
STATE_AGENTS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Those an unnamed opposition deals with in its own country: the state's agents and the parties.
DOMESTIC_COUNTERPARTS = STATE_AGENTS | {"PTY"}
# Sectors of a state acting as such; ``src:STATE`` in a pattern matches them (and a bare country).
STATE_SECTORS = frozenset({None, "GOV", "MIL"})
# Where the target of "light verb + noun" patterns without an explicit preposition is found.
FALLBACK_PREPS = ("to", "with", "on", "against", "for", "from")
# A meeting "on" something is about it, not with it ("a summit on the unrest in Iran", "talks on
# trade"), and "in" or "at" a place is where it is held: the fallback target of a consultation (04)
# is searched without these.
CONSULT_ROOT = "04"
# Penn tags of plural nouns.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
TOPIC_FREE_PREPS = tuple(p for p in args.FALLBACK_TARGET_PREPS if p not in ("on", "in", "at"))
# Protecting X "from" Y: Y is the threat, never the one protected ("to protect oil tankers from
# Iranian attacks").
PROTECTION = "074"
THREAT_FREE_PREPS = tuple(p for p in args.FALLBACK_TARGET_PREPS if p != "from")
# How far back (in tokens) nominal coreference looks for an antecedent: about ten sentences.
ANTECEDENT_WINDOW = 300
# Pronouns resolved to an earlier subject, and how far back (tokens) to look: about two sentences.
PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "they"})
PRONOUN_WINDOW = 60
# Object pronouns and their subject forms; the phrases an object pronoun may stand for.
OBJECT_PRONOUNS = {"them": "they", "him": "he", "her": "she"}
# The gender a person pronoun asks of its referent ("Erdogan met Merkel. She urged him ...": "she"
# is Merkel, "him" Erdogan, whoever was named first), and the given names and titles that tell a
# person's gender (data/given_names.tsv); a person of unknown gender may be either.
PRONOUN_GENDER = {"he": "m", "she": "f"}


def _load_gender_words() -> tuple[dict[str, str], dict[str, str]]:
    """(given names, titles), each word to "f" or "m"."""
    from importlib import resources
    kinds: dict[str, dict[str, str]] = {"name": {}, "title": {}}
    path = resources.files("newsevents") / "data" / "given_names.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, gender, kind = line.split("\t")
            kinds[kind][word] = gender
    return kinds["name"], kinds["title"]


GIVEN_NAME_GENDER, TITLE_GENDER = _load_gender_words()


def _gender(a: Actor, tok, lexicon) -> str | None:
    """"f", "m" or None (unknown): the gender of the person ``a`` found at ``tok``, told by a title
    or gendered noun in its phrase ("Mrs May", "the spokeswoman") or by the given name of its full
    name ("Angela Merkel"; a bare "Merkel" reads the full name of its entry in the actor ``lexicon``)."""
    phrase = tok.doc[tok.left_edge.i:tok.i + 1]
    for t in phrase:
        g = TITLE_GENDER.get(t.lower_.rstrip("."))
        if g is not None:
            return g
    entry = lexicon.lookup(a.name.split()) if a.name else None
    full = entry.full_name if entry is not None and entry.full_name else a.name
    names = (full or "").replace("-", " ").split() or [t.text for t in phrase if t.ent_type_ == "PERSON"]
    return GIVEN_NAME_GENDER.get(names[0].lower()) if names else None


def _agrees(word: str, a: Actor, tok, lexicon, strict: bool = False) -> bool:
    """Whether the person pronoun ``word`` ("he", "she") may stand for ``a`` found at ``tok``
    (``strict``: only a person known to be of that gender; ``lexicon``: see :func:`_gender`)."""
    want = PRONOUN_GENDER.get(word)
    got = _gender(a, tok, lexicon) if want is not None else None
    return want is None or got == want or got is None and not strict


# Dependencies of phrases an object pronoun may stand for.
ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj", "attr"})
# Prepositions whose object says where an event happened ("in Baghdad", "outside Basra").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "on",
                            "into", "within", "along", "off"})
# Nouns of a motive ("in protest at", "in response to", "in retaliation for", "in solidarity with"):
# why something was done, no word of what was done.
MOTIVE_NOUNS = frozenset({"protest", "response", "reply", "retaliation", "solidarity", "reprisal", "revenge"})
# Nouns that make a locative preposition an idiom ("in retaliation for", "in response to", "on behalf
# of", "in support of"): no place, whatever their phrase names.
IDIOM_NOUNS = MOTIVE_NOUNS | frozenset({"support", "connection", "exchange", "return", "memory", "honour", "honor",
                         "violation", "defiance", "accordance", "line", "favour", "favor", "addition",
                         "behalf", "view", "spite", "light", "wake", "aftermath", "face", "name", "charge",
                         "preparation", "anticipation", "recognition", "contrast", "comparison", "talk"})
# Event nouns that "in" makes an idiom of ("in case of", "in the case of", "in any case").
IN_IDIOMS = frozenset({"case"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "outskirts", "edge", "heart", "centre", "center"})
# Roots whose performer or target, when the sentence names none, is placed where the event happened:
# a protest is made in (and against the authorities of) its country; an unattributed bombing in
# Beirut, or soldiers killed in Ukraine, are coded with the country of the place (CAMEO, PLOVER).
LOCATED_ROOTS = frozenset({"09", "14", "15", "17", "18", "19", "20"})
# Roots of assaults (CAMEO 18) whose performer, when no one is named for it, is an unidentified armed
# force of the place (CAMEO's UAF): "a journalist was killed in a car bomb explosion in Beirut", "a
# roadside bomb near Kandahar killed two soldiers" (LBNUAF, AFGUAF), not the state of the place.
# (Not conventional force, 19: "two soldiers were killed in an ambush near Jenin" stays the place's.)
UNATTRIBUTED_ROOTS = frozenset({"18"})
UNATTRIBUTED_SECTOR = "UAF"
UNATTRIBUTED_RULE = "unattributed"
# Heads of a performer's phrase that name the means of an assault, not who used it ("a roadside
# bombing near Samarra killed"); airstrikes and shelling are no such means: they tell an armed force.
ASSAULT_MEANS = frozenset({"bomb", "bombing", "blast", "explosion", "explosive", "device", "mine", "landmine",
                           "minefield", "ied", "grenade", "attack", "ambush"})
# Sympathy for a tragedy and claims of an attack are aimed at the country where it happened ("expressed
# condolences over the shooting in Texas", "claimed the attack on a mall in Nairobi").
PLACE_TARGET_CODES = frozenset({"018", "015"})
# Roots whose act on a deed is aimed at its performer ("investigated crimes by X", "condemned abuses
# by X", "hailed the killing of bin Laden by U.S. forces").
PERPETRATOR_ROOTS = frozenset({"05", "09", "11"})
# Verbs of flight: those fleeing a place or a war in it are from there.
FLEEING_VERBS = frozenset({"flee", "escape"})
# Roots of what is said (statements, appeals, demands, disapproval, rejection, threats).
SPOKEN_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
# Roots whose bare verbs ("help", "assist", "contribute to") name aid only when someone receives it.
RECIPIENT_ROOTS = frozenset({"07"})
# Roots of physical violence: an unattributed act of these may still name its victim ("died of torture").
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
FORCEFUL_ROOTS = VIOLENT_ROOTS | {"17"}
# Roots of acts a weapon is fired in (violence, and shows of force: "fired rockets into the sea").
FIRING_ROOTS = VIOLENT_ROOTS | {"15"}
# Events whose hypothetical content is theirs, not a second event (see _drop_contents): every root
# but statements (01), whose reported acts are coded ("said they would boycott": a threat).
CONTENT_ROOTS = frozenset(f"{r:02d}" for r in range(2, 21))


# Where forbidden words of a pattern are looked for: the trigger's own dependents, the objects of
# its prepositions and object, and, through an infinitive complement, that verb's prepositional
# objects too ("invited troops to march in a parade" sees "parade").
_DIRECT_DEPS = frozenset({"prep", "agent", "dobj", "attr", "xcomp", "dative", "compound", "amod", "prt", "acomp",
                          "advmod", "npadvmod", "poss", "nsubj", "nsubjpass", "oprd"})
_THROUGH_DEPS = frozenset({"prep", "agent", "dobj", "attr", "dative", "xcomp"})


# Participles that name who holds a place or thing: "positions held by Kurdish fighters".
HOLDING_PARTICIPLES = frozenset({"hold", "control", "occupy", "run", "use", "operate", "man", "own"})


# Nouns of dealings whose "with" phrase names the other party ("talks with the government").
PARTNER_NOUNS = frozenset({"talk", "negotiation", "dialogue", "meeting", "summit", "consultation", "relation",
                           "tie", "cooperation", "contact", "agreement", "deal", "accord", "truce", "ceasefire"})


def _holder(tok, trigger):
    """The agent of a holding participle on ``tok`` ("positions held by the YPG": the YPG), or None
    (not the agent of the ``trigger`` itself: "a base occupied by rebels" names who occupies)."""
    for c in tok.children:
        if c.dep_ == "acl" and c.i != trigger.i and c.tag_ == "VBN" and c.lemma_.lower() in HOLDING_PARTICIPLES:
            agent = args.agent_of(c)
            if agent is not None:
                return agent
    return None


def _participle_subject(tab, i: int) -> int | None:
    """The subject a participle clause shares with the clause it hangs on ("A bomb struck a
    patrol, killing four soldiers": the bomb), when it has none of its own; else None."""
    dep, kids = tab.dep, tab.children
    if dep[i] == "conj" and tab.tag[i] == "VBG" and not any(dep[c] in ("nsubj", "nsubjpass") for c in kids[i]):
        # the second of two participles shares the first one's subject ("A fire engulfed the
        # cathedral, toppling its spire and destroying its roof": the fire destroyed)
        i = tab.head[i]
    if dep[i] != "advcl" or tab.tag[i] != "VBG" or any(dep[c] in ("nsubj", "nsubjpass") for c in kids[i]):
        return None
    return next((c for c in kids[tab.head[i]] if dep[c] == "nsubj"), None)


def _nearby_lemmas(tab, i: int, shared: int | None = None) -> set[str]:
    """Lemmas of the trigger's dependents, their objects, and the objects of an infinitive complement
    (``tab`` is the Doc's :class:`~newsevents.nlp.TokenTable`, ``i`` the trigger's position;
    ``shared``, the subject a participle shares with its clause, counts as one of its dependents)."""
    dep, lemma, kids, lower = tab.dep, tab.lemma, tab.children, tab.lower
    out: set[str] = set()
    for c in kids[i] if shared is None else [*kids[i], shared]:
        d = dep[c]
        if d == "advcl" and any(dep[g] == "aux" for g in kids[c]):
            out.add(lemma[c])  # a purpose: "poured into the streets to celebrate"
        if lemma[c] in TIME_SPANS:
            out.update(lemma[g] for g in kids[c] if dep[g] in ("relcl", "acl"))  # "72 hours to leave": what it is for
        if d == "ccomp":
            # the object of a clausal complement: "demanded that the US lift all sanctions"
            out.update(lemma[g] for g in kids[c] if dep[g] == "dobj")
        if d not in _DIRECT_DEPS:
            continue
        out.add(lemma[c])
        if d in ("nsubj", "nsubjpass"):
            # the subject's kind: "air strikes on Kurdish positions continued" are no labour strike
            out.update(lemma[g] for g in kids[c] if dep[g] in ("compound", "amod")
                       and tab.ent_type[g] not in ("ORG", "FAC"))  # (not the words of a name: "International Criminal Court")
            continue
        if d not in _THROUGH_DEPS:
            continue
        for g in kids[c]:
            if dep[g] in ("pobj", "pcomp", "dobj", "prep", "compound", "amod") or d == "xcomp" and dep[g] == "prt":
                # (a gerund too: "warned Americans against travelling"; the complement's particle:
                # "pledged to step up investment" is no stepping down)
                out.add(lemma[g])
                if d == "prep" and dep[g] == "pobj":
                    # the kind of a prepositional object: "went on a hunger strike" (no labour strike)
                    out.update(lemma[x] for x in kids[g] if dep[x] == "compound")
                if dep[g] == "prep" and (d == "xcomp" or d == "dobj" and lower[g] == "on" or d == "prep"):
                    # (and what an object is on: "lifting its ban on imports" lifts no political ban;
                    # the object of a preposition pair: "pulled out of the peace talks")
                    out.update(lemma[x] for x in kids[g] if dep[x] == "pobj")
                if dep[g] == "prep" and d == "dobj" and lower[g] == "into":
                    # "opened an investigation into possible war crimes": the kind of the inquiry
                    for x in kids[g]:
                        if dep[x] == "pobj":
                            out.add(lemma[x])
                            out.update(lemma[y] for y in kids[x] if dep[y] in ("compound", "amod"))
    return out


# Prepositions through which a force posture names whom it faces ("for a war against Iraq");
# not times or causes ("after protests against the government").
FACING_PREPS = frozenset({"against", "for", "to", "toward", "towards", "on", "near", "along"})


def _against_party(trigger):
    """The object of "against" on ``trigger``, on its object, or on the object of one of its
    FACING_PREPS ("mobilized reservists for a possible war against Iraq"), or None."""
    def against(tok):
        return next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "against"
                     for o in c.children if o.dep_ == "pobj"), None)

    found = against(trigger)
    if found is not None:
        return found
    for c in trigger.children:
        nouns = [c] if c.dep_ == "dobj" else [o for o in c.children if o.dep_ == "pobj"] \
            if c.dep_ == "prep" and c.lower_ in FACING_PREPS else []
        for noun in nouns:
            found = against(noun)
            if found is not None:
                return found
    return None


SENTENCE_LEMMAS_KEY = "newsevents.sentence_lemmas"


def _sentence_lemmas(tab, tok) -> frozenset[str]:
    """The (lower-cased) lemmas of the sentence of ``tok``, once per sentence: the words any
    dependent of a trigger there can have."""
    memo = tok.doc.user_data.setdefault(SENTENCE_LEMMAS_KEY, {})
    sent = sentence_of(tok)
    found = memo.get(sent.start)
    if found is None:
        found = memo[sent.start] = frozenset(tab.lemma[sent.start:sent.end])
    return found


def _conjuncts(tab, i: int) -> list[int]:
    """Positions of the phrases conjoined after ``i`` ("photographs and other intelligence")."""
    out, todo = [], [i]
    while todo:
        for c in tab.children[todo.pop()]:
            if tab.dep[c] == "conj":
                out.append(c)
                todo.append(c)
    return out


# CAMEO codes for announced rather than performed acts (see EventCoder._recode and speech_acts).
DEMAND = "100"
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
# Generic codes of saying something about an act, made specific by the act in their complement
# ("urged Iran to release the sailors": 020 -> 0253), and the speech act family of each.
GENERIC_SAID = {"020": APPEAL, "030": INTENT, "100": DEMAND_FAMILY, "120": REFUSAL, "130": THREAT}
# The roots of said acts whose three-digit codes have four-digit sub-codes that the complement can
# pick: "threatened to use chemical weapons" (138) is 1385, "called for economic assistance" (023)
# 0231, "demanding democratic reforms" (104) 1044.
SAID_ROOTS = {"02": APPEAL, "03": INTENT, "10": DEMAND_FAMILY, "12": REFUSAL, "13": THREAT}
GENERIC_THREAT, PESSIMISTIC_COMMENT = "130", "012"
# A show of force (15) threatened is a threat of military force.
THREATEN_FORCE = "138"
# Accepting mediation (038) has no act of its own in CAMEO's table: appeals for it and refusals of it
# are those of mediation (028, 126).
ACCEPT_MEDIATION, MEDIATE = "038", "045"
# Roots of said acts that aim at the target of the act they announce (threats, intents).
AIMED_ROOTS = frozenset({"03", "13"})


def _unknown_party(tok) -> bool:
    """Whether ``tok`` names a party the actor tables do not know (a company, a person, a group:
    "Apple sued Samsung in a U.S. court"): the target is that party, not a phrase found further on."""
    return tok is not None and tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "PERSON")


# Claiming one's own violent act is claiming responsibility (CAMEO 015).
CLAIM_VERBS = frozenset({"claim", "admit", "acknowledge", "confess", "boast"})
CLAIMABLE_ROOTS = frozenset({"14", "17", "18", "19", "20"})
CLAIM_RESPONSIBILITY = "015"
# An appeal to others to support or endorse a third party rallies support on its behalf (CAMEO 053).
ENDORSE, RALLY_SUPPORT, APPEAL_SUPPORT = "051", "053", "022"
RALLY_OPPOSITION = "113"
# Verbs that put a violent act on another party ("claimed that ISIL had attacked", "alleged that
# the army shelled"): an accusation (112) of that party.
ALLEGING_VERBS = frozenset({"claim", "allege", "charge", "contend"})
ACCUSATION, WAR_CRIMES_ACCUSATION = "112", "1124"
# What someone "would face" when a statement threatens them (CAMEO 130).
FORETOLD_THREAT = "130"
HARM_NOUNS = frozenset({"revenge", "consequence", "retaliation", "punishment", "wrath", "reprisal", "retribution",
                        "response", "repercussion", "vengeance", "action", "measure", "sanction"})
# A statement that names another party's conduct as wrong ("Lavrov said Washington was playing with
# fire", "said India's expulsion of diplomats was unjustified"): criticism (111), or an accusation
# (112) when the word names an offence ("said the vote was rigged", "called it an act of piracy").
CRITICISM = "111"
LABEL_CLASS = "negative_label"  # (classes.yaml: the words that name something as wrong)
OFFENCE_WORDS = frozenset({"fraud", "crime", "piracy", "theft", "robbery", "extortion", "blackmail", "terrorism",
                           "aggression", "corruption", "genocide", "rig", "steal", "falsify", "fabricate"})
RIGGING_VERBS = frozenset({"rig", "steal", "falsify", "fabricate", "manipulate"})
# "said Russia was responsible for the poisoning": holding a party responsible for a harmful deed
# (a deed of the classes below, or one of HARM_DEEDS) is an accusation (112); "it is likely|clear that
# ..." reports the same clause.
RESPONSIBLE_WORDS = frozenset({"responsible", "culpable", "guilty"})
HARM_DEED_CLASSES = ("combat_kind", "atrocity_kind", "crime_kind", "abuse_kind", "hostilities")
HARM_DEEDS = frozenset({"poisoning", "killing", "death", "assassination", "explosion", "blast", "kidnapping",
                        "abduction", "violence", "massacre", "murder", "hacking", "cyberattack", "sinking"})
CERTAINTY_WORDS = frozenset({"likely", "clear", "certain", "obvious", "evident", "probable", "plain"})
# A capital or other place named before a meeting, agreement, protest or attack is where it happens,
# not who does it: "the Astana talks", "the Minsk agreement", "the Paris attacks" (but "Russia's
# talks", "Chinese talks", "Washington sanctions").
VENUE_ROOTS = frozenset({"03", "04", "05", "06", "14", "18", "19", "20"})
# (a named event has no party of its own: "Ankara air strikes on Kurdish positions", "Tehran talks
# with the IAEA" name the capital's government as the performer; "the Geneva talks between X and Y"
# are X's and Y's)
PARTY_PREPS = frozenset({"on", "against", "with", "into", "by", "to"})  # (see _named_event)
VENUE_RULES = frozenset({CAPITAL_RULE, "places:name"})
# Event nouns whose "between X and Y" names their parties ("the talks between X and Y").
SYMMETRIC_NOUN_CODES = frozenset({"040", "041", "043", "044", "046", "057", "050", "190"})  # ("fighting between X and Y")


def _named_event(noun) -> bool:
    """Whether event noun ``noun`` with a place before it names an event held there: with "the"
    ("the Astana talks on Syria", "the Kabul attack on the airport", "the Minsk agreement with
    Russia") or with no party of its own ("Geneva talks ended"); not a capital's own act ("Ankara
    air strikes on Kurdish positions", "Tehran talks with the IAEA")."""
    if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return True
    return not any(c.dep_ == "prep" and c.lower_ in PARTY_PREPS for c in noun.children)


# An arrest for a stated offence accuses the arrested of it ("arrested for collaborating with
# Israel", "jailed on allegations of treason"), as the human-coded gold sets code such reports:
# 1125 for spying and treason, else 112. The arrest (173) is kept too.
ARREST_CODE = "173"
TREASON_WORDS = frozenset({"collaborate", "collaboration", "spy", "spying", "espionage", "treason", "sedition",
                           "betray", "betrayal", "treachery", "defect", "subversion"})
OFFENCE_NOUNS = frozenset({"charge", "allegation", "accusation", "suspicion", "count"})
CRIME_NOUNS = frozenset({"murder", "terrorism", "corruption", "fraud", "bribery", "embezzlement", "theft",
                         "robbery", "rape", "smuggling", "trafficking", "kidnapping", "assault", "incitement",
                         "extremism", "blasphemy", "insult", "defamation", "libel", "links", "link", "involvement",
                         "role", "participation", "membership", "support", "possession", "violation", "crime",
                         "offence", "offense", "killing", "attack", "plot", "plotting", "complicity"} | TREASON_WORDS)
CHARGE_NOUNS = OFFENCE_NOUNS | CRIME_NOUNS  # what "on"/"over" an arrest names
# Protest codes whose 4-digit sub-codes name the reform demanded (1411 ... 1454).
PROTEST_CODES = frozenset({"140", "141", "142", "143", "144", "145"})
# Dissent of no named form made for a named reform is a demonstration for it: "took to the streets
# demanding the removal of the president" is 1411 (140 has no sub-codes).
PURPOSE_OF_DISSENT = {"140": "141"}
# Verbs of a demand that the protest patterns code as a protest for its cause ("demand resignation",
# 1411): under another protest they are its purpose ("went on strike demanding the resignation").
PURPOSE_DEMAND_VERBS = frozenset({"demand", "call", "urge", "press", "seek"})
PROTEST_ROOT = "14"
# Answers to a proposal or demand: what they answer is their object (see _responded_to).
ANSWERING_VERBS = frozenset({"reject", "rebuff", "dismiss", "spurn", "decline", "refuse", "turn", "veto",
                             "accept", "approve", "welcome", "endorse", "heed", "grant"})
# What such an answer answers: a proposal made before ("rejected a U.S. request", "accepted the
# rebels' demands"), not an act ("welcomed the release of the journalist" keeps the release).
PROPOSAL_NOUNS = frozenset({"request", "offer", "demand", "call", "appeal", "proposal", "plan", "ultimatum",
                            "invitation", "bid", "plea", "suggestion", "initiative", "proposition", "condition",
                            "term", "formula", "overture", "petition", "motion", "resolution", "draft"})
# Verbs by which a body makes a text its own: what the text does, the body does ("passed a motion
# condemning the invasion").
ADOPTING_VERBS = frozenset({"approve", "adopt", "pass", "endorse", "issue", "release", "sign"})
# Dependency links from a speech act down to the act it is about ("called on Iran to release").
# (acomp: "warned that it was ready to use force": the act under "ready", "willing", "prepared")
COMPLEMENT_PATH = frozenset({"xcomp", "ccomp", "acl", "pobj", "prep", "dobj", "advcl", "acomp"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "wo"})
REFUSING_VERBS = frozenset({"refuse", "decline", "reject", "fail"})
INTENTION_WORDS = frozenset({"want", "hope", "hop", "plan", "intend", "vow", "swear", "pledge", "promise", "offer",
                             "aim", "threaten", "seek", "agree", "willing", "ready", "prepared", "determined", "eager",
                             "prepare"})  # ("hop": en_core_web_sm's lemma of "hoped")


def _obligation_clause(verb):
    """The "that" clause of "X said Y must/should ...", whose subject is asked to act, or None; also
    one in the subjunctive after a verb of insisting ("Ukraine insisted that Russia withdraw its
    forces": a bare verb with a subject of its own and no auxiliary)."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children):
        return clause
    if verb.lemma_.lower() in INSISTING_VERBS and clause.tag_ == "VB" and any(
            c.dep_ == "nsubj" and c.lower_ not in ("i", "you", "we", "they") for c in clause.children) \
            and not any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return clause
    return None


# Verbs of saying whose subjunctive "that" clause asks for the act ("insisted that Russia withdraw").
INSISTING_VERBS = frozenset({"insist", "stress", "reiterate", "maintain"})


def _ultimatum(verb) -> bool:
    """The act is announced on an "unless" condition (on the verb or the clause it completes)."""
    for t in clause_chain(verb):
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in t.children):
            return True
    return False


def _future_or_conditional(trigger) -> bool:
    """Announced rather than done: future ("will", "would"), conditional ("if"), or the complement
    of a verb of intention ("wants to attack", "is ready to send", "agreed to lift")."""
    chain = clause_chain(trigger)
    return any(t.lemma_ in INTENTION_WORDS for t in chain[1:]) or _future_or_condition_on(chain)


def _future_or_condition_on(chain) -> bool:
    """Whether a verb of ``chain`` (a clause chain) has a future auxiliary ("will") or an "if"/"unless"
    clause."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX or c.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
        for t in chain for c in t.children)


def _agreed_upon(trigger) -> bool:
    """Whether ``trigger`` is what its performers agreed to do, with no future or condition on it:
    "EU leaders agreed to impose new sanctions on Belarus" is a decision to sanction (163, planned),
    not a threat (13x), as "decided to impose" is."""
    chain = clause_chain(trigger)
    intent = next((t for t in chain[1:] if t.lemma_ in INTENTION_WORDS), None)
    return intent is not None and intent.lemma_ == "agree" and not _future_or_condition_on(chain)


def _refused(trigger) -> bool:
    """Refused for the future ("will not", "refused to", "has no plans to"), as opposed to a past
    "did not"."""
    chain = clause_chain(trigger)
    if any(t.lemma_ in REFUSING_VERBS for t in chain[1:]):
        return True
    intent = args.intent_noun(trigger)
    if intent is not None and any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not", "never")
                                  for c in intent.children):
        return True  # "Tehran had no plans to resume talks", "no intention of negotiating": a refusal (125)
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"can", "ca"} for t in chain for c in t.children)


# Singular nouns for several people, who may be "they" ("a group of Yoruba leaders ... they").
COLLECTIVE_NOUNS = counts.words("groups") | frozenset({"delegation", "police", "family", "couple", "pair",
                                                       "coalition", "alliance", "bloc", "opposition", "majority",
                                                       "minority"})


def _same_number(pronoun: str, phrase) -> bool:
    """Whether ``pronoun`` may stand for the phrase headed by ``phrase`` by number: "they" is not
    "it" nor a singular common noun ("the ministry"; but a group of people may be "they", and
    news calls named bodies "they" as often as "it": "The Taliban claimed that they had ..."),
    "it" no plural common noun ("guerrillas overran it", said by "Thai military sources")."""
    if pronoun == "they":
        return not (phrase.lower_ == "it" or phrase.tag_ == "NN" and phrase.lemma_.lower() not in COLLECTIVE_NOUNS
                    and not any(c.dep_ == "conj" for c in phrase.children))
    if pronoun == "it":
        return not (phrase.tag_ == "NNS" or phrase.lower_ in ("they", "we"))
    return True


def _asked_party(verb, noun):
    """The party the asking ``verb`` (factuality.ASKING_FOR) asks for ``noun``, which would do it:
    its direct object ("asked Obama for air strikes"), or the object of "to"/"on" ("appealed to the
    UN for aid", "called on NATO for air support"), when ``noun`` hangs on "for"; else None."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.i != verb.i:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != noun.i), None)
    return obj if obj is not None else args.prep_object([verb], ("to", "on", "upon"))


def _person(a: Actor) -> bool:
    """A named person or a person named by a post ("a spokesman", "the foreign minister")."""
    return a.name is not None or "role" in (a.resolved_by or "")


SHOW_OF_FORCE, JOINT_EXERCISE, ARTILLERY, AERIAL = "150", "062", "194", "195"
# Prepositions that name what a thing is about ("a resolution on Syria"), not a party to it.
SUBJECT_MATTER_PREPS = frozenset({"on", "about", "over", "for", "regarding", "concerning"})
# Modals of speculation: "police and protesters could clash again" is no clash (nor a threat by them).
SPECULATIVE_AUX = frozenset({"could", "might", "may"})
# Verbs whose joint subjects act on each other whatever the object ("exchanged prisoners"), each
# coded by the pattern its own side fits ("police and protesters clashed": 175 and 145).
RECIPROCAL_VERBS = frozenset({"exchange", "swap", "trade", "clash"})
OPEN_WATERS = frozenset({"sea", "zone", "water", "waters", "ocean", "gulf", "strait"})
# Words that make two countries' exercises two shows of force, not one joint exercise ("Greece and
# Turkey held rival naval exercises", "both India and Pakistan held drills", "each staged war games").
SEPARATE_WORDS = frozenset({"rival", "separate", "separately", "respective", "parallel", "competing", "own",
                            "each", "both", "simultaneous", "simultaneously", "counter"})
EXERCISE_WORDS = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "wargame", "game"})


def _exercise(p: Pattern) -> bool:
    """Whether ``p`` codes a military exercise (its trigger or a required word names one)."""
    return p.lemma in EXERCISE_WORDS or any(req & EXERCISE_WORDS for req in p.required)


# What a state fires in tests and shows of force (not rockets and shells, the arms of ongoing fighting).
MISSILE_WORDS = frozenset({"missile", "icbm", "slbm"})


def _fired_at_no_one(trigger, aimed, performer: Actor | None) -> bool:
    """Whether a state fired or launched missiles at no one: in a test ("test-fired a missile"), into
    open waters ("into the sea"), or with only a date where the target would be ("on Tuesday")."""
    if trigger.lemma_ not in ("fire", "launch") or performer is None or not performer.country \
            or performer.sector not in (None, "GOV", "MIL"):
        return False
    fired = [t for c in trigger.children if c.dep_ == "dobj"
             for t in (c, args.prep_object([c], ("of",))) if t is not None]
    if not any(t.lemma_.lower() in MISSILE_WORDS for t in fired):
        return False
    if any(c.lemma_.lower() == "test" and c.dep_ in ("npadvmod", "compound", "advmod") for c in trigger.children):
        return True
    return aimed is not None and (aimed.ent_type_ in ("DATE", "TIME") or aimed.lemma_.lower() in OPEN_WATERS)


def _symmetric_pattern(p) -> bool:
    """Whether the parties of ``p`` act on each other (:func:`_symmetric`); meetings at a third place
    ("met on the sidelines of the summit", 044) too, though attending one is not."""
    return _symmetric(p.code) or p.code == "044" and p.lemma in ("meet", "talk", "confer")


def _symmetric(code: str) -> bool:
    """Acts that conjoined parties do to each other: meeting, negotiating, signing, cooperating, clashing."""
    return code in SYMMETRIC_CODES or code[:3] in SYMMETRIC_CODES


def _locative(tok) -> bool:
    """Whether ``tok`` is the object of a preposition of place: "in Kabul", "outside of Basra",
    "30 km north of Baghdad"."""
    if tok.dep_ != "pobj" or tok.lemma_.lower() in IDIOM_NOUNS:
        return False
    prep = tok.head.lemma_.lower()
    if prep in LOCATIVE_PREPS:
        return True
    return prep == "of" and tok.head.head.lemma_.lower() in LOCATIVE_PREPS | DIRECTIONS


# Sectors of the people a state arrests, detains, tortures, frees or bans: its own, when no other
# country is named (not armed groups, refugees or spies: they are often foreign).
HELD_SECTORS = frozenset({"AGR", "CVL", "OPP", "MED", "LAB", "EDU", "HRI", "PTY", "REL", "BUS", "JUD", "LEG", "ELI", "HLH"})
# Acts of a state on people in its hands: coercion (17) but deportation (174), yielding (08: releases,
# easing of bans), the offer to release (0353), torture (1822) and pardon (056: "granted amnesty to
# 5,000 prisoners").
HOLDING_CODES = frozenset({"0353", "1822", "056"})


def _holds_own(code: str) -> bool:
    """Whether ``code`` is an act of a state on people in its own hands (see HOLDING_CODES)."""
    return code[:2] in ("17", "08") and not code.startswith("174") or code in HOLDING_CODES


def is_generic(a: Actor) -> bool:
    """An actor named only by its kind ("demonstrators", "troops"): a sector, no country or region."""
    return a.country is None and a.sector is not None and (a.code or "").strip("-") in ("", a.sector)


def _unnamed_performer(trigger) -> bool:
    """A verb whose voice leaves its performer unnamed: "were killed in Ukraine", "soldiers killed in"."""
    return trigger.pos_ in ("VERB", "AUX") and (args.is_passive(trigger) or trigger.tag_ == "VBN"
                                                and trigger.dep_ in ("acl", "relcl", "advcl", "ROOT", "conj")
                                                and args.agent_of(trigger) is None)


# Nouns that name the speaker's own state ("his country", "the kingdom") or body ("its members").
COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "republic"})
MEMBER_NOUNS = frozenset({"member", "supporter", "follower", "loyalist", "rank", "cadre"})
# Verbs whose passive agent performed the act a noun names: "the attack, carried out by ISIS-K".
PERFORMING_VERBS = frozenset({"carry", "conduct", "launch", "stage", "claim", "commit", "mount", "perpetrate",
                              "plant", "fire", "detonate", "set", "execute", "order", "organize", "organise"})
# Verbs whose passive "from X" names the state that acts: "were expelled/deported/extradited from Albania".
SENDING_AWAY_VERBS = frozenset({"expel", "deport", "extradite"})
# Verbs of calling an envoy in, done by the host state ("the ambassador was summoned").
SUMMONING_VERBS = frozenset({"summon"})
# Entities whose capitalised inner words are part of a name, not verbs: "the Committee to Protect
# Journalists", "the Campaign to Stop Killer Robots".
NAMED_BODY_ENTITIES = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT"})


def _inside_name(tok) -> bool:
    """Whether the capitalised ``tok`` inside an entity follows a lower-case word of the same entity,
    as the verbs of names do ("Committee to Protect Journalists"; not a Title Case headline the
    tagger read as one name, "Obama Meets Putin")."""
    doc, i = tok.doc, tok.i - 1
    while i >= 0 and doc[i].ent_iob_ == "I":
        if doc[i].is_lower:
            return True
        i -= 1
    return False


def _verb_as_noun(tok) -> bool:
    """A headline verb the tagger took for a noun ("EU and UN hand over medical supplies to ...",
    "US, allies launch war games", "Saudi-led coalition bombs Houthi rebels"): the root of its
    sentence, with an object and a subject (or a noun before it the parser made its modifier)."""
    if tok.pos_ != "NOUN" or tok.dep_ != "ROOT":
        return False
    if any(c.dep_ == "nsubj" for c in tok.children):
        # (a plural-looking root with a subject and a phrase is a verb in the present: "UN chief
        # calls for ceasefire in Sudan")
        return any(c.dep_ in ("dobj", "prt") or c.dep_ == "prep" and tok.tag_ == "NNS" for c in tok.children)
    return args.headline_subject(tok) is not None  # (with its object: a dobj or an apposed name)


# What rules an act out: "is out of the question", "is off the table", "is not an option", "is impossible".
RULED_OUT_ADJECTIVES = frozenset({"impossible", "unthinkable", "inconceivable"})


def _ruled_out(verb):
    """The copula of "X-ing ... is out of the question / off the table / not an option / impossible"
    when ``verb`` is that clausal subject, else None."""
    if verb.dep_ != "csubj" or verb.head.lemma_ != "be":
        return None
    cop = verb.head
    for c in cop.children:
        if c.dep_ == "prep" and c.lower_ == "out" and any(
                g.lower_ == "of" and any(q.lemma_ == "question" for q in g.children) for g in c.children):
            return cop
        if c.dep_ == "prep" and c.lower_ == "off" and any(g.lemma_ == "table" for g in c.children):
            return cop
        if c.dep_ == "attr" and c.lemma_ == "option" and any(g.dep_ == "neg" or g.lower_ == "no"
                                                             for g in [*cop.children, *c.children]):
            return cop
        if c.dep_ == "acomp" and c.lemma_ in RULED_OUT_ADJECTIVES:
            return cop
    return None


# "in defiance of X", "in protest at X", "in opposition to X": whom a protest is aimed at.
DEFIANCE_NOUNS = frozenset({"defiance", "protest", "opposition"})


def _defied(trigger):
    """The party of "in defiance of / in protest at / in opposition to X" on ``trigger``, or None."""
    for c in trigger.children:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        for noun in c.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in DEFIANCE_NOUNS:
                found = args.prep_object([noun], ("of", "at", "against", "to"))
                if found is not None:
                    return found
    return None


def _speaker(tok):
    """The subject of the speech verb that reports ``tok``'s clause ("X said ..."), or None."""
    speech = reporter(tok)
    return args.subject_of(speech) if speech is not None else None


def _acting_on(tok) -> set[int]:
    """Positions of the subjects of the verbs above the object pronoun ``tok`` (who act on it, so
    it cannot stand for them), with the noun a relative clause above it hangs on ("guerrillas who
    overran it")."""
    own: set[int] = set()
    for t in [tok, *tok.ancestors][:8]:
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                own.update(range(c.left_edge.i, c.right_edge.i + 1))
        if t.dep_ == "relcl":
            own.add(t.head.i)
    return own


def _complement_subject(verb):
    """The subject of a complement clause after ``verb`` ("allow UN planes to land", "help Haiti
    cope"): whom the verb lets or helps act; None when the complement has none of its own."""
    return next((g for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                 for g in c.children if g.dep_ == "nsubj" and g.i > verb.i), None)


def _helps_do(verb) -> bool:
    """"helped to plan the killings", "contributed to planning the massacres": a verb of helping
    whose complement is an act, with no one helped (no object, and no subject of its own in the
    complement)."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children):
            return True
    return False


def _people(actor: Actor) -> bool:
    """An actor that is a people named by its plural demonym ("Palestinians", "ethnic Albanians"):
    civilians of its country (the resolver's ``people`` rule), acting as civilians do (protest, riot).
    (Also one resolved with no sector, from a memory or another resolver.)"""
    if actor.resolved_by and PEOPLE_RULE in actor.resolved_by.split("+"):
        return True
    if actor.sector is not None or not actor.country or not actor.resolved_by or not actor.text.strip():
        return False
    head = actor.text.rsplit(None, 1)[-1]
    return actor.resolved_by.split("+")[0] in (DEMONYM_RULE, CONTEXT_RULE) and head[:1].isupper() \
        and head.endswith("s") and not head.isupper()


def _naming(verb) -> bool:
    """"called the attack an act of terror": "call" naming its object (an object predicate
    follows), not calling it (as in "called a strike"); also when the parser hangs the predicate
    on the object ("called the arrest politically motivated")."""
    if verb.lemma_.lower() != "call":
        return False
    return any(c.dep_ == "oprd" for c in verb.children) or any(
        c.dep_ == "dobj" and any(g.dep_ in ("acl", "amod") and g.pos_ == "ADJ" and g.i > c.i for g in c.children)
        for c in verb.children)


def _weapon_origin(trigger):
    """Where the thing that did it was fired from, when that is all the sentence says of the
    performer: "a mortar shell fired from Gaza killed two men" (the object of "from" in a
    clause on the verb's subject), or None."""
    subj = args.subject_of(trigger)
    if subj is None or subj.pos_ != "NOUN":
        return None
    return args.prep_object([c for c in subj.children if c.dep_ == "acl"], ("from",))


def _peacekeeping(trigger) -> bool:
    """Whether what ``trigger`` sends or deploys keeps the peace ("sending troops to Mali on a
    peacekeeping mission", "deployed peacekeepers", "the deployment of troops on a UN peace mission"):
    a noun's own phrase and a verb's objects and prepositional phrases are read (for a noun, also its
    verb's), not a subject nor a clause with a subject of its own ("as UN peacekeepers watched"); but
    the subject of a verb with no object is what deploys ("Russian peacekeepers began deploying")."""
    words = []
    if trigger.pos_ not in ("VERB", "AUX"):
        words += [t.lemma_.lower() for t in trigger.subtree]
        trigger = trigger.head if trigger.head.pos_ in ("VERB", "AUX") else None
    if trigger is not None:
        if not any(c.dep_ == "dobj" for c in trigger.children):
            # what deploys is its subject: "Russian peacekeepers began deploying"
            subj = args.subject_of(trigger)
            words += [t.lemma_.lower() for t in subj.subtree] if subj is not None else []
        for c in trigger.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj", "punct", "cc", "aux", "auxpass", "neg"):
                continue
            if c.dep_ in ("advcl", "conj", "ccomp", "parataxis", "relcl") and any(
                    g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                continue
            words += [t.lemma_.lower() for t in c.subtree]
    return any(w in PEACEKEEPING_WORDS for w in words) or any(
        a == "peace" and b in ("mission", "operation", "force") for a, b in zip(words, words[1:]))


def _pair_reference(tok) -> bool:
    """Whether ``tok`` refers to two parties named before: "both sides", "the two neighbours",
    "both of them"."""
    if tok.lower_ == "both":
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("them", "us") for g in c.children)
                   for c in tok.children)
    return tok.lemma_.lower() in PAIR_NOUNS and any(c.lower_ in ("both", "two") and c.dep_ in ("det", "nummod",
                                                                                              "predet", "amod")
                                                   for c in tok.children)


def _trailing_attribution(m) -> bool:
    """Whether ``m`` is a bare statement that only credits the news told before it ("A typhoon killed
    10,000 people in Leyte, a police official said"): the news is the clause, not the saying, and a
    clause with no event of its own leaves no statement either (one told to someone is kept)."""
    t = m.trigger
    if m.pattern.code != GENERIC_STATEMENT or m.target is not None or m.noun_governor is not None:
        return False
    told = [c for c in t.children if c.dep_ == "ccomp"]
    if not told or any(c.i > t.i for c in told):
        return False
    # (a speaker telling of itself keeps its statement: "It will continue strikes on Hamas targets,
    # the Israeli military said")
    return not any(s.dep_ in ("nsubj", "nsubjpass") and s.pos_ == "PRON" for c in told for s in c.children)


def _main_clause_event(m) -> bool:
    """Whether the verb trigger of ``m`` heads its sentence, or the clause its sentence reports."""
    t = m.trigger
    if t.pos_ not in ("VERB", "AUX"):
        return False
    if t.dep_ == "ROOT":
        return True
    return t.dep_ in ("ccomp", "parataxis") and t.head.dep_ == "ROOT" and t.head.lemma_.lower() in SPEECH_VERBS


def _reverses(verb) -> bool:
    """Whether ``verb`` undoes the event its object names ("lifted", "gave up", "called off")."""
    lemma = verb.lemma_.lower()
    if lemma in REVERSING_VERBS:
        return True
    particle = REVERSING_PARTICLES.get(lemma)
    return particle is not None and any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)


# Codes that name how violence was done, and codes that name only its result: one act told by both
# keeps the means ("wounded two soldiers in a bomb attack" is a bombing, 183).
MEANS_CODES = frozenset({"183", "1831", "1832", "1833", "194", "195", "1951", "1952", "201", "202", "203",
                         "204", "2041", "2042", "186", "185"})


def _tells_act_better(code: str, other: str) -> bool:
    """Whether ``code`` names one violent act better than ``other`` does: it names the means and
    the other does not ("blew themselves up" 1831 over "killed" 1823), or neither names it and it
    is the more specific ("killed" 1823 over "an assault" 180)."""
    if (code in MEANS_CODES) != (other in MEANS_CODES):
        return code in MEANS_CODES
    return _specificity(code) > _specificity(other)


# The toll of a violent act (wounding, killing): a participle telling it ("..., killing five") adds
# the casualties of the act its verb names, not a second or better-told act.
CASUALTY_CODES = frozenset({"182", "1823"})

# Killing a person, and the words that make it an attempt (CAMEO 185, attempt to assassinate).
KILLING_CODES = frozenset({"186", "1823"})
ATTEMPTED_ASSASSINATION = "185"
ATTEMPT_WORDS = frozenset({"attempt", "try", "plot", "bid", "conspire", "scheme", "seek"})


def _attempt_of(verb):
    """The attempt or plot ``verb`` was to be done by ("tried | to kill", "a plot | to assassinate",
    also when the parser hangs the infinitive on the verb before the noun), or None."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or verb.dep_ not in ("xcomp", "acl", "advcl"):
        return None
    if verb.head.lemma_.lower() in ATTEMPT_WORDS:
        return verb.head
    before = verb.doc[to.i - 1] if to.i > 0 else None
    if verb.dep_ == "advcl" and before is not None and before.lemma_.lower() in ATTEMPT_WORDS \
            and before.head.i == verb.head.i:
        return before
    return None


def _part_of_act(inner, outer) -> bool:
    """Whether trigger ``inner`` describes the act of trigger ``outer`` rather than a second act:
    a participle of its consequence ("bombarded the city, killing eight people") or the means
    it names ("were killed in an air strike")."""
    if inner.head.i == outer.i:
        return inner.dep_ == "advcl" and inner.tag_ == "VBG"
    return inner.dep_ == "pobj" and inner.head.head.i == outer.i and inner.head.lower_ in ("in", "by")


COOPERATIVE_PURPOSE_ROOTS = frozenset({"06", "07", "08"})


def _deployed_for(matches: list[Match]) -> list[Match]:
    """Drop a deployment (15x) whose purpose clause codes cooperation, aid or a concession ("deployed
    200 soldiers to Nigeria to train Nigerian troops"): the troops are sent to do that, which is the
    event; a show of force has no such purpose."""
    purposes = {m.trigger.i: m for m in matches if m.pattern.code[:2] in COOPERATIVE_PURPOSE_ROOTS
                and m.factuality != "negated" and m.target is not None and m.target.country}
    if not purposes:
        return matches

    def for_purpose(m: Match) -> bool:
        # the purpose must be done to the country the troops go to ("to Nigeria to train Nigerian
        # troops"), not to another party ("to Mozambique to help fight insurgents": the help is
        # Mozambique's, the insurgents are fought)
        return m.pattern.code[:2] == FORCE_POSTURE_ROOT and any(
            c.dep_ == "advcl" and c.i in purposes
            and purposes[c.i].target.sector not in IRREGULAR_SECTORS  # (insurgents are fought, not helped)
            and (m.target is not None and purposes[c.i].target.country == m.target.country
                 or purposes[c.i].target.sector not in ARMED_SECTORS)
            and not _same_party(purposes[c.i].target, m.source)
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in m.trigger.children)

    return [m for m in matches if not for_purpose(m)]


def _protest_demands(matches: list[Match]) -> list[Match]:
    """Drop the demands and appeals a protest makes ("staged rallies ..., saying he must resign",
    "began a hunger strike to demand the return of property", "demonstrated calling for
    independence"): they are the protest's purpose, which its sub-code tells (141x-145x), not a
    second event. Only a demand within three links under the protest's trigger, with no subject of
    its own ("..., while the union urged the government to negotiate" stays), by the same actor."""
    protests = [m for m in matches if m.pattern.code[:2] == PROTEST_ROOT]
    if not protests:
        return matches
    anchors = {}
    for p in protests:
        for t in (p.trigger, p.noun_governor):
            if t is not None:
                anchors[t.i] = p
    out = []
    for m in matches:
        # (also a demand the protest patterns code as a protest for its cause, "went on strike
        # demanding the resignation of the minister": 1411 for "demand resignation" is the strike's purpose)
        said = m.pattern.code[:2] in ("02", "10") or m.pattern.code[:2] == PROTEST_ROOT \
            and len(m.pattern.code) == 4 and m.trigger.lemma_.lower() in PURPOSE_DEMAND_VERBS
        if said and not any(c.dep_ in ("nsubj", "nsubjpass") for c in m.trigger.children):
            up = [a for _, a in zip(range(3), m.trigger.ancestors)]
            p = next((anchors[a.i] for a in up if a.i in anchors), None)
            if p is not None and (m.source is None or p.source is None or m.source.code == p.source.code):
                continue
        out.append(m)
    return out


def _responded_to(matches: list[Match]) -> list[Match]:
    """Drop events named inside the proposal a rejection or an acceptance answers ("rejected a U.S.
    request to interrogate detainees", "rejected a US offer to host a summit", "accepted demands
    from the rebels"): the request, offer or demand was made before and is the answer's object,
    not news of the sentence. An act answered is kept ("welcomed the release of the journalist")."""
    objects, adoptions = [], set()
    for r in matches:
        lemma = r.trigger.lemma_.lower()
        if lemma not in ANSWERING_VERBS and lemma not in ADOPTING_VERBS:
            continue
        for c in r.trigger.children:
            if c.dep_ not in ("dobj", "nsubjpass"):
                continue
            if lemma in ADOPTING_VERBS and r.factuality in ("negated", "hypothetical") \
                    and c.lemma_.lower() in args.DOCUMENT_NOUNS:
                objects.append(c)  # "failed to pass a resolution condemning ...": nothing is condemned
            elif lemma in ADOPTING_VERBS and c.lemma_.lower() in args.DOCUMENT_NOUNS and any(
                    m.trigger.head.i == c.i and m.trigger.dep_ in ("acl", "relcl") for m in matches):
                # "approved a resolution criticizing Nicaragua": adopting the text is doing what it
                # says; the criticism is the event, the vote its vehicle
                adoptions.add(id(r))
            elif lemma in ANSWERING_VERBS and c.lemma_.lower() in PROPOSAL_NOUNS:
                objects.append(c)
    if not objects and not adoptions:
        return matches
    inside = {t.i for o in objects for t in o.subtree}
    return [m for m in matches if m.trigger.i not in inside and id(m) not in adoptions]


def _background_clause(m: Match) -> bool:
    """Whether the trigger of ``m`` (or its light verb) is in a relative clause, also one the parser
    hung elsewhere but that opens with "where" right after a noun ("the city of Susangerd where ...")."""
    t = m.noun_governor if m.noun_governor is not None else m.trigger
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "relcl":
        return True
    doc = t.doc
    return any(c.dep_ == "advmod" and c.lower_ == "where" and c.i < t.i and c.i > 0
               and doc[c.i - 1].pos_ in ("NOUN", "PROPN") for c in t.children)


# Prepositions that set a nominal event as the background of another ("surrendered following a
# government offensive", "agreed to a ceasefire after two days of fierce fighting").
BACKGROUND_PREPS = frozenset({"after", "following", "since", "despite", "amid", "amidst"})


def _background_of(m: Match):
    """The word whose background the nominal event ``m`` is told as, or None: what its "after",
    "following", "since", "despite", "amid" or "in the wake of" phrase hangs on. (The gold sets'
    coders code the news, not its background. A clause keeps its act: "Troops shelled the town after
    rebels killed two soldiers" tells both.)"""
    t = m.trigger
    if m.pattern.pos != "noun" or m.noun_governor is not None:
        return None
    while t.dep_ in ("conj", "compound") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ in BACKGROUND_PREPS or t.dep_ == "dobj" and t.head.lower_ == "following":
        return t.head.head  # (what the preposition, or the participle "following", hangs on)
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "ahead":
        return t.head.head.head  # "placed on alert ahead of the opposition rally" (not yet held)
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "wake":
        wake = t.head.head
        return wake.head.head if wake.dep_ == "pobj" else None
    return None


# Measures in force named as the circumstances of something else, not imposed: "revenue rose despite
# U.S. sanctions", "exports have fallen under sanctions", "because of renewed sanctions", "due to
# sanctions", "in line with U.N. sanctions", "paid in rupees to avoid U.S. sanctions".
STANDING_PREPS = frozenset({"under", "despite", "amid", "amidst", "because"})
STANDING_PREP_PAIRS = frozenset({("to", "due"), ("to", "owing"), ("with", "line"), ("of", "spite"), ("of", "because")})
STANDING_VERBS = frozenset({"avoid", "evade", "circumvent", "skirt", "bypass", "dodge", "escape", "violate", "breach",
                            "flout", "defy", "bust", "beat", "survive", "weather"})
# Codes of measures that stay in force (sanctions, embargoes, tariffs, boycotts).
STANDING_MEASURE_CODES = frozenset({"163"})
# Verbs of a figure's change: a trade noun as their subject is a statistic ("China's exports fell 3
# percent", "trade between the two reached $100 billion"), not an act of trading.
FIGURE_VERBS = frozenset({"rise", "fall", "drop", "decline", "increase", "grow", "jump", "surge", "plunge", "slump",
                          "shrink", "climb", "tumble", "soar", "slow", "contract", "dip", "rebound", "recover", "slide",
                          "sink", "reach", "hit", "total", "top", "stand", "exceed", "double", "triple", "halve",
                          "rocket", "plummet", "edge", "ease", "expand", "decrease"})
TRADE_FIGURE_ROOTS = frozenset({"06"})


def _standing_measure(m: Match) -> bool:
    """Whether the nominal event ``m`` names sanctions (tariffs, an embargo) in force as the
    circumstances of something else ("exports fell under U.S. sanctions"), not their imposition."""
    if m.pattern.pos != "noun" or m.noun_governor is not None or m.pattern.code not in STANDING_MEASURE_CODES:
        return False
    t = m.trigger
    while t.dep_ in ("conj", "compound") and t.head.i != t.i:
        t = t.head
    h = t.head
    if t.dep_ == "pobj":
        return h.lower_ in STANDING_PREPS or (h.lower_, h.head.lower_) in STANDING_PREP_PAIRS
    return t.dep_ == "dobj" and h.lemma_.lower() in STANDING_VERBS


def _trade_figure(m: Match) -> bool:
    """Whether the nominal event ``m`` is a trade figure, the subject of a verb of change ("China's
    exports fell 3.2 percent in August"), not an act of trading."""
    if m.pattern.pos != "noun" or m.noun_governor is not None or m.pattern.code[:2] not in TRADE_FIGURE_ROOTS:
        return False
    t = m.trigger
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "nsubj" and t.head.lemma_.lower() in FIGURE_VERBS


def _background_events(matches: list[Match]) -> list[Match]:
    """Drop nominal events told as the background of another coded event ("surrendered following a
    government offensive"); not the background of a word that is no event ("died after torture": the
    torture is the news). Sanctions named as circumstances and trade figures are no events at all
    (``_standing_measure``, ``_trade_figure``)."""
    news = {i for m in matches for i in (m.trigger.i, m.noun_governor.i if m.noun_governor is not None else -1)}
    return [m for m in matches if ((b := _background_of(m)) is None or b.i not in news)
            and not _standing_measure(m) and not _trade_figure(m)]


def _object_target(m: Match) -> bool:
    """Whether the target of ``m`` is its trigger's direct object ("support *the PLO*"), not a
    party named further down ("support sanctions against North Korea")."""
    obj = next((c for c in m.trigger.children if c.dep_ == "dobj"), None)
    if obj is None or m.target is None:
        return False
    offset = obj.idx - sentence_of(obj).start_char
    return m.target.start <= offset < m.target.end and not any(
        t.dep_ == "prep" for t in obj.subtree if m.target.start <= t.idx - sentence_of(obj).start_char < m.target.end
        and t.lower_ in ("against", "on", "over"))


def _aimed_against(m: Match) -> bool:
    """Whether the target of ``m`` is named by an "against" phrase ("a protest against army rule")."""
    if m.target is None:
        return False
    sent = sentence_of(m.trigger)
    base = sent.start_char
    return any(t.dep_ == "pobj" and t.head.lower_ == "against" and m.target.start <= t.idx - base < m.target.end
               for t in sent)


def _own_act(m: Match) -> str | None:
    """The code of ``m`` when its verb is coordinated with another verb and each has an object of
    its own: "shot down a helicopter and captured its pilots" is two acts of one root, clearly
    distinct (not so participles that tell one act: "rioted, setting fire to cars"); else None."""
    t = m.trigger
    if t.pos_ != "VERB" or t.tag_ == "VBG":
        return None
    partner = t.head if t.dep_ == "conj" else next((c for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if partner is None or partner.i == t.i or partner.tag_ == "VBG":
        return None
    own, other = (next((c for c in v.children if c.dep_ == "dobj"), None) for v in (t, partner))
    return m.pattern.code[:3] if own is not None and other is not None and own.i != other.i else None


def _specificity(code: str) -> tuple[int, bool]:
    """How specific a CAMEO code is: its length, then whether it is no catch-all ("195" over "190")."""
    return len(code), not code.endswith("0")


# Roots of dealings between states (visits, meetings, diplomatic and material cooperation, reduced
# relations), where a party's borrowed country is not taken to be its partner's (domestic politics
# keeps one country on both sides: "opposition leaders agreed to postpone the demonstration in Baku").
FOREIGN_RELATIONS_ROOTS = frozenset({"04", "05", "06", "16"})


def _borrowed(a: Actor) -> bool:
    """Whether ``a``'s country was taken from elsewhere in its sentence (the resolver's context
    rule) or from where the article is set, not from its own phrase."""
    rules = (a.resolved_by or "").split("+")
    return rules[0] == CONTEXT_RULE or any(r.startswith("document:") for r in rules)


def _unplaced(a: Actor) -> Actor | None:
    """``a`` without its borrowed country: its bare sector ("---GOV"), or None for a party known by
    nothing else."""
    if a.sector is None:
        return None
    rules = [r for r in (a.resolved_by or "").split("+") if r != CONTEXT_RULE and not r.startswith("document:")]
    return replace(a, code=compose_code(None, a.sector), country=None, resolved_by="+".join(rules + ["unplaced"]))


def _own_forces(speaker: Actor, other: Actor) -> bool:
    """Whether ``other`` is a state agent on ``speaker``'s side: of its country, or with no country
    when a state agent with no country speaks ("the interior minister" of "security forces"), or
    with no country of its own when a state speaks (bare "troops" Putin orders, placed in Syria only
    by the article: :func:`_borrowed`)."""
    if other.sector not in STATE_AGENTS or speaker.sector not in STATE_AGENTS | {None}:
        return False
    return other.country == speaker.country or bool(speaker.country) and (
        _borrowed(other) or other.country is None and (other.code or "").startswith(NO_STEM))  # (not "NATO troops")


def _same_party(a: Actor | None, b: Actor | None) -> bool:
    """Whether ``a`` and ``b`` are one party: the same country, or the same code when neither has one."""
    if a is None or b is None:
        return False
    return a.country == b.country if a.country or b.country else a.code == b.code


def _crowd(tok) -> Actor:
    """A crowd counted by number and nothing else ("Thousands", "tens of thousands"): civilians,
    placed later where the event happens."""
    words = phrase_tokens(tok)
    base = sentence_of(tok).start_char
    start, end = words[0].idx - base, words[-1].idx + len(words[-1]) - base
    return Actor(text=span_text(sentence_of(tok))[start:end], code=compose_code(None, "CVL"), country=None,
                 sector="CVL", start=start, end=end, name=None, resolved_by=CROWD_RULE)


def _third_party(a: Actor | None, b: Actor | None) -> bool:
    """Whether ``a`` is an actor other than ``b``."""
    return a is not None and (b is None or a.code != b.code)


# Sectors of words that name people by what they do ("demonstrators", "bombers"): such a word is an
# event noun of its own kind, not a body.
PERFORMER_SECTORS = frozenset({"CVL", "MIL", "REB", "UAF"})
# Roots whose verbs take the event a noun names as their content, coded by the recoding rules
# ("called for talks", "agreed to a ceasefire", "demanded sanctions"), not as a word of their own act.
ASKING_ROOTS = frozenset({"01", "02", "03", "10", "12", "13"})
REJECTION_ROOT = "12"
# Asking roots whose own pattern, naming the noun, tells its event: what is rejected was offered,
# what is demanded or ordered is not (yet) done ("ordered the evacuation of 1.1 million people":
# 1052, no humanitarian evacuation by Israel).
NAMING_ROOTS = frozenset({REJECTION_ROOT, "10"})
# Nouns that tell any act already told ("ECOWAS criticised the move"), and the roots of acts (not statements).
GENERIC_ACT_NOUNS = frozenset({"move", "decision", "step", "action", "measure", "incident", "act", "actions"})
ACT_ROOTS = frozenset(f"{r:02d}" for r in range(2, 21))
# Sectors of a speaker who may be the "it"/"they" of the clause it reports (a state, its forces and
# officials, armed groups); a country itself has no sector.
ACTING_SECTORS = frozenset({None, "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB", "UAF", "OPP", "PTY", "ELI"})
# Diplomatic missions, which stand in the host country.
MISSION_NOUNS = frozenset({"embassy", "consulate", "legation", "chancery"})
# Determiners of an event noun that tells an act already told ("condemned the attack", "these arrests").
ANAPHORIC_DETERMINERS = frozenset({"the", "this", "these", "that", "those", "such"})
# Roots of "call" that naming its object is not ("called the election a sham" convenes no election).
NAMED_NOT_CALLED_ROOTS = frozenset({"02", "03", "04", "14"})
# Adjectives that make a weapon one of mass destruction, read as required words of the object.
WEAPON_KINDS = frozenset({"nuclear", "atomic", "chemical", "biological"})
# Vehicles whose load is what is sent ("sent planes carrying food to Nepal"), and the verbs of their load.
CARRIER_NOUNS = frozenset({"plane", "aircraft", "airplane", "jet", "flight", "ship", "vessel", "boat", "freighter",
                           "truck", "lorry", "convoy", "helicopter", "train"})
CARRYING_VERBS = frozenset({"carry", "bring", "transport", "ferry"})
# Amounts of money, whose "in" phrase says what the money is ("$500 million in military aid").
MONEY_WORDS = frozenset({"million", "billion", "trillion", "dollar", "euro", "pound", "yen", "yuan", "rouble",
                         "ruble", "rupee", "franc", "$"})
# Heads whose "of" phrase is the actor: a group counted ("thousands of Iraqi Kurds") or what a sum
# or share is of ("tariffs on $200 billion of Chinese goods").
COUNTED_HEADS = QUANTITY_HEADS | MONEY_WORDS
# Verbs whose "of" phrase, which the parser often hangs on their object, names what is taken or
# alleged ("stripped 94 critics of their citizenship", "accused the president of corruption").
OF_OBJECT_VERBS = frozenset({"strip", "deprive", "accuse", "suspect", "convict"})
# Refusals to ease what is in force (curfews, sanctions, prisoners held): their word names a thing that exists.
KEPT_MEASURE_CODES = frozenset({"1241", "1242", "1243", "1244"})


# Codes of acts that saying another party did them is accusing it: mass violence (20x), violating
# a ceasefire (196), defying norms and law (128); attacks (18x, 19x) when their named victim says so.
ACCUSED_BY_SAYING = frozenset({"196", "128"})
SAID_BY_ANOTHER = "said by another"
# Help (support, cooperation, aid) that, said of another party toward armed groups, accuses it.
HELP_ROOTS = frozenset({"05", "06", "07"})
ARMED_GROUP_SECTORS = frozenset({"REB", "UAF"})
# Resolver rules of a party named as such (a state, capital, leader, institution, organisation or
# group), whose word that another party attacked is an accusation ("Israel said a mortar bomb was
# fired at it from Gaza"; "The US said Iraq had attacked"), not a report by sources.
NAMED_RULES = frozenset({"country:name", "country:alias", "leaders:name", "institutions:name",
                         "international:name", "groups:name", "memory", "coref:speaker"})
ACCUSING_SPEAKER_SECTORS = frozenset({None, "GOV", "MIL", "ELI", "OPP", "REB", "NGO", "LEG", "JUD"})


# Roots of acts a people does as its state or side ("Israelis and Palestinians resumed peace
# negotiations", "Kurds launched an offensive"), where a people is coded by its country alone.
STATE_ACT_ROOTS = frozenset({"03", "04", "05", "06", "07", "08", "12", "15", "16", "19"})
# Of those, the roots where the other party is a state as well (talks, agreements, ties); in the
# others it may be civilians ("Israeli airstrikes killed 20 Palestinians", "freed 39 Palestinians").
MUTUAL_STATE_ROOTS = frozenset({"03", "04", "05", "06", "12", "16"})


def _peoples_as_states(m: Match) -> Match:
    """``m`` with a people (rule ``people``, CVL) in a state's act coded as its country."""
    root = m.pattern.code[:2]
    if root not in STATE_ACT_ROOTS:
        return m
    sides = [replace(a, code=a.country, sector=None, resolved_by=f"{a.resolved_by}+as-state")
             if a is not None and PEOPLE_RULE in (a.resolved_by or "").split("+")
             and (k == 0 or root in MUTUAL_STATE_ROOTS) else a
             for k, a in enumerate((m.source, m.target))]
    return m if sides == [m.source, m.target] else replace(m, source=sides[0], target=sides[1])


def _reported_accusations(matches: list[Match]) -> list[Match]:
    """The accusation a speaker makes by saying another party committed mass violence, violated a
    ceasefire or broke the law ("Erdogan said Israel was committing genocide in Gaza": 1124 TUR ->
    ISR, beside the reported 20x), attacked the speaker ("Israel said a mortar bomb was fired at it
    from Gaza") or, said by a state, helped armed groups ("Israel said Iran was arming Hezbollah"),
    made at the speech verb. Not by media, sources or reporters naming no party."""
    out = []
    for m in matches:
        code = m.pattern.code
        speaker = m.reported_by
        if m.factuality != "reported" or speaker is None or m.source is None:
            continue
        armed_help = code[:2] in HELP_ROOTS and m.target is not None and speaker.country is not None and (
            m.target.sector in ARMED_GROUP_SECTORS or (m.target.code or "").startswith("IMG"))  # (said by a state)
        if not (code[:2] in ("18", "19", "20") or code[:3] in ACCUSED_BY_SAYING or armed_help) \
                or speaker.sector not in ACCUSING_SPEAKER_SECTORS:
            continue  # (helping armed groups too: "the junta said France was supporting jihadist groups")
        if not m.source.country or not (speaker.country or (speaker.code or "")[:3] in ("IGO", "NGO")) \
                or speaker.country == m.source.country:
            continue  # (the parties must be known: "Syrian officials said government forces ...")
        if code[:2] in ("18", "19") and code[:3] not in ACCUSED_BY_SAYING and (
                (speaker.resolved_by or "").split("+")[0] not in NAMED_RULES
                or m.target is None or m.target.country != speaker.country):
            # an attack told by its victim: "Israel said a mortar bomb was fired at it from Gaza"
            # (not one told by "Thai military sources" or "relief officials in Nairobi": a report)
            continue
        verb = reporter(m.noun_governor if m.noun_governor is not None else m.trigger)
        if verb is None:
            continue
        new = WAR_CRIMES_ACCUSATION if code[:2] == "20" else ACCUSATION
        pattern = replace(m.pattern, code=new, pos="verb", lemma=verb.lemma_.lower(),
                          rule=f"{m.pattern.rule} => {SAID_BY_ANOTHER} {new}")
        out.append(Match(pattern, verb, speaker, m.source, "asserted", m.confidence, None, None))
    return out


def _perpetrator(noun, actor):
    """Who did the wrong ``noun`` names, when the sentence says: its possessor or "by" phrase
    ("Israel's conduct", "abuses by the army"), or the agent of a participle on it ("crimes committed
    by Croat forces"); None when that names no actor."""
    doer = args.noun_source(noun)
    if doer is None:
        # (or of a passive relative clause: "the attack, which was carried out by ISIS-K")
        doer = next((a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                     or c.dep_ == "relcl" and args.is_passive(c)
                     for a in (args.agent_of(c),) if a is not None), None)
    if doer is None and noun.lemma_.lower() in CLAIM_NOUNS:
        # "looking into reports that North Korean hackers stole defence data": who the report names
        doer = next((args.subject_of(c) for c in noun.children if c.dep_ in ("acl", "ccomp") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    return doer if doer is not None and actor(doer) is not None else None


def _told_by_verb(matches: list[Match]) -> list[Match]:
    """Drop a noun's event when the noun is a required word of a verb's pattern that coded the act
    of another root ("lodged a protest with China" is a diplomatic protest, 114, not a protest,
    140): the verb and its word tell one act. A verb whose root takes the noun's event as its
    content (statements, appeals, intents, demands, refusals, threats; :data:`ASKING_ROOTS`) keeps it,
    except a rejection whose own pattern names the noun: what "opposed French mediation" or "rejected
    mediation" rejects was offered, not done (126 only). The word may hang on a preposition ("is
    opposed to French mediation")."""
    told: dict[int, set[str]] = defaultdict(set)  # required word's position -> roots of the verbs it serves
    for m in matches:
        root = m.pattern.code[:2]
        if m.pattern.code[:4] in KEPT_MEASURE_CODES:
            continue  # what is kept in force exists: "will extend the curfew" tells the curfew too
        if m.pattern.pos == "verb" and m.pattern.required and (root not in ASKING_ROOTS or root in NAMING_ROOTS):
            for c in m.trigger.children:
                words = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
                for w in words:
                    if any(w.lemma_.lower() in req for req in m.pattern.required):
                        told[w.i].add(root)
    if not told:
        return matches
    def telling(m: Match) -> set[str]:
        return told.get(m.trigger.i, set()) - {m.pattern.code[:2]} if m.pattern.pos == "noun" else set()

    return [m for m in matches if not (m.noun_governor is not None and telling(m) or NAMING_ROOTS & telling(m))]


def _one_violent_act(matches: list[Match]) -> list[Match]:
    """Keep one event for one violent act told by two triggers (see :func:`_part_of_act`): the
    governing one for a consequence, the means for a means ("an air strike" is 195, "killed" only
    190), with the governing verb's target when it has one. Both must have the same performer, or the inner one none."""
    violent = [m for m in matches if m.pattern.code[:2] in VIOLENT_ROOTS and m.factuality != "negated"]
    if len(violent) < 2:
        return matches
    dropped = set()
    for inner in violent:
        if id(inner) in dropped:
            continue
        for outer in violent:
            if inner is outer or id(outer) in dropped or not _part_of_act(inner.trigger, outer.trigger):
                continue
            if inner.source is not None and (outer.source is None or inner.source.code != outer.source.code):
                continue
            means = inner.trigger.dep_ == "pobj"
            keep, drop = (inner, outer) if means else (outer, inner)
            if _tells_act_better(drop.pattern.code, keep.pattern.code) and (
                    means or drop.pattern.code not in CASUALTY_CODES
                    or keep.source is not None and keep.source.sector == "COP"):
                # "in a bomb attack" is a bombing; "in an assault" a killing. The toll of an act is no
                # better telling of it: "attacked the camp, killing 156 people" is the attack (180, the
                # CAMEO manual's example), "ambushed a patrol, wounding four" the ambush; but police
                # firing into a crowd use no military force: "..., killing three protesters" is 1823
                keep, drop = drop, keep
            keep.target = outer.target or inner.target  # the victims of the governing verb come first
            keep.source = keep.source or drop.source
            keep.confidence = max(keep.confidence, drop.confidence)
            dropped.add(id(drop))
            break
    return [m for m in matches if id(m) not in dropped]


def _embedding_events(m: Match, anchors: set[int]) -> bool:
    """Whether the trigger of ``m`` lies under a trigger in ``anchors`` other than its own
    (coordinated events, "claimed the attack and apologised", are peers, not embedded)."""
    own = {m.trigger.i} | ({m.noun_governor.i} if m.noun_governor is not None else set())
    start = m.noun_governor if m.noun_governor is not None else m.trigger
    while start.dep_ == "conj" and start.head.i != start.i:
        start = start.head
        own.add(start.i)
    return any(a.i in anchors and a.i not in own for a in start.ancestors)


# Participles that describe a noun by who stands behind it ("forces backed by Russia", "a
# government supported by the West", "cuts approved by lawmakers"): no act of their own.
DESCRIBING_PARTICIPLES = frozenset({"back", "support", "sponsor", "fund", "finance", "approve", "endorse", "favour",
                                    "favor", "recognize", "recognise", "broker", "mediate", "ally", "align", "link"})
# Nouns of a state of affairs that kills ("the war has killed 270,000", "killed in the conflict"):
# a toll, not an act of anyone's.
CONFLICT_NOUNS = frozenset({"war", "conflict", "fighting", "violence", "insurgency", "unrest", "crisis", "civil",
                            "hostility", "bloodshed", "turmoil"})


def _toll(m: Match) -> bool:
    """Whether ``m`` is a death toll of a war or conflict with no one doing it, told in the present
    perfect: "the war has killed more than 270,000 people", "6,400 people have been killed in the
    conflict"."""
    if m.source is not None or m.pattern.code[:2] not in VIOLENT_ROOTS or m.trigger.pos_ not in ("VERB", "AUX"):
        return False
    verb = m.trigger
    if not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children):
        return False  # (a toll is told in the present perfect; "three soldiers were killed in fighting" is news)
    nouns = [c for c in verb.children if c.dep_ == "nsubj"]
    nouns += [g for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during")
              for g in c.children if g.dep_ == "pobj"]
    return any(n.lemma_.lower() in CONFLICT_NOUNS for n in nouns)


# Roots whose nouns tell an act done whether or not they name whom it is for: violence ("the
# air strike killed ..."), aid ("Australian aid supported two million girls").
KEPT_NOUN_ROOTS = VIOLENT_ROOTS | {"07"}


def _unattached_nouns(matches: list[Match]) -> list[Match]:
    """Drop a nominal event whose pattern names the preposition of its target when the noun has
    none and no light verb: "the U.S. embargo would end", "Western sanctions have hurt the
    economy", "the European Union deal" name a state of affairs, not an act (with "on"/"against"
    they would: "U.S. sanctions on Iran"), when the sentence tells something else. Violence named is
    violence done, aid named aid given."""
    loose = [m for m in matches if m.pattern.pos == "noun" and m.noun_governor is None and m.target is None
             and m.pattern.explicit_preps and m.pattern.code[:2] not in KEPT_NOUN_ROOTS]
    if any(_awaited(m.trigger) for m in loose):
        # "the visit comes a week before the NATO summit in Warsaw": a coming event dates the
        # sentence, even when it tells nothing else
        matches = [m for m in matches if not any(m is x for x in loose if _awaited(x.trigger))]
        loose = [m for m in loose if not _awaited(m.trigger)]
    if len(loose) == len(matches):
        return matches  # (the sentence tells nothing else: "the joint military exercises began today")
    return [m for m in matches if all(m is not x for x in loose)]


def _awaited(noun) -> bool:
    """Whether ``noun`` is what a time phrase waits for: "before the summit", "ahead of the talks",
    "until the conference"."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in ("before", "until", "till") or prep.lower_ == "of" and prep.head.lower_ == "ahead"


# How a noun hangs as the thing another event acts on: its object, the object of its preposition,
# a modifier or complement on the way ("called for the lifting of U.S. sanctions").
OBJECT_PATH_DEPS = frozenset({"dobj", "pobj", "prep", "compound", "amod", "nmod", "xcomp", "pcomp", "acomp", "attr",
                              "appos", "conj"})


def _object_nouns(matches: list[Match]) -> list[Match]:
    """Drop a nominal event with no target that is what another event of the sentence acts on:
    "called for the lifting of U.S. sanctions" is an appeal, not also sanctions imposed; "warned it
    would cut military aid" no aid given; "refused to accept the deployment of a peacekeeping force"
    no peacekeeping. (With a target the noun tells an act of its own: "condemned the attack on the
    embassy".)"""
    anchors = _anchors(matches)
    if len(anchors) < 2:
        return matches

    def carried(m: Match) -> bool:
        if m.pattern.pos != "noun" or m.noun_governor is not None or m.target is not None \
                or m.pattern.code[:2] in VIOLENT_ROOTS:
            return False  # (violence named is violence done: "wounded two soldiers in a bomb attack")
        t = m.trigger
        for _ in range(8):
            if t.dep_ not in OBJECT_PATH_DEPS or t.head.i == t.i:
                return False
            t = t.head
            if t.i in anchors:
                return True
        return False

    return [m for m in matches if not carried(m)]


def _anchors(matches: list[Match], roots=None) -> set[int]:
    """Trigger (and light verb) positions of ``matches`` that are no generic statement, or of
    the given ``roots`` only."""
    kept = [m for m in matches if m.pattern.code != GENERIC_STATEMENT
            and (roots is None or m.pattern.code[:2] in roots)]
    return {m.trigger.i for m in kept} | {m.noun_governor.i for m in kept if m.noun_governor is not None}


def _intent_contents(matches: list[Match]) -> list[Match]:
    """Drop an intent's own nominal act told again with no one it is aimed at: "agreed to a
    ceasefire" is one intent (0356) per party, not also a planned ceasefire (0871) by the same party.
    "Agreed to talks" keeps talks that name the other side (the intent names no one), and "agreed
    a truce" its truce (the object is agreed itself, 0871)."""
    intents: dict[int, list[Actor | None]] = defaultdict(list)
    for m in matches:
        if m.pattern.code[:2] == "03":
            intents[m.trigger.i].append(m.source)
    if not intents:
        return matches
    return [m for m in matches if not (
        m.pattern.pos == "noun" and m.factuality == "planned" and m.target is None and m.noun_governor is not None
        and m.trigger.dep_ == "pobj" and any(_same_party(s, m.source) for s in intents.get(m.noun_governor.i, ())))]


# Verbs of command: what a state orders its own forces to do, it does ("Putin ordered troops to
# withdraw from Syria" is Russia's withdrawal, not a demand Russia makes of its army).
ORDER_VERBS = frozenset({"order", "instruct", "direct", "command"})
# Forces that carry out their state's orders: its armed forces and police, and its intelligence services.
ARMED_AGENTS = FORCE_SECTORS | {"SPY"}


# Verbs of the phase of an act, between an order and the act: "ordered the military to begin withdrawing".
PHASE_VERBS = frozenset({"begin", "start", "continue", "resume", "complete", "finish", "step"})


def _ordered_verb(trigger):
    """The verb whose infinitive complement ``trigger`` is, through verbs of phase ("ordered the
    military to begin withdrawing": "ordered"), else None."""
    t = trigger
    for _ in range(3):
        if t.dep_ != "xcomp" or t.head.i == t.i:
            return None
        if t.head.lemma_.lower() not in PHASE_VERBS:
            return t.head
        t = t.head
    return None


def _ordered_acts(matches: list[Match]) -> list[Match]:
    """Replace an order a state gives its own forces (a demand, 10, whose target is of the
    orderer's side) by the act ordered, performed by the orderer ("ordered police to disperse the
    protesters": the government represses them). Orders to others stay demands."""
    out = list(matches)
    for d in matches:
        if d.pattern.code[:2] != "10" or d.trigger.lemma_.lower() not in ORDER_VERBS or d.source is None \
                or d.target is None or d.target.sector not in ARMED_AGENTS or not _own_forces(d.source, d.target):
            continue
        done = [m for m in matches if m is not d and _ordered_verb(m.trigger) is not None
                and _ordered_verb(m.trigger).i == d.trigger.i and (m.source is None or m.source.code == d.target.code)]
        if not done:
            continue
        out = [m for m in out if m is not d and all(m is not x for x in done)]
        out += [replace(m, source=d.source, factuality=d.factuality,
                        pattern=replace(m.pattern, rule=f"{m.pattern.rule} => ordered by {d.trigger.text}"))
                for m in done]
    return out


def _drop_contents(matches: list[Match]) -> list[Match]:
    """Drop hypothetical acts that are the content of another coded event: what an appeal, demand,
    ultimatum or refusal asks for ("demanded that Hamas renounce violence", "rejected a request to
    interrogate detainees") or the condition of a threat ("unless Baghdad accepted its terms").
    The coded event carries them; on their own they would be acts nobody did. Statements (01)
    keep theirs: "said they would boycott the talks" is the boycott threat. An intent's own act
    planned for no one goes too (see :func:`_intent_contents`)."""
    anchors = _anchors(matches, CONTENT_ROOTS)
    if not anchors:
        return matches
    triggers = {m.trigger.i for m in matches if m.pattern.code[:2] in CONTENT_ROOTS}
    matches = _intent_contents(matches)
    return _drop_repeats([m for m in matches if m.factuality != "hypothetical" or not (
        _embedding_events(m, anchors)
        or _stray_content(m, anchors)
        # the light verb of a nominal act is another event: "sought support from Arab states"
        or m.noun_governor is not None and m.noun_governor.i in triggers)])


# Verbs of accusing and criticising, whose "of"/"for" phrase is what they allege (see _accused_acts),
# and those of them that also take the charge with "with" ("charged the minister with ordering ...").
ACCUSING_VERBS = frozenset({"accuse", "blame", "charge", "criticise", "criticize", "condemn", "denounce", "fault",
                            "slam", "rebuke", "censure", "indict", "convict", "suspect", "sentence"})
CHARGING_VERBS = frozenset({"charge", "indict"})


def _accused_acts(matches: list[Match]) -> list[Match]:
    """Drop what an accusation or criticism accuses its target of: "accused the United States of
    violating human rights, ignoring international law" is one accusation (112), not also a
    defiance (128) by the accuser; "blamed Iran for attacking tankers" the same. The act hangs on
    the accusing verb through "of"/"for" ("with" after charge/indict), directly or through a
    conjunct, complement, prepositional phrase or relative clause of what does."""
    accusing = {m.trigger.i for m in matches if m.pattern.code[:2] == "11" and m.trigger.lemma_ in ACCUSING_VERBS
                or m.trigger.lemma_ in CHARGING_VERBS and m.pattern.code[:2] in ("11", "17")}
    if not accusing:
        return matches

    def accused(m: Match) -> bool:
        t = m.noun_governor if m.noun_governor is not None else m.trigger
        for _ in range(8):  # ("of failing to protect": up the complement to the "of" phrase)
            if t.dep_ in ("pcomp", "pobj") and (t.head.lower_ in ("of", "for") or t.head.lower_ == "with"
                                               and t.head.head.lemma_ in CHARGING_VERBS):
                if t.head.head.i in accusing:
                    return True  # (or "charged the former minister with ordering the killing")
            if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "NOUN"):
                t = t.head.head  # "of killing its scientist in an ambush": up to the killing
                continue
            if t.dep_ not in ("conj", "xcomp", "relcl", "acl") or t.head.i == t.i:
                return False  # (or "the bombing in Peshawar that killed 30 people": up to the bombing)
            t = t.head
        return False

    return [m for m in matches if m.trigger.i in accusing or not accused(m)]


INVESTIGATE_ROOT = "09"
INVESTIGATION_NOUNS = frozenset({"investigation", "probe", "inquiry", "enquiry", "inquest", "review", "audit",
                                 "examination", "hearing"})


def _investigated_acts(matches: list[Match]) -> list[Match]:
    """Drop a nominal act that an inquiry investigates: "the UN launched a probe into the killing of
    civilians" is the UN's inquiry (09), not a killing by the UN; what is investigated is alleged."""
    inquiries = set()
    for m in matches:
        if m.pattern.code[:2] == INVESTIGATE_ROOT:
            inquiries.add(m.trigger.i)
            inquiries.update(c.i for c in m.trigger.children if c.lemma_.lower() in INVESTIGATION_NOUNS)
    if not inquiries:
        return matches
    return [m for m in matches if not (m.pattern.pos == "noun" and m.trigger.dep_ == "pobj"
                                       and m.trigger.head.lower_ in ("into", "of", "over")
                                       and m.trigger.head.head.i in inquiries)]


def _stray_content(m: Match, anchors: set[int]) -> bool:
    """Whether ``m`` is the content of a coded appeal the parser left it apart from (see
    :func:`newsevents.events.factuality.stray_appeal`)."""
    appeal = stray_appeal(m.trigger)
    return appeal is not None and appeal.i in anchors


# Event nouns whose compound names the means: "a drone strike killed" (195), "a mortar attack hit".
MEANS_NOUNS = frozenset({"strike", "attack", "raid", "bombardment", "shelling", "bombing", "airstrike", "bomb", "round", "shell"})
TRAVEL_NOUNS = frozenset({"visit", "trip", "tour", "journey", "mission", "stopover", "strike"})  # ("have been on hunger strike")
# Verbs whose subject is the one "on" a visit ("is on a visit", "arrived on a visit", "will lead a
# delegation on a visit").
TRAVELLING_VERBS = frozenset({"be", "remain", "stay", "arrive", "go", "come", "lead", "head", "travel", "fly", "leave", "set",
                              "embark", "begin", "start", "continue", "return", "undertake", "make", "depart"})


def _traveller(noun):
    """Who is "on" a visit, and the verb of the clause the "on" phrase hangs in: its subject ("the
    minister is on a visit to Russia", "will lead a delegation on a visit to Russia"); (None, None)
    for other nouns."""
    if noun.lemma_.lower() not in TRAVEL_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "on":
        return None, None
    holder = noun.head.head
    if holder.pos_ in ("NOUN", "PROPN") and holder.dep_ in ("dobj", "attr", "pobj"):
        holder = holder.head.head if holder.dep_ == "pobj" else holder.head  # "a delegation on a visit"
    if holder.pos_ not in ("VERB", "AUX") or holder.lemma_.lower() not in TRAVELLING_VERBS:
        return None, None  # "detained a journalist on a visit to Istanbul": the journalist's visit
    subject = args.subject_of(holder)
    return (subject, holder) if subject is not None else (None, None)


def _stated_charge(verb):
    """The offence an arrest is for: a gerund or crime noun after "for" ("arrested for collaborating",
    "jailed for fraud"), or the object of "on charges / allegations / suspicion of"; else None."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if prep.lower_ == "for" and (obj.dep_ == "pcomp" and obj.tag_ == "VBG"
                                         or obj.dep_ == "pobj" and obj.lemma_.lower() in CRIME_NOUNS):
                return obj
            if prep.lower_ in ("on", "over") and obj.dep_ == "pobj" and obj.lemma_.lower() in CHARGE_NOUNS:
                return obj
    return None


def _drop_repeats(matches: list[Match]) -> list[Match]:
    """Drop an event embedded under another of the same root by the same performer (or by none) on
    the same target (or none): one act told twice, the second time as the first one's content
    ("accused Rwanda of making accusations by alleging ..." is one accusation; "threatened to break
    relations with Russia" one threat)."""
    by_root: dict[str, list[Match]] = defaultdict(list)
    for m in matches:
        by_root[m.pattern.code[:2]].append(m)
    dropped = set()
    for group in by_root.values():
        if len(group) < 2:
            continue
        anchors = {id(g): _anchors([g]) for g in group}
        for m in group:
            for g in group:
                if g is m or id(g) in dropped:
                    continue
                same = m.source is None or g.source is not None and g.source.code == m.source.code
                # (a content that names another party says more: "agreed to lift embargoes on Iran")
                same = same and (m.target is None or _same_party(g.target, m.target))
                if same and _embedding_events(m, anchors[id(g)]) and not _part_of_act(m.trigger, g.trigger):
                    if m.pattern.code in MEANS_CODES and _tells_act_better(m.pattern.code, g.pattern.code):
                        # "killed 23 people when they blew themselves up": the means names the act
                        m.target = g.target or m.target
                        m.confidence = max(m.confidence, g.confidence)
                        dropped.add(id(g))
                        continue
                    dropped.add(id(m))
                    break
    return [m for m in matches if id(m) not in dropped]


def _tree_distance(a, b) -> int:
    """Edges between two tokens of one dependency tree."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 99


@dataclass(slots=True)
class Match:
    """A pattern that fired on a trigger, before it becomes an Event."""

    pattern: Pattern
    trigger: object  # spaCy Token
    source: Actor | None
    target: Actor | None
    factuality: str
    confidence: float
    noun_governor: object = None  # the light verb of a nominal trigger, if any
    reported_by: Actor | None = None


class EventCoder:
    """Codes CAMEO events in parsed sentences.

    Args:
        patterns: the trigger patterns (default: the bundled data files).
        resolver: an :class:`newsevents.actors.ActorResolver` (default: bundled tables).
        located_actors: give actors named only by their kind the country of the event's place
            (CAMEO's convention; False keeps PETRARCH's country-less ``---CVL`` codes).
    """

    def __init__(self, patterns: PatternIndex | None = None, resolver=None, *, located_actors: bool = True):
        self.patterns = patterns or default_index()
        self.located_actors = located_actors
        self._rejected = False  # set by _pairs when an actor constraint turns a pair down
        self._violent_lemmas: frozenset[str] | None = None  # (see _violent_verb)
        self._group_lemmas: frozenset[str] | None = None  # (see _group_nouns)
        self._resolving: set[tuple[int, int]] = set()  # (Doc id, position) of pronouns being resolved (_pronoun)
        if resolver is None:
            from ..actors import ActorResolver

            resolver = ActorResolver()
        self.resolver = resolver

    # -- step 1: matching -------------------------------------------------------------------------
    def match(self, sent, memory=None, date: str | None = None, setting: tuple[str, str] | None = None, *,
              resolved: dict | None = None) -> list[Match]:
        """All matches in the spaCy sentence ``sent`` (a Span), after pruning and de-duplication.

        ``memory`` (a :class:`~newsevents.actors.DocumentActors`) carries named people from earlier
        sentences; ``date`` (the publication date) picks the office a named leader held then;
        ``setting`` is (country, place name) where the article is set (its dateline, see
        :func:`newsevents.pipeline.document_country`), the last place a generic actor of a protest,
        use of force or violence can be in. ``resolved`` (token index -> actor) holds the resolver's
        plain answers for this sentence, shared with another coder of the same sentence (the
        dictionary coder) so that no phrase is resolved, nor a person remembered, twice.
        """
        cache: dict[int, Actor | None] = {}
        raw = resolved if resolved is not None else {}

        tab = token_table(sent.doc)  # (the checks on every argument read the table, no Token attributes)

        def actor(tok):
            if tok is not None and tab.lemma[tok.i] in COUNTED_HEADS:
                # "thousands of Iraqi Kurds", "dozens of police": the group is the actor (and what a sum
                # or share is of, though the sum itself is no actor: "tariffs on $200 billion of Chinese
                # goods", "wrote off 90 percent of Cuba's debt")
                inner = args.prep_object([tok], ("of",))
                if inner is not None:
                    tok = inner
            if tok is None or tab.ent_type[tok.i] in NON_ACTOR_ENTITIES and tab.pos[tok.i] != "PROPN":
                return None  # (a name the tagger read as a time, "fired 40 missiles at Kyiv overnight", is resolved)
            if tok.i not in cache:
                if tok.i not in raw:
                    raw[tok.i] = self.resolver.resolve_token(tok, memory=memory, date=date)
                found = raw[tok.i]
                if tok.pos_ == "NOUN" and (found is None or found.country is None and found.code
                                           and found.code.startswith(NO_STEM)):
                    cache[tok.i] = found  # provisional, so that "their spokesman said" cannot loop
                    found = self._possessed(tok, found, actor) or self._antecedent(tok, found) \
                        or self._named_group(tok, found) or found
                elif tok.pos_ == "PRON" and found is None:
                    found = self._pronoun(tok, actor)
                if found is None and tok.lemma_.lower() in CROWD_COUNTS and tok.dep_ in ("nsubj", "nsubjpass"):
                    found = _crowd(tok)  # "Thousands marched in Kiev": a crowd of people
                cache[tok.i] = found
            return cache[tok.i]

        if memory is not None:
            # people named anywhere in the sentence ("talks between Cameron and Chinese President
            # Xi Jinping") are remembered, so that a later bare "Xi" resolves
            for ent in sentence_ents(sent):
                if ent.label_ == "PERSON":
                    actor(ent.root)
        matches: list[Match] = []
        doc = sent.doc
        positions = self._trigger_positions(doc)
        for i in positions[bisect_left(positions, sent.start):bisect_left(positions, sent.end)]:
            tok = doc[i]
            lemma = tok.lemma_.lower()
            if (tok.pos_ in ("VERB", "AUX") or _verb_as_noun(tok)) and lemma in self.patterns.verb_lemmas:
                if args.is_charge(tok):
                    continue  # "jailed a student for helping militants": the charge, not an act of the court
                if args.is_banned_act(tok):
                    continue  # "the ban on doing business with ZTE": what is banned is not done
                if tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBG") and tok.i < tok.head.i:
                    continue  # "the internationally recognised government", "the ruling party": a description, no act
                if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in MISHAP_VERBS:
                    continue  # "a factory building collapsed near Dhaka, killing 87 people": the collapse killed
                if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and lemma in DESCRIBING_PARTICIPLES:
                    continue  # "troops backed by coalition forces": who stands behind them, no act
                if tok.ent_iob_ == "I" and tok.ent_type_ in NAMED_BODY_ENTITIES and tok.is_title and _inside_name(tok):
                    continue  # "the Committee to Protect Journalists said": a word of a name
                matches.extend(self._first_claim(self._match_verb(tok, actor, memory)))
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in self.patterns.noun_lemmas:
                matches.extend(self._first_claim(self._match_noun(tok, actor)))
        matches = _deployed_for(_responded_to(_protest_demands(self._refine_by_complement(matches, actor))))
        matches = _investigated_acts(_accused_acts(_told_by_verb(self._acted_on_people(matches))))
        matches += self._claimed_acts(matches, actor)
        matches = [self._as_fired_into(self._unattributed(self._locate_actors(r, setting)))
                   for m in matches for r in self._recode(m, actor)]
        matches += self._charged_arrests(matches)
        matches = [self._evaluative_statement(self._foretold_harm(m, actor), actor) for m in matches]
        if matches:
            banned = discarded_roots(span_text(sent), among={m.pattern.code[:2] for m in matches})
            matches = [m for m in matches if m.pattern.code[:2] not in banned]
        unattributed = [m for m in matches if m.factuality == "reported" and m.reported_by is None]
        if unattributed:
            # "..., according to state media": the speaker of the whole sentence
            head = according_to(sent)
            speaker = actor(head) if head is not None else None
            for m in unattributed:
                m.reported_by = speaker
        matches = [_peoples_as_states(m) for m in matches]
        matches += _reported_accusations(matches)
        matches = [m for m in _unattached_nouns(matches) if not _toll(m)]
        matches = self._prune(self._rank_embedded(_drop_contents(_object_nouns(_ordered_acts(matches)))))
        if memory is not None:
            for m in matches:
                # (not the accusation a report makes: "Hamas said Israel bombed a school. The UN
                # condemned the attack" is Israel's attack)
                if m.factuality in ("asserted", "reported") and SAID_BY_ANOTHER not in m.pattern.rule:
                    memory.observe_event(m.pattern.code[:2], m.source)
        return matches

    @staticmethod
    def _charged_arrests(matches: list[Match]) -> list[Match]:
        """The accusation an arrest states ("arrested for collaborating with a terrorist group",
        "jailed 52 members on allegations of treason"): the arresting party accuses the arrested
        (see ``ARREST_CODE``), on the charge's words, a little more confident than the arrest."""
        out = []
        for m in matches:
            if m.pattern.code != ARREST_CODE or m.factuality == "negated":
                continue
            charge = _stated_charge(m.trigger)
            if charge is None:
                continue
            # the offence itself: its head, its modifiers, what a charge is "of" ("charges of spying"),
            # not the rest of its phrase ("for attacking a soldier accused of treason")
            offence = [charge] + [c for c in charge.children if c.dep_ in ("compound", "amod", "nmod")] + [
                o for c in charge.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                if o.dep_ in ("pobj", "pcomp")]
            words = {t.lemma_.lower() for t in offence} | {t.lower_ for t in offence}
            code = "1125" if words & TREASON_WORDS else ACCUSATION
            pattern = replace(m.pattern, code=code, pos="verb", lemma=m.trigger.lemma_.lower(),
                              rule=f"{m.pattern.rule} => charge stated {code}")
            out.append(Match(pattern, m.trigger, m.source, m.target, m.factuality,
                             min(1.0, round(m.confidence + 0.05, 3)), m.noun_governor, m.reported_by))
        return out

    @staticmethod
    def _foretold_harm(m: Match, actor) -> Match:
        """A statement that someone "would face" revenge or consequences is a threat (130) against
        them ("Khamenei said Saudi leaders would face divine revenge")."""
        if m.pattern.code not in (GENERIC_STATEMENT, "012"):
            return m
        for clause in m.trigger.children:
            if clause.dep_ != "ccomp" or clause.lemma_.lower() != "face":
                continue
            if not any(c.dep_ == "dobj" and c.lemma_.lower() in HARM_NOUNS for c in clause.children):
                continue
            target = actor(args.subject_of(clause))
            if target is None or m.source is not None and target.code == m.source.code:
                continue
            pattern = replace(m.pattern, code=FORETOLD_THREAT,
                              rule=f"{m.pattern.rule} => would face harm {FORETOLD_THREAT}")
            return replace(m, pattern=pattern, target=target)
        return m

    def _evaluative_statement(self, m: Match, actor) -> Match:
        """A bare statement (010) whose reported clause names another party's conduct as wrong is
        criticism of that party (111), or an accusation (112) for an offence (see ``CRITICISM``):
        the clause says its subject (or the possessor of its subject noun: "India's expulsion of
        diplomats was unjustified") is or does something the shared label class calls wrong
        ("was reckless", "was a provocation", "an act of piracy", "was playing with fire"), or
        that a vote was rigged or stolen. Kept as the statement when no party other than the
        speaker is named, or the clause is negated."""
        if m.pattern.code != GENERIC_STATEMENT or m.source is None:
            return m
        labels = self.patterns.classes.get(LABEL_CLASS, frozenset())
        for clause in m.trigger.children:
            if clause.dep_ != "ccomp" or any(c.dep_ == "neg" for c in clause.children):
                continue
            if clause.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in CERTAINTY_WORDS
                                             for c in clause.children):
                # "said it was highly likely that Russia was responsible ...": the "that" clause
                clause = next((c for a in [clause, *clause.children] if a.dep_ in ("ccomp", "acomp")
                               for c in a.children if c.dep_ == "ccomp"), clause)
                if any(c.dep_ == "neg" for c in clause.children):
                    continue
            word = None
            if clause.lemma_ == "be" and self._held_responsible(clause):
                word = "crime"
            elif clause.lemma_ == "be":
                for c in clause.children:
                    if c.dep_ not in ("attr", "acomp"):
                        continue
                    inner = [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj"] if c.lemma_.lower() == "act" else []
                    word = next((t.lemma_.lower() for t in [c, *inner] if t.lemma_.lower() in labels), word)
            elif clause.tag_ == "VBN" and clause.lemma_.lower() in RIGGING_VERBS and any(
                    c.dep_ == "auxpass" for c in clause.children):
                word = clause.lemma_.lower()  # "said the vote was rigged"
            elif clause.lemma_.lower() == "play" and any(
                    o.lower_ == "fire" for p in clause.children if p.dep_ == "prep" and p.lower_ == "with"
                    for o in p.children):
                word = "provocation"  # "was playing with fire"
            if word is None:
                continue
            subj = args.subject_of(clause)
            target = actor(subj)
            if target is None and subj is not None and subj.pos_ == "NOUN":
                owner = args.noun_source(subj)
                target = actor(owner) if owner is not None else None
            if target is None or target.code == m.source.code:
                continue
            code = ACCUSATION if word in OFFENCE_WORDS else CRITICISM
            pattern = replace(m.pattern, code=code, rule=f"{m.pattern.rule} => called wrong ({word}) {code}")
            return replace(m, pattern=pattern, target=target)
        return m

    def _held_responsible(self, clause) -> bool:
        """Whether the copula ``clause`` says its subject is responsible (culpable, guilty) for or
        of a harmful deed: "Russia was responsible for the poisoning" (not "for security")."""
        deeds = HARM_DEEDS.union(*(self.patterns.classes.get(k, frozenset()) for k in HARM_DEED_CLASSES))
        return any(c.dep_ == "acomp" and c.lemma_.lower() in RESPONSIBLE_WORDS and any(
            o.lemma_.lower() in deeds for p in c.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
            for o in p.children if o.dep_ == "pobj") for c in clause.children)

    def _claimed_acts(self, matches: list[Match], actor) -> list[Match]:
        """"The group claimed that it had attacked the base": claiming one's own violent act is a
        claim of responsibility (015) by the speaker, against the act's target; the act itself is
        kept as reported. Only for verbs of claiming and admitting, and only when the act's
        performer is a pronoun resolved to the speaker ("it", "they"). Claiming or alleging that
        another party did it ("The US claimed that ISIL had attacked Iraq") is an accusation (112)
        of that party by the speaker."""
        out, seen = [], set()
        for m in matches:
            if m.pattern.code[:2] not in CLAIMABLE_ROOTS or m.source is None:
                continue
            speech = reporter(m.noun_governor if m.noun_governor is not None else m.trigger)
            if speech is None or speech.i in seen:
                continue
            if speech.lemma_.lower() in ALLEGING_VERBS and m.source.resolved_by != "coref:speaker":
                accuser = actor(args.subject_of(speech))
                if accuser is not None and accuser.code != m.source.code:
                    seen.add(speech.i)
                    pattern = replace(m.pattern, code=ACCUSATION, pos="verb", lemma=speech.lemma_.lower(),
                                      rule=f"{m.pattern.rule} => alleged act {ACCUSATION}")
                    out.append(Match(pattern, speech, accuser, m.source, "asserted", m.confidence, None, None))
                continue
            if speech.lemma_.lower() not in CLAIM_VERBS:
                continue
            if m.source.resolved_by != "coref:speaker":
                continue
            seen.add(speech.i)
            claimer = m.source
            speaker = args.subject_of(speech)
            if speaker is not None:  # the claim is made by the speaker's phrase, not by "it"
                words, base = phrase_tokens(speaker), sentence_of(speech).start_char
                start, end = words[0].idx - base, words[-1].idx + len(words[-1]) - base
                claimer = replace(m.source, text=span_text(sentence_of(speech))[start:end], start=start, end=end)
            pattern = replace(m.pattern, code=CLAIM_RESPONSIBILITY, pos="verb", lemma=speech.lemma_.lower(),
                              rule=f"{m.pattern.rule} => claimed own act {CLAIM_RESPONSIBILITY}")
            out.append(Match(pattern, speech, claimer, m.target, "asserted", m.confidence, None, None))
        return out

    def _trigger_positions(self, doc) -> list[int]:
        """Positions (sorted) of the tokens whose lemma some pattern can fire on, found once per Doc
        from its token arrays."""
        key = ("newsevents.trigger_positions", self.patterns.cache_key)
        found = doc.user_data.get(key)
        if found is None:
            tab = token_table(doc)  # (its lower-cased lemma column serves the whole coder)
            verbs, nouns = self.patterns.verb_lemmas, self.patterns.noun_lemmas
            # (a noun whose lemma is a verb trigger may be a verb the tagger took for a noun:
            # see _verb_as_noun)
            found = doc.user_data[key] = [
                i for i, (lemma, pos) in enumerate(zip(tab.lemma, tab.pos))
                if pos in ("VERB", "AUX") and lemma in verbs
                or pos in ("NOUN", "PROPN") and lemma in nouns or pos == "NOUN" and lemma in verbs]
        return found

    @staticmethod
    def _rank_embedded(matches: list[Match]) -> list[Match]:
        """Lower the confidence of events whose trigger lies under another coded event's trigger."""
        anchors = _anchors(matches)
        return [replace(m, confidence=round(m.confidence * EMBEDDED_FACTOR, 3)) if _embedding_events(m, anchors)
                else m for m in matches]

    def _refine_by_complement(self, matches: list[Match], actor) -> list[Match]:
        """A generic appeal, intent, demand, refusal or threat takes the specific code of the act in
        its complement: "urged Iran to release the sailors" is 0253 (appeal for release), "agreed to
        lift sanctions on Iran" 0354, "said Israel must ease the restrictions" 1051. An act announced
        stays coded as planned; one asked for is then dropped as the appeal's content (_drop_contents).
        With no coded act, a noun naming one picks the sub-code ("rejected calls for a ceasefire" 1246,
        see _named_act)."""
        refined = {}
        for k, m in enumerate(matches):
            if m.pattern.code not in PROTEST_CODES:
                refined[k] = self._refine_said(m, matches, actor)
        # a protest's purpose is read from its demands once they are refined ("rallied calling for
        # independence": the appeal is 0244, the rally 1414)
        said = [r for k in sorted(refined) for r in refined[k]]
        return [r for k, m in enumerate(matches)
                for r in (refined[k] if k in refined else [self._protest_purpose(m, said)])]

    def _refine_said(self, m: Match, matches: list[Match], actor, nested: bool = False) -> list[Match]:
        """``m`` refined by its complement (see _refine_by_complement); ``nested`` when ``m`` is the
        complement of another said act (its own complement intent is then read as coded)."""
        out = []
        code = m.pattern.code
        if m.target is None and code[:2] in AIMED_ROOTS and len(matches) > 1:
            # "threatened to impose new sanctions on Russia", "threatened to cut ties with Israel": a
            # threat or intent whose own pattern picked its sub-code is aimed at its act's target
            act = self._complement_event(m, matches)
            if act is not None and act.target is not None and act.factuality != "negated" \
                    and not _same_party(act.target, m.source) and _same_party(act.source, m.source):
                m = replace(m, target=act.target)
        family = GENERIC_SAID.get(code, APPEAL if code == APPEAL_SUPPORT else None)
        narrow = False
        if family is None and len(code) == 3 and code[:2] in SAID_ROOTS:
            # a three-digit said act only narrows to its own sub-codes ("called for economic
            # assistance", 023 -> 0231), unless the pattern read a proposal noun, which names no
            # act ("rejected a proposal to hold talks" is 125, not 127 for "proposal")
            family, narrow = SAID_ROOTS[code[:2]], not self._proposal_object(m)
        clause = _obligation_clause(m.trigger) if code == GENERIC_STATEMENT else None
        if clause is not None:
            family = DEMAND_FAMILY
        inner = self._complement_event(m, matches) if family is not None and len(matches) > 1 else None
        if inner is not None and m.source is not None and inner.source is not None \
                and inner.source.code != m.source.code:
            # "China and Russia vowed to strengthen ties": Russia's vow is to the act Russia does
            inner = next((o for o in matches if o.trigger.i == inner.trigger.i and o.source is not None
                          and o.source.code == m.source.code), inner)
        if family == THREAT and code == GENERIC_THREAT and m.pattern.needs_ccomp and inner is not None \
                and inner.source is not None and m.source is not None and not _same_party(inner.source, m.source):
            # "Poland's prime minister warned that Russia could attack NATO": a warning of what a
            # third party may do is a pessimistic comment (012), no threat by the speaker (not so
            # "warned the Philippines to stop provocations": the warned party is told what to do)
            pattern = replace(m.pattern, code=PESSIMISTIC_COMMENT,
                              rule=f"{m.pattern.rule} => act of another {PESSIMISTIC_COMMENT}")
            return [replace(m, pattern=pattern, target=None)]
        new = said_code(family, self._complement_act(inner, family, matches, actor, nested)) if inner is not None else None
        if new is None and family == THREAT and inner is not None and inner.pattern.code[:2] == FORCE_POSTURE_ROOT \
                and inner.factuality != "negated" and (inner.source is None or _same_party(inner.source, m.source)):
            # "threatened to fire missiles at Guam", "warned it would mass troops on the border": CAMEO
            # has no threat of a show of force; threatening one is threatening military force (138)
            new = THREATEN_FORCE
        if new is not None and inner.factuality == "negated" and family in (APPEAL, DEMAND_FAMILY):
            # "said Washington must stop arming Taiwan": asking that an act end is no appeal
            # for the act (the generic appeal or demand stays)
            new = None
        if family == INTENT and code == GENERIC_INTENT and inner is not None and inner.source is not None \
                and is_hostile(inner.pattern.code):
            return []  # "pledged to expel X": the announced hostile act is the threat (13x) itself
        rally = family == APPEAL and inner is not None and inner.pattern.code[:3] == ENDORSE \
            and inner.trigger.pos_ == "VERB" and _third_party(inner.target, m.source) \
            and _object_target(inner) and m.target is not None and not _same_party(inner.target, m.target)
        # (not support within one party, nor asked of no one known: "called on the rival governments
        # in Tripoli and Tobruk to endorse the unity cabinet" is an appeal to them)
        if rally:
            # "urged the EC to support the PLO": rallying support on behalf of the PLO (053)
            new = RALLY_SUPPORT
        opposition = family == APPEAL and inner is not None and inner.factuality != "negated" and (
            inner.pattern.code == RALLY_OPPOSITION or inner.pattern.code[:2] == PROTEST_ROOT and _aimed_against(inner))
        if opposition:
            # "called on Egyptians to join a protest against army rule": the caller rallies
            # opposition against whom the protest is aimed (113), not an appeal to the protesters
            new = RALLY_OPPOSITION
        if new is None and family is not None and clause is None and (inner is None or inner.factuality != "negated"):
            # no coded act, but a noun naming one: "rejected calls for economic aid" 1221
            named = self._named_act(m.trigger)
            new = said_code(family, named) if named is not None else None
        if narrow and new is not None and not new.startswith(code):
            new = None
        if new is None or new == code:
            return [m]
        targets = [m.target]
        if rally or opposition:
            targets = [inner.target]
        elif clause is not None:
            # "said US and British forces must stop ...": a demand of each party
            targets = self._clause_targets(clause, actor) or targets
        elif m.target is None and inner is not None:
            # asked of, or demanded from, the one who would act; announced or threatened against its target
            targets = [inner.source if family in (APPEAL, DEMAND_FAMILY) else inner.target]
        word = inner.trigger.lemma_ if inner is not None else "named act"
        pattern = replace(m.pattern, code=new, rule=f"{m.pattern.rule} => {word} {new}")
        seen = set()
        for target in targets:
            if target is not None and m.source is not None and target.code == m.source.code:
                target = m.target
            key = (target.code, target.start) if target is not None else None
            if key not in seen:
                seen.add(key)
                out.append(replace(m, pattern=pattern, target=target))
        return out

    def _proposal_object(self, m: Match) -> bool:
        """Whether ``m``'s trigger has a proposal, offer or request as its object ("rejected a US
        offer to host a summit"): what is proposed, not the word, tells the sub-code."""
        props = self.patterns.classes.get("request_noun", frozenset())
        return any(c.dep_ == "dobj" and c.lemma_.lower() in props for c in m.trigger.children)

    def _complement_act(self, inner: Match, family: str, matches: list[Match], actor, nested: bool = False) -> str:
        """The act code the said act ``inner`` of its complement stands for: an intent is agreement to
        its act ("urged Armenia and Azerbaijan to agree to a ceasefire": 0356 stands for 087, so the
        appeal is 0256); a threatened attack made "with nuclear weapons" is one with WMD (1385)."""
        code = inner.pattern.code
        if code[:2] == "03" and inner.trigger.dep_ in ("xcomp", "ccomp", "dobj"):
            # the intent as refined by its own complement ("refused to commit to any direct military
            # assistance": 033 is 0332, so the refusal is 1222; "rejected the government's dialogue
            # offer": 036, so 125); only the verb or offer asked for or answered, not an offer made on
            # the side ("called for Britain to stay ... while offering concessions")
            if not nested:
                code = next((r.pattern.code for r in self._refine_said(inner, matches, actor, True)), code)
            if act_of(code) is not None:
                return act_of(code)
            if code == ACCEPT_MEDIATION and family != INTENT:
                return MEDIATE  # "urged the factions to accept mediation" (028), "refused to accept mediation" (126)
        if family == THREAT and is_hostile(code):
            for c in inner.trigger.children:
                nouns = [c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"] \
                    if c.dep_ == "prep" and c.lower_ == "with" else []
                for n in nouns:
                    named = self._noun_act(n)
                    if named is not None and is_hostile(named):
                        return named
        return code

    def _named_act(self, trigger) -> str | None:
        """The act named by the noun a said act asks for, offers, demands or refuses: its object or
        its "for" object ("demanding the president's resignation", "calling for independence"),
        through a request noun ("rejected calls for economic aid", "a request for more tanks")."""
        props = self.patterns.classes.get("request_noun", frozenset())
        granting = self.patterns.classes.get("granting", frozenset())
        nouns = [c for c in trigger.children if c.dep_ == "dobj"]
        nouns += [args.prep_object([trigger], ("for",))]
        # "appealed to its allies for more weapons": "for" hangs on the addressee
        nouns += [args.prep_object([g for g in c.children if g.dep_ == "pobj"], ("for",))
                  for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon")]
        # "called on the government to grant women the right to vote", "urged the junta to hold
        # elections": an uncoded verb of granting or holding passes its object on
        nouns += [g for c in trigger.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in granting
                  for g in c.children if g.dep_ == "dobj"]
        for _ in range(2):
            found = [n for n in nouns if n is not None and n.lemma_.lower() not in props]
            for n in found:
                named = self._noun_act(n)
                if named is not None:
                    return named
            nouns = [args.prep_object([n], ("for", "of")) for n in nouns
                     if n is not None and n.lemma_.lower() in props]
        return None

    def _noun_act(self, noun) -> str | None:
        """The act code ``noun`` names by the NAMED_ACTS table (speech_acts.py), its modifiers telling
        the kind ("economic aid" 071, "democratic reforms" 0834); "an end to the detention policy" and
        "a change in the pension policy" are policy change (0832)."""
        classes = self.patterns.classes
        lemma = noun.lemma_.lower()
        if lemma in classes.get("policy_end", ()):
            policy = classes.get("policy_object", frozenset())
            for c in noun.children:
                obj = args.prep_object([noun], (c.lower_,)) if c.dep_ == "prep" and c.lower_ in ("to", "in", "of") else None
                if obj is not None and (obj.lemma_.lower() in policy
                                        or any(g.dep_ == "compound" and g.lemma_.lower() in policy for g in obj.children)):
                    return "0832"
        mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
        for head, mod, act in NAMED_ACTS:
            if lemma in classes.get(head, ()) and (mod is None or mods & classes.get(mod, frozenset())):
                return act
        return None

    def _protest_purpose(self, m: Match, matches: list[Match]) -> Match:
        """A protest "to demand" political reform takes the reform's sub-code: "staged demonstrations
        to demand the resignation of the president" is 1411 (CAMEO 141x-145x follow 104x)."""
        demands = [o for o in matches if len(o.pattern.code) == 4 and (
            o.pattern.code[:3] in ("104", "024")
            or o.pattern.code[:2] == PROTEST_ROOT and o.trigger.lemma_.lower() in PURPOSE_DEMAND_VERBS)]
        inner = self._complement_event(m, demands, speech=True)
        if inner is None and m.noun_governor is not None:
            # "began a hunger strike to demand the right to a fair trial": the demand hangs on "began"
            inner = self._complement_event(m, demands, speech=True, anchor=m.noun_governor)
        if inner is None:
            return m
        new = PURPOSE_OF_DISSENT.get(m.pattern.code, m.pattern.code) + inner.pattern.code[3]
        pattern = replace(m.pattern, code=new, rule=f"{m.pattern.rule} => {inner.trigger.lemma_} {new}")
        return replace(m, pattern=pattern)

    @staticmethod
    def _complement_event(m: Match, matches: list[Match], speech: bool = False, anchor=None) -> Match | None:
        """The coded act nearest under ``m``'s trigger (or ``anchor``) through complement links, if any
        (with ``speech``, appeals and demands count as acts too)."""
        best, best_depth = None, 4
        top = anchor if anchor is not None else m.trigger
        for other in matches:
            if other is m or not speech and (other.pattern.code in GENERIC_SAID
                                             or other.pattern.code[:2] in ("01", "02", "10")):
                continue
            if other.noun_governor is not None and other.noun_governor.i == top.i:
                depth = 1  # "called for a ceasefire"
            else:
                depth, t = 0, other.noun_governor if other.noun_governor is not None else other.trigger
                while t.i != top.i and depth < best_depth and t.dep_ in COMPLEMENT_PATH:
                    t, depth = t.head, depth + 1
                if t.i != top.i:
                    continue
            if depth < best_depth:
                best, best_depth = other, depth
        return best

    def _fired_into(self, m: Match) -> str | None:
        """The attack code of a show of force (150) whose missiles or rockets were fired "into"
        another country: "Hamas fired dozens of rockets into southern Israel" is 194 (195 for
        missiles, aerial weapons), not a test into the sea or "into Japan's economic zone"; None
        otherwise."""
        if m.pattern.code != SHOW_OF_FORCE or m.trigger.lemma_ not in ("fire", "launch") or m.source is None \
                or m.target is None or not m.source.country or m.target.country in (None, m.source.country):
            return None
        aimed = self._actor_token(m, m.target)
        if aimed is None or aimed.lemma_ in OPEN_WATERS or aimed.dep_ != "pobj" or aimed.head.lower_ != "into":
            return None
        fired = {t.lemma_.lower() for c in m.trigger.children if c.dep_ == "dobj"
                 for t in [c, args.prep_object([c], ("of",))] if t is not None}
        return AERIAL if "missile" in fired else ARTILLERY

    def _as_fired_into(self, m: Match) -> Match:
        """``m`` recoded as an attack when it fired into another country (see _fired_into): in
        _recode, and again once generic performers are placed ("Militants fired rockets into
        southern Israel from Gaza": placed only from where they fired)."""
        fired = self._fired_into(m)
        if fired is None:
            return m
        return replace(m, pattern=replace(m.pattern, code=fired, rule=f"{m.pattern.rule} => into another country {fired}"))

    def _recode(self, m: Match, actor) -> list[Match]:
        """CAMEO's conventions for what was said rather than done.

        - "X said Y must/should ..." is a demand (10), not a statement, directed at Y;
        - a cooperative act announced for the future ("will provide aid") is an intent (03);
        - a hostile act announced for the future or on condition ("would strike if") is a threat (13);
        - a cooperative act refused for the future ("will not lift the ban") is a rejection (12).
        - troops sent on a peacekeeping mission are peacekeepers (074), not a mobilisation (154).
        The rule then names both the pattern and the convention that changed its code. A demand made
        of several parties ("said US and British forces must ...") is one event for each.
        """
        if m.pattern.code[:2] == FORCE_POSTURE_ROOT and m.target is not None and m.target.sector in FORCE_SECTORS \
                and m.target.country in (None, m.source.country if m.source else None):
            # "Britain mobilized army reservists for a war against Iraq": the forces put on a war
            # footing are the performer's own; the target is whom they face, if anyone
            m = replace(m, target=actor(_against_party(m.trigger)))
        elif m.pattern.code == SHOW_OF_FORCE and m.target is not None and m.source is not None \
                and m.target.resolved_by == "context" and m.target.country == m.source.country:
            # "a U.S. destroyer sailed near the Paracel Islands": a place known only from the
            # context is no target of the performer's own show of force
            m = replace(m, target=None)
        m = self._as_fired_into(m)
        if m.pattern.code == MOBILIZE and _peacekeeping(m.trigger):
            m = replace(m, pattern=replace(m.pattern, code=PEACEKEEPING, rule=f"{m.pattern.rule} => peacekeeping "
                                                                             f"{PEACEKEEPING}"))
        code, root = m.pattern.code, m.pattern.code[:2]
        new, why, fact, target = None, "", m.factuality, m.target
        verb = m.noun_governor if m.noun_governor is not None else m.trigger
        ruled = _ruled_out(verb)
        if ruled is not None and said_code(REFUSAL, code) is not None:
            # "US officials said that removing the sanctions is out of the question": the speaker
            # refuses the act (here 1244, refuse to ease sanctions)
            speaker = actor(_speaker(ruled))
            new = said_code(REFUSAL, code)
            pattern = replace(m.pattern, code=new, rule=f"{m.pattern.rule} => ruled out {new}")
            return [replace(m, pattern=pattern, source=speaker or m.source, factuality="asserted")]
        targets = None
        if code == GENERIC_STATEMENT:
            clause = _obligation_clause(m.trigger)
            if clause is not None:
                new, why = DEMAND, "demand"
                targets = self._clause_targets(clause, actor)
                target = targets[0] if targets else target
        elif m.factuality in ("planned", "hypothetical") and _future_or_conditional(verb) \
                and not is_question(sentence_of(verb)):
            if root not in ("13",) and not is_hostile(code) and _ultimatum(verb):
                # "will withdraw its force unless the president arranges a ceasefire": a threat
                new, why = "130", "threat"
                if target is None:
                    target = actor(args.condition_subject(verb))
            elif said_code(INTENT, code) is not None:
                new, why = said_code(INTENT, code), "intent"
            elif said_code(THREAT, code) is not None and not _agreed_upon(verb):
                new, why = said_code(THREAT, code), "threat"
                if target is None:
                    # "Iran will respond decisively if Israel attacks": aimed at whoever must meet the condition
                    target = actor(args.condition_subject(verb))
        elif m.factuality == "negated" and _refused(verb) and (root == "03" or said_code(REFUSAL, code)):
            new, why, fact = said_code(REFUSAL, code) or "120", "refusal", "asserted"
        if new is None:
            return [m]
        pattern = replace(m.pattern, code=new, rule=f"{m.pattern.rule} => {why} {new}")
        return [replace(m, pattern=pattern, factuality=fact, target=t) for t in (targets or [target])]

    def _locate_actors(self, m: Match, setting: tuple[str, str] | None = None) -> Match:
        """Generic actors take the country of the event's place.

        "demonstrators protesting election results in Monrovia" are Liberian, "refugees fleeing the war
        in Liberia" too: an actor named only by its kind (CVL, REF, MIL, ... with no country) gets the
        country of a place in its own phrase, else of the place where the event happened. For protests,
        force and violence (``LOCATED_ROOTS``) a missing side is filled the same way ("three soldiers
        were killed outside Basra": Iraq is the source), and a protest with no target is against the
        authorities of its own country. A generic actor of these placed nowhere in its sentence is
        where the article is set (``setting``). The actor's ``resolved_by`` says so
        (``location:<place>``, ``document:<place>``).
        """
        if not self.located_actors:
            return m
        sides = {"source": m.source, "target": m.target}
        located = m.pattern.code[:2] in LOCATED_ROOTS or m.pattern.code in PLACE_TARGET_CODES
        event_place = None
        for side, a in sides.items():
            if a is not None and not is_generic(a):
                continue
            weapon_origin = _weapon_origin(m.trigger) if a is None and side == "source" and located else None
            if a is None and (not located or side == "source" and not _unnamed_performer(m.trigger)
                              and weapon_origin is None):
                continue
            place = self._place_in(self._actor_token(m, a)) if a is not None else None
            if a is None and side == "source" and located:
                # "a mortar bomb was fired at Israel from the Gaza Strip": fired by someone there
                origin = args.prep_object([m.trigger], ("from",)) or weapon_origin
                place = self._place(origin) if origin is not None else None
            if place is None and located and a is not None and side == "source" and weapon_origin is None:
                # "militants fired rockets into southern Israel from Gaza": from where they fired
                origin = args.prep_object([m.trigger], ("from",))
                place = self._place(origin) if origin is not None and m.pattern.code[:2] in FIRING_ROOTS else None
            if place is None and located:
                # (for other acts the place says little about who acts: troops taking part in a
                # parade in Beijing may be Russian)
                if event_place is None:
                    event_place = self._event_place(m) or (None, None)
                place = event_place if event_place[0] is not None else None
            other = sides["target"] if side == "source" else None
            if place is None and located and a is not None and a.sector == "REB" and other is not None \
                    and other.country and other.sector is None and (other.resolved_by or "").startswith("places:"):
                # "rebels captured the town of Kidal", "insurgents attacked Kunduz": rebels acting on a
                # place in a country are that country's (not on a country: "militants fired rockets at Israel")
                sides[side] = replace(a, code=compose_code(other.country, a.sector), country=other.country,
                                      resolved_by=f"{a.resolved_by or 'table'}+location:{other.text}")
                continue
            if place is None and a is not None and setting is not None and (located or a.sector in STATE_AGENTS):
                # placed nowhere in its sentence: where the article is set (its dateline); also "the
                # government", "police", "the army" in any act (an article set in one country)
                country, name = setting
                sides[side] = replace(a, code=compose_code(country, a.sector), country=country,
                                      resolved_by=f"{a.resolved_by or 'table'}+document:{name}")
                continue
            if place is None:
                continue
            country, where = place
            if a is None:
                base = sentence_of(m.trigger).start_char
                sides[side] = Actor(text=where.text, code=country, country=country, sector=None,
                                    start=where.idx - base, end=where.idx - base + len(where.text), name=None,
                                    resolved_by=f"location:{where.text}")
            else:
                sides[side] = replace(a, code=compose_code(country, a.sector), country=country,
                                      resolved_by=f"{a.resolved_by or 'table'}+location:{where.text}")
        # "Ibo elders demanded that the government ...": an unnamed state agent dealing with a
        # country's people is that country's (not so for two states: "Russian troops attacked
        # government forces")
        for side, other_side in (("source", "target"), ("target", "source")):
            a, other = sides[side], sides[other_side]
            if a is not None and is_generic(a) and a.sector in STATE_AGENTS and other is not None \
                    and other.country and other.sector is not None and other.sector not in STATE_AGENTS \
                    and not _people(other):  # (police firing on Palestinians need not be Palestinian)
                sides[side] = replace(a, code=compose_code(other.country, a.sector), country=other.country,
                                      resolved_by=f"{a.resolved_by or 'table'}+domestic:{other.text}")
        # "Georgia's ruling party accused the opposition", "the president offered talks with opposition
        # leaders": an opposition named by its kind alone opposes the state it deals with (its government,
        # parties, courts, police), so it is that state's (not when they meet abroad: "Pompeo met
        # opposition leaders in Caracas")
        for side, other_side in (("source", "target"), ("target", "source")):
            a, other = sides[side], sides[other_side]
            if a is not None and is_generic(a) and a.sector == "OPP" and other is not None and other.country \
                    and other.sector in DOMESTIC_COUNTERPARTS:
                if event_place is None:
                    event_place = self._event_place(m) or (None, None)
                if event_place[0] not in (None, other.country):
                    continue
                sides[side] = replace(a, code=compose_code(other.country, a.sector), country=other.country,
                                      resolved_by=f"{a.resolved_by or 'table'}+domestic:{other.text}")
        held = sides["target"]
        if held is not None and is_generic(held) and held.sector in HELD_SECTORS and _holds_own(m.pattern.code):
            state = sides["source"]
            if state is not None and state.country and not is_generic(state) and not _people(state) \
                    and (state.sector is None or state.sector in STATE_AGENTS):
                # "Myanmar's military offered to release 40 political prisoners", "Burundian agents
                # tortured opposition activists": the people a state holds, frees or bans are its own
                sides["target"] = replace(held, code=compose_code(state.country, held.sector), country=state.country,
                                          resolved_by=f"{held.resolved_by or 'table'}+held-by:{state.text}")
        source, target = sides["source"], sides["target"]
        if target is None and m.pattern.code in DOMESTIC_CODES and source is not None and source.country \
                and source.sector in (None, "GOV", "ELI", "LEG", "JUD"):
            # a curfew, martial law or a ban on parties is imposed on (or lifted for) one's own country
            target = Actor(text=source.text, code=source.country, country=source.country, sector=None,
                           start=source.start, end=source.end, name=None, resolved_by="domestic:own-country")
        if target is None and m.pattern.code[:2] == "14" and source is not None and source.country:
            # a protest with no named target is directed at its own country's authorities
            target = Actor(text=source.text, code=source.country, country=source.country, sector=None,
                           start=source.start, end=source.end, name=None, resolved_by="location:protest-domestic")
        if source is not None and target is not None and m.pattern.code[:2] in FOREIGN_RELATIONS_ROOTS \
                and source.country and source.country == target.country and _borrowed(source) != _borrowed(target):
            # "The prime minister visited Paris", "Ariel Henry visited Paris": a country taken from
            # the sentence or the article is not the one the other party names for itself
            source, target = (_unplaced(source), target) if _borrowed(source) else (source, _unplaced(target))
        if (source, target) == (m.source, m.target):
            return m
        if source is not None and target is not None and source.code == target.code and not located \
                and m.pattern.code not in DOMESTIC_CODES:
            target = None  # only protests and violence are domestic dyads ("Serbs rioted in Serbia")
        return replace(m, source=source, target=target)

    def _unattributed(self, m: Match) -> Match:
        """An assault (``UNATTRIBUTED_ROOTS``) whose performer is only the means used at a place ("a
        car bomb explosion in Beirut killed", "killed by a landmine outside Baidoa"; not "Israeli air
        strikes", "a Taliban bomb") is by an unidentified armed force of that country (UAF)."""
        source = m.source
        if source is None or source.sector is not None or not source.country \
                or m.pattern.code[:2] not in UNATTRIBUTED_ROOTS:
            return m
        if (source.resolved_by or "").startswith("location:"):
            # no performer, only the place: the means must be named ("killed in a car bomb explosion
            # in Beirut"; not "a reporter was shot dead in Mogadishu", which may be anyone's act)
            means = [o for p in m.trigger.children if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by")
                     for o in p.children if o.dep_ == "pobj"]
        else:
            means = [self._actor_token(m, source)]
        if not any(tok is not None and self._unnamed_means(tok) for tok in means):
            return m
        located = replace(source, code=compose_code(source.country, UNATTRIBUTED_SECTOR), sector=UNATTRIBUTED_SECTOR,
                          resolved_by=f"{source.resolved_by or 'table'}+{UNATTRIBUTED_RULE}")
        return replace(m, source=located)

    def _unnamed_means(self, tok) -> bool:
        """Whether ``tok`` heads the means of an assault that names no one using it ("a roadside bomb",
        "an improvised explosive device"; not "Israeli bombs", "a Taliban attack", "an attack by rebels")."""
        if tok.lemma_.lower() not in ASSAULT_MEANS:
            return False
        if any(t.dep_ in ("prep", "agent") and t.lower_ == "by" for t in tok.subtree):
            return False  # (also hung on a word inside: "an attack on a police patrol by Kosovo Albanians")
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                named = self._plain_actor(c)
                if named is not None and (named.country or named.code):
                    return False
        return True

    @staticmethod
    def _actor_token(m: Match, a: Actor):
        """The head token of actor ``a`` in the sentence of ``m``: the root of the tokens its
        character span covers (read from the token table, without building the Span)."""
        sent = sentence_of(m.trigger)
        tab = token_table(sent.doc)
        idx, text, head = tab.idx, tab.text, tab.head
        lo, hi = sent.start_char + a.start, sent.start_char + a.end
        first = max(sent.start, bisect_right(idx, lo, sent.start, sent.end) - 1)
        if idx[first] + len(text[first]) <= lo:
            first += 1  # (the span starts in the whitespace after that token)
        last = bisect_left(idx, hi, sent.start, sent.end)  # first token starting at or after the end
        if first >= last:
            return None
        # spaCy's Span.root: the token with the shortest path to the root of the sentence, the
        # leftmost of several
        def depth(i: int) -> int:
            """Arcs from token ``i`` up to its sentence's root."""
            n = 0
            while head[i] != i and n < 100:
                i, n = head[i], n + 1
            return n

        return sent.doc[min(range(first, last), key=depth)]

    def _place_in(self, head):
        """(country, token) of the first place named under ``head``'s locative prepositions."""
        if head is None:
            return None
        words = phrase_tokens(head)  # the phrase itself, not clauses hung on it ...
        # ... but for people fleeing, where they flee: "refugees fleeing the civil war in Liberia"
        words += [t for c in head.children if c.dep_ in ("acl", "relcl", "ccomp") and c.lemma_ in FLEEING_VERBS
                  for t in c.subtree]
        for tok in words:
            fled = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
            if _locative(tok) or fled is not None and fled.lemma_ in FLEEING_VERBS:
                found = self._place(tok)
                if found is not None:
                    return found
        return None

    def _place(self, tok):
        """(country, token) when ``tok`` heads a phrase naming a place of one country, else None."""
        if tok.ent_type_ not in ("GPE", "LOC", "FAC", "NORP", "") and tok.pos_ != "PROPN":
            return None
        if tok.lemma_.lower() in args.CUSTODY_NOUNS or tok.tag_ == "VBG" or tok.pos_ == "NOUN" and not tok.ent_type_ \
                and tok.lemma_.lower() in self.patterns.noun_lemmas:
            return None  # "in Kenyan police custody", "in a Russian air strike": who, not where
        if tok.lemma_.lower() in MISSION_NOUNS:
            # "outside the US embassy in Baghdad": an embassy is where it stands, not its state's soil
            return next((found for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "at")
                         for o in p.children if o.dep_ == "pobj"
                         for found in (self._place(o),) if found is not None), None)
        found = self._plain_actor(tok)
        if found is None or found.country is None or found.name is not None:
            return None
        # name the place itself ("Dili" in "a jail in East Timor's capital Dili") when it is an entity
        named = [t for t in tok.subtree if t.ent_type_ in ("GPE", "LOC")]
        return found.country, (named[-1] if named and tok.ent_type_ not in ("GPE", "LOC") else tok)

    def _event_place(self, m: Match):
        """(country, token) of where the event happened: a locative phrase on the trigger (or its
        light verb), else on the clauses around it, else the nearest one in the sentence."""
        anchors = [m.trigger] + ([m.noun_governor] if m.noun_governor is not None else [])
        sent = sentence_of(m.trigger)
        # "..., relief officials in Nairobi said": where the speaker is, is not where it happened
        speaker = _speaker(anchors[-1])
        elsewhere = {t.i for t in speaker.subtree} if speaker is not None else set()
        candidates = []
        doc, dep = sent.doc, token_table(sent.doc).dep
        for i in range(sent.start, sent.end):
            if dep[i] != "pobj" or i in elsewhere:
                continue  # (only a preposition's object is locative: no Token for the others)
            tok = doc[i]
            if not _locative(tok):
                continue
            # distance in the tree from the trigger to the preposition's head
            prep_head = tok.head.head
            best = min(_tree_distance(a, prep_head) for a in anchors)
            candidates.append((best, abs(tok.i - m.trigger.i), tok))
        for _, _, tok in sorted(candidates, key=lambda c: (c[0], c[1])):
            found = self._place(tok)
            if found is not None:
                return found
            if tok.tag_ == "VBG" or tok.pos_ == "NOUN" and not tok.ent_type_ \
                    and tok.lemma_.lower() in self.patterns.noun_lemmas:
                continue  # "killed in Israeli tank shelling": the phrase names who, not where
            found = self._place_in(tok)
            if found is not None:
                return found
        return None

    def _plain_actor(self, tok) -> Actor | None:
        """``tok``'s phrase resolved without document memory or date, once per document (nominal
        coreference and place look-ups ask about the same earlier words many times)."""
        cache = tok.doc.user_data.setdefault(("newsevents.plain_actors", self.resolver.cache_key), {})
        if tok.i not in cache:
            cache[tok.i] = self.resolver.resolve_token(tok)
        return cache[tok.i]

    def _antecedent(self, tok, found: Actor | None) -> Actor | None:
        """Nominal coreference: "a large military parade" after "the Beijing parade" is Chinese.

        Looks back (within ``ANTECEDENT_WINDOW`` tokens of the same document) for the nearest
        earlier noun with the same lemma whose phrase names a country, and borrows that country.
        """
        doc = tok.doc
        start = sentence_of(tok).start
        earlier_uses = [i for i in nouns_by_lemma(doc).get(tok.lemma_, ()) if start - ANTECEDENT_WINDOW <= i < start]
        for i in reversed(earlier_uses):
            prev = doc[i]
            earlier = self._plain_actor(prev)
            if earlier is None or earlier.country is None:
                continue
            sector = found.sector if found is not None else earlier.sector
            words = phrase_tokens(tok)
            base = sentence_of(tok).start_char
            first, last = words[0], words[-1]
            return Actor(text=doc[first.i:last.i + 1].text, code=compose_code(earlier.country, sector),
                         country=earlier.country, sector=sector, start=first.idx - base,
                         end=last.idx + len(last) - base, name=None,
                         resolved_by=f"coref:nominal({prev.text}@{prev.idx})")
        return None

    def _named_group(self, tok, found: Actor | None) -> Actor | None:
        """"the guerrillas", "the militants" after a named armed group: that group ("the ELN said
        ... after the guerrillas kidnapped a congressman"). Only a definite plural (or "the group") with
        no country of its own, and the nearest armed group named before it within ``ANTECEDENT_WINDOW``
        tokens."""
        if found is None or found.sector != "REB" or not is_generic(found) \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                or tok.tag_ != "NNS" and tok.lemma_.lower() != "group":
            return None
        doc = tok.doc
        pos = token_table(doc).pos
        for j in range(tok.i - 1, max(0, tok.i - ANTECEDENT_WINDOW) - 1, -1):
            if pos[j] != "PROPN":
                continue  # (a group is named: "the ELN", "Boko Haram fighters")
            earlier = self._plain_actor(doc[j])
            if earlier is None or is_generic(earlier) or (
                    earlier.sector != "REB" and not (earlier.code or "").startswith("IMG")):
                continue
            return replace(earlier, text=found.text, start=found.start, end=found.end, name=None,
                           resolved_by=f"coref:group({doc[j].text}@{doc[j].idx})")
        return None

    def _possessed(self, tok, found: Actor | None, actor) -> Actor | None:
        """A generic actor owned by a pronoun takes the owner's country: "Bosnian Serbs said their
        forces had completed their withdrawal" (their forces: Bosnian forces)."""
        lemma = tok.lemma_.lower()
        if found is None and lemma in (COUNTRY_NOUNS | MEMBER_NOUNS):
            return self._own_body(tok, actor)
        if found is None or not is_generic(found):
            return None
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in args.POSSESSIVE_PRONOUNS), None)
        owner = self._pronoun(poss, actor, args.POSSESSIVE_PRONOUNS[poss.lower_]) if poss is not None else None
        if owner is None or owner.country is None:
            return None
        return Actor(text=found.text, code=compose_code(owner.country, found.sector), country=owner.country,
                     sector=found.sector, start=found.start, end=found.end, name=None,
                     resolved_by=f"coref:possessive({poss.text}={owner.text})")

    def _own_body(self, tok, actor) -> Actor | None:
        """"his country", "the kingdom" said by a state's speaker: the speaker's country; "its
        members" of a body: the body ("The union said its members would strike")."""
        if any(c.dep_ in ("amod", "compound", "prep") for c in tok.children):
            return None  # ("a neighbouring country", "the country's north" is fine: a poss child)
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None and poss.lower_ in args.POSSESSIVE_PRONOUNS:
            owner = self._pronoun(poss, actor, args.POSSESSIVE_PRONOUNS[poss.lower_])
            how = f"coref:possessive({poss.text})"
        elif poss is None and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                and tok.lemma_.lower() in COUNTRY_NOUNS and reporter(tok.head) is not None:
            owner = actor(_speaker(tok.head))  # "Egypt's president said the country was ready to mediate"
            how = "coref:speaker-country"
        else:
            return None
        if owner is None:
            return None
        doc_base = sentence_of(tok).start_char
        start, end = tok.left_edge.idx - doc_base, tok.idx + len(tok.text) - doc_base
        text = span_text(sentence_of(tok))[start:end]
        if tok.lemma_.lower() in MEMBER_NOUNS:
            return replace(owner, text=text, start=start, end=end, resolved_by=f"{how}={owner.text}")
        if owner.country is None:
            return None
        return Actor(text=text, code=owner.country, country=owner.country, sector=None, start=start, end=end,
                     name=None, resolved_by=f"{how}={owner.text}")

    def _pronoun(self, tok, actor, word: str | None = None) -> Actor | None:
        """A subject pronoun's referent: the speaker for "X said that he ...", else the nearest
        earlier subject of the right kind (a person for he/she, a state or group for it/they).
        ``word`` is the subject form to resolve when ``tok`` is a possessive ("their": "they")."""
        key = (id(tok.doc), tok.i)  # (a coder may serve several threads, each with its own Doc)
        if key in self._resolving:
            return None  # ("occupied parts of them": resolving "parts" asks about this pronoun again)
        self._resolving.add(key)
        try:
            return self._pronoun_referent(tok, actor, word)
        finally:
            self._resolving.discard(key)

    def _pronoun_referent(self, tok, actor, word: str | None) -> Actor | None:
        word = word or tok.lower_
        if word in OBJECT_PRONOUNS and tok.dep_ in ("dobj", "pobj", "dative"):
            return self._object_pronoun(tok, actor, OBJECT_PRONOUNS[word])
        if word == "it" and tok.dep_ in ("dobj", "pobj", "dative"):
            found = self._object_it(tok, actor)
            if found is not None:
                return found
            # (else, as for a subject "it", the nearest earlier subject: "criticised the deal, calling
            # it a mistake" after "the agreement", which the article tied to Iran)
        if word not in PERSON_PRONOUNS and word not in GROUP_PRONOUNS:
            return None
        said_by = _speaker(tok.head) if reporter(tok.head) is not None else None
        speaker = actor(said_by) if said_by is not None else None
        if speaker is not None and (word in PERSON_PRONOUNS) == _person(speaker) and _same_number(word, said_by) \
                and _agrees(word, speaker, said_by, self.resolver.lexicon) and (
                said_by.i < tok.i or speaker.sector in ACTING_SECTORS):
            # (a speaker named after the clause is who "it"/"they" are when it is a party that acts,
            # "It shot down 35 drones, the air force said"; a ministry of health, a newspaper or a
            # rights group telling the news is not: "They killed eight Palestinians, the health
            # ministry said" is about the earlier subject)
            return self._moved(speaker, tok, "coref:speaker")
        if word == "they" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "advcl":
            # "Kuwait deported dozens of Egyptian workers after they staged a strike": a state is
            # "it"; the people it acted on are "they"
            main = tok.head.head
            subj = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            obj = next((c for c in main.children if c.dep_ == "dobj"), None)
            if subj is not None and subj.tag_ not in PLURAL_TAGS and obj is not None and (
                    obj.tag_ in PLURAL_TAGS or obj.lemma_.lower() in QUANTITY_HEADS):
                found = actor(obj)
                if found is not None:
                    return self._moved(found, tok, f"coref:pronoun({obj.text}@{obj.idx})")
        doc = tok.doc
        tab = token_table(doc)
        dep, pos, ent_type, head = tab.dep, tab.pos, tab.ent_type, tab.head
        window = range(tok.i - 1, max(0, tok.i - PRONOUN_WINDOW) - 1, -1)
        if word == "she":
            # most people in the news are men, and a name of unknown gender is more likely a man's:
            # "she" is first a woman known as one ("Lofven met Prime Minister Helle Thorning-Schmidt.
            # She urged him ...": not Lofven, named first)
            for j in window:
                if dep[j] in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") and pos[j] == "PROPN" \
                        and not (ent_type[j] == "PERSON" and ent_type[head[j]] == "PERSON" and head[j] != j):
                    earlier = actor(doc[j])
                    if earlier is not None and _person(earlier) \
                            and _agrees(word, earlier, doc[j], self.resolver.lexicon, strict=True):
                        return self._moved(earlier, tok, f"coref:pronoun({doc[j].text}@{doc[j].idx})")
        for j in window:
            if dep[j] not in ("nsubj", "nsubjpass") or pos[j] not in ("PROPN", "NOUN"):
                continue
            prev = doc[j]
            if not _same_number(word, prev):
                continue  # (one body is "it": "The Treasury blacklisted two financiers. It said they ...")
            earlier = actor(prev)  # with the document's memory: a bare "Xi" is the Xi seen before
            if earlier is None:
                continue
            if _person(earlier) and _agrees(word, earlier, prev, self.resolver.lexicon) if word in PERSON_PRONOUNS \
                    else earlier.name is None:
                # ("The Saudi foreign minister met his Iranian counterpart. He urged him ...": a
                # person named by a post is a "he" too; "May met Macron. She thanked him. He
                # promised ...": not May, a woman)
                return self._moved(earlier, tok, f"coref:pronoun({prev.text}@{prev.idx})")
        if word in PERSON_PRONOUNS:
            # no earlier subject: the nearest person named in the same or the previous sentence
            # ("the first summit for Indian Prime Minister Narendra Modi ..., and he held talks")
            for j in window:
                if ent_type[j] != "PERSON" or ent_type[head[j]] == "PERSON" and head[j] != j:
                    continue  # only the head word of a person's name
                prev = doc[j]
                earlier = actor(prev)
                if earlier is not None and earlier.name is not None and _agrees(word, earlier, prev, self.resolver.lexicon):
                    return self._moved(earlier, tok, f"coref:pronoun({prev.text}@{prev.idx})")
        return None

    def _object_pronoun(self, tok, actor, word: str) -> Actor | None:
        """An object pronoun's referent ("ordered three U.S. officials to leave, accusing them of
        ..."): the nearest earlier phrase of the right kind (a person for him/her; a group, state
        or several people for them) that is not the subject of a verb above the pronoun (who acts
        on it), within the window."""
        doc = tok.doc
        tab = token_table(doc)
        own = _acting_on(tok)
        person = word in PERSON_PRONOUNS
        # who acts on the pronoun, by name: "Kim invited Moon to visit. ... Moon thanked him": "him"
        # is not Moon, even named again as an object before it
        doers = {a.name for i in own if tab.dep[i] in ("nsubj", "nsubjpass")
                 for a in (actor(doc[i]),) if a is not None and a.name} if person else set()
        for j in range(tok.i - 1, max(0, tok.i - PRONOUN_WINDOW) - 1, -1):
            if j in own or tab.pos[j] not in ("PROPN", "NOUN") or tab.dep[j] not in ANTECEDENT_DEPS:
                continue
            earlier = actor(doc[j])
            if earlier is None:
                continue
            plural = tab.tag[j] in PLURAL_TAGS
            if person and (not _person(earlier) or plural or earlier.name in doers
                           or not _agrees(word, earlier, doc[j], self.resolver.lexicon)):
                continue  # "him", "her": one person, of that gender
            if not person and not plural and (_person(earlier) or earlier.country is None or earlier.sector is None):
                continue  # "them": several people, or a group or body (a country or place named alone is "it")
            return self._moved(earlier, tok, f"coref:pronoun({doc[j].text}@{doc[j].idx})")
        return None

    def _object_it(self, tok, actor) -> Actor | None:
        """An object "it": the nearest earlier noun of its own clause (or of the clause a participle
        or complement clause hangs on) that is no subject above it, when that noun is a state or
        group ("cut ties with Morocco, accusing it of hostile actions"), or, with no noun before it,
        the speaker of its clause; None when a thing or a place comes first ("criticised the deal,
        calling it dangerous") or nothing is found. A coordinated clause's "it" ("Israel pounded
        Gaza, and Egypt condemned it") is the act told before it, not a party named there."""
        doc = tok.doc
        tab = token_table(doc)
        verb = next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return None
        scope = verb.head if verb.dep_ in ("advcl", "xcomp") else verb
        first = scope.left_edge.i
        own = _acting_on(tok)
        doers = {a.country for i in own if tab.dep[i] in ("nsubj", "nsubjpass")
                 for a in (actor(doc[i]),) if a is not None and a.country}
        for j in range(tok.i - 1, max(first, sentence_of(tok).start) - 1, -1):
            if j in own or tab.pos[j] not in ("PROPN", "NOUN") or tab.dep[j] not in ANTECEDENT_DEPS \
                    or tab.dep[j] == "conj":
                continue
            holder = tab.head[tab.head[j]] if tab.dep[j] == "pobj" else j
            if holder != j and (tab.pos[holder] in ("NOUN", "PROPN") and actor(doc[holder]) is None
                                or tab.lower[tab.head[j]] in SUBJECT_MATTER_PREPS | LOCATIVE_PREPS):
                # "proposed a ceasefire plan for Gaza, but Hamas rejected it", "drafted a resolution
                # on Syria, but Russia vetoed it", "sent warships near Taiwan": the plan, the act
                return None
            earlier = actor(doc[j])
            if earlier is None or _person(earlier) or earlier.country is None or tab.tag[j] in ("NNS", "NNPS") \
                    or earlier.country in doers:
                return None  # (nor the country of whoever acts on it: "New Delhi turned it down")
            return self._moved(earlier, tok, f"coref:pronoun({doc[j].text}@{doc[j].idx})")
        said_by = _speaker(tok)
        if said_by is not None:
            # "Israel said a mortar bomb was fired at it": nothing before it but its speaker
            speaker = actor(said_by)
            if speaker is not None and speaker.country and not _person(speaker):
                return self._moved(speaker, tok, "coref:speaker")
        return None

    @staticmethod
    def _moved(actor: Actor, tok, rule: str) -> Actor:
        """``actor`` as found at the pronoun ``tok`` (text and offsets of the pronoun)."""
        base = sentence_of(tok).start_char
        return Actor(text=tok.text, code=actor.code, country=actor.country, sector=actor.sector,
                     start=tok.idx - base, end=tok.idx - base + len(tok.text), name=actor.name, resolved_by=rule)

    def _candidates(self, tok, pos):
        doc = tok.doc
        tab = token_table(doc)
        dep, lemma, kids, lower = tab.dep, tab.lemma, tab.children, tab.lower
        i = tok.i
        if (pos, lemma[i]) not in self.patterns:
            return
        if not self.patterns.may_fit(pos, lemma[i], _sentence_lemmas(tab, tok)):
            return  # every pattern of the trigger needs a word the sentence does not have
        ch = [c for c in kids[i] if (dep[c] not in NOT_REQUIRED_DEPS or dep[c] == "npadvmod" and lemma[c] in TIME_SPANS
                                     and any(dep[n] == "nummod" for n in kids[c]))  # "gave Qatar ten days to ..."
              and not (dep[c] == "advcl" and any(dep[m] == "mark" and lower[m] in ADVERBIAL_MARKS for m in kids[c]))
              and not (dep[c] == "conj" and pos == "verb" and tab.pos[c] in CLAUSE_HEAD_POS)]  # "rejected ... and called"
        # a required word may be a dependent or the object of a preposition ("agreed to a ceasefire"),
        # or stand behind a quantity ("provided 5,000 tons of food aid")
        ch += [g for c in ch if dep[c] in ("prep", "dative") for g in kids[c]
               if not (lower[c] == "in" and lemma[g] in MOTIVE_NOUNS)  # "suspended talks in protest at"
               and (dep[g] == "pobj" or dep[g] in ("amod", "acomp") and lower[c] == "as")  # "described X as unfounded"
               or dep[g] == "pcomp" and lower[c] == "of"]  # "accused Ukraine of attacking a nuclear plant"
        # ... or of a preposition pair ("pulled out of the talks", "ahead of the summit")
        ch += [o for c in ch if dep[c] == "prep" for g in kids[c] if dep[g] == "prep"
               for o in kids[g] if dep[o] == "pobj"]
        # ... or be conjoined to the object ("provided photographs and other intelligence"), or name
        # its kind ("ended mediation efforts", "halted aid deliveries")
        objects = [c for c in ch if dep[c] == "dobj"]
        if not objects:  # "will not accept any refugees fleeing ...", parsed as a participle's subject
            stray = args.participle_object(tok)
            if stray is not None:
                objects = [stray.i]
                ch.append(stray.i)
        shared = _participle_subject(tab, i) if pos == "verb" else None
        if shared is not None:
            # "a roadside bomb struck a patrol, killing four soldiers": the participle's subject is
            # the clause's, for required and forbidden words alike (an earthquake kills no one)
            ch.append(shared)
        # the means a subject names ("a U.S. drone strike killed ...": kill drone, 195), as a subject word
        subj_compounds = [g for c in ch if dep[c] in ("nsubj", "nsubjpass") and lemma[c] in MEANS_NOUNS
                          for g in kids[c] if dep[g] == "compound"]
        ch += [g for c in objects for g in _conjuncts(tab, c)]
        ch += [g for c in objects for g in kids[c] if dep[g] == "compound"
               # "made available ambulances", "set free the hostages": the predicate adjective
               # the parser hung on the object
               or dep[g] == "amod" and g < c and g == i + 1 and lower[g] in OBJECT_PREDICATES
               or dep[g] == "amod" and lower[g] in WEAPON_KINDS]  # "would use nuclear weapons"
        if i + 1 < len(lower) and lower[i + 1] in ("over", "out") and dep[i + 1] == "quantmod":
            ch.append(i + 1)  # "hand over 30 vehicles": the particle the parser read as "more than"
        counted = [g for c in ch if lemma[c] in QUANTITY_HEADS or dep[c] == "dobj" and (
                       lemma[c] in MOVEMENT_HEADS or lemma[i] in OF_OBJECT_VERBS)
                   for p in kids[c] if dep[p] == "prep" and (lower[p] == "of" or lower[p] == "in" and lemma[c] in MONEY_WORDS)
                   for g in kids[p] if dep[g] == "pobj"]  # (or "$500 million in military aid")
        # (a sum of money "in" aid of a kind: "pledged 50 million euros in humanitarian aid")
        counted += [g for c in ch if lemma[c] in MONEY_WORDS and lemma[c] not in QUANTITY_HEADS
                    for p in kids[c] if dep[p] == "prep" and lower[p] == "in"
                    for g in kids[p] if dep[g] == "pobj" and any(dep[x] in ("amod", "compound") for x in kids[g])]
        # (a sum "of" something: "forgive $1.7 billion of debt")
        counted += [g for c in ch if lemma[c] in MONEY_WORDS and lemma[c] not in QUANTITY_HEADS
                    for p in kids[c] if dep[p] == "prep" and lower[p] == "of"
                    for g in kids[p] if dep[g] == "pobj"]
        # ... with its kind ("suspended part of a military aid program")
        kinds = [g for c in counted for g in kids[c] if dep[g] in ("compound", "amod")]  # ("in military assistance")
        # ... or be what a vehicle sent carries ("dispatched a plane carrying relief supplies", "sent
        # planes carrying tents, food and medicines")
        carried = [g for c in objects if lemma[c] in CARRIER_NOUNS for a in kids[c]
                   if dep[a] == "acl" and lemma[a] in CARRYING_VERBS for o in kids[a] if dep[o] == "dobj"
                   for g in (o, *_conjuncts(tab, o))]
        counted += carried
        ch += counted + kinds + subj_compounds
        lemmas = {lemma[c] for c in ch}
        # (a word only the subject carries ranks its patterns after those the object meets: "Ethiopian
        # troops captured the town" is a capture of the town, 192, not of troops, 190)
        subject_only = {lemma[c] for c in ch if dep[c] in ("nsubj", "nsubjpass") or c in subj_compounds} - {
            lemma[c] for c in ch if dep[c] not in ("nsubj", "nsubjpass") and c not in subj_compounds}
        patterns = self.patterns.fitting(pos, lemma[i], lemmas, subject_only)
        if not patterns:
            return
        deep = _nearby_lemmas(tab, i, shared)
        if counted:
            # (the kind of what is counted: "$500 million in new military aid")
            deep |= {lemma[g] for c in counted for g in kids[c] if dep[g] == "amod"}
            # (forbidden words see them too: "blocked the entry of UN aid convoys" is no blockade)
            deep |= {lemma[c] for c in counted + kinds}
        has_xcomp = any(dep[c] == "xcomp" for c in ch) or any(
            dep[g] == "xcomp" for c in ch if dep[c] == "prep" for p in kids[c] for g in kids[p])
        has_ccomp = any(dep[c] == "ccomp" for c in ch)
        deps = {dep[c] for c in kids[i]}
        children = None
        for p in patterns:
            if not p.forbidden.isdisjoint(deep) or not p.forbidden_deps.isdisjoint(deps):
                continue
            if p.needs_xcomp and not has_xcomp or p.needs_ccomp and not has_ccomp:
                continue
            if children is None:
                children = [doc[c] for c in ch]
            yield p, children

    @staticmethod
    def _sectors(actor: Actor | None) -> set:
        """What ``src:``/``tgt:`` constraints see of an actor: its sector and its organisation type."""
        if actor is None:
            return {None}
        out = {actor.sector}
        if actor.code and actor.code[:3] in ORGANISATION_TYPES:
            out.add(actor.code[:3])
        if actor.country and actor.sector in STATE_SECTORS:
            out.add("STATE")  # a country acting as such: "Russia", "Russian forces", "the Kremlin"
        if _people(actor):
            out.add("CVL")  # "Palestinians threw stones", "ethnic Albanians clashed with police"
        elif actor.country and actor.sector is None:
            out.add("COUNTRY")  # the country itself ("Pakistan protested"), not a people ("Palestinians")
        return out

    @classmethod
    def _sector_ok(cls, p: Pattern, source: Actor | None, target: Actor | None) -> bool:
        s, t = cls._sectors(source), cls._sectors(target)
        if p.src_in is not None and not s & p.src_in:
            return False
        if p.src_not is not None and s & p.src_not:
            return False
        if p.tgt_in is not None and not t & p.tgt_in:
            return False
        if p.tgt_not is not None and t & p.tgt_not:
            return False
        return True

    def _required_heads(self, tok, p: Pattern, children):
        """The trigger and its required words, where the target's preposition may hang; a required
        word naming a noun's kind brings the noun ("halted aid deliveries to Gaza")."""
        heads = [tok] + [c for c in children if any(c.lemma_.lower() in req for req in p.required)]
        extra = [c.head for c in heads[1:] if c.dep_ == "compound" and c.head not in heads]
        for c in heads[1:]:
            while c.dep_ == "conj" and c.head.i != c.i:
                c = c.head
            h = c.head
            if c.dep_ == "dobj" and h.dep_ == "acl" and h.lemma_.lower() in CARRYING_VERBS:
                extra.append(h)  # goods a vehicle carries: "a plane carrying relief supplies to Indonesia"
            elif c.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in QUANTITY_HEADS and h.head.i != tok.i:
                extra.append(h.head)  # the amount they are counted in: "31 tonnes of medical supplies to Italy"
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and args.is_amount(obj):
            extra.append(obj)  # the verb's preposition hung on the sum: "invest $15 billion in Turkey's economy"
        return heads + [h for h in extra if h not in heads]

    def _match_verb(self, tok, actor, memory=None):
        candidates = list(self._candidates(tok, "verb"))
        if not candidates:
            return  # no actor is resolved for a verb no pattern fits
        subj = args.subject_of(tok)
        ruled = _ruled_out(tok) if subj is None else None
        if ruled is not None:
            # "Maduro said that lifting the ban is out of question": the speaker would not do it
            subj = _speaker(ruled)
        if subj is None and args.is_passive(tok):
            # "four people were killed in Israeli tank shelling": the performer of the event noun
            subj = self._instrument_source(tok, actor)
        if subj is not None and subj.pos_ == "NOUN" and actor(subj) is None \
                and subj.lemma_.lower() in self.patterns.noun_lemmas:
            # "the attack, which was carried out by ISIS-K, killed 13 soldiers": the act's performer
            # (not whoever else a participle names: "a bomb spotted by police")
            doer = _perpetrator(subj, actor)
            if doer is not None and (doer.head.dep_ != "agent" or doer.head.head.lemma_.lower() in PERFORMING_VERBS):
                subj = doer
        if subj is None and args.is_passive(tok) and tok.lemma_.lower() in SENDING_AWAY_VERBS:
            # "Five Iranian diplomats were expelled from Albania": the country they leave sends them
            origin = args.prep_object([tok], ("from",))
            found = actor(origin)
            subj = origin if found is not None and found.country and found.sector in (None, "GOV") else None
        if subj is None and args.is_passive(tok) and tok.lemma_.lower() in SUMMONING_VERBS:
            # "Britain's ambassador to Washington was summoned to the State Department": the
            # ministry the envoy is called to, else the state the envoy is posted to, summons
            subj = self._summoning_host(tok, actor)
        if subj is None and args.is_passive(tok) and candidates and all(
                p.code[:2] == FORCE_POSTURE_ROOT for p, _ in candidates):
            # "Pakistan's armed forces were placed on high alert", "RAF jets were scrambled": with no
            # agent, the forces put on alert or sent show the force; whom they face is the target
            subj = self._posture_patient(tok, actor)
        speaker_performs = False
        if subj is None and args.is_passive(tok):
            # "police said 89 people had been arrested": the police arrested them
            speaker = _speaker(tok)
            found = actor(speaker)
            if found is not None and found.sector in ENFORCERS:
                subj, speaker_performs = speaker, True
        copula_speaker = None
        if tok.dep_ == "conj" and actor(subj) is not None and tok.head.lemma_ == "be" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            # "Putin said Crimea had always been part of Russia and accused the West ...": a verb of
            # saying hung on a reported copula does not share its subject; the speaker said it
            speaker = _speaker(tok.head)
            copula_speaker = speaker if actor(speaker) is not None else None
        if actor(subj) is None and tok.dep_ == "conj" and args.coordinated(tok.head, tok) and (
                subj is None or subj.ent_type_ != "PERSON" or tok.head.lemma_ == "be"):
            # "Putin said Crimea was Russian and accused ...": the parser often hangs the second
            # verb on the reported clause; its performer is then the speaker (not when the
            # clause names a person as its own performer, known or not, who acts in it: "Police
            # say Bassett approached Beedle and stabbed him").
            speaker = _speaker(tok.head)
            subj = speaker if actor(speaker) is not None else subj
        if _naming(tok):
            # "called the arrest politically motivated": a verdict on it, no appeal nor convening
            candidates = [(p, ch) for p, ch in candidates if p.code[:2] not in NAMED_NOT_CALLED_ROOTS]
        means = self._military_means(tok, subj) if any(p.code[:2] == "18" for p, _ in candidates) else None
        performer = subj
        for p, children in candidates:
            subj = None if speaker_performs and p.code[:2] not in ENFORCED_ROOTS else performer
            if copula_speaker is not None and p.code[:2] in SPOKEN_ROOTS:
                subj = copula_speaker
            heads = self._required_heads(tok, p, children)
            attempt = _attempt_of(tok) if p.code in KILLING_CODES else None
            if attempt is not None and actor(args.object_of(tok)) is None:
                continue  # "tried to kill the reform": only people are killed (the attempt needs a victim)
            if attempt is not None:
                # "tried to kill the mayor", "a plot to assassinate the president": the attempt, by
                # whoever tried or made it ("made an attempt to kill"), not by who foiled it
                p = replace(p, code=ATTEMPTED_ASSASSINATION, rule=f"{p.rule} => attempt {ATTEMPTED_ASSASSINATION}")
                if attempt.pos_ == "NOUN":
                    gov = attempt.head if attempt.dep_ in ("dobj", "nsubjpass") else None
                    subj = args.subject_of(gov) if gov is not None and gov.lemma_.lower() in LIGHT_VERBS else None
            if means is not None and p.code[:2] == "18":
                # "four children were killed in Israeli tank shelling": a killing by conventional
                # military force is coded as that force (CAMEO 19x), not as an assault (18x)
                p = replace(p, code=means.code, rule=f"{p.rule} => by {means.lemma} {means.code}")
            if p.source_prep == "":
                # "the governor survived an assassination attempt": the subject is attacked, by no one named
                yield list(self._pairs(p, tok, None, subj, actor, None))
                continue
            if p.source_prep is not None:
                # "the rebels received weapons from Iran": Iran gives, the subject receives
                giver = args.prep_object(heads, (p.source_prep,))
                if giver is not None:
                    yield list(self._pairs(p, tok, giver, subj, actor, None))
                continue
            target_tok = None
            if p.no_target:
                pass  # "protesters rallied": no target expected
            elif p.explicit_preps:
                target_tok = args.party_object(heads, p.explicit_preps)
                if p.code[:2] == "19" and _fired_at_no_one(tok, target_tok, actor(subj)):
                    # "North Korea test-fired a missile on Tuesday", "fired missiles into the sea": a
                    # state's missiles aimed at no one named are a show of force, not an air strike
                    p = replace(p, code=SHOW_OF_FORCE, rule=f"{p.rule} => at no one {SHOW_OF_FORCE}")
                    yield list(self._pairs(p, tok, subj, None, actor, None))
                    continue
                if target_tok is None and "obj" not in p.preps:
                    if self._acts_jointly(p, tok, subj, actor):
                        yield list(self._pairs(p, tok, subj, None, actor, None))
                    continue
                if target_tok is None:
                    target_tok = args.object_of(tok)
            else:
                target_tok = args.object_of(tok)
                if target_tok is None:
                    # "declared 35 Russian diplomats persona non grata": the required word's own subject
                    target_tok = next((c for h in heads[1:] for c in h.children if c.dep_ == "nsubj"), None)
                if target_tok is None:
                    # "refused to allow United Nations planes to land": the one a required verb lets act
                    target_tok = next((s for h in heads[1:] if h.pos_ == "VERB"
                                       for s in (_complement_subject(h),) if s is not None), None)
                if target_tok is not None and any(target_tok.lemma_.lower() in r for r in p.required):
                    # "paid a visit to X", "held talks with X", "withdrew its troops", "demanded autonomy
                    # from Serbian authorities": the object is part of the trigger
                    alt = args.prep_object(heads, FALLBACK_PREPS)
                    if p.code[:2] in PERPETRATOR_ROOTS:
                        # "investigating alleged war crimes by Croatian extremists against Serb
                        # civilians": the perpetrator, not the victims
                        by = args.prep_object(heads[1:], ("by",))
                        alt = by if by is not None and actor(by) is not None else alt
                    found, doer = actor(target_tok), actor(subj)
                    venue = found is not None and found.resolved_by in VENUE_RULES and p.code[:2] in VENUE_ROOTS \
                        and self._talks_at(target_tok)
                    if venue:
                        found = None  # "would not attend the Geneva talks": the place names the event, no party
                    if found is None and (alt is None or actor(alt) is None) and not venue:
                        # "boycott Algeria's elections", "defaced Danish Web sites": whose they are
                        owner = next((c for c in target_tok.children if c.dep_ in ("poss", "amod", "compound")
                                      and actor(c) is not None and actor(c).country is not None), None)
                        alt = owner if owner is not None and not args.own_phrase(owner) else alt
                    if found is None or args.own_phrase(target_tok) or (
                            alt is not None and actor(alt) is not None and doer is not None
                            and found.code == doer.code):
                        target_tok = alt
            if target_tok is not None and p.code[:2] in PERPETRATOR_ROOTS and (
                    actor(target_tok) is None or target_tok.lemma_.lower() in self.patterns.noun_lemmas):
                # "launched an investigation into alleged crimes committed by Croat forces", "condemned
                # atrocities committed by Ethiopian troops", "the killing of activists by Israeli
                # commandos" (an event noun's phrase names its victims too): the wrong's perpetrator
                target_tok = _perpetrator(target_tok, actor) or target_tok
                if actor(target_tok) is None or (actor(target_tok).resolved_by or "").startswith("coref:nominal"):
                    # (not the place an earlier mention of the noun named: "a strike on Beirut ... denounced
                    # the strike" is Israel's strike)
                    told = self._told_again(target_tok, actor, subj, memory)
                    if told is not None:
                        yield list(self._pairs(p, tok, subj, None, actor, None, target=told))
                        continue
            yield list(self._pairs(p, tok, subj, target_tok, actor, None))

    @staticmethod
    def _posture_patient(verb, actor):
        """The passive subject of a show of force with no agent when it names a country's forces or the
        country ("Saudi air defences were put on high alert"), else None."""
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        found = actor(patient)
        if found is None or not found.country or found.sector not in (None, *FORCE_SECTORS):
            return None
        return patient

    @staticmethod
    def _summoning_host(verb, actor):
        """The token of the state that summoned an envoy when the passive names no summoner: the
        ministry the envoy was summoned to, else where the envoy serves ("the ambassador to
        Washington", "the envoy in Moscow"); None when neither names a state."""
        envoy = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        for tok in (args.prep_object([verb], ("to",)), args.prep_object([envoy], ("to", "in")) if envoy is not None else None):
            found = actor(tok)
            if found is not None and found.country and found.sector in (None, "GOV") and not (
                    envoy is not None and actor(envoy) is not None and actor(envoy).country == found.country):
                return tok
        return None

    def _talks_at(self, noun) -> bool:
        """Whether ``noun`` names talks by the place they are held ("the Geneva talks", "the Vienna
        conference"): the parties talk there, the host is none of them (the "Beijing Olympics" are
        China's)."""
        return noun.lemma_.lower() in self.patterns.classes.get("talks", frozenset()) and _named_event(noun) \
            and any(c.dep_ == "compound" for c in noun.children)

    def _told_again(self, noun, actor, subj, memory) -> Actor | None:
        """The performer of an act coded earlier in the document that the definite event noun
        ``noun`` tells again ("Iran seized two tankers ... Washington condemned the seizures":
        Iran), placed at the noun; None when the noun is no event noun, names its own parties, or
        the document coded no such act."""
        if memory is None or noun.pos_ != "NOUN" or not any(
                c.dep_ in ("det", "poss") and c.lower_ in ANAPHORIC_DETERMINERS for c in noun.children):
            return None
        if any(c.dep_ in ("prep", "poss", "amod", "compound") and actor(c) is not None for c in noun.children):
            return None
        lemma = noun.lemma_.lower()
        roots = ACT_ROOTS if lemma in GENERIC_ACT_NOUNS else {p.code[:2] for p in self.patterns.get("noun", lemma)}
        if not roots:
            return None
        speaker = actor(subj)
        found = memory.last_performer(roots, other_than=speaker.code if speaker is not None else None)
        return self._moved(found, noun, "coref:event") if found is not None else None

    def _acts_jointly(self, p: Pattern, verb, subj, actor) -> bool:
        """Whether ``verb``'s own subject names two or more parties who do the symmetric or
        reciprocal act of ``p`` to each other, so that its "with" phrase is not needed: "Indian and
        Chinese troops clashed", "the two sides clashed", "French and Egyptian warships held exercises"
        (a joint exercise, 062). Not for separate exercises ("held rival drills") nor for speculation
        ("could clash again")."""
        if not (_symmetric_pattern(p) or verb.lemma_ in RECIPROCAL_VERBS or _exercise(p)):
            return False
        if _exercise(p) and any(t.lemma_.lower() in SEPARATE_WORDS for t in sentence_of(verb)):
            return False
        if subj is None or subj.head.i != verb.i:
            return False
        if any(c.dep_ == "aux" and c.lower_ in SPECULATIVE_AUX for c in verb.children):
            return False
        return sum(a is not None for a in self._actors(args.argument_head(subj), actor)) > 1

    def _military_means(self, verb, subj) -> Pattern | None:
        """The military-force pattern (root 19) of the means a killing was done by: its subject
        ("shelling killed ...") or, for a passive, the noun of its "in/by/during" phrase."""
        nouns = [subj] if subj is not None and subj.pos_ == "NOUN" else []
        if args.is_passive(verb) or verb.tag_ == "VBN":
            nouns += [g for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during")
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
        for noun in nouns:
            if noun.lemma_.lower() not in self.patterns.noun_lemmas:
                continue
            for p, _ in self._candidates(noun, "noun"):
                # (only nouns that are military whoever acts: "shelling", "air strike"; an "attack"
                # is military only when the military carries it out)
                if p.code[:2] == "19" and p.src_in is None and p.src_not is None:
                    return p
        return None

    def _weapon_word(self, mod, found: Actor) -> bool:
        """Whether the modifier ``mod`` (resolved as ``found``) names a weapon of no one's country
        ("a drone strike"): the means of an act, not its performer."""
        return found.country is None and mod.lemma_.lower() in self.patterns.classes.get("weapon", ())

    def _instrument_source(self, verb, actor):
        """The performer named inside an "in/during/by" phrase of an agentless passive verb: a possessor
        or a national modifier ("in Israeli tank shelling"), never the place itself ("in Gaza")."""
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "during", "by"):
                continue
            for noun in c.children:
                if noun.dep_ != "pobj":
                    continue
                src = args.noun_source(noun)
                if src is not None:
                    return src
                for mod in (m for t in [noun, *noun.children] for m in args.noun_modifiers(t)):
                    found = actor(mod)
                    if found is not None and not self._weapon_word(mod, found):
                        return mod  # (not the weapon: "killed in a drone strike")
        return None

    def _first_claim(self, groups) -> list[Match]:
        """Each (source, target) pair goes to the first pattern that accepts it, most specific first:
        in "Saudi Arabia and its allies bombed ..." the state and the non-state ally may differ in code.
        Less specific patterns are tried only while some pair is still unclaimed because an actor
        constraint turned it down."""
        claimed: dict[tuple, Match] = {}
        self._rejected = False
        for group in groups:
            for m in group:
                key = (m.source.code if m.source else None, m.target.code if m.target else None)
                claimed.setdefault(key, m)
            if claimed and not self._rejected:
                break
            self._rejected = False
        return list(claimed.values())

    def _group_nouns(self) -> frozenset[str]:
        """Noun triggers that the actor tables also read as a body (a sector word: "opposition",
        "prosecution", "mission"): without their pattern's preposition they name the body. (Words for
        people who act, "demonstrators", "bombers", are events of their own kind.)"""
        if self._group_lemmas is None:
            self._group_lemmas = frozenset(key[0] for key, entries in self.resolver.lexicon.items()
                                           if len(key) == 1 and key[0] in self.patterns.noun_lemmas
                                           and any(e.sector and e.sector not in PERFORMER_SECTORS and not e.code
                                                   for e in entries))
        return self._group_lemmas

    def _acted_on_people(self, matches: list[Match]) -> list[Match]:
        """Drop the event of a noun naming people ("protesters", "demonstrators") that lies in the
        target of an act of force or coercion (17-20) in the sentence: "police used batons to
        disperse a crowd of Sikh protesters" codes the dispersal, not a protest."""
        spans = [(m.target.start, m.target.end) for m in matches
                 if m.pattern.code[:2] in FORCEFUL_ROOTS and m.target is not None]
        if not spans:
            return matches
        lexicon = self.resolver.lexicon
        out = []
        for m in matches:
            if m.pattern.pos == "noun" and m.pattern.code[:2] not in FORCEFUL_ROOTS:
                at = m.trigger.idx - sentence_of(m.trigger).start_char
                entry = lexicon.lookup([m.trigger.lower_])
                people = entry is not None and entry.sector is not None and not entry.code
                if people and any(start <= at < end for start, end in spans):
                    continue
            out.append(m)
        return out

    def _violent_verb(self, tok) -> bool:
        """Whether ``tok`` is a verb some use-of-force or violence pattern (18-20) fires on."""
        if self._violent_lemmas is None:
            self._violent_lemmas = frozenset(l for l in self.patterns.verb_lemmas if any(
                p.code[:2] in VIOLENT_ROOTS for p in self.patterns.get("verb", l)))
        return tok.pos_ == "VERB" and tok.lemma_.lower() in self._violent_lemmas

    def _match_noun(self, tok, actor):
        if tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "LAW", "EVENT", "FAC", "DATE", "TIME") and tok.ent_iob_ != "O":
            return
        if tok.dep_ == "compound":  # "the Beijing parade route": the noun is a modifier, not an event
            return
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.lemma_.lower() in IN_IDIOMS:
            return  # "in the case of an emergency", "in any case": no lawsuit
        candidates = list(self._candidates(tok, "noun"))
        if not candidates:
            return
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in self.patterns.verb_lemmas \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            # (not "the arrest of X by police sparked protests": an act on someone is an event)
            performer = actor(tok)
            if performer is not None and performer.sector is not None and args.noun_source(tok) is None:
                return  # "demonstrators rioted": the verb carries the event, the noun names its performer
                # (but "Xi's visit to Russia pushed ...": a possessor makes the noun an event)
        gov = args.noun_governor(tok)
        if gov is not None and gov.dep_ != "amod" and _reverses(gov):
            return  # "the sanctions were lifted": no sanctions are imposed
        group = tok.lemma_.lower() in self._group_nouns()
        for p, children in candidates:
            if group and p.explicit_preps and not any(c.dep_ == "prep" and c.lower_ in p.explicit_preps for c in (
                    *tok.children, *(gov.children if gov is not None else ()))):
                continue  # "Venezuela's opposition called for a strike": a group, not "opposition to" something
            heads = self._required_heads(tok, p, children)
            if gov is not None and gov.lemma_.lower() in args.INVERTING_VERBS and tok.dep_ != "nsubjpass":
                # "drew a rebuke from China": China rebukes the subject of "drew" (but "Merkel's visit
                # was met by protesters" is the visit reacted to, not the reaction)
                src = args.prep_object([tok, gov], ("from", "by"))
                tgt = args.subject_of(gov)
                if src is None:
                    continue
                yield list(self._pairs(p, tok, src, tgt, actor, gov))
                continue
            src = args.noun_source(tok)
            if src is None:
                for mod in args.noun_modifiers(tok):
                    found = actor(mod)
                    if found is not None and self._weapon_word(mod, found):
                        continue  # "killed in a drone strike": the weapon, not who used it
                    if found is not None and not (p.code[:2] in VENUE_ROOTS and found.resolved_by in VENUE_RULES
                                                  and mod.dep_ == "compound" and _named_event(tok)):
                        src = mod
                        break
            light = gov if gov is not None and gov.lemma_.lower() in LIGHT_VERBS and not _naming(gov) \
                and (gov.lemma_.lower() not in RESPONSE_VERBS or tok.dep_ == "pobj" and tok.head.lower_ == "with") \
                and (tok.dep_ != "pobj" or tok.head.lower_ in LIGHT_PREPS and (
                    tok.head.lower_ != "on" or gov.lemma_.lower() in ON_LIGHT_VERBS)
                     or args.is_amount(tok.head.head) or args.episode_of(tok) is not None) else None
            if light is not None:
                performer = args.subject_of(light)
                asked = _asked_party(light, tok) if light.lemma_.lower() in ASKING_FOR else None
                if asked is not None and actor(asked) is not None:
                    # "Maliki asked Obama for air strikes": the one asked would strike, not the asker
                    performer = asked
                if src is None or src.pos_ == "PRON" and actor(src) is None:
                    src = performer  # "the ILO reiterated its demand": "its" is the subject's
                elif src in args.noun_modifiers(tok) and performer is not None:
                    # "Russia is conducting military exercises": "military" names the kind of exercise;
                    # the performer is the light verb's subject when it names a country
                    mod_actor, subj_actor = actor(src), actor(performer)
                    if mod_actor is not None and mod_actor.country is None and subj_actor is not None \
                            and subj_actor.country is not None:
                        src = performer
            addressee = None
            if src is None and light is None and p.code[:2] == CONSULT_ROOT and gov is not None \
                    and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") and gov.lemma_.lower() in SPEECH_VERBS:
                # "Putin said in a phone call with Erdogan", "told Erdogan in a phone call": the
                # speaker held the call or meeting he spoke in, with the one he told
                src = args.subject_of(gov)
                addressee = next((c for c in gov.children if c.dep_ in ("dobj", "dative")), None)
            if src is None and light is None:
                # "the minister is on a three-day visit to Russia": the clause's verb tells its factuality
                src, light = _traveller(tok)
            if src is None and (light is None or args.is_passive(light) and args.subject_of(light) is None) \
                    and p.code in SYMMETRIC_NOUN_CODES and (  # (or "an agreement between X and Y was signed")
                    (args.episode_of(tok) or tok).dep_ in ("nsubj", "nsubjpass")
                    or tok.dep_ == "dobj" and tok.head.lemma_.lower() not in ANSWERING_VERBS):
                # "the Geneva talks between the Syrian government and the opposition collapsed": the
                # parties (not in background phrases, "since the accord between ...", nor in a deal
                # someone rejects; "fighting broke out between X and Y": the phrase may hang on the verb;
                # "a new round of talks between X and Y opened": the round is the clause's subject)
                src = args.prep_object([tok] + ([tok.head] if tok.dep_ == "nsubj" else []), ("between",))
            if src is None and p.code[:2] in AID_ROOTS and tok.dep_ == "pobj" and tok.head.lower_ in ("with", "through") \
                    and tok.head.head.pos_ == "VERB":
                # "reinforced its commitment with a contribution of 56 million euros to the WFP"
                src = args.subject_of(tok.head.head)
            if src is None and p.code[:2] in VIOLENT_ROOTS and tok.dep_ == "pobj" and tok.head.lower_ == "in" \
                    and self._violent_verb(tok.head.head):
                # "wounded two soldiers in a bomb attack": the means of the wounding, by whoever wounded
                src = args.subject_of(tok.head.head)
            if src is None:
                death = args.death_from(tok) if p.code[:2] in VIOLENT_ROOTS else None
                if death is not None:
                    # "the prisoner died as a result of torture": violence against the one who died, by
                    # whoever held him ("... while in Israeli police custody"), else by someone unnamed
                    holder = args.custody_of(death)
                    if holder is not None and actor(holder) is None:
                        holder = None
                    yield list(self._pairs(p, tok, holder, args.subject_of(death), actor, None))
                continue
            # a nominal trigger may stand without its target ("Xi's visit")
            preps = p.explicit_preps
            target_tok = args.party_object(heads + ([light] if light is not None else []), preps) if preps else None
            if target_tok is None and addressee is not None and actor(addressee) is not None:
                target_tok = addressee
            if target_tok is None and p.code[:2] in VIOLENT_ROOTS and tok.dep_ == "nsubj" \
                    and tok.head.pos_ == "VERB":
                # "Israeli air strikes brought down a high-rise building in Gaza City": what they hit
                target_tok = args.object_of(tok.head)
            yield list(self._pairs(p, tok, src, target_tok, actor, light))

    def _pairs(self, p: Pattern, trigger, src_tok, tgt_tok, actor, governor, target: Actor | None = None):
        """(source, target) matches of pattern ``p``; ``target``, when given, is the target actor
        itself (found away from the sentence's tokens: an act told again, see _told_again)."""
        src_tok, tgt_tok = args.argument_head(src_tok), args.argument_head(tgt_tok)
        if src_tok is not None and tgt_tok is not None and src_tok.i == tgt_tok.i:
            tgt_tok = None  # "X is committed to opening up": the complement's subject is the performer
        mutual = tgt_tok is not None and tgt_tok.lower_ in RECIPROCAL_OBJECTS and any(
            c.lower_ in ("each", "one") for c in tgt_tok.children)
        if mutual:
            tgt_tok = None  # "Sudan and South Sudan accused each other": the conjoined subjects, each on the other
        sources = self._actors(src_tok, actor)
        if src_tok is not None and _pair_reference(src_tok):
            sources = self._pair_antecedents(src_tok, set(), asked=False) or sources  # "the two sides agreed"
        fallback = False
        if not p.no_target and p.code[:2] in CLAUSE_TARGET_ROOTS:
            # "France demanded that Germany lift the ban": the demand is made of Germany
            # (or on the noun it insists on: "insisted on its demands that Burundi's government grant ...")
            near = list(trigger.children) + [g for c in trigger.children if c.dep_ == "prep"
                                             for o in c.children if o.dep_ == "pobj" for g in o.children]
            # (a demand noun's "that" clause may hang on its light verb: "reiterated its demand today
            # that Israel ease ...")
            owners = {trigger.i} | ({governor.i} if governor is not None and trigger.pos_ != "VERB" else set())
            near += [c for c in governor.children if c.dep_ == "ccomp"] if len(owners) > 1 else []
            clause = next((c for c in near if c.dep_ == "ccomp" and c.head.i in owners or c.dep_ == "acl" and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            addressee = actor(args.subject_of(clause)) if clause is not None else None
            first = next((s for s in sources if s is not None), None)
            if p.code[:2] == "13" and addressee is not None and first is not None and _own_forces(first, addressee):
                # "security forces may use force to clear the square, the minister warned": the
                # speaker's own forces carry the threat out; they are not its target
                addressee = None
            told = tgt_tok is not None and tgt_tok.dep_ in ("dobj", "dative") and tgt_tok.head.i == trigger.i \
                and actor(tgt_tok) is not None  # "warned opposition leaders that troops would ...": whom it told
            if addressee is not None and not told and (tgt_tok is None or actor(tgt_tok) is None or any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
                    and (first is None or addressee.code != first.code)):
                # (or "its demand that Israel ease restrictions on the movement of Palestinian
                # workers": the subject of a "that" clause, not a party named inside it)
                tgt_tok = args.subject_of(clause)
        if p.code[:2] == PROTEST_ROOT:
            # "blocked streets in Hong Kong in defiance of Chinese authorities": whom the protest defies
            defied = _defied(trigger)
            if defied is not None and actor(defied) is not None and (
                    tgt_tok is None or actor(tgt_tok) is None or actor(tgt_tok).sector is None):
                tgt_tok = defied  # (over a place, not over a party the protest names itself)
        if tgt_tok is None and not p.no_target and p.code[:2] in CONDITION_TARGET_ROOTS:
            # "Russia threatened to quit the talks if the United States deploys missiles": the threat
            # is aimed at whoever must meet the condition
            tgt_tok = args.condition_subject(trigger)
        if (tgt_tok is None or actor(tgt_tok) is None) and p.code[:2] in RECIPIENT_ROOTS and not p.required:
            # "sent troops to help the country patrol its borders", "to help Haiti cope": the one helped
            # is the subject of the complement
            tgt_tok = _complement_subject(trigger) or tgt_tok
        # "Jordan and Britain agreed to hold exercises": the parties act together; no outside target
        joint = sum(s is not None for s in sources) > 1
        if joint and p.code == SHOW_OF_FORCE and _exercise(p) and len({s.country or s.code for s in sources if s}) > 1 \
                and not any(t.lemma_.lower() in SEPARATE_WORDS for t in sentence_of(trigger)):
            # "The United States and Jordan held military exercises": a joint exercise, each with the other
            p = replace(p, code=JOINT_EXERCISE, rule=f"{p.rule} => joint exercise {JOINT_EXERCISE}")
            tgt_tok = None
        if p.no_target and _symmetric_pattern(p) and not joint:
            return  # "India and Japan deepened ties" (@none): parties named together, not one alone
        if tgt_tok is not None and actor(tgt_tok) is None:
            # "shelled positions held by Kurdish fighters", "a depot used by Hezbollah": whose they are
            holder = _holder(tgt_tok, trigger)
            if holder is not None and actor(holder) is not None:
                tgt_tok = holder
        if tgt_tok is not None and tgt_tok.pos_ == "NOUN" and p.code[:2] in DEED_JUDGING_ROOTS \
                and (actor(tgt_tok) is None or actor(tgt_tok).country is None):
            # "condemned the joint drills by South Korea and the United States": praise, criticism
            # or rejection of a deed is aimed at its doer
            doer = args.prep_object([tgt_tok], ("by",))
            if doer is None and tgt_tok.head.i == trigger.i and not args.is_passive(trigger):
                doer = args.prep_object([trigger], ("by",))  # (the parser hangs "by" on the verb)
            if doer is not None and actor(doer) is not None and actor(doer).country is not None:
                tgt_tok = doer
        if tgt_tok is not None and tgt_tok.lemma_.lower() in PARTNER_NOUNS:
            # "walked out of peace talks with the Yemeni government in Kuwait": the party talked
            # with, not the venue the phrase also names
            partner = args.prep_object([tgt_tok], ("with", "between"))
            if partner is not None and actor(partner) is not None:
                tgt_tok = partner
        if (tgt_tok is None or actor(tgt_tok) is None) and not p.no_target and target is None and not (
                joint and (_symmetric_pattern(p) or mutual or trigger.lemma_ in RECIPROCAL_VERBS)) \
                and not _unknown_party(tgt_tok):
            first = next((s for s in sources if s is not None), None)
            found = args.fallback_target(governor if governor is not None else trigger, actor,
                                         first.code if first else None, statement=p.code[:2] == "01",
                                         preps=TOPIC_FREE_PREPS if p.code[:2] == CONSULT_ROOT else
                                         THREAT_FREE_PREPS if p.code[:3] == PROTECTION else None,
                                         use_object=p.code[:2] != CONSULT_ROOT)
            named = actor(found) if found is not None else None
            if named is not None and p.code[:2] in ("04", "05") and named.resolved_by in VENUE_RULES and (
                    found.i == trigger.i or found.dep_ == "compound" and self._talks_at(found.head)):
                found = None  # the accord read by its venue: "reached an agreement in Vienna" is no deal with Austria
                # (nor is "would not attend the Geneva talks" a meeting with Switzerland)
            if found is not None and joint and (named is None or named.country is None or named.country in {
                    s.country for s in sources if s is not None} or _locative(found)
                    or found.lemma_.lower() in self.patterns.noun_lemmas and any(
                        c.dep_ == "prep" and c.lower_ in ("in", "at") for c in found.children)):
                found = None  # (parties acting together aim at another country, not a place: "Saudi Arabia, Bahrain and the
                # UAE withdrew their ambassadors from Qatar", not at one of themselves, nor at the place of an
                # act they name: "Lavrov and Kerry agreed to work towards a ceasefire in Syria")
            if found is not None:
                tgt_tok, fallback = found, True
        targets = self._actors(tgt_tok, actor) if target is None else [target]
        if tgt_tok is not None and _pair_reference(tgt_tok):
            # "urged both sides to stop the bloodshed": the two parties named just before
            pair = self._pair_antecedents(tgt_tok, {s.country for s in sources if s is not None})
            targets = pair or targets
        if joint and (targets == [None] and (_symmetric_pattern(p) or mutual) or trigger.lemma_ in RECIPROCAL_VERBS and (
                tgt_tok is None or any(t.lemma_.lower() in req for req in p.required
                                       for t in [tgt_tok, args.prep_object([tgt_tok], ("of",))] if t is not None))):
            # "China and Russia held talks": each party meets the others; "Armenia and Azerbaijan
            # exchanged prisoners": each releases some to the other
            parties = [s for s in sources if s is not None]
            pairs = [(a, b) for a in parties for b in parties if a.code != b.code]
        else:
            pairs = [(s, t) for s in sources for t in targets]
        fact = factuality(trigger, noun_head=governor)
        clause = governor if governor is not None else trigger
        if clause.pos_ not in ("VERB", "AUX"):
            clause = clause.head if clause.head.pos_ in ("VERB", "AUX") else clause
        background = BACKGROUND_CLAUSE_FACTOR.get(clause.dep_, 1.0)
        speaker = _speaker(governor if governor is not None else trigger)
        reported_by = actor(speaker)
        if fact == "reported" and speaker is not None and src_tok is not None and src_tok.i == speaker.i:
            fact = "asserted"  # "the government announced asset freezes": its own act, made by announcing it
        for s, t in pairs:
            if s is None and t is None and (src_tok is None or p.pos == "noun"):
                continue  # no performer at all: nothing to code
            if t is None and not p.required and p.code[:2] in RECIPIENT_ROOTS and _helps_do(trigger):
                continue  # "helped to plan the killings", "contributed to planning": no one is aided
            if not self._sector_ok(p, s, t):
                self._rejected = True
                continue
            if s is not None and t is not None and (s.start, s.end) == (t.start, t.end):
                continue  # the same phrase on both sides is a parse error
            if s is not None and t is not None and s.code == t.code and p.code not in LEADERSHIP_CHANGES:
                t = None  # "Mexico granted asylum to Morales" (resolved as Mexican): no outside target
                # (but "the president sacked the interior minister": a government changes its own members)
            if t is not None and p.code[:2] == "01" and t.sector == "MED" and is_generic(t):
                t = None  # "told reporters": the press carries a comment, it is not its target
            said = fact
            if fact == "reported" and p.code[:2] in SPOKEN_ROOTS and s is not None and reported_by is not None \
                    and s.code == reported_by.code and (s.resolved_by or "").startswith("coref:speaker"):
                said = "asserted"  # "Erdogan said he was optimistic", "Iran said it rejected ...": said by saying it
            conf = p.confidence * FACTUALITY_FACTOR.get(said, 1.0)
            if s is None or t is None and not (p.no_target or p.code[:2] == "01"):
                conf *= MISSING_ACTOR_FACTOR  # (a comment or an intransitive act needs no target)
            if s is None and t is None:
                conf *= MISSING_ACTOR_FACTOR  # "Reliance Jio agreed to ...": an unknown performer
            if p.pos == "noun":
                conf *= NOUN_TRIGGER_FACTOR
            if fallback and t is not None:
                conf *= FALLBACK_TARGET_FACTOR
            conf *= background
            yield Match(p, trigger, s, t, said, round(conf, 3), governor, reported_by)

    def _clause_targets(self, clause, actor) -> list[Actor]:
        """The parties a demand read from "X said A and B must ..." is made of: one per conjunct of
        the clause's subject."""
        return [t for t in self._actors(args.subject_of(clause), actor) if t is not None]

    def _pair_antecedents(self, tok, exclude: set, *, asked: bool = True) -> list[Actor]:
        """The two countries the article has named most often before ``tok`` (a place where
        something happened counts half; ties go to the later), other than ``exclude``; [] unless
        there are two. ``asked``: ``tok`` is acted upon, so the subjects above it, who ask or act
        on the pair, are left out ("Japan called on both parties"); not so for a performer
        ("Russia and Ukraine said both sides would withdraw")."""
        asking = {t.i for a in tok.ancestors for c in a.children if c.dep_ in ("nsubj", "nsubjpass")
                  for t in c.subtree} if asked else set()
        weight: dict[str, float] = {}
        last: dict[str, object] = {}
        for ent in doc_ents(tok.doc):
            if ent.end > tok.i:
                break
            if ent.label_ not in ("GPE", "NORP", "ORG") or ent.root.i in asking:
                continue
            country = self.resolver.country_of_text(ent.text)
            if not country or country in exclude:
                continue
            weight[country] = weight.get(country, 0.0) + (0.5 if _locative(ent.root) else 1.0)
            last[country] = ent
        ranked = sorted(weight, key=lambda c: (weight[c], last[c].start), reverse=True)[:2]
        if len(ranked) != 2:
            return []
        base = sentence_of(tok).start_char
        start, end = tok.idx - base, tok.idx - base + len(tok.text)
        return [Actor(text=tok.text, code=c, country=c, sector=None, start=start, end=end, name=None,
                      resolved_by=f"coref:pair({last[c].text}@{last[c].start_char})") for c in ranked]

    def _actors(self, tok, actor) -> list[Actor | None]:
        """Actors of an argument: one per conjunct ("Russia and China"), and one per conjoined
        national modifier ("French and Egyptian warships"); "they" after conjoined speakers is each
        of them ("Obama and Putin said they will ...")."""
        if tok is None:
            return [None]
        if tok.pos_ == "PRON" and tok.lower_ in ("they", "we"):
            speaker = _speaker(tok.head)
            if speaker is not None and len(args.expand_conj(speaker)) > 1:
                found = [actor(c) for c in args.expand_conj(speaker)]
                return [self._moved(a, tok, "coref:speaker") for a in found if a is not None] or [None]
        out = []
        for t in args.expand_conj(tok):
            a = actor(t)
            out.append(a)
            if a is None:
                continue
            base = sentence_of(tok).start_char
            tab = token_table(tok.doc)  # (the modifiers are read off the table: Tokens only for conjuncts)
            for m in tab.children[t.i]:
                if tab.dep[m] in ("amod", "compound", "nmod") and conjuncts(tab, m):
                    for other in (tok.doc[k] for k in conjuncts(tab, m)):
                        # (with its own modifiers: "the Japanese and South Korean defence ministers")
                        words = other.doc[other.left_edge.i:other.i + 1] if other.left_edge.i <= other.i else None
                        text = words.text if words is not None and words[0].dep_ != "cc" else other.text
                        country = self.resolver.country_of_text(text) or self.resolver.country_of_text(other.text)
                        if country and country != a.country:
                            out.append(Actor(text=other.text, code=compose_code(country, a.sector), country=country,
                                             sector=a.sector, start=other.idx - base,
                                             end=other.idx + len(other.text) - base,
                                             resolved_by="conjoined-modifier"))
            if tab.tag[t.i] in ("NNS", "NNPS") and a.sector is not None and a.name is None:
                # "the leaders of France, Germany and Italy", "the foreign ministers of Iran and Saudi
                # Arabia": one post holder per country
                for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"):
                    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                        for other in pobj.conjuncts:
                            found = actor(other)
                            if found is not None and found.country and found.country != a.country \
                                    and found.sector is None:
                                out.append(Actor(text=found.text, code=compose_code(found.country, a.sector),
                                                 country=found.country, sector=a.sector, start=found.start,
                                                 end=found.end, resolved_by=f"{found.resolved_by}+conjoined-of"))
        # a conjunct that names no actor adds no event beside those that do ("Saudi Arabia and its allies")
        return [a for a in out if a is not None] or [None]

    @staticmethod
    def _prune(matches: list[Match]) -> list[Match]:
        """Drop generic statements when something more specific is coded; one event per dyad and root."""
        if any(m.pattern.code[:2] != "01" and m.factuality != "negated" for m in matches):
            # (an act the statement says will not happen leaves the statement: "said Moscow had no
            # intention of sending troops")
            matches = [m for m in matches if m.pattern.code != GENERIC_STATEMENT]
        # A visit to nobody is no CAMEO visit: "the prime minister attended a ceremony in his home town"
        matches = [m for m in matches if not (m.pattern.code == VISIT and m.target is None)]
        # An event whose performer is unknown is kept only when the sentence has nothing better,
        # and one with no known actor at all only when the sentence has no other event.
        if any(m.source is not None for m in matches):
            # (but the main clause's event stays: "two citizens who had been held by the government
            # were released on Thursday" is a release, whoever made it)
            matches = [m for m in matches if m.source is not None or m.target is not None and _main_clause_event(m)]
        elif any(m.target is not None for m in matches):
            matches = [m for m in matches if m.target is not None]
        # A one-sided match is dropped when the same trigger also gave the full dyad ("visit to Russia and
        # appearance": the conjunct that names no actor adds nothing).
        full = {(m.trigger.i, m.source.code if m.source else None) for m in matches if m.target is not None}
        matches = [m for m in matches
                   if m.target is not None or (m.trigger.i, m.source.code if m.source else None) not in full]
        matches = _one_violent_act(matches)
        # A nominal event whose light verb codes the same kind of event is that event told twice
        # ("participated in the conference in Vienna")
        # (unless it names another party: "host a meeting between Israelis and the PLO"); the more
        # specific code of the two is kept ("conducted air strikes on Hamas targets": 195, not 190)
        verbs: dict[tuple, list[Match]] = defaultdict(list)
        for m in matches:
            if m.noun_governor is None:
                verbs[(m.trigger.i, m.pattern.code[:2])].append(m)
        dropped = set()
        for m in matches:
            twins = verbs.get((m.noun_governor.i, m.pattern.code[:2]), []) if m.noun_governor is not None else []
            twins = [v for v in twins if m.target is None or v.target is not None and v.target.country == m.target.country]
            for v in twins:
                # (on three digits: a 4-digit noun sub-code read from a word of the verb's object,
                # "staged a rally against the government", is no more certain than the verb's 141)
                dropped.add(id(v) if _specificity(m.pattern.code[:3]) > _specificity(v.pattern.code[:3]) else id(m))
        matches = [m for m in matches if id(m) not in dropped]
        # An event of a located root (violence, protest, force) told of a place in a clause that
        # describes it, with no performer but the place ("Montenegro, where 28 people have been
        # killed in riots this year"), is the place's background, not news.
        matches = [m for m in matches if not (m.source is not None and (m.source.resolved_by or "").startswith(
            "location:") and _background_clause(m))]
        matches = _background_events(matches)
        dyads = Counter((m.source.code if m.source else None, m.target.code if m.target else None, m.pattern.code[:2])
                        for m in matches)
        best: dict[tuple, Match] = {}
        for m in matches:
            key = (m.source.code if m.source else None, m.target.code if m.target else None, m.pattern.code[:2])
            if dyads[key] > 1:
                key += (_own_act(m),)  # (two acts of one dyad and root may be distinct: see _own_act)
            # (the more confident; on a tie the more specific code: "shot and killed" is a killing, 1823)
            if key not in best or m.confidence > best[key].confidence or m.confidence == best[key].confidence \
                    and _specificity(m.pattern.code) > _specificity(best[key].pattern.code):
                best[key] = m
        kept = set(map(id, best.values()))
        # (a statement by no one and to no one is no event: "Historians say ...")
        return [m for m in matches if id(m) in kept and (m.source is not None or m.target is not None
                                                         or m.pattern.code != GENERIC_STATEMENT)
                and not _trailing_attribution(m)]

    # -- step 2: building records -----------------------------------------------------------------
    def build(self, m: Match, *, doc_id: str, sentence_index: int, sent) -> Event:
        """The :class:`Event` record for one match (date and location are added by the pipeline)."""
        info = ontology.get(m.pattern.code)
        base = sent.start_char
        trig = m.trigger
        # (the text as written: a Title Case headline was lower-cased for the parser only)
        trigger = Span(doc_text(trig.doc)[trig.idx:trig.idx + len(trig.text)], trig.idx - base,
                       trig.idx - base + len(trig.text))
        extra = {}
        if m.reported_by is not None:
            extra["reported_by"] = m.reported_by.as_dict()
        return Event(
            event_id=Event.make_id(doc_id, sentence_index, trigger.start, info.code,
                                   m.source.code if m.source else None, m.target.code if m.target else None),
            doc_id=doc_id, sentence_index=sentence_index, sentence=span_text(sent).rstrip(),
            source=m.source, target=m.target,
            cameo=info.code, root=info.root, quad_class=info.quad_class, goldstein=info.goldstein,
            plover=Plover(info.plover_type, info.plover_mode),
            date=None, location=None, factuality=m.factuality, trigger=trigger,
            rule=m.pattern.rule, confidence=m.confidence, cameo_name=info.name, extra=extra,
        )

    def code_sentence(self, sent, *, doc_id: str = "", sentence_index: int = 0, memory=None,
                      date: str | None = None) -> list[Event]:
        """Match and build in one call (event dates and places are left empty)."""
        return [self.build(m, doc_id=doc_id, sentence_index=sentence_index, sent=sent)
                for m in self.match(sent, memory=memory, date=date)]
