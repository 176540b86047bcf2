"""The compiled-tables cache (dyad/cache.py): same results as without it, rebuilt when the data
change, safe with two processes building at once, and a bad file is rebuilt, never a crash."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import dyad
from dyad.cache import KEEP, TableCache, default_folder, package_fingerprint
from dyad.doc import Document
from dyad.engine import Engine
from dyad.resources import Resources

SEED = Path(__file__).parent / "fixtures" / "seed"
TABLES = {"actors-names", "checks", "missions-places", "patterns", "places"}  # what a `--fast` pipeline compiles


def coded(resources: Resources, *, fast: bool = True) -> dict[str, Any]:
    """Everything the pipeline says about the seed article and the ANTV-style story."""
    engine = Engine(fast=fast, resources=resources)
    out: dict[str, Any] = {}
    for name, date in (("caracas-chronicles-2015-06-23.txt", "2015-06-23"), ("antv-style-original.en.txt", None)):
        doc = engine.process(Document(id=name, text=(SEED / name).read_text(encoding="utf-8"), date=date))
        out[name] = {
            "events": [e.to_dict() for e in doc.events],
            "findings": [f.to_dict() for f in doc.findings],
            "mentions": [doc.mention_record(m) for m in doc.mentions],
        }
    return out


def tables_in(folder: Path) -> set[str]:
    return {p.name.rsplit("-", 1)[0] for p in folder.glob("*.pickle")}


@pytest.fixture(scope="module")
def without_cache() -> dict[str, Any]:
    return coded(Resources(cache=TableCache(None)))


def test_the_cache_gives_what_no_cache_gives(tmp_path: Path, without_cache: dict[str, Any]) -> None:
    cold = Resources(cache=TableCache(tmp_path))
    assert coded(cold) == without_cache
    assert tables_in(tmp_path) == TABLES
    warm = Resources(cache=TableCache(tmp_path))
    assert coded(warm) == without_cache
    # Read back, not rebuilt: the warm run never loaded the raw name and leader tables.
    assert "actor_names" not in vars(warm) and "leaders" not in vars(warm)
    assert "actor_names" in vars(cold)


@pytest.mark.slow
def test_the_default_mode_with_the_cache_gives_what_it_gives_without(tmp_path: Path) -> None:
    Engine(fast=True, resources=Resources(cache=TableCache(tmp_path)))  # fill the cache
    assert coded(Resources(cache=TableCache(tmp_path)), fast=False) == coded(
        Resources(cache=TableCache(None)), fast=False
    )


def test_a_changed_user_dictionary_is_compiled_again(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    cache = TableCache(tmp_path / "cache")

    def code_of(text: str) -> list[str]:
        engine = Engine(fast=True, stages=["sentences", "actors"], resources=Resources([mine], cache=cache))
        return [m.code for m in engine.process(Document(id="t", text=text)).mentions]

    mine.write_text("name\tcode\tkind\nFrente Azul\tARGOPP\tgroup\n", encoding="utf-8")
    assert code_of("Frente Azul criticized Chile.") == ["ARGOPP", "CHL"]
    mine.write_text("name\tcode\tkind\nFrente Azul\tBOLOPP\tgroup\n", encoding="utf-8")
    assert code_of("Frente Azul criticized Chile.") == ["BOLOPP", "CHL"]
    assert len(list((tmp_path / "cache").glob("actors-names-*.pickle"))) == 2
    mine.write_text("name\tcode\tkind\nFrente Azul\tARGOPP\tgroup\n", encoding="utf-8")
    assert code_of("Frente Azul criticized Chile.") == ["ARGOPP", "CHL"]  # the first one, read back


def test_a_dictionary_edited_during_the_build_is_not_kept_under_its_old_key(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("name\tcode\nFrente Azul\tARGOPP\n", encoding="utf-8")
    resources = Resources([mine], cache=TableCache(tmp_path / "cache"))

    def build_while_the_user_saves() -> list[str]:
        mine.write_text("name\tcode\nFrente Azul\tBOLOPP\n", encoding="utf-8")
        return ["built from whichever content the build read"]

    built = resources.compiled("t", build_while_the_user_saves, list)
    assert built == ["built from whichever content the build read"]
    assert not list((tmp_path / "cache").glob("t-*.pickle"))
    again = Resources([mine], cache=TableCache(tmp_path / "cache"))  # the next run: its key is the new content's
    assert again.compiled("t", lambda: ["again"], list) == ["again"]
    assert len(list((tmp_path / "cache").glob("t-*.pickle"))) == 1


def test_a_changed_data_file_changes_the_key(tmp_path: Path) -> None:
    package = Path(dyad.__file__).parent
    copy = tmp_path / "dyad"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "model", "demo", "web"))
    (copy / "data" / "model").mkdir()
    (copy / "data" / "model" / "model.onnx").write_bytes(b"weights")
    before = package_fingerprint(copy)
    assert package_fingerprint(copy) == before

    (copy / "data" / "model" / "model.onnx").write_bytes(b"other weights")  # no table reads the model
    (copy / "__pycache__").mkdir()
    (copy / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert package_fingerprint(copy) == before

    names = copy / "data" / "actors" / "names.tsv"
    names.write_text(names.read_text(encoding="utf-8") + "Frente Azul\tARGOPP\n", encoding="utf-8")
    changed = package_fingerprint(copy)
    assert changed != before
    (copy / "actors" / "matcher.py").write_text("# changed\n", encoding="utf-8")  # the code that builds it
    assert package_fingerprint(copy) not in (before, changed)


def test_a_new_key_builds_and_the_same_key_reads_back(tmp_path: Path) -> None:
    cache = TableCache(tmp_path)
    built: list[str] = []

    def build(value: str) -> Any:
        def run() -> dict[str, str]:
            built.append(value)
            return {"value": value}

        return run

    assert cache.load_or_build("t", "k1", build("one"), dict) == {"value": "one"}
    assert cache.load_or_build("t", "k1", build("again"), dict) == {"value": "one"}
    assert cache.load_or_build("t", "k2", build("two"), dict) == {"value": "two"}
    assert built == ["one", "two"]


def test_a_table_keeps_its_most_recently_used_files(tmp_path: Path) -> None:
    cache = TableCache(tmp_path)
    other = cache.load_or_build("t-other", "k", lambda: [0], list)  # a table whose name starts alike
    for i in range(KEEP + 3):
        cache.load_or_build("t", f"k{i}", lambda i=i: [i], list)
        if i == 0:
            first = tmp_path / "t-k0.pickle"
        os.utime(tmp_path / f"t-k{i}.pickle", (1_000_000 + i, 1_000_000 + i))  # written in this order
        if i > 0:
            cache.load_or_build("t", "k0", _must_not_build, list)  # k0 is used again: it stays
            os.utime(first, (1_000_100 + i, 1_000_100 + i))
    kept = sorted(p.name for p in tmp_path.glob("t-k*.pickle"))
    assert len(kept) == KEEP and "t-k0.pickle" in kept
    assert kept == sorted(["t-k0.pickle", *(f"t-k{i}.pickle" for i in range(KEEP + 3 - (KEEP - 1), KEEP + 3))])
    assert other == [0] and (tmp_path / "t-other-k.pickle").is_file()


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding every table of a `--fast` pipeline."""
    folder = tmp_path_factory.mktemp("filled")
    engine = Engine(fast=True, resources=Resources(cache=TableCache(folder)))
    Resources(cache=TableCache(folder)).places  # noqa: B018 - compiled on first use
    # a language's trigger patterns are compiled when a sentence in it is first coded
    engine.process(Document(id="en", text="Ghana opened an embassy in Peru.", lang="en"))
    return folder


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"",  # empty
        lambda data: os.urandom(len(data)),  # garbage
        lambda data: pickle.dumps(("dyad-tables-1", "another key", {"x": 1})),  # a valid pickle, not ours
        lambda data: pickle.dumps({"format": "an older layout"}),
    ],
    ids=["truncated", "empty", "garbage", "other-key", "other-layout"],
)
def test_a_damaged_file_is_built_again(tmp_path: Path, damage: Any, filled: Path,
                                      without_cache: dict[str, Any]) -> None:
    shutil.copytree(filled, tmp_path, dirs_exist_ok=True)
    files = sorted(tmp_path.glob("*.pickle"))
    assert {f.name.rsplit("-", 1)[0] for f in files} == TABLES
    for f in files:
        f.write_bytes(damage(f.read_bytes()))
    assert coded(Resources(cache=TableCache(tmp_path))) == without_cache
    for f in files:  # rewritten whole: each reads back without building
        name, key = f.stem.rsplit("-", 1)
        assert TableCache(tmp_path).load_or_build(name, key, _must_not_build, object) is not None


