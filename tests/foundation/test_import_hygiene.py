"""Non-interactive paths never import Textual (they must start fast and work headless)."""

from __future__ import annotations

import subprocess
import sys

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
    assert imported_packages("import briefing.model, briefing.pack, briefing.comparisons, "
                             "briefing.export, briefing.search", {"textual", "rich"}) == []
