"""Finding the source and target of a trigger: pattern slots, fallbacks and localisation.

``RoleFinder`` is mixed into ``Coder``. Slots follow ``docs/lexicon.md``; when a pattern's slots give
no target, the nearest actor in the trigger's complements is used; sector-only actors get a country
from the place of the event or from the state acting on its own people.
"""

from __future__ import annotations

from itertools import permutations

from spacy.tokens import Token

from tidings.actors.resolve import ActorResolver
from tidings.coding.syntax import datives, effective_noun, objects, pobjs, subjects
from tidings.coding.triggers import CONTENT_ROOTS, NOUN_POS, _Found
from tidings.records import Actor

__all__ = ["RoleFinder"]

DEFAULT_SOURCE = {"V": ("subj",), "N": ("poss", "by")}
DEFAULT_TARGET = {"V": ("obj", "iobj"), "N": ("on", "against", "to", "with", "between")}
PLACE_PREPS = frozenset({"in", "at", "near", "across", "inside", "outside", "on", "from", "into", "over"})
CONTAINERS = frozenset({"day", "week", "month", "year", "hour", "round", "series", "wave", "spate", "string", "number",
                        "lot", "set", "kind", "type", "form", "night", "weekend", "decade", "campaign"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "across", "along", "around", "outside"})
TARGET_PREPS = frozenset({"on", "about", "over", "into", "of", "with", "to", "for", "against", "from", "regarding",
                          "toward", "towards", "between", "upon"})
DOMESTIC_TARGETS = frozenset({"CVL", "OPP", "LAB", "EDU", "MED", "REL", "HLH", "AGR", "BUS"})
STATE_AGENTS = frozenset({"GOV", "COP", "JUD", "LEG"})  # the state acting at home on its own people


class RoleFinder:
    """Role assignment; expects ``words``, ``event_nouns`` and ``_resolver`` on ``self``."""

    def _slot(self, f: _Found, spec: str) -> list[Token]:
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
            sources = self._actors(self._slot(f, spec), resolver, date)
            if sources:
                break
        if not sources and pat.pos == "V" and pat.obj:
            # "Belarus will receive new Russian loans": the lender named by the object's modifier
            for _obj, n in self._object_lemmas(f.tok):
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
                pair = self._actors(self._slot(f, "between"), resolver, date)
                if len(pair) >= 2 and not sources:
                    return pair, []
                continue
            targets = self._actors(self._slot(f, spec), resolver, date)
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
