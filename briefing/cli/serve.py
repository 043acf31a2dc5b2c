"""``briefing serve``: the interactive briefing in a web browser (see :mod:`briefing.web`).

Importing this module imports neither Textual nor the web server: the command imports them
only when it runs, so the other commands stay fast and headless.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefing.cli.console import err_console, fail, state
from briefing.cli.root import LangOption, app, set_lang

LOOPBACK_NAMES = ("localhost", "ip6-localhost", "ip6-loopback")


def is_loopback(host: str) -> bool:
    """Only this machine can reach ``host`` (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(content: Path | None, lang: str | None) -> str:
    """The shell command textual-serve runs for each browser tab (``exec``: no shell stays
    between the server and the app, so stopping the app stops the process)."""
    import shlex
    import sys

    words = [sys.executable, "-m", "briefing.web.child"]
    if content is not None:
        words += ["--content", str(content.resolve())]
    if lang is not None:
        words += ["--lang", lang]
    return "exec " + shlex.join(words)


def port_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on now (taken, no such address), or None.

    Checked by binding once and letting go, so a busy port is reported before the URL is
    printed; the server's own bind still reports anything that changes in between."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        return str(exc.strerror or exc)
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return str(exc.strerror or exc).lower()
    return None


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on. Anything but "
                                      "this machine's loopback lets others read the briefing."
                                      )] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1,
                                      max=65535)] = 8000,
    content: Annotated[Path | None, typer.Option(
        "--content", help="Serve another content pack directory.", show_default=False)] = None,
    lang: LangOption = None,
) -> None:
    """Serve the interactive briefing to a web browser; open the URL it prints (it carries
    an access token). Ctrl+C stops the server and every app it started."""
    set_lang(lang)
    host = host.strip("[]")  # [::1] as in a URL binds ::1
    if content is not None:
        state.content = content
    # an invalid pack fails here, not in every browser tab; a library's packs open in the app
    title = state.library().title if state.qualified else state.pack().title
    from briefing.text.sanitize import one_line

    if not is_loopback(host):
        err_console.print(f"warning: serving on {host}: anyone who can reach this address "
                          "and port can read the briefing (with the URL's token)",
                          markup=False, highlight=False, soft_wrap=True)
    try:
        from briefing.web.access import new_token
        from briefing.web.server import BriefingServer
    except ImportError as exc:  # pragma: no cover - a broken install
        raise fail(f"the web server is not installed ({exc})") from None
    if problem := port_problem(host, port):  # before the URL is printed, not after it
        raise fail(f"cannot serve on {host}:{port}: {problem}")
    server = BriefingServer(app_command(state.content, state.lang if state.lang_given else None),
                            host=host, port=port, token=new_token(),
                            title=one_line(title.get(state.lang)))
    try:
        server.serve()
    except OSError as exc:
        raise fail(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
