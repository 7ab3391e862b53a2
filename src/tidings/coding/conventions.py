"""CAMEO conventions applied after the attributes stage (``data/conventions.tsv``, GUIDELINES §10).

- **Refusals are REJECT.** "refused/declined/failed to X" and "will not X" are a 12x event, not a
  negated X ("refused to lift sanctions" → 1244); "X will not VERB N" with no pattern for VERB is 120
  when X says it or nobody else does (``engine.will_not_of_uncoded_acts``; ``data/will_not.tsv``
  lists the verbs that are no refusal: "would not say", "would not hesitate to").
- **Announced coercion is THREATEN.** "will impose sanctions unless …", "is ready to use force" →
  13x, asserted ("will impose sanctions" → 1312). A threat on a condition is still asserted
  ("threatened retaliation if …"); what is inside the condition is never a threat. A speaker for the
  same state (its government, forces: ``same_side``) announces; others only forecast.
- **Claims of one's own attack are 015.** "X claimed it had attacked Y" → 015 X→Y; "X claimed that Y
  attacked Z" (another side) → 112 X→Y.
- **Obligations in speech are demands.** "X said Y must resign" → 1041 X→Y; "should" → an appeal
  (02x). Without a speaker, "Y must withdraw by June 30" is Y's intended act.
- **A show of force at home has no target.** "Bahrain's army deployed tanks in Manama": the place is
  the source's own country, not an actor acted on.
- **Police sent abroad protect.** Police deployed to another country than their own are military
  protection (074), not more police power at home (153).
- **Considering is 014.** "is considering sending troops to X" → 014 with the act's actors.
- **Opinions about others are not events.** "X believes Y will attack" is X's view of Y.
- **Wishes about others are appeals.** "X hopes / wants Y to Z" is X's appeal to Y (02x, sub-code by
  Z; GUIDELINES 10.5) when X is known and is not Y's own body; Z itself is not coded (10.6).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from tidings.coding.attributes import Attributes
from tidings.coding.codebook import intent_code
from tidings.coding.modality import Words, is_wish, speech_head
from tidings.coding.roles import Roles
from tidings.coding.story import same_side
from tidings.coding.trace import Candidate, Trace
from tidings.records import Actor
from tidings.tables import read_table

__all__ = ["Decision", "apply_conventions", "derived_code", "not_refusals", "obligation"]

KINDS = ("reject", "threat", "demand", "appeal", "abroad")
INTENT_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})
CONFLICT_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {k: {} for k in KINDS}
    for row in read_table("conventions.tsv", columns=("kind", "act", "code", "note"), header=False,
                          required=("kind", "act", "code"),
                          checks={"kind": lambda k: None if k in KINDS else "unknown kind"}):
        table[row["kind"]][row["act"]] = row["code"]
    return table


@lru_cache(maxsize=1)
def not_refusals() -> frozenset[str]:
    """Verbs that, after "will not", are no refusal (``data/will_not.tsv``)."""
    return frozenset(r["lemma"] for r in read_table("will_not.tsv", columns=("lemma", "why"), header=False,
                                                    required=("lemma",)))


def derived_code(kind: str, act: str) -> str | None:
    """The code a convention gives to act ``act`` (longest matching prefix, else ``*``)."""
    table = _table()[kind]
    for n in range(len(act), 1, -1):
        if act[:n] in table:
            return table[act[:n]]
    return table.get("*")


def obligation(tok: Token, w: Words) -> tuple[str, Token] | None:
    """("demand", cue) for "must/has to/needs to X" and for "insisted that Y X" (a bare verb with its own
    subject and no auxiliary: the mandative subjunctive, word group ``mandative``), ("appeal", cue) for
    "should/ought to X"."""
    node = tok
    head = tok.head
    # the model tags the bare verb after a past "insisted" as a present ("insisted that Iran resume"); a
    # present after a past verb is no indicative there, save "are"/"have" ("insisted that the sanctions are")
    bare = tok.tag_ == "VB" or (tok.tag_ == "VBP" and head.tag_ in ("VBD", "VBN") and tok.lemma_ not in ("be", "have"))
    if tok.dep_ == "ccomp" and bare and head.lemma_.lower() in w.mandative \
            and any(c.dep_ == "nsubj" for c in tok.children) and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return "demand", head
    for _ in range(3):
        for c in node.children:  # modal auxiliaries only: "must", "should" (not the "have" of "have arrested")
            if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in w.demand_aux:
                return "demand", c
            if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in w.appeal_aux:
                return "appeal", c
        head = node.head
        if node.dep_ == "xcomp" and head.lemma_.lower() in w.demand_aux and head.pos_ in ("VERB", "AUX") \
                and any(a.tag_ == "TO" for a in node.children) \
                and not any(c.dep_ == "advmod" and c.lower_ in w.not_yet for c in head.children):  # "has yet to"
            return "demand", head
        if node.dep_ == "xcomp" and head.lemma_.lower() in w.appeal_aux:
            return "appeal", head
        if node.dep_ != "conj" or head.i == node.i:
            return None
        node = head  # "must resign and rewrite the constitution": the conjunct shares the auxiliary
    return None


def _same_body(a: str, b: str) -> bool:
    """Whether two actor codes name one body at two levels ("RUS" and "RUSGOV")."""
    return a.startswith(b) or b.startswith(a)


def _wished_own_act(tok: Token, wish: Token) -> bool:
    """Whether the act is the wisher's own ("wants to re-examine the sites"): an open complement of the
    wish verb with no subject or object of its own to act for (not "wants China to press Russia")."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "xcomp" and node.head.i == wish.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) \
        and not any(c.dep_ == "dobj" for c in wish.children)


