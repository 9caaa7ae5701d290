"""Layouts the corpus does not show, written the way the genre writes them: the mechanism must
hold beyond the five documents it was built on."""

from __future__ import annotations

import ipplan


def parse_text(text: str):
    return ipplan.parse_bytes(text.encode("utf-8"), "plan.txt", fmt="txt")


NOTICE = """某某县人民政府办公室文件

某政办发〔2024〕7号          签发人：王某

某某县人民政府办公室关于印发某某县2024年知识产权工作要点的通知

各乡镇人民政府，县直各有关单位：

现将《某某县2024年知识产权工作要点》印发给你们，请认真贯彻执行。

某某县人民政府办公室 2024年3月5日

某某县2024年知识产权工作要点

一、工作目标
到2024年底，全县有效发明专利拥有量达到120件以上，新增注册商标300件。
二、重点任务
（一）强化知识产权创造（牵头单位：县市场监管局；配合单位：县科工局）
1. 培育高价值专利。支持企业开展专利布局。
2. 推进商标品牌建设。培育区域品牌。
（二）加强知识产权保护
1. 加大执法力度。开展专项行动。责任单位：县市场监管局、县公安局。
2. 完善纠纷调解。建立调解组织。（牵头单位：县司法局，配合单位：县法院、县检察院）
三、保障措施
加强组织领导。
"""


def test_notice_front_matter_in_other_shapes() -> None:
    plan = parse_text(NOTICE)
    meta = plan.meta
    assert meta.doc_number == "某政办发〔2024〕7号"  # shares its line with 签发人
    assert meta.issuer == "某某县人民政府办公室"
    # the date ends the signature line
    assert meta.issue_date is not None and meta.issue_date.isoformat() == "2024-03-05"
    assert meta.title == "某某县2024年知识产权工作要点"
    assert meta.period is not None and (meta.period.start, meta.period.end) == (2024, 2024)
    assert meta.recipients == ["各乡镇人民政府", "县直各有关单位"]


def test_assignments_on_headings_without_brackets_and_with_comma_separated_keys() -> None:
    tasks = {tuple(t.path): t for t in parse_text(NOTICE).tasks}
    assert set(tasks) == {(2, 1, 1), (2, 1, 2), (2, 2, 1), (2, 2, 2)}
    # a subsection heading's note covers its items
    assert [d.name for d in tasks[2, 1, 2].departments] == ["县市场监管局", "县科工局"]
    assert tasks[2, 1, 1].lead == ["县市场监管局"]
    # an unbracketed last sentence names bodies without a lead
    assert [d.name for d in tasks[2, 2, 1].departments] == ["县市场监管局", "县公安局"]
    assert tasks[2, 2, 1].lead is None
    # 牵头单位：A，配合单位：B、C
    assert tasks[2, 2, 2].lead == ["县司法局"]
    assert [(d.name, d.role) for d in tasks[2, 2, 2].departments] == [
        ("县司法局", "lead"),
        ("县法院", "support"),
        ("县检察院", "support"),
    ]


def test_prose_targets_in_the_goals_section() -> None:
    targets = [(t.metric, t.value, t.unit, t.comparator) for t in parse_text(NOTICE).targets]
    assert ("有效发明专利拥有量", 120.0, "件", ">=") in targets
    assert ("新增注册商标", 300.0, "件", None) in targets


TWO_ROW_HEADER = (
    "某某区知识产权强区建设工作方案（2023-2025年）\n\n"
    "一、主要指标\n"
    "\t序号\n\t指标名称\n\t单位\n\t2022年\n\t2025年\n\t牵头单位\n\t配合单位\n\n"
    "\t1\n\t有效发明专利拥有量\n\t件\n\t300\n\t≥500\n\t区市场监管局\n\t区科技局、区工信局\n\n"
    "\t2\n\t专利质押融资额\n\t亿元\n\t—\n\t2\n\t区金融办\n\t\n\n"
    "二、主要任务\n（一）强化创造\n1. 培育高价值专利。支持企业。\n"
)


def test_indicator_table_headed_by_bare_years_with_lead_and_support_columns() -> None:
    plan = parse_text(TWO_ROW_HEADER)
    assert plan.meta.period is not None and plan.meta.period.end == 2025
    first, second = plan.indicators
    assert (first.name, first.unit) == ("有效发明专利拥有量", "件")
    assert (first.baseline_year, first.target_year) == (2022, 2025)
    assert first.baseline is not None and first.baseline.amounts[0].value == 300
    assert first.target is not None
    assert (first.target.comparator, first.target.amounts[0].value) == (">=", 500)
    assert [(d.name, d.role) for d in first.departments] == [
        ("区市场监管局", "lead"),
        ("区科技局", "support"),
        ("区工信局", "support"),
    ]
    # "—" with no note defining it is kept as text, not guessed
    assert second.baseline is not None and second.baseline.status == "text"
    assert [d.name for d in second.departments] == ["区金融办"]
