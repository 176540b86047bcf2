"""A small corpus for the scale tests: the bundled demo articles plus a JSONL written here."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

# Sentences written for these tests (not from any evaluation set).
ARTICLES = [
    (
        "corr-1",
        "https://example.org/scale/ties",
        "2016-04-02",
        "Chile and Peru signed a trade agreement in Lima on Friday. The Peruvian foreign minister praised "
        "the deal. Bolivia criticised both governments for ignoring its access to the sea.",
    ),
    (
        "corr-2",
        "https://example.org/scale/ties",
        "2016-04-02",
        "Chile and Peru signed a trade agreement in Lima on Friday. The Peruvian foreign minister praised "
        "the deal. Bolivia accused both governments of ignoring its access to the sea. (Corrected.)",
    ),
    (
        "kenya",
        None,
        "2017-09-12",
        "Kenya expelled two Somali diplomats on Tuesday. Somalia condemned the decision and recalled its "
        "ambassador from Nairobi. The African Union urged both countries to talk.",
    ),
    (
        "japan",
        None,
        "2018-01-20",
        "Japan and South Korea agreed to hold talks on fishing rights. China warned Japan against new "
        "patrols near the disputed islands. The weather in Tokyo was mild.",
    ),
]


def write_corpus(folder: Path) -> list[str]:
    """The demo folder and a JSONL with a correction (same URL, new text) and one malformed line."""
    demo = folder / "demo"
    source = resources.files("dyad") / "data" / "demo"
    demo.mkdir(parents=True)
    for name in (
        "caracas-chronicles-2015-06-23.txt",
        "antv-original.es.html",
        "antv-corrected.es.html",
        "samples.jsonl",
    ):
        with resources.as_file(source / name) as path:
            shutil.copyfile(path, demo / name)
    lines = [json.dumps({"id": i, "url": u, "date": d, "lang": "en", "text": t}) for i, u, d, t in ARTICLES]
    lines.insert(2, "{not json")
    (folder / "extra.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(demo), str(folder / "extra.jsonl")]


@pytest.fixture()
def corpus(tmp_path: Path) -> list[str]:
    return write_corpus(tmp_path / "corpus")


@pytest.fixture(scope="module")
def cluster():
    """A real dask.distributed LocalCluster: 2 worker processes, one thread each; stopped as `dyad
    ingest --workers` stops its own, with time for a worker slow to exit on a loaded machine."""
    import logging

    from distributed import LocalCluster

    from dyad.distributed import close_cluster

    local = LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR
    )
    try:
        yield local
    finally:
        close_cluster(local)
