"""Plans whose text export lost whole levels of automatic numbering (一、 and （一） gone, 1. kept;
or nothing numbered at all): the bare heading lines are the outline, as the genre sets it."""

from __future__ import annotations

import ipplan


def parse_text(text: str):
    return ipplan.parse_bytes(text.encode("utf-8"), "plan.txt", fmt="txt")


TWO_LEVELS_LOST = """\
某区知识产权强区建设试点工作方案

为高标准推进知识产权强区建设试点，结合我区实际，制定本方案。

指导思想

坚持以习近平新时代中国特色社会主义思想为指导，全面提升知识产权创造、运用、保护、管理和服务水平。

工作目标

到2025年，全区知识产权综合实力显著增强。

1.创造质量持续提升。全区有效发明专利拥有量达到8000件。

2.保护水平明显提高。知识产权保护社会满意度达到85分以上。

重点任务

加强知识产权创造

牵头单位：区市场监管局；配合单位：区科技局、区经信局

1.实施高价值专利培育计划。支持企业与高校院所合作开展高价值专利培育。

2.加强商标品牌建设。培育一批具有竞争力的商标品牌。

促进知识产权运用

1.推动知识产权转移转化。开展专利开放许可活动。

2.创新知识产权金融服务。推广知识产权质押融资。

牵头单位：区科技局；配合单位：区金融办、区财政局

强化知识产权保护

1.加强行政保护。开展执法专项行动。（区市场监管局、区公安分局按职责分工负责）

保障措施

加强组织领导。成立工作领导小组，统筹推进试点建设。

加大资金投入。统筹安排专项资金。
"""


def test_two_lost_levels_over_items_that_restart_at_one() -> None:
    plan = parse_text(TWO_LEVELS_LOST)
    assert [(s.number, s.title, s.inferred) for s in plan.sections] == [
        (1, "指导思想", True),
        (2, "工作目标", True),
        (3, "重点任务", True),
        (4, "保障措施", True),  # titled as a chapter: not a fourth task subsection
    ]
    tasks = {tuple(t.path): t for t in plan.tasks}
    assert list(tasks) == [(3, 1, 1), (3, 1, 2), (3, 2, 1), (3, 2, 2), (3, 3, 1)]
    # a subsection's note line, above its items or below them, is not glued to the next heading
    assert [(d.name, d.role) for d in tasks[3, 1, 2].departments] == [
        ("区市场监管局", "lead"),
        ("区科技局", "support"),
        ("区经信局", "support"),
    ]
    assert [d.name for d in tasks[3, 2, 1].departments] == ["区科技局", "区金融办", "区财政局"]
    assert [d.name for d in tasks[3, 3, 1].departments] == ["区市场监管局", "区公安分局"]
    assert any(w.code == "numbering-inferred" for w in plan.warnings)


def test_the_same_plan_with_its_labels_printed_reads_the_same() -> None:
    labelled = (
        TWO_LEVELS_LOST.replace("\n指导思想", "\n一、指导思想")
        .replace("\n工作目标", "\n二、工作目标")
        .replace("\n重点任务", "\n三、重点任务")
        .replace("\n加强知识产权创造", "\n（一）加强知识产权创造")
        .replace("\n促进知识产权运用", "\n（二）促进知识产权运用")
        .replace("\n强化知识产权保护", "\n（三）强化知识产权保护")
        .replace("\n保障措施", "\n四、保障措施")
    )
    lost, printed = parse_text(TWO_LEVELS_LOST), parse_text(labelled)
    assert [s.title for s in lost.sections] == [s.title for s in printed.sections]
    assert [(t.path, t.title, t.departments) for t in lost.tasks] == [
        (t.path, t.title, t.departments) for t in printed.tasks
    ]


RUN_ON_LOST = """\
某市2024年知识产权强市建设推进计划

为加快建设知识产权强市，制定本计划。

总体要求

坚持以习近平新时代中国特色社会主义思想为指导，全面提升知识产权治理能力。

重点任务

（各项任务中，列第一位的单位为牵头单位，其他单位按职责分工负责）

推动知识产权高质量创造

1.实施高价值专利培育行动。新建高价值专利培育中心5家。（市市场监管局、市科技局）

2.推进商标品牌建设。开展品牌培育。（市市场监管局、市商务局）

推动知识产权高效益运用

3.深化专利转化运用。推动高校院所存量专利盘活。（市科技局、市教育局）

推动知识产权高水平保护

4.加强行政执法。开展专项行动。（市市场监管局、市公安局）

5.强化司法保护。完善技术调查官制度。（市中级法院、市检察院）

保障措施

加强统筹协调

领导小组办公室加强统筹协调，定期调度工作进展。

强化督促落实

各责任单位要细化工作措施，确保各项任务按期完成。
"""


