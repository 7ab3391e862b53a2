"""The actor knowledge base: states, organisations, groups, people with dated roles, sector agents.

Everything comes from the TSV files in ``data/actors`` (plus pycountry for the ISO 3166 core), from
user files in the project's own format (``--actors FILE``) and from PETRARCH/TABARI dictionaries
(``load_petrarch``). ``KnowledgeBase.candidates(mention, date)`` is the resolution interface.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pycountry

from tidings.errors import KnowledgeError
from tidings.tables import Row, read_table

__all__ = ["Candidate", "Entry", "KnowledgeBase", "load_kb", "normalize_alias"]

SECTORS = frozenset(
    "GOV MIL COP JUD LEG OPP PTY REB SPY CVL REF MED BUS EDU HLH LAB AGR ELI REL CRM UAF HRI ENV MOD RAD "
    "IGO NGO SET IMG DEV PRM UNK SOC JRN PRE".split()
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One way the knowledge base knows an actor. ``code`` is None only for sector agents."""

    name: str
    kind: str  # state | person | organization | group | agent
    role: str  # name, adjective, demonym, historical, capital, metonym, igo, ngo, group, media, person, agent, user
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    start: str | None = None
    end: str | None = None
    office: str | None = None

    def active(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    code: str | None
    score: float
    why: str


def normalize_alias(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").strip().lower()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^the ", "", text)
    return re.sub(r"('s|')$", "", text).strip()


def _rows(path: Path | Traversable) -> list[Row]:
    return read_table(path)


class KnowledgeBase:
    """Aliases → entries, sector agents, and the version (hash) of the data it was built from."""

    def __init__(self) -> None:
        self.aliases: dict[str, list[Entry]] = defaultdict(list)
        self.agents: dict[str, Entry] = {}
        self.surface: dict[str, set[str]] = defaultdict(set)  # alias key -> surface forms seen in data
        self._hash = hashlib.sha1()

    # -- building -------------------------------------------------------------------------------
    def add(self, alias: str, entry: Entry) -> None:
        key = normalize_alias(alias)
        if not key:
            return
        if entry not in self.aliases[key]:
            self.aliases[key].append(entry)
        self.surface[key].add(alias.strip())

    def add_agent(self, phrase: str, sector: str | None, note: str = "") -> None:
        key = normalize_alias(phrase)
        if key:
            self.agents[key] = Entry(name=phrase.lower(), kind="agent", role="agent", sector=sector or None)

    def feed_hash(self, data: str) -> None:
        self._hash.update(data.encode("utf-8"))

    @property
    def version(self) -> str:
        return self._hash.hexdigest()[:10]

    # -- lookup ---------------------------------------------------------------------------------
    def entries(self, mention: str) -> list[Entry]:
        return list(self.aliases.get(normalize_alias(mention), ()))

    def candidates(self, mention: str, date: str | None = None) -> list[Candidate]:
        """All readings of ``mention`` on ``date``, best first, each with its resolved code and why."""
        out: list[Candidate] = []
        entries = self.entries(mention)
        people = [e for e in entries if e.kind == "person"]
        others = [e for e in entries if e.kind != "person"]
        by_person: dict[str, list[Entry]] = defaultdict(list)
        for e in people:
            by_person[e.name].append(e)
        for name, terms in by_person.items():
            live = [t for t in terms if t.active(date)]
            if live:
                best = sorted(live, key=lambda t: (t.sector != "GOV", t.start or ""))[0]
                why = f"{best.office or 'office'} of {best.country} from {best.start} to {best.end or 'now'}"
                out.append(Candidate(best, best.code, 1.0, why))
            else:
                last = sorted(terms, key=lambda t: t.start or "")[-1]
                code = f"{last.country}ELI" if last.country else None
                when = date or "an unknown date"
                out.append(Candidate(replace(last, sector="ELI", office=None), code, 0.8,
                                     f"{name} held no recorded office on {when}; coded as {last.country} elite"))
        for e in others:
            out.append(Candidate(e, e.code, 0.9 if e.role in {"name", "igo", "ngo", "group", "media", "metonym", "user"} else 0.7,
                                 f"{e.role} of {e.name}"))
        if len({c.entry.name for c in out if c.entry.kind == "person"}) > 1:
            live = [c for c in out if c.score == 1.0]
            out = live if len(live) == 1 else [Candidate(c.entry, None, 0.3, "ambiguous: " + c.why) for c in out]
        return sorted(out, key=lambda c: -c.score)

    def agent(self, phrase: str) -> Entry | None:
        return self.agents.get(normalize_alias(phrase))


# -- loaders -------------------------------------------------------------------------------------
def _data_dir() -> resources.abc.Traversable:
    return resources.files("tidings") / "data" / "actors"


def _load_states(kb: KnowledgeBase) -> None:
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                kb.add(value, Entry(name=c.name, kind="state", role="name", code=c.alpha_3, country=c.alpha_3))
    path = _data_dir() / "states.tsv"
    if not path.is_file():
        return
    kb.feed_hash(path.read_text(encoding="utf-8"))
    rows = list(_rows(path))
    # where the project's own data names a different state for an ISO name ("Congo" is the DR Congo
    # in news usage), the project's data wins
    for row in rows:
        key = normalize_alias(row["alias"])
        iso = row["iso3"].upper()
        kept = [e for e in kb.aliases.get(key, []) if not (e.kind == "state" and e.role == "name" and e.country != iso
                                                           and e.code == e.country)]
        if key in kb.aliases:
            kb.aliases[key] = kept
    for row in rows:
        iso, kind, alias = row["iso3"].upper(), row["kind"], row["alias"]
        country = pycountry.countries.get(alpha_3=iso)
        name = country.name if country else alias
        code = row.get("code") or (iso + "GOV" if kind == "capital" else iso)
        sector = code[3:6] if len(code) >= 6 else None
        ekind = "state"
        kb.add(alias, Entry(name=name, kind=ekind, role=kind, code=code, country=iso, sector=sector))


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _load_orgs(kb: KnowledgeBase) -> None:
    d = _data_dir()
    if (d / "igos.tsv").is_file():
        kb.feed_hash((d / "igos.tsv").read_text(encoding="utf-8"))
        for row in _rows(d / "igos.tsv"):
            entry = Entry(name=row["name"], kind="organization", role=row.get("kind") or "igo", code=row["code"],
                          country=row.get("country") or None, sector=(row.get("kind") or "igo").upper())
            for alias in [row["name"], *_split(row.get("aliases", ""))]:
                kb.add(alias, entry)
    if (d / "groups.tsv").is_file():
        kb.feed_hash((d / "groups.tsv").read_text(encoding="utf-8"))
        for row in _rows(d / "groups.tsv"):
            entry = Entry(name=row["name"], kind="group", role="group", code=row["code"],
                          country=row.get("country") or None, sector=row.get("sector") or None)
            for alias in [row["name"], *_split(row.get("aliases", ""))]:
                kb.add(alias, entry)
    if (d / "media.tsv").is_file():
        kb.feed_hash((d / "media.tsv").read_text(encoding="utf-8"))
        for row in _rows(d / "media.tsv"):
            entry = Entry(name=row["name"], kind="organization", role="media", code=row["code"],
                          country=row.get("country") or None, sector="MED")
            for alias in [row["name"], *_split(row.get("aliases", ""))]:
                kb.add(alias, entry)
    if (d / "agents.tsv").is_file():
        kb.feed_hash((d / "agents.tsv").read_text(encoding="utf-8"))
        for row in _rows(d / "agents.tsv"):
            kb.add_agent(row["phrase"], row.get("sector"))


def _load_people(kb: KnowledgeBase) -> None:
    folder = _data_dir() / "people"
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".tsv"):
            continue
        kb.feed_hash(path.read_text(encoding="utf-8"))
        for row in _rows(path):
            add_person(kb, row)


