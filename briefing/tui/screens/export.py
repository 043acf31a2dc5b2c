"""Export (``e``): this section, this item (figure, comparison) or the pins, in English,
Chinese or both, to a file whose full path the dialog and the toast name.

What is offered and chosen first follows what ``e`` was pressed on (:class:`ExportChoice`):
the tree's Pins choose the pins, a figure row its figure, the item being read that item. In
the dialog the arrows choose as they move and Enter exports what is shown
(:class:`~briefing.tui.widgets.choice.Choice`).

Never overwrites silently: ``TargetExists`` switches the dialog to an explicit "Overwrite?"
question, and only then is the write retried with ``force=True``. In a browser
(``briefing serve``) nothing is written on the server: the file is delivered as a download.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, RadioButton, Static

from briefing.export import default_export_name
from briefing.model import Lang, Pack
from briefing.present.words import t
from briefing.tui.screens.dialog import Dialog
from briefing.tui.screens.lifecycle import closed_before_mount
from briefing.tui.widgets.choice import Choice
from briefing.tui.widgets.prose import Prose

LANG_CHOICES = (("en", "English"), ("zh", "中文"), ("both", None))


def deliver_download(app, path: Path, markdown: str) -> bool:
    """In a browser (``briefing serve``) the server's disk is not the reader's: hand the
    Markdown to the browser as a download named like ``path``, and say so (True). In a
    terminal, do nothing (False) and the caller writes the file."""
    if not getattr(app, "is_web", False):
        return False
    import io

    app.deliver_text(io.StringIO(markdown), save_filename=path.name or "briefing.md",
                     mime_type="text/markdown", encoding="utf-8")
    return True


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the dialog offers: ``(what, id)`` pairs, ``what`` being "item", "section" or
    "pins" (id ""), and which one is chosen first."""

    options: tuple[tuple[str, str], ...]
    default: str
    pins: tuple[str, ...] = ()

    @classmethod
    def of(cls, pack: Pack, item_id: str | None, pins: list[str],
           prefer_pins: bool = False) -> ExportChoice:
        """The choices for ``item_id`` (what a key acts on): the thing itself unless it is a
        section, the section it is in, and the pins when there are any."""
        from briefing.present.comparison_rows import find_comparison
        from briefing.present.titles import kind_of

        kind = kind_of(pack, item_id) if item_id else None
        options: list[tuple[str, str]] = []
        section = None
        if kind in ("section", "item"):
            section = pack.section_of(item_id).id  # type: ignore[arg-type]
        elif kind == "figure":
            section = pack.section_of(pack.figure(item_id).node_id).id  # type: ignore[arg-type]
        elif kind == "comparison":
            home = find_comparison(pack, item_id).section_id  # type: ignore[arg-type]
            section = pack.section_of(home).id if home and pack.has_node(home) else None
        if kind is not None and kind != "section":
            options.append(("item", item_id))  # type: ignore[arg-type]
        if section is not None:
            options.append(("section", section))
        if pins:
            options.append(("pins", ""))
        whats = [what for what, _ in options]
        default = "pins" if prefer_pins and pins else (whats[0] if whats else "")
        return cls(tuple(options), default, tuple(pins))

    def item(self, what: str) -> str | None:
        return dict(self.options).get(what)


