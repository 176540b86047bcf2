"""Event patterns: data files (TOML, one per CAMEO root and language) and the trigger finder.

A pattern file `data/patterns/<lang>/<root>_<name>.toml` holds:

    root = "05"
    [[pattern]]
    code = "054"                     # full CAMEO code (must exist in cameo/codes.tsv)
    verbs = ["open", "reopen"]       # lemmas, inflected by language (dyad/coding/inflect*.py): English
                                     # opens/opened/opening, Spanish abre/abrió/abrirá, Portuguese
                                     # abriu/aberto, French ouvre/ouvert/ouvrira, German "wieder|eröffnen"
                                     # ('|' marks a separable prefix: "eröffnet ... wieder", "wiedereröffnet")
    forms = ["abrió"]                # literal forms, matched as written (irregulars)
    nouns = ["reopening"]            # nominal triggers ("the reopening of the embassy"); plurals are added,
                                     # and in German the end of a compound ("Luftangriffe" finds "Angriff")
    objects = ["embassy", "consulate"]   # optional: one must follow within `window` tokens (in German,
                                     # where the verb closes its clause, it may also come before)
    window = 8                       # default 8
    mode = "future"                  # optional: the mode this trigger always carries
    reverse = true                   # optional: the grammatical object is the source ("received aid from")
    means = true                     # optional: an actor among the object words is what was sent or
                                     # given ("sent 200 doctors to Italy"), so the recipient is the target
    speaker = true                   # optional: a modal ("X said Y must ..."): the speaker is the source,
                                     # the modal's subject the target
    source_sectors = ["MIL"]         # optional: the pattern holds only for such sources ("troops arrived in");
                                     # "STATE" is a country named as a whole ("Russia attacked"), and where
                                     # such a reading holds it replaces the general one of another root
    weight = 1.0                     # optional: prior confidence of the pattern

Multi-word triggers ("set up", "call for", "mettre fin à") inflect their first word.
"""

from __future__ import annotations

from pathlib import Path

from dyad.cache import file_parts
from dyad.coding.grammar import Grammar, grammar_for, grammar_languages
from dyad.coding.inflect import Form, english_forms, spanish_changes, spanish_forms
from dyad.coding.inflect_de import german_forms
from dyad.coding.inflect_fr import french_forms, portuguese_forms
from dyad.coding.triggers import Entry, Pattern, TriggerMatch, find_triggers, object_index
from dyad.data._load import bundled_files, read_toml, read_tsv
from dyad.errors import DataFileError
from dyad.resources import Resources
from dyad.text.normalize import fold
from dyad.text.tokens import Token, tokenize

__all__ = ["STATE", "Pattern", "PatternSet", "TriggerMatch", "noun_variants"]

# The `source_sectors` entry of an actor with no sector: a country named as a whole ("Russia", "Israel").
STATE = "STATE"

_DEFAULT_WINDOW = 8
# Reflexive pronouns a verb lemma may start with; they are not part of the indexed forms.
_REFLEXIVE = {"de": ("sich",), "fr": ("se", "s'")}


class PatternSet:
    """All patterns of the loaded languages, indexed by the folded first word of each trigger."""

    def __init__(
        self,
        resources: Resources,
        languages: tuple[str, ...] = ("en", "es", "de", "fr", "pt"),
        extra_files: tuple[Path, ...] = (),
    ):
        irregular = {
            r["lemma"]: tuple(r["forms"].split("|"))
            for r in read_tsv("lexicon/en_irregular.tsv", ("lemma", "forms"))
        }
        self.index: dict[str, list[Entry]] = {}
        # The same entries split by language, so a sentence's scan never looks at another language's.
        self._by_lang: dict[str, dict[str, list[Entry]]] = {}
        # German: nouns by themselves, for the end of a compound ("Wirtschaftssanktionen").
        self._heads: dict[str, dict[str, list[Entry]]] = {}
        self.patterns: list[Pattern] = []
        self._objects: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
        self.languages = languages
        self.grammars = {lang: grammar_for(lang) for lang in languages}
        sources: list[tuple[str, str | Path]] = []
        for lang in languages:
            sources.extend((lang, rel) for rel in bundled_files(f"patterns/{lang}", ".toml"))
        known = grammar_languages()
        for path in extra_files:
            sources.append((path.parent.name if path.parent.name in known else "en", path))
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
            objects = tuple(_words(o) for o in spec.get("objects", []))
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
            # "11_disapprove.toml#2" (English), "de/16_reduzieren.toml#5": unique across languages
            name = Path(str(source)).name if lang == "en" else f"{lang}/{Path(str(source)).name}"
            pattern = Pattern(id=f"{name}#{n}", nominal=False, **base)  # type: ignore[arg-type]
            nominal = Pattern(id=f"{name}#{n}n", nominal=True, **base)  # type: ignore[arg-type]
            self.patterns.append(pattern)
            self._objects[pattern.id] = self._objects[nominal.id] = object_index(objects, lang)
            for verb in spec.get("verbs", []):
                words = _words(verb)
                reflexive = len(words) > 1 and words[0] in _REFLEXIVE.get(lang, ())
                if reflexive:
                    words = words[1:]  # "sich einigen auf", "se mettre d'accord": the pronoun is a word of its own
                for form in _verb_forms(lang, words[0], irregular):
                    self._index((form.word, *words[1:]), pattern, form.tag, form.particle)
                    if reflexive and lang == "de" and len(words) > 1:  # "einigten sich auf"
                        self._index((form.word, "sich", *words[1:]), pattern, form.tag, form.particle)
            for form in spec.get("forms", []):
                words = _words(form)
                tag = _spanish_tag(words[-1]) if lang == "es" and len(words) == 1 else ""
                self._index(words, pattern, tag)
            for noun in spec.get("nouns", []):
                words = _words(noun)
                for last in noun_variants(lang, words[-1]):
                    self._index((*words[:-1], last), nominal)
                if len(words) == 1 and len(words[0]) >= 5 and self.grammars[lang].flag("compounds"):
                    for head in (words[0], *(words[0] + e for e in ("e", "en", "n", "s"))):
                        self._heads.setdefault(lang, {}).setdefault(head, []).append(Entry((), nominal))

    def _index(self, words: tuple[str, ...], pattern: Pattern, tag: str = "", particle: str | None = None) -> None:
        if words:
            entry = Entry(words[1:], pattern, tag, particle)
            self.index.setdefault(words[0], []).append(entry)
            self._by_lang.setdefault(pattern.lang, {}).setdefault(words[0], []).append(entry)

    def find(self, tokens: list[Token], lang: str | None = None) -> list[TriggerMatch]:
        """Every pattern (of `lang`, or of any language) that matches, most specific first where two
        cover the same words."""
        index = self.index if lang is None else self._by_lang.get(lang, {})
        grammar = self.grammars.get(lang or "", None) or grammar_for(lang)
        return find_triggers(tokens, index, self._objects, grammar, self._heads.get(lang or "", {}))

    def grammar(self, lang: str | None) -> Grammar:
        return self.grammars.get(lang or "", None) or grammar_for(lang)


