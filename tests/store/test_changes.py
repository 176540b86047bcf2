"""Changes the store records: missions opened and closed, relations severed and restored, Goldstein
breaks (SQLite and PostgreSQL), and the break test on constructed data."""

from __future__ import annotations

import pytest

from dyad.doc import Document, Event, Location, Mention, Trigger
from dyad.missions import read_missions
from dyad.store import Store
from dyad.store.breaks import BreakSettings, MonthStats, find_breaks, goldstein_break, shift_month
from dyad.store.changes import mission_change, relations_change, relations_state

LA_PAZ = Location("La Paz", "BOL", -16.5, -68.15)
# Iceland keeps no mission in Bolivia, nor Bolivia in Iceland, in the reference data: the news
# below makes and unmakes the only one.


def actor(code: str) -> Mention:
    return Mention(0, 0, len(code), code, code, code[:3], code[3:] or None, code)


def event(source: str, target: str, cameo: str, text: str, trigger: str, date: str, *, goldstein: float = 6.0,
          quad: int = 1, location: Location | None = None) -> Event:
    at = text.index(trigger)
    return Event(doc_id="x", sentence=0, sentence_text=text, source=actor(source), target=actor(target),
                 cameo=cameo, root=cameo[:2], plover=None, quad=quad, penta=1, goldstein=goldstein,
                 mode="factual", confidence=0.9, date=date, location=location,
                 trigger=Trigger(trigger, at, at + len(trigger)))


def article(url: str, text: str, events: list[Event]) -> Document:
    """A processed article: the given events, and what the missions stage reads in its sentence."""
    date = events[0].date if events else None
    read = read_missions(text, date=date, lang="en")
    return Document(id=url, text=text, url=url, date=date, lang="en", events=events,
                    missions=read.missions, relations=read.relations)


def mission_article(url: str, verb: str, cameo: str, date: str) -> Document:
    text = f"Iceland {verb} its embassy in La Paz."  # sentences written for this test
    conflict = cameo.startswith("16")
    return article(url, text, [event("ISL", "BOL", cameo, text, verb, date, location=LA_PAZ,
                                     goldstein=-4.0 if conflict else 6.0, quad=4 if conflict else 1)])


def kinds(found: list[dict]) -> list[str]:
    return sorted(c["kind"] for c in found)


def test_a_mission_opens_closes_and_reopens(store_url: str) -> None:
    with Store(store_url) as store:
        opened = store.add_document(mission_article("https://n.example.org/1", "opened", "054", "2016-01-10"))
        assert kinds(list(opened.changes)) == ["mission opened"]
        (change,) = opened.changes
        assert change["countries"] == ["ISL", "BOL"] and change["day"] == "2016-01-10"
        assert change["summary"] == "Iceland (ISL) opened its embassy in La Paz, Bolivia (BOL)"
        assert change["sources"] == [{"doc_id": "https://n.example.org/1", "url": "https://n.example.org/1",
                                      "sentence": 0}]
        # another article saying the same: nothing moved
        again = store.add_document(mission_article("https://m.example.org/9", "opened", "054", "2016-01-11"))
        assert again.changes == ()
        closed = store.add_document(mission_article("https://n.example.org/2", "closed", "161", "2016-05-10"))
        assert kinds(list(closed.changes)) == ["mission closed", "relations severed"]
        reopened = store.add_document(mission_article("https://n.example.org/3", "reopened", "054", "2017-02-01"))
        assert kinds(list(reopened.changes)) == ["mission opened", "relations restored"]
        listed = store.changes()
        assert [c["day"] for c in listed] == ["2017-02-01", "2017-02-01", "2016-05-10", "2016-05-10", "2016-01-10"]
        assert [c["kind"] for c in store.changes(since="2016-02-01", kind="relations severed")] == [
            "relations severed"]
        assert len(store.changes(country="isl")) == 5 and store.changes(country="VEN") == []
        assert store.changes(until="2016-01-31")[0]["kind"] == "mission opened"


def test_a_correction_that_withdraws_a_closure_is_not_news(store_url: str) -> None:
    with Store(store_url) as store:
        store.add_document(mission_article("https://n.example.org/1", "opened", "054", "2016-01-10"))
        store.add_document(mission_article("https://n.example.org/2", "closed", "161", "2016-05-10"))
        text = "Iceland's embassy in La Paz held a reception."  # the corrected article reports no change
        corrected = store.add_document(article("https://n.example.org/2", text, []))
        assert corrected.status == "updated" and corrected.changes == ()
        (mission,) = store.missions(sender="ISL", host="BOL")
        assert mission["status"] == "opened"  # the closure is gone, and no "opened" was recorded for it
        assert kinds(store.changes()) == ["mission closed", "mission opened", "relations severed"]


def month_events(dyad: tuple[str, str], month: str, scores: list[float], first: int = 0) -> Document:
    """One article per month with an event per score, each of its own code (so none merge)."""
    codes = ["010", "020", "030", "036", "040", "042", "043", "046", "051", "057", "061", "071", "111", "112"]
    text = "Generated for the break test."
    events = [event(dyad[i % 2], dyad[(i + 1) % 2], codes[i], text, "break", f"{month}-{1 + 2 * i:02d}",
                    goldstein=score) for i, score in enumerate(scores)]
    return article(f"https://g.example.org/{dyad[0]}{dyad[1]}/{month}/{first}", text, events)


