"""Shapes met in real web pages of the genre (a probe of ~2000-byte openings of government pages):
agents named in an item's own sentence, lines broken inside a quote, a chapter run into the
paragraph before it, notices whose chapters are their measures, an opening cut inside a quote."""

from __future__ import annotations

import ipplan


def parse_text(text: str):
    return ipplan.parse_bytes(text.encode("utf-8"), "page.txt", fmt="txt")


# the 国办 分工 style: 由A会同B、C等部门 + the work, after the item's question
FENGONG = """\
国务院办公厅关于落实中共中央国务院关于全面深化农村改革加快推进农业现代化若干意见有关政策措施分工的通知

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：

现就有关政策措施分工通知如下：

一、关于完善国家粮食安全保障体系

（一）关于“完善粮食等重要农产品价格形成机制”的问题，由发展改革委会同中央农办、农业部、财政部、粮食局等部门研究提出落实意见。

（二）关于“加强农产品市场调控”的问题，由国土资源部会同农业部研究提出政策措施。

（三）关于“建立耕地保护补偿机制”的问题，由财政部牵头，发展改革委、农业部等部门参与。
"""


def test_agents_named_in_an_items_own_sentence() -> None:
    tasks = {tuple(t.path): t for t in parse_text(FENGONG).tasks}
    assert [d.name for d in tasks[1, 1].departments] == [
        "发展改革委",
        "中央农办",
        "农业部",
        "财政部",
        "粮食局等部门",
    ]
    assert tasks[1, 1].lead is None  # 会同 names who works with whom, not a lead
    assert [d.name for d in tasks[1, 2].departments] == ["国土资源部", "农业部"]
    assert tasks[1, 3].lead == ["财政部"]


def test_a_procedure_given_to_a_body_is_no_assignment() -> None:
    text = FENGONG.replace("由国土资源部会同农业部研究提出政策措施。", "由市科技局组织评审，择优给予支持。")
    tasks = {tuple(t.path): t for t in parse_text(text).tasks}
    assert tasks[1, 2].departments == []


def test_a_numbered_line_broken_inside_a_quote_runs_on() -> None:
    text = (
        "延安市科技局关于印发2018年重点工作任务分解的通知\n\n"
        "1.加快科技资源统筹中心、孵化基地、创新空间建设,打造“延安红色筑\n"
        "梦”创业创新品牌,努力建设创新型城市。\n"
        "责任领导:李某\n"
        "2.推动高新区晋升国家级高新技术产业开发区。\n"
    )
    tasks = [t.title for t in parse_text(text).tasks]
    assert (
        tasks[0]
        == "加快科技资源统筹中心、孵化基地、创新空间建设,打造“延安红色筑梦”创业创新品牌,努力建设创新型城市"
    )


def test_an_opening_cut_after_an_inner_quote_drops_its_last_item() -> None:
    text = FENGONG + "\n（四）关于“加大力度落实‘米袋子’"
    paths = [t.path for t in parse_text(text).tasks]
    assert paths == [[1, 1], [1, 2], [1, 3]]


def test_a_chapter_run_into_the_paragraph_before_it() -> None:
    text = (
        "临海市科技创新“十四五”规划\n\n"
        "为加强我市“十四五”时期科技发展工作，制定本规划，规划期为2021—2025年。 一、现实基础“十三五”期间，"
        "全市深入实施创新驱动发展战略，研发投入持续增长，创新主体不断壮大，创新平台加快建设，"
        "科技创新工作取得明显成效。\n"
    )
    assert [(s.number, s.title) for s in parse_text(text).sections] == [(1, "现实基础")]


def test_a_notice_whose_chapters_are_its_measures_titles_them_as_its_tasks() -> None:
    text = (
        "贵州省农业委员会办公室关于进一步做好打击侵犯知识产权工作的通知\n\n"
        "各市（州）农委：\n\n"
        "一、继续按照省农委《关于印发〈贵州省农业系统专项行动实施方案〉的通知》要求，深入开展专项整治行动，"
        "严厉打击制售假冒伪劣农资行为。\n\n"
        "二、做好信息报送工作。各地要及时报送工作进展。\n"
    )
    plan = parse_text(text)
    titles = [s.title for s in plan.sections]
    assert titles == [t.title for t in plan.tasks]
    assert titles[0].startswith("继续按照省农委") and titles[1] == "做好信息报送工作"


