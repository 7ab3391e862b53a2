"""The quality gate (test support, not part of the library): key figures of ``tidings eval`` on the project's gold splits and the external
development sets, compared with floors pinned in ``eval/baseline.json``. Floors only rise."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from tidings.evaluate import evaluate

__all__ = ["SPLITS", "figures", "measure", "raise_floors"]

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "eval" / "baseline.json"
SPLITS = {
    "dev": sorted(str(p) for p in (ROOT / "eval" / "gold").glob("dev_*.jsonl")),
    "test": sorted(str(p) for p in (ROOT / "eval" / "gold").glob("test_*.jsonl")),
}
EXTERNAL = {
    "petr2": ROOT.parent / "shared" / "dev-gold" / "petr2_gsr.jsonl",
    "conflibert": ROOT.parent / "shared" / "dev-gold" / "conflibert_cameo_train.jsonl",
    "conflibert_roles": ROOT.parent / "shared" / "dev-gold" / "conflibert_roles_train.jsonl",
}
LOWER_IS_BETTER = {"false_positive_rate", "role_swapped"}


def figures(report: dict[str, Any]) -> dict[str, float]:
    """The gated figures of one report (missing ones are left out)."""
    out: dict[str, float | None] = {}
    if report.get("event_sentences"):
        out.update(
            root_f1=report["root"]["micro"]["f1"], plover_f1=report["plover"]["micro"]["f1"],
            root_recall=report["root"]["micro"]["recall"], tuple_recall=report["tuples"]["recall"],
            source_country=report["actors"]["source_country"], target_country=report["actors"]["target_country"],
        )
        if report.get("no_event_sentences"):
            out["false_positive_rate"] = report["false_positive_rate"]
    if "penta" in report and not report.get("event_sentences"):
        out["penta_accuracy"] = report["penta"]["accuracy"]
    if report.get("roles"):
        roles = report["roles"]
        out.update(role_pair_recall=roles["pair_recall"], role_target_found=roles["target_found"],
                   role_swapped=roles["swapped"])
    return {k: float(v) for k, v in out.items() if v is not None}


def measure(nlp=None) -> dict[str, dict[str, float]]:
    results = {}
    for name, paths in SPLITS.items():
        if paths:
            results[name] = figures(evaluate(paths, nlp=nlp, errors=0))
    for name, path in EXTERNAL.items():
        if path.exists():
            results[name] = figures(evaluate([path], nlp=nlp, errors=0))
    return results


def raise_floors(measured: dict[str, dict[str, float]], path: Path = BASELINE) -> dict[str, dict[str, float]]:
    """Move each floor up (or each ceiling down) to the measured figure, never the other way."""
    floors: dict[str, dict[str, float]] = json.loads(path.read_text()) if path.exists() else {}
    for split, figs in measured.items():
        current = floors.setdefault(split, {})
        for key, value in figs.items():
            if key in LOWER_IS_BETTER:
                new = math.ceil(value * 1000) / 1000
                current[key] = min(current.get(key, 1.0), new)
            else:
                new = math.floor(value * 1000) / 1000
                current[key] = max(current.get(key, 0.0), new)
    path.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return floors
