"""dyad against GDELT on the articles both coded: `dyad compare`.

    result = compare(store)
    result.summary        # {"articles": 12, "gdelt_events": 40, "paired": 31, "agreement": {"dyad": 0.6, ...}}
    result.articles[0]    # {"doc_id", "url", "pairs": [{"gdelt": {...}, "dyad": {...}, "same": {...}}], ...}

An article both coded is one dyad read (its canonical URL is its id) and GDELT cited as the
SOURCEURL of imported events (`dyad import gdelt`). Within an article each GDELT event is paired
with the dyad event that shares most with it: both countries in the same direction first, then
both reversed, then one country; among equals the same root, then the same quad class. A GDELT
event that shares no country with any of dyad's stays unpaired, and so do dyad's events left
over. Agreement is counted over GDELT's events: the share paired with a dyad event of the same
dyad (source and target, in that direction), of the same root, of the same quad class, and all
three at once. A party is an actor's country, or its code when it has none (IGOUNO).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import literal, select

from dyad.kb.ledger import min_confidence as ledger_floor
from dyad.store import Store
from dyad.store import schema as s

ASPECTS = ("dyad", "root", "quad")


@dataclass(frozen=True, slots=True)
class Coded:
    """One event as the comparison sees it."""

    source: str
    target: str
    cameo: str
    root: str
    quad: int
    mode: str
    ref: str  # GDELT's GlobalEventID, or dyad's sentence number

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "cameo": self.cameo, "root": self.root,
                "quad": self.quad, "mode": self.mode, "ref": self.ref}


@dataclass(slots=True)
class Comparison:
    articles: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)


def coded(event: dict[str, Any]) -> Coded:
    """An event object (as the store keeps it) as the comparison sees it."""
    gdelt = event.get("gdelt") or {}
    return Coded(
        source=_party(event["source"]),
        target=_party(event["target"]),
        cameo=event["cameo"],
        root=event["root"],
        quad=int(event["quad"]),
        mode=event.get("mode") or "factual",
        ref=str(gdelt.get("id") if gdelt else event.get("sentence")),
    )


def _party(actor: dict[str, Any]) -> str:
    return str(actor.get("country") or actor.get("code") or "?")


def _score(g: Coded, d: Coded) -> tuple[int, int, int]:
    """How much a dyad event shares with a GDELT event: (dyad, root, quad), compared in that order."""
    if (d.source, d.target) == (g.source, g.target):
        pair = 3
    elif (d.source, d.target) == (g.target, g.source):
        pair = 2
    elif {d.source, d.target} & {g.source, g.target}:
        pair = 1
    else:
        pair = 0
    return (pair, int(d.root == g.root), int(d.quad == g.quad))


def pair_events(gdelt: list[Coded], dyad: list[Coded]) -> tuple[list[tuple[Coded, Coded | None]], list[Coded]]:
    """Each GDELT event with the dyad event that shares most with it (or None), and dyad's leftovers."""
    free = list(range(len(dyad)))
    pairs: list[tuple[Coded, Coded | None]] = []
    for g in gdelt:
        best = max(free, key=lambda i: (_score(g, dyad[i]), -i), default=None)
        if best is None or _score(g, dyad[best])[0] == 0:
            pairs.append((g, None))
            continue
        free.remove(best)
        pairs.append((g, dyad[best]))
    return pairs, [dyad[i] for i in free]


def same(g: Coded, d: Coded | None) -> dict[str, bool]:
    """Whether a pair agrees on each aspect (an unpaired GDELT event agrees on none)."""
    if d is None:
        return dict.fromkeys(ASPECTS, False)
    return {"dyad": (g.source, g.target) == (d.source, d.target), "root": g.root == d.root, "quad": g.quad == d.quad}


