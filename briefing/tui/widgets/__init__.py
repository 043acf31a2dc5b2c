"""Widgets of the explorer, one idea per module."""
