"""Acronyms in all-capitals headlines (dyad/actors/headlines.py). Sentences written for dyad."""

from __future__ import annotations

import pytest

from dyad.doc import Document
from dyad.engine import process_document


def _mentions(text: str, lang: str) -> list[tuple[str, str]]:
    doc = process_document(Document(id="h", text=text, lang=lang, date="2024-05-05"), fast=True)
    return [(m.text, m.code) for m in doc.mentions]


@pytest.mark.parametrize(
    ("lang", "text", "kept"),
    [
        ("es", "UN BUQUE DE GUERRA RUSO ATRACA EN EL PUERTO DE LA HABANA", {"RUS", "CUB"}),
        ("fr", "UN NAVIRE DE GUERRE RUSSE ACCOSTE À DAKAR", {"RUS", "SEN"}),
        ("pt", "EU NÃO VOU RECUAR, DIZ O PRESIDENTE DA ARGENTINA AO CHILE", {"ARGGOV", "CHL"}),
    ],
)
def test_a_common_word_in_a_capitals_headline_is_no_acronym(lang: str, text: str, kept: set[str]) -> None:
    found = _mentions(text, lang)
    assert {code for _, code in found} >= kept
    assert all(surface not in ("UN", "EU") for surface, _ in found), found


@pytest.mark.parametrize(
    ("lang", "text", "acronym", "code"),
    [
        ("es", "Según la agencia de la UN para los refugiados, miles de sirios cruzaron a Jordania.", "UN", "IGOUNO"),
        ("de", "UN VERURTEILEN ANGRIFF AUF SCHULE IN DER UKRAINE", "UN", "IGOUNO"),
        ("en", "UN CONDEMNS ATTACK ON SCHOOL IN UKRAINE", "UN", "IGOUNO"),
        ("es", "LA ONU PIDE UN ALTO EL FUEGO EN GAZA", "ONU", "IGOUNO"),
    ],
)
def test_the_acronym_stays_in_ordinary_text_in_other_languages_and_unlike_words(
    lang: str, text: str, acronym: str, code: str
) -> None:
    assert (acronym, code) in _mentions(text, lang)
