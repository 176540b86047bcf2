"""The coding stages: `events` (rules propose events) and `dedupe` (one event per report)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from dyad.coding.clauses import complement_of, content_of_noun, in_relative_clause, participle_by, predicate_after
from dyad.coding.combine import Combiner, features, load_combiners
from dyad.coding.grammar import Grammar, guess_language
from dyad.coding.modes import MODE_FACTOR, ModeCues, ModeShift, detect_mode
from dyad.coding.patterns import STATE, PatternsByLanguage, TriggerMatch
from dyad.coding.places import find_location, locate_people
from dyad.coding.roles import UNARY as _UNARY
from dyad.coding.roles import (
    ActorSpan,
    Roles,
    aimed_at_a_place,
    assign_roles,
    fallback_roles,
    only_places,
    sufferers,
    token_spans,
)
from dyad.coding.unsaid import UNSAID, Subject, first_subject, unsaid_subject_roles
from dyad.doc import Document, Event, Mention, Sentence, Trigger
from dyad.ingest.lang import CODED_LANGUAGES
from dyad.pipeline import stage
from dyad.resources import CameoCode, Resources
from dyad.text.dates import date_words, event_date, find_dates
from dyad.text.normalize import fold
from dyad.text.tokens import Token, tokenize

# How much each mode lowers confidence: speculation is worth less than a report.
# Confidence: how much the pattern's weight, a found object, a verb (not a noun), the first and
# second main verb, and a structural role reading count.
_WEIGHT, _OBJECT, _VERB, _RANK0, _RANK1, _STRUCTURAL, _POSITION, _CAP = (
    0.4,
    0.12,
    0.06,
    0.3,
    0.04,
    0.2,
    0.01,
    0.99,
)

# The rank of a participle that modifies a noun ("forces backed by Russia"): below any noun trigger.
_DEMOTED = 5

# The code of a sentence that names two actors and no act: a neutral statement.
_DEFAULT_CODE = "010"
def reading_position(tokens: list[Token], trigger: TriggerMatch | None, grammar: Grammar | None) -> float:
    """Where the act stands in its sentence (0 first .. 1 last), a signal of the main event: news puts
    it early. Where the verb closes its clause ("Die Armee hat ... Ziele im Libanon angegriffen"), a
    participle or infinitive stands for the auxiliary of its clause, in second place as early as an
    English verb, so that German main verbs are not read as afterthoughts (no grammar: the raw place)."""
    if trigger is None or not tokens:
        return 0.0
    i = trigger.start_token
    if (
        grammar is not None
        and grammar.flag("verb_final")
        and not trigger.pattern.nominal
        and trigger.form in ("part", "inf")
    ):
        bounds = grammar.of("clause_opener") | grammar.of("relative") | {",", ";", ":"}
        for j in range(i - 1, -1, -1):
            if tokens[j].norm in bounds:
                break
            if tokens[j].norm in grammar.of("auxiliary"):
                i = j
                break
    return i / len(tokens)


def _restricted_first(made: list[tuple[TriggerMatch, Event]]) -> list[Event]:
    """A reading that holds only for some sources replaces the general reading of the same words for
    the same parties when it files the act under another root: a state's army that "attacked" used
    armed force (190), not an assault (180); troops that "arrived in" were deployed (074), not on a
    visit (042). A general reading of the same root is only less specific and stays."""
    held = {
        (t.start_token, e.source.code, e.target.code, e.root)
        for t, e in made
        if t.pattern.source_sectors
    }
    return [
        e
        for t, e in made
        if t.pattern.source_sectors
        or not any(
            (t.start_token, e.source.code, e.target.code) == key[:3] and key[3] != e.root for key in held
        )
    ]


@stage("events", requires=("sentences", "mentions"), provides=("events",))
def make_event_coder(
    *,
    resources: Resources,
    languages: list[str] | None = None,
    fallback: bool = True,
    pattern_files: list[str] | None = None,
    unary: bool = True,
    combine: bool = True,
) -> EventCoder:
    """`languages`: the pattern folders to load (a sentence in another language is coded with its
    document's, else the closest loaded language's patterns); `pattern_files`: extra TOML pattern files (same format,
    see dyad.coding.patterns); `fallback`: a sentence naming two actors and no usable trigger still
    yields its best guess (a neutral statement, low confidence); `unary`: a sentence naming one actor
    may yield an event against that actor's own country ("the Kenyan government declined to
    comment": KENGOV -> KEN);
    `combine`: confidences are the rules' combiner's probabilities (dyad/coding/combine.py), when
    one ships, rather than the rules' own score."""
    langs = tuple(languages or CODED_LANGUAGES)
    extra = tuple(Path(p) for p in pattern_files or ())
    patterns = PatternsByLanguage(resources, langs, extra_files=extra)
    return EventCoder(
        resources, patterns, ModeCues.load(), fallback=fallback, shift=ModeShift.load(), unary=unary,
        combiner=load_combiners().get("rules") if combine else None,
    )


