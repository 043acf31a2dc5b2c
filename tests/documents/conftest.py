"""Fixtures for the document reader: the made-up report in every format, written per test."""

from __future__ import annotations

import pytest


@pytest.fixture
def traditional():
    """The made-up report in traditional characters as Taiwan writes them (what a Big5 file
    holds)."""
    import opencc
    from _corpus import CLEAN

    return opencc.OpenCC("s2tw").convert(CLEAN)


@pytest.fixture
def briefing(fresh_cli_state, tmp_path, monkeypatch):
    """``briefing(*args)``: run one command line in a fresh CLI state (a command may load a
    pack or set --content; the next starts clean), with private cache and state folders."""
    from typer.testing import CliRunner

    from briefing.cli import app

    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))
    runner = CliRunner()

    def invoke(*args: str):
        fresh_cli_state.content, fresh_cli_state._pack = None, None
        fresh_cli_state.lang, fresh_cli_state.lang_given = "en", False
        result = runner.invoke(app, list(args))
        assert "Traceback" not in result.output, result.output
        return result

    return invoke
