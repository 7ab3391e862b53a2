"""The PETRARCH-2/Phoenix converter (tidings.actors.petrarch) and the converted tables it wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.actors.petrarch import convert, parse_actors, parse_agents, petrarch_date, pretty
from tidings.tables import data_file, read_table

COUNTRIES = """# a small dictionary in the Phoenix format
KOSOVO [KSV]
+PRISTINA_
+FOUNDATIONLAND_

IVAN_TESTOVICH_  # CountryInfo.txt
+TESTOVICH_
\t[RUSELI 500101-850310]
\t[RUSGOV 850311-911224]
\t[RUSGOV >120507]
\t[RUSELI]
PETRA_PRIMA_  # CountryInfo.txt
PETRA_Q._PRIMA_  # CountryInfo.txt
+PRIMA_
\t[DEUGOV 19990101-050101]
"""
INTERNATIONAL = """UNICEF_ [IGOUNOKID]
ANNA_EXAMPLE_\t[IGOUNOKID >100101]# IGOrulers.txt
"""
MILITANTS = """EXAMPLE_LIBERATION_FRONT_ [XYZREB]
ZORBA_BRIGADES_ [TURREB]
+FOUNDATION
+ZB
"""
AGENTS = """!PERSON! = MAN, MEN
FERRY!PERSON! [~LAB]
PROTESTER [~OPP]
"""


def test_petrarch_dates_read_two_digit_years_as_the_files_do():
    assert petrarch_date("730717") == "1973-07-17"
    assert petrarch_date("070723") == "2007-07-23"
    assert petrarch_date("19270101") == "1927-01-01"
    assert petrarch_date("2004017") is None


def test_parse_actors_merges_a_codeless_record_into_the_next_and_keeps_lines():
    recs = parse_actors(COUNTRIES.splitlines())
    assert [r.names[0] for r in recs] == ["KOSOVO", "IVAN_TESTOVICH_", "PETRA_PRIMA_"]
    ivan = recs[1]
    assert ivan.line == 6 and ("RUSGOV", "1985-03-11", "1991-12-24", 9) in ivan.codes
    assert ("RUSELI", None, None, 11) in ivan.codes  # the default reading
    assert recs[2].names == ["PETRA_PRIMA_", "PETRA_Q._PRIMA_", "PRIMA_"]
    assert recs[2].codes == [("DEUGOV", "1999-01-01", "2005-01-01", 15)]


def test_pretty_names_keep_acronyms_and_initials():
    assert pretty("VLADIMIR_V._PUTIN_", person=True) == "Vladimir V. Putin"
    assert pretty("UNHCR") == "UNHCR"
    assert pretty("KABUL_") == "Kabul"
    assert pretty("THE_ISLAMIC_STATE") == "Islamic State"


def test_parse_agents_expands_macros_and_plurals():
    rows = {(p, c) for p, c, _ in parse_agents(AGENTS.splitlines())}
    assert {("FERRYMAN", "LAB"), ("FERRYMEN", "LAB"), ("PROTESTER", "OPP"), ("PROTESTERS", "OPP")} <= rows


def test_convert_writes_project_tables_with_provenance(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    for name, text in [("Phoenix.Countries.actors.txt", COUNTRIES), ("Phoenix.International.actors.txt", INTERNATIONAL),
                       ("Phoenix.MilNonState.actors.txt", MILITANTS), ("Phoenix.agents.txt", AGENTS)]:
        (src / name).write_text(text, encoding="utf-8")
    (src / "LICENSE").write_text("MIT licence text", encoding="utf-8")
    out = tmp_path / "out"
    counts = convert(src, out, known={"unicef": "IGOUNOCEF"})
    assert counts["people"] == 3 and (out / "LICENSE").read_text() == "MIT licence text"
    names = {r["name"]: r for r in read_table(out / "names.tsv")}
    assert names["Kosovo"]["code"] == "KOS"  # Kosovo is KOS (GUIDELINES 10.10), not Phoenix's KSV
    assert names["Kosovo"]["source"] == "Phoenix.Countries.actors.txt:2"
    assert "Example Liberation Front" not in names  # XYZ is no country: the entry is left out
    assert names["Zorba Brigades"]["aliases"] == "ZB"  # an ordinary word as a synonym is not a name
    terms = read_table(out / "terms.tsv")
    ivan = [t for t in terms if t["id"] == "petr:countries:6"]
    assert ("SUNGOV", "1985-03-11", "1991-12-24") in {(t["code"], t["start"], t["end"]) for t in ivan}  # Soviet office
    assert ("RUSGOV", "2012-05-07", "2014-01-30") in {(t["code"], t["start"], t["end"]) for t in ivan}  # open term cut
    anna = [t for t in terms if t["code"].startswith("IGO")]
    assert anna and anna[0]["code"] == "IGOUNOCEF"  # Phoenix's UNICEF code translated through the shared alias
    assert all(t["source"].startswith("Phoenix.") and ":" in t["source"] for t in terms)


@pytest.mark.parametrize("table", ["people.tsv", "terms.tsv", "names.tsv", "agents.tsv"])
def test_shipped_converted_tables_carry_a_source_line_each(table):
    rows = read_table(data_file(f"actors/petrarch/{table}"))
    assert len(rows) > 1000
    assert all(r["source"].split(":")[0].startswith("Phoenix.") and r["source"].split(":")[1].isdigit() for r in rows)


def test_the_mit_notice_and_provenance_sit_beside_the_converted_data():
    folder = data_file("actors/petrarch")
    assert "MIT" in (folder / "LICENSE").read_text(encoding="utf-8")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "openeventdata/petrarch2" in readme and "Left out" in readme
