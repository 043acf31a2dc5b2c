"""A drafted figure's Chinese label: the words before its number, without the verb and hedge
that lead into it ("全市地区生产总值达到" -> "全市地区生产总值"), and with its subject when
the words are only a change ("同比增长" after "地区生产总值达到1.23万亿元" ->
"地区生产总值同比增长")."""

from __future__ import annotations

import re

#: Words between a figure's subject and its number, left out of its label.
_LEAD_INS = ("预计达到", "总数达到", "累计达到", "分别达到", "分别为", "提高到", "提高至",
             "提升到", "提升至", "增加到", "增加至", "增至", "降至", "降低到", "达到了", "达到",
             "保持在", "控制在", "稳定在", "突破", "超过", "超", "约为", "约", "近", "逾",
             "接近", "不低于", "不少于", "不超过", "达", "为", "是", "有", "完成", "实现",
             "预计", "分别", "共", "在", "居", "位居", "位列", "排名")
#: Labels that name a change but not what changed.
_CHANGE_ONLY = re.compile(r"^(?:同比|比上年|较上年|年均|分别|全年)?(?:增长|增加|提高|提升|下降|"
                          r"减少|降低|净增|增幅|增速)?$")
#: Words that go on with the subject before them rather than name one ("累计建成 18.6万个").
_GOES_ON = ("累计", "合计", "共", "其中", "同比", "比上年", "较上年", "年均", "全年")
_EDGES = " \t\u3000，,、；;：:。（(）)"
#: Words before a figure's subject that say when or how hard, not what ("力争", "到2030年").
#: A paragraph's point marker before them ("一是", "（三）", "4.") says where, not what.
_NUMERAL = "[一二三四五六七八九十]"
_LEADING = re.compile(rf"^(?:{_NUMERAL}+是|其{_NUMERAL}|（?{_NUMERAL}+）|"
                      r"\d+[.、．](?!\d)|首先|我们|力争|确保|争取|其中|全年|今年|"
                      r"到?(?:19|20)\d{2}年(?:底|末)?)+")
_LISTED = re.compile(r"[\d%‰]\S{0,3}[和及与、]$")
#: A place that opens a sentence ("南屏市地区生产总值…", "东湖新区…", "云州…"): the subject of
#: every figure of the sentence. Two characters at least before 市/区/县 (城市, 地区, 社区 are
#: words), one before 州; "全市", "本市", "设区市" name no place.
_PLACE = re.compile(r"^(?![全本我该各设每])(?:[\u4e00-\u9fff]{1,3}?州(?![市区县])"
                    r"|[\u4e00-\u9fff]{2,4}?(?:[市县]|(?<![地社城园景山湾矿小])区)"
                    r"(?![场民级域委政属内外直]))")


def clean(words: str) -> str:
    """The last phrase of ``words`` (after a figure listed before it: "…1.25万亿元、增长"),
    without the lead-in verb or hedge at its end."""
    words = words.strip(_EDGES)
    if " " in words:  # the reader's subject and the words of this figure: "…达到 增长"
        own = clean(words.rpartition(" ")[2])
        if own and not _CHANGE_ONLY.match(own) and not own.startswith(_GOES_ON):
            return own  # "民间投资" names its own subject; "累计建成" goes on the one before
        return "".join(clean(part) for part in words.split(" ") if part)
    words = words[max(words.rfind(ch) for ch in "，、；：,;:") + 1:].strip(_EDGES)
    words = _LEADING.sub("", words)
    changed = True
    while changed and words:
        changed = False
        for lead_in in _LEAD_INS:
            if words.endswith(lead_in) and len(words) > len(lead_in):
                words = words[: -len(lead_in)].rstrip(_EDGES)
                changed = True
                break
    return words


def labels(raw: list[str], sentences: list[int], whole: list[int] | None = None) -> list[str]:
    """The labels of figures in reading order; ``sentences`` numbers each figure's sentence
    (to a semicolon), so a change carries its subject only from a figure of the same sentence;
    ``whole`` numbers the sentences to their full stop, over which a place that opens one names
    each of its figures."""
    result: list[str] = []
    subject, subject_sentence = "", -1
    place, place_sentence = "", -1
    for words, sentence, full in zip(raw, sentences, whole or sentences, strict=True):
        if result and sentence == subject_sentence and _LISTED.search(words):
            result.append(result[-1])  # "分别增长4.6%和6.1%": the second is the first's kind
            continue
        label = clean(words)
        if full != place_sentence:  # the sentence's first figure says where, if anyone
            found = _PLACE.match(label)
            place, place_sentence = (found.group(0) if found else ""), full
        if _CHANGE_ONLY.match(label) and subject and sentence == subject_sentence:
            label = subject + (label or "")
        elif not _CHANGE_ONLY.match(label):
            subject, subject_sentence = _subject(label), sentence
        if place and label and not label.startswith(place):
            label = place + label  # "规模以上工业增加值增长" of 南屏市's sentence
        result.append(label or words.strip(_EDGES))  # "" when the number opens its clause
    return result


def _subject(label: str) -> str:
    """What a label measures, without its own change word ("高新技术企业净增" -> "高新技术企业")."""
    return re.sub(r"(?:同比|比上年|较上年)?(?:增长|增加|提高|提升|下降|减少|净增)$", "", label)
