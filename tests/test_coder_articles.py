"""Constructions of wire-story text that hid events (issue 10, whole articles): asides in relative
clauses, relative clauses whose object is their antecedent, "…, a charge X denies", participle
phrases with their own agent, and first-person speech inside quotations. Each behaviour with
sentences where it fires and sentences where it must not. All sentences are made up for these tests."""

from __future__ import annotations

import pytest

from tidings.evaluate.events import country_part


def _tuples(events) -> set[tuple[str, str | None, str | None]]:
    """(root, source country, target country) of what a user sees by default, as the scorer reads them."""
    return {(e.cameo_root, country_part(e.source.code if e.source else None),
             country_part(e.target.code if e.target else None))
            for e in events if not e.negated and e.modality != "hypothetical"}


def _roots(events) -> set[str]:
    return {e.cameo_root for e in events if not e.negated and e.modality != "hypothetical"}


# --- a non-restrictive relative clause is the writer's aside, asserted, not the content around it --

@pytest.mark.parametrize(("text", "expected"), [
    ("Germany urged Iran on Tuesday to free the aid worker Nahid Taghavi, who was detained by Iranian "
     "security forces in 2020.", ("17", "IRN", None)),
    ("Lithuania accused Minsk of using migrants to put pressure on Brussels, which imposed new sanctions on "
     "Belarus last month.", ("16", "IGO", "BLR")),
    ("The foreign minister called on Caracas to release the Spanish journalist Ana Ruiz, who was arrested by "
     "Venezuelan police in March.", ("17", "VEN", "ESP")),
])
def test_coder_nonrestrictive_relative_clause_is_asserted(code, text, expected):
    root, src, tgt = expected
    assert any(r == root and s == src and (t == tgt or tgt is None) for r, s, t in _tuples(code(text, "2024-05-02")))


@pytest.mark.parametrize(("text", "forbidden"), [
    # restrictive clauses inside what is demanded or alleged stay its content
    ("Kenya accused Uganda of arming rebels who attacked border villages.", {"18", "19"}),
    ("Rights groups demanded that Egypt free the students who were arrested by police at the rally.", {"17"}),
])
def test_coder_restrictive_relative_clause_stays_content(code, text, forbidden):
    assert not _roots(code(text, "2024-05-02")) & forbidden


# --- a relative word, or none, stands for the antecedent as the object of the clause --------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Washington will lift the sanctions it imposed on Ankara in 2020.", ("16", "USA", "TUR")),
    ("Canada scrapped the tariffs that it had imposed on Chinese steel.", ("16", "CAN", "CHN")),
    ("Ghana rejected the charge that Togo made against it.", ("01", "GHA", None)),
])
def test_coder_relative_clause_object_is_its_antecedent(code, text, expected):
    root, src, tgt = expected
    assert any(r == root and s == src and (t == tgt or tgt is None) for r, s, t in _tuples(code(text, "2024-05-02")))


@pytest.mark.parametrize("text", [
    # the relative word is the subject: the antecedent acts, it is not acted on
    "The rebels, who imposed a curfew on the town, withdrew on Monday.",
    "Officials who imposed the new tariffs resigned on Monday.",
])
def test_coder_relative_subject_is_not_the_object(code, text):
    for e in code(text, "2024-05-02"):
        if e.trigger.text == "imposed":
            assert e.target is None or e.target.text.lower() not in ("the rebels", "officials")


# --- "…, a charge X denies": the fronted clause is the writer's report, not the denial's content ---

@pytest.mark.parametrize(("text", "expected"), [
    ("Ethiopia accused Eritrea of arming the rebels, a charge Asmara denies.", ("11", "ETH", "ERI")),
    ("Poland accused Belarus of pushing migrants across the border, a claim Minsk denies.", ("11", "POL", "BLR")),
    ("Colombia accused Venezuela of sheltering the guerrillas, a charge Caracas denies.", ("11", "COL", "VEN")),
])
def test_coder_accusation_before_a_denied_charge_is_kept(code, text, expected):
    events = code(text, "2024-05-02")
    assert expected in _tuples(events)
    assert "01" in _roots(events)  # the denial too


@pytest.mark.parametrize(("text", "forbidden"), [
    ("Asmara denied that Eritrea had armed the rebels.", {"07"}),
    ("The ministry denied reports that its troops had shelled the town.", {"19"}),
])
def test_coder_denied_content_stays_uncoded(code, text, forbidden):
    assert not _roots(code(text, "2024-05-02")) & forbidden


# --- a participle phrase with its own agent: the agent acts, on the parties of the clause ----------

