"""Stage ``match``: lexicon patterns against a sentence's parse (``docs/lexicon.md``).

For every verb and common noun, the most specific pattern whose constraints hold is chosen; the
trace records the winner (and, when verbose, every pattern tried).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from tidings.coding.context import DocContext
from tidings.coding.lexicon import Pattern
from tidings.coding.modality import words
from tidings.coding.syntax import effective_noun, is_passive, objects, pobjs
from tidings.coding.trace import Candidate, Trace
from tidings.docindex import deps, lemmas, lowers, tables

STAND_INS = frozenset({"@state", "@armed"})  # object values that name no lemma (docs/lexicon.md)

__all__ = ["NOUN_POS", "VERB_POS", "Features", "features", "match", "object_lemmas", "trigger_objects"]

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
PARTICLES = frozenset({"out", "off", "back", "up", "down", "away", "over", "in", "on"})


@dataclass(slots=True)
class Features:
    """What patterns test about a trigger token: its object words first; the rest (particles,
    modifiers, clausal complements, prepositional objects, the object's modifiers) when a pattern first
    asks for them (most triggers are decided by their object or have no constrained pattern)."""

    tok: Token
    strict: list[tuple[Token, Token]]
    obj: frozenset[str]
    _prts: frozenset[str] | None = None
    _mods: frozenset[str] | None = None
    _comps: frozenset[str] | None = None
    _preps: dict[str, frozenset[str]] | None = None
    obj_loose: frozenset[str] | None = None
    _stand_ins: frozenset[str] | None = None

    def stand_ins(self, ctx: DocContext) -> frozenset[str]:
        """The object stand-ins no lemma has, worked out when a pattern first asks for one: "@state"
        for a name that resolves to a state ("suspended Niger"; a plural or a demonym is a people:
        "expelled Haitians"), "@armed" for an armed actor ("fought the Houthis")."""
        if self._stand_ins is None:
            objs = [n for _, n in self.strict]
            state = any(n.tag_ == "NNP" and n.ent_type_ != "NORP" and any(
                a.kind == "state" for a in ctx.actors.resolve(n, ctx.published, follow_coref=False)) for n in objs)
            armed = any(n.i in ctx.armed_tokens for n in objs)
            self._stand_ins = frozenset(["@state"] * state + ["@armed"] * armed)
        return self._stand_ins

    @property
    def prts(self) -> frozenset[str]:
        if self._prts is None:
            tok = self.tok  # spaCy often attaches the particle of "pull out of" as a preposition
            # but a preposition with its own object after the verb's object is none ("gave a speech in Paris")
            after = max((c.i for c in tok.children if c.dep_ == "dobj"), default=len(tok.doc))
            self._prts = frozenset(c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod") and c.i > tok.i
                                   and not (c.dep_ == "prep" and c.i > after and any(p.dep_ == "pobj" for p in c.children)))
        return self._prts

    @property
    def mods(self) -> frozenset[str]:
        if self._mods is None:
            tok = self.tok
            self._mods = frozenset(c.lemma_.lower() for c in tok.children
                                   if c.dep_ in ("amod", "compound", "advmod", "npadvmod")) \
                | (object_modifiers(self.strict) if tok.pos_ in VERB_POS else frozenset())
        return self._mods

    @property
    def comps(self) -> frozenset[str]:
        if self._comps is None:
            self._comps = frozenset(c.lemma_.lower() for c in self.tok.children if c.dep_ in ("xcomp", "ccomp") or purpose(c))
        return self._comps

    @property
    def preps(self) -> dict[str, frozenset[str]]:
        if self._preps is None:
            tok = self.tok
            doc = tok.doc
            kids, labels, low = tables(doc)
            preps: dict[str, set[str]] = {}
            particles = [c for c in kids[tok.i] if labels[c] in ("prt", "prep", "advmod") and low[c] in PARTICLES]
            for host in [tok.i] + [o.i for o, _ in self.strict] + particles:
                for c in kids[host]:
                    # a particle with an object of its own is a preposition the parser mislabelled
                    # ("called on(prt) Venezuelans to …")
                    if labels[c] in ("prep", "agent", "dative") or (labels[c] == "prt" and any(labels[p] == "pobj" for p in kids[c])):
                        lemmas = preps.setdefault(low[c], set())
                        for i in kids[c]:
                            if labels[i] in ("pobj", "pcomp"):
                                p = doc[i]
                                for q in (p, *p.conjuncts):
                                    lemmas.add(effective_noun(q).lemma_.lower())
            self._preps = {k: frozenset(v) for k, v in preps.items()}
        return self._preps


def small_clause_subjects(tok: Token) -> list[Token]:
    """The subject of an infinitive or a particle clause that the parser hung on the verb instead of an
    object: "allowed [a convoy] to cross", "let [inspectors] back in"; after a verb of letting, a noun
    hung as a clause: "let [observers] into the country"."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ not in ("ccomp", "xcomp"):
            continue
        if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in words().small_clause_head:
            out.append(c)  # "let [UN investigators] into the country": the model hangs the noun as a clause
            continue
        if not (any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) or c.pos_ in ("ADV", "ADP")):
            continue
        out.extend(s for s in c.children if s.dep_ == "nsubj")
    return out


