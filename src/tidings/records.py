"""Typed records that flow through tidings: documents, actors, quantities and events.

Every record is a frozen dataclass with ``to_dict`` and ``from_dict``; ``Event.to_dict`` is the
public event record documented in the README.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    kind: str = "organization"  # state | person | organization | group
    via: str = field(default="", compare=False)  # how it was resolved (traces only, not part of the record)

    def with_via(self, via: str) -> Actor:
        """The same actor resolved by ``via`` (itself when it already says so; faster than ``replace``)."""
        return self if via == self.via else Actor(self.text, self.code, self.country, self.sector, self.name, self.kind, via)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "country": self.country, "sector": self.sector,
                "name": self.name, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        if data is None:
            return None
        return cls(text=data.get("text") or "", code=data.get("code"), country=data.get("country"),
                   sector=data.get("sector"), name=data.get("name"), kind=data.get("kind") or "organization")


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


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: the place's words in the text and the gazetteer entry they resolve
    to. ``precision`` is country, admin1 (a division, region, sea or range) or city."""

    text: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | str | None) -> Location | None:
        if data is None or data == "":
            return None
        if isinstance(data, str):  # records written before places were resolved: a bare name
            return cls(text=data)
        values: dict[str, Any] = {f: data.get(f) for f in LOCATION_FIELDS}
        return cls(**values)


LOCATION_FIELDS: tuple[str, ...] = ("text", "name", "lat", "lon", "country", "admin1", "geonames_id", "precision")


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
    dateline: str | None = None  # place named by the wire dateline ("Nairobi, Kenya")
    fetched: str | None = None  # when it was downloaded (WARC-Date, or the time of ``tidings fetch``), ISO 8601

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


@dataclass(frozen=True, slots=True)
class FieldDoc:
    """A field of the public event record and what it means (the README table is made from these)."""

    name: str
    meaning: str


# The public event record, in order. ``Event``, its JSON form, the flat columns of CSV, Parquet and
# the store, and the README table all follow from this list (tests check each).
EVENT_FIELD_DOCS: tuple[FieldDoc, ...] = (
    FieldDoc("mention_id", "stable id of the mention (same document content, sentence, trigger, code and actors → same id)"),
    FieldDoc("event_id", "id of the event (the real-world happening) the mention reports, shared by every mention of it "
             "(see the event record), or null before clustering"),
    FieldDoc("doc_id", "document id (JSONL `id`, or the file name without extension)"),
    FieldDoc("sentence_index", "index of the evidence sentence in the document"),
    FieldDoc("sentence", "the evidence sentence"),
    FieldDoc("trigger", "`{text, start, end}`: the word that triggered the event; offsets into the cleaned document text"),
    FieldDoc("date", "YYYY-MM-DD the event happened (resolved time expression, else the publication date), or null"),
    FieldDoc("date_precision", "how precise `date` is: `day`, `week` (its Monday), `month` (its 1st) or `year` (1 January); "
             "null when `date` is null"),
    FieldDoc("deadline", "YYYY-MM-DD by which an intended event is to happen (\"by June 30\", \"before the end of next "
             "year\", \"within two months\"), or null"),
    FieldDoc("deadline_precision", "`day`, `month` or `year` for the deadline, or null"),
    FieldDoc("cameo", "full CAMEO event code, e.g. `\"0331\"`"),
    FieldDoc("cameo_root", "its root, e.g. `\"03\"`"),
    FieldDoc("quad_class", "GDELT QuadClass 1–4"),
    FieldDoc("goldstein", "Goldstein score of the code"),
    FieldDoc("plover", "PLOVER category (null for CAMEO 01 comments)"),
    FieldDoc("plover_mode", "PLOVER mode, or null"),
    FieldDoc("source", "null or an actor `{text, code, country, sector, name, kind}`: `code` a CAMEO actor code "
             "(`RUSGOV`, `IGOEUREEC`) or null when unresolved, `country` ISO 3166 alpha-3, `kind` state, person, "
             "organization or group"),
    FieldDoc("target", "the target actor, as `source`"),
    FieldDoc("negated", "true for \"did not agree\", \"never attacked\""),
    FieldDoc("modality", "`asserted`, `intended` (will, plans to, pledged, agreed to …) or `hypothetical` "
             "(may, could, if …)"),
    FieldDoc("quantities", "list of `{kind, value, unit, per, category, text}`; `kind` is money, price or count; a "
             "count's `category` is what happened to those counted when the text says it (`killed`, `wounded`, "
             "`arrested`, `released`, `abducted` … from \"killing two soldiers\", \"wounding 27\", \"40 were "
             "detained\"), else who they are (`soldiers`, `civilians`, `protesters`)"),
    FieldDoc("location", "null or `{text, name, lat, lon, country, admin1, geonames_id, precision}`: where the event "
             "happened, from its own clause (\"in X\", \"near X\", \"X-based\"), else its sentence, else the "
             "document's focus (the choice is in `trace`); `precision` is country, admin1 or city"),
    FieldDoc("confidence", "0–1"),
    FieldDoc("rule", "id of the lexicon pattern that produced the event"),
    FieldDoc("coder", "coder version: code version + hashes of the data files and the knowledge base"),
    FieldDoc("reported_by", "the actor who reported it (\"Putin said that …\", \"according to …\"), or null"),
    FieldDoc("trace", "the decisions that shaped the event, by stage and rule (`tidings explain` shows them in full)"),
)
EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in EVENT_FIELD_DOCS)
ACTOR_FIELDS: tuple[str, ...] = ("text", "code", "country", "sector", "name", "kind")
ACTOR_ROLES: tuple[str, ...] = ("source", "target", "reported_by")


