"""Cleaning of scraped and republished news text.

``clean_text`` removes ad slots and boilerplate, moves attribution and credit lines into metadata,
and marks headings, using the patterns in ``data/cleaning.tsv``. The cleaned text is what every
character offset in tidings refers to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tidings.errors import KnowledgeError
from tidings.tables import read_table

__all__ = ["Cleaned", "clean_text", "normalize_unicode"]

_HEADING_MAX_WORDS = 12
_TITLE_MAX_WORDS = 20  # the first line of an article may be a longer headline
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)]\s*$")


@dataclass(frozen=True)
class Cleaned:
    text: str
    headings: tuple[tuple[int, int], ...]
    attribution: str | None
    credits: tuple[str, ...]
    title: str | None
    removed: tuple[str, ...]
    dateline: str | None = None  # the place of a wire dateline ("NAIROBI, Kenya"), kept as metadata


@dataclass(frozen=True)
class _Patterns:
    inline: tuple[re.Pattern[str], ...]
    drop: tuple[re.Pattern[str], ...]
    attribution: tuple[re.Pattern[str], ...]
    prefix: tuple[re.Pattern[str], ...]
    credit: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    groups: dict[str, list[re.Pattern[str]]] = {k: [] for k in ("inline", "drop", "attribution", "prefix", "credit")}
    rows = read_table("cleaning.tsv", columns=("kind", "pattern", "note"), required=("kind", "pattern"),
                      checks={"kind": lambda k: None if k in groups else "unknown kind"})
    for row in rows:
        kind, pattern = row["kind"], row["pattern"]
        flags = 0 if kind == "prefix" else re.IGNORECASE
        try:
            if kind in {"drop", "attribution", "credit"}:
                groups[kind].append(re.compile(rf"^\s*(?:{pattern})\s*$", flags))
            else:
                groups[kind].append(re.compile(pattern, flags))
        except re.error as exc:
            raise KnowledgeError(f"{row.where}: bad pattern: {exc}") from exc
    return _Patterns(**{k: tuple(v) for k, v in groups.items()})


def normalize_unicode(text: str) -> str:
    """NFC-normalise, drop BOMs and control characters, unify line ends; keep curly quotes."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    # Each distinct character is looked up once, not each occurrence.
    drop = {ord(ch): None for ch in set(text) if ch not in "\n\t" and unicodedata.category(ch)[0] == "C"}
    return text.translate(drop) if drop else text


def _is_heading(line: str, following: str | None, first: bool = False) -> bool:
    words = line.split()
    if not words or len(words) > (_TITLE_MAX_WORDS if first else _HEADING_MAX_WORDS) or _SENTENCE_END.search(line):
        return False
    if not line[0].isupper() and not line[0].isdigit():
        return False
    # A heading introduces body text: the next paragraph is a longer, punctuated sentence.
    return following is not None and len(following.split()) > len(words) and bool(_SENTENCE_END.search(following))


def clean_text(raw: str, *, title: str | None = None) -> Cleaned:
    """Clean one document's text. ``title`` (from HTML metadata) is removed where repeated as body."""
    pats = _patterns()
    attribution: str | None = None
    dateline: str | None = None
    credits: list[str] = []
    removed: list[str] = []
    lines: list[str] = []
    for line in normalize_unicode(raw).split("\n"):
        for pat in pats.inline:
            if pat.search(line):
                removed.extend(m.group(0) for m in pat.finditer(line))
                line = pat.sub(" ", line)
        line = re.sub(r"[ \t]+", " ", line).strip()
        if not line:
            continue
        for pat in pats.prefix:
            m = pat.match(line)
            if m:
                attribution = attribution or m.groupdict().get("who")
                place = (m.groupdict().get("place") or "").strip(" ,")
                dateline = dateline or (place.title() if place.isupper() else place) or None
                removed.append(m.group(0).strip())
                line = line[m.end():].strip()
        if not line:
            continue
        if len(line.split()) <= 12:
            if any(p.match(line) for p in pats.drop):
                removed.append(line)
                continue
            m = next((m for p in pats.attribution if (m := p.match(line))), None)
            if m:
                attribution = attribution or m.group("who").strip(" .")
                removed.append(line)
                continue
            if any(p.match(line) for p in pats.credit):
                credits.append(line.lstrip("-–— ").strip())
                removed.append(line)
                continue
        elif any(p.match(line) for p in pats.credit) and re.match(r"^[-–—]*\s*(?:with|reporting|writing|editing|additional)\b", line, re.I):
            credits.append(line.lstrip("-–— ").strip())
            removed.append(line)
            continue
        lines.append(line)
    if title and lines and lines[0].strip().rstrip(".") == title.strip().rstrip("."):
        removed.append(lines.pop(0))
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    offset = 0
    doc_title = title
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if _is_heading(line, nxt, first=i == 0):
            if i == 0 and doc_title is None:
                doc_title = line
            headings.append((offset, offset + len(line)))
        parts.append(line)
        offset += len(line) + 2
    return Cleaned("\n\n".join(parts), tuple(headings), attribution, tuple(credits), doc_title, tuple(removed),
                   dateline)
