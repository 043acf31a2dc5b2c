"""Figure comparisons (``f``): the curated ones side by side, or any figures picked ad hoc."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.model import Lang, Pack
from briefing.present import panes
from briefing.present.comparison_rows import (
    ComparisonView,
    IncomparableFigures,
    adhoc,
    adhoc_figures,
    adhoc_id,
    build,
    find_comparison,
)
from briefing.present.words import t
from briefing.text.rich_wrap import Wrapped
from briefing.text.sanitize import clean, one_line
from briefing.tui.screens.lifecycle import closed_before_mount
from briefing.tui.widgets.comparison_chart import ComparisonChart
from briefing.tui.widgets.footer import BriefingFooter
from briefing.tui.widgets.header import BriefingHeader
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.safe_lists import SafeOptionList

ADHOC = "*adhoc"


class ComparisonsScreen(Screen[None]):
    """A list of comparisons on the left and the selected one drawn on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Close"),
        Binding("left_square_bracket", "app.back", "Back"),
        Binding("right_square_bracket", "app.forward", "Forward"),
        Binding("a", "adhoc", "Pick figures to compare…"),
        Binding("s", "source", "Source"),
        Binding("p", "pin", "Pin"),
        Binding("y", "copy", "Copy"),
        Binding("e", "export", "Export"),
    ]

    def __init__(self, pack: Pack, lang: Lang, comparison_id: str | None = None,
                 figure_id: str | None = None, only_figure: bool = False,
                 only: list[str] | None = None) -> None:
        """``figure_id`` preselects a comparison holding that figure; with ``only_figure``
        the list holds only those, and a figure in none is offered the ad-hoc picker (its
        unit's figures). ``only`` lists just these comparisons (the item being read's).
        ``comparison_id`` may be an ad-hoc comparison's id (``adhoc:a,b``)."""
        super().__init__()
        self.pack = pack
        self.lang: Lang = lang
        self.figure_id = figure_id
        holding = [c.id for c in pack.comparisons_for(figure_id)] if figure_id else []
        if only is not None:
            self.ids = list(only)
        else:
            self.ids = holding if only_figure else [c.id for c in pack.comparisons]
        self.adhoc_ids: list[str] = adhoc_figures(comparison_id or "") or []
        self.selected = ADHOC if self.adhoc_ids else (
            comparison_id or (holding or self.ids or [None])[0])
        #: opened for a figure in no comparison: the picker is all there is to show
        self.only_picker = bool(figure_id and only_figure and not holding)
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield BriefingHeader()
        with Horizontal(id="cmp-body"):
            yield SafeOptionList(id="cmp-list")
            with VerticalScroll(id="cmp-view"):
                yield Prose(id="cmp-title")
                yield Prose(id="cmp-subtitle")
                yield ComparisonChart(self.pack, self.lang, id="chart")
                yield Prose(id="cmp-timeline")
                yield Prose(id="cmp-note")
        yield BriefingFooter()

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        # Tab goes from the list to the chart's rows (the pane scrolls, it takes no focus)
        self.query_one("#cmp-view").can_focus = False
        self._fill_list()
        if self.selected:
            self._draw()
        elif self.only_picker:
            # In no curated comparison: say so and offer figures of its unit to compare with.
            self._message(t("no_comparisons", self.lang))
            self.action_adhoc()
        self.query_one("#cmp-list").focus()

    async def set_lang(self, lang: Lang) -> None:
        """The same comparison, the same row: only the words change."""
        chart = self.query_one(ComparisonChart)
        cursor = chart.cursor
        self.lang = lang
        self._fill_list()
        self._draw()
        if cursor < chart.row_count:
            chart.cursor = cursor

    def _fill_list(self) -> None:
        options = self.query_one("#cmp-list", OptionList)
        options.clear_options()
        for cid in self.ids:
            title = one_line(self.pack.comparison(cid).title.get(self.lang))
            options.add_option(Option(Wrapped(Text(title)), id=cid))
        options.add_option(Option(Wrapped(Text(t("adhoc", self.lang), style="italic")), id=ADHOC))
        target = self.selected if self.selected in self.ids else ADHOC
        options.highlighted = options.get_option_index(target)

    @on(OptionList.OptionHighlighted, "#cmp-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != ADHOC and event.option.id != self.selected:
            self.selected = event.option.id
            self._draw()

    @on(OptionList.OptionSelected, "#cmp-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == ADHOC:
            self.action_adhoc()

    def action_adhoc(self) -> None:
        from briefing.tui.screens.pick_figures import PickFiguresScreen

        preselect = self.adhoc_ids or ([self.figure_id] if self.figure_id else [])
        unit = (self.pack.figure(self.figure_id).unit
                if self.only_picker and self.figure_id else None)
        self.app.open_screen(  # type: ignore[attr-defined]
            PickFiguresScreen(self.pack, self.lang, preselect, unit=unit), self._picked)

    def _picked(self, figure_ids: list[str] | None) -> None:
        if figure_ids is None:
            if self.only_picker and not self.adhoc_ids:
                self.dismiss()  # nothing was compared: back to where ``f`` was pressed
            return
        self.adhoc_ids = figure_ids
        self.selected = ADHOC
        self._draw()

    @property
    def shown_id(self) -> str | None:
        """The id of the comparison drawn: a curated one's, or the ad-hoc one's
        (``adhoc:a,b``) when its figures can be drawn together; None when nothing is."""
        if self.selected == ADHOC:
            return adhoc_id(self.adhoc_ids) if self._view() is not None else None
        return self.selected

    def action_pin(self) -> None:
        """Pin the comparison shown, curated or ad hoc."""
        self.app.toggle_pin(self.shown_id)  # type: ignore[attr-defined]

    def action_export(self) -> None:
        """``e``: the comparison shown (ad hoc too), its section, or the pins."""
        from briefing.tui.screens.export_choice import ExportChoice

        app = self.app
        choice = ExportChoice.of(self.pack, self.shown_id, app.session.pins)  # type: ignore[attr-defined]
        if choice.options:
            app.open_export(choice)  # type: ignore[attr-defined]
        else:
            self.notify(t("nothing_to_export", self.lang), severity="warning")

    def action_copy(self) -> None:
        from briefing.export.brief import comparison_table

        view = self._view()
        if view is None:
            self.notify(t("nothing_to_copy", self.lang), severity="warning")
            return
        self.app.copy_text("\n".join(comparison_table(self.pack, view, self.lang)),  # type: ignore[attr-defined]
                           one_line(view.title.get(self.lang)))

    def action_source(self) -> None:
        """The source of the chart's highlighted row (Tab or a click moves to the chart)."""
        figure = self.query_one(ComparisonChart).highlighted
        if figure:
            self.app.open_source(figure)  # type: ignore[attr-defined]

    @on(ComparisonChart.Selected)
    def _row_selected(self, event: ComparisonChart.Selected) -> None:
        self.app.open_figure(event.figure_id)  # type: ignore[attr-defined]

    def _view(self) -> ComparisonView | None:
        if self.selected == ADHOC:
            try:
                self.error = None
                return adhoc(self.pack, self.adhoc_ids)
            except IncomparableFigures as exc:
                self.error = self._reason(exc)
                return None
        if self.selected:
            return build(self.pack, find_comparison(self.pack, self.selected))
        return None

    def _reason(self, exc: IncomparableFigures) -> str:
        """Why the picked figures cannot be drawn together, naming them by label (the
        comparison layer names ids, which a reader never sees here)."""
        figures = [self.pack.figure(f) for f in self.adhoc_ids if self.pack.has_figure(f)]
        zh = self.lang == "zh"
        if len(figures) < 2:
            return "请至少选择两个指标进行对比。" if zh else "Pick at least two figures to compare."
        names = [(one_line(f.label.get(self.lang)),
                  one_line(self.pack.unit(f.unit).label.get(self.lang))) for f in figures]
        if zh:
            listed = "、".join(f"{label}（{unit}）" for label, unit in names)
            return f"这些指标单位不同，不能画在同一刻度上：{listed}"
        listed = "; ".join(f"{label} ({unit})" for label, unit in names)
        return f"These figures have different units and cannot share one scale: {listed}"

    def _message(self, message: str) -> None:
        self.query_one("#cmp-note", Prose).update(Text(message, style="italic"))

    def _draw(self) -> None:
        lang = self.lang
        view = self._view()
        title = self.query_one("#cmp-title", Prose)
        subtitle = self.query_one("#cmp-subtitle", Prose)
        chart = self.query_one(ComparisonChart)
        timeline = self.query_one("#cmp-timeline", Prose)
        note = self.query_one("#cmp-note", Prose)
        if view is None:
            chart.show(None, lang)
            title.update(Text(t("incomparable", lang) if self.error else "",
                                      style="bold"))
            self.sub_title = t("adhoc", lang)
            subtitle.update("")
            timeline.display = False
            note.update(Text(self.error or "", style="bold red"))
            return
        title.update(Text(one_line(view.title.get(lang)), style="bold"))
        self.sub_title = one_line(view.title.get(lang))  # the header names the open comparison
        unit = ""
        if view.unit and view.unit not in ("rank", "ratio"):
            unit = " · " + one_line(self.pack.unit(view.unit).label.get(lang))
        kind = t(f"kind_{view.kind}", lang)
        if view.baseline:  # "size relative to {baseline}": the pack names it
            kind = kind.replace("{baseline}", one_line(view.baseline.label.get(lang)))
        subtitle.update(Text(kind + unit, style="dim"))
        chart.show(view, lang)
        timeline.display = view.kind == "timeline"
        timeline.update(Text(panes.timeline_line(self.pack, view, lang), style="bold")
                        if view.kind == "timeline" else "")
        notes = Text()
        for line in chart.table.footnotes if chart.table else []:  # what * and ≤/≥ mean
            notes.append(line + "\n", style="dim")
        if view.note:
            notes.append(clean(view.note.get(lang)), style="italic")
        notes.rstrip()
        note.update(notes)
