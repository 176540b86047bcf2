"""The `dyad` commands that set the ledger beside other sources and over time: `import gdelt`,
`compare`, `changes`. Each parses its options, calls one library function, and formats what it
returns (registered on `dyad.cli.main`, like the commands in dyad/cli.py)."""

from __future__ import annotations

import json
import sys

import click

from dyad.cli import _open_store, _skip, main


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
