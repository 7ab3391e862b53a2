"""Status of promises as of a date: what was delivered, taken back or missed.

Only what was reported by the date counts (mentions of documents published on or before it). For
each promise tracked by then:

- **deliveries**: asserted acts of the delivery codes (``data/commitments.tsv``) by the promiser
  to the beneficiary, reported after the promise was first reported and dated no earlier than it,
  with a compatible amount (no more than what is still owed; sums above the whole promise in its
  sentence are other sums) and price; for promises with breach codes (a ceasefire), the promiser
  refraining from such an act ("stopped shelling", negated; it keeps the one due first). One act
  reported twice (the
  same story with no other amount, or the same amount on the same day) counts once. An act that could deliver several
  promises goes to the one it fits best: the one whose outstanding amount it settles, else the one
  it is the very counterpart of (its intent code, or the act a statement itself named: signing
  for "have until December to sign"), else the oldest.
- **withdrawals**: a refusal or cancellation of the same act (withdrawal codes), a denial (016), a
  negated restatement ("will not attend") by the promiser; or, for promises with breach codes (a
  ceasefire), an attack by the promiser on the beneficiary once the promise took effect (after its
  first delivery, else its deadline, else the day it was made).
- A role missing from a follow-up act (no source, or no target) is taken to be the promiser (or
  the beneficiary) when that party appears in the same document; never both. An act with no
  source must also state an amount in the promise's unit, and goes first to a promiser its sentence
  names; refusals and attacks need their source. An act by the promiser with no target also counts
  when it states the whole amount promised or all that is still owed. A delivery to the source's own
  party ("the defence minister said") counts as one with no target; an act also coded with
  another recipient is not read in its self-targeted copy.
- An act that states no amount, reported by an article that restates the promise as still to
  come on a later day ("will travel to Seoul in early May"), does not deliver it.
- For promises of people, the ``counted`` codes (an arrival) deliver the part they count.

The latest decisive act wins: a withdrawal gives ``withdrawn``; deliveries give ``fulfilled`` (the
full amount, or any delivery of a promise without amount) or ``partly fulfilled``. Deliveries that
state no amount count as the whole amount only when none of the promise's deliveries states one.
With neither, a deadline before the date gives ``lapsed``, one within ``due_days`` gives ``due``,
else ``open``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date

from tidings.coding.codebook import codebook, intent_code
from tidings.commitments.detect import (
    GENERIC_INTENTS,
    Promise,
    Statement,
    close,
    family,
    intent_of_statements,
    prices_compatible,
)
from tidings.commitments.model import (
    DUE,
    FULFILLED,
    LAPSED,
    OPEN,
    PARTLY,
    WITHDRAWN,
    Commitment,
    Evidence,
    Mention,
)
from tidings.commitments.parties import beneficiary_compatible, party, same_party
from tidings.commitments.rules import PROMISE_ROOTS, Rules
from tidings.records import Actor, Quantity

__all__ = ["View", "view_as_of"]


@dataclass
class View:
    """A promise as known on a date, while its follow-ups are being collected."""

    promise: Promise
    statements: list[Statement]
    intent: str
    promiser: str
    beneficiary: str
    amount: Quantity | None
    deadline: str | None
    deadline_precision: str | None
    first_seen: str
    first_stated: str
    deliveries: list[tuple[Mention, float | None]] = field(default_factory=list)
    withdrawals: list[tuple[Mention, str]] = field(default_factory=list)
    misses: list[Mention] = field(default_factory=list)

    def owed(self) -> float | None:
        if self.amount is None:
            return None
        return self.amount.value - sum(v for _m, v in self.deliveries if v is not None)


def _view(p: Promise, as_of: str) -> View | None:
    known = [s for s in p.statements if s.seen and s.seen <= as_of]
    if not known or not any(s.concrete for s in known):
        return None
    promiser = next((s.promiser for s in known if s.promiser), None)
    beneficiaries = [s.beneficiary for s in known if s.beneficiary]
    if not promiser or not beneficiaries:
        return None
    states = [b for b in beneficiaries if len(b) == 3]
    with_deadline = [s for s in known if s.mention.event.deadline]
    latest = max(with_deadline, key=lambda s: s.mention.event.deadline or "") if with_deadline else None
    return View(
        promise=p, statements=known, intent=intent_of_statements(known), promiser=promiser,
        beneficiary=(states or beneficiaries)[0], amount=next((s.amount for s in known if s.amount), None),
        deadline=latest.mention.event.deadline if latest else None,
        deadline_precision=latest.mention.event.deadline_precision if latest else None,
        first_seen=min(s.seen for s in known), first_stated=min(s.mention.stated for s in known),
    )


def _in_doc(p: str, doc_parties: set[str]) -> bool:
    return any(same_party(p, q) or beneficiary_compatible(p, q) for q in doc_parties)


def _parties(m: Mention) -> tuple[str | None, str | None]:
    """The source and target parties of a follow-up. A target of the source's own party is no
    recipient ("Canada delivered the remaining C$300 million of military aid promised to Ukraine,
    Defence Minister Bill Blair said" coded to Canada's military): it counts as missing."""
    src, tgt = party(m.event.source), party(m.event.target)
    if src and tgt and same_party(src, tgt):
        return src, None
    return src, tgt


def _self_targeted(m: Mention) -> bool:
    src = party(m.event.source)
    return src is not None and same_party(src, party(m.event.target))


def _trigger_key(m: Mention) -> tuple[str, int, int]:
    return (m.event.doc_id, m.event.sentence_index, m.event.trigger.start)


def _roles_fit(v: View, m: Mention, doc_parties: set[str], *, strict_source: bool = False,
               strict_target: bool = False, delivery: bool = False) -> bool:
    # only a delivery reads a target of its own side as missing: a refusal or an attack keeps it
    src, tgt = _parties(m) if delivery else (party(m.event.source), party(m.event.target))
    if src is None and tgt is None:
        return False
    if src is None:  # an act with no agent: only with an amount in the promise's unit to tie it to it
        if strict_source or not _in_doc(v.promiser, doc_parties) or not _states_amount(v, m):
            return False
    elif not same_party(src, v.promiser):
        return False
    if tgt is None:
        # the recipient unnamed: the beneficiary appears in the article, or the act is of the whole
        # amount promised or of all that is still owed ("Oman has received the promised $1 billion")
        return not strict_target and (_in_doc(v.beneficiary, doc_parties) or (src is not None and _settles(v, m)))
    return beneficiary_compatible(v.beneficiary, tgt)


def _settles(v: View, m: Mention) -> bool:
    """Whether an act states the whole amount promised, or all that is still owed, in its unit."""
    if v.amount is None:
        return False
    owed = v.owed()
    return any(q.kind == v.amount.kind and q.unit == v.amount.unit
               and (close(q.value, v.amount.value) or (owed is not None and owed > 0 and close(q.value, owed)))
               for q in m.event.quantities)


def _states_amount(v: View, m: Mention) -> bool:
    return v.amount is not None and any(q.kind == v.amount.kind and q.unit == v.amount.unit for q in m.event.quantities)


def _delivered_value(v: View, m: Mention) -> tuple[bool, float | None]:
    """Whether the act's amount fits what is still owed, and the amount it delivers (None when
    it states none in the promise's unit)."""
    if not prices_compatible([q for s in v.statements for q in s.mention.event.quantities], m.event.quantities):
        return False, None
    if v.amount is None:
        return True, None
    same = [q.value for q in m.event.quantities if q.kind == v.amount.kind and q.unit == v.amount.unit]
    if not same:
        return True, None
    # a sum above the whole promise is something else ("received the $2bn deposit, lifting reserves
    # above $18bn"); it delivers nothing unless it is all the act states (a larger, other loan)
    within = [x for x in same if x <= v.amount.value * 1.02 + 1e-9] or same
    parts = [x for x in within if not close(x, v.amount.value)] or within  # "$300m of a $630m loan" → 300m
    value = min(parts)
    owed = v.owed()
    return (owed is None or value <= owed * 1.02 + 1e-9), value


def _intent_of_refusal(m: Mention) -> str | None:
    """The intent a negated statement denies ("will not attend" → 036)."""
    ev = m.event
    if not ev.negated or ev.modality != "intended" or ev.cameo_root not in PROMISE_ROOTS:
        return None
    return ev.cameo if ev.cameo_root == "03" else intent_code(ev.cameo)


def _after(v: View, m: Mention) -> bool:
    return bool(m.published) and m.seen > v.first_seen and m.when >= v.first_stated


def _took_effect(v: View) -> str:
    firsts = sorted(m.when for m, _ in v.deliveries)
    return firsts[0] if firsts else (v.deadline or v.first_stated)


def _follow_ups(views: list[View], mentions: Sequence[Mention], rules: Rules, doc_parties: dict[str, set[str]],
                sentence_parties: dict[tuple[str, int], set[str]]) -> None:
    statement_ids = {s.mention.event.mention_id for v in views for s in v.promise.statements}
    # a follow-up names the promiser, or (with no source) the beneficiary: compatible parties share
    # their first three letters, so the views are indexed by them
    by_promiser: dict[str, list[View]] = {}
    by_beneficiary: dict[str, list[View]] = {}
    by_pair: dict[tuple[str, str], list[View]] = {}
    for v in views:
        by_promiser.setdefault(v.promiser[:3], []).append(v)
        by_beneficiary.setdefault(v.beneficiary[:3], []).append(v)
        by_pair.setdefault((v.promiser[:3], v.beneficiary[:3]), []).append(v)
    # a trigger coded with a real recipient besides its own party ("negotiators from both governments
    # are working to put the agreements into final form") has its recipient: the self-target copy is no act
    paired = {_trigger_key(m) for m in mentions if not _self_targeted(m)}
    for m in mentions:
        ev = m.event
        if ev.mention_id in statement_ids or ev.modality == "hypothetical":
            continue
        if _self_targeted(m) and _trigger_key(m) in paired:
            continue
        parties = doc_parties.get(ev.doc_id, set())
        src, tgt = _parties(m)
        if src and tgt:
            pool = by_pair.get((src[:3], tgt[:3]), [])
        else:
            pool = by_promiser.get(src[:3], []) if src else by_beneficiary.get(tgt[:3], []) if tgt else []
        candidates = [v for v in pool if _after(v, m)]
        if ev.negated:
            refused = _intent_of_refusal(m)
            kept: list[View] = []
            for v in candidates:
                # "have not agreed on a single currency" (030) names no promise it takes back: only a
                # refusal of a specific act withdraws, and only a promise of that act
                if refused and refused not in GENERIC_INTENTS and family(v.intent, refused) \
                        and _roles_fit(v, m, parties, strict_source=True):
                    v.withdrawals.append((m, "a negated restatement"))
                elif (ev.modality == "asserted" and rules.breaks(v.intent, ev.cameo)
                      and _roles_fit(v, m, parties, strict_source=True) and not _repeats(v, m, None)):
                    # "the rebels stopped firing": refraining from the act it forbids keeps a ceasefire
                    kept.append(v)
                elif (ev.modality == "asserted" and rules.delivers(v.intent, ev.cameo) and v.deadline
                      and m.seen > v.deadline and _roles_fit(v, m, parties)):
                    v.misses.append(m)
            if kept:  # one promise: the one due first ("cease fire by Tuesday" before "withdraw by the 31st")
                min(kept, key=lambda v: (v.deadline is None, v.deadline or "")).deliveries.append((m, None))
            continue
        if ev.modality != "asserted":
            continue
        fits: list[tuple[tuple[int, int, int], View, float | None]] = []
        in_sentence = sentence_parties.get((ev.doc_id, ev.sentence_index), set())
        for v in candidates:
            if rules.withdraws(v.intent, ev.cameo) and _roles_fit(v, m, parties, strict_source=True):
                v.withdrawals.append((m, "a refusal, cancellation or denial"))
            elif (rules.breaks(v.intent, ev.cameo) and m.when > v.first_stated and m.when >= _took_effect(v)
                  and _roles_fit(v, m, parties, strict_source=True, strict_target=True)):
                v.withdrawals.append((m, "an attack by the promiser on the beneficiary"))
            elif _delivers(rules, v, m) and _roles_fit(v, m, parties, delivery=True):
                ok, value = _delivered_value(v, m)
                if value is None and _still_to_come(v, m):
                    continue
                if ok and not _repeats(v, m, value):
                    owed = v.owed()
                    exact = int(value is not None and owed is not None and close(value, owed))
                    counterpart = int(intent_code(ev.cameo) == v.intent or any(
                        s.mention.event.cameo[:3] == ev.cameo[:3] for s in v.statements))
                    # an act with no agent is the act of the promiser its sentence names ("the board
                    # approved the loan and the fund disbursed $1.2bn"), rather than of one named elsewhere
                    named = int(src is not None or _in_doc(v.promiser, in_sentence))
                    fits.append(((named, exact, counterpart), v, value))
        if fits:  # the promiser its sentence names, then the promise whose outstanding amount it settles,
            # else whose own act it is, else the oldest
            _key, best, value = max(fits, key=lambda f: f[0])
            best.deliveries.append((m, value))


def _delivers(rules: Rules, v: View, m: Mention) -> bool:
    """An act of the promise's delivery codes, or of its ``counted`` codes with a count of what was
    promised ("the first 200 police officers arrived" for "will deploy 1,000 police officers")."""
    code = m.event.cameo
    if rules.delivers(v.intent, code):
        return True
    return (rules.counted(v.intent, code) and v.amount is not None and v.amount.kind == "count"
            and _states_amount(v, m))


def _still_to_come(v: View, m: Mention) -> bool:
    """Whether an article restates the promise as still to come, on a later day than the act it
    reports ("Kishida will travel to Seoul in early May …; it would be the first visit since 2011"):
    such an act, stating no amount, is not the promise delivered."""
    return any(s.mention.event.doc_id == m.event.doc_id and s.mention.event.modality == "intended"
               and not s.mention.event.negated and (s.mention.event.date or "") > m.when for s in v.statements)


def _repeats(v: View, m: Mention, value: float | None) -> bool:
    """The same delivery reported again: the same story (unless the two state different amounts: two
    tranches are two deliveries whatever the clustering says), or the same amount on the same day."""
    for d, val in v.deliveries:
        if m.story and d.story == m.story and (val is None or value is None or close(val, value)):
            return True
        if d.when == m.when and (val == value or (val is not None and value is not None and close(val, value))):
            return True
    return False


def _status(v: View, as_of: str, due_days: int) -> tuple[str, float | None]:
    decisive = [(m.when, m.seen, "delivery") for m, _ in v.deliveries] + [(m.when, m.seen, "withdrawal") for m, _ in v.withdrawals]
    delivered = None
    if v.amount is not None and v.deliveries:
        # deliveries that state no amount count as the whole only when none of them states one
        stated = [val for _m, val in v.deliveries if val is not None]
        delivered = min(sum(stated), v.amount.value) if stated else v.amount.value
    if decisive:
        latest = max(decisive)
        if latest[2] == "withdrawal":
            return WITHDRAWN, delivered
        if v.amount is None or delivered is None or delivered >= v.amount.value * (1 - 0.02):
            return FULFILLED, delivered
        return PARTLY, delivered
    if v.deadline:
        if v.deadline < as_of:
            return LAPSED, None
        if (Date.fromisoformat(v.deadline) - Date.fromisoformat(as_of)).days <= due_days:
            return DUE, None
    return OPEN, None


def _actor(statements: Iterable[Statement], p: str, role: str) -> Actor:
    """The plainest actor of the statements naming party ``p`` (a state rather than its government)."""
    actors = [getattr(s.mention.event, role) for s in statements]
    named = [a for a in actors if a is not None and (same_party(party(a), p) or beneficiary_compatible(p, party(a)))]
    if named:
        best = min(named, key=lambda a: (party(a) != p, len(a.code or "")))
        return Actor(text=best.text, code=p, country=best.country, sector=None if len(p) == 3 else best.sector,
                     name=best.name, kind=best.kind)
    return Actor(text="", code=p, country=p[:3] if not p.startswith(("IGO", "NGO")) else None, kind="state" if len(p) == 3 else "organization")


def _object(statements: Sequence[Statement]) -> str | None:
    """What was promised, in a word: the object class of the first statement's lexicon rule
    (``v.receive.loan`` → loan), else its trigger."""
    for s in statements:
        parts = s.mention.event.rule.split(".")
        if len(parts) >= 3 and parts[-1] not in ("cooperation", "generic", "any"):
            return parts[-1].replace("_", " ").replace("-", " ")
    return statements[0].mention.event.trigger.text.lower() if statements else None


def _evidence(m: Mention, role: str, amount: Quantity | None = None, note: str = "") -> Evidence:
    ev = m.event
    return Evidence(role=role, doc_id=ev.doc_id, sentence_index=ev.sentence_index, sentence=ev.sentence,
                    mention_id=ev.mention_id, event_id=ev.event_id, cameo=ev.cameo, date=ev.date, published=m.published, amount=amount, note=note)


def _commitment(v: View, as_of: str, due_days: int) -> Commitment:
    status, delivered = _status(v, as_of, due_days)
    first_doc = v.statements[0].mention.event.doc_id
    chain: list[tuple[tuple[str, str, int, int], Evidence]] = []
    for s in v.statements:
        role = "statement" if s.mention.event.doc_id == first_doc else "restatement"
        note = "beneficiary inferred from the document" if s.inferred else ""
        chain.append((s.mention.order(), _evidence(s.mention, role, s.amount, note)))
    running = 0.0
    for m, value in sorted(v.deliveries, key=lambda d: d[0].order()):
        running += value or 0.0
        partial = v.amount is not None and value is not None and running < v.amount.value * (1 - 0.02)
        amount = Quantity(v.amount.kind, value, v.amount.unit, "") if v.amount is not None and value is not None else None
        chain.append((m.order(), _evidence(m, "partial" if partial else "delivery", amount)))
    for m, why in v.withdrawals:
        chain.append((m.order(), _evidence(m, "withdrawal", note=why)))
    for m in v.misses:
        chain.append((m.order(), _evidence(m, "lapse", note="reported not done by the deadline")))
    if status == LAPSED and not v.misses and v.deadline:
        chain.append(((v.deadline, "", 0, 0), Evidence("lapse", None, None, None, None, None, v.deadline, None,
                                                       note="deadline passed with no delivery reported")))
    chain.sort(key=lambda c: c[0])
    # the id names the promise, not this day's view of it: a later restatement that names the state
    # rather than its company, or a more specific act, must not make it another commitment
    p = v.promise
    first = p.statements[0].mention.event
    key = "|".join([p.promiser or v.promiser, p.beneficiary or v.beneficiary, p.intent, first.mention_id])
    return Commitment(
        commitment_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        promiser=_actor(v.statements, v.promiser, "source"), beneficiary=_actor(v.statements, v.beneficiary, "target"),
        cameo=v.intent, what=codebook()[v.intent].name if v.intent in codebook() else "", object=_object(v.statements),
        amount=v.amount, deadline=v.deadline, deadline_precision=v.deadline_precision, first_stated=v.first_stated,
        as_of=as_of, status=status, delivered=delivered,
        beneficiary_inferred=all(s.inferred for s in v.statements if s.beneficiary), evidence=tuple(e for _k, e in chain),
    )


def view_as_of(promises: Iterable[Promise], mentions: Sequence[Mention], rules: Rules, *, as_of: str,
               due_days: int = 30) -> list[Commitment]:
    """The commitments known on ``as_of`` with their status and evidence chain (see the module
    docstring), in the order they were first reported. ``mentions`` are every stored mention
    (sorted by ``Mention.order``), read for deliveries and withdrawals."""
    views = [v for v in (_view(p, as_of) for p in promises) if v is not None]
    known = [m for m in mentions if m.seen and m.seen <= as_of]
    doc_parties: dict[str, set[str]] = {}
    sentence_parties: dict[tuple[str, int], set[str]] = {}
    for m in known:
        for a in (m.event.source, m.event.target):
            p = party(a)
            if p:
                doc_parties.setdefault(m.event.doc_id, set()).add(p)
                sentence_parties.setdefault((m.event.doc_id, m.event.sentence_index), set()).add(p)
    _follow_ups(views, known, rules, doc_parties, sentence_parties)
    out = [_commitment(v, as_of, due_days) for v in views]
    return sorted(out, key=lambda c: (c.first_stated, c.evidence[0].doc_id or "", c.evidence[0].sentence_index or 0))
