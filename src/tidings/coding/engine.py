"""The event coder: a chain of stages over each sentence of a parsed ``Doc``.

    match → suppress → roles → attributes → build

``match`` finds trigger candidates from the lexicon (``coding.matching``); ``suppress`` drops the
candidates that are only the content or background of another event (``coding.suppression``);
``roles`` finds source and target (``coding.roles``); ``attributes`` adds dates, amounts, negation,
modality and the reporter (``coding.attributes``); ``build`` applies the last filters and makes the
``Event`` records. Every decision is written to the sentence's ``Trace`` (``coding.trace``).

The coder reads the actors that the ``tidings_actors`` component put on the document
(``doc._.actor_index``); it never builds its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from tidings.about import __version__
from tidings.actors.resolve import ActorResolver
from tidings.coding.attributes import attach, describe, event_date, is_forward, sentence_attachments
from tidings.coding.context import CoderKnowledge, DocContext, load_knowledge
from tidings.coding.conventions import INTENT_AUX, apply_conventions, derived_code, not_refusals, obligation
from tidings.coding.judgements import Judgement, judged_roles, judgements
from tidings.coding.lexicon import Pattern
from tidings.coding.matching import match
from tidings.coding.modality import duty_words, negated, speech_head
from tidings.coding.roles import (
    RELEASE,
    Roles,
    actors_of,
    askers,
    claimed_act_victims,
    distinct_named,
    exchange_pairs,
    find_roles,
    localise,
    names_actor,
    one_way,
    pairs,
    reported_subject,
)
from tidings.coding.suppression import suppress
from tidings.coding.syntax import agent_participle, datives, pobjs, subjects
from tidings.coding.trace import Candidate, Trace
from tidings.coding.violence import attack_agents, attacked, one_happening
from tidings.docindex import lemmas, memo, span_text
from tidings.records import Actor, Event, Trigger
from tidings.tables import data_version

__all__ = ["Coder", "SentenceResult"]


@dataclass
class SentenceResult:
    """One sentence's events and the trace that explains them."""

    index: int
    sentence: Span
    events: list[Event]
    trace: Trace


