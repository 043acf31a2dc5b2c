"""A provincial government work report of about 20,000 characters, made up and generated from
templates (no real report's text): a 2025 review in parts （一）… with 一是/二是 points and a
paragraph a prefecture, the five years' results against 2020, the year's 主要预期目标 with a
range, floors and ceilings, a 十五五 list with one 2035 sentence, the year's work in parts with
numbered paragraphs (1. 2. …), and closing words.

``ANSWERS`` lists the headline figures whose reading the tests and the bench check: the
words of the quote, the value, the high end of a range, kind, period and hedge."""

from __future__ import annotations

PROVINCE = "青岚省"
#: Prefectures: each has a paragraph of its own in the review (numbers vary with the index).
PREFECTURES = ("云溪市", "北湖市", "南屏市", "西岭市", "江陵市", "石门市", "白沙市", "清河市",
               "长汀市", "桐城市", "临水市", "望江市")

OPENING = f"""{PROVINCE}人民政府工作报告
——2026年1月21日在{PROVINCE}第十四届人民代表大会第五次会议上
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。
"""

#: The review's parts: a heading, then points (一是, 二是, …) each with its sentence.
REVIEW = (
    ("经济运行回升向好", (
        "全省地区生产总值达到6.18万亿元，增长5.3%，增速高于全国0.3个百分点",
        "规模以上工业增加值增长6.4%，制造业增加值占地区生产总值比重提升至28.6%",
        "固定资产投资增长4.2%，其中制造业投资增长9.8%，民间投资下降1.5%",
        "社会消费品零售总额2.46万亿元，增长5.1%",
        "一般公共预算收入4180亿元，增长3.6%，税收占比提高到71.2%")),
    ("科技创新能力持续增强", (
        "全社会研发经费投入超过1860亿元，研发投入强度达到3.02%",
        "新增国家级专精特新“小巨人”企业96家，高新技术企业总数突破2.1万家",
        "技术合同成交额达到2150亿元，增长12.7%",
        "新建省级重点实验室18家、新型研发机构23家，全省每万人口高价值发明专利拥有量达到14.6件")),
    ("现代化产业体系加快构建", (
        "新能源汽车产量达到86.5万辆，增长38.2%",
        "集成电路产业营业收入突破1500亿元，电子信息制造业增加值增长11.4%",
        "数字经济核心产业增加值占地区生产总值比重达到11.8%",
        "新增5G基站3.2万个，累计建成18.6万个",
        "服务业增加值增长5.6%，占地区生产总值比重达到54.3%")),
    ("改革开放纵深推进", (
        "货物进出口总额1.36万亿元，增长4.8%，其中出口增长6.9%",
        "实际使用外资112亿美元，新设外商投资企业1820家",
        "经营主体总量达到1026万户，其中民营企业增长8.1%",
        "中欧班列开行2360列，港口集装箱吞吐量达到1180万标准箱")),
    ("城乡区域协调发展", (
        "常住人口城镇化率达到66.4%，提高0.9个百分点",
        "粮食总产量652亿斤，连续十年稳定在650亿斤以上",
        "新建改建农村公路4300公里，农村居民人均可支配收入增长6.6%",
        "完成城镇老旧小区改造2860个，惠及居民41万户")),
    ("生态环境质量持续改善", (
        "设区市空气质量优良天数比率达到89.6%，细颗粒物平均浓度下降到29微克/立方米",
        "地表水国控断面水质优良比例达到95.2%，劣五类水体全面消除",
        "单位地区生产总值能耗下降3.1%，可再生能源装机容量达到6800万千瓦",
        "完成造林绿化面积186万亩，森林覆盖率达到62.1%")),
    ("民生福祉不断增进", (
        "城镇新增就业78.6万人，城镇调查失业率平均为5.0%",
        "居民人均可支配收入达到4.12万元，增长5.4%",
        "新增普惠托位2.6万个，新增中小学学位12.8万个",
        "城乡居民基础养老金最低标准提高到每人每月236元",
        "民生支出占一般公共预算支出比重保持在78%以上")),
)

FIVE_YEARS = ("五年来，全省地区生产总值跨越两个万亿级台阶，年均增长5.7%，人均地区生产总值"
              "比2020年增加2.8万元；研发投入强度比2020年提高0.71个百分点；"
              "累计新增城镇就业402万人。")

