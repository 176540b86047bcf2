"""Dates a sentence gives, in any language of `data/text/dates.tsv`, resolved against the document's date:
the one date reader of dyad (missions read every date of a sentence, events take `event_date`).

    words = date_words("de")
    find_dates(fold("Die Botschaft wurde am Montag geschlossen."), "2019-03-14", words)
    # [DateMention(start=23, end=29, date="2019-03-11", precision="day")]

"on Monday" is the last Monday up to the document's date (the next one with `forward=True`, for a
plan); "yesterday", "last week/month/year", "two years ago", "in 2015", "June 22", "22 de junio",
"am 27. Dezember", "le 14 mai", "em maio de 2018" are resolved the same way. Imprecise dates keep only
what is known ("2015", "2015-06"). Every offset is in the folded sentence (same length as the original).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dyad.data._load import read_tsv
from dyad.text.normalize import fold

_KINDS = ("month", "weekday", "day", "week", "month-ago", "year-ago", "unit", "number", "ago", "year")


# A page's time stamp before its first line ("2017-09-04 Berlin (Reuters) -", "Published: 2021-06-01
# 10:30 LIMA -", the pages corpus's "date 2017-09"): scraped pages often begin with one, and the
# dateline after it still opens the story. The words before it are `stamp` rows of data/text/dates.tsv.
_STAMP_SPAN = 80  # the most a stamp with its word and a time takes


@lru_cache(maxsize=1)
def _stamp() -> re.Pattern[str]:
    words = sorted((r["word"] for r in read_tsv("text/dates.tsv", ("word", "kind")) if r["kind"] == "stamp"),
                   key=len, reverse=True)
    return re.compile(
        rf"\s*(?:(?:{'|'.join(map(re.escape, words)) or '(?!)'})\s*:?\s*)?"
        r"\d{4}-\d{2}(?:-\d{2})?(?:[ t]\d{2}:\d{2}(?::\d{2})?)?\s+"
    )


def after_time_stamp(text: str, at: int = 0) -> int:
    """Where the text goes on after a page's time stamp at `at` (`at` itself when there is none)."""
    found = _stamp().match(fold(text[at : at + _STAMP_SPAN]))  # folded (lower case): offsets are kept
    return at + found.end() if found else at


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: str  # year | month | day
    past: bool = False  # said as past ("two years ago", "last year"), whatever the distance
    cue: str = "day"  # what said it: day (a calendar day), weekday, relative, month, year, ago


@dataclass(frozen=True, slots=True)
class DateWords:
    """One language's date words (plus those of every language), as compiled patterns."""

    lang: str
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    month_year: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    ago: re.Pattern[str]
    year: re.Pattern[str]
    values: dict[tuple[str, str], str]  # (kind, word) -> value


@lru_cache(maxsize=8)
def date_words(lang: str | None) -> DateWords:
    """The date words of `lang` (English when None) and of every language (`und`), read once."""
    lang = lang or "en"
    by_kind: dict[str, list[str]] = {k: [] for k in _KINDS}
    values: dict[tuple[str, str], str] = {}
    for row in read_tsv("text/dates.tsv", required=("word", "lang", "kind")):
        if row["lang"] not in (lang, "und") or row["kind"] not in by_kind:
            continue
        by_kind[row["kind"]].append(row["word"])
        values[(row["kind"], row["word"])] = row["value"]

    def alt(kind: str) -> str:
        words = sorted(by_kind[kind], key=len, reverse=True)
        return "|".join(re.escape(w) for w in words) or r"(?!x)x"

    months, numbers, units = alt("month"), alt("number"), alt("unit")
    before = [w for w in by_kind["ago"] if values[("ago", w)] == "before"]
    after = [w for w in by_kind["ago"] if values[("ago", w)] == "after"]
    ago_parts = []
    if before:  # "hace dos años", "vor Monaten" (no number: a few)
        ago_parts.append(rf"(?:{'|'.join(map(re.escape, before))})\s+(?:(?P<n1>\d+|{numbers})\s+)?(?P<u1>{units})")
    if after:
        ago_parts.append(rf"(?:(?P<n2>\d+|{numbers})\s+)?(?P<u2>{units})\s+(?:{'|'.join(map(re.escape, after))})")
    relative = (
        "|".join(
            re.escape(w)
            for w in sorted(
                by_kind["day"] + by_kind["week"] + by_kind["month-ago"] + by_kind["year-ago"], key=len, reverse=True
            )
        )
        or r"(?!x)x"
    )
    return DateWords(
        lang=lang,
        day_month=re.compile(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|o|º|°|\.)?\s+(?:de\s+)?({months})\.?(?:,?\s+(?:de\s+)?(\d{{4}}))?\b"
        ),
        month_day=re.compile(rf"\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"),
        month_year=re.compile(rf"\b({months})\b(?:\s+(?:de\s+|of\s+)?(\d{{4}}))?"),
        weekday=re.compile(rf"\b({alt('weekday')})\b"),
        relative=re.compile(rf"(?<![\w'])({relative})\b"),
        ago=re.compile("|".join(f"\\b{p}\\b" for p in ago_parts) or r"(?!x)x"),
        year=re.compile(rf"\b(?:{alt('year')})\s+((?:1[89]|20)\d{{2}})\b"),
        values=values,
    )


