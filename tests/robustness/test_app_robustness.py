"""The app at every terminal size, while resizing, and under a seeded monkey.

Sizes: 40x10, 60x15, 80x24, 200x60. At each, every screen and dialog opens and closes without
an exception, the main screen keeps its reading pane, and ``q`` still quits. The monkey test
sends thousands of random keys, clicks and resizes. It runs fixed seeds, so a failure in CI
is the same failure on every run; ``BRIEFING_MONKEY_SEED=N`` replays one seed (printed on
failure) and ``BRIEFING_MONKEY_SEED=random`` explores new ones (count:
$BRIEFING_MONKEY_EVENTS, time per seed: $BRIEFING_MONKEY_SECONDS).
"""

from __future__ import annotations

import asyncio
import os
import random
import time

import pytest

pytest.importorskip("textual")

from briefing.pack import bundled_pack_dir, load_pack
from briefing.tui import BriefingApp

SIZES = [(40, 10), (60, 15), (80, 24), (200, 60)]
#: key presses that open each screen and dialog from the main screen
OPENERS = ["question_mark", "g", "slash", "f", "s", "e", "ctrl+p", "ctrl+f", "t", "l"]


@pytest.fixture(scope="module")
def pack():
    return load_pack(bundled_pack_dir())


def _check(app) -> None:
    """Fail on an exception the app recorded, even if it has not surfaced yet."""
    error = getattr(app, "_exception", None)
    if error is not None:
        raise error


async def _close_everything(pilot) -> None:
    for _ in range(6):
        if len(pilot.app.screen_stack) <= 1 and not pilot.app.main.query("FindBar:focus-within"):
            break
        await pilot.press("escape")
    while len(pilot.app.screen_stack) > 1:
        pilot.app.pop_screen()
        await pilot.pause()


async def _quits_on_q(pilot) -> None:
    await _close_everything(pilot)
    pilot.app.main.focus()  # an Input would take "q" as text
    pilot.app.set_focus(None)
    await pilot.press("q")
    await pilot.pause()
    assert pilot.app.return_code is not None or not pilot.app.is_running, "q did not quit"


