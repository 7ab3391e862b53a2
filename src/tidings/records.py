"""Typed records that flow through tidings: documents, actors, quantities and events.

Every record is a frozen dataclass with ``to_dict`` and ``from_dict``; ``Event.to_dict`` is the
public event record documented in the README.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    kind: str = "organization"  # state | person | organization | group

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        if data is None:
            return None
        return cls(**{f.name: data.get(f.name) for f in fields(cls) if f.name in data})


@dataclass(frozen=True, slots=True)
class Quantity:
    kind: str  # money | price | count
    value: float
    unit: str
    text: str
    per: str | None = None
    category: str | None = None

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"kind": self.kind, "value": value, "unit": self.unit, "per": self.per,
                "category": self.category, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        return cls(kind=data["kind"], value=data["value"], unit=data["unit"], text=data.get("text", ""),
                   per=data.get("per"), category=data.get("category"))


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Document:
    """A cleaned document ready for coding. Offsets in events refer to ``text``."""

    doc_id: str
    text: str
    origin: str = ""
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    attribution: str | None = None
    credits: tuple[str, ...] = ()
    headings: tuple[tuple[int, int], ...] = ()  # character spans of headings inside text
    raw_hash: str = ""

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["credits"] = list(self.credits)
        data["headings"] = [list(h) for h in self.headings]
        data["content_hash"] = self.content_hash
        return data


@dataclass(frozen=True)
class Failure:
    """An input that could not be turned into a document, with the reason."""

    origin: str
    reason: str
    code: str
    raw_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Event:
    doc_id: str
    sentence_index: int
    sentence: str
    trigger: Trigger
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    source: Actor | None
    target: Actor | None
    date: str | None = None
    deadline: str | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted | intended | hypothetical
    quantities: tuple[Quantity, ...] = ()
    location: str | None = None
    confidence: float = 0.5
    rule: str = ""
    coder: str = ""
    reported_by: Actor | None = None
    event_id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.event_id:
            object.__setattr__(self, "event_id", self.make_id(self.doc_id))

    def make_id(self, doc_key: str) -> str:
        """Stable id from the document key (its content hash when known), sentence, trigger, code and actors."""
        key = "|".join([
                doc_key, str(self.sentence_index), str(self.trigger.start), self.cameo,
                (self.source.code or self.source.text) if self.source else "",
                (self.target.code or self.target.text) if self.target else "",
        ])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "trigger": self.trigger.to_dict(),
            "date": self.date,
            "deadline": self.deadline,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "negated": self.negated,
            "modality": self.modality,
            "quantities": [q.to_dict() for q in self.quantities],
            "location": self.location,
            "confidence": self.confidence,
            "rule": self.rule,
            "coder": self.coder,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        trig = data["trigger"]
        return cls(
            doc_id=data["doc_id"], sentence_index=data["sentence_index"], sentence=data["sentence"],
            trigger=Trigger(trig["text"], trig["start"], trig["end"]), cameo=data["cameo"],
            cameo_root=data["cameo_root"], quad_class=data["quad_class"], goldstein=data["goldstein"],
            plover=data.get("plover"), plover_mode=data.get("plover_mode"),
            source=Actor.from_dict(data.get("source")), target=Actor.from_dict(data.get("target")),
            date=data.get("date"), deadline=data.get("deadline"), negated=bool(data.get("negated")),
            modality=data.get("modality", "asserted"),
            quantities=tuple(Quantity.from_dict(q) for q in data.get("quantities") or ()),
            location=data.get("location"), confidence=data.get("confidence", 0.5),
            rule=data.get("rule", ""), coder=data.get("coder", ""),
            reported_by=Actor.from_dict(data.get("reported_by")), event_id=data.get("event_id", ""),
        )


EVENT_FIELDS = (
    "event_id", "doc_id", "sentence_index", "sentence", "trigger", "date", "deadline", "cameo",
    "cameo_root", "quad_class", "goldstein", "plover", "plover_mode", "source", "target", "negated",
    "modality", "quantities", "location", "confidence", "rule", "coder", "reported_by",
)
