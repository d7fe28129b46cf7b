"""Tests for newsevents.flatten: the one Event <-> columns mapping shared by the store and the exports."""

from __future__ import annotations

import pytest

from newsevents.export import FLAT_COLUMNS, flat_row
from newsevents.flatten import EVENT_FIELDS, FLAT_ALIASES, event_dict, event_from_row, event_values
from newsevents.records import Plover
from test_export import make_event


def variants():
    return [
        make_event(0),
        make_event(1, source=None),
        make_event(2, target=None, location=None, extra={}),
        make_event(3, plover=Plover(None), date=None, date_precision=None, cameo_name="Demonstrate"),
    ]


def test_fields_are_unique_and_cover_the_flat_export():
    assert len(set(EVENT_FIELDS)) == len(EVENT_FIELDS)
    assert {FLAT_ALIASES.get(c, c) for c in FLAT_COLUMNS} - set(EVENT_FIELDS) == {"sentence"}


@pytest.mark.parametrize("event", variants())
def test_round_trip(event):
    values = event_values(event)
    assert len(values) == len(EVENT_FIELDS)
    assert event_from_row(event_dict(event)) == event


def test_extra_json_is_sorted_and_optional():
    event = make_event(0, extra={"b": 1, "a": "ï"})
    assert event_dict(event)["extra_json"] == '{"a": "ï", "b": 1}'
    assert event_values(event, with_extra=False)[-1] is None
    assert event_values(event, with_extra=False)[:-1] == event_values(event)[:-1]
    assert event_dict(make_event(0, extra={}))["extra_json"] is None


@pytest.mark.parametrize("event", variants())
def test_flat_row_is_the_flattened_event(event):
    """The csv/tsv/parquet row takes its values from the same flattening as the store's columns."""
    flat, columns = flat_row(event), event_dict(event)
    assert list(flat) == list(FLAT_COLUMNS)
    assert flat == {c: columns[FLAT_ALIASES.get(c, c)] for c in FLAT_COLUMNS}
