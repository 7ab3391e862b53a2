"""What coder tests read from a list of events: codes, roots and the country pairs of a code."""


def codes(events) -> set[str]:
    return {e.cameo for e in events}


def roots(events) -> set[str]:
    return {e.cameo_root for e in events}


def pairs(events, code: str) -> set[tuple[str | None, str | None]]:
    """(source, target) country parts of the events with ``code``."""
    return {((e.source.code or "")[:3] if e.source else None, (e.target.code or "")[:3] if e.target else None)
            for e in events if e.cameo == code}
