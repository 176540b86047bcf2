"""What only the whole article can tell: its home country, bare roles, "the country", "both nations",
descriptions of a state ("the Gulf state"), and the country of a titled person the tables do not know."""

from __future__ import annotations

import re
from collections import Counter, deque
from dataclasses import replace
from functools import lru_cache

from dyad.actors.descriptors import resolve_description
from dyad.actors.phrases import NOT_OF_HOST, OWNED_BY
from dyad.doc import Mention
from dyad.resources import Resources
from dyad.text.normalize import fold_key

# A definite article before a role, in the five coded languages ("the", "el", "o", "le", "l'", "der"...), up
# to two words away ("the new government"); French "des" and German "des" are left out (the French one is
# indefinite).
_ARTICLE_BEFORE = re.compile(
    r"(?:\b(?:the|el|la|los|las|o|os|a|as|le|les|der|die|das|den|dem)\s+|\bl['’])(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# The same article at the start of the role's own span: a title takes the capitalised words before it ("El
# canciller ...", "O ministro ...", "Le chef de la diplomatie ...").
_ARTICLE_START = re.compile(r"^(?:(?:the|el|la|los|las|o|os|a|as|le|les|der|die|das|den|dem)\s|l['’])", re.IGNORECASE)
_ROLE_WORD = re.compile(r"^role '([^']+)' of ")
_APPOSITION_GAP = re.compile(r"^\s*,\s*(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_APPOSITION_END = re.compile(r"^(?:\s+(?:of|for)\s+[\w\s-]{0,30})?\s*(?:,|$|\.)")
_POSSESSIVE_GAP = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,3}$")
# Between a body and the leader who heads it: "government of Maduro", "governo de Lula", "Regierung von Scholz".
# The leader's first names may stand between ("el gobierno de José Daniel Ortega").
_OF_PERSON = re.compile(r"^\s+(?:of|de|do|da|du|von|des)\s+(?:[A-Z][\w'’-]*\s+|(?:al|el)-)*$")
# A role, then words of its own noun phrase, then the adjective of its state after it, as Romance languages place
# it: "les troupes d'élite maliennes", "el Ministerio de Defensa ruso" (no punctuation, three words at most).
_ADJECTIVE_AFTER_GAP = re.compile(r"^\s+(?:[\w'’-]+\s+){0,3}$")
# Nothing but an article before a role: the role opens its sentence ("Las autoridades afirmaron").
_ARTICLE_ONLY = re.compile(r"\s*(?:el|la|los|las)?\s*", re.IGNORECASE)
# "el Ejecutivo nacional", "o governo nacional": the nation is the one the story is filed from.
_NATIONAL_AFTER = re.compile(r"^\s+nacional\b", re.IGNORECASE)
# Words that end a noun phrase in the coded Romance languages and German: a demonym after them is not the role's.
_NOT_IN_NOUN_PHRASE = frozenset(
    """a à au aux avec contre par pour sur dans en et ou mais que qui ont a est sont été ha han es son fue y o con
    contra para por sobre sin que quien e ou com contra para por sobre em no na foi são tem und oder mit gegen für
    auf in hat haben ist sind wurde""".split()
)
# A group, then "of/in/from" and a few words of its own phrase up to a place: "the victims of the floods that
# struck northern Italy", "las familias de los fallecidos en Marruecos", "les habitants de la région en Turquie"
# (no punctuation between; six words at most).
_PLACED_GAP = re.compile(
    r"^\s+(?:of|in|from|de|del|en|des|du|dans|em|no|na|do|da|dos|das|aus|im|von)\s+(?:[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
)
# Role words that are weapons, not bodies: "Iranian drones" may be the drones Iran made for another state.
_WEAPONS = frozenset({"drones"})
# Mentions that name a state (not an anaphor, nor a place inside one, nor a world region).
_NOT_A_STATE = ("anaphor", "place", "region")


def home_country(mentions: list[Mention]) -> str | None:
    """The country the story is about: the most-named one (names, capitals, leaders, demonyms; on a tie the
    dateline's, then the first named); in a story that names states only in roles ("the Malian government
    and the rebels"), the most-named of those."""
    counts, first_seen, dateline = _tally(mentions)
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0] == dateline, -first_seen[kv[0]]))
    return best[0]


