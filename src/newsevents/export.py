"""Write events and documents as JSON lines, CSV/TSV, GDELT-style TSV, PLOVER JSON or Parquet.

One entry point per record kind: :func:`write_events` and
:func:`write_documents`. Column lists are module constants so that docs and
tests can refer to them; ``docs/schema.md`` documents every format.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping
from operator import itemgetter
from typing import Any, TextIO

from newsevents.flatten import EVENT_FIELDS, FLAT_ALIASES, event_values
from newsevents.records import Actor, Event, stable_hash
from newsevents.store import DOCUMENT_COLUMNS

FORMATS = ("jsonl", "csv", "tsv", "gdelt", "plover", "parquet")
DOCUMENT_FORMATS = ("jsonl", "csv")
# Event formats that take document metadata (URL, date, outlet) from ``write_events(documents=...)``.
FORMATS_WITH_DOCUMENTS = ("gdelt", "plover")
# The columns of ``newsevents articles`` (one row per processed article, places as JSON in CSV).
ARTICLE_COLUMNS = ("doc_id", "title", "date", "author", "url", "source", "n_sentences", "n_events", "places")

PARQUET_NEEDS_PYARROW = "parquet export needs pyarrow: pip install 'newsevents[parquet]'"
UNKNOWN_FORMAT = "unknown {what} format {fmt!r}: choose one of {choices}"

# Flat columns of the csv, tsv and parquet formats: columns of the flattened event
# (newsevents.flatten.EVENT_FIELDS, lat/lon/trigger renamed by FLAT_ALIASES), then the sentence.
FLAT_COLUMNS = (
    "event_id", "doc_id", "sentence_index", "date", "date_precision",
    "source_code", "source_country", "source_sector", "source_text",
    "target_code", "target_country", "target_sector", "target_text",
    "cameo", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "factuality",
    "location_name", "location_country", "lat", "lon",
    "trigger", "rule", "confidence", "sentence",
)


def _geo_columns(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}Geo_{c}" for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"))


def _actor_columns(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}{c}" for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code"))


# The 61 columns of a GDELT 2.0 event file, in GDELT's order.
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *_actor_columns("Actor1"), *_actor_columns("Actor2"),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *_geo_columns("Actor1"), *_geo_columns("Actor2"), *_geo_columns("Action"),
    "DATEADDED", "SOURCEURL",
)

# GDELT ids are integers: our hex event_id, kept to 63 bits to fit a signed 64-bit column.
_GDELT_ID_MASK = (1 << 63) - 1


# ---------------------------------------------------------------------------
# Row builders
# ---------------------------------------------------------------------------

# Picks the FLAT_COLUMNS values, in order, out of (*flatten.event_values(event), event.sentence).
_FLAT_SOURCE = (*EVENT_FIELDS, "sentence")
_flat_values = itemgetter(*(_FLAT_SOURCE.index(FLAT_ALIASES.get(c, c)) for c in FLAT_COLUMNS))


def flat_row(e: Event) -> dict[str, Any]:
    """One event as the flat :data:`FLAT_COLUMNS` dict (flattened as the store's event columns)."""
    return dict(zip(FLAT_COLUMNS, _flat_values((*event_values(e, with_extra=False), e.sentence))))


def _gdelt_id(event_id: str) -> int:
    try:
        return int(event_id, 16) & _GDELT_ID_MASK
    except ValueError:
        return int(stable_hash(event_id), 16) & _GDELT_ID_MASK


def _gdelt_actor(a: Actor | None) -> list[Any]:
    if a is None:
        return [None] * 10
    return [a.code, a.name or a.text, a.country, None, None, None, None, a.sector, None, None]


def gdelt_row(e: Event, doc: Mapping[str, Any] | None = None) -> list[Any]:
    """One event as a list of :data:`GDELT_COLUMNS` values (None for columns we leave empty).

    ``doc`` (a stored documents row) supplies SOURCEURL and DATEADDED.
    """
    dates: list[Any] = [None] * 4
    if e.date:
        year, month, day = (int(x) for x in e.date[:10].split("-"))
        dates = [f"{year:04d}{month:02d}{day:02d}", f"{year:04d}{month:02d}", year,
                 f"{year + (month * 30 + day) / 365:.4f}"]
    loc = e.location
    action_geo = [None] * 8 if loc is None else [
        loc.geo_type, loc.name, loc.country, loc.adm1, None, loc.lat, loc.lon, loc.feature_id]
    added = doc.get("ingested_at") if doc else None
    return [
        _gdelt_id(e.event_id), *dates,
        *_gdelt_actor(e.source), *_gdelt_actor(e.target),
        1 if e.sentence_index == 0 else 0, e.cameo, e.cameo[:3], e.root, e.quad_class, e.goldstein,
        1, 1, 1, None,
        *[None] * 16, *action_geo,
        _date_added(added) if added else None, doc.get("url") if doc else None,
    ]


def _date_added(iso: str) -> str:
    """``2024-05-01T12:30:00+00:00`` -> ``20240501123000`` (GDELT 2.0 DATEADDED)."""
    return "".join(ch for ch in iso[:19] if ch.isdigit())


def _plover_actor(a: Actor | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"name": a.name or a.text, "country": a.country, "sector": a.sector, "code": a.code,
            "text": a.text}


def plover_record(e: Event, doc: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One event as a PLOVER/POLECAT-style dict, with our provenance fields."""
    loc = e.location
    return {
        "event_id": e.event_id,
        "event_date": e.date,
        "date_precision": e.date_precision,
        "event_type": e.plover.type,
        "event_mode": e.plover.mode,
        "event_text": e.sentence,
        "contexts": list(e.extra.get("contexts", [])),
        "quad_class": e.quad_class,
        "actor": _plover_actor(e.source),
        "recipient": _plover_actor(e.target),
        "location": None if loc is None else {
            "name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon,
            "adm1": loc.adm1, "feature_id": loc.feature_id},
        "factuality": e.factuality,
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "doc_id": e.doc_id,
        "sentence_index": e.sentence_index,
        "trigger": e.trigger.text,
        "rule": e.rule,
        "confidence": e.confidence,
        "publication_date": doc.get("date") if doc else None,
        "source": doc.get("source") if doc else None,
        "url": doc.get("url") if doc else None,
    }


# ---------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------

def _clean_tsv(value: Any) -> str:
    """A GDELT cell: no quoting, so tabs and line breaks become spaces."""
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_delimited(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO,
                     delimiter: str) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def _write_gdelt(events: Iterable[Event], out: TextIO,
                 documents: Mapping[str, Mapping[str, Any]]) -> int:
    """GDELT files have no header row; the columns are :data:`GDELT_COLUMNS`."""
    n = 0
    for e in events:
        out.write("\t".join(_clean_tsv(v) for v in gdelt_row(e, documents.get(e.doc_id))) + "\n")
        n += 1
    return n


def _write_parquet(events: Iterable[Event], out: Any) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ImportError(PARQUET_NEEDS_PYARROW) from exc
    types = {"sentence_index": pa.int64(), "quad_class": pa.int64(), "goldstein": pa.float64(),
             "lat": pa.float64(), "lon": pa.float64(), "confidence": pa.float64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in FLAT_COLUMNS])
    rows = [flat_row(e) for e in events]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), getattr(out, "buffer", out))
    return len(rows)


def write_events(events: Iterable[Event], fmt: str, out: TextIO, *,
                 documents: Mapping[str, Mapping[str, Any]] | None = None) -> int:
    """Write ``events`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`); return the count.

    Example::

        with Store("events.db") as store, open("events.tsv", "w", newline="") as out:
            docs = {d["doc_id"]: d for d in store.documents(text=False)}
            write_events(store.iter_events(root="14"), "gdelt", out, documents=docs)

    :param documents: stored documents rows by doc_id; the ``gdelt`` format
        takes SOURCEURL and DATEADDED from them and ``plover`` the publication
        date, outlet and URL. Left empty when not given.
    :raises ValueError: for an unknown format.
    :raises ImportError: for ``parquet`` without pyarrow installed (``out``
        must then be a binary file or a text file with a ``buffer``).
    """
    documents = documents or {}
    writers: dict[str, Callable[[], int]] = {  # (only gdelt and plover read ``documents``)
        "jsonl": lambda: _write_jsonl((e.as_dict() for e in events), out),
        "csv": lambda: _write_delimited(map(flat_row, events), FLAT_COLUMNS, out, ","),
        "tsv": lambda: _write_delimited(map(flat_row, events), FLAT_COLUMNS, out, "\t"),
        "gdelt": lambda: _write_gdelt(events, out, documents),
        "plover": lambda: _write_jsonl(
            (plover_record(e, documents.get(e.doc_id)) for e in events), out),
        "parquet": lambda: _write_parquet(events, out),
    }
    if fmt not in writers:
        raise ValueError(UNKNOWN_FORMAT.format(what="event", fmt=fmt, choices=", ".join(FORMATS)))
    return writers[fmt]()


def write_documents(docs: Iterable[Mapping[str, Any]], fmt: str, out: TextIO,
                    columns: tuple[str, ...] = DOCUMENT_COLUMNS) -> int:
    """Write document rows as ``jsonl`` or ``csv``; return the count.

    CSV columns are ``columns``: :data:`newsevents.store.DOCUMENT_COLUMNS` (text included) for
    stored documents (``Store.documents()``), :data:`ARTICLE_COLUMNS` for ``newsevents articles``;
    list and mapping values (an article's places) are written as JSON.

    :raises ValueError: for an unknown format.
    """
    if fmt == "jsonl":
        return _write_jsonl((dict(d) for d in docs), out)
    if fmt == "csv":
        rows = ({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in d.items()}
                for d in docs)
        return _write_delimited(rows, columns, out, ",")
    raise ValueError(UNKNOWN_FORMAT.format(
        what="document", fmt=fmt, choices=", ".join(DOCUMENT_FORMATS)))
