"""Per-user state: where each pack was left (open item, language, tree, scroll) and its pins.

One small JSON file per user, in the platform's state directory (``BRIEFING_STATE_DIR``
overrides it), shared by the app, the command line and every ``briefing serve`` tab. Plain
Python, so the CLI can read and change pins without Textual, and so a hostile file can be
thrown at it in tests.

- :mod:`~briefing.userstate.state`: :class:`PackState`, one pack's entry, read field by field.
- :mod:`~briefing.userstate.changes`: what a writer does (pin, unpin, move, set the open item),
  applied to the freshest state, so concurrent writers merge instead of overwriting.
- :mod:`~briefing.userstate.store`: :class:`StateStore`, the file: locked read-modify-write,
  atomic replace, a kept copy of a damaged file, limits that refuse rather than drop.
"""

from briefing.userstate import changes
from briefing.userstate.state import MAX_ID_LEN, MAX_PINS, LimitReached, PackState
from briefing.userstate.store import MAX_BYTES, MAX_PACKS, STATE_FILE, StateStore, state_dir

__all__ = ["MAX_BYTES", "MAX_ID_LEN", "MAX_PACKS", "MAX_PINS", "STATE_FILE", "LimitReached",
           "PackState", "StateStore", "changes", "state_dir"]
