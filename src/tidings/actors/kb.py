"""The actor knowledge base: states, places, organisations, groups, people with dated roles, agents.

Everything comes from the TSV files in ``data/actors`` (plus pycountry for the ISO 3166 core), the
converted PETRARCH-2/Phoenix dictionaries in ``data/actors/petrarch`` (below the project's own data),
user files in the project's format (``--actors FILE``) and PETRARCH/TABARI dictionaries
(``load_petrarch``); the loaders are in ``tidings.actors.sources``.
``KnowledgeBase.candidates(mention, date)`` is the resolution interface.

People are keyed by a stable id (``Entry.pid``), not by name: every dated term of one person shares
the id, two people with the same name have two ids. Groups and institutions may carry dates too (the
Taliban are ``AFGREB`` until 14 August 2021 and ``AFGGOV`` from the 15th), and readings that only
apply in some countries carry them as ``context`` ("ADF" in a story about Australia).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

__all__ = ["Candidate", "Entry", "KnowledgeBase", "fold", "load_kb", "load_petrarch", "load_user_actors", "normalize_alias",
           "project_codes"]

SECTORS = frozenset(
    "GOV MIL COP JUD LEG OPP PTY REB SPY CVL REF MED BUS EDU HLH LAB AGR ELI REL CRM UAF HRI ENV MOD RAD "
    "IGO NGO SET IMG DEV PRM UNK SOC JRN PRE".split()
)
NON_STATE = frozenset({"IGO", "NGO", "IMG"})
# CAMEO region codes (states.tsv kind "region"): the project codes no actor with them (GUIDELINES: a group
# of states no code fits is kept as text with code null, like an unknown name)
REGIONS = frozenset({"AFR", "ASA", "EUR", "MEA", "SAM", "NAF", "WAF", "EAF", "SAF", "CAS", "SAS", "SEA", "EEU",
                     "WEU", "LAM", "CRB", "SCN", "BLK"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One way the knowledge base knows an actor. ``code`` is None only for sector agents.

    ``pid`` identifies a person (or a dated group) across terms and aliases; ``source`` is where the
    entry comes from (``people/europe.tsv:12`` or ``Phoenix.Countries.actors.txt:39559``);
    ``fallback`` marks a PETRARCH default code (used only when no dated term applies); ``context`` lists
    the countries whose mention makes this reading likely; ``home`` is the country of an IGO official."""

    name: str
    kind: str  # state | person | organization | group | agent
    role: str  # name, adjective, demonym, historical, capital, metonym, place, igo, ngo, group, media, person, agent, user
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    start: str | None = None
    end: str | None = None
    office: str | None = None
    pid: str | None = None
    source: str | None = None
    fallback: bool = False
    context: tuple[str, ...] = ()
    home: str | None = None

    def active(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    @property
    def petrarch(self) -> bool:
        return bool(self.source and self.source.startswith("Phoenix."))


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    code: str | None
    score: float
    why: str


def fold(text: str) -> str:
    """Without diacritics: "Nicolás Maduro" -> "Nicolas Maduro" (news copy often drops them)."""
    if text.isascii():
        return text
    text = text.translate(_LETTERS)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
                          "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d"})


def normalize_alias(text: str) -> str:
    text = fold(text).replace("’", "'").replace("‘", "'").strip().lower()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^the ", "", text)
    return re.sub(r"('s|')$", "", text).strip()


def _near(a: str | None, b: str | None, days: int = 62) -> bool:
    if not a or not b:
        return False
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= days
    except ValueError:
        return False


def _span(e: Entry) -> str:
    return f"from {e.start or 'an unknown date'} to {e.end or 'now'}"


