"""Tests for newsevents.store: round trip, idempotency, replacement, batches, stats, crash safety, bad files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import contextlib
import textwrap
from contextlib import contextmanager

import pytest

from newsevents.errors import StoreError
from newsevents.records import Actor, Document, Event, Location, PlaceMention, Plover, Sentence, Span
from newsevents.store import EVENT_COLUMNS, MIGRATIONS, SCHEMA_VERSION, Store


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


# ---------------------------------------------------------------------------
# Replacing by cascade, batches of documents, the shared event columns
# ---------------------------------------------------------------------------

CHILD_TABLES = ("sentences", "events", "places")


def rows_of(conn, table: str, doc_id: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", (doc_id,)).fetchone()[0]


def orphans(conn) -> dict[str, int]:
    """Child rows whose document is gone (what a delete without cascade would leave)."""
    return {t: conn.execute(f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
                            ).fetchone()[0] for t in CHILD_TABLES}


def committed(path) -> list[str]:
    """The doc_ids another connection sees: what is committed, not what the store holds open."""
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY rowid")]
    finally:
        conn.close()


def test_event_columns_are_the_events_table(store):
    """The flattened event (shared with the exports) still writes the events table's columns."""
    assert EVENT_COLUMNS == (
        "event_id", "doc_id", "sentence_index", "source_actor_id", "target_actor_id",
        "source_text", "source_code", "source_country", "source_sector", "source_start", "source_end",
        "source_name", "source_resolved_by",
        "target_text", "target_code", "target_country", "target_sector", "target_start", "target_end",
        "target_name", "target_resolved_by",
        "cameo", "cameo_name", "root", "quad_class", "goldstein", "plover_type", "plover_mode",
        "date", "date_precision", "date_source",
        "location_name", "location_country", "location_lat", "location_lon", "location_geo_type",
        "location_adm1", "location_feature_id", "location_precision",
        "factuality", "trigger_text", "trigger_start", "trigger_end", "rule", "confidence", "extra_json",
    )
    assert tuple(r["name"] for r in store._conn.execute("PRAGMA table_info(events)")) == EVENT_COLUMNS


def test_stored_event_row_values(store):
    doc, sentences, events, places = make_doc("d1", n_sentences=1)
    store.add_document(doc, sentences, events, places)
    row = dict(store._conn.execute("SELECT * FROM events").fetchone())
    source_id = store._conn.execute("SELECT actor_id FROM actors WHERE code = 'RUSMIL'").fetchone()[0]
    target_id = store._conn.execute("SELECT actor_id FROM actors WHERE code = 'UKR'").fetchone()[0]
    assert row == {
        "event_id": events[0].event_id, "doc_id": "d1", "sentence_index": 0,
        "source_actor_id": source_id, "target_actor_id": target_id,
        "source_text": "Russian forces", "source_code": "RUSMIL", "source_country": "RUS",
        "source_sector": "MIL", "source_start": 0, "source_end": 14, "source_name": None,
        "source_resolved_by": "countries",
        "target_text": "Kharkiv", "target_code": "UKR", "target_country": "UKR", "target_sector": None,
        "target_start": 24, "target_end": 31, "target_name": "Kharkiv", "target_resolved_by": None,
        "cameo": "190", "cameo_name": "Use conventional military force", "root": "19", "quad_class": 4,
        "goldstein": -10.0, "plover_type": "ASSAULT", "plover_mode": "firearms",
        "date": "2024-03-05", "date_precision": "day", "date_source": "publication",
        "location_name": "Kharkiv", "location_country": "UKR", "location_lat": 49.98,
        "location_lon": 36.25, "location_geo_type": 4, "location_adm1": "UP07",
        "location_feature_id": "706483", "location_precision": "place",
        "factuality": "asserted", "trigger_text": "attacked", "trigger_start": 15, "trigger_end": 23,
        "rule": "attack.v1", "confidence": 0.9, "extra_json": '{"n": 0, "note": "ünïcode"}',
    }


def test_foreign_keys_are_on_for_every_connection(tmp_path):
    path = tmp_path / "events.db"
    for _ in range(2):  # a new database, then reopening it
        with Store(path) as store:
            assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store(":memory:") as store:
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_child_tables_cascade_from_documents(store):
    for table in CHILD_TABLES:
        keys = [dict(r) for r in store._conn.execute(f"PRAGMA foreign_key_list({table})")]
        assert {"table": "documents", "from": "doc_id", "on_delete": "CASCADE"}.items() <= next(
            k for k in keys if k["table"] == "documents").items(), table


