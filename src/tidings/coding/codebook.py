"""The CAMEO codebook: names, Goldstein scores, QuadClass and the PLOVER mapping of every code."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tidings.errors import KnowledgeError

__all__ = ["Code", "codebook", "intent_code"]


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None


@lru_cache(maxsize=1)
def codebook() -> dict[str, Code]:
    path = resources.files("tidings") / "data" / "codebook.tsv"
    out: dict[str, Code] = {}
    for row in csv.DictReader(path.read_text(encoding="utf-8").splitlines(), delimiter="\t"):
        out[row["code"]] = Code(
            code=row["code"], root=row["root"], name=row["name"], goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]), plover=row["plover"] or None,
            plover_mode=row["plover_mode"] or None, plover_context=row["plover_context"] or None,
        )
    if len(out) < 300:
        raise KnowledgeError(f"codebook.tsv has {len(out)} codes, expected the full CAMEO list")
    return out


@lru_cache(maxsize=1)
def _intent_table() -> dict[str, str]:
    path = resources.files("tidings") / "data" / "intent_codes.tsv"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            material, intent, *_ = line.split("\t")
            table[material.strip()] = intent.strip()
    return table


def intent_code(code: str) -> str | None:
    """The CAMEO "express intent" code for a material cooperation code, or None if CAMEO has none."""
    table = _intent_table()
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None