class KnowledgeBase:
    """Aliases → entries, sector agents, and the version (hash) of the data it was built from."""

    def __init__(self) -> None:
        self.aliases: dict[str, list[Entry]] = defaultdict(list)
        self.agents: dict[str, Entry] = {}
        self.surface: dict[str, set[str]] = defaultdict(set)  # alias key -> surface forms seen in data
        self.people: dict[str, list[Entry]] = defaultdict(list)  # pid -> every term of that person
        self._hash = hashlib.sha1()

    # -- building -------------------------------------------------------------------------------
    def add(self, alias: str, entry: Entry) -> None:
        key = normalize_alias(alias)
        if not key:
            return
        bucket = self.aliases[key]
        if entry not in bucket:
            bucket.append(entry)
        self.surface[key].add(alias.strip())

    def add_term(self, entry: Entry, aliases: list[str]) -> None:
        """A dated term of a person (``entry.pid`` set) under each of its aliases."""
        if entry.pid:
            self.people[entry.pid].append(entry)
        for alias in aliases:
            self.add(alias, entry)

    def add_agent(self, phrase: str, sector: str | None, note: str = "", source: str | None = None) -> None:
        key = normalize_alias(phrase)
        if key:
            self.agents[key] = Entry(name=phrase.lower(), kind="agent", role="agent", sector=sector or None, source=source)

    def person_name(self, pid: str) -> str | None:
        """The name a person is known by: the project's own, else the converted dictionary's."""
        terms = self.people.get(pid, ())
        own = [t.name for t in terms if not t.petrarch]
        return own[0] if own else (terms[0].name if terms else None)

    def feed_hash(self, data: str) -> None:
        self._hash.update(data.encode("utf-8"))

    @property
    def version(self) -> str:
        return self._hash.hexdigest()[:10]

    # -- lookup ---------------------------------------------------------------------------------
    def entries(self, mention: str) -> list[Entry]:
        return list(self.aliases.get(normalize_alias(mention), ()))

    def candidates(self, mention: str, date: str | None = None, *, context: frozenset[str] = frozenset(),
                   pid: str | None = None) -> list[Candidate]:
        """All readings of ``mention`` on ``date``, best first, each with its resolved code and why.

        ``context`` is the set of countries the document mentions (it settles acronyms and people
        who share a name); ``pid`` pins the reading to one person (a surname after a full mention)."""
        key = mention if mention in self.aliases else normalize_alias(mention)
        return list(self._candidates(key, date, context, pid))

    @lru_cache(maxsize=65536)  # noqa: B019  (one knowledge base per process, cached by load_kb)
    def _candidates(self, key: str, date: str | None, context: frozenset[str], pid: str | None) -> tuple[Candidate, ...]:
        entries = self.aliases.get(key, [])
        if pid is not None:
            entries = [e for e in entries if e.pid == pid] or entries
        by_person: dict[str, list[Entry]] = defaultdict(list)
        for e in entries:
            if e.kind == "person":
                by_person[e.pid or e.name].append(e)
        people = [self._person(self.people.get(p) or terms, date) for p, terms in by_person.items()]
        others = self._others([e for e in entries if e.kind != "person"], date, context)
        if len(people) > 1:
            people = self._choose(people, context)
        return tuple(sorted(people + others, key=lambda c: -c.score))

    def _person(self, terms: list[Entry], date: str | None) -> Candidate:
        own = [t for t in terms if not t.petrarch]
        # the project's own data is authoritative: a converted term for the same office (same code,
        # starting within two months; often an open PETRARCH term cut at the 2014 conversion) gives way
        dated = [t for t in terms if not t.fallback and not (t.petrarch and any(
            o.code == t.code and _near(o.start, t.start) for o in own))]
        live = [t for t in dated if t.active(date) and (date is not None or t.start is not None)]
        if any(not t.petrarch for t in live):
            live = [t for t in live if not t.petrarch]
        if live:
            # an office beats an opposition role, which beats elite status; the latest office wins
            best = max(live, key=lambda t: (t.sector != "ELI", t.sector != "OPP", t.start or ""))
            score = 1.0 if best.sector not in ("ELI", "OPP") else 0.9 if best.sector == "OPP" else 0.85
            return Candidate(best, best.code, score, f"{best.office or 'role'} ({best.code}) {_span(best)}")
        if date is None and dated:
            # no date: the latest role on record is the best reading (tidings never assumes "today")
            latest = max(dated, key=lambda t: (t.start or "", not t.petrarch))
            return Candidate(latest, latest.code, 0.8, f"no date given; latest recorded role {latest.code} {_span(latest)}")
        national = [t for t in dated if t.country] or dated
        if date is not None and national:
            before = [t for t in national if t.end and t.end < date]
            last: Entry | None = max(before, key=lambda t: t.end or "") if before else min(national, key=lambda t: t.start or "9999")
        else:
            last = max(national, key=lambda t: t.start or "") if national else None
        fallback = next((t for t in terms if t.fallback and t.country), None)
        if last is None and fallback is not None:
            return Candidate(fallback, fallback.code, 0.7, f"default reading {fallback.code}")
        if last is None:
            return Candidate(terms[0], None, 0.3, "no dated role")
        country = last.country or last.home
        code = f"{country}ELI" if country else None
        when = date or "an unknown date"
        return Candidate(replace(last, sector="ELI", office=None, code=code), code, 0.8,
                         f"{last.name} held no recorded office on {when}; coded as {country} elite")

    @staticmethod
    def _choose(people: list[Candidate], context: frozenset[str]) -> list[Candidate]:
        """Several people share the name: the one holding an office that day is salient; else the
        one from a country the document mentions; else the name stays unresolved."""
        for pool in ([c for c in people if c.score >= 1.0], [c for c in people if c.score >= 0.9]):
            if len(pool) == 1 or (pool and len({c.code for c in pool}) == 1):
                return pool[:1]  # one holder that day, or several readings that agree
            if len(pool) > 1 and context:
                local = [c for c in pool if (c.entry.country or c.entry.home) in context]
                if len(local) == 1:
                    return local
        if context:
            local = [c for c in people if (c.entry.country or c.entry.home) in context]
            if len(local) == 1:
                return local
        return [Candidate(c.entry, None, 0.3, "ambiguous: " + c.why) for c in people]

    @staticmethod
    def _others(entries: list[Entry], date: str | None, context: frozenset[str]) -> list[Candidate]:
        if any(e.start or e.end for e in entries):
            entries = [e for e in entries if e.active(date)] or entries
        out = []
        for e in entries:
            score = 0.9 if e.role in {"name", "igo", "ngo", "group", "media", "metonym", "user", "institution"} else 0.7
            if e.petrarch:
                score -= 0.05
            if (e.start or e.end) and e.active(date):
                score += 0.02  # a dated reading that holds that day is more specific than an undated one
            if e.context:
                score = (0.95 - (0.05 if e.petrarch else 0)) if context & set(e.context) else score - 0.02
            why = f"{e.role} of {e.name}" + (f" {_span(e)}" if e.start or e.end else "")
            out.append(Candidate(e, e.code, round(score, 3), why))
        return out

    def agent(self, phrase: str) -> Entry | None:
        return self.agents.get(normalize_alias(phrase))


