"""Where an event happened: a place from the event's clause, else its sentence, else the document focus.

``locate_event(trigger, places, focus)`` returns the ``Location`` and how it was chosen:

- ``clause``: a place attached to the trigger's own clause by a locative word ("clashes *in* Aleppo",
  "troops advanced *near* Bakhmut", "a Kabul-based group"), the nearest and most precise first;
- ``sentence``: else a place elsewhere in the sentence that is no one's actor ("Russia" in
  "Russia shelled the city" is the source, not the place; neither is "Brussels" in "since
  Washington and Brussels sanctioned Minsk", whatever event of the sentence is located);
- ``focus``: else the document's focus, the place it is mostly about (``focus``), counting only
  places named as places (``acts``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tidings.docindex import children, deps, memo, sentence_of
from tidings.places.resolve import PlaceMention
from tidings.records import Location

__all__ = ["PRECISION", "acts", "focus", "is_party", "locate_event", "to_location"]

# precision of a location from the feature of its place
PRECISION = {"country": "country", "admin1": "admin1", "admin2": "admin1", "region": "admin1", "landform": "admin1",
             "water": "admin1", "city": "city"}
_RANK = {"city": 0, "admin1": 1, "country": 2}
# where something happened ("in", "near"), not where it went or whom it was aimed at ("to", "on")
LOCATIVE = frozenset({"in", "near", "at", "outside", "around", "across", "along", "inside", "within", "throughout",
                      "off", "over"})
CLAUSE_EDGES = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "xcomp", "conj"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "dative", "iobj", "attr"})


def to_location(m: PlaceMention) -> Location:
    p = m.place
    precision = PRECISION.get(p.feature, "admin1")
    if p.feature in ("region", "water", "landform") and not p.country:
        precision = "country"
    return Location(text=m.text, name=p.name, lat=p.lat, lon=p.lon, country=p.country, admin1=p.admin1,
                    geonames_id=p.geonames_id, precision=precision)


def focus(mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place a document is about: the most often named (a dateline counts double); among
    equals the most precise, then the first."""
    if not mentions:
        return None
    counts: Counter = Counter()
    for m in mentions:
        counts[m.place.key] += 2 if "dateline" in m.cues else 1
    first: dict[str, int] = {}
    for k, m in enumerate(mentions):
        first.setdefault(m.place.key, k)
    best = max(first, key=lambda key: (counts[key], -_RANK[PRECISION.get(mentions[first[key]].place.feature, "admin1")],
                                       -first[key]))
    return mentions[first[best]]


def _clause(tok: Token) -> set[int]:
    """Token indices of the trigger's clause, without embedded clauses."""
    top = tok.i
    if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("VERB", "AUX") and tok.dep_ not in CLAUSE_EDGES:
        top = tok.head.i
    kids, labels = children(tok.doc), deps(tok.doc)
    out: set[int] = set()
    stack = [top]
    while stack:
        t = stack.pop()
        out.add(t)
        stack.extend(c for c in kids[t] if labels[c] not in CLAUSE_EDGES or c == tok.i)
    return out


def _by_sentence(doc: Doc, mentions: Sequence[PlaceMention] | None) -> dict[int, list[tuple[int | None, PlaceMention]]]:
    """The place mentions of each sentence (by its first token), in their order, with the index of
    their root token (None when the mention's characters are no span of the document): found once
    per document and list of mentions."""
    answers = memo(doc)
    hit = answers.get("places-by-sentence")
    if hit is not None and hit[0] is mentions:
        return hit[1]
    out: dict[int, list[tuple[int | None, PlaceMention]]] = {}
    for m in mentions or ():
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        where = sentence_of(doc[span.start]).start if span is not None else _sentence_at_char(doc, m.start)
        out.setdefault(where, []).append((span.root.i if span is not None else None, m))
    answers["places-by-sentence"] = (mentions, out)
    return out


