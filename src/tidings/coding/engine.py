"""The event coder: triggers and patterns → events with actors, negation, modality, dates, amounts.

``Coder.code(doc, resolver)`` works sentence by sentence over a parsed ``Doc`` whose actor
component has run. Patterns come from the lexicon (``docs/lexicon.md``); roles come from the
dependency parse (``coding.syntax``); negation and modality from ``coding.modality``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from itertools import permutations

from spacy.tokens import Doc, Span, Token

from tidings.about import __version__
from tidings.actors.resolve import ActorResolver
from tidings.attributes import find_quantities, find_times
from tidings.attributes.quantities import outcome_category
from tidings.coding.codebook import Code, codebook, intent_code
from tidings.coding.lexicon import Lexicon, Pattern, load_lexicon
from tidings.coding.modality import Words, modality, negated, speech_head, words
from tidings.coding.syntax import datives, effective_noun, is_passive, objects, pobjs, subjects
from tidings.records import Actor, Event, Quantity, Trigger

__all__ = ["Coder"]

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
DEFAULT_SOURCE = {"V": ("subj",), "N": ("poss", "by")}
DEFAULT_TARGET = {"V": ("obj", "iobj"), "N": ("on", "against", "to", "with", "between")}
PLACE_PREPS = frozenset({"in", "at", "near", "across", "inside", "outside", "on", "from", "into", "over"})
KILL_LEMMAS = frozenset({"kill", "massacre", "slaughter", "murder", "execute", "slay", "butcher"})
BACKGROUND_PREPS = frozenset({"during", "after", "before", "amid", "amidst", "since", "following", "despite",
                              "ahead", "throughout", "until", "upon", "at"})
CONTAINERS = frozenset({"day", "week", "month", "year", "hour", "round", "series", "wave", "spate", "string", "number",
                        "lot", "set", "kind", "type", "form", "night", "weekend", "decade", "campaign"})
PARTICLES = frozenset({"out", "off", "back", "up", "down", "away", "over", "in", "on"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "across", "along", "around", "outside"})
TARGET_PREPS = frozenset({"on", "about", "over", "into", "of", "with", "to", "for", "against", "from", "regarding",
                          "toward", "towards", "between", "upon"})
DOMESTIC_TARGETS = frozenset({"CVL", "OPP", "LAB", "EDU", "MED", "REL", "HLH", "AGR", "BUS"})
STATE_AGENTS = frozenset({"GOV", "COP", "JUD", "LEG"})  # the state acting at home on its own people
CONTAINER_ROOTS = frozenset({"01", "02", "05", "09", "10", "11", "12", "13", "14"})
CONTENT_ROOTS = frozenset({"02", "10", "12", "13", "11"})  # heads whose complement is what is asked/refused/threatened


@dataclass(frozen=True, slots=True)
class _Features:
    prts: frozenset[str]
    mods: frozenset[str]
    obj: frozenset[str]
    obj_loose: frozenset[str]
    comps: frozenset[str]
    preps: dict[str, frozenset[str]]


@dataclass
class _Found:
    tok: Token
    pat: Pattern
    consumed: set[int] = field(default_factory=set)


class Coder:
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
    def _object_lemmas(self, tok: Token, loose: bool = False) -> list[tuple[Token, Token]]:
        """(object token, effective noun) pairs for pattern obj constraints. ``loose`` adds the
        noun modifiers of the object ("gas supplies", "a loan and supply agreement")."""
        out = []
        cands = objects(tok) if tok.pos_ in VERB_POS else []
        if cands and is_passive(tok):  # "Ukraine was given €4.5 billion": the second object
            cands = cands + [c for c in tok.children if c.dep_ == "dobj"]
        for o in cands:
            out.append((o, effective_noun(o)))
        for p in pobjs(tok, "with"):  # "provide Belarus with gas"
            out.append((p, effective_noun(p)))
        if loose:
            for o, n in list(out):
                out.extend((o, c) for c in n.children if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN")
                out.extend((o, effective_noun(c)) for c in n.children if c.dep_ == "nmod" and c.pos_ in ("NUM", "SYM"))
        return out

    def _features(self, tok: Token) -> _Features:
        """What patterns test about a trigger, computed once per token."""
        feats = self._feat_cache.get(tok.i)
        if feats is not None:
            return feats
        strict = self._object_lemmas(tok)
        loose = self._object_lemmas(tok, loose=True)
        preps: dict[str, set[str]] = {}
        particles = [c for c in tok.children if c.dep_ in ("prt", "prep", "advmod") and c.lower_ in PARTICLES]
        for host in [tok] + [o for o, _ in strict] + particles:
            for c in host.children:
                if c.dep_ in ("prep", "agent", "dative"):
                    lemmas = preps.setdefault(c.lower_, set())
                    for p in c.children:
                        if p.dep_ in ("pobj", "pcomp"):
                            for q in (p, *p.conjuncts):
                                lemmas.add(effective_noun(q).lemma_.lower())
        money = any(n.ent_type_ == "MONEY" or n.lower_ in ("$", "€", "£", "us$") for _, n in strict)
        feats = _Features(
            # spaCy often attaches the particle of "pull out of" as a preposition
            prts=frozenset(c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod") and c.i > tok.i),
            mods=frozenset(c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "advmod")),
            # an amount of money as object ("was given €4.5 billion") stands for "money"
            obj=frozenset([x for _, n in strict for x in (n.lemma_.lower(), n.lower_)] + (["money"] if money else [])),
            obj_loose=frozenset(x for _, n in loose for x in (n.lemma_.lower(), n.lower_)),
            comps=frozenset(c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "ccomp")),
            preps={k: frozenset(v) for k, v in preps.items()},
        )
        self._feat_cache[tok.i] = feats
        return feats

    def _match(self, tok: Token, pat: Pattern, loose: bool = False) -> bool:
        f = self._features(tok)
        if pat.prt and pat.prt not in f.prts:
            return False
        if pat.obj and pat.obj.isdisjoint(f.obj_loose if loose else f.obj):
            return False
        if pat.comp and (not f.comps if pat.any_clause else pat.comp.isdisjoint(f.comps)):
            return False
        if pat.mod and pat.mod.isdisjoint(f.mods):
            return False
        if pat.preps:
            return any(prep in f.preps and (allowed is None or not allowed.isdisjoint(f.preps[prep]))
                       for prep, allowed in pat.preps)
        return True

    def _triggers(self, sent: Span) -> list[_Found]:
        found: list[_Found] = []
        for tok in sent:
            if tok.pos_ in VERB_POS:
                pos = "V"
            elif tok.pos_ == "NOUN" and tok.dep_ != "compound":
                pos = "N"
            else:
                continue
            pats = self.lexicon.patterns(tok.lemma_.lower(), pos)
            if not pats and pos == "N" and tok.lower_ != tok.lemma_.lower():
                pats = self.lexicon.patterns(tok.lower_, pos)
            if pos == "N" and pats:
                # a noun modifier that is itself a trigger decides: "hunger strike", "roadside bomb"
                for c in tok.children:
                    if c.dep_ == "compound" and c.pos_ == "NOUN":
                        mod = [p for p in self.lexicon.patterns(c.lemma_.lower(), "N") if self._match(tok, p)]
                        if mod:
                            pats = mod
                            break
            pick = next((p for p in pats if self._match(tok, p)), None)
            if pick is None or (pos == "V" and not pick.obj):
                # the object's own modifiers may name what the verb is about ("gas supplies")
                pick = next((p for p in pats if p.obj and self._match(tok, p, loose=True)), pick)
            if pick is not None:
                found.append(_Found(tok, pick))
        # a verb trigger consumes the noun triggers that are its objects or constrained pobjs
        by_i = {f.tok.i: f for f in found}
        drop: set[int] = set()
        for f in found:
            if f.pat.pos != "V":
                continue
            for o, n in self._object_lemmas(f.tok):
                for t in (o, n):
                    if t.i in by_i and by_i[t.i].pat.pos == "N":
                        drop.add(t.i)
            for prep, _ in f.pat.preps:
                for p in pobjs(f.tok, prep):
                    n = effective_noun(p)
                    if n.i in by_i and by_i[n.i].pat.pos == "N":
                        drop.add(n.i)
        # a controller whose open complement is itself an event yields to it, except appeals,
        # demands, rejections, threats and criticism, whose complement is their content
        for f in found:
            if f.pat.pos != "V":
                continue
            comps = [c for c in f.tok.children if c.dep_ in ("xcomp",) and c.i in by_i]
            if not comps:
                continue
            if f.pat.comp:  # "attempted to assassinate": the pattern already names the complement
                drop.update(c.i for c in comps if c.lemma_.lower() in f.pat.comp or f.pat.any_clause)
            elif f.pat.code[:2] in CONTENT_ROOTS:
                drop.update(c.i for c in comps)
            elif f.tok.lemma_.lower() in self.words.intent_control | self.words.neg_control:
                drop.add(f.tok.i)
        # what is demanded, refused, threatened, denied, investigated, praised or protested for is the
        # content of that event, not an event of its own ("demanded that Britain extradite him",
        # "marched to demand that the government resign", "investigating reports that troops shot …")
        live = [f for f in found if f.tok.i not in drop]
        for f in live:
            root = f.pat.code[:2]
            if root not in CONTAINER_ROOTS or f.tok.i in drop:
                continue
            inside = self._content_tokens(f.tok)
            for g in live:
                if g is not f and g.tok.i in inside:
                    if root == "14" and g.pat.code[:2] == "14":
                        continue
                    if root == "14" and g.pat.code[:2] not in ("02", "10") and g.tok.dep_ != "ccomp" and not self._under_demand(g.tok, f.tok):
                        continue
                    drop.add(g.tok.i)
        # consequences told by a participle ("opened fire on protesters, killing two") belong to the main event
        for f in live:
            if f.tok.i in drop or f.pat.code[:2] not in ("18", "19", "20") or f.tok.tag_ != "VBG" or f.tok.dep_ not in ("advcl", "conj", "xcomp"):
                continue
            if f.tok.head.i in by_i and by_i[f.tok.head.i].pat.code[:2] >= "14" and f.tok.head.i not in drop:
                drop.add(f.tok.i)
        # a noun event mentioned inside another event's clause ("claimed the attack", "investigating
        # the strikes", "protect it from attacks") or as background ("during the visit") is not
        # reported as an event of its own
        verbs = {f.tok.i for f in found if f.pat.pos == "V" and f.tok.i not in drop}
        for f in found:
            if f.pat.pos != "N" or f.tok.i in drop:
                continue
            if f.tok.dep_ == "pobj" and f.tok.head.lower_ in BACKGROUND_PREPS:
                drop.add(f.tok.i)
                continue
            if self._fully_specified(f.tok):
                continue  # "sanctions over his suppression of opposition protesters": an event of its own
            node = f.tok
            for _ in range(8):
                if node.head.i == node.i:
                    break
                node = node.head
                if node.i in verbs:
                    drop.add(f.tok.i)
                    break
                if node.pos_ in ("VERB", "AUX") and node.dep_ in ("ROOT", "ccomp", "advcl", "conj", "parataxis"):
                    break
        return [f for f in found if f.tok.i not in drop]

    def _fully_specified(self, noun: Token) -> bool:
        """A noun event that names both its agent (a possessor) and its patient ("of"/"on"/"against")."""
        resolver = self._resolver
        if resolver is None:
            return False
        agent = [c for c in noun.children if c.dep_ == "poss"]
        patient = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "to", "with")
                   for p in c.children if p.dep_ == "pobj"]
        return bool(agent and patient and self._actors(agent, resolver, None) and self._actors(patient, resolver, None))

    @staticmethod
    def _content_tokens(tok: Token) -> set[int]:
        """Tokens of a trigger's clausal complements and of the clauses hanging on its object."""
        out: set[int] = set()
        for c in tok.children:
            purpose = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
            if c.dep_ in ("ccomp", "xcomp") or purpose:  # "marched to demand …"; not "…, accusing Paris"
                out.update(t.i for t in c.subtree)
            elif c.dep_ in ("dobj", "nsubjpass", "pobj") or (c.dep_ == "prep" and c.lower_ in ("for", "of", "to", "into", "over", "about", "on")):
                for t in c.subtree:
                    if t.dep_ in ("acl", "relcl", "ccomp", "pcomp", "xcomp") and t.i != c.i:
                        out.update(x.i for x in t.subtree)
        return out

    @staticmethod
    def _under_demand(tok: Token, container: Token) -> bool:
        node = tok
        while node.i != container.i and node.head.i != node.i:
            if node.lemma_.lower() in ("demand", "call", "urge", "press", "ask", "push", "seek"):
                return True
            node = node.head
        return False

    # -- roles ------------------------------------------------------------------------------------
    def _slot(self, f: _Found, spec: str, role: str) -> list[Token]:
        tok, pat = f.tok, f.pat
        if spec == "none":
            return []
        if spec == "subj":
            if pat.pos == "V":
                return subjects(tok, self.words.object_control)
            return []
        if spec == "obj":
            if pat.pos != "V":
                return []
            # the object may be the named thing itself ("impose sanctions"): it then resolves to no
            # actor and its possessor is tried ("rejected Moscow's plan")
            return objects(tok)
        if spec == "iobj":
            return datives(tok) if pat.pos == "V" else []
        if spec == "poss":
            if pat.pos == "V":  # the owner of the object: "recognised Kosovo's independence"
                return [c for o in objects(tok) for c in effective_noun(o).children if c.dep_ == "poss"]
            out = [c for c in tok.children if c.dep_ == "poss"]
            # "US sanctions", "Russian attack": only modifiers that name an actor, not "military presence"
            out += [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                    and (self._names_actor(c) or (c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")))]
            return out
        hosts = [tok]
        if pat.pos == "V":
            hosts += [o for o in objects(tok)]
            hosts += [c for c in tok.children if c.dep_ in ("prt", "prep", "advmod") and c.lower_ == pat.prt]
        elif tok.dep_ in ("dobj", "pobj", "nsubjpass") and tok.head.pos_ in ("VERB", "ADP"):
            hosts.append(tok.head if tok.head.pos_ == "VERB" else tok.head.head)
        out: list[Token] = []
        for h in hosts:
            out.extend(pobjs(h, spec))
        return out

    def _names_actor(self, tok: Token) -> bool:
        resolver = self._resolver
        m = resolver.at.get(tok.i) if resolver is not None else None
        return m is not None and m.kind == "name"

    def _actors(self, toks: list[Token], resolver: ActorResolver, date: str | None) -> list[Actor]:
        out: list[Actor] = []
        covered: set[int] = set()
        for t in toks:
            if t.i in covered:
                continue  # a conjunct already resolved with its head ("fighters and allied militias")
            covered.update(c.i for c in t.conjuncts)
            t = effective_noun(t)  # "thousands of protesters", "some 40 migrants"
            if t.dep_ in ("amod", "compound", "nmod", "poss") and t.head.pos_ in NOUN_POS and t.head.i != t.i \
                    and t.head.i not in {x.i for x in toks}:
                found = resolver.resolve_modifier(t, date)
            else:
                found = resolver.resolve(t, date)
            if not found:
                # "sanctions on his suppression of protesters": the possessor is the target
                poss = [c for c in t.children if c.dep_ == "poss"]
                for p in poss:
                    found = resolver.resolve(p, date)
            if not found and t.pos_ == "NOUN" and t.lemma_.lower() in self.event_nouns:
                # "a Myanmar military air strike killed …": the event noun's modifiers name its agent
                found = resolver.modifier_actor(t, date)
            for a in found:
                if all(a != b for b in out):
                    out.append(a)
        return out

    def _roles(self, f: _Found, resolver: ActorResolver, date: str | None) -> tuple[list[Actor], list[Actor]]:
        pat = f.pat
        src_spec = pat.source or DEFAULT_SOURCE[pat.pos]
        tgt_spec = pat.target or DEFAULT_TARGET[pat.pos]
        sources: list[Actor] = []
        for spec in src_spec:
            sources = self._actors(self._slot(f, spec, "source"), resolver, date)
            if sources:
                break
        if not sources and pat.pos == "V" and pat.obj:
            # "Belarus will receive new Russian loans": the lender named by the object's modifier
            for o, n in self._object_lemmas(f.tok):
                mods = [c for c in n.children if c.dep_ in ("poss", "amod", "compound") and self._names_actor(c)]
                if mods and "from" in src_spec:
                    sources = self._actors(mods, resolver, date)
                    break
        if not sources and pat.pos == "N":
            tok = f.tok
            while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in CONTAINERS:
                tok = tok.head.head  # "began ten days of drills": the drills go with "began"
            # a noun event governed by a verb takes the verb's agent ("launched an attack")
            if tok.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and tok.head.pos_ in ("VERB", "AUX"):
                sources = self._actors(subjects(tok.head, self.words.object_control), resolver, date)
            elif tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" and tok.head.lower_ in ("for", "in", "into", "to"):
                sources = self._actors(subjects(tok.head.head, self.words.object_control), resolver, date)
            elif tok.dep_ == "pobj" and tok.head.head.pos_ in NOUN_POS:
                # "Lukashenko's visit to Russia for talks with Putin": the talks are Lukashenko's
                gov = tok.head.head
                sources = self._actors([c for c in gov.children if c.dep_ == "poss"], resolver, date)
        targets: list[Actor] = []
        for spec in tgt_spec:
            if spec == "between":
                pair = self._actors(self._slot(f, "between", "target"), resolver, date)
                if len(pair) >= 2 and not sources:
                    return pair, []
                continue
            targets = self._actors(self._slot(f, spec, "target"), resolver, date)
            if spec in LOCATIVE_PREPS:  # "in Aleppo": a place is a target only when it names a state
                targets = [a for a in targets if a.code]
            if targets:
                break
        if not targets and "none" not in tgt_spec:
            targets = self._fallback_target(f, resolver, date, sources)
        return sources, targets

    def _fallback_target(self, f: _Found, resolver: ActorResolver, date: str | None,
                         sources: list[Actor]) -> list[Actor]:
        """When the pattern's slots give no target, the nearest actor in the trigger's complements:
        the subject of "demanded that Britain extradite …", or an actor inside its prepositional
        phrases ("declined to comment on Minsk's request", "an inquiry into the conduct of US forces")."""
        tok = f.tok
        if len(sources) >= 2 and self._reciprocal(f.pat.code):
            return []  # "Kenya and China signed a deal": they are each other's target
        taken = {a.code or a.text for a in sources}
        home = {a.country for a in sources if a.country}
        if f.pat.code[:2] == "14":  # "rallied to demand that the government resign"
            for c in tok.children:
                if c.dep_ == "advcl" and (any(a.tag_ == "TO" for a in c.children) or c.tag_ == "VBG"):
                    cands = [s for cc in c.children if cc.dep_ == "ccomp" for s in cc.children if s.dep_ in ("nsubj", "nsubjpass")]
                    cands += [o for o in c.children if o.dep_ == "dobj"]
                    found = [a for a in self._actors(cands, resolver, date) if (a.code or a.text) not in taken and a.code]
                    if found:
                        return found
        if f.pat.code[:2] in CONTENT_ROOTS:
            for c in tok.children:
                if c.dep_ in ("ccomp", "xcomp"):
                    subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
                    found = [a for a in self._actors(subj, resolver, date) if (a.code or a.text) not in taken]
                    if found:
                        return found
        def content(c: Token) -> bool:  # not where or when: "in Brussels", "on Sunday"
            return c.dep_ != "prep" or c.lower_ in TARGET_PREPS

        frontier = [c for c in tok.children if c.dep_ in ("prep", "dobj", "dative", "xcomp", "pcomp") and content(c)]
        frontier += [c for c in tok.children if c.dep_ == "advcl" and any(a.tag_ == "TO" for a in c.children)]
        if f.pat.pos == "N" and tok.head.pos_ == "VERB" and tok.dep_ == "dobj":
            frontier += [c for c in tok.head.children if c.dep_ == "prep" and content(c)]
        named = f.pat.obj or frozenset()
        backup: list[Actor] = []
        for _ in range(4):
            nxt = []
            for node in frontier:
                if effective_noun(node).lemma_.lower() in named:
                    nxt.extend(c for c in effective_noun(node).children if c.dep_ in ("prep",) and content(c))
                    continue
                if node.dep_ in ("pobj", "dobj", "pcomp", "dative") or (node.pos_ in ("NOUN", "PROPN", "PRON") and node.dep_ != "prep"):
                    if node.pos_ in ("NOUN", "PROPN", "PRON"):
                        found = self._actors([node], resolver, date)
                        found += [] if found else [a for c in node.children if c.dep_ in ("poss", "compound", "amod")
                                                  for a in self._actors([c], resolver, date)]
                        if not found and not backup:
                            backup = resolver.modifier_actor(node, date)  # "a police compound", as a last resort
                        # a bare mention of the source's own country is not its target ("… to Nairobi")
                        found = [a for a in found if (a.code or a.text) not in taken and a.code
                                 and not (a.country in home and a.sector in (None, "GOV"))]
                        if found:
                            return found
                nxt.extend(c for c in node.children if c.dep_ in ("prep", "pobj", "pcomp", "dobj", "xcomp") and content(c))
            frontier = nxt
            if not frontier:
                break
        return [a for a in backup if (a.code or a.text) not in taken]

    # -- attributes -------------------------------------------------------------------------------
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

    def _localise(self, tok: Token, sources: list[Actor], targets: list[Actor], resolver: ActorResolver,
                  date: str | None) -> tuple[list[Actor], list[Actor]]:
        """Give a country to sector-only actors ("gunmen", "civilians", "protesters") from where the
        event happened ("… in Egypt's North Sinai"), or, for a state acting on civilians or the
        opposition, from that state ("Belarusian police detained protesters")."""
        if all(a.country or not a.sector or a.sector in ("IGO", "NGO") for a in sources + targets):
            return sources, targets
        place = None
        scope = tok if tok.pos_ == "VERB" else tok.head
        for prep in sorted((t for t in scope.subtree if t.dep_ == "prep" and t.lower_ in PLACE_PREPS),
                           key=lambda t: abs(t.i - tok.i)):
            if any(a.dep_ in ("ccomp", "relcl", "advcl", "acl") for a in prep.ancestors if a.i in range(scope.left_edge.i, scope.right_edge.i + 1) and a.i != scope.i and scope in a.ancestors):
                continue  # a place inside another clause belongs to that clause
            for p in prep.children:
                place = place or resolver.place_country(p, date)
            if place:
                break
        def fix(actors: list[Actor], others: list[Actor]) -> list[Actor]:
            out = []
            for a in actors:
                if a.country is None and a.code and a.sector and a.code == a.sector and a.sector not in ("IGO", "NGO"):
                    country = place
                    if country is None and a.sector in DOMESTIC_TARGETS:
                        states = {o.country for o in others if o.country and o.sector in STATE_AGENTS}
                        country = states.pop() if len(states) == 1 else None
                    if country:
                        a = Actor(text=a.text, code=country + a.sector, country=country, sector=a.sector,
                                  name=a.name, kind=a.kind)
                out.append(a)
            return out
        return fix(sources, targets), fix(targets, sources)

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

    def _reciprocal(self, code: str) -> bool:
        r = self.words.reciprocal
        return code[:2] in r or code[:3] in r or code in r

    def _pairs(self, sources: list[Actor], targets: list[Actor], code: str,
               transitive: bool = False) -> list[tuple[Actor | None, Actor | None]]:
        # "Armenia and Azerbaijan held talks" acts on each other; "troops and police killed people" does not
        if len(sources) >= 2 and not targets and not transitive and self._reciprocal(code):
            return [(a, b) for a, b in permutations(sources, 2)]
        srcs: list[Actor | None] = list(sources) or [None]
        tgts: list[Actor | None] = list(targets) or [None]
        return [(s, t) for s in srcs for t in tgts]

    @staticmethod
    def _location(tok: Token, resolver: ActorResolver) -> str | None:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near", "along"):
                for p in prep.children:
                    if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC"):
                        ent = next((e for e in tok.doc.ents if e.start <= p.i < e.end), None)
                        return ent.text if ent is not None else p.text
        return None
