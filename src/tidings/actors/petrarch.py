"""Read PETRARCH-2/TABARI actor and agent dictionaries, and convert the Phoenix ones into the
project's own tables (``data/actors/petrarch/``), with the source file and line of every entry.

``parse_actors(lines)`` understands the dictionary format (``dictionaries.rst``): a primary phrase,
``+synonym`` lines, and codes inline (``NAME_ [CODE]``) or on their own indented lines with date
restrictions (``[CODE yymmdd-yymmdd]``, ``[CODE >yymmdd]``, ``[CODE <yymmdd]``, ``[CODE]`` = the
default when no restriction holds). A primary phrase without any code shares the codes of the next
record (``DMITRY_MEDVEDEV_ … DMITRI_MEDVEDEV_ [codes]``).

``convert(source_dir, out_dir)`` (``python -m tidings.actors.petrarch``, ``make petrarch``) writes:

- ``people.tsv`` — ``id name aliases source``: dated actors (people), keyed by a stable id;
- ``terms.tsv`` — ``id code start end source``: their dated codes (an empty date is open; a row
  with both empty is the default reading);
- ``names.tsv`` — ``code kind name aliases source petrarch_code``: places (cities and regions as
  their country), state institutions, IGOs, NGOs and armed groups;
- ``agents.tsv`` — ``phrase sector source``: agent nouns.

Codes are put into the project's conventions on the way (Kosovo ``KSV`` → ``KOS``, ``FRY`` →
``YUG``; IGO and group codes that the project spells differently are translated through the aliases
both know). What is left out, and why, is in ``data/actors/petrarch/README.md``.
"""

from __future__ import annotations

import argparse
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

