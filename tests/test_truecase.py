"""The headline caser: Title Case lines rewritten for the parser, names kept, offsets unchanged."""

import pytest

from newsevents.records import Document
from newsevents.truecase import HeadlineCaser


@pytest.fixture(scope="module")
def pipeline():
    from newsevents.pipeline import Pipeline

    return Pipeline(locate=False)


@pytest.fixture(scope="module")
def caser(pipeline) -> HeadlineCaser:
    assert pipeline.caser is not None
    return pipeline.caser


@pytest.mark.parametrize(("title", "expected"), [
    ("U.S. Lifts Travel Ban to Lebanon.", "U.S. lifts travel ban to Lebanon."),
    ("Saudi-Led Coalition Bombs Houthi Rebels in Yemen", "Saudi-led coalition bombs Houthi rebels in Yemen"),
    ("Islamic State Fighters Seize Ramadi", "Islamic State fighters seize Ramadi"),
    ("Malloy Says Syrian Refugees Are Welcome In Connecticut", "Malloy says Syrian refugees are welcome in Connecticut"),
    # an ALL CAPS line: Title Case first, short acronyms naming an actor kept
    ("ISRAEL STRIKES HEZBOLLAH TARGETS IN SOUTHERN LEBANON", "Israel strikes Hezbollah targets in southern Lebanon"),
    ("US SLAPS SANCTIONS ON CHINESE FIRMS", "US slaps sanctions on Chinese firms"),
])
def test_title_case_lines_keep_names_and_lose_common_capitals(caser, title, expected):
    assert caser(title) == expected
    assert len(caser(title)) == len(title)


@pytest.mark.parametrize("sentence", [
    "Brazil, Russia, India, China and South Africa agreed to create a development bank.",
    "The United Nations Security Council met on Tuesday.",
    "Some 30 thousand Syrians Sought Refuge in the EU in the first quarter of 2015.",
])
def test_ordinary_sentences_are_left_alone(caser, sentence):
    assert caser(sentence) == sentence


def test_only_the_title_case_line_of_an_article_is_rewritten(caser):
    text = "Russia Sends Troops to Syria\nRussia sent troops to Syria on Monday, officials said.\n"
    rewritten, starts = caser.rewrite(text)
    assert rewritten.splitlines()[0] == "Russia sends troops to Syria"
    assert rewritten.splitlines()[1] == text.splitlines()[1]
    assert starts == [0]


def test_a_headline_is_coded_and_shown_as_written(pipeline):
    doc = Document(doc_id="h", text="Iran Rejects US Offer of Talks\nThe offer was made on Monday.\n")
    result = pipeline.process_one(doc)
    assert result.sentences[0].text == "Iran Rejects US Offer of Talks"  # the record keeps the casing
    found = [e for e in result.events if e.sentence_index == 0]
    assert [(e.cameo[:2], e.source.country, e.target.country) for e in found] == [("12", "IRN", "USA")]


@pytest.mark.parametrize(("headline", "root"), [
    ("EU Imposes Sanctions on Russia", "16"),
    ("Israeli Jets Strike Gaza After Rocket Fire", "19"),
    ("Thousands Protest Against Government in Kiev", "14"),
])
def test_headlines_the_parser_loses_in_title_case_are_coded_with_the_caser(pipeline, headline, root):
    from newsevents.pipeline import Pipeline

    plain = Pipeline(locate=False, headlines=False)
    doc = Document(doc_id="h", text=headline + "\n")
    assert root not in {e.cameo[:2] for e in plain.process_one(doc).events}
    assert root in {e.cameo[:2] for e in pipeline.process_one(doc).events}


def test_a_headline_subjects_name_keeps_its_second_word_and_triggers_show_as_written(caser, pipeline):
    assert caser("Susan Rice Accuses Russia of Lying Over Syria").startswith("Susan Rice accuses")
    assert caser("Amber Rudd Attacks Labour Over Brexit Plan").startswith("Amber Rudd attacks Labour")
    found = pipeline.process_one(Document(doc_id="h", text="Russia Sends Troops to Syria\n")).events
    assert [e.trigger.text for e in found] == ["Sends"]


@pytest.mark.parametrize(("headline", "code", "factuality"), [
    ("Bush to Meet Putin in Slovenia", "040", "planned"),
    ("Sankara Assassinated in Burkina Faso Coup", "186", None),
])
def test_short_wire_headlines(pipeline, headline, code, factuality):
    found = pipeline.process_one(Document(doc_id="h", text=headline + "\n")).events
    assert code in {e.cameo for e in found}
    if factuality:
        assert {e.factuality for e in found if e.cameo == code} == {factuality}


@pytest.mark.parametrize(("headline", "code", "source", "target"), [
    ("Hollande Hosts Merkel in Paris", "043", "FRAGOV", "DEUGOV"),
    ("Trump Blasts Pelosi Over Impeachment Probe", "111", "USAGOV", None),
])
def test_a_headline_verb_read_as_a_noun_with_a_name_after_it(pipeline, headline, code, source, target):
    found = pipeline.process_one(Document(doc_id="h", text=headline + "\n")).events
    assert [(e.cameo, e.source.code, e.target.code if e.target else None) for e in found] == [(code, source, target)]


def test_a_headline_country_the_tagger_reads_as_an_adjective_is_the_subject(pipeline):
    from newsevents.records import Document

    p = pipeline.process_one(Document(doc_id="h", text="Pakistan Expels Afghan Refugees"))
    assert [(e.root, e.source.country, e.target.country) for e in p.events] == [("17", "PAK", "AFG")]


def test_a_sentence_naming_titled_people_is_not_a_title_case_headline(caser):
    line = "Police detained Prime Minister Ariel Henry."
    assert caser(line) == line
