"""`Resources`: every table dyad works from, read once from the bundled data files.

Stages receive a `Resources` through their constructor; nothing reads data at import time.
Tables load on first use and are never changed afterwards. User dictionaries (`--dict PATH`)
are layered on top of the bundled ones. What is slow to build from the tables (the places here,
the stages' automata and indexes) is kept compiled on disk between runs (`compiled`, see
dyad.cache), keyed by the data it came from.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

from dyad.cache import TableCache, bundled_fingerprint, bundled_fingerprint_now, digest, file_parts
from dyad.data._load import read_tsv
from dyad.errors import DataFileError

T = TypeVar("T")


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
    cap_case: bool = False  # matches only when the text writes it with an initial capital
    title: bool = False  # a person's title ("Foreign Minister"): the name after it joins the mention
    org: bool = False  # an organisation's head ("Association"): needs a capitalised name before it


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A name with several senses ("Korea", "Georgia") and the context cues that pick one."""

    name: str
    senses: tuple[str, ...]  # codes, the first is the default; "-" = not an actor
    cues: dict[str, tuple[str, ...]]  # sense -> phrases that vote for it
    person: bool  # also a person's name: dropped next to another capitalised word
    kind: str = "country"  # what the name is when it is an actor: country, demonym or capital


@dataclass(frozen=True, slots=True)
class Leader:
    name: str
    code: str
    country: str | None
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

    def __init__(self, user_dicts: Sequence[Path] = (), labels: Mapping[Path, str] | None = None, *,
                 cache: TableCache | None = None):
        self.user_dicts = tuple(user_dicts)
        # What a dictionary is called in explanations ("user:PATH"): a Dask worker reads a copy of
        # the client's file, and explains with the client's path.
        self.labels = dict(labels or {})
        # Where compiled tables are kept: by default the user's cache folder; TableCache(None) keeps none.
        self.cache = cache if cache is not None else TableCache.default()

    def _label(self, path: Path) -> str:
        return self.labels.get(path, str(path))

    @cached_property
    def fingerprint(self) -> str:
        """A key over the data these tables come from: the bundled files and each user dictionary."""
        return self._fingerprint_now()

    def _fingerprint_now(self, bundled: str | None = None) -> str:
        labels = [self._label(path) for path in self.user_dicts]
        return digest([bundled or bundled_fingerprint(), *labels, *file_parts(self.user_dicts)])

    def compiled(self, name: str, build: Callable[[], T], kind: type[T], *key: str | bytes,
                 bundled_only: bool = False) -> T:
        """A table derived from these tables, read back from the cache when one was built from the same
        data (and the same `key`: the table's own settings), else built now by `build()` and kept.
        `bundled_only`: the table reads no user dictionary, so one copy serves every `--dict`. A user
        dictionary or a bundled data file edited while the table was built is not kept under its old
        content's key (read again after a build only: a build is rare, a read-back is not)."""
        source = bundled_fingerprint() if bundled_only else self.fingerprint

        def unchanged() -> bool:
            bundled = bundled_fingerprint_now()
            return (bundled if bundled_only else self._fingerprint_now(bundled)) == source

        return self.cache.load_or_build(name, digest([name, source, *key]), build, kind, unchanged)

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
        return {r["iso3"]: Country(**{k: r[k] for k in Country.__slots__}) for r in rows}

    @cached_property
    def actor_names(self) -> tuple[ActorName, ...]:
        names = [_actor_name(r) for r in read_tsv("actors/names.tsv", required=("name", "code"))]
        for path in self.user_dicts:
            rows = read_user_dict(path)
            names.extend(_actor_name(r, source=f"user:{self._label(path)}") for r in rows if not r.get("start"))
        return tuple(names)

    @cached_property
    def anaphora(self) -> tuple[ActorName, ...]:
        """Phrases that refer back to one country ("the country") or two ("both nations")."""
        return tuple(
            ActorName(name=r["phrase"], code=r["refers"], country=None, sector=None, kind="anaphor",
                      lang=r["lang"] or "und", exact_case=False, source="anaphora")
            for r in read_tsv("actors/anaphora.tsv", required=("phrase", "refers"))
        )

    @cached_property
    def descriptors(self) -> dict[str, frozenset[str] | None]:
        """Folded words that describe a state without naming it ("central african", "gulf", "-rich") -> the
        states they fit, None for any state (data/actors/descriptors.tsv)."""
        from dyad.text.normalize import fold_key

        by_continent: dict[str, set[str]] = {}
        for c in self.countries.values():
            by_continent.setdefault(c.continent, set()).add(c.iso3)
        table: dict[str, frozenset[str] | None] = {}
        for r in read_tsv("actors/descriptors.tsv", required=("phrase", "members")):
            if r["members"] == "*":
                table[fold_key(r["phrase"])] = None
                continue
            members: set[str] = set()
            for part in r["members"].split("|"):
                if part.startswith("@"):
                    members |= by_continent.get(part[1:], set())
                elif part in self.countries:
                    members.add(part)
                else:
                    raise DataFileError(
                        f"actors/descriptors.tsv: '{r['phrase']}': '{part}' is neither an ISO alpha-3 code, "
                        "'@' and a continent nor '*'; fix the row and rebuild"
                    )
            table[fold_key(r["phrase"])] = frozenset(members)
        return table

    @cached_property
    def ambiguity(self) -> dict[str, Ambiguity]:
        """Folded name -> its senses and cues (data/actors/ambiguity.tsv)."""
        from dyad.text.normalize import fold_key

        table = {}
        for r in read_tsv("actors/ambiguity.tsv", required=("name", "senses")):
            cues: dict[str, tuple[str, ...]] = {}
            for part in r["cues"].split(";"):
                sense, _, words = part.partition(":")
                if sense.strip():
                    cues[sense.strip()] = tuple(w.strip() for w in words.split(",") if w.strip())
            table[fold_key(r["name"])] = Ambiguity(r["name"], tuple(r["senses"].split("|")), cues,
                                                   r.get("person", "") == "yes", r.get("kind") or "country")
        return table

    @cached_property
    def roles(self) -> tuple[ActorName, ...]:
        """Role words as names with a sector and no country ("the government", "ejército")."""
        return tuple(
            ActorName(name=r["phrase"], code=r["bare"] or r["sector"], country=None, sector=r["sector"],
                      kind="role", lang=r["lang"] or "und", exact_case=False,
                      source="bare" if r["bare"] else "role", title=r.get("title", "") == "yes",
                      org=r.get("title", "") == "org")
            for r in read_tsv("actors/roles.tsv", required=("phrase", "sector"))
        )

    @cached_property
    def leaders(self) -> tuple[Leader, ...]:
        out = []
        rows = read_tsv("actors/leaders.tsv", required=("name", "code", "start"))
        for path in self.user_dicts:
            rows.extend({**r, "source": f"user:{self._label(path)}"} for r in read_user_dict(path) if r.get("start"))
        for r in rows:
            code = r["code"].upper()
            international = code.startswith(("IGO", "NGO", "IMG"))
            out.append(
                Leader(
                    name=r["name"],
                    code=code,
                    country=(r.get("country") or None) if international else (r.get("country") or code[:3]),
                    sector=r.get("sector") or (code[3:6] if not international else code[:3]) or "GOV",
                    start=r["start"],
                    end=r["end"] or None,
                    aliases=tuple(a for a in r.get("aliases", "").split("|") if a),
                    source=r.get("source", ""),
                )
            )
        return tuple(out)

    @cached_property
    def places(self) -> PlaceTable:
        """Place name (case-folded) -> places of that name, most populous first."""
        return self.compiled("places", _read_places, PlaceTable, bundled_only=True)

    @cached_property
    def districts(self) -> dict[tuple[str, str], tuple[Place, ...]]:
        """(city, country) -> the districts filed under that city (Las Mercedes, Chacao -> Caracas)."""
        table: dict[tuple[str, str], list[Place]] = {}
        for places in self.places.values():
            for p in places:
                if p.city_of:
                    table.setdefault((p.city_of, p.country), []).append(p)
        return {k: tuple(v) for k, v in table.items()}

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


