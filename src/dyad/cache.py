"""The compiled-tables cache: what dyad derives from its data files, kept on disk between runs.

Building the tables a pipeline works from (the actor names' automaton and its entries, the
checks' tables, the trigger patterns, the places) takes a second or two; reading them back
takes a tenth of that. Each compiled table is one pickle file named by what it holds and a key:

    <folder>/<name>-<key>.pickle      key = hash of the bundled data files, dyad's own source,
                                            the Python version, each user dictionary (`--dict`)
                                            and the table's own settings

so a change to any of them picks another file, and the table is built again.

Where: `$DYAD_CACHE_DIR`, else `$XDG_CACHE_HOME/dyad`, else `~/.cache/dyad`; `DYAD_CACHE_DIR=off`
keeps no cache. A folder that cannot be created or written means no cache: a slower start-up,
never an error. A file is written to a temporary name in the same folder and then renamed over
the final one (`os.replace`), so two processes building the same table at once both succeed and
a reader never sees half a file; a file that cannot be read back (truncated, corrupt, of another
layout) is ignored and built again. A table keeps its `KEEP` most recently used files (other
user dictionaries, other versions of the data); writing a new one deletes the older. The pickles
are trusted as the user's own files: point `DYAD_CACHE_DIR` only at a folder nobody else can write.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# Bumped when the file layout changes; part of every key and of every file.
_FORMAT = "dyad-tables-1"
# Files kept per table: the most recently used ones (other user dictionaries, other versions of
# dyad or of its data); older ones are deleted when a new one is written.
KEEP = 6
# Folders of the bundled data that no table is compiled from (the model is onnxruntime's to load).
_NOT_TABLES = frozenset({"model"})
_OFF = frozenset({"", "0", "off", "no", "none", "false"})


def default_folder() -> Path | None:
    """Where compiled tables live: $DYAD_CACHE_DIR, $XDG_CACHE_HOME/dyad or ~/.cache/dyad; None when off."""
    given = os.environ.get("DYAD_CACHE_DIR")
    if given is not None:
        return None if given.strip().lower() in _OFF else Path(given).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "dyad"
    try:
        return Path.home() / ".cache" / "dyad"
    except RuntimeError:  # no home directory to be found
        return None


@dataclass(frozen=True, slots=True)
class TableCache:
    """Compiled tables on disk under `folder` (None: build every time, keep nothing)."""

    folder: Path | None

    @classmethod
    def default(cls) -> TableCache:
        return cls(default_folder())

    def path(self, name: str, key: str) -> Path | None:
        return None if self.folder is None else self.folder / f"{name}-{key}.pickle"

    def load_or_build(self, name: str, key: str, build: Callable[[], T], kind: type[T],
                      still_current: Callable[[], bool] | None = None) -> T:
        """The table `name` for `key`: read back when a good file holds it, else built (and kept,
        unless `still_current()` says the files the key was taken from changed during the build)."""
        path = self.path(name, key)
        if path is None:
            return build()
        found = _read(path, key, kind)
        if found is not None:
            _touch(path)
            return found
        value = build()
        if still_current is None or still_current():
            _write(path, key, value)
            _prune(path.parent, name, KEEP)
        return value


def _read(path: Path, key: str, kind: type[T]) -> T | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling makes many containers and no garbage: collecting meanwhile only costs
    try:
        payload = pickle.loads(data)
    except Exception:  # noqa: BLE001 - a truncated, corrupt or foreign file is rebuilt, whatever the error
        return None
    finally:
        if enabled:
            gc.enable()
    if (
        isinstance(payload, tuple)
        and len(payload) == 3
        and payload[0] == _FORMAT
        and payload[1] == key
        and isinstance(payload[2], kind)
    ):
        return payload[2]
    return None


def _write(path: Path, key: str, value: object) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`; give up quietly on OSError."""
    data = pickle.dumps((_FORMAT, key, value), protocol=pickle.HIGHEST_PROTOCOL)
    tmp: str | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass  # a read-only or full disk: no cache, the next run builds again
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _touch(path: Path) -> None:
    """Mark a file used (its modification time is what `_prune` keeps the newest by)."""
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only cache still serves


def _prune(folder: Path, name: str, keep: int) -> None:
    """Delete all but the `keep` most recently used files of table `name`."""
    try:
        mine = [p for p in folder.glob(f"{name}-*.pickle") if p.stem.rsplit("-", 1)[0] == name]
        files = sorted(((p.stat().st_mtime, p) for p in mine), reverse=True)
        for _mtime, path in files[keep:]:
            path.unlink()
    except OSError:
        pass  # another process pruned first, or the folder is read-only: try again next time


def digest(parts: Iterable[str | bytes]) -> str:
    """A short hex key over `parts` (each one length-prefixed, so no two lists of parts collide)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def file_parts(paths: Iterable[Path]) -> list[str | bytes]:
    """Key parts for files given by the user: each one's path and content (or why it cannot be read:
    the build that follows raises the error that names the file)."""
    parts: list[str | bytes] = []
    for path in paths:
        parts.append(str(path))
        try:
            parts.append(path.read_bytes())
        except OSError as exc:
            parts.append(f"unreadable: {exc}")
    return parts


@lru_cache(maxsize=1)
def bundled_fingerprint() -> str:
    """`package_fingerprint` of the installed dyad, once per process."""
    return bundled_fingerprint_now()


def bundled_fingerprint_now() -> str:
    """`package_fingerprint` of the installed dyad, read again: a table built after a data file changed
    (an edit while a long run builds its tables) is not kept under the key of the files as they were."""
    root = Path(__file__).resolve().parent
    if (root / "data").is_dir():  # installed as files (the usual case): walk them directly
        return package_fingerprint(root)
    return _fingerprint(_traverse(importlib_resources.files("dyad"), ""))  # inside a zip or another loader


def package_fingerprint(root: Path) -> str:
    """A key over what every compiled table comes from: the package's data files (but the model),
    its Python source (the version among it), and the Python version (pickles are Python's)."""
    files: list[tuple[str, Callable[[], bytes]]] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith((".", "__pycache__"))]
        rel = Path(folder).relative_to(root).as_posix()
        files.extend((name if rel == "." else f"{rel}/{name}", (Path(folder) / name).read_bytes)
                     for name in names if not name.startswith("."))
    return _fingerprint(files)


def _fingerprint(files: list[tuple[str, Callable[[], bytes]]]) -> str:
    parts: list[str | bytes] = [_FORMAT, sys.implementation.name, f"{sys.version_info.major}.{sys.version_info.minor}"]
    for rel, read in sorted(files, key=lambda pair: pair[0]):
        if rel.startswith("data/") and rel.split("/", 2)[1] in _NOT_TABLES:
            continue
        if rel.endswith(".py") or rel.startswith("data/") or rel == "default.toml":
            parts.extend((rel, read()))
    return digest(parts)


def _traverse(folder: Traversable, prefix: str) -> list[tuple[str, Callable[[], bytes]]]:
    out: list[tuple[str, Callable[[], bytes]]] = []
    for item in folder.iterdir():
        if item.name.startswith((".", "__pycache__")):
            continue
        rel = f"{prefix}{item.name}"
        out.extend(_traverse(item, rel + "/") if item.is_dir() else [(rel, item.read_bytes)])
    return out
