"""Typed records passed between pipeline stages.

One article travels through the pipeline as these records:

    Document -> Sentence -> (ActorMention, PlaceMention, DateRef) -> Event

Each record is a slotted dataclass with ``as_dict()`` for export. The field
names of :class:`Event` (and of the records nested in it) are the stable
output contract documented in ``docs/event-record.md``: fields may be added,
never renamed or removed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

FACTUALITY = ("asserted", "reported", "planned", "hypothetical", "negated")


def stable_hash(*parts: object, length: int = 16) -> str:
    """A short, stable hex digest of ``parts`` (same input, same id, any machine)."""
    # (each part followed by a unit separator, hashed in one call)
    return hashlib.sha256("".join(f"{p}\x1f" for p in parts).encode("utf-8")).hexdigest()[:length]


def _as_dict(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _as_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_as_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _as_dict(v) for k, v in obj.items()}
    return obj


class _Record:
    __slots__ = ()

    def as_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass(slots=True)
class Document(_Record):
    """One input article, after ingest and before any NLP."""

    doc_id: str
    text: str
    title: str | None = None
    date: str | None = None  # publication date, YYYY-MM-DD
    author: str | None = None
    source: str | None = None  # publisher / outlet
    url: str | None = None
    path: str | None = None  # where it was read from ("-" for stdin)
    line: int | None = None  # line number for JSONL inputs
    input_format: str | None = None  # text | markdown | html | jsonl
    date_source: str | None = None  # where the publication date came from (meta, jsonl, markdown, cli, text)

    @property
    def content_hash(self) -> str:
        return stable_hash(self.title or "", self.text, length=32)


@dataclass(slots=True)
class Sentence(_Record):
    doc_id: str
    index: int
    text: str
    start: int  # character offset of the sentence in Document.text
    end: int


@dataclass(slots=True)
class Span(_Record):
    """A piece of a sentence: text with character offsets into the sentence."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Actor(_Record):
    """An event participant.

    ``code`` is the full CAMEO actor code (``RUSMIL``, ``CHNGOV``, ``IGOUNO``),
    ``country`` an ISO 3166 alpha-3 code or None, ``sector`` a CAMEO agent
    code (GOV, MIL, DIP, ...) or None; ``start``/``end`` index the sentence.
    """

    text: str
    code: str | None
    country: str | None
    sector: str | None
    start: int
    end: int
    # Extensions (not part of the minimal contract, but stable once added):
    name: str | None = None  # a named person or organisation, normalised
    resolved_by: str | None = None  # which table or rule resolved the actor


@dataclass(slots=True)
class Plover(_Record):
    type: str | None
    mode: str | None = None


@dataclass(slots=True)
class Location(_Record):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    # GDELT-style extras
    geo_type: int | None = None  # 1 country, 2 US state, 3 US city, 4 world city, 5 world state (GDELT)
    adm1: str | None = None
    feature_id: str | None = None
    precision: str | None = None  # "place" (the event's own place) or "country" (fallback)


@dataclass(slots=True)
class PlaceMention(_Record):
    """A toponym found in a document and what it was resolved to."""

    text: str
    start: int  # offsets into Document.text
    end: int
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_id: str | None = None
    feature_class: str | None = None  # country | admin1 | city | region ...
    adm1: str | None = None
    population: int | None = None
    confidence: float | None = None
    # the place of the dateline opening the article ("BEIRUT (AP) -", "COLUMBUS, Ohio --"): the
    # article is set there (see newsevents.pipeline.document_country)
    dateline: bool = False


@dataclass(slots=True)
class DateRef(_Record):
    """A resolved date expression."""

    text: str
    start: int
    end: int
    date: str | None  # YYYY-MM-DD (first day of the month/year for coarser precision)
    precision: str | None  # day | month | year


@dataclass(slots=True)
class Event(_Record):
    """One coded event: who did what to whom, when, where, and why we think so."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    source: Actor | None
    target: Actor | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: Plover
    date: str | None
    location: Location | None
    factuality: str
    trigger: Span
    rule: str
    confidence: float
    # Extensions
    date_precision: str | None = None  # day | month | year
    date_source: str | None = None  # text | publication | none
    cameo_name: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def make_id(doc_id: str, sentence_index: int, trigger_start: int, cameo: str,
                source_code: str | None, target_code: str | None) -> str:
        return stable_hash(doc_id, sentence_index, trigger_start, cameo, source_code, target_code)
