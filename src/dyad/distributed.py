"""Ingest at scale: a pure per-document function, Dask workers, and a watched source.

    from dyad.distributed import code_document, ingest_parallel, watch

    doc = code_document(Document(id="a", text="North Korea opened an embassy in Caracas."))
    summary = ingest_parallel(store, ["corpus.jsonl"], workers=2)          # a LocalCluster of 2 processes
    summary = ingest_parallel(store, ["corpus.jsonl"], scheduler="tcp://127.0.0.1:8786")
    totals = watch(store, "inbox/", every=900)                             # until interrupted

`code_document` and `code_partition` are pure and picklable: a `Document` in, the processed
`Document` out, the engine built once per process on first use. Any engine that ships Python
functions to workers can run them; Spark, for instance:

    from dyad.distributed import Skipped, code_partition

    def code_rows(rows):                       # rows: an iterator of {"id", "text", "date"} dicts
        from dyad.doc import Document
        docs = (Document(id=r["id"], text=r["text"], date=r.get("date")) for r in rows)
        for out in code_partition(docs):
            if not isinstance(out, Skipped):
                yield from (e.to_dict() for e in out.events)

    events = spark.read.json("corpus.jsonl").rdd.map(lambda r: r.asDict()).mapPartitions(code_rows)

Storing stays on the client, in input order, one transaction per document through
`Store.add_document`: a store built with N workers equals one built in a single process.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import time
import tomllib
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.doc import Document
from dyad.engine import Engine, default_engine, engine_with_dicts
from dyad.errors import ConfigError, DyadError, InputError

if TYPE_CHECKING:
    from dyad.store import Store

SkipFn = Callable[[str, str], None]
BATCH = 16  # documents per task: large enough to amortise a round trip, small enough to balance


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document the pipeline could not process, and why (the runner's one-line reason)."""

    doc_id: str
    reason: str


# ---------------------------------------------------------------- the per-document function


@dataclass(frozen=True, slots=True)
class EngineSpec:
    """What a worker needs to build the client's engine: the mode, and the contents (not the paths)
    of the user dictionaries and the pipeline config, since a remote worker may not see the
    client's files. Small, hashable, picklable; each process builds its engine once per spec."""

    fast: bool = False
    dicts: tuple[tuple[str, str], ...] = ()  # (the client's path, the file's text): the suffix says TSV or CSV
    config: str | None = None  # the TOML text of --config

    @classmethod
    def of(cls, fast: bool = False, dicts: Iterable[str | Path] = (), config_path: str | Path | None = None,
           ) -> EngineSpec:
        """Read the files on this side; an unreadable one is a `ConfigError` before any work starts."""
        from dyad.engine import load_config

        if config_path is not None:
            load_config(config_path)  # a config that cannot be read or parsed fails here, with its name
        from dyad.resources import read_user_dict

        for path in dicts:
            read_user_dict(Path(path))  # a bad row is reported here, with the user's own path
        try:
            texts = tuple((str(p), Path(p).read_text(encoding="utf-8")) for p in dicts)
            config = Path(config_path).read_text(encoding="utf-8") if config_path is not None else None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read {getattr(exc, 'filename', None) or 'a file'}: {_short(exc)}") from exc
        return cls(fast, texts, config)

    def engine(self) -> Engine:
        return _engine_for(self)


