import pytest

from tidings.attributes import find_quantities, find_times

PUB = "2021-09-10"  # a Friday


def _r(t):
    return (t.date, t.precision) if t else None


@pytest.mark.parametrize("text,past,future,deadline", [
    # backward for what happened, forward for what is to happen; each reading with its precision
    ("The ministers met on Thursday.", ("2021-09-09", "day"), ("2021-09-16", "day"), None),
    ("The ministers met on Friday.", ("2021-09-10", "day"), ("2021-09-17", "day"), None),
    ("They met last Friday.", ("2021-09-03", "day"), None, None),
    ("They will meet next Friday.", None, ("2021-09-17", "day"), None),
    ("Troops arrived yesterday.", ("2021-09-09", "day"), None, None),
    ("The minister will arrive tomorrow.", None, ("2021-09-11", "day"), None),
    ("Latvia tightened border controls last week.", ("2021-08-30", "week"), None, None),
    ("Talks will resume next week.", None, ("2021-09-13", "week"), None),
    ("The protests began in August last year.", ("2020-08-01", "month"), ("2020-08-01", "month"), None),
    ("Inflation rose last month.", ("2021-08-01", "month"), None, None),
    ("Exports fell last year.", ("2020-01-01", "year"), None, None),
    ("Talks began three years ago.", ("2018-09-10", "day"), None, None),
    ("He has ruled since 1994.", ("1994-01-01", "year"), ("1994-01-01", "year"), None),
    ("The deal was signed on March 3, 2019.", ("2019-03-03", "day"), ("2019-03-03", "day"), None),
    ("The deal was signed on 3 March 2019.", ("2019-03-03", "day"), ("2019-03-03", "day"), None),
    ("The vote is due in March.", ("2021-03-01", "month"), ("2022-03-01", "month"), None),
    ("The summit opens in October.", ("2020-10-01", "month"), ("2021-10-01", "month"), None),
    ("They talked on June 4.", ("2021-06-04", "day"), ("2022-06-04", "day"), None),
    ("Officials met on 2021-07-14 in Vienna.", ("2021-07-14", "day"), ("2021-07-14", "day"), None),
    ("Gas will flow before the end of next year.", None, None, ("2022-12-31", "day")),
    ("By the end of 2022 the price will stay fixed.", None, None, ("2022-12-31", "day")),
    ("The loan will be paid before the end of the year.", None, None, ("2021-12-31", "day")),
    ("Repayment is due by the end of March next year.", None, None, ("2022-03-31", "day")),
    ("They agreed to swap detainees by June 30.", None, None, ("2022-06-30", "day")),
    ("Troops must leave by October 1.", None, None, ("2021-10-01", "day")),
    ("The plant will close by 2025.", None, None, ("2025-12-31", "year")),
    ("The bill must pass by March.", None, None, ("2022-03-31", "month")),
    ("The cash will arrive within two months.", None, None, ("2021-11-10", "day")),
    ("The truce is to take effect by noon on Tuesday.", None, None, ("2021-09-14", "day")),
    ("Fighters must leave the port by 6 p.m. on Sunday.", None, None, ("2021-09-12", "day")),
    ("The prisoners will be handed over by Friday.", None, None, ("2021-09-17", "day")),
    ("By Monday the envoys are to agree a text.", None, None, ("2021-09-13", "day")),
])
def test_find_times_resolves_in_both_directions_with_precision(text, past, future, deadline):
    (t,) = find_times(text, PUB)
    assert (_r(t.past), _r(t.future), _r(t.deadline)) == (past, future, deadline)


def test_a_weekday_after_by_in_other_senses_is_no_deadline():
    # a dated day ("by Monday, September 13") keeps its date; "stood by" or "passed by" a weekday name is no deadline
    (t,) = find_times("Troops must leave by Monday, September 13.", PUB)
    assert _r(t.deadline) == ("2021-09-13", "day")
    (t,) = find_times("The plan was backed on Monday by the cabinet.", PUB)
    assert t.deadline is None and _r(t.past) == ("2021-09-06", "day")
    (t,) = find_times("The statement was read out on Tuesday by the spokesman.", PUB)
    assert t.deadline is None


def test_find_times_reads_intended_events_forward():
    (t,) = find_times("The vote is due in March.", PUB)
    assert t.resolve(forward=True).date == "2022-03-01" and t.resolve(forward=False).date == "2021-03-01"
    (t,) = find_times("Talks began last week.", PUB)
    assert t.resolve(forward=True).date == "2021-08-30"  # no forward reading: the past one stands


def test_find_times_ignores_the_modal_may_and_needs_a_publication_date_for_relative_ones():
    assert find_times("May I ask a question?", PUB) == []
    assert find_times("They met on Thursday.", None) == []
    assert find_times("They met last year.", None) == []
    (t,) = find_times("Prices stay fixed until the end of 2022.", None)
    assert t.deadline.date == "2022-12-31"
    (t,) = find_times("The treaty was signed on March 3, 2019.", None)
    assert t.date == "2019-03-03"


