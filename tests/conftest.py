"""Shared fixtures: the real spaCy pipeline (once per session), temporary databases, the CLI."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"


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


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


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


@pytest.fixture
def run_cli(tmp_path: Path):
    """Run the installed ``tidings`` console script in a subprocess; returns CompletedProcess."""
    import subprocess

    def run(*args: str, input: bytes | None = None, env: dict[str, str] | None = None, cwd: Path | None = None, prefix: list[str] | None = None):
        full_env = dict(os.environ, **(env or {}))
        full_env.pop("TIDINGS_DB", None)
        return subprocess.run([*(prefix or []), *tidings_cmd(), *args], input=input, capture_output=True,
                              env=full_env, cwd=cwd or tmp_path, timeout=600)

    return run
