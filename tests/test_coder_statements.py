"""Criticism and praise told inside statements (issue 10, art9: ``coding/judgements.py``,
``data/judgements.tsv``), and the lexicon senses of ``data/lexicon/news_more.tsv``. Each behaviour has
sentences where it fires and sentences of other senses where it must not. All sentences are made up
for these tests."""

from __future__ import annotations

import pytest

from tests.coded import codes as _codes
from tests.coded import pairs as _pairs

# --- "called X a crime", "said X was unacceptable": the speaker criticises X's owner (111) ------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Iran's foreign minister called the Israeli strikes a crime against humanity.", "IRN", "ISR"),
    ("The Polish president described Russia's decision as a dangerous provocation.", "POL", "RUS"),
    ("Ankara said the Greek military drills were a violation of international law.", "TUR", "GRC"),
    ("Kigali branded the M23 rebels terrorists.", "RWA", "COD"),
    ("A U.S. State Department spokesman said Beijing had made a serious mistake.", "USA", "CHN"),
    ("Serbia's president said Kosovo's decision to ban the dinar was a provocation.", "SRB", "KOS"),
    ("Lithuania's foreign minister called the Belarusian flights a provocation.", "LTU", "BLR"),
])
def test_coder_judging_predicate_in_a_statement_is_criticism(code, text, source, target):
    events = code(text, "2024-05-01")
    assert (source, target) in _pairs(events, "111")


def test_coder_judged_act_with_no_owner_is_criticism_of_no_one(code):
    events = code("The U.N. rights chief said attacks on journalists were shocking and unacceptable.", "2024-05-01")
    assert ("IGO", None) in _pairs(events, "111")


def test_coder_judged_act_points_back_to_its_doer(code):
    text = ("The Turkish air force struck Kurdish militant positions in northern Iraq on Sunday. "
            "Iraq's foreign ministry called the strikes a violation of its sovereignty.")
    assert ("IRQ", "TUR") in _pairs(code(text, "2024-05-01"), "111")


def test_coder_judging_predicate_is_not_an_event_of_its_own(code):
    events = code("Ankara said the Greek military drills were a violation of international law.", "2024-05-01")
    assert "128" not in _codes(events)


def test_coder_calling_a_strike_a_crime_is_no_labour_strike(code):
    events = code("The Syrian foreign ministry called the air raids a crime against its people.", "2024-05-01")
    assert not {"143", "195"} & _codes(events)  # no labour strike, and the judged raids are no event of their own
    assert "111" in _codes(events)


