"""The lexicon patterns of data/lexicon/commitments_extra.tsv, each on sentences written for this test
(not taken from any corpus): what they code, and what they leave alone."""

from __future__ import annotations

import pytest


def _found(events, rule):
    return [e for e in events if e.rule == rule]


@pytest.mark.parametrize(("text", "rule", "cameo", "source", "target"), [
    ("France will provide 50 million euros in aid to Lebanon, the ministry said.", "v.provide.currency.in.aid", "033", "FRA", "LBN"),
    ("Sweden gave 40 million kronor in aid to Ethiopia.", "v.give.currency.in.aid", "070", "SWE", "ETH"),
    ("Italy delivered 5 million euros of aid to Libya in March.", "v.deliver.currency.in.aid", "070", "ITA", "LBY"),
    ("Norway will provide 300 million kroner to Moldova for energy imports.", "v.provide.currency", "0331", "NOR", "MDA"),
    ("Qatar will deposit $3 billion with Egypt's central bank.", "v.deposit.money", "0331", "QAT", "EGY"),
    ("Egypt received a $5 billion deposit from the United Arab Emirates.", "v.receive.deposit", "071", "ARE", "EGY"),
    ("Norway has delivered two air defence radars to Ukraine.", "v.deliver.radar", "072", "NOR", "UKR"),
    ("South Korea will supply three frigates to the Philippines.", "v.supply.radar", "0332", "KOR", "PHL"),
    ("Denmark delivered $20 million worth of military equipment to Ukraine last month.", "v.deliver.worth", "070", "DNK", "UKR"),
    ("Britain and Japan signed the final text of the trade agreement on Monday.", "v.sign.text.of.agreement", "057", "GBR", "JPN"),
    ("Russia cancelled the gas supply agreement with Moldova.", "v.cancel.agreement", "160", "RUS", "MDA"),
    ("The Israeli air force halted air strikes on Gaza on Sunday.", "v.halt.air.strike", "087", "ISR", "PSE"),
    ("Turkey stopped drone strikes against Kurdish militia positions in Syria last week.", "v.stop.air.strike", "087", "TUR", "SYR"),
    ("Under the truce, Myanmar's junta will suspend air strikes on villages held by the Arakan Army.", "v.suspend.air.strike",
     "0356", "MMR", "MMR"),
    ("The World Bank disbursed the final $500 million of Kenya's $1.5 billion financing facility on Monday.",
     "v.disburse.arrangement", "071", None, "KEN"),
    ("The Asian Development Bank disbursed $250 million of its support package to Sri Lanka.", "v.disburse.arrangement",
     "071", None, "LKA"),
    ("The IMF disbursed the second tranche of $700 million of Egypt's programme.", "v.disburse.arrangement", "071", None, "EGY"),
])
def test_commitment_patterns_code_their_sentences(code, text, rule, cameo, source, target):
    events = code(text, "2023-06-01")
    hits = _found(events, rule)
    assert hits, [(e.rule, e.cameo) for e in events]
    e = hits[0]
    assert e.cameo == cameo
    assert (e.source.country if e.source else None) == source
    assert (e.target.country if e.target else None) == target


@pytest.mark.parametrize("text", [
    "The minister delivered a speech worth hearing to the conference.",  # "worth" without equipment or aid
    "The company cancelled the concert in Vienna.",  # not an agreement
    "The bank deposited the documents with the court.",  # not money
    "French unions halted their strike against the pension reform.",  # a labour strike
    "Iranian truckers stopped their strike over fuel prices.",
    "Riot police disbursed the protesters outside parliament in Nairobi.",  # "dispersed", misspelt
    "The Kenyan ministry disbursed salaries to striking teachers.",  # pay, not a lending arrangement
])
def test_commitment_patterns_leave_other_senses_alone(code, text):
    events = code(text, "2023-06-01")
    assert not [e for e in events if e.rule.startswith(("v.deliver.worth", "v.cancel.agreement", "v.deposit.money",
                                                        "v.halt.air", "v.stop.air", "v.disburse.arrangement"))]
    assert not [e for e in events if e.cameo.startswith("087") or e.cameo == "071"]
