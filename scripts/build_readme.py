#!/usr/bin/env python3
"""Assemble README.md from the manual's parts in docs/ (run cog on docs/intro.md first).

    cog -r -I scripts docs/intro.md && python scripts/build_readme.py          # write README.md
    python scripts/build_readme.py --check                                      # exit 1 if stale

Each part keeps its own headings; they are shifted so that a part's title is a second-level
heading of the README.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# The manual's chapters, in reading order.
PARTS = ["intro.md", "actors.md", "coding.md", "model.md", "checks.md", "store.md", "missions.md", "http.md",
         "scale.md", "reliability.md", "data.md", "development.md"]
_HEADING = re.compile(r"^(#{1,6})(\s.*)$")
_COG = re.compile(r"^<!-- \[\[\[(cog|end)")
# An image beside the docs (docs/img/...) as the README at the top of the repository sees it.
_IMAGE = re.compile(r"(!\[[^\]]*\]\()img/")


def _part(text: str, first: bool) -> str:
    lines, out, fenced, shift = text.splitlines(), [], False, None
    in_cog = False
    for line in lines:
        if line.startswith("<!-- [[[cog"):
            in_cog = True
        if in_cog:
            if line.rstrip().endswith("]]] -->"):
                in_cog = False
            continue
        if _COG.match(line):
            continue
        if line.startswith("```"):
            fenced = not fenced
        m = _HEADING.match(line) if not fenced else None
        if m:
            level = len(m.group(1))
            if shift is None:
                shift = (1 if first else 2) - level
            line = "#" * max(1, min(6, level + shift)) + m.group(2)
        out.append(line if fenced else _IMAGE.sub(r"\1docs/img/", line))
    return "\n".join(out).strip() + "\n"


def build() -> str:
    chunks = ["<!-- This file is generated from docs/*.md by scripts/build_readme.py: edit those, not this. -->\n"]
    for i, name in enumerate(PARTS):
        path = DOCS / name
        if path.exists():
            chunks.append(_part(path.read_text(encoding="utf-8"), first=i == 0))
    return "\n".join(chunks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when README.md is not up to date")
    args = parser.parse_args(argv)
    text = build()
    readme = ROOT / "README.md"
    if args.check:
        if readme.read_text(encoding="utf-8") != text:
            print("README.md is stale: run `python scripts/build_readme.py`", file=sys.stderr)
            return 1
        return 0
    readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
