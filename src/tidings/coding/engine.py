"""The event coder: triggers and patterns → events with actors, negation, modality, dates, amounts.

``Coder.code(doc, resolver)`` works sentence by sentence over a parsed ``Doc`` whose actor
component has run. Patterns come from the lexicon (``docs/lexicon.md``); roles come from the
dependency parse (``coding.syntax``); negation and modality from ``coding.modality``.
"""

from __future__ import annotations

from importlib import resources

from spacy.tokens import Doc, Span, Token

from tidings.about import __version__
from tidings.actors.resolve import ActorResolver
from tidings.attributes import find_quantities, find_times
from tidings.attributes.quantities import outcome_category
from tidings.coding.codebook import Code, codebook, intent_code
from tidings.coding.lexicon import Lexicon, load_lexicon
from tidings.coding.modality import Words, modality, negated, speech_head, words
from tidings.coding.roles import RoleFinder
from tidings.coding.syntax import datives, objects, pobjs, subjects
from tidings.coding.triggers import NOUN_POS, TriggerMatcher, _Features
from tidings.records import Actor, Event, Quantity, Trigger

__all__ = ["Coder"]

KILL_LEMMAS = frozenset({"kill", "massacre", "slaughter", "murder", "execute", "slay", "butcher"})

class Coder(TriggerMatcher, RoleFinder):
    """Codes parsed documents. One instance serves a whole run (patterns are loaded once)."""

    def __init__(self, lexicon: Lexicon | None = None, statements: bool = False) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.codes: dict[str, Code] = codebook()
        self.words: Words = words()
        self.statements = statements
        self._feat_cache: dict[int, _Features] = {}
        self.instruments: dict[tuple[str, str], str] = {}
        self.mass_killing = 10**9
        for line in (resources.files("tidings") / "data" / "refinements.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                kind, key, value, rcode, *_ = line.split("\t")
                if kind == "instrument":
                    self.instruments[(key, value)] = rcode
                elif kind == "mass_killing":
                    self.mass_killing = float(value)
        self.event_nouns = frozenset(lemma for (lemma, pos) in self.lexicon.by_lemma if pos == "N")
        self.natural = frozenset(
            ln.strip() for ln in (resources.files("tidings") / "data" / "natural_causes.txt").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#"))

    def version(self, kb_version: str) -> str:
        return f"tidings-{__version__}+lex.{self.lexicon.version}+kb.{kb_version}"

    # -- matching ---------------------------------------------------------------------------------
    @staticmethod
    def _distance(node: Token, trigger: Token, through_nouns: bool = True) -> int | None:
        chain = {}
        t = trigger
        for k in range(8):
            chain[t.i] = k
            if t.head.i == t.i:
                break
            t = t.head
        d = 0
        n = node
        while d < 10:
            if n.i in chain:
                return d + chain[n.i]
            if n.head.i == n.i:
                return None
            n = n.head
            d += 1
            if not through_nouns and n.pos_ in NOUN_POS and n.i not in chain:
                return None  # "the election in August" dates the election, not the event
        return None

    def _attach(self, spans: list[tuple[Token, object]], triggers: list[Token],
                through_nouns: bool = True) -> dict[int, list[object]]:
        out: dict[int, list[object]] = {t.i: [] for t in triggers}
        for root, item in spans:
            scores = [(self._distance(root, t, through_nouns), t) for t in triggers]
            scored = [(s, t) for s, t in scores if s is not None]
            if not scored:
                continue
            best = min(s for s, _ in scored)
            for s, t in scored:
                if s == best:
                    out[t.i].append(item)
        return out

    # -- the main loop ----------------------------------------------------------------------------
    _resolver: ActorResolver | None = None

    def code(self, doc: Doc, resolver: ActorResolver, *, doc_id: str, published: str | None,
             headings: tuple[tuple[int, int], ...] = (), coder_version: str = "") -> list[Event]:
        events: list[Event] = []
        self._resolver = resolver
        self._feat_cache = {}
        for s_index, sent in enumerate(doc.sents):
            if any(sent.start_char < end and start < sent.end_char for start, end in headings):
                continue
            if not sent.text.strip() or len(sent) < 3:
                continue
            events.extend(self._code_sentence(doc, sent, s_index, resolver, doc_id, published, coder_version))
        return events

    def _statements(self, sent: Span, s_index: int, resolver: ActorResolver, doc_id: str,
                    published: str | None, coder_version: str) -> list[Event]:
        """CAMEO 010 "make statement" for speech verbs with a known speaker (only with --statements)."""
        out = []
        info = self.codes["010"]
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.words.speech:
                continue
            speakers = self._actors(subjects(tok, self.words.object_control), resolver, published)
            hearers = self._actors(datives(tok) + pobjs(tok, "to"), resolver, published)
            for src in speakers:
                out.append(Event(
                    doc_id=doc_id, sentence_index=s_index, sentence=sent.text.strip(),
                    trigger=Trigger(tok.text, tok.idx, tok.idx + len(tok.text)), cameo="010", cameo_root="01",
                    quad_class=info.quad_class, goldstein=info.goldstein, plover=None, plover_mode=None,
                    source=src, target=hearers[0] if hearers else None, date=published,
                    negated=negated(tok, self.words), modality="asserted", confidence=0.5,
                    rule="engine.statement", coder=coder_version,
                ))
        return out

    def _code_sentence(self, doc: Doc, sent: Span, s_index: int, resolver: ActorResolver, doc_id: str,
                       published: str | None, coder_version: str) -> list[Event]:
        found = self._triggers(sent)
        if self.statements:
            extra = self._statements(sent, s_index, resolver, doc_id, published, coder_version)
            if not found:
                return extra
        else:
            extra = []
        if not found:
            return []
        base = sent.start_char
        times = []
        for t in find_times(sent.text, published):
            span = doc.char_span(base + t.start, base + t.end, alignment_mode="expand")
            if span is not None:
                times.append((span.root, t))
        quants = []
        for q in find_quantities(sent.text):
            span = doc.char_span(base + q.start, base + q.end, alignment_mode="expand")
            if span is not None:
                quants.append((span.root, q.quantity))
        time_by = self._attach(times, [f.tok for f in found], through_nouns=False)
        staged = []
        for f in found:
            when = time_by.get(f.tok.i, [])
            date = next((t.date for t in when if t.date), None) or published
            sources, targets = self._roles(f, resolver, date)
            if sources or targets:
                staged.append((f, sources, targets))
        live = [f.tok for f, _, _ in staged]
        time_by = self._attach(times, live, through_nouns=False)
        qty_by = self._attach([(root, (root, q)) for root, q in quants], live)
        out: list[Event] = []
        seen: set[tuple] = set()
        for f, sources, targets in staged:
            tok, pat = f.tok, f.pat
            when = time_by.get(tok.i, [])
            date = next((t.date for t in when if t.date), None) or published
            deadline = next((t.deadline for t in when if t.deadline), None)
            neg = negated(tok, self.words)
            mod = modality(tok, self.words)
            code = pat.code
            if mod == "intended" and pat.code[:2] <= "10":
                # conflict acts keep their own code with modality "intended" (threats are coded as 13x
                # only when the wording is a threat), so the lexicon's intent column applies to 01-10
                code = pat.intent or intent_code(pat.code) or pat.code
            code = self._refine(code, tok, sources, targets, qty_by.get(tok.i, []))
            info = self.codes.get(code) or self.codes[pat.code]
            reported_by = self._reporter(tok, resolver, date)
            sources, targets = self._localise(tok, sources, targets, resolver, date)
            if not sources and targets and all(a.country is None and a.code == a.sector for a in targets):
                continue  # "eight people were killed": no agent and no place, nothing an analyst can use
            if f.pat.pos == "V" and any(s.lemma_.lower() in self.natural for s in subjects(tok, self.words.object_control)):
                continue  # "floods killed 100 people": no actor did it
            pairs = self._pairs(sources, targets, code,
                                transitive=pat.pos == "V" and code[:2] >= "11" and bool(objects(tok)) and not pat.obj)
            quantities = tuple(self._outcome(q, root) for root, q in qty_by.get(tok.i, []) if isinstance(q, Quantity))
            location = self._location(tok, resolver)
            for src, tgt in pairs:
                if src is not None and tgt is not None and src.code and src.code == tgt.code:
                    if len(pairs) > 1:
                        continue  # "Putin and his allies obtain loans from Moscow": not Moscow to itself
                    tgt = None
                key = (code, src.code or src.text if src else None, tgt.code or tgt.text if tgt else None, neg)
                if key in seen:
                    continue
                seen.add(key)
                conf = 0.4 + 0.05 * min(pat.specificity, 4) + (0.2 if src and src.code else 0) + (0.2 if tgt and tgt.code else 0)
                out.append(Event(
                    doc_id=doc_id, sentence_index=s_index, sentence=sent.text.strip(),
                    trigger=Trigger(tok.text, tok.idx, tok.idx + len(tok.text)),
                    cameo=code, cameo_root=code[:2], quad_class=info.quad_class, goldstein=info.goldstein,
                    plover=info.plover, plover_mode=info.plover_mode, source=src, target=tgt, date=date,
                    deadline=deadline, negated=neg, modality=mod, quantities=quantities, location=location,
                    confidence=round(min(conf, 0.99), 2), rule=pat.id, coder=coder_version,
                    reported_by=reported_by,
                ))
        return out + extra

    def _reporter(self, tok: Token, resolver: ActorResolver, date: str | None) -> Actor | None:
        """Who the event is reported by: the subject of a governing speech verb, or "according to X"."""
        sh = speech_head(tok, self.words)
        if sh is not None:
            subj = subjects(sh, self.words.object_control)
            found = resolver.resolve(subj[0], date) if subj else []
            if found:
                return found[0]
        node = tok
        for _ in range(4):
            for c in node.children:
                if c.dep_ == "prep" and c.lower_ == "according":
                    for to in c.children:
                        for p in to.children if to.lower_ == "to" else ():
                            found = resolver.resolve(p, date)
                            if found:
                                return found[0]
            if node.head.i == node.i:
                break
            node = node.head
        return None

    def _refine(self, code: str, tok: Token, sources: list[Actor], targets: list[Actor], quantities) -> str:
        """Sharpen a violent event's code from its agent and toll (``data/refinements.tsv``)."""
        if code[:2] not in ("18", "19"):
            return code
        for subj in subjects(tok, self.words.object_control) if tok.pos_ == "VERB" else []:
            for c in subj.children:
                hit = self.instruments.get((subj.lemma_.lower(), c.lemma_.lower()))
                if hit and c.dep_ in ("compound", "amod", "nmod"):
                    return hit
        victims = max((q.value for _, q in quantities if isinstance(q, Quantity) and q.kind == "count"), default=0)
        civilian = not targets or all(a.sector in (None, "CVL", "REF", "REL", "EDU", "HLH") for a in targets)
        if tok.lemma_.lower() in KILL_LEMMAS and victims >= self.mass_killing and civilian:
            return "202"
        return code

    @staticmethod
    def _outcome(q: Quantity, root: Token) -> Quantity:
        """A count that is the object of "arrested", "killed", … takes that outcome as its category."""
        if q.kind != "count":
            return q
        node = root
        for _ in range(3):
            if node.head.i == node.i:
                break
            if node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ == "VERB":
                category = outcome_category(node.head.lower_)
                if category:
                    return Quantity(q.kind, q.value, q.unit, q.text, q.per, category)
                break
            node = node.head
        return q
