"""The gazetteer: places by name, with coordinates, country, first-level division and population.

    gaz = load_gazetteer()
    gaz.candidates("Georgia")   # -> [Place(GEO country), Place(USA admin1), Place(city in ...), ...]

It is built by ``places.build`` from installed, hash-locked packages (GeoNames data, CC BY 4.0) and
two hand-written tables in ``data/places/``, then cached on disk (``cache_path()``); the first use
builds it, ``make gazetteer`` builds it ahead. Nothing is downloaded.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["FEATURES", "Gazetteer", "Place", "distance_km", "name_key"]

# feature types, from the widest to the narrowest (precision of an event location follows them)
FEATURES = ("country", "region", "water", "landform", "admin1", "admin2", "city")

_SPACES = re.compile(r"\s+")
_DASHES = str.maketrans({"-": " ", "‐": " ", "–": " ", "—": " ", "’": "'", "‘": "'", "`": "'", ".": ""})


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The lookup key of a name: accents stripped, case folded, dashes as spaces, no periods or
    leading "the" ("Côte d’Ivoire" -> "cote d'ivoire", "Port-au-Prince" -> "port au prince")."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold().translate(_DASHES)
    folded = _SPACES.sub(" ", folded).strip()
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``key`` is stable: ``gn:<geonames id>`` when GeoNames has the place,
    else ``admin1:<CC>.<code>``, ``admin2:<CC>.<n>`` or ``region:<name>``."""

    key: str
    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166 alpha-3 (XKX for Kosovo, as in GeoNames)
    admin1: str | None
    feature: str
    population: int = 0
    geonames_id: int | None = None
    capital: bool = False

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "geonames_id": self.geonames_id, "lat": self.lat, "lon": self.lon,
                "country": self.country, "admin1": self.admin1, "feature": self.feature}


def distance_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Gazetteer:
    """Places and a name index (``name_key`` -> indices of places). Immutable once built."""

    def __init__(self, places: Sequence[Place], index: dict[str, tuple[int, ...]], source: str = "") -> None:
        self.places = list(places)
        self.index = index
        self.source = source  # what it was built from (packages, versions, size)
        self.countries = {p.country: p for p in self.places if p.feature == "country" and p.country}
        self.max_words = max((k.count(" ") + 1 for k in index), default=1)

    def __len__(self) -> int:
        return len(self.places)

    def candidates(self, name: str) -> list[Place]:
        return [self.places[i] for i in self.index.get(name_key(name), ())]

    def has(self, name: str) -> bool:
        return name_key(name) in self.index

    def country(self, code: str | None) -> Place | None:
        return self.countries.get(code) if code else None

    def find(self, key: str) -> Place | None:
        return next((p for p in self.places if p.key == key), None)

    @staticmethod
    def build_index(names: Iterable[tuple[str, int]]) -> dict[str, tuple[int, ...]]:
        index: dict[str, list[int]] = {}
        for name, i in names:
            k = name_key(name)
            if k:
                bucket = index.setdefault(k, [])
                if not bucket or bucket[-1] != i:
                    bucket.append(i)
        return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}
