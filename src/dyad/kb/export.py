"""Export the store's merged events: CSV, JSONL, Parquet, or GDELT 2.0's 61-column event layout.

    with open("events.tsv", "w") as out:
        n = export_events(store, "gdelt", out)

Events stream from the store in batches; nothing holds the whole table. The GDELT layout is the
2.0 event table's (tab-separated, no header, `GDELT_COLUMNS` in order) with two differences
documented in docs/store.md: country codes in the geography columns are ISO alpha-3 (GDELT
uses FIPS 10-4 there) and AvgTone is empty (dyad does not score tone) unless the event was
imported from GDELT (dyad/kb/gdelt.py), whose IsRootEvent and AvgTone are written back as given.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from typing import IO, Any

from dyad.errors import InputError
from dyad.kb.ledger import min_confidence as ledger_floor
from dyad.store import Store

FORMATS = ("csv", "jsonl", "parquet", "gdelt")

FLAT_COLUMNS = (
    "event_id",
    "day",
    "date",
    "source_code",
    "source_country",
    "source_sector",
    "source_name",
    "target_code",
    "target_country",
    "target_sector",
    "target_name",
    "cameo",
    "root",
    "plover",
    "quad",
    "penta",
    "goldstein",
    "mode",
    "confidence",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "num_mentions",
    "num_sources",
    "num_articles",
    "doc_id",
    "url",
    "sentence",
    "sentence_text",
    "first_seen",
)

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{x}" for x in _ACTOR),
    *(f"Actor2{x}" for x in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{x}" for x in _GEO),
    *(f"Actor2Geo_{x}" for x in _GEO),
    *(f"ActionGeo_{x}" for x in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    src, tgt, loc = event["source"], event["target"], event.get("location") or {}
    return {
        "event_id": event["event_id"],
        "day": event.get("day"),
        "date": event.get("date"),
        "source_code": src["code"],
        "source_country": src.get("country"),
        "source_sector": src.get("sector"),
        "source_name": src.get("name"),
        "target_code": tgt["code"],
        "target_country": tgt.get("country"),
        "target_sector": tgt.get("sector"),
        "target_name": tgt.get("name"),
        "cameo": event["cameo"],
        "root": event["root"],
        "plover": event.get("plover"),
        "quad": event["quad"],
        "penta": event["penta"],
        "goldstein": event["goldstein"],
        "mode": event["mode"],
        "confidence": event["confidence"],
        "location_name": loc.get("name"),
        "location_country": loc.get("country"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "num_mentions": event["num_mentions"],
        "num_sources": event["num_sources"],
        "num_articles": event["num_articles"],
        "doc_id": event["doc_id"],
        "url": event.get("url"),
        "sentence": event["sentence"],
        "sentence_text": event["sentence_text"],
        "first_seen": event.get("first_seen"),
    }


def gdelt_row(event: dict[str, Any]) -> list[str]:
    """One event in GDELT 2.0's event layout (61 fields)."""
    day = event.get("day")
    when = dt.date.fromisoformat(day) if day else None
    src, tgt, loc = event["source"], event["target"], event.get("location")
    if loc and loc.get("lat") is not None:
        geo = ["4", loc["name"], loc.get("country") or "", "", "", _num(loc["lat"]), _num(loc["lon"]), ""]
    elif loc:
        geo = ["1", loc["name"], loc.get("country") or "", "", "", "", "", ""]
    else:
        geo = [""] * 8
    added = (event.get("first_seen") or "").replace("-", "").replace("T", "").replace(":", "").rstrip("Z")
    cameo = event["cameo"]
    imported = event.get("gdelt") or {}  # an event imported from GDELT keeps what GDELT said of it
    root_event = imported.get("is_root_event", 1 if event["sentence"] < 3 else 0)
    tone = imported.get("avg_tone")
    return [
        str(x)
        for x in (
            event["event_id"],
            when.strftime("%Y%m%d") if when else "",
            when.strftime("%Y%m") if when else "",
            when.year if when else "",
            f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}" if when else "",
            *_actor(src),
            *_actor(tgt),
            root_event,
            cameo,
            cameo[:3],
            event["root"],
            event["quad"],
            _num(event["goldstein"]),
            event["num_mentions"],
            event["num_sources"],
            event["num_articles"],
            "" if tone is None else repr(float(tone)),
            *([""] * 8),
            *([""] * 8),
            *geo,
            added[:14],
            event.get("url") or "",
        )
    ]


def _actor(actor: dict[str, Any]) -> list[str]:
    return [
        actor["code"],
        (actor.get("name") or "").upper(),
        actor.get("country") or "",
        "",
        "",
        "",
        "",
        actor.get("sector") or "",
        "",
        "",
    ]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def export_events(
    store: Store,
    fmt: str,
    out: IO[str] | None = None,
    *,
    path: str | None = None,
    batch: int = 2000,
    min_confidence: float | None = None,
    provenance: str | None = None,
) -> int:
    """Write the merged events at or above `min_confidence` (the ledger's default when None), of
    `provenance` ("dyad", "gdelt"; every one when None), in `fmt` to `out` (text formats) or `path`
    (parquet); returns the count written (`store.count_below(...)` tells how many were left out)."""
    events = store.iter_merged_events(
        batch=batch, min_confidence=ledger_floor(min_confidence), provenance=provenance
    )
    if fmt == "parquet":
        if path is None:
            raise InputError("parquet needs a file: dyad export --format parquet --output FILE.parquet")
        return _parquet(events, path, batch)
    if out is None:
        raise InputError(f"{fmt} needs an output stream")
    count = 0
    if fmt == "jsonl":
        for event in events:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for event in events:
            writer.writerow(flat_row(event))
            count += 1
    elif fmt == "gdelt":
        for event in events:
            out.write("\t".join(v.replace("\t", " ").replace("\n", " ") for v in gdelt_row(event)) + "\n")
            count += 1
    else:
        raise InputError(f"unknown export format '{fmt}'; use one of {', '.join(FORMATS)}")
    return count


def _parquet(events: Iterator[dict[str, Any]], path: str, batch: int) -> int:
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    schema = pa.schema(
        [
            (
                name,
                pa.int64()
                if name
                in ("event_id", "quad", "penta", "num_mentions", "num_sources", "num_articles", "sentence")
                else pa.float64()
                if name in ("goldstein", "confidence", "lat", "lon")
                else pa.string(),
            )
            for name in FLAT_COLUMNS
        ]
    )
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        rows: list[dict[str, Any]] = []
        for event in events:
            rows.append(flat_row(event))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count += len(rows)
                rows = []
        if rows or count == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count
