"""Join the pieces of one actor phrase into one mention, left to right, within a sentence.

"Russian" + "Foreign Minister" + "Sergei Lavrov", "Iraqi" + "troops", "government" + "of" +
"Chile", "Syrian government" + "forces", "Nigerian Air Force" + "(NAF)"; a title takes the
capitalised name after it and the capitalised words before it; an organisation's head
("Association") makes an actor only with a capitalised name before it.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from dyad.doc import Mention
from dyad.resources import Resources
from dyad.text.normalize import fold_key

# Between a country and its role: "Venezuelan government", "North Korea's army", "Korea’s".
_COUNTRY_THEN_ROLE = re.compile(r"^(?:\s+|\s?['’]s?\s+|\s*-\s*)$")
# Words that may stand between them inside one noun phrase: "Peru's interim president", "Mali's Tuareg
# rebels", "Nigerian federal government" (two at most after an adjective, three after a possessive).
_MODIFIERS_AFTER_ADJECTIVE = re.compile(r"^\s+(?:[\w-]+\s+){1,2}$")
_MODIFIERS_AFTER_POSSESSIVE = re.compile(r"^\s?['’]s?\s+(?:[\w-]+\s+){1,3}$")
# Words that end a noun phrase or start a clause: a role after them is not the country's.
_NOT_MODIFIERS = frozenset(
    """and or but nor of for with against to by on in at from into over about as than that which who whom
    whose where when while if the a an its their his her our this these those has have had is are was were
    be been will would can could may might must shall should do does did not said says say told also""".split()
)
# Between a role and its country: "government of Venezuela", "Gobierno de la República ...".
_ROLE_THEN_COUNTRY = re.compile(
    r"^\s+(?:(?:of|from|in)(?:\s+the)?|de(?:l|\s+la|\s+los|\s+las)?|du|des|do|da|dos|das|von|vom|aus|der"
    r"|en|em|no|na|au|im)\s+$"
    r"|^\s+(?:de\s+l|d)['’]$",
    re.IGNORECASE,
)
# Roles that stand in another country than the one after "in": "the embassy in Caracas" is not Venezuela's.
NOT_OF_HOST = {"embassy", "embassies", "consulate", "embajada", "consulado", "delegation", "delegación", "botschaft",
                "konsulat", "ambassade", "consulat", "embaixada", "delegacao", "ambassador", "embajador", "embajadora",
                "botschafter", "botschafterin", "ambassadeur", "ambassadrice", "embaixador", "embaixadora",
                "ambassadors", "diplomats", "embajadores", "diplomaticos", "embaixadores", "diplomatas", "ambassadeurs",
                "diplomates", "diplomaten", "botschaften", "consulates", "consulados", "consulats", "konsulate"}
# "recalled its ambassador from Saudi Arabia": an owned role is the owner's; the country after
# "from"/"in" is where it served, not whose it is.
OWNED_BY = re.compile(
    r"\b(?:its|their|his|her|our|su|sus|son|sa|ses|leur|leurs|seu|sua|seus|suas|sein|seine|seinen|ihr|ihre|ihren)"
    r"\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_FROM_PLACE = {"from", "in", "desde", "en", "aus", "von"}
# "the embassy in Caracas", "la policía en Chile", "die Soldaten im Kosovo": a place after a role
_IN_PLACE = {"in", "en", "em", "no", "na", "au", "im"}
# Capitalised words right before a title belong to it: "Senate Majority Leader", "Labor Minister".
_CAPS_BEFORE = re.compile(r"(?:(?:[A-Z][\w.'’&-]*|of|for|and)[ \t]+){1,4}$")
# A person's name after a title: up to four capitalised words ("Sergei Lavrov", "Jean-Pierre Lacroix").
# A particle ("de", "van", "bin") counts only as a whole word before another capitalised word:
# "Silvio De Sousa", "Ursula von der Leyen", never the "de" of "defended".
_NAME_AFTER = re.compile(
    r"^[ \t]+((?:(?:[A-Z][\w'’.-]*|(?:al-|el-)(?=[A-Z])|(?:bin|de|da|del|van|von|der)(?=[ \t]+[A-Za-z]))[ \t]*){1,5})"
)
# Between a title and a known surname: first names the tables lack ("canciller ruso Serguéi Lavrov").
_FIRST_NAMES = re.compile(r"^[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){1,2}$")
_CAPITAL_WORD = re.compile(r"[A-Z][\w'’-]+")
_COUNTRY_KINDS = {"country", "demonym", "ethnic", "abbreviation", "capital", "epithet", "ambiguous"}
_BODY_KINDS = {"igo", "ngo", "group", "organisation", "seat"}


def with_acronyms(mentions: list[Mention], text: str) -> list[Mention]:
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
            out[-1] = respan(prev, text, prev.start, m.end + 1)
            continue
        out.append(m)
    return out


def join_phrases(mentions: list[Mention], text: str, resources: Resources) -> list[Mention]:
    """Join the pieces of one actor phrase, left to right: country + role, role + of + country,
    title + leader, and a title's following capitalised name."""
    titles = _titles(resources)
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        prev = out[-1] if out else None
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if prev is not None and not _person_of_another_country(prev, m, nxt, text):
            joined = _join(prev, m, text, titles)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(m)
    out = _share_plural_roles(out, text)
    heads = _org_heads(resources)
    extended = [
        _extend_org(m, text, out) if m.kind == "role" and fold_key(m.text) in heads else m for m in out
    ]
    kept = [m for m in extended if m is not None]
    return _person_of([_extend_title(m, text, titles, kept) for m in kept], text)


