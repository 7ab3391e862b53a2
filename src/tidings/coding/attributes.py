"""Stage ``attributes``: what the coder says about an event besides its actors.

Time expressions and amounts are attached to the nearest trigger in the parse; negation and
modality come with the word that decided them; intended cooperation takes its CAMEO intent code;
violent events are sharpened from their agent and toll (``data/refinements.tsv``); the reporter
of reported speech is found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Span, Token

from tidings.attributes import find_quantities, find_times
from tidings.attributes.dates import Resolved, TimeExpr
from tidings.attributes.quantities import bare_count, outcome_category, verb_outcome
from tidings.coding.codebook import intent_code
from tidings.coding.context import DocContext
from tidings.coding.matching import NOUN_POS
from tidings.coding.modality import negation_cue, speech_head
from tidings.coding.syntax import subjects
from tidings.coding.trace import Candidate, Trace
from tidings.coding.violence import classify
from tidings.docindex import sentence_of, span_text
from tidings.records import Actor, Location, Quantity

__all__ = ["Attributes", "SentenceAttachments", "attach", "describe", "sentence_attachments"]

T = TypeVar("T")


@dataclass(frozen=True)
class Timed:
    """A time expression of the sentence; ``past_host``: the verb it modifies is in the past tense
    ("agreed on Thursday to strengthen …": the agreement was on the past Thursday)."""

    expr: TimeExpr
    past_host: bool


@dataclass(frozen=True)
class SentenceAttachments:
    """Time expressions and amounts of a sentence, each with the token that heads it."""

    times: list[tuple[Token, Timed]]
    quantities: list[tuple[Token, Quantity]]


PAST_AUX = frozenset({"did", "was", "were", "had", "has", "have"})


def _past_host(tok: Token) -> bool:
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            if node.tag_ == "VBD":
                return True
            return any(c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_AUX for c in node.children)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


@dataclass(frozen=True)
class Attributes:
    code: str
    date: str | None
    date_precision: str | None
    deadline: str | None
    deadline_precision: str | None
    negated: bool
    modality: str
    negation_cue: Token | None
    modality_cue: Token | None
    quantities: tuple[Quantity, ...]
    reported_by: Actor | None
    location: Location | None
    drop: str | None = None  # why this is not an event (an accident), or None


_NUMBER = re.compile(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|twenty|"
                     r"thirty|forty|fifty|hundreds?|thousands?)\b", re.I)


def sentence_attachments(doc_sent: Span, published: str | None) -> SentenceAttachments:
    doc, base = doc_sent.doc, doc_sent.start_char
    times = []
    text = span_text(doc_sent)
    for t in find_times(text, published):
        span = doc.char_span(base + t.start, base + t.end, alignment_mode="expand")
        if span is not None:
            times.append((span.root, Timed(t, _past_host(span.root))))
    quants: list[tuple[Token, Quantity]] = []
    covered: set[int] = set()
    for q in find_quantities(text):
        span = doc.char_span(base + q.start, base + q.end, alignment_mode="expand")
        if span is not None:
            quants.append((span.root, q.quantity))
            covered.update(range(span.start, span.end))
    for m in _NUMBER.finditer(text):
        # "killing two soldiers and wounding 27": a number alone as the object of an outcome verb
        found = doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
        tok = found.root if found is not None else None
        if tok is not None and tok.i not in covered and tok.like_num and tok.dep_ in ("dobj", "nsubjpass") \
                and tok.head.pos_ == "VERB" and not any(c.dep_ in ("prep", "compound") for c in tok.children):
            category = verb_outcome(tok.head.lemma_)
            count = bare_count(tok.text, category) if category else None
            if count is not None:
                quants.append((tok, count))
                covered.add(tok.i)
    return SentenceAttachments(times, quants)


def _distance(node: Token, trigger: Token, through_nouns: bool | frozenset[str] = True,
              clauses: bool = False) -> int | None:
    """Steps from ``node`` up to a common ancestor with ``trigger`` and down to it, or None;
    ``clauses``: a noun reached from its relative or infinitive clause lets the item through ("agreed
    on a truce that is to take effect by March 3": the truce's deadline is the agreement's)."""
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
        via, clause = n.dep_, n
        n = n.head
        d += 1
        if through_nouns is not True and n.pos_ in NOUN_POS and n.i not in chain \
                and (through_nouns is False or n.lemma_.lower() not in through_nouns) \
                and not (clauses and via in ("relcl", "acl") and _object_noun(n)
                         and not any(c.lower_ in ("who", "whom", "whose") for c in clause.children)):
            return None  # "the election in August" dates the election, not the event
    return None


def _object_noun(n: Token) -> bool:
    """The noun is what the act is about ("agreed on a truce", "promised a loan"), not a time
    ("after the election that is due by March")."""
    if n.dep_ in ("dobj", "nsubjpass", "attr", "dative"):
        return True
    return n.dep_ == "pobj" and n.head.lower_ not in ("after", "before", "since", "until", "during", "following", "ahead")


def attach(items: Sequence[tuple[Token, T]], triggers: list[Token],
           through_nouns: bool | frozenset[str] = True) -> dict[int, list[T]]:
    """Each item goes to the trigger(s) nearest to its head in the parse; ``through_nouns`` False
    stops at any noun on the way, a set of lemmas lets those nouns through ("struck the building
    with a missile on Wednesday": the missile has no time of its own)."""
    out: dict[int, list[T]] = {t.i: [] for t in triggers}
    for root, item in items:
        # a deadline and nothing else ("by March 3") may come from a clause of the object noun
        clauses = isinstance(item, Timed) and item.expr.deadline is not None and item.expr.past is None \
            and item.expr.future is None
        scored = [(s, t) for s, t in ((_distance(root, t, through_nouns, clauses), t) for t in triggers) if s is not None]
        if not scored:
            continue
        best = min(s for s, _ in scored)
        for s, t in scored:
            if s == best:
                out[t.i].append(item)
    return out


def event_date(times: list[Timed], published: str | None, forward: bool = False) -> Resolved | None:
    """The event's point in time: its first time expression read in the event's direction (forward
    for intended and hypothetical events, unless the expression modifies a verb in the past tense),
    else the publication date."""
    for t in times:
        r = t.expr.resolve(forward and not t.past_host)
        if r is not None:
            return r
    return Resolved(published, "day") if published else None


def is_forward(modality: str) -> bool:
    return modality in ("intended", "hypothetical")


def describe(c: Candidate, sources: list[Actor], targets: list[Actor], times: list[Timed],
             quantities: list[tuple[Token, Quantity]], ctx: DocContext, trace: Trace) -> Attributes:
    tok, pat = c.tok, c.pat
    w = ctx.knowledge.words
    cue = negation_cue(tok, w)
    if cue is not None:
        trace.add("attributes", "negated", tok, f"cue {cue.text!r}")
    mod, mod_cue = ctx.modality(tok)
    if mod != "asserted":
        trace.add("attributes", f"modality-{mod}", tok, f"cue {mod_cue.text if mod_cue is not None else None!r}")
    forward = is_forward(mod)
    when = event_date(times, ctx.published, forward)
    source = next((t for t in times if t.expr.resolve(forward and not t.past_host) is not None), None)
    date = when.date if when else None
    ahead = forward and source is not None and not source.past_host
    trace.add("attributes", "date", tok, (f"{date} ({when.precision}) from {source.expr.text!r}, read "
                                          f"{'forward' if ahead else 'backward'}" if source and when
                                          else f"{date} (publication date)"))
    deadline = next((t.expr.deadline for t in times if t.expr.deadline), None)
    if deadline:
        trace.add("attributes", "deadline", tok, f"{deadline.date} ({deadline.precision})")
    code = pat.code
    if mod in ("intended", "hypothetical") and pat.code[:2] <= "10":
        # conflict acts keep their own code with modality "intended" (threats are coded as 13x
        # only when the wording is a threat), so the intent mapping applies to 01-10
        code = pat.intent or intent_code(pat.code) or pat.code
        if code != pat.code:
            trace.add("attributes", "intent-code", tok, f"{pat.code} -> {code}")
    amounts = tuple(outcome(q, root) for root, q in quantities)
    verdict = classify(code, tok, sources, targets, list(amounts), ctx.knowledge.mass_killing)
    refined = verdict.code or code
    if verdict.code is None:
        trace.add("build", verdict.rule, tok, "no attacker and words of an accident or a disaster")
    elif refined != code:
        trace.add("attributes", f"violence-{verdict.rule}", tok, f"{code} -> {refined}")
    reporter = reported_by(tok, ctx, date)
    if reporter is not None:
        trace.add("attributes", "reported-by", tok, reporter.code or reporter.text)
    return Attributes(code=refined, date=date, date_precision=when.precision if when else None,
                      deadline=deadline.date if deadline else None,
                      deadline_precision=deadline.precision if deadline else None, negated=cue is not None, modality=mod,
                      negation_cue=cue, modality_cue=mod_cue, drop=verdict.rule if verdict.code is None else None,
                      quantities=amounts, reported_by=reporter,
                      location=location(tok, trace, strike=refined[:2] in ("18", "19", "20"), places=ctx.places))


_ACCORDING = frozenset({"according"})


def reported_by(tok: Token, ctx: DocContext, date: str | None) -> Actor | None:
    """Who the event is reported by: the subject of a governing speech verb, or "according to X"."""
    w = ctx.knowledge.words
    resolver = ctx.actors
    sh = speech_head(tok, w)
    if sh is not None:
        subj = subjects(sh, w.object_control)
        found = resolver.resolve(subj[0], date) if subj else []
        if found:
            return found[0]
    sent = sentence_of(tok)
    if not ctx.words_between(sent.start, sent.end, _ACCORDING):
        return None
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


def outcome(q: Quantity, root: Token) -> Quantity:
    """A count that is the object of "arrested", "killed", … takes that outcome as its category."""
    if q.kind != "count":
        return q
    node = root
    for _ in range(3):
        if node.head.i == node.i:
            break
        if node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ == "VERB":
            category = outcome_category(node.head.lower_) or verb_outcome(node.head.lemma_)
            if category:
                return Quantity(q.kind, q.value, q.unit, q.text, q.per, category)
            break
        node = node.head
    return q


def location(tok: Token, trace: Trace, *, strike: bool = False, places: tuple | None = None) -> Location | None:
    """Where the event happened, from the places the ``tidings_places`` component resolved
    (``doc._.places``): the event's clause, else its sentence, else the document's focus. ``places``:
    ``(doc._.places, doc._.place_focus)`` when the caller has them at hand."""
    if places is None:
        doc = tok.doc
        places = (doc._.places, doc._.place_focus) if doc.has_extension("places") else (None, None)
    mentions, focus = places
    if mentions is None:
        return None
    from tidings.places.locate import locate_event

    where, how = locate_event(tok, mentions, focus, strike=strike)
    if where is not None:
        trace.add("attributes", f"location-{how}", tok, f"{where.text!r} -> {where.name} ({where.country}, {where.precision})")
    return where
