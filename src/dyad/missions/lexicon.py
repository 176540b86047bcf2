"""A language's mission words (`data/missions/cues/<lang>.tsv`), read once into a `Lexicon`.

    lex = lexicon("de")
    tokens = tokenize_folded("Kanada hat seine Botschaft in Teheran geschlossen.")
    [(m.cue.role, m.cue.value) for m in lex.find(tokens)]
    # [('possessive', ''), ('noun', 'embassy'), ('host', ''), ('change', 'closed')]

A cue is a phrase of folded words; `open*` matches any word that starts with "open", `*n't` any word
that ends with "n't", and `*` alone any one word; `...` is a verb's particle later in its clause (German
"rief ... zurück": "rief seinen Botschafter in Madrid zurück"), the match being the words before it. Where
cues overlap, a `block` cue ("opened fire")
removes the others, and of the rest the longest wins in its role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dyad.data._load import bundled_files, read_tsv
from dyad.errors import DataFileError
from dyad.text.normalize import fold

ROLES = (
    "noun", "change", "relations", "relation", "block", "mode", "possessive", "owner", "host", "from",
    "with", "between", "agent", "article", "definite", "filler", "conj", "both", "boundary", "ending", "other",
    "setting", "again", "gerund", "participle", "inflection", "nonactor", "dest", "relative", "activity", "pronoun",
    "turn", "civilians", "passage",
)  # fmt: skip
MODES = (
    "future",
    "intent",
    "infinitive",
    "command",
    "order",
    "negated",
    "hypothetical",
    "historical",
    "subordinate",
    "pluperfect",
    "speech",
    "present",
    "undated",
    "indefinite",
)
STATUSES = (
    "opened", "reopened", "closed", "suspended", "relocated", "ambassador expelled", "ambassador recalled",
)  # fmt: skip
RELATION_CHANGES = ("established", "severed", "restored", "downgraded", "upgraded", "recognition")
# Words are letters and digits (with inner apostrophes: "didn't", "l'an"); French and Italian elisions
# ("l'", "d'", "qu'") and hyphens are tokens of their own, so "l'ambassade" and "US-Botschaft" hold the
# mission word as a token.
_TOKEN = re.compile(r"(?:l|d|qu|j|n|s|c|m|t)'(?=\w)|\w+(?:'\w+)*|\S")


@dataclass(frozen=True, slots=True)
class Token:
    index: int
    start: int
    end: int
    norm: str  # folded


def tokenize_folded(folded: str) -> list[Token]:
    """Tokens of a folded text (see dyad.text.normalize.fold), with offsets into it. German "ß" is read as
    "ss" (fold keeps it, to keep offsets): "Schließung" and Swiss "Schliessung" are one word."""
    return [Token(i, m.start(), m.end(), m.group().replace("ß", "ss")) for i, m in enumerate(_TOKEN.finditer(folded))]


@dataclass(frozen=True, slots=True)
class Cue:
    text: str
    words: tuple[str, ...]
    role: str
    value: str
    needs: str  # "own": only of the subject's own mission
    scope: str  # for modes: before | after | sentence | span ...


@dataclass(frozen=True, slots=True)
class CueMatch:
    start: int  # token indices, end exclusive
    end: int
    cue: Cue


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    by_word: dict[str, tuple[Cue, ...]]  # exact first word -> cues
    by_affix: tuple[Cue, ...]  # cues whose first word is a prefix, a suffix or any word
    words: dict[str, frozenset[str]]  # one-word roles (possessive, host, article ...) -> their words
    endings: tuple[tuple[str, str], ...]  # (ending of the unfolded word, mode): "-rá" marks a future
    settings: dict[str, int]  # gap: the most words between a change word and its mission word
    forms: dict[str, tuple[str, ...]]  # gerund / participle / inflection: folded endings of such word forms

    def find(self, tokens: list[Token]) -> list[CueMatch]:
        """Every cue in the tokens; `block` cues remove what they overlap, then the longest cue of a role wins."""
        found = []
        by_prefix, by_suffix, anywhere = _affix_index(self.by_affix)
        for i, tok in enumerate(tokens):
            word = tok.norm
            affixed = (*by_prefix.get(word[:_KEY], ()), *by_suffix.get(word[-_KEY:], ()), *anywhere)
            for cue in (*self.by_word.get(word, ()), *affixed):
                head, tail = _split(cue.words)
                n = len(head)
                if i + n <= len(tokens) and all(_word_ok(w, tokens[i + k].norm) for k, w in enumerate(head)):
                    if not tail or _particle_at(tokens, i + n, tail):
                        found.append(CueMatch(i, i + n, cue))
        blocks = [m for m in found if m.cue.role == "block"]
        kept: list[CueMatch] = []
        for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
            if m.cue.role == "block" or any(b.start < m.end and m.start < b.end for b in blocks):
                continue
            if any(k.cue.role == m.cue.role and k.start < m.end and m.start < k.end for k in kept):
                continue
            kept.append(m)
        return sorted(kept, key=lambda m: (m.start, m.end))

    def form(self, role: str, word: str) -> bool:
        """Whether a folded word ends as a verb form of that role does (gerund, participle)."""
        return any(word.endswith(e) and len(word) > len(e) + 2 for e in self.forms.get(role, ()))

    def has(self, role: str, word: str) -> bool:
        return word in self.words.get(role, frozenset())


# Affix cues are looked up by their first (prefix cues: "open*") or last (suffix cues: "*n't") three
# letters, so a token is tried against the few that can match it, not against all of them.
_KEY = 3
_AffixIndex = tuple[dict[str, tuple[Cue, ...]], dict[str, tuple[Cue, ...]], tuple[Cue, ...]]


@lru_cache(maxsize=16)
def _affix_index(cues: tuple[Cue, ...]) -> _AffixIndex:
    prefix: dict[str, list[Cue]] = {}
    suffix: dict[str, list[Cue]] = {}
    anywhere: list[Cue] = []
    for cue in cues:
        first = cue.words[0]
        if first.endswith("*") and len(first) - 1 >= _KEY:
            prefix.setdefault(first[:_KEY], []).append(cue)
        elif first.startswith("*") and len(first) - 1 >= _KEY:
            suffix.setdefault(first[-_KEY:], []).append(cue)
        else:
            anywhere.append(cue)
    return (
        {k: tuple(v) for k, v in prefix.items()},
        {k: tuple(v) for k, v in suffix.items()},
        tuple(anywhere),
    )


_PARTICLE_SPAN = 12  # the most words between a separable verb and its particle
_CLAUSE_END = {",", ";", ":", ".", "!", "?", "(", ")"}


def _split(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A cue's words before `...` and its particle after it."""
    if "..." not in words:
        return words, ()
    k = words.index("...")
    return words[:k], words[k + 1 :]


