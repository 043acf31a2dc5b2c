"""Rich renderables for the CLI. Pack text always enters as ``Text`` (never as markup)."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from briefing.citations import Citations
from briefing.cli.state import console
from briefing.comparisons import ComparisonView, bar, relative_text, row_value_text
from briefing.formatting import figure_value, kind_label, qualifier_label, scope_label
from briefing.model import Figure, Lang, Node, Pack
from briefing.textsafe import clean, one_line

HEADINGS = {
    "en": {"figure": "Figure", "value": "Value", "period": "Period / kind", "kind": "Kind",
           "hedge": "Hedge", "sources": "Sources", "id": "ID", "section": "Section",
           "base": "Base value", "unit": "Unit", "title": "Title", "compared": "Compared in",
           "bar": "", "progress": "Reached", "figures": "Figures",
           "target": "2025 target"},
    "zh": {"figure": "指标", "value": "数值", "period": "时期/类型", "kind": "类型",
           "hedge": "限定",
           "sources": "来源", "id": "ID", "section": "章节", "base": "基础值", "unit": "单位",
           "title": "标题", "compared": "对比", "bar": "", "progress": "完成度", "figures": "数据",
           "target": "2025年目标"},
}


#: Columns the label, value and period need beside the id column to stay readable.
_ROOM_BESIDE_IDS = 56


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
                  cite: Citations | None = None) -> Table:
    words = HEADINGS[lang]
    table = Table(box=box.SIMPLE_HEAD, expand=False, header_style="bold")
    longest = max((len(f.id) for f in figures), default=2)
    # Ids stay whole (they are for copying). On a console too narrow for a column of them
    # beside the label, value and period (80 columns when stdout is not a terminal), each id
    # goes on its own line above its label instead of squeezing the other columns unreadable.
    ids_above = with_ids and longest + _ROOM_BESIDE_IDS > console.width
    if with_ids and not ids_above:
        table.add_column(words["id"], style="dim", no_wrap=True, min_width=longest)
    label_width = min(longest, max(12, console.width - 47)) if ids_above else 12
    table.add_column(words["figure"], min_width=label_width, overflow="fold")
    table.add_column(words["value"], justify="right", overflow="fold")
    table.add_column(words["period"])
    if cite is not None:
        table.add_column("", style="dim")
    for fig in figures:
        label = plain(one_line(fig.label.get(lang)))
        if ids_above:
            label = Text.assemble((fig.id, "dim"), "\n", label)
        row = [label, plain(figure_value(pack, fig, lang), "bold"),
               Text(f"{fig.period} {kind_label(fig.kind, lang)}")]
        if with_ids and not ids_above:
            row.insert(0, Text(fig.id))
        if cite is not None:
            row.append(Text(f"[{cite.number(fig.source)}]"))
        table.add_row(*row)
    return table


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
        parts.append(plain(" › ".join(crumbs), "dim"))
    parts.append(plain(one_line(node.title.get(lang)), "bold underline"))
    parts.append(Text())
    cite = Citations()

    for sub in node.walk():
        if sub is not node:
            indent = "  " * (sub.depth - node.depth - 1)
            parts.append(plain(indent + one_line(sub.title.get(lang)), "bold"))
        body = plain(sub.text.get(lang).strip())
        if sub.source:
            body.append(f" [{cite.number(sub.source)}]", style="dim")
        parts.append(body)
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
        parts.append(line)
    if cite.sources:
        parts.append(Text())
        parts.append(plain(words["sources"], "bold"))
        for number, source in enumerate(cite.sources, start=1):
            doc = pack.document(source.doc)
            line = Text(f"[{number}] ", style="dim")
            line.append_text(plain(f"“{one_line(source.quote)}”"))
            line.append_text(plain(f" — {one_line(doc.title.get(lang))}", "dim"))
            parts.append(line)
    return Group(*parts)


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
        ("period", fig.period),
        ("kind", kind_label(fig.kind, lang)),
        ("qualifier", qualifier_label(fig, lang, pack) if fig.qualifier else ""),
        ("scope", scope_label(fig.scope, lang, pack)),
        ("in", f"{fig.node_id} ({fig.section_id})"),
        ("note", one_line(fig.note.get(lang)) if fig.note else ""),
        ("quote", f"“{one_line(fig.source.quote)}”"),
        ("source", one_line(doc.title.get(lang))),
    ]
    for key, value in rows:
        if value:
            table.add_row(Text(key), plain(value))
    return Group(plain(fig.id, "bold underline"), table)


def comparison_view(pack: Pack, view: ComparisonView, lang: Lang, width: int = 30) -> Table:
    words = HEADINGS[lang]
    table = Table(title=plain(one_line(view.title.get(lang))), title_style="bold",
                  header_style="bold", caption=plain(one_line(view.note.get(lang)))
                  if view.note else None)
    table.add_column(words["figure"], overflow="fold")
    if view.kind == "ranking":
        table.add_column(words["value"], justify="right")
        table.add_column(words["period"])
        for row in view.rows:
            fig = row.figure
            assert fig is not None
            table.add_row(plain(one_line(row.label.get(lang))), Text(f"#{fig.value:g}",
                          style="bold"), Text(f"{scope_label(fig.scope, lang, pack)} {fig.period}"))
        return table
    if view.kind == "progress":
        width = min(width, 16)
    table.add_column(words["bar"], no_wrap=True)
    table.add_column(words["value"], justify="right", overflow="fold")
    if view.kind == "progress":
        table.add_column(words["target"], justify="right", overflow="fold")
        table.add_column(words["progress"], justify="right")
    if view.kind == "ratio":
        table.add_column("×", justify="right")
    for row in view.rows:
        cells = [plain(one_line(row.label.get(lang))),
                 Text(bar(row.fraction, width), style="cyan")]
        if view.kind == "progress" and row.figure and row.target:
            cells.append(plain(figure_value(pack, row.figure, lang)))
            cells.append(plain(figure_value(pack, row.target, lang)))
        else:
            cells.append(plain(row_value_text(pack, row, lang)))
        if view.kind == "progress":
            cells.append(Text("" if row.progress is None else f"{row.progress:.1f}%",
                              style="bold"))
        if view.kind == "ratio":
            cells.append(Text(relative_text(row, lang)))
        table.add_row(*cells)
    return table
