"""One loader per data format: UTF-8 TSV tables with a header, and TOML rule sets.

Files are read through `importlib.resources` (bundled) or from a path (user files layered
on top with `--dict`). Every row is validated; a bad row raises `DataFileError` naming
the file, the line and what to do.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from dyad.errors import DataFileError

_PACKAGE = "dyad.data"


def _bundled_text(relpath: str) -> str:
    try:
        return resources.files(_PACKAGE).joinpath(relpath).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(
            f"{relpath}: bundled data file missing; run `python scripts/build_data.py` and reinstall"
        ) from exc


def _text(source: str | Path) -> tuple[str, str]:
    if isinstance(source, Path):
        try:
            return str(source), source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(f"{source}: cannot read data file ({exc}); check the path and UTF-8") from exc
    return source, _bundled_text(source)


def bundled_files(folder: str, suffix: str) -> list[str]:
    """Relative paths of the bundled files in `folder` ending in `suffix`, sorted."""
    base = resources.files(_PACKAGE).joinpath(folder)
    if not base.is_dir():
        return []
    return sorted(f"{folder}/{p.name}" for p in base.iterdir() if p.name.endswith(suffix))


def read_tsv(source: str | Path, required: Sequence[str] = ()) -> list[dict[str, str]]:
    """Rows of a TSV table as dicts. Lines starting with '#' are comments (source, date, licence)."""
    name, text = _text(source)
    return list(_iter_tsv(name, text, required))


def _iter_tsv(name: str, text: str, required: Sequence[str]) -> Iterator[dict[str, str]]:
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise DataFileError(f"{name}:{lineno}: header lacks column(s) {', '.join(missing)}; "
                                    f"the header must name {', '.join(required)}")
            continue
        if len(cells) > len(header):
            raise DataFileError(f"{name}:{lineno}: {len(cells)} cells for {len(header)} columns; "
                                "remove the stray tab")
        row = dict(zip(header, (c.strip() for c in cells), strict=False))
        for col in header[len(cells):]:
            row[col] = ""
        for col in required:
            if not row.get(col):
                raise DataFileError(f"{name}:{lineno}: column '{col}' is empty; fill it or delete the row")
        yield row


def read_toml(source: str | Path) -> dict[str, Any]:
    name, text = _text(source)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{name}: invalid TOML ({exc}); fix the file") from exc
