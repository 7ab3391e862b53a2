"""Stories: mentions and events, syndicated copies, clustering within and across documents,
order-independence, the CLI and the GDELT Events/Mentions export, the story gold."""

from __future__ import annotations

import csv
import io
import json
import random
from collections import defaultdict
from pathlib import Path

import pytest

from tidings.evaluate.stories import align_mentions, bcubed, copy_pairs
from tidings.export import GDELT_COLUMNS, GDELT_MENTION_COLUMNS
from tidings.records import EVENT_FIELDS, HAPPENING_FIELDS, Event, render_happening_table

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "eval" / "stories" / "corpus.jsonl"
GOLD = ROOT / "eval" / "gold" / "stories.jsonl"


def _articles(prefixes: tuple[str, ...]) -> list[dict]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["id"].startswith(prefixes)]


def _gold(prefixes: tuple[str, ...]) -> list[dict]:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["doc"].startswith(prefixes)]


def _jsonl(res) -> list[dict]:
    assert res.returncode == 0, res.stderr.decode()
    return [json.loads(x) for x in res.stdout.decode().splitlines() if x.strip()]


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# -- the seed story, its syndicated copy and an independent rewrite -----------------------------
def test_union_state_story_one_event_per_happening_with_two_sources(tmp_path, run_cli):
    articles = _articles(("union_state_",))
    assert {a["id"] for a in articles} == {"union_state_original", "union_state_syndicated", "union_state_rewrite"}
    db = f"sqlite:///{tmp_path / 'story.db'}"
    assert run_cli("ingest", str(_write(tmp_path / "story.jsonl", articles)), "--db", db).returncode == 0

    docs = {d["doc_id"]: d for d in _jsonl(run_cli("docs", "--db", db, "--format", "jsonl"))}
    assert docs["union_state_syndicated"]["duplicate_of"] == "union_state_original"
    assert docs["union_state_original"]["duplicate_of"] is None and docs["union_state_rewrite"]["duplicate_of"] is None

    mentions = [Event.from_dict(m) for m in _jsonl(run_cli("mentions", "--db", db, "--format", "jsonl", "--include-negated"))]
    events = {e["event_id"]: e for e in _jsonl(run_cli("events", "--db", db, "--format", "jsonl", "--include-negated"))}
    assert all(m.event_id in events for m in mentions)
    produced = defaultdict(list)
    for m in mentions:
        produced[m.doc_id].append(m)
    happening, _misses, _unaligned = align_mentions(_gold(("union_state_",)), produced)
    of = {m.mention_id: m for m in mentions}
    by_event: dict[str, set[str]] = defaultdict(set)
    by_happening: dict[str, set[str]] = defaultdict(set)
    for mid, h in happening.items():
        by_event[of[mid].event_id].add(h)
        by_happening[h].add(of[mid].event_id)
    assert all(len(hs) == 1 for hs in by_event.values()), "an event mixes two happenings"

    # the copy's mentions are in the events of the original's mentions of the same sentence
    original = {(m.sentence, m.cameo, m.source.code if m.source else None): m.event_id for m in produced["union_state_original"]}
    for m in produced["union_state_syndicated"]:
        key = (m.sentence, m.cameo, m.source.code if m.source else None)
        if key in original:
            assert m.event_id == original[key]

    # happenings the coder found in the original and in the independent rewrite
    docs_of = {h: {of[mid].doc_id for mid in happening if happening[mid] == h} for h in by_happening}
    shared = [h for h, ds in docs_of.items() if {"union_state_original", "union_state_rewrite"} <= ds]
    assert len(shared) >= 8
    single = [h for h in shared if len(by_happening[h]) == 1]
    assert len(single) >= 0.8 * len(shared)
    for h in single:
        (event_id,) = by_happening[h]
        e = events[event_id]
        assert e["num_sources"] == 2 and e["num_articles"] == 3
        assert len(e["sources"]) == 2 and e["num_mentions"] >= 3
        assert set(e["mentions"]) >= {mid for mid in happening if happening[mid] == h}


# -- order-independence, incremental updates, recode --------------------------------------------
def _state(db_path: Path) -> tuple[dict[str, str], dict[str, dict]]:
    import sqlite3

    con = sqlite3.connect(db_path)
    mentions = dict(con.execute("select mention_id, event_id from mentions").fetchall())
    events = {r[0]: json.loads(r[1]) for r in con.execute("select event_id, record from events")}
    dups = dict(con.execute("select doc_id, duplicate_of from documents").fetchall())
    con.close()
    return mentions, {"events": events, "duplicates": dups}


