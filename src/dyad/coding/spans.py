"""Actors as token spans, and what the words around them say: a preposition before one, the clause it
stands in, an apposition that encloses it, a coordination that joins it to another.

The helpers of dyad/coding/roles.py and dyad/coding/voice.py; the words come from the language's
`Grammar`.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.coding.grammar import Grammar
from dyad.doc import Mention
from dyad.text.tokens import Token

_CLAUSE_BREAKS = {";", ":", "?", "!", '"'}


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


def clause_bounds(
    norms: list[str], start: int, end: int, g: Grammar, verbs: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """The tokens [left, right) of the clause around tokens [start, end); `verbs` are the tokens where
    other verb triggers start: a comma before one ends the clause (", announced the minister")."""
    openers, conjunctions, relatives = g.of("clause_opener"), g.of("conjunction"), g.of("relative")
    left = 0
    for i in range(start - 1, -1, -1):
        w = norms[i]
        if (
            w in _CLAUSE_BREAKS
            or w in openers
            or (w in conjunctions and i > 0 and norms[i - 1] == ",")
            or (w == "-" and 0 < i < 14 and norms[i - 1] in (")", "."))  # a dateline: "BERLIN (Reuters) - ..."
            or (w == "," and i - 1 in verbs)  # reported speech: "Kiew erklärte, Russland habe ... bombardiert"
        ):
            left = i + 1
            break
    right = len(norms)
    skip_to = _quoted_phrase_end(norms, left, end)
    for i in range(end, len(norms)):
        w = norms[i]
        if i <= skip_to:
            continue
        if w in _CLAUSE_BREAKS or (
            w == ","
            and i + 1 < len(norms)
            and (
                norms[i + 1] in conjunctions
                or norms[i + 1] in relatives
                or i + 1 in verbs
                or (norms[i + 1] in g.of("auxiliary") and i + 2 in verbs)  # ", a annoncé la diplomatie"
            )
        ):
            right = i
            break
    return left, right


def _quoted_phrase_end(norms: list[str], left: int, end: int) -> int:
    """The closing quote of a short quotation opened right after the trigger ("calificó como "infundada"
    la decisión de X", "a dénoncé « un acte » de X"): the clause goes on after it. Not when the trigger
    itself stands inside a quotation (an odd number of quotes before it): that quote closes it. -1 if none."""
    if end >= len(norms) or norms[end] != '"' or norms[left:end].count('"') % 2:
        return -1
    for j in range(end + 1, min(len(norms), end + 12)):
        if norms[j] == '"':
            return j
    return -1


def after_preposition(norms: list[str], span: ActorSpan, g: Grammar) -> str | None:
    """The preposition governing an actor ("of the Venezuelan government" -> "of"), if any."""
    i = span.first - 1
    steps = 0
    determiners = g.of("determiner")
    while i >= 0 and steps < 3 and (norms[i] in determiners or norms[i] in ("'s", "s")):
        i -= 1
        steps += 1
    if i >= 0 and norms[i] in g.of("preposition"):
        return norms[i]
    return None


def object_marked(norms: list[str], span: ActorSpan, g: Grammar, nouns: frozenset[int] = frozenset()) -> bool:
    """German "den deutschen Botschafter": an article in the accusative or dative is never a subject's,
    nor a genitive after a noun ("die Eröffnung der US-Botschaft"); `nouns` are the tokens that are nouns
    (capitalised inside the sentence)."""
    i = span.first - 1
    if i < 0:
        return False
    if norms[i] in g.of("object_article") or norms[i] == "des":
        return True
    return norms[i] == "der" and i - 1 in nouns


def enclosed(norms: list[str], span: ActorSpan, trigger_start: int, g: Grammar) -> bool:
    """An actor inside an apposition or relative clause that closes before the trigger."""
    commas = [i for i in range(span.last + 1, trigger_start) if norms[i] == ","]
    if not commas:
        return False
    relatives = g.of("relative")
    # Find the comma that opened the inserted phrase, before the actor.
    for i in range(span.first - 1, max(-1, span.first - 12), -1):
        if norms[i] == ",":
            nxt = norms[i + 1] if i + 1 < len(norms) else ""
            if nxt in g.of("clause_opener") and all(w in g.of("determiner") for w in norms[i + 2 : span.first]):
                # ", nesta terça-feira, que o embaixador de X ... foi expulso": the subject of a clause, not an
                # inserted phrase
                return False
            return nxt in relatives or nxt in g.of("determiner") or nxt in g.of("preposition") or i + 1 < span.first
        if norms[i] in relatives:
            return True
    return False


def locative(norms: list[str], s: ActorSpan, g: Grammar) -> bool:
    """A place after "in"/"at", or named after a place noun there ("in the province of X", "na província de X",
    "en la ciudad de X"): where something happened, not a party."""
    if s.mention.kind not in ("capital", "country", "city", "place"):
        return False
    prep = after_preposition(norms, s, g)
    if prep in g.of("locative"):
        return True
    if prep not in g.of("of"):
        return False
    i = s.first - 1
    while i >= 0 and norms[i] != prep:
        i -= 1
    k = i - 2  # the place noun at i - 1, then its determiners
    while k >= 0 and norms[k] in g.of("determiner"):
        k -= 1
    # not an auxiliary: French "a exigé de la Suède" ("a" is also "à" folded)
    return k >= 0 and norms[k] in g.of("locative") and norms[k] not in g.of("auxiliary")


def possessive(norms: list[str], span: ActorSpan) -> bool:
    return norms[span.last].endswith("'s") or (span.last + 1 < len(norms) and norms[span.last + 1] in ("'s", "'"))


def names_both(mention: Mention, g: Grammar) -> bool:
    """A phrase that names two actors at once ("both governments", "ambos gobiernos")."""
    return mention.kind == "anaphor" and mention.text.lower().startswith(tuple(g.of("both")))


def _joined(norms: list[str], s1: ActorSpan, s2: ActorSpan, g: Grammar) -> bool:
    """Two actors with only "and", a comma and articles between them ("Bahrain und die Emirate"), and the
    preposition of the first again ("in Tschechien sowie in Österreich")."""
    repeated = after_preposition(norms, s1, g)
    between = [w for w in norms[s1.last + 1 : s2.first] if w not in g.of("determiner") and w != repeated]
    ands = g.of("and")
    return bool(between) and all(w in ands or w == "," for w in between) and (
        any(w in ands for w in between) or between == [","]
    )


def coordinated(norms: list[str], before: list[ActorSpan], g: Grammar) -> Mention | None:
    """The actor joined to the last one of `before` by "and" ("North Korea and Venezuela")."""
    if len(before) < 2:
        return None
    s1, s2 = before[-2], before[-1]
    between = norms[s1.last + 1 : s2.first]
    if s1.mention.code != s2.mention.code and between and any(w in g.of("and") for w in between) and _joined(
        norms, s1, s2, g
    ):
        return s1.mention
    return None


def group(norms: list[str], spans: list[ActorSpan], member: ActorSpan, g: Grammar) -> list[ActorSpan]:
    """Every actor coordinated with `member` ("Saudi Arabia, Egypt, Bahrain and the UAE"), in order;
    just `member` when it stands alone. The list must contain an "and"."""
    ordered = sorted(spans, key=lambda s: s.first)
    k = next((n for n, s in enumerate(ordered) if s is member), None)
    if k is None:
        return [member]
    lo = hi = k
    while lo > 0 and _joined(norms, ordered[lo - 1], ordered[lo], g):
        lo -= 1
    while hi + 1 < len(ordered) and _joined(norms, ordered[hi], ordered[hi + 1], g):
        hi += 1
    members = ordered[lo : hi + 1]
    gaps = [w for a, b in zip(members, members[1:], strict=False) for w in norms[a.last + 1 : b.first]]
    if len(members) < 2 or not any(w in g.of("and") for w in gaps):
        return [member]
    return members


def pairs(sources: list[ActorSpan], targets: list[ActorSpan], why: str) -> list[Roles]:
    """Every source acts on every target, never on itself ("A and B ... C and D": four events)."""
    note = "; coordinated actors each" if len(sources) > 1 or len(targets) > 1 else ""
    return [
        Roles(s.mention, t.mention, why + note)
        for s in sources
        for t in targets
        if s.mention.code != t.mention.code
    ]
