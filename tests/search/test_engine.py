"""Behaviour of the search engine on the bundled pack."""

from __future__ import annotations

import pytest

from briefing.search import Hit, SearchEngine
from briefing.search.engine import normalize, segmentations, terms_of
from briefing.search.query import Term


def ids(hits) -> list[str]:
    return [h.id for h in hits]


def spans_text(hit: Hit) -> list[str]:
    text = hit.text_of(hit.field)
    return [text[s:e] for s, e in hit.spans]


def test_interface(engine):
    hits = engine.search("研发", limit=5)
    assert 0 < len(hits) <= 5
    hit = hits[0]
    assert isinstance(hit, Hit)
    assert hit.kind in ("section", "item", "figure", "comparison")
    assert 0 <= hit.score <= 100
    assert hits == sorted(hits, key=lambda h: -h.score)
    assert hit.field in dict(hit.texts)
    assert all(f in dict(hit.texts) for f, _, _ in hit.matches)


def test_chinese_substring_spans_in_original_text(engine):
    for hit in engine.search("独角兽", limit=10):
        assert "独角兽" in spans_text(hit)


def test_full_pinyin_maps_back_to_characters(engine):
    hits = engine.search("yanfa", limit=10)
    assert hits
    for hit in hits:
        assert hit.field.endswith(".zh") or hit.field == "quote"
        assert spans_text(hit) and all(s == "研发" for s in spans_text(hit)), spans_text(hit)


def test_partial_last_syllable_while_typing(engine):
    top = engine.search("liuchuangd", limit=3)
    assert "talent-returnee-loans" in ids(top)
    assert spans_text(top[0])[0].startswith("留创")


def test_initials(engine):
    hits = engine.search("yfjg", limit=5)
    assert hits and all(spans_text(h) == ["研发机构"] for h in hits[:3])
    assert "talent-returnee-loans" in ids(engine.search("lcd", limit=3))


def test_syllables_mixed_with_initials(engine):
    hits = engine.search("yanfjg", limit=3)
    assert hits and all(spans_text(h) == ["研发机构"] for h in hits)
    assert spans_text(engine.search("lcdai", limit=1)[0]) == ["留创贷"]


def test_pinyin_typed_with_spaces(engine):
    hit = engine.search("zhong dian shi yan shi", limit=1)[0]
    assert spans_text(hit) == ["重点实验室"]


@pytest.mark.parametrize(("query", "expected", "chars"), [
    ("changguanghuaxin", "talent-entrepreneurship-week", "长光华芯"),  # 长 is cháng here
    ("suzhouyinhang", "talent-returnee-bank-zone", "苏州银行"),  # 行 háng
    ("linghangxingdong", "plan-enterprise-leadership", "领航行动"),  # 行 xíng
    ("chongzu", "plan-platforms-labs", "重组"),  # 重 chóng
    ("zhongdianshiyanshi", "key-labs-target-2025", "重点实验室"),  # 重 zhòng
])
def test_heteronyms_read_in_context(engine, query, expected, chars):
    hits = engine.search(query, limit=3)
    assert expected in ids(hits)
    hit = next(h for h in hits if h.id == expected)
    assert chars in spans_text(hit)


def test_wrong_reading_of_phrase_is_not_matched(engine):
    # pypinyin alone reads 长光华芯 as zhang...; the phrase table fixes it.
    for hit in engine.search("zhangguanghuaxin", limit=20):
        assert "长光华芯" not in "".join(spans_text(hit))


def test_english_typo(engine):
    hits = engine.search("enterprize", limit=5)
    assert hits
    assert all(s.lower().startswith("enterprise") for h in hits for s in spans_text(h))
    assert ids(engine.search("unicron", limit=3))[0] in ("unicorns-2024",
                                                          "potential-unicorns-2024")


def test_chinese_near_match(engine):
    top = ids(engine.search("国家高新技朮企业", limit=3))
    assert "hntes-2024" in top or "hntes-target-2025" in top


def test_mixed_query_needs_every_term_for_top_rank(engine):
    hits = engine.search("深圳 yuanshi", limit=5)
    assert hits[0].id in ("academicians-shenzhen", "academicians-vs-shenzhen")
    fields = {f for f, _, _ in hits[0].matches}
    assert fields  # both terms highlighted somewhere
    texts = dict(hits[0].texts)
    got = {texts[f][s:e] for f, s, e in hits[0].matches}
    assert "深圳" in got and "院士" in got


