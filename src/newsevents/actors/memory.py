"""Person memory within one document: "Xi" and "Shoigu" after their first, titled mention."""

from __future__ import annotations

from ..records import Actor

# Name parts too short or too common to identify a person on their own.
MIN_PART_LEN = 2
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "de", "da", "der", "den", "la", "le", "abu", "mr", "mrs", "ms", "dr"})


class DocumentActors:
    """Named actors seen so far in one document, found again by full name or any name part.

    A part shared by two people with different codes ("Kim", "Ali") is ambiguous
    and no longer resolves; the full names still do.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, Actor | None] = {}

    @staticmethod
    def _keys(name: str) -> list[str]:
        full = name.casefold()
        parts = [p for p in full.replace("-", " ").split() if len(p) >= MIN_PART_LEN and p not in NAME_PARTICLES]
        return [full, *dict.fromkeys(p for p in parts if p != full)]

    def observe(self, actor: Actor) -> None:
        """Remember ``actor`` if it names a person and has a code."""
        if not actor.name or not actor.code:
            return
        full, *parts = self._keys(actor.name)
        self._by_key[full] = actor
        for part in parts:
            if part in self._by_key:
                known = self._by_key[part]
                if known is None or known.code != actor.code:
                    self._by_key[part] = None
                    continue
            self._by_key[part] = actor

    def lookup(self, name: str) -> Actor | None:
        """The actor first seen as ``name`` (full name, or one unambiguous name part)."""
        for key in self._keys(name):
            actor = self._by_key.get(key)
            if actor is not None:
                return actor
        return None