class Coder:
    """Codes parsed documents. One instance serves a whole run (knowledge is loaded once)."""

    def __init__(self, knowledge: CoderKnowledge | None = None, statements: bool = False) -> None:
        self.knowledge = knowledge or load_knowledge()
        self.statements = statements

    def version(self, kb_version: str) -> str:
        """Code version, plus the hash of every data file and of the actor knowledge base."""
        return f"tidings-{__version__}+data.{data_version()}+kb.{kb_version}"

    def code(self, doc: Doc, actors: ActorResolver, *, doc_id: str, published: str | None,
             headings: tuple[tuple[int, int], ...] = (), coder_version: str = "") -> list[Event]:
        events: list[Event] = []
        for result in self.sentences(doc, actors, doc_id=doc_id, published=published, headings=headings,
                                     coder_version=coder_version):
            events.extend(result.events)
        return events

    def sentences(self, doc: Doc, actors: ActorResolver, *, doc_id: str, published: str | None,
                  headings: tuple[tuple[int, int], ...] = (), coder_version: str = "",
                  verbose: bool = False, only: int | None = None) -> list[SentenceResult]:
        """Code each sentence (or only sentence ``only``), keeping its trace."""
        ctx = DocContext(doc=doc, actors=actors, published=published, knowledge=self.knowledge, doc_id=doc_id,
                         coder_version=coder_version, dateline=doc.user_data.get("tidings_dateline"))
        try:
            return self._sentences(doc, ctx, headings, verbose, only)
        finally:
            # the answers kept while coding hold tokens, which hold their document: dropped here, or the
            # document's index would keep the document alive
            memo(doc).clear()

    def _sentences(self, doc: Doc, ctx: DocContext, headings: tuple[tuple[int, int], ...], verbose: bool,
                   only: int | None) -> list[SentenceResult]:
        out = []
        for index, sent in enumerate(doc.sents):
            if only is not None and index > only:
                break
            trace = Trace(verbose=verbose and (only is None or index == only))
            if any(sent.start_char < end and start < sent.end_char for start, end in headings):
                trace.add("match", "heading", None, "headings are not coded")
                events: list[Event] = []
            elif not span_text(sent).strip() or len(sent) < 3:
                events = []
            else:
                events = self.code_sentence(sent, index, ctx, trace)
            ctx.recent.extend(events)  # what later sentences may refer back to ("welcomed the decision")
            if only is None or index == only:
                out.append(SentenceResult(index, sent, events, trace))
        return out

    def code_sentence(self, sent: Span, index: int, ctx: DocContext, trace: Trace) -> list[Event]:
        matched = match(sent, ctx, trace)
        found = suppress(list(matched), ctx, trace)
        found += further_contents(matched, found, trace)
        found = threats_named_by_content(matched, found, trace)
        found += refusals_of_uncoded_acts(sent, found, ctx, trace)
        found += will_not_of_uncoded_acts(sent, found, ctx, trace)
        found += obligations_of_uncoded_acts(sent, found, ctx, trace)
        found = judgements(sent, found, ctx, trace)
        extra = statements(sent, index, ctx, trace) if self.statements else []
        if not found:
            return extra
        attached = sentence_attachments(sent, ctx.published)
        time_by = attach(attached.times, [c.tok for c in found], through_nouns=ctx.knowledge.timeless_nouns)
        staged: list[tuple[Candidate, Roles]] = []
        for c in found:
            forward = is_forward(ctx.modality(c.tok)[0])
            when = event_date(time_by.get(c.tok.i, []), ctx.published, forward)
            roles = judged_roles(c, ctx, when.date if when else None, trace) if isinstance(c, Judgement) \
                else find_roles(c, ctx, when.date if when else None, trace)
            if not roles.sources and c.pat.code[:2] in ("18", "19", "20"):  # "killed in a Russian air strike"
                roles.sources = attack_agents(c.tok, ctx, when.date if when else None, roles.targets)
                if roles.sources:
                    trace.add("roles", "source:attack-agent", c.tok, ", ".join(a.code or a.text for a in roles.sources))
            if c.pat.pos == "V" and agent_participle(c.tok) and not roles.targets \
                    and c.tok.head.dep_ not in ("nsubj", "nsubjpass"):
                # GUIDELINES 1.1: a participle phrase on another act's object or circumstance ("joined
                # the strike called by the union") is coded when its agent acts on an actor; on the
                # clause's subject it is what the sentence is about ("The deal, brokered by the AU, …")
                trace.add("build", "participle-no-patient", c.tok, "a described act with no one acted on")
            elif c.pat.pos == "V" and c.tok.dep_ == "acl" and c.tok.tag_ == "VBN" and not roles.sources \
                    and c.pat.code[:2] < "14":
                # "detained 20 people accused of fraud", "a plan backed by …" with no one named: a
                # description of the noun, not an act of words or cooperation anyone is said to have done
                trace.add("build", "participle-no-agent", c.tok, "a described act with no one doing it")
            elif roles.sources or roles.targets:
                staged.append((c, roles))
            else:
                trace.add("build", "no-actor", c.tok, "neither source nor target resolved")
        claimed_act_victims(staged, ctx, trace)
        live = [c.tok for c, _ in staged]
        time_by = attach(attached.times, live, through_nouns=ctx.knowledge.timeless_nouns)
        qty_by = attach([(root, (root, q)) for root, q in attached.quantities], live)
        return build(staged, sent, index, time_by, qty_by, ctx, trace) + extra


