"""Conventions and senses found on the PETRARCH-2 validation records (issue 10, petr6), coded as the
CAMEO codebook has them (``data/lexicon/petr_extra.tsv``, ``coding/conventions.py``). Each behaviour
has sentences where it fires and sentences of other senses where it must not. All sentences are made
up for these tests."""

from __future__ import annotations

import pytest

from tests.coded import codes as _codes
from tests.coded import pairs as _pairs
from tests.coded import roots as _roots


def _shown(events):
    """What a user sees by default: neither negated nor hypothetical."""
    return [e for e in events if not e.negated and e.modality != "hypothetical"]


# --- "X helped Y": aid of no stated kind (070; PETR-2's HELP) ------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Norway helped Sudan after the floods.", "NOR", "SDN"),
    ("The European Union helped Moldova with its gas bills.", "IGO", "MDA"),
    ("Turkey helped the Syrian rebels during the war.", "TUR", "SYR"),
    ("Cuba helped Venezuela to rebuild its hospitals.", "CUB", "VEN"),
])
def test_coder_helping_an_actor_is_aid(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "070")


def test_coder_wanting_to_help_an_actor_is_an_intent_to_give_aid(code):
    events = code("Qatar wants to help Lebanon.", "2024-03-04")
    assert ("QAT", "LBN") in _pairs(events, "033")


@pytest.mark.parametrize("text", [
    "Mexico helped organise the summit in Lima.",
    "Lower oil prices helped the economy last year.",
    "The tax raised money to help the government pay its debts.",
    "The deal, which the UAE helped arrange, freed 90 soldiers.",
])
def test_coder_other_helps_are_no_aid(code, text):
    assert not {"070", "033"} & _codes(code(text, "2024-03-04"))


# --- "received assurances from X": X expresses intent to cooperate (030; PETR-2 RECEIVE ASSURANCE) ------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Kurdish opposition received assurances from the Iraqi government.", "IRQ", "IRQ"),
    ("Armenia obtained guarantees from Russia on its border.", "RUS", "ARM"),
    ("Chile got assurances from Peru that the fishing ban would end.", "PER", "CHL"),
])
def test_coder_assurances_received_are_the_giver_s_intent(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "030")


def test_coder_a_pattern_for_the_object_itself_overrides_the_other_sense(code):
    # "received a call": another sense of receiving a guest, but the call pattern's own sense (041)
    events = code("The Chilean president received a call from the Argentine president.", "2024-03-04")
    assert ("ARG", "CHL") in _pairs(events, "041")
    assert "043" not in _codes(events)


@pytest.mark.parametrize("text", [
    "The Japanese minister received a letter from the Chinese embassy.",
    "The Brazilian embassy received a complaint from the Bolivian government.",
    "The company met the requirements of the Kenyan regulator.",
])
def test_coder_other_things_received_are_no_assurance_or_visit(code, text):
    assert not {"030", "043", "083"} & _codes(code(text, "2024-03-04"))


# --- examining a site: investigate (090), as inspecting one is --------------------------------------

@pytest.mark.parametrize(("text", "target"), [
    ("UN inspectors examined the nuclear plant in Iran.", "IRN"),
    ("IAEA experts will examine the reactor at Zaporizhzhia in Ukraine.", "UKR"),
    ("Indian investigators examined the factory in Bhopal.", "IND"),
])
def test_coder_examining_a_site_is_an_investigation(code, text, target):
    assert any(t == target for _, t in _pairs(code(text, "2024-03-04"), "090"))


@pytest.mark.parametrize("text", [
    "Parliament examined the proposal from Germany.",
    "The doctor examined the wounded protesters in Cairo.",
])
def test_coder_other_examinations_are_no_investigation(code, text):
    assert "090" not in _codes(code(text, "2024-03-04"))


def test_coder_wanting_to_examine_a_site_is_one_s_own_intended_act(code):
    # the wisher's own act (no subject of its own): intended, not an opinion about others
    events = code("Danish experts want to examine the nuclear plant in Iran once more.", "2024-03-04")
    assert any(e.cameo == "090" and e.modality == "intended" and e.target and e.target.code == "IRN" for e in events)


