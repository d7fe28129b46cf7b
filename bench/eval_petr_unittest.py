"""The PETRARCH-2 unit-test suite coded with its own dictionaries (../shared/eval/petr-unittest).

Each record's expected events are (source key, target key, code) where the key is the first three
letters of the fictional actor code (``---`` codes have none) and the code is compared exactly
(``903`` exists only in the test dictionaries). Printed:

- complete: share of records whose expected events are all produced (no-event records count when
  nothing is produced);
- exact: share of records with exactly the expected events;
- extra/record: events produced that are not expected, per record; records with extras.

Example:
    /work/venv/bin/python bench/eval_petr_unittest.py [--with-builtin] [--errors misses.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# measure the code of this checkout, whatever version is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsevents.dictionaries import make_coder
from newsevents.pipeline import Pipeline
from newsevents.records import Document

SUITE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "petr-unittest"


def key(code: str | None) -> str | None:
    if not code or code.startswith("---") or not code[:3].isalpha():
        return None
    return code[:3].upper()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", default=str(SUITE))
    ap.add_argument("--with-builtin", action="store_true", help="dictionaries added to the bundled data")
    ap.add_argument("--errors", help="write records that are not exact to this JSONL file")
    a = ap.parse_args(argv)
    suite = Path(a.suite)
    if not (suite / "docs.jsonl").exists():
        print(f"{suite}: not present", file=sys.stderr)
        return 1
    docs = {d["id"]: d for d in map(json.loads, (suite / "docs.jsonl").read_text().splitlines())}
    gold = [json.loads(line) for line in (suite / "gold.jsonl").read_text().splitlines() if line.strip()]
    coder = make_coder([str(suite / "dictionaries")], only=not a.with_builtin)
    pipeline = Pipeline(coder=coder, locate=False)
    inputs = [Document(doc_id=g["id"], text=docs[g["id"]]["text"], date=docs[g["id"]].get("date")) for g in gold]
    complete = exact = extra = with_extra = 0
    errors = []
    for g, processed in zip(gold, pipeline.process(inputs)):
        want = {(e["source_country"] or key(e["source_code"]), e["target_country"] or key(e["target_code"]),
                 e["cameo"]) for e in g["events"]}
        # (negated events count: PETRARCH's dictionaries code negated verbs with codes of their own,
        # as newsevents.evaluate.predict does for a dictionary coder)
        got = {(key(e.source.code if e.source else None), key(e.target.code if e.target else None), e.cameo)
               for e in processed.events}
        ok = want <= got if want else not got
        complete += ok
        exact += want == got
        extra += len(got - want)
        with_extra += bool(got - want)
        if want != got:
            errors.append({"id": g["id"], "text": docs[g["id"]]["text"], "missing": sorted(map(str, want - got)),
                           "extra": sorted(map(str, got - want)),
                           "rules": [e.rule for e in processed.events]})
    n = len(gold)
    mode = "dictionaries + bundled data" if a.with_builtin else "dictionaries only"
    print(f"petr-unittest ({n} records, {mode})")
    print(f"complete      {complete / n:.1%}  ({complete}/{n})")
    print(f"exact         {exact / n:.1%}  ({exact}/{n})")
    print(f"extra/record  {extra / n:.1%}  ({extra} extra events; {with_extra} records with extras)")
    if a.errors:
        with open(a.errors, "w", encoding="utf-8") as f:
            for e in errors:
                f.write(json.dumps(e) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
