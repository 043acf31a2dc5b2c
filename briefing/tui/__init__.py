"""The interactive explorer (Textual). Only :func:`briefing.cli.launch.open_app` imports this."""

from briefing.tui.app import BriefingApp

__all__ = ["BriefingApp"]
