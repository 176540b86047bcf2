"""Event patterns: data files (TOML, one per CAMEO root and language) and the trigger finder.

A pattern file `data/patterns/<lang>/<root>_<name>.toml` holds:

    root = "05"
    [[pattern]]
    code = "054"                     # full CAMEO code (must exist in cameo/codes.tsv)
    verbs = ["open", "reopen"]       # lemmas: English ones are inflected (opens, opened, opening),
                                     # Spanish -ar/-er/-ir ones conjugated (abre, abrió, abrirá)
    forms = ["abrió"]                # literal forms, matched as written (irregulars)
    nouns = ["reopening"]            # nominal triggers ("the reopening of the embassy")
    objects = ["embassy", "consulate"]   # optional: one must follow within `window` tokens
    window = 8                       # default 8
    mode = "future"                  # optional: the mode this trigger always carries
    reverse = true                   # optional: the grammatical object is the source ("received aid from")
    means = true                     # optional: an actor among the object words is what was sent or
                                     # given ("sent 200 doctors to Italy"), so the recipient is the target
    speaker = true                   # optional: a modal ("X said Y must ..."): the speaker is the source,
                                     # the modal's subject the target
    source_sectors = ["MIL"]         # optional: the pattern holds only for such sources ("troops arrived in")
    weight = 1.0                     # optional: prior confidence of the pattern

Multi-word triggers ("set up", "call for") inflect their first word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dyad.coding.inflect import english_forms, spanish_forms
from dyad.data._load import bundled_files, read_toml, read_tsv
from dyad.errors import DataFileError
from dyad.resources import Resources
from dyad.text.normalize import fold
from dyad.text.tokens import Token

_DEFAULT_WINDOW = 8
_DETERMINERS = {
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "this",
    "these",
    "those",
    "our",
    "any",
    "every",
    "un",
    "una",
    "el",
    "la",
    "los",
    "las",
    "su",
    "sus",
}
_NOUN_AFTER = {"in", "of", "for", "on"}  # "in protest", "of attack": a noun follows these, not a finite verb
_OPENERS = {'"', "'", "(", ":", "-", "¿", "¡"}


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
class TriggerMatch:
    pattern: Pattern
    start_token: int  # first token of the trigger
    end_token: int  # one past its last token (the object, when the pattern names one)
    head_end: int  # one past the trigger words themselves


class PatternSet:
    """All patterns of the bundled languages, indexed by the folded first word of each trigger."""

    def __init__(
        self,
        resources: Resources,
        languages: tuple[str, ...] = ("en", "es"),
        extra_files: tuple[Path, ...] = (),
    ):
        irregular = {
            r["lemma"]: tuple(r["forms"].split("|"))
            for r in read_tsv("lexicon/en_irregular.tsv", ("lemma", "forms"))
        }
        self.index: dict[str, list[tuple[tuple[str, ...], Pattern]]] = {}
        # The same entries split by language, so a document's scan never looks at the other's.
        self._by_lang: dict[str, dict[str, list[tuple[tuple[str, ...], Pattern]]]] = {}
        self.patterns: list[Pattern] = []
        self._objects: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
        self.languages = languages
        sources: list[tuple[str, str | Path]] = []
        for lang in languages:
            sources.extend((lang, rel) for rel in bundled_files(f"patterns/{lang}", ".toml"))
        for path in extra_files:
            sources.append((path.parent.name if path.parent.name in ("en", "es") else "en", path))
        for lang, source in sources:
            self._add_file(lang, source, resources, irregular)

    def _add_file(
        self, lang: str, source: str | Path, resources: Resources, irregular: dict[str, tuple[str, ...]]
    ) -> None:
        data = read_toml(source)
        for n, spec in enumerate(data.get("pattern", []), 1):
            code = str(spec.get("code", ""))
            if code not in resources.cameo:
                raise DataFileError(
                    f"{source}: pattern {n} has unknown CAMEO code '{code}'; "
                    "use a code listed in cameo/codes.tsv"
                )
            objects = tuple(tuple(fold(o).split()) for o in spec.get("objects", []))
            base = dict(
                code=code,
                lang=lang,
                objects=objects,
                window=int(spec.get("window", _DEFAULT_WINDOW)),
                mode=spec.get("mode") or None,
                reverse=bool(spec.get("reverse", False)),
                speaker=bool(spec.get("speaker", False)),
                means=bool(spec.get("means", False)),
                source_sectors=tuple(str(x) for x in spec.get("source_sectors", ())),
                weight=float(spec.get("weight", 1.0)),
            )
            pattern = Pattern(id=f"{Path(str(source)).name}#{n}", nominal=False, **base)  # type: ignore[arg-type]
            nominal = Pattern(id=f"{Path(str(source)).name}#{n}n", nominal=True, **base)  # type: ignore[arg-type]
            self.patterns.append(pattern)
            self._objects[pattern.id] = self._objects[nominal.id] = _object_index(objects)
            for verb in spec.get("verbs", []):
                words = fold(verb).split()
                forms = english_forms(words[0], irregular) if lang == "en" else spanish_forms(words[0])
                for form in forms:
                    self._index((form, *words[1:]), pattern)
            for form in spec.get("forms", []):
                self._index(tuple(fold(form).split()), pattern)
            for noun in spec.get("nouns", []):
                words = fold(noun).split()
                self._index(tuple(words), nominal)
                if lang == "en" and not words[-1].endswith("s"):
                    self._index((*words[:-1], words[-1] + "s"), nominal)

    def _index(self, words: tuple[str, ...], pattern: Pattern) -> None:
        if words:
            self.index.setdefault(words[0], []).append((words[1:], pattern))
            self._by_lang.setdefault(pattern.lang, {}).setdefault(words[0], []).append((words[1:], pattern))

    def find(self, tokens: list[Token], lang: str | None = None) -> list[TriggerMatch]:
        """Every pattern (of `lang`, or of any language) that matches, most specific first where two
        cover the same words."""
        found: list[TriggerMatch] = []
        norms = [t.norm for t in tokens]
        headline = _title_case(tokens)
        index = self.index if lang is None else self._by_lang.get(lang, {})
        for i, word in enumerate(norms):
            # A capitalised word inside a sentence is a name ("State", "Sign Language"), not a verb,
            # except in a headline written in title case ("U.S. Lifts Travel Ban").
            capitalised = (
                i > 0 and not headline and tokens[i].text[:1].isupper() and norms[i - 1] not in _OPENERS
            )
            compound = i > 0 and tokens[i - 1].text == "-" and tokens[i - 1].end == tokens[i].start
            for tail, pattern in index.get(word, ()):
                if capitalised and (not pattern.nominal or tail == () or _name_like(tokens, i)):
                    continue
                if (
                    not pattern.nominal
                    and i > 0
                    and (norms[i - 1] in _DETERMINERS or norms[i - 1] in _NOUN_AFTER or compound)
                ):
                    continue  # "a five-day strike", "the attack", "UN-backed": not the verb
                head_end = i + 1 + len(tail)
                if tuple(norms[i + 1 : head_end]) != tail:
                    continue
                if pattern.objects:
                    end = _find_object(norms, head_end, pattern, self._objects[pattern.id])
                    if end is None:
                        continue
                    found.append(TriggerMatch(pattern, i, end, head_end))
                else:
                    found.append(TriggerMatch(pattern, i, head_end, head_end))
        return _most_specific(found)


_FUNCTION_WORDS = {
    "en": frozenset("the of and to in is that for on with was were has have by from it its this are".split()),
    "es": frozenset("el la los las de del que y en por con una su sus se para es al lo como pero".split()),
}


def guess_language(texts: list[str], declared: str | None, languages: tuple[str, ...]) -> str | None:
    """The document's language among the coded ones: as declared, else by counting function words."""
    if declared in languages:
        return declared
    counts = dict.fromkeys(languages, 0)
    for text in texts[:20]:
        for word in fold(text).split():
            for lang in languages:
                if word in _FUNCTION_WORDS.get(lang, ()):
                    counts[lang] += 1
    best = max(counts, key=lambda k: counts[k]) if counts else None
    return best if best is not None and counts[best] > 0 else None


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


