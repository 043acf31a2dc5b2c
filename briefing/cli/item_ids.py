"""Which ids the commands take as things to show, pin or export: a section, item, figure or
comparison, or an ad-hoc comparison (``adhoc:a,b``) whose figures can be drawn together."""

from __future__ import annotations

from briefing.cli.console import fail, unknown_id
from briefing.text.sanitize import clean


def known_item(pack, item_id: str) -> str:
    """``item_id`` if it names a section, item, figure or comparison (an ad-hoc one too),
    else the one-line error: an ad-hoc comparison that cannot be drawn says why."""
    from briefing.present.comparison_rows import (
        IncomparableFigures,
        adhoc_comparison,
        adhoc_figures,
    )
    from briefing.present.titles import kind_of

    if kind_of(pack, item_id) is not None:
        return item_id
    if (figures := adhoc_figures(item_id)) is not None:
        try:
            adhoc_comparison(pack, figures)
        except IncomparableFigures as exc:
            raise fail(f"'{clean(item_id)}': {exc}") from None
    raise unknown_id(pack, item_id)
