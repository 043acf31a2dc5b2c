"""Where an export may go (issue 26, items 7 and 14): never over a device or FIFO, a folder
named with a trailing ``/`` is a folder, ``-o -`` is standard output, every path the system
refuses is one line, and SIGTERM during the write leaves no temporary file."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time

import pytest
from _robustness import ROOT, run_cli

LONG = "x" * 300  # a path component over 255 bytes: ENAMETOOLONG


def one_line_error(result, fragment: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: ") and fragment in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_device_is_never_replaced(tmp_path, force):
    # a link to /dev/null, not /dev/null itself: code that replaced it (as before this fix,
    # run as root) would replace the link, never the machine's device node
    device = tmp_path / "null"
    os.symlink("/dev/null", device)
    result = run_cli("export", "weaknesses", "-o", str(device), *force)
    one_line_error(result, "is not a regular file")
    assert device.is_symlink() and stat.S_ISCHR(os.stat(device).st_mode)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_fifo_is_never_replaced_nor_opened(tmp_path, force):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_cli("export", "weaknesses", "-o", str(fifo), *force)  # opening it would hang
    one_line_error(result, "is not a regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_trailing_slash_names_a_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli("export", "weaknesses", "-o", f"{out}/nowhere/")
    one_line_error(result, "does not exist")
    assert list(out.iterdir()) == []  # no file named "nowhere"
    (out / "there").mkdir()
    one_line_error(run_cli("export", "weaknesses", "-o", f"{out}/there/"), "is a directory")
    assert list((out / "there").iterdir()) == []


def test_dash_is_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (("export", "weaknesses", "-o", "-"), ("export", "--pins", "-o", "-")):
        result = run_cli(*args)
        assert not (tmp_path / "-").exists()
    result = run_cli("export", "weaknesses", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("# Weaknesses")


def _loop(tmp_path):
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    return tmp_path / "a" / "out.md"


def _not_a_folder(tmp_path):
    (tmp_path / "file").write_text("x")
    return tmp_path / "file" / "out.md"


@pytest.mark.parametrize(("target", "fragment"), [
    (lambda tmp: tmp / LONG, "file name too long"),
    (lambda tmp: tmp / LONG / "out.md", "file name too long"),
    (_loop, "too many levels of symbolic links"),
    (_not_a_folder, "not a directory"),
], ids=["long-name", "long-folder", "symlink-loop", "not-a-folder"])
def test_paths_the_system_refuses_are_one_line(tmp_path, target, fragment):
    result = run_cli("export", "weaknesses", "-o", str(target(tmp_path)))
    one_line_error(result, "cannot write")
    assert fragment in result.stderr.lower()


SLOW_FSYNC = """
import os, sys
from pathlib import Path
import briefing.export.write as write
marker = Path(sys.argv[1])
def held(fd):
    marker.write_text("fsyncing")
    import time
    time.sleep(60)
write.os.fsync = held
sys.argv = ["briefing", "export", "weaknesses", "-o", sys.argv[2], "--force"]
from briefing.cli import main
main()
"""


def test_sigterm_during_a_held_fsync_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out.md"
    target.write_text("the user's file\n")
    marker = tmp_path / "marker"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEFING_CACHE_DIR": str(tmp_path / "c")}
    proc = subprocess.Popen([sys.executable, "-c", SLOW_FSYNC, str(marker), str(target)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 60
    while not marker.exists():  # wait for the state: the write is inside fsync
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err.decode()
    assert b"Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
    assert target.read_text() == "the user's file\n"


def test_any_path_error_left_is_one_line(monkeypatch, capsys):
    """The last line of defence in ``main``: an OSError no command caught (EACCES here, which
    root cannot provoke for real) is one line naming the file, exit 1, no traceback."""
    import errno

    import briefing.cli.reading as reading
    from briefing.cli import main

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/briefing/out.md")

    monkeypatch.setattr(reading, "out", refused)
    monkeypatch.setattr(sys, "argv", ["briefing", "sections"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err == "error: /srv/briefing/out.md: permission denied\n"
