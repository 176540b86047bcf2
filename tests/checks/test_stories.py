"""The stories of stories.toml (written for dyad): each flagged story draws the findings it lists, on
the right mention, and corrects that mention's actor; each clean story draws no warning or error.

A story may carry `limit` or `missed`: a known limitation (documented in docs/checks.md) that makes
it draw a warning it should not, or miss its confusion; that assertion is marked xfail, strictly,
so fixing the limitation shows up.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest
from benchmarks.bench_checks import RAISED, matches

STORIES = tomllib.loads((Path(__file__).parent / "stories.toml").read_text(encoding="utf-8"))["story"]
FLAGGED = [s for s in STORIES if s["expect"]]
CLEAN = [s for s in STORIES if not s["expect"]]


def _ids(stories: list[dict]) -> list[str]:
    return [f"{s['category']}:{s['id']}" for s in stories]


def test_the_stories_cover_every_category_flagged_and_clean_in_both_languages() -> None:
    assert len(STORIES) >= 80
    assert len(CLEAN) * 3 >= len(STORIES), "a third of the stories are clean"
    assert {s["lang"] for s in STORIES} == {"en", "es"}
    flagged = Counter(s["category"] for s in FLAGGED)
    clean = Counter(s["category"] for s in CLEAN)
    for category in ("name", "demonym", "flag", "official", "capital", "border", "act"):
        assert flagged[category] >= 5 and clean[category] >= 1, category
    assert flagged["both-named"] >= 5 and clean["two-country"] >= 10
    assert len({s["id"] for s in STORIES}) == len(STORIES)
    for s in FLAGGED:
        for want in s["expect"]:
            assert want["text"] in s["text"], s["id"]
            assert "at" not in want or want["at"] in s["text"], s["id"]


@pytest.mark.parametrize("story", FLAGGED, ids=_ids(FLAGGED))
def test_flagged_story_is_caught_and_its_actor_corrected(run, story: dict, request) -> None:
    if "missed" in story:
        request.applymarker(pytest.mark.xfail(reason=story["missed"], strict=True))
    doc = run(story["text"], story["date"], doc_id=story["id"])
    for want in story["expect"]:
        hits = [f for f in doc.findings if matches(f, want, doc.text)]
        assert hits, f"no {want}; found {[(f.kind, f.severity, f.text, f.says, f.context) for f in doc.findings]}"
        for f in hits:
            assert f.evidence and f.message
            if f.kind == "name-confusion":
                assert f.suggest, "a confused name comes with the name of the context's country"
    for f in doc.findings:
        if f.kind != "name-confusion" or f.severity not in RAISED:
            continue
        for m in doc.mentions:
            start = doc.sentences[m.sentence].start + m.start
            if f.start <= start < f.end and m.kind in ("country", "demonym", "role"):
                assert m.country == f.context, (m, f)


@pytest.mark.parametrize("story", FLAGGED, ids=_ids(FLAGGED))
def test_flagged_story_draws_nothing_else(run, story: dict, request) -> None:
    if "limit" in story:
        request.applymarker(pytest.mark.xfail(reason=story["limit"], strict=True))
    doc = run(story["text"], story["date"], doc_id=story["id"])
    extra = [
        (f.kind, f.severity, f.text)
        for f in doc.findings
        if f.severity in RAISED and not any(matches(f, w, doc.text) for w in story["expect"])
    ]
    assert extra == []


@pytest.mark.parametrize("story", CLEAN, ids=_ids(CLEAN))
def test_clean_story_stays_clean(run, story: dict) -> None:
    doc = run(story["text"], story["date"], doc_id=story["id"])
    assert [(f.kind, f.severity, f.text, f.message) for f in doc.findings if f.severity in RAISED] == []
    assert not [m for m in doc.mentions if m.why.startswith("check:") and "(info)" not in m.why]
