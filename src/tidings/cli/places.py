"""``tidings places``: every place mention of documents, resolved, with coordinates."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from tidings.cli.app import app, check_date, err, out, settings_for, table_console
from tidings.records import Failure


class PlacesFmt(str, Enum):
    table = "table"
    jsonl = "jsonl"


@app.command("places")
def places_cmd(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for JSON lines on stdin.")],
    date: Annotated[str | None, typer.Option("--date", help="Publication date for documents that carry none.")] = None,
    fmt: Annotated[PlacesFmt, typer.Option("--format", help="Output format.")] = PlacesFmt.table,
    wide: Annotated[bool, typer.Option("--wide", help="Every column, whatever the terminal's width.")] = False,
) -> None:
    """Place mentions with coordinates: doc_id, text, offsets, name, GeoNames id, lat, lon, country."""
    from tidings.ingest import read_inputs
    from tidings.places.extract import place_documents, place_rows
    from tidings.records import Document

    settings = settings_for(ctx)
    failures: list[Failure] = []
    docs: list[Document] = []
    for item in read_inputs(paths, date=check_date(date), settings=settings):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            docs.append(item)
    rows = place_rows(place_documents([d for d in docs if isinstance(d, Document)], settings=settings))
    if fmt == PlacesFmt.jsonl:
        for row in rows:
            out.print(json.dumps(row, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
    else:
        console = table_console(wide)
        room = console.width
        columns = ["doc", "text", "start", "name", "country"] + (["feature", "conf"] if room >= 100 else [])
        columns += ["admin1", "lat", "lon"] if room >= 130 else []
        table = Table(header_style="bold")
        for col in columns:
            table.add_column(col, overflow="fold")
        n = 0
        for r in rows:
            n += 1
            cells = {"doc": escape(str(r["doc_id"])), "text": escape(str(r["text"])), "start": str(r["start"]),
                     "name": escape(str(r["name"])), "country": str(r["country"] or ""),
                     "admin1": escape(str(r["admin1"] or "")), "feature": str(r["feature"]), "lat": f"{r['lat']:.4f}",
                     "lon": f"{r['lon']:.4f}", "conf": f"{r['confidence']:.2f}"}
            table.add_row(*(cells[c] for c in columns))
        console.print(table)
        console.print(f"{n} place mentions", highlight=False)
    for f in failures:
        err.print(f"failed: {f.origin}: {f.reason}", markup=False, highlight=False)
    if failures:
        raise typer.Exit(1)
