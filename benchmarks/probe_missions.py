#!/usr/bin/env python3
"""Score dyad's mission changes on the missions probe set (`eval/probe/missions.jsonl`): fresh real
news, never part of the yardstick, read only to find what the missions stage gets wrong.

    python benchmarks/probe_missions.py                 # per language and overall
    python benchmarks/probe_missions.py --errors        # every miss, contradiction and unsupported row
    python benchmarks/probe_missions.py --lang es --json out.json
    python benchmarks/probe_missions.py --batch 2         # only the articles marked "batch": 2

The texts live in the git-ignored `eval/probe/cache/ID.txt` (refilled by searching the pages corpus
for each record's query). Each article runs through the whole pipeline into a throwaway store, as
`benchmarks/eval_news.py` does, and is scored with its matching: `found` counts news changes recorded
with a compatible status; `contradicted` stored rows whose status the article contradicts;
`unsupported` rows for a country pair whose mission the article does not change. The probe's gold
adds two things the yardstick's does not need: a change `unchanged` (the article speaks of the
mission and reports no change: a threat, a possibility; any status recorded for it contradicts the
article) and `also` (further changes a reader may fairly take the sentence to report, accepted as
well).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_news  # noqa: E402

from dyad.text.normalize import fold  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "eval" / "probe" / "missions.jsonl"
CACHE = ROOT / "eval" / "probe" / "cache"


def read_text(art: dict[str, Any]) -> str | None:
    path = CACHE / f"{art['id']}.txt"
    return path.read_text(encoding="utf-8") if path.exists() else None


def allowed(gold: dict[str, Any]) -> set[str]:
    """The statuses dyad may record for a gold change (none for `unchanged`)."""
    out: set[str] = set()
    for change in [gold["change"], *gold.get("also", [])]:
        out |= eval_news.COMPATIBLE.get(change, set())
    return out


def score(articles: list[dict[str, Any]], results: dict[str, Any]) -> tuple[dict[str, dict[str, int]], list[str]]:
    tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[str] = []

    def add(lang: str, key: str, n: int = 1) -> None:
        tally[lang][key] += n
        tally["all"][key] += n

    for art in articles:
        res = results.get(art["id"])
        if res is None:
            continue
        lang, stored = art["lang"], res["missions"]
        add(lang, "articles")
        golds = art.get("missions", [])
        news = [m for m in golds if not m.get("background") and m["change"] != "unchanged"]
        for m in news:
            add(lang, "changes")
            rows = [r for r in stored if eval_news._same_mission(r, m) and r["status"] in allowed(m)]
            add(lang, "found", bool(rows))
            city_ok = any(not m.get("city") or fold(r["city"] or "") == fold(m["city"]) for r in rows)
            date_ok = any(not m.get("date") or (r["date"] or "").startswith(m["date"][:10]) for r in rows)
            add(lang, "found_city_date", bool(rows) and city_ok and date_ok)
            if not rows:
                errors.append(
                    f"MISS {art['id']} ({lang}) {m['sender']} in {m['host']} ({m.get('city')}): {m['change']}"
                )
            elif not (city_ok and date_ok):
                got = "; ".join(f"{r['city']} {r['date']}" for r in rows)
                errors.append(
                    f"CITY/DATE {art['id']} ({lang}) {m['sender']} in {m['host']}: gold {m.get('city')} "
                    f"{m.get('date')}, stored {got}"
                )
        for r in stored:
            add(lang, "stored")
            same = [m for m in news if eval_news._same_mission(r, m)]
            same = same or [m for m in golds if eval_news._same_mission(r, m)]
            sentence = (
                res["text"][slice(*res["sentences"][r["sentence"]])].strip()[:240] if r["sentence"] is not None else ""
            )
            if not same:
                add(lang, "unsupported")
                errors.append(
                    f"UNSUPPORTED {art['id']} ({lang}) {r['sender']} in {r['host']} ({r['city']}): {r['status']}\n"
                    f"    | {sentence}"
                )
            elif not any(r["status"] in allowed(m) for m in same):
                add(lang, "contradicted")
                errors.append(
                    f"CONTRADICTED {art['id']} ({lang}) {r['sender']} in {r['host']} ({r['city']}): {r['status']}"
                    f" / gold {same[0]['change']}\n    | {sentence}"
                )
    return tally, errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", help="only articles in this language")
    ap.add_argument("--fast", action="store_true", help="rules only (dyad code --fast)")
    ap.add_argument("--batch", type=int, help="only articles of this batch (1: those without a batch mark)")
    ap.add_argument("--errors", action="store_true", help="list misses, contradictions and unsupported rows")
    ap.add_argument("--json", help="write the figures to this file as JSON")
    a = ap.parse_args()
    articles = [json.loads(x) for x in PROBE.read_text(encoding="utf-8").splitlines() if x.strip()]
    articles = [x for x in articles if not a.lang or x["lang"] == a.lang]
    # a later batch is gathered before a round's rules and scored once at its end, apart from the rest
    articles = [x for x in articles if a.batch is None or x.get("batch", 1) == a.batch]
    results, skipped = eval_news.run(articles, a.fast, read=read_text)
    if skipped:
        print(f"skipped {len(skipped)} probe article(s) whose text is not in {CACHE}", file=sys.stderr)
    tally, errors = score(articles, results)
    cols = ("articles", "changes", "found", "found_city_date", "stored", "contradicted", "unsupported")
    print("lang " + " ".join(f"{c:>15}" for c in cols))
    for lang in sorted(tally, key=lambda x: (x == "all", x)):
        print(f"{lang:4} " + " ".join(f"{tally[lang][c]:>15}" for c in cols))
    if a.json:
        Path(a.json).write_text(json.dumps({k: dict(v) for k, v in tally.items()}, indent=1) + "\n", encoding="utf-8")
    if a.errors:
        print()
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
