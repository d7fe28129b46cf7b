"""Tests for newsevents.store: round trip, idempotency, replacement, stats, crash safety, bad files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import contextmanager

import pytest

from newsevents.errors import StoreError
from newsevents.records import Actor, Document, Event, Location, PlaceMention, Plover, Sentence, Span
from newsevents.store import MIGRATIONS, SCHEMA_VERSION, Store


def make_doc(doc_id: str, n_sentences: int = 2, date: str = "2024-03-05", body: str = "") -> tuple:
    """A hand-built document with sentences, one event per sentence and one place mention."""
    texts = [f"Russian forces attacked Kharkiv {doc_id} {i} {body}".strip() for i in range(n_sentences)]
    text = " ".join(texts)
    doc = Document(doc_id=doc_id, text=text, title=f"Title {doc_id}", date=date, author="A. Writer",
                   source="Example News", url=f"https://example.org/{doc_id}", path=f"{doc_id}.txt",
                   input_format="text", date_source="meta")
    sentences, events, offset = [], [], 0
    for i, t in enumerate(texts):
        sentences.append(Sentence(doc_id, i, t, offset, offset + len(t)))
        offset += len(t) + 1
        source = Actor("Russian forces", "RUSMIL", "RUS", "MIL", 0, 14, resolved_by="countries")
        target = Actor("Kharkiv", "UKR", "UKR", None, 24, 31, name="Kharkiv") if i % 2 == 0 else None
        events.append(Event(
            event_id=Event.make_id(doc_id, i, 15, "190", "RUSMIL", target and target.code),
            doc_id=doc_id, sentence_index=i, sentence=t, source=source, target=target,
            cameo="190", root="19", quad_class=4, goldstein=-10.0, plover=Plover("ASSAULT", "firearms"),
            date=date, location=Location("Kharkiv", "UKR", 49.98, 36.25, geo_type=4, adm1="UP07",
                                         feature_id="706483", precision="place"),
            factuality="asserted" if i % 2 == 0 else "reported",
            trigger=Span("attacked", 15, 23), rule="attack.v1", confidence=0.9,
            date_precision="day", date_source="publication", cameo_name="Use conventional military force",
            extra={"note": "ünïcode", "n": i},
        ))
    places = [PlaceMention("Kharkiv", 24, 31, name="Kharkiv", country="UKR", lat=49.98, lon=36.25,
                           feature_id="706483", feature_class="city", adm1="UP07", population=1430885,
                           confidence=0.8)]
    return doc, sentences, events, places


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


def test_round_trip_events_are_equal(store):
    doc, sentences, events, places = make_doc("d1", n_sentences=3)
    assert store.add_document(doc, sentences, events, places) is True
    assert list(store.iter_events()) == events


def test_round_trip_event_without_actors_or_location(store):
    doc, sentences, events, _ = make_doc("d1", n_sentences=1)
    e = events[0]
    e.source = e.target = e.location = None
    e.extra = {}
    e.plover = Plover(None)
    store.add_document(doc, sentences, events)
    assert list(store.iter_events()) == [e]


def test_documents_rows(store):
    doc, sentences, events, places = make_doc("d1")
    store.add_document(doc, sentences, events, places)
    (row,) = store.documents()
    assert row["doc_id"] == "d1"
    assert row["content_hash"] == doc.content_hash
    assert row["text"] == doc.text
    assert row["n_sentences"] == 2
    assert row["url"] == "https://example.org/d1"
    assert row["ingested_at"].endswith("+00:00")
    (short,) = store.documents(text=False)
    assert "text" not in short and short["url"] == row["url"]


def test_readd_same_content_is_a_no_op(store):
    doc, sentences, events, places = make_doc("d1")
    assert store.add_document(doc, sentences, events, places)
    assert store.has_document(doc.content_hash)
    assert store.add_document(doc, sentences, events, places) is False
    # Same content under another doc_id is still the same article.
    doc2, s2, e2, p2 = make_doc("d1")
    doc2.doc_id = "other"
    assert store.add_document(doc2, [], [], []) is False
    stats = store.stats()
    assert (stats["n_documents"], stats["n_sentences"], stats["n_events"]) == (1, 2, 2)


def test_changed_content_replaces_document(store):
    doc, sentences, events, places = make_doc("d1", n_sentences=3)
    store.add_document(doc, sentences, events, places)
    new_doc, new_sentences, new_events, _ = make_doc("d1", n_sentences=1, body="(updated)")
    assert new_doc.content_hash != doc.content_hash
    assert store.add_document(new_doc, new_sentences, new_events) is True
    assert not store.has_document(doc.content_hash)
    assert list(store.iter_events()) == new_events
    stats = store.stats()
    assert (stats["n_documents"], stats["n_sentences"], stats["n_events"], stats["n_places"]) == (1, 1, 1, 0)


def test_actors_are_normalised(store):
    for doc_id in ("d1", "d2"):
        store.add_document(*make_doc(doc_id, n_sentences=3))
    rows = store._conn.execute("SELECT code, name FROM actors ORDER BY code").fetchall()
    assert [tuple(r) for r in rows] == [("RUSMIL", None), ("UKR", "Kharkiv")]
    linked = store._conn.execute(
        "SELECT count(*) FROM events e JOIN actors a ON a.actor_id = e.source_actor_id "
        "WHERE a.code = 'RUSMIL'").fetchone()[0]
    assert linked == 6


def test_bad_document_writes_nothing(store):
    doc, sentences, events, places = make_doc("d1")
    events[1].sentence_index = 7  # no such sentence: the foreign key fails on the last insert
    with pytest.raises(StoreError, match="cannot store document 'd1'.*FOREIGN KEY"):
        store.add_document(doc, sentences, events, places)
    assert store.stats()["n_documents"] == 0
    assert store.stats()["n_sentences"] == 0
    assert store.stats()["n_actors"] == 0


def test_records_of_another_document_are_refused(store):
    doc, sentences, events, _ = make_doc("d1")
    events[0].doc_id = "d2"
    with pytest.raises(StoreError, match="belongs to 'd2'"):
        store.add_document(doc, sentences, events)


def test_duplicate_event_ids_are_refused(store):
    doc, sentences, events, _ = make_doc("d1")
    events[1].event_id = events[0].event_id
    with pytest.raises(StoreError, match="duplicate event_id"):
        store.add_document(doc, sentences, events)


def test_iter_events_filters(store):
    store.add_document(*make_doc("d1", date="2024-01-10"))
    store.add_document(*make_doc("d2", date="2024-02-10"))
    doc, sentences, events, _ = make_doc("d3", date="2024-03-10")
    for e in events:
        e.cameo, e.root, e.source.country = "141", "14", "FRA"
    store.add_document(doc, sentences, events)
    assert {e.doc_id for e in store.iter_events(root="14")} == {"d3"}
    assert {e.doc_id for e in store.iter_events(country="FRA")} == {"d3"}
    assert {e.doc_id for e in store.iter_events(country="UKR")} == {"d1", "d2", "d3"}
    assert {e.doc_id for e in store.iter_events(since="2024-02-01")} == {"d2", "d3"}
    assert {e.doc_id for e in store.iter_events(since="2024-01-10", until="2024-02-10")} == {"d1", "d2"}


def test_stats(store):
    store.add_document(*make_doc("d1", n_sentences=3, date="2024-01-10"))
    store.add_document(*make_doc("d2", n_sentences=2, date="2024-02-10"))
    stats = store.stats()
    assert stats["schema_version"] == SCHEMA_VERSION
    assert (stats["n_documents"], stats["n_sentences"], stats["n_events"]) == (2, 5, 5)
    assert stats["events_by_root"] == {"19": 5}
    assert stats["top_dyads"] == [("RUS", "UKR", 3)]  # target-less events form no dyad
    assert stats["date_range"] == ("2024-01-10", "2024-02-10")
    assert stats["factuality"] == {"asserted": 3, "reported": 2}


def test_stats_of_an_empty_store(store):
    stats = store.stats()
    assert (stats["n_documents"], stats["n_events"], stats["top_dyads"]) == (0, 0, [])
    assert stats["date_range"] is None


def test_file_store_pragmas_indexes_and_migrations(tmp_path):
    path = tmp_path / "events.db"
    with Store(path) as store:
        store.add_document(*make_doc("d1"))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"events_date", "events_dyad_date", "events_root", "events_doc_id", "events_cameo",
            "actors_code_name"} <= indexes
    assert [r[0] for r in conn.execute("SELECT name FROM migrations")] == [name for name, _ in MIGRATIONS]
    conn.close()
    with Store(path) as store:  # reopening migrates nothing and keeps the data
        assert store.stats()["n_events"] == 2


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some text, definitely not SQLite\n" * 100)
    with pytest.raises(StoreError, match=r"notes\.db is not a newsevents database: file is not a database"):
        Store(path)


def test_foreign_sqlite_database_is_not_touched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="no newsevents meta table"):
        Store(path)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "events.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this newsevents supports"):
        Store(path)


@contextmanager
def read_only(path):
    """Make ``path`` unwritable for this process (root ignores modes, so use chattr +i)."""
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("running as root without chattr +i")
        undo = ["chattr", "-i", str(path)]
    else:
        path.chmod(0o444)
        undo = ["chmod", "644", str(path)]
    try:
        yield
    finally:
        subprocess.run(undo, check=True)


def test_read_only_database_can_be_read_but_not_written(tmp_path):
    path = tmp_path / "events.db"
    with Store(path) as store:
        store.add_document(*make_doc("d1"))
    with read_only(path), Store(path) as store:
        assert store.stats()["n_events"] == 2
        with pytest.raises(StoreError, match=r"events\.db is read-only"):
            store.add_document(*make_doc("d2"))


def test_read_only_file_that_needs_the_schema(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with read_only(path), pytest.raises(StoreError, match=r"empty\.db is read-only"):
        Store(path)


CRASH_SCRIPT = textwrap.dedent("""
    import os, signal, sys
    sys.path[:0] = [{tests!r}]
    from test_store import make_doc
    from newsevents.store import Store

    store = Store({path!r})
    store._conn.execute("PRAGMA cache_size = 5")  # spill the third, uncommitted document into the WAL
    for i in range(2):
        assert store.add_document(*make_doc(f"doc{{i}}"))

    def die_on_events(sql):
        if sql.startswith("INSERT INTO events"):
            os.kill(os.getpid(), signal.SIGKILL)

    print(os.path.getsize({path!r} + "-wal"), flush=True)
    store._conn.set_trace_callback(die_on_events)
    store.add_document(*make_doc("doc2", n_sentences=2000, body="x" * 200))
    print("not killed")
""")


def test_crash_inside_a_document_leaves_committed_documents_only(tmp_path):
    path = tmp_path / "events.db"
    script = CRASH_SCRIPT.format(tests=os.path.dirname(__file__), path=str(path))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == -9, result.stderr
    committed_wal_size = int(result.stdout)
    assert os.path.getsize(str(path) + "-wal") > committed_wal_size  # uncommitted pages were spilled

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    with Store(path) as store:
        assert [d["doc_id"] for d in store.documents()] == ["doc0", "doc1"]
        assert store.stats()["n_sentences"] == 4
        added = [store.add_document(*make_doc(d, **kw)) for d, kw in
                 [("doc0", {}), ("doc1", {}), ("doc2", {"n_sentences": 2000, "body": "x" * 200})]]
        assert added == [False, False, True]
        stats = store.stats()
        assert (stats["n_documents"], stats["n_sentences"], stats["n_events"]) == (3, 2004, 2004)
