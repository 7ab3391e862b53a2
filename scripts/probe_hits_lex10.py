"""Hit rate of the coder on a probe file (one JSON object a line).

A probe with an expected ``cameo`` is a hit when the coder gives a non-negated event of the expected
root ("root"), and, separately, one of the expected root whose source and target countries (the first
three letters of the actor codes) are the expected ones ("root+countries"; an expected ``null``
source or target accepts any). The exact code and the modality are counted too. A probe with
``cameo: null`` and ``not: CODE`` is a hit when no non-negated event's code starts with CODE.

    PYTHONPATH=src python scripts/probe_hits_lex10.py tests/data/probes_lex10.jsonl [--misses] [--root 08]
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
class Result:
    probe: dict[str, Any]
    got: list[tuple[str, str | None, str | None, str]]  # (code, source code, target code, modality)
    root: bool
    countries: bool
    code: bool
    modality: bool


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def judge(probe: dict[str, Any], events: list) -> Result:
    got = [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None, e.modality)
           for e in events if not e.negated]
    if probe.get("cameo") is None:
        banned = probe.get("not") or ""
        ok = not any(code.startswith(banned) for code, *_ in got) if banned else not got
        return Result(probe, got, ok, ok, ok, ok)
    root = probe.get("root") or probe["cameo"][:2]
    same_root = [g for g in got if g[0][:2] == root]
    src, tgt = probe.get("source"), probe.get("target")
    countries = any((src is None or _country(s) == src) and (tgt is None or _country(t) == tgt)
                    for _, s, t, _m in same_root)
    code = any(g[0] == probe["cameo"] for g in got)
    modality = any(g[3] == (probe.get("modality") or "asserted") for g in same_root)
    return Result(probe, got, bool(same_root), countries, code, modality)


def run(path: Path) -> list[Result]:
    from tidings.nlp import load_pipeline
    from tidings.pipeline import code_text

    nlp = load_pipeline()
    probes = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [judge(p, code_text(p["text"], published=p.get("date"), nlp=nlp)) for p in probes]


def summary(results: list[Result]) -> dict[str, dict[str, int]]:
    """Counts per root ("neg" for the probes that must not give a code), and in total ("all")."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in results:
        key = r.probe.get("root") or "neg"
        for k in (key, "all"):
            row = table[k]
            row["n"] += 1
            row["root"] += r.root
            row["countries"] += r.countries
            row["code"] += r.code
            row["modality"] += r.modality
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("probes", type=Path)
    ap.add_argument("--misses", action="store_true", help="list the probes whose root (or ban) is missed")
    ap.add_argument("--country-misses", action="store_true", help="also list root hits with wrong countries")
    ap.add_argument("--root", help="only this root (two digits), or 'neg'")
    args = ap.parse_args(argv)
    results = run(args.probes)
    if args.root:
        results = [r for r in results if (r.probe.get("root") or "neg") == args.root]
    table = summary(results)
    print(f"{'root':5} {'n':>4} {'root':>6} {'+ctry':>6} {'code':>6} {'modal':>6}")
    for key in sorted(table, key=lambda k: (k == "all", k)):
        row = table[key]
        n = row["n"]
        print(f"{key:5} {n:4d} {row['root'] / n:6.3f} {row['countries'] / n:6.3f} "
              f"{row['code'] / n:6.3f} {row['modality'] / n:6.3f}")
    if args.misses or args.country_misses:
        for r in results:
            if not r.root or (args.country_misses and not r.countries):
                p = r.probe
                want = p.get("cameo") or f"not {p.get('not')}"
                print(f"MISS {want:8} {p.get('source')}->{p.get('target')} | {p['text']}\n     got {r.got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
