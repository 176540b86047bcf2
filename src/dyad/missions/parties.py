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
from dyad.missions.phrases import (
    Marks,
    anchor_list,
    host_phrase,
    in_phrase,
    owner_marks,
    owns_a_noun,
    places,
    unnamed_host,
)
from dyad.missions.sentence import Anchor, Parsed

_NEAR_SUBJECT = 8  # words between an actor and the change it hosts
_QUOTES = ('"', "„")  # quotation marks as folded
_SPEAKER_WINDOW = 10  # words after a closing quote that may name its speaker


@dataclass(slots=True)
class Context:
    """What earlier sentences of the document said, for sentences that name no actor of their own."""

    home: str | None = None
    subject: list[str] = field(default_factory=list)
    mission: tuple[str, str] | None = None  # (owner, host) of the last mission read as news
    main: tuple[str, str] | None = None  # (owner, host) of the first: the story's mission
    relation: tuple[str, str] | None = None  # the parties of the last relations change read as news
    change: str | None = None  # the status of the last mission change read as news ("then came the turn of")
    past: bool = False  # the story is telling the past (see reader._tells_past)
    narrating_past: bool = False  # ... and the sentence being read gives no date of its own


@dataclass(slots=True)
class Parties:
    owners: list[str]
    hosts: list[tuple[str, str | None]]  # (country, city named)
    from_city: str | None
    why: list[str]
    districts: dict[str, str] = field(default_factory=dict)  # city -> the district named in it
    subject: list[str] = field(default_factory=list)  # who acted, as the sentence names them
    named_host: bool = False  # the sentence names where the mission is ("in Tehran"), not the story


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
    # an actor of a relative clause between commas (", que también sirve a A, B y C,") acts in that clause only
    candidates = [
        a for a in parsed.anchors
        if a.end <= before and a.start not in exclude and a.kind != "city" and not in_phrase(parsed, a)
        and not owns_a_noun(parsed, a) and (parsed.clause[a.start] == clause or not _in_relative(parsed, a.start))
        and not _glossed(parsed, a)
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


def _accredited_where_it_was(
    host_places: list[tuple[str, str | None]], origin: str | None, from_city: str | None, why: list[str]
) -> tuple[list[tuple[str, str | None]], str | None]:
    """ "transferiu a sua embaixada em Cartum, no Sudão, para Adis Abeba, na Etiópia": an embassy moved to a city
    of another state still serves the state it left; its host stays, its city is the new one (the host of the
    new city has a mission of its own, not this one)."""
    countries = list(dict.fromkeys(country for country, _ in host_places))
    if origin is not None and countries == [host_places[-1][0]] and origin != countries[0] and host_places[-1][1]:
        why.append(f"moved abroad: still the mission to {origin}")
        return [(origin, host_places[-1][1])], from_city
    if origin is None and len(countries) == 2 and len(host_places) == 2 and all(city for _, city in host_places):
        (left, left_city), (_, new_city) = host_places
        why.append(f"moved abroad: still the mission to {left}")
        return [(left, new_city)], left_city
    return host_places, from_city


def _glossed(parsed: Parsed, a: Anchor) -> bool:
    """ "o consulado em Basra (Iraque)": a state alone in brackets glosses the place before
    it, where something is; it does not act."""
    return a.start > 0 and parsed.word(a.start - 1) == "(" and parsed.word(a.end) == ")"


def speaker_after_quote(parsed: Parsed, cue: CueMatch) -> list[Anchor]:
    """The speaker named after the quote that tells the change ("«Nous fermons l'ambassade», a déclaré le
    ministre lituanien", '"We are closing the embassy," said Lithuania's foreign minister'): the actor
    of the speech words that follow the closing quotation mark, in the words before the sentence ends."""
    quotes = [i for i, t in enumerate(parsed.tokens) if t.norm in _QUOTES]
    opening = [i for i in quotes if i < cue.start]
    closing = [i for i in quotes if i >= cue.end]
    if len(opening) % 2 == 0 or not closing:
        return []  # the change word is not inside a quotation
    window = range(closing[0] + 1, min(len(parsed.tokens), closing[0] + 1 + _SPEAKER_WINDOW))
    if not any(m.cue.value == "speech" and m.start in window for m in parsed.role_matches("mode")):
        return []
    for i in window:
        if parsed.word(i) in (".", ";", ":") or parsed.word(i) in _QUOTES:
            break
        anchor = parsed.anchor_at(i)
        if anchor is not None and anchor.kind != "city" and not in_phrase(parsed, anchor):
            return [anchor]
    return []


def subject_after_verb(parsed: Parsed, cue: CueMatch, noun: CueMatch | None, marks_end: int) -> list[Anchor]:
    """The actors named right after the change verb when none is named before it ("Las embajadas en Kiev
    cerraron España, Italia y Grecia", "Daraufhin schlossen Spanien und Italien ihre Botschaften"), or
    right after its object and the object's place ("cerraron sus embajadas en Kiev España e Italia"):
    the subject after its verb, with its list. Not after a change noun ("el cierre de ..."), nor a state
    a preposition governs or that owns a mission word ("closed Canada's embassy")."""
    before = cue.start - 1
    if any(parsed.is_(role, before) for role in ("article", "possessive", "host", "owner")):
        return []  # a change noun: "la fermeture de la France" names whose mission closed, not who acted
    starts = [cue.end]
    if noun is not None and noun.start >= cue.end:
        after = marks_end
        if parsed.is_("host", after):
            _, after = anchor_list(parsed, after + 1, parsed.word(after))
        starts.append(after)
    for start in starts:
        j = start
        while parsed.is_("article", j):
            j += 1
        found, _ = anchor_list(parsed, j)
        if not found or found[0].start != j:
            continue
        actors = [a for a in found if a.kind not in ("city", "demonym") and not owns_a_noun(parsed, a)]
        if actors and actors[0] is found[0] and not in_phrase(parsed, found[0]) and not found[0].genitive:
            return actors
    return []


def reports(parsed: Parsed, anchor: Anchor, cue: CueMatch) -> bool:
    """Whether an actor after the change word is the one who reports it, not a party to it ("..., according
    to Spanish officials", "..., Spanish officials said", "según fuentes españolas"): it follows a speech
    word that follows the change word, or stands just before one."""
    for m in parsed.role_matches("mode"):
        if m.cue.value != "speech" or m.start < cue.end:
            continue
        if m.end <= anchor.start or 0 <= m.start - anchor.end <= 3:
            return True
    return False


def _told_to_act(parsed: Parsed, cue: CueMatch, subject: list[str]) -> str | None:
    """The state a command word tells to do the change ("ordered Russia to close", "pidió a Perú
    cerrar"): an actor between the command word and the change word, next to it, not the subject."""
    clause = parsed.clause[cue.start]
    commands = [
        m for m in parsed.role_matches("mode")
        if m.cue.value == "command" and m.end <= cue.start and parsed.clause[m.start] == clause
    ]
    if not commands:
        return None
    between = [a for a in parsed.anchors if commands[-1].end <= a.start and a.end <= cue.start and a.kind != "city"]
    if not between or cue.start - between[-1].end > 2 or between[-1].country in subject:
        return None
    return between[-1].country


def _in_relative(parsed: Parsed, i: int) -> bool:
    """Whether token i is in a relative clause that opens after a comma."""
    first = next(k for k, c in enumerate(parsed.clause) if c == parsed.clause[i])
    return first > 0 and parsed.word(first - 1) == "," and parsed.is_("relative", first)


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
    if not after or after[0].start > comma + 3:
        return []
    # "Damasco, capital de Siria,": an apposition names the place, not who acted
    apposition = any(parsed.is_(role, k) for k in range(comma + 1, after[0].start) for role in ("filler", "owner"))
    return [] if apposition else after[:1]


def agent_of(parsed: Parsed, cue: CueMatch) -> list[Anchor]:
    """ "expelled by Venezuela", "von Venezuela ausgewiesen": the actor after an agent word near the cue."""
    for i in range(max(0, cue.start - 6), min(len(parsed.tokens), cue.end + 4)):
        if parsed.is_("agent", i):
            found, _ = anchor_list(parsed, i + 1)
            if found:
                return found
    return []


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
    marks = owner_marks(parsed, noun) if noun is not None else Marks([], [], cue.end, False, False, [])
    taken = {a.start for a in marks.owners + marks.cities + marks.hosts}
    moving = status == "relocated"
    hosts, origins, prep = host_phrase(parsed, marks.end, moving=moving)
    if not hosts and not origins and (noun is None or noun.start < cue.start):
        # "the embassy will reopen in Kabul"; "asked to leave Mali" (the place word ends the change words)
        after = cue.end - 1 if parsed.is_("host", cue.end - 1) else cue.end
        hosts, origins, prep = host_phrase(parsed, after, moving=moving)
    if moving and hosts and not parsed.lex.has("dest", prep) and hosts[0].end <= cue.start:
        # "die Botschaft in Bagdad verlegt ihr Personal", "la embajada en Tel Aviv será trasladada a Jerusalén":
        # a place before the moving word, without a word of destination ("nach Jerusalem verlegt"), is where the
        # mission is, not where it goes; the destination, if any, follows the moving word
        before = [a for a in hosts if a.end <= cue.start]
        hosts, origins = [a for a in hosts if a.end > cue.start], origins + before
        if not hosts:
            hosts, more, _ = host_phrase(parsed, cue.end, moving=True)
            origins += more
    if status == "relocated" and marks.hosts:  # "su embajada de Tel Aviv a Jerusalén": where it leaves
        hosts, origins = (hosts, marks.hosts) if hosts else (marks.hosts, origins)
    else:
        hosts = marks.hosts + hosts
    if not hosts and status != "relocated" and origins:
        hosts, origins = origins, []  # "recalled its ambassador from Venezuela"
    if not hosts and not origins and unnamed_host(parsed, marks.end):
        return Parties([], [], None, ["a host the sentence leaves unnamed ('in another country')"])
    taken |= {a.start for a in hosts + origins}
    agent = agent_of(parsed, cue) if status == "ambassador expelled" else []
    gerund = parsed.lex.form("gerund", parsed.word(cue.start))
    found = agent or subject_of(parsed, min(cue.start, noun.start if noun else cue.start), taken, gerund=gerund)
    if found is None:
        return Parties([], [], None, ["an actor the sentence does not name"])
    subject = (
        found
        or speaker_after_quote(parsed, cue)
        or subject_after_verb(parsed, cue, noun, marks.end)
        or _after_fronted_clause(parsed, cue, taken)
    )
    subject_codes = [a.country for a in subject]
    if subject:
        why.append(f"subject {', '.join(a.text for a in subject)}")
    owners = [a.country for a in marks.owners]
    if owners:
        why.append(f"owner {', '.join(a.text for a in marks.owners)}")
    host_places = places(hosts + marks.cities)
    named_host = bool(host_places)
    if host_places:
        why.append(f"host '{prep} {', '.join(a.text for a in hosts + marks.cities)}'".replace("' ", "'"))
    if not owners and marks.foreign:
        return Parties([], [], None, why + ["'foreign': no owner named"])
    clause = parsed.clause[cue.start]
    both = any(parsed.role_at("both", i) for i in range(len(parsed.tokens)) if parsed.clause[i] == clause)
    if not owners and not subject and both and context.relation is not None:
        owners = list(context.relation)  # "Botschafter in die jeweils andere Hauptstadt": the story's two
        why.append(f"each of the story's two ({' and '.join(owners)})")
    told = _told_to_act(parsed, cue, subject_codes) if not owners and not marks.possessive else None
    if told is not None:
        # "US orders Russia to close San Francisco consulate": the state told to act acts on its own mission
        owners = [told]
        why.append(f"owner {told}: the state told to act")
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
    if moving:
        origin = origins[0].country if origins else None
        host_places, from_city = _accredited_where_it_was(host_places, origin, from_city, why)
    districts = {a.city: a.district for a in hosts + marks.cities if a.city and a.district}
    return Parties(owners, host_places, from_city, why, districts, subject_codes, named_host)


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
        and a.kind != "capital" and not owns_a_noun(parsed, a)
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
    marks: Marks,
    subject: list[str],
    hosts: list[tuple[str, str | None]],
    context: Context,
    earlier: list[MissionChange],
    why: list[str],
    noun_start: int,
    cue_start: int,
) -> list[str]:
    if status == "ambassador expelled":
        clause = parsed.clause[cue_start]
        mutual = any(parsed.role_at("both", i) for i, c in enumerate(parsed.clause) if c == clause)
        if marks.possessive and mutual and len(set(subject)) == 2:
            why.append("each other's ambassadors")  # "A e B expulsaram mutuamente os seus embaixadores"
            return list(subject)
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
        and not (a.start > cue.end and reports(parsed, a, cue))
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
