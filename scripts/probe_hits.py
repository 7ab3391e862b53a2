"""Hit rate of the coder on a probe file: one JSON object a line, {"text", "date", "cameo", "root",
"source", "target", "modality"} (expected values; countries are ISO alpha-3 or null), and, for a
sentence of another sense that must not give a code, "cameo": null with "not_cameo": that code.

    PYTHONPATH=src python scripts/probe_hits.py tests/data/probes_lex11.jsonl [--misses N] [--json]

A positive probe is a *root hit* when some event of the sentence has the expected root, a *code hit*
when one has the expected code, and a *full hit* when one has the expected root and the expected
source and target countries (the actor's country; null when the actor has none or is missing). A
negative probe is a hit when no event has the code it must not give. Prints the rates per root and
the misses.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Outcome:
    probe: dict[str, Any]
    got: tuple[tuple[str, str | None, str | None, str], ...]  # (code, source country, target country, modality)
    root_hit: bool
    code_hit: bool
    full_hit: bool


def _country(actor: Any) -> str | None:
    return actor.country if actor is not None and actor.country else None


def read_probes(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(probes: list[dict[str, Any]], nlp: Any = None) -> list[Outcome]:
    """Code every probe and judge it."""
    from tidings.nlp import load_pipeline
    from tidings.pipeline import code_text

    nlp = nlp or load_pipeline()
    outcomes = []
    for probe in probes:
        events = code_text(probe["text"], published=probe.get("date"), nlp=nlp)
        got = tuple((e.cameo, _country(e.source), _country(e.target), e.modality) for e in events)
        if probe.get("cameo"):
            root_hit = any(g[0][:2] == probe["root"] for g in got)
            code_hit = any(g[0] == probe["cameo"] for g in got)
            full_hit = any(g[0][:2] == probe["root"] and g[1] == probe.get("source") and g[2] == probe.get("target")
                           for g in got)
        else:
            root_hit = code_hit = full_hit = not any(g[0] == probe.get("not_cameo") for g in got)
        outcomes.append(Outcome(probe, got, root_hit, code_hit, full_hit))
    return outcomes


def summary(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    """Per root (and "all"; "neg" for the other-sense probes): n, root, code and full hit rates."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.probe["root"] if o.probe.get("cameo") else "neg"].append(o)
        groups["all"].append(o)
    table = {}
    for key in sorted(groups, key=lambda k: (k == "all", k)):
        rows = groups[key]
        n = len(rows)
        table[key] = {"n": n, "root": sum(o.root_hit for o in rows) / n, "code": sum(o.code_hit for o in rows) / n,
                      "full": sum(o.full_hit for o in rows) / n}
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("probes", type=Path)
    parser.add_argument("--misses", type=int, default=1000, help="print at most N misses (root or full)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    outcomes = score(read_probes(args.probes))
    table = summary(outcomes)
    if args.json:
        print(json.dumps(table, indent=1))
    else:
        print(f"{'root':>5} {'n':>4} {'root':>6} {'code':>6} {'full':>6}")
        for key, row in table.items():
            print(f"{key:>5} {row['n']:>4} {row['root']:6.3f} {row['code']:6.3f} {row['full']:6.3f}")
    shown = 0
    for o in outcomes:
        if (o.root_hit and o.full_hit) or shown >= args.misses:
            continue
        shown += 1
        p = o.probe
        want = (f"{p['cameo']} {p.get('source')}->{p.get('target')}" if p.get("cameo") else f"not {p.get('not_cameo')}")
        kind = "ROOT" if not o.root_hit else "ROLE"
        got = "; ".join(f"{c} {s}->{t}{'' if m == 'asserted' else ' ' + m}" for c, s, t, m in o.got) or "nothing"
        print(f"{kind} want {want} | got {got} | {p['text']}", file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
