"""Syntactic helpers over spaCy's dependency parse (ClearNLP labels): subjects with inheritance
through control, coordination and participles; objects; prepositional objects; voice."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from tidings.docindex import memo, passive_verbs, tables

__all__ = ["agent_participle", "effective_noun", "is_passive", "nonrestrictive", "objects", "pobjs", "subjects"]

QUANTITY_HEADS = frozenset({"million", "billion", "trillion", "thousand", "hundred", "dozen", "$", "us$", "€", "£",
                            "bn", "m", "tens", "hundreds", "thousands", "millions", "billions", "lot", "number",
                            "amount", "sum", "total", "package", "tranche", "batch", "series", "round", "wave",
                            "kind", "type", "form", "set", "pair", "couple",
                            # "gave some of its old tanks", "returned part of the collection": a share of the thing
                            "some", "part", "portion", "half", "most", "rest", "remainder", "bulk"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})


def is_passive(verb: Token) -> bool:
    """Whether the verb has a passive subject or auxiliary ("was given", "were killed")."""
    return verb.i in passive_verbs(verb.doc)


def message_sender(addressee: Token) -> Token | None:
    """The verb that sent a message to ``addressee`` ("sent a letter to Minsk", "delivered a note to
    the embassy"): a participle hung on the addressee is the message's content, the sender's act."""
    from tidings.coding.modality import words

    to = addressee.head
    if addressee.dep_ != "pobj" or to.lower_ != "to" or to.dep_ not in ("dative", "prep"):
        return None
    gov = to.head
    if gov.pos_ != "VERB" or not any(c.dep_ == "dobj" and c.lemma_.lower() in words().message for c in gov.children):
        return None
    return gov


def controlled_passive(verb: Token) -> bool:
    """A passive clause with no subject of its own that takes one from the clause it depends on
    ("after being intercepted", "hopes to be invited"): that subject is acted on, not acting."""
    return verb.dep_ in ("pcomp", "advcl", "xcomp") and is_passive(verb) \
        and not any(c.dep_ == "nsubjpass" for c in verb.children) \
        and any(c.dep_ == "auxpass" and c.lower_ in ("being", "be", "been") for c in verb.children)


def _counted_span(tok: Token) -> bool:
    """A counted stretch of time or a counted series ("three days of drills", "two weeks of talks"): the
    act is what it contains (``container`` in ``data/modality.tsv``)."""
    from tidings.coding.modality import words

    return tok.lemma_.lower() in words().container and any(c.dep_ == "nummod" for c in tok.children)


def effective_noun(tok: Token) -> Token:
    """Skip quantity heads: "US$630 million in loans" -> loans; "a package of sanctions" -> sanctions;
    "three days of exercises" -> exercises."""
    seen = 0
    while seen < 3 and (tok.lower_ in QUANTITY_HEADS or tok.like_num or tok.tag_ == "CD" or tok.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY")
                        or _counted_span(tok)):
        nxt = None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                nxt = next((p for p in c.children if p.dep_ == "pobj"), None)
                break
        if nxt is None:
            # "$ 630 million": the money symbol heads the phrase
            break
        tok = nxt
        seen += 1
    return tok


def _with_conj(toks: Iterable[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        if t not in out:
            out.append(t)
        for c in t.conjuncts:
            if c.i > t.i and c not in out and c.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(c)
    return out


def pobjs(tok: Token, prep: str) -> list[Token]:
    """Objects of the preposition ``prep`` hanging on ``tok`` (with their conjuncts)."""
    doc = tok.doc
    kids, labels, low = tables(doc)
    preps = [c for c in kids[tok.i] if labels[c] in ("prep", "agent", "dative", "prt") and low[c] == prep]
    # "on Iran's ministry and on its former president": the repeated preposition is a conjunct of the first
    preps += [d for c in preps for d in kids[c] if labels[d] == "conj" and low[d] == prep]
    out = [doc[p] for c in preps
           for p in kids[c] if labels[p] in ("pobj", "pcomp")]  # a particle with an object: a mislabelled preposition
    return _with_conj(out) if out else out


def objects(verb: Token) -> list[Token]:
    """Direct objects of a verb; for a passive verb, its passive subject. The list is shared by
    every caller: do not change it."""
    answers = memo(verb.doc)
    key = ("objects", verb.i)
    found = answers.get(key)
    if found is None:
        found = answers[key] = _objects(verb)
    return found


def _objects(verb: Token) -> list[Token]:
    doc = verb.doc
    all_kids, labels, _ = tables(doc)
    kids = all_kids[verb.i]
    if is_passive(verb):
        found = [doc[c] for c in kids if labels[c] == "nsubjpass"]
        if verb.dep_ == "relcl" and found and found[0].lower_ in RELATIVE_PRONOUNS:
            found = [verb.head]  # "Cheng Lei, who was detained in 2020": the noun the clause is about
        if not found and verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
            found = [verb.head]
        if not found and verb.dep_ == "conj":  # "X attacked Y and was arrested": the first subject
            found = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not found and controlled_passive(verb):  # "X shelled a village before being intercepted": X
            governor = verb.head.head if verb.head.pos_ == "ADP" else verb.head
            found = [c for c in governor.children if c.dep_ == "nsubj"]
        return _with_conj(found)
    found = [doc[c] for c in kids if labels[c] in ("dobj", "obj")]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = [verb.head]  # "sanctions imposed by the US"
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "a charge that Paris rejects": the relative word stands for the noun; "the duties it
        # imposed on barley": no relative word, a subject of its own, the gap is the object
        rel = [c for c in found if c.lower_ in RELATIVE_PRONOUNS]
        gap = not found and any(c.dep_ == "nsubj" for c in verb.children) \
            and not any(c.lower_ in RELATIVE_PRONOUNS or c.tag_ in ("WDT", "WP", "WRB") for c in verb.children)
        if rel or gap:
            found = [verb.head]
    return _with_conj(found)


def agent_participle(verb: Token) -> bool:
    """A participle phrase with its own agent that describes a noun or the main clause ("an exchange
    brokered by the UAE", "backed by Russia, the rebels …")."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and any(c.dep_ == "agent" for c in verb.children)


def nonrestrictive(clause: Token) -> bool:
    """A relative clause set off by a comma or hung on a name ("Cheng Lei, who was detained in 2020",
    "Washington, which announced sanctions"): the writer's own aside about the noun, asserted, not
    part of what the governing clause reports, demands or denies."""
    if clause.dep_ != "relcl":
        return False
    left = clause.left_edge.i
    return (left > 0 and clause.doc[left - 1].text in (",", "(", "—", "–")) or clause.head.pos_ == "PROPN" \
        or clause.head.dep_ == "appos"  # "…, a charge that Paris rejects"


def datives(verb: Token) -> list[Token]:
    return _with_conj(c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP")


def _raises_subject(head: Token, verb: Token) -> bool:
    """Whether a passive verb's subject is the agent of its infinitive: "is scheduled / set / was forced
    to X" (a plan or a compulsion), not hearsay or others' expectation ("is believed / said to have
    fired", "is expected to discuss") nor a passive infinitive, whose subject is the patient ("are
    believed to be held")."""
    from tidings.coding.modality import words

    w = words()
    if head.lemma_.lower() in (w.speech | w.allege | w.opinion):
        return False
    return not is_passive(verb) and not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)


def subjects(verb: Token, object_control: frozenset[str], depth: int = 0) -> list[Token]:
    """The agent(s) of a verb: its own subject, the by-agent of a passive, or one inherited through
    control ("agreed to strengthen"), coordination, participles and relative clauses. The list is
    shared by every caller: do not change it."""
    if depth:
        return _subjects(verb, object_control, depth)
    answers = memo(verb.doc)
    key = ("subjects", verb.i, object_control)
    found = answers.get(key)
    if found is None:
        found = answers[key] = _subjects(verb, object_control, 0)
    return found


def _subjects(verb: Token, object_control: frozenset[str], depth: int) -> list[Token]:
    if depth > 6:
        return []
    if is_passive(verb) or agent_participle(verb):
        # "was brokered by Qatar", "talks mediated by Norway", "backed by Russia, the rebels …"
        agents = pobjs(verb, "by")
        if agents:
            return agents
        if any(c.dep_ == "nsubjpass" for c in verb.children) or controlled_passive(verb):
            return []
    if verb.tag_ == "VBG" and verb.dep_ == "pobj":
        sender = message_sender(verb)
        if sender is not None:  # "sent a note to [Minsk warning of …]": misparsed, the sender warns
            return subjects(sender, object_control, depth + 1)
    own = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not own:  # the parser sometimes hangs the subject on the auxiliary ("Russia had earlier lent …")
        own = [c for a in verb.children if a.dep_ in ("aux", "auxpass") for c in a.children if c.dep_ == "nsubj"]
    if own:
        if own[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return _with_conj([verb.head])
        return _with_conj(own)
    head = verb.head
    if head.i == verb.i:
        return recover_subject(verb)
    dep = verb.dep_
    if dep in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        if dep == "xcomp" and is_passive(head) and not pobjs(head, "by") and _raises_subject(head, verb):
            # "Obama is scheduled to attend", "Russia was forced to withdraw": the passive subject acts
            raised = [c for c in head.children if c.dep_ == "nsubjpass"]
            if raised:
                return _with_conj(raised)
        if head.lemma_.lower() in object_control:
            objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
            objs += pobjs(head, "on")  # "called on Russia to withdraw"
            if objs:
                return _with_conj(objs)
        return subjects(head, object_control, depth + 1)
    if dep == "conj":
        own_clause = _misattached_subject(verb)
        if own_clause:
            return own_clause
        return subjects(head, object_control, depth + 1)
    if dep in ("advcl", "acl") and verb.tag_ in ("VBG", "VBN", "VB"):
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
            sender = message_sender(head)
            if sender is not None:  # "sent a letter to Minsk warning of …": the sender warns
                return subjects(sender, object_control, depth + 1)
            return [head]
        if dep == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") \
                and any(c.dep_ in ("dobj", "obj") for c in verb.children):
            # "The Iraqi air force launched raids …" misparsed as a noun with a reduced
            # relative: a participle with its own direct object is the main verb, active
            return _with_conj([head])
        if dep == "advcl":
            return subjects(head, object_control, depth + 1)
    if dep == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head]
    if dep == "pcomp" and head.head.i != head.i:  # "after accusing Belarus"
        return subjects(head.head, object_control, depth + 1)
    if dep in ("amod", "acomp") and head.pos_ in ("AUX", "VERB"):
        return subjects(head, object_control, depth + 1)
    return []


def _misattached_subject(verb: Token) -> list[Token]:
    """A coordinated clause with its own named subject that the parser hung on the first clause
    ("Azerbaijan released 32 servicemen on Monday and Armenia freed two soldiers": "Armenia" read as
    a conjunct of "Monday"): the name right after the conjunction, before the verb, is the subject."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and (doc[j].dep_ in ("aux", "neg", "advmod", "auxpass") or doc[j].pos_ in ("ADV", "AUX", "PART")):
        j -= 1
    if j < 1 or doc[j].pos_ != "PROPN" or doc[j].dep_ not in ("conj", "pobj", "dobj", "appos", "npadvmod") \
            or doc[j].head.i >= doc[j].i:
        return []
    left = min((t.i for t in doc[j].children if t.i < j and t.dep_ in ("compound", "det", "amod")), default=j)
    before = doc[left - 1]
    return [doc[j]] if before.dep_ == "cc" and before.lower_ in ("and", "but", "while", "whereas") else []


def recover_subject(verb: Token) -> list[Token]:
    """A main verb the parser left without a subject after a fronted clause ("As X began …, Putin
    and his allies agreed"): the noun phrase right before the verb, with its conjuncts up to the
    comma that closes the fronted clause."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and (doc[j].dep_ in ("aux", "neg", "advmod", "auxpass") or doc[j].pos_ in ("ADV", "AUX", "PART")):
        j -= 1
    if j < 0 or doc[j].pos_ not in ("NOUN", "PROPN") or doc[j].dep_ in ("nsubj", "nsubjpass", "compound"):
        return []
    chain = [doc[j]]
    cur = doc[j]
    while cur.dep_ == "conj" and cur.head.i < cur.i:
        if any(t.text in (",", ";", ":") for t in doc[cur.head.i + 1:cur.i]):
            break  # "isolation, President Putin and his allies": the comma ends the fronted clause
        cur = cur.head
        chain.insert(0, cur)
    return chain
