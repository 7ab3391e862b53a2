"""Verb and noun coverage, third pass (issue 10, acc5): senses that recur in news and had no pattern
(``data/lexicon/coverage_extra.tsv`` and longer object lists of existing patterns). Each behaviour
has sentences where it fires and sentences of other senses where it must not. All sentences are
made up for these tests."""

from __future__ import annotations

import pytest

from tests.coded import codes as _codes
from tests.coded import pairs as _pairs
from tests.coded import roots as _roots

# --- cultural property given back to its country: return of property (0842) ---------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Italy handed back 300 antiquities to Greece on Monday.", "ITA", "GRC"),
    ("The Netherlands returned 119 ancient sculptures to Sri Lanka last week.", "NLD", "LKA"),
    ("France handed over two ancient manuscripts to Ethiopia on Tuesday.", "FRA", "ETH"),
    ("Belgium returned a stolen marble statue to Turkey.", "BEL", "TUR"),
])
def test_coder_artefacts_returned_are_returned_property(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "0842")


@pytest.mark.parametrize("text", [
    "Italy returned to the negotiating table with Greece on Monday.",
    "The Dutch king returned to Nigeria for a second visit last week.",
    "Belgian troops returned fire on the rebels near the border.",
])
def test_coder_other_returns_are_no_returned_property(code, text):
    assert "0842" not in _codes(code(text, "2024-03-04"))


def test_coder_refusing_to_return_artefacts_is_a_rejection(code):
    events = code("Germany will not return the ancient statues to Egypt, the ministry said.", "2024-03-04")
    assert "1243" in _codes([e for e in events if not e.negated])


# --- suspects of several kinds handed over to another state: judicial cooperation (063) ----------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Canada handed over two suspected smugglers to Mexico on Friday.", "CAN", "MEX"),
    ("Turkey handed over three jihadists to France last month.", "TUR", "FRA"),
    ("Colombia handed over a wanted drug trafficker to the United States.", "COL", "USA"),
])
def test_coder_suspects_handed_over_are_judicial_cooperation(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "063")


@pytest.mark.parametrize("text", [
    "Canada handed over the chairmanship of the group to Mexico on Friday.",
    "Smugglers handed over cash to border guards, the report said.",
])
def test_coder_other_handovers_are_no_judicial_cooperation(code, text):
    assert "063" not in _codes(code(text, "2024-03-04"))


# --- forces that remain, stay or are kept on alert: military alert (152) -----------------------------

@pytest.mark.parametrize("text", [
    "Thai soldiers stayed on alert along the border after the clashes.",
    "Pakistani troops remained on high alert on Sunday after the raid.",
    "The Greek army kept its forces on high alert near the islands.",
])
def test_coder_forces_kept_on_alert_raise_alert(code, text):
    assert "152" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Thai dock workers remained on strike for a third day on Sunday.",
    "The Greek proposal remained on the table after the talks in Athens.",
])
def test_coder_other_things_remaining_are_no_alert(code, text):
    assert "152" not in _codes(code(text, "2024-03-04"))


# --- cyber or electronic warfare against an actor (170, as a cyberattack) -----------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("North Korea has conducted cyber warfare against South Korea for years.", "PRK", "KOR"),
    ("Iran waged cyber warfare against Israel throughout the year.", "IRN", "ISR"),
    ("Russia stepped up electronic warfare against Ukraine in the east.", "RUS", "UKR"),
])
def test_coder_cyber_warfare_is_coercion(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "170")


@pytest.mark.parametrize("text", [
    "North Korea has a long history of trench warfare against South Korea.",
    "Experts from Iran and Israel discussed the history of guerrilla warfare.",
])
def test_coder_other_warfare_is_no_cyber_coercion(code, text):
    assert "170" not in _codes(code(text, "2024-03-04"))


