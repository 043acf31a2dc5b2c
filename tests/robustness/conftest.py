"""The robustness suite: every test starts with a clean CLI state and a private cache."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _clean_cli(fresh_cli_state):
    """Every test here starts from a clean CLI state (see tests/conftest.py)."""
