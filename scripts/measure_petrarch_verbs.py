"""Measure the PETRARCH verb import on the development sets, group by group.

    python scripts/measure_petrarch_verbs.py ../shared/reference/petrarch/CAMEO.2.0.txt [--json out.json]

Every convertible row is produced (no selection); the development sets are parsed once; then each
group is added, alone, to the project's lexicon and the sentences it can touch are coded again:

- root groups: every row of one CAMEO root, verb defaults and patterns apart (``12 default``);
- verb groups: the rows of one verb, root and kind (``fail 12 default``) that fire on the sets.

For each group the change in root and PLOVER true/false positives, tuples, PentaClass, no-event false
positives, role pairs and whole-article right/spurious events is printed, with a proposed rule for
``src/tidings/data/lexicon/petrarch_selection.txt``: keep when something rises and no kind of false
positive does. The proposals are reviewed by hand (senses) before they go into the selection.

Development sets only: eval/gold/dev_*.jsonl, eval/gold/documents.jsonl and ../shared/dev-gold/*.jsonl
(never the blind test split).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import tidings.coding.engine as engine
from tidings.clean import clean_text
from tidings.coding.lexicon import Lexicon, read_lexicon
from tidings.coding.petrarch import Row, _codebook_names, convert, parse, render_tsv
from tidings.config import Settings
from tidings.evaluate.documents import score_documents
from tidings.evaluate.events import _country, _label, penta_class, shown, shown_gold
from tidings.evaluate.gold import gold_kind, load_gold
from tidings.evaluate.roles import overlaps
from tidings.nlp import load_pipeline
from tidings.pipeline import code_documents
from tidings.records import Document, Event
from tidings.tables import data_file

ROOT = Path(__file__).resolve().parents[1]
GAINS = ("root_tp", "plover_tp", "tuple_tp", "penta_ok", "pair", "tgt_found", "doc_right")
HARMS = ("root_fp", "plover_fp", "noev_fp", "doc_spurious")


def dev_sets(shared: Path) -> list[Path]:
    own = sorted((ROOT / "eval" / "gold").glob("dev_*.jsonl")) + [ROOT / "eval" / "gold" / "documents.jsonl"]
    return own + sorted((shared / "dev-gold").glob("*.jsonl"))


class CachedPipeline:
    """Parses and resolves actors once per text; only the coder runs again for each lexicon."""

    def __init__(self, nlp) -> None:
        self.nlp, self.coder, self.cache = nlp, nlp.get_pipe("tidings_coder"), {}

    def make_doc(self, text: str):
        return self.nlp.make_doc(text)

    def pipe(self, docs, batch_size: int = 64) -> Iterator:
        docs = list(docs)
        key = lambda d: (d.text, d.user_data.get("tidings_doc_id"))  # noqa: E731
        missing = [d for d in docs if key(d) not in self.cache]
        with self.nlp.select_pipes(disable=["tidings_coder"]):
            for d, parsed in zip(missing, self.nlp.pipe(missing, batch_size=batch_size), strict=True):
                self.cache[key(d)] = parsed
        for d in docs:
            yield self.coder(self.cache[key(d)])

    def use(self, lexicon: Lexicon) -> None:
        self.coder.coder.knowledge = replace(self.coder.coder.knowledge, lexicon=lexicon)


@contextmanager
def recording() -> Iterator[dict[str, set[str]]]:
    """Which converted rows win the match stage, by document id."""
    seen: dict[str, set[str]] = defaultdict(set)
    original = engine.match

    def match(sent, ctx, trace):
        found = original(sent, ctx, trace)
        seen[ctx.doc_id].update(c.pat.id for c in found if c.pat.id.startswith("pv."))
        return found

    engine.match = match
    try:
        yield seen
    finally:
        engine.match = original


def counts(kind: str, item: dict, events: list[Event]) -> Counter[str]:
    """The figures one gold item contributes (the sums give the report's ratios)."""
    c: Counter[str] = Counter()
    visible = [e for e in events if shown(e)]
    predicted = max((penta_class(e.cameo_root) for e in visible), default=0)
    if kind == "penta":
        c["penta_ok"] += int(item["penta"]) == predicted
    elif kind == "events":
        gold = [g for g in item["events"] if shown_gold(g)]
        c["penta_ok"] += max((penta_class(str(g["cameo"])[:2]) for g in gold), default=0) == predicted
        c["noev_fp"] += not item["events"] and bool(visible)
        for lvl in ("root", "plover"):
            g = Counter(x for e in gold if (x := _label(lvl, str(e["cameo"]))))
            p = Counter(x for e in visible if (x := _label(lvl, e.cameo)))
            tp = sum((g & p).values())
            c[f"{lvl}_tp"] += tp
            c[f"{lvl}_fp"] += sum(p.values()) - tp
        gt = Counter((str(e["cameo"])[:2], _country(e.get("source")), _country(e.get("target"))) for e in gold)
        pt = Counter((e.cameo_root, _country(e.source.code if e.source else None),
                      _country(e.target.code if e.target else None)) for e in visible)
        c["tuple_tp"] += sum((gt & pt).values())
    elif kind == "roles":
        srcs, tgts = item.get("source_spans") or [], item.get("target_spans") or []
        pairs = [(e.source.text if e.source else None, e.target.text if e.target else None) for e in events]
        c["tgt_found"] += bool(tgts) and any(overlaps(t, tgts) for _, t in pairs)
        c["pair"] += bool(srcs and tgts) and any(overlaps(s, srcs) and overlaps(t, tgts) for s, t in pairs)
    elif kind == "document":
        doc = score_documents([item], {str(item["id"]): events})
        c["doc_right"] += doc["right"]
        c["doc_spurious"] += doc["spurious"]
    return c


class Bench:
    def __init__(self, paths: list[Path]) -> None:
        settings = Settings()
        self.settings = settings
        self.plain = CachedPipeline(load_pipeline(settings))
        self.statements = CachedPipeline(load_pipeline(replace(settings, statements=True)))
        self.items = {(p.name, str(it["id"])): it for p in paths for it in load_gold([p])}

    def run(self, lexicon: Lexicon, only: set | None = None) -> tuple[dict, dict]:
        """Per-item counts, and the converted rows that won a match, by item."""
        for pipe in (self.plain, self.statements):
            pipe.use(lexicon)
        chosen = {k: it for k, it in self.items.items() if only is None or k in only}
        out: dict = {}
        fired: dict = {}
        for roles in (False, True):
            keys = [k for k, it in chosen.items() if (gold_kind(it) == "roles") == roles]
            by_set = defaultdict(list)
            for k in keys:
                by_set[k[0]].append(k)
            for ks in by_set.values():
                docs = [self._document(self.items[k]) for k in ks]
                with recording() as seen:
                    coded = dict(code_documents(docs, settings=self.settings,
                                                nlp=self.statements if roles else self.plain))
                for k, doc in zip(ks, docs, strict=True):
                    out[k] = counts(gold_kind(self.items[k]), self.items[k], coded[doc])
                    fired[k] = seen.get(doc.doc_id, set())
        return out, fired

    @staticmethod
    def _document(item: dict) -> Document:
        if "_document" in item:
            return item["_document"]
        cleaned = clean_text(item["text"])
        return Document(doc_id=str(item["id"]), text=cleaned.text or item["text"], published=item.get("date"))


def measure(bench: Bench, base: dict, groups: dict[str, list[Row]], touched: dict[str, set],
            lexicon) -> dict[str, dict]:
    """Each group added alone to the project's lexicon, on the items its verbs can touch."""
    results: dict[str, dict] = {}
    reach = {g: set().union(*(touched[r.lemma] for r in rows)) for g, rows in groups.items() if rows}
    # groups that touch disjoint items are measured in one run
    batches: list[tuple[list[str], set]] = []
    for g in sorted((g for g in reach if reach[g]), key=lambda g: -len(groups[g])):
        for names, covered in batches:
            if not covered & reach[g]:
                names.append(g)
                covered |= reach[g]
                break
        else:
            batches.append(([g], set(reach[g])))
    for names, covered in batches:
        got, _ = bench.run(lexicon([r for g in names for r in groups[g]]), only=covered)
        for g in names:
            delta: Counter[str] = Counter()
            for k in reach[g]:
                delta.update(got[k])
                delta.subtract(base[k])
            results[g] = {"rows": len(groups[g]), "delta": {k: v for k, v in delta.items() if v},
                          "proposal": proposal(delta)}
    return results


def group_of(row: Row) -> str:
    return f"{row.lemma} {row.code[:2]} {row.kind}"


def proposal(delta: Counter[str]) -> str:
    """Keep when the gains add up to at least two and no figure falls and no false positive rises."""
    gained = sum(delta[k] for k in GAINS)
    if gained >= 2 and all(delta[k] <= 0 for k in HARMS) and all(delta[k] >= 0 for k in GAINS):
        return "keep"
    return "drop"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", help="path of CAMEO.2.0.txt")
    ap.add_argument("--json", help="write every group's figures to this file")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared folder with dev-gold/ (default ../shared)")
    args = ap.parse_args(argv)
    rows = convert(parse(Path(args.source).read_text(encoding="utf-8")), _codebook_names()).rows
    folder = data_file("lexicon")
    own = sorted((p for p in folder.iterdir() if p.name.endswith(".tsv") and not p.name.startswith("zz_")),
                 key=lambda p: p.name)
    tmp = Path(tempfile.mkdtemp())

    def lexicon(extra: list[Row]) -> Lexicon:
        path = tmp / "zz_petrarch.tsv"
        path.write_text(render_tsv(extra), encoding="utf-8")
        return read_lexicon([*own, path])

    bench = Bench(dev_sets(args.shared))
    base, _ = bench.run(read_lexicon(own))
    _, fired = bench.run(lexicon(rows))
    by_id = {r.id: r for r in rows}
    touched: dict[str, set] = defaultdict(set)  # lemma -> items where one of its rows won a match
    for k, ids in fired.items():
        for i in ids:
            touched[by_id[i].lemma].add(k)
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        groups[f"{r.code[:2]} {r.kind}"].append(r)
        groups[group_of(r)].append(r)
    results = measure(bench, base, groups, touched, lexicon)
    # a root group without the verbs that hurt: its untested rows follow the measured ones
    trimmed: dict[str, list[Row]] = {}
    for g, members in groups.items():
        if len(g.split()) == 2:
            bad = {group_of(r) for r in members if results.get(group_of(r), {}).get("proposal") == "drop"
                   and results[group_of(r)]["delta"]}
            trimmed[f"{g} trimmed"] = [r for r in members if group_of(r) not in bad]
    results.update(measure(bench, base, trimmed, touched, lexicon))
    for g, res in sorted(results.items(), key=lambda kv: (kv[0].split()[0].isalpha(), kv[0])):
        if res["delta"]:
            figures = " ".join(f"{k} {v:+d}" for k, v in sorted(res["delta"].items()))
            scope = "verb" if g.split()[0].isalpha() else "root"
            print(f"{scope}\t{g}\t{res['proposal']}\t{res['rows']} rows: {figures}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
