"""The second round of table-driven actor cases (tests/data/actor_cases_round2.tsv), written by an
annotator who never saw the resolver: dated roles, IGO leaders, opposition figures, agencies and
central banks, group status changes, acronym and name collisions, historical states, country codes
(GUIDELINES 10.10) and sector-only actors placed in their country. Resolved as the coder would."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.test_actor_cases import _resolve

CASES = Path(__file__).parent / "data" / "actor_cases_round2.tsv"


# Rows whose expectation the shared harness cannot express, reported rather than edited (file line: why).
# Line 277 asks for the first conjunct alone ("Equatorial Guinea" in "Equatorial Guinea and Gabon took
# their dispute to the ICJ"), but the harness resolves the mention's head as the coder does, and a
# coordinated subject is both states (GUIDELINES 4; the same file expects RUS|BLR for "Russia and Belarus").
HARNESS = {277: "coordinated subject: the head resolves to both conjuncts (GUIDELINES 4)"}


def _cases():
    with CASES.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE))
    return [pytest.param(r, id=f"{i:03d}-{r['note']}-{r['mention'][:20]}",
                         marks=[pytest.mark.xfail(strict=True, reason=HARNESS[i])] if i in HARNESS else [])
            for i, r in enumerate(rows, 3)]


def test_round2_table_covers_the_issue():
    rows = [p.values[0] for p in _cases()]
    assert len(rows) >= 400
    assert {"person-date", "igo-leader", "opposition", "agency", "group-date", "acronym", "name-collision",
            "historical", "country-code", "domestic", "surname"} <= {r["note"] for r in rows}


@pytest.mark.parametrize("case", _cases())
def test_actor_case_round2(case, nlp):
    expected = [c for c in case["expected"].split("|") if c]
    got = _resolve(nlp, case["sentence"], case["mention"], case["date"])
    assert got == expected, f"{case['sentence']!r} / {case['mention']!r} on {case['date']}"
