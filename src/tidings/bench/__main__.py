"""``python -m tidings.bench`` / ``make bench``: throughput and memory against bare spaCy.

Every configuration (bare spaCy, tidings end to end, tidings ingest into SQLite; 1 and 2 processes;
and ingest of the same corpus as HTML pages in a WARC.gz, 1 process) runs in its own process on the
same generated corpus, after a warm-up, ``--reps`` times; the median is reported. ``tidings spark``
on local[2] is compared with ``tidings code -j 2`` as whole commands (``tidings.bench.spark``). WARC ingest ÷
JSONL ingest shows that reading an archive is not the bottleneck (target ≥ 0.95). Peak RSS is also measured end to end for ``--docs`` and ``--big`` documents to show that
memory does not grow with corpus size. The last line of output is the summary line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tidings.bench.corpus import generate
from tidings.bench.warc import write_warc

RESULTS = Path("bench/results/latest.json")


def _write_corpus(path: Path, n: int, seed: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for doc in generate(n, seed=seed):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")


def _measure(mode: str, procs: int, corpus: Path, tmp: Path) -> dict:
    db = tmp / f"bench-{mode}-{procs}-{time.monotonic_ns()}.db"
    cmd = [sys.executable, "-m", "tidings.bench.worker", mode, str(procs), str(corpus), str(db)]
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
    ap.add_argument("--places-docs", type=int, default=300, help="documents for the places overhead")
    ap.add_argument("--output", type=Path, default=RESULTS)
    ap.add_argument("--spark", action=argparse.BooleanOptionalAction, default=True,
                    help="also tidings spark on local[2] against tidings code -j 2 (when PySpark and Java are installed)")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as tmpdir:
        tmp = Path(tmpdir)
        corpus = tmp / "corpus.jsonl"
        _write_corpus(corpus, args.docs, args.seed)
        write_warc(generate(args.docs, seed=args.seed), tmp / "corpus.warc.gz")
        rows = []
        for mode in ("bare", "code", "ingest", "warc"):
            for procs in args.processes if mode != "warc" else [p for p in args.processes if p == 1][:1]:
                runs = [_measure(mode, procs, corpus, tmp) for _ in range(args.reps)]
                secs = statistics.median(r["seconds"] for r in runs)
                r0 = runs[0]
                rows.append({
                    "mode": mode, "processes": procs, "docs": r0["docs"], "seconds": round(secs, 3),
                    "docs_per_s": round(r0["docs"] / secs, 2), "sentences_per_s": round(r0["sentences"] / secs, 1),
                    "words_per_s": round(r0["words"] / secs, 1), "events_per_s": round(r0["events"] / secs, 1),
                    "events": r0["events"], "failed": r0.get("failed", 0), "stored": r0.get("stored"),
                    "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
                    "cpu_seconds": round(statistics.median(r["cpu_seconds"] for r in runs), 3),
                    "runs_seconds": [round(r["seconds"], 3) for r in runs],
                })
                print(f"{mode:>6} x{procs}: {rows[-1]['docs_per_s']:8.2f} docs/s  {rows[-1]['words_per_s']:9.0f} words/s  "
                      f"{rows[-1]['events_per_s']:7.1f} events/s  peak {rows[-1]['peak_rss_mb']:7.1f} MB", flush=True)
        memory = {}
        if args.big:
            big = tmp / "big.jsonl"
            _write_corpus(big, args.big, args.seed + 1)
            memory = {str(args.docs): next(r["peak_rss_mb"] for r in rows if r["mode"] == "code" and r["processes"] == 1),
                      str(args.big): _measure("code", 1, big, tmp)["peak_rss_mb"]}
            print(f"memory: peak RSS end to end {memory[str(args.docs)]} MB for {args.docs} docs, "
                  f"{memory[str(args.big)]} MB for {args.big} docs", flush=True)
        places = _places(corpus, args.places_docs)
        print(f"places: {100 * places['overhead_share']:.1f}% of the pipeline's time on {places['docs']} docs, "
              f"gazetteer resident memory {places['gazetteer_rss_mb']} MB", flush=True)

    def get(mode: str, procs: int) -> dict:
        return next(r for r in rows if r["mode"] == mode and r["processes"] == procs)

    bare1, code1, ingest1 = get("bare", 1), get("code", 1), get("ingest", 1)
    ratio = code1["docs_per_s"] / bare1["docs_per_s"]
    summary = {
        "ratio_end_to_end_vs_bare": round(ratio, 3),
        "ratio_ingest_vs_bare": round(ingest1["docs_per_s"] / bare1["docs_per_s"], 3),
    }
    if 1 in args.processes:
        warc1 = get("warc", 1)
        summary["ratio_warc_vs_jsonl_ingest"] = round(warc1["docs_per_s"] / ingest1["docs_per_s"], 3)
        summary["ratio_warc_vs_jsonl_ingest_cpu"] = round(ingest1["cpu_seconds"] / warc1["cpu_seconds"], 3)
        print(f"warc: ingest from WARC.gz {warc1['docs_per_s']:.2f} docs/s, from JSONL {ingest1['docs_per_s']:.2f} docs/s, "
              f"ratio {summary['ratio_warc_vs_jsonl_ingest']:.2f} (by CPU time "
              f"{summary['ratio_warc_vs_jsonl_ingest_cpu']:.2f}; target >= 0.95)", flush=True)
    if 2 in args.processes and 1 in args.processes:
        summary["scaling_2_vs_1"] = {m: round(get(m, 2)["docs_per_s"] / get(m, 1)["docs_per_s"], 3) for m in ("bare", "code", "ingest")}
    peak = max(r["peak_rss_mb"] for r in rows if r["processes"] == 1)
    spark = _spark(args) if args.spark else None
    result = {"corpus_docs": args.docs, "reps": args.reps, "rows": rows, "memory": memory, "places": places,
              "summary": summary, "spark": spark,
              "python": sys.version.split()[0]}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"results: {args.output}")
    print(f"bench: {code1['docs_per_s']:.2f} docs/s end-to-end, {bare1['docs_per_s']:.2f} docs/s bare spaCy, "
          f"ratio {ratio:.2f}, ingest {ingest1['docs_per_s']:.2f} docs/s, peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
