"""Meta-tests: the public namespace, and every bundled data file loads cleanly."""

from importlib import resources

import dyad
from dyad.data._load import read_tsv

# Natural keys of the bundled tables: no two rows may share one.
KEYS = {
    "cameo/codes.tsv": ("code",),
    "actors/countries.tsv": ("iso3",),
    "actors/names.tsv": ("name", "code"),
    "checks/neighbours.tsv": ("country", "from"),
    "checks/officials.tsv": ("entity", "name"),
    "checks/ties.tsv": ("a", "b", "from"),
    "gdelt/cameo_countries.tsv": ("cameo",),
}


def test_all_lists_exactly_the_public_names():
    # dir(), not vars(): the store's names are imported on first use (see dyad/__init__.py)
    public = {n for n in dir(dyad) if not n.startswith("_") and not _is_submodule(n)}
    assert set(dyad.__all__) - {"__version__"} == public


def _is_submodule(name: str) -> bool:
    import types

    return isinstance(getattr(dyad, name), types.ModuleType)


def _bundled_tsv_files():
    root = resources.files("dyad.data")
    stack = [("", root)]
    while stack:
        prefix, folder = stack.pop()
        for child in folder.iterdir():
            rel = f"{prefix}{child.name}"
            if child.is_dir():
                stack.append((rel + "/", child))
            elif child.name.endswith(".tsv"):
                yield rel


def test_every_bundled_table_loads_with_unique_keys():
    files = sorted(_bundled_tsv_files())
    assert "cameo/codes.tsv" in files and "missions/missions.tsv" in files
    for rel in files:
        rows = read_tsv(rel)
        assert rows, f"{rel} is empty"
        key = KEYS.get(rel)
        if key:
            seen = [tuple(r[k] for k in key) for r in rows]
            dupes = {k for k in seen if seen.count(k) > 1} if len(seen) < 2000 else _dupes(seen)
            assert not dupes, f"{rel}: duplicate keys {sorted(dupes)[:5]}"


def _dupes(keys):
    seen, dupes = set(), set()
    for k in keys:
        if k in seen:
            dupes.add(k)
        seen.add(k)
    return dupes


def test_cameo_table_is_complete():
    codes = {r["code"]: r for r in read_tsv("cameo/codes.tsv")}
    assert len(codes) >= 300
    assert {c[:2] for c in codes} == {f"{i:02d}" for i in range(1, 21)}
    assert codes["054"]["plover"] == "SUPPORT" and codes["163"]["penta"] == "3" and codes["190"]["quad"] == "4"


def test_nothing_dyad_runs_or_tests_imports_spacy():
    """spaCy is the benchmarks' yardstick (the `bench` extra), not a dependency: `.[all]` lacks it."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    found = []
    for path in [*(root / "src").rglob("*.py"), *(root / "tests").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.relative_to(root)}: {n}" for n in names
                      if n.split(".")[0] == "spacy" or n.startswith("en_core_web")]
    assert not found, found
