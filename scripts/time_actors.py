"""Time the actor component (or, with ``--all``, the whole tidings pipeline) against bare spaCy on
the synthetic bench corpus.

    PYTHONPATH=src python scripts/time_actors.py [--docs 300] [--reps 3] [--all]

Runs bare spaCy (the model alone) and spaCy + ``tidings_actors`` (the coder disabled) over the same
documents in interleaved chunks, ``--reps`` times, measuring process CPU time (robust on a shared
machine), and prints the median per-chunk overhead of the actor component in percent (with quartiles
and the total), the time to build the pipeline with its knowledge base, and the peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--chunk", type=int, default=20, help="documents per interleaved chunk")
    ap.add_argument("--all", action="store_true", help="time every tidings component (actors, places, coder)")
    args = ap.parse_args()

    from tidings.bench.corpus import generate
    from tidings.nlp import bare_pipeline, load_pipeline

    texts = [d["text"] for d in generate(args.docs, seed=args.seed)]
    bare = bare_pipeline()
    t0 = time.perf_counter()
    full = load_pipeline()
    build = time.perf_counter() - t0
    list(bare.pipe(texts[:10]))
    # the actor component alone: the places component and the coder come after it and are timed elsewhere
    off = [] if args.all else [name for name in full.pipe_names
                               if name.startswith("tidings_") and name not in ("tidings_actors", "tidings_paragraphs")]
    label = "pipeline" if args.all else "actor"
    with full.select_pipes(disable=off):
        list(full.pipe(texts[:10]))
    # chunks of documents, each run through both pipelines back to back (in alternating order): on a
    # shared machine the load changes over minutes, so the per-chunk ratio is what is comparable
    ratios: list[float] = []
    totals = {"bare": 0.0, "actors": 0.0}
    chunks = [texts[i:i + args.chunk] for i in range(0, len(texts), args.chunk)]
    for rep in range(args.reps):
        for k, chunk in enumerate(chunks):
            spent = {}
            order = (("bare", bare, []), ("actors", full, off))
            for name, nlp, disabled in (order if (rep + k) % 2 == 0 else order[::-1]):
                with nlp.select_pipes(disable=disabled):
                    c = time.process_time()
                    for _doc in nlp.pipe(chunk, batch_size=64):
                        pass
                    spent[name] = time.process_time() - c
                    totals[name] += spent[name]
            ratios.append(spent["actors"] / spent["bare"] - 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"docs {args.docs} x {args.reps} reps in chunks of {args.chunk}: CPU bare spaCy {totals['bare']:.2f}s, "
          f"spaCy+{'tidings' if args.all else 'actors'} {totals['actors']:.2f}s; {label} overhead median {100 * statistics.median(ratios):.1f}% "
          f"(quartiles {100 * statistics.quantiles(ratios, n=4)[0]:.1f}% to {100 * statistics.quantiles(ratios, n=4)[2]:.1f}%), "
          f"total {100 * (totals['actors'] / totals['bare'] - 1):.1f}%; pipeline load {build:.1f}s; peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