# --- people held or kept as human shields (184) --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Rebels held hundreds of villagers as human shields in the town of Bunia.",
    "Islamist fighters are holding thousands of civilians as human shields in Sirte.",
    "The militia kept dozens of families as human shields during the siege of Marib.",
])
def test_coder_people_held_as_shields_are_human_shields(code, text):
    assert "184" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Riot police held their shields over their heads as protesters threw stones in Bunia.",
    "Rebels held talks with the government in Nairobi on Monday.",
])
def test_coder_other_holdings_are_no_human_shields(code, text):
    assert "184" not in _codes(code(text, "2024-03-04"))


# --- money, aid or troops contributed to an actor (071, 070, 074) --------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Japan contributed $20 million to the UN refugee agency for Syria.", "071"),
    ("Norway contributed 50 million kroner in funding to the Palestinian Authority.", "071"),
    ("Kuwait contributed 500 troops to the African Union force in Somalia.", "074"),
    ("Ghana contributed 800 soldiers to the UN mission in Lebanon.", "074"),
])
def test_coder_contributions_to_an_actor_are_aid(code, text, want):
    assert want in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Japan contributed to the rise in oil prices, analysts said.",
    "Heavy rains in Ghana contributed to the collapse of the bridge.",
])
def test_coder_other_contributions_are_no_aid(code, text):
    assert not _roots(code(text, "2024-03-04")) & {"07"}


# --- war games staged, held or conducted: a show of force (150, not an attack) -------------------------

@pytest.mark.parametrize("text", [
    "The Russian navy staged war games in the Baltic Sea on Monday.",
    "Iran's army held war games in the Gulf on Monday.",
    "China conducted war games around Taiwan on Saturday.",
])
def test_coder_war_games_are_shows_of_force(code, text):
    events = code(text, "2024-03-04")
    assert "150" in _codes(events) and "190" not in _codes(events)


@pytest.mark.parametrize("text", [
    "Russia staged the Olympic games in Sochi in 2014.",
    "Iran's football team held training games near Tehran.",
])
def test_coder_other_games_are_no_show_of_force(code, text):
    assert not _roots(code(text, "2024-03-04")) & {"15", "19"}


# --- reneging on or backing out of a commitment: reducing relations (160) ------------------------------

@pytest.mark.parametrize("text", [
    "Iran reneged on its commitments under the nuclear deal with the European Union.",
    "Washington reneged on a promise to Kabul to keep its troops in the country.",
    "Ethiopia backed out of the agreement with Egypt on the dam.",
])
def test_coder_reneging_on_commitments_reduces_relations(code, text):
    assert "160" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Iran backed out of the car park slowly, the driver said.",
    "The Kenyan runner backed out of the race in Doha with an injury.",
])
def test_coder_other_backing_out_is_no_reduction(code, text):
    assert "160" not in _codes(code(text, "2024-03-04"))


# --- grenades lobbed or hurled (183); shells lobbed (194); stones lobbed (145) ----------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Militants lobbed grenades at an army post in Kashmir on Friday.", "183"),
    ("Rebels hurled a grenade at a police station in Mombasa.", "183"),
    ("Rebels lobbed mortar shells at Ukrainian positions near Donetsk.", "194"),
    ("Protesters lobbed stones and bottles at police in Nairobi.", "145"),
])
def test_coder_things_lobbed_at_targets_are_attacks(code, text, want):
    assert want in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "The Kenyan minister lobbed a question at the Ugandan delegation.",
    "Police threw a party for the retiring chief in Mombasa.",
])
def test_coder_other_lobs_and_throws_are_no_attacks(code, text):
    assert not _roots(code(text, "2024-03-04")) & {"14", "18", "19"}


# --- set ablaze or alight: arson (1712) ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Soldiers set ablaze dozens of homes in the village of Tula, witnesses said.",
    "Militiamen set alight the offices of the electoral commission in Bangui.",
    "Gunmen set ablaze a school in northern Burkina Faso on Sunday.",
])
def test_coder_buildings_set_ablaze_are_arson(code, text):
    assert "1712" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "The soldiers set off for the village of Tula on Sunday.",
    "The electoral commission set out its timetable in Bangui.",
])
def test_coder_other_settings_are_no_arson(code, text):
    assert "1712" not in _codes(code(text, "2024-03-04"))


# --- expertise or technology shared with another actor: material cooperation (06) ----------------------

