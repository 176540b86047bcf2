"""A dyad whose monthly Goldstein mean breaks from its own previous 12 months.

    settings = break_settings()                       # [changes] of dyad/default.toml
    goldstein_break(month_stats, baseline_stats, settings)   # the test, on counts and sums
    record_breaks(conn, {("PRK", "VEN", "2015-06")}, settings, now)

The test (Welch's t on the two means). For a dyad (both directions) and a month, take the
Goldstein scores of the month's merged events and of the events of the `baseline_months` (12)
months before it, counting the events the ledger counts (dyad's own, at or above its minimum
confidence). With n events, mean m and sample variance v in the month, and N, M, V in the
baseline,

    t = (m - M) / sqrt(max(v, f) / n + max(V, f) / N)        f = variance_floor (1.0)

and the month breaks when |t| >= t_threshold (3.0), provided the month has at least
`min_month_events` (10) events and the baseline at least `min_baseline_events` (30) spread over
at least `min_baseline_months` (3) months. The floor keeps a baseline of near-identical scores
from alarming at any small move; 3.0 is a two-sided p of about 0.015 at the smallest samples
allowed (9 degrees of freedom) and 0.003 for large ones. The sign says which way: towards
cooperation (t > 0) or towards conflict.

A break is recorded once per dyad and month; a month is tested when an article adds events to
it, so a month that breaks only once more of its events arrive is recorded then.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from dyad.errors import ConfigError
from dyad.resources import default_resources
from dyad.store import schema as s
from dyad.store.changes import change, insert_changes


@dataclass(frozen=True, slots=True)
class BreakSettings:
    baseline_months: int = 12
    min_month_events: int = 10
    min_baseline_events: int = 30
    min_baseline_months: int = 3
    t_threshold: float = 3.0
    variance_floor: float = 1.0
    min_confidence: float = 0.5  # the ledger's: the events its questions count


@dataclass(frozen=True, slots=True)
class MonthStats:
    """A month's events of a dyad: how many, the sum of their Goldstein scores and of their squares."""

    n: int
    total: float
    squares: float

    @property
    def mean(self) -> float:
        return self.total / self.n if self.n else 0.0

    @property
    def variance(self) -> float:
        if self.n < 2:
            return 0.0
        return max(0.0, (self.squares - self.total * self.total / self.n) / (self.n - 1))


@lru_cache(maxsize=1)
def break_settings() -> BreakSettings:
    """The test's settings: [changes] of dyad/default.toml, and the ledger's minimum confidence."""
    text = importlib_resources.files("dyad").joinpath("default.toml").read_text(encoding="utf-8")
    try:
        config = tomllib.loads(text)
        given = config.get("changes", {})
        fields = {k: type(getattr(BreakSettings(), k))(v) for k, v in given.items()
                  if k in BreakSettings.__dataclass_fields__}
        floor = float(config.get("ledger", {}).get("min_confidence", 0.0))
    except (tomllib.TOMLDecodeError, TypeError, ValueError) as exc:
        raise ConfigError(f"default.toml [changes]: {exc}") from exc
    return BreakSettings(**fields, min_confidence=floor)


def goldstein_break(
    month: MonthStats, baseline: Iterable[MonthStats], settings: BreakSettings
) -> dict[str, Any] | None:
    """The test above: its figures when the month breaks from its baseline, else None."""
    months = [b for b in baseline if b.n]
    pooled = MonthStats(sum(b.n for b in months), sum(b.total for b in months), sum(b.squares for b in months))
    if (
        month.n < settings.min_month_events
        or pooled.n < settings.min_baseline_events
        or len(months) < settings.min_baseline_months
    ):
        return None
    floor = settings.variance_floor
    error = math.sqrt(max(month.variance, floor) / month.n + max(pooled.variance, floor) / pooled.n)
    t = (month.mean - pooled.mean) / error
    if abs(t) < settings.t_threshold:
        return None
    return {
        "t": round(t, 2),
        "towards": "cooperation" if t > 0 else "conflict",
        "mean": round(month.mean, 2),
        "events": month.n,
        "baseline_mean": round(pooled.mean, 2),
        "baseline_events": pooled.n,
        "baseline_months": len(months),
    }


def shift_month(month: str, by: int) -> str:
    """"2015-06" moved by `by` months."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_stats(
    conn: Connection, a: str, b: str, first: str, last: str, settings: BreakSettings
) -> dict[str, MonthStats]:
    """Month -> the dyad's events from `first` to `last` (YYYY-MM), both directions, as the ledger counts them."""
    c, e = s.event_clusters.c, s.events.c
    month = func.substr(c.day, 1, 7)
    query = (
        select(month, func.count(), func.sum(c.goldstein), func.sum(c.goldstein * c.goldstein))
        .join(s.events, e.id == c.first_event_id)
        .where(
            c.num_mentions > 0,
            c.provenance == "dyad",
            e.confidence >= settings.min_confidence,
            or_(
                and_(c.source_country == a, c.target_country == b),
                and_(c.source_country == b, c.target_country == a),
            ),
            c.day >= f"{first}-01",
            c.day < f"{shift_month(last, 1)}-01",
        )
        .group_by(month)
    )
    return {m: MonthStats(int(n), float(t or 0.0), float(q or 0.0)) for m, n, t, q in conn.execute(query)}


def find_breaks(
    stats: Mapping[str, MonthStats], months: Iterable[str], settings: BreakSettings
) -> dict[str, dict[str, Any]]:
    """Month -> the break's figures, for the given months of one dyad that break."""
    found = {}
    empty = MonthStats(0, 0.0, 0.0)
    for month in sorted(set(months)):
        baseline = [stats.get(shift_month(month, -k), empty) for k in range(1, settings.baseline_months + 1)]
        result = goldstein_break(stats.get(month, empty), baseline, settings)
        if result is not None:
            found[month] = result
    return found


def record_breaks(
    conn: Connection, keys: Iterable[tuple[str, str, str]], settings: BreakSettings, now: str
) -> list[dict[str, Any]]:
    """Test these (country, country, YYYY-MM) and record the breaks not recorded before; returns them."""
    by_dyad: dict[tuple[str, str], set[str]] = {}
    for a, b, month in keys:
        by_dyad.setdefault((a, b) if a <= b else (b, a), set()).add(month)
    names = default_resources()
    found = []
    for (a, b), months in sorted(by_dyad.items()):
        stats = month_stats(conn, a, b, shift_month(min(months), -settings.baseline_months), max(months), settings)
        for month, figures in find_breaks(stats, months, settings).items():
            name_a, name_b = names.country_name(a) or a, names.country_name(b) or b
            found.append(
                change(
                    "goldstein break",
                    a,
                    b,
                    f"{month}-01",
                    f"{name_a} and {name_b}: mean Goldstein {figures['mean']:+.2f} in {month} against "
                    f"{figures['baseline_mean']:+.2f} over the {settings.baseline_months} months before "
                    f"(t = {figures['t']:+.2f}, towards {figures['towards']})",
                    {"goldstein": {"month": month, **figures}},
                    [],
                    key=f"goldstein:{a}:{b}:{month}",
                )
            )
    return insert_changes(conn, found, now)
