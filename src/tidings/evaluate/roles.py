"""Role spans: does some event's source text overlap the annotated source, and its target the target?

Gold lines ``{"id", "text", "source_spans": [...], "target_spans": [...]}`` (ConfliBERT role-span
format). Over sentences with both spans: *pair recall* (one event has both right), *swapped* (one
event has them the other way round); over sentences with a source (target) span: *source found*
(*target found*). Texts overlap when they share a content word.
"""

from __future__ import annotations

import re
from typing import Any

from tidings.records import Event

__all__ = ["overlaps", "score_roles"]

_STOP = frozenset("a an the of and or in on at to for by with from 's s his her its their our this that these those".split())
_WORD = re.compile(r"[\w-]+")  # apostrophes split words: "Iran's position" has the word "Iran"


def _words(text: str) -> set[str]:
    return {w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w and w not in _STOP}


def overlaps(a: str | None, spans: list[str]) -> bool:
    if not a:
        return False
    words = _words(a)
    return any(words & _words(s) for s in spans)


def score_roles(items: list[dict[str, Any]], predicted: dict[str, list[Event]]) -> dict[str, Any]:
    both = pair = swapped = src_n = src_found = tgt_n = tgt_found = 0
    for item in items:
        events = predicted.get(str(item["id"]), [])
        srcs, tgts = list(item.get("source_spans") or ()), list(item.get("target_spans") or ())
        s_texts = [e.source.text if e.source else None for e in events]
        t_texts = [e.target.text if e.target else None for e in events]
        if srcs:
            src_n += 1
            src_found += any(overlaps(t, srcs) for t in s_texts)
        if tgts:
            tgt_n += 1
            tgt_found += any(overlaps(t, tgts) for t in t_texts)
        if srcs and tgts:
            both += 1
            pair += any(overlaps(s, srcs) and overlaps(t, tgts) for s, t in zip(s_texts, t_texts, strict=True))
            swapped += any(overlaps(s, tgts) and overlaps(t, srcs) and not (overlaps(s, srcs) and overlaps(t, tgts))
                           for s, t in zip(s_texts, t_texts, strict=True))

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {"sentences": len(items), "with_both": both, "pair_recall": ratio(pair, both),
            "source_found": ratio(src_found, src_n), "target_found": ratio(tgt_found, tgt_n),
            "swapped": ratio(swapped, both)}
