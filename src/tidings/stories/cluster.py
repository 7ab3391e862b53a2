"""Clustering mentions into events: deterministic, order-independent and incremental.

The unit is the *frame*: the mentions one trigger of one sentence produced ("Russia and Belarus
met" gives RUS→BLR and BLR→RUS, "the US and the EU sanctioned Minsk" gives two sources); a frame
is never split. Within one block (same CAMEO root and polarity; ``features``) frames are taken in
their canonical order (by date interval, then mention id: never the order of arrival). Each frame
joins the best open event it fits, or opens a new one:

- it must *fit* every frame of the event (complete link): a pair of their mentions with actors of
  one country (or organisation) in each role, unresolved or missing actors fitting any, in the
  same direction (either way for symmetric roots 03–06 and converse codes such as 042 visit /
  043 host); codes of one family (one a prefix of the other); date intervals that overlap; no two
  different named persons or sides (state, armed group, civilians) in one role; no two different
  places or deadlines; amounts of the same kind within ``amount_ratio``;
- it needs *evidence* from at least one frame (single link): the same sentence (a syndicated
  copy), or enough shared words, amounts or place (``min_similarity``).

An event's id comes from its first frame in canonical order, so events and ids are a function of
the set of mentions: any ingest order or split gives the same result. A frame only looks back at
events whose date interval reaches its own; ``cluster_block`` can start from the events formed by
the mentions before a point, which is what makes the incremental update cheap.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tidings.stories.features import SYMMETRIC_ROOTS, StoryFeatures, StorySettings

__all__ = ["Cluster", "Clusterer", "Frame", "anchor_key", "cluster_block", "event_id_for", "frames_of"]

CONVERSE = {("042", "043"), ("043", "042")}
WILD = ("-", "?")


def event_id_for(anchor_mention_id: str) -> str:
    return "e" + hashlib.sha1(anchor_mention_id.encode()).hexdigest()[:15]


class Frame:
    """The mentions one trigger produced, with their common date interval."""

    __slots__ = ("hi", "lo", "members", "order")

    def __init__(self, members: list[StoryFeatures]) -> None:
        self.members = members
        self.lo = max(m.lo for m in members)
        self.hi = min(m.hi for m in members)
        self.order = (self.hi, self.lo, min(m.mention_id for m in members))

    def index_keys(self) -> set[tuple[str, ...]]:
        """Where the frame's event is filed: by actor pair, by one role, or as unresolved."""
        out: set[tuple[str, ...]] = set()
        for m in self.members:
            s, t = m.direction
            if s not in WILD and t not in WILD:
                out |= {("P", s, t), ("S", s), ("T", t)}
            elif s not in WILD:
                out |= {("SW", s), ("S", s)}
            elif t not in WILD:
                out |= {("TW", t), ("T", t)}
            if "?" in (s, t) or (s in WILD and t in WILD):
                out.add(("W",))
        return out

    def lookup_keys(self) -> set[tuple[str, ...]]:
        """Where events this frame may join are filed (both directions when the act can be told
        either way)."""
        out: set[tuple[str, ...]] = set()
        for m in self.members:
            ways = [m.direction]
            if m.cameo[:2] in SYMMETRIC_ROOTS or m.cameo[:3] in ("042", "043"):
                ways.append((m.direction[1], m.direction[0]))
            for s, t in ways:
                if s not in WILD and t not in WILD:
                    out |= {("P", s, t), ("SW", s), ("TW", t)}
                elif s not in WILD:
                    out.add(("S", s))
                elif t not in WILD:
                    out.add(("T", t))
                if "?" in (s, t) or (s in WILD and t in WILD):
                    out.add(("W",))
        return out


def frames_of(mentions: Iterable[StoryFeatures]) -> list[Frame]:
    """Group mentions by trigger, in canonical order."""
    groups: dict[tuple[str, int, int], list[StoryFeatures]] = defaultdict(list)
    for m in mentions:
        groups[m.trigger].append(m)
    frames = [Frame(sorted(ms, key=lambda f: f.mention_id)) for ms in groups.values()]
    return sorted(frames, key=lambda f: f.order)


