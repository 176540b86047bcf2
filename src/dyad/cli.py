"""The `dyad` command: one verb per library call (see ../shared/contract.md).

Commands parse options, call the library, and format what it returns. Errors become one
line on standard error and the contract's exit code; no traceback reaches the user.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dyad.doc import Document
from dyad.errors import DyadError, InputError

if TYPE_CHECKING:
    from dyad.store import Store

FORMATS = click.Choice(["jsonl", "table"])


def _skip(doc_id: str, reason: str) -> None:
    click.echo(f"dyad: skipped {doc_id}: {reason}", err=True)


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"dyad: {message}", err=True)
    sys.exit(code)


class DyadGroup(click.Group):
    """Turns `DyadError` (and interrupts) into one line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DyadError as exc:
            _fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # the last resort: a bug still gets one line, not a traceback
            if os.environ.get("DYAD_DEBUG"):
                raise
            first = (str(exc).strip().splitlines() or [""])[0][:300]
            _fail(f"internal error ({type(exc).__name__}: {first}); please report it with the command "
                  "(DYAD_DEBUG=1 shows the traceback)", 1)


@click.group(cls=DyadGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="DYAD_DB", default="sqlite:///dyad.db", show_default=True,
              help="Store URL: sqlite:///PATH or postgresql://USER@HOST/DB (env DYAD_DB).")
@click.option("--config", "config", envvar="DYAD_CONFIG", type=click.Path(exists=True, dir_okay=False),
              help="Pipeline config (TOML; see dyad/default.toml) for code, actors and ingest (env DYAD_CONFIG).")
@click.version_option(package_name="dyad")
@click.pass_context
def main(ctx: click.Context, db: str, config: str | None) -> None:
    """dyad reads the news and keeps the world's diplomatic ledger."""
    ctx.obj = {"db": db, "config": config}


def _config_path() -> str | None:
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return obj.get("config") if isinstance(obj, dict) else None


def _open_store(ctx: click.Context) -> Store:
    from dyad.store import Store

    return Store(ctx.obj["db"])


# ---------------------------------------------------------------- reading inputs

def iter_inputs(files: tuple[str, ...], jsonl: str | None, *, date: str | None, lang: str | None,
                url: str | None = None) -> Iterator[Document | InputError]:
    """Documents from files ('-' is standard input) and/or a JSONL corpus, in order."""
    from dyad.ingest.readers import document_from_bytes, iter_jsonl, read_file

    if jsonl is not None:
        if jsonl == "-":
            import io

            stdin_text = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
            yield from iter_jsonl(None, iter(stdin_text), date=date, lang=lang)
        else:
            path = Path(jsonl)
            if not path.is_file():
                yield InputError(f"{jsonl}: no such file")
            else:
                yield from iter_jsonl(path, date=date, lang=lang)
    for name in files:
        try:
            if name == "-":
                from dyad.ingest.readers import MAX_BYTES

                # Read one byte over the limit at most: the reader refuses it without holding all of it.
                yield document_from_bytes(sys.stdin.buffer.read(MAX_BYTES + 1), "stdin", date=date, lang=lang,
                                          url=url)
            else:
                path = Path(name)
                if not path.is_file():
                    raise InputError(f"{name}: no such file")
                yield read_file(path, date=date, lang=lang, url=url)
        except InputError as exc:
            yield exc


def _documents(inputs: Iterator[Document | InputError], counter: dict[str, int]) -> Iterator[Document]:
    for item in inputs:
        if isinstance(item, InputError):
            counter["bad"] += 1
            message = str(item)
            doc_id, _, reason = message.partition(": ")
            _skip(doc_id, reason or message)
        else:
            counter["read"] += 1
            yield item


def _date_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--date", metavar="YYYY-MM-DD", callback=_check_date,
                        help="Document date where the input has none.")(f)


def _dict_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--dict", "dicts", multiple=True, metavar="PATH",
                        type=click.Path(exists=True, dir_okay=False),
                        help="A user dictionary of actors (TSV or CSV, see docs/actors.md); repeatable.")(f)


def _min_confidence_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None, metavar="X",
                        help="Count events at or above this confidence (default: the ledger's, "
                             "[ledger] in default.toml; 0 counts every event).")(f)


def _provenance_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--provenance", type=click.Choice(["dyad", "gdelt"]), default=None,
                        help="Only the events dyad coded (dyad) or those imported from GDELT (gdelt); "
                             "default: both.")(f)


