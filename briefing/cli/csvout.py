"""RFC 4180 CSV for spreadsheets and VisiData: the scalar fields of the ``--json`` form.

Bilingual and other one-level mappings become dotted columns (``label.zh``, ``label.en``);
lists (spans, children) have no place in a flat row and are left out. UTF-8, CRLF line ends,
a header row; pack text is written as data, never interpreted: every text cell goes through
:func:`briefing.text.sanitize.spreadsheet_cell` (terminal controls, bidi and invisible
characters removed as in every other output; a cell that a spreadsheet would run as a formula,
``=``, ``+``, ``-``, ``@``, tab, gets a leading ``'``, OWASP's advice); a whole number is
written without ".0".
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable

from briefing.text.sanitize import spreadsheet_cell


def flatten(record: dict, mappings: frozenset[str] = frozenset()) -> dict[str, object]:
    """``record``'s scalars, with one-level mappings spread into dotted keys; a missing
    (null) value of a key that is a mapping elsewhere (``mappings``) leaves its columns empty."""
    flat: dict[str, object] = {}
    for key, value in record.items():
        if value is None and key in mappings:
            continue
        if isinstance(value, dict):
            for sub, inner in value.items():
                if not isinstance(inner, dict | list):
                    flat[f"{key}.{sub}"] = inner
        elif not isinstance(value, list):
            flat[key] = value
    return flat


def write_csv(records: Iterable[dict], out=None) -> None:
    """Write ``records`` (JSON-form dicts) as CSV with a header of every column seen."""
    records = list(records)
    mappings = frozenset(k for r in records for k, v in r.items() if isinstance(v, dict))
    rows = [flatten(r, mappings) for r in records]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    writer = csv.DictWriter(out or sys.stdout, fieldnames=list(columns), lineterminator="\r\n",
                            extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})


def _cell(value: object) -> object:
    """A cell as a spreadsheet should read it: nothing for null, a whole number without
    ".0" (100000000000, not 100000000000.0), text that can neither act on a terminal nor
    start a formula."""
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_cell(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return int(value)
    return value
