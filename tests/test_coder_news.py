"""News senses that recur in wire stories and had no pattern (issue 10, art6:
``data/lexicon/news_extra.tsv``), and reactions to an agreement named sentences before. Each
behaviour has sentences where it fires and sentences of other senses where it must not. All
sentences are made up for these tests."""

from __future__ import annotations

import pytest

from tests.coded import codes as _codes
from tests.coded import pairs as _pairs
from tests.coded import roots as _roots

# --- a car or truck bomb driven into a target: a car bombing (1832) ----------------------------------

@pytest.mark.parametrize(("text", "target"), [
    ("Al-Shabaab militants drove a car bomb into a military base near Mogadishu.", "SOM"),
    ("Separatists drove a truck bomb into a police station in Quetta on Friday.", "PAK"),
    ("The guerrillas drove a car bomb into an army barracks in Cucuta.", "COL"),
])
def test_coder_car_bomb_driven_into_a_target_is_a_car_bombing(code, text, target):
    events = code(text, "2024-03-04")
    assert {"1832", "1831"} & _codes(events)
    assert any(t == target for _s, t in _pairs(events, "1832") | _pairs(events, "1831"))


def test_coder_bomb_driven_into_a_checkpoint_is_a_bombing(code):
    assert "183" in _codes(code("Insurgents drove a bomb into a checkpoint in Baghdad, killing six police officers.",
                                "2024-03-04"))


@pytest.mark.parametrize("text", [
    "The president drove a car to the border with Mexico on Sunday.",
    "The driver drove the bomb squad to the scene in Kabul.",
])
def test_coder_other_drives_are_no_bombing(code, text):
    assert not _roots(code(text, "2024-03-04")) & {"18"}


# --- loans or deposits rolled over for an actor: economic aid (071) ----------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Saudi Arabia rolled over a $3 billion deposit to Egypt last month.", "SAU", "EGY"),
    ("Qatar rolled over $1 billion in loans to Turkey on Tuesday.", "QAT", "TUR"),
    ("The United Arab Emirates rolled over $2 billion in deposits for Sri Lanka.", "ARE", "LKA"),
])
def test_coder_rolled_over_loans_are_economic_aid(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "071")


@pytest.mark.parametrize("text", [
    "An armoured convoy rolled over a landmine near Kandahar.",
    "The court rolled over the case against the Kenyan minister to next month.",
])
def test_coder_other_roll_overs_are_no_aid(code, text):
    assert "071" not in _codes(code(text, "2024-03-04"))


# --- diplomats ordered to leave the country: an expulsion (166) ---------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Moscow ordered two British diplomats to leave the country within a week.", "RUS", "GBR"),
    ("Poland ordered five Belarusian embassy staff to leave within 48 hours.", "POL", "BLR"),
    ("Mali ordered the French ambassador to leave the country on Monday.", "MLI", "FRA"),
])
def test_coder_diplomats_ordered_to_leave_are_expelled(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "166")


@pytest.mark.parametrize("text", [
    "The minister ordered journalists to leave the press room.",
    "The Polish ambassador ordered his staff to stay at home during the storm.",
])
def test_coder_other_orders_to_leave_are_no_expulsion(code, text):
    assert "166" not in _codes(code(text, "2024-03-04"))


# --- an honour or a medal awarded to someone: praise (051) --------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Thai king awarded a medal to the visiting Japanese foreign minister.", "THA", "JPN"),
    ("Macron awarded France's highest honour to the Indian prime minister.", "FRA", "IND"),
    ("The Kenyan president bestowed an honour on the Ugandan army chief.", "KEN", "UGA"),
])
def test_coder_honours_awarded_are_praise(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "051")


@pytest.mark.parametrize("text", [
    "The committee awarded the contract to a Chinese company.",
    "The court awarded damages to the Nigerian families.",
])
def test_coder_other_awards_are_no_praise(code, text):
    assert "051" not in _codes(code(text, "2024-03-04"))


# --- rescue or relief efforts joined: humanitarian aid (073) ------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("China joined relief efforts in Nepal on Monday.", "CHN", "NPL"),
    ("Turkey joined rescue operations in Morocco after the earthquake.", "TUR", "MAR"),
    ("Japan joined the search and rescue effort in Taiwan.", "JPN", "TWN"),
])
def test_coder_joined_rescue_efforts_are_relief(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "073")


@pytest.mark.parametrize("text", [
    "Pakistan joined the peace talks in Doha.",
    "India joined the military exercises in Egypt on Monday.",
])
def test_coder_other_joins_are_no_relief(code, text):
    assert "073" not in _codes(code(text, "2024-03-04"))


# --- retaliation with tariffs or duties: an embargo or sanction (163) ---------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("India retaliated with tariffs on American almonds.", "IND", "USA"),
    ("Canada retaliated with duties on U.S. steel in July.", "CAN", "USA"),
    ("China retaliated with sanctions against Lithuania last year.", "CHN", "LTU"),
])
def test_coder_retaliation_with_tariffs_is_a_sanction(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "163")


@pytest.mark.parametrize("text", [
    "Russia retaliated against the strikes with missile attacks on Kyiv.",
    "Iran retaliated with a drone attack on Israel.",
])
def test_coder_military_retaliation_is_no_sanction(code, text):
    assert "163" not in _codes(code(text, "2024-03-04"))


# --- an election or its result annulled or overturned by a court: a legal finding (116) ---------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Kenya's Supreme Court annulled the re-election of President Uhuru Kenyatta in 2017.", "KEN", "KEN"),
    ("Bolivia's court overturned the victory of President Evo Morales.", "BOL", "BOL"),
    ("Malawi's Constitutional Court nullified the re-election of President Peter Mutharika.", "MWI", "MWI"),
])
def test_coder_annulled_elections_are_legal_findings(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "116")


