"""Accuracy of the coder against gold-standard event data.

Reads gold sets in their published formats and in the normalised layout of the
project's evaluation folders, runs the pipeline on their sentences and scores
the result:

- ``gold``: a folder with ``docs.jsonl`` ({"id", "text", "date"?}) and ``gold.jsonl``
  ({"id", "events": [{source_country, target_country, source_code, target_code,
  cameo, root, plover, penta, ...}]}), as in ``../shared/eval/*``;
- ``plover-gsr``: PLOVER's ``PLOVER_GSR_CAMEO.txt`` (JSON records with trailing commas);
- ``petrarch-xml``: PETRARCH-2 validation XML (``<Sentence>`` with ``<EventCoding>`` and ``<Text>``);
- ``tsv5``: ``sentence<TAB>label`` with the Phoenix 5-way class (0 statement/appeal,
  1 verbal cooperation, 2 material cooperation, 3 verbal conflict (09-13 and 16),
  4 material conflict).

Scores follow the definitions in the evaluation folders' READMEs: ``type_acc`` is
the share of documents with gold events where some predicted event has a gold
event's type; ``dyad_acc`` additionally needs that event's source and target keys
to match; precision/recall/F1 are over distinct (doc, source key, target key, type)
tuples; ``noevent_acc`` is the share of no-event documents with no prediction.
The *type* is the CAMEO root, the exact code, the PLOVER type or the 5-way class.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import ontology
from .actors.resolver import ORGANISATION_TYPES
from .errors import InputError
from .records import Document, Event

FORMATS = ("gold", "plover-gsr", "petrarch-xml", "tsv5")
# Country codes the PLOVER GSR uses where ISO 3166 differs.
# PLOVER types dropped in 2.0 and the 2.0 types that count for them (plover-gsr README).
RETIRED_PLOVER_TYPES = {"INVESTIGATE": {"ACCUSE", "COERCE"}}
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "ZAI": "COD", "TMP": "TLS"}


@dataclass(slots=True)
class GoldEvent:
    source: str | None  # dyad key: ISO country or IGO/NGO/IMG/MNC
    target: str | None
    cameo: str | None = None
    plover: str | None = None
    penta: int | None = None
    source_sector: str | None = None


@dataclass(slots=True)
class GoldDoc:
    doc_id: str
    text: str
    date: str | None
    events: list[GoldEvent] = field(default_factory=list)
    alternatives: set[str] = field(default_factory=set)  # extra accepted types (PLOVER INVESTIGATE)


def dyad_key(country: str | None, code: str | None) -> str | None:
    """The dyad key of an actor: its ISO country, else an international code prefix."""
    if country:
        return CAMEO_TO_ISO.get(country, country)
    if code:
        code = code.strip("-")
        for prefix in ORGANISATION_TYPES:  # a dyad key by itself when no country is given
            if code.startswith(prefix):
                return prefix
        if len(code) >= 3 and code[:3].isalpha():
            return CAMEO_TO_ISO.get(code[:3], code[:3])
    return None


def event_key(actor) -> str | None:
    return None if actor is None else dyad_key(actor.country, actor.code)


# -- readers ---------------------------------------------------------------------------------------

def read_gold_folder(path: Path) -> list[GoldDoc]:
    folder = path if path.is_dir() else path.parent
    docs_file, gold_file = folder / "docs.jsonl", folder / "gold.jsonl"
    for f in (docs_file, gold_file):
        if not f.exists():
            raise InputError(f"{f}: missing (a gold folder needs docs.jsonl and gold.jsonl)")
    texts = {}
    for n, line in enumerate(docs_file.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                d = json.loads(line)
                texts[d["id"]] = (d["text"], d.get("date"))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{docs_file}:{n}: {exc}") from None
    out = []
    for n, line in enumerate(gold_file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            g = json.loads(line)
            text, date = texts[g["id"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{gold_file}:{n}: {exc}") from None
        doc = GoldDoc(g["id"], text, date)
        for e in g.get("events") or ():
            doc.events.append(GoldEvent(
                dyad_key(e.get("source_country"), e.get("source_code")),
                dyad_key(e.get("target_country"), e.get("target_code")),
                e.get("cameo"), e.get("plover"), e.get("penta"), e.get("source_sector")))
        for e in doc.events:
            doc.alternatives |= RETIRED_PLOVER_TYPES.get(e.plover, set())
        out.append(doc)
    return out


def read_plover_gsr(path: Path) -> list[GoldDoc]:
    """PLOVER_GSR_CAMEO.txt: JSON objects separated by commas, with trailing commas inside."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r",\s*([}\]])", r"\1", raw)
    try:
        records = json.loads("[" + raw.strip().rstrip(",") + "]")
    except ValueError as exc:
        raise InputError(f"{path}: not a PLOVER GSR file ({exc})") from None
    docs: dict[str, GoldDoc] = {}
    for r in records:
        if "text" not in r or "event" not in r:
            continue
        text = r["text"].strip().strip("{}")
        doc = docs.setdefault(text, GoldDoc(r["id"], text, None))
        event = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}.get(r["event"], r["event"])
        doc.alternatives |= RETIRED_PLOVER_TYPES.get(event, set())
        sources = r.get("source") or [{}]
        targets = r.get("target") or [{}]
        for s in sources if isinstance(sources, list) else [{}]:
            for t in targets if isinstance(targets, list) else [{}]:
                doc.events.append(GoldEvent(dyad_key(None, s.get("code")), dyad_key(None, t.get("code")), plover=event))
    return list(docs.values())


