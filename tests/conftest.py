"""Shared fixtures: the spaCy pipeline (loaded once), the seed article and the eval data by path."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "china-invites-russian-troops-2015-05-11.md"
EVAL = SHARED / "eval"
SAMPLES = ROOT / "src" / "newsevents" / "data" / "samples"


@pytest.fixture(scope="session")
def nlp():
    from newsevents import nlp as nlp_stage

    return nlp_stage.load()


@pytest.fixture(scope="session")
def coder():
    from newsevents.events import EventCoder

    return EventCoder()


@pytest.fixture(scope="session")
def pipeline():
    from newsevents.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def resolver():
    from newsevents.actors import ActorResolver

    return ActorResolver()


@pytest.fixture(scope="session")
def actor_at(nlp, resolver):
    """``actor_at(sentence, head_text, date=None)``: the actor the resolver gives the phrase headed
    by the first token written ``head_text``."""
    def resolve(sentence: str, head_text: str, date: str | None = None):
        doc = nlp(sentence)
        tok = next(t for t in doc if t.text == head_text)
        return resolver.resolve_token(tok, date=date)

    return resolve


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/seed is not present")
    return SEED


def eval_set(name: str) -> Path:
    """The folder of one gold set under ../shared/eval, or skip the test."""
    path = EVAL / name
    if not (path / "gold.jsonl").exists():
        pytest.skip(f"../shared/eval/{name} is not present")
    return path


@pytest.fixture(scope="session")
def code(nlp, coder):
    """Code a text with the event coder alone, sentence by sentence (no document memory)."""
    def run(text, date=None):
        doc = nlp(text)
        return [m for sent in doc.sents for m in coder.match(sent, date=date)]

    return run


def codes(matches):
    """The CAMEO codes of ``matches``."""
    return {m.pattern.code for m in matches}


def by_trigger(matches, word):
    """The matches whose trigger is ``word`` as written."""
    return [m for m in matches if m.trigger.text == word]
