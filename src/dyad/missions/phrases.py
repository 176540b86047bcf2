"""Phrases around a mission word: lists of places and actors, the prepositions that govern them, and
the marks of a mission's owner ("the Saudi embassy", "Britain's embassy", "l'ambassade américaine",
"its embassy").

    owner_marks(parsed, noun)          # Marks(owners, cities, end, possessive, definite, hosts, foreign)
    host_phrase(parsed, start)         # (hosts, origins, preposition) of "in Tehran", "from Tel Aviv to ..."
    anchor_list(parsed, i)             # "in Tschechien sowie in Österreich, Ungarn und Rumänien"
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.missions.lexicon import CueMatch, Token
from dyad.missions.sentence import Anchor, Parsed

GOVERNED = ("host", "from", "with", "between")


@dataclass(frozen=True, slots=True)
class Marks:
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


def joiner(parsed: Parsed, j: int) -> bool:
    return parsed.is_("conj", j) or parsed.word(j) in (",", "'s", "-")


def anchor_list(parsed: Parsed, i: int, repeat: str = "") -> tuple[list[Anchor], int]:
    """Anchors from token i on, joined by lists, articles and place words ("in Iran's capital Tehran");
    `repeat` is the preposition that may open each item again ("in Tschechien sowie in Österreich")."""
    out: list[Anchor] = []
    j, idle = i, 0
    joined = True  # whether a joiner stands between the last item and what follows
    clause = parsed.clause[i] if i < len(parsed.tokens) else -1
    while j < len(parsed.tokens) and parsed.clause[j] == clause and idle <= 2:
        anchor = parsed.anchor_at(j)
        if anchor is not None:
            if out and _places_kind(out[-1]) and not _places_kind(anchor) and parsed.word(j - 1) == ",":
                break  # "in Caracas, North Korea and Venezuela will ...": the list of places ended
            out.append(anchor)
            j, idle, joined = anchor.end, 0, False
            continue
        w = parsed.word(j)
        if parsed.is_("article", j) and not joined and not parsed.is_("filler", j):
            break  # "em Bamako o governo do Peru": an article with no joiner opens another phrase
        if parsed.is_("article", j) or parsed.is_("filler", j) or (repeat and w == repeat) or joiner(parsed, j):
            joined = joined or joiner(parsed, j) or (bool(repeat) and w == repeat)
            j, idle = j + 1, idle + (0 if joiner(parsed, j) else 1)
            continue
        break
    return out, j


def _places_kind(anchor: Anchor) -> bool:
    return anchor.kind in ("city", "capital")


def in_phrase(parsed: Parsed, anchor: Anchor, roles: tuple[str, ...] = GOVERNED) -> bool:
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


def owns_a_noun(parsed: Parsed, a: Anchor) -> bool:
    """An anchor that marks a mission word's owner ("the Canadian ambassador", "US-Botschaft")."""
    for n in parsed.role_matches("noun"):
        if a.end == n.start or a.start <= n.start < a.end or (parsed.word(a.end) == "-" and a.end + 1 == n.start):
            return True
    return False


def owner_marks(parsed: Parsed, noun: CueMatch) -> Marks:
    span = noun.end - noun.start
    inside = next((a for a in parsed.anchors if a.start <= noun.start < a.end and a.end - a.start > span), None)
    if inside is not None:  # the actors stage read "the ambassador of Panama", "US ambassador" as one actor
        after = noun.end if noun.end < inside.end else None
        # "o seu embaixador da Venezuela": after a possessive, "de" names the place it leaves, not an owner
        place_word = after is not None and (
            parsed.is_("host", after)
            or (parsed.is_("from", after) and (not parsed.is_("owner", after) or _possessive(parsed, noun)))
        )
        if inside.city is not None or place_word:
            # "the ambassador to Israel", "the Moscow embassy": the place it is in, not its owner
            return Marks([], [], noun.end, _possessive(parsed, noun), _definite(parsed, noun), [inside])
        return Marks([inside], [], max(noun.end, inside.end), False, False, [])
    if any(parsed.role_at("other", j) for j in range(max(0, noun.start - 4), noun.start)):
        return Marks([], [], noun.end, False, False, [], foreign=True)  # "foreign diplomats": not the subject's
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
    if not owners and not possessive and not cities:
        shared = _coordinated_owner(parsed, noun)
        if shared is not None:
            return shared
    return Marks(owners, cities, end, possessive, not owners and _definite(parsed, noun), [])


