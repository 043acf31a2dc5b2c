"""Fixtures for the browser tests: a ``briefing serve`` subprocess, and the system's Chromium
driven by Playwright (Playwright's own browser download is never used)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from test_stop import alive, app_processes
from webtools import CHROMIUM, INSTALL, TEE_SCRIPT, TIMEOUT, Served, start_server, wait_for


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    server = start_server(tmp_path_factory.mktemp("serve"))
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.stop()


@pytest.fixture(autouse=True)
def _served_from_the_start(request):
    """A test on the module's server starts where a new reader starts: its apps resume where
    the last one left off, so a test's app opened wherever the test before it (in this worker,
    in whatever order xdist hands them out) had gone. The earlier apps end first (an app
    saves its state as it ends), then their state goes."""
    if "served" in request.fixturenames:
        served = request.getfixturevalue("served")
        wait_for(lambda: not any(alive(p) for p in app_processes(served.process.pid)),
                 what="the earlier tests' apps to end")
        shutil.rmtree(served.state, ignore_errors=True)


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


