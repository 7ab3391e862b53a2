"""The web view in a real browser: Debian's Chromium driven by pytest-playwright over a store
ingested from examples/. Filters, a click path from a dyad to an event to its document, the
highlighted trigger, a script in a document that shows as text and never runs, and no request
that leaves 127.0.0.1. Screenshots go to a temporary folder, or to docs/screenshots/ with
TIDINGS_SCREENSHOTS=1 (how the README's pictures are made)."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import need_service
from tests.web_support import SCRIPT, LocalServer, mid, read_only_store

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[1]


def _available() -> tuple[bool, str]:
    if importlib.util.find_spec("pytest_playwright") is None:
        return False, "the browser extra is not installed (make install-extras)"
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        return False, "Chromium is not installed (apt-get install chromium)"
    return True, ""


@pytest.fixture(scope="session")
def browser_type_launch_args(pytestconfig):
    """pytest-playwright's launch options: Debian's Chromium (``playwright install`` cannot download)."""
    return {"executable_path": CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"), "args": FLAGS,
            "headless": True}


@pytest.fixture(scope="module")
def server():
    ok, why = _available()
    need_service(ok, why)
    from tidings.web import create_app

    with LocalServer(create_app(read_only_store())) as srv:
        yield srv


@pytest.fixture
def web(request, server):
    """A pytest-playwright page on the server that records every request and every script error."""
    page = request.getfixturevalue("page")
    page.set_default_timeout(15000)
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    # anything not for this server is refused before it leaves (and the test fails below)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.base)
               else route.abort())
    yield page, server.base
    outside = [u for u in requests if not u.startswith(server.base + "/") and not u.startswith("data:")]
    assert outside == [], f"requests that left 127.0.0.1: {outside}"
    assert errors == [], errors


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    if os.environ.get("TIDINGS_SCREENSHOTS") == "1":
        folder = ROOT / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


def api(page, base: str, path: str):
    return page.request.get(base + path).json()


def test_every_page_shows_the_examples_events(web, shots):
    page, base = web
    events = api(page, base, "/api/events?per_page=200")["events"]
    some = next(e for e in events if e["doc_id"] == "union_state_talks")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(base + "/")
    assert page.locator("#top-sources tr").count() > 3
    assert page.locator(".timeline a.bar").count() >= 5
    page.screenshot(path=str(shots / "overview.png"))

    page.goto(base + "/dyads")
    assert page.locator("#matrix td.cell a").count() > 5
    page.screenshot(path=str(shots / "dyads.png"))

    page.goto(base + "/events")
    assert page.locator("table.events tbody tr[data-event]").count() == min(50, len(events))
    page.screenshot(path=str(shots / "events.png"))

    page.goto(base + f"/events/{mid(some)}")
    assert page.locator("#evidence mark.trigger").inner_text() == some["trigger"]["text"]
    page.screenshot(path=str(shots / "event.png"))

    page.goto(base + f"/docs/{some['doc_id']}")
    assert page.locator("#doc-text mark.trigger").count() >= 10
    page.screenshot(path=str(shots / "document.png"))

    page.goto(base + "/map")
    page.wait_for_selector("#map[data-ready]")
    points = api(page, base, "/api/map")["points"]
    assert points and page.locator("#map circle").count() == len(points)
    assert page.locator("#map path.country").count() > 150
    page.screenshot(path=str(shots / "map.png"))


def test_filters_narrow_the_list_to_what_the_api_answers(web):
    page, base = web
    page.goto(base + "/events")
    page.fill("input[name=source]", "RUS")
    page.select_option("select[name=root]", "03")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/events?*source=RUS*")
    expected = api(page, base, "/api/events?source=RUS&root=03&per_page=200")["events"]
    rows = page.locator("table.events tbody tr[data-event]")
    assert 0 < rows.count() == len(expected)
    assert {rows.nth(i).get_attribute("data-event") for i in range(rows.count())} == {mid(e) for e in expected}
    assert page.input_value("input[name=source]") == "RUS"

    page.goto(base + "/events")
    before = page.locator("table.events tbody tr[data-event]").count()
    page.fill("input[name=q]", "sanctions")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**q=sanctions*")
    shown = page.locator("table.events td.evidence").all_inner_texts()
    assert 0 < len(shown) < before and all("sanctions" in s.lower() for s in shown)

    page.goto(base + "/events?include_negated=1&include_hypothetical=1&per_page=200")
    everything = page.locator("table.events tbody tr[data-event]").count()
    assert everything > len(api(page, base, "/api/events?per_page=200")["events"])

    page.goto(base + "/events")
    page.fill("input[name=since]", "2022-01-01")
    page.fill("input[name=until]", "2022-12-31")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**since=2022-01-01*")
    dates = page.locator("table.events td.date").all_inner_texts()
    assert dates and all("2022-01-01" <= d <= "2022-12-31" for d in dates)


def test_from_a_dyad_to_an_event_to_its_document(web):
    page, base = web
    page.goto(base + "/dyads")
    page.click('#matrix a[href*="source=RUS"][href*="target=BLR"]')
    page.wait_for_url("**/dyad?*")
    assert page.locator("h1").inner_text() == "RUS → BLR"
    assert page.locator(".timeline a.bar").count() >= 1
    first = page.locator("table.events tbody tr[data-event]").first
    event_id = first.get_attribute("data-event")
    first.locator("a.code").click()
    page.wait_for_url(f"**/events/{event_id}")
    event = api(page, base, f"/api/events/{event_id}")["event"]
    assert {event["source"]["country"], event["target"]["country"]} == {"RUS", "BLR"}
    assert page.locator("#evidence mark.trigger").inner_text() == event["trigger"]["text"]
    page.click("#doc-link")
    page.wait_for_url(f"**/docs/{event['doc_id']}#ev-{event_id}")
    target = page.locator(":target")
    assert target.get_attribute("id") == f"ev-{event_id}"
    assert target.locator("mark.trigger").inner_text() == event["trigger"]["text"]
    text = api(page, base, f"/api/docs/{event['doc_id']}")["document"]["text"]
    assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]


def test_a_script_in_a_document_shows_as_text_and_never_runs(web):
    page, base = web
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    doc = api(page, base, "/api/docs/injected")
    event = next(e for e in doc["events"] if SCRIPT in e["sentence"])
    for path in ("/docs/injected", f"/events/{mid(event)}", "/events?q=crackdown"):
        page.goto(base + path)
        assert SCRIPT in page.locator("main").inner_text(), path
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("main script, main img").count() == 0, path
    for path in ("/docs", "/docs/injected"):  # the title carries an <img onerror=...>
        page.goto(base + path)
        assert '<img src=x onerror="window.__pwned=2">' in page.locator("main").inner_text(), path
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    assert dialogs == []
