"""The decision trace: every choice the coder makes, by stage and rule name.

Stages run in order — ``match`` → ``suppress`` → ``roles`` → ``attributes`` → ``build`` — and
each writes what it decided about a trigger candidate to the sentence's ``Trace``. ``tidings
explain`` prints the trace; every stored event keeps the short form of its own steps (``Event.trace``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from tidings.coding.lexicon import Pattern

__all__ = ["Candidate", "Step", "Trace"]

STAGES = ("match", "suppress", "roles", "attributes", "build")


@dataclass(frozen=True, slots=True)
class Step:
    stage: str
    rule: str
    token: int | None  # document index of the trigger token the step is about
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "rule": self.rule, "token": self.token, "detail": self.detail}

    def short(self) -> str:
        return f"{self.stage}:{self.rule}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class Trace:
    """Steps for one sentence. ``verbose`` adds what only ``explain`` needs (every pattern tried)."""

    verbose: bool = False
    steps: list[Step] = field(default_factory=list)

    def add(self, stage: str, rule: str, token: Token | int | None = None, detail: str = "") -> None:
        index = token.i if isinstance(token, Token) else token
        self.steps.append(Step(stage, rule, index, detail))

    def about(self, token: int) -> list[Step]:
        return [s for s in self.steps if s.token == token]


@dataclass(eq=False)
class Candidate:
    """A trigger token and the lexicon pattern chosen for it (stage ``match``)."""

    tok: Token
    pat: Pattern
    considered: tuple[str, ...] = ()  # ids of the patterns tried, in order (verbose traces only)
    consequences: list[Candidate] = field(default_factory=list)  # "…, killing 12": folded into this event
