"""Pinyin for ids: each character's first reading, without tones (幼儿园 -> you er yuan).

``import pypinyin`` reads its phrase table as well as its character table (about 0.8 s), to
read each 多音字 in its word; an id needs neither the time nor the precision, so the
character table is read alone from pypinyin's package folder (without importing the
package), and pypinyin proper is the fallback should that file ever move.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from pathlib import Path


@functools.cache
def _table() -> dict[str, str] | None:
    import importlib.util

    try:
        spec = importlib.util.find_spec("pypinyin")
        folder = Path(next(iter(spec.submodule_search_locations or ())))
        raw = json.loads((folder / "pinyin_dict.json").read_text(encoding="utf-8"))
    except (AttributeError, StopIteration, OSError, ValueError):
        return None
    return {chr(int(code)): readings.split(",")[0] for code, readings in raw.items()}


def _plain(reading: str) -> str:
    reading = reading.replace("ü", "v").replace("Ü", "v")
    return "".join(ch for ch in unicodedata.normalize("NFD", reading)
                   if ch.isascii() and ch.isalpha()).lower()


def syllables(run: str) -> list[str]:
    """One toneless syllable for each character of ``run`` ("" for one without a reading)."""
    table = _table()
    if table is None:
        from pypinyin import lazy_pinyin

        return [_plain(s) for s in lazy_pinyin(run)]
    return [_plain(table.get(ch, "")) for ch in run]
