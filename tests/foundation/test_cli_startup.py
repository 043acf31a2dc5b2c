"""What ``briefing COMMAND`` loads before it runs: start-up is most of a command-line search.

``main`` imports only the module of the command it runs (``COMMAND_MODULES``), ``--json`` never
imports Rich, and a table reuses the line breaks an earlier command found.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_every_command_is_mapped_to_the_module_that_registers_it():
    from briefing.cli import app
    from briefing.cli.root import COMMAND_MODULES

    commands = {(info.name or info.callback.__name__.replace("_", "-")):
                info.callback.__module__ for info in app.registered_commands}
    # command groups (briefing library ...) register as sub-apps
    registered = {**commands, **{
        info.name: info.typer_instance.registered_callback.callback.__module__
        for info in app.registered_groups}}
    assert registered == {name: f"briefing.cli.{module}"
                          for name, module in COMMAND_MODULES.items()}
    # --help lists them in the map's order, whichever module was imported first
    assert list(commands) == [n for n in COMMAND_MODULES if n in commands]


@pytest.mark.parametrize(("args", "name"), [
    (["search", "yanfa"], "search"),
    (["--content", "search", "figures"], "figures"),  # "search" is --content's value
    (["--content=pack", "-l", "zh", "show", "x"], "show"),
    (["--lang=zh", "pins"], "pins"),
    (["-lzh", "search", "q"], "search"),
    (["--help"], None),
    (["--bogus", "search"], None),
    (["-l"], None),
    ([], None),
    (["nosuch"], "nosuch"),
])
def test_command_named(args, name):
    from briefing.cli.root import command_named

    assert command_named(args) == name


def _run(code_args: list[str], tmp_path: Path, extra: str = "") -> subprocess.CompletedProcess:
    code = ("import runpy, sys\n"
            f"sys.argv = ['briefing', *{code_args!r}]\n"
            "try:\n"
            "    runpy.run_module('briefing', run_name='__main__')\n"
            "except SystemExit as exc:\n"
            "    assert not exc.code, exc.code\n"
            "loaded = sorted(m for m in sys.modules if m.startswith(('rich', 'briefing.cli.',"
            " 'uniseg', 'briefing.export', 'briefing.present.comparison_rows',"
            " 'briefing.userstate')))\n"
            "print(loaded, file=sys.stderr)\n" + extra)
    env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
           "BRIEFING_STATE_DIR": str(tmp_path / "state"), "PATH": "/usr/bin:/bin",
           "COLUMNS": "100"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=False)
    assert out.returncode == 0, out.stderr
    return out


def _loaded(out: subprocess.CompletedProcess) -> list[str]:
    return eval(out.stderr.strip().splitlines()[-1])  # the list printed above


def test_search_json_loads_one_command_module_and_no_rich(tmp_path):
    loaded = _loaded(_run(["search", "yanfa", "--json"], tmp_path))
    assert [m for m in loaded if m.startswith("briefing.cli.")] == [
        "briefing.cli.console", "briefing.cli.root", "briefing.cli.search"]
    assert not [m for m in loaded if not m.startswith("briefing.cli.")]


def test_a_second_search_table_reuses_the_line_breaks(tmp_path):
    first = _run(["search", "yanfa"], tmp_path)
    assert "uniseg.linebreak" in _loaded(first)
    assert list((tmp_path / "cache").glob("breaks-*-cli-*.marshal"))
    second = _run(["search", "yanfa"], tmp_path)
    assert "uniseg.linebreak" not in _loaded(second)
    assert second.stdout == first.stdout and "rd-input-2024" in first.stdout


def test_an_oversized_breaks_file_is_started_afresh(tmp_path):
    from briefing.cli import console as cli_state

    first = _run(["search", "yanfa"], tmp_path)
    (path,) = (tmp_path / "cache").glob("breaks-*-cli-*.marshal")
    path.write_bytes(path.read_bytes() + b"\0" * cli_state.BREAKS_MAX_BYTES)  # too big to read
    again = _run(["search", "yanfa"], tmp_path)
    assert again.stdout == first.stdout
    assert "uniseg.linebreak" in _loaded(again)  # not warmed: broken afresh...
    assert path.stat().st_size < cli_state.BREAKS_MAX_BYTES  # ...and the file restarted
