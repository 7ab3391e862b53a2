"""Time the store alone: write the same coded documents again and again into SQLite and PostgreSQL.

    python scripts/store_bench.py [--docs 60] [--rounds 4]

Codes ``--docs`` generated documents once, then times ``Store.write_document`` (one transaction per
document: delete the earlier coding, insert the document, its mentions and quantities) per round,
into SQLite and into throwaway PostgreSQL servers (default settings, then synchronous_commit=off).
Prints the median milliseconds per document. ``make bench`` measures the same end to end.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

from tidings.bench.corpus import generate
from tidings.clean import clean_text
from tidings.nlp import load_pipeline
from tidings.pipeline import code_documents
from tidings.records import Document
from tidings.store import Store
from tidings.store.pgserver import PostgresUnavailable, TemporaryPostgres


def _time(url: str, coded: list, rounds: int) -> list[float]:
    store = Store(url)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for doc, events in coded:
            store.write_document(doc, events, "bench")
        times.append((time.perf_counter() - start) / len(coded) * 1000)
    store.close()
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args()
    nlp = load_pipeline()
    docs = []
    for r in generate(args.docs, seed=11):
        cleaned = clean_text(r["text"])
        docs.append(Document(doc_id=r["id"], text=cleaned.text, published=r["date"], headings=cleaned.headings))
    coded = list(code_documents(docs, nlp=nlp))
    print(f"{len(coded)} documents, {sum(len(e) for _, e in coded) / len(coded):.1f} events each")
    with tempfile.TemporaryDirectory() as tmp:
        configs = [("SQLite (WAL, synchronous=NORMAL)", None, f"sqlite:///{tmp}/store.db")]
        configs += [("PostgreSQL, default settings", {}, None),
                    ("PostgreSQL, synchronous_commit=off", {"synchronous_commit": "off"}, None)]
        for label, settings, url in configs:
            try:
                if url is None:
                    with TemporaryPostgres(settings=settings, memory=False) as pg:
                        times = _time(pg.create_database(), coded, args.rounds)
                else:
                    times = _time(url, coded, args.rounds)
            except PostgresUnavailable as exc:
                print(f"{label:36s} skipped: {exc}")
                continue
            print(f"{label:36s} {statistics.median(times):6.2f} ms per document "
                  f"(rounds: {', '.join(f'{t:.1f}' for t in times)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
