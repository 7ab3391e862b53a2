"""How CAMEO sorts violence (``data/violence.tsv``; GUIDELINES 10.1–10.2).

``classify`` sharpens the code of a violent event from what the sentence says about it, in order:

1. an accident or a disaster with no sign of an attack is not an event (None);
2. chemical or biological weapons in the trigger's own clause make it 2041, whoever uses them; a
   displacement with nobody named who expels is no mass expulsion (None); crowds (civilians,
   students, workers, opposition) using force without military weapons on the state riot (145);
3. a bomb, car bomb, suicide bomber or roadside device makes it a bombing (183, 1832, 1831, 1833);
   missiles, air strikes, drones, shelling keep it a fight (195, 1952, 194);
4. killing a named holder of public office is an assassination (186), or an attempt (185);
5. state forces acting violently on their own civilians, protesters or opposition: repression (175);
6. non-state attackers (unidentified gunmen, rebels, criminals, or nobody named) on non-combatants:
   unconventional violence (180), a mass killing (202) from the data's threshold of victims.

Before 5 and the bombs of 3: armed men of any side who kill civilians in large numbers, or massacre them,
with no crowd of protesters in the sentence and no bomb as the killer, commit a mass killing (202).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from tidings.attributes.quantities import nonfatal_outcomes
from tidings.coding.context import ARMED_SECTORS, NON_STATE_ARMED, DocContext
from tidings.coding.roles import actors_of
from tidings.docindex import sentence_of, span_text
from tidings.records import Actor, Event, Quantity
from tidings.tables import read_table

__all__ = ["Verdict", "attack_agents", "classify", "one_happening"]

KINDS = ("instrument", "military", "accident", "attack", "kill", "title", "attempt", "many", "chemical", "fighting",
         "protest", "mass", "cause", "assault")
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
KEEP = frozenset({"181", "1821", "1822", "184", "191", "192", "196", "2041", "2042", "201", "203", "185", "186"})
STATE = frozenset({"COP", "MIL", "GOV", "SPY", "JUD"})
NON_STATE = NON_STATE_ARMED
NON_COMBATANT = frozenset({"CVL", "OPP", "EDU", "LAB", "MED", "REL", "HLH", "HRI", "REF", "AGR", "BUS", "ENV", "NGO",
                           "GOV", "LEG", "JUD", "COP", "ELI", "PTY"})
CIVILIAN = frozenset({"CVL", "EDU", "LAB", "MED", "REL", "HLH", "REF", "AGR", "BUS"})
DOMESTIC = frozenset({"CVL", "OPP", "EDU", "LAB", "MED", "REL", "HRI", "AGR"})
ARMED = ARMED_SECTORS  # armed men, of a state or not
PROTESTERS = frozenset({"CVL", "OPP", "EDU", "LAB", "AGR"})  # crowds whose violence on the state is a riot (145)


@dataclass(frozen=True)
class _Data:
    instruments: tuple[tuple[re.Pattern[str], str], ...]
    military: tuple[tuple[re.Pattern[str], str], ...]
    accident: tuple[re.Pattern[str], ...]
    attack: tuple[re.Pattern[str], ...]
    kill: frozenset[str]
    titles: frozenset[str]
    attempt: tuple[re.Pattern[str], ...]
    many: tuple[re.Pattern[str], ...] = ()
    chemical: tuple[tuple[re.Pattern[str], str], ...] = ()
    fighting: tuple[re.Pattern[str], ...] = ()
    protest: tuple[re.Pattern[str], ...] = ()
    mass: frozenset[str] = frozenset()
    cause: tuple[re.Pattern[str], ...] = ()
    assault: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _data() -> _Data:
    rows = read_table("violence.tsv", columns=("kind", "pattern", "code", "note"), header=False,
                      required=("kind", "pattern"), checks={"kind": lambda k: None if k in KINDS else "unknown kind"})
    by: dict[str, list[tuple[str, str]]] = {k: [] for k in KINDS}
    for row in rows:
        by[row["kind"]].append((row["pattern"], row["code"]))
    return _Data(
        instruments=tuple((re.compile(p), c) for p, c in by["instrument"]),
        military=tuple((re.compile(p), c) for p, c in by["military"]),
        accident=tuple(re.compile(p) for p, _ in by["accident"]),
        attack=tuple(re.compile(p) for p, _ in by["attack"]),
        kill=frozenset(p for p, _ in by["kill"]),
        titles=frozenset(p for p, _ in by["title"]),
        attempt=tuple(re.compile(p) for p, _ in by["attempt"]),
        many=tuple(re.compile(p) for p, _ in by["many"]),
        chemical=tuple((re.compile(p), c) for p, c in by["chemical"]),
        fighting=tuple(re.compile(p) for p, _ in by["fighting"]),
        protest=tuple(re.compile(p) for p, _ in by["protest"]),
        mass=frozenset(p for p, _ in by["mass"]),
        cause=tuple(re.compile(p) for p, _ in by["cause"]),
        assault=frozenset(p for p, _ in by["assault"]),
    )


@dataclass(frozen=True)
class Verdict:
    code: str | None  # None: not an event
    rule: str


def _leader(target: Actor, sent: Span, titles: frozenset[str]) -> bool:
    if target.kind == "person" and target.code:
        return True
    return any(w in titles for w in re.findall(r"[a-z]+", target.text.lower()))


def _many(text: str, victims: str, many: tuple[re.Pattern[str], ...]) -> bool:
    """Whether the words right before the victims in the sentence say they are many ("hundreds of")."""
    at = text.find(victims)
    return at > 0 and any(p.search(text[:at]) for p in many)


def attacked(text: str) -> bool:
    """Whether a lower-cased sentence has a word of deliberate attack (bomb, gunmen, claimed the attack...)."""
    return any(p.search(text) for p in _data().attack)


def _victims(text: str, targets: list[Actor], quantities: list[Quantity], mass_killing: float) -> float:
    """How many victims the sentence counts (the data's threshold when it only says "hundreds of")."""
    spared = nonfatal_outcomes()  # "wounding 30" is no mass killing
    victims = max((q.value for q in quantities if q.kind == "count" and q.category not in spared), default=0)
    if not victims:  # "305 worshippers": a count on the victims themselves, with no unit the quantities know
        victims = max((float(m.group().replace(",", "")) for a in targets
                       for m in re.finditer(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b", a.text)), default=0)
    if not victims and any(_many(text, a.text.lower(), _data().many) for a in targets):
        victims = mass_killing  # "hundreds of civilians were killed": many, with no number
    return victims


def _armed_killers(tok: Token, instruments: tuple[tuple[re.Pattern[str], str], ...]) -> bool:
    """Whether the killers are people, not a bomb: the trigger has an active subject that names no
    bomb ("gunmen killed 305 worshippers in a bomb and gun attack"), or no bomb is named at all."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        phrase = " ".join(t.lower_ for t in subj.subtree)
        return not any(p.search(phrase) for p, _ in instruments)
    return not any(p.search(tok.sent.text.lower()) for p, _ in instruments)


def _subject_phrase(tok: Token) -> str:
    """The lower-cased subject of the trigger, or of the clause it hangs from ("crashed, killing ..."),
    or the noun a relative clause describes ("a war that killed ...")."""
    node = tok
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in ("that", "which") and node.dep_ == "relcl":
            subj = node.head
        if subj is not None:
            return " ".join(t.lower_ for t in subj.subtree if t.i <= subj.i)
        if node.dep_ not in ("advcl", "conj", "xcomp", "acl") or node.head.i == node.i:
            return ""
        node = node.head
    return ""


CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp"})


def clause_text(tok: Token) -> str:
    """The lower-cased words of the trigger's own clause: its subject, objects and modifiers, not the
    clauses hanging on it ("killed 20 rebels, a year after a chemical attack" keeps the attack out)."""
    skip: set[int] = set()
    for c in tok.subtree:
        if c.i != tok.i and c.dep_ in CLAUSE_DEPS and c.i not in skip:
            skip.update(t.i for t in c.subtree)
    return " ".join(t.lower_ for t in tok.subtree if t.i not in skip)


def classify(code: str, tok: Token, sources: list[Actor], targets: list[Actor], quantities: list[Quantity],
             mass_killing: float) -> Verdict:
    """The CAMEO code of a violent event (``code`` is what the lexicon gave)."""
    data = _data()
    text = span_text(sentence_of(tok)).lower()
    lemma = tok.lemma_.lower()
    violent = code[:2] in VIOLENT_ROOTS or (lemma in data.kill and code[:2] >= "17")
    if not violent:
        return Verdict(code, "")
    hit = attacked(text)
    # no named attacker ("Air India" in "an Air India plane crashed" names an owner, not an agent;
    # "an airliner", "passengers" are civilians, not attackers)
    unnamed = all(a.via.startswith("modifier") or (a.sector == "CVL" and "agent" in a.via) or a.code is None
                  for a in sources)
    # "an Air India Boeing crashed, killing 241", "a fuel tanker exploded": the subject is a vehicle or
    # a storm, whoever owns it
    subject = _subject_phrase(tok)
    if subject and any(p.search(subject) for p in data.accident):
        unnamed = True
    if unnamed and not hit and any(p.search(text) for p in data.accident):
        return Verdict(None, "accident")
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in") if unnamed else ():
        # "died in a heart attack", "was hurt in a general strike": with nobody named who did it, what
        # they died in is no violence
        phrase = " ".join(t.lower_ for t in prep.subtree)
        if any(p.search(phrase) for p in data.cause):
            return Verdict(None, "no-violence")
    clause = clause_text(tok)
    for pattern, weapon in data.chemical:  # "dropped bombs filled with chlorine": the weapon decides (2041)
        if pattern.search(clause):
            return Verdict(weapon, "chemical")
    if unnamed and code[:2] in ("18", "19", "20") and subject and any(p.search(subject) for p in data.fighting):
        return Verdict("190", "fighting")  # "clashes killed 40 civilians", "a war that killed 300,000": no mass killing
    if code == "201" and unnamed:  # "fighting has driven 700,000 from their homes": displacement, no expeller
        return Verdict(None, "no-expeller")
    if code[:2] == "19" and sources and all(a.sector in PROTESTERS for a in sources) and targets \
            and all(a.sector in STATE | {"LEG"} for a in targets) \
            and not any(p.search(clause) for p, _ in data.military):
        return Verdict("145", "violent-protest")  # "demonstrators stormed parliament": a riot, not a battle
    src = {a.sector for a in sources}
    tgt = {a.sector for a in targets}
    state_source = bool(sources) and all(a.sector in STATE or (a.sector is None and a.country) for a in sources)
    if code[:3] == "195" and not state_source:
        # "attacked the base with a truck bomb": a bomb named by its carrier is no aerial weapon
        for pattern, bomb in data.instruments:
            if bomb != "183" and pattern.search(clause):
                return Verdict(bomb, "instrument")
    if code in KEEP or code[:3] in ("194", "195"):
        return Verdict(code, "")
    if sources and all(a.sector in ARMED for a in sources) and (lemma in data.mass or code == "202") \
            and targets and tgt <= CIVILIAN \
            and not any(p.search(text) for p in data.protest) and not any(p.search(clause) for p in data.fighting) \
            and not any(p.search(text) for p, _ in data.military) and _armed_killers(tok, data.instruments):
        # "Malian troops and Wagner fighters killed some 500 people", "soldiers massacred 35 villagers"
        if code == "202" or _victims(text, targets, quantities, mass_killing) >= mass_killing:
            return Verdict("202", "mass-killing")
    if not state_source:
        for pattern, bomb in data.instruments:
            if pattern.search(text):
                return Verdict(bomb, "instrument")
    for pattern, weapon in data.military:  # "killed in an air strike": conventional force, not terror
        if pattern.search(text) and code[:2] in ("18", "19") and code not in ("194", "195", "1951", "1952"):
            return Verdict(weapon, "weapon")
    if lemma in data.kill and len(targets) == 1 and _leader(targets[0], sentence_of(tok), data.titles) \
            and not state_source:
        if any(p.search(text) for p in data.attempt) or lemma == "shoot" and not re.search(r"\bdead\b|\bkill", text):
            return Verdict("185", "assassination-attempt")
        return Verdict("186", "assassination")
    countries = {a.country for a in sources + targets if a.country}
    if state_source and targets and tgt <= DOMESTIC and len(countries) <= 1:
        return Verdict("175", "repression")
    if (not sources or src <= NON_STATE) and targets and tgt <= NON_COMBATANT and not state_source:
        if tgt <= CIVILIAN and _victims(text, targets, quantities, mass_killing) >= mass_killing:
            return Verdict("202", "mass-killing")
        return Verdict("180", "unconventional-violence")
    return Verdict(code, "")


WHEN_MARKERS = frozenset({"when", "as", "while"})  # "killed when a missile hit the market"


def _violent(e: Event) -> bool:
    return (e.cameo_root in VIOLENT_ROOTS or e.cameo == "175") and not e.negated


def _filled(e: Event) -> tuple[int, int, int, int]:
    """How much an event says: a named source, a target with a sector, a toll, a specific code."""
    tgt = 0 if e.target is None else 1 + bool(e.target.sector) + bool(e.target.country)
    return (e.source is not None and bool(e.source.code), tgt, len(e.quantities), len(e.cameo))


def _actor_key(a: Actor | None) -> str | None:
    return None if a is None else (a.code or a.text)


def one_happening(events: list[Event], doc: Doc) -> list[tuple[Event, Event]]:
    """GUIDELINES 10.1, one happening, one event: a violent act told in a clause of time of another
    violent act by the same side, or by nobody named ("twelve were killed when an air strike hit a
    market", "police killed two protesters when officers charged the rally"), is that act told
    twice. Returns (dropped, kept) pairs: the event that says less yields to the other."""
    tokens: dict[int, Token] = {}
    for e in events:
        span = doc.char_span(e.trigger.start, e.trigger.end)
        if span is not None:
            tokens[e.trigger.start] = span[0]
    out: list[tuple[Event, Event]] = []
    gone: set[int] = set()
    for i, a in enumerate(events):
        ta = tokens.get(a.trigger.start)
        if ta is None or not _violent(a):
            continue
        for j, b in enumerate(events):
            tb = tokens.get(b.trigger.start)
            if i == j or i in gone or j in gone or tb is None or not _violent(b) \
                    or a.modality != b.modality or _actor_key(a.source) != _actor_key(b.source):
                continue
            if tb.dep_ != "advcl" or tb.head.i != ta.i \
                    or not any(c.dep_ in ("advmod", "mark") and c.lower_ in WHEN_MARKERS for c in tb.children):
                continue
            drop, keep = (b, a) if _filled(a) >= _filled(b) else (a, b)
            gone.add(j if drop is b else i)
            out.append((drop, keep))
    return out


def attack_agents(tok: Token, ctx: DocContext, date: str | None, targets: list[Actor]) -> list[Actor]:
    """Who carried out the attack that people were killed, died or were hurt "in", when the sentence
    names no subject: the attack's own agent, by a modifier or a possessor ("in a Russian air strike",
    "in Israel's bombardment") or after "by" ("in an attack by Taliban fighters"). A place after the
    attack ("in an air strike in Aleppo") is where it happened, never who did it."""
    assault = _data().assault
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in assault):
            found = [a for a in ctx.actors.modifier_actor(noun, date) if a.code and a.code != a.sector]
            found = found or actors_of([x for by in noun.children if by.dep_ == "prep" and by.lower_ == "by"
                                        for x in by.children if x.dep_ == "pobj"], ctx, date)
            taken = {a.code for a in targets}
            found = [a for a in found if a.code and a.code not in taken]
            if found:
                return found
    return []
