"""Parse facts of a document that spaCy computes afresh on every call, found once per document.

``Token.sent`` walks the parse to the sentence's first and last word on every call, and
``Span.text`` joins the sentence's words again each time; the coder, the actor resolver and the
place locator ask the same questions many times per document. ``sentence_of`` and
``span_text`` answer from an index of the document built on the first question about it and
kept as long as the document lives.

``is_passive`` is asked tens of thousands of times per hundred documents, and each answer walked the
verb's children; the passive verbs of a document are found once from its dependency arrays. The
same arrays give the head and the dependency label of every token as plain lists (``heads``,
``deps``), and ``sentence_numbers`` the sentence of every token, for loops that would otherwise make
a Python token for every word they look at.
"""

from __future__ import annotations

from bisect import bisect_right
from weakref import WeakKeyDictionary, ref

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, SPACY
from spacy.tokens import Doc, Span, Token

__all__ = ["children", "deps", "heads", "lemmas", "lowers", "memo", "passive_verbs", "sentence_numbers", "sentence_of",
           "span_text", "subtree", "tables", "words"]

_PASSIVE_DEPS = ("nsubjpass", "auxpass", "csubjpass")


class _Index:
    __slots__ = ("children", "deps", "ends", "heads", "lemmas", "lowers", "memo", "passive", "sentence_numbers",
                 "starts", "tables", "text", "words")

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in doc.sents]
        self.ends = self.starts[1:] + [len(doc)]
        self.text: str | None = None
        self.passive: frozenset[int] | None = None
        self.heads: list[int] | None = None
        self.deps: list[str] | None = None
        self.words: list[str] | None = None
        self.lowers: list[str] | None = None
        self.children: list[list[int]] | None = None
        self.sentence_numbers: list[int] | None = None
        self.memo: dict = {}
        self.lemmas: list[str] | None = None
        self.tables: tuple[list[list[int]], list[str], list[str]] | None = None


# spaCy runs each component over a whole batch of documents before the next component: an index
# lives as long as its document, so that the actor resolver, the place finder and the coder share one
# per document (the index holds no reference to its document, which would keep both alive)
_indices: WeakKeyDictionary[Doc, _Index] = WeakKeyDictionary()


class _Last:
    """The document asked about last, and its index: most questions in a row are about one document,
    and a weak reference is cheaper to test than a lookup in the weak dictionary (which makes a new
    weak reference on every call)."""

    doc: ref[Doc] | None = None
    index: _Index | None = None


def _index(doc: Doc) -> _Index:
    last = _Last.doc
    if last is not None and last() is doc:
        return _Last.index  # type: ignore[return-value]
    index = _indices.get(doc)
    if index is None:
        index = _indices[doc] = _Index(doc)
    _Last.doc, _Last.index = ref(doc), index
    return index


def sentence_of(tok: Token) -> Span:
    """The sentence of ``tok`` (as ``tok.sent``)."""
    index = _index(tok.doc)
    k = bisect_right(index.starts, tok.i) - 1
    return tok.doc[index.starts[k]:index.ends[k]]


def span_text(span: Span) -> str:
    """The text of a span (as ``span.text``), sliced from the document's text."""
    index = _index(span.doc)
    if index.text is None:
        index.text = _doc_text(span.doc)
    return index.text[span.start_char:span.end_char]


def _doc_text(doc: Doc) -> str:
    """``doc.text``, joined from the word list and the whitespace flags (``Doc.text`` makes a Python
    token for every word)."""
    spaces = doc.to_array([SPACY]).tolist()
    return "".join([w + " " if sp else w for w, sp in zip(words(doc), spaces, strict=True)])


def _parse(doc: Doc, index: _Index) -> None:
    rows = doc.to_array([DEP, HEAD])
    # the offset of the head from the token, stored unsigned
    index.heads = (rows[:, 1].astype("int64") + numpy.arange(len(doc), dtype="int64")).tolist()
    strings = doc.vocab.strings
    labels = {h: strings[h] for h in set(rows[:, 0].tolist())}
    index.deps = [labels[h] for h in rows[:, 0].tolist()]


