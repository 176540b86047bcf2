"""Where a trigger stands in its sentence: main verb, relative clause, a noun's content, a complement.

The events stage ranks a sentence's candidates by these readings (the main verb's act is the news);
the words each rule looks for come from the language's `Grammar`.
"""

from __future__ import annotations

from dyad.coding.grammar import Grammar
from dyad.coding.triggers import TriggerMatch
from dyad.doc import Mention
from dyad.text.tokens import Token

_STOPS = {",", ";", ":", ".", "(", ")"}
# Roots whose verb takes another act as its content: "asked X to end", "threatened to attack".
_GOVERNING_ROOTS = ("02", "03", "10", "13")
_NOT_PREDICATES = {"also", "has", "had", "have", "will", "would", "not", "now", "then"}


def in_relative_clause(tokens: list[Token], start: int, grammar: Grammar) -> bool:
    """A verb in "..., who had led protests" or "the group which attacked" is not the main verb."""
    relatives = grammar.of("relative_pronoun")
    for i in range(start - 1, max(-1, start - 8), -1):
        norm = tokens[i].norm
        if norm in relatives:
            return True
        if norm in _STOPS:
            return False
    return False


def content_of_noun(tokens: list[Token], start: int, nominal_heads: set[int], grammar: Grammar) -> bool:
    """ "its demand that the US ease sanctions": the clause says what the demand is."""
    that = grammar.of("that")
    for i in range(start - 1, max(-1, start - 10), -1):
        if tokens[i].norm in that:
            return i - 1 in nominal_heads
        if tokens[i].norm in _STOPS:
            return False
    return False


def complement_of(tokens: list[Token], trigger: TriggerMatch, triggers: list[TriggerMatch], grammar: Grammar) -> bool:
    """ "Uzbekistan asked the groups to end a boycott": the boycott's end is what was asked for."""
    start = trigger.start_token
    if start == 0 or tokens[start - 1].norm not in grammar.of("complement"):
        return False
    return any(
        t is not trigger
        and t.pattern.code[:2] in _GOVERNING_ROOTS  # a verb or a noun: "the offer to send doctors"
        and start - 10 <= t.start_token < start
        for t in triggers
    )


def participle_by(tokens: list[Token], trigger: TriggerMatch, grammar: Grammar) -> bool:
    """ "forces, backed by Russia, attacked ...": a participle with its agent modifies a noun."""
    i, end = trigger.start_token, trigger.head_end
    if end >= len(tokens) or tokens[end].norm not in grammar.of("by"):
        return False
    if trigger.form not in ("", "part") or (grammar.lang in ("de", "fr", "pt") and trigger.form != "part"):
        return False  # "forderte von Schweden": a finite verb with "von" after it is no participle
    return i == 0 or tokens[i - 1].norm not in grammar.of("auxiliary")


def predicate_after(tokens: list[Token], subject: Mention, grammar: Grammar) -> Token | None:
    """The likely verb of a clause with no known trigger: the first word after its subject."""
    auxiliaries = grammar.of("auxiliary")
    for t in tokens:
        word = t.norm
        if t.start >= subject.end and word[:1].isalpha() and word not in auxiliaries and word not in _NOT_PREDICATES:
            return t
    return next((t for t in tokens if t.norm[:1].isalpha()), None)
