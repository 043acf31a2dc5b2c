"""How a figure reads to a person, in either language; shared by the CLI, export and app.

Chinese keeps the source's own wording ("超1.9万家"); English restates the base-unit value with
the source's hedge ("over 19,000 enterprises", "RMB 43.2 billion", "No. 4").
"""

from __future__ import annotations

from briefing.figures.numerals import UNIT_IDIOMS
from briefing.figures.reading import format_value, fraction_text, read_number
from briefing.figures.vocabulary import ZH_AFTER_NUMBER, ZH_AFTER_UNIT, hedge_of, scope_name
from briefing.model import UNDATED, Figure, Lang, Pack
from briefing.text.lazy_pattern import LazyPattern

KIND_LABELS = {
    "actual": ("实际", "actual"),
    "estimate": ("预计", "estimate"),
    "target": ("目标", "target"),
    "rank": ("排名", "rank"),
    "tier": ("梯队", "tier"),
    "ratio": ("比值", "ratio"),
    "growth": ("增长", "growth"),
    "cumulative": ("累计", "cumulative"),
    # a number taken from a name ("百亿人才基金"), not a measured size
    "nominal": ("名义（取自名称）", "nominal (from the name)"),
}
PERIOD_UNDATED = ("未注明年份", "undated")


def period_label(figure: Figure, lang: Lang) -> str:
    """The figure's period for a reader: "2024", "2025-07", or "undated" in words."""
    if figure.period == UNDATED:
        return PERIOD_UNDATED[0] if lang == "zh" else PERIOD_UNDATED[1]
    return figure.period


def kind_label(kind: str, lang: Lang) -> str:
    zh, en = KIND_LABELS.get(kind, (kind, kind))
    return zh if lang == "zh" else en


def scope_label(scope: str | None, lang: Lang, pack: Pack | None = None) -> str:
    """A scope in words; ``pack`` adds the scopes its manifest declares."""
    return scope_name(scope, lang, pack)


def qualifier_label(figure: Figure, lang: Lang, pack: Pack | None = None) -> str:
    """The figure's hedge: the source's word in Chinese, its gloss in English."""
    if not figure.qualifier:
        return ""
    hedge = hedge_of(figure.qualifier, pack)
    return figure.qualifier if lang == "zh" else (hedge.en if hedge else "")


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _scale(value: float, least: float = 1e6) -> tuple[float, str] | None:
    """The English scale word for ``value`` (size and word), from ``least`` up; None below."""
    return next(((size, word) for size, word in _SCALES if size >= least and abs(value) >= size),
                None)


def _money(value: float) -> str:
    if scale := _scale(value):
        return f"RMB {value / scale[0]:,.4g} {scale[1]}"
    return f"RMB {format_value(value)}"


def _count(value: float) -> str:
    """A count in English: a billion or more in words ("1.07 billion"), since twelve digits
    ("65,000,000,000 jin") are not read at a glance; below that, every digit. Exact, unlike
    money's four significant digits: a count is not rounded."""
    if scale := _scale(value, least=1e9):
        return f"{format_value(round(value / scale[0], 6))} {scale[1]}"
    return format_value(value)


def english_quantity(pack: Pack, figure: Figure) -> str:
    """The figure's value in English, without the hedge; a range says both ends."""
    if figure.high is not None:
        return english_range(pack, figure.value, figure.high, figure.unit)
    value, unit = figure.value, figure.unit
    if unit == "yuan":
        return _money(value)
    if unit == "percent":
        return f"{format_value(value)}%{_doubling(figure.display)}"
    if unit == "rank":
        return f"No. {format_value(value)}"
    if unit == "tier":  # a group of leaders, never a place: "first tier", not "No. 1"
        return f"{_tier_ordinal(value)} tier"
    if unit == "ratio":
        fraction = fraction_text(figure.display)  # "1/5", or "三分之一" as "1/3"
        return fraction or f"{format_value(value)}×"
    if unit == "times":
        return f"{format_value(value)}×"
    return f"{_count(value)} {pack.unit(unit).english(value)}"  # validated: it exists


_DOUBLING_EN = {"翻两番": " (quadrupled)", "翻一番": " (doubled)", "翻番": " (doubled)"}


def _doubling(display: str) -> str:
    """" (doubled)" when a percent growth is the source's 翻番: say what the 100% means."""
    return next((_DOUBLING_EN[w] for w in UNIT_IDIOMS if w in display and w in _DOUBLING_EN),
                "")


