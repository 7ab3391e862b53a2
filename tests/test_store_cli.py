"""The store and the command line: idempotent ingest, recode, queries, exports, exit codes, offline."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import pytest

from tidings.export import GDELT_COLUMNS
from tidings.records import EVENT_FIELDS

from .conftest import query

ARTICLE = """MINSK (Reuters) - Russia and Belarus signed a set of trade accords on Thursday. Belarus did not sign the proposed currency pact, however.

Speaking in Moscow, the Kremlin said Russia would lend Belarus $630 million more by the end of 2022.

Washington and Brussels have both put sanctions on Belarus for its treatment of the opposition.

Last week Poland imposed emergency rule along its border with Belarus.
Reporting by Jane Doe; Editing by Tom Roe
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "in" / "union.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_ingest_twice_is_a_noop_and_recode_replaces(article, db_url, backend, run_cli):
    first = run_cli("ingest", str(article.parent), "--db", db_url, "--date", "2021-09-10")
    assert first.returncode == 0, first.stderr.decode()
    assert b"1 new, 0 unchanged, 0 failed" in first.stdout
    ((n_events,),) = query(db_url, "select count(*) from mentions")
    ids = sorted(r[0] for r in query(db_url, "select mention_id from mentions"))
    assert n_events > 0
    # $TIDINGS_DB names the store when --db is not given
    second = run_cli("ingest", str(article.parent), "--date", "2021-09-10", env={"TIDINGS_DB": db_url})
    assert b"0 new, 1 unchanged, 0 failed" in second.stdout, second.stderr.decode()
    assert query(db_url, "select count(*) from mentions") == [(n_events,)]
    recoded = run_cli("ingest", "--recode", "--db", db_url)
    assert recoded.returncode == 0 and b"1 recoded" in recoded.stdout
    assert sorted(r[0] for r in query(db_url, "select mention_id from mentions")) == ids  # stable ids
    assert query(db_url, "select count(*) from documents") == [(1,)]
    if backend == "sqlite":
        assert query(db_url, "pragma journal_mode") == [("wal",)]


def test_events_query_filters_and_negation(article, db_url, run_cli):
    db = db_url
    run_cli("ingest", str(article), "--db", db, "--date", "2021-09-10")
    all_events = [json.loads(x) for x in run_cli("events", "--db", db, "--format", "jsonl", "--include-negated").stdout.decode().splitlines()]
    default = [json.loads(x) for x in run_cli("events", "--db", db, "--format", "jsonl").stdout.decode().splitlines()]
    assert any(e["negated"] for e in all_events)
    assert not any(e["negated"] for e in default)
    assert len(default) == len([e for e in all_events if not e["negated"]])
    usa = [json.loads(x) for x in run_cli("events", "--db", db, "--format", "jsonl", "--source", "USA").stdout.decode().splitlines()]
    assert usa and all(e["source"]["code"].startswith("USA") or e["source"]["country"] == "USA" for e in usa)
    root16 = [json.loads(x) for x in run_cli("events", "--db", db, "--format", "jsonl", "--root", "16").stdout.decode().splitlines()]
    assert root16 and all(e["cameo_root"] == "16" for e in root16)
    since = [json.loads(x) for x in run_cli("events", "--db", db, "--format", "jsonl", "--since", "2021-09-09").stdout.decode().splitlines()]
    assert all(e["date"] >= "2021-09-09" for e in since) and len(since) < len(default)


