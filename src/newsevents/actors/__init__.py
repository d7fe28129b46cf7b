"""The actor subsystem: who a phrase is, as a CAMEO actor code (country + sector).

``ActorResolver`` loads the tables in ``newsevents/data/actors`` once and resolves
spaCy spans or tokens to :class:`~newsevents.records.Actor`; ``DocumentActors``
remembers titled people within one document so later bare names resolve too, and
``CorpusActors`` carries them across the articles of a corpus (kept in the store).
"""

from .memory import CorpusActors, DocumentActors, Sighting
from .resolver import ActorResolver

__all__ = ["ActorResolver", "CorpusActors", "DocumentActors", "Sighting"]
