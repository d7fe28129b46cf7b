"""Counting words: the lists of ``data/counts.yaml`` (numbers, crowds, measures, amounts, groups).

One readable data file instead of lists spread over the coder, the argument finder and the actor
resolver; the file's header says who reads each list and what for.
"""

from __future__ import annotations

import functools
from importlib import resources

import yaml

from .errors import ConfigError

LISTS = ("numbers", "crowds", "measures", "amounts", "groups")


@functools.cache
def load() -> dict[str, frozenset[str]]:
    """The lists of ``data/counts.yaml`` as frozensets of lower-case lemmas."""
    path = resources.files("newsevents") / "data" / "counts.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    missing = [name for name in LISTS if not isinstance(data.get(name), list)]
    if missing:
        raise ConfigError(f"{path}: missing list(s) {', '.join(missing)}")
    return {name: frozenset(str(w).lower() for w in data[name]) for name in LISTS}


def words(name: str) -> frozenset[str]:
    """One list of counting words (see the header of ``data/counts.yaml``)."""
    return load()[name]
