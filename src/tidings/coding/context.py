"""What the coder's stages share: the knowledge loaded once per run, and one document's context."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from tidings.actors.resolve import ActorResolver
from tidings.coding.codebook import Code, codebook
from tidings.coding.lexicon import Lexicon, load_lexicon
from tidings.coding.modality import Words, words
from tidings.tables import read_table, read_words

__all__ = ["CoderKnowledge", "DocContext", "load_knowledge"]


@dataclass(frozen=True)
class CoderKnowledge:
    """Everything the coder reads from ``data/``: lexicon, codebook, word lists, refinements."""

    lexicon: Lexicon
    codes: dict[str, Code]
    words: Words
    instruments: dict[tuple[str, str], str]  # (agent noun, modifier) -> bombing sub-code
    mass_killing: float  # victims from which a killing of civilians is a mass killing (202)
    natural: frozenset[str]  # causes that are never agents ("flood", "earthquake")
    event_nouns: frozenset[str]  # lemmas of the lexicon's noun triggers


@lru_cache(maxsize=1)
def load_knowledge() -> CoderKnowledge:
    lexicon = load_lexicon()
    instruments: dict[tuple[str, str], str] = {}
    mass_killing = float(10**9)
    for row in read_table("refinements.tsv", columns=("kind", "key", "value", "code", "note"), header=False,
                          required=("kind", "key", "value", "code"),
                          checks={"kind": lambda k: None if k in ("instrument", "mass_killing") else "unknown kind"}):
        if row["kind"] == "instrument":
            instruments[(row["key"], row["value"])] = row["code"]
        else:
            mass_killing = float(row["value"])
    return CoderKnowledge(
        lexicon=lexicon, codes=codebook(), words=words(), instruments=instruments, mass_killing=mass_killing,
        natural=frozenset(read_words("natural_causes.txt")),
        event_nouns=frozenset(lemma for (lemma, pos) in lexicon.by_lemma if pos == "N"),
    )


@dataclass
class DocContext:
    """One document being coded: its parse, its actor index and its publication date."""

    doc: Doc
    actors: ActorResolver
    published: str | None
    knowledge: CoderKnowledge
    doc_id: str = ""
    coder_version: str = ""
    features: dict[int, object] = field(default_factory=dict)  # trigger features, computed once per token
