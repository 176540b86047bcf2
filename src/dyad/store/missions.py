"""Diplomatic missions: the bundled reference table, and how a mission's status follows from its changes.

The news changes a mission through the missions stage (`dyad.missions`): each change it reads
(`MissionChange`) becomes a row of `mission_sources` naming its article version, sentence, words and
rule (store/reports.py), and the store derives a mission's status from its latest active change,
falling back on the reference row's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from dyad.data._load import read_tsv

DATASET = "wikidata-2022-11-16"
DATASET_DATE = "2022-11-16"
STATUSES = (
    "opened",
    "planned",
    "closed",
    "relocated",
    "suspended",
    "relations severed",
    "ambassador expelled",
    "ambassador recalled",
)
INACTIVE = ("closed", "suspended", "relations severed")  # a mission in this status does not operate
OPENING = ("opened", "planned", "relocated")  # a change that starts a mission's "since"
# Plans that, once carried out, start a mission; the others (a planned closure) do not change its status.
OPENING_PLANS = ("opened", "relocated")
# Reference kinds that are the same mission as the news' word: an "embassy" of a Commonwealth state in
# another is a high commission, the Holy See's a nunciature, Taiwan's a de facto embassy.
KIND_FAMILIES = {
    "embassy": ("embassy", "high commission", "apostolic nunciature", "de facto embassy", "British High Commission",
                "Australian High Commission", "Interests Section"),
    "consulate": ("consulate", "consulate general", "consular office", "de facto consulate",
                  "Consulate General of Sweden", "assistant high commission"),
}


def kinds_of(kind: str) -> tuple[str, ...]:
    """The reference kinds a news kind may name."""
    return KIND_FAMILIES.get(kind, (kind,))


def reference_digest() -> str:
    """A fingerprint of the bundled reference table, to notice when a newer dyad ships another."""
    from importlib import resources as importlib_resources

    data = importlib_resources.files("dyad.data").joinpath("missions/missions.tsv").read_bytes()
    return hashlib.sha256(data).hexdigest()[:32]


def reference_missions() -> Iterator[dict[str, Any]]:
    for r in read_tsv("missions/missions.tsv", required=("sender", "host")):
        since = r["since"] or None
        yield dict(
            sender=r["sender"],
            host=r["host"],
            city=r["city"] or None,
            district=r["district"] or None,
            kind=r["kind"] or "mission",
            status="open",
            since=since,
            until=None,
            lat=float(r["lat"]) if r["lat"] else None,
            lon=float(r["lon"]) if r["lon"] else None,
            origin="dataset",
            dataset=DATASET,
            ref_status="open",
            ref_since=since,
        )


def derive(reference: dict[str, Any] | None, changes: list[dict[str, Any]]) -> dict[str, Any]:
    """A mission's status, since and until from its active news changes (oldest first) and reference row.

    News overrides the reference row whatever its date: the reference table is a snapshot, and
    an embassy suspended before it was taken may still be listed in it.
    """
    status = (reference or {}).get("ref_status") or "open"
    since = (reference or {}).get("ref_since")
    until = None
    for change in changes:
        if not takes_effect(change):
            continue
        status = change["status"]
        date = (change["date"] or "")[:7] or None
        if status in OPENING:
            since, until = date or since, None
        elif status in INACTIVE:
            until = date
    return {"status": status, "since": since, "until": until}


def takes_effect(change: dict[str, Any]) -> bool:
    """Whether a change sets the mission's status: a planned closure or expulsion does not (yet)."""
    return change.get("status") != "planned" or change.get("plan") in (None, *OPENING_PLANS)
