"""Export (``e``): the open section, or the pins as one brief, to Markdown, HTML or Word (the
file name's extension says which: ``.html``, ``.docx``, anything else Markdown).

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
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from briefing.export import default_export_name
from briefing.model import Lang, Pack
from briefing.present.words import t
from briefing.tui.screens.dialog import Dialog
from briefing.tui.screens.lifecycle import closed_before_mount
from briefing.tui.widgets.prose import Prose

MIME_TYPES = {"md": "text/markdown", "html": "text/html",
              "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


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


class ExportDialog(Dialog[Path | None]):
    def __init__(self, pack: Pack, node_id: str | None, lang: Lang,
                 pins: list[str] | None = None) -> None:
        """``node_id`` is "this section" (None when none is open); ``pins`` the brief's ids."""
        super().__init__()
        self.pack = pack
        self.node_id = node_id
        self.lang: Lang = lang
        self.pins = list(pins or [])
        self.use_pins = node_id is None
        self.pending: Path | None = None  # a path that exists, awaiting "overwrite?"

    def _default_path(self) -> str:
        name = (f"brief.{self.lang}.md" if self.use_pins or self.node_id is None
                else default_export_name(self.node_id, self.lang))
        return name if self._web else f"./{name}"

    @property
    def _web(self) -> bool:
        """In a browser the export is a download: a file name, not a path on the server."""
        return bool(getattr(self.app, "is_web", False))

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static(Text(t("export_title", lang), style="bold"), markup=False)
            with RadioSet(id="export-what"):
                yield RadioButton(t("export_section", lang), value=not self.use_pins,
                                  id="export-section", disabled=self.node_id is None)
                yield RadioButton(f"{t('export_pins', lang)} ({len(self.pins)})",
                                  value=self.use_pins, id="export-pins",
                                  disabled=not self.pins)
            yield Static(Text(t("export_name" if self._web else "export_path", lang),
                              style="dim"), markup=False)
            yield Input(self._default_path(), id="export-path")
            yield Prose(id="export-message")
            with Horizontal(classes="buttons"):
                yield Button(t("export_do", lang), variant="primary", id="export-go")
                yield Button(t("overwrite", lang), variant="error", id="export-overwrite")
                yield Button(t("cancel", lang), id="export-cancel")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#export-overwrite").display = False
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed, "#export-what")
    def _what_changed(self, event: RadioSet.Changed) -> None:
        path = self.query_one("#export-path", Input)
        untouched = path.value == self._default_path()
        self.use_pins = event.pressed.id == "export-pins"
        if untouched:
            path.value = self._default_path()

    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        self.export(force=False)

    @on(Input.Changed, "#export-path")
    def _changed(self) -> None:
        if self.pending is not None:  # a new path: forget the overwrite question
            self._ask(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-go":
            self.export(force=False)
        elif event.button.id == "export-overwrite":
            self.export(force=True)
        else:
            self.close(None)

    def export(self, force: bool) -> None:
        from briefing.export import ExportDocument, ExportError, TargetExists, write_text_atomic
        from briefing.export.write import format_of

        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            return
        raw = os.path.expanduser(raw)  # unlike Path.expanduser, never raises (~nobody/x)
        path = Path(raw)
        if self.use_pins or self.node_id is None:
            from briefing.export.brief import brief_document

            document = brief_document(self.pack, self.pins, self.lang)
        else:
            document = ExportDocument(self.pack, self.lang)
            document.add_item(self.node_id)
        data = document.render(format_of(path))  # type: ignore[arg-type]
        if deliver_download(self.app, path, data):
            self.app.notify(f"{t('downloading', self.lang)} {path.name}", markup=False)
            self.close(path)
            return
        try:
            write_text_atomic(raw, data, force=force)  # a string: "dir/" is a folder
        except TargetExists:
            self._ask(path)
            return
        except ExportError as exc:
            self._say(Text(str(exc), style="bold red"))
            return
        self.app.notify(f"{t('exported', self.lang)} {path}", markup=False)
        self.close(path)

    def _ask(self, path: Path | None) -> None:
        self.pending = path
        self.query_one("#export-overwrite").display = path is not None
        self.query_one("#export-go").display = path is None
        if path is None:
            self._say(Text(""))
        else:
            self._say(Text(f"{path} {t('exists', self.lang)}", style="bold yellow"))
            # the safe answer has the focus: Enter, Enter never overwrites
            self.query_one("#export-cancel", Button).focus()

    def _say(self, text: Text) -> None:
        self.query_one("#export-message", Prose).update(text)

