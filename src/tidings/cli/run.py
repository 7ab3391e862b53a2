"""Commands that code text: ``code``, ``ingest`` and ``explain``."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tidings.cli.app import Fmt, app, check_date, err, out, print_events, settings_for
from tidings.cli.sources import Since, Site, Until, selection
from tidings.errors import UsageError
from tidings.records import Event, Failure


@app.command("code")
def code_cmd(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files (txt, html, jsonl, warc, warc.gz), directories, or - for JSON lines on stdin.")],
    date: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for documents that carry none.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
    actors: Annotated[list[str] | None, typer.Option("--actors", help="Extra actor file (TSV or PETRARCH .txt).")] = None,
    statements: Annotated[bool, typer.Option("--statements", help="Also code bare statements (CAMEO 010).")] = False,
    include_negated: Annotated[bool, typer.Option("--include-negated", help="Include negated events.")] = False,
    include_hypothetical: Annotated[bool, typer.Option("--include-hypothetical", help="Include hypothetical events (may, could, if).")] = False,
    processes: Annotated[int, typer.Option("--processes", "-j", min=1, help="Worker processes.")] = 1,
    since: Since = None,
    until: Until = None,
    site: Site = None,
) -> None:
    """Code documents and print their mentions (no database); mentions of one happening share an
    event_id. Negated and hypothetical events are left out unless asked for."""
    from tidings.service import code_paths, code_stories

    settings = settings_for(ctx, actor_files=tuple(actors or ()), statements=statements or None)
    failures: list[Failure] = []
    coded = list(code_paths(paths, date=check_date(date), settings=settings, failures=failures,
                            select=selection(since, until, site), n_process=processes))
    events: list[Event] = [e for e in code_stories(coded, settings)[0] if (include_negated or not e.negated)
                           and (include_hypothetical or e.modality != "hypothetical")]
    print_events(events, fmt)
    for f in failures:
        err.print(f"failed: {f.origin}: {f.reason}", markup=False, highlight=False)
    if failures:
        raise typer.Exit(1)


def own_database_files(db_url: str) -> tuple[str, ...]:
    """The SQLite file of ``db_url`` and its journal files: never inputs of an ingest into it."""
    from sqlalchemy.engine import make_url

    try:
        url = make_url(db_url)
    except Exception:  # noqa: BLE001 - a bad URL is reported when the store opens
        return ()
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return ()
    base = str(Path(url.database).resolve())
    return tuple(base + suffix for suffix in ("", "-wal", "-shm", "-journal"))


Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display (failures are still printed).")]
Every = Annotated[float, typer.Option("--progress-every", min=0, help="Seconds between status lines when "
                                      "standard error is not a terminal (0: none).")]


@app.command("ingest")
def ingest_cmd(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories, or - for JSON lines on stdin.")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Database URL (default sqlite:///tidings.db or $TIDINGS_DB).")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Publication date for documents that carry none "
                                             "(with --recode: for stored documents that have none).")] = None,
    recode: Annotated[bool, typer.Option("--recode", help="Re-code all stored documents with the current coder.")] = False,
    actors: Annotated[list[str] | None, typer.Option("--actors", help="Extra actor file.")] = None,
    statements: Annotated[bool, typer.Option("--statements", help="Also code bare statements (CAMEO 010).")] = False,
    processes: Annotated[int, typer.Option("--processes", "-j", min=1, help="Worker processes.")] = 1,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Leave out files whose name or path matches "
                                                      "this glob pattern (repeatable).")] = None,
    from_parquet: Annotated[str | None, typer.Option("--from-parquet", help="Load the output folder of tidings spark (already coded).")] = None,
    since: Since = None,
    until: Until = None,
    site: Site = None,
    quiet: Quiet = False,
    every: Every = 10.0,
) -> None:
    """Clean, code and store documents (the database is created when it does not exist), or load
    documents coded by tidings spark."""
    from tidings import service
    from tidings.cli.progress import IngestProgress, summary
    from tidings.ingest import count_inputs
    from tidings.store import Store

    settings = settings_for(ctx, db_url=db, actor_files=tuple(actors or ()), statements=statements or None)
    if not paths and not recode and not from_parquet:
        raise UsageError("give files or directories to ingest, or --recode, or --from-parquet DIR")
    if from_parquet and (paths or recode):
        raise UsageError("--from-parquet loads a tidings spark output alone: give no files and no --recode")
    select = selection(since, until, site)
    skip = (*(exclude or ()), *own_database_files(settings.db_url))
    store = Store(settings.db_url)
    if recode:
        total: int | None = store.counts()["coded"]
    else:
        total = count_inputs(paths or [], skip)
    with IngestProgress(err, total, every=every, quiet=quiet, label="recode" if recode else "ingest") as progress:
        if recode:
            report = service.recode(store, settings=settings, progress=progress, date=check_date(date))
        elif from_parquet:
            report = service.ingest_parquet(from_parquet, store, settings=settings, progress=progress)
        else:
            report = service.ingest(paths or [], store, date=check_date(date), settings=settings,
                                    progress=progress, n_process=processes, select=select, exclude=skip)
    out.print(summary(report, "recoded" if recode else "new"), highlight=False, markup=False)
    if report.failed:
        raise typer.Exit(1)


class ExplainFmt(str, Enum):
    text = "text"
    json = "json"


@app.command("explain")
def explain_cmd(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="A sentence or text to explain, or a file (txt, html, jsonl).")],
    date: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD).")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Document id inside FILE (needed when it holds several).")] = None,
    sentence: Annotated[int | None, typer.Option("--sentence", min=0, help="Only this sentence (index from 0).")] = None,
    fmt: Annotated[ExplainFmt, typer.Option("--format", help="Output format.")] = ExplainFmt.text,
    actors: Annotated[list[str] | None, typer.Option("--actors", help="Extra actor file.")] = None,
) -> None:
    """Why each event was coded, or why none was: parse, actors, every decision of the coder."""
    from tidings.explain import explain_documents, explain_text, render
    from tidings.ingest import read_inputs
    from tidings.nlp import load_pipeline
    from tidings.records import Document

    settings = settings_for(ctx, actor_files=tuple(actors or ()))
    nlp = load_pipeline(settings)
    when = check_date(date)
    if _names_file(source):
        items = list(read_inputs([source], date=when, settings=settings))
        bad = [i for i in items if isinstance(i, Failure)]
        docs = [i for i in items if isinstance(i, Document)]
        if doc is not None:
            docs = [d for d in docs if d.doc_id == doc]
            if not docs:
                raise UsageError(f"no document {doc!r} in {source}")
        elif len(docs) > 1:
            raise UsageError(f"{source} holds {len(docs)} documents: choose one with --doc "
                             f"({', '.join(d.doc_id for d in docs[:5])}{', …' if len(docs) > 5 else ''})")
        if not docs:
            reason = bad[0].reason if bad else "no document"
            raise UsageError(f"cannot explain {source}: {reason}")
        explanations = explain_documents(nlp, docs, sentence)
    else:
        if doc is not None:
            raise UsageError(f"--doc needs a file, and {source[:40]!r} is not one")
        explanations = explain_text(source, nlp, date=when)
        if sentence is not None:
            explanations = [e for e in explanations if e.sentence_index == sentence]
    if sentence is not None and not explanations:
        raise UsageError(f"there is no sentence {sentence}")
    if fmt == ExplainFmt.json:
        for e in explanations:
            out.print(json.dumps(e.to_dict(), ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        return
    width = min(out.width or 100, 100)
    out.print("\n\n".join(render(e, width) for e in explanations), markup=False, highlight=False, soft_wrap=True)


def _names_file(source: str) -> bool:
    """Whether ``explain``'s argument is a file: a sentence longer than a file name can be is text
    (the system refuses to look it up: "File name too long")."""
    if len(source) >= 4096 or "\n" in source:
        return False
    try:
        return Path(source).exists()
    except OSError:
        return False
