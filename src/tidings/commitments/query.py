"""Commitments of a store: the stored mentions, their documents' dates and stories, filtered for
the command line, exports and the web view."""

from __future__ import annotations

from dataclasses import dataclass

from tidings.commitments.model import Commitment, Mention
from tidings.commitments.parties import beneficiary_compatible, party
from tidings.commitments.rules import Rules
from tidings.commitments.tracker import Tracker
from tidings.store import EventQuery, Store

__all__ = ["CommitmentQuery", "commitments_from_store", "matches", "store_mentions"]


@dataclass(frozen=True)
class CommitmentQuery:
    """``as_of`` YYYY-MM-DD; ``actor`` a code prefix or country of the promiser or the beneficiary;
    ``status`` one of ``STATUSES``."""

    as_of: str
    actor: str | None = None
    status: str | None = None


def store_mentions(store: Store) -> list[Mention]:
    """Every stored mention (negated ones too: refusals and missed deadlines count), with the
    publication date of its document and its story when stories were clustered."""
    context = store.mention_context()
    events = store.events(EventQuery(include_negated=True, include_hypothetical=True))
    return [Mention(e, *context.get(e.mention_id, (None, None))) for e in events]


def matches(c: Commitment, query: CommitmentQuery) -> bool:
    if query.status and c.status != query.status:
        return False
    if query.actor:
        want = query.actor.upper()
        sides = (c.promiser, c.beneficiary)
        if not any((a.code or "").startswith(want) or a.country == want
                   or beneficiary_compatible(party(a), want if len(want) == 3 else None) for a in sides):
            return False
    return True


def commitments_from_store(store: Store, query: CommitmentQuery, *, due_days: int = 30,
                           rules: Rules | None = None) -> list[Commitment]:
    tracker = Tracker(store_mentions(store), rules=rules, due_days=due_days)
    return [c for c in tracker.as_of(query.as_of) if matches(c, query)]
