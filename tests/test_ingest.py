"""Bad input gets a one-line reason, is recorded as failed, and never costs the good input beside it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.ingest import read_inputs
from tidings.records import Document, Failure

from .conftest import _in_process, query, tidings_cmd

GOOD = ("Poland closed two border crossings with Belarus on Tuesday, and Lithuania accused Minsk of "
        "sending migrants across its frontier. The European Union said it would consider new sanctions.")
RUSSIAN = ("Президент России Владимир Путин провёл переговоры с Александром Лукашенко в Москве. "
           "Стороны договорились укреплять экономическое сотрудничество и обсудили вопросы безопасности.")
HTML_EMPTY = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"


def _bad_corpus(root: Path) -> dict[str, str]:
    """Write good and bad files; return {file name: expected failure code or 'ok'}."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "empty.txt").write_bytes(b"")
    latin = GOOD.replace("Minsk", "Minsk’s neighbours in Málaga").encode("cp1252")
    (root / "latin1.txt").write_bytes(latin)
    (root / "russian.txt").write_text(RUSSIAN, encoding="utf-8")
    (root / "menu.html").write_text(HTML_EMPTY, encoding="utf-8")
    (root / "notes.docx").write_bytes(b"PK\x03\x04 not a news file")
    lines = [json.dumps({"id": "j1", "text": GOOD + " Latvia agreed.", "date": "2021-09-07"}), "{broken json",
             json.dumps({"id": "j3", "text": GOOD.replace("Tuesday", "Monday"), "date": "2021-09-06"}),
             json.dumps({"text": "no id here"})]
    (root / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"good.txt": "ok", "binary.txt": "unsupported", "empty.txt": "empty", "latin1.txt": "ok",
            "russian.txt": "language", "menu.html": "empty", "notes.docx": "unsupported"}


def test_read_inputs_records_every_bad_file_with_reason(tmp_path):
    expected = _bad_corpus(tmp_path / "in")
    results = list(read_inputs([str(tmp_path / "in")], date="2021-09-10"))
    by_origin = {Path(r.origin.split(":")[0]).name + (":" + r.origin.split(":")[1] if ":" in r.origin else ""): r for r in results}
    for name, code in expected.items():
        r = by_origin[name]
        if code == "ok":
            assert isinstance(r, Document), name
        else:
            assert isinstance(r, Failure) and r.code == code, (name, r)
            assert "\n" not in r.reason and r.reason
    assert isinstance(by_origin["batch.jsonl:1"], Document)
    assert isinstance(by_origin["batch.jsonl:3"], Document)
    assert by_origin["batch.jsonl:2"].reason.startswith("line 2:")
    assert by_origin["batch.jsonl:4"].reason == "line 4: record has no 'id'"


def test_other_encoding_is_decoded_not_refused(tmp_path):
    path = tmp_path / "cp1251.txt"
    path.write_bytes(("Belarus and Russia signed a gas deal. " * 3 + "Цена газа осталась прежней.").encode("cp1251"))
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document) and "Цена газа" in doc.text


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 400, encoding="utf-8")
    (small,) = read_inputs([str(path)], settings=Settings(max_bytes=10_000))
    assert isinstance(small, Failure) and small.code == "too-large" and "limit" in small.reason
    (ok,) = read_inputs([str(path)], settings=Settings(max_bytes=10_000_000))
    assert isinstance(ok, Document)