def find_dates(folded: str, doc_date: str | None, words: DateWords, *, forward: bool = False) -> list[DateMention]:
    """Every date expression of a folded sentence, resolved; a span is read once (the most precise reading)."""
    anchor = parse_day(doc_date)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, date: str | None, precision: str, past: bool = False, cue: str = "day") -> None:
        if date and not any(start < e and s < end for s, e in taken):
            found.append(DateMention(start, end, date, precision, past, cue))
            taken.append((start, end))

    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", folded):
        add(m.start(), m.end(), m.group(0), "day")
    for regex, day_at, month_at in ((words.day_month, 1, 2), (words.month_day, 2, 1)):
        for m in regex.finditer(folded):
            month = int(words.values[("month", m.group(month_at))])
            add(m.start(), m.end(), _day_of(anchor, month, int(m.group(day_at)), m.group(3), forward), "day")
    for m in words.month_year.finditer(folded):
        month = int(words.values[("month", m.group(1))])
        if m.group(2):
            add(m.start(), m.end(), f"{m.group(2)}-{month:02d}", "month", cue="month")
        elif anchor and not _month_is_word(m.group(1), folded, m.start()):
            year = anchor.year - 1 if not forward and month > anchor.month else anchor.year
            add(m.start(), m.end(), f"{year}-{month:02d}", "month", cue="month")
    if anchor is not None:
        for m in words.weekday.finditer(folded):
            weekday = int(words.values[("weekday", m.group(1))])
            add(m.start(), m.end(), _weekday(anchor, weekday, forward), "day", cue="weekday")
        for m in words.relative.finditer(folded):
            word = m.group(1)
            ago = words.values.get(("month-ago", word)) or words.values.get(("year-ago", word))
            past = ago is not None and int(ago) < 0 and not forward  # "last year"; "next year" is no past
            add(m.start(), m.end(), *_relative(anchor, word, words), past=past, cue="relative")
        for m in words.ago.finditer(folded):
            number, unit = (m.group("n1"), m.group("u1")) if m.groupdict().get("u1") else (m.group("n2"), m.group("u2"))
            add(m.start(), m.end(), *_ago(anchor, number, words.values[("unit", unit)], words), past=True, cue="ago")
    for m in words.year.finditer(folded):
        add(m.start(), m.end(), m.group(1), "year", cue="year")
    found.sort(key=lambda d: d.start)
    return found


# Which date expression dates an event when a sentence has several: the most precise first ("on
# Monday" over "last year"), then by how it was said, then the first in the sentence. A span of time
# back ("two years ago") is background to the act, not its date.
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_EVENT_CUES = ("day", "weekday", "relative", "month", "year")


def event_date(folded: str, doc_date: str | None, words: DateWords) -> str | None:
    """The date of the act a folded sentence reports: its most precise date expression, else the
    document's date. A bare year is the document's own year unless it names another ("in 2015")."""
    anchor = parse_day(doc_date)
    said = [
        d for d in find_dates(folded, doc_date, words)
        if d.cue in _EVENT_CUES and not (d.cue == "year" and anchor is not None and d.date == str(anchor.year))
    ]
    if said:
        return min(said, key=lambda d: (_PRECISION_RANK[d.precision], _EVENT_CUES.index(d.cue), d.start)).date
    return anchor.isoformat() if anchor else None


