"""Loaders that fill a ``KnowledgeBase``: the project's tables in ``data/actors``, the converted
PETRARCH-2/Phoenix tables in ``data/actors/petrarch`` (below the project's data), user TSV files and
PETRARCH/TABARI dictionaries. Every entry records its source file and line."""

from __future__ import annotations

import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pycountry

from tidings.actors.kb import NON_STATE, SECTORS, Entry, KnowledgeBase, fold, normalize_alias
from tidings.errors import KnowledgeError
from tidings.tables import Row, read_table

__all__ = ["load_converted", "load_orgs", "load_people", "load_petrarch", "load_states", "load_user_actors"]

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _data_dir() -> Traversable:
    return resources.files("tidings") / "data" / "actors"


def _rows(kb: KnowledgeBase, path: Traversable | Path) -> list[Row]:
    kb.feed_hash(path.read_text(encoding="utf-8"))
    return read_table(path)


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _where(row: Row, folder: str = "") -> str:
    return (folder + row.where) if row.where else folder


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name).lower()).strip("-")


# -- states and places ------------------------------------------------------------------------------
def load_states(kb: KnowledgeBase) -> None:
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                kb.add(value, Entry(name=c.name, kind="state", role="name", code=c.alpha_3, country=c.alpha_3,
                                    source="pycountry"))
    path = _data_dir() / "states.tsv"
    rows = _rows(kb, path)
    # where the project's own data names a different state for an ISO name ("Congo" is the DR Congo
    # in news usage), the project's data wins
    for row in rows:
        key = normalize_alias(row["alias"])
        iso = row["iso3"].upper()
        if key in kb.aliases:
            kb.aliases[key] = [e for e in kb.aliases[key] if not (e.kind == "state" and e.role == "name"
                                                                    and e.country != iso and e.code == e.country)]
    for row in rows:
        iso, kind, alias = row["iso3"].upper(), row["kind"], row["alias"]
        country = pycountry.countries.get(alpha_3=iso)
        name = country.name if country else alias
        code = row.get("code") or (iso + "GOV" if kind == "capital" else iso)
        sector = code[3:6] if len(code) >= 6 else None
        region = kind == "region"  # a region's adjective: an adjective the actor component keeps before region heads only
        kb.add(alias, Entry(name=name, kind="state", role="adjective" if region else kind, code=code, country=iso,
                            sector=sector, office="cameo-region" if region else None, source=_where(row)))
    regions = _data_dir() / "regions.tsv"
    if regions.is_file():
        for row in _rows(kb, regions):
            iso = row["iso3"].upper()
            entry = Entry(name=row["alias"], kind="state", role="place", code=iso, country=iso,
                          office=row.get("kind") or None, source=_where(row), pid=f"region:{iso}:{slug(row['alias'])}",
                          context=(iso,))
            kb.add(row["alias"], entry)


# -- organisations, groups, institutions, media, agents -------------------------------------------
def load_orgs(kb: KnowledgeBase) -> None:
    d = _data_dir()
    for row in _rows(kb, d / "igos.tsv"):
        kind = row.get("kind") or "igo"
        entry = Entry(name=row["name"], kind="organization", role=kind, code=row["code"],
                      country=row.get("country") or None, sector=kind.upper(), source=_where(row),
                      context=tuple(_split(row.get("context", ""))))
        for alias in [row["name"], *_split(row.get("aliases", ""))]:
            kb.add(alias, entry)
    for name in ("groups.tsv", "institutions.tsv"):
        if not (d / name).is_file():
            continue
        for row in _rows(kb, d / name):
            code = row["code"]
            country = row.get("country") or (None if code[:3] in NON_STATE else code[:3])
            sector = row.get("sector") or (code[3:6] if code[:3] not in NON_STATE else code[:3]) or None
            role = "group" if name == "groups.tsv" else "institution"
            ekind = "group" if role == "group" else (row.get("kind") or "organization")
            entry = Entry(name=row["name"], kind=ekind, role=role, code=code,
                          country=country, sector=sector, start=row.get("start") or None, end=row.get("end") or None,
                          pid=row.get("id") or None, source=_where(row), context=tuple(_split(row.get("context", ""))))
            for alias in [row["name"], *_split(row.get("aliases", ""))]:
                kb.add(alias, entry)
    for row in _rows(kb, d / "media.tsv"):
        entry = Entry(name=row["name"], kind="organization", role="media", code=row["code"],
                      country=row.get("country") or None, sector="MED", source=_where(row))
        for alias in [row["name"], *_split(row.get("aliases", ""))]:
            kb.add(alias, entry)
    # agents.tsv, then the extra tables beside it (agents_groups.tsv …), in name order
    tables = [p for p in d.iterdir() if p.name.startswith("agents") and p.name.endswith(".tsv")]
    for path in sorted(tables, key=lambda p: (p.name != "agents.tsv", p.name)):
        for row in _rows(kb, path):
            kb.add_agent(row["phrase"], row.get("sector"), source=_where(row))


# -- people -----------------------------------------------------------------------------------------
def load_people(kb: KnowledgeBase) -> None:
    folder = _data_dir() / "people"
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".tsv"):
            for row in _rows(kb, path):
                add_person(kb, row, "people/")


