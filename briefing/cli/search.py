"""``briefing search QUERY``: the search engine from the command line (never imports Textual).

Start-up is most of what a command-line search costs, so this module imports only Typer: the
engine loads when a search runs, and Rich (about 20 ms) only for a table, never for ``--json``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from briefing.cli.console import fail, print_json, state
from briefing.cli.root import (
    BriefingOption,
    IndicatorOption,
    KindOption,
    LabelOption,
    LangOption,
    PeriodOption,
    ScopeOption,
    UnitOption,
    app,
    set_lang,
)

if TYPE_CHECKING:  # the engine (and rapidfuzz) load only when a search runs
    from briefing.cli.fit import FitOrStack
    from briefing.model import Lang
    from briefing.search.engine import Hit, SearchEngine

#: Above this many fields, building the pinyin index shows a progress bar.
PROGRESS_MIN_FIELDS = 5000
FIELD_LABELS = {
    "en": {"title": "title", "label": "label", "text": "text", "display": "figure",
           "quote": "source", "note": "note"},
    "zh": {"title": "标题", "label": "指标", "text": "正文", "display": "数值", "quote": "原文",
           "note": "注"},
}
HEADINGS = {
    "en": ("Score", "Hit", "Section", "Match"),
    "zh": ("得分", "结果", "章节", "匹配"),
}
NO_HITS = {"en": "no hits", "zh": "没有结果"}


def field_label(field: str, lang: Lang) -> str:
    kind, _, which = field.partition(".")
    label = FIELD_LABELS[lang].get(kind, kind)
    return f"{label} {which}".strip()


def hits_table(hits: list[Hit], lang: Lang, one_line: bool = False) -> FitOrStack:
    """Hits as a table, or one block per hit where the terminal is too narrow for its columns
    whole. Ids (the hit's and its section's) are never broken, the text is wrapped by the
    project's line breaker. ``one_line`` (a pipe): one line per hit, nothing wrapped, the
    title, a figure's value and the id side by side."""
    from rich.table import Table
    from rich.text import Text

    from briefing.cli.fit import FitOrStack
    from briefing.present.snippets import printable, snippet, value_glue
    from briefing.text.rich_wrap import Wrapped

    # Text, not str: Rich reads a str cell as markup with emoji codes (importing their table)
    heads = [Text(head) for head in HEADINGS[lang]]
    table = Table(header_style="bold", show_lines=False)
    table.add_column(heads[0], justify="right", no_wrap=True)
    for head in heads[1:]:
        table.add_column(head, no_wrap=one_line)
    between = "  " if one_line else "\n"
    fit = FitOrStack(table, label_column=1)
    for hit in hits:
        title = Text()
        title.append(printable(hit.title.get(lang)), style="bold")
        title.append(between)
        whole: list[int] = []  # no break inside a figure's value or the id
        if hit.value is not None:  # a figure: its value under its label
            value = printable(hit.value.get(lang))
            whole += value_glue(value, len(title.plain))  # "over RMB 100 billion" whole
            title.append(value, style="bold cyan")
            title.append(between)
        start = len(title.plain)
        title.append(f"{hit.id} · {hit.kind}", style="dim")
        whole += range(start + 1, start + len(hit.id))
        match = Text()
        match.append(field_label(hit.field, lang) + " ", style="dim")
        width = 60 if hit.field.endswith(".zh") or hit.field == "quote" else 110
        match.append_text(snippet(hit.text_of(hit.field), hit.spans, width))
        section = hit.section or "—"
        fit.add_row(Text(f"{hit.score:.0f}"), Wrapped(title, whole),
                    Wrapped(Text(section), range(1, len(section))), Wrapped(match))
    return fit


def _prepare_with_progress(engine: SearchEngine) -> None:
    """Load or build the pinyin index, with a progress bar when a large one is built."""
    if len(engine.text_index) < PROGRESS_MIN_FIELDS:
        engine.prepare()
        return
    with _progress_bar() as report:
        engine.prepare(report)


@contextlib.contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], None]]:
    """A function to report (done, total) to: the first report shows a progress bar on
    stderr, removed when the block ends."""
    bar: list = []

    def report(done: int, total: int) -> None:
        if not bar:
            from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

            from briefing.cli.console import err_console

            progress = Progress(TextColumn("indexing for search"), BarColumn(),
                                TaskProgressColumn(), console=err_console, transient=True)
            progress.start()
            bar.extend([progress, progress.add_task("index", total=total)])
        bar[0].update(bar[1], completed=done, total=total)

    try:
        yield report
    finally:
        if bar:
            bar[0].stop()