def _words(phrase: str) -> tuple[str, ...]:
    """A phrase's words as the tokenizer cuts them ("prendre d'assaut" is prendre, d', assaut), folded;
    a German lemma with its separable prefix ("aus|weisen") stays one word."""
    return tuple(w for part in fold(phrase).split() for w in ((part,) if "|" in part else _norms(part)))


def _norms(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(text))


def _verb_forms(lang: str, lemma: str, irregular: dict[str, tuple[str, ...]]) -> list[Form]:
    if lang == "en":
        return [Form(w) for w in sorted(english_forms(lemma, irregular))]
    if lang == "de":
        return german_forms(lemma)
    if lang == "fr":
        return french_forms(lemma)
    if lang == "pt":
        return portuguese_forms(lemma)
    # the short participles of es_verbs.tsv ("roto", "suscrito") are a passive's too
    short = spanish_changes(lemma.removesuffix("se") if lemma.endswith(("arse", "erse", "irse")) else lemma)[1]
    return [
        Form(w, "inf" if w == lemma else "part" if w in short else _spanish_tag(w))
        for w in sorted(spanish_forms(lemma))
    ]


_ES_PARTICIPLE = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "ierto", "ierta", "iertos", "iertas",
                  "uesto", "uesta", "uestos", "uestas", "echo", "echa", "icho", "icha", "uerto", "uerta", "uertos")


def _spanish_tag(word: str) -> str:
    """Spanish forms carry no tags but the participle's ("expulsado", "abierta", "impuesto"): a passive's."""
    return "part" if word.endswith(_ES_PARTICIPLE) else ""


def noun_variants(lang: str, word: str) -> tuple[str, ...]:
    """A noun and its plural (and German case) forms: "sanction" -> "sanctions", "Angriff" ->
    "Angriffe", "Angriffen", "Angriffs"."""
    if lang == "de":
        return (word, *(word + e for e in ("e", "en", "n", "s", "es") if len(word) >= 4))
    if word.endswith(("s", "x", "z")):
        return (word,)
    if lang == "pt" and word.endswith("ao"):  # negociação -> negociações (folded)
        return (word, word[:-2] + "oes")
    if lang == "fr" and word.endswith("al"):
        return (word, word + "s", word[:-1] + "ux")
    return (word, word + "s")


class PatternsByLanguage:
    """The patterns of several languages, each language's compiled (or read from the compiled-tables
    cache) when a sentence in it is first coded: a run over English news never reads the other four
    languages' tables, a third of a one-sentence run's start-up. `find(tokens, None)` (a sentence
    whose language nobody can tell) loads them all, as one set."""

    def __init__(
        self, resources: Resources, languages: tuple[str, ...], extra_files: tuple[Path, ...] = ()
    ) -> None:
        self.languages = languages
        self._resources = resources
        known = grammar_languages()
        self._extra = {
            lang: tuple(p for p in extra_files if (p.parent.name if p.parent.name in known else "en") == lang)
            for lang in languages
        }
        self._all_extra = extra_files
        self._sets: dict[str | None, PatternSet] = {}

    def _set(self, lang: str | None) -> PatternSet:
        """`lang`'s patterns; None (or a language not loaded): every loaded language's, as one set."""
        found = self._sets.get(lang)
        if found is None:
            langs = (lang,) if lang is not None else self.languages
            extra = self._extra[lang] if lang is not None else self._all_extra
            found = self._resources.compiled(
                "patterns", lambda: PatternSet(self._resources, langs, extra_files=extra), PatternSet,
                str(len(langs)), *langs, *file_parts(extra), bundled_only=True,
            )
            self._sets[lang] = found
        return found

    def find(self, tokens: list[Token], lang: str | None = None) -> list[TriggerMatch]:
        known = lang if lang in self.languages else None
        return self._set(known).find(tokens, known)

    def grammar(self, lang: str | None) -> Grammar:
        return grammar_for(lang)
