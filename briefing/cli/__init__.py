"""The ``briefing`` command line. Importing this never imports Textual."""

from briefing.cli.app import app, main

__all__ = ["app", "main"]
