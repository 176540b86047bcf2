"""Turn name hits into mentions: pick the sense by date and context, attach roles to countries.

Three passes, all pure functions:
- `choose_senses` reads the whole document once and picks the sense of each ambiguous name
  ("Korea", "Georgia", "Congo") from `ambiguity.tsv`'s cues and the countries named elsewhere;
- `hits_to_mentions` turns one sentence's hits into mentions and joins the pieces of one actor
  phrase ("Russian" + "Foreign Minister" + "Sergei Lavrov", "Iraqi" + "troops");
- `resolve_context` fills what only the article can tell: bare roles ("the government") from
  its home country, "the country" and "both nations" from the countries just named.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterable
from functools import lru_cache

from dyad.actors.matcher import Entry, Hit
from dyad.doc import Mention
from dyad.resources import Leader, Resources
from dyad.text.normalize import fold, fold_key

# Between a country and its role: "Venezuelan government", "North Korea's army", "Korea’s".
_COUNTRY_THEN_ROLE = re.compile(r"^(?:\s+|\s?['’]s?\s+|\s*-\s*)$")
# Between a role and its country: "government of Venezuela", "Gobierno de la República ...".
_ROLE_THEN_COUNTRY = re.compile(
    r"^\s+(?:of(?:\s+the)?|de(?:l|\s+la|\s+los|\s+las)?|from|in)\s+$", re.IGNORECASE
)
# Roles that stand in another country than the one after "in": "the embassy in Caracas" is not Venezuela's.
_NOT_OF_HOST = {"embassy", "embassies", "consulate", "embajada", "consulado", "delegation", "delegación"}
# Capitalised words right before a title belong to it: "Senate Majority Leader", "Labor Minister".
_CAPS_BEFORE = re.compile(r"(?:(?:[A-Z][\w.'’&-]*|of|for|and)[ \t]+){1,4}$")
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:the|el|la|los|las)\s+)(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# A person's name after a title: up to four capitalised words ("Sergei Lavrov", "Jean-Pierre Lacroix").
_NAME_AFTER = re.compile(r"^[ \t]+((?:(?:[A-Z][\w'’.-]*|al-|bin|de|da|van|von|der|el-)[ \t]*){1,5})")
# Between a title and a known surname: first names the tables lack ("canciller ruso Serguéi Lavrov").
_FIRST_NAMES = re.compile(r"^[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){1,2}$")
_CAPITAL_WORD = re.compile(r"[A-Z][\w'’-]+")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|at|from|to|outside|across|around|en|cerca de|desde|hacia)\s+(?:the\s+)?$", re.IGNORECASE
)
# A name that only qualifies a compound adjective is not an actor: "Russian-made", "Syria-related";
# "US-backed" and "Taliban-held" keep theirs (the backer, the holder acts).
_COMPOUND_AFTER = re.compile(
    r"-(?:made|based|born|related|style|language|speaking|owned|registered|flagged|"
    r"bound|built|designed|listed|inspired|focused|specific|wide)\b"
)
# "pre-Columbian", "post-Soviet", "non-Western": a prefixed name is an adjective of time or kind.
_PREFIX_BEFORE = re.compile(r"\b(?:pre|post|non|ex|neo|sub|trans)-$", re.IGNORECASE)
_COUNTRY_KINDS = {"country", "demonym", "ethnic", "abbreviation", "capital", "epithet", "ambiguous"}
_BODY_KINDS = {"igo", "ngo", "group", "organisation", "seat"}


def choose_senses(hits: Iterable[Hit], text: str, resources: Resources) -> dict[str, str]:
    """For each ambiguous name in the document, the sense its context votes for (folded name -> code or -)."""
    names = {}
    for hit in hits:
        entry = hit.entries[0]
        if entry.name is not None and entry.name.kind == "ambiguous":
            names[fold_key(entry.name.name)] = entry.name.name
    if not names:
        return {}
    folded = fold(text)
    chosen = {}
    for key in names:
        amb = resources.ambiguity[key]
        scores = []
        for order, sense in enumerate(amb.senses):
            # Only the table's cues vote: "Nigeria" next to "Niger" is no evidence that "Niger" means Nigeria.
            score = sum(fold(cue) in folded for cue in amb.cues.get(sense, ()))
            scores.append((score, -order, sense))
        chosen[key] = max(scores)[2]
    return chosen


def hits_to_mentions(
    hits: list[Hit],
    text: str,
    sentence: int,
    date: str | None,
    resources: Resources,
    senses: dict[str, str] | None = None,
) -> list[Mention]:
    hits = [
        h
        for h in hits
        if not _COMPOUND_AFTER.match(text, h.end)
        and not _PREFIX_BEFORE.search(text[max(0, h.start - 6) : h.start])
    ]
    mentions = [
        m for m in (_sense(h, text, sentence, date, resources, senses or {}) for h in hits) if m is not None
    ]
    return _with_acronyms(_join_phrases(mentions, text, resources), text)


def _with_acronyms(mentions: list[Mention], text: str) -> list[Mention]:
    """ "Nigerian Air Force (NAF)": the acronym in brackets is the same actor; the span takes it in."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.start > prev.end
            and re.fullmatch(r"\s*\(", text[prev.end : m.start])
            and text[m.end : m.end + 1] == ")"
            and m.text.isupper()
        ):
            out[-1] = Mention(
                prev.sentence,
                prev.start,
                m.end + 1,
                text[prev.start : m.end + 1],
                prev.code,
                prev.country,
                prev.sector,
                prev.name,
                kind=prev.kind,
                why=prev.why,
                confidence=prev.confidence,
            )
            continue
        out.append(m)
    return out


