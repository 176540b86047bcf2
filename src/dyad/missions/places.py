"""Cities by any of their names: GeoNames' (data/places/cities.tsv) and other languages' (data/places/exonyms.tsv).

    index = place_index(resources)
    index.lookup("damaskus")   # (City(name="Damascus", country="SYR", ...),)

A district ("Chacao") stands for the city it belongs to, as the missions table files it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyad.data._load import read_tsv
from dyad.resources import Resources
from dyad.text.normalize import fold_key


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    by_name: dict[str, tuple[City, ...]]  # folded name -> its cities, most populous first
    capitals: dict[str, str]  # country -> its capital's name
    districts: dict[str, str]  # folded name of a district -> the district's name ("las mercedes": "Las Mercedes")

    def district(self, folded_name: str) -> str | None:
        return self.districts.get(fold_key(folded_name))

    def lookup(self, folded_name: str, prefer: tuple[str, ...] = ()) -> City | None:
        """The city of that name in a preferred country, else a capital of that name, else the most populous."""
        cities = self.by_name.get(fold_key(folded_name), ())
        if not cities:
            return None
        for country in prefer:
            hit = next((c for c in cities if c.country == country), None)
            if hit is not None:
                return hit
        capital = next((c for c in cities if self.capitals.get(c.country) == c.name), None)
        return capital or cities[0]


@lru_cache(maxsize=4)
def place_index(resources: Resources) -> PlaceIndex:
    """Built once per `Resources`, and kept in the compiled-tables cache (dyad/cache.py)."""
    return resources.compiled("missions-places", lambda: _build(resources), PlaceIndex, bundled_only=True)


def _build(resources: Resources) -> PlaceIndex:
    table: dict[str, list[City]] = {}
    cities: dict[tuple[str, str], City] = {}
    districts: dict[str, str] = {}
    for places in resources.places.values():
        for p in places:
            if not p.city_of:
                cities[(p.name, p.country)] = City(p.name, p.country, p.lat, p.lon, p.population)
    for places in resources.places.values():
        for p in places:
            city = cities.get((p.city_of, p.country)) if p.city_of else cities.get((p.name, p.country))
            if city is not None:
                table.setdefault(fold_key(p.name), []).append(city)
                if p.city_of:
                    districts[fold_key(p.name)] = p.name
    for row in read_tsv("places/exonyms.tsv", required=("name", "city", "country")):
        city = cities.get((row["city"], row["country"]))
        if city is not None:
            table.setdefault(fold_key(row["name"]), []).append(city)
    by_name = {name: tuple(sorted(set(found), key=lambda c: -c.population)) for name, found in table.items()}
    capitals = {iso3: c.capital for iso3, c in resources.countries.items() if c.capital}
    return PlaceIndex(by_name, capitals, districts)
