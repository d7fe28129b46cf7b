"""Who did it and to whom: argument heads of a trigger in a spaCy dependency tree.

Functions here return *tokens* (heads of argument phrases); turning a head into an
actor code is the job of :mod:`newsevents.actors`. Handled constructions:

- active and passive voice ("X attacked Y", "Y was attacked by X");
- shared subjects across conjoined verbs ("X met Y and signed ...");
- control: "X agreed to send troops" (subject control), "X invited Y to march"
  and "X urged Y to ..." (object control);
- relative and participial clauses ("troops, who marched ...", "troops marching ...",
  "the parade attended by Xi");
- conjunctions on either side ("A and B met C": two sources).
"""

from __future__ import annotations

from .. import counts
from ..actors.resolver import affiliation
from ..nlp import conjuncts, dateline_end, name_as_aux, sentence_of, token_table
from .factuality import SPEECH_VERBS

SUBJECT_DEPS = ("nsubj", "csubj")
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
# Verbs whose object, not subject, performs their infinitive complement: "invited Y to march".
OBJECT_CONTROL = frozenset({"invite", "urge", "ask", "tell", "order", "force", "allow", "persuade", "encourage",
                            "help", "call", "press", "push", "pressure", "permit", "authorize", "instruct",
                            "request", "appeal", "compel", "advise", "warn", "welcome", "lead", "enable",
                            "require", "expect", "want", "need", "prompt", "spur", "cause", "drive",
                            "oblige", "provoke"})
# Verbs that take an event noun whose *agent* follows "from": "drew a rebuke from China".
INVERTING_VERBS = frozenset({"draw", "prompt", "provoke", "spark", "trigger", "earn", "attract", "receive",
                             "face", "win", "get", "meet", "invite", "elicit", "bring", "plead"})  # ("pleaded not guilty to charges")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Participles that describe their subject's state, not something done to it: "Vietnam is committed to",
# "Israel is opposed to", "forces were engaged in". Without a "by" agent their subject is the actor.
STATIVE_PARTICIPLES = frozenset({"commit", "oppose", "determine", "engage", "involve", "dedicate", "resolve",
                                 "poise"})


def expand_conj(tok):
    """``tok`` and the phrases conjoined with it ("Russia and China" -> [Russia, China])."""
    doc = tok.doc
    tab = token_table(doc)  # (read off the table: Token objects only for the answer)
    pos, dep, kids, ent = tab.pos, tab.dep, tab.children, tab.ent_type
    i = tok.i
    out = [i]
    for c in conjuncts(tab, i):
        if pos[c] in ("NOUN", "PROPN", "PRON") and c not in out:
            out.append(c)
    for c in kids[i]:
        # "The US, Russia, and Switzerland met": the parser makes the list an apposition
        if dep[c] == "appos" and pos[c] == "PROPN" and pos[i] == "PROPN" \
                and any(dep[g] == "conj" for g in kids[c]) and c not in out:
            out.append(c)
            out.extend(g for g in conjuncts(tab, c) if pos[g] in ("NOUN", "PROPN") and g not in out)
        # "The Philippine government and communist rebels resumed talks": the parser hangs the first
        # conjunct on the second's head as a modifier, with the "and" and the second's adjective
        if dep[c] == "nmod" and pos[c] == "NOUN" and c < i and c not in out \
                and any(dep[g] == "cc" for g in kids[c]) \
                and any(dep[g] == "conj" and c < g < i for g in kids[c]):
            out.append(c)
    if dep[i] == "nsubj" and pos[i] in ("NOUN", "PROPN") and ent[i] not in NOT_PARTY_ENTS:
        # "Ukraine, Russia swap hundreds of prisoners", "Protesters, police clash in Nairobi": a
        # headline's comma list read as two subjects (or a subject and an adverbial noun)
        out.extend(c for c in kids[tab.head[i]] if dep[c] in ("nsubj", "npadvmod") and c != i and c not in out
                   and (pos[c] in ("NOUN", "PROPN") or ent[c] in ("NORP", "GPE"))  # ("Saudi, Iran agree")
                   and ent[c] not in NOT_PARTY_ENTS and abs(c - i) == 2
                   and tab.text[min(c, i) + 1] == ",")
    return [tok] + [doc[k] for k in out[1:]]


# Entities a comma list of subjects never holds ("On Monday, police clashed ...").
NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def _child(tok, deps):
    """The first child of ``tok`` attached by one of ``deps`` (read from the Doc's token table)."""
    tab = token_table(tok.doc)
    dep = tab.dep
    for c in tab.children[tok.i]:
        if dep[c] in deps:
            return tok.doc[c]
    return None




def _main_clause(verb):
    """The highest verb above ``verb`` that is not itself a reporting verb ("said")."""
    t = verb
    for _ in range(8):
        head = t.head
        if head.i == t.i or head.lemma_ in SPEECH_VERBS and t.dep_ in ("ccomp", "parataxis"):
            return t
        t = head
    return t


