"""Commands that read a store: ``events``, ``docs`` and ``export``. They never create a database:
a mistyped ``--db`` is an error, not an empty result."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from datetime import UTC
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from tidings.cli.app import Fmt, app, err, out, print_events, settings_for, table_console
from tidings.errors import UsageError

# The filters every command that reads events takes, declared once.
Db = Annotated[str | None, typer.Option("--db", help="Database URL (default sqlite:///tidings.db or $TIDINGS_DB).")]
Source = Annotated[str | None, typer.Option("--source", help="Source actor: code prefix (RUS, RUSGOV) or a name (Kenya, EU).")]
Target = Annotated[str | None, typer.Option("--target", help="Target actor: code prefix or a name.")]
Root = Annotated[str | None, typer.Option("--root", help="CAMEO root (01-20).")]
Code = Annotated[str | None, typer.Option("--code", help="CAMEO code prefix.")]
Plover = Annotated[str | None, typer.Option("--plover", help="PLOVER category.")]
Since = Annotated[str | None, typer.Option("--since", help="Earliest event date (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option("--until", help="Latest event date (YYYY-MM-DD).")]
Doc = Annotated[str | None, typer.Option("--doc", help="Document id.")]
Negated = Annotated[bool, typer.Option("--include-negated", help="Include negated events.")]
Hypothetical = Annotated[bool, typer.Option("--include-hypothetical", help="Include hypothetical events (may, could, if).")]
Country = Annotated[str | None, typer.Option("--country", help="Country where the event happened (ISO alpha-3).")]
Near = Annotated[str | None, typer.Option("--near", help="LAT,LON,KM: events located within KM of the point.")]
Limit = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many events.")]
SinceIngest = Annotated[str | None, typer.Option("--since-ingest", help="Only documents ingested at or after this time "
                                                 "(YYYY-MM-DD or ISO time): an incremental export.")]
Explain = Annotated[bool, typer.Option("--explain", help="Show why each mention was coded (its trace).")]
Wide = Annotated[bool, typer.Option("--wide", help="Every column, whatever the terminal's width.")]


class Sort(str, Enum):
    document = "document"
    date = "date"
    date_desc = "-date"
    goldstein = "goldstein"
    goldstein_desc = "-goldstein"


SortOpt = Annotated[Sort, typer.Option("--sort", help="Order: text order of the documents, date or Goldstein "
                                       "(a leading - reverses).")]


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


def _since_ingest(value: str | None) -> str | None:
    from datetime import datetime

    if value is None:
        return None
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"invalid --since-ingest {value!r}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS") from None


def _query(*, source, target, root, code, plover, since, until, doc, include_negated, include_hypothetical,
           country, near, limit=None, sort=Sort.document, since_ingest=None, min_sources=0):
    from tidings.store.filters import event_query

    return event_query(source=source, target=target, root=root, code=code, plover=plover, since=since, until=until,
                       doc=doc, include_negated=include_negated, include_hypothetical=include_hypothetical,
                       country=country, near=parse_near(near), limit=limit, sort=sort.value,
                       since_ingest=_since_ingest(since_ingest), min_sources=min_sources)


def _store(ctx: typer.Context, db: str | None):
    from tidings.store import Store

    return Store(settings_for(ctx, db_url=db).db_url, create=False)


def _explain(mentions) -> None:
    for e in mentions:
        src = e.source.code or e.source.text if e.source else "-"
        tgt = e.target.code or e.target.text if e.target else "-"
        out.print(f"{e.mention_id}  {e.cameo} {src} -> {tgt}  (doc {e.doc_id}, sentence {e.sentence_index}, "
                  f"rule {e.rule}, event {e.event_id})", markup=False, highlight=False)
        for step in e.trace:
            out.print(f"    {step}", markup=False, highlight=False)


def print_happenings(events, fmt: Fmt, *, wide: bool = False) -> None:
    """Unique events as a table that fits the terminal, JSON lines or CSV."""
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
    console = table_console(wide)
    room = console.width
    columns = ["date", "source", "cameo", "target"] + (["plover", "flags", "mentions"] if room >= 100 else [])
    columns += (["articles"] if room >= 120 else []) + ["sources"] + (["doc"] if room >= 90 else []) + ["evidence"]
    table = Table(show_lines=False, header_style="bold")
    for col in columns:
        if col == "date":
            table.add_column(col, no_wrap=True, min_width=10)
        else:
            table.add_column(col, overflow="fold", ratio=1 if col == "evidence" else None)
    for h in events:
        flags = ",".join(f for f in ("neg" if h.negated else "", h.modality if h.modality != "asserted" else "") if f)
        src = h.source.code or f"[{h.source.text}]" if h.source else "-"
        tgt = h.target.code or f"[{h.target.text}]" if h.target else "-"
        sentence = h.representative.get("sentence") or ""
        limit = 90 if room >= 120 else 60
        snippet = sentence if wide or len(sentence) <= limit else sentence[:limit - 3] + "..."
        cells = {"date": h.date or "?", "source": escape(src), "cameo": h.cameo, "target": escape(tgt),
                 "plover": h.plover or "-", "flags": flags, "mentions": str(h.num_mentions),
                 "articles": str(h.num_articles), "sources": str(h.num_sources),
                 "doc": escape(h.representative.get("doc_id") or ""), "evidence": escape(snippet)}
        table.add_row(*(cells[c] for c in columns))
    console.print(table)
    console.print(f"{len(events)} events", highlight=False)


@app.command("events")
def events_cmd(
    ctx: typer.Context, db: Db = None, source: Source = None, target: Target = None, root: Root = None,
    code: Code = None, plover: Plover = None, since: Since = None, until: Until = None, doc: Doc = None,
    include_negated: Negated = False, include_hypothetical: Hypothetical = False, country: Country = None,
    near: Near = None, limit: Limit = None, sort: SortOpt = Sort.date,
    min_sources: Annotated[int, typer.Option("--min-sources", min=0,
                                             help="Only events reported by at least N independent outlets.")] = 0,
    explain: Explain = False, wide: Wide = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """Unique events: every real-world happening once, with how many mentions, articles and outlets report it."""
    query = _query(source=source, target=target, root=root, code=code, plover=plover, since=since, until=until,
                   doc=doc, include_negated=include_negated, include_hypothetical=include_hypothetical,
                   country=country, near=near, limit=limit, sort=sort, min_sources=min_sources)
    store = _store(ctx, db)
    events = store.happenings(query)
    print_happenings(events, fmt, wide=wide)
    if explain and fmt == Fmt.table:
        from tidings.store import EventQuery

        wanted = {h.event_id for h in events}
        _explain([m for m in store.events(EventQuery(include_negated=True, include_hypothetical=True))
                  if m.event_id in wanted])


class Unit(str, Enum):
    events = "events"
    mentions = "mentions"


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


@app.command("summary")
def summary_cmd(
    ctx: typer.Context, db: Db = None, source: Source = None, target: Target = None, root: Root = None,
    code: Code = None, plover: Plover = None, since: Since = None, until: Until = None, doc: Doc = None,
    include_negated: Negated = False, include_hypothetical: Hypothetical = False, country: Country = None,
    near: Near = None,
    by: Annotated[Period, typer.Option("--by", help="Period of the timeline.")] = Period.month,
    dyad: Annotated[str | None, typer.Option("--dyad", help="SOURCE:TARGET, e.g. RUS:BLR: that dyad's time series.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="An actor's time series: events where it is source or target.")] = None,
    top: Annotated[int, typer.Option("--top", min=0, help="How many dyads to list.")] = 10,
    unit: Annotated[Unit, typer.Option("--count", help="Count unique events (stories) or mentions.")] = Unit.events,
    min_sources: Annotated[int, typer.Option("--min-sources", min=0,
                                             help="Only events reported by at least N independent outlets.")] = 0,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format (csv and jsonl: one row per period or dyad, "
                                                      "with a 'section' column).")] = Fmt.table,
    plot: Annotated[str | None, typer.Option("--plot", help="Also draw the timeline to FILE.png or FILE.svg.")] = None,
) -> None:
    """Events per day, week, month or year by QuadClass with the mean Goldstein, and the top dyads;
    an actor's or a dyad's time series with --actor or --dyad."""
    from tidings.summary import SummaryItem, actor_key, plot_timeline, summarize

    if dyad is not None:
        parts = [p.strip() for p in dyad.split(":")]
        if len(parts) != 2 or not all(parts):
            raise UsageError(f"invalid --dyad {dyad!r}: use SOURCE:TARGET (e.g. RUS:BLR)")
        if source or target:
            raise UsageError("--dyad sets the source and the target: leave out --source and --target")
        source, target = parts
    if actor is not None and (source or target):
        raise UsageError("--actor is either side of the event: leave out --source, --target and --dyad")
    if min_sources and unit == Unit.mentions:
        raise UsageError("--min-sources counts the outlets of events: it does not go with --count mentions")
    common = dict(root=root, code=code, plover=plover, since=since, until=until, doc=doc,
                  include_negated=include_negated, include_hypothetical=include_hypothetical, country=country, near=near,
                  min_sources=min_sources)
    sides = ([dict(source=actor, target=None), dict(source=None, target=actor)] if actor
             else [dict(source=source, target=target)])
    queries = [_query(**common, **side) for side in sides]
    store = _store(ctx, db)
    items: dict[str, SummaryItem] = {}
    for query in queries:
        if unit == Unit.events:
            for h in store.happenings(query):
                items[h.event_id] = SummaryItem(h.date, h.quad_class, h.goldstein, actor_key(h.source), actor_key(h.target))
        else:
            for e in store.events(query):
                items[e.mention_id] = SummaryItem(e.date, e.quad_class, e.goldstein, actor_key(e.source),
                                                  actor_key(e.target))
    result = summarize(items.values(), unit=unit.value, bucket=by.value, top=top)
    what = f"{actor} (either side)" if actor else f"{source}→{target}" if dyad else ""
    if plot:
        plot_timeline(result, plot, title=f"{what + ': ' if what else ''}{result.total} {result.unit} by QuadClass")
    if fmt == Fmt.jsonl:
        for row in result.rows():
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == Fmt.csv:
        cols = ["section", "period", "source", "target", "q1", "q2", "q3", "q4", "total", "count", "cooperation",
                "conflict", "goldstein"]
        writer = csv.DictWriter(sys.stdout, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(result.rows())
    else:
        _print_summary(result, what)
    if plot:
        err.print(f"plotted {len(result.timeline)} periods to {plot}", highlight=False, markup=False)


def _print_summary(result, what: str) -> None:
    console = table_console()
    table = Table(header_style="bold", title=f"{result.unit} per {result.bucket}" + (f": {escape(what)}" if what else ""))
    # QuadClass 1-4: verbal cooperation, material cooperation, verbal conflict, material conflict
    for col in (result.bucket, "verb.coop", "mat.coop", "verb.confl", "mat.confl", "total", "Goldstein"):
        table.add_column(col, justify="left" if col == result.bucket else "right", no_wrap=True)
    for r in result.timeline:
        table.add_row(r["period"], str(r["q1"]), str(r["q2"]), str(r["q3"]), str(r["q4"]), str(r["total"]),
                      f"{r['goldstein']:+.2f}")
    console.print(table)
    if result.dyads:
        dyads = Table(header_style="bold", title="top dyads")
        for col in ("source", "target", result.unit, "coop", "confl", "Goldstein"):
            dyads.add_column(col, justify="left" if col in ("source", "target") else "right", no_wrap=True)
        for d in result.dyads:
            dyads.add_row(escape(d["source"]), escape(d["target"]), str(d["count"]), str(d["cooperation"]),
                          str(d["conflict"]), f"{d['goldstein']:+.2f}")
        console.print(dyads)
    console.print(f"{result.total} {result.unit}" + (f", {result.undated} undated (not in the timeline)"
                                                      if result.undated else ""), highlight=False)


@app.command("mentions")
def mentions_cmd(
    ctx: typer.Context, db: Db = None, source: Source = None, target: Target = None, root: Root = None,
    code: Code = None, plover: Plover = None, since: Since = None, until: Until = None, doc: Doc = None,
    include_negated: Negated = False, include_hypothetical: Hypothetical = False, country: Country = None,
    near: Near = None, limit: Limit = None, sort: SortOpt = Sort.document, explain: Explain = False, wide: Wide = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """Every stored mention (one coded event in one sentence), with the id of its event."""
    query = _query(source=source, target=target, root=root, code=code, plover=plover, since=since, until=until,
                   doc=doc, include_negated=include_negated, include_hypothetical=include_hypothetical,
                   country=country, near=near, limit=limit, sort=sort)
    mentions = _store(ctx, db).events(query)
    print_events(mentions, fmt, wide=wide)
    if explain and fmt == Fmt.table:
        _explain(mentions)


DOC_COLUMNS = ("doc_id", "origin", "status", "events", "published", "title", "url", "attribution", "error_code", "error",
               "coder", "fetched")


docs_app = typer.Typer(help="Stored documents: list them, or give one a publication date.")
app.add_typer(docs_app, name="docs")


@docs_app.callback(invoke_without_command=True)
def docs_cmd(
    ctx: typer.Context, db: Db = None,
    failed: Annotated[bool, typer.Option("--failed", help="Only documents that failed, with reasons.")] = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """List stored documents with their id (what --doc takes), status, events and failure reasons."""
    if ctx.invoked_subcommand is not None:
        return
    rows = _store(ctx, db).documents(failed_only=failed)
    if fmt == Fmt.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if fmt == Fmt.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=[c for c in DOC_COLUMNS if not rows or c in rows[0]],
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table(header_style="bold")
    for col in ("doc", "status", "events", "published", "from", "copy of", "reason"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(escape(r["doc_id"]), r["status"], str(r["events"]), r["published"] or "",
                      escape(r["origin"] or ""), escape(r.get("duplicate_of") or ""),
                      escape(f"{r['error_code']}: {r['error']}") if r["error"] else "")
    console = table_console()
    console.print(table)
    console.print(f"{len(rows)} documents", highlight=False)


@docs_app.command("set-date")
def docs_set_date(
    ctx: typer.Context,
    doc_id: Annotated[str, typer.Argument(help="Document id (as 'tidings docs' shows it).")],
    date: Annotated[str, typer.Argument(help="Publication date, YYYY-MM-DD.")],
    db: Db = None,
) -> None:
    """Give a stored document its publication date and re-date its events."""
    from tidings import service
    from tidings.store.filters import check_date

    settings = settings_for(ctx, db_url=db)
    report = service.set_date(_store(ctx, db), doc_id, check_date(date) or date, settings=settings)
    out.print(f"{doc_id}: published {date}; {report.updated} document(s) re-dated, {report.events} events",
              highlight=False, markup=False)


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    output: Annotated[str, typer.Option("-o", "--output", help="Output file.")],
    fmt: Annotated[ExportFmt, typer.Option("--format", help="Export format.")] = ExportFmt.jsonl,
    db: Db = None, source: Source = None, target: Target = None, root: Root = None, code: Code = None,
    plover: Plover = None, since: Since = None, until: Until = None, doc: Doc = None,
    include_negated: Negated = False, include_hypothetical: Hypothetical = False, country: Country = None,
    near: Near = None, limit: Limit = None, sort: SortOpt = Sort.document, since_ingest: SinceIngest = None,
    mentions: Annotated[str | None, typer.Option("--mentions", help="gdelt: also write the Mentions table to this file.")] = None,
    commitments: Annotated[bool, typer.Option("--commitments", help="Export commitments (promises tracked to delivery) instead of events.")] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="With --commitments: status as of this day (default today).")] = None,
) -> None:
    """Export stored mentions (jsonl, csv, parquet) or unique events (gdelt = GDELT 2.0 Events, and Mentions with
    --mentions), with the same filters as ``events``; or commitments (--commitments)."""
    from datetime import datetime

    from tidings.export import write_events, write_gdelt

    for path in (output, mentions):
        folder = Path(path).resolve().parent if path else None
        if folder is not None and not folder.is_dir():
            raise UsageError(f"cannot write {path}: folder {folder} does not exist")
    if mentions and fmt != ExportFmt.gdelt:
        raise UsageError("--mentions goes with --format gdelt")
    if commitments:
        _export_commitments(settings_for(ctx, db_url=db), fmt.value, output, as_of)
        return
    if as_of:
        raise UsageError("--as-of goes with --commitments")
    query = _query(source=source, target=target, root=root, code=code, plover=plover, since=since, until=until,
                   doc=doc, include_negated=include_negated, include_hypothetical=include_hypothetical,
                   country=country, near=near, limit=limit, sort=sort, since_ingest=since_ingest)
    store = _store(ctx, db)
    added = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    if fmt == ExportFmt.gdelt:
        happenings = store.happenings(query)
        wanted = {h.event_id for h in happenings}
        everything = dataclasses.replace(query, limit=None, sort="document", source=None, target=None, root=None,
                                         code=None, plover=None, since=None, until=None, doc=None, country=None,
                                         near=None, since_ingest=None)
        events = [m for m in store.events(everything) if m.event_id in wanted]
        n, m = write_gdelt(happenings, events, store.documents(), output, mentions, added=added)
        extra = f" and {m} mentions to {mentions}" if mentions else ""
        out.print(f"wrote {n} events to {output}{extra}", highlight=False)
        return
    events = store.events(query)
    # GDELT's SOURCEURL: the document's URL when known, else where it was read from
    urls = {d["doc_id"]: d["url"] or d["origin"] for d in store.documents()}
    n = write_events(events, fmt.value, output, urls=urls, added=added)
    out.print(f"wrote {n} mentions to {output}", highlight=False)


def _export_commitments(settings, fmt: str, output: str, as_of: str | None) -> None:
    from datetime import date

    from tidings.commitments import CommitmentQuery, commitments_from_store
    from tidings.export import COMMITMENT_FORMATS, write_commitments
    from tidings.store import Store
    from tidings.store.filters import check_date

    if fmt not in COMMITMENT_FORMATS:
        raise UsageError(f"commitments export as {', '.join(COMMITMENT_FORMATS)}, not {fmt}")
    day = check_date(as_of) or date.today().isoformat()
    found = commitments_from_store(Store(settings.db_url, create=False), CommitmentQuery(as_of=day), due_days=settings.commitment_due_days)
    n = write_commitments(found, fmt, output)
    out.print(f"wrote {n} commitments (as of {day}) to {output}", highlight=False)
