"""The served app in a real browser (Chromium through Playwright): it paints, takes keys,
searches by pinyin and delivers an export as a download; the page asks no outside host."""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import urlsplit

from webtools import TIMEOUT, cell_centre, open_app, png_colours, screen_text, wait_for


def focus_terminal(page) -> None:
    """Keys go to xterm's hidden textarea (a click would also reach the app as a mouse
    event)."""
    page.focus(".xterm-helper-textarea")


def test_page_loads_and_paints(page, served):
    hosts = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).netloc))
    open_app(page, served.url)

    def painted() -> bytes | None:
        shot = page.screenshot()
        return shot if png_colours(shot) >= 16 else None

    png = wait_for(painted, what="a painted (not blank) screenshot")
    assert png_colours(png) >= 16
    assert hosts and set(hosts) == {f"127.0.0.1:{served.port}"}, hosts  # works offline


def test_typing_opens_search_and_finds_by_pinyin(page, served):
    open_app(page, served.url)
    focus_terminal(page)
    before = len(screen_text(page))
    page.keyboard.press("/")
    wait_for(lambda: "Search sections" in screen_text(page)[before:], what="the search box")
    page.keyboard.type("yuanshi", delay=50)
    wait_for(lambda: "院士" in screen_text(page)[before:], what="院士 among the results")


def test_export_is_a_download_of_the_sections_markdown(page, served, tmp_path):
    open_app(page, served.url)
    focus_terminal(page)
    page.keyboard.press("e")
    wait_for(lambda: "Export (Markdown, HTML or Word)" in screen_text(page)
             and "your browser downloads it" in screen_text(page),  # a name, not a server path
             what="the export dialog")
    with page.expect_download(timeout=TIMEOUT * 1000) as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "achievements.en.md"
    target = tmp_path / "download.md"
    download.save_as(target)
    env = dict(os.environ, BRIEFING_STATE_DIR=str(tmp_path / "state"),
               BRIEFING_CACHE_DIR=str(tmp_path / "cache"))
    cli = subprocess.run([sys.executable, "-m", "briefing", "export", "achievements"],
                         capture_output=True, text=True, env=env, check=True, timeout=TIMEOUT)
    assert target.read_text(encoding="utf-8") == cli.stdout
    assert not (served.log.parent / "achievements.en.md").exists()  # nothing on the server


def test_copy_reaches_the_browsers_clipboard(page, served):
    from briefing.export import brief
    from briefing.pack import bundled_pack_dir, load_pack

    pack = load_pack(bundled_pack_dir())
    figure_id = next(pack.figures()).id
    expected = brief.figure_line(pack, pack.figure(figure_id), "en")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_app(page, served.url)
    focus_terminal(page)
    before = len(screen_text(page))
    page.keyboard.press("g")
    wait_for(lambda: "Type a section" in screen_text(page)[before:], what="the go-to box")
    page.keyboard.type(figure_id, delay=30)
    page.keyboard.press("Enter")
    wait_for(lambda: "Copy" in screen_text(page)[before:] and
             pack.figure(figure_id).label.en[:12] in screen_text(page)[before:],
             what="the figure's screen")
    page.keyboard.press("y")  # OSC 52 from the app; xterm.js hands it to the browser
    wait_for(lambda: page.evaluate("navigator.clipboard.readText()") == expected,
             what="the figure's line on the clipboard")


def test_a_mouse_click_opens_a_section(page, served):
    open_app(page, served.url)
    before = len(screen_text(page))
    # Row 10 of the tree is "Weaknesses" (row 0 is the title bar, rows 1-9 Achievements).
    page.mouse.click(*cell_centre(page, 6, 10))
    wait_for(lambda: "[weaknesses]" in screen_text(page)[before:], what="the Weaknesses section")


def test_the_bilingual_view_draws_the_english_beside_the_chinese(page, served):
    """In the browser (issue 28), ``b`` drew each Chinese paragraph and blank lines where its
    English should stand."""
    open_app(page, served.url)
    focus_terminal(page)
    # the server's tabs share one state: open the section this test reads, whatever was resumed
    before = len(screen_text(page))
    page.keyboard.press("g")  # keys typed before the box is up would act on the main screen
    wait_for(lambda: "Type a section" in screen_text(page)[before:], what="the go-to box")
    page.keyboard.type("achievements", delay=30)
    page.keyboard.press("Enter")
    wait_for(lambda: "[achievements]" in screen_text(page)[before:], what="the section opened")
    before = len(screen_text(page))
    page.keyboard.press("b")
    wait_for(lambda: "2024年" in screen_text(page)[before:], what="the Chinese half")
    wait_for(lambda: "under the leadership" in screen_text(page)[before:],
             what="the English half beside it")


def test_keys_work_on_load_without_a_click(page, served):
    """The terminal has the focus once the page is up: no click, no focus call by the test."""
    open_app(page, served.url)
    wait_for(lambda: page.evaluate("document.activeElement.className")
             == "xterm-helper-textarea", what="the terminal focused on load")
    before = len(screen_text(page))
    page.keyboard.press("/")
    wait_for(lambda: "Search sections" in screen_text(page)[before:], what="the search box")


def test_the_tab_has_an_icon(page, served):
    open_app(page, served.url)
    href = page.evaluate("document.querySelector('link[rel=icon]').href")
    for url in (href, f"{served.base}/favicon.ico"):  # linked, and where browsers look
        response = page.request.get(url)
        assert response.status == 200, url
        assert response.headers["content-type"] == "image/svg+xml"
        assert response.body().lstrip().startswith(b"<svg")