def agent_of(verb):
    """The ``by X`` agent of a passive verb, or None."""
    agent = _child(verb, ("agent",))
    if agent is not None:
        return _child(agent, ("pobj",))
    return None


def wielder(noun):
    """Who fired the weapon ``noun`` when a participle of firing says so ("a missile fired by rebels":
    rebels), else ``noun``."""
    if noun is None or noun.lemma_.lower() not in WEAPON_NOUNS:
        return noun
    for c in noun.children:
        if c.dep_ != "acl" or c.tag_ != "VBN":
            continue
        # "fired by rebels", or "believed to be fired by rebels"
        fired = c if c.lemma_.lower() in FIRING_VERBS else next(
            (x for x in c.children if x.dep_ == "xcomp" and x.lemma_.lower() in FIRING_VERBS), None)
        by = agent_of(fired) if fired is not None else None
        if by is not None:
            return by
    return noun


def stative(verb) -> bool:
    """A participle with a copula that states its subject's stance ("is committed to", "is opposed to")."""
    return verb.tag_ == "VBN" and verb.lemma_.lower() in STATIVE_PARTICIPLES and agent_of(verb) is None \
        and any(c.dep_ == "nsubjpass" for c in verb.children)


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and not stative(verb)


# Documents that say things in their author's name: "a declaration demanding", "a statement urging".
# Verbs done to someone, never intransitive: without an object or auxiliary, a headline passive.
HEADLINE_PASSIVES = frozenset({"kill", "wound", "injure", "arrest", "detain", "abduct", "kidnap", "jail",
                               "imprison", "sentence", "execute", "capture", "free", "release", "expel",
                               "deport", "ban", "behead", "torture", "assassinate", "murder", "convict",
                               "indict", "summon", "evacuate", "rescue", "massacre", "slaughter", "shoot"})
# Weapons that may stand for whoever fired them: "a missile fired by rebels downed the plane"; the
# participles that say so ("a bomb spotted by police" or "a missile made by Russia" do not).
FIRING_VERBS = frozenset({"fire", "launch", "shoot", "plant", "detonate", "drop", "lob", "throw", "set",
                          "lay", "trigger", "explode", "fly", "operate", "hurl"})
WEAPON_NOUNS = frozenset({"missile", "rocket", "shell", "mortar", "bomb", "grenade", "drone", "projectile",
                          "bullet", "round", "torpedo", "mine", "device", "explosive"})
# Verbs by which a subject makes a document its own ("issued a statement demanding", "passed a
# resolution condemning"); debating, accepting or rejecting one does not.
AUTHORING_VERBS = frozenset({"issue", "adopt", "pass", "approve", "release", "sign", "send", "deliver", "submit",
                             "present", "table", "draft", "write", "unveil", "publish", "put", "make", "hand",
                             "file", "launch", "endorse", "circulate", "post", "read", "distribute", "carry",
                             "hold", "raise", "wave", "display", "lodge"})
DOCUMENT_NOUNS = frozenset({"declaration", "statement", "communique", "communiqué", "letter", "resolution",
                            "report", "petition", "motion", "appeal", "note", "memorandum", "message", "decree",
                            "banner", "placard", "poster", "bill", "law", "legislation", "order"})
# (a law's own act is its maker's: "signed into law a bill imposing sanctions on Russia", "passed
# legislation imposing sanctions on companies")


def _verbless_root(tok):
    """The noun heading ``tok``'s sentence when the sentence has no verb at its root, else None."""
    root = sentence_of(tok).root
    return root if root.pos_ in ("NOUN", "PROPN") else None


def headline_subject(root):
    """The subject of a headline verb the tagger read as a plural noun and the parser as the head
    of a noun phrase ("Saudi-led coalition | bombs | Houthi rebels"): the nearest noun before it
    that the parser made its modifier, when the root has an object; else None."""
    if root.tag_ not in ("NNS", "VBZ") or headline_object(root) is None:
        return None
    before = [c for c in root.children if c.dep_ in ("compound", "nmod") and c.i < root.i
              and c.pos_ in ("NOUN", "PROPN")
              # (or a country the tagger read as an adjective: "Pakistan | expels | Afghan refugees")
              or c.dep_ == "amod" and c.i < root.i and c.ent_type_ in ("GPE", "ORG")]
    return before[-1] if before else None


def headline_object(root):
    """The object of a headline verb read as a noun: its dobj, or a name the parser set in
    apposition right after it ("Trump blasts | Pelosi over ...")."""
    for c in root.children:
        if c.dep_ == "dobj" or c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == root.i + 1:
            return c
    return None


