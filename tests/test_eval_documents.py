"""Whole-article gold: the per-article error listing of ``tidings eval --errors N``."""

from __future__ import annotations

from pathlib import Path

from tidings.evaluate import evaluate, render_text

GOLD = Path(__file__).parent / "data" / "articles" / "errors_listing.jsonl"


def test_document_errors_list_missed_wrong_and_spurious_events(nlp):
    report = evaluate([GOLD], nlp=nlp, errors=10)
    docs = report["documents"]
    # the recall of the ambassador is right; the meeting has a wrong target; the visit expected in
    # the recall's sentence is missed; the condemnation is not in the gold
    assert (docs["right"], docs["wrong_part"], docs["missed"], docs["spurious"]) == (1, 1, 1, 1)
    by_kind = {e["kind"]: e for e in docs["errors"]}
    assert sorted(by_kind) == ["missed", "spurious", "wrong"]
    assert all(e["id"] == "errors_listing" for e in docs["errors"])
    missed = by_kind["missed"]
    assert missed["gold"]["cameo"] == "042" and missed["gold"]["source"] == "CHLGOV"
    # what the sentence gave instead: the recall, with its rule
    assert [(v["cameo"], v["source"], v["target"]) for v in missed["instead"]] == [("161", "CHL", "PER")]
    wrong = by_kind["wrong"]
    assert wrong["gold"]["target"] == "TZAGOV" and wrong["got"]["target"].startswith("UGA")
    spurious = by_kind["spurious"]
    assert spurious["got"]["source"] == "BRA" and spurious["sentence"].startswith("Brazil condemned")
    assert spurious["got"]["rule"]
    text = render_text(report)
    listed = [line for line in text.splitlines() if line.startswith("[errors_listing]")]
    assert len(listed) == 3
    assert any("MISSED" in line and "the sentence gave: 161 CHL->PER" in line for line in listed)
    assert any("WRONG" in line and "got 040 KENGOV->UGA" in line for line in listed)
    assert any("SPURIOUS" in line and "Brazil condemned" in line for line in listed)


def test_document_errors_are_capped_at_n_lines_and_absent_without_errors(nlp):
    two = evaluate([GOLD], nlp=nlp, errors=2)["documents"]
    assert len(two["errors"]) == 2
    none = evaluate([GOLD], nlp=nlp, errors=0)
    assert none["documents"]["errors"] == []
    assert "[errors_listing]" not in render_text(none)
    # the counts do not depend on how many errors are listed
    assert {k: two[k] for k in ("right", "wrong_part", "missed", "spurious")} == \
        {k: none["documents"][k] for k in ("right", "wrong_part", "missed", "spurious")}