def _engine() -> SearchEngine:
    """The engine: on a large pack's store when there is one (the pack is then loaded only if
    the store cannot be read), else on the pack. A large pack without a store yet gets one
    first, built with the pack let go (see
    :func:`briefing.search.build_store.store_for`)."""
    from briefing.pack.cache import one_digest_per_pack
    from briefing.search.engine import SearchEngine
    from briefing.search.store import Store, find_store

    with one_digest_per_pack():  # the store and the pack are found by the same digest
        if state._pack is None:
            from briefing.pack import bundled_pack_dir

            if state.library_root() is not None:
                from briefing.library.search import find_library_store

                store = find_library_store(state.library())
            else:
                store = find_store(state.content or bundled_pack_dir())
            if store is None:
                from briefing.search.build_store import store_for

                with _progress_bar() as report:
                    got = store_for(lambda: state.pack(keep=False), report)
                if isinstance(got, Store):
                    store = got
                elif got is not None:
                    state.use(got)
            if store is not None:
                return SearchEngine(None, store=store, pack_loader=state.pack)
        return SearchEngine(state.pack())


def _is_section(engine: SearchEngine, section: str) -> bool:
    """Whether ``section`` names a top-level section: from the store when the engine is on
    one (the pack is not loaded for it), else from the pack."""
    tops = engine.top_sections
    if tops is not None:
        return section in tops
    pack = state.pack()
    return pack.has_node(section) and pack.node(section).is_section


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Chinese, English, pinyin (yanfa) or pinyin "
                                         "initials (yfjg); typos are forgiven.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many hits.")] = 20,
    section: Annotated[str | None, typer.Option("--section", "-s", show_default=False,
                                                help="Only hits in this top-level section.")
                       ] = None,
    kind: KindOption = None,
    period: PeriodOption = None,
    unit: UnitOption = None,
    scope: ScopeOption = None,
    briefing: BriefingOption = None,
    indicator: IndicatorOption = None,
    label: LabelOption = None,
    json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    lang: LangOption = None,
) -> None:
    """Search every section, item, figure and comparison, best hits first; the facets
    (--kind, --period, --unit, --scope, --briefing, --indicator, --label) narrow it."""
    set_lang(lang)
    if not query.strip():
        raise fail("the search query is empty: give a word in Chinese, English or pinyin", 2)
    if limit < 1:
        raise fail("--limit must be at least 1", 2)
    facets = None
    if ":" in query:  # facets typed as words of the query: kind:target period:2026
        from briefing.library.faceted_search import parse

        query, typed = parse(query)
        kind, period, unit, scope, briefing, indicator = (
            [*(given or ()), *extra] or None for given, extra in (
                (kind, typed.kinds), (period, typed.periods), (unit, typed.units),
                (scope, typed.scopes), (briefing, typed.briefings),
                (indicator, typed.indicators)))
        if not query.strip():
            raise fail("give words to search for beside the facets (or: briefing figures "
                       "--kind ... --period ...)", 2)
    if kind or period or unit or scope or briefing or indicator or label:
        from briefing.cli.console import facets_from

        facets = facets_from(None, kind, period, unit, scope, briefing, indicator, label)
    engine = _engine()
    within = None
    if section is not None and state.qualified and ":" in section:
        within = _ids_within(section)  # a section of one briefing of the library
        section = None
    elif section is not None and not _is_section(engine, section):
        from briefing.present.snippets import printable

        raise fail(f"unknown section '{printable(section)}' (try: briefing sections)")
    if engine.needs_index(query):
        _prepare_with_progress(engine)
    if facets is None and within is None:
        hits = engine.search(query, limit=limit, section=section)
    else:
        from briefing.cli.search_facets import narrowed

        hits = narrowed(engine, query, limit, section, facets, within)
    if json:
        print_json([hit.to_json() for hit in hits])
        return
    from briefing.cli.console import console, out, piped

    if not hits:
        console.print(NO_HITS[state.lang], markup=False)
        return
    from briefing.present.hit_count import hit_count

    console.print(hit_count((h.kind for h in hits), limit, state.lang), markup=False,
                  highlight=False)
    one_line = piped()
    out(hits_table(hits, state.lang, one_line=one_line), wide=one_line)


def _ids_within(section: str) -> frozenset[str]:
    """Every id under ``section`` (``briefing:section``) of the library, qualified."""
    from briefing.library.qualified import qualify, split

    briefing, own = split(section)
    library = state.library()
    pack = library.pack(briefing) if briefing and library.has(briefing) else None
    if pack is None or not pack.has_node(own):
        from briefing.present.snippets import printable

        raise fail(f"unknown section '{printable(section)}' (try: briefing sections)")
    node = pack.node(own)
    ids = {n.id for n in node.walk()} | {f.id for f in node.all_figures()}
    ids |= {c.id for c in pack.comparisons if c.section_id in ids}
    return frozenset(qualify(briefing, i) for i in ids)
