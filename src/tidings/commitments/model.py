"""Records of the commitment tracker: the mentions it reads, the evidence it cites, the commitments
it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tidings.records import Actor, Event, Quantity

__all__ = ["ROLES", "STATUSES", "Commitment", "Evidence", "Mention", "parse_status"]

# Status of a commitment as of a date, in the order a promise usually moves through them.
OPEN, DUE, PARTLY, FULFILLED, LAPSED, WITHDRAWN = "open", "due", "partly fulfilled", "fulfilled", "lapsed", "withdrawn"
STATUSES: tuple[str, ...] = (OPEN, DUE, PARTLY, FULFILLED, LAPSED, WITHDRAWN)
# Roles of the evidence: the promise, its later repetitions, what was delivered, what took it back
# (a refusal, a cancellation, a denial or a breach), and a missed deadline.
ROLES: tuple[str, ...] = ("statement", "restatement", "partial", "delivery", "withdrawal", "lapse")


def parse_status(value: str) -> str | None:
    """A status from user input ("partly-fulfilled", "Partly fulfilled", "partly"), or None."""
    v = " ".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    if v == "partly":
        return PARTLY
    return v if v in STATUSES else None


@dataclass(frozen=True)
class Mention:
    """A stored event as the tracker reads it: the event, the publication date of its document, and
    the story (the deduplicated real-world event) it belongs to once story clustering has run."""

    event: Event
    published: str | None = None
    story: str | None = None

    @property
    def seen(self) -> str:
        """When it was reported: the publication date, else the event's own date ("" if neither)."""
        return self.published or self.event.date or ""

    @property
    def when(self) -> str:
        """When it happened: the event's date, else the publication date."""
        return self.event.date or self.published or ""

    @property
    def stated(self) -> str:
        """When a promise was made: its date unless that lies after publication (an intended
        event's date is when it is to happen: "will visit in May")."""
        if self.event.date and (not self.published or self.event.date <= self.published):
            return self.event.date
        return self.seen

    def order(self) -> tuple[str, str, int, int]:
        return (self.seen, self.event.doc_id, self.event.sentence_index, self.event.trigger.start)


@dataclass(frozen=True)
class Evidence:
    """One link of a commitment's evidence chain: a sentence of a document (a lapse may have none)."""

    role: str
    doc_id: str | None
    sentence_index: int | None
    sentence: str | None
    event_id: str | None
    cameo: str | None
    date: str | None  # when it happened (for a lapse without a report: the deadline)
    published: str | None
    amount: Quantity | None = None
    note: str = ""
    mention_id: str | None = None  # the mention (event_id is the real-world event it belongs to)

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "doc_id": self.doc_id, "sentence_index": self.sentence_index,
                "sentence": self.sentence, "mention_id": self.mention_id, "event_id": self.event_id, "cameo": self.cameo, "date": self.date,
                "published": self.published, "amount": self.amount.to_dict() if self.amount else None,
                "note": self.note}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        amount = data.get("amount")
        return cls(role=data["role"], doc_id=data.get("doc_id"), sentence_index=data.get("sentence_index"),
                   sentence=data.get("sentence"), event_id=data.get("event_id"), cameo=data.get("cameo"),
                   date=data.get("date"), published=data.get("published"),
                   amount=Quantity.from_dict(amount) if amount else None, note=data.get("note") or "",
                   mention_id=data.get("mention_id"))


@dataclass(frozen=True)
class Commitment:
    """A promise tracked to delivery, as of a date.

    ``promiser`` and ``beneficiary`` are actors whose ``code`` is the party (``RUS``, ``SDNREB``,
    ``IGOIMF``); ``cameo`` the express-intent code; ``amount`` the money or count promised;
    ``delivered`` how much of it was reported delivered (in its unit); ``evidence`` the chain, in the
    order it was reported."""

    commitment_id: str
    promiser: Actor
    beneficiary: Actor
    cameo: str
    what: str
    object: str | None
    amount: Quantity | None
    deadline: str | None
    deadline_precision: str | None
    first_stated: str
    as_of: str
    status: str
    delivered: float | None = None
    beneficiary_inferred: bool = False
    evidence: tuple[Evidence, ...] = field(default=())

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.doc_id for e in self.evidence if e.doc_id))

    def to_dict(self) -> dict[str, Any]:
        return {
            "commitment_id": self.commitment_id, "promiser": self.promiser.to_dict(),
            "beneficiary": self.beneficiary.to_dict(), "beneficiary_inferred": self.beneficiary_inferred,
            "cameo": self.cameo, "what": self.what, "object": self.object,
            "amount": self.amount.to_dict() if self.amount else None, "delivered": _number(self.delivered),
            "deadline": self.deadline, "deadline_precision": self.deadline_precision,
            "first_stated": self.first_stated, "as_of": self.as_of, "status": self.status,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Commitment:
        promiser = Actor.from_dict(data["promiser"])
        beneficiary = Actor.from_dict(data["beneficiary"])
        assert promiser is not None and beneficiary is not None
        amount = data.get("amount")
        return cls(commitment_id=data["commitment_id"], promiser=promiser, beneficiary=beneficiary,
                   cameo=data["cameo"], what=data.get("what") or "", object=data.get("object"),
                   amount=Quantity.from_dict(amount) if amount else None, deadline=data.get("deadline"),
                   deadline_precision=data.get("deadline_precision"), first_stated=data["first_stated"],
                   as_of=data["as_of"], status=data["status"], delivered=data.get("delivered"),
                   beneficiary_inferred=bool(data.get("beneficiary_inferred")),
                   evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence") or ()))


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
