"""Issue 10: who does what, as the genre writes it.

One test per note spelling, split case and lead convention of issue 10, each written from real text
of the genre: sentences of the corpus documents (tests/data/corpus, tests/data/real) or of published
State Council and provincial notices, with the real names of the bodies they assign. Then the real
set itself (tests/data/real: five State Council notices, ten web-page openings) parsed with
``ipplan.parse``: the departments and leads of named items, and every task against its annotation.

The adversarial variants (spellings the mechanism may not read yet) are in
``test_genre_departments_review.py``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

import ipplan
from ipplan.extract.departments import (
    Assignment,
    find_notes,
    parse_note,
    split_bodies,
    standalone_assignment,
    states_first_listed_leads,
)
from ipplan.schema import Plan

REAL = Path(__file__).resolve().parent / "data" / "real"


def note(text: str) -> Assignment:
    found = parse_note(text)
    assert found is not None, f"no note read from {text!r}"
    return found


def roles(a: Assignment) -> list[tuple[str, str | None]]:
    return [(d.name, d.role) for d in a.departments]


def plan_of(text: str) -> Plan:
    """A plan parsed from text, as a user's .txt file would be."""
    return ipplan.parse_bytes(text.encode("utf-8"), "notice.txt")


def rows(plan: Plan) -> list[tuple[list[int], str, list[str], list[str] | None]]:
    return [(t.path, t.title, [d.name for d in t.departments], t.lead) for t in plan.tasks]


@cache
def real_plan(stem: str) -> Plan:
    folder = "notices" if stem.startswith("gov-") else "pages"
    suffix = ".html" if folder == "notices" else ".txt"
    return ipplan.parse(REAL / folder / (stem + suffix))


def real_task(stem: str, path: list[int]):
    found = [t for t in real_plan(stem).tasks if t.path == path]
    assert len(found) == 1, f"{stem}: {len(found)} tasks at {path}"
    return found[0]


# --- keyed notes: one key after another ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "lead"),
    [
        # 责任单位 (luzhai 2023, lishui 2023): a list joined by 、 names no lead
        (
            "责任单位：县知识产权局、县发改局、县财政局、县农业农村局",
            [("县知识产权局", None), ("县发改局", None), ("县财政局", None), ("县农业农村局", None)],
            None,
        ),
        ("责任单位:市发改委", [("市发改委", None)], None),
        # 责任部门 (liuzhou 2022): the part before the first ， leads
        (
            "责任部门：柳州市市场监督管理局柳东新区分局，战略和经济发展局、工业和信息化局、科技和大数据发展局",
            [
                ("柳州市市场监督管理局柳东新区分局", "lead"),
                ("战略和经济发展局", "support"),
                ("工业和信息化局", "support"),
                ("科技和大数据发展局", "support"),
            ],
            ["柳州市市场监督管理局柳东新区分局"],
        ),
        # 牵头单位 / 配合单位: the agri-mechanization task table's first row written as a note
        (
            "牵头单位：工业和信息化部；配合单位：发展改革委、科技部、农业农村部等",
            [
                ("工业和信息化部", "lead"),
                ("发展改革委", "support"),
                ("科技部", "support"),
                ("农业农村部等", "support"),
            ],
            ["工业和信息化部"],
        ),
        # 参与单位 beside a lead key (boshan 2022 writes 责任部门 / 参与部门)
        (
            "牵头单位：区市场监督管理局；参与单位：区法院、区公安分局、区司法局",
            [
                ("区市场监督管理局", "lead"),
                ("区法院", "support"),
                ("区公安分局", "support"),
                ("区司法局", "support"),
            ],
            ["区市场监督管理局"],
        ),
        # 负责部门 alone: one list, no lead
        (
            "负责部门：县知识产权局、县公安局、县司法局",
            [("县知识产权局", None), ("县公安局", None), ("县司法局", None)],
            None,
        ),
        # 承办单位 / 协办单位 (the wording of 建议提案 assignments, used by bureaus' work plans)
        (
            "承办单位：市知识产权局；协办单位：市公安局、市文化市场综合行政执法支队",
            [("市知识产权局", "lead"), ("市公安局", "support"), ("市文化市场综合行政执法支队", "support")],
            ["市知识产权局"],
        ),
        # 责任处室: a bureau's own divisions
        (
            "责任处室：知识产权保护处、知识产权运用促进处",
            [("知识产权保护处", None), ("知识产权运用促进处", None)],
            None,
        ),
    ],
    ids=[
        "责任单位",
        "责任单位-one",
        "责任部门",
        "牵头-配合",
        "牵头-参与",
        "负责部门",
        "承办-协办",
        "责任处室",
    ],
)
def test_keyed_note(text: str, expected: list[tuple[str, str | None]], lead: list[str] | None) -> None:
    a = note(text)
    assert roles(a) == expected
    assert a.lead == lead


