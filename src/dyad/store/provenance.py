"""Reading missions and relations back with where each statement comes from.

    rows = mission_rows(conn, query)   # the contract's mission objects, each with its sources
    diplomatic_record(conn, "VEN", "COL")

A mission row says where its status comes from (`"from": "news"` with the articles, or `"reference"`
with the dataset and its date), lists every active source in date order (article, URL, sentence and its
text, the words that said it, the rule that read them), and, when reports of the same day disagree,
the disagreement (`"disputed"`: each side's sources). The latest dated report wins; a newer version of an
article (a correction) supersedes what the older one said.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from dyad.store import schema as s
from dyad.store.missions import DATASET, DATASET_DATE, takes_effect

# Statuses that cannot both be true of a mission on the same day.
_FAMILY = {
    "opened": "open", "relocated": "open", "planned": "plan", "closed": "shut", "suspended": "shut",
    "relations severed": "shut", "ambassador recalled": "envoy", "ambassador expelled": "envoy",
}  # fmt: skip


def mission_rows(conn: Connection, query: Any) -> list[dict[str, Any]]:
    rows = [dict(r) for r in conn.execute(query).mappings()]
    ms = s.mission_sources.c
    sources: dict[int, list[dict[str, Any]]] = {}
    ids = [r["id"] for r in rows]
    for start in range(0, len(ids), 1000):
        for src in conn.execute(
            select(s.mission_sources)
            .where(ms.mission_id.in_(ids[start : start + 1000]), ms.active.is_(True))
            .order_by(func.coalesce(ms.date, ""), ms.id)
        ).mappings():
            sources.setdefault(src["mission_id"], []).append(_source(src))
    return [_mission(r, sources.get(r["id"], [])) for r in rows]


def _source(src: Any) -> dict[str, Any]:
    item = {
        "doc_id": src["document_id"],
        "url": src["url"],
        "sentence": src["sentence"],
        "status": src["status"],
        "date": src["date"],
    }
    for key in ("plan", "mode", "trigger", "rule", "sentence_text", "from_city"):
        if src[key] is not None:
            item[key] = src[key]
    return item


def _mission(row: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    news = [x for x in sources if takes_effect(x)]
    if row["origin"] == "dataset":
        sources = [*sources, {"dataset": row["dataset"] or DATASET, "date": DATASET_DATE}]
    out = {
        "sender": row["sender"],
        "host": row["host"],
        "city": row["city"],
        "district": row["district"],
        "kind": row["kind"],
        "status": row["status"],
        "since": row["since"],
        "until": row["until"],
        "lat": row["lat"],
        "lon": row["lon"],
        "from": "news" if news else "reference" if row["origin"] == "dataset" else "news",
        "sources": sources,
    }
    disputed = disagreement(news)
    if disputed:
        out["disputed"] = disputed
    return out


def disagreement(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reports of the latest day that contradict each other (from different articles), winner last;
    empty when the latest reports agree."""
    dated = [x for x in sources if x.get("doc_id")]
    if len(dated) < 2:
        return []
    last_day = dated[-1]["date"]
    same_day = [x for x in dated if x["date"] == last_day]
    families = {_FAMILY.get(x["status"], x["status"]) for x in same_day}
    articles = {x["doc_id"] for x in same_day}
    if len(families) < 2 or len(articles) < 2:
        return []
    return [{k: x[k] for k in ("doc_id", "url", "sentence", "status", "date") if k in x} for x in same_day]


def diplomatic_record(conn: Connection, a: str, b: str) -> dict[str, Any]:
    """The dyad's diplomatic relations as the news reported them: each active change (either direction)
    with its source, and the status the latest change gives (None when the news said nothing)."""
    rc = s.relation_changes.c
    rows = (
        conn.execute(
            select(s.relation_changes)
            .where(rc.active.is_(True), or_(and_(rc.a == a, rc.b == b), and_(rc.a == b, rc.b == a)))
            .order_by(func.coalesce(rc.date, ""), rc.id)
        )
        .mappings()
        .all()
    )
    history = [
        {
            "a": r["a"],
            "b": r["b"],
            "change": r["change"],
            "plan": r["plan"],
            "previous": r["previous"],
            "date": r["date"],
            "doc_id": r["document_id"],
            "url": r["url"],
            "sentence": r["sentence"],
            "sentence_text": r["sentence_text"],
            "trigger": r["trigger"],
            "rule": r["rule"],
        }
        for r in rows
    ]
    done = [h for h in history if h["change"] != "planned"]
    status = _relations_status(done[-1]) if done else None
    planned = [
        h for h in history if h["change"] == "planned" and (not done or (h["date"] or "") >= (done[-1]["date"] or ""))
    ]
    return {
        "status": status,
        "since": done[-1]["date"] if done else None,
        "planned": [h["plan"] for h in planned],
        "history": history,
        "disputed": _relations_disputed(done),
    }


def _relations_status(change: dict[str, Any]) -> str:
    return {
        "established": "established", "restored": "established", "upgraded": "established",
        "recognition switched": "established", "severed": "severed", "downgraded": "downgraded",
    }.get(str(change["change"]), str(change["change"]))  # fmt: skip


def _relations_disputed(done: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(done) < 2:
        return []
    day = done[-1]["date"]
    same = [h for h in done if h["date"] == day]
    if len({_relations_status(h) for h in same}) < 2 or len({h["doc_id"] for h in same}) < 2:
        return []
    return [{k: h[k] for k in ("doc_id", "url", "sentence", "change", "date")} for h in same]
