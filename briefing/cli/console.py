"""Options shared by every command (``--content``, ``--lang``) and the lazily loaded pack.

Importing this stays cheap (no Rich, no model): ``briefing search --json`` never prints through
Rich, and importing ``rich.console`` alone costs about as much as the search it runs. The two
consoles are made on first use (``from briefing.cli.console import console`` makes one).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from briefing.text.lazy_pattern import LazyPattern
from briefing.text.sanitize import clean

if TYPE_CHECKING:
    from rich.console import Console

    from briefing.library import Library
    from briefing.model import Lang, Pack


class State:
    """The options of this command line, and its pack once loaded.

    A plain class: a dataclass is built (its methods compiled) at import, which a command-line
    start pays for, and nothing compares or prints the one state there is.
    """

    def __init__(self, content: Path | None = None, lang: Lang = "en", lang_given: bool = False,
                 _pack: Pack | None = None) -> None:
        self.content = content
        self.lang = lang
        self.lang_given = lang_given  # --lang was on the command line (the app's saved one yields)
        self._pack = _pack

    # Setting the content or forgetting the pack (as each command line, and each test standing
    # for one, does) forgets the library read for it too.
    @property
    def content(self) -> Path | None:
        return self._content

    @content.setter
    def content(self, value: Path | None) -> None:
        self._content = value
        self._forget_library()

    @property
    def _pack(self) -> Pack | None:
        return self._loaded

    @_pack.setter
    def _pack(self, value: Pack | None) -> None:
        self._loaded = value
        if value is None:
            self._forget_library()

    def _forget_library(self) -> None:
        self._library: Library | None = None
        self._library_root: Path | bool | None = False  # False: not looked for yet

    def pack(self, cached: bool = True, keep: bool = True, shown: int | None = 20) -> Pack:
        """The pack named by ``--content`` (or the bundled one); exits cleanly if invalid.

        ``cached`` reuses a hash-checked validated pack; ``validate`` passes False. ``keep``
        False loads it without holding on to it (a large pack's search store is built with
        the pack let go, see :mod:`briefing.search.build_store`); :meth:`use` keeps it
        after all. ``shown``: how many problems of an invalid pack to print (None: all).
        """
        if self._pack is None and not keep:
            loaded = self.pack(cached, shown=shown)
            self._pack = None
            return loaded
        if self._pack is None and self.library_root() is not None:
            self._pack = self._library_pack()
        if self._pack is None:
            from briefing.pack import PackInvalid, bundled_pack_dir
            from briefing.pack.cache import load_pack, load_pack_cached

            path = self.content or bundled_pack_dir()
            try:
                self._pack = load_pack_cached(path) if cached else load_pack(path)
            except PackInvalid as exc:
                print_problems(exc.errors, shown, path)
                raise typer.Exit(1) from None
        return self._pack

    # -- a library of briefings --------------------------------------------------------------
    def library_root(self) -> Path | None:
        """The library folder this command line reads, or None when it reads one pack:
        ``--content`` names a pack, or the default library holds nothing but the bundled
        briefing (which then reads exactly as it always did)."""
        if self._library_root is False:
            from briefing.library.locate import (
                LIBRARY_FILE,
                default_library_dir,
                is_library,
                pack_folders,
            )

            if self.content is not None:
                self._library_root = self.content if is_library(self.content) else None
            else:
                root = default_library_dir()
                holds = (root / LIBRARY_FILE).is_file() or bool(pack_folders(root))
                self._library_root = root if holds else None
        return self._library_root  # type: ignore[return-value]

    def library(self) -> Library:
        """The library named by ``--content`` (a pack is a library of one), or the default
        library; exits cleanly when it cannot be opened."""
        if self._library is None:
            from briefing.library import LibraryInvalid, open_library

            root = self.library_root()
            try:
                if root is None:
                    self._library = open_library(self.content or _bundled())
                else:
                    self._library = open_library(None if self.content is None else root)
            except LibraryInvalid as exc:
                print_problems(exc.problems)
                raise typer.Exit(1) from None
        return self._library

    @property
    def qualified(self) -> bool:
        """Whether ids name their briefing (``pack:id``): a library of more than one."""
        return self.library_root() is not None and self.library().single is None

    def _library_pack(self) -> Pack:
        from briefing.library.merge import library_pack
        from briefing.pack import PackInvalid

        library = self.library()
        if not library.ids():
            where = library.root or "the library"
            raise fail(f"{where} holds no briefing that opens (see: briefing library)")
        try:
            pack = library_pack(library)
        except PackInvalid as exc:  # the one pack of the library changed since it was listed
            print_problems([str(error) for error in exc.errors])
            raise typer.Exit(1) from None
        print_problems([f"note: {briefing} left out: {why} (see: briefing library validate)"
                      for briefing, why in library.failed.items()])
        return pack

    def use(self, pack: Pack) -> None:
        """Keep ``pack`` (loaded with ``keep=False``) as this command line's pack."""
        self._pack = pack


