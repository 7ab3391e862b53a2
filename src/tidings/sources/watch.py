"""Polling: run a poll, wait, run it again, until stopped or after a number of polls.

``run_polls`` knows nothing of feeds or stores: ``service.watch`` gives it a poll that fetches the
feeds and ingests their new items. A poll that raises a ``TidingsError`` (a database that is busy,
say) is reported and the next poll runs all the same.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import TypeVar

from tidings.errors import TidingsError, UsageError

__all__ = ["parse_every", "run_polls"]

T = TypeVar("T")
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """``"15m"`` -> 900.0; units s, m, h, d (seconds when none)."""
    m = _EVERY.match(text or "")
    if not m:
        raise UsageError(f"invalid interval {text!r}: use e.g. 30s, 15m, 2h")
    return float(m.group(1)) * _UNITS[(m.group(2) or "s").lower()]


def run_polls(poll: Callable[[int], T], *, every: float, stop: threading.Event, polls: int | None = None,
              on_poll: Callable[[int, T], None] | None = None,
              on_error: Callable[[int, TidingsError], None] | None = None) -> int:
    """Call ``poll(n)`` for n = 1, 2, ... every ``every`` seconds; return how many polls ran."""
    n = 0
    while not stop.is_set():
        n += 1
        try:
            result = poll(n)
        except TidingsError as exc:
            if on_error is None:
                raise
            on_error(n, exc)
        else:
            if on_poll:
                on_poll(n, result)
        if polls is not None and n >= polls:
            break
        if stop.wait(every):
            break
    return n
