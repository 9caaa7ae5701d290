"""Quantitative targets as the genre states them (issue 12).

Each case is a sentence copied from a published plan or State Council notice, set in the smallest
plan around it (a goals chapter, or a task chapter), and what an analyst tracking commitments reads
from it: (metric, value, unit, comparator, year). The real documents under ``data/real`` are read end
to end against their hand annotations.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import ipplan
from conftest import STEMS, find_corpus_file, load_expected
from ipplan.api import parse_bytes

DATA = Path(__file__).resolve().parent / "data"
REAL = DATA / "real"


def read(text: str, name: str = "plan.txt") -> list[tuple[str, float, str | None, str | None, int | None]]:
    plan = parse_bytes(text.encode("utf-8"), name)
    return [(t.metric, t.value, t.unit, t.comparator, t.year) for t in plan.targets]


def goals(sentence: str) -> str:
    """A plan whose goals chapter is ``sentence``."""
    return (
        "一、总体要求\n（一）指导思想。以习近平新时代中国特色社会主义思想为指导。\n"
        f"（二）发展目标。{sentence}\n二、保障措施\n（一）加强组织领导。\n"
    )


def task(sentence: str) -> str:
    """A plan with ``sentence`` in a task item."""
    return f"一、重点任务\n（一）加强知识产权创造。{sentence}\n（二）加强知识产权保护。\n"


# --- the verbs and forms of a commitment ------------------------------------------------------

FORMS = {
    "state verb, comparator after (agri-mechanization 2018)": (
        goals("到2025年，全国农机总动力稳定在11亿千瓦左右，其中灌排机械动力达到1.3亿千瓦。"),
        [("全国农机总动力", 11.0, "亿千瓦", "~", 2025), ("灌排机械动力", 1.3, "亿千瓦", None, 2025)],
    ),
    "count before what it counts, the verb is not the metric (sports 2018)": (
        goals(
            "到2025年，体育竞赛表演产业总规模达到2万亿元。推出100项具有较大知名度的体育精品赛事，"
            "打造100个具有自主知识产权的体育竞赛表演品牌。"
        ),
        [
            ("体育竞赛表演产业总规模", 2.0, "万亿元", None, 2025),
            ("体育精品赛事", 100.0, "项", None, 2025),
            ("体育竞赛表演品牌", 100.0, "个", None, 2025),
        ],
    ),
    "count after its noun, the leading verb left out (chongqing 2023)": (
        goals("培育市级及以上知识产权示范企业和优势企业20家以上，专利产品产值增长50%以上。"),
        [
            ("市级及以上知识产权示范企业和优势企业", 20.0, "家", ">=", None),
            ("专利产品产值增长", 50.0, "%", ">=", None),
        ],
    ),
    "a list of counts after one verb (elderly care 2019)": (
        task("到2022年底前，培养培训1万名养老院院长、200万名养老护理员、10万名专兼职老年社会工作者。"),
        [
            ("养老院院长", 1.0, "万名", None, 2022),
            ("养老护理员", 200.0, "万名", None, 2022),
            ("专兼职老年社会工作者", 10.0, "万名", None, 2022),
        ],
    ),
    "新增 before the noun is part of it, after the noun it is the verb (guangxi 2021)": (
        goals(
            "到2025年，新增商标品牌服务指导站15个以上；发展壮大知识产权人才队伍，"
            "全区知识产权领军人才、中青年专家、实用人才新增500人。"
        ),
        [
            ("新增商标品牌服务指导站", 15.0, "个", ">=", 2025),
            ("知识产权领军人才、中青年专家、实用人才", 500.0, "人", None, 2025),
        ],
    ),
    "将 names what is lowered (financing guarantee 2019)": (
        task("各级政府性融资担保机构要适时调降再担保费率，引导合作机构逐步将平均担保费率降至1%以下。"),
        [("平均担保费率", 1.0, "%", "<=", None)],
    ),
    "a bare change takes the previous metric": (
        goals("2024年，全市发明专利授权量达到3500件，同比增长10%左右。"),
        [("发明专利授权量", 3500.0, "件", None, 2024), ("发明专利授权量同比增长", 10.0, "%", "~", 2024)],
    ),
    "a count first, the verb closing its clause (chengdu community services 2024)": (
        goals(
            "到2025年底前,全市首批100个嵌入式服务设施建设示范社区全面建成,"
            "实现各类嵌入式设施空间协同布局、功能复合设置和可持续运营。"
        ),
        [("嵌入式服务设施建设示范社区", 100.0, "个", None, 2025)],
    ),
    "a share that heads its noun, the places before it its scope (chengdu community services 2024)": (
        goals(
            "到2027年底前,在总结试点形成的经验做法和有效建设模式基础上,向全市更多社区推开,确保四川天府新区、"
            "成都高新区、锦江区、青羊区、金牛区、武侯区、成华区50%的城市社区建成完备的社区嵌入式服务综合体"
            "(社区服务中心);"
        ),
        [("城市社区建成完备的社区嵌入式服务综合体", 50.0, "%", None, 2027)],
    ),
    "a share with its comparator heads its noun; a share of a metric describes (IP plans)": (
        goals("到2025年,60%以上的规上工业企业建立知识产权管理制度,研发投入占比超过3%的企业达到100家。"),
        [
            ("规上工业企业建立知识产权管理制度", 60.0, "%", ">=", 2025),
            ("研发投入占比超过3%的企业", 100.0, "家", None, 2025),
        ],
    ),
    "an adverb before the framing verb is no part of the metric (suining 2019)": (
        goals(
            "到2019年6月底,基本实现工程建设项目(主要是房屋建筑和城市基础设施)全流程审批时间压缩至90个工作日以内,"
            "初步建成工程建设项目审批制度框架和管理系统。"
        ),
        [("工程建设项目(主要是房屋建筑和城市基础设施)全流程审批时间", 90.0, "个工作日", "<=", 2019)],
    ),
    "what a change is measured from is not the metric (blue sky 2018)": (
        goals(
            "到2020年，PM2.5未达标地级及以上城市浓度比2015年下降18%以上，地级及以上城市空气质量优良天数比率达到80%。"
        ),
        [
            ("PM2.5未达标地级及以上城市浓度下降", 18.0, "%", ">=", 2020),
            ("地级及以上城市空气质量优良天数比率", 80.0, "%", None, 2020),
        ],
    ),
}

COMPARATORS = {
    "不得低于 / 其中 (financing guarantee 2019)": (
        task(
            "合作机构支小支农担保金额占全部担保金额的比例不得低于80%，其中单户担保金额500万元及以下的占比不得低于50%。"
        ),
        [
            ("合作机构支小支农担保金额占全部担保金额的比例", 80.0, "%", ">=", None),
            ("单户担保金额500万元及以下的占比", 50.0, "%", ">=", None),
        ],
    ),
    "原则上不超过, a subject clause before 原则上不高于…的 (financing guarantee 2019)": (
        task(
            "对单户担保金额500万元以上的小微企业和“三农”主体收取的担保费率原则上不超过1.5%。"
            "单户担保金额500万元以上的再担保业务收费，原则上不高于承担风险责任的0.5%。"
        ),
        [
            ("单户担保金额500万元以上的小微企业和“三农”主体收取的担保费率", 1.5, "%", "<=", None),
            ("单户担保金额500万元以上的再担保业务收费", 0.5, "%", "<=", None),
        ],
    ),
    "突破 / 超过 (wenzhou 2022, sports consumption 2019)": (
        goals("到2022年，发明专利年申请量突破2万件，体育消费总规模超过1.5万亿元。"),
        [("发明专利年申请量", 2.0, "万件", ">", 2022), ("体育消费总规模", 1.5, "万亿元", ">", 2022)],
    ),
    "以内 / 左右 / 以上 (government work report)": (
        goals(
            "2016年，国内生产总值增长6.5%~7%，居民消费价格涨幅3%左右，城镇新增就业1000万人以上，城镇登记失业率4.5%以内。"
        ),
        [
            ("国内生产总值增长", 7.0, "%", None, 2016),
            ("居民消费价格涨幅", 3.0, "%", "~", 2016),
            ("城镇新增就业", 1000.0, "万人", ">=", 2016),
            ("城镇登记失业率", 4.5, "%", "<=", 2016),
        ],
    ),
    "力争 … 不少于, two targets in one clause (lishui 2023)": (
        task("力争引进20亿级项目不少于12个、50亿级项目不少于2个。"),
        [("20亿级项目", 12.0, "个", ">=", None), ("50亿级项目", 2.0, "个", ">=", None)],
    ),
    "至少 before a count (elderly care 2019)": (
        task("到2020年，每个县（市、区）至少建设1个以失能、部分失能特困人员专业照护为主的县级供养服务设施。"),
        [("县级供养服务设施", 1.0, "个", ">=", 2020)],
    ),
}

SEVERAL = {
    "分别达到A和B: one target each, the list distributed (agri-mechanization 2018)": (
        goals("到2025年，花生种植、收获机械化率分别达到65%和55%，油菜种植、收获机械化率分别达到50%和65%。"),
        [
            ("花生种植机械化率", 65.0, "%", None, 2025),
            ("花生收获机械化率", 55.0, "%", None, 2025),
            ("油菜种植机械化率", 50.0, "%", None, 2025),
            ("油菜收获机械化率", 65.0, "%", None, 2025),
        ],
    ),
    "A、B均达到X: one target (agri-mechanization 2018)": (
        goals("到2025年，薄弱环节机械化全面突破，其中马铃薯种植、收获机械化率均达到45%。"),
        [("马铃薯种植、收获机械化率", 45.0, "%", None, 2025)],
    ),
    "其中 with no noun of its own: a part of the previous metric (skills 2019)": (
        goals("三年共开展各类补贴性职业技能培训5000万人次以上，其中2019年培训1500万人次以上。"),
        [
            ("各类补贴性职业技能培训", 5000.0, "万人次", ">=", None),
            ("各类补贴性职业技能培训", 1500.0, "万人次", ">=", 2019),
        ],
    ),
    "a clause of its own for the total of the previous metric": (
        goals("到2025年，知识产权质押融资额年均增长20%，累计达到100亿元。"),
        [
            ("知识产权质押融资额年均增长", 20.0, "%", None, 2025),
            ("知识产权质押融资额", 100.0, "亿元", None, 2025),
        ],
    ),
    "a count with no noun takes the subject clause before it": (
        task("开展知识产权培训，每年培训1万人次以上。"),
        [("知识产权培训", 1.0, "万人次", ">=", None)],
    ),
    "a condition lends its noun, not its condition (social insurance 2019)": (
        task(
            "延长阶段性降低失业保险费率的期限至2020年4月30日。各省养老保险单位缴费比例高于16%的，可降至16%。"
        ),
        [("各省养老保险单位缴费比例", 16.0, "%", None, None)],
    ),
    "the value after 由…提高到, in the year printed with it": (
        goals("每万人口发明专利拥有量由2020年的5.12件提高到2025年的8件。"),
        [("每万人口发明专利拥有量", 8.0, "件", None, 2025)],
    ),
    "ranges count their upper end (drug procurement 2019)": (
        task("约定采购量为试点地区公立医疗机构年度用药总量的60%-70%。"),
        [("约定采购量", 70.0, "%", None, None)],
    ),
}

UNITS = {
    "a score and an intensity (十四五 plans of protection and of energy)": (
        goals("到2025年，知识产权保护社会满意度达到82分，规上工业单位增加值能耗控制在0.5吨标准煤/万元以内。"),
        [
            ("知识产权保护社会满意度", 82.0, "分", None, 2025),
            ("规上工业单位增加值能耗", 0.5, "吨标准煤/万元", "<=", 2025),
        ],
    ),
    "a unit the noun implies": (
        goals("到2025年，每万人口高价值发明专利拥有量达到12，研发经费投入强度达到2.5。"),
        [
            ("每万人口高价值发明专利拥有量", 12.0, "件", None, 2025),
            ("研发经费投入强度", 2.5, "%", None, 2025),
        ],
    ),
    "万名 / 平方米 / 个百分点": (
        goals(
            "到2022年，人均体育场地面积达到1.9平方米，每千人拥有社会体育指导员2.16名，常住人口城镇化率提高1个百分点以上。"
        ),
        [
            ("人均体育场地面积", 1.9, "平方米", None, 2022),
            ("每千人拥有社会体育指导员", 2.16, "名", None, 2022),
            ("常住人口城镇化率提高", 1.0, "个百分点", ">=", 2022),
        ],
    ),
    "a ratio (rural industries 2019)": (
        goals("到2025年，农产品加工业与农业总产值比达到2.8∶1，主要农产品加工转化率达到80%。"),
        [
            ("农产品加工业与农业总产值比", 2.8, "∶1", None, 2025),
            ("主要农产品加工转化率", 80.0, "%", None, 2025),
        ],
    ),
    "万 alone, 亿元, 万亿元 (government work report tasks 2019)": (
        "国务院关于落实《政府工作报告》重点工作部门分工的意见\n2019年3月22日\n"
        "一、主要预期目标\n（一）今年经济社会发展的主要预期目标是：农村贫困人口减少1000万以上。"
        "今年完成铁路投资8000亿元、公路水运投资1.8万亿元。\n",
        [
            ("农村贫困人口减少", 1000.0, "万", ">=", 2019),
            ("铁路投资", 8000.0, "亿元", None, 2019),
            ("公路水运投资", 1.8, "万亿元", None, 2019),
        ],
    ),
    "人年, and an index with no unit (dongtou 2024)": (
        goals(
            "到2027年,争取建成省级重点企业研究院1家,市级重点实验室1家,新型研发机构1家,"
            "每万名就业人员中研发人员达到209人年以上。实现区域科技创新指数达到160以上。"
        ),
        [
            ("省级重点企业研究院", 1.0, "家", None, 2027),
            ("市级重点实验室", 1.0, "家", None, 2027),
            ("新型研发机构", 1.0, "家", None, 2027),
            ("每万名就业人员中研发人员", 209.0, "人年", ">=", 2027),
            ("区域科技创新指数", 160.0, None, ">=", 2027),
        ],
    ),
    "a decimal broken by a space, a word broken by a line's end in a scrape (document library, 强市 plan)": (
        goals("到2025年,专利密集型产业增加值 占全市GDP比重达到14%,版权产业增加值占全市GDP比重 达到7. 5%。"),
        [
            ("专利密集型产业增加值占全市GDP比重", 14.0, "%", None, 2025),
            ("版权产业增加值占全市GDP比重", 7.5, "%", None, 2025),
        ],
    ),
    "basis points (financial services for small firms)": (
        goals("到2025年,小微企业贷款平均利率下降50个基点。"),
        [("小微企业贷款平均利率下降", 50.0, "个基点", None, 2025)],
    ),
    "a letter O read for a zero (chongqing 2023)": (
        goals("企事业单位职工参加知识产权培训讲座100O人次以上。"),
        [("企事业单位职工参加知识产权培训讲座", 1000.0, "人次", ">=", None)],
    ),
}

YEARS = {
    "a year holds for the sentences that continue its paragraph (agri-mechanization 2018)": (
        "一、总体要求\n（一）发展目标。\n到2020年，农机装备产业科技创新能力持续提升。全国农机总动力超过10亿千瓦。\n"
        "到2025年，农机装备品类基本齐全。全国农作物耕种收综合机械化率达到75%。\n二、任务\n（一）完善体系。\n",
        [
            ("全国农机总动力", 10.0, "亿千瓦", ">", 2020),
            ("全国农作物耕种收综合机械化率", 75.0, "%", None, 2025),
        ],
    ),
    "and for the paragraphs under a heading that opens with it (wenzhou 2022)": (
        "一、指导思想和主要目标\n（一）主要目标。到2025年，国家知识产权强市建设示范市阶段性目标任务如期完成。\n"
        "——创新活力强劲：发明专利年申请量突破2万件，其中PCT国际专利申请每年达到150件。\n二、任务\n（一）完善体系。\n",
        [("发明专利年申请量", 2.0, "万件", ">", 2025), ("PCT国际专利申请", 150.0, "件", None, 2025)],
    ),
    "an annual plan's year; 每年 and 未来五年 have none (lishui 2023)": (
        "市政府工作报告重点工作责任分解(2023年)\n一、全市经济社会发展主要预期目标\n1.研发投入强度达到2.3%。\n"
        "二、重点抓好六方面工作\n2.实施招商引资“百千”行动，每年招引亿元以上制造业项目100个，带动未来五年制造业投资1000亿元以上。\n",
        [
            ("研发投入强度", 2.3, "%", None, 2023),
            ("亿元以上制造业项目", 100.0, "个", None, None),
            ("制造业投资", 1000.0, "亿元", ">=", None),
        ],
    ),
    "a run-in heading closed by a point used as a full stop (taian 2017)": (
        "二、工作目标\n(二)泰山(泰安)品牌数量大幅度增加.到2020年,国内有效注册商标总量达到3万件、地理标志商标50件;"
        "\n\n山东名牌产品达到250个、山东省服务名牌达到50个;\n三、重点任务\n(一)完善体系.\n",
        [
            ("国内有效注册商标总量", 3.0, "万件", None, 2020),
            ("地理标志商标", 50.0, "件", None, 2020),
            ("山东名牌产品", 250.0, "个", None, 2020),
            ("山东省服务名牌", 50.0, "个", None, 2020),
        ],
    ),
    "a county's annual economic plan, 一般公共预算 a noun (jinxiang 2021)": (
        "金乡县2021年国民经济和社会发展计划\n一、主要预期目标\n"
        "主要预期目标为:地区生产总值增长7%以上;一般公共预算收入增长6%。\n二、重点任务\n(一)完善体系。\n",
        [("地区生产总值增长", 7.0, "%", ">=", 2021), ("一般公共预算收入增长", 6.0, "%", None, 2021)],
    ),
    "a stated year and 每年 before the verb (chongqing 2023)": (
        goals(
            "到2026年，力争我区有效发明专利达到900件。广泛开展知识产权宣传教育，每年组织知识产权主题宣传活动2次以上。"
        ),
        [("有效发明专利", 900.0, "件", ">=", 2026), ("知识产权主题宣传活动", 2.0, "次", ">=", None)],
    ),
}

NOT_TARGETS = {
    "dates and time limits (kindergartens 2019, law enforcement 2018)": task(
        "该项工作于2019年4月底前完成。行政执法决定信息要在执法决定作出之日起20个工作日内公开。"
    ),
    "opening hours are a time limit (sports consumption 2019)": task(
        "推动有条件的公共体育场馆每周开放时间不少于35小时，全年开放时间不少于330天。"
    ),
    "a regulatory age": task("对年满16周岁的劳动者给予职业培训补贴，建立年满18周岁以上志愿者队伍。"),
    "numbers that describe a noun (financing guarantee 2019, chongqing 2023)": task(
        "各级政府性融资担保机构要重点支持单户担保金额500万元及以下的小微企业和“三农”主体。"
        "有条件的地方可对单户担保金额500万元及以下、平均担保费率不超过1%的担保业务给予适当担保费补贴。"
        "加强对维持年限超过10年的发明专利培育。"
    ),
    "ordinals, document numbers and codes": task(
        "根据《国务院关于促进融资担保行业加快发展的意见》（国发〔2015〕43号）和第3批试点要求，"
        "严格遵循《城市居住区规划设计标准》（GB 50180）。"
    ),
    "a scope narrowed in brackets before its noun (guandu)": task(
        "2. 提高土地审批效率。辖区范围内6亩以下(不含6亩)的土地使用转让手续,区政府审查后办理土地登记。"
    ),
    "a share of a population that is an object, not a subject": task(
        "对50%的企业开展知识产权管理体系贯标检查。"
    ),
    "numbers written as words": task("培育一批知识产权优势企业，建设一家知识产权运营中心。"),
    "an amount per recipient (skills 2019)": task(
        "对参加培训的贫困劳动力，在培训期间给予生活费补贴，每人每天不超过30元。"
    ),
    "past statistics": task(
        "截至2022年底，已培育国家知识产权优势企业12家。五年来，全国共组织开展补贴性职业技能培训近1亿人次。"
    ),
}


def _cases(table: dict) -> list:
    return [pytest.param(text, expected, id=name) for name, (text, expected) in table.items()]


@pytest.mark.parametrize(("text", "expected"), _cases(FORMS))
def test_forms(text: str, expected: list) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), _cases(COMPARATORS))
def test_comparators(text: str, expected: list) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), _cases(SEVERAL))
def test_several_numbers(text: str, expected: list) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), _cases(UNITS))
def test_units(text: str, expected: list) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), _cases(YEARS))
def test_years(text: str, expected: list) -> None:
    assert read(text) == expected


@pytest.mark.parametrize("text", [pytest.param(t, id=n) for n, t in NOT_TARGETS.items()])
def test_not_targets(text: str) -> None:
    assert read(text) == []


def test_past_statistics_of_a_plan_that_ended_before_the_document() -> None:
    # guangxi 2021: the 十三五 review is past, a 十四五 commitment is not
    text = (
        "广西壮族自治区知识产权保护和运用“十四五”规划\n2021年11月24日\n一、发展目标\n"
        "十三五期间，全区专利质押融资金额突破30亿元。到2025年，地理标志总量达到200件以上。\n二、任务\n（一）完善体系。\n"
    )
    assert read(text) == [("地理标志总量", 200.0, "件", ">=", 2025)]


def test_a_background_chapter_states_no_commitment() -> None:
    text = (
        "一、发展基础\n2022年，全县商标注册量达到1.2万件，同比增长15%。\n"
        "二、总体目标\n到2025年，全县有效发明专利达到800件。\n"
    )
    assert read(text) == [("有效发明专利", 800.0, "件", None, 2025)]


def test_the_notes_of_an_indicator_table_state_no_target() -> None:
    # shanghai 2022: the table was lost in the scrape, its note remains
    text = (
        task("")
        + "2023年知识产权发展指标\n"
        + "(以上指标均为预期性指标,其中指标1210为累计值;指标31400为五年累计增加值,280为年增加值)\n"
    )
    assert read(text) == []


def test_a_plan_with_an_indicator_table_states_its_targets_in_its_goals_chapter() -> None:
    # guangxi's task items close with 至2025年，建设…100家以上: the plan's targets are its goals chapter's
    path = find_corpus_file("guangxi-14th-fyp-2021", "txt")
    assert path is not None
    plan = ipplan.parse(path)
    assert len(plan.indicators) > 10
    assert [t.metric for t in plan.targets][:2] == ["每万人口高价值发明专利拥有量", "有效注册商标总量"]
    assert not any("维权援助工作站" in t.metric for t in plan.targets)


def test_text_runs_from_the_metric_through_the_value() -> None:
    plan = parse_bytes(
        task("单户担保金额500万元以上的再担保业务收费，原则上不高于承担风险责任的0.5%。").encode(), "a.txt"
    )
    assert [t.text for t in plan.targets] == [
        "单户担保金额500万元以上的再担保业务收费，原则上不高于承担风险责任的0.5%"
    ]


def test_a_long_clause_of_counts_gives_one_target_per_count() -> None:
    text = goals("到2025年，" + "培育100家示范企业和" * 2000 + "建设5个中心。")
    found = read(text)
    assert len(found) == 2001
    assert found[0] == ("示范企业", 100.0, "家", None, 2025)
    assert found[-1] == ("中心", 5.0, "个", None, 2025)


# --- real documents, end to end ---------------------------------------------------------------

REAL_DOCUMENTS = sorted(p for folder in ("notices", "pages") for p in (REAL / folder).iterdir())


@pytest.mark.parametrize("path", REAL_DOCUMENTS, ids=lambda p: p.name)
def test_real_document(path: Path) -> None:
    gold = yaml.safe_load(
        (REAL / "expected" / (path.name.split(".")[0] + ".yaml")).read_text(encoding="utf-8")
    )
    found = [(t.metric, t.value, t.unit, t.year) for t in ipplan.parse(path).targets]
    assert found == [(g["metric"], float(g["value"]), g["unit"], g["year"]) for g in gold["targets"]]


FORMATS = ("txt", "docx", "html", "pdf")


@pytest.mark.parametrize(
    ("stem", "fmt"),
    [pytest.param(stem, fmt, id=f"{stem}.{fmt}") for stem in STEMS for fmt in FORMATS],
)
def test_the_five_plans_in_every_form(stem: str, fmt: str) -> None:
    path = find_corpus_file(stem, fmt)
    if path is None:
        pytest.skip(f"{stem} has no {fmt} form here")
    found = [(t.metric, t.value, t.unit) for t in ipplan.parse(path).targets]
    gold = load_expected(stem)["targets"]
    assert found == [(g["metric"], float(g["value"]), g["unit"]) for g in gold]


def test_an_opening_paragraph_that_states_the_goals_is_read() -> None:
    # an annual 工作要点 states its goals before its first heading; the purpose paragraph of
    # another plan states none
    text = (
        "2023年江西省知识产权强省建设工作要点\n"
        "2023年是全面贯彻落实党的二十大精神的开局之年。主要目标：全省每万人口高价值发明专利拥有量达到5.1件，"
        "PCT国际专利申请量达到400件。\n"
        "一、完善知识产权制度\n1.完善知识产权政策体系。修订完善专利、商标资助奖励政策。\n"
    )
    assert read(text) == [
        ("每万人口高价值发明专利拥有量", 5.1, "件", None, 2023),
        ("PCT国际专利申请量", 400.0, "件", None, 2023),
    ]
    purpose = (
        "某县知识产权强县建设工作方案\n为加快建设知识产权强县，2022年全县专利授权达到300件，制定本方案。\n"
        "一、主要任务\n1.做好工作。\n"
    )
    assert read(purpose) == []


def test_a_noun_after_basic_is_no_state_the_clause_ran_on_from() -> None:
    # 国家残疾预防行动计划: 基本康复服务 is a noun, not a state (基本健全) before a new clause
    assert read(goals("到2025年，残疾人基本康复服务覆盖率达到85%，辅助器具适配率达到80%。")) == [
        ("残疾人基本康复服务覆盖率", 85.0, "%", None, 2025),
        ("辅助器具适配率", 80.0, "%", None, 2025),
    ]


def test_a_level_set_for_a_length_of_time_is_a_target_a_time_limit_is_not() -> None:
    # 国务院办公厅 优化营商环境: 审查周期压缩至4个月以内; 之日起3个工作日内 is a time limit
    text = goals(
        "2020年底前，将商标注册平均审查周期压缩至4个月以内，企业开办时间压缩至0.5个工作日以内，"
        "粮食总产量稳定在55亿斤以上。自受理之日起3个工作日内作出决定。"
    )
    assert read(text) == [
        ("商标注册平均审查周期", 4.0, "个月", "<=", 2020),
        ("企业开办时间", 0.5, "个工作日", "<=", 2020),
        ("粮食总产量", 55.0, "亿斤", ">=", 2020),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a remark in brackets after the value (含转让, 上述指标均为预期性指标)
        ("到2025年，全县有效发明专利达到900件以上（含转让）。", [("有效发明专利", 900.0, "件", ">=", 2025)]),
        (
            "到2025年，每万人口高价值发明专利拥有量达到12件(上述指标均为预期性指标)。",
            [("每万人口高价值发明专利拥有量", 12.0, "件", None, 2025)],
        ),
        # a part stated in brackets after its whole
        (
            "到2025年，新增注册商标300件（其中地理标志商标2件），专利质押融资额达到5亿元。",
            [
                ("新增注册商标", 300.0, "件", None, 2025),
                ("地理标志商标", 2.0, "件", None, 2025),
                ("专利质押融资额", 5.0, "亿元", None, 2025),
            ],
        ),
    ],
)
def test_values_followed_by_a_bracketed_remark(sentence: str, expected: list) -> None:
    assert read(goals(sentence)) == expected
