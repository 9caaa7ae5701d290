"""Front matter of real web-page openings: chrome, metadata rows and dates as sites print them.

Each text below is copied (shortened) from a real government page or a law-database page
reposting a notice: site names and breadcrumbs above the title, share bars, promo lines,
metadata rows in 【】 or spaced layouts, post dates beside a 来源 line, lost characters.
"""

from __future__ import annotations

from datetime import date

import pytest

import ipplan
from ipplan.extract.dates import find_dates, parse_date
from ipplan.extract.docnumber import normalise_doc_number
from ipplan.extract.frontlines import is_organ
from ipplan.extract.pagemeta import is_chrome, is_news_headline, read_label_line


def _parse_text(text: str) -> ipplan.Plan:
    return ipplan.parse_bytes(text.encode("utf-8"), "page.txt", fmt="txt")


# --- chrome -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "法搜网--中国法律信息搜索网",  # a site's name with its slogan
        "EHS中国 法规首页 惠州市人民政府关于惠州市实施国家及省知识产权战略纲要的若干意见",  # spaced crumb
        "EN",  # a language switch
        "English",
        "转发",  # a share bar's word on its own line
        "正文",  # a law database's section mark
        "文章属性",
    ],
)
def test_page_chrome_lines(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "关于加快发展工业互联网",  # a title's first line ending in 网 is no site name
        "关于转发省知识产权局关于开展专利保护专项行动的通知",
        "惠州市人民政府关于惠州市实施国家及省知识产权战略纲要的若干意见",
    ],
)
def test_document_lines_stay_document_lines(line: str) -> None:
    assert not is_chrome(line)


def test_a_promo_line_in_corner_brackets_is_a_headline() -> None:
    assert is_news_headline("『图文解读』 一图读懂《银川市推进质量强市工作实施方案》")
    assert not is_news_headline("中共银川市委银川市人民政府关于印发《银川市推进质量强市工作实施方案》的通知")


def test_a_site_name_above_the_notice_is_not_its_issuer() -> None:
    meta = _parse_text(
        "法搜网--中国法律信息搜索网\n"
        "丹东市人民政府办公室关于印发丹东市商标战略工作实施方案的通知\n\n"
        "丹东市人民政府办公室关于印发丹东市商标战略工作实施方案的通知\n"
        "(丹政办发〔2007〕45号)\n\n"
        "各县(市)区人民政府、市政府各部门:\n"
        "  经市政府同意,现将《丹东市商标战略工作实施方案》印发给你们,请认真组织实施。\n\n"
        "  二○○七年十月二十九日\n\n"
        "  丹东市商标战略工作实施方案\n\n"
        "  实施商标战略是支持企业增强自主创新能力的一项重要举措。\n"
        "  一、指导思想\n"
    ).meta
    assert meta.issuer == "丹东市人民政府办公室"
    assert meta.notice_title == "丹东市人民政府办公室关于印发丹东市商标战略工作实施方案的通知"
    assert (meta.title, meta.doc_number) == ("丹东市商标战略工作实施方案", "丹政办发〔2007〕45号")
    assert meta.issue_date == date(2007, 10, 29)


def test_a_law_database_page_with_a_spaced_breadcrumb_and_its_fields() -> None:
    meta = _parse_text(
        "欢迎来到EHS平台! 设为首页 收藏\n"
        "EHS中国 法规首页 惠州市人民政府关于惠州市实施国家及省知识产权战略纲要的若干意见\n\n"
        "惠州市人民政府关于惠州市实施国家及省知识产权战略纲要的若干意见\n\n"
        "收藏\n\n下载法规\n\n我要纠错\n\n"
        "发文字号:惠府〔2009〕109号\n\n"
        "颁布部门:广东省惠州市人民政府\n\n"
        "颁布日期:2009-07-02生效日期:1900-01-01\n\n"
        "关于惠州市实施国家及省知识产权战略纲要的若干意见\n\n"
        "惠府〔2009〕109号\n\n"
        "各县、区人民政府,市政府各部门、各直属机构:\n"
        "  根据《国务院关于印发国家知识产权战略纲要的通知》,结合我市实际,提出如下意见。\n"
    ).meta
    assert meta.title == "惠州市人民政府关于惠州市实施国家及省知识产权战略纲要的若干意见"
    assert meta.issuer == "广东省惠州市人民政府"
    assert (meta.doc_number, meta.issue_date) == ("惠府〔2009〕109号", date(2009, 7, 2))