class EventCoder:
    def __init__(
        self,
        resources: Resources,
        patterns: PatternsByLanguage,
        cues: ModeCues,
        *,
        fallback: bool = True,
        shift: ModeShift | None = None,
        unary: bool = True,
        combiner: Combiner | None = None,
    ):
        self.unary = unary
        self.combiner = combiner
        self.resources = resources
        self.shift = shift
        self._last_date: tuple[tuple[str, str | None, str] | None, str | None] = (None, None)
        self.patterns = patterns
        self.cues = cues
        self.fallback = fallback

    def __call__(self, doc: Document) -> Document:
        if not doc.coded:
            return doc
        by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        events: list[Event] = []
        languages = self.patterns.languages
        lang = guess_language([s.text for s in doc.sentences], doc.lang, languages)
        if lang is None and "en" in languages:
            lang = "en"  # nothing to tell the language by: English (never every language's patterns at once)
        carried: Subject | None = None  # the subject a next sentence may leave unsaid (dyad/coding/unsaid.py)
        for sentence in doc.sentences:
            mentions = by_sentence.get(sentence.index, [])
            # A sentence the language stage found to be in another coded language (a quotation) is
            # coded with that language's patterns.
            own = sentence.lang if sentence.lang in languages else lang
            grammar = self.patterns.grammar(own)
            carried = carried if grammar.flag("pro_drop") else None
            if len(mentions) < 2 and not ((self.unary or carried) and mentions):
                carried = None
                continue  # an event needs two actors (or one, for a unary event or a subject left unsaid)
            made = self.code_sentence(doc, sentence, mentions, own, carried)
            events.extend(made)
            carried = self._subject_for_next(sentence, mentions, grammar, carried, made)
        doc.events = events
        return doc

    def _subject_for_next(
        self, sentence: Sentence, mentions: list[Mention], grammar: Grammar, carried: Subject | None,
        made: list[Event],
    ) -> Subject | None:
        """The subject the next sentence may leave unsaid: this one's own first subject when it is a state
        (a country or an organ of one), or the one it left unsaid itself ("It accused X. It also expelled Y")."""
        if not grammar.flag("pro_drop"):
            return None
        if carried is not None and any(e.explanation.get("roles") == UNSAID for e in made):
            return carried
        tokens = tokenize(sentence.text)
        subject = first_subject(tokens, token_spans(tokens, mentions), grammar)
        return subject if subject is not None and state_actor(subject.mention) else None

    def code_sentence(
        self, doc: Document, sentence: Sentence, mentions: list[Mention], lang: str | None = None,
        carried: Subject | None = None,
    ) -> list[Event]:
        tokens = tokenize(sentence.text)
        grammar = self.patterns.grammar(lang)
        triggers = self.patterns.find(tokens, lang)
        mentions = _not_participles(tokens, triggers, mentions, grammar)
        mentions = locate_people(tokens, mentions, grammar, self.resources)
        distinct = len({m.code for m in mentions}) >= 2
        spans = token_spans(tokens, mentions)
        free = [t for t in triggers if not _inside_actor(t, spans)]
        made: list[tuple[TriggerMatch, Event]] = []
        verb_ranks: dict[int, int] = {}
        nominal_heads = {i for t in free if t.pattern.nominal for i in range(t.start_token, t.head_end)}
        verbs = frozenset(t.start_token for t in free if not t.pattern.nominal)
        for trigger in free:
            main_verb = (
                not trigger.pattern.nominal
                and trigger.pattern.weight >= 0.5
                and not in_relative_clause(tokens, trigger.start_token, grammar)
                and not participle_by(tokens, trigger, grammar)
                and not content_of_noun(tokens, trigger.start_token, nominal_heads, grammar)
                and trigger.start_token - 1 not in nominal_heads  # "the cyberattack blamed on X"
                and not complement_of(tokens, trigger, free, grammar)
            )
            subordinate = participle_by(tokens, trigger, grammar) or in_relative_clause(
                tokens, trigger.start_token, grammar
            )
            # Two readings of the same verb ("atacou": 180, and 190 for a state) are one verb of the sentence.
            rank = (
                verb_ranks.setdefault(trigger.start_token, len(verb_ranks))
                if main_verb
                else _DEMOTED
                if subordinate and not trigger.pattern.nominal
                else 3
            )
            roles_list = assign_roles(tokens, trigger, mentions, grammar, verbs) if distinct else []
            if not roles_list and self.fallback:
                roles_list = fallback_roles(tokens, trigger, mentions, grammar)
            if carried is not None and main_verb and not any(r.structural for r in roles_list):
                # "Más tarde, expulsó al embajador de X": the subject is the previous sentence's, left unsaid; it
                # outranks a reading from word order alone, which would make an actor after the verb its agent
                unsaid = unsaid_subject_roles(tokens, trigger, spans, carried, grammar)
                roles_list = [unsaid] if unsaid is not None else roles_list
            if not roles_list and self.unary and len(mentions) == 1 and spans[0].last < trigger.start_token:
                # "Suharto resigned", "Eritrea declined to comment": one actor, no other party named.
                roles_list = [Roles(mentions[0], mentions[0], _UNARY, structural=False)]
            sectors = trigger.pattern.source_sectors
            for roles in roles_list:
                if sectors and (roles.source.sector or STATE) not in sectors:
                    continue
                made.append((trigger, self._event(doc, sentence, tokens, trigger, roles, rank, grammar)))
        out = _restricted_first(made)
        if not out and self.fallback and len(mentions) > 1:
            # Words that name an actor and an act at once ("protesters", "troops") are weak cues.
            for trigger in (t for t in triggers if t not in free):
                for roles in fallback_roles(tokens, trigger, mentions, grammar):
                    out.append(self._event(doc, sentence, tokens, trigger, roles, 4, grammar, weak=True))
                    break
        if not out and self.fallback and distinct:
            for roles in fallback_roles(tokens, None, mentions, grammar):
                out.append(self._event(doc, sentence, tokens, None, roles, 4, grammar))
        out = [e for e in (_within_one_country(e, self.resources) for e in out) if e is not None]
        hurt = sufferers(tokens, triggers, mentions, grammar) if mentions else set()
        # "Two soldiers were killed in Mali": those killed are no agent of force, whatever reads them so
        out = [e for e in out if not struck_by_its_victim(e, hurt, grammar)]
        if hurt:
            doc.meta.setdefault(SUFFERERS, {})[sentence.index] = sorted(hurt)
        # "arrested three men near the Somali border": Somalia is where, for the model's reading too
        places = only_places(tokens, mentions, grammar) if mentions else set()
        out = [e for e in out if not aimed_at_a_place(e.root, e.target.code, places)]
        if places:
            doc.meta.setdefault(PLACES, {})[sentence.index] = sorted(places)
        if self.combiner is not None:
            for e in out:
                e.confidence = self.combiner.score(features(e, out))
        for e in out:
            e.confidence = scoped_confidence(e, grammar)
        return out

    def _date(self, text: str, doc_date: str | None, lang: str) -> str | None:
        key = (text, doc_date, lang)
        if self._last_date[0] != key:
            self._last_date = (key, event_date(fold(text), doc_date, date_words(lang)))
        return self._last_date[1]

    def _event(
        self,
        doc: Document,
        sentence: Sentence,
        tokens: list[Token],
        trigger: TriggerMatch | None,
        roles: Roles,
        rank: int,
        grammar: Grammar,
        weak: bool = False,
    ) -> Event:
        source, target = roles.source, roles.target
        if trigger is None:
            code = self.resources.cameo_code(_DEFAULT_CODE)
            predicate = predicate_after(tokens, source, grammar)
            mode = detect_mode(
                tokens, predicate.index if predicate else 0, sentence.text, self.cues, None, lang=grammar.lang
            )
            mode = "negated" if mode == "refusal" else mode
            trigger_record = Trigger(predicate.text, predicate.start, predicate.end) if predicate else None
            pattern_id = "default: two actors, no pattern; the trigger is the word after the subject"
        else:
            mode = detect_mode(
                tokens, trigger.start_token, sentence.text, self.cues, trigger.pattern.mode,
                lang=grammar.lang, form=trigger.form, until=trigger.particle,
            )
            # A refusal shifts like a negation ("refused to lift" -> 1241); a plain negation ("did not
            # sign") keeps its code: nothing happened.
            shift_mode = "negated" if mode == "refusal" else "" if mode == "negated" else mode
            shifted = (
                self.shift.apply(shift_mode, trigger.pattern.code)
                if self.shift and shift_mode
                else trigger.pattern.code
            )
            if mode == "refusal":
                mode = "factual" if shifted != trigger.pattern.code else "negated"
            code = self.resources.cameo_code(shifted)
            first, last = tokens[trigger.start_token], tokens[trigger.end_token - 1]
            trigger_record = Trigger(sentence.text[first.start : last.end], first.start, last.end)
            pattern_id = trigger.pattern.id
        # the verb-final credit goes to acts between two parties only: an act within one country (a
        # unary one, or "soldiers were killed") keeps the raw place of its participle
        dyadic = source.country != target.country or source.code.startswith("IGO") != target.code.startswith("IGO")
        position = reading_position(tokens, trigger, grammar if dyadic else None)
        confidence = event_confidence(
            trigger,
            roles,
            rank,
            mode,
            weak,
            min(source.confidence, target.confidence),
            source.code == target.code,
            position,
        )
        explanation = {"pattern": pattern_id, "roles": roles.why, "score": round(confidence, 4)}
        if trigger is not None and code.code != trigger.pattern.code:
            explanation["mode_shift"] = f"{trigger.pattern.code} -> {code.code} ({mode})"
        event = build_event(doc, sentence, source, target, code, self.resources, mode=mode, confidence=confidence,
                            date=self._date(sentence.text, doc.date, grammar.lang), trigger=trigger_record,
                            explanation=explanation, unary=roles.why == _UNARY)
        pattern = trigger.pattern if trigger is not None else None
        event.signals = {
            "rule": confidence,
            "weight": pattern.weight if pattern else 0.0,
            "nominal": float(bool(pattern and pattern.nominal)),
            "objects": float(bool(pattern and pattern.objects)),
            "rank0": float(trigger is not None and rank == 0),
            "rank1": float(trigger is not None and rank == 1),
            "demoted": float(rank == _DEMOTED),
            "structural": float(roles.structural),
            "weak": float(weak),
            "no_trigger": float(trigger is None),
            "position": position,
        }
        return event


