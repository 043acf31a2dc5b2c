"""Search over every section, item, figure and comparison of a pack (no UI imports)."""

from briefing.search.engine import Hit, SearchEngine, Span

__all__ = ["Hit", "SearchEngine", "Span"]
