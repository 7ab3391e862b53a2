"""``tidings spark``: code a corpus with PySpark and write Parquet (the library does the work)."""

from __future__ import annotations

from typing import Annotated

import typer

from tidings.cli.app import app, check_date, err, out, settings_for
from tidings.cli.sources import Since, Site, Until, selection
from tidings.errors import UsageError

SHOWN_FAILURES = 20


def _conf(values: list[str] | None) -> dict[str, str]:
    conf = {}
    for item in values or ():
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"invalid --conf {item!r}: use KEY=VALUE (e.g. spark.executor.memory=4g)")
        conf[key.strip()] = value.strip()
    return conf


def _listed(path: str | None) -> list[str]:
    if path is None:
        return []
    try:
        with open(path, encoding="utf-8") as fh:
            return [ln.strip() for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    except OSError as exc:
        raise UsageError(f"cannot read --from-file {path}: {exc.strerror or exc}") from None


@app.command("spark")
def spark_cmd(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(help="Files (txt, html, jsonl, warc, warc.gz), directories, or s3:// and https:// URLs.")] = None,
    output: Annotated[str, typer.Option("--output", "-o", help="Output folder (or a cluster URL) for the Parquet datasets.")] = "",
    from_file: Annotated[str | None, typer.Option("--from-file", help="A file listing inputs, one a line (# comments), e.g. CC-NEWS warc.paths.")] = None,
    master: Annotated[str | None, typer.Option("--master", help="Spark master: local[*] (default), local[2], yarn, k8s://..., spark://...; spark-submit's when submitted.")] = None,
    partitions: Annotated[int | None, typer.Option("--partitions", min=1, help="Pieces to cut the input into (default 4 per core).")] = None,
    conf: Annotated[list[str] | None, typer.Option("--conf", help="Spark setting KEY=VALUE (repeatable).")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing output.")] = False,
    date: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for documents that carry none.")] = None,
    actors: Annotated[list[str] | None, typer.Option("--actors", help="Extra actor file (present on every executor).")] = None,
    statements: Annotated[bool, typer.Option("--statements", help="Also code bare statements (CAMEO 010).")] = False,
    since: Since = None,
    until: Until = None,
    site: Site = None,
) -> None:
    """Code documents on Spark: Parquet mentions and documents (with failure reasons), partitioned by day."""
    from tidings.spark import run_spark

    settings = settings_for(ctx, actor_files=tuple(actors or ()), statements=statements or None)
    if not output:
        raise UsageError("give the output folder: --output DIR")
    inputs = list(paths or ()) + _listed(from_file)
    report = run_spark(inputs, output, master=master, settings=settings, date=check_date(date),
                       select=selection(since, until, site), partitions=partitions, overwrite=overwrite,
                       conf=_conf(conf))
    for origin, reason in report.failures[:SHOWN_FAILURES]:
        err.print(f"failed: {origin}: {reason}", markup=False, highlight=False)
    if report.failed > SHOWN_FAILURES:
        err.print(f"... and {report.failed - SHOWN_FAILURES} more (status 'failed' in {output}/documents)",
                  markup=False, highlight=False)
    line = (f"documents: {report.documents} coded, {report.failed} failed"
            f"{f', {sum(report.skipped.values())} skipped' if report.skipped else ''}; events: {report.events}; "
            f"{report.pieces} pieces on {report.workers} executor processes; wrote {output}/mentions and {output}/documents")
    if report.skipped:
        line += "\nskipped: " + ", ".join(f"{why} {n}" for why, n in report.skipped.most_common())
    out.print(line, markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)
