"""Converter: PETRARCH-2's CAMEO verb dictionary (``CAMEO.2.0.txt``, MIT) into tidings lexicon rows.

A build step, not a coder stage: nothing here runs while coding. It reads the PETRARCH text format
(``../shared/reference/petrarch/dictionaries.rst``), converts what the lexicon format can express,
keeps the rows the measured selection (``data/lexicon/petrarch_selection.txt``) accepts and writes
``data/lexicon/zz_petrarch.tsv``, each row with its source line in ``origin``::

    python -m tidings.coding.petrarch ../shared/reference/petrarch/CAMEO.2.0.txt --report

``docs/petrarch-verbs.md`` gives the mapping, what converts, what does not and why, and the measured
effect. In short: a verb with its own or its block's code becomes a default row for that verb; a
pattern ``- * OBJECT (PREP NOUN) [code] # VERB`` becomes a row for the verb(s) its comment names, with
``prt``, ``obj``, ``prep`` and ``mod`` constraints, ``$``/``+`` choosing the ``source``/``target`` slots
and ``&SYNSET`` expanding to the set's one-word members.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = ["Block", "Conversion", "Dictionary", "Row", "Rule", "Verb", "convert", "main", "parse", "read_rules",
           "render_tsv", "rule_for", "select"]

SOURCE_NAME = "CAMEO.2.0.txt"
NULL_CODE = "---"
STATEMENT = "010"  # plain statements are not events in tidings (docs/lexicon.md)
# words that follow a verb as its particle ("burn down", "set out", "put forward")
PARTICLES = frozenset({"out", "off", "up", "down", "back", "away", "aside", "forward", "forth", "ahead", "together",
                       "apart"})
PREPOSITIONS = frozenset({"about", "across", "after", "against", "along", "amid", "among", "around", "as", "at",
                          "before", "behind", "between", "by", "during", "for", "from", "in", "inside", "into",
                          "near", "of", "on", "onto", "over", "through", "to", "toward", "towards", "under", "until",
                          "upon", "with", "within", "without"})
# the second word of a multi-word verb that takes the verb's object as its own ("ASK_FOR", "LOOK_INTO")
PREP_VERBS = frozenset({"about", "after", "against", "among", "amid", "as", "at", "before", "behind", "between",
                        "for", "from", "into", "of", "onto", "to", "toward", "towards", "under", "upon", "with"})
DETERMINERS = frozenset({"a", "an", "the"})
AUXILIARIES = frozenset({"be", "is", "are", "was", "were", "been", "have", "has", "had", "will", "would"})
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")
_LEMMA = re.compile(r"[a-z][a-z'\-]*")
COLUMNS = ("id", "code", "pos", "lemma", "prt", "prep", "obj", "comp", "source", "target", "intent", "note", "mod",
           "origin")


class Unconvertible(Exception):
    """A verb or pattern the lexicon format cannot express; the message is the reason."""


@dataclass(frozen=True)
class Verb:
    """A verb of a synonym block: lemma, the particle or noun written with it (``CALL_OFF``,
    ``WAGE_WAR``), its own code (None: the block's) and every form that may name it in a comment."""

    lemma: str
    prt: str | None
    code: str | None
    line: int
    noun: str | None = None
    problem: str | None = None  # why the verb itself cannot be converted
    forms: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return " ".join(w for w in (self.lemma, self.prt, self.noun) if w)


@dataclass(frozen=True)
class RawPattern:
    line: int
    text: str
    pre: tuple[str, ...]  # tokens before "*"
    post: tuple[str, ...]  # tokens after "*"
    code: str
    comment: str


@dataclass
class Block:
    title: str
    code: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[RawPattern] = field(default_factory=list)


@dataclass
class Dictionary:
    synsets: dict[str, tuple[str, ...]]  # name without "&" -> member phrases as written
    blocks: list[Block]
    transformations: list[tuple[int, str]]


@dataclass(frozen=True)
class Row:
    """One converted lexicon row: the columns of ``docs/lexicon.md`` plus ``origin``."""

    id: str
    code: str
    lemma: str
    prt: str = ""
    prep: str = ""
    obj: str = ""
    source: str = ""
    target: str = ""
    note: str = ""
    mod: str = ""
    origin: str = ""
    lossy: bool = False  # a noun modifier of the source pattern could not be kept

    @property
    def kind(self) -> str:
        """``default`` (the verb alone decides the code) or ``pattern`` (constraints must hold)."""
        return "pattern" if (self.prt or self.prep or self.obj or self.mod) else "default"

    @property
    def line(self) -> int:
        return int(self.origin.split(":", 1)[1].split(",")[0])

    def key(self) -> tuple[object, ...]:
        """The constraints, with plural and singular forms counted as one."""
        def norm(cell: str) -> frozenset[str]:
            return frozenset(_singular(w) for w in re.split(r"[|,]", cell) if w)

        preps = frozenset((p.partition(":")[0], norm(p.partition(":")[2])) for p in self.prep.split("|") if p)
        return (self.lemma, self.prt, preps, norm(self.obj), self.mod)

    def cells(self) -> list[str]:
        return [self.id, self.code, "V", self.lemma, self.prt, self.prep, self.obj, "", self.source, self.target, "",
                self.note, self.mod, self.origin]


@dataclass
class Conversion:
    rows: list[Row]
    dropped: list[tuple[int, str]]  # (source line, reason): once per source entry and reason
    read: Counter[str]


# ---------------------------------------------------------------- reading


def _strip_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body.rstrip(), comment.strip()


def _word(w: str) -> str:
    return w.strip().strip("_").replace("_", " ").lower()


def _regular(word: str) -> set[str]:
    """Regular inflections of a verb, generously: they only serve to read pattern comments."""
    out = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + word[-1] + "ed",
           word + word[-1] + "ing"}
    if word.endswith("e"):
        out.add(word[:-1] + "ing")
    if word.endswith("y"):
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    return out