def _run(app, scenario, size) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot)
        _check(app)

    asyncio.run(main())


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_at_every_size(pack, size, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the export dialog writes relative paths
    app = BriefingApp(pack, lang="en", start_id=None)

    async def scenario(pilot):
        main = pilot.app.main
        assert main.pane.node_id == pack.sections[0].id
        assert main.pane.region.width > 0 and main.pane.region.height > 0
        for key in OPENERS:
            await pilot.press(key)
            await pilot.pause()
            _check(pilot.app)
            await _close_everything(pilot)
            _check(pilot.app)
        for item in ("weaknesses", "plan-talent", "targets-2025-progress"):
            pilot.app.open_id(item)
            await pilot.pause()
            _check(pilot.app)
        await _close_everything(pilot)
        await _quits_on_q(pilot)

    _run(app, scenario, size)


def test_resizing_on_every_screen(pack, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = BriefingApp(pack, lang="zh", start_id="weaknesses")
    order = [*SIZES, (41, 11), (199, 59), (40, 10), (120, 40)]

    async def scenario(pilot):
        for key in [None, *OPENERS]:
            if key:
                await pilot.press(key)
                await pilot.pause()
            for width, height in order:
                await pilot.resize_terminal(width, height)
                await pilot.pause()
                _check(pilot.app)
            await _close_everything(pilot)
        await _quits_on_q(pilot)

    _run(app, scenario, (80, 24))


KEYS = ["up", "down", "left", "right", "enter", "tab", "shift+tab", "escape", "pageup",
        "pagedown", "home", "end", "space", "backspace", "delete", "ctrl+p", "ctrl+f",
        "question_mark", "g", "f", "s", "e", "t", "l", "n", "N", "a", "slash",
        "left_square_bracket", "right_square_bracket", "alt+left", "alt+right",
        "x", "1", "z", "r", "w", "c", "minus", "ctrl+a", "ctrl+e", "ctrl+k", "ctrl+u"]
CHARS = {"space": " ", "question_mark": "?", "slash": "/", "left_square_bracket": "[",
         "right_square_bracket": "]", "minus": "-", "enter": "\r", "tab": "\t",
         "escape": "\x1b", "backspace": "\x7f"}
SIZES_MONKEY = [*SIZES, (50, 12), (100, 30), (150, 45)]


def _key_event(app, key: str):
    from textual import events

    char = CHARS.get(key, key if len(key) == 1 else None)
    event = events.Key(key, char)
    event.set_sender(app)
    return event


def _seed(default_seed: int) -> int:
    asked = os.environ.get("BRIEFING_MONKEY_SEED", "")
    return random.SystemRandom().randrange(10**9) if asked == "random" else int(
        asked or default_seed)


@pytest.mark.parametrize("default_seed", [205017974, 7, 1, 26])
def test_monkey(pack, tmp_path, monkeypatch, default_seed):
    """Random keys (sent in short bursts, as a fast typist would), clicks and resizes.

    Four seeds of about 12 seconds each (two of 25 before): more starting points, the
    suite's time about the same."""
    seed = _seed(default_seed)
    events = int(os.environ.get("BRIEFING_MONKEY_EVENTS") or 3000)
    budget = float(os.environ.get("BRIEFING_MONKEY_SECONDS") or 12)
    monkeypatch.chdir(tmp_path)
    rng = random.Random(seed)
    log: list[str] = []
    app = BriefingApp(pack, lang=rng.choice(["en", "zh"]), start_id=None)
    size = rng.choice(SIZES_MONKEY)

    def exit_requested(*args, **kwargs) -> None:  # e.g. "Quit" picked in the command palette
        log.append("(exit requested)")

    async def scenario(pilot):
        nonlocal size
        started = time.perf_counter()
        pilot.app.exit = exit_requested  # keep the monkey going; restored before "q"
        while len(log) < events and time.perf_counter() - started < budget:
            roll = rng.random()
            if roll < 0.85:
                for _ in range(rng.randint(1, 8)):
                    key = rng.choice(KEYS)
                    log.append(key)
                    pilot.app._driver.send_message(_key_event(pilot.app, key))
                await pilot.pause()
            elif roll < 0.97:
                x, y = rng.randrange(size[0]), rng.randrange(size[1])
                log.append(f"click {x},{y}")
                await pilot.click(offset=(x, y))
            else:
                size = rng.choice(SIZES_MONKEY)
                log.append(f"resize {size}")
                await pilot.resize_terminal(*size)
            _check(pilot.app)
            assert pilot.app.is_running, "the app stopped during the monkey run"
        await pilot.pause()
        _check(pilot.app)
        del pilot.app.exit
        await _quits_on_q(pilot)

    try:
        _run(app, scenario, size)
    except BaseException:
        print(f"\nmonkey failed: BRIEFING_MONKEY_SEED={seed} after {len(log)} events; "
              f"last: {log[-12:]}")
        raise
    print(f"\nmonkey: seed {seed}, {len(log)} events")


#: What reaches the find bar: stepping (Enter, n, N), history (Forward, Back), typing.
FIND_KEYS = ["enter"] * 6 + ["alt+right"] * 3 + ["alt+left"] * 3 + [
    "n", "N", "escape", "ctrl+f", "ctrl+f", "backspace", "e", "down", "tab", "end"]


@pytest.mark.parametrize("default_seed", [1, 2, 3])
def test_find_bar_monkey(pack, tmp_path, monkeypatch, default_seed):
    """The find bar under bursts of keys while the page changes under it (issue 26, item 8:
    Forward and Enter arriving together made a find step paint matches of the page being
    replaced, IndexError): history is built first, then keys fly with a query typed."""
    seed = _seed(default_seed)
    budget = float(os.environ.get("BRIEFING_MONKEY_SECONDS") or 3)
    monkeypatch.chdir(tmp_path)
    rng = random.Random(seed)
    log: list[str] = []
    app = BriefingApp(pack, lang=rng.choice(["en", "zh"]), start_id=None)

    async def scenario(pilot):
        for item in rng.sample([s.id for s in pack.sections], k=len(pack.sections)):
            pilot.app.open_id(item)
            await pilot.pause()
        pilot.app.action_back()
        await pilot.press("ctrl+f", *rng.choice(["2024", "enterprise", "the"]))
        started = time.perf_counter()
        while time.perf_counter() - started < budget:
            for _ in range(rng.randint(1, 8)):
                key = rng.choice(FIND_KEYS)
                log.append(key)
                pilot.app._driver.send_message(_key_event(pilot.app, key))
            await pilot.pause()
            _check(pilot.app)
        await pilot.pause()
        _check(pilot.app)
        await _quits_on_q(pilot)

    try:
        _run(app, scenario, rng.choice(SIZES_MONKEY))
    except BaseException:
        print(f"\nfind-bar monkey failed: BRIEFING_MONKEY_SEED={seed} after {len(log)} keys; "
              f"last: {log[-12:]}")
        raise


def test_find_step_while_the_page_changes(pack):
    """Issue 26, item 8, exactly: a query with matches, then Forward and Enter together."""
    app = BriefingApp(pack, lang="en", start_id="action-plans")

    async def scenario(pilot):
        pilot.app.open_id("achievements")
        await pilot.app.workers.wait_for_complete()
        pilot.app.action_back()
        await pilot.app.workers.wait_for_complete()
        await pilot.press("ctrl+f", *"the")
        assert len(pilot.app.main.pane.find_state.matches) > 20
        for key in ("enter", "enter", "alt+right", *["enter"] * 8):
            pilot.app._driver.send_message(_key_event(pilot.app, key))
        for _ in range(5):
            await pilot.pause()
        _check(pilot.app)
        assert pilot.app.main.pane.node_id == "achievements"
        await _quits_on_q(pilot)

    _run(app, scenario, (80, 24))


def test_export_dialog_enter_then_escape(pack, tmp_path, monkeypatch):
    """Found by the monkey (seed 2): keys typed faster than the app handles them (a buffered
    Enter then Esc) made ExportDialog.export() dismiss a screen already popped
    (ScreenStackError)."""
    monkeypatch.chdir(tmp_path)
    app = BriefingApp(pack, lang="en", start_id=None)

    async def scenario(pilot):
        await pilot.press("e")
        await pilot.pause()
        for key in ("enter", "escape"):
            pilot.app._driver.send_message(_key_event(pilot.app, key))
        await pilot.pause()
        await pilot.pause()
        _check(pilot.app)
        await _quits_on_q(pilot)

    _run(app, scenario, (80, 24))


def test_typing_straight_into_the_palette(pack):
    """Found by the monkey (seeds 22, 23): Esc, ctrl+p and a letter buffered together at
    start-up made the palette's command-gathering worker query a CommandList that was not
    mounted (NoMatches); SafeCommandPalette now ignores that."""
    app = BriefingApp(pack, lang="en", start_id=None)

    async def scenario(pilot):
        for key in ("escape", "ctrl+p", "n"):
            pilot.app._driver.send_message(_key_event(pilot.app, key))
        for _ in range(5):
            await pilot.pause()
        _check(pilot.app)
        await _quits_on_q(pilot)

    _run(app, scenario, (80, 24))


def test_hostile_text_in_the_app(make_pack, tmp_path, monkeypatch):
    """Rich markup, escapes, bidi and zero-width characters from the pack: the app shows them
    inert on every screen (nothing raw reaches the terminal) and does not crash."""
    from test_extreme_content import INVISIBLE
    from test_extreme_content import nasty_pack as make_nasty

    monkeypatch.chdir(tmp_path)
    nasty = load_pack(make_nasty.__wrapped__(make_pack))
    app = BriefingApp(nasty, lang="en", start_id="nasty-item")

    async def scenario(pilot):
        for target in ("nasty-item", "nasty-fig", "weaknesses"):
            pilot.app.open_id(target)
            await pilot.pause()
            for key in [None, *OPENERS]:
                if key:
                    await pilot.press(key)
                    await pilot.pause()
                svg = pilot.app.export_screenshot()
                assert not any(ch in svg for ch in INVISIBLE), key
                _check(pilot.app)
                await _close_everything(pilot)
        await _quits_on_q(pilot)

    _run(app, scenario, (100, 30))


def test_ten_thousand_items_stay_responsive(make_pack):
    from test_extreme_content import ten_thousand_items

    big = load_pack(make_pack(ten_thousand_items))
    app = BriefingApp(big, lang="en", start_id=None)
    timings: list[float] = []

    async def scenario(pilot):
        for key in ["down"] * 10 + ["enter", "g", "escape", "slash", "escape", "end", "home"]:
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            timings.append(time.perf_counter() - started)
            _check(pilot.app)
        pilot.app.open_id("item-9999")
        await pilot.pause()
        assert pilot.app.main.pane.node_id == "item-9999"
        await _quits_on_q(pilot)

    started = time.perf_counter()
    _run(app, scenario, (120, 40))
    print(f"\n10,000-item app: run {time.perf_counter() - started:.1f}s, "
          f"slowest key {max(timings):.2f}s")  # a report, not a verdict: the goal is timed
    # in bench/ (a timed assertion fails on a busy machine); here every key must have worked
    assert len(timings) == 17
