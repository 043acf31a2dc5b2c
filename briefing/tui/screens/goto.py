"""Go to (``g``): type any id (with completion) and jump there."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from briefing.model import Lang, Pack
from briefing.present.words import t
from briefing.tui.screens.dialog import Dialog
from briefing.tui.screens.lifecycle import closed_before_mount
from briefing.tui.widgets.prose import Prose


class GotoScreen(Dialog[str | None]):
    def __init__(self, pack: Pack, lang: Lang) -> None:
        super().__init__()
        self.pack = pack
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-dialog", classes="dialog"):
            yield Static(Text(t("goto", self.lang), style="bold"), markup=False)
            yield Input(placeholder=t("goto_placeholder", self.lang), id="goto-input",
                        suggester=SuggestFromList([*self.pack.ids(), "figures"],
                                                  case_sensitive=False))
            yield Prose(id="goto-error")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#goto-input").focus()

    @on(Input.Submitted, "#goto-input")
    def _submitted(self, event: Input.Submitted) -> None:
        # Enter takes the completion the input shows ("action" + Enter opens what it offers).
        # Textual keeps the shown suggestion in the private ``_suggestion``; read only here.
        suggestion = getattr(event.input, "_suggestion", "")
        value = (suggestion or event.value).strip()
        if self.app.resolve(value):  # type: ignore[attr-defined]
            self.close(value)
        else:
            self.query_one("#goto-error", Prose).update(
                Text(f"{t('unknown_id', self.lang)}: {value}", style="bold red"))

