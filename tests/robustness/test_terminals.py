"""Every command under NO_COLOR, TERM=dumb and a non-TTY stdout: readable plain text.

Each command runs as ``python -m briefing ...`` in a subprocess whose stdout is a pipe; the
three environments run side by side. Output must carry its content and no escape sequence.
A pseudo-terminal checks the TTY case too: TERM=dumb gets no escapes, NO_COLOR no colours.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from _robustness import ROOT, run_module

ENVS = {
    "no-color": {"NO_COLOR": "1"},
    "term-dumb": {"TERM": "dumb"},
    "plain-pipe": {},
}

#: (arguments, text the output must contain, expected exit code)
COMMANDS = [
    (("--help",), "Reading", 0),
    (("validate",), "ok: suzhou-st-2025", 0),
    (("validate", "--help"), "Check a content pack", 0),
    (("sections",), "Weaknesses", 0),
    (("sections", "--json"), '"id": "achievements"', 0),
    (("sections", "--lang", "zh"), "短板", 0),
    (("show", "weaknesses"), "Sources", 0),
    (("show", "weak-research-efficiency", "--lang", "zh"), "科研产出效率", 0),
    (("show", "tech-contract-ratio-shanghai-2024"), "quote", 0),
    (("show", "targets-2025-progress"), "%", 0),
    (("figures",), "Period / kind", 0),
    (("figures", "--section", "weaknesses", "--json"), '"display"', 0),
    (("compare",), "targets-2025-progress", 0),
    (("compare", "targets-2025-progress"), "%", 0),
    (("compare", "hntes-2024", "tech-smes-2024"), "enterprises", 0),
    (("compare", "targets-2025-progress", "--json"), '"rows"', 0),
    (("search", "rencai"), "talent", 0),
    (("search", "rencai", "--json", "--limit", "3"), '"id"', 0),
    (("export", "weaknesses"), "# Weaknesses", 0),
    (("show", "no-such-id"), "error: unknown id 'no-such-id'", 1),
    (("tui",), "error: the app needs an interactive terminal", 1),
    ((), "error: the app needs an interactive terminal", 1),
]


def _run_all_envs(args: tuple[str, ...], tmp_path):
    def one(name: str):
        env = {"BRIEFING_CACHE_DIR": str(tmp_path / f"cache-{name}"), **ENVS[name]}
        if name != "term-dumb":
            env["TERM"] = "xterm-256color"
        return name, run_module(*args, env=env, timeout=60)

    with ThreadPoolExecutor(len(ENVS)) as pool:
        return list(pool.map(one, ENVS))


@pytest.mark.parametrize(("args", "expected", "code"), COMMANDS,
                         ids=[" ".join(c[0]) or "(no command)" for c in COMMANDS])
def test_plain_output_everywhere(args, expected, code, tmp_path):
    for name, result in _run_all_envs(args, tmp_path):
        out = result.stdout.decode("utf-8") + result.stderr.decode("utf-8")
        assert result.returncode == code, (name, out[-500:])
        assert "\x1b" not in out and "\x9b" not in out, (name, repr(out[:300]))
        assert "Traceback" not in out, (name, out[-500:])
        assert expected.lower() in out.lower(), (name, expected, out[:500])
        if code == 0 and "--json" not in args and "export" not in args:
            assert len(out.strip().splitlines()) >= 1
            if args[0] not in ("figures", "search"):  # a table on a pipe: a row per line
                assert all(len(line) <= 200 for line in out.splitlines()), name  # wrapped


def _run_on_pty(args: tuple[str, ...], env_extra: dict[str, str], tmp_path) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal (a real TTY) and collect the output."""
    import pty

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env.update(PYTHONPATH=str(ROOT), BRIEFING_CACHE_DIR=str(tmp_path / "cache"),
               COLUMNS="100", LINES="40", **env_extra)
    proc = subprocess.Popen([sys.executable, "-m", "briefing", *args], stdin=follower,
                            stdout=follower, stderr=follower, env=env, cwd=ROOT)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            proc.kill()
            pytest.fail(f"{args} produced no output for 30 s")
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=30), b"".join(chunks).decode("utf-8", "replace")


TTY_COMMANDS = [("sections",), ("show", "weaknesses"), ("figures", "--section", "weaknesses"),
                ("compare", "targets-2025-progress"), ("export", "weaknesses"),
                ("show", "no-such-id")]
COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;[0-9;]*)?m")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize("args", TTY_COMMANDS, ids=[" ".join(a) for a in TTY_COMMANDS])
def test_tty_with_term_dumb_and_no_color(args, tmp_path):
    code, out = _run_on_pty(args, {"TERM": "dumb"}, tmp_path)
    assert code in (0, 1) and "Traceback" not in out
    assert "\x1b" not in out, repr(out[:300])
    code, out = _run_on_pty(args, {"TERM": "xterm-256color", "NO_COLOR": "1"}, tmp_path)
    assert code in (0, 1) and "Traceback" not in out
    assert not COLOUR.search(out), repr(COLOUR.search(out))


def test_app_refuses_a_dumb_terminal(tmp_path):
    code, out = _run_on_pty(("tui",), {"TERM": "dumb"}, tmp_path)
    assert code == 1 and "error: the app cannot run on TERM=dumb" in out
    assert "\x1b" not in out
