"""Who owns a mission, where it is, and who acted: read from the words around a mission word.

Owner: a word that marks it, before it ("the Saudi embassy", "Britain's embassy", "US-Botschaft"), after it
("l'ambassade américaine", "Botschafter Russlands", "embajada de México"), or the actor the actors stage
read with it ("the ambassador of Panama"); else a possessive ("its", "su", "ihre": the subject's own);
else, for "the embassy", the mission just spoken of; else the subject's. An expelled ambassador is not the
expelling state's: without a mark, it is the mission of the story whose host is the subject, or the other
country of the clause.

Host: the place after it ("in Tehran", "to the US and Israel", "aus Israel", "à Paris"), else the subject
when the subject does not own the mission ("Venezuela ordered the closure of the Colombian embassy"), else
the other party of what this sentence or the story already said, else another country of the clause,
else the story's country.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.doc import MissionChange, RelationChange
from dyad.missions.lexicon import CueMatch
from dyad.missions.sentence import Anchor, Parsed

_GOVERNED = ("host", "from", "with", "between")
_NEAR_SUBJECT = 8  # words between an actor and the change it hosts


@dataclass(slots=True)
class Context:
    """What earlier sentences of the document said, for sentences that name no actor of their own."""

    home: str | None = None
    subject: list[str] = field(default_factory=list)
    mission: tuple[str, str] | None = None  # (owner, host) of the last mission read as news
    main: tuple[str, str] | None = None  # (owner, host) of the first: the story's mission
    relation: tuple[str, str] | None = None  # the parties of the last relations change read as news
    past: bool = False  # the story is telling the past (see reader._tells_past)
    narrating_past: bool = False  # ... and the sentence being read gives no date of its own


@dataclass(slots=True)
class Parties:
    owners: list[str]
    hosts: list[tuple[str, str | None]]  # (country, city named)
    from_city: str | None
    why: list[str]
    districts: dict[str, str] = field(default_factory=dict)  # city -> the district named in it


@dataclass(frozen=True, slots=True)
class _Marks:
    owners: list[Anchor]
    cities: list[Anchor]  # a city before the mission word ("Britain's Moscow embassy")
    end: int  # the token after the mission word and its owner phrase
    possessive: bool
    definite: bool
    hosts: list[Anchor]  # a place the actors stage read with the mission word ("ambassador to Israel")
    foreign: bool = False  # "foreign diplomats", "other embassies": owned by no one the sentence names


def before_skipping(parsed: Parsed, i: int, roles: tuple[str, ...] = ("article",)) -> int:
    """The index of the first token before `i` that is not of these roles (nor a hyphen)."""
    j = i - 1
    while j >= 0 and (parsed.word(j) == "-" or any(parsed.is_(r, j) for r in roles)):
        j -= 1
    return j


def _joiner(parsed: Parsed, j: int) -> bool:
    return parsed.is_("conj", j) or parsed.word(j) in (",", "'s", "-")


def anchor_list(parsed: Parsed, i: int, repeat: str = "") -> tuple[list[Anchor], int]:
    """Anchors from token i on, joined by lists, articles and place words ("in Iran's capital Tehran");
    `repeat` is the preposition that may open each item again ("in Tschechien sowie in Österreich")."""
    out: list[Anchor] = []
    j, idle = i, 0
    clause = parsed.clause[i] if i < len(parsed.tokens) else -1
    while j < len(parsed.tokens) and parsed.clause[j] == clause and idle <= 2:
        anchor = parsed.anchor_at(j)
        if anchor is not None:
            if out and _places_kind(out[-1]) and not _places_kind(anchor) and parsed.word(j - 1) == ",":
                break  # "in Caracas, North Korea and Venezuela will ...": the list of places ended
            out.append(anchor)
            j, idle = anchor.end, 0
            continue
        w = parsed.word(j)
        if parsed.is_("article", j) or parsed.is_("filler", j) or (repeat and w == repeat) or _joiner(parsed, j):
            j, idle = j + 1, idle + (0 if _joiner(parsed, j) else 1)
            continue
        break
    return out, j


def _places_kind(anchor: Anchor) -> bool:
    return anchor.kind in ("city", "capital")


def in_phrase(parsed: Parsed, anchor: Anchor, roles: tuple[str, ...] = _GOVERNED) -> bool:
    """Whether a preposition of these roles governs the anchor (through articles, fillers and a list: a
    comma joins only items of a list, "in A, B and C", not "with Libya, the US will ...")."""
    j, item_end = anchor.start - 1, anchor.end
    while j >= 0:
        # "o governo do Peru": a word that also marks an owner ("de", "do") governs no place here
        if any(parsed.is_(r, j) for r in roles) and not (parsed.is_("owner", j) and not parsed.is_("host", j)):
            return True
        other = parsed.anchor_at(j)
        if other is not None:
            j, item_end = other.start - 1, other.end
            continue
        w = parsed.word(j)
        if w == ",":
            if not (parsed.is_("conj", item_end) or parsed.word(item_end) == ","):
                return False
            j -= 1
            continue
        if parsed.is_("article", j) or parsed.is_("filler", j) or parsed.is_("conj", j) or w in ("'s", "-"):
            j -= 1
            continue
        return False
    return False


def _owns_a_noun(parsed: Parsed, a: Anchor) -> bool:
    """An anchor that marks a mission word's owner ("the Canadian ambassador", "US-Botschaft")."""
    for n in parsed.role_matches("noun"):
        if a.end == n.start or a.start <= n.start < a.end or (parsed.word(a.end) == "-" and a.end + 1 == n.start):
            return True
    return False


