"""Finding a sentence's triggers: the words of a pattern, its object, a split verb's particle.

One dictionary lookup per token (the folded first word of every trigger phrase indexes its
entries), then checks that need the neighbouring words:

* a verb reading is skipped after an article or a preposition that takes a noun ("the attack",
  "in protest"), inside a hyphen compound ("UN-backed") and, mid-sentence, when capitalised (a name;
  in a title-case headline it may be a verb); in German a capital marks a noun, so nouns may be
  capitalised and verbs may not;
* a German split verb ("weist ... aus", "bestellte ... ein") needs its particle at the end of the
  clause; a German noun may be the end of a compound ("Luftangriffe" ends in "Angriff");
* an object must follow within the window; where the verb closes its clause (German: "hat den
  Botschafter ausgewiesen") it may come before.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.coding.grammar import Grammar
from dyad.text.tokens import Token

_OPENERS = {'"', "'", "(", ":", "-", "¿", "¡", "«", "„"}
_STOPS = {".", ";", ":", "!", "?", ",", "(", ")", '"'}
_PARTICLE_REACH = 30  # tokens between a split verb and its particle, at most


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    code: str
    lang: str
    objects: tuple[tuple[str, ...], ...]
    window: int
    mode: str | None
    reverse: bool
    weight: float
    nominal: bool
    speaker: bool = False
    source_sectors: tuple[str, ...] = ()  # when set, the source must be of one of these sectors
    means: bool = False  # the object words name what is sent or given, not who receives it


@dataclass(frozen=True, slots=True)
class Entry:
    """One way a pattern's trigger is written: the words after the indexed first word, the kind of
    verb form ("part", "inf", "fut", "cond" or ""), and the particle a split German verb needs."""

    tail: tuple[str, ...]
    pattern: Pattern
    tag: str = ""
    particle: str | None = None


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    pattern: Pattern
    start_token: int  # first token of the trigger
    end_token: int  # one past its last token (the object, when the pattern names one after the verb)
    head_end: int  # one past the trigger words themselves
    form: str = ""  # the kind of verb form matched: "part", "inf", "fut", "cond" or ""
    particle: int | None = None  # the token of a split verb's particle ("weist ... *aus*")
    object_span: tuple[int, int] | None = None  # the object's tokens, before or after the verb


def find_triggers(
    tokens: list[Token],
    index: dict[str, list[Entry]],
    objects: dict[str, dict[str, tuple[tuple[str, ...], ...]]],
    grammar: Grammar,
    heads: dict[str, list[Entry]] | None = None,
) -> list[TriggerMatch]:
    """Every entry of `index` that matches, most specific first where two cover the same words."""
    found: list[TriggerMatch] = []
    norms = [t.norm for t in tokens]
    nouns_capitalised = grammar.flag("capitalised_nouns")
    headline = not nouns_capitalised and _title_case(tokens)
    blockers = grammar.of("determiner") | grammar.of("no_verb_after")
    for i, word in enumerate(norms):
        # A capitalised word inside a sentence is a name ("State", "Sign Language"), not a verb,
        # except in a headline written in title case ("U.S. Lifts Travel Ban").
        capitalised = (
            i > 0 and not headline and tokens[i].text[:1].isupper() and norms[i - 1] not in _OPENERS
        )
        compound = i > 0 and tokens[i - 1].text == "-" and tokens[i - 1].end == tokens[i].start
        entries = index.get(word, ())
        if heads and not entries:
            entries = _compound_head(word, heads)
        for entry in entries:
            pattern = entry.pattern
            if capitalised and (
                not pattern.nominal or (not nouns_capitalised and (entry.tail == () or _name_like(tokens, i)))
            ):
                continue
            if not pattern.nominal and i > 0 and (compound or (norms[i - 1] in blockers and entry.tag != "inf")):
                # "a five-day strike", "the attack", "UN-backed": not the verb; an infinitive is one even
                # after "a" ("voltam a bombardear", "passou a reconhecer")
                continue
            head_end = i + 1 + len(entry.tail)
            if tuple(norms[i + 1 : head_end]) != entry.tail:
                continue
            particle = None
            if entry.particle is not None:
                particle = _particle(norms, head_end, entry.particle, grammar)
                if particle is None:
                    continue
            end, span = head_end, None
            if pattern.objects:
                after = _find_object(norms, head_end, pattern, objects[pattern.id], grammar)
                if after is not None:
                    end, span = after[1], (head_end, after[1])  # the words up to the object are its phrase
                elif entry.particle is None and (
                    grammar.flag("verb_final") or (entry.tag == "part" and _after_be(norms, i, grammar))
                ):
                    # "hat den Botschafter ausgewiesen", "l'ambassade ... a été rouverte": the object comes first
                    before = _find_object_before(norms, i, pattern, objects[pattern.id], grammar)
                    if before is None:
                        continue
                    span = (before[0], i)
                else:
                    continue
            found.append(TriggerMatch(pattern, i, end, head_end, entry.tag, particle, span))
    return _most_specific(found)


def object_index(objects: tuple[tuple[str, ...], ...], lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Object phrases by first word, with the plural of their last word ("sanction" finds "sanctions";
    German "Sanktion" also "Sanktionen")."""
    endings = ("s", "es", "e", "en", "n") if lang == "de" else ("s", "es")
    index: dict[str, list[tuple[str, ...]]] = {}
    for obj in objects:
        variants = {obj, *((*obj[:-1], obj[-1] + e) for e in endings)}
        for v in variants:
            index.setdefault(v[0], []).append(v[1:])
    return {k: tuple(v) for k, v in index.items()}


