#!/usr/bin/env python3
"""The real-news yardstick's gold: facts about real articles, never their text.

    python benchmarks/news_gold.py validate DRAFT.jsonl...   # check drafts against their cached texts
    python benchmarks/news_gold.py compile DRAFT.jsonl...    # merge drafts into eval/news/articles.jsonl
    python benchmarks/news_gold.py missing                   # texts not in the cache, and the queries that refill them
    python benchmarks/news_gold.py stats                     # counts per language and split

`eval/news/articles.jsonl` holds one article a line: its URL, the search query that finds it in
the pages corpus, language, date, outlet, and the gold an annotator wrote by reading it (events,
mission changes, relations changes, naming confusions). Each gold item points into the article's
text by character offsets (`at`) and a hash of its sentence, so that the text itself stays in the
git-ignored cache (`eval/news/cache/texts/ID.txt`). A draft is the same record with each item's
`sentence` quoted instead: `compile` finds the quote in the cached text and keeps offsets only.

The split is fixed by the URL alone: `tune` (60%) and `report` (40%); see `split_of`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "eval" / "news"
ARTICLES = NEWS / "articles.jsonl"
CACHE = NEWS / "cache"
TEXTS = CACHE / "texts"
DATA = ROOT / "src" / "dyad" / "data"

LANGS = ("en", "es", "de", "fr", "pt")
MODES = ("factual", "future", "negated", "hypothetical", "historical", "question")
MISSION_CHANGES = (
    "opened",
    "reopened",
    "closed",
    "suspended",
    "relocated",
    "planned",
    "ambassador expelled",
    "ambassador recalled",
    "relations severed",
)
MISSION_KINDS = ("embassy", "consulate", "mission", "office", "liaison office", "ambassador")
RELATION_CHANGES = ("established", "severed", "restored", "downgraded", "upgraded", "recognition switched", "planned")
CONFUSION_KINDS = ("name-confusion", "flag-mismatch")
SECTORS = (
    "GOV MIL LEG JUD COP OPP REB MED BUS CVL CRM LAB REF EDU HLH AGR SPY UAF REL NGO IGO SET SEP ELI PTY ENV"
).split()
TUNE_SHARE = 60  # percent of articles in `tune`; the rest is `report`


def split_of(url: str) -> str:
    """`tune` or `report`, from a hash of the URL alone (fixed once: never choose by content)."""
    bucket = int(hashlib.sha256(url.encode("utf-8")).hexdigest(), 16) % 100
    return "tune" if bucket < TUNE_SHARE else "report"


DEV_TUNE_SHARE = 70  # the dev set's rule-writing split: 30% of its sentences are `report`


def dev_split_of(sentence_id: str) -> str:
    """The dev set's split of one sentence, from a hash of its id (fixed once, as for articles)."""
    bucket = int(hashlib.sha256(sentence_id.encode("utf-8")).hexdigest(), 16) % 100
    return "tune" if bucket < DEV_TUNE_SHARE else "report"


def article_id(url: str, lang: str) -> str:
    return f"{lang}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:8]}"


_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u02bc": "'",
    }
)


