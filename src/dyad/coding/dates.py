"""An event's date from the words of its sentence, against the document's date.

"on Monday" is the last Monday up to the document date; "yesterday", "last week/month/year",
"in 2015", "June 22" / "22 de junio" are resolved the same way. Without a cue the event
takes the document's date. Imprecise dates keep only what is known ("2015", "2015-06").
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "lunes": 0,
    "martes": 1,
    "miercoles": 2,
    "jueves": 3,
    "viernes": 4,
    "sabado": 5,
    "domingo": 6,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+)?({_MONTH_RE})\.?(?:\s+(?:de\s+)?(\d{{4}}))?\b"
)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_IN_YEAR = re.compile(r"\b(?:in|en|since|desde|during|durante)\s+((?:19|20)\d{2})\b")
_WEEKDAY = re.compile(r"\b(?:on|el|este|last|el pasado)\s+(" + "|".join(_WEEKDAYS) + r")\b")
_RELATIVE = {
    "yesterday": -1,
    "ayer": -1,
    "today": 0,
    "hoy": 0,
    "tomorrow": 1,
    "manana": 1,
    "last week": -7,
    "la semana pasada": -7,
    "next week": 7,
    "la proxima semana": 7,
}
# One alternation compiled once; the phrase that comes first in the sentence wins.
_RELATIVE_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p in _RELATIVE) + r")\b")


def resolve_date(folded_sentence: str, doc_date: str | None) -> str | None:
    """`folded_sentence` is lower case without accents (see dyad.text.normalize.fold)."""
    anchor = _parse(doc_date)
    text = folded_sentence
    m = _ISO.search(text)
    if m:
        return m.group(0)
    for regex, day_group, month_group, year_group in ((_DAY_MONTH, 1, 2, 3), (_MONTH_DAY, 2, 1, 3)):
        m = regex.search(text)
        if m:
            month, day = _MONTHS[m.group(month_group)], int(m.group(day_group))
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
        m = _WEEKDAY.search(text)
        if m:
            back = (anchor.weekday() - _WEEKDAYS[m.group(1)]) % 7
            return (anchor - dt.timedelta(days=back)).isoformat()
        m = _RELATIVE_RE.search(text)
        if m:
            return (anchor + dt.timedelta(days=_RELATIVE[m.group(1)])).isoformat()
        if re.search(r"\b(?:last|el ano pasado|el pasado ano)\b.{0,3}\byear\b|\bel ano pasado\b", text):
            return str(anchor.year - 1)
        if re.search(r"\blast month\b|\bel mes pasado\b", text):
            first = anchor.replace(day=1) - dt.timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}"
    m = _IN_YEAR.search(text)
    if m and (anchor is None or int(m.group(1)) != anchor.year):
        return m.group(1)
    return anchor.isoformat() if anchor else None


def _parse(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
