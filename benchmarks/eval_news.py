#!/usr/bin/env python3
"""Score dyad on the real-news yardstick (`eval/news/`): news it was never tuned on.

    python benchmarks/eval_news.py                     # the tune split, per language and overall
    python benchmarks/eval_news.py --split report      # report: aggregate figures only, for the docs
    python benchmarks/eval_news.py --errors 40         # what it missed and got wrong (tune only)
    python benchmarks/eval_news.py --fast --json out.json

Each article's cached text (`eval/news/cache/texts/`) runs through the whole pipeline as one
document (the language is detected, the date is the article's), then into a throwaway SQLite store,
so the mission figures are what `dyad ingest` records. An article whose text is missing from the
cache is skipped with one line (`benchmarks/news_gold.py missing` says how to refill it).

Figures:
  headline recall   gold headline events that dyad found anywhere in the article: the same root,
                    source country and target country (either direction for a joint act); the
                    same at confidence >= 0.5
  precision         on the fully annotated articles, dyad's events at confidence >= 0.5 that match
                    a gold event of the article (root and both countries); `prec.2c` the same over
                    the events in the gold's scope only, between two countries or with an
                    international organisation (the gold leaves out acts within one country:
                    "the Kenyan government declined to comment", KENGOV -> KEN); `self` counts events
                    whose source code equals the target code
  missions          news mission changes recorded with the right status (and, of those, with the
                    right city where the article names one, and the right date); `contradicted`
                    counts recorded statuses the article contradicts, `unsupported` mission rows
                    for a country pair whose mission the article does not change
  checks            gold naming confusions caught, and findings where the gold has none: warnings and
                    errors are false alarms; info findings (how an ambiguous name was read) are
                    counted apart as notes
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import news_gold  # noqa: E402

from dyad.doc import Document  # noqa: E402
from dyad.engine import process_document  # noqa: E402
from dyad.store import Store  # noqa: E402
from dyad.store.store import canonical_url  # noqa: E402
from dyad.text.normalize import fold  # noqa: E402

CONFIDENT = 0.5
PENTA_OF_ROOT = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}
# a gold mission change and the statuses dyad may record for it
COMPATIBLE = {
    "opened": {"opened"},
    "reopened": {"opened"},
    "closed": {"closed"},
    "suspended": {"suspended", "closed"},
    "relocated": {"relocated", "opened"},
    "planned": {"planned"},
    "ambassador expelled": {"ambassador expelled"},
    "ambassador recalled": {"ambassador recalled"},
    "relations severed": {"relations severed", "closed"},
}


def gold_key(code: str) -> str:
    """What an actor is compared by: its country, or its organisation code, or a bare sector."""
    if code.startswith(("IGO", "NGO")) or code in news_gold.SECTORS:
        return code
    return code[:3]


def pred_key(actor: dict[str, Any]) -> str:
    if actor.get("country"):
        return str(actor["country"])
    return str(actor.get("code") or actor.get("sector") or "")


def in_scope(pred: dict[str, Any]) -> bool:
    """An event the gold annotates: between two countries (their organs), or with an international organisation."""
    a, b = pred_key(pred["source"]), pred_key(pred["target"])
    return a.startswith("IGO") or b.startswith("IGO") or (len(a) == 3 and len(b) == 3 and a != b)


def matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if pred["root"] != gold["cameo"][:2]:
        return False
    got = (pred_key(pred["source"]), pred_key(pred["target"]))
    want = (gold_key(gold["source"]), gold_key(gold["target"]))
    return got == want or (bool(gold.get("joint")) and got == want[::-1])


def reports(pred: dict[str, Any], sentence: int) -> bool:
    """The event is reported in that sentence: its own, or one whose report dedupe merged into it."""
    return pred["sentence"] == sentence or sentence in pred.get("reported_in", ())


def _same_mission(row: dict[str, Any], gold: dict[str, Any]) -> bool:
    """A stored mission row and a gold change speak of the same mission (a break of relations ends
    both sides' missions, whichever side the annotator wrote as sender)."""
    if (row["sender"], row["host"]) == (gold["sender"], gold["host"]):
        return True
    return gold["change"] == "relations severed" and (row["sender"], row["host"]) == (gold["host"], gold["sender"])


def doc_date(date: str | None) -> str | None:
    """The article's date as the pipeline takes it (YYYY-MM-DD); a month or year stands for its first day."""
    if not date:
        return None
    parts = (date.split("-") + ["01", "01"])[:3]
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return None


class Tally:
    """Counts per language (and "all")."""

    def __init__(self) -> None:
        self.n: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))

    def add(self, lang: str, key: str, value: float = 1) -> None:
        self.n[lang][key] += value
        self.n["all"][key] += value

    def ratio(self, lang: str, num: str, den: str) -> float | None:
        d = self.n[lang][den]
        return round(self.n[lang][num] / d, 3) if d else None


