from pathlib import Path

import pytest

from tidings.clean import clean_text, normalize_unicode

from .conftest import SHARED

SCRAPED = """[ad_1]
Lithuania and Latvia agreed on Monday to pool their air defences, officials said.
goes through Bloomberg
Both governments will also share radar data with Poland.
Border tensions
Vilnius accused Minsk of sending migrants across the frontier.
-With the assistance of Jane Roe.
[ad_2]
Source link
"""


def test_clean_removes_ad_slots_and_source_link():
    c = clean_text(SCRAPED)
    assert "[ad_" not in c.text
    assert "Source link" not in c.text
    assert "[ad_1]" in c.removed and "Source link" in c.removed


def test_clean_moves_garbled_attribution_to_metadata():
    c = clean_text(SCRAPED)
    assert c.attribution == "Bloomberg"
    assert "Bloomberg" not in c.text


def test_clean_moves_machine_rewritten_credit_line_to_credits():
    c = clean_text(SCRAPED)
    assert c.credits == ("With the assistance of Jane Roe.",)
    assert "Jane Roe" not in c.text


def test_clean_keeps_heading_as_heading_not_body():
    c = clean_text(SCRAPED)
    spans = [c.text[a:b] for a, b in c.headings]
    assert spans == ["Border tensions"]


@pytest.mark.parametrize("line,attribution", [
    ("via Bloomberg", "Bloomberg"),
    ("Via Reuters.", "Reuters"),
    ("This article originally appeared on Foreign Policy", "Foreign Policy"),
    ("courtesy of the Associated Press", None),  # lower-case article: not a publisher line
])
def test_clean_attribution_lines(line, attribution):
    c = clean_text(f"Poland closed a border crossing with Belarus on Tuesday.\n{line}\nMore trucks queued.")
    assert c.attribution == attribution


def test_clean_wire_dateline_prefix_becomes_attribution():
    c = clean_text("TBILISI (Reuters) - Police detained dozens of protesters outside parliament on Sunday.")
    assert c.attribution == "Reuters"
    assert c.text.startswith("Police detained")


@pytest.mark.parametrize("credit", [
    "Reporting by Jane Doe; Editing by Tom Roe",
    "With assistance from Ilya Arkhipov.",
    "Additional reporting by Maria Tsvetkova in Moscow",
])
def test_clean_credit_lines(credit):
    c = clean_text(f"Georgia recalled its ambassador to Moscow on Friday.\n{credit}")
    assert c.credits == (credit,)
    assert credit not in c.text


@pytest.mark.parametrize("junk", [
    "Share this article", "Subscribe to our newsletter for daily updates", "Read more: Why the talks failed",
    "We use cookies to improve your experience.", "Advertisement", "[adsense]", "Related articles",
    "Copyright 2021 Example Media. All rights reserved.",
])
def test_clean_drops_boilerplate(junk):
    c = clean_text(f"Kazakhstan hosted talks between Armenia and Azerbaijan on Wednesday.\n{junk}\nThe talks ended without a deal.")
    assert junk.strip("[]") not in c.text
    assert "Kazakhstan hosted talks" in c.text and "without a deal" in c.text


def test_clean_does_not_drop_ordinary_short_sentences():
    text = "Turkey objected.\nThe talks went through the night.\nFrom the two sides came no comment."
    assert clean_text(text).text.count("\n\n") == 2


def test_normalize_unicode_strips_bom_and_keeps_curly_quotes():
    text = normalize_unicode("\ufeffPutin\u2019s \u201cdeal\u201d\r\n")
    assert text == "Putin\u2019s \u201cdeal\u201d\n"


@pytest.mark.skipif(not (SHARED / "seed").exists(), reason="the reference article is not available")
def test_clean_reference_article_debris():
    raw = Path(SHARED / "seed" / "000_01f12c4c5d2e99fc.txt").read_text(encoding="utf-8")
    c = clean_text(raw)
    assert c.attribution == "Bloomberg"
    assert len(c.credits) == 1 and "Henry Meyer" in c.credits[0]
    assert "[ad_" not in c.text and "Source link" not in c.text and "Bloomberg" not in c.text
    assert len(c.headings) == 1
