"""The benchmark runs on a tiny corpus and ends with the summary line (timings are never asserted)."""

import json
import re
import subprocess
import sys

from tidings.bench.corpus import generate
from tidings.store.pgserver import TemporaryPostgres

from .conftest import NO_POSTGRES, need_service

LAST_LINE = re.compile(
    r"^bench: [\d.]+ docs/s end-to-end, [\d.]+ docs/s bare spaCy, ratio [\d.]+, ingest [\d.]+ docs/s, "
    r"(?P<pg>PostgreSQL ingest [\d.]+ docs/s \([\d.]+x SQLite\), )?peak RSS \d+ MB$")


def test_corpus_is_reproducible_and_varied():
    a = list(generate(50, seed=3))
    assert a == list(generate(50, seed=3))
    assert a != list(generate(50, seed=4))
    assert len({d["text"] for d in a}) == 50
    words = sum(len(d["text"].split()) for d in a) / len(a)
    assert 350 <= words <= 650


def test_bench_prints_summary_line(tmp_path):
    out = tmp_path / "r.json"
    res = subprocess.run([sys.executable, "-m", "tidings.bench", "--docs", "6", "--big", "0", "--reps", "1",
                          "--processes", "1", "--no-spark", "--output", str(out), "--stories", "300", "600"],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    last = LAST_LINE.match(res.stdout.strip().splitlines()[-1])
    assert last, res.stdout
    data = json.loads(out.read_text())
    modes = {r["mode"] for r in data["rows"]}
    warc = next(r for r in data["rows"] if r["mode"] == "warc")
    ingest = next(r for r in data["rows"] if r["mode"] == "ingest")
    assert warc["stored"] == ingest["stored"] == 6 and warc["failed"] == 0
    assert data["summary"]["ratio_warc_vs_jsonl_ingest"] > 0
    parse = next(r for r in data["rows"] if r["mode"] == "parse")
    assert parse["docs"] == 6 and parse["events"] == 0 and data["summary"]["ratio_end_to_end_vs_parse"] > 0
    assert "slower than its own spaCy parse" in res.stdout
    stories = data["stories"]
    assert [r["store_mentions"] >= n for r, n in zip(stories["incremental"], (300, 600), strict=True)] == [True, True]
    assert stories["batch"]["mentions"] >= 600 and 0 < stories["batch"]["events"] < stories["batch"]["mentions"]
    assert "mentions clustered in" in res.stdout
    # PostgreSQL ingest is measured wherever a server can be started (always in CI)
    need_service(TemporaryPostgres.available(), NO_POSTGRES)
    assert modes == {"bare", "parse", "code", "ingest", "warc", "ingest-postgresql"} and last["pg"]
    (pg_row,) = [r for r in data["rows"] if r["mode"] == "ingest-postgresql"]
    assert pg_row["docs"] == ingest["docs"] == 6 and pg_row["events"] == ingest["events"] > 0
    assert set(data["summary"]["ratio_postgresql_vs_sqlite_ingest"]) == {"1"}


def test_synthetic_mentions_are_reproducible_and_cluster():
    from tidings.bench.stories import generate
    from tidings.stories import DocInfo, cluster_events

    a = list(generate(400, seed=2))
    assert [d.text for d, _ in a] == [d.text for d, _ in generate(400, seed=2)]
    items = [(e, DocInfo(d.content_hash, d.doc_id, d.published, d.source, d.source)) for d, evs in a for e in evs]
    assert len(items) >= 400
    _, events = cluster_events(items)
    assert len(events) < len(items) and max(e.num_sources for e in events) > 1
