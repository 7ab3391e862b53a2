"""The web view in-process (httpx.ASGITransport) over a store ingested from examples/: every page
shows the stored events, the API answers what ``Store.events`` answers for the same filters, bad
parameters are 400s with a message, document text is escaped, and nothing writes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import httpx
import pytest

from tests.web_support import INJECTED, SCRIPT, asgi_get, mid, read_only_store, web_store_url
from tidings.store import EventQuery, Store

PAGES = ["/", "/dyads", "/events", "/map", "/docs", "/docs?failed=1", "/api"]


def get(app, url: str) -> httpx.Response:
    return asgi_get(app, url)


@pytest.fixture(scope="module")
def store():
    return read_only_store()


@pytest.fixture(scope="module")
def app(store):
    from tidings.web import create_app

    return create_app(store)


@pytest.fixture(scope="module")
def all_events(store):
    return store.events(EventQuery())


def ids(resp: httpx.Response) -> list[str]:
    return [mid(e) for e in resp.json()["events"]]


def test_every_page_answers_with_the_stored_events_and_security_headers(app, all_events):
    some = all_events[0]
    for url in PAGES:
        r = get(app, url)
        assert r.status_code == 200, (url, r.text[:300])
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
    events_page = get(app, "/events?per_page=200").text
    assert all(f"/events/{mid(e)}" in events_page for e in all_events)
    assert f"/events/{mid(some)}" in get(app, f"/events?doc={some.doc_id}&per_page=200").text
    overview = get(app, "/").text
    top = max({e.source.country for e in all_events if e.source and e.source.country},
              key=lambda c: sum(1 for e in all_events if e.source and e.source.country == c))
    assert f"source={top}" in overview


def test_pages_have_no_inline_script_or_style(app, all_events):
    urls = PAGES + [f"/events/{mid(all_events[0])}", f"/docs/{all_events[0].doc_id}", "/dyad?source=RUS&target=BLR"]
    for url in urls:
        html = get(app, url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert "<style" not in html and " style=" not in html and " on" + "click=" not in html, url


@pytest.mark.parametrize("params, query", [
    ("", EventQuery()),
    ("source=RUS", EventQuery(source="RUS")),
    ("target=blr", EventQuery(target="BLR")),
    ("source=RUS&target=BLR", EventQuery(source="RUS", target="BLR")),
    ("root=3", EventQuery(root="03")),
    ("code=19", EventQuery(code="19")),
    ("plover=agree", EventQuery(plover="AGREE")),
    ("since=2022-01-01&until=2022-12-31", EventQuery(since="2022-01-01", until="2022-12-31")),
    ("include_negated=1&include_hypothetical=true", EventQuery(include_negated=True, include_hypothetical=True)),
    ("country=RUS", EventQuery(country="RUS")),
    ("near=53.9,27.57,300", EventQuery(near=(53.9, 27.57, 300.0))),
    ("doc=union_state_talks", EventQuery(doc="union_state_talks")),
])
def test_api_events_are_the_cli_query_for_the_same_filters(app, store, params, query):
    r = get(app, f"/api/events?per_page=200&{params}")
    assert r.status_code == 200, r.text
    expected = {mid(e) for e in store.events(query)}
    assert set(ids(r)) == expected
    assert r.json()["total"] == len(expected)


def test_the_filters_select_something_in_the_examples(store):
    """The parametrised filters above are only worth something if they keep some events and drop others."""
    n = len(store.events(EventQuery()))
    for q in (EventQuery(source="RUS"), EventQuery(root="03"), EventQuery(country="RUS"),
              EventQuery(near=(53.9, 27.57, 300.0)), EventQuery(since="2022-01-01", until="2022-12-31")):
        assert 0 < len(store.events(q)) < n, q
    assert len(store.events(EventQuery(include_negated=True, include_hypothetical=True))) > n


def test_text_search_finds_the_word_in_the_evidence_whatever_its_case(app, all_events):
    word = "sanctions"
    expected = {mid(e) for e in all_events if word in e.sentence.lower()}
    assert expected
    got = ids(get(app, "/api/events?per_page=200&q=SANCTIONS"))
    assert set(got) == expected
    for wildcard in ("%25", "_"):  # LIKE wildcards are searched as text
        literal = "%" if wildcard == "%25" else "_"
        assert set(ids(get(app, f"/api/events?per_page=200&q={wildcard}"))) == {
            mid(e) for e in all_events if literal in e.sentence}


def test_pages_cover_every_event_once_newest_first(app, all_events):
    seen, page = [], 1
    while True:
        body = get(app, f"/api/events?per_page=7&page={page}").json()
        seen += [(e["date"] or "", mid(e)) for e in body["events"]]
        if not body["has_next"]:
            break
        page += 1
    assert sorted(i for _, i in seen) == sorted(mid(e) for e in all_events)
    dated = [d for d, _ in seen if d]
    assert dated == sorted(dated, reverse=True)


def test_downloads_hold_exactly_the_filtered_events(app, store):
    expected = {mid(e) for e in store.events(EventQuery(target="BLR"))}
    rows = list(csv.DictReader(io.StringIO(get(app, "/api/events.csv?target=BLR").text)))
    assert {mid(r) for r in rows} == expected and len(rows) == len(expected)
    lines = get(app, "/api/events.jsonl?target=BLR").text.splitlines()
    assert {mid(json.loads(line)) for line in lines} == expected and len(lines) == len(expected)
    assert "/api/events.csv?target=BLR" in get(app, "/events?target=BLR").text


def test_dyads_count_what_their_events_list_shows(app):
    dyads = get(app, "/api/dyads").json()["dyads"]
    assert dyads and dyads[0]["count"] >= dyads[-1]["count"]
    for d in dyads[:8]:
        listed = get(app, f"/api/events?per_page=200&source={d['source']}&target={d['target']}").json()["events"]
        assert len(listed) == d["count"], d
        assert d["goldstein"] == pytest.approx(sum(e["goldstein"] for e in listed) / len(listed), abs=0.01)
        assert d["conflict"] == sum(1 for e in listed if e["quad_class"] >= 3)
    from tidings.store.queries import EventFilter, summary

    top = dyads[0]
    s = summary(app.state.store, EventFilter(EventQuery(source=top["source"], target=top["target"])))
    assert (s["count"], s["goldstein"], s["conflict"]) == (top["count"], top["goldstein"], top["conflict"])
    assert f"{top['count']} events" in get(app, f"/dyad?source={top['source']}&target={top['target']}").text


def test_timeline_counts_every_dated_event_by_quad_class(app, store):
    for bucket in ("day", "week", "month", "year"):
        periods = get(app, f"/api/timeline?bucket={bucket}&source=RUS").json()["periods"]
        dated = [e for e in store.events(EventQuery(source="RUS")) if e.date]
        assert sum(p["total"] for p in periods) == len(dated)
        assert sum(p["q4"] for p in periods) == sum(1 for e in dated if e.quad_class == 4)
        assert [p["period"] for p in periods] == sorted(p["period"] for p in periods)
        if bucket == "week":
            assert all(date.fromisoformat(p["period"]).weekday() == 0 for p in periods)
            assert {p["period"] for p in periods} == {
                (date.fromisoformat(e.date) - timedelta(days=date.fromisoformat(e.date).weekday())).isoformat()
                for e in dated}


def test_map_points_are_the_located_events(app, all_events):
    points = get(app, "/api/map").json()["points"]
    located = [e for e in all_events if e.location and e.location.lat is not None]
    assert located and sum(p["count"] for p in points) == len(located)
    assert {(p["lat"], p["lon"]) for p in points} == {(e.location.lat, e.location.lon) for e in located}


@pytest.mark.parametrize("url, name", [
    ("/api/events?root=99", "root"), ("/api/events?since=2020-13-01", "since"), ("/api/events?until=yesterday", "until"),
    ("/api/events?code=9999", "code"), ("/api/events?code=abc", "code"), ("/api/events?plover=NOPE", "plover"),
    ("/api/events?near=1,2", "near"), ("/api/events?near=95,0,10", "near"), ("/api/events?page=0", "page"),
    ("/api/events?per_page=1000", "per_page"), ("/api/events?source=RU%20S", "source"), ("/api/events?country=RUSS", "country"),
    ("/api/events?since=2022-01-02&until=2022-01-01", "since"), ("/api/timeline?bucket=hour", "bucket"),
    ("/api/events?min_sources=0", "min_sources"), ("/api/events?include_negated=maybe", "include_negated"),
    ("/api/events/a%20b", "event id"), ("/api/actors?role=victim", "role"), ("/api/dyads?limit=0", "limit"),
])
def test_bad_parameters_are_400_with_a_message_naming_them(app, url, name):
    r = get(app, url)
    assert r.status_code == 400, r.text
    assert name in r.json()["error"]
    page = get(app, url.replace("/api/events?", "/events?").replace("/api/timeline?", "/?"))
    if not url.startswith(("/api/events/", "/api/actors", "/api/dyads")):
        assert page.status_code == 400 and name in page.text and "text/html" in page.headers["content-type"]


def test_unknown_event_and_document_are_404(app):
    assert get(app, "/api/events/0000000000000000").status_code == 404
    assert get(app, "/events/0000000000000000").status_code == 404
    assert get(app, "/docs/no-such-doc").status_code == 404


def test_document_text_title_and_url_are_escaped(app):
    html = get(app, "/docs/injected").text
    assert SCRIPT not in html and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x" in html
    assert 'href="javascript:' not in html and "javascript:window.__pwned=3" in html
    data = get(app, "/api/docs/injected").json()
    assert data["document"]["text"] == INJECTED["text"]
    event = next(e for e in data["events"] if SCRIPT in e["sentence"])
    detail = get(app, f"/events/{mid(event)}").text
    assert SCRIPT not in detail and "&lt;script&gt;" in detail
    listing = get(app, "/events?q=crackdown").text
    assert SCRIPT not in listing and "&lt;script&gt;" in listing


def marks(html: str, kind: str) -> list[str]:
    return [unescape(t) for t in re.findall(rf'<mark class="{kind}"[^>]*>([^<]*)</mark>', html)]


def test_event_page_highlights_the_trigger_and_actors_of_the_evidence(app, all_events):
    checked = 0
    for e in all_events:
        html = get(app, f"/events/{mid(e)}").text
        assert marks(html, "trigger") == [e.trigger.text], mid(e)
        if e.source and e.source.text and e.source.text in e.sentence and e.source.text not in e.trigger.text:
            assert e.source.text in marks(html, "source")
        checked += 1
        if checked == 25:
            break
    assert checked == 25


def test_document_page_highlights_every_trigger_in_place(app, store):
    view = get(app, "/api/docs/union_state_talks").json()
    text, events = view["document"]["text"], view["events"]
    html = get(app, "/docs/union_state_talks").text
    anchors = dict(re.findall(r'<a class="hl" id="ev-([0-9a-f]+)"[^>]*><mark class="trigger"[^>]*>([^<]*)</mark>', html))
    assert len(anchors) >= 10
    by_id = {mid(e): e for e in events}
    for event_id, shown in anchors.items():
        t = by_id[event_id]["trigger"]
        assert unescape(shown) == text[t["start"]:t["end"]] == t["text"]
    assert {e["trigger"]["start"] for e in events} == {by_id[i]["trigger"]["start"] for i in anchors}


def test_failed_document_says_why(app, store):
    failed = [d for d in store.documents(failed_only=True)]
    assert len(failed) == 1
    listing = get(app, "/docs?failed=1").text
    assert failed[0]["error_code"] in listing
    html = get(app, f"/docs/{failed[0]['doc_id']}").text
    assert 'id="failure"' in html and failed[0]["error"] in html.replace("&#39;", "'")


def test_no_path_leads_outside_the_static_folder(app):
    for url in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/vendor/../../app.py",
                "/static/%2e%2e/%2e%2e/store/db.py", "/docs/../../etc/passwd", "/docs/%2e%2e/%2e%2e/etc/passwd"):
        r = get(app, url)
        assert r.status_code in (404, 400), url
        assert "def create_app" not in r.text and "root:" not in r.text
    assert get(app, "/static/app.css").status_code == 200


def test_the_server_never_writes_to_the_database(tmp_path, all_events):
    from tidings.web import create_app

    db = Path(web_store_url().removeprefix("sqlite:///"))
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    ro = Store(f"sqlite:///{copy}", read_only=True)
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    app = create_app(ro)
    for url in PAGES + [f"/events/{mid(all_events[0])}", "/api/events.csv", "/docs/union_state_talks"]:
        assert get(app, url).status_code == 200
    with pytest.raises(Exception, match="readonly|read-only|read only"):
        with ro.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM mentions")
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before


def test_read_only_store_refuses_a_missing_file(tmp_path):
    from tidings.errors import StoreError

    with pytest.raises(StoreError, match="no database"):
        Store(f"sqlite:///{tmp_path / 'missing.db'}", read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_openapi_documents_every_filter(app):
    from tidings.web.params import FILTER_NAMES

    spec = get(app, "/api/openapi.json").json()
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert set(FILTER_NAMES) | {"page", "per_page"} <= params
    assert "/api/docs/{doc_id}" in spec["paths"] and "/api/dyads" in spec["paths"]
    assert "/api/events" in get(app, "/api").text


def test_stories_plug_in_when_the_events_table_is_filled(tmp_path, all_events):
    """Story clustering is another component: once it links mentions to events, the minimum
    sources filter and the mentions list appear (here a story of 99 sources is written by hand)."""
    from sqlalchemy import JSON, Boolean, Float, Integer

    from tidings.store.queries import MENTION_ID, STORY_LINK
    from tidings.store.schema import events, mentions
    from tidings.web import create_app

    copy = tmp_path / "stories.db"
    shutil.copy(Path(web_store_url().removeprefix("sqlite:///")), copy)
    writer = Store(f"sqlite:///{copy}")
    pair = [e for e in all_events if e.doc_id != all_events[0].doc_id][:1] + [all_events[0]]
    link, target = STORY_LINK
    # a story row with whatever columns this schema requires, two sources
    row = {c.name: {Integer: 0, Boolean: False, Float: 0.0, JSON: {}}.get(type(c.type), "story-1")
           for c in events.c if not c.nullable and not c.primary_key and c.default is None and c.server_default is None}
    row.update(num_mentions=2, num_sources=99, num_articles=2, date=pair[0].date, cameo=pair[0].cameo)
    with writer.engine.begin() as conn:
        key = conn.execute(events.insert().values(**row)).inserted_primary_key[0]
        ref = key if target.primary_key else row[target.name]
        conn.execute(mentions.update().where(MENTION_ID.in_([mid(e) for e in pair])).values({link.name: ref}))
    writer.close()
    app = create_app(Store(f"sqlite:///{copy}", read_only=True))
    assert get(app, "/api/overview").json()["stories"] is True
    assert set(ids(get(app, "/api/events?min_sources=99"))) == {mid(e) for e in pair}  # no real story has 99
    assert ids(get(app, "/api/events?min_sources=100")) == []
    assert 'name="min_sources"' in get(app, "/events").text
    story = get(app, f"/api/events/{mid(pair[0])}").json()["story"]
    assert {m["mention_id"] for m in story["mentions"]} == {mid(e) for e in pair}
    assert f"/events/{mid(pair[1])}" in get(app, f"/events/{mid(pair[0])}").text


def test_minimum_sources_is_offered_only_when_the_store_has_stories(app):
    stories = app.state.features.stories
    assert get(app, "/api/overview").json()["stories"] is stories
    assert ('name="min_sources"' in get(app, "/events").text) is stories
    r = get(app, "/api/events?min_sources=1")
    if stories:
        assert r.status_code == 200
    else:
        assert r.status_code == 400 and "needs stories" in r.json()["error"]


def test_document_links_survive_any_id(app):
    from tidings.web.render import doc_url

    assert doc_url("union_state_talks") == "/docs/union_state_talks"
    assert doc_url("https://example.org/a b?c#d") == "/docs/https%3A//example.org/a%20b%3Fc%23d"
    for odd in ("../secret", "a/./b", "..", "x/%2e%2e"):
        assert doc_url(odd).startswith("/doc?id=")  # a browser would drop dot segments from a path
    assert get(app, doc_url("union_state_talks")).status_code == 200
    assert get(app, doc_url("../union_state_talks")).status_code == 404
    assert get(app, "/doc?id=union_state_talks").status_code == 200
