"""Helpers for the cog blocks of README.md and docs/index.md: run dyad for real and paste what it prints.

    cog -r -I scripts README.md docs/index.md            # update
    cog --check -I scripts README.md docs/index.md       # what tests/test_readme.py runs
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import cog  # type: ignore[import-not-found]
from click.testing import CliRunner

from dyad.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed"
_DEMO_DB: list[str] = []


def _demo_db() -> str:
    if not _DEMO_DB:
        folder = tempfile.mkdtemp(prefix="dyad-readme-")
        url = f"sqlite:///{folder}/demo.db"
        result = CliRunner().invoke(main, ["--db", url, "demo"])
        if result.exit_code != 0:
            raise RuntimeError(f"dyad demo failed: {result.output}")
        _DEMO_DB.append(url)
    return _DEMO_DB[0]


def _run(args: Sequence[object], db: bool) -> str:
    argv = [str(a) for a in args]
    if db:
        argv = ["--db", _demo_db(), *argv]
    os.environ.setdefault("COLUMNS", "200")
    result = CliRunner().invoke(main, argv)
    if result.exit_code != 0:
        raise RuntimeError(f"dyad {' '.join(argv)} exited {result.exit_code}: {result.output}")
    return result.stdout


def show(display: str, args: Sequence[object], *, db: bool = False, cut: int | None = None,
         keep: Callable[[str], bool] | None = None) -> None:
    lines = _run(args, db).rstrip("\n").splitlines()
    if keep is not None:
        lines = [ln for ln in lines if keep(ln)]
    if cut is not None:
        lines = [ln if len(ln) <= cut else ln[: cut - 1] + "…" for ln in lines]
    body = "\n".join(ln.rstrip() for ln in lines)
    cog.outl(f"```\n$ {display}\n{body}\n```")


def show_json(display: str, args: Sequence[object], *, db: bool = False) -> None:
    first = _run(args, db).splitlines()[0]
    cog.outl(f"```\n$ {display}\n```\n\n```json\n{json.dumps(json.loads(first), indent=2, ensure_ascii=False)}\n```")


def show_file(path: str, lang: str) -> None:
    cog.outl(f"```{lang}\n{(ROOT / path).read_text(encoding='utf-8').rstrip()}\n```")
