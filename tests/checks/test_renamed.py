"""Renamed countries: an old name after the change is an info note with the new name."""

from __future__ import annotations

import pytest


def _renamed(doc):
    return [(f.text, f.suggest, f.severity) for f in doc.findings if f.kind == "stale-name"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Macedonia's prime minister Zoran Zaev said in Skopje that talks would resume.",
            "en",
            ("Macedonia", "North Macedonia", "info"),
        ),
        (
            "El primer ministro de Macedonia, Zoran Zaev, dijo en Skopie que las conversaciones seguirán.",
            "es",
            ("Macedonia", "Macedonia del Norte", "info"),
        ),
        (
            "King Mswati III of Swaziland opened the new session of parliament.",
            "en",
            ("Swaziland", "Eswatini", "info"),
        ),
        (
            "El rey Mswati III de Suazilandia inauguró la nueva sesión del parlamento.",
            "es",
            ("Suazilandia", "Esuatini", "info"),
        ),
    ],
)
def test_old_name_after_the_change(run, text: str, lang: str, expected: tuple) -> None:
    assert _renamed(run(text, "2020-03-01", lang=lang)) == [expected]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Macedonia's prime minister Zoran Zaev said in Skopje that talks would resume.", "2017-03-01"),
        ("North Macedonia's prime minister Zoran Zaev said in Skopje that talks would resume.", "2020-03-01"),
        ("Farmers in Macedonia blocked roads near Thessaloniki and Kavala.", "2020-03-01"),
        ("In 1994, Zaire took in a million refugees from Rwanda.", "2020-03-01"),
    ],
)
def test_before_the_change_or_another_place(run, text: str, date: str) -> None:
    assert _renamed(run(text, date)) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Eswatini, which was known as Swaziland until the king changed its name, still bans parties.", "en"),
        ("Unions marched in Mbabane, capital of the kingdom previously called Swaziland, on Monday.", "en"),
        ("The king said Swaziland would take back its original name at the jubilee.", "en"),
        ("El rey anunció que Suazilandia pasará a llamarse Esuatini, su nombre en siSwati.", "es"),
        ("Los sindicatos de Esuatini, conocida como Suazilandia hasta hace dos años, convocaron una huelga.", "es"),
    ],
)
def test_a_sentence_about_the_name_is_not_a_slip(run, text: str, lang: str) -> None:
    assert _renamed(run(text, "2020-03-01", lang=lang)) == []


def test_the_new_name_elsewhere_does_not_excuse_the_old_one(run) -> None:
    doc = run(
        "Swaziland's king opened the new session of parliament on Friday.\n"
        "Eswatini's finance minister then presented the budget.",
        "2020-03-01",
        lang="en",
    )
    assert _renamed(doc) == [("Swaziland", "Eswatini", "info")]
