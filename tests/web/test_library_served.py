"""A library served to a browser: the tree lists its briefings, and search finds a figure of
a briefing not opened yet, named by its qualified id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_browser import focus_terminal
from webtools import screen_text, start_server, wait_for

PACKS = Path(__file__).resolve().parents[1] / "library" / "packs"


@pytest.fixture(scope="module")
def served_library(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve-library")
    shutil.copytree(PACKS, tmp / "library")
    server = start_server(tmp, "--content", str(tmp / "library"))
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.stop()


def test_a_served_library_lists_its_briefings_and_searches_them_all(page, served_library):
    page.goto(served_library.url)
    page.wait_for_selector("body.-first-byte", state="attached")
    wait_for(lambda: "Lanjiang Province: 2026" in screen_text(page), what="the briefings")
    assert "南屿省2026年政府工作报告简报" in screen_text(page)
    focus_terminal(page)
    before = len(screen_text(page))
    page.keyboard.press("/")
    wait_for(lambda: "Search" in screen_text(page)[before:], what="the search box")
    page.keyboard.type("海洋生产总值", delay=50)
    wait_for(lambda: "nanyu-2026:target-percent-2026-5" in screen_text(page)[before:],
             what="a hit of a briefing not opened, by its qualified id")
