"""Measure Store.add_document throughput on synthetic documents.

Example::

    python bench/bench_store.py --docs 2000 --events 10 --batch 1000

Prints documents/s and events/s for a first ingest, for an idempotent
re-ingest (every document already stored) and for a replacing re-ingest
(every document changed, so its old rows are deleted first), events/s read
back with ``iter_events``, and the database size. Writes go through
``Store.batch(size)``; ``--batch 0`` commits each document on its own (the
only mode before batches existed).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

# measure the code of this checkout, whatever version is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsevents.records import Actor, Document, Event, Location, PlaceMention, Plover, Sentence, Span
from newsevents.store import Store

COUNTRIES = ("RUS", "UKR", "USA", "CHN", "FRA", "ISR", "PSE", "IRN", "IND", "PAK")
ROOTS = ("01", "04", "05", "11", "13", "14", "17", "19")


def synthetic(i: int, n_events: int, edition: str = ""
              ) -> tuple[Document, list[Sentence], list[Event], list[PlaceMention]]:
    """Document ``i`` with one ~120-character sentence and one event per event wanted.

    A different ``edition`` gives the same doc_id with another text (a changed article).
    """
    doc_id = f"bench-{i}"
    texts = [f"Officials of country {i % 10} criticised the government of country {j} over talks, "
             f"sources said on day {i}.{edition}" for j in range(n_events)]
    sentences, offset = [], 0
    for j, t in enumerate(texts):
        sentences.append(Sentence(doc_id, j, t, offset, offset + len(t)))
        offset += len(t) + 1
    events = []
    for j, s in enumerate(sentences):
        src, tgt, root = COUNTRIES[i % 10], COUNTRIES[(i + j + 1) % 10], ROOTS[(i + j) % len(ROOTS)]
        events.append(Event(
            event_id=Event.make_id(doc_id, j, 22, root + "0", src + "GOV", tgt + "GOV"),
            doc_id=doc_id, sentence_index=j, sentence=s.text,
            source=Actor("Officials", src + "GOV", src, "GOV", 0, 9),
            target=Actor("the government", tgt + "GOV", tgt, "GOV", 33, 47),
            cameo=root + "0", root=root, quad_class=1 + (i + j) % 4, goldstein=-2.0,
            plover=Plover("DISAPPROVE"), date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            location=Location("Capital", tgt, 10.0, 20.0, geo_type=4), factuality="reported",
            trigger=Span("criticised", 22, 32), rule="bench.v1", confidence=0.5, date_precision="day"))
    places = [PlaceMention("Capital", 0, 7, name="Capital", country=COUNTRIES[i % 10], lat=10.0, lon=20.0)]
    doc = Document(doc_id=doc_id, text=" ".join(texts), title=f"Bench {i}", date="2024-01-01",
                   source="bench", url=f"https://example.org/{i}", input_format="text")
    return doc, sentences, events, places


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents to insert")
    parser.add_argument("--events", type=int, default=10, help="events (and sentences) per document")
    parser.add_argument("--batch", type=int, default=1000,
                        help="documents per transaction (Store.batch); 0 commits each document alone")
    args = parser.parse_args()

    records = [synthetic(i, args.events) for i in range(args.docs)]
    changed = [synthetic(i, args.events, edition=" (updated)") for i in range(args.docs)]
    n_events = args.docs * args.events

    def add_all(store: Store, rs: list) -> float:
        t0 = time.perf_counter()
        with store.batch(args.batch) if args.batch else contextlib.nullcontext():
            for r in rs:
                store.add_document(*r)
        return time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.db")
        with Store(path) as store:
            first = add_all(store, records)
            again = add_all(store, records)
            t0 = time.perf_counter()
            n_read = sum(1 for _ in store.iter_events())
            read = time.perf_counter() - t0
        size = os.path.getsize(path)  # the WAL is checkpointed into the file on close
        with Store(path) as store:
            replace = add_all(store, changed)
            assert store.stats()["n_events"] == n_events
    mode = f"batches of {args.batch}" if args.batch else "one transaction per document"
    print(f"sqlite {sqlite3.sqlite_version}, {args.docs} documents x {args.events} events, {mode}")
    print(f"ingest:    {args.docs / first:8.0f} docs/s  {n_events / first:9.0f} events/s  ({first:.2f} s)")
    print(f"re-ingest: {args.docs / again:8.0f} docs/s  (all skipped by content hash, {again:.2f} s)")
    print(f"replace:   {args.docs / replace:8.0f} docs/s  {n_events / replace:9.0f} events/s  "
          f"(every document changed, {replace:.2f} s)")
    print(f"read back: {n_read / read:9.0f} events/s via iter_events ({read:.2f} s)")
    print(f"db size:   {size / 1e6:.1f} MB ({size / n_events:.0f} bytes/event incl. text and sentences)")


if __name__ == "__main__":
    main()
