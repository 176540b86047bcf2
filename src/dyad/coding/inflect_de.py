"""German verb forms from a pattern's lemma, for the trigger index.

A lemma marks a separable prefix with '|': "aus|weisen", "ein|bestellen", "zurück|rufen". Its forms:

* in a main clause the finite verb and its particle part: "Russland *weist* zwei Diplomaten *aus*"
  (`Form.particle` = "aus": the matcher looks for it at the end of the clause);
* in a subordinate clause they join: "..., dass Russland zwei Diplomaten *ausweist*";
* the participle and infinitives join too: "hat ... *ausgewiesen*", "wird ... *ausweisen*",
  "*auszuweisen*".

Weak verbs follow the rule (fordert, forderte, gefordert; kritisiert without ge-); strong and mixed
verbs take their base's forms from `data/lexicon/de_strong.tsv` ("verbieten" like "bieten": verbot,
verboten). An inseparable prefix (be-, er-, ver-, ...) or -ieren drops the participle's ge-.
Third person only, present, past and Konjunktiv I and II (reported speech: "Russland *weise* ... aus").
Every form with "ß" also comes spelt with "ss" (Swiss spelling).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from dyad.coding.inflect import Form, one_per_word
from dyad.data._load import read_tsv
from dyad.text.normalize import fold

_INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "hinter", "über", "unter", "wider")
_FILE = "lexicon/de_strong.tsv"


@dataclass(frozen=True, slots=True)
class Strong:
    present: str
    past: str
    past_plural: str
    participle: str
    subjunctive: str


@lru_cache(maxsize=1)
def strong_verbs() -> dict[str, Strong]:
    rows = read_tsv(_FILE, ("base", "present", "past", "past_plural", "participle"))
    return {
        fold(r["base"]): Strong(
            fold(r["present"]), fold(r["past"]), fold(r["past_plural"]), fold(r["participle"]),
            fold(r.get("subjunctive", "")),
        )
        for r in rows
    }


def german_forms(lemma: str, strong: Mapping[str, Strong] | None = None) -> list[Form]:
    """Folded forms of a German verb lemma ("aus|weisen", "verurteilen", "sich einigen")."""
    table = strong_verbs() if strong is None else strong
    lemma = fold(lemma.strip())
    if lemma.startswith("sich "):
        lemma = lemma[5:]
    particle, _, base = lemma.rpartition("|")
    finite, participle = _base_forms(base, table)
    out: list[Form] = []
    if particle:
        out += [Form(particle + f) for f in finite]  # subordinate clause: "..., dass X ausweist"
        out += [Form(f, particle=particle) for f in finite]  # main clause: "X weist ... aus"
        out += [Form(particle + participle, "part"), Form(particle + base, "inf"), Form(particle + "zu" + base, "inf")]
    else:
        out += [Form(f) for f in finite]
        out += [Form(participle, "part"), Form(base, "inf")]
    return _with_ss(one_per_word(out))


def _base_forms(base: str, table: Mapping[str, Strong]) -> tuple[list[str], str]:
    """The finite forms (third person, present, past, subjunctive) and the participle of `base`."""
    family = max((k for k in table if base.endswith(k)), key=len, default=None)
    inseparable = base.startswith(_INSEPARABLE)
    if family is not None:
        prefix = base[: -len(family)]
        s = table[family]
        participle = s.participle
        if prefix and participle.startswith("ge") and (prefix.startswith(_INSEPARABLE) or inseparable):
            participle = participle[2:]  # verbieten -> verboten, beschließen -> beschlossen
        stem = family[:-2] if family.endswith("en") else family[:-1]
        finite = [s.present, family, s.past, s.past_plural, stem + "e", stem + "en"]
        if s.subjunctive:
            finite.append(s.subjunctive)
        return [prefix + f for f in finite], prefix + participle
    stem = base[:-2] if base.endswith("en") else base[:-1]  # fordern -> forder, verurteilen -> verurteil
    e = "e" if _needs_e(stem) else ""
    finite = [stem + e + "t", base, stem + e + "te", stem + e + "ten", stem + "e"]
    if inseparable or base.endswith("ieren"):
        participle = stem + e + "t"
    else:
        participle = "ge" + stem + e + "t"
    return finite, participle


def _needs_e(stem: str) -> bool:
    """ "unterzeichnet", "eröffnet", "richtet": an e before -t after t, d, or a consonant + m/n."""
    if stem.endswith(("t", "d")):
        return True
    if len(stem) < 3 or stem[-1] not in "mn" or stem[-2] in "aeiouyaolrmn":
        return False
    return not (stem[-2] == "h" and stem[-3] in "aeiouy")  # "lehnt", but "zeichnet"


def _with_ss(forms: list[Form]) -> list[Form]:
    out = list(forms)
    out += [Form(f.word.replace("ß", "ss"), f.tag, f.particle) for f in out if "ß" in f.word]
    return out
