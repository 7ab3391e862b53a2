"""Docs kept honest: the README documents the event record, the commands and the quick start."""

import re
from pathlib import Path

from tidings.cli import app
from tidings.records import EVENT_FIELDS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_event_field():
    documented = set(re.findall(r"^\| `([a-z_]+)`", README, flags=re.M))
    documented |= {"source", "target"} if "`source`, `target`" in README else set()
    missing = [f for f in EVENT_FIELDS if f not in documented]
    assert not missing, f"README lacks {missing}"


def test_readme_quick_start_is_two_commands():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.findall(r"^\s+make (\w+)", quick, flags=re.M) == ["demo", "test"]


def test_readme_lists_every_command():
    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    for name in names:
        assert f"tidings {name}" in README, name


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
