"""Build a :class:`~briefing.model.Pack` from a pack directory, reporting every problem at once.

A pack directory holds ``manifest.yaml`` (documents, units, section order), one
``sections/<id>.yaml`` per top-level section, and ``comparisons.yaml``. Source documents live
inside the pack or in a ``seeds/`` folder beside it; nothing else is read.

Each concern has its module: :mod:`~briefing.pack.manifest`, :mod:`~briefing.pack.sections`,
:mod:`~briefing.pack.comparisons_file`; :mod:`~briefing.pack.checker` holds the field readers.
"""

from __future__ import annotations

from pathlib import Path

from briefing.model import Pack
from briefing.pack.checker import did_you_mean, path_problem
from briefing.pack.comparisons_file import ComparisonReader
from briefing.pack.errors import PackError, PackInvalid
from briefing.pack.manifest import ManifestReader
from briefing.pack.rules import enforce
from briefing.pack.sections import SectionReader

__all__ = ["PackBuilder", "did_you_mean", "load_pack"]



class PackBuilder(ManifestReader, SectionReader, ComparisonReader):
    """One pack load: the readers share the problem list, documents, units and claimed ids."""

    def unlisted_sections(self, listed: list[str]) -> None:
        """A file in ``sections/`` the manifest does not list is never loaded: say so."""
        folder = self.root / "sections"
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.yaml")):
            if path.stem not in listed:
                self.check.file = f"sections/{path.name}"
                self.check.error(None, f"this section file is not listed under 'sections' in "
                                       f"manifest.yaml, so it is not loaded (add '{path.stem}' "
                                       "there, or remove the file)")


def load_pack(root: Path) -> Pack:
    """Load and validate the pack in ``root``; raise :class:`PackInvalid` listing every problem.

    A problem in the manifest (a document that cannot be read, a unit without labels) stops
    the load there: every section would otherwise repeat it as follow-on errors.
    """
    root = Path(root)
    try:
        is_dir = root.is_dir()
    except OSError as exc:  # a name too long, a symlink loop
        raise PackInvalid([PackError(str(root), None, f"cannot be read: {path_problem(exc)}")]
                          ) from None
    if not is_dir:
        raise PackInvalid([PackError(str(root), None, "not a content pack directory")])
    builder = PackBuilder(root)
    head = builder.manifest()
    c = builder.check
    if head is None or c.errors:
        c.file = "manifest.yaml"
        if head is not None:
            c.error(None, "sections and comparisons were not checked: fix the manifest first")
        raise PackInvalid(c.errors)
    sections = [s for s in (builder.section(sid) for sid in head.sections) if s]
    c.file = "manifest.yaml"
    if len(set(head.sections)) != len(head.sections):
        c.error(None, "the manifest lists a section more than once")
    builder.unlisted_sections(head.sections)
    nodes = {n.id: n for s in sections for n in s.walk()}
    c.file = "manifest.yaml"
    enforce(c, builder.rules, nodes)
    figures = {f.id: f for s in sections for f in s.all_figures()}
    comparisons = (builder.comparisons(head.comparisons, figures, set(nodes))
                   if head.comparisons else [])
    known = set(nodes) | set(figures) | {cmp.id for cmp in comparisons}
    for file, line, label, ref in builder.see_also_refs:
        if ref not in known:
            c.file = file
            c.error(line, f"'see_also' of {label} names '{ref}', which is not an id in this "
                          f"pack{did_you_mean(ref, known)}")
    if c.errors:
        raise PackInvalid(c.errors)
    return Pack(id=head.id, title=head.title, root=root, documents=tuple(builder.documents),
                units=tuple(builder.units.values()), sections=tuple(sections),
                comparisons=tuple(comparisons), glossary=builder.glossary,
                scopes=tuple(builder.declared_scopes), hedges=tuple(builder.declared_hedges),
                coverage_ignore=head.coverage_ignore)
