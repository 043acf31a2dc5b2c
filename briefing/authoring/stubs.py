"""Figure stubs for every number of a document: the pack's own figure fields, filled in as far
as the text allows, for an author to correct rather than type."""

from __future__ import annotations

import re
from collections import Counter

from briefing.authoring.number_finder import Mention, find_numbers

TODO = "TODO"


def slug(text: str, fallback: str = "doc") -> str:
    """A pack id from a file name: lowercase ASCII letters, digits and '-'."""
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return value if re.search(r"[a-z]", value) else fallback  # "2024年报告" says nothing


def _label_zh(mention: Mention) -> str:
    head = mention.clause.split(mention.text)[0].strip() if mention.text in mention.clause else ""
    return head or mention.clause


def figure_stub(mention: Mention, doc_id: str, fallback_period: str, ident: str) -> dict:
    """One figure mapping, fields in the order the guide lists them."""
    stub: dict = {
        "id": ident,
        "label": {"zh": f"{TODO}: {_label_zh(mention)}", "en": f"{TODO}: English label"},
        "value": int(mention.value) if mention.value == int(mention.value) else mention.value,
        "unit": mention.unit or TODO,
        "display": mention.text,
        "period": mention.period or fallback_period,
        "kind": mention.kind,
    }
    if mention.qualifier and mention.qualifier in mention.clause:
        stub["qualifier"] = mention.qualifier
    if mention.unit == "rank":
        stub["scope"] = "national" if "全国" in mention.clause else (
            "province" if "全省" in mention.clause else "city")
    stub["source"] = {"doc": doc_id, "quote": mention.clause}
    return stub


def stubs(text: str, doc_id: str, fallback_period: str,
          hedges: tuple[str, ...] = ()) -> list[dict]:
    """A stub for every number in ``text`` with ids unique among themselves."""
    seen: Counter[str] = Counter()
    result = []
    for mention in find_numbers(text, hedges):
        if mention.text not in mention.clause:
            continue  # a number split across a line break: nothing verbatim to quote
        period = mention.period or fallback_period
        base = f"{mention.kind}-{slug(mention.unit or 'figure', 'figure')}-{period}"
        seen[base] += 1
        ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
        result.append(figure_stub(mention, doc_id, fallback_period, ident))
    return result
