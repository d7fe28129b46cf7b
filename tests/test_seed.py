"""The founding example: the events issue 2 names must come out of the seed article.

Runs the whole pipeline on ../shared/seed/china-invites-russian-troops-2015-05-11.md
(skipped when that folder is absent).
"""

from __future__ import annotations

import pytest

from newsevents.ingest import read_inputs


@pytest.fixture(scope="module")
def seed_events(seed_path, pipeline):
    (doc,) = [d for d in read_inputs([str(seed_path)])]
    return pipeline.process_one(doc).events


def _find(events, sentence_part, roots, src_country=None, tgt_country=None):
    return [e for e in events if sentence_part in e.sentence and e.root in roots
            and (src_country is None or (e.source and e.source.country == src_country))
            and (tgt_country is None or (e.target and e.target.country == tgt_country))]


def test_china_invites_russian_military(seed_events):
    found = _find(seed_events, "China has invited Russian troops", {"03", "04"}, "CHN", "RUS")
    assert found, "China inviting Russia's military (root 03 or 04)"
    assert found[0].target.sector == "MIL"


def test_xi_visits_moscow_parade_on_saturday(seed_events):
    found = _find(seed_events, "Xi attended Moscow's Victory Day parade", {"04"}, "CHN", "RUS")
    assert found and found[0].cameo == "042"
    assert found[0].date == "2015-05-09" and found[0].date_precision == "day"


def test_xi_visit_to_russia_as_a_noun(seed_events):
    assert _find(seed_events, "Xi's visit to Russia", {"04"}, "CHN", "RUS")


def test_western_boycott_of_moscow_parade(seed_events):
    found = _find(seed_events, "Western leaders boycotted the Moscow parade", {"16"}, None, "RUS")
    assert found and found[0].source.code.startswith("WST")


def test_us_adviser_criticises_and_china_rebukes(seed_events):
    sentence = "Evan Medeiros, said that he had questions"
    assert _find(seed_events, sentence, {"11"}, "USA", "CHN"), "US adviser questions the Beijing parade"
    assert _find(seed_events, sentence, {"11"}, "CHN", "USA"), "China rebukes the adviser"


def test_marching_troops_are_no_protest(seed_events):
    assert not [e for e in seed_events if e.root == "14"]


def test_every_event_is_traceable(seed_events):
    assert seed_events
    for e in seed_events:
        assert e.sentence[e.trigger.start:e.trigger.end] == e.trigger.text
        for actor in (e.source, e.target):
            if actor is not None:
                assert e.sentence[actor.start:actor.end] == actor.text
        assert e.rule and 0 < e.confidence <= 1
        assert e.factuality in {"asserted", "reported", "planned", "hypothetical", "negated"}