@pytest.mark.parametrize("text", [
    "The Georgian government annulled the law on foreign agents.",
    "A Pakistani court overturned the ban on the opposition party.",
])
def test_coder_annulled_laws_are_no_election_ruling(code, text):
    assert "116" not in _codes(code(text, "2024-03-04"))


# --- a peace plan or truce signed (057) ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "source"), [
    ("The Tigrayan rebels signed the peace plan in Addis Ababa.", "ETH"),
    ("The Kosovo Albanian delegation signed the plan in Paris last week.", "KOS"),
    ("Colombia's ELN signed the proposal for a truce on Friday.", "COL"),
])
def test_coder_signed_plans_are_signed_agreements(code, text, source):
    assert any(s == source for s, _t in _pairs(code(text, "2024-03-04"), "057"))


@pytest.mark.parametrize("text", [
    "The Kenyan president signed the bill into law on Monday.",
    "Hundreds of Serbian protesters signed the petition in Belgrade.",
])
def test_coder_signed_bills_are_no_agreement(code, text):
    assert "057" not in _codes(code(text, "2024-03-04"))


# --- days or a period of mourning announced or declared (017) ------------------------------------------

@pytest.mark.parametrize("text", [
    "President Erdogan announced seven days of national mourning.",
    "Pakistan declared a week of mourning for the victims.",
    "The Moroccan government announced three days of mourning on Sunday.",
])
def test_coder_announced_mourning_is_symbolic_act(code, text):
    assert "017" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "The Turkish minister announced seven days of talks with the union.",
    "Pakistan declared a week of celebrations for Independence Day.",
])
def test_coder_other_announced_days_are_no_mourning(code, text):
    assert "017" not in _codes(code(text, "2024-03-04"))


# --- fighting or clashing in breach of a truce: a ceasefire violation (196), both ways ------------------

@pytest.mark.parametrize(("text", "a", "b"), [
    ("Sudan's army and the Rapid Support Forces fought in Khartoum in breach of a ceasefire.", "SDN", "SDN"),
    ("Armenian and Azerbaijani troops clashed in violation of the truce on Sunday.", "ARM", "AZE"),
    ("Indian and Pakistani soldiers clashed in Kashmir in breach of the ceasefire.", "IND", "PAK"),
])
def test_coder_fighting_in_breach_of_a_truce_is_a_violation(code, text, a, b):
    found = _pairs(code(text, "2024-03-04"), "196")
    assert (a, b) in found and (b, a) in found


@pytest.mark.parametrize("text", [
    "The Kenyan opposition fought for the release of its leader.",
    "Two Nigerian lawyers clashed in court over the ruling.",
])
def test_coder_other_fights_are_no_ceasefire_violation(code, text):
    assert "196" not in _codes(code(text, "2024-03-04"))


# --- traders shutting their shops in a strike or protest: a strike (143) --------------------------------

@pytest.mark.parametrize("text", [
    "Traders in Lagos shut their shops in protest against the new tax.",
    "Shopkeepers in Srinagar closed their shops in a strike against Indian rule.",
    "Merchants in Tehran's bazaar shut their stores in protest over the currency collapse.",
])
def test_coder_shops_shut_in_protest_are_a_strike(code, text):
    assert "14" in _roots(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Nigerian police closed the shops in Lagos after the riots.",
    "Shop owners in Karachi shut their stores early on Friday.",
])
def test_coder_shops_shut_otherwise_are_no_strike(code, text):
    assert "143" not in _codes(code(text, "2024-03-04"))


# --- contingents promised for a protection force (0334) ----------------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Kenya promised a contingent of 1,000 police officers to Haiti.", "KEN", "HTI"),
    ("Rwanda promised two battalions to Mozambique last year.", "RWA", "MOZ"),
    ("Chad has promised peacekeepers to the Central African Republic.", "TCD", "CAF"),
])
def test_coder_promised_contingents_are_intended_protection(code, text, source, target):
    events = code(text, "2024-03-04")
    assert (source, target) in _pairs(events, "0334")
    assert all(e.modality == "intended" for e in events if e.cameo == "0334")


@pytest.mark.parametrize("text", [
    "The Kenyan government promised a police investigation into the killings.",
    "Nigeria promised a new unit for the football team.",
])
def test_coder_other_promises_are_no_protection(code, text):
    assert "0334" not in _codes(code(text, "2024-03-04"))


# --- a financial rescue led for an actor: economic aid (071) ---------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("The IMF led a $17 billion rescue for Thailand in August.", "IGO", "THA"),
    ("The European Union led a bailout for Greece in 2010.", "IGO", "GRC"),
    ("China led a $4 billion rescue package for Sri Lanka.", "CHN", "LKA"),
])
def test_coder_rescues_led_for_an_actor_are_economic_aid(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "071")


@pytest.mark.parametrize("text", [
    "A Chilean engineer led the rescue of the trapped miners.",
    "The Thai navy led the rescue in the flooded cave.",
])
def test_coder_physical_rescues_led_are_no_economic_aid(code, text):
    assert "071" not in _codes(code(text, "2024-03-04"))


# --- ready for talks or for prisoner exchanges: an intent to meet (036) or to release (0353) -----------