def test_publication_date_never_defaults_to_today(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert doc.published is None
    (doc,) = read_inputs([str(path)], date="2021-09-10")
    assert doc.published == "2021-09-10"


def test_html_page_metadata_from_trafilatura(tmp_path):
    html = f"""<!doctype html><html><head><title>Border row deepens</title>
    <meta property="article:published_time" content="2021-11-09T08:00:00Z">
    <meta property="og:site_name" content="Example Wire"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Border row deepens</h1><p>{GOOD}</p>
    <p>{GOOD.replace('Tuesday', 'Wednesday')}</p></article><footer>Share this article</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document)
    assert doc.published == "2021-11-09" and doc.title == "Border row deepens" and doc.source == "Example Wire"
    assert "Home | World" not in doc.text and "Share this" not in doc.text


def test_cli_ingest_mixed_directory_good_files_survive(tmp_path, db_url, run_cli):
    expected = _bad_corpus(tmp_path / "in")
    big = tmp_path / "in" / "huge.txt"
    with big.open("w", encoding="utf-8") as fh:  # a 50 MB text file
        for _ in range(50 * 1024 // 2):
            fh.write(GOOD[:200] + "\n" + "x" * 1847 + "\n")
    db = db_url
    result = run_cli("ingest", str(tmp_path / "in"), "--db", db, "--date", "2021-09-10")
    assert result.returncode == 1, result.stderr
    err = result.stderr.decode()
    assert "Traceback" not in err
    fails = [ln for ln in err.splitlines() if ln.startswith("failed ")]
    assert len(fails) == 8  # 5 bad files + huge file + 2 broken JSON lines
    assert all(ln.count("\n") == 0 for ln in fails)
    status = dict(query(db, "select origin, status from documents"))
    reasons = dict(query(db, "select origin, error_code from documents where status='failed'"))
    for name, code in expected.items():
        origin = str(tmp_path / "in" / name)
        assert status[origin] == ("coded" if code == "ok" else "failed"), name
        if code != "ok":
            assert reasons[origin] == code
    assert reasons[str(big)] == "too-large"
    assert status[str(tmp_path / "in" / "batch.jsonl") + ":1"] == "coded"
    assert status[str(tmp_path / "in" / "batch.jsonl") + ":3"] == "coded"
    listed = run_cli("docs", "--failed", "--db", db, "--format", "jsonl")
    rows = [json.loads(ln) for ln in listed.stdout.decode().splitlines()]
    assert {r["error_code"] for r in rows} == {"unsupported", "empty", "language", "too-large", "bad-record"}


def _unprivileged_prefix() -> list[str] | None:
    """A command prefix under which file permissions apply: nothing for a normal user; for root,
    setpriv without the capabilities that bypass them (root keeps its uid, so a checkout in a private
    folder such as /root stays reachable)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"] if setpriv else None


def test_cli_unreadable_file_is_recorded(tmp_path, db_url, run_cli):
    prefix = _unprivileged_prefix()
    if prefix is None:
        pytest.skip("cannot drop the file-permission capabilities here (no setpriv)")
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "good.txt").write_text(GOOD, encoding="utf-8")
    secret = inp / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    result = run_cli("ingest", str(inp), "--db", db_url, prefix=prefix)
    assert result.returncode == 1, result.stderr.decode()
    assert f"failed {secret}: cannot read file: permission denied" in result.stderr.decode()
    rows = dict(query(db_url, "select origin, status from documents"))
    assert rows == {str(inp / "good.txt"): "coded", str(secret): "failed"}


def test_cli_stdin_jsonl(tmp_path, run_cli):
    data = (json.dumps({"id": "s1", "text": GOOD, "date": "2021-09-07"}) + "\n").encode()
    result = run_cli("code", "-", "--format", "jsonl", input=data)
    assert result.returncode == 0, result.stderr.decode()
    events = [json.loads(ln) for ln in result.stdout.decode().splitlines()]
    assert events and all(e["doc_id"] == "s1" for e in events)


def _kill_9_corpus(folder: Path) -> Path:
    folder.mkdir()
    for i in range(40):
        text = (f"Report {i}. " + GOOD + " ") * 6
        (folder / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


PER_DOCUMENT = ("select d.doc_id, count(m.id) from documents d left join mentions m on m.document_id = d.id "
                "group by d.doc_id order by d.doc_id")


@pytest.fixture(scope="module")
def clean_ingest(tmp_path_factory) -> list[tuple]:
    """Events per document after a clean, uninterrupted ingest of the kill-9 corpus: what every
    interrupted-then-rerun ingest must end with. Ingested once (into SQLite, in this process) for
    both backends' tests, rather than once per test."""
    root = tmp_path_factory.mktemp("clean-ingest")
    inp = _kill_9_corpus(root / "in")
    db = f"sqlite:///{root / 'clean.db'}"
    with pytest.MonkeyPatch.context() as monkeypatch:  # as the run_cli fixture runs it
        done = _in_process(("ingest", str(inp), "--db", db), None, {}, root, monkeypatch)
    assert done.returncode == 0, done.stderr.decode()
    return query(db, PER_DOCUMENT)


def test_kill_9_mid_ingest_leaves_no_half_document_and_rerun_completes(tmp_path, make_db, run_cli, clean_ingest):
    inp = _kill_9_corpus(tmp_path / "in")
    db = make_db()
    config = tmp_path / "small-batches.toml"  # documents are written a few at a time, so a kill lands mid-run
    config.write_text("[tidings]\nbatch_size = 1\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "TIDINGS_DB"} | {"TIDINGS_CONFIG": str(config)}
    proc = subprocess.Popen([*tidings_cmd(), "ingest", str(inp), "--db", db], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    deadline = time.time() + 300
    coded = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            ((coded,),) = query(db, "select count(*) from documents where status='coded'")
        except Exception:  # noqa: BLE001 - the schema may not exist yet
            continue
        if coded >= 3:
            break
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.kill()  # SIGKILL
    proc.wait()
    ((partial,),) = query(db, "select count(*) from documents")
    assert 3 <= partial < 40
    # every stored document has all its events: compare with a clean run (both in this process)
    rerun = run_cli("ingest", str(inp), "--db", db)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert b"unchanged" in rerun.stdout
    assert query(db, PER_DOCUMENT) == clean_ingest
    assert query(db, "select count(*) from documents") == [(40,)]
