"""Golden comparison for refactors: code a fixed set of texts and write every event, canonically.

    python scripts/golden.py write OUT.jsonl [GOLD.jsonl ...]   # code the texts, write the events
    python scripts/golden.py diff BEFORE.jsonl AFTER.jsonl      # what changed, sentence by sentence

The texts are every gold sentence given (``text`` and ``date`` of each line) and the example
articles. The ``coder`` field is left out (it changes with every data edit); everything else is kept.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DROP = {"coder", "trace"}


def _texts(paths: list[str]):
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                item = json.loads(line)
                if "text" in item:
                    yield f"{Path(path).name}:{n}", item["text"], item.get("date")


def write(out: str, paths: list[str]) -> None:
    from tidings.ingest import read_inputs
    from tidings.nlp import load_pipeline
    from tidings.pipeline import code_documents, code_text
    from tidings.records import Document

    nlp = load_pipeline()
    with open(out, "w", encoding="utf-8") as fh:
        for key, text, date in _texts(paths):
            events = code_text(text, published=date, doc_id=key, nlp=nlp)
            for e in events:
                fh.write(json.dumps({"key": key, **{k: v for k, v in e.to_dict().items() if k not in DROP}},
                                    sort_keys=True, ensure_ascii=False) + "\n")
            if not events:
                fh.write(json.dumps({"key": key, "none": True}) + "\n")
        docs = [d for d in read_inputs([str(ROOT / "examples")]) if isinstance(d, Document)]
        for doc, events in code_documents(docs, nlp=nlp):
            for e in events:
                fh.write(json.dumps({"key": doc.doc_id, **{k: v for k, v in e.to_dict().items() if k not in DROP}},
                                    sort_keys=True, ensure_ascii=False) + "\n")


def diff(before: str, after: str) -> int:
    def load(p: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out.setdefault(rec.pop("key"), set()).add(json.dumps(rec, sort_keys=True, ensure_ascii=False))
        return out

    a, b = load(before), load(after)
    changed = 0
    for key in sorted(set(a) | set(b)):
        if a.get(key, set()) != b.get(key, set()):
            changed += 1
            print(f"== {key}")
            for x in sorted(a.get(key, set()) - b.get(key, set())):
                print("  -", x[:400])
            for x in sorted(b.get(key, set()) - a.get(key, set())):
                print("  +", x[:400])
    print(f"{changed} of {len(set(a) | set(b))} texts changed")
    return 1 if changed else 0


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(diff(sys.argv[2], sys.argv[3]))
