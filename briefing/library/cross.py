"""The comparisons a library declares from its indicators, made into comparisons of its pack
(see :mod:`briefing.library.merge`), so every view draws them as it draws a pack's own.

Each briefing of a comparison gives the figure it has for the indicator (of the comparison's
period and kind): the one confirmed, else its only candidate, which takes part marked "*" and
named in the note as not yet confirmed. A briefing with none, or with several and none
confirmed, is left out, and the note says which and why: a reader sees who is missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefing.library.catalog import Library
from briefing.library.indicators import CANDIDATE, NONE, SEVERAL_CONFIRMED, find
from briefing.library.qualified import qualify
from briefing.model import Comparison, ComparisonEntry, Pack, Text
from briefing.model.library import CrossComparison, CrossEntry
from briefing.present.translation import is_translated

#: Marks a row whose figure was found by the indicator's phrases but not yet confirmed.
UNCONFIRMED = " *"


def cross_comparisons(library: Library, pack: Pack, qualified: bool,
                      among: set[str] | None = None) -> Iterator[Comparison]:
    """The library's declared comparisons, over ``pack`` (the library's merged pack, whose
    ids are ``qualified``, or its one briefing's); one naming no figure ``pack`` holds is
    left out, and with ``among`` one drawing from a briefing not among them."""
    for spec in library.spec.comparisons:
        if among is not None and not set(briefings_of(library, spec)) <= among:
            continue
        made = build_cross(library, spec, pack, qualified)
        if made is not None:
            yield made


def briefings_of(library: Library, spec: CrossComparison) -> list[str]:
    """The briefings a declared comparison draws from (every one, when it names none)."""
    return [e.briefing for e in spec.briefings if library.has(e.briefing)] \
        if spec.briefings else library.ids()


def build_cross(library: Library, spec: CrossComparison, pack: Pack,
                qualified: bool) -> Comparison | None:
    indicator = library.spec.indicator(spec.indicator)
    entries: list[ComparisonEntry] = []
    unconfirmed: list[str] = []
    missing: list[tuple[str, str]] = []
    for chosen in spec.briefings or [CrossEntry(briefing=b) for b in library.ids()]:
        if not library.has(chosen.briefing) or chosen.briefing in library.failed:
            missing.append((chosen.briefing, "does not load" if chosen.briefing in
                            library.failed else "not in the library"))
            continue
        finding = find(library.pack(chosen.briefing), indicator, spec.period, spec.figure_kind)
        if finding.status == NONE:
            missing.append((chosen.briefing, "no figure"))
            continue
        if spec.kind == "peers" and finding.figure is None:  # one row per briefing
            missing.append((chosen.briefing, "several confirmed"
                            if finding.status == SEVERAL_CONFIRMED else "several candidates"))
            continue
        label = chosen.label or _title(library, chosen.briefing)
        for fig in finding.figures:
            fid = qualify(chosen.briefing, fig.id) if qualified else fig.id
            if not pack.has_figure(fid):
                continue
            row = label
            if spec.kind == "timeline" and len(finding.figures) > 1:
                row = Text(zh=f"{label.zh}（{fig.period}）", en=f"{label.get('en')} ({fig.period})")
            if finding.status == CANDIDATE:
                unconfirmed.append(chosen.briefing)
                row = Text(zh=row.zh + UNCONFIRMED, en=row.get("en") + UNCONFIRMED)
            entries.append(ComparisonEntry(figure=fid, label=row))
    if not entries:
        return None
    return Comparison(id=spec.id, title=spec.title, kind=spec.kind, entries=tuple(entries),
                      note=_note(spec.note, unconfirmed, missing))


def _title(library: Library, briefing: str) -> Text:
    title = library.entry(briefing).title
    return title if is_translated(title) else Text(zh=title.zh)


_WHY = {"no figure": ("无对应指标", "no figure for it"),
        "several candidates": ("有多个候选指标且均未确认", "several candidates, none confirmed"),
        "several confirmed": ("确认了多个指标", "several figures confirmed"),
        "not in the library": ("不在文库中", "not in the library"),
        "does not load": ("无法载入，见 briefing library validate",
                          "does not load: see briefing library validate")}


def _note(own: Text | None, unconfirmed: list[str], missing: list[tuple[str, str]]
          ) -> Text | None:
    zh: list[str] = [own.zh] if own else []
    en: list[str] = [own.get("en")] if own else []
    if unconfirmed:
        names = ", ".join(dict.fromkeys(unconfirmed))
        zh.append(f"*：按指标短语找到、尚未确认（briefing indicator --confirm）：{names}。")
        en.append(f"*: found by the indicator's phrases, not yet confirmed "
                  f"(briefing indicator --confirm): {names}.")
    if missing:
        zh.append("未列入：" + "；".join(f"{b}（{_WHY[why][0]}）" for b, why in missing) + "。")
        en.append("Left out: " + "; ".join(f"{b} ({_WHY[why][1]})" for b, why in missing)
                  + ".")
    return Text(zh=" ".join(zh), en=" ".join(en)) if zh else None
