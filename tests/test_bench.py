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
                          "--processes", "1", "--output", str(out)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    last = LAST_LINE.match(res.stdout.strip().splitlines()[-1])
    assert last, res.stdout
    data = json.loads(out.read_text())
    modes = {r["mode"] for r in data["rows"]}
    warc = next(r for r in data["rows"] if r["mode"] == "warc")
    ingest = next(r for r in data["rows"] if r["mode"] == "ingest")
    assert warc["stored"] == ingest["stored"] == 6 and warc["failed"] == 0
    assert data["summary"]["ratio_warc_vs_jsonl_ingest"] > 0
    # PostgreSQL ingest is measured wherever a server can be started (always in CI)
    need_service(TemporaryPostgres.available(), NO_POSTGRES)
    assert modes == {"bare", "code", "ingest", "warc", "ingest-postgresql"} and last["pg"]
    (pg_row,) = [r for r in data["rows"] if r["mode"] == "ingest-postgresql"]
    assert pg_row["docs"] == ingest["docs"] == 6 and pg_row["events"] == ingest["events"] > 0
    assert set(data["summary"]["ratio_postgresql_vs_sqlite_ingest"]) == {"1"}
