"""Responsible bodies: department notes, lead and support, and how items inherit them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipplan.blocks import Paragraph
from ipplan.extract.departments import (
    Assignment,
    find_note,
    parse_assignment,
    split_names,
    standalone_assignment,
)
from ipplan.extract.tasks import task_sections, tasks
from ipplan.outline import build_outline
from ipplan.schema import Location


def roles(a: Assignment | None) -> list[tuple[str, str | None]]:
    assert a is not None
    return [(d.name, d.role) for d in a.departments]


# --- parse_assignment --------------------------------------------------------------------------


def test_one_list_with_comma_first_body_leads() -> None:
    a = parse_assignment("责任部门：A，B、C")
    assert a.lead == ["A"]
    assert roles(a) == [("A", "lead"), ("B", "support"), ("C", "support")]
    assert a.raw == "责任部门：A，B、C"


def test_one_list_joined_by_dun_names_no_lead() -> None:
    a = parse_assignment("A、B、C")
    assert a.lead is None
    assert roles(a) == [("A", None), ("B", None), ("C", None)]


def test_keyed_list_joined_by_dun_names_no_lead() -> None:
    a = parse_assignment("责任单位：县知识产权局、县公安局、县司法局")
    assert a.lead is None
    assert roles(a) == [("县知识产权局", None), ("县公安局", None), ("县司法局", None)]


def test_lead_and_participating_keys() -> None:
    a = parse_assignment(
        "责任部门：区市场监督管理局；参与部门：区发展和改革局、区科学技术局、区工业和信息化局、区财政局，各镇、街道"
    )
    assert a.lead == ["区市场监督管理局"]
    assert roles(a) == [
        ("区市场监督管理局", "lead"),
        ("区发展和改革局", "support"),
        ("区科学技术局", "support"),
        ("区工业和信息化局", "support"),
        ("区财政局", "support"),
        ("各镇", "support"),
        ("街道", "support"),
    ]


def test_lead_and_cooperating_keys() -> None:
    a = parse_assignment("牵头单位：甲局、乙局；配合单位：丙局、丁局")
    assert a.lead == ["甲局", "乙局"]
    assert roles(a) == [("甲局", "lead"), ("乙局", "lead"), ("丙局", "support"), ("丁局", "support")]


@pytest.mark.parametrize(
    ("body", "lead", "support"),
    [
        ("主办单位：甲；协办单位：乙", ["甲"], ["乙"]),
        ("负责部门：甲；协助部门：乙", ["甲"], ["乙"]),
        ("主责部门：甲；支持单位：乙", ["甲"], ["乙"]),
        ("责任处室：甲；配合处室：乙、丙", ["甲"], ["乙", "丙"]),
        ("牵头部门:甲;参与部门:乙", ["甲"], ["乙"]),  # half-width colon and semicolon
    ],
)
def test_key_words(body: str, lead: list[str], support: list[str]) -> None:
    a = parse_assignment(body)
    assert a.lead == lead
    assert [d.name for d in a.departments if d.role == "support"] == support


def test_department_unit_key_with_brackets() -> None:
    a = parse_assignment("责任部门（单位）：柳州市市场监督管理局柳东新区分局，柳州市公安局柳东分局、法规处")
    assert a.lead == ["柳州市市场监督管理局柳东新区分局"]
    assert roles(a) == [
        ("柳州市市场监督管理局柳东新区分局", "lead"),
        ("柳州市公安局柳东分局", "support"),
        ("法规处", "support"),
    ]


def test_half_width_comma_separates_lead() -> None:
    assert parse_assignment("责任部门:A,B、C").lead == ["A"]


def test_a_second_comma_only_separates_names() -> None:
    # liuzhou item 3.5.2: "…商贸文化旅游局，社会事务局、投资促进局"
    a = parse_assignment("责任部门：甲，乙、丙，丁、戊")
    assert a.lead == ["甲"]
    assert [d.name for d in a.departments] == ["甲", "乙", "丙", "丁", "戊"]
    assert [d.role for d in a.departments] == ["lead"] + ["support"] * 4


def test_trailing_full_stop_is_not_part_of_a_name() -> None:
    assert [d.name for d in parse_assignment("责任单位：A、B。").departments] == ["A", "B"]
    assert [d.name for d in parse_assignment("责任部门：A，B、C。").departments] == ["A", "B", "C"]


def test_empty_body() -> None:
    a = parse_assignment("")
    assert (a.departments, a.lead) == ([], None)


def test_lone_lead_key_names_leads() -> None:
    a = parse_assignment("牵头单位：A、B")
    assert a.lead == ["A", "B"]
    assert roles(a) == [("A", "lead"), ("B", "lead")]


# --- find_note ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "note", "lead", "names"),
    [
        (
            "统筹协调试点园区建设工作。（责任部门：柳州高新区实施知识产权强区战略领导小组各成员单位）",
            "（责任部门：柳州高新区实施知识产权强区战略领导小组各成员单位）",
            None,
            ["柳州高新区实施知识产权强区战略领导小组各成员单位"],
        ),
        (
            "形成以保护促创新的新局面。〔责任部门（单位）：柳州市市场监督管理局柳东新区分局，柳州市公安局柳东分局、法规处〕",
            "〔责任部门（单位）：柳州市市场监督管理局柳东新区分局，柳州市公安局柳东分局、法规处〕",
            ["柳州市市场监督管理局柳东新区分局"],
            ["柳州市市场监督管理局柳东新区分局", "柳州市公安局柳东分局", "法规处"],
        ),
        (
            "做好（一些）工作。（牵头单位：甲局；配合单位：乙局、丙局）。",
            "（牵头单位：甲局；配合单位：乙局、丙局）。",
            ["甲局"],
            ["甲局", "乙局", "丙局"],
        ),
        ("做好工作。【责任单位：甲局】", "【责任单位：甲局】", None, ["甲局"]),
        ("做好工作。(责任单位:甲局、乙局)", "(责任单位:甲局、乙局)", None, ["甲局", "乙局"]),
        ("做好工作（见附件）。（责任单位：甲局、乙局）", "（责任单位：甲局、乙局）", None, ["甲局", "乙局"]),
        # without brackets, as the item's last sentence
        ("做好工作。责任单位：甲局、乙局。", "责任单位：甲局、乙局。", None, ["甲局", "乙局"]),
        (
            "做好工作。责任部门：甲局，乙局、丙局",
            "责任部门：甲局，乙局、丙局",
            ["甲局"],
            ["甲局", "乙局", "丙局"],
        ),
    ],
)
def test_find_note(text: str, note: str, lead: list[str] | None, names: list[str]) -> None:
    found = find_note(text)
    assert found is not None
    assignment, start = found
    assert text[start:] == note
    assert assignment.lead == lead
    assert [d.name for d in assignment.departments] == names


@pytest.mark.parametrize(
    "text",
    [
        "做好工作（2022年）。",
        "做好（责任部门：甲局）工作。",  # not at the end
        "加强责任部门：x的通知。",
        "各责任部门（单位）要严格落实考核责任制。",
        "明确牵头单位：区局等负责同志。",
        "",
    ],
)
def test_no_note(text: str) -> None:
    assert find_note(text) is None


# --- standalone_assignment ---------------------------------------------------------------------


def test_standalone_bracketed_line() -> None:
    line = "（责任部门：区市场监督管理局；参与部门：区法院、区工业和信息化局，各镇、街道）"
    a = standalone_assignment(line)
    assert a is not None
    assert a.lead == ["区市场监督管理局"]
    assert [d.name for d in a.departments] == [
        "区市场监督管理局",
        "区法院",
        "区工业和信息化局",
        "各镇",
        "街道",
    ]


def test_standalone_unbracketed_line() -> None:
    a = standalone_assignment("责任单位：甲局、乙局")
    assert a is not None and [d.name for d in a.departments] == ["甲局", "乙局"]


@pytest.mark.parametrize(
    "text", ["（见附件）", "加强责任部门：x的通知", "1. 做好工作。（责任部门：甲局）", "正文。"]
)
def test_not_standalone(text: str) -> None:
    assert standalone_assignment(text) is None


# --- split_names -------------------------------------------------------------------------------


def test_split_names_keeps_order_and_duplicates() -> None:
    # liuzhou indicator 15 names 柳州市市场监督管理局柳东新区分局 twice; the annotation keeps both
    assert split_names("财政局、社会事务局、财政局") == ["财政局", "社会事务局", "财政局"]


def test_split_names_on_every_separator() -> None:
    assert split_names("甲、乙，丙,丁；戊;己") == ["甲", "乙", "丙", "丁", "戊", "己"]


def test_split_names_drops_empty_and_trims() -> None:
    assert split_names(" 甲 、、 乙 ，") == ["甲", "乙"]
    assert split_names("") == []
    assert split_names("、，") == []


def test_split_names_drops_trailing_full_stop() -> None:
    assert split_names("县知识产权局、县公安局。") == ["县知识产权局", "县公安局"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="甲乙丙丁局委办处", min_size=1, max_size=6), min_size=1, max_size=8))
def test_split_names_round_trip(names: list[str]) -> None:
    assert split_names("、".join(names)) == names


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("责任牵头配合参与部门单位（）()〔〕：:；;，,、。甲乙丙局 "), max_size=60))
def test_note_functions_never_raise(text: str) -> None:
    parse_assignment(text)
    find_note(text)
    standalone_assignment(text)


# --- how items get their departments (tasks) ---------------------------------------------------


def _tasks(*lines: str):
    blocks = [Paragraph(t, Location(line=i)) for i, t in enumerate(lines, 1)]
    outline = build_outline(blocks)
    return tasks(outline, task_sections(outline))


def test_subsection_assignment_applies_to_every_item() -> None:
    found = _tasks(
        "一、指导思想",
        "二、主要任务",
        "（一）甲工程",
        "1. 做第一件事。内容。",
        "2. 做第二件事。内容。",
        "（责任部门：区市场监督管理局；参与部门：区财政局，各镇、街道）",
        "（二）乙工程",
        "1. 做第三件事。内容。（责任单位：区法院、区司法局）",
        "三、保障措施",
    )
    assert [(t.path, t.title, [d.name for d in t.departments], t.lead) for t in found] == [
        ([2, 1, 1], "做第一件事", ["区市场监督管理局", "区财政局", "各镇", "街道"], ["区市场监督管理局"]),
        ([2, 1, 2], "做第二件事", ["区市场监督管理局", "区财政局", "各镇", "街道"], ["区市场监督管理局"]),
        ([2, 2, 1], "做第三件事", ["区法院", "区司法局"], None),
    ]


def test_item_note_wins_over_subsection_assignment() -> None:
    found = _tasks(
        "一、主要任务",
        "（一）甲工程",
        "1. 做第一件事。内容。（责任部门：甲局，乙局）",
        "2. 做第二件事。内容。",
        "责任单位：丙局、丁局",
    )
    assert [([d.name for d in t.departments], t.lead) for t in found] == [
        (["甲局", "乙局"], ["甲局"]),
        (["丙局", "丁局"], None),
    ]


def test_note_in_a_following_paragraph_of_the_item() -> None:
    found = _tasks(
        "一、主要任务", "（一）甲", "1. 做事。第一段。", "第二段内容。（责任部门：甲局，乙局、丙局）"
    )
    assert found[0].lead == ["甲局"]
    assert [d.name for d in found[0].departments] == ["甲局", "乙局", "丙局"]
    assert found[0].text == "做事。第一段。\n第二段内容。（责任部门：甲局，乙局、丙局）"


def test_box_between_items_belongs_to_no_item() -> None:
    found = _tasks(
        "一、主要任务",
        "（一）甲",
        "1. 做事。内容。",
        "专栏1 知识产权快保护机构建设工程",
        "建设知识产权保护中心。（责任单位：不该归属）",
        "2. 再做事。内容。",
    )
    assert [t.departments for t in found] == [[], []]
    assert "专栏" not in found[0].text