def test_exact_and_whole_word_rank_first(engine):
    hits = engine.search("weaknesses", limit=5)
    assert hits[0].id == "weaknesses"
    # a short focused figure label beats long texts that mention the term in passing
    hits = engine.search("unicorn", limit=5)
    assert hits[0].kind == "figure" and hits[0].field == "label.en"
    assert all(h.score >= hits[-1].score for h in hits)


def test_short_focused_before_long(engine):
    hits = engine.search("留创贷", limit=10)
    assert hits[0].id == "talent-returnee-loans"
    longs = [h for h in hits if h.field == "text.zh"]
    titles = [h for h in hits if h.field in ("title.zh", "label.zh")]
    assert titles and longs
    assert min(h.score for h in titles) > max(h.score for h in longs)


def test_section_filter_and_limit(engine):
    hits = engine.search("人才", limit=50, section="achievements")
    assert hits and all(h.section == "achievements" for h in hits)
    assert len(engine.search("人才", limit=3)) == 3
    assert engine.search("人才", limit=0) == []
    assert engine.search("人才", section="no-such-section") == []


def test_comparisons_are_searchable(engine):
    assert ids(engine.search("academicians suzhou shenzhen", limit=3))[0] in (
        "academicians-vs-shenzhen", "academicians-suzhou", "academicians-shenzhen")
    hits = engine.search("rankings national provincial global", limit=3)
    assert hits[0].id == "rankings" and hits[0].kind == "comparison"


def test_hit_json_shape(engine):
    hit = engine.search("yanfa", limit=1)[0]
    data = hit.to_json()
    assert set(data) == {"id", "kind", "section", "title", "score", "zh", "en", "spans",
                         "value"}
    assert data["spans"] and all(set(s) == {"field", "start", "end"} for s in data["spans"])
    assert data["spans"][0]["field"] == hit.field


def test_hit_texts_are_full_item_texts(engine, bundled):
    hit = next(h for h in engine.search("留创贷", limit=10) if h.kind == "item")
    node = bundled.node(hit.id)
    assert (hit.zh, hit.en) == (node.text.zh, node.text.en)
    assert hit.section == node.section_id


@pytest.mark.parametrize("query", ["", "   ", "\x00\x01", "((", "[b]x[/b]", ".*", "\\", "🎉",
                                   "a" * 10_000, "研" * 10_000, "\ud800", "\u200b", "'", "-",
                                   "x" * 41, "zh" * 30])
def test_odd_queries_are_safe(engine, query):
    hits = engine.search(query)
    assert isinstance(hits, list)


def test_normalize_and_terms():
    assert normalize("ＡＩ\t大模型") == "ai 大模型"
    assert terms_of("AI大模型 rencai rencai") == ["ai", "大模型", "rencai"]
    assert len(terms_of(" ".join(str(i) for i in range(100)))) == 8


def test_segmentations():
    syl = frozenset({"xi", "an", "xian", "yan", "fa", "fang"})
    pre = frozenset(s[:k] for s in syl for k in range(1, len(s) + 1))
    assert segmentations("xian", syl, pre)[0] == ["xian"]
    assert ["xi", "an"] in segmentations("xian", syl, pre)
    assert segmentations("yanf", syl, pre) == [["yan", "f"]]
    assert segmentations("qq", syl, pre) == []
    assert len(segmentations("xi" * 40, syl, pre)) <= 6


def test_engine_on_small_pack(make_pack, tmp_path):
    from briefing.pack import load_pack

    pack = load_pack(make_pack())
    engine = SearchEngine(pack, cache_dir=tmp_path / "c")
    assert ids(engine.search("qiangzhuti", limit=1)) == ["ach-enterprises"]
    assert engine.index_source == "built"


@pytest.mark.parametrize(("query", "expected", "shown"), [
    ("SiC", "ach-integration", {"碳化硅", "silicon-carbide"}),
    ("sic", "ach-integration", {"碳化硅", "silicon-carbide"}),
    ("中科院", "cas-institutions-suzhou-2025-07", {"中国科学院", "cas"}),
    ("HNTE", "hntes-2024", {"高新技术企业", "hnte"}),
])
def test_glossary_aliases_find_the_thing_by_another_name(engine, query, expected, shown):
    hits = engine.search(query, limit=3)
    assert expected in ids(hits)
    hit = next(h for h in hits if h.id == expected)
    assert {s.lower() for s in spans_text(hit)} & shown


def test_pack_without_glossary_has_no_aliases(bundled, tmp_path):
    from dataclasses import replace

    engine = SearchEngine(replace(bundled, glossary=()), cache_dir=tmp_path)
    assert engine.aliases == {}
    assert "ach-integration" not in ids(engine.search("SiC", limit=3))


