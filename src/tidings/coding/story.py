"""The story around a sentence: what the sentences before say about an act's other party.

Wire stories name the parties of their main dyad once and then write "held talks", "declared a
ceasefire", "offered 2,000 troops" or "criticised the ban" without them. These fallbacks, tried
last by ``coding.roles`` when a sentence names no target, read the events of the sentences coded
so far (``DocContext.recent``) and the story's country (``DocContext.focus``).
"""

from __future__ import annotations

from tidings.coding.context import DocContext
from tidings.coding.syntax import effective_noun, objects, pobjs
from tidings.coding.trace import Candidate
from tidings.records import Actor, Event

__all__ = ["MEDIATION", "same_side", "same_word", "story_country", "story_partner", "story_talk_parties"]

MEDIATION = "045"  # "the exchange was brokered by the UAE": the mediator acts on the parties of the act


def same_word(e: Event, lemma: str, ctx: DocContext) -> bool:
    """Whether an event was told with the word ``lemma``: in the rule that coded it (``v.ban.import``),
    as its trigger ("a ban") or as its trigger's object ("imposed tariffs")."""
    if lemma in e.rule.split(".")[1:]:
        return True
    span = ctx.doc.char_span(e.trigger.start, e.trigger.end)
    if span is None:
        return False
    tok = span.root
    return tok.lemma_.lower() == lemma or (tok.pos_ in ("VERB", "AUX") and any(
        effective_noun(o).lemma_.lower() == lemma for o in objects(tok)))


STORY_CODES = ("07", "033", "0874")  # aid, promised aid, a pull-out: always for, or from, a country


def story_country(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """Aid or a pull-out whose recipient the sentence does not name ("Benin has offered up to 2,000
    troops", "the United States would withdraw 5,400 troops") is for, or from, the country the story
    is about: its dateline's, else most of its actors' (``DocContext.focus``), when the givers
    are all foreign to it."""
    if not c.pat.code.startswith(STORY_CODES) or not sources:
        return [], False
    country, _why = ctx.focus
    if not country or not all(a.country and a.country != country for a in sources):
        return [], False
    return [Actor(text=ctx.dateline or country, code=country, country=country, kind="state", via="story-country")], True


DYAD_CODES = ("040", "041", "044", "046", "087", "164")  # talks, truces, pull-backs: always with someone
# Acts aimed at an adversary whatever their modality: threats, sanctions and cuts in relations, force
# ("would respond with force", "imposed the duties in May", "Indian jets dropped their bombs")
AIMED_CODES = ("13", "16", "19")


def same_party(a: Actor, b: Actor) -> bool:
    """The same actor, or the same country where one of the two is the bare country."""
    return bool(a.code) and (a.code == b.code or (a.country is not None and a.country == b.country
                                                  and (a.code == a.country or b.code == b.country)))


HOST_CODES = ("036", "04")  # an offer or act of hosting or holding talks


def story_talk_parties(c: Candidate, ctx: DocContext, date: str | None,
                       sources: list[Actor]) -> tuple[list[Actor], bool]:
    """Talks that a third party hosts or offers to host ("Norway offered to host a new round of
    negotiations") are between the story's parties: those of the last event between two coded actors (not a
    mediation), when the source is neither."""
    if not c.pat.code.startswith(HOST_CODES) or c.pat.code.startswith(MEDIATION) or len(sources) != 1 \
            or not sources[0].code:  # a mediation names its parties through the mediated act (``participants``)
        return [], False
    things = [effective_noun(o) for o in objects(c.tok)]
    things += [p for t in things for p in pobjs(t, "of")]  # "a new round of negotiations"
    if not any(t.lemma_.lower() in ctx.knowledge.event_nouns for t in things):
        return [], False  # "hosted the ministers": whom it hosts is named
    src = sources[0]
    for e in reversed(ctx.recent):
        if e.source is None or e.target is None or not e.source.code or not e.target.code \
                or e.cameo == MEDIATION or same_party(e.source, e.target):
            continue
        if same_party(src, e.source) or same_party(src, e.target):
            return [], False  # a party to the talks: its partner is left to ``story_partner``
        return [e.source, e.target], True
    return [], False


def story_partner(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """Talks, a truce or a pull-back whose other party the sentence does not name ("Lighthizer held
    talks in Washington", "Peru declared a unilateral ceasefire") are with the party the source
    last dealt with in the sentences before (the story's dyad). Only for what happened: a promise
    ("would be negotiated in the next round") names its partner or has none yet. Acts aimed at an
    adversary (``AIMED_CODES``) take that party whatever their modality."""
    code = c.pat.code
    if len(sources) != 1 or not sources[0].code or not (
            code.startswith(AIMED_CODES) or (code.startswith(DYAD_CODES) and ctx.modality(c.tok)[0] == "asserted")):
        return [], False
    src = sources[0]
    for e in reversed(ctx.recent):
        if e.source is None or e.target is None or not e.source.code or not e.target.code or e.cameo == MEDIATION:
            continue  # a mediator is no party to the talks it brokers
        if same_party(src, e.source) and not same_party(src, e.target):
            partner = e.target
        elif same_party(src, e.target) and not same_party(src, e.source):
            partner = e.source
        else:
            continue
        if same_side(src, partner):
            continue  # "put the navy on alert … spoke with Merkel": a state's own forces are no partner
        return [partner], True
    return [], False


STATE_SIDE = frozenset({None, "GOV", "MIL", "COP", "SPY"})  # a state, its government and its forces


def same_side(a: Actor, b: Actor) -> bool:
    """Whether ``a`` is ``b`` or speaks for it: the same actor, or one state as a country, its
    government or its forces ("GBR" and "GBRGOV", "ISRGOV" and "ISRMIL"); a state's opposition or
    rebels are another side ("KENOPP" and "KENGOV")."""
    if (a.code or a.text) == (b.code or b.text):
        return True
    return bool(a.code and b.code and a.country) and a.country == b.country \
        and a.sector in STATE_SIDE and b.sector in STATE_SIDE
