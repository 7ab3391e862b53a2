"""The intent -> delivery table (data/commitments.tsv) agrees with the coder's own intent mapping."""

from __future__ import annotations

import pytest

from tidings.commitments import load_rules
from tidings.errors import KnowledgeError
from tidings.tables import read_table


def _intent_pairs() -> list[tuple[str, str]]:
    rows = read_table("intent_codes.tsv", columns=("material", "intent", "meaning"), header=False, required=("material", "intent"))
    return [(r["material"], r["intent"]) for r in rows]


@pytest.mark.parametrize(("material", "intent"), _intent_pairs())
def test_every_intent_the_coder_emits_is_delivered_by_its_material_act(material, intent):
    # "will provide a loan" is coded 0331 because "provide a loan" is 071: so 071 must deliver 0331
    rules = load_rules()
    assert rules.rule(intent) is not None, intent
    assert rules.delivers(intent, material.ljust(3, "0")), (intent, material)


def test_conflict_acts_break_a_ceasefire_promise_but_deliver_nothing():
    rules = load_rules()
    assert rules.breaks("0356", "190") and rules.breaks("0356", "1951")
    assert not rules.breaks("0331", "190") and not rules.delivers("0356", "190")
    assert rules.withdraws("0331", "1621") and rules.withdraws("036", "125") and rules.withdraws("0353", "016")
    assert not rules.withdraws("036", "1621")


def test_a_malformed_table_names_its_line(tmp_path):
    bad = tmp_path / "commitments.tsv"
    bad.write_text("intent\tconcrete\tdelivery\twithdrawal\tbreach\tnote\n0331\tyes\t071\t\t\tok\n036\tmaybe\t04\t\t\tbad flag\n",
                   encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"commitments.tsv:3: concrete"):
        load_rules(str(bad))
    bad.write_text("intent\tconcrete\tdelivery\twithdrawal\tbreach\tnote\n071\tyes\t071\t\t\tnot an intent\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not an express-intent"):
        load_rules(str(bad))