def misparsed_main_verb(verb) -> bool:
    """Whether participle ``verb``, parsed as a clause on a noun (acl), is the main verb of a
    sentence that has none: it has a direct object and the sentence's root is a noun ("Doctors
    from two aid groups donated ... goods to the school")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and _has_object(verb) and _verbless_root(verb) is not None


# Verbs whose "at" phrase is what they aim at, so that "X shot at Y" is active.
AIMING_VERBS = frozenset({"shoot", "fire", "throw", "hurl", "lob"})


def headline_passive(verb) -> bool:
    """Whether ``verb`` is a passive without its auxiliary, as headlines write it: a past
    participle with a subject, no auxiliary and no object ("Protesters killed in Cairo clashes"), of a
    verb that has no intransitive use (the tagger confuses VBN and VBD either way: "students protested"
    is VBN, "Protesters killed in clashes" VBD). Not in a relative clause ("the men they killed"), nor
    when a verb conjoined to it shares its subject and has an object ("Gunmen shot and killed a
    journalist": the object is both verbs')."""
    return verb.tag_ in ("VBN", "VBD") and verb.dep_ != "relcl" and verb.lemma_.lower() in HEADLINE_PASSIVES \
        and any(c.dep_ == "nsubj" for c in verb.children) and not any(
            c.dep_ in ("aux", "auxpass", "dobj", "dative", "ccomp", "xcomp")
            or c.dep_ == "prep" and c.lower_ == "at" and verb.lemma_.lower() in AIMING_VERBS  # "Police shot at protesters"
            for c in verb.children) and not any(
            c.dep_ == "conj" and c.pos_ == "VERB" and any(g.dep_ == "dobj" for g in c.children)
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in verb.children)


def _has_object(verb) -> bool:
    """Whether ``verb`` or a verb conjoined with it has a direct object."""
    return any(c.dep_ == "dobj" for v in (verb, *(c for c in verb.children if c.dep_ == "conj"))
               for c in v.children)


# Nouns of intending whose infinitive is their holder's act ("has plans to attack", "announced a
# decision to withdraw", "expressed readiness to talk").
def intent_noun(verb):
    """The noun of intention whose complement ``verb`` is ("plans to attack", "no intention of
    negotiating"), or None."""
    if verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.lemma_.lower() in INTENT_NOUNS:
        return verb.head
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "of" \
            and verb.head.head.lemma_.lower() in INTENT_NOUNS:
        return verb.head.head
    return None


INTENT_NOUNS = frozenset({"plan", "intention", "intent", "desire", "wish", "decision", "readiness", "willingness",
                          "determination", "resolve", "commitment", "pledge", "promise", "bid", "attempt", "effort",
                          "move", "threat", "aim", "goal", "ambition", "option"})


def coordinated(head, conj) -> bool:
    """Whether a conjunction or a comma stands between ``head`` and its conjunct ``conj``: without
    one ("jailed a student for helping militants join a group"), the parser joined two verbs that
    are not coordinated, and the second does not share the first one's subject."""
    doc = conj.doc
    lo, hi = sorted((head.i, conj.i))
    return any(doc[k].dep_ in ("cc", "punct", "preconj") for k in range(lo + 1, hi))


# Verbs that announce or put in place a measure named by a noun compound ("announced asset
# freezes", "imposed travel bans", "ordered price cuts").
MEASURE_VERBS = frozenset({"announce", "impose", "order", "approve", "unveil", "introduce", "declare",
                           "propose", "slap", "extend", "adopt", "lift", "end", "ease", "tighten"})


def _compound_read_as_clause(verb, subj) -> bool:
    """Whether ``subj`` + ``verb`` is a plural noun compound the parser read as a clause under a
    verb of announcing a measure: "announced [asset freezes]", a bare singular noun right before a
    present-tense verb in -s, the whole the complement of the measure verb."""
    return (verb.tag_ == "VBZ" and verb.dep_ in ("ccomp", "dobj") and verb.head.lemma_ in MEASURE_VERBS
            and subj.i == verb.i - 1 and subj.tag_ == "NN" and not any(True for _ in subj.children)
            and not any(c.dep_ == "dobj" for c in verb.children))


def _after_dateline(verb, city):
    """The subject of ``verb`` when the parser took the dateline's place ``city`` for it: another
    subject after the dateline ("BAGHDAD, March 3 (Reuters) - Iraqi forces arrested"), or the
    city's apposition ("KABUL (AP) - A Taliban suicide bomber blew himself up"), else None."""
    end = dateline_end(verb.doc)
    after = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.idx >= end), None)
    if after is None:
        after = next((c for c in city.children if c.dep_ == "appos" and c.idx >= end), None)
    return after


