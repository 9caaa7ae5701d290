"""Issue 10, adversarial review: spellings real notices use beyond the corpus.

Each case is written as the genre prints it (the structures of State Council, provincial, city and
county notices, with the real names of the bodies they assign). What the mechanism reads already is
asserted plainly; what it does not read yet is kept as ``xfail(strict=True)`` with the reason, so
that the test turns into a failure (XPASS) the day the mechanism learns it and the marker can go.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import ipplan
from ipplan.extract.departments import (
    Assignment,
    find_notes,
    parse_note,
    split_bodies,
    states_first_listed_leads,
)
from ipplan.schema import Plan

REAL = Path(__file__).resolve().parent / "data" / "real"


def roles(a: Assignment | None) -> list[tuple[str, str | None]]:
    assert a is not None, "no note read"
    return [(d.name, d.role) for d in a.departments]


def plan_of(text: str) -> Plan:
    return ipplan.parse_bytes(text.encode("utf-8"), "notice.txt")


def only_notes(text: str) -> list[list[tuple[str, str | None]]]:
    return [roles(n) for n in find_notes(text)]


# --- spellings the mechanism reads ---------------------------------------------------------------------


def test_lead_then_cooperating() -> None:
    a = parse_note("省知识产权局牵头，省发展改革委、省科技厅配合")
    assert roles(a) == [("省知识产权局", "lead"), ("省发展改革委", "support"), ("省科技厅", "support")]
    assert a is not None and a.lead == ["省知识产权局"]


def test_each_leads_separately() -> None:
    a = parse_note("市发展改革委、市商务局分别牵头")
    assert roles(a) == [("市发展改革委", "lead"), ("市商务局", "lead")]


def test_lead_mark_after_the_first_name_of_a_keyed_list() -> None:
    a = parse_note("责任单位：市知识产权局（牵头），市发展改革委、市科技局")
    assert roles(a) == [("市知识产权局", "lead"), ("市发展改革委", "support"), ("市科技局", "support")]


def test_lead_then_local_governments_carry_it_out() -> None:
    a = parse_note("市知识产权局牵头，市财政局、市科技局等按职责分工负责，各区县（自治县）人民政府落实")
    assert roles(a) == [
        ("市知识产权局", "lead"),
        ("市财政局", "support"),
        ("市科技局等", "support"),
        ("各区县（自治县）人民政府", "support"),
    ]


def test_deadline_clause_in_an_unkeyed_note() -> None:
    a = parse_note("市知识产权局牵头，各区县配合，2023年6月底前完成")
    assert roles(a) == [("市知识产权局", "lead"), ("各区县", "support")]
    assert a is not None and a.deadline == "2023年6月底前完成"


def test_ongoing_work_in_a_note() -> None:
    a = parse_note("市知识产权局负责，长期坚持")
    assert roles(a) == [("市知识产权局", None)]
    assert a is not None and a.deadline == "长期坚持"


@pytest.mark.parametrize(
    "text",
    [
        "开展“铁拳”行动(市市场监管局、市公安局按职责分工负责）",  # half-width opening, full-width closing
        "开展“铁拳”行动（市市场监管局、市公安局按职责分工负责)",
        "开展“铁拳”行动（责任单位:市市场监管局;配合单位：市公安局）",  # colons and semicolons mixed
    ],
)
def test_full_and_half_width_mixed(text: str) -> None:
    (found,) = find_notes(text)
    assert [d.name for d in found.departments] == ["市市场监管局", "市公安局"]


def test_city_level_bodies_of_every_kind() -> None:
    a = parse_note(
        "市委宣传部、团市委、市税务局、国网丽水供电公司、杭州海关、各区县（自治县）人民政府、两江新区管委会、"
        "各有关单位按职责分工负责"
    )
    assert [d.name for d in a.departments] == [  # type: ignore[union-attr]
        "市委宣传部",
        "团市委",
        "市税务局",
        "国网丽水供电公司",
        "杭州海关",
        "各区县（自治县）人民政府",
        "两江新区管委会",
        "各有关单位",
    ]


def test_name_with_its_second_name_in_brackets() -> None:
    # guangdong and many cities print a merged bureau with its second name: 市市场监管局（市知识产权局）
    a = parse_note("市委宣传部（市版权局）、市市场监管局（市知识产权局）按职责分工负责")
    assert [d.name for d in a.departments] == ["市委宣传部（市版权局）", "市市场监管局（市知识产权局）"]  # type: ignore[union-attr]


def test_branch_offices_of_national_bodies() -> None:
    a = parse_note("中国人民银行成都分行、四川银保监局、四川证监局按职责分工负责")
    assert [d.name for d in a.departments] == ["中国人民银行成都分行", "四川银保监局", "四川证监局"]  # type: ignore[union-attr]


def test_note_after_a_sentence_in_the_middle_of_an_item() -> None:
    plan = plan_of(
        "某市知识产权强市建设工作方案\n"
        "一、重点任务\n"
        "1.加大知识产权执法力度。开展“铁拳”行动（市市场监管局负责，2023年底前完成）。"
        "加强海关知识产权保护（杭州海关负责）。\n"
        "2.提升知识产权公共服务水平。建设知识产权公共服务网点（市知识产权局牵头，"
        "各区县（自治县）人民政府、两江新区管委会配合，持续推进）。\n"
    )
    first, second = plan.tasks
    assert [d.name for d in first.departments] == ["市市场监管局", "杭州海关"]
    assert first.deadline is not None and (first.deadline.year, first.deadline.month) == (2023, 12)
    assert [(d.name, d.role) for d in second.departments] == [
        ("市知识产权局", "lead"),
        ("各区县（自治县）人民政府", "support"),
        ("两江新区管委会", "support"),
    ]
    assert second.deadline is not None and second.deadline.kind == "ongoing"


def test_lead_and_cooperating_keys_on_lines_of_their_own() -> None:
    plan = plan_of(
        "某市知识产权强市建设工作方案\n"
        "一、重点任务\n"
        "（一）强化知识产权保护\n"
        "1.加大知识产权执法力度。严厉打击侵犯知识产权违法行为。\n"
        "牵头单位：市市场监管局\n"
        "配合单位：市公安局、市检察院\n"
        "2.健全知识产权纠纷多元化解机制。推进知识产权纠纷人民调解。\n"
        "牵头单位：市司法局\n"
        "配合单位：市法院\n"
    )
    assert [([(d.name, d.role) for d in t.departments], t.lead) for t in plan.tasks] == [
        ([("市市场监管局", "lead"), ("市公安局", "support"), ("市检察院", "support")], ["市市场监管局"]),
        ([("市司法局", "lead"), ("市法院", "support")], ["市司法局"]),
    ]


def test_note_hard_wrapped_inside_a_name() -> None:
    plan = plan_of(
        "某市知识产权强市建设工作方案\n"
        "一、重点任务\n"
        "1.加大知识产权执法力度。严厉打击侵犯知识产权违法行为。（责任单位：市市场监管局、市\n"
        "公安局、市检察院）\n"
        "2.健全知识产权纠纷多元化解机制。推进知识产权纠纷人民调解。（责任单位：市司法局）\n"
    )
    assert [[d.name for d in t.departments] for t in plan.tasks] == [
        ["市市场监管局", "市公安局", "市检察院"],
        ["市司法局"],
    ]


# --- spellings the mechanism does not read yet ------------------------------------------------------------


def test_key_in_square_brackets_without_colon() -> None:
    assert only_notes("严厉打击侵犯知识产权违法行为。【责任单位】市市场监管局、市公安局") == [
        [("市市场监管局", None), ("市公安局", None)]
    ]


def test_lead_and_cooperating_keys_in_square_brackets() -> None:
    plan = plan_of(
        "某市知识产权强市建设工作方案\n"
        "一、重点任务\n"
        "1.健全知识产权纠纷多元化解机制。推进知识产权纠纷人民调解。【牵头单位】市司法局【配合单位】市市场监管局、市法院\n"
    )
    (task,) = plan.tasks
    assert [(d.name, d.role) for d in task.departments] == [
        ("市司法局", "lead"),
        ("市市场监管局", "support"),
        ("市法院", "support"),
    ]


def test_key_with_ratio_colon() -> None:
    assert roles(parse_note("责任单位∶市科技局、市财政局")) == [("市科技局", None), ("市财政局", None)]


def test_lead_mark_in_an_unkeyed_note() -> None:
    a = parse_note("市知识产权局、市市场监管局（牵头）、市科技局负责")
    assert roles(a) == [("市知识产权局", "support"), ("市市场监管局", "lead"), ("市科技局", "support")]
    assert a is not None and a.lead == ["市市场监管局"]


@pytest.mark.parametrize(
    "text",
    [
        "国家知识产权局、中国科协、全国工商联按职责分工负责",
        "省知识产权局牵头，省委宣传部、省科协、省法院、省检察院配合",
        "市司法局、市律协按职责分工负责",
    ],
)
def test_xiehui_short_names_in_an_unkeyed_note(text: str) -> None:
    a = parse_note(text)
    assert a is not None
    assert any(d.name.endswith("协") for d in a.departments)


def test_he_before_a_xiehui() -> None:
    assert split_bodies("国家知识产权局和中国科协") == ["国家知识产权局", "中国科协"]


def test_body_and_its_branches_kept_whole() -> None:
    assert split_bodies("人民银行、银保监会及其派出机构") == ["人民银行", "银保监会及其派出机构"]


def test_responsible_leader_key_is_not_a_department() -> None:
    a = parse_note("责任领导：市政府分管副市长；牵头单位：市发改委；配合单位：市财政局")
    assert roles(a) == [("市发改委", "lead"), ("市财政局", "support")]


def test_responsible_leader_after_the_departments() -> None:
    a = parse_note("责任单位：市知识产权局；责任领导：市政府分管副市长")
    assert roles(a) == [("市知识产权局", None)]


def test_county_bureau_divisions_key() -> None:
    assert roles(parse_note("责任股室：法规股、办公室")) == [("法规股", None), ("办公室", None)]


def test_keyed_list_closed_by_duties_remark() -> None:
    a = parse_note("责任单位：市知识产权局、市财政局（按职责分工负责）")
    assert roles(a) == [("市知识产权局", None), ("市财政局", None)]


def test_unbracketed_assignment_sentence() -> None:
    assert only_notes("开展专项行动。此项工作由市市场监管局牵头，市公安局配合。") == [
        [("市市场监管局", "lead"), ("市公安局", "support")]
    ]


def test_huitong_names_both_without_a_lead() -> None:
    # 会同 is none of the ways the annotation rules let a text name its lead (a 牵头 mark, 牵头 vs
    # 配合 keys, 责任部门：A，B、C, a stated convention): both bodies, lead null
    a = parse_note("工业和信息化部会同发展改革委负责")
    assert roles(a) == [("工业和信息化部", None), ("发展改革委", None)]
    assert a is not None and a.lead is None


def test_lead_responsible_unit_key() -> None:
    a = parse_note("牵头责任单位：市知识产权局；配合责任单位：市财政局、市科技局")
    assert roles(a) == [("市知识产权局", "lead"), ("市财政局", "support"), ("市科技局", "support")]


def test_tiered_keys() -> None:
    a = parse_note("市级牵头单位：市知识产权局；县级责任单位：各县（市、区）人民政府")
    assert roles(a) == [("市知识产权局", "lead"), ("各县（市、区）人民政府", "support")]


# --- conventions ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "列在第一位的为牵头单位",
        "排在第一位的单位为牵头单位",
        "文中所列部门，排在首位的为牵头部门",
        "有多个责任单位的，第一个单位为牵头单位",
        "排名第一的为牵头单位",
        "排序第一的为牵头单位",
        "有多个责任单位的，第一个为牵头单位",
        "以下各项任务均由列第一位的部门牵头",
    ],
)
def test_other_wordings_of_first_listed_leads(text: str) -> None:
    assert states_first_listed_leads(text)


def test_convention_stated_after_the_items() -> None:
    plan = plan_of(
        "重点任务分工方案\n"
        "一、加快转变政府职能\n"
        "1.推进简政放权。持续深化“证照分离”改革。（市场监管总局、国务院审改办负责）\n"
        "2.优化政务服务。推进“一网通办”。（国务院办公厅、国家发展改革委负责）\n"
        "二、强化组织实施\n"
        "各部门要抓好落实。\n"
        "注：各项任务中列第一位的为牵头部门。\n"
    )
    assert [t.lead for t in plan.tasks] == [["市场监管总局"], ["国务院办公厅"]]


# --- notes printed apart from the item -------------------------------------------------------------------


def test_lead_line_then_responsible_line() -> None:
    plan = plan_of(
        "某市知识产权强市建设工作方案\n"
        "一、重点任务\n"
        "1.加大知识产权执法力度。严厉打击侵犯知识产权违法行为。\n"
        "牵头单位：市市场监管局\n"
        "责任单位：各区县（自治县）人民政府\n"
    )
    (task,) = plan.tasks
    assert [(d.name, d.role) for d in task.departments] == [
        ("市市场监管局", "lead"),
        ("各区县（自治县）人民政府", "support"),
    ]


def test_deadline_line_after_the_note_lines() -> None:
    plan = plan_of(
        "某市知识产权强市建设工作方案\n"
        "一、重点任务\n"
        "1.加大知识产权执法力度。严厉打击侵犯知识产权违法行为。\n"
        "牵头单位：市市场监管局\n"
        "配合单位：市公安局、市检察院\n"
        "完成时限：2023年12月底前\n"
    )
    (task,) = plan.tasks
    assert task.deadline is not None
    assert (task.deadline.raw, task.deadline.year, task.deadline.month) == ("2023年12月底前", 2023, 12)


def test_bracketed_blanket_remark_is_no_note() -> None:
    plan = plan_of(
        "某省现代流通体系建设实施方案\n"
        "一、主要任务\n"
        "（以下各项任务均需各区县（自治县）人民政府落实）\n"
        "（一）加强市场体系建设。推进高标准市场体系建设，全面融入全国统一大市场。\n"
        "（二）优化市场准入环境。实施“证照分离”改革全覆盖。〔责任单位：省市场监管局〕\n"
    )
    assert [[d.name for d in t.departments] for t in plan.tasks] == [[], ["省市场监管局"]]


# --- task chapters -----------------------------------------------------------------------------------------


def test_measures_notice_between_framing_and_closing_items() -> None:
    # a short 国办 notice: 一、 frames (重要意义), 四、 closes (加强组织领导), 二、三、 are the measures
    plan = plan_of(
        "国务院办公厅关于进一步做好某某工作的通知\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "为进一步做好知识产权保护工作，经国务院同意，现就有关事项通知如下：\n"
        "一、充分认识做好知识产权保护工作的重要意义。知识产权保护是激励创新的基本手段。\n"
        "二、加大侵权假冒行为惩戒力度。研究建立侵权惩罚性赔偿制度。（国家知识产权局、市场监管总局按职责分工负责）\n"
        "三、严格规范证据标准。深入推进知识产权民事、刑事、行政案件“三合一”审判机制改革。"
        "（最高人民法院、最高人民检察院、公安部负责）\n"
        "四、加强组织领导。各地区、各部门要高度重视，切实抓好落实。\n"
    )
    assert [(t.path, t.title, [d.name for d in t.departments]) for t in plan.tasks] == [
        ([2], "加大侵权假冒行为惩戒力度", ["国家知识产权局", "市场监管总局"]),
        ([3], "严格规范证据标准", ["最高人民法院", "最高人民检察院", "公安部"]),
    ]


def test_closing_chapter_titled_implement_it() -> None:
    plan = plan_of(
        "国务院办公厅关于某某工作的意见\n"
        "一、总体要求\n"
        "（一）指导思想。以习近平新时代中国特色社会主义思想为指导。\n"
        "二、加快推动农机装备产业高质量发展\n"
        "（二）完善农机装备创新体系。支持产学研推用深度融合。（工业和信息化部、发展改革委等负责）\n"
        "三、抓好贯彻落实\n"
        "（三）加强组织领导。各地区、各有关部门要把此项工作摆上重要议事日程。\n"
        "（四）强化督促检查。国务院办公厅将适时开展督查。\n"
    )
    assert [t.path for t in plan.tasks] == [[2, 2]]


def test_goals_chapter_titled_goals_and_tasks() -> None:
    plan = plan_of(
        "某县知识产权强县建设工作方案\n"
        "一、指导思想\n"
        "以习近平新时代中国特色社会主义思想为指导。\n"
        "二、目标任务\n"
        "（一）总体目标。到2025年，知识产权强县建设取得明显成效。\n"
        "（二）具体目标。到2025年，每万人口高价值发明专利拥有量达到3件。\n"
        "三、提升知识产权创造质量\n"
        "（一）培育高价值专利。实施高价值专利培育工程。（责任单位：县市场监管局）\n"
        "四、保障措施\n"
        "（一）加强组织领导。成立领导小组。\n"
    )
    assert [t.path for t in plan.tasks] == [[3, 1]]


def test_development_environment_chapter_frames_the_plan() -> None:
    plan = plan_of(
        "某市知识产权保护和运用规划\n"
        "一、发展环境\n"
        "（一）发展基础。“十三五”时期，全市知识产权工作取得显著成效。\n"
        "（二）面临形势。当前，知识产权国际竞争日趋激烈。\n"
        "二、提升知识产权创造质量\n"
        "（一）培育高价值专利。实施高价值专利培育工程。（责任单位：市市场监管局）\n"
        "三、保障措施\n"
        "（一）加强组织领导。成立领导小组。\n"
    )
    assert [t.path for t in plan.tasks] == [[2, 1]]


# --- where a task comes from -----------------------------------------------------------------------------


def test_html_notice_items_have_distinct_sources() -> None:
    plan = ipplan.parse(REAL / "notices" / "gov-sports-competition-2018.html")
    sources = {t.source.model_dump_json() for t in plan.tasks if t.source is not None}
    assert len(sources) == len(plan.tasks)


def test_items_numbered_under_an_item_are_the_tasks() -> None:
    # 国家知识产权局-style 行动方案: 3. has （1）（2） under it, each with its own note
    plan = plan_of(
        "知识产权助力产业创新发展行动方案\n"
        "一、重点任务\n"
        "（一）强化产业创新的知识产权支撑\n"
        "1.推动产业关键核心技术知识产权创造。支持企业开展专利布局。（国家知识产权局负责）\n"
        "2.推进专利导航服务。深入实施专利导航工程。\n"
        "（1）建设专利导航服务基地。布局建设一批国家级专利导航服务基地。（国家知识产权局负责）\n"
        "（2）开展产业规划类专利导航。围绕重点产业链开展专利导航。（国家知识产权局、工业和信息化部按职责分工负责）\n"
        "二、保障措施\n"
        "各地要加强组织领导。\n"
    )
    assert [(t.path, t.title) for t in plan.tasks] == [
        ([1, 1, 1], "推动产业关键核心技术知识产权创造"),
        ([1, 1, 2, 1], "建设专利导航服务基地"),
        ([1, 1, 2, 2], "开展产业规划类专利导航"),
    ]


def test_convention_in_a_clause_of_the_first_note() -> None:
    # 国务院办公厅 style: the convention after a comma inside the first note, not after a 。
    plan = plan_of(
        "国家残疾预防行动计划（2021—2025年）\n"
        "一、主要行动\n"
        "（一）残疾预防知识普及行动。\n"
        "1.加强重点人群残疾预防知识普及。开展针对性宣传教育。（中国残联、国家卫生健康委、教育部、民政部按职责分工负责，"
        "列第一位者为牵头单位，下同）\n"
        "2.加强残疾预防知识普及能力建设。组建科普专家队伍。（国家卫生健康委、中国残联按职责分工负责）\n"
    )
    assert [(t.lead, [d.name for d in t.departments]) for t in plan.tasks] == [
        (["中国残联"], ["中国残联", "国家卫生健康委", "教育部", "民政部"]),
        (["国家卫生健康委"], ["国家卫生健康委", "中国残联"]),
    ]


def test_a_page_cut_at_the_next_key_of_a_note_drops_its_item() -> None:
    plan = plan_of(
        "河南省知识产权强省建设任务分工方案\n"
        "一、强化知识产权保护\n"
        "(一)加强行政执法保护。\n"
        "5.开展知识产权护航专项行动,严厉打击商标侵权、假冒专利等违法行为。\n"
        "牵头单位:省市场监管局(省知识产权局) 配合单位:省公安厅、郑州海关\n"
        "6.加强版权执法监管,开展剑网专项行动。\n"
        "牵头单位:省委宣传部(省版权局) 配合\n"
    )
    assert [t.path for t in plan.tasks] == [[1, 1, 5]]
    assert plan.tasks[0].lead == ["省市场监管局(省知识产权局)"]
    assert any(w.code == "truncated-item" for w in plan.warnings)


def test_a_ministrys_departments_end_in_si() -> None:
    # 农业农村部 notices name its 司局: （产业发展司牵头，计划财务司、市场与信息化司配合）
    a = parse_note("产业发展司牵头，计划财务司、市场与信息化司配合")
    assert roles(a) == [("产业发展司", "lead"), ("计划财务司", "support"), ("市场与信息化司", "support")]


def test_one_name_the_suffixes_do_not_know_loses_no_note() -> None:
    a = parse_note("种植业管理司、畜牧兽医局、渔业渔政管理局、国家现代农业示范区负责")
    assert a is not None and [d.name for d in a.departments][:2] == ["种植业管理司", "畜牧兽医局"]
    assert parse_note("以下简称打击侵权假冒") is None


def test_a_convention_after_a_semicolon_names_no_body() -> None:
    a = parse_note("责任单位：市政务办、市发改委、市市场监管局；列第一位的为牵头单位，下同")
    assert a is not None and [d.name for d in a.departments] == ["市政务办", "市发改委", "市市场监管局"]
    b = parse_note("责任单位：市政务办、市发改委；各项任务均需各市州人民政府落实，不再列出")
    assert b is not None and [d.name for d in b.departments] == ["市政务办", "市发改委"]


def test_a_convention_in_brackets_after_the_last_name_of_a_note_line() -> None:
    plan = plan_of(
        "昆山市知识产权示范城市建设2015年推进计划\n"
        "一、重点工作\n"
        "（一）推进知识产权创造\n"
        "1.实施企业知识产权战略推进计划。新立项企业知识产权战略推进计划项目10项。\n"
        "责任单位：市知识产权局、市经信委、市科技局（排名第一的为牵头单位，下同）\n"
        "2.推进企业知识产权管理规范贯标。新增贯标企业50家。\n"
        "责任单位：市知识产权局、市经信委\n"
    )
    assert [(t.lead, [d.name for d in t.departments]) for t in plan.tasks] == [
        (["市知识产权局"], ["市知识产权局", "市经信委", "市科技局"]),
        (["市知识产权局"], ["市知识产权局", "市经信委"]),
    ]


def test_the_numbered_list_of_a_box_after_an_item_is_no_task() -> None:
    # 专栏 boxes of 十四五 plans list their projects 1. 2. 3. under an item
    plan = plan_of(
        "“十四五”数字经济发展规划\n"
        "一、主要任务\n"
        "（一）优化升级数字基础设施\n"
        "1.加快建设信息网络基础设施。建设高速泛在的网络。\n"
        "2.推进云网协同和算网融合发展。加快构建算力体系。\n"
        "专栏1 信息网络基础设施优化升级工程\n"
        "1.推进光纤网络扩容提速。加快千兆光纤网络部署。\n"
        "2.加快5G网络规模化部署。\n"
        "（二）充分发挥数据要素作用\n"
        "3.强化高质量数据要素供给。支持市场主体依法合规开展数据采集。\n"
    )
    assert [(t.path, t.title) for t in plan.tasks] == [
        ([1, 1, 1], "加快建设信息网络基础设施"),
        ([1, 1, 2], "推进云网协同和算网融合发展"),
        ([1, 2, 3], "强化高质量数据要素供给"),
    ]
    assert "光纤" not in plan.tasks[1].text
