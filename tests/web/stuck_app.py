"""An app that never quits, for the server's shutdown tests: it says it is a Textual app, then
ignores everything. Its greeting may meet a pipe the server already closed (a server stopped
while the app was still starting, on a busy machine); it sleeps all the same, so the server
must still stop it."""

import contextlib
import time

with contextlib.suppress(OSError):
    print("__GANGLION__", flush=True)
time.sleep(600)