@lru_cache(maxsize=4)
def _engine_for(spec: EngineSpec) -> Engine:
    if not spec.dicts and spec.config is None:
        return default_engine(spec.fast)
    key = hashlib.sha256(repr((spec.dicts, spec.config)).encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"dyad-engine-{key}"
    folder.mkdir(exist_ok=True)
    paths, labels = [], []
    for i, (name, text) in enumerate(spec.dicts):
        path = folder / f"{i}-{Path(name).name}"
        _write_whole(path, text)
        paths.append(str(path))
        labels.append((str(path), name))
    config_path = None
    if spec.config is not None:
        config_path = folder / "config.toml"
        _write_whole(config_path, spec.config)
    return engine_with_dicts(spec.fast, tuple(paths), config_path=str(config_path) if config_path else None,
                             labels=tuple(labels))


def _write_whole(path: Path, text: str) -> None:
    """Write a file that other worker processes on this machine may be reading at the same moment:
    into a file of this process's own, then renamed over the old one, so no reader sees it half
    written (two workers once read a config another was still writing, and ran the default one)."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def _spec(fast: bool, spec: EngineSpec | None) -> EngineSpec:
    return spec if spec is not None else EngineSpec(fast)


def code_document(doc: Document, fast: bool = False, spec: EngineSpec | None = None) -> Document:
    """Run the pipeline over one document. Pure and picklable; raises what the stages raise."""
    return _spec(fast, spec).engine().process(doc)


def code_partition(
    docs: Iterable[Document], fast: bool = False, spec: EngineSpec | None = None
) -> list[Document | Skipped]:
    """Run the pipeline over a partition: one result per input, in order; a failure becomes `Skipped`."""
    return list(_code_here(_spec(fast, spec).engine(), docs))


def warm_up(fast: bool = False, spec: EngineSpec | None = None) -> int:
    """Build this process's engine now (so the first task does not pay for it); returns its stage count."""
    return len(_spec(fast, spec).engine().pipeline.stages)


# ---------------------------------------------------------------- ingest over a cluster


def new_summary() -> dict[str, int]:
    return {"read": 0, "new": 0, "updated": 0, "unchanged": 0, "skipped": 0, "events": 0}


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A dask.distributed Client: on an existing scheduler, or on a LocalCluster of `workers` processes."""
    if workers is not None and scheduler is not None:
        raise ConfigError("give --workers N or --scheduler ADDRESS, not both")
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("parallel ingest needs dask.distributed; pip install 'dyad[all]'") from exc
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=15)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {scheduler} ({_short(exc)}); "
                "start one with `dask scheduler`, or use --workers N"
            ) from exc
        try:
            yield client
        finally:
            client.close()  # type: ignore[no-untyped-call]
        return
    count = workers or 1
    if count < 1:
        raise ConfigError(f"--workers must be 1 or more, not {count}")
    with warnings.catch_warnings():  # "port 8787 is in use": the status page moves, nothing to report
        warnings.filterwarnings("ignore", message=".*already in use", category=UserWarning)
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=count,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            # A worker logs its own troubles with tracebacks ("Failed to communicate with scheduler
            # during heartbeat" when the cluster is stopping on a loaded machine): noise on the user's
            # terminal, where bad input gets one line. A task that fails reaches the client, and dyad
            # reports it itself.
            silence_logs=logging.CRITICAL,
        )
    try:
        client = Client(cluster)  # type: ignore[no-untyped-call]
        try:
            yield client
        finally:
            client.close()  # type: ignore[no-untyped-call]
    finally:
        close_cluster(cluster)


# How long a LocalCluster's worker process may take to stop, then to be reaped once killed.
STOP_SECONDS = 60.0


def close_cluster(cluster: Any, timeout: float = STOP_SECONDS) -> None:
    """Stop a LocalCluster, giving each worker process `timeout` seconds to exit.

    dask's own close gives a worker 4 seconds to stop and, once it has killed it, 5 more to reap
    it, then raises TimeoutError. On a loaded machine a worker holding dyad's tables and model can
    take longer than that to exit, and an ingest whose every document was stored failed at its
    last step (and tests/scale failed in the cluster's teardown: issue 17). The workers are closed
    here first, with time to spare, and the cluster after them.
    """

    async def close_workers() -> None:
        import asyncio

        await asyncio.gather(*(worker.close(timeout=timeout) for worker in list(cluster.workers.values())))

    try:
        cluster.sync(close_workers)
    finally:
        cluster.close(timeout=timeout)


class ClusterEngine:
    """An `Engine` look-alike whose `run` codes on a Dask cluster, for `ingest_sources(engine=...)`.

    Reading, language detection, counting and storing stay those of `ingest_sources`; only the
    pipeline moves to the workers, in partitions of `batch` documents, results in input order.
    """

    def __init__(self, client: Any, *, fast: bool = False, batch: int = BATCH, spec: EngineSpec | None = None):
        from dyad.engine import load_config

        self.client = client
        self.spec = _spec(fast, spec)
        self.fast = self.spec.fast
        self.batch = batch
        self.config = tomllib.loads(self.spec.config) if self.spec.config is not None else load_config()

    def run(self, docs: Iterable[Document], on_skip: SkipFn | None = None) -> Iterator[Document]:
        for out in code_on_cluster(self.client, docs, batch=self.batch, spec=self.spec):
            if isinstance(out, Skipped):
                if on_skip is not None:
                    on_skip(out.doc_id, out.reason)
            else:
                yield out

    def process(self, doc: Document) -> Document:
        return code_document(doc, spec=self.spec)


def ingest_parallel(
    store: Store,
    sources: Iterable[str],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    fast: bool = False,
    batch: int = BATCH,
    dicts: Iterable[str | Path] = (),
    config_path: str | Path | None = None,
    **options: Any,
) -> Any:
    """`ingest_sources` with the pipeline on Dask workers; storing stays here, in order.

    Give `workers` (a LocalCluster is started and stopped), `scheduler` (an existing cluster)
    or an open `client`; `dicts` (user dictionaries) and `config_path` (a pipeline config) are
    read here and sent to the workers; other keyword arguments go to `ingest_sources` (url,
    date, lang, on_skip, fetch_items, timeout, retries). Returns its `IngestSummary`.
    """
    from dyad.ingest.run import ingest_sources

    spec = EngineSpec.of(fast, dicts, config_path)
    if client is not None:
        return ingest_sources(store, sources, engine=ClusterEngine(client, batch=batch, spec=spec), **options)
    with dask_client(workers, scheduler) as own:
        return ingest_sources(store, sources, engine=ClusterEngine(own, batch=batch, spec=spec), **options)


def code_on_cluster(
    client: Any,
    documents: Iterable[Document],
    *,
    fast: bool = False,
    batch: int = BATCH,
    spec: EngineSpec | None = None,
) -> Iterator[Document | Skipped]:
    """Processed documents in input order, with a bounded number of partitions in flight."""
    from distributed import KilledWorker

    spec = _spec(fast, spec)
    nthreads = sum(client.nthreads().values()) or 1
    client.run(warm_up, spec=spec)
    limit = 3 * nthreads
    pending: deque[Any] = deque()
    docs = iter(documents)
    try:
        while True:
            while len(pending) < limit:
                part = list(islice(docs, batch))
                if not part:
                    break
                pending.append(client.submit(code_partition, part, spec=spec, pure=False))
            if not pending:
                return
            future = pending.popleft()
            try:
                yield from future.result()
            except (KilledWorker, OSError, TimeoutError) as exc:
                raise DyadError(
                    f"a Dask worker failed while coding ({_short(exc)}); what is stored so far "
                    "stays stored: run the same ingest again to finish"
                ) from exc
    finally:
        for future in pending:
            future.cancel()


def store_outcomes(
    store: Store,
    outcomes: Iterable[Document | Skipped],
    summary: dict[str, int],
    skip: SkipFn,
    on_stored: Callable[[dict[str, int]], None] | None = None,
) -> dict[str, int]:
    """Store processed documents one transaction each, in order; count what happened. The dyad-months
    they touched are tested for Goldstein breaks every 2,000 and at the end (store/breaks.py)."""
    months: set[tuple[str, str, str]] = set()
    for out in outcomes:
        if isinstance(out, Skipped):
            skip(out.doc_id, out.reason)
            continue
        try:
            result = store.add_document(out)
        except DyadError as exc:
            skip(out.id, str(exc))
            continue
        summary[result.status] += 1
        summary["events"] += result.events
        months.update(result.months)
        if len(months) >= 2000:
            store.record_breaks(months)
            months.clear()
        if on_stored is not None:
            on_stored(summary)
    store.record_breaks(months)
    return summary


def _counting(summary: dict[str, int], on_skip: SkipFn | None) -> SkipFn:
    def skip(doc_id: str, reason: str) -> None:
        summary["skipped"] += 1
        if on_skip is not None:
            on_skip(doc_id, reason)

    return skip


# ---------------------------------------------------------------- watch a source

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?", re.IGNORECASE)
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_every(text: str) -> float:
    """Seconds in an interval like "15m", "30s", "1h30m", "0.5s" or "90" (seconds)."""
    spec = text.strip().lower().replace(" ", "")
    pos, total = 0, 0.0
    while pos < len(spec):
        match = _DURATION.match(spec, pos)
        if match is None:
            raise ConfigError(f"'{text}' is not an interval like 15m, 30s, 1h or 1h30m")
        total += float(match.group(1)) * _UNIT[(match.group(2) or "s").lower()]
        pos = match.end()
    if not spec or total <= 0:
        raise ConfigError(f"'{text}' is not an interval like 15m, 30s, 1h or 1h30m (it must be over zero)")
    return total


class Seen:
    """What a watch has already taken from its source: documents by id and content, bad inputs by message."""

    def __init__(self) -> None:
        self._keys: set[bytes] = set()

    def first_time(self, *parts: str | None) -> bool:
        key = hashlib.blake2b(
            "\x1f".join(p or "" for p in parts).encode("utf-8", "surrogatepass"), digest_size=16
        ).digest()
        if key in self._keys:
            return False
        self._keys.add(key)
        return True

    def __len__(self) -> int:
        return len(self._keys)


def new_items(
    source: str,
    seen: Seen,
    summary: dict[str, int],
    skip: SkipFn,
    *,
    date: str | None = None,
    lang: str | None = None,
) -> Iterator[Document]:
    """The documents of `source` not taken before (a new id, or new content under an old one)."""
    from dyad.engine import load_config
    from dyad.ingest.lang import CODED_LANGUAGES, mark_language
    from dyad.ingest.run import iter_source

    coded = set(load_config().get("stages", {}).get("events", {}).get("languages", CODED_LANGUAGES))
    for item in iter_source(source, date=date, lang=lang):
        if isinstance(item, InputError):
            if seen.first_time("error", str(item)):
                doc_id, _, reason = str(item).partition(": ")
                skip(doc_id, reason or str(item))
        elif seen.first_time(item.id, item.url, item.content_hash):
            summary["read"] += 1
            mark_language(item, coded)  # as ingest_sources does: actors only in a language not coded
            yield item


def watch(
    store: Store,
    source: str,
    *,
    every: float,
    rounds: int | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    date: str | None = None,
    lang: str | None = None,
    fast: bool = False,
    on_skip: SkipFn | None = None,
    on_round: Callable[[int, dict[str, int]], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, int]:
    """Ingest a feed's or folder's new items every `every` seconds, for `rounds` rounds or until interrupted.

    Each round's summary goes to `on_round(round_number, summary)`; the totals are returned
    (an interrupt between or during rounds ends the watch; what was stored stays stored).
    """
    if every <= 0:
        raise ConfigError("the watch interval must be over zero")
    seen = Seen()
    totals = new_summary()
    totals["rounds"] = 0

    def one_round(client: Any) -> None:
        summary = new_summary()
        skip = _counting(summary, on_skip)
        docs = new_items(source, seen, summary, skip, date=date, lang=lang)
        if client is None:
            outcomes: Iterable[Document | Skipped] = _code_here(default_engine(fast), docs)
        else:
            outcomes = code_on_cluster(client, docs, fast=fast)
        store_outcomes(store, outcomes, summary, skip)
        totals["rounds"] += 1
        for key, value in summary.items():
            totals[key] += value
        if on_round is not None:
            on_round(totals["rounds"], summary)

    def loop(client: Any) -> None:
        while True:
            started = time.monotonic()
            one_round(client)
            if rounds is not None and totals["rounds"] >= rounds:
                return
            sleep(max(0.0, every - (time.monotonic() - started)))

    try:
        if workers is None and scheduler is None:
            loop(None)
        else:
            with dask_client(workers, scheduler) as client:
                loop(client)
    except KeyboardInterrupt:
        pass
    return totals


def _code_here(engine: Any, docs: Iterable[Document]) -> Iterator[Document | Skipped]:
    """One result per input document, in order, with the runner's policy on failures."""
    reasons: list[str] = []
    for doc in docs:
        reasons.clear()
        done = list(engine.run([doc], on_skip=lambda _id, why: reasons.append(why)))
        yield done[0] if done else Skipped(doc.id, reasons[0] if reasons else "not processed")


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
