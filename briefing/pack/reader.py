"""What every part of a pack load shares: the problem list, the files read, the ids claimed.

:class:`PackBuilder` (in :mod:`briefing.pack.loader`) combines the manifest, section and
comparison readers, each a subclass of :class:`ReaderBase` in its own module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.figures.vocabulary import BUILTIN_HEDGES, BUILTIN_SCOPES
from briefing.model import Document, Hedge, Scope, Unit
from briefing.pack.checker import Checker, inside, path_problem
from briefing.pack.yamlio import YamlProblem, read_yaml


class ReaderBase:
    """State shared by the readers of one pack load."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.check = Checker(root)
        self.doc_texts: dict[str, str] = {}
        self.documents: list[Document] = []
        self.units: dict[str, Unit] = {}
        self.seen_ids: dict[str, str] = {}
        self.declared_docs: set[str] = set()
        self.figure_ids: set[str] = set()  # every figure id written, valid or not
        # what figures may say: built-in words plus the manifest's own
        self.scopes: dict[str, Scope] = {s.id: s for s in BUILTIN_SCOPES}
        self.hedges: dict[str, Hedge] = {h.word: h for h in BUILTIN_HEDGES}
        self.declared_scopes: list[Scope] = []
        self.declared_hedges: list[Hedge] = []
        self.rules: list = []  # briefing.pack.rules.Rule
        # (file, line, the node as messages name it, referenced id) of every see_also, checked
        # once all ids exist
        self.see_also_refs: list[tuple[str, int | None, str, str]] = []

    def load(self, name: str) -> Any:
        """Parse one pack file; None (with the problem recorded) when it cannot be read."""
        self.check.file = name
        path = self.root / name
        try:
            is_file = path.is_file()
            exists = is_file or path.exists() or path.is_symlink()
            resolved = path.resolve()
        except (OSError, RuntimeError) as exc:  # a name too long, a symlink loop (RuntimeError)
            self.check.error(None, f"cannot be read: {path_problem(exc)}")
            return None
        if not is_file:
            self.check.error(None, "not a regular file" if exists else "file not found")
            return None
        if not inside(resolved, self.root.resolve()):
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
        """Record ``ident`` as used here; a second use anywhere in the pack is a problem."""
        where = f"{self.check.file}:{line}"
        if ident in self.seen_ids:
            first = self.seen_ids[ident]
            self.check.error(line, f"duplicate id '{ident}' (first defined at {first})")
            return False
        self.seen_ids[ident] = where
        return True