def compare_article(doc_id: str, url: str | None, gdelt: list[Coded], dyad: list[Coded]) -> dict[str, Any]:
    pairs, left = pair_events(gdelt, dyad)
    return {
        "doc_id": doc_id,
        "url": url,
        "gdelt_events": len(gdelt),
        "dyad_events": len(dyad),
        "pairs": [
            {"gdelt": g.to_dict(), "dyad": d.to_dict() if d else None, "same": same(g, d)} for g, d in pairs
        ],
        "dyad_only": [d.to_dict() for d in left],
    }


def summarise(articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Agreement over the GDELT events of the compared articles."""
    pairs = [p for a in articles for p in a["pairs"]]
    total = len(pairs)
    agree = {aspect: sum(1 for p in pairs if p["same"][aspect]) for aspect in ASPECTS}
    agree["all"] = sum(1 for p in pairs if all(p["same"].values()))
    return {
        "articles": len(articles),
        "gdelt_events": total,
        "dyad_events": sum(a["dyad_events"] for a in articles),
        "paired": sum(1 for p in pairs if p["dyad"] is not None),
        "gdelt_only": sum(1 for p in pairs if p["dyad"] is None),
        "dyad_only": sum(len(a["dyad_only"]) for a in articles),
        "agree": agree,
        "agreement": {k: round(v / total, 4) if total else None for k, v in agree.items()},
    }


def compare(store: Store, *, min_confidence: float | None = None, limit: int | None = None) -> Comparison:
    """Compare dyad's events with GDELT's on every article both coded (dyad's events at or above
    `min_confidence`, the ledger's default when None); at most `limit` articles."""
    floor = ledger_floor(min_confidence)
    articles = [
        compare_article(doc_id, url, gdelt, dyad)
        for doc_id, url, gdelt, dyad in _both_coded(store, floor, limit)
    ]
    return Comparison(articles, summarise(articles))


def _both_coded(
    store: Store, floor: float, limit: int | None, batch: int = 500
) -> Iterator[tuple[str, str | None, list[Coded], list[Coded]]]:
    """(doc id, URL, GDELT's events, dyad's events) of each article both coded, in id order."""
    d, e = s.documents.c, s.events.c
    cited = select(e.id).where(e.document_id == literal("gdelt:") + d.id, e.provenance == "gdelt").exists()
    last, seen = "", 0
    while limit is None or seen < limit:
        with store.engine.connect() as conn:
            docs = conn.execute(
                select(d.id, d.url).where(d.provenance == "dyad", d.id > last, cited).order_by(d.id).limit(batch)
            ).all()
            for doc_id, url in docs:
                if limit is not None and seen >= limit:
                    return
                events = conn.execute(
                    select(e.payload, e.provenance)
                    .where(
                        e.document_id.in_([doc_id, "gdelt:" + doc_id]),
                        e.active.is_(True),
                        (e.provenance == "gdelt") | (e.confidence >= floor),
                    )
                    .order_by(e.sentence, e.id)
                ).all()
                theirs = [coded(json.loads(p)) for p, origin in events if origin == "gdelt"]
                ours = [coded(json.loads(p)) for p, origin in events if origin != "gdelt"]
                seen += 1
                yield doc_id, url, theirs, ours
        if len(docs) < batch:
            return
        last = docs[-1][0]


def differences(comparison: Comparison) -> list[dict[str, str]]:
    """Where the two differ, one row each: an article, GDELT's event, dyad's nearest, what differs."""
    rows = []
    for article in comparison.articles:
        where = article["url"] or article["doc_id"]
        for pair in article["pairs"]:
            if all(pair["same"].values()):
                continue
            g, d = pair["gdelt"], pair["dyad"]
            if d is None:
                what = "dyad has no event of these countries"
            else:
                what = "differ on " + ", ".join(aspect for aspect in ASPECTS if not pair["same"][aspect])
            rows.append({"article": where, "gdelt": _label(g), "dyad": _label(d) if d else "", "differs": what})
        for d in article["dyad_only"]:
            rows.append({"article": where, "gdelt": "", "dyad": _label(d), "differs": "GDELT has no such event"})
    return rows


def _label(event: dict[str, Any]) -> str:
    return f"{event['source']} {event['cameo']} {event['target']}"
