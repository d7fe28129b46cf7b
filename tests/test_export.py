"""Tests for newsevents.export: every format parses back with the standard library."""

from __future__ import annotations

import builtins
import csv
import io
import json

import pytest

from newsevents.export import (
    FLAT_COLUMNS,
    FORMATS,
    GDELT_COLUMNS,
    PARQUET_NEEDS_PYARROW,
    flat_row,
    write_documents,
    write_events,
)
from newsevents.records import Actor, Document, Event, Location, Plover, Sentence, Span
from newsevents.store import DOCUMENT_COLUMNS, Store


def make_event(i: int = 0, **changes) -> Event:
    """A hand-built event; the sentence has a tab, a newline and quotes to stress the writers."""
    fields = dict(
        event_id=Event.make_id("d1", i, 10, "141", "UKRCVL", "UKRGOV"), doc_id="d1", sentence_index=i,
        sentence='Protesters in Kyïv\tdemonstrated "loudly"\nagainst the government.',
        source=Actor("Protesters", "UKRCVL", "UKR", "CVL", 0, 10),
        target=Actor("the government", "UKRGOV", "UKR", "GOV", 44, 58, name="Government of Ukraine"),
        cameo="1411", root="14", quad_class=3, goldstein=-6.5, plover=Plover("PROTEST", "demonstrate"),
        date="2024-12-31", location=Location("Kyiv", "UKR", 50.45, 30.52, geo_type=4, adm1="UP12",
                                             feature_id="703448", precision="place"),
        factuality="asserted", trigger=Span("demonstrated", 19, 31), rule="protest.v1", confidence=0.75,
        date_precision="day", date_source="text", extra={"contexts": ["economic"]},
    )
    fields.update(changes)
    return Event(**fields)


DOC = {"doc_id": "d1", "url": "https://example.org/kyiv", "ingested_at": "2025-01-02T03:04:05+00:00",
       "date": "2025-01-01", "source": "Example News"}


def export(events, fmt, **kw) -> tuple[int, str]:
    out = io.StringIO()
    n = write_events(events, fmt, out, **kw)
    return n, out.getvalue()


def test_formats():
    assert FORMATS == ("jsonl", "csv", "tsv", "gdelt", "plover", "parquet")


def test_jsonl_is_as_dict_per_line():
    events = [make_event(0), make_event(1, source=None, location=None)]
    n, text = export(events, "jsonl")
    assert n == 2
    lines = text.splitlines()
    assert [json.loads(line) for line in lines] == [e.as_dict() for e in events]
    assert "Kyïv" in lines[0]  # ensure_ascii=False
    assert list(json.loads(lines[0])) == list(events[0].as_dict())  # field order is stable


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_parse_back(fmt, delimiter):
    events = [make_event(0), make_event(1, target=None, location=None)]
    n, text = export(events, fmt)
    assert n == 2
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    assert list(rows[0]) == list(FLAT_COLUMNS)
    assert rows[0]["sentence"] == events[0].sentence
    assert rows[0]["source_code"] == "UKRCVL"
    assert rows[0]["target_country"] == "UKR"
    assert rows[0]["trigger"] == "demonstrated"
    assert float(rows[0]["goldstein"]) == -6.5
    assert float(rows[0]["lat"]) == 50.45
    assert rows[1]["target_code"] == rows[1]["location_name"] == rows[1]["lat"] == ""


def test_gdelt_rows():
    events = [make_event(0), make_event(1, date=None, source=None, location=None, event_id="not-hex")]
    n, text = export(events, "gdelt", documents={"d1": DOC})
    assert n == 2
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == 3  # one line per event, no header, tab inside text removed
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines[:2]]
    first, second = rows
    assert int(first["GLOBALEVENTID"]) == int(events[0].event_id, 16) & ((1 << 63) - 1)
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20241231", "202412", "2024")
    assert first["FractionDate"] == f"{2024 + (12 * 30 + 31) / 365:.4f}"
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor1CountryCode"],
            first["Actor1Type1Code"]) == ("UKRCVL", "Protesters", "UKR", "CVL")
    assert first["Actor2Name"] == "Government of Ukraine"
    assert (first["IsRootEvent"], second["IsRootEvent"]) == ("1", "0")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("1411", "141", "14")
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("3", "-6.5")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"], first["AvgTone"]) == ("1", "1", "1", "")
    assert (first["ActionGeo_Type"], first["ActionGeo_FullName"], first["ActionGeo_CountryCode"],
            first["ActionGeo_Lat"], first["ActionGeo_Long"], first["ActionGeo_FeatureID"]) == (
        "4", "Kyiv", "UKR", "50.45", "30.52", "703448")
    assert first["Actor1Geo_Type"] == first["Actor2Geo_Lat"] == ""
    assert (first["DATEADDED"], first["SOURCEURL"]) == ("20250102030405", "https://example.org/kyiv")
    assert second["SQLDATE"] == second["Actor1Code"] == second["ActionGeo_FullName"] == ""
    assert 0 < int(second["GLOBALEVENTID"]) < 1 << 63


