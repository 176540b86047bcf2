"""Inline SVG drawn on the server: the world view, city maps and the dyad timeline.

No map tiles or shapes come from elsewhere. The world's land is drawn from the bundled
GeoNames cities (one dot per 2-degree cell that has a city of 50,000 people or more) on an
equirectangular grid; city maps plot missions by their coordinates. Every label is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from dyad.resources import Resources

QUAD_COLOURS = {"1": "#7fbf7b", "2": "#1b7837", "3": "#f4a582", "4": "#b2182b"}
QUAD_NAMES = {
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}
_CELL = 2.0  # degrees per land dot
_TOP, _BOTTOM = 84.0, -58.0  # latitudes shown on the world view


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=2)
def _land_path(resources: Resources) -> str:
    cells = set()
    for places in resources.places.values():
        for p in places:
            if _BOTTOM <= p.lat <= _TOP:
                cells.add((math.floor(p.lon / _CELL), math.floor(p.lat / _CELL)))
    parts = []
    size = _CELL * 0.8
    for cx, cy in sorted(cells):
        x, y = cx * _CELL + 180.0, _TOP - (cy + 1) * _CELL
        parts.append(f"M{_fmt(x)} {_fmt(y)}h{_fmt(size)}v{_fmt(size)}h-{_fmt(size)}z")
    return "".join(parts)


@lru_cache(maxsize=2)
def capitals(resources: Resources) -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon) of the capital, where the bundled places know it."""
    out = {}
    for iso3, country in resources.countries.items():
        for p in resources.places.get((country.capital or "").casefold(), []):
            if p.country == iso3:
                out[iso3] = (p.lat, p.lon)
                break
    return out


def world_map(
    resources: Resources,
    parties: dict[str, int],
    *,
    places: Sequence[dict[str, Any]] = (),
    highlight: str | None = None,
    title: str = "Activity by country",
) -> Markup:
    """The world with a circle per active country (at its capital), sized by its events."""
    caps = capitals(resources)
    height = _TOP - _BOTTOM
    out = [
        f'<svg class="world" viewBox="0 0 360 {_fmt(height)}" role="img" aria-label="{escape(title)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<rect width="360" height="{_fmt(height)}" fill="#eef3f7"/>',
        f'<path d="{_land_path(resources)}" fill="#c9d3dc"/>',
    ]
    top = max(max(parties.values(), default=1), 8)  # one event or mission alone draws a small circle
    for code, count in sorted(parties.items(), key=lambda kv: -kv[1]):
        if code not in caps:
            continue
        lat, lon = caps[code]
        r = 1.6 + 5.0 * math.sqrt(count / top)
        name = resources.country_name(code) or code
        fill = "#d9480f" if code == highlight else "#1c7ed6"
        out.append(
            f'<a href="/country/{escape(code)}" class="party"><circle cx="{_fmt(lon + 180)}" '
            f'cy="{_fmt(_TOP - lat)}" r="{_fmt(r)}" fill="{fill}" fill-opacity="0.6" stroke="#fff" '
            f'stroke-width="0.3"><title>{escape(name)} ({escape(code)}): {count} events</title></circle></a>'
        )
    for p in places:
        if p.get("lat") is None or p.get("lon") is None:
            continue
        out.append(
            f'<circle cx="{_fmt(float(p["lon"]) + 180)}" cy="{_fmt(_TOP - float(p["lat"]))}" r="0.9" '
            f'fill="#000"><title>{escape(p.get("name") or "")}: {int(p.get("events", 0))} located '
            "events</title></circle>"
        )
    out.append("</svg>")
    return Markup("".join(out))


def points_map(
    points: Sequence[dict[str, Any]],
    *,
    title: str,
    width: int = 640,
    height: int = 360,
    centre: tuple[float, float] | None = None,
) -> Markup | None:
    """A local equirectangular map of labelled points (missions in a city); None without coordinates."""
    pts = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    if centre is None and not pts:
        return None
    lats = [float(p["lat"]) for p in pts] + ([centre[0]] if centre else [])
    lons = [float(p["lon"]) for p in pts] + ([centre[1]] if centre else [])
    mid_lat = (min(lats) + max(lats)) / 2
    kx = math.cos(math.radians(mid_lat))
    span_x = max((max(lons) - min(lons)) * kx, 0.01)
    span_y = max(max(lats) - min(lats), 0.01)
    margin = 40
    scale = min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y)
    cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return width / 2 + (lon - cx) * kx * scale, height / 2 - (lat - cy) * scale

    out = [
        f'<svg class="citymap" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#f4f1ea"/>',
    ]
    km = _nice_km(span_x * 111.32 / 4)
    step_deg = km / 111.32
    lat0 = math.floor(min(lats) / step_deg) * step_deg
    while lat0 <= max(lats) + step_deg:
        _, y = xy(lat0, cx)
        out.append(
            f'<line x1="0" x2="{width}" y1="{_fmt(y)}" y2="{_fmt(y)}" stroke="#e0dbcf" stroke-width="1"/>'
        )
        lat0 += step_deg
    lon_step = step_deg / max(kx, 0.05)
    lon0 = math.floor(min(lons) / lon_step) * lon_step
    while lon0 <= max(lons) + lon_step:
        x, _ = xy(cy, lon0)
        out.append(
            f'<line y1="0" y2="{height}" x1="{_fmt(x)}" x2="{_fmt(x)}" stroke="#e0dbcf" stroke-width="1"/>'
        )
        lon0 += lon_step
    bar = km / 111.32 * scale
    out.append(
        f'<g class="scale"><line x1="12" x2="{_fmt(12 + bar)}" y1="{height - 14}" y2="{height - 14}" '
        f'stroke="#333" stroke-width="2"/><text x="12" y="{height - 20}" font-size="11" fill="#333">'
        f"{_fmt(km)} km</text></g>"
    )
    if centre:
        x, y = xy(*centre)
        out.append(
            f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="5" fill="none" stroke="#555" stroke-width="1.5" '
            'stroke-dasharray="2 2"><title>city centre (GeoNames)</title></circle>'
        )
    labelled: list[tuple[float, float]] = []
    labels: list[str] = []
    news = ("opened", "planned", "closed", "suspended", "relations severed")
    # What the news changed gets a label first; crowded labels stay tooltips; labels go over every dot.
    for p in sorted(pts, key=lambda p: p.get("status") not in news):
        x, y = xy(float(p["lat"]), float(p["lon"]))
        colour = {"opened": "#2b8a3e", "planned": "#e67700", "closed": "#868e96", "suspended": "#c92a2a",
                  "relations severed": "#868e96"}.get(
            str(p.get("status") or ""), "#1c7ed6"
        )
        tip = escape(p.get("tip") or p.get("label") or "")
        href = escape(p.get("href") or "")
        dot = (
            f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="4.5" fill="{colour}" stroke="#fff" stroke-width="1">'
            f"<title>{tip}</title></circle>"
        )
        out.append(f'<a href="{href}">{dot}</a>' if href else dot)
        if all(abs(x - lx) > 28 or abs(y - ly) > 11 for lx, ly in labelled):
            labelled.append((x, y))
            text = (
                f'<text x="{_fmt(x + 6)}" y="{_fmt(y + 4)}" font-size="10" fill="#222">'
                f"{escape(p.get('label') or '')}</text>"
            )
            labels.append(f'<a href="{href}">{text}</a>' if href else text)
    out.extend(labels)
    out.append("</svg>")
    return Markup("".join(out))


