"""Fixtures for the search tests: one engine over the bundled pack, caches kept in tmp dirs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from briefing.search import SearchEngine


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path, monkeypatch):
    """No test writes to the user's cache directory."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def engine(bundled, tmp_path_factory):
    return SearchEngine(bundled, cache_dir=tmp_path_factory.mktemp("search-cache"))


@pytest.fixture(scope="session")
def eval_set():
    """The evaluation set module (tests/search/eval_set.py)."""
    spec = importlib.util.spec_from_file_location("eval_set", Path(__file__).with_name(
        "eval_set.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
