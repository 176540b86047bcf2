"""docs/reliability.md names every reliability test, and every test it names exists."""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).parent
DOC = HERE.parent.parent / "docs" / "reliability.md"


def test_the_table_and_the_tests_agree() -> None:
    doc = DOC.read_text(encoding="utf-8")
    defined = {
        m.group(1)
        for f in HERE.glob("test_*.py")
        for m in re.finditer(r"^def (test_\w+)", f.read_text(encoding="utf-8"), re.M)
    }
    cited = set(re.findall(r"::(test_\w+)", doc))
    assert cited - defined == set(), "the table names tests that do not exist"
    assert defined - cited - {"test_the_table_and_the_tests_agree"} == set(), "tests missing from the table"
