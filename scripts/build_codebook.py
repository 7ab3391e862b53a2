"""Regenerate ``src/tidings/data/codebook.tsv`` from the reference tables in ``../shared/reference``.

The codebook carries facts only (codes, names, Goldstein scores, QuadClass, PLOVER mapping). Run it
when the reference tables change; the project reads the TSV it writes, never the reference files.

    python scripts/build_codebook.py ../shared/reference
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data" / "codebook.tsv"

# PLOVER has no category for CAMEO 01 (comments); CAMEO 02 appeals fall under PLOVER REQUEST with the
# same mode as the matching CAMEO 10 demand (021 -> 101, 0211 -> 1011, ...).
APPEAL_TO_DEMAND = {"02": "10"}


def quad_class(root: int) -> int:
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def main(ref: Path) -> None:
    names: dict[str, str] = {}
    for line in (ref / "CAMEO_codefile.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"LABEL(i?):\s*(\d+)=\s*(.+)", line)
        if m and (m.group(2) not in names or not m.group(1)):
            names[m.group(2)] = m.group(3).strip()  # a later plain LABEL corrects an earlier one
        m = re.match(r"//(\d\d)[:=]\s*(.+)", line)
        if m:
            names.setdefault(m.group(1), m.group(2).strip().capitalize())
    gold: dict[str, float] = {}
    for line in (ref / "CAMEO_goldstein.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        code, _, score = line.partition("\t")
        if code.strip():
            gold[code.strip()] = float(score)
    plover: dict[str, tuple[str, str, str]] = {}
    for line in (ref / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", line)
        if m and m.group(1) not in plover:
            plover[m.group(1)] = (m.group(2), m.group(3).strip(), m.group(4).strip().replace(" ", ""))
    rows = ["code\troot\tname\tgoldstein\tquad_class\tplover\tplover_mode\tplover_context"]
    for code in sorted(names, key=lambda c: (c[:2], len(c) > 2, c)):
        root = code[:2]
        score = next((gold[c] for c in (code, code[:3], root, root + "0") if c in gold), 0.0)
        look = code
        if root in APPEAL_TO_DEMAND:
            look = APPEAL_TO_DEMAND[root] + code[2:] if len(code) > 2 else APPEAL_TO_DEMAND[root] + "0"
        mapped = next((plover[c] for c in (look, look[:3], look[:2] + "0") if c in plover), ("", "", ""))
        if root == "01":
            mapped = ("", "", "")
        rows.append("\t".join([code, root, names[code], f"{score:.1f}", str(quad_class(int(root))), *mapped]))
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} codes to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"))
