"""Go to (``g``): type an id or words of a title; what matches is listed as you type, titles
beside ids, and Enter opens it.

Enter opens, in order: the entry chosen in the list with the arrows; the id typed (or the
completion the box shows); else the first entry listed. An empty box does nothing; only
text that matches nothing is "Unknown id".
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Lang, Pack
from briefing.present.titles import ALL_FIGURES, kind_of, matching, title_of
from briefing.present.words import t
from briefing.tui.screens.dialog import Dialog
from briefing.tui.screens.lifecycle import closed_before_mount
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.safe_lists import SafeOptionList

KIND_WORDS = {"section": "export_section", "item": "export_item", "figure": "export_figure",
              "comparison": "export_comparison"}


class GotoScreen(Dialog[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
    ]

    def __init__(self, pack: Pack, lang: Lang) -> None:
        super().__init__()
        self.pack = pack
        self.lang: Lang = lang
        self.chosen = False  # an arrow moved in the list: Enter opens that entry

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-dialog", classes="dialog"):
            yield Static(Text(t("goto", self.lang), style="bold"), markup=False)
            yield Input(placeholder=t("goto_placeholder", self.lang), id="goto-input",
                        suggester=SuggestFromList([*self.pack.ids(), ALL_FIGURES],
                                                  case_sensitive=False))
            yield SafeOptionList(id="goto-matches")
            yield Prose(id="goto-error")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#goto-matches").display = False
        self.query_one("#goto-input").focus()

    @on(Input.Changed, "#goto-input")
    def _typed(self, event: Input.Changed) -> None:
        matches = self.query_one("#goto-matches", OptionList)
        matches.clear_options()
        self.chosen = False
        matches.remove_class("-chosen")
        self.query_one("#goto-error", Prose).update(Text(""))
        ids = matching(self.pack, event.value, self.lang)
        matches.add_options([self._option(item_id) for item_id in ids])
        matches.display = bool(ids)
        matches.highlighted = 0 if ids else None

    def _option(self, item_id: str) -> Option:
        kind = kind_of(self.pack, item_id) or "item"
        return Option(Text.assemble((f"{t(KIND_WORDS[kind], self.lang)}  ", "dim"),
                                    title_of(self.pack, item_id, self.lang),
                                    (f"  {item_id}", "dim italic")), id=item_id)

    def action_move(self, delta: int) -> None:
        matches = self.query_one("#goto-matches", OptionList)
        if not matches.option_count:
            return
        if self.chosen:
            index = (matches.highlighted or 0) + delta
            matches.highlighted = max(0, min(index, matches.option_count - 1))
        self.chosen = True  # the first Down chooses the first entry, shown highlighted
        matches.add_class("-chosen")

    @on(OptionList.OptionSelected, "#goto-matches")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.close(event.option.id)

    @on(Input.Submitted, "#goto-input")
    def _submitted(self, event: Input.Submitted) -> None:
        matches = self.query_one("#goto-matches", OptionList)
        listed = (matches.get_option_at_index(matches.highlighted).id
                  if matches.highlighted is not None and matches.option_count else None)
        if self.chosen and listed:
            self.close(listed)
            return
        # Enter takes the completion the input shows ("action" + Enter opens what it offers).
        # Textual keeps the shown suggestion in the private ``_suggestion``; read only here.
        suggestion = getattr(event.input, "_suggestion", "")
        value = (suggestion or event.value).strip()
        if not value:
            return  # nothing typed: nothing to open, nothing wrong
        if self.app.resolve(value):  # type: ignore[attr-defined]
            self.close(value)
        elif listed:
            self.close(listed)
        else:
            self.query_one("#goto-error", Prose).update(
                Text(f"{t('unknown_id', self.lang)}: {value}", style="bold red"))
