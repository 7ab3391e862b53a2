"""Resolving toponyms to gazetteer places with the document as context.

Each candidate place gets a score: a prior from what it is (countries and listed regions first,
then divisions and cities by population, national capitals up) plus evidence from the document:

- ``apposition``: "Paris, Texas" puts Paris inside Texas (the strongest cue);
- ``countries``: the countries the document names, its dateline, and the countries of its actors;
- ``divisions``: a first-level division named in the document, or that holds other places named;
- ``nearby``: other places of the document within a few hundred kilometres;
- ``same name``: a name resolves the same way throughout a document unless its own text says otherwise.

Resolution runs twice: first on priors and appositions alone, then with the context the first pass
found. The result is a ``PlaceMention`` per toponym, with a confidence from the margin over the
runner-up.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from tidings.places.finder import Toponym
from tidings.places.gazetteer import Place, distance_km, name_key

__all__ = ["PlaceMention", "resolve"]

COUNTRY_ALIASES = {"KOS": "XKX"}  # actor codes (CAMEO) -> gazetteer codes (GeoNames)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A resolved place mention: character offsets into the document text, and the place."""

    text: str
    start: int
    end: int
    place: Place
    confidence: float
    cues: tuple[str, ...] = ()
    sentence: int = 0

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "start": self.start, "end": self.end, **self.place.to_dict(),
                "confidence": self.confidence}


def _prior(p: Place, key: str) -> float:
    """What the place is, before context: countries and the hand-listed regions first (a listed
    name is what news means by it), then divisions and cities by population, capitals up; a place's
    own name counts more than one of its alternate names."""
    if p.feature == "country":
        base = 7.5
    elif p.feature in ("region", "water", "landform"):
        base = 11.0  # above any context: the list holds only what news means by these names
    elif p.feature == "admin1":
        base = 2.0 + 0.45 * math.log10(p.population + 1)
    elif p.feature == "admin2":
        base = 0.4 * math.log10(p.population + 1)
    else:
        base = 0.8 * math.log10(p.population + 10) + (1.0 if p.capital else 0.0)
    return base + (1.0 if name_key(p.name) == key else 0.0)


def _inside(p: Place, container: Place) -> bool:
    if container.feature == "country":
        return p.country == container.country and p.feature != "country"
    if container.feature == "admin1":
        return p.country == container.country and p.admin1 == container.admin1 and p.feature != "admin1"
    if container.feature in ("region", "landform") and container.country:
        return p.country == container.country
    return False


@dataclass
class _Context:
    countries: Counter
    actor_countries: set[str]
    admin1s: set[tuple[str | None, str | None]]
    points: list[tuple[int, Place]]
    dateline_country: str | None
    # derived once per document: mentions per country, and the points that count as "nearby"
    country_totals: Counter = field(default_factory=Counter)
    nearby: list[tuple[str, float, float]] = field(default_factory=list)


KM_PER_DEGREE = 6371.0 * math.pi / 180  # a degree of latitude: no two places are nearer than that times their latitude gap
NEARBY_KM = (150, 400)