def _sentence_at_char(doc: Doc, char: int) -> int:
    for sent in doc.sents:
        if sent.start_char <= char < sent.end_char:
            return sent.start
    return -1


def _locative(root: Token) -> bool:
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        return True
    nxt = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    if nxt is not None and nxt.text == "-" and root.i + 2 < len(root.doc) and root.doc[root.i + 2].lower_ == "based":
        return True
    return root.dep_ in ("compound", "npadvmod") and root.head.lower_ in ("based", "border", "outskirts")


def _aimed_at(root: Token, m: PlaceMention) -> bool:
    """A town or region an attack is aimed at ("on Odesa Oblast", "against Kharkiv", "shelled
    Bakhmut", "the shelling of Donetsk"); a country there is the target, not a location."""
    if m.place.feature == "country":
        return False
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "against", "into", "at", "of"):
        return True
    return root.dep_ == "dobj"


PARTY_PREPS = frozenset({"with", "against", "by", "between"})


def is_party(root: Token) -> bool:
    """Public name of ``_argument``: whether a place word names a party, not a location."""
    return _argument(root)


def _argument(root: Token) -> bool:
    """A place named as someone who acts or is acted on, by any verb of the sentence ("since
    Washington and Brussels sanctioned ...", "Warsaw's decision", "talks with Kyiv", "a war
    against Ukraine"): an actor there, not a location."""
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ in ACTOR_DEPS:
        return True
    if first.dep_ == "pobj" and first.head.lower_ in PARTY_PREPS:
        return True
    return first.dep_ == "poss" and first.head.dep_ in ACTOR_DEPS


def acts(doc: Doc, m: PlaceMention) -> bool:
    """Whether a place mention names an actor of some verb rather than a place (see ``_argument``);
    such mentions never make a document's focus."""
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # not len(doc.text): that builds the text
    span = doc.char_span(m.start, m.end, alignment_mode="expand") if 0 <= m.start < m.end <= size else None
    return span is not None and _argument(span.root)


def _order(tok: Token, items: list[tuple[Token, PlaceMention]]) -> PlaceMention:
    def rank(item: tuple[Token, PlaceMention]) -> tuple[int, int]:
        root, m = item
        return (_RANK[to_location(m).precision or "admin1"], abs(root.i - tok.i))
    return min(items, key=rank)[1]


def locate_event(tok: Token, mentions: Sequence[PlaceMention] | None,
                 doc_focus: PlaceMention | None, *, strike: bool = False) -> tuple[Location | None, str]:
    """The location of the event triggered by ``tok``, and how it was chosen (clause, sentence,
    focus or none). For a ``strike`` (an attack, fighting, a killing) the place it is aimed at is
    where it happened too ("a missile attack on Odesa", "shelling of Kharkiv")."""
    sent = sentence_of(tok)
    doc = tok.doc
    here = [(doc[r] if r is not None else tok, m) for r, m in _by_sentence(doc, mentions).get(sent.start, ())
            if sent.start_char <= m.start < sent.end_char]
    if not here:  # no place named in the sentence
        return (to_location(doc_focus), "focus") if doc_focus is not None else (None, "none")
    clause = _clause(tok)
    in_clause = [(r, m) for r, m in here if r.i in clause and (_locative(r) or strike and _aimed_at(r, m))]
    if in_clause:
        return to_location(_order(tok, in_clause)), "clause"
    actors = {c.i for c in tok.children if c.dep_ in ACTOR_DEPS}
    actors |= {g.i for a in list(actors) for g in tok.doc[a].children if g.dep_ in ("poss", "compound")}
    rest = [(r, m) for r, m in here if r.i not in actors and not (r.head.i in actors and r.dep_ in ("poss", "compound"))
            and not (r.i == tok.i) and not _argument(r)]
    if rest:
        return to_location(_order(tok, rest)), "sentence"
    if doc_focus is not None:
        return to_location(doc_focus), "focus"
    return None, "none"