def _texts(doc: Doc, attr: int, lower: bool = False) -> list[str]:
    strings = doc.vocab.strings
    hashes = doc.to_array([attr]).tolist()
    # a document has a few hundred distinct words: each string is looked up once
    text = {h: strings[h].lower() if lower else strings[h] for h in set(hashes)}
    return [text[h] for h in hashes]


def _parsed(doc: Doc) -> _Index:
    index = _index(doc)
    if index.heads is None:
        _parse(doc, index)
    return index


def heads(doc: Doc) -> list[int]:
    """The index of every token's head (``[t.head.i for t in doc]``)."""
    found = _parsed(doc).heads
    assert found is not None
    return found


def deps(doc: Doc) -> list[str]:
    """The dependency label of every token (``[t.dep_ for t in doc]``)."""
    found = _parsed(doc).deps
    assert found is not None
    return found


def words(doc: Doc) -> list[str]:
    """The text of every token (``[t.text for t in doc]``)."""
    index = _index(doc)
    if index.words is None:
        index.words = _texts(doc, ORTH)
    return index.words


def lemmas(doc: Doc) -> list[str]:
    """The lower-case lemma of every token (``[t.lemma_.lower() for t in doc]``)."""
    index = _index(doc)
    if index.lemmas is None:
        index.lemmas = _texts(doc, LEMMA, lower=True)
    return index.lemmas


def lowers(doc: Doc) -> list[str]:
    """The lower-case text of every token (``[t.lower_ for t in doc]``)."""
    index = _index(doc)
    if index.lowers is None:
        index.lowers = _texts(doc, LOWER)
    return index.lowers


def children(doc: Doc) -> list[list[int]]:
    """The indices of every token's children, in order (``[[c.i for c in t.children] for t in doc]``)."""
    index = _index(doc)
    if index.children is None:
        out: list[list[int]] = [[] for _ in range(len(doc))]
        for i, h in enumerate(heads(doc)):
            if h != i:
                out[h].append(i)
        index.children = out
    return index.children


def sentence_numbers(doc: Doc) -> list[int]:
    """The number of every token's sentence in the document."""
    index = _index(doc)
    if index.sentence_numbers is None:
        out: list[int] = []
        for k, (start, end) in enumerate(zip(index.starts, index.ends, strict=True)):
            out.extend([k] * (end - start))
        index.sentence_numbers = out
    return index.sentence_numbers


def passive_verbs(doc: Doc) -> frozenset[int]:
    """Indices of the tokens with a passive subject or auxiliary among their children."""
    index = _index(doc)
    if index.passive is None:
        labels = deps(doc)
        head_of = heads(doc)
        index.passive = frozenset(head_of[i] for i, dep in enumerate(labels) if dep in _PASSIVE_DEPS)
    return index.passive


def memo(doc: Doc) -> dict:
    """A dictionary for answers about the document's parse that are asked many times (a verb's
    objects and subjects): keys are the asker's own, values must not be changed. Values that hold
    tokens hold the document: whoever fills the dictionary clears it when done (the coder does,
    after each document), or the document would never be freed."""
    return _index(doc).memo


def tables(doc: Doc) -> tuple[list[list[int]], list[str], list[str]]:
    """``(children(doc), deps(doc), lowers(doc))`` in one call, for the hottest loops."""
    index = _index(doc)
    if index.tables is None:
        index.tables = (children(doc), deps(doc), lowers(doc))
    return index.tables


def subtree(doc: Doc, i: int) -> list[int]:
    """The indices of token ``i`` and all its descendants (the tokens of ``doc[i].subtree``, not in order)."""
    kids = children(doc)
    out = [i]
    k = 0
    while k < len(out):
        out.extend(kids[out[k]])
        k += 1
    return out
