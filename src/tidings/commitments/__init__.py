"""Commitments: promises with amounts and deadlines, tracked to delivery.

A commitment is a promise found among stored events (an intended cooperative act, or an
"express intent" 03x act): who promised what to whom, the amount, the deadline, the date first
stated, its restatements, and its status as of a date — ``open``, ``due``, ``partly fulfilled``,
``fulfilled``, ``lapsed`` or ``withdrawn`` — with the evidence chain that decides it.

    tracker = Tracker(mentions)                  # Mention(event, published, story)
    for c in tracker.as_of("2022-01-05"):
        print(c.promiser.code, c.cameo, c.beneficiary.code, c.status)

What delivers, withdraws or breaks a promise is data (``data/commitments.tsv``). Detection and
merging are in ``detect``, status in ``track``; ``commitments_from_store`` reads a ``Store``.

Story deduplication is optional: give each ``Mention`` its ``story`` (the id of the deduplicated
event it belongs to) and mentions of one story are one promise (``detect``).
"""

from __future__ import annotations

from tidings.commitments.model import ROLES, STATUSES, Commitment, Evidence, Mention, parse_status
from tidings.commitments.query import CommitmentQuery, commitments_from_store
from tidings.commitments.rules import Rules, load_rules
from tidings.commitments.tracker import Tracker, track

__all__ = ["ROLES", "STATUSES", "Commitment", "CommitmentQuery", "Evidence", "Mention", "Rules", "Tracker",
           "commitments_from_store", "load_rules", "parse_status", "track"]
