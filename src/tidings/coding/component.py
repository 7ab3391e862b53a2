"""The ``tidings_coder`` spaCy component: sets ``doc._.events`` from the lexicon and the parse.

Per-document context travels in ``doc.user_data``: ``tidings_doc_id``, ``tidings_published``
(YYYY-MM-DD or None) and ``tidings_headings`` (character spans not to code).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tidings.coding.engine import Coder

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


class CoderComponent:
    def __init__(self, nlp: Language, name: str = "tidings_coder", statements: bool = False) -> None:
        self.name = name
        self.nlp = nlp
        self.coder = Coder(statements=statements)
        self._version: str | None = None

    @property
    def version(self) -> str:
        if self._version is None:
            actors = self.nlp.get_pipe("tidings_actors")
            self._version = self.coder.version(actors.kb.version)
        return self._version

    def __call__(self, doc: Doc) -> Doc:
        actors = self.nlp.get_pipe("tidings_actors")
        data = doc.user_data
        doc._.events = self.coder.code(
            doc, actors.resolver(doc), doc_id=data.get("tidings_doc_id", ""),
            published=data.get("tidings_published"), headings=tuple(data.get("tidings_headings", ())),
            coder_version=self.version,
        )
        return doc


@Language.factory("tidings_coder", default_config={"statements": False},
                  requires=["token.dep", "token.lemma", "token.pos"], assigns=["doc._.events"])
def make_coder(nlp: Language, name: str, statements: bool) -> CoderComponent:
    return CoderComponent(nlp, name, statements)
