"""Byte decoding and the language check."""

from __future__ import annotations

import re
from functools import lru_cache

from charset_normalizer import from_bytes

from tidings.errors import EmptyInput, NotEnglish, UnsupportedInput

_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")
_SAMPLE = 3000  # characters judged: enough for the language, cheap for long documents


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


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's model (shipped inside the package), with probabilities normalised to sum to 1."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


def _common(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if not w[0].isupper()]


def _english_share(words: list[str]) -> tuple[float, str]:
    ranked = dict(_identifier().rank(" ".join(words)))
    best = max(ranked, key=ranked.__getitem__)
    return (1.0 if best == "en" else float(ranked.get("en", 0.0))), best


def english_probability(text: str, min_words: int) -> float | None:
    """The probability that ``text`` is English, judged on its common words: capitalised words
    (names, places, headline capitals) and figures say nothing about the language and are left
    out. Each sentence is judged on its own and weighed by its common words, so a quote in another
    language does not make an English article foreign. None when fewer than ``min_words`` common
    words remain (a name-heavy headline)."""
    sample = text[:_SAMPLE]
    if len(_common(sample)) < min_words:
        return None
    total = score = 0.0
    for sentence in _SENTENCE.split(sample):
        words = _common(sentence)
        if not words:
            continue
        p, _lang = _english_share(words)
        total += len(words)
        score += len(words) * p
    return score / total if total else None


def looks_english(text: str, min_probability: float, min_words: int = 3) -> None:
    """Raise ``NotEnglish`` when the language identifier finds the text is not English: English
    gets less than ``min_probability`` (sentences weighed by their words). Texts with fewer than
    ``min_words`` common words pass (there is nothing to judge them by)."""
    p = english_probability(text, min_words)
    if p is not None and p < min_probability:
        _p, lang = _english_share(_common(text[:_SAMPLE]))
        raise NotEnglish(f"not English (language identified as {lang!r}; English probability {p:.3f})")
