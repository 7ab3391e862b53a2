"""Stage ``suppress``: candidates that are not events of their own.

Each rule is a named function over the sentence's candidates; it returns the candidates it drops
with the reason. The rules run in the order of ``RULES`` and each sees the drops of those before.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Token

from tidings.coding.context import DocContext
from tidings.coding.matching import purpose, trigger_objects
from tidings.coding.modality import words
from tidings.coding.syntax import QUANTITY_HEADS, RELATIVE_PRONOUNS, effective_noun, is_passive, nonrestrictive, pobjs
from tidings.coding.trace import Candidate, Trace
from tidings.docindex import deps, subtree
from tidings.tables import read_table

__all__ = ["CONTENT_ROOTS", "RULES", "suppress"]

BACKGROUND_PREPS = frozenset({"during", "after", "before", "amid", "amidst", "since", "following", "despite",
                              "ahead", "throughout", "until", "upon", "at"})
CONTAINER_ROOTS = frozenset({"01", "02", "05", "09", "10", "11", "12", "13", "14"})
CONTENT_ROOTS = frozenset({"02", "10", "12", "13", "11"})  # heads whose complement is what is asked/refused/threatened
CONTENT_NAMES = {"01": "a statement", "02": "an appeal", "05": "support", "09": "an investigation", "10": "a demand",
                 "11": "an accusation or criticism", "12": "a rejection", "13": "a threat", "14": "a protest"}
DEMAND_LEMMAS = frozenset({"demand", "call", "urge", "press", "ask", "push", "seek"})

Drops = dict[int, str]  # token index -> reason
Rule = Callable[[list[Candidate], Drops, DocContext, Trace], None]


def _by_index(cands: list[Candidate]) -> dict[int, Candidate]:
    return {c.tok.i: c for c in cands}


def object_of_verb_trigger(cands: list[Candidate], drop: Drops, ctx: DocContext, trace: Trace) -> None:
    """A verb trigger consumes the noun triggers that are its objects or constrained prepositional
    objects ("imposed sanctions": one event, from the verb)."""
    by_i = _by_index(cands)
    for c in cands:
        if c.pat.pos != "V":
            continue
        for o, n in trigger_objects(c.tok, ctx):
            for t in (o, n):
                if t.i in by_i and by_i[t.i].pat.pos == "N":
                    drop[t.i] = f"object of the verb trigger {c.tok.text!r}"
        for prep, _ in c.pat.preps:
            for p in pobjs(c.tok, prep):
                n = effective_noun(p)
                if n.i in by_i and by_i[n.i].pat.pos == "N":
                    drop[n.i] = f"{prep!r} object of the verb trigger {c.tok.text!r}"


def open_complement(cands: list[Candidate], drop: Drops, ctx: DocContext, trace: Trace) -> None:
    """A controller whose open complement is itself an event yields to it ("agreed to resume
    talks": the talks), except appeals, demands, rejections, threats and criticism, whose
    complement is their content; a pattern that names the complement consumes it."""
    by_i = _by_index(cands)
    w = ctx.knowledge.words
    for c in cands:
        if c.pat.pos != "V":
            continue
        comps = [x for x in c.tok.children if x.dep_ == "xcomp" and x.i in by_i]
        if not comps:  # "pledged to keep selling gas": through a verb that is no event itself
            comps = [y for x in c.tok.children if x.dep_ == "xcomp" and x.i not in by_i
                     for y in x.children if y.dep_ == "xcomp" and y.i in by_i]
        if not comps:
            continue
        if c.tok.lemma_.lower() in w.refusal:  # "declined to release": coded on the complement (conventions)
            drop[c.tok.i] = f"refusal coded on its complement {comps[0].text!r}"
        elif c.pat.comp:  # "attempted to assassinate": the pattern already names the complement
            for x in comps:
                if x.lemma_.lower() in c.pat.comp or c.pat.any_clause:
                    drop[x.i] = f"complement named by pattern {c.pat.id}"
        elif c.pat.code[:2] in CONTENT_ROOTS:
            for x in comps:
                drop[x.i] = f"content of {CONTENT_NAMES[c.pat.code[:2]]} ({c.tok.text!r})"
        elif c.tok.lemma_.lower() in w.intent_control | w.neg_control:
            drop[c.tok.i] = f"controller yields to its complement {comps[0].text!r}"


def content_of(cands: list[Candidate], drop: Drops, ctx: DocContext, trace: Trace) -> None:
    """What is demanded, refused, threatened, denied, investigated, praised or protested for is
    the content of that event, not an event of its own ("demanded that Britain extradite him",
    "marched to demand that the government resign", "investigating reports that troops shot …")."""
    live = [c for c in cands if c.tok.i not in drop]
    for c in live:
        root = c.pat.code[:2]
        if root not in CONTAINER_ROOTS or c.tok.i in drop:
            continue
        inside = content_tokens(c.tok)
        for g in live:
            if g is c or g.tok.i not in inside:
                continue
            if root == "14" and g.pat.code[:2] == "14":
                continue
            if root == "14" and g.pat.code[:2] not in ("02", "10") and g.tok.dep_ != "ccomp" \
                    and not _under_demand(g.tok, c.tok):
                continue
            drop[g.tok.i] = f"content of {CONTENT_NAMES[root]} ({c.tok.text!r})"


def consequence(cands: list[Candidate], drop: Drops, ctx: DocContext, trace: Trace) -> None:
    """Consequences told by a participle ("opened fire on protesters, killing two") belong to the
    main event."""
    by_i = _by_index(cands)
    for c in cands:
        if c.tok.i in drop or c.pat.code[:2] not in ("18", "19", "20") or c.tok.tag_ != "VBG" \
                or c.tok.dep_ not in ("advcl", "conj", "xcomp"):
            continue
        head = c.tok.head
        if head.i in by_i and by_i[head.i].pat.code[:2] >= "14" and head.i not in drop:
            drop[c.tok.i] = f"consequence of {head.text!r}"
            by_i[head.i].consequences.append(c)


def embedded_noun(cands: list[Candidate], drop: Drops, ctx: DocContext, trace: Trace) -> None:
    """A noun event mentioned inside another event's clause ("claimed the attack", "investigating
    the strikes") or as background ("during the visit") is not an event of its own, unless it names
    both its agent and its patient."""
    verbs = {c.tok.i for c in cands if c.pat.pos == "V" and c.tok.i not in drop}
    for c in cands:
        if c.pat.pos != "N" or c.tok.i in drop:
            continue
        outer = c.tok
        while outer.dep_ == "pobj" and outer.head.lower_ == "of" and (
                outer.head.head.lemma_.lower() in words().container or outer.head.head.lower_ in QUANTITY_HEADS):
            outer = outer.head.head  # "after two rounds of talks": the rounds are the background
        if outer.dep_ == "pobj" and outer.head.lower_ in BACKGROUND_PREPS:
            drop[c.tok.i] = f"background ({outer.head.text!r} …)"
            continue
        if fully_specified(c.tok, ctx):
            trace.add("suppress", "kept-fully-specified", c.tok, "names its agent and its patient")
            continue
        node = c.tok
        for _ in range(8):
            if node.head.i == node.i:
                break
            node = node.head
            if node.i in verbs:
                drop[c.tok.i] = f"noun event inside the clause of {node.text!r}"
                break
            if node.pos_ in ("VERB", "AUX") and node.dep_ in ("ROOT", "ccomp", "advcl", "conj", "parataxis"):
                break


def unreported_noun(cands: list[Candidate], drop: Drops, ctx: DocContext, trace: Trace) -> None:
    """A noun event is reported by its clause: as the object of a support verb ("launched an
    attack", "held talks", "ordered the arrest"), the subject of a verb of happening ("talks
    resumed", "an air strike killed five"), a predicate ("called it an assassination attempt"), or
    the head of a headline. Mentioned anywhere else — "cited joint drills", "the second attack on
    its troops", "prospects for an agreement" — it is not an event of its own."""
    w = ctx.knowledge.words
    live = {c.tok.i for c in cands if c.tok.i not in drop}
    for c in cands:
        if c.pat.pos != "N" or c.tok.i in drop:
            continue
        tok = c.tok
        while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head  # "talks and negotiations": as the first conjunct
        while tok.dep_ == "pobj" and tok.head.lower_ in ("of", "in") and (
                tok.head.head.lemma_.lower() in words().container or tok.head.head.lower_ in QUANTITY_HEADS
                or tok.head.head.like_num or tok.head.head.ent_type_ in ("MONEY", "CARDINAL")):
            tok = tok.head.head  # "ten days of drills", "$2 billion in loans"
        dep, head = tok.dep_, tok.head
        lemma = head.lemma_.lower()
        if dep in ("ROOT", "attr", "oprd") or head.i == tok.i:
            continue
        if dep in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and lemma in w.support:
            continue
        if dep in ("nsubj", "csubj") and head.pos_ in ("VERB", "AUX") and lemma in w.happen:
            continue
        if dep == "pobj" and head.head.pos_ in ("VERB", "AUX") and head.head.lemma_.lower() in w.support:
            continue  # "took part in talks", "went ahead with the strike"
        if dep == "pobj" and fully_specified(c.tok, ctx):
            continue
        if dep == "pobj" and head.lower_ == "for" and head.head.i in live:
            continue  # "a trip to Moscow for a meeting with Putin": the purpose of an event that happened
        drop[c.tok.i] = f"noun mentioned as {dep} of {head.text!r}, not reported as happening"


def discussion_topic(cands: list[Candidate], drop: Drops, ctx: DocContext, trace: Trace) -> None:
    """What people talk, negotiate or think about is a topic, not an act ("talked about working
    together more closely", "negotiations on releasing the hostages", "the idea of sending troops")."""
    topics = ctx.knowledge.words.topic
    for c in cands:
        tok = c.tok
        if tok.i in drop or tok.dep_ not in ("pcomp", "pobj") or tok.head.lower_ not in ("about", "on", "over", "of", "for"):
            continue
        head = tok.head.head
        while head.dep_ == "conj" and head.head.i != head.i and head.lemma_.lower() not in topics:
            head = head.head
        if head.lemma_.lower() in topics and (tok.dep_ == "pcomp" or tok.tag_ == "VBG"):
            drop[tok.i] = f"topic of {head.text!r}, not an act"


def other_sense(cands: list[Candidate], drop: Drops, ctx: DocContext, trace: Trace) -> None:
    """A verb in another sense than the act its patterns code, told by its object or by the verb its
    complement carries ("met its obligations", "released photographs", "asked not to be named"),
    unless the matched pattern names that object itself ("received a call from" is 041)."""
    senses = other_senses()
    for c in cands:
        tok = c.tok
        if tok.i in drop or c.pat.pos != "V":
            continue
        objs = senses.get(tok.lemma_.lower())
        if not objs:
            continue
        heads = [effective_noun(o) for o in tok.children if o.dep_ in ("dobj", "nsubjpass")]
        heads += [v for x in tok.children if x.dep_ in ("xcomp", "ccomp") for v in (x, *x.children)
                  if v.dep_ in ("xcomp", "ccomp", "auxpass", "dobj")]
        hit = next((h for h in heads if h.lemma_.lower() in objs), None)
        if hit is not None and not (c.pat.obj and hit.lemma_.lower() in c.pat.obj):
            # a pattern written for that very object codes that sense ("received assurances from")
            drop[tok.i] = f"{tok.lemma_.lower()} {hit.lemma_.lower()!r}: another sense, not the act"


def adjectival_participle(cands: list[Candidate], drop: Drops, ctx: DocContext, trace: Trace) -> None:
    """A past participle that only describes a noun, with no agent of its own, is not an event
    ("troops stationed in Syria", "rebels opposed to the president", "goods imported from
    Pakistan"), nor is a passive relative clause without one ("a journalist who was jailed in
    2014"); with its agent it is ("an exchange brokered by the UAE", GUIDELINES 1.1). Kept on the
    object of another event ("lifted sanctions imposed on Eritrea"), whose target it tells."""
    verbs = {c.tok.i for c in cands if c.pat.pos == "V"}
    for c in cands:
        tok = c.tok
        if tok.i in drop or c.pat.pos != "V":
            continue
        if tok.dep_ == "relcl" and is_passive(tok) and not pobjs(tok, "by") and any(
                x.dep_ == "nsubjpass" and x.lower_ in RELATIVE_PRONOUNS for x in tok.children):
            # "a journalist who was detained last year" tells no more than "a detained journalist"
            drop[tok.i] = f"passive relative clause describing {tok.head.text!r}, with no agent"
            continue
        if tok.dep_ != "acl" or tok.tag_ != "VBN":
            continue
        if any(x.dep_ in ("agent", "dobj", "prt") for x in tok.children):
            continue  # an agent, or an object a passive cannot have: a main verb the parser hung on its subject
        noun = tok.head
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.i in verbs:
            continue  # "lifted sanctions imposed on Eritrea": the participle tells the act's target (roles)
        if noun.dep_ == "attr" and any(x.dep_ == "expl" for x in noun.head.children):
            continue  # "there were ten soldiers killed": the participle is what happened
        drop[tok.i] = f"participle describing {tok.head.text!r}, with no agent"


def purpose_clause(cands: list[Candidate], drop: Drops, ctx: DocContext, trace: Trace) -> None:
    """What an event is done for is its purpose, not an event that happened ("deployed soldiers **to
    quell** protests", "pledged $300 million **to support** the mission", "will meet Xi **to discuss**
    trade"): an infinitival purpose clause of a verb trigger is not coded on its own, unless it is a
    protest, which says what the action is against ("went on strike to protest against the law")."""
    verbs = {c.tok.i for c in cands if c.pat.pos == "V" and c.tok.i not in drop}
    for c in cands:
        tok = c.tok
        if tok.i in drop or tok.head.i == tok.i:
            continue
        if tok.head.i not in verbs and not (tok.head.pos_ == "VERB" and "03" <= c.pat.code[:2] <= "08"):
            continue  # of any verb, help is a purpose ("raised taxes to help the government"); acts of conflict only of a trigger
        if purpose(tok) and c.pat.code[:2] != "14":  # "went on strike to protest against X": what the protest is
            drop[tok.i] = f"purpose of {tok.head.text!r}, not an event of its own"


@lru_cache(maxsize=1)
def other_senses() -> dict[str, frozenset[str]]:
    """data/other_senses.tsv: verb lemma -> the objects that give it another sense."""
    return {row["lemma"]: frozenset(row["objects"].split("|")) for row in read_table("other_senses.tsv",
                                                                                   columns=("lemma", "objects", "note"))}



RULES: tuple[Rule, ...] = (object_of_verb_trigger, other_sense, adjectival_participle, open_complement, content_of,
                           purpose_clause, discussion_topic, consequence, embedded_noun, unreported_noun)


_RULE_NAMES = tuple(rule.__name__.replace("_", "-") for rule in RULES)


def suppress(cands: list[Candidate], ctx: DocContext, trace: Trace) -> list[Candidate]:
    if not cands:
        return cands
    drop: Drops = {}
    for rule, name in zip(RULES, _RULE_NAMES, strict=True):
        before = len(drop)
        rule(cands, drop, ctx, trace)
        if len(drop) > before:  # rules only add
            for i in sorted(set(list(drop)[before:])):
                trace.add("suppress", name, i, drop[i])
    return [c for c in cands if c.tok.i not in drop]


def fully_specified(noun: Token, ctx: DocContext) -> bool:
    """A noun event that names both its agent (a possessor) and its patient ("of"/"on"/"against")."""
    from tidings.coding.roles import actors_of

    agent = [c for c in noun.children if c.dep_ == "poss"]
    patient = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "to", "with")
               for p in c.children if p.dep_ == "pobj"]
    return bool(agent and patient and actors_of(agent, ctx, None) and actors_of(patient, ctx, None))