PlaceRow = tuple[str, str, float, float, int, str | None]  # a Place's fields, in order


class PlaceTable(Mapping[str, list[Place]]):
    """Place name (case-folded) -> places of that name, most populous first. Kept as plain rows
    (quick to read back from the cache); a name's `Place` objects are made when it is looked up."""

    def __init__(self, rows: dict[str, tuple[PlaceRow, ...]]):
        self._rows = rows
        self._made: dict[str, list[Place]] = {}

    def __getitem__(self, key: str) -> list[Place]:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = [Place(*row) for row in self._rows[key]]
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __getstate__(self) -> dict[str, tuple[PlaceRow, ...]]:
        return self._rows

    def __setstate__(self, rows: dict[str, tuple[PlaceRow, ...]]) -> None:
        self._rows = rows
        self._made = {}


def _read_places() -> PlaceTable:
    table: dict[str, list[PlaceRow]] = {}
    for r in read_tsv("places/cities.tsv", required=("name", "country", "lat", "lon")):
        row = (r["name"], r["country"], float(r["lat"]), float(r["lon"]), int(r["population"] or 0),
               r["city_of"] or None)
        table.setdefault(r["name"].casefold(), []).append(row)
    return PlaceTable({key: tuple(sorted(rows, key=lambda row: -row[4])) for key, rows in table.items()})