def _coordinated_owner(parsed: Parsed, noun: CueMatch) -> Marks | None:
    """ "a reabertura da embaixada e do consulado do Irã", "the embassy and the consulate of Chile": two
    mission words joined by a conjunction share the owner (and the place) named after the second."""
    j = noun.end
    if not parsed.is_("conj", j):
        return None
    k = j + 1
    while k < j + 3 and (parsed.is_("article", k) or parsed.is_("owner", k)):
        k += 1
    second = next((n for n in parsed.role_matches("noun") if n.start == k), None)
    if second is None:
        return None
    marks = owner_marks(parsed, second)
    return marks if marks.owners else None


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
    speech = {i for m in parsed.role_matches("mode") if m.cue.value == "speech" for i in range(m.start, m.end)}
    while j < min(len(parsed.tokens), start + limit) and parsed.clause[j] == clause:
        if j in speech:
            break  # "in Dakhla, according to Spanish officials": who reports it, no place of the mission
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


def unnamed_host(parsed: Parsed, start: int, limit: int = 3) -> bool:
    """Whether the place phrase after token `start` names a country only as "another" ("su embajador en otro
    país", "its envoy in another country"): the sentence leaves the host unnamed, and no earlier country may
    stand in for it."""
    clause = parsed.clause[start] if start < len(parsed.tokens) else -1
    for j in range(start, min(len(parsed.tokens), start + limit)):
        if parsed.clause[j] != clause:
            break
        after = range(j + 1, min(len(parsed.tokens), j + 3))
        if parsed.is_("host", j) and any(parsed.role_at("other", k) for k in after):
            # "im jeweils anderen Land" is each in the other's: a host the sentence names
            return not any(parsed.role_at("both", k) for k in after)
    return False


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


def attributes(parsed: Parsed) -> list[tuple[int, int]]:
    """Participle phrases that qualify a mission word before it, from after their article to the
    participle ("die [Mitte Februar geschlossene] deutsche Botschaft", "the [recently closed] embassy"):
    their dates and mode words tell when and how the participle's state came about, not the change the
    sentence reports ("die ... geschlossene Botschaft wird wieder geöffnet"). (start, end) token spans."""
    out: list[tuple[int, int]] = []
    for noun in parsed.role_matches("noun"):
        k = noun.start - 1
        while k >= 0 and (parsed.anchor_at(k) is not None or parsed.word(k) == "-"):
            anchor = parsed.anchor_at(k)  # "geschlossene deutsche Botschaft", "closed US embassy"
            k = anchor.start - 1 if anchor is not None else k - 1
        if k < 0 or not _attributive_participle(parsed, k):
            continue
        j = k - 1
        while j >= 0 and k - j <= 6 and parsed.clause[j] == parsed.clause[k] and parsed.word(j) != ",":
            if parsed.is_("article", j) or parsed.is_("possessive", j):
                out.append((j + 1, k + 1))
                break
            j -= 1
    return out


def _attributive_participle(parsed: Parsed, k: int) -> bool:
    """A lower-case change word ("closed"), or one with the ending a participle takes before its noun
    ("geschlossenen": German nouns are capitalised, participles are not)."""
    tok = parsed.tokens[k]
    if not parsed.text[tok.start : tok.start + 1].islower():
        return False
    if any(m.cue.role == "change" and m.start == k and m.end == k + 1 for m in parsed.matches):
        return True
    word = tok.norm
    for ending in parsed.lex.forms.get("inflection", ()):
        if word.endswith(ending) and len(word) > len(ending) + 4:
            stem = Token(0, 0, len(word) - len(ending), word[: -len(ending)])
            if any(m.cue.role == "change" for m in parsed.lex.find([stem])):
                return True
    return False


def in_attribute(spans: list[tuple[int, int]], start: int, end: int, cue: CueMatch) -> bool:
    """Whether tokens start..end lie in an attributive phrase that is not the change word's own."""
    return any(s <= start and end <= e and not (s <= cue.start < e) for s, e in spans)