def english_range(pack: Pack, low: float, high: float, unit: str) -> str:
    """Both ends of a range, the unit said once: "4.5–5%", "RMB 1–1.2 billion",
    "10,000–12,000 people", "No. 3–5"."""
    if unit == "yuan":
        if scale := _scale(high):
            size, word = scale
            return f"RMB {low / size:,.4g}–{high / size:,.4g} {word}"
        return f"RMB {format_value(low)}–{format_value(high)}"
    both = f"{format_value(low)}–{format_value(high)}"
    if unit == "percent":
        return f"{both}%"
    if unit == "rank":
        return f"No. {both}"
    if unit in ("times", "ratio"):
        return f"{both}×"
    if unit == "tier":
        return f"{_tier_ordinal(low)} to {_tier_ordinal(high)} tier"
    return f"{both} {pack.unit(unit).english(high)}"


def _top_rank(figure: Figure, pack: Pack | None) -> bool:
    """A rank given as a ceiling: 前三 (top three), not "No. 3"."""
    found = hedge_of(figure.qualifier, pack)
    return figure.unit == "rank" and found is not None and found.meaning == "at-most"


def figure_value(pack: Pack, figure: Figure, lang: Lang) -> str:
    """What a reader sees as the figure's value: the source wording, or hedged English."""
    if lang == "zh":
        return figure.display
    if _top_rank(figure, pack):
        return f"top {format_value(figure.value)}"
    hedge = qualifier_label(figure, lang, pack)
    quantity = english_quantity(pack, figure)
    if not hedge:
        return quantity
    found = hedge_of(figure.qualifier, pack)
    if found and found.after:  # "or more" reads after the number
        return f"{quantity} ({hedge})"
    return f"{hedge} {quantity}"


# -- a value split for tables: the (hedged) number, and the unit word beside it ---------------
# Tables right-align numbers and left-align words, so they need the two apart. Both languages
# are derived from the figure's structured value, unit and qualifier, never from quote
# fragments ("B市有49人"); Chinese keeps the source's own numeral spelling ("超千亿", "2.43万")
# when the display is nothing but a number, its hedge and a measure word.

_ZH_PLAIN_DISPLAY = LazyPattern(
    r"^(?:超过|超|约|近|预计)?"
    r"(?P<number>\d[\d.,/]*[十百千万亿]*|[零〇一二两三四五六七八九十百千万亿]+)"
    r"(?:余|多)?(?P<unit>[^\d\s%]{0,4}?)(?P<percent>%?)(?:以上|左右)?$"
)
_BARE_UNITS = {"percent", "rank", "ratio"}  # the number carries its own sign: 4%, No. 4, 1/2


def chinese_amount(value: float) -> str:
    """A base-unit value in Chinese notation: 24300 -> "2.43万", 4.32e10 -> "432亿"."""
    for size, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return f"{value / size:.6g}{word}"
    return f"{value:.6g}" if value != int(value) else str(int(value))


def _money_words(value: float) -> str:
    """An RMB amount without the currency: "43.2 billion"."""
    return _money(value).removeprefix("RMB ")


def _tier_ordinal(value: float) -> str:
    words = ("first", "second", "third", "fourth", "fifth")
    index = int(value) - 1
    return words[index] if value == int(value) and 0 <= index < len(words) else \
        f"No. {format_value(value)}"


def quantity_parts(pack: Pack, value: float, unit: str, lang: Lang,
                   display: str = "", high: float | None = None) -> tuple[str, str]:
    """(number, unit word) of a bare value (or range, up to ``high``), without any hedge.

    ``display`` (the source wording) only lends Chinese its numeral spelling and measure word,
    and only when it holds nothing else.
    """
    if high is not None:
        return _range_parts(pack, value, high, unit, lang)
    if unit == "percent":
        return f"{format_value(value)}%", ""
    if unit == "ratio":
        return fraction_text(display) or format_value(value), ""
    if lang == "en":
        if unit == "yuan":
            return _money_words(value), "RMB"
        if unit == "rank":
            return f"No. {format_value(value)}", ""
        if unit == "tier":
            return f"{_tier_ordinal(value)} tier", ""
        if unit == "times":
            return f"{format_value(value)}×", ""
        return _count(value), pack.unit(unit).english(value)
    if unit == "rank":
        return f"第{format_value(value)}", ""
    if unit == "tier":
        return f"第{chinese_amount(value)}梯队", ""
    word = pack.unit(unit).measure_words[0]
    plain = _ZH_PLAIN_DISPLAY.match(display)
    if plain and plain.group("unit") in _zh_measure_words(pack, word) and (
            plain.group("number")[0].isdigit() or plain.group("number")[-1] in "千万亿"):
        return plain.group("number"), plain.group("unit") or word
    return chinese_amount(value), word


