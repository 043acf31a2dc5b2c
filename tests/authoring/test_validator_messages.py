"""Validator messages for authors: one cause, one message, and a hint that says where."""

from __future__ import annotations

import pytest
from _synthetic import pack_files, write_pack

from briefing.pack import PackInvalid, load_pack

STOP = "manifest.yaml: sections and comparisons were not checked: fix the manifest first"


def problems(tmp_path, edit) -> list[str]:
    files = pack_files()
    edit(files)
    with pytest.raises(PackInvalid) as info:
        load_pack(write_pack(tmp_path, files))
    return [str(e) for e in info.value.errors]


def _doc(files) -> dict:
    return files["manifest.yaml"]["documents"][0]


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda f: _doc(f).update(file="reprot.txt"),
     "manifest.yaml:7: document 'reprot.txt' not found"),
    (lambda f: _doc(f).update(title="Qingchuan report"),
     "manifest.yaml:8: 'title' of document 'report' must be a mapping with 'zh' and 'en' "
     "(title: {zh: …, en: …}), got text"),
    (lambda f: _doc(f).pop("sha256"),
     "manifest.yaml:6: document 'report' is missing required field 'sha256'"),
])
def test_a_document_problem_stops_the_cascade(tmp_path, edit, expected):
    assert problems(tmp_path, edit) == [expected, STOP]


def test_a_near_miss_quote_names_the_span_and_the_character(tmp_path):
    def edit(files):
        fig = files["sections/overview.yaml"]["figures"][0]
        fig["source"]["quote"] = "青川市高新技术企业达到1200家,同比增长15%"

    (found,) = problems(tmp_path, edit)
    assert "quote of figure 'hntes-2024' is not verbatim in document 'report'" in found
    assert "nearest span (document line 3): “青川市高新技术企业达到1200家，同比增长15%”" in found
    assert ("character 17 of the quote is “,” (U+002C COMMA) where the document has “，” "
            "(U+FF0C FULLWIDTH COMMA)") in found


def test_a_quote_from_nowhere_says_so(tmp_path):
    def edit(files):
        files["sections/overview.yaml"]["figures"][0]["source"]["quote"] = "完全无关"

    (found,) = problems(tmp_path, edit)
    assert found.endswith("no part of it was found in the document")


def test_an_item_needs_a_source_but_a_section_does_not(tmp_path):
    def edit(files):
        del files["sections/plans.yaml"]["items"][1]["source"]
        files["sections/plans.yaml"].pop("source", None)

    assert problems(tmp_path, edit) == [
        "sections/plans.yaml:33: item 'plan-talent' is missing required field 'source'"]


@pytest.mark.parametrize(("date", "ok"), [("2025", True), ("2025-01", True),
                                          ("2025-01-31", True), ("2025-13", False),
                                          ("2025-02-30", False), ("January 2025", False)])
def test_document_dates_are_checked(tmp_path, date, ok):
    files = pack_files()
    _doc(files)["date"] = date
    root = write_pack(tmp_path, files)
    if ok:
        assert load_pack(root).documents[0].date == date
        return
    with pytest.raises(PackInvalid) as info:
        load_pack(root)
    assert str(info.value.errors[0]) == (
        f"manifest.yaml:14: date '{date}' of document 'report' must be YYYY, YYYY-MM or "
        "YYYY-MM-DD (a real date)")


def test_a_period_names_a_real_month(tmp_path):
    def edit(files):
        files["sections/overview.yaml"]["figures"][0]["period"] = "2024-13"

    (found,) = problems(tmp_path, edit)
    assert ("period '2024-13' of figure 'hntes-2024' must be YYYY, YYYY-MM (a real month) "
            "or 'undated'") in found


def test_a_section_file_the_manifest_does_not_list(tmp_path):
    def edit(files):
        files["sections/extra.yaml"] = {"id": "extra", "title": {"zh": "a", "en": "b"},
                                        "text": {"zh": "a", "en": "b"}}

    assert problems(tmp_path, edit) == [
        "sections/extra.yaml: this section file is not listed under 'sections' in "
        "manifest.yaml, so it is not loaded (add 'extra' there, or remove the file)"]


def test_a_broken_figure_is_not_reported_again_by_its_comparisons(tmp_path):
    def edit(files):
        files["sections/overview.yaml"]["figures"][3]["unit"] = "ratios"

    (found,) = problems(tmp_path, edit)
    assert "uses unknown unit 'ratios' (did you mean 'ratio'?)" in found
