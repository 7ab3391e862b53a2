"""Commands that read a store: ``events``, ``docs`` and ``export``."""

from __future__ import annotations

import json
from datetime import UTC
from enum import Enum
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from tidings.cli.app import Fmt, app, check_date, out, print_events, settings_for
from tidings.errors import UsageError


class ExportFmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    """``--near LAT,LON,KM`` as numbers, checked."""
    if value is None:
        return None
    try:
        lat, lon, km = (float(v) for v in value.split(","))
    except ValueError:
        raise UsageError(f"invalid --near {value!r}: use LAT,LON,KM (e.g. 50.45,30.52,100)") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise UsageError(f"invalid --near {value!r}: latitude -90..90, longitude -180..180, a positive distance")
    return lat, lon, km


@app.command("events")
def events_cmd(
    ctx: typer.Context,
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
    include_hypothetical: Annotated[bool, typer.Option("--include-hypothetical", help="Include hypothetical events (may, could, if).")] = False,
    country: Annotated[str | None, typer.Option("--country", help="Country where the event happened (ISO alpha-3).")] = None,
    near: Annotated[str | None, typer.Option("--near", help="LAT,LON,KM: events located within KM of the point.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show why each event was coded (its trace).")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """Query stored events."""
    from tidings.store import EventQuery, Store

    store = Store(settings_for(ctx, db_url=db).db_url)
    query = EventQuery(source=source, target=target, root=root, code=code, plover=plover, since=check_date(since),
                       until=check_date(until), doc=doc, include_negated=include_negated,
                       include_hypothetical=include_hypothetical, country=country, near=parse_near(near))
    events = store.events(query)
    print_events(events, fmt)
    if explain and fmt == Fmt.table:
        for e in events:
            src = e.source.code or e.source.text if e.source else "-"
            tgt = e.target.code or e.target.text if e.target else "-"
            out.print(f"{e.event_id}  {e.cameo} {src} -> {tgt}  (doc {e.doc_id}, sentence {e.sentence_index}, "
                      f"rule {e.rule})", markup=False, highlight=False)
            for step in e.trace:
                out.print(f"    {step}", markup=False, highlight=False)


@app.command("docs")
def docs_cmd(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", help="Database URL.")] = None,
    failed: Annotated[bool, typer.Option("--failed", help="Only documents that failed, with reasons.")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format (table or jsonl).")] = Fmt.table,
) -> None:
    """List stored documents with their status and failure reasons."""
    from tidings.store import Store

    rows = Store(settings_for(ctx, db_url=db).db_url).documents(failed_only=failed)
    if fmt != Fmt.table:
        for r in rows:
            out.print(json.dumps(r, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        return
    table = Table(header_style="bold")
    for col in ("doc", "status", "events", "published", "reason"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(escape(r["origin"] or r["doc_id"]), r["status"], str(r["events"]), r["published"] or "",
                      escape(f"{r['error_code']}: {r['error']}") if r["error"] else "")
    out.print(table)


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    output: Annotated[str, typer.Option("-o", "--output", help="Output file.")],
    fmt: Annotated[ExportFmt, typer.Option("--format", help="Export format.")] = ExportFmt.jsonl,
    db: Annotated[str | None, typer.Option("--db", help="Database URL.")] = None,
    include_negated: Annotated[bool, typer.Option("--include-negated", help="Include negated events.")] = False,
    include_hypothetical: Annotated[bool, typer.Option("--include-hypothetical", help="Include hypothetical events.")] = False,
    commitments: Annotated[bool, typer.Option("--commitments", help="Export commitments (promises tracked to delivery) instead of events.")] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="With --commitments: status as of this day (default today).")] = None,
) -> None:
    """Export stored events (gdelt = GDELT 2.0 Events columns, tab-separated), or commitments."""
    from datetime import datetime

    from tidings.export import write_events
    from tidings.store import EventQuery, Store

    settings = settings_for(ctx, db_url=db)
    if commitments:
        _export_commitments(settings, fmt.value, output, as_of)
        return
    if as_of:
        raise UsageError("--as-of goes with --commitments")
    store = Store(settings.db_url)
    events = store.events(EventQuery(include_negated=include_negated, include_hypothetical=include_hypothetical))
    # GDELT's SOURCEURL: the document's URL when known, else where it was read from
    urls = {d["doc_id"]: d["url"] or d["origin"] for d in store.documents()}
    added = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    n = write_events(events, fmt.value, output, urls=urls, added=added)
    out.print(f"wrote {n} events to {output}", highlight=False)


def _export_commitments(settings, fmt: str, output: str, as_of: str | None) -> None:
    from datetime import date

    from tidings.commitments import CommitmentQuery, commitments_from_store
    from tidings.export import COMMITMENT_FORMATS, write_commitments
    from tidings.store import Store

    if fmt not in COMMITMENT_FORMATS:
        raise UsageError(f"commitments export as {', '.join(COMMITMENT_FORMATS)}, not {fmt}")
    day = check_date(as_of) or date.today().isoformat()
    found = commitments_from_store(Store(settings.db_url), CommitmentQuery(as_of=day), due_days=settings.commitment_due_days)
    n = write_commitments(found, fmt, output)
    out.print(f"wrote {n} commitments (as of {day}) to {output}", highlight=False)
