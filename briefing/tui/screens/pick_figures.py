"""Pick two or more figures for an ad-hoc comparison (the comparison layer checks units)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, SelectionList, Static

from briefing.figures.formatting import figure_value, period_label
from briefing.model import Lang, Pack
from briefing.present.words import t
from briefing.text.sanitize import one_line
from briefing.tui.screens.dialog import Dialog
from briefing.tui.screens.lifecycle import closed_before_mount
from briefing.tui.widgets.safe_lists import SafeSelectionList


class PickFiguresScreen(Dialog[list[str] | None]):
    def __init__(self, pack: Pack, lang: Lang, preselect: list[str],
                 unit: str | None = None) -> None:
        """``unit``: list only figures in that unit (those a figure can be compared with)."""
        super().__init__()
        self.pack = pack
        self.lang: Lang = lang
        self.chosen = set(preselect)
        self.unit = unit
        self._visible: set[str] = set()

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="pick-dialog", classes="dialog"):
            yield Static(Text(t("adhoc_title", lang), style="bold"), markup=False)
            if self.unit is not None:
                unit = one_line(self.pack.unit(self.unit).label.get(lang))
                yield Static(Text(t("adhoc_unit", lang).format(unit=unit), style="dim"),
                             markup=False)
            yield Input(placeholder=t("filter_placeholder", lang), id="pick-filter")
            yield SafeSelectionList[str](id="pick-list")
            with Horizontal(classes="buttons"):
                yield Button(t("adhoc_go", lang), variant="primary", id="pick-go")
                yield Button(t("cancel", lang), id="pick-cancel")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self._fill("")
        self.query_one("#pick-filter").focus()  # type to filter, Enter to go to the list

    def _fill(self, query: str) -> None:
        """The chosen figures first (a selection is never hidden by the filter), then the
        figures whose label (either language), value or id contains ``query``."""
        lang, needle = self.lang, query.strip().casefold()
        selection = self.query_one("#pick-list", SelectionList)
        selection.clear_options()
        self._visible = set()
        figures = [fig for fig in self.pack.figures()
                   if self.unit is None or fig.unit == self.unit]
        chosen = [fig for fig in figures if fig.id in self.chosen]
        for fig in chosen + [fig for fig in figures if fig.id not in self.chosen]:
            value = one_line(figure_value(self.pack, fig, lang))
            hay = f"{fig.label.zh} {fig.label.en} {fig.display} {value} {fig.id}".casefold()
            if needle and needle not in hay and fig.id not in self.chosen:
                continue
            unit = one_line(self.pack.unit(fig.unit).label.get(lang))
            prompt = Text.assemble(one_line(fig.label.get(lang)), "  ", (value, "bold"),
                                   (f"  {period_label(fig, lang)} · {unit}", "dim"))
            selection.add_option((prompt, fig.id, fig.id in self.chosen))
            self._visible.add(fig.id)

    @on(Input.Changed, "#pick-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#pick-filter")
    def _to_list(self) -> None:
        selection = self.query_one("#pick-list", SelectionList)
        if selection.highlighted is None and selection.option_count:
            selection.highlighted = 0
        selection.focus()

    @on(SelectionList.SelectedChanged, "#pick-list")
    def _changed(self, event: SelectionList.SelectedChanged) -> None:
        self.chosen = (self.chosen - self._visible) | set(event.selection_list.selected)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "pick-go":
            self.close([f.id for f in self.pack.figures() if f.id in self.chosen])
        else:
            self.close(None)

