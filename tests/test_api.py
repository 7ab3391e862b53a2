"""The public API: what ``import tidings`` exports, and that each name works as documented."""

from __future__ import annotations

import inspect

import tidings

EXPECTED = {
    "Actor", "Document", "Event", "EventQuery", "Failure", "Happening", "Quantity", "Settings", "Store", "Trigger",
    "__version__", "code_documents", "code_paths", "code_text", "evaluate", "explain_text", "ingest",
    "code_stories", "load_pipeline", "load_settings", "read_inputs", "recode",
}


def test_exported_members_are_exactly_the_public_api():
    assert set(tidings.__all__) == EXPECTED
    for name in tidings.__all__:
        assert getattr(tidings, name) is not None, name
    functions = [n for n in tidings.__all__ if inspect.isfunction(getattr(tidings, n))]
    for name in functions:
        assert inspect.getdoc(getattr(tidings, name)), f"{name} has no docstring"


def test_unknown_name_is_an_attribute_error():
    try:
        tidings.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_code_text_through_the_public_api(nlp):
    events = tidings.code_text("Russia imposed sanctions on Belarus.", published="2021-09-10", nlp=nlp)
    assert [(e.cameo[:3], e.source.code, e.target.code) for e in events] == [("163", "RUS", "BLR")]


def test_settings_are_documented():
    """Every setting has a commented default in data/settings.toml and a line in the README."""
    from dataclasses import fields
    from importlib import resources
    from pathlib import Path

    toml = (resources.files("tidings") / "data" / "settings.toml").read_text(encoding="utf-8")
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    for f in fields(tidings.Settings):
        assert f"\n{f.name} = " in toml, f"settings.toml has no default for {f.name}"
        lines = toml.split(f"\n{f.name} = ", 1)[0].rstrip().splitlines()
        assert lines[-1].startswith("#"), f"settings.toml has no comment above {f.name}"
        assert f"`{f.name}`" in section, f"README's Settings section does not document {f.name}"