def build(staged: list[tuple[Candidate, Roles]], sent: Span, index: int, time_by: dict, qty_by: dict,
          ctx: DocContext, trace: Trace) -> list[Event]:
    """Stage ``build``: the last filters, source-target pairs and the ``Event`` records."""
    k = ctx.knowledge
    out: list[Event] = []
    seen: set[tuple] = set()
    duties = ctx.words_between(sent.start, sent.end, duty_words(k.words))
    for c, roles in staged:
        tok, pat = c.tok, c.pat
        attrs = describe(c, roles.sources, roles.targets, time_by.get(tok.i, []), qty_by.get(tok.i, []), ctx, trace)
        if attrs.drop:
            continue
        roles = localise(tok, roles, ctx, attrs.date, trace)
        decision = apply_conventions(c, attrs, roles, k.words, trace, duties)
        if decision is None:
            continue
        sources, targets = decision.sources, decision.targets
        code, negated_, modality = decision.code, decision.negated, decision.modality
        if pat.id == REFUSAL.id and not any(s.code for s in sources):
            trace.add("build", "refusal-by-unknown", tok, "a refusal of an uncoded act needs a known refuser")
            continue
        if pat.id == OBLIGATION.id and not demand_on_another(attrs.reported_by, targets, negated_):
            trace.add("build", "obligation-no-demand", tok, "no speaker, or the speaker obliging itself")
            continue
        if decision.refused and sources and all(t.code is None or t.sector in ("MIL", None) and not t.country
                                                for t in targets):
            asker = askers(sent, ctx, attrs.date, sources)
            if asker:  # "refused to lift the emergency, rejecting demands by the ANC": who asked
                trace.add("roles", "target:asker", tok, ", ".join(a.code or a.text for a in asker))
                targets = asker
        if not sources and targets and all(a.country is None and a.code == a.sector for a in targets):
            trace.add("build", "no-agent-no-place", tok, "only unlocated victims: nothing an analyst can use")
            continue
        natural = [s for s in subjects(tok, k.words.object_control)
                   if s.lemma_.lower() in k.natural  # "floods", or a named storm ("Cyclone Nargis")
                   or any(c.dep_ == "compound" and c.lemma_.lower() in k.words.storm for c in s.children)]
        if pat.pos == "V" and natural and not (all(s.lemma_.lower() in k.words.man_made for s in natural)
                                               and attacked(span_text(sent).lower())):
            trace.add("build", "natural-cause", tok, "a natural cause is not an actor")
            continue
        variants = [(code, negated_, modality)]
        if decision.refused:  # CAMEO codes the refusal; the refused act stays on record, negated
            variants.append((decision.refused, True, attrs.modality))
        for code, negated_, modality in variants:
            info = k.codes.get(code) or k.codes[pat.code]
            # a refusal pairs its actors as the refused act would ("the two sides failed to agree": each
            # refused the other)
            pair_code = decision.refused or code
            pairing = pairs(sources, targets, pair_code, ctx, transitive=one_way(c, pair_code, ctx))
            if len(sources) >= 2 and tok.lemma_.lower() in k.words.swap and all(t.country is None for t in targets):
                # "Russia and Ukraine swapped prisoners": each gives to the other
                pairing = [(a, b) for a in sources for b in sources if a is not b]
            if code.startswith(RELEASE):  # "freed a journalist in exchange for two spies": both sides release
                pairing = pairing + exchange_pairs(c, ctx, attrs.date, pairing)
            for src, tgt in pairing:
                if src is not None and tgt is not None and src.code and src.code == tgt.code and not distinct_named(src, tgt):
                    if len(pairing) > 1:
                        trace.add("build", "self-pair", tok, f"{src.code} acting on itself dropped")
                        continue  # "Putin and his allies obtain loans from Moscow": not Moscow to itself
                    tgt = None
                key = (code, src.code or src.text if src else None, tgt.code or tgt.text if tgt else None, negated_)
                if key in seen:
                    continue
                seen.add(key)
                conf = 0.4 + 0.05 * min(pat.specificity, 4) + (0.2 if src and src.code else 0) + (0.2 if tgt and tgt.code else 0)
                steps = [s.short() for s in trace.about(tok.i) if s.stage != "match" or s.rule == pat.id]
                out.append(Event(
                    doc_id=ctx.doc_id, sentence_index=index, sentence=span_text(sent).strip(),
                    trigger=Trigger(tok.text, tok.idx, tok.idx + len(tok.text)),
                    cameo=code, cameo_root=code[:2], quad_class=info.quad_class, goldstein=info.goldstein,
                    plover=info.plover, plover_mode=info.plover_mode, source=src, target=tgt, date=attrs.date,
                    date_precision=attrs.date_precision, deadline=attrs.deadline, deadline_precision=attrs.deadline_precision, negated=negated_, modality=modality, quantities=attrs.quantities,
                    location=attrs.location, confidence=round(min(conf, 0.99), 2), rule=pat.id, coder=ctx.coder_version,
                    reported_by=attrs.reported_by, trace=tuple(steps),
                ))
                trace.add("build", "event", tok, f"{code} {src.code if src else '-'} -> {tgt.code if tgt else '-'}")
    for dropped, kept in one_happening(out, sent.doc):  # GUIDELINES 10.1: one happening, one event
        trace.add("build", "one-happening", None, f"{dropped.trigger.text!r}: {dropped.cameo} told by {kept.trigger.text!r}")
        out.remove(dropped)
    return partial_repeats(out, trace)


