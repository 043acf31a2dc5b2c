"""``briefing library validate``: every pack checked in full, then what ties them together.

Beyond each pack's own problems: two packs with one id, a comparison naming a briefing the
library lacks, a figure confirmed as an indicator ``library.yaml`` does not declare, or whose
unit is not the indicator's. Each problem is one line, located where it can be.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.library.catalog import Library
from briefing.library.locate import LIBRARY_FILE
from briefing.model import Pack
from briefing.pack.checker import did_you_mean


@dataclass(frozen=True, slots=True)
class PackCheck:
    """One briefing checked: its pack when it validates, else its problems."""

    id: str
    path: Path
    pack: Pack | None
    problems: tuple[str, ...]


def check_packs(library: Library) -> Iterator[PackCheck]:
    """Each pack of the library loaded and validated in full (never from the cache)."""
    from briefing.pack import PackInvalid
    from briefing.pack.loader import load_pack

    for entry in library.entries:
        where = _where(library, entry.path)
        if entry.problem and entry.summary is not None:  # a duplicate id
            yield PackCheck(entry.id, entry.path, None, (f"{where}: {entry.problem}",))
            continue
        try:
            pack = load_pack(entry.path)
        except PackInvalid as exc:
            yield PackCheck(entry.id, entry.path, None,
                            tuple(f"{where}/{error}" for error in exc.errors))
            continue
        except OSError as exc:
            yield PackCheck(entry.id, entry.path, None, (f"{where}: cannot be read: {exc}",))
            continue
        yield PackCheck(entry.id, entry.path, pack, ())


def cross_problems(library: Library, packs: dict[str, Pack]) -> Iterator[str]:
    """What ``library.yaml`` and the packs (those that validate) say of one another."""
    spec = library.spec
    file = f"{library.root / LIBRARY_FILE}" if library.root else LIBRARY_FILE
    indicators = {i.id: i for i in spec.indicators}
    for comparison in spec.comparisons:
        for chosen in comparison.briefings:
            if not library.has(chosen.briefing):
                yield (f"{file}:{comparison.line}: comparison '{comparison.id}' names briefing "
                       f"'{chosen.briefing}', which the library does not hold"
                       f"{did_you_mean(chosen.briefing, library.ids())}")
    for briefing, pack in packs.items():
        entry_path = library.entry(briefing).path if library.has(briefing) else pack.root
        for fig in pack.figures():
            if fig.indicator is None:
                continue
            where = _figure_where(library, entry_path, fig.id)
            indicator = indicators.get(fig.indicator)
            if indicator is None:
                yield (f"{where}: figure '{fig.id}' is confirmed as indicator '{fig.indicator}'"
                       f", which {LIBRARY_FILE} does not declare"
                       f"{did_you_mean(fig.indicator, indicators)}")
            elif fig.unit != indicator.unit:
                yield (f"{where}: figure '{fig.id}' is in '{fig.unit}' but indicator "
                       f"'{indicator.id}' is in '{indicator.unit}'")


def _where(library: Library, path: Path) -> str:
    if library.root is not None:
        try:
            return path.relative_to(library.root).as_posix()
        except ValueError:
            pass
    return str(path)


def _figure_where(library: Library, root: Path, figure_id: str) -> str:
    """``folder/sections/x.yaml:LINE`` of a figure (its pack's folder where the line is
    unknown)."""
    from briefing.pack.edit import EditRefused, locate_figure

    try:
        file, line = locate_figure(root, figure_id)
    except EditRefused:
        return _where(library, root)
    return f"{_where(library, file)}:{line}"