def normalize(text: str) -> str:
    """What two copies of one text share even when quotes, dashes or spacing were retyped."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().casefold()


def fingerprint(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


def text_path(art: dict[str, Any]) -> Path:
    return TEXTS / f"{art['id']}.txt"


def read_text(art: dict[str, Any]) -> str | None:
    """The cached text of an article, or None when it is missing or is not the annotated one."""
    path = text_path(art)
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    if art.get("text_hash") and fingerprint(text) != art["text_hash"]:
        return None
    return text


def load_articles(path: Path = ARTICLES) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def locate(text: str, item: dict[str, Any]) -> str | None:
    """The sentence a gold item points at, if the text still holds it (for showing it, never for scoring)."""
    at = item.get("at")
    if not at:
        return None
    piece = text[at[0] : at[1]]
    if fingerprint(piece) == item.get("sentence_hash"):
        return piece
    # the cache was refilled with a copy that differs in quotes, dashes or spacing: find the
    # stretch of the normalised text with the same fingerprint and length
    hay, size = normalize(text), item.get("sentence_chars", 0)
    for m in re.finditer(r"(?:^|(?<= ))\S", hay):
        cand = hay[m.start() : m.start() + size]
        if hashlib.sha256(cand.encode("utf-8")).hexdigest()[:16] == item.get("sentence_hash"):
            return cand
    return None


# -- checking drafts ------------------------------------------------------------------------------


def _table(rel: str, col: int = 0) -> set[str]:
    rows = (DATA / rel).read_text(encoding="utf-8").splitlines()
    return {r.split("\t")[col] for r in rows if r and not r.startswith("#")} - {"code", "iso3"}


def _known() -> tuple[set[str], set[str]]:
    return _table("cameo/codes.tsv"), _table("actors/countries.tsv")


def actor_ok(code: str, countries: set[str]) -> bool:
    if not isinstance(code, str) or not code.isupper():
        return False
    if code.startswith(("IGO", "NGO")) or code in SECTORS:
        return True
    return code[:3] in countries and (len(code) == 3 or code[3:] in SECTORS)


def _find(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    # tolerate retyped quotes, dashes and spacing: map the normalized quote back onto the text
    norm, index = [], []
    for i, ch in enumerate(text):
        piece = normalize(ch) if not ch.isspace() else " "
        for c in piece or "":
            if c == " " and norm and norm[-1] == " ":
                continue
            norm.append(c)
            index.append(i)
    hay, needle = "".join(norm), normalize(quote)
    at = hay.find(needle)
    if at < 0 or not needle:
        return None
    return index[at], index[at + len(needle) - 1] + 1


def check_draft(rec: dict[str, Any], codes: set[str], countries: set[str]) -> list[str]:
    """What is wrong with one draft record (empty when it is fine)."""
    errs: list[str] = []
    for key in ("url", "query", "lang", "date", "outlet"):
        if not rec.get(key):
            errs.append(f"missing {key}")
    if rec.get("lang") not in LANGS:
        errs.append(f"lang {rec.get('lang')!r} not one of {LANGS}")
    if rec.get("date") and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", rec["date"]):
        errs.append(f"date {rec['date']!r} is not YYYY[-MM[-DD]]")
    if not rec.get("url"):
        return errs
    art = {"id": article_id(rec["url"], rec.get("lang", "xx"))}
    path = text_path(art)
    if not path.exists():
        return errs + [f"no cached text at {path.relative_to(ROOT)}"]
    text = path.read_text(encoding="utf-8")
    if len(text) < 200:
        errs.append(f"cached text is only {len(text)} characters")
    for i, ev in enumerate(rec.get("events", [])):
        where = f"events[{i}]"
        for role in ("source", "target"):
            if not actor_ok(ev.get(role), countries):
                errs.append(f"{where}.{role} {ev.get(role)!r} is not an actor code")
        if ev.get("cameo") not in codes:
            errs.append(f"{where}.cameo {ev.get('cameo')!r} is not a CAMEO code")
        if ev.get("mode", "factual") not in MODES:
            errs.append(f"{where}.mode {ev.get('mode')!r}")
        if ev.get("source") == ev.get("target"):
            errs.append(f"{where}: source = target ({ev.get('source')})")
    for i, m in enumerate(rec.get("missions", [])):
        where = f"missions[{i}]"
        for role in ("sender", "host"):
            if m.get(role) not in countries:
                errs.append(f"{where}.{role} {m.get(role)!r} is not an ISO3 country")
        if m.get("change") not in MISSION_CHANGES:
            errs.append(f"{where}.change {m.get('change')!r} not one of {MISSION_CHANGES}")
        if m.get("kind", "embassy") not in MISSION_KINDS:
            errs.append(f"{where}.kind {m.get('kind')!r} not one of {MISSION_KINDS}")
    for i, r in enumerate(rec.get("relations", [])):
        where = f"relations[{i}]"
        for role in ("a", "b"):
            if r.get(role) not in countries:
                errs.append(f"{where}.{role} {r.get(role)!r} is not an ISO3 country")
        if r.get("change") not in RELATION_CHANGES:
            errs.append(f"{where}.change {r.get('change')!r} not one of {RELATION_CHANGES}")
    for i, c in enumerate(rec.get("confusions", [])):
        if c.get("kind") not in CONFUSION_KINDS:
            errs.append(f"confusions[{i}].kind {c.get('kind')!r}")
    for group in ("events", "missions", "relations", "confusions"):
        for i, item in enumerate(rec.get(group, [])):
            quote = item.get("sentence")
            if not quote:
                errs.append(f"{group}[{i}] has no sentence")
            elif _find(text, quote) is None:
                errs.append(f"{group}[{i}].sentence not found in the cached text: {quote[:60]!r}")
    return errs


def scrub(notes: str, text: str, run: int = 5) -> str:
    """Notes without the article's wording: any run of `run` or more words found in the text is cut."""
    words = notes.split()
    hay = normalize(text)
    cut = [False] * len(words)
    for i in range(len(words) - run + 1):
        piece = normalize(" ".join(words[i : i + run])).strip("'\"()[],.;: ")
        if len(piece) >= 20 and piece in hay:
            cut[i : i + run] = [True] * run
    out: list[str] = []
    for word, gone in zip(words, cut, strict=True):
        if not gone:
            out.append(word)
        elif not out or out[-1] != "[...]":
            out.append("[...]")
    return " ".join(out)