def story_state(mentions: list[Mention], home: str | None) -> str | None:
    """The one state the story is about, when it is about one: its home country, named (by names or in
    roles: "Turkey's ambassador") at least twice as often as any other state and at least twice more (a
    story naming one state only is about that state)."""
    counts = Counter(
        m.country for m in mentions if m.country and m.kind != "anaphor" and "; in a dateline" not in m.why
    )
    if home is None or home not in counts:
        return None
    others = [n for c, n in counts.items() if c != home]
    if not others:
        # named once by its name, a state is as likely the one acting on the people named as theirs ("Six
        # civilians died in an attack by Israel"); a place locates them ("Thousands marched in Quito")
        located = any(m.country == home and m.kind in ("capital", "place") for m in mentions)
        return home if counts[home] >= 2 or located else None
    runner_up = max(others)
    return home if counts[home] >= 2 * runner_up and counts[home] - runner_up >= 2 else None


def _tally(mentions: list[Mention]) -> tuple[Counter[str], dict[str, int], str | None]:
    """How often the story names each state, where it first did, and its dateline's state. Roles count only
    in a story that names no state otherwise: a foreign party is often named by its officials ("the French
    ambassador", "the French foreign ministry") more often than the story's own state by its name."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    dateline = None
    named = [m for m in mentions if m.country and m.kind not in ("anaphor", "role")]
    counted = named or [m for m in mentions if m.country and m.kind == "role"]
    for order, m in enumerate(counted):
        if "; in a dateline" in m.why:
            continue
        counts[m.country or ""] += 1
        first_seen.setdefault(m.country or "", order)
        if dateline is None and m.filed_from:
            dateline = m.country
    return counts, first_seen, dateline


def resolve_context(
    mentions: list[Mention],
    sentences_text: dict[int, str],
    home: str | None,
    resources: Resources,
    paragraph_starts: frozenset[int] = frozenset(),
) -> list[Mention]:
    """Bare roles: "the government" is the home country's, "protesters" the story's when it is about one
    state; "the country" the one just named (in this sentence or the previous one of the same paragraph);
    "both nations" the two just named, else the story's main dyad; a description ("the Gulf state") the state
    it fits that the story has named most; a title with a person's name and no country ("Foreign Minister
    Li") the country the same title had earlier in the story, else the home country when the sentence names
    no other state's."""
    out: list[Mention] = []
    recent: deque[tuple[int, str]] = deque(maxlen=16)  # (sentence, country) in reading order, the last few
    dyad = _main_dyad(mentions)
    story, _, dateline = _tally(mentions)
    focus = story_state(mentions, home)
    named_before: Counter[str] = Counter()
    last_seen: dict[str, int] = {}
    titles: dict[str, str] = {}  # a title ("foreign minister") -> the country it had in the story
    bodies: dict[str, Mention] = {}  # a role's head noun ("ministry") -> the last such body with a country
    for order, m in enumerate(mentions):
        last = out[-1] if out else None
        if last is not None and last.sentence == m.sentence and last.start <= m.start and m.end <= last.end:
            continue  # taken into the role before it ("troupes d'élite maliennes")
        if m.kind == "anaphor":
            # "the country" stays in its paragraph; "both nations" may look back one sentence across a break
            reach = 0 if m.sentence in paragraph_starts and m.code == "one" else 1
            near = [c for s, c in recent if m.sentence - s <= reach]
            if m.why.startswith("description"):
                out.extend(_described(m, named_before, last_seen, near, story, resources))
                continue
            resolved = _anaphor(m, near, home, dyad, resources)
            if m.code == "one":
                # "Yemen ... the country's epidemic": the country is named in the sentence already
                here = {o.country for o in mentions if o.sentence == m.sentence and o.kind != "anaphor"}
                resolved = [a for a in resolved if a.country not in here]
            out.extend(resolved)
            continue
        if m.kind == "role" and m.country is None:
            prev = out[-1] if out and out[-1].sentence == m.sentence else None
            resolved_role = _bare_role(
                m, prev, mentions, sentences_text, (home, dateline), focus, titles, bodies, resources
            )
            if resolved_role is None:
                continue
            m = resolved_role
        elif _made_by(m, mentions):
            continue
        elif m.kind == "role" and m.country and "title" in m.why:
            titles.setdefault(_title_key(m, resources), m.country)
        if m.kind == "role" and m.country and not m.why.endswith("named person"):
            bodies[_head(m)] = m
        if m.country:
            recent.append((m.sentence, m.country))
            if m.kind not in _NOT_A_STATE:
                named_before[m.country] += 1
                last_seen[m.country] = order
        out.append(m)
    return out