def _bundled() -> Path:
    from briefing.pack import bundled_pack_dir

    return bundled_pack_dir()


state = State()
_consoles: dict[bool, Console] = {}


def _console(stderr: bool = False) -> Console:
    """The console for stdout (or stderr), made on first use and then shared.

    Writing to a pipe or a file, the width is ``COLUMNS`` or 80: never the size of a terminal
    that stdin or stderr happens to be (as Rich would take), so a command prints the same
    under cron, in a subprocess and in ``briefing ... | cat`` typed at a terminal.
    """
    if stderr not in _consoles:
        import os

        from rich.console import Console

        stream = sys.stderr if stderr else sys.stdout
        width = None
        if not _isatty(stream) and not os.environ.get("COLUMNS", "").strip().isdigit():
            width = 80
        _consoles[stderr] = Console(stderr=stderr, highlight=False, width=width)
    return _consoles[stderr]


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def piped() -> bool:
    """Whether stdout is not a terminal: tables then print whole, one row per line."""
    return not _console().is_terminal


def __getattr__(name: str) -> Console:
    # ``console`` and ``err_console`` as module attributes, made when first imported
    if name in ("console", "err_console"):
        return _console(stderr=name == "err_console")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def print_problems(problems: list, shown: int | None = 20, root: Path | None = None) -> None:
    """Pack problems on stderr, one a line: the first ``shown`` (None: all), then how many
    more there are and how to see them. Each says "error:" and names its file with the
    pack's folder ``root`` ("error: PACK/sections/x.yaml:4: ...")."""
    err = _console(stderr=True)
    for problem in problems[:shown]:  # messages quote pack text: keep them inert
        text = str(problem)
        where = getattr(problem, "file", "")
        if root is not None and where and not Path(where).is_absolute():
            text = f"{Path(root) / where}{text[len(where):]}"
        err.print(f"error: {clean(text)}", markup=False, highlight=False, soft_wrap=True)
    if shown is not None and len(problems) > shown:
        err.print(f"... and {len(problems) - shown} more problems ('briefing validate --all' "
                  "lists every one)", markup=False, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error and return the Exit to raise (``raise fail(...)``)."""
    _console(stderr=True).print(f"error: {clean(message)}", markup=False, highlight=False,
                                soft_wrap=True)
    return typer.Exit(code)


_TRAILING = LazyPattern(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def out(renderable: object, wide: bool = False) -> None:
    """Print a renderable without the padding Rich leaves at line ends.

    ``wide``: on a pipe, render at the renderable's own width rather than 80 columns, so a
    table keeps one row per line and nothing in it is cut or folded (grep, less -S, cut); the
    table must then set no column narrower than its cells (see :func:`piped`).
    """
    with _remembered_breaks():
        _out(renderable, wide)


def _out(renderable: object, wide: bool) -> None:
    console = _console()
    width = console.width
    if wide and not console.is_terminal:  # the table's own width, whatever COLUMNS says
        from rich.measure import Measurement

        width = max(1, min(Measurement.get(console, console.options.update(
            width=_MAX_PIPE_WIDTH), renderable).maximum, _MAX_PIPE_WIDTH))
    saved = console.width
    console.width = width  # Console.print(width=) may only narrow the output, never widen it
    try:
        with console.capture() as captured:
            console.print(renderable)
    finally:
        console.width = saved
    sys.stdout.write(_TRAILING.sub(r"\1", captured.get()))
    sys.stdout.flush()


_MAX_PIPE_WIDTH = 1000
#: The command line's saved line breaks are reloaded while their file is at most this big; a
#: larger one (search snippets differ query by query) is started afresh by the next command.
BREAKS_MAX_BYTES = 256 * 1024


@contextmanager
def _remembered_breaks() -> Iterator[None]:
    """Line breaks found by earlier commands on this pack, reused and then saved.

    Breaking text by UAX #14 (``uniseg``, pure Python) costs more than the rest of printing
    a search's table; the app already saves its breaks per pack (:mod:`briefing.text.break_cache`).
    The command line keeps its own, smaller file beside the app's, so neither grows the
    other's. The breaks found are the same either way: only the time differs.
    """
    pack = state._pack
    if pack is None:
        yield
        return
    from briefing.text import break_cache

    name = f"{pack.id}-cli"
    known = 0
    try:
        if break_cache.cache_file(name).stat().st_size <= BREAKS_MAX_BYTES:
            known = break_cache.warm(name)
    except OSError:
        pass
    yield
    break_cache.save(name, known)


def deliver_markdown(markdown: str | bytes, output: str | None, force: bool,
                     what: str = "") -> None:
    """An export to stdout (no ``-o``, or ``-o -``), or written atomically to ``output``
    (never over an existing file without ``force``); says where it went on stderr. One path
    for sections and briefs, in every format (bytes: a Word file, which is never written to
    a terminal). ``output`` stays a string: ``dir/`` names a folder."""
    if output is None or output == "-":
        if isinstance(markdown, bytes):
            if sys.stdout.isatty():
                raise fail("a Word file is not for the terminal: give -o FILE.docx or "
                           "redirect the output", 2)
            sys.stdout.flush()
            sys.stdout.buffer.write(markdown)
            sys.stdout.buffer.flush()
            return
        typer.echo(markdown, nl=False)
        return
    from briefing.export import ExportError, write_text_atomic

    try:
        write_text_atomic(output, markdown, force=force)
    except ExportError as exc:
        raise fail(str(exc)) from None
    _console(stderr=True).print(f"wrote {output}{f' ({what})' if what else ''}", markup=False,
                                highlight=False, soft_wrap=True)


def print_json(data: object) -> None:
    """JSON keeps pack text exactly, but what :mod:`briefing.text.sanitize` would remove is
    written as ``\\uXXXX`` escapes so the output is inert on a terminal (json escapes C0)."""
    import json

    from briefing.text.sanitize import escape_json

    typer.echo(escape_json(json.dumps(data, ensure_ascii=False, indent=2)))


_KIND_OF_ID = (("has_node", "a section or item"), ("has_figure", "a figure"),
               ("has_comparison", "a comparison"))


def unknown_id(pack, item_id: str, wanted: str = "") -> typer.Exit:
    """An id that is not what the command wants: say what it is, or suggest another id
    (never the one that was typed)."""
    import difflib

    from briefing.text.sanitize import one_line

    shown = one_line(item_id)
    for test, kind in _KIND_OF_ID:
        if wanted and getattr(pack, test)(item_id):
            return fail(f"'{shown}' is {kind}, not {wanted}")
    candidates = [i for i in pack.ids() if i != item_id]
    same = [i for i in candidates if i.lower() == item_id.strip().lower()]  # ids are lower case
    lowered = {i.lower(): i for i in candidates}
    hint = same or [lowered[m] for m in difflib.get_close_matches(item_id.lower(), lowered, n=1)]
    tip = f"; did you mean '{hint[0]}'?" if hint else " (try: briefing sections)"
    return fail(f"unknown id '{shown}'{tip}")


def qualified_id(pack, item_id: str) -> str:
    """``item_id`` as the pack holds it: in a library, an id without its briefing is taken
    when exactly one briefing has it (two that do are named, and neither is guessed); an
    ad-hoc comparison's id (``adhoc:a,b``) has each of its figures' ids taken so."""
    from briefing.present.comparison_rows import adhoc_figures, adhoc_id

    if (figures := adhoc_figures(item_id)) is not None:
        return adhoc_id([qualified_id(pack, f) for f in figures])
    if pack.has_id(item_id) or not state.qualified or ":" in item_id:
        return item_id
    found = [f"{b}:{item_id}" for b in state.library().ids() if pack.has_id(f"{b}:{item_id}")]
    if len(found) > 1:
        from briefing.text.sanitize import one_line

        raise fail(f"'{one_line(item_id)}' is in {len(found)} briefings: "
                   f"{', '.join(found)}; give one of them")
    return found[0] if found else item_id


def briefing_of(item_id: str) -> str:
    """The briefing an id of the loaded pack belongs to."""
    if state.qualified:
        return item_id.partition(":")[0]
    return state.pack().id


def facets_from(pack, kinds, periods, units, scopes, briefings, indicators, label):
    """The facet options of a command as :class:`~briefing.library.facets.Facets`; a value
    that can match nothing is a usage error naming it (units and scopes only with a
    ``pack`` to know them by)."""
    from briefing.library.facets import Facets

    facets = Facets(kinds=tuple(kinds or ()), periods=tuple(periods or ()),
                    units=tuple(units or ()), scopes=tuple(scopes or ()),
                    briefings=tuple(briefings or ()), indicators=tuple(indicators or ()),
                    label=label or "")
    known = (state.library().ids() if state.qualified
             else [pack.id] if pack is not None else state.library().ids())
    problem = facets.problem(pack, known)
    if problem:
        raise fail(problem, 2)
    return facets
