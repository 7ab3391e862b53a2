"""The event lexicon: dependency patterns that map triggers to CAMEO codes (``data/lexicon/*.tsv``).

The format and matching rules are documented in ``docs/lexicon.md``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

from tidings.coding.codebook import codebook
from tidings.errors import KnowledgeError
from tidings.tables import data_file, read_table

__all__ = ["Lexicon", "Pattern", "load_lexicon", "read_lexicon"]

FALLBACK_PREFIX = "zz_"  # lexicon files consulted only where no pattern of the other files fits (docs/lexicon.md)
COLUMNS = ["id", "code", "pos", "lemma", "prt", "prep", "obj", "comp", "source", "target", "intent", "note"]
# optional 13th column "mod": lemmas of a modifier (amod/compound) the trigger noun must carry ("joint" drills)


def _alts(cell: str) -> tuple[str, ...]:
    return tuple(a.strip().lower() for a in cell.split("|") if a.strip())


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    code: str
    pos: str
    lemma: str
    prt: str | None
    preps: tuple[tuple[str, frozenset[str] | None], ...]  # (preposition, allowed pobj lemmas or None)
    obj: frozenset[str] | None
    comp: frozenset[str] | None
    mod: frozenset[str] | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    intent: str | None
    order: int
    fallback: bool = False  # from a ``zz_*.tsv`` file: ranks after every pattern of the other files

    @property
    def any_clause(self) -> bool:
        """``comp`` is ``*``: any clausal complement ("charged that …") satisfies it."""
        return self.comp is not None and "*" in self.comp

    @property
    def specificity(self) -> int:
        return (2 if self.obj else 0) + (2 if self.preps else 0) + (1 if self.prt else 0) + (2 if self.comp else 0) \
            + (2 if self.mod else 0) \
            + sum(1 for _, allowed in self.preps if allowed)


def _parse_preps(cell: str) -> tuple[tuple[str, frozenset[str] | None], ...]:
    out = []
    for alt in _alts(cell):
        prep, _, allowed = alt.partition(":")
        lemmas = frozenset(a.strip() for a in allowed.split(",") if a.strip()) or None
        out.append((prep.strip(), lemmas))
    return tuple(out)


@dataclass
class Lexicon:
    by_lemma: dict[tuple[str, str], list[Pattern]]
    version: str
    size: int

    def patterns(self, lemma: str, pos: str) -> list[Pattern]:
        return self.by_lemma.get((lemma, pos), [])


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon: every ``data/lexicon/*.tsv``, in file-name order."""
    folder = data_file("lexicon")
    return read_lexicon(sorted((p for p in folder.iterdir() if p.name.endswith(".tsv")), key=lambda p: p.name))


def read_lexicon(paths: Iterable[Traversable | Path]) -> Lexicon:
    """A lexicon from TSV files read in the given order (files named ``zz_*`` are fallbacks)."""
    codes = codebook()
    by_lemma: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
    digest = hashlib.sha1()
    seen: set[str] = set()
    order = 0
    for path in paths:
        digest.update(path.read_bytes())
        fallback = path.name.startswith(FALLBACK_PREFIX)
        for row in read_table(path, columns=COLUMNS, optional=COLUMNS[4:] + ["mod"], required=("id", "code", "pos", "lemma")):
            where = row.where
            pid = (row["id"] or "").strip()
            code = (row["code"] or "").strip()
            if not pid or pid in seen:
                raise KnowledgeError(f"{where}: missing or duplicate id {pid!r}")
            if code not in codes:
                raise KnowledgeError(f"{where}: unknown CAMEO code {code!r}")
            intent = (row.get("intent") or "").strip() or None
            if intent and intent not in codes:
                raise KnowledgeError(f"{where}: unknown intent code {intent!r}")
            pos = (row["pos"] or "").strip().upper()
            if pos not in ("V", "N"):
                raise KnowledgeError(f"{where}: pos must be V or N")
            seen.add(pid)
            order += 1
            pat = Pattern(
                id=pid, code=code, pos=pos, lemma=row["lemma"].strip().lower(),
                prt=(row.get("prt") or "").strip().lower() or None,
                preps=_parse_preps(row.get("prep") or ""),
                obj=frozenset(_alts(row.get("obj") or "")) or None,
                comp=frozenset(_alts(row.get("comp") or "")) or None,
                mod=frozenset(_alts(row.get("mod") or "")) or None,
                source=_alts(row.get("source") or ""), target=_alts(row.get("target") or ""),
                intent=intent, order=order, fallback=fallback,
            )
            by_lemma[(pat.lemma, pos)].append(pat)
    for pats in by_lemma.values():
        pats.sort(key=lambda p: (p.fallback, -p.specificity, p.order))
    return Lexicon(dict(by_lemma), digest.hexdigest()[:10], order)
