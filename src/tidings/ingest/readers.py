"""Turn paths (files, directories, ``-``) into ``Document`` and ``Failure`` records."""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date as Date
from pathlib import Path
from typing import Any, BinaryIO

from tidings.clean import clean_text
from tidings.config import Settings
from tidings.errors import BadRecord, EmptyInput, InputError, TooLarge, UnsupportedInput
from tidings.ingest.decode import decode_bytes, looks_english
from tidings.ingest.select import Selection
from tidings.ingest.warc import is_warc, read_warc
from tidings.records import Document, Failure

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MIN_HTML_WORDS = 12  # fewer words than this is a menu or a stub, not an article
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _valid_date(value: Any) -> str | None:
    if not value:
        return None
    m = _DATE.match(str(value).strip())
    if not m:
        return None
    try:
        return Date.fromisoformat(m.group(0)).isoformat()
    except ValueError:
        return None


def _excluded(path: Path, exclude: tuple[str, ...]) -> bool:
    resolved = str(path.resolve())
    return any(fnmatch.fnmatch(path.name, pat) or fnmatch.fnmatch(str(path), pat) or resolved == pat
               for pat in exclude)


def iter_paths(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[str]:
    """Expand directories recursively (sorted); keep files and ``-`` as given. Files whose name or
    path matches an ``exclude`` glob pattern (or whose absolute path is in it) are left out."""
    skip = tuple(exclude)
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and not _excluded(Path(root) / name, skip):
                        yield str(Path(root) / name)
        elif not _excluded(path, skip):
            yield p


def count_inputs(paths: Iterable[str], exclude: Iterable[str] = ()) -> int | None:
    """How many documents the inputs hold, counted cheaply (JSON lines are counted, other files
    are one document each); None when it cannot be known up front (stdin, web archives)."""
    total = 0
    for p in iter_paths(paths, exclude):
        if p == "-" or p.endswith((".warc", ".warc.gz")):
            return None
        if p.endswith(".jsonl"):
            try:
                with open(p, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _build(doc_id: str, text: str, origin: str, *, published: str | None, settings: Settings,
           raw_hash: str, title: str | None = None, url: str | None = None,
           source: str | None = None) -> Document:
    cleaned = clean_text(text, title=title)
    if not cleaned.text.strip():
        raise EmptyInput("no text left after cleaning")
    looks_english(cleaned.text, settings.min_english_probability, settings.min_language_words)
    return Document(
        doc_id=doc_id, text=cleaned.text, origin=origin, title=cleaned.title, source=source,
        url=url, published=published, attribution=cleaned.attribution, credits=cleaned.credits,
        headings=cleaned.headings, raw_hash=raw_hash, dateline=cleaned.dateline,
    )


def document_from_html(html: str, doc_id: str, origin: str, *, default_date: str | None,
                       settings: Settings, raw_hash: str, url: str | None = None,
                       published: str | None = None, source: str | None = None,
                       title: str | None = None, folder: str | None = None) -> Document:
    """A document from an HTML page: article text, title, date and site through trafilatura (the
    folder's name is the outlet when the page names no site)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, url=url)
    data: dict = extracted.as_dict() if extracted is not None and hasattr(extracted, "as_dict") else (extracted or {})
    text = (data.get("text") or "").strip()
    if len(text.split()) < MIN_HTML_WORDS:
        raise EmptyInput("no article text found in HTML page")
    return _build(
        doc_id, text, origin, settings=settings, raw_hash=raw_hash,
        published=published or _valid_date(data.get("date")) or default_date,
        title=title or data.get("title"), url=url or data.get("url"),
        source=source or data.get("sitename") or data.get("hostname") or folder,
    )


def _from_record(record: Any, origin: str, *, default_date: str | None, settings: Settings) -> Document:
    if not isinstance(record, dict):
        raise BadRecord("a JSON line must be an object")
    doc_id = str(record.get("id") or "").strip()
    if not doc_id:
        raise BadRecord("record has no 'id'")
    raw = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
    raw_hash = hashlib.sha256(raw).hexdigest()
    if len(raw) > settings.max_bytes:
        raise TooLarge(f"record is {len(raw) / 1e6:.1f} MB, above the {settings.max_bytes / 1e6:.1f} MB limit")
    published = _valid_date(record.get("date")) or default_date
    if record.get("date") and not _valid_date(record.get("date")):
        raise BadRecord(f"invalid 'date' {record.get('date')!r} (want YYYY-MM-DD)")
    common = {"url": record.get("url"), "source": record.get("source"), "title": record.get("title")}
    if isinstance(record.get("text"), str):
        return _build(doc_id, record["text"], origin, published=published, settings=settings,
                      raw_hash=raw_hash, **common)
    if isinstance(record.get("html"), str):
        return document_from_html(record["html"], doc_id, origin, default_date=default_date, settings=settings,
                          raw_hash=raw_hash, published=_valid_date(record.get("date")), **common)
    raise BadRecord("record has neither 'text' nor 'html'")


def _read_jsonl(stream: BinaryIO, name: str, *, default_date: str | None,
                settings: Settings, first_line: int = 1) -> Iterator[Document | Failure]:
    for n, line in enumerate(stream, first_line):
        origin = f"{name}:{n}"
        if not line.strip():
            continue
        try:
            if len(line) > settings.max_bytes:
                raise TooLarge(f"line is {len(line) / 1e6:.1f} MB, above the {settings.max_bytes / 1e6:.1f} MB limit")
            try:
                record = json.loads(line.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise BadRecord(f"line {n}: not valid JSON ({exc.__class__.__name__}: {str(exc)[:60]})") from exc
            yield _from_record(record, origin, default_date=default_date, settings=settings)
        except InputError as exc:
            reason = exc.reason if exc.reason.startswith("line ") else f"line {n}: {exc.reason}"
            yield Failure(origin, reason, exc.code, hashlib.sha256(f"{origin}\0".encode() + line).hexdigest())


def read_jsonl(stream: BinaryIO, name: str, *, date: str | None = None, settings: Settings | None = None,
               first_line: int = 1) -> Iterator[Document | Failure]:
    """Documents and failures from JSON lines in an open binary stream, e.g. a slice of a file
    whose first line is line ``first_line`` of ``name`` (origins and reasons give that number)."""
    yield from _read_jsonl(stream, name, default_date=_valid_date(date) if date else None,
                           settings=settings or Settings(), first_line=first_line)


def _read_file(path: str, *, default_date: str | None, settings: Settings, select: Selection,
               skipped: Counter[str]) -> Iterator[Document | Failure]:
    p = Path(path)
    suffix = p.suffix.lower()
    try:
        if not p.exists():
            raise InputError("no such file")
        if is_warc(path):
            yield from read_warc(path, default_date=default_date, settings=settings, select=select, skipped=skipped)
            return
        if suffix in JSONL_SUFFIXES:
            with p.open("rb") as fh:
                yield from _read_jsonl(fh, path, default_date=default_date, settings=settings)
            return
        if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
            raise UnsupportedInput(f"unsupported file type {suffix or '(no extension)'!r}: use .txt, .html, .htm, .jsonl, .warc or .warc.gz")
        size = p.stat().st_size
        if size > settings.max_bytes:
            raise TooLarge(f"file is {size / 1e6:.1f} MB, above the {settings.max_bytes / 1e6:.1f} MB limit (max_bytes)")
        data = p.read_bytes()
    except PermissionError:
        yield Failure(path, "cannot read file: permission denied", "unreadable", _path_hash(path))
        return
    except IsADirectoryError:
        return
    except OSError as exc:
        yield Failure(path, f"cannot read file: {exc.strerror or exc}", "unreadable", _path_hash(path))
        return
    except InputError as exc:
        yield Failure(path, exc.reason, exc.code, _path_hash(path))
        return
    raw_hash = hashlib.sha256(data).hexdigest()
    try:
        text = decode_bytes(data)
        if suffix in HTML_SUFFIXES:
            yield document_from_html(text, p.stem, path, default_date=default_date, settings=settings,
                                     raw_hash=raw_hash, folder=_folder(p))
        else:
            yield _build(p.stem, text, path, published=default_date, settings=settings, raw_hash=raw_hash,
                         source=_folder(p))
    except InputError as exc:
        yield Failure(path, exc.reason, exc.code, raw_hash)


def _folder(p: Path) -> str | None:
    """The outlet of a file without metadata: the name of the folder it is in."""
    name = p.resolve().parent.name
    return name or None


def _path_hash(path: str) -> str:
    return hashlib.sha256(f"path\0{path}".encode()).hexdigest()


def read_inputs(paths: Iterable[str], *, date: str | None = None, settings: Settings | None = None,
                stdin: BinaryIO | None = None, select: Selection | None = None,
                skipped: Counter[str] | None = None, exclude: Iterable[str] = ()) -> Iterator[Document | Failure]:
    """Yield documents and failures for files, directories and ``-`` (JSON lines on stdin).

    ``date`` is the publication date used when a document carries none; it is never "today".
    Documents that ``select`` leaves out, and WARC records that hold no page, are not yielded but
    counted in ``skipped`` by reason.
    """
    settings = settings or Settings()
    select = select or Selection()
    skipped = skipped if skipped is not None else Counter()
    default_date = _valid_date(date) if date else None
    for path in iter_paths(paths, exclude):
        if path == "-":
            items = _read_jsonl(stdin or sys.stdin.buffer, "<stdin>", default_date=default_date, settings=settings)
        else:
            items = _read_file(path, default_date=default_date, settings=settings, select=select, skipped=skipped)
        yield from selected(items, select, skipped)


def selected(items: Iterable[Document | Failure], select: Selection,
             skipped: Counter[str]) -> Iterator[Document | Failure]:
    """Leave out the documents ``select`` rejects, counting them in ``skipped``; failures pass."""
    for item in items:
        why = select.rejects(item) if select.active and isinstance(item, Document) else None
        if why:
            skipped[why] += 1
        else:
            yield item
