"""tidings fetch: pages and feeds from a local web site; every failure recorded with its reason."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import httpx
import pytest

from tests.pages import FRENCH, article_html
from tests.site import LocalSite, feed_route, rss
from tidings.config import Settings
from tidings.errors import Disallowed, FetchTimeout, HttpError, TooLarge, TooManyRedirects
from tidings.records import Document, Failure
from tidings.sources import Fetcher, FetchSession, user_agent
from tidings.store import Store

FAST = Settings(fetch_delay=0.0, fetch_backoff=0.01, fetch_timeout=1.0, fetch_retries=1, contact="tests@example.org")


@pytest.fixture
def site():
    s = LocalSite()
    s.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    yield s
    s.close()


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "fetch.toml"
    path.write_text('[tidings]\nfetch_delay = 0.0\nfetch_backoff = 0.01\nfetch_timeout = 1.0\nfetch_retries = 1\n'
                    'contact = "tests@example.org"\n', encoding="utf-8")
    return str(path)


def _rows(db, where="1=1"):
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(f"SELECT * FROM documents WHERE {where}")]


def test_fetch_feed_stores_its_items_with_url_fetch_time_and_feed_date(site, config, tmp_path, run_cli):
    site.add("/ports", article_html("ports"))
    site.add("/protest-final", article_html("protest"))
    site.redirect("/protest", "/protest-final")
    site.add("/aid", article_html("aid", with_date=False))
    site.routes["/feed.xml"] = lambda _h: (200, {"Content-Type": "application/rss+xml"}, rss(
        site, [("/ports", "Ports", "2024-03-04"), ("/protest", "Protest", "2024-03-06"), ("/aid", "Aid", "2024-03-09")]).encode())
    db = tmp_path / "f.db"
    res = run_cli("--config", config, "fetch", site.url("/feed.xml"), "--db", f"sqlite:///{db}")
    assert res.returncode == 0, res.stderr
    assert b"3 new" in res.stdout
    docs = {d["url"]: d for d in _rows(db, "status = 'coded'")}
    assert set(docs) == {site.url("/ports"), site.url("/protest-final"), site.url("/aid")}
    assert docs[site.url("/protest-final")]["origin"] == site.url("/protest")  # what the feed linked, before the redirect
    assert docs[site.url("/aid")]["published"] == "2024-03-09"  # no date in the page: the feed's date
    assert all(d["fetched"] and d["fetched"].endswith("Z") for d in docs.values())
    agents = {h.headers.get("user-agent") for h in site.hits}
    assert agents == {user_agent(Settings(contact="tests@example.org"))} and "tests@example.org" in agents.pop()
    assert site.count("/robots.txt") == 1


def test_every_failure_is_recorded_with_its_reason(site, config, tmp_path, run_cli):
    site.add("/good", article_html("talks"))
    site.add("/gone", "nothing here", status=404)
    site.add("/broken", "oops", status=500)
    site.add("/slow", article_html("ports"), delay=2.5)
    site.add("/huge", "x", headers={"Content-Length": "50000000"})
    site.add("/report.pdf", b"%PDF-1.4 not a page", ctype="application/pdf")
    site.add("/fr", FRENCH)
    site.add("/menu", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    site.add("/private/memo", article_html("aid"))
    urls = ["/good", "/gone", "/broken", "/slow", "/huge", "/report.pdf", "/fr", "/menu", "/private/memo"]
    listing = tmp_path / "urls.txt"
    listing.write_text("# morning list\n\n" + "\n".join(site.url(u) for u in urls) + "\nftp://example.org/x\n")
    db = tmp_path / "f.db"
    res = run_cli("--config", config, "fetch", "--from-file", str(listing), "--db", f"sqlite:///{db}")
    assert res.returncode == 1
    failed = {r["origin"]: r for r in _rows(db, "status = 'failed'")}
    codes = {origin.rsplit("/", 1)[-1] if origin.startswith("http:") else origin: r["error_code"] for origin, r in failed.items()}
    assert codes == {"gone": "http-404", "broken": "http-500", "slow": "timeout", "huge": "too-large",
                     "report.pdf": "not-html", "fr": "language", "menu": "empty", "memo": "robots",
                     "ftp://example.org/x": "fetch"}
    assert all(r["error"] and "\n" not in r["error"] for r in failed.values())
    assert [d["url"] for d in _rows(db, "status = 'coded'")] == [site.url("/good")]
    assert site.count("/broken") == 2  # retried once (fetch_retries = 1)
    assert site.count("/private/memo") == 0  # robots.txt said no: never requested
    listed = run_cli("docs", "--failed", "--db", f"sqlite:///{db}")
    assert b"HTTP 404" in listed.stdout and b"robots.txt" in listed.stdout


def test_urls_already_stored_are_not_fetched_again(site, config, tmp_path, run_cli):
    site.add("/good", article_html("talks"))
    site.add("/gone", "nothing", status=404)
    db = f"sqlite:///{tmp_path / 'f.db'}"
    run_cli("--config", config, "fetch", site.url("/good"), site.url("/gone"), "--db", db)
    again = run_cli("--config", config, "fetch", site.url("/good"), site.url("/gone"), "--db", db)
    assert site.count("/good") == 1
    assert site.count("/gone") == 2  # a failed URL the user names again is tried again
    assert b"already stored 1" in again.stdout


def test_feed_is_asked_conditionally_and_validators_are_kept(site, tmp_path):
    state = {"items": [("/ports", "Ports", "2024-03-04")]}
    feed_route(site, "/feed.xml", state)
    site.add("/ports", article_html("ports"))
    store = Store(f"sqlite:///{tmp_path / 'f.db'}")
    with Fetcher(FAST) as fetcher:
        first = FetchSession(store, fetcher, settings=FAST)
        docs = list(first.documents([site.url("/feed.xml")]))
        assert [type(d) for d in docs] == [Document]
        assert store.feed_validators(site.url("/feed.xml")) == (None, None)  # not before the documents are stored
        first.commit()
        assert store.feed_validators(site.url("/feed.xml")) == ('"v1"', "Mon, 04 Mar 2024 10:00:00 GMT")
        skipped: Counter[str] = Counter()
        second = FetchSession(store, fetcher, settings=FAST, skipped=skipped)
        assert list(second.documents([site.url("/feed.xml")])) == []
    feed_hits = [h for h in site.hits if h.path == "/feed.xml"]
    assert feed_hits[1].headers.get("if-none-match") == '"v1"'
    assert feed_hits[1].headers.get("if-modified-since") == "Mon, 04 Mar 2024 10:00:00 GMT"
    assert skipped == Counter({"feed not modified (HTTP 304)": 1})
    assert site.count("/ports") == 1


def test_fetcher_limits_size_redirects_and_time(site):
    site.add("/big", "y" * 5000, headers={"Content-Length": "5000"})
    site.routes["/chunked-big"] = lambda _h: (200, {"Content-Type": "text/html"}, b"z" * 5000)
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    site.add("/slow", "late", delay=1.5)
    settings = Settings(fetch_delay=0.0, fetch_backoff=0.01, fetch_timeout=0.5, fetch_retries=0,
                        fetch_max_redirects=3, max_bytes=1000)
    with Fetcher(settings) as fetcher:
        with pytest.raises(TooLarge):
            fetcher.get(site.url("/big"))
        with pytest.raises(TooManyRedirects):
            fetcher.get(site.url("/a"))
        assert site.count("/a") + site.count("/b") == 4  # the first request and three redirects
        with pytest.raises(FetchTimeout):
            fetcher.get(site.url("/slow"))


def test_retries_back_off_and_honour_retry_after(site):
    calls = {"n": 0}

    def flaky(_h):
        calls["n"] += 1
        if calls["n"] == 1:
            return 503, {"Content-Type": "text/plain", "Retry-After": "0.2"}, b"busy"
        if calls["n"] == 2:
            return 502, {"Content-Type": "text/plain"}, b"bad gateway"
        return 200, {"Content-Type": "text/html"}, b"<html><body>ok</body></html>"

    site.routes["/flaky"] = flaky
    waits: list[float] = []
    settings = Settings(fetch_delay=0.0, fetch_backoff=0.05, fetch_retries=2)
    with Fetcher(settings, sleep=waits.append) as fetcher:
        page = fetcher.get(site.url("/flaky"))
    assert page.status == 200 and calls["n"] == 3
    assert waits == [pytest.approx(0.2), pytest.approx(0.1)]  # Retry-After, then backoff x 2 ** attempt
    with Fetcher(Settings(fetch_delay=0.0, fetch_backoff=0.0, fetch_retries=1)) as fetcher:
        site.add("/down", "down", status=503)
        with pytest.raises(HttpError) as info:
            fetcher.get(site.url("/down"))
    assert info.value.code == "http-503" and site.count("/down") == 2


def test_requests_to_one_host_are_spaced(site):
    for i in range(3):
        site.add(f"/p{i}", "<html><body>page</body></html>")
    with Fetcher(Settings(fetch_delay=0.3)) as fetcher:
        for i in range(3):
            fetcher.get(site.url(f"/p{i}"))
        fetcher.get(site.url("/p0", host="localhost"))  # another host: its own pace
    times = [h.at for h in site.hits if h.path.startswith("/p")]
    gaps = [b - a for a, b in zip(times[:3], times[1:3], strict=False)]
    assert len(gaps) == 2 and all(g >= 0.28 for g in gaps), gaps
    (robots_local,) = [h.at for h in site.hits if h.path == "/robots.txt" and h.headers["host"].startswith("localhost")]
    assert robots_local - times[2] < 0.25  # the first request to localhost is not held back by 127.0.0.1


def test_robots_txt_missing_allows_and_server_error_forbids(tmp_path):
    open_site, shut_site = LocalSite(), LocalSite()
    try:
        open_site.add("/page", "<html><body>fine</body></html>")  # no robots.txt: 404
        shut_site.add("/robots.txt", "busy", status=503)
        shut_site.add("/page", "<html><body>fine</body></html>")
        with Fetcher(Settings(fetch_delay=0.0, fetch_retries=0)) as fetcher:
            assert fetcher.get(open_site.url("/page")).status == 200
            with pytest.raises(Disallowed) as info:
                fetcher.get(shut_site.url("/page"))
        assert "HTTP 503" in info.value.reason and shut_site.count("/page") == 0
    finally:
        open_site.close()
        shut_site.close()


def test_dns_failure_is_recorded(tmp_path):
    def transport(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    store = Store(f"sqlite:///{tmp_path / 'f.db'}")
    with Fetcher(FAST, transport=httpx.MockTransport(transport)) as fetcher:
        (item,) = FetchSession(store, fetcher, settings=FAST).documents(["https://no-such-host.invalid/news"])
    assert isinstance(item, Failure) and item.code == "dns" and "no-such-host.invalid" in item.reason


def test_fetch_settings_are_documented():
    from dataclasses import fields
    from importlib import resources

    defaults = (resources.files("tidings") / "data" / "settings.toml").read_text(encoding="utf-8")
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for f in fields(Settings):
        if f.name == "contact" or f.name.startswith("fetch_"):
            assert f"\n{f.name} = " in defaults, f.name
            assert f"`{f.name}`" in readme, f.name


def test_site_and_date_selection():
    from tidings.ingest import Selection

    sel = Selection(since="2024-03-05", until="2024-03-10", sites=("https://www.Example.org/news", "bbc.co.uk"))
    assert sel.sites == ("example.org", "bbc.co.uk")
    assert sel.allows_url("https://news.example.org/a") and sel.allows_url("http://www.bbc.co.uk/x")
    assert not sel.allows_url("https://notexample.org/a") and not sel.allows_url("https://example.org.evil.net/")
    page = Document(doc_id="a", text="t", url="https://example.org/a")
    assert sel.rejects(page) == "no date (--since/--until)"
    assert sel.rejects(Document(doc_id="a", text="t", url="https://example.org/a", published="2024-03-04")) == "before --since"
    assert sel.rejects(Document(doc_id="a", text="t", url="https://example.org/a", fetched="2024-03-07T10:00:00Z")) is None
    assert sel.rejects(Document(doc_id="a", text="t", url="https://example.org/a", published="2024-03-11")) == "after --until"
    assert Selection(sites=("example.org",)).rejects(Document(doc_id="a", text="t", source="example.org")) is None