def _compound_head(word: str, heads: dict[str, list[Entry]]) -> list[Entry]:
    """The longest known noun that ends a compound ("wirtschaftssanktionen" -> "sanktionen"); the part
    before it has at least three letters."""
    for k in range(3, len(word) - 4):
        found = heads.get(word[k:])
        if found:
            return found
    return []


def _particle(norms: list[str], start: int, particle: str, grammar: Grammar) -> int | None:
    """The token of a split verb's particle: the last word of its clause ("weist ... aus.")."""
    for j in range(start, min(len(norms), start + _PARTICLE_REACH)):
        word = norms[j]
        if word in _STOPS and not _scare_quote(norms, j):
            return None
        if word == particle:
            after = norms[j + 1] if j + 1 < len(norms) else "."
            if after in _STOPS or after in grammar.of("and") or after in grammar.of("conjunction"):
                return j
    return None


_QUOTES = {'"', "„", "«", "»", "“", "”"}


def _scare_quote(norms: list[str], j: int) -> bool:
    """A quote mark around a word or two ("weist „massenhaft“ Diplomaten aus"): it closes no clause."""
    if norms[j] not in _QUOTES:
        return False
    near = [k for k in range(max(0, j - 3), min(len(norms), j + 4)) if k != j and norms[k] in _QUOTES]
    return any(all(norms[m] not in _STOPS - _QUOTES for m in range(min(j, k) + 1, max(j, k))) for k in near)


def _after_be(norms: list[str], i: int, grammar: Grammar) -> bool:
    """A passive participle: a form of "be" just before it ("was expelled", "a été rouverte", "foi expulso")."""
    return any(norms[j] in grammar.of("be") for j in range(max(0, i - 3), i))


