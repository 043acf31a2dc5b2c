"""BriefingServer: textual-serve's Server with the token guard, our page and a clean stop.

Everything here that leans on textual-serve beyond its documented surface is in
:meth:`BriefingServer._make_app` (see the comment there); the rest overrides the methods its
Server offers for subclasses (``initialize_logging``, ``on_startup``, ``on_shutdown``,
``handle_index``, ``handle_websocket``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import textual_serve
from aiohttp import web
from textual_serve.server import Server

from briefing.web.access import TOKEN_PARAM, guard
from briefing.web.processes import SERVER_PID, reap_children, stop_children

TEMPLATES = Path(__file__).parent / "templates"
FAVICON = TEMPLATES / "favicon.svg"
STATIC = Path(textual_serve.__file__).parent / "static"  # xterm.js, its CSS, bundled fonts


class BriefingServer(Server):
    """Serves ``command`` (one app process per browser tab) to holders of ``token``."""

    #: Seconds the apps get to quit when the server stops, then to be reaped (see processes).
    QUIT_WAIT = 10.0
    REAP_WAIT = 6.0

    def __init__(self, command: str, *, host: str, port: int, token: str, title: str) -> None:
        shown = host
        if ":" in shown and not shown.startswith("["):
            shown = f"[{shown}]"  # an IPv6 address in a URL
        super().__init__(command, host=host, port=port, title=title,
                         public_url=f"http://{shown}:{port}",
                         statics_path=STATIC, templates_path=TEMPLATES)
        self.token = token
        self._sessions: set[asyncio.Task[Any]] = set()

    @property
    def url(self) -> str:
        """The address to open: it carries the token."""
        return f"{self.public_url}/?{TOKEN_PARAM}={self.token}"

    def initialize_logging(self) -> None:
        # Upstream logs every request (the token with it) through Rich; warnings are enough.
        logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)

    def serve(self, debug: bool = False) -> None:
        """Run until Ctrl+C (SIGINT) or SIGTERM; then no app process of ours is left."""
        os.environ[SERVER_PID] = str(os.getpid())  # each app process watches this one
        try:
            super().serve(debug=debug)
        finally:
            if stopped := stop_children():
                print(f"stopped {len(stopped)} app process(es) that did not quit",
                      file=sys.stderr, flush=True)

    async def _make_app(self) -> web.Application:
        # The one use of textual-serve internals: its Server builds the aiohttp Application
        # (routes for the page, /ws, /download and /static) only here, and aiohttp accepts
        # middleware only before the application starts. Wrapping this method is the one
        # place the token guard can sit in front of every route, theirs included.
        app = await super()._make_app()
        app.middlewares.append(guard(self.token, self.port))
        app.router.add_get("/favicon.ico", self.handle_favicon)
        return app

    async def handle_favicon(self, request: web.Request) -> web.Response:
        """The tab's icon (an SVG, which browsers take at this address too)."""
        return web.Response(body=FAVICON.read_bytes(), content_type="image/svg+xml",
                            headers={"Cache-Control": "max-age=86400"})

    async def on_startup(self, app: web.Application) -> None:
        print(f"Serving the briefing on {self.url}", flush=True)
        print("Press Ctrl+C to stop.", flush=True)

    async def on_shutdown(self, app: web.Application) -> None:
        """Ask every app to quit: upstream's WebSocket handler, when cancelled, closes the
        socket and sends its app a quit; aiohttp would otherwise wait a minute for them."""
        for task in list(self._sessions):
            task.cancel()
        if self._sessions:
            await asyncio.wait(list(self._sessions), timeout=self.QUIT_WAIT)
        # reaped while the loop runs: no "Event loop is closed" noise after it
        if stopped := await reap_children(self.REAP_WAIT):
            print(f"stopped {stopped} app process(es) that did not quit", file=sys.stderr,
                  flush=True)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        task = asyncio.current_task()
        assert task is not None
        self._sessions.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self._sessions.discard(task)

    @aiohttp_jinja2.template("index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """Our page: URLs relative to the address the browser used (so the WebSocket's
        Origin matches it); the page's own links carry the token."""
        scheme = "wss" if request.secure else "ws"
        return {
            "title": self.title,
            "token": self.token,
            "static_url": "/static/",
            "websocket_url": f"{scheme}://{request.host}/ws",  # the cookie carries the token
            "font_size": font_size(request.query.get("fontsize")),
        }


FONT_SIZES = range(6, 73)


def font_size(given: str | None) -> int:
    """``?fontsize=N``: 16 when absent; anything but ASCII digits in :data:`FONT_SIZES` is a
    400 ("²".isdigit() is true, and int("²") raises: that was a 500 with a traceback)."""
    if given is None:
        return 16
    if given.isascii() and given.isdigit() and int(given) in FONT_SIZES:
        return int(given)
    raise web.HTTPBadRequest(text=f"400: fontsize must be a whole number from "
                                  f"{FONT_SIZES.start} to {FONT_SIZES.stop - 1}\n")
