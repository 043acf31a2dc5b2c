"""Fixtures for the browser tests: a ``briefing serve`` subprocess, and the system's Chromium
driven by Playwright (Playwright's own browser download is never used)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from webtools import CHROMIUM, INSTALL, TEE_SCRIPT, TIMEOUT, Served, start_server


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    server = start_server(tmp_path_factory.mktemp("serve"))
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.stop()


@pytest.fixture(scope="module")
def browser():
    """Chromium, for one module's tests. Not for the session: Playwright's sync API keeps an
    event loop running in its thread until it stops, and every app test after it in the same
    process (``asyncio.run``) would fail; under xdist any test may come next."""
    if not CHROMIUM.exists():
        pytest.skip(f"no {CHROMIUM}: {INSTALL}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  accept_downloads=True)
    context.set_default_timeout(TIMEOUT * 1000)
    context.add_init_script(TEE_SCRIPT)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