# Between two members of a list of countries: "Peru and Chile", "Perú y Chile", "Peru, Chile".
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+(?:and|y|e|et|und))\s+(?:(?:the|de|la|le|l'|de la|do|da)\s+)?$", re.IGNORECASE)
_SHARED_ROLE = re.compile(r"^role '([^']+)' of \w+ \((from 'of|from 'de|from the possessive|from the adjective)")


def _share_plural_roles(mentions: list[Mention], text: str) -> list[Mention]:
    """A plural role of a list of countries is each one's: "the foreign ministers of Peru and Chile",
    "Peru and Chile's foreign ministers", "the Peruvian and Chilean foreign ministers": Chile's or Peru's
    ministers too (PERGOV and CHLGOV), not the bare country."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.sentence != b.sentence or not _LIST_GAP.match(text[a.end : b.start]):
            continue
        # "of X and Y": the role comes first; "X and Y's ministers": it comes last
        for role, bare_at, role_first in ((a, i + 1, True), (b, i, False)):
            bare = out[bare_at]
            found = _SHARED_ROLE.match(role.why)
            if not found or role.kind != "role" or not role.sector or not found.group(1).endswith("s"):
                continue
            if bare.kind not in ("country", "demonym") or bare.sector or not bare.country:
                continue
            if role_first != found.group(2).startswith(("from 'of", "from 'de")):
                continue
            out[bare_at] = dataclasses.replace(
                bare, code=f"{bare.country}{role.sector}", sector=role.sector, kind="role",
                why=f"role '{found.group(1)}' shared with '{role.text}' in a list",
            )
    return out


def _person_of(mentions: list[Mention], text: str) -> list[Mention]:
    """ "Foreign Minister Rafael Quispe of Peru": a titled person followed by "of" and a country is that
    country's; the country joins the span."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "role"
            and prev.country is None
            and prev.why.endswith("named person")
            and m.kind in _COUNTRY_KINDS
            and m.country
            and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[prev.end : m.start])
        ):
            out[-1] = Mention(
                prev.sentence,
                prev.start,
                m.end,
                text[prev.start : m.end],
                f"{m.country}{prev.sector or ''}",
                m.country,
                prev.sector,
                m.name,
                kind="role",
                why=f"role '{prev.text}' of {m.country} (from 'of {m.text}'); named person",
                confidence=min(prev.confidence, m.confidence),
            )
            continue
        out.append(m)
    return out