def read_petrarch_xml(path: Path) -> list[GoldDoc]:
    """PETRARCH validation XML, read tolerantly (the published file is not well-formed)."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    out = []
    for m in re.finditer(r"<Sentence\b([^>]*)>(.*?)</Sentence>", raw, flags=re.S):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        body = m.group(2)
        text_m = re.search(r"<Text>(.*?)</Text>", body, flags=re.S)
        if not text_m or not text_m.group(1).strip():
            continue
        date = attrs.get("date")
        if date and re.fullmatch(r"\d{8}", date):
            date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        doc = GoldDoc(attrs.get("id", f"s{len(out)}"), " ".join(text_m.group(1).split()), date)
        for ev in re.finditer(r"<EventCoding\b([^>]*)/?>", body):
            a = dict(re.findall(r'(\w+)="([^"]*)"', ev.group(1)))
            if "eventcode" in a:
                doc.events.append(GoldEvent(dyad_key(None, a.get("sourcecode")), dyad_key(None, a.get("targetcode")),
                                            cameo=a["eventcode"]))
        out.append(doc)
    return out


def read_tsv5(path: Path) -> list[GoldDoc]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or not label.strip().isdigit():
            if n == 1:
                continue  # header row
            raise InputError(f"{path}:{n}: expected 'sentence<TAB>label (0-4)'")
        out.append(GoldDoc(f"{path.stem}-{n}", text, None, [GoldEvent(None, None, penta=int(label))]))
    return out


def read_gold(path: str | Path, fmt: str) -> list[GoldDoc]:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    readers = {"gold": read_gold_folder, "plover-gsr": read_plover_gsr,
               "petrarch-xml": read_petrarch_xml, "tsv5": read_tsv5}
    if fmt not in readers:
        raise InputError(f"unknown gold format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt != "gold" and path.is_dir():
        raise InputError(f"{path}: a folder, and --format {fmt} reads one file "
                         "(a folder with docs.jsonl and gold.jsonl is --format gold)")
    try:
        docs = readers[fmt](path)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}: {exc.reason}); is --format {fmt} right?") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    if not docs:
        raise InputError(f"{path}: no gold records read as --format {fmt}; is the format right?")
    return docs


# -- scoring ---------------------------------------------------------------------------------------

def predicted_type(event: Event, scheme: str):
    if scheme == "plover":
        return event.plover.type
    if scheme == "penta":
        return ontology.penta_class(event.cameo)
    if scheme == "code":
        return event.cameo
    return event.root


def gold_type(g: GoldEvent, scheme: str):
    if scheme == "plover":
        if g.plover:
            return g.plover
        return ontology.plover(g.cameo)[0] if g.cameo else None
    if scheme == "penta":
        return g.penta if g.penta is not None else (ontology.penta_class(g.cameo) if g.cameo else None)
    if scheme == "code":
        return g.cameo
    return g.cameo[:2] if g.cameo else None


def choose_scheme(docs: list[GoldDoc]) -> str:
    events = [e for d in docs for e in d.events]
    if events and all(e.plover and not e.cameo for e in events):
        return "plover"
    if events and all(e.penta is not None and not e.cameo for e in events):
        return "penta"
    return "root"


@dataclass
class Report:
    scheme: str
    n_docs: int
    metrics: dict[str, float]
    per_type: dict[str, dict[str, float]]
    confusion: dict[str, Counter]
    errors: list[dict]

    def as_dict(self) -> dict:
        return {"scheme": self.scheme, "n_docs": self.n_docs, "metrics": self.metrics, "per_type": self.per_type,
                "confusion": {k: dict(v) for k, v in self.confusion.items()}}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "support": tp + fn}


def score(docs: list[GoldDoc], predictions: dict[str, list[Event]], scheme: str | None = None) -> Report:
    scheme = scheme or choose_scheme(docs)
    with_events = [d for d in docs if d.events]
    no_events = [d for d in docs if not d.events]
    type_hits = dyad_hits = code_hits = code_total = 0
    class_hits = 0
    tp = fp = fn = 0
    per_type: dict[str, Counter] = defaultdict(Counter)
    confusion: dict[str, Counter] = defaultdict(Counter)
    errors = []
    actor_hits = Counter()  # source / target / sector right, among documents whose event type was found
    for d in docs:
        preds = predictions.get(d.doc_id, [])
        gold_types = {gold_type(g, scheme) for g in d.events} | d.alternatives
        gold_types.discard(None)
        gold_tuples = {(g.source, g.target, gold_type(g, scheme)) for g in d.events}
        alt_tuples = {(g.source, g.target, a) for g in d.events for a in d.alternatives}
        pred_tuples = {(event_key(e.source), event_key(e.target), predicted_type(e, scheme)) for e in preds}
        primary = max(preds, key=lambda e: e.confidence, default=None)
        if d.events:
            type_ok = any(predicted_type(e, scheme) in gold_types for e in preds)
            dyad_ok = any(t in gold_tuples | alt_tuples for t in pred_tuples)
            type_hits += type_ok
            dyad_hits += dyad_ok
            if type_ok:
                typed = [e for e in preds if predicted_type(e, scheme) in gold_types]
                actor_hits["typed"] += 1
                actor_hits["source"] += any(event_key(e.source) in {g.source for g in d.events} for e in typed)
                actor_hits["target"] += any(event_key(e.target) in {g.target for g in d.events} for e in typed)
                sectors = {g.source_sector for g in d.events if g.source_sector}
                if sectors:
                    actor_hits["with_sector"] += 1
                    actor_hits["sector"] += any(e.source and e.source.sector in sectors for e in typed)
            golds = sorted(gold_types, key=str)
            gold_main = golds[0] if golds else None
            p_main = predicted_type(primary, scheme) if primary else "none"
            class_hits += p_main in gold_types
            confusion[str(gold_main)][str(p_main)] += 1
            codes = {g.cameo for g in d.events if g.cameo}
            if codes:
                code_total += 1
                code_hits += any(e.cameo in codes for e in preds)
            if not type_ok or not dyad_ok:
                errors.append({"id": d.doc_id, "text": d.text, "gold": [_gold_dict(g) for g in d.events],
                               "predicted": [_evidence(e) for e in preds],
                               "miss": "type" if not type_ok else "dyad"})
        elif preds:
            errors.append({"id": d.doc_id, "text": d.text, "gold": [], "predicted": [_evidence(e) for e in preds],
                           "miss": "false event"})
        matched = pred_tuples & (gold_tuples | alt_tuples)
        tp += len(matched)
        fp += len(pred_tuples - matched)
        fn += len(gold_tuples - matched) if not (alt_tuples and matched) else 0
        for t in {t[2] for t in gold_tuples | pred_tuples}:
            g_has = any(x[2] == t for x in gold_tuples)
            p_has = any(x[2] == t for x in pred_tuples)
            per_type[str(t)]["tp"] += g_has and p_has
            per_type[str(t)]["fp"] += p_has and not g_has
            per_type[str(t)]["fn"] += g_has and not p_has
    n = len(with_events) or 1
    metrics = {"type_acc": round(type_hits / n, 4), "dyad_acc": round(dyad_hits / n, 4),
               **{k: v for k, v in _prf(tp, fp, fn).items() if k != "support"},
               "class_acc": round(class_hits / n, 4)}
    if code_total:
        metrics["code_acc"] = round(code_hits / code_total, 4)
    if any(g.source or g.target for d in docs for g in d.events) and actor_hits["typed"]:
        metrics["source_acc"] = round(actor_hits["source"] / actor_hits["typed"], 4)
        metrics["target_acc"] = round(actor_hits["target"] / actor_hits["typed"], 4)
        if actor_hits["with_sector"]:
            metrics["sector_acc"] = round(actor_hits["sector"] / actor_hits["with_sector"], 4)
    if no_events:
        metrics["noevent_acc"] = round(sum(not predictions.get(d.doc_id) for d in no_events) / len(no_events), 4)
    table = {t: _prf(c["tp"], c["fp"], c["fn"]) for t, c in sorted(per_type.items())}
    if scheme == "penta":
        f1s = [table[str(c)]["f1"] for c in range(5) if str(c) in table]
        metrics["macro_f1"] = round(sum(f1s) / len(f1s), 4) if f1s else 0.0
    return Report(scheme, len(docs), metrics, table, confusion, errors)


def _gold_dict(g: GoldEvent) -> dict:
    return {"source": g.source, "target": g.target, "cameo": g.cameo, "plover": g.plover, "penta": g.penta}


def _evidence(e: Event) -> dict:
    return {"cameo": e.cameo, "plover": e.plover.type, "source": event_key(e.source), "target": event_key(e.target),
            "source_text": e.source.text if e.source else None, "target_text": e.target.text if e.target else None,
            "trigger": e.trigger.text, "rule": e.rule, "factuality": e.factuality, "confidence": e.confidence}


def predict(docs: Iterable[GoldDoc], pipeline, *, with_negated: bool | None = None) -> dict[str, list[Event]]:
    """Run the pipeline over gold sentences; returns events by gold document id.

    Events with factuality ``negated`` ("did not attend", "has no plans to attack") are left out
    unless ``with_negated``: the pipeline keeps them for users to filter, but the human-coded gold
    sets code what happened, was said, planned or threatened, never what did not happen. The
    default (None) keeps them for a coder with imported PETRARCH/TABARI dictionaries, whose verb
    patterns code negated forms with codes of their own (the PETRARCH unit tests' 904-906 for "did
    not clash", "will not clash", ...): there the negated event is the dictionary's coding."""
    if with_negated is None:
        from .dictionaries import DictionaryCoder

        with_negated = isinstance(getattr(pipeline, "coder", None), DictionaryCoder)
    inputs = [Document(doc_id=d.doc_id, text=d.text, date=d.date) for d in docs]
    return {p.document.doc_id: [e for e in p.events if with_negated or e.factuality != "negated"]
            for p in pipeline.process(inputs)}


def evaluate(path: str | Path, fmt: str = "gold", pipeline=None, scheme: str | None = None, *,
             with_negated: bool | None = None) -> Report:
    """Read a gold set, code its sentences and score them (``with_negated``: see :func:`predict`)."""
    from .pipeline import Pipeline

    docs = read_gold(path, fmt)
    pipeline = pipeline or Pipeline(locate=False)
    return score(docs, predict(docs, pipeline, with_negated=with_negated), scheme)
