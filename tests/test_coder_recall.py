"""Events that were missed or coded with the wrong root (issue 10, acc3): each behaviour with sentences
where it fires and sentences of other senses where it must not. All sentences are made up for these tests."""

from __future__ import annotations

import pytest

from tests.coded import codes as _codes
from tests.coded import roots as _roots

# --- armed men of any side killing civilians in large numbers: a mass killing (202) -----------------

@pytest.mark.parametrize("text", [
    "Government soldiers killed more than 300 villagers in the district of Kilo last month, a rights group said.",
    "Militiamen and army troops killed about 120 civilians in the town of Dobo on Sunday.",
    "Gunmen killed 95 worshippers in a gun and grenade attack on a church in Benin on Sunday.",
    "Police officers massacred dozens of farmers in a village near Lake Chad, witnesses said.",
    "Rebel fighters killed hundreds of civilians after they captured the town of Koro.",
])
def test_coder_armed_men_killing_many_civilians_is_mass_killing(code, text):
    assert "202" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    # protesters among the victims: repression (175), however many die
    "At least 60 people died on Friday when riot police fired on demonstrators in the capital.",
    "Soldiers killed more than 50 demonstrators at a rally in the capital on Friday.",
    # few victims; fighters as victims; a bomb as the killer
    "Soldiers killed three villagers in the district of Kilo last month.",
    "Army troops killed 80 rebel fighters in the hills near Dobo on Sunday.",
    "A car bomb killed 70 people at a market in the capital on Sunday.",
])
def test_coder_other_killings_are_not_mass_killing(code, text):
    assert "202" not in _codes(code(text, "2024-03-04"))


# --- a mortar is a weapon of attack: its explosion is no accident ------------------------------------

@pytest.mark.parametrize("text", [
    "A mortar round exploded in a crowded bus station in Donetsk on Monday, killing 12 civilians.",
    "Mortar bombs exploded near a school in Mogadishu on Tuesday, killing five pupils.",
    "An artillery shell exploded in a market in Kharkiv on Friday, killing nine people.",
])
def test_coder_mortar_explosions_are_attacks(code, text):
    assert _roots(code(text, "2024-03-04")) & {"18", "19"}


@pytest.mark.parametrize("text", [
    "A gas cylinder exploded in a crowded restaurant in Lagos on Monday, killing 12 people.",
    "A boiler exploded at a textile factory in Dhaka on Tuesday, killing five workers.",
])
def test_coder_accidental_explosions_stay_uncoded(code, text):
    assert not _roots(code(text, "2024-03-04")) & {"18", "19", "20"}


# --- blocking access to media, cutting the internet: restrictions on speech (1721) ------------------

@pytest.mark.parametrize("text", [
    "Turkey blocked access to Wikipedia on Saturday.",
    "Pakistan restricted access to X and YouTube on Monday.",
    "Ethiopia cut access to the internet in the Amhara region on Thursday.",
    "Myanmar's junta cut mobile internet services on Monday.",
    "The Ugandan government switched off two private radio stations on Friday.",
])
def test_coder_media_and_internet_cut_offs_restrict_speech(code, text):
    assert "1721" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "Israeli troops blocked access to the village of Beita on Monday.",
    "Hungary restricted access to its border crossings on Tuesday.",
    "Russia cut gas supplies to Moldova on Sunday.",
])
def test_coder_other_access_cut_offs_are_not_speech_restrictions(code, text):
    assert "1721" not in _codes(code(text, "2024-03-04"))


# --- a state or level of alert, readiness checks: raising military alert (152) ----------------------

@pytest.mark.parametrize("text", [
    "Egypt's armed forces were put on their highest state of alert on Sunday.",
    "Pakistan placed its air force on a higher level of alert on Tuesday.",
    "President Vladimir Putin ordered snap combat readiness checks of the Pacific Fleet on Friday.",
])
def test_coder_alert_states_and_readiness_checks_raise_alert(code, text):
    assert "152" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "The Egyptian president was put on a state visit programme by his hosts.",
    "Putin ordered checks of the tax returns of Russian officials on Friday.",
])
def test_coder_other_states_and_checks_are_no_alert(code, text):
    assert "152" not in _codes(code(text, "2024-03-04"))


