"""A figure's label in a table that has Period, Kind and Unit columns: without what they say.

Labels are written to stand alone ("New Gusu Leading Talents (2025 target)"), which is right for
a heading, a search hit or a copied line; in a table beside "2025 | target" the bracket says it
twice. :func:`table_label` drops the parts of a label's closing bracket that only repeat the
figure's period, its kind or its unit ("(2025 target; enterprise services, repeat services
counted)" beside Unit "enterprise services (repeat services counted)"), and keeps every other
part ("(2025 target: stay first)" keeps its bracket: "stay first" is not a column).
"""

from __future__ import annotations

import re

from briefing.figures.formatting import KIND_LABELS, value_parts
from briefing.model import Figure, Lang, Pack

_BRACKET = re.compile(r"\s*[（(]([^()（）]*)[)）]$")
_PARTS = re.compile(r"(\s*[;；,，、]\s*)")
_WORD = re.compile(r"[A-Za-z]+|\d+|[\u4e00-\u9fff]")
#: Words a period or kind is written with beyond the kind's own label: "2025 plan",
#: "2025年计划", "2024年".
_ALSO = {"target": ("plan", "计划", "targets"), "cumulative": ("total", "累计")}
_FILLER = {"年", "月", "the", "of", "in", "a", "for"}


def table_label(pack: Pack, figure: Figure, lang: Lang) -> str:
    """The figure's label without the bracketed parts its Period, Kind and Unit columns say."""
    label = figure.label.get(lang)
    found = _BRACKET.search(label)
    if found is None:
        return label
    said = _said_by_columns(pack, figure, lang)
    pieces = _PARTS.split(found.group(1).strip())  # part, separator, part, ...
    parts, separators = pieces[0::2], pieces[1::2]
    kept = [i for i, part in enumerate(parts) if part and not set(_words(part)) <= said]
    if len(kept) == len(parts):
        return label
    head = label[:found.start()]
    if not kept:
        return head
    inner = parts[kept[0]]
    for i in kept[1:]:
        inner += separators[i - 1] + parts[i]  # the separator before each part kept
    opening, closing = ("（", "）") if lang == "zh" else (" (", ")")
    return f"{head}{opening}{inner}{closing}"


def short_label(label: str) -> str:
    """``label`` without its closing bracket: enough to say which row a note is about."""
    return _BRACKET.sub("", label) or label


def _said_by_columns(pack: Pack, figure: Figure, lang: Lang) -> set[str]:
    """The words the Period, Kind and Unit columns show for ``figure`` (lower case)."""
    zh, en = KIND_LABELS.get(figure.kind, (figure.kind, figure.kind))
    words = set(_words(figure.period)) | set(_words(zh)) | set(_words(en)) | _FILLER
    for extra in _ALSO.get(figure.kind, ()):
        words |= set(_words(extra))
    words |= set(_words(value_parts(pack, figure, lang)[1]))
    return words


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]