def _plain(value: Any) -> Any:
    if isinstance(value, (Actor, Trigger, Quantity, Location)):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Event:
    """One coded event in one sentence: a *mention* of a real-world happening (``Happening`` groups
    the mentions of one). Fields: ``EVENT_FIELD_DOCS``."""

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
    date_precision: str | None = None
    deadline: str | None = None
    deadline_precision: str | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted | intended | hypothetical
    quantities: tuple[Quantity, ...] = ()
    location: Location | None = None
    confidence: float = 0.5
    rule: str = ""
    coder: str = ""
    reported_by: Actor | None = None
    trace: tuple[str, ...] = ()
    mention_id: str = field(default="")
    event_id: str | None = None

    def __post_init__(self) -> None:
        if not self.mention_id:
            object.__setattr__(self, "mention_id", self.make_id(self.doc_id))

    def make_id(self, doc_key: str) -> str:
        """Stable id from the document key (its content hash when known), sentence, trigger, code and actors."""
        key = "|".join([
                doc_key, str(self.sentence_index), str(self.trigger.start), self.cameo,
                (self.source.code or self.source.text) if self.source else "",
                (self.target.code or self.target.text) if self.target else "",
        ])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in EVENT_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        trig = data["trigger"]
        return cls(
            doc_id=data["doc_id"], sentence_index=data["sentence_index"], sentence=data["sentence"],
            trigger=Trigger(trig["text"], trig["start"], trig["end"]), cameo=data["cameo"],
            cameo_root=data["cameo_root"], quad_class=data["quad_class"], goldstein=data["goldstein"],
            plover=data.get("plover"), plover_mode=data.get("plover_mode"),
            source=Actor.from_dict(data.get("source")), target=Actor.from_dict(data.get("target")),
            date=data.get("date"), date_precision=data.get("date_precision"), deadline=data.get("deadline"),
            deadline_precision=data.get("deadline_precision"), negated=bool(data.get("negated")),
            modality=data.get("modality", "asserted"),
            quantities=tuple(Quantity.from_dict(q) for q in data.get("quantities") or ()),
            location=Location.from_dict(data.get("location")), confidence=data.get("confidence", 0.5),
            rule=data.get("rule", ""), coder=data.get("coder", ""),
            reported_by=Actor.from_dict(data.get("reported_by")), trace=tuple(data.get("trace") or ()),
            mention_id=data.get("mention_id", ""), event_id=data.get("event_id"),
        )


def flat_columns() -> tuple[str, ...]:
    """Columns of the flat event row (CSV, Parquet, the store): actors and the trigger expanded."""
    out: list[str] = []
    for name in EVENT_FIELDS:
        if name in ACTOR_ROLES:
            out.extend(f"{name}_{f}" for f in ACTOR_FIELDS)
        elif name == "trigger":
            out.extend(("trigger_text", "trigger_start", "trigger_end"))
        elif name == "location":
            out.extend(f"location_{f}" for f in LOCATION_FIELDS)
        else:
            out.append(name)
    return tuple(out)


FLAT_COLUMNS: tuple[str, ...] = flat_columns()


def event_to_flat(ev: Event) -> dict[str, Any]:
    """The flat row of an event; ``quantities`` and ``trace`` stay lists (writers encode them)."""
    row: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        value = getattr(ev, name)
        if name in ACTOR_ROLES:
            for f in ACTOR_FIELDS:
                row[f"{name}_{f}"] = getattr(value, f) if value is not None else None
        elif name == "trigger":
            row.update(trigger_text=value.text, trigger_start=value.start, trigger_end=value.end)
        elif name == "location":
            for f in LOCATION_FIELDS:
                row[f"location_{f}"] = getattr(value, f) if value is not None else None
        else:
            row[name] = _plain(value)
    return row


