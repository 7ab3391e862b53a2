import pytest

from tidings.attributes import find_quantities, find_times

PUB = "2021-09-10"  # a Friday


@pytest.mark.parametrize("text,date,deadline", [
    ("The ministers met on Thursday.", "2021-09-09", None),
    ("The ministers met on Friday.", "2021-09-10", None),
    ("They met last Friday.", "2021-09-03", None),
    ("Troops arrived yesterday.", "2021-09-09", None),
    ("Poland declared a state of emergency last week.", "2021-08-30", None),
    ("The protests began in August last year.", "2020-08-01", None),
    ("Talks began three years ago.", "2018-09-10", None),
    ("He has ruled since 1994.", "1994-01-01", None),
    ("The deal was signed on March 3, 2019.", "2019-03-03", None),
    ("The deal was signed on 3 March 2019.", "2019-03-03", None),
    ("The vote is due in March.", "2021-03-01", None),
    ("Officials met on 2021-07-14 in Vienna.", "2021-07-14", None),
    ("Gas will flow before the end of next year.", None, "2022-12-31"),
    ("By the end of 2022 the price will stay fixed.", None, "2022-12-31"),
    ("The loan will be paid before the end of the year.", None, "2021-12-31"),
    ("Repayment is due by the end of March next year.", None, "2022-03-31"),
])
def test_find_times_resolves_against_publication_date(text, date, deadline):
    (t,) = find_times(text, PUB)
    assert (t.date, t.deadline) == (date, deadline)


def test_find_times_ignores_the_modal_may_and_needs_a_publication_date_for_relative_ones():
    assert find_times("May I ask a question?", PUB) == []
    assert find_times("They met on Thursday.", None) == []
    assert find_times("They met last year.", None) == []
    (t,) = find_times("Prices stay fixed until the end of 2022.", None)
    assert t.deadline == "2022-12-31"
    (t,) = find_times("The treaty was signed on March 3, 2019.", None)
    assert t.date == "2019-03-03"


@pytest.mark.parametrize("text,kind,value,unit,per,category", [
    ("another US$630 million in loans", "money", 630e6, "USD", None, None),
    ("a $1.5bn credit line", "money", 1.5e9, "USD", None, None),
    ("a €5 billion package", "money", 5e9, "EUR", None, None),
    ("1.2 trillion rubles of spending", "money", 1.2e12, "RUB", None, None),
    ("500 million yuan in aid", "money", 5e8, "CNY", None, None),
    ("£20m for the fund", "money", 2e7, "GBP", None, None),
    ("US$128.50 per thousand cubic meters", "price", 128.5, "USD", "1000 m3", None),
    ("$80 a barrel", "price", 80, "USD", "barrel", None),
    ("as many as 200,000 soldiers", "count", 200000, "people", None, "soldiers"),
    ("at least 12 people were killed", "count", 12, "people", None, "killed"),
    ("about 3,000 protesters were detained", "count", 3000, "people", None, "arrested"),
    ("some 40 migrants", "count", 40, "people", None, "migrants"),
])
def test_find_quantities_normalises(text, kind, value, unit, per, category):
    (q,) = find_quantities(text)
    assert (q.quantity.kind, q.quantity.value, q.quantity.unit, q.quantity.per, q.quantity.category) == (kind, value, unit, per, category)


def test_second_price_in_a_sentence_inherits_the_unit():
    qs = find_quantities("gas at US$128.50 per thousand cubic meters, far below the current price of about US$650 in Europe")
    assert [(q.quantity.kind, q.quantity.value, q.quantity.per) for q in qs] == [("price", 128.5, "1000 m3"), ("price", 650, "1000 m3")]
    assert "about" in qs[1].quantity.text


def test_years_are_not_counts():
    assert find_quantities("In 2021 soldiers marched.") == []
