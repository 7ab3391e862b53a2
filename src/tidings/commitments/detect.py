"""Finding promises among stored mentions and merging their restatements.

A *statement* is a mention that states a promise (``Rules.intent_of``). Statements are grouped
into promises in the order they were reported:

1. statements that can stand alone (a known promiser and beneficiary, and something concrete: a
   specific intent code, an amount or a deadline; an amount or a deadline when the beneficiary is
   only inferred) join the best compatible promise, or start one;
2. the others (a generic pledge, a passive "would be released" with no promiser, a promise whose
   beneficiary is unknown, or inferred with nothing else to tie it down: "said it would unlock
   funding") join a promise only when exactly one fits; otherwise they are dropped.

Compatible means: the same promiser party, a compatible beneficiary, no other deadline for it in the
same article (an article that sets two deadlines states two promises), intent codes of one family
(one a prefix of the other; an unspecified ``030`` fits any code when the amounts are the same, or
for a statement of the second kind that names both parties), and equal amounts and prices where
both state one.

**Stories.** When story clustering has grouped mentions into real-world events
(``Mention.story``), statements of one story are one promise whatever their wording: a statement
whose story is already in a promise with the same promiser and beneficiary joins it first (the two
directions of "A and B agreed to…" are one story but two promises). Without stories, the rules above group
restatements on their own.

A missing beneficiary is inferred from the document: the party the promiser deals with most in
that document's events (``infer_counterpart``), else, for a promise that benefits the place its act
is done in (``to_place`` in the table: aid, police sent "to help restore order in Haiti"), the state
of the event's place named in its sentence (``place_beneficiary``); such promises are marked
``beneficiary_inferred``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tidings.commitments.model import Mention
from tidings.commitments.parties import beneficiary_compatible, party, same_party
from tidings.commitments.rules import Rules
from tidings.records import Actor, Event, Quantity

__all__ = ["Promise", "Statement", "codes_compatible", "family", "find_promises", "infer_counterpart",
           "place_beneficiary", "promise_amount"]

GENERIC_INTENTS = ("03", "030")
AMOUNT_KINDS = ("money", "count")
_TOLERANCE = 0.02


@dataclass(frozen=True)
class Statement:
    mention: Mention
    intent: str
    promiser: str | None
    beneficiary: str | None
    inferred: bool
    amount: Quantity | None
    concrete: bool

    @property
    def seen(self) -> str:
        return self.mention.seen


@dataclass
class Promise:
    """The statements of one promise (all of them, whatever their date; the tracker takes the view
    as of a date)."""

    statements: list[Statement] = field(default_factory=list)

    @property
    def promiser(self) -> str | None:
        return next((s.promiser for s in self.statements if s.promiser), None)

    @property
    def beneficiary(self) -> str | None:
        parties = [s.beneficiary for s in self.statements if s.beneficiary]
        states = [p for p in parties if len(p) == 3]
        return (states or parties)[0] if parties else None

    @property
    def intent(self) -> str:
        return intent_of_statements(self.statements)

    @property
    def amount(self) -> Quantity | None:
        return next((s.amount for s in self.statements if s.amount), None)

    @property
    def stories(self) -> set[str]:
        return {s.mention.story for s in self.statements if s.mention.story}


def intent_of_statements(statements: Iterable[Statement]) -> str:
    """The most specific intent code of the family the first concrete statement opened."""
    ordered = list(statements)
    first = next((s.intent for s in ordered if s.concrete and s.intent not in GENERIC_INTENTS), ordered[0].intent)
    best = first
    for s in ordered:
        if len(s.intent) > len(best) and s.intent.startswith(best):
            best = s.intent
    return best


def family(a: str, b: str) -> bool:
    """Codes of one family: one is a prefix of the other (033 and 0332)."""
    return a.startswith(b) or b.startswith(a)


def codes_compatible(a: str, b: str) -> bool:
    """Codes of one family, or one of them unspecified (030: "promised to cooperate")."""
    return family(a, b) or a in GENERIC_INTENTS or b in GENERIC_INTENTS


def promise_amount(quantities: Iterable[Quantity]) -> Quantity | None:
    """The amount a promise is about: its first money amount, else its first count. A promise of a
    price ("hold the gas price at $128.50") has none: other sums in its sentence are comparisons."""
    qs = list(quantities)
    if any(q.kind == "price" for q in qs):
        return None
    for kind in AMOUNT_KINDS:
        for q in qs:
            if q.kind == kind:
                return q
    return None


def close(a: float, b: float) -> bool:
    return abs(a - b) <= _TOLERANCE * max(abs(a), abs(b))


def amounts_compatible(amount: Quantity | None, quantities: Iterable[Quantity]) -> bool:
    """Whether a mention's quantities can be about ``amount``: none of the same kind and unit, or
    one equal to it."""
    if amount is None:
        return True
    same = [q for q in quantities if q.kind == amount.kind and q.unit == amount.unit]
    return not same or any(close(q.value, amount.value) for q in same)


def prices_compatible(a: Iterable[Quantity], b: Iterable[Quantity]) -> bool:
    pa = [q for q in a if q.kind == "price"]
    pb = [q for q in b if q.kind == "price"]
    if not pa or not pb:
        return True
    return any(x.unit == y.unit and close(x.value, y.value) for x in pa for y in pb)


def infer_counterpart(promiser: str, doc_mentions: Iterable[Mention]) -> str | None:
    """The party a promiser deals with most in one document (as target of its events, else as
    source of events aimed at it), or None."""
    targets: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    for m in doc_mentions:
        src, tgt = party(m.event.source), party(m.event.target)
        if same_party(src, promiser) and tgt and not same_party(tgt, promiser):
            targets[tgt] += 1
        elif same_party(tgt, promiser) and src and not same_party(src, promiser):
            sources[src] += 1
    for counts in (targets, sources):
        if counts:
            return max(counts, key=lambda k: counts[k])  # the first seen among equals
    return None


def place_beneficiary(event: Event, promiser: str, intent: str, rules: Rules) -> str | None:
    """The state a promise benefits by being done there ("offered to send 1,000 police officers to help
    restore order in Haiti"): the country of the event's place, when the promise is of a kind that
    benefits its place (``to_place``), the place is named in the sentence itself and lies outside the
    promiser's country; else None."""
    loc = event.location
    if loc is None or not loc.country or not rules.to_place(intent) or not loc.text or loc.text not in event.sentence:
        return None
    where = party(Actor(text=loc.text, code=loc.country, country=loc.country))
    return None if where is None or where[:3] == promiser[:3] else where


def _statements(mentions: list[Mention], rules: Rules, by_doc: Mapping[str, list[Mention]]) -> list[Statement]:
    out = []
    for m in mentions:
        intent = rules.intent_of(m.event)
        if intent is None or rules.rule(intent) is None:
            continue
        promiser, beneficiary = party(m.event.source), party(m.event.target)
        inferred = False
        if promiser and not beneficiary:  # no target, or one that is no party ("the town")
            beneficiary = (infer_counterpart(promiser, by_doc.get(m.event.doc_id, ()))
                           or place_beneficiary(m.event, promiser, intent, rules))
            inferred = beneficiary is not None
        if promiser and beneficiary and same_party(promiser, beneficiary):
            continue  # a state's promise to its own army or officials is no commitment between parties
        amount = promise_amount(m.event.quantities)
        concrete = bool(rules.concrete(intent) or amount or m.event.deadline)
        out.append(Statement(m, intent, promiser, beneficiary, inferred, amount, concrete))
    return out


def _fits(p: Promise, s: Statement, *, lenient: bool = False) -> bool:
    """Whether statement ``s`` can restate promise ``p``. Intent codes must be of one family (one a
    prefix of the other); an unspecified one (030) fits too when the amounts are the same, or when
    the statement names both parties but cannot stand alone (``lenient``: "promised to help")."""
    if s.promiser and not same_party(p.promiser, s.promiser):
        return False
    if s.beneficiary and not beneficiary_compatible(p.beneficiary, s.beneficiary):
        return False
    if not s.promiser and not s.beneficiary:
        return False
    if _other_deadline_in_document(p, s):
        return False
    quantities = [q for st in p.statements for q in st.mention.event.quantities]
    if not prices_compatible(quantities, s.mention.event.quantities):
        return False
    tie = _same_amount(p, s)
    both_roles = bool(s.promiser and s.beneficiary)
    if not (codes_compatible(p.intent, s.intent) if tie or (lenient and both_roles) else family(p.intent, s.intent)):
        return False
    return amounts_compatible(p.amount, s.mention.event.quantities)


def _other_deadline_in_document(p: Promise, s: Statement) -> bool:
    """An article that sets two deadlines states two promises ("cease fire by Tuesday"; "withdraw
    from the towns by March 31"), even of one code; a later article may move a deadline."""
    deadline = s.mention.event.deadline
    return bool(deadline) and any(st.mention.event.doc_id == s.mention.event.doc_id and st.mention.event.deadline
                                  and st.mention.event.deadline != deadline for st in p.statements)


def _same_direction(p: Promise, s: Statement) -> bool:
    """Whether a statement of the same story can be promise ``p``: the same promiser and a compatible
    beneficiary, where it names them (a story of "A and B agreed to…" holds both directions)."""
    if not (s.promiser or s.beneficiary):
        return False
    return ((not s.promiser or same_party(p.promiser, s.promiser))
            and (not s.beneficiary or beneficiary_compatible(p.beneficiary, s.beneficiary)))


def _same_amount(p: Promise, s: Statement) -> bool:
    return p.amount is not None and any(q.kind == p.amount.kind and q.unit == p.amount.unit and close(q.value, p.amount.value)
                                        for q in s.mention.event.quantities)


def _score(p: Promise, s: Statement) -> tuple[int, int, int, str]:
    amount = int(_same_amount(p, s))
    exact_code = int(p.intent == s.intent)
    same_doc = int(any(st.mention.event.doc_id == s.mention.event.doc_id for st in p.statements))
    return (amount, exact_code, same_doc, p.statements[-1].seen)


def find_promises(mentions: Iterable[Mention], rules: Rules) -> list[Promise]:
    """Group the statements among ``mentions`` into promises (see the module docstring)."""
    ordered = sorted(mentions, key=Mention.order)
    by_doc: dict[str, list[Mention]] = {}
    for m in ordered:
        by_doc.setdefault(m.event.doc_id, []).append(m)
    statements = _statements(ordered, rules, by_doc)
    promises: list[Promise] = []
    # compatible parties share their first three letters (a country, or IGO/NGO): an index by them
    by_promiser: dict[str, list[Promise]] = {}
    by_beneficiary: dict[str, list[Promise]] = {}
    story_of: dict[str, list[Promise]] = {}
    leftovers: list[Statement] = []
    for s in statements:
        story = s.mention.story
        same_story = [p for p in story_of.get(story or "", ()) if _same_direction(p, s)]
        if same_story:
            same_story[0].statements.append(s)
            continue
        if not (s.promiser and s.beneficiary and s.concrete) or (s.inferred and not (s.amount or s.mention.event.deadline)):
            leftovers.append(s)
            continue
        fitting = [p for p in by_promiser.get(s.promiser[:3], ()) if _fits(p, s)]
        if fitting:
            target = max(fitting, key=lambda p: _score(p, s))
        else:
            target = Promise()
            promises.append(target)
            by_promiser.setdefault(s.promiser[:3], []).append(target)
            by_beneficiary.setdefault(s.beneficiary[:3], []).append(target)
        target.statements.append(s)
        if story and target not in story_of.setdefault(story, []):
            story_of[story].append(target)
    for s in leftovers:
        pool = by_promiser.get(s.promiser[:3], []) if s.promiser else by_beneficiary.get((s.beneficiary or "")[:3], [])
        fitting = [p for p in pool if p.statements[0].seen <= s.seen and _fits(p, s, lenient=True)]
        if len(fitting) == 1:
            fitting[0].statements.append(s)
    for p in promises:
        p.statements.sort(key=lambda st: st.mention.order())
    return promises