def event_from_flat(row: Any, quantities: Iterable[Quantity] = ()) -> Event:
    """An ``Event`` from a flat row (a mapping or an object with attributes), e.g. a store row."""
    get: Callable[[str], Any] = row.get if isinstance(row, dict) else (lambda k: getattr(row, k, None))
    values: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        if name in ACTOR_ROLES:
            text = get(f"{name}_text")
            values[name] = None if text is None else Actor.from_dict({f: get(f"{name}_{f}") for f in ACTOR_FIELDS})
        elif name == "trigger":
            values[name] = Trigger(str(get("trigger_text")), int(get("trigger_start")), int(get("trigger_end")))
        elif name == "location":
            text = get("location_text")
            values[name] = None if text is None else Location(**{f: get(f"location_{f}") for f in LOCATION_FIELDS})
        elif name == "quantities":
            values[name] = tuple(quantities)
        elif name == "trace":
            values[name] = tuple(get("trace") or ())
        elif name == "negated":
            values[name] = bool(get("negated"))
        else:
            values[name] = get(name)
    return Event(**values)


def render_field_table() -> str:
    """The README's table of the event record."""
    lines = ["| field | meaning |", "|---|---|"]
    lines += [f"| `{f.name}` | {f.meaning} |" for f in EVENT_FIELD_DOCS]
    return "\n".join(lines)


# The public record of an event: one real-world happening and the mentions that report it (the
# README's second table is made from this list).
HAPPENING_FIELD_DOCS: tuple[FieldDoc, ...] = (
    FieldDoc("event_id", "stable id of the event: the same mentions give the same id, whatever the order or split of ingests"),
    FieldDoc("date", "YYYY-MM-DD the event happened: the day most of its mentions name (else the week, month or year named, as the mention record gives it), else its first report's publication date"),
    FieldDoc("source", "the source actor of the representative mention (as in the mention record)"),
    FieldDoc("target", "its target actor"),
    FieldDoc("cameo", "CAMEO code of the representative mention"),
    FieldDoc("cameo_root", "its root (every mention of an event has this root)"),
    FieldDoc("quad_class", "GDELT QuadClass 1–4"),
    FieldDoc("goldstein", "Goldstein score of the code"),
    FieldDoc("plover", "PLOVER category"),
    FieldDoc("plover_mode", "PLOVER mode, or null"),
    FieldDoc("negated", "true when the mentions deny the act (negated mentions never join asserted events)"),
    FieldDoc("modality", "`asserted`, `intended` or `hypothetical` (hypothetical mentions never join asserted events)"),
    FieldDoc("location", "where it happened (as in the mention record): the place most of its mentions name, or null"),
    FieldDoc("quantities", "amounts of the representative mention, as in the mention record"),
    FieldDoc("num_mentions", "mentions of the event (GDELT NumMentions)"),
    FieldDoc("num_articles", "documents that mention it, syndicated copies included (GDELT NumArticles)"),
    FieldDoc("num_sources", "distinct outlets that reported it independently: a syndicated copy counts with its original (GDELT NumSources)"),
    FieldDoc("sources", "those outlets, sorted"),
    FieldDoc("first_seen", "earliest publication date of a document that mentions it"),
    FieldDoc("last_seen", "latest such publication date"),
    FieldDoc("confidence", "0–1: grows with independent sources (1 − Π(1 − best mention confidence of each source))"),
    FieldDoc("mentions", "ids of its mentions (`mention_id`), in document and sentence order"),
    FieldDoc("representative", "`{mention_id, doc_id, sentence}`: the best evidence sentence (most precise date, highest confidence)"),
)
HAPPENING_FIELDS: tuple[str, ...] = tuple(f.name for f in HAPPENING_FIELD_DOCS)


@dataclass(frozen=True)
class Happening:
    """One real-world event and the mentions that report it. Fields: ``HAPPENING_FIELD_DOCS``."""

    event_id: str
    date: str | None
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    negated: bool
    modality: str
    location: Location | None
    quantities: tuple[Quantity, ...]
    num_mentions: int
    num_articles: int
    num_sources: int
    sources: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None
    confidence: float
    mentions: tuple[str, ...]
    representative: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in HAPPENING_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Happening:
        values: dict[str, Any] = {name: data.get(name) for name in HAPPENING_FIELDS}
        values["source"] = Actor.from_dict(data.get("source"))
        values["target"] = Actor.from_dict(data.get("target"))
        values["location"] = Location.from_dict(data.get("location"))
        values["quantities"] = tuple(Quantity.from_dict(q) for q in data.get("quantities") or ())
        values["sources"] = tuple(data.get("sources") or ())
        values["mentions"] = tuple(data.get("mentions") or ())
        values["negated"] = bool(data.get("negated"))
        return cls(**values)


def render_happening_table() -> str:
    """The README's table of the event record."""
    lines = ["| field | meaning |", "|---|---|"]
    lines += [f"| `{f.name}` | {f.meaning} |" for f in HAPPENING_FIELD_DOCS]
    return "\n".join(lines)
