"""The mode of an event: factual, future, negated, hypothetical, historical or question.

Cue words come from `data/lexicon/mode_cues.tsv`, per language; a question mark (or an opening '¿')
makes every event of the sentence a question, and questions never come out as factual. The verb form
itself can carry the mode: a future ("expulsera", "firmará", "assinará") is future, and so is a
conditional ("fermerait", like English "would").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.coding.inflect import future_by_accent
from dyad.data._load import read_tsv
from dyad.text.normalize import fold_key
from dyad.text.tokens import Token

# When several cues apply, the first mode in this list wins.
# "refusal" ("refused to release") is internal: it shifts the code like a negation (to a rejection,
# root 12) and the event, the refusal, is then factual.
_PRECEDENCE = ("question", "refusal", "negated", "hypothetical", "future", "historical")
_SCOPES = ("before", "sentence", "condition", "infinitive", "opening", "boundary", "litotes")
# Languages whose cues are matched with their accents: German "würde" (would) is not "wurde" (was).
_ACCENTED = ("de",)
# The cues a text of unknown language is read with (the sentence model's events): English and Spanish.
_DEFAULT_LANGS = ("en", "es")

# How far each mode lowers the confidence that the act happened as the sentence tells it (the rules'
# score and the model's class probability are both scaled by it; the combiner reads the mode itself).
MODE_FACTOR = {
    "factual": 1.0,
    "future": 0.9,
    "historical": 0.85,
    "negated": 0.7,
    "hypothetical": 0.6,
    "question": 0.4,
}

_Table = dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (rest of phrase, mode)


@dataclass(frozen=True, slots=True)
class ModeCues:
    """Cue phrases indexed by their first word: mode lookup is one pass over a few tokens."""

    before: _Table
    anywhere: _Table
    condition: _Table = field(default_factory=dict)
    infinitive: _Table = field(default_factory=dict)
    opening: _Table = field(default_factory=dict)
    boundary: _Table = field(default_factory=dict)
    litotes: _Table = field(default_factory=dict)
    by_lang: dict[str, ModeCues] = field(default_factory=dict)
    accented: bool = False  # cues keep their accents and are matched against the lower-cased text

    @classmethod
    def load(cls) -> ModeCues:
        rows = read_tsv("lexicon/mode_cues.tsv", ("cue", "mode", "scope", "lang"))
        langs = sorted({lang for r in rows for lang in r["lang"].split("|")})
        per_lang = {
            lang: _build([r for r in rows if lang in r["lang"].split("|")], accented=lang in _ACCENTED)
            for lang in langs
        }
        default = _build([r for r in rows if set(r["lang"].split("|")) & set(_DEFAULT_LANGS)])
        return cls(default.before, default.anywhere, default.condition, default.infinitive, default.opening,
                   default.boundary, default.litotes, per_lang)

    def of(self, lang: str | None) -> ModeCues:
        """The cues of `lang` (English and Spanish ones when the language is unknown)."""
        return self.by_lang.get(lang or "", self)


def _build(rows: list[dict[str, str]], accented: bool = False) -> ModeCues:
    tables: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = {s: {} for s in _SCOPES}
    for row in rows:
        table = tables.get(row["scope"], tables["before"])
        words = tuple((row["cue"].lower() if accented else fold_key(row["cue"])).split())
        table.setdefault(words[0], []).append((words[1:], row["mode"]))
    frozen = {scope: {k: tuple(v) for k, v in table.items()} for scope, table in tables.items()}
    return ModeCues(frozen["before"], frozen["sentence"], frozen["condition"], frozen["infinitive"],
                    frozen["opening"], frozen["boundary"], frozen["litotes"], accented=accented)


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
    *,
    lang: str | None = None,
    form: str = "",
    until: int | None = None,
) -> str:
    """The mode of the trigger at token `start`. `lang` picks the cues; `form` is the kind of verb form
    matched ("fut", "cond", "inf", "part"); `until`, a split verb's particle: cues between the verb and
    it count as before it ("weist ... nicht aus")."""
    stripped = sentence_text.strip()
    if stripped.endswith("?") or stripped.startswith("¿"):
        return "question"
    table = cues.of(lang)
    norms = [t.text.lower() for t in tokens] if table.accented else [t.norm for t in tokens]
    found: set[str] = set()
    lo = max(0, start - window)
    for i in range(start - 1, lo - 1, -1):  # a cue before "that", "que", "dass" is another clause's
        if norms[i] in table.boundary:
            lo = i + 1
            break
    _scan(norms, lo, start, table.before, found)
    affirmed = [i for i in range(lo, start) if _starts_cue(norms, i, start, table.litotes)]
    if affirmed:
        found.discard("negated")  # "did not hesitate to expel", "no dudó en expulsar": it did
        if any(future_by_accent(tokens[i].text) for i in affirmed):
            found.add("future")  # "no dudará en expulsar": it will
    if until is not None:
        _scan(norms, start + 1, until, table.before, found)
    if form == "inf":  # "wird ... ausweisen", "will die Botschaft in Kabul wiedereröffnen": the whole clause before
        _scan(norms, _clause_start(norms, start), start, table.infinitive, found)
    _scan(norms, 0, len(norms), table.anywhere, found)
    _scan_conditions(norms, start, table.condition, found)
    _scan_conditions(norms, start, table.opening, found, opening_only=True)
    if form in ("fut", "cond") or (start < len(tokens) and future_by_accent(tokens[start].text)):
        found.add("future")
    if fixed:
        found.add(fixed)
    if "negated" in found and "future" in found:
        found.add("refusal")  # "will not sign", "no firmará": a stated refusal
    for mode in _PRECEDENCE:
        if mode in found:
            return mode
    return "factual"


def _clause_start(norms: list[str], start: int) -> int:
    """Where the clause of an infinitive begins: after the last full stop, semicolon or colon before it,
    at most 25 words back (a German verb closes a long clause; a comma does not end it: "..., X zu öffnen")."""
    for i in range(start - 1, max(-1, start - 25), -1):
        if norms[i] in (".", ";", ":", "!", "?"):
            return i + 1
    return max(0, start - 25)


def _starts_cue(norms: list[str], i: int, hi: int, table: _Table) -> bool:
    """A cue phrase of `table` starts at `i` and ends before `hi`."""
    return any(
        i + 1 + len(rest) <= hi and tuple(norms[i + 1 : i + 1 + len(rest)]) == rest
        for rest, _ in table.get(norms[i], ())
    )


def _scan(norms: list[str], lo: int, hi: int, table: _Table, found: set[str]) -> None:
    """Add the mode of every cue phrase that starts in [lo, hi) and ends before `hi`."""
    for i in range(lo, hi):
        for rest, mode in table.get(norms[i], ()):
            n = len(rest)
            if i + 1 + n <= hi and tuple(norms[i + 1 : i + 1 + n]) == rest:
                found.add(mode)


# Words that may come before a conditional that opens the sentence: "But if ...", "Y si ...".
_OPENERS = {"but", "and", "even", "only", "pero", "y", "incluso", "solo", "aun", "mais", "et", "mas", "e", "aber",
            "und"}


def _scan_conditions(norms: list[str], start: int, table: _Table, found: set[str], opening_only: bool = False) -> None:
    """A conditional covers the triggers after it; one that opens the sentence covers it all."""
    for i, word in enumerate(norms):
        for rest, mode in table.get(word, ()):
            n = len(rest)
            if tuple(norms[i + 1 : i + 1 + n]) != rest:
                continue
            opens = all(w in _OPENERS or w in (",", '"', "“") for w in norms[:i])
            if opens or (start > i and not opening_only):
                found.add(mode)
