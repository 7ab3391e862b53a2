"""Splitting the inputs of a Spark job into pieces, one task each (driver side, no Spark needed).

A piece is a whole file (text, HTML, WARC/WARC.gz, a remote URL) or a run of whole lines of a JSON
lines file: a large JSONL file is cut at line ends into pieces of about ``total / slices`` bytes,
and each piece knows the number of its first line, so origins and failure reasons read as they do
in ``tidings code``. WARC files are not split: each is one task (a CC-NEWS file is about 1 GB).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings.errors import UsageError
from tidings.ingest import JSONL_SUFFIXES, iter_paths

__all__ = ["MIN_PIECE_BYTES", "Piece", "is_remote", "plan_pieces"]

MIN_PIECE_BYTES = 256 * 1024  # below this, a task costs more to schedule than to run


@dataclass(frozen=True)
class Piece:
    """``name`` as the user gave it (origins use it), ``path`` to open; ``end`` is -1 for a whole file."""

    name: str
    path: str
    start: int = 0
    end: int = -1
    first_line: int = 1

    @property
    def whole(self) -> bool:
        return self.end < 0


def is_remote(path: str) -> bool:
    """A URL that executors download (``s3://``, ``https://``...), not a local or ``file://`` path."""
    return "://" in path and not path.startswith("file://")


def _split_jsonl(name: str, path: str, target: int) -> list[Piece]:
    pieces: list[Piece] = []
    start = pos = lines = 0
    first = 1
    with open(path, "rb") as fh:
        for line in fh:
            pos += len(line)
            lines += 1
            if pos - start >= target:
                pieces.append(Piece(name, path, start, pos, first))
                start, first = pos, lines + 1
    if start < pos or not pieces:
        pieces.append(Piece(name, path, start, pos, first))
    return pieces


def plan_pieces(paths: Iterable[str], *, slices: int, min_bytes: int = MIN_PIECE_BYTES) -> list[Piece]:
    """Pieces for files, directories (read recursively, as ``tidings code`` does) and remote URLs.
    JSON lines files are cut so that the corpus makes about ``slices`` pieces of at least
    ``min_bytes`` each."""
    files: list[tuple[str, str]] = []
    for given in paths:
        if given == "-":
            raise UsageError("tidings spark reads files, not standard input: save the JSON lines to a file")
        if is_remote(given):
            files.append((given, given))
            continue
        local = given.removeprefix("file://")
        for name in iter_paths([local]):
            files.append((name, os.path.abspath(name)))
    jsonl = [(n, p) for n, p in files if not is_remote(p) and Path(p).suffix.lower() in JSONL_SUFFIXES and Path(p).is_file()]
    total = sum(os.path.getsize(p) for _, p in jsonl)
    target = max(min_bytes, -(-total // max(slices, 1)), 1)
    pieces: list[Piece] = []
    for name, path in files:
        if (name, path) in jsonl and os.path.getsize(path) > target:
            pieces.extend(_split_jsonl(name, path, target))
        else:
            pieces.append(Piece(name, path))
    return pieces
