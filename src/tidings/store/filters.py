"""Event filters as users type them, checked before a query runs: an impossible filter is an error,
never a silent "0 events".

    query = event_query(source="Kenya", root="19", since="2024-01-01")   # source → KEN

Actor filters take a CAMEO code prefix (``RUS``, ``RUSGOV``, ``IGOEU``) or a name the knowledge base
knows ("Kenya", "the EU", "Russian"); roots are 01–20; codes must begin a CAMEO code; PLOVER
categories come from the codebook; dates are YYYY-MM-DD and ``since`` comes before ``until``.
"""

from __future__ import annotations

import re
from datetime import date as Date
from functools import lru_cache
from typing import Any

from tidings.errors import UsageError
from tidings.store.db import EventQuery

__all__ = ["check_date", "event_query", "resolve_actor_filter"]

_CODE_PREFIX = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$|^[A-Z]{3,15}$")


def check_date(value: str | None, what: str = "date") -> str | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"invalid {what} {value!r}: use YYYY-MM-DD") from None


@lru_cache(maxsize=1)
def _codes() -> tuple[frozenset[str], frozenset[str]]:
    from tidings.coding.codebook import codebook

    book = codebook()
    return frozenset(book), frozenset(c.plover for c in book.values() if c.plover)


@lru_cache(maxsize=1)
def _code_heads() -> frozenset[str]:
    """The first three letters an actor code can have: countries, IGO/NGO/IMG… and sector-only codes,
    as the knowledge base uses them ("XXQ" is a typo, not an empty dyad)."""
    from tidings.actors.kb import load_kb

    kb = load_kb()
    heads = {e.code[:3] for entries in kb.aliases.values() for e in entries if e.code}
    heads |= {e.country for entries in kb.aliases.values() for e in entries if e.country}
    heads |= {a.sector[:3] for a in kb.agents.values() if a.sector}  # "GOV", "COP": sector-only codes
    return frozenset(h.upper() for h in heads if h)


def resolve_actor_filter(value: str, role: str) -> str:
    """A code prefix as given, or the code of a name the knowledge base knows."""
    from tidings.actors.kb import load_kb

    text = value.strip()
    if not text:
        raise UsageError(f"empty --{role}")
    cands = [c for c in load_kb().candidates(text) if c.code]
    if cands:
        entry = cands[0].entry
        # a country's name, adjective or demonym filters on the country, not on its government
        if entry.kind == "state" and entry.country and entry.role in ("name", "adjective", "demonym", "historical"):
            return entry.country
        return cands[0].code or text
    if _CODE_PREFIX.match(text) and text.upper()[:3] in _code_heads():
        return text
    raise UsageError(f"unknown actor {value!r} for --{role}: give a CAMEO actor code prefix (RUS, RUSGOV, IGOEU) "
                     "or a name the knowledge base knows (see 'tidings actors lookup')")


def event_query(*, source: str | None = None, target: str | None = None, root: str | None = None,
                code: str | None = None, plover: str | None = None, since: str | None = None,
                until: str | None = None, **rest: Any) -> EventQuery:
    """An ``EventQuery`` from user input, or a ``UsageError`` saying what is impossible."""
    codes, plovers = _codes()
    if root is not None:
        r = root.strip()
        if not r.isdigit() or not 1 <= int(r) <= 20:
            raise UsageError(f"invalid --root {root!r}: CAMEO roots are 01 to 20")
        root = r.zfill(2)
    if code is not None:
        c = code.strip()
        if not c.isdigit() or not any(k.startswith(c) for k in codes):
            raise UsageError(f"invalid --code {code!r}: no CAMEO code begins with it")
        code = c
    if plover is not None:
        p = plover.strip().upper()
        if p not in plovers:
            raise UsageError(f"unknown --plover {plover!r}: one of {', '.join(sorted(plovers))}")
        plover = p
    since, until = check_date(since, "--since date"), check_date(until, "--until date")
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}: no event can match")
    return EventQuery(
        source=resolve_actor_filter(source, "source") if source else None,
        target=resolve_actor_filter(target, "target") if target else None,
        root=root, code=code, plover=plover, since=since, until=until, **rest)
