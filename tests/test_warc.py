"""WARC and WARC.gz input: pages become documents, other records are counted, broken records fail alone."""

from __future__ import annotations

import io
import json
import sqlite3
from collections import Counter
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.pages import FRENCH, article_html
from tidings.config import Settings
from tidings.ingest import Selection, read_inputs, read_warc
from tidings.records import Document, Failure

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _response(writer: WARCWriter, url: str, body: bytes, *, status: str = "200 OK", ctype: str | None = "text/html; charset=utf-8",
              date: str = "2024-03-10T09:30:00Z", extra: list[tuple[str, str]] | None = None) -> None:
    headers = ([("Content-Type", ctype)] if ctype else []) + (extra or [])
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                  warc_headers_dict={"WARC-Date": date}))


def write_fixture(path: Path, *, gzip: bool = True) -> dict[str, int]:
    """A small CC-NEWS-like archive; returns the byte offset of each record by name."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gzip)
    offsets: dict[str, int] = {}

    def mark(name: str) -> None:
        offsets[name] = buf.tell()

    mark("warcinfo")
    w.write_record(w.create_warcinfo_record("news.warc.gz", {"software": "tidings tests", "format": "WARC/1.1"}))
    mark("request")
    req = StatusAndHeaders("GET /2024/ports HTTP/1.1", [("Host", "www.andes-post.example")], is_http_request=True)
    w.write_record(w.create_warc_record("https://www.andes-post.example/2024/ports", "request",
                                        payload=io.BytesIO(b""), http_headers=req))
    mark("ports")
    _response(w, "https://www.andes-post.example/2024/ports", article_html("ports").encode(), date="2024-03-04T11:00:00Z")
    mark("protest")
    _response(w, "https://news.example.org/africa/protest", article_html("protest").encode(), date="2024-03-06T18:00:00Z")
    mark("pdf")
    _response(w, "https://news.example.org/report.pdf", PDF, ctype="application/pdf")
    mark("redirect")
    _response(w, "https://news.example.org/old", b"", status="301 Moved Permanently", ctype=None,
              extra=[("Location", "https://news.example.org/africa/protest")])
    mark("french")
    _response(w, "https://www.andes-post.example/fr/sommet", FRENCH.encode())
    mark("aid")
    _response(w, "https://news.example.org/asia/aid", article_html("aid", with_date=False).encode(), date="2024-03-09T07:15:00Z")
    mark("talks")
    _response(w, "https://www.andes-post.example/2024/talks", article_html("talks").encode())
    data = buf.getvalue()
    cut = offsets["talks"] + (len(data) - offsets["talks"]) // 2  # the last record is truncated
    path.write_bytes(data[:cut])
    return offsets


def _split(items):
    docs = {d.url: d for d in items if isinstance(d, Document)}
    fails = [f for f in items if isinstance(f, Failure)]
    return docs, fails


def test_warc_gz_pages_become_documents_other_records_are_counted(tmp_path):
    path = tmp_path / "news.warc.gz"
    offsets = write_fixture(path)
    skipped: Counter[str] = Counter()
    docs, fails = _split(list(read_warc(str(path), skipped=skipped)))

    assert set(docs) == {"https://www.andes-post.example/2024/ports", "https://news.example.org/africa/protest",
                         "https://news.example.org/asia/aid"}
    ports = docs["https://www.andes-post.example/2024/ports"]
    assert "share the management of two Pacific ports" in ports.text
    assert ports.doc_id == ports.url and ports.origin == f"{path}@{offsets['ports']}"
    assert ports.published == "2024-03-04" and ports.fetched == "2024-03-04T11:00:00Z"
    assert ports.source and "andes-post.example" in ports.source
    aid = docs["https://news.example.org/asia/aid"]
    assert aid.published is None and aid.fetched == "2024-03-09T07:15:00Z"  # the fetch date is not a publication date

    assert skipped == Counter({"WARC warcinfo record": 1, "WARC request record": 1, "not HTML (application/pdf)": 1,
                               "redirect (HTTP 3xx)": 1})
    by_code = {f.code: f for f in fails}
    assert set(by_code) == {"language", "corrupt"} and len(fails) == 2
    assert by_code["language"].origin == f"{path}@{offsets['french']}"
    assert by_code["corrupt"].origin == f"{path}@{offsets['talks']}"
    assert str(offsets["talks"]) in by_code["corrupt"].reason and "\n" not in by_code["corrupt"].reason


def test_corrupt_record_in_the_middle_costs_only_that_record(tmp_path):
    for gzip in (True, False):
        path = tmp_path / ("mid.warc.gz" if gzip else "mid.warc")
        offsets = write_fixture(path, gzip=gzip)
        data = bytearray(path.read_bytes())
        start = offsets["protest"] + 5
        data[start:start + 40] = b"\x00garbage-garbage-garbage-garbage-garbage"[:40]
        path.write_bytes(bytes(data))
        docs, fails = _split(list(read_warc(str(path))))
        assert "https://news.example.org/asia/aid" in docs, gzip  # after the broken record
        assert "https://www.andes-post.example/2024/ports" in docs, gzip  # before it
        assert "https://news.example.org/africa/protest" not in docs
        corrupt = [f for f in fails if f.code == "corrupt"]
        assert corrupt and corrupt[0].origin == f"{path}@{offsets['protest']}", (gzip, fails)


def test_oversized_record_fails_without_being_read(tmp_path):
    path = tmp_path / "big.warc.gz"
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    _response(w, "https://news.example.org/huge", b"<html><body>" + b"<p>words words words</p>" * 4000 + b"</body></html>")
    _response(w, "https://news.example.org/asia/aid", article_html("aid").encode())
    path.write_bytes(buf.getvalue())
    docs, fails = _split(list(read_warc(str(path), settings=Settings(max_bytes=50_000))))
    assert list(docs) == ["https://news.example.org/asia/aid"]
    assert [f.code for f in fails] == ["too-large"] and "https://news.example.org/huge" in fails[0].reason


def test_date_and_site_selection_apply_to_warc_records(tmp_path):
    path = tmp_path / "news.warc.gz"
    write_fixture(path)
    skipped: Counter[str] = Counter()
    sel = Selection(since="2024-03-05", until="2024-03-31", sites=("example.org",))
    docs, _ = _split(list(read_inputs([str(path)], select=sel, skipped=skipped)))
    # ports is on another site; protest (published 03-06) and aid (no date, fetched 03-09) are in the window
    assert set(docs) == {"https://news.example.org/africa/protest", "https://news.example.org/asia/aid"}
    assert skipped["not a selected site (--site)"] >= 1
    skipped2: Counter[str] = Counter()
    docs2, _ = _split(list(read_inputs([str(path)], select=Selection(until="2024-03-05"), skipped=skipped2)))
    assert set(docs2) == {"https://www.andes-post.example/2024/ports"}
    assert skipped2["after --until"] == 2


def test_cli_ingest_and_code_read_warc(tmp_path, run_cli):
    path = tmp_path / "news.warc.gz"
    offsets = write_fixture(path)
    db = tmp_path / "w.db"
    res = run_cli("ingest", str(path), "--db", f"sqlite:///{db}")
    assert res.returncode == 1, res.stderr  # some records failed, the pages were stored
    summary = res.stdout.decode()
    assert "3 new" in summary and "2 failed" in summary and "4 skipped" in summary, summary
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT url, fetched FROM documents WHERE status = 'coded'").fetchall())
        failed = dict(conn.execute("SELECT origin, error_code FROM documents WHERE status = 'failed'").fetchall())
    assert rows["https://news.example.org/africa/protest"] == "2024-03-06T18:00:00Z"
    assert failed == {f"{path}@{offsets['french']}": "language", f"{path}@{offsets['talks']}": "corrupt"}

    again = run_cli("ingest", str(path), "--db", f"sqlite:///{db}")
    assert "0 new, 3 unchanged" in again.stdout.decode()

    coded = run_cli("code", str(path), "--format", "jsonl")
    events = [json.loads(line) for line in coded.stdout.decode().splitlines() if line.strip()]
    assert {e["doc_id"] for e in events} <= set(rows) and events
    assert "failed:" in coded.stderr.decode()


def test_cli_selection_applies_to_jsonl_and_rejects_bad_options(tmp_path, run_cli):
    from tests.pages import ARTICLES

    lines = [json.dumps({"id": key, "text": " ".join(paras), "date": day, "url": f"https://{site}/{key}"})
             for (key, (_t, day, paras)), site in zip(ARTICLES.items(), ("a.example.org", "b.example.org",
                                                                            "example.net", "a.example.org"), strict=True)]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    res = run_cli("ingest", str(path), "--db", f"sqlite:///{db}", "--since", "2024-03-05", "--site", "example.org")
    assert res.returncode == 0, res.stderr
    with sqlite3.connect(db) as conn:
        ids = sorted(r[0] for r in conn.execute("SELECT doc_id FROM documents"))
    assert ids == ["protest", "talks"]  # ports is too early, aid is on example.net
    assert "2 skipped" in res.stdout.decode() and "before --since 1" in res.stdout.decode()
    bad = run_cli("ingest", str(path), "--db", f"sqlite:///{db}", "--since", "2024-03-10", "--until", "2024-03-01")
    assert bad.returncode == 2 and b"after --until" in bad.stderr
