"""``tidings eval``: score the coder against gold sentences.

Gold format (one JSON object a line; see ``eval/GUIDELINES.md``):

    {"id": ..., "text": ..., "date": "YYYY-MM-DD" | null,
     "events": [{"cameo": "042", "source": "USA", "target": "CHN", "negated": false, "modality": "asserted",
                 "date": ..., "deadline": ..., "quantities": [...]}, ...]}
    {"id": ..., "text": ..., "penta": 0..4}      # sentence-level PentaClass only

Events are compared per sentence as multisets of labels (root, PLOVER category or full code); actors
on their country part (first three letters) and on the full code. Negated gold events are events
like any other for the label scores; the negation flag is scored on matched pairs.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.coding.codebook import codebook
from tidings.config import Settings
from tidings.errors import UsageError
from tidings.records import Document, Event

__all__ = ["evaluate", "load_gold", "penta_class", "render_text"]

LEVELS = ("root", "plover", "code")


def penta_class(root: str | None) -> int:
    """Phoenix PentaClass of a CAMEO root (None = no event)."""
    if root is None:
        return 0
    r = int(root)
    if r <= 2:
        return 0
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13 or r == 16:
        return 3
    return 4


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
            if "text" not in item and "file" in item:
                item["text"] = _document_text(item, p)
            if "text" not in item or ("events" not in item and "penta" not in item):
                raise UsageError(f"{p.name} line {n}: needs 'text' (or 'file') and 'events' or 'penta'")
            item.setdefault("id", f"{p.stem}-{n}")
            items.append(item)
    return items


def _document_text(item: dict[str, Any], gold_path: Path) -> str:
    """Document-level gold names its article by ``file`` (a JSON-lines file is searched for ``id``)."""
    from tidings.ingest import read_inputs
    from tidings.records import Document as Doc

    rel = Path(item["file"])
    candidates = [rel, *(parent / rel for parent in gold_path.resolve().parents)]
    path = next((c for c in candidates if c.exists()), None)
    if path is None:
        raise UsageError(f"{gold_path.name}: document file {rel} not found")
    for doc in read_inputs([str(path)]):
        if isinstance(doc, Doc) and (path.suffix != ".jsonl" or doc.doc_id == str(item["id"])):
            return doc.text
    raise UsageError(f"{gold_path.name}: no document {item['id']!r} in {rel}")


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def _label(level: str, cameo: str) -> str | None:
    if level == "root":
        return cameo[:2]
    if level == "code":
        return cameo
    info = codebook().get(cameo) or codebook().get(cameo[:3]) or codebook().get(cameo[:2])
    return info.plover if info else None


@dataclass
class _Pair:
    gold: dict[str, Any] | None
    pred: Event | None


def _align(gold: list[dict[str, Any]], pred: list[Event]) -> list[_Pair]:
    """Pair gold and predicted events of one sentence: same root and actors first, then same root,
    then same actors with another root (a confusion); the rest stay unpaired."""
    g_left = list(range(len(gold)))
    p_left = list(range(len(pred)))
    pairs: list[_Pair] = []

    def actors_match(g: dict[str, Any], p: Event) -> int:
        s = int(_country(g.get("source")) == _country(p.source.code if p.source else None))
        t = int(_country(g.get("target")) == _country(p.target.code if p.target else None))
        return s + t

    for rule in ("root+actors", "root", "actors"):
        for gi in list(g_left):
            g = gold[gi]
            best, best_score = None, -1
            for pi in p_left:
                p = pred[pi]
                same_root = p.cameo_root == str(g["cameo"])[:2]
                score = actors_match(g, p)
                ok = (same_root and score == 2) if rule == "root+actors" else same_root if rule == "root" else score == 2
                if ok and score > best_score:
                    best, best_score = pi, score
            if best is not None:
                pairs.append(_Pair(g, pred[best]))
                g_left.remove(gi)
                p_left.remove(best)
    pairs += [_Pair(gold[gi], None) for gi in g_left]
    pairs += [_Pair(None, pred[pi]) for pi in p_left]
    return pairs


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn, "predicted": tp + fp}


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def evaluate(gold_paths: Iterable[str | Path], *, settings: Settings | None = None, errors: int = 10,
             nlp=None) -> dict[str, Any]:
    """Run the coder on the gold sentences and return every score (deterministic). A place gold
    (toponyms with coordinates) is scored by ``places.evaluate`` instead."""
    from tidings.clean import clean_text
    from tidings.pipeline import code_documents
    from tidings.places.evaluate import evaluate_places, is_place_gold

    gold_paths = list(gold_paths)
    if is_place_gold(gold_paths):
        return evaluate_places(gold_paths, settings=settings, errors=errors, nlp=nlp)

    items = load_gold(gold_paths)
    docs = []
    for item in items:
        cleaned = clean_text(item["text"])
        docs.append(Document(doc_id=str(item["id"]), text=cleaned.text or item["text"], published=item.get("date")))
    predicted: dict[str, list[Event]] = {}
    for doc, events in code_documents(docs, settings=settings, nlp=nlp):
        predicted[doc.doc_id] = events

    counts = {lvl: defaultdict(lambda: [0, 0, 0]) for lvl in LEVELS}
    attr = Counter()
    confusion: dict[str, Counter] = defaultdict(Counter)
    worst: list[tuple[int, str, dict[str, Any]]] = []
    penta_gold: list[int] = []
    penta_pred: list[int] = []
    event_sentences = no_event_sentences = no_event_fp = 0
    tuples_tp = tuples_gold = tuples_pred = 0
    for item in items:
        preds = predicted.get(str(item["id"]), [])
        if "events" not in item:
            live = [e for e in preds if not e.negated]
            penta_gold.append(int(item["penta"]))
            penta_pred.append(max((penta_class(e.cameo_root) for e in live), default=0))
            continue
        gold = list(item["events"])
        # event gold also gives a sentence class: the most conflictual non-negated event
        penta_gold.append(max((penta_class(str(g["cameo"])[:2]) for g in gold if not g.get("negated")), default=0))
        penta_pred.append(max((penta_class(e.cameo_root) for e in preds if not e.negated), default=0))
        if not gold:
            no_event_sentences += 1
            no_event_fp += bool(preds)
        else:
            event_sentences += 1
        for lvl in LEVELS:
            g_labels = Counter(lbl for g in gold if (lbl := _label(lvl, str(g["cameo"]))))
            p_labels = Counter(lbl for e in preds if (lbl := _label(lvl, e.cameo)))
            for lbl in set(g_labels) | set(p_labels):
                tp = min(g_labels[lbl], p_labels[lbl])
                counts[lvl][lbl][0] += tp
                counts[lvl][lbl][1] += p_labels[lbl] - tp
                counts[lvl][lbl][2] += g_labels[lbl] - tp
        g_tuples = Counter((str(g["cameo"])[:2], _country(g.get("source")), _country(g.get("target"))) for g in gold)
        p_tuples = Counter((e.cameo_root, _country(e.source.code if e.source else None), _country(e.target.code if e.target else None)) for e in preds)
        tuples_tp += sum((g_tuples & p_tuples).values())
        tuples_gold += sum(g_tuples.values())
        tuples_pred += sum(p_tuples.values())
        pairs = _align(gold, preds)
        misses = 0
        for pair in pairs:
            g, p = pair.gold, pair.pred
            confusion[str(g["cameo"])[:2] if g else "none"][p.cameo_root if p else "none"] += 1
            if g is None or p is None:
                misses += 1
                continue
            if p.cameo_root != str(g["cameo"])[:2]:
                misses += 1
                continue
            for role in ("source", "target"):
                gv = g.get(role)
                actor = getattr(p, role)
                pv = actor.code if actor else None
                attr[f"{role}_n"] += 1
                attr[f"{role}_country"] += _country(gv) == _country(pv)
                attr[f"{role}_full"] += gv == pv
            if "negated" in g:
                attr["negated_n"] += 1
                attr["negated_ok"] += bool(g["negated"]) == p.negated
            if g.get("modality"):
                attr["modality_n"] += 1
                attr["modality_ok"] += g["modality"] == p.modality
            if g.get("date"):
                attr["date_n"] += 1
                attr["date_ok"] += g["date"] == p.date
            if g.get("deadline"):
                attr["deadline_n"] += 1
                attr["deadline_ok"] += g["deadline"] == p.deadline
            for q in g.get("quantities") or ():
                attr["quantity_n"] += 1
                attr["quantity_ok"] += any(
                    pq.kind == q.get("kind") and pq.unit == q.get("unit") and abs(pq.value - float(q.get("value", 0))) <= 0.005 * max(1.0, abs(float(q.get("value", 0))))
                    for pq in p.quantities)
        if misses:
            worst.append((misses, str(item["id"]), {
                "id": item["id"], "text": item["text"],
                "expected": [{k: g.get(k) for k in ("cameo", "source", "target", "negated", "modality")} for g in gold],
                "produced": [{"cameo": e.cameo, "source": e.source.code if e.source else None,
                              "target": e.target.code if e.target else None, "negated": e.negated,
                              "modality": e.modality, "rule": e.rule} for e in preds],
            }))

    report: dict[str, Any] = {"sentences": len(items), "event_sentences": event_sentences,
                              "no_event_sentences": no_event_sentences}
    for lvl in LEVELS:
        per = {lbl: _prf(*c) for lbl, c in sorted(counts[lvl].items())}
        tp = sum(c[0] for c in counts[lvl].values())
        fp = sum(c[1] for c in counts[lvl].values())
        fn = sum(c[2] for c in counts[lvl].values())
        supported = [v for v in per.values() if v["support"]]
        report[lvl] = {
            "micro": _prf(tp, fp, fn),
            "macro_f1": round(sum(v["f1"] for v in supported) / len(supported), 4) if supported else 0.0,
            "per_label": per,
        }
    report["actors"] = {
        "source_country": _ratio(attr["source_country"], attr["source_n"]),
        "source_full": _ratio(attr["source_full"], attr["source_n"]),
        "target_country": _ratio(attr["target_country"], attr["target_n"]),
        "target_full": _ratio(attr["target_full"], attr["target_n"]),
        "matched_events": attr["source_n"],
    }
    report["tuples"] = {"recall": _ratio(tuples_tp, tuples_gold), "precision": _ratio(tuples_tp, tuples_pred),
                        "gold": tuples_gold, "predicted": tuples_pred, "matched": tuples_tp}
    report["attributes"] = {k: {"accuracy": _ratio(attr[f"{k}_ok"], attr[f"{k}_n"]), "n": attr[f"{k}_n"]}
                            for k in ("negated", "modality", "date", "deadline", "quantity")}
    report["false_positive_rate"] = _ratio(no_event_fp, no_event_sentences)
    if penta_gold:
        correct = sum(a == b for a, b in zip(penta_gold, penta_pred, strict=True))
        f1s = []
        for c in range(5):
            tp = sum(a == b == c for a, b in zip(penta_gold, penta_pred, strict=True))
            fp = sum(b == c and a != c for a, b in zip(penta_gold, penta_pred, strict=True))
            fn = sum(a == c and b != c for a, b in zip(penta_gold, penta_pred, strict=True))
            if tp + fn:
                f1s.append(_prf(tp, fp, fn)["f1"])
        report["penta"] = {"accuracy": _ratio(correct, len(penta_gold)),
                           "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0, "n": len(penta_gold)}
    report["confusion"] = {g: dict(sorted(row.items())) for g, row in sorted(confusion.items())}
    worst.sort(key=lambda w: (-w[0], w[1]))
    report["errors"] = [w[2] for w in worst[:errors]]
    return report


def _fmt(v: float | None) -> str:
    return "  n/a" if v is None else f"{v:.3f}"


def render_text(report: dict[str, Any], by: str = "root") -> str:
    if report.get("kind") == "places":
        from tidings.places.evaluate import render_places

        return render_places(report)
    lines = [f"sentences: {report['sentences']} ({report['event_sentences']} with events, "
             f"{report['no_event_sentences']} without)"]
    if report.get("event_sentences"):
        for lvl in LEVELS:
            m = report[lvl]["micro"]
            lines.append(f"{lvl:>6}: micro P {_fmt(m['precision'])} R {_fmt(m['recall'])} F1 {_fmt(m['f1'])}   "
                         f"macro F1 {_fmt(report[lvl]['macro_f1'])}")
        lines.append(f"\nper {by}:")
        lines.append(f"  {'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'support':>8} {'predicted':>9}")
        for lbl, v in report[by]["per_label"].items():
            lines.append(f"  {lbl:<10} {_fmt(v['precision']):>6} {_fmt(v['recall']):>6} {_fmt(v['f1']):>6} {v['support']:>8} {v['predicted']:>9}")
        a = report["actors"]
        lines.append(f"\nactors on {a['matched_events']} matched events: source country {_fmt(a['source_country'])} "
                     f"full {_fmt(a['source_full'])}; target country {_fmt(a['target_country'])} full {_fmt(a['target_full'])}")
        t = report["tuples"]
        lines.append(f"full tuples (root, source country, target country): recall {_fmt(t['recall'])} "
                     f"precision {_fmt(t['precision'])} ({t['matched']} of {t['gold']} gold, {t['predicted']} predicted)")
        attrs = ", ".join(f"{k} {_fmt(v['accuracy'])} (n={v['n']})" for k, v in report["attributes"].items())
        lines.append(f"attributes on matched events: {attrs}")
        lines.append(f"false-positive rate on no-event sentences: {_fmt(report['false_positive_rate'])}")
    if "penta" in report:
        p = report["penta"]
        lines.append(f"PentaClass: accuracy {_fmt(p['accuracy'])}, macro F1 {_fmt(p['macro_f1'])} (n={p['n']})")
    if report.get("event_sentences"):
        lines.append("\nroot confusion (rows gold, columns produced):")
        cols = sorted({c for row in report["confusion"].values() for c in row})
        lines.append("  gold\\pred " + " ".join(f"{c:>4}" for c in cols))
        for g, row in report["confusion"].items():
            lines.append(f"  {g:>9} " + " ".join(f"{row.get(c, 0) or '.':>4}" for c in cols))
    if report["errors"]:
        lines.append(f"\nworst {len(report['errors'])} errors:")
        for e in report["errors"]:
            lines.append(f"- [{e['id']}] {e['text']}")
            lines.append(f"    expected: {json.dumps(e['expected'], ensure_ascii=False)}")
            lines.append(f"    produced: {json.dumps(e['produced'], ensure_ascii=False)}")
    return "\n".join(lines)
