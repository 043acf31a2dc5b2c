"""Folding: traditional characters to simplified, pinyin tone marks and ü/v, offsets kept."""

from __future__ import annotations

import os
import re
import subprocess
import sys

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


# -- Han characters without compiling the Han class (briefing.search.fold) -------------------
HAN_EDGES = "\u33ff\u3400\u4dbf\u4dc0\u4dff\u4e00\u9fff\ua000\uf8ff\uf900\ufaff\ufb00" \
            "\U0001ffff\U00020000\U0003134f\U00031350\ud800"
#: Han, their neighbours, every kind of space (str.split and the regex \s must agree), letters
ALPHABET = [*HAN_EDGES, *"研发強度ab é-—·,", " ", "\t", "\n", "\x1c", "\x85", "\xa0", "\u2028",
            "\u3000", "\u200b", "\ufeff"]


def test_is_han_is_the_class_for_every_code_point():
    from briefing.search.fold import HAN_CLASS, han_only

    every = "".join(map(chr, range(0x110000)))
    assert han_only(every) == re.sub(f"[^{HAN_CLASS}]+", "", every)
    spaces = "".join(c for c in every if c.isspace())
    assert re.findall(r"\s", every) == list(spaces) and "".join(spaces.split()) == ""


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=30))
def test_han_helpers_answer_as_the_patterns_would(text):
    from briefing.search.fold import HAN_CLASS, NOT_HAN, han_only, han_terms, is_han_run
    from briefing.search.query import TERM_RE

    terms = re.compile(f"[{HAN_CLASS}]+|[^\\s{HAN_CLASS}]+")
    assert han_terms(text) == TERM_RE.findall(text) == terms.findall(text)
    assert han_only(text) == NOT_HAN.sub("", text) == re.sub(f"[^{HAN_CLASS}]+", "", text)
    assert is_han_run(text) == (re.fullmatch(f"[{HAN_CLASS}]+", text) is not None)
    # any other use is the compiled pattern's own
    assert NOT_HAN.sub("-", text) == re.sub(f"[^{HAN_CLASS}]+", "-", text)
    assert TERM_RE.findall(text, 1) == terms.findall(text, 1)
    assert TERM_RE.split(text) == terms.split(text)


def test_a_search_compiles_no_han_pattern(tmp_path):
    # a fresh interpreter: an index build (other tests) compiles HAN_RUN, as it should
    code = """if True:
        from briefing.pack import bundled_pack_dir, load_pack
        from briefing.search import SearchEngine, fields, fold, query
        engine = SearchEngine(load_pack(bundled_pack_dir()))
        for q in ("yanfa", "研发", "研發", "yan fa", "AI大模型 rencai", "碳化矽"):
            assert engine.search(q), q
        assert engine.index_source == "bundled"
        patterns = (fold.NOT_HAN, fold.HAN, fields.HAN_RUN, query.TERM_RE)
        assert [p._compiled for p in patterns] == [None] * 4
    """
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=False)
    assert out.returncode == 0, out.stderr


def test_diacritics_table_is_filled_as_letters_are_met():
    import unicodedata

    from briefing.search.fold import fold_joined, strip_marks

    def base(code: int) -> str:  # the whole table, as it was computed up front
        c = chr(code)
        if 0xC0 <= code < 0x250 or 0x1E00 <= code < 0x1F00:
            b = unicodedata.normalize("NFD", c)[0]
            if b != c and b.isascii() and b.isalpha():
                return b
        return c

    every = "".join(map(chr, range(0x3000)))
    assert strip_marks(every) == "".join(map(base, range(0x3000)))
    assert strip_marks("yuànshì ÷ Ǘ") == "yuanshi ÷ U"
    assert fold_joined("研发 yuànshì\x00é") == "研发 yuanshi\x00e"
