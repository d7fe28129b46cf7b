"""Factuality of an event: asserted, reported, planned, hypothetical or negated.

Decided from the trigger's clause in the dependency tree: negation ("did not
attend", "refused to"), modality and future ("will", "plans to", "could", "is
likely to"), questions and conditionals, and reported speech ("X said that ...",
"according to X"). Negated events are kept, not dropped, so users can filter.
"""

from __future__ import annotations

from ..nlp import name_as_aux, sentence_of, token_table

# Verbs whose infinitive complement did not happen: "refused to attend".
NEGATING_VERBS = frozenset({"refuse", "decline", "fail", "reject", "deny", "avoid", "cancel", "stop", "halt",
                            "postpone", "abandon", "call off", "forgo", "neglect"})
# Verbs (and adjectives) whose complement is in the future: "plans to visit", "is set to sign".
PLANNING_WORDS = frozenset({"plan", "intend", "schedule", "prepare", "aim", "expect", "set", "hope", "hop", "want",
                            "seek", "vow", "pledge", "promise", "agree", "decide", "propose", "offer",
                            "threaten", "invite", "welcome", "due", "poise", "scheduled", "ready", "go", "willing",
                            "prepared", "determined", "eager", "intent"})
HYPOTHETICAL_WORDS = frozenset({"likely", "unlikely", "possible", "may", "might", "could", "would", "should",
                                "can", "consider", "mull", "weigh", "probable"})
