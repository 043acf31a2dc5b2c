"""A library of six small packs of made-up provincial government work reports (``packs/``),
copied into a temporary folder for each test, with private cache, state and default-library
folders and a clean command-line state."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _library_packs import PACKS
from typer.testing import CliRunner


@pytest.fixture(autouse=True)
def _private(tmp_path, monkeypatch):
    from briefing.cli.console import state

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("BRIEFING_LIBRARY_DIR", str(tmp_path / "default-library"))
    state.content, state.lang, state._pack, state.lang_given = None, "en", None, False
    yield
    state.content, state.lang, state._pack, state.lang_given = None, "en", None, False


@pytest.fixture
def library_dir(tmp_path) -> Path:
    """The six packs and their library.yaml, in a folder the test may change."""
    target = tmp_path / "library"
    shutil.copytree(PACKS, target)
    return target


class Cli:
    """``briefing`` as a fresh process would run it (the state is reset per call)."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, code: int = 0, content: Path | None = None, **kw):
        from briefing.cli import app
        from briefing.cli.console import state

        state.content, state.lang, state._pack, state.lang_given = None, "en", None, False
        argv = (["--content", str(content)] if content else []) + list(args)
        result = self.runner.invoke(app, argv, **kw)
        assert "Traceback" not in result.output, result.output
        assert result.exit_code == code, (result.exit_code, result.output)
        return result


@pytest.fixture
def cli() -> Cli:
    return Cli()
