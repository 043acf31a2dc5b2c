"""The honesty rules of comparisons hold in every output alike, from one made-up pack: the
terminal, the app's chart, the Markdown export (each language and both), the copied table,
JSON and CSV. Floors make bounds or "unclear", rows the pack marks unlike keep their * and note
and get no share, a gap between approximate figures says ≈, shares keep their precision."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import _outputs as out
import pytest

from briefing.pack import load_pack
from briefing.present.comparison_rows import build

#: A made-up city's S&T report, with one comparison of every kind (see its comparisons.yaml).
PACK_DIR = Path(__file__).parent / "comparison_pack"


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK_DIR)


def view(pack, comparison_id):
    return build(pack, pack.comparison(comparison_id))


def texts(pack, comparison_id: str, lang: str) -> dict[str, str]:
    """Each drawn output of a comparison as one text."""
    shown = view(pack, comparison_id)
    return {"terminal": out.terminal(pack, shown, lang),
            "app": "\n".join(out.app_rows(pack, shown, lang)),
            "markdown": out.markdown(pack, shown, lang),
            "copy": out.copy(pack, shown, lang)}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_change_from_a_floor_is_a_bound_and_between_floors_unclear(pack, lang):
    unclear = "unclear" if lang == "en" else "无法判断"
    for name, text in texts(pack, "hntes-timeline", lang).items():
        if name == "copy":  # the copied timeline shows values and periods, no changes
            continue
        assert "≥+220" in text, (name, text)
        assert unclear in text and "+100" not in text, (name, text)
        assert "≤/≥" in text, (name, text)  # and says what ≥ means
    rows = out.json_rows(pack, view(pack, "hntes-timeline"))
    assert [r["delta_bound"] for r in rows] == [None, "at-least", "unclear"]
    assert rows[2]["delta"] is None and rows[1]["delta"] == 220


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_progress_bounds_read_the_same_everywhere(pack, lang):
    texts_ = texts(pack, "progress", lang)
    for name, text in texts_.items():
        assert "≥87.5%" in text and "≤88.9%" in text, (name, text)  # floor actual, floor target
        if name != "copy":  # the copy shows the share reached, not the gap
            assert "≤300" in text and "≥400" in text, (name, text)
            assert "≈0.05" in text, (name, text)  # between two "about" figures
            assert "≈:" in text or "≈：" in text, (name, text)


def test_json_and_csv_say_what_the_tables_say(pack):
    rows = {r["figure"]: r for r in out.json_rows(pack, view(pack, "progress"))}
    assert rows["projects-2024"]["gap"] is None  # unclear: null, never 0
    assert rows["projects-2024"]["gap_bound"] == "unclear"
    assert rows["projects-2024"]["progress_percent"] is None
    assert rows["smes-2024"]["target_lower_bound"] is True  # a floor target is flagged
    assert rows["smes-2024"]["target_bound"] == "at-least"
    assert rows["smes-2024"]["gap_bound"] == "at-least"
    assert rows["hntes-2024"]["lower_bound"] and not rows["hntes-2024"]["target_lower_bound"]
    assert rows["rd-2024"]["gap_bound"] == "approximate" and rows["rd-2024"]["gap"] == 0.05
    for unlike in ("transactions-2024", "financed-2024"):
        assert rows[unlike]["like_for_like"] is False and rows[unlike]["row_note"]["en"]
        assert rows[unlike]["progress_percent"] is None and rows[unlike]["bar"] is None
    table = list(csv.DictReader(io.StringIO(out.csv_text(pack, view(pack, "progress")))))
    by_figure = {r["figure"]: r for r in table}
    assert by_figure["projects-2024"]["gap"] == "" and by_figure["projects-2024"][
        "gap_bound"] == "unclear"
    assert by_figure["financed-2024"]["like_for_like"] == "False"
    assert by_figure["financed-2024"]["row_note.en"].startswith("the actual counts")
    assert by_figure["smes-2024"]["target_lower_bound"] == "True"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("comparison_id", ["progress", "talent"])
def test_unlike_rows_keep_their_marker_and_note_and_get_no_share(pack, lang, comparison_id):
    shown = view(pack, comparison_id)
    unlike = [r for r in shown.rows if not r.like_for_like]
    assert unlike
    for name, text in texts(pack, comparison_id, lang).items():
        for row in unlike:
            label, note = row.label.get(lang), row.note.get(lang)
            marked = f"{label} \\*" if name in ("markdown", "copy") else f"{label} *"
            assert marked in text, (name, marked, text)
            assert note.split()[0] in text and "* " in text, (name, note)
    markdown = out.table_rows(out.markdown(pack, shown, lang))
    for row, cells in zip(shown.rows, markdown, strict=True):
        if not row.like_for_like:
            assert "—" in cells and not any(c.endswith("%") and c[:1].isdigit() for c in cells)
            assert not any("█" in c for c in cells if comparison_id == "progress")


def test_a_peer_with_no_counterpart_gets_no_ratio_and_a_floor_share_is_a_bound(pack):
    for lang, share in (("en", "≥1.3% of All talent"), ("zh", "至少为人才总量的1.3%")):
        text = out.markdown(pack, view(pack, "talent"), lang)
        assert share in text and "≈2%" not in text and "≈1%" not in text
        row = next(r for r in out.table_rows(text) if r[0].startswith(("Foreign", "外籍")))
        assert "—" in row and "×" not in " ".join(row) and "倍" not in " ".join(row)


def test_both_languages_join_the_same_cells_and_legend(pack):
    text = out.markdown(pack, view(pack, "progress"), "both")
    assert "≈0.05个百分点 / ≈0.05 pp" in text
    assert "无法判断 / unclear" in text
    assert text.count("≤/≥") == 2 and text.count("\\* ") >= 4  # each note in each language
