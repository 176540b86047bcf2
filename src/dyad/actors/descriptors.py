"""Descriptions that stand for a state the story names elsewhere: "the Central African country", "the
Gulf state", "the impoverished nation", "the two Southeast Asian countries".

A description is a determiner, one or more describing words from `descriptors.tsv` and a head noun
(country, nation, state, ...). It is an anaphor, not a name: "the Central African country" after "Chad"
is Chad, not the Central African Republic, and "the Middle Eastern nation" is the Middle Eastern state the
story has been speaking of, not the region. The describing words narrow the states it can stand for (a
region's members); words that only describe ("impoverished", "gas-rich") narrow nothing.

`find_descriptions` turns each description in a sentence into an anaphor mention in place of the names
inside it ("Central African", "Middle Eastern"); `resolve_description` picks the state it stands for from
the states the story named before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from dyad.doc import Mention
from dyad.text.normalize import fold_key

Table = Mapping[str, frozenset[str] | None]

_WORD = re.compile(r"\w+(?:-\w+)*")
_HEADS_ONE = frozenset(
    "country nation state kingdom republic monarchy emirate sultanate island archipelago city-state".split()
)
_HEADS_TWO = frozenset("countries nations states kingdoms republics neighbours neighbors".split())
# Heads that also name a part of a state ("the northern state of Kano", "the island"): these need a
# describing word that places them in a region.
_PLACED_HEADS = frozenset(("state", "island", "states"))
_ONE_DETERMINERS = frozenset(("the", "this", "that"))
# "the two Southeast Asian countries", "the three South American nations": a description of several states.
_NUMBERS = {"two": "two", "three": "three", "four": "four", "five": "five", "six": "six"}
_COUNT = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# A description may replace the names it holds: a demonym ("Central African"), a region ("South American").
_REPLACEABLE = frozenset(("demonym", "region", "ethnic"))
_LONGEST = 3  # describing phrases have at most three words ("Horn of Africa")


def find_descriptions(text: str, sentence: int, mentions: list[Mention], table: Table) -> list[Mention]:
    """The sentence's `mentions` with each description of a state as an anaphor (code "one", "two", "three"
    ...: how many states it stands for)."""
    words = [(w.group(), w.start(), w.end()) for w in _WORD.finditer(text)]
    found: list[Mention] = []
    for i, (word, _, end) in enumerate(words):
        plural = word in _HEADS_TWO
        if not (plural or word in _HEADS_ONE):
            continue
        first, members, placed = _describing(words, i, text, table)
        if first == i or first < 1 or not text[words[first - 1][2] : words[first][1]].isspace():
            continue
        det = words[first - 1][0].lower()
        counted = det in _NUMBERS and first >= 2 and words[first - 2][0].lower() in ("the", "all")
        many = det == "both" or counted
        if plural != many or (not many and det not in _ONE_DETERMINERS):
            continue
        if word in _PLACED_HEADS and not placed:
            continue  # "the southern state", "the island": a part of a state as often as a state
        if _names_it(text, end):
            continue  # "the South Pacific nation of Nauru": the name follows, the description is no anaphor
        start = words[first - (2 if counted else 1)][1]
        inside = [m for m in mentions if m.start < end and start < m.end]
        if any(m.kind not in _REPLACEABLE for m in inside):
            continue  # "the island nation" (a table anaphor), "the Jewish state" (an epithet)
        phrase = text[start:end]
        where = f"; the states it fits: {_fit(members)}" if members is not None else ""
        found.append(
            Mention(
                sentence,
                start,
                end,
                phrase,
                _NUMBERS.get(det, "two") if many else "one",
                None,
                None,
                phrase,
                kind="anaphor",
                why=f"description: '{phrase}' stands for a state the story names{where}",
                confidence=0.7,
            )
        )
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < d.end and d.start < m.end for d in found)]
    return sorted([*kept, *found], key=lambda m: m.start)


def described_states(text: str, table: Table) -> frozenset[str] | None:
    """The states a description can stand for (None: any state); its words as `find_descriptions` read them."""
    words = [(w.group(), w.start(), w.end()) for w in _WORD.finditer(text)]
    if not words:
        return None
    return _describing(words, len(words) - 1, text, table)[1]


def resolve_description(
    m: Mention,
    named_before: Counter[str],
    last_seen: dict[str, int],
    near: list[str],
    story: Counter[str],
    table: Table,
) -> tuple[list[str], str]:
    """The state (or, for "the two ... countries", the states) a description stands for, and why.

    One state: of the states it fits, the one the story has named most up to here (the latest on ties);
    none named yet, the one the whole story names most. Several: the last ones it fits named in this or
    the previous sentence, else those the story has named most so far.
    """
    fits = described_states(m.text, table)

    def ok(c: str) -> bool:
        return fits is None or c in fits

    count = _COUNT.get(m.code, 1)
    if count > 1:
        recent: list[str] = []
        for c in reversed(near):
            if ok(c) and c not in recent:
                recent.append(c)
        if len(recent) >= count:
            return sorted(recent[:count], key=near.index), f"the {m.code} it fits named just before"
        ranked = [c for c, _ in sorted(named_before.items(), key=lambda kv: (-kv[1], -last_seen[kv[0]])) if ok(c)]
        if len(ranked) >= count:
            return ranked[:count], f"the {m.code} it fits the story names most"
        return [], ""
    candidates = [c for c in named_before if ok(c)]
    if candidates:
        # on a tie, the one named last
        best = max(candidates, key=lambda c: (named_before[c], last_seen[c]))
        return [best], "the state it fits the story has named most up to here"
    later = [c for c in story if ok(c)]
    if later:
        return [max(later, key=lambda c: story[c])], "the state it fits the story names most"
    return [], ""


def _describing(
    words: list[tuple[str, int, int]], head: int, text: str, table: Table
) -> tuple[int, frozenset[str] | None, bool]:
    """Walk left from the head over describing words: (index of the first, the states they fit, whether a
    word placed it in a region)."""
    members: frozenset[str] | None = None
    placed = False
    j = head - 1
    while j >= 0 and text[words[j][2] : words[j + 1][1]].isspace():
        size, fits = _phrase_ending(words, j, text, table)
        if not size:
            break
        if fits is not None:
            members = fits if members is None else members & fits
            placed = True
        j -= size
    if members is not None and not members:
        return head, None, False  # "the African Asian nation": no state fits
    return j + 1, members, placed


def _phrase_ending(
    words: list[tuple[str, int, int]], j: int, text: str, table: Table
) -> tuple[int, frozenset[str] | None]:
    """The longest describing phrase that ends at word `j`: (its length in words, the states it fits); 0 when
    none does."""
    for size in range(min(_LONGEST, j + 1), 0, -1):
        span = words[j - size + 1 : j + 1]
        if any(not text[a[2] : b[1]].isspace() for a, b in zip(span, span[1:], strict=False)):
            continue
        key = fold_key(" ".join(w for w, _, _ in span))
        if key in table:
            return size, table[key]
        if size == 1 and "-" in key and "-" + key.rsplit("-", 1)[1] in table:
            return 1, table["-" + key.rsplit("-", 1)[1]]
    return 0, None


def _names_it(text: str, end: int) -> bool:
    """The description names its state right after it: "nation of Nauru", "the Gulf state Qatar"."""
    return bool(re.match(r"\s+(?:of\s+(?:the\s+)?)?[A-Z]", text[end:]))


def _fit(members: frozenset[str]) -> str:
    shown = sorted(members)
    return " ".join(shown[:6]) + (" ..." if len(shown) > 6 else "")
