"""A library's briefings as one pack: every command, the export and search read it as they
read any pack.

Each briefing becomes a top-level node (its title, its documents in its text) with its own
sections beneath, and every id of it is qualified (``lanjiang-2026:targets-2026``), so ids
stay unique and say where they come from; its documents too (one Sources list cites each
briefing's documents apart). Units, scopes and hedges are shared where two packs define them
alike; a unit two packs define differently is qualified for the second. The library's own
comparisons (declared from indicators) are added last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from briefing.library.catalog import Entry, Library
from briefing.library.indicators import labelled
from briefing.library.qualified import qualify
from briefing.model import (
    Baseline,
    Comparison,
    ComparisonEntry,
    Document,
    Figure,
    Hedge,
    Node,
    Pack,
    Scope,
    Source,
    Text,
    Unit,
)

#: Units the formatter reads by their id ("percent" prints "%"): never renamed in a merge.
FORMATTED_UNITS = frozenset({"yuan", "percent", "rank", "ratio", "tier", "times"})


def library_pack(library: Library) -> Pack:
    """The library as one pack: its single briefing as it is (ids unqualified, with the
    library's comparisons), else every briefing merged (:func:`merged_pack`)."""
    from briefing.library.cross import cross_comparisons

    single = library.single
    if single is None:
        return merged_pack(library)
    pack = library.pack(single.id)
    if not library.spec.comparisons:
        return pack
    extra = tuple(cross_comparisons(library, pack, qualified=False))
    return replace(pack, comparisons=pack.comparisons + extra, digest=library.pack_digest)


def merged_pack(library: Library, briefings: Iterable[str] | None = None) -> Pack:
    """The briefings named (else all) merged into one pack with qualified ids, with the
    library's comparisons over them. Only the whole library's has a digest (for its search
    store)."""
    from briefing.library.cross import cross_comparisons
    from briefing.pack import PackInvalid

    chosen = library.ids() if briefings is None else [b for b in briefings if library.has(b)]
    merger = _Merger(library)
    for briefing in chosen:
        try:
            merger.add(library.pack(briefing))
        except (PackInvalid, OSError) as exc:  # broken since the library was listed
            first = exc.errors[0] if isinstance(exc, PackInvalid) and exc.errors else exc
            library.failed[briefing] = str(first)
    pack = merger.pack(digest=library.digest if briefings is None else "")
    if library.spec.comparisons:
        extra = tuple(cross_comparisons(library, pack, qualified=True))
        pack = replace(pack, comparisons=pack.comparisons + extra)
    return pack


def opened_pack(library: Library, opened: Iterable[str]) -> Pack:
    """The library's pack as the app holds it: the ``opened`` briefings in full, every other
    one a top-level node with its title and documents only (from its summary), and the
    library's comparisons whose briefings are all open."""
    from briefing.library.cross import cross_comparisons

    opened = set(opened)
    merger = _Merger(library)
    for briefing in library.ids():
        if briefing in opened:
            merger.add(library.pack(briefing))
        else:
            merger.add_unopened(library.entry(briefing))
    pack = merger.pack(digest="")
    extra = tuple(cross_comparisons(library, pack, qualified=True, among=opened))
    return replace(pack, comparisons=pack.comparisons + extra) if extra else pack


class _Merger:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.indicators = {i.id: i for i in library.spec.indicators}
        self.units: dict[str, Unit] = {}
        self.scopes: dict[str, Scope] = {}
        self.hedges: dict[str, Hedge] = {}
        self.glossary: dict[tuple[str, ...], None] = {}
        self.documents: list[Document] = []
        self.briefings: list[Node] = []
        self.comparisons: list[Comparison] = []

    def add(self, pack: Pack) -> None:
        b = pack.id
        unit_ids = {u.id: self._unit(b, u) for u in pack.units}
        for scope in pack.scopes:
            self.scopes.setdefault(scope.id, scope)
        for hedge in pack.hedges:
            self.hedges.setdefault(hedge.word, hedge)
        self.glossary.update(dict.fromkeys(pack.glossary))
        self.documents.extend(replace(d, id=qualify(b, d.id)) for d in pack.documents)
        sections = tuple(self._node(b, s, unit_ids, parent=b) for s in pack.sections)
        self.briefings.append(Node(id=b, title=pack.title, text=_about(pack), section_id=b,
                                   parent_id=None, depth=0, children=sections))
        self.comparisons.extend(self._comparison(b, c) for c in pack.comparisons)

    def add_unopened(self, entry: Entry) -> None:
        """A briefing not loaded: its node only, its text saying what it reads."""
        self.briefings.append(Node(id=entry.id, title=entry.title,
                                   text=_about_documents(entry.documents), section_id=entry.id,
                                   parent_id=None, depth=0))

    def _unit(self, briefing: str, unit: Unit) -> str:
        held = self.units.get(unit.id)
        if held is None or held == unit or unit.id in FORMATTED_UNITS:
            self.units.setdefault(unit.id, unit)
            return unit.id
        own = qualify(briefing, unit.id)
        self.units[own] = replace(unit, id=own)
        return own

    def _node(self, b: str, node: Node, units: dict[str, str], parent: str) -> Node:
        q = qualify(b, node.id)
        return Node(id=q, title=node.title, text=node.text, section_id=b, parent_id=parent,
                    depth=node.depth + 1,
                    children=tuple(self._node(b, c, units, q) for c in node.children),
                    figures=tuple(self._figure(b, f, units, q) for f in node.figures),
                    sources=tuple(_source(b, s) for s in node.sources),
                    see_also=tuple(qualify(b, ref) for ref in node.see_also))

    def _figure(self, b: str, fig: Figure, units: dict[str, str], node_id: str) -> Figure:
        fig = labelled(fig, self.indicators)
        return replace(fig, id=qualify(b, fig.id), unit=units.get(fig.unit, fig.unit),
                       source=_source(b, fig.source), node_id=node_id, section_id=b)

    def _comparison(self, b: str, comparison: Comparison) -> Comparison:
        baseline = comparison.baseline
        if baseline is not None and baseline.figure:
            baseline = Baseline(label=baseline.label, figure=qualify(b, baseline.figure))
        entries = tuple(ComparisonEntry(
            figure=qualify(b, e.figure), label=e.label,
            target=qualify(b, e.target) if e.target else None,
            like_for_like=e.like_for_like, note=e.note) for e in comparison.entries)
        return replace(comparison, id=qualify(b, comparison.id), entries=entries,
                       section_id=qualify(b, comparison.section_id)
                       if comparison.section_id else b, baseline=baseline)

    def pack(self, digest: str) -> Pack:
        library = self.library
        return Pack(id=library.id, title=library.title,
                    root=library.root or library.entries[0].path,
                    documents=tuple(self.documents), units=tuple(self.units.values()),
                    sections=tuple(self.briefings), comparisons=tuple(self.comparisons),
                    digest=digest, glossary=tuple(self.glossary),
                    scopes=tuple(self.scopes.values()), hedges=tuple(self.hedges.values()))


def _source(briefing: str, source: Source) -> Source:
    return Source(doc=qualify(briefing, source.doc), quote=source.quote)


def _about(pack: Pack) -> Text:
    """A briefing node's text: the documents it reads, each with its publisher and date."""
    return _about_documents(pack.documents)


def _about_documents(documents) -> Text:
    zh = "；".join(f"《{d.title.zh}》（{d.publisher.zh}，{d.date}）" for d in documents)
    en = "; ".join(f"{d.title.get('en')} ({d.publisher.get('en')}, {d.date})" for d in documents)
    return Text(zh=f"文件：{zh}。", en=f"Documents: {en}.")
