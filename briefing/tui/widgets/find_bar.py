"""The find bar (ctrl+f): type to highlight matches in the open section, with a count."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from briefing.model import Lang
from briefing.present.words import t


class FindBar(Horizontal):
    """Hidden until ctrl+f; Enter goes to the next match, Escape closes and clears."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", show=False)]

    class Changed(Message):
        def __init__(self, query: str) -> None:
            self.query = query
            super().__init__()

    class Step(Message):
        def __init__(self, delta: int) -> None:
            self.delta = delta
            super().__init__()

    class Closed(Message):
        pass

    def __init__(self, lang: Lang, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lang: Lang = lang

    def compose(self):
        yield Input(placeholder=t("find_placeholder", self.lang), id="find-input")
        yield Static(id="find-count", markup=False)

    def open(self) -> None:
        self.display = True
        self.query_one(Input).focus()

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.query_one(Input).placeholder = t("find_placeholder", lang)

    def show_count(self, current: int, total: int, query: str) -> None:
        if not query:
            text = Text("")
        elif total:
            text = Text(f"{current}/{total} {t('matches', self.lang)}")
        else:
            text = Text(t("no_matches", self.lang), style="bold red")
        self.query_one("#find-count", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())
