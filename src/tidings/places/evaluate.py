"""Scoring place mentions against a place gold (``tidings eval eval/gold/places.jsonl``).

Gold: one toponym a line, ``{doc, split, text, start, end, name, geonames_id, lat, lon, country,
admin1, feature}``; the articles are in a corpus file (``{id, split, text, date}``), given on the
command line or found at ``../places/corpus.jsonl`` beside the gold's folder.

A predicted mention matches a gold toponym when their character spans overlap (one to one, the
largest overlap first). Scores, overall and per split: toponym recall and precision, accuracy at
161 km (100 miles, the field's standard) and the median error in km over matched toponyms, country
agreement, and accuracy by gold feature type.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tidings.errors import UsageError
from tidings.evaluate.gold import read_jsonl
from tidings.places.gazetteer import distance_km
from tidings.places.resolve import PlaceMention
from tidings.records import Document

__all__ = ["ACCURACY_KM", "evaluate_places", "is_place_gold", "render_places", "score"]

ACCURACY_KM = 161.0




def _first(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    return json.loads(line)
    except (OSError, json.JSONDecodeError):
        return {}
    return {}


def is_place_gold(paths: Iterable[str | Path]) -> bool:
    """True when one of the files is a place gold (toponyms with coordinates)."""
    return any({"doc", "start", "end", "lat", "lon"} <= set(_first(Path(p))) for p in paths)


def score(gold: list[dict[str, Any]], predicted: dict[str, list[PlaceMention]], errors: int = 10) -> dict[str, Any]:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_doc[str(g["doc"])].append(g)
    split_of = {d: items[0].get("split", "all") for d, items in by_doc.items()}
    for d in predicted:
        split_of.setdefault(d, "all")
    stats: dict[str, dict[str, Any]] = defaultdict(lambda: {"gold": 0, "pred": 0, "matched": 0, "errors_km": [],
                                                            "country": 0, "by_feature": defaultdict(lambda: [0, 0])})
    wrong: list[dict[str, Any]] = []
    for doc_id in sorted(set(by_doc) | set(predicted)):
        golds, preds = by_doc.get(doc_id, []), predicted.get(doc_id, [])
        pairs = sorted(((min(g["end"], p.end) - max(g["start"], p.start), gi, pi)
                        for gi, g in enumerate(golds) for pi, p in enumerate(preds)
                        if min(g["end"], p.end) > max(g["start"], p.start)), reverse=True)
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _overlap, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = golds[gi], preds[pi]
            km = distance_km(g["lat"], g["lon"], p.place.lat, p.place.lon)
            for key in (split_of[doc_id], "all"):
                st = stats[key]
                st["matched"] += 1
                st["errors_km"].append(km)
                st["country"] += (g.get("country") or None) == p.place.country
                st["by_feature"][g.get("feature", "?")][0] += 1
                st["by_feature"][g.get("feature", "?")][1] += km <= ACCURACY_KM
            if km > ACCURACY_KM:
                wrong.append({"doc": doc_id, "text": g["text"], "kind": "resolution", "gold": g.get("name"),
                              "gold_country": g.get("country"), "produced": p.place.name,
                              "produced_country": p.place.country, "feature": p.place.feature, "km": round(km)})
        for gi, g in enumerate(golds):
            if gi not in used_g:
                wrong.append({"doc": doc_id, "text": g["text"], "kind": "missed", "gold": g.get("name"), "start": g["start"]})
        for pi, p in enumerate(preds):
            if pi not in used_p:
                wrong.append({"doc": doc_id, "text": p.text, "kind": "spurious", "produced": p.place.name,
                              "produced_country": p.place.country, "start": p.start})
        for key in (split_of[doc_id], "all"):
            stats[key]["gold"] += len(golds)
            stats[key]["pred"] += len(preds)
    report: dict[str, Any] = {"kind": "places", "splits": {}}
    for key, st in sorted(stats.items()):
        errs = st["errors_km"]
        report["splits"][key] = {
            "toponyms": st["gold"], "predicted": st["pred"], "matched": st["matched"],
            "recall": round(st["matched"] / st["gold"], 4) if st["gold"] else None,
            "precision": round(st["matched"] / st["pred"], 4) if st["pred"] else None,
            "accuracy_161km": round(sum(e <= ACCURACY_KM for e in errs) / len(errs), 4) if errs else None,
            "median_error_km": round(statistics.median(errs), 1) if errs else None,
            "country_agreement": round(st["country"] / st["matched"], 4) if st["matched"] else None,
            "accuracy_by_feature": {f: {"n": n, "accuracy_161km": round(ok / n, 4)}
                                    for f, (n, ok) in sorted(st["by_feature"].items())},
        }
    report["errors"] = wrong[:errors]
    return report


def _corpus(gold_path: Path, others: list[Path]) -> list[dict[str, Any]]:
    paths = others or [p for p in (gold_path.resolve().parent.parent / "places" / "corpus.jsonl",) if p.exists()]
    if not paths:
        raise UsageError(f"{gold_path.name}: give the articles' corpus file too (no ../places/corpus.jsonl beside it)")
    docs = []
    for p in paths:
        docs += read_jsonl(p)
    return docs


def evaluate_places(paths: Iterable[str | Path], *, settings=None, errors: int = 10, nlp=None,
                    split: str | None = None) -> dict[str, Any]:
    """Run ``tidings_places`` on the gold's articles and score it (``split`` keeps one split)."""
    from tidings.places.extract import place_documents

    files = [Path(p) for p in paths]
    gold_files = [p for p in files if {"doc", "lat", "lon"} <= set(_first(p))]
    gold = [g for p in gold_files for g in read_jsonl(p)]
    corpus = _corpus(gold_files[0], [p for p in files if p not in gold_files])
    if split:
        gold = [g for g in gold if g.get("split") == split]
        corpus = [d for d in corpus if d.get("split") == split]
    documents = [Document(doc_id=str(d["id"]), text=d["text"], published=d.get("date")) for d in corpus]
    predicted = {d.doc_id: mentions for d, mentions in place_documents(documents, settings=settings, nlp=nlp)}
    return score(gold, predicted, errors)


def _fmt(v: float | None) -> str:
    return "  n/a" if v is None else f"{v:.3f}"


def render_places(report: dict[str, Any]) -> str:
    lines = []
    for key, s in report["splits"].items():
        lines.append(f"{key}: {s['toponyms']} toponyms, {s['predicted']} predicted, {s['matched']} matched: "
                     f"recall {_fmt(s['recall'])} precision {_fmt(s['precision'])} "
                     f"accuracy@161km {_fmt(s['accuracy_161km'])} median error {s['median_error_km']} km "
                     f"country {_fmt(s['country_agreement'])}")
        feats = ", ".join(f"{f} {_fmt(v['accuracy_161km'])} (n={v['n']})" for f, v in s["accuracy_by_feature"].items())
        lines.append(f"  accuracy@161km by gold feature: {feats}")
    if report["errors"]:
        lines.append(f"\nfirst {len(report['errors'])} errors:")
        for e in report["errors"]:
            lines.append("- " + json.dumps(e, ensure_ascii=False))
    return "\n".join(lines)