@pytest.mark.parametrize(("text", "code_", "source", "target"), [
    ("Russia is ready for talks with Ukraine, the Kremlin said.", "036", "RUS", "UKR"),
    ("Venezuela is ready for dialogue with the opposition, Maduro said.", "036", "VEN", "VEN"),
    ("Armenia said it was ready for a new exchange of prisoners with Azerbaijan.", "0353", "ARM", "AZE"),
])
def test_coder_ready_for_talks_or_exchanges_is_an_intent(code, text, code_, source, target):
    events = [e for e in code(text, "2024-03-04") if e.cameo == code_]
    assert (source, target) in _pairs(events, code_)
    assert all(e.modality == "intended" and not e.negated for e in events)


@pytest.mark.parametrize("text", [
    "Ukraine is ready for winter, the energy minister said.",
    "The Serbian army is ready for any attack by Kosovo.",
])
def test_coder_other_readiness_is_no_intent(code, text):
    assert not {"036", "0353"} & _codes(code(text, "2024-03-04"))


# --- "the agreement", "the exchange" sentences after it was made: its parties are the target -------------

def test_coder_brokered_exchange_targets_both_parties_of_the_swap(code):
    events = code("Armenia and Azerbaijan exchanged dozens of prisoners of war on Tuesday. "
                  "The exchange was brokered by Qatar, the foreign ministry in Baku said.", "2024-03-04")
    assert {("QAT", "ARM"), ("QAT", "AZE")} <= _pairs(events, "045")


def test_coder_deal_mediated_by_a_third_state_targets_both_parties(code):
    events = code("Sudan's army and the Rapid Support Forces signed a ceasefire agreement in Jeddah on Saturday. "
                  "The deal, mediated by Saudi Arabia, was greeted with relief in Khartoum.", "2024-03-04")
    assert ("SAU", "SDN") in _pairs(events, "045")
    assert len([e for e in events if e.cameo == "045"]) == 2


def test_coder_welcomed_agreement_reaches_back_to_the_signing(code):
    events = code("Serbia and Kosovo signed an agreement on Friday to recognise each other's car plates. "
                  "Kosovo police removed the roadblocks in the north on Saturday. "
                  "Traffic resumed at two border crossings. "
                  "Officials said queues of lorries were still waiting. "
                  "Germany welcomed the agreement on Sunday.", "2024-03-04")
    assert {("DEU", "SRB"), ("DEU", "KOS")} <= _pairs(events, "051")


def test_coder_welcomed_decision_stays_near(code):
    # a decision is no agreement: its author is found only in the sentences just before
    events = code("Serbia and Kosovo signed an agreement on Friday. "
                  "Traffic resumed at two border crossings. "
                  "Officials said queues of lorries were still waiting. "
                  "The weather was cold across the region. "
                  "Germany welcomed the decision on Sunday.", "2024-03-04")
    assert not {t for _s, t in _pairs(events, "051")} - {None}


# --- "lifted the sanctions it imposed on X": the object's own relative clause names the target ----------

@pytest.mark.parametrize(("text", "code_", "source", "target"), [
    ("The EU lifted the sanctions it imposed on Belarus in 2020.", "085", "IGO", "BLR"),
    ("Washington will lift the tariffs it imposed on Mexican steel.", "0354", "USA", "MEX"),
    ("Germany delivered the tanks it promised to Ukraine last year.", "072", "DEU", "UKR"),
])
def test_coder_relative_clause_on_the_object_names_the_target(code, text, code_, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), code_)


@pytest.mark.parametrize(("text", "code_"), [
    ("Poland rejected the plan Brussels presented to the member states.", "127"),
    ("India rejected the report the commission sent to Pakistan.", "016"),
])
def test_coder_relative_clause_of_another_actor_gives_no_target(code, text, code_):
    events = [e for e in code(text, "2024-03-04") if e.cameo[:2] == code_[:2]]
    assert events and all(e.target is None for e in events)


# --- aid or a pull-out with no recipient named: the country the story is about ----------------------------

FLOOD_STORY = ("NAIROBI, Kenya (Reuters) - Floods have displaced more than 300,000 people in Kenya, the government "
               "said on Tuesday.\n\nKenyan President William Ruto called for international help.\n\n"
               "Japan pledged $5 million in emergency aid on Wednesday, and Germany sent a rescue team.\n\n"
               "The Kenyan army flew food to the worst-hit areas.\n\n"
               "Britain condemned the slow response of local officials.")


def test_coder_foreign_aid_with_no_recipient_goes_to_the_story_country(code):
    events = code(FLOOD_STORY, "2024-03-04")
    assert ("JPN", "KEN") in _pairs(events, "033")
    assert ("DEU", "KEN") in _pairs(events, "073")


def test_coder_pull_out_with_no_place_is_from_the_story_country(code):
    events = code("KABUL (Reuters) - A car bomb killed four people near a checkpoint in Kabul on Monday.\n\n"
                  "Under a draft deal, the United States would withdraw about 5,000 troops within 135 days.",
                  "2024-03-04")
    assert ("USA", "AFG") in _pairs(events, "0356")


def test_coder_story_country_is_no_target_of_its_own_actors_or_of_other_acts(code):
    events = code(FLOOD_STORY, "2024-03-04")
    assert all(t != "KEN" for s, t in _pairs(events, "073") if s == "KEN")
    assert all(t is None for _s, t in _pairs(events, "111"))


def test_coder_aid_with_no_recipient_and_no_story_country_has_no_target(code):
    events = code("Japan pledged $5 million in emergency aid on Wednesday, and Germany sent a rescue team.",
                  "2024-03-04")
    assert {t for _s, t in _pairs(events, "033") | _pairs(events, "073")} == {None}


# --- "each government accused the other", "accused each other": each is the other's target -----------------