@pytest.mark.parametrize("batched", [False, True])
def test_replacing_a_document_leaves_no_orphan_rows(store, batched):
    store.add_document(*make_doc("d1", n_sentences=4))
    store.add_document(*make_doc("d2", n_sentences=2))
    statements = []
    store._conn.set_trace_callback(statements.append)
    new = make_doc("d1", n_sentences=1, body="(updated)")
    with store.batch() if batched else contextlib.nullcontext():
        assert store.add_document(new[0], new[1], new[2], []) is True
    store._conn.set_trace_callback(None)
    deletes = [s for s in statements if s.lstrip().upper().startswith("DELETE")]
    # Only the documents row is deleted: the cascade does the rest. (SQLite traces the statement again
    # for each cascade it runs, hence a set.)
    assert set(deletes) == {"DELETE FROM documents WHERE doc_id = 'd1'"}
    conn = store._conn
    assert [rows_of(conn, t, "d1") for t in CHILD_TABLES] == [1, 1, 0]
    assert [rows_of(conn, t, "d2") for t in CHILD_TABLES] == [2, 2, 1]
    assert orphans(conn) == dict.fromkeys(CHILD_TABLES, 0)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert [e.doc_id for e in store.iter_events()] == ["d2", "d2", "d1"]
    assert list(store.iter_events())[-1] == new[2][0]


def test_batch_commits_every_size_documents(tmp_path):
    path = tmp_path / "events.db"
    with Store(path) as store:
        commits = []
        store._conn.set_trace_callback(lambda sql: sql == "COMMIT" and commits.append(sql))
        with store.batch(size=2, seconds=3600):
            for i in range(3):
                assert store.add_document(*make_doc(f"d{i}"))
                assert committed(path) == ["d0", "d1"][:i + 1 if i >= 1 else 0]
            assert store.stats()["n_documents"] == 3  # the store sees its own uncommitted batch
        assert committed(path) == ["d0", "d1", "d2"]
        assert len(commits) == 2
        commits.clear()
        with store.batch(size=2, seconds=3600):  # idempotent re-ingest inside a batch
            assert [store.add_document(*make_doc(f"d{i}")) for i in range(3)] == [False] * 3
        assert len(commits) == 2


def test_batch_commits_after_seconds(tmp_path):
    path = tmp_path / "events.db"
    with Store(path) as store, store.batch(size=1000, seconds=0):
        store.add_document(*make_doc("d0"))
        assert committed(path) == ["d0"]


def test_outside_a_batch_each_document_is_committed(tmp_path):
    path = tmp_path / "events.db"
    with Store(path) as store:
        store.add_document(*make_doc("d0"))
        assert committed(path) == ["d0"]


def bad_doc(doc_id: str, body: str = "") -> tuple:
    """A document whose last event points at a missing sentence, with an actor no other document has:
    its documents row, sentences, actors and first events are written before the FOREIGN KEY fails."""
    doc, sentences, events, places = make_doc(doc_id, n_sentences=3, body=body)
    events[0].source = Actor("Martians", "MARS", None, None, 0, 8)
    events[-1].sentence_index = 9
    return doc, sentences, events, places