# --- a court's judgement: a legal finding (116) ---------------------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Brazil's Supreme Court ruled that the president's decree was unconstitutional.", "BRA", "BRA"),
    ("A Kenyan court ruled on Friday that the government's ban on protests was unlawful.", "KEN", "KEN"),
    ("Pakistan's top court ruled that the prime minister's dissolution of parliament was illegal.", "PAK", "PAK"),
])
def test_coder_court_ruling_that_an_act_is_unlawful_is_a_legal_finding(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-05-01"), "116")


# --- praise in the same shapes (051) --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Indian prime minister described Japan's investment pledge as a milestone.", "IND", "JPN"),
    ("Ghana's president called the IMF's decision a positive step.", "GHA", "IGO"),
    ("Chile's foreign minister said Argentina's offer was constructive.", "CHL", "ARG"),
])
def test_coder_praising_predicate_in_a_statement_is_praise(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-05-01"), "051")


# --- neutral descriptions, denied or conditional judgements, no known judge: nothing -------------------

@pytest.mark.parametrize("text", [
    "Macron called the meeting with Scholz a first step.",
    "The Japanese envoy described the talks with Seoul as technical.",
    "The union called off the strike in Nairobi.",
    "Seoul said the launch was not a provocation.",
    "Iran said any attack on its nuclear sites would be a crime.",
    "Analysts said the Russian drills were a provocation.",
    "The opposition boycotted the vote in Caracas, calling it a fraud.",
])
def test_coder_neutral_denied_or_unowned_judgements_are_no_criticism_or_praise(code, text):
    assert not {"111", "051"} & _codes(code(text, "2024-05-01"))


# --- a generic threat whose complement is a coded coercive act takes that act's THREATEN code -----------

@pytest.mark.parametrize(("text", "wanted"), [
    ("Nigeria's main labour union threatened to stage a general strike over fuel prices.", "133"),
    ("Bangladesh's opposition party threatened to hold mass rallies in Dhaka.", "133"),
    ("French farmers' unions threatened to block roads around Paris.", "133"),
])
def test_coder_threatened_protest_is_a_threat_of_protest(code, text, wanted):
    assert wanted in _codes(code(text, "2024-05-01"))


@pytest.mark.parametrize("text", [
    "The Israeli prime minister threatened to call early elections.",
    "The Kenyan union threatened the employers' federation.",
])
def test_coder_threats_of_no_coercive_act_stay_generic(code, text):
    events = code(text, "2024-05-01")
    assert "130" in _codes(events) and "133" not in _codes(events)


# --- "want to make it clear that …" is a statement of its content, not a wish ---------------------------

@pytest.mark.parametrize(("text", "wanted", "source", "target"), [
    ('"We wish to make it quite clear that Japan firmly opposes China\'s missile launches," the Japanese prime '
     "minister told reporters.", "110", "JPN", "CHN"),
    ("The Indian foreign minister wanted to make clear that India condemned the attack on the Pakistani embassy.",
     "111", "IND", "PAK"),
    ('"We want to make it plain that Britain supports Ukraine\'s bid," the minister said.', "051", "GBR", "UKR"),
])
def test_coder_made_clear_content_is_coded(code, text, wanted, source, target):
    assert (source, target) in _pairs(code(text, "2024-05-01"), wanted)


def test_coder_wish_on_another_stays_an_appeal(code):
    events = code("The French president wants Germany to support the plan.", "2024-05-01")
    assert "051" not in _codes(events)


# --- "refused to stop X": a refusal (120) -------------------------------------------------------------

@pytest.mark.parametrize(("text", "source"), [
    ("Al-Shabaab has refused to stop abducting aid workers in Somalia.", "SOM"),
    ("Hamas refused to stop firing rockets at Israel.", "PSE"),
    ("The Myanmar junta has refused to cease air strikes on villages in Sagaing.", "MMR"),
])
def test_coder_refusing_to_stop_an_act_is_a_refusal(code, text, source):
    assert any(s == source for s, _t in _pairs(code(text, "2024-05-01"), "120"))


@pytest.mark.parametrize("text", [
    "Ethiopia stopped fighting the rebels in Tigray.",
    "The Houthis agreed to stop attacks on tankers in the Gulf of Aden.",
])
def test_coder_stopping_without_refusal_is_no_rejection(code, text):
    assert not {"120"} & _codes(code(text, "2024-05-01"))


# --- access to military bases or ports for foreign forces: military cooperation (062) -----------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Djibouti granted Japanese troops access to its port.", "DJI", "JPN"),
    ("Poland gave American forces access to two more air bases.", "POL", "USA"),
    ("Kenya granted British soldiers access to its training bases in Laikipia.", "KEN", "GBR"),
])
def test_coder_access_to_bases_is_military_cooperation(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-05-01"), "062")


@pytest.mark.parametrize("text", [
    "Bangladesh granted U.N. agencies access to the refugee camps.",
    "Ethiopia gave aid workers access to Tigray.",
])
def test_coder_humanitarian_access_is_no_military_cooperation(code, text):
    assert "062" not in _codes(code(text, "2024-05-01"))


# --- abiding by, sticking to, adhering to a truce: de-escalation (0871; promised: 0356) ---------------

@pytest.mark.parametrize(("text", "wanted", "source", "target"), [
    ("The Yemeni government pledged to abide by the UN-brokered truce with the Houthis.", "0356", "YEM", "YEM"),
    ("Hamas said it would stick to the ceasefire with Israel.", "0356", "PSE", "ISR"),
    ("Both Armenia and Azerbaijan adhered to the truce on Sunday.", "0871", "ARM", "AZE"),
])
def test_coder_keeping_a_truce_is_de_escalation(code, text, wanted, source, target):
    assert (source, target) in _pairs(code(text, "2024-05-01"), wanted)


@pytest.mark.parametrize("text", [
    "The Kenyan government said it would abide by the court ruling.",
    "The Nigerian minister said he would stick to his plan.",
])
def test_coder_keeping_other_things_is_no_de_escalation(code, text):
    assert not {"0871", "0356"} & _codes(code(text, "2024-05-01"))


# --- handing power over when the parser loses the recipient's "to": a change of leadership (0831/0341) --

@pytest.mark.parametrize(("text", "wanted"), [
    ("Guinea's military leaders promised to hand power to elected civilian rulers within two years.", "0341"),
    ("Chad's transitional council agreed with the African Union in May to hand power over to a civilian president "
     "by October.", "0341"),
    ("The army handed power to a civilian administration on Friday.", "0831"),
])
def test_coder_handing_power_is_a_change_of_leadership(code, text, wanted):
    assert wanted in _codes(code(text, "2024-05-01"))


def test_coder_handing_a_letter_is_no_change_of_leadership(code):
    events = code("The Nigerian minister handed the letter to the ambassador.", "2024-05-01")
    assert not {"0831", "0341"} & _codes(events)


# --- fire opened or shelling in breach of a truce: a ceasefire violation (196) ------------------------

@pytest.mark.parametrize(("text", "source"), [
    ("Israeli troops opened fire on Lebanese army positions in violation of the ceasefire.", "ISR"),
    ("Ethiopian forces shelled rebel-held towns in Tigray in breach of the truce.", "ETH"),
    ("Azerbaijani forces shelled Armenian villages in violation of the ceasefire.", "AZE"),
])
def test_coder_attack_in_breach_of_a_truce_is_a_ceasefire_violation(code, text, source):
    assert any(s == source for s, _t in _pairs(code(text, "2024-05-01"), "196"))


@pytest.mark.parametrize("text", [
    "Guinean gendarmes opened fire on marchers in Conakry.",
    "Ethiopian forces shelled rebel-held towns in Tigray on Sunday.",
])
def test_coder_attacks_with_no_truce_are_no_ceasefire_violation(code, text):
    assert "196" not in _codes(code(text, "2024-05-01"))


# --- gathering in defiance of a ban or a curfew: a demonstration (141) --------------------------------

@pytest.mark.parametrize(("text", "source"), [
    ("Hundreds of Kenyan students gathered in Nairobi in defiance of the protest ban.", "KEN"),
    ("Bangladeshi opposition supporters gathered in Dhaka in defiance of a ban on rallies.", "BGD"),
    ("Thousands of Sri Lankan farmers assembled outside parliament in defiance of the curfew.", "LKA"),
])
def test_coder_gathering_in_defiance_is_a_demonstration(code, text, source):
    assert any(s == source for s, _t in _pairs(code(text, "2024-05-01"), "141"))


@pytest.mark.parametrize("text", [
    "African leaders gathered in Addis Ababa for the summit.",
    "Journalists gathered at the Kenyan ministry for a briefing.",
])
def test_coder_other_gatherings_are_no_demonstration(code, text):
    assert "141" not in _codes(code(text, "2024-05-01"))


# --- "guaranteed that …": a pledge to cooperate (030, intended) ---------------------------------------

@pytest.mark.parametrize(("text", "source"), [
    ("Iran guaranteed that its territory would not be used for attacks on Iraq.", "IRN"),
    ("Pakistan guaranteed that militants would not operate against India from its soil.", "PAK"),
    ("Turkey's president guaranteed that the grain corridor from Ukraine would stay open.", "TUR"),
])
def test_coder_guaranteeing_that_is_a_pledge_to_cooperate(code, text, source):
    events = code(text, "2024-05-01")
    assert any(s == source for s, _t in _pairs(events, "030"))
    assert all(e.modality == "intended" for e in events if e.cameo == "030")


@pytest.mark.parametrize("text", [
    "The new constitution guarantees that elections are held every five years.",
    "Analysts said nothing could guarantee that prices in Kenya would fall.",
])
def test_coder_guarantees_by_no_actor_are_no_pledge(code, text):
    assert "030" not in _codes(code(text, "2024-05-01"))


# --- "declared the treaty void / null / invalid": rejecting an agreement (127) -------------------------

@pytest.mark.parametrize(("text", "source"), [
    ("Mali's junta declared the defence pact with France invalid.", "MLI"),
    ("Venezuela declared the Geneva agreement null and void on Monday.", "VEN"),
    ("Bolivia's congress declared the border treaty with Chile null and void.", "BOL"),
])
def test_coder_declaring_an_agreement_void_rejects_it(code, text, source):
    assert any(s == source for s, _t in _pairs(code(text, "2024-05-01"), "127"))


def test_coder_agreement_declared_void_targets_its_other_party_not_its_place(code):
    assert ("MLI", "FRA") in _pairs(code("Mali's junta declared the defence pact with France invalid.", "2024-05-01"), "127")
    assert ("VEN", "CHE") not in _pairs(code("Venezuela declared the Geneva agreement null and void on Monday.",
                                             "2024-05-01"), "127")


@pytest.mark.parametrize("text", [
    "A Kenyan court declared the land contract void.",
    "The Nigerian electoral body declared the votes invalid.",
])
def test_coder_other_things_declared_void_are_no_rejection_of_an_agreement(code, text):
    assert "127" not in _codes(code(text, "2024-05-01"))