def test_same_events_and_ids_whatever_the_ingest_order_or_split(tmp_path, run_cli):
    articles = _articles(("union_state_", "s01_", "s04_", "s08_", "s09_"))
    assert len(articles) == 16
    one = tmp_path / "one.db"
    assert run_cli("ingest", str(_write(tmp_path / "all.jsonl", articles)), "--db", f"sqlite:///{one}").returncode == 0
    reference = _state(one)
    assert len(set(reference[0].values())) < len(reference[0])  # some mentions share events

    shuffled = list(reversed(articles))
    random.Random(5).shuffle(shuffled)
    split = tmp_path / "split.db"
    for i, part in enumerate((shuffled[:3], shuffled[3:4], shuffled[4:11], shuffled[11:])):
        res = run_cli("ingest", str(_write(tmp_path / f"part{i}.jsonl", part)), "--db", f"sqlite:///{split}")
        assert res.returncode == 0, res.stderr.decode()
    assert _state(split) == reference

    backwards = tmp_path / "backwards.db"
    for i, a in enumerate(reversed(articles)):
        run_cli("ingest", str(_write(tmp_path / f"one{i}.jsonl", [a])), "--db", f"sqlite:///{backwards}")
    assert _state(backwards) == reference

    assert run_cli("ingest", "--recode", "--db", f"sqlite:///{backwards}").returncode == 0
    assert _state(backwards) == reference
    again = run_cli("ingest", str(tmp_path / "all.jsonl"), "--db", f"sqlite:///{backwards}")
    assert b"0 new, 16 unchanged" in again.stdout and _state(backwards) == reference


# -- within a document, paraphrases, near misses --------------------------------------------------
def test_restatements_within_one_document_are_one_event(tmp_path, run_cli):
    f = tmp_path / "uganda.txt"
    f.write_text("Ugandan police arrested opposition leader Kizza Besigye in Kampala on Tuesday.\n\n"
                 "The arrest came hours after Besigye led a march against rising fuel prices.\n\n"
                 "Police arrested Besigye in Kampala on Tuesday as he addressed supporters, witnesses said.\n",
                 encoding="utf-8")
    mentions = _jsonl(run_cli("code", str(f), "--date", "2024-06-12", "--format", "jsonl"))
    arrests = [m for m in mentions if m["cameo_root"] == "17"]
    assert {m["sentence_index"] for m in arrests} == {0, 2}
    assert len({m["event_id"] for m in arrests}) == 1
    assert all(tuple(m) == EVENT_FIELDS for m in mentions)
    others = [m for m in mentions if m["cameo_root"] != "17"]
    assert all(m["event_id"] != arrests[0]["event_id"] for m in others)


def _cluster(nlp, texts: list[tuple[str, str, str]]):
    """Code (doc_id, outlet, text) documents and cluster them in memory."""
    from tidings.clean import clean_text
    from tidings.pipeline import code_documents
    from tidings.records import Document
    from tidings.service import code_stories

    docs = [Document(doc_id=d, text=clean_text(t).text, source=o, published="2024-06-12") for d, o, t in texts]
    return code_stories(list(code_documents(docs, nlp=nlp)))


def test_paraphrases_by_two_outlets_are_one_event_with_two_sources(nlp):
    mentions, events = _cluster(nlp, [
        ("kremlin", "Wire A", "Moscow will lend Minsk $630 million, the Kremlin said on Thursday."),
        ("afp", "Wire B", "Russia will grant Belarus a US$630m loan, Putin said on Thursday."),
    ])
    loans = [m for m in mentions if m.cameo.startswith("033")]
    assert {m.doc_id for m in loans} == {"kremlin", "afp"}
    assert len({m.event_id for m in loans}) == 1
    (event,) = [e for e in events if e.event_id == loans[0].event_id]
    assert event.num_sources == 2 and event.num_articles == 2 and set(event.sources) == {"Wire A", "Wire B"}


def test_a_division_word_does_not_make_another_place(nlp):
    mentions, _ = _cluster(nlp, [
        ("wire", "Wire A", "Gunmen abducted 25 villagers in a raid in Kebbi State in northwestern Nigeria on Sunday, police said."),
        ("local", "Daily B", "Armed bandits kidnapped at least 27 residents of a farming village in Kebbi on Sunday, "
                             "residents said."),
    ])
    abductions = [m for m in mentions if m.cameo.startswith("181")]
    assert {m.doc_id for m in abductions} == {"wire", "local"}, [(m.doc_id, m.cameo) for m in mentions]
    assert len({m.event_id for m in abductions}) == 1


