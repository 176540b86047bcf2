"""German, French and Portuguese verb forms (dyad/coding/inflect_de.py, inflect_fr.py)."""

from __future__ import annotations

from dyad.coding.inflect_de import german_forms
from dyad.coding.inflect_fr import french_forms, portuguese_forms


def _forms(forms) -> set[tuple[str, str, str | None]]:
    return {(f.word, f.tag, f.particle) for f in forms}


def test_a_german_separable_verb_splits_in_main_clauses_and_joins_elsewhere():
    forms = _forms(german_forms("aus|weisen"))
    assert ("weist", "", "aus") in forms and ("wies", "", "aus") in forms  # "weist ... aus", "wies ... aus"
    assert ("ausweist", "", None) in forms  # "..., dass Russland ... ausweist"
    assert ("ausgewiesen", "part", None) in forms and ("auszuweisen", "inf", None) in forms


def test_german_weak_strong_and_prefixed_verbs():
    assert ("verurteilt", "part", None) in _forms(german_forms("verurteilen"))  # inseparable: no ge-
    assert ("kritisiert", "part", None) in _forms(german_forms("kritisieren"))  # -ieren: no ge-
    assert ("unterzeichnet", "part", None) in _forms(german_forms("unterzeichnen"))  # an e before -t
    verboten = _forms(german_forms("verbieten"))  # like "bieten"
    assert ("verbot", "", None) in verboten and ("verboten", "part", None) in verboten
    assert ("schliesst", "", None) in _forms(german_forms("schließen"))  # Swiss spelling


def test_french_groups_families_and_tags():
    expulser = _forms(french_forms("expulser"))
    assert {("expulsa", "", None), ("expulsera", "fut", None), ("expulserait", "cond", None)} <= expulser
    assert ("expulse", "part", None) in expulser  # "a été expulsé"
    assert ("etablit", "", None) in _forms(french_forms("établir"))
    assert ("rompu", "part", None) in _forms(french_forms("rompre"))
    assert ("soumis", "part", None) in _forms(french_forms("soumettre"))  # like "mettre"
    assert ("recu", "part", None) in _forms(french_forms("recevoir"))
    assert ("installe", "", None) not in _forms(french_forms("aller"))  # "=aller" is that verb only
    assert ("entretenu", "part", None) in _forms(french_forms("s'entretenir"))


def test_portuguese_regular_irregular_and_short_participles():
    expulsar = _forms(portuguese_forms("expulsar"))
    assert {("expulsou", "", None), ("expulsaram", "", None), ("expulso", "part", None)} <= expulsar
    assert ("impos", "", None) in _forms(portuguese_forms("impor"))  # "impôs", like "pôr"
    assert ("detido", "part", None) in _forms(portuguese_forms("deter"))
    assert ("bombardeia", "", None) in _forms(portuguese_forms("bombardear"))
    assert ("reuniu-se", "", None) in _forms(portuguese_forms("reunir-se"))
    assert ("manda", "", None) in _forms(portuguese_forms("mandar"))  # "=dar" does not catch "mandar"