@dataclass
class Cluster:
    event_id: str
    frames: list[Frame] = field(default_factory=list)
    lo: int = -(10**9)
    hi: int = 10**9

    def add(self, f: Frame) -> None:
        self.frames.append(f)
        self.lo = max(self.lo, f.lo)
        self.hi = min(self.hi, f.hi)

    @property
    def members(self) -> list[StoryFeatures]:
        return [m for f in self.frames for m in f.members]


def _fits(a: str, b: str) -> bool:
    return a == b or a in WILD or b in WILD


def _anchored(m: StoryFeatures, x: StoryFeatures, pairs: tuple[tuple[int, int], ...]) -> bool:
    """Some role names the same party: one real actor key, or (unresolved) shared words."""
    for i, j in pairs:
        a, b = m.direction[i], x.direction[j]
        if a == b and a not in WILD:
            return True
        if a == "?" and b == "?" and m.texts[i] & x.texts[j]:
            return True
    return False


def _aligned(m: StoryFeatures, x: StoryFeatures) -> int:
    """1 when x can report m's act in m's direction, -1 reversed (converse codes, symmetric
    roots), 0 when their actors cannot be the same; at least one role must name the same party."""
    (ms, mt), (xs, xt) = m.direction, x.direction
    converse = (m.cameo[:3], x.cameo[:3]) in CONVERSE
    if not converse and _fits(ms, xs) and _fits(mt, xt) and _anchored(m, x, ((0, 0), (1, 1))):
        return 1
    if (converse or m.cameo[:2] in SYMMETRIC_ROOTS) and _fits(ms, xt) and _fits(mt, xs) and _anchored(m, x, ((0, 1), (1, 0))):
        return -1
    return 0


def _codes_fit(a: str, b: str) -> bool:
    """One code refines the other (033 / 0331), one is its root's generic code (040 "consult"
    fits 042 "make a visit"), or they are converse (042 / 043)."""
    generic = (len(a) == 3 and a[2] == "0") or (len(b) == 3 and b[2] == "0")
    return a.startswith(b) or b.startswith(a) or generic or (a[:3], b[:3]) in CONVERSE


def _amounts_fit(a: Sequence[tuple[str, str, str, float]], b: Sequence[tuple[str, str, str, float]], ratio: float) -> bool:
    for kind in {q[:3] for q in a} & {q[:3] for q in b}:
        va = [q[3] for q in a if q[:3] == kind]
        vb = [q[3] for q in b if q[:3] == kind]
        if not any(x == y or min(x, y) > 0 and max(x, y) / min(x, y) <= ratio for x in va for y in vb):
            return False
    return True


def pair_fits(m: StoryFeatures, x: StoryFeatures, settings: StorySettings) -> bool:
    """True when mentions m and x can report one happening."""
    way = _aligned(m, x)
    if way == 0 or not _codes_fit(m.cameo, x.cameo):
        return False
    if m.places and x.places and not m.places & x.places:
        return False
    if m.deadline and x.deadline and m.deadline != x.deadline:
        return False  # "by the end of December" and "before the end of next year": two undertakings
    if not _amounts_fit(m.amounts, x.amounts, settings.amount_ratio):
        return False
    names = x.names if way > 0 else (x.names[1], x.names[0])
    xdir = x.direction if way > 0 else (x.direction[1], x.direction[0])
    # a named person in one role and no actor at all in the other: only when the other names them
    for mine, theirs, key, text in ((m.names, names, xdir, x.sentence_key), (names, m.names, m.direction, m.sentence_key)):
        for i in (0, 1):
            name = mine[i]
            if theirs[i] is None and key[i] == "-" and name and name.split()[-1] not in text:
                return False
    sectors = x.sectors if way > 0 else (x.sectors[1], x.sectors[0])
    if any(a and b and a != b for a, b in zip(m.sectors, sectors, strict=True)):
        return False
    return not any(a is not None and b is not None and a != b for a, b in zip(m.names, names, strict=True))