# -- building the knowledge base -------------------------------------------------------------------
def load_user_actors(kb: KnowledgeBase, path: str | Path) -> int:
    from tidings.actors.sources import load_user_actors as _load

    return _load(kb, path)


def load_petrarch(kb: KnowledgeBase, path: str | Path) -> int:
    from tidings.actors.sources import load_petrarch as _load

    return _load(kb, path)


@lru_cache(maxsize=8)
def load_kb(extra: tuple[str, ...] = (), petrarch: bool = True) -> KnowledgeBase:
    """Build the knowledge base from package data and the given user files (cached per file list).

    Files ending in ``.txt`` or ``.dict`` are read as PETRARCH dictionaries, others in the project's
    TSV format. ``petrarch=False`` leaves out the converted Phoenix dictionaries.
    """
    from tidings.actors import sources

    kb = KnowledgeBase()
    sources.load_states(kb)
    sources.load_orgs(kb)
    sources.load_people(kb)
    if petrarch:
        sources.load_converted(kb)
    for path in extra:
        if str(path).endswith((".txt", ".dict")):
            sources.load_petrarch(kb, path)
        else:
            sources.load_user_actors(kb, path)
    return kb


def project_codes() -> dict[str, str]:
    """Normalised alias → code for the project's own (non-person) entries; used by the converter."""
    kb = load_kb(petrarch=False)
    out = {}
    for key, entries in kb.aliases.items():
        codes = {e.code for e in entries if e.kind != "person" and e.code}
        if len(codes) == 1:
            out[key] = codes.pop()
    return out
