"""The English a draft's ids are made of: the words reports measure and plan with, each with
the short gloss an analyst would type ("地区生产总值" gdp, "研发" rd, "失业率" unemployment).

Longer terms are tried first, so "研发投入强度" is rd-intensity, not rd and intensity. Words
no entry covers become pinyin (see :mod:`briefing.authoring.draft.ids`). The list is small on
purpose: ids must say what a figure measures, not translate the report.
"""

from __future__ import annotations

GLOSSARY: dict[str, str] = {
    # the economy
    "地区生产总值": "gdp", "国内生产总值": "gdp", "生产总值": "gdp", "经济总量": "gdp",
    "人均地区生产总值": "gdp-per-capita", "经济增长": "growth", "增加值": "value-added",
    "规模以上工业增加值": "industrial-value-added", "规上工业增加值": "industrial-value-added",
    "规模以上工业": "industrial", "规上工业": "industrial", "工业投资": "industrial-investment",
    "固定资产投资": "fixed-investment", "社会消费品零售总额": "retail-sales",
    "进出口总额": "trade", "进出口": "trade", "外贸": "trade", "出口": "exports",
    "进口": "imports", "实际使用外资": "fdi", "利用外资": "fdi", "外资": "foreign-investment",
    "一般公共预算收入": "budget-revenue", "一般公共预算支出": "budget-spending",
    "财政收入": "fiscal-revenue", "税收": "tax", "居民消费价格": "cpi", "物价": "prices",
    "数字经济": "digital-economy", "服务业": "services", "制造业": "manufacturing",
    "战略性新兴产业": "emerging-industries", "新兴产业": "emerging-industries",
    "高新技术产业": "hitech-industry", "产值": "output", "营业收入": "revenue",
    "上市公司": "listed-companies", "民营经济": "private-economy", "重大项目": "major-projects",
    "民间投资": "private-investment", "货物进出口": "goods-trade",
    "货物进出口总额": "goods-trade", "经营主体": "businesses",
    "市场主体": "businesses", "产量": "output",
    "项目": "projects", "投资": "investment", "消费": "consumption", "粮食": "grain",
    "能耗": "energy-use", "单位地区生产总值能耗": "energy-intensity", "碳排放": "carbon",
    # science and technology
    "研发投入强度": "rd-intensity", "研发经费投入强度": "rd-intensity", "研发强度": "rd-intensity",
    "研发经费": "rd-spending", "研发投入": "rd-spending", "研发机构": "rd-institutions",
    "研发": "rd", "基础研究": "basic-research", "高新技术企业": "hntes", "高企": "hntes",
    "科技型中小企业": "tech-smes", "专精特新": "specialised-smes", "小巨人": "little-giants",
    "独角兽": "unicorns", "瞪羚": "gazelles", "技术合同成交额": "tech-contracts",
    "技术合同": "tech-contracts", "技术交易": "tech-transactions", "重点实验室": "key-labs",
    "实验室": "labs", "孵化器": "incubators", "众创空间": "maker-spaces",
    "新型研发机构": "new-rd-institutions", "创新平台": "innovation-platforms",
    "概念验证中心": "proof-of-concept-centres", "创新联合体": "innovation-consortia",
    "发明专利": "invention-patents", "专利": "patents", "科技成果": "research-results",
    "成果转化": "tech-transfer", "科技金融": "sci-tech-finance", "科技": "st",
    "人才": "talent", "院士": "academicians", "领军人才": "leading-talent",
    "青年科技人才": "young-scientists", "科技人才": "st-talent", "创新": "innovation",
    # people and services
    "城镇调查失业率": "unemployment", "失业率": "unemployment", "城镇新增就业": "new-urban-jobs",
    "新增就业": "new-jobs", "就业": "jobs", "居民人均可支配收入": "disposable-income",
    "人均可支配收入": "disposable-income", "可支配收入": "income", "居民收入": "income",
    "城镇居民": "urban", "农村居民": "rural", "常住人口": "population", "人口": "population",
    "城镇化率": "urbanisation", "民生支出": "welfare-spending", "保障性住房": "affordable-housing",
    "住房": "housing", "养老": "elderly-care", "床位": "beds", "托位": "childcare-places",
    "学位": "school-places", "中小学": "schools", "幼儿园": "kindergartens", "医院": "hospitals",
    "医保": "health-insurance",
    # places and the environment
    "轨道交通": "rail-transit", "地铁": "metro", "高速公路": "expressways", "公交": "bus",
    "充电桩": "charging-points", "空气质量优良天数": "good-air-days", "优良天数": "good-air-days",
    "森林覆盖率": "forest-cover", "水质": "water-quality", "耕地": "farmland",
    "细颗粒物": "pm25", "PM2.5": "pm25", "地表水": "surface-water", "可再生能源": "renewables",
    "非化石能源": "non-fossil-energy", "二氧化碳排放": "carbon", "老旧小区": "old-estates",
    "农村公路": "rural-roads", "口袋公园": "pocket-parks", "城市更新": "urban-renewal",
    # what policy works on
    "现代化产业体系": "modern-industry", "产业体系": "industry", "产业": "industry",
    "先进制造业": "advanced-manufacturing", "集群": "clusters", "人工智能": "ai",
    "新能源汽车": "nevs", "新能源": "new-energy", "集成电路": "chips", "生物医药": "biomedicine",
    "低空经济": "low-altitude-economy", "新质生产力": "new-productive-forces",
    "营商环境": "business-environment", "经济": "economy", "民生": "welfare",
    "福祉": "wellbeing", "改革": "reform", "开放": "opening-up", "合作": "cooperation",
    "绿色": "green", "生态": "ecology", "环境": "environment", "城乡": "urban-rural",
    "乡村": "rural", "数字": "digital", "金融": "finance", "内需": "domestic-demand",
    "需求": "demand", "平台": "platforms", "服务": "services", "教育": "education",
    "医疗": "healthcare", "文化": "culture", "安全": "security", "基金": "funds",
    "信贷": "credit", "贷款": "loans", "指标": "indicators", "基础": "basis",
    "体系": "system", "能力": "capacity", "主体": "players", "国内需求": "domestic-demand",
    "国内": "domestic", "创新驱动": "innovation-driven", "创新型城市": "innovative-city",
    "科技成果转化": "tech-transfer", "重点任务": "tasks", "结构": "structure",
    # the words plans are made of
    "总体要求": "requirements",
    "主要预期目标": "targets", "预期目标": "targets", "主要目标": "goals", "目标": "targets",
    "工作回顾": "review", "回顾": "review", "工作总结": "review", "总结": "review",
    "工作安排": "plans", "工作打算": "plans", "工作思路": "plans", "工作计划": "plans",
    "主要工作": "tasks", "重点工作": "tasks", "主要任务": "tasks", "目标任务": "goals-tasks",
    "十四五": "14th-fyp", "十五五": "15th-fyp", "十三五": "13th-fyp", "名词解释": "glossary",
    "附件": "annex", "政府工作报告": "gov-work-report", "工作报告": "work-report",
    "规划纲要": "plan-outline", "科学技术局": "st-bureau", "科技局": "st-bureau",
    "规划": "plan", "人民政府": "government", "企业": "firms", "新增": "new", "新建": "new",
    "累计": "total",
    "增长": "growth", "增速": "growth", "比重": "share", "占比": "share", "排名": "rank",
    "年均": "annual", "人均": "per-capita", "国家级": "national", "省级": "provincial",
    "市级": "city", "平均": "average", "总量": "total", "规模": "size", "数量": "number",
}

