"""The section tree can be narrowed (<), widened (>), dragged by its edge or hidden (t); the
width is remembered per pack and fitted to the screen; labels are cut only with "…"."""

from __future__ import annotations

import pytest
from _pilot import saved, wait_until
from _screen_text import cells, screen_lines
from rich.cells import cell_len

from briefing.tui import BriefingApp
from briefing.tui.screens.tree_size import NARROWEST, STEP, fitted
from briefing.tui.widgets.section_tree import SectionTree
from briefing.userstate import PackState


def tree_of(app) -> SectionTree:
    return app.main.query_one(SectionTree)


def test_keys_narrow_and_widen_the_tree_and_the_width_is_remembered(fixture_pack, drive,
                                                                       store):
    widths = {}

    async def scenario(pilot):
        tree = tree_of(pilot.app)
        start = tree.outer_size.width
        await pilot.press("less_than_sign")
        await wait_until(pilot, lambda: tree.outer_size.width == start - STEP, "narrower")
        await pilot.press("greater_than_sign", "greater_than_sign")
        await wait_until(pilot, lambda: tree.outer_size.width == start + STEP, "wider")
        widths["set"] = tree.outer_size.width
        assert saved(store).tree_width == widths["set"]

    drive(BriefingApp(fixture_pack, store=store), scenario, size=(120, 30))

    async def resumed(pilot):
        tree = tree_of(pilot.app)
        await wait_until(pilot, lambda: tree.outer_size.width == widths["set"], "resumed")

    drive(BriefingApp(fixture_pack, store=store), resumed, size=(120, 30))


def test_a_small_screen_fits_the_chosen_width_without_forgetting_it(fixture_pack, drive,
                                                                    store):
    store.put("fixture", PackState(tree_width=70))

    async def scenario(pilot):
        tree = tree_of(pilot.app)
        await wait_until(pilot, lambda: tree.outer_size.width == fitted(70, 60), "fitted")
        assert pilot.app.main.pane.outer_size.width >= 60 // 3  # the pane keeps room
        await pilot.resize_terminal(140, 40)
        await wait_until(pilot, lambda: tree.outer_size.width == 70, "the chosen width back")
        assert saved(store).tree_width == 70

    drive(BriefingApp(fixture_pack, store=store), scenario, size=(60, 15))


def test_narrowing_stops_at_the_narrowest_and_widen_brings_a_hidden_tree_back(fixture_pack,
                                                                             drive, store):
    async def scenario(pilot):
        tree = tree_of(pilot.app)
        for _ in range(12):
            await pilot.press("less_than_sign")
        await wait_until(pilot, lambda: tree.outer_size.width == NARROWEST, "narrowest")
        await pilot.press("t")
        await wait_until(pilot, lambda: not tree.display, "hidden")
        assert saved(store).tree_hidden
        await pilot.press("greater_than_sign")
        await wait_until(pilot, lambda: tree.display and tree.outer_size.width == NARROWEST,
                         "shown again at its width")
        assert not saved(store).tree_hidden

    drive(BriefingApp(fixture_pack, store=store), scenario, size=(80, 24))


def test_dragging_the_edge_sets_the_width(fixture_pack, drive, store):
    async def scenario(pilot):
        tree = tree_of(pilot.app)
        edge = tree.outer_size.width - 1
        assert await pilot.mouse_down(tree, offset=(edge, 5))
        await pilot.hover(tree, offset=(edge + 10, 5))
        await wait_until(pilot, lambda: tree.outer_size.width == edge + 11, "following")
        assert saved(store).tree_width is None  # not remembered before the button is let go
        await pilot.mouse_up(tree, offset=(edge + 10, 5))
        await wait_until(pilot, lambda: saved(store).tree_width == edge + 11, "remembered")

    drive(BriefingApp(fixture_pack, store=store), scenario, size=(120, 30))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(60, 15), (80, 24), (140, 42), (200, 50)])
def test_tree_labels_are_whole_or_end_in_an_ellipsis(fixture_pack, drive, lang, size):
    async def scenario(pilot):
        app = pilot.app
        tree = tree_of(app)
        await wait_until(pilot, lambda: tree.last_line > 0, "the tree")
        room = tree.scrollable_content_region  # less the border and the scrollbar's gutter
        labels = {}
        for line in range(tree.last_line + 1):
            node = tree.get_node_at_line(line)
            if node is not None:
                labels[line] = node.label.plain
        rows = screen_lines(app)
        top = tree.region.y
        shown = 0
        for y in range(tree.region.height):
            line = tree.scroll_offset.y + y
            if line not in labels:
                continue
            drawn = cells(rows[top + y], room.x, room.right).rstrip()
            label = labels[line]
            text = drawn.lstrip("├└│ ▼▶").strip()
            assert label.startswith(text.rstrip("…").rstrip()), (drawn, label)
            assert text == label or text.endswith("…"), (drawn, label)
            if text != label:  # cut: as much as fits, no wide character's half as a space
                kept = text[:-1]
                assert label.startswith(kept) and not kept.endswith(" "), (drawn, label)
                assert cell_len(text) >= room.width - tree.guide_depth * 3 - 1, (drawn, label)
            shown += 1
        assert shown >= min(5, size[1] - 4)

    drive(BriefingApp(fixture_pack, lang=lang), scenario, size=size)