@pytest.mark.parametrize("texts", [
    # two strikes by one army on one day in different towns
    ["Russian missiles struck Kharkiv on Monday, killing four civilians.",
     "Russian missiles also struck Odesa on Monday, killing four civilians."],
    # a loan and a gas deal between the same pair
    ["Russia will lend Belarus $630 million, the Kremlin said on Thursday.",
     "Russia also agreed to sell gas to Belarus at a discount, the Kremlin said on Thursday."],
    # an act and its denial
    ["Russian forces shelled Kharkiv on Monday, the governor said.",
     "Moscow denied that Russian forces shelled Kharkiv on Monday."],
    # asserted and negated
    ["Police arrested the opposition leader in Kampala on Tuesday.",
     "Police did not arrest the opposition leader in Kampala on Tuesday, his lawyer said."],
    # two ambushes of one army on one day, no town named: 17 wounded is not one wounded
    ["Rebels ambushed an army patrol on Tuesday, killing two soldiers and wounding 17, the army said.",
     "Rebels also ambushed an army patrol on Tuesday evening, wounding one soldier, officials said."],
    # a city that is the object of the strike is where it happened
    ["Russian drones attacked Zaporizhzhia on Tuesday, wounding six people.",
     "Russian drones attacked Dnipro on Tuesday, wounding six people."],
    # the day of publication named in the text is that day, not "any of the last few days"
    ["Russian drones attacked Kharkiv on Wednesday, wounding 14 people, the governor said.",
     "Russian drones attacked Kharkiv on Monday, wounding 14 people, the governor said."],
])
def test_near_misses_are_never_merged(nlp, texts):
    mentions, _ = _cluster(nlp, [(f"d{i}", f"Outlet {i}", t) for i, t in enumerate(texts)])
    assert {m.doc_id for m in mentions} == {"d0", "d1"}, [(m.doc_id, m.cameo) for m in mentions]
    assert not ({m.event_id for m in mentions if m.doc_id == "d0"} & {m.event_id for m in mentions if m.doc_id == "d1"})


# -- copies: files in folders, the outlet is the folder ------------------------------------------
WIRE = """The army of Ruritania detained 14 protesters outside parliament in Strelsau on Friday, police said.

The protesters had demanded the release of jailed opposition leader Rudolf Rassendyll, who was arrested in March.

A police spokesman said the detained protesters would appear in court on Monday.

Human rights groups condemned the detentions and urged the government to free them.

The opposition has called for new demonstrations next week."""


def test_syndicated_copy_counts_once_and_folder_is_the_outlet(tmp_path, run_cli):
    for folder, text in (
        ("wire", WIRE),
        ("portal", "PORTAL NEWS | World\n\n" + WIRE.rsplit("\n\n", 1)[0] + "\n\nRead more: our coverage of the region"),
        ("daily", "Soldiers in Ruritania held fourteen demonstrators near the parliament building in Strelsau on "
                  "Friday, according to police.\n\nThey were calling for Rudolf Rassendyll, the opposition leader, to be freed."),
    ):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "story.txt").write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert run_cli("ingest", str(tmp_path / "in"), "--db", db, "--date", "2024-03-09").returncode == 0
    docs = _jsonl(run_cli("docs", "--db", db, "--format", "jsonl"))
    by_source = {d["source"]: d for d in docs}
    assert set(by_source) == {"wire", "portal", "daily"}
    # the two copies were published the same day: the original is the one whose hash sorts first,
    # and exactly one of wire/portal points to the other
    copies = [d for d in docs if d["duplicate_of"]]
    assert len(copies) == 1 and copies[0]["source"] in ("wire", "portal") and by_source["daily"]["duplicate_of"] is None
    events = _jsonl(run_cli("events", "--db", db, "--format", "jsonl"))
    assert events and all(e["num_sources"] <= 2 for e in events)
    assert all(e["num_sources"] == len(e["sources"]) for e in events)
    in_copy_and_original = [e for e in events if e["num_articles"] >= 2]
    assert in_copy_and_original and all("daily" in e["sources"] or e["num_sources"] == 1 for e in in_copy_and_original)
    only_copies = [e for e in events if e["num_articles"] == 2 and "daily" not in e["sources"]]
    assert all(e["num_sources"] == 1 for e in only_copies)


