"""``tidings summary``: events per period by QuadClass, top dyads, an actor's or a dyad's series, a plot."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tidings.errors import UsageError
from tidings.summary import SummaryItem, period_of, summarize

ROOT = Path(__file__).resolve().parents[1]


def test_summarize_counts_periods_quadclasses_and_dyads():
    items = [
        SummaryItem("2024-03-04", 1, 3.0, "RUS", "BLR"),  # a Monday
        SummaryItem("2024-03-10", 4, -10.0, "RUS", "BLR"),  # the Sunday of the same ISO week
        SummaryItem("2024-03-11", 2, 7.0, "BLR", "RUS"),
        SummaryItem(None, 3, -4.0, "UKR", "RUS"),  # undated: counted, not in the timeline
        SummaryItem("2024-04-01", 3, -2.0, "UKR", None),  # no target: not a dyad
    ]
    weekly = summarize(items, bucket="week")
    assert weekly.total == 5 and weekly.undated == 1
    assert [(r["period"], r["q1"], r["q2"], r["q3"], r["q4"], r["total"]) for r in weekly.timeline] == [
        ("2024-03-04", 1, 0, 0, 1, 2), ("2024-03-11", 0, 1, 0, 0, 1), ("2024-04-01", 0, 0, 1, 0, 1)]
    assert weekly.timeline[0]["goldstein"] == -3.5
    assert weekly.dyads[0] == {"source": "RUS", "target": "BLR", "count": 2, "goldstein": -3.5, "cooperation": 1,
                               "conflict": 1}
    assert [(d["source"], d["target"]) for d in weekly.dyads] == [("RUS", "BLR"), ("BLR", "RUS"), ("UKR", "RUS")]
    assert [r["period"] for r in summarize(items, bucket="month").timeline] == ["2024-03", "2024-04"]
    assert len(summarize(items, top=1).dyads) == 1
    assert period_of("2024-01-01", "year") == "2024" and period_of("2024-01-07", "week") == "2024-01-01"
    with pytest.raises(UsageError):
        summarize(items, bucket="fortnight")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from tidings.cli import main

    folder = tmp_path_factory.mktemp("summary")
    db = f"sqlite:///{folder / 's.db'}"
    main(["ingest", str(ROOT / "examples"), "--db", db, "-q"])
    return db


def _jsonl(res) -> list[dict]:
    assert res.returncode == 0, res.stderr.decode()
    return [json.loads(x) for x in res.stdout.decode().splitlines() if x.strip()]


def test_summary_counts_what_events_and_mentions_list(store, run_cli):
    events = _jsonl(run_cli("events", "--db", store, "--format", "jsonl"))
    rows = _jsonl(run_cli("summary", "--db", store, "--format", "jsonl", "--by", "year", "--top", "1000"))
    timeline = [r for r in rows if r["section"] == "timeline"]
    dated = [e for e in events if e["date"]]
    assert sum(r["total"] for r in timeline) == len(dated) > 20
    for r in timeline:
        year = [e for e in dated if e["date"][:4] == r["period"]]
        assert r["total"] == len(year)
        assert [r[f"q{q}"] for q in (1, 2, 3, 4)] == [sum(e["quad_class"] == q for e in year) for q in (1, 2, 3, 4)]
        assert r["goldstein"] == round(sum(e["goldstein"] for e in year) / len(year), 2)
    # a dyad needs both actors known by a country or a code (an unresolved name is not a party)
    pairs = [e for e in events if all(a and (a["country"] or a["code"]) for a in (e["source"], e["target"]))]
    assert sum(r["count"] for r in rows if r["section"] == "dyad") == len(pairs)
    mentions = _jsonl(run_cli("mentions", "--db", store, "--format", "jsonl"))
    by_mention = _jsonl(run_cli("summary", "--db", store, "--format", "jsonl", "--count", "mentions", "--by", "year"))
    assert sum(r["total"] for r in by_mention if r["section"] == "timeline") == sum(1 for m in mentions if m["date"])


def test_dyad_and_actor_series(store, run_cli):
    events = _jsonl(run_cli("events", "--db", store, "--format", "jsonl"))

    def country(actor):
        return actor and (actor["country"] or actor["code"])

    dyad = _jsonl(run_cli("summary", "--db", store, "--dyad", "RUS:BLR", "--format", "jsonl", "--by", "day"))
    expected = [e for e in events if country(e["source"]) == "RUS" and country(e["target"]) == "BLR"]
    assert sum(r["total"] for r in dyad if r["section"] == "timeline") == len(expected) > 0
    assert {(r["source"], r["target"]) for r in dyad if r["section"] == "dyad"} == {("RUS", "BLR")}
    actor = _jsonl(run_cli("summary", "--db", store, "--actor", "Belarus", "--format", "jsonl", "--by", "day"))
    either = [e for e in events if "BLR" in (country(e["source"]), country(e["target"]))]
    assert sum(r["total"] for r in actor if r["section"] == "timeline") == len(either) > len(expected)
    table = run_cli("summary", "--db", store, "--dyad", "RUS:BLR", env={"COLUMNS": "80"})
    text = table.stdout.decode()
    assert table.returncode == 0 and "RUS→BLR" in text and max(len(x) for x in text.splitlines()) <= 80
    rows = list(csv.DictReader(io.StringIO(run_cli("summary", "--db", store, "--format", "csv").stdout.decode())))
    assert {r["section"] for r in rows} == {"timeline", "dyad"}


def test_plot_writes_png_and_svg(store, run_cli, tmp_path):
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    assert run_cli("summary", "--db", store, "--plot", str(png), "--by", "month").returncode == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert run_cli("summary", "--db", store, "--plot", str(svg), "--actor", "RUS", "--format", "csv").returncode == 0
    assert b"<svg" in svg.read_bytes()[:400]


@pytest.mark.parametrize(("args", "reason"), [
    (["--dyad", "RUS"], "invalid --dyad"),
    (["--dyad", "RUS:BLR", "--source", "RUS"], "--dyad sets the source and the target"),
    (["--actor", "RUS", "--target", "BLR"], "--actor is either side"),
    (["--by", "fortnight"], "fortnight"),
    (["--plot", "out.pdf"], "use a .png or .svg"),
    (["--plot", "missing/out.png"], "does not exist"),
    (["--count", "mentions", "--min-sources", "2"], "--min-sources"),
    (["--since", "2030-01-01", "--plot", "empty.png"], "nothing to plot"),
])
def test_summary_usage_errors(store, run_cli, args, reason):
    res = run_cli("summary", "--db", store, *args)
    assert res.returncode == 2 and reason in res.stderr.decode(), res.stderr.decode()
    assert len(res.stderr.decode().strip().splitlines()) == 1
