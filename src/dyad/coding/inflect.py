"""Verb forms from lemmas, so pattern files list "open" and match "opens/opened/opening".

English: regular inflection plus an irregular table (data/lexicon/en_irregular.tsv).
Spanish: regular -ar/-er/-ir conjugation in the persons and tenses news uses (third person;
present, preterite, imperfect, future, conditional, subjunctive; infinitive, gerund, participle), the
irregular families below ("imponer" like "poner") and the stem changes and short participles of
`data/lexicon/es_verbs.tsv` (advierte, pidió, atribuye, roto); other irregular forms are listed in the
pattern files themselves.
German (dyad/coding/inflect_de.py), French and Portuguese (inflect_fr.py) give `Form`s: a word with
what kind of form it is (participle, infinitive, future, conditional) and, for German, the particle
a split verb needs ("weist ... aus").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from dyad.data._load import read_tsv
from dyad.text.normalize import fold

_VOWELS = "aeiou"


@dataclass(frozen=True, slots=True)
class Form:
    """One written form of a verb: its folded word, what kind of form it is, and the particle a
    split form needs later in its clause ("weist ... aus")."""

    word: str
    tag: str = ""  # "" finite | "part" participle | "inf" infinitive | "fut" future | "cond" conditional
    particle: str | None = None


_TAG_RANK = {"part": 0, "inf": 1, "fut": 2, "cond": 3, "": 4}


def one_per_word(forms: list[Form]) -> list[Form]:
    """One form per (word, particle): "einbestellt" is read as the participle ("hat ... einbestellt"),
    "ausweisen" as the infinitive ("wird ... ausweisen")."""
    best: dict[tuple[str, str | None], Form] = {}
    for f in forms:
        key = (f.word, f.particle)
        if key not in best or _TAG_RANK[f.tag] < _TAG_RANK[best[key].tag]:
            best[key] = f
    return list(best.values())


def english_forms(lemma: str, irregular: Mapping[str, tuple[str, ...]]) -> set[str]:
    forms = {lemma}
    if lemma in irregular:
        forms.update(irregular[lemma])
    if lemma.endswith("e"):
        forms.update({lemma + "s", lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"})
    elif lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.update({lemma + "es", lemma + "ed", lemma + "ing"})
    else:
        forms.update({lemma + "s", lemma + "ed", lemma + "ing"})
        if (
            len(lemma) >= 3
            and lemma[-1] not in _VOWELS + "wxy"
            and lemma[-2] in _VOWELS
            and lemma[-3] not in _VOWELS
        ):
            # ban -> banned, commit -> committed; over-generating "openned" is harmless.
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return forms


_SPANISH_ENDINGS = {
    "ar": (
        "a",
        "an",
        "o",
        "aron",
        "aba",
        "aban",
        "ara",
        "aran",
        "ando",
        "ado",
        "ada",
        "ados",
        "adas",
        "e",
        "en",
        "ar",
        "ara",
        "aran",
        "aria",
        "arian",
        "ase",
        "asen",
        "amos",
        "aremos",
    ),
    "er": (
        "e",
        "en",
        "io",
        "ieron",
        "ia",
        "ian",
        "era",
        "eran",
        "iendo",
        "ido",
        "ida",
        "idos",
        "idas",
        "a",
        "an",
        "er",
        "era",
        "eran",
        "eria",
        "erian",
        "iera",
        "ieran",
        "emos",
        "eremos",
    ),
    "ir": (
        "e",
        "en",
        "io",
        "ieron",
        "ia",
        "ian",
        "ira",
        "iran",
        "iendo",
        "ido",
        "ida",
        "idos",
        "idas",
        "a",
        "an",
        "ir",
        "ira",
        "iran",
        "iria",
        "irian",
        "iera",
        "ieran",
        "imos",
        "iremos",
    ),
}


# Irregular families by their last letters: a compound conjugates like its root ("imponer" like
# "poner": impuso, impondrá; "detener" like "tener": detuvo). Folded forms, third person mostly.
_SPANISH_IRREGULAR: dict[str, tuple[str, ...]] = {
    "poner": ("pone", "ponen", "puso", "pusieron", "pondra", "pondran", "pondria", "pondrian", "puesto",
              "puesta", "puestos", "puestas", "ponga", "pongan", "pusiera", "pusieran", "poniendo", "poner"),
    "tener": ("tiene", "tienen", "tuvo", "tuvieron", "tendra", "tendran", "tendria", "tendrian", "tenido",
              "tenida", "tenidos", "tenidas", "tenga", "tengan", "tuviera", "tuvieran", "teniendo", "tener"),
    "hacer": ("hace", "hacen", "hizo", "hicieron", "hara", "haran", "haria", "harian", "hecho", "hecha",
              "hechos", "hechas", "haga", "hagan", "hiciera", "hicieran", "haciendo", "hacer"),
    "decir": ("dice", "dicen", "dijo", "dijeron", "dira", "diran", "diria", "dirian", "dicho", "dicha",
              "diga", "digan", "dijera", "dijeran", "diciendo", "decir"),
    "traer": ("trae", "traen", "trajo", "trajeron", "traera", "traeran", "traido", "traida", "traiga",
              "traigan", "trajera", "trayendo", "traer"),
    "venir": ("viene", "vienen", "vino", "vinieron", "vendra", "vendran", "vendria", "venido", "venga",
              "vengan", "viniera", "viniendo", "venir"),
    "ducir": ("duce", "ducen", "dujo", "dujeron", "ducira", "duciran", "ducido", "ducida", "duzca",
              "duzcan", "dujera", "duciendo", "ducir"),
}


def spanish_forms(lemma: str) -> set[str]:
    """Folded (accent-free) forms of a Spanish verb; `lemma` may end in -se ("reunirse").

    Regular endings, plus the irregular families of `_SPANISH_IRREGULAR` ("impuso", "detuvo").
    """
    family = next((root for root in _SPANISH_IRREGULAR if lemma.endswith(root)), None)
    if family is not None:
        prefix = lemma[: -len(family)]
        return {prefix + form for form in _SPANISH_IRREGULAR[family]}
    reflexive = lemma.endswith("se") and lemma[:-2].endswith(("ar", "er", "ir"))
    base = lemma[:-2] if reflexive else lemma
    ending = base[-2:]
    if ending not in _SPANISH_ENDINGS:
        return {lemma}
    stem = base[:-2]
    forms = {stem + e for e in _SPANISH_ENDINGS[ending]}
    finite, participle = spanish_changes(base)
    forms |= finite | participle
    if reflexive:
        forms.add(lemma)
    # -car/-gar/-zar spell the preterite first person and subjunctive differently; third person is regular.
    return forms


@lru_cache(maxsize=1)
def _spanish_change_table() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    rows = read_tsv("lexicon/es_verbs.tsv", ("ending",))
    return {fold(r["ending"]): (_folded(r.get("finite", "")), _folded(r.get("participle", ""))) for r in rows}


def _folded(cell: str) -> frozenset[str]:
    return frozenset(fold(w) for w in cell.split("|") if w)


def spanish_changes(lemma: str) -> tuple[frozenset[str], frozenset[str]]:
    """The finite forms and participles of `lemma` (folded, no "se") that `data/lexicon/es_verbs.tsv` adds to
    the regular ones: "advertir" -> advierte, advirtió; "romper" -> roto. Empty sets for a regular verb."""
    table = _spanish_change_table()
    if "=" + lemma in table:
        ending = "=" + lemma
    else:
        ending = max((k for k in table if not k.startswith("=") and lemma.endswith(k)), key=len, default="")
    if not ending:
        return frozenset(), frozenset()
    prefix = lemma[: len(lemma) - len(ending.lstrip("="))]
    finite, participle = table[ending]
    return frozenset(prefix + w for w in finite), frozenset(prefix + w for w in participle)


def future_by_accent(word: str) -> bool:
    """Spanish and Portuguese third-person future (firmará, abrirán, assinará, abrirão), told by its
    accent, which folding would lose (Portuguese "assinara" without it is a pluperfect)."""
    low = word.lower()
    return len(low) > 4 and low.endswith(("rá", "rán", "rão"))
