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


class ExportFmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


def _query(source, target, root, code, plover, since, until, doc, include_negated, min_sources=0):
    from tidings.store import EventQuery

    return EventQuery(source=source, target=target, root=root, code=code, plover=plover, since=check_date(since),
                      until=check_date(until), doc=doc, include_negated=include_negated, min_sources=min_sources)


Source = Annotated[str | None, typer.Option("--source", help="Source actor code prefix or country.")]
Target = Annotated[str | None, typer.Option("--target", help="Target actor code prefix or country.")]
Root = Annotated[str | None, typer.Option("--root", help="CAMEO root (01-20).")]
Code = Annotated[str | None, typer.Option("--code", help="CAMEO code prefix.")]
Plover = Annotated[str | None, typer.Option("--plover", help="PLOVER category.")]
Since = Annotated[str | None, typer.Option("--since", help="Earliest event date.")]
Until = Annotated[str | None, typer.Option("--until", help="Latest event date.")]
Doc = Annotated[str | None, typer.Option("--doc", help="Document id.")]
Negated = Annotated[bool, typer.Option("--include-negated", help="Include negated events.")]
Db = Annotated[str | None, typer.Option("--db", help="Database URL.")]
Explain = Annotated[bool, typer.Option("--explain", help="Show why each mention was coded (its trace).")]


def _explain(mentions) -> None:
    for e in mentions:
        src = e.source.code or e.source.text if e.source else "-"
        tgt = e.target.code or e.target.text if e.target else "-"
        out.print(f"{e.mention_id}  {e.cameo} {src} -> {tgt}  (doc {e.doc_id}, sentence {e.sentence_index}, "
                  f"rule {e.rule}, event {e.event_id})", markup=False, highlight=False)
        for step in e.trace:
            out.print(f"    {step}", markup=False, highlight=False)


def print_happenings(events, fmt: Fmt) -> None:
    import csv
    import sys

    if fmt == Fmt.jsonl:
        for h in events:
            sys.stdout.write(json.dumps(h.to_dict(), ensure_ascii=False) + "\n")
        return
    if fmt == Fmt.csv:
        cols = ("event_id", "date", "source", "target", "cameo", "cameo_root", "plover", "negated", "modality",
                "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen", "confidence", "sentence")
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        for h in events:
            d = h.to_dict()
            d["source"] = h.source.code if h.source else None
            d["target"] = h.target.code if h.target else None
            d["sentence"] = h.representative.get("sentence")
            w.writerow([d[c] for c in cols])
        return
    table = Table(show_lines=False, header_style="bold")
    for col in ("date", "source", "cameo", "target", "plover", "flags", "mentions", "articles", "sources", "evidence"):
        table.add_column(col, overflow="fold")
    for h in events:
        flags = ",".join(f for f in ("neg" if h.negated else "", h.modality if h.modality != "asserted" else "") if f)
        src = h.source.code or f"[{h.source.text}]" if h.source else "-"
        tgt = h.target.code or f"[{h.target.text}]" if h.target else "-"
        sentence = h.representative.get("sentence") or ""
        snippet = sentence if len(sentence) <= 90 else sentence[:87] + "..."
        table.add_row(h.date or "?", escape(src), h.cameo, escape(tgt), h.plover or "-", flags, str(h.num_mentions),
                      str(h.num_articles), str(h.num_sources), escape(snippet))
    out.print(table)
    out.print(f"{len(events)} events")


@app.command("events")
def events_cmd(
    ctx: typer.Context, db: Db = None, source: Source = None, target: Target = None, root: Root = None, code: Code = None,
    plover: Plover = None, since: Since = None, until: Until = None, doc: Doc = None, include_negated: Negated = False,
    min_sources: Annotated[int, typer.Option("--min-sources", min=0, help="Only events reported by at least N independent outlets.")] = 0,
    explain: Explain = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """Unique events: every real-world happening once, with how many mentions, articles and outlets report it."""
    from tidings.store import Store

    store = Store(settings_for(ctx, db_url=db).db_url)
    query = _query(source, target, root, code, plover, since, until, doc, include_negated, min_sources)
    events = store.happenings(query)
    print_happenings(events, fmt)
    if explain and fmt == Fmt.table:
        from tidings.store import EventQuery

        wanted = {h.event_id for h in events}
        _explain([m for m in store.events(EventQuery(include_negated=True)) if m.event_id in wanted])


@app.command("mentions")
def mentions_cmd(
    ctx: typer.Context, db: Db = None, source: Source = None, target: Target = None, root: Root = None, code: Code = None,
    plover: Plover = None, since: Since = None, until: Until = None, doc: Doc = None, include_negated: Negated = False,
    explain: Explain = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """Every stored mention (one coded event in one sentence), with the id of its event."""
    from tidings.store import Store

    store = Store(settings_for(ctx, db_url=db).db_url)
    mentions = store.events(_query(source, target, root, code, plover, since, until, doc, include_negated))
    print_events(mentions, fmt)
    if explain and fmt == Fmt.table:
        _explain(mentions)


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
    for col in ("doc", "status", "events", "published", "copy of", "reason"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(escape(r["origin"] or r["doc_id"]), r["status"], str(r["events"]), r["published"] or "",
                      escape(r["duplicate_of"] or ""), escape(f"{r['error_code']}: {r['error']}") if r["error"] else "")
    out.print(table)


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    output: Annotated[str, typer.Option("-o", "--output", help="Output file.")],
    fmt: Annotated[ExportFmt, typer.Option("--format", help="Export format.")] = ExportFmt.jsonl,
    db: Annotated[str | None, typer.Option("--db", help="Database URL.")] = None,
    include_negated: Annotated[bool, typer.Option("--include-negated", help="Include negated events.")] = False,
    mentions: Annotated[str | None, typer.Option("--mentions", help="gdelt: also write the Mentions table to this file.")] = None,
) -> None:
    """Export stored mentions (jsonl, csv, parquet) or events (gdelt = GDELT 2.0 Events, and Mentions with --mentions)."""
    from datetime import datetime

    from tidings.errors import UsageError
    from tidings.export import write_events, write_gdelt
    from tidings.store import EventQuery, Store

    store = Store(settings_for(ctx, db_url=db).db_url)
    events = store.events(EventQuery(include_negated=include_negated))
    added = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    if fmt == ExportFmt.gdelt:
        happenings = store.happenings(EventQuery(include_negated=include_negated))
        n, m = write_gdelt(happenings, events, store.documents(), output, mentions, added=added)
        extra = f" and {m} mentions to {mentions}" if mentions else ""
        out.print(f"wrote {n} events to {output}{extra}", highlight=False)
        return
    if mentions:
        raise UsageError("--mentions goes with --format gdelt")
    # GDELT's SOURCEURL: the document's URL when known, else where it was read from
    urls = {d["doc_id"]: d["url"] or d["origin"] for d in store.documents()}
    n = write_events(events, fmt.value, output, urls=urls, added=added)
    out.print(f"wrote {n} mentions to {output}", highlight=False)
