"""Who may use the server: the access token and the WebSocket's Origin.

textual-serve checks neither, so any web page open in the same browser could load the app on
localhost and drive it over the WebSocket. Like Jupyter, the printed URL carries a random token;
the page, its static assets, downloads and the WebSocket answer 403 without it. The first
page load sets the token as a SameSite=Strict cookie too, because the browser script builds
the WebSocket and download URLs on its own (without our query string). The WebSocket must also
come from the page's own origin: pages on other ports of localhost are "same-site", so the
cookie alone is not enough.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from aiohttp import web

TOKEN_PARAM = "token"


def new_token() -> str:
    """A fresh, unguessable token for one server run."""
    return secrets.token_urlsafe(24)


def cookie_name(port: int) -> str:
    """Cookies ignore ports, so two servers on one host each need their own cookie name."""
    return f"briefing-token-{port}"


def has_token(request: web.Request, token: str, port: int) -> bool:
    """The request carries the token in its query string or in our cookie."""
    expected = token.encode()
    return any(secrets.compare_digest(given.encode(), expected)
               for given in (request.query.get(TOKEN_PARAM, ""),
                             request.cookies.get(cookie_name(port), "")))


def same_origin(request: web.Request) -> bool:
    """A browser's WebSocket names the page that opened it in ``Origin``; accept only our
    own page (same host and port as the request). A client without ``Origin`` is not a
    browser page, and it still needs the token."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == request.host.lower()


def guard(token: str, port: int):
    """aiohttp middleware: 403 without the token or from a foreign Origin; a page load with
    the token in its URL leaves the cookie behind for the WebSocket and the downloads (the
    browser script appends its own query string to both URLs, so ours cannot ride along)."""

    @web.middleware
    async def check(request: web.Request, handler):
        if not has_token(request, token, port):
            raise web.HTTPForbidden(text="403: open the URL that 'briefing serve' printed "
                                         "(it carries the access token)\n")
        if request.path == "/ws" and not same_origin(request):
            raise web.HTTPForbidden(text="403: WebSocket from a foreign origin\n")
        response = await handler(request)
        if request.path == "/" and request.query.get(TOKEN_PARAM):
            response.set_cookie(cookie_name(port), token, httponly=True, samesite="Strict",
                                path="/")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return check
