"""``tidings eval``: score the coder against gold files of every kind.

- sentence events (the project's gold, PETR-2 records): labels, actors, tuples, attributes;
- PentaClass labels (ConfliBERT news sentences);
- role spans (ConfliBERT source/target spans): pair recall, source and target found, swapped;
- whole documents (articles with ``sentence_hint``): fully right, wrong part, missed, spurious;
- stories (articles of several outlets, happenings and copies): B-cubed of the events the store
  builds, copy detection, near-miss merges (``evaluate.stories``).
- commitments (promises tracked over a corpus, ``evaluate.commitments``): detection and status.

``evaluate(paths)`` scores the files together; ``evaluate_sets(paths)`` scores each file on its own
and ``render_table`` prints them as one table, a row per set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from tidings.config import Settings
from tidings.evaluate.documents import score_documents
from tidings.evaluate.events import penta_class, score_sentences
from tidings.evaluate.events import render_text as _render_events
from tidings.evaluate.gold import gold_kind, load_gold
from tidings.evaluate.roles import score_roles
from tidings.evaluate.stories import evaluate_stories
from tidings.records import Document, Event

__all__ = ["evaluate", "evaluate_sets", "load_gold", "penta_class", "render_table", "render_text"]


def _code(items: list[dict[str, Any]], settings: Settings, nlp: Any) -> dict[str, list[Event]]:
    from tidings.clean import clean_text
    from tidings.pipeline import code_documents

    docs = []
    for item in items:
        if "_document" in item:
            docs.append(item["_document"])
            continue
        cleaned = clean_text(item["text"])
        docs.append(Document(doc_id=str(item["id"]), text=cleaned.text or item["text"], published=item.get("date"),
                             dateline=cleaned.dateline))  # as ingestion keeps it: the story's place
    return {doc.doc_id: events for doc, events in code_documents(docs, settings=settings, nlp=nlp)}


def evaluate(gold_paths: Iterable[str | Path], *, settings: Settings | None = None, errors: int = 10,
             nlp: Any = None) -> dict[str, Any]:
    """Run the coder on the gold and return every score (deterministic)."""
    from tidings.nlp import load_pipeline
    from tidings.places.evaluate import evaluate_places, is_place_gold

    settings = settings or Settings()
    gold_paths = list(gold_paths)
    if is_place_gold(gold_paths):  # toponyms with coordinates: scored by the places package
        return evaluate_places(gold_paths, settings=settings, errors=errors, nlp=nlp)
    from tidings.evaluate.commitments import evaluate_commitments, is_commitment_gold

    if is_commitment_gold(gold_paths):  # promises over a corpus of follow-up articles
        return evaluate_commitments(gold_paths, settings=settings, errors=errors, nlp=nlp)
    items = load_gold(gold_paths)
    kinds: dict[str, list[dict[str, Any]]] = {"events": [], "penta": [], "roles": [], "document": [], "story": []}
    for item in items:
        kinds[gold_kind(item)].append(item)
    sentences = kinds["events"] + kinds["penta"]
    report: dict[str, Any] = {}
    if sentences or not items:
        report = score_sentences(sentences, _code(sentences, settings, nlp), errors)
    else:
        report = {"sentences": 0, "event_sentences": 0, "no_event_sentences": 0, "errors": []}
    if kinds["roles"]:
        # role spans mark speakers of statements too: score them with statements coded
        with_statements = load_pipeline(replace(settings, statements=True))
        report["roles"] = score_roles(kinds["roles"], _code(kinds["roles"], settings, with_statements))
    if kinds["document"]:
        report["documents"] = score_documents(kinds["document"], _code(kinds["document"], settings, nlp), errors)
    if kinds["story"]:
        report["stories"] = evaluate_stories(kinds["story"], settings=settings, nlp=nlp, errors=errors,
                                             gold_paths=[Path(p) for p in gold_paths])
    return report


def evaluate_sets(paths: Iterable[str | Path], *, settings: Settings | None = None, nlp: Any = None,
                  errors: int = 0) -> dict[str, dict[str, Any]]:
    """One report per gold file, keyed by file name."""
    return {Path(p).name: evaluate([p], settings=settings, nlp=nlp, errors=errors) for p in paths}


def render_text(report: dict[str, Any], by: str = "root") -> str:
    if report.get("kind") == "commitments":
        from tidings.evaluate.commitments import render_commitments

        return render_commitments(report)
    return _render_events(report, by)


def _f(v: Any) -> str:
    return "    -" if v is None else f"{v:5.3f}"


def row_figures(report: dict[str, Any]) -> dict[str, Any]:
    """The figures of one report that the summary table shows."""
    ev = report if report.get("event_sentences") else {}
    roles = report.get("roles") or {}
    docs = report.get("documents") or {}
    st = report.get("stories") or {}
    return {
        "n": report.get("sentences", 0) + roles.get("sentences", 0) + docs.get("documents", 0) + st.get("articles", 0),
        "root_f1": ev["root"]["micro"]["f1"] if ev else None,
        "plover_f1": ev["plover"]["micro"]["f1"] if ev else None,
        "tuple_r": ev["tuples"]["recall"] if ev else None,
        "src": ev["actors"]["source_country"] if ev else None,
        "tgt": ev["actors"]["target_country"] if ev else None,
        "fp_rate": report.get("false_positive_rate"),
        "penta": (report.get("penta") or {}).get("accuracy") if report.get("sentences") else None,
        "pair_r": roles.get("pair_recall"), "tgt_found": roles.get("target_found"), "swapped": roles.get("swapped"),
        "doc_right": docs.get("fully_right"), "doc_missed": docs.get("missed_share"),
        "doc_spurious": docs.get("spurious_share"),
        "b3_f1": (st.get("bcubed") or {}).get("f1"), "copy_p": (st.get("copies") or {}).get("precision"),
        "copy_r": (st.get("copies") or {}).get("recall"),
    }


COLUMNS = ("n", "root_f1", "plover_f1", "tuple_r", "src", "tgt", "fp_rate", "penta", "pair_r", "tgt_found",
           "swapped", "doc_right", "doc_missed", "doc_spurious", "b3_f1", "copy_p", "copy_r")


def render_table(reports: dict[str, dict[str, Any]]) -> str:
    """One row per gold set; a dash where a figure does not apply to that kind of gold. Place gold
    (toponyms) is printed after the table, in its own form."""
    places = {n: r for n, r in reports.items() if r.get("kind") in ("places", "commitments")}
    reports = {n: r for n, r in reports.items() if n not in places}
    width = max([len(name) for name in reports] + [4])
    head = f"{'set':<{width}} " + " ".join(f"{c:>{max(5, len(c))}}" for c in COLUMNS)
    lines = [head, "-" * len(head)]
    for name, report in reports.items():
        figs = row_figures(report)
        cells = [f"{figs['n']:>5}"] + [f"{_f(figs[c]):>{max(5, len(c))}}" for c in COLUMNS[1:]]
        lines.append(f"{name:<{width}} " + " ".join(cells))
    lines.append("")
    lines.append("root_f1/plover_f1: micro F1 of what users see (neither negated nor hypothetical); tuple_r: recall of "
                 "(root, source country, target country); src/tgt: country accuracy on matched events; penta: "
                 "PentaClass accuracy; pair_r, tgt_found, swapped: role spans; doc_*: whole articles (share of "
                 "expected events fully right / missed, share of produced events that are spurious); b3_f1: "
                 "B-cubed F1 of story events; copy_p/copy_r: syndicated-copy detection.")
    for name, report in places.items():
        lines += ["", f"{name}:", render_text(report)]
    return "\n".join(lines)
