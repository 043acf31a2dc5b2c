"""The text of a drafted pack's files: the manifest (commented, as ``briefing init`` writes
one), a YAML file per section, the coverage ignore list and an empty comparisons list.

Mappings of text (a title, a label, a source) are written on one line, as the guide writes
them, by the authoring YAML writer (:mod:`briefing.authoring.yaml_out`, which ``stub`` uses).
"""

from __future__ import annotations

from briefing.authoring.document_files import KeptDocument, entry_text
from briefing.authoring.reader import UnitGuess
from briefing.authoring.yaml_out import dump, flow

#: Hedges the number reader finds beyond the built-in ones, as ``briefing init`` declares them.
HEDGES = "hedges: {逾: above, 突破: above, 接近: below}"
IGNORE_FILE = "coverage-ignore.yaml"


def section_text(node: dict, source: str) -> str:
    return (f"# Drafted by 'briefing draft' from {source}: Chinese verbatim; English to\n"
            "# translate (until then English output shows the Chinese marked [zh]).\n"
            + dump(node))


def ignore_text(entries: list[dict]) -> str:
    return ("# Numbers of the documents that are not figures, each with its reason "
            "('briefing coverage' skips them).\n" + dump(entries))


def _unit_line(unit: UnitGuess) -> str:
    names = {"zh": unit.zh, "en": unit.en}
    if unit.singular:
        names["singular"] = unit.singular
    return f"  {unit.id}: {flow(names)}"


def manifest_text(pack_id: str, title: str, entries: list[tuple[str, KeptDocument, dict]],
                  units: list[UnitGuess], sections: list[str], ignore: bool,
                  year: str) -> str:
    """The manifest: ``entries`` are (id, document, its front: title, publisher, date)."""
    documents = "".join(entry_text(doc_id, kept, year, **front)
                        for doc_id, kept, front in entries)
    units_block = ("units:                      # unit id: {zh: measure word, en: plural, "
                   "singular: one}\n" + "\n".join(_unit_line(u) for u in units)
                   if units else "units: {}")
    listed = "\n".join(f"  - {section}" for section in sections)
    ignore_line = f"coverage_ignore: {IGNORE_FILE}\n" if ignore else ""
    return f"""\
# Drafted by 'briefing draft': sections and items follow the documents' headings, their text
# is the documents' own (Chinese), every figure quotes the sentence it is in. English waits
# for a translator: 'briefing status' counts what is left. See docs/writing-a-briefing.md.
id: {pack_id}
title: {flow({'zh': title})}

documents:
{documents}
{units_block}

# Hedge words beyond the built-in ones, with what they mean (above, about, below, at-least).
{HEDGES}

{ignore_line}sections:
{listed}

comparisons: comparisons.yaml
"""


COMPARISONS = """\
# Curated comparisons (peers, ratio, progress, ranking, timeline); see the guide.
[]
"""