# --- "gave X until noon / one week to do Y": an ultimatum (139) --------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("The African Union gave Mali's junta two weeks to restore civilian rule or face sanctions.", "IGO", "MLI"),
    ("Britain gave Iran until Friday to release the tanker.", "GBR", "IRN"),
    ("Turkey gave Syria 48 hours to hand over the suspects.", "TUR", "SYR"),
])
def test_coder_deadlines_given_to_an_actor_are_ultimatums(code, text, source, target):
    assert (source, target) in {((e.source.code or "")[:3] if e.source else None,
                                 (e.target.code or "")[:3] if e.target else None)
                                for e in code(text, "2024-03-04") if e.cameo == "139"}


@pytest.mark.parametrize("text", [
    "Egypt gave Sudan a loan last week to pay for fuel imports.",
    "The Kenyan president gave a speech on Monday to mark the anniversary of independence.",
    "Kenya gave Somalia's president a warm welcome last week to mark the new ties.",  # "last week": when, not how long
])
def test_coder_gifts_and_speeches_are_no_ultimatums(code, text):
    assert "139" not in _codes(code(text, "2024-03-04"))


# --- a hunger strike or a general strike launched is no military strike ------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Jailed Bahraini activist Abdulhadi al-Khawaja launched a hunger strike on Monday.", "142"),
    ("Turkish opposition lawmakers began a hunger strike on Friday.", "142"),
    ("Nigeria's labour unions launched a general strike on Monday against the fuel price rise.", "143"),
    ("Argentine unions started a nationwide strike on Wednesday.", "143"),
])
def test_coder_hunger_and_general_strikes_launched_are_protests(code, text, want):
    ev = code(text, "2024-03-04")
    assert want in _codes(ev)
    assert "19" not in _roots(ev)


@pytest.mark.parametrize("text", [
    "Israel launched air strikes on Hezbollah positions in Lebanon on Monday.",
    "The United States launched a strike on an Iranian-backed militia in Syria on Friday.",
])
def test_coder_military_strikes_launched_stay_force(code, text):
    ev = code(text, "2024-03-04")
    assert not _codes(ev) & {"142", "143"}
    assert "19" in _roots(ev)


# --- "X said Y must / has to / should Z" is X's demand or appeal, whatever Z is (GUIDELINES 10.5) ----

@pytest.mark.parametrize(("text", "root", "source", "target"), [
    ("The Greek prime minister said on Monday that Britain has to return the marbles it took from Athens.",
     "10", "GRC", "GBR"),
    ("The French president said Iran needs to answer the questions of the inspectors.", "10", "FRA", "IRN"),
    ("The Chinese foreign ministry said Japan should face up to its wartime history.", "02", "CHN", "JPN"),
])
def test_coder_duties_told_by_a_speaker_are_demands(code, text, root, source, target):
    assert (source, target) in {((e.source.code or "")[:3] if e.source else None,
                                 (e.target.code or "")[:3] if e.target else None)
                                for e in code(text, "2024-03-04") if e.cameo_root == root}


@pytest.mark.parametrize("text", [
    "Putin said Russia has to strengthen its army.",  # the speaker's own country: no demand on another
    "The minister said the plane must have crashed in the sea.",  # a guess, not a duty
    "Germany has to pay more for its gas this winter.",  # nobody speaks
])
def test_coder_other_musts_are_no_demands(code, text):
    assert not _roots(code(text, "2024-03-04")) & {"02", "10"}


# --- "turned to X for help / a bailout": an appeal for aid to X (023, 0231) ---------------------------

@pytest.mark.parametrize(("text", "want", "source", "target"), [
    ("Sri Lanka turned to the IMF for a bailout in March.", "0231", "LKA", "IGO"),
    ("Egypt turned to Saudi Arabia for a loan of five billion dollars.", "0231", "EGY", "SAU"),
    ("Lebanon turned to France for military support after the blast.", "023", "LBN", "FRA"),
])
def test_coder_turning_to_an_actor_for_help_is_an_appeal(code, text, want, source, target):
    assert (source, target) in {((e.source.code or "")[:3] if e.source else None,
                                 (e.target.code or "")[:3] if e.target else None)
                                for e in code(text, "2024-03-04") if e.cameo == want}


@pytest.mark.parametrize("text", [
    "The Kenyan designer turned to China for inspiration.",
    "Students in Ghana turned to page five for the answers.",
])
def test_coder_turning_to_other_things_is_no_appeal(code, text):
    assert "02" not in _roots(code(text, "2024-03-04"))


