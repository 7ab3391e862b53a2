"""The commitment tracker on hand-made mentions: detection, merging, deliveries, withdrawals and
status as of a date. (The coder's side is in test_commitments_cli.py and test_commitments_lexicon.py.)"""

from __future__ import annotations

import itertools

import pytest

from tidings.commitments import Commitment, Mention, Tracker, parse_status, track
from tidings.records import Actor, Event, Location, Quantity, Trigger

_n = itertools.count()


def actor(code: str | None) -> Actor | None:
    if code is None:
        return None
    if code.startswith(("IGO", "NGO")):
        return Actor(text=code, code=code, kind="organization")
    return Actor(text=code, code=code, country=code[:3], sector=code[3:6] or None, kind="state" if len(code) == 3 else "group")


def usd(value: float) -> Quantity:
    return Quantity("money", value, "USD", f"${value:,.0f}")


def mention(doc: str, published: str, cameo: str, src: str | None, tgt: str | None, *, modality: str = "asserted",
            negated: bool = False, date: str | None = None, deadline: str | None = None, qty: tuple[Quantity, ...] = (),
            sentence: str | None = None, story: str | None = None, index: int | None = None,
            place: tuple[str, str] | None = None, trigger: int | None = None) -> Mention:
    n = next(_n)
    t = n if trigger is None else trigger
    ev = Event(doc_id=doc, sentence_index=n if index is None else index, sentence=sentence or f"sentence {n} of {doc}", trigger=Trigger("w", t, t + 1),
               cameo=cameo, cameo_root=cameo[:2], quad_class=1, goldstein=1.0, plover=None, plover_mode=None,
               source=actor(src), target=actor(tgt), date=date or published, deadline=deadline,
               deadline_precision="day" if deadline else None, negated=negated, modality=modality, quantities=qty,
               location=Location(text=place[0], name=place[0], country=place[1], precision="country") if place else None)
    return Mention(ev, published, story)


def loan_promise(**kw) -> Mention:
    return mention("a1", "2021-09-10", "0331", "RUS", "BLR", modality="intended", deadline="2022-12-31",
                   qty=(usd(630e6),), date="2021-09-09", **kw)


def only(cs: list[Commitment]) -> Commitment:
    assert len(cs) == 1, [(c.promiser.code, c.cameo, c.beneficiary.code) for c in cs]
    return cs[0]


def roles(c: Commitment) -> list[str]:
    return [e.role for e in c.evidence]


def test_restatements_in_later_articles_merge_into_one_commitment():
    ms = [loan_promise(),
          mention("a2", "2021-10-21", "0331", "RUSGOV", None, modality="intended", qty=(usd(630e6),)),
          mention("a3", "2021-11-02", "071", "RUS", None, deadline="2022-12-31")]  # "is to arrive before ..."
    c = only(track(ms, as_of="2021-12-01"))
    assert (c.promiser.code, c.cameo, c.beneficiary.code) == ("RUS", "0331", "BLR")
    assert roles(c) == ["statement", "restatement", "restatement"]
    assert c.first_stated == "2021-09-09" and c.deadline == "2022-12-31" and c.amount.value == 630e6
    assert c.status == "open"


def test_tranches_make_it_partly_fulfilled_then_fulfilled():
    ms = [loan_promise(),
          mention("b1", "2021-12-28", "071", "RUS", "BLR", qty=(usd(300e6), usd(630e6))),  # "$300m of a $630m loan"
          mention("b2", "2022-10-10", "071", "RUS", "BLR", qty=(usd(330e6), usd(630e6)))]
    tracker = Tracker(ms)
    assert only(tracker.as_of("2021-10-01")).status == "open"
    mid = only(tracker.as_of("2022-01-05"))
    assert mid.status == "partly fulfilled" and mid.delivered == 300e6
    assert roles(mid)[-1] == "partial" and mid.evidence[-1].amount.value == 300e6
    end = only(tracker.as_of("2022-10-20"))
    assert end.status == "fulfilled" and end.delivered == 630e6
    assert roles(end)[-2:] == ["partial", "delivery"]


