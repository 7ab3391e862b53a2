"""Coreference for the actor resolver: pronouns, "the two leaders", definite descriptions.

Antecedents are found in the document's actor mentions (``history``, resolved at the publication
date) and then resolved again at the event date, so a pronoun for a person takes the role that
person held on the day of the event. A pronoun that is the subject of a subordinate clause after its
main clause ("police detained students after they rallied") takes the nearest antecedent that
agrees in number inside that main clause (the object before the subject); a pronoun after a quoted
statement takes the speaker, not a subject inside the quotation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from tidings.docindex import deps, heads, sentence_numbers, words
from tidings.records import Actor

if TYPE_CHECKING:
    from tidings.actors.resolve import KBMatch

__all__ = ["FIRST_PERSON", "CorefMixin", "MALE_FEMALE", "NEUTER", "PLURAL"]

MALE_FEMALE = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it"})  # not reflexive: never the clause's own subject
NEUTER = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
ACTED_ON_PREPS = frozenset({"on", "against", "to", "from", "with"})  # whom a clause acts on (not "in Nairobi")
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ourselves"})
NEUTER_SECTORS = (None, "GOV", "MIL", "IGO", "NGO", "REB", "PTY", "MED", "BUS", "LEG", "JUD", "COP")
QUOTES = {'"', "“", "”", "''", "``"}
Accept = Callable[[Actor], bool]


class CorefMixin:
    """The coreference half of ``ActorResolver`` (which provides ``doc``, ``matches``, ``resolve``)."""

    # set by ActorResolver.__init__
    doc: Doc
    matches: list[KBMatch]
    at: dict[int, KBMatch]
    _history: list[tuple[int, list[Actor]]] | None
    _building: bool
    _partial: list[tuple[int, list[Actor]]]
    _resolving: set[int]
    _sent_of: list[int] | None
    _inside_quotes: list[bool] | None

    if TYPE_CHECKING:
        def resolve(self, head: Token, date: str | None, *, follow_coref: bool = True) -> list[Actor]: ...

    def history(self) -> list[tuple[int, list[Actor]]]:
        """Actor mentions of the document in order (position of head, actors), at publication date."""
        if self._history is None:
            self._building = True
            date = self.doc.user_data.get("tidings_published")
            hist: list[tuple[int, list[Actor]]] = []
            self._partial = hist  # what the history holds so far, for descriptions inside it
            roots: dict[int, list[int]] = {}  # head of the phrase -> the names' own roots
            for m in self.matches:
                roots.setdefault(self._head_of(m), []).append(self.doc[m.start:m.end].root.i)
            heads = sorted(roots)
            for i in heads:
                tok = self.doc[i]
                if tok.dep_ == "conj" and tok.head.i in heads:
                    continue
                found = self.resolve(tok, date, follow_coref=False)
                if found:
                    hist.append((i, found))
                    continue
                # "the IMF's executive board": a head no actor word names still leaves its name mentioned
                for k in sorted(set(roots[i]) - {i}):
                    named = self.resolve(self.doc[k], date, follow_coref=False)
                    if named:
                        hist.append((k, named))
            hist.sort(key=lambda entry: entry[0])  # a name found behind its head stays in text order
            self._history = hist
            self._building = False
        return self._history

    def _head_of(self, m) -> int:
        span = self.doc[m.start:m.end]
        root = span.root
        while root.dep_ in ("compound", "amod", "poss", "nmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i != root.i:
            root = root.head
        return root.i

    def _at_date(self, i: int, actors: list[Actor], accept: Accept, date: str | None) -> list[Actor]:
        """The antecedent at token ``i`` resolved again at the event date."""
        if date is None or date == self.doc.user_data.get("tidings_published") or self._building:
            return actors
        fresh = [a for a in self.resolve(self.doc[i], date, follow_coref=False) if accept(a)]
        return fresh if len(fresh) == len(actors) else actors

    def _last(self, before: int, accept: Accept, count: int = 1, date: str | None = None) -> list[Actor]:
        """The ``count`` most recent distinct actors before token ``before``, in order of mention."""
        out: list[tuple[int, Actor]] = []
        for i, actors in reversed(self.history()):
            if i >= before:
                continue
            for a in reversed(actors):
                if accept(a) and all((a.code or a.text) != (b.code or b.text) for _, b in out):
                    out.append((i, a))
                if len(out) >= count:
                    break
            if len(out) >= count:
                break
        out.reverse()
        return [self._at_date(i, [a], accept, date)[0] for i, a in out]

    def _sentence_index(self) -> list[int]:
        if self._sent_of is None:
            self._sent_of = sentence_numbers(self.doc)
        return self._sent_of

    def _quoted(self, i: int) -> bool:
        """Whether token ``i`` stands inside quotation marks within its sentence."""
        if self._inside_quotes is None:  # once per document: an odd number of quotes before, in the sentence
            sent_of = self._sentence_index()
            inside, odd, current = [], False, -1
            for k, word in enumerate(words(self.doc)):
                if sent_of[k] != current:
                    odd, current = False, sent_of[k]
                inside.append(odd)
                if word in QUOTES:
                    odd = not odd
            self._inside_quotes = inside
        return self._inside_quotes[i]

    def _salient(self, pron: Token, accept: Accept, date: str | None = None,
                 history: list[tuple[int, list[Actor]]] | None = None, subjects_only: bool = False) -> list[Actor]:
        """The antecedent of a pronoun: in the nearest sentence (its own, then earlier ones) that
        mentions an acceptable actor before it, the speaker or subject if it is one (outside any
        quotation), else the latest mention."""
        doc = self.doc
        sent_of = self._sentence_index()
        own = sent_of[pron.i]
        by_sent: dict[int, list[tuple[int, list[Actor]]]] = {}
        for i, actors in self.history() if history is None else history:
            if i < pron.i:
                by_sent.setdefault(sent_of[i], []).append((i, actors))
        for s in sorted(by_sent, reverse=True):
            if s < own - 3:
                break
            mentions = [(i, [a for a in actors if accept(a)]) for i, actors in by_sent[s]]
            mentions = [(i, actors) for i, actors in mentions if actors]
            if not mentions:
                continue
            subjects = [(i, a) for i, a in mentions if subject_like_at(doc, i)]
            outside = [(i, a) for i, a in subjects if not self._quoted(i)]
            if outside:
                subjects = outside
            if subjects_only and (not subjects or s == own):
                # only a place or an object of an earlier sentence, or this sentence's own subject
                # ("the US urged the government"): not the state the story follows
                continue
            i, actors = subjects[0] if subjects else mentions[-1]
            return self._at_date(i, actors, accept, date)
        return []

    def _clause_subject(self, pron: Token, accept: Accept, date: str | None) -> list[Actor]:
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
                        found = [a for a in self.resolve(cand, date, follow_coref=False) if accept(a) and a.country]
                        if found:
                            return found
                subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pron.i]
                if subj:
                    return [a for a in self.resolve(subj[0], date) if accept(a)]
                if node.dep_ not in ("xcomp", "conj", "advcl", "acl"):
                    return []
            if node.head.i == node.i:
                return []
            via_prep = via_prep or (node.dep_ == "prep" and node.head.pos_ in ("VERB", "AUX"))
            node = node.head
        return []

    def _subordinate(self, pron: Token, accept: Accept, date: str | None) -> list[Actor]:
        """The subject pronoun of a clause after its main clause ("police detained students after
        they rallied"): the nearest agreeing antecedent in the main clause, objects before subject."""
        if pron.dep_ not in ("nsubj", "nsubjpass"):
            return []
        clause = pron.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "advcl" or clause.i < clause.head.i:
            return []
        main = clause.head
        plural = pron.lower_ in PLURAL
        cands: list[Token] = []
        for c in main.children:
            if c.i >= pron.i:
                continue
            if c.dep_ in ("dobj", "nsubj", "nsubjpass", "dative"):
                cands.append(c)
                cands += [p for q in c.children if q.dep_ == "prep" and q.lower_ == "of" for p in q.children if p.dep_ == "pobj"]
        for cand in sorted(cands, key=lambda t: -t.i):
            agrees = (cand.tag_ in ("NNS", "NNPS") or any(t.dep_ == "conj" for t in cand.children)) == plural
            if cand.pos_ == "PRON" or not agrees:
                continue
            found = [a for a in self.resolve(cand, date, follow_coref=False) if accept(a)]
            if found:
                return found
        return []

    def _acted_on(self, pron: Token, accept: Accept, date: str | None) -> list[Actor]:
        """The plural object of a participle clause after its main clause ("sanctioned the ministry and
        its former head, accusing them of …"): every actor the main clause acted on, when there are
        several."""
        clause = pron.head
        if pron.dep_ != "dobj" or clause.dep_ != "advcl" or clause.tag_ != "VBG" or clause.i < clause.head.i:
            return []
        main = clause.head
        heads = [c for c in main.children if c.dep_ in ("dobj", "dative") and c.i < clause.i]
        preps = [q for q in main.children if q.dep_ == "prep" and q.i < clause.i and q.lower_ in ACTED_ON_PREPS]
        preps += [d for q in preps for d in q.children if d.dep_ == "conj" and d.pos_ == "ADP"]
        heads += [p for q in preps for p in q.children if p.dep_ == "pobj"]
        found: list[Actor] = []
        for h in heads:
            if h.pos_ == "PRON" or h.ent_type_ in ("DATE", "TIME"):
                continue
            found += [a for a in self.resolve(h, date, follow_coref=False)
                      if a.code and a.code != a.sector and accept(a) and a not in found]
        return found if len(found) > 1 else []

    def coref(self, pron: Token, date: str | None) -> list[Actor]:
        if pron.i in self._resolving:
            return []  # a pronoun whose antecedent search leads back to itself
        self._resolving.add(pron.i)
        try:
            return self._coref(pron, date)
        finally:
            self._resolving.discard(pron.i)

    def _coref(self, pron: Token, date: str | None) -> list[Actor]:
        binder = self._binder(pron, date)  # "Trump called Erdogan and urged him": not the clause's subject
        return self._coref_free(pron, date, lambda a: (a.code, a.text) not in binder)

    def _binder(self, pron: Token, date: str | None) -> set[tuple[str | None, str]]:
        """The actors of the subject of an object pronoun's clause (what "him", "them" cannot be)."""
        if pron.lower_ not in OBJECT_PRONOUNS:
            return set()
        verb = pron.head
        if pron.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif pron.dep_ not in ("dobj", "dative", "iobj"):
            return set()
        for _ in range(4):
            if verb.pos_ not in ("VERB", "AUX"):
                return set()
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return {(a.code, a.text) for a in self.resolve(subj, date, follow_coref=subj.pos_ == "PRON")}
            if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
                return set()  # "…, accusing it of …": the participle's subject is the main clause's
            verb = verb.head
        return set()

    def _speaker(self, pron: Token, accept: Accept, date: str | None) -> list[Actor]:
        """The subject pronoun of a reported clause refers to a named reporter when that fits
        ("Pakistan said it had shot down five jets"; GUIDELINES §1.2). A described reporter ("the
        government says it …") is left to the discourse rules."""
        if pron.dep_ not in ("nsubj", "nsubjpass") or pron.head.dep_ != "ccomp" or pron.head.head.i == pron.head.i:
            return []
        main = pron.head.head
        subj = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pron.i), None)
        named = self.at.get(subj.i) if subj is not None else None
        if subj is None or subj.pos_ == "PRON" or named is None or named.kind != "name":
            return []
        return [a for a in self.resolve(subj, date, follow_coref=False) if accept(a)]

    def _quote_speaker(self, pron: Token, date: str | None) -> list[Actor]:
        """A first-person pronoun inside a quotation is its speaker ('"We will not retreat," the
        minister said'): the subject, outside the quotation, of the verb that the quoted clause
        hangs on."""
        if not self._quoted(pron.i):
            return []
        node = pron
        while node.head.i != node.i:
            head = node.head
            if node.dep_ in ("ccomp", "parataxis") and not self._quoted(head.i):
                subj = next((c for c in head.children if c.dep_ == "nsubj" and not self._quoted(c.i)), None)
                if subj is None or subj.lower_ in FIRST_PERSON:
                    return []
                return self.resolve(subj, date, follow_coref=subj.pos_ == "PRON")
            node = head
        return []

    def _coref_free(self, pron: Token, date: str | None, free: Accept) -> list[Actor]:
        low = pron.lower_
        if low in FIRST_PERSON:
            return self._quote_speaker(pron, date)
        if pron.dep_ == "poss":
            accept = (lambda a: a.kind == "person") if low in MALE_FEMALE else (
                lambda a: a.kind != "person") if low in NEUTER else (lambda a: True)
            found = self._clause_subject(pron, accept, date)
            if found and (low not in PLURAL or len(found) > 1 or found[0].kind != "person"):
                return found
        history = self._outside_report(pron)
        if low in MALE_FEMALE:
            accept = lambda a: a.kind == "person" and free(a)  # noqa: E731
            found = self._cataphor(pron, accept, date) or self._speaker(pron, accept, date) \
                or self._subordinate(pron, accept, date)
            return found or self._salient(pron, accept, date, history=history)[:1]
        if low in NEUTER:
            accept = lambda a: (a.kind != "person" and a.code is not None  # noqa: E731
                                and a.sector in NEUTER_SECTORS and free(a))
            return (self._speaker(pron, accept, date) or self._subordinate(pron, accept, date)
                    or self._salient(pron, accept, date))[:1]
        if low in PLURAL:
            return (self._speaker(pron, free, date) or self._subordinate(pron, free, date)
                    or self._acted_on(pron, free, date) or self._salient(pron, free, date))
        return []

    def _outside_report(self, pron: Token) -> list[tuple[int, list[Actor]]] | None:
        """For the speaker of a report told first ("… freed Abdullah's father, he added"): the
        mentions outside what he reports; whoever the report names is not who reports it."""
        from tidings.coding.modality import words as modality_words  # (the coder imports this module)

        verb = pron.head
        if pron.dep_ != "nsubj" or verb.lemma_.lower() not in modality_words().speech:
            return None
        told = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < pron.i]
        if not told:
            return None
        lo, hi = told[0].left_edge.i, told[0].right_edge.i
        return [(i, actors) for i, actors in self.history() if not lo <= i <= hi]

    def _cataphor(self, pron: Token, accept: Accept, date: str | None) -> list[Actor]:
        """A pronoun inside a fronted subordinate clause refers to the main clause's subject."""
        node = pron
        while node.head.i != node.i:
            if node.dep_ == "advcl" and node.i < node.head.i:
                for child in node.head.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and child.i > pron.i:
                        found = self.resolve(child, date, follow_coref=False)
                        return [a for a in found if accept(a)]
                return []
            node = node.head
        return []

    def plural_reference(self, span: Span, kind: str, date: str | None = None, count: int = 2) -> list[Actor]:
        """'the two countries', 'both sides', 'the two leaders', 'the three governments' → the last
        ``count`` distinct actors, at the date."""
        if kind == "person":
            accept = lambda a: a.kind == "person"  # noqa: E731
        elif span.root.lemma_.lower() == "side":
            accept = lambda a: a.kind != "person" and a.code is not None  # noqa: E731
        else:
            accept = lambda a: a.kind == "state" and a.code is not None  # noqa: E731
        for i, actors in reversed(self.history()):  # a coordinated pair named earlier comes first
            if i < span.start:
                pair = [a for a in actors if accept(a)]
                if len(pair) == count:
                    return self._at_date(i, pair, accept, date)
        found = self._last(span.start, accept, count=count, date=date)
        return found if len(found) == count else []


def subject_like_at(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a subject, or the name that owns or qualifies one ("Sudan's army",
    "the Kenyan police"): read from the document's label and head lists."""
    labels = deps(doc)
    if labels[i] in ("nsubj", "nsubjpass"):
        return True
    return labels[i] in ("poss", "compound", "amod") and labels[heads(doc)[i]] in ("nsubj", "nsubjpass")
