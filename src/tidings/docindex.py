"""Parse facts of a document that spaCy computes afresh on every call, found once per document.

``Token.sent`` walks the parse to the sentence's first and last word on every call, and
``Span.text`` joins the sentence's words again each time; the coder, the actor resolver and the
place locator ask the same questions many times per document. ``sentence_of`` and
``span_text`` answer from an index of the document built on the first question about it and
kept until a question about another document (documents are coded one after the other, so one
entry is enough and nothing outlives the next document).

``is_passive`` is asked tens of thousands of times per hundred documents, and each answer walked the
verb's children; the passive verbs of a document are found once from its dependency arrays.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Span, Token

__all__ = ["passive_verbs", "sentence_of", "span_text"]

_PASSIVE_DEPS = ("nsubjpass", "auxpass", "csubjpass")


class _Index:
    __slots__ = ("doc", "ends", "passive", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [s.start for s in doc.sents]
        self.ends = self.starts[1:] + [len(doc)]
        self.text: str | None = None
        self.passive: frozenset[int] | None = None


_last: _Index | None = None


def _index(doc: Doc) -> _Index:
    global _last
    index = _last
    if index is None or index.doc is not doc:
        index = _last = _Index(doc)
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
        index.text = span.doc.text
    return index.text[span.start_char:span.end_char]


def passive_verbs(doc: Doc) -> frozenset[int]:
    """Indices of the tokens with a passive subject or auxiliary among their children."""
    index = _index(doc)
    if index.passive is None:
        strings = doc.vocab.strings
        wanted = [strings[d] for d in _PASSIVE_DEPS if d in strings]
        rows = doc.to_array([DEP, HEAD])
        heads = rows[:, 1].astype("int64")  # the offset of the head from the token, stored unsigned
        index.passive = frozenset(i + int(heads[i]) for i in numpy.flatnonzero(numpy.isin(rows[:, 0], wanted)))
    return index.passive
