"""Front matter of real web pages and notices: title, 文号, issuer, 成文日期, period, sections.

The documents in ``tests/data/real`` are real: openings of government web pages scraped as text
(site chrome, pipe-delimited metadata rows, news headlines above the document, lost characters)
and State Council notices saved from gov.cn (a metadata table above a title broken over several
centred paragraphs). The expected values are the hand annotations of those documents. The other
tests write the genre's other layouts the way sites and notices print them (GB/T 9704 版头,
发文字号, 标题, 主送机关, 落款; page chrome and metadata blocks).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import ipplan
from ipplan.blocks import Cell, Paragraph, Table
from ipplan.extract.contents import contents_span
from ipplan.extract.dates import find_dates, parse_date
from ipplan.extract.docnumber import doc_number, doc_number_in_line, normalise_doc_number
from ipplan.extract.meta import extract_meta
from ipplan.extract.pagemeta import is_chrome, is_news_headline, read_label_line
from ipplan.extract.period import plan_period
from ipplan.schema import Location

REAL = Path(__file__).resolve().parent / "data" / "real"

# stem: (title, 文号, issuer, 成文日期, period, level-1 sections) as annotated by hand
PAGES = {
    "web-baoshan-qiangqu-tuijin": (
        "宝山区实施首批国家知识产权强区工程推进计划(2009-2011)",
        "宝府办〔2009〕59号",
        "上海市宝山区人民政府办公室",
        date(2009, 9, 21),
        (2009, 2011),
        ["指导思想", "总体目标"],
    ),
    "web-chongqing-shuangda-fengong": (
        "重庆市人民政府办公厅关于贯彻落实新形势下加强打击侵犯知识产权和制售假冒伪劣商品工作意见任务分工的通知",
        "渝府办发〔2017〕132号",
        "重庆市人民政府办公厅",
        None,
        None,
        ["推进跨部门跨区域综合治理"],
    ),
    "web-guangzhou-shifan-fenjie-2007": (
        "广州市创建国家知识产权示范城市工作分解方案",
        "穗府办〔2007〕25号",
        "广州市人民政府办公厅",
        date(2007, 6, 30),
        None,
        ["任务分解", "工作要求"],
    ),
    "web-guojia-qiangguo-tuijin-2024": (
        "2024年知识产权强国建设推进计划",
        "国知联办〔2024〕6号",
        "国家知识产权强国建设工作部际联席会议办公室",
        None,
        (2024, 2024),
        ["完善知识产权制度"],
    ),
    "web-jiangsu-zhanlue-gangyao": (
        "江苏省知识产权战略纲要",
        "苏政发〔2009〕1号",
        "省政府",
        date(2009, 1, 5),
        None,
        ["序言", "指导思想和发展目标"],
    ),
    "web-jingmen-gaoxinqu-shifan-yuanqu": (
        "荆门高新区创建湖北省知识产权强省建设示范园区工作方案(2023-2025年)",
        None,
        None,
        None,
        (2023, 2025),
        ["指导思想", "基本原则"],
    ),
    "web-lishui-zhengfu-gongzuo-fenjie": (
        "市政府工作报告重点工作责任分解(2023年)",
        None,
        "丽水市政府",
        None,
        (2023, 2023),
        ["全市经济社会发展主要预期目标", "重点抓好六方面工作"],
    ),
    "web-shanghai-qiangshi-tuijin-2022": (
        # the title as printed: the scrape lost the dash and the closing bracket
        "上海市知识产权强市建设纲要和“十四五”规划实施推进计划(20222023",
        None,
        None,
        None,
        (2022, 2023),
        ["总体要求", "主要目标", "推进知识产权高质量创造和高效益运用"],
    ),
    "web-sichuan-liutong-tixi": (
        "四川省“十四五”现代流通体系建设实施方案",
        None,
        "四川省发展和改革委员会",
        date(2022, 10, 18),
        (2021, 2025),
        ["深化现代流通市场化改革"],
    ),
    "web-wenzhou-qiangshi-shifan": (
        None,  # the opening prints no title
        "温政办〔2022〕73号",
        "温州市市场监督管理局",
        date(2022, 10, 11),
        None,
        ["指导思想和主要目标"],
    ),
}


def _summary(plan: ipplan.Plan) -> tuple:
    m = plan.meta
    period = (m.period.start, m.period.end) if m.period else None
    return (m.title, m.doc_number, m.issuer, m.issue_date, period, [s.title for s in plan.sections])


@pytest.mark.parametrize("stem", sorted(PAGES))
def test_real_page_openings(stem: str) -> None:
    plan = ipplan.parse(REAL / "pages" / f"{stem}.txt")
    assert _summary(plan) == PAGES[stem]


def test_a_page_date_is_the_publish_date_not_the_issue_date() -> None:
    # 时间:2022-06-09 under a news headline is when the page posted it
    plan = ipplan.parse(REAL / "pages" / "web-shanghai-qiangshi-tuijin-2022.txt")
    assert plan.meta.published == date(2022, 6, 9)
    assert plan.meta.issue_date is None
    plan = ipplan.parse(REAL / "pages" / "web-lishui-zhengfu-gongzuo-fenjie.txt")
    assert plan.meta.published == date(2023, 7, 11)


def test_a_doc_number_is_kept_as_printed_beside_its_normal_form() -> None:
    plan = ipplan.parse(REAL / "pages" / "web-wenzhou-qiangshi-shifan.txt")
    assert plan.meta.doc_number == "温政办〔2022〕73号"
    assert plan.meta.doc_number_raw == "温政办〔2022〕73 号"


def test_notice_wrappers_give_the_plan_title_and_the_notice_title() -> None:
    meta = ipplan.parse(REAL / "pages" / "web-baoshan-qiangqu-tuijin.txt").meta
    assert meta.notice_title == (
        "上海市宝山区人民政府办公室关于转发《宝山区实施首批国家知识产权强区工程推进计划(2009-2011)》的通知"
    )
    # 印发 without 关于 and without 《》
    meta = ipplan.parse(REAL / "pages" / "web-guangzhou-shifan-fenjie-2007.txt").meta
    assert meta.notice_title == "广州市人民政府办公厅印发广州市创建国家知识产权示范城市工作分解方案的通知"
    # a notice that is the document itself (…任务分工的通知) is the title, not a wrapper
    meta = ipplan.parse(REAL / "pages" / "web-chongqing-shuangda-fengong.txt").meta
    assert meta.notice_title is None


@pytest.mark.parametrize(
    ("stem", "title", "number", "issued", "published", "sections"),
    [
        (
            "gov-financing-guarantee-2019",
            # three centred paragraphs in the page
            "国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见",
            "国办发〔2019〕6号",
            date(2019, 1, 22),
            date(2019, 2, 14),
            8,
        ),
        (
            "gov-kindergartens-2019",
            "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知",
            "国办发〔2019〕3号",
            date(2019, 1, 9),
            date(2019, 1, 22),
            4,
        ),
    ],
)
def test_real_state_council_notices(stem, title, number, issued, published, sections) -> None:
    plan = ipplan.parse(REAL / "notices" / f"{stem}.html")
    meta = plan.meta
    assert (meta.title, meta.notice_title, meta.doc_number, meta.issuer) == (
        title,
        None,
        number,
        "国务院办公厅",
    )
    # 成文日期 from the metadata table; its 发布日期 is the page's
    assert (meta.issue_date, meta.published) == (issued, published)
    assert meta.period is None
    assert [s.number for s in plan.sections] == list(range(1, sections + 1))


# --- page chrome and headlines ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "当前位置:首页",  # real pages
        ">> 专题专栏 >> 归档专题 >> 2023市政府重点工作(已归档)",
        "当前位置:首页\xa0>\xa0政府信息公开\xa0>\xa0法定主动公开内容\xa0>\xa0规划计划\xa0>\xa0中长期规划",
        "收藏 我要收藏 公共资源调用站点 文章分享",
        "分享 微信",
        "微博 空间 qq",
        "【字体: 打印",
        "简体版|繁体版",
        "支持IPv6",
        "无障碍",
        "首页 > 政务公开 > 通知公告",
        "您所在的位置：首页",
        "位置：首页 > 政策文件",
        "【字体：大 中 小】【打印本页】【关闭窗口】",
        "扫一扫在手机打开当前页",
        "站内搜索 请输入关键词",
        "登录 | 注册",
        "ID：18734002 大小：56KB 页数：12 上传者：匿名",
        "第1页 / 共12页",
        "某市人民政府门户网站",
        "知识产权局网站 |",
        "网站首页 机构概况 政务公开 政务服务 互动交流",
        "设为首页 加入收藏",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "上海市知识产权强市建设纲要和“十四五”",
        "规划实施推进计划(20222023",
        "市政府工作报告重点工作责任分解(2023年)",
        "关于拓展知识产权服务发展空间的意见",
        "各市(州)人民政府、省级有关部门(单位):",
        "一、完善知识产权制度",
        "财政部 科技部 工业和信息化部",  # joint issuers
        "博山区国家知识产权强区试点区建设 工作方案(2022—2025年)",
    ],
)
def test_document_lines_are_not_chrome(line: str) -> None:
    assert not is_chrome(line)


def test_news_headlines_are_not_titles() -> None:
    assert is_news_headline("123项!《上海市知识产权强市建设纲要和“十四五”规划实施推进计划(2022—2023)》印发")
    assert is_news_headline("重磅｜《某市知识产权强市建设实施方案》出台")
    assert is_news_headline("图解：《某省知识产权保护条例》")
    assert not is_news_headline(
        "《国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见》重点任务分工表"
    )
    assert not is_news_headline(
        "上海市宝山区人民政府办公室关于转发《宝山区实施首批国家知识产权强区工程推进计划(2009-2011)》的通知"
    )
    assert not is_news_headline("江苏省知识产权战略纲要")
    # a site's tag, or an organ reporting what it issued, with no 《》 around the title
    assert is_news_headline("【聚焦】江宁区印发2023年度知识产权强区建设推进计划 明确3大方面20项任务")
    assert is_news_headline("国家知识产权局发布2023年知识产权工作要点")
    assert not is_news_headline("广州市人民政府办公厅印发广州市创建国家知识产权示范城市工作分解方案的通知")
    assert not is_news_headline("江宁区知识产权强区建设2023年度推进计划")


PAGE_WITH_CHROME = """无障碍 | 长者模式
某市人民政府门户网站
首页 政务公开 政务服务 互动交流
站内搜索 请输入关键词
当前位置：首页 > 政务公开 > 政策文件 > 市政府办文件
重磅！《某市知识产权强市建设三年行动计划（2023—2025年）》印发
发布时间：2023-03-01 10:21:35 来源：某市人民政府办公室 浏览次数：1024 【字体：大 中 小】 【打印】 【关闭】
某市人民政府办公室关于印发某市知识产权强市建设
三年行动计划（2023—2025年）的通知
某政办发〔2023〕5号
各县（市、区）人民政府，市政府各部门、各直属机构：
《某市知识产权强市建设三年行动计划（2023—2025年）》已经市政府同意，现印发给你们，请认真组织实施。
某市人民政府办公室
2023年2月20日
（此件公开发布）
某市知识产权强市建设三年行动计划
（2023—2025年）
为深入贯彻落实《知识产权强国建设纲要（2021—2035年）》，加快知识产权强市建设，制定本行动计划。
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导。
二、重点任务
（一）提升知识产权创造质量。
三、保障措施
加强组织领导。
"""


def _parse_text(text: str) -> ipplan.Plan:
    return ipplan.parse_bytes(text.encode("utf-8"), "page.txt", fmt="txt")


def test_a_scraped_page_with_chrome_headline_and_notice() -> None:
    plan = _parse_text(PAGE_WITH_CHROME)
    meta = plan.meta
    assert meta.title == "某市知识产权强市建设三年行动计划（2023—2025年）"
    assert (
        meta.notice_title == "某市人民政府办公室关于印发某市知识产权强市建设三年行动计划（2023—2025年）的通知"
    )
    assert (meta.doc_number, meta.issuer) == ("某政办发〔2023〕5号", "某市人民政府办公室")
    assert (meta.issue_date, meta.published) == (date(2023, 2, 20), date(2023, 3, 1))
    assert meta.recipients == ["各县（市、区）人民政府", "市政府各部门", "各直属机构"]
    assert meta.period is not None and (meta.period.start, meta.period.end) == (2023, 2025)
    assert [s.title for s in plan.sections] == ["总体要求", "重点任务", "保障措施"]


# --- metadata blocks --------------------------------------------------------------------------------


def test_pipe_rows_with_several_labels_per_row() -> None:
    assert read_label_line("组配分类 | 其他文件 | 发布机构 | 温州市市场监督管理局 |") == [
        ("组配分类", "其他文件"),
        ("发布机构", "温州市市场监督管理局"),
    ]
    assert read_label_line("索引号 | 001008003015081/2022-00489 | ||") == [
        ("索引号", "001008003015081/2022-00489")
    ]


def test_label_value_lines_with_spaces_inside_labels() -> None:
    assert read_label_line("标　　题：国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知") == [
        ("标题", "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知")
    ]
    assert read_label_line("发 文 字 号：国办发〔2019〕3号 发布日期：2019年01月22日") == [
        ("发文字号", "国办发〔2019〕3号"),
        ("发布日期", "2019年01月22日"),
    ]
    # run together, bracketed, led by the post time
    assert read_label_line("索引号：000014349/2022-00031主题分类：知识产权") == [
        ("索引号", "000014349/2022-00031"),
        ("主题分类", "知识产权"),
    ]
    assert read_label_line("【发布时间：2022-06-01】【来源：某市市场监管局】") == [
        ("发布时间", "2022-06-01"),
        ("来源", "某市市场监管局"),
    ]
    assert read_label_line("2021-11-26 11:00 \xa0\xa0来源:广西壮族自治区市场监督管理局") == [
        ("发布时间", "2021-11-26 11:00"),
        ("来源", "广西壮族自治区市场监督管理局"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "责任单位:市发改委",  # a task's note
        "1.加强保护。责任单位：市知识产权局",
        "来源：各级财政安排的专项资金。",
        "各市(州)人民政府、省级有关部门(单位):",
    ],
)
def test_text_lines_are_not_metadata(line: str) -> None:
    assert read_label_line(line) is None


GOV_CN_SCRAPE = """首页 > 政策 > 国务院政策文件库 > 国务院文件
索 引 号：000014349/2021-00044 主题分类：科技、教育\\科技
发文机关：国务院办公厅 成文日期：2021年04月12日
标　　题：国务院办公厅关于完善科技成果评价机制的指导意见
发文字号：国办发〔2021〕26号 发布日期：2021年07月16日
国务院办公厅关于完善科技成果评价机制的指导意见
国办发〔2021〕26号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
科技成果评价是科技管理工作的重要内容，是推动科技成果转化的重要举措。经国务院同意，现提出如下意见。
一、总体要求
以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神。
二、主要工作措施
（一）全面准确评价科技成果的科学、技术、经济、社会、文化价值。
三、组织实施
各地区、各部门要加强组织领导。
国务院办公厅
2021年7月16日
（此件公开发布）
"""


def test_label_lines_of_a_scrape_are_read_and_not_joined_to_each_other() -> None:
    plan = _parse_text(GOV_CN_SCRAPE)
    meta = plan.meta
    assert meta.title == "国务院办公厅关于完善科技成果评价机制的指导意见"
    assert (meta.doc_number, meta.issuer) == ("国办发〔2021〕26号", "国务院办公厅")
    # 成文日期 row, not the 发布日期 row nor the date under the signature
    assert (meta.issue_date, meta.published) == (date(2021, 4, 12), date(2021, 7, 16))
    assert [s.title for s in plan.sections] == ["总体要求", "主要工作措施", "组织实施"]


FLATTENED_TABLE = """索引号
11330300002544536N/2023-105411
发布机构
某市市场监督管理局
成文日期
2023-04-12
文号
某市监〔2023〕12号
公开方式
主动公开
某市2023年知识产权工作要点
2023年是全面贯彻落实党的二十大精神的开局之年。为做好今年全市知识产权工作，制定本要点。
一、强化知识产权创造
（一）提升专利质量。
二、加强知识产权保护
（一）加大执法力度。
"""


def test_a_metadata_table_flattened_to_one_cell_per_line() -> None:
    plan = _parse_text(FLATTENED_TABLE)
    meta = plan.meta
    assert meta.title == "某市2023年知识产权工作要点"
    assert (meta.doc_number, meta.issuer, meta.issue_date) == (
        "某市监〔2023〕12号",
        "某市市场监督管理局",
        date(2023, 4, 12),
    )
    assert meta.period is not None and (meta.period.start, meta.period.end) == (2023, 2023)
    assert [s.title for s in plan.sections] == ["强化知识产权创造", "加强知识产权保护"]


def _paragraphs(*lines: str) -> list[Paragraph]:
    return [Paragraph(t, Location(line=i)) for i, t in enumerate(lines, 1)]


def _cells(*texts: str) -> list[Cell]:
    return [Cell(t, Location()) for t in texts]


def test_a_metadata_table_in_a_word_file() -> None:
    table = Table(
        [
            _cells("索引号", "11450200/2022-00031", "发布机构", "某市知识产权局"),
            _cells("成文日期", "2022年3月15日", "文号", "某知发〔2022〕5号"),
        ],
        Location(table=0),
    )
    blocks = [
        table,
        *_paragraphs("某市知识产权强市建设工作方案", "为加快建设知识产权强市，制定本方案。", "一、总体要求"),
    ]
    front = extract_meta(blocks)
    meta = front.meta
    assert (meta.title, meta.doc_number, meta.issuer, meta.issue_date) == (
        "某市知识产权强市建设工作方案",
        "某知发〔2022〕5号",
        "某市知识产权局",
        date(2022, 3, 15),
    )
    assert front.body_start == 2


def test_a_site_name_is_never_the_issuer() -> None:
    blocks = _paragraphs(
        "发布机构:科技部门户网站 文号:国科发专〔2017〕145号",
        "公开日期: 2018-03-05 有效性: 有效",
        "某某办法",
        "第一条 为规范管理，制定本办法。",
    )
    meta = extract_meta(blocks).meta
    assert meta.issuer is None
    assert (meta.doc_number, meta.published, meta.issue_date) == (
        "国科发专〔2017〕145号",
        date(2018, 3, 5),
        None,
    )


# --- titles -----------------------------------------------------------------------------------------


def test_a_title_over_lines_with_the_issuer_at_its_head() -> None:
    blocks = _paragraphs(
        "常州市人民政府文件",
        "常政发〔2010〕182号",
        "市政府关于大力实施商标战略",
        "推进创新型城市建设的意见",
        "各辖市、区人民政府，市各委办局，市各公司、直属单位：",
        "为贯彻落实《国家知识产权战略纲要》，加快品牌强市建设步伐，特制定本意见。",
        "一、重要意义",
    )
    front = extract_meta(blocks)
    meta = front.meta
    assert meta.title == "市政府关于大力实施商标战略推进创新型城市建设的意见"
    assert meta.notice_title is None
    # the 版头 names the issuer in full where the title shortens it
    assert meta.issuer == "常州市人民政府"
    assert meta.doc_number == "常政发〔2010〕182号"
    # 、 between whole names parts them, between name parts (各辖市、区人民政府) does not
    assert meta.recipients == ["各辖市、区人民政府", "市各委办局", "市各公司", "直属单位"]


def test_an_issuer_name_broken_over_lines_and_joint_issuers() -> None:
    blocks = _paragraphs(
        "广西知识产权战略实施工作厅际联席会议",
        "办公室关于印发《广西壮族自治区知识产权",
        "保护和运用十四五规划》的通知",
        "各成员单位：",
        "现将《广西壮族自治区知识产权保护和运用十四五规划》印发给你们，请认真贯彻执行。",
    )
    meta = extract_meta(blocks).meta
    assert meta.issuer == "广西知识产权战略实施工作厅际联席会议办公室"
    assert meta.title == "广西壮族自治区知识产权保护和运用十四五规划"
    blocks = _paragraphs(
        "某市科学技术局",
        "某市市场监督管理局",
        "关于印发《某市专利转化专项计划实施方案》的通知",
        "各有关单位：",
        "现将《某市专利转化专项计划实施方案》印发给你们，请认真贯彻执行。",
    )
    assert extract_meta(blocks).meta.issuer == "某市科学技术局 某市市场监督管理局"


def test_the_signature_above_the_date_or_above_the_plan_is_the_issuer() -> None:
    # a page that starts at the 主送机关: the signature stands over the date
    plan = ipplan.parse(REAL / "pages" / "web-sichuan-liutong-tixi.txt")
    assert plan.meta.issuer == "四川省发展和改革委员会"
    # no date printed: the organ ending the notice's text, above the plan's title
    plan = ipplan.parse(REAL / "pages" / "web-guojia-qiangguo-tuijin-2024.txt")
    assert plan.meta.issuer == "国家知识产权强国建设工作部际联席会议办公室"


def test_a_title_with_a_bracketed_line_below_it() -> None:
    blocks = _paragraphs("某市知识产权质押融资管理办法", "（试行）", "第一章 总则")
    assert extract_meta(blocks).meta.title == "某市知识产权质押融资管理办法（试行）"


def test_a_header_line_with_title_number_and_date() -> None:
    blocks = _paragraphs(
        "国务院知识产权战略实施工作部际联席会议办公室关于总结2018年地方战略实施工作编制2019年工作要点的通知"
        " 国知战联办〔2018〕24号 2018年12月27日 发布机关:国务院知识产权战略实施工作部际联席会议办公室 |",
        "知识产权局网站 |",
        "国务院知识产权战略实施工作部际联席会议办公室关于",
        "总结2018年地方战略实施工作编制2019年工作要点的通知",
        "各省、自治区、直辖市、新疆生产建设兵团知识产权局(知识产权管理部门):",
        "为贯彻落实党的十九大和十九届二中、三中全会精神，现组织开展工作要点编制工作。具体要求如下:",
    )
    meta = extract_meta(blocks).meta
    assert (
        meta.title == "国务院知识产权战略实施工作部际联席会议办公室关于"
        "总结2018年地方战略实施工作编制2019年工作要点的通知"
    )
    assert (meta.doc_number, meta.issue_date) == ("国知战联办〔2018〕24号", date(2018, 12, 27))
    assert meta.issuer == "国务院知识产权战略实施工作部际联席会议办公室"
    assert meta.period is None  # a notice about a 2019 要点 is no 2019 plan


def test_a_file_name_names_the_document_of_a_library_listing() -> None:
    blocks = _paragraphs(
        "某县知识产权强县建设工作方案.docx",
        "ID：18734002 大小：56KB 页数：12 上传者：匿名",
        "为推进知识产权强县建设，结合我县实际，制定本方案。",
        "一、总体要求",
    )
    front = extract_meta(blocks)
    assert front.meta.title == "某县知识产权强县建设工作方案"
    assert front.meta.issuer is None


# --- 文号 and dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "normalised", "printed"),
    [
        ("(宝府办〔2009〕59号)", "宝府办〔2009〕59号", "宝府办〔2009〕59号"),
        ("（穗府办〔2007〕25号）", "穗府办〔2007〕25号", "穗府办〔2007〕25号"),
        ("某政发 〔2019〕 8号", "某政发〔2019〕8号", "某政发 〔2019〕 8号"),
        ("苏政发〔2009〕1号 2009年1月5日", "苏政发〔2009〕1号", "苏政发〔2009〕1号"),
        ("某政办发〔2024〕7号          签发人：王某", "某政办发〔2024〕7号", "某政办发〔2024〕7号"),
        ("发文字号：国办发[2019]3号", "国办发〔2019〕3号", "国办发[2019]3号"),
        ("某知发［2022］5号", "某知发〔2022〕5号", "某知发［2022］5号"),
        ("桂市监函〔20212676", "桂市监函〔2021〕2676号", "桂市监函〔20212676"),
    ],
)
def test_doc_number_lines(line: str, normalised: str, printed: str) -> None:
    assert doc_number(line) == (normalised, printed)


@pytest.mark.parametrize(
    "line",
    [
        "规划实施推进计划(20222023",  # a title whose period lost its dash
        "某某方案(2022)",
        "为贯彻落实《意见》(国发〔2017〕14号)要求",
        "2022年10月27日",
    ],
)
def test_not_doc_number_lines(line: str) -> None:
    assert doc_number(line) is None


def test_a_doc_number_among_other_items_of_a_line() -> None:
    assert doc_number_in_line("某某通知 国知战联办〔2018〕24号 2018年12月27日") == (
        "国知战联办〔2018〕24号",
        "国知战联办〔2018〕24号",
    )
    assert doc_number_in_line("根据《意见》(国发〔2017〕14号)要求") is None
    assert normalise_doc_number("(宝府办〔2009〕59号)") == "宝府办〔2009〕59号"


@pytest.mark.parametrize(
    ("printed", "when"),
    [
        ("二OO九年九月二十一日", date(2009, 9, 21)),  # Latin O for 〇, as a real page prints it
        ("二○○七年六月三十日", date(2007, 6, 30)),
        ("二〇二二年十月二十七日", date(2022, 10, 27)),
        ("２０２２年１０月２７日", date(2022, 10, 27)),
        ("2019年01月22日", date(2019, 1, 22)),
        ("20211124", date(2021, 11, 24)),
        ("2023331", date(2023, 3, 31)),  # 年月日 lost with a one-digit month: one split is a date
    ],
)
def test_dates_in_every_printed_form(printed: str, when: date) -> None:
    assert parse_date(printed) == when


def test_dates_inside_a_line() -> None:
    found = find_dates("时间:2023-07-11 17:01 浏览次数: 信息来源: 丽水市政府")
    assert [f.value for f in found] == [date(2023, 7, 11)]
    found = find_dates("苏政发〔2009〕1号 2009年1月5日")
    assert [f.value for f in found] == [date(2009, 1, 5)]
    assert find_dates("索引号：001008003015081/2022-00489") == []


def test_a_stated_issuing_date() -> None:
    blocks = _paragraphs(
        "某市知识产权强市建设工作方案",
        "本方案经市政府第12次常务会议审议通过，由市人民政府办公室于2022年7月7日印发实施。",
        "一、总体要求",
    )
    assert extract_meta(blocks).meta.issue_date == date(2022, 7, 7)


def test_a_date_above_the_document_is_the_page_date() -> None:
    blocks = _paragraphs(
        "2023-05-06", "某市知识产权强市建设实施方案", "为加快建设知识产权强市，制定本方案。", "一、总体要求"
    )
    meta = extract_meta(blocks).meta
    assert (meta.issue_date, meta.published) == (None, date(2023, 5, 6))


# --- periods ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("上海市知识产权强市建设纲要和“十四五”规划实施推进计划(2022—2023)", (2022, 2023)),
        ("上海市知识产权强市建设纲要和“十四五”规划实施推进计划(20222023", (2022, 2023)),  # lost dash
        ("宝山区实施首批国家知识产权强区工程推进计划(2009-2011)", (2009, 2011)),
        ("某市知识产权“十三五”规划", (2016, 2020)),
        ("四川省“十四五”现代流通体系建设实施方案", (2021, 2025)),
        ("市政府工作报告重点工作责任分解(2023年)", (2023, 2023)),
        ("2024年知识产权强国建设推进计划", (2024, 2024)),
        ("某县2023年度知识产权工作要点", (2023, 2023)),
    ],
)
def test_periods(title: str, period: tuple[int, int]) -> None:
    found = plan_period(title, None)
    assert found is not None and (found.start, found.end) == period


@pytest.mark.parametrize(
    "title",
    [
        "某市到2025年知识产权发展目标",  # a target year, not a period
        "关于贯彻落实《知识产权强国建设纲要（2021—2035年）》的实施意见",  # the cited document's years
        "关于总结2018年地方战略实施工作编制2019年工作要点的通知",
    ],
)
def test_no_periods(title: str) -> None:
    assert plan_period(title, None) is None


def test_a_lost_date_that_splits_two_ways_is_no_date() -> None:
    assert parse_date("2023112") is None  # 1月12日 or 11月2日


def test_an_annual_plan_that_carries_out_a_five_year_plan_has_its_own_years() -> None:
    # the “十四五” 规划 is what the plan carries out; its opening states its own years
    opening = "为贯彻落实《纲要》和《规划》，明确2021—2022年度重点任务和工作措施，制定本计划。"
    title = "知识产权强国建设纲要和“十四五”规划实施年度推进计划"
    assert plan_period(title, None) is None
    meta = extract_meta(_paragraphs(title, opening, "一、完善知识产权制度")).meta
    assert meta.period is not None and (meta.period.start, meta.period.end) == (2021, 2022)


def test_a_convention_under_a_title_is_no_part_of_it() -> None:
    meta = extract_meta(
        _paragraphs(
            "绍兴市强化知识产权保护重点任务分工", "（责任单位中排在第一位的为牵头单位）", "一、总体要求"
        )
    ).meta
    assert meta.title == "绍兴市强化知识产权保护重点任务分工"


# --- where the body starts ----------------------------------------------------------------------------


TOC_PLAN = """某省知识产权保护和运用“十四五”规划
目  录
一、发展基础和面临形势……………………………………1
二、总体要求……………………………………………………4
三、主要任务……………………………………………………7
四、保障措施…………………………………………………20
一、发展基础和面临形势
“十三五”时期，全省知识产权事业取得显著成效。
二、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导。
三、主要任务
（一）强化知识产权创造。
四、保障措施
加强组织领导。
"""


def test_a_table_of_contents_is_not_the_outline() -> None:
    plan = _parse_text(TOC_PLAN)
    assert plan.meta.title == "某省知识产权保护和运用“十四五”规划"
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "发展基础和面临形势"),
        (2, "总体要求"),
        (3, "主要任务"),
        (4, "保障措施"),
    ]
    # each heading once, with the body's text under it
    assert plan.sections[0].source is not None and plan.sections[0].source.line == 7


def test_a_word_table_of_contents_with_tabs_and_a_title_after_it() -> None:
    blocks = _paragraphs(
        "目录",
        "第一章 发展基础\t1",
        "第二章 总体要求\t5",
        "某省知识产权保护和运用规划",
        "第一章 发展基础",
        "“十三五”时期，全省知识产权事业取得显著成效。",
    )
    assert contents_span(blocks, 0, len(blocks)) == (0, 4)
    front = extract_meta(blocks)
    assert front.meta.title == "某省知识产权保护和运用规划"
    assert front.body_start == 4


NOTICE_WITH_NUMBERED_REQUIREMENTS = """某市人民政府办公室关于印发某市知识产权强市建设工作方案的通知
各县（区）人民政府，市直各单位：
现将《某市知识产权强市建设工作方案》印发给你们，并提出如下要求，请一并贯彻落实。
一、提高思想认识。各地各部门要充分认识知识产权强市建设的重要意义。
二、加强督促检查。市知识产权局要会同有关部门加强督查。
某市人民政府办公室
2022年5月6日
某市知识产权强市建设工作方案
为加快建设知识产权强市，制定本方案。
一、总体要求
二、重点任务
三、保障措施
"""


def test_the_wrapper_paragraphs_are_not_sections() -> None:
    plan = _parse_text(NOTICE_WITH_NUMBERED_REQUIREMENTS)
    assert plan.meta.title == "某市知识产权强市建设工作方案"
    assert [s.title for s in plan.sections] == ["总体要求", "重点任务", "保障措施"]
    assert plan.meta.issue_date == date(2022, 5, 6)


def test_a_page_headline_printed_again_below_the_page_date() -> None:
    blocks = _paragraphs(
        "荆门高新区创建湖北省知识产权强省建设示范园区工作方案(2023-2025年)",
        "发布时间：2023-06-01 来源：荆门高新区",
        "荆门高新区创建湖北省知识产权强省建设示范园区工作方案(2023-2025年)",
        "为深入贯彻落实《知识产权强国建设纲要(2021-2035年)》，制定本方案。",
        "一、 指导思想",
    )
    front = extract_meta(blocks)
    assert front.meta.title == "荆门高新区创建湖北省知识产权强省建设示范园区工作方案(2023-2025年)"
    assert front.body_start == 3
    assert front.meta.published == date(2023, 6, 1)


# --- web pages ----------------------------------------------------------------------------------------

BR_PAGE = """<html><head><meta charset="utf-8">
<title>某省人民政府办公厅关于印发某省知识产权保护和运用“十四五”规划的通知_某省人民政府门户网站</title></head>
<body><table class="xxgk">
<tr><td>索引号：</td><td>11500000/2021-00123</td><td>主题分类：</td><td>科技</td></tr>
<tr><td>发布机构：</td><td>某省人民政府办公厅</td><td>成文日期：</td><td>2021年12月01日</td></tr>
<tr><td>文　　号：</td><td>某府办发 〔2021〕 98号</td><td>发布日期：</td><td>2021年12月08日</td></tr></table>
<div id="zoom">
<p align="center"><b>某省人民政府办公厅<br>关于印发某省知识产权保护和运用<br>“十四五”规划的通知</b></p>
<p align="center">某府办发〔2021〕98号</p>
<p>各市（州）、县（市、区）人民政府，省政府各部门：</p>
<p>《某省知识产权保护和运用“十四五”规划》已经省政府同意，现印发给你们，请认真贯彻执行。</p>
<p style="text-align:right">某省人民政府办公厅</p><p style="text-align:right">2021年12月1日</p>
<p align="center"><b>某省知识产权保护和运用“十四五”规划</b></p>
<p align="center"><b>目　录</b></p>
<p>第一章　发展基础和面临形势…………1</p><p>第二章　总体要求…………5</p><p>第三章　主要任务…………9</p>
<p><b>第一章　发展基础和面临形势</b></p><p>“十三五”时期，全省知识产权事业取得显著成效。</p>
<p><b>第二章　总体要求</b></p><p>以习近平新时代中国特色社会主义思想为指导。</p>
<p><b>第三章　主要任务</b></p><p>强化知识产权创造。</p>
</div></body></html>"""


def test_a_page_whose_notice_title_is_broken_by_br_and_whose_plan_has_contents() -> None:
    plan = ipplan.parse_bytes(BR_PAGE.encode("utf-8"), "page.html", fmt="html")
    meta = plan.meta
    assert meta.notice_title == "某省人民政府办公厅关于印发某省知识产权保护和运用“十四五”规划的通知"
    assert meta.title == "某省知识产权保护和运用“十四五”规划"
    assert (meta.doc_number, meta.issuer) == ("某府办发〔2021〕98号", "某省人民政府办公厅")
    assert (meta.issue_date, meta.published) == (date(2021, 12, 1), date(2021, 12, 8))
    assert meta.period is not None and (meta.period.start, meta.period.end) == (2021, 2025)
    assert [s.title for s in plan.sections] == ["发展基础和面临形势", "总体要求", "主要任务"]


HEADLINE_PAGE = """<html><head><meta charset="utf-8">
<title>重磅！《某市知识产权强市建设实施方案》印发_某市市场监督管理局</title></head>
<body><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/x">通知公告</a></div>
<div class="article"><h1>重磅！《某市知识产权强市建设实施方案（2023—2025年）》印发</h1>
<div class="info">发布时间：2023-05-06 09:12 来源：某市人民政府 浏览次数：<span id="c"></span></div>
<div class="content">
<p style="text-align:center"><strong>某市知识产权强市建设实施方案</strong></p>
<p style="text-align:center">（2023—2025年）</p>
<p>为深入贯彻落实《知识产权强国建设纲要（2021—2035年）》，加快建设知识产权强市，制定本方案。</p>
<p><strong>一、总体要求</strong></p><p>以习近平新时代中国特色社会主义思想为指导。</p>
<p><strong>二、主要任务</strong></p><p>（一）提升知识产权创造质量。</p>
</div></div></body></html>"""


def test_a_page_whose_headline_is_news_about_the_document() -> None:
    plan = ipplan.parse_bytes(HEADLINE_PAGE.encode("utf-8"), "page.html", fmt="html")
    meta = plan.meta
    assert meta.title == "某市知识产权强市建设实施方案（2023—2025年）"
    assert meta.period is not None and (meta.period.start, meta.period.end) == (2023, 2025)
    assert (meta.published, meta.issue_date) == (date(2023, 5, 6), None)
    # 来源 names an organ: the issuer where nothing else does
    assert meta.issuer == "某市人民政府"
    assert [s.title for s in plan.sections] == ["总体要求", "主要任务"]


def test_header_marks_and_word_numbered_headings_are_no_title() -> None:
    blocks = [
        *_paragraphs(
            "000123", "机密★1年", "特急", "某县人民政府文件", "某政发〔2023〕3号", "某县知识产权强县建设"
        ),
        Paragraph("指导思想", Location(line=7), numbering_label="一、"),
        Paragraph("以习近平新时代中国特色社会主义思想为指导。", Location(line=8)),
    ]
    meta = extract_meta(blocks).meta
    assert (meta.title, meta.issuer, meta.doc_number) == (
        "某县知识产权强县建设",
        "某县人民政府",
        "某政发〔2023〕3号",
    )


def test_a_notice_issuing_two_plans_gives_the_first() -> None:
    blocks = _paragraphs(
        "关于印发《某市专利导航工程实施方案》和《某市商标品牌工程实施方案》的通知",
        "各有关单位：",
        "现将两个方案印发给你们，请认真贯彻执行。",
        "某市专利导航工程实施方案",
        "一、总体要求",
    )
    meta = extract_meta(blocks).meta
    assert meta.title == "某市专利导航工程实施方案"


NEWS_OF_A_DOCUMENT = """中共中央 国务院印发《知识产权强国建设纲要（2021－2035年）》
2021-09-22 18:06 来源： 新华社
【字体：大 中 小】打印
新华社北京9月22日电 近日，中共中央、国务院印发了《知识产权强国建设纲要（2021－2035年）》，并发出通知。
《知识产权强国建设纲要（2021－2035年）》主要内容如下。
为统筹推进知识产权强国建设，全面提升知识产权创造、运用、保护、管理和服务水平，制定本纲要。
一、战略背景
党的十八大以来，我国知识产权事业发展取得显著成效。
二、总体要求
（一）指导思想。高举中国特色社会主义伟大旗帜。
"""


def test_a_news_page_reporting_the_documents_issue() -> None:
    plan = _parse_text(NEWS_OF_A_DOCUMENT)
    meta = plan.meta
    assert meta.title == "知识产权强国建设纲要（2021－2035年）"
    assert meta.issuer == "中共中央 国务院"
    assert (meta.published, meta.issue_date) == (date(2021, 9, 22), None)
    assert meta.period is not None and (meta.period.start, meta.period.end) == (2021, 2035)
    assert [s.title for s in plan.sections] == ["战略背景", "总体要求"]


def test_a_plan_opening_that_reports_another_document_keeps_its_own_title() -> None:
    blocks = _paragraphs(
        "某市知识产权保护和运用规划",
        "近日，国务院印发了《“十四五”国家知识产权保护和运用规划》，为贯彻落实规划部署，制定本规划。",
        "一、发展基础",
    )
    meta = extract_meta(blocks).meta
    assert (meta.title, meta.issuer) == ("某市知识产权保护和运用规划", None)


TAB_ROWS_AND_AN_ALIASED_ISSUER = """索引号：\t002482245/2022-127465\t主题分类：\t科技、教育/科技
发布机构：\t浙江省市场监督管理局（省知识产权局）\t成文日期：\t2022-03-10
文号：\t浙市监知〔2022〕3号\t有效性：\t有效
浙江省市场监督管理局（浙江省知识产权局）关于印发《浙江省知识产权强省建设行动方案（2022—2025年）》的通知
各市、县（市、区）市场监管局（知识产权局），省局机关各处室、直属各单位：
现将《浙江省知识产权强省建设行动方案（2022—2025年）》印发给你们，请结合实际认真贯彻落实。
浙江省市场监督管理局（浙江省知识产权局）
2022年3月10日
浙江省知识产权强省建设行动方案（2022—2025年）
为深入贯彻落实《知识产权强国建设纲要（2021—2035年）》，制定本方案。
一、总体要求
二、主要任务
"""


def test_tab_separated_metadata_rows_and_an_issuer_with_its_other_name() -> None:
    plan = _parse_text(TAB_ROWS_AND_AN_ALIASED_ISSUER)
    meta = plan.meta
    assert meta.notice_title is not None and meta.notice_title.startswith(
        "浙江省市场监督管理局（浙江省知识产权局）关于印发"
    )
    assert meta.title == "浙江省知识产权强省建设行动方案（2022—2025年）"
    assert (meta.doc_number, meta.issue_date) == ("浙市监知〔2022〕3号", date(2022, 3, 10))
    assert meta.issuer == "浙江省市场监督管理局（浙江省知识产权局）"
    assert [s.title for s in plan.sections] == ["总体要求", "主要任务"]


def test_a_plan_title_printed_with_another_dash_than_the_notice_cites() -> None:
    blocks = _paragraphs(
        "某县人民政府关于印发《某县知识产权强县建设工作方案（2022—2025年）》的通知",
        "各乡镇人民政府：",
        "现将《某县知识产权强县建设工作方案（2022—2025年）》印发给你们，请认真贯彻执行。",
        "某县人民政府",
        "2022年9月1日",
        "某县知识产权强县建设工作方案",
        "2022-2025年",
        "为加快知识产权强县建设，制定本方案。",
        "一、总体要求",
    )
    front = extract_meta(blocks)
    # as printed above the plan, its period line joined to it
    assert front.meta.title == "某县知识产权强县建设工作方案2022-2025年"
    assert front.body_start == 7


def test_a_title_whose_period_lost_its_closing_bracket_is_not_run_into_the_text() -> None:
    # the real Shanghai page with full-width brackets: the open （ is no note running on
    text = (REAL / "pages" / "web-shanghai-qiangshi-tuijin-2022.txt").read_text(encoding="utf-8")
    plan = _parse_text(text.replace("(", "（").replace(")", "）"))
    assert plan.meta.title == "上海市知识产权强市建设纲要和“十四五”规划实施推进计划（20222023"
    assert plan.meta.period is not None and (plan.meta.period.start, plan.meta.period.end) == (2022, 2023)


NOTICE_AS_TEXT = """索 引 号：
000014349/2019-00002
主题分类：
科技、教育\\教育
发文机关：
国务院办公厅
成文日期：
2019年01月09日
标　　题：
国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知
发文字号：
国办发〔2019〕3号
发布日期：
2019年01月22日
主 题 词：
国务院办公厅关于开展
城镇小区配套幼儿园治理工作的通知
国办发〔2019〕3号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
城镇小区配套建设幼儿园是城镇公共服务设施建设的重要内容。为落实相关要求，经国务院同意，现就开展治理工作有关事项通知如下：
一、总体要求
以习近平新时代中国特色社会主义思想为指导。
二、工作任务
"""


def test_a_real_notice_copied_as_text_with_labels_over_their_values() -> None:
    # the empty 主题词： stands over the title: the title's first line is no keyword
    plan = _parse_text(NOTICE_AS_TEXT)
    meta = plan.meta
    assert meta.title == "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知"
    assert (meta.doc_number, meta.issuer) == ("国办发〔2019〕3号", "国务院办公厅")
    assert (meta.issue_date, meta.published) == (date(2019, 1, 9), date(2019, 1, 22))
    assert [s.title for s in plan.sections] == ["总体要求", "工作任务"]


def test_a_real_notice_page_without_its_metadata_table() -> None:
    page = (REAL / "notices" / "gov-kindergartens-2019.html").read_text(encoding="utf-8")
    start = page.rfind("<table", 0, page.find("索 引 号"))
    page = page[:start] + page[page.find("</table>", start) + len("</table>") :]
    meta = ipplan.parse_bytes(page.encode("utf-8"), "page.html", fmt="html").meta
    assert meta.title == "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知"
    assert (meta.doc_number, meta.issuer) == ("国办发〔2019〕3号", "国务院办公厅")
    assert meta.issue_date == date(2019, 1, 9)  # the date under the signature at the end


def test_a_title_with_its_doc_number_on_one_line() -> None:
    blocks = _paragraphs(
        "广州市人民政府办公厅印发广州市创建国家知识产权示范城市工作分解方案的通知(穗府办〔2007〕25号)",
        "各区、县级市人民政府，市政府各部门、各直属机构：",
        "《广州市创建国家知识产权示范城市工作分解方案》已经市政府同意，现印发给你们，请认真贯彻执行。",
        "广州市人民政府办公厅",
        "二○○七年六月三十日",
        "广州市创建国家知识产权示范城市工作分解方案",
        "一、任务分解",
    )
    meta = extract_meta(blocks).meta
    assert meta.notice_title == "广州市人民政府办公厅印发广州市创建国家知识产权示范城市工作分解方案的通知"
    assert (meta.title, meta.doc_number) == (
        "广州市创建国家知识产权示范城市工作分解方案",
        "穗府办〔2007〕25号",
    )
    # a page headline that carries the 文号 names the same title
    hints = {"headline": "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知（国办发〔2019〕3号）"}
    meta = extract_meta(_paragraphs("各省人民政府：", "现就有关事项通知如下。"), hints).meta
    assert meta.title == "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知"


@pytest.mark.parametrize(
    ("opening", "period"),
    [
        ("为加快推进知识产权强市建设，现制定2023—2025年行动计划如下。", (2023, 2025)),
        ("结合我市实际，制定本方案（2023—2025年）。", (2023, 2025)),
        ("本规划期为2021—2025年，展望到2035年。", (2021, 2025)),
        # the real Wenzhou opening: the years belong to the documents it cites
        (
            "为深入贯彻习近平总书记关于知识产权工作的重要论述,认真落实《知识产权强国建设纲要(2021—2035年)》"
            "和《“十四五”国家知识产权保护和运用规划》,扎实开展知识产权强市建设,制定本方案。",
            None,
        ),
        ("到2025年，全市发明专利拥有量达到1万件。", None),
        ("2021-2023年，全市专利授权量年均增长10%。", None),
    ],
)
def test_a_period_the_opening_states_where_the_title_states_none(opening: str, period) -> None:
    meta = extract_meta(_paragraphs("某市知识产权强市建设行动计划", opening, "一、总体要求")).meta
    got = (meta.period.start, meta.period.end) if meta.period else None
    assert got == period


def test_a_header_line_with_the_notice_title_its_doc_number_and_a_page_date() -> None:
    blocks = _paragraphs(
        "关于印发某市知识产权强市建设方案的通知 某政办发〔2023〕5号 2023-03-01",
        "各有关单位：",
        "现将《某市知识产权强市建设方案》印发给你们，请认真贯彻执行。",
        "某市人民政府办公室",
        "2023年2月28日",
        "某市知识产权强市建设方案",
        "一、总体要求",
    )
    meta = extract_meta(blocks).meta
    assert (meta.notice_title, meta.title) == (
        "关于印发某市知识产权强市建设方案的通知",
        "某市知识产权强市建设方案",
    )
    assert meta.doc_number == "某政办发〔2023〕5号"
    # the date under the signature, not the header line's
    assert (meta.issuer, meta.issue_date) == ("某市人民政府办公室", date(2023, 2, 28))


def test_a_news_lead_above_a_reposted_notice_hides_no_doc_number() -> None:
    meta = extract_meta(
        _paragraphs(
            "我县出台知识产权强县建设三年行动方案",
            "近日，县政府办公室印发《平阳县知识产权强县建设三年行动方案（2021—2023年）》，明确了12项重点任务。",
            "平阳县人民政府办公室关于印发平阳县知识产权强县建设三年行动方案（2021—2023年）的通知",
            "平政办发〔2021〕87号",
            "各乡镇人民政府，县政府直属各单位：",
            "平阳县人民政府办公室",
            "2021年9月6日",
            "平阳县知识产权强县建设三年行动方案（2021—2023年）",
            "一、工作目标",
        )
    ).meta
    assert meta.doc_number == "平政办发〔2021〕87号"
    assert meta.issue_date == date(2021, 9, 6)


def test_the_signature_date_wins_over_a_sent_date_field() -> None:
    # a site's 发文日期 may be days after the 成文日期 under the signature
    meta = extract_meta(
        _paragraphs(
            "发文日期：2022-06-13",
            "湖南省人民政府办公厅关于印发《湖南省知识产权强省建设实施方案（2022—2025年）》的通知",
            "湘政办发〔2022〕31号",
            "各市州人民政府，省政府各厅委、各直属机构：",
            "湖南省人民政府办公厅",
            "2022年6月8日",
            "湖南省知识产权强省建设实施方案（2022—2025年）",
            "一、总体要求",
        )
    ).meta
    assert meta.issue_date == date(2022, 6, 8)
