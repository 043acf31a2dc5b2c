"""``briefing serve``: the same Textual app in a web browser, through textual-serve.

Readers who never open a terminal get the briefing in a browser tab. textual-serve runs one
app process per browser tab under Textual's web driver; this package adds what it lacks for a
briefing on a shared machine: an access token, an Origin check on the WebSocket, a page that
makes no request to any outside host, and a clean stop of every app process.
"""
