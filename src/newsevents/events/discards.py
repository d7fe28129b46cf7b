"""Sentence contexts where conflict vocabulary is not a political event (sports, entertainment).

"Germany beat Brazil 7-1 in the World Cup semi-final" has a winner and a loser but no assault.
The contexts, their marker phrases and the roots they cancel are data: ``data/discards.yaml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from ..errors import ConfigError


@dataclass(frozen=True, slots=True)
class DiscardContext:
    name: str
    roots: frozenset[str]
    regex: re.Pattern | None  # the context's regular expressions (case-insensitive)
    min_hits: int = 1
    # its phrases, lower-cased, matched against the lower-cased text (much faster than one
    # case-insensitive alternation of many phrases)
    phrases: re.Pattern | None = None

    def matches(self, text: str, lowered: str | None = None) -> bool:
        hits = 0
        if self.phrases is not None:
            for _ in self.phrases.finditer(lowered if lowered is not None else text.lower()):
                hits += 1
                if hits >= self.min_hits:
                    return True
        if self.regex is not None:
            for _ in self.regex.finditer(text):
                hits += 1
                if hits >= self.min_hits:
                    return True
        return False


def compile_contexts(data: dict, source: str = "discards.yaml") -> list[DiscardContext]:
    out = []
    for name, spec in (data or {}).items():
        if not isinstance(spec, dict) or "roots" not in spec:
            raise ConfigError(f"{source}: context {name!r} needs 'roots' and 'phrases' or 'patterns'")
        phrases = [r"\b" + re.escape(p.lower()).replace(r"\ ", r"\s+") + r"\b" for p in spec.get("phrases") or ()]
        patterns = list(spec.get("patterns") or ())
        if not phrases and not patterns:
            raise ConfigError(f"{source}: context {name!r} has no phrases or patterns")
        try:
            regex = re.compile("|".join(f"(?:{a})" for a in patterns), re.IGNORECASE) if patterns else None
        except re.error as exc:
            raise ConfigError(f"{source}: context {name!r}: bad pattern: {exc}") from None
        phrase_regex = re.compile("|".join(phrases)) if phrases else None
        out.append(DiscardContext(str(name), frozenset(str(r).zfill(2) for r in spec["roots"]), regex,
                                  int(spec.get("min_hits", 1)), phrase_regex))
    return out


@functools.cache
def default_contexts() -> tuple[DiscardContext, ...]:
    path = resources.files("newsevents") / "data" / "discards.yaml"
    return tuple(compile_contexts(yaml.safe_load(path.read_text(encoding="utf-8"))))


def discarded_roots(text: str, contexts=None, among=None) -> frozenset[str]:
    """The CAMEO roots that must not be coded in the sentence ``text``; with ``among`` (a set of
    roots), only contexts that cancel one of them are tried (the others cannot change the result
    for events of those roots, and each context is a regular expression over the sentence)."""
    roots: set[str] = set()
    lowered = text.lower()
    for ctx in contexts if contexts is not None else default_contexts():
        if among is not None and ctx.roots.isdisjoint(among):
            continue
        if ctx.matches(text, lowered):
            roots |= ctx.roots
    return frozenset(roots)
