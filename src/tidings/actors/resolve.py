"""Resolution of noun phrases to actors, using the matches the actor component put on the ``Doc``.

The coder calls ``ActorResolver.resolve(token, date)`` for the head token of a subject, object or
prepositional object and gets zero, one or several ``Actor`` records (coordination gives several).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.actors.kb import Candidate, KnowledgeBase
from tidings.records import Actor

__all__ = ["ActorResolver", "KBMatch"]

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
NER_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
MALE_FEMALE = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
NEUTER = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
PLURAL_HEADS = {"country", "nation", "state", "side", "neighbour", "neighbor", "government", "capital",
                "leader", "president", "head", "man", "ally", "partner"}


@dataclass(frozen=True, slots=True)
class KBMatch:
    start: int
    end: int
    kind: str  # "name" or "agent"
    key: str   # normalised alias


def _kind_for(code: str | None, sector: str | None, default: str) -> str:
    if code and code[:3] in {"IGO", "NGO"}:
        return "organization"
    if sector is None or sector in STATE_SECTORS:
        return default
    return "group"


class ActorResolver:
    """Resolves tokens of one ``Doc`` to actors. Cheap to create; built per document by the coder."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, descriptors: frozenset[str], generic: frozenset[str]) -> None:
        self.doc = doc
        self.kb = kb
        self.descriptors = descriptors
        self.generic = generic
        self.matches: list[KBMatch] = doc.user_data.get("tidings_kb", [])
        self.at: dict[int, KBMatch] = {}
        for m in self.matches:
            for i in range(m.start, m.end):
                if m.kind == "name" or i not in self.at:
                    self.at[i] = m
        self._history: list[tuple[int, list[Actor]]] | None = None

    # -- helpers ----------------------------------------------------------------------------------
    def _best(self, m: KBMatch, date: str | None) -> Candidate | None:
        cands = self.kb.candidates(m.key, date)
        return cands[0] if cands else None

    def _np_range(self, head: Token) -> tuple[int, int]:
        left = head.left_edge.i
        # Keep to the head's own noun phrase: stop at a coordinating conjunction or comma on the left.
        for t in head.doc[left:head.i]:
            if t.dep_ in ("cc", "punct") and t.head.i != head.i:
                left = t.i + 1
        right = head.i + 1
        m = self.at.get(head.i)
        if m is not None:
            right = max(right, m.end)
            left = min(left, m.start)
        return left, right

    def _named(self, tok: Token) -> bool:
        m = self.at.get(tok.i)
        return m is not None and m.kind == "name"

    def conjuncts(self, head: Token) -> list[Token]:
        out = [head]
        for c in head.conjuncts:
            if c.i > head.i and c.pos_ in ("NOUN", "PROPN", "PRON") and c not in out:
                out.append(c)
        # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt": the parser often reads a list
        # of names as an apposition followed by conjuncts
        if self._named(head):
            for c in head.children:
                if c.dep_ == "appos" and self._named(c):
                    for t in [c, *c.conjuncts]:
                        if t.i > head.i and t not in out and t.pos_ in ("NOUN", "PROPN"):
                            out.append(t)
        return out

    # -- the main entry ---------------------------------------------------------------------------
    def resolve(self, head: Token, date: str | None, *, follow_coref: bool = True) -> list[Actor]:
        actors: list[Actor] = []
        for tok in self.conjuncts(head):
            actors.extend(self.resolve_one(tok, date, follow_coref=follow_coref))
        seen: set[tuple[str | None, str]] = set()
        out = []
        for a in actors:
            key = (a.code, a.text) if a.code is None else (a.code, "")
            if key not in seen:
                seen.add(key)
                out.append(a)
        return out

    def resolve_one(self, head: Token, date: str | None, *, follow_coref: bool = True) -> list[Actor]:
        doc = self.doc
        if head.pos_ == "PRON" or head.lower_ in MALE_FEMALE | NEUTER | PLURAL:
            return self.coref(head, date) if follow_coref else []
        for child in head.children if not self._named(head) else ():  # "Belarus's leader, Alexander Lukashenko"
            if child.dep_ == "appos":
                found = self.resolve_one(child, date, follow_coref=False)
                if found and found[0].code:
                    return found
        left, right = self._np_range(head)
        span = doc[left:right]
        if follow_coref and head.lemma_.lower() in PLURAL_HEADS and any(
            (c.dep_ == "nummod" and c.lower_ in ("two", "2")) or c.lower_ == "both" for c in head.children
        ):
            kind = "person" if head.lemma_.lower() in ("leader", "president", "head", "man") else "state"
            return self.plural_reference(span, kind)
        names = [m for m in dict.fromkeys(self.at.get(i) for i in range(left, right)) if m is not None and m.kind == "name"]
        agents = [m for m in dict.fromkeys(self.at.get(i) for i in range(left, right)) if m is not None and m.kind == "agent"]
        text = span.text.strip()
        # 1. a named actor that is (or contains) the head
        head_match = self.at.get(head.i)
        if head_match is not None and head_match.kind == "name":
            cand = self._best(head_match, date)
            if cand is not None:
                e = cand.entry
                if e.role == "adjective" and not self._adjective_actor(head):
                    return []
                if e.role in {"adjective", "demonym", "name", "historical", "capital", "metonym"} and agents:
                    return [self._combine(agents, names, head, text, date)]
                return [Actor(text=text, code=cand.code, country=e.country, sector=(cand.code or "")[3:6] or None,
                              name=e.name, kind=_kind_for(cand.code, e.sector, e.kind if e.kind != "agent" else "group"))]
        # 2. a sector agent, with the country from modifiers, possessors or an "of" phrase
        if agents or head.lemma_.lower() in self.generic:
            if agents and not any(m.start <= head.i < m.end for m in agents) and head.lemma_.lower() not in self.generic:
                agents = []
            if agents or head.lemma_.lower() in self.generic:
                actor = self._combine(agents, names, head, text, date)
                if actor.code is not None or agents:
                    return [actor]
        # 3. a definite description of a person ("the former farm boss")
        if follow_coref and head.lemma_.lower() in self.descriptors and any(t.lower_ == "the" for t in span):
            found = self._last(head.i, lambda a: a.kind == "person")
            if found:
                return found[:1]
        # 4. an entity spaCy found that the knowledge base does not know
        if head.ent_type_ in NER_KIND:
            ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
            label = head.ent_type_
            if ent is not None and label in ("PERSON", "ORG", "GPE", "NORP"):
                return [Actor(text=ent.text, code=None, kind=NER_KIND[label])]
        return []

    def resolve_modifier(self, tok: Token, date: str | None) -> list[Actor]:
        """An actor named by a modifier: "Russian" in "Russian loans", "US" in "US sanctions"."""
        m = self.at.get(tok.i)
        if m is None or m.kind != "name":
            return self.resolve(tok, date, follow_coref=True) if tok.dep_ == "poss" else []
        if tok.dep_ == "poss":
            return self.resolve(tok, date)
        cand = self._best(m, date)
        if cand is None:
            return []
        e = cand.entry
        code = e.country if e.role in ("adjective", "demonym") and e.country else cand.code
        text = self.doc[m.start:m.end].text
        return [Actor(text=text, code=code, country=e.country, sector=(code or "")[3:6] or None, name=e.name,
                      kind=_kind_for(code, e.sector, e.kind if e.kind != "agent" else "group"))]

    def _adjective_actor(self, head: Token) -> bool:
        # "the Russians" or "Russian" used as a noun
        return head.pos_ in ("NOUN", "PROPN") and head.dep_ not in ("amod", "compound")

    def _combine(self, agents: list[KBMatch], names: list[KBMatch], head: Token, text: str, date: str | None) -> Actor:
        sector = None
        if agents:
            # the agent nearest the head decides the sector
            best = min(agents, key=lambda m: 0 if m.start <= head.i < m.end else abs(m.end - 1 - head.i))
            entry = self.kb.agents.get(best.key)
            sector = entry.sector if entry else None
        country = None
        code = None
        org_name = None
        for m in names + self._of_names(head):
            cand = self._best(m, date)
            if cand is None:
                continue
            e = cand.entry
            if cand.code and cand.code[:3] in {"IGO", "NGO"}:
                code, org_name = cand.code, e.name
                break
            if e.kind == "person":
                continue
            if e.country and country is None:
                country, org_name = e.country, e.name
                if not agents and cand.code:
                    code = cand.code
        if code is None and country:
            code = country + (sector or "")
        elif code is None and sector:
            code = sector
        return Actor(text=text, code=code, country=country, sector=sector, name=org_name,
                     kind=_kind_for(code, sector, "state" if country else "group"))

    def _of_names(self, head: Token) -> list[KBMatch]:
        out = []
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    m = self.at.get(pobj.i)
                    if pobj.dep_ == "pobj" and m is not None and m.kind == "name":
                        out.append(m)
                    for sub in pobj.children:  # "the Ministry of Defense of Belarus"
                        if sub.dep_ == "prep" and sub.lower_ == "of":
                            out.extend(self._of_names(pobj))
        return out

    # -- coreference ------------------------------------------------------------------------------
    def history(self) -> list[tuple[int, list[Actor]]]:
        """Actor mentions of the document in order (position of head, actors), at publication date."""
        if self._history is None:
            date = self.doc.user_data.get("tidings_published")
            hist: list[tuple[int, list[Actor]]] = []
            heads = sorted({self._head_of(m) for m in self.matches})
            for i in heads:
                tok = self.doc[i]
                if tok.dep_ == "conj" and tok.head.i in heads:
                    continue
                found = self.resolve(tok, date, follow_coref=False)
                if found:
                    hist.append((i, found))
            self._history = hist
        return self._history

    def _head_of(self, m: KBMatch) -> int:
        span = self.doc[m.start:m.end]
        root = span.root
        while root.dep_ in ("compound", "amod", "poss", "nmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i != root.i:
            root = root.head
        return root.i

    def _last(self, before: int, accept, count: int = 1) -> list[Actor]:
        out: list[Actor] = []
        for i, actors in reversed(self.history()):
            if i >= before:
                continue
            for a in actors:
                if accept(a) and all(a.code != b.code or a.text != b.text for b in out):
                    if a.code is None or all(a.code != b.code for b in out):
                        out.append(a)
                if len(out) >= count:
                    return out
        return out

    def coref(self, pron: Token, date: str | None) -> list[Actor]:
        low = pron.lower_
        if low in MALE_FEMALE:
            cata = self._cataphor(pron, lambda a: a.kind == "person")
            return cata or self._last(pron.i, lambda a: a.kind == "person")
        if low in NEUTER:
            return self._last(pron.i, lambda a: a.kind in ("state", "organization") and a.sector in (None, "GOV"))
        if low in PLURAL:
            for i, actors in reversed(self.history()):
                if i < pron.i and len(actors) > 1:
                    return actors
                if i < pron.i:
                    return actors
        return []

    def _cataphor(self, pron: Token, accept) -> list[Actor]:
        """A pronoun inside a fronted subordinate clause refers to the main clause's subject."""
        node = pron
        while node.head.i != node.i:
            if node.dep_ == "advcl" and node.i < node.head.i:
                for child in node.head.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and child.i > pron.i:
                        found = self.resolve(child, None, follow_coref=False)
                        return [a for a in found if accept(a)]
                return []
            node = node.head
        return []

    def plural_reference(self, span: Span, kind: str) -> list[Actor]:
        """'the two countries', 'both sides', 'the two leaders' → the last two distinct actors."""
        accept = (lambda a: a.kind == "person") if kind == "person" else (lambda a: a.kind in ("state",) and a.code is not None)
        found = self._last(span.start, accept, count=2)
        return found if len(found) == 2 else []