def _must_not_build() -> object:
    raise AssertionError("the table was built again instead of read back")


def test_processes_building_at_once_all_succeed(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    article = SEED / "caracas-chronicles-2015-06-23.txt"
    command = [sys.executable, "-c", "from dyad.cli import main; main()", "code", "--fast", "--date",
               "2015-06-23", str(article)]
    reference = subprocess.run(command, env={**os.environ, "DYAD_CACHE_DIR": "off"}, capture_output=True,
                               text=True, check=True).stdout
    assert reference
    env = {**os.environ, "DYAD_CACHE_DIR": str(folder)}
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err for _out, err in outputs]
    assert [out for out, _err in outputs] == [reference] * 3
    # the language detector's model is kept too when a sentence's function words cannot tell its language
    assert tables_in(folder) - {"langid"} == TABLES
    assert not [p for p in folder.iterdir() if not p.name.endswith(".pickle")]  # no temporary file left
    again = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert again.stdout == reference


def test_a_folder_that_cannot_be_written_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = TableCache(blocker / "cache")
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return [1, 2, 3]

    assert cache.load_or_build("t", "k", build, list) == [1, 2, 3]
    assert cache.load_or_build("t", "k", build, list) == [1, 2, 3]
    assert len(calls) == 2
    article = SEED / "caracas-chronicles-2015-06-23.txt"
    result = subprocess.run(
        [sys.executable, "-c", "from dyad.cli import main; main()", "code", "--fast", str(article)],
        env={**os.environ, "DYAD_CACHE_DIR": str(blocker / "cache")}, capture_output=True, text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stdout and not result.stderr


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DYAD_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "dyad"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec: ignore a relative path
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_folder() == tmp_path / "home" / ".cache" / "dyad"
    monkeypatch.setenv("DYAD_CACHE_DIR", str(tmp_path / "mine"))
    assert default_folder() == tmp_path / "mine"
    for off in ("off", "", "0"):
        monkeypatch.setenv("DYAD_CACHE_DIR", off)
        assert default_folder() is None
        assert Resources().cache == TableCache(None)


def test_a_data_file_edited_during_the_build_is_not_kept_under_its_old_key(tmp_path: Path) -> None:
    # a copy of the package, so its data file can really be edited while a table is built
    package = Path(dyad.__file__).parent
    copy = tmp_path / "site" / "dyad"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "model", "demo", "web"))
    script = (
        "import pathlib, sys\n"
        "import dyad\n"
        "from dyad.cache import TableCache\n"
        "from dyad.resources import Resources\n"
        "names = pathlib.Path(dyad.__file__).parent / 'data' / 'actors' / 'names.tsv'\n"
        "def build():\n"
        "    if sys.argv[2] == 'edit':  # the user saves a data file while the run builds its table\n"
        "        names.write_text(names.read_text(encoding='utf-8') + 'Frente Azul\\tARGOPP\\n', encoding='utf-8')\n"
        "    return ['built']\n"
        "cache = pathlib.Path(sys.argv[1])\n"
        "Resources(cache=TableCache(cache)).compiled('t', build, list, bundled_only=True)\n"
        "print(len(list(cache.glob('t-*.pickle'))))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(copy.parent)}

    def run(how: str) -> str:
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "cache"), how], env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.strip()

    assert run("edit") == "0"  # built from the edited file, under the old file's key: not kept
    assert run("plain") == "1"  # the next run keys the file as it is now, and keeps its table