def compile_record(rec: dict[str, Any]) -> dict[str, Any]:
    """A checked draft as committed: the text's fingerprint, offsets in place of quotes."""
    art = dict(rec)
    art["id"] = article_id(rec["url"], rec["lang"])
    text = text_path(art).read_text(encoding="utf-8")
    art["chars"] = len(text)
    if art.get("notes"):
        art["notes"] = scrub(art["notes"], text)
    art["text_hash"] = fingerprint(text)
    for group in ("events", "missions", "relations", "confusions"):
        items = []
        for item in rec.get(group, []):
            item = dict(item)
            start, end = _find(text, item.pop("sentence"))  # type: ignore[misc]
            item["at"] = [start, end]
            item["sentence_hash"] = fingerprint(text[start:end])
            item["sentence_chars"] = len(normalize(text[start:end]))
            items.append(item)
        art[group] = items
    order = ["id", "url", "query", "lang", "date", "outlet", "chars", "text_hash", "complete"]
    return {k: art[k] for k in order if k in art} | {k: v for k, v in art.items() if k not in order}


def _read_drafts(paths: list[str]) -> list[dict[str, Any]]:
    recs = []
    for p in paths:
        for n, line in enumerate(Path(p).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    recs.append(json.loads(line))
                except json.JSONDecodeError as e:
                    sys.exit(f"{p}:{n}: not JSON ({e})")
    return recs


def cmd_validate(paths: list[str]) -> int:
    codes, countries = _known()
    bad = 0
    seen: Counter[str] = Counter(r.get("url", "") for r in load_articles())
    for rec in _read_drafts(paths):
        errs = check_draft(rec, codes, countries)
        tag = f"{article_id(rec.get('url', ''), rec.get('lang', 'xx'))} {split_of(rec.get('url', ''))}"
        if errs:
            bad += 1
            print(f"{tag} {rec.get('url')}\n  - " + "\n  - ".join(errs))
        else:
            print(f"{tag} ok ({len(rec.get('events', []))} events, {len(rec.get('missions', []))} missions)")
        seen[rec.get("url", "")] += 0
    print(f"{bad} draft(s) with problems")
    return 1 if bad else 0


def cmd_compile(paths: list[str]) -> int:
    codes, countries = _known()
    by_url = {a["url"]: a for a in load_articles()}
    added = 0
    for rec in _read_drafts(paths):
        errs = check_draft(rec, codes, countries)
        if errs:
            print(f"skipped {rec.get('url')}: {errs[0]}")
            continue
        added += rec["url"] not in by_url
        by_url[rec["url"]] = compile_record(rec)
    ARTICLES.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted(by_url.values(), key=lambda a: a["id"])
    ARTICLES.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in rows), encoding="utf-8")
    print(f"{ARTICLES.relative_to(ROOT)}: {len(rows)} articles ({added} new)")
    return 0


def cmd_missing() -> int:
    arts = load_articles()
    missing = [a for a in arts if read_text(a) is None]
    for a in missing:
        state = "differs from the annotated text" if text_path(a).exists() else "missing"
        print(
            json.dumps(
                {
                    "id": a["id"],
                    "state": state,
                    "url": a["url"],
                    "query": a["query"],
                    "path": str(text_path(a).relative_to(ROOT)),
                },
                ensure_ascii=False,
            )
        )
    print(
        f"# {len(missing)} of {len(arts)} texts to refill: search the pages corpus for each query and "
        f"save the excerpt whose url matches, verbatim, at its path",
        file=sys.stderr,
    )
    return 0


def cmd_stats() -> int:
    arts = load_articles()
    rows: Counter[tuple[str, str]] = Counter()
    for a in arts:
        for key in (a["lang"], "all"):
            sp = split_of(a["url"])
            rows[(key, sp)] += 1
            rows[(key, "missions")] += sum(not m.get("background") for m in a.get("missions", []))
            rows[(key, f"missions-{sp}")] += sum(not m.get("background") for m in a.get("missions", []))
            rows[(key, "mission-articles")] += any(not m.get("background") for m in a.get("missions", []))
            rows[(key, "complete")] += bool(a.get("complete"))
            rows[(key, "headline")] += sum(bool(e.get("headline")) for e in a.get("events", []))
            rows[(key, "events")] += len(a.get("events", []))
            rows[(key, "confusions")] += len(a.get("confusions", []))
            rows[(key, "outlets")] += 0
    cols = [
        "tune",
        "report",
        "mission-articles",
        "missions",
        "missions-report",
        "complete",
        "headline",
        "events",
        "confusions",
    ]
    print("lang " + " ".join(f"{c:>16}" for c in cols))
    for key in (*LANGS, "all"):
        print(f"{key:4} " + " ".join(f"{rows[(key, c)]:>16}" for c in cols))
    outlets = Counter(a["outlet"] for a in arts)
    print(f"outlets: {len(outlets)}; most: {outlets.most_common(3)}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("validate", "compile", "missing", "stats"))
    ap.add_argument("drafts", nargs="*")
    a = ap.parse_args()
    if a.command == "validate":
        return cmd_validate(a.drafts)
    if a.command == "compile":
        return cmd_compile(a.drafts)
    if a.command == "missing":
        return cmd_missing()
    return cmd_stats()


if __name__ == "__main__":
    sys.exit(main())
