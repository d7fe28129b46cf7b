"""How well Title Case and ALL CAPS lines are coded: the plover-gsr sentences written as headlines.

Feed titles and headlines come in Title Case ("U.S. Lifts Travel Ban to Lebanon"), which the small
spaCy model parses badly. This script writes every plover-gsr sentence in Title Case (each word
capitalised but the small words of SMALL_WORDS) and in capitals, codes every version, and prints,
with and without the headline caser (newsevents.truecase):

- type_acc: share of sentences with a predicted event of a gold PLOVER type (as plover-gsr scores);
- agree: share of sentences whose Title Case (or ALL CAPS) version codes the same set of CAMEO
  roots as the sentence-case version.

    python bench/eval_headlines.py [../shared/eval/plover-gsr]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

# measure the code of this checkout, whatever version is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "plover-gsr"


def title_case(text: str, small: frozenset[str]) -> str:
    """Capitalise every word of ``text`` but the small words (the first word always)."""
    def up(m: re.Match) -> str:
        w = m.group()
        if m.start() > 0 and w.lower() in small:
            return w
        return w[:1].upper() + w[1:]
    return re.sub(r"[^\W\d_][\w'-]*", up, text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT), help="a plover-gsr folder (docs.jsonl, gold.jsonl)")
    a = ap.parse_args(argv)
    folder = Path(a.gold)
    if not (folder / "docs.jsonl").exists():
        print(f"error: {folder}/docs.jsonl not found", file=sys.stderr)
        return 2

    from newsevents.pipeline import Pipeline
    from newsevents.records import Document
    from newsevents.truecase import SMALL_WORDS

    docs = [json.loads(line) for line in (folder / "docs.jsonl").read_text(encoding="utf-8").splitlines() if line]
    gold = {}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line:
            record = json.loads(line)
            gold[record["id"]] = {e["plover"] for e in record["events"] if e.get("plover")}

    def code(pipeline, texts):
        out = []
        batch = [Document(doc_id=str(k), text=t) for k, t in enumerate(texts)]
        for result in pipeline.process(batch):
            out.append(list(result.events))
        return out

    def types(events):
        return {e.plover.type for e in events if e.plover is not None} - {None}

    def roots(events):
        return {e.cameo[:2] for e in events}

    plain = Pipeline(locate=False, headlines=False)
    cased = Pipeline(locate=False)
    sentences = [d["text"] for d in docs]
    titles = [title_case(t, SMALL_WORDS) for t in sentences]
    capitals = [t.upper() for t in sentences]
    base = code(plain, sentences)
    rows = []
    for name, pipeline, texts in (("Title Case, without caser", plain, titles), ("Title Case, with caser", cased, titles),
                                  ("ALL CAPS, without caser", plain, capitals), ("ALL CAPS, with caser", cased, capitals)):
        found = code(pipeline, texts)
        scored = [d for d in docs if gold.get(d["id"])]
        hit = sum(bool(types(found[k]) & gold[d["id"]]) for k, d in enumerate(docs) if gold.get(d["id"]))
        same = sum(roots(found[k]) == roots(base[k]) for k in range(len(docs)))
        rows.append((name, hit / len(scored), same / len(docs)))
    hit = sum(bool(types(base[k]) & gold[d["id"]]) for k, d in enumerate(docs) if gold.get(d["id"]))
    print(f"{len(docs)} plover-gsr sentences written in Title Case and in ALL CAPS")
    print(f"  sentence case (reference)  : type_acc {hit / sum(1 for d in docs if gold.get(d['id'])):.3f}")
    for name, acc, agree in rows:
        print(f"  {name:27}: type_acc {acc:.3f}  agree {agree:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
