"""The `dyad` commands that set the ledger beside other sources and over time: `import gdelt`,
`compare`, `changes`. Each parses its options, calls one library function, and formats what it
returns (registered on `dyad.cli.main`, like the commands in dyad/cli.py)."""

from __future__ import annotations

import json
import sys

import click

from dyad.change_kinds import KINDS
from dyad.cli import FORMATS, _check_date, _min_confidence_option, _open_store, _skip, main


@main.group(name="import")
def import_group() -> None:
    """Import events coded elsewhere into the store, beside dyad's own (see `dyad import gdelt`)."""


@import_group.command(name="gdelt")
@click.argument("files", nargs=-1, required=True)
@click.option("--batch", type=click.IntRange(100, 100_000), default=5000, show_default=True,
              help="Rows written per transaction.")
@click.pass_context
def import_gdelt_cmd(ctx: click.Context, files: tuple[str, ...], batch: int) -> None:
    """Import GDELT 2.0 event exports (61 columns; .CSV or .CSV.zip) as events of provenance "gdelt"."""
    from dyad.kb.gdelt import import_gdelt

    summary = import_gdelt(_open_store(ctx), files, batch=batch, on_bad=_skip).to_dict()
    click.echo(json.dumps(summary), err=True)
    if summary["files"] == 0:
        sys.exit(1)


@main.command()
@click.option("--limit", type=click.IntRange(1, None), metavar="N", help="At most N articles.")
@_min_confidence_option
@click.option("--format", "fmt", type=FORMATS, default=None,
              help="jsonl (default when piped): one object per article, then {\"summary\": ...}; "
                   "table: the agreement, then where the two differ.")
@click.pass_context
def compare(ctx: click.Context, limit: int | None, min_confidence: float | None, fmt: str | None) -> None:
    """Compare dyad's events with GDELT's on the articles both coded (the same URL): root, quad class, dyad."""
    from dyad.kb.compare import compare as compare_store
    from dyad.kb.compare import differences
    from dyad.render import default_format, dict_table, print_table, write_jsonl

    result = compare_store(_open_store(ctx), min_confidence=min_confidence, limit=limit)
    if (fmt or default_format()) == "jsonl":
        write_jsonl([*result.articles, {"summary": result.summary}], sys.stdout)
        return
    summary = result.summary
    rows = [{"aspect": aspect, "agree": summary["agree"][aspect], "of": summary["gdelt_events"],
             "share": "" if summary["agreement"][aspect] is None else f"{summary['agreement'][aspect]:.1%}"}
            for aspect in ("dyad", "root", "quad", "all")]
    click.echo(f"{summary['articles']} articles coded by both: {summary['gdelt_events']} GDELT events, "
               f"{summary['paired']} paired with one of dyad's {summary['dyad_events']}")
    print_table(dict_table(rows, ("aspect", "agree", "of", "share"), title="Agreement on GDELT's events"))
    print_table(dict_table(differences(result), ("article", "gdelt", "dyad", "differs"), title="Where they differ"))


@main.command()
@click.option("--since", metavar="DATE", callback=_check_date, help="Changes that happened on or after this day.")
@click.option("--until", metavar="DATE", callback=_check_date, help="Changes that happened on or before this day.")
@click.option("--country", metavar="ISO3", help="Changes concerning this country.")
@click.option("--kind", type=click.Choice(list(KINDS)), help="Only changes of this kind.")
@click.option("--limit", type=click.IntRange(1, None), default=100, show_default=True)
@click.option("--format", "fmt", type=FORMATS, default=None)
@click.pass_context
def changes(ctx: click.Context, since: str | None, until: str | None, country: str | None, kind: str | None,
            limit: int, fmt: str | None) -> None:
    """Recorded changes, latest first: missions opened or closed, relations severed or restored, Goldstein breaks."""
    from dyad.render import default_format, dict_table, print_table, write_jsonl

    rows = _open_store(ctx).changes(since=since, until=until, country=country, kind=kind, limit=limit)
    if (fmt or default_format()) == "jsonl":
        write_jsonl(rows, sys.stdout)
    else:
        print_table(dict_table(rows, ("day", "kind", "countries", "summary", "recorded_at")))
