"""Build a :class:`~briefing.model.Pack` from a pack directory, reporting every problem at once.

A pack directory holds ``manifest.yaml`` (documents, units, section order), one
``sections/<id>.yaml`` per top-level section, and ``comparisons.yaml``. Source documents live
inside the pack or in a ``seeds/`` folder beside it; nothing else is read.
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefing.model import (
    COMPARISON_KINDS,
    FIGURE_KINDS,
    SCOPES,
    Comparison,
    ComparisonEntry,
    Document,
    Figure,
    Node,
    Pack,
    Source,
    Text,
    Unit,
)
from briefing.numbers import QUALIFIERS, parse_display
from briefing.pack.errors import PackError, PackInvalid
from briefing.pack.yamlio import MAX_FILE_BYTES, LineDict, YamlProblem, read_yaml

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
PERIOD_RE = re.compile(r"^\d{4}(-\d{2})?$")
_SURROGATE = re.compile("[\ud800-\udfff]")
ACTION_PLANS = "action-plans"
ACTION_PLAN_COUNT = 5
MAX_DEPTH = 6

MANIFEST_FIELDS = {"id", "title", "documents", "units", "sections", "comparisons"}
DOCUMENT_FIELDS = {"id", "file", "title", "publisher", "date", "sha256"}
NODE_FIELDS = {"id", "title", "text", "source", "figures", "items"}
FIGURE_FIELDS = {"id", "label", "value", "unit", "display", "period", "kind", "qualifier",
                 "scope", "note", "source"}
COMPARISON_FIELDS = {"id", "title", "kind", "entries", "note", "section"}
ENTRY_FIELDS = {"figure", "label", "target"}


class _Checker:
    """Collects problems while walking loosely-typed YAML data into model objects."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.errors: list[PackError] = []
        self.file = ""

    def error(self, line: int | None, message: str) -> None:
        self.errors.append(PackError(self.file, line, message))

    # -- field helpers -----------------------------------------------------------------------
    def fields(self, data: Any, allowed: set[str], what: str, line: int) -> LineDict | None:
        if not isinstance(data, dict):
            self.error(line, f"{what} must be a mapping, got {_type_name(data)}")
            return None
        for key in data:
            if key not in allowed:
                tip = did_you_mean(str(key), sorted(allowed))
                self.error(_line(data, key), f"unknown field '{key}' in {what}{tip}")
        return data

    def present(self, data: LineDict, key: str, what: str, required: bool = True) -> bool:
        """Whether ``data`` has a value for ``key``; a missing required one is reported."""
        if data.get(key) is not None:
            return True
        if required:
            self.error(data.line, f"{what} is missing required field '{key}'")
        return False

    def string(self, data: LineDict, key: str, what: str, required: bool = True) -> str | None:
        if not self.present(data, key, what, required):
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(_line(data, key),
                       f"'{key}' of {what} must be text, got {_type_name(value)}")
            return None
        text = str(value)
        if _SURROGATE.search(text):  # only a "\\ud800"-style escape can make one
            self.error(_line(data, key), f"'{key}' of {what} holds an unpaired surrogate "
                                         "(\\uD800-\\uDFFF), which is not text")
            return None
        if not text.strip():
            self.error(_line(data, key), f"'{key}' of {what} is empty")
            return None
        return text

    def ident(self, data: LineDict, what: str) -> str | None:
        value = self.string(data, "id", what)
        if value is not None and not ID_RE.match(value):
            self.error(_line(data, "id"), f"id '{value}' must be lowercase letters, digits and '-'")
            return None
        return value

    def text(self, data: LineDict, key: str, what: str, required: bool = True) -> Text | None:
        if not self.present(data, key, what, required):
            return None
        value = data[key]
        where = f"'{key}' of {what}"
        inner = self.fields(value, {"zh", "en"}, where, _line(data, key))
        if inner is None:
            return None
        zh = self.string(inner, "zh", where)
        en = self.string(inner, "en", where)
        return Text(zh=zh, en=en) if zh and en else None

    def number(self, data: LineDict, key: str, what: str) -> float | None:
        if not self.present(data, key, what):
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(_line(data, key),
                       f"'{key}' of {what} must be a number, got {_type_name(value)}")
            return None
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an integer too large for a float
            finite = False
        if not finite:
            self.error(_line(data, key), f"'{key}' of {what} must be finite")
            return None
        return float(value)

    def choice(self, data: LineDict, key: str, what: str, options: tuple[str, ...],
               required: bool = True) -> str | None:
        value = self.string(data, key, what, required)
        if value is not None and value not in options:
            tip = did_you_mean(value, options)
            self.error(_line(data, key),
                       f"'{key}' of {what} must be one of {', '.join(options)}; got '{value}'{tip}")
            return None
        return value

    def items(self, data: LineDict, key: str, what: str, required: bool = True) -> list:
        if not self.present(data, key, what, required):
            return []
        value = data[key]
        if not isinstance(value, list):
            self.error(_line(data, key),
                       f"'{key}' of {what} must be a list, got {_type_name(value)}")
            return []
        return value


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest option, or nothing when none is close."""
    hint = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean '{hint[0]}'?)" if hint else ""


def _line(data: Any, key: str) -> int:
    return data.line_of(key) if isinstance(data, LineDict) else 0


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


class _PackBuilder:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.check = _Checker(root)
        self.doc_texts: dict[str, str] = {}
        self.documents: list[Document] = []
        self.units: dict[str, Unit] = {}
        self.seen_ids: dict[str, str] = {}
        self.declared_docs: set[str] = set()

    # -- files ---------------------------------------------------------------------------------
    def load(self, name: str) -> Any:
        self.check.file = name
        path = self.root / name
        if not path.is_file():
            exists = path.exists() or path.is_symlink()
            self.check.error(None, "not a regular file" if exists else "file not found")
            return None
        if not _inside(path.resolve(), self.root.resolve()):
            self.check.error(None, "file is a link pointing outside the pack; refused")
            return None
        try:
            data = read_yaml(path)
        except YamlProblem as problem:
            self.check.error(problem.line, problem.message)
            return None
        if data is None:
            self.check.error(None, "file is empty")
        return data

    def claim_id(self, ident: str, line: int) -> bool:
        where = f"{self.check.file}:{line}"
        if ident in self.seen_ids:
            first = self.seen_ids[ident]
            self.check.error(line, f"duplicate id '{ident}' (first defined at {first})")
            return False
        self.seen_ids[ident] = where
        return True

    # -- manifest ------------------------------------------------------------------------------
    def manifest(self) -> tuple[str, Text, list[str], str] | None:
        data = self.load("manifest.yaml")
        if data is None:
            return None
        c = self.check
        data = c.fields(data, MANIFEST_FIELDS, "the manifest", 1)
        if data is None:
            return None
        pack_id = c.ident(data, "the manifest") or "pack"
        title = c.text(data, "title", "the manifest") or Text(zh=pack_id, en=pack_id)
        for raw in c.items(data, "documents", "the manifest"):
            self.document(raw, getattr(data.get("documents"), "line", data.line))
        units = data.get("units")
        if not isinstance(units, dict):
            c.error(_line(data, "units"), "'units' of the manifest must be a mapping of unit ids")
        else:
            for unit_id, label in units.items():
                fake = LineDict({"label": label})
                fake.line = units.line_of(unit_id)
                fake.key_lines = {"label": fake.line}
                text = c.text(fake, "label", f"unit '{unit_id}'")
                if text:
                    self.units[str(unit_id)] = Unit(id=str(unit_id), label=text)
        sections = []
        for raw in c.items(data, "sections", "the manifest"):
            if isinstance(raw, str) and ID_RE.match(raw):
                sections.append(raw)
            else:
                c.error(_line(data, "sections"), f"section entry {raw!r} must be a section id")
        comparisons = c.string(data, "comparisons", "the manifest", required=False)
        if comparisons and (Path(comparisons).is_absolute() or ".." in Path(comparisons).parts):
            c.error(_line(data, "comparisons"),
                    f"comparisons file '{comparisons}' must be a path inside the pack")
            comparisons = None
        return pack_id, title, sections, comparisons or ""

    def document(self, raw: Any, line: int) -> None:
        c = self.check
        data = c.fields(raw, DOCUMENT_FIELDS, "a document", line)
        if data is None:
            return
        doc_id = c.ident(data, "a document")
        if doc_id:
            self.declared_docs.add(doc_id)
        file = c.string(data, "file", f"document '{doc_id}'")
        title = c.text(data, "title", f"document '{doc_id}'")
        publisher = c.text(data, "publisher", f"document '{doc_id}'")
        date = c.string(data, "date", f"document '{doc_id}'")
        sha = c.string(data, "sha256", f"document '{doc_id}'")
        if not (doc_id and file and title and publisher and date and sha):
            return
        if not self.claim_id(doc_id, data.line):
            return
        path = self.safe_document_path(file, _line(data, "file"))
        if path is None:
            return
        try:
            with path.open("rb") as handle:
                raw_bytes = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            c.error(_line(data, "file"), f"cannot read document '{file}': {exc.strerror or exc}")
            return
        if len(raw_bytes) > MAX_FILE_BYTES:
            c.error(_line(data, "file"), f"document '{file}' is over {MAX_FILE_BYTES:,} bytes, "
                                         "the limit for pack files")
            return
        digest = hashlib.sha256(raw_bytes).hexdigest()
        if digest != sha.lower():
            c.error(_line(data, "sha256"),
                    f"sha256 of '{file}' is {digest}, manifest says {sha}: the seed was changed")
        try:
            self.doc_texts[doc_id] = raw_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            c.error(_line(data, "file"), f"document '{file}' is not UTF-8 (offset {exc.start})")
            return
        self.documents.append(Document(id=doc_id, title=title, publisher=publisher, date=date,
                                       sha256=digest, path=path))

    def safe_document_path(self, file: str, line: int) -> Path | None:
        """Documents may live in the pack or in a ``seeds/`` folder beside it, nowhere else."""
        c = self.check
        if Path(file).is_absolute():
            c.error(line, f"document path '{file}' is absolute; use a path relative to the pack")
            return None
        root = self.root.resolve()
        allowed = (root, (root.parent / "seeds").resolve())
        path = (self.root / file).resolve()
        if not any(_inside(path, base) for base in allowed):
            c.error(line, f"document path '{file}' points outside the pack and its seeds/ folder")
            return None
        if not path.is_file():
            c.error(line, f"document '{file}' not found")
            return None
        return path

    # -- sections ------------------------------------------------------------------------------
    def section(self, section_id: str) -> Node | None:
        data = self.load(f"sections/{section_id}.yaml")
        if data is None:
            return None
        node = self.node(data, 1, section_id=None, parent_id=None, depth=0)
        if node and node.id != section_id:
            self.check.error(_line(data, "id"),
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
        source = self.source(data, label, required=False)
        if node_id is None or not self.claim_id(node_id, _line(data, "id")):
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
        if not (node_id and title and text):
            return None
        return Node(id=node_id, title=title, text=text, section_id=sid, parent_id=parent_id,
                    depth=depth, children=tuple(children), figures=tuple(figures), source=source)

    def source(self, data: LineDict, what: str, required: bool = True) -> Source | None:
        c = self.check
        if "source" not in data:
            if required:
                c.error(data.line, f"{what} is missing required field 'source'")
            return None
        inner = c.fields(data["source"], {"doc", "quote"}, f"'source' of {what}",
                         _line(data, "source"))
        if inner is None:
            return None
        doc = c.string(inner, "doc", f"'source' of {what}")
        quote = c.string(inner, "quote", f"'source' of {what}")
        if not (doc and quote):
            return None
        if doc not in self.doc_texts:
            if doc not in self.declared_docs:
                c.error(_line(inner, "doc"), f"{what} cites unknown document '{doc}'")
            return None
        if quote not in self.doc_texts[doc]:
            c.error(_line(inner, "quote"),
                    f"quote of {what} is not verbatim in document '{doc}': {_clip(quote)}")
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
        scope = c.choice(data, "scope", what, SCOPES, required=False)
        note = c.text(data, "note", what, required=False)
        source = self.source(data, what)
        if unit is not None and unit not in self.units:
            tip = did_you_mean(unit, self.units)
            c.error(_line(data, "unit"), f"{what} uses unknown unit '{unit}'{tip}")
            unit = None
        if period is not None and not PERIOD_RE.match(period):
            c.error(_line(data, "period"), f"period '{period}' of {what} must be YYYY or YYYY-MM")
            period = None
        if qualifier is not None and qualifier not in QUALIFIERS:
            c.error(_line(data, "qualifier"),
                    f"qualifier '{qualifier}' of {what} must be one of {', '.join(QUALIFIERS)}")
            qualifier = None
        if source and display and display not in source.quote:
            c.error(_line(data, "display"),
                    f"display '{display}' of {what} does not appear in its quote")
        if source and qualifier and qualifier not in source.quote:
            c.error(_line(data, "qualifier"),
                    f"qualifier '{qualifier}' of {what} does not appear in its quote")
        if display is not None and value is not None:
            parsed = parse_display(display)
            if parsed is None:
                c.error(_line(data, "display"), f"display '{display}' of {what} holds no number")
            elif not math.isclose(parsed, value, rel_tol=1e-9, abs_tol=1e-12):
                c.error(_line(data, "value"),
                        f"value {value:g} of {what} does not match its display '{display}' "
                        f"(which reads as {parsed:g})")
        if fig_id is None or not self.claim_id(fig_id, _line(data, "id")):
            return None
        if None in (label, value, unit, display, period, kind, source) or not node_id:
            return None
        return Figure(id=fig_id, label=label, value=value, unit=unit, display=display,
                      period=period, kind=kind, source=source, node_id=node_id,
                      section_id=section_id, qualifier=qualifier, scope=scope, note=note)

    # -- comparisons ---------------------------------------------------------------------------
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
            c.error(_line(data, "section"), f"{what} names unknown section '{section}'")
        entries = []
        for raw_entry in c.items(data, "entries", what):
            entry = c.fields(raw_entry, ENTRY_FIELDS, f"an entry of {what}",
                             getattr(data.get("entries"), "line", data.line))
            if entry is None:
                continue
            fig = c.string(entry, "figure", f"an entry of {what}")
            target = c.string(entry, "target", f"an entry of {what}", required=False)
            label = c.text(entry, "label", f"an entry of {what}", required=False)
            for ref, key in ((fig, "figure"), (target, "target")):
                if ref and ref not in figures:
                    tip = did_you_mean(ref, figures)
                    c.error(_line(entry, key), f"{what} refers to unknown figure '{ref}'{tip}")
            if kind == "progress" and not target:
                c.error(entry.line, f"each entry of progress {what} needs a 'target' figure")
            if fig in figures and (target is None or target in figures):
                entries.append(ComparisonEntry(figure=fig, label=label, target=target))
        if not entries and "entries" in data:
            c.error(_line(data, "entries"), f"{what} has no usable entries")
        if cid is None or not self.claim_id(cid, _line(data, "id")):
            return None
        if not (title and kind and entries):
            return None
        self.comparison_rules(data, what, kind, entries, figures)
        return Comparison(id=cid, title=title, kind=kind, entries=tuple(entries), note=note,
                          section_id=section)

    def comparison_rules(self, data: LineDict, what: str, kind: str,
                         entries: list[ComparisonEntry], figures: dict[str, Figure]) -> None:
        c = self.check
        line = _line(data, "entries")
        figs = [figures[e.figure] for e in entries]
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


def _inside(path: Path, base: Path) -> bool:
    return path == base or base in path.parents


def _clip(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def load_pack(root: Path) -> Pack:
    """Load and validate the pack in ``root``; raise :class:`PackInvalid` listing every problem."""
    root = Path(root)
    if not root.is_dir():
        raise PackInvalid([PackError(str(root), None, "not a content pack directory")])
    builder = _PackBuilder(root)
    head = builder.manifest()
    if head is None:
        raise PackInvalid(builder.check.errors)
    pack_id, title, section_ids, comparisons_file = head
    sections = [s for s in (builder.section(sid) for sid in section_ids) if s]
    c = builder.check
    c.file = "manifest.yaml"
    if len(set(section_ids)) != len(section_ids):
        c.error(None, "the manifest lists a section more than once")
    if ACTION_PLANS not in section_ids:
        c.error(None, f"the pack must have an '{ACTION_PLANS}' section")
    for section in sections:
        if section.id == ACTION_PLANS and len(section.children) != ACTION_PLAN_COUNT:
            c.file = f"sections/{ACTION_PLANS}.yaml"
            c.error(None, f"'{ACTION_PLANS}' must have exactly {ACTION_PLAN_COUNT} plans, "
                          f"found {len(section.children)}")
    figures = {f.id: f for s in sections for f in s.all_figures()}
    nodes = {n.id for s in sections for n in s.walk()}
    comparisons = (builder.comparisons(comparisons_file, figures, nodes)
                   if comparisons_file else [])
    if builder.check.errors:
        raise PackInvalid(builder.check.errors)
    return Pack(id=pack_id, title=title, root=root, documents=tuple(builder.documents),
                units=tuple(builder.units.values()), sections=tuple(sections),
                comparisons=tuple(comparisons))
