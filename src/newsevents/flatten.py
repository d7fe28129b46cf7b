"""One flat, column-per-value view of an :class:`~newsevents.records.Event`.

The SQLite store (``events`` table) and the flat export formats (csv, tsv,
parquet) both need an event as a row of scalar columns. This module is the
one definition of that mapping, in both directions:

- :data:`EVENT_FIELDS` names the columns, in the order of the ``events``
  table (which adds ``source_actor_id``/``target_actor_id`` after
  ``sentence_index``; see :data:`newsevents.store.EVENT_COLUMNS`);
- :func:`event_values` flattens an Event to a tuple in that order;
- :func:`event_from_row` rebuilds the Event from a row holding those
  columns plus ``sentence``.

The export's :data:`~newsevents.export.FLAT_COLUMNS` are a subset of these
(three renamed, see :data:`FLAT_ALIASES`) plus ``sentence``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from newsevents.records import Actor, Event, Location, Plover, Span

# Actor and Location attributes, in column order (prefixed source_/target_ and location_).
ACTOR_FIELDS = ("text", "code", "country", "sector", "start", "end", "name", "resolved_by")
LOCATION_FIELDS = ("name", "country", "lat", "lon", "geo_type", "adm1", "feature_id", "precision")

EVENT_FIELDS = (
    "event_id", "doc_id", "sentence_index",
    *(f"source_{f}" for f in ACTOR_FIELDS),
    *(f"target_{f}" for f in ACTOR_FIELDS),
    "cameo", "cameo_name", "root", "quad_class", "goldstein", "plover_type", "plover_mode",
    "date", "date_precision", "date_source",
    *(f"location_{f}" for f in LOCATION_FIELDS),
    "factuality", "trigger_text", "trigger_start", "trigger_end", "rule", "confidence", "extra_json",
)

# Export column name -> EVENT_FIELDS name, where the flat export formats use a shorter name.
FLAT_ALIASES = {"lat": "location_lat", "lon": "location_lon", "trigger": "trigger_text"}

_NO_ACTOR = (None,) * len(ACTOR_FIELDS)
_NO_LOCATION = (None,) * len(LOCATION_FIELDS)


def _actor_values(a: Actor | None) -> tuple:
    if a is None:
        return _NO_ACTOR
    return (a.text, a.code, a.country, a.sector, a.start, a.end, a.name, a.resolved_by)


def _location_values(loc: Location | None) -> tuple:
    if loc is None:
        return _NO_LOCATION
    return (loc.name, loc.country, loc.lat, loc.lon, loc.geo_type, loc.adm1, loc.feature_id,
            loc.precision)


def extra_json(e: Event) -> str | None:
    """``Event.extra`` as stored: sorted-key JSON, None when empty."""
    return json.dumps(e.extra, ensure_ascii=False, sort_keys=True) if e.extra else None


def event_values(e: Event, *, with_extra: bool = True) -> tuple:
    """``e`` as a tuple of :data:`EVENT_FIELDS` values.

    :param with_extra: compute ``extra_json``; ``False`` leaves it None (for
        callers that do not use it, saving a ``json.dumps`` per event).
    """
    return (
        e.event_id, e.doc_id, e.sentence_index,
        *_actor_values(e.source), *_actor_values(e.target),
        e.cameo, e.cameo_name, e.root, e.quad_class, e.goldstein, e.plover.type, e.plover.mode,
        e.date, e.date_precision, e.date_source,
        *_location_values(e.location),
        e.factuality, e.trigger.text, e.trigger.start, e.trigger.end, e.rule, e.confidence,
        extra_json(e) if with_extra else None,
    )


def event_dict(e: Event) -> dict[str, Any]:
    """``e`` as a ``{column: value}`` dict of :data:`EVENT_FIELDS` plus ``sentence``."""
    return {**dict(zip(EVENT_FIELDS, event_values(e), strict=True)), "sentence": e.sentence}


def _actor_from_row(row: Mapping[str, Any], side: str) -> Actor | None:
    if row[f"{side}_text"] is None:
        return None
    return Actor(
        text=row[f"{side}_text"], code=row[f"{side}_code"], country=row[f"{side}_country"],
        sector=row[f"{side}_sector"], start=row[f"{side}_start"], end=row[f"{side}_end"],
        name=row[f"{side}_name"], resolved_by=row[f"{side}_resolved_by"],
    )


def event_from_row(row: Mapping[str, Any]) -> Event:
    """The inverse of :func:`event_dict`: an Event from a row of :data:`EVENT_FIELDS` and ``sentence``.

    ``row`` is anything indexable by column name (a ``sqlite3.Row``, a dict).
    An actor whose ``text`` is NULL and a location whose ``name`` is NULL are None.
    """
    location = None
    if row["location_name"] is not None:
        location = Location(
            name=row["location_name"], country=row["location_country"], lat=row["location_lat"],
            lon=row["location_lon"], geo_type=row["location_geo_type"], adm1=row["location_adm1"],
            feature_id=row["location_feature_id"], precision=row["location_precision"],
        )
    return Event(
        event_id=row["event_id"], doc_id=row["doc_id"], sentence_index=row["sentence_index"],
        sentence=row["sentence"],
        source=_actor_from_row(row, "source"), target=_actor_from_row(row, "target"),
        cameo=row["cameo"], root=row["root"], quad_class=row["quad_class"],
        goldstein=row["goldstein"], plover=Plover(row["plover_type"], row["plover_mode"]),
        date=row["date"], location=location, factuality=row["factuality"],
        trigger=Span(row["trigger_text"], row["trigger_start"], row["trigger_end"]),
        rule=row["rule"], confidence=row["confidence"],
        date_precision=row["date_precision"], date_source=row["date_source"],
        cameo_name=row["cameo_name"],
        extra=json.loads(row["extra_json"]) if row["extra_json"] else {},
    )
