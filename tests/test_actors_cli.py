import json


def test_actors_lookup_explains_dated_roles(run_cli):
    res = run_cli("actors", "lookup", "Medvedev", "--date", "2010-05-01")
    assert res.returncode == 0
    out = res.stdout.decode()
    assert "RUSGOV" in out and "president" in out
    later = run_cli("actors", "lookup", "Merkel", "--date", "2023-05-01").stdout.decode()
    assert "DEUELI" in later and "no recorded office" in later


def test_actors_lookup_shows_provenance_and_every_term(run_cli):
    out = run_cli("actors", "lookup", "Jens Stoltenberg", "--date", "2019-02-13").stdout.decode()
    assert "IGOWSTNAT" in out and "people/igo_leaders.tsv:" in out  # the project's own file and line
    assert "Phoenix.Countries.actors.txt:" in out  # terms that came from the converted dictionaries
    assert "NORGOV" in out  # his earlier terms as prime minister are listed too
    old = run_cli("actors", "lookup", "Brezhnev", "--date", "1975-08-01").stdout.decode()
    assert "SUNGOV" in old


def test_actors_lookup_composes_agents(run_cli):
    out = run_cli("actors", "lookup", "Polish border guards").stdout.decode()
    assert "POLCOP" in out


def test_actors_file_option_extends_the_knowledge_base(tmp_path, run_cli):
    actors = tmp_path / "mine.tsv"
    actors.write_text("alias\tcode\tkind\tstart\tend\nZorbaland\tZZZ\tstate\t\t\n", encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Zorbaland accused Belarus of hosting saboteurs.", encoding="utf-8")
    res = run_cli("code", str(text), "--date", "2021-09-10", "--format", "jsonl", "--actors", str(actors))
    events = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert any(e["source"] and e["source"]["code"] == "ZZZ" for e in events)


def test_actors_lookup_names_the_users_file(tmp_path, run_cli):
    actors = tmp_path / "mine.tsv"
    actors.write_text("alias\tcode\tkind\nKenya Kwanza\tKENPTY\tgroup\n", encoding="utf-8")
    out = run_cli("actors", "lookup", "Kenya Kwanza", "--actors", str(actors)).stdout.decode()
    assert "KENPTY" in out and "your --actors file mine.tsv:2" in out and "project data" not in out