@pytest.mark.parametrize("text", [
    "Germany shared its demining expertise with Ukraine last year.",
    "Israel shared its water technology with Morocco under the new accord.",
    "Japan has shared its experience in disaster relief with Turkey.",
])
def test_coder_shared_expertise_is_material_cooperation(code, text):
    assert _roots(code(text, "2024-03-04")) & {"06", "03"}


@pytest.mark.parametrize("text", [
    "Germany and Ukraine shared the prize for the best pavilion.",
    "Israel shared a video of the launch on social media.",
])
def test_coder_other_sharing_is_no_material_cooperation(code, text):
    assert not _roots(code(text, "2024-03-04")) & {"06"}


# --- workers who will strike for hours or days: a labour strike (143) ---------------------------------

@pytest.mark.parametrize("text", [
    "Nurses in Kenya will strike for two days over pay, their union said.",
    "Dock workers in Antwerp struck for 24 hours on Tuesday.",
    "Teachers in Lagos struck for three days last month.",
])
def test_coder_workers_striking_for_a_time_is_a_strike(code, text):
    assert "143" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Israeli jets struck targets in Gaza for hours on Tuesday.",
    "The earthquake struck for about a minute, residents said.",
])
def test_coder_other_strikes_for_a_time_are_no_labour_strike(code, text):
    assert "143" not in _codes(code(text, "2024-03-04"))


# --- security forces clear protesters or their camps: repression (175) ---------------------------------

@pytest.mark.parametrize("text", [
    "Riot police in Minsk cleared hundreds of protesters from a central avenue.",
    "Soldiers cleared the protest camp outside parliament in Bangkok on Sunday.",
    "Police cleared demonstrators from the streets of Tbilisi overnight.",
])
def test_coder_protesters_cleared_by_force_is_repression(code, text):
    assert "175" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Police cleared the road after the accident in Minsk.",
    "The court cleared the protest leader of all charges in Bangkok.",
])
def test_coder_other_clearings_are_no_repression(code, text):
    assert "175" not in _codes(code(text, "2024-03-04"))


# --- "waged" (lemmatised "wag" by the small model): war and offensives waged are force (190) ---------

@pytest.mark.parametrize("text", [
    "Russia is waging war on Ukraine, the minister said.",
    "The army waged an offensive against the rebels in Darfur last year.",
    "Iran waged cyber warfare against Israel throughout the year.",
])
def test_coder_waged_war_and_warfare_are_coded(code, text):
    assert _roots(code(text, "2024-03-04")) & {"17", "19"}


@pytest.mark.parametrize("text", [
    "Unions in Kenya waged a campaign for higher pay.",
    "The dog wagged its tail at the Ukrainian minister.",
])
def test_coder_other_wagings_are_no_force(code, text):
    assert not _roots(code(text, "2024-03-04")) & {"17", "19"}


# --- tariffs or duties cut on another actor's goods: easing economic sanctions (085) -------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Canada cut tariffs on Mexican steel to 5 percent on Monday.", "CAN", "MEX"),
    ("South Korea reduced tariffs on Chilean copper last year.", "KOR", "CHL"),
    ("India lowered duties on Australian wine under the new trade deal.", "IND", "AUS"),
])
def test_coder_tariffs_cut_on_another_actor_ease_sanctions(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "085")


@pytest.mark.parametrize("text", [
    "The United States cut interest rates on Wednesday.",
    "Japan reduced its budget deficit last year.",
])
def test_coder_other_cuts_are_no_easing(code, text):
    assert "085" not in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Ukraine must cut its budget deficit this year, the IMF said.",
    "Japan reduced its budget deficit last year.",
    "Kenya will cut its budget gap to 4% of output, the treasury said.",
])
def test_coder_a_budget_deficit_cut_is_no_cut_in_aid(code, text):
    assert not [e for e in code(text, "2024-03-04") if e.cameo.startswith("162")]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Washington cut its loans to Nicaragua after the election.", "USA", "NIC"),
    ("The World Bank reduced lending to Ethiopia during the war.", "IGO", "ETH"),
])
def test_coder_cuts_in_loans_stay_cuts_in_aid(code, text, source, target):
    assert any(e.cameo.startswith("162") and e.target and e.target.country == target for e in code(text, "2024-03-04"))


