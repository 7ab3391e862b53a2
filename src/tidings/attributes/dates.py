"""Time expressions resolved against the publication date, in both directions of time.

``find_times(text, published)`` returns every time expression in ``text``. Each carries the day it
denotes read backward from the publication date (``past``: "on Friday" = the latest Friday on or
before publication) and read forward (``future``: the next Friday after it), each with its
precision (day, week, month or year), or the end of a period for "by/before/until …"
(``deadline``). The coder picks the direction from the event's tense: intended and hypothetical
events look forward, the others backward (``TimeExpr.resolve``).

Handles weekday names, yesterday/today, last/this/next week, month and year, "August last year",
"three years ago", "since 1994", "in 2019", explicit dates in the usual English and ISO forms,
"(by|before|until) the end of (the year|next year|2022|March)", "by June 30", "by (noon on) Friday", "by 2025" and
"within two months". Vague expressions keep their precision: "last year" is 1 January with
precision ``year``, never a day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta

__all__ = ["Resolved", "TimeExpr", "find_times"]

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "thirty": 30, "several": 3, "few": 3, "a few": 3}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few)"


@dataclass(frozen=True, slots=True)
class Resolved:
    date: str  # YYYY-MM-DD: the day, or the first day of the week, month or year
    precision: str  # day | week | month | year


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    past: Resolved | None = None
    future: Resolved | None = None
    deadline: Resolved | None = None

    def resolve(self, forward: bool) -> Resolved | None:
        """The point in time for an event looking forward (intended) or backward (asserted)."""
        first, second = (self.future, self.past) if forward else (self.past, self.future)
        return first or second

    @property
    def date(self) -> str | None:
        """The backward reading's day (what a past event means by this expression)."""
        r = self.resolve(False)
        return r.date if r else None


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
_BY_DAY = re.compile(r"\b(?:by|before|until|till|no\s+later\s+than)\s+(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
                     r"(?:" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                     + _MONTH.replace("?P<month>", "?P<month2>") + r")(?:,?\s+" + _YEAR + r")?\b", re.I)
_BY_MONTH = re.compile(r"\b(?:by|before|until|till)\s+(?:the\s+)?(?:(?P<part>early|mid|late)[-\s]+)?"
                       + _MONTH + r"(?:\s+(?P<year>(?:19|20)\d\d|next year|this year))?\b(?!\s+\d)")
_BY_YEAR = re.compile(r"\b(?:by|before|until|till)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\d)", re.I)
_BY_WEEKDAY = re.compile(r"\b(?i:by|before|no\s+later\s+than)\s+"
                         r"(?:(?:(?i:noon|midday|midnight)|\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)?)\s+)?(?:on\s+)?"
                         r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!,?\s+(?:the\s+)?\d)")
_WITHIN = re.compile(r"\bwithin\s+(?:the\s+next\s+)?" + _NUM + r"\s+(?P<unit>day|week|month|year)s?\b", re.I)
_EXPLICIT_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_EXPLICIT_MDY = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+" + _YEAR + r")?\b")
_EXPLICIT_DMY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b")
_MONTH_YEAR = re.compile(r"\b(?:in\s+|since\s+|last\s+|this\s+|next\s+|early\s+|late\s+|mid-)?" + _MONTH
                         + r"(?:\s+(?:of\s+)?(?P<yw>last year|this year|next year|(?:19|20)\d\d))?\b")
_AGO = re.compile(r"\b" + _NUM + r"\s+(?P<unit>day|week|month|year|decade)s?\s+(?:ago|earlier|before)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:(?P<mod>last|this|next|on|late|early)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|evening|afternoon))?\b")
_RELATIVE = re.compile(r"\b(?P<what>yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|"
                       r"(?:last|this|next|the\s+previous|the\s+past|the\s+coming)\s+(?:week|month|year|weekend))\b", re.I)
_DIGIT = re.compile(r"\d")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT_WORDS = ("day", "week", "month", "year", "decade", "tonight", "tomorrow", "morning", "afternoon", "evening")
_RELATIVE_WORDS = re.compile(r"\b(?:last|next|this|ago|earlier|before|yesterday|today|tonight|tomorrow|within|coming)\b", re.I)
_YEAR_ONLY = re.compile(r"\b(?P<prep>in|since|during|from|until)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\d)", re.I)


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word, 1)


def _day(d: Date) -> Resolved:
    return Resolved(d.isoformat(), "day")


def _resolved(d: Date, precision: str) -> Resolved:
    return Resolved(d.isoformat(), precision)


