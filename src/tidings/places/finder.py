"""Finding toponyms: spaCy's GPE/LOC/FAC entities, and gazetteer names the small model misses.

Every capitalised run of tokens that is a gazetteer name is a candidate (the longest wins). A
candidate is kept when the text shows it is a place:

- ``ner``: spaCy labelled it GPE, LOC or FAC;
- ``dateline``: the upper-case place that opens an agency story ("KHARTOUM, Sudan (Reuters) —");
- ``locative``: the object of "in", "near", "outside", "from", "toward", … ("fled to Adre");
- ``division``: followed by "province", "state", "district", … ("Borno state");
- ``apposition``: "Paris, Texas", "Alexandria, Va.", whichever side was found first;
- ``list``: coordinated with kept places ("Nyala, Zalingei and El Geneina");
- ``prominent``: a country, a first-level division, a listed region or a city of a million.

It is dropped inside a longer non-place entity ("Victoria Lane", "Islamic State"), over a date,
and when a person's name stands without a locative cue. A word of a longer place name the gazetteer
does not hold ("Galwan Valley", "the Line of Actual Control") is kept only when it fits the
document's geography (``coherent``, below); a name followed by its division word takes the division
that bears it ("Plateau state"). A national capital used as an actor
("Washington imposed sanctions", "Beijing's warning") is the government, not a place: it is dropped
unless a cue above shows the place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import SPACY
from spacy.tokens import Doc, Span, Token

from tidings import docindex
from tidings.places.gazetteer import Gazetteer, Place, distance_km, name_key

__all__ = ["Toponym", "find_toponyms"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
LOCATIVE = frozenset({"in", "near", "at", "outside", "from", "to", "toward", "towards", "around", "into", "across",
                      "via", "through", "along", "between", "inside", "within", "throughout", "off",
                      "beyond", "past", "onto", "over", "under", "reach", "reached", "entered", "visited"})
DIVISION_WORDS = frozenset({"province", "state", "region", "district", "county", "governorate", "oblast",
                            "prefecture", "department", "territory", "municipality", "area", "city", "town",
                            "village", "valley", "island", "islands"})
CONNECTORS = frozenset({"of", "de", "del", "da", "do", "dos", "das", "la", "le", "les", "al", "el", "en", "sur", "des", "du",
                        "van", "von", "den", "lès",
                        "and", "au", "-", "'", "’", ",", "the", "'s", "’s", "am", "an", "der", "di", "y", "e"})
# words that make a longer name of the same place: "Eastern Ghouta", "Upper Nile", "Greater Accra"
QUALIFIERS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                        "upper", "lower", "greater", "new", "old", "north-east", "north-west", "south-east",
                        "south-west", "northeast", "northwest", "southeast", "southwest"})
PLACE_NOUNS = frozenset({"outskirts", "city", "town", "village", "province", "state", "region", "capital", "north",
                         "south", "east", "west", "centre", "center", "edge", "suburbs", "heart", "port", "district",
                         "area", "streets", "residents", "people", "parts", "rest", "coast", "border", "shores",
                         "island", "islands", "county", "governorate", "municipality", "neighbourhood",
                         "neighborhood", "camps", "camp", "villages", "towns", "cities", "north-east", "north-west",
                         "south-east", "south-west", "northeast", "northwest", "southeast", "southwest"})
# objects of these verbs stand for governments: "urged Washington", "accused Moscow"
ACTOR_VERBS = frozenset({"ask", "urge", "accuse", "blame", "warn", "criticise", "criticize", "condemn", "pressure",
                         "press", "tell", "persuade", "lobby", "sanction", "support", "back", "call", "thank", "praise"})
MILLION = 1_000_000


@dataclass
class Toponym:
    """A place mention before resolution: token span, gazetteer candidates and the cues found."""

    start: int
    end: int
    text: str
    start_char: int
    end_char: int
    candidates: list[Place]
    cues: set[str] = field(default_factory=set)
    container: int | None = None  # index (in the doc's toponym list) of "Texas" in "Paris, Texas"
    siblings: tuple[int, ...] = ()  # indices of the toponyms coordinated with it ("Niger, Chad and Cameroon")
    key: str = field(init=False)

    def __post_init__(self) -> None:
        self.key = name_key(self.text)


def _spans(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Longest gazetteer names over capitalised token runs, left to right."""
    words, lowers = docindex.words(doc), docindex.lowers(doc)
    spaces = [" " if space else "" for space in doc.to_array([SPACY]).tolist()]
    upper = [w[:1].isupper() for w in words]
    # a word that no name continues across: neither capitalised, nor a connector ("of", "de"), nor "."
    breaks = [not upper[k] and lowers[k] not in CONNECTORS and words[k] != "." for k in range(len(words))]
    out = []
    i, n = 0, len(words)
    width = min(gaz.max_words + 2, 8)
    while i < n:
        if not upper[i]:
            i += 1
            continue
        best = None
        # the words between the first and the last must all continue the name
        stop = next((k for k in range(i + 1, min(n, i + width)) if breaks[k]), n)
        for j in range(min(n, i + width, stop + 1), i, -1):
            last = words[j - 1]
            if not (upper[j - 1] or (last.endswith(".") and len(last) > 1)):
                continue  # a name ends on a word or an abbreviation ("Va."), not on a full stop
            text = "".join(words[k] + spaces[k] for k in range(i, j - 1)) + words[j - 1]
            if "\n" in text:
                continue
            if name_key(text) in gaz.index:
                best = j
                break
        if best is None:
            i += 1
            continue
        out.append((i, best))
        i = best
    return out


