"""Search snippets start and end between words: never inside a Latin word or a number."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.present.snippets import snippet, splits_word, window

FUND = ("Suzhou launched its Ten-Billion Talent Fund and set up a foundation named after the "
        "Nobel-winning physicist, and unveiled a cluster worth 4.15% of GDP or RMB 2.43 billion.")
OVERVIEW = ("全市全社会研发投入超千亿，研发强度预计4.15%左右，"
            "高新技术产业产值占规上工业总产值比重54%，全面完成各项目标任务。")


def shown(text: str, spans, width: int) -> str:
    return snippet(text, spans, width).plain.strip("…")


def test_a_window_starts_at_a_word_not_inside_one():
    at = FUND.index("physicist")
    plain = snippet(FUND, [(at, at + 9)], 40).plain
    assert plain.startswith("…physicist") or plain.startswith("…the Nobel")
    assert "-winning" not in plain.split()[0]
    at = FUND.index("foundation")
    assert snippet(FUND, [(at, at + 10)], 40).plain == "…and set up a foundation named after the…"


def test_a_window_never_cuts_a_number_or_its_unit():
    at = OVERVIEW.index("预计")
    plain = shown(OVERVIEW, [(at, at + 2)], 9)
    assert "预计" in plain and "4.1" not in plain  # the number left out whole, not "4.1"
    at = OVERVIEW.index("高新")
    for width in range(6, 40):
        start, end = window(OVERVIEW, [(at, at + 2)], width)
        for number in ("4.15%", "54%"):  # in the window whole or not at all
            a = OVERVIEW.index(number)
            b = a + len(number)
            assert (start <= a and b <= end) or b <= start or end <= a, (width, start, end)


def test_the_matched_word_is_shown_whole_even_past_the_window():
    text = "x " * 10 + "internationalisation and more words after it"
    at = text.index("international")
    plain = snippet(text, [(at, at + 13)], 12).plain
    assert "internationalisation" in plain


WORDS = st.sampled_from(["Suzhou", "R&D", "4.15%", "2.43万", "19,000", "研发强度", "physicist",
                         "Nobel-winning", "Suzhou's", "。", "，", "GDP", "AI+", "（2025年）"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40), st.booleans(), st.integers(0, 200),
       st.integers(8, 60), st.data())
def test_any_window_is_cut_between_words(words, spaced, pick, width, data):
    text = (" " if spaced else "").join(words)
    starts = [i for i in range(len(text)) if not splits_word(text, i)]
    s = starts[pick % len(starts)]
    e = data.draw(st.integers(s + 1, len(text))) if s < len(text) else s
    spans = [(s, e)] if e > s else []
    start, end = window(text, spans, width)
    assert 0 <= start <= end <= len(text)
    assert not splits_word(text, start) or (spans and start == s)
    # the end cuts between words unless the word runs on past twice the window
    assert not splits_word(text, end) or end - start >= width
    if spans:
        assert start <= s
    plain = snippet(text, spans, width).plain
    assert plain.startswith("…") == (start > 0)
