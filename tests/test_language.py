"""The language check: py3langid on the words that are not names, with a rule for short texts."""

from __future__ import annotations

import pytest

from tidings.errors import NotEnglish
from tidings.ingest.decode import english_probability, looks_english


@pytest.mark.parametrize("text", [
    # one-line news items heavy in names and figures, which a function-word count refused
    "Putin, Lukashenko agree $630m loan",
    "Xi Jinping meets Lula in Beijing",
    "Erdogan hosts Aliyev, Pashinyan in Ankara",
    "Tshisekedi accuses Kagame of backing M23",
    "KYIV, March 3 (Reuters) - Ukraine says it downed 12 drones",
    "IMF approves $3bn for Ghana",
    "Ramaphosa, Mokonyane at ANC rally",
    "Petro, ELN extend truce",
    # and ordinary English prose
    "The government said on Tuesday that it would send more troops to the border region after the attack.",
])
def test_english_headlines_datelines_and_names_pass(text):
    looks_english(text, 0.01)


@pytest.mark.parametrize("text,lang", [
    ("Le gouvernement a annoncé de nouvelles mesures pour les agriculteurs en difficulté.", "fr"),
    ("El presidente viajó a Bruselas para reunirse con la Comisión Europea el martes.", "es"),
    ("Die Regierung hat am Dienstag neue Sanktionen gegen Russland beschlossen.", "de"),
    ("Президент провёл переговоры с премьер-министром в понедельник.", "ru"),
    ("Pemerintah Indonesia menolak permintaan tersebut pada hari Senin.", "id"),
])
def test_other_languages_are_refused_with_the_language_named(text, lang):
    with pytest.raises(NotEnglish) as exc:
        looks_english(text, 0.01)
    assert repr(lang) in exc.value.reason


def test_too_few_common_words_to_judge():
    assert english_probability("Macron, Scholz, Meloni", 3) is None
    looks_english("Macron, Scholz, Meloni", 0.01)