def run(
    articles: list[dict[str, Any]], fast: bool, read: Callable[[dict[str, Any]], str | None] = news_gold.read_text
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Process every article with a cached text (`read` finds it: the probe sets keep theirs
    elsewhere); (results by id, skipped articles)."""
    results: dict[str, Any] = {}
    skipped = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/news.db", seed_missions=False)
        for art in articles:
            text = read(art)
            if text is None:
                skipped.append(art)
                continue
            doc = Document(id=art["id"], text=text, url=art["url"], date=doc_date(art.get("date")))
            t0 = time.perf_counter()
            doc = process_document(doc, fast=fast)
            secs = time.perf_counter() - t0
            store.add_document(doc)
            results[art["id"]] = {
                "events": [e.to_dict() for e in doc.events],
                "findings": [f.to_dict() for f in doc.findings],
                "lang": doc.lang,
                "sentences": [(s.start, s.end) for s in doc.sentences],
                "text": text,
                "secs": secs,
                "missions": [],
            }
        identity = {canonical_url(art["url"]): art["id"] for art in articles}
        for row in store.missions():
            for src in row["sources"]:
                aid = identity.get(src.get("doc_id") or "")
                if aid in results:
                    results[aid]["missions"].append(
                        {
                            "sender": row["sender"],
                            "host": row["host"],
                            "city": row["city"],
                            "status": src["status"],
                            "date": src["date"],
                            "sentence": src["sentence"],
                        }
                    )
        store.close()
    return results, skipped


def score(articles: list[dict[str, Any]], results: dict[str, Any]) -> tuple[Tally, list[dict[str, Any]]]:
    tally = Tally()
    errors: list[dict[str, Any]] = []
    for art in articles:
        res = results.get(art["id"])
        if res is None:
            continue
        lang, preds = art["lang"], res["events"]
        tally.add(lang, "articles")
        tally.add(lang, "seconds", res["secs"])
        # headline events
        for gold in art.get("events", []):
            if not gold.get("headline"):
                continue
            tally.add(lang, "headline")
            hit = any(matches(p, gold) for p in preds)
            tally.add(lang, "headline_found", hit)
            tally.add(
                lang, "headline_found_confident", any(matches(p, gold) and p["confidence"] >= CONFIDENT for p in preds)
            )
            if not hit:
                errors.append({"kind": "missed headline event", "article": art, "gold": gold})
        # the top event of each sentence that has a gold event (as held-out sentence sets measure it)
        by_sentence: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for gold in art.get("events", []):
            for i, (s, e) in enumerate(res["sentences"]):
                if gold.get("at") and s < gold["at"][1] and gold["at"][0] < e:
                    by_sentence[i].append(gold)
        for i, golds in by_sentence.items():
            tops = sorted((p for p in preds if reports(p, i)), key=lambda p: -p["confidence"])
            top = tops[0] if tops else None
            tally.add(lang, "sentences")
            tally.add(
                lang, "sentence_penta", bool(top) and any(top["penta"] == PENTA_OF_ROOT[g["cameo"][:2]] for g in golds)
            )
            tally.add(lang, "sentence_root", bool(top) and any(top["root"] == g["cameo"][:2] for g in golds))
            tally.add(lang, "sentence_country_level", bool(top) and any(matches(top, g) for g in golds))
        # precision on complete articles
        tally.add(lang, "self_events", sum(p["source"]["code"] == p["target"]["code"] for p in preds))
        tally.add(lang, "events", len(preds))
        if art.get("complete"):
            tally.add(lang, "complete_articles")
            for p in preds:
                if p["confidence"] < CONFIDENT:
                    continue
                tally.add(lang, "confident")
                ok = any(matches(p, g) for g in art.get("events", []))
                tally.add(lang, "confident_right", ok)
                if in_scope(p):
                    tally.add(lang, "confident_scoped")
                    tally.add(lang, "confident_scoped_right", ok)
                if not ok:
                    errors.append({"kind": "event the gold does not have", "article": art, "pred": p})
        # missions
        news = [m for m in art.get("missions", []) if not m.get("background")]
        stored = res["missions"]
        for m in news:
            tally.add(lang, "mission_changes")
            rows = [r for r in stored if _same_mission(r, m) and r["status"] in COMPATIBLE[m["change"]]]
            tally.add(lang, "mission_found", bool(rows))
            city_ok = any(not m.get("city") or fold(r["city"] or "") == fold(m["city"]) for r in rows)
            date_ok = any(not m.get("date") or (r["date"] or "").startswith(m["date"][:10]) for r in rows)
            tally.add(lang, "mission_found_city_date", bool(rows) and city_ok and date_ok)
            if not rows:
                errors.append(
                    {
                        "kind": "missed mission change",
                        "article": art,
                        "gold": m,
                        "stored": [r for r in stored if {r["sender"], r["host"]} == {m["sender"], m["host"]}],
                    }
                )
        for r in stored:
            tally.add(lang, "missions_stored")
            same = [m for m in news if _same_mission(r, m)]
            same = same or [m for m in art.get("missions", []) if _same_mission(r, m)]
            if not same:
                tally.add(lang, "missions_unsupported")
                errors.append({"kind": "mission row the article does not support", "article": art, "stored": r})
            elif not any(r["status"] in COMPATIBLE[m["change"]] for m in same):
                tally.add(lang, "missions_contradicted")
                errors.append(
                    {"kind": "mission status the article contradicts", "article": art, "stored": r, "gold": same[0]}
                )
        # checks
        confusions = art.get("confusions", [])
        tally.add(lang, "confusions", len(confusions))
        for c in confusions:
            caught = any(f["says"] == c["says"] and f["context"] == c["context"] for f in res["findings"])
            tally.add(lang, "confusions_caught", caught)
        for f in res["findings"]:
            if not any(f["says"] == c["says"] and f["context"] == c["context"] for c in confusions):
                # an info finding is a note on how an ambiguous name was read ("'coreano' may name either
                # Korea; read as North Korea"), not a claim that the story is wrong: counted apart
                alarm = f.get("severity", "warning") != "info"
                tally.add(lang, "false_alarms" if alarm else "info_notes")
                errors.append({"kind": "false alarm" if alarm else "info note", "article": art, "finding": f})
    return tally, errors


def summary(tally: Tally) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for lang in (*news_gold.LANGS, "all"):
        n = tally.n[lang]
        if not n["articles"]:
            continue
        out[lang] = {
            "articles": int(n["articles"]),
            "headline": int(n["headline"]),
            "headline_recall": tally.ratio(lang, "headline_found", "headline"),
            "headline_recall_confident": tally.ratio(lang, "headline_found_confident", "headline"),
            "sentences": int(n["sentences"]),
            "sentence_penta": tally.ratio(lang, "sentence_penta", "sentences"),
            "sentence_root": tally.ratio(lang, "sentence_root", "sentences"),
            "sentence_country_level": tally.ratio(lang, "sentence_country_level", "sentences"),
            "complete_articles": int(n["complete_articles"]),
            "confident_events": int(n["confident"]),
            "precision_confident": tally.ratio(lang, "confident_right", "confident"),
            "precision_confident_in_scope": tally.ratio(lang, "confident_scoped_right", "confident_scoped"),
            "events": int(n["events"]),
            "self_events": int(n["self_events"]),
            "mission_changes": int(n["mission_changes"]),
            "mission_found": int(n["mission_found"]),
            "mission_found_city_date": int(n["mission_found_city_date"]),
            "missions_stored": int(n["missions_stored"]),
            "missions_contradicted": int(n["missions_contradicted"]),
            "missions_unsupported": int(n["missions_unsupported"]),
            "confusions": int(n["confusions"]),
            "confusions_caught": int(n["confusions_caught"]),
            "false_alarms": int(n["false_alarms"]),
            "info_notes": int(n["info_notes"]),
            "ms_per_article": round(1000 * n["seconds"] / n["articles"], 1),
        }
    return out


def print_table(figures: dict[str, dict[str, Any]]) -> None:
    cols = [
        ("articles", "art"),
        ("headline_recall", "head.rec"),
        ("headline_recall_confident", "rec>=.5"),
        ("precision_confident", "prec>=.5"),
        ("precision_confident_in_scope", "prec.2c"),
        ("sentence_penta", "sent.penta"),
        ("sentence_country_level", "sent.country"),
        ("self_events", "self"),
        ("mission_found", "miss.found"),
        ("mission_changes", "/changes"),
        ("missions_contradicted", "contra"),
        ("missions_unsupported", "unsup"),
        ("confusions_caught", "conf.caught"),
        ("false_alarms", "false.al"),
        ("info_notes", "notes"),
    ]
    print("lang " + " ".join(f"{h:>11}" for _, h in cols))
    for lang, row in figures.items():
        cells = []
        for key, _ in cols:
            v = row[key]
            cells.append(f"{'-' if v is None else v:>11}")
        print(f"{lang:4} " + " ".join(cells))


def _sentence_of(res: dict[str, Any], at: list[int] | None) -> tuple[int | None, str]:
    if not at:
        return None, ""
    for i, (s, e) in enumerate(res["sentences"]):
        if s <= at[0] < e:
            return i, res["text"][s:e]
    return None, res["text"][at[0] : at[1]]


def print_errors(errors: list[dict[str, Any]], results: dict[str, Any], limit: int) -> None:
    for err in errors[:limit]:
        art = err["article"]
        res = results[art["id"]]
        print(f"\n## {err['kind']}: {art['id']} ({art['lang']}, {art['outlet']}, {art['date']})")
        gold = err.get("gold")
        if gold and "cameo" in gold:
            i, sent = _sentence_of(res, gold.get("at"))
            print(
                f"   gold: {gold['source']} {gold['cameo']} {gold['target']} {gold.get('mode', 'factual')}"
                f"{' joint' if gold.get('joint') else ''}"
            )
            print(f"   sentence {i}: {sent.strip()[:300]}")
            for p in [p for p in res["events"] if p["sentence"] == i][:4]:
                print(
                    f"   dyad: {p['source']['code']} {p['cameo']} {p['target']['code']} {p['mode']} "
                    f"{p['confidence']:.2f} [{(p.get('trigger') or {}).get('text')}]"
                )
        elif gold:
            i, sent = _sentence_of(res, gold.get("at"))
            print(f"   gold: {gold['sender']} in {gold['host']} ({gold.get('city')}): {gold['change']}")
            print(f"   sentence {i}: {sent.strip()[:300]}")
        if "stored" in err:
            stored = err["stored"] if isinstance(err["stored"], list) else [err["stored"]]
            for r in stored:
                print(
                    f"   stored: {r['sender']} in {r['host']} ({r['city']}): {r['status']} (sentence {r['sentence']})"
                )
            if not isinstance(err["stored"], list):
                print(f"   sentence: {res['text'][slice(*res['sentences'][r['sentence']])].strip()[:300]}")
        if "pred" in err:
            p = err["pred"]
            print(
                f"   dyad: {p['source']['code']} {p['cameo']} {p['target']['code']} {p['mode']} "
                f"{p['confidence']:.2f} [{(p.get('trigger') or {}).get('text')}]"
            )
            print(f"   sentence {p['sentence']}: {p['sentence_text'].strip()[:300]}")
        if "finding" in err:
            f = err["finding"]
            print(
                f"   finding: {f['kind']} {f['text']!r} says {f['says']} context {f['context']}: {f['message'][:200]}"
            )


def sweep(articles: list[dict[str, Any]], results: dict[str, Any], lang: str | None) -> list[dict[str, float]]:
    """Precision, recall and F1 of the events at or above each confidence, on the fully annotated
    articles: what the ledger's minimum confidence trades (chosen on tune, docs/store.md)."""
    rows = []
    complete = [a for a in articles if a.get("complete") and a["id"] in results and (not lang or a["lang"] == lang)]
    for floor in [x / 20 for x in range(0, 20)]:
        kept = right = found = total = 0
        for art in complete:
            preds = [p for p in results[art["id"]]["events"] if p["confidence"] >= floor]
            golds = art.get("events", [])
            kept += len(preds)
            right += sum(any(matches(p, g) for g in golds) for p in preds)
            total += len(golds)
            found += sum(any(matches(p, g) for p in preds) for g in golds)
        precision = right / kept if kept else 0.0
        recall = found / total if total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append(
            {
                "floor": floor,
                "events": kept,
                "precision": round(precision, 3),
                "recall": round(recall, 3),
                "f1": round(f1, 3),
            }
        )
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("tune", "report", "all"), default="tune")
    ap.add_argument("--fast", action="store_true", help="rules only (dyad code --fast)")
    ap.add_argument("--lang", help="only articles in this language")
    ap.add_argument("--errors", type=int, default=0, help="list this many errors (tune only)")
    ap.add_argument("--json", help="write the figures to this file as JSON")
    ap.add_argument(
        "--sweep",
        action="store_true",
        help="precision/recall/F1 of the events at each minimum confidence (fully annotated articles)",
    )
    a = ap.parse_args()
    if a.errors and a.split != "tune":
        ap.error("--errors lists tune articles only: report is scored in aggregate, never read")
    articles = [
        x
        for x in news_gold.load_articles()
        if (a.split == "all" or news_gold.split_of(x["url"]) == a.split) and (not a.lang or x["lang"] == a.lang)
    ]
    if not articles:
        print(f"no articles in {news_gold.ARTICLES}", file=sys.stderr)
        return 1
    results, skipped = run(articles, a.fast)
    if skipped:
        print(
            f"skipped {len(skipped)} article(s) whose text is not in the cache "
            f"(python benchmarks/news_gold.py missing lists them and their queries)",
            file=sys.stderr,
        )
    tally, errors = score(articles, results)
    figures = summary(tally)
    mode = "--fast" if a.fast else "default"
    print(
        f"# real-news yardstick, split {a.split}, {mode} mode, {dt.date.today().isoformat()}: "
        f"{len(results)} articles scored, {len(skipped)} skipped"
    )
    print_table(figures)
    if a.json:
        Path(a.json).write_text(
            json.dumps(
                {"split": a.split, "mode": mode, "date": dt.date.today().isoformat(), "figures": figures}, indent=1
            )
            + "\n",
            encoding="utf-8",
        )
    if a.sweep:
        print("\nfloor  events  precision  recall     f1")
        for row in sweep(articles, results, a.lang):
            print(
                f"{row['floor']:5.2f} {row['events']:7d} {row['precision']:10.3f} {row['recall']:7.3f} {row['f1']:6.3f}"
            )
    if a.errors:
        print_errors(errors, results, a.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