def _entity_of(doc: Doc) -> list[Span | None]:
    ents: list[Span | None] = [None] * len(doc)
    for e in doc.ents:
        for k in range(e.start, e.end):
            ents[k] = e
    return ents


def _prev_word(doc: Doc, i: int) -> Token | None:
    k = i - 1
    while k >= 0 and doc[k].lower_ in ("the", "northern", "southern", "eastern", "western", "central", "north",
                                       "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                                       "northeastern", "northwestern", "southeastern", "southwestern", "rural",
                                       "occupied", "besieged", "neighbouring", "neighboring"):
        k -= 1
    return doc[k] if k >= 0 else None


def _neighbour(doc: Doc, i: int, step: int, limit: int) -> Token | None:
    """The word next to a candidate inside its entity, across a hyphen ("Chushul-Moldo")."""
    inside = (lambda k: k >= limit) if step < 0 else (lambda k: k < limit)
    if inside(i) and doc[i].text in ("-", "‐") and not doc[i].whitespace_ and inside(i + step):
        i += step
    return doc[i] if inside(i) else None


def _cues(doc: Doc, t: Toponym, ents: list[Span | None]) -> set[str] | None:
    """Cues of one candidate, or None when it is not a place."""
    cues: set[str] = set()
    span = doc[t.start:t.end]
    labels = {e.label_ if e is not None else "" for e in ents[t.start:t.end]}
    if labels & NUMERIC_LABELS:
        return None
    ent = ents[t.start]
    if ent is not None:
        lead = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        tail = ent.end - (1 if doc[ent.end - 1].text in ("'s", "’s") else 0)
        # a longer name goes on with a capitalised word ("Victoria Lane", "Islamic State"); a list
        # ("Arequipa and Ayacucho") or a dateline ("Congo (AFP") merged into one entity does not
        before = _neighbour(doc, t.start - 1, -1, lead)
        after = _neighbour(doc, t.end, 1, tail)
        longer = any(x is not None and x.text[:1].isupper() and x.is_alpha for x in (before, after))
        # a word of an unknown longer place name ("Galwan Valley", "Puerto Jordan", "the Line of
        # Actual Control", "Chushul-Moldo") is no place of its own; "Kharkiv Oblast" and "Eastern
        # Ghouta" are the place with a division or a direction
        part = any(x is not None and x.text[:1].isupper() and x.is_alpha and x.lower_ not in DIVISION_WORDS
                   and x.lower_ not in QUALIFIERS for x in (before, after))
        if ent.label_ in PLACE_LABELS and part:
            cues.add("part")  # kept only where it fits the document's geography ("Paso Canoas")
        elif ent.label_ in PLACE_LABELS and not (longer and ent.label_ == "FAC"):
            cues.add("ner")  # GPE/LOC, also "northeast Nigeria's"; not a part of "Eiffel Tower"
        elif longer:
            return None  # inside a longer name: "Victoria Lane", "Islamic State", "Kenya Airways"
    if ent is not None and ent.label_ in ("ORG", "NORP") and span.text.isupper() and len(span.text) <= 4 and \
            all(p.feature == "city" for p in t.candidates):
        return None  # an organisation's acronym that is also a small town's name: "in the EU" (Eu, France)
    if t.end + 1 < len(doc) and doc[t.end].lower_ == "of" and doc[t.end + 1].text[:1].isupper():
        cues.add("part")  # the head of a longer name: "the Line of Actual Control", "Gulf of Fonseca"
    if t.start < 12 and span.text.isupper() and len(span.text) > 2 and t.end < len(doc) and \
            doc[t.end].text in (",", "(", "—", "–", "-") and all("\n" not in tk.text for tk in doc[:t.start]):
        cues.add("dateline")
    prev = _prev_word(doc, t.start)
    if prev is not None and prev.lower_ in LOCATIVE:
        cues.add("locative")
    if prev is not None and prev.lower_ == "of" and prev.i > 0 and doc[prev.i - 1].lower_ in PLACE_NOUNS:
        cues.add("locative")  # "the outskirts of El Fasher", "the city of Kherson"
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        cues.add("locative")
    if t.end < len(doc) and doc[t.end].lower_ in DIVISION_WORDS and doc[t.end].text.islower():
        cues.add("division")
    if doc[t.end - 1].text[:1].isupper() and t.end < len(doc) and doc[t.end].text in ("-based",) or \
            (t.end + 1 < len(doc) and doc[t.end].text == "-" and doc[t.end + 1].lower_ == "based"):
        cues.add("locative")
    if any(p.feature == "country" or p.feature in ("region", "water", "landform") or
           (p.feature == "admin1" and p.population >= MILLION) or (p.feature == "city" and p.population >= MILLION)
           for p in t.candidates):
        cues.add("prominent")
    # "Police in Rustavi": a common word that is also a town's name (capitalised mid-sentence, a
    # word the tagger did not take for a name can still be one: "around Bakhmut")
    propn = all(tk.pos_ == "PROPN" or not tk.text[:1].isupper() or tk.is_upper for tk in span) or \
        (not doc[t.start].is_sent_start and not doc[t.start].is_stop)
    if not (cues & {"ner", "dateline"}) and not propn:
        return None
    if ent is not None and ent.label_ == "PERSON":
        cues.add("person")
    return cues