def pair_evidence(m: StoryFeatures, x: StoryFeatures) -> float:
    """How strongly two fitting mentions look like one happening (0 = no evidence)."""
    if m.sentence_key == x.sentence_key:
        return 2.0
    small = min(len(m.words), len(x.words))
    score = len(m.words & x.words) / small if small else 0.0
    if m.amounts and x.amounts and _amounts_fit(m.amounts, x.amounts, 1.01):
        score += 0.5
    if m.places & x.places:
        score += 0.3
    if (m.cameo[:3], x.cameo[:3]) in CONVERSE:
        score += 0.3  # "A visited B" and "B hosted A": two views of one act
    return score


def frame_fit(f: Frame, g: Frame, settings: StorySettings) -> float | None:
    """The evidence that frames f and g report one happening, or None when they cannot."""
    if f.hi < g.lo or g.hi < f.lo:
        return None
    best: float | None = None
    for m in f.members:
        for x in g.members:
            if pair_fits(m, x, settings):
                e = pair_evidence(m, x)
                best = e if best is None or e > best else best
    return best


def anchor_key(order: tuple[int, int, str]) -> str:
    """A frame's canonical position as a string that sorts like the position (stored on events)."""
    return f"{order[0]:09d}|{order[1]:09d}|{order[2]}"


class Clusterer:
    """The state of clustering one block at a point of the canonical order: the events formed so
    far, filed by actor keys."""

    def __init__(self, settings: StorySettings) -> None:
        self.settings = settings
        self.clusters: dict[str, Cluster] = {}
        self.index: dict[tuple[str, ...], dict[str, Cluster]] = defaultdict(dict)

    def file(self, c: Cluster, frames: Iterable[Frame]) -> None:
        self.clusters[c.event_id] = c
        for f in frames:
            for k in f.index_keys():
                self.index[k][c.event_id] = c

    def forget_before(self, hi: int) -> None:
        """Drop events no later frame can reach (their interval ends before ``hi``)."""
        for k in list(self.index):
            kept = {e: c for e, c in self.index[k].items() if c.hi >= hi}
            if kept:
                self.index[k] = kept
            else:
                del self.index[k]

    def candidates(self, frame: Frame) -> list[Cluster]:
        found: dict[str, Cluster] = {}
        for k in sorted(frame.lookup_keys()):
            found.update(self.index.get(k, {}))
        return [found[e] for e in sorted(found) if found[e].hi >= frame.lo and found[e].lo <= frame.hi]

    def best(self, frame: Frame, candidates: list[Cluster]) -> Cluster | None:
        """The event the frame joins: it fits every frame of it, with the most evidence (the
        smallest id among equals), or None."""
        best: Cluster | None = None
        best_score = 0.0
        for c in candidates:
            score = 0.0
            for g in c.frames:
                s = frame_fit(frame, g, self.settings)
                if s is None:
                    break
                score = max(score, s)
            else:
                if score >= self.settings.min_similarity and (best is None or score > best_score):
                    best, best_score = c, score
        return best

    def place(self, frame: Frame, event_id: str | None = None) -> Cluster:
        """Add the frame to its best event, or to ``event_id`` when given; a frame that joins
        nothing opens an event named after it."""
        if event_id is None:
            c = self.best(frame, self.candidates(frame))
            event_id = c.event_id if c is not None else event_id_for(frame.order[2])
        c = self.clusters.get(event_id) or Cluster(event_id)
        c.add(frame)
        self.file(c, [frame])
        return c


def cluster_block(mentions: Iterable[StoryFeatures], settings: StorySettings,
                  open_clusters: Iterable[Cluster] = ()) -> list[Cluster]:
    """Cluster the mentions of one block in canonical order, after the clusters already formed by
    earlier mentions (``open_clusters``); returns every cluster, old and new."""
    state = Clusterer(settings)
    for c in open_clusters:
        state.file(c, c.frames)
    frames = frames_of(mentions)
    # no frame reaches back further than the widest date interval: older events leave the index
    reach = max((f.hi - f.lo for f in frames), default=0)
    compacted = frames[0].hi if frames else 0
    for frame in frames:
        if frame.hi - compacted > max(reach, 8):
            compacted = frame.hi
            state.forget_before(frame.hi - reach)
        state.place(frame)
    return list(state.clusters.values())
