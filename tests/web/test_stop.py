"""Ctrl+C stops the server and every app process it started: none is left behind."""

from __future__ import annotations

import time

import psutil
from webtools import TEE_SCRIPT, TIMEOUT, open_app, start_server, wait_for


def app_processes(server_pid: int) -> list[psutil.Process]:
    """The app processes below the server (one per open browser tab)."""
    try:
        below = psutil.Process(server_pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    return [p for p in below if "briefing.web.child" in " ".join(_cmdline(p))]


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
        return []


def alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_ctrl_c_leaves_no_app_process(browser, tmp_path):
    server = start_server(tmp_path)
    contexts = []
    try:
        for _ in range(2):  # two tabs: two app processes
            context = browser.new_context(viewport={"width": 1000, "height": 700})
            context.set_default_timeout(TIMEOUT * 1000)
            context.add_init_script(TEE_SCRIPT)
            contexts.append(context)
            open_app(context.new_page(), server.url)

        def both_apps() -> list[psutil.Process] | None:
            found = app_processes(server.process.pid)
            return found if len(found) == 2 else None

        apps = wait_for(both_apps, what="two app processes")
        started = time.monotonic()
        assert server.stop() == 0
        stopped_in = time.monotonic() - started
        print(f"stopped in {stopped_in:.2f}s")
        wait_for(lambda: not any(alive(p) for p in apps), timeout=10,
                 what="the app processes to end")
        assert stopped_in < 20, f"the server took {stopped_in:.1f}s to stop"
        log = server.log.read_text()
        assert "Traceback" not in log and "did not quit" not in log, log  # each app quit
    finally:
        for context in contexts:
            context.close()
        if server.process.poll() is None:
            server.process.kill()


def test_closing_the_tab_ends_its_app(page, served):
    before = {p.pid for p in app_processes(served.process.pid)}
    open_app(page, served.url)

    def new_app() -> list[psutil.Process] | None:
        found = [p for p in app_processes(served.process.pid) if p.pid not in before]
        return found or None

    [app] = wait_for(new_app, what="the tab's app process")
    page.close()
    wait_for(lambda: not alive(app), what="the app to end with its tab")