@pytest.mark.parametrize("text,kind,value,unit,per,category", [
    ("a further US$630 million in credit", "money", 630e6, "USD", None, None),
    ("a $1.5bn credit line", "money", 1.5e9, "USD", None, None),
    ("a €5 billion package", "money", 5e9, "EUR", None, None),
    ("1.2 trillion rubles of spending", "money", 1.2e12, "RUB", None, None),
    ("500 million yuan in aid", "money", 5e8, "CNY", None, None),
    ("£20m for the fund", "money", 2e7, "GBP", None, None),
    ("US$142.60 per thousand cubic meters", "price", 142.6, "USD", "1000 m3", None),
    ("$80 a barrel", "price", 80, "USD", "barrel", None),
    ("as many as 45,000 soldiers", "count", 45000, "people", None, "soldiers"),
    ("at least 12 people were killed", "count", 12, "people", None, "killed"),
    ("about 3,000 protesters were detained", "count", 3000, "people", None, "arrested"),
    ("some 40 migrants", "count", 40, "people", None, "migrants"),
    ("will free 85 detained opposition activists", "count", 85, "people", None, "activists"),
    ("released 14 jailed dissidents", "count", 14, "people", None, "dissidents"),
    ("three French citizens held in Mali", "count", 3, "people", None, "civilians"),
    ("nine Turkish nationals", "count", 9, "people", None, "civilians"),
])
def test_find_quantities_normalises(text, kind, value, unit, per, category):
    (q,) = find_quantities(text)
    assert (q.quantity.kind, q.quantity.value, q.quantity.unit, q.quantity.per, q.quantity.category) == (kind, value, unit, per, category)


def test_second_price_in_a_sentence_inherits_the_unit():
    qs = find_quantities("a contract rate of US$142.60 per thousand cubic meters, while Asian spot prices stand at about US$700")
    assert [(q.quantity.kind, q.quantity.value, q.quantity.per) for q in qs] == [("price", 142.6, "1000 m3"), ("price", 700, "1000 m3")]
    assert "about" in qs[1].quantity.text


def test_years_are_not_counts():
    assert find_quantities("In 2021 soldiers marched.") == []


@pytest.mark.parametrize("text,expected", [
    # the verb before the count says what happened to them, singular or plural, with or without a noun
    ("Gunmen attacked a bus near Kano on Monday, killing nine passengers' guards and wounding 14.",
     {("wounded", 14)}),
    ("Insurgents ambushed an army convoy on Sunday, killing three soldiers and injuring 11 others.",
     {("killed", 3)}),
    ("Militants shot and wounded one soldier at a checkpoint near Gao.", {("wounded", 1)}),
    ("Security forces detained 25 students after the rally in Dhaka.", {("arrested", 25)}),
    ("Kidnappers freed 7 in Zamfara state on Friday.", {("released", 7)}),
])
def test_counts_take_the_outcome_of_their_verb(code, text, expected):
    (event, *_) = code(text, "2024-03-04")
    found = {(q.category, q.value) for q in event.quantities if q.kind == "count"}
    assert expected <= found, found


def test_a_year_or_a_number_with_its_own_noun_is_no_bare_count(code):
    events = code("Troops freed the town in 2019 and killed 40 fighters there, the army said.", "2024-03-04")
    counts = {(q.category, q.value) for e in events for q in e.quantities if q.kind == "count"}
    assert ("released", 2019) not in counts and ("killed", 40) in counts


def test_the_wounded_are_no_mass_killing(code):
    # an attack with no named attacker on civilians: 300 wounded and two dead is no mass killing (202)
    events = code("A bomb exploded in a crowded market in Peshawar on Friday, killing two civilians and "
                  "wounding 300.", "2024-03-04")
    assert events and all(e.cameo != "202" for e in events), [(e.cameo, e.quantities) for e in events]


def test_citizenship_words_without_a_number_are_no_counts():
    assert find_quantities("Activists and citizens of both nations protested.") == []
    assert find_quantities("a law on dual nationals") == []


@pytest.mark.parametrize("text,deadline", [
    # the deadline of what was agreed or promised, in a clause of the object noun
    ("The government and the rebels agreed on a truce that is to take effect by March 3.", "2024-03-03"),
    ("Moscow promised Minsk a loan that will be disbursed before the end of the year.", "2024-12-31"),
    ("Armenia and Azerbaijan agreed on a withdrawal of troops to be completed by June 30.", "2024-06-30"),
    ("Serbia signed an accord with Kosovo under which border posts will close before the end of the year.", "2024-12-31"),
])
def test_a_deadline_in_a_clause_of_the_object_is_the_events(code, text, deadline):
    events = code(text, "2024-02-20")
    assert events and {e.deadline for e in events} == {deadline}, [(e.cameo, e.deadline) for e in events]
    assert {e.date for e in events} == {"2024-02-20"}


def test_a_persons_clause_gives_no_deadline(code):
    (event, *_) = code("Police arrested a man who was due to appear in court by Friday.", "2024-02-20")
    assert event.cameo.startswith("17") and event.deadline is None
