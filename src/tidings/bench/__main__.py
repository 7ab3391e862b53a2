"""``python -m tidings.bench`` / ``make bench``: throughput and memory against bare spaCy.

Every configuration (bare spaCy, the same model with the attribute rules as tidings applies them
("parse": the cost of tidings's own layers is measured against it), tidings end to end, tidings ingest into SQLite and, when a
PostgreSQL server can be started here, into PostgreSQL; 1 and 2 processes; and ingest of the same
corpus as HTML pages in a WARC.gz, 1 process) runs in its own process on the same generated corpus,
after a warm-up, ``--reps`` times; the median is reported. WARC ingest ÷ JSONL ingest shows that
reading an archive is not the bottleneck (target ≥ 0.95). Peak RSS is also measured end to end for
``--docs`` and ``--big`` documents to show that memory does not grow with corpus size; the places
component's share of the time and the gazetteer's memory are measured too, and ``tidings spark``
on local[2] is compared with ``tidings code -j 2`` as whole commands (``tidings.bench.spark``). The last line of output
is the summary line.

PostgreSQL runs in a throwaway cluster (``tidings.store.pgserver``) with the server's default
settings (durable commits); each run ingests into a new database.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tidings.bench.corpus import generate
from tidings.bench.warc import write_warc
from tidings.store.pgserver import PostgresUnavailable, TemporaryPostgres

RESULTS = Path("bench/results/latest.json")


def _write_corpus(path: Path, n: int, seed: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for doc in generate(n, seed=seed):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")


MODES = ("bare", "parse", "code", "ingest", "warc", "ingest-postgresql")
ONE_PROCESS = frozenset({"warc"})  # reading is what WARC ingest measures: one process is enough


def _measure(mode: str, procs: int, corpus: Path, tmp: Path, pg: TemporaryPostgres | None = None) -> dict:
    db = tmp / f"bench-{mode}-{procs}-{time.monotonic_ns()}.db"
    target = pg.create_database() if mode == "ingest-postgresql" and pg is not None else str(db)
    cmd = [sys.executable, "-m", "tidings.bench.worker", mode.removesuffix("-postgresql"), str(procs), str(corpus), target]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: {mode}/{procs} failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _places(corpus: Path, n: int) -> dict:
    """tidings_places's share of the pipeline's time, and the gazetteer's resident memory."""
    out = {}
    for args in (["overhead", str(corpus), str(n)], ["memory"]):
        done = subprocess.run([sys.executable, "-m", "tidings.bench.places", *args], capture_output=True, text=True,
                              check=False)
        if done.returncode != 0:
            raise SystemExit(f"bench: places {args[0]} failed: {done.stderr.strip()[-300:]}")
        out.update(json.loads(done.stdout.strip().splitlines()[-1]))
    return out


def _postgres(wanted: str) -> TemporaryPostgres | None:
    """A throwaway server for the PostgreSQL ingest, or None (with the reason) when there is none."""
    if wanted == "off":
        return None
    try:
        return TemporaryPostgres(settings={}, memory=False).start()
    except PostgresUnavailable as exc:
        if wanted == "on":
            raise SystemExit(f"bench: {exc}") from None
        print(f"bench: no PostgreSQL ingest ({exc})", flush=True)
        return None


def _stories(sizes: list[int]) -> dict:
    """Story clustering on synthetic mentions, each measure in its own process (one core)."""
    if not sizes:
        return {}
    out: dict = {"incremental": []}
    for n in sorted(sizes):
        cmd = [sys.executable, "-c", f"import json; from tidings.bench.stories import bench_incremental; "
                                     f"print(json.dumps(bench_incremental({n})))"]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        out["incremental"].append(row)
        print(f"stories: store of {row['store_mentions']} mentions: {row['ms_per_new_document']} ms per new document "
              f"({row['new_documents']} documents, {row['new_mentions']} mentions); full rebuild {row['rebuild_seconds']} s",
              flush=True)
    cmd = [sys.executable, "-c", f"import json; from tidings.bench.stories import bench_batch; "
                                 f"print(json.dumps(bench_batch({max(sizes)})))"]
    batch = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
    out["batch"] = batch
    first, last = out["incremental"][0], out["incremental"][-1]
    out["growth"] = round(last["ms_per_new_document"] / first["ms_per_new_document"], 2) if first["ms_per_new_document"] else None
    print(f"stories: {batch['mentions']} mentions clustered in {batch['seconds']} s in one batch ({batch['events']} events); "
          f"cost per new document x{out['growth']} from {first['store_mentions']} to {last['store_mentions']} mentions",
          flush=True)
    return out