def test_deadline_makes_it_due_then_lapsed_and_a_late_delivery_still_fulfils():
    ms = [mention("s", "2021-10-27", "0311", "SAU", "PAK", modality="intended", deadline="2022-03-01"),
          mention("d", "2022-04-06", "061", "SAU", "PAK")]
    tracker = Tracker(ms)
    assert only(tracker.as_of("2021-12-15")).status == "open"
    assert only(tracker.as_of("2022-02-10")).status == "due"  # 19 days before the deadline
    lapsed = only(tracker.as_of("2022-03-10"))
    assert lapsed.status == "lapsed" and lapsed.evidence[-1].role == "lapse" and lapsed.evidence[-1].date == "2022-03-01"
    assert only(tracker.as_of("2022-04-10")).status == "fulfilled"


def test_the_due_window_is_a_setting():
    ms = [mention("s", "2021-10-27", "0311", "SAU", "PAK", modality="intended", deadline="2022-03-01")]
    assert only(track(ms, as_of="2021-12-15")).status == "open"
    assert only(track(ms, as_of="2021-12-15", due_days=90)).status == "due"


def test_a_refusal_by_the_promiser_withdraws_it_but_not_one_by_the_other_side():
    promise = mention("s", "2022-09-20", "036", "SRB", "XKX", modality="intended", deadline="2022-10-31")
    theirs = mention("r1", "2022-10-01", "125", "XKXGOV", "SRB")
    assert only(track([promise, theirs], as_of="2022-10-05")).status == "due"
    ours = mention("r2", "2022-10-12", "125", "SRBGOV", "XKXGOV")
    c = only(track([promise, theirs, ours], as_of="2022-10-15"))
    assert c.status == "withdrawn" and c.evidence[-1].role == "withdrawal" and c.evidence[-1].doc_id == "r2"


def test_a_negated_restatement_withdraws_it():
    promise = mention("s", "2023-03-04", "0355", "IRN", "IGOUNOIAE", modality="intended")
    takes_back = mention("w", "2023-04-26", "0355", "IRN", "IGOUNOIAE", modality="intended", negated=True)
    assert only(track([promise, takes_back], as_of="2023-04-01")).status == "open"
    assert only(track([promise, takes_back], as_of="2023-05-05")).status == "withdrawn"


def test_a_generic_denial_of_agreement_withdraws_no_promise():
    # "the two sides have still not agreed on a single currency" (030, negated) takes back neither a
    # loan promise nor a generic promise of cooperation made before it
    loan = loan_promise()
    texts = mention("a1", "2021-09-10", "030", "RUS", "BLR", modality="intended", deadline="2021-12-31")
    not_agreed = mention("n", "2021-11-05", "030", "RUS", "BLR", modality="intended", negated=True)
    statuses = {c.cameo: c.status for c in track([loan, texts, not_agreed], as_of="2021-12-10")}
    assert statuses == {"0331": "open", "030": "due"}


def test_a_cancelled_grant_is_withdrawn():
    ms = [mention("s", "2023-03-16", "0331", "USA", "NER", modality="intended", qty=(usd(300e6),)),
          mention("c", "2023-08-10", "1621", "USA", "NER", qty=(usd(300e6),))]
    assert only(track(ms, as_of="2023-08-15")).status == "withdrawn"


def test_a_ceasefire_is_broken_only_by_the_promiser_and_only_once_it_took_effect():
    promise = mention("s", "2023-05-20", "0356", "SDNMIL", "SDNREB", modality="intended", deadline="2023-05-22")
    before = mention("f", "2023-05-21", "190", "SDNMIL", "SDNREB")  # fighting before the truce begins
    held = mention("h", "2023-05-23", "087", "SDNMIL", "SDNREB")
    by_the_other = mention("o", "2023-05-25", "194", "SDNREB", "SDNMIL")
    broken = mention("b", "2023-05-26", "195", "SDNMIL", "SDNREB")
    tracker = Tracker([promise, before, held, by_the_other, broken])
    assert only(tracker.as_of("2023-05-21")).status == "due"
    assert only(tracker.as_of("2023-05-25")).status == "fulfilled"
    c = only(tracker.as_of("2023-05-27"))
    assert c.status == "withdrawn" and [e.doc_id for e in c.evidence if e.role == "withdrawal"] == ["b"]