__all__ = ["Record", "convert", "parse_actors", "parse_agents", "petrarch_date"]

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENTS = "Phoenix.agents.txt"
# PETRARCH's dictionaries were generated in January 2014; open-ended terms end there (GUIDELINES: later
# changes come from the project's own data).
CUTOFF = "2014-01-30"
COUNTRY_FIX = {"KSV": "KOS", "FRY": "YUG", "USR": "SUN"}
NON_STATE = {"IGO", "NGO", "IMG"}
REGIONS = {"AFR", "ASA", "EUR", "MEA", "SAM", "NAF", "WAF", "EAF", "SAF", "CAS", "SAS", "SEA", "EEU", "WEU", "LAM"}
HISTORICAL = {"SUN", "YUG", "CSK", "DDR", "KOS"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
_CODE = re.compile(r"\[([^\]]*)\]")
_DATE = r"(\d{6}|\d{8})"


@dataclass
class Record:
    """One dictionary record: its phrases, its codes ``(code, start, end, line)`` and where it starts."""

    names: list[str]
    line: int
    comment: str = ""
    codes: list[tuple[str, str | None, str | None, int]] = field(default_factory=list)


def petrarch_date(text: str) -> str | None:
    """``YYMMDD`` or ``YYYYMMDD`` as ISO; two-digit years up to 20 are 20xx (the files date from 2014)."""
    if len(text) == 8:
        y, rest = int(text[:4]), text[4:]
    elif len(text) == 6:
        yy, rest = int(text[:2]), text[2:]
        y = 2000 + yy if yy <= 20 else 1900 + yy
    else:
        return None
    m, d = int(rest[:2]), int(rest[2:])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _restriction(cond: str) -> tuple[str | None, str | None] | None:
    cond = cond.strip()
    if not cond:
        return None, None
    if m := re.fullmatch(_DATE + r"\s*-\s*" + _DATE, cond):
        return petrarch_date(m.group(1)), petrarch_date(m.group(2))
    if m := re.fullmatch(r"(?:>\s*" + _DATE + r"|" + _DATE + r"\s*-)", cond):
        return petrarch_date(m.group(1) or m.group(2)), None
    if m := re.fullmatch(r"(?:<\s*" + _DATE + r"|-\s*" + _DATE + r")", cond):
        return None, petrarch_date(m.group(1) or m.group(2))
    return "bad", "bad"


def _codes(text: str, line: int) -> list[tuple[str, str | None, str | None, int]]:
    out = []
    for m in _CODE.finditer(text):
        parts = m.group(1).strip().split(None, 1)
        if not parts:
            continue
        code, cond = parts[0], parts[1] if len(parts) > 1 else ""
        when = _restriction(cond)
        if when is None:
            continue
        if when == ("bad", "bad"):
            continue
        out.append((code, when[0], when[1], line))
    return out


def parse_actors(lines: Iterable[str]) -> list[Record]:
    """The records of a PETRARCH actor dictionary, in file order (line numbers are 1-based)."""
    records: list[Record] = []
    pending: Record | None = None  # a primary phrase that has no code yet
    for n, raw in enumerate(lines, 1):
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        stripped = body.strip()
        if stripped.startswith("["):
            if records:
                records[-1].codes.extend(_codes(stripped, n))
            continue
        if stripped.startswith("+"):
            if records:
                name = stripped[1:].split("[", 1)[0].strip()
                if name:
                    records[-1].names.append(name)
                records[-1].codes.extend(_codes(stripped, n))
            continue
        name = stripped.split("[", 1)[0].strip()
        rec = Record([name] if name else [], n, comment.strip(), _codes(stripped, n))
        if records and not records[-1].codes and pending is records[-1]:
            rec.names = records[-1].names + rec.names  # a code-less record shares the next one's codes
            rec.line = records[-1].line
            records[-1] = rec
        else:
            records.append(rec)
        pending = rec
    return [r for r in records if r.names and r.codes]


def parse_agents(lines: Iterable[str]) -> list[tuple[str, str, int]]:
    """``(phrase, code, line)`` for every agent phrase, with ``!MACRO!`` substitutions and regular plurals."""
    macros: dict[str, list[str]] = {}
    out: list[tuple[str, str, int]] = []
    for n, raw in enumerate(lines, 1):
        body = raw.split("#", 1)[0].strip()
        if not body:
            continue
        if m := re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", body):
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"([^\[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]{3,})~?\]", body)
        if not m:
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3)
        forms = [phrase]
        for macro, words in macros.items():
            if macro in phrase:
                forms = [phrase.replace(macro, w if phrase.startswith(macro) else w) for w in words]
                break
        for form in forms:
            if "!" in form:
                continue
            out.append((form, code, n))
            if plural is None and "!" not in phrase:
                out.append((_plural(form), code, n))
        if plural:
            for p in plural.strip("{}").split():
                out.append((p, code, n))
    return out


def _plural(phrase: str) -> str:
    if phrase.endswith("SS"):
        return phrase + "ES"
    if phrase.endswith("Y") and phrase[-2:-1] not in "AEIOU":
        return phrase[:-1] + "IES"
    return phrase + "S"


# -- conversion -------------------------------------------------------------------------------------
def pretty(phrase: str, person: bool = False) -> str:
    """``VLADIMIR_V._PUTIN_`` -> ``Vladimir V. Putin``. Outside people's names a short capitalised word
    with at most one vowel, or of four letters at most, stays an acronym (``UNHCR``, ``ISIS``)."""
    words = phrase.replace("_", " ").split()
    if len(words) > 1 and words[0] == "THE":
        words = words[1:]  # "THE_ISLAMIC_STATE": the article is not part of the name
    if not person and len(words) == 1 and words[0].isupper() and (
            len(words[0]) <= 4 or (len(words[0]) <= 6 and sum(ch in "AEIOU" for ch in words[0]) <= 1)):
        return words[0]
    out = []
    for w in words:
        if re.fullmatch(r"(?:[A-Z]\.)+", w) or (re.fullmatch(r"[IVX]+", w) and len(words) > 1 and w != words[0]):
            out.append(w)  # initials and regnal numbers
        else:
            out.append("-".join("'".join(p[:1].upper() + p[1:].lower() for p in seg.split("'")) for seg in w.split("-")))
    return " ".join(out)