# --- prohibit and forbid, like ban, with the object deciding the kind (1721, 1722, 163) -----------------

@pytest.mark.parametrize(("text", "want"), [
    ("The government prohibited public gatherings in the capital on Friday.", "1721"),
    ("Uganda forbade opposition rallies ahead of the vote.", "1721"),
    ("The junta prohibited the main opposition party from holding meetings.", "1722"),
    ("China prohibited imports of Japanese seafood last year.", "163"),
])
def test_coder_prohibitions_follow_their_object(code, text, want):
    assert want in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Kenya's constitution prohibits discrimination on any grounds.",
    "The doctors forbade the Ugandan minister from flying after the surgery.",
])
def test_coder_other_prohibitions_are_no_restriction(code, text):
    assert not _roots(code(text, "2024-03-04")) & {"16", "17"}


# --- money named by its currency disbursed, contributed, pledged (071, 0331, 033) ----------------------

@pytest.mark.parametrize(("text", "want"), [
    ("The World Bank disbursed 800 million dollars to Pakistan on Thursday.", "071"),
    ("Norway contributed 300 million kroner to the World Food Programme.", "071"),
    ("Qatar pledged 50 million dollars to Lebanon on Monday.", "0331"),
    ("Sweden pledged 200 million kronor in aid to Somalia.", "033"),
])
def test_coder_money_named_by_currency_is_economic_aid(code, text, want):
    assert want in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "The euro fell against the dollar on Monday.",
    "Qatar pledged its support for the talks in Doha.",
])
def test_coder_other_currency_mentions_are_no_money_aid(code, text):
    assert not _codes(code(text, "2024-03-04")) & {"071", "0331"}


# --- airdrops of food or relief (073) -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Indian planes carried out airdrops of food over flooded districts of Assam.",
    "Jordan conducted airdrops of medicine to hospitals in Gaza.",
    "Jordan's air force will start airdrops of medicine to Sudan next month.",
])
def test_coder_airdrops_of_relief_are_humanitarian_aid(code, text):
    assert _codes(code(text, "2024-03-04")) & {"073", "0333"}


@pytest.mark.parametrize("text", [
    "The US carried out airdrops of weapons to Kurdish fighters in Syria.",
    "Jordan's king watched airdrop drills by the air force.",
])
def test_coder_other_airdrops_are_no_humanitarian_aid(code, text):
    assert not _codes(code(text, "2024-03-04")) & {"073", "0333"}


# --- a hunger strike resumed or continued is a hunger strike (142), not a military strike resumed ------

@pytest.mark.parametrize("text", [
    "A detained Moroccan journalist resumed his hunger strike on Monday.",
    "Jailed Kurdish politicians in Turkey continued their hunger strike on Sunday.",
    "The jailed Egyptian blogger resumed a hunger strike in protest at his detention.",
])
def test_coder_hunger_strikes_resumed_are_hunger_strikes(code, text):
    events = code(text, "2024-03-04")
    assert "190" not in _codes(events)


@pytest.mark.parametrize("text", [
    "Russia resumed its strikes on Kyiv on Monday.",
    "Israel continued its air strikes on Gaza overnight.",
])
def test_coder_military_strikes_resumed_stay_force(code, text):
    assert "142" not in _codes(code(text, "2024-03-04"))


# --- aircraft, vehicles and systems delivered, sold or shipped are arms only when military (072) --------

@pytest.mark.parametrize("text", [
    "The United States delivered armoured vehicles to Ukraine on Friday.",
    "Germany delivered air defence systems to Ukraine on Monday.",
    "France sold 24 fighter aircraft to Egypt last year.",
])
def test_coder_military_vehicles_and_systems_delivered_are_arms(code, text):
    assert "072" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Embraer delivered 60 regional aircraft to airlines in the first half.",
    "Toyota delivered two million vehicles to dealers in Europe last year.",
    "Siemens shipped new signalling systems to Egypt's railways.",
])
def test_coder_civilian_aircraft_and_vehicles_delivered_are_no_arms(code, text):
    assert "072" not in _codes(code(text, "2024-03-04"))