def test_a_vague_pledge_is_not_tracked_unless_it_has_an_amount_or_a_deadline():
    vague = mention("v", "2021-09-10", "030", "RUS", "BLR")  # "promised to help"
    assert track([vague], as_of="2021-10-01") == []
    priced = mention("p", "2021-09-10", "030", "RUS", "BLR", deadline="2021-12-31")
    assert only(track([priced], as_of="2021-10-01")).deadline == "2021-12-31"


def test_a_promise_to_ones_own_forces_is_no_commitment():
    assert track([mention("s", "2023-12-07", "0353", "AZE", "AZEMIL", modality="intended")], as_of="2023-12-08") == []


def test_only_articles_published_by_the_date_count():
    ms = [loan_promise(), mention("r", "2021-10-21", "0331", "RUS", "BLR", modality="intended", qty=(usd(630e6),))]
    tracker = Tracker(ms)
    assert tracker.as_of("2021-09-01") == []
    assert roles(only(tracker.as_of("2021-10-01"))) == ["statement"]
    assert roles(only(tracker.as_of("2021-10-21"))) == ["statement", "restatement"]


def test_a_larger_or_earlier_transfer_is_not_a_delivery():
    ms = [loan_promise(),
          mention("x", "2021-10-01", "071", "RUS", "BLR", qty=(usd(1.5e9),)),  # another, larger loan
          mention("y", "2021-10-02", "071", "RUS", "BLR", date="2020-06-01")]  # background: before the promise
    c = only(track(ms, as_of="2021-11-01"))
    assert c.status == "open" and c.delivered is None


def test_a_delivery_goes_to_the_promise_whose_amount_it_settles():
    ms = [mention("s1", "2022-01-10", "0331", "JPN", "PHL", modality="intended", qty=(usd(100e6),)),
          mention("s2", "2022-02-10", "0331", "JPN", "PHL", modality="intended", qty=(usd(50e6),)),
          mention("d", "2022-06-01", "071", "JPN", "PHL", qty=(usd(50e6),))]
    by_amount = {c.amount.value: c.status for c in track(ms, as_of="2022-07-01")}
    assert by_amount == {100e6: "open", 50e6: "fulfilled"}


def test_stories_join_mentions_that_the_rules_keep_apart():
    first = mention("s1", "2022-01-10", "0331", "JPN", "PHL", modality="intended", qty=(usd(100e6),), story="E7")
    # the same pledge in another outlet with a misread amount: two promises, unless stories say otherwise
    second = mention("s2", "2022-01-11", "0331", "JPN", "PHL", modality="intended", qty=(usd(10e6),), story="E7")
    assert len(track([first, second], as_of="2022-02-01")) == 1
    apart = [Mention(m.event, m.published) for m in (first, second)]
    assert len(track(apart, as_of="2022-02-01")) == 2


def test_a_missing_beneficiary_is_taken_from_the_document():
    ms = [mention("d", "2021-10-27", "0311", "SAUGOV", None, modality="intended", deadline="2022-03-01"),
          mention("d", "2021-10-27", "032", "SAU", "PAK", modality="intended")]
    c = only(track(ms, as_of="2021-11-01"))
    assert c.beneficiary.code == "PAK" and c.beneficiary_inferred
    assert "inferred" in c.evidence[0].note


def test_an_act_without_agent_delivers_only_with_an_amount():
    promise = mention("s", "2023-06-30", "0331", "IGOIMF", "PAK", modality="intended", qty=(usd(3e9),))
    context = mention("d", "2023-07-13", "057", "IGOIMF", "PAK")  # the fund is named in the article
    paid = mention("d", "2023-07-13", "071", None, "PAKBUS", qty=(usd(1.2e9),))
    unquantified = mention("e", "2023-07-20", "071", None, "PAK")
    c = only(track([promise, context, paid, unquantified], as_of="2023-08-01"))
    assert c.status == "partly fulfilled" and c.delivered == 1.2e9
    assert [e.doc_id for e in c.evidence if e.role == "partial"] == ["d"]


def test_a_price_promise_is_kept_only_at_that_price():
    price = Quantity("price", 128.5, "USD", "$128.50", per="1000 m3")
    promise = mention("s", "2021-09-10", "0311", "RUS", "BLR", modality="intended", deadline="2022-12-31", qty=(price,))
    dearer = mention("x", "2022-06-01", "061", "RUS", "BLR", qty=(Quantity("price", 200.0, "USD", "$200", per="1000 m3"),))
    assert only(track([promise, dearer], as_of="2022-07-01")).status == "open"
    kept = mention("k", "2023-01-19", "061", "RUS", "BLR", qty=(price,))
    assert only(track([promise, dearer, kept], as_of="2023-01-25")).status == "fulfilled"


