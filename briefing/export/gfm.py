"""An export as GitHub-flavoured Markdown: the blocks, the Sources list, the footnotes.

Pack text goes through :mod:`briefing.export.markdown`, so it stays text. Nothing a renderer
may lack sits where it would show raw: footnote references appear only after a paragraph
(a table cites its rows' quotes inline in its Source column, so cmark-gfm without its footnote
option shows a clean table and only the paragraph's ``[^1]``); with ``cite="inline"`` there are
no footnotes at all. Bars are left out: block characters look like a segmented strip in the
proportional font a brief is read in (the relation column carries the share).
"""

from __future__ import annotations

from briefing.model import Source

from .blocks import Bar, Cite, Document, Heading, Inline, Paragraph, Run, Table
from .markdown import cell, escape, heading, inline, table
from .quoting import quoted


def render_gfm(doc: Document, sources_level: int = 2, compact: bool = False) -> str:
    """The document as GFM; ``compact``: a fragment to paste (headings as bold lines, the
    Sources as one line)."""
    notes = {source: number for number, source in enumerate(doc.footnotes(), start=1)}
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines.append(_strong(inline(block.text)) if compact
                         else heading(block.level, inline(block.text)))
        elif isinstance(block, Paragraph):
            lines.append(_paragraph(doc, block.parts, notes))
        elif isinstance(block, Table):
            shown = [i for i, c in enumerate(block.columns) if c.role != "bar"]
            lines += table([block.columns[i].header and cell(block.columns[i].header)
                            for i in shown], [block.columns[i].align for i in shown],
                           [[_cell(doc, row[i]) for i in shown] for row in block.rows])
        lines.append("")
    if doc.citations.documents and compact:
        lines.append(_strong(inline(doc.words("sources"))) + ("：" if doc.first == "zh" else ": ")
                     + ("；" if doc.first == "zh" else "; ").join(
                         f"S{doc.citations.document_number(d)} "
                         + inline(doc.source_entry(d, doc.first))
                         for d in doc.citations.documents))
    elif doc.citations.documents:
        lines += [heading(sources_level, inline(doc.words("sources"))), ""]
        lines += [_source_entry(doc, doc_id) for doc_id in doc.citations.documents]
        lines.append("")
    for source, number in notes.items():
        lines.append(f"[^{number}]: {inline(quoted(source.quote))} — {inline(doc.where(source))}")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def _strong(text: str) -> str:
    """Bold that parses: the spaces around the text stay outside the asterisks."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core[0])
    return f"{text[:start]}**{core}**{text[start + len(core):]}"


def _paragraph(doc: Document, parts: tuple[Inline, ...],
               notes: dict[Source, int]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, Run):
            text = escape(part.text) if "\n" in part.text else inline(part.text)
            text = text if part.text[-1:] != " " else text + " "
            lead = " " if part.text[:1] == " " else ""
            out += lead + (_strong(text) if part.strong else text)
        elif isinstance(part, Cite):
            if doc.cite_style == "footnotes":
                out += " " + "".join(f"[^{notes[s]}]" for s in part.sources)
            else:
                out += _inline_cite(doc, part)
    return out


def _inline_cite(doc: Document, cite: Cite) -> str:
    """" (S1: “…”)" after a paragraph; "（S1：“…”）" in a Chinese or bilingual one."""
    text = inline(doc.cite_text(cite))
    return f"（{text}）" if doc.first == "zh" else f" ({text})"


def _cell(doc: Document, parts: tuple[Inline, ...]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Run) and part.text:  # bold a number, not a dash or a word
            strong = part.strong and any(ch.isdigit() for ch in part.text)
            out.append(_strong(cell(part.text)) if strong else cell(part.text))
        elif isinstance(part, Cite):
            out.append(cell(doc.cite_text(part)))
        elif isinstance(part, Bar):
            continue
    return " ".join(out)


def _source_entry(doc: Document, doc_id: str) -> str:
    """"- **S1** Title (Publisher, date)"; in both languages the English follows the
    Chinese on its own line."""
    number = doc.citations.document_number(doc_id)
    entries = [inline(doc.source_entry(doc_id, lang)) for lang in doc.langs]
    return f"- **S{number}** " + "\\\n  ".join(entries)
