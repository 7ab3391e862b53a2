"""Time expressions resolved against the publication date.

``find_times(text, published)`` returns every time expression in ``text`` with the day it denotes
(``date``) or the last day of a "by/before/until the end of …" period (``deadline``). Handles weekday
names (most recent on or before publication), yesterday/today, last/this/next week, month and year,
"August last year", "three years ago", "since 1994", "in 2019", explicit dates in the usual English
and ISO forms, and "(by|before|until) the end of (the year|next year|2022|March)".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta

__all__ = ["TimeExpr", "find_times"]

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "thirty": 30, "several": 3, "few": 3, "a few": 3}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    date: str | None = None
    deadline: str | None = None


def _month_start(year: int, month: int) -> Date:
    return Date(year, month, 1)


def _month_end(year: int, month: int) -> Date:
    return Date(year, month, calendar.monthrange(year, month)[1])


def _shift_years(d: Date, years: int) -> Date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def _shift_months(d: Date, months: int) -> Date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return Date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _year_word(word: str, pub: Date) -> int | None:
    word = word.lower()
    if word in ("last year", "the previous year", "the year before"):
        return pub.year - 1
    if word in ("this year", "the year", "the current year"):
        return pub.year
    if word == "next year":
        return pub.year + 1
    if re.fullmatch(r"(19|20)\d\d", word):
        return int(word)
    return None


_END = re.compile(
    r"\b(?P<prep>by|before|until|till|through|to)\s+the\s+end\s+of\s+(?:the\s+)?"
    r"(?P<what>(?:this|next|last)\s+(?:year|month)|(?:current\s+)?year|month|(?:19|20)\d\d|"
    + _MONTH.replace("?P<month>", "?P<emonth>") + r"(?:\s+(?P<eyear>(?:19|20)\d\d|next year|this year))?)",
    re.I,
)
_EXPLICIT_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_EXPLICIT_MDY = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+" + _YEAR + r")?\b")
_EXPLICIT_DMY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b")
_MONTH_YEAR = re.compile(r"\b(?:in\s+|since\s+|last\s+|this\s+|early\s+|late\s+|mid-)?" + _MONTH
                         + r"(?:\s+(?:of\s+)?(?P<yw>last year|this year|next year|(?:19|20)\d\d))?\b")
_AGO = re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few)\s+"
                  r"(?P<unit>day|week|month|year|decade)s?\s+(?:ago|earlier|before)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:(?P<mod>last|this|next|on|late|early)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|evening|afternoon))?\b")
_RELATIVE = re.compile(r"\b(?P<what>yesterday|today|tonight|this\s+(?:morning|afternoon|evening)|"
                       r"(?:last|this|next|the\s+previous|the\s+past)\s+(?:week|month|year|weekend))\b", re.I)
_RELATIVE_WORDS = re.compile(r"\b(?:last|next|this|ago|earlier|before|yesterday|today|tonight)\b", re.I)
_YEAR_ONLY = re.compile(r"\b(?P<prep>in|since|during|from|until|by)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\d)", re.I)


def _weekday(pub: Date, wd: int, mod: str | None) -> Date:
    delta = (pub.weekday() - wd) % 7
    if mod and mod.lower() == "next":
        return pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    if mod and mod.lower() == "last" and delta == 0:
        delta = 7
    return pub - timedelta(days=delta)


def find_times(text: str, published: str | None) -> list[TimeExpr]:
    """All time expressions in ``text``, resolved relative to ``published`` (YYYY-MM-DD)."""
    absolute_only = not published
    try:
        pub = Date.fromisoformat(published) if published else Date(2000, 1, 1)
    except ValueError:
        return []
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    def add(m: re.Match[str], date: Date | None = None, deadline: Date | None = None) -> None:
        taken.append((m.start(), m.end()))
        out.append(TimeExpr(m.start(), m.end(), m.group(0), date.isoformat() if date else None,
                            deadline.isoformat() if deadline else None))

    for m in _END.finditer(text):
        what = m.group("what").lower()
        if m.group("emonth"):
            month = MONTHS[m.group("emonth").lower().rstrip(".")]
            year = _year_word(m.group("eyear") or "", pub) or pub.year
            add(m, deadline=_month_end(year, month))
        elif "month" in what:
            base = _shift_months(pub, 1 if "next" in what else -1 if "last" in what else 0)
            add(m, deadline=_month_end(base.year, base.month))
        else:
            year = _year_word(what.replace("current ", ""), pub) or pub.year
            add(m, deadline=Date(year, 12, 31))
    for m in _EXPLICIT_ISO.finditer(text):
        try:
            add(m, date=Date(int(m.group("y")), int(m.group("m")), int(m.group("d"))))
        except ValueError:
            continue
    for rx in (_EXPLICIT_MDY, _EXPLICIT_DMY):
        for m in rx.finditer(text):
            if not free(m):
                continue
            month = MONTHS[m.group("month").lower().rstrip(".")]
            year = int(m.group("year")) if m.group("year") else pub.year
            try:
                d = Date(year, month, int(m.group("day")))
            except ValueError:
                continue
            if not m.group("year") and (d - pub).days > 180:
                d = _shift_years(d, -1)
            add(m, date=d)
    for m in _AGO.finditer(text):
        if not free(m):
            continue
        word = m.group("n").lower()
        n = int(word) if word.isdigit() else NUMBERS.get(word, 1)
        unit = m.group("unit").lower()
        if unit == "day":
            d = pub - timedelta(days=n)
        elif unit == "week":
            d = pub - timedelta(weeks=n)
        elif unit == "month":
            d = _shift_months(pub, -n)
        elif unit == "year":
            d = _shift_years(pub, -n)
        else:
            d = _shift_years(pub, -10 * n)
        add(m, date=d)
    for m in _MONTH_YEAR.finditer(text):
        if not free(m):
            continue
        word = m.group("month")
        if word == "May" and not m.group("yw") and not re.match(r"(?i)(in|since|last|this|early|late|mid-)", m.group(0)):
            continue  # the modal verb "May" at a sentence start
        if word.lower().startswith("mar") and not word[0].isupper():
            continue
        if not word[0].isupper():
            continue
        month = MONTHS[word.lower().rstrip(".")]
        named = _year_word(m.group("yw") or "", pub)
        if named is None:
            year = pub.year if month <= pub.month else pub.year - 1
            if m.group(0).lower().startswith("last") and month == pub.month:
                year -= 1
        else:
            year = named
        add(m, date=_month_start(year, month))
    for m in _WEEKDAY.finditer(text):
        if free(m):
            add(m, date=_weekday(pub, WEEKDAYS[m.group("wd").lower()], m.group("mod")))
    for m in _RELATIVE.finditer(text):
        if not free(m):
            continue
        what = re.sub(r"\s+", " ", m.group("what").lower())
        if what == "yesterday":
            d = pub - timedelta(days=1)
        elif what in ("today", "tonight") or what.startswith("this ") and what.split()[1] in ("morning", "afternoon", "evening"):
            d = pub
        else:
            mod, unit = what.rsplit(" ", 1)
            step = 1 if mod == "next" else 0 if mod == "this" else -1
            if unit in ("week", "weekend"):
                monday = pub - timedelta(days=pub.weekday())
                d = monday + timedelta(weeks=step)
                if unit == "weekend":
                    d += timedelta(days=5)
            elif unit == "month":
                base = _shift_months(pub.replace(day=1), step)
                d = base
            else:
                d = Date(pub.year + step, 1, 1)
        add(m, date=d)
    for m in _YEAR_ONLY.finditer(text):
        if free(m):
            year = int(m.group("year"))
            if m.group("prep").lower() == "by":
                add(m, deadline=Date(year, 12, 31))
            else:
                add(m, date=Date(year, 1, 1))
    if absolute_only:  # without a publication date only expressions that name their year resolve
        out = [t for t in out if re.search(r"\b(19|20)\d\d\b", t.text) and not _RELATIVE_WORDS.search(t.text)]
    return sorted(out, key=lambda t: t.start)