# Verbs of permission: what they allow is not thereby done ("allowed aid convoys to enter Madaya";
# the permission itself is the event, 08x).
PERMITTING_VERBS = frozenset({"allow", "enable", "permit", "let"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_AUX = frozenset({"could", "might", "may", "would", "should", "can", "ca", "must"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
SPEECH_VERBS = frozenset({"say", "tell", "report", "announce", "claim", "state", "add", "declare", "write",
                          "allege", "note", "insist", "argue", "explain", "confirm", "quote", "suggest"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})


def _infinitive_advcl(t) -> bool:
    """An infinitive hung on a verb as advcl ("welcomes X to take part"): a complement in disguise."""
    return t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def clause_chain(token):
    """The trigger and the verbs above it through xcomp/conj links (its own clause chain)."""
    chain = [token]
    t = token
    while (t.dep_ in ("xcomp", "conj", "pcomp") or _infinitive_advcl(t)) and t.head.i != t.i:
        t = t.head
        chain.append(t)
    return chain


def reporter(token):
    """The speech verb governing ``token``'s clause ("said" in "X said Y attacked Z"), or None."""
    doc = token.doc
    tab = token_table(doc)  # (the walk up is read off the table: no Token objects but the answer)
    dep, head, lemma = tab.dep, tab.head, tab.lemma

    def speech(i: int) -> bool:  # (the table's lemmas are lower-cased; the Token is asked when one fits)
        return lemma[i] in SPEECH_VERBS and doc[i].lemma_ in SPEECH_VERBS

    t = token.i
    for _ in range(6):
        d, h = dep[t], head[t]
        if d in ("ccomp", "parataxis") and speech(h) and not _declares_a_state(doc[h]):
            return doc[h]
        if d == "conj" and speech(h):
            return None  # "claimed the attack and apologised": coordinated with the speech act, not said
        if d in ("relcl", "acl") and dep[h] in ("nsubj", "nsubjpass") and speech(head[h]):
            return None  # "Hun Sen, who visited Beijing last week, said ...": told of the speaker, not by him
        if h == t or d == "ROOT":
            if speech(t) and t != token.i and not _declares_a_state(doc[t]):
                return doc[t]
            return None
        # the speech verb may be the head of a clause this one hangs on: "China invited ..., the ministry said"
        t = h
    return None


# What "declare" puts in force rather than says: "declared a state of emergency", "declared war".
DECLARED_STATES = frozenset({"emergency", "state", "war", "ceasefire", "truce", "curfew", "law", "independence",
                             "victory", "holiday", "mourning"})


def _declares_a_state(verb) -> bool:
    """Whether ``verb`` declares a state of affairs (an act, not a statement): "declared a state of
    emergency ahead of a march" does not report the march."""
    return verb.lemma_ == "declare" and any(c.dep_ == "dobj" and c.lemma_.lower() in DECLARED_STATES
                                            for c in verb.children)


# Verbs whose "against" + gerund is advised not to be done: "warned against scrapping the deal".
ADVISING_VERBS = frozenset({"warn", "caution", "advise", "argue", "counsel", "vote", "campaign", "lobby", "speak"})


# Verbs whose "that" clause is wanted, not done: "demanded that Germany lift the ban".
DEMANDING_VERBS = frozenset({"demand", "urge", "ask", "insist", "call", "request", "propose", "suggest",
                             "recommend", "want", "wish", "hope", "hop", "require", "order"})
# (en_core_web_sm lemmatizes "hoped" as "hop": read as "hope" wherever hope is listed)


# Nouns whose clause is wanted, not done: "the demand that Israel ease restrictions".
DEMANDING_NOUNS = frozenset({"demand", "call", "request", "appeal", "plea", "ultimatum", "proposal", "proposition",
                             "suggestion", "recommendation", "order", "insistence", "reminder", "urging",
                             "hope", "wish"})


# Verbs that ask for the event a noun names: "called for talks", "pressed for sanctions" (with "for");
# "demanded a ceasefire", "sought talks" (also as the object).
ASKING_FOR = frozenset({"call", "appeal", "press", "push", "ask", "plead", "lobby", "campaign", "demand",
                        "request", "seek", "urge", "want", "wish", "hope", "hop", "pray", "clamour", "clamor"})
# Verbs that announce the event a noun names ("agreed to talks", "proposed a summit", "pledged aid");
# not "offer", which also performs it ("offered condolences").
ANNOUNCING_FOR = frozenset({"plan", "intend", "schedule", "propose", "agree", "pledge", "promise", "vow",
                            "threaten", "prepare", "expect", "anticipate"})
ASKING_OBJECT = frozenset({"demand", "request", "seek", "urge", "want", "wish"})
APPEALING_VERBS = frozenset({"appeal", "press", "push", "pressure", "implore", "beg", "tell", "advise", "urge",
                             "call", "ask", "order", "encourage", "direct", "instruct", "command"})


# Verbs that deny a clause or a claim: "denied that its troops had shelled", "rejected accusations
# that its forces attacked" (the speaker says it did not happen).
DENYING_VERBS = frozenset({"deny", "refute", "reject", "dismiss", "rebut", "rebuff", "disprove", "contest"})
CLAIM_NOUNS = frozenset({"report", "claim", "allegation", "accusation", "charge", "rumour", "rumor", "suggestion",
                         "assertion", "speculation", "story"})


def _denied(top) -> bool:
    """Whether the clause ``top`` is what a denial denies: the "that" clause of "deny", or the clause
    of a claim a denial rejects ("dismissed claims that soldiers killed civilians")."""
    if top.dep_ in ("ccomp", "xcomp", "pcomp") and top.head.lemma_ in DENYING_VERBS \
            and top.head.lemma_ not in ("reject", "dismiss"):
        return True  # "denied that its troops shelled", "denied being behind the attack"
    if top.dep_ in ("acl", "ccomp") and top.head.lemma_ in CLAIM_NOUNS:
        claim = top.head
        while claim.dep_ == "conj" and claim.head.i != claim.i:
            claim = claim.head
        return claim.dep_ in ("dobj", "nsubjpass") and claim.head.lemma_ in DENYING_VERBS
    return False


# Words of having a part in an act ("was behind", "responsibility for", "involvement in").
PART_WORDS = frozenset({"be", "responsibility", "involvement", "role", "hand", "part", "link", "complicity",
                        "responsible", "involved"})


def _denied_noun(noun) -> bool:
    """Whether event noun ``noun`` is what a denial says its subject had no part in ("denied that it
    was behind the attack", "denied being behind the attack", "denied responsibility for the
    attack"); not any noun in a denied clause ("denied that the talks had ended")."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("behind", "for", "in") \
            or noun.head.head.lemma_.lower() not in PART_WORDS:
        return False
    t = noun
    for _ in range(3):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return any(_denied(c) for c in clause_chain(t))
    return False


def _headline_future(verb) -> bool:
    """The headline future "X to V" ("Bush to meet Putin in Slovenia", "Xi to visit Moscow next week,
    Kremlin says"): an infinitive with a subject and no verb above it, or hung by the parser on the
    name right before its "to"."""
    if verb.dep_ not in ("ROOT", "relcl", "acl") or verb.pos_ not in ("VERB", "AUX"):
        return False
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return False
    if verb.dep_ == "ROOT":
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return verb.dep_ in ("relcl", "acl") and verb.head.i == to.i - 1 and verb.head.pos_ == "PROPN" \
        and verb.head.i == sentence_of(verb).start


# Verbs that stop a text from being adopted.
BLOCKING_VERBS = frozenset({"block", "veto", "reject", "defeat", "oppose", "kill", "scuttle", "thwart", "stall",
                            "shelve", "withdraw", "scrap", "drop", "dismiss", "rebuff"})


def _document_verb(anchor):
    """The verb adopting or issuing the document whose participle ``anchor`` is ("passed a motion
    condemning ..."), or None."""
    if anchor.dep_ != "acl" or anchor.tag_ != "VBG":
        return None
    from .arguments import DOCUMENT_NOUNS  # (arguments imports this module)

    doc = anchor.head
    if doc.lemma_.lower() not in DOCUMENT_NOUNS or doc.dep_ not in ("dobj", "nsubjpass"):
        return None
    return doc.head if doc.head.pos_ in ("VERB", "AUX") else None


def _asked_for(noun, verb) -> str | None:
    """"hypothetical" for an event noun that a verb asks for ("called for talks", "demanded a
    ceasefire", "appealed for an end to the violence"), "planned" for one it announces ("agreed to
    talks", "proposed a summit", "threatened a boycott"); None otherwise. The noun must be the
    verb's object or the object of its "for"/"to" (a noun a verb merely names is not: "called the
    attack a crime")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.head.i == verb.i and noun.dep_ in ("dobj", "nsubjpass"):
        link = "obj"
    elif noun.dep_ == "pobj" and noun.head.head.i == verb.i and noun.head.lower_ in ("for", "to"):
        link = noun.head.lower_
    elif noun.dep_ == "pobj" and noun.head.lower_ in ("of", "in") and noun.head.head.dep_ == "dobj" \
            and noun.head.head.head.i == verb.i:
        link = "obj"  # an amount of it: "pledged 5,000 tons of food aid"
    else:
        return None
    lemma = verb.lemma_.lower()
    if lemma in ASKING_FOR and (link == "for" or link == "obj" and lemma in ASKING_OBJECT):
        return "hypothetical"
    if lemma in ANNOUNCING_FOR:
        return "planned"
    return None


def _demanded(token) -> bool:
    """Asked for, not done: the clause of a demand ("demanded that X lift"), or an infinitive
    hung on the addressee of an appeal ("appealed to the government to release ...")."""
    t = token
    for _ in range(3):
        if t.dep_ == "ccomp" and t.head.lemma_ in DEMANDING_VERBS:
            return True
        if t.dep_ not in ("conj", "xcomp"):
            break
        t = t.head
    if token.dep_ in ("acl", "ccomp") and token.head.lemma_ in DEMANDING_NOUNS:
        return True  # "its demand that Israel ease restrictions", "a call for talks to resume"
    if token.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.lemma_ in DEMANDING_NOUNS for c in token.head.children) \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
        return True  # "reiterated its demand today that Israel ease ...": the clause hangs on the verb
    if stray_appeal(token) is not None:
        return True
    if token.dep_ in ("xcomp", "acl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        holder = token.head
        verb = holder.head.head if holder.dep_ == "pobj" else holder.head
        return verb.lemma_ in DEMANDING_VERBS | APPEALING_VERBS
    return False


ASKING_VERBS = DEMANDING_VERBS | APPEALING_VERBS


def stray_appeal(token):
    """The appeal an infinitive belongs to when the parser hung it higher up ("issued a statement
    urging North Korea | to comply ...", "to comply" on "issued"): an appealing verb between the
    infinitive's head and it, whose object ends right before "to"; else None."""
    if not _infinitive_advcl(token) or token.head.i > token.i:
        return None
    to = min(c.i for c in token.children if c.dep_ == "aux" and c.lower_ == "to")
    for v in token.doc[token.head.i + 1:to]:
        if v.lemma_ in ASKING_VERBS and any(
                c.dep_ == "dobj" and c.right_edge.i == to - 1 for c in v.children):
            return v
    return None


QUESTION_KEY = "newsevents.questions"


def is_question(sent) -> bool:
    """The sentence ends with a question mark (closing quotes and brackets aside); asked for each
    event of a sentence, answered once per sentence."""
    memo = sent.doc.user_data.setdefault(QUESTION_KEY, {})
    found = memo.get(sent.start)
    if found is None:
        found = False
        for tok in reversed(sent):
            if tok.text == "?":
                found = True
                break
            if not (tok.is_quote or tok.is_bracket or tok.is_space):
                break
        memo[sent.start] = found
    return found


def according_to(sent):
    """The "according to X" phrase head in the sentence, if any."""
    if "according" not in token_table(sent.doc).lower[sent.start:sent.end]:
        return None  # (asked for many events of a sentence: the plain column answers most at once)
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            for child in tok.doc[tok.i + 1].children:
                if child.dep_ == "pobj":
                    return child
    return None


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Verbs after which "would" is the future of a past statement: "said it would hold rallies".
ANNOUNCING_VERBS = SPEECH_VERBS | frozenset({"warn", "vow", "pledge", "promise", "indicate", "signal", "decide",
                                             "agree", "threaten"})


def _conditioned(word) -> bool:
    """Whether ``word`` (or the copula it completes: "would be ready ... if") has an if/unless clause."""
    holders = [word] + ([word.head] if word.dep_ in ("acomp", "attr") else [])
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
               for h in holders for c in h.children)


def _future_in_past(chain) -> bool:
    """Whether "would" on ``chain`` is the future of a past statement ("Beijing said it would send a
    delegation": planned, as "will" is), not a conditional ("would strike if attacked", "said it
    would be a mistake to ...", under a present "says it would"): the chain's top clause is the
    complement of a past verb of saying or announcing, and nothing on the chain is conditioned."""
    top = chain[-1]
    if top.dep_ not in ("ccomp", "parataxis") or top.head.lemma_ not in ANNOUNCING_VERBS \
            or top.head.tag_ not in ("VBD", "VBN"):
        return False
    return not any(_conditioned(t) for t in chain) and not any(
        c.dep_ == "acomp" or c.dep_ == "attr" for t in chain if t.lemma_ == "be" for c in t.children)


def _own_scope(chain: list) -> list:
    """``chain`` cut where a finite verb hangs as a conjunct on an infinitive or gerund: "refused to
    release Bazoum and expelled the ambassador", "did not attend the talks and instead hosted ...":
    the parser joined the second verb to the complement, but it is a peer of the verb above,
    outside the refusal or negation."""
    for k in range(1, len(chain)):
        prev, t = chain[k - 1], chain[k]
        if prev.dep_ == "conj" and prev.tag_ in FINITE_TAGS and t.tag_ in ("VB", "VBG"):
            return chain[:k]
    return chain


# Spans of time given as a deadline ("gave the rebels 48 hours to surrender") and the nouns of one.
DEADLINE_SPANS = frozenset({"hour", "day", "week", "month"})
DEADLINE_NOUNS = frozenset({"ultimatum", "deadline"})


def _deadline_given(verb) -> bool:
    """Whether ``verb`` gives someone a deadline ("gave Qatar ten days", "gave the rebels an
    ultimatum"): the infinitive it governs is what they must do, not done."""
    return verb.lemma_ == "give" and any(
        c.dep_ in ("npadvmod", "dobj") and c.lemma_ in DEADLINE_SPANS and any(n.dep_ == "nummod" for n in c.children)
        or c.dep_ == "dobj" and c.lemma_ in DEADLINE_NOUNS for c in verb.children)


def factuality(trigger, *, noun_head=None) -> str:
    """Classify the event expressed by ``trigger`` (a verb, or a noun under ``noun_head``)."""
    anchor = noun_head if noun_head is not None else trigger
    chain = _own_scope(clause_chain(anchor))
    doc = anchor.doc
    tab = token_table(doc)  # (the dependents of the chain are read off the table: no Token objects)
    dep, lower, kids = tab.dep, tab.lower, tab.children
    chain_kids = [(t, kids[t.i]) for t in chain]
    if any(dep[c] == "mark" and lower[c] in CONDITIONAL_MARKS for _, cs in chain_kids for c in cs):
        # a condition, negated or not: "threatened to attack if the president did not resign"
        return "hypothetical"
    # Negation anywhere on the trigger's own clause chain, or on the noun ("no talks").
    if any(dep[c] == "neg" or lower[c] in NEGATIONS and dep[c] in ("neg", "det", "advmod")
           for _, cs in chain_kids for c in cs):
        return "negated"
    if noun_head is not None and any(c.lower_ in ("no",) for c in trigger.children):
        return "negated"
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in trigger.children):
        return "hypothetical"  # "would strike back at any Russian attack": no attack in particular
    if anchor.dep_ in ("pcomp", "pobj") and anchor.head.lower_ == "without":
        return "negated"  # "agreed to resign without returning to Kyrgyzstan"
    if anchor.dep_ == "acl" and anchor.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children) or (
            anchor.dep_ == "pcomp" and anchor.tag_ == "VBG" and anchor.head.lower_ == "of"):
        # "has no plans to attack", "denied any intention to invade", "had no intention of
        # negotiating": the plan's negation is the act's
        intent = anchor.head if anchor.dep_ == "acl" else anchor.head.head
        holder_verb = intent.head if intent.dep_ in ("dobj", "attr") else None
        if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not", "never") for c in intent.children) or (
                holder_verb is not None and (any(c.dep_ == "neg" for c in holder_verb.children)
                                             or holder_verb.lemma_ in NEGATING_VERBS
                                             or holder_verb.lemma_ in BLOCKING_VERBS)):
            # (or "blocked an EU decision to provide aid": what is blocked is not done)
            return "negated"  # (or "cancel plans to sell weapons", "abandoned its bid to join")
    if anchor.dep_ == "pcomp" and anchor.head.lower_ == "against" and anchor.head.head.lemma_ in ADVISING_VERBS:
        return "hypothetical"  # "warned against scrapping the nuclear agreement": not done
    # (a verb reached from a coordinated verb does not govern it: "rejected the results and called
    # for protests" does not negate the call)
    governors = [t for prev, t in zip(chain, chain[1:]) if prev.dep_ != "conj"]
    for t in governors:
        if t.lemma_ in NEGATING_VERBS:
            return "negated"
    if _denied(chain[-1]) or anchor.pos_ in ("NOUN", "PROPN") and _denied_noun(anchor):
        return "negated"
    doc_verb = _document_verb(anchor)
    if doc_verb is not None:
        # "failed to pass a resolution condemning the coup": the text does what its adoption did
        if doc_verb.lemma_.lower() in BLOCKING_VERBS or doc_verb.lemma_.lower() == "vote" and any(
                c.lower_ in ("down", "against") for c in doc_verb.children):
            return "negated"  # "blocked a UN statement condemning ...", "voted down a resolution ..."
        adopted = factuality(doc_verb)
        if adopted in ("negated", "hypothetical", "planned"):
            return adopted
    if is_question(sentence_of(trigger)):
        return "hypothetical"
    for t, cs in chain_kids:
        for c in cs:
            d, word = dep[c], lower[c]
            if d == "mark" and word in CONDITIONAL_MARKS:
                return "hypothetical"
            if d == "mark" and word in ("before", "until") and tab.tag[t.i] in ("VBZ", "VBP"):
                return "planned"  # "a day before Sarkozy heads to Beijing": the present of a time to come
            if d == "aux" and word == "would" and _future_in_past(chain):
                return "planned"
            if d == "aux" and word in MODAL_AUX and not name_as_aux(doc[c]):
                return "hypothetical"  # (not a name read as a modal: "Theresa May criticised ...")
            if d == "aux" and word in FUTURE_AUX:
                return "planned"
            # (the table's lemmas are lower-cased, the words are: the Token is asked only for them)
            if d in ("acomp", "advmod") and tab.lemma[c] in HYPOTHETICAL_WORDS and doc[c].lemma_ in HYPOTHETICAL_WORDS:
                return "hypothetical"
    for prev, t in zip(chain, chain[1:]):
        if prev.dep_ != "conj" and (prev.dep_ == "xcomp" and t.lemma_ in PLANNING_WORDS) \
                and t.lemma_ not in HYPOTHETICAL_WORDS:
            # "hopes to visit Beijing", "wants to join the bloc": one's own plan (what one hopes or
            # wants others to do is asked of them: "wants Iran to stop")
            if not any(c.dep_ == "nsubj" for c in prev.children) and not any(c.dep_ == "dobj" for c in t.children):
                return "hypothetical" if any(_conditioned(x) for x in chain) else "planned"
    for t in governors:
        if t.lemma_ in HYPOTHETICAL_WORDS or t.lemma_ in DEMANDING_VERBS or t.lemma_ in APPEALING_VERBS \
                or t.lemma_ in PERMITTING_VERBS or _deadline_given(t):
            return "hypothetical"  # "could strike", "called on Iran to release", "allowed X to enter": not (yet) done
        if t.lemma_ in PLANNING_WORDS:
            # (on a condition, only possible: "would be ready to normalise ties if a state is established")
            return "hypothetical" if any(_conditioned(x) for x in chain) else "planned"
        if t.lemma_ == "be" and any(c.lemma_ in HYPOTHETICAL_WORDS for c in t.children):
            return "hypothetical"
    if chain[-1].dep_ == "ccomp" and chain[-1].head.lemma_ in PERMITTING_VERBS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in chain[-1].children):
        return "hypothetical"  # "allowed U.S. warplanes to strike ...", parsed as a clause: permitted, not told done
    # "going to" future on the top verb
    if anchor.dep_ == "xcomp" and anchor.head.lower_ == "going":
        return "planned"
    if _headline_future(anchor):
        return "planned"
    verb = noun_head
    if verb is None and trigger.pos_ in ("NOUN", "PROPN"):
        # the verb the noun is the object of, light or not ("demanded the president's resignation")
        verb = trigger.head if trigger.dep_ != "pobj" else trigger.head.head
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        asked = _asked_for(trigger, verb)
        if asked is not None:
            return asked
    if _demanded(anchor):
        return "hypothetical"
    if chain[-1].dep_ in ("acl", "ccomp") and chain[-1].head.lemma_ in CLAIM_NOUNS and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in chain[-1].children):
        return "reported"  # "investigating reports that troops killed civilians": what a report says
    if reporter(anchor) is not None or according_to(sentence_of(trigger)) is not None:
        return "reported"  # (or "..., according to a lawsuit filed on Wednesday")
    return "asserted"