STRONG = frozenset({"ner", "locative", "dateline", "division", "apposition", "list", "prominent"})


def _likely(t: Toponym) -> Place:
    """The candidate a name most likely means before context (for the coherence test)."""
    return max(t.candidates, key=lambda p: (p.feature == "country", p.feature in ("region", "water", "landform"),
                                            p.population))


def _coherent(t: Toponym, points: list[Place]) -> bool:
    """A name without a cue is a place when it fits the document's geography: a candidate in a
    country the document names, near its other places ("Axum" in a story about Tigray)."""
    need = 10_000 if "person" in t.cues else 1_000
    countries = {p.country for p in points if p.country}
    local = [p for p in points if p.feature not in ("country", "region", "water")]
    for c in t.candidates:
        if c.feature not in ("city", "admin1", "admin2") or c.country not in countries or c.population < need:
            continue
        if any((c.admin1 and c.admin1 == p.admin1 and c.country == p.country) or
               distance_km(c.lat, c.lon, p.lat, p.lon) <= 400 for p in local):
            return True
    return False


def _metonym(doc: Doc, t: Toponym) -> bool:
    """A national capital standing for its government: subject, object or possessor of an act."""
    if not any(p.feature == "city" and p.capital for p in t.candidates):
        return False
    if t.cues & {"locative", "dateline", "division", "apposition"}:
        return False
    root = doc[t.start:t.end].root
    if t.end < len(doc) and doc[t.end].text in ("'s", "’s"):
        return True
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in ACTOR_VERBS
    return root.dep_ in ("nsubj", "nsubjpass", "poss", "agent", "dative")