def _webhook_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--webhook", envvar="DYAD_WEBHOOK", metavar="URL",
                        help="POST each change this run records (missions opened or closed, relations "
                             "severed or restored, Goldstein breaks) as JSON to URL, from a background "
                             "thread (env DYAD_WEBHOOK; docs/store.md).")(f)


@contextmanager
def _posting(store: Store, url: str | None) -> Iterator[None]:
    """Post the store's new changes to `url` while the block runs; deliver what is left (60 s at most)."""
    if not url:
        yield
        return
    from dyad.notify import Webhook

    hook = Webhook(url, on_error=lambda message: click.echo(f"dyad: {message}", err=True))
    store.subscribe(hook)
    try:
        yield
    finally:
        if not hook.close(wait=60.0):
            click.echo("dyad: webhook: stopped waiting after 60 s; changes still queued were not posted", err=True)


def _dict_engine(fast: bool, dicts: tuple[str, ...]) -> Any:
    """None (the default engine) without user dictionaries, else an engine that carries them."""
    if not dicts and _config_path() is None:
        return None
    from dyad.engine import engine_with_dicts

    return engine_with_dicts(fast, dicts, config_path=_config_path())


def _check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date like 2015-06-23") from None


# ---------------------------------------------------------------- code

@main.command()
@click.argument("files", nargs=-1)
@click.option("--jsonl", "jsonl", metavar="IN.jsonl", help="A JSONL corpus: one {id, text, date?, lang?} a line.")
@_date_option
@click.option("--lang", metavar="xx", help="Language of the input (en, es, ...).")
@click.option("--format", "fmt", type=FORMATS, default=None, help="jsonl (default when piped) or table.")
@click.option("--fast", is_flag=True, help="Rules only: several times faster, less accurate.")
@click.option("--explain", is_flag=True, help="Keep which pattern fired and why in each event.")
@_dict_option
def code(files: tuple[str, ...], jsonl: str | None, date: str | None, lang: str | None, fmt: str | None,
         fast: bool, explain: bool, dicts: tuple[str, ...]) -> None:
    """Code events in FILES (text or HTML; '-' reads standard input) without touching any database."""
    from dyad.engine import engine_with_dicts
    from dyad.render import default_format, event_table, print_table, write_jsonl

    if not files and jsonl is None:
        raise click.UsageError("give FILE... or --jsonl IN.jsonl ('-' reads standard input)")
    fmt = fmt or default_format()
    engine = engine_with_dicts(fast, dicts, config_path=_config_path())
    counter = {"read": 0, "bad": 0}
    docs = _documents(iter_inputs(files, jsonl, date=date, lang=lang), counter)
    rows: list[dict[str, Any]] = []
    for doc in engine.run(docs, on_skip=_skip):
        events = [_event_dict(e, explain) for e in doc.events]
        if fmt == "jsonl":
            write_jsonl(events, sys.stdout)
        else:
            rows.extend(events)
    if fmt == "table":
        names = {k: c.name for k, c in engine.resources.countries.items()}
        print_table(event_table(rows, names))
    if counter["read"] == 0:
        sys.exit(1)


def _event_dict(event: Any, explain: bool) -> dict[str, Any]:
    data: dict[str, Any] = event.to_dict()
    if not explain:
        data.pop("explanation", None)
    return data


# ---------------------------------------------------------------- actors

@main.command()
@click.argument("files", nargs=-1)
@click.option("--jsonl", "jsonl", metavar="IN.jsonl", help="A JSONL corpus: one {id, text, date?, lang?} a line.")
@_date_option
@click.option("--lang", metavar="xx", help="Language of the input (en, es, ...).")
@click.option("--format", "fmt", type=FORMATS, default=None, help="jsonl (default when piped) or table.")
@_dict_option
def actors(files: tuple[str, ...], jsonl: str | None, date: str | None, lang: str | None, fmt: str | None,
           dicts: tuple[str, ...]) -> None:
    """List the actors named in FILES: spans, codes and why each resolved as it did."""
    from dyad.engine import engine_with_dicts
    from dyad.render import default_format, dict_table, print_table, write_jsonl

    if not files and jsonl is None:
        raise click.UsageError("give FILE... or --jsonl IN.jsonl ('-' reads standard input)")
    fmt = fmt or default_format()
    engine = engine_with_dicts(True, dicts, ("sentences", "actors"), config_path=_config_path())
    counter = {"read": 0, "bad": 0}
    rows: list[dict[str, Any]] = []
    for doc in engine.run(_documents(iter_inputs(files, jsonl, date=date, lang=lang), counter), on_skip=_skip):
        found = [doc.mention_record(m) for m in doc.mentions]
        if fmt == "jsonl":
            write_jsonl(found, sys.stdout)
        else:
            rows.extend(found)
    if fmt == "table":
        print_table(dict_table(rows, ("doc_id", "sentence", "text", "code", "kind", "why")))
    if counter["read"] == 0:
        sys.exit(1)


