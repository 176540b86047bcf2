"""User dictionaries (--dict), the `dyad actors` command and `dyad.find_actors`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import dyad
from dyad.cli import main
from dyad.errors import DataFileError
from dyad.resources import Resources

TSV = """# my actors
name\tcode\tkind\tcase
Frente Azul\tARGOPP\tgroup\tcap
Radio Lagos Libre\tNGAMED\torganisation\t
"""

CSV = """name,code,start,end,aliases
Zorana Petrovic,MNEGOV,2020-01-01,2024-12-31,Petrovic
"""


@pytest.fixture()
def dict_tsv(tmp_path: Path) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text(TSV, encoding="utf-8")
    return path


@pytest.fixture()
def dict_csv(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_user_names_and_leaders_are_found(dict_tsv: Path, dict_csv: Path) -> None:
    text = "Frente Azul accused Radio Lagos Libre of bias. Petrovic replied."
    mentions = dyad.find_actors(text, date="2022-05-01", user_dicts=[dict_tsv, dict_csv])
    got = {(m.text, m.code) for m in mentions}
    assert {("Frente Azul", "ARGOPP"), ("Radio Lagos Libre", "NGAMED"), ("Petrovic", "MNEGOV")} <= got
    assert all("user:" in m.why or m.kind == "leader" for m in mentions if m.code in ("ARGOPP", "NGAMED"))


def test_without_the_dictionary_they_are_unknown() -> None:
    assert not [m for m in dyad.find_actors("Frente Azul accused the press.") if m.code == "ARGOPP"]


def test_a_bad_code_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("name\tcode\nSomebody\tnot a code\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="row 2"):
        Resources(user_dicts=[path]).actor_names  # noqa: B018 - loading is the test


def test_actors_command_jsonl(tmp_path: Path, dict_tsv: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Nigeria's army freed hostages. Frente Azul praised it.", encoding="utf-8")
    result = CliRunner().invoke(main, ["actors", "--format", "jsonl", "--dict", str(dict_tsv), str(article)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    first = rows[0]
    assert (first["text"], first["code"], first["kind"]) == ("Nigeria's army", "NGAMIL", "role")
    assert first["why"] and first["doc_id"] == "a.txt"
    assert article.read_text()[first["doc_start"] : first["doc_end"]] == "Nigeria's army"
    assert ("Frente Azul", "ARGOPP") in [(r["text"], r["code"]) for r in rows]


def test_actors_command_table_and_missing_file(tmp_path: Path) -> None:
    article = tmp_path / "b.txt"
    article.write_text("Chile recalled its ambassador from Peru.", encoding="utf-8")
    result = CliRunner().invoke(main, ["actors", "--format", "table", str(article)])
    assert result.exit_code == 0 and "CHL" in result.output and "PER" in result.output
    missing = CliRunner().invoke(main, ["actors", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1
    assert "Traceback" not in missing.output


def test_code_command_takes_a_dictionary(tmp_path: Path, dict_tsv: Path) -> None:
    article = tmp_path / "c.txt"
    article.write_text("Frente Azul criticized Chile.", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["code", "--fast", "--format", "jsonl", "--dict", str(dict_tsv), str(article)]
    )
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines()]
    assert [(e["source"]["code"], e["target"]["code"]) for e in events] == [("ARGOPP", "CHL")]
    plain = CliRunner().invoke(main, ["code", "--fast", "--format", "jsonl", str(article)])
    assert "ARGOPP" not in plain.output


def test_find_actors_is_public() -> None:
    assert "find_actors" in dyad.__all__
    mentions = dyad.find_actors("Ecuador and Peru signed a treaty.")
    assert [m.code for m in mentions] == ["ECU", "PER"]


def test_ingest_takes_a_dictionary(tmp_path: Path, dict_tsv: Path) -> None:
    article = tmp_path / "d.txt"
    article.write_text("Frente Azul criticized Chile.", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'dyad.db'}"
    result = CliRunner().invoke(
        main, ["--db", db, "ingest", "--fast", "-q", "--dict", str(dict_tsv), str(article)]
    )
    assert result.exit_code == 0, result.output
    stored = CliRunner().invoke(main, ["--db", db, "events", "--format", "jsonl"])
    assert "ARGOPP" in stored.output
