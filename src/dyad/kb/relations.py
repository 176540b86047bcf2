"""Relations of a dyad, month by month: what the two countries did to each other, and their missions.

    rel = relations(store, "VEN", "PRK")
    rel["months"][0]  # {"month": "2015-06", "events": 5, "quad": {"1": 5, ...}, "goldstein_sum": 25.5,
                      #  "goldstein_mean": 5.1, "a_to_b": 2, "b_to_a": 3, "status": [...]}
    rel["status"]     # the latest diplomatic status: each direction's missions
    rel["diplomatic"] # the dyad's diplomatic relations as the news reported them (store.diplomatic_relations)

Events are the store's merged events (one per real-world event, see store/clusters.py), in
both directions between the two countries, at or above the ledger's minimum confidence
(dyad/kb/ledger.py); `left_out` counts the others. A month's `status` lists the mission changes
the news reported that month; undated events are counted under the month None, last.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, or_, select

from dyad.kb.ledger import min_confidence as ledger_floor
from dyad.store import Store
from dyad.store import schema as s

QUADS = ("1", "2", "3", "4")
QUAD_NAMES = {
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}


def relations(
    store: Store, a: str, b: str, min_confidence: float | None = None, provenance: str | None = None
) -> dict[str, Any]:
    """The dyad's timeline (per month) and its latest diplomatic status, counting the events at or
    above `min_confidence` (the ledger's default when None), of `provenance` ("dyad", "gdelt"; both
    when None)."""
    a, b = a.upper(), b.upper()
    floor = ledger_floor(min_confidence)
    c = s.event_clusters.c
    month = func.substr(c.day, 1, 7)
    # a party is a country (its actors whatever their role) or, for IGOs and NGOs, a code (IGOUNO)
    source = func.coalesce(c.source_country, c.source_code)
    target = func.coalesce(c.target_country, c.target_code)
    query = (
        select(month.label("month"), source, c.quad, func.count(), func.sum(c.goldstein))
        .join(s.events, s.events.c.id == c.first_event_id)
        .where(
            c.num_mentions > 0,
            s.events.c.confidence >= floor,
            or_(and_(source == a, target == b), and_(source == b, target == a)),
        )
        .group_by(month, source, c.quad)
    )
    if provenance:
        query = query.where(c.provenance == provenance)
    months: dict[str | None, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for when, party, quad, count, total in conn.execute(query):
            row = months.setdefault(when, _empty_month(when))
            row["events"] += int(count)
            row["quad"][str(quad)] += int(count)
            row["goldstein_sum"] += float(total or 0.0)
            row["a_to_b" if party == a else "b_to_a"] += int(count)
        ms, m = s.mission_sources.c, s.missions.c
        changes = (
            conn.execute(
                select(
                    m.sender, m.host, m.city, m.kind, ms.status, ms.plan, ms.date, ms.document_id, ms.url,
                    ms.sentence, ms.trigger, ms.rule,
                )
                .join(s.missions, m.id == ms.mission_id)
                .where(
                    ms.active.is_(True),
                    or_(and_(m.sender == a, m.host == b), and_(m.sender == b, m.host == a)),
                )
                .order_by(func.coalesce(ms.date, ""), ms.id)
            )
            .mappings()
            .all()
        )
    for change in changes:
        when = (change["date"] or "")[:7] or None
        months.setdefault(when, _empty_month(when))["status"].append(dict(change))
    rows = sorted(months.values(), key=lambda r: (r["month"] is None, r["month"] or ""))
    for row in rows:
        row["goldstein_sum"] = round(row["goldstein_sum"], 2)
        row["goldstein_mean"] = round(row["goldstein_sum"] / row["events"], 2) if row["events"] else None
    current = [x for x in store.missions(sender=a, host=b) + store.missions(sender=b, host=a)]
    status = [
        {
            "sender": x["sender"],
            "host": x["host"],
            "city": x["city"],
            "kind": x["kind"],
            "status": x["status"],
            "since": x["since"],
            "until": x["until"],
            "from": x["from"],
        }
        for x in current
    ]
    left_out = store.count_below(floor, source=a, target=b, provenance=provenance) + (
        store.count_below(floor, source=b, target=a, provenance=provenance) if a != b else 0
    )
    totals = {
        "events": sum(r["events"] for r in rows),
        "goldstein_sum": round(sum(r["goldstein_sum"] for r in rows), 2),
    }
    out = {"a": a, "b": b, "months": rows, "status": status, "totals": totals,
           "min_confidence": floor, "left_out": left_out, "diplomatic": store.diplomatic_relations(a, b)}
    if provenance:
        out["provenance"] = provenance
    return out


def _empty_month(month: str | None) -> dict[str, Any]:
    return {
        "month": month,
        "events": 0,
        "quad": dict.fromkeys(QUADS, 0),
        "goldstein_sum": 0.0,
        "goldstein_mean": None,
        "a_to_b": 0,
        "b_to_a": 0,
        "status": [],
    }


def relations_table(rel: dict[str, Any]) -> Any:
    """The timeline as a rich Table, one row per month, then the current missions in the caption."""
    from rich.table import Table

    title = f"{rel['a']} - {rel['b']}: {rel['totals']['events']} events"
    if rel.get("left_out"):
        title += f" ({rel['left_out']} below confidence {rel['min_confidence']:g} left out)"
    table = Table(title=title)
    for name in (
        "month",
        "events",
        f"{rel['a']}>{rel['b']}",
        f"{rel['b']}>{rel['a']}",
        "q1 vcoop",
        "q2 mcoop",
        "q3 vconf",
        "q4 mconf",
        "goldstein mean",
        "goldstein sum",
        "missions in the news",
    ):
        table.add_column(name, justify="right" if name not in ("month", "missions in the news") else "left")
    for r in rel["months"]:
        news = "; ".join(
            f"{c['sender']} {c['kind']} in {c['city'] or '?'}: {c['status']}" for c in r["status"]
        )
        table.add_row(
            r["month"] or "undated",
            str(r["events"]),
            str(r["a_to_b"]),
            str(r["b_to_a"]),
            *(str(r["quad"][q]) for q in QUADS),
            "" if r["goldstein_mean"] is None else f"{r['goldstein_mean']:+.2f}",
            f"{r['goldstein_sum']:+.1f}",
            news,
        )
    table.caption = _relations_line(rel.get("diplomatic") or {}) + "now: " + (
        "; ".join(
            f"{m['sender']} {m['kind']} in {m['city'] or '?'} {m['status']}"
            f"{' since ' + m['since'] if m['since'] else ''} ({m['from']})"
            for m in rel["status"]
        )
        or "no missions known"
    )
    return table


def _relations_line(record: dict[str, Any]) -> str:
    """ "relations: severed since 2019-01-23 (2 reports); planned: restored\n" (empty when the news said nothing)."""
    if not record.get("history"):
        return ""
    line = f"relations: {record['status'] or 'unknown'}"
    if record.get("since"):
        line += f" since {record['since']}"
    line += f" ({len(record['history'])} reports)"
    if record.get("planned"):
        line += "; planned: " + ", ".join(p for p in record["planned"] if p)
    if record.get("disputed"):
        line += "; reports disagree: " + ", ".join(f"{d['change']} ({d['doc_id']})" for d in record["disputed"])
    return line + "\n"


def plot_relations(rel: dict[str, Any], path: str) -> None:
    """A PNG: events per month stacked by quad class, and the mean Goldstein score on a second axis."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [r for r in rel["months"] if r["month"] is not None]
    labels = [r["month"] for r in rows]
    fig, ax = plt.subplots(figsize=(max(6.0, 0.5 * len(rows) + 3), 4))
    try:
        bottom = [0] * len(rows)
        colours = {"1": "#4c9f70", "2": "#1f6f8b", "3": "#e0a458", "4": "#c0392b"}
        for quad in QUADS:
            values = [r["quad"][quad] for r in rows]
            ax.bar(labels, values, bottom=bottom, color=colours[quad], label=QUAD_NAMES[quad])
            bottom = [x + y for x, y in zip(bottom, values, strict=True)]
        ax.set_ylabel("events")
        ax.set_title(f"{rel['a']} - {rel['b']}: events per month")
        ax.tick_params(axis="x", rotation=60)
        twin = ax.twinx()
        twin.plot(
            labels, [r["goldstein_mean"] for r in rows], color="black", marker="o", label="mean Goldstein"
        )
        twin.set_ylim(-10, 10)
        twin.set_ylabel("mean Goldstein")
        ax.legend(loc="upper left", fontsize="small")
        fig.tight_layout()
        fig.savefig(path, format="png", dpi=100)
    finally:
        plt.close(fig)