# --- "ordered the army to full combat readiness": raising military alert (152) -----------------------

@pytest.mark.parametrize("text", [
    "Azerbaijan's president ordered the armed forces to full combat readiness on Tuesday.",
    "Pakistan's army chief ordered troops to a state of high alert on Friday.",
    "The Serbian president ordered the army to the highest level of combat readiness.",
])
def test_coder_ordering_forces_to_readiness_raises_alert(code, text):
    assert "152" in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize("text", [
    "The Nigerian governor ordered the troops to the border on Monday.",
    "The Indian court ordered the company to restore the river to its original level.",
])
def test_coder_other_orders_are_no_alert(code, text):
    assert "152" not in _codes(code(text, "2024-03-04"))


def _pairs(events, root: str) -> set[tuple[str | None, str | None]]:
    return {((e.source.code or "")[:3] if e.source else None, (e.target.code or "")[:3] if e.target else None)
            for e in events if e.cameo_root == root or e.cameo == root}


# --- shared views of a coordinated subject: 019 each with the other ---------------------------------

@pytest.mark.parametrize(("text", "a", "b"), [
    ("The Egyptian and Jordanian foreign ministers said they had identical views on the Gaza crisis.", "EGY", "JOR"),
    ("Indonesia and Malaysia expressed agreement on Monday on the need to protect palm oil exports.", "IDN", "MYS"),
    ("Brazil and Argentina held similar positions on the trade talks, their ministers said.", "BRA", "ARG"),
])
def test_coder_shared_views_are_019_each_way(code, text, a, b):
    assert {(a, b), (b, a)} <= _pairs(code(text, "2024-03-04"), "019")


@pytest.mark.parametrize("text", [
    "Egypt expressed support for the agreement between Sudan and South Sudan.",
    "The Kenyan opposition held a rally in Nairobi with similar slogans.",
])
def test_coder_other_expressions_and_holdings_are_no_shared_view(code, text):
    assert "019" not in _codes(code(text, "2024-03-04"))


# --- intelligence sharing resumed or begun (064); troops ordered to leave are expelled (166) ---------

@pytest.mark.parametrize(("text", "want", "a", "b"), [
    ("Britain resumed intelligence sharing with Colombia on Monday.", "064", "GBR", "COL"),
    ("Japan and South Korea began intelligence sharing on North Korean missile launches.", "064", "JPN", "KOR"),
    ("Niger's junta ordered French troops to leave the country within a month.", "166", "NER", "FRA"),
    ("Mali ordered the U.N. peacekeeping mission to leave the country.", "166", "MLI", "IGO"),
])
def test_coder_sharing_resumed_and_forces_ordered_out(code, text, want, a, b):
    assert (a, b) in _pairs(code(text, "2024-03-04"), want)


@pytest.mark.parametrize("text", [
    "The Israeli army ordered residents to leave their homes in the north of Gaza City.",
    "Britain resumed talks with Colombia on a trade deal on Monday.",
])
def test_coder_evacuation_orders_and_other_resumptions_are_not_166_or_064(code, text):
    assert not _codes(code(text, "2024-03-04")) & {"166", "064"}


# --- ritual offerings (017), relief ferried (073), protest notes handed over (114) -------------------

@pytest.mark.parametrize(("text", "want"), [
    ("South Korea's president sent a ritual offering to the national cemetery on Monday.", "017"),
    ("China's premier made a floral offering at the monument in Beijing.", "017"),
    ("Turkish navy ships ferried food and medicine to Libya on Friday.", "073"),
    ("Indian air force planes ferried tents and blankets to Nepal after the earthquake.", "073"),
    ("Estonia's foreign ministry handed a protest note to the Russian ambassador on Monday.", "114"),
    ("Poland delivered a protest letter to the Belarusian envoy on Friday.", "114"),
])
def test_coder_offerings_ferried_relief_and_protest_notes(code, text, want):
    assert want in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize(("text", "not_want"), [
    ("The Kenyan bank sent a share offering to investors.", "017"),
    ("Greek ferries ferried tourists to the island of Crete.", "073"),
    ("Japan's foreign ministry handed a note to the Chinese ambassador on Monday.", "114"),
])
def test_coder_other_offerings_ferries_and_notes(code, text, not_want):
    assert not_want not in _codes(code(text, "2024-03-04"))


