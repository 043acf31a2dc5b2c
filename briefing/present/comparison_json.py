"""A comparison as JSON (``briefing compare ID --json``, and ``--csv`` from the same records).

Read from the same bounds as every table (:mod:`briefing.present.comparison_rows`): a derived
number the source cannot support is null, never 0 ("unclear" between two floors), and each
comes with what kind of number it is (``*_bound``: exact, approximate, at-least, at-most, range
or unclear), so a program reading the JSON is told what a reader of the table is told.
"""

from __future__ import annotations

from briefing.figures.formatting import value_phrase
from briefing.model import Pack
from briefing.present.bounds import Bound
from briefing.present.comparison_rows import ComparisonView, Row
from briefing.present.json_shapes import text

#: A bound's kind as JSON says it: a floor is "at-least" whatever it bounds.
_KIND = {"floor": "at-least", "ceiling": "at-most"}


def bound_kind(bound: Bound | None) -> str | None:
    """"exact", "approximate", "at-least", "at-most", "range", "unclear" (None: no number)."""
    return None if bound is None else _KIND.get(bound.kind, bound.kind)


def _number(bound: Bound | None, digits: int) -> float | None:
    value = None if bound is None else bound.value
    return None if value is None else round(value, digits)


def view_to_dict(pack: Pack, view: ComparisonView) -> dict:
    """A JSON-ready description of a comparison view."""
    return {
        "id": view.id,
        "title": text(view.title),
        "kind": view.kind,
        "unit": view.unit,
        "note": text(view.note),
        "baseline": None if view.baseline is None else {
            "label": text(view.baseline.label), "figure": view.baseline.figure},
        "rows": [_row(pack, view, row) for row in view.rows],
    }


def _row(pack: Pack, view: ComparisonView, row: Row) -> dict:
    record = {
        "label": text(row.label),
        "figure": row.figure.id if row.figure else None,
        "display": row.figure.display if row.figure else None,
        # the value with the source's hedge, in both languages ("超6.7万人", "over 67,000 people")
        "value_text": None if row.figure is None else {
            lang: value_phrase(pack, row.figure, lang) for lang in ("zh", "en")},
        "value": row.value,
        "bound": bound_kind(row.bound),
        "bar": None if row.fraction is None else round(row.fraction, 4),  # a length to draw
        "target": row.target.id if row.target else None,
        "target_value": row.target.value if row.target else None,
        "progress_percent": _number(row.progress_bound, 2),
        "relative_to_baseline": row.relative,
        "delta": None if row.delta_bound is None else row.delta_bound.value,
        "like_for_like": row.like_for_like,
        "row_note": text(row.note),
    }
    if view.kind == "timeline":
        record["delta_bound"] = bound_kind(row.delta_bound)
    if view.kind == "progress":
        record.update(_progress_fields(row))
    return record


def _progress_fields(row: Row) -> dict:
    """``gap`` (target minus actual; percentage points for percent figures; null where the
    source cannot say), ``gap_bound``, ``progress_bound``, ``lower_bound`` (the actual is a
    floor) and ``target_lower_bound`` (the target is a floor: "over 19,000"), which every
    progress row carries."""
    unit = row.figure.unit if row.figure else None
    return {
        "gap": _number(row.gap_bound, 6),
        "gap_unit": "percentage-points" if unit == "percent" else unit,
        "gap_bound": bound_kind(row.gap_bound),
        "progress_bound": bound_kind(row.progress_bound),
        "lower_bound": row.lower_bound,
        "target_bound": bound_kind(row.target_bound),
        "target_lower_bound": row.target_bound is not None and row.target_bound.kind == "floor",
    }
