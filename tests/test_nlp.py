"""nlp helpers: the per-Doc token table against spaCy's own Token attributes."""

from __future__ import annotations

import pytest

from conftest import SAMPLES
from newsevents import nlp as nlp_stage
from newsevents.ingest import read_inputs


@pytest.fixture(scope="module")
def docs(nlp):
    texts = [d.text for d in read_inputs([str(SAMPLES)]) if not isinstance(d, Exception)][:8]
    texts.append("The U.S.-backed forces  said on Monday\n\nthat pro-Russia rebels (and others) left.")
    return [d for _, d in nlp_stage.parse([_doc(t) for t in texts], nlp)]


def _doc(text):
    from newsevents.records import Document

    return Document(doc_id=str(abs(hash(text))), text=text)


def test_token_table_matches_token_attributes(docs):
    for doc in docs:
        tab = nlp_stage.token_table(doc)
        assert nlp_stage.token_table(doc) is tab  # built once per Doc
        assert len(tab.text) == len(doc)
        for t in doc:
            i = t.i
            assert (tab.text[i], tab.lower[i], tab.pos[i], tab.tag[i], tab.dep[i]) == (
                t.text, t.lower_, t.pos_, t.tag_, t.dep_)
            assert (tab.ent_type[i], tab.ent_iob[i], tab.idx[i]) == (t.ent_type_, t.ent_iob_, t.idx)
            assert (tab.is_punct[i], tab.is_title[i], tab.head[i]) == (t.is_punct, t.is_title, t.head.i)
            assert tab.children[i] == [c.i for c in t.children]


def test_token_table_of_an_empty_doc(nlp):
    tab = nlp_stage.token_table(nlp(""))
    assert tab.text == [] and tab.children == []


def _ref_time_anchors(trigger):
    """time.py's climb before it became nlp.governing_chain."""
    anchors = [trigger]
    head = trigger
    while head.dep_ in ("xcomp", "pobj", "dobj", "prep", "compound", "nsubj", "nsubjpass", "attr") \
            or (head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i):
        if head.head.i == head.i:
            break
        head = head.head
        anchors.append(head)
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "xcomp":
            break
    return anchors


def _ref_place_anchors(trigger):
    """places.py's climb before it became nlp.governing_chain."""
    anchors = [trigger]
    head = trigger
    while (head.dep_ in ("xcomp", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr")
           or head.pos_ in ("NOUN", "PROPN")) and head.head.i != head.i and len(anchors) < 4:
        head = head.head
        anchors.append(head)
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "xcomp":
            break
    return anchors


def test_governing_chain_is_the_climb_of_dates_and_places(docs):
    from newsevents import places, time

    for doc in docs:
        for tok in doc:
            expected = [t.i for t in _ref_time_anchors(tok)]
            assert [t.i for t in nlp_stage.governing_chain(tok, time.ANCHOR_DEPS)] == expected
            assert [t.i for t in nlp_stage.governing_chain(tok, time.ANCHOR_DEPS)] == expected  # memo
            assert [t.i for t in places._anchors(tok)] == [t.i for t in _ref_place_anchors(tok)]


def test_the_lemma_column_is_the_lower_cased_lemma(nlp):
    from newsevents.nlp import token_table

    doc = nlp("Talks between Russia and China were held in Beijing; the ministers Signed deals.")
    assert token_table(doc).lemma == [t.lemma_.lower() for t in doc]


def test_cache_owners_are_never_reused_after_an_owner_is_freed(nlp):
    # caches in doc.user_data were keyed by id(), which a new object can get once the old is freed
    from newsevents.events import EventCoder, PatternIndex, default_index

    doc = nlp("Russia and China held talks in Beijing on Monday.")
    vetoes = EventCoder(patterns=PatternIndex(default_index().get("verb", "veto")))  # "veto" patterns only
    assert vetoes.match(next(iter(doc.sents))) == []
    key = vetoes.patterns.cache_key
    del vetoes
    full = EventCoder()
    assert full.patterns.cache_key != key
    assert PatternIndex([]).cache_key not in (key, full.patterns.cache_key)
    assert full.match(next(iter(doc.sents)))  # the first index's trigger positions are not read back


def test_a_headline_line_is_a_sentence_of_its_own(nlp):
    text = ("World\nRebels Seize Northern Town After Week of Fighting\n"
            "Rebels seized the northern town of Kidal on Sunday after a week of fighting, officials said.")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[:2] == ["World", "Rebels Seize Northern Town After Week of Fighting"]
    assert sents[2].startswith("Rebels seized")


def test_a_hard_wrapped_sentence_is_not_broken_at_its_line_ends(nlp):
    text = ("The foreign ministers of the two countries met in Geneva on Monday to discuss the\n"
            "Ceasefire agreement and the withdrawal of heavy weapons from the front line.")
    assert len(list(nlp(text).sents)) == 1


def test_wrapped_text_keeps_its_lines_in_one_sentence(nlp):
    # long lines ending mid-sentence: a wrapped paragraph, even where a line ends in a name
    text = ("Officials from both governments said on Monday that the talks with President\n"
            "Obama would resume in Geneva next week, after a pause of more than two\n"
            "months, and that the agenda had been agreed.")
    assert len(list(nlp(text).sents)) == 1


def test_a_sentence_wrapped_once_at_a_name_stays_whole(nlp):
    text = "The Security Council on Tuesday strongly condemned North\nKorea's latest missile test."
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize("text, dateline", [
    ("BAGHDAD, March 3 (Reuters) - Iraqi security forces arrested 12 men.", "BAGHDAD, March 3 (Reuters) - "),
    ("KABUL (AP) — A Taliban suicide bomber attacked a convoy.", "KABUL (AP) — "),
    ("WASHINGTON — The Senate passed the bill.", "WASHINGTON — "),
    ("Putin: the West must lift sanctions on Russia.", ""),  # a quote's speaker, not a place
    ("Russia and China vetoed the resolution.", ""),
])
def test_the_opening_dateline_is_found_by_its_shape(nlp, text, dateline):
    assert text[:nlp_stage.dateline_end(nlp(text))] == dateline
