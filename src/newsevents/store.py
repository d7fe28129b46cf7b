"""The SQLite event store: documents, sentences, actors, events and places.

This module uses the standard-library :mod:`sqlite3` directly rather than
sqlite-utils. The store's one hard promise is that a document is written as a
unit: its documents row, sentences, actors, events and place mentions all
land in one transaction or not at all, and the "is this content hash already
stored?" check runs inside that same write transaction (``BEGIN IMMEDIATE``)
so two ingest processes cannot both insert the same article. sqlite-utils
manages transactions implicitly per call (``insert_all`` commits in chunks),
which makes that promise hard to keep and hard to read; with ``sqlite3`` in
autocommit mode (``isolation_level=None``) every transaction boundary is an
explicit ``BEGIN``/``COMMIT``/``ROLLBACK`` in :meth:`Store._transaction`.

Inside :meth:`Store.batch` many documents share one transaction (one commit
per batch rather than per document, which is what makes a corpus ingest
fast); each document is then a ``SAVEPOINT`` in it, so it still lands whole
or not at all, and a failing document leaves the ones before it intact.
Replacing a document is one ``DELETE`` of its ``documents`` row: sentences,
events and places go with it by ``ON DELETE CASCADE``, which is why the
store refuses to open without enforced foreign keys.

Pragmas: WAL journal (readers never block the writer, and a killed writer
leaves an uncommitted tail in the WAL that recovery ignores), foreign keys
ON (and checked: the cascades depend on it), ``synchronous=NORMAL`` (in WAL
mode a power cut may lose the last commits but never corrupts the file).
The schema is built by an ordered list of migrations (:data:`MIGRATIONS`),
each recorded in the ``migrations`` table; ``meta.schema_version`` is the
number applied. The schema is documented in ``docs/schema.md``.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from newsevents.errors import StoreError
from newsevents.flatten import EVENT_FIELDS, event_from_row, event_values
from newsevents.records import Actor, Document, Event, PlaceMention, Sentence

# Error messages, one place so they stay consistent and searchable.
NOT_A_DATABASE = "{path} is not a newsevents database: {detail}"
TOO_NEW = ("{path} has schema version {found}, newer than this newsevents supports ({supported}): "
           "upgrade newsevents")
READ_ONLY = "{path} is read-only: newsevents needs write access to its database ({detail})"
CANNOT_OPEN = "cannot open database {path}: {detail}"
CANNOT_STORE = "cannot store document {doc_id!r}: {detail}"
NO_FOREIGN_KEYS = "this SQLite library does not enforce foreign keys (PRAGMA foreign_keys stays off)"
CANNOT_COMMIT = "{path}: cannot commit a batch of documents, none of the batch is stored: {detail}"
BAD_BATCH = "a batch needs size >= 1 and seconds >= 0, not size={size} and seconds={seconds}"

# Columns of the documents table, in order (also the CSV header of exported documents).
DOCUMENT_COLUMNS = (
    "doc_id", "content_hash", "title", "date", "author", "source", "url", "path", "line",
    "input_format", "date_source", "n_sentences", "ingested_at", "text",
)

# Columns of the events table written from an Event, in order: the flattened event
# (newsevents.flatten.EVENT_FIELDS, shared with the flat export formats) with the two
# actor ids after sentence_index.
EVENT_COLUMNS = (*EVENT_FIELDS[:3], "source_actor_id", "target_actor_id", *EVENT_FIELDS[3:])
# (rows are (source_actor_id, target_actor_id, *flatten.event_values(event)))
_INSERT_EVENT = (f"INSERT INTO events (source_actor_id, target_actor_id, {', '.join(EVENT_FIELDS)}) "
                 f"VALUES ({', '.join('?' * (len(EVENT_FIELDS) + 2))})")

PLACE_COLUMNS = (
    "doc_id", "place_index", "start", "end", "text", "name", "country", "lat", "lon",
    "feature_id", "feature_class", "adm1", "population", "confidence", "dateline",
)


# ---------------------------------------------------------------------------
# 1. Schema and migrations
# ---------------------------------------------------------------------------

_BOOTSTRAP = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
)

_INITIAL_SCHEMA = (
    """CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT, date TEXT, author TEXT, source TEXT, url TEXT, path TEXT, line INTEGER,
        input_format TEXT, date_source TEXT,
        n_sentences INTEGER NOT NULL,
        ingested_at TEXT NOT NULL,
        text TEXT NOT NULL)""",
    """CREATE TABLE sentences (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        sentence_index INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (doc_id, sentence_index))""",
    """CREATE TABLE actors (
        actor_id INTEGER PRIMARY KEY AUTOINCREMENT,
        code TEXT, country TEXT, sector TEXT, name TEXT)""",
    # UNIQUE(code, name) with NULL treated as '' (a plain UNIQUE lets NULLs repeat).
    "CREATE UNIQUE INDEX actors_code_name ON actors (ifnull(code, ''), ifnull(name, ''))",
    """CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        sentence_index INTEGER NOT NULL,
        source_actor_id INTEGER REFERENCES actors(actor_id),
        target_actor_id INTEGER REFERENCES actors(actor_id),
        source_text TEXT, source_code TEXT, source_country TEXT, source_sector TEXT,
        source_start INTEGER, source_end INTEGER, source_name TEXT, source_resolved_by TEXT,
        target_text TEXT, target_code TEXT, target_country TEXT, target_sector TEXT,
        target_start INTEGER, target_end INTEGER, target_name TEXT, target_resolved_by TEXT,
        cameo TEXT NOT NULL, cameo_name TEXT, root TEXT NOT NULL,
        quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
        plover_type TEXT, plover_mode TEXT,
        date TEXT, date_precision TEXT, date_source TEXT,
        location_name TEXT, location_country TEXT, location_lat REAL, location_lon REAL,
        location_geo_type INTEGER, location_adm1 TEXT, location_feature_id TEXT,
        location_precision TEXT,
        factuality TEXT NOT NULL,
        trigger_text TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
        rule TEXT NOT NULL, confidence REAL NOT NULL,
        extra_json TEXT,
        FOREIGN KEY (doc_id, sentence_index)
            REFERENCES sentences(doc_id, sentence_index) ON DELETE CASCADE)""",
    "CREATE INDEX events_date ON events (date)",
    "CREATE INDEX events_dyad_date ON events (source_country, target_country, date)",
    "CREATE INDEX events_root ON events (root)",
    "CREATE INDEX events_doc_id ON events (doc_id)",
    "CREATE INDEX events_cameo ON events (cameo)",
    """CREATE TABLE places (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        place_index INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        name TEXT, country TEXT, lat REAL, lon REAL, feature_id TEXT, feature_class TEXT,
        adm1 TEXT, population INTEGER, confidence REAL,
        PRIMARY KEY (doc_id, place_index))""",
)


def _m0001_initial(conn: sqlite3.Connection) -> None:
    """Create documents, sentences, actors, events and places with their indexes."""
    for statement in _INITIAL_SCHEMA:
        conn.execute(statement)


def _m0002_actor_memory(conn: sqlite3.Connection) -> None:
    """Named actors remembered across articles (corpus-level actor memory)."""
    conn.execute("""CREATE TABLE actor_memory (
        name TEXT PRIMARY KEY, code TEXT NOT NULL, country TEXT, sector TEXT,
        first_seen TEXT, last_seen TEXT, n_seen INTEGER NOT NULL DEFAULT 1)""")


def _m0003_place_dateline(conn: sqlite3.Connection) -> None:
    """``places.dateline``: 1 for the place of the dateline opening the article
    (``PlaceMention.dateline``). Rows stored before are 0: their dateline was not recorded."""
    conn.execute("ALTER TABLE places ADD COLUMN dateline INTEGER NOT NULL DEFAULT 0")


# Ordered; append new migrations, never edit or reorder applied ones.
MIGRATIONS: tuple[tuple[str, Callable[[sqlite3.Connection], None]], ...] = (
    ("0001_initial", _m0001_initial),
    ("0002_actor_memory", _m0002_actor_memory),
    ("0003_place_dateline", _m0003_place_dateline),
)
SCHEMA_VERSION = len(MIGRATIONS)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _is_readonly(exc: sqlite3.Error) -> bool:
    return exc.sqlite_errorname.startswith("SQLITE_READONLY")


# ---------------------------------------------------------------------------
# 2. The store
# ---------------------------------------------------------------------------

class Store:
    """A newsevents SQLite database, created and migrated on open.

    Example::

        with Store("events.db") as store:
            if not store.has_document(doc.content_hash):
                store.add_document(doc, sentences, events, places)
            for event in store.iter_events(root="14", since="2024-01-01"):
                ...

    :param path: a file path, or ``":memory:"`` for a throwaway database.
    :raises StoreError: if the file is not a SQLite/newsevents database, has a
        newer schema than this version supports, or needs migrating but cannot
        be written (an up-to-date read-only file opens for reading).
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = os.fspath(path)
        # Batch state (see batch()): nesting depth, limits, and the open batch transaction's
        # number of units and start time.
        self._batch_depth = 0
        self._batch_size, self._batch_seconds = 0, 0.0
        self._batch_units, self._batch_started = 0, 0.0
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(CANNOT_OPEN.format(path=self.path, detail=exc)) from exc
        self._conn.row_factory = sqlite3.Row
        try:
            self._configure()
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # -- opening ------------------------------------------------------------

    def _configure(self) -> None:
        """Set the pragmas; turn "not a database" and read-only files into StoreError."""
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self._conn.execute("PRAGMA foreign_keys").fetchone()[0] != 1:
                raise StoreError(CANNOT_OPEN.format(path=self.path, detail=NO_FOREIGN_KEYS))
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            tables = {r[0] for r in self._conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            if _is_readonly(exc):
                raise StoreError(READ_ONLY.format(path=self.path, detail=exc)) from exc
            raise StoreError(NOT_A_DATABASE.format(path=self.path, detail=exc)) from exc
        if tables and "meta" not in tables:
            raise StoreError(NOT_A_DATABASE.format(
                path=self.path, detail="it has tables but no newsevents meta table"))

    def _migrate(self) -> None:
        """Apply pending migrations in one transaction; refuse a newer schema.

        An up-to-date database is only read, so opening one never waits for
        an ingest that holds the write lock, and a read-only file can be read.
        """
        if self._current_version() == SCHEMA_VERSION:
            return
        try:
            with self._transaction():
                for statement in _BOOTSTRAP:
                    self._conn.execute(statement)
                if self._current_version() == SCHEMA_VERSION:  # another process migrated it
                    return
                applied = {r[0] for r in self._conn.execute("SELECT name FROM migrations")}
                for name, migration in MIGRATIONS:
                    if name in applied:
                        continue
                    migration(self._conn)
                    self._conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                                       (name, _now()))
                self._conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                    (str(SCHEMA_VERSION),))
        except sqlite3.DatabaseError as exc:
            if _is_readonly(exc):
                raise StoreError(READ_ONLY.format(path=self.path, detail=exc)) from exc
            raise StoreError(NOT_A_DATABASE.format(path=self.path, detail=exc)) from exc

    def _current_version(self) -> int:
        """The recorded schema version (0 for a new file); StoreError if newer than supported."""
        has_meta = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        found = self.schema_version if has_meta else 0
        if found > SCHEMA_VERSION:
            raise StoreError(TOO_NEW.format(path=self.path, found=found, supported=SCHEMA_VERSION))
        return found

    @property
    def schema_version(self) -> int:
        """The schema version recorded in ``meta`` (0 for a new database)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One all-or-nothing unit of writes.

        Outside a batch, its own write transaction: ``BEGIN IMMEDIATE``, then
        ``COMMIT`` on success and ``ROLLBACK`` on any error. Inside
        :meth:`batch`, a ``SAVEPOINT`` in the batch's shared transaction (begun
        here when none is open): on any error the unit is rolled back to its
        savepoint, so the units before it stay and none of its rows do; after
        the unit the batch commits if it is full or old enough.
        """
        conn = self._conn
        if not self._batch_depth:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._rollback()
                raise
            self._commit()
            return
        if conn.in_transaction and time.monotonic() - self._batch_started >= self._batch_seconds:
            self._commit_batch()  # the caller took long since the last unit: do not hold the lock longer
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
            self._batch_units, self._batch_started = 0, time.monotonic()
        conn.execute("SAVEPOINT document")
        try:
            yield
        except BaseException:
            self._rollback_unit()
            raise
        conn.execute("RELEASE document")
        self._batch_units += 1
        if (self._batch_units >= self._batch_size
                or time.monotonic() - self._batch_started >= self._batch_seconds):
            self._commit_batch()

    def _commit_batch(self) -> None:
        """Commit the open batch; a failure says that the whole batch is lost (not just one document)."""
        try:
            self._commit()
        except sqlite3.Error as exc:
            raise StoreError(CANNOT_COMMIT.format(path=self.path, detail=exc)) from exc

    def _rollback_unit(self) -> None:
        """Undo the current batch unit; if that fails, the whole batch, never keeping half a unit."""
        if not self._conn.in_transaction:  # SQLite already rolled everything back (e.g. disk full)
            raise StoreError(CANNOT_COMMIT.format(path=self.path, detail="SQLite rolled the batch back"))
        try:
            self._conn.execute("ROLLBACK TO document")
            self._conn.execute("RELEASE document")
        except sqlite3.Error:
            self._rollback()

    def _commit(self) -> None:
        """COMMIT; if that fails, ROLLBACK so no transaction is left open, and re-raise."""
        try:
            self._conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self._conn.in_transaction:  # (some errors make SQLite roll back by itself)
            self._conn.execute("ROLLBACK")

    @contextmanager
    def batch(self, size: int = 1000, seconds: float = 1.0) -> Iterator[Store]:
        """Write the documents added inside the block in shared transactions.

        Example::

            with Store("events.db") as store, store.batch():
                for doc, sentences, events, places in corpus:
                    store.add_document(doc, sentences, events, places)

        Every :meth:`add_document` (and :meth:`save_actor_memory`) in the block
        is still all-or-nothing, a savepoint in the shared transaction: one
        that raises leaves no row of its own and keeps the documents before it.
        The transaction commits after ``size`` documents, once it is
        ``seconds`` old (checked at each document), and when the block ends,
        normally or by an exception (the complete documents written so far are
        committed, then the exception propagates). Nested batches join the
        outer one.

        The cost of the speed: a document is durable only when its batch
        commits. A killed process loses the open batch's documents (at most
        ``size``, or ``seconds`` of work) and leaves the database consistent;
        ingesting again stores them, as re-ingest is idempotent. Between
        commits the batch holds the database's write lock, so other writers
        wait: the batch is committed at the first document stored after
        ``seconds``, so the wait is ``seconds`` plus however long the caller
        takes to produce the next document. Callers that compute documents
        slowly should compute a group first and write it in a batch of its
        own, as ``newsevents ingest`` does (the lock is then held only while
        the group is written).

        :raises ValueError: if ``size`` < 1 or ``seconds`` < 0.
        :raises StoreError: if the final commit fails (none of the open batch is then stored).
        """
        if size < 1 or seconds < 0:
            raise ValueError(BAD_BATCH.format(size=size, seconds=seconds))
        if self._batch_depth:
            self._batch_depth += 1
            try:
                yield self
            finally:
                self._batch_depth -= 1
            return
        self._batch_size, self._batch_seconds, self._batch_depth = size, seconds, 1
        try:
            yield self
        finally:
            active, self._batch_depth = self._batch_depth, 0  # (close() inside the block ends it)
            if active and self._conn.in_transaction:
                try:
                    self._commit()
                except sqlite3.Error as exc:
                    raise StoreError(CANNOT_COMMIT.format(path=self.path, detail=exc)) from exc

    def close(self) -> None:
        """Close the connection (idempotent); inside :meth:`batch`, commit its documents first."""
        try:
            if self._batch_depth and self._conn.in_transaction:
                self._commit()
        finally:
            self._batch_depth = 0
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        """True if a document with this content hash is stored."""
        return self._conn.execute(
            "SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,)).fetchone() is not None

    def add_document(self, doc: Document, sentences: list[Sentence], events: list[Event],
                     places: Iterable[PlaceMention] = ()) -> bool:
        """Store one document with its sentences, events and place mentions, atomically.

        Returns False and writes nothing if a document with the same content
        hash is already stored (re-ingest is idempotent). If ``doc.doc_id``
        is stored with a different content hash, its old rows are replaced in
        the same transaction. Outside :meth:`batch` the document is committed
        when this returns; inside, when the batch commits.

        :raises StoreError: if a record belongs to another document, two
            events share an event_id, or a row breaks a constraint (e.g. an
            event points at a sentence that was not given).
        """
        _check_belongs(doc, sentences, events)
        places = list(places)
        try:
            with self._transaction():
                if self.has_document(doc.content_hash):
                    return False
                self._delete_document(doc.doc_id)
                self._insert(doc, sentences, events, places)
        except sqlite3.IntegrityError as exc:
            raise StoreError(CANNOT_STORE.format(doc_id=doc.doc_id, detail=exc)) from exc
        except sqlite3.OperationalError as exc:
            if _is_readonly(exc):
                raise StoreError(READ_ONLY.format(path=self.path, detail=exc)) from exc
            raise
        return True

    def _delete_document(self, doc_id: str) -> None:
        """Delete a document; ON DELETE CASCADE removes its sentences, events and places."""
        self._conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def _insert(self, doc: Document, sentences: list[Sentence], events: list[Event],
                places: list[PlaceMention]) -> None:
        conn = self._conn
        conn.execute(
            f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})",
            (doc.doc_id, doc.content_hash, doc.title, doc.date, doc.author, doc.source, doc.url,
             doc.path, doc.line, doc.input_format, doc.date_source, len(sentences), _now(),
             doc.text))
        conn.executemany(
            'INSERT INTO sentences (doc_id, sentence_index, text, start, "end") VALUES (?, ?, ?, ?, ?)',
            [(s.doc_id, s.index, s.text, s.start, s.end) for s in sentences])
        actor_ids: dict[tuple[str | None, str | None], int] = {}
        rows = [(self._actor_id(e.source, actor_ids), self._actor_id(e.target, actor_ids),
                 *event_values(e)) for e in events]
        conn.executemany(_INSERT_EVENT, rows)
        conn.executemany(
            f"INSERT INTO places ({', '.join(_quoted(PLACE_COLUMNS))}) "
            f"VALUES ({', '.join('?' * len(PLACE_COLUMNS))})",
            [(doc.doc_id, i, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.feature_id,
              p.feature_class, p.adm1, p.population, p.confidence, int(p.dateline))
             for i, p in enumerate(places)])

    def _actor_id(self, actor: Actor | None,
                  cache: dict[tuple[str | None, str | None], int]) -> int | None:
        """The actors row for (code, name), inserted if new; None for an actor with neither.

        ``cache`` lives for one document (one transaction or savepoint) only,
        so a rolled-back insert is never reused.
        """
        if actor is None or (actor.code is None and actor.name is None):
            return None
        key = (actor.code, actor.name)
        if key not in cache:
            self._conn.execute(
                "INSERT INTO actors (code, country, sector, name) VALUES (?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING", (actor.code, actor.country, actor.sector, actor.name))
            cache[key] = self._conn.execute(
                "SELECT actor_id FROM actors WHERE ifnull(code, '') = ifnull(?, '') "
                "AND ifnull(name, '') = ifnull(?, '')", key).fetchone()[0]
        return cache[key]

    # -- reading ------------------------------------------------------------

    def load_actor_memory(self):
        """The corpus-level actor memory kept in this database (a ``CorpusActors``)."""
        from .actors import CorpusActors, Sighting

        rows = self._conn.execute(
            "SELECT name, code, country, sector, first_seen, last_seen, n_seen FROM actor_memory").fetchall()
        return CorpusActors([Sighting(*tuple(r)) for r in rows])

    def save_actor_memory(self, corpus) -> None:
        """Replace the stored actor memory with ``corpus`` (one transaction)."""
        rows = [(s.name, s.code, s.country, s.sector, s.first_seen, s.last_seen, s.count)
                for s in corpus.sightings()]
        try:
            with self._transaction():
                self._conn.execute("DELETE FROM actor_memory")
                self._conn.executemany("INSERT INTO actor_memory VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot save the actor memory: {exc}") from None

    def documents(self, *, text: bool = True) -> Iterator[dict[str, Any]]:
        """Every stored document as a dict of :data:`DOCUMENT_COLUMNS`, in ingest order.

        :param text: include the article text; ``text=False`` keeps a
            ``{doc_id: row}`` lookup for exports small.
        """
        columns = DOCUMENT_COLUMNS if text else DOCUMENT_COLUMNS[:-1]
        cursor = self._conn.execute(f"SELECT {', '.join(columns)} FROM documents ORDER BY rowid")
        for row in cursor:
            yield dict(row)

    def places(self, doc_id: str) -> list[PlaceMention]:
        """The place mentions stored for document ``doc_id``, in their order in it (empty for
        an unknown document); storing and reading back gives equal records."""
        rows = self._conn.execute(
            f"SELECT {', '.join(_quoted(PLACE_COLUMNS[2:]))} FROM places WHERE doc_id = ? "
            "ORDER BY place_index", (doc_id,))
        return [PlaceMention(start=r["start"], end=r["end"], text=r["text"], name=r["name"],
                             country=r["country"], lat=r["lat"], lon=r["lon"],
                             feature_id=r["feature_id"], feature_class=r["feature_class"],
                             adm1=r["adm1"], population=r["population"],
                             confidence=r["confidence"], dateline=bool(r["dateline"]))
                for r in rows]

    def iter_events(self, root: str | None = None, country: str | None = None,
                    since: str | None = None, until: str | None = None) -> Iterator[Event]:
        """Stored events as :class:`~newsevents.records.Event`, in insertion order.

        :param root: keep events with this CAMEO root code (``"14"``).
        :param country: keep events whose source *or* target country is this code.
        :param since: keep events dated on or after this YYYY-MM-DD (undated events are dropped).
        :param until: keep events dated on or before this YYYY-MM-DD (undated events are dropped).
        """
        where, params = [], []
        if root is not None:
            where.append("e.root = ?")
            params.append(root)
        if country is not None:
            where.append("(e.source_country = ? OR e.target_country = ?)")
            params += [country, country]
        if since is not None:
            where.append("e.date >= ?")
            params.append(since)
        if until is not None:
            where.append("e.date <= ?")
            params.append(until)
        sql = ("SELECT e.*, s.text AS sentence FROM events e "
               "JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index")
        if where:
            sql += " WHERE " + " AND ".join(where)
        for row in self._conn.execute(sql + " ORDER BY e.rowid", params):
            yield event_from_row(row)

    def stats(self) -> dict[str, Any]:
        """Counts for a summary.

        Keys: ``schema_version``, ``n_documents``, ``n_sentences``,
        ``n_events``, ``n_actors``, ``n_places``, ``events_by_root``
        ``{root: n}``, ``top_dyads`` (up to 10 ``(source_country,
        target_country, n)``, most events first, both countries known),
        ``date_range`` (``(first, last)`` event date, or None when no event
        is dated) and ``factuality`` ``{label: n}``.
        """
        q = self._conn.execute

        def count(table: str) -> int:
            return q(f"SELECT count(*) FROM {table}").fetchone()[0]

        first, last = q("SELECT min(date), max(date) FROM events").fetchone()
        return {
            "schema_version": self.schema_version,
            "n_documents": count("documents"),
            "n_sentences": count("sentences"),
            "n_events": count("events"),
            "n_actors": count("actors"),
            "n_places": count("places"),
            "events_by_root": dict(q(
                "SELECT root, count(*) FROM events GROUP BY root ORDER BY root").fetchall()),
            "top_dyads": [tuple(r) for r in q(
                "SELECT source_country, target_country, count(*) AS n FROM events "
                "WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
                "GROUP BY source_country, target_country "
                "ORDER BY n DESC, source_country, target_country LIMIT 10")],
            "date_range": (first, last) if first else None,
            "factuality": dict(q(
                "SELECT factuality, count(*) FROM events GROUP BY factuality "
                "ORDER BY factuality").fetchall()),
        }


def _quoted(columns: Iterable[str]) -> list[str]:
    return [f'"{c}"' for c in columns]


def _check_belongs(doc: Document, sentences: list[Sentence], events: list[Event]) -> None:
    """Refuse records of another document and duplicate event ids before writing."""
    for record in (*sentences, *events):
        if record.doc_id != doc.doc_id:
            raise StoreError(CANNOT_STORE.format(
                doc_id=doc.doc_id, detail=f"a {type(record).__name__} belongs to {record.doc_id!r}"))
    seen: set[str] = set()
    for e in events:
        if e.event_id in seen:
            raise StoreError(CANNOT_STORE.format(
                doc_id=doc.doc_id, detail=f"duplicate event_id {e.event_id!r}"))
        seen.add(e.event_id)
