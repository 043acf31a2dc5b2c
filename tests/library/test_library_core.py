"""The library as plain Python: entries from summaries, packs loaded on demand, one merged
pack with qualified ids, and library.yaml read with file:line problems."""

from __future__ import annotations

import shutil

import pytest
from _library_packs import BRIEFINGS, PACKS

from briefing.library import LibraryInvalid, is_library, open_library
from briefing.library.merge import library_pack, merged_pack
from briefing.library.qualified import qualify, split
from briefing.pack import bundled_pack_dir, load_pack


def test_every_pack_validates_and_every_quote_is_verbatim_in_its_document():
    for briefing in BRIEFINGS:
        pack = load_pack(PACKS / briefing)  # the loader refuses a quote not in its document
        for fig in pack.figures():
            assert fig.source.quote in pack.document(fig.source.doc).read()
            assert fig.display in fig.source.quote


def test_entries_list_each_briefing_without_loading_it(library_dir):
    library = open_library(library_dir)
    assert library.ids() == BRIEFINGS
    entry = library.entry("lanjiang-2026")
    assert entry.title.zh == "澜江省2026年政府工作报告简报"
    assert entry.date == "2026-01-20"
    assert [d.title.zh for d in entry.documents] == ["澜江省2026年政府工作报告"]
    assert entry.translated == 1.0
    assert library.entry("nanyu-2026").translated == 0.0  # a Chinese-only draft
    assert library.loaded() == []  # listing loads no pack
    assert library.pack("daibei-2026").id == "daibei-2026"
    assert library.loaded() == ["daibei-2026"]


def test_a_second_opening_reads_the_summaries_not_the_packs(library_dir, monkeypatch):
    open_library(library_dir)
    import briefing.pack.cache as cache

    def refuse(root):
        raise AssertionError(f"loaded {root}")

    monkeypatch.setattr(cache, "load_pack_cached", refuse)
    assert open_library(library_dir).ids() == BRIEFINGS


def test_a_changed_pack_gets_a_new_summary(library_dir):
    open_library(library_dir)
    manifest = library_dir / "daibei-2025" / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "岱北省2025年政府工作报告简报", "岱北省2025年报告"), encoding="utf-8")
    assert open_library(library_dir).entry("daibei-2025").title.zh == "岱北省2025年报告"


def test_the_merged_pack_qualifies_every_id(library_dir):
    library = open_library(library_dir)
    pack = library_pack(library)
    assert [s.id for s in pack.sections] == BRIEFINGS  # a briefing is a top-level node
    fig = pack.figure("lanjiang-2026:gdp-growth-target-2026")
    assert fig.section_id == "lanjiang-2026"
    assert fig.node_id == "lanjiang-2026:targets-2026"
    assert fig.source.doc == "lanjiang-2026:report"
    assert pack.document("lanjiang-2026:report").title.zh == "澜江省2026年政府工作报告"
    assert pack.has_comparison("lanjiang-2026:targets-2026-vs-2025")
    comparison = pack.comparison("lanjiang-2026:targets-2026-vs-2025")
    assert {e.figure for e in comparison.entries} <= {f.id for f in pack.figures()}
    assert all(split(i)[0] in BRIEFINGS for i in pack.ids() if ":" in i)
    assert pack.digest == library.digest


def test_a_unit_two_packs_define_differently_is_qualified_for_the_second(library_dir):
    manifest = library_dir / "nanyu-2025" / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("en: projects", "en: major projects"), encoding="utf-8")
    pack = merged_pack(open_library(library_dir))
    units = {u.id: u for u in pack.units}
    assert units["projects"].label.en == "projects"
    assert units["nanyu-2025:projects"].label.en == "major projects"
    assert pack.unit("percent").label.zh == "%"  # shared, never renamed


