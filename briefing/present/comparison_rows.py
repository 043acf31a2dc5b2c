"""Side-by-side figure comparisons, computed as plain data for the CLI, the export and the app.

Everything that needs arithmetic lives here (bar scaling, progress towards a target, relative
size from a peer ratio, timeline ordering), so the views only draw what they are given.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.figures.bounds import is_ceiling
from briefing.figures.formatting import figure_value
from briefing.figures.vocabulary import hedge_of
from briefing.model import Baseline, Comparison, ComparisonEntry, Figure, Lang, Pack, Text
from briefing.present.json_shapes import text

#: The baseline of a ratio comparison written before comparisons named theirs.
DEFAULT_BASELINE = Baseline(label=Text(zh="基准", en="baseline"))
_EIGHTHS = " ▏▎▍▌▋▊▉"


class IncomparableFigures(ValueError):
    """Figures that cannot be drawn on one scale; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a comparison: a label, a value, and where its bar ends (0..1)."""

    label: Text
    figure: Figure | None
    value: float
    fraction: float | None
    target: Figure | None = None
    progress: float | None = None  # percent of the target reached
    relative: float | None = None  # for ratio comparisons: size relative to the baseline
    delta: float | None = None  # for timelines: change from the previous point
    gap: float | None = None  # progress rows: target minus actual, in the unit (pp for percent)
    like_for_like: bool = True  # progress rows: actual and target measure the same thing
    lower_bound: bool = False  # progress rows: the actual is a floor ("over 10,000")
    note: Text | None = None  # the entry's own note (how an unlike pair differs)


@dataclass(frozen=True, slots=True)
class ComparisonView:
    id: str
    title: Text
    kind: str
    rows: tuple[Row, ...]
    unit: str | None
    note: Text | None = None
    baseline: Baseline | None = None  # ratio comparisons: what the sizes are relative to


def bar(fraction: float | None, width: int) -> str:
    """A horizontal bar ``width`` cells wide at most, with eighth-cell precision."""
    if fraction is None or width <= 0:
        return ""
    fraction = min(max(fraction, 0.0), 1.0)
    eighths = round(fraction * width * 8)
    full, rest = divmod(eighths, 8)
    cells = "█" * full + (_EIGHTHS[rest] if rest else "")
    if not cells and fraction > 0:
        cells = "▏"
    return cells


def progress_percent(actual: Figure, target: Figure) -> float | None:
    """How much of ``target`` the ``actual`` figure reaches, in percent."""
    if target.value == 0:
        return None
    return actual.value / target.value * 100


def _label(pack: Pack, entry: ComparisonEntry) -> Text:
    return entry.label or pack.figure(entry.figure).label


def _scaled(values: list[float]) -> list[float | None]:
    top = max((abs(v) for v in values), default=0)
    return [abs(v) / top if top else None for v in values]


def build(pack: Pack, comparison: Comparison) -> ComparisonView:
    """The rows of a curated comparison, ready to draw."""
    baseline = None
    if comparison.kind == "ratio":
        baseline = comparison.baseline or DEFAULT_BASELINE
        rows, unit = _ratio(pack, comparison.entries, baseline)
    else:
        builder = {
            "peers": _same_scale,
            "timeline": _timeline,
            "ranking": _ranking,
            "progress": _progress,
        }[comparison.kind]
        rows, unit = builder(pack, comparison.entries)
    return ComparisonView(id=comparison.id, title=comparison.title, kind=comparison.kind,
                          rows=tuple(rows), unit=unit, note=comparison.note, baseline=baseline)


def _same_scale(pack: Pack, entries: tuple[ComparisonEntry, ...]) -> tuple[list[Row], str]:
    figures = [pack.figure(e.figure) for e in entries]
    fractions = _scaled([f.value for f in figures])
    rows = [Row(label=_label(pack, e), figure=f, value=f.value, fraction=frac)
            for e, f, frac in zip(entries, figures, fractions, strict=True)]
    return rows, figures[0].unit


def _timeline(pack: Pack, entries: tuple[ComparisonEntry, ...]) -> tuple[list[Row], str]:
    ordered = sorted(entries, key=lambda e: pack.figure(e.figure).period_key)
    rows, unit = _same_scale(pack, tuple(ordered))
    with_delta = []
    previous: float | None = None
    for row in rows:
        delta = None if previous is None else row.value - previous
        with_delta.append(Row(label=row.label, figure=row.figure, value=row.value,
                              fraction=row.fraction, delta=delta))
        previous = row.value
    return with_delta, unit


def _ranking(pack: Pack, entries: tuple[ComparisonEntry, ...]) -> tuple[list[Row], str]:
    rows = [Row(label=_label(pack, e), figure=pack.figure(e.figure),
                value=pack.figure(e.figure).value, fraction=None) for e in entries]
    rows.sort(key=lambda r: r.value)
    return rows, "rank"


def _progress(pack: Pack, entries: tuple[ComparisonEntry, ...]) -> tuple[list[Row], None]:
    rows = []
    for entry in entries:
        actual = pack.figure(entry.figure)
        target = pack.figure(entry.target or entry.figure)
        pct = progress_percent(actual, target)
        if actual.unit == "percent" or is_ceiling(pack, target) or (
                is_floor(pack, actual) and is_floor(pack, target)):
            # A share is read as the gap in percentage points (4.15% of 4.2% is not "98.8%
            # reached"); two floors ("over 10,000" vs "over 10,000") cannot say how far; a
            # ceiling ("5.5%以内") is not climbed to but kept under.
            pct = None
        rows.append(Row(label=_label(pack, entry), figure=actual, value=actual.value,
                        fraction=None if pct is None else min(pct, 100.0) / 100, target=target,
                        progress=pct, gap=target.value - actual.value,
                        like_for_like=entry.like_for_like, lower_bound=is_floor(pack, actual),
                        note=entry.note))
    return rows, None


def progress_reading(pack: Pack, row: Row, lang: Lang) -> tuple[str, str]:
    """(gap to the target, share reached) of a progress row as a reader should take them.

    The gap is in percentage points for percentages, and the share reached is given only for
    counts and amounts ("—" otherwise). A floor ("over …") makes them bounds, marked ≤ / ≥;
    two floors make both unclear. Shared by the CLI, the app and the export.
    """
    from briefing.figures.formatting import quantity_parts, signed_change

    actual, target = row.figure, row.target
    if actual is None or target is None:
        return "", ""
    actual_floor, target_floor = is_floor(pack, actual), is_floor(pack, target)
    if actual_floor and target_floor:
        unknown = "无法判断" if lang == "zh" else "unclear"
        return unknown, unknown
    if is_ceiling(pack, target):
        return _under_ceiling(pack, actual, target, lang)
    gap = target.value - actual.value
    # A floor on the actual makes the gap at most, the share at least, what the numbers say;
    # a floor on the target does the opposite.
    gap_mark, reached_mark = (("≤", "≥") if actual_floor else ("≥", "≤") if target_floor
                              else ("", ""))
    if gap <= 0 and not target_floor:
        gap_text = "已达到" if lang == "zh" else "met"
    elif actual.unit == "percent":
        gap_text = gap_mark + signed_change(pack, gap, "percent", lang).lstrip("+")
    else:
        gap_text = gap_mark + quantity_parts(pack, gap, actual.unit, lang)[0]
    if row.progress is None:
        return gap_text, "—"
    from briefing.figures.reading import format_value

    return gap_text, f"{reached_mark}{format_value(round(row.progress, 1))}%"


def _under_ceiling(pack: Pack, actual: Figure, target: Figure, lang: Lang) -> tuple[str, str]:
    """A ceiling is met at or under it ("met"), else exceeded by the difference."""
    from briefing.figures.formatting import quantity_parts, signed_change

    if actual.value <= target.value and not is_floor(pack, actual):
        return ("已达到" if lang == "zh" else "met"), "—"
    over = actual.value - target.value
    amount = (signed_change(pack, over, "percent", lang).lstrip("+−±")
              if actual.unit == "percent" else quantity_parts(pack, over, actual.unit, lang)[0])
    if over <= 0:  # a floor at or under the ceiling: it may still lie above it
        return ("无法判断" if lang == "zh" else "unclear"), "—"
    return (f"超出{amount}" if lang == "zh" else f"{amount} over"), "—"


def progress_summary(pack: Pack, row: Row, lang: Lang) -> str:
    """One phrase for a progress row: "91.6% reached, 1,600 to go", "0.05 pp to go",
    "unclear (both are floors)"; in Chinese "完成91.6%，差1,600"."""
    gap, reached = progress_reading(pack, row, lang)
    if gap in ("unclear", "无法判断"):
        return "无法判断（两者均为下限）" if lang == "zh" else "unclear (both are floors)"
    if gap in ("met", "已达到") or gap.endswith(" over") or gap.startswith("超出"):
        return gap
    if lang == "zh":
        return f"完成{reached}，差{gap}" if reached != "—" else f"差{gap}"
    return f"{reached} reached, {gap} to go" if reached != "—" else f"{gap} to go"


FLOOR_LEGEND = {
    "en": "≤/≥: the source gives only a floor (\"over\", \"more than\"), so the gap and the share "
          "reached are bounds; shares are compared in percentage points.",
    "zh": "≤/≥：来源只给出下限（“超”“余”“多”），差距与完成度因此只是界限；比重按百分点比较。",
}


def progress_footnotes(view: ComparisonView, lang: Lang) -> list[str]:
    """What the marks of a progress view mean: one line per row not measured like for like
    ("* label: how they differ"), then the legend of ≤/≥. Empty for other kinds."""
    if view.kind != "progress":
        return []
    notes = []
    for row in view.rows:
        if row.like_for_like is False:
            why = " ".join(row.note.get(lang).split()) if row.note else ""
            label = " ".join(row.label.get(lang).split())
            notes.append(f"* {label}: {why}".rstrip(": "))
    return [*notes, FLOOR_LEGEND[lang]]


def is_floor(pack: Pack, figure: Figure) -> bool:
    """Whether the source gives only a lower bound for ``figure`` ("超1万", "400余家")."""
    hedge = hedge_of(figure.qualifier, pack)
    return hedge is not None and hedge.meaning in ("above", "at-least")


def _ratio(pack: Pack, entries: tuple[ComparisonEntry, ...],
           baseline: Baseline) -> tuple[list[Row], str]:
    """Peer ratios ("A is about 1/2 of B") as sizes relative to the baseline (A) = 1."""
    peers = [(e, pack.figure(e.figure)) for e in entries]
    sizes = [1.0] + [1 / f.value if f.value else 0.0 for _, f in peers]
    fractions = _scaled(sizes)
    # the baseline row has no figure of its own even when one names it (view.baseline does)
    rows = [Row(label=baseline.label, figure=None, value=1.0, fraction=fractions[0],
                relative=1.0)]
    for (entry, fig), size, frac in zip(peers, sizes[1:], fractions[1:], strict=True):
        rows.append(Row(label=_label(pack, entry), figure=fig, value=fig.value, fraction=frac,
                        relative=size))
    return rows, "ratio"


def adhoc(pack: Pack, figure_ids: list[str]) -> ComparisonView:
    """Compare any figures a user picked, if they share a unit; otherwise say why not."""
    if len(figure_ids) < 2:
        raise IncomparableFigures("pick at least two figures to compare")
    missing = [fid for fid in figure_ids if not pack.has_figure(fid)]
    if missing:
        raise IncomparableFigures(f"unknown figure id: {missing[0]}")
    figures = [pack.figure(fid) for fid in figure_ids]
    units = {f.unit for f in figures}
    if len(units) > 1:
        names = ", ".join(f"{f.id} ({pack.unit(f.unit).label.en})" for f in figures)
        raise IncomparableFigures(
            f"these figures have different units and cannot share one scale: {names}"
        )
    kind = "ranking" if figures[0].unit == "rank" else "peers"
    comparison = Comparison(id="ad-hoc", title=Text(zh="自选对比", en="Ad-hoc comparison"),
                            kind=kind, entries=tuple(ComparisonEntry(figure=f.id) for f in figures))
    return build(pack, comparison)


def row_value_text(pack: Pack, row: Row, lang: Lang) -> str:
    """The exact number beside a bar, in the source's own words where there is one."""
    fig = row.figure
    if fig is None:
        return "1" if lang == "en" else "1（基准）"
    if row.progress is not None and row.target is not None:
        return f"{figure_value(pack, fig, lang)} → {figure_value(pack, row.target, lang)}"
    return figure_value(pack, fig, lang)