def in_condition(tok: Token, cue: Token | None, w: Words) -> bool:
    """Whether the trigger is inside the condition of an if/unless clause ("if Israel continues the
    raids, …"): the condition is no event of its own (GUIDELINES 1.4), and no threat."""
    if cue is None or cue.dep_ != "mark" or cue.lower_ not in w.condition_mark:
        return False
    return cue.head.i == tok.i or cue.head in tok.ancestors


@dataclass(frozen=True)
class Decision:
    code: str
    negated: bool
    modality: str
    sources: list[Actor]
    targets: list[Actor]
    refused: str | None = None  # for a refusal: the code of the refused act, kept as a negated event too


def apply_conventions(c: Candidate, attrs: Attributes, roles: Roles, w: Words, trace: Trace,
                      duties: bool = True) -> Decision | None:
    """The event after the conventions, or None when it is not an event of its own. ``duties``: False
    when the sentence has no word of duty ("must", "has to", "should"), so no obligation to look for."""
    tok = c.tok
    code, negated, modality = attrs.code, attrs.negated, attrs.modality
    sources, targets = roles.sources, roles.targets
    cue, mod_cue = attrs.negation_cue, attrs.modality_cue
    # opinions about what others will do
    head = speech_head(tok, w)
    if head is not None and (is_wish(head) or (head.lemma_.lower() in w.opinion and modality != "asserted")):
        speaker = attrs.reported_by
        own = speaker is not None and any((s.code or s.text) == (speaker.code or speaker.text) for s in sources) \
            or (is_wish(head) and _wished_own_act(tok, head))
        if not own:
            wisher = speaker  # the subject of the wish verb (attributes.reported_by)
            if is_wish(head) and wisher is not None and sources and all(s.code for s in sources) and not negated \
                    and wisher.code and not any(_same_body(s.code or "", wisher.code) for s in sources):
                # "X hopes/wants Y to Z": X's appeal to Y (GUIDELINES 10.5); Z itself is no event
                new = derived_code("appeal", c.pat.code) or "020"
                trace.add("attributes", "convention-wish", tok, f"{code} wished by {wisher.code} ({head.text!r}) -> {new}")
                return Decision(new, False, "asserted", [wisher], sources)
            trace.add("build", "opinion", tok, f"what {head.text!r} says others will do is not an event")
            return None
    # allegations: "X claimed that Y attacked Z" is X accusing Y (GUIDELINES 1.3: alleged content is not asserted)
    if head is not None and head.lemma_.lower() in w.allege and code[:2] in CONFLICT_ROOTS and sources \
            and attrs.reported_by is not None:
        speaker = attrs.reported_by
        if not any(same_side(s, speaker) for s in sources):
            trace.add("attributes", "convention-allegation", tok, f"{code} alleged by {speaker.code or speaker.text} -> 112")
            return Decision("112", False, "asserted", [speaker], sources)
    # claims of one's own act: "X claimed it had attacked Y" is X claiming responsibility (015 X->Y),
    # as "claimed responsibility for the attack" is (GUIDELINES 01); the act is told only by the claim
    if head is not None and head.lemma_.lower() in w.own_claim and code[:2] in CONFLICT_ROOTS and sources \
            and attrs.reported_by is not None and modality == "asserted" and not negated:
        speaker = attrs.reported_by
        if all(same_side(s, speaker) for s in sources):
            trace.add("attributes", "convention-claim", tok, f"{code} claimed by {speaker.code or speaker.text} -> 015")
            return Decision("015", False, "asserted", [speaker], targets)
    # "is considering X": the consideration (014) with X's actors; X itself is not coded (GUIDELINES 01)
    if mod_cue is not None and mod_cue.lower_ in ("whether", "how") and mod_cue.head.dep_ in ("xcomp", "ccomp") \
            and mod_cue.head.head.lemma_.lower() in w.consider:
        mod_cue = mod_cue.head.head  # "is considering whether to suspend Guinea", "studying how to sell"
    if mod_cue is not None and mod_cue.lemma_.lower() in w.consider and not negated:
        trace.add("attributes", "convention-consider", tok, f"{code} considered ({mod_cue.text!r}) -> 014")
        return Decision("014", False, "asserted", sources, targets)
    # refusals: "refused to X", "will not X"
    refusal = cue is not None and cue.lemma_.lower() in w.refusal
    will_not = cue is not None and cue.dep_ == "neg" and mod_cue is not None and mod_cue.lower_ in INTENT_AUX \
        and (cue.head.i == tok.i or cue.head.lemma_.lower() not in not_refusals())  # "would not hesitate to defend"
    if refusal and c.pat.id == "engine.refusal":  # the refusal of an act with no pattern: REJECT itself
        return Decision(code, False, "asserted", sources, targets)
    if c.pat.id == "engine.will-not":  # "X will not VERB" with no pattern for VERB: X's REJECT, when X says so
        speaker = attrs.reported_by
        if not will_not or not sources or mod_cue is None or mod_cue.head.i != tok.i or (
                speaker is not None and speaker.code and not any(_same_body(s.code or "", speaker.code)
                                                                 for s in sources)):
            trace.add("build", "not-a-refusal", tok, "no named actor refusing, or a forecast told by another actor")
            return None
        return Decision(code, False, "asserted", sources, targets)
    if (refusal or will_not) and code[:2] not in ("01", "12"):
        new = derived_code("reject", code) or "120"
        trace.add("attributes", "convention-refusal", tok,
                  f"{code} refused ({(cue.text if cue is not None else '')!r}) -> {new}")
        return Decision(new, False, "asserted", sources, targets, refused=code)
    # obligations in speech: demands and appeals of the speaker on the one obliged
    duty = obligation(tok, w) if duties else None
    if duty is not None and not negated:
        kind, word = duty
        speaker = attrs.reported_by
        if speaker is not None and (not sources or not any(same_side(s, speaker) for s in sources)):
            act = c.pat.code  # the act owed, before any intent code ("must release" -> 0841)
            new = derived_code(kind, act) or ("100" if kind == "demand" else "020")
            trace.add("attributes", f"convention-{kind}", tok, f"{code} that is owed ({word.text!r}) -> {new}")
            return Decision(new, False, "asserted", [speaker], sources)
        if speaker is None and kind == "demand":
            act = c.pat.code
            new = (intent_code(act) or act) if act[:2] <= "10" else act
            trace.add("attributes", "convention-obligation", tok, f"{act} owed under an agreement -> {new} intended")
            return Decision(new, negated, "intended", sources, targets)
    # announced coercion: a threat
    condition = in_condition(tok, mod_cue, w)  # "if Israel continues the raids": a condition, no threat
    if code[:2] == "13" and modality == "hypothetical" and not condition and mod_cue is not None \
            and mod_cue.dep_ == "mark" and mod_cue.lower_ in w.condition_mark:
        # "threatened retaliation if the US struck": a conditional threat is a threat (GUIDELINES 10.4)
        trace.add("attributes", "conditional-threat", tok, f"{code} on the condition {mod_cue.text!r}: asserted")
        modality = "asserted"
    promise = mod_cue is not None and mod_cue.lemma_.lower() in w.promise  # "pledged to expel": a commitment
    asked = mod_cue is not None and mod_cue.lower_ in w.question  # "did not say when they would attack"
    if not negated and not promise and not asked and not condition and modality in ("intended", "hypothetical") \
            and code[:2] in ("14", "16", "17", "18", "19", "20"):
        threat = derived_code("threat", code)
        speaker = attrs.reported_by
        if head is not None and (speaker is None or not any(same_side(s, speaker) for s in sources)):
            # "X could shell Y, analysts said": a forecast by others, not X announcing coercion
            trace.add("attributes", "forecast-by-others", tok, f"{code} {modality} as told by {head.text!r}, not a threat")
            return Decision(code, negated, modality, sources, targets)
        if threat and sources:
            trace.add("attributes", "convention-threat", tok, f"announced {code} -> {threat}")
            return Decision(threat, False, "asserted", sources, targets)
    if code[:2] == "15" and sources and targets and all(t.code == t.country for t in targets) \
            and {t.country for t in targets} <= {s.country for s in sources}:
        # "Bahrain's army deployed tanks in Manama": a show of force at home is aimed at no one named
        trace.add("roles", "own-country-target", tok, "a place of the source's own country is no target")
        targets = []
    abroad = _table()["abroad"].get(c.pat.code)
    if abroad and sources and targets and all(s.country for s in sources) \
            and all(t.country and t.country not in {s.country for s in sources} for t in targets):
        new = (intent_code(abroad) or abroad) if modality != "asserted" else abroad
        trace.add("attributes", "convention-abroad", tok, f"{code} in another country -> {new}")
        code = new
    if code[:2] == "03" and modality == "asserted":
        # an intent code is a promise: the act it names is intended (GUIDELINES 03, "always intended")
        trace.add("attributes", "intent-code-intended", tok, f"{code} is an intent")
        modality = "intended"
    return Decision(code, negated, modality, sources, targets)
