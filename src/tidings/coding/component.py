"""The ``tidings_coder`` spaCy component: sets ``doc._.events`` from the lexicon and the parse.

It requires ``doc._.actor_index`` (set by ``tidings_actors``). Per-document context travels in
``doc.user_data``: ``tidings_doc_id``, ``tidings_published`` (YYYY-MM-DD or None) and
``tidings_headings`` (character spans not to code).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.coding.engine import Coder, SentenceResult
from tidings.errors import TidingsError

__all__ = ["CoderComponent"]

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


class CoderComponent:
    def __init__(self, nlp: Language, name: str = "tidings_coder", statements: bool = False,
                 kb_version: str = "") -> None:
        self.name = name
        self.coder = Coder(statements=statements)
        self.version = self.coder.version(kb_version)

    def _index(self, doc: Doc):
        index = doc._.actor_index
        if index is None:
            raise TidingsError("tidings_coder needs doc._.actor_index: add tidings_actors before it")
        return index

    def __call__(self, doc: Doc) -> Doc:
        data = doc.user_data
        doc._.events = self.coder.code(
            doc, self._index(doc), doc_id=data.get("tidings_doc_id", ""), published=data.get("tidings_published"),
            headings=tuple(data.get("tidings_headings", ())), coder_version=self.version,
        )
        return doc

    def explain(self, doc: Doc, only: int | None = None) -> list[SentenceResult]:
        """Code ``doc`` again keeping every sentence's full trace (``tidings explain``)."""
        data = doc.user_data
        return self.coder.sentences(
            doc, self._index(doc), doc_id=data.get("tidings_doc_id", ""), published=data.get("tidings_published"),
            headings=tuple(data.get("tidings_headings", ())), coder_version=self.version, verbose=True, only=only,
        )


@Language.factory("tidings_coder_v2", default_config={"statements": False, "kb_version": ""},
                  requires=["doc._.actor_index", "token.dep", "token.lemma", "token.pos"], assigns=["doc._.events"])
def make_coder(nlp: Language, name: str, statements: bool, kb_version: str) -> CoderComponent:
    return CoderComponent(nlp, name, statements, kb_version)