def _score(t: Toponym, k: int, p: Place, found: list[Toponym], chosen: list[Place | None], ctx: _Context | None,
           contents: list[int]) -> float:
    """The score of place ``p`` for toponym ``t`` (the ``k``-th found); ``contents`` are the
    toponyms ``t`` is the container of."""
    s = _prior(p, t.key)
    if "division" in t.cues and p.feature in ("admin1", "admin2"):
        s += 3.5 if p.feature == "admin1" else 1.5
    elif p.feature == "city" and p.admin1 and name_key(p.admin1).split(" ")[0] == t.key:
        s += 1.5  # "Herat", "Gao": the city more often than the province named after it
    if t.container is not None:
        box = chosen[t.container]
        if box is not None and _inside(p, box):
            s += 6.0
    if p.feature == "country" and any((sib := chosen[j]) is not None and sib.feature == "country" for j in t.siblings):
        s += 2.0  # "Nigeria, Niger, Chad and Cameroon": a country among countries
    for j in contents:  # "Texas" after "Paris,": the container that holds Paris
        if (inner := chosen[j]) is not None and _inside(inner, p):
            s += 6.0
    if ctx is None:
        return s
    mentions = ctx.country_totals[p.country] - ctx.countries[(t.key, p.country)]
    if p.country and mentions > 0:
        s += 1.5 + 0.25 * min(mentions, 4)
    if p.country and p.country == ctx.dateline_country:
        s += 1.0
    if p.country in ctx.actor_countries:
        s += 1.0
    if p.feature not in ("country", "admin1") and (p.country, p.admin1) in ctx.admin1s:
        s += 2.0
    if p.feature == "admin1":
        held = sum(1 for j, q in ctx.points if found[j].key != t.key and q.feature in ("city", "admin2")
                   and q.country == p.country and q.admin1 == p.admin1)
        s += min(held, 2) * 1.5
    if p.feature not in ("country", "water", "region"):
        near = math.inf
        for key, lat, lon in ctx.nearby:
            # the latitude gap alone puts a point beyond the outer radius: no need for the distance
            if key != t.key and abs(lat - p.lat) * KM_PER_DEGREE < NEARBY_KM[1] + 1:
                near = min(near, distance_km(p.lat, p.lon, lat, lon))
        s += 1.0 if near < NEARBY_KM[0] else 0.5 if near < NEARBY_KM[1] else 0.0
    return s


def _choose(found: list[Toponym], ctx: _Context | None, chosen: list[Place | None]) -> list[tuple[Place | None, float]]:
    out: list[tuple[Place | None, float]] = []
    holds: dict[int, list[int]] = {}
    for j, other in enumerate(found):
        if other.container is not None:
            holds.setdefault(other.container, []).append(j)
    for k, t in enumerate(found):
        contents = holds.get(k, [])
        scored = sorted(((_score(t, k, p, found, chosen, ctx, contents), p) for p in t.candidates), key=lambda x: -x[0])
        if not scored:
            out.append((None, 0.0))
            continue
        margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 4.0
        out.append((scored[0][1], round(0.5 + 0.49 * math.tanh(margin / 2), 2)))
    return out


def resolve(found: list[Toponym], *, actor_countries: Iterable[str] = (), sentence_of=None) -> list[PlaceMention]:
    """Resolve the toponyms of one document (in text order)."""
    chosen: list[Place | None] = [None] * len(found)
    for _ in range(2):  # priors and appositions; containers resolve first, then what they hold
        chosen = [p for p, _c in _choose(found, None, chosen)]
    dateline = next((p for t, p in zip(found, chosen, strict=True) if "dateline" in t.cues and p is not None), None)
    ctx = _Context(
        countries=Counter((t.key, p.country) for t, p in zip(found, chosen, strict=True) if p is not None and p.country),
        actor_countries={COUNTRY_ALIASES.get(c, c) for c in actor_countries},
        admin1s={(p.country, p.admin1) for p in chosen if p is not None and p.feature == "admin1"},
        points=[(j, p) for j, p in enumerate(chosen) if p is not None],
        dateline_country=dateline.country if dateline else None,
    )
    for (_key, country), n in ctx.countries.items():
        ctx.country_totals[country] += n
    ctx.nearby = [(found[j].key, q.lat, q.lon) for j, q in ctx.points
                  if q.feature not in ("country", "water", "region", "landform")]
    results = _choose(found, ctx, chosen)
    # one sense per name and document, unless the mention's own apposition says otherwise
    best_by_key: dict[str, tuple[float, Place]] = {}
    for t, (p, conf) in zip(found, results, strict=True):
        if p is not None and (t.key not in best_by_key or conf > best_by_key[t.key][0]):
            best_by_key[t.key] = (conf, p)
    out = []
    for t, (p, conf) in zip(found, results, strict=True):
        if p is None:
            continue
        if "apposition" not in t.cues and t.key in best_by_key and best_by_key[t.key][1] is not p:
            conf, p = best_by_key[t.key]
        out.append(PlaceMention(t.text, t.start_char, t.end_char, p, conf, tuple(sorted(t.cues)),
                                sentence_of(t.start) if sentence_of else 0))
    return out
