"""The app over a library of briefings: briefings loaded as they are opened.

A mixin for :class:`~briefing.tui.app.BriefingApp`. The app reads one pack; over a library it
is the :class:`~briefing.library.view.LibraryView`'s merged pack, where a briefing not opened
yet is a top-level node with its title and documents. Asking for anything of such a briefing
(the tree, search, go-to, the palette, a pin, resume) loads it and swaps the new merged pack
into the app, the main screen, its tree and its pane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.model import Figure, Lang, Pack

if TYPE_CHECKING:
    from briefing.library.view import LibraryView
    from briefing.userstate import StateStore
else:
    LibraryView = object  # a name for the app's annotations; importing it costs a start

#: The tree line of a briefing: date, documents, how much of it is in English.
ABOUT = {"en": "{date} · {docs} doc{s} · EN {pct}%",
         "zh": "{date} · {docs}份文件 · 英文{pct}%"}


def opened_library_pack(view: LibraryView, store: StateStore | None,
                        start_id: str | None) -> Pack:
    """The view's pack with what the app shows first loaded: the briefings of the pins and of
    the item to resume or start at (else the first briefing), so they are there when the
    session checks them."""
    wanted = [start_id] if start_id else []
    if store is not None:
        saved = store.load(view.pack.id)
        wanted += [*saved.pins, *saved.set_aside, *([saved.open_id] if saved.open_id else [])]
    view.load_for(wanted)
    if not view.loaded() and view.library.ids():
        view.load([view.library.ids()[0]])
    return view.pack


def briefing_about(view: LibraryView, lang: Lang) -> dict[str, str]:
    """Each briefing's tree line (see :data:`ABOUT`)."""
    about = {}
    for entry in view.library.entries:
        if entry.ok:
            docs = len(entry.documents)
            about[entry.id] = ABOUT[lang].format(date=entry.date or "—", docs=docs,
                                                 s="" if docs == 1 else "s",
                                                 pct=round(entry.translated * 100))
    return about


class LibraryMixin:
    """``open_briefings_for`` and ``set_pack``, used by navigation over a library."""

    view: LibraryView | None = None

    def open_briefings_for(self, *ids: str) -> bool:
        """Load the briefings ``ids`` belong to (and those a library comparison among them
        draws from); True when the app's pack changed. A briefing that broke since the
        library opened is reported, not opened."""
        if self.view is None:
            return False
        from briefing.pack import PackInvalid

        try:
            changed = self.view.load_for(ids)
        except (PackInvalid, OSError) as exc:
            first = exc.errors[0] if isinstance(exc, PackInvalid) and exc.errors else exc
            self.notify(str(first), severity="error", markup=False)  # type: ignore[attr-defined]
            return False
        if changed:
            self.set_pack(self.view.pack)
        return changed

    def set_pack(self, pack: Pack) -> None:
        """Read ``pack`` from now on (the same ids, more of them loaded)."""
        self.pack = pack
        self.session.pack = pack  # type: ignore[attr-defined]
        stack = self.screen_stack  # type: ignore[attr-defined]
        if stack and hasattr(stack[0], "tree"):
            main = stack[0]
            main.pack = pack
            main.pane.pack = pack
            main.tree.set_pack(pack)

    def briefing_of(self, item_id: str) -> str | None:
        """The briefing an id belongs to (the pack's own id outside a library)."""
        if self.view is None:
            return self.pack.id  # type: ignore[attr-defined]
        return self.view.briefing_of(item_id)

    def figure_of(self, figure_id: str) -> Figure:
        """A figure of any briefing, read from its own pack (which is loaded for it, not
        opened in the app), with its indicator's labels where it has no English."""
        if self.view is None:
            return self.pack.figure(figure_id)  # type: ignore[attr-defined]
        from briefing.library.indicators import labelled
        from briefing.library.qualified import split

        library = self.view.library
        briefing, own = split(figure_id)
        fig = library.pack(briefing or "").figure(own)
        return labelled(fig, {i.id: i for i in library.spec.indicators})

    def tree_about(self, lang: Lang) -> dict[str, str] | None:
        """What the tree says of each briefing beside its title (None outside a library)."""
        return None if self.view is None else briefing_about(self.view, lang)
