"""``tidings.docindex``: the sentence of a token and a span's text, answered from a per-document
index, must equal what spaCy computes, for every token, across documents coded one after another."""

from tidings.docindex import sentence_of, span_text


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
