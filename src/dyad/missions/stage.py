"""The `missions` pipeline stage: what each sentence says of diplomatic missions and relations.

It reads every sentence of a document in a language with a cue file (`data/missions/cues/`), whether
or not dyad codes events in that language: it needs the sentences, the actors the actors stage found
(in any language), the places table and the language's cues, nothing of the event coder.

    doc.missions    every mission change read, in every mode (`MissionChange.news` tells what to store)
    doc.relations   every relations change read

and an event that changes a mission "in CITY" with no other target named gets the host as its target.

A break of relations that is news ends both sides' missions ("relations severed") unless the article
reports what happened to that mission itself; recognising one of two states whose recognitions exclude
each other (data/missions/exclusive.tsv: China and Taiwan) breaks relations with the other. Where the article
tells one mission's change in two ways, the status it gives first stands (`dyad.missions.doubt`).
"""

from __future__ import annotations

from dataclasses import replace

from dyad.actors.context import home_country
from dyad.data._load import read_tsv
from dyad.doc import Document, MissionChange, RelationChange
from dyad.missions.doubt import one_status_per_mission
from dyad.missions.lexicon import languages as cue_languages
from dyad.missions.lexicon import lexicon
from dyad.missions.parties import Context
from dyad.missions.places import place_index
from dyad.missions.reader import read
from dyad.missions.sentence import guessed_state, parse
from dyad.pipeline import stage
from dyad.resources import Resources
from dyad.text.dates import date_words, find_dates, is_before
from dyad.text.language import clear_language
from dyad.text.normalize import fold


@stage("missions", requires=("sentences", "mentions"), provides=("missions", "relations"))
def make_mission_reader(*, resources: Resources, languages: list[str] | None = None) -> MissionReader:
    """`languages`: the cue files to read with (default: every bundled one)."""
    return MissionReader(resources, tuple(languages or cue_languages()))


class MissionReader:
    def __init__(self, resources: Resources, languages: tuple[str, ...]):
        self.resources = resources
        self.languages = languages
        self.exclusive = {r["a"]: r["b"] for r in read_tsv("missions/exclusive.tsv", required=("a", "b"))}
        self.places = place_index(resources)  # built (or read from the cache) with the pipeline, like its other tables

    def __call__(self, doc: Document) -> Document:
        lang = _language(doc, self.languages)
        if lang is None:
            return doc
        lex, places = lexicon(lang), self.places
        context = Context(home=_story_country(doc))
        missions: list[MissionChange] = []
        relations: list[RelationChange] = []
        for sentence in doc.sentences:
            parsed = parse(sentence.text, doc.sentence_mentions(sentence.index), lex, places)
            found, rels = read(parsed, sentence.index, doc.date, context, self.exclusive)
            missions.extend(found)
            relations.extend(rels)
        day = news_day(doc, lex.lang)
        missions = [m if m.date else replace(m, date=day) for m in missions]
        relations = [r if r.date else replace(r, date=day) for r in relations]
        relations = _with_breaks_of_recognition(relations)
        missions = _without_fulfilled_plans(missions + _missions_of_breaks(relations, missions))
        doc.missions = one_status_per_mission(_deduplicated(missions))
        doc.relations = relations
        _target_the_host(doc)
        return doc


def _story_country(doc: Document) -> str | None:
    """The story's country, a mission's host of last resort: the actors stage's, counted again without the
    mentions whose country it guessed (a former leader's namesake, "Eduardo Rodríguez" as a local official in
    2010, makes no story Bolivian); a home country set from elsewhere (the source) stays."""
    if doc.home_country is None or home_country(doc.mentions) != doc.home_country:
        return doc.home_country
    return home_country([m for m in doc.mentions if not guessed_state(m)])


def _target_the_host(doc: Document) -> None:
    """An event that opens, closes or moves a mission "in CITY" is done to the city's country when the coder
    found no other target ("Ghana has opened an embassy in Lima, the foreign ministry said": GHA -> PER, not
    GHA -> GHAGOV): its target becomes the actor of the host the missions stage read."""
    for event in doc.events:
        if event.trigger is None or event.source.country is None or event.target.country != event.source.country:
            continue
        change = next(
            (m for m in doc.missions
             if m.news and m.sentence == event.sentence and m.sender == event.source.country
             and m.trigger.start < event.trigger.end and event.trigger.start < m.trigger.end),
            None,
        )
        if change is None:
            continue
        # the host as a place or a state ("in Lima", "in Peru"), never an official of it who reports the change
        # ("according to Spanish officials")
        named = [
            m for m in doc.sentence_mentions(event.sentence)
            if m.country == change.host and m.kind in ("capital", "place", "country")
        ]
        if named:
            host = min(named, key=lambda m: (m.kind not in ("capital", "place", "country"), m.start))
            event.target = host
            event.explanation["target"] = f"the host of the mission it changes ({change.host}: '{host.text}')"


