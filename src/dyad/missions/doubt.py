"""Readings the missions stage holds back: changes it read but cannot be sure the article reports as such.

A withheld change stays on the document with mode `withheld` (not news: nothing is stored) and its rule says
why, so the reading can still be explained.

    one_status_per_mission   an article that tells one mission's change in two ways about the same days
                             ("closed its embassy" in the lede, "suspended all its activities" further down;
                             an expulsion beside a closure) keeps the status it gives first: the later
                             wording could contradict the lede, and a wrong status is worse than none
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dyad.doc import MissionChange

WITHHELD = "withheld"
# Two reports of one mission's change dated this many days apart or less tell the same days (a lede dated by the
# article, a later sentence by the day the embassy announced it); further apart they tell a sequence.
_SAME_DAYS = 2


def withhold(change: MissionChange, why: str) -> MissionChange:
    return replace(change, mode=WITHHELD, rule=f"{change.rule}; withheld: {why}")


def one_status_per_mission(missions: list[MissionChange]) -> list[MissionChange]:
    """One article, one mission, one done status for the same days: a status that the first sentence to
    tell that mission's change does not give is withheld. A plan is another claim (what is still to come) and
    is kept."""
    done = [m for m in missions if _done(m)]
    out = []
    for m in missions:
        same = [o for o in done if _same_mission(o, m) and _same_days(o.date, m.date)]
        if not _done(m) or not same:
            out.append(m)
            continue
        first = min(o.sentence for o in same)
        stated = sorted({o.status for o in same if o.sentence == first})
        kept = m.status in stated
        out.append(m if kept else withhold(m, f"sentence {first} tells this mission's change as {', '.join(stated)}"))
    return out


def _done(m: MissionChange) -> bool:
    return m.news and m.status != "planned"


def _same_mission(a: MissionChange, b: MissionChange) -> bool:
    return (a.sender, a.host, a.kind) == (b.sender, b.host, b.kind)


def _same_days(a: str | None, b: str | None) -> bool:
    """Whether two dates may name the same days: either unknown, one a month or year the other falls in, or
    days at most `_SAME_DAYS` apart."""
    if not a or not b:
        return True
    if len(a) < 10 or len(b) < 10:
        return a.startswith(b) or b.startswith(a)
    try:
        gap = abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except ValueError:
        return True
    return gap <= _SAME_DAYS
