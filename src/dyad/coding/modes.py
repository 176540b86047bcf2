"""The mode of an event: factual, future, negated, hypothetical, historical or question.

Cue words come from `data/lexicon/mode_cues.tsv`; a question mark (or an opening '¿')
makes every event of the sentence a question, and questions never come out as factual.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.coding.inflect import future_spanish
from dyad.data._load import read_tsv
from dyad.text.tokens import Token

# When several cues apply, the first mode in this list wins.
# "refusal" ("refused to release") is internal: it shifts the code like a negation (to a rejection,
# root 12) and the event, the refusal, is then factual.
_PRECEDENCE = ("question", "refusal", "negated", "hypothetical", "future", "historical")


@dataclass(frozen=True, slots=True)
class ModeCues:
    """Cue phrases indexed by their first word: mode lookup is one pass over a few tokens."""

    before: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (rest of phrase, mode)
    anywhere: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    condition: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> ModeCues:
        tables: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = {
            "before": {}, "sentence": {}, "condition": {}
        }
        for row in read_tsv("lexicon/mode_cues.tsv", ("cue", "mode", "scope")):
            table = tables.get(row["scope"], tables["before"])
            words = tuple(row["cue"].lower().split())
            table.setdefault(words[0], []).append((words[1:], row["mode"]))
        frozen = {scope: {k: tuple(v) for k, v in table.items()} for scope, table in tables.items()}
        return cls(frozen["before"], frozen["sentence"], frozen["condition"])


@dataclass(frozen=True, slots=True)
class ModeShift:
    """How a mode changes an event's code (`data/lexicon/mode_shift.tsv`): "will release" is an
    intent to release (0353), "refused to lift the ban" a refusal (1241), "vowed to attack" a threat."""

    table: dict[tuple[str, str], str]

    @classmethod
    def load(cls) -> ModeShift:
        rows = read_tsv("lexicon/mode_shift.tsv", ("mode", "from", "to"))
        return cls({(r["mode"], r["from"]): r["to"] for r in rows})

    def apply(self, mode: str, code: str) -> str:
        for n in range(len(code), 1, -1):
            shifted = self.table.get((mode, code[:n]))
            if shifted:
                return shifted
        return code


def detect_mode(
    tokens: list[Token],
    start: int,
    sentence_text: str,
    cues: ModeCues,
    fixed: str | None = None,
    window: int = 6,
) -> str:
    stripped = sentence_text.strip()
    if stripped.endswith("?") or stripped.startswith("¿"):
        return "question"
    norms = [t.norm for t in tokens]
    found: set[str] = set()
    _scan(norms, max(0, start - window), start, cues.before, found)
    _scan(norms, 0, len(norms), cues.anywhere, found)
    _scan_conditions(norms, start, cues.condition, found)
    if start < len(tokens) and future_spanish(tokens[start].text):
        found.add("future")
    if fixed:
        found.add(fixed)
    if "negated" in found and "future" in found:
        found.add("refusal")  # "will not sign", "no firmará": a stated refusal
    for mode in _PRECEDENCE:
        if mode in found:
            return mode
    return "factual"


def _scan(
    norms: list[str],
    lo: int,
    hi: int,
    table: dict[str, tuple[tuple[tuple[str, ...], str], ...]],
    found: set[str],
) -> None:
    """Add the mode of every cue phrase that starts in [lo, hi) and ends before `hi`."""
    for i in range(lo, hi):
        for rest, mode in table.get(norms[i], ()):
            n = len(rest)
            if i + 1 + n <= hi and tuple(norms[i + 1 : i + 1 + n]) == rest:
                found.add(mode)


# Words that may come before a conditional that opens the sentence: "But if ...", "Y si ...".
_OPENERS = {"but", "and", "even", "only", "pero", "y", "incluso", "solo", "aun"}


def _scan_conditions(
    norms: list[str],
    start: int,
    table: dict[str, tuple[tuple[tuple[str, ...], str], ...]],
    found: set[str],
) -> None:
    """A conditional covers the triggers after it; one that opens the sentence covers it all."""
    for i, word in enumerate(norms):
        for rest, mode in table.get(word, ()):
            n = len(rest)
            if tuple(norms[i + 1 : i + 1 + n]) != rest:
                continue
            opens = all(w in _OPENERS or w in (",", '"', "“") for w in norms[:i])
            if opens or start > i:
                found.add(mode)
