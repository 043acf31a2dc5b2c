"""OptionList and SelectionList that survive page keys before they have been laid out.

Textual 8.2's page keys index the list's line map, which is still empty at tiny sizes (a 0-row
list at 40x10): page-up/down raised KeyError. The robustness monkey found it. Before layout
there is no page to move by, so the key does nothing.
"""

from __future__ import annotations

import contextlib
from typing import Generic

from textual.widgets import OptionList, SelectionList
from textual.widgets.selection_list import SelectionType


class _PagesOnceLaidOut:
    """Goes before an OptionList (or a subclass) in the bases."""

    def action_page_up(self) -> None:
        with contextlib.suppress(KeyError):
            super().action_page_up()  # type: ignore[misc]

    def action_page_down(self) -> None:
        with contextlib.suppress(KeyError):
            super().action_page_down()  # type: ignore[misc]


class SafeOptionList(_PagesOnceLaidOut, OptionList):
    pass


class SafeSelectionList(_PagesOnceLaidOut, SelectionList[SelectionType], Generic[SelectionType]):
    pass