def subject_of(parsed: Parsed, before: int, exclude: set[int], *, gerund: bool = False) -> list[Anchor] | None:
    """The actor(s) of the clause before token `before`.

    The first anchor no preposition governs, with its list ("Colombia and Chile"); after a speech word,
    the first one after it ("X said Y closed ..."); after a fronted phrase, the first one after its comma
    ("After Israel's raid, Turkey recalled ..."); a possessor just before a change noun ("Nauru's decision
    to cut ties"); for a gerund ("rompendo laços", "recalling its envoy"), the sentence's first actor.
    [] when the clause names none; None when a word like "others" or "a country" names an actor the
    sentence leaves unnamed (no earlier actor may stand in for it).
    """
    if not parsed.tokens:
        return []
    clause = parsed.clause[min(before, len(parsed.tokens) - 1)]
    clause_start = next(i for i, c in enumerate(parsed.clause) if c == clause)
    candidates = [
        a for a in parsed.anchors
        if a.end <= before and a.start not in exclude and a.kind != "city" and not in_phrase(parsed, a)
        and not _owns_a_noun(parsed, a)
    ]
    if gerund and candidates:
        return _group(parsed, candidates)
    here = [a for a in candidates if parsed.clause[a.start] == clause] or candidates
    lo = here[0].end if here else clause_start
    if any(parsed.role_at("other", i) for i in range(lo, before)):
        return None  # "Bolivia severs ties with Israel, others recall ambassadors"; "um país chama ..."
    if not here:
        return []
    actors = [a for a in here if a.kind != "demonym"]
    here = actors or here  # "the latest Israeli attack, the South African government ...": a demonym qualifies
    near = here[-1]
    if near.genitive and before - near.end <= 4 and near is not here[0]:
        return [near]  # "Nauru's decision to cut ties"
    first_token = next(i for i, c in enumerate(parsed.clause) if c == parsed.clause[here[0].start])
    speech = [m.end for m in parsed.role_matches("mode")
              if m.cue.value == "speech" and first_token <= m.start and m.end <= before]
    if speech:
        here = [a for a in here if a.start >= speech[-1]] or here
    if parsed.role_at("boundary", first_token) or parsed.is_("host", first_token):
        commas = [i for i in range(first_token, before) if parsed.word(i) == ","]
        if commas:
            here = [a for a in here if a.start > commas[0]] or here
    return _group(parsed, here)


