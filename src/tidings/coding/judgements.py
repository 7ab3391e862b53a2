"""Judgements told inside statements: a speaker criticises (111) or praises (051) an act or an actor
through a predicate, which no verb pattern of the lexicon can see:

- a frame verb, its object and a predicate: "called the raids **a crime**", "described the move
  **as a provocation**", "branded the rebels **terrorists**", "hailed the accord as **a milestone**";
- a speech or frame verb and a clause whose predicate judges its subject: "said the attacks were
  **unacceptable**", "ruled that the decree was **unconstitutional**" (a court's finding: 116), and a
  light verb whose object judges its subject: "said Tokyo had made **a grave mistake**";
- an agreement declared "void", "null" or "invalid": its rejection (127), aimed at its other party.

The verbs and the judging words are data (``data/judgements.tsv``); words that only describe ("a first
step", "technical") are not judgements. The source is the speaker; the target is what is judged when
it is an actor, else its owner ("India's tests", "NATO strikes"), else the act it points back to in the
story ("the raids", GUIDELINES 05/11: the target of a reaction is whoever did the act).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from spacy.tokens import Span, Token

from tidings.coding.context import DocContext
from tidings.coding.lexicon import Pattern
from tidings.coding.roles import Roles, actors_of, names_actor, taken_by
from tidings.coding.story import same_word
from tidings.coding.syntax import objects, pobjs, subjects
from tidings.coding.trace import Candidate, Trace
from tidings.docindex import lemmas
from tidings.records import Actor
from tidings.tables import read_table

__all__ = ["Judgement", "JudgementWords", "judged_roles", "judgement_words", "judgements"]

KINDS = ("frame", "court", "light", "pact", "word")
CODES = frozenset({"111", "051", "127"})
REJECT_AGREEMENT = "127"  # "declared the treaty void": only an agreement can be so rejected
LEGAL_FINDING = "116"  # a court's critical judgement: "ruled that the law was unconstitutional"
NAMING = frozenset({"brand", "label", "call", "dub", "term"})  # "branded the rebels terrorists"
ANAPHOR_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
ANAPHOR_REACH = 2  # sentences back, as for reactions (coding/roles.py: event_anaphor)
NOT_ACTORS = frozenset({"it", "this", "that", "which", "what"})  # "calling it a fraud": the judged thing is elsewhere


@dataclass(frozen=True)
class JudgementWords:
    frame: frozenset[str]
    court: frozenset[str]
    light: frozenset[str]
    pacts: frozenset[str]  # agreements, which "void", "null" and "invalid" reject (127)
    words: dict[str, str]  # judging noun or adjective -> 111, 051 or 127

    @cached_property
    def verbs(self) -> frozenset[str]:
        return self.frame | self.court

    @cached_property
    def cues(self) -> frozenset[str]:
        """The judging words, as one set: a sentence without any of them is skipped."""
        return frozenset(self.words)


@lru_cache(maxsize=1)
def judgement_words() -> JudgementWords:
    """``data/judgements.tsv``, read once."""
    found: dict[str, set[str]] = {k: set() for k in KINDS[:4]}
    words: dict[str, str] = {}
    rows = read_table("judgements.tsv", columns=("kind", "word", "code", "note"), required=("kind", "word"),
                      checks={"kind": lambda k: None if k in KINDS else "unknown kind",
                              "code": lambda c: None if not c or c in CODES else "must be 111, 051 or 127"})
    for row in rows:
        word = row["word"].lower()
        if row["kind"] == "word":
            words[word] = row["code"] or "111"
        else:
            found[row["kind"]].add(word)
    return JudgementWords(frozenset(found["frame"]), frozenset(found["court"]), frozenset(found["light"]),
                          frozenset(found["pact"]), words)


@dataclass(eq=False)
class Judgement(Candidate):
    """A judgement candidate: the speaker's verb as trigger, and what it judges."""

    judged: Token | None = None


JUDGEMENT = Pattern(id="engine.judgement", code="111", pos="V", lemma="", prt=None, preps=(), obj=None, comp=None,
                    mod=None, source=("subj",), target=("none",), intent=None, order=-1)


