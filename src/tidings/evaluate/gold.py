"""Reading gold files: sentence events, PentaClass labels, role spans and whole documents.

One JSON object a line (``eval/GUIDELINES.md``, ``../shared/dev-gold/README.md``)::

    {"id", "text", "date", "events": [{"cameo", "source", "target", "negated", "modality", ...}]}
    {"id", "text", "penta": 0..4}
    {"id", "text", "source_spans": [...], "target_spans": [...]}
    {"id", "file", "date", "events": [{..., "sentence_hint": "words of the sentence"}]}
    {"doc", "copy_of", "events": [{"happening", ..., "sentence_hint"}]}   (stories; articles in
        ``<gold dir>/../<gold name>/corpus.jsonl`` or the item's ``file``)
    {"id", "promiser", "beneficiary", "cameo", "evidence": [...], "status": {...}}   (commitments)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tidings.errors import UsageError

__all__ = ["gold_kind", "load_gold", "read_jsonl"]


def gold_kind(item: dict[str, Any]) -> str:
    """``story``, ``commitment``, ``document``, ``roles``, ``penta`` or ``events``."""
    if "doc" in item and "copy_of" in item:
        return "story"
    if "promiser" in item and "status" in item:
        return "commitment"
    if "file" in item:
        return "document"
    if "source_spans" in item or "target_spans" in item:
        return "roles"
    if "events" not in item and "penta" in item:
        return "penta"
    return "events"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON records of a JSON-lines file; a file that cannot be read or a bad line is a one-line
    usage error naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path.name} line {n}: not valid JSON ({exc.msg})") from exc
    return out


def load_gold(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for path in paths:
        p = Path(path)
        try:
            lines = p.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise UsageError(f"cannot read gold file {p}: {exc.strerror or exc}") from exc
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{p.name} line {n}: not valid JSON ({exc.msg})") from exc
            if not isinstance(item, dict):
                raise UsageError(f"{p.name} line {n}: not a JSON object")
            kind = gold_kind(item)
            if kind == "commitment":
                raise UsageError(f"{p.name} line {n}: a commitment record; score commitment gold files on their own")
            if kind == "story":
                item["_document"] = _story_document(item, p)
                item["text"] = item["_document"].text
                item.setdefault("id", item["doc"])
            elif "text" not in item and "file" in item:
                item["_document"] = _document(item, p)
                item["text"] = item["_document"].text
            if "text" not in item or (kind == "events" and "events" not in item):
                raise UsageError(f"{p.name} line {n}: needs 'text' (or 'file') and 'events', 'penta' or role spans")
            item.setdefault("id", f"{p.stem}-{n}")
            items.append(item)
    return items


def _document(item: dict[str, Any], gold_path: Path) -> Any:
    """Document-level gold names its article by ``file`` (a JSON-lines file is searched for ``id``);
    the gold's ``date`` is the publication date."""
    from dataclasses import replace

    from tidings.ingest import read_inputs
    from tidings.records import Document

    rel = Path(item["file"])
    candidates = [rel, *(parent / rel for parent in gold_path.resolve().parents)]
    path = next((c for c in candidates if c.exists()), None)
    if path is None:
        raise UsageError(f"{gold_path.name}: document file {rel} not found")
    for doc in read_inputs([str(path)]):
        if isinstance(doc, Document) and (path.suffix != ".jsonl" or doc.doc_id == str(item["id"])):
            return replace(doc, doc_id=str(item["id"]), published=item.get("date") or doc.published)
    raise UsageError(f"{gold_path.name}: no document {item['id']!r} in {rel}")


def story_corpus(item: dict[str, Any], gold_path: Path) -> Path:
    """Where the articles of story gold are: the item's ``file``, else ``corpus.jsonl`` in the
    folder named after the gold file beside the gold's folder (``gold/stories.jsonl`` →
    ``stories/corpus.jsonl``)."""
    if item.get("file"):
        rel = Path(item["file"])
        return next((c for c in (rel, *(parent / rel for parent in gold_path.resolve().parents)) if c.exists()), rel)
    return gold_path.resolve().parent.parent / gold_path.stem / "corpus.jsonl"


_CORPORA: dict[Path, dict[str, Any]] = {}


def _story_document(item: dict[str, Any], gold_path: Path) -> Any:
    from tidings.ingest import read_inputs
    from tidings.records import Document

    path = story_corpus(item, gold_path)
    if not path.exists():
        raise UsageError(f"{gold_path.name}: story corpus {path} not found")
    if path not in _CORPORA:
        _CORPORA[path] = {d.doc_id: d for d in read_inputs([str(path)]) if isinstance(d, Document)}
    doc = _CORPORA[path].get(str(item["doc"]))
    if doc is None:
        raise UsageError(f"{gold_path.name}: no document {item['doc']!r} in {path}")
    return doc