# ---------------------------------------------------------------- check

@main.command()
@click.argument("files", nargs=-1, required=True)
@_date_option
@click.option("--format", "fmt", type=FORMATS, default=None, help="jsonl (default when piped) or table.")
def check(files: tuple[str, ...], date: str | None, fmt: str | None) -> None:
    """Flag names and flags in FILES that denote another country than the story's."""
    from dyad.engine import default_engine
    from dyad.render import default_format, dict_table, print_table, write_jsonl

    fmt = fmt or default_format()
    counter = {"read": 0, "bad": 0}
    rows: list[dict[str, Any]] = []
    for doc in default_engine(True).run(_documents(iter_inputs(files, None, date=date, lang=None), counter), _skip):
        found = [f.to_dict() for f in doc.findings]
        if fmt == "jsonl":
            write_jsonl(found, sys.stdout)
        else:
            rows.extend(found)
    if fmt == "table":
        print_table(dict_table(rows, ("doc_id", "kind", "severity", "text", "says", "context", "suggest", "message")))
    if counter["read"] == 0:
        sys.exit(1)


# ---------------------------------------------------------------- store

@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--url", help="The article a single file came from; a second file under it is a new version.")
@_date_option
@click.option("--lang", metavar="xx", help="Language of the input where it does not say.")
@click.option("--fast", is_flag=True, help="Rules only.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--no-fetch", is_flag=True, help="Use feed items' own content instead of fetching their pages.")
@click.option("--timeout", type=click.FloatRange(0.1, None), default=15.0, show_default=True,
              help="Seconds to wait for a URL.")
@click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Retries of a URL that times out or answers 429/5xx.")
@click.option("--workers", type=click.IntRange(1, None), metavar="N",
              help="Code on a local Dask cluster of N worker processes (see docs/scale.md).")
@click.option("--scheduler", metavar="ADDRESS", help="Code on an existing Dask cluster, e.g. tcp://HOST:8786.")
@_dict_option
@_webhook_option
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[str, ...], url: str | None, date: str | None, lang: str | None,
           fast: bool, quiet: bool, no_fetch: bool, timeout: float, retries: int, workers: int | None,
           scheduler: str | None, dicts: tuple[str, ...], webhook: str | None) -> None:
    """Read SOURCES into the store: files, folders, JSONL/CSV corpora, WARC files, RSS/Atom feeds, URLs."""
    from dyad.ingest.run import ingest_sources

    if url and len(sources) != 1:
        raise click.UsageError("--url names the article of a single file; give exactly one SOURCE")
    if workers is not None and scheduler is not None:
        raise click.UsageError("give --workers N or --scheduler ADDRESS, not both")
    store = _open_store(ctx)
    with _posting(store, webhook):
        if workers is not None or scheduler is not None:
            from dyad.distributed import ingest_parallel

            summary = ingest_parallel(store, sources, workers=workers, scheduler=scheduler, url=url, date=date,
                                      lang=lang, fast=fast, on_skip=_skip, fetch_items=not no_fetch,
                                      timeout=timeout, retries=retries, dicts=dicts,
                                      config_path=_config_path()).to_dict()
        else:
            summary = ingest_sources(store, sources, url=url, date=date, lang=lang, fast=fast,
                                     progress=not quiet and sys.stderr.isatty(), on_skip=_skip,
                                     fetch_items=not no_fetch, timeout=timeout, retries=retries,
                                     engine=_dict_engine(fast, dicts)).to_dict()
    click.echo(json.dumps(summary), err=True)
    if summary["read"] == 0:
        sys.exit(1)


@main.command()
@click.argument("source")
@click.option("--every", default="15m", show_default=True, metavar="INTERVAL",
              help="How often to look for new items: 30s, 15m, 1h, 1h30m.")
