"""Several processes pinning at once: the app (navigating and pinning), ``briefing pin`` from
the shell and more writers, all on one state file. No pin is lost (issue 26, item 1)."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

from _robustness import ROOT

from briefing.userstate import StateStore

FIXTURE = ROOT / "tests" / "tui" / "fixture" / "content"
ROUNDS = 20


def _app_like(directory: str, name: str) -> None:
    """What an app process does: navigate (a resume write) and pin, from its own copy."""
    from briefing.pack import load_pack
    from briefing.tui.session import Session

    session = Session(load_pack(FIXTURE), StateStore(Path(directory)))
    for n in range(ROUNDS):
        session.remember(open_id="weaknesses" if n % 2 else "achievements", scroll=float(n))
        session.toggle_pin(f"{name}-{n}")  # not in the pack: set aside, and still kept


def _cli(state: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "BRIEFING_STATE_DIR": str(state),
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen([sys.executable, "-m", "briefing", "--content", str(FIXTURE),
                             *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, cwd=ROOT)


def test_concurrent_writers_lose_no_pin(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    writers = [ctx.Process(target=_app_like, args=(str(tmp_path), f"tab{n}")) for n in range(2)]
    for proc in writers:
        proc.start()
    shell_pins = ["tech-smes-2024", "cmp-ranks"]
    shells = [_cli(tmp_path, "pin", item) for item in shell_pins]
    for shell in shells:
        _out, err = shell.communicate(timeout=120)
        assert shell.returncode == 0, err.decode()
    for proc in writers:
        proc.join(timeout=120)
        assert proc.exitcode == 0
    final = StateStore(tmp_path).load("fixture")
    kept = set(final.pins) | set(final.set_aside)
    expected = set(shell_pins) | {f"tab{t}-{n}" for t in range(2) for n in range(ROUNDS)}
    assert expected - kept == set()
    assert StateStore(tmp_path).notices == []
    assert not list(tmp_path.glob(".state.*.tmp"))
