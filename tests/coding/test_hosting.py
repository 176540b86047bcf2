"""A meeting verb whose subject is a role no country was found for ("The Chancellor hosted ..."): the
first actor after it is the guest, and the place the meeting is at names the host. Sentences written
for these tests."""

from __future__ import annotations

import pytest

import dyad


def top(text: str, fast: bool) -> tuple[str, str, str]:
    events = dyad.code_text(text, date="2022-09-14", lang="en", fast=fast)
    assert events, f"no event for: {text}"
    e = max(events, key=lambda e: e.confidence)
    return e.source.code, e.root, e.target.code


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    ("text", "host", "guest"),
    [
        ("The President welcomed Kenyan President William Ruto to the Elysee Palace on Tuesday.", "FRAGOV", "KENGOV"),
        ("The Chancellor hosted Spanish Prime Minister Pedro Sanchez at the Chancellery in Berlin.", "DEU", "ESPGOV"),
    ],
)
def test_an_unnamed_host_receives_its_guest_at_home(text, host, guest, fast):
    assert top(text, fast) == (host, "04", guest)


@pytest.mark.parametrize("fast", [True, False])
def test_a_guest_named_first_still_visits(fast):
    # must not: an actor before the verb is its subject, whatever place follows
    text = "Kenyan President William Ruto visited the Elysee Palace on Tuesday."
    assert top(text, fast) == ("KENGOV", "04", "FRAGOV")


def test_troops_sent_to_a_country_are_not_received_there():
    # must not: only meetings are hosted; a country after "to" is where troops go
    text = "The minister sent Turkish troops to Libya on Friday."
    assert top(text, True) == ("TURMIL", "15", "LBY")
