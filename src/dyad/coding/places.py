"""Where an event happened: a city after a locative preposition, else a country so introduced."""

from __future__ import annotations

import re

from dyad.doc import Location, Mention
from dyad.resources import Resources

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
