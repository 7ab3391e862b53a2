"""The quality gate (after trafilatura's eval gate): scores on the gold sets never fall below their floors."""

import json

import pytest

from tests.gate import BASELINE, EXTERNAL, LOWER_IS_BETTER, SPLITS, figures
from tidings.evaluate import evaluate


@pytest.fixture(scope="module")
def floors():
    return json.loads(BASELINE.read_text())


def _check(name, report, floors):
    measured = figures(report)
    failures = []
    for key, floor in floors.get(name, {}).items():
        value = measured.get(key)
        assert value is not None, f"{name}: figure {key} is missing from the report"
        if key in LOWER_IS_BETTER:
            if value > floor + 1e-9:
                failures.append(f"{name} {key} {value:.3f} above its ceiling {floor:.3f}")
        elif value < floor - 1e-9:
            failures.append(f"{name} {key} {value:.3f} below its floor {floor:.3f}")
    assert not failures, "; ".join(failures)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_gold_split_meets_floors(split, floors, nlp):
    assert SPLITS[split], f"no gold files for {split}"
    report = evaluate(SPLITS[split], nlp=nlp, errors=0)
    assert report["sentences"] >= 300
    _check(split, report, floors)


@pytest.mark.parametrize("name", sorted(EXTERNAL))
def test_external_dev_set_meets_floors(name, floors, nlp):
    path = EXTERNAL[name]
    if not path.exists():
        pytest.skip(f"{path} is not available (a fresh clone has no ../shared)")
    _check(name, evaluate([path], nlp=nlp, errors=0), floors)


def test_eval_report_counts_are_consistent(nlp, tmp_path):
    gold = tmp_path / "g.jsonl"
    lines = [
        {"id": "1", "text": "Poland accused Belarus of pushing migrants over the border on Monday.", "date": "2021-09-10",
         "events": [{"cameo": "112", "source": "POL", "target": "BLR", "negated": False, "modality": "asserted", "date": "2021-09-06"}]},
        {"id": "2", "text": "The football match ended in a draw.", "date": "2021-09-10", "events": []},
        {"id": "3", "text": "Rebels shelled the town.", "penta": 4},
    ]
    gold.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    report = evaluate([gold], nlp=nlp)
    assert report["sentences"] == 3 and report["event_sentences"] == 1 and report["no_event_sentences"] == 1
    assert report["root"]["per_label"]["11"]["support"] == 1
    # the accusation is found with both actors and dated to the Monday before publication
    assert report["root"]["micro"]["recall"] == 1.0 and report["tuples"]["recall"] == 1.0
    assert report["attributes"]["date"] == {"n": 1, "accuracy": 1.0}
    # no event in the football result, and the shelling is material conflict (PentaClass 4)
    assert report["false_positive_rate"] == 0.0
    assert report["penta"]["accuracy"] == 1.0 and report["penta"]["n"] == 3


def test_document_level_gold_covers_every_example(nlp):
    from tests.gate import ROOT

    report = evaluate([ROOT / "eval" / "gold" / "documents.jsonl"], nlp=nlp, errors=0)
    docs = report["documents"]
    assert docs["documents"] == 6 and docs["gold"] >= 100
    # every expected event is accounted for exactly once, every produced one too
    assert docs["right"] + docs["wrong_part"] + docs["missed"] == docs["gold"]
    assert docs["right"] + docs["wrong_part"] + docs["spurious"] == docs["produced"]


def test_role_span_scores(tmp_path, nlp):
    gold = tmp_path / "roles.jsonl"
    rows = [
        {"id": "r1", "text": "Chile recalled its ambassador from Peru on Monday.", "source_spans": ["Chile"], "target_spans": ["Peru"]},
        {"id": "r2", "text": "The weather was mild in Lima.", "source_spans": ["Lima"], "target_spans": ["the weather"]},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    roles = evaluate([gold], nlp=nlp)["roles"]
    assert roles["with_both"] == 2
    assert roles["pair_recall"] == 0.5 and roles["source_found"] == 0.5 and roles["swapped"] == 0.0


def test_overlap_ignores_function_words():
    from tidings.evaluate.roles import overlaps

    assert overlaps("the Chilean government", ["Chilean officials"])
    assert not overlaps("the government", ["the army of the north"])
    # a possessive names its owner: "Iran" is in "Iran's position" (straight or curly apostrophe)
    assert overlaps("Iran", ["Iran's position"]) and overlaps("Alitalia", ["Alitalia ’ s future"])
    assert not overlaps("Iran", ["Iraq's position"])
