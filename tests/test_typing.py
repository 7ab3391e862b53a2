"""The library type-checks: mypy on ``src/tidings`` with the project's configuration reports nothing."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_reports_no_errors_in_the_library(monkeypatch):
    try:
        from mypy import api
    except ImportError as exc:
        pytest.skip(f"mypy is not installed: {exc}")
    # the files to check ([tool.mypy] files) are relative to the repository root; the cache is the
    # default .mypy_cache there, so a second run only rechecks what changed
    monkeypatch.chdir(ROOT)
    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml")])
    assert status == 0, f"mypy found errors:\n{stdout}{stderr}"