def test_a_single_pack_library_reads_as_that_pack(tmp_path):
    shutil.copytree(PACKS / "daibei-2026", tmp_path / "one" / "daibei-2026")
    library = open_library(tmp_path / "one")
    assert library.single is not None
    pack = library_pack(library)
    assert pack.has_figure("growth-target-2026")
    assert not any(":" in i for i in pack.ids())  # ids as the pack writes them
    assert library.id == "daibei-2026"


def test_a_pack_folder_is_a_library_of_one():
    library = open_library(PACKS / "lanjiang-2025")
    assert library.ids() == ["lanjiang-2025"] and library.single is not None
    assert not is_library(PACKS / "lanjiang-2025")
    assert is_library(PACKS)


def test_the_default_library_holds_the_bundled_briefing(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_LIBRARY_DIR", str(tmp_path / "none-yet"))
    library = open_library(None)
    (entry,) = library.entries
    assert entry.bundled and entry.path == bundled_pack_dir()
    shutil.copytree(PACKS / "nanyu-2025", tmp_path / "none-yet" / "nanyu-2025")
    assert [e.bundled for e in open_library(None).entries] == [True, False]
    (tmp_path / "none-yet" / "library.yaml").write_text("bundled: false\n", encoding="utf-8")
    assert open_library(None).ids() == ["nanyu-2025"]


def test_a_broken_pack_is_listed_with_its_problem_and_the_others_open(library_dir):
    section = library_dir / "daibei-2025" / "sections" / "targets-2025.yaml"
    section.write_text(section.read_text(encoding="utf-8").replace(
        "地区生产总值增长5%—5.5%", "地区生产总值增长9%"), encoding="utf-8")
    library = open_library(library_dir)
    broken = next(e for e in library.entries if e.path.name == "daibei-2025")
    assert not broken.ok and "not verbatim" in broken.problem
    assert "daibei-2025" not in library.ids() and len(library.ids()) == 5
    assert not merged_pack(library).has_node("daibei-2025")


def test_two_packs_with_one_id_open_only_the_first(library_dir):
    shutil.copytree(library_dir / "nanyu-2025", library_dir / "zz-copy")
    library = open_library(library_dir)
    dup = next(e for e in library.entries if e.path.name == "zz-copy")
    assert "already the id of" in dup.problem
    assert library.entry("nanyu-2025").path.name == "nanyu-2025"


@pytest.mark.parametrize(("text", "message"), [
    ("indicators:\n  - &a {id: x}\n  - *a\n", "library.yaml:3: YAML aliases"),
    ("title: {zh: 文库, en: L}\ncolour: red\n", "library.yaml:2: unknown field 'colour'"),
    ("indicators:\n  - id: gdp\n    name: {zh: 增长, en: growth}\n    unit: percent\n"
     "    phrases: []\n", "library.yaml:5: indicator 'gdp' needs at least one phrase"),
    ("indicators: []\ncomparisons:\n  - id: c\n    title: {zh: 对比, en: C}\n"
     "    kind: peers\n    indicator: gdp\n    period: '2026'\n",
     "library.yaml:6: comparison 'c' names unknown indicator 'gdp'"),
    ("indicators:\n  - id: gdp\n    name: {zh: 增长, en: growth}\n    unit: percent\n"
     "    phrases: [增长]\ncomparisons:\n  - id: c\n    title: {zh: 对比, en: C}\n"
     "    kind: peers\n    indicator: gdp\n", "library.yaml:7: comparison 'c' is missing "
     "required field 'period'"),
    ("bundled: yes please\n", "library.yaml:1: 'bundled' of the library must be true or false"),
])
def test_library_yaml_problems_name_file_and_line(library_dir, text, message):
    (library_dir / "library.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(LibraryInvalid) as caught:
        open_library(library_dir)
    assert any(p.endswith(message) or message in p for p in caught.value.problems), \
        caught.value.problems
    assert all(str(library_dir / "library.yaml") in p for p in caught.value.problems)


def test_qualify_and_split_are_inverse():
    assert split(qualify("a-1", "b-2")) == ("a-1", "b-2")
    assert split("plain") == (None, "plain")