def test_a_titled_line_wins_over_a_site_tag_above_a_breadcrumb() -> None:
    meta = _parse_text(
        "yl6809永利\n\n团队动态\n\n"
        "当前位置: 首页 -> 科学研究 -> 团队动态 -> 正文\n\n"
        "宁夏回族自治区知识产权保护和运用“十四五” 规划\n\n"
        "发布日期:2022-04-21 浏览次数:\n\n"
        "为认真贯彻落实党中央、国务院关于知识产权工作的决策部署,特制定本规划。\n\n"
        "一、规划背景\n"
    ).meta
    assert meta.title == "宁夏回族自治区知识产权保护和运用“十四五”规划"
    assert meta.period is not None and (meta.period.start, meta.period.end) == (2021, 2025)


def test_a_language_switch_and_a_share_word_are_no_title() -> None:
    meta = _parse_text(
        "EN\n国务院办公厅关于加强知识产权保护工作的意见\n国办发〔2019〕3号\n"
        "各省、自治区、直辖市人民政府:\n  为加强知识产权保护,现提出以下意见。\n一、总体要求\n"
    ).meta
    assert (meta.title, meta.issuer) == ("国务院办公厅关于加强知识产权保护工作的意见", "国务院办公厅")
    meta = _parse_text(
        "点赞\n\n收藏\n\n转发\n\n"
        "盐城市数字经济发展三年行动计划(2022—2024年)\n\n"
        "发文部门:盐城市工业和信息化局\n\n"
        "为加快推进数字经济发展,制定本行动计划。\n一、总体要求\n"
    ).meta
    assert meta.title == "盐城市数字经济发展三年行动计划(2022—2024年)"
    assert meta.issuer == "盐城市工业和信息化局"


def test_a_promo_line_is_not_joined_to_the_notice_title() -> None:
    meta = _parse_text(
        "『图文解读』 一图读懂《银川市推进质量强市工作实施方案》\n"
        "中共银川市委银川市人民政府关于印发《银川市推进质量强市工作实施方案》的通知\n"
        "各县(市)区党委和人民政府:\n"
        "  现将《银川市推进质量强市工作实施方案》印发给你们,请认真贯彻落实。\n"
        "银川市推进质量强市工作实施方案\n"
        "  为深入实施质量强市战略,制定本方案。\n一、总体要求\n"
    ).meta
    assert meta.notice_title == "中共银川市委银川市人民政府关于印发《银川市推进质量强市工作实施方案》的通知"
    assert meta.issuer == "中共银川市委银川市人民政府"


def test_a_digest_line_does_not_stop_the_doc_number() -> None:
    meta = _parse_text(
        "天津市人民政府办公厅印发关于促进我市开发区改革和创新发展实施方案的通知\n"
        "导读:加强新形势下开发区的改革和创新发展,对于我市具有重要意义。\n"
        "津政办函〔2017〕103号\n"
        "各区人民政府,各委、局,各直属单位:\n"
        "  经市人民政府同意,现将《关于促进我市开发区改革和创新发展的实施方案》印发给你们,请照此执行。\n"
        "天津市人民政府办公厅\n2017年10月9日\n"
        "关于促进我市开发区改革和\n创新发展的实施方案\n"
        "  为贯彻落实《国务院办公厅关于促进开发区改革和创新发展的若干意见》,制定本方案。\n"
        "一、总体要求\n"
    ).meta
    assert meta.doc_number == "津政办函〔2017〕103号"
    # the plan's own print, worded a little differently from the notice's title, is its title
    assert meta.title == "关于促进我市开发区改革和创新发展的实施方案"
    assert meta.issue_date == date(2017, 10, 9)


# --- metadata rows --------------------------------------------------------------------------------


