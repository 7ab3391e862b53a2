from pathlib import Path

import pytest

from tidings.actors.kb import KnowledgeBase, load_kb, load_petrarch, load_user_actors

PETRARCH = """# a small PETRARCH-style dictionary
ALEXANDER_LUKASHENKO_ [BLRGOV 940720-]
+LUKASHENKA_
+ALYAKSANDR_LUKASHENKA_
IVAN_TESTOVICH_  # an invented official
[RUSGOV 100101-141231]
[RUSELI >150101]
ACME_MINING_CONSORTIUM_ [ZAFBUS]
"""


def test_kb_sizes_meet_the_issue():
    kb = load_kb()
    igos = {e.code for es in kb.aliases.values() for e in es if e.kind == "organization" and e.code and e.code[:3] in ("IGO", "NGO")}
    groups = {e.code for es in kb.aliases.values() for e in es if e.kind == "group"}
    people = {e.name for es in kb.aliases.values() for e in es if e.kind == "person"}
    assert len(igos) >= 120 and len(groups) >= 60 and len(kb.agents) >= 200 and len(people) >= 2000


@pytest.mark.parametrize("mention,date,code", [
    ("Medvedev", "2010-06-01", "RUSGOV"),
    ("Medvedev", "2013-06-01", "RUSGOV"),
    ("Medvedev", "2023-06-01", "RUSGOV"),  # deputy head of the Security Council (GUIDELINES 10.10)
    ("Merkel", "2004-06-01", "DEUOPP"),  # CDU leader in opposition
    ("Merkel", "2023-06-01", "DEUELI"),
    ("Merkel", "2010-06-01", "DEUGOV"),
    ("Lukashenko", "2021-09-09", "BLRGOV"),
    ("Lukashenka", "2021-09-09", "BLRGOV"),
    ("Zelenskyy", "2022-03-01", "UKRGOV"),
    ("Zelensky", "2018-03-01", "UKRELI"),
    ("the Kremlin", None, "RUSGOV"),
    ("Byelorussia", None, "BLR"),
    ("Burma", None, "MMR"),
    ("NATO", None, "IGOWSTNAT"),
    ("the North Atlantic Treaty Organization", None, "IGOWSTNAT"),
])
def test_candidates_resolve_by_date(mention, date, code):
    assert load_kb().candidates(mention, date)[0].code == code


def test_petrarch_dictionary_import(tmp_path: Path):
    path = tmp_path / "actors.txt"
    path.write_text(PETRARCH, encoding="utf-8")
    kb = KnowledgeBase()
    assert load_petrarch(kb, path) == 4
    assert kb.candidates("Lukashenka", "2021-01-01")[0].code == "BLRGOV"
    assert kb.candidates("Ivan Testovich", "2012-05-05")[0].code == "RUSGOV"
    assert kb.candidates("Ivan Testovich", "2016-05-05")[0].code == "RUSELI"
    assert kb.candidates("Acme Mining Consortium", None)[0].code == "ZAFBUS"


def test_user_actor_file(tmp_path: Path):
    path = tmp_path / "mine.tsv"
    path.write_text("alias\tcode\tkind\tstart\tend\nGrodno Farmers Union\tBLRAGR\tgroup\t\t\n", encoding="utf-8")
    kb = KnowledgeBase()
    assert load_user_actors(kb, path) == 1
    assert kb.candidates("the Grodno Farmers Union")[0].code == "BLRAGR"


@pytest.mark.parametrize("mention,date,code", [
    ("Jens Stoltenberg", "2012-01-01", "NORGOV"),
    ("Jens Stoltenberg", "2019-02-13", "IGOWSTNAT"),  # an IGO official takes the organisation's code
    ("Jens Stoltenberg", "2025-05-13", "NORGOV"),
    ("the Taliban", "2021-08-14", "AFGREB"),  # groups change status on a date
    ("the Taliban", "2021-08-15", "AFGGOV"),
    ("HTS", "2024-12-07", "SYRREB"),
    ("HTS", "2024-12-08", "SYRGOV"),
    ("RSF", "2021-10-25", "SDNMIL"),
    ("Kosovo", None, "KOS"),
    ("Transnistria", None, "MDA"),
    ("Islamic State", None, "IMGMUSISI"),
    ("Hamas", None, "PSEREB"),
    ("the Soviet Union", None, "SUN"),
    ("East Germany", None, "DDR"),
    ("West Germany", None, "DEU"),
    ("Moscow", "1980-01-01", "SUNGOV"),  # historical states everywhere, seats of power included
    ("Moscow", "2020-01-01", "RUSGOV"),
    ("Belgrade", "1999-03-24", "YUGGOV"),
    ("East German", None, "DDR"),
    ("the Fed", None, "USAGOV"),
    ("USAID", None, "USAGOV"),
])
def test_dated_roles_groups_and_codes_follow_the_guidelines(mention, date, code):
    assert load_kb().candidates(mention, date)[0].code == code


def test_people_are_keyed_by_id_not_by_name():
    kb = load_kb()
    terms = [e for e in kb.entries("Pedro Sánchez") if e.kind == "person"]
    assert len({e.pid for e in terms}) == 2  # the Spanish prime minister and the Colombian defence minister
    # both hold an office in 2025: the name alone is ambiguous, the document's countries settle it
    assert kb.candidates("Pedro Sanchez", "2025-06-01")[0].code is None
    assert kb.candidates("Pedro Sanchez", "2025-06-01", context=frozenset({"COL"}))[0].code == "COLMIL"
    assert kb.candidates("Pedro Sanchez", "2025-06-01", context=frozenset({"ESP"}))[0].code == "ESPGOV"
    # before the Colombian took office, the one office-holder is salient
    assert kb.candidates("Pedro Sanchez", "2020-01-01")[0].code == "ESPGOV"


def test_acronyms_take_their_reading_from_the_document_countries():
    kb = load_kb()
    assert kb.candidates("ADF", "2021-06-20", context=frozenset({"COD"}))[0].code == "UGAREB"
    assert kb.candidates("ADF", "2021-08-18", context=frozenset({"AUS", "AFG"}))[0].code == "AUSMIL"
    assert kb.candidates("SDF", "2024-01-02", context=frozenset({"JPN"}))[0].code == "JPNMIL"
    assert kb.candidates("SDF", "2019-03-23", context=frozenset({"SYR"}))[0].code == "SYRREB"
    assert kb.candidates("PDF", "1989-12-20")[0].code == "PANMIL"  # dates alone: Panama's army was gone by 2021
    assert kb.candidates("PDF", "2022-05-11")[0].code == "MMRREB"


def test_converted_petrarch_entries_keep_their_provenance():
    kb = load_kb()
    brezhnev = [t for t in kb.people["leonid-brezhnev"] if t.petrarch]
    assert brezhnev and all(t.source.startswith("Phoenix.Countries.actors.txt:") for t in brezhnev)
    assert {t.code[:3] for t in brezhnev} == {"SUN"}  # a Soviet office-holder keeps the historical state
    kandahar = kb.candidates("Kandahar")[0]
    assert kandahar.code == "AFG" and kandahar.entry.source.startswith("Phoenix.Countries.actors.txt:")
    # the project's data stays authoritative: the converted open term is cut at 2014 and gives way
    assert kb.candidates("Putin", "2015-06-01")[0].entry.source.startswith("people/")


def test_without_the_converted_dictionaries_the_project_data_still_resolves():
    kb = load_kb(petrarch=False)
    assert kb.candidates("Kandahar") == []
    assert kb.candidates("Merkel", "2010-06-01")[0].code == "DEUGOV"