def subject_of(verb, _depth: int = 0):
    """The head of the phrase performing ``verb`` (its logical subject), or None."""
    if _depth > 6:
        return None
    if headline_passive(verb):
        return wielder(agent_of(verb))
    subj = _child(verb, SUBJECT_DEPS)
    if subj is not None and subj.idx < dateline_end(verb.doc):
        subj = _after_dateline(verb, subj)
    if subj is not None and _compound_read_as_clause(verb, subj):
        # "the government announced asset freezes": a noun compound the parser read as a clause
        # ("asset" subject of "freezes"); the freezes are the announcer's
        return subject_of(verb.head, _depth + 1)
    if subj is not None:
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return wielder(subj)
    named = next((c for c in verb.children if name_as_aux(c) and c.i < verb.i), None)
    if named is not None:
        return named  # "Theresa May criticised ...": the surname the parser read as a modal
    if verb.pos_ == "NOUN" and verb.dep_ == "ROOT":
        subj = headline_subject(verb)  # "Saudi-led coalition bombs Houthi rebels": the verb read as a noun
        if subj is not None:
            return subj
    if stative(verb):
        return _child(verb, ("nsubjpass",))
    if is_passive(verb):
        return wielder(agent_of(verb))
    head = verb.head
    if head.i == verb.i:
        return _name_as_adverb(verb)
    dep = verb.dep_
    if dep == "advcl" and verb.tag_ == "VBD" and head.dep_ == "ROOT" and head.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass", "mark") for c in head.children) and not any(c.dep_ == "mark" for c in verb.children):
        # "Gunmen linked to Boko Haram abducted 100 girls": a participle the parser took for the
        # main verb; the finite verb hung on it shares its subject
        return _child(head, ("nsubj",))
    if dep == "conj" and not coordinated(head, verb):
        return None  # "jailed a student for helping militants join a group": a conjunct with no "and"
    if dep == "conj" or dep == "acomp":
        # shared subject ("met and signed"); an adjective's subject is its copula's ("is willing to")
        return subject_of(head, _depth + 1)
    # An infinitive attached as advcl is often a mis-parsed xcomp ("welcomes X ... to take part").
    infinitive_advcl = dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if dep == "xcomp" and is_passive(head):
        # raising: "Obama is scheduled to attend", "troops are expected to withdraw"
        pas = _child(head, ("nsubjpass",))
        if pas is not None:
            return pas
    if dep == "xcomp" or (infinitive_advcl and head.lemma_ in OBJECT_CONTROL):
        obj = _child(head, ("dobj",))
        if obj is not None and head.lemma_ in OBJECT_CONTROL:
            return obj
        # "call on X to ...", "appeal to X to ..."
        if head.lemma_ in OBJECT_CONTROL:
            for prep in head.children:
                if prep.dep_ == "prep":
                    pobj = _child(prep, ("pobj",))
                    if pobj is not None:
                        return pobj
        return subject_of(head, _depth + 1)
    if dep == "relcl":
        return verb.head
    if dep == "amod" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        return head  # "protesting school teachers": the teachers protest
    if verb.tag_ == "VBG" and not any(True for _ in verb.children):
        # "as protesting school teachers continue ...": a bare participle the parser left on a
        # preposition modifies the subject noun phrase that follows it
        after = _stray_object(verb.doc, verb.i)
        if after is not None:
            return after
    intent = intent_noun(verb) if dep == "pcomp" else None
    if intent is not None and intent.dep_ == "dobj" and intent.head.lemma_ == "have":
        return subject_of(intent.head, _depth + 1)  # "Tehran had no intention of negotiating": Tehran
    if dep == "acl":
        # "troops marching through" (active participle) -> troops; "a parade attended by Xi" -> Xi
        if verb.tag_ == "VB" and head.lemma_.lower() in INTENT_NOUNS and head.dep_ in ("dobj", "attr") \
                and head.head.pos_ in ("VERB", "AUX") and not any(
                    c.dep_ in ("poss", "prep") or c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children):
            # (not "blocked an EU decision to provide aid": the EU's decision)
            return subject_of(head.head, _depth + 1)  # "Russia has no plans to attack": Russia would attack
        if verb.tag_ == "VBN":
            if misparsed_main_verb(verb):
                return _verbless_root(verb)  # "Doctors from two aid groups donated ... goods": the doctors
            return agent_of(verb)
        if head.lemma_.lower() in DOCUMENT_NOUNS:
            # "issued a declaration demanding that ...": the document's author demands
            author = _child(head, ("poss",))
            if author is None:  # "a UN resolution calling for ...": the UN's
                author = next((c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
            if author is None and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX") and (
                    head.head.lemma_.lower() in AUTHORING_VERBS and verb.tag_ == "VBG"
                    and not (head.lemma_.lower() == "letter" and head.head.lemma_.lower() == "publish")
                    or verb.tag_ == "VB"):
                # the document's own act ("issued a statement urging ...") is its author's, not that of
                # who debates or accepts it; what a call asks for ("dismissed an appeal to lay down
                # their arms") is asked of the one who answers it
                author = subject_of(head.head, _depth + 1)
            if author is None and head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
                author = subject_of(head.head.head, _depth + 1)  # "Hamas said in a statement demanding ..."
            return author
        return verb.head
    if dep == "advcl" and verb.tag_ == "VBG" and verb.i > sentence_of(verb).start and verb.doc[verb.i - 1].text == ",":
        # a trailing participle clause modifies the main clause of its report: "X said ..., drawing a
        # rebuke" (X drew it), "a camp was attacked by militiamen, killing 100, the UN said" (they killed)
        main = _main_clause(head)
        if main is not verb and main.lemma_ == "be" and main.dep_ in ("ccomp", "parataxis") \
                and main.head.lemma_ in SPEECH_VERBS and any(c.dep_ in ("attr", "acomp") for c in main.children):
            # "Abbas said Jerusalem was the capital of Palestine, rejecting the decision": a copula
            # reported does nothing; the participle is the reporter's act
            return subject_of(main.head, _depth + 1)
        if main is not verb:
            return subject_of(main, _depth + 1)
    if dep in ("advcl", "pcomp") and verb.tag_ in ("VBG", "VBN", "VB"):
        gov = head.head if dep == "pcomp" else head
        return subject_of(gov, _depth + 1)
    return _name_as_adverb(verb)


# Entity types of a name that can perform an act.
PERFORMER_ENTS = frozenset({"ORG", "GPE", "NORP", "PERSON"})


def _name_as_adverb(verb):
    """A name the parser read as an adverb of a finite verb that has no subject ("USAID announced a
    suspension of aid": "USAID" tagged ADV): it is the subject. None otherwise."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    return next((c for c in verb.lefts if c.dep_ in ("advmod", "npadvmod") and c.ent_type_ in PERFORMER_ENTS
                 and c.ent_iob_ == "B"), None)


def object_of(verb):
    """The logical direct object of ``verb`` (the passive subject for passives)."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not misparsed_main_verb(verb):
        return verb.head
    if headline_passive(verb):
        return _child(verb, ("nsubj",))
    if verb.dep_ == "relcl":
        subj = _child(verb, SUBJECT_DEPS)
        obj = _child(verb, OBJECT_DEPS)
        if subj is not None and (obj is None or obj.lower_ in RELATIVE_PRONOUNS):
            return verb.head
    pas = _child(verb, ("nsubjpass",))
    if pas is not None and not stative(verb):
        if pas.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head  # "Iran, which has been accused by Israel of arming Hezbollah": Iran
        return pas
    if pas is None and verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children):
        # "the activists were arrested and later released by police": a passive sharing the subject
        shared = _child(verb.head, ("nsubjpass", "nsubj"))
        if shared is not None and shared.lower_ not in RELATIVE_PRONOUNS:
            return shared
    obj = _child(verb, ("dobj", "dative"))
    if obj is not None and obj.lower_ not in RELATIVE_PRONOUNS:
        return obj
    if verb.pos_ == "NOUN" and verb.dep_ == "ROOT" and headline_subject(verb) is not None:
        return headline_object(verb)  # "Hollande hosts | Merkel in Paris": the parser's apposition
    # "gave Ukraine aid": the dative may come as a second object
    return named_object(verb) or participle_object(verb) or _raised_object(verb)


