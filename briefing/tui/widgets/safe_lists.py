"""OptionList and SelectionList that survive page keys before they have been laid out.

Textual 8.2 indexes its line map in ``_move_page``; at tiny sizes (a 0-row list at 40x10) the
map is still empty and page-up/down raise KeyError. The robustness monkey found it.
"""

from __future__ import annotations

import contextlib
from typing import Generic

from textual.widgets import OptionList, SelectionList
from textual.widgets.selection_list import SelectionType


class SafeOptionList(OptionList):
    def _move_page(self, direction) -> None:
        with contextlib.suppress(KeyError):
            super()._move_page(direction)


class SafeSelectionList(SelectionList[SelectionType], Generic[SelectionType]):
    def _move_page(self, direction) -> None:
        with contextlib.suppress(KeyError):
            super()._move_page(direction)