def _object_index(objects: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Object phrases by first word, with the plural of their last word ("sanction" finds "sanctions")."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for obj in objects:
        variants = {obj, (*obj[:-1], obj[-1] + "s"), (*obj[:-1], obj[-1] + "es")}
        for v in variants:
            index.setdefault(v[0], []).append(v[1:])
    return {k: tuple(v) for k, v in index.items()}


def _find_object(
    norms: list[str], start: int, pattern: Pattern, index: dict[str, tuple[tuple[str, ...], ...]]
) -> int | None:
    stop = min(len(norms), start + pattern.window)
    for j in range(start, stop):
        word = norms[j]
        if word in (";", "?", "!") or (word in (".", ",") and not _decimal_point(norms, j)):
            return None
        for rest in index.get(word, ()):
            n = len(rest)
            if tuple(norms[j + 1 : j + 1 + n]) == rest:
                return j + 1 + n
    return None


def _most_specific(found: list[TriggerMatch]) -> list[TriggerMatch]:
    # Prefer patterns with an object (more specific), then longer trigger phrases, then weight.
    found.sort(
        key=lambda m: (
            -bool(m.pattern.objects),
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
            k.pattern.objects and k.head_end <= m.start_token < k.end_token for k in kept
        ):
            continue
        kept.append(m)
    kept.sort(key=lambda m: m.start_token)
    return kept