_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3}){0,2}$")


def read_user_dict(path: Path) -> list[dict[str, str]]:
    """A user dictionary: TSV (or CSV, by its .csv suffix) with a header naming at least `name` and `code`.

    Optional columns: kind, lang, case (exact|cap), sector, country, and start/end (YYYY-MM-DD):
    a row with a start date is an office holder (a leader) valid between the dates; `aliases`
    lists other names of that person, |-separated. See docs/actors.md.
    """
    if path.suffix.lower() == ".csv":
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(f"{path}: cannot read user dictionary ({exc}); check the path and UTF-8") \
                from exc
        reader = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
        if not reader.fieldnames or not {"name", "code"} <= set(reader.fieldnames):
            raise DataFileError(f"{path}:1: the header must name the columns name and code")
        rows = [{k: (v or "").strip() for k, v in r.items() if k} for r in reader]
    else:
        rows = read_tsv(path, required=("name", "code"))
    for lineno, r in enumerate(rows, 2):
        if not _CODE.match(r.get("code", "").upper()) or not r.get("name"):
            raise DataFileError(f"{path}: row {lineno}: code '{r.get('code', '')}' is not an actor code like "
                                "VEN, VENGOV or IGOUNO (or the name is empty); fix the row")
        if r.get("start") and not re.match(r"^\d{4}-\d{2}-\d{2}$", r["start"]):
            raise DataFileError(f"{path}: row {lineno}: start '{r['start']}' is not a date like 2015-06-23")
    return rows


def _actor_name(row: dict[str, str], source: str | None = None) -> ActorName:
    code = row["code"].upper()
    international = code.startswith(("IGO", "NGO", "IMG"))
    if "country" in row and source is None:  # bundled table: the builder knows which codes are countries
        country = row["country"]
    else:
        country = row.get("country") or (code[:3] if len(code) >= 3 and not international else "")
    if international:
        sector = row.get("sector") or {"IMG": "REB"}.get(code[:3], code[:3])
    else:
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
        cap_case=(row.get("case") or "") == "cap",
    )


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """The bundled tables, shared by every call in this process that does not bring its own."""
    return Resources()
