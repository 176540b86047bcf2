"""The coding stages: `events` (rules propose events) and `dedupe` (one event per report)."""

from __future__ import annotations

from dyad.coding.dates import resolve_date
from dyad.coding.modes import ModeCues, detect_mode
from dyad.coding.patterns import PatternSet, TriggerMatch
from dyad.coding.places import find_location
from dyad.coding.roles import assign_roles
from dyad.doc import Document, Event, Mention, Sentence, Trigger
from dyad.pipeline import stage
from dyad.resources import Resources
from dyad.text.normalize import fold
from dyad.text.tokens import Token, tokenize

# How much each mode lowers confidence: speculation is worth less than a report.
_MODE_FACTOR = {"factual": 1.0, "future": 0.9, "historical": 0.85, "negated": 0.7, "hypothetical": 0.6,
                "question": 0.4}


@stage("events", requires=("sentences", "mentions"), provides=("events",))
def make_event_coder(*, resources: Resources, languages: list[str] | None = None):
    return EventCoder(resources, PatternSet(resources, tuple(languages or ("en", "es"))), ModeCues.load())


class EventCoder:
    def __init__(self, resources: Resources, patterns: PatternSet, cues: ModeCues):
        self.resources = resources
        self.patterns = patterns
        self.cues = cues

    def __call__(self, doc: Document) -> Document:
        if not doc.coded:
            return doc
        by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        events: list[Event] = []
        for sentence in doc.sentences:
            mentions = by_sentence.get(sentence.index, [])
            if len({m.code for m in mentions}) < 2:
                continue  # an event needs two actors
            events.extend(self.code_sentence(doc, sentence, mentions))
        doc.events = events
        return doc

    def code_sentence(self, doc: Document, sentence: Sentence, mentions: list[Mention]) -> list[Event]:
        tokens = tokenize(sentence.text)
        out = []
        for trigger in self.patterns.find(tokens):
            for roles in assign_roles(tokens, trigger, mentions):
                out.append(self._event(doc, sentence, tokens, trigger, roles.source, roles.target, roles.why))
        return out

    def _event(self, doc: Document, sentence: Sentence, tokens: list[Token], trigger: TriggerMatch,
               source: Mention, target: Mention, why: str) -> Event:
        code = self.resources.cameo_code(trigger.pattern.code)
        mode = detect_mode(tokens, trigger.start_token, sentence.text, self.cues, trigger.pattern.mode)
        first, last = tokens[trigger.start_token], tokens[trigger.end_token - 1]
        confidence = _MODE_FACTOR[mode] * min(1.0, 0.55 * trigger.pattern.weight
                                              + (0.25 if trigger.pattern.objects else 0.1)
                                              + 0.1 * min(source.confidence, target.confidence))
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
            date=resolve_date(fold(sentence.text), doc.date),
            location=find_location(sentence.text, [source, target], self.resources, prefer_country=target.country),
            trigger=Trigger(sentence.text[first.start:last.end], first.start, last.end),
            explanation={"pattern": trigger.pattern.id, "roles": why},
        )


@stage("dedupe", requires=("events",), provides=("events",))
def make_deduplicator(*, resources: Resources):
    del resources

    def dedupe(doc: Document) -> Document:
        doc.events = dedupe_events(doc.events)
        return doc

    return dedupe


def dedupe_events(events: list[Event]) -> list[Event]:
    """Reports of the same act (same actors, code) in one article become one event.

    The kept event is the most confident report; a factual report beats a future one
    ("will open" then "opened"); `mentions` counts the reports.
    """
    groups: dict[tuple[str, str, str], list[Event]] = {}
    for e in events:
        if e.mode in ("negated", "question", "hypothetical"):
            groups.setdefault((e.source.code, e.target.code, f"{e.cameo}:{e.mode}:{e.sentence}"), []).append(e)
        else:
            groups.setdefault((e.source.code, e.target.code, e.cameo), []).append(e)
    kept = []
    for group in groups.values():
        best = max(group, key=lambda e: (e.mode == "factual", e.confidence, -e.sentence))
        best.mentions = len(group)
        if best.location is None:
            best.location = next((e.location for e in group if e.location), None)
        kept.append(best)
    kept.sort(key=lambda e: (e.sentence, e.trigger.start if e.trigger else 0))
    return kept