def _spark(args: argparse.Namespace) -> dict | None:
    """``tidings spark`` on local[2] against ``tidings code -j 2`` (tidings.bench.spark), or None
    without PySpark or Java."""
    import importlib.util

    from tidings.spark.job import _java

    if importlib.util.find_spec("pyspark") is None or _java() is None:
        print("spark: skipped (PySpark or Java not installed: make install-extras)", flush=True)
        return None
    done = subprocess.run([sys.executable, "-m", "tidings.bench.spark", "--docs", str(args.docs), "--reps", str(args.reps),
                           "--seed", str(args.seed)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: spark failed: {done.stderr.strip()[-300:]}")
    lines = done.stdout.strip().splitlines()
    print(lines[-2], flush=True)
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.bench", description=__doc__)
    ap.add_argument("--docs", type=int, default=2000, help="corpus size for the timed runs")
    ap.add_argument("--big", type=int, default=10000, help="corpus size for the memory-growth run (0 to skip)")
    ap.add_argument("--reps", type=int, default=3, help="repetitions per configuration (median reported)")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--places-docs", type=int, default=300, help="documents for the places overhead (0 to skip)")
    ap.add_argument("--output", type=Path, default=RESULTS)
    ap.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES),
                    help="configurations to run (the summary needs bare, code and ingest)")
    ap.add_argument("--postgres", choices=("auto", "on", "off"), default="auto",
                    help="ingest into a throwaway PostgreSQL server too: when one can be started (auto), "
                         "always (on: fail otherwise) or never")
    ap.add_argument("--stories", type=int, nargs="*", default=[10000, 100000],
                    help="story clustering: store sizes in mentions (the largest is also clustered in one batch); none to skip")
    ap.add_argument("--spark", action=argparse.BooleanOptionalAction, default=True,
                    help="also tidings spark on local[2] against tidings code -j 2 (when PySpark and Java are installed)")
    args = ap.parse_args(argv)
    modes = [m for m in MODES if m in args.modes]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the PostgreSQL server on kill too
    pg = _postgres(args.postgres) if "ingest-postgresql" in modes else None
    if pg is None and "ingest-postgresql" in modes:
        modes.remove("ingest-postgresql")

    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as tmpdir, contextlib.ExitStack() as stack:
        if pg is not None:
            stack.callback(pg.stop)
        tmp = Path(tmpdir)
        corpus = tmp / "corpus.jsonl"
        _write_corpus(corpus, args.docs, args.seed)
        if "warc" in modes:
            write_warc(generate(args.docs, seed=args.seed), tmp / "corpus.warc.gz")
        # repetitions interleave the configurations, so that a machine whose speed drifts during
        # the run (shared machines do) biases none of them
        def configs(procs: int) -> list[str]:
            return [m for m in modes if m not in ONE_PROCESS or procs == 1]

        runs: dict[tuple[str, int], list[dict]] = {(m, p): [] for p in args.processes for m in configs(p)}
        for procs in args.processes:
            for _ in range(args.reps):
                for mode in configs(procs):
                    runs[mode, procs].append(_measure(mode, procs, corpus, tmp, pg))
        rows = []
        for mode in modes:
            for procs in args.processes:
                if (mode, procs) not in runs:
                    continue
                done = runs[mode, procs]
                secs = statistics.median(r["seconds"] for r in done)
                r0 = done[0]
                rows.append({
                    "mode": mode, "processes": procs, "docs": r0["docs"], "seconds": round(secs, 3),
                    "docs_per_s": round(r0["docs"] / secs, 2), "sentences_per_s": round(r0["sentences"] / secs, 1),
                    "words_per_s": round(r0["words"] / secs, 1), "events_per_s": round(r0["events"] / secs, 1),
                    "events": r0["events"], "failed": r0.get("failed", 0), "stored": r0.get("stored"),
                    "peak_rss_mb": max(r["peak_rss_mb"] for r in done),
                    "cpu_seconds": round(statistics.median(r["cpu_seconds"] for r in done), 3),
                    "runs_seconds": [round(r["seconds"], 3) for r in done],
                })
                store_ms = ""
                if "store_seconds" in r0:  # time spent in the store's calls, per document
                    rows[-1]["store_ms_per_doc"] = round(1000 * statistics.median(r["store_seconds"] for r in done) / r0["docs"], 2)
                    store_ms = f"  store {rows[-1]['store_ms_per_doc']:6.2f} ms/doc"
                print(f"{mode:>17} x{procs}: {rows[-1]['docs_per_s']:8.2f} docs/s  {rows[-1]['words_per_s']:9.0f} words/s  "
                      f"{rows[-1]['events_per_s']:7.1f} events/s  peak {rows[-1]['peak_rss_mb']:7.1f} MB{store_ms}", flush=True)
        memory = {}
        if args.big:
            big = tmp / "big.jsonl"
            _write_corpus(big, args.big, args.seed + 1)
            memory = {str(args.docs): next(r["peak_rss_mb"] for r in rows if r["mode"] == "code" and r["processes"] == 1),
                      str(args.big): _measure("code", 1, big, tmp)["peak_rss_mb"]}
            print(f"memory: peak RSS end to end {memory[str(args.docs)]} MB for {args.docs} docs, "
                  f"{memory[str(args.big)]} MB for {args.big} docs", flush=True)
        places = _places(corpus, args.places_docs) if args.places_docs else {}
        if places:
            print(f"places: {100 * places['overhead_share']:.1f}% of the pipeline's time on {places['docs']} docs, "
                  f"gazetteer resident memory {places['gazetteer_rss_mb']} MB", flush=True)

    stories = _stories(args.stories)

    def get(mode: str, procs: int) -> dict | None:
        return next((r for r in rows if r["mode"] == mode and r["processes"] == procs), None)

    bare1, code1, ingest1, pg1 = (get(m, 1) for m in ("bare", "code", "ingest", "ingest-postgresql"))
    summary: dict = {}
    if bare1 and code1:
        summary["ratio_end_to_end_vs_bare"] = round(code1["docs_per_s"] / bare1["docs_per_s"], 3)
    parse1 = get("parse", 1)
    if parse1 and code1:
        # tidings runs the model's attribute rules faster than spaCy does (tidings.attribute_rules): the
        # ratio to bare spaCy gains that, the ratio to the same parse shows what the layers cost alone
        summary["ratio_end_to_end_vs_parse"] = round(code1["docs_per_s"] / parse1["docs_per_s"], 3)
        line = f"layers: tidings end to end {100 * (parse1['docs_per_s'] / code1['docs_per_s'] - 1):.1f}% slower than its own spaCy parse"
        if bare1:
            line += f", {100 * (bare1['docs_per_s'] / code1['docs_per_s'] - 1):.1f}% slower than bare spaCy"
        print(line, flush=True)
    if bare1 and ingest1:
        summary["ratio_ingest_vs_bare"] = round(ingest1["docs_per_s"] / bare1["docs_per_s"], 3)
    warc1 = get("warc", 1)
    if warc1 and ingest1:
        summary["ratio_warc_vs_jsonl_ingest"] = round(warc1["docs_per_s"] / ingest1["docs_per_s"], 3)
        summary["ratio_warc_vs_jsonl_ingest_cpu"] = round(ingest1["cpu_seconds"] / warc1["cpu_seconds"], 3)
        print(f"warc: ingest from WARC.gz {warc1['docs_per_s']:.2f} docs/s, from JSONL {ingest1['docs_per_s']:.2f} docs/s, "
              f"ratio {summary['ratio_warc_vs_jsonl_ingest']:.2f} (by CPU time "
              f"{summary['ratio_warc_vs_jsonl_ingest_cpu']:.2f}; target >= 0.95)", flush=True)
    pg_vs_sqlite = {str(p): round(on_pg["docs_per_s"] / on_sqlite["docs_per_s"], 3)
                    for p in args.processes if (on_sqlite := get("ingest", p)) and (on_pg := get("ingest-postgresql", p))}
    if pg_vs_sqlite:
        summary["ratio_postgresql_vs_sqlite_ingest"] = pg_vs_sqlite
    if 2 in args.processes and 1 in args.processes:
        summary["scaling_2_vs_1"] = {m: round(two["docs_per_s"] / one["docs_per_s"], 3)
                                     for m in modes if (one := get(m, 1)) and (two := get(m, 2))}
    peak = max((r["peak_rss_mb"] for r in rows if r["processes"] == 1), default=0.0)
    spark = _spark(args) if args.spark else None
    result = {"corpus_docs": args.docs, "reps": args.reps, "rows": rows, "memory": memory, "places": places,
              "stories": stories, "spark": spark,
              "summary": summary, "python": sys.version.split()[0]}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"results: {args.output}")
    parts = []
    if bare1 and code1:
        parts.append(f"{code1['docs_per_s']:.2f} docs/s end-to-end, {bare1['docs_per_s']:.2f} docs/s bare spaCy, "
                     f"ratio {summary['ratio_end_to_end_vs_bare']:.2f}")
    if ingest1:
        parts.append(f"ingest {ingest1['docs_per_s']:.2f} docs/s")
    if pg1:
        ratio = f" ({pg1['docs_per_s'] / ingest1['docs_per_s']:.2f}x SQLite)" if ingest1 else ""
        parts.append(f"PostgreSQL ingest {pg1['docs_per_s']:.2f} docs/s{ratio}")
    parts.append(f"peak RSS {peak:.0f} MB")
    print("bench: " + ", ".join(parts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
