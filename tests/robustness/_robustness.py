"""Helpers for the robustness suite: CLI runners that forbid tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from briefing.cli import app
from briefing.cli.console import state

ROOT = Path(__file__).resolve().parents[2]
# a sentence of the bundled review, for figures the tests build
SME_QUOTE = "国家科技型中小企业2.43万家、全国第一"
runner = CliRunner()


def run_cli(*args: str):
    """Invoke the CLI in-process; a traceback or an unexpected exception fails the test."""
    state.content, state.lang, state._pack = None, "en", None
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output, result.output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def run_module(*args: str, env: dict[str, str] | None = None, timeout: float = 60):
    """``python -m briefing ARGS`` in a subprocess (real stdout pipe, so not a TTY)."""
    base = {k: v for k, v in os.environ.items()
            if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "CLICOLOR_FORCE",
                         "COLUMNS", "LINES")}
    base["PYTHONPATH"] = str(ROOT) + os.pathsep + base.get("PYTHONPATH", "")
    base.update(env or {})
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                          stdin=subprocess.DEVNULL, env=base, timeout=timeout, cwd=ROOT)
