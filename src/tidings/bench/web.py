"""``python -m tidings.bench.web`` (part of ``make bench``): latency of the web view over a large store.

A store of ``--mentions`` synthetic mentions (default 1,000,000; four per document, ten years of
dates, 48 countries with skewed frequencies, every CAMEO code, places for most events) is written
through the real schema (Alembic migrations, indexes included), then opened read-only and served
in-process through ``httpx.ASGITransport``. Each list and filter request runs ``--reps`` times; the
95th percentile over all of them is the figure (target < 300 ms). Whole-store aggregates (overview,
dyads, map) are timed apart: cold (first request) and warm (cached until the store changes).
The last line of output is the summary line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

# (ISO3, name, lat, lon, weight): a skewed mix, as news is
COUNTRIES = [
    ("USA", "United States", 38.9, -77.0, 30), ("RUS", "Russia", 55.75, 37.62, 28), ("UKR", "Ukraine", 50.45, 30.52, 26),
    ("CHN", "China", 39.9, 116.4, 22), ("ISR", "Israel", 31.77, 35.21, 18), ("IRN", "Iran", 35.69, 51.39, 15),
    ("GBR", "Britain", 51.5, -0.13, 14), ("FRA", "France", 48.86, 2.35, 12), ("DEU", "Germany", 52.52, 13.4, 12),
    ("IND", "India", 28.61, 77.21, 11), ("PAK", "Pakistan", 33.69, 73.06, 9), ("TUR", "Turkey", 39.93, 32.86, 9),
    ("SYR", "Syria", 33.51, 36.29, 8), ("IRQ", "Iraq", 33.31, 44.36, 8), ("AFG", "Afghanistan", 34.53, 69.17, 7),
    ("SAU", "Saudi Arabia", 24.71, 46.68, 7), ("EGY", "Egypt", 30.04, 31.24, 6), ("JPN", "Japan", 35.68, 139.69, 6),
    ("KOR", "South Korea", 37.57, 126.98, 5), ("PRK", "North Korea", 39.04, 125.76, 5), ("BLR", "Belarus", 53.9, 27.57, 5),
    ("POL", "Poland", 52.23, 21.01, 5), ("NGA", "Nigeria", 9.08, 7.4, 5), ("ETH", "Ethiopia", 9.03, 38.74, 4),
    ("SDN", "Sudan", 15.5, 32.56, 4), ("KEN", "Kenya", -1.29, 36.82, 4), ("ZAF", "South Africa", -25.75, 28.19, 4),
    ("BRA", "Brazil", -15.79, -47.88, 4), ("MEX", "Mexico", 19.43, -99.13, 4), ("VEN", "Venezuela", 10.48, -66.9, 3),
    ("COL", "Colombia", 4.71, -74.07, 3), ("ARG", "Argentina", -34.6, -58.38, 3), ("IDN", "Indonesia", -6.2, 106.85, 3),
    ("PHL", "Philippines", 14.6, 120.98, 3), ("MMR", "Myanmar", 19.75, 96.1, 3), ("LBN", "Lebanon", 33.89, 35.5, 3),
    ("YEM", "Yemen", 15.37, 44.19, 3), ("LBY", "Libya", 32.89, 13.19, 3), ("MLI", "Mali", 12.64, -8.0, 2),
    ("SOM", "Somalia", 2.05, 45.32, 2), ("ARM", "Armenia", 40.18, 44.51, 2), ("AZE", "Azerbaijan", 40.41, 49.87, 2),
    ("GEO", "Georgia", 41.72, 44.79, 2), ("SRB", "Serbia", 44.79, 20.45, 2), ("HUN", "Hungary", 47.5, 19.04, 2),
    ("ITA", "Italy", 41.9, 12.5, 2), ("CAN", "Canada", 45.42, -75.7, 2), ("AUS", "Australia", -35.28, 149.13, 2),
]
SECTORS = ["", "", "", "GOV", "GOV", "MIL", "COP", "OPP", "REB", "BUS", "MED", "CVL", "LEG"]
TOPICS = ["trade", "energy", "the border", "sanctions", "a ceasefire", "grain exports", "refugees", "nuclear talks",
          "a loan", "the election", "military exercises", "gas prices", "prisoner exchange", "fishing rights",
          "a pipeline", "debt relief", "visa rules", "the peace plan", "arms deliveries", "water sharing"]
WORDS = ["officials", "said", "on", "Monday", "Tuesday", "after", "talks", "in", "the", "capital", "according", "to",
         "reports", "amid", "tensions", "over", "weeks", "of", "negotiations", "and", "protests"]

LIST_URLS = [
    "/events", "/events?page=3", "/events?page=40", "/events?source=RUS", "/events?source=RUS&target=UKR",
    "/events?target=ISRGOV", "/events?root=19", "/events?code=0331", "/events?plover=PROTEST",
    "/events?since=2020-01-01&until=2020-03-31", "/events?country=UKR", "/events?near=50.45,30.52,50",
    "/events?q=ceasefire", "/events?q=pipeline&source=CHN", "/events?include_negated=1&include_hypothetical=1",
    "/events?source=USA&root=04&since=2023-01-01", "/dyad?source=RUS&target=UKR", "/dyad?source=KEN&target=ETH",
    "/api/events?source=FRA&per_page=100", "/api/events?root=14&country=FRA", "/api/events?q=grain&page=2",
]
AGGREGATE_URLS = ["/", "/dyads", "/map", "/api/timeline?bucket=month", "/api/dyads", "/api/actors?role=target"]


def generate_store(url: str, mentions: int, seed: int = 11) -> None:
    """Write ``mentions`` synthetic mentions (4 per document) into a new store at ``url``."""
    from tidings.coding.codebook import codebook
    from tidings.store import Store
    from tidings.store.schema import STORED_COLUMNS

    rng = random.Random(seed)
    book = [c for c in codebook().values() if len(c.code) >= 3]
    weights = [c[4] for c in COUNTRIES]
    store = Store(url)
    raw = store.engine.raw_connection()
    cur = raw.cursor()
    cols = ["id", "document_id", *STORED_COLUMNS]
    insert_m = f"INSERT INTO mentions ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    insert_d = ("INSERT INTO documents (id, content_hash, doc_id, origin, source, title, published, text, status, coder,"
                " ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
    start = 739251  # 2024-12-31: dates go ten years back from it
    docs, rows = [], []
    for i in range(mentions):
        d = i // 4 + 1
        if i % 4 == 0:
            day = _date(start - rng.randrange(3650))
            texts: list[str] = []
        src, tgt = rng.choices(COUNTRIES, weights, k=2)
        code = rng.choice(book)
        topic = rng.choice(TOPICS)
        sentence = (f"{src[1]} {code.name.lower()} {tgt[1]} over {topic}, "
                    + " ".join(rng.choices(WORDS, k=8)) + ".")
        t0 = sum(len(t) + 1 for t in texts) + len(src[1]) + 1
        texts.append(sentence)
        placed = rng.random() < 0.7
        where = rng.choice((src, tgt))
        jitter = (rng.uniform(-2, 2), rng.uniform(-2, 2)) if placed else (0, 0)
        s1, s2 = rng.choice(SECTORS), rng.choice(SECTORS)
        mod = rng.choices(("asserted", "intended", "hypothetical"), (80, 12, 8))[0]
        values = {
            "event_id": f"{i:016x}", "doc_id": f"bench-{d}", "sentence_index": i % 4, "sentence": sentence,
            "trigger_text": code.name.lower().split()[0], "trigger_start": t0, "trigger_end": t0 + len(code.name.split()[0]),
            "date": day, "date_precision": "day", "deadline": None, "deadline_precision": None, "cameo": code.code,
            "cameo_root": code.root, "quad_class": code.quad_class, "goldstein": code.goldstein, "plover": code.plover,
            "plover_mode": code.plover_mode, "negated": rng.random() < 0.03, "modality": mod,
            "confidence": round(rng.uniform(0.5, 1), 2), "rule": f"bench.{code.code}", "coder": "bench",
            "trace": json.dumps([f"match:bench.{code.code}"]),
            "source_text": src[1], "source_code": src[0] + s1, "source_country": src[0], "source_sector": s1 or None,
            "source_name": src[1], "source_kind": "state",
            "target_text": tgt[1], "target_code": tgt[0] + s2, "target_country": tgt[0], "target_sector": s2 or None,
            "target_name": tgt[1], "target_kind": "state",
            "reported_by_text": None, "reported_by_code": None, "reported_by_country": None,
            "reported_by_sector": None, "reported_by_name": None, "reported_by_kind": None,
            "location_text": where[1] if placed else None, "location_name": f"{where[1]} {rng.randrange(40)}" if placed else None,
            "location_lat": round(where[2] + jitter[0], 2) if placed else None,
            "location_lon": round(where[3] + jitter[1], 2) if placed else None,
            "location_country": where[0] if placed else None, "location_admin1": None, "location_geonames_id": None,
            "location_precision": "city" if placed else None,
        }
        if "mention_id" in STORED_COLUMNS:  # the stories schema: event_id names a story (none here)
            values.update(mention_id=values["event_id"], event_id=None)
        rows.append([i + 1, d, *(values.get(c) for c in STORED_COLUMNS)])
        if i % 4 == 3 or i == mentions - 1:
            docs.append((d, f"{d:064x}", f"bench-{d}", f"bench-{d}", "bench", f"Bench report {d}", day,
                         " ".join(texts), "coded", "bench", "2026-01-01T00:00:00"))
        if len(rows) >= 20000:
            cur.executemany(insert_d, docs)
            cur.executemany(insert_m, rows)
            docs, rows = [], []
    cur.executemany(insert_d, docs)
    cur.executemany(insert_m, rows)
    raw.commit()
    raw.close()
    store.close()


def _date(ordinal: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(ordinal).isoformat()


async def _time(client, url: str) -> float:
    t = time.perf_counter()
    r = await client.get(url)
    ms = (time.perf_counter() - t) * 1000
    if r.status_code != 200:
        raise SystemExit(f"bench web: {url} answered {r.status_code}: {r.text[:200]}")
    return ms


async def measure(url: str, reps: int) -> dict:
    import httpx

    from tidings.store import Store
    from tidings.web import create_app

    app = create_app(Store(url, read_only=True))
    out: dict = {"lists": {}, "aggregates": {}}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for u in AGGREGATE_URLS:
            cold = await _time(client, u)
            warm = [await _time(client, u) for _ in range(3)]
            out["aggregates"][u] = {"cold_ms": round(cold, 1), "warm_ms": round(statistics.median(warm), 1)}
        for u in LIST_URLS:
            out["lists"][u] = [round(await _time(client, u), 2) for _ in range(reps)]
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.bench.web", description=__doc__)
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=20, help="requests per list URL")
    ap.add_argument("--db", help="reuse (or create) this SQLite file instead of a temporary one")
    ap.add_argument("--output", type=Path, default=Path("bench/results/web.json"))
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tidings-web-bench-") as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "web.db"
        url = f"sqlite:///{path}"
        t = time.perf_counter()
        if not path.exists():
            generate_store(url, args.mentions)
        built = time.perf_counter() - t
        res = asyncio.run(measure(url, args.reps))
    every = [ms for runs in res["lists"].values() for ms in runs]
    summary = {"mentions": args.mentions, "requests": len(every), "p50_ms": round(statistics.median(every), 1),
               "p95_ms": round(p95(every), 1), "max_ms": round(max(every), 1), "build_s": round(built, 1)}
    for u, runs in res["lists"].items():
        print(f"  {u:55s} p50 {statistics.median(runs):7.1f} ms  p95 {p95(runs):7.1f} ms")
    for u, a in res["aggregates"].items():
        print(f"  {u:55s} cold {a['cold_ms']:7.1f} ms  warm {a['warm_ms']:7.1f} ms")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"summary": summary, **res}, indent=1) + "\n")
    print(f"bench web: {summary['mentions']} mentions, list and filter pages p95 {summary['p95_ms']} ms, "
          f"p50 {summary['p50_ms']} ms over {summary['requests']} requests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
