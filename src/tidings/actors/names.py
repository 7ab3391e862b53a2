"""Name matches checked against the document before resolution.

- A state name inside a longer person's name is a first or last name, not the state: "Chad Wolf",
  "Jordan Bardella", "Michael Jordan" (spaCy's PERSON entity spans more than the state's name).
- A name that is both a state and a US state reads as the US state before a US state title:
  "Georgia Governor Brian Kemp".
- A person's surname (or, for names written family name first, the first name) after a full
  mention of that person in the document is that person: "Emmanuel Macron … Macron", "Ban Ki-moon
  … Ban". The match is pinned to the person's id, so two people with that surname never mix.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc

from tidings.actors.kb import KnowledgeBase, normalize_alias
from tidings.actors.resolve import KBMatch

__all__ = ["link_names"]

US_TITLES = frozenset({"governor", "gov.", "senator", "sen.", "lieutenant", "attorney", "legislature", "state",
                       "county", "congressman", "congresswoman", "rep.", "assemblyman", "mayor"})


def link_names(doc: Doc, kb: KnowledgeBase, found: list[KBMatch], agents: dict) -> list[KBMatch]:
    persons = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            for i in range(ent.start, ent.end):
                persons[i] = ent
    out: list[KBMatch] = []
    for m in found:
        entries = kb.aliases.get(m.key, ())
        states = [e for e in entries if e.kind == "state"]
        if states and len(states) == len(entries):
            person = persons.get(m.start)
            if person is not None and person.start <= m.start and m.end <= person.end and (person.end - person.start) > (m.end - m.start):
                continue  # "Chad Wolf": a name, not the state
            region = next((e for e in states if e.role == "place" and e.pid), None)
            if region is not None and m.end < len(doc) and doc[m.end].lower_ in US_TITLES:
                out.append(KBMatch(m.start, m.end, m.kind, m.key, region.pid))
                continue
        out.append(m)
    return _surnames(doc, kb, out, agents)


def _surnames(doc: Doc, kb: KnowledgeBase, found: list[KBMatch], agents: dict) -> list[KBMatch]:
    date = doc.user_data.get("tidings_published")
    known: dict[str, KBMatch] = {}  # a word of a person's name -> the pinned full mention
    first: dict[str, int] = {}  # where that full mention ends
    pinned: dict[int, KBMatch] = {}
    for m in found:
        if m.kind != "name" or m.end - m.start < 2:
            continue
        cands = kb.candidates(m.key, date)
        if not (cands and cands[0].code and cands[0].entry.kind == "person" and cands[0].entry.pid):
            continue
        pid = cands[0].entry.pid
        full = KBMatch(m.start, m.end, m.kind, m.key, pid)
        pinned[m.start] = full
        words = (kb.person_name(pid) or cands[0].entry.name).split()
        for w in {words[0], words[-1]} if len(words) > 1 else ():
            key = normalize_alias(w)
            if w in known or key in agents or any(e.kind != "person" for e in kb.aliases.get(key, ())):
                continue  # "President", "Jordan": not a name to carry over; the first full mention wins
            known[w] = full
            first[w] = m.end
    if not known:
        return found
    # later tokens spelled like a known name word: only those need looking at
    strings = doc.vocab.strings
    ids = numpy.array([strings.add(w) for w in known], dtype="uint64")
    hits = numpy.nonzero(numpy.isin(doc.to_array(ORTH), ids))[0]
    at = {m.start: m for m in found}
    covered = {i for m in found for i in range(m.start, m.end) if m.end - m.start > 1}
    for i in hits.tolist():
        tok = doc[i]
        pin = known.get(tok.text)
        if pin is None or i < first[tok.text] or i in covered or tok.pos_ != "PROPN":
            continue
        here = at.get(i)
        if here is None or (here.kind == "name" and here.end == i + 1):
            pinned[i] = KBMatch(i, i + 1, "name", pin.key, pin.pid)
    out = [pinned.get(m.start, m) if m.kind == "name" else m for m in found]
    have = {m.start for m in out}
    out += [m for i, m in pinned.items() if i not in have]
    return sorted(out, key=lambda m: (m.start, m.end))
