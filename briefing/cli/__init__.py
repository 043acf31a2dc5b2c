"""The ``briefing`` command line. Importing this never imports Textual.

``app`` and ``main`` are looked up on first use: ``app`` is the Typer app with every command
registered, while ``main`` (the ``briefing`` executable) registers only the command it runs
(see :mod:`briefing.cli.root`), so a command starts without importing all the others.
"""

from __future__ import annotations

__all__ = ["app", "main"]


def __getattr__(name: str):
    if name == "app":
        from briefing.cli.root import load_commands

        return load_commands()
    if name == "main":
        from briefing.cli.root import main

        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
