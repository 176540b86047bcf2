"""Generate GDELT 2.0 event rows for tests and benchmarks: made up here, never GDELT's own data.

    python benchmarks/gdelt_sample.py OUT.export.CSV --rows 10000 [--seed 7] [--zip]

Each row has GDELT 2.0's 61 tab-separated columns (dyad.kb.export.GDELT_COLUMNS) with values of
the kinds GDELT writes: CAMEO country codes (including ROM, TMP, and regions such as AFR that name
no country), actor types, CAMEO event codes with their root, quad class and Goldstein weight, a
date, counts, FIPS 10-4 geography, DATEADDED, and a SOURCEURL and day shared by the few events one
made-up article gives. About one row in ten has one actor only, as in GDELT. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

# (CAMEO country code, GDELT's upper-case name, FIPS 10-4 code of its capital's country, capital)
ACTORS = [
    ("USA", "UNITED STATES", "US", "Washington"),
    ("RUS", "RUSSIA", "RS", "Moscow"),
    ("CHN", "CHINA", "CH", "Beijing"),
    ("VEN", "VENEZUELA", "VE", "Caracas"),
    ("PRK", "NORTH KOREA", "KN", "Pyongyang"),
    ("KOR", "SOUTH KOREA", "KS", "Seoul"),
    ("FRA", "FRANCE", "FR", "Paris"),
    ("DEU", "GERMANY", "GM", "Berlin"),
    ("GBR", "UNITED KINGDOM", "UK", "London"),
    ("IRN", "IRAN", "IR", "Tehran"),
    ("ISR", "ISRAEL", "IS", "Jerusalem"),
    ("UKR", "UKRAINE", "UP", "Kyiv"),
    ("CUB", "CUBA", "CU", "Havana"),
    ("ROM", "ROMANIA", "RO", "Bucharest"),
    ("TMP", "EAST TIMOR", "TT", "Dili"),
]
REGIONS = [("AFR", "AFRICA"), ("EUR", "EUROPE"), ("MEA", "MIDDLE EAST")]
GROUPS = [("IGOUNO", "UNITED NATIONS"), ("NGO", "NON-GOVERNMENTAL ORGANIZATION")]
TYPES = ["", "", "GOV", "MIL", "LEG", "BUS", "MED", "OPP"]
# (EventCode, QuadClass, GoldsteinScale): CAMEO codes across the 20 roots, GDELT's weights
CODES = [
    ("010", 1, 0.0), ("012", 1, -0.4), ("020", 1, 3.0), ("036", 1, 4.0), ("040", 1, 1.0), ("042", 1, 1.9),
    ("043", 1, 2.8), ("046", 1, 7.0), ("051", 1, 3.4), ("054", 1, 6.0), ("057", 1, 8.0),
    ("061", 2, 6.4), ("071", 2, 7.4), ("0841", 2, 7.0), ("090", 2, -2.0),
    ("111", 3, -2.0), ("112", 3, -2.0), ("120", 3, -4.0), ("130", 3, -4.4), ("138", 3, -7.0),
    ("141", 3, -6.5), ("160", 4, -4.0), ("161", 4, -4.0), ("163", 4, -8.0), ("172", 4, -5.0),
    ("180", 4, -9.0), ("190", 4, -10.0), ("193", 4, -10.0), ("201", 4, -9.5),
]
START = dt.date(2015, 1, 1)


def _actor(rng: random.Random, one_in_ten_empty: bool) -> list[str]:
    """The ten Actor* columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
    Religion2Code, Type1Code, Type2Code, Type3Code."""
    if one_in_ten_empty:
        return [""] * 10
    draw = rng.random()
    if draw < 0.85:
        code, name, _, _ = rng.choice(ACTORS)
        role = rng.choice(TYPES)
        return [code + role, name, code, "", "", "", "", role, "", ""]
    if draw < 0.93:
        code, name = rng.choice(REGIONS)
        return [code, name, code, "", "", "", "", "", "", ""]
    code, name = rng.choice(GROUPS)
    return [code, name, "", code[3:] if code.startswith("IGO") else "", "", "", "", code[:3], "", ""]


def rows(count: int, *, seed: int = 7, first_id: int | None = None, url_base: str = "https://news.example.org",
         per_article: int = 4) -> Iterator[str]:
    """`count` GDELT 2.0 event lines (without newlines); GlobalEventIDs from `first_id` (by default one
    range per seed, so samples of different seeds hold different events)."""
    rng = random.Random(seed)
    first_id = 400_000_000 + 10_000_000 * seed if first_id is None else first_id
    for n in range(count):
        one_actor = rng.random() < 0.1
        article = n // per_article  # an article's events share its URL and its day
        day = START + dt.timedelta(days=(article * 7919 + seed * 31) % 730)
        code, quad, goldstein = rng.choice(CODES)
        actor1 = _actor(rng, False)
        actor2 = _actor(rng, one_actor)
        where = rng.choice(ACTORS)
        geo = ["1", where[3] + ", " + where[1].title(), where[2], where[2], "", f"{rng.uniform(-60, 60):.4f}",
               f"{rng.uniform(-170, 170):.4f}", where[2]]
        mentions = rng.randint(1, 30)
        added = dt.datetime.combine(day, dt.time(rng.randrange(24), 15 * rng.randrange(4)))
        cells = [
            str(first_id + n),
            day.strftime("%Y%m%d"),
            day.strftime("%Y%m"),
            str(day.year),
            f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}",
            *actor1,
            *actor2,
            "1" if rng.random() < 0.5 else "0",
            code,
            code[:3],
            code[:2],
            str(quad),
            f"{goldstein:g}",
            str(mentions),
            str(rng.randint(1, min(mentions, 5))),
            str(mentions),
            f"{rng.uniform(-8, 4):.6f}",
            *(["1", actor1[1].title(), where[2], where[2], "", "", "", ""] if actor1[1] else [""] * 8),
            *([""] * 8),
            *geo,
            added.strftime("%Y%m%d%H%M%S"),
            f"{url_base}/{day:%Y/%m}/story-{seed}-{article}",
        ]
        yield "\t".join(cells)


def write_sample(path: Path, count: int, *, seed: int = 7, zipped: bool = False, **kwargs: object) -> Path:
    """Write `count` rows to `path` (a .CSV, or inside a .CSV.zip when `zipped`); returns the path."""
    lines = rows(count, seed=seed, **kwargs)  # type: ignore[arg-type]
    if zipped:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive, archive.open(
            path.name.removesuffix(".zip"), "w"
        ) as raw:
            for line in lines:
                raw.write((line + "\n").encode("utf-8"))
    else:
        with path.open("w", encoding="utf-8", newline="\n") as out:
            for line in lines:
                out.write(line + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--zip", action="store_true", help="write OUT as a zip archive holding one .CSV")
    args = parser.parse_args(argv)
    write_sample(args.out, args.rows, seed=args.seed, zipped=args.zip)
    print(f"wrote {args.rows} rows to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
