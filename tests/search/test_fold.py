"""Folding: traditional characters to simplified, pinyin tone marks and ü/v, offsets kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search import SearchEngine
from briefing.search.fold import (
    fold_field,
    fold_fields,
    fold_query,
    is_simplified,
    pinyin_form,
    strip_marks,
)
from briefing.search.query import Term, normalize


def test_queries_fold_traditional_and_taiwan_usage():
    assert fold_query("研發強度") == "研发强度"
    assert fold_query("獨角獸 unicorn") == "独角兽 unicorn"
    assert fold_query("碳化矽", force=True) == "碳化硅"  # Taiwan usage (矽 is in GB2312)
    assert fold_query("研发强度") == "研发强度"
    assert normalize("蘇州銀行") == "苏州银行"


def test_taiwan_usage_the_pack_never_has_is_folded(engine):
    hit = engine.search("碳化矽", limit=1)[0]
    assert hit.id == "ach-integration"
    text = hit.text_of(hit.field)
    assert [text[s:e] for s, e in hit.spans] == ["碳化硅"]


def test_simplified_text_skips_the_converter():
    assert is_simplified("研发强度 R&D — ÷")
    assert not is_simplified("研發")


def test_tone_marks_and_u_umlaut():
    assert strip_marks("yuànshì") == "yuanshi"
    assert pinyin_form("jiànyǒulǜ") == "jianyoulv"
    assert pinyin_form("lü") == pinyin_form("lv") == "lv"
    term = Term(normalize("YUÀNSHÌ"))
    assert term.text == term.pinyin == "yuanshi" and term.latin
    term = Term("lü")
    assert (term.text, term.pinyin, term.latin) == ("lu", "lv", True)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"研發強度獨角獸乾著於后面髮臺灣abcé ü—", "\u00df"]),
               max_size=40))
def test_field_folding_keeps_every_offset(text):
    folded = fold_field(text)
    assert len(folded) == len(text)
    assert fold_fields([text, text]) == [folded, folded]


def test_traditional_pack_is_found_by_simplified_query_and_shown_as_written(make_pack,
                                                                            tmp_path):
    from briefing.pack import load_pack

    def traditional(files):
        item = files["sections/achievements.yaml"]["items"][0]
        item["title"]["zh"] = "強主體：研發機構"

    engine = SearchEngine(load_pack(make_pack(traditional)), cache_dir=tmp_path)
    for query in ("研发机构", "研發機構", "yfjg", "yanfa"):
        hit = engine.search(query, limit=1)[0]
        assert hit.id == "ach-enterprises", query
        text = hit.text_of(hit.field)
        assert text[hit.spans[0][0]: hit.spans[0][1]].startswith("研發"), query


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from([*"研发强度abcéüǘ ÀẞḾ", "\u00df"]), max_size=12),
                max_size=8))
def test_folding_many_fields_at_once_is_folding_each(texts):
    assert fold_fields(texts) == [fold_field(t) for t in texts]