def test_several_keys_in_one_note_boshan() -> None:
    # boshan 2022, the note printed once for subsection （一）
    a = note(
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


def test_keyed_note_with_a_deadline_field_keeps_only_departments() -> None:
    # the task table's first row (牵头单位 / 配合单位 / 完成时限) written as one note
    a = note("牵头单位：工业和信息化部；配合单位：发展改革委、科技部、农业农村部等；完成时限：2019年底前")
    assert [d.name for d in a.departments] == ["工业和信息化部", "发展改革委", "科技部", "农业农村部等"]
    assert a.lead == ["工业和信息化部"]
    assert a.deadline == "2019年底前"


def test_keyed_note_with_a_deadline_gives_the_task_its_deadline() -> None:
    plan = plan_of(
        "加快推进农业机械化重点任务分工\n"
        "一、重点任务\n"
        "1.完善农机装备创新体系。瞄准农业机械化需求，加快推进农机装备创新。"
        "（牵头单位：工业和信息化部；配合单位：发展改革委、科技部、农业农村部等；完成时限：2019年底前）\n"
    )
    (task,) = plan.tasks
    assert task.lead == ["工业和信息化部"]
    assert [d.name for d in task.departments] == ["工业和信息化部", "发展改革委", "科技部", "农业农村部等"]
    assert task.deadline is not None
    assert (task.deadline.raw, task.deadline.year, task.deadline.month, task.deadline.kind) == (
        "2019年底前",
        2019,
        12,
        "by_date",
    )


# --- unkeyed notes: the national style -------------------------------------------------------------


def test_by_their_duties() -> None:
    # chongqing 渝府办发〔2017〕132号 item 1
    a = note(
        "市农委、市商务委、市公安局、市文化委、市卫生计生委、市工商局、市质监局、市食品药品监管局、市林业局、"
        "市文化执法总队、市知识产权局、重庆海关、市邮政管理局、重庆检验检疫局按职责分工负责"
    )
    assert [d.name for d in a.departments] == [
        "市农委",
        "市商务委",
        "市公安局",
        "市文化委",
        "市卫生计生委",
        "市工商局",
        "市质监局",
        "市食品药品监管局",
        "市林业局",
        "市文化执法总队",
        "市知识产权局",
        "重庆海关",
        "市邮政管理局",
        "重庆检验检疫局",
    ]
    assert {d.role for d in a.departments} == {None}
    assert a.lead is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 2024年知识产权强国建设推进计划 items 1 and 4
        ("国家知识产权局负责", ["国家知识产权局"]),
        ("农业农村部、国家林草局负责", ["农业农村部", "国家林草局"]),
        # 国发〔2018〕42号 item 7: 等 belongs to the last name
        ("农业农村部、发展改革委、财政部等负责", ["农业农村部", "发展改革委", "财政部等"]),
    ],
)
def test_bodies_then_fuze(text: str, names: list[str]) -> None:
    a = note(text)
    assert [d.name for d in a.departments] == names
    assert a.lead is None


def test_lead_then_others_by_their_duties() -> None:
    a = note("国家知识产权局牵头，中央宣传部、公安部、海关总署按职责分工负责")
    assert roles(a) == [
        ("国家知识产权局", "lead"),
        ("中央宣传部", "support"),
        ("公安部", "support"),
        ("海关总署", "support"),
    ]
    assert a.lead == ["国家知识产权局"]


def test_lead_then_participants() -> None:
    a = note("农业农村部牵头，发展改革委、财政部参与")
    assert roles(a) == [("农业农村部", "lead"), ("发展改革委", "support"), ("财政部", "support")]
    assert a.lead == ["农业农村部"]


def test_huitong_names_both_bodies() -> None:
    # "A会同B负责": both carry the work
    a = note("工业和信息化部会同发展改革委负责")
    assert [d.name for d in a.departments] == ["工业和信息化部", "发展改革委"]


def test_bodies_and_provincial_governments() -> None:
    # 国办发〔2018〕129号 (消费扶贫) item 2
    a = note("扶贫办、发展改革委、人力资源社会保障部、商务部等和各有关省级人民政府负责")
    assert [d.name for d in a.departments] == [
        "扶贫办",
        "发展改革委",
        "人力资源社会保障部",
        "商务部等",
        "各有关省级人民政府",
    ]
    assert a.lead is None


def test_unkeyed_note_with_a_deadline_clause() -> None:
    a = note("国家知识产权局牵头，各地区、各有关部门按职责分工负责，2019年底前完成")
    assert roles(a) == [("国家知识产权局", "lead"), ("各地区", "support"), ("各有关部门", "support")]
    assert a.deadline == "2019年底前完成"


