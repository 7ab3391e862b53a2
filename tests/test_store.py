"""The store on SQLite and PostgreSQL: migrations, concurrent writers, and databases that cannot be used."""

from __future__ import annotations

import importlib.util
import json
import multiprocessing as mp
import os
import re
import socket
import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from tidings.errors import DatabaseUnavailable
from tidings.records import Document, Failure
from tidings.store import Store
from tidings.store.engine import open_engine

from .conftest import NO_POSTGRES, need_service, query, tidings_cmd

TEXT = ("Poland closed two border crossings with Belarus on Tuesday, and Lithuania accused Minsk of sending "
        "migrants across its frontier. The European Union said it would consider new sanctions. Russia will "
        "lend Belarus $630 million before the end of next year, the Kremlin said.")


def _coded(nlp, n: int, prefix: str = "doc") -> list:
    from tidings.pipeline import code_documents

    docs = [Document(doc_id=f"{prefix}{i}", text=f"Report {i} from the border. {TEXT}", origin=f"/in/{prefix}{i}.txt",
                     published="2021-09-10") for i in range(n)]
    return list(code_documents(docs, nlp=nlp))


def _in_processes(n: int, target) -> list:
    """Run ``target(barrier)`` in ``n`` forked processes that start together; return their results."""
    ctx = mp.get_context("fork")
    barrier, results = ctx.Barrier(n), ctx.Queue()

    def run(i: int) -> None:
        try:
            results.put((i, "ok", target(barrier)))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            results.put((i, "error", f"{exc.__class__.__name__}: {exc}"))

    procs = [ctx.Process(target=run, args=(i,)) for i in range(n)]
    for p in procs:
        p.start()
    out = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(60)
    errors = [msg for _, status, msg in out if status == "error"]
    assert not errors, errors
    return [value for _, _, value in sorted(out, key=lambda r: r[0])]


# -- migrations ---------------------------------------------------------------------------------------

def test_first_opens_of_a_new_database_at_once_migrate_it_once(db_url):
    def open_store(barrier):
        barrier.wait()
        Store(db_url).close()
        return os.getpid()

    _in_processes(4, open_store)
    from alembic.script import ScriptDirectory

    from tidings.store.db import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert query(db_url, "select version_num from alembic_version") == [(head,)]
    assert query(db_url, "select count(*) from documents") == [(0,)]