def add_person(kb: KnowledgeBase, row: dict[str, str]) -> None:
    country = row["country"].upper()
    role = (row.get("role") or "GOV").upper()
    entry = Entry(name=row["name"], kind="person", role="person", code=country + role, country=country,
                  sector=role, start=row.get("start") or None, end=row.get("end") or None,
                  office=row.get("office") or None)
    for alias in {row["name"], *_split(row.get("aliases", ""))}:
        kb.add(alias, entry)


def load_user_actors(kb: KnowledgeBase, path: str | Path) -> int:
    """Add a user file in the project's format: TSV ``alias  code  kind  start  end`` (kind optional).

    ``code`` is a CAMEO actor code whose first three letters are the country (or IGO/NGO).
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"cannot read actor file {p}: {exc.strerror or exc}") from exc
    kb.feed_hash(text)
    count = 0
    # the header names the columns: a file without one is an error, never an empty dictionary
    for row in read_table(p, columns=("alias", "code"), required=("alias", "code")):
        code = row["code"].upper()
        kind = row.get("kind") or ("person" if row.get("start") or row.get("end") else "organization")
        country = None if code[:3] in {"IGO", "NGO"} else code[:3]
        entry = Entry(name=row.get("name") or row["alias"], kind=kind, role="user" if kind != "person" else "person",
                      code=code, country=country, sector=code[3:6] or None,
                      start=row.get("start") or None, end=row.get("end") or None)
        kb.add(row["alias"], entry)
        count += 1
    return count


_PETR_CODE = re.compile(r"\[\s*([A-Z0-9]{3,15})\s*([^\]]*)\]")


def _petr_date(text: str) -> str:
    yy, mm, dd = int(text[:2]), int(text[2:4]), int(text[4:6])
    return f"{(1900 if yy >= 50 else 2000) + yy:04d}-{mm:02d}-{dd:02d}"


def load_petrarch(kb: KnowledgeBase, path: str | Path) -> int:
    """Import a PETRARCH/TABARI actor dictionary: ``NAME_ [CODE]``, ``+SYNONYM_`` lines and dated
    codes ``[CODE yymmdd-yymmdd]``, ``[CODE >yymmdd]``, ``[CODE <yymmdd]``. Returns entries added."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"cannot read dictionary {p}: {exc.strerror or exc}") from exc
    kb.feed_hash("\n".join(lines))
    blocks: list[tuple[list[str], list[tuple[str, str | None, str | None]]]] = []
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if blocks:
                blocks[-1][0].append(stripped[1:].split("[", 1)[0].strip())
            continue
        codes = []
        for m in _PETR_CODE.finditer(stripped):
            code, cond = m.group(1), m.group(2).strip()
            start = end = None
            if re.fullmatch(r"\d{6}-\d{6}", cond):
                start, end = _petr_date(cond[:6]), _petr_date(cond[7:])
            elif re.fullmatch(r">\d{6}", cond) or re.fullmatch(r"\d{6}-", cond):
                start = _petr_date(cond.strip(">-"))
            elif re.fullmatch(r"<\d{6}", cond) or re.fullmatch(r"-\d{6}", cond):
                end = _petr_date(cond.strip("<-"))
            codes.append((code, start, end))
        name = _PETR_CODE.sub("", stripped).strip()
        if name:
            blocks.append(([name], codes))
        elif blocks:
            blocks[-1][1].extend(codes)
    count = 0
    for names, codes in blocks:
        pretty = [n.replace("_", " ").strip() for n in names if n.replace("_", "").strip()]
        if not pretty or not codes:
            continue
        dated = any(s or e for _, s, e in codes)
        for code, start, end in codes:
            country = None if code[:3] in {"IGO", "NGO"} else code[:3]
            entry = Entry(name=pretty[0].title(), kind="person" if dated else "organization",
                          role="person" if dated else "user", code=code, country=country,
                          sector=code[3:6] or None, start=start, end=end)
            for alias in pretty:
                kb.add(alias, entry)
            count += 1
    return count


@lru_cache(maxsize=8)
def load_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """Build the knowledge base from package data and the given user files (cached per file list).

    Files ending in ``.txt`` or ``.dict`` are read as PETRARCH dictionaries, others in the project's
    TSV format.
    """
    kb = KnowledgeBase()
    _load_states(kb)
    _load_orgs(kb)
    _load_people(kb)
    for path in extra:
        if str(path).endswith((".txt", ".dict")):
            load_petrarch(kb, path)
        else:
            load_user_actors(kb, path)
    return kb