def _country_ok(prefix: str) -> bool:
    return prefix in NON_STATE or prefix in REGIONS or prefix in HISTORICAL or pycountry.countries.get(alpha_3=prefix) is not None


def fix_code(code: str, translate: dict[str, str]) -> str | None:
    """A PETRARCH code in the project's conventions, or None when it names no usable actor."""
    code = code.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}(?:[A-Z0-9]{3})*", code):
        return None
    code = COUNTRY_FIX.get(code[:3], code[:3]) + code[3:]
    if code in translate:
        return translate[code]
    if code[:3] in NON_STATE:  # "IMGMUSALQ", "IGOUNOWHO": organisations keep their tags
        return code
    # a country and its first role: Phoenix's secondary roles ("LCAGOVDEV") are not project codes
    return code[:6] if _country_ok(code[:3]) else None


# Phoenix codes Soviet and Czechoslovak office-holders with the successor state; GUIDELINES 10.10 keeps the
# historical state: a term that ended before the state dissolved takes the historical code.
HISTORICAL_STATES = {"RUS": ("SUN", "1991-12-25"), "CZE": ("CSK", "1992-12-31"), "SVK": ("CSK", "1992-12-31")}


def historical(code: str, start: str | None, end: str | None) -> str:
    old = HISTORICAL_STATES.get(code[:3])
    if old and end and end <= old[1] and (start is None or start >= "1922-12-30"):
        return old[0] + code[3:]
    return code


def _is_person(rec: Record) -> bool:
    if "CountryInfo" in rec.comment or "IGOrulers" in rec.comment:
        return True
    # a country's dated codes ("[SUNBLR <910825]") and a militant group's ("[IMGMUSISI >19990101]") are not a person
    dated = any(s or e for _, s, e, _ in rec.codes)
    return dated and all(len(c) > 3 and c[:3] != "IMG" for c, _, _, _ in rec.codes)


