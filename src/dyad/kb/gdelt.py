"""GDELT 2.0 event exports into the store, beside dyad's own events: `dyad import gdelt FILE...`.

    summary = import_gdelt(store, ["20150218230000.export.CSV.zip"], on_bad=print_line)
    summary.to_dict()  # {"files": 1, "rows": ..., "imported": ..., "already": ..., "one_actor": ...,
                       #  "bad": ..., "unmapped_actors": ..., "unmapped_codes": {"AFR": 3, ...}}

A file is GDELT 2.0's event table, the layout `dyad export --format gdelt` writes
(`GDELT_COLUMNS`: 61 tab-separated columns, no header), plain (`.CSV`) or zipped (`.CSV.zip`).
Rows stream in batches; nothing holds a whole file. Each row becomes one event of provenance
"gdelt" with GDELT's own GlobalEventID, SOURCEURL, NumMentions, NumSources and NumArticles.

Actors: GDELT's CAMEO country codes become dyad's ISO alpha-3 codes through
data/gdelt/cameo_countries.tsv (ROM -> ROU, ...; a code that is an ISO code maps to itself), in the
country field and at the head of the actor code (ROMGOV -> ROUGOV). A country code that names no
country (a region like AFR, a state that no longer exists) is kept as given and counted. A row
with one actor only cannot be a dyad's event: it is counted and left out. A row that cannot be read
(wrong column count, a date or code that is not one) gets one line through `on_bad` and the
import goes on.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyad.data._load import read_tsv
from dyad.errors import InputError
from dyad.kb.export import GDELT_COLUMNS
from dyad.resources import CameoCode, default_resources
from dyad.store import Store, canonical_url
from dyad.store.imported import ImportedEvent
from dyad.store.writer import outlet_of

PROVENANCE = "gdelt"
COLUMN = {name: i for i, name in enumerate(GDELT_COLUMNS)}
BATCH = 5000  # rows a transaction
GDELT_CONFIDENCE = 1.0  # GDELT gives none; its events count in the ledger like dyad's sure ones


class RowError(ValueError):
    """A row that cannot be read as a GDELT 2.0 event (its message says why)."""


@dataclass(frozen=True, slots=True)
class CountryMap:
    """GDELT's CAMEO country codes -> dyad's ISO alpha-3 codes (None: no country)."""

    iso: Mapping[str, str]  # ISO alpha-3 -> the country's name
    cameo: Mapping[str, str | None]  # the codes of data/gdelt/cameo_countries.tsv

    def country(self, code: str) -> str | None:
        if code in self.cameo:
            return self.cameo[code]
        return code if code in self.iso else None


@lru_cache(maxsize=1)
def country_map() -> CountryMap:
    resources = default_resources()
    listed = {r["cameo"]: (r["iso3"] or None) for r in read_tsv("gdelt/cameo_countries.tsv", required=("cameo",))}
    return CountryMap({k: c.name for k, c in resources.countries.items()}, listed)


@dataclass(slots=True)
class ImportSummary:
    files: int = 0  # files read
    rows: int = 0  # rows read
    imported: int = 0  # events new to the store
    already: int = 0  # events the store held already (the same GlobalEventID)
    one_actor: int = 0  # rows with one actor only: no dyad, left out
    bad: int = 0  # rows that could not be read (one line each)
    unmapped_actors: int = 0  # actors whose country code names no country: kept as given
    unmapped_codes: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "rows": self.rows,
            "imported": self.imported,
            "already": self.already,
            "one_actor": self.one_actor,
            "bad": self.bad,
            "unmapped_actors": self.unmapped_actors,
            "unmapped_codes": dict(self.unmapped_codes.most_common(20)),
        }


def import_gdelt(
    store: Store,
    files: Iterable[str | Path],
    *,
    batch: int = BATCH,
    on_bad: Callable[[str, str], None] | None = None,
) -> ImportSummary:
    """Import GDELT 2.0 event files into the store; returns what happened (see `ImportSummary`).
    `on_bad(where, reason)` hears of each file or row that could not be read ("FILE:LINE")."""
    summary = ImportSummary()
    countries, cameo = country_map(), default_resources().cameo

    def bad(where: str, reason: str) -> None:
        summary.bad += 1
        if on_bad is not None:
            on_bad(where, reason)

    for file in files:
        path = Path(file)
        pending: list[ImportedEvent] = []
        try:
            with open_rows(path) as rows:
                summary.files += 1
                for lineno, cells in rows:
                    summary.rows += 1
                    try:
                        event = parse_row(cells, countries, cameo, summary.unmapped_codes)
                    except RowError as exc:
                        bad(f"{path.name}:{lineno}", str(exc))
                        continue
                    if event is None:
                        summary.one_actor += 1
                        continue
                    pending.append(event)
                    if len(pending) >= batch:
                        _flush(store, pending, path.name, summary)
        except InputError as exc:
            bad(path.name, str(exc))
        _flush(store, pending, path.name, summary)
    summary.unmapped_actors = sum(summary.unmapped_codes.values())
    return summary


def _flush(store: Store, pending: list[ImportedEvent], label: str, summary: ImportSummary) -> None:
    if pending:
        written = store.add_imported(pending, provenance=PROVENANCE, label=label)
        summary.imported += written
        summary.already += len(pending) - written
        pending.clear()


@contextmanager
def open_rows(path: Path) -> Iterator[Iterator[tuple[int, list[str]]]]:
    """(line number, cells) of a GDELT event file, plain or zipped, read a line at a time."""
    if not path.is_file():
        raise InputError("no such file")
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = [m for m in archive.namelist() if not m.endswith("/")]
                if not members:
                    raise InputError("an empty zip archive")
                with archive.open(members[0]) as raw:
                    yield _cells(io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline=""))
        else:
            with path.open(encoding="utf-8", errors="replace", newline="") as text:
                yield _cells(text)
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        raise InputError(f"cannot read ({getattr(exc, 'strerror', None) or exc})") from exc


def _cells(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    for lineno, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if line:
            yield lineno, line.split("\t")


def parse_row(
    cells: list[str],
    countries: CountryMap,
    cameo: Mapping[str, CameoCode],
    unmapped: Counter[str] | None = None,
) -> ImportedEvent | None:
    """One GDELT 2.0 event row as an `ImportedEvent`; None for a row with one actor; `RowError` else.

    `unmapped` counts the country codes of actors kept without a country.
    """
    if len(cells) != len(GDELT_COLUMNS):
        hint = " (GDELT 1.0's layout? dyad reads GDELT 2.0 event exports)" if len(cells) in (57, 58) else ""
        raise RowError(f"{len(cells)} columns, not the 61 of a GDELT 2.0 event{hint}")

    def col(name: str) -> str:
        return cells[COLUMN[name]].strip()

    event_id = col("GLOBALEVENTID")
    if not event_id.isdigit():
        raise RowError(f"GLOBALEVENTID {event_id[:20]!r} is not a number")
    day = _day(col("SQLDATE"))
    code, root = col("EventCode"), col("EventRootCode") or col("EventCode")[:2]
    if not (code.isdigit() and 2 <= len(code) <= 4 and code[:2] == root and root in cameo):
        raise RowError(f"EventCode {code[:10]!r} (root {root[:4]!r}) is not a CAMEO code")
    quad = _int(col("QuadClass"), "QuadClass")
    if quad not in (1, 2, 3, 4):
        raise RowError(f"QuadClass {quad} is not 1-4")
    goldstein = _float(col("GoldsteinScale"), "GoldsteinScale")
    counts = [_int(col(n) or "1", n) for n in ("NumMentions", "NumSources", "NumArticles")]
    source, target = _actor(cells, "Actor1", countries), _actor(cells, "Actor2", countries)
    if source is None or target is None:
        return None
    for actor in (source, target):
        given = actor.pop("unmapped", None)
        if given and unmapped is not None:
            unmapped[given] += 1
    known = cameo.get(code) or cameo.get(code[:3]) or cameo[root]
    url = col("SOURCEURL") or None
    document_id = f"{PROVENANCE}:{_canonical(url) if url else 'event/' + event_id}"
    location = _place(cells, countries)
    tone = col("AvgTone")
    payload: dict[str, Any] = {
        "doc_id": document_id,
        "sentence": 0,
        "sentence_text": "",
        "source": source,
        "target": target,
        "cameo": code,
        "root": root,
        "plover": known.plover if known.code == code else None,
        "quad": quad,
        "penta": cameo[root].penta,
        "goldstein": goldstein,
        "mode": "factual",
        "confidence": GDELT_CONFIDENCE,
        "date": day,
        "location": location,
        "trigger": None,
        "url": url,
        "provenance": PROVENANCE,
        "gdelt": {
            "id": int(event_id),
            "num_mentions": counts[0],
            "num_sources": counts[1],
            "num_articles": counts[2],
            "avg_tone": _float(tone, "AvgTone") if tone else None,
            "is_root_event": 1 if col("IsRootEvent") == "1" else 0,
            "date_added": col("DATEADDED"),
            "action_geo_country": col("ActionGeo_CountryCode") or None,
        },
    }
    return ImportedEvent(
        external_id=event_id,
        url=url,
        document_id=document_id,
        source_code=source["code"],
        source_country=source["country"],
        target_code=target["code"],
        target_country=target["country"],
        cameo=code,
        root=root,
        quad=quad,
        penta=cameo[root].penta,
        goldstein=goldstein,
        date=day,
        location_name=location["name"] if location else None,
        location_country=location["country"] if location else None,
        num_mentions=counts[0],
        num_sources=counts[1],
        num_articles=counts[2],
        first_seen=_added(col("DATEADDED")),
        outlet=_outlet(url) if url else None,
        payload=payload,
    )


# An article gives GDELT several events: its URL is read once for all of them.
_canonical = lru_cache(maxsize=4096)(canonical_url)
_outlet = lru_cache(maxsize=4096)(outlet_of)


def _actor(cells: list[str], prefix: str, countries: CountryMap) -> dict[str, Any] | None:
    """An actor as the contract writes one (with "unmapped": the country code when it names no
    country), or None when GDELT gives no actor there."""
    code = cells[COLUMN[f"{prefix}Code"]].strip()
    if not code:
        return None
    given = cells[COLUMN[f"{prefix}CountryCode"]].strip()
    name = cells[COLUMN[f"{prefix}Name"]].strip()
    country = countries.country(given) if given else None
    if country is not None and code.startswith(given):
        code = country + code[len(given) :]
    sector = cells[COLUMN[f"{prefix}Type1Code"]].strip() or None
    shown = countries.iso.get(country, "") if country else ""
    actor: dict[str, Any] = {
        "text": name or code,
        "start": 0,
        "end": 0,
        "code": code,
        "country": country,
        "sector": sector,
        "name": shown or name.title() or code,
    }
    if given and country is None:
        actor["unmapped"] = given
    return actor


def _place(cells: list[str], countries: CountryMap) -> dict[str, Any] | None:
    """The action's place; its country only when given as an ISO code (GDELT gives FIPS 10-4 there)."""
    name = cells[COLUMN["ActionGeo_FullName"]].strip()
    if not name:
        return None
    given = cells[COLUMN["ActionGeo_CountryCode"]].strip()
    lat, lon = cells[COLUMN["ActionGeo_Lat"]].strip(), cells[COLUMN["ActionGeo_Long"]].strip()
    try:
        point = (float(lat), float(lon)) if lat and lon else (None, None)
    except ValueError:
        point = (None, None)
    return {
        "name": name,
        "country": given if given in countries.iso else None,
        "lat": point[0],
        "lon": point[1],
    }


def _day(text: str) -> str:
    """SQLDATE (YYYYMMDD) as YYYY-MM-DD (read by hand: strptime took a fifth of an import's time)."""
    try:
        if len(text) != 8 or not text.isdigit():
            raise ValueError
        dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise RowError(f"SQLDATE {text[:20]!r} is not a date like 20150623") from None
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def _added(text: str) -> str:
    """DATEADDED (YYYYMMDDHHMMSS) as ISO 8601; an unreadable one becomes the day it names, or now."""
    if text.isdigit() and len(text) in (8, 14):
        clock = text[8:] or "000000"
        try:
            dt.datetime(int(text[:4]), int(text[4:6]), int(text[6:8]), int(clock[:2]), int(clock[2:4]),
                        int(clock[4:]))
            return f"{text[:4]}-{text[4:6]}-{text[6:8]}T{clock[:2]}:{clock[2:4]}:{clock[4:]}Z"
        except ValueError:
            pass
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _int(text: str, name: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise RowError(f"{name} {text[:20]!r} is not a whole number") from None


def _float(text: str, name: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise RowError(f"{name} {text[:20]!r} is not a number") from None

