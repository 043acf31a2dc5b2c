"""Pick two or more figures for an ad-hoc comparison (the comparison layer checks units)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static

from briefing.formatting import figure_value
from briefing.model import Lang, Pack
from briefing.textsafe import one_line
from briefing.tui.i18n import t


class PickFiguresScreen(ModalScreen[list[str] | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]

    def __init__(self, pack: Pack, lang: Lang, preselect: list[str]) -> None:
        super().__init__()
        self.pack = pack
        self.lang: Lang = lang
        self.preselect = set(preselect)

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="pick-dialog", classes="dialog"):
            yield Static(Text(t("adhoc_title", lang), style="bold"), markup=False)
            selections = []
            for fig in self.pack.figures():
                unit = one_line(self.pack.unit(fig.unit).label.get(lang))
                prompt = Text.assemble(one_line(fig.label.get(lang)), "  ",
                                       (one_line(figure_value(self.pack, fig, lang)), "bold"),
                                       (f"  {fig.period} · {unit}", "dim"))
                selections.append((prompt, fig.id, fig.id in self.preselect))
            yield SelectionList[str](*selections, id="pick-list")
            with Horizontal(classes="buttons"):
                yield Button(t("adhoc_go", lang), variant="primary", id="pick-go")
                yield Button(t("cancel", lang), id="pick-cancel")

    def on_mount(self) -> None:
        self.query_one("#pick-list").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "pick-go":
            self.dismiss(list(self.query_one("#pick-list", SelectionList).selected))
        else:
            self.dismiss(None)

    async def action_dismiss(self, result=None) -> None:
        self.dismiss(None)