def _sense(
    hit: Hit, text: str, sentence: int, date: str | None, resources: Resources, senses: dict[str, str]
) -> Mention | None:
    surface = text[hit.start : hit.end]
    entry = hit.entries[0]
    if entry.name is None:
        return _leader_mention(hit, surface, sentence, date)
    name = entry.name
    if name.kind == "ambiguous":
        return _ambiguous_mention(hit, entry, surface, text, sentence, resources, senses)
    if name.kind == "anaphor":
        return Mention(
            sentence,
            hit.start,
            hit.end,
            surface,
            name.code,
            None,
            None,
            name.name,
            kind="anaphor",
            why=f"anaphor: refers to {name.code} country named nearby",
        )
    if (
        name.source in ("cldr", "countrynames")
        and name.lang not in ("en", "es")
        and " " not in surface
        and _next_to_capitalised(text, hit.start, hit.end)
    ):
        return None  # "Maurizio Sacconi": Italian for Mauritius, here a first name
    confidence = 1.0 if hit.unique else 0.6
    display = resources.country_name(name.country) or name.name
    if name.kind in ("role", "igo", "ngo", "group", "organisation", "region"):
        display = name.name
    why = f"dictionary: {name.kind} ({name.source}, {name.lang})"
    if name.kind == "place":
        confidence = 0.6
    if name.kind in ("capital", "place") and _PLACE_BEFORE.search(text[: hit.start]):
        confidence, why = 0.5, why + "; after a preposition, likely a place"
    return Mention(
        sentence,
        hit.start,
        hit.end,
        surface,
        name.code,
        name.country,
        name.sector,
        display,
        kind=name.kind,
        why=why,
        confidence=confidence,
    )


def _leader_mention(hit: Hit, surface: str, sentence: int, date: str | None) -> Mention | None:
    leaders = [leader for e in hit.entries for leader in e.leaders]
    leader = leader_on(date, leaders)
    if leader is None:
        return None
    why = f"leader: {leader.name}, in office {leader.start}..{leader.end or 'now'}"
    if not leader.in_office(date):
        why += f" (not in office on {date}: nearest term)"
    return Mention(
        sentence,
        hit.start,
        hit.end,
        surface,
        leader.code,
        leader.country,
        leader.sector,
        leader.name,
        kind="leader",
        why=why,
    )


def _ambiguous_mention(
    hit: Hit,
    entry: Entry,
    surface: str,
    text: str,
    sentence: int,
    resources: Resources,
    senses: dict[str, str],
) -> Mention | None:
    assert entry.name is not None
    key = fold_key(entry.name.name)
    amb = resources.ambiguity[key]
    if amb.person and _next_to_capitalised(text, hit.start, hit.end):
        return None  # "Michael Jordan", "Jordan Peterson"
    sense = senses.get(key, amb.senses[0])
    if sense == "-":
        return None
    kind = "demonym" if re.search(r"(?:an|ans|ese|ano|anos|ana|anas)$", key) else "country"
    return Mention(
        sentence,
        hit.start,
        hit.end,
        surface,
        sense,
        sense[:3],
        sense[3:6] or None,
        resources.country_name(sense[:3]) or surface,
        kind=kind,
        why=f"ambiguous name '{amb.name}': {sense} from context (senses {'|'.join(amb.senses)})",
        confidence=0.8,
    )


