"""The benchmark runs on a tiny corpus and ends with the summary line (timings are never asserted)."""

import json
import re
import subprocess
import sys

from tidings.bench.corpus import generate

LAST_LINE = re.compile(
    r"^bench: [\d.]+ docs/s end-to-end, [\d.]+ docs/s bare spaCy, ratio [\d.]+, ingest [\d.]+ docs/s, peak RSS \d+ MB$")


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
                          "--processes", "1", "--no-spark", "--output", str(out)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert LAST_LINE.match(res.stdout.strip().splitlines()[-1]), res.stdout
    data = json.loads(out.read_text())
    assert {r["mode"] for r in data["rows"]} == {"bare", "code", "ingest", "warc"}
    warc = next(r for r in data["rows"] if r["mode"] == "warc")
    ingest = next(r for r in data["rows"] if r["mode"] == "ingest")
    assert warc["stored"] == ingest["stored"] == 6 and warc["failed"] == 0
    assert data["summary"]["ratio_warc_vs_jsonl_ingest"] > 0