def _verb(line: str, n: int) -> Verb | None:
    body, _ = _strip_comment(line)
    code_m = re.search(r"\[([^\]]*)\]", body)
    code = code_m.group(1).strip() if code_m else None
    forms_m = re.search(r"\{([^}]*)\}", body)
    written = [f.replace("+", "").lower() for f in (forms_m.group(1).split() if forms_m else [])]
    body = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", body).strip()
    if not body:
        return None
    phrase = body.split()[0]
    words = [w.lower() for w in phrase.split("_") if w]
    problem = None
    if "+" in phrase:  # the word marked "+" is the verb; words before it cannot be tested
        at = next(i for i, w in enumerate(words) if w.startswith("+"))
        if at:
            problem = "words before the verb (WIRE_+TAP)"
        words = [w.lstrip("+") for w in words[at:]]
    lemma, rest = words[0], words[1:]  # an unmarked multi-word verb: the first word is the verb
    prt = noun = None
    if rest and all(w in PARTICLES | PREPOSITIONS for w in rest):
        prt = " ".join(rest)
    elif len(rest) == 1 and rest[0] not in ("and", "or") and _LEMMA.fullmatch(rest[0]):
        noun = rest[0]  # "WAGE_WAR", "TAKE_NOTE": the noun is the verb's object
    elif rest:
        problem = problem or "not a verb and its particle or object"
    if lemma in AUXILIARIES or not _LEMMA.fullmatch(lemma):
        problem = problem or "not a verb lemma"
    forms = {"_".join([f] + rest) for f in _regular(lemma)} | set(written)
    return Verb(lemma, prt, code, n, noun, problem, frozenset(forms))