def _raised_object(verb):
    """The object a verb shares with the verb conjoined right after it ("gunmen shot and killed a
    journalist", "attacked and looted the embassy"): nothing but the conjunction follows ``verb``, and
    the conjoined verb has an object and no subject of its own. None otherwise."""
    right = [c for c in verb.children if c.i > verb.i and c.dep_ != "punct"]
    if len(right) != 2 or {c.dep_ for c in right} != {"cc", "conj"}:
        return None
    conj = next(c for c in right if c.dep_ == "conj")
    if conj.pos_ != "VERB" or any(c.dep_ in SUBJECT_DEPS for c in conj.children):
        return None
    obj = _child(conj, ("dobj",))
    return obj if obj is not None and obj.lower_ not in RELATIVE_PRONOUNS else None


def participle_object(verb):
    """The object the parser made the subject of a participle clause ("will not accept any
    Rohingya refugees fleeing the violence": "refugees" as the subject of a ccomp "fleeing"), or None."""
    tab = token_table(verb.doc)
    dep, kids = tab.dep, tab.children
    for c in kids[verb.i]:
        if dep[c] == "ccomp" and tab.tag[c] == "VBG" and not any(dep[g] in ("aux", "mark") for g in kids[c]):
            subj = next((g for g in kids[c] if dep[g] == "nsubj"), None)
            if subj is not None and subj > verb.i and tab.pos[subj] in ("NOUN", "PROPN"):
                return verb.doc[subj]
    return None


# Verbs that name what they talk about: "condemned what he described as India's aggression".
NAMING_VERBS = frozenset({"describe", "call", "term", "label", "dub", "characterize", "characterise", "brand"})


