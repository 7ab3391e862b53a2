"""Resolution of noun phrases to actors, using the matches the actor component put on the ``Doc``.

The coder calls ``ActorResolver.resolve(token, date)`` for the head token of a subject, object or
prepositional object and gets zero, one or several ``Actor`` records (coordination gives several).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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


def actor_sector(code: str | None) -> str | None:
    """The sector part of a code: "RUSGOV" -> "GOV", "IGOWSTNAT" -> "IGO", "RUS" -> None."""
    if not code:
        return None
    if code[:3] in ("IGO", "NGO"):
        return code[:3]
    return code[3:6] or None


def _kind_for(code: str | None, sector: str | None, default: str) -> str:
    if default == "person":
        return "person"
    if code and code[:3] in {"IGO", "NGO"}:
        return "organization"
    if sector is None or sector in STATE_SECTORS:
        return default
    return "group"


REFERRING = frozenset({"coreference", "definite-description", "plural-reference"})


def _via(strategy: str, actors: list[Actor]) -> list[Actor]:
    """Mark how actors were resolved (``Actor.via``, shown in traces; not part of equality)."""
    if strategy in REFERRING:
        return [replace(a, via=f"{strategy} to {a.text!r}") for a in actors]
    return [replace(a, via=a.via or strategy) for a in actors]


class ActorResolver:
    """Resolves tokens of one ``Doc`` to actors, at any date. The ``tidings_actors`` component builds
    one per document (``doc._.actor_index``); results are cached per (token, date)."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, descriptors: frozenset[str], generic: frozenset[str],
                 members: frozenset[str] = frozenset(), matches: list[KBMatch] | None = None) -> None:
        self.doc = doc
        self.members = members
        self.kb = kb
        self.descriptors = descriptors
        self.generic = generic
        self.matches: list[KBMatch] = list(matches or ())
        self._cache: dict[tuple[int, str | None, bool], list[Actor]] = {}
        self.at: dict[int, KBMatch] = {}
        for m in self.matches:
            for i in range(m.start, m.end):
                if m.kind == "name" or i not in self.at:
                    self.at[i] = m
        self._history: list[tuple[int, list[Actor]]] | None = None
        self._building = False
        self._resolving: set[int] = set()

    # -- helpers ----------------------------------------------------------------------------------
    def _best(self, m: KBMatch, date: str | None) -> Candidate | None:
        cands = self.kb.candidates(m.key, date)
        return cands[0] if cands else None

    def np_range(self, head: Token) -> tuple[int, int]:
        left = head.left_edge.i
        # Keep to the head's own noun phrase: stop at a coordinating conjunction or comma on the left.
        for t in head.doc[left:head.i]:
            # a conjunction linking modifiers ("Russian and Chinese warships") stays inside
            if t.dep_ in ("cc", "punct") and t.head.i != head.i and not (left <= t.head.i < head.i):
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
        """The actors a noun-phrase head refers to on ``date`` (several for coordinated phrases)."""
        key = (head.i, date, follow_coref)
        hit = self._cache.get(key)
        if hit is not None:
            return list(hit)
        found = self._resolve(head, date, follow_coref)
        if not self._building and not self._resolving:  # results inside a recursion guard are partial
            self._cache[key] = found
        return list(found)

    def _resolve(self, head: Token, date: str | None, follow_coref: bool) -> list[Actor]:
        actors: list[Actor] = []
        for tok in self.conjuncts(head):
            actors.extend(self.resolve_one(tok, date, follow_coref=follow_coref))
        if len(actors) > 1:
            # "the government and people of India": a country named once serves every conjunct
            countries = {a.country for a in actors if a.country}
            if len(countries) == 1:
                country = countries.pop()
                actors = [Actor(text=a.text, code=country + (a.sector or ""), country=country, sector=a.sector,
                                name=a.name, kind=a.kind) if a.country is None and a.code and a.code == a.sector else a
                          for a in actors]
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
            return _via('coreference', self.coref(head, date) if follow_coref else [])
        for child in head.children if not self._named(head) else ():  # "Belarus's leader, Alexander Lukashenko"
            if child.dep_ == "appos":
                found = self.resolve_one(child, date, follow_coref=False)
                if found and found[0].code:
                    return _via('apposition', found)
        left, right = self.np_range(head)
        span = doc[left:right]
        if follow_coref and head.lemma_.lower() in PLURAL_HEADS and any(
            (c.dep_ == "nummod" and c.lower_ in ("two", "2")) or c.lower_ == "both" for c in head.children
        ):
            kind = "person" if head.lemma_.lower() in ("leader", "president", "head", "man") else "state"
            return _via('plural-reference', self.plural_reference(span, kind))
        names = [m for m in dict.fromkeys(self.at.get(i) for i in range(left, right)) if m is not None and m.kind == "name"]
        agents = [m for m in dict.fromkeys(self.at.get(i) for i in range(left, right)) if m is not None and m.kind == "agent"]
        text = span.text.strip()
        # 0. "Russian and Chinese warships", "Amnesty International and Human Rights Watch": names
        #    coordinated inside one noun phrase give one actor each
        if len(names) >= 2 and any(doc[i].dep_ == "cc" for i in range(names[0].end, names[-1].start)):
            split: list[Actor] = []
            for m in names:
                if agents:
                    split.append(self._combine(agents, [m], head, doc[m.start:m.end].text, date))
                else:
                    cand = self._best(m, date)
                    if cand is not None:
                        e = cand.entry
                        code = e.country if e.role in ("adjective", "demonym") else cand.code
                        split.append(Actor(text=doc[m.start:m.end].text, code=code, country=e.country,
                                           sector=actor_sector(code), name=e.name,
                                           kind=_kind_for(code, e.sector, e.kind if e.kind != "agent" else "group")))
            if len(split) >= 2:
                return _via('coordinated-names', split)
        # 1. a named actor that is (or contains) the head
        head_match = self.at.get(head.i)
        if head_match is not None and head_match.kind == "name":
            cand = self._best(head_match, date)
            if cand is not None:
                e = cand.entry
                if e.role == "adjective" and not self._adjective_actor(head):
                    return []
                if e.role in {"adjective", "demonym", "name", "historical", "capital", "metonym"} and agents:
                    return _via('name+agent', [self._combine(agents, names, head, text, date)])
                return _via('name', [Actor(text=text, code=cand.code, country=e.country, sector=actor_sector(cand.code),
                              name=e.name, kind=_kind_for(cand.code, e.sector, e.kind if e.kind != "agent" else "group"))])
        # 2a. "a spokesman for Nigeria's army", "the leader of Kenya's opposition coalition": the person
        #     speaks for the organisation named in the "for"/"of" phrase
        if head.lemma_.lower() in self.members and not names:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "from"):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            found = self.resolve(pobj, date, follow_coref=follow_coref)
                            if found and found[0].code:
                                a = found[0]
                                return _via('member-of-organisation', [Actor(text=text, code=a.code, country=a.country, sector=a.sector, name=a.name, kind=a.kind)])
        # 2. a sector agent, with the country from modifiers, possessors or an "of" phrase
        if agents or head.lemma_.lower() in self.generic:
            if agents and not any(m.start <= head.i < m.end for m in agents) and head.lemma_.lower() not in self.generic:
                agents = []
            if agents or head.lemma_.lower() in self.generic:
                actor = self._combine(agents, names, head, text, date)
                if actor.code is not None or agents:
                    return _via('agent', [actor])
        # 3. a definite description of a person ("the former farm boss")
        if follow_coref and head.lemma_.lower() in self.descriptors and any(t.lower_ == "the" for t in span):
            found = self._last(head.i, lambda a: a.kind == "person")
            if found:
                return _via('definite-description', found[:1])
        # 4. an unknown person named with a title and a country: "U.S. Vice President Mike Pence",
        #    "French academic Roland Marchal"
        if head.pos_ == "PROPN" and (agents or names) and head.ent_type_ in ("PERSON", ""):
            actor = self._combine(agents, [m for m in names if not (m.start <= head.i < m.end)], head, text, date)
            if actor.code is not None:
                return _via('titled-unknown-person', [Actor(text=text, code=actor.code, country=actor.country, sector=actor.sector,
                              name=None, kind="person")])
        # 5. an entity spaCy found that the knowledge base does not know
        if head.ent_type_ in NER_KIND:
            ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
            label = head.ent_type_
            if ent is not None and label in ("PERSON", "ORG", "GPE", "NORP"):
                return _via('unknown-entity', [Actor(text=ent.text, code=None, kind=NER_KIND[label])])
        # 6. any other proper name: kept as text, never given a guessed code
        if head.pos_ == "PROPN" and head.ent_type_ not in ("DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"):
            return _via('unknown-proper-name', [Actor(text=text, code=None, kind="organization")])
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
        return _via("modifier", [Actor(text=text, code=code, country=e.country, sector=actor_sector(code), name=e.name,
                                       kind=_kind_for(code, e.sector, e.kind if e.kind != "agent" else "group"))])

    def modifier_actor(self, head: Token, date: str | None) -> list[Actor]:
        """The actor named by the modifiers before a noun that is not an actor itself:
        "a Myanmar military air strike" -> MMRMIL."""
        left, _ = self.np_range(head)
        names = [m for m in dict.fromkeys(self.at.get(i) for i in range(left, head.i)) if m is not None and m.kind == "name" and m.end <= head.i]
        agents = [m for m in dict.fromkeys(self.at.get(i) for i in range(left, head.i)) if m is not None and m.kind == "agent" and m.end <= head.i]
        if not names and not agents:
            return []
        actor = self._combine(agents, names, self.doc[agents[-1].end - 1] if agents else head, self.doc[left:head.i].text, date)
        return _via("modifiers-of-noun", [actor]) if actor.code else []

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
            if e.kind in ("group", "organization") and cand.code and (not agents or head.lemma_.lower() in self.members):
                code, country, org_name = cand.code, e.country, e.name  # "Taliban representatives", "Hamas fighters"
                sector = sector if code is None else actor_sector(code)
                break
            if e.kind == "person":
                continue
            if e.country and country is None:
                country, org_name = e.country, e.name
                if not agents and cand.code:
                    code = cand.code
        if country is None and code is None and (sector or head.lemma_.lower() in self.generic):
            # "his government", "its army", "his country": the country of whoever the possessive refers to
            for c in head.children if not self._building else ():
                if c.dep_ == "poss" and c.pos_ == "PRON":
                    owners = [a for a in self.coref(c, date) if a.country]
                    if owners:
                        country = owners[0].country
                        break
        if country is None and code is None and sector:
            country = self._place_country(head, date)
        if code is None and country:
            code = country + (sector or "")
        elif code is None and sector:
            code = sector
        return Actor(text=text, code=code, country=country, sector=sector, name=org_name,
                     kind=_kind_for(code, sector, "state" if country else "group"))

    def _place_country(self, head: Token, date: str | None) -> str | None:
        """The country of a place attached to an agent: "protesters in Lima", "refugees from Syria"."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "at"):
                for pobj in prep.children:
                    country = self.place_country(pobj, date)
                    if country:
                        return country
        return None

    def place_country(self, tok: Token, date: str | None) -> str | None:
        """The state a place token names or lies in ("Lima", "the Iranian city of Kerman", "Egypt's North Sinai")."""
        for t in sorted(tok.subtree, key=lambda x: abs(x.i - tok.i))[:16]:  # "the Iranian city of Kerman"
            m = self.at.get(t.i)
            if m is not None and m.kind == "name":
                cand = self._best(m, date)
                if cand is not None and cand.entry.kind == "state" and cand.entry.country:
                    return cand.entry.country
        return None

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
            self._building = True
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
            self._building = False
        return self._history

    def _head_of(self, m: KBMatch) -> int:
        span = self.doc[m.start:m.end]
        root = span.root
        while root.dep_ in ("compound", "amod", "poss", "nmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i != root.i:
            root = root.head
        return root.i

    def _last(self, before: int, accept, count: int = 1) -> list[Actor]:
        """The ``count`` most recent distinct actors before token ``before``, in order of mention."""
        out: list[Actor] = []
        for i, actors in reversed(self.history()):
            if i >= before:
                continue
            for a in reversed(actors):
                if accept(a) and all((a.code or a.text) != (b.code or b.text) for b in out):
                    out.append(a)
                if len(out) >= count:
                    return out[::-1]
        return out[::-1]

    def _salient(self, pron: Token, accept) -> list[Actor]:
        """The antecedent of a pronoun: in the nearest sentence (its own, then earlier ones) that
        mentions an acceptable actor before it, the subject if it is one, else the latest mention."""
        doc = self.doc
        sent_of = {}
        for k, sent in enumerate(doc.sents):
            for t in sent:
                sent_of[t.i] = k
        own = sent_of.get(pron.i, 0)
        by_sent: dict[int, list[tuple[int, list[Actor]]]] = {}
        for i, actors in self.history():
            if i < pron.i:
                by_sent.setdefault(sent_of.get(i, 0), []).append((i, actors))
        for k in sorted(by_sent, reverse=True):
            if k < own - 3:
                break
            mentions = [(i, [a for a in actors if accept(a)]) for i, actors in by_sent[k]]
            mentions = [(i, actors) for i, actors in mentions if actors]
            if not mentions:
                continue
            subjects = [(i, a) for i, a in mentions if doc[i].dep_ in ("nsubj", "nsubjpass")]
            i, actors = (subjects or mentions)[0] if subjects else mentions[-1]
            return actors
        return []

    def _clause_subject(self, pron: Token, accept) -> list[Actor]:
        """A possessive pronoun refers to the subject of its own clause when that fits ("Russia is
        strengthening its presence", "the two countries integrate their markets")."""
        node = pron.head
        via_prep = False
        for _ in range(6):
            if node.pos_ in ("VERB", "AUX"):
                if via_prep:
                    # "X sanctioned Y over its crackdown", "sanctions on Y over its invasion": the pronoun
                    # is the nearest state-level actor named before it in the verb's complements
                    cands = []
                    for c in node.children:
                        if c.dep_ == "dobj" and c.i < pron.i:
                            cands.append(c)
                            cands += [p for q in c.children if q.dep_ == "prep" for p in q.children if p.dep_ == "pobj" and p.i < pron.i]
                        elif c.dep_ == "prep" and c.i < pron.i:
                            cands += [p for p in c.children if p.dep_ == "pobj" and p.i < pron.i]
                    for cand in sorted(cands, key=lambda t: -t.i):
                        found = [a for a in self.resolve(cand, None, follow_coref=False) if accept(a) and a.country]
                        if found:
                            return found
                subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pron.i]
                if subj:
                    found = [a for a in self.resolve(subj[0], None) if accept(a)]
                    return found
                if node.dep_ not in ("xcomp", "conj", "advcl", "acl"):
                    return []
            if node.head.i == node.i:
                return []
            via_prep = via_prep or (node.dep_ == "prep" and node.head.pos_ in ("VERB", "AUX"))
            node = node.head
        return []

    def coref(self, pron: Token, date: str | None) -> list[Actor]:
        if pron.i in self._resolving:
            return []  # a pronoun whose antecedent search leads back to itself
        self._resolving.add(pron.i)
        try:
            return self._coref(pron, date)
        finally:
            self._resolving.discard(pron.i)

    def _coref(self, pron: Token, date: str | None) -> list[Actor]:
        low = pron.lower_
        if pron.dep_ == "poss":
            accept = (lambda a: a.kind == "person") if low in MALE_FEMALE else (
                lambda a: a.kind != "person") if low in NEUTER else (lambda a: True)
            found = self._clause_subject(pron, accept)
            if found and (low not in PLURAL or len(found) > 1 or found[0].kind != "person"):
                return found
        if low in MALE_FEMALE:
            cata = self._cataphor(pron, lambda a: a.kind == "person")
            return cata or self._salient(pron, lambda a: a.kind == "person")[:1]
        if low in NEUTER:
            return self._salient(pron, lambda a: a.kind != "person" and a.code is not None
                                 and (a.sector is None or a.sector in ("GOV", "MIL", "IGO", "NGO", "REB", "PTY", "MED", "BUS", "LEG", "JUD", "COP")))[:1]
        if low in PLURAL:
            return self._salient(pron, lambda a: True)
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
        if kind == "person":
            accept = lambda a: a.kind == "person"  # noqa: E731
        elif span.root.lemma_.lower() == "side":
            accept = lambda a: a.kind != "person" and a.code is not None  # noqa: E731
        else:
            accept = lambda a: a.kind == "state" and a.code is not None  # noqa: E731
        for i, actors in reversed(self.history()):  # a coordinated pair named earlier comes first
            if i < span.start:
                pair = [a for a in actors if accept(a)]
                if len(pair) == 2:
                    return pair
        found = self._last(span.start, accept, count=2)
        return found if len(found) == 2 else []