def object_lemmas(tok: Token, loose: bool = False) -> list[tuple[Token, Token]]:
    """(object token, effective noun) pairs for pattern ``obj`` constraints. ``loose`` adds the noun
    modifiers of the object ("gas supplies", "a loan and supply agreement")."""
    strict = _strict_objects(tok)
    return strict + _object_modifiers_as_objects(strict) if loose else strict


def trigger_objects(tok: Token, ctx: DocContext) -> list[tuple[Token, Token]]:
    """``object_lemmas(tok)``, found once per document (the list is shared: do not change it)."""
    return features(tok, ctx).strict


def _strict_objects(tok: Token) -> list[tuple[Token, Token]]:
    out = []
    cands = objects(tok) if tok.pos_ in VERB_POS else []
    if cands and is_passive(tok):  # "Ukraine was given €4.5 billion": the second object
        cands = cands + [c for c in tok.children if c.dep_ == "dobj"]
    if not cands and tok.pos_ in VERB_POS:
        cands = small_clause_subjects(tok)
    for o in cands:
        out.append((o, effective_noun(o)))
    for p in pobjs(tok, "with"):  # "provide Belarus with gas"
        out.append((p, effective_noun(p)))
    return out


def _object_modifiers_as_objects(strict: list[tuple[Token, Token]]) -> list[tuple[Token, Token]]:
    out: list[tuple[Token, Token]] = []
    for _o, n in strict:
        if n.lemma_.lower() in words().unit_head:
            continue  # "a strike group", "an assault team": a kind of unit, not what the verb is about
        # a title before a name counts too: "former Prime Minister Najib Razak" -> minister
        out.extend((_o, c) for c in n.children if c.dep_ in ("compound", "nmod")
                   and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and n.pos_ == "PROPN")))
        out.extend((_o, effective_noun(c)) for c in n.children if c.dep_ == "nmod" and c.pos_ in ("NUM", "SYM"))
    return out


def purpose(c: Token) -> bool:
    """A purpose clause: "sent troops to Haiti **to lead** a mission" (an infinitival advcl)."""
    return c.dep_ == "advcl" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)


def object_modifiers(objs: list[tuple[Token, Token]]) -> frozenset[str]:
    """Lemmas of the modifiers of a verb's objects, for ``mod`` on verb patterns ("held **joint** drills",
    "sent a **search-and-rescue** team")."""
    out: set[str] = set()
    for _o, n in objs:
        for c in n.children:
            if c.dep_ in ("amod", "compound", "nmod", "det"):  # "no chance": the determiner too
                out.update(x.lemma_.lower() for x in (c, *c.conjuncts))
    return frozenset(out)


def features(tok: Token, ctx: DocContext) -> Features:
    """The features of a trigger token, computed once per document."""
    cached = ctx.features.get(tok.i)
    if isinstance(cached, Features):
        return cached
    strict = _strict_objects(tok)
    # (also "$400 million in ODA": an amount in a named kind of funding no lemma list knows)
    money = any(n.ent_type_ == "MONEY" or n.lower_ in ("$", "€", "£", "us$")
                or (n.pos_ == "PROPN" and n is not o and o.ent_type_ == "MONEY") for o, n in strict)
    # an amount of money as object ("was given €4.5 billion") stands for "money"
    feats = Features(tok, strict, frozenset([x for _, n in strict for x in (n.lemma_.lower(), n.lower_)]
                                            + (["money"] if money else [])))
    ctx.features[tok.i] = feats
    return feats


def fits(tok: Token, pat: Pattern, ctx: DocContext, loose: bool = False) -> bool:
    """Whether every constraint of ``pat`` holds on ``tok``."""
    return _fits(features(tok, ctx), pat, ctx, loose)


def _fits(f: Features, pat: Pattern, ctx: DocContext, loose: bool = False) -> bool:
    if pat.prt and pat.prt not in f.prts:
        return False
    if pat.obj and "*" in pat.obj:
        if not f.strict:  # ``*``: any direct object ("helped Ukraine", not "helped arrange the swap")
            return False
    elif pat.obj and pat.obj.isdisjoint(loose_objects(f.tok, ctx) if loose else f.obj) \
            and (loose or pat.obj.isdisjoint(STAND_INS) or pat.obj.isdisjoint(f.stand_ins(ctx))):
        return False
    if pat.comp and (not f.comps if pat.any_clause else pat.comp.isdisjoint(f.comps)):
        return False
    if pat.mod and pat.mod.isdisjoint(f.mods):
        return False
    if pat.preps:
        preps = f.preps
        for prep, allowed in pat.preps:
            objects_of = preps.get(prep)
            if objects_of is not None and (allowed is None or not allowed.isdisjoint(objects_of)):
                return True
        return False
    return True


