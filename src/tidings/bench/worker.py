"""One benchmark measurement in its own process, so that peak memory is measured per configuration.

    python -m tidings.bench.worker MODE PROCESSES CORPUS.jsonl [DB]

MODE is ``bare`` (spaCy ``nlp.pipe`` with the same model), ``parse`` (the same, with the model's
attribute rules applied as tidings applies them: the parse beneath tidings's own layers), ``code`` (tidings end to end without a
database), ``ingest`` (into a fresh store: DB is a SQLite file or a database URL such as
``postgresql://…``) or ``warc`` (``ingest`` of the same corpus as HTML pages in ``CORPUS.warc.gz``,
written beside the JSONL by ``tidings.bench.warc``). Prints one JSON object.
"""

from __future__ import annotations

import json
import resource
import sys
import time

WARMUP = 16


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024.0


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: steadier than wall time on a shared machine."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _records(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run(mode: str, processes: int, corpus: str, db: str | None = None) -> dict:
    from tidings.config import Settings

    settings = Settings()
    records = _records(corpus)
    words = sum(len(r["text"].split()) for r in records)
    result = {"mode": mode, "processes": processes, "docs": len(records), "words": words}
    if mode in ("bare", "parse"):
        from tidings.attribute_rules import use_fast_rules
        from tidings.nlp import bare_pipeline

        nlp = bare_pipeline(settings)
        if mode == "parse":
            use_fast_rules(nlp)  # the model as tidings runs it beneath its own layers
        list(nlp.pipe((r["text"] for r in records[:WARMUP]), batch_size=settings.batch_size))
        cpu0, start = _cpu_seconds(), time.perf_counter()
        for _doc in nlp.pipe((r["text"] for r in records), batch_size=settings.batch_size, n_process=processes):
            pass
        result.update(seconds=time.perf_counter() - start, sentences=_count_sentences(records), events=0)
    elif mode == "code":
        from tidings.clean import clean_text
        from tidings.nlp import load_pipeline
        from tidings.pipeline import code_documents
        from tidings.records import Document

        def documents(rs):
            for r in rs:
                c = clean_text(r["text"])
                yield Document(doc_id=r["id"], text=c.text, published=r.get("date"), headings=c.headings)

        nlp = load_pipeline(settings)
        list(code_documents(documents(records[:WARMUP]), nlp=nlp, settings=settings))
        cpu0, start = _cpu_seconds(), time.perf_counter()
        events = 0
        for _doc, evs in code_documents(documents(records), nlp=nlp, settings=settings, n_process=processes):
            events += len(evs)
        seconds = time.perf_counter() - start
        result.update(seconds=seconds, events=events, sentences=_count_sentences(records))
    elif mode in ("ingest", "warc"):
        from tidings.service import ingest
        from tidings.store import Store

        assert db is not None
        source = corpus if mode == "ingest" else corpus.removesuffix(".jsonl") + ".warc.gz"
        store = Store(db if "://" in db else f"sqlite:///{db}")
        store_seconds = _time_calls(store, ("has_document", "add_document", "write_failure"))
        from tidings.nlp import load_pipeline

        load_pipeline(settings)  # loaded before the clock starts, as in the other modes
        cpu0 = _cpu_seconds()
        start = time.perf_counter()
        report = ingest([source], store, settings=settings, n_process=processes)
        result.update(seconds=time.perf_counter() - start, events=report.events, store_seconds=store_seconds[0],
                      sentences=_count_sentences(records), failed=report.failed, stored=report.new)
    else:
        raise SystemExit(f"unknown mode {mode}")
    result["peak_rss_mb"] = round(_peak_rss_mb(), 1)
    result["cpu_seconds"] = round(_cpu_seconds() - cpu0, 3)
    return result


def _time_calls(obj: object, names: tuple[str, ...]) -> list[float]:
    """Wrap methods of ``obj`` so that the time spent in them adds up in the returned one-item list."""
    total = [0.0]
    for name in names:
        method = getattr(obj, name)

        def timed(*args, _method=method, **kwargs):
            t0 = time.perf_counter()
            try:
                return _method(*args, **kwargs)
            finally:
                total[0] += time.perf_counter() - t0

        setattr(obj, name, timed)
    return total


def _count_sentences(records: list[dict]) -> int:
    """Sentences by terminal punctuation: the same count for every mode, outside the timed part."""
    return sum(r["text"].count(". ") + r["text"].count(".\n") + 1 for r in records)


if __name__ == "__main__":
    args = sys.argv[1:]
    out = run(args[0], int(args[1]), args[2], args[3] if len(args) > 3 else None)
    print(json.dumps(out))