# -- CLI, records and exports ---------------------------------------------------------------------
def test_events_and_mentions_follow_their_contracts_and_filters(tmp_path, run_cli):
    articles = _articles(("s08_", "s11_"))
    db = f"sqlite:///{tmp_path / 'k.db'}"
    run_cli("ingest", str(_write(tmp_path / "k.jsonl", articles)), "--db", db)
    events = _jsonl(run_cli("events", "--db", db, "--format", "jsonl"))
    mentions = _jsonl(run_cli("mentions", "--db", db, "--format", "jsonl"))
    assert events and all(tuple(e) == HAPPENING_FIELDS for e in events)
    assert all(tuple(m) == EVENT_FIELDS and m["event_id"] for m in mentions)
    assert len(events) < len(mentions)
    counted = defaultdict(int)
    for m in mentions:
        counted[m["event_id"]] += 1
    for e in events:
        assert e["num_mentions"] == len(e["mentions"]) >= counted[e["event_id"]]
        assert e["num_articles"] >= e["num_sources"] >= 1 and e["cameo"].startswith(e["cameo_root"])
        assert e["first_seen"] <= e["last_seen"] and 0 <= e["confidence"] <= 1
        assert e["representative"]["mention_id"] in e["mentions"]
    two = _jsonl(run_cli("events", "--db", db, "--format", "jsonl", "--min-sources", "2"))
    assert two and {e["event_id"] for e in two} == {e["event_id"] for e in events if e["num_sources"] >= 2}
    ken = _jsonl(run_cli("events", "--db", db, "--format", "jsonl", "--source", "KEN", "--root", "17"))
    assert ken and all(e["cameo_root"] == "17" and e["source"]["country"] == "KEN" for e in ken)
    table = run_cli("events", "--db", db, "--min-sources", "2")
    assert table.returncode == 0 and f"{len(two)} events".encode() in table.stdout


def test_gdelt_export_writes_events_with_counts_and_mentions(tmp_path, run_cli):
    db = f"sqlite:///{tmp_path / 'g.db'}"
    run_cli("ingest", str(_write(tmp_path / "g.jsonl", _articles(("s11_",)))), "--db", db)
    events = _jsonl(run_cli("events", "--db", db, "--format", "jsonl"))
    res = run_cli("export", "--format", "gdelt", "-o", str(tmp_path / "ev.tsv"), "--mentions", str(tmp_path / "m.tsv"), "--db", db)
    assert res.returncode == 0, res.stderr.decode()
    rows = list(csv.reader(io.StringIO((tmp_path / "ev.tsv").read_text()), delimiter="\t"))
    mrows = list(csv.reader(io.StringIO((tmp_path / "m.tsv").read_text()), delimiter="\t"))
    assert len(rows) == len(events) and all(len(r) == len(GDELT_COLUMNS) for r in rows)
    assert len(mrows) == sum(e["num_mentions"] for e in events)
    assert len(GDELT_MENTION_COLUMNS) == 16 and all(len(r) == 16 for r in mrows)
    col = {c: i for i, c in enumerate(GDELT_COLUMNS)}
    mcol = {c: i for i, c in enumerate(GDELT_MENTION_COLUMNS)}
    ids = [r[col["GLOBALEVENTID"]] for r in rows]
    assert len(set(ids)) == len(ids) and {r[mcol["GLOBALEVENTID"]] for r in mrows} == set(ids)
    by_count = sorted((int(r[col["NumMentions"]]), int(r[col["NumSources"]]), int(r[col["NumArticles"]])) for r in rows)
    assert by_count == sorted((e["num_mentions"], e["num_sources"], e["num_articles"]) for e in events)
    per_event = defaultdict(int)
    for r in mrows:
        per_event[r[mcol["GLOBALEVENTID"]]] += 1
        assert r[mcol["MentionIdentifier"]].startswith("https://") and r[mcol["MentionType"]] == "1"
        assert int(r[mcol["SentenceID"]]) >= 1 and r[mcol["MentionSourceName"]]
    assert {r[col["GLOBALEVENTID"]]: int(r[col["NumMentions"]]) for r in rows} == dict(per_event)
    bad = run_cli("export", "--format", "csv", "-o", str(tmp_path / "x.csv"), "--mentions", str(tmp_path / "y"), "--db", db)
    assert bad.returncode == 2


def test_readme_documents_the_event_record():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert render_happening_table() in readme
    assert "tidings mentions" in readme and "--min-sources" in readme


