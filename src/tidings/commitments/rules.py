"""What a promise is, and what delivers, withdraws or breaks it: ``data/commitments.tsv``.

One row per CAMEO "express intent" code (03x). A code is looked up by its longest prefix in the
table (``0331`` → the ``0331`` row; ``0339``, unknown, → the ``033`` row).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from tidings.coding.codebook import codebook, intent_code
from tidings.errors import KnowledgeError
from tidings.records import Event
from tidings.tables import read_table

__all__ = ["IntentRule", "Rules", "load_rules"]

# Roots whose intended acts are promises (cooperation: consult, diplomatic and material
# cooperation, aid, yielding). Intended conflict acts are threats, not promises.
PROMISE_ROOTS = ("03", "04", "05", "06", "07", "08")


@dataclass(frozen=True)
class IntentRule:
    intent: str
    concrete: bool
    delivery: tuple[str, ...]
    withdrawal: tuple[str, ...]
    breach: tuple[str, ...]
    note: str = ""
    to_place: bool = False
    counted: tuple[str, ...] = ()


def _codes(value: str) -> tuple[str, ...]:
    return tuple(value.split())


def _check_codes(value: str) -> str | None:
    known = codebook()
    bad = [c for c in value.split() if c not in known]
    return f"unknown CAMEO code(s) {', '.join(bad)}" if bad else None


def _check_flag(value: str) -> str | None:
    return None if value in ("yes", "no") else "must be yes or no"


def _check_optional_flag(value: str) -> str | None:
    return None if value in ("", "yes", "no") else "must be yes, no or empty"


@dataclass(frozen=True)
class Rules:
    """The intent → delivery table, with the lookups the tracker needs."""

    rows: dict[str, IntentRule]
    _found: dict[str, IntentRule | None] = field(default_factory=dict, compare=False, repr=False)
    _abstained: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def rule(self, intent: str) -> IntentRule | None:
        if intent not in self._found:
            self._found[intent] = next((self.rows[intent[:n]] for n in range(len(intent), 1, -1) if intent[:n] in self.rows), None)
        return self._found[intent]

    def intent_of(self, event: Event) -> str | None:
        """The intent code of an event that states a promise, or None when it states none.

        A promise is an event that is neither negated nor hypothetical and is one of:
        an "express intent" act (03x: "pledged", "promised", "offered"); an intended cooperative act
        ("will lend", "agreed to release"), whose material code maps to its intent code; or an
        asserted cooperative act with a deadline still to be met ("have until the end of December
        to put the agreements into final form", guideline 10.7); or an intended, negated act that
        would break a promise ("the rebels are to stop shelling", "will not attack": the promise
        whose breach codes it has, ``abstains``)."""
        if event.negated and event.modality == "intended":
            return self.abstains(event.cameo)
        if event.negated or event.modality == "hypothetical" or event.cameo_root not in PROMISE_ROOTS:
            return None
        if event.cameo_root == "03":
            return event.cameo
        if event.modality == "intended" or event.deadline:
            return intent_code(event.cameo)
        return None

    def delivers(self, intent: str, code: str) -> bool:
        rule = self.rule(intent)
        return rule is not None and code.startswith(rule.delivery)

    def withdraws(self, intent: str, code: str) -> bool:
        """A denial (016) withdraws any promise; otherwise the intent's withdrawal codes."""
        rule = self.rule(intent)
        return code == "016" or (rule is not None and bool(rule.withdrawal) and code.startswith(rule.withdrawal))

    def breaks(self, intent: str, code: str) -> bool:
        rule = self.rule(intent)
        return rule is not None and bool(rule.breach) and code.startswith(rule.breach)

    def abstains(self, code: str) -> str | None:
        """The intent that refraining from act ``code`` keeps: the promise whose breach codes include
        it ("stop shelling", negated 194 → 0356), or None."""
        if code not in self._abstained:
            self._abstained[code] = next((r.intent for r in sorted(self.rows.values(), key=lambda r: r.intent)
                                          if r.breach and code.startswith(r.breach)), None)
        return self._abstained[code]

    def concrete(self, intent: str) -> bool:
        rule = self.rule(intent)
        return rule is not None and rule.concrete

    def to_place(self, intent: str) -> bool:
        """Whether a promise of this kind benefits the place its act is done in ("send police to
        Haiti", "aid for the quake zone"): its beneficiary, when no actor is named, is that place's state."""
        rule = self.rule(intent)
        return rule is not None and rule.to_place

    def counted(self, intent: str, code: str) -> bool:
        """Whether act ``code`` delivers part of a promise of people only with a count of them ("the
        first 200 police officers arrived": an arrival, 042, of some of the officers promised)."""
        rule = self.rule(intent)
        return rule is not None and bool(rule.counted) and code.startswith(rule.counted)


@lru_cache(maxsize=4)
def load_rules(path: str = "commitments.tsv") -> Rules:
    """Read the table (packaged by default; a path for tests and experiments)."""
    rows = read_table(path, columns=("intent", "concrete", "delivery", "withdrawal", "breach", "to_place", "counted", "note"),
                      required=("intent", "concrete", "delivery"), optional=("to_place", "counted"),
                      checks={"intent": _check_codes, "concrete": _check_flag, "delivery": _check_codes,
                              "withdrawal": _check_codes, "breach": _check_codes, "counted": _check_codes,
                              "to_place": _check_optional_flag})
    out: dict[str, IntentRule] = {}
    for row in rows:
        intent = row["intent"]
        if not intent.startswith("03"):
            raise KnowledgeError(f"{row.where}: intent {intent!r} is not an express-intent (03x) code")
        if intent in out:
            raise KnowledgeError(f"{row.where}: intent {intent} listed twice")
        out[intent] = IntentRule(intent=intent, concrete=row["concrete"] == "yes", delivery=_codes(row["delivery"]),
                                 withdrawal=_codes(row["withdrawal"]), breach=_codes(row["breach"]), note=row["note"],
                                 to_place=row.get("to_place") == "yes", counted=_codes(row.get("counted") or ""))
    return Rules(out)