# --- brackets and where a note stands --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "printed", "names"),
    [
        # 2024年知识产权强国建设推进计划 item 5 (full-width round brackets)
        (
            "研究起草生物遗传资源获取和惠益分享管理条例。（生态环境部负责）",
            "（生态环境部负责）",
            ["生态环境部"],
        ),
        # chongqing 2017 as scraped: half-width brackets
        (
            "依法取缔无证照生产经营的“黑作坊”“黑窝点”,维护公平竞争的市场秩序。(市农委、重庆海关按职责分工负责)",
            "(市农委、重庆海关按职责分工负责)",
            ["市农委", "重庆海关"],
        ),
        # sichuan 2022 item (二): hexagonal brackets
        (
            "持续实施“歇业登记”等新制度。〔责任单位:省市场监管局〕",
            "〔责任单位:省市场监管局〕",
            ["省市场监管局"],
        ),
        (
            "持续实施“歇业登记”等新制度。【责任单位：省市场监管局】",
            "【责任单位：省市场监管局】",
            ["省市场监管局"],
        ),
    ],
    ids=["（）", "()", "〔〕", "【】"],
)
def test_note_in_each_kind_of_bracket(text: str, printed: str, names: list[str]) -> None:
    (found,) = find_notes(text)
    assert text[found.start : found.end] == printed
    assert [d.name for d in found.departments] == names


def test_several_notes_of_one_item_in_printed_order() -> None:
    # 国办发〔2018〕121号 (体育竞赛表演产业) item （十）: three notes, each after its sentences
    text = (
        "鼓励创新创业。大力推进商事制度改革，营造良好的体育竞赛表演产业准入环境。（市场监管总局负责）"
        "加强体育产业创新创业教育服务，帮助企业、高校等有效对接。（体育总局、教育部负责）"
        "鼓励以移动互联网、大数据、云计算技术为支撑，提升赛事报名、赛事转播、媒体报道、交流互动、"
        "赛事参与等综合服务水平。（体育总局、网信办、科技部、工业和信息化部负责）"
    )
    found = find_notes(text)
    assert [[d.name for d in n.departments] for n in found] == [
        ["市场监管总局"],
        ["体育总局", "教育部"],
        ["体育总局", "网信办", "科技部", "工业和信息化部"],
    ]


def test_several_notes_joined_without_repeats() -> None:
    # 国办发〔2018〕121号 item （十八）: 公安部 is named by both notes and listed once
    plan = plan_of(
        "关于加快发展体育竞赛表演产业的指导意见\n"
        "一、主要任务\n"
        "（一）持续推进“放管服”改革。继续推进体育赛事审批制度改革，加快制定赛事审批取消后的服务管理办法。"
        "（公安部、工业和信息化部、交通运输部、水利部、海洋局、空管委办公室负责）"
        "加强赛风赛纪、反兴奋剂工作，坚持公平竞赛，树立良好赛风。（体育总局、发展改革委、公安部、市场监管总局负责）\n"
    )
    assert rows(plan) == [
        (
            [1, 1],
            "持续推进“放管服”改革",
            [
                "公安部",
                "工业和信息化部",
                "交通运输部",
                "水利部",
                "海洋局",
                "空管委办公室",
                "体育总局",
                "发展改革委",
                "市场监管总局",
            ],
            None,
        )
    ]


def test_note_line_after_the_item() -> None:
    # lishui 2023: each item's 责任单位 on the line after it
    plan = plan_of(
        "市政府工作报告重点工作责任分解(2023年)\n"
        "一、重点抓好六方面工作\n"
        "(一)全力以赴拼经济稳增长促发展。\n"
        "10.实施招商引资“百千”行动,每年招引亿元以上制造业项目100个,带动未来五年制造业投资1000亿元以上。\n"
        "责任单位:市双招双引办、市发改委、市经信局\n"
        "11.紧盯“中字头、国字号、500强”推动招大引强再上新高,力争引进20亿级项目不少于12个。\n"
        "责任单位:市经信局\n"
    )
    assert [(t.path, [d.name for d in t.departments]) for t in plan.tasks] == [
        ([1, 1, 10], ["市双招双引办", "市发改委", "市经信局"]),
        ([1, 1, 11], ["市经信局"]),
    ]
    first, second = plan.tasks
    assert (first.source.line, first.note_source.line) == (4, 5)
    assert (second.source.line, second.note_source.line) == (6, 7)


