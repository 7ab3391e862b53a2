"""Whole articles, scored as a reader meets them: each expected event fully right, found with a
wrong part, or missed; each produced event that matches nothing is spurious.

Gold lines ``{"id", "file", "date", "events": [{..., "sentence_hint"}]}``. A gold event belongs to
the sentence containing its hint; produced events are matched inside that sentence (same root and
actors first, then same root, then same actors). *Fully right*: same CAMEO root, source and target
country, negation and modality. Only what a user sees by default is compared (neither negated nor
hypothetical), on both sides.
"""

from __future__ import annotations

from typing import Any

from tidings.evaluate.events import align, country_part, shown, shown_gold
from tidings.records import Event

__all__ = ["score_documents"]


_country = country_part


def _right(g: dict[str, Any], p: Event) -> bool:
    return (p.cameo_root == str(g["cameo"])[:2]
            and _country(g.get("source")) == _country(p.source.code if p.source else None)
            and _country(g.get("target")) == _country(p.target.code if p.target else None)
            and bool(g.get("negated")) == p.negated and (g.get("modality") or "asserted") == p.modality)


def _norm(text: str) -> str:
    return " ".join(text.split())


def score_documents(items: list[dict[str, Any]], predicted: dict[str, list[Event]]) -> dict[str, Any]:
    totals = {"gold": 0, "produced": 0, "right": 0, "wrong_part": 0, "missed": 0, "spurious": 0}
    per_doc = []
    for item in items:
        events = [e for e in predicted.get(str(item["id"]), []) if shown(e)]
        gold = [g for g in item.get("events") or () if shown_gold(g)]
        by_sentence: dict[int, list[Event]] = {}
        for e in events:
            by_sentence.setdefault(e.sentence_index, []).append(e)
        span_text = {e.sentence_index: _norm(e.sentence) for e in events}
        gold_by_sentence: dict[int | None, list[dict[str, Any]]] = {}
        for g in gold:
            hint = _norm(g.get("sentence_hint") or "")
            where = next((i for i, text in span_text.items() if hint and hint in text), None)
            gold_by_sentence.setdefault(where, []).append(g)
        counts = dict.fromkeys(totals, 0)
        counts["gold"], counts["produced"] = len(gold), len(events)
        for where, gs in gold_by_sentence.items():
            preds = by_sentence.get(where, []) if where is not None else []
            for pair in align(gs, preds):
                if pair.gold is None:
                    continue
                if pair.pred is None:
                    counts["missed"] += 1
                elif _right(pair.gold, pair.pred):
                    counts["right"] += 1
                else:
                    counts["wrong_part"] += 1
        matched = counts["right"] + counts["wrong_part"]
        counts["spurious"] = len(events) - matched
        for k in totals:
            totals[k] += counts[k]
        per_doc.append({"id": item["id"], **counts})

    def share(k: str, of: str) -> float | None:
        return round(totals[k] / totals[of], 4) if totals[of] else None

    return {"documents": len(items), **totals, "fully_right": share("right", "gold"),
            "found_wrong_part": share("wrong_part", "gold"), "missed_share": share("missed", "gold"),
            "spurious_share": share("spurious", "produced"), "per_document": per_doc}
