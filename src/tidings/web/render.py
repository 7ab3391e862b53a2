"""Presentation helpers: text cut into highlighted segments (the templates escape every segment),
the timeline as SVG bars, names from the codebook. No queries here."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

from tidings.records import Event

__all__ = ["QUAD_NAMES", "Bar", "Segment", "code_name", "doc_url", "document_segments", "mention_key", "evidence_segments", "period_range",
           "pick_bucket", "timeline_bars"]

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str | None = None  # trigger | source | target | None (plain text)
    ref: str | None = None  # event id the highlight belongs to
    title: str | None = None


def mention_key(event: Any) -> str:
    """The id that names one coded event (a mention) in links: ``mention_id`` once stories exist,
    before that ``event_id``."""
    return getattr(event, "mention_id", None) or event.event_id


def doc_url(doc_id: str) -> str:
    """The path of a document's page (ids are free text: URLs, file names)."""
    if any(part in (".", "..") or part.lower() in ("%2e", "%2e%2e", ".%2e", "%2e.") for part in doc_id.split("/")):
        return "/doc?" + urlencode({"id": doc_id})  # a browser would resolve these segments away
    return "/docs/" + quote(doc_id, safe="/")


@lru_cache(maxsize=1)
def _book() -> dict[str, Any]:
    from tidings.coding.codebook import codebook

    return codebook()


def code_name(code: str | None) -> str:
    entry = _book().get(code or "")
    return entry.name if entry else ""


def _cut(text: str, spans: list[tuple[int, int, str, str | None, str | None]]) -> list[Segment]:
    """``text`` as segments; spans (start, end, kind, ref, title) that overlap an earlier one are
    merged into it (their titles joined)."""
    kept: list[list[Any]] = []
    for start, end, kind, ref, title in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not 0 <= start < end <= len(text):
            continue
        if kept and start < kept[-1][1]:
            if title and title not in (kept[-1][4] or ""):
                kept[-1][4] = f"{kept[-1][4]}; {title}" if kept[-1][4] else title
            continue
        kept.append([start, end, kind, ref, title])
    out, pos = [], 0
    for start, end, kind, ref, title in kept:
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], kind, ref, title))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def _sentence_start(event: Event, text: str | None) -> int | None:
    """Where the evidence sentence starts in the document text: the occurrence that holds the trigger."""
    if not text:
        return None
    at = text.find(event.sentence)
    while at != -1:
        if at <= event.trigger.start < at + len(event.sentence):
            return at
        at = text.find(event.sentence, at + 1)
    return None


def evidence_segments(event: Event, text: str | None) -> list[Segment]:
    """The evidence sentence with the trigger (by its offsets into the document) and the actors'
    words highlighted."""
    sentence = event.sentence
    start = _sentence_start(event, text)
    spans: list[tuple[int, int, str, str | None, str | None]] = []
    if start is not None:
        spans.append((event.trigger.start - start, event.trigger.end - start, "trigger", mention_key(event), event.cameo))
    elif event.trigger.text and (i := sentence.find(event.trigger.text)) >= 0:
        spans.append((i, i + len(event.trigger.text), "trigger", mention_key(event), event.cameo))
    for role in ("source", "target"):
        actor = getattr(event, role)
        if actor is not None and actor.text and (i := sentence.find(actor.text)) >= 0:
            spans.append((i, i + len(actor.text), role, mention_key(event), actor.code or actor.text))
    return _cut(sentence, spans)


def document_segments(text: str, events: list[Event]) -> list[Segment]:
    """The document text with the trigger of every event highlighted in place."""
    spans: list[tuple[int, int, str, str | None, str | None]] = [(e.trigger.start, e.trigger.end, "trigger", mention_key(e),
              f"{e.cameo} {code_name(e.cameo)}: {(e.source.code or e.source.text) if e.source else '-'} → "
              f"{(e.target.code or e.target.text) if e.target else '-'}") for e in events]
    return _cut(text, spans)


# -- timeline ----------------------------------------------------------------------------------------
def pick_bucket(days: list[str], most: int = 60) -> str:
    """The finest period (day, week, month, year) that gives at most ``most`` bars."""
    from tidings.store.queries import period_of

    for bucket in ("day", "week", "month"):
        if len({period_of(d, bucket) for d in days}) <= most:
            return bucket
    return "year"


def period_range(period: str, bucket: str) -> tuple[str, str]:
    """First and last day of a period, for links to the events of one bar."""
    if bucket == "day":
        return period, period
    if bucket == "week":
        return period, (Date.fromisoformat(period) + timedelta(days=6)).isoformat()
    if bucket == "month":
        y, mo = int(period[:4]), int(period[5:7])
        return f"{period}-01", f"{period}-{calendar.monthrange(y, mo)[1]:02d}"
    return f"{period}-01-01", f"{period}-12-31"


@dataclass(frozen=True)
class Bar:
    period: str
    since: str
    until: str
    x: float
    width: float
    total: int
    parts: list[tuple[int, float, float, int]]  # (quad class, y, height, count)


def timeline_bars(rows: list[dict[str, Any]], bucket: str, width: int = 900, height: int = 160) -> list[Bar]:
    """Stacked bars (QuadClass 1 at the bottom) for an SVG of ``width`` × ``height``."""
    if not rows:
        return []
    peak = max(r["total"] for r in rows) or 1
    step = width / len(rows)
    bars = []
    for i, r in enumerate(rows):
        y, parts = float(height), []
        for q in (1, 2, 3, 4):
            h = r[f"q{q}"] / peak * (height - 4)
            if r[f"q{q}"]:
                y -= h
                parts.append((q, round(y, 2), round(h, 2), r[f"q{q}"]))
        since, until = period_range(r["period"], bucket)
        bars.append(Bar(r["period"], since, until, round(i * step + 1, 2), round(max(step - 2, 1), 2), r["total"],
                        parts))
    return bars