def test_note_printed_once_for_a_subsection() -> None:
    # boshan 2022 （一）: three items, then one note line that covers them all
    plan = plan_of(
        "博山区国家知识产权强区试点区建设工作方案\n"
        "一、工作措施\n"
        "（一）实施知识产权管理能力提升工程\n"
        "1. 提升知识产权管理综合效能。加强知识产权改革顶层设计。\n"
        "2. 强化知识产权政策导向。进一步完善知识产权相关政策。\n"
        "3. 建立健全激励和保障机制。"
        "加强知识产权的创造、运用、保护、管理以及人才培养、维权援助等事项的政策支持和扶持力度。\n"
        "（责任部门：区市场监督管理局；参与部门：区发展和改革局、区科学技术局、区工业和信息化局、区财政局，各镇、街道）\n"
        "（二）实施知识产权创造质量提升工程\n"
        "1. 加强高价值专利培育。贯彻落实《淄博市高价值专利培育中心建设实施方案》。\n"
    )
    names = [
        "区市场监督管理局",
        "区发展和改革局",
        "区科学技术局",
        "区工业和信息化局",
        "区财政局",
        "各镇",
        "街道",
    ]
    assert rows(plan) == [
        ([1, 1, 1], "提升知识产权管理综合效能", names, ["区市场监督管理局"]),
        ([1, 1, 2], "强化知识产权政策导向", names, ["区市场监督管理局"]),
        ([1, 1, 3], "建立健全激励和保障机制", names, ["区市场监督管理局"]),
        ([1, 2, 1], "加强高价值专利培育", [], None),
    ]
    assert {t.note_source.line for t in plan.tasks[:3]} == {7}


def test_standalone_note_line_is_read_whole() -> None:
    a = standalone_assignment(
        "（责任部门：区市场监督管理局；参与部门：区法院、区工业和信息化局、区公安分局，各镇、街道）"
    )
    assert a is not None
    assert a.lead == ["区市场监督管理局"]
    assert [d.name for d in a.departments] == [
        "区市场监督管理局",
        "区法院",
        "区工业和信息化局",
        "区公安分局",
        "各镇",
        "街道",
    ]


# --- names: where a list splits ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("体育总局、民政部、人力资源社会保障部", ["体育总局", "民政部", "人力资源社会保障部"]),
        ("柳州市市场监督管理局柳东新区分局，法规处", ["柳州市市场监督管理局柳东新区分局", "法规处"]),
        ("省发展改革委；省市场监管局", ["省发展改革委", "省市场监管局"]),
        ("全国总工会等和各省级人民政府", ["全国总工会等", "各省级人民政府"]),
        (
            "农业农村部、文化和旅游部等和各有关省级人民政府",
            ["农业农村部", "文化和旅游部等", "各有关省级人民政府"],
        ),
        ("教育部、人力资源社会保障部及各省级人民政府", ["教育部", "人力资源社会保障部", "各省级人民政府"]),
        (
            "市经济信息委、市科技局及各区县（自治县）人民政府",
            ["市经济信息委", "市科技局", "各区县（自治县）人民政府"],
        ),
    ],
    ids=["、", "，", "；", "等和", "和-after-等", "及", "及-bracketed"],
)
def test_split_between_bodies(text: str, names: list[str]) -> None:
    assert split_bodies(text) == names


@pytest.mark.parametrize(
    "name",
    [
        "住房和城乡建设部",
        "国家发展和改革委员会",
        "人力资源和社会保障局",
        "中央和国家机关工委",
        "文化和旅游部",
        "工业和信息化部",
        "区发展和改革局",
        "柳州市市场监督管理局柳东新区分局",
        "各县（市、区）人民政府",
        "各县(市、区)政府",
    ],
)
def test_never_split_inside_a_name(name: str) -> None:
    assert split_bodies(name) == [name]


def test_names_with_deng_kept_whole() -> None:
    # 国发〔2018〕42号 item 9; a county plan's "等有关部门"
    assert split_bodies("农业农村部、人民银行、银保监会、民航局等") == [
        "农业农村部",
        "人民银行",
        "银保监会",
        "民航局等",
    ]
    a = note("责任单位：县知识产权局、县市场监管局等有关部门")
    assert [d.name for d in a.departments] == ["县知识产权局", "县市场监管局等有关部门"]


def test_bracketed_part_of_a_name_kept_whole() -> None:
    # lishui 2023 item 10 (half-width) and the full-width form
    a = note("责任单位:市双招双引办、市发改委、市经信局,各县(市、区)政府、丽水开发区管委会")
    assert [d.name for d in a.departments] == [
        "市双招双引办",
        "市发改委",
        "市经信局",
        "各县(市、区)政府",
        "丽水开发区管委会",
    ]
    b = note("省知识产权局牵头，省有关部门和各市（州）人民政府按职责分工负责")
    assert [d.name for d in b.departments] == ["省知识产权局", "省有关部门", "各市（州）人民政府"]


# --- who leads ---------------------------------------------------------------------------------------


def test_lead_marked_in_brackets_after_a_name() -> None:
    a = note("责任单位：市知识产权局（牵头），市发展改革委、市科技局")
    assert roles(a) == [("市知识产权局", "lead"), ("市发展改革委", "support"), ("市科技局", "support")]
    assert a.lead == ["市知识产权局"]