def test_a_page_that_prints_the_number_before_the_title_in_brackets() -> None:
    text = (
        "京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
        "各区人民政府，市政府各委、办、局，各市属机构：\n"
        "现将《北京市2016年政务公开工作要点》印发给你们，请认真贯彻落实。\n"
        "北京市人民政府办公厅\n2016年4月11日\n"
        "北京市2016年政务公开工作要点\n一、推进决策公开\n"
    )
    meta = parse_text(text).meta
    assert meta.doc_number == "京政办发〔2016〕26号"
    assert meta.title == "北京市2016年政务公开工作要点"


def test_a_title_printed_whole_in_brackets_loses_them() -> None:
    text = (
        "《武汉市知识产权战略纲要（2011-2020年）任务分工》\n"
        "一、关于战略目标\n（一）到2020年，全市专利申请量达到3万件。\n"
    )
    assert parse_text(text).meta.title == "武汉市知识产权战略纲要（2011-2020年）任务分工"


def test_a_document_cited_as_issued_before_is_not_the_title() -> None:
    text = (
        "首页 > 通知公告\n关于做好软件正版化信息报送工作的函\n2011-05-19    浏览次数: 次\n\n"
        "新出明电【2011】8号\n\n各省、自治区、直辖市人民政府办公厅:\n"
        "《国务院办公厅关于进一步做好政府机关使用正版软件工作的通知》(国办发〔2010〕47号)印发以来,"
        "各省(区、市)人民政府高度重视,各项工作正在有序开展。\n"
    )
    meta = parse_text(text).meta
    assert (meta.title, meta.doc_number) == ("关于做好软件正版化信息报送工作的函", "新出明电〔2011〕8号")


def test_a_framing_noun_qualified_by_an_action_frames_the_plan() -> None:
    text = (
        "山东省人民政府关于深化预算管理制度改革的实施意见\n\n"
        "一、深化预算管理制度改革的总体要求\n（一）指导思想。以党的十八大精神为指导。\n（二）目标任务。建立现代财政制度。\n"
        "二、改进预算管理和控制\n（一）完善政府预算体系。加大统筹力度。（省财政厅负责）\n"
    )
    plan = parse_text(text)
    assert [t.path for t in plan.tasks] == [[2, 1]]


def test_chapters_that_ask_for_a_breakdown_to_be_carried_out_hold_no_tasks() -> None:
    text = (
        "某县人民政府关于印发2023年政府工作报告重点工作任务分解的通知\n\n各乡镇人民政府，县直各部门：\n\n"
        "现将政府工作报告确定的重点工作任务分解如下，请认真抓好落实。\n\n"
        "一、统一思想抓落实。各单位要充分认识做好重点工作的重要性。\n\n"
        "二、明确责任抓落实。各牵头单位主要负责同志是第一责任人。\n\n"
        "三、细化任务抓落实。各单位要制定具体实施方案。\n"
    )
    assert parse_text(text).tasks == []


def test_an_annual_plan_states_its_main_indicators_before_its_first_chapter() -> None:
    text = (
        "天津市2012年知识产权战略实施工作要点\n\n"
        "2012年是天津市知识产权战略实施的第三年。\n\n"
        "2012年的主要指标是:每万人口发明专利拥有量达到7.5件;专利申请达到4万件;商标注册申请达到16000件。\n\n"
        "一、打造滨海新区自主知识产权龙头\n\n（一）推进滨海新区知识产权工作。支持企业创新。\n"
    )
    targets = [(t.metric, t.value, t.unit, t.year) for t in parse_text(text).targets]
    assert targets == [
        ("每万人口发明专利拥有量", 7.5, "件", 2012),
        ("专利申请", 4.0, "万件", 2012),
        ("商标注册申请", 16000.0, "件", 2012),
    ]


def test_a_wrapper_broken_after_its_first_documents_period_runs_on() -> None:
    # the first line ends like a title (…(2021-2025年)); the next starts with 和: it goes on
    text = (
        "烟台市人民政府办公室\n\n关于印发烟台市全民健身实施计划(2021-2025年)\n\n"
        "和烟台市“十四五”知识产权强市战略纲要的通知\n\n烟政办发〔2021〕24号\n\n"
        "各区市人民政府，市政府有关部门：\n\n现将以上文件印发给你们，请认真贯彻执行。\n"
    )
    meta = parse_text(text).meta
    assert meta.notice_title == (
        "烟台市人民政府办公室关于印发烟台市全民健身实施计划(2021-2025年)和烟台市“十四五”知识产权强市战略纲要的通知"
    )
    assert meta.doc_number == "烟政办发〔2021〕24号"
