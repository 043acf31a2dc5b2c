"""Export (``e``): this item (figure, comparison), its section or the pins; in English,
Chinese or both; as Markdown, HTML or Word; to a file whose full path the dialog and the
toast name.

What is offered and chosen first follows what ``e`` was pressed on
(:class:`~briefing.tui.screens.export_choice.ExportChoice`): the tree's Pins choose the pins,
a figure row its figure, the item being read that item. In the dialog the arrows choose as
they move and Enter exports what is shown (:class:`~briefing.tui.widgets.choice.Choice`). The
file name's extension follows the format chosen (and a typed ``.html`` or ``.docx`` chooses
it).

Never overwrites silently: ``TargetExists`` switches the dialog to an explicit "Overwrite?"
question, and only then is the write retried with ``force=True``. In a browser
(``briefing serve``) nothing is written on the server: the file is delivered as a download.
"""

from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, RadioButton, Static

from briefing.export import EXPORT_FORMATS, default_export_name
from briefing.model import Lang, Pack
from briefing.present.words import t
from briefing.tui.screens.dialog import Dialog
from briefing.tui.screens.export_choice import ExportChoice
from briefing.tui.screens.lifecycle import closed_before_mount
from briefing.tui.widgets.choice import Choice
from briefing.tui.widgets.prose import Prose

MIME_TYPES = {"md": "text/markdown", "html": "text/html",
              "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
LANG_CHOICES = (("en", "English"), ("zh", "中文"), ("both", None))
FORMAT_NAMES = {"md": "Markdown", "html": "HTML", "docx": "Word"}


def deliver_download(app, path: Path, data: str | bytes) -> bool:
    """In a browser (``briefing serve``) the server's disk is not the reader's: hand the
    export to the browser as a download named like ``path``, and say so (True). In a
    terminal, do nothing (False) and the caller writes the file."""
    if not getattr(app, "is_web", False):
        return False
    import io

    from briefing.export.write import format_of

    mime = MIME_TYPES[format_of(path)]
    name = path.name or "briefing.md"
    if isinstance(data, bytes):
        app.deliver_binary(io.BytesIO(data), save_filename=name, mime_type=mime)
    else:
        app.deliver_text(io.StringIO(data), save_filename=name, mime_type=mime,
                         encoding="utf-8")
    return True


def _file_id(item_id: str) -> str:
    """An id as part of a file name (an ad-hoc comparison's ``adhoc:a,b`` as ``adhoc-a-b``)."""
    return item_id.replace(":", "-").replace(",", "-")


class ExportDialog(Dialog[Path | None]):
    def __init__(self, pack: Pack, choice: ExportChoice, lang: Lang) -> None:
        super().__init__()
        self.pack = pack
        self.choice = choice
        self.lang: Lang = lang
        self.what = choice.default
        self.export_lang: str = lang
        self.fmt: str = "md"
        self.pending: Path | None = None  # a path that exists, awaiting "overwrite?"

    # -- what the dialog shows ---------------------------------------------------------------
    def _default_path(self) -> str:
        item = self.choice.item(self.what)
        name = (f"brief.{self.export_lang}.{self.fmt}" if self.what == "pins" or not item
                else default_export_name(_file_id(item), self.export_lang, self.fmt))
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
            with Horizontal(classes="choices"):
                yield Choice(*[RadioButton(name or t("both_langs", lang),
                                           value=code == self.export_lang, id=f"export-{code}")
                               for code, name in LANG_CHOICES], id="export-lang")
                yield Choice(*[RadioButton(FORMAT_NAMES[fmt], value=fmt == self.fmt,
                                           id=f"export-{fmt}")
                               for fmt in EXPORT_FORMATS], id="export-format")
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
    def _choice_changed(self) -> None:
        path = self.query_one("#export-path", Input)
        untouched = path.value == self._default_path()
        for name in ("what", "lang", "format"):
            value = self.query_one(f"#export-{name}", Choice).value
            if value:
                setattr(self, {"lang": "export_lang", "format": "fmt"}.get(name, name),
                        value.removeprefix("export-"))
        if untouched:
            path.value = self._default_path()

    @on(Choice.Submitted)
    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        self.export(force=False)

    @on(Input.Changed, "#export-path")
    def _changed(self) -> None:
        from briefing.export.write import format_of

        self._show_where()
        target = self._target()
        if target is not None and format_of(target) != self.fmt:  # a typed .html chooses HTML
            self.fmt = format_of(target)
            self.query_one("#export-format", Choice).choose(f"export-{self.fmt}")
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
    def document(self):
        """The chosen thing in the chosen language(s), ready to render."""
        lang = self.export_lang
        if self.what == "pins":
            from briefing.export.brief import brief_document

            return brief_document(self.pack, list(self.choice.pins), lang)  # type: ignore[arg-type]
        from briefing.export import ExportDocument

        document = ExportDocument(self.pack, lang)  # type: ignore[arg-type]
        document.add_item(self.choice.item(self.what) or "")
        return document

    def export(self, force: bool) -> None:
        from briefing.export import ExportError, TargetExists, write_text_atomic
        from briefing.export.write import format_of

        if not self.is_active or not self.choice.options:
            return
        path = self._target()
        if path is None:
            return
        data = self.document().render(format_of(path))
        if deliver_download(self.app, path, data):
            self.app.notify(f"{t('downloading', self.lang)} {path.name}", markup=False)
            self.close(path)
            return
        raw = os.path.expanduser(self.query_one("#export-path", Input).value.strip())
        try:
            write_text_atomic(raw, data, force=force)  # a string: "dir/" is a folder
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
