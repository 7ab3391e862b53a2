"""One reader for every knowledge file in ``data/``: tab-separated tables and word lists.

Each file is read against a declared schema, so a bad line is reported with its file and line
number instead of surfacing later as a wrong event::

    rows = read_table("refinements.tsv", columns=("kind", "key", "value", "code", "note"),
                      required=("kind", "key", "value", "code"), header=False)
    words = read_words("natural_causes.txt")

``data_version()`` hashes every file that changes what the coder outputs; it is part of the
coder version recorded on every event.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

from tidings.errors import KnowledgeError

__all__ = ["Row", "data_file", "data_version", "read_table", "read_words"]

Check = Callable[[str], str | None]  # returns an error message, or None when the value is fine


class Row(dict[str, str]):
    """A table row: column → stripped text (empty string when absent), with its source position."""

    where: str = ""


def data_file(name: str) -> Traversable:
    """A packaged data file by its path below ``data/`` ("lexicon/core_extra.tsv")."""
    node = resources.files("tidings") / "data"
    for part in name.split("/"):
        node = node / part
    return node


def _source(path: str | Path | Traversable) -> tuple[Traversable | Path, str]:
    if isinstance(path, str) and not Path(path).is_absolute() and not Path(path).exists():
        node = data_file(path)
        return node, path
    p = path if not isinstance(path, str) else Path(path)
    return p, getattr(p, "name", str(p))


def _lines(path: Traversable | Path, label: str) -> Iterable[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(f"{label}: file not found") from None
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"{label}: not UTF-8 ({exc.reason})") from None
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield n, line


def read_table(path: str | Path | Traversable, *, columns: Sequence[str] | None = None,
               required: Sequence[str] = (), header: bool = True,
               checks: Mapping[str, Check] | None = None, optional: Sequence[str] = ()) -> list[Row]:
    """Rows of a TSV file. With ``header`` the first non-comment line names the columns and must
    contain ``columns`` (when given; ``optional`` columns may be missing); without it the columns
    are ``columns`` in order and a line may leave trailing ones out. A line with more cells than
    columns, a missing required value or a failed check is a ``KnowledgeError`` naming file and line."""
    node, label = _source(path)
    rows: list[Row] = []
    names: list[str] | None = None if header else list(columns or ())
    for n, line in _lines(node, label):
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if names is None:
            names = [c.strip() for c in cells]
            missing = [c for c in (columns or ()) if c not in names and c not in optional]
            if missing:
                raise KnowledgeError(f"{label}:{n}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) > len(names):
            raise KnowledgeError(f"{label}:{n}: {len(cells)} cells, but the table has {len(names)} columns")
        row = Row({name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(names)})
        row.where = f"{label}:{n}"
        for col in required:
            if not row.get(col):
                raise KnowledgeError(f"{label}:{n}: empty {col!r}")
        for col, check in (checks or {}).items():
            problem = check(row.get(col, ""))
            if problem:
                raise KnowledgeError(f"{label}:{n}: {col} {row.get(col, '')!r}: {problem}")
        rows.append(row)
    return rows


def read_words(path: str | Path | Traversable) -> list[str]:
    """A word list: one lowercase entry per line (text after a tab or ``#`` is a note)."""
    node, label = _source(path)
    out = []
    for _n, line in _lines(node, label):
        word = line.split("\t", 1)[0].split("#", 1)[0].strip().lower()
        if word:
            out.append(word)
    return out


def _walk(node: Traversable) -> Iterable[Traversable]:
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.is_dir():
            yield from _walk(child)
        elif child.name.endswith((".tsv", ".txt")):
            yield child


@lru_cache(maxsize=1)
def data_version() -> str:
    """Hash of every packaged knowledge file (tables and word lists, not settings) and of the
    pycountry release the state names come from."""
    digest = hashlib.sha1()
    root = resources.files("tidings") / "data"
    for node in _walk(root):
        digest.update(node.name.encode("utf-8"))
        digest.update(node.read_bytes())
    digest.update(metadata.version("pycountry").encode("utf-8"))
    return digest.hexdigest()[:10]
