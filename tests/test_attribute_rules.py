"""The model's attribute rules in array form give spaCy's own annotations, token for token."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from tidings.attribute_rules import FastAttributeRuler, fast_ruler, use_fast_rules
from tidings.bench.corpus import generate
from tidings.config import Settings
from tidings.nlp import load_pipeline, model_name

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]

# contractions, dialect spellings, "there is", pronoun cases, blanks: the model's exception rules
ODD_TEXTS = [
    "They're gonna sign it, y'all know that. There is a deal; there's a plan and there were doubts.",
    "Doin' nothin' won't help, the ol' minister said. C'mon, let's wait. We gotta go, and 'em too.",
    "  Two  spaces,\n\na blank line,\ta tab. I met him. He met me. It rained on it. Did they? They did.",
    "Wo n't it be? Ca n't say. That is what this means, but which one? Those who left.",
]


@pytest.fixture(scope="module")
def pair():
    stock = spacy.load(model_name(Settings()))
    fast = spacy.load(model_name(Settings()))
    assert use_fast_rules(fast)
    return stock, fast


def test_the_array_form_replaces_the_model_component_under_its_name(pair):
    stock, fast = pair
    assert fast.pipe_names == stock.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(load_pipeline().get_pipe("attribute_ruler"), FastAttributeRuler)


def test_every_token_gets_the_model_components_values(pair):
    stock, fast = pair
    texts = [d["text"] for d in generate(40, seed=3)] + ODD_TEXTS + ["", " "]
    compared = 0
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert [t.text for t in a] == [t.text for t in b]
        assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all(), a.text[:80]
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
        compared += len(a)
    assert compared > 10_000


def _ruler(patterns: list[dict]) -> tuple[spacy.language.Language, spacy.language.Language]:
    """Two blank pipelines with the same rules: spaCy's component in one, the array form in the other."""
    stock, fast = spacy.blank("en"), spacy.blank("en")
    for nlp in (stock, fast):
        ruler = nlp.add_pipe("attribute_ruler")
        assert isinstance(ruler, AttributeRuler)
        ruler.add_patterns(patterns)
    assert use_fast_rules(fast)
    return stock, fast


def test_later_rules_win_and_operators_match_as_in_spacy():
    patterns = [
        {"patterns": [[{}]], "attrs": {"LEMMA": "word"}},  # a token with no test: every word, first
        {"patterns": [[{"LOWER": "red"}]], "attrs": {"POS": "NOUN", "LEMMA": "rouge"}},
        {"patterns": [[{"LOWER": {"IN": ["red", "blue"]}}]], "attrs": {"POS": "ADJ"}},  # later: ADJ wins
        {"patterns": [[{"LOWER": {"REGEX": "^gre+n$"}}, {"LOWER": "sea"}]], "attrs": {"LEMMA": "ocean"}, "index": -1},
        {"patterns": [[{"LOWER": {"NOT_IN": ["red", "blue", "green", "sea", "."]}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "MORPH": "_"}},
        {"patterns": [[{"ORTH": "Blue"}], [{"ORTH": "BLUE"}]], "attrs": {"MORPH": "Case=Nom"}},
        {"patterns": [[{"POS": "PROPN"}]], "attrs": {"LEMMA": "name"}},  # parts of speech are symbols
    ]
    stock, fast = _ruler(patterns)
    for text in ("red blue green sea.", "Blue  greeen sea and RED", "BLUE sea green red", "sea"):
        a, b = stock.make_doc(text), fast.make_doc(text)
        for doc in (a, b):
            doc[0].pos_ = "PROPN"
        a, b = stock(a), fast(b)
        assert [(t.pos_, t.lemma_, str(t.morph)) for t in a] == [(t.pos_, t.lemma_, str(t.morph)) for t in b], text
    b = fast("red blue greeen sea tide")
    assert [t.pos_ for t in b] == ["ADJ", "ADJ", "X", "", "X"]
    assert [t.lemma_ for t in b] == ["rouge", "word", "word", "ocean", "word"]


def test_a_rule_it_cannot_apply_leaves_the_model_component_in_place():
    for pattern in ([{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}],   # a quantifier
                    [{"LENGTH": {">=": 3}}],                            # a comparison
                    [{"_": {"flag": True}}]):                           # an extension attribute
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([pattern], {"POS": "ADJ"})
        assert fast_ruler(ruler) is None
        assert not use_fast_rules(nlp)
        assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