def test_several_bodies_each_lead() -> None:
    # lishui 2023 item 6
    a = note("责任单位:市人力社保局、市农业农村局分别牵头")
    assert roles(a) == [("市人力社保局", "lead"), ("市农业农村局", "lead")]
    assert a.lead == ["市人力社保局", "市农业农村局"]


def test_lead_key_versus_support_key() -> None:
    a = note("牵头单位：工业和信息化部；配合单位：发展改革委、农业农村部、商务部、国资委、国际发展合作署等")
    assert a.lead == ["工业和信息化部"]
    assert [d.role for d in a.departments] == ["lead"] + ["support"] * 5


def test_comma_convention_of_zeren_bumen() -> None:
    # liuzhou 2022 item 3.5.2: only the first comma separates the lead
    a = note(
        "责任部门：柳州市市场监督管理局柳东新区分局，战略和经济发展局、工业和信息化局、科技和大数据发展局、"
        "财政局、商贸文化旅游局，社会事务局、投资促进局"
    )
    assert a.lead == ["柳州市市场监督管理局柳东新区分局"]
    assert [d.role for d in a.departments] == ["lead"] + ["support"] * 7


@pytest.mark.parametrize(
    "text",
    [
        # 国发〔2018〕42号 item （三）
        "工业和信息化部、发展改革委、科技部、农业农村部等负责。列第一位者为牵头单位，下同",
        "除标注“分别牵头”外,列第一位为牵头或汇总单位,下同",  # lishui 2023
        "列第一位的为牵头部门",
        "排在第一位的为牵头单位",
        "排在首位的为牵头部门",
        "第一个单位为牵头单位",
        "涉及多个部门的，列第一位的部门为牵头部门",
    ],
)
def test_first_listed_leads_is_stated(text: str) -> None:
    assert states_first_listed_leads(text)


@pytest.mark.parametrize(
    "text",
    [
        "各责任单位要根据工作分解表的要求，制定本地区、本部门的工作方案",  # guangzhou 2007
        "统筹协调各成员单位积极参与知识产权强市建设",  # shanghai 2022
        "充分发挥牵头单位的统筹协调作用",
        "以上排名不分先后",
    ],
)
def test_no_convention_stated(text: str) -> None:
    assert not states_first_listed_leads(text)


def test_stated_convention_holds_from_its_item_on() -> None:
    # 国发〔2018〕42号: the convention is first stated in item （三）'s note. Item （二） before it
    # names no lead; （三）, （四） follow the convention; （五） says itself who leads.
    plan = plan_of(
        "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见\n"
        "一、总体要求\n"
        "（一）指导思想。以习近平新时代中国特色社会主义思想为指导。\n"
        "二、加快推动农机装备产业高质量发展\n"
        "（二）加强农机装备质量可靠性建设。推进农机装备质量提升。（市场监管总局、工业和信息化部、发展改革委、农业农村部等负责）\n"
        "（三）完善农机装备创新体系。瞄准农业机械化需求，加快推进农机装备创新。"
        "（工业和信息化部、发展改革委、科技部、农业农村部等负责。列第一位者为牵头单位，下同）\n"
        "（四）推进农机装备全产业链协同发展。支持农机装备产业链上下游企业加强协同。"
        "（工业和信息化部、发展改革委、科技部、农业农村部、商务部等负责）\n"
        "（五）提高农业机械化技术推广能力。深化基层农技推广体系改革。（农业农村部、发展改革委分别牵头）\n"
    )
    assert [(t.path, t.lead) for t in plan.tasks] == [
        ([2, 2], None),
        ([2, 3], ["工业和信息化部"]),
        ([2, 4], ["工业和信息化部"]),
        ([2, 5], ["农业农村部", "发展改革委"]),
    ]
    assert [d.role for d in plan.tasks[0].departments] == [None] * 4
    assert [d.role for d in plan.tasks[2].departments] == ["lead"] + ["support"] * 4


def test_stated_convention_in_the_preamble_covers_every_item() -> None:
    plan = plan_of(
        "重点任务分工方案\n"
        "各项任务中列第一位的为牵头部门，其他有关部门按职责分工负责。\n"
        "一、加快转变政府职能\n"
        "1.推进简政放权。持续深化“证照分离”改革。（市场监管总局、国务院审改办负责）\n"
        "2.优化政务服务。推进“一网通办”。（国务院办公厅、国家发展改革委负责）\n"
    )
    assert [t.lead for t in plan.tasks] == [["市场监管总局"], ["国务院办公厅"]]


def test_no_lead_where_the_text_distinguishes_none() -> None:
    plan = plan_of(
        "关于贯彻落实新形势下加强打击侵犯知识产权和制售假冒伪劣商品工作意见任务分工的通知\n"
        "一、推进跨部门跨区域综合治理\n"
        "(一)强化重点领域集中整治。\n"
        "1.坚持专项整治与日常监管相结合,定期组织开展专项整治。(市农委、市商务委、市公安局按职责分工负责)\n"
        "2.完善以随机抽查为重点的日常监督检查制度。(市工商局、市质监局按职责分工负责)\n"
    )
    assert [t.lead for t in plan.tasks] == [None, None]
    assert [[d.role for d in t.departments] for t in plan.tasks] == [[None] * 3, [None] * 2]


