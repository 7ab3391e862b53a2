"""End to end through the command line: the reference article (examples/union_state_talks.txt) and
its sequel (eval/commitments/corpus.jsonl, story union_state_sequel) ingested from scratch, then
``tidings commitments`` and ``tidings export --commitments`` as of several dates. The expected
statuses are the annotator's (eval/gold/commitments.jsonl, C01-C04)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEQUEL = ("cmt-001", "cmt-002", "cmt-003", "cmt-004", "cmt-005")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A database with the reference article and its five sequel articles, ingested by the CLI."""
    from tidings.cli import main

    folder = tmp_path_factory.mktemp("sequel")
    articles = [json.loads(x) for x in (ROOT / "eval" / "commitments" / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    sequel = folder / "sequel.jsonl"
    sequel.write_text("".join(json.dumps(a) + "\n" for a in articles if a["id"] in SEQUEL), encoding="utf-8")
    db = f"sqlite:///{folder / 'c.db'}"
    main(["ingest", str(ROOT / "examples" / "union_state_talks.txt"), str(sequel), "--date", "2021-09-10", "--db", db])
    return db  # (main exits only on failure)


def _commitments(run_cli, db, *args):
    res = run_cli("commitments", "--db", db, "--format", "jsonl", *args)
    assert res.returncode == 0, res.stderr.decode()
    return [json.loads(x) for x in res.stdout.decode().splitlines() if x.strip()]


def _by_promise(items):
    return {(c["promiser"]["code"], c["cameo"], c["beneficiary"]["code"]): c for c in items}


def test_reference_promises_with_their_statuses_on_two_dates(store, run_cli):
    autumn = _by_promise(_commitments(run_cli, store, "--as-of", "2021-10-01"))
    loan, gas, texts = autumn[("RUS", "0331", "BLR")], autumn[("RUS", "0311", "BLR")], autumn[("RUS", "030", "BLR")]
    assert loan["amount"]["value"] == 630_000_000 and loan["amount"]["unit"] == "USD" and loan["deadline"] == "2022-12-31"
    assert loan["first_stated"] == "2021-09-09"  # "Putin said on Thursday", published on Friday
    assert (loan["status"], gas["status"], texts["status"]) == ("open", "open", "open")
    assert texts["deadline"] == "2021-12-31"
    assert {e["doc_id"] for e in loan["evidence"]} == {"union_state_talks"}  # nothing published later counts yet

    winter = _by_promise(_commitments(run_cli, store, "--as-of", "2022-01-20"))
    loan, texts = winter[("RUS", "0331", "BLR")], winter[("RUS", "030", "BLR")]
    assert loan["status"] == "partly fulfilled" and loan["delivered"] == 300_000_000
    partial = [e for e in loan["evidence"] if e["role"] == "partial"]
    assert [e["doc_id"] for e in partial] == ["cmt-002"] and "$300 million" in partial[0]["sentence"]
    assert any(e["role"] == "restatement" and e["doc_id"] == "cmt-001" for e in loan["evidence"])
    assert texts["status"] == "lapsed" and texts["evidence"][-1]["role"] == "lapse"
    # "Officials from Russia and Belarus have until the end of December": Belarus promised it too, in
    # the same story as Russia's promise but a commitment of its own (C04)
    back = winter[("BLR", "030", "RUS")]
    assert back["status"] == "lapsed" and back["deadline"] == "2021-12-31"


def test_later_deliveries_fulfil_the_promises(store, run_cli):
    by = {d: _by_promise(_commitments(run_cli, store, "--as-of", d)) for d in ("2022-02-20", "2022-10-20", "2022-12-10", "2023-01-25")}
    assert by["2022-02-20"][("RUS", "030", "BLR")]["status"] == "fulfilled"  # signed after the deadline
    assert by["2022-10-20"][("RUS", "0331", "BLR")]["status"] == "fulfilled"
    assert by["2022-12-10"][("RUS", "0311", "BLR")]["status"] == "due"  # gas price held until the end of 2022
    gas = by["2023-01-25"][("RUS", "0311", "BLR")]
    assert gas["status"] == "fulfilled" and gas["evidence"][-1]["doc_id"] == "cmt-005"


def test_filters_table_and_csv(store, run_cli):
    partly = _commitments(run_cli, store, "--as-of", "2022-01-20", "--status", "partly-fulfilled")
    assert [c["cameo"] for c in partly] == ["0331"]
    assert _commitments(run_cli, store, "--as-of", "2022-01-20", "--actor", "USA") == []
    # the loan, the gas price, and the agreements to finalise in each direction (C01-C04)
    assert len(_commitments(run_cli, store, "--as-of", "2022-01-20", "--actor", "BLR")) == 4
    table = run_cli("commitments", "--db", store, "--as-of", "2022-01-20")
    assert table.returncode == 0
    text = table.stdout.decode()
    assert "partly fulfilled" in text and "cmt-002#0" in text and "4 commitments" in text
    rows = list(csv.DictReader(io.StringIO(run_cli("commitments", "--db", store, "--as-of", "2022-01-20", "--format", "csv").stdout.decode())))
    assert {r["status"] for r in rows} == {"open", "partly fulfilled", "lapsed"}
    assert all(json.loads(r["evidence"])[0]["role"] == "statement" for r in rows)


def test_bad_options_are_usage_errors(store, run_cli):
    assert run_cli("commitments", "--db", store, "--status", "kept").returncode == 2
    assert run_cli("commitments", "--db", store, "--as-of", "next week").returncode == 2
    assert run_cli("export", "--db", store, "--commitments", "--format", "gdelt", "-o", "x.tsv").returncode == 2


def test_export_writes_the_same_records(store, run_cli, tmp_path):
    out = tmp_path / "c.jsonl"
    res = run_cli("export", "--db", store, "--commitments", "--as-of", "2022-01-20", "--format", "jsonl", "-o", str(out))
    assert res.returncode == 0, res.stderr.decode()
    exported = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert exported == _commitments(run_cli, store, "--as-of", "2022-01-20")
