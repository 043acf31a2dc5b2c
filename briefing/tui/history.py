"""Back/forward through what was visited, like a browser; plain Python so it is unit-tested.

The app owns one :class:`History` and asks it where to go; widgets never keep their own idea
of "previous".
"""

from __future__ import annotations


class History:
    """A list of visited ids with a cursor; visiting after going back drops the forward part."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[str] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._items[self._index] if self._items else None

    @property
    def can_back(self) -> bool:
        return self._index > 0

    @property
    def can_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def visit(self, item: str) -> None:
        """Record a visit; re-visiting the current item is not a new step."""
        if item == self.current:
            return
        del self._items[self._index + 1 :]
        self._items.append(item)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def back(self) -> str | None:
        """Step back and return where we are now, or None if there is nowhere to go."""
        if not self.can_back:
            return None
        self._index -= 1
        return self.current

    def forward(self) -> str | None:
        if not self.can_forward:
            return None
        self._index += 1
        return self.current

    def __len__(self) -> int:
        return len(self._items)
