"""Stale titles: a leader named with an office they did not hold on the document's date.

"President Obama" in a 2019 story is a warning; "former President Obama", "the late
President Chávez", "el entonces presidente Obama", "el presidente depuesto Bazoum", "President
Bazoum, ousted in July", a sentence dated by a year before the term ended ("In 2012, President
Obama ...", "El presidente Mandela fue liberado en 1990") or set in a past term ("durante su
primer mandato") are not. Terms come from the leader table; where the curated table knows a
person, its terms replace REIGN's (whose open terms end in 2021). A crown's title ("King", "rey")
is judged by curated terms only: REIGN dates a monarch only while they governed.
"""

from __future__ import annotations

import datetime as dt
import re

from dyad.checks.context import words_pattern
from dyad.checks.data import CheckData
from dyad.data._load import read_tsv
from dyad.doc import Document, Finding, Sentence
from dyad.resources import Leader, Resources
from dyad.text.normalize import fold_key

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PARAGRAPH_REACH = 600  # characters before a sentence read for the years its paragraph names
# "President Viola Amherd": a one-word leader's name followed by a capitalised word is someone's first name
_LONGER_NAME = re.compile(r"\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]")
_ELECT_DAYS = 90


class TitleChecker:
    def __init__(self, data: CheckData, resources: Resources):
        numbers = read_tsv("checks/numbers.tsv", required=("word", "value"))
        self._numbers = {fold_key(r["word"]): int(r["value"]) for r in numbers}
        count = rf"(\d{{1,3}}|{words_pattern([r['word'] for r in numbers])})"
        self._ago = [
            re.compile(r"\b" + r"\s+".join(count if w == "N" else re.escape(w) for w in phrase.split()) + r"\b", re.I)
            for phrase in data.words.get("ago", [])
        ]
        titles = [t for words in data.titles.values() for t in words]
        self._title = re.compile(
            rf"(?:^|(?<=[^\w]))({words_pattern(titles)})"
            r"((?:\s+[a-záéíóúñü]+){0,2}|\s+(?:of|de)\s+(?:the\s+|los\s+|la\s+)?[\w .]{1,30},)\s*,?\s*$"
        )
        self._leading_title = re.compile(
            rf"^(?:{words_pattern(titles)})(?:\s+[a-záéíóúñü]+){{0,2}}\s*,?\s+(?=[A-ZÁÉÍÓÚÑ])"
        )
        self._former = re.compile(
            rf"(?:^|[^\w])(?:{words_pattern(data.former)})(?:\s+\w+){{0,2}}\s*$", re.IGNORECASE
        )
        self._former_words = {fold_key(w) for w in data.former}
        self._elect_words = {fold_key(w) for w in data.words.get("elect", [])}
        self._former_after = re.compile(
            rf"^\s*(?:[,(]\s*[^.;:,()]{{0,20}}?|(?:{words_pattern(data.words.get('passive', []))})\s+)"
            rf"\b(?:{words_pattern(data.words.get('former-after', []))})\b",
            re.IGNORECASE,
        )
        # "the removal of the democratically elected President Bazoum", "la muerte del presidente
        # Raisi", "el gobierno del presidente Allende", "under President Obama"
        self._ending = re.compile(
            rf"\b(?:(?:{words_pattern(data.words.get('ending', []))})\s+(?:of|de|del|da|do|against|contra)"
            rf"|{words_pattern(data.words.get('under', [])) or '(?!)'})\s+"
            rf"(?:the\s+|la\s+|el\s+|o\s+|a\s+)?(?:(?:{words_pattern(data.words.get('modifier', []))})\s+){{0,2}}$",
            re.IGNORECASE,
        )
        self._past_term = re.compile(rf"\b(?:{words_pattern(data.words.get('past-term', []))})\b", re.IGNORECASE)
        self._monarch = {fold_key(w) for w in data.words.get("monarch", [])}
        # offices below the head of state or government ("Foreign Minister", "canciller"): the
        # leader table dates one office a person held, so naming them by another says nothing stale
        self._offices = {fold_key(w) for w in data.words.get("office", [])}
        self._by_name: dict[str, list[Leader]] = {}
        for leader in resources.leaders:
            for alias in (leader.name, *leader.aliases):
                self._by_name.setdefault(fold_key(alias), []).append(leader)

    def check(self, doc: Document) -> list[Finding]:
        if not doc.date:
            return []
        out = []
        by_index = {s.index: s for s in doc.sentences}
        for m in doc.mentions:
            if m.kind != "leader" or not m.country:
                continue
            sentence = by_index.get(m.sentence)
            if sentence is None:
                continue
            # the actor mention may include its title ("presidente Nicolás Maduro"): look before the name
            lead = self._leading_title.match(m.text)
            name_start = m.start + (lead.end() if lead else 0)
            if " " not in sentence.text[name_start : m.end].strip() and _LONGER_NAME.match(sentence.text, m.end):
                continue
            before = sentence.text[max(0, name_start - 80) : name_start]
            title = self._title.search(before)
            if title is None or self._ended(before[: title.start()], title.group(2), sentence.text[m.end :]):
                continue
            if fold_key(title.group(1)) in self._offices or self._past_term.search(sentence.text):
                continue
            if self._coming_term(title.group(0)):
                continue
            terms = self._terms(m.name, sentence.text[name_start : m.end], m.country)
            if fold_key(title.group(1)) in self._monarch:
                terms = [t for t in terms if t.source != "reign"]
            if not terms or any(t.in_office(doc.date) for t in terms):
                continue
            if (
                _looks_back(sentence.text, doc.date, terms)
                or _paragraph_in_term(doc.text, sentence, terms)
                or _years_look_back(self._years_ago(sentence.text, doc.date), doc.date, terms)
            ):
                continue
            finding = self._finding(
                doc,
                sentence.start + name_start - (len(before) - title.start(1)),
                sentence.start + m.end,
                m.name,
                m.country,
                terms,
                title.group(1),
            )
            if finding is not None:
                out.append(finding)
        return out

    def _ended(self, before_title: str, between: str, after_name: str) -> bool:
        """Whether the words around a title say the office is over: "former" or "the removal of"
        before it, "depuesto" or "emérito" between it and the name, ", ousted in July" after it."""
        return (
            self._former.search(before_title) is not None
            or self._ending.search(before_title) is not None
            or any(fold_key(w) in self._former_words for w in between.split())
            or self._former_after.match(after_name) is not None
        )

    def _coming_term(self, title: str) -> bool:
        """The title with "elect" ("el presidente electo", "President-elect") names the term to come."""
        return any(fold_key(w) in self._elect_words for w in re.split(r"[\s-]+", title))

    def _years_ago(self, sentence: str, date: str) -> list[int]:
        """The years a relative date gives ("hace diez años" in a story of 2024: 2014)."""
        out = []
        for pattern in self._ago:
            for m in pattern.finditer(sentence):
                n = int(m.group(1)) if m.group(1).isdigit() else self._numbers.get(fold_key(m.group(1)))
                if n is not None:
                    out.append(int(date[:4]) - n)
        return out

    def _terms(self, name: str, surface: str, country: str) -> list[Leader]:
        rows = self._by_name.get(fold_key(name), []) + self._by_name.get(fold_key(surface), [])
        rows = [r for r in dict.fromkeys(rows) if r.country == country]
        curated = [r for r in rows if r.source == "curated" or not r.source]
        if curated:
            people = {fold_key(r.name) for r in curated}
            rows = [
                r
                for r in rows
                if r.source == "curated"
                or not r.source
                or not any(fold_key(r.name) in p or p.endswith(fold_key(r.name)) for p in people)
            ]
        return rows

    def _finding(
        self,
        doc: Document,
        start: int,
        end: int,
        name: str,
        country: str,
        terms: list[Leader],
        title: str,
    ) -> Finding | None:
        date = doc.date or ""
        ended = [t for t in terms if t.end and t.end < date]
        later = [t for t in terms if t.start > date]
        text = doc.text[start:end]
        suggest = None
        if later and not ended:
            first = min(later, key=lambda t: t.start)
            days = _days_between(date, first.start)
            severity = "info" if days is not None and days <= _ELECT_DAYS else "warning"
            message = f"'{text}': {name} took office on {first.start}, after this story's date {date}"
        elif ended:
            last = max(ended, key=lambda t: t.end or "")
            holder = self._successor(country, date, last)
            held = f"{holder.name} held it" if holder else "someone else held it"
            suggest = f"former {text}" if title[:1].isupper() else f"ex{text}"
            severity = "warning"
            message = f"'{text}': {name} left office on {last.end}; on {date} {held}; write '{suggest}'"
        else:
            return None
        return Finding(
            doc_id=doc.id,
            kind="stale-title",
            severity=severity,
            text=text,
            start=start,
            end=end,
            says=country,
            context=country,
            evidence=[title, name],
            message=message,
            suggest=suggest if ended else None,
        )

    def _successor(self, country: str, date: str, last: Leader) -> Leader | None:
        """Who held the office on `date`, when the tables can tell: the one person in office then,
        whose term began nearest after `last` ended, preferring effective leaders (REIGN's list), so
        a president is followed by a president and not by the vice-president."""
        rows = {
            ld
            for rows in self._by_name.values()
            for ld in rows
            if ld.country == country and ld.in_office(date) and (last.end or "") <= ld.start
        }
        if not rows:
            return None
        heads = [ld for ld in rows if self._is_head(ld)] or list(rows)
        first = min(ld.start for ld in heads)
        nearest = [ld for ld in heads if ld.start == first]
        if len({_surname(ld.name) for ld in nearest}) != 1:
            return None  # several office holders started that day: the tables do not say which office
        return next((ld for ld in nearest if ld.source == "curated"), nearest[0])

    def _is_head(self, leader: Leader) -> bool:
        if leader.source == "reign":
            return True
        surname = _surname(leader.name)
        return any(
            r.source == "reign" and r.country == leader.country and _surname(r.name) == surname
            for r in self._by_name.get(surname, [])
        )


