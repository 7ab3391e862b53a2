"""Events that were missed or coded with the wrong root (issue 10, acc3): each behaviour with sentences
where it fires and sentences of other senses where it must not. All sentences are made up for these tests."""

from __future__ import annotations

import pytest


def _codes(events) -> set[str]:
    return {e.cameo for e in events}


def _roots(events) -> set[str]:
    return {e.cameo_root for e in events}


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
    "Security forces opened fire on protesters in the capital on Friday, killing at least 60 people.",
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