def test_the_commitment_record_round_trips_and_statuses_parse():
    c = only(track([loan_promise(), mention("b1", "2021-12-28", "071", "RUS", "BLR", qty=(usd(300e6),))], as_of="2022-01-05"))
    assert Commitment.from_dict(c.to_dict()) == c
    assert parse_status("Partly-fulfilled") == parse_status("partly") == "partly fulfilled"
    assert parse_status("kept") is None


def test_first_stated_is_when_it_was_said_not_when_it_is_due():
    visit = mention("v", "2023-03-16", "036", "JPN", "KOR", modality="intended", date="2023-05-01")  # "will visit in May"
    assert only(track([visit], as_of="2023-03-20")).first_stated == "2023-03-16"
    assert only(track([loan_promise()], as_of="2021-09-10")).first_stated == "2021-09-09"  # "Putin said on Thursday"


def test_a_sum_above_the_whole_promise_in_the_delivery_sentence_is_another_sum():
    promise = mention("s", "2022-03-01", "0331", "KWT", "JOR", modality="intended", qty=(usd(1e9),))
    # "Jordan's central bank received the $1bn deposit from Kuwait, lifting reserves to $15bn"
    whole = mention("d", "2022-05-02", "071", "KWT", "JORBUS", qty=(usd(1e9), usd(15e9)))
    c = only(track([promise, whole], as_of="2022-05-10"))
    assert c.status == "fulfilled" and c.delivered == 1e9
    # "$400m of the $1bn has arrived; reserves now stand at $12bn"
    part = mention("p", "2022-04-01", "071", "KWT", "JOR", qty=(usd(400e6), usd(1e9), usd(12e9)))
    c = only(track([promise, part], as_of="2022-04-10"))
    assert c.status == "partly fulfilled" and c.delivered == 400e6
    # a larger sum alone is another transfer, not this one
    other = mention("o", "2022-04-01", "071", "KWT", "JOR", qty=(usd(12e9),))
    assert only(track([promise, other], as_of="2022-04-10")).status == "open"


def test_an_act_without_agent_goes_to_the_promiser_its_sentence_names():
    bank = mention("s1", "2022-01-10", "0331", "IGOWBK", "KEN", modality="intended", qty=(usd(2e9),))
    china = mention("s2", "2022-01-12", "0331", "CHN", "KEN", modality="intended", qty=(usd(1e9),))
    # "The World Bank's board approved the loan and $500 million was paid out at once."
    approved = mention("d", "2022-03-01", "057", "IGOWBK", "KEN", index=0)
    paid = mention("d", "2022-03-01", "071", None, "KEN", qty=(usd(500e6),), index=0)
    elsewhere = mention("d", "2022-03-01", "040", "CHN", "KEN", index=3)  # China named later in the article
    by_promiser = {c.promiser.code: c.status for c in track([bank, china, approved, paid, elsewhere], as_of="2022-03-10")}
    assert by_promiser == {"IGOWBK": "partly fulfilled", "CHN": "open"}
    # named in the sentence, China gets it instead
    paid_by_china = mention("e", "2022-03-01", "071", None, "KEN", qty=(usd(500e6),), index=1)
    named = mention("e", "2022-03-01", "040", "CHN", "KEN", index=1)
    bank_elsewhere = mention("e", "2022-03-01", "057", "IGOWBK", "KEN", index=4)
    by_promiser = {c.promiser.code: c.status for c in track([bank, china, paid_by_china, named, bank_elsewhere], as_of="2022-03-10")}
    assert by_promiser == {"IGOWBK": "open", "CHN": "partly fulfilled"}