@pytest.mark.parametrize(("text", "code_", "a", "b"), [
    ("Armenian and Azerbaijani troops exchanged fire on the border on Tuesday. "
     "Each government accused the other of starting the clash.", "112", "ARM", "AZE"),
    ("Serbia and Kosovo accused each other of provoking the violence.", "1123", "SRB", "KOS"),
    ("India and China blamed one another for the clash in Ladakh.", "112", "IND", "CHN"),
])
def test_coder_mutual_object_makes_the_subjects_each_others_target(code, text, code_, a, b):
    found = _pairs(code(text, "2024-03-04"), code_)
    assert (a, b) in found and (b, a) in found


@pytest.mark.parametrize(("text", "code_"), [
    ("Kenya and Uganda accused Sudan of arming the rebels.", "112"),
    ("Russia and China criticised the other members of the council.", "111"),
])
def test_coder_other_objects_are_no_mutual_target(code, text, code_):
    found = _pairs(code(text, "2024-03-04"), code_)
    assert ("KEN", "UGA") not in found and ("RUS", "CHN") not in found and ("CHN", "RUS") not in found


# --- "criticised the ban" sentences after "banned imports": the act named with the same word ----------------

FILLER = " Farmers in the region said prices would rise. Shops in the capital had stocked up in advance. Officials said the weather was cold."


@pytest.mark.parametrize(("text", "code_", "source", "target"), [
    ("Russia banned imports of fruit from Moldova on Thursday." + FILLER
     + " The European Union criticised the ban as politically motivated.", "111", "IGO", "RUS"),
    ("The United States imposed sanctions on Venezuela's oil company on Monday." + FILLER
     + " Maduro condemned the sanctions as economic warfare.", "111", "VEN", "USA"),
    ("China imposed tariffs on Australian wine in May." + FILLER
     + " Canberra criticised the tariffs on Friday.", "111", "AUS", "CHN"),
])
def test_coder_reaction_to_an_act_named_with_the_same_word_far_back(code, text, code_, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), code_)


@pytest.mark.parametrize(("text", "code_"), [
    ("Kenya's parliament approved a new budget on Monday." + FILLER + " The IMF welcomed the decision on Friday.", "051"),
    ("Russia banned imports of fruit from Moldova on Thursday." + FILLER
     + " The European Union criticised the sanctions on Friday.", "111"),
])
def test_coder_reaction_far_back_needs_the_same_word(code, text, code_):
    assert {t for _s, t in _pairs(code(text, "2024-03-04"), code_)} == {None}


# --- a particle with an object of its own is a mislabelled preposition ("called on(prt) Kenyans to …") --------

@pytest.mark.parametrize("text", [
    "Odinga called on Kenyans to keep up peaceful marches until the government listened.",
    "Raila called on Kenyans to keep up peaceful protests until the election was annulled.",
    "Odinga called on Kenyans to stay calm until the results were announced.",
])
def test_coder_appeal_with_a_mislabelled_particle_is_an_appeal(nlp, code, text):
    doc = nlp(text)
    assert any(t.dep_ == "prt" and any(c.dep_ == "pobj" for c in t.children) for t in doc)  # the parse this is about
    assert ("KEN", "KEN") in _pairs(code(text, "2024-03-04"), "020")


@pytest.mark.parametrize("text", [
    "Russia called off the talks with Ukraine.",
    "The Kenyan president called on Tuesday to congratulate the winner.",
])
def test_coder_particles_without_an_object_are_no_appeal(code, text):
    assert "020" not in _codes(code(text, "2024-03-04"))


# --- talks or a truce with no other party named: the party the source last dealt with ---------------------

@pytest.mark.parametrize(("text", "code_", "source", "target"), [
    ("ADDIS ABABA (Reuters) - Ethiopia's government accused the Tigray rebels of attacking an army base on Monday. "
     "The African Union mediated talks between the two sides in Nairobi. "
     "The government declared a unilateral ceasefire on Friday.", "0871", "ETH", "ETH"),
    ("China imposed tariffs on U.S. soybeans on Monday. "
     "The U.S. trade representative held talks on Thursday and Friday.", "046", "USA", "CHN"),
    ("Colombia's government resumed peace talks with the ELN rebels in Havana on Monday. "
     "A car bomb killed 21 police cadets in Bogota on Thursday. "
     "The government suspended the talks on Friday.", "164", "COL", "COL"),
])
def test_coder_talks_or_truce_with_no_partner_named_take_the_storys_other_party(code, text, code_, source, target):
    events = [e for e in code(text, "2024-03-04") if e.cameo == code_]
    assert (source, target) in _pairs(events, code_)
    assert all(e.target is not None and e.target.code != e.source.code for e in events if e.source)


@pytest.mark.parametrize(("text", "code_"), [
    ("Peru declared a unilateral ceasefire on Tuesday.", "0871"),
    ("The African Union mediated talks between Ethiopia and the Tigray rebels on Monday. "
     "The African Union held talks on Friday.", "046"),
    ("Colombia's government resumed peace talks with the ELN rebels in Havana on Monday. "
     "The government said the ransom payments would be negotiated in the next round.", "036"),
])
def test_coder_no_earlier_dyad_or_only_a_mediation_gives_no_partner(code, text, code_):
    assert not {t for _s, t in _pairs(code(text, "2024-03-04"), code_)} - {None}


# --- threats, sanctions and force with no adversary named: the party the source last dealt with ------------