FORCE_ROOTS = frozenset({"18", "19", "20"})
# `Document.meta` key: per sentence index, the codes of the actors it names as suffering force (`sufferers`),
# for the model stage, whose role head would otherwise make them the agent.
SUFFERERS = "sufferers"
# `Document.meta` key: per sentence index, the codes of the actors it names only as a border or a cargo's
# destination (`only_places`), for the model stage, whose role head would otherwise make them the target.
PLACES = "places"


# The bodies through which a state acts: a country named as a whole and one of these of its own are one party.
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def state_actor(mention: Mention) -> bool:
    """A country named as a whole or one of its organs: no organisation, group or person without a state."""
    if mention.country is None or mention.code.startswith("IGO"):
        return False
    return mention.sector is None or mention.sector in STATE_ORGANS


def same_party(source: Mention, target: Mention) -> bool:
    """A country named as a whole acting on one of its own organs ("Ecuador expelled Hodges" read as
    ECU -> ECUGOV from the story's envoy, "U.S. expulsion of ... U.S. diplomats", "Iran says its navy
    seized"): the same party twice, never a pair that acts on itself; a reading that makes it one is a
    misreading. Acts between two bodies of one state ("the army deposed the government") keep their
    sectors, and an organ's act on its country as a whole (a domestic act, KENCOP -> KEN) stands."""
    if source.country is None or source.country != target.country:
        return False
    return source.sector is None and target.sector in STATE_ORGANS