def test_refraining_from_attacks_states_a_ceasefire_and_keeps_it():
    # "Under the truce the militia is to stop attacking army posts by Friday"
    promise = mention("s", "2024-02-05", "190", "ETHREB", "ETHMIL", modality="intended", negated=True, deadline="2024-02-09")
    c = only(track([promise], as_of="2024-02-06"))
    assert (c.promiser.code, c.cameo, c.beneficiary.code, c.status) == ("ETHREB", "0356", "ETH", "due")
    # "The militia stopped shelling army posts on Friday"
    held = mention("h", "2024-02-10", "194", "ETHREB", "ETHMIL", negated=True)
    broken = mention("b", "2024-03-02", "190", "ETHREB", "ETHMIL")
    tracker = Tracker([promise, held, broken])
    c = only(tracker.as_of("2024-02-12"))
    assert c.status == "fulfilled" and [e.doc_id for e in c.evidence if e.role == "delivery"] == ["h"]
    assert only(tracker.as_of("2024-03-05")).status == "withdrawn"


def test_not_attacking_is_no_promise_or_delivery_in_other_senses():
    # a threat ("will attack"), a possibility ("might not attack") and a refusal to send troops are no ceasefire
    assert track([mention("t", "2024-02-05", "190", "ETHREB", "ETHMIL", modality="intended")], as_of="2024-02-06") == []
    assert track([mention("m", "2024-02-05", "190", "ETHREB", "ETHMIL", modality="hypothetical", negated=True)],
                 as_of="2024-02-06") == []
    assert track([mention("r", "2024-02-05", "0312", "KEN", "SOM", modality="intended", negated=True)], as_of="2024-02-06") == []
    # the other side holding its fire, or the promiser having held it before promising, delivers nothing
    promise = mention("s", "2024-02-05", "0356", "ETHREB", "ETHMIL", modality="intended")
    other_side = mention("o", "2024-02-07", "194", "ETHMIL", "ETHREB", negated=True)
    before = mention("e", "2024-02-07", "190", "ETHREB", "ETHMIL", negated=True, date="2024-01-20")
    assert only(track([promise, other_side, before], as_of="2024-02-08")).status == "open"


def test_a_promise_whose_beneficiary_is_only_guessed_needs_an_amount_or_a_deadline():
    context = mention("d", "2022-06-01", "040", "ETH", "SOM")
    # "Ethiopia said it would unlock support" (no one named as receiving it)
    vague = mention("d", "2022-06-01", "0331", "ETHGOV", None, modality="intended")
    assert track([context, vague], as_of="2022-06-02") == []
    sized = mention("d", "2022-06-01", "0331", "ETHGOV", None, modality="intended", qty=(usd(50e6),))
    assert only(track([context, sized], as_of="2022-06-02")).beneficiary.code == "SOM"
    dated = mention("d", "2022-06-01", "0331", "ETHGOV", None, modality="intended", deadline="2022-12-31")
    assert only(track([context, dated], as_of="2022-06-02")).beneficiary.code == "SOM"
    # it still restates the one promise it fits
    named = mention("a", "2022-05-01", "0331", "ETH", "SOM", modality="intended", qty=(usd(50e6),))
    c = only(track([named, context, vague], as_of="2022-06-02"))
    assert roles(c) == ["statement", "restatement"]


def test_one_story_of_a_mutual_promise_is_two_commitments():
    # "Ghana and Togo agreed to open their border posts": one story, a promise in each direction
    there = mention("g1", "2022-04-04", "0311", "GHA", "TGO", modality="intended", deadline="2022-06-30", story="E9", index=0)
    back = mention("g1", "2022-04-04", "0311", "TGO", "GHA", modality="intended", deadline="2022-06-30", story="E9", index=0)
    again = mention("g2", "2022-04-05", "030", "TGOGOV", "GHA", modality="intended", story="E9")  # another outlet
    cs = track([there, back, again], as_of="2022-04-10")
    assert sorted((c.promiser.code, c.beneficiary.code, len(c.evidence)) for c in cs) == [("GHA", "TGO", 1), ("TGO", "GHA", 2)]


def test_tranches_clustered_into_one_story_are_still_two_deliveries():
    promise = mention("s", "2024-05-08", "0331", "KOR", "VNM", modality="intended", qty=(usd(900e6),))
    first = mention("t1", "2024-07-09", "071", "KOR", "VNM", qty=(usd(400e6), usd(900e6)), story="E5")
    second = mention("t2", "2025-01-15", "071", "KOR", "VNM", qty=(usd(500e6), usd(900e6)), story="E5")
    c = only(track([promise, first, second], as_of="2025-01-20"))
    assert c.status == "fulfilled" and c.delivered == 900e6
    # the same tranche in another outlet of the story counts once
    copy = mention("t3", "2024-07-10", "071", "KORGOV", "VNM", qty=(usd(400e6),), story="E5")
    c = only(track([promise, first, copy], as_of="2024-08-01"))
    assert c.status == "partly fulfilled" and c.delivered == 400e6