def test_initials_of_a_chinese_word_and_no_latin_substring(engine):
    hits = engine.search("ys", limit=5)
    assert spans_text(hits[0]) == ["院士"]
    assert not [h for h in engine.search("ys", limit=100) if h.field.endswith(".en")]  # sYStem
    # a short term that is a whole word or a word start still ranks as such
    assert engine.search("AI", limit=1)[0].id in ("ai-talent-measures-2025",
                                                  "talent-ai-service-platforms",
                                                  "ai-talent-service-platforms-2025-07")


def test_words_joined_by_the_engine_are_read_as_syllables_not_as_typos(engine):
    py = engine.pinyin_index()
    typed = Term("enterprize")
    typed.find_alts(py)
    assert "enterprise" in [w for w, _ in typed.alts]
    joined = Term("enterprize", typos=False)
    joined.find_alts(py)
    assert joined.alts == []
    # pinyin typed with spaces is still read joined
    assert engine.search("yan fa", limit=1)[0].id == engine.search("yanfa", limit=1)[0].id


def test_latin_terms_match_whole_words_or_word_starts_only(engine, eval_set):
    """No span of a Latin term starts inside a word ("sic" in "physicist"), in any hit of any
    query of the evaluation set; a letter after a digit starts a word ("HJ40")."""
    from briefing.search.words import at_word_start

    for query, *_ in eval_set.EVAL:
        latin = [t for t in terms_of(query) if t[0].isascii() and t[0].isalnum()]
        for hit in engine.search(query, limit=40) if latin else ():
            for field, s, e in hit.matches:
                text = hit.text_of(field).lower()
                if text[s:e].isascii() and any(text.startswith(t, s) for t in latin):
                    assert at_word_start(text, s), (query, hit.id, text[max(0, s - 9):e])
    assert at_word_start("hj40", 2) and not at_word_start("physicist", 6)
    assert "hj-talents-target-2025" in ids(engine.search("HJ", limit=5))


def test_a_heading_qualifier_does_not_count_against_its_match():
    from briefing.search.fields import core_length

    assert core_length("研发强度（全社会研发投入占GDP比重）") == 4
    assert core_length("Total R&D spending as a share of GDP (2025 target)") == 36
    assert core_length("X（a）（b）") == 1
    assert core_length("（2025年）") == len("（2025年）")  # nothing but a qualifier
    assert core_length("苏州（全市）人才总量") == len("苏州（全市）人才总量")  # not at the end


def test_the_headline_figure_outranks_longer_cores_and_mentions(engine):
    """研发强度 is about 研发; 全社会研发投入占GDP比重（2025年目标） only mentions it."""
    hits = engine.search("研发", limit=40)
    top = ids(hits)
    assert top[0] == "rd-intensity-2024"
    assert top.index("rd-intensity-2024") < top.index("rd-intensity-target-2025")
    texts = [h for h in hits if h.field.startswith("text")]
    assert texts and all(h.score < hits[0].score - 10 for h in texts)


def test_a_heading_whose_children_match_too_is_the_headline(engine, bundled):
    """The action plan whose sub-items are all about talent outranks a shorter title about
    talent with nothing under it, in every script."""
    for query in ("人才", "rencai", "talent"):
        top = ids(engine.search(query, limit=40))
        assert top.index("plan-talent") < top.index("talent-honours"), query
    assert not bundled.node("talent-honours").children
    from briefing.search.headline import headline_bonus

    # the bonus is the children's: none of them is about 实施 (in the plan's title only)
    text = engine.text_index
    r = next(i for i, rec in enumerate(text.records) if rec.id == "plan-talent")
    kids = text.record_children[r]
    assert {text.records[c].id for c in kids} == {n.id for n in bundled.node("plan-talent")
                                                  .children}
    assert headline_bonus(Term("实施"), kids, text, None, engine._match) == 0
    assert headline_bonus(Term("人才"), kids, text, None, engine._match) > 0


def test_figure_hits_carry_their_value(engine, bundled):
    from briefing.figures.formatting import figure_value

    hit = next(h for h in engine.search("研发强度", limit=5) if h.kind == "figure")
    fig = bundled.figure(hit.id)
    assert hit.value is not None
    assert (hit.value.zh, hit.value.en) == (figure_value(bundled, fig, "zh"),
                                            figure_value(bundled, fig, "en"))
    assert hit.to_json()["value"] == {"zh": hit.value.zh, "en": hit.value.en}
    assert all(h.value is None for h in engine.search("人才", limit=40) if h.kind != "figure")
