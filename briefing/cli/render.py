"""Rich renderables for the CLI. Pack text always enters as ``Text`` (never as markup)."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from briefing.cli.console import console
from briefing.cli.fit import FitOrStack
from briefing.export.quoting import quoted
from briefing.figures.formatting import (
    figure_value,
    kind_label,
    period_label,
    qualifier_label,
    scope_label,
    value_parts,
    value_phrase,
)
from briefing.model import Figure, Lang, Node, Pack
from briefing.present.citations import Citations, page_label
from briefing.present.comparison_profiles import for_output
from briefing.present.comparison_rows import ComparisonView, bar
from briefing.present.comparison_table import Column as TableColumn
from briefing.present.comparison_table import TableRow, comparison_table
from briefing.text.rich_wrap import Wrapped, keep_with_previous
from briefing.text.sanitize import clean, one_line

HEADINGS = {
    "en": {"figure": "Figure", "value": "Value", "period": "Period / kind", "kind": "Kind",
           "hedge": "Hedge", "sources": "Sources", "id": "ID", "section": "Section",
           "base": "Base value", "unit": "Unit", "title": "Title", "compared": "Compared in",
           "figures": "Figures", "see_also": "See also"},
    "zh": {"figure": "指标", "value": "数值", "period": "时期/类型", "kind": "类型",
           "hedge": "限定",
           "sources": "来源", "id": "ID", "section": "章节", "base": "基础值", "unit": "单位",
           "title": "标题", "compared": "对比", "figures": "数据", "see_also": "另见"},
}


#: Columns the label, value and period need beside the id column to stay readable.
_ROOM_BESIDE_IDS = 56
#: Labels wrap within this many cells even on a wide console or a pipe: rows stay readable.
_LABEL_MAX = 60
#: A long unit word ("enterprise services (repeat services counted)") wraps within this.
_UNIT_MAX = 22


def plain(text: str, style: str = "") -> Text:
    """Pack text as an inert Rich ``Text``."""
    return Text(clean(text), style=style)


def section_tree(pack: Pack, lang: Lang) -> Tree:
    tree = Tree(plain(one_line(pack.title.get(lang)), "bold"))

    def add(branch: Tree, node: Node) -> None:
        label = Text.assemble(plain(one_line(node.title.get(lang))), ("  " + node.id, "dim"))
        child = branch.add(label)
        for sub in node.children:
            add(child, sub)

    for section in pack.sections:
        add(tree, section)
    return tree


def figures_table(pack: Pack, figures: list[Figure], lang: Lang, with_ids: bool = True,
                  cite: Citations | None = None, width: int | None = None,
                  whole: bool = False) -> RenderableType:
    """Figures with whole labels (wrapped by the project's breaker, never cut), the number
    right-aligned in its own column and its unit word left-aligned beside it.

    Ids stay whole on one line (they are for copying). Where ``width`` (the console's by
    default) has no room for a column of them beside the rest, each figure becomes a block
    with its id on a line of its own instead. ``whole`` (a pipe): one line per figure, no
    cell wrapped, the table as wide as its rows.
    """
    longest = max((len(f.id) for f in figures), default=2)
    if not whole and with_ids and longest + _ROOM_BESIDE_IDS > (width or console.width):
        return _figure_blocks(pack, figures, lang, cite)
    words = HEADINGS[lang]
    table = Table(box=box.SIMPLE_HEAD, expand=False, header_style="bold")
    if with_ids:
        table.add_column(words["id"], style="dim", no_wrap=True, min_width=longest)
    table.add_column(words["figure"], min_width=12, no_wrap=whole,
                     **({} if whole else {"max_width": _LABEL_MAX, "ratio": 1}))
    table.add_column(words["value"], justify="right", no_wrap=True)
    table.add_column(words["unit"], no_wrap=whole or lang == "zh",
                     **({} if whole else {"max_width": _UNIT_MAX}))
    table.add_column(words["period"], no_wrap=True)
    if cite is not None:
        table.add_column("", style="dim", no_wrap=True)
    for fig in figures:
        number, unit = value_parts(pack, fig, lang)
        row = [Wrapped(plain(one_line(fig.label.get(lang)))), plain(number, "bold"),
               Wrapped(plain(unit)),
               Text(f"{period_label(fig, lang)} {kind_label(fig.kind, lang)}")]
        if with_ids:
            row.insert(0, Text(fig.id))
        if cite is not None:
            row.append(Text(f"[{cite.number(fig.source)}]"))
        table.add_row(*row)
    return table


def _figure_blocks(pack: Pack, figures: list[Figure], lang: Lang,
                   cite: Citations | None) -> RenderableType:
    """Narrow consoles: per figure, its id whole on one line, then label, value and period."""
    parts: list[RenderableType] = []
    for fig in figures:
        parts.append(Text(fig.id, style="dim", no_wrap=True))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=1)
        grid.add_column(ratio=1)
        grid.add_row("", Wrapped(plain(one_line(fig.label.get(lang)))))
        line = Text.assemble((value_phrase(pack, fig, lang), "bold"),
                             f"  {period_label(fig, lang)} {kind_label(fig.kind, lang)}")
        glue: tuple[int, ...] = ()
        if cite is not None:  # the citation stays on the line of what it cites
            line, at = keep_with_previous(line, f"[{cite.number(fig.source)}]", "dim")
            glue = (at,)
        grid.add_row("", Wrapped(line, glue))
        parts.append(grid)
    return Group(*parts)


def node_view(pack: Pack, node: Node, lang: Lang) -> RenderableType:
    """A section or item: breadcrumbs, text, sub-items, figures table and cited sources."""
    words = HEADINGS[lang]
    parts: list[RenderableType] = []
    crumbs = []
    parent = pack.parent(node)
    while parent is not None:
        crumbs.insert(0, one_line(parent.title.get(lang)))
        parent = pack.parent(parent)
    if crumbs:
        parts.append(Wrapped(plain(" › ".join(crumbs), "dim")))
    parts.append(Wrapped(plain(one_line(node.title.get(lang)), "bold underline")))
    parts.append(Text())
    cite = Citations()

    for sub in node.walk():
        if sub is not node:
            indent = "  " * (sub.depth - node.depth - 1)
            parts.append(Wrapped(plain(indent + one_line(sub.title.get(lang)), "bold")))
        body, glue = plain(sub.text.get(lang).strip()), ()
        if sub.sources:  # "[3]", "[4, 5, 6]": on the line of the sentence they cite, whole
            marks = "[" + ", ".join(str(cite.number(s)) for s in sub.sources) + "]"
            body, at = keep_with_previous(body, marks, "dim")
            glue = (at, *(at + 1 + i for i, ch in enumerate(marks) if ch == " "))
        parts.append(Wrapped(body, glue))
        parts.append(Text())
    figures = list(node.all_figures())
    for fig in figures:
        cite.number(fig.source)
    if figures:
        parts.append(plain(words["figures"], "bold"))
        parts.append(figures_table(pack, figures, lang, with_ids=True, cite=cite))
    compared = {c.id: c for f in figures for c in pack.comparisons_for(f.id)}
    if compared:
        parts.append(Text())
        line = Text(words["compared"] + ": ", style="bold")
        line.append(", ".join(f"{c.id}" for c in compared.values()))
        parts.append(Wrapped(line))
    see_also = node.all_see_also()
    if see_also:
        from briefing.present.titles import title_of

        parts.append(Text())
        parts.append(plain(words["see_also"], "bold"))
        for ref in see_also:  # the id stays whole, on the line of its title
            line, at = keep_with_previous(plain(f"  {title_of(pack, ref, lang)}"), f"[{ref}]",
                                          "dim")
            parts.append(Wrapped(line, (at,)))
    if cite.sources:
        parts.append(Text())
        parts.append(plain(words["sources"], "bold"))
        parts += _sources(pack, cite, lang)
    return Group(*parts)


def _sources(pack: Pack, cite: Citations, lang: Lang) -> list[RenderableType]:
    """Each cited document once (title, publisher, date), then the quotes cited from it,
    numbered as the text cites them (with the page, for a PDF)."""
    lines: list[RenderableType] = []
    numbered = list(enumerate(cite.sources, start=1))
    for doc_id in cite.documents:
        doc = pack.document(doc_id)
        head = plain(f"{one_line(doc.title.get(lang))} ")
        head.append_text(plain(f"({one_line(doc.publisher.get(lang))}, {doc.date})"
                               if lang == "en" else
                               f"（{one_line(doc.publisher.get(lang))}，{doc.date}）", "dim"))
        lines.append(Wrapped(head))
        for number, source in numbered:
            if source.doc != doc_id:
                continue
            line = Text(f"  [{number}] ", style="dim")
            line.append_text(plain(quoted(source.quote)))
            page = cite.page(doc, source.quote)
            if page is not None:
                line.append_text(plain(_page_suffix(page, lang), "dim"))
            lines.append(Wrapped(line))
    return lines


def figure_detail(pack: Pack, fig: Figure, lang: Lang) -> RenderableType:
    """One figure with every field and its verbatim source."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    doc = pack.document(fig.source.doc)
    rows = [
        ("label", one_line(fig.label.get(lang))),
        ("value", figure_value(pack, fig, lang)),
        ("display", fig.display),
        ("base value", f"{fig.value:,g} {fig.unit}"),
        ("period", period_label(fig, lang)),
        ("kind", kind_label(fig.kind, lang)),
        ("qualifier", qualifier_label(fig, lang, pack) if fig.qualifier else ""),
        ("scope", scope_label(fig.scope, lang, pack)),
        ("in", f"{fig.node_id} ({fig.section_id})"),
        ("editor's note", one_line(fig.note.get(lang)) if fig.note else ""),
        ("quote", quoted(fig.source.quote)),
        ("source", one_line(doc.title.get(lang))
         + _page_suffix(doc.page_of_quote(fig.source.quote), lang)),
    ]
    for key, value in rows:
        if value:
            table.add_row(Text(key), Wrapped(plain(value)))
    return Group(plain(fig.id, "bold underline"), table)


def _page_suffix(page: int | None, lang: Lang) -> str:
    """", p. 3" after a document's title where it has pages (a PDF), else nothing."""
    return "" if page is None else ("，" if lang == "zh" else ", ") + page_label(page, lang)


def comparison_view(pack: Pack, view: ComparisonView, lang: Lang,
                    width: int = 24, whole: bool = False) -> FitOrStack:
    """A comparison as a table: whole labels, numbers right-aligned in their own column with
    their unit beside them, the cells of the comparison's one table (the terminal's columns of
    it); one block per row where the terminal is too narrow for the columns whole. Under it,
    each marked row's note, the legend of the marks, then the comparison's note."""
    model = for_output(comparison_table(pack, view, lang), "terminal")
    table = FitOrStack(Table(title=Wrapped(plain(model.title, "bold")), header_style="bold",
                             box=box.SIMPLE_HEAD))
    for column in model.columns:  # whole (a pipe): every cell on one line
        flexible = not whole and (column.role == "label" or column.key == "relation")
        table.add_column(column.header, justify=column.align,
                         no_wrap=whole or not column.wrap,
                         **({"ratio": 1} if flexible else {}),
                         **({"min_width": 10} if column.role == "label" else {}),
                         **({"max_width": _UNIT_MAX} if column.role == "unit" and not whole
                            else {}))
    for row in model.rows:
        table.add_row(*(_cli_cell(column, row, index, width)
                        for index, column in enumerate(model.columns)))
    parts = [*(Wrapped(plain(n)) for n in model.notes),
             *(Wrapped(plain(line, "dim")) for line in model.legend)]
    if model.note:
        parts.append(Wrapped(plain(one_line(model.note))))
    table.table.caption = Group(*parts) if parts else None
    return table


def _cli_cell(column: TableColumn, row: TableRow, index: int, width: int) -> RenderableType:
    """One cell: a bar of ``width`` cells, a number whole (bold where the column says), words
    wrapped by the project's line breaker, a marked label with its " *"."""
    if column.role == "bar":
        return Text(bar(row.fraction, width), style="cyan")
    text = row.cells[index].text
    if column.role == "label":
        label = plain(text)
        if row.marker:
            label.append(f" {row.marker}", style="bold")
        return Wrapped(label)
    if column.role == "number" or not column.wrap:
        return plain(text, "bold" if column.emphasis else "")
    return Wrapped(plain(text))
