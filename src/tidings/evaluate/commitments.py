"""Scoring the commitment tracker against a commitment gold (``tidings eval eval/gold/commitments.jsonl``).

Gold: one commitment a line, ``{id, promiser, beneficiary, cameo, object, amount, deadline,
first_stated, evidence: [{doc, role, sentence_hint}], status: {as_of: status}}``. The articles are
in ``../commitments/corpus.jsonl`` beside the gold's folder (``{id, title, text, date, ...}``);
articles the gold cites from elsewhere are listed in ``../commitments/documents.jsonl``
(``{id, file, date}``, ``file`` relative to the repository).

The articles are coded as ``tidings ingest`` codes them, then tracked. A predicted commitment
*detects* a gold one when it has the same promiser party, a compatible beneficiary, and one of its
statements or restatements is a sentence the gold cites as a statement or restatement (one to
one, most shared sentences first). Status accuracy is over every gold judgement: a missed
commitment, or one not yet known on that date, counts as wrong.

Each miss and each wrong status is put down to a **cause**: ``coder`` when a sentence the gold cites
for the deciding role has no event the tracker could use (no promise event by the promiser; no
asserted delivery, refusal or attack of the right kind), else ``commitments``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tidings.commitments import Commitment, Mention, Tracker, load_rules
from tidings.commitments.detect import codes_compatible, promise_amount
from tidings.commitments.parties import beneficiary_compatible, party, same_party
from tidings.commitments.rules import Rules
from tidings.config import Settings
from tidings.errors import UsageError
from tidings.evaluate.gold import read_jsonl
from tidings.records import Actor, Document

__all__ = ["evaluate_commitments", "is_commitment_gold", "render_commitments", "score"]

STATEMENT_ROLES = ("statement", "restatement")
DECISIVE_ROLES = ("partial", "delivery", "withdrawal")




def is_commitment_gold(paths: Iterable[str | Path]) -> bool:
    """True when a file is a commitment gold (its first record has a promiser and statuses)."""
    for p in paths:
        try:
            with Path(p).open(encoding="utf-8") as fh:
                first: Any = next((json.loads(line) for line in fh if line.strip()), {})
        except (OSError, json.JSONDecodeError):
            continue
        if isinstance(first, dict) and {"promiser", "beneficiary", "status", "evidence"} <= set(first):
            return True
    return False


def gold_party(code: str | None) -> str | None:
    if not code:
        return None
    return party(Actor(text=code, code=code, country=None if code.startswith(("IGO", "NGO")) else code[:3]))


# -- the articles ----------------------------------------------------------------------------------

def _find(rel: str, gold_path: Path) -> Path | None:
    for base in (Path.cwd(), *gold_path.resolve().parents):
        if (base / rel).exists():
            return base / rel
    return None


def load_documents(gold_path: Path, settings: Settings) -> list[Document]:
    """The corpus beside the gold, and the documents it cites from elsewhere, read as ``tidings
    ingest`` reads them."""
    from tidings.ingest import read_inputs

    folder = gold_path.resolve().parent.parent / "commitments"
    corpus = folder / "corpus.jsonl"
    if not corpus.exists():
        raise UsageError(f"{gold_path.name}: corpus {corpus} not found")
    docs = [d for d in read_inputs([str(corpus)], settings=settings) if isinstance(d, Document)]
    extra = folder / "documents.jsonl"
    for item in read_jsonl(extra) if extra.exists() else []:
        path = _find(item["file"], gold_path)
        if path is None:
            raise UsageError(f"{extra.name}: document file {item['file']} not found")
        for d in read_inputs([str(path)], date=item.get("date"), settings=settings):
            if isinstance(d, Document):
                from dataclasses import replace

                docs.append(replace(d, doc_id=str(item["id"])))
    return docs


def code_mentions(docs: list[Document], settings: Settings, nlp: Any) -> list[Mention]:
    from tidings.pipeline import code_documents

    return [Mention(e, doc.published) for doc, events in code_documents(docs, settings=settings, nlp=nlp) for e in events]


# -- scoring ---------------------------------------------------------------------------------------

def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _cited(m: Mention, doc: str, hint: str) -> bool:
    return m.event.doc_id == doc and _norm(hint) in _norm(m.event.sentence)


def _statement_keys(c: Commitment) -> set[tuple[str, str]]:
    return {(e.doc_id or "", _norm(e.sentence)) for e in c.evidence if e.role in STATEMENT_ROLES}


def _overlap(c: Commitment, g: dict[str, Any]) -> int:
    keys = _statement_keys(c)
    return sum(1 for ev in g["evidence"] if ev["role"] in STATEMENT_ROLES
               and any(doc == ev["doc"] and _norm(ev["sentence_hint"]) in sent for doc, sent in keys))


def _same_pair(c: Commitment, g: dict[str, Any]) -> bool:
    return (same_party(c.promiser.code, gold_party(g["promiser"]))
            and beneficiary_compatible(c.beneficiary.code, gold_party(g["beneficiary"])))


def match(predicted: list[Commitment], gold: list[dict[str, Any]]) -> dict[str, Commitment]:
    """Gold id → the predicted commitment that detects it (one to one, most shared sentences first)."""
    pairs = sorted(((_overlap(c, g), -gi, pi) for gi, g in enumerate(gold) for pi, c in enumerate(predicted)
                    if _same_pair(c, g)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[str, Commitment] = {}
    for n, neg_gi, pi in pairs:
        gi = -neg_gi
        if n < 1 or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out[str(gold[gi]["id"])] = predicted[pi]
    return out


def _usable(m: Mention, g: dict[str, Any], role: str, rules: Rules) -> bool:
    """Whether the coder gave the tracker something to work with in a cited sentence."""
    ev = m.event
    src, tgt = party(ev.source), party(ev.target)
    promiser, beneficiary = gold_party(g["promiser"]), gold_party(g["beneficiary"])
    target_ok = tgt is None or beneficiary_compatible(tgt, beneficiary)
    if role in STATEMENT_ROLES:
        intent = rules.intent_of(ev)
        concrete = intent is not None and (rules.concrete(intent) or bool(promise_amount(ev.quantities)) or bool(ev.deadline))
        return concrete and codes_compatible(intent or "", g["cameo"]) and same_party(src, promiser) and target_ok
    if ev.negated or ev.modality != "asserted":
        if role == "withdrawal" and ev.negated and ev.modality == "intended":
            return same_party(src, promiser)
        return False
    if role == "withdrawal":
        return same_party(src, promiser) and (rules.withdraws(g["cameo"], ev.cameo) or rules.breaks(g["cameo"], ev.cameo))
    return rules.delivers(g["cameo"], ev.cameo) and (src is None or same_party(src, promiser)) and target_ok and bool(src or tgt)


def _coder_gaps(g: dict[str, Any], roles: Iterable[str], by_doc: dict[str, list[Mention]], published: dict[str, str | None],
                rules: Rules, until: str | None = None) -> list[str]:
    gaps = []
    for ev in g["evidence"]:
        if ev["role"] not in roles or (until and (published.get(ev["doc"]) or "") > until):
            continue
        cited = [m for m in by_doc.get(ev["doc"], []) if _cited(m, ev["doc"], ev["sentence_hint"])]
        if not any(_usable(m, g, ev["role"], rules) for m in cited):
            found = ", ".join(sorted({f"{m.event.cameo} {party(m.event.source) or '-'}->{party(m.event.target) or '-'}"
                                      f"{' neg' if m.event.negated else ''}{' ' + m.event.modality if m.event.modality != 'asserted' else ''}"
                                      for m in cited})) or "no event"
            gaps.append(f"{ev['role']} {ev['doc']} \"{ev['sentence_hint']}\": {found}")
    return gaps


def _deadline_gap(g: dict[str, Any], c: Commitment, by_doc: dict[str, list[Mention]]) -> list[str]:
    """The gold deadline, when the tracker has another and no cited statement carries it."""
    want = g.get("deadline")
    if c.deadline == want or not want:
        return []
    for ev in g["evidence"]:
        if ev["role"] in STATEMENT_ROLES and any(_cited(m, ev["doc"], ev["sentence_hint"]) and m.event.deadline == want
                                                 for m in by_doc.get(ev["doc"], [])):
            return []
    return [f"deadline {want} on no cited statement (the tracker has {c.deadline})"]


def _decided_by(c: Commitment | None) -> list[str]:
    """The evidence behind a predicted status (deliveries, withdrawals, lapses)."""
    if c is None:
        return []
    return [f"{e.role} {e.doc_id}#{e.sentence_index} {e.cameo}: {(e.sentence or e.note)[:120]}"
            for e in c.evidence if e.role in ("partial", "delivery", "withdrawal", "lapse")]


def score(gold: list[dict[str, Any]], mentions: list[Mention], *, due_days: int = 30, rules: Rules | None = None,
          errors: int = 10) -> dict[str, Any]:
    rules = rules or load_rules()
    tracker = Tracker(mentions, rules=rules, due_days=due_days)
    published = {m.event.doc_id: m.published for m in mentions}
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.event.doc_id, []).append(m)
    end = max([m.seen for m in mentions] + [d for g in gold for d in g["status"]] or ["9999-12-31"])
    predicted = tracker.as_of(end)
    matched = match(predicted, gold)
    matched_ids = {c.commitment_id for c in matched.values()}
    views: dict[str, dict[str, Commitment]] = {}

    def status_on(c: Commitment, day: str) -> str:
        if day not in views:
            views[day] = {x.commitment_id: x for x in tracker.as_of(day)}
        found = views[day].get(c.commitment_id)
        return found.status if found else "(not known)"

    causes: dict[str, Counter[str]] = {"detection_misses": Counter(), "status_errors": Counter()}
    misses, status_errors = [], []
    confusion: Counter[tuple[str, str]] = Counter()
    correct = on_matched = n_matched_judgements = 0
    attributes: dict[str, list[bool]] = {"deadline": [], "amount": [], "first_stated": [], "code": [], "code_family": []}
    for g in gold:
        c = matched.get(str(g["id"]))
        if c is None:
            gaps = _coder_gaps(g, STATEMENT_ROLES, by_doc, published, rules)
            cause = "coder" if len(gaps) == sum(1 for e in g["evidence"] if e["role"] in STATEMENT_ROLES) else "commitments"
            causes["detection_misses"][cause] += 1
            misses.append({"id": g["id"], "promiser": g["promiser"], "beneficiary": g["beneficiary"], "cameo": g["cameo"],
                           "object": g["object"], "cause": cause, "coder_gaps": gaps})
        else:
            attributes["deadline"].append(c.deadline == g.get("deadline"))
            attributes["first_stated"].append(c.first_stated == g.get("first_stated"))
            attributes["code"].append(c.cameo == g["cameo"])
            attributes["code_family"].append(c.cameo.startswith(g["cameo"]) or g["cameo"].startswith(c.cameo))
            if g.get("amount"):
                a = g["amount"]
                attributes["amount"].append(c.amount is not None and c.amount.unit == a["unit"]
                                            and abs(c.amount.value - a["value"]) <= 0.02 * a["value"])
        for day, expected in sorted(g["status"].items()):
            got = status_on(c, day) if c is not None else "(missed)"
            confusion[(expected, got)] += 1
            if c is not None:
                n_matched_judgements += 1
            if got == expected:
                correct += 1
                on_matched += c is not None
                continue
            if c is None:
                gaps = _coder_gaps(g, STATEMENT_ROLES, by_doc, published, rules)
                cause = next(m["cause"] for m in misses if m["id"] == g["id"])
                decided_by: list[str] = []
            else:
                gaps = _coder_gaps(g, DECISIVE_ROLES, by_doc, published, rules, until=day) + _deadline_gap(g, c, by_doc)
                cause = "coder" if gaps else "commitments"
                decided_by = _decided_by(views[day].get(c.commitment_id) if day in views else None)
            causes["status_errors"][cause] += 1
            status_errors.append({"id": g["id"], "as_of": day, "expected": expected, "got": got, "cause": cause,
                                  "coder_gaps": gaps, "decided_by": decided_by})
    spurious = [c for c in predicted if c.commitment_id not in matched_ids]
    n_gold, n_pred, tp = len(gold), len(predicted), len(matched)
    judgements = sum(len(g["status"]) for g in gold)

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    precision, recall = ratio(tp, n_pred), ratio(tp, n_gold)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else 0.0
    return {
        "kind": "commitments", "commitments": n_gold, "predicted": n_pred, "matched": tp,
        "detection": {"precision": precision, "recall": recall, "f1": f1},
        "status": {"judgements": judgements, "correct": correct, "accuracy": ratio(correct, judgements),
                   "accuracy_on_matched": ratio(on_matched, n_matched_judgements),
                   "confusion": {f"{e} -> {p}": n for (e, p), n in sorted(confusion.items())}},
        "attributes": {k: {"n": len(v), "accuracy": ratio(sum(v), len(v))} for k, v in attributes.items()},
        "causes": {k: dict(v) for k, v in causes.items()},
        "misses": misses,
        "spurious": [{"promiser": c.promiser.code, "beneficiary": c.beneficiary.code, "cameo": c.cameo,
                      "statements": [f"{e.doc_id}#{e.sentence_index}: {e.sentence}" for e in c.evidence
                                     if e.role in STATEMENT_ROLES]} for c in spurious],
        "status_errors": status_errors[:errors] if errors >= 0 else status_errors,
        "due_days": due_days,
    }


def evaluate_commitments(gold_paths: Iterable[str | Path], *, settings: Settings | None = None, errors: int = 10,
                         nlp: Any = None) -> dict[str, Any]:
    """Code the corpus beside each gold file, track its commitments and score them."""
    settings = settings or Settings()
    gold: list[dict[str, Any]] = []
    docs: dict[str, Document] = {}
    for p in gold_paths:
        path = Path(p)
        gold += read_jsonl(path)
        for d in load_documents(path, settings):
            docs.setdefault(d.doc_id, d)
    mentions = code_mentions(list(docs.values()), settings, nlp)
    report = score(gold, mentions, due_days=settings.commitment_due_days, errors=errors)
    report["documents"] = len(docs)
    return report


def _f(v: Any) -> str:
    return "  -  " if v is None else f"{v:.3f}"


def render_commitments(report: dict[str, Any]) -> str:
    d, s = report["detection"], report["status"]
    lines = [
        f"commitments: {report['commitments']} gold, {report['predicted']} predicted, {report['matched']} matched "
        f"({report.get('documents', '?')} documents, due within {report['due_days']} days)",
        f"detection: P {_f(d['precision'])} R {_f(d['recall'])} F1 {_f(d['f1'])}",
        f"status: accuracy {_f(s['accuracy'])} over {s['judgements']} judgements ({s['correct']} right; "
        f"{_f(s['accuracy_on_matched'])} on detected commitments)",
        "attributes of detected commitments: " + ", ".join(
            f"{k} {_f(v['accuracy'])} (n={v['n']})" for k, v in report["attributes"].items()),
        "causes: " + "; ".join(f"{k.replace('_', ' ')}: " + ", ".join(f"{c} {n}" for c, n in sorted(v.items()))
                               for k, v in report["causes"].items()),
        "", "status confusion (expected -> got):",
    ]
    lines += [f"  {k}: {n}" for k, n in report["status"]["confusion"].items()]
    if report["misses"]:
        lines += ["", "missed commitments:"]
        for m in report["misses"]:
            lines.append(f"  {m['id']} {m['promiser']}->{m['beneficiary']} {m['cameo']} {m['object']} [{m['cause']}]")
            lines += [f"      {gap}" for gap in m["coder_gaps"]]
    if report["spurious"]:
        lines += ["", "spurious commitments:"]
        for c in report["spurious"]:
            lines.append(f"  {c['promiser']}->{c['beneficiary']} {c['cameo']}")
            lines += [f"      {st[:140]}" for st in c["statements"]]
    if report["status_errors"]:
        lines += ["", "wrong statuses:"]
        for e in report["status_errors"]:
            lines.append(f"  {e['id']} as of {e['as_of']}: expected {e['expected']}, got {e['got']} [{e['cause']}]")
            lines += [f"      {gap}" for gap in e["coder_gaps"]]
            lines += [f"      tracker: {d}" for d in e.get("decided_by") or ()]
    return "\n".join(lines)
