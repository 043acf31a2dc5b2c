"""Sections, their nested items, figures and source quotes (``sections/<id>.yaml``)."""

from __future__ import annotations

import math
from typing import Any

from briefing.figures.reading import read_number
from briefing.model import FIGURE_KINDS, UNDATED, Figure, Node, Source
from briefing.pack.checker import ID_RE, clip, did_you_mean, line_of, valid_date
from briefing.pack.quotes import near_miss
from briefing.pack.reader import ReaderBase
from briefing.pack.yamlio import LineDict

MAX_DEPTH = 6
NODE_FIELDS = {"id", "title", "text", "source", "sources", "figures", "items", "see_also"}
FIGURE_FIELDS = {"id", "label", "value", "unit", "display", "period", "kind", "qualifier",
                 "scope", "note", "source", "high", "indicator"}


class SectionReader(ReaderBase):
    """Reads one section file into a tree of :class:`Node` with their :class:`Figure`."""

    def section(self, section_id: str) -> Node | None:
        data = self.load(f"sections/{section_id}.yaml")
        if data is None:
            return None
        node = self.node(data, 1, section_id=None, parent_id=None, depth=0)
        if node and node.id != section_id:
            self.check.error(line_of(data, "id"),
                             f"section id '{node.id}' does not match its file name '{section_id}'")
        return node

    def node(self, raw: Any, line: int, section_id: str | None, parent_id: str | None,
             depth: int) -> Node | None:
        c = self.check
        what = "a section" if parent_id is None else "an item"
        data = c.fields(raw, NODE_FIELDS, what, line)
        if data is None:
            return None
        node_id = c.ident(data, what)
        label = f"{'section' if parent_id is None else 'item'} '{node_id}'"
        title = c.text(data, "title", label)
        text = c.text(data, "text", label)
        sources = self.node_sources(data, label, required=parent_id is not None)  # items cite
        if node_id is None or not self.claim_id(node_id, line_of(data, "id")):
            node_id = None
        sid = section_id or node_id or ""
        if depth >= MAX_DEPTH:
            c.error(data.line, f"{label} is nested deeper than {MAX_DEPTH} levels")
            return None
        figures = []
        for raw_fig in c.items(data, "figures", label, required=False):
            fig = self.figure(raw_fig, getattr(data.get("figures"), "line", data.line),
                              node_id or "", sid)
            if fig:
                figures.append(fig)
        children = []
        for raw_child in c.items(data, "items", label, required=False):
            child = self.node(raw_child, getattr(data.get("items"), "line", data.line), sid,
                              node_id or "", depth + 1)
            if child:
                children.append(child)
        see_also = self.see_also(data, label, node_id)
        if not (node_id and title and text):
            return None
        return Node(id=node_id, title=title, text=text, section_id=sid, parent_id=parent_id,
                    depth=depth, children=tuple(children), figures=tuple(figures),
                    sources=sources, see_also=see_also)

    def see_also(self, data: LineDict, label: str, node_id: str | None) -> tuple[str, ...]:
        """The ids a node points readers to; whether they exist is checked after the load."""
        c = self.check
        refs: list[str] = []
        line = line_of(data, "see_also")
        for ref in c.items(data, "see_also", label, required=False):
            if not isinstance(ref, str) or not ref.strip():
                c.error(line, f"'see_also' of {label} must list ids (strings)")
            elif ref == node_id or ref in refs:
                c.error(line, f"'see_also' of {label} lists '{ref}' "
                              f"{'itself' if ref == node_id else 'twice'}")
            else:
                refs.append(ref)
                self.see_also_refs.append((c.file, line, label, ref))
        return tuple(refs)

    def node_sources(self, data: LineDict, what: str, required: bool) -> tuple[Source, ...]:
        """A node's quotes: one under ``source``, or a list under ``sources`` (a text that
        summarises several sentences, of one document or several, cites each)."""
        c = self.check
        if "sources" not in data:
            one = self.source(data, what, required)
            return (one,) if one else ()
        line = line_of(data, "sources")
        if "source" in data:
            c.error(line, f"{what} has both 'source' and 'sources': give one quote under "
                          "'source' or a list of them under 'sources'")
            return ()
        raw = c.items(data, "sources", what)
        if not raw and isinstance(data["sources"], list):
            c.error(line, f"'sources' of {what} is empty: list at least one quote")
        found: list[Source] = []
        for number, item in enumerate(raw, start=1):
            where = f"quote {number} of 'sources' of {what}"
            source = self.quote(item, getattr(item, "line", line), where, what)
            if source is not None and source in found:
                c.error(getattr(item, "line", line), f"{where} repeats quote "
                                                     f"{found.index(source) + 1}")
            elif source is not None:
                found.append(source)
        return tuple(found)

    def source(self, data: LineDict, what: str, required: bool = True) -> Source | None:
        c = self.check
        if "source" not in data:
            if required:
                c.error(data.line, f"{what} is missing required field 'source'")
            return None
        return self.quote(data["source"], line_of(data, "source"), f"'source' of {what}", what)

    def quote(self, raw: Any, line: int, where: str, what: str) -> Source | None:
        """One ``{doc, quote}`` mapping, its quote verbatim in its document."""
        c = self.check
        inner = c.fields(raw, {"doc", "quote"}, where, line)
        if inner is None:
            return None
        doc = c.string(inner, "doc", where)
        quote = c.string(inner, "quote", where)
        if not (doc and quote):
            return None
        if doc not in self.doc_texts:
            if doc not in self.declared_docs:
                c.error(line_of(inner, "doc"), f"{what} cites unknown document '{doc}'")
            return None
        if quote not in self.doc_texts[doc]:
            noun = where if where.startswith("quote") else f"quote of {what}"
            c.error(line_of(inner, "quote"),
                    f"{noun} is not verbatim in document '{doc}': {clip(quote)}; "
                    + near_miss(quote, self.doc_texts[doc]))
            return None
        text = self.doc_texts[doc]
        again = text.find(quote, text.find(quote) + 1)
        if again >= 0:
            c.error(line_of(inner, "quote"),
                    f"quote of {what} occurs more than once in document '{doc}' (again at "
                    f"line {text.count(chr(10), 0, again) + 1}): {clip(quote)}; widen it "
                    "until it is unique, so it says which place it cites")
            return None
        return Source(doc=doc, quote=quote)

    def figure(self, raw: Any, line: int, node_id: str, section_id: str) -> Figure | None:
        c = self.check
        data = c.fields(raw, FIGURE_FIELDS, "a figure", line)
        if data is None:
            return None
        fig_id = c.ident(data, "a figure")
        what = f"figure '{fig_id}'"
        label = c.text(data, "label", what)
        value = c.number(data, "value", what)
        unit = c.string(data, "unit", what)
        display = c.string(data, "display", what)
        period = c.string(data, "period", what)
        kind = c.choice(data, "kind", what, FIGURE_KINDS)
        qualifier = c.string(data, "qualifier", what, required=False)
        scope = c.choice(data, "scope", what, self.scopes, required=False)
        note = c.text(data, "note", what, required=False)
        indicator = c.string(data, "indicator", what, required=False)
        if indicator is not None and not ID_RE.match(indicator):
            c.error(line_of(data, "indicator"), f"indicator '{indicator}' of {what} must be an "
                                                "indicator id: lowercase letters, digits and '-'")
            indicator = None
        if kind and unit and display:  # a group ("第一方阵") must never read as a place
            if any(word in display for word in ("方阵", "梯队")) and kind != "tier":
                c.error(line_of(data, "kind"), f"{what} words a group ('{display}'), not a "
                                               "place: use kind 'tier' and unit 'tier'")
            elif (kind == "tier") != (unit == "tier"):
                c.error(line_of(data, "unit"), f"{what}: kind 'tier' and unit 'tier' go together")
        source = self.source(data, what)
        if unit is not None and unit not in self.units:
            tip = did_you_mean(unit, self.units)
            c.error(line_of(data, "unit"), f"{what} uses unknown unit '{unit}'{tip}")
            unit = None
        if period is not None and period != UNDATED and not valid_date(period, day=False):
            c.error(line_of(data, "period"),
                    f"period '{period}' of {what} must be YYYY, YYYY-MM (a real month) or "
                    f"'{UNDATED}' (the source gives no year)")
            period = None
        if period == UNDATED and note is None:
            c.error(line_of(data, "period"),
                    f"{what} is undated: its 'note' must say what the source says of the time")
        if qualifier is not None and qualifier not in self.hedges:
            c.error(line_of(data, "qualifier"),
                    f"qualifier '{qualifier}' of {what} must be one of {', '.join(self.hedges)}"
                    " (a manifest may declare more under 'hedges')")
            qualifier = None
        if source and display and display not in source.quote:
            c.error(line_of(data, "display"),
                    f"display '{display}' of {what} does not appear in its quote")
        if source and qualifier and qualifier not in source.quote:
            c.error(line_of(data, "qualifier"),
                    f"qualifier '{qualifier}' of {what} does not appear in its quote")
        high = c.number(data, "high", what) if data.get("high") is not None else None
        if display is not None and value is not None:
            self.check_reading(data, what, display, value, high, unit)
        if fig_id is not None:
            self.figure_ids.add(fig_id)
        if fig_id is None or not self.claim_id(fig_id, line_of(data, "id")):
            return None
        if None in (label, value, unit, display, period, kind, source) or not node_id:
            return None
        return Figure(id=fig_id, label=label, value=value, unit=unit, display=display,
                      period=period, kind=kind, source=source, node_id=node_id,
                      section_id=section_id, qualifier=qualifier, scope=scope, note=note,
                      high=high, indicator=indicator)

    def check_reading(self, data: LineDict, what: str, display: str, value: float,
                      high: float | None, unit: str | None) -> None:
        """``value`` (and ``high``, a range's top) must be what ``display`` says, read the way
        the document reader reads it (a range's both ends, a decline's sign)."""
        c = self.check
        reading = read_number(display, unit)
        if reading is None:
            c.error(line_of(data, "display"), f"display '{display}' of {what} holds no number")
            return
        if not _same(reading.value, value):
            c.error(line_of(data, "value"),
                    f"value {value:g} of {what} does not match its display '{display}' "
                    f"(which reads as {reading.value:g})")
        if reading.high is not None and high is None:
            c.error(line_of(data, "display"),
                    f"display '{display}' of {what} is a range: give its top as 'high: "
                    f"{reading.high:g}' ('value' is its low end)")
        elif high is not None and reading.high is None:
            c.error(line_of(data, "high"), f"{what} has 'high' but its display '{display}' "
                                           "is not a range (as in '4.5%—5%')")
        elif high is not None and reading.high is not None and not _same(reading.high, high):
            c.error(line_of(data, "high"),
                    f"high {high:g} of {what} does not match the top of its display "
                    f"'{display}' (which reads as {reading.high:g})")


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