def convert(source: Path, out: Path, known: dict[str, str] | None = None) -> dict[str, int]:
    """Convert the Phoenix dictionaries in ``source`` into ``out``. ``known`` maps normalised aliases
    the project already has to its codes (used to translate codes the project spells differently).
    Returns counts per output table."""
    from tidings.actors.kb import normalize_alias

    known = known or {}
    out.mkdir(parents=True, exist_ok=True)
    people, terms, names = [], [], []
    counts = {"records": 0, "people": 0, "terms": 0, "names": 0, "agents": 0, "dropped_codes": 0}
    parsed = []
    for fname in FILES:
        lines = (source / fname).read_text(encoding="utf-8", errors="replace").splitlines()
        parsed.append((fname, parse_actors(lines)))
    # translation table: a Phoenix code whose aliases the project knows under another code
    votes: dict[str, dict[str, int]] = {}
    for _fname, recs in parsed:
        for rec in recs:
            undated = [c for c, s, e, _ in rec.codes if not s and not e]
            if len(undated) != 1 or len(rec.codes) != 1:
                continue
            for name in rec.names:
                mine = known.get(normalize_alias(pretty(name)))
                if mine and mine[:3] in {"IGO", "NGO"} | NON_STATE and undated[0][:3] in {"IGO", "NGO", "IMG"}:
                    votes.setdefault(undated[0], {}).setdefault(mine, 0)
                    votes[undated[0]][mine] += 1
    # only specific organisation codes (IGOUNOKID -> IGOUNOCEF), never sector-level ones (NGODEV)
    translate = {code: max(v, key=v.__getitem__) for code, v in votes.items()
                 if code != max(v, key=v.__getitem__) and len(code) >= 9 and len(v) == 1}
    for fname, recs in parsed:
        for rec in recs:
            counts["records"] += 1
            person = _is_person(rec)
            aliases = list(dict.fromkeys(pretty(n, person) for n in rec.names if n.replace("_", "").strip()))
            if not aliases:
                continue
            src = f"{fname}:{rec.line}"
            fixed = []
            for code, start, end, line in rec.codes:
                new = fix_code(code, translate)
                if new is None:
                    counts["dropped_codes"] += 1
                    continue
                fixed.append((new, start, end, line, code))
            if not fixed:
                continue
            if person:
                pid = f"petr:{fname.split('.')[1].lower()}:{rec.line}"
                people.append((pid, aliases[0], "|".join(aliases[1:]), src))
                for new, start, end, line, _old in fixed:
                    new = historical(new, start, end)
                    if end is None and start is not None and start <= CUTOFF:
                        end = CUTOFF
                    if start and end and start > end:
                        continue
                    terms.append((pid, new, start or "", end or "", f"{fname}:{line}"))
                counts["people"] += 1
            else:
                # the reading that holds now: the default, else the open-ended (latest) one
                current = [f for f in fixed if f[2] is None]
                new, _s, _e, line, old = max(current or fixed, key=lambda f: (f[1] is None and f[2] is None, f[1] or ""))
                kind = _name_kind(new)
                if kind != "place":
                    aliases = [a for k, a in enumerate(aliases) if _specific(a, primary=k == 0)]
                    if not aliases:
                        continue
                names.append((new, kind, aliases[0], "|".join(aliases[1:]), src, old))
    _write(out / "people.tsv", ("id", "name", "aliases", "source"), people)
    _write(out / "terms.tsv", ("id", "code", "start", "end", "source"), terms)
    _write(out / "names.tsv", ("code", "kind", "name", "aliases", "source", "petrarch_code"), names)
    agent_rows = []
    seen = set()
    lines = (source / AGENTS).read_text(encoding="utf-8", errors="replace").splitlines()
    for phrase, code, line in parse_agents(lines):
        key = phrase.replace("_", " ").lower().strip()
        if key in seen or not key:
            continue
        seen.add(key)
        agent_rows.append((key, code[:3], f"{AGENTS}:{line}"))
    _write(out / "agents.tsv", ("phrase", "sector", "source"), agent_rows)
    counts.update(people=len(people), terms=len(terms), names=len(names), agents=len(agent_rows))
    lic = source / "LICENSE"
    if lic.is_file():
        shutil.copyfile(lic, out / "LICENSE")
    return counts


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATE_NAME = re.compile(rf"^(?:(?:{_MONTHS})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS}))$", re.IGNORECASE)


def _specific(alias: str, primary: bool) -> bool:
    """Whether an organisation's or group's alias is specific enough to match on its own: several
    words, an acronym, a hyphenated name, or the record's own one-word name. Single ordinary words
    given as synonyms ("Foundation", "Youth", "Lightning") are not, nor are names that read as a
    date ("May 15", "17 November"): every date in the news would become that group."""
    if alias.isdigit() or _DATE_NAME.match(alias):
        return False
    if " " in alias or alias.isupper() or "-" in alias:
        return True
    return primary


def _name_kind(code: str) -> str:
    if code[:3] == "IGO":
        return "igo"
    if code[:3] == "NGO":
        return "ngo"
    if len(code) == 3:
        return "place"
    if code[3:6] in STATE_SECTORS:
        return "institution"
    return "group"


def _write(path: Path, header: tuple[str, ...], rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("# Converted from the PETRARCH-2/Phoenix dictionaries by tidings.actors.petrarch (MIT licence: LICENSE).\n")
        fh.write("\t".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(str(c).replace("\t", " ") for c in row) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.actors.petrarch", description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="folder with the Phoenix dictionaries")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "actors" / "petrarch")
    args = ap.parse_args(argv)
    from tidings.actors.kb import project_codes

    counts = convert(args.source, args.out, project_codes())
    print(" ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
