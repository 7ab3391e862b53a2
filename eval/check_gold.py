#!/usr/bin/env python3
"""Validate tidings gold-standard JSONL files (format of eval/ANNOTATION-BRIEF.md).

Usage: python3 eval/check_gold.py [--codefile PATH] [--min-root N] [--min-noevent N] FILE...
The split of each record must match the file name (dev_*.jsonl / test_*.jsonl).
"""
import argparse, collections, datetime, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CODEFILE = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "reference", "CAMEO_codefile.txt"))
TOP = {"id", "split", "date", "text", "tags", "events"}
EV = {"cameo", "source", "target", "negated", "modality", "date", "deadline", "quantities",
      "date_precision", "deadline_precision"}
PRECISIONS = {"day", "week", "month", "year"}
Q = {"kind", "value", "unit", "per", "category"}
MODS = {"asserted", "intended", "hypothetical"}
TAGS = {"negation", "modality", "passive", "reported", "coordination", "quantity", "date", "multi",
        "no_event", "pronoun", "metonymy", "person", "agentless", "disaster", "domestic", "pre2000",
        "refusal", "threat", "demand", "deadline", "future"}
ACTOR = re.compile(r"^(IGO|NGO)[A-Z0-9]*$|^[A-Z]{3}([A-Z]{3})*$")

def load_codes(path):
    codes = set()
    for line in open(path, encoding="utf-8"):
        m = re.match(r"LABELi?:\s*(\d{2,4})=", line)
        if m: codes.add(m.group(1))
    return codes

def isdate(s):
    try: datetime.date.fromisoformat(s); return True
    except Exception: return False

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--codefile", default=DEFAULT_CODEFILE)
    ap.add_argument("--min-root", type=int, default=0, help="minimum sentences per main-event root present")
    ap.add_argument("--roots", default="", help="comma-separated roots that must reach --min-root")
    ap.add_argument("--min-noevent", type=int, default=0)
    a = ap.parse_args()
    codes = load_codes(a.codefile)
    errs, ids = [], set()
    roots, tags, total, nev = collections.Counter(), collections.Counter(), 0, 0
    splitroot = collections.Counter()
    for fn in a.files:
        want = "dev" if os.path.basename(fn).startswith("dev") else "test" if os.path.basename(fn).startswith("test") else None
        for ln, line in enumerate(open(fn, encoding="utf-8"), 1):
            if not line.strip(): continue
            where = f"{fn}:{ln}"
            try: r = json.loads(line)
            except Exception as e: errs.append(f"{where}: bad JSON {e}"); continue
            total += 1
            if set(r) != TOP: errs.append(f"{where}: keys {sorted(r)}")
            if r.get("id") in ids: errs.append(f"{where}: duplicate id {r.get('id')}")
            ids.add(r.get("id"))
            if want and r.get("split") != want: errs.append(f"{where}: split {r.get('split')} in {fn}")
            if not isdate(r.get("date", "")): errs.append(f"{where}: bad date")
            if not isinstance(r.get("text"), str) or not r["text"].strip(): errs.append(f"{where}: empty text")
            for t in r.get("tags", []):
                if t not in TAGS: errs.append(f"{where}: unknown tag {t}")
                tags[t] += 1
            evs = r.get("events", [])
            if not evs:
                nev += 1
                if "no_event" not in r.get("tags", []): errs.append(f"{where}: no events but no no_event tag")
                roots["none"] += 1; splitroot[("none", r.get("split"))] += 1
            else:
                if "no_event" in r.get("tags", []): errs.append(f"{where}: no_event tag with events")
                roots[evs[0]["cameo"][:2]] += 1; splitroot[(evs[0]["cameo"][:2], r.get("split"))] += 1
            seen = set()
            for e in evs:
                if set(e) != EV: errs.append(f"{where}: event keys {sorted(e)}")
                if e.get("cameo") not in codes: errs.append(f"{where}: unknown cameo {e.get('cameo')}")
                for k in ("source", "target"):
                    v = e.get(k)
                    if v is not None and not ACTOR.match(v): errs.append(f"{where}: odd actor {v}")
                if not isinstance(e.get("negated"), bool): errs.append(f"{where}: negated not bool")
                if e.get("modality") not in MODS: errs.append(f"{where}: modality {e.get('modality')}")
                if not isdate(e.get("date", "")): errs.append(f"{where}: bad event date")
                if e.get("deadline") is not None and not isdate(e["deadline"]): errs.append(f"{where}: bad deadline")
                if e.get("date_precision") not in PRECISIONS: errs.append(f"{where}: date_precision {e.get('date_precision')}")
                if (e.get("deadline") is None) != (e.get("deadline_precision") is None):
                    errs.append(f"{where}: deadline_precision must be set exactly when deadline is")
                elif e.get("deadline_precision") is not None and e["deadline_precision"] not in PRECISIONS:
                    errs.append(f"{where}: deadline_precision {e['deadline_precision']}")
                if "XKX" in (e.get("source") or "") + (e.get("target") or ""): errs.append(f"{where}: Kosovo is KOS")
                key = (e.get("cameo"), e.get("source"), e.get("target"))
                if key in seen: errs.append(f"{where}: duplicate event {key}")
                seen.add(key)
                for q in e.get("quantities", []):
                    if set(q) != Q: errs.append(f"{where}: quantity keys {sorted(q)}")
                    if q.get("kind") not in ("money", "price", "count"): errs.append(f"{where}: quantity kind {q.get('kind')}")
                    if not isinstance(q.get("value"), (int, float)): errs.append(f"{where}: quantity value")
                # tag consistency
            t = set(r.get("tags", []))
            if any(e.get("negated") for e in evs) != ("negation" in t): errs.append(f"{where}: negation tag mismatch")
            if any(e.get("modality") != "asserted" for e in evs) != ("modality" in t): errs.append(f"{where}: modality tag mismatch")
            if any(e.get("quantities") for e in evs) != ("quantity" in t): errs.append(f"{where}: quantity tag mismatch")
            if (len(evs) >= 2) != ("multi" in t): errs.append(f"{where}: multi tag mismatch")
    need = [x for x in a.roots.split(",") if x]
    for rt in need:
        if roots[rt] < a.min_root: errs.append(f"root {rt}: only {roots[rt]} sentences (< {a.min_root})")
    if nev < a.min_noevent: errs.append(f"no_event: only {nev} (< {a.min_noevent})")
    print(f"records: {total}")
    print("main-event roots:", " ".join(f"{k}:{roots[k]}(dev {splitroot[(k,'dev')]}/test {splitroot[(k,'test')]})" for k in sorted(roots)))
    print("tags:", " ".join(f"{k}:{v}" for k, v in sorted(tags.items())))
    for e in errs: print("ERROR", e)
    print("OK" if not errs else f"{len(errs)} error(s)")
    return 1 if errs else 0

if __name__ == "__main__":
    sys.exit(main())
