"""``tidings.docindex``: the sentence of a token and a span's text, answered from a per-document
index, must equal what spaCy computes, for every token, across documents coded one after another."""

from tidings.coding.syntax import is_passive
from tidings.docindex import deps, heads, passive_verbs, sentence_numbers, sentence_of, span_text, words


def test_sentence_of_and_text_match_spacy_across_documents(nlp):
    texts = [
        "Ministers met in Minsk on Monday.\nThe talks ended without a deal. Both sides blamed each other.",
        "“We will not pay,” the minister said. Protesters gathered outside parliament;\n\npolice detained 12.",
        "One sentence only",
    ]
    docs = [nlp(t) for t in texts]
    for doc in docs + docs[::-1]:  # asked in turn about documents, and back again
        for tok in doc:
            sent = sentence_of(tok)
            assert (sent.start, sent.end) == (tok.sent.start, tok.sent.end)
            assert span_text(sent) == sent.text
        for a, b in ((0, 2), (1, len(doc))):
            assert span_text(doc[a:b]) == doc[a:b].text
        assert heads(doc) == [t.head.i for t in doc]
        assert deps(doc) == [t.dep_ for t in doc]
        assert words(doc) == [t.text for t in doc]
        assert sentence_numbers(doc) == [next(k for k, s in enumerate(doc.sents) if s.start <= t.i < s.end) for t in doc]


def test_passive_verbs_match_the_children_of_each_verb(nlp):
    """Passive subjects and auxiliaries on either side of the verb, in documents asked in turn."""
    texts = [
        "Three soldiers were killed by a roadside bomb, and the road was closed. Police arrested two men.",
        "Was the convoy attacked by the rebels? That it was planned is denied by no one.",
        "The minister resigned after the report was published.",
    ]
    docs = [nlp(t) for t in texts]
    for doc in docs + docs[::-1]:
        expected = {t.i for t in doc if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in t.children)}
        assert passive_verbs(doc) == expected
        assert {t.i for t in doc if is_passive(t)} == expected
    assert passive_verbs(docs[0])  # the sentences above do have passive verbs: the test is not vacuous


def test_names_are_tokenized_by_a_copy_that_splits_as_the_pipeline_does(nlp):
    """The actor names tokenized at load go through a copy of the tokenizer, so they do not fill the
    pipeline tokenizer's memory of split words; the copy must split exactly as the pipeline does."""
    from tidings.nlp import name_tokenizer

    copy = name_tokenizer(nlp)
    assert copy is not nlp.tokenizer
    names = ["U.S. Secretary of State", "Lukashenko's", "al-Shabaab", "Hay'at Tahrir al-Sham", "O'Neill (Ireland)",
             "NATO-led K-FOR", "St. Petersburg", "$630m"]
    for name in names:
        assert [t.text for t in copy(name)] == [t.text for t in nlp.tokenizer(name)]
    assert [t.text for t in copy("U.S.")] == ["U.S."]  # a special case came with the copy


def test_an_index_lives_only_as_long_as_its_document(nlp):
    import gc

    from tidings import docindex

    gc.collect()  # documents of earlier tests go first
    before = len(docindex._indices)
    docs = [nlp(f"Talks resumed in round {k}. They ended.") for k in range(5)]
    for doc in docs:
        assert words(doc)[0] == "Talks"
    assert len(docindex._indices) == before + 5
    del doc, docs
    gc.collect()
    assert len(docindex._indices) == before


def test_loading_the_actor_names_leaves_the_pipeline_tokenizer_room_to_remember():
    """spaCy's tokenizer remembers up to 10,000 splits, then stops remembering (even after a flush).
    If loading the actor names filled that memory (as it did), every word of every document would be
    split again. The check runs on a fresh tokenizer: the session's shared pipeline has tokenized
    thousands of test documents, which fill its memory by themselves."""
    import spacy

    from tidings.actors.component import ActorComponent

    nlp = spacy.blank("en")
    ActorComponent(nlp)  # tokenizes tens of thousands of names while it loads
    tokenizer = nlp.tokenizer
    calls = []
    original = tokenizer.suffix_search

    def counting(text):
        calls.append(text)
        return original(text)

    tokenizer.suffix_search = counting  # this flushes the memory, but not its count of entries
    try:
        text = "Zorvakian envoys,\" met Quellistani delegates (twice) in Brevgorod-Nord."
        nlp.make_doc(text)
        calls.clear()
        nlp.make_doc(text)
        assert not calls, calls
    finally:
        tokenizer.suffix_search = original


def test_coded_documents_are_freed_with_their_index(nlp):
    """The coder keeps answers about each document's parse while it codes it (lists of tokens, which
    hold their document): they must be dropped after the document, or every coded document would
    stay in memory for as long as the process runs."""
    import gc

    from tidings import docindex

    gc.collect()
    before = len(docindex._indices)
    docs = list(nlp.pipe(["Russia lent Belarus $1 billion on Monday. Poland accused Minsk of sending migrants.",
                          "Police detained 12 protesters who had rallied outside the ministry, officials said."]))
    assert sum(len(doc._.events) for doc in docs) >= 2  # coded: the coder asked about objects and subjects
    assert len(docindex._indices) >= before + 2
    del docs
    gc.collect()
    assert len(docindex._indices) == before
