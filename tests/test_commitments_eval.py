"""``tidings eval`` on commitment gold: the scorer on a small gold of our own, the command line,
and the quality gate on the project's follow-up corpus (floors in eval/baseline.json, "commitments")."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_commitments import mention, usd
from tidings.evaluate import evaluate
from tidings.evaluate.commitments import score

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "eval" / "baseline.json"


def _gold(id_, promiser, beneficiary, cameo, evidence, status):
    return {"id": id_, "promiser": promiser, "beneficiary": beneficiary, "cameo": cameo, "object": "x", "amount": None,
            "deadline": None, "first_stated": None, "status": status,
            "evidence": [{"doc": d, "role": r, "sentence_hint": h} for d, r, h in evidence]}


def test_scoring_matches_by_cited_sentences_and_puts_misses_down_to_a_cause():
    mentions = [
        mention("a", "2022-01-10", "0331", "JPN", "PHL", modality="intended", qty=(usd(100e6),), sentence="Japan will lend the Philippines $100 million."),
        mention("b", "2022-03-01", "071", "JPN", "PHL", qty=(usd(100e6),), sentence="Japan disbursed the $100 million loan."),
        # the coder saw no promise in this one (a bare statement): the tracker cannot find it
        mention("a", "2022-01-10", "010", "JPN", None, sentence="Japan will deliver five radars to the navy."),
        # a promise the gold does not list: spurious
        mention("c", "2022-02-01", "036", "KOR", "JPN", modality="intended", sentence="Korea's leader will visit Tokyo."),
    ]
    gold = [
        _gold("G1", "JPN", "PHL", "0331", [("a", "statement", "lend the Philippines"), ("b", "delivery", "disbursed")],
              {"2022-02-01": "open", "2022-03-05": "fulfilled"}),
        _gold("G2", "JPN", "PHL", "0332", [("a", "statement", "deliver five radars")], {"2022-02-01": "open"}),
    ]
    report = score(gold, mentions)
    assert (report["commitments"], report["predicted"], report["matched"]) == (2, 2, 1)
    assert report["detection"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert report["status"]["judgements"] == 3 and report["status"]["correct"] == 2
    miss = report["misses"][0]
    assert miss["id"] == "G2" and miss["cause"] == "coder" and "010 JPN->-" in miss["coder_gaps"][0]
    assert report["causes"]["detection_misses"] == {"coder": 1}
    assert report["spurious"][0]["promiser"] == "KOR"


def test_eval_command_finds_the_corpus_beside_the_gold(tmp_path, run_cli):
    (tmp_path / "commitments").mkdir()
    (tmp_path / "gold").mkdir()
    articles = [
        {"id": "k1", "date": "2023-02-14", "text": "Canada will provide 40 million dollars in aid to Haiti by the end of June, the government said."},
        {"id": "k2", "date": "2023-08-01", "text": "Canada delivered 40 million dollars of aid to Haiti, officials said on Tuesday."},
    ]
    (tmp_path / "commitments" / "corpus.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    gold = _gold("K", "CAN", "HTI", "033", [("k1", "statement", "Canada will provide"), ("k2", "delivery", "Canada delivered")],
                 {"2023-03-01": "open", "2023-07-10": "lapsed", "2023-08-05": "fulfilled"})
    path = tmp_path / "gold" / "c.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    res = run_cli("eval", str(path), "--format", "json")
    assert res.returncode == 0, res.stderr.decode()
    report = json.loads(res.stdout)
    assert report["kind"] == "commitments" and report["documents"] == 2
    assert report["detection"]["recall"] == 1.0 and report["status"]["accuracy"] == 1.0
    text = run_cli("eval", str(path)).stdout.decode()
    assert "detection: P 1.000 R 1.000" in text


def test_commitment_gold_meets_floors(nlp):
    floors = json.loads(BASELINE.read_text())["commitments"]
    report = evaluate([ROOT / "eval" / "gold" / "commitments.jsonl"], nlp=nlp, errors=0)
    assert report["commitments"] == 40 and report["status"]["judgements"] >= 80
    measured = {"detection_precision": report["detection"]["precision"], "detection_recall": report["detection"]["recall"],
                "status_accuracy": report["status"]["accuracy"]}
    failures = [f"{k} {measured[k]:.3f} below {v:.3f}" for k, v in floors.items() if measured[k] < v - 1e-9]
    assert not failures, "; ".join(failures)