# --- "X faced pressure from Y": Y presses X (130, as the other pressure patterns) ----------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Greek prime minister faced pressure from the European Union to cut spending.", "IGO", "GRC"),
    ("Serbia faces pressure from Washington over Kosovo.", "USA", "SRB"),
    ("The Egyptian president faces pressure from the IMF.", "IGO", "EGY"),
])
def test_coder_pressure_faced_is_the_presser_s(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "130")


@pytest.mark.parametrize("text", [
    "The Turkish lira faced pressure from high inflation.",
    "Pakistan faced a deadline from the IMF.",
])
def test_coder_other_things_faced_are_no_pressure(code, text):
    assert "130" not in _codes(code(text, "2024-03-04"))


# --- "X claimed it had attacked Y": a claim of responsibility (015), as "claimed responsibility for" ----

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Al-Shabaab claimed it had bombed the police station in Mogadishu.", "SOM", "SOM"),
    ("The Russian army acknowledged that it had shelled the village in Kharkiv.", "RUS", "UKR"),
    ("The Israeli army claimed that Israel had struck a tunnel in Gaza.", "ISR", "PSE"),
])
def test_coder_claiming_one_s_own_attack_is_claiming_responsibility(code, text, source, target):
    events = code(text, "2024-03-04")
    assert (source, target) in _pairs(events, "015")
    assert not {"11", "18", "19"} & _roots(events)  # neither an accusation nor an attack told apart


def test_coder_claiming_an_attack_with_no_known_victim_is_still_responsibility(code):
    events = code("The Houthis claimed they had attacked a ship in the Red Sea.", "2024-03-04")
    assert "015" in _codes(events)


@pytest.mark.parametrize(("text", "code_", "pair"), [
    ("Ukraine claimed that Russia had shelled the Zaporizhzhia plant.", "112", ("UKR", "RUS")),  # another's act
    ("The Houthis claimed they would attack Israeli ships.", "1384", ("YEM", "ISR")),  # a threat, not a claim
])
def test_coder_other_claims_are_no_claim_of_responsibility(code, text, code_, pair):
    events = code(text, "2024-03-04")
    assert "015" not in _codes(events)
    assert pair in _pairs(events, code_)


# --- conditions: a conditional threat is a threat; the condition itself is no event ------------------

@pytest.mark.parametrize(("text", "code_", "source"), [
    ("Iran threatened retaliation if the United States struck its ships.", "130", "IRN"),
    ("North Korea threatened Japan with missile tests if Tokyo joined the drills.", "130", "PRK"),
    ("Venezuela threatened to expel the Spanish ambassador if Madrid recognised the opposition.", "131", "VEN"),
])
def test_coder_a_conditional_threat_is_a_threat(code, text, code_, source):
    shown = _shown(code(text, "2024-03-04"))
    assert any(e.cameo == code_ and e.source and e.source.code.startswith(source) for e in shown)


@pytest.mark.parametrize("text", [
    "Iran threatened retaliation if the United States struck its ships.",
    "If Israel continues its raids on Gaza, Hezbollah will respond, the group said.",
])
def test_coder_the_condition_of_a_threat_is_no_event(code, text):
    shown = _shown(code(text, "2024-03-04"))
    assert not any(e.source and e.source.code in ("USA", "ISR") for e in shown)


# --- a speaker for the same state: announced coercion is a threat, a claim is its own ------------------

def test_coder_a_minister_announcing_his_state_s_strike_is_a_threat(code):
    events = code("Israel will strike Hezbollah positions in Lebanon, the Israeli defence minister said.", "2024-03-04")
    assert ("ISR", "LBN") in _pairs(_shown(events), "1384")


@pytest.mark.parametrize("text", [
    "The Russian president said Russia must release the detained sailors.",
    "The British prime minister said Britain must send more troops to Estonia.",
])
def test_coder_a_duty_a_speaker_puts_on_his_own_state_is_no_demand(code, text):
    assert "10" not in _roots(_shown(code(text, "2024-03-04")))


def test_coder_a_duty_put_on_another_side_of_the_same_country_is_a_demand(code):
    events = code("The Kenyan opposition said the government must release the detained students.", "2024-03-04")
    assert "1053" in _codes(_shown(events))


def test_coder_a_forecast_by_others_is_no_threat(code):
    events = code("Russia will attack Moldova if Chisinau joins NATO, analysts said.", "2024-03-04")
    assert not {"13"} & _roots(_shown(events))


# --- "began three days of exercises": the exercises are the event ------------------------------------

