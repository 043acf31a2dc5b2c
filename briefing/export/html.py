"""An export as one self-contained HTML page: real tables, bars, citations and sources.

Everything is in the file: the style sheet is inline, there is no script, no font, image or
link to anything outside the page (the only links are to the page's own notes and sources).
Pack text is escaped for HTML, so markup, entities and URLs in it stay text. Tables, bars and
cell alignment also carry inline styles, so a table copied from the browser into Word or an
e-mail keeps its borders, its right-aligned numbers and its bars.
"""

from __future__ import annotations

from html import escape

from briefing.model import Source

from .blocks import Bar, Cite, Column, Document, Heading, Inline, Paragraph, Run, Table, paragraphs
from .quoting import quoted

STYLE = """
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "PingFang SC",
  "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; line-height: 1.5; color: #1f2328;
  max-width: 66rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; }
h3, h4, h5, h6 { font-size: 1.1rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92em; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; vertical-align: top; }
th { background: #f6f8fa; text-align: left; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.fixed { white-space: nowrap; }
td.src { font-size: 0.9em; color: #444c56; min-width: 11em; }
td.text { min-width: 6em; }
p.aside { color: #444c56; font-size: 0.95em; }
.cite { color: #444c56; }
ol.notes, ul.sources { padding-left: 1.5rem; }
"""
BAR_COLOUR = "#4a78b5"
BAR_EM = 5  # a full bar is this many em wide


def render_html(doc: Document, sources_level: int = 2) -> str:
    notes = {source: number for number, source in enumerate(doc.footnotes(), start=1)}
    title = next((b.text for b in doc.blocks if isinstance(b, Heading)), "")
    lang = "zh-Hans" if doc.first == "zh" else "en"
    body: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            body.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            css = ' class="aside"' if block.aside else ""
            body += [f"<p{css}>{_paragraph(doc, line, notes)}</p>"
                     for line in paragraphs(block.parts)]
        elif isinstance(block, Table):
            body.append(_table(doc, block))
    level = min(max(sources_level, 1), 6)
    if doc.citations.documents:
        body.append(f"<h{level}>{escape(doc.words('sources'))}</h{level}>")
        body.append('<ul class="sources">' + "".join(
            f'<li id="source-{doc.citations.document_number(d)}"><strong>'
            f"S{doc.citations.document_number(d)}</strong> "
            + "<br>".join(escape(doc.source_entry(d, lg)) for lg in doc.langs) + "</li>"
            for d in doc.citations.documents) + "</ul>")
    if notes:
        body.append(f"<h{level}>{escape(doc.words('notes'))}</h{level}>")
        body.append('<ol class="notes">' + "".join(
            f'<li id="note-{n}">{escape(quoted(s.quote))} — {_where(doc, s)} '
            f'<a href="#ref-{n}" aria-label="back">↩</a></li>'
            for s, n in notes.items()) + "</ol>")
    return ("<!DOCTYPE html>\n"
            f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _where(doc: Document, source: Source) -> str:
    number = doc.citations.document_number(source.doc)
    where = escape(doc.where(source))
    return f'<a href="#source-{number}">{where}</a>'


def _run(part: Run) -> str:
    text = escape(part.text).replace("\n", "<br>")
    return f"<strong>{text}</strong>" if part.strong else text


def _paragraph(doc: Document, parts: tuple[Inline, ...],
               notes: dict[Source, int]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, Run):
            out += _run(part)
        elif isinstance(part, Cite) and doc.cite_style == "footnotes":
            out += "".join(f'<sup><a href="#note-{notes[s]}" id="ref-{notes[s]}">'
                           f"{notes[s]}</a></sup>" for s in part.sources)
        elif isinstance(part, Cite):
            text = escape(doc.cite_text(part))
            out += (f'<span class="cite">（{text}）</span>' if doc.first == "zh"
                    else f' <span class="cite">({text})</span>')
    return out


def _table(doc: Document, table: Table) -> str:
    def attributes(column: Column, cell: bool) -> str:
        if column.align == "right":
            return ' class="num" style="text-align:right;white-space:nowrap"'
        if not cell:
            return ""
        css = {"source": "src", "fixed": "fixed", "bar": "fixed"}.get(column.role, "text")
        nowrap = ' style="white-space:nowrap"' if css == "fixed" else ""
        return f' class="{css}"{nowrap}'

    head = "".join(f"<th{attributes(c, False)}>{escape(c.header)}</th>" for c in table.columns)
    rows = []
    for row in table.rows:
        cells = [f"<td{attributes(column, True)}>{_cell(doc, parts)}</td>"
                 for column, parts in zip(table.columns, row, strict=True)]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return ('<table style="border-collapse:collapse">\n<thead><tr>' + head
            + "</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")


def _cell(doc: Document, parts: tuple[Inline, ...]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Run) and part.text:
            out.append(_run(Run(part.text, part.strong and any(c.isdigit() for c in part.text))))
        elif isinstance(part, Cite):
            out.append(escape(doc.cite_text(part)))
        elif isinstance(part, Bar) and part.fraction is not None:
            width = round(min(max(part.fraction, 0.0), 1.0) * BAR_EM, 2)
            out.append('<span class="bar" aria-hidden="true" style="display:inline-block;'
                       f'height:0.8em;width:{max(width, 0.1)}em;background:{BAR_COLOUR}">'
                       "</span>")
    return " ".join(out)
