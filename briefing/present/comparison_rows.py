"""Side-by-side figure comparisons, computed as plain data: one view per comparison, in numbers.

Everything that needs arithmetic lives here (bar scaling, progress towards a target, relative
size from a peer ratio, share of the first peer, timeline ordering and changes), and every
derived number is a :class:`~briefing.present.bounds.Bound`, so a floor, an approximate value
or an unlike pair is carried to every output. :mod:`briefing.present.comparison_table` turns a
view into the table every output draws; :mod:`briefing.present.comparison_json` into JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing.model import Baseline, Comparison, ComparisonEntry, Figure, Pack, Text
from briefing.present.bounds import INF, Bound, figure_bound
from briefing.text.sanitize import one_line

#: The baseline of a ratio comparison written before comparisons named theirs.
DEFAULT_BASELINE = Baseline(label=Text(zh="基准", en="baseline"))
_EIGHTHS = " ▏▎▍▌▋▊▉"


class IncomparableFigures(ValueError):
    """Figures that cannot be drawn on one scale; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a comparison: a label, a value, where its bar ends (0..1), and what can be
    derived from it honestly (each a bound: exact, approximate, at least, at most, unclear)."""

    label: Text
    figure: Figure | None
    value: float
    fraction: float | None
    target: Figure | None = None
    relative: float | None = None  # ratio comparisons: size relative to the baseline
    like_for_like: bool = True  # False: the pack says this row is not comparable as the rest
    note: Text | None = None  # the entry's own note (how an unlike row differs)
    bound: Bound | None = None  # what the row's figure says about its value
    target_bound: Bound | None = None  # progress rows: the same of the target
    gap_bound: Bound | None = None  # progress: target minus actual (pp for percent figures)
    progress_bound: Bound | None = None  # progress: percent of the target reached
    delta_bound: Bound | None = None  # timelines: change from the previous point
    share_bound: Bound | None = None  # peers: this value over the first row's
    relative_bound: Bound | None = None  # ratio rows: size relative to the baseline

    @property
    def progress(self) -> float | None:
        """Percent of the target reached (the bound's one number), None if there is none."""
        return None if self.progress_bound is None else self.progress_bound.value

    @property
    def gap(self) -> float | None:
        return None if self.gap_bound is None else self.gap_bound.value

    @property
    def delta(self) -> float | None:
        return None if self.delta_bound is None else self.delta_bound.value

    @property
    def lower_bound(self) -> bool:
        """The row's figure is a floor ("over 10,000")."""
        return self.bound is not None and self.bound.kind == "floor"

    @property
    def figure_ids(self) -> tuple[str, ...]:
        """The figures behind the row, for its source and the app's cursor."""
        return tuple(f.id for f in (self.figure, self.target) if f is not None)


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
    """How much of ``target`` the ``actual`` figure reaches, in percent (the plain ratio)."""
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
            "peers": _peers,
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
    rows = [Row(label=_label(pack, e), figure=f, value=f.value, fraction=frac,
                like_for_like=e.like_for_like, note=e.note, bound=figure_bound(pack, f))
            for e, f, frac in zip(entries, figures, fractions, strict=True)]
    return rows, figures[0].unit


def _peers(pack: Pack, entries: tuple[ComparisonEntry, ...]) -> tuple[list[Row], str]:
    """One scale; each row also as a share of the first (none for a row marked unlike)."""
    rows, unit = _same_scale(pack, entries)
    first = rows[0]
    return [_with(row, share_bound=None if not (row.like_for_like and first.like_for_like)
                  or row is first else _bound(row).over(_bound(first)))
            for row in rows], unit


def _timeline(pack: Pack, entries: tuple[ComparisonEntry, ...]) -> tuple[list[Row], str]:
    ordered = sorted(entries, key=lambda e: pack.figure(e.figure).period_key)
    rows, unit = _same_scale(pack, tuple(ordered))
    with_delta = []
    previous: Row | None = None
    for row in rows:
        delta = None if previous is None else _bound(row).minus(_bound(previous))
        with_delta.append(_with(row, delta_bound=delta))
        previous = row
    return with_delta, unit


def _ranking(pack: Pack, entries: tuple[ComparisonEntry, ...]) -> tuple[list[Row], str]:
    rows, _unit = _same_scale(pack, entries)
    rows = sorted((_with(r, fraction=None) for r in rows), key=lambda r: r.value)
    return rows, "rank"


def _progress(pack: Pack, entries: tuple[ComparisonEntry, ...]) -> tuple[list[Row], None]:
    """Actual against target: the gap (toward a ceiling, how far above it the actual is) and,
    for counts and amounts measured alike, the share reached. A share (percent) is read as a
    gap in percentage points: 4.15% of 4.2% is not "98.8% reached"."""
    rows = []
    for entry in entries:
        actual, target = pack.figure(entry.figure), pack.figure(entry.target or entry.figure)
        have, want = figure_bound(pack, actual), figure_bound(pack, target)
        down = want.kind == "ceiling"  # "5%以内": met by staying at or under 5%
        gap = _to_go(have.minus(Bound.exact(want.high, want.approximate)) if down
                     else want.minus(have))
        reached = None
        if actual.unit != "percent" and not down:
            reached = have.over(want).times(100)
            if not entry.like_for_like and reached.kind != "unclear":
                reached = None  # an unlike pair has no share; an unclear one says so
        share = None if reached is None else reached.value
        rows.append(Row(label=_label(pack, entry), figure=actual, value=actual.value,
                        fraction=None if share is None else min(share, 100.0) / 100,
                        target=target, like_for_like=entry.like_for_like, note=entry.note,
                        bound=have, target_bound=want, gap_bound=gap, progress_bound=reached))
    return rows, None


def _to_go(gap: Bound) -> Bound:
    """The gap as a reader may take it: met (nothing left at most), at most so much (it may
    be met already), or unclear where it may be met or not with no limit to how far."""
    if gap.high <= 0:
        return gap
    if gap.low <= 0 < gap.high < INF:
        return Bound(-INF, gap.high, gap.approximate)
    if gap.low <= 0:
        return Bound(-INF, INF, gap.approximate)
    return gap


def _bound(row: Row) -> Bound:
    return row.bound if row.bound is not None else Bound.exact(row.value)


def _with(row: Row, **changes) -> Row:
    return replace(row, **changes)


def _ratio(pack: Pack, entries: tuple[ComparisonEntry, ...],
           baseline: Baseline) -> tuple[list[Row], str]:
    """Peer ratios ("A is about 1/2 of B") as sizes relative to the baseline (A) = 1."""
    peers = [(e, pack.figure(e.figure)) for e in entries]
    sizes = [1.0] + [1 / f.value if f.value else 0.0 for _, f in peers]
    fractions = _scaled(sizes)
    # the baseline row has no figure of its own even when one names it (view.baseline does)
    rows = [Row(label=baseline.label, figure=None, value=1.0, fraction=fractions[0],
                relative=1.0, relative_bound=Bound.exact(1.0))]
    for (entry, fig), size, frac in zip(peers, sizes[1:], fractions[1:], strict=True):
        bound = figure_bound(pack, fig)
        unlike = not entry.like_for_like  # the source's own relation stays; no size from it
        rows.append(Row(label=_label(pack, entry), figure=fig, value=fig.value, fraction=frac,
                        relative=None if unlike else size, like_for_like=entry.like_for_like,
                        note=entry.note, bound=bound,
                        relative_bound=None if unlike else Bound.exact(1.0).over(bound)))
    return rows, "ratio"


#: An ad-hoc comparison's id: ``adhoc:`` and its figures' ids joined by commas, so a pin or an
#: export can carry it. No pack id holds a comma (nor, in a library, a briefing called so with
#: one), and an ad-hoc comparison has two figures or more: the id never names anything else.
ADHOC_PREFIX = "adhoc:"


def adhoc_id(figure_ids: list[str]) -> str:
    """The id of the ad-hoc comparison of ``figure_ids`` (in that order)."""
    return ADHOC_PREFIX + ",".join(figure_ids)


def adhoc_figures(item_id: str) -> list[str] | None:
    """The figure ids an ad-hoc comparison id names, or None if ``item_id`` is not one."""
    if not item_id.startswith(ADHOC_PREFIX) or "," not in item_id:
        return None
    return [part.strip() for part in item_id[len(ADHOC_PREFIX):].split(",")]


def adhoc_comparison(pack: Pack, figure_ids: list[str]) -> Comparison:
    """The comparison a user makes by picking figures: they must share a unit; otherwise
    :class:`IncomparableFigures` says why not. Its title names the figures."""
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
    title = Text(zh="自选对比：" + "、".join(one_line(f.label.zh) for f in figures),
                 en="Ad-hoc comparison: " + "; ".join(one_line(f.label.en) for f in figures))
    return Comparison(id=adhoc_id(figure_ids), title=title, kind=kind,
                      entries=tuple(ComparisonEntry(figure=f.id) for f in figures))


def find_comparison(pack: Pack, comparison_id: str) -> Comparison:
    """A curated comparison by id, or the ad-hoc one an ``adhoc:`` id names (``KeyError`` if
    there is neither; :class:`IncomparableFigures` for an ad-hoc id that cannot be drawn)."""
    figures = adhoc_figures(comparison_id)
    if figures is None:
        return pack.comparison(comparison_id)
    return adhoc_comparison(pack, figures)


def is_comparison(pack: Pack, item_id: str) -> bool:
    """Whether ``item_id`` names a curated comparison or an ad-hoc one that can be drawn."""
    if pack.has_comparison(item_id):
        return True
    figures = adhoc_figures(item_id)
    if figures is None:
        return False
    try:
        adhoc_comparison(pack, figures)
    except IncomparableFigures:
        return False
    return True


def adhoc(pack: Pack, figure_ids: list[str]) -> ComparisonView:
    """Compare any figures a user picked, if they share a unit; otherwise say why not."""
    return build(pack, adhoc_comparison(pack, figure_ids))
