"""The places overhead and the gazetteer's memory, each measured in its own process.

    python -m tidings.bench.places overhead CORPUS.jsonl N   # pipeline with and without tidings_places
    python -m tidings.bench.places memory                    # resident memory the loaded gazetteer adds

``overhead`` runs the whole tidings pipeline on the same N texts with ``tidings_places`` enabled and
disabled, interleaved three times (median), and reports the component's share of the pipeline's
time. ``memory`` reads the process's resident set (``/proc/self/statm``) before and after loading
the gazetteer from its cache. Each prints one JSON object.
"""

from __future__ import annotations

import json
import statistics
import sys
import time


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    import resource

    return pages * resource.getpagesize() / 2**20


def overhead(corpus: str, n: int) -> dict:
    from tidings.clean import clean_text
    from tidings.nlp import load_pipeline

    with open(corpus, encoding="utf-8") as fh:
        texts = [clean_text(json.loads(line)["text"]).text for line in fh if line.strip()][:n]
    nlp = load_pipeline()
    list(nlp.pipe(texts[:8]))
    with_places, without = [], []
    for _ in range(3):
        start = time.perf_counter()
        list(nlp.pipe(texts, batch_size=32))
        with_places.append(time.perf_counter() - start)
        with nlp.select_pipes(disable=["tidings_places"]):
            start = time.perf_counter()
            list(nlp.pipe(texts, batch_size=32))
            without.append(time.perf_counter() - start)
    a, b = statistics.median(with_places), statistics.median(without)
    return {"docs": len(texts), "seconds_with_places": round(a, 3), "seconds_without_places": round(b, 3),
            "overhead_share": round((a - b) / a, 4) if a else 0.0}


def memory() -> dict:
    from tidings.places.build import load_gazetteer  # the code (and spaCy) before the measurement

    before = _rss_mb()
    gaz = load_gazetteer()
    return {"gazetteer_rss_mb": round(_rss_mb() - before, 1), "places": len(gaz), "names": len(gaz.index)}


if __name__ == "__main__":
    args = sys.argv[1:]
    print(json.dumps(overhead(args[1], int(args[2])) if args[0] == "overhead" else memory()))
