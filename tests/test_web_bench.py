"""The web view's benchmark runs on a tiny generated store and ends with its summary line (timings
are never asserted: ``make bench`` measures them)."""

import json
import re
import subprocess
import sys

from tidings.bench.web import LIST_URLS, generate_store, p95
from tidings.store import EventQuery, Store

LAST_LINE = re.compile(r"^bench web: 400 mentions, list and filter pages p95 [\d.]+ ms, p50 [\d.]+ ms over \d+ requests$")


def test_generated_store_is_a_real_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'g.db'}"
    generate_store(url, 200)
    store = Store(url, read_only=True)
    assert store.counts() == {"coded": 50, "failed": 0, "mentions": 200}
    events = store.events(EventQuery(include_negated=True, include_hypothetical=True))
    assert len(events) == 200 and len({e.source.country for e in events}) > 10
    text = store.documents()[0]
    assert text["events"] == 4
    doc = next(store.stored_documents())
    first = next(e for e in events if e.doc_id == doc.doc_id)
    assert doc.text[first.trigger.start:first.trigger.end] == first.trigger.text


def test_bench_measures_every_list_url_and_prints_the_summary(tmp_path):
    out = tmp_path / "web.json"
    res = subprocess.run([sys.executable, "-m", "tidings.bench.web", "--mentions", "400", "--reps", "2", "--output",
                          str(out)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert LAST_LINE.match(res.stdout.strip().splitlines()[-1]), res.stdout
    data = json.loads(out.read_text())
    assert set(data["lists"]) == set(LIST_URLS) and all(len(v) == 2 for v in data["lists"].values())
    assert data["summary"]["requests"] == 2 * len(LIST_URLS)


def test_p95_is_the_95th_percentile():
    assert p95(list(range(1, 101))) == 95
    assert p95([5.0]) == 5.0