def named_object(verb):
    """The thing a "what" clause names as the object of ``verb``: "condemned what he described as
    India's unprovoked aggression" (aggression), "denounced what it called a provocation by Ukraine"
    (provocation); None without such a clause."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.lemma_.lower() not in NAMING_VERBS:
            continue
        if not any(g.dep_ == "dobj" and g.lower_ == "what" for g in c.children):
            continue
        named = prep_object([c], ("as",))
        if named is None:
            named = next((g for g in c.children if g.dep_ in ("dobj", "oprd") and g.lower_ != "what"), None)
        return named
    return None


# Verbs whose "for"/"of" + gerund complement names what someone is blamed, punished or praised for:
# the act is the charge ("jailed a student for helping militants"), not an event the subject performed.
CHARGE_VERBS = frozenset({"accuse", "charge", "convict", "jail", "imprison", "sentence", "arrest", "detain",
                          "blame", "condemn", "criticize", "criticise", "punish", "fine", "indict", "prosecute",
                          "try", "suspect", "praise", "thank", "reward", "commend", "honor", "honour", "sanction",
                          "expel", "deport", "execute", "hang", "apologize", "apologise", "forgive", "pardon",
                          "denounce", "rebuke", "reprimand", "slam", "fault", "investigate", "probe", "sue",
                          "want", "laud", "hail", "applaud", "salute", "congratulate"})  # ("wanted for hacking", "lauded for hosting")


def is_charge(tok) -> bool:
    """Whether verb ``tok`` is (conjoined with) the gerund a charge verb is "for" / "of"."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return (t.dep_ == "pcomp" and t.head.lower_ in ("for", "of", "over")
            and t.head.head.lemma_.lower() in CHARGE_VERBS)


# Nouns of prohibition: what they are "on" or "against" is not done ("the ban on doing business").
BAN_NOUNS = frozenset({"ban", "embargo", "moratorium", "prohibition", "restriction", "curb", "limit", "freeze",
                       "sanction", "veto", "bar"})


def is_banned_act(tok) -> bool:
    """Whether verb ``tok`` is (conjoined with) the gerund a prohibition is on: "lift the ban on
    doing business with ZTE", "a moratorium on building settlements"."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pcomp" or t.head.lower_ not in ("on", "against", "of"):
        return False
    holder = t.head.head
    # (the "on" phrase may hang on the verb of the ban: "will not lift the ban | on doing business")
    return holder.lemma_.lower() in BAN_NOUNS or holder.pos_ == "VERB" and t.head.lower_ == "on" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in BAN_NOUNS for c in holder.children)


def condition_subject(verb):
    """The subject of an "if"/"unless" clause on ``verb`` or on its infinitive complement
    ("threatened to strike if Israel attacks": Israel), or None."""
    for head in (verb, *[c for c in verb.children if c.dep_ == "xcomp"]):
        for clause in head.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                              for m in clause.children):
                subj = subject_of(clause)
                if subj is not None:
                    return subj
    return None


def prep_object(heads, preps):
    """The object of the first preposition in ``preps`` attached to any of ``heads``."""
    if not heads:
        return None
    doc = heads[0].doc
    tab = token_table(doc)
    dep, lower, children = tab.dep, tab.lower, tab.children
    for prep in preps:
        for h in heads:
            for c in children[h.i]:
                if lower[c] == prep and (dep[c] in ("prep", "agent", "dative") or dep[c] == "prt" and any(
                        dep[g] == "pobj" for g in children[c])):  # "called on | Jammeh", "on" as a particle
                    for g in children[c]:
                        if dep[g] in ("pobj", "pcomp"):
                            return doc[g]
                    if not children[c]:
                        stray = _stray_object(doc, c)
                        if stray is not None:
                            return stray
                # "set a deadline for Iran to respond": "for" marks a clause whose subject is the object
                if prep == "for" and dep[c] in FOR_CLAUSE_DEPS and any(
                        dep[m] == "mark" and lower[m] == prep for m in children[c]):
                    for g in children[c]:
                        if dep[g] == "nsubj":
                            return doc[g]
                        if dep[g] == "mark" and lower[g] == prep:  # (or the parser's pobj of "for")
                            for o in children[g]:
                                if dep[o] == "pobj":
                                    return doc[o]
    return None


FOR_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp"})


def _stray_object(doc, prep: int):
    """The noun phrase right after a preposition left without its object, which the parser made
    the subject of a following clause ("granted asylum to | five officers holed up in ...")."""
    nxt = prep + 1
    if nxt >= len(doc) or sentence_of(doc[nxt]).start > prep:
        return None
    tok = doc[nxt]
    while tok.head.i != tok.i and tok.dep_ in ("nummod", "amod", "compound", "det", "poss", "quantmod"):
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN") and tok.left_edge.i == nxt:
        return tok
    return None


def argument_head(tok):
    """The phrase head standing for an argument: a clause ("about whether the parade would ...") stands
    for its subject."""
    if tok is not None and tok.pos_ in ("VERB", "AUX") and not name_as_aux(tok):
        return subject_of(tok)  # (a name read as a modal is itself the head: "Theresa May")
    if tok is not None and tok.pos_ == "ADP" and tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_:
        # a first name the tagger took for a preposition ("Barack Obama and Vladimir Putin will meet":
        # "Barack" the subject, "Obama" its object): the name's last word heads the phrase
        named = next((c for c in tok.children if c.dep_ == "pobj" and c.ent_type_ == tok.ent_type_), None)
        return named if named is not None else tok
    return tok


def noun_governor(noun):
    """The verb a nominal trigger depends on as object ("held *talks*" -> held), or None."""
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        holder = noun.head.head
        if holder.pos_ == "VERB":
            return holder
        # "took part in the strikes", "played a role in the attack": the verb behind the object;
        # "announced $33 million in assistance", "pledged 5,000 tons of food aid": the amount's verb
        if holder.dep_ in ("dobj", "attr") and holder.head.pos_ == "VERB" and (
                holder.lemma_ in ROLE_NOUNS or noun.head.lower_ in ("in", "of") and is_amount(holder)
                or holder.lemma_.lower() in EPISODE_NOUNS and noun.head.lower_ == "of"):
            return holder.head  # (and "held a fresh round of talks": the rounds are the talks)
    return None


# Nouns that count the sittings of what their "of" phrase names: "a new round of talks".
EPISODE_NOUNS = frozenset({"round", "series"})


def episode_of(noun):
    """The noun counting the sittings of ``noun`` ("a new *round* of talks" -> round), else None."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in EPISODE_NOUNS:
        return noun.head.head
    return None