# --- a remark that is no per-item note -------------------------------------------------------------


def test_trailing_remark_of_a_note_names_no_body() -> None:
    # sichuan 2022 item (一): what follows the note's first sentence is a remark
    a = note(
        "责任单位:省发展改革委、省市场监管局、商务厅、省大数据中心按职责分工负责。"
        "具体任务均涉及相关市(州)人民政府,不再做分工,下同。"
    )
    assert [d.name for d in a.departments] == ["省发展改革委", "省市场监管局", "商务厅", "省大数据中心"]


@pytest.mark.parametrize(
    "remark",
    [
        "（各项任务均涉及各市（州）人民政府，不再逐项列出）",
        "以下各项任务，各县（市、区）人民政府均为责任单位，不再一一列出。",
    ],
)
def test_blanket_remark_is_not_a_subsection_note(remark: str) -> None:
    plan = plan_of(
        "四川省“十四五”现代流通体系建设实施方案\n"
        "一、深化现代流通市场化改革\n"
        f"{remark}\n"
        "（一）加强市场体系建设。推进高标准市场体系建设，全面融入全国统一大市场。\n"
        "（二）优化市场准入环境。实施“证照分离”改革全覆盖。〔责任单位:省市场监管局〕\n"
    )
    assert [[d.name for d in t.departments] for t in plan.tasks] == [[], ["省市场监管局"]]


# --- task chapters and titles ------------------------------------------------------------------------


def test_titled_task_chapter_only() -> None:
    plan = plan_of(
        "某区知识产权强区建设工作方案\n"
        "一、指导思想\n"
        "以习近平新时代中国特色社会主义思想为指导。\n"
        "二、主要任务\n"
        "（一）提升知识产权创造质量。培育高价值专利。（责任单位：区市场监管局）\n"
        "（二）加强知识产权运用。推进专利转化运用。（责任单位：区科技局）\n"
        "三、加强知识产权宣传\n"
        "（一）开展知识产权宣传周活动。组织宣传活动。（责任单位：区委宣传部）\n"
        "四、保障措施\n"
        "（一）加强组织领导。成立领导小组。\n"
    )
    assert [(t.path, t.title) for t in plan.tasks] == [
        ([2, 1], "提升知识产权创造质量"),
        ([2, 2], "加强知识产权运用"),
    ]


def test_untitled_chapters_all_but_framing_and_closing() -> None:
    # 国发〔2018〕42号: 一、总体要求 frames, 二 … 七 are task areas, 八、强化组织领导 closes
    plan = plan_of(
        "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见\n"
        "一、总体要求\n"
        "（一）指导思想。以习近平新时代中国特色社会主义思想为指导。\n"
        "（二）基本原则。坚持市场导向，坚持创新驱动。\n"
        "二、加快推动农机装备产业高质量发展\n"
        "（三）完善农机装备创新体系。支持产学研推用深度融合。（工业和信息化部、发展改革委、科技部、农业农村部等负责）\n"
        "三、着力推进主要农作物生产全程机械化\n"
        "（七）加快补齐全程机械化生产短板。加快推进主要农作物生产全程机械化。（农业农村部、发展改革委、财政部等负责）\n"
        "四、强化组织领导\n"
        "（十八）加强组织协调。各地要把推进农业机械化发展摆上重要议事日程。\n"
    )
    assert [(t.path, t.title) for t in plan.tasks] == [
        ([2, 3], "完善农机装备创新体系"),
        ([3, 7], "加快补齐全程机械化生产短板"),
    ]


def test_measures_only_notice_has_tasks_at_level_one() -> None:
    # the items of 2024年知识产权强国建设推进计划 printed as a notice's own 一、二、三、
    plan = plan_of(
        "2024年知识产权强国建设推进计划\n"
        "为深入实施知识产权强国战略，加快建设知识产权强国，制定本计划。\n"
        "一、推进《中华人民共和国商标法》《中华人民共和国商标法实施条例》修改。完成《国家知识产权局行政复议规程》修改。（国家知识产权局负责）\n"
        "二、推进《中华人民共和国著作权法实施条例》《著作权集体管理条例》修改。（中央宣传部负责）\n"
        "三、推进《中华人民共和国反不正当竞争法》修改。制定发布《标准必要专利反垄断指引》。（市场监管总局负责）\n"
    )
    assert rows(plan) == [
        ([1], "推进《中华人民共和国商标法》《中华人民共和国商标法实施条例》修改", ["国家知识产权局"], None),
        ([2], "推进《中华人民共和国著作权法实施条例》《著作权集体管理条例》修改", ["中央宣传部"], None),
        ([3], "推进《中华人民共和国反不正当竞争法》修改", ["市场监管总局"], None),
    ]