def _bare_role(
    m: Mention,
    prev: Mention | None,
    mentions: list[Mention],
    sentences_text: dict[int, str],
    story: tuple[str | None, str | None],
    focus: str | None,
    titles: dict[str, str],
    bodies: dict[str, Mention],
    resources: Resources,
) -> Mention | None:
    """A role no country was found for in its own words; None when it is no actor here. In order: a
    possessive anaphor before it ("the country's army"); for a titled person, the country the same title
    had in the story, else the home country, else (the home country being the other party in the sentence) the
    dateline's state; the last body of the same kind named with a country ("the
    ministry" after "the Russian foreign ministry"); the home country for a definite role ("the
    government"); the one state the story is about for a generic actor ("protesters")."""
    text = sentences_text.get(m.sentence, "")
    definite = bool(_ARTICLE_BEFORE.search(text[: m.start]) or _ARTICLE_START.match(m.text))
    person = m.why.endswith("named person")
    named = person or m.why.endswith("named body")
    owned = OWNED_BY.search(text[: m.start]) is not None  # "its troops", "their diplomats"
    # a generic actor with a bare sector code ("protesters": CVL), not one with a code of its own
    # ("peacekeepers": IGOUNO, the UN's wherever they serve)
    generic = "(bare," in m.why and m.code == m.sector
    home, dateline = story
    country, why = None, ""
    # the home country named in the same sentence by its name is the other party ("Foreign Minister Li visited
    # Chad" in a story about Chad; "le chef de l'État ... reçu par le président sénégalais" in a story about
    # Senegal): not a titled person's
    others = {
        o.country for o in mentions
        if o.sentence == m.sentence and o.country and o.kind not in ("role", "anaphor") and not _only_located(o)
    }
    led = _leader_after(m, mentions, text)
    adjective = _adjective_after(m, mentions, text)
    led_country = led.country if led is not None else None
    own_phrase = bool(led_country) or (adjective is not None and bool(adjective.country))
    if led is not None and led_country and led.sector == m.sector:
        # "the government of Daniel Ortega", "le régime de Daniel Ortega": the leader named right after
        # stands for the body he heads (same country, same sector); the body is no second actor, nor the
        # story's home country's
        return None
    if led is not None and led_country:
        country, why = led_country, f"its leader '{led.text}'"  # "the army of Assad": the leader's, as MIL
    elif adjective is not None and adjective.country:
        country, why = adjective.country, f"the adjective '{adjective.text}' after it"
    elif (
        prev is not None and prev.kind == "anaphor" and prev.country and _POSSESSIVE_GAP.match(text[prev.end : m.start])
    ):
        country, why = prev.country, f"the possessive '{prev.text}'s' ({prev.country})"
    elif prev is not None and _apposition(prev, m, text):
        country, why = prev.country, f"the apposition to '{prev.text}' ({prev.country})"
    elif (subject := _previous_subject(m, mentions, text)) is not None:
        country, why = subject, f"the state that opened the sentence before, {subject}"
    elif dateline and _NATIONAL_AFTER.match(text[m.end :]):
        country, why = dateline, f"'nacional' after it: the story's dateline {dateline}"
    elif person or (definite and not generic and _title_key(m, resources)):
        # a titled person, named or not ("the foreign minister", "O Ministro dos Negócios Estrangeiros"): an
        # office holder, whose country is the title's earlier one, else the home country unless the sentence
        # names it as the other party ("... visitou Moçambique" in a story about Mozambique), else the dateline's
        earlier = titles.get(_title_key(m, resources))
        if earlier:
            country, why = earlier, f"the country its title had earlier in the story, {earlier}"
        elif home and home not in others:
            country, why = home, f"the story's home country {home}"
        elif dateline and dateline not in others:
            # "QUITO." then "Canciller X llega a Colombia": a story about a visit names the host most; the
            # dateline says where the visitor's story was filed, his own country
            country, why = dateline, f"the story's dateline {dateline} (the home country {home} is the other party)"
        elif home:
            m.why += f"; the home country {home} is the other party here: no country"
    elif generic and m.sector == "CVL" and (placed := _placed_in_phrase(m, mentions, text)) is not None:
        # people, not envoys or officials: "os embaixadores na Argentina" serve there and are not its own
        country, why = placed.country, f"the place in its own phrase, '{placed.text}' ({placed.country})"
    elif owned and (owner := _sole_owner(m, mentions)) is not None:
        country, why = owner.country, f"its owner '{owner.text}' ({owner.country}), the one state named before it"
    elif (definite or generic) and _head(m) in bodies and not owned:
        # an owned role ("has withdrawn its diplomats") is its owner's in this sentence, never the body of the
        # same kind named earlier in the story ("Iranian diplomats")
        body = bodies[_head(m)]
        country, why = body.country, f"the same body named before, '{body.text}' ({body.country})"
    elif home and definite and not (fold_key(m.text.split()[-1]) in NOT_OF_HOST and home in others):
        # "convocou os embaixadores na Argentina" in a story about Argentina: envoys and embassies named beside
        # the home country serve there, they are not its own
        country, why = home, f"the story's home country {home}"
    elif home and named:
        country, why = home, f"the story's home country {home}"
    elif generic and focus:
        country, why = focus, f"the one state the story is about, {focus}"
    # the adjective that named the state joins the span, as in "gobierno venezolano": one actor, not two
    end = adjective.end if adjective is not None and country == adjective.country else m.end
    if country:
        return Mention(
            m.sentence,
            m.start,
            end,
            text[m.start : end] if text else m.text,
            f"{country}{m.sector or ''}",
            country,
            m.sector,
            resources.country_name(country) or country,
            kind="role",
            # a country the role's own phrase gave reads as the phrase matcher's do ("role 'régime' of SYR
            # (from ...)"): the event coder takes a "context:" one as a bare group placed by the story
            why=(f"role '{m.text}' of {country} (from {why})" if own_phrase else f"context: '{m.text}' of {why}")
            + ("; named person" if person else ""),
            # a generic actor is certainly there, only its country is inferred: its confidence stays; so does
            # a role whose own phrase named its state ("troupes d'élite maliennes")
            confidence=m.confidence if (generic and not definite) or own_phrase else 0.7,
        )
    if named or (home is None and (definite or (m.start > 0 and m.text[:1].isupper()))):
        # "the government", "Parliament", "Minister X" in a story that names no country
        m.why += "; no country in reach: bare sector code"
        m.confidence = min(m.confidence, 0.4)
        return m
    if not generic:
        return None  # "the ministry" in a story about some country, too far to attach: not coded
    return m  # a generic actor with a bare code: protesters (CVL), rebels (REB)


