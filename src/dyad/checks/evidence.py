"""Evidence against a name beyond an apposition: a fact about the world that its sentence contradicts.

For a name of place A, confusable with B, read in the name's own sentence (and, for a capital,
the dateline and the sentences beside it):

    border   A is given a land border with a state that only B touches ("Nigeria's northern border
             with Algeria", "Uganda reopened its border with Sudan at Nimule")
    embassy  A's embassy or consulate in a city of A ("the Nigerien embassy in Niamey"): a state has
             none at home
    ties     A opens an embassy in a state it had no relations with on the story's date while B had
             them ("the Republic of China opened an embassy in Tegucigalpa", June 2023)
    act      A's state bodies do what a state does only at home (patrol, arrest, impose a curfew,
             overthrow a president) in a city or to a leader of B ("Slovak police detained 14
             protesters outside parliament in Ljubljana")
    capital  "the Nigerian capital" in a story filed from Niamey that names neither country otherwise

The words come from `data/checks/words.tsv` (border, embassy, open, act, body, ...), the facts
from `world.py`; an answer the tables cannot give is no evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.checks.context import Context, LazyPattern, words_pattern
from dyad.checks.data import CheckData
from dyad.checks.scan import Hit
from dyad.checks.world import World
from dyad.data._load import read_tsv
from dyad.doc import Sentence
from dyad.text.normalize import fold_key

_PLACE_KINDS = ("capital", "city")
_PERSON_KINDS = ("leader", "surname")
_ART = r"(?:the\s+|la\s+|el\s+|los\s+|las\s+)?"
_WORD = r"[\w'’-]+\s+"
_PARAGRAPH_REACH = 600  # characters before a sentence read for the years its paragraph names


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str  # border | embassy | ties | act | capital
    severity: str
    texts: tuple[str, ...]  # what in the story gives the name away
    why: str  # completes "'Nigeria' names Nigeria, but ..."


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # document offsets
    end: int
    text: str
    code: str  # a confusable entity, or an ISO alpha-3 country


# a year ("in 1995", "the 1990s") and a decade in Spanish digits ("los años 90", "la década de 1990")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)(s|['’]s)?\b")
_DECADE = re.compile(r"\b(?:años|década\s+de(?:\s+los)?)\s+(?:19)?([1-9])0\b", re.IGNORECASE)


def _words(data: CheckData, kind: str) -> str:
    return words_pattern(data.words.get(kind, [])) or "(?!)"


def periods_named(text: str, eras: re.Pattern[str], era_years: dict[str, tuple[int, int]]) -> list[tuple[int, int]]:
    """The years a sentence speaks of, as (first, last) spans: "in 1995", "the 1990s", "los años
    noventa" (`era_years` keyed by folded phrase)."""
    out = []
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        out.append((year, year + 9) if m.group(2) and year % 10 == 0 else (year, year))
    out += [(1900 + 10 * int(m.group(1)), 1909 + 10 * int(m.group(1))) for m in _DECADE.finditer(text)]
    out += [era_years[fold_key(m.group(0))] for m in eras.finditer(text) if fold_key(m.group(0)) in era_years]
    return out


