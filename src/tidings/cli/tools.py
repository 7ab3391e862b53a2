"""Commands for developers and lexicon authors: ``eval`` and ``actors lookup``."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from tidings.cli.app import actors_app, app, check_date, out, settings_for


class By(str, Enum):
    root = "root"
    plover = "plover"
    code = "code"


class EvalFmt(str, Enum):
    text = "text"
    json = "json"


@app.command("eval")
def eval_cmd(
    ctx: typer.Context,
    gold: Annotated[list[str], typer.Argument(help="Gold JSON-lines file(s).")],
    errors: Annotated[int, typer.Option("--errors", min=0, help="How many of the worst errors to show.")] = 10,
    by: Annotated[By, typer.Option("--by", help="Breakdown level.")] = By.root,
    fmt: Annotated[EvalFmt, typer.Option("--format", help="Report format.")] = EvalFmt.text,
    together: Annotated[bool, typer.Option("--together", help="Score all files as one set instead of a row per file.")] = False,
) -> None:
    """Score the coder against gold files (exit code 0 whatever the scores).

    One file: the full report. Several: one table with a row per file (``--format json`` gives
    every report); ``--together`` scores them as one set."""
    from tidings.evaluate import evaluate, evaluate_sets, render_table, render_text

    settings = settings_for(ctx)
    if len(gold) == 1 or together:
        report = evaluate(gold, settings=settings, errors=errors)
        text = json.dumps(report, ensure_ascii=False, indent=1) if fmt == EvalFmt.json else render_text(report, by.value)
    else:
        reports = evaluate_sets(gold, settings=settings, errors=errors)
        text = json.dumps(reports, ensure_ascii=False, indent=1) if fmt == EvalFmt.json else render_table(reports)
    out.print(text, markup=False, highlight=False, soft_wrap=True)


@actors_app.command("lookup")
def actors_lookup(
    mention: Annotated[str, typer.Argument(help="A name, alias or phrase.")],
    date: Annotated[str | None, typer.Option("--date", help="Resolve dated roles for this day.")] = None,
    actors: Annotated[list[str] | None, typer.Option("--actors", help="Extra actor file.")] = None,
) -> None:
    """Show how a mention resolves, with every candidate and why."""
    from tidings.actors.lookup import lookup

    for line in lookup(mention, check_date(date), tuple(actors or ())):
        out.print(line, markup=False, highlight=False)
