"""Who promises and who benefits: actors reduced to *parties*.

A party is what keeps a promise: a state (its government, army, police, courts and parliament act
for it: ``RUS``, ``RUSGOV`` and ``RUSMIL`` are one party), a non-state actor of a country (its
country and sector: ``SDNREB`` for Sudan's RSF, ``RUSBUS`` for Gazprom, ``MMROPP``), or an
international organisation (its code: ``IGOIMF``). An actor without a country (a bare sector,
"the government") is no party.
"""

from __future__ import annotations

from tidings.records import Actor

__all__ = ["STATE_ROLES", "beneficiary_compatible", "is_state", "party", "same_party"]

# Sector roles that act for the state itself (docs/actor-codes.md).
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
_ORGS = ("IGO", "NGO")
# Kosovo: XKX in the knowledge base, KOS in CAMEO-style annotation.
_ALIASES = {"XKX": "KOS"}


def party(actor: Actor | None) -> str | None:
    if actor is None or not actor.code:
        return None
    code = actor.code.upper()
    if code.startswith(_ORGS):
        return code
    if not actor.country:  # a bare sector ("the government", "rebels"): whose is unknown
        return None
    country = _ALIASES.get(code[:3], code[:3])
    role = code[3:6]
    return country if not role or role in STATE_ROLES else country + role


def is_state(p: str) -> bool:
    return len(p) == 3 and not p.startswith(_ORGS)


def same_party(a: str | None, b: str | None) -> bool:
    """The same party; an organisation and its own body (IGOUNO, IGOUNOIAE) count as one."""
    if not a or not b:
        return False
    if a == b:
        return True
    return a.startswith(_ORGS) and b.startswith(_ORGS) and (a.startswith(b) or b.startswith(a))


def beneficiary_compatible(a: str | None, b: str | None) -> bool:
    """Whether two parties can be the same beneficiary: the same party, or a state and any actor of
    that country (a loan to Pakistan is paid to its central bank, ``PAKBUS``)."""
    if same_party(a, b):
        return True
    if not a or not b or a.startswith(_ORGS) or b.startswith(_ORGS):
        return False
    return a[:3] == b[:3] and (is_state(a) or is_state(b))