def test_law_database_attribute_rows() -> None:
    assert read_label_line("•【制定机关】延安市科学技术局") == [("制定机关", "延安市科学技术局")]
    assert read_label_line("•【公布日期】2018.03.23") == [("公布日期", "2018.03.23")]
    # 字号 here is the 发文字号, not a page's font-size control
    assert read_label_line("•【字号】延市科发〔2018〕24号") == [("发文字号", "延市科发〔2018〕24号")]


def test_law_database_rows_give_issuer_number_and_date() -> None:
    meta = _parse_text(
        "延安市科学技术局关于分解落实市委五届四次全会和《政府工作报告》2018年重点工作任务的通知\n"
        "文章属性\n"
        "•【制定机关】延安市科学技术局\n•【公布日期】2018.03.23\n•【字号】延市科发〔2018〕24号\n"
        "•【施行日期】2018.03.23\n•【效力等级】地方规范性文件\n•【时效性】现行有效\n"
        "正文\n延安市科学技术局\n"
        "关于分解落实市委五届四次全会和《政府工作报告》2018年\n重点工作任务的通知\n"
        "延市科发〔2018〕24号\n局属各单位、各科室:\n"
        "  现将我局承担的2018年重点工作任务分解如下,请认真做好落实工作。\n"
    ).meta
    assert (meta.issuer, meta.doc_number) == ("延安市科学技术局", "延市科发〔2018〕24号")
    assert meta.issue_date == date(2018, 3, 23)


def test_metadata_rows_with_labels_set_apart_by_spaces() -> None:
    assert read_label_line("索  引  号 113708280043358015/2021-01956 公开方式 主动公开") == [
        ("索引号", "113708280043358015/2021-01956"),
        ("公开方式", "主动公开"),
    ]
    assert read_label_line("成文日期 2021-02-22 废止日期") == [("成文日期", "2021-02-22"), ("废止日期", "")]
    assert read_label_line("发展计划 金乡县 2021年") is None


def test_a_notice_that_hands_down_a_plan_under_spaced_metadata_rows() -> None:
    meta = _parse_text(
        "当前位置:首页\n> 政务公开 > 法定主动公开内容 > 规划计划 > 发展计划\n"
        "索  引  号 113708280043358015/2021-01956 公开方式 主动公开\n"
        "发布机构 金乡县发展和改革局 组配分类 发展计划\n"
        "成文日期 2021-02-22 废止日期\n有效性\n"
        "金乡县2021年国民经济和社会发展计划\n分享\n"
        "金乡县人民政府\n\n关于下达金乡县2021年国民经济和社会发展计划的通知\n"
        "金政发〔2021〕3号\n各镇政府,各街道办事处,县政府各部门:\n"
        "  现将金乡县2021年国民经济和社会发展计划下达给你们,请认真贯彻执行。\n"
        "金乡县人民政府\n2021年2月22\n"
        "金乡县2021年国民经济和社会发展计划\n"
        "  2021年是建党100周年,是“十四五”规划的开局之年。\n"
    ).meta
    assert meta.notice_title == "金乡县人民政府关于下达金乡县2021年国民经济和社会发展计划的通知"
    assert meta.title == "金乡县2021年国民经济和社会发展计划"
    assert (meta.issuer, meta.issue_date) == ("金乡县人民政府", date(2021, 2, 22))
    assert meta.period is not None and (meta.period.start, meta.period.end) == (2021, 2021)


def test_a_doc_number_field_whose_prefix_ends_like_a_title_word() -> None:
    assert normalise_doc_number("临发改规划〔2022〕13号") is None  # unlabelled: could be a title's end
    assert normalise_doc_number("临发改规划〔2022〕13号", labelled=True) == "临发改规划〔2022〕13号"
    meta = _parse_text(
        "索引号: | LH331082-042/2022-126224 | 公开方式: | 主动公开 |\n"
        "文号: | 临发改规划〔2022〕13号 | 成文日期: | 2022-10-20 |\n"
        "发布单位: | 市科技局 |\n"
        "临海市发展和改革局 临海市科学技术局 关于印发《临海市科学技术“十四五”发展规划》的 通知 |\n"
        "各镇人民政府、街道办事处,市政府直属各单位: 现将《临海市科学技术“十四五”发展规划》印发给你们。\n"
    ).meta
    assert meta.doc_number == "临发改规划〔2022〕13号"
    assert meta.issuer == "临海市发展和改革局 临海市科学技术局"


