"""What the coder's stages share: the knowledge loaded once per run, and one document's context."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import POS
from spacy.tokens import Doc, Token

from tidings.actors.resolve import ActorResolver, dateline_state
from tidings.coding.codebook import Code, codebook
from tidings.coding.lexicon import Lexicon, load_lexicon
from tidings.coding.modality import Words, modality_cue, words
from tidings.docindex import lemmas, lowers, sentence_of
from tidings.records import Event
from tidings.tables import read_table, read_words

__all__ = ["CoderKnowledge", "DocContext", "load_knowledge"]


@dataclass(frozen=True)
class CoderKnowledge:
    """Everything the coder reads from ``data/``: lexicon, codebook, word lists, refinements."""

    lexicon: Lexicon
    codes: dict[str, Code]
    words: Words
    mass_killing: float  # victims from which a killing of civilians is a mass killing (202)
    natural: frozenset[str]  # causes that are never agents ("flood", "earthquake")
    event_nouns: frozenset[str]  # lemmas of the lexicon's noun triggers
    timeless_nouns: frozenset[str] = frozenset()  # nouns a time expression passes through to the event
    event_anaphors: frozenset[str] = frozenset()  # "welcomed the decision": nouns that point back to an act


@lru_cache(maxsize=1)
def load_knowledge() -> CoderKnowledge:
    lexicon = load_lexicon()
    mass_killing = float(10**9)
    for row in read_table("refinements.tsv", columns=("kind", "key", "value", "code", "note"), header=False,
                          required=("kind", "key", "value", "code"),
                          checks={"kind": lambda k: None if k == "mass_killing" else "unknown kind"}):
        mass_killing = float(row["value"])
    return CoderKnowledge(
        lexicon=lexicon, codes=codebook(), words=words(), mass_killing=mass_killing,
        natural=frozenset(read_words("natural_causes.txt")),
        event_nouns=frozenset(lemma for (lemma, pos) in lexicon.by_lemma if pos == "N"),
        timeless_nouns=frozenset(read_words("timeless_nouns.txt")),
        event_anaphors=frozenset(read_words("event_anaphors.txt")),
    )


@dataclass
class DocContext:
    """One document being coded: its parse, its actor index and its publication date."""

    doc: Doc
    actors: ActorResolver
    published: str | None
    knowledge: CoderKnowledge
    doc_id: str = ""
    coder_version: str = ""
    dateline: str | None = None
    features: dict[int, object] = field(default_factory=dict)  # trigger features, computed once per token
    _focus: tuple[str | None, str] | None = None
    recent: list[Event] = field(default_factory=list)  # events of the sentences coded so far, in order
    _sentence_starts: list[int] = field(default_factory=list)
    _content: list[tuple[int, str]] | None = None  # the verbs, nouns and adjectives (candidate_words)
    _content_starts: list[int] = field(default_factory=list)
    _modality: dict[int, tuple[str, Token | None]] = field(default_factory=dict)
    _places: tuple | None = None
    _armed: frozenset[int] | None = None

    def words_between(self, start: int, end: int, wanted: frozenset[str]) -> bool:
        """Whether a token of ``start``..``end`` has a lower-case form or lemma in ``wanted``: a
        sentence without any of a rule's words can skip the rule."""
        doc = self.doc
        return not (wanted.isdisjoint(lowers(doc)[start:end]) and wanted.isdisjoint(lemmas(doc)[start:end]))

    @property
    def places(self) -> tuple:
        """``(doc._.places, doc._.place_focus)``, or ``(None, None)`` without the places component."""
        if self._places is None:
            doc = self.doc
            self._places = (doc._.places, doc._.place_focus) if doc.has_extension("places") else (None, None)
        return self._places

    def candidate_words(self, start: int, end: int) -> list[tuple[int, str]]:
        """The verbs, nouns and adjectives among tokens ``start``..``end`` as (index, part of speech):
        the only possible triggers (an adjective as a predicate: "was optimistic about"). Found once
        per document from the tag array; callers make a Python token only for the words they keep
        (making one for every word costs more)."""
        if self._content is None:
            strings = self.doc.vocab.strings
            wanted = {strings[p]: p for p in ("VERB", "NOUN", "ADJ")}
            self._content = [(i, wanted[p]) for i, p in enumerate(self.doc.to_array([POS]).tolist()) if p in wanted]
            self._content_starts = [i for i, _ in self._content]
        lo = bisect_left(self._content_starts, start)
        hi = bisect_left(self._content_starts, end)
        return self._content[lo:hi]

    def modality(self, tok: Token) -> tuple[str, Token | None]:
        """``modality_cue`` of a trigger, found once per token (the date and the attributes both ask)."""
        hit = self._modality.get(tok.i)
        if hit is None:
            hit = self._modality[tok.i] = modality_cue(tok, self.knowledge.words)
        return hit

    def sentence_index(self, tok: Token) -> int:
        """The index of the token's sentence in the document (as in ``Event.sentence_index``)."""
        if not self._sentence_starts:
            self._sentence_starts = [s.start for s in self.doc.sents]
        return bisect_right(self._sentence_starts, tok.i) - 1

    def place_country(self, tok: Token, date: str | None) -> str | None:
        """The country of a place a token names: the actor knowledge base first ("Minsk", "Egypt's
        North Sinai"), then the places the ``tidings_places`` component resolved ("Kano", "Helmand")."""
        found = self.place_named(tok, date)
        return found[0] if found else None

    def place_named(self, tok: Token, date: str | None) -> tuple[str, str] | None:
        """``place_country`` with the name that places it ("assistance in northern Iraq" -> IRQ, "Iraq")."""
        found = self.actors.place_named(tok, date)
        if found:
            return found
        for m in self.doc._.places or () if self.doc.has_extension("places") else ():
            if m.start <= tok.idx < m.end and m.place.country:
                return actor_country(m.place.country), self.doc.text[m.start:m.end]
        return None

    def sentence_places(self, tok: Token) -> set[str]:
        """The countries of every place named as a place in the token's sentence (not "Brussels" in
        "Brussels sanctioned Minsk": that one acts)."""
        from tidings.places.locate import acts

        sent = sentence_of(tok)
        return {actor_country(m.place.country) for m in (self.doc._.places or () if self.doc.has_extension("places") else ())
                if sent.start_char <= m.start < sent.end_char and m.place.country and not acts(self.doc, m)
                and not self._names_a_force(m)}

    def _names_a_force(self, m) -> bool:
        """A place that names whose force acts ("U.S. commandos", "Russian troops"): the modifier of an
        actor with a sector, not where the event happened."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("compound", "amod"):
            return False
        return span.root.head.i in self.armed_tokens

    @property
    def armed_tokens(self) -> frozenset[int]:
        """Tokens of the mentions of armed men, of a state or not (``ARMED_SECTORS``), found once per
        document: objects that must be one ("fought the Houthis": ``@armed``), forces named by their
        state ("U.S. commandos")."""
        if self._armed is None:
            doc = self.doc
            mentions = (doc._.actors or ()) if doc.has_extension("actors") else ()
            self._armed = frozenset(i for start, end, a in mentions if a.sector in ARMED_SECTORS
                                    for i in range(start, end))
        return self._armed

    @property
    def focus(self) -> tuple[str | None, str]:
        """The document's own country and why: its dateline's, else the country most of its actors
        belong to. Sector-only actors ("police", "students") of a single-country story take it."""
        if self._focus is None:
            self._focus = _focus(self)
        return self._focus


NON_STATE_ARMED = frozenset({"UAF", "CRM", "REB", "RAD", "IMG"})
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY"}) | NON_STATE_ARMED  # armed men, of a state or not


def actor_country(iso3: str) -> str:
    """A gazetteer country (ISO 3166, GeoNames' XKX for Kosovo) as an actor code's country (KOS)."""
    return "KOS" if iso3 == "XKX" else iso3


def _focus(ctx: DocContext) -> tuple[str | None, str]:
    country = dateline_state(ctx.actors.kb, ctx.dateline, ctx.published)
    if country:
        return country, f"dateline {ctx.dateline!r}"
    counts: dict[str, int] = {}
    for _start, _end, actor in ctx.doc._.actors or ():
        if actor.country and actor.code and actor.code[:3] not in ("IGO", "NGO"):
            counts[actor.country] = counts.get(actor.country, 0) + 1
    if counts:
        best, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if n >= 2 and n >= 0.6 * sum(counts.values()):
            return best, f"{n} of {sum(counts.values())} actor mentions"
    place = ctx.doc._.place_focus if ctx.doc.has_extension("place_focus") else None
    if place is not None and place.place.country and not counts:
        return actor_country(place.place.country), f"the places it names ({place.text!r})"
    return None, ""
