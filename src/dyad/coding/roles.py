"""Who did it and to whom: the source and target of a trigger, from the clause around it.

Rules over tokens, not a parser: the nearest actor before the trigger in its clause is the
source and the nearest after it the target; a passive ("was backed by X") or a reversed
pattern ("received aid from X") swaps them; a fronted participle ("After opening its
embassy in Caracas, North Korea ...") takes its source from the main clause; coordinated
sources with no target ("X and Y will sign") act on each other, in both directions.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.coding.patterns import TriggerMatch
from dyad.doc import Mention
from dyad.text.tokens import Token

_CLAUSE_BREAKS = {";", ":", "?", "!"}
_CONJUNCTIONS = {"and", "but", "while", "whereas", "y", "pero", "mientras", "aunque"}
_BE = {"is", "are", "was", "were", "been", "being", "be", "fue", "fueron", "es", "son", "sido", "ha", "han"}
_BY = {"by", "por"}
_AND = {"and", "y", "e", "&"}
_PARTICIPLE_OPENERS = {"after", "before", "while", "by", "upon", "tras", "despues", "antes", "al"}


@dataclass(frozen=True, slots=True)
class Roles:
    source: Mention
    target: Mention
    why: str


def _token_at(tokens: list[Token], char: int) -> int:
    for t in tokens:
        if t.end > char:
            return t.index
    return len(tokens)


def _clause_bounds(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    left = 0
    for i in range(start - 1, -1, -1):
        if tokens[i].norm in _CLAUSE_BREAKS or (
                tokens[i].norm in _CONJUNCTIONS and i > 0 and tokens[i - 1].norm == ","):
            left = i + 1
            break
    right = len(tokens)
    for i in range(end, len(tokens)):
        if tokens[i].norm in _CLAUSE_BREAKS or (
                tokens[i].norm == "," and i + 1 < len(tokens) and tokens[i + 1].norm in _CONJUNCTIONS):
            right = i
            break
    return left, right


def assign_roles(tokens: list[Token], trigger: TriggerMatch, mentions: list[Mention]) -> list[Roles]:
    if len(mentions) < 2 or not tokens:
        return []
    spans = [(_token_at(tokens, m.start), _token_at(tokens, max(m.end - 1, m.start)), m) for m in mentions]
    left_bound, right_bound = _clause_bounds(tokens, trigger.start_token, trigger.head_end)
    before = [s for s in spans if left_bound <= s[0] and s[1] < trigger.start_token]
    after = [s for s in spans if trigger.head_end <= s[0] < right_bound]
    # Actors inside the object phrase ("embassy of X") count as after.
    after += [s for s in spans if trigger.start_token < s[0] < trigger.head_end]
    after.sort(key=lambda s: s[0])
    norms = [t.norm for t in tokens]
    passive = trigger.start_token > 0 and norms[trigger.start_token - 1] in _BE and not trigger.pattern.nominal
    why = "nearest actor before the trigger, nearest after it"

    if not before and _fronted(norms, left_bound, trigger.start_token):
        main = [s for s in spans if s[0] >= trigger.end_token and _comma_between(norms, trigger.end_token, s[0])]
        if main:
            source = main[0][2]
            target = next((s[2] for s in after if s[2].code != source.code and s[0] < main[0][0]), None)
            if target is not None:
                return [Roles(source, target, "fronted clause: source from the main clause")]
    if passive:
        by_agent = [s for s in after if s[0] > 0 and norms[s[0] - 1] in _BY]
        if by_agent and before:
            return [Roles(by_agent[0][2], before[-1][2], "passive: agent after 'by'")]
    if not before:
        if len(after) >= 2 and trigger.pattern.nominal:
            return [Roles(after[0][2], after[1][2], "nominal trigger: actors after it in order")]
        return []
    source = before[-1][2]
    target = next((s[2] for s in after if s[2].code != source.code), None)
    if target is None:
        partner = _coordinated(norms, before)
        if partner is not None:
            return [Roles(partner, source, "coordinated actors act on each other"),
                    Roles(source, partner, "coordinated actors act on each other")]
        earlier = [s[2] for s in before[:-1] if s[2].code != source.code]
        if not earlier:
            return []
        target, why = earlier[-1], "target before the source (no actor after the trigger)"
    roles = Roles(source, target, why)
    if trigger.pattern.reverse:
        roles = Roles(target, source, "reversed pattern: the object is the source")
    return [roles]


def _fronted(norms: list[str], left: int, start: int) -> bool:
    return any(norms[i] in _PARTICIPLE_OPENERS for i in range(left, min(start + 1, left + 4)))


def _comma_between(norms: list[str], a: int, b: int) -> bool:
    return "," in norms[a:b]


def _coordinated(norms: list[str], before: list[tuple[int, int, Mention]]) -> Mention | None:
    if len(before) < 2:
        return None
    (s1, e1, m1), (s2, _e2, m2) = before[-2], before[-1]
    between = norms[e1 + 1:s2]
    if m1.code != m2.code and between and all(w in _AND or w == "," for w in between) and \
            any(w in _AND for w in between):
        return m1
    return None
