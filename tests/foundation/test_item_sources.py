"""Prose is cited to the sentences it summarises: an item's text cites every quote it rests
on (from one document or several), each verbatim, and every number in it comes from them.

A text used to cite one quote, often only its heading ("（四）实施创新人才引领行动，
提升人才集聚力"), while summarising a whole paragraph; an item that mixed facts from both
documents cited one.
"""

from __future__ import annotations

import re

import pytest

from briefing.pack import PackInvalid, bundled_pack_dir, load_pack

PACK = load_pack(bundled_pack_dir())
SEED_TEXT = {doc.id: doc.path.read_text(encoding="utf-8") for doc in PACK.documents}
NODES = list(PACK.nodes())
#: Sentences that are the editor's, not a summary of the source: a pointer into this briefing,
#: a date-stamped aside naming the other document, a photo caption's frame.
EDITORIAL = ("本简报", "（据", "专题配图")


@pytest.mark.parametrize("node", NODES, ids=lambda n: n.id)
def test_every_quote_of_every_text_is_verbatim(node):
    for source in node.sources:
        assert source.quote in SEED_TEXT[source.doc], (node.id, source.quote)
    assert len(set(node.sources)) == len(node.sources)


@pytest.mark.parametrize("node", NODES, ids=lambda n: n.id)
def test_each_sentence_of_a_text_is_in_the_quotes_it_cites(node):
    """Each Chinese sentence of the text is made of its quotes (at least 80% of its pairs of
    Han characters are in them): a heading alone no longer stands for a paragraph."""
    quotes = "".join(s.quote for s in node.sources)
    for sentence in re.split(r"[。；！]", node.text.zh):
        pairs = [sentence[i:i + 2] for i in range(len(sentence) - 1)
                 if re.fullmatch(r"[\u4e00-\u9fff]{2}", sentence[i:i + 2])]
        if len(pairs) < 7 or any(mark in sentence for mark in EDITORIAL):
            continue
        covered = sum(pair in quotes for pair in pairs) / len(pairs)
        assert covered >= 0.8, (node.id, sentence, covered)


@pytest.mark.parametrize("node", NODES, ids=lambda n: n.id)
def test_every_number_of_a_text_is_in_its_quotes(node):
    """A number in the Chinese text is in a quote it cites, or names a cited document (its
    date: "据2025年7月专题")."""
    quotes = "".join(s.quote for s in node.sources)
    named = set()
    for doc in PACK.documents:
        if doc.id in {s.doc for s in node.sources}:
            named |= {str(int(part)) for part in doc.date.split("-")}
    for number in re.findall(r"\d+(?:\.\d+)?", node.text.zh):
        assert number in quotes or number in named, (node.id, number)


def test_a_text_that_draws_on_both_documents_cites_both():
    mixed = [n for n in NODES if len({s.doc for s in n.sources}) > 1]
    assert mixed
    for node in mixed:
        assert "（据" in node.text.zh  # it says which facts come from the other document


def test_a_summary_cites_what_it_says_of_each_sub_item():
    """A text that names its sub-items (an action of the work plan and its measures) cites
    the sentence naming each, not only its own heading."""
    summaries = 0
    for node in NODES:
        quotes = "".join(s.quote for s in node.sources)
        named = [c for c in node.children if c.title.zh in node.text.zh]
        summaries += bool(named)
        for child in named:
            assert child.title.zh in quotes, (node.id, child.id)
    assert summaries


def test_sources_is_a_list_of_verbatim_quotes_and_source_still_works(make_pack):
    """``sources:`` beside ``source:``: both load; each quote of a list is checked; both at
    once, an empty list or a repeated quote is an error naming the line."""
    quote_a, quote_b = "二是强主体，推进企业创新能级提升。", "国家科技型中小企业2.43万家、全国第一"

    def cite_two(files):
        item = files["sections/achievements.yaml"]["items"][0]
        del item["source"]
        item["sources"] = [{"doc": "review-2024", "quote": quote_a},
                           {"doc": "review-2024", "quote": quote_b}]

    pack = load_pack(make_pack(cite_two))
    node = pack.node("ach-enterprises")
    assert [s.quote for s in node.sources] == [quote_a, quote_b]
    assert node.source == node.sources[0]
    single = load_pack(make_pack()).node("ach-enterprises")
    assert [s.quote for s in single.sources] == [single.source.quote]

    for change, message in (
        (lambda item: item.update(sources=[{"doc": "review-2024", "quote": quote_a}]),
         "has both 'source' and 'sources'"),
        (lambda item: (item.pop("source"), item.update(sources=[])),
         "'sources' of item 'ach-enterprises' is empty"),
        (lambda item: (item.pop("source"), item.update(sources=[
            {"doc": "review-2024", "quote": quote_a}, {"doc": "review-2024", "quote": quote_a}])),
         "quote 2 of 'sources' of item 'ach-enterprises' repeats quote 1"),
        (lambda item: (item.pop("source"), item.update(sources=[
            {"doc": "review-2024", "quote": quote_a},
            {"doc": "review-2024", "quote": "不在原文"}])),
         "quote 2 of 'sources' of item 'ach-enterprises' is not verbatim"),
    ):
        def edit(files, change=change):
            change(files["sections/achievements.yaml"]["items"][0])

        with pytest.raises(PackInvalid) as caught:
            load_pack(make_pack(edit))
        errors = [str(e) for e in caught.value.errors]
        assert any(message in e and "sections/achievements.yaml:" in e for e in errors), errors