def struck_by_its_victim(event: Event, hurt: set[str], grammar: Grammar) -> bool:
    """An act of force whose source the sentence names as suffering force (`sufferers`), unless the act
    is one both sides do ("died in fighting and an air strike": the fighting was theirs too)."""
    if event.root not in FORCE_ROOTS or event.source.code not in hurt:
        return False
    first = fold(event.trigger.text).split()[:1] if event.trigger else []
    return not (first and first[0] in grammar.of("mutual"))


_ANY_DAY = "2000-01-01"
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|[^\W\d_]+'")


def statement_aside(event: Event, grammar: Grammar | None) -> bool:
    """A statement (010) whose target is named inside what was said, not as its addressee or as the
    subject of what was said: "the minister said the border with Cambodia was calm" says nothing to
    Cambodia. Between the verb and an addressee or a subject stand only a preposition of address, an
    audience ("told reporters that"), a complementizer, determiners and dates."""
    if event.cameo != "010" or grammar is None:
        return False
    return _target_past_other_words(event, grammar, ("addressee", "audience", "that", "determiner", "date_prep"))


def warning_aside(event: Event, grammar: Grammar | None) -> bool:
    """A warning read as a threat (130) whose target is named inside what was warned about ("the UN warned
    that fighting in South Sudan could spread", "warned of a famine in South Sudan"): a threat is made to
    its addressee, right after the verb ("warned Japan that ..."); only determiners and dates stand between
    ("advirtió a Japón", "alertou o Japão": and the preposition of a person object)."""
    if event.cameo != "130" or event.trigger is None or grammar is None:
        return False
    words = _WORD.findall(fold(event.trigger.text))
    if not words or words[0] not in grammar.of("warn"):
        return False
    return _target_past_other_words(event, grammar, ("determiner", "date_prep", "personal_object"))


