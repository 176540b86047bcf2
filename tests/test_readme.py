"""The README and the manual: a short README whose Quick start runs, a site that builds strictly,
every command documented, and every output shown what dyad prints now."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"


def _section(text: str, heading: str) -> str:
    return text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]


def test_the_readme_is_short():
    assert len(README.splitlines()) <= 300, "README.md is over 300 lines: move the details into docs/"


def test_quick_start_has_exactly_two_blocks_install_demo_then_tests():
    section = _section(README, "Quick start")
    blocks = re.findall(r"```[a-z]*\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 2
    assert "pip install -e '.[all]'" in blocks[0] and "dyad demo" in blocks[0]
    assert "pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip().split("&&")[-1].strip() in ci
    # the site's overview says the same
    assert _section((DOCS / "index.md").read_text(encoding="utf-8"), "Quick start") == section


def test_every_command_has_help_and_a_place_in_the_docs():
    pages = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))
    for name, command in main.commands.items():
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, name
        if not command.hidden:
            assert f"dyad {name}" in pages, f"`dyad {name}` is in no page of docs/"


def test_the_readme_links_to_pages_that_exist():
    links = re.findall(r"\]\((docs/[^)#\s]+)", README)
    assert links, "the README links into docs/"
    assert [link for link in links if not (ROOT / link).is_file()] == []


def test_the_docs_site_builds_strictly(tmp_path: Path):
    """A page left out of mkdocs.yml's nav, a link to a missing page or heading, a nav entry
    without its page: each is a warning, and --strict makes it fail."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"),
         "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    for page in DOCS.glob("*.md"):
        built = "index.html" if page.stem == "index" else f"{page.stem}/index.html"
        assert (tmp_path / "site" / built).is_file(), f"{page.name} was not built"


@pytest.mark.slow
def test_readme_outputs_are_what_dyad_prints_now():
    """cog re-runs the commands shown in README.md and docs/index.md and compares
    (cog -r -I scripts README.md docs/index.md to update)."""
    result = subprocess.run([sys.executable, "-m", "cogapp", "--check", "-I", "scripts", "README.md",
                             "docs/index.md"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
