"""The ``tidings_places`` spaCy component: every place mention of a document, resolved.

It runs after NER, the parser and ``tidings_actors`` (whose actor countries are context) and sets:

- ``doc._.places``: ``PlaceMention`` records in text order (offsets into the document text);
- ``doc._.place_focus``: the document's focus, the place it is about (``locate.focus``), or None.

The coder reads these to locate events; it never parses places itself.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from tidings.places.build import load_gazetteer
from tidings.places.finder import find_toponyms
from tidings.places.gazetteer import Gazetteer
from tidings.places.locate import acts, focus
from tidings.places.resolve import PlaceMention, resolve

__all__ = ["PlacesComponent", "doc_places"]

if not Doc.has_extension("places"):
    Doc.set_extension("places", default=None)
if not Doc.has_extension("place_focus"):
    Doc.set_extension("place_focus", default=None)


def doc_places(doc: Doc, gaz: Gazetteer) -> list[PlaceMention]:
    """Find and resolve the place mentions of a parsed ``Doc`` (the component's work, as a function)."""
    starts = [s.start for s in doc.sents]
    actors = doc._.actors or []
    countries = {a.country for _s, _e, a in actors if getattr(a, "country", None)}
    return resolve(find_toponyms(doc, gaz), actor_countries=countries,
                   sentence_of=lambda i: bisect_right(starts, i) - 1)


class PlacesComponent:
    def __init__(self, nlp: Language, name: str = "tidings_places", gazetteer: str = "cities1000") -> None:
        self.name = name
        self.gazetteer = load_gazetteer(gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc_places(doc, self.gazetteer)
        doc._.places = mentions
        doc._.place_focus = focus([m for m in mentions if not acts(doc, m)])
        return doc


@Language.factory("tidings_places_v1", default_config={"gazetteer": "cities1000"},
                  requires=["token.dep", "token.pos", "token.ent_type", "doc.sents"],
                  assigns=["doc._.places", "doc._.place_focus"])
def make_places(nlp: Language, name: str, gazetteer: str) -> PlacesComponent:
    return PlacesComponent(nlp, name, gazetteer)