# "died of torture", "died as a result of the beating", "succumbed to injuries from the shelling"
DEATH_VERBS = frozenset({"die", "succumb", "perish"})
CAUSE_PREPS = frozenset({"of", "from", "after", "following", "due", "because", "as", "in", "during", "to",
                         "under", "through"})
CAUSE_NOUNS = frozenset({"result", "consequence", "injury", "wound", "effect", "complication"})


CUSTODY_NOUNS = frozenset({"custody", "detention", "prison", "jail", "cell", "captivity"})


def death_from(noun):
    """The verb of dying whose cause is the violent act ``noun`` ("the prisoner *died* as a result
    of torture"), else None."""
    t = noun
    for _ in range(6):
        h = t.head
        if h.i == t.i:
            return None
        if h.lemma_.lower() in DEATH_VERBS and h.pos_ == "VERB":
            return h if t.dep_ == "prep" and t.lower_ in CAUSE_PREPS else None
        if t.dep_ in ("pobj", "pcomp", "prep", "conj") or t.lemma_.lower() in CAUSE_NOUNS:
            t = h
            continue
        return None
    return None


def custody_of(verb):
    """The "custody" phrase a death happened in ("died ... while in Israeli police custody"), whose
    holder is answerable for it, else None."""
    for prep in verb.children:
        if prep.dep_ in ("prep", "advcl") and prep.lower_ in ("in", "under"):  # ("while in": advcl)
            pobj = _child(prep, ("pobj",))
            if pobj is not None and pobj.lemma_.lower() in CUSTODY_NOUNS:
                return pobj
    return None


# Objects through which a verb takes part in an event noun ("took part in", "played a role in").
ROLE_NOUNS = frozenset({"part", "role", "hand"})
AMOUNT_NOUNS = counts.words("amounts")


def is_amount(tok) -> bool:
    """An amount of money or goods ("$33 million", "5,000 tons", "a package")."""
    return tok.ent_type_ in ("MONEY", "QUANTITY") or tok.lemma_.lower() in AMOUNT_NOUNS


# Means named in a "by" phrase, which are not who acted: "killed by a truck bomb".
BY_MEANS = frozenset({"bomb", "blast", "explosion", "device", "mine", "missile", "rocket", "shell", "strike",
                      "airstrike", "attack", "grenade", "bullet", "fire", "shelling"})


def noun_source(noun):
    """The performer of a nominal event: possessor, "by" phrase (also when the parser hung it on
    the "of" object: "the arrest of the activist by Malaysian police"), or actor modifier head."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    by = prep_object([noun], ("by",))
    if by is None:
        acted_on = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]
        by = prep_object(acted_on, ("by",)) if acted_on else None
    if by is not None:
        return None if by.lemma_.lower() in BY_MEANS else by
    return responsible_for(noun)


RESPONSIBLE_ADJECTIVES = frozenset({"responsible", "accountable", "culpable", "guilty"})


def responsible_for(noun):
    """Who the sentence holds answerable for the event ``noun`` ("the government is responsible for
    mass killings", "Hamas was behind the attacks"), else None."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "killings and other atrocities"
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    holder = prep.head
    if prep.lower_ == "for" and holder.lemma_.lower() in RESPONSIBLE_ADJECTIVES and holder.dep_ in ("acomp", "amod"):
        return subject_of(holder.head) if holder.dep_ == "acomp" else holder.head
    if prep.lower_ == "behind" and holder.lemma_ == "be":
        return subject_of(holder)
    return None


def noun_modifiers(noun):
    """Adjective and compound modifiers that may name the performer ("Israeli air strikes"); not
    one an affiliation word makes what the act is against or for ("anti-government protests",
    "pro-Russia rallies"; see :func:`newsevents.actors.resolver.affiliation`)."""
    tab = token_table(noun.doc)
    return [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
            and not affiliation(tab, [c.i])]


# Prepositions whose object may be an event's target when the pattern names none: "offered to
# hand over to Britain", "set up a centre in Tokyo", "evacuated the wounded from Gorazde".
FALLBACK_TARGET_PREPS = ("to", "with", "against", "for", "on", "toward", "towards", "into", "from", "in", "at")
LOCATIVE_TARGET_PREPS = frozenset({"in", "at"})
# Complement verbs searched for a target ("agreed to provide aid for Romania").
COMPLEMENT_DEPS = ("xcomp", "ccomp")


# Statements take an addressee at most ("said to X", "spoke with X"), never a place or the subject
# of what was said.
STATEMENT_TARGET_PREPS = ("to", "with")


def _purpose(clause) -> bool:
    """An infinitive of purpose: "provided $2 billion to support Syrian refugees"."""
    return clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


# Possessive pronouns and the subject pronoun each stands for ("their forces": "they").
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she", "our": "we"}


def own_phrase(tok) -> bool:
    """Whether the phrase ``tok`` is the performer's own ("its troops", "their ambassador")."""
    return any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in tok.children)