class EvidenceReader:
    """Built once from the check tables; `against(ctx, hit, a, b)` is pure."""

    def __init__(self, data: CheckData):
        self.data = data
        self.world = data.world or World.load()
        eras = read_tsv("checks/eras.tsv", required=("phrase", "first", "last"))
        self._era_years = {fold_key(r["phrase"]): (int(r["first"]), int(r["last"])) for r in eras}
        self._eras = re.compile(rf"\b(?:{words_pattern([r['phrase'] for r in eras]) or '(?!)'})\b", re.IGNORECASE)
        border, not_land = _words(data, "border"), _words(data, "border-not")
        embassy, opening = _words(data, "embassy"), _words(data, "open")
        body, modifier = _words(data, "body"), _words(data, "modifier")
        i = re.IGNORECASE
        # between two countries that share a border: "X's northern border with Y", "X reopened its
        # border with Y", "X borders Y", "X, que limita con Y", "the X-Y border"
        self._border_gaps = [
            LazyPattern(
                rf"^(?:['’]s)?\s+(?:{_WORD}){{0,2}}?(?:{border})\s+(?:with|con)\s+{_ART}"
                r"(?:neighbou?ring\s+|vecin[oa]\s+)?$",
                i,
            ),
            LazyPattern(
                rf"^\s+(?:{_WORD}){{0,10}}?(?:its|their|su|sus)\s+(?:{_WORD}){{0,2}}?(?:{border})\s+"
                rf"(?:with|con)\s+{_ART}$",
                i,
            ),
            LazyPattern(rf"^\s*,?\s*(?:{_words(data, 'border-verb')})\s+{_ART}$", i),
        ]
        # "la frontera de X con Y", "the border between X and Y", "the X-Y border"
        self._border_before = LazyPattern(rf"(?:{border})\s+(?:{_WORD})?(?:de|del)\s+{_ART}$", i)
        self._border_con = LazyPattern(rf"^\s+con\s+{_ART}$", i)
        self._between_before = LazyPattern(rf"(?:{border})\s+(?:between|entre)\s+{_ART}$", i)
        self._between_gap = LazyPattern(rf"^\s+(?:and|y|e)\s+{_ART}$", i)
        self._hyphen_gap = LazyPattern(r"^\s*[-–/]\s*$")
        # "fled into Egypt across South Sudan's northern border": N, then H's border
        self._across_gap = LazyPattern(r"^\s+(?:[\w-]+\s+){0,2}?(?:across|over|through|cruzando)\s+$", i)
        self._owned_border = LazyPattern(rf"['’]s\s+(?:{_WORD}){{0,2}}?(?:{border})\b", i)
        self._border_after = LazyPattern(rf"^\s+(?:{border})\b", i)
        self._not_land = LazyPattern(rf"\b(?:{not_land})\b", i)
        # an embassy of A in a place: "the Nigerien embassy in", "embajada de Irak en", "A opened an embassy in"
        self._embassy_after = LazyPattern(rf"^(?:['’]s)?\s+(?:new\s+)?(?:{embassy})\s+(?:in|en)\s+", i)
        self._embassy_of = LazyPattern(rf"(?:{embassy})\s+(?:of|de|del)\s+{_ART}$", i)
        self._embassy_bare = LazyPattern(rf"(?:{embassy})\s+$", i)
        self._in_after = LazyPattern(r"^\s+(?:in|en)\s+", i)
        self._opens = LazyPattern(
            rf"^\s+(?:{_WORD}){{0,3}}?(?:{opening})\s+(?:{_WORD}){{0,7}}?(?:{embassy})\s+(?:{_WORD}){{0,2}}?"
            r"(?:in|en)\s+",
            i,
        )
        self._opening_before = LazyPattern(rf"\b(?:{opening})\b", i)
        self._negation = LazyPattern(r"\b(?:not|never|no|nunca|jamás|won't|cannot)\b", i)
        self._ties_made = LazyPattern(
            rf"\b(?:{_words(data, 'ties-verb')})\b(?:\s+[\w-]+){{0,3}}\s+(?:{_words(data, 'ties-noun')})\b"
            rf"|\b(?:{_words(data, 'ties-thaw')})\b",
            i,
        )
        # a state acting at home: "Nigerian soldiers patrolled", "El Gobierno australiano decretó"
        self._act_words = LazyPattern(
            rf"\b(?:{_words(data, 'act')})\b|\b(?:{_words(data, 'decree')})(?:\s+[\w-]+){{0,4}}?\s+"
            rf"(?:a|an|the|un|una|el|la)?\s*(?:\w+\s+)?(?:{_words(data, 'decreed')})\b",
            i,
        )
        self._body_after = LazyPattern(rf"^(?:['’]s)?\s+(?:(?:{modifier})\s+)?(?:{body})\b", i)
        self._body_before = LazyPattern(rf"\b(?:{body})\s+(?:(?:de|del)\s+{_ART})?$", i)
        self._passive = LazyPattern(rf"\b(?:{_words(data, 'passive')})\s+$", i)
        self._clause_start = LazyPattern(r"(?:^|[-—–]\s|\.-\s*)\s*$")
        self._into_place = LazyPattern(
            rf"(?:\b(?:in|en|into|across|throughout|outside)|\b(?:streets|calles|centre|center|centro)\s+(?:of|de|del))"
            rf"\s+{_ART}$",
            i,
        )
        self._near = LazyPattern(r"\b(?:near|close\s+to|off|border|cerca|frontera|fronteriza)\b", i)
        # "the Nigerian capital", "Nigeria's capital", "the capital of Nigeria", "la capital nigeriana"
        self._the_before = LazyPattern(r"\bthe\s+$", i)
        self._capital_after = LazyPattern(r"(?:['’]s)?\s+capital\b", i)  # matched at a position: no ^
        self._capital_before = LazyPattern(rf"\bcapital\s+(?:(?:city\s+)?(?:of|de|del)\s+{_ART})?$", i)
        self._article = LazyPattern(r"(?:(?:the|la|el|los|las)\s+)?", i)
        self._place_next = LazyPattern(r"\s*[,(]?\s*")

    def against(self, ctx: Context, hit: Hit, a: str, b: str) -> Evidence | None:
        sentence = ctx.sentence(ctx.sentence_of.get(hit.start, -1))
        if sentence is None or not self.data.listed(a, b):
            return None  # names a letter apart (Chile, China) are spelling slips: no fact decides them
        for read in (self._border, self._embassy, self._act, self._capital):
            found = read(ctx, sentence, hit, a, b)
            if found is not None:
                return found
        return None

    # -- border ---------------------------------------------------------------------------------

    def _border(self, ctx: Context, sentence: Sentence, hit: Hit, a: str, b: str) -> Evidence | None:
        text = ctx.doc.text
        spans = self._countries(ctx, sentence)
        mine = next((s for s in spans if s.start == hit.start), None)
        if mine is None:
            return None
        for other in spans:
            if other is mine or self.data.country_of(other.code) != other.code:
                continue
            first, second = (mine, other) if mine.start < other.start else (other, mine)
            if any(first.end <= s.start and s.end <= second.start for s in spans) or any(
                first.end <= s.start and s.end <= second.start for s in self._others(ctx, sentence)
            ):
                continue  # another country or its capital stands between them
            gap = text[first.end : second.start]
            before = text[max(sentence.start, first.start - 40) : first.start]
            said = (
                any(p.match(gap) for p in self._border_gaps)
                or (self._border_before.search(before) is not None and self._border_con.match(gap) is not None)
                or (self._between_before.search(before) is not None and self._between_gap.match(gap) is not None)
                or (
                    self._hyphen_gap.match(gap) is not None
                    and self._border_after.match(text[second.end : second.end + 20]) is not None
                )
                or (
                    self._across_gap.match(gap) is not None
                    and self._owned_border.match(text, second.end, second.end + 40) is not None
                )
            )
            if not said or self._not_land.search(before[-20:] + gap):
                continue
            where = other.code
            if any(self.world.borders(a, where, when) is not False for when in self._times(ctx, sentence)):
                continue  # A bordered it then, or the table cannot say
            touching = sorted(p for p in self.data.partners.get(a, ()) if self.world.borders(p, where))
            if not self.data.only(a, b, touching):
                continue
            return Evidence(
                "border",
                "error",
                (other.text,),
                f"the story gives it a border with {other.text}, which {self.data.display(b)} has "
                f"and {self.data.display(a)} has not",
            )
        return None

    def _times(self, ctx: Context, sentence: Sentence) -> list[str | None]:
        """When a sentence's facts are to hold: on the story's date (today without one), and in
        every earlier year or decade its paragraph names up to it ("in the 1990s Uganda's border
        with Sudan"; "Amin fell in 1979. West Nile, bordering Sudan, ..."): a narrative keeps
        its time until the paragraph ends."""
        date = ctx.doc.date
        now = int(date[:4]) if date else 10**4
        times: list[str | None] = [date or None]
        text = ctx.doc.text
        start = max(text.rfind("\n\n", 0, sentence.start), sentence.start - _PARAGRAPH_REACH, 0)
        for first, last in periods_named(text[start : sentence.end], self._eras, self._era_years):
            if first < now:
                times += [f"{first:04d}-01-01", f"{last:04d}-12-31"]
        return times

    # -- embassies ------------------------------------------------------------------------------

    def _embassy(self, ctx: Context, sentence: Sentence, hit: Hit, a: str, b: str) -> Evidence | None:
        text = ctx.doc.text
        end = sentence.end
        before = text[max(sentence.start, hit.start - 60) : hit.start]
        after = text[hit.end : end]
        place_at, opening = None, False
        if m := self._embassy_after.match(after):
            place_at = hit.end + m.end()
            opening = bool(self._opening_before.search(before[-40:]))
        elif (m2 := self._embassy_of.search(before) or self._embassy_bare.search(before)) and (
            m3 := self._in_after.match(after)
        ):
            place_at = hit.end + m3.end()
            opening = bool(self._opening_before.search(before[: m2.start()][-40:]))
        elif (m4 := self._opens.match(after)) and not self._negation.search(m4.group(0)):
            place_at, opening = hit.end + m4.end(), True
        if place_at is None:
            return None
        place = next(
            (
                p
                for p in self._places(ctx, sentence)
                if p.start >= place_at and self._article.fullmatch(text[place_at : p.start])
            ),
            None,
        )
        if place is None:
            return None
        country = self.data.country_of(place.code)
        if country == a and self.data.country_of(a) == a and self._plausible(ctx, a, b):
            return Evidence(
                "embassy",
                "error",
                (place.text,),
                f"a state has no embassy at home, and {place.text} is in {self.data.display(a)}",
            )
        if not opening or country in (a, b) or self._ties_made.search(self._around(ctx, sentence)):
            return None
        if self.world.related(a, country, ctx.doc.date) is not False:
            return None
        related = sorted(p for p in self.data.partners.get(a, ()) if self.world.related(p, country, ctx.doc.date))
        if not self.data.only(a, b, related):
            return None
        return Evidence(
            "ties",
            "warning",
            (place.text,),
            f"{self.data.display(a)} had no diplomatic relations with {self.data.display(country)} on "
            f"{ctx.doc.date}, so it could not open an embassy in {place.text}; {self.data.display(b)} had them",
        )

    # -- acts of a state at home ----------------------------------------------------------------

    def _act(self, ctx: Context, sentence: Sentence, hit: Hit, a: str, b: str) -> Evidence | None:
        text = ctx.doc.text
        act = self._act_words.search(text, hit.end, min(sentence.end, hit.end + 60))
        if act is None:
            return None
        gap = text[hit.end : act.start()]
        spans = self._countries(ctx, sentence)
        if re.search(r"[,;:()]", gap) or len(gap.split()) > 5 or self._passive.search(gap):
            return None
        if any(hit.end <= s.start and s.end <= act.start() for s in spans):
            return None
        before = text[sentence.start : hit.start]
        demonym = all(n.style == "demonym" for n in hit.names)
        agent = (
            self._body_after.match(gap)
            or self._body_before.search(before[-30:])
            or (not demonym and self._clause_start.search(before))
        )
        if not agent:
            return None
        if any(sentence.start <= c.start < sentence.end for c in ctx.cues.get(a, [])):
            return None  # a place or a person of A in the same sentence: it may act at home
        if any(sentence.start <= h.start < sentence.end for h in ctx.names_of(b)):
            return None  # the sentence names B too: the two are told apart
        for cue in ctx.cues.get(b, []):
            if not (act.end() <= cue.start < min(sentence.end, act.end() + 100)):
                continue
            lead = text[max(sentence.start, cue.start - 25) : cue.start]
            inside = self._into_place.search(lead) and not self._near.search(lead)
            if cue.kind in _PERSON_KINDS or (cue.kind in _PLACE_KINDS and inside):
                return Evidence(
                    "act",
                    "warning",
                    (act.group(0), cue.text),
                    f"it acts as a state at home ('{act.group(0)}') in or on {cue.text}, which is "
                    f"{self.data.display(b)}'s",
                )
        return None

    # -- the capital of a story filed from the other capital ------------------------------------

    def _capital(self, ctx: Context, sentence: Sentence, hit: Hit, a: str, b: str) -> Evidence | None:
        phrase_end = self._capital_phrase(ctx.doc.text, hit)
        if phrase_end is None or ctx.names_of(b) or ctx.cues.get(a):
            return None
        if any(self._capital_phrase(ctx.doc.text, h) is None for h in ctx.names_of(a)):
            return None  # the story names A for itself elsewhere
        spaces = self._place_next.match(ctx.doc.text, phrase_end)
        next_at = spaces.end() if spaces else phrase_end
        if any(c.start == next_at for cs in ctx.cues.values() for c in cs) or any(
            p.start == next_at for p in self._places(ctx, sentence)
        ):
            return None  # "the Nigerian capital, Abuja": an apposition, judged as one
        line = ctx.dateline
        if line is None or line.entity != b or line.kind != "capital":
            return None
        if any(fold_key(c.text) == fold_key(line.text) and c.start != line.start for c in ctx.cues.get(b, [])):
            return None  # the body names the capital it was filed from: "the Nigerian capital" is another
        return Evidence(
            "capital",
            "warning",
            (line.text,),
            f"the story is filed from {line.text}, the capital of {self.data.display(b)}, and names "
            f"{self.data.display(a)} nowhere else",
        )

    def _capital_phrase(self, text: str, hit: Hit) -> int | None:
        """Where a phrase that makes the name a capital's owner ends, or None."""
        before = text[max(0, hit.start - 30) : hit.start]
        if m := self._capital_after.match(text, hit.end, hit.end + 20):
            if self._the_before.search(before) or text[hit.end : hit.end + 1] in "'’":
                return m.end()
        if self._capital_before.search(before):
            return hit.end
        return None

    # -- what a sentence names ------------------------------------------------------------------

    def _countries(self, ctx: Context, sentence: Sentence) -> list[_Span]:
        """Countries and confusable places named in a sentence (names and country mentions)."""
        spans = [
            _Span(h.start, h.end, h.text, next(iter(h.entities)))
            for h in ctx.names
            if not h.shared and sentence.start <= h.start < sentence.end
        ]
        taken = [(s.start, s.end) for s in spans]
        for m in ctx.doc.mentions:
            if m.sentence != sentence.index or not m.country or m.kind not in ("country", "demonym"):
                continue
            start, end = sentence.start + m.start, sentence.start + m.end
            if not any(s < end and start < e for s, e in taken):
                spans.append(_Span(start, end, m.text, m.country))
        return sorted(spans, key=lambda s: s.start)

    def _others(self, ctx: Context, sentence: Sentence) -> list[_Span]:
        """The sentence's actor mentions that belong to a country (capitals, roles, leaders)."""
        return [
            _Span(sentence.start + m.start, sentence.start + m.end, m.text, m.country)
            for m in ctx.doc.mentions
            if m.sentence == sentence.index and m.country
        ]

    def _places(self, ctx: Context, sentence: Sentence) -> list[_Span]:
        """Capitals and cities named in a sentence, with the place (confusable) or country they are in."""
        spans = [
            _Span(c.start, c.end, c.text, c.entity)
            for cs in ctx.cues.values()
            for c in cs
            if c.kind in _PLACE_KINDS and sentence.start <= c.start < sentence.end
        ]
        for m in ctx.doc.mentions:
            if m.sentence == sentence.index and m.country and m.kind in ("capital", "place", "city"):
                spans.append(_Span(sentence.start + m.start, sentence.start + m.end, m.text, m.country))
        return spans

    def _around(self, ctx: Context, sentence: Sentence) -> str:
        """The sentence with the ones before and after it."""
        parts = [ctx.sentence(i) for i in (sentence.index - 1, sentence.index, sentence.index + 1)]
        return " ".join(p.text for p in parts if p is not None)

    def _plausible(self, ctx: Context, a: str, b: str) -> bool:
        """Whether B is the one partner of A the story can mean: A's only one, or the only one it supports."""
        partners = {p for p in self.data.partners.get(a, set()) if self.data.listed(a, p)} or self.data.partners.get(
            a, set()
        )
        if partners == {b}:
            return True
        if b not in partners:
            return False

        def support(p: str) -> int:
            return len(ctx.names_of(p)) + len(ctx.cues.get(p, []))

        return support(b) > 0 and all(support(b) > support(p) for p in partners - {b})