def _target_past_other_words(event: Event, grammar: Grammar, classes: tuple[str, ...]) -> bool:
    """Whether a word outside the grammar's `classes` stands between the event's trigger and a target that
    follows it (dates aside: "on Monday", "el lunes" are read by where they stand, any anchor day will do)."""
    if event.trigger is None or event.unary or event.target.start < event.trigger.end:
        return False
    gap = fold(event.sentence_text[event.trigger.end : event.target.start])
    for found in find_dates(gap, event.date or _ANY_DAY, date_words(grammar.lang)):
        gap = gap[: found.start] + " " * (found.end - found.start) + gap[found.end :]
    allowed = frozenset().union(*(grammar.of(c) for c in classes))
    return any(word not in allowed for word in _WORD.findall(gap))


def scoped_confidence(event: Event, grammar: Grammar | None = None) -> float:
    """The event's confidence once the readings dyad does not trust are put below the 0.5 line: one party
    twice (`distrust_same_party`), an organ acting on its own country as a whole (`distrust_domestic`, by
    the sentence's `grammar`), a side that is no state (`distrust_stateless`), a statement or a warning whose
    target is only named in what was said (`statement_aside`, `warning_aside`). The rules and the model's
    combiner both end here."""
    confidence = distrust_stateless(distrust_domestic(distrust_same_party(event), event, grammar), event)
    aside = statement_aside(event, grammar) or warning_aside(event, grammar)
    return min(confidence, _UNDER_THE_LINE) if aside else confidence


