"""Time the actor component against bare spaCy on the synthetic bench corpus.

    PYTHONPATH=src python scripts/time_actors.py [--docs 300] [--reps 3]

Runs bare spaCy (the model alone) and spaCy + ``tidings_actors`` (the coder disabled) over the same
documents, alternately, ``--reps`` times each, and prints the medians of the process CPU time (robust
on a shared machine; wall-clock medians too), the overhead of the actor component in percent, the time
to build the pipeline with its knowledge base, and the peak RSS of the process.
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
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "actors": []}
    for _ in range(args.reps):
        for name, nlp, disabled in (("bare", bare, []), ("actors", full, ["tidings_coder"])):
            with nlp.select_pipes(disable=disabled):
                c, t = time.process_time(), time.perf_counter()
                for _doc in nlp.pipe(texts, batch_size=64):
                    pass
                runs[name].append((time.process_time() - c, time.perf_counter() - t))
    cpu = {k: statistics.median(r[0] for r in v) for k, v in runs.items()}
    wall = {k: statistics.median(r[1] for r in v) for k, v in runs.items()}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"docs {args.docs}  CPU: bare spaCy {cpu['bare']:.2f}s  spaCy+actors {cpu['actors']:.2f}s  "
          f"actor overhead {100 * (cpu['actors'] - cpu['bare']) / cpu['bare']:.1f}%  |  wall: bare {wall['bare']:.2f}s  "
          f"actors {wall['actors']:.2f}s ({100 * (wall['actors'] - wall['bare']) / wall['bare']:.1f}%)  "
          f"pipeline load {build:.1f}s  peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
