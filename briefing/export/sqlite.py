"""A library as one SQLite database: plain tables that Datasette, DuckDB, pandas or the
``sqlite3`` shell open as they are (no extension, no custom type, text in UTF-8).

Every id is qualified with its briefing (``lanjiang-2026:gdp-growth-target-2026``), also for
a library of one, and each table keeps the briefing and the pack's own id in columns of their
own. A figure's row carries its verbatim quote and its document, so a number never leaves
its source. The schema is in README.md ("The library as a database").
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from briefing.export.write import ExportError, write_atomic
from briefing.figures.formatting import figure_value
from briefing.figures.vocabulary import hedge_of
from briefing.library import Library
from briefing.library.merge import merged_pack
from briefing.library.qualified import split
from briefing.model import Figure, Node, Pack
from briefing.present.bounds import figure_bound
from briefing.present.comparison_json import bound_kind

SCHEMA = """
CREATE TABLE briefings (
  id TEXT PRIMARY KEY, title_zh TEXT, title_en TEXT, date TEXT, documents INTEGER,
  figures INTEGER, translated REAL, bundled INTEGER, path TEXT);
CREATE TABLE documents (
  id TEXT PRIMARY KEY, briefing TEXT REFERENCES briefings(id), document TEXT,
  title_zh TEXT, title_en TEXT, publisher_zh TEXT, publisher_en TEXT, date TEXT,
  sha256 TEXT, file TEXT);
CREATE TABLE nodes (
  id TEXT PRIMARY KEY, briefing TEXT REFERENCES briefings(id), node TEXT,
  parent TEXT REFERENCES nodes(id), section TEXT REFERENCES nodes(id), depth INTEGER,
  position INTEGER, title_zh TEXT, title_en TEXT, text_zh TEXT, text_en TEXT,
  document TEXT REFERENCES documents(id), quote TEXT);
CREATE TABLE figures (
  id TEXT PRIMARY KEY, briefing TEXT REFERENCES briefings(id), figure TEXT,
  node TEXT REFERENCES nodes(id), section TEXT REFERENCES nodes(id), position INTEGER,
  label_zh TEXT, label_en TEXT, value REAL, high REAL, unit TEXT, unit_zh TEXT, unit_en TEXT,
  display TEXT, value_en TEXT, bound TEXT, period TEXT, kind TEXT, qualifier TEXT, hedge TEXT,
  scope TEXT, indicator TEXT REFERENCES indicators(id), note_zh TEXT, note_en TEXT,
  document TEXT REFERENCES documents(id), quote TEXT);
CREATE TABLE indicators (
  id TEXT PRIMARY KEY, name_zh TEXT, name_en TEXT, unit TEXT, phrases TEXT);
CREATE TABLE comparisons (
  id TEXT PRIMARY KEY, briefing TEXT REFERENCES briefings(id), kind TEXT, title_zh TEXT,
  title_en TEXT, note_zh TEXT, note_en TEXT, unit TEXT, indicator TEXT);
CREATE TABLE comparison_rows (
  comparison TEXT REFERENCES comparisons(id), position INTEGER, label_zh TEXT,
  label_en TEXT, figure TEXT REFERENCES figures(id), briefing TEXT, value REAL,
  bound TEXT, display TEXT, target TEXT REFERENCES figures(id), target_value REAL,
  target_bound TEXT, progress_percent REAL, progress_bound TEXT, gap REAL, gap_bound TEXT,
  delta REAL, delta_bound TEXT, like_for_like INTEGER, note_zh TEXT, note_en TEXT,
  PRIMARY KEY (comparison, position));