# Below the ledger's 0.5 line: a reading kept as a candidate that relations, timelines and exports leave out.
_UNDER_THE_LINE = 0.45


def distrust_same_party(event: Event) -> float:
    """The event's confidence, halved when its pair is one party twice (`same_party`): such a reading is
    nearly always a misreading of who acted on whom, though the act itself may be right (the dev set's
    sentences keep their class), so it stays a candidate below the 0.5 line instead of being dropped."""
    if event.unary or not same_party(event.source, event.target):
        return event.confidence
    return event.confidence * 0.5


# Roots of conflict (protest, coercion, assault, force): within one country they are civil strife, which
# the coding guide does record ("the army struck the rebels", "the opposition burned the flag").
_STRIFE_ROOTS = frozenset({"14", "17", "18", "19", "20"})


def distrust_domestic(confidence: float, event: Event, grammar: Grammar | None = None) -> float:
    """`confidence`, capped below the 0.5 line when a body of a state talks to, meets or cooperates with
    that state as a whole (KENGOV -> KEN: "the government declined to comment", "the president hosted
    the signing", which `_within_one_country` reads so): a domestic act, real, but not one between
    states, which dyad codes and the yardstick's readers leave out. It stays a candidate. Civil strife
    (`_STRIFE_ROOTS`) keeps its confidence, save the codes of fighting of the `grammar`'s class
    "force_not_at_home": an army shooting "at home" shoots at someone the sentence names, and its own
    state is then the place ("fired on an aircraft over Greece's islands"), not the one fired on; a
    blockade or an occupation at home (191, 192) stays civil strife."""
    source, target = event.source, event.target
    if source.country is None or target.sector is not None or target.code != source.country:
        return confidence
    at_home = grammar is not None and event.cameo in grammar.of("force_not_at_home")
    if source.code == target.code or (event.root in _STRIFE_ROOTS and not at_home):
        return confidence
    return min(confidence, _UNDER_THE_LINE)


# Parties with no country that the coding guide still names: organisations, and an armed group with no
# state (the bare sector REB).
_STATELESS_PARTIES = ("IGO", "NGO", "REB")


def distrust_stateless(confidence: float, event: Event) -> float:
    """`confidence`, capped below the 0.5 line when a side is a bare sector or a region with no country
    ("protesters", "Muslims", "businesses", "the Middle East"): an act no state or organisation is named
    a party to, which is not the kind of event dyad codes between states (the coding guide's actors are
    states, their organs, organisations and stateless armed groups). It stays a candidate."""
    for actor in (event.source, event.target):
        if actor.country is None and not actor.code.startswith(_STATELESS_PARTIES):
            return min(confidence, _UNDER_THE_LINE)
    return confidence


def _within_one_country(event: Event, resources: Resources) -> Event | None:
    """An event whose two actors carry one code ("the government eased the restrictions on the
    former prime minister", or a one-actor event) is an act within that actor's country: its target
    becomes the bare country (KENGOV -> KEN), so no event reads X -> X. A bare country acting alone
    ("Germany paid the compensation") acts through its government (DEUGOV -> DEU). An actor with no
    country (an organisation, a sector no country was found for) gives no such event: None."""
    source, target = event.source, event.target
    if source.code != target.code:
        return event
    if not source.country:
        return None
    why = "the source's own country: one actor, or one body twice"
    if not source.sector:
        event.source = replace(source, code=f"{source.country}GOV", sector="GOV")
        why += "; a country acting alone acts through its government"
    name = resources.country_name(source.country) or source.country
    event.target = replace(target, code=source.country, sector=None, name=name)
    event.explanation = {**event.explanation, "target": why}
    return event