def loose_objects(tok: Token, ctx: DocContext) -> frozenset[str]:
    """The object words of a trigger with the object's noun modifiers ("gas supplies")."""
    f = features(tok, ctx)
    if f.obj_loose is None:
        loose = f.strict + _object_modifiers_as_objects(f.strict)
        f.obj_loose = frozenset(x for _, n in loose for x in (n.lemma_.lower(), n.lower_))
    return f.obj_loose


def gives_aid(tok: Token, ctx: DocContext) -> bool:
    """Whether an object of ``tok`` is aid in itself: a noun the lexicon codes as material aid (07x)
    with no condition ("aid", "assistance"; not "supply", which is arms aid only "of arms")."""
    lexicon = ctx.knowledge.lexicon
    return any(p.code[:2] == "07" and not (p.obj or p.mod or p.preps or p.prt or p.comp)
               for _o, n in trigger_objects(tok, ctx) for p in lexicon.patterns(n.lemma_.lower(), "N"))


def match(sent: Span, ctx: DocContext, trace: Trace) -> list[Candidate]:
    """Trigger candidates of a sentence, in token order."""
    lexicon = ctx.knowledge.lexicon
    found: list[Candidate] = []
    taken: set[int] = set()
    doc = sent.doc
    labels, lemma_of, lower_of = deps(doc), lemmas(doc), lowers(doc)
    for i, tag in ctx.candidate_words(sent.start, sent.end):
        if tag == "VERB":
            pos = "V"
        elif tag == "NOUN" and labels[i] != "compound":
            pos = "N"
        elif tag == "ADJ" and labels[i] == "acomp" and (tok := doc[i]).head.pos_ in ("AUX", "VERB") \
                and tok.head.i not in taken:
            # a predicate adjective ("was optimistic about", "remained sceptical") takes verb patterns;
            # its subject is the copula's, and so are negation and modality (coding.modality)
            pats = [p for p in lexicon.patterns(tok.lemma_.lower(), "V") if fits(tok, p, ctx)]
            if pats:
                trace.add("match", pats[0].id, tok, f"{pats[0].code}, predicate adjective")
                found.append(Candidate(tok, pats[0], tuple(p.id for p in pats) if trace.verbose else ()))
                taken.add(tok.head.i)
            continue
        else:
            continue
        pats = lexicon.patterns(lemma_of[i], pos)
        if not pats and pos == "N" and lower_of[i] != lemma_of[i]:
            pats = lexicon.patterns(lower_of[i], pos)
        if not pats:
            continue
        tok = doc[i]
        how = "most specific fitting pattern"
        if pos == "N":
            # a noun modifier that is itself a trigger decides: "hunger strike", "roadside bomb"
            for c in tok.children:
                if c.dep_ == "compound" and c.pos_ == "NOUN":
                    mod = [p for p in lexicon.patterns(c.lemma_.lower(), "N") if fits(tok, p, ctx)]
                    if mod:
                        pats, how = mod, f"modifier {c.text!r} decides"
                        break
        f = features(tok, ctx)
        obj = f.obj  # most patterns fail on their object: tested here, without a call
        pick = next((p for p in pats if (not p.obj or "*" in p.obj or not p.obj.isdisjoint(obj)
                                         or not p.obj.isdisjoint(STAND_INS)) and _fits(f, p, ctx)), None)
        if pick is None or (pos == "V" and not pick.obj):
            # the object's own modifiers may name what the verb is about ("gas supplies"), but not
            # when the object is aid itself: "announced emergency aid" is aid, not an emergency
            with_obj = [p for p in pats if p.obj]
            loose_obj = loose_objects(tok, ctx) if with_obj else frozenset()
            loose = next((p for p in with_obj if p.obj is not None and not p.obj.isdisjoint(loose_obj)
                          and _fits(f, p, ctx, loose=True)), None)
            if loose is not None and not gives_aid(tok, ctx):
                pick, how = loose, "object's modifier names the object"
        considered = tuple(p.id for p in pats) if trace.verbose else ()
        if pick is None:
            if trace.verbose:
                trace.add("match", "no-pattern-fits", tok, f"{len(pats)} pattern(s) for {tok.lemma_!r}, none fits")
            continue
        trace.add("match", pick.id, tok, f"{pick.code}, {how}")
        found.append(Candidate(tok, pick, considered))
        taken.add(tok.i)
    return found
