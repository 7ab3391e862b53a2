"""``tidings serve`` only adapts: it opens the store read-only, builds the app and hands it to
uvicorn, warning when the address is not local."""

from __future__ import annotations

import pytest

from tests.web_support import web_store_url


@pytest.fixture
def served(monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    return calls


def test_serve_hands_a_read_only_app_to_uvicorn_on_localhost(run_cli, served):
    res = run_cli("serve", "--db", web_store_url(), "--port", "8123")
    assert res.returncode == 0, res.stderr
    app, kw = served[0]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8123
    assert app.state.store.read_only is True
    assert b"warning" not in res.stderr and b"read-only" in res.stderr


def test_serve_warns_when_bound_to_another_address(run_cli, served):
    res = run_cli("serve", "--db", web_store_url(), "--host", "0.0.0.0")
    assert res.returncode == 0 and served[0][1]["host"] == "0.0.0.0"
    assert b"warning: serving on 0.0.0.0" in res.stderr


def test_serve_refuses_a_missing_database_and_a_bad_port(run_cli, served, tmp_path):
    res = run_cli("serve", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert res.returncode == 1 and b"no database" in res.stderr and not (tmp_path / "none.db").exists()
    assert run_cli("serve", "--db", web_store_url(), "--port", "70000").returncode == 2
    assert served == []


def test_serve_warns_about_an_older_schema_and_refuses_a_foreign_database(run_cli, served, tmp_path):
    import shutil
    import sqlite3

    old = tmp_path / "old.db"
    shutil.copy(web_store_url().removeprefix("sqlite:///"), old)
    with sqlite3.connect(old) as con:
        con.execute("UPDATE alembic_version SET version_num = '0005'")
    res = run_cli("serve", "--db", f"sqlite:///{old}")
    assert res.returncode == 0 and b"schema 0005" in res.stderr
    assert b"schema" not in run_cli("serve", "--db", web_store_url()).stderr
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    res = run_cli("serve", "--db", f"sqlite:///{foreign}")
    assert res.returncode == 1 and b"not a tidings database" in res.stderr
