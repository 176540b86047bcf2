"""`dyad serve`: its options and defaults (the browser tests run it for real)."""

from click.testing import CliRunner

from dyad.cli import main


def test_serve_binds_loopback_by_default_and_documents_the_token():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host" in result.output and "127.0.0.1" in result.output
    assert "--port" in result.output and "8000" in result.output
    assert "DYAD_TOKEN" in result.output


def test_serve_refuses_a_bad_port():
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2
    assert "70000" in result.output