def _group(parsed: Parsed, anchors: list[Anchor]) -> list[Anchor]:
    """The first anchor with the ones listed after it ("Saudi Arabia, Egypt, Bahrain and the UAE")."""
    group = [anchors[0]]
    for a in anchors[1:]:
        if _listed(parsed, group[-1].end, a.start):
            group.append(a)
        else:
            break
    return group


def _listed(parsed: Parsed, lo: int, hi: int) -> bool:
    """Whether the words between two actors join them in a list: a comma (with articles), or a
    conjunction with at most a few words ("and arch-rival Iran")."""
    between = range(lo, hi)
    if any(parsed.is_("conj", i) for i in between):
        return len(between) <= 4
    return bool(between) and all(parsed.word(i) == "," or parsed.is_("article", i) for i in between)


def _after_fronted_clause(parsed: Parsed, cue: CueMatch, taken: set[int]) -> list[Anchor]:
    """"After finally opening its embassy in Caracas, North Korea ...": a change told in a clause that
    opens the sentence is done by the main clause's first actor, after the comma."""
    comma = next((i for i in range(cue.end, len(parsed.tokens)) if parsed.word(i) == ","), None)
    if comma is None or any(parsed.anchor_at(i) for i in range(0, cue.start) if i not in taken):
        return []
    after = [a for a in parsed.anchors if a.start > comma and a.start not in taken and a.kind != "city"]
    return after[:1] if after and after[0].start <= comma + 3 else []


def agent_of(parsed: Parsed, cue: CueMatch) -> list[Anchor]:
    """ "expelled by Venezuela", "von Venezuela ausgewiesen": the actor after an agent word near the cue."""
    for i in range(max(0, cue.start - 6), min(len(parsed.tokens), cue.end + 4)):
        if parsed.is_("agent", i):
            found, _ = anchor_list(parsed, i + 1)
            if found:
                return found
    return []


def owner_marks(parsed: Parsed, noun: CueMatch) -> _Marks:
    span = noun.end - noun.start
    inside = next((a for a in parsed.anchors if a.start <= noun.start < a.end and a.end - a.start > span), None)
    if inside is not None:  # the actors stage read "the ambassador of Panama", "US ambassador" as one actor
        after = noun.end if noun.end < inside.end else None
        place_word = after is not None and (
            parsed.is_("host", after) or (parsed.is_("from", after) and not parsed.is_("owner", after))
        )
        if inside.city is not None or place_word:
            # "the ambassador to Israel", "the Moscow embassy": the place it is in, not its owner
            return _Marks([], [], noun.end, _possessive(parsed, noun), _definite(parsed, noun), [inside])
        return _Marks([inside], [], max(noun.end, inside.end), False, False, [])
    if any(parsed.role_at("other", j) for j in range(max(0, noun.start - 4), noun.start)):
        return _Marks([], [], noun.end, False, False, [], foreign=True)  # "foreign diplomats": not the subject's
    owners: list[Anchor] = []
    cities: list[Anchor] = []
    j = before_skipping(parsed, noun.start)
    attach = noun.start  # the token an owner before the mission word must touch
    while j >= 0:
        anchor = parsed.anchor_at(j)
        if anchor is None:
            break
        touching = anchor.end == attach or parsed.word(anchor.end) == "-"
        if anchor.kind in ("city", "capital") and not anchor.genitive and not owners and touching:
            cities.append(anchor)
            attach = anchor.start
            j = before_skipping(parsed, anchor.start)
            continue
        if not (anchor.genitive or (touching and anchor.kind in ("demonym", "abbreviation", "country"))):
            break
        owners.insert(0, anchor)
        k = before_skipping(parsed, anchor.start)
        if not (parsed.is_("conj", k) or parsed.word(k) == ","):
            break
        j = before_skipping(parsed, k)  # "the Israeli and Turkish ambassadors"
        nxt = parsed.anchor_at(j)
        attach = nxt.end if nxt is not None else k
    possessive = not owners and _possessive(parsed, noun)
    end = noun.end
    follower = parsed.anchor_at(end)
    if follower is not None and follower.kind in ("demonym", "country", "abbreviation") and not owners:
        owners.append(follower)  # "l'ambassade américaine", "Botschafter Russlands"
        end = follower.end
    elif parsed.is_("owner", end) and not owners and not possessive:
        found, stop = anchor_list(parsed, end + 1)
        found = [a for a in found if a.kind != "city"]
        if found:
            owners.extend(found)
            end = stop
    return _Marks(owners, cities, end, possessive, not owners and _definite(parsed, noun), [])


