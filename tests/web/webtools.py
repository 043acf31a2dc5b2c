"""Helpers for the browser tests: start ``briefing serve`` on a free port, read what the app
drew in the page.

Every wait polls for the state it needs (never a fixed sleep) with generous timeouts: CI is a
busy two-core machine.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
INSTALL = "apt-get install chromium fonts-noto-cjk"
TIMEOUT = 60.0  # seconds, for anything the server or the browser has to do

# Copies what the app sends to the terminal, so a test can read the screen's text (xterm.js
# paints on a canvas, which has no text to query), and keeps the terminal's size in cells.
TEE_SCRIPT = """
(() => {
  const Native = window.WebSocket;
  window.__screen = [];
  window.__size = null;
  window.WebSocket = function (url, protocols) {
    const socket = new Native(url, protocols);
    const send = socket.send.bind(socket);
    socket.send = (data) => {
      const message = typeof data === "string" ? JSON.parse(data) : null;
      if (message && message[0] === "resize") window.__size = message[1];
      send(data);
    };
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__screen.push(new TextDecoder().decode(event.data));
      }
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
})();
"""

_ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


def plain(terminal_output: str) -> str:
    """Terminal output without escape sequences: the text the app drew, in drawing order."""
    return _ESCAPES.sub("", terminal_output)


def wait_for(predicate, timeout: float = TIMEOUT, what: str = "condition"):
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.1)


#: Ports the browser tests serve on: a block of PORT_BLOCK per xdist worker (gw0, gw1, ...),
#: below the kernel's ephemeral range (32768+), so no two workers ever try the same port and
#: no port handed out by the kernel meanwhile (bind to port 0) can be one of ours.
PORT_BASE, PORT_BLOCK = 21000, 200


def _worker_ports() -> range:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker[2:]) if worker[2:].isdigit() else 0
    start = PORT_BASE + PORT_BLOCK * (index % 50)
    return range(start, start + PORT_BLOCK)


_next_port = 0  # where in the worker's block the next search starts


def free_port() -> int:
    """A port of this worker's block that nothing listens on now."""
    global _next_port
    ports = _worker_ports()
    for step in range(len(ports)):
        port = ports[(_next_port + step) % len(ports)]
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        _next_port = (_next_port + step + 1) % len(ports)
        return port
    raise AssertionError(f"no free port in {ports}")


@dataclass
class Served:
    """A running ``briefing serve``: its process, port and the URL it printed."""

    process: subprocess.Popen[str]
    port: int
    url: str
    log: Path

    @property
    def state(self) -> Path:
        """The user state folder its apps read and write (where a reader left off)."""
        return self.log.parent / "state"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> int:
        """Ctrl+C, as a reader would; returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=TIMEOUT)


def serve_command(port: str, *args: str) -> list[str]:
    """The server's command line (a test may put a server of its own in its place)."""
    return [sys.executable, "-m", "briefing", "serve", "--port", port, *args]


def start_server(tmp: Path, *args: str) -> Served:
    """Start ``briefing serve`` and wait until it prints its URL and accepts connections.
    If its port was taken meanwhile (another program on the machine), try the next one."""
    for _ in range(5):
        try:
            return _start_server(tmp, free_port(), *args)
        except PortTaken:
            continue
    raise AssertionError("briefing serve found no free port in five tries")


class PortTaken(Exception):
    """``briefing serve`` said its port is in use."""


def _start_server(tmp: Path, port: int, *args: str) -> Served:
    log = tmp / f"serve-{port}.log"
    env = dict(os.environ, BRIEFING_STATE_DIR=str(tmp / "state"),
               BRIEFING_CACHE_DIR=str(tmp / "cache"))
    with log.open("w") as sink:
        process = subprocess.Popen(serve_command(str(port), *args), stdout=sink,
                                   stderr=subprocess.STDOUT, text=True, env=env, cwd=tmp)

    def printed_url() -> str | None:
        if process.poll() is not None:
            if "address already in use" in log.read_text():
                raise PortTaken(port)
            raise AssertionError(f"briefing serve exited: {log.read_text()}")
        match = re.search(r"http://\S+token=\S+", log.read_text())
        return match.group() if match else None

    url = wait_for(printed_url, what="the server's URL")

    def accepting() -> bool:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            return False
        return True

    wait_for(accepting, what="the server to accept connections")
    return Served(process, port, url, log)


def screen_text(page) -> str:
    """Everything the app has drawn in ``page`` so far, as plain text."""
    return plain("".join(page.evaluate("window.__screen")))


def cell_centre(page, column: int, row: int) -> tuple[float, float]:
    """Where on the page the terminal cell (column, row) is, for a mouse click."""
    size = wait_for(lambda: page.evaluate("window.__size"), what="the terminal's size")
    box = page.locator(".xterm-screen").bounding_box()
    assert box is not None
    width, height = box["width"] / size["width"], box["height"] / size["height"]
    return box["x"] + (column + 0.5) * width, box["y"] + (row + 0.5) * height


def open_app(page, url: str) -> None:
    """Load the page and wait for the app's first frame."""
    page.goto(url)
    page.wait_for_selector("body.-first-byte", state="attached")
    wait_for(lambda: "Achievements" in screen_text(page) or "成就" in screen_text(page),
             what="the main screen")


def png_colours(png: bytes, limit: int = 64) -> int:
    """How many distinct pixel values an 8-bit RGB(A) PNG has (counting stops at ``limit``):
    a blank page has one or two, a painted terminal dozens."""
    import struct
    import zlib

    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert depth == 8 and colour in (2, 6), "expected an 8-bit RGB(A) screenshot"
    channels = 3 if colour == 2 else 4
    chunks, at = [], 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"IDAT":
            chunks.append(png[at + 8:at + 8 + length])
        at += 12 + length
    data, stride = zlib.decompress(b"".join(chunks)), width * channels
    previous, seen = bytearray(stride), set()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = data[start], bytearray(data[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else
                                      up if pb <= pc else corner)) & 255
        seen.update(bytes(line[i:i + channels]) for i in range(0, stride, channels * 7))
        if len(seen) >= limit:
            return len(seen)
        previous = line
    return len(seen)
