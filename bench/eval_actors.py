"""Upper-bound recall of the actor resolver on the gold sets, independent of the event coder.

For each document of ../shared/eval/plover-gsr and ../shared/eval/petr2-gsr, every
named entity and noun chunk (and the phrase headed by each noun) is resolved; the
gold actors of the document are then looked up among what was found:

- country recall: gold source/target countries found among the resolved countries;
- key recall: the scorer's dyad key (ISO country, else IGO/NGO/IMG/MNC from the code)
  found among the resolved keys, so organisations count too.

Both are micro-averaged over distinct (document, value) pairs. Also printed: how
many phrases the resolver handles per second (parsing excluded).

Example:
    /work/venv/bin/python bench/eval_actors.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

# measure the code of this checkout, whatever version is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsevents import nlp as nlp_stage
from newsevents.actors import ActorResolver, DocumentActors
from newsevents.evaluate import dyad_key

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
SETS = ("plover-gsr", "petr2-gsr")
def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def phrase_heads(doc) -> list:
    """Heads of the phrases to resolve: entity roots, noun-chunk roots and every noun."""
    heads = {ent.root.i: ent.root for ent in doc.ents}
    heads.update((chunk.root.i, chunk.root) for chunk in doc.noun_chunks)
    heads.update((t.i, t) for t in doc if t.pos_ in ("NOUN", "PROPN"))
    return [heads[i] for i in sorted(heads)]


def evaluate(name: str, nlp, resolver: ActorResolver) -> dict[str, float]:
    folder = EVAL / name
    docs = {d["id"]: d["text"] for d in read_jsonl(folder / "docs.jsonl")}
    gold = read_jsonl(folder / "gold.jsonl")
    found_country = total_country = found_key = total_key = phrases = 0
    resolve_time = 0.0
    misses: list[tuple[str, str]] = []
    for record in gold:
        doc = nlp(docs[record["id"]])
        memory = DocumentActors()
        heads = phrase_heads(doc)
        t0 = time.perf_counter()
        actors = [resolver.resolve_token(tok, memory) for tok in heads]
        resolve_time += time.perf_counter() - t0
        phrases += len(heads)
        countries = {a.country for a in actors if a and a.country}
        keys = {dyad_key(a.country, a.code) for a in actors if a}
        gold_countries = {e[f"{r}_country"] for e in record["events"] for r in ("source", "target")} - {None}
        gold_keys = {dyad_key(e[f"{r}_country"], e[f"{r}_code"]) for e in record["events"] for r in ("source", "target")} - {None}
        total_country += len(gold_countries)
        found_country += len(gold_countries & countries)
        total_key += len(gold_keys)
        found_key += len(gold_keys & keys)
        misses.extend((k, docs[record["id"]][:90]) for k in sorted(gold_keys - keys))
    return {
        "docs": len(gold),
        "country_recall": found_country / max(total_country, 1),
        "gold_countries": total_country,
        "key_recall": found_key / max(total_key, 1),
        "gold_keys": total_key,
        "phrases_per_s": phrases / max(resolve_time, 1e-9),
        "misses": misses,
    }


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    if not EVAL.exists():
        print(f"{EVAL} is not present", file=sys.stderr)
        return 1
    nlp = nlp_stage.load()
    resolver = ActorResolver()
    for name in SETS:
        if not (EVAL / name / "gold.jsonl").exists():
            continue
        r = evaluate(name, nlp, resolver)
        print(
            f"{name:11} docs={r['docs']:4d}  country_recall={r['country_recall']:.3f} (n={r['gold_countries']})  "
            f"key_recall={r['key_recall']:.3f} (n={r['gold_keys']})  resolver={r['phrases_per_s']:,.0f} phrases/s"
        )
        if verbose:
            for key, text in r["misses"]:
                print(f"    miss {key}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
