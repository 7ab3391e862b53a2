"""The model's attribute rules, applied with arrays instead of spaCy's token Matcher.

The English model maps each fine tag to its part of speech and features with about 180 rules in an
``attribute_ruler`` (plus exceptions such as "gonna" or "there is"). spaCy's component runs them
through its general token Matcher, which costs about 15% of the whole model's time on news text. Here
the same rules, read from the loaded component, are compared column by column on the document's
arrays, and the values are written back in one array: the annotations are the same (tests compare
every token of both on generated news), in a tenth of the time. Rules that use a Matcher feature
this class does not implement (quantifiers, comparison operators, other attributes) make
:func:`fast_ruler` return ``None``, and the model's own component stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["FastAttributeRuler", "fast_ruler", "use_fast_rules"]

# token attributes a rule may test, and what is compared: hashes of strings, or a 0/1 flag
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "POS", "SHAPE"})
_FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE"})
_WRITABLE = frozenset({"POS", "MORPH", "LEMMA", "TAG", "DEP"})

Test = Callable[[numpy.ndarray], numpy.ndarray]


@dataclass(frozen=True)
class _Rule:
    """One pattern of one rule: token tests, the token it writes, what it writes, what it needs."""
    order: int                                       # the rule's place: a later rule's values win
    tests: tuple[tuple[tuple[str, Test], ...], ...]  # per pattern token: (attribute, test on a column)
    target: int                                      # which token of the match receives the values
    values: tuple[tuple[str, int], ...]              # (attribute, value) as spaCy normalised them
    needs: tuple[tuple[str, int], ...]               # (attribute, hash) the document must contain


class FastAttributeRuler:
    """A drop-in for the model's ``attribute_ruler``: the same rules, the same values, arrays."""

    def __init__(self, rules: list[_Rule]):
        self.rules = sorted(rules, key=lambda r: r.order)  # stable: a rule's own patterns keep their order
        self.columns = sorted({attr for r in rules for token in r.tests for attr, _ in token})
        self.writes = sorted({attr for r in rules for attr, _ in r.values})
        self._column_ids = [IDS[a] for a in self.columns]
        self._write_ids = [IDS[a] for a in self.writes]

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        table = doc.to_array(self._column_ids) if self.columns else numpy.zeros((n, 0), dtype="uint64")
        columns = {a: table[:, k] for k, a in enumerate(self.columns)}
        present = {a: set(col.tolist()) for a, col in columns.items() if a in ("TAG", "LOWER", "ORTH")}
        out = doc.to_array(self._write_ids)
        where = {a: k for k, a in enumerate(self.writes)}
        written = False
        for rule in self.rules:
            if any(h not in present[a] for a, h in rule.needs):
                continue
            length = len(rule.tests)
            if length > n:
                continue
            mask = numpy.ones(n - length + 1, dtype=bool)  # a token with no test matches any word ({})
            for offset, token in enumerate(rule.tests):
                for attr, test in token:
                    mask &= test(columns[attr][offset:n - length + 1 + offset])
            if mask.any():
                rows = out[rule.target:rule.target + mask.size]  # a view: match starts shifted to the target
                for attr, value in rule.values:
                    rows[mask, where[attr]] = value
                written = True
        if written:
            doc.from_array(self._write_ids, out)  # type: ignore[arg-type]  # thinc's Ints2d is a numpy array
        return doc


def fast_ruler(ruler: AttributeRuler) -> FastAttributeRuler | None:
    """The rules of ``ruler`` in array form, or ``None`` where one uses a feature not implemented here."""
    names = {IDS[a]: a for a in _WRITABLE}
    rules: list[_Rule] = []
    for order, (entry, values) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
        if any(k not in names for k in values):
            return None
        index = cast(int, entry["index"])
        for pattern in cast(list[list[dict]], entry["patterns"]):
            compiled = _compile(pattern, ruler.vocab.strings)
            if compiled is None:
                return None
            tests, needs = compiled
            target = index if index >= 0 else len(pattern) + index
            if not 0 <= target < len(pattern):
                return None
            rules.append(_Rule(order, tests, target, tuple((names[k], v) for k, v in values.items()), needs))
    return FastAttributeRuler(rules)


def _compile(pattern: list[dict], strings: Any) -> tuple[tuple, tuple] | None:
    tests = []
    needs = []
    for spec in pattern:
        token = []
        for attr, want in spec.items():
            attr = attr.upper()
            if attr not in _STRING_ATTRS and attr not in _FLAG_ATTRS:
                return None  # "OP", "_" (extensions), "MORPH", lengths…: the model's own component stays
            test = _test(attr, want, strings)
            if test is None:
                return None
            token.append((attr, test))
            if attr in ("TAG", "LOWER", "ORTH") and isinstance(want, str):
                needs.append((attr, get_string_id(want)))
        tests.append(tuple(token))
    return tuple(tests), tuple(needs)


def _test(attr: str, want: Any, strings: Any) -> Test | None:
    if attr in _FLAG_ATTRS:
        if not isinstance(want, bool):
            return None
        flag = int(want)
        return lambda col: col == flag
    if isinstance(want, str):
        h = numpy.uint64(get_string_id(want))
        return lambda col: col == h
    if isinstance(want, dict) and len(want) == 1:
        (op, arg), = want.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            values = [numpy.uint64(get_string_id(v)) for v in arg]
            if op == "IN":
                return lambda col: _member(col, values)
            return lambda col: ~_member(col, values)
        if op == "REGEX" and isinstance(arg, str):
            return _regex_test(re.compile(arg), strings)
    return None


def _member(col: numpy.ndarray, values: list) -> numpy.ndarray:
    """``numpy.isin`` for a handful of values, without its fixed cost."""
    hit = col == values[0] if values else numpy.zeros(col.shape, dtype=bool)
    for v in values[1:]:
        hit |= col == v
    return hit


def _regex_test(regex: re.Pattern, strings: Any) -> Test:
    known: dict[int, bool] = {}  # each distinct word is tried once (up to a bound)

    def test(col: numpy.ndarray) -> numpy.ndarray:
        if len(known) > 200_000:
            known.clear()
        hits = []
        for h in set(col.tolist()):
            hit = known.get(h)
            if hit is None:
                hit = known[h] = bool(regex.search(strings[h]))
            if hit:
                hits.append(h)
        return _member(col, [numpy.uint64(h) for h in hits])

    return test


def use_fast_rules(nlp: Language) -> bool:
    """Put the array form in place of the model's ``attribute_ruler`` (same name), where it applies."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler) or fast_ruler(ruler) is None:
        return False
    nlp.add_pipe("tidings_attribute_rules", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.rename_pipe("tidings_attribute_rules", "attribute_ruler")
    return True


@Language.factory("tidings_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> FastAttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    fast = fast_ruler(ruler) if isinstance(ruler, AttributeRuler) else None
    if fast is None:
        raise ValueError("the model's attribute_ruler uses a rule this component cannot apply")
    return fast