def test_event_records_follow_the_public_contract(article, run_cli):
    result = run_cli("code", str(article), "--date", "2021-09-10", "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    text = article.read_text(encoding="utf-8")
    events = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert events
    from tidings.clean import clean_text

    cleaned = clean_text(text).text
    for e in events:
        assert tuple(e) == EVENT_FIELDS
        assert cleaned[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
        assert e["trigger"]["text"] in e["sentence"]
        assert e["cameo"].startswith(e["cameo_root"]) and e["quad_class"] in (1, 2, 3, 4)
        assert e["modality"] in ("asserted", "intended", "hypothetical")
        assert e["coder"].startswith("tidings-") and e["rule"]
        assert 0 <= e["confidence"] <= 1
        for role in ("source", "target"):
            if e[role] is not None:
                assert set(e[role]) == {"text", "code", "country", "sector", "name", "kind"}
                assert e[role]["kind"] in ("state", "person", "organization", "group")
        assert "Reporting by" not in e["sentence"] and "Reuters" not in e["sentence"]


def test_export_formats(article, tmp_path, db_url, run_cli):
    db = db_url
    run_cli("ingest", str(article), "--db", db, "--date", "2021-09-10")
    n = len(run_cli("mentions", "--db", db, "--format", "jsonl").stdout.decode().splitlines())
    n_events = len(run_cli("events", "--db", db, "--format", "jsonl").stdout.decode().splitlines())
    assert 0 < n_events < n  # "Russia and Belarus signed": two mentions of one event
    for fmt in ("jsonl", "csv", "gdelt", "parquet"):
        out = tmp_path / f"out.{fmt}"
        res = run_cli("export", "--format", fmt, "-o", str(out), "--db", db)
        assert res.returncode == 0, res.stderr.decode()
        expected = f"wrote {n_events} events" if fmt == "gdelt" else f"wrote {n} mentions"
        assert expected.encode() in res.stdout
    rows = list(csv.reader(io.StringIO((tmp_path / "out.gdelt").read_text()), delimiter="\t"))
    assert len(rows) == n_events and all(len(r) == len(GDELT_COLUMNS) == 61 for r in rows)
    col = {c: i for i, c in enumerate(GDELT_COLUMNS)}
    for r in rows:
        assert r[col["EventRootCode"]] == r[col["EventCode"]][:2]
        assert len(r[col["SQLDATE"]]) == 8 and r[col["QuadClass"]] in "1234"
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "out.parquet").num_rows == n
    with open(tmp_path / "out.csv", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == n


def test_cli_exit_codes_and_no_traceback(tmp_path, db_url, run_cli):
    res = run_cli("events", "--since", "yesterday", "--db", db_url)
    assert res.returncode == 2 and b"invalid --since date" in res.stderr and b"Traceback" not in res.stderr
    res = run_cli("frobnicate")
    assert res.returncode == 2 and b"Traceback" not in res.stderr
    res = run_cli("ingest", str(tmp_path / "missing.txt"), "--db", db_url)
    assert res.returncode == 1 and b"no such file" in res.stderr
    res = run_cli("events", "--db", "sqlite:////nonexistent-dir/z.db")
    assert res.returncode == 2 and b"error: cannot open database" in res.stderr and b"Traceback" not in res.stderr
    res = run_cli("--debug", "events", "--db", "sqlite:////nonexistent-dir/z.db")
    assert b"Traceback" in res.stderr


def test_code_runs_with_networking_disabled(article, run_cli):
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-n", "true"], capture_output=True).returncode != 0:
        pytest.skip("unshare -n is not available here")
    res = run_cli("code", str(article), "--date", "2021-09-10", "--format", "jsonl", prefix=[unshare, "-n"])
    assert res.returncode == 0, res.stderr.decode()
    assert res.stdout.strip()


def test_pipeline_makes_no_network_calls(no_network, code):
    assert code("Germany hosted talks between Serbia and Kosovo in Berlin on Monday.")


def test_same_file_name_in_two_folders_keeps_both_documents(tmp_path, db_url, run_cli):
    first = "Japan imposed sanctions on North Korea on Friday."
    for folder, extra in (("a", "Markets were calm."), ("b", "Seoul welcomed the step.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"{first}\n\n{extra}", encoding="utf-8")
    res = run_cli("ingest", str(tmp_path / "a"), str(tmp_path / "b"), "--db", db_url, "--date", "2017-09-08")
    assert res.returncode == 0, res.stderr.decode()
    assert b"2 new, 0 unchanged, 0 failed" in res.stdout
    rows = query(db_url, "select doc_id, count(*) from mentions where cameo like '16%' group by document_id, doc_id")
    assert rows == [("report", 1), ("report", 1)]
