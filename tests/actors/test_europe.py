"""Europe review: EU and NATO officials, Donbas separatist leaders, EU institutions and Russian
fleets (actor tables), officials of intergovernmental bodies, and trigger patterns met
on Russia-Ukraine news. Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import codes


def _events(pipeline, sentence, date):
    from newsevents.records import Document

    return pipeline.process_one(Document(doc_id="eu", text=sentence, date=date)).events


# sentence, document date (terms of office are chosen by it) -> the code of the event's source
@pytest.mark.parametrize(("sentence", "date", "code"), [
    # the EU's chief Brexit negotiator and foreign policy chief (not France's or Spain's, out of office)
    ("Barnier criticised the British proposals on Monday.", "2019-10-07", "IGOEUREEC"),
    ("Borrell criticised the Russian government on Monday.", "2021-02-08", "IGOEUREEC"),
    ("Borrell criticised the Venezuelan government on Monday.", "2019-01-28", "ESPGOV"),
    # the leaders of the Donetsk and Luhansk separatists
    ("Zakharchenko criticised the Ukrainian government on Monday.", "2016-05-01", "UKRREB"),
    ("Denis Pushilin criticised the Ukrainian government on Monday.", "2020-05-01", "UKRREB"),
    # British Brexit ministers
    ("David Davis criticised the European Commission on Monday.", "2017-10-02", "GBRGOV"),
    # EU institutions by other names
    ("European lawmakers criticised the Hungarian government on Thursday.", "2018-09-13", "IGOEUREEC"),
    ("The European Court of Justice criticised the Polish government on Thursday.", "2021-10-28", "IGOEUREECJUD"),
])
def test_europe_additions(pipeline, sentence, date, code):
    assert [e.source.code for e in _events(pipeline, sentence, date) if e.source] == [code]


@pytest.mark.parametrize(("sentence", "date", "code"), [
    # a titled official of an intergovernmental body is its executive (GOV), as the PLOVER gold codes
    # the UN Secretary-General and NATO's officials
    ("NATO Secretary-General Jens Stoltenberg criticised Russia on Monday.", "2019-02-04", "IGOWSTNATGOV"),
    ("European Commission President Ursula von der Leyen criticised Russia on Monday.", "2022-03-07", "IGOEUREECGOV"),
    ("The OSCE secretary-general criticised both sides on Monday.", "2015-03-02", "IGOEURSCEGOV"),
])
def test_a_titled_official_of_an_intergovernmental_body_is_its_executive(pipeline, sentence, date, code):
    assert [e.source.code for e in _events(pipeline, sentence, date) if e.source] == [code]


def test_a_russian_fleet_is_the_russian_military(actor_at):
    assert actor_at("The Black Sea Fleet moved two warships to Sevastopol.", "Fleet").code == "RUSMIL"


@pytest.mark.parametrize(("sentence", "code_"), [
    ("Pro-Russian separatists seized three OSCE monitors near Luhansk.", "181"),
    ("Ukrainian missiles sank the cruiser off the coast of Odesa.", "190"),
    ("Russian soldiers surrounded Ukrainian naval bases near Sevastopol.", "191"),
    ("Riot police cleared demonstrators from the main square in Minsk.", "175"),
])
def test_europe_trigger_patterns(code, sentence, code_):
    assert code_ in codes(code(sentence))


def test_returning_to_compliance_is_no_return_of_property(code):
    found = codes(code("The alliance urged Iran to return to compliance with the nuclear deal."))
    assert "0253" not in found and "084" not in found


def test_a_state_blocking_accession_talks_vetoes_them(code):
    assert "129" in codes(code("Hungary blocked the opening of EU accession talks with Ukraine."))
    assert "129" not in codes(code("A protester blocked the start of the marathon."))
