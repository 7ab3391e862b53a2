"""Negation, modality and reported speech of a trigger, from the parse and ``data/modality.tsv``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from tidings.tables import read_table


def is_wish(tok: Token) -> bool:
    """A verb of wishing (``wish`` in ``data/modality.tsv``): what it embeds is no event."""
    wishes = words().wish
    return tok.lemma_.lower() in wishes or tok.lower_ in wishes

__all__ = ["Words", "duty_words", "is_wish", "modality", "modality_cue", "negated", "negation_cue", "speech_head", "words"]


@dataclass(frozen=True)
class Words:
    intent_control: frozenset[str]
    neg_control: frozenset[str]
    neg_word: frozenset[str]
    intent_aux: frozenset[str]
    hypo_aux: frozenset[str]
    hypo_mark: frozenset[str]
    speech: frozenset[str]
    object_control: frozenset[str]
    reciprocal: frozenset[str]
    refusal: frozenset[str]
    demand_aux: frozenset[str]
    appeal_aux: frozenset[str]
    opinion: frozenset[str]
    support: frozenset[str]
    happen: frozenset[str]
    allege: frozenset[str]
    topic: frozenset[str]
    wish: frozenset[str]
    promise: frozenset[str]
    man_made: frozenset[str]
    storm: frozenset[str]
    swap: frozenset[str]
    unit_head: frozenset[str]
    container: frozenset[str]
    small_clause_head: frozenset[str]
    agreement_anaphor: frozenset[str]
    ask_noun: frozenset[str]
    water: frozenset[str]
    time_prep: frozenset[str]
    consider: frozenset[str]
    question: frozenset[str]
    time_mark: frozenset[str]
    condition_mark: frozenset[str]
    companion: frozenset[str]
    proxy: frozenset[str]
    haven: frozenset[str]
    own_claim: frozenset[str]
    message: frozenset[str]
    make_known: frozenset[str]
    not_yet: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    groups: dict[str, set[str]] = defaultdict(set)
    known = set(Words.__dataclass_fields__)
    rows = read_table("modality.tsv", columns=("kind", "word", "note"), header=False, required=("kind", "word"),
                      checks={"kind": lambda k: None if k in known else "unknown word group"})
    for row in rows:
        groups[row["kind"]].add(row["word"].lower())
    return Words(**{k: frozenset(groups.get(k, ())) for k in Words.__dataclass_fields__})


@lru_cache(maxsize=4)
def duty_words(w: Words) -> frozenset[str]:
    """The words of a duty ("must", "has to", "should", "ought"): a sentence without any has none."""
    return w.demand_aux | w.appeal_aux


def _controllers(tok: Token):
    """Verbs (and adjectives) that govern ``tok`` through open complements: agreed -> to strengthen."""
    node = tok
    for _ in range(4):
        if node.dep_ in ("xcomp", "ccomp") and node.head.i != node.i and not _has_own_subject(node):
            node = node.head
            yield node
        elif node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        elif node.dep_ == "acomp" and node.head.pos_ in ("AUX", "VERB"):
            node = node.head  # "was not optimistic": the copula carries negation and modality
            yield node
        elif (node.dep_ == "pobj" or node.dep_ == "pcomp" and node.head.lower_ not in words().time_prep) \
                and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "ADJ", "NOUN"):
            node = node.head.head
            yield node
        else:
            return


def _future_time_clause(tok: Token, w: Words) -> bool:
    """A time clause in the present tense ("once the deal is signed", "after elections are held"):
    English tells future time so, and the clause takes its main clause's modality."""
    if tok.dep_ != "advcl" or tok.head.i == tok.i or not any(c.dep_ == "mark" and c.lower_ in w.time_mark
                                                             for c in tok.children):
        return False
    return tok.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                             for c in tok.children)


def _has_own_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def negation_cue(tok: Token, w: Words) -> Token | None:
    """The word that negates the trigger ("not", "never", "no", "refused"), or None."""
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in w.neg_word):
            return c
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        # "no reports of shelling", "no sign of fighting": the act is said not to have happened
        owner = tok.head.head
        cue = next((c for c in owner.children if c.dep_ == "det" and c.lower_ == "no"), None)
        if cue is not None:
            return cue
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "det" and c.lower_ == "no":
                return c
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            head = tok.head
            for c in head.children:
                if c.dep_ == "neg":
                    return c
            if head.lemma_.lower() in w.neg_control:
                return head
    for ctrl in _controllers(tok):
        if ctrl.lemma_.lower() in w.neg_control:
            return ctrl
        if ctrl.lemma_.lower() in ("have", "be") and tok.dep_ == "xcomp":
            yet = next((c for c in ctrl.children if c.dep_ == "advmod" and c.lower_ in w.not_yet), None)
            if yet is not None:  # "has yet to free the ship": not done (yet)
                return yet
        for c in ctrl.children:
            if c.dep_ == "neg" or (c.dep_ in ("aux", "auxpass") and any(n.dep_ == "neg" for n in c.children)):
                return c if c.dep_ == "neg" else next(n for n in c.children if n.dep_ == "neg")
    return None


