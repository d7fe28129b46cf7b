"""The counting words of data/counts.yaml, read by the coder, the argument finder and the resolver."""

from newsevents import counts


def test_every_list_is_read_and_lower_case():
    lists = counts.load()
    assert set(lists) == set(counts.LISTS)
    for name, words in lists.items():
        assert words, name
        assert all(w == w.lower() for w in words), name


def test_a_crowd_count_is_a_number_and_counts_stand_for_what_they_count(nlp, coder):
    assert counts.words("crowds") <= counts.words("numbers")
    doc = nlp("Tens of thousands of Ukrainians marched in Kiev.")
    found = coder.match(next(iter(doc.sents)))
    assert {m.source.country for m in found if m.pattern.code[:2] == "14" and m.source} == {"UKR"}