@pytest.mark.parametrize(("text", "root", "source", "target"), [
    ("Canberra banned imports of Chinese steel on Monday. Beijing imposed duties on wine in May.", "16", "CHN", "AUS"),
    ("Armenia accused Azerbaijan of shelling a border village on Monday. "
     "Azerbaijani artillery pounded the hills above the village on Tuesday.", "19", "AZE", "ARM"),
    ("India accused Pakistan of sheltering the attackers on Sunday. "
     "Pakistan's army said it would respond with force to any incursion.", "13", "PAK", "IND"),
    ("Turkey recalled its ambassador from Austria on Friday. "
     "Ankara said it would cut trade ties next month.", "13", "TUR", "AUT"),
])
def test_coder_aimed_acts_with_no_adversary_named_take_the_storys_other_party(code, text, root, source, target):
    events = [e for e in code(text, "2024-03-04") if e.cameo.startswith(root) and e.sentence_index == 1]
    assert (source, target) in {(e.source.country if e.source else None, e.target.country if e.target else None)
                                for e in events}


@pytest.mark.parametrize(("text", "root", "target"), [
    ("Beijing imposed duties on wine in May.", "16", None),  # no earlier dyad
    ("Canberra banned imports of Chinese steel on Monday. Beijing imposed duties on Canadian canola in May.",
     "16", "CAN"),  # the adversary is named
    ("Armenia accused Azerbaijan of shelling a border village on Monday. "
     "Azerbaijani artillery pounded Iranian border posts on Tuesday.", "19", "IRN"),
])
def test_coder_aimed_acts_keep_the_adversary_they_name_or_none(code, text, root, target):
    last = text.count(". ")
    events = [e for e in code(text, "2024-03-04") if e.cameo.startswith(root) and e.sentence_index == last]
    assert events and {e.target.country if e.target else None for e in events} == {target}


# --- "claimed the bombing": a claim of responsibility with the act as its object ---------------------------

@pytest.mark.parametrize(("text", "source"), [
    ("Al Shabaab claimed the bombing in a statement on its radio station.", "SOM"),
    ("Boko Haram claimed the abduction of the students in a video.", "NGA"),
    ("The Baluch Liberation Army claimed the attacks on two police stations.", "PAK"),
])
def test_coder_claiming_an_attack_is_a_claim_of_responsibility(code, text, source):
    assert source in {s for s, _t in _pairs(code(text, "2024-03-04"), "015")}


@pytest.mark.parametrize("text", [
    "Hamas claimed the attack had killed 20 soldiers.",  # what the attack did: a statement
    "Nigeria claimed victory over the insurgents in the north.",
])
def test_coder_other_claims_are_no_claim_of_responsibility(code, text):
    assert "015" not in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize(("text", "target"), [
    ("Two gunmen killed 14 worshippers at a church in Kaduna on Sunday, and Boko Haram claimed the attack.", "NGACVL"),
    ("Gunmen shot dead three policemen in Peshawar on Friday and the Pakistani Taliban claimed responsibility "
     "for the killings.", "PAKCOP"),
    ("Rebels ambushed an army convoy in Punjab, killing six soldiers; the Baluch Liberation Army claimed the ambush.",
     "PAKMIL"),
])
def test_coder_a_claim_of_an_act_the_sentence_told_is_aimed_at_its_victims(code, text, target):
    assert target in {e.target.code for e in code(text, "2024-03-04") if e.cameo == "015" and e.target}


@pytest.mark.parametrize("text", [
    # told in the sentence before: the claim's sentence names no victim (ANNOTATION-BRIEF)
    "Two gunmen killed 14 worshippers at a church in Kaduna on Sunday. Boko Haram claimed the attack.",
    # the claim comes first: what follows is not the claimed act
    "Boko Haram claimed the attack on Sunday, and troops killed 20 of its fighters on Monday.",
])
def test_coder_a_claim_without_its_act_before_it_in_the_sentence_has_no_victim(code, text):
    claims = [e for e in code(text, "2024-03-04") if e.cameo == "015"]
    assert claims and all(e.target is None for e in claims)


def test_coder_an_attack_told_before_its_claim_stays_an_event(code):
    events = code("A blast at a market in Kano killed 12 traders; a group calling itself the Movement claimed the attack.",
                  "2024-03-04")
    assert any(e.cameo_root == "18" and e.target is not None and e.target.country == "NGA" for e in events)


# --- a refusal of a reciprocal act pairs its actors as the act would ----------------------------------------

@pytest.mark.parametrize(("text", "a", "b"), [
    ("Israel and Hamas refused to meet in Cairo on Monday.", "ISR", "PSE"),
    ("Serbia and Kosovo failed to agree on licence plates at the talks in Brussels.", "SRB", "KOS"),
    ("Peru and Ecuador declined to hold talks on the border before the election.", "PER", "ECU"),
])
def test_coder_two_parties_refusing_a_reciprocal_act_refuse_each_other(code, text, a, b):
    refusals = _pairs([e for e in code(text, "2024-03-04") if e.cameo_root == "12" and not e.negated],
                      next(e.cameo for e in code(text, "2024-03-04") if e.cameo_root == "12"))
    assert {(a, b), (b, a)} <= refusals


@pytest.mark.parametrize(("text", "pairs_"), [
    ("Russia and China refused to condemn Iran.", {("RUS", "IRN"), ("CHN", "IRN")}),  # the act names its target
    ("Hungary refused to meet the Ukrainian delegation.", {("HUN", "UKR")}),
])
def test_coder_refusals_with_a_named_target_keep_it(code, text, pairs_):
    events = [e for e in code(text, "2024-03-04") if e.cameo_root == "12"]
    assert {(e.source.country if e.source else None, e.target.country if e.target else None) for e in events} == pairs_