@pytest.mark.parametrize(("text", "source"), [
    ("China began three days of military exercises around Taiwan.", "CHN"),
    ("Russia began two days of naval exercises near Japan.", "RUS"),
    ("Iran started five days of air defence drills near the Strait of Hormuz.", "IRN"),
])
def test_coder_days_of_exercises_are_exercises(code, text, source):
    assert any(s == source for s, _ in _pairs(code(text, "2024-03-04"), "150"))


def test_coder_drills_around_a_country_aim_at_it(code):
    # as the noun "drills around Taiwan" does: the verb patterns read "around" too
    events = code("China held large-scale naval drills around Taiwan on Monday.", "2024-03-04")
    assert ("CHN", "TWN") in _pairs(events, "150")
    events = code("China began three days of military exercises around Taiwan.", "2024-03-04")
    assert ("CHN", "TWN") in _pairs(events, "150")


@pytest.mark.parametrize("text", [
    "The Chinese delegation spent three days in Seoul.",
    "Russia began three days of mourning for the victims.",
])
def test_coder_other_days_are_no_exercise(code, text):
    assert "150" not in _codes(code(text, "2024-03-04"))


# --- "opponents of X": the political opposition (OPP), with the country the sentence gives -----------

@pytest.mark.parametrize(("text", "source"), [
    ("Opponents of the Kenyan government protested in Nairobi.", "KENOPP"),
    ("Opponents of the new constitution marched through Caracas on Sunday.", "VENOPP"),
    ("Thousands of opponents of President Maduro rallied in Caracas.", "VENOPP"),
])
def test_coder_opponents_are_the_opposition(code, text, source):
    events = code(text, "2024-03-04")
    assert any(e.cameo_root == "14" and e.source and e.source.code == source for e in events)


@pytest.mark.parametrize("text", [
    "Kenyan police arrested two protesters in Nairobi.",
    "Venezuelan students marched through Caracas on Sunday.",
])
def test_coder_protesters_and_students_are_not_the_opposition(code, text):
    events = code(text, "2024-03-04")
    assert events and not any(e.source and (e.source.code or "").endswith("OPP") for e in events)


# --- "X is scheduled / set / was forced to Z": the passive subject does Z ------------------------

@pytest.mark.parametrize(("text", "code_", "source"), [
    ("The Kenyan president is scheduled to visit China next week.", "036", "KEN"),
    ("Erdogan is set to meet Putin in Sochi on Friday.", "036", "TUR"),
    ("Russian troops were forced to withdraw from Kherson.", "0874", "RUS"),
])
def test_coder_the_subject_of_a_passive_plan_or_compulsion_acts(code, text, code_, source):
    assert any(s == source for s, _ in _pairs(code(text, "2024-03-04"), code_))


@pytest.mark.parametrize(("text", "wrong"), [
    ("Thousands of Ukrainians are believed to be held in Russian prisons.", "UKR"),  # the held, not the holder
    ("Russia is believed to have fired the missile at Kyiv.", "RUS"),  # hearsay about the past
    ("The two leaders from Japan are expected to discuss trade.", "JPN"),  # others' expectation, no pledge
])
def test_coder_hearsay_and_passive_infinitives_give_no_agent(code, text, wrong):
    events = code(text, "2024-03-04")
    assert not any(e.source and (e.source.code or "").startswith(wrong) for e in events)


# --- inspectors of an organisation or a state take its code, as officials do --------------------------

@pytest.mark.parametrize(("text", "source"), [
    ("UN inspectors examined the nuclear plant in Iran.", "IGOUNO"),
    ("IAEA inspectors will examine the reactor at Zaporizhzhia in Ukraine.", "IGOUNOIAE"),
    ("Russian inspectors examined the factory in Belarus.", "RUSGOV"),
])
def test_coder_inspectors_are_their_organisation_or_state(code, text, source):
    assert any(e.cameo == "090" and e.source and e.source.code == source for e in code(text, "2024-03-04"))


@pytest.mark.parametrize(("text", "source"), [
    ("UN peacekeepers withdrew from the town of Gao in Mali.", "IGOUNOPKO"),
    ("UN officials met the Malian president in Bamako.", "IGOUNO"),
])
def test_coder_other_un_staff_keep_their_own_codes(code, text, source):
    events = code(text, "2024-03-04")
    assert events and all(e.cameo != "090" and e.source and e.source.code == source for e in events)