def _key(a: Actor | None) -> str | None:
    return (a.code or a.text) if a is not None else None


def partial_repeats(events: list[Event], trace: Trace) -> list[Event]:
    """One event per relation (GUIDELINES 1.7): an event that repeats another of the sentence with the
    same code, negation and one actor, but leaves the other actor unknown, is the same event told
    twice ("approved a loan for Pakistan, releasing $1 billion at once")."""
    full = {(e.cameo, e.negated, e.modality, _key(e.source), _key(e.target)) for e in events}
    out = []
    for e in events:
        s, t = _key(e.source), _key(e.target)
        told = (s is not None and t is None and any(k[:4] == (e.cameo, e.negated, e.modality, s) and k[4] is not None
                                                   for k in full)) \
            or (t is not None and s is None and any(k[:3] == (e.cameo, e.negated, e.modality) and k[4] == t
                                                   and k[3] is not None for k in full))
        if told:
            trace.add("build", "partial-repeat", None,
                      f"{e.trigger.text!r}: {e.cameo} {s or '-'} -> {t or '-'} told in full elsewhere")
            continue
        out.append(e)
    return out


REFUSAL = Pattern(id="engine.refusal", code="120", pos="V", lemma="", prt=None, preps=(), obj=None, comp=None,
                  mod=None, source=("subj",), target=("to", "iobj", "obj"), intent=None, order=-1)
WILL_NOT = Pattern(id="engine.will-not", code="120", pos="V", lemma="", prt=None, preps=(), obj=None, comp=None,
                   mod=None, source=("subj",), target=("to", "iobj", "obj"), intent=None, order=-1)


def refusals_of_uncoded_acts(sent: Span, found: list[Candidate], ctx: DocContext, trace: Trace) -> list[Candidate]:
    """GUIDELINES 10.3: "refused / declined to" + any act is a REJECT, also when the act itself has
    no pattern ("refused to grant bail to the students" → 120, target from the complement)."""
    refusal = ctx.knowledge.words.refusal
    taken = {c.tok.i for c in found}
    out = []
    lemma_of = lemmas(sent.doc)
    for i, tag in ctx.candidate_words(sent.start, sent.end):
        if tag != "VERB" or lemma_of[i] not in refusal or lemma_of[i] == "fail" or i in taken:
            continue
        tok = sent.doc[i]
        acts = [x for x in tok.children if x.dep_ == "xcomp" and x.pos_ == "VERB"]
        # "refused to stop kidnapping": refusing to stop an act is a refusal, whatever the act
        stop = bool(acts) and lemma_of[acts[0].i] in ctx.knowledge.words.neg_control
        if acts and not any(a.i in taken for a in acts) \
                and (stop or not any(c.tok.head.i in {a.i for a in acts} for c in found)):
            # the candidate is the refused act, so that its recipient ("to the United States"), its
            # dative and its object are the target; the conventions keep it an asserted REJECT
            trace.add("match", REFUSAL.id, acts[0], f"120, {tok.text!r} an act with no pattern")
            out.append(Candidate(acts[0], REFUSAL))
    return out


_ASKED = {"02": "appeal", "10": "demand"}


