"""Table-driven actor resolution (tests/data/actor_cases.tsv): a mention in a sentence, a date, the
expected CAMEO actor code(s). The mention's syntactic head is resolved as the coder would."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "data" / "actor_cases.tsv"


def _cases():
    with CASES.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE))
    return [pytest.param(r, id=f"{i:03d}-{r['note']}-{r['mention'][:20]}") for i, r in enumerate(rows, 2)]


@pytest.fixture(scope="module")
def actors_nlp(nlp):
    return nlp


def _resolve(nlp, sentence: str, mention: str, date: str) -> list[str]:
    doc = nlp.make_doc(sentence)
    doc.user_data["tidings_published"] = date
    with nlp.select_pipes(disable=["tidings_coder"]):
        doc = nlp(doc)
    start = sentence.rindex(mention) if mention[:1].isupper() and sentence.count(mention) > 1 else sentence.index(mention)
    span = doc.char_span(start, start + len(mention), alignment_mode="expand")
    head = span.root
    resolver = doc._.actor_index
    if head.dep_ in ("amod", "compound", "poss") and head.head.i not in range(span.start, span.end):
        found = resolver.resolve_modifier(head, date)
    else:
        found = resolver.resolve(head, date)
    return [a.code for a in found if a.code]


def test_table_is_large_and_covers_every_category():
    rows = [p.values[0] for p in _cases()]
    assert len(rows) >= 300
    assert {"person-date", "metonym", "demonym", "adjective-agent", "coordination", "possessive", "coreference",
            "unknown", "apposition", "plural-reference"} <= {r["note"] for r in rows}


@pytest.mark.parametrize("case", _cases())
def test_actor_case(case, actors_nlp):
    expected = [c for c in case["expected"].split("|") if c]
    got = _resolve(actors_nlp, case["sentence"], case["mention"], case["date"])
    assert got == expected, f"{case['sentence']!r} / {case['mention']!r} on {case['date']}"