def test_a_commitment_keeps_its_id_when_later_reports_name_it_more_precisely():
    # "The EU will lift sanctions on Syria's state airline" (the company), later "... on Syria" (the state)
    company = mention("s", "2025-01-10", "035", "IGOEUREEC", "SYRBUS", modality="intended", deadline="2025-03-31")
    state = mention("r", "2025-02-10", "0354", "IGOEUREEC", "SYR", modality="intended")
    tracker = Tracker([company, state])
    early, late = only(tracker.as_of("2025-01-20")), only(tracker.as_of("2025-02-20"))
    assert (early.beneficiary.code, early.cameo) == ("SYRBUS", "035") and (late.beneficiary.code, late.cameo) == ("SYR", "0354")
    assert early.commitment_id == late.commitment_id


def test_an_article_that_sets_two_deadlines_states_two_promises():
    # "The militia is to cease fire by Tuesday ... It will also withdraw from the two towns by March 31"
    truce = mention("a", "2024-03-04", "0356", "SOMREB", "SOMMIL", modality="intended", deadline="2024-03-05", index=1)
    pullout = mention("a", "2024-03-04", "0356", "SOMREB", "SOM", modality="intended", deadline="2024-03-31", index=2)
    held = mention("b", "2024-03-06", "190", "SOMREB", None, negated=True, date="2024-03-05")  # "stopped firing"
    context = mention("b", "2024-03-06", "040", "SOM", "IGOAFU")
    tracker = Tracker([truce, pullout, held, context])
    by_deadline = {c.deadline: c.status for c in tracker.as_of("2024-03-10")}
    assert by_deadline == {"2024-03-05": "fulfilled", "2024-03-31": "due"}
    assert {c.deadline: c.status for c in tracker.as_of("2024-04-05")}["2024-03-31"] == "lapsed"


def test_one_deadline_said_twice_or_moved_later_is_one_promise():
    first = mention("a", "2024-03-04", "0356", "SOMREB", "SOM", modality="intended", deadline="2024-03-31", index=1)
    again = mention("a", "2024-03-04", "0356", "SOMREB", "SOM", modality="intended", deadline="2024-03-31", index=4)
    moved = mention("c", "2024-03-25", "0356", "SOMREB", "SOM", modality="intended", deadline="2024-04-30")  # a later delay
    c = only(track([first, again, moved], as_of="2024-04-05"))
    assert roles(c) == ["statement", "statement", "restatement"] and c.deadline == "2024-04-30" and c.status == "due"


def people(value: float) -> Quantity:
    return Quantity("count", value, "people", f"{value:,.0f}")


def test_a_promise_to_send_help_to_a_named_place_benefits_that_state():
    # "Rwanda has offered to send 800 soldiers to help secure Cabo Delgado in Mozambique": no actor target,
    # no counterpart in the article; the place of the act, named in the sentence, is the beneficiary
    sent = "Rwanda has offered to send 800 soldiers to help secure the north of Mozambique."
    ms = [mention("r1", "2024-02-01", "0334", "RWA", None, modality="intended", qty=(people(800),), sentence=sent,
                  place=("Mozambique", "MOZ")),
          mention("r2", "2024-03-05", "0334", "RWA", "MOZ", modality="intended", qty=(people(800),))]
    tracker = Tracker(ms)
    early = only(tracker.as_of("2024-02-10"))
    assert (early.promiser.code, early.beneficiary.code, early.status) == ("RWA", "MOZ", "open")
    assert early.beneficiary_inferred
    later = only(tracker.as_of("2024-03-10"))  # the restatement naming Mozambique is the same promise
    assert later.commitment_id == early.commitment_id and roles(later) == ["statement", "restatement"]


