"""Summaries of a store for analysts: events per period by QuadClass, top dyads with their mean
Goldstein, an actor's or a dyad's time series (``tidings summary``), and a plot of the timeline.

The unit is the real-world event (a story cluster, GDELT's Events table) by default, or the
mention (one coded event in one sentence). Periods are days, ISO weeks (their Monday), months or
years; undated events are counted apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from pathlib import Path
from typing import Any

from tidings.errors import UsageError
from tidings.records import Actor
from tidings.store.queries import BUCKETS, period_of  # one definition of the periods, shared with the web view

__all__ = ["BUCKETS", "QUAD_NAMES", "Summary", "SummaryItem", "period_of", "plot_timeline", "summarize"]

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_COLOURS = {1: "#9ecae1", 2: "#3182bd", 3: "#fdae6b", 4: "#e6550d"}


@dataclass(frozen=True)
class SummaryItem:
    """What a summary needs of one event or mention."""

    date: str | None
    quad_class: int
    goldstein: float
    source: str | None  # the actor's country, else its code (IGOs, unresolved sectors)
    target: str | None


@dataclass
class Summary:
    unit: str  # "events" or "mentions"
    bucket: str
    total: int = 0
    undated: int = 0
    timeline: list[dict[str, Any]] = field(default_factory=list)
    dyads: list[dict[str, Any]] = field(default_factory=list)

    def rows(self) -> list[dict[str, Any]]:
        """Timeline and dyad rows in one list (``section`` tells which), for CSV and JSON lines."""
        return ([{"section": "timeline", **r} for r in self.timeline] +
                [{"section": "dyad", **r} for r in self.dyads])


def actor_key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.country or actor.code


def summarize(items: Iterable[SummaryItem], *, unit: str = "events", bucket: str = "month", top: int = 10) -> Summary:
    """Counts per period and QuadClass with the mean Goldstein, and the ``top`` dyads."""
    if bucket not in BUCKETS:
        raise UsageError(f"unknown period {bucket!r}: one of {', '.join(BUCKETS)}")
    out = Summary(unit=unit, bucket=bucket)
    periods: dict[str, dict[str, Any]] = {}
    pairs: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0, 0, 0])
    for it in items:
        out.total += 1
        if it.source and it.target:
            p = pairs[(it.source, it.target)]
            p[0] += 1
            p[1] += it.goldstein
            p[2 if it.quad_class <= 2 else 3] += 1
        if not it.date:
            out.undated += 1
            continue
        key = period_of(it.date, bucket)
        row = periods.setdefault(key, {"period": key, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "total": 0, "_g": 0.0})
        row[f"q{it.quad_class}"] += 1
        row["total"] += 1
        row["_g"] += it.goldstein
    for key in sorted(periods):
        row = periods[key]
        g = row.pop("_g")
        row["goldstein"] = round(g / row["total"], 2)
        out.timeline.append(row)
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1][0], kv[0]))[:top]
    out.dyads = [{"source": s, "target": t, "count": int(n), "goldstein": round(g / n, 2), "cooperation": int(c),
                  "conflict": int(k)} for (s, t), (n, g, c, k) in ranked]
    return out


def _next(period: str, bucket: str) -> str:
    if bucket == "day":
        return (Date.fromisoformat(period) + timedelta(days=1)).isoformat()
    if bucket == "week":
        return (Date.fromisoformat(period) + timedelta(days=7)).isoformat()
    if bucket == "month":
        y, m = int(period[:4]), int(period[5:7])
        return f"{y + m // 12:04d}-{m % 12 + 1:02d}"
    return f"{int(period) + 1:04d}"


def _continuous(timeline: list[dict[str, Any]], bucket: str, limit: int = 2000) -> list[dict[str, Any]]:
    """The timeline with its empty periods filled in, so that the x axis is proportional to time
    (as it is, when that would take more than ``limit`` periods)."""
    have = {r["period"]: r for r in timeline}
    out, p, last = [], timeline[0]["period"], timeline[-1]["period"]
    while p <= last:
        out.append(have.get(p) or {"period": p, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "total": 0, "goldstein": None})
        if len(out) > limit:
            return timeline
        p = _next(p, bucket)
    return out


def plot_timeline(summary: Summary, path: str | Path, *, title: str = "") -> None:
    """The timeline as stacked bars by QuadClass with the mean Goldstein as a line, to PNG or SVG."""
    target = Path(path)
    if target.suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"cannot plot to {path}: use a .png or .svg file name")
    if not target.resolve().parent.is_dir():
        raise UsageError(f"cannot write {path}: folder {target.resolve().parent} does not exist")
    if not summary.timeline:
        raise UsageError("nothing to plot: no dated events match the filters")
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    rows = _continuous(summary.timeline, summary.bucket)
    labels = [r["period"] for r in rows]
    xs = list(range(len(labels)))
    fig, ax = plt.subplots(figsize=(max(6.0, min(24.0, 0.35 * len(labels) + 3)), 4.2), dpi=120)
    bottom = [0] * len(labels)
    for q in (1, 2, 3, 4):
        heights = [r[f"q{q}"] for r in rows]
        ax.bar(xs, heights, bottom=bottom, color=QUAD_COLOURS[q], label=f"{q} {QUAD_NAMES[q]}", width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_ylabel(f"{summary.unit} per {summary.bucket}")
    step = max(1, len(labels) // 20)
    ax.set_xticks(xs[::step])
    ax.set_xticklabels(labels[::step], rotation=45, ha="right", fontsize=8)
    line = ax.twinx()
    line.plot(xs, [r["goldstein"] for r in rows], color="#333333", marker="o", markersize=3, linewidth=1,
              label="mean Goldstein")
    line.set_ylim(-10, 10)
    line.axhline(0, color="#999999", linewidth=0.5)
    line.set_ylabel("mean Goldstein")
    handles, names = ax.get_legend_handles_labels()
    h2, n2 = line.get_legend_handles_labels()
    ax.legend(handles + h2, names + n2, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=5,
              frameon=False)
    ax.set_title(title or f"{summary.total} {summary.unit} by QuadClass", fontsize=10)
    fig.tight_layout()
    fig.savefig(target, format=target.suffix.lower()[1:])
    plt.close(fig)
