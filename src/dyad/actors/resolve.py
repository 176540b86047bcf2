"""Turn name hits into mentions: pick the sense by date and context, attach roles to countries.

Pure functions over one sentence's hits; the document-level pass (`resolve_context`) fills
what only the whole article can tell: its home country, and bare roles ("the government").
"""

from __future__ import annotations

import re
from collections import Counter

from dyad.actors.matcher import Entry, Hit
from dyad.doc import Mention
from dyad.resources import Leader, Resources

# Between a country and its role: "Venezuelan government", "North Korea's army", "Korea’s".
_COUNTRY_THEN_ROLE = re.compile(r"^(?:\s+|['’]s\s+)$")
# Between a role and its country: "government of Venezuela", "Gobierno de la República ...".
_ROLE_THEN_COUNTRY = re.compile(r"^\s+(?:of(?:\s+the)?|de(?:l|\s+la|\s+los|\s+las)?|in)\s+$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:the|its|their|el|la|los|las|su|sus)\s+)(?:\w+\s+){0,2}$", re.IGNORECASE)


def hits_to_mentions(hits: list[Hit], text: str, sentence: int, date: str | None,
                     resources: Resources) -> list[Mention]:
    mentions = [m for m in (_sense(h, text, sentence, date, resources) for h in hits) if m is not None]
    return _attach_roles(mentions, text)


def _sense(hit: Hit, text: str, sentence: int, date: str | None, resources: Resources) -> Mention | None:
    surface = text[hit.start:hit.end]
    entry = hit.entries[0]
    if entry.name is None or (entry.leaders and entry.name is None):
        leader = _leader_on(date, _all_leaders(hit.entries))
        if leader is None:
            return None
        why = f"leader: {leader.name}, in office {leader.start}..{leader.end or 'now'}"
        return Mention(sentence, hit.start, hit.end, surface, leader.code, leader.country, leader.sector,
                       leader.name, kind="leader", why=why)
    name = entry.name
    codes = {e.name.code for e in hit.entries if e.name is not None and e.name.source == name.source}
    confidence = 1.0 if len(codes) == 1 else 0.6
    display = resources.country_name(name.country) or name.name
    if name.kind == "role":
        display = name.name
    return Mention(sentence, hit.start, hit.end, surface, name.code, name.country, name.sector, display,
                   kind=name.kind, why=f"dictionary: {name.kind} ({name.source}, {name.lang})",
                   confidence=confidence)


def _all_leaders(entries: tuple[Entry, ...]) -> list[Leader]:
    return [leader for e in entries for leader in e.leaders]


def _leader_on(date: str | None, leaders: list[Leader]) -> Leader | None:
    """The leader of that name in office on `date`, else the one whose term ended nearest before it."""
    if not leaders:
        return None
    in_office = [ld for ld in leaders if ld.in_office(date)]
    if in_office:
        return in_office[-1]
    if date is None:
        return max(leaders, key=lambda ld: ld.start)
    before = [ld for ld in leaders if ld.start <= date]
    return max(before, key=lambda ld: ld.start) if before else None


def _attach_roles(mentions: list[Mention], text: str) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and m.kind != "role" and nxt.kind == "role" and m.country and \
                _COUNTRY_THEN_ROLE.match(text[m.end:nxt.start]):
            out.append(_merge(m, nxt, m, nxt, text))
            i += 2
            continue
        if nxt is not None and m.kind == "role" and nxt.kind != "role" and nxt.country and \
                (_ROLE_THEN_COUNTRY.match(text[m.end:nxt.start]) or
                 (nxt.kind == "demonym" and text[m.end:nxt.start].isspace())):
            out.append(_merge(nxt, m, m, nxt, text))
            i += 2
            continue
        out.append(m)
        i += 1
    return out


def _merge(country: Mention, role: Mention, first: Mention, last: Mention, text: str) -> Mention:
    sector = role.sector or ""
    code = country.code if country.sector else f"{country.country}{sector}"
    return Mention(country.sentence, first.start, last.end, text[first.start:last.end], code, country.country,
                   country.sector or sector or None, country.name, kind="role",
                   why=f"role '{role.text}' of {country.country}")


def home_country(mentions: list[Mention]) -> str | None:
    """The country the story is about: the most-named one (names, capitals, leaders, demonyms)."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for order, m in enumerate(mentions):
        if m.country and m.kind != "role":
            counts[m.country] += 1
            first_seen.setdefault(m.country, order)
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: (kv[1], -first_seen[kv[0]]))
    return best[0]


def resolve_context(mentions: list[Mention], sentences_text: dict[int, str], home: str | None,
                    resources: Resources) -> list[Mention]:
    """Bare roles: "the government" is the home country's; a bare code ("protesters") stays generic."""
    out = []
    for m in mentions:
        if m.kind == "role" and m.country is None:
            text = sentences_text.get(m.sentence, "")
            definite = bool(_ARTICLE_BEFORE.search(text[:m.start]))
            if home and definite:
                m = Mention(m.sentence, m.start, m.end, m.text, f"{home}{m.sector or ''}", home, m.sector,
                            resources.country_name(home) or home, kind="role",
                            why=f"context: '{m.text}' of the story's home country {home}", confidence=0.7)
            elif "(bare," not in m.why:
                continue  # "the ministry" with no country in reach: not an actor dyad can code
            # else a generic actor with a bare code: protesters (CVL), rebels (REB)
        out.append(m)
    return out
