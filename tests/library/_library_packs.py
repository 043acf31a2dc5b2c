"""The six test packs of made-up provincial government work reports (``packs/``)."""

from __future__ import annotations

from pathlib import Path

PACKS = Path(__file__).resolve().parent / "packs"
BRIEFINGS = ["daibei-2025", "daibei-2026", "lanjiang-2025", "lanjiang-2026", "nanyu-2025",
             "nanyu-2026"]
