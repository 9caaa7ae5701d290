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


def word_plan(path):
    """A 市场监督管理局 notice in Word: the plan's items are Word list paragraphs, its indicator
    table an appendix with a two-row header whose cells merge down."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()

    def p(text: str, center: bool = False, style: str | None = None) -> None:
        para = d.add_paragraph(text, style=style)
        if center:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for line in ("某某市市场监督管理局文件", "某市监发〔2023〕21号", "某某市市场监督管理局"):
        p(line, center=True)
    p("关于印发《某某市知识产权强市建设实施方案（2023—2025年）》的通知", center=True)
    p("各县（市、区）市场监督管理局，局机关各处室：")
    p("现将《某某市知识产权强市建设实施方案（2023—2025年）》印发给你们，请认真抓好落实。")
    p("某某市市场监督管理局")
    p("2023年6月8日")
    p("某某市知识产权强市建设实施方案", center=True)
    p("（2023—2025年）", center=True)
    for line in ("一、总体要求", "（一）发展目标"):
        p(line)
    p("到2025年，全市有效发明专利拥有量达到3000件，每万人口高价值发明专利拥有量达到4.5件，年均增长12%以上。")
    p("二、重点任务")
    p("（一）提升知识产权创造质量")
    item = "List Number"  # Word's own numbered list: the label lives in numbering.xml
    p("强化高价值专利培育。实施培育计划。（责任单位：市市场监管局（牵头），市科技局、市工信局）", style=item)
    p("推进商标品牌建设。实施商标品牌战略。（责任单位：市市场监管局（牵头），市商务局）", style=item)
    p("（二）加强知识产权保护")
    p("完善行政保护体系。加大执法。（牵头单位：市市场监管局；责任单位：各县（市、区）人民政府）", style=item)
    p("三、保障措施")
    p("附件：主要指标")
    table = d.add_table(rows=5, cols=6)
    table.style = "Table Grid"  # ruled, as indicator tables are
    rows = [
        ["序号", "指标", "单位", "2022年", "2025年", "属性"],
        ["", "", "", "基数", "目标", ""],
        ["一、知识产权创造"] * 6,
        ["1", "有效发明专利拥有量", "件", "2100", "3000", "预期性"],
        ["2", "专利质押融资额", "亿元", "5", "10", "预期性"],
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    for c in (0, 1, 2, 5):  # the header cells without sub-headers merge down
        top = table.cell(0, c)
        text = top.text
        top.merge(table.cell(1, c)).text = text
    table.cell(2, 0).merge(table.cell(2, 5)).text = "一、知识产权创造"
    d.save(path)


def test_a_word_plan_in_a_layout_the_corpus_does_not_have(tmp_path) -> None:
    path = tmp_path / "plan.docx"
    word_plan(path)
    plan = ipplan.parse(path)
    meta = plan.meta
    assert (meta.doc_number, meta.issuer) == ("某市监发〔2023〕21号", "某某市市场监督管理局")
    assert meta.title == "某某市知识产权强市建设实施方案（2023—2025年）"
    assert meta.recipients == ["各县（市、区）市场监督管理局", "局机关各处室"]  # 、 inside brackets
    assert [s.title for s in plan.sections] == ["总体要求", "重点任务", "保障措施"]

    # the sub-header row is header, the merged row a category, the rest data
    rows = [(i.seq, i.category, i.name, i.unit, i.baseline_year, i.target_year) for i in plan.indicators]
    assert rows == [
        ("1", "一、知识产权创造", "有效发明专利拥有量", "件", 2022, 2025),
        ("2", "一、知识产权创造", "专利质押融资额", "亿元", 2022, 2025),
    ]

    # Word list numbering runs on across subsections, as printed
    tasks = {tuple(t.path): t for t in plan.tasks}
    assert set(tasks) == {(2, 1, 1), (2, 1, 2), (2, 2, 3)}
    assert [(d.name, d.role) for d in tasks[2, 1, 1].departments] == [
        ("市市场监管局", "lead"),
        ("市科技局", "support"),
        ("市工信局", "support"),
    ]
    assert [(d.name, d.role) for d in tasks[2, 2, 3].departments] == [
        ("市市场监管局", "lead"),
        ("各县（市、区）人民政府", "support"),
    ]

    metrics = [(t.metric, t.value, t.unit) for t in plan.targets]
    assert metrics == [
        ("有效发明专利拥有量", 3000.0, "件"),
        ("每万人口高价值发明专利拥有量", 4.5, "件"),
        ("每万人口高价值发明专利拥有量年均增长", 12.0, "%"),
    ]


def test_targets_counted_before_what_they_count_and_ranges() -> None:
    text = (
        "某县知识产权工作方案\n一、工作目标\n"
        "到2025年，打造3—5个知识产权示范园区，培育知识产权优势企业10家以上，建成2个保护中心。\n"
        "二、主要任务\n1. 做事。做好。\n"
    )
    targets = [(t.metric, t.value, t.unit, t.comparator) for t in parse_text(text).targets]
    assert targets == [
        ("知识产权示范园区", 5.0, "个", None),  # a range: its upper end
        ("知识产权优势企业", 10.0, "家", ">="),
        ("保护中心", 2.0, "个", None),
    ]


def test_a_text_export_of_a_paginated_document() -> None:
    text = (
        "某县知识产权工作方案\n一、主要任务\n"
        "1. 强化知识产权保护。加大执法力度，开展专项行动，严厉打击侵权假冒违法行为，\n"
        "— 3 —\n"
        "\f维护公平竞争的市场秩序。（责任单位：县市场监管局、县公安局）\n"
        "2. 推进运用。做好。\n"
    )
    first, second = parse_text(text).tasks
    assert first.text.endswith("违法行为，维护公平竞争的市场秩序。（责任单位：县市场监管局、县公安局）")
    assert [d.name for d in first.departments] == ["县市场监管局", "县公安局"]
    assert (second.path, second.title) == ([1, 2], "推进运用")


def test_a_plan_whose_chapters_are_its_task_areas() -> None:
    text = (
        "某省知识产权保护和运用“十四五”规划\n"
        "一、发展基础\n（一）发展成就\n取得成效。\n"
        "二、总体要求\n（一）指导思想\n坚持。\n（二）发展目标\n到2025年，有效发明专利达到5万件。\n"
        "三、全面加强知识产权保护\n（一）健全保护体系\n1. 完善法规。修订条例。\n2. 强化执法。开展行动。\n"
        "四、促进知识产权转化运用\n（一）推进转化\n1. 建设平台。建设运营平台。\n"
        "五、保障措施\n（一）加强组织领导\n1. 成立领导小组。统筹推进。\n"
    )
    plan = parse_text(text)
    assert [(t.path, t.title) for t in plan.tasks] == [
        ([3, 1, 1], "完善法规"),
        ([3, 1, 2], "强化执法"),
        ([4, 1, 1], "建设平台"),
    ]
    assert plan.meta.period is not None and (plan.meta.period.start, plan.meta.period.end) == (2021, 2025)
    assert [(t.metric, t.value, t.unit) for t in plan.targets] == [("有效发明专利", 5.0, "万件")]


def test_indicator_groups_numbered_with_chinese_ordinals() -> None:
    text = (
        "某县知识产权强县建设方案（2023-2025年）\n一、主要指标\n"
        "\t序号\n\t指标\n\t2022年基础值\n\t2025年目标值\n\n"
        "\t一\n\t知识产权创造\n\t\n\t\n\n"
        "\t1\n\t有效发明专利（件）\n\t100\n\t150\n\n"
        "\t二\n\t知识产权运用\n\t\n\t\n\n"
        "\t2\n\t质押融资（万元）\n\t500\n\t800\n\n"
        "二、主要任务\n1. 做事。做好。\n"
    )
    rows = [(i.seq, i.category, i.name, i.unit) for i in parse_text(text).indicators]
    assert rows == [("1", "知识产权创造", "有效发明专利", "件"), ("2", "知识产权运用", "质押融资", "万元")]


def test_a_hard_wrapped_export_with_labels_alone_on_their_lines() -> None:
    # pdftotext-style: "1." on a line of its own, text wrapped at a fixed width, the department
    # note broken inside its list of names
    text = (
        "某县知识产权工作方案\n\n三、\n\n主要任务\n\n（一） 强化创造\n1.\n\n"
        "培育高价值专利。支持企业开展专利布局，推动高校院所专利\n转化运用。\n"
        "（责任单位：县知识产权局、县发改\n局、县教育局）\n"
        "2.\n\n推进商标品牌建设。做好品牌。\n"
    )
    plan = parse_text(text)
    assert [(s.number, s.title) for s in plan.sections] == [(3, "主要任务")]
    first, second = plan.tasks
    assert (first.path, first.title) == ([3, 1, 1], "培育高价值专利")
    assert [d.name for d in first.departments] == ["县知识产权局", "县发改局", "县教育局"]
    assert (second.path, second.title) == ([3, 1, 2], "推进商标品牌建设")


def test_a_numbered_heading_that_fits_its_line_is_not_joined_to_the_text_below() -> None:
    text = (
        "某县方案\n二、主要任务\n（一）加强知识产权创造、运用和保护工作体系建设\n"
        "为了做好工作，制定措施。\n1. 做事。做好。\n"
    )
    plan = parse_text(text)
    assert [t.title for t in plan.tasks] == ["做事"]
    from ipplan.parsers import txt

    texts = [b.text for b in txt.read(text.encode(), "plan.txt").blocks]
    assert "（一）加强知识产权创造、运用和保护工作体系建设" in texts


INDICATOR_PLAN = (
    "某县知识产权强县建设工作方案\n一、主要目标\n到2025年，全县知识产权工作取得明显成效。\n附件\n主要指标\n"
)


def test_a_unit_in_the_name_header_is_no_department_column() -> None:
    # 指标名称（单位） heads the names, each with its unit in brackets; 单位 here is no body
    text = INDICATOR_PLAN + (
        "序号\t指标名称（单位）\t2020年基础值\t2025年目标值\t属性\n"
        "1\t有效发明专利拥有量（件）\t1200\t2500\t预期性\n"
        "2\t专利质押融资额（亿元）\t3\t8\t预期性\n"
    )
    indicators = parse_text(text).indicators
    rows = [(i.name, i.unit, i.baseline.raw, i.target.raw, i.departments) for i in indicators]
    assert rows == [
        ("有效发明专利拥有量", "件", "1200", "2500", []),
        ("专利质押融资额", "亿元", "3", "8", []),
    ]


def test_a_text_export_writes_a_header_cell_merged_across_columns_once() -> None:
    # 2025年 spans 目标值 | 增量: the first row has six cells, the second seven
    text = INDICATOR_PLAN + (
        "序号\t指标\t单位\t2020年基础值\t2025年\t属性\n"
        "\t\t\t\t目标值\t增量\t\n"
        "1\t有效发明专利拥有量\t件\t1200\t2500\t1300\t预期性\n"
        "2\t专利质押融资额\t亿元\t3\t8\t5\t预期性\n"
    )
    rows = [
        (i.name, i.baseline_year, i.baseline.raw, i.target_year, i.target.raw, i.increment.raw, i.attribute)
        for i in parse_text(text).indicators
    ]
    assert rows == [
        ("有效发明专利拥有量", 2020, "1200", 2025, "2500", "1300", "预期性"),
        ("专利质押融资额", 2020, "3", 2025, "8", "5", "预期性"),
    ]


def test_a_header_cell_merged_down_in_word_repeats_its_year(tmp_path) -> None:
    # python-docx reads a cell merged down in both rows: 2020年基础值 (digits and all) is no data
    import docx

    d = docx.Document()
    d.add_paragraph("某县知识产权强县建设工作方案")
    d.add_paragraph("一、主要目标")
    d.add_paragraph("附件：主要指标")
    table = d.add_table(rows=4, cols=6)
    rows = [
        ["序号", "指标", "单位", "2020年基础值", "2025年", ""],
        ["", "", "", "", "目标值", "增量"],
        ["1", "有效发明专利拥有量", "件", "1200", "2500", "1300"],
        ["2", "专利质押融资额", "亿元", "3", "8", "5"],
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    for c in range(4):
        top = table.cell(0, c)
        text = top.text
        top.merge(table.cell(1, c)).text = text
    table.cell(0, 4).merge(table.cell(0, 5)).text = "2025年"
    path = tmp_path / "plan.docx"
    d.save(path)
    got = [
        (i.name, i.baseline_year, i.baseline.raw, i.target_year, i.target.raw, i.increment.raw)
        for i in ipplan.parse(path).indicators
    ]
    assert got == [
        ("有效发明专利拥有量", 2020, "1200", 2025, "2500", "1300"),
        ("专利质押融资额", 2020, "3", 2025, "8", "5"),
    ]


def test_a_box_drawn_as_a_one_cell_table_in_a_text_export_holds_no_tasks() -> None:
    # Word writes a 专栏 box drawn as a table cell with a TAB before it, and its list on below
    text = (
        "某市知识产权“十四五”规划\n一、发展目标\n到2025年，全市知识产权工作取得明显成效。\n二、主要任务\n"
        "（一）促进知识产权运用\n"
        "1.发展知识产权金融。建立风险补偿基金。（责任单位：市财政局）\n"
        "2.开展专利导航。围绕产业集群开展专利导航。（责任单位：市市场监管局）\n\n"
        "\t专栏1  知识产权运用重点工程\n"
        "1.专利转化专项计划。推动高校院所专利向中小企业转化实施。\n"
        "2.知识产权金融创新工程。推进知识产权证券化试点。\n\n"
        "（二）强化知识产权保护\n"
        "1.加强行政保护。开展执法专项行动。（责任单位：市市场监管局）\n"
        "三、保障措施\n加强组织领导。\n"
    )
    tasks = [(t.path, t.title) for t in parse_text(text).tasks]
    assert tasks == [
        ([2, 1, 1], "发展知识产权金融"),
        ([2, 1, 2], "开展专利导航"),
        ([2, 2, 1], "加强行政保护"),
    ]
