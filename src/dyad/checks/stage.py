"""The `checks` stage (fills `doc.findings`, corrects confused actor mentions) and the
`attach_findings` stage (puts each finding on the events built from the mention it corrected).

    checks           names of the wrong place (names.py), flags (flags.py), stale titles (titles.py)
    attach_findings  after `events`: Event.findings, so the store keeps why an actor was changed
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from dyad.checks.context import Context, Signal, build_context
from dyad.checks.data import CheckData
from dyad.checks.evidence import EvidenceReader
from dyad.checks.flags import FlagReader, FlagSeen
from dyad.checks.names import SEVERITY_RANK, Appositions, Verdict, check_names
from dyad.checks.renamed import RenameChecker
from dyad.checks.scan import Scanner
from dyad.checks.titles import TitleChecker
from dyad.doc import Document, Finding, Mention
from dyad.pipeline import stage
from dyad.resources import Resources


@stage("checks", requires=("mentions",), provides=("findings",))
def make_checker(*, resources: Resources, flags: bool = True, titles: bool = True) -> Checker:
    return Checker(resources, flags=flags, titles=titles)


@stage("attach_findings", requires=("events", "findings"), provides=("event_findings",))
def make_finding_attacher(*, resources: Resources) -> Callable[[Document], Document]:
    del resources
    return attach_findings


@dataclass(frozen=True, slots=True)
class CheckTables:
    """What the checks read, built from the tables once and kept compiled (see dyad.cache)."""

    data: CheckData
    scanner: Scanner
    flags: FlagReader
    titles: TitleChecker
    renamed: RenameChecker

    @classmethod
    def build(cls, resources: Resources) -> CheckTables:
        data = CheckData.build(resources)
        return cls(data, Scanner(data), FlagReader(data, resources), TitleChecker(data, resources),
                   RenameChecker(data))


class Checker:
    """Built once (tables, automaton); calling it on a document is pure apart from filling it."""

    def __init__(self, resources: Resources, *, flags: bool = True, titles: bool = True):
        self.resources = resources
        tables = resources.compiled("checks", lambda: CheckTables.build(resources), CheckTables)
        self.data = tables.data
        self.scanner = tables.scanner
        self.appositions = Appositions(
            self.data.attach,
            tuple(self.data.words.get("role-verb", ())),
            tuple(self.data.words.get("place-noun", ())),
            tuple(self.data.words.get("other-state", ()))
            + tuple(self.data.words.get("reaction", ()))
            + tuple(self.data.words.get("alert", ())),
        )
        self.evidence = EvidenceReader(self.data)
        self.flags = tables.flags if flags else None
        self.titles = tables.titles if titles else None
        self.renamed = tables.renamed if titles else None

    def __call__(self, doc: Document) -> Document:
        ctx = build_context(doc, self.scanner, self.data)
        verdicts = check_names(ctx, self.data, self.appositions, self.evidence)
        findings = [v.finding for v in verdicts]
        self._correct(ctx, verdicts)
        if self.flags is not None:
            findings.extend(self._flags(doc, ctx.cues, verdicts))
        if self.titles is not None:
            findings.extend(self.titles.check(doc))
        if self.renamed is not None:
            findings.extend(self.renamed.check(ctx))
        findings.sort(key=lambda f: (f.start, -SEVERITY_RANK[f.severity]))
        doc.findings = [*doc.findings, *findings]
        return doc

    def _correct(self, ctx: Context, verdicts: list[Verdict]) -> None:
        """Replace each confused mention by one of the context's country, carrying why."""
        for v in verdicts:
            if v.entity is None:
                continue
            country = self.data.country_of(v.entity)
            name = self.resources.country_name(country) or country
            for i, m in ctx.mentions_at(v.finding.start, v.finding.end):
                if m.country == country or m.kind in ("leader", "capital"):
                    continue
                ctx.doc.mentions[i] = _corrected(m, country, name, v)
                # a role that took its country from this mention ("su embajada" after it) is corrected with it
                for j, d in enumerate(ctx.doc.mentions):
                    if (d.sentence == m.sentence and d.country == m.country and d.why.startswith("context:")
                            and f"'{m.text}'" in d.why):
                        ctx.doc.mentions[j] = _corrected(d, country, name, v)

    def _flags(self, doc: Document, cues: dict[str, list[Signal]], verdicts: list[Verdict]) -> list[Finding]:
        assert self.flags is not None
        seen = self.flags.emoji(doc.text)
        if doc.html:
            seen.extend(self.flags.images(doc.html, doc.text))
        if not seen:
            return []
        confused = bytearray(len(doc.text) + 1)
        for v in verdicts:
            if v.entity is not None:
                confused[v.finding.start : v.finding.end] = b"\x01" * (v.finding.end - v.finding.start)
        support: dict[str, dict[str, None]] = {}
        pointers: dict[str, dict[str, None]] = {}
        by_index = {s.index: s for s in doc.sentences}
        for m in doc.mentions:
            s = by_index.get(m.sentence)
            # a role that took its country from another mention ("su embajada" after the name) is no
            # evidence of its own: it repeats that mention, mislabelled or not
            if not m.country or s is None or m.why.startswith("context:"):
                continue
            if m.why.startswith("check:") or not confused[s.start + m.start]:
                support.setdefault(m.country, {})[m.text] = None
        for entity, signals in cues.items():
            for country in {entity, self.data.country_of(entity)}:
                for c in signals:
                    support.setdefault(country, {})[c.text] = None
                    pointers.setdefault(country, {})[c.text] = None
        return [
            f for f in (self._flag_finding(doc, flag, support, pointers) for flag in seen) if f is not None
        ]

    def _flag_finding(
        self,
        doc: Document,
        flag: FlagSeen,
        support: dict[str, dict[str, None]],
        pointers: dict[str, dict[str, None]],
    ) -> Finding | None:
        if support.get(flag.iso3):
            return None
        partners = [
            (len(support.get(p, {})), p) for p in self.data.partners.get(flag.iso3, ()) if support.get(p)
        ]
        where = flag.detail or flag.how
        if partners:
            _, best = max(partners)
            evidence = list(pointers.get(best) or support[best])[:6]
            return Finding(
                doc_id=doc.id,
                kind="flag-mismatch",
                severity="warning",
                text=flag.text,
                start=flag.start,
                end=flag.end,
                says=flag.iso3,
                context=self.data.country_of(best),
                suggest=self._flag_of(self.data.country_of(best)),
                evidence=evidence,
                message=f"the flag of {self.data.display(flag.iso3)} ({where}) in a story about "
                f"{self.data.display(best)} ({', '.join(evidence[:4])})",
            )
        if not support:
            return None
        home = max(support, key=lambda k: len(support[k]))
        return Finding(
            doc_id=doc.id,
            kind="flag-mismatch",
            severity="info",
            text=flag.text,
            start=flag.start,
            end=flag.end,
            says=flag.iso3,
            context=self.data.country_of(home),
            suggest=None,
            evidence=[],
            message=f"the flag of {self.data.display(flag.iso3)} ({where}) in a story that never names it",
        )

    def _flag_of(self, entity: str) -> str | None:
        country = self.resources.countries.get(entity)
        return country.flag if country is not None and country.flag else None