def content_tokens(tok: Token) -> set[int]:
    """Tokens of a trigger's clausal complements and of the clauses hanging on its object, less the
    writer's asides in them ("urged Beijing to release Cheng Lei, who was detained in 2020": the
    detention is told as a fact, not demanded)."""
    doc = tok.doc
    labels = deps(doc)
    out: set[int] = set()
    for c in tok.children:
        purpose = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        if c.dep_ == "ccomp" and c.i < tok.i and (_charge_aside(c, tok) or any(d.dep_ == "dobj" for d in tok.children)):
            # "India accused Pakistan of …, a charge Islamabad denies": the main clause, misattached;
            # "a bomb killed 30; a group claimed the attack": the object is what is claimed
            continue
        if c.dep_ in ("ccomp", "xcomp") or purpose:  # "marched to demand …"; not "…, accusing Paris"
            out.update(subtree(doc, c.i))
        elif c.dep_ in ("dobj", "nsubjpass", "pobj") or (c.dep_ == "prep" and c.lower_ in ("for", "of", "to", "into", "over", "about", "on")):
            for t in subtree(doc, c.i):
                if labels[t] in ("acl", "relcl", "ccomp", "pcomp", "xcomp") and t != c.i:
                    out.update(subtree(doc, t))
    asides = [i for i in range(min(out, default=0), max(out, default=-1) + 1)
              if i in out and labels[i] == "relcl" and nonrestrictive(doc[i])]
    for i in asides:
        out.difference_update(subtree(doc, i))
    return out


def _charge_aside(clause: Token, verb: Token) -> bool:
    """Whether ``verb`` closes the sentence as an aside on the clause before it, "…, a charge
    Islamabad denies" / "…, a claim the army disputes": an indefinite noun after the clause, then
    the aside's own subject (not "…, a UN official demanded", where the noun is the subject)."""
    for n in verb.children:
        if n.dep_ in ("dobj", "nsubj") and clause.i < n.i < verb.i \
                and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in n.children) \
                and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in verb.doc[n.i + 1:verb.i]):
            return True
    return False


def _under_demand(tok: Token, container: Token) -> bool:
    node = tok
    while node.i != container.i and node.head.i != node.i:
        if node.lemma_.lower() in DEMAND_LEMMAS:
            return True
        node = node.head
    return False