# --- dates ------------------------------------------------------------------------------------------


def test_a_date_that_lost_its_day_mark() -> None:
    assert parse_date("2021年2月22") == date(2021, 2, 22)
    assert [d.value for d in find_dates("金乡县人民政府 2021年2月22")] == [date(2021, 2, 22)]
    assert find_dates("2021年2月22个项目") == []


def test_lost_characters_after_a_signature_and_its_date() -> None:
    meta = _parse_text(
        "各市人民政府,省政府各厅委、各直属机构:\n"
        "现将《辽宁省人民政府 国家知识产权局共建全面振兴新突破知识产权强省实施方案》"
        "印发给你们,请认真贯彻执行。\n"
        "辽宁省人民政府 国家知识产权局? ? ? ??\n"
        "2024年7月30日? ??\n"
        "(此件公开发布)\n"
        "辽宁省人民政府 国家知识产权局\n共建全面振兴新突破知识产权强省实施方案\n"
        "为深入贯彻习近平总书记关于知识产权工作的重要论述,制定如下实施方案。\n一、总体要求\n"
    ).meta
    assert meta.issue_date == date(2024, 7, 30)


def test_a_post_date_beside_the_source_line_is_not_the_issue_date() -> None:
    meta = _parse_text(
        "欢迎光临请登录注册\n\n"
        "河南省人民政府关于印发河南省知识产权战略纲要的通知\n\n"
        "来源:国资企业培训网\n2008-11-13\n打印\n\n"
        "豫政 〔2008〕59号\n\n"
        "省辖市人民政府,省人民政府各部门:\n  现将《河南省知识产权战略纲要》印发给你们,请认真贯彻实施。\n\n"
        "河南省人民政府\n二○○八年十一月二十三日\n\n"
        "河南省知识产权战略纲要\n\n"
        "  为深入贯彻落实科学发展观,结合我省实际,制定本纲要。\n\n  一、序言\n"
    ).meta
    assert meta.issue_date == date(2008, 11, 23)
    assert (meta.doc_number, meta.issuer) == ("豫政〔2008〕59号", "河南省人民政府")


def test_a_news_lead_stating_who_issued_the_document_and_when() -> None:
    meta = _parse_text(
        "上海印发2022年上海市打击侵犯知识产权和制售假冒伪劣商品工作要点\n\n"
        "时间:2022-09-06 来源:上海市双打办 阅读:1112\n\n"
        "上海市打击侵犯知识产权和制售假冒伪劣商品工作领导小组于2022年7月7日印发"
        "《2022年上海市打击侵犯知识产权和制售假冒伪劣商品工作要点》,全文如下:\n\n"
        "2022年上海市打击侵犯知识产权和制售假冒伪劣商品工作要点\n\n"
        "开展2022年全国打击侵犯知识产权和制售假冒伪劣商品工作,要坚持以习近平新时代中国特色社会主义思想为指导。\n\n"
        "一、坚持多点发力,加大行政保护力度\n"
    ).meta
    assert meta.title == "2022年上海市打击侵犯知识产权和制售假冒伪劣商品工作要点"
    assert meta.issuer == "上海市打击侵犯知识产权和制售假冒伪劣商品工作领导小组"
    assert meta.issue_date == date(2022, 7, 7)
    assert meta.period is not None and (meta.period.start, meta.period.end) == (2022, 2022)


# --- issuer and title -----------------------------------------------------------------------------


def test_a_short_form_never_beats_the_signed_name() -> None:
    text = (
        "{head}关于印发鄂州市数字经济发展规划的通知\n"
        "各区人民政府,市人民政府各部门:\n  现将《鄂州市数字经济发展规划》印发给你们,请认真贯彻执行。\n"
        "鄂州市人民政府\n2022年12月30日\n"
        "鄂州市数字经济发展规划\n  为加快数字经济发展,制定本规划。\n一、发展基础\n"
    )
    assert _parse_text(text.format(head="市人民政府")).meta.issuer == "鄂州市人民政府"
    page = "发文单位: 市人民政府\n" + text.format(head="")
    assert _parse_text(page).meta.issuer == "鄂州市人民政府"


