"""No SQL is built from strings at run time anywhere in the package: every `text()`,
`execute()` or `exec_driver_sql()` gets a constant string or a SQLAlchemy construct, so values
can only travel as bound parameters. (The HTTP test spies on the statements actually sent.)"""

from __future__ import annotations

import ast
from pathlib import Path

import dyad

_SQL_CALLS = {"text", "execute", "exec_driver_sql", "executescript", "executemany"}


def _built_at_run_time(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return any(
            isinstance(side, ast.Constant | ast.JoinedStr) and not isinstance(side, ast.Name)
            for side in (node.left, node.right)
        )
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def test_no_sql_string_is_formatted() -> None:
    root = Path(dyad.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in _SQL_CALLS and _built_at_run_time(node.args[0]):
                offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert not offenders, offenders


def test_the_checker_catches_formatted_sql() -> None:
    bad = ast.parse("conn.execute(text(f\"select * from events where source = '{source}'\"))").body[0]
    call = bad.value  # type: ignore[attr-defined]
    assert _built_at_run_time(call.args[0].args[0])
    assert _built_at_run_time(ast.parse('"select " + name').body[0].value)  # type: ignore[attr-defined]
    assert not _built_at_run_time(ast.parse('"select 1"').body[0].value)  # type: ignore[attr-defined]
