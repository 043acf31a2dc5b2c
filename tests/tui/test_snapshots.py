"""Snapshots of the main screens in both languages (update with --snapshot-update)."""

from __future__ import annotations

import pytest

from briefing.tui import BriefingApp

SIZE = (110, 32)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_main_screen(snap_compare, fixture_pack, lang):
    assert snap_compare(BriefingApp(fixture_pack, lang=lang), terminal_size=SIZE)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_comparisons_progress(snap_compare, fixture_pack, lang):
    app = BriefingApp(fixture_pack, lang=lang, start_id="cmp-hnte-progress")
    assert snap_compare(app, terminal_size=SIZE)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_comparisons_timeline(snap_compare, fixture_pack, lang):
    app = BriefingApp(fixture_pack, lang=lang, start_id="cmp-rd-unit-timeline")
    assert snap_compare(app, terminal_size=SIZE)


def test_source_view(snap_compare, fixture_pack):
    app = BriefingApp(fixture_pack, start_id="rd-unit-rate-target-2025")
    assert snap_compare(app, press=["s"], terminal_size=SIZE)


def test_find_in_pane(snap_compare, fixture_pack):
    app = BriefingApp(fixture_pack, lang="zh")
    assert snap_compare(app, press=["ctrl+f", *"企业", "enter"], terminal_size=SIZE)


def test_small_terminal(snap_compare, fixture_pack):
    assert snap_compare(BriefingApp(fixture_pack, lang="zh"), terminal_size=(60, 15))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figure_table_at_80_columns(snap_compare, fixture_pack, lang):
    """Whole labels wrapped in their column; value, period and kind readable; one scrollbar."""
    app = BriefingApp(fixture_pack, lang=lang, start_id="hntes-2024")
    assert snap_compare(app, terminal_size=(80, 24))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figure_details(snap_compare, fixture_pack, lang):
    app = BriefingApp(fixture_pack, lang=lang, start_id="hntes-2024")
    assert snap_compare(app, press=["i"], terminal_size=(80, 24))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_footer_at_80_columns(snap_compare, fixture_pack, lang):
    """Quit, Help and the language key stay; lower-priority keys go; nothing overlaps."""
    assert snap_compare(BriefingApp(fixture_pack, lang=lang), terminal_size=(80, 24))
