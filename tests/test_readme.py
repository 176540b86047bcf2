"""The README is the manual: generated from docs/, its outputs real, every command in it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_is_built_from_docs():
    result = subprocess.run([sys.executable, "scripts/build_readme.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_quick_start_has_exactly_two_blocks_install_demo_then_tests():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```[a-z]*\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 2
    assert "pip install -e '.[all]'" in blocks[0] and "dyad demo" in blocks[0]
    assert "pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip().split("&&")[-1].strip() in ci


def test_every_command_has_help_and_a_place_in_the_readme():
    for name, command in main.commands.items():
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, name
        if not command.hidden:
            assert f"dyad {name}" in README or f"`{name}`" in README, f"`dyad {name}` is not in the README"


@pytest.mark.slow
def test_readme_outputs_are_what_dyad_prints_now():
    """cog re-runs the commands of docs/intro.md and compares (cog -r -I scripts docs/intro.md to update)."""
    result = subprocess.run([sys.executable, "-m", "cogapp", "--check", "-I", "scripts", "docs/intro.md"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
