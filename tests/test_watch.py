"""tidings watch: polls feeds, survives a feed that is down, stops cleanly on Ctrl-C, resumes without duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import threading
import time

import pytest

from tests.conftest import tidings_cmd
from tests.pages import article_html
from tests.site import LocalSite, feed_route
from tidings import service
from tidings.config import Settings
from tidings.errors import UsageError
from tidings.sources import parse_every
from tidings.store import Store

FAST = Settings(fetch_delay=0.0, fetch_backoff=0.01, fetch_timeout=2.0, fetch_retries=0, contact="tests@example.org")


@pytest.fixture
def site():
    s = LocalSite()
    s.add("/robots.txt", "User-agent: *\nAllow: /\n", ctype="text/plain")
    for key in ("ports", "protest", "aid", "talks"):
        s.add(f"/{key}", article_html(key))
    yield s
    s.close()


def _urls(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT url FROM documents WHERE status = 'coded' ORDER BY id")]


def test_parse_every():
    assert parse_every("15m") == 900 and parse_every("30s") == 30 and parse_every("2h") == 7200
    assert parse_every("90") == 90 and parse_every("0.5s") == 0.5
    with pytest.raises(UsageError):
        parse_every("soon")


def test_two_polls_pick_up_the_item_added_between_them(site, tmp_path):
    state = {"items": [("/ports", "Ports", "2024-03-04"), ("/protest", "Protest", "2024-03-06")]}
    feed_route(site, "/feed.xml", state)
    db = tmp_path / "w.db"
    store = Store(f"sqlite:///{db}")
    reports = []

    def on_poll(n, report):
        reports.append(report)
        if n == 1:  # the wire publishes a new story between the polls
            state["items"] = [("/aid", "Aid", "2024-03-09"), *state["items"]]

    n = service.watch([site.url("/feed.xml")], store, every=0.05, stop=threading.Event(), settings=FAST, polls=2,
                      on_poll=on_poll)
    assert n == 2
    assert [r.new for r in reports] == [2, 1]
    assert reports[1].skipped["already stored"] == 2
    assert sorted(_urls(db)) == sorted(site.url(p) for p in ("/ports", "/protest", "/aid"))
    assert [site.count(p) for p in ("/ports", "/protest", "/aid")] == [1, 1, 1]  # nothing downloaded twice

    # a second run resumes: the feed has not changed (HTTP 304), nothing is fetched or stored twice
    again = []
    service.watch([site.url("/feed.xml")], store, every=0, stop=threading.Event(), settings=FAST, polls=1,
                  on_poll=lambda _n, r: again.append(r))
    assert again[0].new == 0 and again[0].skipped["feed not modified (HTTP 304)"] == 1
    assert len(_urls(db)) == 3


def test_a_feed_that_is_down_is_recorded_and_the_others_go_on(site, tmp_path):
    feed_route(site, "/good.xml", {"items": [("/ports", "Ports", "2024-03-04")]})
    down = {"status": 503}
    site.routes["/down.xml"] = lambda _h: (down["status"], {"Content-Type": "text/plain"}, b"maintenance")
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    reports = []

    def on_poll(n, report):
        reports.append(report)
        if n == 1:  # the feed comes back, with an item
            feed_route(site, "/down.xml", {"items": [("/talks", "Talks", "2024-03-12")]})

    service.watch([site.url("/down.xml"), site.url("/good.xml")], store, every=0, stop=threading.Event(),
                  settings=FAST, polls=2, on_poll=on_poll)
    assert (reports[0].new, reports[0].failed) == (1, 1)
    assert reports[0].failures[0].origin == site.url("/down.xml") and reports[0].failures[0].code == "http-503"
    assert (reports[1].new, reports[1].failed) == (1, 0)
    assert store.documents(failed_only=True) == []  # the feed is back: its failure is forgotten


def test_ctrl_c_stops_between_documents_and_the_next_run_completes(site, tmp_path, run_cli):
    items = [("/ports", "Ports", "2024-03-04"), ("/protest", "Protest", "2024-03-06"), ("/aid", "Aid", "2024-03-09")]
    feed_route(site, "/feed.xml", {"items": items})
    asked = threading.Event()
    slow = site.routes["/protest"]

    def protest(headers):
        asked.set()
        time.sleep(1.0)  # Ctrl-C arrives while this page downloads
        return slow(headers)

    site.routes["/protest"] = protest
    config = tmp_path / "c.toml"
    config.write_text('[tidings]\nfetch_delay = 0.0\nfetch_retries = 0\ncontact = "tests@example.org"\n')
    db = tmp_path / "w.db"
    cmd = [*tidings_cmd(), "--config", str(config), "watch", site.url("/feed.xml"), "--every", "1h",
           "--db", f"sqlite:///{db}"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "TIDINGS_DB": ""})
    try:
        assert asked.wait(120), "the watcher never asked for the second item"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert b"Traceback" not in err and b"stopping after the current document" in err
    assert b"stopped after 1 poll" in out
    assert sorted(_urls(db)) == sorted([site.url("/ports"), site.url("/protest")])  # both downloads kept
    assert site.count("/aid") == 0  # nothing new started after Ctrl-C

    res = run_cli("--config", str(config), "watch", site.url("/feed.xml"), "--polls", "1", "--db", f"sqlite:///{db}")
    assert res.returncode == 0, res.stderr
    assert b"1 new" in res.stdout and b"already stored 2" in res.stdout  # the interrupted poll is done again in full
    assert sorted(_urls(db)) == sorted(site.url(p) for p in ("/ports", "/protest", "/aid"))
    assert (site.count("/ports"), site.count("/protest"), site.count("/aid")) == (1, 1, 1)


def test_usage_errors_are_one_line_and_exit_2(tmp_path, run_cli):
    bad_every = run_cli("watch", "http://127.0.0.1:9/feed.xml", "--every", "soon", "--db", f"sqlite:///{tmp_path / 'w.db'}")
    assert bad_every.returncode == 2 and b"invalid interval" in bad_every.stderr and b"Traceback" not in bad_every.stderr
    nothing = run_cli("fetch", "--db", f"sqlite:///{tmp_path / 'w.db'}")
    assert nothing.returncode == 2 and b"give URLs" in nothing.stderr
    missing = run_cli("fetch", "--from-file", str(tmp_path / "none.txt"), "--db", f"sqlite:///{tmp_path / 'w.db'}")
    assert missing.returncode == 2 and b"cannot read URL list" in missing.stderr
