"""The lexicon's look-up indexes give what an exhaustive search gives.

``Lexicon.match_at`` tries, at each position, only the phrase lengths that some key starting with
that word has (``Lexicon._lengths``); these tests compare it with trying every length from
``max_len`` down, on real article text, with and without dates of office.
"""

from __future__ import annotations

import pytest

from newsevents.actors import ActorResolver
from newsevents.actors import tables
from newsevents.actors.tables import Entry, Lexicon, as_date, norm
from newsevents.ingest import read_inputs

from conftest import SAMPLES


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return ActorResolver().lexicon


def exhaustive_scan(lex: Lexicon, words, date=None):
    """Longest non-overlapping matches, trying every length at every position."""
    out = []
    i = 0
    while i < len(words):
        for end in range(min(len(words), i + lex.max_len), i, -1):
            entry = lex.lookup(words[i:end], date)
            if entry is not None:
                out.append((i, end, entry))
                i = end
                break
        else:
            i += 1
    return out


@pytest.fixture(scope="module")
def sample_words(lexicon) -> list[list[str]]:
    docs = [d for d in read_inputs([str(SAMPLES)]) if not isinstance(d, Exception)]
    assert docs
    out = []
    for doc in docs:
        for line in doc.text.splitlines():
            if line.strip():
                out.append(lexicon.tokens(line))
    return out


@pytest.mark.parametrize("date", [None, "1995-06-01", "2015-05-11", "2024-01-01"])
def test_scan_finds_the_same_longest_matches_as_an_exhaustive_scan(lexicon, sample_words, date):
    found = 0
    for words in sample_words:
        expected = exhaustive_scan(lexicon, words, date)
        assert list(lexicon.scan(words, date)) == expected, " ".join(words)
        found += len(expected)
    assert found > 100  # the sample articles name many actors


def test_match_at_without_normalised_words(lexicon, sample_words):
    for words in sample_words[:50]:
        normed = [norm(w) for w in words]
        for i in range(len(words)):
            assert lexicon.match_at(words, i) == lexicon.match_at(words, i, None, normed)


def test_lengths_index_lists_every_key_length_longest_first(lexicon):
    lengths: dict[str, set[int]] = {}
    for key, _ in lexicon.items():
        lengths.setdefault(key[0], set()).add(len(key))
    assert {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()} == lexicon._lengths
    assert max(max(ns) for ns in lengths.values()) == lexicon.max_len


def test_keys_sharing_a_first_word_match_longest_first():
    import spacy

    lex = Lexicon(spacy.blank("en").tokenizer)
    short = Entry("AAA", "AAA", None, "test:name")
    long = Entry("BBB", "BBB", None, "test:name")
    lex.add("New Land", short)
    lex.add("New Land Liberation Front", long)
    words = "the New Land Liberation Front and New Land Liberation".split()
    assert list(lex.scan(words)) == [(1, 5, long), (6, 8, short)] == exhaustive_scan(lex, words)
    assert lex._lengths["new"] == (4, 2)


def test_norm_cache_gives_the_plain_normal_form():
    for text in ("U.S.", "Ministry", "Côte", "d\u2019Ivoire", "STRASSE", "Straße", "", "."):
        expected = text.replace(".", "").replace("\u2019", "'").casefold()
        assert norm(text) == expected
        assert norm(text) == expected  # second time from the cache


def test_norm_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(tables, "_NORMS_MAX", 3)
    tables._NORMS.clear()
    for w in ("a", "b", "c", "d", "E.U."):
        assert norm(w) == w.replace(".", "").casefold()
    assert len(tables._NORMS) <= 3


def test_as_date_cache_keeps_validation():
    assert as_date("2015-05-11") == as_date("2015-05-11") == "2015-05-11"
    assert as_date("2015-05-11T10:00:00Z") == "2015-05-11"
    with pytest.raises(ValueError):
        as_date("yesterday")
    with pytest.raises(ValueError):
        as_date("yesterday")  # an invalid string is never cached
