"""The ``tidings`` command line: thin adapters over the library functions.

Exit codes: 0 success, 1 some documents failed (or an internal error), 2 usage error.
No traceback reaches the user unless ``--debug`` is given.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC
from datetime import date as Date
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

try:  # typer >= 0.20 ships its own copy of click
    from typer._click import exceptions as _click_errors
except ImportError:  # pragma: no cover
    from click import exceptions as _click_errors

from tidings.config import Settings, load_settings
from tidings.errors import TidingsError, UsageError
from tidings.records import Event

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Political event data from news text (CAMEO and PLOVER).")
actors_app = typer.Typer(no_args_is_help=True, help="Inspect the actor knowledge base.")
app.add_typer(actors_app, name="actors")

out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)  # pipes and logs get full rows
err = Console(stderr=True, soft_wrap=True)


class Fmt(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


class _State:
    debug = False
    config: str | None = None


STATE = _State()


def _settings(**overrides) -> Settings:
    return load_settings(STATE.config, **overrides)


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"invalid date {value!r}: use YYYY-MM-DD") from None


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show Python tracebacks on errors.")] = False,
    config: Annotated[str | None, typer.Option("--config", help="Settings file (TOML) overlaid on the defaults.")] = None,
) -> None:
    STATE.debug = debug
    STATE.config = config


def _print_events(events: list[Event], fmt: Fmt) -> None:
    from tidings.export import write_events

    if fmt == Fmt.table:
        table = Table(show_lines=False, header_style="bold")
        for col in ("date", "source", "cameo", "target", "plover", "flags", "amounts", "evidence"):
            table.add_column(col, overflow="fold")
        for e in events:
            flags = ",".join(f for f in ("neg" if e.negated else "", e.modality if e.modality != "asserted" else "",
                                         f"by {e.deadline}" if e.deadline else "") if f)
            amounts = "; ".join(q.text for q in e.quantities)
            src = e.source.code or f"[{e.source.text}]" if e.source else "-"
            tgt = e.target.code or f"[{e.target.text}]" if e.target else "-"
            snippet = e.sentence if len(e.sentence) <= 90 else e.sentence[:87] + "..."
            table.add_row(e.date or "?", src, e.cameo, tgt, e.plover or "-", flags, amounts, snippet)
        out.print(table)
        out.print(f"{len(events)} events")
    else:
        write_events(events, fmt.value, sys.stdout)


@app.command("code")
def code_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for JSON lines on stdin.")],
    date: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for documents that carry none.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
    actors: Annotated[list[str] | None, typer.Option("--actors", help="Extra actor file (TSV or PETRARCH .txt).")] = None,
    statements: Annotated[bool, typer.Option("--statements", help="Also code bare statements (CAMEO 010).")] = False,
) -> None:
    """Code documents and print their events (no database)."""
    from tidings.records import Failure
    from tidings.service import code_paths

    settings = _settings(actor_files=tuple(actors or ()), statements=statements or None)
    failures: list[Failure] = []
    events: list[Event] = []
    for _doc, evs in code_paths(paths, date=_check_date(date), settings=settings, failures=failures):
        events.extend(evs)
    _print_events(events, fmt)
    for f in failures:
        err.print(f"failed: {f.origin}: {f.reason}", markup=False, highlight=False)
    if failures:
        raise typer.Exit(1)


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories, or - for JSON lines on stdin.")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Database URL (default sqlite:///tidings.db or $TIDINGS_DB).")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Publication date for documents that carry none.")] = None,
    recode: Annotated[bool, typer.Option("--recode", help="Re-code all stored documents with the current coder.")] = False,
    actors: Annotated[list[str] | None, typer.Option("--actors", help="Extra actor file.")] = None,
    processes: Annotated[int, typer.Option("--processes", "-j", min=1, help="Worker processes.")] = 1,
) -> None:
    """Clean, code and store documents."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from tidings import service
    from tidings.store import Store

    settings = _settings(db_url=db, actor_files=tuple(actors or ()))
    if not paths and not recode:
        raise UsageError("give files or directories to ingest, or --recode")
    store = Store(settings.db_url)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                  transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("ingesting", total=None)

        def progress(msg: str) -> None:
            bar.update(task, description=msg[:100])
            if msg.startswith("failed "):
                err.print(msg, markup=False, highlight=False)

        if recode:
            report = service.recode(store, settings=settings, progress=progress)
        else:
            report = service.ingest(paths or [], store, date=_check_date(date), settings=settings,
                                    progress=progress, n_process=processes)
    verb = "recoded" if recode else "new"
    out.print(f"documents: {report.new} {verb}, {report.unchanged} unchanged, {report.failed} failed; "
              f"events stored: {report.events}", highlight=False)
    if report.failed:
        raise typer.Exit(1)