TARGETS = ("综合考虑各方面因素，今年全省经济社会发展的主要预期目标是：地区生产总值增长"
           "5%—5.5%；一般公共预算收入增长3%左右；城镇新增就业不少于75万人，城镇调查失业率"
           "5.5%以内；居民消费价格涨幅控制在2%左右；居民人均可支配收入增长与经济增长基本同步；"
           "粮食产量稳定在650亿斤以上；研发投入强度不低于3.1%；单位地区生产总值能耗下降2.5%"
           "左右，细颗粒物平均浓度不超过30微克/立方米。")

PLAN = ("“十五五”时期全省经济社会发展的主要目标是：",
        "1.经济实力迈上新台阶。地区生产总值年均增长5%左右，到2030年全省地区生产总值突破"
        "8万亿元，人均地区生产总值达到13万元以上。",
        "2.创新能力实现新跃升。研发投入强度达到3.5%，高新技术企业数量达到3万家，数字经济核心"
        "产业增加值占地区生产总值比重达到15%。",
        "3.绿色转型取得新成效。非化石能源消费比重提高到28%，单位地区生产总值二氧化碳排放"
        "五年累计下降18%。",
        "4.民生福祉达到新水平。城镇调查失业率控制在5.5%以内，人均预期寿命达到80岁，"
        "每千人口拥有3岁以下婴幼儿托位数达到4.8个。",
        "展望2035年，全省常住人口城镇化率达到75%左右，基本实现社会主义现代化。")

#: The year's work: parts, each with numbered paragraphs (a title sentence, then measures).
WORK = (
    ("着力扩大有效需求", (
        ("扩大有效投资", "实施省级重点项目720个，年度计划投资8600亿元以上。新开工5亿元以上"
                        "产业项目不少于400个，推动专项债券更多用作资本金。"),
        ("提振消费信心", "开展汽车、家电以旧换新，全年举办促消费活动1000场以上。培育省级"
                        "夜间消费集聚区30个，社会消费品零售总额增长5.5%左右。"),
        ("稳住外贸外资", "支持企业开拓新兴市场，跨境电商进出口额增长15%。实际使用外资力争"
                        "达到115亿美元。"))),
    ("加快构建现代化产业体系", (
        ("做强先进制造业集群", "推动新能源汽车产量突破100万辆，培育千亿级产业集群12个。"
                             "规模以上工业增加值增长6%左右。"),
        ("发展数字经济", "新建5G基站2.5万个，新增上云企业1.2万家，数字经济核心产业增加值"
                        "增长10%以上。"),
        ("提升服务业", "新认定省级现代服务业集聚区25个，生产性服务业增加值增长7%。"))),
    ("深入实施创新驱动发展战略", (
        ("强化企业创新主体地位", "新增高新技术企业2500家以上，新培育专精特新中小企业"
                               "1500家，科技型中小企业评价入库突破3.2万家。"),
        ("建设高能级创新平台", "争创全国重点实验室3家，新建省级技术创新中心15家、"
                             "概念验证中心10家。"),
        ("加快科技成果转化", "技术合同成交额达到2400亿元，新设科技成果转化基金50亿元。"))),
    ("全面推进乡村振兴", (
        ("稳定粮食生产", "新建高标准农田220万亩，粮食播种面积稳定在8100万亩以上。"),
        ("促进农民增收", "农村居民人均可支配收入增长6.5%左右，新培育省级农业产业化龙头"
                        "企业120家。"))),
    ("持续改善生态环境", (
        ("打好污染防治攻坚战", "设区市空气质量优良天数比率保持在88%以上，地表水国控断面"
                             "水质优良比例不低于94%。"),
        ("推进绿色低碳转型", "新增可再生能源装机800万千瓦，单位地区生产总值二氧化碳排放"
                           "下降3.2%。"))),
    ("用心用情保障和改善民生", (
        ("稳就业促增收", "开展职业技能培训60万人次，帮扶困难人员就业6万人，零就业家庭"
                        "动态清零。"),
        ("办好人民满意的教育", "新建改扩建中小学和幼儿园180所，新增学位9万个。"),
        ("健全社会保障体系", "城乡居民基础养老金最低标准每人每月提高20元，新增普惠托位"
                            "2万个，新建改造城镇老旧小区2000个以上。"))),
)