def _previous_subject(m: Mention, mentions: list[Mention], text: str) -> str | None:
    """ "Chile anunció ... . Las autoridades afirmaron ...": a bare Spanish body opening its sentence (after its
    article) continues the subject of the sentence before when a state's name opened that one, rather than
    taking the story's most-named state (which is often the other party). Spanish role words only."""
    if ", es)" not in m.why or m.why.endswith("named person") or m.sentence == 0:
        return None
    if not _ARTICLE_ONLY.fullmatch(text[: m.start]):
        return None
    before = [o for o in mentions if o.sentence == m.sentence - 1 and o.country]
    first = min(before, key=lambda o: o.start) if before else None
    if first is None or first.start > 0 or first.kind not in ("country", "capital", "leader"):
        return None
    return first.country


def _made_by(m: Mention, mentions: list[Mention]) -> bool:
    """ "Russia used Iranian drones to strike Kyiv", "Moscou lançou drones iranianos": a demonym qualifying a
    weapon names where it was made when the sentence names another state before it (the one that uses it);
    with none ("Russian drones struck Kyiv") the demonym's state is the one that fires it."""
    found = _ROLE_WORD.match(m.why)
    if m.kind != "role" or not found or found.group(1).lower() not in _WEAPONS or "(from the adjective" not in m.why:
        return False
    return any(
        o.sentence == m.sentence and o.end <= m.start and o.country and o.country != m.country
        and o.kind not in _NOT_A_STATE and not _only_located(o)
        for o in mentions
    )


def _leader_after(role: Mention, mentions: list[Mention], text: str) -> Mention | None:
    """ "the government of Daniel Ortega", "o governo de José Daniel Ortega": a body named after the
    leader who heads it is the leader's country's, whatever the story's home country."""
    after = [o for o in mentions if o.sentence == role.sentence and o.start >= role.end]
    nxt = min(after, key=lambda o: o.start) if after else None
    if nxt is not None and nxt.kind == "leader" and _OF_PERSON.match(text[role.end : nxt.start]):
        return nxt
    return None