def test_goals_chapter_with_numbered_items_is_no_task_list() -> None:
    # lishui 2023: 一、…主要预期目标 numbers its goals and assigns them; only 二's items are tasks
    plan = plan_of(
        "市政府工作报告重点工作责任分解(2023年)\n"
        "一、全市经济社会发展主要预期目标\n"
        "1.生产总值增长6%以上,高质量前提下能快则快。\n"
        "责任单位:市发改委\n"
        "2.规上工业增加值增长8%。\n"
        "责任单位:市经信局\n"
        "二、重点抓好六方面工作\n"
        "(一)全力以赴拼经济稳增长促发展。\n"
        "10.实施招商引资“百千”行动,每年招引亿元以上制造业项目100个,带动未来五年制造业投资1000亿元以上。\n"
        "责任单位:市双招双引办\n"
    )
    assert [t.path for t in plan.tasks] == [[2, 1, 10]]


_CHONGQING_ITEM_1 = (
    "坚持专项整治与日常监管相结合,以关系生命健康、财产安全和环境保护的商品以及知识产权领域的突出问题为重点,"
    "定期组织开展专项整治,严厉打击侵犯知识产权和制售假冒伪劣商品(以下简称打击侵权假冒)违法犯罪行为"
)
_CHONGQING_ITEM_2 = (
    "完善以随机抽查为重点的日常监督检查制度,强化对互联网、农村市场和城乡结合部等侵权假冒高发多发领域和地区的监管,"
    "坚持线上线下治理相结合,深挖违法犯罪活动的组织者、策划者、实施者,清理生产源头,铲除销售网络,"
    "依法取缔无证照生产经营的“黑作坊”“黑窝点”,维护公平竞争的市场秩序"
)


def test_title_runs_to_the_first_full_stop_however_long() -> None:
    # chongqing 2017 items 1 and 2: lead phrases of 97 and 131 characters; the note's
    # "(以下简称打击侵权假冒)" in item 1 is part of the title, not a note
    plan = plan_of(
        "关于贯彻落实新形势下加强打击侵犯知识产权和制售假冒伪劣商品工作意见任务分工的通知\n"
        "一、推进跨部门跨区域综合治理\n"
        "(一)强化重点领域集中整治。\n"
        f"1.{_CHONGQING_ITEM_1}。(市农委、市商务委按职责分工负责)\n"
        f"2.{_CHONGQING_ITEM_2}。(市农委、市商务委按职责分工负责)\n"
    )
    assert [t.title for t in plan.tasks] == [_CHONGQING_ITEM_1, _CHONGQING_ITEM_2]


def test_long_title_among_short_siblings_keeps_its_full_stop() -> None:
    plan = plan_of(
        "关于贯彻落实新形势下加强打击侵犯知识产权和制售假冒伪劣商品工作意见任务分工的通知\n"
        "一、推进跨部门跨区域综合治理\n"
        "(一)强化重点领域集中整治。\n"
        "1.强化重点领域集中整治。(市农委按职责分工负责)\n"
        f"2.{_CHONGQING_ITEM_2}。(市农委、市商务委按职责分工负责)\n"
        "3.加强部门间执法协作。(市公安局按职责分工负责)\n"
    )
    assert [t.title for t in plan.tasks] == ["强化重点领域集中整治", _CHONGQING_ITEM_2, "加强部门间执法协作"]


def test_title_leaves_out_a_note_before_the_first_full_stop() -> None:
    plan = plan_of(
        "2024年知识产权强国建设推进计划\n"
        "一、完善知识产权制度\n"
        "1.推进《中华人民共和国植物新品种保护条例》修改（农业农村部、国家林草局负责）。开展修改论证。\n"
    )
    assert rows(plan) == [
        ([1, 1], "推进《中华人民共和国植物新品种保护条例》修改", ["农业农村部", "国家林草局"], None)
    ]


# --- the real set ------------------------------------------------------------------------------------


def test_agri_mechanization_item_2_3_lead_by_the_stated_convention() -> None:
    task = real_task("gov-agri-mechanization-2018", [2, 3])
    assert task.title == "完善农机装备创新体系"
    assert [(d.name, d.role) for d in task.departments] == [
        ("工业和信息化部", "lead"),
        ("发展改革委", "support"),
        ("科技部", "support"),
        ("农业农村部等", "support"),
    ]
    assert task.lead == ["工业和信息化部"]


def test_agri_mechanization_convention_holds_to_the_last_item() -> None:
    task = real_task("gov-agri-mechanization-2018", [7, 17])
    assert task.title == "注重农机实用型人才培养"
    assert [d.name for d in task.departments] == ["农业农村部", "工业和信息化部等"]
    assert task.lead == ["农业农村部"]
    assert real_task("gov-agri-mechanization-2018", [2, 6]).lead == ["市场监管总局"]