@_date_option
@click.option("--lang", metavar="xx", help="Language of the input where it does not say.")
@click.option("--fast", is_flag=True, help="Rules only.")
@click.option("--workers", type=click.IntRange(1, None), metavar="N", help="Code on a local Dask cluster of N.")
@click.option("--scheduler", metavar="ADDRESS", help="Code on an existing Dask cluster, e.g. tcp://HOST:8786.")
@click.option("--rounds", type=click.IntRange(1, None), hidden=True, help="Stop after this many rounds (tests).")
@_webhook_option
@click.pass_context
def watch(ctx: click.Context, source: str, every: str, date: str | None, lang: str | None, fast: bool,
          workers: int | None, scheduler: str | None, rounds: int | None, webhook: str | None) -> None:
    """Keep ingesting SOURCE (a feed or a folder): only new items, every INTERVAL, until stopped (Ctrl-C)."""
    from dyad.distributed import parse_every
    from dyad.distributed import watch as watch_source

    if workers is not None and scheduler is not None:
        raise click.UsageError("give --workers N or --scheduler ADDRESS, not both")
    seconds = parse_every(every)

    def report(number: int, summary: dict[str, int]) -> None:
        click.echo(json.dumps({"round": number, **summary}), err=True)

    store = _open_store(ctx)
    with _posting(store, webhook):
        totals = watch_source(store, source, every=seconds, rounds=rounds, workers=workers,
                              scheduler=scheduler, date=date, lang=lang, fast=fast, on_skip=_skip, on_round=report)
    click.echo(json.dumps({"total": True, **totals}), err=True)


@main.command()
@click.pass_context
def stats(ctx: click.Context) -> None:
    """Counts of documents, versions, events and missions in the store (JSON)."""
    click.echo(json.dumps(_open_store(ctx).stats()))


@main.command()
@click.option("--source", metavar="ISO3", help="Source country or actor code.")
@click.option("--target", metavar="ISO3", help="Target country or actor code.")
@click.option("--since", metavar="DATE", help="Events on or after this date.")
@click.option("--until", metavar="DATE", help="Events on or before this date.")
@click.option("--limit", type=click.IntRange(1, None), help="At most this many events.")
@click.option("--reports", is_flag=True, help="One object per article's report instead of merged events.")
@click.option("--with-reports", is_flag=True, help="Add each merged event's reports (article, sentence, spans).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None, metavar="X",
              help="Only events at or above this confidence (default: every stored event).")
@_provenance_option
@click.option("--format", "fmt", type=FORMATS, default=None)
@click.pass_context
def events(ctx: click.Context, source: str | None, target: str | None, since: str | None, until: str | None,
           limit: int | None, reports: bool, with_reports: bool, min_confidence: float | None,
           provenance: str | None, fmt: str | None) -> None:
    """Stored events, merged across articles (with num_mentions/num_sources/num_articles), by dyad and date."""
    from itertools import islice

    from dyad.render import default_format, event_table, print_table, write_jsonl
    from dyad.resources import default_resources

    store = _open_store(ctx)
    stream = store.stream_events(source=source, target=target, since=since, until=until, limit=limit,
                                 merged=not reports, min_confidence=min_confidence, provenance=provenance)
    if (fmt or default_format()) == "jsonl":
        while page := list(islice(stream, 1000)):  # streamed: a large store is never held whole
            if with_reports and not reports:
                found = store.event_reports([r["event_id"] for r in page])
                for row in page:
                    row["reports"] = found.get(row["event_id"], [])
            write_jsonl(page, sys.stdout)
    else:
        rows = list(stream)
        names = {k: c.name for k, c in default_resources().countries.items()}
        print_table(event_table(rows, names))


@main.command()
@click.option("--city", help="Host city (or district), e.g. Caracas.")
@click.option("--host", metavar="ISO3", help="Host country.")
@click.option("--sender", metavar="ISO3", help="Sending country.")
@click.option("--format", "fmt", type=FORMATS, default=None)
@click.pass_context
def missions(ctx: click.Context, city: str | None, host: str | None, sender: str | None, fmt: str | None) -> None:
    """Diplomatic missions known to the store (reference data, updated by the news), each saying where its
    status comes from: the reference data (with its date) or the news (with the article and sentence)."""
    from dyad.render import default_format, mission_table, print_table, write_jsonl

    rows = _open_store(ctx).missions(city=city, host=host, sender=sender)
    if (fmt or default_format()) == "jsonl":
        write_jsonl(rows, sys.stdout)
    else:
        print_table(mission_table(rows))


@main.command()
@click.argument("a", metavar="ISO3")
@click.argument("b", metavar="ISO3")
@click.option("--plot", "plot", metavar="FILE.png", help="Also draw the timeline into a PNG file.")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default=None,
              help="json (default when piped) or table.")
