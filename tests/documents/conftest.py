"""Fixtures for the document reader: the made-up report in every format, written per test."""

from __future__ import annotations

import pytest


@pytest.fixture
def traditional():
    """The made-up report in traditional characters as Taiwan writes them (what a Big5 file
    holds)."""
    import opencc
    from _corpus import CLEAN

    return opencc.OpenCC("s2tw").convert(CLEAN)
