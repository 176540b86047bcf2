"""French and Portuguese verb forms from a pattern's lemma, for the trigger index.

French: the three regular groups (-er: expulse, expulsa, expulsé; -ir: établit, établissent, établi;
-re: rend, rendu) and the families of `data/lexicon/fr_verbs.tsv` ("soumettre" like "mettre"). A
reflexive lemma ("se réunir", "s'entretenir") gives the verb's own forms: the pronoun is a word of
its own before them ("s'est entretenu", "se sont réunis").

Portuguese: -ar, -er, -ir (expulsou, expulsaram, expulsado; rompeu, rompido; proibiu), -ear verbs
(bombardeia), the families of `data/lexicon/pt_verbs.tsv` ("impor" like "pôr": impôs, imposto), and
short participles that take over in the passive ("foi expulso", "foi preso", "foi morto"), listed in
the same file. A reflexive lemma ("reunir-se") also gives the enclitic forms ("reuniu-se").

Third person only, in the tenses news uses; forms are folded (no accents). The future and the
conditional carry a tag ("fut", "cond") that the mode detector reads; participles ("part") tell a
passive from an active verb ("a été expulsé", "foi expulso").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyad.coding.inflect import Form, one_per_word
from dyad.data._load import read_tsv
from dyad.text.normalize import fold

_COLUMNS = ("finite", "participle", "future", "conditional")


@dataclass(frozen=True, slots=True)
class Family:
    finite: tuple[str, ...]
    participle: tuple[str, ...]
    future: tuple[str, ...]
    conditional: tuple[str, ...]


@lru_cache(maxsize=2)
def families(lang: str) -> dict[str, Family]:
    """The irregular families of `lang` ("fr" or "pt") by their folded ending ("=dar": that verb only)."""
    rows = read_tsv(f"lexicon/{lang}_verbs.tsv", ("ending",))
    return {
        fold(r["ending"]): Family(*(tuple(fold(w) for w in r.get(c, "").split("|") if w) for c in _COLUMNS))
        for r in rows
    }


def _ending(lemma: str, table: dict[str, Family]) -> str | None:
    if "=" + lemma in table:
        return "=" + lemma
    return max((k for k in table if not k.startswith("=") and lemma.endswith(k)), key=len, default=None)


def _family_forms(lemma: str, table: dict[str, Family]) -> list[Form] | None:
    ending = _ending(lemma, table)
    if ending is None:
        return None
    prefix, fam = lemma[: len(lemma) - len(ending.lstrip("="))], table[ending]
    prefix, fam = lemma[: -len(ending)], table[ending]
    out = [Form(prefix + w) for w in fam.finite]
    out += [Form(prefix + w, "part") for w in fam.participle]
    out += [Form(prefix + w, "fut") for w in fam.future]
    out += [Form(prefix + w, "cond") for w in fam.conditional]
    return out + [Form(lemma, "inf")]


def french_forms(lemma: str) -> list[Form]:
    lemma = fold(lemma.strip())
    for pronoun in ("se ", "s'"):
        if lemma.startswith(pronoun):
            lemma = lemma[len(pronoun) :]
    found = _family_forms(lemma, families("fr"))
    if found is not None:
        return one_per_word(found)
    stem, ending = lemma[:-2], lemma[-2:]
    if ending == "er":
        soft = stem + "e" if stem.endswith("g") else stem  # exigea, exigeait
        finite = [stem + "e", stem + "ent", soft + "a", stem + "erent", soft + "ait", soft + "aient", soft + "ant"]
        part = [stem + "e", stem + "ee", stem + "es", stem + "ees"]
        future, cond = [stem + "era", stem + "eront"], [stem + "erait", stem + "eraient"]
        if stem.endswith(("el", "et")):  # appelle, rejette
            double = stem + stem[-1]
            finite += [double + "e", double + "ent"]
            future += [double + "era", double + "eront"]
            cond += [double + "erait", double + "eraient"]
    elif ending == "ir":
        finite = [stem + "it", stem + "issent", stem + "irent", stem + "issait", stem + "issaient", stem + "isse",
                  stem + "issant"]
        part = [stem + "i", stem + "ie", stem + "is", stem + "ies"]
        future, cond = [stem + "ira", stem + "iront"], [stem + "irait", stem + "iraient"]
    elif ending == "re":
        finite = [stem, stem + "ent", stem + "it", stem + "irent", stem + "ait", stem + "aient", stem + "e",
                  stem + "ant"]
        part = [stem + "u", stem + "ue", stem + "us", stem + "ues"]
        future, cond = [stem + "ra", stem + "ront"], [stem + "rait", stem + "raient"]
    else:
        return [Form(lemma)]
    return one_per_word(
        [Form(w) for w in finite]
        + [Form(w, "part") for w in part]
        + [Form(w, "fut") for w in future]
        + [Form(w, "cond") for w in cond]
        + [Form(lemma, "inf")]
    )


_PT_ENDINGS = {
    "ar": ("a", "am", "ou", "aram", "ava", "avam", "e", "em", "asse", "assem", "ando", "amos", "arem"),
    "er": ("e", "em", "eu", "eram", "ia", "iam", "a", "am", "esse", "essem", "endo", "emos", "erem"),
    "ir": ("e", "em", "iu", "iram", "ia", "iam", "a", "am", "isse", "issem", "indo", "imos", "irem"),
}
_PT_PARTICIPLE = {"ar": "ad", "er": "id", "ir": "id"}


def portuguese_forms(lemma: str) -> list[Form]:
    lemma = fold(lemma.strip())
    reflexive = lemma.endswith("-se")
    if reflexive:
        lemma = lemma[:-3]
    table = families("pt")
    found = _family_forms(lemma, table)
    if found is None or not _irregular_family(lemma, table):
        found = _regular_pt(lemma) + (found or [])
    if reflexive:
        # the pronoun after the verb ("reuniu-se", "vai reunir-se") and inside the future and the conditional
        # ("reunir-se-á", "reunir-se-iam")
        found += [Form(f.word + "-se", f.tag) for f in found if f.tag in ("", "fut", "cond", "inf")]
        found += [Form(f"{lemma}-se-{end}", tag) for end, tag in _PT_MESOCLITIC]
    return one_per_word(found)


# The future's and the conditional's endings after an enclosed pronoun, folded: "-á", "-ão", "-ia", "-iam".
_PT_MESOCLITIC = (("a", "fut"), ("ao", "fut"), ("ia", "cond"), ("iam", "cond"))


def _irregular_family(lemma: str, table: dict[str, Family]) -> bool:
    """A family row with finite forms replaces the regular rule; one with a participle only adds to it."""
    ending = _ending(lemma, table)
    return ending is not None and bool(table[ending].finite)


def _regular_pt(lemma: str) -> list[Form]:
    stem, ending = lemma[:-2], lemma[-2:]
    if ending not in _PT_ENDINGS:
        return [Form(lemma)]
    finite = [stem + e for e in _PT_ENDINGS[ending]]
    if lemma.endswith("ear"):  # bombardear: bombardeia, bombardeiam, bombardeie
        finite += [stem + "ia", stem + "iam", stem + "ie", stem + "iem"]
    if ending == "ar" and stem.endswith(("c", "g")):  # atacar -> ataque, negar -> negue
        hard = stem[:-1] + ("qu" if stem.endswith("c") else "gu")
        finite += [hard + "e", hard + "em"]
    part = [stem + _PT_PARTICIPLE[ending] + e for e in ("o", "a", "os", "as")]
    future = [lemma + "a", lemma + "ao"]  # expulsará, expulsarão (folded)
    cond = [lemma + "ia", lemma + "iam"]
    return (
        [Form(w) for w in finite]
        + [Form(w, "part") for w in part]
        + [Form(w, "fut") for w in future]
        + [Form(w, "cond") for w in cond]
        + [Form(lemma, "inf")]
    )