def _next_to_capitalised(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip()
    after = text[end:]
    prev = re.search(r"([\w'’-]+)$", before)
    if (
        prev
        and prev.group(1)[:1].isupper()
        and before[: prev.start()].strip()
        and not before[: prev.start()].rstrip().endswith((".", "!", "?", ":", '"'))
        and text[start - 1] == " "
    ):
        return True
    nxt = re.match(r"^ ([\w'’-]+)", after)
    return bool(nxt and nxt.group(1)[:1].isupper())


def leader_on(date: str | None, leaders: list[Leader]) -> Leader | None:
    """The leader of that name in office on `date`; else the nearest term: the latest before `date`, else (for
    curated office holders only) the first after it. A REIGN surname is never read as a future leader."""
    if not leaders:
        return None
    in_office = [ld for ld in leaders if ld.in_office(date)]
    if in_office:
        return in_office[-1]
    if date is None:
        return max(leaders, key=lambda ld: (ld.source != "reign", ld.start))
    before = [ld for ld in leaders if ld.start <= date]
    if before:
        return max(before, key=lambda ld: (ld.source != "reign", ld.start))
    curated = [ld for ld in leaders if ld.source != "reign"]
    return min(curated, key=lambda ld: ld.start) if curated else None


def _join_phrases(mentions: list[Mention], text: str, resources: Resources) -> list[Mention]:
    """Join the pieces of one actor phrase, left to right: country + role, role + of + country,
    title + leader, and a title's following capitalised name."""
    titles = _titles(resources)
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None:
            joined = _join(prev, m, text, titles)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(m)
    heads = _org_heads(resources)
    extended = [
        _extend_org(m, text, out) if m.kind == "role" and fold_key(m.text) in heads else m for m in out
    ]
    kept = [m for m in extended if m is not None]
    return [_extend_title(m, text, titles, kept) for m in kept]


_DETERMINERS = frozenset("the a an this that its their his her our el la los las".split())


@lru_cache(maxsize=8)
def _org_heads(resources: Resources) -> frozenset[str]:
    return frozenset(fold_key(r.name) for r in resources.roles if r.org)


def _extend_org(m: Mention, text: str, mentions: list[Mention]) -> Mention | None:
    """A capitalised name before an organisation's head makes an organisation ("Farm Bureau Federation",
    "the Neighborhood Association"); the head alone ("the group") is no actor."""
    if m.country is not None:
        return m
    named = _extend_left(m, text, mentions)
    words = text[named.start : m.start].split()
    if not [w for w in words if w.lower() not in _DETERMINERS] or not named.text[:1].isupper():
        return None  # "The group": a determiner is no name
    return Mention(
        named.sentence,
        named.start,
        named.end,
        named.text,
        named.code,
        None,
        named.sector,
        named.text,
        kind="role",
        why=f"{m.why}; named body",
        confidence=0.6,
    )


@lru_cache(maxsize=8)
def _titles(resources: Resources) -> frozenset[str]:
    return frozenset(fold_key(r.name) for r in resources.roles if r.title)


def _join(a: Mention, b: Mention, text: str, titles: frozenset[str]) -> Mention | None:
    gap = text[a.end : b.start]
    a_has_actor = a.kind != "role" or a.country is not None or a.why.startswith("role ")
    # "Russian" + "Foreign Minister", "Taliban" + "fighters", "NATO" + "Secretary General"
    if (
        b.kind == "role"
        and b.country is None
        and a.kind not in ("role", "anaphor")
        and (a.country or a.kind in _BODY_KINDS or a.kind == "ethnic")
        and _COUNTRY_THEN_ROLE.match(gap)
    ):
        return _merge(a, b, a, b, text, title=_is_title(b, titles))
    # "Israeli military" + "jets", "Syrian government" + "forces": the head noun (the last) gives the sector
    if (
        a.kind == "role"
        and a.country
        and b.kind == "role"
        and b.country is None
        and gap == " "
        and not a.why.endswith("named person")
    ):
        sector = b.sector or a.sector
        title = "; title" if _is_title(b, titles) else ""
        return Mention(
            a.sentence,
            a.start,
            b.end,
            text[a.start : b.end],
            f"{a.country}{sector or ''}",
            a.country,
            sector,
            a.name,
            kind="role",
            why=f"{a.why}; {b.text!r}{title}",
            confidence=a.confidence,
        )
    # "Chief" + "Minister", "army" + "chief": one role, the last word's sector
    if a.kind == "role" and b.kind == "role" and a.country is None and b.country is None and gap == " ":
        title = "; title" if _is_title(b, titles) else ""
        return Mention(
            a.sentence,
            a.start,
            b.end,
            text[a.start : b.end],
            b.code,
            None,
            b.sector,
            b.name,
            kind="role",
            why=f"{b.why}; with {a.text!r}{title}",
            confidence=b.confidence,
        )
    # "government of Venezuela", "Gobierno de Venezuela", "troops from Chad"
    if (
        a.kind == "role"
        and a.country is None
        and b.kind in _COUNTRY_KINDS | _BODY_KINDS
        and b.country
        and (_ROLE_THEN_COUNTRY.match(gap) or (b.kind == "demonym" and gap.isspace()))
        and not (gap.strip().lower() == "in" and fold_key(a.text) in _NOT_OF_HOST)
    ):
        return _merge(b, a, a, b, text, title=_is_title(a, titles))
    # "President" + "Donald Trump", "US Foreign Minister" + "Rex Tillerson": the person's code wins
    if (
        b.kind == "leader"
        and a.kind == "role"
        and (a.why.endswith("title") or _is_title(a, titles))
        and (gap.strip() in ("", ",") or _FIRST_NAMES.match(gap))
        and "\n" not in gap
    ):
        if a.country is None or b.country is None or a.country == b.country or not a_has_actor:
            return Mention(
                b.sentence,
                a.start,
                b.end,
                text[a.start : b.end],
                b.code,
                b.country,
                b.sector,
                b.name,
                kind="leader",
                why=f"{b.why}; title '{text[a.start : b.start].strip()}'",
            )
    return None


def _is_title(m: Mention, titles: frozenset[str]) -> bool:
    return m.kind == "role" and fold_key(m.text) in titles


def _merge(
    country: Mention, role: Mention, first: Mention, last: Mention, text: str, title: bool = False
) -> Mention:
    sector = role.sector or ""
    if country.kind == "ethnic" and not country.country:  # "Kurdish fighters": the group's code and the role
        code, sector_out = f"{country.code}{sector}", sector or None
    elif country.sector or not country.country:
        code, sector_out = country.code, country.sector
    else:
        code, sector_out = f"{country.country}{sector}", sector or None
    why = f"role '{role.text}' of {country.country or country.code}" + ("; title" if title else "")
    kind = "role" if country.country else country.kind  # "UN officials" stays the UN's
    return Mention(
        country.sentence,
        first.start,
        last.end,
        text[first.start : last.end],
        code,
        country.country,
        sector_out,
        country.name,
        kind=kind,
        why=why,
        confidence=min(country.confidence, 1.0),
    )


def _extend_title(m: Mention, text: str, titles: frozenset[str], mentions: list[Mention]) -> Mention:
    """A title followed by a capitalised name the tables do not know: the name joins the span."""
    if m.kind != "role" or not (m.why.endswith("title") or _is_title(m, titles)):
        return m
    if m.country is None:
        m = _extend_left(m, text, mentions)
    found = _NAME_AFTER.match(text[m.end :])
    if not found or not _CAPITAL_WORD.match(found.group(1)):
        return m
    end = m.end + found.end(1)
    end = min([end, *(o.start for o in mentions if o.start >= m.end)])
    while end > m.end and text[end - 1] in " \t":
        end -= 1
    if end <= m.end:
        return m
    return Mention(
        m.sentence,
        m.start,
        end,
        text[m.start : end],
        m.code,
        m.country,
        m.sector,
        m.name,
        kind="role",
        why=m.why + "; named person",
        confidence=m.confidence,
    )


def _extend_left(m: Mention, text: str, mentions: list[Mention]) -> Mention:
    """Capitalised words right before a title with no country join it ("Senate Majority Leader")."""
    found = _CAPS_BEFORE.search(text[: m.start])
    if not found:
        return m
    start = found.start()
    for other in mentions:
        if other.end <= m.start and other.end > start and other is not m:
            start = max(start, other.end)
    while start < m.start and not text[start].isupper():
        start += 1
    if start >= m.start:
        return m
    return Mention(
        m.sentence,
        start,
        m.end,
        text[start : m.end],
        m.code,
        m.country,
        m.sector,
        m.name,
        kind=m.kind,
        why=m.why,
        confidence=m.confidence,
    )


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
            reach = 0 if m.sentence in paragraph_starts else 1
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