def negated(tok: Token, w: Words) -> bool:
    return negation_cue(tok, w) is not None


def modality(tok: Token, w: Words) -> str:
    return modality_cue(tok, w)[0]


def modality_cue(tok: Token, w: Words) -> tuple[str, Token | None]:
    """The trigger's modality (asserted, intended, hypothetical) and the word that decided it."""
    chain = [tok]
    if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("VERB", "AUX") and tok.dep_ in ("dobj", "nsubjpass", "nsubj"):
        chain.append(tok.head)
    chain.extend(_controllers(chain[-1]))
    for node in chain[1:]:
        if node.lemma_.lower() in ("have", "be"):
            yet = next((c for c in node.children if c.dep_ == "advmod" and c.lower_ in w.not_yet), None)
            if yet is not None:  # "is yet to release": what has not happened so far (negated), not a plan
                return "asserted", yet
    if _future_time_clause(chain[-1], w):  # "talks can begin only after a deal is signed"
        chain.append(chain[-1].head)
        chain.extend(_controllers(chain[-1]))
    kid_lists = []  # each node's children, made once: a Python token per child per look is the cost here
    for node in chain:
        kids = list(node.children)
        kid_lists.append(kids)
        first = node.left_edge
        if first.i < node.i and first.lower_ in w.question and first.head.i == node.i and (
                node.dep_ == "ccomp" or node.dep_ == "advcl" and node.head.lemma_.lower() in w.speech
                and node.head.i < first.i):
            return "hypothetical", first  # "did not say when they would begin operations": a question
        if any(c.tag_ == "TO" for c in kids) and any(
                c.lower_ in ("how", "whether", "what", "when") for c in kids if c.dep_ in ("advmod", "mark", "dobj")):
            cue = next(c for c in kids if c.lower_ in ("how", "whether", "what", "when"))
            return "hypothetical", cue  # "details on how to integrate", "weighing whether to lift"
        for c in kids:
            low = c.lower_
            if c.dep_ == "mark" and low in w.hypo_mark:
                return "hypothetical", c
            if c.dep_ == "aux" and low in w.hypo_aux:
                return "hypothetical", c
        if node.dep_ == "advcl":
            for c in kids:
                if c.dep_ == "mark" and c.lower_ in w.hypo_mark:
                    return "hypothetical", c
        for clause in kids:  # the main clause of "if …" / "unless …"
            if clause.dep_ == "advcl" and clause.i > node.i:
                for c in clause.children:
                    if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                        return "hypothetical", c
    for node, kids in zip(chain, kid_lists, strict=True):
        for c in kids:
            if c.dep_ == "aux" and (c.lower_ in w.intent_aux or c.lower_ == "going"):
                return "intended", c
        if node is not tok and (node.lemma_.lower() in w.intent_control or is_wish(node)):
            return "intended", node
        # "the M23 is to cease fire", "Y is to complete the pull-out": an arrangement (GUIDELINES 10.7)
        if node.dep_ == "xcomp" and node.head.lemma_ == "be" and any(c.tag_ == "TO" for c in kids) \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.head.children):
            return "intended", node.head
        if node.dep_ == "xcomp" and node.head.lemma_.lower() == "go" and node.head.tag_ == "VBG":
            return "intended", node.head
    return "asserted", None


def speech_head(tok: Token, w: Words) -> Token | None:
    """The speech verb whose complement contains ``tok`` ("Putin said that Russia will provide")."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return None
        if node.head.lemma_.lower() == "make" and node.dep_ in ("ccomp", "advcl") and any(
                k.dep_ in ("ccomp", "acomp", "oprd", "xcomp") and k.lemma_.lower() in w.make_known
                for k in node.head.children):
            return node.head  # "made it clear that …", "wants to make clear that …": a statement, not a wish
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in w.speech:
            return node.head
        if node.dep_ in ("ccomp", "xcomp") and is_wish(node.head):
            return node.head  # "hoped Russia would agree", "wants China to press Russia"
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in w.opinion:
            return node.head  # "analysts fear that China could blockade Taiwan": an opinion, not a report
        if node.dep_ not in ("ccomp", "conj", "xcomp", "advcl", "dobj", "pobj", "prep", "parataxis", "relcl", "acl",
                             "acomp"):
            return None
        node = node.head
    return None