def _title_case(tokens: list[Token]) -> bool:
    words = [t.text for t in tokens if t.text[:1].isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _name_like(tokens: list[Token], i: int) -> bool:
    """A capitalised word next to another capitalised word or a number is part of a name or date."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and (tokens[j].text[:1].isupper() or tokens[j].text[:1].isdigit()):
            return True
    return False


def _decimal_point(norms: list[str], j: int) -> bool:
    return 0 < j < len(norms) - 1 and norms[j - 1].isdigit() and norms[j + 1].isdigit()


def _object_at(norms: list[str], j: int, index: dict[str, tuple[tuple[str, ...], ...]], compounds: bool) -> int:
    """The length of an object phrase starting at token j (0 when none does)."""
    word = norms[j]
    candidates = [word]
    if compounds:  # "US-Botschafter", "Wirtschaftssanktionen", "Verteidigungspakt": the last part is the noun
        candidates += [word[k:] for k in range(3, len(word) - 3)]
    for w in candidates:
        for rest in index.get(w, ()):
            n = len(rest)
            if tuple(norms[j + 1 : j + 1 + n]) == rest:
                return 1 + n
    return 0


def _find_object(
    norms: list[str], start: int, pattern: Pattern, index: dict[str, tuple[tuple[str, ...], ...]], grammar: Grammar
) -> tuple[int, int] | None:
    stop = min(len(norms), start + pattern.window)
    compounds = grammar.flag("compounds")
    first = start
    if first < len(norms) and norms[first] == ",":  # "convocou, nesta quinta-feira (15), os embaixadores"
        close = next((k for k in range(first + 1, min(len(norms), first + 9)) if norms[k] == ","), None)
        if close is not None:
            first, stop = close + 1, min(len(norms), close + 1 + pattern.window)
    transparent: set[int] = set()
    for j in range(first, len(norms)):
        if j >= stop:
            break
        word = norms[j]
        if word == "," and j > first and j not in transparent and not _decimal_point(norms, j):
            # a phrase between commas ("aprovou hoje, em Bruxelas, novas sanções"; "expulsar a X, embajador
            # de Y, ...") is read through: the object may follow it or be in it
            close = next((k for k in range(j + 1, min(len(norms), j + 9)) if norms[k] == ","), None)
            if close is None or any(norms[k] in grammar.of("conjunction") for k in range(j + 1, close)):
                return None
            transparent.add(close)
            stop = min(len(norms), stop + close + 1 - j)
            continue
        if j in transparent:
            continue
        if word in (";", "?", "!") or (word in (".", ",") and not _decimal_point(norms, j)):
            return None
        n = _object_at(norms, j, index, compounds)
        if n:
            return (j, j + n)
    return None


def _find_object_before(
    norms: list[str], start: int, pattern: Pattern, index: dict[str, tuple[tuple[str, ...], ...]], grammar: Grammar
) -> tuple[int, int] | None:
    """A verb that closes its clause has its object before it ("die Beziehungen ... abgebrochen")."""
    compounds = grammar.flag("compounds")
    openers = grammar.of("clause_opener") | grammar.of("relative") | grammar.of("conjunction")
    openers |= grammar.of("determiner")
    for j in range(start - 1, max(-1, start - 1 - pattern.window - 6), -1):
        if norms[j] == "," and j + 1 < len(norms) and norms[j + 1] not in openers:
            continue  # a list inside the clause: "in Tschechien, Ungarn und Rumänien zurückgerufen"
        if norms[j] in _STOPS and not _decimal_point(norms, j) and not _scare_quote(norms, j):
            return None
        n = _object_at(norms, j, index, compounds)
        if n and j + n <= start:
            return (j, j + n)
    return None


def _most_specific(found: list[TriggerMatch]) -> list[TriggerMatch]:
    # Prefer patterns with an object (more specific), then a split verb with its particle ("forderte ...
    # auf" over "forderte"), then longer trigger phrases, then weight.
    found.sort(
        key=lambda m: (
            -bool(m.pattern.objects),
            -(m.particle is not None),
            -(m.head_end - m.start_token),
            -m.pattern.weight,
            m.start_token,
        )
    )
    kept: list[TriggerMatch] = []
    for m in found:
        if any(
            (k.start_token <= m.start_token < k.head_end or m.start_token <= k.start_token < m.head_end)
            # a pattern restricted to some sources leaves the general reading in place for the others
            and not k.pattern.source_sectors
            and not m.pattern.source_sectors
            for k in kept
        ):
            continue
        # A noun that is the object another trigger found ("signed an *agreement*") is not a second event.
        if m.pattern.nominal and any(
            k.pattern.objects and k.object_span is not None and k.object_span[0] <= m.start_token < k.object_span[1]
            for k in kept
        ):
            continue
        kept.append(m)
    kept.sort(key=lambda m: m.start_token)
    return kept