def parse(text: str) -> Dictionary:
    """Read the verb dictionary: synsets, verb synonym blocks with their patterns, transformations."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    transformations: list[tuple[int, str]] = []
    current_set: str | None = None
    block: Block | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip():
            current_set = None
            continue
        if line.lstrip().startswith("#"):
            continue
        if line.startswith("---"):
            m = re.match(r"---\s*(.*?)\s*\[([^\]]*)\]", line)
            title, code = (m.group(1), m.group(2).strip()) if m else (line.strip("- "), NULL_CODE)
            block = Block(title=title, code=code or NULL_CODE, line=n)
            blocks.append(block)
            current_set = None
        elif line.startswith("&"):
            current_set = line.split()[0][1:]
            synsets[current_set] = []
        elif line.startswith("~"):
            transformations.append((n, line))
        elif line.startswith("-") and block is not None:
            body, comment = _strip_comment(line[1:])
            m = re.search(r"\[([^\]]*)\]\s*$", body)
            code = m.group(1).strip() if m else ""
            tokens = _TOKEN.findall(body[: m.start()] if m else body)
            star = tokens.index("*") if "*" in tokens else len(tokens)
            block.patterns.append(RawPattern(n, line.strip(), tuple(tokens[:star]), tuple(tokens[star + 1:]), code,
                                             comment))
        elif line.startswith("+") and current_set is not None:
            synsets[current_set].append(_strip_comment(line[1:])[0].strip())
        elif block is not None and (verb := _verb(line, n)) is not None:
            block.verbs.append(verb)
    return Dictionary({k: tuple(v) for k, v in synsets.items()}, blocks, transformations)


# ---------------------------------------------------------------- converting


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")) and len(word) > 3:
        return word[:-1]
    return word


def _forms(word: str) -> list[str]:
    """The singular (what the parser's lemma gives) and the form as written, when it differs."""
    one = _singular(word)
    return [one, word] if one != word else [one]


@dataclass
class _Noun:
    lemmas: list[str]
    lossy: bool = False  # a modifier ({FINANCIAL AID}) was left out
    marker: str = ""  # "$" or "+": the slot holds the source or the target actor
    any: bool = False  # "^": any word


def _noun(item: str, synsets: dict[str, tuple[str, ...]]) -> _Noun:
    """The head lemmas of a noun item: ``WORD``, ``A/B``, ``{MOD HEAD}``, ``MOD_HEAD``, ``&SET``, ``$``,
    ``+`` or ``^``."""
    if item in ("$", "+"):
        return _Noun([], marker=item)
    if item == "^":
        return _Noun([], any=True)
    if item.startswith("{") or ("_" in item.strip("_") and not item.startswith("&")):
        words = [w for w in re.split(r"[\s_]+", item.strip("{}_")) if w.lower() not in DETERMINERS]
        if not words:
            raise Unconvertible("empty noun phrase")
        head = _noun(words[-1], synsets)
        return _Noun(head.lemmas, head.lossy or len(words) > 1, head.marker, head.any)
    if item.startswith("&"):
        if item[1:] not in synsets:
            raise Unconvertible("undefined synset")
        # one-word members only: a multi-word member's head alone ("gas" of "tear gas") means too much
        single = [m for m in (_word(p) for p in synsets[item[1:]]) if _LEMMA.fullmatch(m)]
        if not single:
            raise Unconvertible("synset with multi-word members only")
        return _Noun(list(dict.fromkeys(f for m in single for f in _forms(m))))
    lemmas = []
    for alt in item.split("/"):
        word = _word(alt)
        if not _LEMMA.fullmatch(word) or word in PREPOSITIONS or word in DETERMINERS:
            raise Unconvertible("not a noun")
        lemmas += _forms(word)
    return _Noun(list(dict.fromkeys(lemmas)))


def _adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word not in ("rally", "ally", "supply", "family", "assembly")


@dataclass
class _Shape:
    """What a pattern asks of the verb, in lexicon terms."""

    prt: str = ""
    obj: _Noun | None = None
    prep: str = ""  # "for", or alternatives "by|with"
    prep_obj: _Noun | None = None
    mod: str = ""
    source: str = ""
    target: str = ""


def _prep_phrase(item: str, s: _Shape, synsets: dict[str, tuple[str, ...]]) -> None:
    inner = [w for w in _TOKEN.findall(item[1:-1]) if w.lower() not in DETERMINERS]
    if not inner:
        raise Unconvertible("empty prepositional phrase")
    if _word(inner[0]) in PARTICLES and not s.prt:  # "(ASIDE RIFT)", "(OFF SANCTIONS)", "(OUT OF)"
        s.prt = _word(inner.pop(0))
        if not inner:
            return
        if _word(inner[0]) not in PREPOSITIONS:
            if s.obj is not None or len(inner) > 1:
                raise Unconvertible("free word sequence")
            s.obj = _noun(inner[0], synsets)
            return
    if s.prep:
        raise Unconvertible("two prepositional phrases")
    preps = [_word(x) for x in inner[0].split("/")]
    if not all(x in PREPOSITIONS for x in preps):
        raise Unconvertible("free word sequence")
    s.prep = "|".join(preps)
    if len(inner) > 2:
        raise Unconvertible("several words in a prepositional phrase")
    if len(inner) == 2:
        s.prep_obj = _noun(inner[1], synsets)


def _shape(p: RawPattern, synsets: dict[str, tuple[str, ...]]) -> _Shape:
    """The lexicon constraints of a pattern, or ``Unconvertible`` with the reason."""
    s = _Shape()
    if "%" in p.pre or "%" in p.post:
        raise Unconvertible("compound actor (%)")
    pre_markers = "".join(t for t in p.pre if t in ("$", "+"))
    pre_words = [t for t in p.pre if t not in ("$", "+")]
    if len(pre_words) == 1 and _adverb(_word(pre_words[0])):
        s.mod = _word(pre_words[0])  # "SHARPLY *"
    elif pre_words:
        raise Unconvertible("constrains the subject or words before the verb")
    items = list(p.post)
    if items and not items[0].startswith(("(", "{", "&", "$", "+", "^")) and _word(items[0]) in PARTICLES:
        s.prt = _word(items.pop(0))
    # a bare preposition and its object: the older TABARI way of writing "(PREP X)"
    if items and not items[0].startswith(("(", "{", "&")) and _word(items[0]) in PREPOSITIONS:
        prep = items.pop(0)
        obj = items.pop(0) if items and not items[0].startswith("(") else ""
        items.insert(0, f"({prep} {obj})")
    for item in items:
        if item.startswith("("):
            _prep_phrase(item, s, synsets)
        elif item == "^":
            continue
        elif item not in ("$", "+") and not item.startswith(("{", "&")) and _adverb(_word(item)) and not s.mod:
            s.mod = _word(item)  # "* BITTERLY"
        elif s.obj is not None:
            raise Unconvertible("free word sequence")
        else:
            s.obj = _noun(item, synsets)
    # actor slots: "$" marks the source, "+" the target; the subject is the source by default
    slots = {"subj": pre_markers}
    if s.obj is not None and s.obj.marker:
        slots["obj"], s.obj = s.obj.marker, None
    if s.prep_obj is not None and s.prep_obj.marker:
        slots[s.prep], s.prep_obj = s.prep_obj.marker, None
    for where, marker in slots.items():
        if "$" in marker and where != "subj":
            s.source = where
        if "+" in marker:
            s.target = where
    if s.target == "subj" and not s.source:
        raise Unconvertible("target is the subject and no source is marked")
    if s.obj is not None and s.obj.any:
        s.obj = None
    return s


def _first_code(code: str) -> str:
    """``042:043`` names the event and its reverse (the target hosts the visit): the first half is
    what the source does."""
    first, _, second = code.partition(":")
    first = first.strip()
    if not first and second.strip():
        raise Unconvertible("reverse-only code ([:173])")
    if not first or first == NULL_CODE:
        raise Unconvertible("null code (a pattern that blocks coding)")
    if first == STATEMENT:
        raise Unconvertible("plain statement (010): not an event in tidings")
    return first


def _verbs_of(p: RawPattern, block: Block) -> list[Verb]:
    """The verbs a pattern was written for: those its comment names, else every verb of the block."""
    parts = [x.strip().lower() for x in p.comment.split(",")]
    named = {re.sub(r"\s+", "_", x) for x in parts} | {w for x in parts for w in x.split()}
    return [v for v in block.verbs if v.forms & named] or block.verbs


def _gloss(row: Row, name: str) -> str:
    def short(cell: str) -> str:
        words = list(dict.fromkeys(_singular(w) for w in re.split(r"[|,]", cell) if w))
        return "/".join(words[:3]) + ("/…" if len(words) > 3 else "")

    parts = [row.lemma, row.prt, row.mod, short(row.obj)]
    for alt in row.prep.split("|")[:1]:
        prep, _, objs = alt.partition(":")
        parts += [prep, short(objs)]
    return " ".join(p for p in parts if p) + f": {name}"


def _row(v: Verb, s: _Shape, code: str, name: str, line: int) -> Row:
    """The row of one verb for one pattern shape, or ``Unconvertible``."""
    prt, obj, prep, prep_obj = v.prt or s.prt, s.obj, s.prep, s.prep_obj
    source, target = s.source, s.target
    if prt and " " in prt:
        raise Unconvertible("multi-word particle")
    if v.noun:  # "WAGE_WAR": the verb's own noun is its object
        if obj is not None or "obj" in (source, target):
            raise Unconvertible("free word sequence")
        obj = _Noun(_forms(v.noun))
    if v.prt in PREP_VERBS and (obj is not None or "obj" in (source, target)):
        # "ASK_FOR" + "AID": the object belongs to the preposition ("asked for aid")
        if prep:
            raise Unconvertible("two prepositional phrases")
        prep, prep_obj, obj, prt = v.prt, obj, None, ""
        source, target = (v.prt if source == "obj" else source), (v.prt if target == "obj" else target)
    prep_cell = prep
    if prep_obj is not None:
        prep_cell = "|".join(f"{x}:{','.join(prep_obj.lemmas)}" for x in prep.split("|"))
    extra = prt or v.noun or ""
    row = Row(
        id=f"pv.{v.lemma}{'.' + extra.replace(' ', '-') if extra else ''}.{line}", code=code, lemma=v.lemma,
        prt=prt or "", prep=prep_cell, obj="|".join(obj.lemmas) if obj is not None else "", source=source,
        target=target, mod=s.mod, origin=f"{SOURCE_NAME}:{line}",
        lossy=bool((obj and obj.lossy) or (prep_obj and prep_obj.lossy)),
    )
    return replace(row, note=_gloss(row, name))


def convert(d: Dictionary, codes: dict[str, str], *, whole_block: bool = False) -> Conversion:
    """Lexicon rows for every convertible verb and pattern. ``codes`` maps CAMEO codes to their names
    (the codebook); ``whole_block`` applies a pattern to every verb of its block, as PETRARCH does,
    instead of only to the verbs its comment names."""
    rows: list[Row] = []
    dropped: set[tuple[int, str]] = set()
    read: Counter[str] = Counter(blocks=len(d.blocks), synsets=len(d.synsets))
    for n, _text in d.transformations:
        read["transformations"] += 1
        dropped.add((n, "transformation (a verb-on-verb rewrite)"))
    for block in d.blocks:
        for v in block.verbs:
            read["verbs"] += 1
            code = v.code if v.code is not None else block.code
            if code in (NULL_CODE, ""):
                read["verbs with no code of their own"] += 1
                continue
            try:
                if v.problem:
                    raise Unconvertible(v.problem)
                code = _first_code(code)
                if code not in codes:
                    raise Unconvertible("code not in the CAMEO codebook")
                rows.append(_row(v, _Shape(), code, codes[code], v.line))
            except Unconvertible as exc:
                dropped.add((v.line, str(exc)))
        for p in block.patterns:
            read["patterns"] += 1
            try:
                code = _first_code(p.code)
                if code not in codes:
                    raise Unconvertible("code not in the CAMEO codebook")
                s = _shape(p, d.synsets)
            except Unconvertible as exc:
                dropped.add((p.line, str(exc)))
                continue
            for v in block.verbs if whole_block else _verbs_of(p, block):
                if v.problem:
                    dropped.add((p.line, v.problem))
                    continue
                if v.prt and s.prt and v.prt != s.prt:
                    continue
                try:
                    rows.append(_row(v, s, code, codes[code], p.line))
                except Unconvertible as exc:
                    dropped.add((p.line, str(exc)))
    rows, more = _resolve(rows, codes)
    converted = {r.line for r in rows}
    return Conversion(rows, sorted((n, why) for n, why in dropped | more if n not in converted), read)


def _resolve(rows: list[Row], names: dict[str, str]) -> tuple[list[Row], set[tuple[int, str]]]:
    """One row per constraint set. Duplicates merge (``origin`` lists every line); when the source
    codes the same constraints two ways, a row that kept all its words beats one that lost a noun
    modifier, sub-codes of one root give that root ("stage a strike": 140 and 143 give 140), and codes
    of different roots drop the constraint set."""
    by_key: dict[tuple[object, ...], list[Row]] = defaultdict(list)
    for r in rows:
        by_key[r.key()].append(r)
    out: list[Row] = []
    dropped: set[tuple[int, str]] = set()
    for group in by_key.values():
        exact = [r for r in group if not r.lossy] or group
        for r in group:
            if r not in exact and r.code not in {x.code for x in exact}:
                dropped.add((r.line, "a noun modifier decides the code (not testable on an object)"))
        codes = {r.code for r in exact}
        keep = exact[0]
        if len(codes) > 1:
            root = keep.code[:2] + "0"
            if len({c[:2] for c in codes}) > 1 or root not in names:
                dropped |= {(r.line, "the source codes the same pattern two ways") for r in exact}
                dropped |= {(r.line, "a noun modifier decides the code (not testable on an object)")
                            for r in group if r not in exact}
                continue
            keep = replace(keep, code=root, note=keep.note.split(":")[0] + f": {names[root]}")
        # the repeats, and rows that lost a modifier but give the same code, are merged into the kept row
        others = sorted({r.line for r in group if r in exact or r.code in codes} - {keep.line})
        out.append(replace(keep, origin=keep.origin + "".join(f",{n}" for n in others)))
    out.sort(key=lambda r: (r.line, r.id))
    return out, dropped


# ---------------------------------------------------------------- the measured selection


@dataclass(frozen=True)
class Rule:
    """A selection decision. ``scope`` ``root``: key ``02 pattern`` (a CAMEO root and a kind, ``default``
    or ``pattern``); ``verb``: key ``fail 12 default``, ``demand 02 pattern`` or ``remit *``; ``line``:
    key a source line (one pattern, for every verb it was written for). The most specific rule wins
    (line, verb, root); a row that no rule keeps is left out."""

    scope: str
    key: str
    keep: bool
    reason: str


def read_rules(path: str | Path) -> list[Rule]:
    from tidings.tables import read_table

    rows = read_table(Path(path), columns=("scope", "key", "decision", "reason"), header=False,
                      required=("scope", "key", "decision", "reason"),
                      checks={"scope": lambda v: None if v in ("root", "verb", "line") else "must be root, verb or line",
                              "decision": lambda v: None if v in ("keep", "drop") else "must be keep or drop"})
    return [Rule(r["scope"], " ".join(r["key"].split()), r["decision"] == "keep", r["reason"]) for r in rows]


def rule_for(row: Row, rules: dict[tuple[str, str], Rule]) -> Rule | None:
    root = row.code[:2]
    for n in row.origin.split(":", 1)[1].split(","):
        if ("line", n) in rules:
            return rules[("line", n)]
    for key in (f"{row.lemma} {root} {row.kind}", f"{row.lemma} {row.kind}", f"{row.lemma} *"):
        if ("verb", key) in rules:
            return rules[("verb", key)]
    return rules.get(("root", f"{root} {row.kind}"))


def select(rows: Iterable[Row], rules: Sequence[Rule]) -> tuple[list[Row], list[tuple[Row, str]]]:
    """Kept rows, and the rows left out with the reason of the rule that left them out."""
    by_key = {(r.scope, r.key): r for r in rules}
    kept: list[Row] = []
    dropped: list[tuple[Row, str]] = []
    for row in rows:
        rule = rule_for(row, by_key)
        if rule is not None and rule.keep:
            kept.append(row)
        else:
            dropped.append((row, rule.reason if rule else "not measured to raise the development figures"))
    return kept, dropped


# ---------------------------------------------------------------- writing

HEADER = """\
# tidings event lexicon: rows converted from PETRARCH-2's CAMEO verb dictionary (CAMEO.2.0.txt,
# openeventdata/petrarch2, MIT licence: PETRARCH-LICENSE beside this file). Generated by
# `python -m tidings.coding.petrarch` from the selection in petrarch_selection.txt; do not edit by hand.
# `origin` is the source line (several when the source repeats the pattern). A zz_ file is a fallback:
# its rows are tried only where no pattern of the project's own files fits (docs/lexicon.md)."""


def render_tsv(rows: Iterable[Row], summary: Sequence[str] = ()) -> str:
    lines = [HEADER] + [f"# {s}" for s in summary] + ["\t".join(COLUMNS)] + ["\t".join(r.cells()) for r in rows]
    return "\n".join(lines) + "\n"


def _codebook_names() -> dict[str, str]:
    from tidings.coding.codebook import codebook

    return {c: code.name for c, code in codebook().items()}


def main(argv: Sequence[str] | None = None) -> int:
    lexicon = Path(__file__).resolve().parents[1] / "data" / "lexicon"
    ap = argparse.ArgumentParser(prog="python -m tidings.coding.petrarch",
                                 description="Convert PETRARCH-2's CAMEO.2.0.txt into data/lexicon/zz_petrarch.tsv.")
    ap.add_argument("source", help="path of CAMEO.2.0.txt")
    ap.add_argument("--out", default=str(lexicon / "zz_petrarch.tsv"), help="TSV to write")
    ap.add_argument("--selection", default=str(lexicon / "petrarch_selection.txt"),
                    help="measured keep/drop rules ('none': keep every converted row)")
    ap.add_argument("--whole-block", action="store_true", help="apply each pattern to every verb of its block")
    ap.add_argument("--report", action="store_true", help="print what was left out, by reason")
    args = ap.parse_args(argv)
    d = parse(Path(args.source).read_text(encoding="utf-8"))
    conv = convert(d, _codebook_names(), whole_block=args.whole_block)
    rules = [] if args.selection == "none" else read_rules(args.selection)
    kept, dropped = select(conv.rows, rules) if rules else (conv.rows, [])
    summary = [f"read: {', '.join(f'{n} {k}' for k, n in conv.read.items())}",
               f"converted rows: {len(conv.rows)}; kept: {len(kept)}"]
    Path(args.out).write_text(render_tsv(kept, summary), encoding="utf-8")
    print(f"{'; '.join(summary)}; wrote {args.out}")
    if args.report:
        pattern_lines = {p.line for b in d.blocks for p in b.patterns}
        converted = {int(n) for r in conv.rows for n in r.origin.split(":", 1)[1].split(",")}
        for what, lines in (("patterns", pattern_lines), ("verbs", {v.line for b in d.blocks for v in b.verbs}),
                            ("transformations", {n for n, _ in d.transformations})):
            reasons = Counter(why for n, why in conv.dropped if n in lines)
            print(f"{what}: {len(lines)} read, {len(lines & converted)} converted, {sum(reasons.values())} not:")
            for reason, n in reasons.most_common():
                print(f"{n:6d}  {reason}")
        print(f"rows: {len(conv.rows)} converted ({Counter(r.kind for r in conv.rows)}), {len(kept)} kept, "
              f"{len(dropped)} left out:")
        for reason, n in Counter(why.split(":")[0] if why.startswith(("sense", "measured")) else why
                                 for _, why in dropped).most_common():
            print(f"{n:6d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
