"""Score the coder on the team's review sentences (bench/reviews/*.tsv).

Each set is a few hundred sentences we wrote and coded by hand while reviewing one kind of news
(domestic politics, armed groups, diplomacy). They were used to find and fix errors, so the
figures are in-sample: they show what was fixed stays fixed, not how well the coder generalises
(the gold sets of ../shared/eval do that).

    python bench/eval_reviews.py             # every set
    python bench/eval_reviews.py --errors    # and every sentence with a miss

Figures per set: root (some event has a root of the sentence's codes), exact code, source and
target country and sector (on the events that got the code, else the root), false events on the
no-event sentences, and sentences with no event at all. Negated events do not count.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REVIEWS = ROOT / "bench" / "reviews"


@dataclass
class Item:
    id: str
    date: str | None
    sentence: str
    codes: list[str]  # empty: no event
    source: list[str]  # alternatives; ["-"] alone: not scored
    target: list[str]


@dataclass
class Score:
    name: str
    counts: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, value: bool | int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + int(value)

    def rate(self, key: str, total: str) -> float:
        return self.counts.get(key, 0) / max(1, self.counts.get(total, 0))


def read_items(path: Path) -> list[Item]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 6:
            raise SystemExit(f"{path}:{n}: expected 6 tab-separated columns, found {len(cols)}")
        ident, date, sentence, codes, source, target = cols
        items.append(Item(ident, date or None, sentence, [c for c in codes.split("|") if c != "none"],
                          source.split("|"), target.split("|")))
    return items


def actor_fits(code: str | None, alternatives: list[str], part: str) -> bool:
    """Whether the predicted actor ``code`` meets one of ``alternatives`` on ``part``: "country" (the
    first three letters; "***" any) or "sector" (the next three; a bare country: no sector)."""
    code = code or ""
    for alt in alternatives:
        if alt == "-":
            if not code:
                return True
            continue
        country, sector = alt[:3], alt[3:6]
        if part == "country" and (country == "***" or code[:3] == country):
            return True
        if part == "sector" and code[:3] == country or part == "sector" and country == "***":
            if not sector and not code[3:] or sector == "***" or sector and code[3:6] == sector:
                return True
    return False


def score(name: str, items: list[Item], pipeline) -> Score:
    from newsevents.records import Document

    out = Score(name)
    for item in items:
        processed = pipeline.process_one(Document(doc_id=f"{name}-{item.id}", text=item.sentence, date=item.date))
        events = [e for e in processed.events if e.factuality != "negated"]
        found = [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in events]
        marks = []
        if not item.codes:
            out.add("no_event")
            if events:
                out.add("false_events")
                marks.append("false event")
        else:
            out.add("with_event")
            roots = {c[:2] for c in item.codes}
            by_root = [f for f in found if f[0][:2] in roots]
            exact = [f for f in found if f[0] in item.codes]
            out.add("missed", not found)
            out.add("root", bool(by_root))
            out.add("exact", bool(exact))
            if not found:
                marks.append("missed")
            elif not by_root:
                marks.append("root")
            elif not exact:
                marks.append("code")
            chosen = exact or by_root
            for side, alternatives in (("source", item.source), ("target", item.target)):
                if alternatives == ["-"]:
                    continue
                for part in ("country", "sector"):
                    out.add(f"{side}_{part}_n")
                    good = any(actor_fits(f[1 if side == "source" else 2], alternatives, part) for f in chosen)
                    out.add(f"{side}_{part}", good)
                    if chosen and not good:
                        marks.append(f"{side} {part}")
        if marks:
            out.misses.append(f"{name} {item.id} [{', '.join(marks)}] {item.sentence}\n"
                              f"    gold {'|'.join(item.codes) or 'none'} {'|'.join(item.source)} -> {'|'.join(item.target)}\n"
                              + "".join(f"    got  {c} {s} -> {t}\n" for c, s, t in found))
    return out


FIGURES = (("root", "with_event"), ("exact", "with_event"), ("source_country", "source_country_n"),
           ("source_sector", "source_sector_n"), ("target_country", "target_country_n"),
           ("target_sector", "target_sector_n"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=sorted(REVIEWS.glob("*.tsv")))
    ap.add_argument("--errors", action="store_true", help="print every sentence with a miss")
    a = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    from newsevents.pipeline import Pipeline

    pipeline = Pipeline(locate=False)
    print("| set | sentences | root | exact code | source country / sector | target country / sector "
          "| false events | missed |")
    print("|---|---|---|---|---|---|---|---|")
    for path in a.paths:
        s = score(path.stem, read_items(path), pipeline)
        c = s.counts
        r = {k: s.rate(k, n) for k, n in FIGURES}
        print(f"| {s.name} | {c.get('with_event', 0)} + {c.get('no_event', 0)} with no event | {r['root']:.3f} "
              f"| {r['exact']:.3f} | {r['source_country']:.3f} / {r['source_sector']:.3f} "
              f"| {r['target_country']:.3f} / {r['target_sector']:.3f} | {c.get('false_events', 0)} "
              f"| {c.get('missed', 0)} |")
        if a.errors:
            print("".join(s.misses), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
