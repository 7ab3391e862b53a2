"""The command-line reference in the README, made from the commands themselves so that it cannot
fall behind them (``python scripts/cli_reference.py`` prints it; a docs test compares)."""

from __future__ import annotations

from typing import Any

__all__ = ["render_reference"]


def _walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    subs = getattr(command, "commands", None)
    out: list[tuple[list[str], Any]] = []
    if subs is not None and path[1:]:  # a group with its own callback (``tidings docs``) is a command too
        if any(p.param_type_name == "option" for p in command.params):
            out.append((path, command))
    if subs is None:
        return [(path, command)]
    for name in sorted(subs):
        out += _walk(subs[name], path + [name])
    return out


def _first_line(text: str | None) -> str:
    return " ".join((text or "").strip().split("\n\n", 1)[0].split())


def render_reference() -> str:
    """Every command with every option and argument, as a Markdown list."""
    from typer.main import get_command

    from tidings.cli import app

    root = get_command(app)
    lines = []
    for path, command in _walk(root, ["tidings"]):
        args = [p.name.upper() + ("..." if p.nargs == -1 else "") for p in command.params
                if p.param_type_name == "argument"]
        lines.append(f"- `{' '.join(path + args)}`: {_first_line(command.help)}")
        for p in command.params:
            if p.param_type_name != "option" or p.hidden or "--help" in p.opts:
                continue
            names = ", ".join(f"`{o}`" for o in list(p.opts) + list(p.secondary_opts))
            lines.append(f"  - {names}: {_first_line(p.help)}")
    globals_ = ", ".join(f"`{o}`" for p in root.params if p.param_type_name == "option" for o in p.opts)
    lines.append(f"- Global options, before or after the command: {globals_}.")
    return "\n".join(lines) + "\n"