def ratio_relation(pack: Pack, view: ComparisonView, row: Row, lang: Lang) -> str:
    """A ratio row's relation in words, as the source states it: "City A ≈ 1/2 of City B",
    "A市约为B市的1/2" (a bar alone beside "approx. 1/2" reads as the peer's own size)."""
    base = (view.baseline or DEFAULT_BASELINE).label.get(lang)
    if row.figure is None:
        return "基准（=1）" if lang == "zh" else "baseline (= 1)"
    from briefing.figures.formatting import quantity_parts

    fraction = quantity_parts(pack, row.figure.value, "ratio", lang, row.figure.display)[0]
    peer = row.label.get(lang)
    hedged = bool(row.figure.qualifier)
    if lang == "zh":
        return f"{base}{'约' if hedged else ''}为{peer}的{fraction}"
    return f"{base} {'≈' if hedged else '='} {fraction} of {peer}"


def relative_text(row: Row, lang: Lang) -> str:
    if row.relative is None:
        return ""
    return f"≈{row.relative:.1f}×" if lang == "en" else f"约{row.relative:.1f}倍"


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
        "rows": [
            {
                "label": text(row.label),
                "figure": row.figure.id if row.figure else None,
                "display": row.figure.display if row.figure else None,
                "value": row.value,
                "bar": row.fraction,
                "target": row.target.id if row.target else None,
                "target_value": row.target.value if row.target else None,
                "progress_percent": None if row.progress is None else round(row.progress, 2),
                "relative_to_baseline": row.relative,
                "delta": row.delta,
                **(_progress_fields(row) if view.kind == "progress" else {}),
            }
            for row in view.rows
        ],
    }


def _progress_fields(row: Row) -> dict:
    """``gap`` (target minus actual; percentage points for percent figures), ``like_for_like``
    and ``lower_bound`` (the actual is a floor), which every progress row carries."""
    unit = row.figure.unit if row.figure else None
    return {
        "gap": None if row.gap is None else round(row.gap, 6),
        "gap_unit": "percentage-points" if unit == "percent" else unit,
        "like_for_like": row.like_for_like,
        "lower_bound": row.lower_bound,
        "row_note": text(row.note),
    }