# --- "X hopes / wants Y to Z": X's appeal to Y; Z itself is no event (GUIDELINES 10.5) -------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Egypt hopes Israel will withdraw from Gaza.", "EGY", "ISR"),
    ("France wants Iran to release the detained French nationals, the foreign minister said.", "FRA", "IRN"),
    ("Indian Prime Minister Narendra Modi said he hoped Pakistan would resume talks soon.", "IND", "PAK"),
])
def test_coder_wishes_about_others_are_appeals(code, text, source, target):
    ev = code(text, "2024-03-04")
    assert (source, target) in _pairs(ev, "02")
    assert not _roots(ev) - {"02"}


@pytest.mark.parametrize("text", [
    "Putin hopes Russia will sign a deal with China.",  # the wisher's own country: no appeal to another
    "Analysts fear that China could blockade Taiwan.",  # a fear by nobody named
    "Residents of the border town hope that Israel will withdraw its troops.",  # no known wisher
])
def test_coder_other_wishes_are_no_appeals(code, text):
    assert "02" not in _roots(code(text, "2024-03-04"))


# --- verb coverage, second pass (issue 10, acc4): missing triggers ------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    # a court finds X guilty or liable: 116
    ("A Paris court found the former minister guilty of embezzlement.", "116"),
    ("A military tribunal in Kinshasa found three rebel commanders guilty of war crimes.", "116"),
    ("Judges in The Hague found the Serbian general liable for the deaths of civilians.", "116"),
    # legal action against an actor: 115
    ("Poland launched legal action against the European Commission over the migration pact.", "115"),
    ("The Netherlands launched legal action against Russia at the European Court of Human Rights.", "115"),
    ("Ireland filed legal action against Britain over the amnesty law.", "115"),
    # a mediation effort, bid or initiative: 045
    ("Qatar launched a mediation effort between Hamas and Israel.", "045"),
    ("Turkey began a mediation bid between Russia and Ukraine.", "045"),
    ("Norway started a mediation initiative between the Colombian government and the rebels.", "045"),
    # security forces club protesters: 175
    ("Riot police clubbed demonstrators outside parliament in Nairobi.", "175"),
    ("Soldiers clubbed protesters with batons in central Minsk.", "175"),
    ("Police clubbed students at the university in Dhaka on Monday.", "175"),
    # relief handed over: 073
    ("Japan handed over medical supplies to the government of Nepal.", "073"),
    ("China handed over vaccines to Cambodia on Monday.", "073"),
    ("Germany handed over tents and blankets to Turkey after the earthquake.", "073"),
    # medical, food or relief supplies or equipment given, donated or handed over: 073
    ("Turkey gave medical equipment to Libya last week.", "073"),
    ("Japan donated emergency relief supplies to Mongolia.", "073"),
    ("The EU handed over medical equipment to the health ministry of Ghana.", "073"),
])
def test_coder_second_pass_triggers(code, text, want):
    assert want in _codes(code(text, "2024-03-04"))


@pytest.mark.parametrize(("text", "not_want"), [
    ("The inspectors found the reactor safe after a week of tests.", "116"),
    ("The minister found the report helpful, his spokesman said.", "116"),
    ("Russia launched military action against Ukraine in February.", "115"),
    ("The government promised swift action against corruption.", "115"),
    ("Qatar launched a fundraising effort for flood victims in Pakistan.", "045"),
    ("The army launched a rescue mission in the mountains of Nepal.", "045"),
    ("The golfer clubbed the ball into the water on the last hole.", "175"),
    ("The rebels handed over their weapons to the army.", "073"),
    ("The coach handed over the captaincy to his deputy.", "073"),
    ("Britain gave military equipment to Ukraine.", "073"),
    ("The firm gave office supplies to the school in Accra.", "073"),
    ("Doctors in Britain recommend regular exercise for older people.", "150"),
    ("Russia began joint military exercises with Belarus near the Polish border.", "150"),
    ("The police disbursed the demonstrators with tear gas.", "071"),
    ("The charity's accounts show how it disbursed donations in 2020.", "071"),
])
def test_coder_second_pass_other_senses(code, text, not_want):
    assert not_want not in _codes(code(text, "2024-03-04"))
