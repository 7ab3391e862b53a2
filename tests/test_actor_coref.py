"""Coreference in the actor resolver: antecedents at the event date, pronouns in subordinate clauses,
a pronoun after a quoted statement, and surnames after a full mention."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text: str, word: str, date: str, published: str | None = None, nth: int = 0) -> list[str]:
        doc = nlp.make_doc(text)
        doc.user_data["tidings_published"] = published or date
        with nlp.select_pipes(disable=["tidings_coder"]):
            doc = nlp(doc)
        tok = [t for t in doc if t.text == word][nth]
        return [a.code for a in doc._.actor_index.resolve(tok, date) if a.code]

    return run


def test_pronoun_takes_the_role_its_antecedent_held_on_the_event_date(resolve):
    text = "Angela Merkel spoke in Berlin on Monday. She criticised the government's plan."
    assert resolve(text, "She", "2004-03-10", published="2010-05-01") == ["DEUOPP"]
    assert resolve(text, "She", "2010-05-01") == ["DEUGOV"]


def test_the_two_leaders_are_resolved_at_the_event_date(resolve):
    text = "Merkel and Putin met in Sochi. The two leaders disagreed."
    assert resolve(text, "leaders", "2004-03-10", published="2015-05-10") == ["DEUOPP", "RUSGOV"]


def test_pronoun_in_a_following_subordinate_clause_takes_the_clause_antecedent(resolve):
    text = "Kenyan police detained dozens of students after they rallied outside the ministry."
    assert resolve(text, "they", "2024-06-25") == ["KENEDU"]  # the students, not the police
    assert resolve("The army withdrew from the town after it lost dozens of soldiers.", "it", "2024-06-25") == ["MIL"]


def test_it_after_a_quoted_statement_is_the_speaker(resolve):
    text = '"The authorities must free everyone held," Amnesty International said on Monday. It urged the government to act.'
    assert resolve(text, "It", "2023-01-10") == ["NGOAMN"]


def test_a_surname_after_a_full_mention_is_that_person(resolve):
    text = "UN Secretary-General Ban Ki-moon arrived in Haiti, and Ban promised more help."
    assert resolve(text, "Ban", "2010-01-17", nth=1) == ["IGOUNO"]
    text = "Chancellor Olaf Scholz met President Joe Biden in Washington, where Scholz defended his China policy."
    assert resolve(text, "Scholz", "2023-03-03", nth=1) == ["DEUGOV"]


def test_a_state_name_inside_a_person_name_is_not_the_state(resolve):
    assert resolve("Michael Jordan donated money to charities.", "Jordan", "2020-06-05") == []
    assert resolve("Jordan closed its border crossing with Syria.", "Jordan", "2015-04-02") == ["JOR"]
    assert resolve("Georgia Governor Brian Kemp signed a new election law.", "Kemp", "2021-03-25") == ["USAGOV"]
    assert resolve("Georgia applied for EU membership days after Russia invaded Ukraine.", "Georgia", "2022-03-03") == ["GEO"]


def test_a_title_gives_a_known_person_the_role_the_data_lacks(resolve):
    text = "US commander David Petraeus held talks with Lebanese officials in Beirut."
    assert resolve(text, "Petraeus", "2008-08-06") == ["USAMIL"]
    # "former" keeps the elite reading
    assert resolve("Former Chancellor Angela Merkel defended her energy policy.", "Merkel", "2022-06-07") == ["DEUELI"]


@pytest.mark.parametrize(("text", "word", "code"), [
    # an organisation named as the possessor of a head no actor word names still counts as mentioned,
    # so its short name refers back to it
    ("The International Monetary Fund's executive board approved the loan on Monday. "
     "Zambia first asked the Fund for help in 2021.", "Fund", "IGOIMF"),
    ("The World Health Organization's annual assembly opened in Geneva. "
     "Chad asked the Organization for more vaccines.", "Organization", "IGOUNOWHO"),
])
def test_a_name_owning_an_unnamed_head_is_still_a_mention(resolve, text, word, code):
    assert resolve(text, word, "2024-05-01", nth=1) == [code]


@pytest.mark.parametrize(("text", "word", "codes"), [
    ("The Arakan Liberation Army attacked a police post.", "Army", ["REB"]),
    ("The Karenni Liberation Front seized two villages.", "Front", ["REB"]),
    ("Fighters of the Mon Liberation Army burned a bridge.", "Army", ["REB"]),
])
def test_a_word_of_an_agent_phrase_lends_no_country(resolve, text, word, codes):
    # "Liberation" is also the name of a French newspaper: inside "… Liberation Army" it is part of the agent
    assert resolve(text, word, "2024-05-01") == codes


@pytest.mark.parametrize(("text", "word", "codes"), [
    ("Liberation reported on Monday that the minister had resigned.", "Liberation", ["FRAMED"]),
    ("The Sudan Liberation Army attacked a police post.", "Army", ["SDNREB"]),
])
def test_names_beside_an_agent_phrase_still_count(resolve, text, word, codes):
    assert resolve(text, word, "2024-05-01") == codes


@pytest.mark.parametrize(("text", "word", "codes"), [
    ("The Liberation Tigers of Tamil Eelam attacked a navy base. The Tigers demanded talks.", "Tigers", ["LKAREB"]),
    ("The International Monetary Fund approved a loan to Egypt. The Fund demanded cuts.", "Fund", ["IGOIMF"]),
    ("Iran's Revolutionary Guards seized a tanker. The Guards said it broke the rules.", "Guards", ["IRNMIL"]),
])
def test_a_word_of_a_name_told_before_refers_back_to_it(resolve, text, word, codes):
    assert resolve(text, word, "2008-05-01", nth=1 if text.count(word) > 1 else 0) == codes


def test_a_one_word_name_with_no_longer_name_before_keeps_its_own_entry(resolve):
    assert resolve("The Taliban attacked a police post. The Taliban said the attack was revenge.", "Taliban", "2015-05-01",
                   nth=1) == ["AFGREB"]
    assert resolve("The European Commission fined Google. The Fund was not involved.", "Fund", "2015-05-01") == []


@pytest.mark.parametrize(("text", "word", "codes"), [
    ("Egypt, Sudan and Ethiopia met in Khartoum. The three governments agreed to meet again.", "governments",
     ["EGY", "SDN", "ETH"]),
    ("Chile, Peru and Bolivia signed a water deal. The three countries will share the river.", "countries",
     ["CHL", "PER", "BOL"]),
    ("Kenya, Uganda, Tanzania and Rwanda met in Arusha. All four nations backed the plan.", "nations",
     ["KEN", "UGA", "TZA", "RWA"]),
])
def test_the_three_or_four_countries_are_those_named_before(resolve, text, word, codes):
    assert sorted(resolve(text, word, "2024-05-01")) == sorted(codes)


@pytest.mark.parametrize(("text", "word"), [
    ("Egypt and Sudan met in Khartoum. Three other countries sent observers.", "countries"),
    ("Egypt, Sudan and Ethiopia met in Khartoum. Three countries in the region sent observers.", "countries"),
])
def test_other_or_bare_numbered_countries_are_no_back_reference(resolve, text, word):
    assert resolve(text, word, "2024-05-01") == []


def test_popes_are_the_vatican_head_of_state_in_office(resolve):
    assert resolve("Pope Francis will visit Iraq in March.", "Francis", "2021-02-01") == ["VATGOV"]
    assert resolve("Pope Benedict XVI met the president at the Vatican.", "XVI", "2008-04-16") == ["VATGOV"]
    assert resolve("Francis Fukuyama criticised the plan.", "Francis", "2021-02-01") == []


@pytest.mark.parametrize(("text", "word"), [
    ("Gunmen from Ethiopia killed 14 herders near Lodwar on Sunday.", "herders"),
    ("Fighters from Chad attacked villagers near Diffa.", "villagers"),
    ("Militants from Somalia abducted three teachers in Mandera.", "teachers"),
])
def test_where_another_actor_comes_from_gives_no_country(resolve, text, word):
    # the gunmen's country, not the herders': their country comes from the place of the event, later
    assert not any(c[:3] in ("ETH", "TCD", "SOM") for c in resolve(text, word, "2024-05-01"))


@pytest.mark.parametrize(("text", "word", "code"), [
    ("Ethiopian police detained 14 herders on Sunday.", "herders", "ETHAGR"),
    ("Police in Chad detained villagers on Sunday.", "villagers", "TCDCVL"),
])
def test_a_country_the_sentence_names_otherwise_still_counts(resolve, text, word, code):
    assert resolve(text, word, "2024-05-01") == [code]


@pytest.mark.parametrize(("text", "not_code"), [
    ("Police in Kabul arrested Hamid Karzai's nephew on Monday, he said.", "AFGELI"),
    ("The court jailed Alexei Navalny for nine years, she added.", "RUSOPP"),
    ("Soldiers detained Mohamed Bazoum at the palace, he told reporters.", "NERELI"),
])
def test_the_speaker_after_a_report_is_no_one_the_report_names(resolve, text, not_code):
    word = next(w for w in ("he", "she") if f" {w} " in text)
    assert not_code not in resolve(text, word, "2023-08-10")


@pytest.mark.parametrize(("text", "word", "code"), [
    ("Hamid Karzai said on Monday that he would not run again.", "he", "AFGELI"),  # the report comes after
    ("Vladimir Putin arrived in Minsk on Monday. He said the talks went well.", "He", "RUSGOV"),
])
def test_a_speaker_pronoun_before_its_report_keeps_its_antecedent(resolve, text, word, code):
    assert resolve(text, word, "2023-08-10") == [code]