def test_gdelt_column_count_is_gdelt_2():
    assert len(GDELT_COLUMNS) == 61
    assert len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_plover_records():
    events = [make_event(0), make_event(1, target=None, location=None, extra={})]
    n, text = export(events, "plover", documents={"d1": DOC})
    assert n == 2
    first, second = map(json.loads, text.splitlines())
    assert first["event_type"] == "PROTEST" and first["event_mode"] == "demonstrate"
    assert first["event_date"] == "2024-12-31"
    assert first["event_text"] == events[0].sentence
    assert first["contexts"] == ["economic"]
    assert first["actor"] == {"name": "Protesters", "country": "UKR", "sector": "CVL", "code": "UKRCVL",
                              "text": "Protesters"}
    assert first["recipient"]["name"] == "Government of Ukraine"
    assert first["location"]["name"] == "Kyiv"
    assert (first["url"], first["publication_date"], first["source"]) == (
        "https://example.org/kyiv", "2025-01-01", "Example News")
    assert second["recipient"] is None and second["location"] is None and second["contexts"] == []
    assert list(first) == list(second)  # every record has the same keys


def test_parquet_without_pyarrow_says_how_to_install(monkeypatch):
    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(ImportError) as info:
        write_events([make_event()], "parquet", io.BytesIO())
    assert str(info.value) == PARQUET_NEEDS_PYARROW
    assert "pip install 'newsevents[parquet]'" in str(info.value)


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown event format 'xml'"):
        write_events([], "xml", io.StringIO())
    with pytest.raises(ValueError, match="unknown document format 'gdelt'"):
        write_documents([], "gdelt", io.StringIO())


def test_events_from_the_store_export_identically():
    event = make_event(0)
    doc = Document(doc_id="d1", text=event.sentence, url="https://example.org/kyiv")
    with Store(":memory:") as store:
        store.add_document(doc, [Sentence("d1", 0, event.sentence, 0, len(event.sentence))], [event])
        documents = {d["doc_id"]: d for d in store.documents()}
        for fmt in ("jsonl", "csv", "gdelt", "plover"):
            assert export(store.iter_events(), fmt, documents=documents) == export([event], fmt, documents=documents)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_write_documents(fmt):
    rows = [dict.fromkeys(DOCUMENT_COLUMNS) | {"doc_id": f"d{i}", "text": "Line one,\nline \"two\"",
                                                 "n_sentences": 2} for i in range(2)]
    out = io.StringIO()
    assert write_documents(rows, fmt, out) == 2
    if fmt == "jsonl":
        back = [json.loads(line) for line in out.getvalue().splitlines()]
        assert back == rows
    else:
        back = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert list(back[0]) == list(DOCUMENT_COLUMNS)
        assert [r["text"] for r in back] == [r["text"] for r in rows]
        assert back[1]["doc_id"] == "d1" and back[1]["title"] == ""


def test_flat_row_values():
    """Pin the csv/tsv/parquet values of one event (they come from newsevents.flatten)."""
    event = make_event(0)
    assert flat_row(event) == {
        "event_id": event.event_id, "doc_id": "d1", "sentence_index": 0,
        "date": "2024-12-31", "date_precision": "day",
        "source_code": "UKRCVL", "source_country": "UKR", "source_sector": "CVL", "source_text": "Protesters",
        "target_code": "UKRGOV", "target_country": "UKR", "target_sector": "GOV",
        "target_text": "the government",
        "cameo": "1411", "root": "14", "quad_class": 3, "goldstein": -6.5,
        "plover_type": "PROTEST", "plover_mode": "demonstrate", "factuality": "asserted",
        "location_name": "Kyiv", "location_country": "UKR", "lat": 50.45, "lon": 30.52,
        "trigger": "demonstrated", "rule": "protest.v1", "confidence": 0.75, "sentence": event.sentence,
    }
    bare = flat_row(make_event(1, source=None, target=None, location=None))
    emptied = ("source_code", "source_text", "target_country", "location_name", "lat", "lon")
    assert [bare[c] for c in emptied] == [None] * len(emptied)


def test_flat_columns_match_the_stored_columns():
    """The flat export and the events table hold the same value for every column they share."""
    event = make_event(0)
    doc = Document(doc_id="d1", text=event.sentence)
    with Store(":memory:") as store:
        store.add_document(doc, [Sentence("d1", 0, event.sentence, 0, len(event.sentence))], [event])
        stored = dict(store._conn.execute("SELECT * FROM events").fetchone())
    aliases = {"lat": "location_lat", "lon": "location_lon", "trigger": "trigger_text"}
    assert {c: stored[aliases.get(c, c)] for c in FLAT_COLUMNS if c != "sentence"} == {
        c: v for c, v in flat_row(event).items() if c != "sentence"}
