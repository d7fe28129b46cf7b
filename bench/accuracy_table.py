"""Run `newsevents evaluate` on every gold set under ../shared/eval and print a Markdown table.

    python bench/accuracy_table.py            # all sets
    python bench/accuracy_table.py petr2-gsr  # some

Each row names the exact command that gives the same figures on its own.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

# measure the code of this checkout, whatever version is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
# (set, metrics to show, extra CLI options)
SETS = [
    ("plover-gsr", ("type_acc", "dyad_acc", "source_acc", "target_acc", "sector_acc", "f1"), ()),
    ("petr2-gsr", ("f1", "type_acc", "dyad_acc", "noevent_acc"), ()),
    ("conflibert-train", ("class_acc", "macro_f1", "type_acc"), ()),
    ("icews-cameo", ("type_acc", "code_acc"), ()),
    ("petr-unittest", ("type_acc", "dyad_acc", "f1", "noevent_acc"),
     ("--scheme", "code", "--dictionaries", "DICT", "--dictionaries-only")),
]


def main(argv: list[str]) -> int:
    from newsevents.dictionaries import make_coder
    from newsevents.evaluate import evaluate
    from newsevents.pipeline import Pipeline

    wanted = set(argv) or {s for s, _, _ in SETS}
    if not EVAL.exists():
        print(f"skipped: {EVAL} not found")
        return 0
    base = Pipeline(locate=False)
    print("| gold set | figures | seconds | command |\n|---|---|---|---|")
    for name, metrics, options in SETS:
        if name not in wanted or not (EVAL / name).exists():
            continue
        pipeline, scheme = base, None
        if "--dictionaries" in options:
            pipeline = Pipeline(locate=False, coder=make_coder([str(EVAL / name / "dictionaries")], only=True))
            scheme = "code"
        t0 = time.perf_counter()
        report = evaluate(EVAL / name, "gold", pipeline, scheme)
        took = time.perf_counter() - t0
        figures = ", ".join(f"{m} {report.metrics[m]:.3f}" for m in metrics if m in report.metrics)
        opts = " ".join(o if o != "DICT" else f"../shared/eval/{name}/dictionaries" for o in options)
        command = f"`newsevents evaluate ../shared/eval/{name}{' ' + opts if opts else ''}`"
        print(f"| {name} ({report.n_docs}) | {figures} | {took:.0f} | {command} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
