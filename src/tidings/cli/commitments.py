"""``tidings commitments``: promises with amounts and deadlines, tracked to delivery, as of a date."""

from __future__ import annotations

import sys
from datetime import date as Date
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from tidings.cli.app import Fmt, app, check_date, out, settings_for
from tidings.errors import UsageError


def _amount(value: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    for size, word in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:g}{word} {unit or ''}".strip()
    return f"{value:g} {unit or ''}".strip()


@app.command("commitments")
def commitments_cmd(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", help="Database URL.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Promiser or beneficiary: code prefix or country.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="open, due, partly-fulfilled, fulfilled, lapsed or withdrawn.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Status as of this day (YYYY-MM-DD; default today): "
                                              "only articles published by then count.")] = None,
    due_days: Annotated[int | None, typer.Option("--due-days", help="A deadline this close is 'due' (setting commitment_due_days).")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """Promises (intended or pledged acts) with their amounts, deadlines, restatements, deliveries
    and status as of a date, each with its evidence chain."""
    from tidings.commitments import CommitmentQuery, commitments_from_store, parse_status
    from tidings.export import write_commitments
    from tidings.store import Store

    wanted = parse_status(status) if status else None
    if status and wanted is None:
        raise UsageError(f"invalid --status {status!r}: use open, due, partly-fulfilled, fulfilled, lapsed or withdrawn")
    if due_days is not None and due_days < 0:
        raise UsageError("--due-days must be 0 or more")
    settings = settings_for(ctx, db_url=db, commitment_due_days=due_days)
    day = check_date(as_of) or Date.today().isoformat()
    store = Store(settings.db_url)
    found = commitments_from_store(store, CommitmentQuery(as_of=day, actor=actor, status=wanted),
                                   due_days=settings.commitment_due_days)
    if fmt != Fmt.table:
        write_commitments(found, fmt.value, sys.stdout)
        return
    table = Table(header_style="bold", title=f"commitments as of {day}")
    for col in ("#", "promiser", "promise", "beneficiary", "amount", "deadline", "stated", "status", "delivered"):
        table.add_column(col, overflow="fold")
    for n, c in enumerate(found, 1):
        amount = _amount(c.amount.value, c.amount.unit) if c.amount else ""
        delivered = _amount(c.delivered, c.amount.unit if c.amount else None) if c.delivered is not None else ""
        table.add_row(str(n), escape(c.promiser.code or ""), escape(f"{c.cameo} {c.object or c.what}"),
                      escape((c.beneficiary.code or "") + ("?" if c.beneficiary_inferred else "")), amount,
                      c.deadline or "", c.first_stated, c.status, delivered)
    out.print(table)
    for n, c in enumerate(found, 1):
        out.print(f"#{n} {c.promiser.code} {c.what.lower()} ({c.cameo}) -> {c.beneficiary.code}: {c.status}",
                  markup=False, highlight=False)
        for e in c.evidence:
            where = f"{e.doc_id}#{e.sentence_index}" if e.doc_id else "-"
            text = e.sentence if e.sentence and len(e.sentence) <= 110 else (e.sentence or "")[:107] + "..." if e.sentence else e.note
            out.print(f"    {e.role:<12} {e.published or e.date or '':<10} {where:<28} {text}", markup=False, highlight=False)
    out.print(f"{len(found)} commitments")