def _adjective_after(role: Mention, mentions: list[Mention], text: str) -> Mention | None:
    """ "les troupes d'élite maliennes": a demonym a few words after a role, in the same noun phrase, is
    the role's state (the phrase matcher joins only a demonym right after the role)."""
    after = [o for o in mentions if o.sentence == role.sentence and o.start >= role.end]
    nxt = min(after, key=lambda o: o.start) if after else None
    if nxt is not None and nxt.kind == "demonym" and _ADJECTIVE_AFTER_GAP.match(text[role.end : nxt.start]):
        gap = text[role.end : nxt.start].split()
        # a verb or a clause word ends the noun phrase: "les forces ont visé des cibles israéliennes"
        if not any(w.lower() in _NOT_IN_NOUN_PHRASE for w in gap):
            return nxt
    return None


def _only_located(m: Mention) -> bool:
    """A name that says where the story was filed or where something happened, not who takes part: a dateline
    ("LIMA, 3 mar (EFE).- El canciller ..."), a capital after a preposition ("in Wien")."""
    return m.filed_from or m.why.endswith("likely a place")


def _placed_in_phrase(group: Mention, mentions: list[Mention], text: str) -> Mention | None:
    """The state a bare group's own phrase places it in ("the victims of the floods that struck northern Italy"):
    the first state named after it in the sentence, joined by a preposition of place or origin and no punctuation
    (`_PLACED_GAP`); a named state only (a country, a capital or a place in it), never another actor's role."""
    after = sorted(
        (o for o in mentions if o.sentence == group.sentence and o.start >= group.end and o.country),
        key=lambda o: o.start,
    )
    if not after or after[0].kind not in ("country", "capital", "place"):
        return None
    return after[0] if _PLACED_GAP.match(text[group.end : after[0].start]) else None


def _sole_owner(role: Mention, mentions: list[Mention]) -> Mention | None:
    """The owner of "its troops", "their diplomats" when the sentence names one state before it ("Nigeria's
    military said its troops ..."); with two ("Kenya said Somalia had recalled its envoy") the owner is the
    clause's subject, which word order alone cannot tell: None."""
    before = [
        o for o in mentions
        if o.sentence == role.sentence and o.end <= role.start and o.country and o.kind not in _NOT_A_STATE
    ]
    return before[-1] if before and len({o.country for o in before}) == 1 else None


def _apposition(person: Mention, role: Mention, text: str) -> bool:
    """ "Emmanuel Macron, the president, ...": a role set off by commas right after a person is that person's."""
    is_person = person.kind == "leader" or person.why.endswith("named person")
    return (
        is_person
        and person.country is not None
        and _APPOSITION_GAP.match(text[person.end : role.start]) is not None
        and _APPOSITION_END.match(text[role.end :]) is not None
    )


def _head(m: Mention) -> str:
    """A role's head noun, singular: "Russian foreign ministry" and "the ministry" give "ministry"."""
    found = _ROLE_WORD.match(m.why)
    words = (found.group(1) if found else m.text).lower().split()
    head = words[-1] if words else ""
    return head[:-1] if len(head) > 3 and head.endswith("s") and not head.endswith("ss") else head


def _title_key(m: Mention, resources: Resources) -> str:
    """The title a role mention carries, folded: "Foreign Minister Li Zhaoxing" and "China's foreign
    minister" both give "foreign minister"."""
    found = _ROLE_WORD.match(m.why)
    if found:
        return found.group(1).lower()
    words = m.text.lower().replace("’", "'")  # "chef de l’État" is the title "chef de l'État"
    best = ""
    for title in _titles(resources):
        if len(title) > len(best) and re.search(rf"\b{re.escape(title)}\b", words):
            best = title
    return best


@lru_cache(maxsize=8)
def _titles(resources: Resources) -> tuple[str, ...]:
    return tuple(r.name.lower() for r in resources.roles if r.title)


def _described(
    m: Mention,
    named_before: Counter[str],
    last_seen: dict[str, int],
    near: list[str],
    story: Counter[str],
    resources: Resources,
) -> list[Mention]:
    states, how = resolve_description(m, named_before, last_seen, near, story, resources.descriptors)
    joined = " and ".join(states)
    return [
        replace(
            m,
            code=c,
            country=c,
            name=resources.country_name(c) or c,
            why=f"context: '{m.text}' = {joined}, {how}",
        )
        for c in states
    ]


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
