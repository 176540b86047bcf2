"""An event's date from the words of its sentence, against the document's date.

"on Monday", "am Montag", "lundi", "nesta segunda-feira" are the last such day up to the document
date; "yesterday", "gestern", "hier", "ontem", "last week", "la semaine dernière", "in 2015",
"June 22", "22 de junio", "3. März", "le 3 mars", "1er mai", "3 de março" are resolved the same way.
The calendar words of every language are data (`data/lexicon/calendar.tsv`), read once. Without a cue
the event takes the document's date. Imprecise dates keep only what is known ("2015", "2015-06").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dyad.data._load import read_tsv
from dyad.text.dates import parse_day
from dyad.text.normalize import fold_key

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True, slots=True)
class _Calendar:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_re: re.Pattern[str]
    last_year: re.Pattern[str]
    last_month: re.Pattern[str]
    in_year: re.Pattern[str]


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _calendar() -> _Calendar:
    kinds: dict[str, dict[str, int]] = {}
    for row in read_tsv("lexicon/calendar.tsv", ("word", "kind", "value", "lang")):
        kinds.setdefault(row["kind"], {})[fold_key(row["word"])] = int(row["value"])
    months, weekdays = kinds["month"], kinds["weekday"]
    month_re, weekday_re = _alternation(set(months)), _alternation(set(weekdays))
    before = _alternation(set(kinds["weekday_before"]))
    bare = _alternation(set(kinds["bare_weekday"]))
    # day ("22", "3.", "1er", "1º" folded to "1o") and month, with "de" between in Spanish and Portuguese
    day_month = re.compile(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|o|°)?\.?\s+(?:de\s+)?({month_re})\.?(?:,?\s+(?:de\s+)?(\d{{4}}))?\b"
    )
    month_day = re.compile(rf"\b({month_re})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
    weekday = re.compile(rf"\b(?:(?:{before})\s+({weekday_re})|({bare}))\b")
    relative = kinds["relative_day"]
    return _Calendar(
        months, weekdays, relative, day_month, month_day, weekday,
        re.compile(r"\b(" + _alternation(set(relative)) + r")\b"),
        re.compile(r"\b(?:" + _alternation(set(kinds["last_year"])) + r")\b"),
        re.compile(r"\b(?:" + _alternation(set(kinds["last_month"])) + r")\b"),
        re.compile(r"\b(?:" + _alternation(set(kinds["year_before"])) + r")\s+((?:19|20)\d{2})\b"),
    )


def resolve_date(folded_sentence: str, doc_date: str | None) -> str | None:
    """`folded_sentence` is lower case without accents (see dyad.text.normalize.fold)."""
    cal = _calendar()
    anchor = parse_day(doc_date)
    text = folded_sentence
    m = _ISO.search(text)
    if m:
        return m.group(0)
    for regex, day_group, month_group, year_group in ((cal.day_month, 1, 2, 3), (cal.month_day, 2, 1, 3)):
        m = regex.search(text)
        if m:
            month, day = cal.months[m.group(month_group)], int(m.group(day_group))
            year = int(m.group(year_group)) if m.group(year_group) else (anchor.year if anchor else None)
            if year is None or not 1 <= day <= 31:
                continue
            if (
                anchor
                and not m.group(year_group)
                and (month, day) > (anchor.month, anchor.day)
                and month - anchor.month > 6
            ):
                year -= 1  # "December 30" in a January story is last December
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                continue
    if anchor:
        m = cal.weekday.search(text)
        if m:
            back = (anchor.weekday() - cal.weekdays[m.group(1) or m.group(2)]) % 7
            return (anchor - dt.timedelta(days=back)).isoformat()
        m = cal.relative_re.search(text)
        if m:
            return (anchor + dt.timedelta(days=cal.relative[m.group(1)])).isoformat()
        if cal.last_year.search(text):
            return str(anchor.year - 1)
        if cal.last_month.search(text):
            first = anchor.replace(day=1) - dt.timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}"
    m = cal.in_year.search(text)
    if m and (anchor is None or int(m.group(1)) != anchor.year):
        return m.group(1)
    return anchor.isoformat() if anchor else None

