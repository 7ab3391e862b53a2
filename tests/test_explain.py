"""The coder's trace: `tidings explain` answers why an event was coded, or why not."""

from __future__ import annotations

import json

from tidings.explain import explain_text, render


def _steps(explanations):
    return [(s.stage, s.rule, s.detail) for e in explanations for s in e.steps]


def test_trace_names_the_pattern_roles_and_event(nlp):
    (item,) = explain_text("Minsk has turned down Russian requests for bases.", nlp, date="2021-09-10")
    steps = _steps([item])
    assert ("match", "v.turn.down.proposal") in [(s, r) for s, r, _ in steps]
    assert any(s == "roles" and r == "source:slot subj" and "BLRGOV" in d for s, r, d in steps)
    # the noun "requests" is consumed by the verb: one event, and the trace says why
    assert any(s == "suppress" and r == "object-of-verb-trigger" and "turned" in d for s, r, d in steps)
    assert [(e.cameo[:2], e.source.code, e.target.code) for e in item.events] == [("12", "BLRGOV", "RUS")]


def test_trace_names_the_content_suppression(nlp):
    (item,) = explain_text("Poland urged Belarus to stop attacking migrants at the border.", nlp, date="2021-09-10")
    steps = _steps([item])
    assert any(s == "suppress" and "content of an appeal" in d for s, _r, d in steps), steps
    assert all(e.cameo[:2] == "02" for e in item.events) and item.events


def test_why_no_event_without_actors(nlp):
    (item,) = explain_text("Talks were held on Tuesday.", nlp, date="2023-05-02")
    assert not item.events
    assert any(s == "build" and r == "no-actor" for s, r, _ in _steps([item]))


def test_actor_notes_show_strategy_and_rejected_readings(nlp):
    (item,) = explain_text("Merkel met Macron in Berlin.", nlp, date="2019-05-02")
    notes = {a.text: a for a in item.actors}
    assert notes["Merkel"].code == "DEUGOV" and notes["Merkel"].via == "name"
    assert notes["Macron"].code == "FRAGOV"


def test_render_fits_100_columns(nlp):
    items = explain_text("Russia will provide Belarus with a $410 million loan by the end of next year, "
                         "the Kremlin said on Thursday after talks between the two presidents in Moscow.",
                         nlp, date="2021-09-10")
    text = "\n".join(render(i, 100) for i in items)
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "0331" in text and "deadline 2022-12-31" in text


def test_stored_events_keep_their_trace(nlp):
    from tidings.pipeline import code_text

    (e,) = [e for e in code_text("Canada imposed sanctions on Iran.", published="2022-10-05", nlp=nlp)]
    assert e.trace[0].startswith("match:")
    assert any(t.startswith("roles:target:slot on") for t in e.trace)
    assert e.to_dict()["trace"] == list(e.trace)


def test_cli_explain_text_and_json(run_cli):
    res = run_cli("explain", "Minsk has turned down Russian requests for bases.", "--date", "2021-09-10")
    assert res.returncode == 0, res.stderr.decode()
    assert "object-of-verb-trigger" in res.stdout.decode()
    res = run_cli("explain", "Minsk has turned down Russian requests for bases.", "--date", "2021-09-10",
                  "--format", "json")
    data = json.loads(res.stdout.decode().splitlines()[0])
    assert data["events"][0]["source"]["code"] == "BLRGOV" and data["tokens"][0]["text"] == "Minsk"


def test_cli_explain_file_needs_doc_when_several(tmp_path, run_cli):
    f = tmp_path / "two.jsonl"
    f.write_text("\n".join(json.dumps({"id": i, "text": t, "date": "2022-01-05"}) for i, t in
                           (("a", "Chile condemned the attack on its embassy."), ("b", "Peru recalled its ambassador from Lima."))) + "\n")
    res = run_cli("explain", str(f))
    assert res.returncode == 2 and b"--doc" in res.stderr
    res = run_cli("explain", str(f), "--doc", "b", "--sentence", "0")
    assert res.returncode == 0 and "recalled" in res.stdout.decode()
    res = run_cli("explain", str(f), "--doc", "b", "--sentence", "5")
    assert res.returncode == 2 and b"no sentence 5" in res.stderr


def test_cli_events_explain_shows_stored_trace(tmp_path, run_cli):
    f = tmp_path / "a.txt"
    f.write_text("Canada imposed sanctions on Iran on Monday.\n")
    db = f"sqlite:///{tmp_path / 't.db'}"
    assert run_cli("ingest", str(f), "--db", db, "--date", "2022-10-05").returncode == 0
    res = run_cli("events", "--db", db, "--explain")
    text = res.stdout.decode()
    assert res.returncode == 0 and "roles:target:slot on" in text and "match:" in text


def test_cli_explain_takes_a_sentence_longer_than_a_file_name_as_text(tmp_path):
    from tidings.cli.run import _names_file

    long_sentence = "Even so, most observers now agree that " + "no lasting solution can be found " * 10 + "today."
    assert len(long_sentence) > 255 and not _names_file(long_sentence)  # no "File name too long" error
    f = tmp_path / "a.txt"
    f.write_text("Chile condemned the attack.")
    assert _names_file(str(f))
