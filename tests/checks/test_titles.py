"""Stale titles: a leader named with an office not held on the document's date."""

from __future__ import annotations

import pytest


def _stale(doc):
    return [f for f in doc.findings if f.kind == "stale-title"]


@pytest.mark.parametrize(
    ("text", "shown", "suggest"),
    [
        (
            "President Obama met the Venezuelan foreign minister in Washington.",
            "President Obama",
            "former President Obama",
        ),
        (
            "El presidente Obama se reunió con el canciller venezolano en Washington.",
            "presidente Obama",
            "expresidente Obama",
        ),
    ],
)
def test_sitting_title_after_the_term(run, text: str, shown: str, suggest: str) -> None:
    (f,) = _stale(run(text, "2019-03-01"))
    assert (f.severity, f.text, f.says, f.suggest) == ("warning", shown, "USA", suggest)
    assert "2017-01-20" in f.message and "Donald Trump" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "Former President Obama met the Venezuelan foreign minister in Washington.",
        "El expresidente Obama se reunió con el canciller venezolano.",
        "El ex presidente Obama se reunió con el canciller venezolano.",
        "In 2012, President Obama met the Venezuelan foreign minister in Washington.",
        "Obama met the Venezuelan foreign minister in Washington.",
    ],
)
def test_former_dated_or_untitled_is_fine(run, text: str) -> None:
    assert _stale(run(text, "2019-03-01")) == []


def test_title_while_in_office(run) -> None:
    assert (
        _stale(run("President Obama met the Venezuelan foreign minister in Washington.", "2012-03-01")) == []
    )


def test_title_before_the_term(run) -> None:
    (f,) = _stale(run("President Trump met the Venezuelan foreign minister in Washington.", "2013-05-01"))
    assert f.severity == "warning" and "took office" in f.message


def test_no_date_no_check(run) -> None:
    assert _stale(run("President Obama met the Venezuelan foreign minister in Washington.")) == []


def test_spanish_title_with_demonym_keeps_it_in_the_suggestion(run) -> None:
    (f,) = _stale(run("El presidente estadounidense Barack Obama visitó Cuba.", "2019-03-01"))
    assert f.suggest == "expresidente estadounidense Barack Obama"


def test_the_successor_is_named_only_when_the_office_is_clear(run) -> None:
    (f,) = _stale(run("Chancellor Merkel met the French president in Berlin.", "2022-06-01"))
    assert "left office on 2021-12-08" in f.message
    assert "Baerbock" not in f.message  # the foreign minister took office the same day


def test_the_late_president(run) -> None:
    assert _stale(run("The late President Hugo Chávez was honoured in Caracas.", "2019-03-01")) == []



def test_an_office_below_the_leaders_is_not_judged_by_the_leaders_term(run) -> None:
    # the leader table dates Lapid's term as prime minister; as foreign minister he came earlier
    text = "Foreign Minister Yair Lapid met his Emirati counterpart in Abu Dhabi on Tuesday."
    assert _stale(run(text, "2021-06-29")) == []
    (f,) = _stale(run(text.replace("Foreign Minister", "Prime Minister"), "2021-06-29"))
    assert "took office on 2022-07-01" in f.message