def test_joint_issuers_at_the_head_of_a_notice_title() -> None:
    meta = _parse_text(
        "成都市发展和改革委员会 中共成都市委社会工作部 成都市规划和自然资源局 成都市住房和城乡建设局 "
        "关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知\n"
        "各区(市)县政府(管委会),市级有关部门,有关单位:\n"
        "经市领导同意,现将《成都市城市社区嵌入式服务设施建设工程实施方案》印发给你们,请结合实际认真贯彻落实。\n"
        "一、主要目标\n"
    ).meta
    assert (
        meta.issuer
        == "成都市发展和改革委员会 中共成都市委社会工作部 成都市规划和自然资源局 成都市住房和城乡建设局"
    )
    assert meta.title == "成都市城市社区嵌入式服务设施建设工程实施方案"


def test_a_title_citing_a_document_in_angle_brackets() -> None:
    meta = _parse_text(
        "关于印发《贯彻实施〈国家标准化发展纲要〉 行动计划(2024—2025年)》的通知\n"
        "来源:国家标准化管理委员会\n"
        "贯彻实施《国家标准化发展纲要》行动计划( 2024—2025年)\n"
        "为扎实推动《国家标准化发展纲要》深入实施,制定本行动计划。\n"
        "一、加强标准化与科技创新互动\n"
    ).meta
    assert meta.title == "贯彻实施《国家标准化发展纲要》行动计划( 2024—2025年)"


def test_a_title_run_on_into_its_addressees() -> None:
    meta = _parse_text(
        "编辑: cyhzg 2019-01-14\n"
        "泰安市人民政府 关于加强泰山(泰安)品牌建设的实施意见 各县、市、区人民政府,市政府各部门、直属单位: "
        "为充分发挥品牌对经济社会发展的引领作用,打造区域竞争新优势,现就加强泰山(泰安)品牌建设提出如下意见。\n"
        "一、指导思想\n"
    ).meta
    assert meta.title == "泰安市人民政府关于加强泰山(泰安)品牌建设的实施意见"
    assert meta.issuer == "泰安市人民政府"


def test_a_page_flattened_to_one_line_gives_the_notice_its_issuer_and_date() -> None:
    meta = _parse_text(
        "成都市人民政府关于印发成都市创建国家知识产权示范城市实施意见的通知 各区(市)县政府,市政府各部门: "
        "《成都市创建国家知识产权示范城市实施意见》已经2005年11月10日市政府第58次常务会议审议通过,"
        "现印发给你们,请结合本地区、本部门实际,认真组织实施。 二○○五年十二月十二日 "
        "成都市创建国家知识产权示范城市实施意见 为推动我市国家知识产权示范城市创建工作,"
        "根据国家知识产权局《关于知识产权试点示范工作的指导意见》(国知发管字(2004)126号)精神,"
        "结合我市实际,制定本实施意见。 一、指导思想 以邓小平理论和“三个代表”重要思想为指导,"
        "大力实施知识产权战略,充分发挥知识产权制度在经济社会发展中的激励和保障作用,"
        "推进创新型城市建设,为我市经济社会又快又好发展提供有力支撑。二、工作目标 到2010年,"
        "全市专利申请量年均增长15%以上,发明专利申请量占专利申请总量的比例达30%以上。"
    ).meta
    assert meta.notice_title == "成都市人民政府关于印发成都市创建国家知识产权示范城市实施意见的通知"
    assert meta.title == "成都市创建国家知识产权示范城市实施意见"
    assert (meta.issuer, meta.issue_date) == ("成都市人民政府", date(2005, 12, 12))