#: Words that say how a report acts, not what it measures: left out of ids.
STOP_WORDS = ("进一步", "推进", "加快", "加强", "着力", "持续", "不断", "全面", "深入", "大力",
              "积极", "实施", "推动", "全力", "坚持", "扎实", "切实", "努力", "力争", "确保",
              "达到", "突破", "超过", "完成", "实现", "保持", "控制在", "稳定在", "提高到",
              "提升至", "提高", "提升", "全市", "全省", "全区", "全县", "全国", "我市", "我省",
              "本市", "全年", "今年", "去年", "其中", "同比", "分别", "以上", "左右", "约",
              "全社会", "时期", "经济社会发展", "经济社会", "发展", "以下", "方面", "工作",
              "建设", "扩大", "改善", "优化", "增强", "促进", "培育", "壮大", "支持", "推出",
              "打造", "争创", "设立", "高水平", "高能级", "加速", "强化", "夯实", "迈上",
              "新台阶", "新水平", "新跃升", "新进展", "新成效", "不断", "深化", "大力",
              "着力", "加快", "用心", "办好", "保障", "有力", "扎实", "持续", "加快",
              "和", "及", "与", "的", "等", "在", "为", "是", "了", "个", "将", "要", "把")

#: What a draft calls the parts a report does not number, in both languages.
ROLE_TITLES: dict[str, tuple[str, str]] = {
    "intro": ("引言", "Introduction"),
    "closing": ("结束语", "Closing remarks"),
}
