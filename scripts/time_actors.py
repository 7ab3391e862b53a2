"""Time the actor component against bare spaCy on the synthetic bench corpus.

    PYTHONPATH=src python scripts/time_actors.py [--docs 300] [--reps 3]

Runs bare spaCy (the model alone) and spaCy + ``tidings_actors`` (the coder disabled) over the same
documents, alternately, ``--reps`` times each, and prints the medians, the overhead of the actor
component in percent, the time to build the knowledge base, and the peak RSS of the process.
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
    args = ap.parse_args()

    from tidings.bench.corpus import generate
    from tidings.nlp import bare_pipeline, load_pipeline

    texts = [d["text"] for d in generate(args.docs, seed=args.seed)]
    bare = bare_pipeline()
    t0 = time.perf_counter()
    full = load_pipeline()
    build = time.perf_counter() - t0
    list(bare.pipe(texts[:10]))
    with full.select_pipes(disable=["tidings_coder"]):
        list(full.pipe(texts[:10]))
    bare_s, actor_s = [], []
    for _ in range(args.reps):
        t = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=64):
            pass
        bare_s.append(time.perf_counter() - t)
        with full.select_pipes(disable=["tidings_coder"]):
            t = time.perf_counter()
            for _doc in full.pipe(texts, batch_size=64):
                pass
            actor_s.append(time.perf_counter() - t)
    b, a = statistics.median(bare_s), statistics.median(actor_s)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"docs {args.docs}  bare spaCy {b:.2f}s  spaCy+actors {a:.2f}s  actor overhead {100 * (a - b) / b:.1f}%  "
          f"(runs bare {[round(x, 2) for x in bare_s]}, actors {[round(x, 2) for x in actor_s]})  "
          f"pipeline load {build:.1f}s  peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
