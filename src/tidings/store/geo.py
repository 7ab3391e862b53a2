"""Place filters for event queries: a country of the event location, and a radius around a point.

``near_box`` narrows in SQL to a latitude/longitude box around the circle (portable, indexable);
``within`` then keeps what lies inside the circle by great-circle distance.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["near_box", "place_country_codes", "within"]

# Kosovo has no ISO 3166 code: GeoNames (and so the gazetteer) says XKX, CAMEO actor codes say KOS
_SAME_COUNTRY = {"KOS": ("KOS", "XKX"), "XKX": ("KOS", "XKX")}


def place_country_codes(code: str) -> tuple[str, ...]:
    c = code.strip().upper()
    return _SAME_COUNTRY.get(c, (c,))


def near_box(lat_col: Any, lon_col: Any, near: tuple[float, float, float]) -> list[Any]:
    lat, lon, km = near
    dlat = km / 111.0
    conds = [lat_col.is_not(None), lat_col >= lat - dlat, lat_col <= lat + dlat]
    cos = math.cos(math.radians(min(abs(lat) + dlat, 89.9)))
    dlon = km / (111.0 * max(cos, 1e-6))
    if dlon < 180 and -180 <= lon - dlon and lon + dlon <= 180:
        conds += [lon_col >= lon - dlon, lon_col <= lon + dlon]
    return conds


def within(lat: float | None, lon: float | None, near: tuple[float, float, float]) -> bool:
    if lat is None or lon is None:
        return False
    from tidings.places.gazetteer import distance_km

    return distance_km(lat, lon, near[0], near[1]) <= near[2]
