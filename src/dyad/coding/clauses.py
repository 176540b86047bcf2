"""The clause around a trigger, read from tokens: word classes, where a clause starts and ends, which actor
stands after a preposition or inside an apposition. Shared by the role rules (`roles.py`) and the rules
about who an act's parties are (`parties.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.doc import Mention
from dyad.text.tokens import Token

CLAUSE_BREAKS = {";", ":", "?", "!", '"'}
# Words that open a new clause with its own subject ("X said that Y ...", "X warned Y would ...").
CLAUSE_OPENERS = {
    "that",
    "whether",
    "because",
    "although",
    "though",
    "while",
    "whereas",
    "after",
    "before",
    "since",
    "when",
    "as",
    "if",
    "unless",
    "que",
    "porque",
    "aunque",
    "mientras",
    "cuando",
    "tras",
    "despues",
    "si",
}
CONJUNCTIONS = {"and", "but", "while", "whereas", "y", "pero", "mientras", "aunque", "as", "even"}
BE = {
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "be",
    "get",
    "got",
    "gets",
    "fue",
    "fueron",
    "es",
    "son",
    "sido",
    "ha",
    "han",
    "sera",
    "seran",
    "siendo",
    "estan",
    "esta",
    "estaba",
    "estaban",
}
BY = {"by", "por"}
OF = {"of", "de", "del"}
INFINITIVE = {"to", "para"}  # "X called Y to discuss", "X envió médicos para ayudar"
AGAINST = {"on", "against", "contra", "sobre", "upon"}
AND = {"and", "y", "e", "&"}
PARTICIPLE_OPENERS = {
    "during",
    "after",
    "before",
    "while",
    "by",
    "upon",
    "tras",
    "despues",
    "antes",
    "al",
    "when",
    "having",
    "following",
}
# An actor right after one of these is an object or a place, not a subject.
PREPOSITIONS = {
    "of",
    "with",
    "in",
    "at",
    "from",
    "to",
    "for",
    "against",
    "on",
    "near",
    "into",
    "over",
    "about",
    "toward",
    "towards",
    "between",
    "among",
    "across",
    "under",
    "including",
    "like",
    "de",
    "del",
    "con",
    "en",
    "contra",
    "para",
    "sobre",
    "hacia",
    "entre",
    "desde",
    "a",
    "al",
    "by",
    "por",
}
LOCATIVE = {"in", "at", "near", "en", "inside", "outside", "across", "throughout"}
RELATIVE = {
    "who",
    "which",
    "whose",
    "whom",
    "where",
    "quien",
    "quienes",
    "cual",
    "cuales",
    "donde",
    "cuyo",
    "cuya",
}
DETERMINERS = {
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "el",
    "la",
    "los",
    "las",
    "un",
    "una",
    "su",
    "sus",
}
ARTICLES_FOR_DETERMINED = {"the", "el", "la", "los", "las"}


# Why a one-actor event names its actor twice: the contract wants a coded target.
UNARY = "one actor named: a unary event, its target is its source"


@dataclass(frozen=True, slots=True)
class Roles:
    source: Mention
    target: Mention
    why: str
    structural: bool = True  # False for a guess from word order alone


@dataclass(frozen=True, slots=True)
class ActorSpan:
    first: int  # first token
    last: int  # last token
    mention: Mention


def token_spans(tokens: list[Token], mentions: list[Mention]) -> list[ActorSpan]:
    return [
        ActorSpan(_token_at(tokens, m.start), _token_at(tokens, max(m.end - 1, m.start)), m) for m in mentions
    ]


def _token_at(tokens: list[Token], char: int) -> int:
    for t in tokens:
        if t.end > char:
            return t.index
    return len(tokens)


def clause_bounds(norms: list[str], start: int, end: int) -> tuple[int, int]:
    left = 0
    for i in range(start - 1, -1, -1):
        w = norms[i]
        if (
            w in CLAUSE_BREAKS
            or w in CLAUSE_OPENERS
            or (w in CONJUNCTIONS and i > 0 and norms[i - 1] == ",")
        ):
            left = i + 1
            break
    right = len(norms)
    for i in range(end, len(norms)):
        w = norms[i]
        if w in CLAUSE_BREAKS or (
            w == "," and i + 1 < len(norms) and (norms[i + 1] in CONJUNCTIONS or norms[i + 1] in RELATIVE)
        ):
            right = i
            break
    return left, right


def after_preposition(norms: list[str], span: ActorSpan) -> str | None:
    """The preposition governing an actor ("of the Venezuelan government" -> "of"), if any."""
    i = span.first - 1
    steps = 0
    while i >= 0 and steps < 3 and (norms[i] in DETERMINERS or norms[i] in ("'s", "s")):
        i -= 1
        steps += 1
    if i >= 0 and norms[i] in PREPOSITIONS:
        return norms[i]
    return None


def enclosed(norms: list[str], span: ActorSpan, trigger_start: int) -> bool:
    """An actor inside an apposition or relative clause that closes before the trigger."""
    commas = [i for i in range(span.last + 1, trigger_start) if norms[i] == ","]
    if not commas:
        return False
    # Find the comma that opened the inserted phrase, before the actor.
    for i in range(span.first - 1, max(-1, span.first - 12), -1):
        if norms[i] == ",":
            nxt = norms[i + 1] if i + 1 < len(norms) else ""
            return nxt in RELATIVE or nxt in DETERMINERS or nxt in PREPOSITIONS or i + 1 < span.first
        if norms[i] in RELATIVE:
            return True
    return False


def locative(norms: list[str], s: ActorSpan) -> bool:
    return after_preposition(norms, s) in LOCATIVE and s.mention.kind in ("capital", "country", "city")


def coordinated(norms: list[str], before: list[ActorSpan]) -> Mention | None:
    if len(before) < 2:
        return None
    s1, s2 = before[-2], before[-1]
    between = norms[s1.last + 1 : s2.first]
    if (
        s1.mention.code != s2.mention.code
        and between
        and all(w in AND or w == "," for w in between)
        and any(w in AND for w in between)
    ):
        return s1.mention
    return None
