"""Help (``?``): every key binding, from the live binding tables, in the UI language."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing.model import Lang
from briefing.present.words import t
from briefing.tui.screens.dialog import Dialog


class HelpScreen(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "close", "Close", show=False),
    ]

    def __init__(self, lang: Lang, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.lang: Lang = lang
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(title=t("bindings", self.lang), box=None, expand=True)
        table.add_column(t("key", self.lang), style="bold", no_wrap=True)
        table.add_column(t("action", self.lang))
        for keys, label in self.rows:
            table.add_row(Text(keys), Text(label))
        with VerticalScroll(id="help-dialog", classes="dialog"):
            yield Static(table)

