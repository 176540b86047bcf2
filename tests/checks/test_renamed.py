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
