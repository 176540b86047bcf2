"""Where an event happened: a city after a locative preposition, else a country so introduced."""

from __future__ import annotations

import re
from dataclasses import replace

from dyad.coding.grammar import Grammar
from dyad.coding.spans import token_spans
from dyad.doc import Location, Mention
from dyad.resources import Resources
from dyad.text.tokens import Token

_LOCATIVE = re.compile(
    r"\b(?:in|at|en|near|cerca de)\s+((?:[A-ZÁÉÍÓÚÑ][\w'’-]*)(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]*){0,2})"
)


def find_location(
    sentence_text: str, mentions: list[Mention], resources: Resources, prefer_country: str | None = None
) -> Location | None:
    for m in _LOCATIVE.finditer(sentence_text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            places = resources.places.get(name.casefold())
            if not places:
                continue
            chosen = (
                next((p for p in places if p.country == prefer_country), places[0])
                if prefer_country
                else places[0]
            )
            if chosen.city_of:  # a district: report its city, as the missions table does
                city = next(
                    (
                        p
                        for p in resources.places.get(chosen.city_of.casefold(), [])
                        if p.country == chosen.country
                    ),
                    chosen,
                )
                return Location(city.name, city.country, city.lat, city.lon)
            return Location(chosen.name, chosen.country, chosen.lat, chosen.lon)
    for mention in mentions:
        before = sentence_text[max(0, mention.start - 4) : mention.start].lower()
        if (
            mention.kind in ("country", "capital")
            and mention.country
            and before.rstrip().endswith((" in", " en"))
        ):
            return Location(mention.name, mention.country, None, None)
    return None


# Groups of people named without a state ("hundreds of people", "students", "workers"): in a place, they are
# its people. Other groups (refugees, migrants) are often strangers where they stand.
PEOPLE = frozenset({"CVL", "EDU", "LAB"})
# How far before a place its locative preposition may stand: "em Lisboa", "in der Ukraine", "no sul do Líbano".
_LOCATIVE_REACH = 3


def locate_people(
    tokens: list[Token], mentions: list[Mention], grammar: Grammar, resources: Resources
) -> list[Mention]:
    """People named without a state ("Centenas de pessoas protestaram em Lisboa ...") take the country of the one
    place the sentence puts something in, in the languages whose grammar says so (`located_people`); with no
    such place, or places in two countries, they keep none."""
    if not grammar.flag("located_people"):
        return mentions
    people = [m for m in mentions if m.kind == "role" and m.country is None and m.sector in PEOPLE]
    if not people:
        return mentions
    places = {
        s.mention.country
        for s in token_spans(tokens, mentions)
        if s.mention.country
        and s.mention.kind in ("country", "capital", "place")
        and any(t.norm in grammar.of("locative") for t in tokens[max(0, s.first - _LOCATIVE_REACH) : s.first])
    }
    if len(places) != 1:
        return mentions
    country = places.pop()
    name = resources.country_name(country) or country
    why = f"; people in a place of {country}"
    return [
        replace(m, code=f"{country}{m.sector}", country=country, name=name, why=m.why + why) if m in people else m
        for m in mentions
    ]
