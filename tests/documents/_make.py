"""Documents the tests write themselves, in every format an analyst receives: a PDF laid out
like a printed government report (running header, page numbers, wrapped lines, indented
paragraphs), a page saved from a government website with all its chrome, a Word file with a
table, and plain text in the encodings Chinese offices use."""

from __future__ import annotations

import html
from pathlib import Path

from _corpus import PARAGRAPHS

CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
RUNNING_HEADER = "临江市人民政府公报"


def write_pdf(path: Path, paragraphs: tuple[str, ...] = PARAGRAPHS, *,
              header: str = RUNNING_HEADER, repeat: int = 1, size: float = 16,
              typed_indent: bool = False) -> Path:
    """A multi-page A4 PDF with an embedded Noto CJK font, laid out as GB/T 9704 lays out a
    government document (by default a 16-point body, about 28 characters a line): a running
    header and a "— N —" page number on every page, paragraphs indented by two characters
    and wrapped at the margin (mid-sentence, mid-phrase, even mid-number). ``typed_indent``
    indents with two ideographic spaces in the text, as a word processor's export does,
    instead of by position."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("cjk", size=9)
            self.cell(0, 6, header, align="C")
            self.ln(14)

        def footer(self) -> None:
            self.set_y(-16)
            self.set_font("cjk", size=10)
            self.cell(0, 6, f"— {self.page_no()} —", align="C")

    pdf = Report(format="A4")
    pdf.add_font("cjk", "", str(CJK_FONT), collection_font_number=2)  # Noto Sans CJK SC
    pdf.set_auto_page_break(True, margin=24)
    pdf.set_margins(28, 20, 28)
    pdf.add_page()
    for _ in range(repeat):
        for n, para in enumerate(paragraphs):
            if n == 0:  # the title: centred, larger
                pdf.set_font("cjk", size=18)
                pdf.multi_cell(0, 12, para, align="C", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(4)
                continue
            pdf.set_font("cjk", size=size)
            if typed_indent:
                para = "\u3000\u3000" + para
            else:  # a two-character first-line indent
                pdf.set_x(pdf.l_margin + 2 * size * 25.4 / 72)
            pdf.write(size * 11 / 16, para)
            pdf.ln(size * 11 / 16)
    pdf.output(str(path))
    return path


def government_page(paragraphs: tuple[str, ...] = PARAGRAPHS, charset: str = "utf-8") -> str:
    """A page as saved from a municipal government portal: navigation, breadcrumbs, the
    【字号：大 中 小】 bar, share buttons, related links, a footer with a record number, a
    script and a style sheet, around the article's paragraphs."""
    body = "\n".join(f'<p style="text-indent:2em;"><span style="font-size:16px;">'
                     f"{html.escape(p)}</span></p>" for p in paragraphs[1:])
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{paragraphs[0]}_临江市人民政府</title>
<style>body {{ font-size: 14px; margin: 0 8px; }} .nav li {{ float: left; width: 120px; }}</style>
<script>var _hmt = _hmt || []; var port = 8080; var siteId = 32050012;</script>
<script src="http://www.linjiang.gov.cn:8080/js/jquery-1.12.4.min.js"></script>
</head>
<body>
<div class="top">
  <a href="http://www.linjiang.gov.cn/">临江市人民政府</a> | <a href="#">无障碍</a> |
  <a href="#">长者模式</a> | <a href="#">English</a>
  <form action="/search/2024/s.jsp"><input name="q"><button>搜索</button></form>
</div>
<div class="nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li>
  <li><a href="/zjlj/">走进临江</a></li>
</ul></div>
<div class="bread">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
  <a href="/zwgk/gzbg/">政府工作报告</a></div>
<div class="article">
  <h1>{html.escape(paragraphs[0])}</h1>
  <div class="info">发布时间：2026-01-20 09:30 来源：市政府办公室 浏览次数：1024
    【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】
    【<a href="javascript:window.print()">打印</a>】【<a href="#">下载</a>】【全屏】【关闭】</div>
  <div class="content" id="zoom">
{body}
  </div>
  <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
  <div class="related"><h3>相关报道</h3><ul>
    <li><a href="/a/2025/1101.html">临江市2024年政府工作报告</a> 2025-01-18</li>
    <li><a href="/a/2025/1102.html">图解：2025年政府工作报告</a> 2025-01-19</li>
  </ul></div>
</div>
<div class="footer">
  <p>主办单位：临江市人民政府办公室 承办：临江市大数据管理局</p>
  <p>网站标识码：3205000012 苏ICP备05012345号-1 苏公网安备 32050202000123号</p>
  <p>联系电话：0512-12345678 地址：临江市人民路100号 邮编：215000</p>
</div>
<script>document.getElementById("zoom").style.fontSize = "16px"; var pv = 98765;</script>
</body>
</html>
"""


def write_html(path: Path, encoding: str = "utf-8") -> Path:
    path.write_bytes(government_page(charset=encoding).encode(encoding))
    return path


def write_docx(path: Path, paragraphs: tuple[str, ...] = PARAGRAPHS,
               table: tuple[tuple[str, ...], ...] = ()) -> Path:
    """A Word file: the title as a heading, the paragraphs, and ``table`` (rows of cells)
    after the paragraph that ends the review (before the 2026 targets)."""
    import docx

    document = docx.Document()
    document.add_heading(paragraphs[0], level=1)
    for para in paragraphs[1:]:
        if para.startswith("二、") and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = cell
        document.add_paragraph(para)
    document.save(str(path))
    return path


def write_text(path: Path, text: str, encoding: str, *, crlf: bool = False) -> Path:
    """``text`` in ``encoding`` (``utf-8-sig`` for a BOM; ``utf-16`` writes its BOM)."""
    if crlf:
        text = text.replace("\n", "\r\n")
    path.write_bytes(text.encode(encoding))
    return path
