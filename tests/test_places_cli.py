"""Places through the command line and the store: tidings places, events --country/--near, the GDELT
ActionGeo columns, and the place gold through tidings eval (with the quality gate on the dev split)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.clean import clean_text
from tidings.places.evaluate import ACCURACY_KM, evaluate_places, score
from tidings.places.gazetteer import Place
from tidings.places.resolve import PlaceMention

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "eval" / "baseline.json"

ARTICLE = {"id": "ket-1", "date": "2024-05-12", "text": (
    "KHARTOUM, Sudan (Reuters) — Rebels from the Rapid Support Forces shelled a market in El Fasher, the capital "
    "of North Darfur, on Saturday, killing 12 people, and they said that they would keep up the pressure on the "
    "city. The army of Sudan attacked the positions of the rebels near Omdurman on Sunday, and the United States "
    "said that it was ready to help with the talks in Jeddah.")}


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    return path


def test_places_command_lists_mentions_with_offsets_into_the_text(run_cli, article):
    res = run_cli("places", str(article), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.decode().splitlines()]
    # offsets are into the document's text: the JSONL text with its wire dateline moved to metadata
    text = clean_text(ARTICLE["text"]).text
    assert not text.startswith("KHARTOUM") and rows and all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    fasher = next(r for r in rows if r["text"] == "El Fasher")
    assert (fasher["doc_id"], fasher["country"], fasher["feature"], fasher["geonames_id"]) == ("ket-1", "SDN", "city", 379555)
    assert {"name", "lat", "lon", "admin1", "confidence"} <= set(fasher)
    assert "Jeddah" in {r["text"] for r in rows}
    table = run_cli("places", str(article))
    assert table.returncode == 0 and b"El Fasher" in table.stdout and b"place mentions" in table.stdout


def test_events_filter_by_country_and_distance(run_cli, article, db_url):
    assert run_cli("ingest", str(article), "--db", db_url).returncode == 0

    def events(*args):
        res = run_cli("events", "--db", db_url, "--format", "jsonl", *args)
        assert res.returncode == 0, res.stderr
        return [json.loads(line) for line in res.stdout.decode().splitlines()]

    every = events()
    assert every and all(e["location"] is None or {"lat", "lon", "precision"} <= set(e["location"]) for e in every)
    in_sudan = events("--country", "SDN")
    assert in_sudan and all(e["location"]["country"] == "SDN" for e in in_sudan)
    assert events("--country", "FRA") == []
    near_fasher = events("--near", "13.63,25.35,50")
    assert near_fasher and all(e["location"]["name"] == "El Fasher" for e in near_fasher)
    assert len(near_fasher) < len(in_sudan) or all(e["location"]["name"] == "El Fasher" for e in in_sudan)
    bad = run_cli("events", "--db", db_url, "--near", "north,of,here")
    assert bad.returncode == 2 and b"--near" in bad.stderr and b"Traceback" not in bad.stderr


def test_gdelt_export_fills_action_geo(run_cli, article, db_url, tmp_path):
    from tidings.export import GDELT_COLUMNS

    assert run_cli("ingest", str(article), "--db", db_url).returncode == 0
    out = tmp_path / "g.tsv"
    assert run_cli("export", "--db", db_url, "--format", "gdelt", "-o", str(out)).returncode == 0
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in out.read_text().splitlines()]
    fasher = [r for r in rows if r["ActionGeo_FullName"].startswith("El Fasher")]
    assert fasher
    r = fasher[0]
    assert (r["ActionGeo_Type"], r["ActionGeo_CountryCode"], r["ActionGeo_FeatureID"]) == ("4", "SU", "379555")
    assert r["ActionGeo_ADM1Code"].startswith("SU") and abs(float(r["ActionGeo_Lat"]) - 13.63) < 0.01


def _mention(start, end, lat, lon, country="AAA"):
    return PlaceMention("x", start, end, Place("k", "n", lat, lon, country, None, "city"), 0.9)


def test_place_scores_count_overlaps_once_and_measure_distance():
    gold = [{"doc": "d", "split": "dev", "text": "A", "start": 0, "end": 5, "lat": 0.0, "lon": 0.0, "country": "AAA"},
            {"doc": "d", "split": "dev", "text": "B", "start": 10, "end": 15, "lat": 10.0, "lon": 10.0, "country": "BBB"},
            {"doc": "d", "split": "dev", "text": "C", "start": 20, "end": 25, "lat": 0.0, "lon": 0.0, "country": "AAA"}]
    # A found 100 km off (inside 161 km), B found 2 degrees off (about 310 km), C missed, one spurious
    pred = {"d": [_mention(0, 4, 0.0, 0.9), _mention(1, 5, 0.0, 0.0), _mention(10, 15, 12.0, 10.0, "BBB"),
                  _mention(30, 35, 0.0, 0.0)]}
    s = score(gold, pred)["splits"]["dev"]
    assert (s["toponyms"], s["predicted"], s["matched"]) == (3, 4, 2)
    assert s["recall"] == round(2 / 3, 4) and s["precision"] == 0.5
    assert s["accuracy_161km"] == 0.5 and ACCURACY_KM == 161.0
    assert 100 < s["median_error_km"] < 200 and s["country_agreement"] == 1.0


def test_eval_command_scores_a_place_gold(run_cli, tmp_path):
    text = "Floods hit Karachi and Hyderabad in Pakistan's Sindh province."
    corpus = tmp_path / "places" / "corpus.jsonl"
    corpus.parent.mkdir()
    corpus.write_text(json.dumps({"id": "p1", "split": "dev", "text": text, "date": "2024-08-01"}) + "\n")
    gold = tmp_path / "gold" / "places.jsonl"
    gold.parent.mkdir()

    def g(name, lat, lon, country, feature):
        s = text.index(name)
        return {"doc": "p1", "split": "dev", "text": name, "start": s, "end": s + len(name), "name": name,
                "geonames_id": None, "lat": lat, "lon": lon, "country": country, "admin1": None, "feature": feature}

    gold.write_text("\n".join(json.dumps(x) for x in (
        g("Karachi", 24.86, 67.01, "PAK", "city"), g("Hyderabad", 25.40, 68.37, "PAK", "city"),
        g("Pakistan", 30.0, 69.4, "PAK", "country"), g("Sindh", 26.0, 68.8, "PAK", "admin1"))) + "\n")
    res = run_cli("eval", str(gold), "--format", "json")
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    dev = report["splits"]["dev"]
    assert dev["toponyms"] == 4 and dev["recall"] == 1.0 and dev["precision"] == 1.0
    # Hyderabad is the one in Sindh, not the Indian city 1,000 km away
    assert dev["accuracy_161km"] == 1.0
    text_report = run_cli("eval", str(gold))
    assert b"accuracy@161km" in text_report.stdout


def test_place_gold_dev_split_meets_floors(nlp):
    floors = json.loads(BASELINE.read_text())["places_dev"]
    report = evaluate_places([ROOT / "eval" / "gold" / "places.jsonl"], nlp=nlp, split="dev", errors=0)
    dev = report["splits"]["dev"]
    assert dev["toponyms"] >= 400
    failures = [f"{k} {dev[k]:.3f} below {v:.3f}" for k, v in floors.items() if dev[k] < v - 1e-9]
    assert not failures, "; ".join(failures)