def party_object(heads, preps):
    """:func:`prep_object` for a party: a date under one of ``preps`` ("fired at it ... on Tuesday")
    gives way to the object of another of them when there is one."""
    found = prep_object(heads, preps)
    if found is not None and found.ent_type_ in ("DATE", "TIME"):
        other = prep_object(heads, tuple(q for q in preps if q != found.head.lower_))
        return other if other is not None else found
    return found


def _near_words(heads) -> set[str]:
    """The lower-cased words of the dependents of ``heads`` and of their dependents."""
    if not heads:
        return set()
    tab = token_table(heads[0].doc)
    kids, lower = tab.children, tab.lower
    return {lower[g] for h in heads for c in kids[h.i] for g in (c, *kids[c])}


def fallback_target(trigger, actor, source_code, *, statement: bool = False, preps=None, use_object: bool = True):
    """The nearest resolvable actor in the trigger's object, complements or prepositional phrases.

    Used only when the pattern itself found no target; returns the head token or None. ``preps``
    replaces the prepositions searched (default ``FALLBACK_TARGET_PREPS``); without ``use_object``
    the verb's object is no candidate (a meeting's object is the meeting, "attend a summit on X").
    ``actor(tok)`` resolves a token; actors with the source's code are skipped.
    """
    def ok(tok):
        if tok is None or own_phrase(tok):
            return False
        if tok.lemma_.lower() in WEAPON_NOUNS and (tok.dep_ == "dobj" or tok.dep_ == "pobj" and tok.head.head.dep_ == "dobj"):
            # what is fired is no target: "fired 40 missiles at Kyiv" (the phrase holds Kyiv), "fired
            # dozens of artillery shells onto an island"
            return False
        a = actor(tok)
        return a is not None and a.code != source_code

    if statement:
        return prep_object([trigger], STATEMENT_TARGET_PREPS)
    own_country = source_code[:3] if source_code else None
    frontier = [trigger]
    for _ in range(2):
        nxt = []
        for head in frontier:
            obj = object_of(head) if head.pos_ in ("VERB", "AUX") else None
            holders = [head] + ([obj] if obj is not None else [])
            # "agreed to a ceasefire with the rebels": the phrase under the preposition holds the target
            searched = preps or FALLBACK_TARGET_PREPS
            # (not under a preposition left out: "a summit on the unrest in Iran")
            skipped = set(FALLBACK_TARGET_PREPS) - set(searched)
            holders += [g for c in head.children if c.dep_ == "prep" and c.lower_ not in skipped
                        for g in c.children if g.dep_ == "pobj"]
            # (the words a preposition of prep_object can be: the holders' dependents, and theirs for
            # a "for" clause; the prepositions not among them are not tried)
            words = _near_words(holders)
            # a party under a preposition first ("agreed to provide aid for Romania"), then an
            # object of another country ("to strike US bases in Guam": the US bases), then a place
            # ("to help flood victims in Pakistan"), then any other object
            for prep in (q for q in searched if q not in LOCATIVE_TARGET_PREPS and q in words):
                cand = prep_object(holders, (prep,))
                if ok(cand):
                    return cand
            obj_ok = use_object and obj is not None and ok(obj)
            if obj_ok and actor(obj).country not in (None, own_country):
                return obj  # (not the performer's own nationals: "protect Russian speakers in Ukraine")
            for prep in (q for q in searched if q in LOCATIVE_TARGET_PREPS and q in words):
                cand = prep_object(holders, (prep,))
                if ok(cand):
                    return cand
            if obj_ok:
                return obj
            nxt.extend(c for c in head.children if c.dep_ in COMPLEMENT_DEPS or _purpose(c))
        frontier = nxt
    return None
