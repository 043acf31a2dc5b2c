"""The bundled pack itself: every figure proven against its seed, and the curated shape."""

from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path

import pytest

from briefing.figures.reading import parse_display
from briefing.pack import bundled_pack_dir, load_pack

ROOT = Path(__file__).resolve().parents[2]
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
PACK = load_pack(bundled_pack_dir())
SEED_TEXT = {doc.id: doc.path.read_text(encoding="utf-8") for doc in PACK.documents}
FIGURES = list(PACK.figures())


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
def test_every_quote_is_verbatim_in_its_seed(figure):
    assert figure.source.quote in SEED_TEXT[figure.source.doc]


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
def test_every_value_matches_its_display_and_the_display_its_quote(figure):
    assert figure.display in figure.source.quote
    parsed = parse_display(figure.display)
    assert parsed is not None and math.isclose(parsed, figure.value, rel_tol=1e-9)


def test_item_quotes_are_verbatim_and_every_item_cites_a_source():
    items = [node for node in PACK.nodes() if not node.is_section]
    assert items
    for node in items:
        assert node.source is not None, node.id
        assert node.source.quote in SEED_TEXT[node.source.doc], node.id


def test_seeds_are_byte_for_byte_copies_with_matching_hashes():
    for doc in PACK.documents:
        data = doc.path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == doc.sha256
        shared = SHARED_SEEDS / doc.path.name
        if shared.exists():
            assert shared.read_bytes() == data


def test_four_sections_in_order_and_five_action_plans():
    assert [s.id for s in PACK.sections] == ["achievements", "weaknesses", "action-plans",
                                             "talent-services"]
    assert [s.title.en for s in PACK.sections] == ["Achievements", "Weaknesses",
                                                   "Action Plans",
                                                   "Talent Services and Technology Transfer"]
    plans = PACK.node("action-plans").children
    assert [p.id for p in plans] == ["plan-enterprise-leadership", "plan-key-technologies",
                                     "plan-innovation-platforms", "plan-talent",
                                     "plan-innovation-ecosystem"]
    assert all(plan.children for plan in plans), "each plan lists its measures"


def test_both_languages_everywhere():
    for node in PACK.nodes():
        assert node.title.zh.strip() and node.title.en.strip(), node.id
        assert node.text.zh.strip() and node.text.en.strip(), node.id
    for fig in FIGURES:
        assert fig.label.zh.strip() and fig.label.en.strip(), fig.id


def test_figures_cover_both_seeds_and_all_kinds():
    assert len(FIGURES) >= 100
    assert {f.source.doc for f in FIGURES} == {"review-2024", "feature-2025"}
    assert {"actual", "target", "rank", "ratio", "growth", "cumulative", "estimate"} <= \
        {f.kind for f in FIGURES}


def test_hedges_are_kept():
    hedged = {f.id: f.qualifier for f in FIGURES if f.qualifier}
    assert hedged["rd-intensity-2024"] == "左右"
    assert hedged["rd-input-ratio-shenzhen-2023"] == "约"
    assert hedged["hntes-target-2025"] == "超"
    for fig in FIGURES:
        if fig.qualifier:
            assert fig.qualifier in fig.source.quote


def test_curated_comparisons_required_by_the_briefing():
    kinds = {c.id: c.kind for c in PACK.comparisons}
    assert kinds["rd-input-vs-peers"] == "ratio"
    assert kinds["tech-contracts-vs-shanghai"] == "ratio"
    assert kinds["academicians-vs-shenzhen"] == "peers"
    assert kinds["targets-2025-progress"] == "progress"
    assert kinds["rankings"] == "ranking"
    timeline = PACK.comparison("rd-institution-coverage-timeline")
    assert [PACK.figure(e.figure).value for e in timeline.entries] == [80.6, 84, 90]
    assert {PACK.figure(e.figure).source.doc for e in timeline.entries} == {"review-2024",
                                                                          "feature-2025"}


def _number_forms(value: float) -> set[str]:
    """How a base-unit value may be written in English prose (17400 -> 17,400; 1e11 -> 100)."""
    from briefing.figures.reading import format_value

    return {format_value(round(value / scale, 4))
            for scale in (1, 1e3, 1e4, 1e6, 1e8, 1e9, 1e12)}


def test_english_texts_state_only_numbers_the_sources_give():
    """A mistyped number in a translation (17,300 for 1.74万) fails here."""
    known: set[str] = set()
    for fig in FIGURES:
        known |= _number_forms(fig.value)
    for node in PACK.nodes():
        for number in re.findall(r"\d[\d,]*(?:\.\d+)?", node.text.en):
            number = number.rstrip(",")
            if re.fullmatch(r"(19|20)\d\d", number) or number in node.text.zh:
                continue
            assert number in known, f"{node.id}: '{number}' is in no figure and not in zh"