CLOSING = ("各位代表！新征程上，我们要更加紧密地团结在以习近平同志为核心的党中央周围，"
           "锐意进取、真抓实干，奋力谱写中国式现代化青岚篇章！")

#: Sentences of the kind that fill a report between its numbers (none holds a number).
NARRATIVE = (
    "坚持把发展经济的着力点放在实体经济上，推动传统产业焕新、新兴产业壮大、未来产业布局。",
    "深化拓展“高效办成一件事”，企业开办、不动产登记等事项实现全程网办。",
    "统筹发展和安全，守牢安全生产、防灾减灾、食品药品安全底线。",
    "坚持项目为王，建立重大项目全生命周期服务机制，要素保障更加有力。",
    "持续优化营商环境，依法平等保护各类经营主体合法权益。",
    "加强省域协同，推动基础设施互联互通、公共服务共建共享。",
    "健全科技成果评价机制，赋予科研人员更大技术路线决定权和经费使用权。",
    "推动产学研用深度融合，支持龙头企业牵头组建创新联合体。",
    "坚持绿水青山就是金山银山理念，统筹山水林田湖草沙一体化保护和系统治理。",
    "扎实推进共同富裕，着力解决群众急难愁盼问题。",
    "推进以人为本的新型城镇化，促进农业转移人口市民化。",
    "加强财政资源统筹，坚持政府过紧日子，把有限资金用在刀刃上。",
    "稳妥化解地方债务风险，守住不发生系统性风险的底线。",
    "深化国资国企改革，提升国有企业核心竞争力。",
    "支持民营经济发展壮大，构建亲清政商关系。",
    "强化就业优先政策，完善重点群体就业支持体系。",
    "推进教育强省建设，促进义务教育优质均衡发展。",
    "深化医药卫生体制改革，推动优质医疗资源扩容下沉和区域均衡布局。",
    "积极应对人口老龄化，发展银发经济，健全养老服务网络。",
    "繁荣发展文化事业和文化产业，推动文旅深度融合。",
    "加强和创新社会治理，坚持和发展新时代“枫桥经验”。",
    "坚持依法行政，自觉接受人大监督、政协民主监督和社会监督。",
    "锲而不舍落实中央八项规定精神，持续整治形式主义为基层减负。",
    "加快数字政府建设，推动更多政务服务事项一网通办、跨省通办。",
)
INDUSTRIES = ("新能源装备", "现代纺织", "生物医药", "绿色食品", "精细化工", "智能家电",
              "新型材料", "电子信息", "文化旅游", "现代物流", "航空航天", "数字创意")
#: Parts of the year's work told a paragraph a prefecture: title, the paragraph's lead verb.
REGIONAL = (("促进区域协调发展", "支持{}加快发展"), ("推进城乡融合发展", "推动{}城乡融合"),
            ("壮大县域经济", "做强{}县域经济"), ("提升开发区能级", "建强{}开发区"),
            ("建设美丽城镇", "打造{}美丽城镇"), ("深化山海协作", "深化{}山海协作"))
POINTS = "一二三四五六七八九十"
PARTS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def _prefecture(index: int, name: str) -> str:
    """A prefecture's paragraph: its own numbers, so no two paragraphs share a sentence."""
    gdp = 3120 + 417 * index
    growth = 4.6 + (index % 7) / 10
    industry = INDUSTRIES[index % len(INDUSTRIES)]
    return (f"{name}地区生产总值达到{gdp}亿元，增长{growth:.1f}%；规模以上工业增加值增长"
            f"{5.1 + index / 10:.1f}%，新增高新技术企业{120 + 13 * index}家，城镇新增就业"
            f"{3.2 + index / 5:.1f}万人。{name}{industry}产业集群营业收入达到"
            f"{260 + 35 * index}亿元，建成{industry}产业园区{3 + index % 4}个。"
            + _said(index * 2, 2))


def _said(start: int, count: int) -> str:
    """``count`` sentences of the narrative, from ``start`` on (round the list)."""
    return "".join(NARRATIVE[(start + n) % len(NARRATIVE)] for n in range(count))


