"""One sentence as the mission reader sees it: tokens, cues, the countries and cities it names, its clauses.

    parsed = parse(sentence_text, mentions, lexicon("en"), place_index(resources))
    parsed.anchors   # [Anchor(start=0, end=1, country="CAN", city=None, kind="country", ...), ...]

An anchor is a country the sentence names (a country, a demonym, a capital, a leader or body of a state,
as the actors stage resolved it) or a city found after a place word ("in Houston"), with its token span.
A dateline ("TEHRAN (Reuters) -") names where the story was filed, not who acted: its anchors are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.doc import Mention
from dyad.missions.lexicon import CueMatch, Lexicon, Token, tokenize_folded
from dyad.missions.places import PlaceIndex
from dyad.text.normalize import fold

# Kinds of actor mention that name a state (or one of its bodies): who can own, host or act.
_STATE_KINDS = (
    "country",
    "capital",
    "demonym",
    "leader",
    "role",
    "abbreviation",
    "epithet",
    "seat",
    "anaphor",
    "place",
)
# the pages a story is read from may begin with their date ("date 2018-05-14 "), before the dateline
_PAGE_DATE = r"(?:date [0-9-]{4,10}\s+)?"
_DATELINE = re.compile(r"^\s*" + _PAGE_DATE + r"[A-ZÁÉÍÓÚÑÇ][A-ZÁÉÍÓÚÑÇ .,'’/-]{2,}(?:\([^)]{0,40}\))?\s*[-–—:]\s")
# "Washington (CNN) Turkey is recalling ...": a place in title case and the agency in brackets
# (only where the place is a city: "The United Arab Emirates (UAE) recalled ..." is the actor)
_AGENCY_DATELINE = re.compile(
    r"^\s*" + _PAGE_DATE + r"(?P<place>[A-ZÁÉÍÓÚÑÇ][\w .'’-]{1,30})\s\([A-Z][A-Za-z]{1,11}\)\s*[-–—:]?\s"
)
_CLAUSE_PUNCT = {";", ":", "(", ")", "\u2022"}


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int  # token span, end exclusive
    end: int
    country: str
    city: str | None  # the city it names, as the places table spells it
    kind: str  # the mention's kind, or "city"
    text: str
    genitive: bool = False  # "Britain's", "the Palestinians'"
    district: str | None = None  # a district of `city` the words name ("Las Mercedes")


@dataclass(frozen=True, slots=True)
class Parsed:
    text: str
    folded: str
    tokens: list[Token]
    matches: list[CueMatch]
    anchors: list[Anchor]
    clause: list[int]  # clause number of each token
    lex: Lexicon

    def role_matches(self, role: str) -> list[CueMatch]:
        return [m for m in self.matches if m.cue.role == role]

    def word(self, i: int) -> str:
        return self.tokens[i].norm if 0 <= i < len(self.tokens) else ""

    def is_(self, role: str, i: int) -> bool:
        return self.lex.has(role, self.word(i))

    def role_at(self, role: str, i: int) -> bool:
        """Whether token i is a word of that role, or inside a phrase of it ("each other")."""
        return self.is_(role, i) or any(m.cue.role == role and m.start <= i < m.end for m in self.matches)

    def anchor_at(self, i: int) -> Anchor | None:
        return next((a for a in self.anchors if a.start <= i < a.end), None)

    def span_text(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]


def parse(text: str, mentions: list[Mention], lex: Lexicon, places: PlaceIndex) -> Parsed:
    folded = fold(text)
    tokens = tokenize_folded(folded)
    matches = lex.find(tokens)
    dateline = _DATELINE.match(text)
    agency = _AGENCY_DATELINE.match(text)
    if dateline is None and agency is not None and places.lookup(fold(agency.group("place"))) is not None:
        dateline = agency
    skip_before = dateline.end() if dateline else 0
    anchors = _mention_anchors(text, tokens, mentions, places, skip_before)
    anchors = _city_anchors(text, folded, tokens, anchors, lex, places, skip_before, _owners(tokens, anchors, matches))
    # "the Latin American nation", "sud-américain": a region's adjective, no state
    regions = [m for m in matches if m.cue.role == "nonactor"]
    anchors = [a for a in anchors if not any(r.start < a.end and a.start < r.end for r in regions)]
    return Parsed(
        text, folded, tokens, matches, sorted(anchors, key=lambda a: a.start), _clauses(tokens, lex, text), lex
    )


def _token_span(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    covered = [t.index for t in tokens if t.start < end and start < t.end]
    return (covered[0], covered[-1] + 1) if covered else None


def _mention_anchors(
    text: str, tokens: list[Token], mentions: list[Mention], places: PlaceIndex, skip_before: int
) -> list[Anchor]:
    anchors: list[Anchor] = []
    for m in mentions:
        if not m.country or m.kind not in _STATE_KINDS or m.end <= skip_before:
            continue
        if guessed_state(m):
            continue
        span = _token_span(tokens, m.start, m.end)
        if span is None:
            continue
        city = None
        if m.kind not in ("demonym", "role", "leader", "abbreviation", "anaphor"):  # a capital, place, seat ...
            hit = places.lookup(fold(m.text), (m.country,))
            city = hit.name if hit is not None and hit.country == m.country else None
            if m.kind == "country" and fold(m.name) == fold(m.text):
                city = None  # "Kuwait", "Djibouti": the country, whose capital has its name; "Dubai" is a city
        elif m.kind == "role":  # "the Moscow embassy": the role's country came from a city in it
            city = _city_in(m.text, m.country, places)
        after = fold(text[m.end : m.end + 2])
        genitive = after.startswith("'s") or after.startswith("s'") or (after[:1] == "'" and m.text.endswith("s"))
        district = places.district(fold(m.text)) if city else None
        # a place the actors stage found that is a city of the places table ("Vladivostok") is a city, as one the
        # table itself finds: where a mission is, never its owner nor an actor (capitals stay: they may stand
        # for their state)
        kind = "city" if m.kind == "place" and city is not None else m.kind
        anchors.append(Anchor(span[0], span[1], m.country, city, kind, m.text, genitive, district))
    return anchors


def guessed_state(m: Mention) -> bool:
    """A mention whose country the actors stage guessed, not read from its words: from the story's context,
    or a leader's name on a day the leader was not in office (most often another person of that name)."""
    return m.why.startswith("context:") or "not in office" in m.why


