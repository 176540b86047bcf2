"""Turn name hits into mentions: pick the sense by date and context, attach roles to countries.

Three passes, all pure functions (the last two in `phrases.py` and `context.py`):
- `choose_senses` reads the whole document once and picks the sense of each ambiguous name
  ("Korea", "Georgia", "Congo") from the cues `ambiguity.tsv` gives for each sense;
- `hits_to_mentions` turns one sentence's hits into mentions and joins the pieces of one actor
  phrase ("Russian" + "Foreign Minister" + "Sergei Lavrov", "Iraqi" + "troops");
- `resolve_context` fills what only the article can tell: bare roles ("the government") from
  its home country, "the country" and "both nations" from the countries just named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dyad.actors.descriptors import find_descriptions
from dyad.actors.matcher import Entry, Hit
from dyad.actors.persons import title_words
from dyad.actors.phrases import join_phrases, with_acronyms
from dyad.doc import Mention
from dyad.resources import Leader, Resources
from dyad.text.dates import after_time_stamp
from dyad.text.normalize import fold, fold_key

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
# A capitalised word right after a place: "Santiago Bernabeu", "Havana Club" (not "Caracas, Venezuela").
_NOT_NAME_PARTS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    "August|September|October|November|December|On|In|And|But|The|After|Before|While|As|With|For"
)
_PROPER_AFTER = re.compile(rf" (?!(?:{_NOT_NAME_PARTS})\b)[A-Z][a-z]")
# "HAVANA (Reuters) -", "LONDON —", "Caracas, June 23 -", "LIMA, 3 mar (EFE).-": where the story was
# filed, not who acts.
# "LIMA (EFE).- ", "Santiago.- ": Spanish datelines put a full stop before the dash.
_DATELINE = re.compile(r"(?:,[^.]{0,25}?)?\s*(?:\([^)]{0,30}\)\s*)?\.?\s*[—–-]\s")
# "QUITO." on a line of its own before the story: a dateline too (with the name in capitals).
_LINE_END = re.compile(r"\s*[.,:]?\s*")
# A name before a currency sign or the currency's name is the currency, not the state: "US$81 million",
# "HK$", "NZ$", "U.S. dollars", "Australian dollar".
_CURRENCY_AFTER = re.compile(r"\$|\s+(?:dollars?|cents?)\b", re.IGNORECASE)
_PREFIX_BEFORE = re.compile(r"\b(?:pre|post|non|ex|neo|sub|trans)-$", re.IGNORECASE)

# Languages whose country names stand next to capitalised words as a matter of course (German nouns:
# "Emirat Katar"); a name in another language beside a capitalised word is more often a person's name.
_CODED_TEXT_LANGS = ("en", "es", "de", "fr", "pt")


def opens_text(text: str, at: int) -> bool:
    """Whether nothing but white space, or a page's time stamp, stands before `at`."""
    return not text[:at].strip() or after_time_stamp(text) == at


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
        and not _CURRENCY_AFTER.match(text, h.end)
    ]
    mentions = [
        m for m in (_sense(h, text, sentence, date, resources, senses or {}) for h in hits) if m is not None
    ]
    if mentions and mentions[0].why.endswith("filed from"):
        dateline = _DATELINE.match(text, mentions[0].end)
        end = dateline.end() if dateline else mentions[0].end
        for m in mentions[1:]:
            if m.end <= end:  # "HAVANA (Reuters) -": the agency filed the story, it does not act in it
                m.confidence, m.why = 0.3, m.why + "; in a dateline"
    joined = with_acronyms(join_phrases(mentions, text, resources), text)
    return find_descriptions(text, sentence, joined, resources.descriptors)


