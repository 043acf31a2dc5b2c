"""Measure words and units after a number, and the unit a draft gives the figure.

The measure word alone often says too little: 家 counts firms, laboratories and hospitals
alike, 个 anything. Where it is generic, the noun it counts decides ("国家重点实验室3家" is
laboratories); rates keep their denominator ("58万元/人", "29微克/立方米").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UnitGuess:
    """A unit for a drafted figure: its id, how Chinese writes it, English plural and singular."""

    id: str
    zh: str
    en: str
    singular: str | None = None


def _u(ident: str, zh: str, en: str, singular: str | None = None) -> UnitGuess:
    return UnitGuess(ident, zh, en, singular)


#: Units whose measure word says what they are, longest first where one starts another.
SPECIFIC: dict[str, UnitGuess] = {w: u for w, u in (
    ("个百分点", _u("percentage-points", "个百分点", "percentage points")),
    ("%", _u("percent", "%", "%")), ("‰", _u("per-mille", "‰", "‰")),
    ("亿美元", _u("usd", "美元", "US dollars")), ("万美元", _u("usd", "美元", "US dollars")),
    ("美元", _u("usd", "美元", "US dollars")),
    ("亿元", _u("yuan", "元", "yuan")), ("万元", _u("yuan", "元", "yuan")),
    ("元", _u("yuan", "元", "yuan")),
    ("千瓦时", _u("kwh", "千瓦时", "kWh")), ("千瓦", _u("kw", "千瓦", "kW")),
    ("平方公里", _u("square-km", "平方公里", "km²")),
    ("平方米", _u("square-metres", "平方米", "m²")),
    ("立方米", _u("cubic-metres", "立方米", "m³")),
    ("微克/立方米", _u("micrograms-per-cubic-metre", "微克/立方米", "μg/m³")),
    ("千米", _u("km", "千米", "km")), ("公里", _u("km", "公里", "km")),
    ("千克", _u("kg", "千克", "kg")), ("公斤", _u("kg", "公斤", "kg")),
    ("公顷", _u("hectares", "公顷", "hectares", "hectare")),
    ("标准箱", _u("teu", "标准箱", "TEU")), ("吨", _u("tonnes", "吨", "tonnes", "tonne")),
    ("亩", _u("mu", "亩", "mu")), ("斤", _u("jin", "斤", "jin (0.5 kg)")),
    ("家次", _u("enterprise-services", "家次", "enterprise services (repeat services counted)")),
    ("人次", _u("person-times", "人次", "person-times")),
    ("个月", _u("months", "个月", "months", "month")),
    ("个工作日", _u("working-days", "个工作日", "working days", "working day")),
    ("工作日", _u("working-days", "工作日", "working days", "working day")),
    ("小时", _u("hours", "小时", "hours", "hour")), ("分钟", _u("minutes", "分钟", "minutes")),
    ("辆", _u("vehicles", "辆", "vehicles", "vehicle")),
    ("岁", _u("years-of-age", "岁", "years of age", "year of age")),
    ("列", _u("trains", "列", "train journeys", "train journey")),
    ("艘", _u("vessels", "艘", "vessels", "vessel")),
    ("笔", _u("transactions", "笔", "transactions", "transaction")),
    ("倍", _u("times", "倍", "times")), ("届", _u("editions", "届", "editions", "edition")),
    ("年", _u("years", "年", "years", "year")), ("天", _u("days", "天", "days", "day")),
    ("款", _u("models", "款", "models", "model")),
    ("人", _u("people", "人", "people", "person")), ("名", _u("people", "名", "people", "person")),
    ("位", _u("people", "位", "people", "person")),
)}
#: Measure words that count whatever noun they go with (the noun decides the unit).
GENERIC = {"户": "households", "家": "organizations", "个": "items", "项": "items",
           "所": "institutions", "座": "facilities", "条": "items", "件": "items",
           "只": "items", "批": "batches", "幢": "buildings", "栋": "buildings",
           "张": "items", "套": "sets", "台": "units", "场": "events", "处": "sites",
           "种": "kinds", "类": "kinds", "次": "times", "大": "items", "支": "teams",
           "部": "items", "篇": "items", "例": "cases", "份": "copies"}
#: Nouns a generic measure word may count, most specific first: (noun, unit).
NOUNS: tuple[tuple[str, UnitGuess], ...] = tuple((n, u) for n, u in (
    ("实验室", _u("laboratories", "家", "laboratories", "laboratory")),
    ("公寓", _u("apartments", "套", "apartments", "apartment")),
    ("楼宇", _u("buildings", "幢", "buildings", "building")),
    ("示范村", _u("villages", "个", "villages", "village")),
    ("研发机构", _u("rd-institutions", "家", "R&D institutions", "R&D institution")),
    ("机构", _u("institutions", "家", "institutions", "institution")),
    ("医院", _u("hospitals", "家", "hospitals", "hospital")),
    ("孵化器", _u("incubators", "家", "incubators", "incubator")),
    ("高校", _u("universities", "所", "universities", "university")),
    ("中小学", _u("schools", "所", "schools", "school")),
    ("幼儿园", _u("schools", "所", "schools", "school")),
    ("学校", _u("schools", "所", "schools", "school")),
    ("企业", _u("enterprises", "家", "enterprises", "enterprise")),
    ("公司", _u("enterprises", "家", "enterprises", "enterprise")),
    ("经营主体", _u("businesses", "户", "businesses", "business")),
    ("市场主体", _u("businesses", "户", "businesses", "business")),
    ("居民", _u("households", "户", "households", "household")),
    ("农户", _u("households", "户", "households", "household")),
    ("平台", _u("platforms", "个", "platforms", "platform")),
    ("中心", _u("centres", "个", "centres", "centre")),
    ("基地", _u("bases", "个", "bases", "base")),
    ("园区", _u("parks", "个", "parks", "park")),
    ("公园", _u("parks", "个", "parks", "park")),
    ("服务站", _u("facilities", "个", "facilities", "facility")),
    ("集群", _u("clusters", "个", "clusters", "cluster")),
    ("专利", _u("patents", "件", "patents", "patent")),
    ("项目", _u("projects", "个", "projects", "project")),
    ("专项", _u("projects", "项", "projects", "project")),
    ("课题", _u("projects", "项", "projects", "project")),
    ("合同", _u("contracts", "项", "contracts", "contract")),
    ("小区", _u("housing-estates", "个", "housing estates", "housing estate")),
    ("住房", _u("homes", "套", "homes", "home")),
    ("床位", _u("beds", "张", "beds", "bed")),
    ("托位", _u("childcare-places", "个", "childcare places", "childcare place")),
    ("学位", _u("school-places", "个", "school places", "school place")),
    ("充电桩", _u("charging-points", "个", "charging points", "charging point")),
    ("线路", _u("routes", "条", "routes", "route")),
    ("机器人", _u("robots", "套", "robots", "robot")),
    ("设施", _u("facilities", "个", "facilities", "facility")),
    ("活动", _u("events", "场", "events", "event")),
    ("人才", _u("people", "人", "people", "person")),
    ("基金", _u("funds", "只", "funds", "fund")),
    ("产业", _u("industries", "个", "industries", "industry")),
    ("工程", _u("programmes", "项", "programmes", "programme")),
    ("行动", _u("actions", "项", "actions", "action")),
    ("举措", _u("measures", "条", "measures", "measure")),
    ("措施", _u("measures", "条", "measures", "measure")),
    ("政策", _u("policies", "项", "policies", "policy")),
    ("任务", _u("tasks", "项", "tasks", "task")),
    ("榜单", _u("items", "项", "items", "item")),
    ("团队", _u("teams", "个", "teams", "team")),
    ("国家", _u("countries", "个", "countries", "country")),
))
#: Every measure word, longest first (the first that the text starts with is the one).
WORDS = sorted([*SPECIFIC, *GENERIC], key=len, reverse=True)
FIRST_CHARS = "".join(sorted({w[0] for w in WORDS}))
#: What may follow a unit as its denominator: "58万元/人", "29微克/立方米", "3.2万元/吨".
PER = ("人", "户", "年", "月", "吨", "平方米", "立方米", "亩", "千瓦时", "小时", "天", "辆")
#: Words a measure word may begin that are nouns, not measures: 人才 (talent), 人民.
NOT_MEASURES = ("人才", "人民", "人口", "人大", "人工", "人居", "人文", "人行", "人均", "人员",
                "年度", "年均", "年轻", "名单", "名称", "名牌", "位于", "位居", "位列", "项目",
                "个人", "条件", "条例", "件事", "次性", "大会", "大学", "大型", "大力", "大幅",
                "大批", "台阶", "场景", "场所", "种类", "种植", "只有", "批准", "批复", "处理",
                "处置", "支持", "支撑", "部门", "部署", "所有", "所属", "座谈", "家庭",
                "户籍", "天然", "元旦", "列入")


_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _word in WORDS:
    _BY_FIRST[_word[0]] = (*_BY_FIRST.get(_word[0], ()), _word)


def measure_at(text: str, at: int) -> str | None:
    """The measure word (with any "/denominator") written at ``text[at:]``, or None."""
    words = _BY_FIRST.get(text[at:at + 1])
    if not words or text.startswith(NOT_MEASURES, at):
        return None
    for word in words:
        if text.startswith(word, at):
            end = at + len(word)
            if text.startswith("/", end):
                per = next((p for p in PER if text.startswith(p, end + 1)), None)
                if per:
                    return f"{word}/{per}"
            return word
    return None


def _noun_near(text: str, start: int, end: int) -> UnitGuess | None:
    """The unit of the noun a generic measure word counts: after it ("3家国家重点实验室"),
    else before the number in its clause ("国家重点实验室3家"), else in the clause before
    ("新增工业企业57家，总数达到612家")."""
    after = text[end:end + 10]
    stop = min((i for i in (after.find(c) for c in "，。；、：（") if i >= 0), default=10)
    for noun, unit in NOUNS:
        if noun in after[:stop]:
            return unit
    before = text[max(0, start - 32):start]
    cut = max(before.rfind(c) for c in "，、：；。！？\n") + 1
    found = _nearest(before, cut)
    if found is None and cut > 0 and len(before) - cut <= 6 and before[cut - 1] in "，、":
        found = _nearest(before, max(before.rfind(c, 0, cut - 1) for c in "，、：；。！？\n") + 1,
                         cut - 1)
    return found


def _nearest(words: str, start: int, stop: int | None = None) -> UnitGuess | None:
    """The unit of the last noun in ``words[start:stop]`` ("国家" there is an adjective)."""
    best: tuple[int, int, UnitGuess] | None = None
    for noun, unit in NOUNS:
        if noun == "国家":
            continue
        pos = words.rfind(noun, start, stop)
        if pos >= 0 and (best is None or (pos + len(noun), len(noun)) > best[:2]):
            best = (pos + len(noun), len(noun), unit)  # the last, and longest, noun
    return best[2] if best else None


_MOVES = ("前移", "后移", "上升", "提升", "下降", "进位", "跃升", "上移", "下移")
_PLACES = _u("places", "位", "places", "place")


def unit_for(text: str, start: int, end: int, measure: str | None) -> UnitGuess | None:
    """The unit a number written at ``text[start:end]`` with ``measure`` is drafted in."""
    if measure is None:
        return None
    if measure == "位" and text.endswith(_MOVES, max(0, start - 2), start):
        return _PLACES  # "前移5位": places moved in a ranking, not people
    if measure in SPECIFIC:
        return SPECIFIC[measure]
    word, _, per = measure.partition("/")
    if per:
        base = SPECIFIC.get(word) or _u(GENERIC.get(word, "items"), word, word)
        per_en = SPECIFIC[per].singular or SPECIFIC[per].en if per in SPECIFIC else per
        ident = f"{base.id}-per-{SPECIFIC[per].id if per in SPECIFIC else 'unit'}"
        if word.endswith("元") and per in ("人", "户"):
            ident = f"yuan-per-{'person' if per == '人' else 'household'}"
        return _u(ident, measure.replace("亿", "").replace("万", ""), f"{base.en} per {per_en}")
    if word in SPECIFIC:
        return SPECIFIC[word]
    return _noun_near(text, start, end) or _u(GENERIC[word], word, GENERIC[word])
