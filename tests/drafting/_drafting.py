"""The drafting tests' documents: made-up reports in the style of real ones, and the bundled
seeds (a module of its own: every test folder has a ``conftest``)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCUMENTS = HERE / "documents"
REPORTS = sorted(DOCUMENTS.glob("*.txt"))
SEEDS = sorted((HERE.parent.parent / "seeds").glob("*.txt"))
sys.path.insert(0, str(HERE.parent / "documents"))  # the document tests' format writers