def _possessive(parsed: Parsed, noun: CueMatch) -> bool:
    """"its embassy", "su nueva embajada", and a mission word that is itself one ("its own")."""
    j = before_skipping(parsed, noun.start, ("article", "filler"))
    return any(parsed.is_("possessive", i) for i in (j, noun.start - 1, noun.start))


def _definite(parsed: Parsed, noun: CueMatch) -> bool:
    j = noun.start - 1
    while j >= 0 and parsed.is_("article", j) and not parsed.is_("definite", j):
        j -= 1
    return parsed.is_("definite", j)


def host_phrase(
    parsed: Parsed, start: int, limit: int = 4, *, moving: bool = False
) -> tuple[list[Anchor], list[Anchor], str]:
    """(hosts, origins, preposition) of the first place phrase after token `start`, in its clause; for a
    move, a destination word ("a Jerusalén", "para Jerusalém") also names the host."""
    clause = parsed.clause[start] if start < len(parsed.tokens) else -1
    hosts: list[Anchor] = []
    origins: list[Anchor] = []
    prep = ""
    j = start
    while j < min(len(parsed.tokens), start + limit) and parsed.clause[j] == clause:
        if parsed.is_("host", j) or parsed.is_("from", j) or (moving and parsed.is_("dest", j)):
            found, stop = anchor_list(parsed, j + 1, parsed.word(j))
            if found:
                if parsed.is_("from", j) and not parsed.is_("host", j):
                    origins.extend(found)
                else:
                    hosts.extend(found)
                    prep = prep or parsed.word(j)
                j, start = stop, stop  # "from Tel Aviv to Jerusalem": read on
                continue
        j += 1
    return hosts, origins, prep


def places(anchors: list[Anchor]) -> list[tuple[str, str | None]]:
    """Countries with the city named for each ("Iran's capital Tehran": IRN, Tehran), in order."""
    out: list[tuple[str, str | None]] = []
    for a in anchors:
        for k, (country, city) in enumerate(out):
            if country == a.country:
                out[k] = (country, city or a.city)
                break
        else:
            out.append((a.country, a.city))
    return out


def _other_of(pair: tuple[str, str] | None, code: str) -> str | None:
    if pair is None or code not in pair:
        return None
    return pair[1] if pair[0] == code else pair[0]


