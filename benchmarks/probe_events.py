#!/usr/bin/env python3
"""Score dyad on the events probe (`eval/probe/events.jsonl`): fresh real news, apart from the yardstick.

    python benchmarks/probe_events.py                  # recall and precision per language
    python benchmarks/probe_events.py --lang pt --errors 30
    python benchmarks/probe_events.py --json out.json
    python benchmarks/probe_events.py --batch 2        # only the articles marked "batch": 2
(rows marked "held_out": true, kept for a later stop's held-out test, are scored only with their --batch)

The probe is for reading errors on text the rules were not fitted to (eval/probe/README.md); its
figures show where to look and are never quoted as results. Matching is the yardstick's own
(`eval_news.matches`: root, source country, target country; either way round for a joint act).

Figures:
  recall     the reader's headline events that dyad found anywhere in the article (and at
             confidence >= 0.5)
  precision  dyad's confident events in the article's lede (its first two sentences) that match a
             listed event; the reader listed headline events, not every background act, so this is
             a lower bound
  complete   on the rows marked "complete": true (the reader listed every act between two countries,
             or with an international organisation, in the cached text, background ones with
             "headline": false), dyad's confident events anywhere in the text that match a listed
             event, as the yardstick scores its fully annotated articles (`prec.2c`: the same over
             the events in the gold's scope only)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_news  # noqa: E402

from dyad.doc import Document  # noqa: E402
from dyad.engine import process_document  # noqa: E402

PROBE = eval_news.news_gold.ROOT / "eval" / "probe"
LEDE = 2  # sentences: the title and the first sentence of the story


def load(lang: str | None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (PROBE / "events.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if not lang or r["lang"] == lang]


def selected(arts: list[dict[str, Any]], batch: int | None) -> list[dict[str, Any]]:
    """The rows of `batch` (1: those without a batch mark), or every row but those kept for a later stop's
    held-out test (`"held_out": true`), which are scored only when their batch is named, never by accident."""
    if batch is not None:
        return [x for x in arts if x.get("batch", 1) == batch]
    return [x for x in arts if not x.get("held_out")]


def distinct(golds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One gold event per (root, source country, target country): a sector is not compared."""
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    for g in golds:
        key = (g["cameo"][:2], eval_news.gold_key(g["source"]), eval_news.gold_key(g["target"]))
        seen.setdefault(key, g)
    return list(seen.values())


def run(arts: list[dict[str, Any]], fast: bool) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for art in arts:
        path = PROBE / "cache" / f"{art['id']}.txt"
        if not path.exists():
            print(f"missing {path.name}: search the pages corpus for {art['query']!r}", file=sys.stderr)
            continue
        doc = Document(
            id=art["id"],
            text=path.read_text(encoding="utf-8"),
            url=art["url"],
            date=eval_news.doc_date(art.get("date")),
        )
        out[art["id"]] = [e.to_dict() for e in process_document(doc, fast=fast).events]
    return out


def _count_complete(
    n: dict[str, dict[str, int]],
    art: dict[str, Any],
    events: list[dict[str, Any]],
    golds: list[dict[str, Any]],
    errors: list[str],
) -> None:
    """Precision over a fully annotated row, counted as eval_news.score counts its complete articles."""
    for lang in (art["lang"], "all"):
        n[lang]["complete_articles"] += 1
    for p in events:
        if p["confidence"] < eval_news.CONFIDENT:
            continue
        ok = any(eval_news.matches(p, g) for g in golds)
        scoped = eval_news.in_scope(p)
        for lang in (art["lang"], "all"):
            n[lang]["confident"] += 1
            n[lang]["confident_right"] += ok
            n[lang]["confident_scoped"] += scoped
            n[lang]["confident_scoped_right"] += scoped and ok
        if not ok and p["sentence"] >= LEDE:
            # the lede's wrong events are listed below with the lede figure
            errors.append(
                f"{art['id']} {art['lang']} WRONG(complete) {p['source']['code']} {p['cameo']} "
                f"{p['target']['code']} {p['mode']} {p['confidence']:.2f} [{(p.get('trigger') or {}).get('text')}]"
            )


def score(arts: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]]) -> tuple[dict[str, Any], list[str]]:
    n: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors = []
    for art in arts:
        if art["id"] not in preds:
            continue
        events, golds = preds[art["id"]], distinct(art["events"])
        for lang in (art["lang"], "all"):
            n[lang]["articles"] += 1
        for g in golds:
            hit = any(eval_news.matches(p, g) for p in events)
            sure = any(eval_news.matches(p, g) and p["confidence"] >= eval_news.CONFIDENT for p in events)
            for lang in (art["lang"], "all"):
                n[lang]["gold"] += 1
                n[lang]["found"] += hit
                n[lang]["found_confident"] += sure
            if not hit:
                errors.append(f"{art['id']} {art['lang']} MISS {g['source']} {g['cameo']} {g['target']} {g['mode']}")
        if art.get("complete"):
            _count_complete(n, art, events, golds, errors)
        for p in events:
            if p["sentence"] >= LEDE or p["confidence"] < eval_news.CONFIDENT:
                continue
            ok = any(eval_news.matches(p, g) for g in golds)
            for lang in (art["lang"], "all"):
                n[lang]["lede_events"] += 1
                n[lang]["lede_right"] += ok
            if not ok:
                errors.append(
                    f"{art['id']} {art['lang']} WRONG {p['source']['code']} {p['cameo']} {p['target']['code']} "
                    f"{p['mode']} {p['confidence']:.2f} [{(p.get('trigger') or {}).get('text')}]"
                )
    figures = {
        lang: {
            "articles": c["articles"],
            "gold": c["gold"],
            "recall": round(c["found"] / c["gold"], 3) if c["gold"] else None,
            "recall_confident": round(c["found_confident"] / c["gold"], 3) if c["gold"] else None,
            "lede_events": c["lede_events"],
            "precision": round(c["lede_right"] / c["lede_events"], 3) if c["lede_events"] else None,
            "complete_articles": c["complete_articles"],
            "complete_events": c["confident"],
            "precision_complete": round(c["confident_right"] / c["confident"], 3) if c["confident"] else None,
            "precision_complete_in_scope": (
                round(c["confident_scoped_right"] / c["confident_scoped"], 3) if c["confident_scoped"] else None
            ),
        }
        for lang, c in n.items()
    }
    return figures, errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang")
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--json")
    ap.add_argument("--batch", type=int, help="only articles of this batch (1: those without a batch mark)")
    a = ap.parse_args()
    arts = load(a.lang)
    # a later batch is gathered before a round's rules and scored once at its end, apart from the rest
    arts = selected(arts, a.batch)
    figures, errors = score(arts, run(arts, a.fast))
    print(f"# events probe, {dt.date.today().isoformat()}, {'--fast' if a.fast else 'default'} mode")
    print("lang articles gold recall rec@.5 lede_events precision complete events prec.complete prec.2c")
    for lang in sorted(figures, key=lambda x: (x == "all", x)):
        f = figures[lang]
        print(
            f"{lang:4} {f['articles']:8} {f['gold']:4} {f['recall']!s:6} {f['recall_confident']!s:6} "
            f"{f['lede_events']:11} {f['precision']!s:9} {f['complete_articles']:8} {f['complete_events']:6} "
            f"{f['precision_complete']!s:12} {f['precision_complete_in_scope']!s}"
        )
    for line in errors[: a.errors]:
        print(line)
    if a.json:
        Path(a.json).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
