"""The brief the issue asks for, picked from any pack: six pins, an item, three of its figures,
a comparison and a figure from the other document (nothing here names the bundled pack)."""

from __future__ import annotations

from briefing.model import Pack


def six_pins(pack: Pack) -> list[str]:
    """[item, its figure x3, a comparison none of them is in, a figure of another document]."""
    item = next(n for n in pack.nodes()
                if not n.is_section and len(n.figures) >= 3 and not n.children
                and n.source is not None)
    doc = item.source.doc
    figures = [f.id for f in item.figures[:3]]
    comparison = next(c for c in pack.comparisons if not set(figures) & set(c.figure_ids()))
    other = next(f for f in pack.figures()
                 if f.source.doc != doc and f.id not in set(comparison.figure_ids()))
    return [item.id, *figures, comparison.id, other.id]


def docx_text(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    """A Word file read back: its paragraphs' text, and each table as rows of cell texts."""
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows]
              for table in document.tables]
    return paragraphs, tables