def _particle_at(tokens: list[Token], start: int, tail: tuple[str, ...]) -> bool:
    """Whether the particle ends the clause after `start` ("rief seinen Botschafter zurück.")."""
    n = len(tail)
    for j in range(start, min(len(tokens), start + _PARTICLE_SPAN) - n + 1):
        if tokens[j - 1].norm in _CLAUSE_END and not _ordinal_dot(tokens, j - 1):
            return False
        if all(_word_ok(w, tokens[j + k].norm) for k, w in enumerate(tail)):
            after = tokens[j + n].norm if j + n < len(tokens) else "."
            return after in _CLAUSE_END or after in ("und", "sowie", "oder", "aber")
    return False


def _ordinal_dot(tokens: list[Token], i: int) -> bool:
    """Whether the dot at `i` follows a number inside the sentence: an ordinal or a date ("stellt zum 3. Mai
    den Betrieb ein", "zum 30.11.2023"), not the end of a clause (the sentence splitter kept it inside)."""
    return tokens[i].norm == "." and i > 0 and tokens[i - 1].norm.isdigit() and i + 1 < len(tokens)


def _cue_words(cue: str) -> tuple[str, ...]:
    """A cue's words, tokenized as text is ("l'ambassade" -> "l'", "ambassade"), a "*" kept on its word."""
    words: list[str] = []
    for part in cue.split():
        if part == "...":
            words.append(part)
            continue
        core = part.strip("*")
        if not core:
            words.append("*")
            continue
        tokens = [t.norm for t in tokenize_folded(fold(core))]
        if part.startswith("*"):
            tokens[0] = "*" + tokens[0]
        if part.endswith("*"):
            tokens[-1] += "*"
        words.extend(tokens)
    return tuple(words)


