"""Person memory: within one document ("Xi" and "Shoigu" after their first, titled mention) and
across a corpus (a person resolved once resolves again in later articles, with the dates seen)."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Actor

# Name parts too short or too common to identify a person on their own.
MIN_PART_LEN = 2
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "de", "da", "der", "den", "la", "le", "abu", "mr", "mrs", "ms", "dr"})


class DocumentActors:
    """Named actors seen so far in one document, found again by full name or any name part.

    A part shared by two people with different codes ("Kim", "Ali") is ambiguous
    and no longer resolves; the full names still do.
    """

    def __init__(self, corpus: CorpusActors | None = None, date: str | None = None) -> None:
        self._by_key: dict[str, Actor | None] = {}
        self.corpus = corpus  # falls back to, and feeds, the corpus memory
        self.date = date  # the document's publication date, recorded with each sighting
        # events coded so far, in text order: (CAMEO root, source) ("Militants attacked a base ...
        # The UN condemned the attack": the attack's performer is whom the condemnation targets)
        self._events: list[tuple[str, Actor]] = []

    def observe_event(self, root: str, source: Actor | None) -> None:
        """Remember that ``source`` did an act of CAMEO ``root`` (an event coded in this document)."""
        if source is not None and source.code:
            self._events.append((root, source))

    def last_performer(self, roots: frozenset[str] | set[str], other_than: str | None = None) -> Actor | None:
        """The source of the latest event of one of ``roots`` (not one with code ``other_than``)."""
        for root, source in reversed(self._events):
            if root in roots and source.code != other_than:
                return source
        return None

    @staticmethod
    def _keys(name: str) -> list[str]:
        full = name.casefold()
        parts = [p for p in full.replace("-", " ").split() if len(p) >= MIN_PART_LEN and p not in NAME_PARTICLES]
        return [full, *dict.fromkeys(p for p in parts if p != full)]

    def observe(self, actor: Actor) -> None:
        """Remember ``actor`` if it names a person and has a code."""
        if not actor.name or not actor.code:
            return
        if self.corpus is not None:
            self.corpus.observe(actor, self.date)
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
        return self.corpus.lookup(name) if self.corpus is not None else None


@dataclass(slots=True)
class Sighting:
    """A named actor as remembered across a corpus."""

    name: str
    code: str
    country: str | None
    sector: str | None
    first_seen: str | None
    last_seen: str | None
    count: int = 1


class CorpusActors:
    """Named actors seen in earlier articles, found again by full name or an unambiguous surname.

    Only actors resolved with a title or a table entry are remembered (``DocumentActors`` feeds
    this memory); the store keeps it between runs (``Store.load_actor_memory``/``save_actor_memory``).
    """

    def __init__(self, sightings: list[Sighting] = ()) -> None:
        self._by_name: dict[str, Sighting] = {}
        self._by_surname: dict[str, Sighting | None] = {}
        for s in sightings:
            self._remember(s)

    def _remember(self, s: Sighting) -> None:
        self._by_name[s.name.casefold()] = s
        surname = s.name.split()[-1].casefold()
        if len(s.name.split()) > 1 and surname not in NAME_PARTICLES:
            known = self._by_surname.get(surname, s)
            self._by_surname[surname] = s if known is s or (known is not None and known.code == s.code) else None

    def observe(self, actor: Actor, date: str | None) -> None:
        if not actor.name or not actor.code or actor.resolved_by == "memory":
            return
        s = self._by_name.get(actor.name.casefold())
        if s is None:
            self._remember(Sighting(actor.name, actor.code, actor.country, actor.sector, date, date))
            return
        s.count += 1
        if date:
            s.first_seen = min(filter(None, (s.first_seen, date)))
            s.last_seen = max(filter(None, (s.last_seen, date)))

    def lookup(self, name: str) -> Actor | None:
        key = name.casefold()
        s = self._by_name.get(key) or (self._by_surname.get(key) if " " not in key else None)
        if s is None:
            return None
        return Actor(text=name, code=s.code, country=s.country, sector=s.sector, start=0, end=0, name=s.name,
                     resolved_by="corpus-memory")

    def sightings(self) -> list[Sighting]:
        return list(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)
