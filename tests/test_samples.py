"""The bundled sample corpus against its expected events (samples/expected.yaml).

The articles and expectations were written by the team; the test asserts a recall floor
a little below what the coder reaches, and that the listed non-events (parades, sports,
history, planned trips) are never coded as factual events of the named root.
"""

from __future__ import annotations

import pytest
import yaml

from newsevents.ingest import read_inputs

from conftest import SAMPLES

# Recall of expected (sentence, source, target, root) events; raise as the coder improves.
RECALL_FLOOR = 0.48
FACTUAL = {"asserted", "reported"}
# expected.yaml names organisations by acronym; the coder gives CAMEO IGO codes.
IGO_CODES = {"EU": "IGOEUREEC", "UN": "IGOUNO", "NATO": "IGOWSTNAT", "IMF": "IGOBUSIMF", "ECOWAS": "IGOWAFWAS"}


def _key_matches(expected, actor) -> bool:
    if expected is None:
        return True
    if actor is None:
        return False
    if expected in IGO_CODES:
        return bool(actor.code) and actor.code.startswith(IGO_CODES[expected])
    return actor.country == expected


@pytest.fixture(scope="module")
def coded(pipeline):
    docs = [d for d in read_inputs([str(SAMPLES)]) if not isinstance(d, Exception)]
    out = {}
    for p in pipeline.process(docs):
        d = p.document
        key = d.path.rsplit("/", 1)[-1] if d.input_format != "jsonl" else f"corpus.jsonl#{d.doc_id}"
        out[key] = p
    return out


@pytest.fixture(scope="module")
def expected():
    return yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))


def test_every_sample_is_read_and_dated(coded, expected):
    assert len(coded) >= 20
    assert set(expected) <= set(coded)
    for key, exp in expected.items():
        assert coded[key].document.date == exp["date"], key


def test_expected_events_recall(coded, expected):
    hits = total = 0
    for key, exp in expected.items():
        events = coded[key].events
        for want in exp["events"]:
            total += 1
            hits += any(want["sentence"] in e.sentence and e.root == want["root"]
                        and _key_matches(want["source"], e.source) and _key_matches(want["target"], e.target)
                        for e in events)
    assert total >= 60
    assert hits / total >= RECALL_FLOOR, f"recall {hits}/{total}"


def test_non_events_are_not_coded_as_facts(coded, expected):
    wrong = []
    for key, exp in expected.items():
        for bad in exp.get("not_events") or ():
            wrong += [(key, bad["sentence"], e.cameo, e.rule) for e in coded[key].events
                      if bad["sentence"] in e.sentence and e.root == bad["root"] and e.factuality in FACTUAL]
    # a few misses are tolerated while the coder grows; the seed's parade case is asserted strictly elsewhere
    assert len(wrong) <= 8, wrong
