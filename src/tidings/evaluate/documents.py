"""Whole articles, scored as a reader meets them: each expected event fully right, found with a
wrong part, or missed; each produced event that matches nothing is spurious.

Gold lines ``{"id", "file", "date", "events": [{..., "sentence_hint"}]}``. A gold event belongs to
the sentence containing its hint; produced events are matched inside that sentence (same root and
actors first, then same root, then same actors). *Fully right*: same CAMEO root, source and target
country, negation and modality. Only what a user sees by default is compared (neither negated nor
hypothetical), on both sides.

With ``errors=N`` the report also lists, article by article, at most N errors: each missed gold
event (with what its sentence produced instead, hidden events included), each wrong one (gold and
what it was paired with) and each spurious one (with its rule and sentence).
"""

from __future__ import annotations

from typing import Any

from tidings.evaluate.events import align, country_part, shown, shown_gold
from tidings.records import Event

__all__ = ["render_document_errors", "score_documents"]


_country = country_part


def _right(g: dict[str, Any], p: Event) -> bool:
    return (p.cameo_root == str(g["cameo"])[:2]
            and _country(g.get("source")) == _country(p.source.code if p.source else None)
            and _country(g.get("target")) == _country(p.target.code if p.target else None)
            and bool(g.get("negated")) == p.negated and (g.get("modality") or "asserted") == p.modality)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _gold_view(g: dict[str, Any]) -> dict[str, Any]:
    return {"cameo": str(g["cameo"]), "source": g.get("source"), "target": g.get("target"),
            "negated": bool(g.get("negated")), "modality": g.get("modality") or "asserted",
            "sentence_hint": g.get("sentence_hint") or ""}


def _event_view(e: Event) -> dict[str, Any]:
    return {"cameo": e.cameo, "source": e.source.code if e.source else None,
            "target": e.target.code if e.target else None, "negated": e.negated, "modality": e.modality,
            "rule": e.rule, "sentence_index": e.sentence_index}


def score_documents(items: list[dict[str, Any]], predicted: dict[str, list[Event]],
                    errors: int = 0) -> dict[str, Any]:
    totals = {"gold": 0, "produced": 0, "right": 0, "wrong_part": 0, "missed": 0, "spurious": 0}
    per_doc = []
    listed: list[dict[str, Any]] = []
    for item in items:
        every = predicted.get(str(item["id"]), [])
        events = [e for e in every if shown(e)]
        gold = [g for g in item.get("events") or () if shown_gold(g)]
        by_sentence: dict[int, list[Event]] = {}
        for e in events:
            by_sentence.setdefault(e.sentence_index, []).append(e)
        # a hint is looked up in the sentences with shown events, then in those with hidden events
        # only (negated, hypothetical), so that a miss can show what its sentence gave
        span_text = {e.sentence_index: _norm(e.sentence) for e in events}
        for e in every:
            span_text.setdefault(e.sentence_index, _norm(e.sentence))
        gold_by_sentence: dict[int | None, list[dict[str, Any]]] = {}
        for g in gold:
            hint = _norm(g.get("sentence_hint") or "")
            where = next((i for i, text in span_text.items() if hint and hint in text), None)
            gold_by_sentence.setdefault(where, []).append(g)
        counts = dict.fromkeys(totals, 0)
        counts["gold"], counts["produced"] = len(gold), len(events)
        matched: set[int] = set()
        doc_errors: list[dict[str, Any]] = []
        for where, gs in gold_by_sentence.items():
            preds = by_sentence.get(where, []) if where is not None else []
            for pair in align(gs, preds):
                if pair.gold is None:
                    continue
                if pair.pred is None:
                    counts["missed"] += 1
                    doc_errors.append({"kind": "missed", "gold": _gold_view(pair.gold),
                                       "instead": [_event_view(e) for e in every if where is not None
                                                   and e.sentence_index == where]})
                    continue
                matched.add(id(pair.pred))
                if _right(pair.gold, pair.pred):
                    counts["right"] += 1
                else:
                    counts["wrong_part"] += 1
                    doc_errors.append({"kind": "wrong", "gold": _gold_view(pair.gold), "got": _event_view(pair.pred)})
        counts["spurious"] = len(events) - len(matched)
        doc_errors += [{"kind": "spurious", "got": _event_view(e), "sentence": _norm(e.sentence)}
                       for e in events if id(e) not in matched]
        for k in totals:
            totals[k] += counts[k]
        per_doc.append({"id": item["id"], **counts})
        listed += [{"id": item["id"], **err} for err in doc_errors[:max(0, errors - len(listed))]]

    def share(k: str, of: str) -> float | None:
        return round(totals[k] / totals[of], 4) if totals[of] else None

    return {"documents": len(items), **totals, "fully_right": share("right", "gold"),
            "found_wrong_part": share("wrong_part", "gold"), "missed_share": share("missed", "gold"),
            "spurious_share": share("spurious", "produced"), "per_document": per_doc, "errors": listed}


def _ev(v: dict[str, Any]) -> str:
    flags = v["modality"] + (" negated" if v.get("negated") else "")
    return f"{v['cameo']} {v.get('source') or '-'}->{v.get('target') or '-'} {flags}"


def _clip(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def render_document_errors(errors: list[dict[str, Any]]) -> list[str]:
    """One line per listed error, each starting with its article's id."""
    lines = []
    for err in errors:
        head = f"[{err['id']}] {err['kind'].upper():<8}"
        if err["kind"] == "missed":
            g = err["gold"]
            instead = "; ".join(f"{_ev(v)} ({v['rule']})" for v in err["instead"]) or "nothing"
            lines.append(f"{head} {_ev(g)} | \"{_clip(g['sentence_hint'], 60)}\" | the sentence gave: {instead}")
        elif err["kind"] == "wrong":
            g, p = err["gold"], err["got"]
            lines.append(f"{head} {_ev(g)} | got {_ev(p)} ({p['rule']}) | \"{_clip(g['sentence_hint'], 60)}\"")
        else:
            p = err["got"]
            lines.append(f"{head} {_ev(p)} ({p['rule']}) | {_clip(err['sentence'])}")
    return lines
