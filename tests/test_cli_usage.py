"""The command line as analysts use it: no silent wrong answers, honest errors, readable output."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

ARTICLE = ("Kenyan police arrested 20 students in Nairobi on Monday after they marched on parliament. "
           "The International Monetary Fund [the Fund] approved a $3 billion loan for Ghana on Tuesday.")
MARKUP = "Malian rebels [red]shelled[/red] the town of Kidal on Sunday, killing four civilians."


@pytest.fixture
def store(tmp_path, run_cli):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text(json.dumps({"id": "a", "text": ARTICLE, "date": "2024-06-26"}) + "\n"
                                 + json.dumps({"id": "m", "text": MARKUP, "date": "2024-06-24"}) + "\n")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    res = run_cli("ingest", str(src), "--db", db, "-q")
    assert res.returncode == 0, res.stderr.decode()
    return db


@pytest.mark.parametrize("command", [["events"], ["docs"], ["export", "-o", "out.jsonl"]])
def test_read_only_commands_refuse_a_missing_database(tmp_path, run_cli, command):
    res = run_cli(*command, "--db", f"sqlite:///{tmp_path / 'typo.db'}")
    assert res.returncode == 2
    assert b"no database at" in res.stderr and len(res.stderr.decode().strip().splitlines()) == 1
    assert not (tmp_path / "typo.db").exists()


@pytest.mark.parametrize("args,reason", [
    (["--root", "99"], "CAMEO roots are 01 to 20"),
    (["--root", "abc"], "CAMEO roots are 01 to 20"),
    (["--plover", "FOO"], "unknown --plover"),
    (["--code", "999"], "no CAMEO code begins"),
    (["--since", "2024-02-01", "--until", "2024-01-01"], "is after --until"),
    (["--since", "yesterday"], "invalid --since date"),
    (["--source", "Atlantis Republic of Foo"], "unknown actor"),
    (["--target", "XXQ"], "unknown actor"),  # shaped like a code, but no country, IGO or sector begins so
    (["--near", "95,10,5"], "invalid --near"),
])
def test_impossible_filters_are_errors(store, run_cli, args, reason):
    for command in (["events"], ["export", "-o", "x.jsonl"]):
        res = run_cli(*command, "--db", store, *args)
        assert res.returncode == 2 and reason in res.stderr.decode(), (command, res.stderr)


def test_actor_filters_take_names_through_the_knowledge_base(store, run_cli):
    by_name = run_cli("events", "--db", store, "--source", "Kenya", "--format", "jsonl").stdout.decode().splitlines()
    by_code = run_cli("events", "--db", store, "--source", "KEN", "--format", "jsonl").stdout.decode().splitlines()
    assert by_name and by_name == by_code
    assert all(json.loads(line)["source"]["country"] == "KEN" for line in by_name)
    imf = run_cli("events", "--db", store, "--source", "International Monetary Fund", "--format", "jsonl")
    assert {json.loads(x)["source"]["code"] for x in imf.stdout.decode().splitlines()} == {"IGOIMF"}


def test_markup_in_document_text_is_shown_as_text(store, run_cli):
    text = run_cli("events", "--db", store, "--wide").stdout.decode()
    assert "[red]shelled[/red]" in text and "[the Fund]" in text


def test_tables_fit_80_columns_and_show_where_the_evidence_is(store, run_cli):
    for command in ("events", "mentions"):
        res = run_cli(command, "--db", store, env={"COLUMNS": "80"})
        lines = res.stdout.decode().splitlines()
        assert max(len(x) for x in lines) <= 80, command
        assert "2024-06-24" in res.stdout.decode(), command  # dates never split across lines
    wide = run_cli("mentions", "--db", store, env={"COLUMNS": "140"}).stdout.decode()
    assert "a:0" in wide and "doc:sentence" in wide
    events = run_cli("events", "--db", store, env={"COLUMNS": "140"}).stdout.decode()
    assert "│ a " in events and "sources" in events and "articles" in events


def test_docs_as_csv_and_ids(store, run_cli):
    rows = list(csv.DictReader(io.StringIO(run_cli("docs", "--db", store, "--format", "csv").stdout.decode())))
    assert {r["doc_id"] for r in rows} == {"a", "m"} and all(r["status"] == "coded" for r in rows)


def test_export_takes_the_event_filters_limit_and_sort(store, run_cli, tmp_path):
    out = tmp_path / "e.jsonl"
    res = run_cli("export", "-o", str(out), "--db", store, "--root", "17", "--sort", "-date", "--limit", "1")
    assert res.returncode == 0, res.stderr.decode()
    (only,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert only["cameo_root"] == "17"
    later = run_cli("export", "-o", str(out), "--db", store, "--since-ingest", "2999-01-01")
    assert later.returncode == 0 and out.read_text() == ""
    res = run_cli("export", "-o", str(tmp_path / "missing" / "e.jsonl"), "--db", store)
    assert res.returncode == 2 and b"does not exist" in res.stderr


def test_a_publication_date_can_be_added_after_ingest(tmp_path, run_cli):
    f = tmp_path / "undated.txt"
    f.write_text("Kenya and Ethiopia signed a trade agreement on Monday.\n")
    db = f"sqlite:///{tmp_path / 'd.db'}"
    assert run_cli("ingest", str(f), "--db", db, "-q").returncode == 0
    dates = {json.loads(x)["date"] for x in run_cli("events", "--db", db, "--format", "jsonl").stdout.decode().splitlines()}
    assert dates == {None}
    res = run_cli("docs", "set-date", "undated", "2024-03-06", "--db", db)
    assert res.returncode == 0, res.stderr.decode()
    dates = {json.loads(x)["date"] for x in run_cli("events", "--db", db, "--format", "jsonl").stdout.decode().splitlines()}
    assert dates == {"2024-03-04"}  # "on Monday" read back from the new date
    assert run_cli("docs", "set-date", "nope", "2024-03-06", "--db", db).returncode == 2


def test_recode_with_a_date_dates_undated_documents_only(tmp_path, run_cli):
    (tmp_path / "u.txt").write_text("Kenya and Ethiopia signed a trade agreement on Monday.\n")
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "d", "date": "2020-01-10", "text": "Chile recalled its ambassador from Peru."}) + "\n")
    db = f"sqlite:///{tmp_path / 'r.db'}"
    assert run_cli("ingest", str(tmp_path / "u.txt"), str(tmp_path / "d.jsonl"), "--db", db, "-q").returncode == 0
    assert run_cli("ingest", "--recode", "--date", "2024-03-06", "--db", db, "-q").returncode == 0
    docs = {r["doc_id"]: r["published"] for r in map(json.loads, run_cli("docs", "--db", db, "--format", "jsonl").stdout.decode().splitlines())}
    assert docs == {"u": "2024-03-06", "d": "2020-01-10"}


def test_the_same_text_arriving_later_with_a_date_completes_the_stored_one(tmp_path, run_cli):
    text = "Kenya and Ethiopia signed a trade agreement on Monday."
    (tmp_path / "first.txt").write_text(text + "\n")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert run_cli("ingest", str(tmp_path / "first.txt"), "--db", db, "-q").returncode == 0
    (tmp_path / "later.jsonl").write_text(json.dumps({"id": "later", "text": text, "date": "2024-03-06"}) + "\n")
    res = run_cli("ingest", str(tmp_path / "later.jsonl"), "--db", db, "-q")
    assert b"1 updated" in res.stdout
    rows = list(map(json.loads, run_cli("docs", "--db", db, "--format", "jsonl").stdout.decode().splitlines()))
    assert len(rows) == 1 and rows[0]["published"] == "2024-03-06"
    # and a copy without a date never erases the date that is known
    (tmp_path / "again.txt").write_text(text + "\n")
    assert b"1 unchanged" in run_cli("ingest", str(tmp_path / "again.txt"), "--db", db, "-q").stdout


def test_ingest_of_a_folder_skips_its_own_database_and_excluded_files(tmp_path, run_cli):
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "a.txt").write_text("Kenya and Ethiopia signed a trade agreement on Monday.\n")
    (folder / "notes.md").write_text("# private notes\n")
    db = f"sqlite:///{folder / 'tidings.db'}"
    assert run_cli("ingest", str(folder), "--db", db, "--exclude", "*.md", "-q").returncode == 0
    res = run_cli("ingest", str(folder), "--db", db, "--exclude", "*.md", "-q")  # the db, -wal and -shm exist now
    assert res.returncode == 0 and b"0 failed" in res.stdout, res.stdout
    stored = sqlite3.connect(folder / "tidings.db").execute("select count(*) from documents").fetchone()[0]
    assert stored == 1


def test_progress_lines_when_not_a_terminal(tmp_path, run_cli):
    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"id": str(i), "date": f"2024-01-0{i + 1}",
                                                          "text": f"Chile recalled its ambassador from Peru for the {i + 1}th time."}) + "\n"
                                              for i in range(3)))
    db = f"sqlite:///{tmp_path / 'p.db'}"
    res = run_cli("ingest", str(tmp_path / "a.jsonl"), "--db", db, "--progress-every", "0.000001")
    lines = [x for x in res.stderr.decode().splitlines() if x.startswith("ingest:")]
    assert lines and lines[-1].startswith("ingest: 3/3 documents") and "events" in lines[-1]
    quiet = run_cli("ingest", str(tmp_path / "a.jsonl"), "--db", f"sqlite:///{tmp_path / 'q.db'}", "--quiet",
                    "--progress-every", "0.000001")
    assert not [x for x in quiet.stderr.decode().splitlines() if x.startswith("ingest:")]


def test_settings_of_the_wrong_type_are_one_line_errors(tmp_path, run_cli):
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[tidings]\nmax_bytes = "big"\n')
    res = run_cli("--config", str(cfg), "code", "-")
    assert res.returncode == 2 and res.stderr.decode().strip() == "error: setting max_bytes: expected a whole number, got 'big'"


def test_actor_file_without_header_is_an_error(tmp_path, run_cli):
    f = tmp_path / "mine.tsv"
    f.write_text("Blue Party\tKENPTY\n")
    (tmp_path / "a.txt").write_text("The Blue Party rallied in Nairobi.\n")
    res = run_cli("code", str(tmp_path / "a.txt"), "--actors", str(f))
    assert res.returncode == 2 and b"header lacks column" in res.stderr


def test_bare_command_prints_help_and_debug_works_after_the_command(tmp_path, run_cli):
    res = run_cli()
    assert res.returncode == 0 and b"Usage" in res.stdout and b"error" not in res.stderr
    res = run_cli("events", "--db", "nosuchdriver://x", "--debug")
    assert b"Traceback" in res.stderr


def test_sector_only_and_organisation_codes_are_valid_filters(store, run_cli):
    for value in ("GOV", "COP", "IGO", "KOS"):
        assert run_cli("events", "--db", store, "--source", value).returncode == 0, value
    bad = run_cli("summary", "--db", store, "--dyad", "RUS:XXQ")
    assert bad.returncode == 2 and "unknown actor" in bad.stderr.decode()


def test_a_negative_error_count_is_a_usage_error(run_cli):
    res = run_cli("eval", "eval/gold/articles_dev2.jsonl", "--errors", "-3")
    assert res.returncode == 2 and b"--errors" in res.stderr
