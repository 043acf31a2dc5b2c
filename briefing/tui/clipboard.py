"""Can copied text reach the user's clipboard? Textual copies with OSC 52, which a terminal
may ignore without telling anyone; this names the cases we can know about, so the app says
so (and shows the text) instead of claiming a copy that never happened.
"""

from __future__ import annotations

import functools
import os
import subprocess


@functools.cache
def osc52_blocker() -> str | None:
    """Why OSC 52 will not reach a clipboard here, or None if it should work."""
    return blocker_for(os.environ, _tmux_setting)


def blocker_for(environ, tmux_setting) -> str | None:
    """``osc52_blocker`` for a given environment (``tmux_setting()`` asks tmux)."""
    if environ.get("TERM_PROGRAM") == "Apple_Terminal":
        return "macOS Terminal ignores OSC 52"
    if environ.get("TERM") == "linux":
        return "the Linux console has no clipboard"
    if environ.get("TMUX") and tmux_setting() == "off":
        return "tmux set-clipboard is off"
    return None


def _tmux_setting() -> str | None:
    try:
        out = subprocess.run(["tmux", "show-options", "-gv", "set-clipboard"],
                             capture_output=True, text=True, timeout=2, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None