# --- "fought the Houthis": fighting an armed actor named only by its name --------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Saudi Arabia and its allies have fought the Houthis since 2015.", "SAU", "YEM"),
    ("Nigerian troops fought Boko Haram near Maiduguri on Tuesday.", "NGA", "NGA"),
    ("The Colombian army fought the ELN in Arauca last week.", "COL", "COL"),
])
def test_coder_fighting_a_named_armed_group_is_a_fight(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "190")


@pytest.mark.parametrize("text", [
    "The government fought corruption for years.",
    "Kenya fought Ethiopia in the final of the cup.",
    "The minister fought the proposal in parliament.",
])
def test_coder_fighting_what_is_no_armed_actor_is_no_fight(code, text):
    assert not [e for e in code(text, "2024-03-04") if e.cameo_root == "19"]


# --- "has yet to free": not done so far, and no duty ----------------------------------------------------

@pytest.mark.parametrize(("text", "root"), [
    ("Tehran has yet to free the British tanker or its crew.", "08"),
    ("Moscow has yet to sign the grain deal with Kyiv.", "05"),
    ("The ministry is yet to release the detained journalists.", "08"),
])
def test_coder_has_yet_to_is_a_negated_act(code, text, root):
    events = [e for e in code(text, "2024-03-04") if e.cameo_root == root]
    assert events and all(e.negated and e.modality == "asserted" for e in events)


@pytest.mark.parametrize("text", [
    "Iran has to free the tanker by Friday, the court said.",
    "The government unveiled yet another plan to free the hostages.",
])
def test_coder_other_has_to_and_yet_are_no_negation(code, text):
    assert not any(e.negated for e in code(text, "2024-03-04"))


# --- "people accused of fraud": an act of words told as a description, with no one doing it ----------------

@pytest.mark.parametrize("text", [
    "Police in Herat detained 20 people accused of stuffing ballot boxes.",
    "Troops arrested three officers suspected of plotting a coup, criticised for months in the press.",
    "Soldiers detained a journalist accused of spying on Monday.",
])
def test_coder_an_agentless_participle_of_words_is_no_event(code, text):
    assert not [e for e in code(text, "2024-03-04") if e.cameo_root in ("11", "01", "05") and e.source is None]


@pytest.mark.parametrize(("text", "roots"), [
    ("The journalist, accused by Iran of spying, was freed on Monday.", ("11",)),  # the accuser is named
    ("Three soldiers killed in an ambush near Gao were buried on Monday.", ("18", "19")),  # violence stays
])
def test_coder_participles_with_an_agent_or_of_violence_stay(code, text, roots):
    assert any(e.cameo_root in roots for e in code(text, "2024-03-04"))


# --- "co-hosted by France and the UN": hosts do not host each other -----------------------------------------

@pytest.mark.parametrize("text", [
    "France and the United Nations hosted a donor conference for Lebanon on Sunday.",
    "The conference, co-hosted by Egypt and Norway, raised $5 billion.",
    "Qatar and Egypt hosted the talks in Doha on Monday.",
])
def test_coder_co_hosts_do_not_host_each_other(code, text):
    hosts = [e for e in code(text, "2024-03-04") if e.cameo == "043"]
    assert not any(e.source and e.target and e.source.country in ("FRA", "EGY", "QAT", "NOR")
                   and e.target.code in ("IGOUNO", "NOR", "EGY", "EGYGOV", "NORGOV", "QAT") for e in hosts)


# --- "no reports of shelling": an act said not to have happened ----------------------------------------

@pytest.mark.parametrize("text", [
    "There were no reports of RSF shelling in Khartoum by Friday evening.",
    "Residents said there were no reports of Houthi shelling overnight.",
    "Israeli officials said there were no reports of Hezbollah shelling across the border overnight.",
])
def test_coder_no_reports_of_an_act_negate_it(code, text):
    events = [e for e in code(text, "2024-03-04") if e.cameo_root == "19"]
    assert events and all(e.negated for e in events)


@pytest.mark.parametrize("text", [
    "Residents gave reports of RSF shelling in Khartoum on Friday evening.",
    "Police arrested dozens of protesters in Minsk, with no warning.",
])
def test_coder_reports_of_an_act_or_no_elsewhere_do_not_negate_it(code, text):
    events = [e for e in code(text, "2024-03-04") if e.cameo_root in ("17", "18", "19")]
    assert events and all(not e.negated for e in events)


# --- "U.S. commandos killed civilians", filed from Sanaa: the victims are not American --------------------

@pytest.mark.parametrize(("text", "date_line"), [
    ("U.S. commandos killed several civilians on Sunday.", "Sanaa"),
    ("Russian troops detained dozens of villagers on Monday.", "Damascus"),
    ("French soldiers shot dead three civilians near the border.", "Bamako"),
])
def test_coder_victims_of_a_foreign_force_do_not_take_its_country(nlp, text, date_line):
    from tidings.pipeline import code_documents
    from tidings.records import Document

    doc = Document(doc_id="x", text=text, published="2024-03-04", dateline=date_line)
    events = next(code_documents([doc], nlp=nlp))[1]
    assert events and all(e.target is None or e.target.country != e.source.country for e in events)


def test_coder_a_state_acting_at_home_still_gives_its_country(code):
    assert ("BLR", "BLR") in _pairs(code("Belarusian police detained protesters in the capital on Sunday.", "2024-03-04"), "173")


# --- "spoke by telephone with Merkel": the partner on the pattern's own prepositional object -------------

@pytest.mark.parametrize(("text", "code_", "target"), [
    ("Erdogan spoke by telephone with German Chancellor Olaf Scholz on Thursday.", "041", "DEU"),
    ("The Indian foreign minister spoke over the phone with his Chinese counterpart.", "041", "CHN"),
    ("Zelensky spoke by video link with the leaders of Poland and Lithuania.", "041", "POL"),
])
def test_coder_the_partner_of_a_call_hangs_on_the_call(code, text, code_, target):
    assert target in {t for _s, t in _pairs(code(text, "2023-03-04"), code_)}