def test_a_place_is_no_beneficiary_at_home_or_when_not_in_the_sentence_or_for_a_meeting():
    at_home = mention("h1", "2024-02-01", "0334", "NGA", None, modality="intended", qty=(people(500),),
                      sentence="Nigeria will send 500 police officers to Kano.", place=("Kano", "NGA"))
    elsewhere = mention("h2", "2024-02-01", "0333", "NOR", None, modality="intended", qty=(usd(5e6),),
                        sentence="Norway will give $5 million in relief.", place=("Sudan", "SDN"))  # place from another sentence
    meeting = mention("h3", "2024-02-01", "036", "PER", None, modality="intended", deadline="2024-03-01",
                      sentence="Peru's president will hold talks in Geneva.", place=("Geneva", "CHE"))
    assert track([at_home, elsewhere, meeting], as_of="2024-02-10") == []


def test_a_delivery_coded_to_the_promisers_own_side_still_reaches_the_beneficiary():
    # "Norway delivered the remaining $40 million of aid promised to Ghana, the defence minister said":
    # the target came out as Norway's own military
    ms = [mention("n1", "2024-01-10", "0333", "NOR", "GHA", modality="intended", qty=(usd(70e6),)),
          mention("n2", "2024-03-01", "073", "NOR", "GHA", qty=(usd(30e6), usd(70e6))),
          mention("n3", "2024-06-01", "073", "NOR", "NORMIL", qty=(usd(40e6), usd(70e6))),
          mention("n3", "2024-06-01", "040", "GHA", "NOR")]
    c = only(track(ms, as_of="2024-06-05"))
    assert c.status == "fulfilled" and c.delivered == 70e6


def test_a_self_targeted_copy_of_a_paired_act_delivers_nothing():
    # "negotiators from both governments are working to put the pact into final form by June": coded for
    # the pair and once more for the promiser's own side; the copy is not the pact signed
    ms = [mention("p1", "2024-01-10", "030", "CHL", "ARG", modality="intended", deadline="2024-06-30"),
          mention("p2", "2024-02-01", "057", "CHL", "ARG", deadline="2024-06-30", index=3, trigger=7),
          mention("p2", "2024-02-01", "057", "CHL", "CHLGOV", deadline="2024-06-30", index=3, trigger=7)]
    assert only(track(ms, as_of="2024-02-10")).status == "open"


def test_an_act_before_the_day_an_article_says_the_promise_is_still_due_does_not_deliver_it():
    # "Lula will travel to Buenos Aires in early June for talks with Milei; it would be the first visit
    # for talks since 2019" (the visit noun coded as asserted talks): not the visit made
    ms = [mention("v1", "2024-03-01", "036", "BRA", "ARG", modality="intended", deadline="2024-06-30"),
          mention("v2", "2024-05-20", "036", "BRA", "ARG", modality="intended", date="2024-06-03"),
          mention("v2", "2024-05-20", "046", "BRA", "ARG", date="2024-05-20"),
          mention("v3", "2024-06-04", "046", "BRA", "ARG", date="2024-06-03")]
    tracker = Tracker(ms)
    assert only(tracker.as_of("2024-06-01")).status == "due"
    assert only(tracker.as_of("2024-06-05")).status == "fulfilled"


def test_a_part_delivered_beside_a_restatement_of_the_rest_still_counts():
    ms = [mention("t1", "2024-01-10", "0331", "KWT", "JOR", modality="intended", qty=(usd(90e6),)),
          mention("t2", "2024-03-01", "071", "KWT", "JOR", qty=(usd(30e6), usd(90e6)), date="2024-02-28"),
          mention("t2", "2024-03-01", "0331", "KWT", "JOR", modality="intended", date="2024-09-01")]  # "the rest is to follow"
    c = only(track(ms, as_of="2024-03-05"))
    assert c.status == "partly fulfilled" and c.delivered == 30e6


def test_the_arrival_of_some_of_the_people_promised_is_a_partial_delivery():
    # "Chad will deploy 1,200 troops to Mali"; "the first 300 Chadian soldiers arrived in Bamako"
    ms = [mention("c1", "2024-01-10", "0334", "TCD", "MLI", modality="intended", qty=(people(1200),)),
          mention("c2", "2024-04-02", "042", "TCDMIL", "MLI", qty=(people(300),))]
    c = only(track(ms, as_of="2024-04-05"))
    assert c.status == "partly fulfilled" and c.delivered == 300