class ExportDialog(Dialog[Path | None]):
    def __init__(self, pack: Pack, choice: ExportChoice, lang: Lang) -> None:
        super().__init__()
        self.pack = pack
        self.choice = choice
        self.lang: Lang = lang
        self.what = choice.default
        self.export_lang: str = lang
        self.pending: Path | None = None  # a path that exists, awaiting "overwrite?"

    # -- what the dialog shows ---------------------------------------------------------------
    def _default_path(self) -> str:
        item = self.choice.item(self.what)
        name = (f"brief.{self.export_lang}.md" if self.what == "pins" or not item
                else default_export_name(item, self.export_lang))
        return name if self._web else f"./{name}"

    @property
    def _web(self) -> bool:
        """In a browser the export is a download: a file name, not a path on the server."""
        return bool(getattr(self.app, "is_web", False))

    def _label(self, what: str, item_id: str) -> Text:
        from briefing.present.titles import kind_of, title_of

        lang = self.lang
        if what == "pins":
            return Text(f"{t('export_pins', lang)} ({len(self.choice.pins)})")
        kind = "section" if what == "section" else kind_of(self.pack, item_id)
        return Text.assemble(t(f"export_{kind}", lang), ": ",
                             (title_of(self.pack, item_id, lang), "bold"))

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static(Text(t("export_title", lang), style="bold"), markup=False)
            yield Choice(*[RadioButton(self._label(what, item_id), value=what == self.what,
                                       id=f"export-{what}")
                           for what, item_id in self.choice.options], id="export-what")
            yield Choice(*[RadioButton(name or t("both_langs", lang),
                                       value=code == self.export_lang, id=f"export-{code}")
                           for code, name in LANG_CHOICES], id="export-lang")
            yield Static(Text(t("export_name" if self._web else "export_path", lang),
                              style="dim"), markup=False)
            yield Input(self._default_path(), id="export-path")
            yield Prose(id="export-where")
            yield Prose(id="export-message")
            with Horizontal(classes="buttons"):
                yield Button(t("export_do", lang), variant="primary", id="export-go")
                yield Button(t("overwrite", lang), variant="error", id="export-overwrite")
                yield Button(t("cancel", lang), id="export-cancel")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#export-overwrite").display = False
        self._show_where()
        self.query_one("#export-what", Choice).focus()

    def _target(self) -> Path | None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            return None
        return Path(os.path.expanduser(raw))  # unlike Path.expanduser, never raises

    def _show_where(self) -> None:
        """The full path the file goes to (a relative one is in the working folder)."""
        target = self._target()
        where = self.query_one("#export-where", Prose)
        if self._web or target is None:
            where.update(Text(""))
            return
        where.update(Text(f"{t('export_full_path', self.lang)} {os.path.abspath(target)}",
                          style="dim"))

    # -- events ------------------------------------------------------------------------------
    @on(Choice.Changed)
    def _choice_changed(self, event: Choice.Changed) -> None:
        path = self.query_one("#export-path", Input)
        untouched = path.value == self._default_path()
        what = self.query_one("#export-what", Choice).value
        lang = self.query_one("#export-lang", Choice).value
        if what:
            self.what = what.removeprefix("export-")
        if lang:
            self.export_lang = lang.removeprefix("export-")
        if untouched:
            path.value = self._default_path()

    @on(Choice.Submitted)
    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        self.export(force=False)

    @on(Input.Changed, "#export-path")
    def _changed(self) -> None:
        self._show_where()
        if self.pending is not None:  # a new path: forget the overwrite question
            self._ask(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-go":
            self.export(force=False)
        elif event.button.id == "export-overwrite":
            self.export(force=True)
        else:
            self.close(None)

    # -- exporting ---------------------------------------------------------------------------
    def markdown(self) -> str:
        """The chosen thing, in the chosen language(s), as Markdown."""
        lang = self.export_lang
        if self.what == "pins":
            from briefing.export.brief import brief_markdown

            return brief_markdown(self.pack, list(self.choice.pins), lang)  # type: ignore[arg-type]
        from briefing.export import to_markdown

        return to_markdown(self.pack, self.choice.item(self.what) or "", lang)  # type: ignore[arg-type]

    def export(self, force: bool) -> None:
        from briefing.export import ExportError, TargetExists, write_text_atomic

        if not self.is_active or not self.choice.options:
            return
        path = self._target()
        if path is None:
            return
        markdown = self.markdown()
        if deliver_download(self.app, path, markdown):
            self.app.notify(f"{t('downloading', self.lang)} {path.name}", markup=False)
            self.close(path)
            return
        raw = os.path.expanduser(self.query_one("#export-path", Input).value.strip())
        try:
            write_text_atomic(raw, markdown, force=force)  # a string: "dir/" is a folder
        except TargetExists:
            self._ask(path)
            return
        except ExportError as exc:
            self._say(Text(str(exc), style="bold red"))
            return
        self.app.notify(f"{t('exported', self.lang)} {os.path.abspath(path)}", markup=False)
        self.close(path)

    def _ask(self, path: Path | None) -> None:
        self.pending = path
        self.query_one("#export-overwrite").display = path is not None
        self.query_one("#export-go").display = path is None
        if path is None:
            self._say(Text(""))
        else:
            self._say(Text(f"{os.path.abspath(path)} {t('exists', self.lang)}",
                           style="bold yellow"))
            # the safe answer has the focus: Enter, Enter never overwrites
            self.query_one("#export-cancel", Button).focus()

    def _say(self, text: Text) -> None:
        self.query_one("#export-message", Prose).update(text)
