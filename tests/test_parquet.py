"""The Parquet record contract: typed columns (dates as dates, nested actors, quantities, location,
trigger), shared by ``tidings export --format parquet`` and ``tidings spark``; and the pieces a
Spark job cuts its input into, and the executor side of it (no Spark needed here)."""

from __future__ import annotations

import io
import json
from datetime import date as Date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tidings.config import Settings
from tidings.ingest import Selection, read_inputs, read_jsonl
from tidings.parquet import document_row, event_from_row, failure_row, mention_row, mention_schema
from tidings.records import ACTOR_FIELDS, EVENT_FIELDS, LOCATION_FIELDS, Document, Failure, Quantity
from tidings.spark import code_partition, plan_pieces

ARTICLE = """MINSK (Reuters) - Russia and Belarus signed a set of trade accords on Thursday. Belarus did not sign the proposed currency pact, however.

Speaking in Moscow, the Kremlin said Russia would lend Belarus $630 million more by the end of 2022.

Washington and Brussels have both put sanctions on Belarus for its treatment of the opposition.
"""


def test_mention_schema_is_the_event_record_typed():
    schema = mention_schema()
    assert schema.names == list(EVENT_FIELDS)
    assert schema.field("date").type == pa.date32() and schema.field("deadline").type == pa.date32()
    for role in ("source", "target", "reported_by"):
        assert pa.types.is_struct(schema.field(role).type)
        assert [f.name for f in schema.field(role).type] == list(ACTOR_FIELDS)
    assert [f.name for f in schema.field("trigger").type] == ["text", "start", "end"]
    location = schema.field("location").type
    assert [f.name for f in location] == list(LOCATION_FIELDS)
    assert location.field("lat").type == pa.float64() and location.field("geonames_id").type == pa.int64()
    quantities = schema.field("quantities").type
    assert pa.types.is_list(quantities) and pa.types.is_struct(quantities.value_type)
    assert [f.name for f in quantities.value_type] == list(Quantity("money", 1.0, "USD", "$1").to_dict())
    assert quantities.value_type.field("value").type == pa.float64()
    assert schema.field("trace").type.value_type == pa.string()
    assert schema.field("negated").type == pa.bool_() and schema.field("goldstein").type == pa.float64()


def test_export_parquet_keeps_types_and_round_trips(tmp_path, run_cli):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "union.txt").write_text(ARTICLE, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 't.db'}"
    assert run_cli("ingest", "in", "--db", db, "--date", "2021-09-10").returncode == 0
    done = run_cli("export", "--format", "parquet", "-o", "out.parquet", "--db", db, "--include-negated")
    assert done.returncode == 0, done.stderr
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.remove_metadata() == mention_schema()
    rows = table.to_pylist()
    assert rows and all(isinstance(r["date"], Date) for r in rows)
    loan = next(r for r in rows if r["quantities"])
    assert loan["quantities"][0]["kind"] == "money" and loan["quantities"][0]["value"] == 630_000_000.0
    assert loan["source"]["code"].startswith("RUS") and loan["deadline"] == Date(2022, 12, 31)
    assert isinstance(loan["trace"], list) and loan["trigger"]["start"] >= 0
    exported = run_cli("export", "--format", "jsonl", "-o", "out.jsonl", "--db", db, "--include-negated")
    assert exported.returncode == 0
    as_json = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [event_from_row(r).to_dict() for r in rows] == as_json


def test_empty_export_has_the_typed_schema(tmp_path, run_cli):
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "calm.txt").write_text("The weather was mild and nothing happened in the town at all today.\n")
    run_cli("ingest", "in", "--db", db)
    assert run_cli("export", "--format", "parquet", "-o", "e.parquet", "--db", db).returncode == 0
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 0 and table.schema.remove_metadata() == mention_schema()


def _corpus_lines(n: int) -> list[bytes]:
    lines = []
    for i in range(n):
        if i == 7:
            lines.append(b"{not json\n")
        else:
            record = {"id": f"d{i}", "date": "2021-09-10", "text": f"Russia imposed sanctions on Belarus, case {i}."}
            lines.append((json.dumps(record) + "\n").encode())
    return lines


