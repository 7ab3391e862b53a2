"""The ``tidings_actors`` spaCy component: knowledge-base matches and resolved actor mentions.

It runs after the parser and NER. It finds every alias of the knowledge base in the text (names
case-sensitively where case matters, abbreviations exactly, sector agents in any case), keeps the
longest non-overlapping matches, checks them against the document (``names.link_names``: a state's
name inside a person's name is dropped, a surname after a full mention is pinned to that person),
and sets:

- ``doc._.actor_index``: the ``ActorResolver`` for this document — the matches, and resolution of
  any noun phrase at any date, cached. The coder reads actors only through it.
- ``doc._.actors``: the actor mentions resolved at the publication date, as ``(start, end, Actor)``.
"""

from __future__ import annotations

import gc

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from tidings.actors.kb import KnowledgeBase, fold, load_kb
from tidings.actors.names import link_names
from tidings.actors.resolve import ActorResolver, KBMatch
from tidings.nlp import name_tokenizer
from tidings.tables import read_words

__all__ = ["ActorComponent", "load_word_list"]

if not Doc.has_extension("actors"):
    Doc.set_extension("actors", default=None)
if not Doc.has_extension("actor_index"):
    Doc.set_extension("actor_index", default=None)


def load_word_list(name: str) -> frozenset[str]:
    return frozenset(read_words(f"actors/{name}"))


def _is_abbreviation(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(alias) <= 7 and all(c.isupper() for c in letters)


YOUNG_GENERATION = 20_000  # objects allocated between collections of the youngest generation


class ActorComponent:
    """Finds knowledge-base aliases and resolves actor mentions on each ``Doc``."""

    def __init__(self, nlp: Language, name: str = "tidings_actors", actor_files: tuple[str, ...] = ()) -> None:
        self.name = name
        self.kb: KnowledgeBase = load_kb(tuple(actor_files))
        self.descriptors = load_word_list("descriptors.txt")
        self.generic = load_word_list("generic_nouns.txt")
        self.members = load_word_list("member_nouns.txt")
        self.equipment = load_word_list("equipment_nouns.txt")
        self.region_heads = load_word_list("region_heads.txt")
        self.bloc_nouns = load_word_list("bloc_nouns.txt")
        self.outsiders = load_word_list("outsider_nouns.txt")
        self.counterparts = load_word_list("counterpart_nouns.txt")
        self.kin = load_word_list("kin_nouns.txt")
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.agents = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lower_initial: set[str] = set()
        exact: list[tuple[str, str]] = []
        names: list[tuple[str, str]] = []
        for key, forms in self.kb.surface.items():
            for form in forms:
                for v in {form, form.replace("’", "'"), form.replace("'", "’"), fold(form)}:
                    if _is_abbreviation(v):
                        exact.append((key, v))
                    else:
                        names.append((key, v))
                        if v[:1].islower():
                            self.lower_initial.add(key)
        # tokenised in batches and added once per key: building the matchers is most of the load time
        tokenizer = name_tokenizer(nlp)
        for matcher, pairs in ((self.exact, exact), (self.names, names), (self.agents, [(k, k) for k in self.kb.agents])):
            patterns: dict[str, list[Doc]] = {}
            for (key, _), pattern in zip(pairs, tokenizer.pipe(v for _, v in pairs), strict=True):
                patterns.setdefault(key, []).append(pattern)
            for key, docs in patterns.items():
                matcher.add(key, docs)
        # the knowledge base lives as long as the process: keep its few hundred thousand objects out of
        # the garbage collector's full passes, which would otherwise rescan them during every batch
        gc.collect()
        gc.freeze()
        # coding a document makes tens of thousands of small objects that die with it: a larger young
        # generation lets most of them go before a collection has to look at them (-3 points of overhead
        # over bare spaCy in make bench); the older generations keep Python's default ratios
        threshold, older, oldest = gc.get_threshold()
        gc.set_threshold(max(threshold, YOUNG_GENERATION), older, oldest)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc

    def predict(self, doc: Doc) -> list[KBMatch]:
        vocab = doc.vocab.strings
        spans = []
        for match_id, start, end in self.names(doc):
            key = vocab[match_id]
            first = doc[start]
            if first.text[:1].islower() and key not in self.lower_initial and first.lower_ != "the":
                continue  # "us", "turkey", "chad" in lower case are not the names
            spans.append(doc[start:end])
            spans[-1].label_ = key
        for match_id, start, end in self.exact(doc):
            spans.append(doc[start:end])
            spans[-1].label_ = vocab[match_id]
        found = [KBMatch(s.start, s.end, "name", s.label_) for s in filter_spans(spans)
                 if not self._region_off_head(doc, s)]
        found = link_names(doc, self.kb, found, self.kb.agents)
        agent_spans = []
        for match_id, start, end in self.agents(doc):
            agent_spans.append(doc[start:end])
            agent_spans[-1].label_ = vocab[match_id]
        named = {i for m in found for i in range(m.start, m.end)}
        for s in filter_spans(agent_spans):
            if not any(i in named for i in range(s.start, s.end)) or s.end - s.start > 1:
                found.append(KBMatch(s.start, s.end, "agent", s.label_))
        return sorted(found, key=lambda m: (m.start, m.end))

    def _region_off_head(self, doc: Doc, span) -> bool:
        """A region's adjective before a noun that is no group of states or their officials ("a
        European proposal"): not an actor name."""
        entries = self.kb.aliases.get(span.label_, ())
        if not entries or not all(e.office == "cameo-region" for e in entries):
            return False
        head = doc[span.end - 1].head  # the region's states, in the plural ("a European country" is one state)
        return head.i < span.end or head.lemma_.lower() not in self.region_heads or head.tag_ not in ("NNS", "NNPS")

    def set_annotations(self, doc: Doc, matches: list[KBMatch]) -> None:
        resolver = ActorResolver(doc, self.kb, self.descriptors, self.generic, self.members, matches,
                                 equipment=self.equipment, bloc_nouns=self.bloc_nouns, outsiders=self.outsiders,
                                 counterparts=self.counterparts, kin=self.kin)
        mentions = []
        for i, actors in resolver.history():
            left, right = resolver.np_range(doc[i])
            for actor in actors:
                mentions.append((left, right, actor))
        doc._.actor_index = resolver
        doc._.actors = mentions


@Language.factory("tidings_actors_v2", default_config={"actor_files": []},
                  requires=["token.dep", "token.pos", "token.lemma", "token.ent_type"],
                  assigns=["doc._.actors", "doc._.actor_index"])
def make_actor_component(nlp: Language, name: str, actor_files: list[str]) -> ActorComponent:
    return ActorComponent(nlp, name, tuple(actor_files))
