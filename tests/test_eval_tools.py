"""The real-news yardstick's tools, on a made-up article (CI never has the real texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks import news_gold

TEXT = (
    "Freedonia opens embassy in Sylvania\n\n"
    "Freedonia opened an embassy in the Sylvanian capital on Tuesday, its foreign ministry said.\n"
    "The two countries restored relations last year after a decade of disputes over fishing rights\n"
    "and the border, and trade between them has doubled since then.\n"
)


def test_split_is_fixed_by_the_url_alone() -> None:
    urls = [f"https://example.org/news/{i}" for i in range(2000)]
    splits = [news_gold.split_of(u) for u in urls]
    assert splits == [news_gold.split_of(u) for u in urls]
    share = splits.count("tune") / len(splits)
    assert 0.57 < share < 0.63
    dev = [news_gold.dev_split_of(f"dev-{i:04d}") for i in range(2000)]
    assert 0.67 < dev.count("tune") / len(dev) < 0.73


def test_fingerprint_ignores_retyped_quotes_dashes_and_spacing() -> None:
    assert news_gold.fingerprint("It’s a deal — “final”") == news_gold.fingerprint('It\'s a deal - "final"')
    assert news_gold.fingerprint("a  b\nc") == news_gold.fingerprint("a b c")
    assert news_gold.fingerprint("a b") != news_gold.fingerprint("a c")


def test_scrub_cuts_the_articles_wording_from_notes() -> None:
    notes = "coded 054; the lede says opened an embassy in the Sylvanian capital on Tuesday, which is news"
    out = news_gold.scrub(notes, TEXT)
    assert "Sylvanian capital on Tuesday" not in out and "[...]" in out and out.startswith("coded 054")


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.setattr(news_gold, "TEXTS", tmp_path)
    url = "https://example.org/freedonia-embassy"
    (tmp_path / f"{news_gold.article_id(url, 'en')}.txt").write_text(TEXT, encoding="utf-8")
    return {
        "url": url,
        "query": "Freedonia embassy Sylvania",
        "lang": "en",
        "date": "2024-05-07",
        "outlet": "example.org",
        "complete": True,
        "events": [
            {
                "source": "USA",
                "target": "CAN",
                "cameo": "054",
                "mode": "factual",
                "joint": False,
                "headline": True,
                "sentence": "Freedonia opened an embassy in the Sylvanian capital",
            }
        ],
        "missions": [],
        "relations": [],
        "confusions": [],
    }


def test_a_draft_compiles_to_offsets_and_fingerprints_not_text(cached: dict) -> None:
    codes, countries = news_gold._known()
    assert news_gold.check_draft(cached, codes, countries) == []
    art = news_gold.compile_record(cached)
    assert "sentence" not in art["events"][0]
    start, end = art["events"][0]["at"]
    assert TEXT[start:end].startswith("Freedonia opened")
    assert news_gold.locate(TEXT, art["events"][0]) == TEXT[start:end]
    # a refilled copy with retyped quotes and spacing still finds its sentence
    assert news_gold.locate(TEXT.replace("  ", " ").replace("\n\n", "\n"), art["events"][0])
    assert len(json.dumps(art)) < 1500


def test_a_draft_with_a_wrong_code_or_a_missing_sentence_is_refused(cached: dict) -> None:
    codes, countries = news_gold._known()
    cached["events"][0]["cameo"] = "999"
    cached["events"][0]["sentence"] = "not in the article at all"
    errs = news_gold.check_draft(cached, codes, countries)
    assert any("999" in e for e in errs) and any("not found" in e for e in errs)


def _pred(source: str, root: str, target: str, confidence: float, sentence: int) -> dict:
    return {
        "source": {"code": source, "country": source[:3]},
        "target": {"code": target, "country": target[:3]},
        "root": root,
        "cameo": root + "0",
        "mode": "factual",
        "confidence": confidence,
        "sentence": sentence,
        "trigger": None,
    }


def test_probe_precision_counts_every_confident_event_of_a_complete_row_only() -> None:
    from benchmarks import probe_events

    gold = [{"source": "FRDGOV", "target": "SYL", "cameo": "054", "mode": "factual", "headline": True}]
    rows = [
        {"id": "a", "lang": "en", "complete": True, "events": gold},
        {"id": "b", "lang": "en", "events": gold},
    ]
    preds = [
        _pred("FRDGOV", "05", "SYL", 0.9, 0),  # right
        _pred("FRDGOV", "01", "SYL", 0.8, 4),  # wrong, far past the lede: still counted
        _pred("FRDGOV", "01", "FRD", 0.8, 5),  # wrong and out of the gold's scope (one country)
        _pred("SYLGOV", "11", "FRD", 0.3, 1),  # below 0.5: not counted
    ]
    figures, errors = probe_events.score(rows, {"a": preds, "b": preds})
    en = figures["en"]
    assert en["complete_articles"] == 1 and en["complete_events"] == 3
    assert en["precision_complete"] == round(1 / 3, 3)
    assert en["precision_complete_in_scope"] == 0.5
    assert sum("WRONG(complete)" in e for e in errors) == 2


def test_a_sentence_is_scored_on_every_event_it_reports_merged_ones_included() -> None:
    from benchmarks import eval_news

    gold = {"source": "FRDGOV", "target": "SYL", "cameo": "054", "mode": "factual", "headline": True, "at": [30, 50]}
    article = {"id": "a", "lang": "en", "events": [gold], "missions": []}
    merged = {**_pred("FRDGOV", "05", "SYL", 0.9, 0), "reported_in": [0, 1], "penta": 1}  # headline and lede
    lone = {**_pred("FRDGOV", "01", "SYL", 0.4, 1), "penta": 0}
    result = {"events": [merged, lone], "sentences": [(0, 29), (30, 60)], "secs": 0.0, "missions": [], "findings": []}
    tally, _ = eval_news.score([article], {"a": result})
    assert tally.n["en"]["sentences"] == 1 and tally.n["en"]["sentence_country_level"] == 1
    result["events"] = [{**merged, "reported_in": []}, lone]  # reported once, in the headline only
    tally, _ = eval_news.score([article], {"a": result})
    assert tally.n["en"]["sentence_country_level"] == 0


def test_a_held_out_probe_batch_is_scored_only_when_named() -> None:
    from benchmarks import probe_events

    rows = [{"id": "a"}, {"id": "b", "batch": 2}, {"id": "c", "batch": 5, "held_out": True}]
    assert [r["id"] for r in probe_events.selected(rows, None)] == ["a", "b"]
    assert [r["id"] for r in probe_events.selected(rows, 5)] == ["c"]
    assert [r["id"] for r in probe_events.selected(rows, 1)] == ["a"]