def test_migrated_schema_matches_the_table_definitions(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from tidings.store.schema import metadata

    store = Store(db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    store.close()
    assert diff == []


def test_migrations_keep_the_data_and_move_reporters_into_actor_columns(db_url):
    from alembic import command

    from tidings.store.db import alembic_config

    engine = open_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    meta = sa.MetaData()
    with engine.begin() as conn:
        docs = sa.Table("documents", meta, autoload_with=conn)
        mentions = sa.Table("mentions", meta, autoload_with=conn)
        doc_pk = conn.execute(docs.insert().values(
            content_hash="h" * 64, doc_id="d1", status="coded", text="Putin said Russia will lend Belarus money.",
            ingested_at="2021-09-10T00:00:00+00:00")).inserted_primary_key[0]
        conn.execute(mentions.insert(), [{
            "event_id": f"e{i}", "document_id": doc_pk, "doc_id": "d1", "sentence_index": 0,
            "sentence": "Putin said Russia will lend Belarus money.", "trigger_text": "lend", "trigger_start": 23,
            "trigger_end": 27, "cameo": "0331", "cameo_root": "03", "quad_class": 1, "goldstein": 5.2,
            "negated": False, "modality": "intended", "confidence": 0.8, "rule": "lend.v1", "coder": "tidings-0",
            "reported_by": reporter} for i, reporter in enumerate(
                ({"text": "Putin", "code": "RUSGOV", "country": "RUS", "sector": "GOV", "name": "Vladimir Putin",
                  "kind": "person"}, None))])
        quantities = sa.Table("quantities", meta, autoload_with=conn)
        first = conn.execute(sa.select(mentions.c.id).where(mentions.c.event_id == "e0")).scalar_one()
        conn.execute(quantities.insert().values(mention_id=first, kind="money", value=630e6, unit="USD", text="$630 million"))
    engine.dispose()
    store = Store(db_url)  # upgrades to the newest revision
    # the mention's own id is mention_id since revision 0007 (event_id names its clustered event)
    rows = query(db_url, "select mention_id, reported_by_text, reported_by_code, reported_by_kind from mentions "
                         "order by mention_id")
    assert rows == [("e0", "Putin", "RUSGOV", "person"), ("e1", None, None, None)]
    columns = {c["name"] for c in sa.inspect(store.engine).get_columns("mentions")}
    assert "reported_by" not in columns and {"trace", "reported_by_name"} <= columns
    (with_reporter, without) = store.events()
    assert with_reporter.reported_by is not None and with_reporter.reported_by.code == "RUSGOV"
    assert without.reported_by is None
    # SQLite rebuilds the mentions table: the quantities that reference it must survive
    assert [(q.kind, q.value, q.text) for q in with_reporter.quantities] == [("money", 630e6, "$630 million")]


def test_schema_from_a_newer_tidings_is_refused(db_url, run_cli):
    Store(db_url).close()
    engine = open_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("update alembic_version set version_num = '9999'"))
    engine.dispose()
    with pytest.raises(DatabaseUnavailable, match="newer tidings"):
        Store(db_url)
    res = run_cli("events", "--db", db_url)
    assert res.returncode == 2 and res.stderr.decode().count("\n") == 1 and b"Traceback" not in res.stderr


# -- writers --------------------------------------------------------------------------------------------

def test_two_writers_of_the_same_documents_store_each_once(db_url, nlp):
    coded = _coded(nlp, 12)
    Store(db_url).close()

    def write_all(barrier):
        store = Store(db_url)
        barrier.wait()
        return [store.add_document(doc, events, "tidings-test") for doc, events in coded]

    first, second = _in_processes(2, write_all)
    assert [a + b for a, b in zip(first, second, strict=True)] == [1] * len(coded)  # each stored by exactly one
    n_events = sum(len(evs) for _, evs in coded)
    assert n_events > len(coded)
    assert query(db_url, "select count(*), count(distinct content_hash) from documents") == [(12, 12)]
    assert query(db_url, "select count(*), count(distinct mention_id) from mentions") == [(n_events, n_events)]


def test_failure_never_replaces_a_coded_document(db_url, nlp):
    ((doc, events),) = _coded(nlp, 1)
    store = Store(db_url)
    assert store.add_document(doc, events, "tidings-test") is True
    assert store.add_document(doc, events, "tidings-test") is False
    store.write_failure(Failure(doc.origin, "cannot store document", "store", doc.content_hash))
    assert query(db_url, "select status from documents") == [("coded",)]
    store.write_failure(Failure("/in/other.txt", "empty document", "empty", "f" * 64))
    store.write_failure(Failure("/in/other.txt", "empty document again", "empty", "f" * 64))
    assert query(db_url, "select origin, error from documents where status = 'failed'") == [
        ("/in/other.txt", "empty document again")]


def _report(stdout: bytes) -> dict[str, int]:
    m = re.search(rb"documents: (\d+) new, (\d+) unchanged, (\d+) failed; events stored: (\d+)", stdout)
    assert m, stdout
    return dict(zip(("new", "unchanged", "failed", "events"), map(int, m.groups()), strict=True))


def test_two_ingests_of_overlapping_corpora_at_once_equal_one_sequential_ingest(tmp_path, make_db, run_cli):
    folders = {"shared": 10, "a_only": 5, "b_only": 5}
    for folder, n in folders.items():
        (tmp_path / folder).mkdir()
        for i in range(n):
            (tmp_path / folder / f"{folder}{i}.txt").write_text(f"{folder} report {i}. {TEXT}", encoding="utf-8")
    config = tmp_path / "small-batches.toml"  # write document by document, so the two runs interleave
    config.write_text("[tidings]\nbatch_size = 1\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "TIDINGS_DB"} | {"TIDINGS_CONFIG": str(config)}
    together, alone = make_db(), make_db()  # a new database: the two runs also race to create the schema
    # one of them codes in two worker processes, forked while it holds a connection to the store
    runs = [subprocess.Popen([*tidings_cmd(), "ingest", str(tmp_path / "shared"), str(tmp_path / own), "--db", together,
                              "--date", "2021-09-10", "-j", procs], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            for own, procs in (("a_only", "2"), ("b_only", "1"))]
    outputs = [p.communicate(timeout=600) for p in runs]
    for p, (_out, err) in zip(runs, outputs, strict=True):
        assert p.returncode == 0, err.decode()
        assert b"Traceback" not in err and b"error" not in err, err.decode()
    reports = [_report(out) for out, _ in outputs]
    sequential = run_cli("ingest", *(str(tmp_path / f) for f in folders), "--db", alone, "--date", "2021-09-10")
    assert sequential.returncode == 0, sequential.stderr.decode()
    reference = _report(sequential.stdout)
    assert reference["new"] == 20
    assert sum(r["new"] for r in reports) == 20 and sum(r["unchanged"] for r in reports) == 10
    assert sum(r["events"] for r in reports) == reference["events"] > 20
    docs = "select content_hash, doc_id, origin, status, published from documents order by content_hash"
    events = ("select m.mention_id, m.event_id, m.doc_id, m.sentence_index, m.cameo, m.source_code, m.target_code, "
              "d.content_hash from mentions m join documents d on d.id = m.document_id order by m.mention_id")
    assert query(together, docs) == query(alone, docs)
    assert query(together, events) == query(alone, events)
    assert query(together, "select count(*), count(distinct mention_id) from mentions") == [(reference["events"],) * 2]


# -- databases that cannot be used ---------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


COMMANDS = (("events",), ("docs",), ("export", "--format", "jsonl", "-o", "out.jsonl"), ("ingest", "--recode"),
            ("ingest", "in.txt"))


def _assert_one_line_exit_2(run_cli, tmp_path: Path, url: str, expected: str, secret: str = "s3cret") -> None:
    (tmp_path / "in.txt").write_text(TEXT, encoding="utf-8")
    for command in COMMANDS:
        res = run_cli(*command, "--db", url)
        err = res.stderr.decode()
        assert res.returncode == 2, (command, url, err)
        assert err.count("\n") == 1 and err.startswith("error: ") and expected in err, (command, err)
        assert "Traceback" not in err and "internal error" not in err and secret not in err, err
        assert not res.stdout
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize(("url", "expected"), [
    ("tidings.db", "invalid database URL 'tidings.db'"),
    ("postgresql://user:s3cret@[::1/db", "invalid database URL"),
    ("mysql://user:s3cret@localhost/events", "unsupported database 'mysql'"),
    ("foo://x", "unsupported database 'foo'"),
    ("postgresql+psycopg2://user:s3cret@localhost/events", "driver 'psycopg2'"),
    ("postgresql+nodriver://user:s3cret@localhost/events", "unknown database driver"),
    ("sqlite:////nonexistent-dir/events.db", "folder /nonexistent-dir does not exist"),
    ("postgresql://user:s3cret@127.0.0.1:{port}/events", "Connection refused"),  # a server that is down
    ("postgresql://user:s3cret@127.0.0.1", "no database name"),
])
def test_bad_database_url_is_one_line_and_exit_2(url, expected, tmp_path, run_cli):
    if "psycopg2" in url and importlib.util.find_spec("psycopg2") is not None:
        pytest.skip("psycopg2 is installed here")
    _assert_one_line_exit_2(run_cli, tmp_path, url.format(port=_free_port()), expected)


@pytest.mark.parametrize("problem", ["password", "user", "database"])
def test_postgres_refusing_the_login_is_one_line_and_exit_2(problem, postgres, tmp_path, run_cli):
    good = postgres.create_database()
    url = {"password": good.replace(f":{postgres.password}@", ":s3cret@"),
           "user": good.replace("//tidings:", "//nobody:"),
           "database": good.rsplit("/", 1)[0] + "/missing"}[problem]
    expected = {"password": "password authentication failed", "user": "password authentication failed",
                "database": 'database "missing" does not exist'}[problem]
    _assert_one_line_exit_2(run_cli, tmp_path, url, expected, secret=postgres.password)


def test_postgres_urls_use_psycopg(postgres):
    url = postgres.create_database()
    for scheme in ("postgresql://", "postgres://", "postgresql+psycopg://"):
        store = Store(url.replace("postgresql://", scheme, 1))
        assert (store.backend, store.engine.dialect.driver) == ("postgresql", "psycopg")
        assert "***" in store.display_url and postgres.password not in store.display_url
        store.close()


def test_input_fields_beyond_varchar_limits_are_stored_on_both_backends(tmp_path, db_url, run_cli):
    records = [{"id": "x" * 600, "text": f"{TEXT} One.", "date": "2021-09-07"},
               {"id": "nul", "text": f"{TEXT} Two.", "title": "bad\u0000title", "source": "s" * 700,
                "credits": ["Jane\u0000 Doe"], "date": "2021-09-07"}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    deep = tmp_path.joinpath(*["d" * 120] * 5)  # a file path longer than 512 characters
    deep.mkdir(parents=True)
    (deep / "notes.docx").write_bytes(b"PK\x03\x04 not a news file")
    res = run_cli("ingest", str(tmp_path / "in.jsonl"), str(deep / "notes.docx"), "--db", db_url)
    assert res.returncode == 1 and b"Traceback" not in res.stderr, res.stderr.decode()
    assert b"2 new, 0 unchanged, 1 failed" in res.stdout, res.stdout
    rows = query(db_url, "select doc_id, title, source, status, error_code from documents")
    assert sorted(rows) == sorted([("x" * 600, None, None, "coded", None), ("nul", "badtitle", "s" * 700, "coded", None),
                                   (str(deep / "notes.docx"), None, None, "failed", "unsupported")])
    res = run_cli("events", "--db", db_url, "--doc", "x" * 600, "--format", "jsonl")
    assert res.returncode == 0 and res.stdout.count(b"\n") >= 1


def test_make_pg_server_prints_a_working_url_and_cleans_up_on_ctrl_c():
    import signal
    import sys

    from tidings.store.pgserver import TemporaryPostgres

    need_service(TemporaryPostgres.available(), NO_POSTGRES)
    proc = subprocess.Popen([sys.executable, "-m", "tidings.store.pgserver"], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(3)]
        folder = Path(re.search(r"running in (\S+)", lines[0]).group(1))
        url = re.search(r"export TIDINGS_DB='([^']+)'", lines[1]).group(1)
        assert folder.is_dir()
        store = Store(url)
        assert store.backend == "postgresql" and store.counts() == {"coded": 0, "failed": 0, "mentions": 0}
        store.close()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    assert proc.returncode == 0
    assert not folder.exists()


def test_server_going_away_is_a_store_error_not_a_crash(nlp):
    from tidings.errors import StoreError
    from tidings.store.pgserver import TemporaryPostgres

    need_service(TemporaryPostgres.available(), NO_POSTGRES)
    ((doc, events),) = _coded(nlp, 1)
    with TemporaryPostgres() as pg:
        store = Store(pg.create_database())
        assert store.add_document(doc, events, "tidings-test")
        pg.stop()
        with pytest.raises(StoreError, match="cannot read database postgresql://tidings:\\*\\*\\*@"):
            store.events()
        with pytest.raises(StoreError, match="cannot store document doc0"):
            store.add_document(doc, events, "tidings-test")
