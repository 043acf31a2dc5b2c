"""A page saved from a government website gives the document it shows: every body paragraph
verbatim, the title, and nothing of the site (navigation, 【字号】 bar, share buttons,
related links, footer, scripts, styles) nor any of the site's numbers."""

from __future__ import annotations

import pytest
from _corpus import CLEAN, PARAGRAPHS, TITLE
from _make import government_page, write_html

from briefing.documents import DocumentError, read_document

CHROME_WORDS = ("字号", "打印", "下载", "全屏", "关闭", "分享到", "微信", "相关报道", "当前位置",
                "首页", "政务公开", "ICP", "网站标识码", "主办单位", "浏览次数", "发布时间",
                "无障碍", "搜索", "扫一扫", "charset", "jquery", "_hmt", "font-size")
CHROME_NUMBERS = ("8080", "32050012", "98765", "3205000012", "05012345", "1024", "0512",
                  "12345678", "215000", "2026-01-20", "09:30", "1101", "16px", "120px")


def assert_document_only(text: str) -> None:
    for word in CHROME_WORDS + CHROME_NUMBERS:
        assert word not in text, word


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk"])
def test_government_page_gives_the_document(tmp_path, encoding):
    document = read_document(write_html(tmp_path / "page.html", encoding))
    assert document.text == CLEAN
    assert document.format == "html" and document.encoding in ("utf-8", "gb18030")
    assert_document_only(document.text)


def test_page_without_charset_declaration_is_detected(tmp_path):
    page = government_page().replace("; charset=utf-8", "")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gb18030"))
    assert read_document(path).text == CLEAN


def test_page_saved_as_txt_is_read_as_a_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(government_page().encode("utf-8"))
    document = read_document(path)
    assert document.format == "html" and document.text == CLEAN


def test_page_laid_out_with_tables(tmp_path):
    """Older government sites lay the whole page out in table cells."""
    paragraphs = "".join(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{p}</p>" for p in PARAGRAPHS[1:])
    page = f"""<html><head><meta charset="gb2312"><title>{TITLE}</title></head><body>
<table width="1000"><tr><td class="nav"><a href="/">首页</a> <a href="/a">政务公开</a>
<a href="/b">政务服务</a></td></tr>
<tr><td>您当前的位置：<a href="/">首页</a> &gt; <a href="/a">政务公开</a></td></tr>
<tr><td class="title">{TITLE}</td></tr>
<tr><td>发布日期：2026-01-20　　【字号：大 中 小】【打印本页】【关闭窗口】</td></tr>
<tr><td class="bt_content" id="zoom">{paragraphs}</td></tr>
<tr><td>扫一扫在手机打开当前页</td></tr>
<tr><td>版权所有：临江市人民政府 网站标识码3205000012 苏ICP备05012345号</td></tr>
</table></body></html>"""
    path = tmp_path / "old.html"
    path.write_bytes(page.encode("gb18030"))
    document = read_document(path)
    assert document.text == CLEAN
    assert_document_only(document.text)


def test_chrome_inside_the_article_is_dropped(tmp_path):
    page = government_page().replace(
        '<div class="content" id="zoom">',
        '<div class="content" id="zoom"><div>【字号：<a href="#">大</a> <a href="#">中</a> '
        '<a href="#">小</a>】【打印】【关闭】</div>').replace(
        "</span></p>\n  </div>",
        "</span></p>\n<p>分享到：微信 微博</p><p>【打印本页】</p>\n  </div>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    assert document.text == CLEAN
    assert_document_only(document.text)


def test_line_breaks_and_source_wrapping(tmp_path):
    """<br> ends a paragraph; a line break in the HTML source between Chinese characters is
    not a space; markup inside a sentence is not text; entities are text."""
    page = (f"<html><body><h1>{TITLE}</h1><div id='zoom'>"
            "　　全市地区生产总值达到1.23万亿元，\n同比增长<b>5.6%</b>，"
            "规模以上工业增加值增长7.1%。"
            "<br/>&nbsp;&nbsp;AI&amp;机器人 产业产值增长12.3%，高于全市平均水平，带动作用明显。"
            "<br>　　数字经济核心产业增加值增长&lt;script&gt;12.3%，占比提高。</div></body></html>")
    path = tmp_path / "br.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).text == (
        f"{TITLE}\n全市地区生产总值达到1.23万亿元，同比增长5.6%，规模以上工业增加值增长7.1%。\n"
        "AI&机器人 产业产值增长12.3%，高于全市平均水平，带动作用明显。\n"
        "数字经济核心产业增加值增长<script>12.3%，占比提高。\n")


def test_data_table_rows_are_lines(tmp_path):
    table = ("<table><tr><th>指标</th><th>2025年</th><th>增长（%）</th></tr>"
             "<tr><td><p>地区生产总值（亿元）</p></td><td>12300</td><td>5.6</td></tr></table>")
    page = government_page().replace("<p style", table + "<p style", 1)
    path = tmp_path / "table.html"
    path.write_text(page, encoding="utf-8")
    lines = read_document(path).text.splitlines()
    assert lines[1:3] == ["指标\t2025年\t增长（%）", "地区生产总值（亿元）\t12300\t5.6"]


def test_page_with_no_article_is_refused(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text('<html><body><div class="nav"><a href="/">首页</a> <a href="/x">政务公开</a>'
                    "</div><div class='footer'>版权所有 临江市人民政府</div></body></html>",
                    encoding="utf-8")
    with pytest.raises(DocumentError, match="no article text"):
        read_document(path)


@pytest.mark.parametrize(("depth", "readable"), [(1500, True), (5000, False)])
def test_deeply_nested_page(tmp_path, depth, readable):
    """Real pages nest a few dozen levels; the parser reads 2048 (lxml's huge_tree) and a
    page nested deeper is refused rather than read without its innermost text."""
    sentence = "全市地区生产总值达到1.23万亿元，同比增长5.6%，规模以上工业增加值增长7.1%。"
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * depth + sentence + "</div>" * depth
                    + "</body></html>", encoding="utf-8")
    if readable:
        assert read_document(path).text == sentence + "\n"
    else:
        with pytest.raises(DocumentError, match="nested too deeply"):
            read_document(path)


def test_a_page_that_is_one_table_of_figures(tmp_path):
    """A statistics release is often a heading and a table: the table is the document."""
    rows = [("指标", "1-12月", "同比增长（%）"), ("地区生产总值（亿元）", "12300", "5.6"),
            ("规模以上工业增加值（亿元）", "4520.3", "7.1"),
            ("一般公共预算收入（亿元）", "1001.5", "2.1")]
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    path = tmp_path / "stats.html"
    path.write_text('<html><body><div class="nav"><a href="/">首页</a> <a href="/s">数据发布</a>'
                    '</div><h1>临江市2025年主要经济指标</h1><div class="info">发布时间：2026-01-20'
                    f"</div><table>{table}</table><div class='footer'>版权所有 临江市统计局"
                    "</div></body></html>", encoding="utf-8")
    assert read_document(path).text == "临江市2025年主要经济指标\n" + "".join(
        "\t".join(row) + "\n" for row in rows)
