"""What a long ingest shows while it runs.

On a terminal: a progress bar with documents done and the total (counted up front when that is
cheap), documents per second, events and failures so far, and the time left. When standard error
is not a terminal (a log, a pipe, CI): one status line every ``every`` seconds. ``quiet`` shows
neither; failures are always printed, one line each.
"""

from __future__ import annotations

import re
import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

__all__ = ["IngestProgress", "summary"]

_EVENTS = re.compile(r"(\d+) events\b")


def summary(report, verb: str = "new") -> str:
    """The one-line result of an ingest (and what was skipped, by reason)."""
    updated = f", {report.updated} updated" if getattr(report, "updated", 0) else ""
    line = (f"documents: {report.new} {verb}, {report.unchanged} unchanged{updated}, {report.failed} failed"
            f"{f', {sum(report.skipped.values())} skipped' if report.skipped else ''}; events stored: {report.events}")
    if report.skipped:
        line += "\nskipped: " + ", ".join(f"{why} {n}" for why, n in report.skipped.most_common())
    return line


class IngestProgress:
    """A callable for the services' ``progress`` messages ("coded X: 12 events", "failed X: why")."""

    def __init__(self, console: Console, total: int | None, *, every: float = 10.0, quiet: bool = False,
                 label: str = "ingest") -> None:
        self.console, self.total, self.every, self.quiet, self.label = console, total, every, quiet, label
        self.done = self.events = self.failed = 0
        self.started = time.monotonic()
        self._last = self.started
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> IngestProgress:
        if self.console.is_terminal and not self.quiet:
            self._bar = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} docs/s  {task.fields[events]} events  {task.fields[failed]} failed"),
                TimeRemainingColumn(), console=self.console, transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task(self.label, total=self.total, rate=0.0, events=0, failed=0)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def status(self) -> str:
        rate = self.rate
        of = f"/{self.total}" if self.total is not None else ""
        eta = ""
        if self.total is not None and rate > 0 and self.total > self.done:
            left = int((self.total - self.done) / rate)
            eta = f", ETA {left // 60}m{left % 60:02d}s"
        return (f"{self.label}: {self.done}{of} documents ({rate:.1f}/s), {self.events} events, "
                f"{self.failed} failed{eta}")

    def __call__(self, msg: str) -> None:
        kind = msg.split(" ", 1)[0]
        if kind in ("coded", "recoded", "unchanged", "updated", "re-dated", "failed"):
            self.done += 1
        if kind == "failed":
            self.failed += 1
            self.console.print(msg, markup=False, highlight=False)
        found = _EVENTS.search(msg)
        if found and kind != "failed":
            self.events += int(found.group(1))
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self.done, rate=self.rate, events=self.events, failed=self.failed)
        elif not self.quiet and self.every > 0 and time.monotonic() - self._last >= self.every:
            self._last = time.monotonic()
            self.console.print(self.status(), markup=False, highlight=False)
