"""The resolver's index-based walks over a parse give what the Token-based walks give.

``phrase_tokens``, ``_level`` and ``_depth`` read the Doc's ``TokenTable`` (and memoise phrases per
Doc); the reference versions below are the plain spaCy-Token algorithms.
"""

from __future__ import annotations

import pytest

from conftest import SAMPLES
from newsevents import nlp as nlp_stage
from newsevents.actors import ActorResolver, DocumentActors
from newsevents.actors import resolver as res
from newsevents.ingest import read_inputs
from newsevents.nlp import token_table


def ref_list_member(tok) -> bool:
    return tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN" \
        and any(g.dep_ == "conj" for g in tok.children)


def ref_phrase_tokens(head) -> list:
    kept = []
    stack = [head]
    while stack:
        tok = stack.pop()
        kept.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in res.DROP_DEPS and not ref_list_member(c))
    if head.ent_type_ == "PERSON":  # the whole name, however the parser broke it
        ent = next(e for e in head.doc.ents if e.start <= head.i < e.end)
        kept = list({t.i: t for t in [*kept, *ent]}.values())
    kept.sort(key=lambda t: t.i)
    while len(kept) > 1 and kept[-1].is_punct:
        kept.pop()
    while len(kept) > 1 and kept[0].is_punct:
        kept.pop(0)
    return kept


def ref_level(tok, root) -> int:
    level = res.LEVEL_HEAD
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ in res.DROP_DEPS:
            return res.LEVEL_DROPPED
        if tok.dep_ == "poss" and tok.head.lemma_.lower() in res.RELATIONAL_NOUNS or (
                tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in res.RELATIONAL_NOUNS):
            return res.LEVEL_DROPPED
        if tok.dep_ in res.PREP_DEPS:
            level = max(level, res.LEVEL_OF if tok.lower_ == "of" else res.LEVEL_PREP)
        tok = tok.head
    return level


@pytest.fixture(scope="module")
def parsed(nlp):
    docs = [d for d in read_inputs([str(SAMPLES)]) if not isinstance(d, Exception)][:10]
    return list(nlp_stage.parse(docs, nlp))


def test_phrase_tokens_match_the_token_walk(parsed):
    n = 0
    for _, doc in parsed:
        for tok in doc:
            expected = [t.i for t in ref_phrase_tokens(tok)]
            assert [t.i for t in res.phrase_tokens(tok)] == expected
            assert [t.i for t in res.phrase_tokens(tok)] == expected  # memoised: same again
            n += 1
    assert n > 1000


def test_phrase_tokens_returns_a_fresh_list(parsed):
    tok = next(t for t in parsed[0][1] if t.pos_ == "NOUN")
    first = res.phrase_tokens(tok)
    first.clear()
    assert res.phrase_tokens(tok)


def test_level_and_depth_match_the_token_walk(parsed):
    for _, doc in parsed[:4]:
        tab = token_table(doc)
        for root in doc:
            if root.pos_ not in ("NOUN", "PROPN"):
                continue
            phrase = ref_phrase_tokens(root)
            for t in phrase:
                assert res._level(tab, t.i, root.i) == ref_level(t, root)
            hops = min((h for h in (_ref_hops(t, root) for t in phrase) if h is not None), default=99)
            assert res._depth(tab, [t.i for t in phrase], root.i) == hops


def _ref_hops(tok, root):
    hops = 0
    while tok.i != root.i and tok.head.i != tok.i:
        tok, hops = tok.head, hops + 1
    return hops if tok.i == root.i else None


def test_span_and_token_resolution_agree(parsed):
    resolver = ActorResolver()
    compared = 0
    for _, doc in parsed[:4]:
        for tok in doc:
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            phrase = res.phrase_tokens(tok)
            if [t.i for t in phrase] != list(range(phrase[0].i, phrase[-1].i + 1)):
                continue
            span = doc[phrase[0].i:phrase[-1].i + 1]
            if span.root.i != tok.i:
                continue
            by_token = resolver.resolve_token(tok, DocumentActors(), "2015-05-11")
            by_span = resolver.resolve(span, DocumentActors(), "2015-05-11")
            assert by_token == by_span
            compared += 1
            if by_token is not None:
                assert by_token.text == span.text
    assert compared > 50  # the filters above leave real phrases to compare
