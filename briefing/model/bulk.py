"""The cyclic garbage collector paused while millions of long-lived objects are made."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, as it was before after.

    Loading a large pack or building its search index allocates millions of objects that are
    never garbage, and each of them counts towards the next collection, whose full passes walk
    every object made so far: at 1000x the bundled pack that was ~40% of the text index build
    and a third of unpickling the pack. Nothing made there forms reference cycles; whatever
    other threads leave meanwhile is collected once the collector is back.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