@pytest.mark.parametrize("text", [
    "Greek Prime Minister Kyriakos Mitsotakis put the navy on alert on Monday. Mitsotakis held talks on Thursday.",
    "Chad's president ordered the army to the border on Monday. The president held talks on Friday.",
])
def test_coder_a_states_own_forces_are_no_partner_in_talks(code, text):
    talks = [e for e in code(text, "2023-03-04") if e.cameo_root == "04" and e.sentence_index == 1]
    assert all(e.target is None or e.target.country != e.source.country for e in talks)


# --- "until it cuts the deficit": a condition not yet met is hypothetical ------------------------------

@pytest.mark.parametrize(("text", "root"), [
    ("The IMF refused to lend Kenya money until it cuts fuel subsidies.", "16"),
    ("Hamas will keep firing rockets until Israel lifts the blockade.", "08"),
    ("Brussels said it would not release the funds before Budapest changes the media law.", "08"),
])
def test_coder_an_act_awaited_until_or_before_is_hypothetical(code, text, root):
    assert not [e for e in code(text, "2024-03-04") if e.cameo_root == root and e.modality == "asserted"
                and not e.negated and e.cameo not in ("1221",)]


@pytest.mark.parametrize(("text", "root"), [
    ("Russia withdrew its troops before the talks began.", "08"),  # past tense: it happened
    ("Israel lifted the blockade until the end of the month.", "08"),  # no clause
])
def test_coder_past_or_main_clause_acts_stay_asserted(code, text, root):
    assert any(e.cameo_root == root and e.modality == "asserted" for e in code(text, "2024-03-04"))


# --- observers at talks are no party to them --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The talks, attended by observers from the United States, the European Union and South Africa, resumed on Tuesday.",
    "Monitors from Norway and Sweden attended the negotiations in Oslo.",
    "Observers from Kenya and Ghana attended the talks between the two sides.",
])
def test_coder_observers_attending_talks_do_not_talk_to_each_other(code, text):
    assert not [e for e in code(text, "2024-03-04") if e.cameo_root == "04" and e.source and e.target
                and e.source.sector == "CVL" and e.target.sector == "CVL"]


def test_coder_parties_attending_talks_still_talk(code):
    assert ("EGY", "ETH") in _pairs(code("Egypt and Ethiopia attended the talks in Washington.", "2024-03-04"), "046")


# --- "is considering whether to suspend Guinea": weighing an option (014), not the act or a threat --------

@pytest.mark.parametrize(("text", "target"), [
    ("The African Union is considering whether to suspend Mali.", "MLI"),
    ("The EU is weighing whether to impose new sanctions on Belarus.", "BLR"),
    ("Washington is studying whether to send more troops to Poland.", "POL"),
])
def test_coder_considering_whether_to_act_is_014(code, text, target):
    events = code(text, "2024-03-04")
    assert target in {t for _s, t in _pairs(events, "014")}
    assert not [e for e in events if e.cameo_root in ("13", "15", "16") and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    "The ministry studied the report on Monday.",
    "Analysts asked whether Russia would suspend gas supplies to Moldova.",
])
def test_coder_other_studies_and_whethers_are_no_014(code, text):
    assert "014" not in _codes(code(text, "2024-03-04"))


# --- "each side freed 50 prisoners": each of the two parties acts on the other ------------------------------

@pytest.mark.parametrize(("text", "a", "b"), [
    ("Israel and Hamas agreed to a truce on Monday. Each side released 50 prisoners on Friday.", "ISR", "PSE"),
    ("Sudan and South Sudan signed a border deal in March. Each government released 40 captives in April.", "SDN", "SSD"),
    ("Colombia and Venezuela restored relations in May. Each country released 12 prisoners in June.", "COL", "VEN"),
])
def test_coder_each_of_two_parties_acts_on_the_other(code, text, a, b):
    found = _pairs(code(text, "2024-03-04"), "0841")
    assert (a, b) in found and (b, a) in found


def test_coder_each_with_its_own_target_keeps_it(code):
    events = code("Kenya and Uganda sent troops to Somalia. Each country sent 1,000 soldiers to Mogadishu.", "2024-03-04")
    assert not {("KEN", "UGA"), ("UGA", "KEN")} & _pairs(events, "154")


def test_coder_each_of_one_party_is_no_reciprocity(code):
    events = code("Each Kenyan minister praised the new budget on Monday.", "2024-03-04")
    assert all(s != t for s, t in _pairs(events, "051"))


# --- an armed response announced in speech: a threat of attack (1384), asserted ---------------------

def _shown(events):
    return [e for e in events if not e.negated and e.modality == "asserted"]


@pytest.mark.parametrize(("text", "source"), [
    ("Iran said it would respond at a time and place of its choosing.", "IRN"),
    ("Syria's army warned on Sunday that it will respond at a time of its choosing.", "SYR"),
    ("Azerbaijan said it would respond with force to any further shelling of its villages.", "AZE"),
    ("The Ethiopian army said it would respond to any attack on its positions.", "ETH"),
])
def test_coder_announced_armed_response_is_a_threat_of_attack(code, text, source):
    shown = _shown(code(text, "2024-03-04"))
    assert any(e.cameo_root == "13" and e.source and (e.source.code or "")[:3] == source for e in shown)