def test_plan_cuts_json_lines_at_line_ends_and_numbers_them(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = _corpus_lines(30)
    path.write_bytes(b"".join(lines))
    (tmp_path / "page.txt").write_text(ARTICLE)
    pieces = plan_pieces([str(tmp_path)], slices=4, min_bytes=1)
    jsonl = [p for p in pieces if p.name.endswith(".jsonl")]
    assert 3 <= len(jsonl) <= 5 and [p.name for p in pieces if p.whole] == [str(tmp_path / "page.txt")]
    assert jsonl[0].start == 0 and jsonl[-1].end == path.stat().st_size
    data = path.read_bytes()
    for a, b in zip(jsonl, jsonl[1:], strict=False):
        assert a.end == b.start and data[a.end - 1:a.end] == b"\n"
        assert b.first_line == data[:b.start].count(b"\n") + 1
    settings = Settings()
    whole = list(read_inputs([str(path)], settings=settings))
    cut = [item for p in jsonl
           for item in read_jsonl(io.BytesIO(data[p.start:p.end]), p.name, settings=settings, first_line=p.first_line)]
    assert [(type(i).__name__, i.origin, getattr(i, "reason", "")) for i in cut] == \
           [(type(i).__name__, i.origin, getattr(i, "reason", "")) for i in whole]
    assert any(isinstance(i, Failure) and i.origin.endswith(":8") and "line 8" in i.reason for i in cut)


def test_plan_refuses_standard_input():
    from tidings.errors import UsageError

    with pytest.raises(UsageError, match="standard input"):
        plan_pieces(["-"], slices=2)


def test_partition_loads_the_pipeline_once_per_process_not_per_document(tmp_path, monkeypatch, nlp):
    from tidings.spark import worker

    loads = []

    def counting(settings):
        loads.append(settings)
        return nlp

    monkeypatch.setattr(worker, "load_pipeline", counting)
    monkeypatch.setattr(worker, "_PIPELINES", {})
    path = tmp_path / "news.jsonl"
    path.write_bytes(b"".join(_corpus_lines(12)))
    pieces = plan_pieces([str(path)], slices=3, min_bytes=1)
    first = list(code_partition(pieces[:2], settings=Settings()))
    second = list(code_partition(pieces[2:], settings=Settings()))
    assert len(loads) == 1
    stats = [row for kind, row in first + second if kind == "stats"]
    assert [s["pipelines_loaded"] for s in stats] == [1, 0]
    docs = [row for kind, row in first + second if kind == "documents"]
    assert sum(r["status"] == "coded" for r in docs) == 11 and sum(r["status"] == "failed" for r in docs) == 1
    mentions = [row for kind, row in first + second if kind == "mentions"]
    assert sum(s["events"] for s in stats) == len(mentions) >= 11
    by_doc = {r["doc_id"]: r["mentions"] for r in docs if r["status"] == "coded"}
    assert sorted(m["mention_id"] for m in mentions) == sorted(e for ids in by_doc.values() for e in ids)


def test_partition_applies_the_selection_and_counts_what_it_skips(tmp_path, nlp):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "date": f"2021-09-{10 + i}", "text": ARTICLE}) + "\n"
                            for i in range(4)))
    pieces = plan_pieces([str(path)], slices=2, min_bytes=1)
    rows = list(code_partition(pieces, settings=Settings(), select=Selection(since="2021-09-12")))
    docs = [r for kind, r in rows if kind == "documents"]
    assert sorted(r["doc_id"] for r in docs) == ["d2", "d3"]
    assert rows[-1][1]["skipped"] == {"before --since": 2}


def test_rows_of_documents_and_failures_fit_the_document_schema():
    from tidings.parquet import document_schema

    doc = Document(doc_id="a", text="Text.", origin="a.txt", published="2021-09-10", headings=((0, 5),), credits=("x",))
    table = pa.Table.from_pylist([document_row(doc, [], "coder-1"),
                                  failure_row(Failure("b.txt", "no text left after cleaning", "empty", "h"))],
                                 schema=document_schema())
    rows = table.to_pylist()
    assert rows[0]["published"] == Date(2021, 9, 10) and rows[0]["headings"] == [{"start": 0, "end": 5}]
    assert rows[1]["status"] == "failed" and rows[1]["error_code"] == "empty" and rows[1]["published"] is None


def test_mention_row_and_back_is_the_same_event(code):
    events = code("Russia will lend Belarus $630 million by June 30, 2022, officials said in Minsk.", "2021-09-10")
    assert events
    for ev in events:
        row = mention_row(ev)
        table = pa.Table.from_pylist([row], schema=mention_schema())
        assert event_from_row(table.to_pylist()[0]).to_dict() == ev.to_dict()
