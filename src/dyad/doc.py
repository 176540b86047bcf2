"""The records every stage reads and writes.

A `Document` enters the pipeline with its text; stages fill it in order:

    Document.sentences   (text stage)      list[Sentence]
    Document.mentions    (actors stage)    list[Mention]    offsets relative to their sentence
    Document.findings    (checks stage)    list[Finding]    offsets relative to the document text
    Document.events      (coding stages)   list[Event]      offsets relative to their sentence
    Document.missions    (missions stage)  list[MissionChange]   what the sentences say of missions
    Document.relations   (missions stage)  list[RelationChange]  ... and of diplomatic relations

Records are plain dataclasses; `to_dict()` gives the JSON objects of the contract
(`../shared/contract.md`), and the CLI, HTTP API and store all serialise through it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Sentence:
    """One sentence: its index in the document and its character span in `Document.text`; `lang` is
    its language when the `language` stage set it (a quotation in another language than the article's)."""

    index: int
    start: int
    end: int
    text: str
    lang: str | None = None


@dataclass(slots=True)
class Mention:
    """An actor named in a sentence, resolved to a CAMEO-style code.

    `start`/`end` are offsets in the sentence's text. `why` says how it resolved
    ("dictionary: en name", "leader in office 2013-2021", "context: home country").
    """

    sentence: int
    start: int
    end: int
    text: str
    code: str
    country: str | None
    sector: str | None
    name: str
    kind: str = "country"  # country | capital | demonym | leader | igo | role | organisation | epithet
    why: str = ""
    confidence: float = 1.0

    @property
    def filed_from(self) -> bool:
        """A dateline's place or agency ("NAIROBI (Reuters) -"): where the story was filed, as the actors
        stage marks it in `why`; it takes no part in the sentence's acts."""
        return "dateline" in self.why

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
        }

    def to_full_dict(self) -> dict[str, Any]:
        data = self.to_dict()
        data.update(sentence=self.sentence, kind=self.kind, why=self.why, confidence=self.confidence)
        return data


@dataclass(slots=True)
class Finding:
    """A check's finding: a name or flag that denotes another country than the story's."""

    doc_id: str
    kind: str  # name-confusion | flag-mismatch | stale-title | ...
    severity: str  # info | warning | error
    text: str
    start: int  # offsets in Document.text
    end: int
    says: str | None
    context: str | None
    suggest: str | None = None
    evidence: list[str] = field(default_factory=list)
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "kind": self.kind,
            "severity": self.severity,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "says": self.says,
            "context": self.context,
            "suggest": self.suggest,
            "evidence": list(self.evidence),
            "message": self.message,
        }


@dataclass(slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(slots=True)
class Trigger:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Event:
    """Who did what to whom, with the sentence and spans it came from."""

    doc_id: str
    sentence: int
    sentence_text: str
    source: Mention
    target: Mention
    cameo: str
    root: str
    plover: str | None
    quad: int
    penta: int
    goldstein: float
    mode: str = "factual"  # factual | future | negated | hypothetical | historical | question
    confidence: float = 0.5
    date: str | None = None
    location: Location | None = None
    trigger: Trigger | None = None
    explanation: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    mentions: int = 1  # sentences in the document that report this same event
    reported_in: tuple[int, ...] = ()  # those sentences' indices, when more than one (`sentence` is the kept report's)
    unary: bool = False  # one actor named ("X resigned"): the target repeats the source
    # what the stage that proposed it measured (pattern weight, rank, the model's readings...): the
    # combiner's inputs (dyad/coding/combine.py); not part of the contract's JSON
    signals: dict[str, float] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str, str, str | None]:
        """What makes two reports the same event (within a document)."""
        return (self.source.code, self.target.code, self.cameo, self.mode, self.date)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "sentence_text": self.sentence_text,
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "cameo": self.cameo,
            "root": self.root,
            "plover": self.plover,
            "quad": self.quad,
            "penta": self.penta,
            "goldstein": self.goldstein,
            "mode": self.mode,
            "confidence": round(self.confidence, 4),
            "date": self.date,
            "location": self.location.to_dict() if self.location else None,
            "trigger": self.trigger.to_dict() if self.trigger else None,
        }
        if self.mentions > 1:
            data["mentions"] = self.mentions
        if len(self.reported_in) > 1:
            data["reported_in"] = list(self.reported_in)
        if self.unary:
            data["unary"] = True
        if self.explanation:
            # how each side got its code and country ("role 'union' of KEN (from the adjective 'Kenyan')"), read
            # from the sides as they are now: a later stage may have replaced one (the host of a mission)
            actors = {"source": self.source.why, "target": self.target.why}
            data["explanation"] = {**self.explanation, "actors": actors}
        if self.findings:
            data["findings"] = [f.to_dict() for f in self.findings]
        return data


