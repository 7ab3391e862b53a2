"""``tidings spark`` on a real local[2] Spark: the same events (same ids) as ``tidings code``, the
pipeline loaded once per executor process, Parquet partitioned by day in the export's typed
schema, failures with their reasons, and ``tidings ingest --from-parquet`` equal to ``tidings ingest``.

These need PySpark (``make install-extras``) and Java 17: skipped on a laptop without them, failed
in CI (``.ci/run`` installs both)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from datetime import date as Date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import ROOT, need_service
from tidings.parquet import DOCUMENTS, MENTIONS, event_from_row, mention_schema, read_dataset

pytestmark = pytest.mark.slow


def _available() -> tuple[bool, str]:
    if importlib.util.find_spec("pyspark") is None:
        return False, "pyspark is not installed (make install-extras)"
    from tidings.spark.job import _java

    if _java() is None:
        return False, "Java is not installed (openjdk-17-jre-headless)"
    return True, ""


@pytest.fixture(scope="module")
def spark():
    ok, why = _available()
    need_service(ok, why)
    from tidings.spark import spark_session

    # the JVM of a short test session: the quick JIT compiler and one GC thread spend half the CPU time
    # of the defaults (C2, parallel GC), which the other tests running beside it on two cores get back
    session = spark_session("local[2]", {"spark.ui.enabled": "false", "spark.driver.memory": "1g",
                                         "spark.sql.shuffle.partitions": "4",
                                         "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"})
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Generated articles in JSON lines (with a broken line and a record without text), the same
    kind as HTML pages in a WARC.gz, and the example folder (txt, html, jsonl)."""
    from tidings.bench.corpus import generate
    from tidings.bench.warc import write_warc

    root = tmp_path_factory.mktemp("corpus")
    docs = list(generate(22, seed=11))
    lines = [json.dumps(d) for d in docs[:18]]
    lines.insert(5, "{broken")
    lines.insert(9, json.dumps({"id": "no-text", "date": "2021-09-10"}))
    (root / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_warc(docs[18:], root / "pages.warc.gz")
    shutil.copytree(ROOT / "examples", root / "examples")
    # its text is also a record of articles.jsonl: which copy a store keeps is not this test's subject
    (root / "examples" / "union_state_talks.txt").unlink()
    return root


@pytest.fixture(scope="module")
def output(spark, corpus, tmp_path_factory):
    from tidings.spark import run_spark

    out = tmp_path_factory.mktemp("spark") / "out"
    report = run_spark([str(corpus)], str(out), spark=spark, partitions=6)
    return out, report


def _canonical(events: list[dict]) -> list[str]:
    return sorted(json.dumps(e, sort_keys=True) for e in events)


def test_spark_gives_the_same_events_and_failures_as_tidings_code(output, corpus, run_cli):
    out, report = output
    done = run_cli("code", str(corpus), "--format", "jsonl", "--include-negated", "--include-hypothetical")
    assert done.returncode == 1  # the broken line and the record without text
    coded = [json.loads(line) for line in done.stdout.decode().splitlines()]
    spark = [event_from_row(r).to_dict() for r in read_dataset(out, MENTIONS).to_pylist()]
    assert len(coded) > 40
    # Spark writes mentions; their events (event_id) are clustered in the store they are loaded
    # into (the next test compares those), while 'tidings code' clusters its output in memory
    assert all(e["event_id"] is None for e in spark) and all(e["event_id"] for e in coded)
    assert _canonical([{**e, "event_id": None} for e in spark]) == _canonical([{**e, "event_id": None} for e in coded])
    failed = sorted(line.removeprefix("failed: ") for line in done.stderr.decode().splitlines() if line.startswith("failed: "))
    documents = read_dataset(out, DOCUMENTS).to_pylist()
    assert sorted(f"{r['origin']}: {r['error']}" for r in documents if r["status"] == "failed") == failed
    assert report.failed == len(failed) == 2 and report.events == len(coded)
    assert report.documents == sum(r["status"] == "coded" for r in documents) == 18 + 4 + 6


def test_spark_loads_the_pipeline_once_per_executor_process(output):
    _out, report = output
    assert report.pieces >= 6
    assert 1 <= report.workers <= 2  # local[2]: two Python workers, reused from task to task
    assert report.pipelines_loaded == report.workers < report.pieces


def test_spark_output_is_partitioned_by_day_in_the_export_schema(output):
    out, _report = output
    expected = mention_schema()
    days = sorted((out / MENTIONS).glob("date=*"))
    assert len(days) >= 5
    rows = 0
    for day in days:
        for part in day.glob("*.parquet"):
            physical = pq.read_schema(part).remove_metadata()
            assert physical == expected.remove(expected.get_field_index("date"))
            table = pq.read_table(part)
            rows += table.num_rows
    mentions = read_dataset(out, MENTIONS)
    assert rows == mentions.num_rows and mentions.schema == expected
    for row in mentions.select(["date", "mention_id"]).to_pylist():
        folder = "__HIVE_DEFAULT_PARTITION__" if row["date"] is None else row["date"].isoformat()
        assert isinstance(row["date"], (Date, type(None)))
        assert any((out / MENTIONS / f"date={folder}").glob("*.parquet"))
    published = {p.name for p in (out / DOCUMENTS).glob("published=*")}
    assert "published=__HIVE_DEFAULT_PARTITION__" in published  # the failures have no date
    assert any(name.startswith("published=20") for name in published)


def test_ingest_from_parquet_stores_what_tidings_ingest_stores(output, corpus, run_cli, tmp_path):
    from tidings.store import EventQuery, Store

    out, _report = output
    a, b = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    loaded = run_cli("ingest", "--from-parquet", str(out), "--db", a)
    assert loaded.returncode == 1 and b"2 failed" in loaded.stdout  # the failures are stored with their reasons
    assert run_cli("ingest", str(corpus), "--db", b).returncode == 1
    query = EventQuery(include_negated=True, include_hypothetical=True)
    sa, sb = Store(a), Store(b)
    assert _canonical([e.to_dict() for e in sa.events(query)]) == _canonical([e.to_dict() for e in sb.events(query)])

    def docs(store):
        return sorted((d["doc_id"], d["status"], d["error"], d["published"], d["events"]) for d in store.documents())

    assert docs(sa) == docs(sb)
    again = run_cli("ingest", "--from-parquet", str(out), "--db", b)
    assert b"0 new" in again.stdout and Store(b).counts() == sb.counts()


def test_cli_spark_reports_and_refuses_to_overwrite(spark, corpus, run_cli, tmp_path):
    out = tmp_path / "cli-out"
    done = run_cli("spark", str(corpus / "examples"), "--output", str(out), "--master", "local[2]")
    assert done.returncode == 0, done.stderr
    assert b"documents: 6 coded, 0 failed" in done.stdout and (out / MENTIONS).is_dir()
    again = run_cli("spark", str(corpus / "examples"), "--output", str(out))
    assert again.returncode == 2 and b"--overwrite" in again.stderr and b"Traceback" not in again.stderr
    listed = tmp_path / "inputs.txt"
    listed.write_text("# one input a line\n" + "\n".join(str(p) for p in sorted((corpus / "examples").iterdir())) + "\n")
    again = run_cli("spark", "--from-file", str(listed), "--output", str(out), "--overwrite")
    assert again.returncode == 0 and b"documents: 6 coded, 0 failed" in again.stdout
    assert spark.sparkContext._jsc is not None  # the test's session was used and left running


def test_spark_reads_a_remote_input_over_http(spark, corpus, tmp_path):
    import http.server
    import threading
    from functools import partial

    from tidings.spark import run_spark

    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(corpus))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        report = run_spark([f"{base}/pages.warc.gz", f"{base}/missing.jsonl"], str(tmp_path / "o"), spark=spark)
    finally:
        server.shutdown()
        server.server_close()
    local = run_spark([str(corpus / "pages.warc.gz")], str(tmp_path / "l"), spark=spark)
    assert report.documents == local.documents == 4
    assert [(o, r[:25]) for o, r in report.failures] == [(f"{base}/missing.jsonl", "cannot download: HTTP 404")]
    remote = read_dataset(tmp_path / "o", MENTIONS).to_pylist()
    assert _canonical([event_from_row(r).to_dict() for r in remote]) == \
           _canonical([event_from_row(r).to_dict() for r in read_dataset(tmp_path / "l", MENTIONS).to_pylist()])
    origins = {r["origin"] for r in read_dataset(tmp_path / "o", DOCUMENTS).to_pylist()}
    assert all(o.startswith(base) for o in origins)


def test_spark_needs_pyspark_and_java_or_says_so(tmp_path, run_cli, monkeypatch):
    import sys

    (tmp_path / "a.txt").write_text("Russia imposed sanctions on Belarus on Friday, officials said.")
    monkeypatch.setitem(sys.modules, "pyspark", None)  # as if the extra were not installed
    done = run_cli("spark", "a.txt", "--output", "out")
    assert done.returncode == 2 and b"tidings[spark]" in done.stderr and len(done.stderr.splitlines()) == 1
    monkeypatch.delitem(sys.modules, "pyspark")
    if importlib.util.find_spec("pyspark") is None:
        return
    done = run_cli("spark", "a.txt", "--output", "out", env={"PATH": str(tmp_path), "JAVA_HOME": ""})
    assert done.returncode == 2 and b"Java" in done.stderr and len(done.stderr.splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_from_parquet_refuses_a_folder_that_is_not_a_spark_output(tmp_path, run_cli):
    (tmp_path / "nothing").mkdir()
    done = run_cli("ingest", "--from-parquet", "nothing", "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert done.returncode == 2 and b"not a tidings spark output" in done.stderr
