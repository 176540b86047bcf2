"""`Resources`: every table dyad works from, read once from the bundled data files.

Stages receive a `Resources` through their constructor; nothing reads data at import time.
Tables load on first use and are never changed afterwards. User dictionaries (`--dict PATH`)
are layered on top of the bundled ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from dyad.data._load import read_tsv
from dyad.errors import DataFileError


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad: int
    penta: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name: str
    formal: str
    name_es: str
    capital: str
    continent: str
    flag: str


@dataclass(frozen=True, slots=True)
class ActorName:
    name: str
    code: str
    country: str | None
    sector: str | None
    kind: str
    lang: str
    exact_case: bool
    source: str


@dataclass(frozen=True, slots=True)
class Leader:
    name: str
    code: str
    country: str
    sector: str
    start: str
    end: str | None
    aliases: tuple[str, ...]
    source: str

    def in_office(self, date: str | None) -> bool:
        if not date:
            return self.end is None
        return self.start <= date and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float
    population: int
    city_of: str | None


class Resources:
    """The tables, loaded lazily and then fixed. Build one and share it between stages."""

    def __init__(self, user_dicts: Sequence[Path] = ()):
        self.user_dicts = tuple(user_dicts)

    @cached_property
    def cameo(self) -> dict[str, CameoCode]:
        table = {}
        for row in read_tsv("cameo/codes.tsv", required=("code", "root", "name", "goldstein")):
            table[row["code"]] = CameoCode(
                code=row["code"],
                root=row["root"],
                name=row["name"],
                goldstein=float(row["goldstein"]),
                quad=int(row["quad"]),
                penta=int(row["penta"]),
                plover=row["plover"] or None,
                plover_mode=row["plover_mode"] or None,
                plover_context=row["plover_context"] or None,
            )
        return table

    @cached_property
    def countries(self) -> dict[str, Country]:
        rows = read_tsv("actors/countries.tsv", required=("iso3", "iso2", "name"))
        return {r["iso3"]: Country(**{k: r[k] for k in Country.__slots__}) for r in rows}  # type: ignore[attr-defined]

    @cached_property
    def actor_names(self) -> tuple[ActorName, ...]:
        names = [_actor_name(r) for r in read_tsv("actors/names.tsv", required=("name", "code"))]
        for path in self.user_dicts:
            names.extend(_actor_name(r, source=str(path)) for r in read_tsv(path, required=("name", "code")))
        return tuple(names)

    @cached_property
    def roles(self) -> tuple[ActorName, ...]:
        """Role words as names with a sector and no country ("the government", "ejército")."""
        return tuple(
            ActorName(name=r["phrase"], code=r["bare"] or r["sector"], country=None, sector=r["sector"],
                      kind="role", lang=r["lang"] or "und", exact_case=False,
                      source="bare" if r["bare"] else "role")
            for r in read_tsv("actors/roles.tsv", required=("phrase", "sector"))
        )

    @cached_property
    def leaders(self) -> tuple[Leader, ...]:
        out = []
        for r in read_tsv("actors/leaders.tsv", required=("name", "code", "start")):
            out.append(
                Leader(
                    name=r["name"],
                    code=r["code"],
                    country=r["country"] or r["code"][:3],
                    sector=r["sector"] or "GOV",
                    start=r["start"],
                    end=r["end"] or None,
                    aliases=tuple(a for a in r.get("aliases", "").split("|") if a),
                    source=r.get("source", ""),
                )
            )
        return tuple(out)

    @cached_property
    def places(self) -> dict[str, list[Place]]:
        """Place name (case-folded) -> places of that name, most populous first."""
        table: dict[str, list[Place]] = {}
        for r in read_tsv("places/cities.tsv", required=("name", "country", "lat", "lon")):
            place = Place(r["name"], r["country"], float(r["lat"]), float(r["lon"]),
                          int(r["population"] or 0), r["city_of"] or None)
            table.setdefault(r["name"].casefold(), []).append(place)
        for places in table.values():
            places.sort(key=lambda p: -p.population)
        return table

    def country_name(self, iso3: str | None) -> str | None:
        if not iso3:
            return None
        country = self.countries.get(iso3)
        return country.name if country else None

    def cameo_code(self, code: str) -> CameoCode:
        try:
            return self.cameo[code]
        except KeyError as exc:
            raise DataFileError(f"unknown CAMEO code '{code}' in a pattern file; use a code from "
                                "data/cameo/codes.tsv") from exc


def _actor_name(row: dict[str, str], source: str | None = None) -> ActorName:
    code = row["code"].upper()
    country = row.get("country") or (code[:3] if len(code) >= 3 and not code.startswith(("IGO", "NGO")) else "")
    sector = row.get("sector") or (code[3:6] if len(code) >= 6 else "")
    return ActorName(
        name=row["name"],
        code=code,
        country=country or None,
        sector=sector or None,
        kind=row.get("kind") or "country",
        lang=row.get("lang") or "und",
        exact_case=(row.get("case") or "") == "exact",
        source=source or row.get("source") or "",
    )


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """The bundled tables, shared by every call in this process that does not bring its own."""
    return Resources()