def _language(doc: Document, languages: tuple[str, ...]) -> str | None:
    """The document's language as declared or as the language stage found it; else (a pipeline without that
    stage) what its function words plainly say, else the language identifier's guess."""
    if doc.lang:
        lang = doc.lang[:2].lower()
        return lang if lang in languages else None
    clear = clear_language(doc.text, languages)
    if clear is not None:
        return clear
    from dyad.ingest.lang import detect_language  # loaded only when the words cannot tell

    guess = detect_language(doc.text, min_probability=0.5)
    return guess if guess in languages else None


_LEDE_SENTENCES = 5
_NEWS_DAYS = 7


def news_day(doc: Document, lang: str) -> str | None:
    """The day the story's news happened: the latest day its opening sentences name within a week before
    the article ("on Monday", "ayer", "am Donnerstag"), else the article's date. A change whose sentence
    gives no date of its own took place on that day."""
    if not doc.date:
        return None
    anchor = doc.date[:10]
    days = [
        d.date
        for sentence in doc.sentences[:_LEDE_SENTENCES]
        for d in find_dates(fold(sentence.text), anchor, date_words(lang))
        if d.precision == "day" and not d.past and d.date <= anchor and not is_before(d.date, anchor, _NEWS_DAYS)
    ]
    return max(days, default=anchor)


def _with_breaks_of_recognition(relations: list[RelationChange]) -> list[RelationChange]:
    """Recognising Beijing ends relations with Taipei: a break is added where the article gives none."""
    out = list(relations)
    for r in relations:
        if r.change == "recognition switched" and r.previous and r.news:
            if not any(o.change == "severed" and {o.a, o.b} == {r.a, r.previous} for o in out):
                out.append(
                    replace(
                        r,
                        b=r.previous,
                        change="severed",
                        previous=None,
                        rule=f"recognising {r.b} ends relations with {r.previous}; {r.rule}",
                    )
                )
    return out


def _missions_of_breaks(relations: list[RelationChange], missions: list[MissionChange]) -> list[MissionChange]:
    """A break ends both sides' missions, unless the article says what happened to that mission."""
    # the article tells that mission's own story (a plan tells none: "will withdraw its staff" and "will cut ties")
    told = {(m.sender, m.host) for m in missions if m.status != "planned"}
    out: list[MissionChange] = []
    for r in relations:
        planned = r.change == "planned" and r.plan == "severed"
        if not (r.change == "severed" or planned) or not r.news:
            continue
        sides = [(r.a, r.b)] if planned else [(r.a, r.b), (r.b, r.a)]
        for sender, host in sides:
            if (sender, host) in told:
                continue
            told.add((sender, host))
            status = "planned" if planned else "relations severed"
            out.append(
                MissionChange(
                    sender,
                    host,
                    None,
                    "embassy",
                    status,
                    r.mode,
                    r.date,
                    r.sentence,
                    r.trigger,
                    f"relations severed: both sides' missions end; {r.rule}",
                    plan="relations severed" if planned else None,
                )
            )
    return out


# An expelled ambassador and a recalled one both leave: a plan for one is carried out by the other.
_DEPARTURES = ("ambassador expelled", "ambassador recalled")


def _without_fulfilled_plans(missions: list[MissionChange]) -> list[MissionChange]:
    """A plan the article also reports done ("decided to move its embassy"; "the move that day") is the
    change itself, once: the plan goes. A planned closure of a mission whose relations the article reports
    severed is that severance; a planned recall of an ambassador the article reports expelled, that
    expulsion."""
    done = {(m.sender, m.host, m.status) for m in missions if m.news and m.status != "planned"}
    departed = {(m.sender, m.host) for m in missions if m.news and m.status in _DEPARTURES}

    def fulfilled(m: MissionChange) -> bool:
        return (
            (m.sender, m.host, m.plan) in done
            or (m.plan in ("closed", "suspended") and (m.sender, m.host, "relations severed") in done)
            or (m.plan in _DEPARTURES and (m.sender, m.host) in departed)
        )

    return [m for m in missions if not (m.status == "planned" and m.news and fulfilled(m))]


def _deduplicated(missions: list[MissionChange]) -> list[MissionChange]:
    """One change per mission, status, plan, mode and date: the first report, with a city if any names one."""
    kept: dict[tuple[object, ...], MissionChange] = {}
    for m in missions:
        key = (m.sender, m.host, m.kind, m.status, m.plan, m.mode, m.date)
        first = kept.get(key)
        if first is None:
            kept[key] = m
        elif (first.city is None and m.city is not None) or (first.district is None and m.district is not None):
            kept[key] = replace(first, city=first.city or m.city, district=first.district or m.district)
    return list(kept.values())
