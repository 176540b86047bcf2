"""Name confusion: a name of place A in a story whose context points to a confusable place B.

For each confusable pair (A, B) a name of A is confused when
  * it stands in apposition to a cue of B and of no cue of A ("El líder de la República de
    Corea, Kim Jong-Un", "Pyongyang, South Korea"): an error; or
  * the story never names B, nothing points to A, and B is pointed to by an apposition like
    the one above, or by a place of B (capital, city) and a person or body of B (leader,
    institution) that never share a sentence with A's name: a warning.
A story that names both places ("the two Koreas") is judged by appositions alone, and a quoted
name (a story about the mistake) is at most an info note. A name several places share
("Korea", "Georgia", "Dominican") is read from context, and the actor mention is corrected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.checks.context import Context, LazyPattern, Signal, guess_lang, words_pattern
from dyad.checks.data import CheckData
from dyad.checks.evidence import EvidenceReader
from dyad.checks.scan import Hit
from dyad.doc import Finding

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_PERSON_KINDS = ("leader", "institution", "surname")
_PLACE_KINDS = ("capital", "city")
_STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY"}  # bodies of a state, not of a region
# "the coup in Niger": a name that only says where something happened is judged by its own sentence
_LOCATIVE = re.compile(r"\b(?:in|inside|into|across|throughout|within|en|dentro\s+de)\s+(?:the\s+|el\s+)?$", re.I)


@dataclass(slots=True)
class Verdict:
    """A finding and the place the name really is (for correcting the actor mention), if any."""

    finding: Finding
    hit: Hit
    entity: str | None  # the context's place; None = leave the mention alone


class Appositions:
    """Whether a name and a cue stand in apposition, from the words between them."""

    def __init__(
        self,
        attach_words: list[str],
        role_verbs: tuple[str, ...] = (),
        place_nouns: tuple[str, ...] = (),
        other_state: tuple[str, ...] = (),
    ):
        # "China held drills around the island", "Nigeria cut supplies to its neighbour": A acts on
        # another state, so a story that names only A and points to B elsewhere is about both
        self._other_state = LazyPattern(rf"\b(?:{words_pattern(list(other_state)) or '(?!)'})\b")
        words = words_pattern([w.rstrip(".") for w in attach_words])
        filler = rf"(?:\s*(?:{words}|the|el|la|los|las|of|de|del|its|su)\.?(?!\w)\s*)"
        has_word = rf"(?=.*\b(?:{words})(?!\w))"
        # name ... cue: "South Korean leader Kim", "República de Corea, Kim Jong-Un",
        # "South Korea's capital, Seoul", "Nigeria's new Prime Minister Ali Lamine Zeine"
        self._after_person = LazyPattern(rf"^(?:['’]s)?\s*{filler}*\s*[,:(]?\s*$", re.IGNORECASE)
        self._after_place = LazyPattern(rf"^(?:['’]s)?{has_word}\s*{filler}+[,:(]?\s*$", re.IGNORECASE)
        # "de Malaui, el coronel Assimi Goita, nombró": a comma, an article and a title
        self._after_comma_title = LazyPattern(
            rf"^\s*,\s*(?:the|el|la)\s+{has_word}{filler}+$", re.IGNORECASE
        )
        # cue ... name: "Kim Jong-Un, leader of South Korea", "Pyongyang, South Korea", "Niamey (Nigeria)"
        self._before_person = LazyPattern(rf"^\s*[,(]\s*{has_word}{filler}+$", re.IGNORECASE)
        self._before_place = LazyPattern(
            r"^\s*(?:[,(]|,\s*(?:" + filler + r"|in\b|en\b)+)\s*$", re.IGNORECASE
        )
        # "Fiamē Naomi Mataʻafa juró este viernes como primera ministra de Samoa", "Judith Suminwa se
        # convirtió en la primera mujer que ocupa el cargo de primera ministra de la República del Congo"
        verbs = words_pattern(list(role_verbs)) or "(?!)"
        self._role_link = LazyPattern(
            rf"^\s+[^,;.()\n]{{0,70}}?\b(?:{verbs})(?:\s+|\b[^,;.()\n]{{0,60}}?\b(?:as|como|en|of|de)\s+)"
            rf"(?:the\s+|el\s+|la\s+)?(?:(?:new|nuevo|nueva|first|primer|primera)\s+)?(?:{words})\.?\s+"
            r"(?:of|de|del)\s+(?:the\s+|la\s+|el\s+)?$",
            re.IGNORECASE,
        )
        # "la capital de Eslovaquia, Liubliana": the office or the word 'capital' stands before the name
        self._office_before = LazyPattern(
            rf"\b(?:{words})\.?\s+(?:of|de|del)\s+(?:the\s+|la\s+|el\s+)?$", re.IGNORECASE
        )
        # "la ciudad nigeriana de Zinder", "the Nigerien town of Agadez"
        nouns = words_pattern(list(place_nouns)) or "(?!)"
        self._noun_before = LazyPattern(rf"\b(?:{nouns})\s+$", re.IGNORECASE)
        self._of_place = LazyPattern(r"^\s*(?:of|de|del|,)\s*$", re.IGNORECASE)
        self._bare = LazyPattern(r"^(?:['’]s)?\s*[,:(]?\s*$")
        self._list_before = LazyPattern(r"(?:\b(?:and|y|e|or|o|with|con)|[,&])\s*$", re.IGNORECASE)
        self._list_after = LazyPattern(r"^\s*(?:(?:and|y|e|or|o|&)\s|,\s*[A-ZÁÉÍÓÚÑ])")
        self._closes = LazyPattern(r"\s*(?:[,;.)]|$)")

    def another_state(self, sentence: str) -> bool:
        """Whether a sentence speaks of a second state without naming it ("its neighbour", "la isla")."""
        return self._other_state.search(sentence) is not None

    def attached(self, text: str, hit: Hit, cue: Signal) -> bool:
        if cue.start >= hit.end:
            return self._name_then_cue(text, hit, cue)
        if cue.end <= hit.start:
            return self._cue_then_name(text, hit, cue)
        return False

    def _name_then_cue(self, text: str, hit: Hit, cue: Signal) -> bool:
        gap = text[hit.end : cue.start]
        if len(gap) > 40 or "\n" in gap:
            return False
        before = text[max(0, hit.start - 40) : hit.start]
        if cue.kind in _PLACE_KINDS and self._noun_before.search(before) and self._of_place.match(gap):
            return True  # "la ciudad nigeriana de Zinder"
        if self._bare.match(gap):
            # "Corea del Norte y Corea del Sur, Kim Jong-un y Moon Jae-in" is two lists, not an apposition
            if self._list_before.search(text[max(0, hit.start - 6) : hit.start]) or self._list_after.match(
                text[cue.end : cue.end + 8]
            ):
                return False
            office = bool(self._office_before.search(before))
            if cue.kind in _PLACE_KINDS:
                return office
            if "," in gap or ":" in gap:
                # "la República de Corea, Kim Jong-Un, envió": the apposition closes; a headline's
                # "South Korea, Kim Jong-un to meet" joins two actors with its comma
                return office or bool(self._closes.match(text[cue.end : cue.end + 3]))
            return True
        if cue.kind not in _PLACE_KINDS and self._after_comma_title.match(gap):
            return bool(self._closes.match(text[cue.end : cue.end + 3]))
        pattern = self._after_person if cue.kind not in _PLACE_KINDS else self._after_place
        return bool(pattern.match(gap))

    def _cue_then_name(self, text: str, hit: Hit, cue: Signal) -> bool:
        gap = text[cue.end : hit.start]
        if "\n" in gap:
            return False
        if cue.kind not in _PLACE_KINDS and len(gap) <= 120 and self._role_link.match(gap):
            return True
        if len(gap) > 40:
            return False
        if cue.kind in _PLACE_KINDS:
            if self._list_after.match(text[hit.end : hit.end + 8]) and self._bare.match(gap):
                return False
            return bool(self._before_place.match(gap))
        return bool(self._before_person.match(gap))


def check_names(
    ctx: Context, data: CheckData, appositions: Appositions, evidence: EvidenceReader | None = None
) -> list[Verdict]:
    verdicts: dict[int, Verdict] = {}
    text = ctx.doc.text
    lang = ctx.doc.lang if ctx.doc.lang in ("en", "es") else guess_lang(text)
    for hit in ctx.names:
        if hit.shared:
            verdict = _wrong_every_way(ctx, data, appositions, evidence, hit, lang)
        else:
            (entity,) = hit.entities
            verdict = _strongest(ctx, data, appositions, evidence, hit, entity, lang)
        if verdict is not None:
            verdicts[id(hit)] = verdict
    out = list(verdicts.values())
    out.extend(_shared_names(ctx, data, lang, judged={id(v.hit) for v in out}))
    out.extend(_misread(ctx, data, {id(v.hit) for v in out}))
    out.sort(key=lambda v: v.finding.start)
    return out


def _strongest(
    ctx: Context,
    data: CheckData,
    appositions: Appositions,
    evidence: EvidenceReader | None,
    hit: Hit,
    entity: str,
    lang: str | None,
    besides: frozenset[str] = frozenset(),
) -> Verdict | None:
    """The gravest verdict on a name of `entity` against its partners (those in `besides` apart)."""
    best: Verdict | None = None
    for partner in sorted(data.partners.get(entity, set()) - besides):
        verdict = _judge(ctx, data, appositions, evidence, ctx.doc.text, hit, entity, partner, lang)
        if verdict is not None and (
            best is None or SEVERITY_RANK[verdict.finding.severity] > SEVERITY_RANK[best.finding.severity]
        ):
            best = verdict
    return best


def _wrong_every_way(
    ctx: Context,
    data: CheckData,
    appositions: Appositions,
    evidence: EvidenceReader | None,
    hit: Hit,
    lang: str | None,
) -> Verdict | None:
    """A name several places share is wrong only when it is wrong whichever of them it means
    (Spanish "Guinea" set beside Papua New Guinea's prime minister); the mildest reading decides."""
    mildest: Verdict | None = None
    for entity in sorted(hit.entities):
        verdict = _strongest(ctx, data, appositions, evidence, hit, entity, lang, besides=hit.entities)
        if verdict is None:
            return None
        if mildest is None or SEVERITY_RANK[verdict.finding.severity] < SEVERITY_RANK[mildest.finding.severity]:
            mildest = verdict
    return mildest


def _judge(
    ctx: Context,
    data: CheckData,
    appositions: Appositions,
    evidence: EvidenceReader | None,
    text: str,
    hit: Hit,
    a: str,
    b: str,
    lang: str | None,
) -> Verdict | None:
    cues_a, cues_b = ctx.cues.get(a, []), ctx.cues.get(b, [])
    if not cues_b and evidence is None:
        return None
    names_b = ctx.names_of(b)
    attached_b = [c for c in ctx.cues_near(b, hit.start, hit.end, 130) if appositions.attached(text, hit, c)]
    attached_a = [c for c in ctx.cues_near(a, hit.start, hit.end, 130) if appositions.attached(text, hit, c)]
    is_quoted = id(hit) in ctx.quoted
    if is_quoted:
        same_sentence = any(ctx.sentence_of.get(h.start) == ctx.sentence_of.get(hit.start) for h in names_b)
        if same_sentence or (not cues_a and len(ctx.cue_texts(b)) >= 1):
            return _verdict(
                ctx,
                data,
                hit,
                a,
                b,
                "info",
                [c.text for c in cues_b],
                lang,
                None,
                "quotes a name of {a} in a story about {b}; fine if it reports the mistake",
            )
        return None
    if attached_b and not attached_a:
        return _verdict(
            ctx,
            data,
            hit,
            a,
            b,
            "error",
            [c.text for c in attached_b],
            lang,
            b,
            "'{text}' names {a}, but it is set beside {evidence0}, which points to {b}",
        )
    found = evidence.against(ctx, hit, a, b) if evidence is not None and not is_quoted else None
    if found is not None:
        return _verdict(
            ctx,
            data,
            hit,
            a,
            b,
            found.severity,
            list(found.texts),
            lang,
            b,
            "'{text}' names {a}, but " + found.why.replace("{", "{{").replace("}", "}}"),
        )
    if not cues_b:
        return None
    if names_b or cues_a or _LOCATIVE.search(text[max(0, hit.start - 20) : hit.start]):
        return None
    if ctx.dateline is not None and data.country_of(ctx.dateline.entity) == data.country_of(b):
        return None  # filed from B: its leaders and places need no name there, and A is another country
    if not _story_points_elsewhere(ctx, appositions, text, a, b):
        return None
    return _verdict(
        ctx,
        data,
        hit,
        a,
        b,
        "warning",
        [c.text for c in cues_b],
        lang,
        b,
        "'{text}' names {a}, but the story is about {b}: it never names {b} and points to it with {evidence}",
    )


def _story_points_elsewhere(ctx: Context, appositions: Appositions, text: str, a: str, b: str) -> bool:
    """Whether a story that never names B and has no cue of A is about B (computed once a pair)."""
    key = (a, b)
    if key not in ctx.pair_memo:
        names_a, cues_b = ctx.names_of(a), ctx.cues.get(b, [])
        if any(appositions.attached(text, h, c) for h in names_a for c in ctx.cues_near(b, h.start, h.end)):
            ctx.pair_memo[key] = True
        elif any(appositions.another_state(_sentence_text(ctx, h)) for h in names_a):
            ctx.pair_memo[key] = False  # A acts on another state it does not name: the story is about both
        elif not any(c.kind in _PLACE_KINDS for c in cues_b) or all(c.kind in _PLACE_KINDS for c in cues_b):
            ctx.pair_memo[key] = False  # without an apposition it takes a place and a person or body of B
        elif min(h.start for h in names_a) > min(c.start for c in cues_b):
            # a story names its subject before it calls it by its capital or its leader: a state
            # named only after the story has set out another through those is a further party
            # ("Pekín celebró la decisión. El presidente Xi ... Taiwán lamentó la ruptura")
            ctx.pair_memo[key] = False
        else:
            # A named beside B's cues: the story may be about both
            sentences_b = {c.sentence for c in cues_b}
            ctx.pair_memo[key] = not any(ctx.sentence_of.get(h.start) in sentences_b for h in names_a)
    return ctx.pair_memo[key]


def _sentence_text(ctx: Context, hit: Hit) -> str:
    sentence = ctx.sentence(ctx.sentence_of.get(hit.start, -1))
    return sentence.text if sentence is not None else ""


def _verdict(
    ctx: Context,
    data: CheckData,
    hit: Hit,
    a: str,
    b: str,
    severity: str,
    texts: list[str],
    lang: str | None,
    correct_to: str | None,
    template: str,
) -> Verdict:
    evidence = list(dict.fromkeys(texts[:6] + ctx.cue_texts(b)))
    row = hit.names[0]
    name_lang = lang if lang in {n.lang for n in hit.names} else row.lang
    row = next((n for n in hit.names if n.lang == name_lang), row)
    suggest = data.suggestion(b, name_lang, row.style, row.form)
    message = template.format(
        text=hit.text,
        a=data.display(a),
        b=data.display(b),
        evidence=", ".join(evidence[:4]),
        evidence0=evidence[0] if evidence else "?",
    )
    if severity != "info" and suggest:
        message += f"; write '{suggest}'"
    finding = Finding(
        doc_id=ctx.doc.id,
        kind="name-confusion",
        severity=severity,
        text=hit.text,
        start=hit.start,
        end=hit.end,
        says=data.country_of(a),
        context=data.country_of(b),
        suggest=suggest,
        evidence=evidence[:6],
        message=message,
    )
    return Verdict(finding, hit, correct_to)


def _score(ctx: Context, entity: str) -> int:
    return 2 * len(ctx.cues.get(entity, [])) + len(ctx.names_of(entity))


def _shared_names(ctx: Context, data: CheckData, lang: str | None, judged: set[int]) -> list[Verdict]:
    """A name several places share, read as the one the actor tables did not pick, when only that
    one has support in the story (a name judged wrong under every reading apart)."""
    out = []
    for hit in ctx.names:
        if not hit.shared or id(hit) in ctx.quoted or id(hit) in judged:
            continue
        mentions = ctx.mentions_at(hit.start, hit.end)
        picked = {m.country for _, m in mentions if m.country}
        if len(picked) != 1:
            continue
        (country,) = picked
        current = [e for e in hit.entities if data.country_of(e) == country]
        if current and _score(ctx, current[0]) > 0:
            continue
        scored = sorted(
            ((_score(ctx, e), e) for e in hit.entities if data.country_of(e) != country), reverse=True
        )
        if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            continue
        best = scored[0][1]
        if data.country_of(best) != best and any(m.sector in _STATE_SECTORS for _, m in mentions):
            continue  # "the Irish government" is Ireland's even in Belfast: a region has no such body
        evidence = ctx.cue_texts(best)
        said = current[0] if current else country
        finding = Finding(
            doc_id=ctx.doc.id,
            kind="name-confusion",
            severity="info",
            text=hit.text,
            start=hit.start,
            end=hit.end,
            says=data.country_of(said),
            context=data.country_of(best),
            suggest=None,
            evidence=evidence[:6],
            message=f"'{hit.text}' may name {data.display(said)} or {data.display(best)}; "
            f"the story points to {data.display(best)} ({', '.join(evidence[:4])}), so it is read as that",
        )
        out.append(Verdict(finding, hit, best))
    return out


def _misread(ctx: Context, data: CheckData, judged: set[int]) -> list[Verdict]:
    """A name the actor tables read as another place ("Ireland" inside "Northern Ireland")."""
    out = []
    for hit in ctx.names:
        if hit.shared or id(hit) in judged:
            continue
        (entity,) = hit.entities
        country = data.country_of(entity)
        for _, m in ctx.mentions_at(hit.start, hit.end):
            if m.country and m.country != country and m.kind in ("country", "demonym", "role"):
                others = [e for e in data.entities if data.country_of(e) == m.country and e in data.partners]
                if any(_score(ctx, e) > 0 for e in others) and not ctx.cues.get(entity):
                    continue  # the actor tables' reading has support in the story too: theirs to make
                finding = Finding(
                    doc_id=ctx.doc.id,
                    kind="name-confusion",
                    severity="info",
                    text=hit.text,
                    start=hit.start,
                    end=hit.end,
                    says=m.country,
                    context=country,
                    suggest=None,
                    evidence=[hit.text],
                    message=f"'{hit.text}' names {data.display(entity)}; the actor tables read "
                    f"'{m.text}' as {data.display(m.country)}",
                )
                out.append(Verdict(finding, hit, entity))
                break
    return out