def assert_nothing_of(conn, doc_id: str) -> None:
    assert conn.execute("SELECT count(*) FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()[0] == 0
    for table in CHILD_TABLES:
        assert rows_of(conn, table, doc_id) == 0, table
    assert conn.execute("SELECT count(*) FROM actors WHERE code = 'MARS'").fetchone()[0] == 0


def test_failing_document_in_a_batch_keeps_the_others_and_leaves_no_partial_rows(tmp_path):
    path = tmp_path / "events.db"
    with Store(path) as store:
        with store.batch(size=100):
            store.add_document(*make_doc("d0"))
            store.add_document(*make_doc("d1"))
            with pytest.raises(StoreError, match="cannot store document 'd2'.*FOREIGN KEY"):
                store.add_document(*bad_doc("d2"))
            assert store.add_document(*make_doc("d3"))  # the batch goes on after a failed document
        assert committed(path) == ["d0", "d1", "d3"]
        assert_nothing_of(store._conn, "d2")
        assert orphans(store._conn) == dict.fromkeys(CHILD_TABLES, 0)
        assert store.stats()["n_events"] == 6


def test_exception_out_of_a_batch_commits_its_complete_documents_only(tmp_path):
    path = tmp_path / "events.db"
    doc, sentences, events, places = bad_doc("d2")
    events[-1].sentence_index = 2
    # json.dumps fails after the documents row, the sentences and the first actors are written
    events[1].extra = {"not json": object()}
    with Store(path) as store:
        with pytest.raises(TypeError, match="not JSON serializable"), store.batch(size=100):
            store.add_document(*make_doc("d0"))
            store.add_document(*make_doc("d1"))
            store.add_document(doc, sentences, events, places)
    assert committed(path) == ["d0", "d1"]
    conn = sqlite3.connect(path)
    assert_nothing_of(conn, "d2")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_failed_replacement_in_a_batch_keeps_the_old_document(store):
    store.add_document(*make_doc("d1", n_sentences=3))
    before = list(store.iter_events())
    with store.batch():
        with pytest.raises(StoreError):
            store.add_document(*bad_doc("d1", body="(changed)"))
    assert list(store.iter_events()) == before
    assert store.stats()["n_places"] == 1


def test_nested_batches_join_the_outer_one(tmp_path):
    path = tmp_path / "events.db"
    with Store(path) as store, store.batch(size=100, seconds=3600):
        with store.batch(size=1):
            store.add_document(*make_doc("d0"))
        assert committed(path) == []
        store.add_document(*make_doc("d1"))
    assert committed(path) == ["d0", "d1"]


def test_actor_memory_and_close_inside_a_batch(tmp_path):
    from newsevents.actors import CorpusActors

    path = tmp_path / "events.db"
    store = Store(path)
    with store.batch(size=100, seconds=3600):
        store.add_document(*make_doc("d0"))
        store.save_actor_memory(CorpusActors([]))
        store.close()  # commits the batch's documents rather than dropping them
    assert committed(path) == ["d0"]
    store.close()


def test_batch_arguments_are_checked(store):
    for kwargs in ({"size": 0}, {"seconds": -1}):
        with pytest.raises(ValueError, match="a batch needs size >= 1 and seconds >= 0"):
            with store.batch(**kwargs):
                pass


BATCH_CRASH_SCRIPT = textwrap.dedent("""
    import os, signal, sys
    sys.path[:0] = [{tests!r}]
    from test_store import make_doc
    from newsevents.store import Store

    store = Store({path!r})
    armed = []

    def die_on_doc3_events(sql):
        if armed and sql.startswith("INSERT INTO events"):
            os.kill(os.getpid(), signal.SIGKILL)

    store._conn.set_trace_callback(die_on_doc3_events)
    with store.batch(size=2, seconds=3600):
        for i in range(3):
            assert store.add_document(*make_doc(f"doc{{i}}"))  # doc0, doc1 committed; doc2 open
        armed.append(True)
        store.add_document(*make_doc("doc3", n_sentences=500, body="x" * 200))
    print("not killed")
""")


def test_killed_batch_keeps_committed_batches_and_a_consistent_database(tmp_path):
    path = tmp_path / "events.db"
    script = BATCH_CRASH_SCRIPT.format(tests=os.path.dirname(__file__), path=str(path))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == -9, result.stderr
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    with Store(path) as store:
        assert [d["doc_id"] for d in store.documents()] == ["doc0", "doc1"]  # the open batch is lost, whole
        assert orphans(store._conn) == dict.fromkeys(CHILD_TABLES, 0)
        with store.batch():
            added = [store.add_document(*make_doc(d, **kw)) for d, kw in
                     [("doc0", {}), ("doc1", {}), ("doc2", {}),
                      ("doc3", {"n_sentences": 500, "body": "x" * 200})]]
        assert added == [False, False, True, True]
        assert store.stats()["n_events"] == 506


def test_round_trip_places_with_the_dateline_mark(store):
    doc, sentences, events, places = make_doc("d1")
    places[0].dateline = True
    places.append(PlaceMention("Ukraine", 40, 47, name="Ukraine", country="UKR", feature_class="country"))
    store.add_document(doc, sentences, events, places)
    assert store.places("d1") == places
    assert [p.dateline for p in store.places("d1")] == [True, False]
    assert store.places("unknown") == []


def _version_2_database(path) -> None:
    """A database as newsevents wrote it before ``places.dateline``: schema version 2, holding
    one document with a place (written with plain SQL, as that version did)."""
    from newsevents.store import _BOOTSTRAP

    conn = sqlite3.connect(path)
    for statement in _BOOTSTRAP:
        conn.execute(statement)
    for name, migration in MIGRATIONS[:2]:
        migration(conn)
        conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, '2024-01-01T00:00:00+00:00')",
                     (name,))
    conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '2')")
    conn.execute("INSERT INTO documents (doc_id, content_hash, n_sentences, ingested_at, text) "
                 "VALUES ('old', 'hash-old', 0, '2024-01-01T00:00:00+00:00', 'LIMA - Peru voted.')")
    conn.execute('INSERT INTO places (doc_id, place_index, start, "end", text, name, country) '
                 "VALUES ('old', 0, 0, 4, 'LIMA', 'Lima', 'PER')")
    conn.commit()
    conn.close()


def test_database_without_the_dateline_column_is_migrated_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    _version_2_database(path)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.places("old") == [PlaceMention("LIMA", 0, 4, name="Lima", country="PER")]
        assert next(store.documents())["text"] == "LIMA - Peru voted."
        doc, sentences, events, places = make_doc("new")
        places[0].dateline = True
        store.add_document(doc, sentences, events, places)
        assert store.places("new") == places
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")] == [
        name for name, _ in MIGRATIONS]
    conn.close()
