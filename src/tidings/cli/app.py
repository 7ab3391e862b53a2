"""The Typer application, its global options, and what every command shares."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date as Date
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tidings.config import Settings, load_settings
from tidings.errors import KnowledgeError, TidingsError, UsageError
from tidings.records import Event

__all__ = ["Fmt", "Options", "app", "actors_app", "check_date", "err", "main", "out", "print_events", "settings_for"]

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Political event data from news text (CAMEO and PLOVER).")
actors_app = typer.Typer(no_args_is_help=True, help="Inspect the actor knowledge base.")
app.add_typer(actors_app, name="actors")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


class Fmt(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


@dataclass(frozen=True)
class Options:
    """Global options, kept on the Typer context (``ctx.obj``)."""

    debug: bool = False
    config: str | None = None


def settings_for(ctx: typer.Context, **overrides) -> Settings:
    opts = ctx.obj if isinstance(ctx.obj, Options) else Options()
    return load_settings(opts.config, **overrides)


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"invalid date {value!r}: use YYYY-MM-DD") from None


@app.callback()
def main_options(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show Python tracebacks on errors.")] = False,
    config: Annotated[str | None, typer.Option("--config", help="Settings file (TOML) overlaid on the defaults.")] = None,
) -> None:
    ctx.obj = Options(debug=debug, config=config)


def table_width() -> int | None:
    """Columns to fit: the terminal's; when output is piped, $COLUMNS, else no wrapping at all."""
    import os
    import shutil

    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    cols = os.environ.get("COLUMNS", "")
    return int(cols) if cols.isdigit() and int(cols) > 0 else None


def table_console(wide: bool = False) -> Console:
    """A console for a table on standard output, as wide as ``table_width`` allows."""
    width = table_width()
    return Console(file=sys.stdout, width=10_000 if wide or width is None else width, soft_wrap=False)


def print_events(events: list[Event], fmt: Fmt, *, wide: bool = False) -> None:
    """Events as a table that fits the terminal (``wide``: every column), JSON lines or CSV. Every
    text from documents is escaped: "[red]" in a sentence stays text."""
    from tidings.export import write_events

    if fmt != Fmt.table:
        write_events(events, fmt.value, sys.stdout)
        return
    console = table_console(wide)
    room = console.width
    columns = ["date", "source", "cameo", "target"]
    if room >= 100:
        columns += ["plover", "flags"]
    if room >= 120:
        columns += ["amounts"]
    columns += ["doc:sentence"] if room >= 90 else []
    columns += ["evidence"]
    table = Table(show_lines=False, header_style="bold", expand=False)
    for col in columns:
        if col == "date":
            table.add_column(col, no_wrap=True, min_width=10)
        elif col == "evidence":
            table.add_column(col, overflow="fold", ratio=1)
        else:
            table.add_column(col, overflow="fold")
    for e in events:
        flags = ",".join(f for f in ("neg" if e.negated else "", e.modality if e.modality != "asserted" else "",
                                     f"by {e.deadline}" if e.deadline else "") if f)
        src = e.source.code or f"[{e.source.text}]" if e.source else "-"
        tgt = e.target.code or f"[{e.target.text}]" if e.target else "-"
        limit = 90 if room >= 120 else 60
        snippet = e.sentence if wide or len(e.sentence) <= limit else e.sentence[:limit - 3] + "..."
        cells = {"date": e.date or "?", "source": escape(src), "cameo": e.cameo, "target": escape(tgt),
                 "plover": e.plover or "-", "flags": flags, "amounts": escape("; ".join(q.text for q in e.quantities)),
                 "doc:sentence": escape(f"{e.doc_id}:{e.sentence_index}"), "evidence": escape(snippet)}
        table.add_row(*(cells[c] for c in columns))
    console.print(table)
    console.print(f"{len(events)} events", highlight=False)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if not [a for a in args if a != "--debug"]:
        args = ["--help"]  # bare "tidings": the help, not an error
    debug = "--debug" in args
    if debug:  # --debug works anywhere on the line, before or after the command
        args = ["--debug"] + [a for a in args if a != "--debug"]
    try:
        rc = app(args=args, prog_name="tidings", standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("aborted")
        sys.exit(1)
    except typer.TyperException as exc:  # usage errors from the command-line parser
        if debug:
            raise
        err.print(f"error: {exc.format_message()}", markup=False, highlight=False)
        sys.exit(2)
    except TidingsError as exc:
        if debug:
            raise
        err.print(f"error: {exc.reason}", markup=False, highlight=False)
        # a usage error, or a knowledge file to fix (an --actors file, an edited data file): 2
        sys.exit(2 if isinstance(exc, (UsageError, KnowledgeError)) else 1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if debug:
            raise
        err.print(f"error: internal error ({exc.__class__.__name__}: {exc}); run with --debug for details",
                  markup=False, highlight=False)
        sys.exit(1)