def find_toponyms(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """Toponym candidates of a parsed document, with their cues, in text order."""
    ents = _entity_of(doc)
    found: list[Toponym] = []
    for start, end in _spans(doc, gaz):
        if doc[start].lower_ == "the" and end - start > 1:
            start += 1  # "The United States": the article is not part of the name
        last = doc[end - 1]
        span = doc[start:end]
        if last.text.endswith(".") and len(last.text) > 5 and not last.text[:-1].isupper():
            # "... talks in Jeddah." (a sentence's full stop kept on the token); "Va." and "D.C." keep theirs
            found.append(Toponym(start, end, span.text[:-1], span.start_char, span.end_char - 1, gaz.candidates(span.text)))
            continue
        candidates = gaz.candidates(span.text)
        if end < len(doc) and doc[end].lower_ in DIVISION_WORDS and doc[end].text.islower():
            # "Plateau state" is Nigeria's Plateau State, not Benin's Plateau department
            candidates = gaz.candidates(f"{span.text} {doc[end].text}") or candidates
        found.append(Toponym(start, end, span.text, span.start_char, span.end_char, candidates))
    kept: list[Toponym] = []
    for t in found:
        cues = _cues(doc, t, ents)
        if cues is None:
            continue
        t.cues = cues
        kept.append(t)
    # "Paris, Texas" / "ALEXANDRIA, Va.": the second names a container of the first
    by_start = {t.start: k for k, t in enumerate(kept)}
    for t in kept:
        nxt = by_start.get(t.end + 1)
        if nxt is not None and t.end < len(doc) and doc[t.end].text == ",":
            t.container = nxt
            t.cues.add("apposition")
            kept[nxt].cues.add("apposition")
    # lists: "Nyala, Zalingei and El Geneina" share the cues of their kept neighbours
    place_tokens = {t.start: t for t in kept}
    changed = True
    while changed:
        changed = False
        for t in kept:
            if t.cues & {"ner", "locative", "dateline", "division", "apposition", "list"}:
                continue
            root = doc[t.start:t.end].root
            linked = [root.head] + [c for c in root.children if c.dep_ == "conj"]
            if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
                for other in linked:
                    o = place_tokens.get(doc[other.left_edge.i:other.i + 1].root.i) or \
                        next((p for p in kept if p.start <= other.i < p.end), None)
                    if o is not None and o is not t and o.cues & {"ner", "locative", "dateline", "list"}:
                        t.cues.add("list")
                        changed = True
                        break
    out = []
    strong = [t for t in kept if t.cues & STRONG and "part" not in t.cues]
    points = [_likely(t) for t in strong]
    for t in kept:
        if (not t.cues & STRONG or "part" in t.cues) and _coherent(t, points):
            t.cues.add("coherent")
        if not t.cues & (STRONG | {"coherent"}) or "part" in t.cues and "coherent" not in t.cues or _metonym(doc, t):
            continue
        out.append(t)
    # containers index into ``out`` now
    pos = {id(t): k for k, t in enumerate(out)}
    for t in out:
        if t.container is not None:
            target = kept[t.container]
            t.container = pos.get(id(target))
    root_of = {doc[t.start:t.end].root.i: k for k, t in enumerate(out)}
    for k, t in enumerate(out):
        root = doc[t.start:t.end].root
        linked_ids = {root.head.i} if root.dep_ == "conj" else set()
        linked_ids |= {c.i for c in root.children if c.dep_ == "conj"}
        t.siblings = tuple(root_of[i] for i in sorted(linked_ids) if i in root_of and root_of[i] != k)
    return out
