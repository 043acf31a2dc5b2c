"""Build a :class:`~briefing.model.Pack` from a pack directory, reporting every problem at once.

A pack directory holds ``manifest.yaml`` (documents, units, section order), one
``sections/<id>.yaml`` per top-level section, and ``comparisons.yaml``. Source documents live
inside the pack or in a ``seeds/`` folder beside it; nothing else is read.

Each concern has its module: :mod:`~briefing.pack.manifest`, :mod:`~briefing.pack.sections`,
:mod:`~briefing.pack.comparisons`; :mod:`~briefing.pack.checker` holds the field readers.
"""

from __future__ import annotations

from pathlib import Path

from briefing.model import Pack
from briefing.pack.checker import did_you_mean
from briefing.pack.comparisons import ComparisonReader
from briefing.pack.errors import PackError, PackInvalid
from briefing.pack.manifest import ManifestReader
from briefing.pack.sections import SectionReader

__all__ = ["PackBuilder", "did_you_mean", "load_pack"]

ACTION_PLANS = "action-plans"
ACTION_PLAN_COUNT = 5


class PackBuilder(ManifestReader, SectionReader, ComparisonReader):
    """One pack load: the readers share the problem list, documents, units and claimed ids."""


def load_pack(root: Path) -> Pack:
    """Load and validate the pack in ``root``; raise :class:`PackInvalid` listing every problem."""
    root = Path(root)
    if not root.is_dir():
        raise PackInvalid([PackError(str(root), None, "not a content pack directory")])
    builder = PackBuilder(root)
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
                comparisons=tuple(comparisons), glossary=builder.glossary)
