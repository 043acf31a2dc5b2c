"""The app's screen as plain text lines, for tests that check what a reader can see.

Textual offers the screen only as an SVG (``App.export_screenshot``); this does what that
method does (the compositor's full update, printed to a recording console) and exports the
text instead. Test-only: the app itself never reads its own screen.
"""

from __future__ import annotations

import io

from rich.console import Console


def screen_lines(app) -> list[str]:
    """Every row of the current screen (dialogs over their screen included), right-trimmed."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False,
                      safe_box=False)
    update = app.screen._compositor.render_update(  # what export_screenshot prints
        full=True, screen_stack=app._background_screens)
    console.print(update)
    return [line.rstrip() for line in console.export_text(styles=False).split("\n")][:height]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def cells(line: str, start: int, end: int) -> str:
    """The characters of ``line`` drawn in cells ``start`` to ``end`` (a wide character
    counts two; one cut in half is left out)."""
    from rich.cells import get_character_cell_size

    out, x = [], 0
    for char in line:
        width = get_character_cell_size(char)
        if x >= start and x + width <= end:
            out.append(char)
        x += width
    return "".join(out)
