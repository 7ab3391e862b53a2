"""The ``tidings_paragraphs`` component: a line break always starts a sentence, and a sentence never
starts after a word that cannot end one."""

from spacy.attrs import SENT_START

from tidings.nlp import paragraphs


def _starts(nlp, text: str) -> list[int]:
    doc = paragraphs(nlp.make_doc(text))
    return doc.to_array([SENT_START]).astype("int64").tolist()  # spaCy stores -1 unsigned


def _words(nlp, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


def test_a_line_break_starts_a_sentence(nlp):
    text = "Talks resumed\nMinisters met in Minsk"
    words, starts = _words(nlp, text), _starts(nlp, text)
    assert starts[words.index("Ministers")] == 1 and starts[0] == 1


def test_no_sentence_starts_inside_a_line_after_a_word_that_ends_none(nlp):
    text = "Guerrillas of the National Liberation Army (ELN) attacked a base in Arauca on Monday"
    starts = _starts(nlp, text)
    assert starts[0] == 1 and all(s == -1 for s in starts[1:])


def test_end_marks_closers_and_abbreviations_leave_the_parser_free(nlp):
    text = 'He said: "We will go." Then the U.S. envoy left (AP). Reporters waited'
    words, starts = _words(nlp, text), _starts(nlp, text)
    # after an end mark, a closing quote after one, or an abbreviation, the parser decides (0)
    for word in ("Then", "envoy", "Reporters"):
        assert starts[words.index(word)] == 0, word
    # after an ordinary word it may not start one
    assert starts[words.index("will")] == -1 and starts[words.index("left")] == -1


def test_a_closing_bracket_alone_does_not_end_a_sentence(nlp):
    text = "The rebels (FARC) signed the accord"
    words, starts = _words(nlp, text), _starts(nlp, text)
    assert starts[words.index("signed")] == -1