def further_contents(matched: list[Candidate], found: list[Candidate], trace: Trace) -> list[Candidate]:
    """GUIDELINES 10.5: "urged X to show restraint and to return to talks" asks for two things: each
    act coordinated after the first complement of an appeal or a demand, with its own "to" (or
    "that"), is an appeal (demand) of its own, coded by that act (``conventions.tsv``), with the
    actors of the first. Without the repeated marker ("to rewrite the constitution and dissolve
    parliament") it is one request; a second act with no pattern or the same code adds nothing."""
    if len(matched) < 2:
        return []
    live = {c.tok.i for c in found}
    dropped = {c.tok.i: c for c in matched if c.pat.pos == "V" and c.tok.i not in live}
    out: list[Candidate] = []
    for c in found:
        kind = _ASKED.get(c.pat.code[:2])
        if kind is None or c.pat.pos != "V":
            continue
        codes = {c.pat.code}
        for x in c.tok.children:
            if x.dep_ not in ("xcomp", "ccomp") and not (x.dep_ == "advcl" and any(m.tag_ == "TO" for m in x.children)):
                continue  # "called on Serbia to calm tensions": the model often reads the request as a clause
            for y in x.children:
                g = dropped.get(y.i) if y.dep_ == "conj" else None
                if g is None or not any(m.tag_ == "TO" or m.dep_ == "mark" for m in y.children):
                    continue  # "to rewrite the constitution and dissolve parliament": one request
                code = derived_code(kind, g.pat.code) or c.pat.code
                if code in codes:
                    continue
                codes.add(code)
                trace.add("match", "engine.further-content", c.tok, f"{code}, also {kind}ed: {y.text!r} ({g.pat.id})")
                out.append(Candidate(c.tok, replace(c.pat, id=f"{c.pat.id}+{g.pat.id}", code=code)))
    return out


GENERIC_THREAT = "130"
THREATENED_ROOTS = ("14", "16", "17", "18", "19", "20")  # coercive acts a threat can announce (conventions.tsv)


def threats_named_by_content(matched: list[Candidate], found: list[Candidate], trace: Trace) -> list[Candidate]:
    """A generic threat ("threatened to …", 130) whose complement is a coded coercive act takes the
    THREATEN code of that act (``conventions.tsv``): "threatened to call a general strike" → 133,
    "threatened to expel the envoys" → 136; "threatened to call early elections" stays 130."""
    threats = [c for c in found if c.pat.code == GENERIC_THREAT and c.pat.pos == "V"]
    if not threats:
        return found
    by_i = {c.tok.i: c for c in matched}
    out = []
    for c in found:
        if c in threats:
            acts = [by_i[x.i] for x in c.tok.children if x.dep_ == "xcomp" and x.i in by_i]
            act = next((a for a in acts if a.pat.code.startswith(THREATENED_ROOTS)), None)
            code = derived_code("threat", act.pat.code) if act is not None else None
            if act is not None and code and code != GENERIC_THREAT:
                trace.add("match", "engine.threat-content", c.tok, f"{code}, the threatened act is {act.pat.id}")
                c = Candidate(c.tok, replace(c.pat, id=f"{c.pat.id}+{act.pat.id}", code=code), c.considered)
        out.append(c)
    return out


_NOT = frozenset({"not", "n't"})


def will_not_of_uncoded_acts(sent: Span, found: list[Candidate], ctx: DocContext, trace: Trace) -> list[Candidate]:
    """GUIDELINES 10.3: "X will not / would not VERB something" is X's REJECT also when the act has no
    pattern ("said Peru would not renegotiate the border" → 120): a verb with a nominal subject, a
    direct object, "will"/"would" and "not", and none of the light or forecast verbs of
    ``data/will_not.tsv``. The conventions keep it only when the speaker, if any, is the subject."""
    if not ctx.words_between(sent.start, sent.end, _NOT):
        return []
    taken = {c.tok.i for c in found}
    heads = {c.tok.head.i for c in found if c.tok.dep_ not in ("conj", "advcl", "parataxis")}
    skip = not_refusals()
    lemma_of = lemmas(sent.doc)
    out = []
    for i, tag in ctx.candidate_words(sent.start, sent.end):
        if tag != "VERB" or i in taken or i in heads or lemma_of[i] in skip:
            continue
        tok = sent.doc[i]
        kids = list(tok.children)
        if not (any(c.dep_ == "neg" and c.lower_ in _NOT for c in kids)
                and any(c.dep_ == "aux" and c.lower_ in INTENT_AUX for c in kids)
                and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in kids)
                and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in kids)
                and not any(c.dep_ in ("prt", "xcomp") for c in kids)):
            continue
        trace.add("match", WILL_NOT.id, tok, f"120, {tok.text!r} will not: an act with no pattern")
        out.append(Candidate(tok, WILL_NOT))
    return out