@_min_confidence_option
@_provenance_option
@click.pass_context
def relations(ctx: click.Context, a: str, b: str, plot: str | None, fmt: str | None,
              min_confidence: float | None, provenance: str | None) -> None:
    """The dyad's timeline: events per month by quad class, Goldstein scores, diplomatic status."""
    from dyad.kb.relations import plot_relations, relations_table
    from dyad.kb.relations import relations as dyad_relations
    from dyad.render import default_format, print_table

    rel = dyad_relations(_open_store(ctx), a, b, min_confidence=min_confidence, provenance=provenance)
    if plot:
        try:
            plot_relations(rel, plot)
        except OSError as exc:
            raise InputError(f"{plot}: cannot write the plot ({exc.strerror or exc})") from exc
    if (fmt or ("json" if default_format() == "jsonl" else "table")) == "json":
        click.echo(json.dumps(rel, ensure_ascii=False))
    else:
        print_table(relations_table(rel))


@main.command(name="export")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "gdelt"]), default="jsonl",
              show_default=True, help="gdelt: GDELT 2.0's 61-column event layout, tab-separated.")
@click.option("--output", "-o", metavar="FILE", help="Write to FILE (needed for parquet); default standard output.")
@_min_confidence_option
@_provenance_option
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, output: str | None, min_confidence: float | None,
               provenance: str | None) -> None:
    """Export the store's merged events, streamed (nothing holds the whole table)."""
    from dyad.kb.export import export_events
    from dyad.kb.ledger import min_confidence as ledger_floor

    store = _open_store(ctx)
    floor = ledger_floor(min_confidence)
    if fmt == "parquet" or output:
        if output is None:
            raise click.UsageError("--format parquet needs --output FILE.parquet")
        if fmt == "parquet":
            count = export_events(store, fmt, path=output, min_confidence=floor, provenance=provenance)
        else:
            try:
                with open(output, "w", encoding="utf-8", newline="") as out:
                    count = export_events(store, fmt, out, min_confidence=floor, provenance=provenance)
            except OSError as exc:
                raise InputError(f"{output}: cannot write ({exc.strerror or exc})") from exc
    else:
        count = export_events(store, fmt, sys.stdout, min_confidence=floor, provenance=provenance)
    left = store.count_below(floor, provenance=provenance)
    note = f"; {left} below confidence {floor:g} left out (--min-confidence 0 keeps them)" if left else ""
    click.echo(f"dyad: exported {count} events ({fmt}){note}", err=True)


# ---------------------------------------------------------------- demo

@main.command()
@click.option("--fast", is_flag=True, help="Rules only.")
@click.pass_context
def demo(ctx: click.Context, fast: bool) -> None:
    """Ingest the bundled sample corpus into the store and answer the seed's question."""
    from dyad.demo import run_demo

    run_demo(_open_store(ctx), fast=fast, db_url=ctx.obj["db"])


# ---------------------------------------------------------------- serve

@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the store to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--max-body", type=click.IntRange(1024, None), default=2 * 1024 * 1024, show_default=True,
              help="Largest request body in bytes (413 above it).")
@click.option("--fast", is_flag=True, help="Rules only for /api/code, /api/documents and the paste page.")
@_webhook_option
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, max_body: int, fast: bool, webhook: str | None) -> None:
    """Serve the HTTP API (/api/..., /openapi.json) and the web pages; writes need DYAD_TOKEN if set."""
    try:
        import uvicorn

        from dyad.api import create_app
    except ImportError as exc:
        _fail(f"serve needs the web extras ({exc.name} is missing); pip install 'dyad[all]'")
        return
    token = os.environ.get("DYAD_TOKEN") or None
    if host not in ("127.0.0.1", "localhost", "::1") and token is None:
        click.echo(f"dyad: warning: serving on {host} without DYAD_TOKEN: anyone who reaches it can add "
                   "articles", err=True)
    app = create_app(ctx.obj["db"], token=token, max_body=max_body, fast=fast, webhook=webhook)
    click.echo(f"dyad: serving {ctx.obj['db']} on http://{host}:{port}/ (writes "
               f"{'need the bearer token' if token else 'open: no DYAD_TOKEN'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


from dyad import cli_ledger  # noqa: E402,F401  (registers import, compare and changes on `main`)


def run() -> None:  # pragma: no cover - console entry for `python -m dyad`
    main(prog_name="dyad")


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    run()
