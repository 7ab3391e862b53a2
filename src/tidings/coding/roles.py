"""Stage ``roles``: the source and target of a trigger.

Slots follow the pattern (``docs/lexicon.md``). When they give no source, the governing verb or
noun may; when they give no target, the fallback strategies in ``TARGET_FALLBACKS`` are tried in
order. Sector-only actors get a country from the place of the event or from the state acting on
its own people (``localise``). Every choice is recorded with the strategy's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import permutations

from spacy.tokens import Token

from tidings.coding.context import DocContext
from tidings.coding.matching import NOUN_POS, trigger_objects
from tidings.coding.modality import words
from tidings.coding.story import MEDIATION, same_word, story_country, story_partner, story_talk_parties
from tidings.coding.suppression import CONTENT_ROOTS
from tidings.coding.syntax import RELATIVE_PRONOUNS, datives, effective_noun, message_sender, objects, pobjs, subjects
from tidings.coding.trace import Candidate, Trace
from tidings.docindex import subtree
from tidings.places.locate import is_party
from tidings.records import Actor

__all__ = ["Roles", "actors_of", "askers", "distinct_named", "find_roles", "localise", "one_way", "pairs", "reported_subject"]

DEFAULT_SOURCE = {"V": ("subj",), "N": ("poss", "by")}
DEFAULT_TARGET = {"V": ("obj", "iobj"), "N": ("on", "against", "to", "with", "between")}
DESTINATION_PREPS = frozenset({"to", "into", "in", "at"})
PLACE_PREPS = frozenset({"in", "at", "near", "across", "inside", "outside", "on", "from", "into", "over"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "across", "along", "around", "outside"})
TARGET_PREPS = frozenset({"on", "about", "over", "into", "of", "with", "to", "for", "against", "from", "regarding",
                          "toward", "towards", "between", "upon"})
DOMESTIC_TARGETS = frozenset({"CVL", "OPP", "LAB", "EDU", "MED", "REL", "HLH", "AGR", "BUS"})
STATE_AGENTS = frozenset({"GOV", "COP", "JUD", "LEG"})  # the state acting at home on its own people
STATE_FORCES = frozenset({"GOV", "MIL", "COP", "SPY"})
HOME_GROUPS = frozenset({"REB", "UAF", "OPP"})  # groups that act on the state they belong to


@dataclass
class Roles:
    sources: list[Actor]
    targets: list[Actor]
    source_via: str = ""
    target_via: str = ""


ARMED = frozenset({"REB", "UAF", "CRM"})
NAMED_KINDS = frozenset({"person", "organization", "group"})


def _by_name(a: Actor) -> bool:
    return a.via == "name" or a.via.startswith("coreference")


def distinct_named(a: Actor, b: Actor) -> bool:
    """Two different named people or bodies ("Putin praised Lavrov", "Ghani offered the Taliban a
    truce") are two actors even when their codes are the same; a state, a sector or a pronoun is not."""
    return (a.kind in NAMED_KINDS and b.kind in NAMED_KINDS and _by_name(a) and _by_name(b)
            and a.name is not None and b.name is not None and a.name != b.name) \
        or _group_and_state_body(a, b) or _group_and_state_body(b, a) or _two_groups(a, b)


def _two_groups(a: Actor, b: Actor) -> bool:
    """Two groups of unarmed people named by different nouns ("herders clashed with farmers",
    "shareholders sued the company") are two actors even when they share a sector and a country; state
    bodies are not ("police arrested officers"), nor armed men told twice ("attackers … a suicide
    bomber")."""
    def noun(x: Actor) -> str | None:
        if not x.via.startswith("agent") or x.sector is None or x.sector in STATE_FORCES | STATE_AGENTS | ARMED:
            return None
        words = x.text.lower().split()
        return words[-1].rstrip("s") if words else None
    na, nb = noun(a), noun(b)
    return na is not None and nb is not None and na != nb


def _group_and_state_body(a: Actor, b: Actor) -> bool:
    """A named armed or political group and a state body described by its office ("the Taliban
    turned down a proposal from the Afghan government", "the RSF clashed with the army") are two actors
    even when the group's status that day gives it the state's code."""
    return a.kind == "group" and _by_name(a) and a.name is not None and not _by_name(b) \
        and b.kind != "person" and b.sector in STATE_FORCES


def taken_by(a: Actor, sources: list[Actor]) -> bool:
    """The target is the source itself (same code, or same text when uncoded) and not another named one."""
    return any((a.code or a.text) == (s.code or s.text) and not distinct_named(a, s) for s in sources)


def gapped(clause: Token, own: bool = False) -> bool:
    """An active relative clause with a subject of its own whose object is the noun it describes
    ("the duties **it imposed** on barley", "the aid that Berlin promised to Kyiv"); ``own``: the
    subject is a pronoun, the actor's own earlier act ("the troops it had sent")."""
    kids = list(clause.children)
    return any(k.dep_ == "nsubj" and k.lower_ not in RELATIVE_PRONOUNS and (k.pos_ == "PRON" or not own)
               for k in kids) \
        and all(k.dep_ not in ("dobj", "nsubjpass") or k.lower_ in RELATIVE_PRONOUNS for k in kids)


def slot(c: Candidate, spec: str, ctx: DocContext) -> list[Token]:
    """The tokens a pattern slot points at (``subj``, ``obj``, ``iobj``, ``poss`` or a preposition)."""
    tok, pat = c.tok, c.pat
    if spec == "none":
        return []
    if spec == "subj":
        return subjects(tok, ctx.knowledge.words.object_control) if pat.pos == "V" else []
    if spec == "obj":
        # the object may be the named thing itself ("impose sanctions"): it then resolves to no
        # actor and its possessor is tried ("rejected Moscow's plan")
        return objects(tok) if pat.pos == "V" else []
    if spec == "iobj":
        return datives(tok) if pat.pos == "V" else []
    if spec == "poss":
        if pat.pos == "V":  # the owner of the object: "recognised Kosovo's independence"
            return [x for o in objects(tok) for x in effective_noun(o).children if x.dep_ == "poss"]
        out = [x for x in tok.children if x.dep_ == "poss"]
        # "US sanctions", "Russian attack": only modifiers that name an actor, not "military presence"
        out += [x for x in tok.children if x.dep_ in ("compound", "amod", "nmod")
                and (names_actor(x, ctx) or (x.pos_ == "PROPN" and x.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")))]
        return out
    hosts = [tok]
    if pat.pos == "V":
        hosts += list(objects(tok))
        hosts += [x for x in tok.children if x.dep_ in ("prt", "prep", "advmod") and x.lower_ == pat.prt]
        # "delivered the tanks it promised to Kyiv": a relative clause whose gap is the object
        hosts += [r for o in objects(tok) for r in o.children if r.dep_ == "relcl" and gapped(r)]
        # "spoke by telephone with Merkel": the partner hangs on the pattern's own prepositional object
        hosts += [p for prep, allowed in pat.preps for p in pobjs(tok, prep)
                  if allowed is None or p.lemma_.lower() in allowed]
    elif tok.dep_ in ("dobj", "pobj", "nsubjpass") and tok.head.pos_ in ("VERB", "ADP"):
        hosts.append(tok.head if tok.head.pos_ == "VERB" else tok.head.head)
        # "announced $45 million in aid to flood victims": the amount carries the noun to its verb
        amount = _amount_of(tok)
        if amount is not None and amount.dep_ in ("dobj", "nsubjpass") and amount.head.pos_ == "VERB":
            hosts.append(amount.head)
    found: list[Token] = []
    for h in hosts:
        found.extend(pobjs(h, spec))
    return found


# transfers of goods, money, people or property: the target is the recipient (not the thing given)
TRANSFER_CODES = ("06", "07", "033", "0842")
PROTECTION_CODES = frozenset({"074", "0334"})
RECIPIENT_PLACE_PREPS = frozenset({"in", "inside", "across", "throughout", "at"})


# acts that send or give something: what is sent (troops, jets, a team of doctors) is never the target
SENDING_CODES = (*TRANSFER_CODES, "153", "154")


def is_transfer(code: str) -> bool:
    return code.startswith(TRANSFER_CODES)


def sends(code: str) -> bool:
    return code.startswith(SENDING_CODES)


def _recipient_place(toks: list[Token], ctx: DocContext, date: str | None) -> list[Actor]:
    """The states that a recipient's own phrase places it in: "families affected by floods in Pakistan",
    "people in need in Tigray", "refugees in Jordan and Lebanon" (their names, as place targets)."""
    out: list[Actor] = []
    frontier = list(toks)
    for _ in range(4):  # the noun, its participle or preposition, the agent's phrase, its place
        nxt: list[Token] = []
        for node in frontier:
            for x in node.children:
                if x.dep_ == "prep" and x.lower_ in RECIPIENT_PLACE_PREPS:
                    for p in (q for q in x.children if q.dep_ == "pobj"):
                        for q in (p, *p.conjuncts):
                            named = ctx.place_named(q, date)
                            if named and all(a.country != named[0] for a in out):
                                out.append(Actor(text=named[1], code=named[0], country=named[0], kind="state",
                                                 via="recipient-place"))
                        nxt.append(p)
                elif x.dep_ in ("acl", "agent", "pobj", "pcomp") or (x.dep_ == "prep" and x.lower_ in ("by", "from", "of")):
                    nxt.append(x)
        if out:
            return out
        frontier = nxt
    return out


def _amount_of(tok: Token) -> Token | None:
    """The amount a noun is counted by ("$45 million in aid", "tonnes of food"), or None."""
    amount = tok
    while amount.dep_ == "pobj" and amount.head.lower_ in ("in", "of") and amount.head.head.i != amount.i \
            and effective_noun(amount.head.head) == amount:
        amount = amount.head.head
    return None if amount is tok else amount


def kind_adjectives(noun: Token) -> set[str]:
    """Adjectives that say what kind of thing a noun is ("military aid", "humanitarian supplies"),
    not whose it is ("American aid", "Afghan army base")."""
    return {m.text for m in noun.children if m.dep_ == "amod" and m.pos_ == "ADJ"
            and m.ent_type_ not in ("NORP", "GPE", "ORG")}


def _kind_only(a: Actor, kinds: set[str]) -> bool:
    """A bare sector read off a kind adjective ("a military" in "a military pact"; not "a multinational
    police force", whose head is the actor)."""
    return bool(kinds) and a.code == a.sector and a.text.split()[-1] in kinds


def names_actor(tok: Token, ctx: DocContext) -> bool:
    m = ctx.actors.at.get(tok.i)
    return m is not None and m.kind == "name"


def actors_of(toks: list[Token], ctx: DocContext, date: str | None) -> list[Actor]:
    """The actors a list of noun-phrase heads refer to, each resolved once (conjuncts with their head)."""
    resolver = ctx.actors
    out: list[Actor] = []
    covered: set[int] = set()
    for t in toks:
        if t.i in covered:
            continue  # a conjunct already resolved with its head ("fighters and allied militias")
        covered.update(x.i for x in t.conjuncts)
        if t.lemma_.lower() in words().proxy:
            continue  # "on Kenya's behalf": whom the source acts for, not an actor acted on
        t = effective_noun(t)  # "thousands of protesters", "some 40 migrants"
        if t.dep_ in ("amod", "compound", "nmod", "poss") and t.head.pos_ in NOUN_POS and t.head.i != t.i \
                and t.head.i not in {x.i for x in toks}:
            found = resolver.resolve_modifier(t, date)
        else:
            found = resolver.resolve(t, date)
        if not found:
            # "sanctions on his suppression of protesters": the possessor is the target
            for p in (x for x in t.children if x.dep_ == "poss"):
                found = resolver.resolve(p, date)
        if t.pos_ == "NOUN" and all(a.code is None for a in found):
            # "partners like Saudi Arabia", "countries such as Iran", "donors including Japan": the examples
            # (also of a group no code fits: "seven Latin American countries, including Chile")
            examples = [a for p in (x for x in t.children if x.dep_ == "prep" and _is_example(x))
                        for a in actors_of([q for q in p.children if q.dep_ == "pobj"], ctx, date)
                        if a.code and a.code != a.sector]  # named ones: not "ships like tankers"
            found = examples or found
        if not found and t.pos_ == "NOUN" and t.lemma_.lower() in ctx.knowledge.event_nouns:
            # "a Myanmar military air strike killed …": the event noun's modifiers name its agent
            found = resolver.modifier_actor(t, date)
        for a in found:
            if all(a != b for b in out):
                out.append(a)
    return out


# sectors of people who come from a state and act for it ("expelled diplomats from Poland"): not
# forces, whose "from" is where they leave ("pulled troops from Syria")
FROM_STATE_SECTORS = frozenset({"GOV", "SPY", "LEG", "JUD"})


def _from_state(tok: Token, targets: list[Actor], ctx: DocContext, date: str | None,
                sources: list[Actor]) -> list[Actor]:
    """"expelled diplomats from Poland", "summoned envoys from three EU states, including Italy": a
    bare-sector object is the sector of each state its "from" phrase names (on the object or, as
    the parser often hangs it, on the verb)."""
    sector = targets[0].sector
    heads = [o for o in objects(tok) if o.pos_ == "NOUN"]
    states = [a for h in (*heads, tok) for a in actors_of(pobjs(h, "from"), ctx, date)
              if a.country and a.code == a.country and not taken_by(a, sources)]
    out: list[Actor] = []
    for a in states:
        if a.country and all(b.country != a.country for b in out):
            out.append(Actor(text=a.text, code=a.country + (sector or ""), country=a.country, sector=sector,
                             name=a.name, kind="state", via="sector-from-state"))
    return out


def _is_example(prep: Token) -> bool:
    """A preposition that introduces examples of its head noun: "like", "including", "such as"."""
    return prep.lower_ in ("like", "including") or (prep.lower_ == "as" and any(
        x.lower_ == "such" for x in (*prep.children, prep.doc[prep.i - 1])))


def _source_from_context(c: Candidate, ctx: DocContext, date: str | None, src_spec: tuple[str, ...]) -> tuple[list[Actor], str]:
    """A source the pattern's slots did not give: the lender named by the object's modifier, or for
    a noun trigger the agent of the verb or noun that governs it."""
    words = ctx.knowledge.words
    if c.pat.pos == "V" and c.pat.obj:
        # "Belarus will receive new Russian loans": the lender named by the object's modifier
        for _obj, n in trigger_objects(c.tok, ctx):
            mods = [x for x in n.children if x.dep_ in ("poss", "amod", "compound") and names_actor(x, ctx)]
            if mods and "from" in src_spec:
                return actors_of(mods, ctx, date), "object-modifier"
    if c.pat.pos == "V":
        tok = c.tok
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ == "dobj" and tok.head.head.pos_ == "VERB":
            # "issued a statement urging Kyiv to …", "sent a letter calling on Rome to …": the issuer
            found = actors_of(subjects(tok.head.head, words.object_control), ctx, date)
            if found:
                return found, "agent-of-governing-verb"
        for subj in (s for s in tok.children if s.dep_ == "nsubj" and s.pos_ == "NOUN"):
            # "a truck bomb set off by the Islamic State killed …", "missiles fired by the army struck …": the
            # subject is the act or the weapon; its by-agent acted
            agents = pobjs(subj, "by") + [p for a in subj.children if a.dep_ == "acl" and a.tag_ == "VBN"
                                          for p in pobjs(a, "by")]
            found = actors_of(agents, ctx, date)
            if found:
                return found, "agent-of-subject"
    if c.pat.pos == "N":
        tok = c.tok
        while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in words.container:
            tok = tok.head.head  # "began ten days of drills": the drills go with "began"
        while tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of") and effective_noun(tok.head.head) == tok \
                and tok.head.head.i != tok.i:
            tok = tok.head.head  # "announced $5 million in aid": the aid goes with "announced"
        # a noun event governed by a verb takes the verb's agent ("launched an attack")
        if tok.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and tok.head.pos_ in ("VERB", "AUX"):
            return actors_of(subjects(tok.head, words.object_control), ctx, date), "agent-of-governing-verb"
        if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" and tok.head.lower_ in ("for", "in", "into", "to"):
            return actors_of(subjects(tok.head.head, words.object_control), ctx, date), "agent-of-governing-verb"
        if tok.dep_ == "pobj" and tok.head.head.pos_ in NOUN_POS:
            # "Lukashenko's trip to Moscow for a meeting with Putin": the meeting is Lukashenko's
            gov = tok.head.head
            return actors_of([x for x in gov.children if x.dep_ == "poss"], ctx, date), "possessor-of-governing-noun"
    return [], ""


def find_roles(c: Candidate, ctx: DocContext, date: str | None, trace: Trace) -> Roles:
    pat = c.pat
    src_spec = pat.source or DEFAULT_SOURCE[pat.pos]
    tgt_spec = pat.target or DEFAULT_TARGET[pat.pos]
    sources: list[Actor] = []
    source_via = ""
    for spec in src_spec:
        sources = actors_of(slot(c, spec, ctx), ctx, date)
        if sources:
            source_via = f"slot {spec}"
            break
    if not sources:
        sources, source_via = _source_from_context(c, ctx, date, src_spec)
    targets: list[Actor] = []
    target_via = ""
    for spec in tgt_spec:
        if spec == "between":
            pair = actors_of(slot(c, "between", ctx), ctx, date)
            if len(pair) >= 2 and not sources:
                roles = Roles(pair, [], "between", "")
                _record(roles, c, trace)
                return roles
            continue
        toks = slot(c, spec, ctx)
        targets = actors_of(toks, ctx, date)
        if targets and is_transfer(pat.code) and spec != "obj" and (
                all(a.code == a.sector and a.sector for a in targets)
                or (pat.code in PROTECTION_CODES and all((a.code or "").startswith("IGO") for a in targets))):
            # "aid to families displaced by floods in Pakistan": people of no country that the phrase
            # places in a state are that state's (its name is the recipient); troops for "the UN force
            # in Mali" protect Mali (GUIDELINES 07: the country protected, not the mission)
            targets = _recipient_place(toks, ctx, date) or targets
        if spec == "obj" and pat.obj and targets:
            # "delivered military aid", "sent humanitarian supplies": a bare sector read off the
            # named thing's adjective says what kind of thing it is, not who receives it (an owner
            # noun does: "rejected union demands")
            things = [effective_noun(o) for o in objects(c.tok)]
            things = [n for n in things if n.lemma_.lower() in pat.obj]
            kinds = {k for n in things for k in kind_adjectives(n)}
            targets = [a for a in targets if a.text not in kinds]
            if sends(pat.code) and things:
                # "sent fighter jets", "sent a team of doctors": the thing given is no recipient
                given = [a for a in actors_of(things, ctx, date) if a.code == a.sector]
                targets = [a for a in targets if all(a != g for g in given)]
        if spec in LOCATIVE_PREPS:  # "in Aleppo": a place is a target only when it names a state
            targets = [a for a in targets if a.code]
        if spec == "obj" and targets and all(a.code and a.code == a.sector and a.sector in FROM_STATE_SECTORS
                                             for a in targets):
            targets = _from_state(c.tok, targets, ctx, date, sources) or targets
        if targets and len(sources) == 1 and all(taken_by(a, sources) for a in targets):
            targets = []  # "imposed its first tariffs on …": the source's own possessive is no target
        if targets:
            target_via = f"slot {spec}"
            if pat.code[:3] == "042" and (spec in DESTINATION_PREPS or spec == "obj"):
                # "flew to Brussels", "will travel to Washington": the city visited is a place, so the
                # host is its state, not the government or body the city's name also stands for
                toks = slot(c, spec, ctx)
                places = [ctx.actors.as_place(t, date) for t in toks]
                if len(places) == len(targets) and all(places):
                    targets = [p for p in places if p is not None]
            break
    if not targets and "none" not in tgt_spec:
        for fallback in TARGET_FALLBACKS:
            targets, stop = fallback(c, ctx, date, sources)
            if targets or stop:
                target_via = fallback.__name__.replace("_", "-") if targets else ""
                break
    if not targets and sources and pat.pos == "V" and pat.code.startswith(tuple(PATIENT_CODES)):
        # "deported an elderly man", "freed 37 prisoners": whom the act is done to, kept as text
        # when no actor code fits (as an unknown source is), so that the dyad is not lost
        # (not a definite "the man": an anaphor whose referent, if known, the resolver would have given)
        people = [o for o in objects(c.tok) if effective_noun(o).pos_ == "NOUN"
                  and effective_noun(o).lemma_.lower() not in ctx.knowledge.event_nouns
                  and not any(d.dep_ in ("det", "poss") and d.lower_ in ANAPHOR_DETERMINERS | {"his", "her", "their", "its"}
                              for d in o.children)]
        if people:
            left, right = ctx.actors.np_range(people[0])
            targets = [Actor(text=c.tok.doc[left:right].text, code=None, kind="group", via="unknown-patient")]
            target_via = "patient-as-text"
    if c.consequences and all(a.code and a.code == a.country for a in targets):
        # "opened fire on a wedding party, killing 12 guests": the victims of the consequence are
        # the target; a state named as where it happened ("bombarded part of Aleppo") localises them
        victims = [a for cons in c.consequences for a in actors_of(slot(cons, "obj", ctx), ctx, date)]
        if victims:
            states = {a.country for a in targets if a.country}  # all set: each code is its country
            if len(states) == 1:
                country = states.pop()
                victims = [Actor(text=v.text, code=country + (v.sector or ""), country=country, sector=v.sector,
                                 name=v.name, kind=v.kind, via="victims-in-state")
                           if v.country is None and v.code == v.sector else v for v in victims]
            targets, target_via = victims, "victims-of-consequence"
    roles = Roles(sources, targets, source_via, target_via)
    _record(roles, c, trace)
    return roles


def _record(roles: Roles, c: Candidate, trace: Trace) -> None:
    for role, actors, via in (("source", roles.sources, roles.source_via), ("target", roles.targets, roles.target_via)):
        if actors:
            shown = ", ".join(f"{a.code or '?'} {a.text!r}" + (f" [{a.via}]" if a.via else "") for a in actors)
            trace.add("roles", f"{role}:{via}", c.tok, shown)
        else:
            trace.add("roles", f"{role}:none", c.tok)


# -- target fallbacks: each returns (targets, stop) -------------------------------------------------
Fallback = Callable[[Candidate, DocContext, str | None, list[Actor]], tuple[list[Actor], bool]]


def reciprocal_sources(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """"Kenya and China signed a deal": coordinated sources are each other's target, so no other;
    not when they act together on a thing ("US and British jets struck Houthi targets")."""
    if len(sources) == 2 and (mutual(c) or distributive(c, ctx)):
        return list(sources), True  # "each government accused the other", "each side freed 22 prisoners"
    return [], len(sources) >= 2 and is_reciprocal(c.pat.code, ctx) and not one_way(c, c.pat.code, ctx)


def distributive(c: Candidate, ctx: DocContext) -> bool:
    """"Each side freed 22 prisoners", "each country expelled ten diplomats": the subject is one of
    two parties in turn, and what it does it does to the other."""
    return c.pat.pos == "V" and any(d.dep_ == "det" and d.lower_ == "each" for s in subjects(c.tok, ctx.knowledge.words.object_control)
                                    for d in s.children)


def mutual(c: Candidate) -> bool:
    """"Each government accused the other", "they blamed each other", "accused one another": the
    object is the subjects themselves, in turn."""
    if c.pat.pos != "V":
        return False
    for o in objects(c.tok):
        low = o.lower_
        if low == "other" and any(d.lower_ in ("the", "each", "one") for d in o.children):
            return True
        if low in ("other", "another") and o.i > 0 and o.doc[o.i - 1].lower_ in ("each", "one", "the"):
            return True
        if low in ("each", "one") and o.i + 1 < len(o.doc) and o.doc[o.i + 1].lower_ in ("other", "another"):
            return True
    return False


def one_way(c: Candidate, code: str, ctx: DocContext) -> bool:
    """A conflictual verb with a direct object acts on it, not between its coordinated subjects:
    any object when the pattern names none, else an object that is a thing rather than the act
    itself ("struck rebel positions", but "exchanged accusations")."""
    if c.pat.pos != "V" or code[:2] < "11":
        return False
    objs = objects(c.tok)
    return bool(objs) and (not c.pat.obj or any(
        o.pos_ in NOUN_POS and effective_noun(o).lemma_.lower() not in ctx.knowledge.event_nouns for o in objs))


PURPOSE_PREPS = ("of", "to", "against", "on")  # whom a demanded thing concerns ("the resignation of X")
PROTESTED_PREPS = ("against", "at", "over")  # what a protest opposes ("a strike against X's reform")


def protest_purpose(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """"rallied to demand that the government resign": the addressee of the protest's purpose."""
    if c.pat.code[:2] != "14":
        return [], False
    taken = {a.code or a.text for a in sources}
    for x in c.tok.children:
        if x.dep_ == "advcl" and (any(a.tag_ == "TO" for a in x.children) or x.tag_ == "VBG"):
            cands = [s for cc in x.children if cc.dep_ == "ccomp" for s in cc.children if s.dep_ in ("nsubj", "nsubjpass")]
            asked = [o for o in x.children if o.dep_ == "dobj"] + pobjs(x, "for")
            # "to demand the resignation of the prime minister", "calling for an end to the general's
            # rule": the authority the demanded thing concerns (or its owner); not the people whose
            # release is demanded, who are not addressed
            concerned = [p for o in asked for prep in PURPOSE_PREPS for p in pobjs(effective_noun(o), prep)]
            for toks, authority in ((cands + asked, False), (concerned, True)):
                found = [a for a in actors_of(toks, ctx, date) if (a.code or a.text) not in taken and a.code
                         and (not authority or a.code == a.country or a.sector in STATE_AGENTS | STATE_FORCES)]
                if found:
                    return found, True
    # "walked out in a strike against the government's pension reform", "fasted in protest at laws
    # passed by parliament": whom the protest the act is part of is against (the owner or author of
    # what it opposes)
    opposed = [p for x in c.tok.children if x.dep_ == "prep" and x.lower_ in ("in", "as")
               for n in x.children if n.dep_ == "pobj" and n.lemma_.lower() in ctx.knowledge.event_nouns
               for prep in PROTESTED_PREPS for p in pobjs(n, prep)]
    authors = [b for p in opposed for v in p.children if v.dep_ == "acl" and v.tag_ == "VBN" for b in pobjs(v, "by")]
    for toks in (opposed, authors):
        found = [a for a in actors_of(toks, ctx, date) if (a.code or a.text) not in taken and a.code]
        if found:
            return found, True
    return [], False


OUTLOOK_CODES = frozenset({"012", "013"})  # pessimism, optimism: the target is whom the outlook concerns


CONTENT_AIM = ("on", "against", "to", "with")  # whom the act inside a content clause is aimed at


def content_subject(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """"demanded that Britain extradite …": the subject of what is asked, refused or threatened."""
    outlook = c.pat.code in OUTLOOK_CODES and bool(sources)
    if c.pat.code[:2] not in CONTENT_ROOTS and not outlook:
        return [], False
    # "called for Britain to stay": a for-to clause is what is asked of its subject; the clause of a
    # light verb naming the outlook ("expressed optimism on Monday that Kyiv would …") is its content
    clauses = [x for x in c.tok.children if x.dep_ in ("ccomp", "xcomp") and (not outlook or c.pat.obj)
               or (x.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in x.children))]
    if c.pat.pos == "V":  # "expressed optimism that Kyiv would …": the clause of the object noun
        clauses += [x for o in objects(c.tok) for x in effective_noun(o).children if x.dep_ in ("acl", "ccomp")]
    elif c.tok.pos_ in NOUN_POS:
        clauses += [x for x in c.tok.children if x.dep_ in ("acl", "ccomp")]
    # a threat by the state itself (or its government): its own state in the content is itself ("warned
    # that Britain would …"); an appeal for one's own country to act ("called for Britain to stay")
    # is addressed to it
    threat = c.pat.code[:2] == "13"
    own = {a.country for a in sources if a.country} if threat and all(
        a.country and (a.code == a.country or a.sector in STATE_FORCES) for a in sources) else set()

    def other(a: Actor) -> bool:  # a coded actor, not the source, nor (for a state body) its own state or forces
        return bool(a.code) and not taken_by(a, sources) and not (
            a.country in own and (a.code == a.country or a.sector in STATE_FORCES))

    for x in clauses:
        subj = [s for s in x.children if s.dep_ in ("nsubj", "nsubjpass")]
        named = actors_of(subj, ctx, date)
        found = [a for a in named if not taken_by(a, sources)]
        if threat and x.pos_ in ("VERB", "AUX") and (not subj or (named and not any(other(a) for a in named))):
            # the source threatens its own act ("threatened to shell the port unless …", "warned that it
            # would …", "warned that Britain would …"): the one threatened is the thing the act is done
            # to when it names an actor ("to shell Iranian bases"), else whom the condition names
            # ("… unless the militia disarmed"), else whom the act is aimed at; never the source itself
            things = [effective_noun(o) for o in objects(x)] if x.pos_ == "VERB" else []
            owners = [m for t in things for m in t.children if m.dep_ in ("poss", "compound", "amod")
                      and (names_actor(m, ctx) or m.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))]
            conditions = [s for v in (x, c.tok) for a in v.children if a.dep_ == "advcl"
                          and any(m.dep_ == "mark" and m.lower_ in words().condition_mark for m in a.children)
                          for s in a.children if s.dep_ in ("nsubj", "nsubjpass")]
            aimed: list[Actor] = []
            for toks in (things + [p for t in things for p in pobjs(t, "of")], owners):
                # a bare sector ("send troops") is the source's own; a state force in the condition
                # has no country of its own to show ("if the army advanced")
                aimed = aimed or [a for a in actors_of(toks, ctx, date) if other(a) and a.code != a.sector]
            aimed = aimed or [a for a in actors_of(conditions, ctx, date)
                              if other(a) and not (a.code == a.sector and a.sector in STATE_FORCES)]
            if not aimed and subj:  # an act without a subject of its own is left to the complement search
                aimed = [a for a in actors_of(_aimed_at(x), ctx, date) if other(a)]
            if aimed:
                return aimed, True
            continue
        if found:
            return found, True
    return [], False


def _aimed_at(x: Token) -> list[Token]:
    """Whom the act of a content clause is aimed at: its objects and the objects of the prepositions
    in ``CONTENT_AIM`` on it, on its objects, and on its open complements ("were ready to use force
    against the strikers")."""
    hosts = [x]
    for _ in range(2):
        hosts += [y for h in hosts for y in h.children if y.dep_ in ("xcomp", "acomp") and y not in hosts]
    verbs = [h for h in hosts if h.pos_ in ("VERB", "AUX", "ADJ")]
    hosts += [effective_noun(o) for h in verbs for o in objects(h)]
    aimed = [o for h in verbs for o in objects(h)] + [p for h in hosts for prep in CONTENT_AIM for p in pobjs(h, prep)]
    # "would respond to any provocation by Seoul", "would punish aggression by its neighbours": the
    # agent of the act responded to
    return aimed + [a for p in aimed if p.pos_ == "NOUN" for a in pobjs(p, "by")]


def _content_child(x: Token, economic: bool = False, own: tuple[str, ...] = ()) -> bool:
    # not where or when ("in Brussels", "on Sunday"), but the prepositions the pattern names as its
    # target's ("hope at the chance of an accord with China"); the agent of a noun is content too:
    # "condemned the bombing by the militia"; so are the firms money goes into ("bought stakes in
    # Egyptian companies"), but not a place ("invested in Cairo")
    if x.dep_ == "prep" and any(p.dep_ == "pobj" and p.lemma_.lower() in words().proxy for p in x.children):
        return False  # "on behalf of X": whom the source acts for
    return x.dep_ != "prep" or x.lower_ in TARGET_PREPS or x.lower_ in own \
        or (x.lower_ == "by" and x.head.pos_ in ("NOUN", "PROPN")) \
        or (economic and x.lower_ == "in" and any(p.dep_ == "pobj" and p.pos_ == "NOUN" for p in x.children)) \
        or (economic and x.lower_ in words().companion)  # "provide ammunition alongside aid to Turkey"


def _reason(x: Token) -> bool:
    """"arrested him for spying for Iran", "sanctioned the firm over supplying drones to Russia": a
    gerund after "for" or "over" gives the reason for a conflictual act, not whom it is done to."""
    return x.dep_ == "prep" and x.lower_ in ("for", "over") and any(
        p.dep_ in ("pcomp", "pobj") and p.tag_ == "VBG" for p in x.children)


ARMED_ROOTS = frozenset({"18", "19", "20"})
# acts done to people (release, arrest, deport, abduct, torture, assassinate, kill en masse): the object
# is a patient (not "fired tear gas", "stormed a base")
PATIENT_CODES = frozenset({"0841", "173", "174", "181", "182", "186", "202", "203"})
SEARCH_DEPTH = 6  # levels of the complement search (a preposition is a level)


def complement_search(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """The nearest named actor in the trigger's complements, breadth first over four levels
    ("declined to comment on Minsk's request", "an inquiry into the conduct of US forces"); as a
    last resort, the actor named by a modifier ("a police compound")."""
    tok = c.tok
    taken = {a.code or a.text for a in sources}
    economic = c.pat.code[:2] in ("06", "07")
    own = tuple(c.pat.target or ())
    home = {a.country for a in sources if a.country}
    conflict = "11" <= c.pat.code[:2] <= "20"
    armed = c.pat.code[:2] in ARMED_ROOTS
    frontier = [x for x in tok.children if x.dep_ in ("prep", "dobj", "dative", "xcomp", "pcomp", "nsubjpass")
                and _content_child(x, economic, own) and not (conflict and _reason(x))]
    # "condemned the raid and the threats made by Tehran": each object listed is searched
    # (the parser may hang the second object on the verb)
    # (not one the first owns: "a group of missionaries and their relatives")
    listed = [y for x in frontier if x.dep_ == "dobj" for y in x.conjuncts if y.pos_ in NOUN_POS and y.i > x.i]
    if any(x.dep_ == "dobj" for x in frontier):
        listed += [x for x in tok.children if x.dep_ == "conj" and x.pos_ in NOUN_POS]
    frontier += [y for y in listed if not any(d.dep_ == "poss" and d.pos_ == "PRON" for d in y.children)]
    frontier += [x for x in tok.children if x.dep_ == "advcl" and any(a.tag_ == "TO" for a in x.children)]
    if c.pat.pos == "N":  # "a grant of €40 million to support farmers in Somalia": the purpose of the noun,
        # or of the light verb it is the object of ("announced new aid to help farmers in Kenya")
        hosts = [tok, tok.head] if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else [tok]
        frontier += [x for h in hosts for x in h.children if x.dep_ in ("acl", "relcl", "xcomp", "advcl")
                     and x.i > tok.i and any(a.tag_ == "TO" for a in x.children)]
    if tok.lemma_.lower() in words().small_clause_head:  # "allow inspectors access", "let Kyiv decide"
        frontier += [y for x in tok.children if x.dep_ == "ccomp" for y in x.children if y.dep_ == "nsubj"]
        # "let [UN investigators] into the country": a noun the model hangs as a clause
        frontier += [x for x in tok.children if x.dep_ == "ccomp" and x.pos_ in ("NOUN", "PROPN")]
    if c.pat.pos == "N" and tok.head.pos_ == "VERB" and tok.dep_ == "dobj":
        # "gave Putin a stern warning", "issued a warning to Kabul": the light verb's recipient
        frontier += [x for x in tok.head.children if (x.dep_ == "prep" and _content_child(x, economic, own)) or x.dep_ == "dative"]
    named = c.pat.obj or frozenset()
    # what a transfer gives is no recipient: "sent trucks and a squad of marines to Senegal"
    given = _given_people(tok, ctx) if sends(c.pat.code) and c.pat.pos == "V" else set()
    backup: list[Actor] = []
    backup_at = -1  # the noun whose modifiers named the backup
    unknown: list[Actor] = []
    clause: set[int] = set()  # nodes reached through another verb's clause ("to fight COVID")
    for _ in range(SEARCH_DEPTH):
        nxt: list[Token] = []
        for node in frontier:
            if node.i in clause or (node.pos_ in ("VERB", "AUX") and node.i != tok.i
                                    and not (node.dep_ == "acl" and node.tag_ == "VBN")):
                clause.update(i for i in subtree(tok.doc, node.i) if i != node.i)
            if effective_noun(node).lemma_.lower() in named and effective_noun(node).pos_ in NOUN_POS:
                # "lifted sanctions imposed on China", "lifted the sanctions it imposed on China": a
                # participle or a relative clause on the named thing says whose it is
                # (on the amount too: "$300 million of aid promised to Kyiv")
                # the things listed with it are part of what is given ("sent tents and staff such as
                # engineers to Nepal", "ammunition alongside food aid to Turkey"): their prepositions too
                thing = effective_noun(node)
                listed = [thing, *thing.conjuncts] + [q for h in (thing, *thing.conjuncts) for x in h.children
                                                       if x.dep_ == "prep" and (_is_example(x) or x.lower_ in words().companion)
                                                       for q in x.children if q.dep_ == "pobj"]
                nxt.extend(x for h in dict.fromkeys((node, *listed)) for x in h.children
                           if (x.dep_ == "prep" and _content_child(x, economic, own) and x.i > thing.i)
                           or (h in (node, thing) and ((x.dep_ == "acl" and x.tag_ == "VBN")
                                                       or (x.dep_ == "relcl" and gapped(x, own=True)))))
                # "denied any involvement in the poisoning of X", "a role in the attack on X": the act the
                # named thing is about leads on
                nxt.extend(x for x in thing.children if x.dep_ == "prep" and x.lower_ == "in" and x.i > thing.i
                           and any(p.dep_ == "pobj" and p.lemma_.lower() in ctx.knowledge.event_nouns for p in x.children))
                if not backup:  # "released the American vessels": the state whose the named thing is
                    # (a named group too: "struck Daesh positions"), not a bare sector ("military bases")
                    backup = [a for a in ctx.actors.modifier_actor(effective_noun(node), date)
                              if a.code and a.code != a.sector
                              and not (node.i in given and _own_sector(a, home))]  # "hospital equipment"
                continue
            if node.dep_ in ("pobj", "dobj", "pcomp", "dative") or (node.pos_ in ("NOUN", "PROPN", "PRON") and node.dep_ != "prep"):
                if node.pos_ in ("NOUN", "PROPN", "PRON"):
                    found = actors_of([node], ctx, date)
                    # the owner named by a modifier ("Moscow's plan", "US tariffs"); outside armed acts, not
                    # the kind of thing ("cut military aid to Bogota", "scrap a security pact with Manila")
                    kinds = set() if armed else kind_adjectives(node)
                    found = [a for a in found if not _kind_only(a, kinds)]
                    found += [] if found else [a for x in node.children if x.dep_ in ("poss", "compound", "amod")
                                              and x.text not in kinds for a in actors_of([x], ctx, date)]
                    if not found and not backup:
                        backup = [a for a in ctx.actors.modifier_actor(node, date) if not _kind_only(a, kinds)]
                        backup_at = node.i
                    if not unknown and not armed and node.i not in clause and (
                            (node.pos_ == "PROPN" and node.ent_type_ not in ("GPE", "LOC", "FAC"))
                            or any(a.via == "region" for a in found)):
                        # "demands from the Harbour Residents' Union" (not a place: "overran the town of Baga");
                        # "accusations by many European countries"
                        unknown = [a for a in found if a.code is None and a.kind in NAMED_KINDS
                                   and not taken_by(a, sources)][:1]
                    # a bare mention of the source's own country is not its target ("… to Nairobi")
                    found = [a for a in found if a.code and not taken_by(a, sources)
                             and not (a.country in home and a.sector in (None, "GOV")
                                      and not any(distinct_named(a, s) for s in sources))]
                    if found and armed and _placed_group(node, backup, backup_at, found):
                        return backup, True  # "strikes against jihadist groups in central Mali": the group
                    if node.i in given:  # the giver's own people or things, described by their sector
                        found = [a for a in found if not _own_sector(a, home)]
                    if found:
                        return found, True
            if node.lemma_.lower() in words().water:
                continue  # "drills in the Sea of Japan": waters named after a state are not in it
            nxt.extend(x for x in node.children if x.dep_ in ("prep", "pobj", "pcomp", "dative", "dobj", "xcomp", "agent")
                       and _content_child(x, economic, own))
            if node.dep_ == "pobj" and node.pos_ == "NOUN":
                # "levies of 5 percent on timber and 8 percent on copper from Chile": a listed
                # item of the same phrase carries the rest of it
                nxt.extend(x for x in node.children if x.dep_ == "conj" and x.pos_ == "NOUN")
            # "rejected the proposal submitted by X": the by-agent of a participle on the noun owns it
            nxt.extend(x for x in node.children if x.dep_ == "acl" and x.tag_ == "VBN")
            for worth in (x for x in node.children if x.dep_ == "amod" and x.lemma_.lower() == "worth"):
                # "stakes worth $1.5 billion in Egyptian companies": the amount is transparent
                nxt.extend(q for y in (worth, *worth.children) for q in y.children
                           if q.dep_ == "prep" and _content_child(q, economic, own))
            if node.lemma_.lower() in words().small_clause_head:  # "help Lukashenko withstand pressure"
                nxt.extend(y for x in node.children if x.dep_ == "ccomp" for y in x.children if y.dep_ == "nsubj")
        frontier = nxt
        if not frontier:
            break
    found = [a for a in backup if (a.code or a.text) not in taken]
    if found:
        return found, True
    if unknown and sources:
        # a named body or person no actor code fits is kept as text (as unknown sources are), when
        # nothing nearer names an actor
        return [Actor(text=unknown[0].text, code=None, kind=unknown[0].kind, via="unknown-name")], True
    # "carried out a raid, targeting Islamic State commanders": the object of a participle that
    # elaborates an armed act, when nothing nearer names an actor
    late = [o for x in tok.children if x.dep_ == "advcl" and x.tag_ == "VBG" and x.i > tok.i
            for o in x.children if o.dep_ == "dobj"] if sources and c.pat.code[:2] in ARMED_ROOTS else []
    found = [a for a in actors_of(late, ctx, date) if (a.code or a.text) not in taken and a.code
             and a.code != a.sector and not (a.country in home and a.sector in (None, "GOV"))]
    return found, bool(found)


LOCATIVE_PREPS = frozenset({"in", "near", "across", "around", "inside", "along"})


def _own_sector(a: Actor, home: set[str]) -> bool:
    """A sector the giver sends or gives of its own ("paratroopers", "hospital equipment"): no country,
    the giver's, or only the sentence's; not another state's ("gave American forces access")."""
    return bool(a.sector) and not _by_name(a) and (not a.country or a.country in home or "from the sentence" in a.via)


def _given_people(tok: Token, ctx: DocContext) -> set[int]:
    """The objects a transfer verb gives, with the things listed with them and the people a unit is
    made of ("trucks and a team of medics"): a bare sector there is the giver's own, not a recipient."""
    things = [x for o, _n in trigger_objects(tok, ctx) for x in (o, *o.conjuncts)]
    things += [x for x in tok.children if x.dep_ == "conj" and x.pos_ in NOUN_POS]
    out: set[int] = set()
    for t in things:
        out.add(t.i)
        out.update(p.i for p in pobjs(effective_noun(t), "of"))
        out.add(effective_noun(t).i)
    return out


def _placed_group(node: Token, backup: list[Actor], backup_at: int, found: list[Actor]) -> bool:
    """Whether ``found`` is only the place of a group named by its modifiers ("jihadist groups in
    central Mali", "militant cells near the border"): the group is the target, and takes the
    place's country later (localise)."""
    return bool(backup) and all(a.sector and not a.country for a in backup) \
        and all(a.sector is None and a.country for a in found) \
        and node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPS and node.head.head.i == backup_at


PLACE_TARGET_ROOTS = frozenset({"04", "06", "07", "08", "16", "18", "19", "20"})
PLACE_TARGET_PREPS = frozenset({"to", "into", "in", "for", "from", "inside"})


def place_target(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """Where cooperation, aid, a visit or a withdrawal goes, when no actor receives it: the state of
    the place it is sent to or happens in ("sent teams into Libya", "suspended aid deliveries in
    Borno State", "withdrew peacekeepers from a position in Syria") — GUIDELINES §3, place-derived
    targets."""
    # refuge or asylum sought in a state asks that state for it ("sought refuge in Bangladesh")
    haven = c.pat.code[:2] == "02" and any(effective_noun(o).lemma_.lower() in words().haven for o in
                                           (objects(c.tok) if c.pat.pos == "V" else []) + pobjs(c.tok, "for"))
    if c.pat.code[:2] not in PLACE_TARGET_ROOTS and not haven:
        return [], False
    armed = c.pat.code[:2] in ARMED_ROOTS
    # force used at home has its own state as target ("Taliban fighters overran Kunduz"); a visit or
    # aid to one's own capital has none, nor has a joint strike by a state and its ally at home
    home = {a.country for a in sources if a.country}
    if armed and len(home) == 1:
        home = set()
    hosts = [c.tok] + (list(objects(c.tok)) if c.pat.pos == "V" else [])
    if is_transfer(c.pat.code) and c.pat.pos == "V":
        # "made available ambulances to fight the outbreak in Guinea": where the purpose of the gift lies
        aims = [x for h in (c.tok, *objects(c.tok)) for x in h.children
                if x.dep_ in (("advcl", "xcomp", "ccomp") if h is c.tok else ("relcl", "acl"))
                and any(a.dep_ == "aux" and a.tag_ == "TO" for a in x.children)]
        hosts += aims + [o for x in aims for o in objects(x)]
        # "to pay for relief for those affected in Yemen": the people the purpose names, placed in a state
        helped = _recipient_place([p for x in aims for prep in ("for", "to") for p in pobjs(x, prep)], ctx, date)
        if helped and all(a.country not in home for a in helped):
            return helped, True
    if c.pat.code[:2] in ARMED_ROOTS:
        # "struck a refinery in Russia's Samara region": where the thing hit is (the parser may hang
        # the place on the verb), not where an act without a struck thing happened ("fought in Syria")
        things = [o for o in objects(c.tok) if o.pos_ in NOUN_POS] if c.pat.pos == "V" else []
        hosts = [c.tok, *things] if things else []
        for o in things:  # "overran the town of Baga", "shelled Kharkiv": the place struck itself
            if not (o.pos_ == "PROPN" or any(p.dep_ == "pobj" and p.pos_ == "PROPN" for x in o.children
                                             if x.dep_ == "prep" and x.lower_ == "of" for p in x.children)):
                continue  # a named place, not "five Indian jets"
            country = ctx.place_country(o, date)
            if country and country not in home:
                return [Actor(text=o.text, code=country, country=country, kind="state", via="place-struck")], True
    for host in hosts:
        for prep in host.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_TARGET_PREPS:
                continue
            for p in prep.children:
                if p.dep_ != "pobj":
                    continue
                # the place's own name, not the noun it is found through ("assistance in northern Iraq")
                named = ctx.place_named(p, date)
                if named and named[0] not in home:
                    country = named[0]
                    return [Actor(text=named[1], code=country, country=country, kind="state", via="place-of-the-act")], True
    return [], False


REACTION_ROOTS = frozenset({"01", "02", "05", "11", "12"})  # comment, appeal, praise, criticise, reject
CLAIM = "015"  # acknowledge or claim responsibility
ANAPHOR_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
ANAPHOR_REACH = 2  # sentences back
# what "the agreement", "the deal", "the exchange" names when it lies beyond the reach: an act of
# two parties (signed, agreed or promised, negotiated, a ceasefire, a swap of prisoners)
AGREEMENT_CODES = ("057", "03", "046", "0871", "0841")


def event_anaphor(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """A reaction to an act named earlier ("Wong welcomed the decision", "Seoul condemned the
    launch"), or its mediation ("the exchange was brokered by the UAE"): the object is a definite
    act noun with no owner of its own, and the target is who did the latest act in the sentences
    before (both parties of an agreement: the latest act of two parties, further back if need be)."""
    if c.pat.pos != "V" or (c.pat.code[:2] not in REACTION_ROOTS and c.pat.code != MEDIATION) or c.pat.code == CLAIM:
        return [], False  # claiming an attack is no reaction to whoever did it (``claimed_act_victims``)
    nouns = [effective_noun(o) for o in objects(c.tok)]
    noun = next((n for n in nouns if n.lemma_.lower() in ctx.knowledge.event_anaphors), None)
    if noun is None or not any(d.dep_ == "det" and d.lower_ in ANAPHOR_DETERMINERS for d in noun.children):
        return [], False
    if any(d.dep_ in ("poss", "compound", "amod", "nmod") and names_actor(d, ctx) for d in noun.children):
        return [], False  # "the Russian decision": its own owner, found by the slots if anywhere
    here = ctx.sentence_index(c.tok)
    taken = {a.code for a in sources if a.code}
    agreement = noun.lemma_.lower() in words().agreement_anaphor

    def usable(a: Actor | None) -> bool:
        return a is not None and bool(a.code) and a.code not in taken

    if agreement:  # both parties: the latest act of two parties, near first, then anywhere before
        for e in reversed(ctx.recent):
            near = e.sentence_index >= here - ANAPHOR_REACH
            if e.source is not None and e.target is not None and usable(e.source) and usable(e.target) \
                    and not e.negated and e.modality != "hypothetical" \
                    and (near or e.cameo.startswith(AGREEMENT_CODES)):
                return [e.source, e.target], True
    for e in reversed(ctx.recent):
        if e.sentence_index < here - ANAPHOR_REACH:
            break
        if e.source is not None and usable(e.source) and not e.negated and e.modality != "hypothetical":
            return [e.source], True
    # further back, an act named with the same word ("Russia banned imports …" … "criticised the ban",
    # "imposed tariffs on …" … "condemned the tariffs")
    lemma = noun.lemma_.lower()
    for e in reversed(ctx.recent):
        if e.source is not None and usable(e.source) and not e.negated and e.modality != "hypothetical" \
                and same_word(e, lemma, ctx):
            return [e.source], True
    return [], False


def participants(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """A participle with its own agent that describes a noun of another clause ("Russia and Ukraine
    swapped prisoners in an exchange brokered by the UAE", "expelled diplomats in retaliation for
    sanctions imposed by Washington") or its subject ("backed by Russia, the rebels …"): the agent
    acts on that clause's subjects, the parties of the exchange, the deal or the talks."""
    tok = c.tok
    if not sources or c.pat.pos != "V" or tok.dep_ not in ("acl", "advcl") or tok.tag_ != "VBN" \
            or not any(x.dep_ == "agent" for x in tok.children):
        return [], False
    node = tok.head  # "backed by Russia, the rebels seized …": the clause's own subject
    if tok.dep_ == "acl" and node.dep_ != "pobj":
        return [], False  # "declined to join the strike called by the union": not the parties of a strike
    for _ in range(3):  # "in retaliation for sanctions": through the nouns of the phrase to its verb
        if node.dep_ != "pobj":
            break
        node = node.head.head
    if node.pos_ not in ("VERB", "AUX"):
        return [], False
    found = actors_of(subjects(node, ctx.knowledge.words.object_control), ctx, date)
    if c.pat.code.startswith(MEDIATION):
        # "Armenia released two soldiers in a deal brokered by the EU": the mediator acts on both parties
        # of the act, the one acted on too (each party's state once)
        others = [a for a in actors_of(objects(node), ctx, date) if a.code and a.code != a.sector]
        found += [a for a in others if all(a.country != b.country for b in found)]
    return [a for a in found if not taken_by(a, sources)], False


def purpose_addressee(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """An act done to the governing verb's object, for the purpose of which it was done ("summoned
    the Iraqi charge d'affaires to demand an explanation", "met his Greek counterpart to discuss
    borders"): that object, when it names an actor of its own (not "deployed troops to …"), and the
    governing verb does not make it the act's subject ("urged Kyiv to …")."""
    tok = c.tok
    if c.pat.pos != "V" or tok.dep_ not in ("advcl", "xcomp") or not any(a.tag_ == "TO" for a in tok.children):
        return [], False
    gov = tok.head
    if not sources or gov.pos_ != "VERB" or gov.dep_ in ("acl", "relcl") \
            or gov.lemma_.lower() in ctx.knowledge.words.object_control:
        return [], False
    # not the source's own agents, placed only by the sentence's country ("China dispatched envoys to mediate")
    home = {a.country for a in sources if a.country}
    objs = [o for o in gov.children if o.dep_ == "dobj"]
    found = [a for a in actors_of(objs, ctx, date) if a.code and a.code != a.sector
             and not (a.country in home and "from the sentence" in a.via) and not taken_by(a, sources)]
    return found, bool(found)


RELEASE = "0841"  # release of persons: "in exchange for" others, the other side releases them


def exchange_pairs(c: Candidate, ctx: DocContext, date: str | None,
                   pairing: list[tuple[Actor | None, Actor | None]]) -> list[tuple[Actor | None, Actor | None]]:
    """A release "in exchange for" others ("Belarus freed a Polish journalist in exchange for two
    Belarusians held by Warsaw"): the other side releases those others too, the state that holds
    them (a "held in/by" phrase), else the state of those the first release freed."""
    tok = c.tok
    given = [p for x in pobjs(tok, "in") if x.lemma_.lower() == "exchange" for p in pobjs(x, "for")]
    if not given:
        return []
    freed = [a for a in actors_of(given, ctx, date) if a.country and a.code]
    holders: list[Actor] = []
    for p in given:
        for held in (x for x in p.children if x.dep_ == "acl" and x.tag_ == "VBN"):
            holders += [a for prep in ("in", "by") for a in actors_of(pobjs(held, prep), ctx, date) if a.country]
    if not holders:
        holders = [tgt for _src, tgt in pairing if tgt is not None and tgt.country]
    states = {h.country for h in holders}
    if len(states) != 1:
        return []
    country = states.pop()
    holder = next(h for h in holders if h.country == country)
    holder = Actor(text=holder.text, code=country, country=country, kind="state", via="exchange-counterpart")
    return [(holder, a) for a in freed if a.country != country]


def message_addressee(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """The addressee of the message that carries the act ("sent a letter to Seoul threatening …",
    "sent a letter threatening … to Seoul"; or the parser hangs the participle on the addressee)."""
    tok = c.tok
    if c.pat.pos != "V" or tok.tag_ != "VBG" or tok.dep_ not in ("acl", "pobj", "advcl"):
        return [], False
    head = tok.head
    message = ctx.knowledge.words.message
    if tok.dep_ == "advcl":  # "sent a letter to the IMF's chief threatening …": hung on the sending verb
        letters = [o for o in head.children if o.dep_ == "dobj" and o.lemma_.lower() in message] \
            if head.pos_ == "VERB" else []
        addressees = pobjs(head, "to") + [p for o in letters for p in pobjs(o, "to")] if letters else []
    elif tok.dep_ == "pobj":  # "sent a note to [Minsk warning of …]": the participle's parsed subject
        addressees = [x for x in tok.children if x.dep_ == "nsubj"] if message_sender(tok) is not None else []
    elif message_sender(head) is not None:
        addressees = [head]
    elif head.dep_ == "dobj" and head.lemma_.lower() in message and head.head.pos_ == "VERB":
        addressees = [p for prep in ("to",) for p in pobjs(head.head, prep)] + pobjs(head, "to")
    else:
        return [], False
    found = [a for a in actors_of(addressees, ctx, date) if a.code and not taken_by(a, sources)]
    return found, bool(found)


HARM_ROOTS = ("14", "15", "16", "17", "18", "19", "20")


def claimed_act_victims(staged: list[tuple[Candidate, Roles]], ctx: DocContext, trace: Trace) -> None:
    """"Two bombers killed 84 people in Kerman, and Islamic State claimed the attack": a claim of an
    act the sentence itself told before is aimed at that act's victims (the ANNOTATION-BRIEF's 015
    row). Only inside the sentence: a claim in a later sentence has no victim the sentence gives."""
    for c, roles in staged:
        if c.pat.code != CLAIM or roles.targets or not any(a.code for a in roles.sources):
            continue
        things = [effective_noun(o) for o in objects(c.tok)]
        things += [p for t in things for p in pobjs(t, "for")]  # "responsibility for the attack"
        if not any(t.lemma_.lower() in ctx.knowledge.event_anaphors for t in things):
            continue
        harms = [r for d, r in staged if d is not c and d.tok.i < c.tok.i and d.pat.code.startswith(HARM_ROOTS)
                 and r.targets and not {a.code for a in r.targets} & {a.code for a in roles.sources}]
        if harms:
            roles.targets = list(harms[-1].targets)
            roles.target_via = "claimed-act"
            trace.add("roles", "target:claimed-act", c.tok, ", ".join(a.code or a.text for a in roles.targets))


ADDRESSED_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})  # statements, appeals, demands, threats


def addressee_text(c: Candidate, ctx: DocContext, date: str | None, sources: list[Actor]) -> tuple[list[Actor], bool]:
    """A statement or threat delivered "to" people no actor code fits ("issued an ultimatum to her
    coalition partners", "delivered a warning to the strikers' leaders"): the addressee, kept as text
    (as unknown sources are) when nothing else named a target."""
    if not sources or c.pat.code[:2] not in ADDRESSED_ROOTS:
        return [], False
    tok = c.tok
    hosts = [tok] if c.pat.pos == "V" else [tok.head] if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else []
    people = [p for h in hosts for p in pobjs(h, "to") if p.pos_ == "NOUN" and p.tag_ == "NNS"
              and p.lemma_.lower() not in ctx.knowledge.event_nouns]
    if not people:
        return [], False
    left, right = ctx.actors.np_range(people[0])
    return [Actor(text=tok.doc[left:right].text, code=None, kind="group", via="unknown-addressee")], True


TARGET_FALLBACKS: tuple[Fallback, ...] = (participants, reciprocal_sources, protest_purpose, content_subject,
                                          complement_search, message_addressee, purpose_addressee, place_target, event_anaphor,
                                          story_talk_parties, story_country, story_partner, addressee_text)


# -- after the roles ----------------------------------------------------------------------------------
def localise(tok: Token, roles: Roles, ctx: DocContext, date: str | None, trace: Trace) -> Roles:
    """Give a country to sector-only actors ("gunmen", "civilians", "protesters") from where the
    event happened ("… in Egypt's North Sinai"), or, for a state acting on civilians or the
    opposition, from that state ("Belarusian police detained protesters")."""
    sources, targets = roles.sources, roles.targets
    if all(a.country or not a.sector or a.sector in ("IGO", "NGO") for a in sources + targets):
        return roles
    place = None
    scope = tok if tok.pos_ == "VERB" else tok.head
    span = range(scope.left_edge.i, scope.right_edge.i + 1)
    for prep in sorted((t for t in scope.subtree if t.dep_ == "prep" and t.lower_ in PLACE_PREPS),
                       key=lambda t: abs(t.i - tok.i)):
        if any(a.dep_ in ("ccomp", "relcl", "advcl", "acl") for a in prep.ancestors
               if a.i in span and a.i != scope.i and scope in a.ancestors):
            continue  # a place inside another clause belongs to that clause
        for p in prep.children:
            if not is_party(p):  # "independence from Britain": a party, not where it happened
                place = place or ctx.place_country(p, date)
        if place:
            break
    named = {a.country for a in sources + targets if a.country}
    own_place = place  # where the act happened, not any place the sentence names
    if place is None:  # a single country named by the sentence's places ("… in Helmand province"), unless
        # the event's own actors belong to another ("Myanmar's junta … independence from Britain")
        countries = ctx.sentence_places(tok)
        if len(countries) == 1 and named <= countries:
            place = countries.pop()

    def fix(actors: list[Actor], others: list[Actor], role: str) -> list[Actor]:
        out = []
        for a in actors:
            if a.country is None and a.code and a.sector and a.code == a.sector and a.sector not in ("IGO", "NGO"):
                outsider = a.via.endswith("outsider")  # creditors, mediators, relatives of someone
                country, why = own_place if outsider else place, "place of the event"
                if country is None and outsider:
                    pass  # not of the state they deal with
                elif country is None and a.sector in DOMESTIC_TARGETS:
                    states = {o.country for o in others if o.country and o.sector in STATE_AGENTS}
                    focus = ctx.focus[0]
                    if len(states) == 1 and (focus is None or focus in states):  # not a foreign force in the story's country
                        country, why = states.pop(), "state acting at home"
                if country is None and role == "target" and a.sector in STATE_AGENTS:
                    # "Polish farmers demanded that the government …": a group of a country acts on its own state
                    groups = {o.country for o in others if o.country and o.sector in DOMESTIC_TARGETS}
                    country, why = (groups.pop(), "people acting on their own state") if len(groups) == 1 else (None, "")
                if country is None and role == "target" and a.sector in STATE_FORCES:
                    # "the RSF shelled army bases": rebels and opponents act on the forces of their own state
                    groups = {o.country for o in others if o.country and o.sector in HOME_GROUPS}
                    country, why = (groups.pop(), "group acting at home") if len(groups) == 1 else (None, "")
                if country is None and not outsider:
                    focus, reason = ctx.focus
                    if focus and named <= {focus}:  # the sentence names no other country
                        country, why = focus, f"document's country ({reason})"
                if country:
                    a = Actor(text=a.text, code=country + a.sector, country=country, sector=a.sector,
                              name=a.name, kind=a.kind, via=(a.via + "+" if a.via else "") + "localised")
                    trace.add("roles", f"localise-{role}", tok, f"{a.code} from the {why}")
            out.append(a)
        return out

    return Roles(fix(sources, targets, "source"), fix(targets, sources, "target"), roles.source_via, roles.target_via)




def reported_subject(tok: Token, ctx: DocContext, date: str | None, speakers: list[Actor]) -> list[Actor]:
    """What a statement is about ("Amnesty said that Kenyan police must stop …"): the subject of the
    clause it reports, when that is another actor than the speaker."""
    taken = {a.code or a.text for a in speakers}
    clause = next((x for x in tok.children if x.dep_ == "ccomp"), None)
    for _ in range(2):  # "said it hoped that Japan would …": the speaker's own wish reports on
        if clause is None:
            return []
        subj = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
        found = [a for a in actors_of(subj, ctx, date) if (a.code or a.text) not in taken]
        if found or (subj and not actors_of(subj, ctx, date) and not all(t.pos_ == "PRON" for t in subj)):
            return found  # another actor, or a thing ("the weather"): no deeper
        clause = next((x for x in clause.children if x.dep_ == "ccomp"), None)
    return []


def askers(sent, ctx: DocContext, date: str | None, sources: list[Actor]) -> list[Actor]:
    """Who asked for what a refusal refuses (GUIDELINES 10.3: the target of a REJECT): the owner or
    by-agent of a demand, call or order in the sentence ("demands by the ANC", "a government
    order"), the actor defied ("defying the ruling party"), or the agent of "as demanded by"."""
    taken = {a.code for a in sources if a.code}
    for t in sent:
        lemma = t.lemma_.lower()
        cands: list[Token] = []
        if t.pos_ == "NOUN" and lemma in words().ask_noun:
            cands += [c for c in t.children if c.dep_ in ("poss", "compound", "amod")]
            cands += [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of") for p in c.children
                      if p.dep_ == "pobj"]
        elif t.pos_ == "VERB" and lemma == "defy":
            cands += [c for c in t.children if c.dep_ == "dobj"]
        elif t.pos_ == "VERB" and lemma in ("demand", "request") and any(c.dep_ == "auxpass" for c in t.children):
            cands += pobjs(t, "by")
        for cand in cands:
            found = [a for a in actors_of([cand], ctx, date) if a.code and a.code not in taken]
            if not found and cand.lemma_.lower() in words().ask_noun:  # "defying a government order": its owner
                found = [a for a in ctx.actors.modifier_actor(cand, date) if a.code and a.code not in taken]
            if found:
                return found
        if t.pos_ == "NOUN" and lemma in words().ask_noun:
            found = [a for a in ctx.actors.modifier_actor(t, date) if a.code and a.code not in taken]
            if found:
                return found
    return []


def is_reciprocal(code: str, ctx: DocContext) -> bool:
    r = ctx.knowledge.words.reciprocal
    return code[:2] in r or code[:3] in r or code in r


def _outsider(a: Actor, ctx: DocContext) -> bool:
    """An observer, monitor, mediator or creditor (``outsider_nouns.txt``): present, but no party."""
    words = a.text.lower().split()
    return bool(words) and words[-1].rstrip("s") in ctx.actors.outsiders


def pairs(sources: list[Actor], targets: list[Actor], code: str, ctx: DocContext,
          transitive: bool = False) -> list[tuple[Actor | None, Actor | None]]:
    """Source-target pairs: every source with every target; coordinated subjects of a reciprocal
    event with no target act on each other ("Armenia and Azerbaijan held talks")."""
    if sources and not targets and not transitive and is_reciprocal(code, ctx) and all(_outsider(a, ctx) for a in sources):
        return []  # "talks attended by observers from A and B": observers are no party to the talks
    if len(sources) >= 2 and not targets and not transitive and is_reciprocal(code, ctx):
        return list(permutations(sources, 2))
    srcs: list[Actor | None] = list(sources) or [None]
    tgts: list[Actor | None] = list(targets) or [None]
    return [(s, t) for s in srcs for t in tgts if s is None or s is not t]  # a mention is not its own target
