"""The library as a table for people: one row per briefing (Rich; pack text stays inert)."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from briefing.cli.render import plain
from briefing.library import Library
from briefing.model import Lang
from briefing.present.translation import shown
from briefing.text.rich_wrap import Wrapped
from briefing.text.sanitize import one_line

HEADINGS = {
    "en": ("ID", "Briefing", "Date", "Docs", "Figures", "English", "Library", "bundled",
           "no briefing yet: add one with 'briefing library add PACK'"),
    "zh": ("ID", "简报", "日期", "文件", "数据", "英文", "文库", "内置",
           "尚无简报：用 'briefing library add PACK' 添加"),
}


def title_in(title, lang: Lang) -> str:
    """A title in ``lang``; where English is missing (or a TODO), the Chinese, marked."""
    return shown(title, lang)


def library_table(library: Library, lang: Lang) -> RenderableType:
    words = HEADINGS[lang]
    where = f"{words[6]}: {one_line(title_in(library.title, lang))}"
    if library.root is not None:
        where += f" ({library.root})"
    head = plain(where, "bold")
    if not library.entries:
        return Group(head, plain(words[8]))
    table = Table(box=box.SIMPLE_HEAD, header_style="bold")
    table.add_column(words[0], no_wrap=True)  # ids are for copying: whole
    table.add_column(words[1], ratio=1, max_width=60)
    table.add_column(words[2], no_wrap=True)
    table.add_column(words[3], justify="right", no_wrap=True)
    table.add_column(words[4], justify="right", no_wrap=True)
    table.add_column(words[5], justify="right", no_wrap=True)
    for entry in library.entries:
        title = one_line(title_in(entry.title, lang))
        if entry.bundled:
            title += f" ({words[7]})"
        if entry.problem:
            label = Text.assemble(plain(title), "\n", plain(entry.problem, "red"))
            table.add_row(Text(entry.id), Wrapped(label), "", "", "", "")
            continue
        figures = entry.summary.figures if entry.summary else 0
        table.add_row(Text(entry.id), Wrapped(plain(title)), Text(entry.date),
                      Text(str(len(entry.documents))), Text(str(figures)),
                      Text(f"{entry.translated:.0%}"))
    return Group(head, table)