def _person_of_another_country(title: Mention, country: Mention, person: Mention | None, text: str) -> bool:
    """ "líder de la República de Corea Kim Jong-Un": the title belongs to a person of another country, so the
    name in between stays a mention of its own (a check may find it mislabelled)."""
    return (
        person is not None
        and person.kind == "leader"
        and title.kind == "role"
        and title.country is None
        and bool(country.country)
        and person.country != country.country
        and text[country.end : person.start].strip() in ("", ",")
    )


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
        and (a.country or a.kind in _BODY_KINDS or a.kind in ("ethnic", "region"))
        # "WIEN - Außenministerin ...": a dateline's place is where the story was filed, not the title's country
        and not a.filed_from
        and (_COUNTRY_THEN_ROLE.match(gap) or (a.country and _modifiers_only(a, gap)))
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
        sector = _head_sector(a, b)
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
        sector = _head_sector(a, b)
        return Mention(
            a.sentence,
            a.start,
            b.end,
            text[a.start : b.end],
            b.code if sector == b.sector else sector or b.code,
            None,
            sector,
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
        and (b.country or b.kind == "igo")  # "leaders of the European Union", "líderes da União Europeia"
        and (_ROLE_THEN_COUNTRY.match(gap) or (b.kind == "demonym" and gap.isspace()) or _genitive(b, gap))
        and not (_first_word(gap) in _IN_PLACE and fold_key(a.text) in NOT_OF_HOST)
        and not (_first_word(gap) in _FROM_PLACE and OWNED_BY.search(text[max(0, a.start - 40) : a.start]))
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


# A body's head or voice is of the body's sector: "police chief" (COP), "army spokesman" (MIL), "rebel
# commander" (REB), "opposition leader" (OPP).
_HEAD_OF_BODY = frozenset(
    "chief head commander spokesman spokeswoman spokesperson official officials leader leaders director".split()
)


def _head_sector(body: Mention, head: Mention) -> str | None:
    """The sector of "BODY HEAD": the head noun's, unless it only names the body's head or voice."""
    if body.sector and fold_key(head.text) in _HEAD_OF_BODY:
        return body.sector
    return head.sector or body.sector


def _first_word(gap: str) -> str:
    words = gap.split()
    return words[0].lower() if words else ""


def _modifiers_only(country: Mention, gap: str) -> bool:
    """ "'s interim ", " federal ": the words between a country's possessive or adjective and a role modify
    the role ("Cuba sent 200 doctors", "Cubans sent doctors": a name or a people, then a verb)."""
    adjective = country.kind == "demonym" and not (country.text.endswith("s") and not country.text.endswith("ss"))
    if not (_MODIFIERS_AFTER_POSSESSIVE.match(gap) or (adjective and _MODIFIERS_AFTER_ADJECTIVE.match(gap))):
        return False
    words = gap.replace("’", "'").split()
    if words[0] in ("'s", "'", "s"):
        words = words[1:]
    return bool(words) and not any(w.lower() in _NOT_MODIFIERS or w.endswith(",") for w in words)


def _provenance(country: Mention, role: Mention, text: str) -> str:
    """Which words gave the role its country: "the possessive 'Peru's'", "the adjective 'Nigerian'",
    "'of Mali'"."""
    if country.start > role.start:
        if country.kind == "demonym":
            return f"from the adjective '{country.text}'"
        return f"from '{text[role.end : country.end].strip()}'"
    gap = text[country.end : role.start]
    if gap.lstrip().startswith(("'", "’")):
        return f"from the possessive '{text[country.start : country.end]}'s'"
    if country.kind == "demonym":
        return f"from the adjective '{country.text}'"
    return f"from '{country.text}' before it"


def _genitive(m: Mention, gap: str) -> bool:
    """German "die Regierung Irans", "Außenminister Russlands": a country in the genitive follows its role."""
    return gap == " " and m.why.startswith(("dictionary: country (genitive", "dictionary: country (cldr-genitive"))


def _is_title(m: Mention, titles: frozenset[str]) -> bool:
    return m.kind == "role" and fold_key(m.text) in titles


def _merge(
    country: Mention, role: Mention, first: Mention, last: Mention, text: str, title: bool = False
) -> Mention:
    sector = role.sector or ""
    if country.kind in ("ethnic", "region") and not country.country:
        # "Kurdish fighters", "Central American clergymen": the group's or region's code and the role
        code, sector_out = f"{country.code}{sector}", sector or None
    elif country.sector or not country.country:
        code, sector_out = country.code, country.sector
    else:
        code, sector_out = f"{country.country}{sector}", sector or None
    why = f"role '{role.text}' of {country.country or country.code} ({_provenance(country, role, text)})"
    why += "; title" if title else ""
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
    # A full stop after a whole word ends the sentence ("... Julio Rivas."); after an initial it stays ("J.").
    last_word = text[m.end : end].split()[-1] if text[m.end : end].split() else ""
    if last_word.endswith(".") and len(last_word.rstrip(".")) > 2 and "." not in last_word.rstrip("."):
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
    return respan(m, text, start, m.end)


def respan(m: Mention, text: str, start: int, end: int) -> Mention:
    """The same mention over a wider (or narrower) span of its sentence's `text`."""
    return dataclasses.replace(m, start=start, end=end, text=text[start:end])
