"""The footer: keeps Quit, Help and the language key at any width; lays out once per change."""

from __future__ import annotations

from itertools import pairwise

import pytest
from _pilot import wait_until

from briefing.tui import BriefingApp


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (60, 15)])
def test_footer_fits_and_keeps_quit_help_and_language(fixture_pack, drive, lang, size):
    from textual.widgets._footer import FooterKey

    async def scenario(pilot):
        app = pilot.app
        await wait_until(pilot, lambda: app.screen.query(FooterKey))
        keys = list(app.screen.query(FooterKey))
        words = {key.description for key in keys}
        expected = {"en": {"Quit", "Help", "中文/EN"}, "zh": {"退出", "帮助", "English"}}[lang]
        assert expected <= words
        right = max(key.region.right for key in keys)
        assert right <= size[0]
        regions = sorted((key.region for key in keys), key=lambda r: r.x)
        assert all(a.right <= b.x for a, b in pairwise(regions))  # nothing runs under another
        palette = [key for key in keys if key.has_class("-command-palette")]
        if palette:
            assert palette[0].description == ("palette" if lang == "en" else "命令")

    drive(BriefingApp(fixture_pack, lang=lang), scenario, size=size)


def test_footer_builds_its_keys_once_at_start_and_again_only_when_they_change(
        fixture_pack, drive, monkeypatch):
    """Start-up sends dozens of bindings signals; Textual's footer rebuilds on each. Ours
    builds once, and rebuilds when what it shows changes (the language)."""
    from textual.widgets._footer import FooterKey

    from briefing.tui.widgets.footer import BriefingFooter

    builds = []
    compose = BriefingFooter.compose

    def counting_compose(self):
        builds.append(self)
        return compose(self)

    monkeypatch.setattr(BriefingFooter, "compose", counting_compose)

    def descriptions(app) -> set[str]:
        return {key.description for key in app.screen.query(FooterKey)}

    async def scenario(pilot):
        app = pilot.app
        await wait_until(pilot, lambda: "Quit" in descriptions(app))
        app.main.pane.focus()  # focus moves: bindings signals, same keys shown
        app.main.query_one("#tree").focus()
        await wait_until(pilot, lambda: app.focused is app.main.query_one("#tree"))
        await pilot.pause()
        assert len(builds) == 1
        await pilot.press("l")
        await wait_until(pilot, lambda: "退出" in descriptions(app))
        assert len(builds) == 2

    drive(BriefingApp(fixture_pack), scenario, size=(120, 35))
