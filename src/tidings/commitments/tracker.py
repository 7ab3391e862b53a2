"""The tracker: promises found once among mentions, their status as of any date."""

from __future__ import annotations

from collections.abc import Iterable

from tidings.commitments.detect import Promise, find_promises
from tidings.commitments.model import Commitment, Mention
from tidings.commitments.rules import Rules, load_rules
from tidings.commitments.track import view_as_of

__all__ = ["Tracker", "track"]


class Tracker:
    """Promises found once among ``mentions``; their status as of any date."""

    def __init__(self, mentions: Iterable[Mention], *, rules: Rules | None = None, due_days: int = 30) -> None:
        self.rules = rules or load_rules()
        self.due_days = due_days
        self.mentions = sorted(mentions, key=Mention.order)
        self.promises: list[Promise] = find_promises(self.mentions, self.rules)

    def as_of(self, date: str) -> list[Commitment]:
        return view_as_of(self.promises, self.mentions, self.rules, as_of=date, due_days=self.due_days)


def track(mentions: Iterable[Mention], *, as_of: str, due_days: int = 30, rules: Rules | None = None) -> list[Commitment]:
    """The commitments among ``mentions`` with their status as of ``as_of`` (YYYY-MM-DD)."""
    return Tracker(mentions, rules=rules, due_days=due_days).as_of(as_of)