def test_an_arrival_without_a_count_or_of_another_promise_delivers_nothing():
    # "Chad's president arrived in Bamako for talks": no count of the troops promised
    visit = [mention("d1", "2024-01-10", "0334", "TCD", "MLI", modality="intended", qty=(people(1200),)),
             mention("d2", "2024-04-02", "042", "TCD", "MLI")]
    assert only(track(visit, as_of="2024-04-05")).status == "open"
    # an arrival is no delivery of money: "20 officials arrived" does not pay a loan
    loan = [mention("d3", "2024-01-10", "0331", "TCD", "MLI", modality="intended", qty=(usd(50e6),)),
            mention("d4", "2024-04-02", "042", "TCD", "MLI", qty=(people(20),))]
    assert only(track(loan, as_of="2024-04-05")).status == "open"


def test_an_unaddressed_payment_of_the_whole_or_the_rest_of_a_promise_delivers_it():
    # "Saudi Arabia will deposit $1 billion with Oman's central bank"; months later, in an article that
    # names no recipient: "Saudi Arabia transferred the promised $1 billion on Sunday"
    ms = [mention("o1", "2024-01-10", "0331", "SAU", "OMN", modality="intended", qty=(usd(1e9),)),
          mention("o2", "2024-05-05", "071", "SAU", None, qty=(usd(1e9),))]
    assert only(track(ms, as_of="2024-05-10")).status == "fulfilled"
    # the rest of it: "$400 million of $1 billion", then "the remaining $600 million" to no one named
    rest = [mention("o3", "2024-01-10", "0331", "QAT", "JOR", modality="intended", qty=(usd(1e9),)),
            mention("o4", "2024-03-01", "071", "QAT", "JOR", qty=(usd(400e6), usd(1e9))),
            mention("o5", "2024-06-01", "071", "QAT", None, qty=(usd(600e6),))]
    assert only(track(rest, as_of="2024-06-05")).status == "fulfilled"


def test_an_unaddressed_payment_of_another_sum_or_without_source_delivers_nothing():
    # "Saudi Arabia paid $250 million for the stadium": another sum, and no recipient named anywhere
    ms = [mention("q1", "2024-01-10", "0331", "SAU", "OMN", modality="intended", qty=(usd(1e9),)),
          mention("q2", "2024-05-05", "071", "SAU", None, qty=(usd(250e6),)),
          mention("q3", "2024-05-06", "071", None, None, qty=(usd(1e9),))]
    assert only(track(ms, as_of="2024-05-10")).status == "open"


def test_a_refusal_aimed_at_the_promisers_own_side_withdraws_nothing():
    # "Oman's finance minister rejected the government's budget plan" (1221 OMN -> OMNGOV) is no refusal of
    # Oman's loan to Yemen
    ms = [mention("w1", "2024-01-10", "0331", "OMN", "YEM", modality="intended", qty=(usd(2e8),)),
          mention("w2", "2024-02-01", "1221", "OMNGOV", "OMN"),
          mention("w2", "2024-02-01", "040", "OMN", "YEM")]
    assert only(track(ms, as_of="2024-02-05")).status == "open"


@pytest.mark.parametrize("intent", ["0331", "0333"])
def test_aid_of_no_stated_kind_delivers_a_promise_of_money_or_relief(intent):
    """"pledged $80m in relief for Chad" (0333) then "has provided $30m in aid to Chad" (070): part of it."""
    ms = [mention("p", "2023-03-01", intent, "NOR", "TCD", modality="intended", qty=(usd(80e6),)),
          mention("d", "2023-06-01", "070", "NOR", "TCD", qty=(usd(30e6),))]
    c = only(track(ms, as_of="2023-06-10"))
    assert c.status == "partly fulfilled" and c.delivered == 30e6


def test_aid_of_no_stated_kind_does_not_deliver_arms_or_a_loan_by_another_party():
    arms = [mention("p", "2023-03-01", "0332", "NOR", "UKR", modality="intended", qty=(usd(80e6),)),
            mention("d", "2023-06-01", "070", "NOR", "UKR", qty=(usd(30e6),))]
    assert only(track(arms, as_of="2023-06-10")).status == "open"
    other = [mention("p", "2023-03-01", "0331", "NOR", "TCD", modality="intended", qty=(usd(80e6),)),
             mention("d", "2023-06-01", "070", "SWE", "TCD", qty=(usd(30e6),))]
    assert only(track(other, as_of="2023-06-10")).status == "open"
