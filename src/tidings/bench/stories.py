"""Benchmark of story clustering on synthetic mentions.

``generate(n)`` makes about ``n`` mentions of synthetic happenings: each happening has a CAMEO code,
a dyad drawn from a skewed distribution (a few busy dyads, a long tail), a day, sometimes a place
and an amount, and is reported by 1-8 documents of different outlets in different words, a
quarter of them with no date of their own. The timeline grows with ``n`` at a constant density
(``PER_DAY`` mentions a day), as a store that keeps ingesting news does.

Two measures:
- *batch*: clustering every mention from scratch in memory, one core (``cluster_events``);
- *incremental*: a SQLite store already holding ``n`` mentions (built in bulk, then clustered
  once) receives new documents about the latest days, a fifth of them also restating a happening
  from anywhere in the past; the time per new document (its write, copy detection and
  re-clustering, one transaction each) is compared at two store sizes.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Iterator
from datetime import date as Date
from datetime import timedelta
from pathlib import Path
from typing import Any

from tidings.records import Actor, Document, Event, Location, Quantity, Trigger

__all__ = ["PER_DAY", "bench_batch", "bench_incremental", "generate"]

PER_DAY = 300
START = Date(2020, 1, 1)
CODES = [("0311", "03", 1, 5.2, "AGREE"), ("0331", "03", 1, 5.2, "AGREE"), ("040", "04", 1, 1.0, "CONSULT"),
         ("042", "04", 1, 1.9, "CONSULT"), ("057", "05", 1, 8.0, "COOPERATE"), ("071", "07", 2, 7.4, "AID"),
         ("112", "11", 3, -2.0, "ACCUSE"), ("163", "16", 3, -8.0, "REDUCE"), ("173", "17", 4, -5.0, "COERCE"),
         ("190", "19", 4, -10.0, "ASSAULT"), ("195", "19", 4, -10.0, "ASSAULT"), ("181", "18", 4, -9.0, "ASSAULT")]
WORDS = ("talks border trade loan gas deal sanctions army police strike attack protest election summit aid "
         "troops missile ceasefire prisoners exchange refugees visit minister envoy court arrest village "
         "capital region forces rebels militants drone bomb convoy hospital school market port oil grain").split()
PLACES = ["Kharkiv", "Odesa", "Mombasa", "Kisumu", "Jeddah", "Mogadishu", "Aleppo", "Mosul", "Gao", "Tripoli",
          "Benghazi", "Goma", "Herat", "Kandahar", "Lahore", "Karachi", "Peshawar", "Quetta", "Sittwe", "Mandalay"]
OUTLETS = [f"Outlet {i}" for i in range(60)]


def _countries(rng: random.Random) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return sorted({"".join(rng.choice(letters) for _ in range(3)) for _ in range(400)})[:180]


def generate(n: int, *, seed: int = 11) -> Iterator[tuple[Document, list[Event]]]:
    """Synthetic documents with their mentions, about ``n`` mentions in all, in timeline order:
    each day's happenings are reported by several outlets, and an outlet's reports of a day make
    one document (about six mentions)."""
    rng = random.Random(seed)
    countries = _countries(rng)
    weights = [1.0 / (i + 1) ** 1.1 for i in range(len(countries))]
    days = max(1, n // PER_DAY)
    made = 0
    h = 0
    for d in range(days + 1):
        if made >= n:
            return
        day = START + timedelta(days=d)
        reports: dict[tuple[str, Date], list[tuple[str, bool, list[str], tuple[Any, ...]]]] = {}
        while made < min(n, (d + 1) * PER_DAY):
            h += 1
            code, root, quad, gold, plover = rng.choice(CODES)
            src, tgt = rng.choices(countries, weights, k=2)
            place = rng.choice(PLACES) if rng.random() < 0.4 else None
            amount = rng.choice([None, None, 5, 12, 40, 300, 630e6])
            topic = rng.sample(WORDS, 4)
            for _ in range(rng.randint(1, 8)):
                outlet, pub = rng.choice(OUTLETS), day + timedelta(days=rng.randint(0, 2))
                words = topic[: rng.randint(2, 4)] + rng.sample(WORDS, 3)
                dated = rng.random() > 0.25
                sentence = (f"{src} {' '.join(words)} {tgt}" + (f" in {place}" if place else "")
                            + (f" on {day.strftime('%A')}" if dated else "") + ".")
                reports.setdefault((outlet, pub), []).append(
                    (sentence, dated, words, (code, root, quad, gold, plover, src, tgt, place, amount)))
                made += 1
        for (outlet, pub), items in sorted(reports.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            filler = " ".join(rng.choice(WORDS) + str(rng.randint(0, 999)) for _ in range(30)) + "."
            text = "\n\n".join([s for s, *_ in items] + [filler])
            doc = Document(doc_id=f"{outlet}-{pub}-{h}", text=text, source=outlet, published=pub.isoformat())
            key = doc.content_hash[:16]
            events = []
            for i, (sentence, dated, words, (code, root, quad, gold, plover, src, tgt, place, amount)) in enumerate(items):
                qty = ((Quantity("count", float(amount), "people", f"{amount:g} people"),) if amount and amount < 1e3 else
                       (Quantity("money", float(amount), "USD", "$630 million"),) if amount else ())
                trace = (f"attributes:date ({day.isoformat()} from 'on {day.strftime('%A')}')",) if dated else ()
                ev = Event(doc_id=doc.doc_id, sentence_index=i, sentence=sentence,
                           trigger=Trigger(words[0], 4, 4 + len(words[0])), cameo=code, cameo_root=root, quad_class=quad,
                           goldstein=gold, plover=plover, plover_mode=None,
                           source=Actor(src, code=src + "GOV", country=src, sector="GOV", kind="state"),
                           target=Actor(tgt, code=tgt, country=tgt, kind="state"),
                           date=day.isoformat() if dated else pub.isoformat(),
                           modality="intended" if root == "03" else "asserted", quantities=qty, location=Location(place) if place else None,
                           confidence=0.6, rule="bench", coder="bench", trace=trace, mention_id="-")
                events.append(Event(**{**{f: getattr(ev, f) for f in ev.__dataclass_fields__}, "mention_id": ev.make_id(key)}))
            yield doc, events


def _fill(store: Any, docs: list[tuple[Document, list[Event]]]) -> None:
    """Insert documents and mentions in bulk, unclustered (the store as a long ingest left it)."""
    from tidings.records import event_to_flat
    from tidings.store.schema import STORED_COLUMNS, documents, mentions, quantities

    with store.engine.begin() as conn:
        conn.execute(documents.insert(), [
            {"content_hash": d.content_hash, "doc_id": d.doc_id, "origin": d.doc_id, "source": d.source, "url": None,
             "title": None, "published": d.published, "attribution": None, "credits": [], "headings": [], "text": d.text,
             "status": "coded", "coder": "bench", "ingested_at": "2026-01-01T00:00:00"} for d, _ in docs])
        pk = dict(conn.execute(documents.select().with_only_columns(documents.c.content_hash, documents.c.id)).all())
        rows = []
        for d, evs in docs:
            for e in evs:
                flat = event_to_flat(e)
                rows.append({**{c: flat[c] for c in STORED_COLUMNS}, "document_id": pk[d.content_hash]})
        conn.execute(mentions.insert(), rows)
        ids = dict(conn.execute(mentions.select().with_only_columns(mentions.c.mention_id, mentions.c.id)).all())
        qty = [{"mention_id": ids[e.mention_id], "kind": q.kind, "value": q.value, "unit": q.unit, "per": q.per,
                "category": q.category, "text": q.text} for _, evs in docs for e in evs for q in e.quantities]
        if qty:
            conn.execute(quantities.insert(), qty)


def bench_batch(n: int, seed: int = 11) -> dict[str, Any]:
    """Cluster ``n`` synthetic mentions from scratch, in memory."""
    from tidings.stories import DocInfo, cluster_events

    items = [(e, DocInfo(d.content_hash, d.doc_id, d.published, d.source, d.source or d.doc_id))
             for d, evs in generate(n, seed=seed) for e in evs]
    t0 = time.perf_counter()
    _, events = cluster_events(items)
    secs = time.perf_counter() - t0
    return {"mentions": len(items), "events": len(events), "seconds": round(secs, 2),
            "mentions_per_s": round(len(items) / secs, 1)}


def _with_background(doc: Document, events: list[Event], old: Event) -> tuple[Document, list[Event]]:
    """The document with one more sentence restating an old happening (a background mention)."""
    from dataclasses import replace

    sentence = old.sentence.rstrip(".") + ", as reported at the time."
    text = doc.text + "\n\n" + sentence
    new_doc = replace(doc, text=text)
    key = new_doc.content_hash[:16]
    moved = [replace(e, mention_id=replace(e, doc_id=new_doc.doc_id).make_id(key)) for e in events]
    extra = replace(old, doc_id=new_doc.doc_id, sentence_index=len(events) + 1, sentence=sentence, mention_id="-")
    return new_doc, moved + [replace(extra, mention_id=extra.make_id(key))]


def bench_incremental(n: int, new_docs: int = 200, seed: int = 11, background: float = 0.2) -> dict[str, Any]:
    """Time per new document written into a store that already holds ``n`` mentions; a share
    ``background`` of the new documents also restates a happening from anywhere in the past."""
    from tidings.store import Store

    docs = list(generate(n + new_docs * 6, seed=seed))
    count, cut = 0, 0
    while count < n:
        count += len(docs[cut][1])
        cut += 1
    old, new = docs[:cut], docs[cut:cut + new_docs]
    rng = random.Random(seed + 1)
    new = [_with_background(d, evs, rng.choice(rng.choice(old)[1])) if rng.random() < background else (d, evs)
           for d, evs in new]
    with tempfile.TemporaryDirectory(prefix="tidings-bench-stories-") as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'stories.db'}")
        _fill(store, old)
        t0 = time.perf_counter()
        store.rebuild_stories()
        rebuild = time.perf_counter() - t0
        t0 = time.perf_counter()
        for doc, evs in new:
            store.write_document(doc, evs, "bench")
        per_doc = (time.perf_counter() - t0) / len(new)
        store.close()
    return {"store_mentions": count, "new_documents": len(new), "new_mentions": sum(len(e) for _, e in new), "ms_per_new_document": round(per_doc * 1000, 2),
            "rebuild_seconds": round(rebuild, 1)}
