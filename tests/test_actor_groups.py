"""Who acts: group nouns (elders, herders, creditors, observers …), regional blocs and the people
they send, and groups that deal with a state from outside it. Expected codes follow
docs/actor-codes.md (and, where it is silent, the sources named in data/actors/agents_groups.tsv)."""

from __future__ import annotations

import pytest

from tests.test_actor_cases import _resolve


def _events(code, text: str, date: str = "2024-05-01") -> set[tuple[str, str | None, str | None]]:
    return {(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in code(text, date)}


def _pairs(code, text: str, date: str = "2024-05-01") -> set[tuple[str | None, str | None]]:
    return {(s, t) for _, s, t in _events(code, text, date)}


# -- group nouns resolve to their sector ----------------------------------------------------------
@pytest.mark.parametrize("sentence, mention, expected", [
    ("Village elders called on the government to send troops.", "Village elders", ["CVL"]),
    ("Somali clan elders agreed to end the fighting.", "Somali clan elders", ["SOMCVL"]),
    ("Tribal leaders urged Baghdad to release the detainees.", "Tribal leaders", ["IRQCVL"]),
    ("Traditional chiefs in Ghana urged the government to ban illegal mining.", "Traditional chiefs", ["GHACVL"]),
    ("Church elders in Nairobi condemned the new tax.", "Church elders", ["KENREL"]),
    ("Fulani pastoralists from Nigeria attacked villagers in Niger.", "Fulani pastoralists", ["NGAAGR"]),
    ("Police arrested Kenyan pastoralists near the border.", "Kenyan pastoralists", ["KENAGR"]),
    ("Nomads clashed with farmers in Chad.", "Nomads", ["TCDAGR"]),
    ("Bondholders agreed to postpone interest payments by Ecuador.", "Bondholders", ["BUS"]),
    ("Shareholders sued the company.", "Shareholders", ["BUS"]),
    ("Ghana agreed a debt deal with official creditors.", "official creditors", ["GOV"]),
    ("Election monitors criticised the vote count in Harare.", "Election monitors", ["ZWECVL"]),
    ("Mediators from Qatar met Hamas officials in Doha.", "Mediators", ["QATGOV"]),
])
def test_group_noun_resolves_to_its_sector(nlp, sentence, mention, expected):
    assert _resolve(nlp, sentence, mention, "2024-05-01") == expected


def test_group_noun_events(code):
    assert ("023", "CVL", "GOV") in _events(code, "Village elders called on the government to send troops.")
    assert ("AFGCVL", "AFGGOV") in _pairs(code, "Tribal elders in Helmand met Taliban officials.")
    assert ("111", "ZWECVL", None) in _events(code, "Election monitors criticised the vote count in Harare.")
    assert ("NGAAGR", "NGACVL") in _pairs(code, "Fulani pastoralists attacked villagers in Plateau state.")


@pytest.mark.parametrize("sentence", [
    "Observers said the vote was calm.",
    "Some observers believe the election was flawed.",
    "Creditors said talks would resume next week.",
    "Investors fretted about inflation on Monday.",
    "The elders' council building was damaged.",
])
def test_group_noun_alone_is_no_event(code, sentence):
    assert code(sentence, "2024-05-01") == []


def test_a_building_named_after_a_group_is_no_actor(nlp):
    assert _resolve(nlp, "The elders' council building was damaged.", "council building", "2024-05-01") == []
    assert _resolve(nlp, "The monitors' office in Harare was closed.", "office", "2024-05-01") == []


def test_leader_alone_stays_government(nlp):
    assert _resolve(nlp, "Kenyan leaders urged calm.", "Kenyan leaders", "2024-05-01") == ["KENGOV"]
    assert _resolve(nlp, "The army chief met tribal leaders.", "The army chief", "2024-05-01") == ["MIL"]


# -- an organisation's observers, envoys, troops and mediators act for it -------------------------
@pytest.mark.parametrize("sentence, mention, expected", [
    ("SADC observers endorsed the result on Sunday.", "SADC observers", ["IGOSAFSAD"]),
    ("OSCE monitors accused Russia of blocking their patrols.", "OSCE monitors", ["IGOEUROSC"]),
    ("IGAD mediators urged South Sudan's rivals to sign the deal.", "IGAD mediators", ["IGOEAFIGD"]),
    ("OAS observers praised the Bolivian election authorities.", "OAS observers", ["IGOAMROAS"]),
    ("The junta expelled ECOWAS observers from Niger.", "ECOWAS observers", ["IGOWAFECW"]),
    ("ECOWAS troops arrived in Gambia on Friday.", "ECOWAS troops", ["IGOWAFECW"]),
    ("The ASEAN envoy met the junta chief in Naypyitaw.", "The ASEAN envoy", ["IGOSEAASN"]),
    ("The government invited Commonwealth observers to the vote.", "Commonwealth observers", ["IGOCOMSEC"]),
])
def test_members_of_a_body_take_its_code(nlp, sentence, mention, expected):
    assert _resolve(nlp, sentence, mention, "2024-05-01") == expected


def test_observers_without_a_body_are_not_an_organisation(nlp):
    assert _resolve(nlp, "Zimbabwe barred Western election monitors.", "Western election monitors",
                    "2024-05-01") == ["CVL"]
    assert _resolve(nlp, "Independent observers in Kampala accused the ruling party of intimidation.",
                    "Independent observers", "2024-05-01") == ["UGACVL"]


@pytest.mark.parametrize("sentence, mention, expected", [
    ("The regional bloc SADC condemned the coup in Lesotho.", "The regional bloc SADC", ["IGOSAFSAD"]),
    ("The Southern African bloc SADC urged Madagascar to hold elections.", "The Southern African bloc SADC",
     ["IGOSAFSAD"]),
    ("ECOWAS, the West African bloc, imposed sanctions on Niger.", "ECOWAS", ["IGOWAFECW"]),
])
def test_bloc_in_apposition(nlp, sentence, mention, expected):
    assert _resolve(nlp, sentence, mention, "2024-05-01") == expected


# -- "the bloc" refers back to the organisation named last ----------------------------------------
def test_the_bloc_is_the_organisation_named_before(code):
    assert ("111", "IGOWAFECW", None) in _events(
        code, "ECOWAS leaders met in Abuja on Sunday. The leaders of the bloc condemned the coup.")
    assert ("IGOAFRAU", "NERMIL") in _pairs(
        code, "The African Union suspended Niger's membership. The regional bloc urged the junta to free Bazoum.")
    assert ("IGOWSTNAT", "RUS") in _pairs(code, "NATO ministers met in Brussels. The organisation warned Russia.")


def test_the_bloc_is_not_a_place_or_an_unnamed_body(code):
    # Brussels is where NATO met, not the EU that "Brussels" stands for elsewhere
    assert ("IGOEUREEC", "RUS") not in _pairs(code, "NATO ministers met in Brussels. The organisation warned Russia.")
    # a bloc of something else: not the organisation
    assert ("IGOWAFECW", None) not in _pairs(
        code, "ECOWAS met in Abuja on Sunday. The opposition bloc rejected the budget.")
    # no organisation named before: no organisation guessed
    assert all(not (s or "").startswith("IGO") for s, _ in _pairs(code, "Leaders of the bloc condemned the coup."))


# -- people dealing with a state from outside take no country from it -----------------------------
def test_relatives_take_no_country_from_the_state_they_address(code):
    assert ("CVL", "ISR") in _pairs(code, "Relatives of the hostages urged Israel to accept the deal.")
    assert ("CVL", "ISR") in _pairs(code, "Relatives of hostages held in Gaza urged Israel to accept the deal.")
    assert ("ISRCVL", "ISRGOV") in _pairs(code, "Relatives of Israeli hostages urged Netanyahu to accept the deal.")
    assert ("141", "KENCVL", None) in _events(code, "Relatives protested outside the parliament in Nairobi.")


def test_relatives_keep_the_country_of_the_state_acting_on_them(code):
    assert ("ISRMIL", "ISRCVL") in _pairs(code, "The Israeli army evacuated families from Sderot.")
    assert ("ITAMIL", "ITACVL") in _pairs(code, "The Italian navy evacuated families of naval officers from the base.")


def test_creditors_and_mediators_are_not_of_the_state_they_deal_with(nlp, code):
    assert ("0331", "BUS", None) in _events(code, "Creditors of Zambia agreed to restructure the debt.")
    assert _resolve(nlp, "Russia's creditors demanded payment.", "Russia's creditors", "2024-05-01") == ["BUS"]
    assert _resolve(nlp, "Zambia reached a deal with its bondholders.", "its bondholders", "2024-05-01") == ["BUS"]
    assert ("GOV", "ISR") in _pairs(code, "Mediators urged Israel and Hamas to accept the ceasefire.")
    assert ("BUS", "ARGGOV") in _pairs(code, "Investors sued the Argentine government.")
    assert ("ZWE", "CVL") in _pairs(code, "Zimbabwe barred Western election monitors.")


def test_outsiders_keep_a_country_of_their_own(nlp, code):
    assert _resolve(nlp, "Chinese creditors rejected Sri Lanka's proposal.", "Chinese creditors",
                    "2024-05-01") == ["CHNBUS"]
    assert ("QATGOV", "ISR") in _pairs(code, "Qatari mediators urged Israel to accept the ceasefire.")
    assert _resolve(nlp, "Creditors from China rejected the proposal.", "Creditors", "2024-05-01") == ["CHNBUS"]


# -- two groups of one sector are two actors -------------------------------------------------------
def test_two_groups_of_one_sector_are_two_actors(code):
    assert ("NGAAGR", "NGAAGR") in _pairs(code, "Herders attacked farmers in Benue state.")
    assert ("190", "NGAAGR", "NGAAGR") in _events(code, "Herders clashed with farmers in Benue state, police said.")
    assert ("BUS", "BUS") in _pairs(code, "Shareholders sued the company.")
    assert ("NGAAGR", "NGAAGR") in _pairs(code, "Herders and farmers clashed in Benue state.")


def test_one_state_body_is_not_two_actors(code):
    # a state body named twice is still one actor acting on itself: dropped
    assert ("NGACOP", "NGACOP") not in _pairs(code, "Nigerian police arrested officers in Lagos.")
    assert ("KENGOV", "KENGOV") not in _pairs(code, "The Kenyan government criticised the authorities.")
    # armed men told twice are one group
    assert ("AFGUAF", "AFGUAF") not in _pairs(
        code, "Gunmen stormed a police station in eastern Afghanistan, killing five officers in an assault"
              " launched by a suicide bomber.")


def test_two_tribal_leaders_are_a_group_not_a_plural_reference(code):
    assert ("AFGGOV", "AFGCVL") in _pairs(code, "The Taliban detained two tribal leaders in Kunduz.")
    assert ("BLRCOP", "BLROPP") in _pairs(code, "Police arrested two opposition leaders in Minsk.")
    assert ("NGACOP", "NGACVL") in _pairs(code, "Nigerian police detained two community leaders in Kano.")
    assert ("USAGOV", "CHNGOV") in _pairs(code, "Biden met Xi in Bali. The two leaders agreed to resume talks.")
