"""Transfers, aid and returns: the recipient is the target (``data/lexicon/transfers.tsv`` and the
recipient rules of ``coding/roles.py``: ``TRANSFER_CODES``, ``_recipient_place``, ``_given_people``,
``addressee_text``). Each behaviour has sentences where it fires and sentences of other senses where it
must not. All sentences are made up for these tests."""

from __future__ import annotations

import pytest

from tests.coded import codes as _codes
from tests.coded import pairs as _pairs

TRANSFER_ROOTS = ("06", "07", "033", "0842")


def _transfers(events):
    return [e for e in events if e.cameo.startswith(TRANSFER_ROOTS)]


def _recipients(events) -> set[tuple[str | None, str | None]]:
    return {((e.source.code or "")[:3] if e.source else None, (e.target.code or "")[:3] if e.target else None)
            for e in _transfers(events)}


# --- 1. the recipient, not the thing given, is the target ------------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    # people sent with the goods are the giver's own, not the recipient
    ("Spain sent 40 armoured trucks and a squad of paratroopers to Senegal.", "ESP", "SEN"),
    ("Canada flew six trucks and a unit of army medics to Jordan last week.", "CAN", "JOR"),
    # a place the aid goes to names the state when no actor receives it
    ("The European Union provided 200 million euros for humanitarian assistance in eastern Congo.", "IGO", "COD"),
    ("Sweden provided $12 million for relief work in northern Ethiopia.", "SWE", "ETH"),
    # people of no country, placed by their own phrase
    ("Norway announced $20 million in assistance to people displaced by fighting in Sudan.", "NOR", "SDN"),
    ("Ireland announced $9 million in aid to villagers hit by a drought in Malawi.", "IRL", "MWI"),
    # the recipient as indirect object or before "with"
    ("France gave Lebanon 40 tonnes of medicine.", "FRA", "LBN"),
    ("China provided Cambodia with military trucks and uniforms.", "CHN", "KHM"),
    # troops for a force in a country protect that country (GUIDELINES 07)
    ("Ghana sent 300 soldiers to the African Union force in Somalia.", "GHA", "SOM"),
])
def test_transfer_target_is_the_recipient(code, text, source, target):
    assert (source, target) in _recipients(code(text, "2024-05-01"))


@pytest.mark.parametrize(("text", "thing"), [
    ("Spain sent 40 armoured trucks and a squad of paratroopers to Senegal.", "paratroopers"),
    ("Denmark provided $15 million for assistance in southern Somalia.", "assistance"),
    ("Ireland announced $9 million in aid to villagers hit by a drought in Malawi.", "villagers"),
])
def test_transfer_target_is_never_the_thing_given(code, text, thing):
    events = _transfers(code(text, "2024-05-01"))
    assert events
    assert all(e.target is None or thing not in e.target.text for e in events)


def test_weapons_sent_are_never_the_target(code):
    events = code("NATO sent more ships and fighter jets to the Baltic region on Monday.", "2024-05-01")
    assert all(e.target is None or "jets" not in e.target.text for e in events)


def test_transfer_place_target_shows_the_place_name(code):
    events = _transfers(code("Sweden provided $12 million for relief work in northern Ethiopia.", "2024-05-01"))
    assert any(e.target is not None and "Ethiopia" in e.target.text for e in events)


@pytest.mark.parametrize("text", [
    "Japan sent its condolences to Turkey after the earthquake.",
    "The agency sent a team of inspectors to Iran.",
    "The chancellor gave a speech to trade union leaders in Lyon.",
])
def test_other_sendings_and_givings_are_no_aid(code, text):
    assert not _transfers(code(text, "2024-05-01"))


# --- 2. transfers that had no event ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "cameo", "source", "target"), [
    ("Britain made available two field hospitals to Sierra Leone.", "073", "GBR", "SLE"),
    ("Norway made available field ambulances and nurses to fight the cholera outbreak in Liberia.", "073", "NOR", "LBR"),
    ("Japan has made available 30 million dollars to Sri Lanka.", "071", "JPN", "LKA"),
    ("Belarus gave to Kazakhstan some of its old tanks.", "072", "BLR", "KAZ"),
    ("South Korea gave to Vietnam two decommissioned corvettes.", "072", "KOR", "VNM"),
    ("Italy sent a team of doctors to Albania after the earthquake.", "073", "ITA", "ALB"),
    ("Japan sent a team of engineers to Kenya to inspect the dam.", "070", "JPN", "KEN"),
    ("Ancient coins were returned by British customs officers to Egypt on Friday.", "0842", "GBR", "EGY"),
    ("The Dutch government repatriated 478 looted bronzes to Nigeria.", "0842", "NLD", "NGA"),
    ("Japan provided $50 million in ODA to Laos.", "071", "JPN", "LAO"),
    ("Tokyo handed over more than $2 million worth of medicines to Mongolia.", "073", "JPN", "MNG"),
    ("Turkey donated some of its military equipment to Somalia.", "072", "TUR", "SOM"),
    ("Poland supplied military hardware to Ukraine last year.", "072", "POL", "UKR"),
    ("Japan is willing to provide its disaster expertise to Nepal.", "031", "JPN", "NPL"),
    ("Italian police returned a gold necklace to Egyptian authorities.", "0842", "ITA", "EGY"),
    ("The European Union earmarked 4 million euros in aid for Chad.", "033", "IGO", "TCD"),
])
def test_missing_transfers_are_coded(code, text, cameo, source, target):
    assert (source, target) in _pairs(code(text, "2024-05-01"), cameo)


@pytest.mark.parametrize("text", [
    "The announcement sent shockwaves through the market.",
    "The former president returned to power in 2019.",
    "The rebels gave up after three days.",
    "The judge handed down a sentence of ten years to the smuggler.",
    "The deal will go ahead provided that parliament approves it.",
    "The company made available its annual report to shareholders.",
    "The team returned home on Sunday.",
    "The singer returned the award to the academy in protest.",
])
def test_other_senses_are_no_transfer(code, text):
    events = code(text, "2024-05-01")
    assert not _transfers(events)
    assert "080" not in _codes(events) or "gave up" in text


# --- 3. statements and threats delivered "to X": X is the target ------------------------------------------

@pytest.mark.parametrize(("text", "cameo", "target"), [
    ("The finance minister sent a letter to the chief of the IMF threatening to halt repayments.", "131", "IGO"),
    ("The minister sent a letter to the UN Secretary-General threatening to withdraw from the mission.", "131", "IGO"),
    ("Japan conveyed its concerns to the Chinese ambassador.", "012", "CHN"),
    ("The army chief delivered a warning to the rebel commanders.", "130", "REB"),
])
def test_statement_delivered_to_an_addressee_targets_it(code, text, cameo, target):
    assert target in {t for _s, t in _pairs(code(text, "2024-05-01"), cameo)}


@pytest.mark.parametrize(("text", "cameo", "addressee"), [
    ("The premier issued an ultimatum to her coalition partners.", "139", "coalition partners"),
    ("The union leader gave a stern warning to the striking dockers.", "130", "dockers"),
])
def test_statement_to_uncoded_people_keeps_the_addressee_as_text(code, text, cameo, addressee):
    events = [e for e in code(text, "2024-05-01") if e.cameo == cameo]
    assert any(e.target is not None and addressee in e.target.text for e in events)


@pytest.mark.parametrize("text", [
    "The minister gave an interview to the BBC on Monday.",
    "The company sent a statement to reporters.",
])
def test_speech_to_an_audience_is_no_event(code, text):
    assert not code(text, "2024-05-01")