@app.command("events")
def events_cmd(
    db: Annotated[str | None, typer.Option("--db", help="Database URL.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Source actor code prefix or country.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Target actor code prefix or country.")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root (01-20).")] = None,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO code prefix.")] = None,
    plover: Annotated[str | None, typer.Option("--plover", help="PLOVER category.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Earliest event date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Latest event date.")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Document id.")] = None,
    include_negated: Annotated[bool, typer.Option("--include-negated", help="Include negated events.")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """Query stored events."""
    from tidings.store import EventQuery, Store

    store = Store(_settings(db_url=db).db_url)
    query = EventQuery(source=source, target=target, root=root, code=code, plover=plover, since=_check_date(since),
                       until=_check_date(until), doc=doc, include_negated=include_negated)
    _print_events(store.events(query), fmt)


@app.command("docs")
def docs_cmd(
    db: Annotated[str | None, typer.Option("--db", help="Database URL.")] = None,
    failed: Annotated[bool, typer.Option("--failed", help="Only documents that failed, with reasons.")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format (table or jsonl).")] = Fmt.table,
) -> None:
    """List stored documents with their status and failure reasons."""
    from tidings.store import Store

    rows = Store(_settings(db_url=db).db_url).documents(failed_only=failed)
    if fmt != Fmt.table:
        for r in rows:
            out.print(json.dumps(r, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        return
    table = Table(header_style="bold")
    for col in ("doc", "status", "events", "published", "reason"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["origin"] or r["doc_id"], r["status"], str(r["events"]), r["published"] or "",
                      f"{r['error_code']}: {r['error']}" if r["error"] else "")
    out.print(table)


@app.command("export")
def export_cmd(
    output: Annotated[str, typer.Option("-o", "--output", help="Output file.")],
    fmt: Annotated[ExportFmt, typer.Option("--format", help="Export format.")] = ExportFmt.jsonl,
    db: Annotated[str | None, typer.Option("--db", help="Database URL.")] = None,
    include_negated: Annotated[bool, typer.Option("--include-negated", help="Include negated events.")] = False,
) -> None:
    """Export stored events (gdelt = GDELT 2.0 Events columns, tab-separated)."""
    from datetime import datetime

    from tidings.export import write_events
    from tidings.store import EventQuery, Store

    store = Store(_settings(db_url=db).db_url)
    events = store.events(EventQuery(include_negated=include_negated))
    urls = {d["doc_id"]: d["origin"] for d in store.documents()}
    added = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    n = write_events(events, fmt.value, output, urls=urls, added=added)
    out.print(f"wrote {n} events to {output}", highlight=False)


class By(str, Enum):
    root = "root"
    plover = "plover"
    code = "code"


class EvalFmt(str, Enum):
    text = "text"
    json = "json"


@app.command("eval")
def eval_cmd(
    gold: Annotated[list[str], typer.Argument(help="Gold JSON-lines file(s).")],
    errors: Annotated[int, typer.Option("--errors", help="How many of the worst errors to show.")] = 10,
    by: Annotated[By, typer.Option("--by", help="Breakdown level.")] = By.root,
    fmt: Annotated[EvalFmt, typer.Option("--format", help="Report format.")] = EvalFmt.text,
) -> None:
    """Score the coder against gold sentences (exit code 0 whatever the scores)."""
    from tidings.evaluate import evaluate, render_text

    report = evaluate(gold, settings=_settings(), errors=errors)
    if fmt == EvalFmt.json:
        out.print(json.dumps(report, ensure_ascii=False, indent=1), markup=False, highlight=False, soft_wrap=True)
    else:
        out.print(render_text(report, by.value), markup=False, highlight=False, soft_wrap=True)


@actors_app.command("lookup")
def actors_lookup(
    mention: Annotated[str, typer.Argument(help="A name, alias or phrase.")],
    date: Annotated[str | None, typer.Option("--date", help="Resolve dated roles for this day.")] = None,
    actors: Annotated[list[str] | None, typer.Option("--actors", help="Extra actor file.")] = None,
) -> None:
    """Show how a mention resolves, with every candidate and why."""
    from tidings.actors.lookup import lookup

    result = lookup(mention, _check_date(date), tuple(actors or ()))
    for line in result:
        out.print(line, markup=False, highlight=False)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        rc = app(args=args, prog_name="tidings", standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("aborted")
        sys.exit(1)
    except _click_errors.ClickException as exc:
        if debug:
            raise
        err.print(f"error: {exc.format_message()}", markup=False, highlight=False)
        sys.exit(2)
    except TidingsError as exc:
        if debug:
            raise
        err.print(f"error: {exc.reason}", markup=False, highlight=False)
        sys.exit(2 if isinstance(exc, UsageError) else 1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if debug:
            raise
        err.print(f"error: internal error ({exc.__class__.__name__}: {exc}); run with --debug for details",
                  markup=False, highlight=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
