"""The curated comparisons file: which figures are read side by side, and whether they can be."""

from __future__ import annotations

from typing import Any

from briefing.model import COMPARISON_KINDS, Baseline, Comparison, ComparisonEntry, Figure
from briefing.pack.checker import did_you_mean, line_of
from briefing.pack.reader import ReaderBase
from briefing.pack.yamlio import LineDict

COMPARISON_FIELDS = {"id", "title", "kind", "entries", "note", "section", "baseline"}
BASELINE_FIELDS = {"figure", "label"}
ENTRY_FIELDS = {"figure", "label", "target", "like_for_like", "note"}


class ComparisonReader(ReaderBase):
    """Reads the comparisons file against the figures and nodes already loaded."""

    def comparisons(self, name: str, figures: dict[str, Figure], nodes: set[str]) -> list:
        data = self.load(name)
        if data is None:
            return []
        c = self.check
        if not isinstance(data, list):
            c.error(1, f"{name} must be a list of comparisons")
            return []
        result = []
        for raw in data:
            cmp = self.comparison(raw, getattr(data, "line", 1), figures, nodes)
            if cmp:
                result.append(cmp)
        return result

    def comparison(self, raw: Any, line: int, figures: dict[str, Figure],
                   nodes: set[str]) -> Comparison | None:
        c = self.check
        data = c.fields(raw, COMPARISON_FIELDS, "a comparison", line)
        if data is None:
            return None
        cid = c.ident(data, "a comparison")
        what = f"comparison '{cid}'"
        title = c.text(data, "title", what)
        kind = c.choice(data, "kind", what, COMPARISON_KINDS)
        note = c.text(data, "note", what, required=False)
        section = c.string(data, "section", what, required=False)
        if section and section not in nodes:
            c.error(line_of(data, "section"), f"{what} names unknown section '{section}'")
        entries = []
        for raw_entry in c.items(data, "entries", what):
            entry = c.fields(raw_entry, ENTRY_FIELDS, f"an entry of {what}",
                             getattr(data.get("entries"), "line", data.line))
            if entry is None:
                continue
            fig = c.string(entry, "figure", f"an entry of {what}")
            target = c.string(entry, "target", f"an entry of {what}", required=False)
            label = c.text(entry, "label", f"an entry of {what}", required=False)
            entry_note = c.text(entry, "note", f"an entry of {what}", required=False)
            like = entry.get("like_for_like", True)
            if not isinstance(like, bool):
                c.error(line_of(entry, "like_for_like"),
                        f"'like_for_like' of an entry of {what} must be true or false")
                like = True
            if not like and entry_note is None:
                c.error(entry.line, f"an entry of {what} that is not like for like needs a "
                                    "'note' saying how the two differ")
            for ref, key in ((fig, "figure"), (target, "target")):
                # a figure that exists but is broken has its own message already
                if ref and ref not in figures and ref not in self.figure_ids:
                    tip = did_you_mean(ref, figures)
                    c.error(line_of(entry, key), f"{what} refers to unknown figure '{ref}'{tip}")
            if kind == "progress" and not target:
                c.error(entry.line, f"each entry of progress {what} needs a 'target' figure")
            if fig in figures and (target is None or target in figures):
                entries.append(ComparisonEntry(figure=fig, label=label, target=target,
                                               like_for_like=like, note=entry_note))
        broken = any(e.get("figure") in self.figure_ids - set(figures)
                     for e in data.get("entries") or [] if isinstance(e, dict))
        if not entries and "entries" in data and not broken:
            c.error(line_of(data, "entries"), f"{what} has no usable entries")
        if cid is None or not self.claim_id(cid, line_of(data, "id")):
            return None
        if not (title and kind and entries):
            return None
        self.comparison_rules(data, what, kind, entries, figures)
        baseline = self.baseline(data, what, kind, figures)
        return Comparison(id=cid, title=title, kind=kind, entries=tuple(entries), note=note,
                          section_id=section, baseline=baseline)

    def baseline(self, data: LineDict, what: str, kind: str,
                 figures: dict[str, Figure]) -> Baseline | None:
        """What a ratio comparison's sizes are relative to: ``{label: {zh, en}}`` and/or
        ``{figure: id}`` (the figure's label is used when no label is given)."""
        c = self.check
        if data.get("baseline") is None:
            return None
        if kind != "ratio":
            c.error(line_of(data, "baseline"), f"'baseline' belongs to ratio comparisons; "
                                               f"{what} is {kind}")
            return None
        where = f"'baseline' of {what}"
        inner = c.fields(data["baseline"], BASELINE_FIELDS, where, line_of(data, "baseline"))
        if inner is None:
            return None
        fig = c.string(inner, "figure", where, required=False)
        label = c.text(inner, "label", where, required=False)
        if fig and fig not in figures:
            c.error(line_of(inner, "figure"),
                    f"{where} refers to unknown figure '{fig}'{did_you_mean(fig, figures)}")
            return None
        if fig is None and label is None:
            if "label" not in inner:
                c.error(inner.line, f"{where} needs a 'figure' or a 'label' ({{zh, en}})")
            return None
        return Baseline(label=label or figures[fig].label, figure=fig)

    def comparison_rules(self, data: LineDict, what: str, kind: str,
                         entries: list[ComparisonEntry], figures: dict[str, Figure]) -> None:
        c = self.check
        line = line_of(data, "entries")
        figs = [figures[e.figure] for e in entries]
        if kind in ("timeline", "progress") and any(not f.dated for f in figs):
            undated = ", ".join(f.id for f in figs if not f.dated)
            c.error(line, f"{kind} {what} needs dated figures; undated: {undated}")
        if kind in ("peers", "timeline") and len({f.unit for f in figs}) > 1:
            units = ", ".join(sorted({f.unit for f in figs}))
            c.error(line, f"{kind} {what} mixes units ({units}); they cannot share one scale")
        if kind == "ranking" and any(f.kind != "rank" for f in figs):
            c.error(line, f"ranking {what} may only hold figures of kind 'rank'")
        if kind == "ratio" and any(f.kind != "ratio" for f in figs):
            c.error(line, f"ratio {what} may only hold figures of kind 'ratio'")
        if kind == "progress":
            for e in entries:
                actual, target = figures[e.figure], figures[e.target or e.figure]
                if target.kind != "target":
                    c.error(line, f"progress {what}: '{target.id}' is not a target figure")
                if actual.unit != target.unit:
                    c.error(line, f"progress {what}: '{actual.id}' and '{target.id}' have "
                                  f"different units ({actual.unit}, {target.unit})")