def _weekday_past(pub: Date, wd: int, mod: str | None) -> Date:
    delta = (pub.weekday() - wd) % 7
    if mod and mod.lower() == "last" and delta == 0:
        delta = 7
    return pub - timedelta(days=delta)


def _weekday_future(pub: Date, wd: int) -> Date:
    return pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)


def _month_past(pub: Date, month: int) -> Date:
    return Date(pub.year if month <= pub.month else pub.year - 1, month, 1)


def _month_future(pub: Date, month: int) -> Date:
    return Date(pub.year if month >= pub.month else pub.year + 1, month, 1)


def _day_of_year(pub: Date, month: int, day: int, forward: bool) -> Date | None:
    """"March 18" with no year: the latest on or before publication (backward), or the next on or
    after it (forward)."""
    try:
        d = Date(pub.year, month, day)
    except ValueError:
        return None
    if forward:
        return d if d >= pub else _shift_years(d, 1)
    return d if d <= pub else _shift_years(d, -1)


def find_times(text: str, published: str | None) -> list[TimeExpr]:
    """All time expressions in ``text``, resolved relative to ``published`` (YYYY-MM-DD)."""
    absolute_only = not published
    try:
        pub = Date.fromisoformat(published) if published else Date(2000, 1, 1)
    except ValueError:
        return []
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    # words every match of a pattern must contain: a pattern whose words are absent is not run
    low = text.lower()
    has_digit = _DIGIT.search(text) is not None
    has_month = any(stem in low for stem in _MONTH_STEMS)
    has_unit = any(word in low for word in _UNIT_WORDS)

    def scan(rx: re.Pattern[str], needed: bool) -> Iterator[re.Match[str]]:
        return rx.finditer(text) if needed else iter(())

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    def add(m: re.Match[str], past: Resolved | None = None, future: Resolved | None = None,
            deadline: Resolved | None = None) -> None:
        taken.append((m.start(), m.end()))
        out.append(TimeExpr(m.start(), m.end(), m.group(0), past, future, deadline))

    # -- deadlines: the end of a period by which something is to happen ------------------------------
    for m in scan(_END, "end" in low):
        what = m.group("what").lower()
        if m.group("emonth"):
            month = MONTHS[m.group("emonth").lower().rstrip(".")]
            year = _year_word(m.group("eyear") or "", pub) or (pub.year if month >= pub.month else pub.year + 1)
            add(m, deadline=_day(_month_end(year, month)))
        elif "month" in what:
            base = _shift_months(pub, 1 if "next" in what else -1 if "last" in what else 0)
            add(m, deadline=_day(_month_end(base.year, base.month)))
        else:
            year = _year_word(what.replace("current ", ""), pub) or pub.year
            add(m, deadline=_day(Date(year, 12, 31)))
    for m in scan(_BY_DAY, has_month and has_digit):
        if not free(m):
            continue
        month = MONTHS[(m.group("month") or m.group("month2")).lower().rstrip(".")]
        day = int(m.group("day") or m.group("day2"))
        if m.group("year"):
            try:
                d: Date | None = Date(int(m.group("year")), month, day)
            except ValueError:
                d = None
        else:
            d = _day_of_year(pub, month, day, forward=True)
        if d is not None:
            add(m, deadline=_day(d))
    for m in scan(_BY_MONTH, has_month):
        if not free(m) or not m.group("month")[0].isupper():
            continue
        month = MONTHS[m.group("month").lower().rstrip(".")]
        year = _year_word(m.group("year") or "", pub) or (pub.year if month >= pub.month else pub.year + 1)
        add(m, deadline=_resolved(_month_end(year, month), "month"))
    for m in scan(_BY_YEAR, has_digit):
        if free(m):
            add(m, deadline=_resolved(Date(int(m.group("year")), 12, 31), "year"))
    for m in scan(_BY_WEEKDAY, "day" in low):  # "to take effect by noon on Tuesday": the next such day
        if free(m) and not absolute_only:
            add(m, deadline=_day(_weekday_future(pub, WEEKDAYS[m.group("wd").lower()])))
    for m in scan(_WITHIN, "within" in low):
        if not free(m):
            continue
        n, unit = _number(m.group("n")), m.group("unit").lower()
        end = (pub + timedelta(days=n) if unit == "day" else pub + timedelta(weeks=n) if unit == "week"
               else _shift_months(pub, n) if unit == "month" else _shift_years(pub, n))
        add(m, deadline=_day(end))
    # -- points in time ------------------------------------------------------------------------------
    for m in scan(_EXPLICIT_ISO, has_digit):
        if not free(m):
            continue
        try:
            d = Date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        add(m, past=_day(d), future=_day(d))
    for rx in (_EXPLICIT_MDY, _EXPLICIT_DMY):
        for m in scan(rx, has_month and has_digit):
            if not free(m):
                continue
            month = MONTHS[m.group("month").lower().rstrip(".")]
            day = int(m.group("day"))
            if m.group("year"):
                try:
                    d = Date(int(m.group("year")), month, day)
                except ValueError:
                    continue
                add(m, past=_day(d), future=_day(d))
                continue
            back, ahead = _day_of_year(pub, month, day, False), _day_of_year(pub, month, day, True)
            if back is None or ahead is None:
                continue
            add(m, past=_day(back), future=_day(ahead))
    for m in scan(_AGO, has_unit):
        if not free(m):
            continue
        n, unit = _number(m.group("n")), m.group("unit").lower()
        if unit == "day":
            add(m, past=_day(pub - timedelta(days=n)))
        elif unit == "week":
            add(m, past=_day(pub - timedelta(weeks=n)))
        elif unit == "month":
            add(m, past=_day(_shift_months(pub, -n)))
        elif unit == "year":
            add(m, past=_day(_shift_years(pub, -n)))
        else:
            add(m, past=_resolved(Date(pub.year - 10 * n, 1, 1), "year"))
    for m in scan(_MONTH_YEAR, has_month):
        if not free(m):
            continue
        word = m.group("month")
        if word == "May" and not m.group("yw") and not re.match(r"(?i)(in|since|last|this|next|early|late|mid-)", m.group(0)):
            continue  # the modal verb "May" at a sentence start
        if not word[0].isupper():
            continue
        month = MONTHS[word.lower().rstrip(".")]
        named = _year_word(m.group("yw") or "", pub)
        lead = m.group(0).lower()
        if named is not None:
            d = Date(named, month, 1)
            add(m, past=_resolved(d, "month"), future=_resolved(d, "month"))
        elif lead.startswith("last"):
            d = Date(pub.year if month < pub.month else pub.year - 1, month, 1)
            add(m, past=_resolved(d, "month"))
        elif lead.startswith("next"):
            d = Date(pub.year if month > pub.month else pub.year + 1, month, 1)
            add(m, future=_resolved(d, "month"))
        else:
            add(m, past=_resolved(_month_past(pub, month), "month"), future=_resolved(_month_future(pub, month), "month"))
    for m in scan(_WEEKDAY, "day" in low):
        if not free(m):
            continue
        wd, mod = WEEKDAYS[m.group("wd").lower()], (m.group("mod") or "").lower()
        past = _day(_weekday_past(pub, wd, mod))
        future = _day(_weekday_future(pub, wd))
        if mod == "next":
            add(m, future=future)
        elif mod == "last":
            add(m, past=past)
        else:
            add(m, past=past, future=future)
    for m in scan(_RELATIVE, has_unit):
        if not free(m):
            continue
        what = re.sub(r"\s+", " ", m.group("what").lower())
        if what == "yesterday":
            add(m, past=_day(pub - timedelta(days=1)))
        elif what == "tomorrow":
            add(m, future=_day(pub + timedelta(days=1)))
        elif what in ("today", "tonight") or what.startswith("this ") and what.split()[1] in ("morning", "afternoon", "evening"):
            add(m, past=_day(pub), future=_day(pub))
        else:
            mod, unit = what.rsplit(" ", 1)
            step = 1 if mod in ("next", "the coming") else 0 if mod == "this" else -1
            if unit in ("week", "weekend"):
                monday = pub - timedelta(days=pub.weekday())
                d = monday + timedelta(weeks=step)
                r = _resolved(d + timedelta(days=5), "day") if unit == "weekend" else _resolved(d, "week")
            elif unit == "month":
                r = _resolved(_shift_months(pub.replace(day=1), step), "month")
            else:
                r = _resolved(Date(pub.year + step, 1, 1), "year")
            add(m, past=r if step <= 0 else None, future=r if step >= 0 else None)
    for m in scan(_YEAR_ONLY, has_digit):
        if free(m):
            year = int(m.group("year"))
            if m.group("prep").lower() == "until":
                add(m, deadline=_resolved(Date(year, 12, 31), "year"))
            else:
                r = _resolved(Date(year, 1, 1), "year")
                add(m, past=r, future=r)
    if absolute_only:  # without a publication date only expressions that name their year resolve
        out = [t for t in out if re.search(r"\b(19|20)\d\d\b", t.text) and not _RELATIVE_WORDS.search(t.text)]
    return sorted(out, key=lambda t: t.start)