def mission_parties(
    parsed: Parsed,
    cue: CueMatch,
    noun: CueMatch | None,
    status: str,
    context: Context,
    earlier: list[MissionChange],
    relations: list[RelationChange],
) -> Parties:
    why: list[str] = []
    marks = owner_marks(parsed, noun) if noun is not None else _Marks([], [], cue.end, False, False, [])
    taken = {a.start for a in marks.owners + marks.cities + marks.hosts}
    moving = status == "relocated"
    hosts, origins, prep = host_phrase(parsed, marks.end, moving=moving)
    if not hosts and not origins and (noun is None or noun.start < cue.start):
        # "the embassy will reopen in Kabul"; "asked to leave Mali" (the place word ends the change words)
        after = cue.end - 1 if parsed.is_("host", cue.end - 1) else cue.end
        hosts, origins, prep = host_phrase(parsed, after, moving=moving)
    if status == "relocated" and marks.hosts:  # "su embajada de Tel Aviv a Jerusalén": where it leaves
        hosts, origins = (hosts, marks.hosts) if hosts else (marks.hosts, origins)
    else:
        hosts = marks.hosts + hosts
    if not hosts and status != "relocated" and origins:
        hosts, origins = origins, []  # "recalled its ambassador from Venezuela"
    taken |= {a.start for a in hosts + origins}
    agent = agent_of(parsed, cue) if status == "ambassador expelled" else []
    gerund = parsed.lex.form("gerund", parsed.word(cue.start))
    found = agent or subject_of(parsed, min(cue.start, noun.start if noun else cue.start), taken, gerund=gerund)
    if found is None:
        return Parties([], [], None, ["an actor the sentence does not name"])
    subject = found or _after_fronted_clause(parsed, cue, taken)
    subject_codes = [a.country for a in subject]
    if subject:
        why.append(f"subject {', '.join(a.text for a in subject)}")
    owners = [a.country for a in marks.owners]
    if owners:
        why.append(f"owner {', '.join(a.text for a in marks.owners)}")
    host_places = places(hosts + marks.cities)
    if host_places:
        why.append(f"host '{prep} {', '.join(a.text for a in hosts + marks.cities)}'".replace("' ", "'"))
    if not owners and marks.foreign:
        return Parties([], [], None, why + ["'foreign': no owner named"])
    clause = parsed.clause[cue.start]
    both = any(parsed.role_at("both", i) for i in range(len(parsed.tokens)) if parsed.clause[i] == clause)
    if not owners and not subject and both and context.relation is not None:
        owners = list(context.relation)  # "Botschafter in die jeweils andere Hauptstadt": the story's two
        why.append(f"each of the story's two ({' and '.join(owners)})")
    if not owners:
        noun_start = noun.start if noun is not None else cue.start
        owners = _unmarked_owner(
            parsed, status, marks, subject_codes, host_places, context, earlier, why, noun_start, cue.start
        )
        story = context.mission
        if not subject_codes and owners and story and not host_places and owners[0] == story[0]:
            host_places = [(story[1], None)]
    if status == "relocated" and not host_places and origins:
        host_places = [(origins[0].country, None)]
    if not host_places and owners:
        # the subject hosts what it acts on only when it acts on it ("Venezuela ordered the closure of the
        # Colombian embassy"), not when the mission is named deep in another phrase
        near = bool(subject) and min(cue.start, noun.start if noun else cue.start) - subject[-1].end <= _NEAR_SUBJECT
        host_places = _default_hosts(parsed, cue, owners, subject_codes, context, earlier, relations, why, near)
    from_city = next((a.city for a in origins if a.city), None) if moving else None
    districts = {a.city: a.district for a in hosts + marks.cities if a.city and a.district}
    return Parties(owners, host_places, from_city, why, districts)


def _earlier_marked_owner(parsed: Parsed, noun_start: int) -> str | None:
    """"expels Israeli diplomats, shuts embassy": an unmarked mission word after a marked one is its mission."""
    for noun in reversed([n for n in parsed.role_matches("noun") if n.end <= noun_start]):
        marks = owner_marks(parsed, noun)
        if marks.owners:
            return marks.owners[-1].country
    return None


def _possessor(parsed: Parsed, before: int, subject: list[str]) -> list[str]:
    """Whose "its"/"their" is: the nearest actor before it in its clause that owns no other mission word
    ("the US decision to move its embassy"), with its list; else the subject."""
    clause = parsed.clause[min(before, len(parsed.tokens) - 1)]
    near = [
        a for a in parsed.anchors
        if a.end <= before and parsed.clause[a.start] == clause and a.kind != "city" and not in_phrase(parsed, a)
        and a.kind != "capital" and not _owns_a_noun(parsed, a)
    ]
    if not near:
        return list(subject)
    group = [near[-1]]
    for a in reversed(near[:-1]):
        if _listed(parsed, a.end, group[0].start):
            group.insert(0, a)
        else:
            break
    return [a.country for a in group]


