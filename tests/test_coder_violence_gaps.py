"""Gaps in the coding of violence (issue 10, viol7: ``data/lexicon/violence_more.tsv``,
``coding/violence.one_happening``, the ``act`` nouns of ``data/units.tsv``). Each behaviour has
sentences where it holds and sentences of other senses where it must not. All sentences are made up
for these tests."""

from __future__ import annotations

import pytest

from tests.coded import codes as _codes
from tests.coded import pairs as _pairs
from tests.coded import roots as _roots
from tidings.attributes.quantities import find_quantities

# --- died, perished, lost their lives, were wounded in an air strike: 195, nobody named ----------------

@pytest.mark.parametrize(("text", "code_", "target"), [
    ("Four farmers died in an air strike on a village in northern Yemen.", "195", "YEM"),
    ("Two children lost their lives in an air raid on Aleppo.", "195", "SYR"),
    ("At least nine Sudanese civilians died in a drone strike on a market in El Fasher.", "1952", "SDN"),
    ("Eleven Afghan soldiers perished in a missile strike near Kandahar.", "195", "AFG"),
    ("Five Ukrainian civilians were wounded in an air strike on Kharkiv.", "195", "UKR"),
])
def test_coder_deaths_in_an_air_strike_are_an_air_strike_by_nobody_named(code, text, code_, target):
    events = code(text, "2024-05-01")
    assert (None, target) in _pairs(events, code_)


@pytest.mark.parametrize("text", [
    "Six passengers died in a plane crash near Lagos.",
    "Dozens of villagers died in the floods in Bangladesh.",
    "Two workers died in an accident at a cement factory in India.",
    "Three children died of cholera in a camp in Yemen.",
    "A Kurdish prisoner died in a hunger strike in a Turkish jail.",
    "The former Nigerian president died in a heart attack at his home in Lagos.",
    "Two Chilean miners died in a strike at the copper mine.",
    "A Colombian union leader was wounded in a general strike in Bogota.",
])
def test_coder_deaths_by_accident_disaster_or_disease_are_no_attack(code, text):
    assert not _roots(code(text, "2024-05-01")) & {"18", "19", "20"}


@pytest.mark.parametrize(("text", "pair"), [
    ("Israeli troops killed three Palestinian workers during a general strike in Jenin.", ("ISR", "PSE")),
    ("Police killed two Bolivian miners in a strike at the tin mine.", ("BOL", "BOL")),
])
def test_coder_killings_by_a_named_side_during_a_strike_stay_violence(code, text, pair):
    events = code(text, "2024-05-01")
    assert any((e.source.code[:3], e.target.code[:3]) == pair for e in events
               if e.cameo_root in ("17", "18", "19", "20") and e.source and e.target)


# --- one happening, one event --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "code_", "target"), [
    ("Twelve people were killed on Tuesday when an air strike hit a market in Syria.", "195", "SYR"),
    ("Police killed two protesters when officers attacked a rally in Nairobi.", "175", "KEN"),
    ("Nine Malian soldiers were killed when a drone strike hit their base near Gao.", "1952", "MLI"),
])
def test_coder_a_violent_act_told_in_its_when_clause_is_one_event(code, text, code_, target):
    events = [e for e in code(text, "2024-05-01") if e.cameo_root in ("17", "18", "19", "20")]
    assert len(events) == 1
    assert events[0].cameo == code_ and events[0].target is not None
    assert events[0].target.code.startswith(target) and events[0].target.sector  # the victims, not the place


@pytest.mark.parametrize("text", [
    "Rebels attacked a convoy in Mali as the army shelled their camp.",
    "Israeli jets bombed Gaza when Hamas fired rockets at Israel.",
])
def test_coder_acts_of_two_sides_at_the_same_time_stay_two_events(code, text):
    events = [e for e in code(text, "2024-05-01") if e.cameo_root in ("18", "19", "20")]
    assert len({(e.source.code if e.source else None) for e in events}) == 2


# --- air, drone and missile strikes are never labour strikes -----------------------------------------

@pytest.mark.parametrize(("text", "code_", "pair"), [
    ("The French air force staged at least two air strikes on militant camps in central Mali on Sunday.",
     "195", ("FRA", "MLI")),
    ("The Israeli army staged drone strikes on Hamas positions in Gaza.", "1952", ("ISR", "PSE")),
    ("Russia began missile strikes on Ukrainian cities.", "195", ("RUS", "UKR")),
    ("The Turkish air force started air strikes against Kurdish militants in northern Iraq.", "195", ("TUR", "IRQ")),
])
def test_coder_weapon_strikes_are_military_force(code, text, code_, pair):
    events = code(text, "2024-05-01")
    assert "143" not in _codes(events)
    assert pair in _pairs(events, code_)


@pytest.mark.parametrize(("text", "code_"), [
    ("Teachers in Kenya staged a strike over pay.", "143"),
    ("Dock workers in Belgium began a strike against the pension reform.", "143"),
    ("Prisoners in Israel started a hunger strike against their detention.", "142"),
])
def test_coder_labour_and_hunger_strikes_stay_protests(code, text, code_):
    events = code(text, "2024-05-01")
    assert code_ in _codes(events)
    assert not _roots(events) & {"18", "19", "20"}


# --- a count of raids or sorties counts those, not people ----------------------------------------------

