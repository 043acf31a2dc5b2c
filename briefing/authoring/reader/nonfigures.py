"""Numbers that are not figures, each with the reason a reader would give.

They are written into the pack's coverage ignore list, so ``coverage`` starts honest: a session
of a congress, a slogan, a plan's name, a metro line, a hotline, a version, an anniversary or a
size class is part of a name or a phrase, never a measured value.
"""

from __future__ import annotations

import re

from briefing.authoring.reader.tokens import Token

PLAN = "the name of a five-year plan, not a quantity"
CONGRESS = "the ordinal of a congress or its session, part of its name"
EDITION = "the edition of an event, part of its name"
ORDINAL = "an ordinal in a name or phrase (a generation, a batch, a part), not a rank"
SYSTEM = "the name of a policy system (as in “1+6+N”), not a count"
LINE = "the number of a metro or bus line (a name)"
NUMBERED = "a number in a name (as in 1号文件), not a quantity"
NAME = "a number in a name (as in “1030产业”), not a quantity"
HOTLINE = "a hotline or service number (a name), not a quantity"
VERSION = "a version number (as in 2.0, 7.0版), not a quantity"
ANNIVERSARY = "an anniversary in an event's name, not a measured value"
SLOGAN = "a slogan, not a count"
DOUBLE_DIGIT = "says only “double-digit” (两位数), not a value"
SIZE_CLASS = "a size class (as in 千亿级), not a measured size"
AGE_BRACKET = "an age bracket naming a group, not a measured value"
PLAN_SPAN = "the span in a plan's name (as in 三年行动计划), not a quantity"
ARTICLE = "the article “a” (as in 一批, 一件事), not a count"
REVIEW_SPAN = "the span of years the text reviews or plans, not a measured value"
DENOMINATOR = "the denominator of a rate (每千人口, 每万人), not a quantity"
WINDOW = "the window a change or total is counted over (五年累计, 近5年, 三年来), not a quantity"
QUALITY_CLASS = "a quality class (as in 劣五类, Ⅲ类水), a name, not a quantity"

#: Political formulas written with a numeral: slogans, never counts of things.
SLOGANS = ("四个中心", "两个确立", "两个维护", "四个意识", "四个自信", "四个全面", "五位一体",
           "两个毫不动摇", "两个大局", "两个结合", "三个务必", "六稳", "六保", "一带一路",
           "两山", "三新一高", "五个必由之路", "两个先行", "四个走在前列", "三个表率",
           "八项规定")
_CONGRESS = ("人民代表大会", "人大", "代表大会", "党代会", "全会", "会议", "政协", "委员会",
             "常委会", "全体会议")
_SCOPE_BEFORE = ("全国", "全省", "全市", "全球", "世界", "全区", "全县", "城市", "同类", "国内",
                 "中国", "亚洲", "居", "列", "排名", "位居", "保持", "排")
_NAME_AFTER_ORDINAL = "代批期轮号部章节条款类"
_ARTICLE_AFTER = ("批", "系列", "件事", "次性", "体化", "站式", "流", "揽子", "张蓝图", "张网",
                  "盘棋", "把手", "线", "网", "号")
#: "就是一次工作动员会", "成为一个…": after these, 一 is the article "a".
_ARTICLE_BEFORE = ("是", "为", "成为", "作为", "有")
_PERSON = ("婴幼儿", "儿童", "老年人", "老人", "青少年", "学生", "人口", "以下", "以上")
_PLAN_NAME = ("行动计划", "行动方案", "攻坚行动", "专项行动", "规划", "计划", "攻坚")
_SLOGAN_COUNT = re.compile(r"“[一二两三四五六七八九十]个[^”]{1,6}”")
_QUOTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}”")


def reason(text: str, token: Token) -> str | None:
    """Why the number at ``token`` is not a figure, or None when it is one."""
    written = text[token.start:token.number_end]
    after = text[token.number_end:token.number_end + 8]
    rest = text[token.end:token.end + 8]
    before = text[max(0, token.start - 6):token.start]
    form = token.form
    if form == "plan":
        return PLAN
    if form == "plus" and (written[-1].isalpha() or after.startswith("+")):
        return SYSTEM
    if form == "ordinal":
        return _ordinal(after, rest, before)
    if token.measure in ("届", "次") and rest.startswith(_CONGRESS):
        return CONGRESS
    if after.startswith("号线") or (after.startswith("号") and not token.measure):
        return LINE if after.startswith("号线") else NUMBERED
    if _slogan(text, token):
        return SLOGAN
    return _phrase(text, token, written, after, rest, before)


def _ordinal(after: str, rest: str, before: str) -> str | None:
    if after.startswith(("届", "次")):
        return CONGRESS if rest.startswith(_CONGRESS) else EDITION
    if after[:1] in "名位" or after.startswith(("方阵", "梯队")):
        return None
    if after[:1] in _NAME_AFTER_ORDINAL or after.startswith(("个五年", "部分", "时间")):
        return ORDINAL
    if before.endswith(_SCOPE_BEFORE) or not after[:1].strip() or after[:1] in "，。；、：）":
        return None
    return ORDINAL


_SLOGAN = re.compile("|".join(SLOGANS))


def _slogan(text: str, token: Token) -> bool:
    if _SLOGAN.match(text, token.start) or _SLOGAN.match(text, max(0, token.start - 1)):
        return True
    quoted = _SLOGAN_COUNT.match(text, max(0, token.start - 1))
    return bool(quoted and quoted.start() == token.start - 1 and token.measure != "大")


def _phrase(text: str, token: Token, written: str, after: str, rest: str,
            before: str) -> str | None:
    form, measure = token.form, token.measure
    if form == "number" and measure is None and "." not in written and (
            len(written.replace(",", "")) >= 5 or before.endswith(("热线", "电话"))
            or after.startswith(("热线", "政务服务", "便民", "服务热线", "+"))):
        return HOTLINE
    if form == "number" and measure is None and (after.startswith("版") or (
            written.endswith(".0") and not after.startswith(("%", "个")))):
        return VERSION
    if form == "number" and measure is None and before.endswith("“") and _QUOTED_NAME.match(
            after):
        return NAME
    if after.startswith("周年"):
        return ANNIVERSARY
    if measure == "位" and rest.startswith("数"):
        return DOUBLE_DIGIT
    if after.startswith("级") and measure is None:
        return SIZE_CLASS
    if measure == "岁" and rest.startswith(_PERSON):
        return AGE_BRACKET
    if measure == "年" and rest.startswith(_PLAN_NAME):
        return PLAN_SPAN
    if form == "cn" and written == "一" and (measure == "批" or after.startswith(_ARTICLE_AFTER)
                                             or before.endswith(_ARTICLE_BEFORE)):
        return ARTICLE
    if measure == "年" and written in ("一", "五") and (
            rest.startswith("来") or before.endswith(("今后", "未来", "过去", "的"))):
        return REVIEW_SPAN
    if before.endswith("每"):
        return DENOMINATOR
    if measure == "年" and (rest.startswith(("累计", "来", "以来", "间")) or before.endswith("近")):
        return WINDOW
    if before.endswith("劣") or after.startswith("类水"):
        return QUALITY_CLASS
    return None
