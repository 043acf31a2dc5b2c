"""Only the holder of the printed URL gets in: page, assets, downloads and WebSocket answer
403 without the token, and the WebSocket refuses pages from another origin."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
from webtools import TIMEOUT


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def token_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]


@pytest.mark.parametrize("path", ["/", "/static/js/textual.js", "/static/css/xterm.css",
                                  "/download/anything", "/ws"])
def test_requests_without_the_token_are_refused(served, path):
    assert status(served.base + path) == 403
    assert status(served.base + path + "?token=wrong") == 403


def test_the_printed_url_opens_the_page_and_its_assets(served):
    token = token_of(served.url)
    assert status(served.url) == 200
    assert status(f"{served.base}/static/js/textual.js?token={token}") == 200


def test_the_page_names_no_outside_host(served):
    with urllib.request.urlopen(served.url, timeout=TIMEOUT) as response:
        page = response.read().decode()
    assert "fonts.googleapis" not in page and "https://" not in page
    assert "Noto Sans Mono CJK SC" in page


def handshake(served, origin: str, token: str | None) -> int:
    """The HTTP status of a WebSocket handshake (101 when it is accepted)."""

    async def attempt() -> int:
        query = f"?token={token}" if token else ""
        async with aiohttp.ClientSession() as session:
            try:
                socket = await session.ws_connect(f"{served.base}/ws{query}",
                                                  headers={"Origin": origin},
                                                  timeout=aiohttp.ClientWSTimeout(ws_close=5))
            except aiohttp.WSServerHandshakeError as error:
                return error.status
            await socket.close()
            return 101

    return asyncio.run(asyncio.wait_for(attempt(), TIMEOUT))


def test_websocket_from_a_foreign_origin_is_refused(served):
    token = token_of(served.url)
    assert handshake(served, "http://evil.example", token) == 403
    assert handshake(served, "http://127.0.0.1:1", token) == 403  # same site, other port
    assert handshake(served, served.base, None) == 403
    assert handshake(served, served.base, token) == 101