def _word_ok(pattern: str, word: str) -> bool:
    if pattern == "*":
        return True
    if pattern.endswith("*") and len(pattern) > 1:
        return word.startswith(pattern[:-1])
    if pattern.startswith("*"):
        return word.endswith(pattern[1:])
    return word == pattern


def languages() -> tuple[str, ...]:
    """The languages with a cue file."""
    return tuple(path.rsplit("/", 1)[-1].removesuffix(".tsv") for path in bundled_files("missions/cues", ".tsv"))


@lru_cache(maxsize=16)
def lexicon(lang: str) -> Lexicon:
    """The cues of one language; `DataFileError` names the file and row of a bad one."""
    rel = f"missions/cues/{lang}.tsv"
    by_word: dict[str, list[Cue]] = {}
    by_affix: list[Cue] = []
    words: dict[str, set[str]] = {}
    endings: list[tuple[str, str]] = []
    settings: dict[str, int] = {"gap": 10}
    forms: dict[str, list[str]] = {}
    for n, row in enumerate(read_tsv(rel, required=("cue", "role")), 1):
        role, value = row["role"], row.get("value", "")
        if role not in ROLES:
            raise DataFileError(
                f"{rel}: row {n} ('{row['cue']}'): unknown role '{role}'; use one of {', '.join(ROLES)}"
            )
        _check_value(rel, n, row["cue"], role, value)
        if role == "ending":
            endings.append((row["cue"], value))
            continue
        if role == "setting":
            settings[row["cue"]] = int(value)
            continue
        if role in ("gerund", "participle", "inflection"):
            forms.setdefault(role, []).append(fold(row["cue"]))
            continue
        parts = _cue_words(row["cue"])
        cue = Cue(row["cue"], parts, role, value, row.get("needs", ""), row.get("scope", "") or "before")
        if len(parts) == 1 and role not in (
            "again",
            "nonactor",
            "noun",
            "change",
            "relations",
            "relation",
            "block",
            "mode",
            "other",
            "both",
            "turn",
        ):
            words.setdefault(role, set()).add(parts[0])
            continue
        first = parts[0]
        if first == "*" or first.endswith("*") or first.startswith("*"):
            by_affix.append(cue)
        else:
            by_word.setdefault(first, []).append(cue)
    return Lexicon(
        lang,
        {k: tuple(v) for k, v in by_word.items()},
        tuple(by_affix),
        {k: frozenset(v) for k, v in words.items()},
        tuple(endings),
        settings,
        {k: tuple(v) for k, v in forms.items()},
    )


def _check_value(rel: str, n: int, cue: str, role: str, value: str) -> None:
    allowed: tuple[str, ...] = ()
    if role == "change":
        for part in value.split("|"):
            if part not in (*STATUSES, "-"):
                raise DataFileError(f"{rel}: row {n} ('{cue}'): status '{part}' is not one of {', '.join(STATUSES)}")
        return
    if role == "relation":
        allowed = RELATION_CHANGES
    elif role in ("mode", "ending"):
        allowed = MODES
    elif role == "setting":
        if not value.isdigit():
            raise DataFileError(f"{rel}: row {n} ('{cue}'): a setting's value is a whole number, not '{value}'")
        return
    elif role == "noun":
        allowed = ("embassy", "consulate", "ambassador", "staff", "liaison office", "office", "service")
    if allowed and value not in allowed:
        raise DataFileError(f"{rel}: row {n} ('{cue}'): value '{value}' is not one of {', '.join(allowed)}")