@pytest.mark.parametrize(("last", "expect"), [([-5.0] * 10, "conflict"), ([3.0, 4.0] * 5, None),
                                               ([-5.0] * 9, None)])
def test_goldstein_break_is_recorded_as_ingest_stores(store_url: str, last: list[float], expect: str | None) -> None:
    months = [f"2015-{m:02d}" for m in range(1, 13)]
    with Store(store_url) as store:
        touched = set()
        for month in months:
            result = store.add_document(month_events(("FRA", "DEU"), month, [3.0, 4.0, 3.0, 4.0, 3.5]))
            touched |= result.months
        assert store.record_breaks(touched) == []  # a steady year breaks nowhere (too little before it)
        result = store.add_document(month_events(("FRA", "DEU"), "2016-01", last))
        assert result.months == {("DEU", "FRA", "2016-01")}
        found = store.record_breaks(result.months)
        if expect is None:
            assert found == [] and store.changes(kind="goldstein break") == []
            return
        (change,) = found
        figures = change["details"]["goldstein"]
        assert (change["kind"], change["countries"], change["day"]) == ("goldstein break", ["DEU", "FRA"],
                                                                        "2016-01-01")
        assert (figures["towards"], figures["events"], figures["baseline_events"], figures["baseline_months"]) == (
            expect, 10, 60, 12)
        assert figures["mean"] == -5.0 and figures["baseline_mean"] == 3.5
        assert store.record_breaks(result.months) == []  # recorded once
        assert store.changes(country="FRA")[0]["id"] == change["id"]


SETTINGS = BreakSettings()


def stats(scores: list[float]) -> MonthStats:
    return MonthStats(len(scores), sum(scores), sum(x * x for x in scores))


def test_break_test_on_constructed_months() -> None:
    steady = [stats([2.0, 3.0, 4.0]) for _ in range(12)]  # 36 events, mean 3, variance 0.69 (floored to 1)
    # t = (m - 3) / sqrt(1/10 + 1/36) = (m - 3) / 0.3574: a break from |m - 3| >= 1.073
    assert goldstein_break(stats([4.0] * 10), steady, SETTINGS) is None  # t = 2.80
    up = goldstein_break(stats([4.1] * 10), steady, SETTINGS)  # t = 3.08
    assert up is not None and up["towards"] == "cooperation" and up["t"] == 3.08
    down = goldstein_break(stats([-7.0, -9.0] * 5), steady, SETTINGS)
    assert down is not None and down["towards"] == "conflict" and down["baseline_events"] == 36


def test_no_alarm_without_enough_events_or_months() -> None:
    steady = [stats([2.0, 3.0, 4.0]) for _ in range(12)]
    assert goldstein_break(stats([-9.0] * 9), steady, SETTINGS) is None  # 9 events in the month
    thin = [stats([3.0] * 15), stats([3.0] * 15)]  # 30 events, but in 2 months
    assert goldstein_break(stats([-9.0] * 10), thin, SETTINGS) is None
    few = [stats([3.0, 3.0]) for _ in range(12)]  # 24 events before it
    assert goldstein_break(stats([-9.0] * 10), few, SETTINGS) is None
    # a noisy month whose mean moved a little: no alarm
    noisy = goldstein_break(stats([-8.0, 10.0] * 5), steady, SETTINGS)
    assert noisy is None


def test_find_breaks_reads_the_twelve_months_before() -> None:
    by_month = {f"2015-{m:02d}": stats([3.0, 3.0, 3.0]) for m in range(1, 13)}
    by_month["2016-01"] = stats([-6.0] * 10)
    by_month["2014-12"] = stats([-6.0] * 50)  # 13 months before: outside the baseline
    assert list(find_breaks(by_month, ["2016-01"], SETTINGS)) == ["2016-01"]
    assert shift_month("2016-01", -12) == "2015-01" and shift_month("2015-12", 1) == "2016-01"


@pytest.mark.parametrize(("before", "after", "said", "kind"), [
    (None, "opened", "opened", "mission opened"),
    ("planned", "opened", "opened", "mission opened"),
    ("closed", "relocated", "relocated", "mission opened"),
    ("open", "opened", "opened", None),  # the reference data had it open already
    ("opened", "closed", "closed", "mission closed"),
    ("open", "suspended", "suspended", "mission closed"),
    ("closed", "suspended", "suspended", None),
    ("closed", "opened", None, None),  # not what the article said (a correction withdrew a closure)
])
def test_mission_change(before: str | None, after: str, said: str | None, kind: str | None) -> None:
    assert mission_change(before, after, said) == kind


def test_relations_state_and_change() -> None:
    assert relations_state([]) == "none"
    assert relations_state(["open", "closed"]) == "operating"
    assert relations_state(["closed", "suspended"]) == "severed"
    assert relations_state(["opened", "relations severed"]) == "severed"
    assert relations_change("operating", "severed") == "relations severed"
    assert relations_change("none", "severed") == "relations severed"
    assert relations_change("severed", "operating") == "relations restored"
    assert relations_change("none", "operating") is None
