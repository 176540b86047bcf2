"""What only the whole article can tell: its home country, bare roles, "the country", "both nations"."""

from __future__ import annotations

import re
from collections import Counter, deque

from dyad.doc import Mention
from dyad.resources import Resources

_ARTICLE_BEFORE = re.compile(r"(?:\b(?:the|el|la|los|las)\s+)(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def home_country(mentions: list[Mention]) -> str | None:
    """The country the story is about: the most-named one (names, capitals, leaders, demonyms)."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for order, m in enumerate(mentions):
        if m.country and m.kind not in ("role", "anaphor"):
            counts[m.country] += 1
            first_seen.setdefault(m.country, order)
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: (kv[1], -first_seen[kv[0]]))
    return best[0]


def resolve_context(
    mentions: list[Mention],
    sentences_text: dict[int, str],
    home: str | None,
    resources: Resources,
    paragraph_starts: frozenset[int] = frozenset(),
) -> list[Mention]:
    """Bare roles: "the government" is the home country's; "the country" the one just named (in this sentence
    or the previous one of the same paragraph); "both nations" the two just named, else the story's main
    dyad; a bare code ("protesters") stays generic; a title with a person's name and no country takes the
    home country."""
    out: list[Mention] = []
    recent: deque[tuple[int, str]] = deque(maxlen=16)  # (sentence, country) in reading order, the last few
    dyad = _main_dyad(mentions)
    for m in mentions:
        if m.kind == "anaphor":
            # "the country" stays in its paragraph; "both nations" may look back one sentence across a break
            reach = 0 if m.sentence in paragraph_starts and m.code == "one" else 1
            resolved = _anaphor(m, [c for s, c in recent if m.sentence - s <= reach], home, dyad, resources)
            if m.code == "one":
                # "Yemen ... the country's epidemic": the country is named in the sentence already
                here = {o.country for o in mentions if o.sentence == m.sentence and o.kind != "anaphor"}
                resolved = [a for a in resolved if a.country not in here]
            out.extend(resolved)
            continue
        if m.kind == "role" and m.country is None:
            text = sentences_text.get(m.sentence, "")
            definite = bool(_ARTICLE_BEFORE.search(text[: m.start]))
            named = m.why.endswith(("named person", "named body"))
            if home and (definite or named):
                m = Mention(
                    m.sentence,
                    m.start,
                    m.end,
                    m.text,
                    f"{home}{m.sector or ''}",
                    home,
                    m.sector,
                    resources.country_name(home) or home,
                    kind="role",
                    why=f"context: '{m.text}' of the story's home country {home}",
                    confidence=0.7,
                )
            elif named or (home is None and (definite or (m.start > 0 and m.text[:1].isupper()))):
                # "the government", "Parliament", "Minister X" in a story that names no country
                m.why += "; no country in reach: bare sector code"
                m.confidence = min(m.confidence, 0.4)
            elif "(bare," not in m.why:
                continue  # "the ministry" in a story about some country, too far to attach: not coded
            # else a generic actor with a bare code: protesters (CVL), rebels (REB)
        if m.country:
            recent.append((m.sentence, m.country))
        out.append(m)
    return out


def _main_dyad(mentions: list[Mention]) -> list[str]:
    """The story's two most-named countries (names, capitals, leaders, demonyms), when it names two."""
    counts: Counter[str] = Counter(
        m.country for m in mentions if m.country and m.kind not in ("role", "anaphor", "place", "region")
    )
    top = [c for c, _ in counts.most_common(2)]
    return top if len(top) == 2 else []


def _anaphor(
    m: Mention, near: list[str], home: str | None, dyad: list[str], resources: Resources
) -> list[Mention]:
    distinct: list[str] = []
    for named in reversed(near):
        if named not in distinct:
            distinct.append(named)
    if m.code == "two":
        if len(distinct) >= 2:
            pair = sorted(distinct[:2], key=lambda c: near.index(c))
            why = f"context: '{m.text}' = {pair[0]} and {pair[1]}, named just before"
        elif dyad:
            pair = dyad
            why = f"context: '{m.text}' = {pair[0]} and {pair[1]}, the story's most-named pair"
        else:
            return []
        return [
            Mention(
                m.sentence,
                m.start,
                m.end,
                m.text,
                c,
                c,
                None,
                resources.country_name(c) or c,
                kind="anaphor",
                why=why,
                confidence=0.7,
            )
            for c in pair
        ]
    country: str | None = distinct[0] if distinct else home
    if country is None:
        return []
    source = "the country named just before" if distinct else "the story's home country"
    return [
        Mention(
            m.sentence,
            m.start,
            m.end,
            m.text,
            country,
            country,
            None,
            resources.country_name(country) or country,
            kind="anaphor",
            why=f"context: '{m.text}' = {country}, {source}",
            confidence=0.7,
        )
    ]
