"""Rendering records for people (rich tables) and for programs (JSON lines).

rich is imported by the table functions only: JSON lines (what a pipe gets) never load it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.table import Table


def default_format() -> str:
    return "table" if sys.stdout.isatty() else "jsonl"


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    out.flush()
    return n


def short_id(doc_id: str, width: int = 28) -> str:
    """A document id short enough for a table column: the end of a URL's path."""
    tail = doc_id.rstrip("/").rsplit("/", 1)[-1] if "://" in doc_id else doc_id
    return tail if len(tail) <= width else tail[: width - 1] + "…"


def _actor(actor: dict[str, Any], names: dict[str, str]) -> str:
    code = actor.get("code") or ""
    name = names.get(actor.get("country") or "", actor.get("name") or "")
    return f"{code} ({name})" if name and name != code else code


def event_table(events: Sequence[dict[str, Any]], country_names: dict[str, str], title: str | None = None) -> Table:
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for col in ("doc", "sent", "source", "event", "target", "mode", "date", "where", "conf", "trigger"):
        table.add_column(col, overflow="fold")
    for e in events:
        table.add_row(
            short_id(str(e.get("doc_id", ""))), str(e.get("sentence", "")),
            _actor(e["source"], country_names), f"{e['cameo']} {e.get('plover') or ''}".strip(),
            _actor(e["target"], country_names), e.get("mode", ""), e.get("date") or "",
            (e.get("location") or {}).get("name", "") if e.get("location") else "",
            f"{float(e.get('confidence') or 0):.2f}", (e.get("trigger") or {}).get("text", ""),
        )
    return table


def dict_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str | None = None) -> Table:
    from rich.table import Table

    table = Table(title=title, header_style="bold")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(col)) for col in columns))
    return table


def mission_table(rows: Sequence[dict[str, Any]], title: str | None = None) -> Table:
    """`dyad missions` as a table: each row with where its status comes from (the reference data and its
    date, or the latest article that changed it), and "disputed" when same-day reports disagree."""
    table = dict_table(
        [{**r, "from": _provenance(r)} for r in rows],
        ("sender", "host", "city", "district", "kind", "status", "since", "until", "from"),
        title=title,
    )
    return table


def _provenance(row: dict[str, Any]) -> str:
    news = [s for s in row.get("sources", []) if s.get("doc_id")]
    reference = next((s for s in row.get("sources", []) if s.get("dataset")), None)
    if row.get("from") == "news" and news:
        last = news[-1]
        doc = str(last["doc_id"]).split("://", 1)[-1]
        doc = doc if len(doc) <= 32 else doc[:31] + "…"
        text = f"news {last.get('date') or 'undated'} {doc}#{last['sentence']}"
        if len(news) > 1:
            text += f" (+{len(news) - 1})"
        return text + ("; reports disagree" if row.get("disputed") else "")
    if reference is not None:
        return f"reference {reference.get('date') or reference['dataset']}"
    return "news"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def print_table(table: Table, out: TextIO | None = None) -> None:
    from rich.console import Console

    out = out or sys.stdout
    # A pipe or file has no width: give tables room instead of wrapping every cell.
    width = None if out.isatty() else 200
    Console(file=out, soft_wrap=False, width=width).print(table)
