"""One ``briefing serve`` probe, run as ``python hostile_serve.py CASE`` in an empty folder (the
code to probe on PYTHONPATH). Exit 0: fine; otherwise the message says what went wrong.

Cases: ``fontsize`` (odd query values answer 400, never 500), ``sigkill`` (the server killed
with SIGKILL: its app processes end by themselves), ``closed-tab`` (a tab that closes: its
app ends promptly, without spinning), ``shutdown`` (Ctrl+C: no asyncio noise, no app left),
``broken-pack`` (the pack breaks while serving: a one-line message, no traceback).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

NOISE = ("Traceback", "Task was destroyed", "Exception ignored", "Task exception",
         "Unclosed", "CancelledError")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(content: Path | None = None) -> tuple[subprocess.Popen, str, int]:
    port = free_port()
    args = [sys.executable, "-m", "briefing", "serve", "--port", str(port)]
    if content is not None:
        args += ["--content", str(content)]
    server = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, start_new_session=True)
    line = server.stdout.readline().decode()
    found = re.search(r"token=([\w-]+)", line)
    if not found:
        server.kill()
        sys.exit(f"no URL printed: {line!r} {server.stderr.read().decode()[-300:]}")
    until(lambda: listening(port), 30, "the server to listen")  # the URL comes just before
    return server, found.group(1), port


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def apps_of(server: subprocess.Popen) -> list[psutil.Process]:
    try:
        return psutil.Process(server.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def wait_gone(procs: list[psutil.Process], seconds: float) -> list[psutil.Process]:
    _gone, alive = psutil.wait_procs(procs, timeout=seconds)
    return alive


async def open_tab(port: int, token: str, hold, receive_for: float = 0.0,
                   done=None) -> str:
    """Open the WebSocket a browser tab opens, call ``hold()`` (a coroutine function) while
    it is open; returns what the app drew (terminal output) within ``receive_for`` seconds,
    or until ``done(drawn)`` says enough. Also used by tests/web."""
    import aiohttp

    url = f"ws://127.0.0.1:{port}/ws?width=100&height=30"
    headers = {"Origin": f"http://127.0.0.1:{port}",
               "Cookie": f"briefing-token-{port}={token}"}
    drawn: list[str] = []
    async with aiohttp.ClientSession() as session, session.ws_connect(url, headers=headers
                                                                      ) as ws:
        await ws.send_json(["resize", {"width": 100, "height": 30}])
        deadline = time.monotonic() + receive_for
        while time.monotonic() < deadline:
            try:
                message = await ws.receive(timeout=max(0.05, deadline - time.monotonic()))
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                drawn.append(message.data.decode("utf-8", "replace"))
                if done is not None and done("".join(drawn)):
                    break
            elif message.type != aiohttp.WSMsgType.TEXT:
                break
        await hold()
    return "".join(drawn)


def until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            sys.exit(f"timed out waiting for {what}")
        time.sleep(0.05)


def case_fontsize() -> str:
    server, token, port = start()
    try:
        for value in ("²", "-3", "99999999999999999999", "1e3", "%00", "１６"):
            query = urllib.parse.urlencode({"token": token, "fontsize": value})
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/?{query}", timeout=10):
                    pass
            except urllib.error.HTTPError as exc:
                if exc.code >= 500:
                    return f"fontsize={value!r}: HTTP {exc.code}"
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)
    return ""


def case_sigkill() -> str:
    server, token, port = start()
    children: list[psutil.Process] = []

    async def hold() -> None:
        until(lambda: apps_of(server), 30, "the tab's app process")
        children.extend(apps_of(server))
        server.kill()  # SIGKILL: no handler, no cleanup

    with contextlib.suppress(Exception):  # the socket dies with the server
        asyncio.run(open_tab(port, token, hold, receive_for=3))
    alive = wait_gone(children, 15)
    for proc in alive:
        proc.kill()
    return f"{len(alive)} app process(es) outlived the killed server" if alive else ""


def case_closed_tab() -> str:
    server, token, port = start()
    children: list[psutil.Process] = []

    async def hold() -> None:
        until(lambda: apps_of(server), 30, "the tab's app process")
        children.extend(apps_of(server))

    try:
        asyncio.run(open_tab(port, token, hold, receive_for=3))
        alive = wait_gone(children, 10)
        spinning = [p for p in alive if p.cpu_percent(interval=1.0) > 50]
        problem = (f"a closed tab's app still runs after 10 s"
                   f"{' at ' + str(len(spinning)) + ' spinning' if spinning else ''}"
                   if alive else "")
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)
    return problem


def case_shutdown() -> str:
    server, token, port = start()
    children: list[psutil.Process] = []

    async def hold() -> None:
        until(lambda: apps_of(server), 30, "the tab's app process")
        children.extend(apps_of(server))
        server.send_signal(signal.SIGINT)  # Ctrl+C with a tab open
        until(lambda: server.poll() is not None, 30, "the server to stop")

    with contextlib.suppress(Exception):
        asyncio.run(open_tab(port, token, hold, receive_for=3))
    out, err = server.communicate(timeout=30)
    noise = [n for n in NOISE if n in (out + err).decode("utf-8", "replace")]
    alive = wait_gone(children, 5)
    if noise:
        return f"shutdown printed {noise}: {err.decode()[-200:]!r}"
    return f"{len(alive)} app process(es) left" if alive else ""


def case_broken_pack() -> str:
    from briefing.pack import bundled_pack_dir

    content = Path("pack") / "content"
    shutil.copytree(bundled_pack_dir(), content)
    shutil.copytree(bundled_pack_dir().parent / "seeds", content.parent / "seeds")
    server, token, port = start(content.resolve())
    (content / "sections" / "weaknesses.yaml").write_text("id: [broken\n", encoding="utf-8")

    async def hold() -> None:
        return None

    try:
        shown = asyncio.run(open_tab(port, token, hold, receive_for=8))
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    logged = (out + err).decode("utf-8", "replace")
    if "Traceback" in shown or "Traceback" in logged:
        where = "tab" if "Traceback" in shown else "server's output"
        return f"a traceback in the {where}: {(shown if where == 'tab' else logged)[-3000:]}"
    if "weaknesses.yaml" not in shown:
        return "the tab does not say what is wrong with the pack"
    return ""


if __name__ == "__main__":
    problem = {"fontsize": case_fontsize, "sigkill": case_sigkill,
               "closed-tab": case_closed_tab, "shutdown": case_shutdown,
               "broken-pack": case_broken_pack}[sys.argv[1]]()
    sys.exit(problem or 0)