def _sense(
    hit: Hit, text: str, sentence: int, date: str | None, resources: Resources, senses: dict[str, str]
) -> Mention | None:
    surface = text[hit.start : hit.end]
    entry = hit.entries[0]
    if entry.name is None or _came_to_govern(hit, date):
        return _leader_mention(
            hit, surface, sentence, date, _given_name_before(text, hit.start, resources), _name_after(text, hit.end)
        )
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
        and name.lang not in _CODED_TEXT_LANGS
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
    if (
        name.kind in ("capital", "place")
        and " " not in surface
        and not surface.isupper()
        and not opens_text(text, hit.start)
        and _PROPER_AFTER.match(text, hit.end)
    ):
        return None  # "Santiago Bernabeu", "Kabul Bank": the place names part of a longer name
    if name.kind in ("capital", "place") and _PLACE_BEFORE.search(text[: hit.start]):
        confidence, why = 0.5, why + "; after a preposition, likely a place"
    elif (
        # a country's name in capitals opens a dateline too ("MÉXICO -"); "Venezuela - ..." may be a headline's
        (name.kind in ("capital", "place") or (name.kind == "country" and surface.isupper() and len(surface) > 3))
        and opens_text(text, hit.start)
        and (_DATELINE.match(text, hit.end) or (surface.isupper() and _LINE_END.fullmatch(text, hit.end)))
    ):
        confidence, why = 0.3, why + "; a dateline, the place the story was filed from"
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


def _came_to_govern(hit: Hit, date: str | None) -> bool:
    """A group that came to govern its state ("the Taliban" from 15 August 2021): on a date its
    government's row (data_src/actors/leaders.tsv) is in office, that row wins over the group's name;
    before it the group is the group."""
    first = hit.entries[0].name
    if first is None or first.kind != "group" or date is None:
        return False
    return any(
        leader.in_office(date) and leader.country == first.country for e in hit.entries for leader in e.leaders
    )


def _leader_mention(
    hit: Hit, surface: str, sentence: int, date: str | None, given_name: bool = False, surname_after: bool = False
) -> Mention | None:
    leaders = [leader for e in hit.entries for leader in e.leaders]
    leader = leader_on(date, leaders)
    if leader is None:
        return None
    if given_name and leader.source == "reign" and not leader.in_office(date):
        # "o ministro Mauro Vieira", "Carlos Mendes da Costa": a first name the leader's does not match (the
        # REIGN list names leaders by surname alone); another person of that surname, not a former leader
        return None
    if surname_after and " " not in surface and not leader.in_office(date):
        # "el embajador peruano, Boric Soto" in 2018: a surname alone followed by another the leader's name
        # lacks, out of office, is another person of that name (as a first name before it is, below); a full
        # name ("Hugo Chávez Frías") keeps its leader
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
    if sense.startswith("IGO"):
        # an organisation's acronym read as the organisation ("EU" in an English story): the mention the
        # dictionary gives it, as sure as a name with one sense
        return Mention(
            sentence, hit.start, hit.end, surface, sense, None, sense[3:6], amb.name, kind="igo",
            why=f"ambiguous name '{amb.name}': {sense} from context (senses {'|'.join(amb.senses)})",
            confidence=1.0 if hit.unique else 0.6,
        )
    kind = amb.kind
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


def _given_name_before(text: str, start: int, resources: Resources) -> bool:
    """A capitalised word right before the name that is no title ("Mauro Vieira", not "President Vieira")."""
    prev = re.search(r"([\w'’-]+) $", text[:start])
    return bool(
        prev
        and prev.group(1)[:1].isupper()
        and fold_key(prev.group(1)) not in title_words(resources)
        and prev.group(1) not in _NOT_NAME_PARTS.split("|")
    )


def _name_after(text: str, end: int) -> bool:
    """A capitalised word right after the name that starts no new phrase ("Boric Soto", not "Boric said"
    nor "Boric On Monday")."""
    nxt = re.match(r" ([A-Z][\w'’-]*)", text[end:])
    return bool(nxt and nxt.group(1) not in _NOT_NAME_PARTS.split("|"))


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
        # the most recent in office: "Castro" in 2016 is Cuba's (to 2008), not Ecuador's (to 1966)
        return max(before, key=lambda ld: (ld.source != "reign", ld.end or date, ld.start))
    curated = [ld for ld in leaders if ld.source != "reign"]
    return min(curated, key=lambda ld: ld.start) if curated else None