def judging(p: Token, jw: JudgementWords) -> str | None:
    """The code a predicate gives: its own word ("a crime", "unacceptable"), an adjective on it ("a
    positive step") or what it is an act of ("an act of aggression"); None for a neutral one."""
    for q in (p, *p.conjuncts):  # "shocking and unacceptable"
        code = jw.words.get(q.lemma_.lower()) or jw.words.get(q.lower_)
        if code:
            return code
        if q.pos_ in ("NOUN", "PROPN"):
            for m in q.children:
                if m.dep_ == "amod" and m.pos_ == "ADJ" and m.lemma_.lower() in jw.words:
                    return jw.words[m.lemma_.lower()]
            for o in pobjs(q, "of"):
                if o.lemma_.lower() in jw.words:
                    return jw.words[o.lemma_.lower()]
    return None


def _object_predicate(verb: Token, jw: JudgementWords) -> tuple[Token, Token, str] | None:
    """"called X Y", "described X as Y": (X, Y, code) when Y judges."""
    objs = [o for o in objects(verb) if o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN", "PRON")]
    if not objs:  # "declared the pact invalid", read as a clause whose head is the predicate
        for p in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("ADJ", "NOUN")):
            x = next((k for k in p.children if k.dep_ in ("nsubj", "compound") and k.pos_ in ("NOUN", "PROPN")), None)
            code = judging(p, jw)
            if x is not None and code:
                return x, p, code
        return None
    x = objs[0]
    preds = [c for c in verb.children if c.dep_ in ("oprd", "acomp")]
    for host in (verb, x):  # the parser hangs "as Y" on the verb or on its object
        for prep in (c for c in host.children if c.dep_ == "prep" and c.lower_ == "as"):
            preds += [c for c in prep.children if c.dep_ in ("pobj", "amod", "acomp", "pcomp")]
    for p in preds:
        code = judging(p, jw)
        if code:
            return x, p, code
    if verb.lemma_.lower() in NAMING:  # "branded the rebels terrorists", read as one noun phrase
        code = jw.words.get(x.lemma_.lower())
        named = [c for c in x.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        if code and named:
            return named[0], x, code
    return None


def _clause_predicate(verb: Token, jw: JudgementWords, modal: frozenset[str]) -> tuple[Token, Token, str] | None:
    """"said X was Y", "ruled that X was Y", "said X had made a mistake": (X, Y, code) when Y judges.
    A denied ("was not a provocation") or a conditional judgement ("any attack would be a crime") is none."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        kids = list(clause.children)
        if any(k.dep_ == "neg" for k in kids) or any(k.dep_ == "aux" and k.lower_ in modal for k in kids):
            continue
        subject = next((k for k in kids if k.dep_ in ("nsubj", "nsubjpass") and k.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if subject is None:
            continue
        if clause.lemma_.lower() == "be":
            preds = [k for k in kids if k.dep_ in ("acomp", "attr")]
        elif clause.lemma_.lower() in jw.light:
            preds = [k for k in kids if k.dep_ == "dobj"]
        else:
            continue
        for p in preds:
            code = judging(p, jw)
            if code:
                return subject, p, code
    return None


def judgements(sent: Span, found: list[Candidate], ctx: DocContext, trace: Trace) -> list[Candidate]:
    """``found`` with the judgements of the sentence added. A frame verb whose object gets a judging
    predicate is a judgement even when a pattern took the verb alone ("calling the army's strike a
    provocation" is not calling a labour strike): that reading is dropped."""
    jw = judgement_words()
    doc = sent.doc
    if not ctx.words_between(sent.start, sent.end, jw.cues):
        return found  # no judging word: nothing to look for
    w = ctx.knowledge.words
    modal = w.intent_aux | w.hypo_aux
    taken = {c.tok.i for c in found}
    lemma_of = lemmas(doc)
    out: list[Candidate] = []
    replaced: set[int] = set()
    for i, tag in ctx.candidate_words(sent.start, sent.end):
        lemma = lemma_of[i]
        if tag != "VERB" or not (lemma in jw.verbs or lemma in w.speech):
            continue
        tok = doc[i]
        hit = _object_predicate(tok, jw) if lemma in jw.verbs else None
        if hit is None and i in taken:
            continue
        hit = hit or _clause_predicate(tok, jw, modal)
        if hit is None:
            continue
        judged, predicate, code = hit
        if judged.lower_ in NOT_ACTORS:
            continue  # "calling it a fraud", "what it calls its hostile policy": what is judged is elsewhere
        if code == REJECT_AGREEMENT and judged.lemma_.lower() not in jw.pacts:
            continue  # "declared the contract void": only an agreement between actors is so rejected
        if code == "111" and lemma in jw.court:
            code = LEGAL_FINDING
        if i in taken and any(c.tok.i == i and c.pat.code[:2] == code[:2] for c in found):
            continue  # "condemned the launch as reckless": the verb's own pattern says it already
        if i in taken:
            replaced.add(i)
            trace.add("match", "judgement-over-pattern", tok, "a judging predicate: the verb's own pattern misreads it")
        trace.add("match", JUDGEMENT.id, tok, f"{code}, {judged.text!r} judged")
        # the predicate is the judgement, and the judged act its object (GUIDELINES 1.1): neither is an
        # event of its own ("called the air raids a crime", "were a violation of the truce")
        replaced.update(q.i for q in (predicate, *predicate.conjuncts, judged, *judged.conjuncts) if q.i != i)
        out.append(Judgement(tok, replace(JUDGEMENT, code=code), judged=judged))
    if not out:
        return found
    return [c for c in found if c.tok.i not in replaced] + out


def judged_roles(c: Judgement, ctx: DocContext, date: str | None, trace: Trace) -> Roles:
    """The speaker, and who is judged: the judged actor, the owner of the judged act, or the act it
    points back to in the sentences before."""
    sources = [a for a in actors_of(subjects(c.tok, ctx.knowledge.words.object_control), ctx, date) if a.code]
    targets: list[Actor] = []
    via = ""
    x = c.judged
    if sources and x is not None and c.pat.code == REJECT_AGREEMENT:
        # "declared its pact with France void": the other party (not the place it is named after, "Geneva")
        parties = pobjs(x, "with") + [k for k in x.children if k.dep_ == "poss"]
        targets = [a for a in actors_of(parties, ctx, date) if not taken_by(a, sources)]
        via = "party-to-the-agreement"
    elif sources and x is not None:  # a judgement is a known speaker's ("Germans who regard X as a threat": none)
        # the judged actor or the act's owner ("India's tests"), else the act's agent ("attacks by the police")
        owners = [m for m in x.children if m.dep_ in ("amod", "compound", "nmod")
                  and (names_actor(m, ctx) or m.ent_type_ in ("GPE", "NORP", "ORG"))]  # "the Belarusian flights"
        targets = [a for a in actors_of([x], ctx, date) or actors_of(owners, ctx, date)
                   or actors_of(pobjs(x, "by"), ctx, date) if not taken_by(a, sources)]
        via = "judged"
        if not targets:
            targets, via = _anaphor(x, ctx, sources), "judged-act-in-story"
    roles = Roles(sources, targets, "judge" if sources else "", via if targets else "")
    for role, actors, how in (("source", sources, roles.source_via), ("target", targets, roles.target_via)):
        shown = ", ".join(f"{a.code or '?'} {a.text!r}" for a in actors)
        trace.add("roles", f"{role}:{how or 'none'}", c.tok, shown)
    return roles


def _anaphor(x: Token, ctx: DocContext, sources: list[Actor]) -> list[Actor]:
    """"called the raids a crime": who did the act that the definite noun names, near first (two
    sentences back), then further back when told with the same word."""
    if x.lemma_.lower() not in ctx.knowledge.event_anaphors \
            or not any(d.dep_ == "det" and d.lower_ in ANAPHOR_DETERMINERS for d in x.children) \
            or any(d.dep_ in ("poss", "compound", "amod", "nmod") and names_actor(d, ctx) for d in x.children):
        return []
    here = ctx.sentence_index(x)
    taken = {a.code for a in sources}

    def usable(a: Actor | None) -> bool:
        return a is not None and bool(a.code) and a.code not in taken

    lemma = x.lemma_.lower()
    for near in (True, False):
        for e in reversed(ctx.recent):
            if near and e.sentence_index < here - ANAPHOR_REACH:
                break
            if usable(e.source) and not e.negated and e.modality != "hypothetical" \
                    and (near or same_word(e, lemma, ctx)) and e.source is not None:
                return [e.source]
    return []