def event_confidence(
    trigger: TriggerMatch | None,
    roles: Roles,
    rank: int,
    mode: str,
    weak: bool,
    actor_confidence: float,
    same_actor: bool,
    position: float = 0.0,
) -> float:
    """How sure the rules are, 0..1; within a sentence the best reading must come first.

    The pattern's weight sets the base (statements are weak, specific acts strong); a trigger
    with its object found, a verb rather than a noun, an earlier main verb and a structural role
    reading each add to it; speculation (question, hypothetical) lowers it.
    """
    if trigger is None:
        score = 0.15
    else:
        pattern = trigger.pattern
        score = (
            _WEIGHT * pattern.weight
            + (_OBJECT if pattern.objects else 0.0)
            + (0.0 if pattern.nominal else _VERB)
        )
        score += _RANK0 if rank == 0 else _RANK1 if rank == 1 else -0.1 if rank == _DEMOTED else 0.0
        score += _STRUCTURAL if roles.structural else 0.0
        if weak:
            score *= 0.5
    score += 0.1 * actor_confidence
    if same_actor:
        score *= 0.8
    # Readings strong enough are equals (the ceiling); among equals news puts the main event first.
    return round(max(0.01, min(_CAP, score * MODE_FACTOR[mode]) - _POSITION * position), 4)


def _not_participles(
    tokens: list[Token], triggers: list[TriggerMatch], mentions: list[Mention], grammar: Grammar
) -> list[Mention]:
    """A role word that is a passive participle ("foram presos", "fueron detenidos") is the verb, not an actor."""
    passive = {
        tokens[t.start_token].start
        for t in triggers
        if t.form == "part" and t.start_token > 0 and tokens[t.start_token - 1].norm in grammar.of("be")
    }
    return [m for m in mentions if not (m.kind == "role" and m.start in passive and " " not in m.text)]


def _inside_actor(trigger: TriggerMatch, spans: list[ActorSpan]) -> bool:
    return any(s.first <= trigger.start_token <= s.last for s in spans)


def build_event(doc: Document, sentence: Sentence, source: Mention, target: Mention, code: CameoCode,
                resources: Resources, *, mode: str, confidence: float, date: str | None,
                trigger: Trigger | None, explanation: dict[str, Any], unary: bool = False) -> Event:
    """An event of `code` between two mentions of a sentence, with its CAMEO facts and its place
    (the rules and the model's proposals both build theirs here)."""
    return Event(
        doc_id=doc.id,
        sentence=sentence.index,
        sentence_text=sentence.text,
        source=source,
        target=target,
        cameo=code.code,
        root=code.root,
        plover=code.plover,
        quad=code.quad,
        penta=code.penta,
        goldstein=code.goldstein,
        mode=mode,
        confidence=confidence,
        date=date,
        location=find_location(sentence.text, [source, target], resources, prefer_country=target.country),
        trigger=trigger,
        explanation=explanation,
        unary=unary,
    )


@stage("dedupe", requires=("events",), provides=("events",))
def make_deduplicator(*, resources: Resources) -> Callable[[Document], Document]:
    del resources

    def dedupe(doc: Document) -> Document:
        doc.events = dedupe_events(doc.events)
        return doc

    return dedupe


def dedupe_events(events: list[Event]) -> list[Event]:
    """Reports of the same act (same actors, code) in one article become one event.

    The kept event is the most confident report; a factual report beats a future one
    ("will open" then "opened"); `mentions` counts the reports, `reported_in` lists their sentences
    (a headline and its lede often report one act twice: each sentence still reports it).
    """
    groups: dict[tuple[str, str, str], list[Event]] = {}
    for e in events:
        if e.mode in ("negated", "question", "hypothetical"):
            groups.setdefault((e.source.code, e.target.code, f"{e.cameo}:{e.mode}:{e.sentence}"), []).append(
                e
            )
        else:
            groups.setdefault((e.source.code, e.target.code, e.cameo), []).append(e)
    kept = []
    for group in groups.values():
        best = max(group, key=lambda e: (e.mode == "factual", e.confidence, -e.sentence))
        best.mentions = len(group)
        best.reported_in = tuple(sorted({e.sentence for e in group})) if len(group) > 1 else ()
        if best.location is None:
            best.location = next((e.location for e in group if e.location), None)
        kept.append(best)
    kept.sort(key=lambda e: (e.sentence, e.trigger.start if e.trigger else 0))
    return kept
