"""The code knows nothing of the bundled briefing: no section id, city or document of it
appears in the package's source (docstrings and comments included: they become examples)."""

from __future__ import annotations

from pathlib import Path

from briefing.pack import bundled_pack_dir, load_pack

SOURCE = Path(__file__).resolve().parents[2] / "briefing"


def _source_files() -> list[Path]:
    return [p for p in SOURCE.rglob("*") if p.suffix in {".py", ".tcss"} and p.is_file()]


def test_no_section_id_or_place_of_the_bundled_pack_in_the_code():
    pack = load_pack(bundled_pack_dir())
    words = {section.id for section in pack.sections} | {doc.id for doc in pack.documents}
    words |= {"Suzhou", "苏州", "Shenzhen", "深圳", "Shanghai", "上海", "Beijing", "北京"}
    found = [(path.relative_to(SOURCE.parent), word) for path in _source_files()
             for word in words if word in path.read_text(encoding="utf-8")]
    assert not found
