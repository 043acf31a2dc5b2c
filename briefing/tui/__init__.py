"""The interactive explorer (Textual). Only :func:`briefing.cli.commands.open_app` imports this."""

from briefing.tui.app import BriefingApp

__all__ = ["BriefingApp"]