NEWS_MODES = ("factual", "future", "intent", "order")  # a change the article reports as its news (done or planned)


@dataclass(slots=True)
class MissionChange:
    """What a sentence says happened to one diplomatic mission: `sender`'s mission in `host`.

    `status` is one of the contract's (opened, planned, closed, suspended, relocated, relations severed,
    ambassador expelled, ambassador recalled); a plan ("will reopen") is `planned` with the planned
    change in `plan`. `mode` says how the sentence reports it: only news (`NEWS_MODES`) is stored;
    background ("historical"), negated, hypothetical and questions are kept to explain what was read.
    """

    sender: str
    host: str
    city: str | None  # the city the sentence names (as the places table spells it), else None
    kind: str  # embassy | consulate | liaison office | office
    status: str
    mode: str
    date: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    sentence: int
    trigger: Trigger  # the change word(s), offsets in the sentence
    rule: str  # the cues and rules that decided, in words
    plan: str | None = None
    from_city: str | None = None  # a relocation: the city the mission left
    noun: str = ""  # the mission word as written
    district: str | None = None  # the district of `city` the sentence names ("Las Mercedes")

    @property
    def news(self) -> bool:
        return self.mode in NEWS_MODES

    def to_dict(self) -> dict[str, Any]:
        return {
            "sender": self.sender,
            "host": self.host,
            "city": self.city,
            "district": self.district,
            "kind": self.kind,
            "status": self.status,
            "plan": self.plan,
            "mode": self.mode,
            "date": self.date,
            "sentence": self.sentence,
            "trigger": self.trigger.to_dict(),
            "noun": self.noun,
            "from_city": self.from_city,
            "rule": self.rule,
        }


@dataclass(slots=True)
class RelationChange:
    """What a sentence says happened to the diplomatic relations of `a` and `b`.

    `change` is established, severed, restored, downgraded, upgraded, recognition switched (`a` now
    recognises `b`, and no longer `previous`), or planned (with the planned change in `plan`).
    """

    a: str
    b: str
    change: str
    mode: str
    date: str | None
    sentence: int
    trigger: Trigger
    rule: str
    plan: str | None = None
    previous: str | None = None

    @property
    def news(self) -> bool:
        return self.mode in NEWS_MODES

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "change": self.change,
            "plan": self.plan,
            "previous": self.previous,
            "mode": self.mode,
            "date": self.date,
            "sentence": self.sentence,
            "trigger": self.trigger.to_dict(),
            "rule": self.rule,
        }


@dataclass(slots=True)
class Document:
    """One article (one version of it) and everything the pipeline learnt from it."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    modified: str | None = None  # ISO timestamp of the version, when the source gives one
    lang: str | None = None
    html: str | None = None  # the raw HTML, when the document came from HTML (checks read flags from it)
    source_path: str | None = None
    home_country: str | None = None  # the country the story is about, when the actors stage can tell
    coded: bool = True  # False when the language is not one dyad codes events in
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    missions: list[MissionChange] = field(default_factory=list)
    relations: list[RelationChange] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def sentence_mentions(self, index: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == index]

    def mention_record(self, mention: Mention) -> dict[str, Any]:
        """A mention as `dyad actors` prints it: offsets in its sentence and in the whole text, and why."""
        offset = self.sentences[mention.sentence].start if mention.sentence < len(self.sentences) else 0
        return {"doc_id": self.id, **mention.to_full_dict(),
                "doc_start": offset + mention.start, "doc_end": offset + mention.end}
