"""Property tests: no query string crashes the engine, and what it returns is well formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.search import Hit

queries = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz '", max_size=40),
    st.text(alphabet="研发机构人才苏州创新长行重银", max_size=12),
    st.text(alphabet="[]()*+?.\\^$|{}<>/&%#@!~`\"';:,\t\n\r\x00\x1b", max_size=20),
    st.lists(st.sampled_from(["yanfa", "研发", "AI", "enterprize", "yfjg", "🎉", "\u200b",
                              "\ud800", "C9", "2025", "%", "x" * 50, "研發強度", "yuànshì",
                              "lü", "lv", "SiC", "中科院", "ǚ", "\u0301", "碳化矽"]),
             max_size=12).map(" ".join),
    # traditional characters, tone marks and combining marks, mixed with the pack's words
    st.text(alphabet="研發強度獨角獸蘇州銀行矽乾著於àáǎāüǖǘǚǜèéěēìíǐīòóǒō\u0300\u0301 yuanshi",
            max_size=30),
    # nothing but punctuation, symbols or control characters
    st.text(alphabet=st.characters(categories=["P", "S", "Cc", "Cf", "Zs"]), max_size=40),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=queries, limit=st.integers(min_value=-3, max_value=40),
       section=st.sampled_from([None, "achievements", "weaknesses", "action-plans",
                                "talent-services", "nope", ""]))
def test_any_query_is_safe(engine, query, limit, section):
    hits = engine.search(query, limit=limit, section=section)
    assert isinstance(hits, list)
    assert len(hits) <= max(limit, 0)
    for hit in hits:
        assert isinstance(hit, Hit)
        assert 0 <= hit.score <= 100
        if section:
            assert hit.section == section
        texts = dict(hit.texts)
        assert hit.field in texts
        for s, e in hit.spans:
            assert 0 <= s < e <= len(texts[hit.field])
        for field, s, e in hit.matches:
            assert 0 <= s < e <= len(texts[field])
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@settings(max_examples=8, deadline=None)
@given(char=st.sampled_from(["a", "研", "發", "à", "ü", ".", "\x00", "\x1b", " ", "🎉", "y s "]),
       size=st.sampled_from([2_000, 10_000]))
def test_very_long_queries_are_safe(engine, char, size):
    assert isinstance(engine.search(char * size), list)


@settings(max_examples=60, deadline=None)
@given(prefix=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12))
def test_pinyin_spans_are_whole_characters(engine, prefix):
    for hit in engine.search(prefix, limit=5):
        text = hit.text_of(hit.field)
        for s, e in hit.spans:
            assert text[s:e]