# -- scoring ---------------------------------------------------------------------------------------
def test_bcubed_and_copy_pairs_by_hand():
    gold = {"a": "X", "b": "X", "c": "Y", "d": "Y"}
    produced = {"a": "1", "b": "1", "c": "1", "d": "2"}
    # recall: a and b find their whole happening, c and d half of it
    s = bcubed(gold, produced)
    # precision: a and b find 2 of their 3 cluster-mates right, c 1 of 3, d 1 of 1
    assert s["precision"] == round((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 4) and s["recall"] == round((1 + 1 + 0.5 + 0.5) / 4, 4)
    assert bcubed(gold, {k: v for k, v in gold.items()}) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert copy_pairs({"a": None, "b": "a", "c": "a", "d": None}) == {frozenset("ab"), frozenset("ac"), frozenset("bc")}


def test_story_gold_meets_its_targets(nlp):
    from tidings.evaluate import evaluate

    report = evaluate([GOLD], nlp=nlp, errors=0)["stories"]
    assert report["articles"] == 68 and report["aligned_mentions"] > 300
    assert report["aligned_mentions"] + report["coder_misses"] == report["gold_mentions"]
    assert report["bcubed"]["f1"] >= 0.90
    assert report["copies"]["precision"] >= 0.95 and report["copies"]["recall"] >= 0.95
    assert report["near_miss_pairs"] == 65
    assert report["near_miss_merges"] == [] and report["wrong_merges"] == 0


def test_migration_keeps_old_mentions_and_recode_builds_their_events(tmp_path, run_cli):
    """A database made before stories (revision 0002) upgrades: the old mention ids survive as
    ``mention_id`` and ``--recode`` clusters the stored mentions into events."""
    import sqlite3
    from importlib import resources

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    cfg = Config(str(resources.files("tidings") / "store" / "alembic.ini"))
    cfg.set_main_option("script_location", str(resources.files("tidings") / "store" / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    engine.dispose()
    import hashlib

    text = "Japan imposed sanctions on North Korea on Friday."
    con = sqlite3.connect(path)
    con.execute("insert into documents (content_hash, doc_id, origin, text, status, ingested_at, published) values "
                "(?, 'old', 'old.txt', ?, 'coded', 'x', '2017-09-08')", (hashlib.sha256(text.encode()).hexdigest(), text))
    con.execute("insert into mentions (event_id, document_id, doc_id, sentence_index, sentence, trigger_text, trigger_start,"
                " trigger_end, cameo, cameo_root, quad_class, goldstein, negated, modality, confidence, rule, coder,"
                " source_text, source_code, source_country, source_kind, target_text, target_code, target_country,"
                " target_kind, date) values ('oldmention', 1, 'old', 0, 'Japan imposed sanctions on North Korea on Friday.',"
                " 'imposed', 6, 13, '163', '16', 4, -8.0, 0, 'asserted', 0.5, 'r', 'c', 'Japan', 'JPN', 'JPN', 'state',"
                " 'North Korea', 'PRK', 'PRK', 'state', '2017-09-08')")
    con.commit()
    con.close()
    db = f"sqlite:///{path}"
    mentions = _jsonl(run_cli("mentions", "--db", db, "--format", "jsonl"))
    assert [m["mention_id"] for m in mentions] == ["oldmention"] and mentions[0]["event_id"] is None
    assert _jsonl(run_cli("events", "--db", db, "--format", "jsonl")) == []
    # the next ingest clusters the old mentions with the new ones
    new = tmp_path / "new" / "report.txt"
    new.parent.mkdir()
    new.write_text("Tokyo imposed new sanctions on North Korea on Friday, officials said.", encoding="utf-8")
    assert run_cli("ingest", str(new), "--db", db, "--date", "2017-09-09").returncode == 0
    events = _jsonl(run_cli("events", "--db", db, "--format", "jsonl", "--root", "16"))
    assert len(events) == 1 and events[0]["source"]["country"] == "JPN" and events[0]["num_articles"] == 2
    assert "oldmention" in events[0]["mentions"]
    assert run_cli("ingest", "--recode", "--db", db).returncode == 0
    recoded = _jsonl(run_cli("events", "--db", db, "--format", "jsonl", "--root", "16"))
    assert len(recoded) == 1 and recoded[0]["num_articles"] == 2


def test_incremental_updates_equal_a_rebuild_on_synthetic_mentions(tmp_path):
    """Documents written one by one in a shuffled order (each re-clustering only what it can
    reach) leave the same events as clustering everything at once."""
    import sqlite3

    from tidings.bench.stories import generate
    from tidings.store import Store

    docs = list(generate(1500, seed=4))
    random.Random(9).shuffle(docs)
    store = Store(f"sqlite:///{tmp_path / 'inc.db'}")
    for doc, evs in docs:
        store.write_document(doc, evs, "bench")

    def snapshot():
        con = sqlite3.connect(tmp_path / "inc.db")
        out = (dict(con.execute("select mention_id, event_id from mentions").fetchall()),
               {r[0]: json.loads(r[1]) for r in con.execute("select event_id, record from events")})
        con.close()
        return out

    incremental = snapshot()
    assert len(incremental[1]) < len(incremental[0]) and None not in incremental[0].values()
    store.rebuild_stories()
    assert snapshot() == incremental
    store.close()
