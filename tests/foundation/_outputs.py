"""Every output of one comparison, as text a test can read: the terminal, the app's chart, the
Markdown export, the table ``y`` copies, JSON and CSV."""

from __future__ import annotations

import io

from rich.console import Console

from briefing.cli.csvout import write_csv
from briefing.cli.render import comparison_view
from briefing.export import to_markdown
from briefing.export.brief import comparison_table as copied_table
from briefing.present.chart_table import chart_table
from briefing.present.comparison_json import view_to_dict
from briefing.present.comparison_rows import ComparisonView

OUTPUTS = ("terminal", "app", "markdown", "copy")


def terminal(pack, view: ComparisonView, lang: str, width: int = 200) -> str:
    console = Console(width=width, record=True, color_system=None, force_terminal=False)
    with console.capture() as captured:
        console.print(comparison_view(pack, view, lang))
    return captured.get()


def app_rows(pack, view: ComparisonView, lang: str, width: int = 200) -> list[str]:
    """The app chart's rows, each its lines joined (NBSPs as spaces), then its footnotes."""
    table = chart_table(pack, view, lang)
    layout = table.lay_out(width)
    rows = [" ".join(line.plain for line in lines).replace("\u00a0", " ")
            for lines in layout.row_lines]
    return rows + table.footnotes


def spaced(text: str) -> str:
    """The export's no-break spaces inside numbers ("about\u00a0350"), read as spaces: these
    tests compare numbers and marks (tests/foundation/test_brief.py checks the spaces)."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def markdown(pack, view: ComparisonView, lang: str) -> str:
    """The export of a curated comparison (one language, or "both")."""
    return spaced(to_markdown(pack, view.id, lang))


def copy(pack, view: ComparisonView, lang: str) -> str:
    return spaced("\n".join(copied_table(pack, view, lang)))


def json_rows(pack, view: ComparisonView) -> list[dict]:
    return view_to_dict(pack, view)["rows"]


def csv_text(pack, view: ComparisonView) -> str:
    data = view_to_dict(pack, view)
    out = io.StringIO()
    write_csv(({"comparison": data["id"], **row} for row in data["rows"]), out)
    return out.getvalue()


def table_rows(text: str) -> list[list[str]]:
    """The body rows of the first Markdown table in ``text``, as cells (escapes kept)."""
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in lines[2:]]
