"""Title, date and author accuracy of HTML ingest on shared/eval/trafilatura-meta.

Compares (a) trafilatura's ``bare_extraction`` alone, fed the raw page bytes,
with (b) ``newsevents.ingest.read_inputs`` (trafilatura plus the fallbacks
documented in ``newsevents/ingest/html.py``).

Scoring, as in the data set's README; a page with no output counts as wrong:

* title_acc: titles equal after NFKC, case folding and keeping only word
  characters (punctuation and spacing ignored); title_exact: equal as given.
* date_acc: the same day (YYYY-MM-DD).
* author_acc: over the pages with a gold author, the same set of name tokens
  (word characters, case-folded; the connectors "and"/"by" ignored).
  author_none_ok: over pages without one, the share where no author was output.

Example:

    /work/venv/bin/python bench/eval_metadata.py            # figures
    /work/venv/bin/python bench/eval_metadata.py --misses   # plus each miss
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import re
import sys
import time
import unicodedata
from pathlib import Path

import trafilatura

# measure the code of this checkout, whatever version is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsevents.ingest import IngestError, read_inputs

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "trafilatura-meta"
CONNECTORS = {"and", "by"}


def norm_title(title: str | None) -> str:
    """Word characters only, case-folded, single-spaced."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", title or "").casefold()))


def name_tokens(author: str | None) -> set[str]:
    """The set of case-folded name tokens in an author string."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", author or "").casefold())
    return set(words) - CONNECTORS


def baseline(page: Path) -> dict[str, str | None]:
    """Metadata from trafilatura alone."""
    doc = trafilatura.bare_extraction(page.read_bytes(), with_metadata=True)
    if doc is None:
        return {}
    return {"title": doc.title, "date": (doc.date or "")[:10] or None, "author": doc.author}


def ours(page: Path) -> dict[str, str | None]:
    """Metadata from newsevents ingest."""
    item = next(read_inputs([str(page)], input_format="html"))
    if isinstance(item, IngestError):
        return {}
    return {"title": item.title, "date": item.date, "author": item.author}


def score(gold: list[dict], predicted: dict[str, dict], misses: bool, label: str) -> dict[str, float]:
    """The accuracy figures of ``predicted`` against ``gold``."""
    hits = {"title_acc": 0, "title_exact": 0, "date_acc": 0, "author_acc": 0, "author_none_ok": 0}
    with_author = sum(1 for g in gold if g["author"])
    for g in gold:
        p = predicted.get(g["id"], {})
        checks = {
            "title_acc": norm_title(p.get("title")) == norm_title(g["title"]) and bool(p.get("title")),
            "title_exact": (p.get("title") or "").strip() == g["title"].strip(),
            "date_acc": p.get("date") == g["date"],
        }
        if g["author"]:
            checks["author_acc"] = name_tokens(p.get("author")) == name_tokens(g["author"])
        else:
            checks["author_none_ok"] = not p.get("author")
        for key, ok in checks.items():
            hits[key] += ok
            if misses and not ok and key != "title_exact":
                field = key.split("_")[0]
                print(f"  [{label}] {key} {g['id']}: got {p.get(field)!r}, gold {g[field]!r}")
    totals = {"author_acc": with_author, "author_none_ok": len(gold) - with_author}
    return {key: hits[key] / (totals.get(key) or len(gold)) for key in hits}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the trafilatura-meta folder")
    parser.add_argument("--misses", action="store_true", help="print every wrong title, date and author")
    args = parser.parse_args()
    gold_path = args.data / "gold.jsonl"
    if not gold_path.exists():
        print(f"skipped: {gold_path} not found", file=sys.stderr)
        return 0
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = {g["id"]: args.data / "html" / g["file"] for g in gold}
    results = {}
    for label, extract in (("trafilatura", baseline), ("newsevents", ours)):
        start = time.perf_counter()
        predicted = {doc_id: extract(page) for doc_id, page in pages.items()}
        elapsed = time.perf_counter() - start
        results[label] = score(gold, predicted, args.misses, label)
        results[label]["seconds"] = round(elapsed, 1)
    digest = hashlib.sha256(gold_path.read_bytes()).hexdigest()[:12]
    print(f"corpus: {len(gold)} pages, {sum(1 for g in gold if g['author'])} with author; gold sha256 {digest}")
    print(f"python {platform.python_version()}, trafilatura {trafilatura.__version__}")
    keys = ["title_acc", "title_exact", "date_acc", "author_acc", "author_none_ok", "seconds"]
    print(f"{'':12}" + "".join(f"{k:>15}" for k in keys))
    for label, figures in results.items():
        cells = "".join(f"{figures[k]:>15.1f}" if k == "seconds" else f"{figures[k]:>15.3f}" for k in keys)
        print(f"{label:12}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
