"""Sentence-level scores: events by CAMEO root, PLOVER category and code; actors; tuples;
attributes; the false-positive rate; PentaClass.

Label and tuple scores compare what a user sees by default — events that are neither negated nor
hypothetical — with the gold events of the same kind. Negation and modality are scored on matched
pairs over all events, so a negated gold event must come out flagged.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from tidings.coding.codebook import codebook
from tidings.records import Event

__all__ = ["LEVELS", "align", "penta_class", "render_text", "score_sentences", "shown", "shown_gold"]

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


SECTOR_ONLY = frozenset(
    "GOV MIL COP JUD LEG OPP PTY REB SPY CVL REF MED BUS EDU HLH LAB AGR ELI REL CRM UAF HRI ENV MOD RAD".split())


def country_part(code: str | None) -> str | None:
    """The country part of an actor code: "RUSGOV" -> "RUS", "IGOEUREEC" -> "IGO"; a sector-only
    code ("REB", "COP", PETRARCH's "---REB") has none."""
    if not code or code.startswith("---") or code[:3] in SECTOR_ONLY:
        return None
    return code[:3]


_country = country_part


def _label(level: str, cameo: str) -> str | None:
    if level == "root":
        return cameo[:2]
    if level == "code":
        return cameo
    info = codebook().get(cameo) or codebook().get(cameo[:3]) or codebook().get(cameo[:2])
    return info.plover if info else None


@dataclass
class Pair:
    gold: dict[str, Any] | None
    pred: Event | None


def align(gold: list[dict[str, Any]], pred: list[Event]) -> list[Pair]:
    """Pair gold and predicted events of one sentence: same root and actors first, then same root,
    then same actors with another root (a confusion); the rest stay unpaired."""
    g_left = list(range(len(gold)))
    p_left = list(range(len(pred)))
    pairs: list[Pair] = []

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
                pairs.append(Pair(g, pred[best]))
                g_left.remove(gi)
                p_left.remove(best)
    pairs += [Pair(gold[gi], None) for gi in g_left]
    pairs += [Pair(None, pred[pi]) for pi in p_left]
    return pairs


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn, "predicted": tp + fp}


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def shown(e: Event) -> bool:
    """What a user sees by default: neither negated nor hypothetical."""
    return not e.negated and e.modality != "hypothetical"


def shown_gold(g: dict[str, Any]) -> bool:
    return not g.get("negated") and g.get("modality") != "hypothetical"


def score_sentences(items: list[dict[str, Any]], predicted: dict[str, list[Event]], errors: int = 10) -> dict[str, Any]:
    """Scores of sentence gold (``events`` and ``penta`` items) against the coder's events."""
    counts: dict[str, defaultdict[str, list[int]]] = {lvl: defaultdict(lambda: [0, 0, 0]) for lvl in LEVELS}
    attr: Counter[str] = Counter()
    confusion: dict[str, Counter] = defaultdict(Counter)
    worst: list[tuple[int, str, dict[str, Any]]] = []
    penta_gold: list[int] = []
    penta_pred: list[int] = []
    event_sentences = no_event_sentences = no_event_fp = 0
    tuples_tp = tuples_gold = tuples_pred = 0
    for item in items:
        preds = predicted.get(str(item["id"]), [])
        visible = [e for e in preds if shown(e)]
        if "events" not in item:
            penta_gold.append(int(item["penta"]))
            penta_pred.append(max((penta_class(e.cameo_root) for e in visible), default=0))
            continue
        gold = list(item["events"])
        gold_visible = [g for g in gold if shown_gold(g)]
        # event gold also gives a sentence class: the most conflictual event a user would see
        penta_gold.append(max((penta_class(str(g["cameo"])[:2]) for g in gold_visible), default=0))
        penta_pred.append(max((penta_class(e.cameo_root) for e in visible), default=0))
        if not gold:
            no_event_sentences += 1
            no_event_fp += bool(visible)
        else:
            event_sentences += 1
        for lvl in LEVELS:
            g_labels = Counter(lbl for g in gold_visible if (lbl := _label(lvl, str(g["cameo"]))))
            p_labels = Counter(lbl for e in visible if (lbl := _label(lvl, e.cameo)))
            for lbl in set(g_labels) | set(p_labels):
                tp = min(g_labels[lbl], p_labels[lbl])
                counts[lvl][lbl][0] += tp
                counts[lvl][lbl][1] += p_labels[lbl] - tp
                counts[lvl][lbl][2] += g_labels[lbl] - tp
        g_tuples = Counter((str(g["cameo"])[:2], _country(g.get("source")), _country(g.get("target"))) for g in gold_visible)
        p_tuples = Counter((e.cameo_root, _country(e.source.code if e.source else None), _country(e.target.code if e.target else None)) for e in visible)
        tuples_tp += sum((g_tuples & p_tuples).values())
        tuples_gold += sum(g_tuples.values())
        tuples_pred += sum(p_tuples.values())
        pairs = align(gold, preds)
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
            if g.get("date_precision"):
                attr["date_precision_n"] += 1
                attr["date_precision_ok"] += g["date_precision"] == getattr(p, "date_precision", None)
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
                              "gold_events": sum(len(i.get("events") or ()) for i in items),
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
                            for k in ("negated", "modality", "date", "date_precision", "deadline", "quantity")}
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
             f"{report['no_event_sentences']} without)"] if report.get("sentences") else []
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
    if "roles" in report:
        r = report["roles"]
        lines.append(f"role spans ({r['sentences']} sentences, {r['with_both']} with both): pair recall {_fmt(r['pair_recall'])}, "
                     f"source found {_fmt(r['source_found'])}, target found {_fmt(r['target_found'])}, "
                     f"swapped {_fmt(r['swapped'])}")
    if "stories" in report:
        from tidings.evaluate.stories import render_stories

        lines.append(render_stories(report["stories"]))
    if "documents" in report:
        d = report["documents"]
        lines.append(f"whole documents ({d['documents']}; {d['gold']} expected, {d['produced']} produced events): "
                     f"fully right {d['right']} ({_fmt(d['fully_right'])}), wrong part {d['wrong_part']}, "
                     f"missed {d['missed']} ({_fmt(d['missed_share'])}), spurious {d['spurious']} "
                     f"({_fmt(d['spurious_share'])} of produced)")
        if d.get("errors"):
            from tidings.evaluate.documents import render_document_errors

            lines.append(f"\nerrors in articles (first {len(d['errors'])}; missed, wrong and spurious, article by article):")
            lines += render_document_errors(d["errors"])
    if report.get("errors"):
        lines.append(f"\nworst {len(report['errors'])} errors:")
        for e in report["errors"]:
            lines.append(f"- [{e['id']}] {e['text']}")
            lines.append(f"    expected: {json.dumps(e['expected'], ensure_ascii=False)}")
            lines.append(f"    produced: {json.dumps(e['produced'], ensure_ascii=False)}")
    return "\n".join(lines)
