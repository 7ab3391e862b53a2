"""Docs kept honest: the README documents the event record, the commands and the quick start."""

import re
from pathlib import Path

from tidings.cli import app
from tidings.records import EVENT_FIELDS, FLAT_COLUMNS, render_field_table

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_event_table_is_the_record_definition():
    # the table is made from records.EVENT_FIELD_DOCS: edit the definition, then paste render_field_table()
    assert render_field_table() in README


def test_flat_columns_cover_every_field_in_order():
    from tidings.store.schema import STORED_COLUMNS, mentions

    roots = [c.split("_")[0] if c.split("_")[0] in ("source", "target", "trigger", "location") else c for c in FLAT_COLUMNS]
    assert [f for f in dict.fromkeys(r if not r.startswith("reported_by") else "reported_by" for r in roots)] == list(EVENT_FIELDS)
    assert set(STORED_COLUMNS) <= {c.name for c in mentions.columns}


def test_readme_quick_start_is_two_commands():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.findall(r"^\s+make (\w+)", quick, flags=re.M) == ["demo", "test"]


def test_readme_lists_every_command():
    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    for name in names:
        assert f"tidings {name}" in README, name


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_readme_reference_lists_every_command_and_option():
    from typer.main import get_command

    from tidings.cli.reference import render_reference

    # paste the output of scripts/cli_reference.py into the README after changing a command
    assert render_reference() in README

    def options(command, path):
        subs = getattr(command, "commands", None) or {}
        found = [(path, o) for p in command.params if p.param_type_name == "option" and "--help" not in p.opts
                 for o in p.opts]
        for name, sub in subs.items():
            found += options(sub, f"{path} {name}")
        return found

    # every option --help shows is named in the README's reference block, in its command's entry
    block = README.split("### Every command and option", 1)[1].split("\n## ", 1)[0]
    for path, opt in options(get_command(app), "tidings"):
        if path == "tidings":  # global options
            entry = block.split("- Global options", 1)[1].split("\n", 1)[0]
        else:
            found = re.search(rf"^- `{re.escape(path)}(?: [A-Z]|`).*?(?=^- |\Z)", block, flags=re.M | re.S)
            assert found, f"{path} has no entry in the README reference"
            entry = found.group(0)
        assert f"`{opt}`" in entry, f"{path} {opt} is not in the README reference"