CREATE INDEX figures_by_indicator ON figures(indicator, period, kind);
CREATE INDEX figures_by_briefing ON figures(briefing);
"""


def write_database(library: Library, output: Path, force: bool = False) -> dict[str, int]:
    """Write the library to ``output`` (atomically; never over a file without ``force``);
    returns the rows written per table. Raises :class:`ExportError`."""
    if not library.ids():
        raise ExportError("the library holds no briefing that opens; nothing to write")
    pack = merged_pack(library)
    counts: dict[str, int] = {}

    def fill(path: Path) -> None:
        path.unlink()  # an empty file is not a database to sqlite3.connect
        db = sqlite3.connect(path)
        try:
            db.executescript(SCHEMA)
            counts.update(_fill(db, library, pack))
            db.commit()
        finally:
            db.close()

    try:
        write_atomic(output, fill, force)
    except sqlite3.Error as exc:
        raise ExportError(f"cannot write {output}: {exc}") from None
    return counts


def _fill(db: sqlite3.Connection, library: Library, pack: Pack) -> dict[str, int]:
    rows = {
        "briefings": [(e.id, e.title.zh, e.title.en, e.date, len(e.documents),
                       e.summary.figures if e.summary else 0, round(e.translated, 4),
                       int(e.bundled), str(e.path)) for e in library.entries if e.ok],
        "documents": [(d.id, split(d.id)[0], split(d.id)[1], d.title.zh, d.title.en,
                       d.publisher.zh, d.publisher.en, d.date, d.sha256, d.path.name)
                      for d in pack.documents],
        "nodes": [],
        "figures": [],
        "indicators": [(i.id, i.name.zh, i.name.en, i.unit,
                        json.dumps(list(i.phrases), ensure_ascii=False))
                       for i in library.spec.indicators],
        "comparisons": [],
        "comparison_rows": [],
    }
    for briefing in pack.sections:
        for position, node in enumerate(briefing.walk()):
            if node is briefing:
                continue
            rows["nodes"].append(_node_row(pack, node, position))
            for number, fig in enumerate(node.figures):
                rows["figures"].append(_figure_row(pack, fig, number))
    _comparison_rows(pack, library, rows)
    for table, data in rows.items():
        if data:
            marks = ",".join("?" * len(data[0]))
            db.executemany(f"INSERT INTO {table} VALUES ({marks})", data)
    return {table: len(data) for table, data in rows.items()}


def _node_row(pack: Pack, node: Node, position: int) -> tuple:
    return (node.id, node.section_id, split(node.id)[1],
            node.parent_id if node.depth > 1 else None, _section(pack, node.id),
            node.depth - 1, position, node.title.zh, node.title.en, node.text.zh,
            node.text.en, node.source.doc if node.source else None,
            node.source.quote if node.source else None)


def _section(pack: Pack, node_id: str) -> str:
    """The pack's own section a node is in (the briefing is the merged pack's top level)."""
    node = pack.node(node_id)
    while node.depth > 1 and node.parent_id:
        node = pack.node(node.parent_id)
    return node.id


def _figure_row(pack: Pack, fig: Figure, position: int) -> tuple:
    unit = pack.unit(fig.unit)
    hedge = hedge_of(fig.qualifier, pack)
    return (fig.id, fig.section_id, split(fig.id)[1], fig.node_id,
            _section(pack, fig.node_id), position, fig.label.zh, fig.label.en, fig.value,
            fig.high, split(fig.unit)[1], unit.label.zh, unit.label.en, fig.display,
            figure_value(pack, fig, "en"), bound_kind(figure_bound(pack, fig)), fig.period,
            fig.kind, fig.qualifier,
            hedge.meaning if hedge else None, fig.scope, fig.indicator,
            fig.note.zh if fig.note else None, fig.note.en if fig.note else None,
            fig.source.doc, fig.source.quote)


def _comparison_rows(pack: Pack, library: Library, rows: dict[str, list]) -> None:
    """Each comparison's rows as its JSON says them (:mod:`briefing.present.comparison_json`):
    a derived number the sources cannot support is NULL, and each comes with its kind
    (exact, approximate, at-least, at-most, range, unclear)."""
    from briefing.present.comparison_json import view_to_dict
    from briefing.present.comparison_rows import build

    declared = {c.id: c for c in library.spec.comparisons}
    for comparison in pack.comparisons:
        data = view_to_dict(pack, build(pack, comparison))
        spec = declared.get(comparison.id)
        note = data["note"] or {}
        rows["comparisons"].append((
            comparison.id, split(comparison.id)[0] if spec is None else None, data["kind"],
            data["title"]["zh"], data["title"]["en"], note.get("zh"), note.get("en"),
            data["unit"], spec.indicator if spec else None))
        for position, row in enumerate(data["rows"]):
            own = row.get("row_note") or {}
            rows["comparison_rows"].append((
                comparison.id, position, row["label"]["zh"], row["label"]["en"],
                row["figure"], split(row["figure"])[0] if row["figure"] else None,
                row["value"], row["bound"], row["display"], row["target"],
                row["target_value"], row.get("target_bound"), row["progress_percent"],
                row.get("progress_bound"), row.get("gap"), row.get("gap_bound"), row["delta"],
                row.get("delta_bound"), int(row["like_for_like"]), own.get("zh"),
                own.get("en")))
