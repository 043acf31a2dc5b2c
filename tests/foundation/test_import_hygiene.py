"""Non-interactive paths never import Textual (they must start fast and work headless)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = [["figures"], ["sections", "--json"], ["show", "plan-talent"],
            ["compare", "rankings"], ["export", "weaknesses"], ["validate"],
            ["search", "rencai", "--json"], ["pin", "weaknesses"], ["pins", "--json"],
            ["coverage"]]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_commands_do_not_import_textual(args, tmp_path):
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from briefing.cli import app\n"
        f"result = CliRunner().invoke(app, {args!r})\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    env = {"BRIEFING_CACHE_DIR": str(tmp_path), "BRIEFING_STATE_DIR": str(tmp_path / "state"),
           "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_model_and_pack_do_not_import_textual_or_rich(imported_packages):
    assert imported_packages("import briefing.model, briefing.pack, "
                             "briefing.present.comparison_rows, "
                             "briefing.present.comparison_table, "
                             "briefing.present.comparison_profiles, "
                             "briefing.present.comparison_json, "
                             "briefing.export, briefing.search", {"textual", "rich"}) == []


def test_layering_contracts_hold():
    """The import-linter contracts in pyproject.toml (layers, no cycles, who may import Textual
    and Rich) hold for every import, deferred ones included."""
    pytest.importorskip("importlinter")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c",
                          "import sys; from importlinter.cli import lint_imports; "
                          "sys.exit(lint_imports(no_cache=True, no_logo=True))"],
                         capture_output=True, text=True, cwd=root, check=False)
    assert out.returncode == 0, out.stdout[-3000:]
