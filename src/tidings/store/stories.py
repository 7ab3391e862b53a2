"""Stories in the store: syndicated copies and mention clustering, kept up to date incrementally
inside the transaction that writes a document (portable SQL: SQLite and PostgreSQL).

- ``update_copies``: the new document's MinHash bands find candidate copies; the group of copies
  is re-ranked and every member's ``duplicate_of`` set.
- ``update_clusters``: for each block the new mentions fall in, the frames from the first new one
  onwards (canonical order) are clustered again, starting from the events formed before that
  point whose date interval can still be reached (``tidings.stories.cluster``).
- ``refresh_events``: the rows of the events whose mentions or documents changed.
- ``rebuild``: everything from the stored mentions (``tidings ingest --recode``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, bindparam, delete, select, update
from sqlalchemy.engine import Connection

from tidings.records import Document, Event, Quantity, event_from_flat
from tidings.store.schema import doc_bands, documents, events, mentions, quantities
from tidings.stories.cluster import Cluster, Clusterer, Frame, anchor_key, cluster_block, frames_of
from tidings.stories.copies import CopyCandidate, bands, canonical, resemblance, signature
from tidings.stories.events import DocInfo, summarize
from tidings.stories.features import StoryFeatures, StorySettings, features, from_json, to_json

__all__ = ["events_of_documents", "from_json", "rebuild", "refresh_events", "story_columns", "update_clusters",
           "update_copies"]

_CHUNK = 500
PAGE = 8  # half-days of the canonical order read at a time while replaying


def story_columns(ev: Event, doc: Document, settings: StorySettings) -> dict[str, Any]:
    """The clustering columns of a mention row."""
    f = features(ev, doc.published, doc.content_hash[:16], settings)
    return {"story_block": f.block, "story_lo": f.lo, "story_hi": f.hi, "story": to_json(f)}


def _in_chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    items = sorted(set(values))
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


# -- copies ---------------------------------------------------------------------------------------
def update_copies(conn: Connection, doc_pk: int, text: str, settings: StorySettings) -> set[int]:
    """Record the document's signature and bands, and re-rank its group of copies; returns the
    primary keys of the documents whose original changed."""
    sig = signature(text)
    conn.execute(update(documents).where(documents.c.id == doc_pk).values(minhash=sig))
    keys = bands(sig)
    conn.execute(doc_bands.insert(), [{"document_id": doc_pk, "band": b} for b in keys])
    near = {r[0] for r in conn.execute(select(doc_bands.c.document_id).where(
        and_(doc_bands.c.band.in_(keys), doc_bands.c.document_id != doc_pk))).all()}
    if not near:
        return set()
    rows = conn.execute(select(documents.c.id, documents.c.minhash, documents.c.copy_of, documents.c.content_hash)
                        .where(documents.c.id.in_(sorted(near)))).all()
    copies = [r for r in rows if r.minhash and resemblance(sig, r.minhash) >= settings.copy_threshold]
    if not copies:
        return set()
    # the group: the new document, its copies, and every document already grouped with them
    heads = {r.copy_of or r.content_hash for r in copies}
    group_rows = conn.execute(select(documents).where(
        (documents.c.content_hash.in_(sorted(heads))) | (documents.c.copy_of.in_(sorted(heads)))
        | (documents.c.id == doc_pk))).all()
    members = {r.id: r for r in group_rows}
    original = canonical(CopyCandidate(r.content_hash, r.doc_id, r.published, r.source, r.attribution) for r in members.values())
    changed = set()
    for r in members.values():
        new = None if r.content_hash == original.key else original.key
        if r.copy_of != new or r.id == doc_pk:
            conn.execute(update(documents).where(documents.c.id == r.id).values(
                copy_of=new, duplicate_of=original.doc_id if new else None))
            changed.add(r.id)
    return changed


# -- clusters -------------------------------------------------------------------------------------
def update_clusters(conn: Connection, new: list[StoryFeatures], settings: StorySettings) -> set[str]:
    """Cluster the blocks of the new mentions again from each new frame on, until the result
    agrees with the stored one again; the rows of the events that changed are rewritten, and
    their ids returned."""
    dirty: set[str] = set()
    by_block: dict[str, list[StoryFeatures]] = defaultdict(list)
    for f in new:
        by_block[f.block].append(f)
    for block in sorted(by_block):
        pending = frames_of(by_block[block])
        while pending:
            pending, changed = _replay(conn, block, pending, settings)
            refresh_events(conn, changed)
            dirty |= changed
    return dirty


def _replay(conn: Connection, block: str, pending: list[Frame], settings: StorySettings) -> tuple[list[Frame], set[str]]:
    """Replay the block in canonical order from the first pending (new) frame, starting from the
    stored events formed before it. An old frame that can reach no diverged event (one whose
    members differ from the stored state, in either) keeps its stored event; the others are
    decided again. The replay ends when no later mention can reach a diverged event: from there on
    the stored state is what a replay would give. Returns the pending frames not reached, and the
    diverged events (mentions written, event rows not yet)."""
    start = pending[0].order
    start_key = anchor_key(start)
    new_ids = {m.mention_id for fr in pending for m in fr.members}
    state = Clusterer(settings)
    loaded_to: list[int] = []  # prefix events with hi >= loaded_to[0] are in memory
    orig_hi: dict[str, int] = {}  # stored events: the end of their interval so far in the stored state

    def load_prefix(bound: int) -> None:
        if loaded_to and bound >= loaded_to[0]:
            return
        # an event formed before the start ends no later than its first frame, so before the start
        q = select(events.c.event_id).where(and_(events.c.block == block, events.c.hi >= bound, events.c.hi <= start[0],
                                                 events.c.anchor < start_key))
        if loaded_to:
            q = q.where(events.c.hi < loaded_to[0])
        ids = [r[0] for r in conn.execute(q).all()]
        loaded_to[:] = [bound]
        members: dict[str, list[StoryFeatures]] = defaultdict(list)
        for chunk in _in_chunks(ids):
            for r in conn.execute(select(mentions.c.event_id, mentions.c.story).where(mentions.c.event_id.in_(chunk))).all():
                members[r.event_id].append(from_json(r.story))
        for event_id in sorted(members):
            frames = [fr for fr in frames_of(members[event_id]) if fr.order < start]
            if frames:
                c = Cluster(event_id)
                for fr in frames:
                    c.add(fr)
                state.file(c, frames)
                orig_hi[event_id] = c.hi

    diverged: set[str] = set()
    moved: dict[str, str] = {}

    def reach() -> int | None:
        ends = [max(state.clusters[e].hi if e in state.clusters else -1, orig_hi.get(e, -1)) for e in diverged]
        return max(ends) if ends else None

    h = start[0]
    while True:
        rows = conn.execute(select(mentions.c.event_id, mentions.c.story).where(and_(
            mentions.c.story_block == block, mentions.c.story_hi >= h, mentions.c.story_hi < h + PAGE))).all()
        stored: dict[str, str | None] = {}
        feats = []
        for r in rows:
            f = from_json(r.story)
            stored[f.mention_id] = r.event_id
            feats.append(f)
        frames = [fr for fr in frames_of(feats) if fr.order >= start]
        if frames:
            load_prefix(min(fr.lo for fr in frames))
        for fr in frames:
            mid = fr.members[0].mention_id
            before = None if mid in new_ids else stored[mid]
            if before is not None:
                orig_hi[before] = min(orig_hi.get(before, fr.hi), fr.hi)
            far = reach()
            if before is not None and (far is None or fr.lo > far):
                state.place(fr, before)  # it can reach no diverged event: it stays where it was
                continue
            c = state.place(fr)
            if c.event_id != before:
                diverged.add(c.event_id)
                if before is not None:
                    diverged.add(before)
                for m in fr.members:
                    moved[m.mention_id] = c.event_id
        h += PAGE
        far = reach()
        later = [fr for fr in pending if fr.order[0] >= h]
        if far is None or not conn.execute(select(mentions.c.id).where(and_(
                mentions.c.story_block == block, mentions.c.story_hi >= h, mentions.c.story_lo <= far)).limit(1)).first():
            if moved:
                conn.execute(update(mentions).where(mentions.c.mention_id == bindparam("_m")).values(event_id=bindparam("_e")),
                             [{"_m": m, "_e": e} for m, e in sorted(moved.items())])
            return later, diverged


def _doc_infos(conn: Connection, doc_pks: Iterable[int]) -> dict[int, DocInfo]:
    rows: list[Any] = []
    for chunk in _in_chunks(doc_pks):
        rows += conn.execute(select(documents.c.id, documents.c.content_hash, documents.c.doc_id, documents.c.published,
                                    documents.c.source, documents.c.copy_of).where(documents.c.id.in_(chunk))).all()
    heads = {r.copy_of for r in rows if r.copy_of}
    outlet_of: dict[str, str | None] = {}
    for chunk in _in_chunks(heads):
        for h in conn.execute(select(documents.c.content_hash, documents.c.source, documents.c.doc_id).where(
                documents.c.content_hash.in_(chunk))).all():
            outlet_of[h.content_hash] = h.source or h.doc_id
    out = {}
    for r in rows:
        own = r.source or r.doc_id
        independent = outlet_of.get(r.copy_of, r.copy_of) if r.copy_of else own
        out[r.id] = DocInfo(r.content_hash, r.doc_id, r.published, r.source, str(independent))
    return out


def refresh_events(conn: Connection, event_ids: Iterable[str]) -> None:
    """Rewrite the rows of these events from their current mentions (deleting emptied ones)."""
    for chunk in _in_chunks(e for e in event_ids if e):
        conn.execute(delete(events).where(events.c.event_id.in_(chunk)))
        rows = conn.execute(select(mentions).where(mentions.c.event_id.in_(chunk))).all()
        if not rows:
            continue
        qty: dict[int, list[Quantity]] = defaultdict(list)
        for q in conn.execute(select(quantities).where(quantities.c.mention_id.in_([r.id for r in rows])).order_by(quantities.c.id)):
            qty[q.mention_id].append(Quantity(q.kind, q.value, q.unit, q.text or "", q.per, q.category))
        infos = _doc_infos(conn, {r.document_id for r in rows})
        grouped: dict[str, list[tuple[Event, StoryFeatures, DocInfo]]] = defaultdict(list)
        for r in rows:
            grouped[r.event_id].append((event_from_flat(r, qty.get(r.id, ())), from_json(r.story), infos[r.document_id]))
        values = []
        for event_id, items in sorted(grouped.items()):
            h = summarize(event_id, items)
            feats = [f for _, f, _ in items]
            values.append({
                "event_id": event_id, "block": feats[0].block, "lo": max(f.lo for f in feats), "hi": min(f.hi for f in feats),
                "anchor": anchor_key(frames_of(feats)[0].order),
                "date": h.date, "cameo": h.cameo, "cameo_root": h.cameo_root, "plover": h.plover,
                "source_code": h.source.code if h.source else None, "source_country": h.source.country if h.source else None,
                "target_code": h.target.code if h.target else None, "target_country": h.target.country if h.target else None,
                "negated": h.negated, "modality": h.modality, "num_mentions": h.num_mentions, "num_sources": h.num_sources,
                "num_articles": h.num_articles, "goldstein": h.goldstein, "first_seen": h.first_seen,
                "last_seen": h.last_seen, "record": h.to_dict(),
            })
        conn.execute(events.insert(), values)


def events_of_documents(conn: Connection, doc_pks: Iterable[int]) -> set[str]:
    out: set[str] = set()
    for chunk in _in_chunks(doc_pks):
        out |= {r[0] for r in conn.execute(select(mentions.c.event_id).where(mentions.c.document_id.in_(chunk))).all() if r[0]}
    return out


def _copy_groups(conn: Connection, settings: StorySettings) -> None:
    """Copies of the whole store at once: signatures, bands, groups (union-find), originals."""
    docs = conn.execute(select(documents.c.id, documents.c.text, documents.c.published, documents.c.content_hash,
                               documents.c.doc_id, documents.c.source, documents.c.attribution)
                        .where(documents.c.status == "coded").order_by(documents.c.content_hash)).all()
    sigs = {d.id: signature(d.text or "") for d in docs}
    buckets: dict[str, list[int]] = defaultdict(list)
    band_rows = []
    for d in docs:
        for b in bands(sigs[d.id]):
            buckets[b].append(d.id)
            band_rows.append({"document_id": d.id, "band": b})
    parent = {d.id: d.id for d in docs}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    checked: set[tuple[int, int]] = set()
    for ids in buckets.values():
        for i, first in enumerate(ids):
            for second in ids[i + 1:]:
                if (first, second) in checked or find(first) == find(second):
                    continue
                checked.add((first, second))
                if resemblance(sigs[first], sigs[second]) >= settings.copy_threshold:
                    parent[find(first)] = find(second)
    groups: dict[int, list[Any]] = defaultdict(list)
    for d in docs:
        groups[find(d.id)].append(d)
    updates = []
    for members in groups.values():
        original = canonical(CopyCandidate(d.content_hash, d.doc_id, d.published, d.source, d.attribution) for d in members)
        for d in members:
            copy = d.content_hash != original.key and len(members) > 1
            updates.append({"_id": d.id, "_sig": sigs[d.id], "_copy": original.key if copy else None,
                            "_dup": original.doc_id if copy else None})
    if updates:
        conn.execute(update(documents).where(documents.c.id == bindparam("_id")).values(
            minhash=bindparam("_sig"), copy_of=bindparam("_copy"), duplicate_of=bindparam("_dup")), updates)
    if band_rows:
        conn.execute(doc_bands.insert(), band_rows)


def rebuild(conn: Connection, settings: StorySettings) -> int:
    """Recompute copies, features and events of the whole store; returns the number of events."""
    conn.execute(delete(events))
    conn.execute(delete(doc_bands))
    conn.execute(update(documents).values(duplicate_of=None, copy_of=None, minhash=None))
    _copy_groups(conn, settings)
    published = {d.id: (d.published, d.content_hash[:16]) for d in conn.execute(
        select(documents.c.id, documents.c.published, documents.c.content_hash).where(documents.c.status == "coded")).all()}
    blocks: dict[str, list[StoryFeatures]] = defaultdict(list)
    qty: dict[int, list[Quantity]] = defaultdict(list)
    for q in conn.execute(select(quantities).order_by(quantities.c.id)):
        qty[q.mention_id].append(Quantity(q.kind, q.value, q.unit, q.text or "", q.per, q.category))
    rows = []
    for r in conn.execute(select(mentions)).all():
        pub, key = published[r.document_id]
        f = features(event_from_flat(r, qty.get(r.id, ())), pub, key, settings)
        rows.append({"_id": r.id, "_b": f.block, "_lo": f.lo, "_hi": f.hi, "_s": to_json(f)})
        blocks[f.block].append(f)
    if rows:
        conn.execute(update(mentions).where(mentions.c.id == bindparam("_id")).values(
            story_block=bindparam("_b"), story_lo=bindparam("_lo"), story_hi=bindparam("_hi"), story=bindparam("_s")), rows)
    ids: set[str] = set()
    assign = []
    for block in sorted(blocks):
        for c in cluster_block(blocks[block], settings):
            ids.add(c.event_id)
            assign += [{"_m": m.mention_id, "_e": c.event_id} for m in c.members]
    if assign:
        conn.execute(update(mentions).where(mentions.c.mention_id == bindparam("_m")).values(event_id=bindparam("_e")), assign)
    refresh_events(conn, ids)
    return len(ids)