def test_items_numbered_straight_through_under_lost_headings() -> None:
    plan = parse_text(RUN_ON_LOST)
    assert [s.title for s in plan.sections] == ["总体要求", "重点任务", "保障措施"]
    tasks = [(t.path, t.title) for t in plan.tasks]
    assert tasks == [
        ([2, 1, 1], "实施高价值专利培育行动"),
        ([2, 1, 2], "推进商标品牌建设"),
        ([2, 2, 3], "深化专利转化运用"),
        ([2, 3, 4], "加强行政执法"),
        ([2, 3, 5], "强化司法保护"),
    ]


def test_a_bare_list_of_bodies_closing_an_item_under_a_stated_convention() -> None:
    # （市市场监管局、市科技局） ends the item; the remark above the items assigns nothing itself
    plan = parse_text(RUN_ON_LOST)
    assert [(d.name, d.role) for d in plan.tasks[0].departments] == [
        ("市市场监管局", "lead"),
        ("市科技局", "support"),
    ]
    assert plan.tasks[4].lead == ["市中级法院"]


def test_a_bracketed_list_inside_a_sentence_is_no_note() -> None:
    text = RUN_ON_LOST.replace(
        "开展专项行动。（市市场监管局、市公安局）",
        "联合执法部门（市市场监管局、市公安局）开展专项行动。",
    )
    [task] = [t for t in parse_text(text).tasks if t.title == "加强行政执法"]
    assert task.departments == []


NOTHING_NUMBERED = """\
某园区2024年知识产权强国建设试点园区工作方案

为扎实推进国家级知识产权强国建设试点园区建设，制定本方案。

健全知识产权工作机制

完善园区知识产权工作领导小组运行机制，建立季度调度制度。（责任部门：园区经发局）

加快高价值专利培育

聚焦主导产业，支持企业与高校院所共建高价值专利培育中心。（责任部门：园区科技局、园区经发局）

强化知识产权保护

配合开展知识产权执法专项行动，设立知识产权维权援助工作站。（责任部门：园区综合执法队）
"""


def test_a_plan_that_lost_every_label_has_its_headings_as_measures() -> None:
    plan = parse_text(NOTHING_NUMBERED)
    assert [s.title for s in plan.sections] == [
        "健全知识产权工作机制",
        "加快高价值专利培育",
        "强化知识产权保护",
    ]
    assert [(t.path, [d.name for d in t.departments]) for t in plan.tasks] == [
        ([1], ["园区经发局"]),
        ([2], ["园区科技局", "园区经发局"]),
        ([3], ["园区综合执法队"]),
    ]


def test_two_headings_over_prose_are_no_outline() -> None:
    text = "\n\n".join(NOTHING_NUMBERED.split("\n\n")[:6])  # the title, an opening, two headings
    plan = parse_text(text)
    assert plan.sections == [] and plan.tasks == []


def test_a_restart_without_a_heading_before_it_leaves_the_numbering_as_printed() -> None:
    # the second list restarts at 1 under prose: no lost heading, no levels invented
    text = (
        "某县知识产权工作要点\n\n一是加强创造。\n\n1.培育高价值专利。支持企业布局。\n\n"
        "2.推进商标品牌建设。培育区域品牌。\n\n二是加强保护，具体如下。\n\n"
        "1.加大执法力度。开展专项行动。\n\n2.完善纠纷调解。建立调解组织。\n"
    )
    plan = parse_text(text)
    assert [s.title for s in plan.sections] == [
        "培育高价值专利",
        "推进商标品牌建设",
        "加大执法力度",
        "完善纠纷调解",
    ]
    assert not any(w.code == "numbering-inferred" for w in plan.warnings)


def test_lost_subsection_headings_closed_with_a_full_stop() -> None:
    # （一）加强知识产权创造。 written as a sentence of its own, its label lost
    text = (
        TWO_LEVELS_LOST.replace("\n加强知识产权创造\n", "\n加强知识产权创造。\n")
        .replace("\n促进知识产权运用\n", "\n促进知识产权运用。\n")
        .replace("\n强化知识产权保护\n", "\n强化知识产权保护。\n")
        .replace(
            "区金融办、区财政局\n\n", "区金融办、区财政局\n"
        )  # the note line right above the next heading
    )
    plan = parse_text(text)
    assert [s.title for s in plan.sections] == ["指导思想", "工作目标", "重点任务", "保障措施"]
    tasks = {tuple(t.path): t for t in plan.tasks}
    assert list(tasks) == [(3, 1, 1), (3, 1, 2), (3, 2, 1), (3, 2, 2), (3, 3, 1)]
    assert [d.name for d in tasks[3, 2, 2].departments] == ["区科技局", "区金融办", "区财政局"]


def test_a_bracket_right_after_a_name_qualifies_it_and_is_no_note() -> None:
    text = (
        "某县工作方案\n一、主要任务\n（一）加强保护\n1.开展执法。将情况报送省农委（科教处）。\n"
        "2.加强宣传。开展宣传活动。（县市场监管局、县委宣传部）\n"
    )
    tasks = [(t.path, [d.name for d in t.departments]) for t in parse_text(text).tasks]
    assert tasks == [([1, 1, 1], []), ([1, 1, 2], ["县市场监管局", "县委宣传部"])]
