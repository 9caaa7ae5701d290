"""Task-assignment tables (重点任务分工表) in the layouts the genre prints them in, and deadlines.

The rows are real assignments: those of 国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见
(国办发〔2018〕129号) and 国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见 (国发〔2018〕42号),
set out as their 分工表 would be.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import ipplan
from conftest import corpus_file
from ipplan.extract.deadlines import parse_deadline
from ipplan.extract.tasktable import read_assignment_header

DATA = Path(__file__).resolve().parent / "data"

# (序号, 重点任务, 牵头单位, 配合单位, 完成时限) under two category rows
CATEGORY_1 = "一、动员社会各界扩大贫困地区产品和服务消费"
CATEGORY_2 = "二、大力拓宽贫困地区农产品流通和销售渠道"
ROWS = [
    ("1", "推动各级机关和国有企事业单位等带头参与消费扶贫。在同等条件下优先采购贫困地区产品。",
     "扶贫办", "中央统战部、中央和国家机关工委、教育部等", "2019年底前"),
    ("2", "推动东西部地区建立消费扶贫协作机制。", "扶贫办", "发展改革委、人力资源社会保障部、商务部等",
     "持续推进"),
    ("3", "打通供应链条。", "商务部", "发展改革委、农业农村部等", "2019年6月底前"),
    ("4", "拓展销售途径。", "商务部", "扶贫办、发展改革委、工业和信息化部、财政部等", "长期坚持"),
]  # fmt: skip


def titles_and_bodies(plan) -> list[tuple[list[int], str, list[tuple[str, str | None]], list[str] | None]]:
    return [(t.path, t.title, [(d.name, d.role) for d in t.departments], t.lead) for t in plan.tasks]


EXPECTED = [
    ([1, 1], "推动各级机关和国有企事业单位等带头参与消费扶贫",
     [("扶贫办", "lead"), ("中央统战部", "support"), ("中央和国家机关工委", "support"),
      ("教育部等", "support")],
     ["扶贫办"]),
    ([1, 2], "推动东西部地区建立消费扶贫协作机制",
     [("扶贫办", "lead"), ("发展改革委", "support"), ("人力资源社会保障部", "support"),
      ("商务部等", "support")],
     ["扶贫办"]),
    ([2, 3], "打通供应链条",
     [("商务部", "lead"), ("发展改革委", "support"), ("农业农村部等", "support")],
     ["商务部"]),
    ([2, 4], "拓展销售途径",
     [("商务部", "lead"), ("扶贫办", "support"), ("发展改革委", "support"), ("工业和信息化部", "support"),
      ("财政部等", "support")],
     ["商务部"]),
]  # fmt: skip
DEADLINES = [("2019年底前", 2019, 12, "by_date"), ("持续推进", None, None, "ongoing"),
             ("2019年6月底前", 2019, 6, "by_date"), ("长期坚持", None, None, "ongoing")]  # fmt: skip


def deadlines(plan) -> list[tuple[str, int | None, int | None, str]]:
    return [(t.deadline.raw, t.deadline.year, t.deadline.month, t.deadline.kind) for t in plan.tasks]


def parse_text(tmp_path: Path, text: str, name: str = "fengong.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ipplan.parse(path)


# --- the header ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "task", "lead", "support", "responsible", "deadline"),
    [
        (["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], 1, 2, 3, None, 4),
        (["序号", "工作任务", "责任单位", "时间节点"], 1, None, None, 2, 3),
        (["任务内容", "牵头部门", "参与部门", "完成时间"], 0, 1, 2, None, 3),
        (["序号", "工作措施", "责任单位", "配合单位"], 1, 2, 3, None, None),  # 责任 beside 配合 leads
        (["序号", "主要任务", "主办单位", "协办单位"], 1, 2, 3, None, None),
    ],
)
def test_assignment_headers_in_their_spellings(header, task, lead, support, responsible, deadline) -> None:
    columns = read_assignment_header(header)
    assert columns is not None
    assert (columns.task, columns.lead, columns.support, columns.responsible, columns.deadline) == (
        task,
        lead,
        support,
        responsible,
        deadline,
    )


@pytest.mark.parametrize(
    "header",
    [
        ["序号", "指标名称", "2021年基础值", "2025年目标值", "责任单位"],  # an indicator table
        ["序号", "项目", "金额（万元）", "备注"],  # no bodies column
        ["序号", "单位名称", "联系人", "电话"],  # no task column
    ],
)
def test_tables_that_are_not_assignment_tables(header) -> None:
    assert read_assignment_header(header) is None


# --- deadlines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "year", "month", "kind"),
    [
        ("2019年底前", 2019, 12, "by_date"),
        ("2020年6月底前", 2020, 6, "by_date"),
        ("2019年9月底前", 2019, 9, "by_date"),
        ("2021年上半年", 2021, 6, "by_date"),
        ("2022年第三季度", 2022, 9, "by_date"),
        ("2019—2020年", 2020, None, "by_date"),
        ("持续推进", None, None, "ongoing"),
        ("长期坚持", None, None, "ongoing"),
        ("每年12月底前", None, 12, "ongoing"),
        ("根据国家部署", None, None, "text"),
    ],
)
def test_deadlines_as_printed(raw: str, year, month, kind: str) -> None:
    deadline = parse_deadline(raw)
    assert deadline is not None
    assert (deadline.raw, deadline.year, deadline.month, deadline.kind) == (raw, year, month, kind)


def test_an_empty_deadline_cell_is_no_deadline() -> None:
    assert parse_deadline("") is None
    assert parse_deadline("—") is None


# --- the layouts -------------------------------------------------------------------------------------


def test_the_real_table_in_every_form() -> None:
    for suffix in ("docx", "html", "txt"):
        path = DATA / "real" / f"tasktable-agri-mechanization.{suffix}"
        plan = ipplan.parse(path)
        assert len(plan.tasks) == 15, suffix
        first, last = plan.tasks[0], plan.tasks[-1]
        assert (first.path, first.title, first.lead) == ([1, 1], "完善农机装备创新体系", ["工业和信息化部"])
        assert [d.name for d in first.departments] == [
            "工业和信息化部",
            "发展改革委",
            "科技部",
            "农业农村部等",
        ]
        assert first.deadline is not None and (first.deadline.raw, first.deadline.year) == (
            "2019年底前",
            2019,
        )
        assert (last.path, last.deadline.raw, last.deadline.month) == ([6, 15], "2020年6月底前", 6)
        assert plan.sections == []  # category rows inside a table are no sections
        assert first.source is not None and first.source.table == 0


def word_table(path: Path, *, two_row_header: bool, merged_lead: bool) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见重点任务分工表")
    header_rows = 2 if two_row_header else 1
    table = d.add_table(rows=header_rows + len(ROWS) + 2, cols=5)
    table.style = "Table Grid"
    if two_row_header:
        for c, text in enumerate(["序号", "重点任务", "责任单位", "责任单位", "完成时限"]):
            table.cell(0, c).text = text
        for c, text in enumerate(["", "", "牵头单位", "配合单位", ""]):
            table.cell(1, c).text = text
        for c in (0, 1, 4):
            top = table.cell(0, c)
            text = top.text
            top.merge(table.cell(1, c)).text = text
        table.cell(0, 2).merge(table.cell(0, 3)).text = "责任单位"
    else:
        for c, text in enumerate(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]):
            table.cell(0, c).text = text
    r = header_rows
    for k, row in enumerate(ROWS):
        if k in (0, 2):
            cell = table.cell(r, 0).merge(table.cell(r, 4))
            cell.text = CATEGORY_1 if k == 0 else CATEGORY_2
            r += 1
        for c, text in enumerate(row):
            table.cell(r, c).text = text
        r += 1
    if merged_lead:  # the lead cell of rows 1-2 merged down, as 分工表 often print it
        top = table.cell(header_rows + 1, 2)
        top.merge(table.cell(header_rows + 2, 2)).text = "扶贫办"
    d.save(path)


@pytest.mark.parametrize("two_row_header", [False, True])
def test_word_tables_with_merged_cells_and_header_rows(tmp_path: Path, two_row_header: bool) -> None:
    path = tmp_path / "fengong.docx"
    word_table(path, two_row_header=two_row_header, merged_lead=True)
    plan = ipplan.parse(path)
    assert titles_and_bodies(plan) == EXPECTED
    assert deadlines(plan) == DEADLINES


def html_table(rows_html: str, caption: str = "") -> str:
    return (
        "<html><head><meta charset='utf-8'><title>分工表</title></head><body>"
        "<p align='center'>国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见重点任务分工表</p>"
        f"{caption}<table border='1'>{rows_html}</table></body></html>"
    )


def test_an_html_table_with_a_single_responsible_column_and_no_seq(tmp_path: Path) -> None:
    rows = "<tr><td>重点任务</td><td>责任单位</td><td>完成时限</td></tr>"
    rows += f"<tr><td colspan='3'>{CATEGORY_1}</td></tr>"
    for _, task, lead, support, deadline in ROWS[:2]:
        rows += f"<tr><td>{task}</td><td>{lead}、{support}</td><td>{deadline}</td></tr>"
    rows += f"<tr><td colspan='3'>{CATEGORY_2}</td></tr>"
    for _, task, lead, support, deadline in ROWS[2:]:
        rows += f"<tr><td>{task}</td><td>{lead}、{support}</td><td>{deadline}</td></tr>"
    rows += "<tr><td colspan='3'>注：列第一位的为牵头单位。</td></tr>"
    path = tmp_path / "fengong.html"
    path.write_text(html_table(rows), encoding="utf-8")
    plan = ipplan.parse(path)
    # no 序号: numbered straight through the table; the note's convention names the lead
    assert titles_and_bodies(plan) == EXPECTED
    assert deadlines(plan) == DEADLINES


def test_a_single_responsible_column_without_a_convention_names_no_lead(tmp_path: Path) -> None:
    rows = "<tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr>"
    for seq, task, lead, support, _ in ROWS:
        rows += f"<tr><td>{seq}</td><td>{task}</td><td>{lead}、{support}</td></tr>"
    path = tmp_path / "fengong.html"
    path.write_text(html_table(rows), encoding="utf-8")
    plan = ipplan.parse(path)
    assert [t.lead for t in plan.tasks] == [None] * 4
    assert [t.path for t in plan.tasks] == [[1], [2], [3], [4]]
    assert [d.name for d in plan.tasks[3].departments][:2] == ["商务部", "扶贫办"]


def tsv(rows: list[tuple[str, ...]], broken_cell: bool = False, merged: bool = False) -> str:
    lines = ["国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见重点任务分工表", ""]
    lines.append("\t".join(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]))
    for k, row in enumerate(rows):
        if k in (0, 2):
            lines.append(CATEGORY_1 if k == 0 else CATEGORY_2)
        if broken_cell and k == 0:  # a cell of two paragraphs: the row runs over two lines
            task = row[1]
            cut = task.index("。") + 1
            lines.append("\t".join([row[0], task[:cut]]))
            lines.append("\t".join([task[cut:], *row[2:]]))
        elif merged and k == 1:  # Word writes a merged cell once: the cells it spans are empty
            lines.append("\t".join([row[0], row[1], "", row[3], ""]))
        else:
            lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("broken_cell", [False, True])
def test_a_tab_separated_text_export(tmp_path: Path, broken_cell: bool) -> None:
    plan = parse_text(tmp_path, tsv(ROWS, broken_cell))
    assert titles_and_bodies(plan) == EXPECTED
    assert deadlines(plan) == DEADLINES
    assert plan.sections == []
    row_line = tsv(ROWS, broken_cell).splitlines().index("\t".join(ROWS[2])) + 1
    assert plan.tasks[2].source is not None and plan.tasks[2].source.line == row_line


def test_a_text_export_of_merged_cells_fills_lead_and_time_limit_down(tmp_path: Path) -> None:
    plan = parse_text(tmp_path, tsv(ROWS[:2], merged=True))
    assert plan.tasks[1].lead == ["扶贫办"]
    assert plan.tasks[1].deadline is not None and plan.tasks[1].deadline.raw == "2019年底前"


def test_a_text_export_with_one_cell_per_line(tmp_path: Path) -> None:
    lines = ["国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见重点任务分工表", ""]
    lines += ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    for k, row in enumerate(ROWS):
        if k in (0, 2):
            lines.append(CATEGORY_1 if k == 0 else CATEGORY_2)
        lines += list(row)
    plan = parse_text(tmp_path, "\n".join(lines) + "\n")
    assert titles_and_bodies(plan) == EXPECTED
    assert deadlines(plan) == DEADLINES


def test_a_table_attached_to_a_plan_gives_its_items_bodies_and_deadlines(tmp_path: Path) -> None:
    body = [
        "国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见",
        "一、动员社会各界扩大贫困地区产品和服务消费",
        "（一）推动各级机关和国有企事业单位等带头参与消费扶贫。在同等条件下优先采购贫困地区产品。",
        "（二）推动东西部地区建立消费扶贫协作机制。把消费扶贫纳入东西部扶贫协作年度计划。",
        "二、大力拓宽贫困地区农产品流通和销售渠道",
        "（三）打通供应链条。",
        "（四）拓展销售途径。",
        "三、保障措施",
        "各地区各部门要加强组织领导。",
        "",
        "附件：重点任务分工表",
    ]
    text = "\n".join(body) + "\n" + tsv(ROWS)
    plan = parse_text(tmp_path, text)
    # the text's items, once each, with the table's bodies and deadlines
    assert [(t.path, t.title, t.lead) for t in plan.tasks] == [
        ([1, 1], "推动各级机关和国有企事业单位等带头参与消费扶贫", ["扶贫办"]),
        ([1, 2], "推动东西部地区建立消费扶贫协作机制", ["扶贫办"]),
        ([2, 3], "打通供应链条", ["商务部"]),
        ([2, 4], "拓展销售途径", ["商务部"]),
    ]
    assert deadlines(plan) == DEADLINES
    assert plan.tasks[0].note_source is not None and plan.tasks[0].note_source.table == 0


def test_an_item_note_with_a_deadline() -> None:
    plan = ipplan.parse_bytes(
        "一、主要任务\n（一）打通供应链条。支持地方建设产地仓。（商务部牵头，发展改革委、农业农村部参与，"
        "2019年底前完成）\n".encode(),
        "note.txt",
    )
    task = plan.tasks[0]
    assert [(d.name, d.role) for d in task.departments] == [
        ("商务部", "lead"),
        ("发展改革委", "support"),
        ("农业农村部", "support"),
    ]
    assert task.deadline is not None
    assert (task.deadline.raw, task.deadline.year, task.deadline.kind) == ("2019年底前完成", 2019, "by_date")


def test_an_indicator_table_with_a_responsible_column_stays_an_indicator_table(tmp_path: Path) -> None:
    rows = "<tr><td>序号</td><td>指标</td><td>2022年基础值</td><td>2025年目标值</td><td>责任单位</td></tr>"
    rows += (
        "<tr><td>1</td><td>有效发明专利拥有量（件）</td><td>2100</td><td>3000</td><td>市市场监管局</td></tr>"
    )
    path = tmp_path / "indicators.html"
    path.write_text(html_table(rows), encoding="utf-8")
    plan = ipplan.parse(path)
    assert plan.tasks == []
    assert [i.name for i in plan.indicators] == ["有效发明专利拥有量"]


def test_a_pdf_table_continued_over_a_page() -> None:
    """A 分工表 made by LibreOffice from Word: 24 rows run over four pages, the header not repeated."""
    plan = ipplan.parse(DATA / "pdf" / "fengong-pages.pdf")
    assert len(plan.tasks) == 24
    assert [t.path[-1] for t in plan.tasks] == list(range(1, 25))
    pages = {t.source.page for t in plan.tasks if t.source is not None}
    assert pages == {1, 2, 3, 4}
    last = plan.tasks[-1]
    assert last.lead == ["农业农村部"] and last.deadline is not None and last.deadline.raw == "长期坚持"


def test_the_corpus_plans_keep_their_tasks() -> None:
    # an indicator table headed 完成值 is not read as a time limit, and the text's tasks stay
    plan = ipplan.parse(corpus_file("liuzhou-hitech-park-2022", "txt"))
    assert len(plan.tasks) == 22 and len(plan.indicators) == 29


def test_a_category_column_merged_down_opens_level_one(tmp_path: Path) -> None:
    # 类别 | 序号 | 工作内容 | 责任单位 | 时间节点: the 类别 cell printed once over the rows it spans,
    # items numbered afresh in each category, and the convention stated under the title
    lines = [
        "某市强化知识产权保护重点任务分工",
        "（责任单位中排在第一位的为牵头单位）",
        "\t".join(["类别", "序号", "工作内容", "责任单位", "时间节点"]),
        "\t".join(["一、健全知识产权保护制度", "1", "制定出台知识产权保护专项政策。",
                   "市市场监管局、市司法局", "2024年6月底前"]),
        "\t".join(["", "2", "建立知识产权侵权惩罚性赔偿适用机制。",
                   "市中级人民法院、市检察院", "2024年底前"]),
        "\t".join(["二、加强知识产权全链条保护", "1", "加强知识产权刑事司法保护。",
                   "市公安局、市检察院", "长期"]),
    ]  # fmt: skip
    plan = parse_text(tmp_path, "\n".join(lines) + "\n")
    assert [(t.path, t.title, t.lead) for t in plan.tasks] == [
        ([1, 1], "制定出台知识产权保护专项政策", ["市市场监管局"]),
        ([1, 2], "建立知识产权侵权惩罚性赔偿适用机制", ["市中级人民法院"]),
        ([2, 1], "加强知识产权刑事司法保护", ["市公安局"]),
    ]
    assert [t.deadline.kind for t in plan.tasks if t.deadline] == ["by_date", "by_date", "ongoing"]


def test_one_cell_per_line_with_a_two_row_header_and_a_merged_lead(tmp_path: Path) -> None:
    # the header's second row (牵头单位, 配合单位) comes after its first; row 2's lead cell was
    # merged with row 1's and is written once
    lines = ["宿迁市2023年知识产权强市建设重点任务分工表", ""]
    lines += ["序号", "重点任务", "责任分工", "完成时限", "牵头单位", "配合单位"]
    lines += [
        "1",
        "完善知识产权政策体系。修订出台专项资金管理办法。",
        "市市场监管局",
        "市财政局、市科技局",
        "2023年6月底前",
    ]
    lines += ["2", "实施高价值专利培育计划。建设高价值专利培育中心。", "市科技局、市工信局", "2023年12月底前"]
    lines += ["3", "加强知识产权司法保护。", "市中级法院", "市检察院、市公安局", "长期坚持"]
    plan = parse_text(tmp_path, "\n\n".join(lines) + "\n")
    assert [(t.path, t.lead, [d.name for d in t.departments], t.deadline.raw) for t in plan.tasks] == [
        ([1], ["市市场监管局"], ["市市场监管局", "市财政局", "市科技局"], "2023年6月底前"),
        ([2], ["市市场监管局"], ["市市场监管局", "市科技局", "市工信局"], "2023年12月底前"),
        ([3], ["市中级法院"], ["市中级法院", "市检察院", "市公安局"], "长期坚持"),
    ]  # fmt: skip