def _nice_km(value: float) -> float:
    if value <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if value <= m * exp:
            return float(m * exp)
    return float(10 * exp)


def timeline_chart(
    periods: Sequence[dict[str, Any]], *, title: str, width: int = 760, height: int = 260
) -> Markup:
    """Stacked bars of events per QuadClass per period, and the mean Goldstein score as a line (-10..10)."""
    left, right, top, bottom = 40, 40, 16, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    out = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#ddd"/>',
    ]
    if not periods:
        out.append(
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" fill="#666">no dated events'
            "</text></svg>"
        )
        return Markup("".join(out))
    most = max(max(p["events"] for p in periods), 1)
    step = max(1, math.ceil(most / 4))
    peak = step * math.ceil((most + 0.5) / step)  # a round top with some headroom
    n = len(periods)
    slot = plot_w / n
    bar_w = max(min(slot * 0.7, 40), 1)
    for tick in range(0, peak + 1, step):
        y = top + plot_h - tick / peak * plot_h
        out.append(
            f'<text x="{left - 6}" y="{_fmt(y + 4)}" font-size="10" text-anchor="end" fill="#555">'
            f"{tick}</text>"
        )
    for g in (-10, 0, 10):
        y = top + plot_h / 2 - g / 10 * plot_h / 2
        out.append(
            f'<text x="{width - right + 6}" y="{_fmt(y + 4)}" font-size="10" fill="#7048e8">{g:+d}</text>'
        )
    zero = top + plot_h / 2
    out.append(
        f'<line x1="{left}" x2="{width - right}" y1="{_fmt(zero)}" y2="{_fmt(zero)}" stroke="#d0bfff" '
        'stroke-dasharray="3 3"/>'
    )
    label_every = max(1, math.ceil(n / 10))
    line = []
    for i, p in enumerate(periods):
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h
        for q in ("1", "2", "3", "4"):
            count = int(p["quad"].get(q, 0))
            if not count:
                continue
            h = count / peak * plot_h
            y -= h
            out.append(
                f'<rect class="q{q}" x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(bar_w)}" height="{_fmt(h)}" '
                f'fill="{QUAD_COLOURS[q]}"><title>{escape(p["period"])}: {count} '
                f"{QUAD_NAMES[q]}</title></rect>"
            )
        if i % label_every == 0:
            out.append(
                f'<text x="{_fmt(left + i * slot + slot / 2)}" y="{height - bottom + 14}" font-size="10" '
                f'text-anchor="middle" fill="#555">{escape(p["period"])}</text>'
            )
        if p.get("goldstein") is not None:
            gy = top + plot_h / 2 - float(p["goldstein"]) / 10 * plot_h / 2
            line.append((left + i * slot + slot / 2, gy, p))
    if len(line) > 1:
        pts = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y, _ in line)
        out.append(
            f'<polyline class="goldstein" points="{pts}" fill="none" stroke="#7048e8" stroke-width="2"/>'
        )
    for x, y, p in line:
        out.append(
            f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="3" fill="#7048e8"><title>{escape(p["period"])}: '
            f"mean Goldstein {float(p['goldstein']):+.1f}</title></circle>"
        )
    legend_y = height - 12
    lx = left
    for q in ("1", "2", "3", "4"):
        out.append(
            f'<rect x="{lx}" y="{legend_y - 9}" width="10" height="10" fill="{QUAD_COLOURS[q]}"/>'
            f'<text x="{lx + 14}" y="{legend_y}" font-size="11" fill="#333">{QUAD_NAMES[q]}</text>'
        )
        lx += 24 + 6 * len(QUAD_NAMES[q])
    out.append(
        f'<line x1="{lx}" x2="{lx + 14}" y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="#7048e8" '
        f'stroke-width="2"/><text x="{lx + 18}" y="{legend_y}" font-size="11" fill="#333">Goldstein '
        "(mean, right axis)</text>"
    )
    out.append("</svg>")
    return Markup("".join(out))