def _unmarked_owner(
    parsed: Parsed,
    status: str,
    marks: _Marks,
    subject: list[str],
    hosts: list[tuple[str, str | None]],
    context: Context,
    earlier: list[MissionChange],
    why: list[str],
    noun_start: int,
    cue_start: int,
) -> list[str]:
    if status == "ambassador expelled":
        expeller = subject or [h for h, _ in hosts]
        story = [(m.sender, m.host) for m in reversed(earlier)] + [p for p in (context.main, context.mission) if p]
        for owner, host in story:
            if owner not in expeller and (not expeller or host in expeller):
                why.append(f"owner {owner}: the mission of the story ({owner} in {host})")
                return [owner]
        others = [a.country for a in parsed.anchors if a.country not in expeller and a.kind != "city"]
        if others:
            why.append(f"owner {others[0]}: the other country of the sentence")
        return others[:1]
    earlier_owner = _earlier_marked_owner(parsed, noun_start)
    if earlier_owner and not marks.possessive and not hosts:
        why.append(f"owner {earlier_owner}: the mission named before it in the sentence")
        return [earlier_owner]
    if marks.definite and not hosts:  # "the embassy": the mission just spoken of
        previous = earlier[-1] if earlier else None
        if previous is not None and (not subject or previous.sender in subject):
            why.append("the mission named just before ('the embassy')")
            return [previous.sender]
        for pair in (context.main, context.mission):
            if pair is not None and (not subject or pair[0] in subject):
                why.append("the mission of an earlier sentence ('the embassy')")
                return [pair[0]]
    if marks.possessive:
        gerund = parsed.lex.form("gerund", parsed.word(cue_start))
        possessor = (subject if gerund else _possessor(parsed, noun_start, subject)) or context.subject
        if possessor:
            why.append(f"possessive: {', '.join(possessor)}'s own")
        return list(possessor)  # "its": whose the sentence says, or the last actor named; never a guess
    if not subject and context.mission is not None:
        why.append("the mission of an earlier sentence")
        return [context.mission[0]]
    return list(subject)


def _default_hosts(
    parsed: Parsed,
    cue: CueMatch,
    owners: list[str],
    subject: list[str],
    context: Context,
    earlier: list[MissionChange],
    relations: list[RelationChange],
    why: list[str],
    near_subject: bool = True,
) -> list[tuple[str, str | None]]:
    owner = owners[0]
    acting = subject and not set(subject) & set(owners)
    if acting and near_subject:
        why.append("host: the subject")
        return [(c, None) for c in subject]
    for m in reversed(earlier):
        other = m.host if m.host != owner else m.sender
        if other != owner:
            why.append(f"host {other}: the other party of this sentence's {m.status}")
            return [(other, m.city if other == m.host else None)]
    for r in reversed(relations):
        party = _other_of((r.a, r.b), owner)
        if party:
            why.append(f"host {party}: the other party of this sentence's relations")
            return [(party, None)]
    for pair in (context.mission, context.relation):
        party = _other_of(pair, owner)
        if party:
            why.append(f"host {party}: the other party of the story")
            return [(party, None)]
    clause = parsed.clause[cue.start]
    others = [
        a
        for a in parsed.anchors
        if a.country not in owners and a.country not in subject and parsed.clause[a.start] == clause
    ]
    if others:
        near = min(others, key=lambda a: abs(a.start - cue.start))
        why.append(f"host {near.country}: another country of the clause")
        return [(near.country, near.city)]
    if acting:
        why.append("host: the subject")
        return [(c, None) for c in subject]
    if context.home and context.home not in owners:
        why.append(f"host {context.home}: the story's country")
        return [(context.home, None)]
    return []


def reciprocal(
    parsed: Parsed, cue: CueMatch, noun: CueMatch | None, parties: Parties
) -> list[tuple[str, str, str | None]]:
    """ "A and B agreed to reopen embassies", "Embassies open in Washington, Havana": each in the other's."""
    clause = parsed.clause[cue.start]
    both = any(parsed.role_at("both", i) for i in range(len(parsed.tokens)) if parsed.clause[i] == clause)
    plural = noun is not None and noun.cue.needs == "plural"
    if not (both or plural):
        return []
    owners = list(dict.fromkeys(parties.owners))
    hosts = parties.hosts
    if len(owners) == 2 and (not hosts or {h for h, _ in hosts} <= set(owners)):
        a, b = owners
        cities = dict(hosts)
        return [(a, b, cities.get(b)), (b, a, cities.get(a))]
    if len(hosts) == 2 and (not owners or set(owners) <= {h for h, _ in hosts}):
        (a, city_a), (b, city_b) = hosts
        return [(a, b, city_b), (b, a, city_a)]
    return []