OBLIGATION = Pattern(id="engine.obligation", code="100", pos="V", lemma="", prt=None, preps=(), obj=None, comp=None,
                     mod=None, source=("subj",), target=("none",), intent=None, order=-1)


def obligations_of_uncoded_acts(sent: Span, found: list[Candidate], ctx: DocContext, trace: Trace) -> list[Candidate]:
    """GUIDELINES 10.5: "X said Y must / has to / should Z" is X's demand (or appeal) on Y, also when Z
    has no pattern ("said Germany has to pay reparations" → 100 POL→DEU): the candidate is Z, so that
    Y, its subject, is found; the conventions make it the speaker's demand."""
    w = ctx.knowledge.words
    if not ctx.words_between(sent.start, sent.end, duty_words(w)):
        return []  # no "must", "has to", "should" …: no duty
    taken = {c.tok.i for c in found}
    heads = {c.tok.head.i for c in found}
    out = []
    for i, tag in ctx.candidate_words(sent.start, sent.end):
        if tag != "VERB" or i in taken or i in heads:
            continue
        tok = sent.doc[i]
        owner = tok.head if tok.dep_ == "xcomp" else tok  # "Germany has to pay": the subject of "has"
        if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in owner.children):
            continue
        if any(c.dep_ == "aux" and c.lower_ == "have" for c in tok.children):
            continue  # "must have known": a guess, not a duty
        duty = obligation(tok, w)
        if duty is None:
            continue
        head = speech_head(tok, w)
        if head is None or head.lemma_.lower() not in w.speech:
            continue
        trace.add("match", OBLIGATION.id, tok, f"100, {duty[1].text!r} an act with no pattern")
        out.append(Candidate(tok, OBLIGATION))
    return out


def demand_on_another(speaker: Actor | None, obliged: list[Actor], negated_: bool) -> bool:
    """Whether a duty told in speech is a demand on someone else: a known speaker, a known obliged
    actor that is not the speaker's own body ("Putin said Russia must…" is no demand)."""
    if speaker is None or not speaker.code or negated_:
        return False
    return bool(obliged) and all(t.code and not (t.code.startswith(speaker.code) or speaker.code.startswith(t.code))
                                 for t in obliged)


def statements(sent: Span, index: int, ctx: DocContext, trace: Trace) -> list[Event]:
    """CAMEO 010 "make statement" for speech verbs with a known speaker (only with --statements)."""
    k = ctx.knowledge
    out = []
    info = k.codes["010"]
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in k.words.speech:
            continue
        speakers = actors_of(subjects(tok, k.words.object_control), ctx, ctx.published)
        # "told Peru that …", "said to Kyiv": the hearer; bare "reporters" are the channel, not the addressee
        hearers = [a for t in datives(tok) + pobjs(tok, "to") + [c for c in tok.children if c.dep_ == "dobj"]
                   for a in actors_of([t], ctx, ctx.published) if a.sector != "MED" or names_actor(t, ctx)]
        # the hearer, else whom the statement is about: the subject of the clause it reports
        spoken = {a.code or a.text for a in speakers}  # "reiterated its demand": not the speaker itself
        hearers = [a for a in hearers if (a.code or a.text) not in spoken] or reported_subject(tok, ctx, ctx.published, speakers)
        for src in speakers:
            trace.add("build", "statement", tok, f"010 {src.code or src.text}")
            out.append(Event(
                doc_id=ctx.doc_id, sentence_index=index, sentence=span_text(sent).strip(),
                trigger=Trigger(tok.text, tok.idx, tok.idx + len(tok.text)), cameo="010", cameo_root="01",
                quad_class=info.quad_class, goldstein=info.goldstein, plover=None, plover_mode=None,
                source=src, target=hearers[0] if hearers else None, date=ctx.published,
                date_precision="day" if ctx.published else None,
                negated=negated(tok, k.words), modality="asserted", confidence=0.5,
                rule="engine.statement", coder=ctx.coder_version, trace=("build:statement",),
            ))
    return out
