"""The CAMEO codebook: names, Goldstein scores, QuadClass and the PLOVER mapping of every code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tidings.errors import KnowledgeError
from tidings.tables import read_table

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


def _number(value: str) -> str | None:
    try:
        float(value)
    except ValueError:
        return "not a number"
    return None


def _quad(value: str) -> str | None:
    return None if value in ("1", "2", "3", "4") else "QuadClass must be 1-4"


@lru_cache(maxsize=1)
def codebook() -> dict[str, Code]:
    out: dict[str, Code] = {}
    rows = read_table("codebook.tsv", columns=("code", "root", "name", "goldstein", "quad_class", "plover",
                                                "plover_mode", "plover_context"),
                      required=("code", "root", "name", "goldstein", "quad_class"),
                      checks={"goldstein": _number, "quad_class": _quad})
    for row in rows:
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
    rows = read_table("intent_codes.tsv", columns=("material", "intent", "meaning"), header=False,
                      required=("material", "intent"))
    return {row["material"]: row["intent"] for row in rows}


def intent_code(code: str) -> str | None:
    """The CAMEO "express intent" code for a material cooperation code, or None if CAMEO has none."""
    table = _intent_table()
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None