def _looks_back(sentence: str, date: str, terms: list[Leader]) -> bool:
    """Whether the sentence dates itself inside a term ("In 2012, President Obama ...") or in an
    earlier year before the term ended ("El presidente Mandela fue liberado en 1990"): a title
    then names the office the story looks back on."""
    return _years_look_back([int(y) for y in _YEAR.findall(sentence)], date, terms)


def _years_look_back(years: list[int], date: str, terms: list[Leader]) -> bool:
    """Whether one of the years falls within a term, or before the story's year and before a term ended."""
    now = int(date[:4])
    for y in years:
        for t in terms:
            end = int((t.end or "9999")[:4])
            if int(t.start[:4]) <= y <= end or (y < now and y <= end):
                return True
    return False


def _paragraph_in_term(text: str, sentence: Sentence, terms: list[Leader]) -> bool:
    """Whether an earlier sentence of the paragraph names a year within the term ("En 2007
    Venezuela nacionalizó la Faja. El presidente Chávez anunció ..."): a narrative keeps its time
    until the paragraph ends, as for borders (evidence.py)."""
    start = max(text.rfind("\n", 0, sentence.start) + 1, sentence.start - _PARAGRAPH_REACH)
    for y in (int(y) for y in _YEAR.findall(text[start : sentence.start])):
        if any(int(t.start[:4]) <= y <= int((t.end or "9999")[:4]) for t in terms):
            return True
    return False


def _surname(name: str) -> str:
    parts = fold_key(name).split()
    return parts[-1] if parts else ""


def _days_between(a: str, b: str) -> int | None:
    try:
        return (dt.date.fromisoformat(b[:10]) - dt.date.fromisoformat(a[:10])).days
    except ValueError:
        return None