def test_agri_mechanization_framing_and_closing_chapters_hold_no_task() -> None:
    assert {t.path[0] for t in real_plan("gov-agri-mechanization-2018").tasks} == {2, 3, 4, 5, 6, 7}


def test_consumption_poverty_bodies_and_provincial_governments() -> None:
    task = real_task("gov-consumption-poverty-2018", [2, 1])
    assert [d.name for d in task.departments] == [
        "扶贫办",
        "中央统战部",
        "中央和国家机关工委",
        "教育部",
        "卫生健康委",
        "人民银行",
        "国资委",
        "国管局",
        "中央军委政治工作部",
        "全国总工会等",
        "各省级人民政府",
    ]
    assert task.lead is None
    last = real_task("gov-consumption-poverty-2018", [5, 12])
    assert [d.name for d in last.departments] == ["农业农村部", "文化和旅游部等", "各有关省级人民政府"]


def test_sports_item_with_three_notes() -> None:
    task = real_task("gov-sports-competition-2018", [3, 13])
    assert task.title == "改善消费条件"
    assert [d.name for d in task.departments] == [
        "体育总局",
        "教育部",
        "住房城乡建设部",
        "公安部",
        "应急部",
        "银保监会",
        "人民银行",
    ]
    assert task.lead is None


def test_sports_item_with_a_repeated_body() -> None:
    task = real_task("gov-sports-competition-2018", [5, 18])
    names = [d.name for d in task.departments]
    assert names.count("公安部") == 1
    assert names == [
        "公安部",
        "工业和信息化部",
        "交通运输部",
        "水利部",
        "海洋局",
        "空管委办公室",
        "体育总局",
        "发展改革委",
        "市场监管总局",
    ]


def test_lishui_item_10_lead_under_first_listed_convention() -> None:
    # the convention is stated in item 4's note (列第一位为牵头或汇总单位,下同), in the goals chapter
    task = real_task("web-lishui-zhengfu-gongzuo-fenjie", [2, 1, 10])
    assert [(d.name, d.role) for d in task.departments] == [
        ("市双招双引办", "lead"),
        ("市发改委", "support"),
        ("市经信局", "support"),
        ("各县(市、区)政府", "support"),
        ("丽水开发区管委会", "support"),
    ]
    assert task.lead == ["市双招双引办"]
    assert task.note_source is not None and task.note_source.line == task.source.line + 2


def test_lishui_goals_and_cut_item_are_no_tasks() -> None:
    plan = real_plan("web-lishui-zhengfu-gongzuo-fenjie")
    assert [t.path for t in plan.tasks] == [[2, 1, 10]]  # item 11's note is cut at "责任单位:市"
    assert "truncated-item" in [w.code for w in plan.warnings]


def test_sichuan_note_with_a_trailing_remark() -> None:
    task = real_task("web-sichuan-liutong-tixi", [1, 1])
    assert task.title == "加强市场体系建设"
    assert [d.name for d in task.departments] == ["省发展改革委", "省市场监管局", "商务厅", "省大数据中心"]
    assert task.lead is None
    assert [d.name for d in real_task("web-sichuan-liutong-tixi", [1, 2]).departments] == ["省市场监管局"]


def test_chongqing_by_their_duties_has_no_lead() -> None:
    task = real_task("web-chongqing-shuangda-fengong", [1, 1, 1])
    assert len(task.departments) == 14
    assert task.departments[-3:][0].name == "重庆海关"
    assert {d.role for d in task.departments} == {None}
    assert task.lead is None


def test_guojia_one_body_per_item() -> None:
    plan = real_plan("web-guojia-qiangguo-tuijin-2024")
    assert [[d.name for d in t.departments] for t in plan.tasks] == [
        ["国家知识产权局"],
        ["中央宣传部"],
        ["市场监管总局"],
        ["农业农村部", "国家林草局"],
        ["生态环境部"],
        ["海关总署"],
    ]


def test_notice_without_notes_has_tasks_without_departments() -> None:
    plan = real_plan("gov-financing-guarantee-2019")
    assert len(plan.tasks) == 25
    assert all(t.departments == [] and t.lead is None for t in plan.tasks)


def _expected_stems() -> list[str]:
    return sorted(p.stem for p in (REAL / "expected").glob("*.yaml"))


@pytest.mark.parametrize("stem", _expected_stems())
def test_real_tasks_match_the_annotation(stem: str) -> None:
    expected = yaml.safe_load((REAL / "expected" / f"{stem}.yaml").read_text(encoding="utf-8"))
    want = [(t["path"], t["title"], t["departments"], t["lead"]) for t in expected.get("tasks") or []]
    assert rows(real_plan(stem)) == want
