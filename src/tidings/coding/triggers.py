"""Finding triggers: lexicon patterns matched against a sentence's parse (``docs/lexicon.md``).

``TriggerMatcher`` is mixed into ``Coder``: it picks, for each token, the most specific pattern whose
constraints hold, then drops triggers that are only the content or background of another event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from tidings.coding.lexicon import Pattern
from tidings.coding.syntax import effective_noun, is_passive, objects, pobjs

__all__ = ["CONTENT_ROOTS", "NOUN_POS", "VERB_POS", "TriggerMatcher"]

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
BACKGROUND_PREPS = frozenset({"during", "after", "before", "amid", "amidst", "since", "following", "despite",
                              "ahead", "throughout", "until", "upon", "at"})
PARTICLES = frozenset({"out", "off", "back", "up", "down", "away", "over", "in", "on"})
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



class TriggerMatcher:
    """Pattern matching over the parse; expects ``lexicon``, ``words`` and ``_resolver`` on ``self``."""

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
