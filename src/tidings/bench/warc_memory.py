"""Memory while reading a large WARC.gz: ``python -m tidings.bench.warc_memory --size-mb 1024``.

Writes a CC-NEWS-like archive of about ``--size-mb`` megabytes (HTML article pages with their
request records, large incompressible PDF and image responses, and one response above
``max_bytes``), then reads it with ``read_inputs`` (record parsing, trafilatura, cleaning, the
language check: everything before the spaCy pipeline) and prints the resident memory (MiB) at every
tenth of the file. Flat memory means the last figure is close to the first.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import time
from collections import Counter
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.bench.corpus import generate
from tidings.bench.warc import page_html, url_of


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _response(writer: WARCWriter, url: str, body: bytes, ctype: str) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def write_big(path: Path, size_mb: int, seed: int = 11) -> dict[str, int]:
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    target = size_mb * 1_000_000
    docs = generate(10**9, seed=seed)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        huge = b"<html><body>" + b"<p>" + b"filler text " * 1_000_000 + b"</p></body></html>"  # 12 MB > max_bytes
        _response(writer, "https://big.example.com/huge", huge, "text/html")
        counts["huge html"] += 1
        i = 0
        while fh.tell() < target:
            for _ in range(200):
                doc = next(docs)
                _response(writer, url_of(doc, i), page_html(doc).encode(), "text/html; charset=utf-8")
                counts["html"] += 1
                i += 1
            kind = rng.choice(("application/pdf", "image/jpeg"))
            _response(writer, f"https://files.example.com/{i}", rng.randbytes(rng.randint(1, 4) * 1_000_000), kind)
            counts[kind] += 1
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.bench.warc_memory", description=__doc__)
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--file", type=Path, default=Path("/tmp/tidings-warc-memory.warc.gz"))
    ap.add_argument("--keep", action="store_true", help="keep the generated file")
    args = ap.parse_args(argv)

    from tidings.config import Settings
    from tidings.ingest import read_inputs
    from tidings.records import Document

    if not args.file.exists():
        t = time.perf_counter()
        written = write_big(args.file, args.size_mb)
        print(f"wrote {args.file} ({args.file.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t:.0f} s: {written}",
              flush=True)
    size = args.file.stat().st_size
    skipped: Counter[str] = Counter()
    docs = failed = 0
    marks: list[dict] = []
    next_mark = 0.0
    t = time.perf_counter()
    for item in read_inputs([str(args.file)], settings=Settings(), skipped=skipped):
        if isinstance(item, Document):
            docs += 1
        else:
            failed += 1
        offset = int(item.origin.rsplit("@", 1)[1]) if "@" in item.origin else 0
        if offset / size >= next_mark:
            marks.append({"at": round(offset / size, 2), "rss_mb": round(_rss_mb(), 1), "docs": docs})
            print(f"{offset / size:4.0%} of the file: RSS {marks[-1]['rss_mb']} MB after {docs} documents", flush=True)
            while offset / size >= next_mark:
                next_mark += 0.1
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"file_mb": round(size / 1e6), "documents": docs, "failed": failed, "skipped": dict(skipped),
              "seconds": round(seconds, 1), "peak_rss_mb": round(peak, 1), "rss_marks": marks}
    print(json.dumps(result))
    if not args.keep:
        args.file.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