@pytest.mark.parametrize("text", [
    "The army carried out at least five raids on rebel positions in Darfur.",
    "The air force flew 40 sorties against insurgents in the north.",
    "Two rebel raids on the town were repelled.",
])
def test_quantities_a_count_of_raids_is_no_count_of_people(text):
    assert [q.quantity for q in find_quantities(text)] == []


@pytest.mark.parametrize(("text", "value", "category"), [
    ("Two of the soldiers were killed.", 2, "killed"),
    ("Five armed rebels were captured near the border.", 5, "rebels"),
    ("Police arrested 30 protesters in Nairobi.", 30, "protesters"),
    ("Gunmen killed 12 soldiers in two attacks on army posts.", 12, "soldiers"),
])
def test_quantities_counts_of_people_stay(text, value, category):
    found = [q.quantity for q in find_quantities(text)]
    assert [(q.value, q.category) for q in found] == [(value, category)]


# --- weapons sent to a border: a mobilisation, not military aid ----------------------------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("India is sending tanks to the frontier.", ("IND", None)),
    ("Azerbaijan sent artillery to the border with Armenia.", ("AZE", "ARM")),
    ("North Korea has sent rocket launchers to the front line.", ("PRK", None)),
])
def test_coder_weapons_sent_to_a_border_are_a_mobilisation(code, text, pair):
    events = code(text, "2024-05-01")
    assert "072" not in _codes(events)
    assert pair in _pairs(events, "154")


@pytest.mark.parametrize(("text", "pair"), [
    ("The United States is sending tanks to Ukraine.", ("USA", "UKR")),
    ("Iran sent drones to the Houthis along the Saudi border.", ("IRN", "YEM")),
])
def test_coder_weapons_sent_to_a_recipient_stay_military_aid(code, text, pair):
    assert pair in _pairs(code(text, "2024-05-01"), "072")


# --- a group named by its modifiers, with a place after it: the group, with the place's country --------

@pytest.mark.parametrize(("text", "code_", "target"), [
    ("The French air force staged at least two air strikes against jihadist groups in central Mali on Sunday.",
     "195", "MLIREB"),
    ("The Jordanian army carried out air strikes against jihadist cells in southern Syria.", "195", "SYRREB"),
    ("American forces launched drone strikes on jihadist groups in Somalia.", "1952", "SOMREB"),
])
def test_coder_a_group_with_a_place_after_it_is_the_target(code, text, code_, target):
    events = [e for e in code(text, "2024-05-01") if e.cameo == code_]
    assert any(e.target is not None and e.target.code == target for e in events)


@pytest.mark.parametrize(("text", "target"), [
    ("Russian jets bombed Ukrainian positions in Kharkiv.", "UKR"),
    ("Kenyan troops launched an attack on a village in Somalia.", "SOMCVL"),
])
def test_coder_a_target_named_in_full_keeps_its_own_country(code, text, target):
    events = [e for e in code(text, "2024-05-01") if e.cameo_root == "19"]
    assert events and all(e.target is not None and e.target.code.startswith(target) for e in events)


# --- killed or died in an attack whose agent is named on the attack itself ---------------------------

@pytest.mark.parametrize(("text", "code_", "pair"), [
    ("Three Ukrainian civilians were killed in a Russian air strike on Odesa.", "195", ("RUS", "UKR")),
    ("Two Lebanese children died in an Israeli drone strike in southern Lebanon.", "1952", ("ISR", "LBN")),
    ("Six Somali soldiers were wounded in Mogadishu in an attack by al-Shabaab.", "190", ("SOM", "SOM")),
])
def test_coder_the_agent_of_the_attack_people_died_in_is_the_source(code, text, code_, pair):
    assert pair in _pairs(code(text, "2024-05-01"), code_)


@pytest.mark.parametrize(("text", "code_", "target"), [
    ("Three Ukrainian civilians were killed in Odesa in an air strike.", "195", "UKR"),
    ("Two Syrian children died in Idlib in a drone strike.", "1952", "SYR"),
])
def test_coder_the_place_of_the_attack_is_never_its_agent(code, text, code_, target):
    assert (None, target) in _pairs(code(text, "2024-05-01"), code_)


# --- survived or escaped an attack: the survivor is the one attacked --------------------------------

@pytest.mark.parametrize(("text", "target"), [
    ("The Nigerian governor survived an ambush by gunmen in Zamfara state.", "NGAGOV"),
    ("The Somali president survived a mortar attack on his palace.", "SOMGOV"),
    ("A Ukrainian mayor survived a Russian drone strike on his car.", "UKRGOV"),
    ("The Iraqi governor escaped an ambush on the road to Mosul.", "IRQGOV"),
])
def test_coder_the_survivor_of_an_attack_is_its_target(code, text, target):
    events = code(text, "2024-05-01")
    assert any(e.cameo[:2] in ("18", "19") and e.target and e.target.code == target for e in events), \
        [(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in events]


@pytest.mark.parametrize("text", [
    "The minister survived the election and kept her post.",
    "The pilot survived the crash of his plane near Lagos.",
    "Miners survived the long strike at the copper mine.",
    "The Kenyan patient survived a heart attack last year.",
])
def test_coder_surviving_what_is_no_attack_is_no_event(code, text):
    assert not _roots(code(text, "2024-05-01")) & {"18", "19", "20"}
