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
    ("Medvedev", "2023-06-01", "RUSELI"),
    ("Merkel", "2004-06-01", "DEUELI"),
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