def nearest_date(dates: list[DateMention], start: int, end: int) -> DateMention | None:
    """The date expression closest to a span (a trigger), if any."""
    best: tuple[int, DateMention] | None = None
    for d in dates:
        gap = max(d.start - end, start - d.end, 0)
        if best is None or gap < best[0]:
            best = (gap, d)
    return best[1] if best else None


def is_before(date: str, doc_date: str | None, days: int = 45) -> bool:
    """Whether a (possibly imprecise) date lies clearly before the document's: more than `days` before it,
    or in an earlier month or year than the document's when only the month or year is known."""
    anchor = parse_day(doc_date)
    if anchor is None:
        return False
    parts = date.split("-")
    try:
        if len(parts) == 1:
            return int(parts[0]) < anchor.year
        if len(parts) == 2:  # "in July" in a late-August story; a month ago in early August may be news
            year, month = int(parts[0]), int(parts[1])
            earlier = (year, month) < (anchor.year, anchor.month)
            return earlier and (anchor.day > 14 or (anchor - dt.date(year, month, 28)).days > days)
        return (anchor - dt.date.fromisoformat(date)).days > days
    except ValueError:
        return False


def _month_is_word(word: str, folded: str, at: int) -> bool:
    """ "may" and "march" are also verbs in English; "marco" a name in Portuguese: a month name alone
    counts only after a preposition or an article ("in May", "em março", "im Mai", "en mai")."""
    before = folded[max(0, at - 6) : at].split()
    return not before or before[-1] not in {
        "in",
        "en",
        "em",
        "im",
        "since",
        "seit",
        "depuis",
        "desde",
        "de",
        "of",
        "until",
        "bis",
        "jusqu'en",
        "ate",
        "hasta",
        "no",
        "el",
        "le",
        "au",
        "mois",
        "last",
        "letzten",
        "pasado",
        "dernier",
        "passado",
        "early",
        "late",
        "mid",
        "fin",
        "finales",
        "principios",
        "debut",
        "ende",
        "anfang",
        "mitte",
        "mediados",
        "meados",
        "inicio",
    }


def _day_of(anchor: dt.date | None, month: int, day: int, year: str | None, forward: bool) -> str | None:
    if year:
        y = int(year)
    elif anchor:
        y = anchor.year
    else:
        return None
    try:
        date = dt.date(y, month, day)
    except ValueError:
        return None
    if not year and anchor:
        if not forward and (date - anchor).days > 30:
            date = date.replace(year=y - 1)  # "December 30" in a January story is last December
        elif forward and (anchor - date).days > 30:
            date = date.replace(year=y + 1)
    return date.isoformat()


def _weekday(anchor: dt.date, weekday: int, forward: bool) -> str:
    if forward:
        return (anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)).isoformat()
    return (anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)).isoformat()


def _relative(anchor: dt.date, word: str, words: DateWords) -> tuple[str, str]:
    for kind in ("day", "week", "month-ago", "year-ago"):
        value = words.values.get((kind, word))
        if value is None:
            continue
        n = int(value)
        if kind == "day":
            return (anchor + dt.timedelta(days=n)).isoformat(), "day"
        if kind == "week":
            return (anchor + dt.timedelta(days=7 * n)).isoformat(), "day"
        if kind == "month-ago":  # "last month" -1, "next month" +1
            year, month = divmod(anchor.year * 12 + anchor.month - 1 + n, 12)
            return f"{year:04d}-{month + 1:02d}", "month"
        return str(anchor.year + n), "year"
    return anchor.isoformat(), "day"


def _ago(anchor: dt.date, number: str | None, unit: str, words: DateWords) -> tuple[str | None, str]:
    if number is None:
        n = 2  # "months ago", "vor Jahren": a few
    else:
        n = int(number) if number.isdigit() else int(words.values.get(("number", number), "0") or 0)
    if n <= 0:
        return None, "year"
    if unit == "decade":
        return str(anchor.year - 10 * n), "year"
    if unit == "year":
        return str(anchor.year - n), "year"
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 - n
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
    return (anchor - dt.timedelta(days=n)).isoformat(), "day"


def parse_day(date: str | None) -> dt.date | None:
    """The day an ISO date (or its first ten characters) names, else None."""
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
