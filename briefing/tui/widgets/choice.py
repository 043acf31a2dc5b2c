"""A radio set for dialogs: the choice follows the cursor, and Enter does the dialog's job.

Textual's ``RadioSet`` moves a highlight with the arrows and chooses on Enter or Space, so
"Down, Enter" in a dialog chose an option and did nothing else, and the choice shown was not
the one the cursor was on. Here the arrows choose as they move, and Enter asks the dialog to go
ahead (:class:`Choice.Submitted`) with what is shown.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import RadioButton, RadioSet


class Choice(RadioSet):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Go", show=False),
    ]

    class Submitted(Message):
        """Enter on the choice: the dialog goes ahead with what is chosen."""

    def __init__(self, *buttons: RadioButton, **kwargs) -> None:
        super().__init__(*buttons, **kwargs)
        #: the chosen button's id, known at once (the buttons report their change later)
        self.value: str | None = next((b.id for b in buttons if b.value), None)

    def choose(self, button_id: str | None) -> None:
        """Press the button ``button_id``."""
        for button in self.query(RadioButton):
            if button.id == button_id and not button.disabled:
                self.value = button_id
                button.value = True

    def _choose_cursor(self) -> None:
        buttons = list(self.query(RadioButton))
        index = next((i for i, b in enumerate(buttons) if b.has_class("-selected")), None)
        if index is not None:
            self.choose(buttons[index].id)

    def _cursor_on_value(self) -> bool:
        """With no cursor yet (RadioSet's mount moves to the first button, which chose it),
        put it on the chosen button and say so: the first move starts from the choice."""
        if self._selected is not None or self.value is None:
            return False
        index = next((i for i, b in enumerate(self.children) if b.id == self.value), None)
        self._selected = index
        return index is not None

    def action_next_button(self) -> None:
        if self._cursor_on_value():
            return
        super().action_next_button()
        self._choose_cursor()

    def action_previous_button(self) -> None:
        if self._cursor_on_value():
            return
        super().action_previous_button()
        self._choose_cursor()

    @on(RadioSet.Changed)
    def _clicked(self, event: RadioSet.Changed) -> None:
        self.value = event.pressed.id

    def action_submit(self) -> None:
        self.post_message(self.Submitted())