def _corrected(m: Mention, country: str, name: str, v: Verdict) -> Mention:
    code = m.code
    if m.country and code.startswith(m.country):
        code = country + code[len(m.country) :]
    else:
        code = country + (m.sector or "")
    why = (
        f"check: {v.finding.kind} ({v.finding.severity}): '{v.finding.text}' names {v.finding.says}; "
        f"the story's context is {country}"
    )
    return replace(m, code=code, country=country, name=name, why=why)


def attach_findings(doc: Document) -> Document:
    """Each event built from a corrected mention carries the finding that corrected it."""
    if not doc.findings or not doc.events:
        return doc
    by_index = {s.index: s for s in doc.sentences}
    starts = [s.start for s in doc.sentences]
    names: dict[int, list[Finding]] = {}
    for f in doc.findings:
        if f.kind == "name-confusion" and starts:
            at = doc.sentences[max(0, bisect_right(starts, f.start) - 1)]
            names.setdefault(at.index, []).append(f)
    for event in doc.events:
        sentence = by_index.get(event.sentence)
        if sentence is None:
            continue
        for mention in (event.source, event.target):
            start, end = sentence.start + mention.start, sentence.start + mention.end
            for f in names.get(event.sentence, []):
                if f.start < end and start < f.end and not any(f is g for g in event.findings):
                    if mention.why.startswith("check:") or f.severity != "info":
                        event.findings.append(f)
    return doc
