"""Commands that download: ``fetch`` and ``watch``; and what every reading command shares
(the ``--since``/``--until``/``--site`` selection and the summary line)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from tidings.cli.app import app, check_date, err, out, settings_for
from tidings.cli.progress import summary
from tidings.errors import UsageError
from tidings.ingest.select import Selection

if TYPE_CHECKING:
    from tidings.service import IngestReport

Since = Annotated[str | None, typer.Option("--since", help="Only documents published (else fetched) on or after this day.")]
Until = Annotated[str | None, typer.Option("--until", help="Only documents published (else fetched) on or before this day.")]
Site = Annotated[list[str] | None, typer.Option("--site", help="Only documents from this site and its subdomains (repeatable).")]
Db = Annotated[str | None, typer.Option("--db", help="Database URL (default sqlite:///tidings.db or $TIDINGS_DB).")]


def selection(since: str | None, until: str | None, sites: list[str] | None) -> Selection:
    sel = Selection(since=check_date(since), until=check_date(until), sites=tuple(sites or ()))
    if sel.since and sel.until and sel.since > sel.until:
        raise UsageError(f"--since {sel.since} is after --until {sel.until}")
    return sel


def _progress(msg: str) -> None:
    if msg.startswith("failed "):
        err.print(msg, markup=False, highlight=False)


@contextmanager
def stop_on_ctrl_c() -> Iterator[threading.Event]:
    """The first Ctrl-C asks to stop after the current document; a second one aborts."""
    stop = threading.Event()

    def handler(_signum: int, _frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        err.print("stopping after the current document (Ctrl-C again to abort)", highlight=False)

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread: no signal handling
        yield stop
        return
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _warn_contact(contact: str) -> None:
    if not contact.strip():
        err.print("note: no 'contact' setting: site owners cannot reach you (set contact = \"you@example.org\" "
                  "in a settings file, see --config)", markup=False, highlight=False)


@app.command("fetch")
def fetch_cmd(
    ctx: typer.Context,
    urls: Annotated[list[str] | None, typer.Argument(help="Page or feed URLs (a feed stands for its items).")] = None,
    from_file: Annotated[str | None, typer.Option("--from-file", help="A file of URLs, one a line (# comments).")] = None,
    db: Db = None,
    since: Since = None,
    until: Until = None,
    site: Site = None,
) -> None:
    """Download pages and feeds, then clean, code and store them."""
    from tidings import service
    from tidings.sources import read_url_list
    from tidings.store import Store

    targets = list(urls or []) + (read_url_list(from_file) if from_file else [])
    if not targets:
        raise UsageError("give URLs or feed URLs to fetch, or --from-file LIST")
    settings = settings_for(ctx, db_url=db)
    select = selection(since, until, site)
    _warn_contact(settings.contact)
    store = Store(settings.db_url)
    with stop_on_ctrl_c() as stop:
        report = service.fetch(targets, store, settings=settings, select=select, progress=_progress, stop=stop.is_set)
    out.print(summary(report), highlight=False, markup=False)
    if report.failed:
        raise typer.Exit(1)


@app.command("watch")
def watch_cmd(
    ctx: typer.Context,
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
    every: Annotated[str, typer.Option("--every", help="Time between polls: 30s, 15m, 2h.")] = "15m",
    polls: Annotated[int | None, typer.Option("--polls", min=1, help="Stop after this many polls (default: until Ctrl-C).")] = None,
    db: Db = None,
    since: Since = None,
    until: Until = None,
    site: Site = None,
) -> None:
    """Poll feeds and ingest their new items until stopped (Ctrl-C stops between documents)."""
    from datetime import datetime

    from tidings import service
    from tidings.service import IngestReport
    from tidings.sources import parse_every
    from tidings.store import Store

    interval = parse_every(every)
    settings = settings_for(ctx, db_url=db)
    select = selection(since, until, site)
    _warn_contact(settings.contact)
    store = Store(settings.db_url)
    total = IngestReport()

    def on_poll(n: int, report: IngestReport) -> None:
        total.new += report.new
        total.failed += report.failed
        total.events += report.events
        out.print(f"poll {n} at {datetime.now().strftime('%H:%M:%S')}: {summary(report)}", highlight=False, markup=False)

    def on_error(n: int, exc: Exception) -> None:
        err.print(f"poll {n} failed: {exc}", highlight=False, markup=False)

    with stop_on_ctrl_c() as stop:
        n = service.watch(feeds, store, every=interval, stop=stop, settings=settings, select=select, progress=_progress,
                          polls=polls, on_poll=on_poll, on_error=on_error)
    out.print(f"{'stopped' if stop.is_set() else 'done'} after {n} poll{'s' if n != 1 else ''}: "
              f"{total.new} new documents, {total.failed} failed, {total.events} events stored",
              highlight=False, markup=False)
