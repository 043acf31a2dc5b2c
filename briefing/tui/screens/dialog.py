"""Base for the modal dialogs: closing is idempotent.

Keys arrive faster than screens pop (two Enters, Enter then Escape); a second ``dismiss``
from a dialog that is no longer on top would pop the main screen, so it is ignored.
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType], Generic[ResultType]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def close(self, result: ResultType | None = None) -> None:
        if self.is_active:
            self.dismiss(result)

    def action_close(self) -> None:
        self.close(None)