def add_person(kb: KnowledgeBase, row: dict[str, str], folder: str = "") -> None:
    """One dated term of a person. ``code`` (optional) overrides country + role: IGO officials
    (``IGOWSTNAT``) keep their own country as ``home``."""
    country = (row.get("country") or "").upper() or None
    role = (row.get("role") or "GOV").upper()
    code = (row.get("code") or "").upper() or (f"{country}{role}" if country else None)
    home = country
    if code and code[:3] in NON_STATE:
        country = None
    pid = row.get("id") or slug(row["name"])
    entry = Entry(name=row["name"], kind="person", role="person", code=code, country=country,
                  sector=code[:3] if code and code[:3] in NON_STATE else role, start=row.get("start") or None,
                  end=row.get("end") or None, office=row.get("office") or None, pid=pid, home=home,
                  source=_where(row, folder) if isinstance(row, Row) else None)
    kb.add_term(entry, list(dict.fromkeys([row["name"], *_split(row.get("aliases", ""))])))


# -- the converted PETRARCH-2/Phoenix dictionaries ---------------------------------------------------
def load_converted(kb: KnowledgeBase) -> None:
    """The Phoenix tables in ``data/actors/petrarch``: aliases the project does not know, people linked
    to the project's people by name (their terms then count only where the project has none), agents."""
    folder = _data_dir() / "petrarch"
    if not (folder / "names.tsv").is_file():
        return
    known = set(kb.aliases)
    for row in _rows(kb, folder / "names.tsv"):
        code, kind = row["code"], row["kind"]
        aliases = [a for a in [row["name"], *_split(row.get("aliases", ""))] if normalize_alias(a) not in known]
        if kind == "institution":
            # "US Supreme Court" is a state and an agent the project knows: composing them follows the
            # project's sectors (JUD), so such names are left to composition
            aliases = [a for a in aliases if not _ends_with_agent(kb, normalize_alias(a))]
        if not aliases:
            continue
        country = None if code[:3] in NON_STATE else code[:3]
        sector = code[:3] if code[:3] in NON_STATE else (code[3:6] or None)
        ekind = {"place": "state", "institution": "organization", "igo": "organization", "ngo": "organization"}.get(kind, "group")
        entry = Entry(name=row["name"], kind=ekind, role=kind, code=code, country=country, sector=sector,
                      source=row["source"])
        for alias in aliases:
            kb.add(alias, entry)
    # people: link to the project's person of the same name and country, else a PETRARCH id
    by_name: dict[str, set[str]] = {}
    for pid, terms in kb.people.items():
        for term in terms:
            by_name.setdefault(normalize_alias(term.name), set()).add(pid)
    countries = {pid: {t.home for t in terms} | {(t.code or "")[:3] for t in terms} for pid, terms in kb.people.items()}
    terms_of: dict[str, list[Row]] = {}
    for row in _rows(kb, folder / "terms.tsv"):
        terms_of.setdefault(row["id"], []).append(row)
    for row in _rows(kb, folder / "people.tsv"):
        rows = terms_of.get(row["id"], [])
        codes = {t["code"][:3] for t in rows}
        aliases = [row["name"], *_split(row.get("aliases", ""))]
        pid = row["id"]
        for a in aliases:
            if len(a.split()) < 2:
                continue
            match = [p for p in by_name.get(normalize_alias(a), ()) if countries.get(p, set()) & codes]
            if len(match) == 1:
                pid = match[0]
                break
        for t in rows:
            code = t["code"]
            start, end = t.get("start") or None, t.get("end") or None
            country = None if code[:3] in NON_STATE else code[:3]
            sector = code[:3] if code[:3] in NON_STATE else (code[3:6] or None)
            kb.add_term(Entry(name=row["name"], kind="person", role="person", code=code if sector or country else None,
                              country=country, sector=sector, start=start, end=end, pid=pid, source=t["source"],
                              fallback=start is None and end is None), aliases)
    if (folder / "agents.tsv").is_file():
        for row in _rows(kb, folder / "agents.tsv"):
            key = normalize_alias(row["phrase"])
            # a phrase cut before its object ("OBSERVERS_IN", "observers ins") is no noun phrase
            if key not in kb.agents and row["sector"] in SECTORS and key.split()[-1] not in _DANGLING:
                kb.add_agent(row["phrase"], row["sector"], source=row["source"])


_DANGLING = frozenset({"in", "ins", "of", "for", "to", "at", "on", "from", "with"})


def _ends_with_agent(kb: KnowledgeBase, key: str) -> bool:
    words = key.split()
    return any(" ".join(words[i:]) in kb.agents for i in range(1, len(words)))


# -- user files ---------------------------------------------------------------------------------------
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
        country = None if code[:3] in NON_STATE else code[:3]
        entry = Entry(name=row.get("name") or row["alias"], kind=kind, role="user" if kind != "person" else "person",
                      code=code, country=country, sector=code[3:6] or None,
                      start=row.get("start") or None, end=row.get("end") or None, source=f"user:{row.where}")
        kb.add(row["alias"], entry)
        count += 1
    return count


def load_petrarch(kb: KnowledgeBase, path: str | Path) -> int:
    """Import a PETRARCH/TABARI actor dictionary file as it is (``--actors FILE.txt``). Returns entries added."""
    from tidings.actors.petrarch import parse_actors, pretty

    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"cannot read dictionary {p}: {exc.strerror or exc}") from exc
    kb.feed_hash("\n".join(lines))
    count = 0
    for rec in parse_actors(lines):
        names = [pretty(n) for n in rec.names]
        dated = any(s or e for _, s, e, _ in rec.codes)
        pid = f"{p.name}:{rec.line}"
        for code, start, end, line in rec.codes:
            country = None if code[:3] in NON_STATE else code[:3]
            entry = Entry(name=names[0], kind="person" if dated else "organization",
                          role="person" if dated else "user", code=code, country=country,
                          sector=code[3:6] or None, start=start, end=end, pid=pid if dated else None,
                          source=f"{p.name}:{line}", fallback=dated and start is None and end is None)
            if dated:
                kb.add_term(entry, names)
            else:
                for alias in names:
                    kb.add(alias, entry)
            count += 1
    return count