def test_coder_armed_response_that_happened_is_an_attack(code):
    events = _shown(code("Israel responded with airstrikes on Gaza on Saturday.", "2024-03-04"))
    assert ("ISR", "PSE") in _pairs(events, "190") or "19" in _roots(events)


@pytest.mark.parametrize("text", [
    "The foreign ministry said it would respond to the letter from the Danish embassy next week.",
    "Hungary responded to the questions of the European Commission on Friday.",
    "The health ministry said it would respond quickly to the outbreak.",
])
def test_coder_other_responses_are_no_threat(code, text):
    assert not _roots(code(text, "2024-03-04")) & {"13", "19"}


# --- "X will not / would not VERB something" with no pattern for VERB: X's rejection (120) ----------

@pytest.mark.parametrize(("text", "source"), [
    ("Colombia will not renegotiate the trade treaty, the president said.", "COL"),
    ("The Nigerian government would not pay any compensation to the companies, the minister said.", "NGA"),
    ("Chile said it would not recognise the new tribunal.", "CHL"),
])
def test_coder_will_not_act_without_pattern_is_a_rejection(code, text, source):
    shown = _shown(code(text, "2024-03-04"))
    assert any(e.cameo_root == "12" and e.source and (e.source.code or "")[:3] == source for e in shown)


@pytest.mark.parametrize("text", [
    "The ministry would not say how many soldiers were wounded.",
    "Peru will not have enough money for the new airport, the finance minister said.",
    "Brazil would not hesitate to defend its borders, the defence minister said.",
    "Ecuador will not seek a second term for its president.",
    "British officials said Argentina would not renegotiate the treaty.",
])
def test_coder_other_will_nots_are_no_rejection(code, text):
    assert "12" not in _roots(_shown(code(text, "2024-03-04")))


# --- a second request with its own "to": an appeal of its own, coded by that act ---------------------

@pytest.mark.parametrize(("text", "source", "target", "second"), [
    ("The United Nations urged Armenia to exercise restraint and to release the detained soldiers.", "IGO", "ARM", "0253"),
    ("Germany called on Serbia to calm tensions and to return to negotiations with Kosovo.", "DEU", "SRB", "026"),
    ("The African Union urged Sudan's generals to stop fighting and to allow aid convoys into Darfur.", "IGO", "SDN", "0255"),
])
def test_coder_second_coordinated_request_is_an_appeal_of_its_own(code, text, source, target, second):
    events = _shown(code(text, "2024-03-04"))
    assert len([e for e in events if e.cameo_root == "02"]) >= 2
    assert any(e.cameo == second and e.target and (e.target.code or "")[:3] == target for e in events)


@pytest.mark.parametrize("text", [
    "Students urged the government to rewrite the constitution and dissolve parliament.",
    "The opposition urged Kenya's president to resign and to leave the country.",
])
def test_coder_one_request_stays_one_appeal(code, text):
    assert len([e for e in _shown(code(text, "2024-03-04")) if e.cameo_root == "02"]) == 1


# --- warned that its side would respond or retaliate: a threat of military force (138) ----------------

@pytest.mark.parametrize(("text", "source"), [
    ("Iran's foreign minister warned that Tehran would retaliate against any strike on its soil.", "IRN"),
    ("The Turkish defence ministry warned that it would respond to further shelling across the border.", "TUR"),
    ("Hezbollah warned on Monday that it would avenge the killing of its commander.", "LBN"),
])
def test_coder_warning_of_retaliation_is_a_threat_of_force(code, text, source):
    events = _shown(code(text, "2024-03-04"))
    assert any(e.cameo == "138" and e.source and (e.source.code or "")[:3] == source for e in events)


@pytest.mark.parametrize("text", [
    "The central bank warned that inflation would rise further next year.",
    "Doctors in Gaza warned that hospitals would run out of fuel within days.",
])
def test_coder_other_warnings_are_no_threat_of_force(code, text):
    assert "138" not in _codes(code(text, "2024-03-04"))


# --- pressed an actor to do something: a demand (10x) -------------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Germany pressed Turkey to ratify the accession of Sweden.", "DEU", "TUR"),
    ("Washington pressed Israel on Monday to open more crossings into Gaza.", "USA", "ISR"),
    ("The Kenyan opposition pressed the electoral commission to publish the results.", "KEN", "KEN"),
])
def test_coder_pressing_an_actor_to_act_is_a_demand(code, text, source, target):
    events = _shown(code(text, "2024-03-04"))
    assert any(e.cameo_root == "10" and e.source and e.target and (e.source.code or "")[:3] == source
               and (e.target.code or "")[:3] == target for e in events)


@pytest.mark.parametrize("text", [
    "She pressed the button to start the machine.",
    "Ukrainian forces pressed ahead with their offensive near Bakhmut.",
])
def test_coder_other_pressing_is_no_demand(code, text):
    assert "10" not in _roots(code(text, "2024-03-04"))


# --- clemency, a pardon or an amnesty granted to prisoners: their release (0841) ---------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("President Tokayev granted an amnesty to 1,000 protesters detained in January.", "KAZ", "KAZ"),
    ("Belarus granted clemency to two Polish activists on Friday.", "BLR", "POL"),
    ("Two Russian hackers held in California were granted clemency by the U.S. president.", "USA", "RUS"),
])
def test_coder_granted_clemency_is_a_release(code, text, source, target):
    assert (source, target) in _pairs(code(text, "2024-03-04"), "0841")


@pytest.mark.parametrize("text", [
    "Parliament granted the president emergency powers for six months.",
    "Egypt granted a mining licence to a Canadian company.",
])
def test_coder_other_grants_are_no_release(code, text):
    assert "0841" not in _codes(code(text, "2024-03-04"))
