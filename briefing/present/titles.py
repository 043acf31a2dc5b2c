"""What an id of the pack is and what it is called, in one line of either language: how pins,
"See also" lists and go-to name the things they point at. An ad-hoc comparison's id
(``adhoc:a,b``) is a comparison too, so it can be pinned, listed and exported."""

from __future__ import annotations

from briefing.model import Lang, Pack
from briefing.present.comparison_rows import find_comparison, is_comparison
from briefing.text.sanitize import one_line

#: The word that opens the app's all-figures view wherever an id is typed (go-to, ``briefing
#: tui``): a view of the app, not an id of the pack.
ALL_FIGURES = "figures"


def kind_of(pack: Pack, item_id: str) -> str | None:
    """"section", "item", "figure" or "comparison"; None if the pack has no such id."""
    if pack.has_node(item_id):
        return "section" if pack.node(item_id).is_section else "item"
    if pack.has_figure(item_id):
        return "figure"
    if is_comparison(pack, item_id):
        return "comparison"
    return None


def title_of(pack: Pack, item_id: str, lang: Lang) -> str:
    """A pinned thing's name in one line: a node's title, a figure's label, a comparison's."""
    kind = kind_of(pack, item_id)
    if kind in ("section", "item"):
        return one_line(pack.node(item_id).title.get(lang))
    if kind == "figure":
        return one_line(pack.figure(item_id).label.get(lang))
    if kind == "comparison":
        return one_line(find_comparison(pack, item_id).title.get(lang))
    return item_id


def matching(pack: Pack, text: str, lang: Lang, limit: int = 12) -> list[str]:
    """Ids to offer for ``text`` typed in go-to: ids starting with it, then ids holding it,
    then titles holding it (in ``lang``), each in the pack's order."""
    needle = text.strip().casefold()
    if not needle:
        return []
    ids = pack.ids()
    starts = [i for i in ids if i.casefold().startswith(needle)]
    holds = [i for i in ids if needle in i.casefold() and i not in starts]
    seen = set(starts) | set(holds)
    titled = [i for i in ids if i not in seen and needle in title_of(pack, i, lang).casefold()]
    return [*starts, *holds, *titled][:limit]
