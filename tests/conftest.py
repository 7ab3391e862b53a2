"""Shared fixtures: the real spaCy pipeline (once per session), temporary databases, the CLI."""

from __future__ import annotations

import io
import os
import signal
import socket
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"


REQUIRE_SERVICES = os.environ.get("TIDINGS_REQUIRE_SERVICES") == "1"


def need_service(available: bool, reason: str) -> None:
    """Skip a test whose system service is missing (a user's laptop), but fail it in CI, where
    ``.ci/run`` installs every service and sets TIDINGS_REQUIRE_SERVICES=1."""
    if available:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing in CI: {reason}")
    pytest.skip(reason)


# -- running on both cores (``make test``: two pytest-xdist workers) -------------------------------------------
# The longest tests start first, so that the two workers finish together rather than one of them
# starting the benchmark near the end (prefixes of node ids, slowest first; measured with
# --durations). Only the order changes: every test runs, as in a run on one core.
SLOWEST_FIRST = (
    "tests/test_bench.py::test_bench_prints_summary_line",
    "tests/test_spark.py::",
    "tests/test_ingest.py::test_kill_9_",
    "tests/test_store.py::test_two_ingests_of_overlapping_corpora_at_once",
    "tests/test_stories.py::test_incremental_updates_equal_a_rebuild",
    "tests/test_typing.py::",
    "tests/test_watch.py::test_ctrl_c_stops",
    "tests/test_ingest.py::test_cli_unreadable_file_is_recorded",
    "tests/test_eval_gate.py::",
    "tests/test_reference_article.py::",
    "tests/test_store_cli.py::test_code_runs_with_networking_disabled",
    "tests/test_stories.py::test_same_events_and_ids",
    "tests/test_actors_cli.py::test_actors_file_option",
    "tests/test_stories.py::test_story_gold",
    "tests/test_commitments_eval.py::",
)
# Tests that share an expensive module- or session-scoped fixture (a Spark session, a browser, a
# coded store, a clean ingest) run on one worker, so that it is built once, as in a run on one core.
ONE_WORKER = {
    "tests/test_spark.py::": "spark",
    "tests/test_ingest.py::test_kill_9_": "kill_9",  # clean_ingest
    "tests/test_web_api.py::": "web",  # the web store of tests/web_support.py
    "tests/test_web_browser.py::": "web",
    "tests/test_web_fuzz.py::": "web",
    "tests/test_web_cli.py::": "web",
    "tests/test_summary.py::": "summary",
    "tests/test_commitments_cli.py::": "commitments_cli",
    "tests/test_places.py::": "places",
}


def _rank(nodeid: str) -> int:
    return next((i for i, prefix in enumerate(SLOWEST_FIRST) if nodeid.startswith(prefix)), len(SLOWEST_FIRST))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):  # each worker collects: the same order in each
        items.sort(key=lambda item: _rank(item.nodeid))  # stable: the rest keep their order


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """With ``-n N`` (xdist's default ``--dist load``): hand out the tests one by one in the order
    above, each group of ONE_WORKER as one unit. (xdist's own ``xdist_group`` marks do not reach its
    scheduler under pytest 9.) Another ``--dist`` given on the command line is left to xdist."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return next((group for prefix, group in ONE_WORKER.items() if nodeid.startswith(prefix)), nodeid)

    config.option.loadscopereorder = False  # keep the collection's order
    return Scheduling(config, log)


@pytest.fixture(scope="session")
def nlp():
    from tidings.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def code(nlp):
    """Code a text and return its events: code("Russia ...", "2021-09-10")."""
    from tidings.pipeline import code_text

    def run(text: str, published: str | None = "2021-09-10"):
        return code_text(text, published=published, nlp=nlp)

    return run


BACKENDS = ("sqlite", "postgresql")
NO_POSTGRES = "PostgreSQL is not installed (Debian: apt-get install postgresql)"


@pytest.fixture(scope="session")
def postgres():
    """One throwaway PostgreSQL server for the session (``tidings.store.pgserver``); each test
    that uses it gets its own database."""
    from tidings.store.pgserver import TemporaryPostgres

    need_service(TemporaryPostgres.available(), NO_POSTGRES)

    def interrupt(*_):  # a test run that is killed (timeout) still stops its server
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        with TemporaryPostgres() as pg:
            yield pg
    finally:
        signal.signal(signal.SIGTERM, previous)


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """The store backend a test runs on: every test that uses it runs on SQLite and PostgreSQL."""
    return request.param


@pytest.fixture
def make_db(backend: str, tmp_path: Path, request):
    """A factory of new, empty databases on the test's backend: ``make_db()`` returns a URL."""
    if backend == "postgresql":
        pg = request.getfixturevalue("postgres")
        return pg.create_database
    names = iter(range(1_000_000))
    return lambda: f"sqlite:///{tmp_path / f'db{next(names)}.db'}"


@pytest.fixture
def db_url(make_db) -> str:
    """A new, empty database (no schema yet) on each backend."""
    return make_db()


def query(url: str, sql: str, **params) -> list[tuple]:
    """Rows of a SQL query on any test database (plain SQL that both backends understand)."""
    from sqlalchemy import text

    from tidings.store.engine import open_engine

    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]
    finally:
        engine.dispose()


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def guard(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", guard)
    monkeypatch.setattr(socket, "create_connection", guard)


def tidings_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("tidings")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "tidings.cli"]


@dataclass
class Result:
    returncode: int
    stdout: bytes
    stderr: bytes


def _in_process(args: tuple[str, ...], input: bytes | None, env: dict[str, str], cwd: Path,
                monkeypatch: pytest.MonkeyPatch) -> Result:
    """Run ``tidings.cli.main`` in this process, as the console script would run it."""
    from tidings.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    stdin = io.TextIOWrapper(io.BytesIO(input or b""), encoding="utf-8")
    with monkeypatch.context() as m:
        m.delenv("TIDINGS_DB", raising=False)
        for k, v in env.items():
            m.setenv(k, v)
        m.chdir(cwd)
        m.setattr(sys, "stdout", stdout)
        m.setattr(sys, "stderr", stderr)
        m.setattr(sys, "stdin", stdin)
        code = 0
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except Exception:  # what the interpreter does with an uncaught exception (--debug)
            traceback.print_exc(file=stderr)
            code = 1
        stdout.flush()
        stderr.flush()
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def run_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run the ``tidings`` command line: in this process (fast), or as a real process when
    ``prefix`` is given (a command to run it under, e.g. ``["unshare", "-n"]``) or ``process=True``."""
    import subprocess

    def run(*args: str, input: bytes | None = None, env: dict[str, str] | None = None, cwd: Path | None = None,
            prefix: list[str] | None = None, process: bool = False):
        if prefix is None and not process:
            return _in_process(args, input, env or {}, cwd or tmp_path, monkeypatch)
        full_env = dict(os.environ, **(env or {}))
        full_env.pop("TIDINGS_DB", None)
        done = subprocess.run([*(prefix or []), *tidings_cmd(), *args], input=input, capture_output=True,
                              env=full_env, cwd=cwd or tmp_path, timeout=600)
        return Result(done.returncode, done.stdout, done.stderr)

    return run