@pytest.mark.parametrize(("text", "expected"), [
    ("Armenia and Azerbaijan exchanged prisoners on Thursday in a swap mediated by Qatar.",
     {("04", "QAT", "ARM"), ("04", "QAT", "AZE")}),
    ("Sudan and South Sudan agreed to reopen their border in a deal brokered by Ethiopia.",
     {("04", "ETH", "SDN"), ("04", "ETH", "SSD")}),
    ("Moscow expelled five Latvian diplomats in response to sanctions imposed by Riga.",
     {("16", "LVA", "RUS")}),
])
def test_coder_participle_with_agent_acts_on_the_parties(code, text, expected):
    assert expected <= _tuples(code(text, "2024-05-02"))


def test_coder_co_mediators_do_not_mediate_between_themselves(code):
    events = code("Qatar and Egypt mediated the talks in Cairo on Sunday.", "2024-05-02")
    assert not {("04", "QAT", "EGY"), ("04", "EGY", "QAT")} & _tuples(events)


@pytest.mark.parametrize(("text", "participle"), [
    # on another act's object with no one acted on: background (joining the strike is the event)
    ("Nigerian doctors joined the strike called by the Nigeria Medical Association on Monday.", "called"),
    ("Farmers backed the protest organised by the Polish farmers' union on Monday.", "organised"),
    # no agent: an adjective
    ("Soldiers stationed in the region were put on alert on Monday.", "stationed"),
])
def test_coder_participle_without_patient_or_agent_is_not_coded(code, text, participle):
    assert all(e.trigger.text != participle for e in code(text, "2024-05-02"))


# --- a passive relative clause without agent is a description ("a detained journalist") -----------

@pytest.mark.parametrize("text", [
    "Kenya freed a journalist who had been detained for a month.",
    "A court lifted a travel ban on a German reporter who was arrested last year.",
])
def test_coder_agentless_passive_relative_clause_is_not_coded(code, text):
    assert "17" not in _roots(code(text, "2024-05-02"))


def test_coder_passive_relative_clause_with_agent_is_coded(code):
    events = code("Iran freed a French tourist who was arrested by the Revolutionary Guards in May.", "2024-06-02")
    assert any(r == "17" and s == "IRN" and t == "FRA" for r, s, t in _tuples(events))


# --- first person inside a quotation: the speaker -----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ('"We will send 1,000 police officers to Haiti," Kenyan President William Ruto said on Friday.', ("KEN", "03")),
    ('"Our forces shelled the rebel positions overnight," the Ukrainian army said on Monday.', ("UKR", "19")),
    ('"I have decided to lift the curfew in the capital," Ghana\'s president said.', ("GHA", "03")),
])
def test_coder_first_person_in_a_quote_is_the_speaker(code, text, expected):
    country, root = expected
    events = [e for e in code(text, "2024-05-02") if e.cameo_root == root]
    assert events and all(e.source is not None and e.source.country == country
                          or e.target is not None and e.target.country == country for e in events)


@pytest.mark.parametrize("text", [
    # outside quotation marks "we" has no speaker to take
    "We will send more police officers to Haiti, a Kenyan official said on Friday.",
    # a quotation with no attribution in the sentence
    '"We will send more police officers to Haiti."',
])
def test_coder_first_person_without_a_quoted_speaker_is_unknown(code, text):
    for e in code(text, "2024-05-02"):
        assert e.source is None or e.source.country != "KEN" or e.source.text.lower() not in ("we",)


# --- an indirect question is no event; a future-time clause takes its main clause's modality -------

@pytest.mark.parametrize("text", [
    "Their commanders did not say when they would begin operations against the gangs.",
    "Officials did not say when the troops would withdraw from the town.",
    "The ministry would not say how the prisoners would be released.",
])
def test_coder_indirect_question_is_not_asserted_or_threatened(code, text):
    assert not [e for e in code(text, "2024-05-02") if not e.negated and e.modality != "hypothetical"]


@pytest.mark.parametrize("text", [
    # "when" of a time clause, not of a question
    "Police arrested the opposition leader when he arrived at the airport.",
    "The army said it shelled rebel positions when the ceasefire collapsed.",
])
def test_coder_time_clause_with_when_is_asserted(code, text):
    assert [e for e in code(text, "2024-05-02") if e.modality == "asserted" and e.cameo_root in ("17", "19")]


@pytest.mark.parametrize("text", [
    "The rebels have said talks can begin only after a deal with the government is signed.",
    "The opposition said it would hold talks once a deal with the army is signed.",
    "Kyiv said prisoners could be exchanged after an agreement with Moscow is signed.",
])
def test_coder_present_tense_time_clause_of_a_future_is_not_asserted(code, text):
    assert not [e for e in code(text, "2024-05-02") if e.cameo_root == "05" and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    # past tense: the signing happened
    "Talks began after a deal with the rebels was signed in Doha.",
    "Fighting in the border region stopped once Sudan and South Sudan signed the agreement.",
])
def test_coder_past_time_clause_stays_asserted(code, text):
    assert [e for e in code(text, "2024-05-02") if e.cameo_root == "05" and e.modality == "asserted"]