# --- control of an actor's assets or companies seized or taken: confiscation (1711), not occupation -----

@pytest.mark.parametrize("text", [
    "Moscow seized control of the Russian subsidiary of an Austrian bank last month.",
    "Venezuela took control of the assets of an American oil company on Monday.",
    "The junta seized control of the subsidiary of a French mining firm in Niamey.",
])
def test_coder_control_of_assets_seized_is_confiscation(code, text):
    events = code(text, "2024-03-04")
    assert "1711" in _codes(events) and "192" not in _codes(events)


@pytest.mark.parametrize("text", [
    "Rebels seized control of the town of Goma on Tuesday.",
    "Russian forces took control of the village of Robotyne.",
])
def test_coder_control_of_places_seized_stays_occupation(code, text):
    assert "1711" not in _codes(code(text, "2024-03-04"))


# --- a nuclear device detonated or a nuclear test conducted (2042) -------------------------------------

@pytest.mark.parametrize("text", [
    "The Soviet Union detonated a nuclear device in Kazakhstan in 1949.",
    "Pakistan conducted five nuclear tests in May 1998.",
    "India carried out an underground nuclear test in the Rajasthan desert.",
])
def test_coder_nuclear_tests_detonate_nuclear_weapons(code, text):
    assert "2042" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Iran conducted a test of a new ballistic missile on Monday.",
    "Militants detonated a bomb near a police station in Quetta.",
    "Japan conducted safety tests at its nuclear power plants.",
])
def test_coder_other_tests_and_detonations_are_not_nuclear(code, text):
    assert "2042" not in _codes(code(text, "2024-03-04"))


# --- "participated in" / "engaged in" report the act they govern (support verbs) -----------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Fijian soldiers participate in peacekeeping operations in the Sinai.", "074"),
    ("Thousands of students participated in the protests against the government in Dhaka.", "141"),
    ("Rwandan police officers participate in peacekeeping operations in South Sudan.", "074"),
    ("Workers in Lagos participated in a general strike on Monday.", "143"),
])
def test_coder_acts_participated_in_are_reported(code, text, want):
    assert want in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Kenyan students participated in a debate on the history of protests.",
    "The Ghanaian minister engaged in a discussion about peacekeeping history at the university.",
])
def test_coder_acts_only_mentioned_after_participation_are_not_reported(code, text):
    assert not _codes(code(text, "2024-03-04")) & {"074", "141"}


# --- gas, oil or grain received from another actor: economic cooperation (061) ------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Slovakia began receiving Azerbaijani gas through Turkey on Tuesday.", "SVK", "AZE"),
    ("Hungary received Russian oil through the Druzhba pipeline.", "HUN", "RUS"),
    ("Egypt received wheat from Ukraine last month.", "EGY", "UKR"),
])
def test_coder_commodities_received_are_economic_cooperation(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "061")


@pytest.mark.parametrize("text", [
    "The Ukrainian president received a letter from the Pope.",
    "Egypt's president received the Saudi crown prince in Cairo.",
])
def test_coder_other_things_received_are_no_economic_cooperation(code, text):
    assert "061" not in _codes(code(text, "2024-03-04"))


# --- troops sent or deployed to a peacekeeping mission or multinational force (074) -------------------

@pytest.mark.parametrize("text", [
    "Nepal is sending soldiers to the UN peacekeeping force in Lebanon.",
    "Ireland sent 300 soldiers to the UN mission in Lebanon.",
    "Kenya deployed 1,000 police officers to the multinational force in Haiti.",
])
def test_coder_troops_sent_to_missions_are_peacekeeping(code, text):
    assert "074" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Russia sent more troops to the front line in Donbas.",
    "China sent a trade mission to Kenya last week.",
])
def test_coder_other_troops_and_missions_sent_are_no_peacekeeping(code, text):
    assert "074" not in _codes(code(text, "2024-03-04"))
