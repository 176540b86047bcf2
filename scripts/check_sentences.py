#!/usr/bin/env python3
"""Check the project's written training sentences (`training/wire/<lang>/*.jsonl`).

    python scripts/check_sentences.py training/wire/en/*.jsonl

One JSON object a line:
    {"text": "...", "cameo": "1123", "mode": "factual",
     "source": [{"text": "Kenyan police", "code": "KENCOP"}],
     "target": [{"text": "opposition supporters", "code": "KENOPP"}],
     "joint": false, "style": "sector"}
`cameo` is a CAMEO code (2 to 4 digits) or null for a sentence that reports no codable event (a
hard negative); `source`/`target` spans are exact substrings of `text`. Prints each problem with
its file and line, then a summary by root, mode and style; exits 1 when a line is wrong.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "dyad" / "data"
MODES = ("factual", "future", "negated", "hypothetical", "historical", "question")
SECTORS = set(
    "GOV MIL LEG JUD COP OPP REB MED BUS CVL CRM LAB REF EDU HLH AGR SPY UAF REL NGO IGO SET SEP ELI PTY ENV".split()
)


def _column(rel: str) -> set[str]:
    rows = (DATA / rel).read_text(encoding="utf-8").splitlines()
    return {r.split("\t")[0] for r in rows if r and not r.startswith("#")}


def actor_code_ok(code: object, countries: set[str]) -> bool:
    if not isinstance(code, str) or not code.isupper() or not code.isalpha():
        return False
    if code.startswith(("IGO", "NGO")) or code in SECTORS:
        return True
    return code[:3] in countries and (len(code) == 3 or code[3:] in SECTORS)


def problems(row: dict, codes: set[str], countries: set[str]) -> list[str]:
    errs = []
    text = row.get("text")
    if not isinstance(text, str) or len(text) < 20:
        return ["no text (or under 20 characters)"]
    cameo = row.get("cameo")
    if cameo is not None and cameo not in codes:
        errs.append(f"cameo {cameo!r} is not a CAMEO code")
    if row.get("mode", "factual") not in MODES:
        errs.append(f"mode {row.get('mode')!r} not one of {MODES}")
    for role in ("source", "target"):
        for actor in row.get(role) or []:
            if not isinstance(actor, dict) or actor.get("text") not in text:
                errs.append(f"{role} span {actor!r} is not in the text")
            elif not actor_code_ok(actor.get("code"), countries):
                errs.append(f"{role} code {actor.get('code')!r} is not ISO3[+SECTOR], IGO.../NGO... or a sector")
    if cameo is not None and not row.get("source") and row.get("roles", True):
        errs.append('an event with no source (or mark the line "roles": false: actors not annotated)')
    return errs


def main(paths: list[str]) -> int:
    codes, countries = _column("cameo/codes.tsv"), _column("actors/countries.tsv")
    bad = 0
    roots: Counter[str] = Counter()
    modes: Counter[str] = Counter()
    styles: Counter[str] = Counter()
    texts: Counter[str] = Counter()
    for p in paths:
        for n, line in enumerate(Path(p).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{p}:{n}: not JSON: {e}")
                bad += 1
                continue
            errs = problems(row, codes, countries)
            texts[row.get("text", "")] += 1
            if texts[row.get("text", "")] == 2:
                errs.append("the same text is already in the set")
            for e in errs:
                print(f"{p}:{n}: {e}")
            bad += bool(errs)
            roots[(row.get("cameo") or "none")[:2]] += 1
            modes[row.get("mode", "factual")] += 1
            styles[row.get("style", "")] += 1
    print(f"{sum(roots.values())} sentences, {bad} with problems")
    print("roots:", dict(sorted(roots.items())))
    print("modes:", dict(modes.most_common()))
    print("styles:", dict(styles.most_common()))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
