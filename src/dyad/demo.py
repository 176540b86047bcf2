"""`dyad demo`: ingest the bundled sample corpus and answer the seed's question.

The corpus (data/demo/) holds the seed article, the ANTV-style original and its correction
under one URL, and sample articles written for dyad, each with a date and a URL.
"""

from __future__ import annotations

from importlib import resources as importlib_resources
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from dyad.data._load import read_tsv
from dyad.ingest.run import ingest_sources
from dyad.render import dict_table, event_table
from dyad.resources import default_resources
from dyad.store import Store
from dyad.store.missions import INACTIVE


def demo_sources() -> list[dict[str, str]]:
    return read_tsv("demo/manifest.tsv", required=("file",))


def run_demo(store: Store, *, fast: bool = False, db_url: str = "sqlite:///dyad.db",
             console: Console | None = None) -> dict[str, int]:
    console = console or Console()
    rows = demo_sources()
    totals = {"read": 0, "new": 0, "updated": 0, "unchanged": 0, "skipped": 0, "events": 0}
    base = importlib_resources.files("dyad.data").joinpath("demo")
    with importlib_resources.as_file(base) as folder, Progress(
            TextColumn("[bold]ingesting[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
            console=console) as bar:
        task = bar.add_task("", total=len(rows))
        for row in rows:
            bar.update(task, description=row["file"])
            summary = ingest_sources(store, [str(Path(folder) / row["file"])], url=row["url"] or None,
                                     date=row["date"] or None, fast=fast,
                                     on_skip=lambda d, r: console.print(f"dyad: skipped {d}: {r}"))
            for key in totals:
                totals[key] += summary[key]
            bar.advance(task)
    console.print(f"read {totals['read']} documents: {totals['new']} new, {totals['updated']} updated "
                  f"(new versions), {totals['unchanged']} unchanged; {totals['events']} events coded")
    names = {k: c.name for k, c in default_resources().countries.items()}
    console.print(event_table(store.events(limit=40), names, title="Events in the store"))
    caracas = store.missions(city="Caracas")
    embassies = [m for m in caracas if m["kind"] == "embassy" and m["status"] not in INACTIVE]
    news = [m for m in caracas if any("doc_id" in s for s in m["sources"])]
    console.print()
    console.print(f"[bold]Which countries have an embassy in Caracas?[/] {len({m['sender'] for m in embassies})} "
                  "senders (reference data, updated by the news):")
    console.print(", ".join(sorted({f"{m['sender']}" for m in embassies})))
    if news:
        console.print(dict_table(news, ("sender", "host", "city", "district", "kind", "status", "since", "sources"),
                                 title="What the news changed in Caracas"))
    console.print(f"\nStore: {db_url}  {store.stats()}")
    console.print("Next: `dyad missions --city Caracas`, `dyad events --source PRK --target VEN`, "
                  "and `dyad serve` for the web pages (http://127.0.0.1:8000/).")
    return totals
