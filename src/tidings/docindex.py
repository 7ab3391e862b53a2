"""Parse facts of a document that spaCy computes afresh on every call, found once per document.

``Token.sent`` walks the parse to the sentence's first and last word on every call, and
``Span.text`` joins the sentence's words again each time; the coder, the actor resolver and the
place locator ask the same questions many times per document. ``sentence_of`` and
``span_text`` answer from an index of the document built on the first question about it and
kept until a question about another document (documents are coded one after the other, so one
entry is enough and nothing outlives the next document).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

__all__ = ["sentence_of", "span_text"]


class _Index:
    __slots__ = ("doc", "ends", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [s.start for s in doc.sents]
        self.ends = self.starts[1:] + [len(doc)]
        self.text: str | None = None


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
