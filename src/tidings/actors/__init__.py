"""Actors: the knowledge base, the resolver and the ``tidings_actors`` spaCy component."""

from tidings.actors.kb import Candidate, Entry, KnowledgeBase, load_kb, load_petrarch, load_user_actors
from tidings.actors.resolve import ActorResolver

__all__ = ["ActorResolver", "Candidate", "Entry", "KnowledgeBase", "load_kb", "load_petrarch", "load_user_actors"]
