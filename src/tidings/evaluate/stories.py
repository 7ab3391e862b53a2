"""Story gold: are mentions of one happening one event, and are syndicated copies found?

Gold lines ``{"doc", "copy_of", "events": [{"happening", "cameo", "source", "target", …,
"sentence_hint"}]}``; the articles are in the corpus file beside the gold (``load_gold``).

*Alignment.* Clustering is scored on the mentions the coder actually produces. A gold event belongs
to the coder's sentence that contains its ``sentence_hint``; inside that sentence gold events and
mentions are paired one to one as the other document scores do (same root and actors, then same
root, then same actors). A paired mention takes the gold event's happening. Gold events left
without a mention are *coder misses* and mentions left without a gold event are *unaligned*: both
are reported, neither enters the cluster scores.

*Scores.* B-cubed precision, recall and F1 of the produced events against the happenings, over the
aligned mentions; *near-miss merges*: pairs of happenings listed as near misses (``Sxx-Hn vs
Sxx-Hm`` in the corpus README) that share a produced event; *wrong merges*: all pairs of distinct
happenings that share one. Copy detection: precision and recall of the pairs of documents that are
copies of one text (``copy_of`` / ``duplicate_of``, either direction).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from tidings.evaluate.events import align
from tidings.records import Event

__all__ = ["align_mentions", "bcubed", "copy_pairs", "evaluate_stories", "near_miss_pairs", "render_stories", "score_stories"]

_NEAR = re.compile(r"^\s*-\s*(S\d+-H\d+)\s+vs\s+(S\d+-H\d+)\b", re.M)


def _norm(text: str) -> str:
    return " ".join(text.split())


def near_miss_pairs(readme: Path | None) -> set[frozenset[str]]:
    """Pairs of happenings the annotator wrote to be told apart (lines ``- Sxx-Hn vs Sxx-Hm: …``)."""
    if readme is None or not readme.exists():
        return set()
    return {frozenset(m.groups()) for m in _NEAR.finditer(readme.read_text(encoding="utf-8"))}


def align_mentions(items: list[dict[str, Any]], produced: dict[str, list[Event]]) -> tuple[dict[str, str], list[dict[str, Any]], list[Event]]:
    """``(happening of each aligned mention id, coder misses, unaligned mentions)``."""
    happening: dict[str, str] = {}
    misses: list[dict[str, Any]] = []
    unaligned: list[Event] = []
    for item in items:
        doc = str(item["doc"])
        events = produced.get(doc, [])
        by_sentence: dict[int, list[Event]] = defaultdict(list)
        for e in events:
            by_sentence[e.sentence_index].append(e)
        texts = {i: _norm(evs[0].sentence) for i, evs in by_sentence.items()}
        gold_at: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
        for g in item.get("events") or ():
            hint = _norm(g.get("sentence_hint") or "")
            where = next((i for i, t in sorted(texts.items()) if hint and hint in t), None)
            gold_at[where].append(g)
        used: set[str] = set()
        for where, gs in gold_at.items():
            for pair in align(gs, by_sentence.get(where, []) if where is not None else []):
                if pair.gold is None:
                    continue
                if pair.pred is None:
                    misses.append({"doc": doc, **pair.gold})
                else:
                    happening[pair.pred.mention_id] = str(pair.gold["happening"])
                    used.add(pair.pred.mention_id)
        unaligned += [e for e in events if e.mention_id not in used]
    return happening, misses, unaligned


def bcubed(gold: dict[str, str], produced: dict[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of ``produced`` (item → cluster) against ``gold``, over the
    items of ``gold``."""
    items = [i for i in gold if i in produced]
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_gold[gold[i]].add(i)
        by_pred[produced[i]].add(i)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = sum(len(by_pred[produced[i]] & by_gold[gold[i]]) / len(by_pred[produced[i]]) for i in items) / len(items)
    r = sum(len(by_pred[produced[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in items) / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def copy_pairs(links: dict[str, str | None]) -> set[frozenset[str]]:
    """Unordered pairs of documents that are copies of one text (``doc → original or None``)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for doc, original in links.items():
        if original:
            groups[original].update((doc, original))
    return {frozenset(p) for g in groups.values() for p in combinations(sorted(g), 2)}


def _prf(gold: set[Any], found: set[Any]) -> dict[str, Any]:
    tp = len(gold & found)
    p = tp / len(found) if found else (1.0 if not gold else 0.0)
    r = tp / len(gold) if gold else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "gold": len(gold), "found": len(found), "right": tp}


def score_stories(items: list[dict[str, Any]], produced: dict[str, list[Event]], duplicates: dict[str, str | None],
                  near_misses: Iterable[frozenset[str]] = (), errors: int = 10) -> dict[str, Any]:
    """Scores of story gold; ``produced`` are the stored mentions with their ``event_id``."""
    happening, misses, unaligned = align_mentions(items, produced)
    event_of = {e.mention_id: e.event_id or e.mention_id for evs in produced.values() for e in evs}
    scores = bcubed(happening, event_of)
    members: dict[str, set[str]] = defaultdict(set)
    for mid, h in happening.items():
        members[event_of[mid]].add(h)
    merged = {frozenset(p) for hs in members.values() for p in combinations(sorted(hs), 2)}
    near = set(near_misses)
    gold_links = {str(i["doc"]): i.get("copy_of") for i in items}
    copies = _prf(copy_pairs(gold_links), copy_pairs({d: duplicates.get(d) for d in gold_links}))
    gold_events = sum(len(i.get("events") or ()) for i in items)
    split: Counter[int] = Counter()
    for h in set(happening.values()):
        split[sum(1 for hs in members.values() if h in hs)] += 1
    return {
        "articles": len(items), "gold_mentions": gold_events, "happenings_found": len(set(happening.values())), "happenings": len({g["happening"] for i in items for g in i.get("events") or ()}),
        "aligned_mentions": len(happening), "coder_misses": len(misses),
        "unaligned_mentions": len(unaligned), "produced_mentions": sum(len(v) for v in produced.values()),
        "events_for_aligned": len(members),
        "bcubed": scores, "copies": copies,
        "near_miss_pairs": len(near), "near_miss_merges": sorted("/".join(sorted(p)) for p in merged & near),
        "wrong_merges": len(merged), "happenings_split": sum(n for k, n in split.items() if k > 1),
        "wrong_merge_examples": sorted("/".join(sorted(p)) for p in merged)[:errors],
    }


def evaluate_stories(items: list[dict[str, Any]], *, settings: Any = None, nlp: Any = None, errors: int = 10,
                     gold_paths: Iterable[Path] = ()) -> dict[str, Any]:
    """Ingest the gold's articles into a fresh temporary store the way ``tidings ingest`` does
    (copies, clustering) and score what it built."""
    import tempfile

    from tidings.config import Settings
    from tidings.evaluate.gold import story_corpus
    from tidings.nlp import load_pipeline
    from tidings.pipeline import code_documents
    from tidings.service import coder_version
    from tidings.store import EventQuery, Store
    from tidings.stories import story_settings

    settings = settings or Settings()
    nlp = nlp or load_pipeline(settings)
    story = story_settings(settings)
    docs = [i["_document"] for i in items]
    with tempfile.TemporaryDirectory(prefix="tidings-stories-") as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'stories.db'}")
        try:
            coder = coder_version(nlp)
            for doc, events in code_documents(docs, settings=settings, nlp=nlp):
                store.write_document(doc, events, coder, story=story)
            produced: dict[str, list[Event]] = defaultdict(list)
            for e in store.events(EventQuery(include_negated=True)):
                produced[e.doc_id].append(e)
            duplicates = {d["doc_id"]: d["duplicate_of"] for d in store.documents()}
        finally:
            store.close()
    readmes = {story_corpus(i, p).parent / "README.md" for p in gold_paths for i in items[:1]}
    near = set().union(*(near_miss_pairs(r) for r in readmes)) if readmes else set()
    return score_stories(items, dict(produced), duplicates, near, errors=errors)


def render_stories(r: dict[str, Any]) -> str:
    b, c = r["bcubed"], r["copies"]
    return "\n".join([
        f"stories: {r['articles']} articles, {r['happenings']} happenings, {r['gold_mentions']} gold mentions",
        f"  alignment: {r['aligned_mentions']} coder mentions aligned to gold events (same sentence; root and actors, "
        f"then root, then actors); coder misses {r['coder_misses']} gold events; {r['unaligned_mentions']} of "
        f"{r['produced_mentions']} mentions align to none",
        f"  event clusters (aligned mentions): B-cubed P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}; "
        f"{r['events_for_aligned']} events for {r['happenings_found']} happenings found; "
        f"{r['happenings_split']} happenings split",
        f"  wrong merges (pairs of happenings in one event): {r['wrong_merges']}"
        + (f" ({', '.join(r['wrong_merge_examples'])})" if r["wrong_merge_examples"] else "") + "; near-miss merges "
        f"{len(r['near_miss_merges'])} of {r['near_miss_pairs']} near-miss pairs"
        + (f" ({', '.join(r['near_miss_merges'])})" if r["near_miss_merges"] else ""),
        f"  copy detection: P {c['precision']:.3f} R {c['recall']:.3f} ({c['right']} of {c['gold']} copy pairs found, "
        f"{c['found']} reported)",
    ])