def _range_parts(pack: Pack, low: float, high: float, unit: str,
                 lang: Lang) -> tuple[str, str]:
    """(number, unit word) of a range: ("4.5–5%", ""), ("4.5%—5%", ""), ("10–12", "万人")."""
    if lang == "en":
        phrase = english_range(pack, low, high, unit)
        if unit == "yuan":
            return phrase.removeprefix("RMB "), "RMB"
        label = pack.unit(unit).english(high) if unit not in _BARE_UNITS | {
            "times", "tier", "yuan"} else ""
        return (phrase.removesuffix(" " + label), label) if label else (phrase, "")
    if unit == "percent":
        return f"{format_value(low)}%—{format_value(high)}%", ""
    if unit == "rank":
        return f"第{format_value(low)}—{format_value(high)}", ""
    word = "" if unit in ("ratio", "times", "tier") else pack.unit(unit).measure_words[0]
    return f"{chinese_amount(low)}—{chinese_amount(high)}", word


def _zh_measure_words(pack: Pack, word: str) -> set[str]:
    words = {alt for u in pack.units for alt in u.measure_words}
    return words | {"", word}


def _hedged(pack: Pack, figure: Figure, lang: Lang) -> tuple[str, str, str, str]:
    """(before, number, unit word, after) with the figure's hedge placed where it belongs."""
    if _top_rank(figure, pack):  # 前三: the hedge is the phrase
        top = figure.display[figure.display.find(figure.qualifier or ""):]
        return "", (f"top {format_value(figure.value)}" if lang == "en" else top), "", ""
    if lang == "en":  # the one English formatter, split where its unit word begins
        number, unit = _split_english(pack, figure, english_quantity(pack, figure))
    else:
        number, unit = quantity_parts(pack, figure.value, figure.unit, lang, figure.display,
                                      figure.high)
    hedge = figure.qualifier
    if not hedge:
        return "", number, unit, ""
    if lang == "en":
        found = hedge_of(hedge, pack)
        words = found.en if found else ""
        return ("", number, unit, f" {words}") if found and found.after else (
            f"{words} ", number, unit, "")
    if hedge in ZH_AFTER_NUMBER:
        return "", number + hedge, unit, ""
    if hedge in ZH_AFTER_UNIT or (hedge_of(hedge) is None and _written_after(figure, hedge)):
        return "", number, unit, hedge  # 以上 / 左右 / 以内 close the phrase: "5%以内"
    return hedge, number, unit, ""  # 超, 不超过, and a manifest's 逾 or 突破 come first


def _written_after(figure: Figure, hedge: str) -> bool:
    """Whether the source writes a (manifest's) hedge after the number: "5%之内"."""
    if hedge in figure.display:
        reading = read_number(figure.display)
        return reading is not None and figure.display.find(hedge) >= reading.end
    return f"{figure.display}{hedge}" in figure.source.quote


def _split_english(pack: Pack, figure: Figure, phrase: str) -> tuple[str, str]:
    if figure.unit == "yuan" and phrase.startswith("RMB "):
        return phrase.removeprefix("RMB "), "RMB"
    label = pack.unit(figure.unit).english(figure.value)
    if phrase.endswith(" " + label):
        return phrase.removesuffix(" " + label), label
    return phrase, ""


def value_parts(pack: Pack, figure: Figure, lang: Lang) -> tuple[str, str]:
    """(hedged number, unit word) of a figure for a table: ("over 19,000", "enterprises"),
    ("超1.9万", "家"), ("2800左右", "家")."""
    before, number, unit, after = _hedged(pack, figure, lang)
    return f"{before}{number}{after}", unit


def value_phrase(pack: Pack, figure: Figure, lang: Lang) -> str:
    """The figure's value as one phrase, derived from its structured value, unit and hedge:
    "over RMB 100 billion", "2800家左右" (never a quote fragment such as "B市有49人")."""
    before, number, unit, after = _hedged(pack, figure, lang)
    return f"{before}{joined_value(number, unit, lang)}{after}"


def joined_value(number: str, unit: str, lang: Lang) -> str:
    """Number and unit word as one phrase: "19,000 enterprises", "1.9万家", "RMB 43.2 billion"."""
    if not unit:
        return number
    if lang == "zh":
        return number + unit
    return f"RMB {number}" if unit == "RMB" else f"{number} {unit}"


def signed_change(pack: Pack, delta: float, unit: str, lang: Lang) -> str:
    """A difference with its sign and unit; differences of percentages are percentage points
    ("+3.4 pp", "+3.4个百分点"), never a bare "+3.4"."""
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    size = abs(delta)
    if unit == "percent":
        amount = format_value(round(size, 4))
        return f"{sign}{amount} pp" if lang == "en" else f"{sign}{amount}个百分点"
    number, word = quantity_parts(pack, size, unit, lang)
    return sign + joined_value(number, word, lang)