def test_a_title_field_gives_a_title_broken_where_the_lines_do_not_join() -> None:
    # a big5 gateway's page: 關於 (traditional) does not join the organ's line to the rest
    title = "國務院辦公廳關於落實中共中央國務院關於全面深化農村改革加快推進農業現代化若干意見有關政策措施分工的通知"  # noqa: E501
    meta = _parse_text(
        "EN\n"
        "發文機關: 國務院辦公廳 成文日期: 2014年02月23日\n"
        f"標  題: {title}\n"
        "發文字號: 國辦函〔2014〕31號 發佈日期: 2014年03月10日\n"
        "國務院辦公廳關於落實中共中央國務院\n"
        "關於全面深化農村改革加快推進農業現代化\n"
        "若干意見有關政策措施分工的通知\n"
        "國辦函〔2014〕31號\n"
        "國務院各部委、各直屬機構:\n"
        "為貫徹落實有關政策措施,需要有關部門研究提出具體實施意見並認真加以落實。\n"
        "一、工作分工\n"
    ).meta
    assert meta.title == title
    assert (meta.doc_number, meta.issuer) == ("國辦函〔2014〕31號", "國務院辦公廳")
    assert meta.issue_date == date(2014, 2, 23)


def test_a_document_library_chunk_number_is_no_part_of_the_title() -> None:
    meta = _parse_text(
        "1、新时代知识产权强市建设工作方案为贯彻落实党中央、国务院关于加强知识产权强国建设 的决策部署,"
        "根据省知识产权强省建设纲要(2021-2035 年)和省“十四五”知识产权发展规划要求,制定本方案。"
        "一、总体要求(一)指导思想。以习近平新时代中国特色社会主义思想为指导。\n"
        "2、保护,打通创造、运用、保护、管理和服务全链条。(二)工作目标。到2025年,知识产权强市建设取得明显成效。\n"
    ).meta
    assert meta.title == "新时代知识产权强市建设工作方案"


def test_a_bracketed_label_alone_under_the_rows_is_not_joined_to_the_notice() -> None:
    meta = _parse_text(
        "[ 发布机构 ] | 大足区政府办公室 | [ 发布日期 ] | 2025-07-02 |\n"
        "[ 成文日期 ] | 2025-06-23 | [ 有效性 ] |\n"
        "[ 成文日期 ] | 2025-06-23 |\n"
        "[ 有效性 ] |\n"
        "重庆市大足区人民政府 关于印发《重庆市大足区知识产权强区 行动计划(2025—2027年)》的通知\n"
        "各镇人民政府、街道办事处,区政府各部门:\n"
        "  现将《重庆市大足区知识产权强区行动计划(2025—2027年)》印发给你们,请认真贯彻执行。\n"
        "重庆市大足区人民政府\n2025年6月23日\n"
        "重庆市大足区知识产权强区行动计划(2025—2027年)\n"
        "  为加快建设知识产权强区,制定本行动计划。\n一、总体要求\n"
    ).meta
    assert meta.issuer == "重庆市大足区人民政府"
    assert meta.title == "重庆市大足区知识产权强区行动计划(2025—2027年)"


def test_organ_names_in_traditional_script() -> None:
    assert is_organ("國務院辦公廳")
    assert normalise_doc_number("國辦函〔2014〕31號") == "國辦函〔2014〕31號"


def test_joint_issuers_signed_over_lines_however_long_together() -> None:
    meta = _parse_text(
        "关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知\n"
        "各区(市)县政府(管委会),市级有关部门,有关单位:\n"
        "经市领导同意,现将《成都市城市社区嵌入式服务设施建设工程实施方案》印发给你们,请结合实际认真贯彻落实。\n"
        "成都市发展和改革委员会 中共成都市委社会工作部\n"
        "成都市规划和自然资源局 成都市住房和城乡建设局\n"
        "2024年5月20日\n"
        "成都市城市社区嵌入式服务设施建设工程实施方案\n"
        "开展城市社区嵌入式服务设施建设是重大民生工程。\n"
        "一、主要目标\n"
    ).meta
    assert (
        meta.issuer
        == "成都市发展和改革委员会 中共成都市委社会工作部 成都市规划和自然资源局 成都市住房和城乡建设局"
    )
    assert meta.issue_date == date(2024, 5, 20)
