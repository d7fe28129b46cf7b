"""Parse time versus coder time on the same corpus, in one run.

The coder's own work (everything after the spaCy parse: trigger matching,
argument and actor resolution, factuality, dates, places, record building) should
cost at most 15% of the parse time. Both are printed as CPU time of this process (the ratio
the target is judged on: steady on a shared machine) and as wall time.

    python bench/bench_coder.py                      # the bundled sample corpus
    python bench/bench_coder.py ../shared/eval/conflibert-train/docs.jsonl
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# measure the code of this checkout, whatever version is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "src" / "newsevents" / "data" / "samples")])
    ap.add_argument("--model", default=None)
    ap.add_argument("--repeat", type=int, default=1, help="process the corpus this many times")
    a = ap.parse_args(argv)

    from newsevents.ingest import read_inputs
    from newsevents.pipeline import Pipeline

    docs = [d for d in read_inputs(a.paths) if not isinstance(d, Exception)] * a.repeat
    pipeline = Pipeline(model=a.model)
    pipeline.process_one(docs[0])  # warm up: load tables and gazetteer outside the timings

    t0, c0 = time.perf_counter(), time.process_time()
    parsed = list(pipeline.parse(docs))
    parse_s, parse_cpu = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    n_events = n_sents = 0
    for doc, spacy_doc in parsed:
        p = pipeline.process_parsed(doc, spacy_doc)
        n_events += len(p.events)
        n_sents += len(p.sentences)
    code_s, code_cpu = time.perf_counter() - t0, time.process_time() - c0

    n_chars = sum(len(d.text) for d in docs)
    print(f"documents {len(docs):,}  sentences {n_sents:,}  characters {n_chars:,}  events {n_events:,}")
    print(f"spaCy parse : {parse_s:8.3f} s wall, {parse_cpu:8.3f} s CPU  ({len(docs) / parse_s:,.1f} docs/s, "
          f"{n_sents / parse_s:,.0f} sentences/s)")
    print(f"coder       : {code_s:8.3f} s wall, {code_cpu:8.3f} s CPU  ({n_sents / code_s:,.0f} sentences/s)")
    print(f"coder / parse = {100 * code_cpu / parse_cpu:.1f}% of CPU time, {100 * code_s / parse_s:.1f}% of wall time"
          "  (target <= 15%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