def _city_in(text: str, country: str, places: PlaceIndex) -> str | None:
    words = text.split()
    for n in range(min(3, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            hit = places.lookup(fold(" ".join(words[i : i + n])), (country,))
            if hit is not None and hit.country == country and words[i][:1].isupper():
                return hit.name
    return None


def _owners(tokens: list[Token], anchors: list[Anchor], matches: list[CueMatch]) -> set[int]:
    """The anchors (by start) that mark a mission word's owner ("US-Konsulat", "the US consulate")."""
    nouns = [m.start for m in matches if m.cue.role == "noun"]
    return {
        a.start
        for a in anchors
        for n in nouns
        if a.start <= n < a.end or a.end == n or (a.end + 1 == n and tokens[a.end].norm == "-")
    }


def _city_anchors(
    text: str,
    folded: str,
    tokens: list[Token],
    anchors: list[Anchor],
    lex: Lexicon,
    places: PlaceIndex,
    skip_before: int,
    owners: set[int],
) -> list[Anchor]:
    """Cities the actors stage does not name (it knows capitals): a capitalised name after a place word, or
    after a word of destination that follows an origin ("de Kiev a Lviv"). A name several cities bear is read
    in a country the sentence names, never for that only as a mission's owner: a mission stands abroad ("das
    US-Konsulat in St. Petersburg" is in Russia, not in Florida)."""
    prefer = [a for a in anchors if a.start not in owners]
    taken = {i for a in anchors for i in range(a.start, a.end)}
    found = list(anchors)
    for i, tok in enumerate(tokens):
        if tok.start < skip_before or not (
            lex.has("host", tok.norm) or lex.has("from", tok.norm) or lex.has("filler", tok.norm)
            or (lex.has("dest", tok.norm) and _after_origin(tokens, i, found, lex))  # "de Kiev a Lviv"
        ):
            continue
        j = i + 1
        starts = [j]  # "en la urbanización Las Mercedes": the article may begin the name
        while j < len(tokens) and lex.has("article", tokens[j].norm):
            j += 1
        starts.append(j)
        for start in dict.fromkeys(starts):
            hit = _city_at(text, folded, tokens, start, taken, prefer, places)
            if hit is not None:
                found.append(hit)
                taken.update(range(hit.start, hit.end))
                break
    return found


def _after_origin(tokens: list[Token], i: int, found: list[Anchor], lex: Lexicon) -> bool:
    """Whether the destination word at i follows a place after an origin word ("de Kiev a", "von Kiew nach"):
    only then does it name a place ("a", "para" are also articles and prepositions of purpose)."""
    before = next((a for a in found if a.end == i), None)
    if before is None:
        return False
    # the origin word before the place, or inside a mission the actors stage read with it ("embajada de Kiev")
    return any(lex.has("from", tokens[k].norm) for k in range(max(0, before.start - 1), before.end))


def _city_at(
    text: str, folded: str, tokens: list[Token], j: int, taken: set[int], anchors: list[Anchor], places: PlaceIndex
) -> Anchor | None:
    """The longest city name (of up to five words) that starts at token j with a capital letter."""
    if j >= len(tokens) or j in taken or not text[tokens[j].start : tokens[j].start + 1].isupper():
        return None
    for n in range(min(5, len(tokens) - j), 0, -1):
        if any(k in taken for k in range(j, j + n)):
            continue
        name = folded[tokens[j].start : tokens[j + n - 1].end]
        city = places.lookup(name, tuple(a.country for a in anchors))
        if city is not None:
            words = text[tokens[j].start : tokens[j + n - 1].end]
            return Anchor(j, j + n, city.country, city.name, "city", words, district=places.district(name))
    return None


def _clauses(tokens: list[Token], lex: Lexicon, text: str = "") -> list[int]:
    """Clause numbers: a new clause after ';', ':' or a bracket, and at a clause word ("while", "mientras");
    a relative clause between commas (", que havia sido fechada em fevereiro,") is one, and the clause it
    interrupts goes on after it with its number; a comma of a list of names inside it ("que también sirve
    a Afganistán, Kirguistán y Pakistán,") does not end it."""
    out, n, total = [], 0, 0
    outer: int | None = None  # the clause a relative clause between commas interrupts
    for i, tok in enumerate(tokens):
        relative = i > 0 and tokens[i - 1].norm == "," and lex.has("relative", tok.norm)
        if tok.norm == "," and outer is not None and not _a_listed_name_after(tokens, i, lex, text):
            n, outer = outer, None
        elif tok.norm in _CLAUSE_PUNCT or lex.has("boundary", tok.norm) or relative:
            total += 1
            if relative and outer is None:
                outer = n
            elif tok.norm in _CLAUSE_PUNCT:
                outer = None
            n = total
        out.append(n)
    return out


def _a_listed_name_after(tokens: list[Token], comma: int, lex: Lexicon, text: str) -> bool:
    """Whether a comma is followed by one more item of a list of names: one to three capitalised words,
    then another comma or a conjunction ("Afganistán, Kirguistán y Pakistán")."""
    j = comma + 1
    while j < len(tokens) and j - comma <= 3 and tokens[j].norm != "," and not lex.has("conj", tokens[j].norm):
        if not text[tokens[j].start : tokens[j].start + 1].isupper():
            return False
        j += 1
    return comma + 1 < j < len(tokens) and (tokens[j].norm == "," or lex.has("conj", tokens[j].norm))
