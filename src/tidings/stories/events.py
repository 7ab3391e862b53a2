"""The event record (``records.Happening``) of a group of mentions, and in-memory clustering.

``summarize`` is a pure function of the mentions and their documents, so an event's record never
depends on the order its mentions arrived in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from tidings.records import Event, Happening
from tidings.stories.cluster import cluster_block
from tidings.stories.features import StoryFeatures, StorySettings, features

__all__ = ["DocInfo", "cluster_events", "summarize"]

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "sentence": 4, "published": 5, "none": 6}


@dataclass(frozen=True)
class DocInfo:
    """What an event record needs to know about a document that mentions it."""

    key: str  # content hash
    doc_id: str
    published: str | None
    outlet: str | None  # the outlet that published it
    independent: str  # who reported it independently: its original's outlet for a syndicated copy


def summarize(event_id: str, mentions: Iterable[tuple[Event, StoryFeatures, DocInfo]]) -> Happening:
    """The event record of ``event_id`` from its mentions (each with its features and document)."""
    items = sorted(mentions, key=lambda x: (x[2].published or "", x[2].doc_id, x[0].sentence_index, x[0].trigger.start,
                                            x[0].mention_id))
    rep_ev, _rep_f, rep_doc = min(items, key=lambda x: (_PRECISION_RANK.get(x[1].precision, 6), -x[0].confidence,
                                                          x[2].published or "", x[2].doc_id, x[0].sentence_index,
                                                          x[0].mention_id))
    days: Counter[str] = Counter(e.date for e, f, _ in items if f.precision == "day" and e.date)
    published = sorted(d.published for _, _, d in items if d.published)
    date: str | None
    if days:
        date = min(days, key=lambda d: (-days[d], d))
    elif _rep_f.precision in ("week", "month", "year"):
        date = rep_ev.date
    else:  # nothing but publication dates: the first report's day
        date = published[0] if published else rep_ev.date
    best: dict[str, float] = defaultdict(float)
    for e, _, d in items:
        best[d.independent] = max(best[d.independent], e.confidence)
    doubt = 1.0
    for c in best.values():
        doubt *= 1.0 - min(max(c, 0.0), 1.0)
    places = Counter(e.location for e, _, _ in items if e.location)
    outlets = sorted(best)
    return Happening(
        event_id=event_id, date=date, source=rep_ev.source, target=rep_ev.target, cameo=rep_ev.cameo,
        cameo_root=rep_ev.cameo_root, quad_class=rep_ev.quad_class, goldstein=rep_ev.goldstein, plover=rep_ev.plover,
        plover_mode=rep_ev.plover_mode, negated=rep_ev.negated, modality=rep_ev.modality,
        location=min(places, key=lambda p: (-places[p], p.text, p.name or "")) if places else None, quantities=rep_ev.quantities,
        num_mentions=len(items), num_articles=len({d.key for _, _, d in items}), num_sources=len(outlets),
        sources=tuple(outlets), first_seen=published[0] if published else None,
        last_seen=published[-1] if published else None, confidence=round(1.0 - doubt, 4),
        mentions=tuple(e.mention_id for e, _, _ in items),
        representative={"mention_id": rep_ev.mention_id, "doc_id": rep_doc.doc_id, "sentence": rep_ev.sentence},
    )


def cluster_events(coded: Iterable[tuple[Event, DocInfo]], settings: StorySettings | None = None) -> tuple[list[Event], list[Happening]]:
    """Cluster mentions held in memory (``tidings code``, tests): the mentions with their
    ``event_id`` set, and the events."""
    settings = settings or StorySettings()
    items = list(coded)
    feats = {e.mention_id: features(e, d.published, d.key, settings) for e, d in items}
    blocks: dict[str, list[StoryFeatures]] = defaultdict(list)
    for f in feats.values():
        blocks[f.block].append(f)
    event_of: dict[str, str] = {}
    for block in sorted(blocks):
        for c in cluster_block(blocks[block], settings):
            for m in c.members:
                event_of[m.mention_id] = c.event_id
    grouped: dict[str, list[tuple[Event, StoryFeatures, DocInfo]]] = defaultdict(list)
    out = []
    for e, d in items:
        e = replace(e, event_id=event_of[e.mention_id])
        out.append(e)
        grouped[event_of[e.mention_id]].append((e, feats[e.mention_id], d))
    happenings = sorted((summarize(k, v) for k, v in grouped.items()), key=lambda h: (h.date or "", h.event_id))
    return out, happenings
