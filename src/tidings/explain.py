"""Why an event was coded, or why not: the coder's trace for one sentence or document.

    for item in explain_text("Minsk has turned down Russian requests for bases.", date="2021-09-10"):
        print(render(item))

Each ``Explanation`` holds the sentence's tokens with their parse, the actor mentions with the
strategy and knowledge-base entry that resolved them (and the candidates not chosen), every
decision of the coder's stages, and the final events. ``render`` formats it for a terminal of
about 100 columns; ``Explanation.to_dict`` is the JSON form.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from tidings.clean import clean_text
from tidings.coding.component import CoderComponent
from tidings.coding.trace import Step
from tidings.records import Document, Event

__all__ = ["Explanation", "explain_document", "explain_documents", "explain_text", "render"]


@dataclass
class ActorNote:
    text: str
    code: str | None
    via: str
    entry: str | None
    rejected: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "via": self.via, "entry": self.entry, "rejected": self.rejected}


@dataclass
class Explanation:
    doc_id: str
    sentence_index: int
    sentence: str
    published: str | None
    tokens: list[dict[str, Any]]
    actors: list[ActorNote]
    steps: list[Step]
    events: list[Event]

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "sentence_index": self.sentence_index, "sentence": self.sentence,
                "published": self.published, "tokens": self.tokens, "actors": [a.to_dict() for a in self.actors],
                "steps": [s.to_dict() for s in self.steps], "events": [e.to_dict() for e in self.events]}


def _doc_for(nlp: Language, document: Document) -> Doc:
    doc = nlp.make_doc(document.text)
    doc.user_data["tidings_doc_id"] = document.doc_id
    doc.user_data["tidings_published"] = document.published
    doc.user_data["tidings_headings"] = document.headings
    for name, proc in nlp.pipeline:
        if name == "tidings_coder":
            break
        doc = proc(doc)
    return doc


def explain_documents(nlp: Language, documents: Iterable[Document], sentence: int | None = None) -> list[Explanation]:
    """Explanations for every sentence of each document (or only sentence ``sentence``)."""
    coder = nlp.get_pipe("tidings_coder")
    assert isinstance(coder, CoderComponent)
    out: list[Explanation] = []
    for document in documents:
        doc = _doc_for(nlp, document)
        index = doc._.actor_index
        kb = index.kb
        for result in coder.explain(doc, only=sentence):
            sent = result.sentence
            tokens = [{"i": t.i, "text": t.text, "lemma": t.lemma_, "pos": t.pos_, "dep": t.dep_, "head": t.head.i,
                       "ent": t.ent_type_ or None} for t in sent]
            notes = []
            for start, end, actor in doc._.actors or ():
                if not (sent.start <= start < sent.end):
                    continue
                rejected = []
                for m in index.matches:
                    if start <= m.start < end and m.kind == "name":
                        for cand in kb.candidates(m.key, document.published)[1:]:
                            rejected.append(f"{cand.code or '(none)'}: {cand.why}")
                notes.append(ActorNote(doc[start:end].text, actor.code, actor.via or "", actor.name, rejected))
            out.append(Explanation(document.doc_id, result.index, sent.text.strip(), document.published, tokens,
                                   notes, result.trace.steps, result.events))
    return out


def explain_text(text: str, nlp: Language, *, date: str | None = None, doc_id: str = "text") -> list[Explanation]:
    """Explain how each sentence of ``text`` (published on ``date``) is coded."""
    cleaned = clean_text(text)
    document = Document(doc_id=doc_id, text=cleaned.text, published=date, headings=cleaned.headings)
    return explain_documents(nlp, [document])


def explain_document(nlp: Language, document: Document, sentence: int | None = None) -> list[Explanation]:
    """Explain how a document (or one of its sentences) is coded."""
    return explain_documents(nlp, [document], sentence)


def _wrap(prefix: str, text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=prefix, subsequent_indent=" " * len(prefix)) or [prefix]


def render(item: Explanation, width: int = 100) -> str:
    """A plain-text explanation that fits ``width`` columns."""
    lines = [f"sentence {item.sentence_index} of {item.doc_id} (published {item.published or 'unknown'})"]
    lines += _wrap("  ", item.sentence, width)
    lines.append("parse:")
    parse = "  ".join(f"{t['i']}:{t['text']}/{t['pos']}/{t['dep']}>{t['head']}" for t in item.tokens)
    lines += _wrap("  ", parse, width)
    lines.append("actors:")
    if not item.actors:
        lines.append("  (none found)")
    for a in item.actors:
        lines += _wrap("  ", f"{a.text!r} -> {a.code or '(unresolved)'} via {a.via or 'match'}"
                       + (f"; KB entry {a.entry!r}" if a.entry else ""), width)
        for r in a.rejected:
            lines += _wrap("      not chosen: ", r, width)
    lines.append("decisions:")
    if not item.steps:
        lines.append("  (no trigger word from the lexicon in this sentence)")
    by_token: dict[int | None, list[Step]] = {}
    for s in item.steps:
        by_token.setdefault(s.token, []).append(s)
    texts = {t["i"]: t["text"] for t in item.tokens}
    for tok, steps in by_token.items():
        lines.append(f"  {texts.get(tok, '-') if tok is not None else 'sentence'!s} (token {tok}):")
        for s in steps:
            lines += _wrap(f"    {s.stage:<10} {s.rule:<28} ", s.detail, width)
    lines.append("events:")
    if not item.events:
        lines.append("  (none)")
    for e in item.events:
        src = e.source.code or e.source.text if e.source else "-"
        tgt = e.target.code or e.target.text if e.target else "-"
        flags = ", ".join(f for f in ("negated" if e.negated else "", e.modality if e.modality != "asserted" else "",
                                       f"deadline {e.deadline}" if e.deadline else "") if f)
        lines += _wrap("  ", f"{e.cameo} {src} -> {tgt} on {e.date or '?'} [{e.rule}]" + (f" ({flags})" if flags else ""), width)
    return "\n".join(lines)
