"""Byte decoding and the language check."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from tidings.errors import EmptyInput, NotEnglish, UnsupportedInput

# Frequent English function words: a text in English has a fifth or more of its words among them.
_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by at it from be have has had are were will said "
    "not but this which an or its his her their they he she who after over than also been would into "
    "more about up new two last year".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def decode_bytes(data: bytes) -> str:
    """Decode bytes as UTF-8 (BOM stripped) or, failing that, as the detected encoding."""
    if not data.strip():
        raise EmptyInput("empty file")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise UnsupportedInput("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnsupportedInput("binary or undecodable file (no text encoding fits)")
    text = str(best)
    if sum(ch.isprintable() or ch.isspace() for ch in text[:4096]) < 0.95 * min(len(text), 4096):
        raise UnsupportedInput("binary file (mostly unprintable characters)")
    return text


def looks_english(text: str, min_ratio: float) -> None:
    """Raise ``NotEnglish`` when too few words are English function words."""
    words = _WORD.findall(text[:20000].lower())
    if len(words) < 8:
        return
    ratio = sum(w in _FUNCTION_WORDS for w in words) / len(words)
    if ratio < min_ratio:
        raise NotEnglish(f"not English (English function words {ratio:.0%} of text, need {min_ratio:.0%})")