def _review() -> list[str]:
    lines = ["一、2025年工作回顾",
             "过去一年，面对复杂严峻的外部环境，全省上下迎难而上、真抓实干，经济社会发展"
             "主要目标任务圆满完成。"]
    for part, (title, points) in enumerate(REVIEW):
        said = "".join(f"{POINTS[n]}是{point}。" for n, point in enumerate(points))
        lines.append(f"（{PARTS[part]}）{title}。{said}{_said(part * 3, 4)}")
    lines.append(f"（{PARTS[len(REVIEW)]}）区域发展各展所长。")
    lines += [_prefecture(n, name) for n, name in enumerate(PREFECTURES)]
    lines.append(FIVE_YEARS)
    lines.append("同时，我们也清醒地看到，经济持续回升向好的基础还不稳固，有效需求不足，"
                 "部分企业生产经营困难，民生领域还有不少短板。我们将直面问题，切实加以解决。")
    return lines


def _work() -> list[str]:
    lines = ["四、2026年重点工作"]
    for part, (title, paragraphs) in enumerate(WORK):
        lines.append(f"（{PARTS[part]}）{title}")
        lines += [f"{n + 1}.{head}。{body}{_said(part * 5 + n, 3)}"
                  for n, (head, body) in enumerate(paragraphs)]
    return lines


def _government() -> list[str]:
    """The last part: the government's own work, words without numbers."""
    heads = ("坚持依法行政", "提升行政效能", "加强廉洁建设")
    return ["五、全面加强政府自身建设"] + [f"（{PARTS[n]}）{head}。{_said(7 * n + 3, 5)}"
                                         for n, head in enumerate(heads)]


def report(chars: int = 20_000) -> str:
    """The report, its work paragraphs told again for more prefectures' plans until it has
    about ``chars`` characters (each copy names its own prefecture and numbers)."""
    lines = [*OPENING.splitlines(), *_review(),
             "二、2026年经济社会发展的总体要求和主要预期目标",
             "做好今年政府工作，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。",
             TARGETS,
             "三、“十五五”时期的主要目标", *PLAN, *_work()]
    end = [*_government(), CLOSING]
    size, copy = sum(len(line) + 1 for line in lines + end), 0
    while size < chars:  # a part a round of the prefectures, a paragraph a prefecture
        name = PREFECTURES[copy % len(PREFECTURES)]
        round_ = copy // len(PREFECTURES)
        title, verb = REGIONAL[round_ % len(REGIONAL)]
        if copy % len(PREFECTURES) == 0:
            lines.append(f"（{PARTS[(len(WORK) + round_) % len(PARTS)]}）{title}")
        industry = INDUSTRIES[(copy + 5) % len(INDUSTRIES)]
        extra = (f"{copy % len(PREFECTURES) + 1}.{verb.format(name)}。推动{name}新开工重大项目"
                 f"{40 + copy}个，完成投资{310 + 7 * copy}亿元以上，新增城镇就业"
                 f"{2.1 + copy / 10:.1f}万人，{industry}产业营业收入增长{8 + copy % 5}%左右。"
                 + _said(copy, 4))
        lines.append(extra)
        size += len(extra) + 1
        copy += 1
    lines += end
    return "\n".join(lines) + "\n"


#: (words of the quote, value, high, kind, period, hedge or None): figures a careful reader
#: finds, each with its right reading.
ANSWERS = (
    ("地区生产总值达到6.18万亿元", 6.18e12, None, "actual", "2025", None),
    ("民间投资下降1.5%", -1.5, None, "growth", "2025", None),
    ("增长5%—5.5%", 5, 5.5, "target", "2026", None),
    ("不少于75万人", 750_000, None, "target", "2026", "不少于"),
    ("失业率5.5%以内", 5.5, None, "target", "2026", "以内"),
    ("不低于3.1%", 3.1, None, "target", "2026", "不低于"),
    ("不超过30微克/立方米", 30, None, "target", "2026", "不超过"),
    ("突破8万亿元", 8e12, None, "target", "2030", "突破"),
    ("研发投入强度达到3.5%", 3.5, None, "target", "2030", None),
    ("城镇化率达到75%左右", 75, None, "target", "2035", "左右"),
)
