"""Places: the gazetteer, toponym finding and resolution, event locations, and their evaluation.

    gaz = load_gazetteer()                      # GeoNames-derived, built once from installed packages
    mentions = doc._.places                     # set by the ``tidings_places`` component
    where, how = locate_event(trigger, mentions, doc._.place_focus)
"""

from tidings.places.build import build_gazetteer, cache_path, load_gazetteer
from tidings.places.component import doc_places as doc_places_for
from tidings.places.gazetteer import Gazetteer, Place, distance_km, name_key
from tidings.places.locate import focus, locate_event, to_location
from tidings.places.resolve import PlaceMention

__all__ = ["Gazetteer", "Place", "PlaceMention", "build_gazetteer", "cache_path", "distance_km", "doc_places_for", "focus",
           "load_gazetteer", "locate_event", "name_key", "to_location"]
