"""The HTML reader: article body, tables, charset, metadata, safety."""

from __future__ import annotations

import socket
import urllib.request
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipplan import parsers
from ipplan.blocks import Document, Paragraph, Table
from ipplan.errors import IpplanError
from ipplan.parsers import html

DATA = Path(__file__).parent / "data" / "html"
CORPUS_PAGE = DATA / "guangxi-14th-fyp-2021.html"
META_PAGE = DATA / "policy-meta-table.html"
NOTICE_TITLE = (
    "广西知识产权战略实施工作厅际联席会议办公室关于印发《广西壮族自治区知识产权保护和运用“十四五”规划》的通知"
)
CHROME_WORDS = (
    "当前位置", "首页", "分享", "收藏", "打印", "字体", "微信", "版权所有", "网站标识码", "ICP",
    "主办单位", "配色", "无障碍", "来源", "文件下载",
)  # fmt: skip


def _read(page: str | bytes, path: str = "page.html") -> Document:
    data = page.encode("utf-8") if isinstance(page, str) else page
    return html.read(data, path)


def _texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def _tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def _page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


@pytest.fixture(scope="module")
def corpus() -> Document:
    return html.read(CORPUS_PAGE.read_bytes(), str(CORPUS_PAGE))


# --- the corpus page ----------------------------------------------------------------------------


def test_corpus_body_starts_with_doc_number_and_notice_title(corpus: Document) -> None:
    texts = _texts(corpus)
    assert texts[:4] == [
        "桂市监函〔20212676",
        "广西知识产权战略实施工作厅际联席会议",
        "办公室关于印发《广西壮族自治区知识产权",
        "保护和运用十四五规划》的通知",
    ]
    first = corpus.blocks[0]
    assert isinstance(first, Paragraph) and first.loc.line == 11
    assert corpus.format == "html" and corpus.encoding == "utf-8" and corpus.warnings == []


def test_corpus_body_has_no_site_chrome(corpus: Document) -> None:
    for text in _texts(corpus):
        for word in CHROME_WORDS:
            assert word not in text, (word, text)
    assert _texts(corpus)[-1].startswith("建立政府主导、媒体支持、公众参与的知识产权宣传普及和文化建设体系。")


def test_corpus_page_headline_is_the_title_hint_and_not_repeated(corpus: Document) -> None:
    # the body prints the notice title itself (over three lines), so the headline is not prepended;
    # a headline is kept apart from a 标题 row: a page's <h1> may be a news headline
    assert corpus.meta_hints == {
        "headline": NOTICE_TITLE,
        # the source line under the headline, outside the article: the page's post date
        "publish_date": "2021-11-26 11:00",
        "source": "广西壮族自治区市场监督管理局",
    }
    assert NOTICE_TITLE not in _texts(corpus)


def test_corpus_paragraphs_are_printed_lines(corpus: Document) -> None:
    texts = _texts(corpus)
    for heading in (
        "一、形势背景",
        "(一)发展成就",
        "三、主要任务",
        "四、保障措施",
        "专栏1 知识产权快保护机构建设工程",
    ):
        assert heading in texts
    assert any(t.startswith("1.加快知识产权保护体制机制建设。全面推进") for t in texts)
    assert len(texts) == 127


def test_corpus_indicator_table_is_a_grid_with_rowspans_filled_down(corpus: Document) -> None:
    (table,) = _tables(corpus)
    assert [c.text for c in table.rows[0]] == [
        "序号",
        "类别",
        "主要指标",
        "2020年实际值",
        "2025年预期值",
        "增加值",
        "属性",
    ]
    assert len(table.rows) == 18 and all(len(row) == 7 for row in table.rows)
    assert table.loc.table == 0 and table.loc.line == 55

    by_name = {row[2].text: row for row in table.rows[1:]}
    geo = by_name["地理标志总量(件)"]
    assert [c.text for c in geo] == ["6", "高质量创造", "地理标志总量(件)", "164", "200", "36", "预期性"]
    assert geo[1].spanned and not geo[2].spanned
    assert (geo[1].loc.table, geo[1].loc.row, geo[1].loc.col, geo[1].loc.line) == (0, 6, 1, 57)

    first = table.rows[1]
    assert first[1].text == "高质量创造" and not first[1].spanned
    assert by_name["地理标志运用促进工程项目、保护示范区(个)"][1].text == "高效益运用"
    assert by_name["知识产权保护社会满意度"][1].text == "高标准保护"
    assert by_name["知识产权专业服务机构"][4].text == "≥100"

    fee = by_name["知识产权使用费年进出口总额(亿元)"]
    assert [c.text for c in fee] == [
        "9",
        "高效益运用",
        "知识产权使用费年进出口总额(亿元)",
        "",
        "",
        "",
        "预期性",
    ]
    assert not any(c.spanned for c in fee[3:6])
    assert by_name["海外发明专利授权量(件)"][3].text == ""


def test_corpus_table_sits_between_its_paragraphs(corpus: Document) -> None:
    i = next(i for i, b in enumerate(corpus.blocks) if isinstance(b, Table))
    after = corpus.blocks[i + 1]
    assert isinstance(after, Paragraph) and after.text.startswith("注:1.每万人口高价值发明专利拥有量")


def test_reader_is_reached_through_the_format_dispatch() -> None:
    doc = parsers.read(CORPUS_PAGE.read_bytes(), "x.html", "html")
    assert parsers.sniff(CORPUS_PAGE.read_bytes()) == "html"
    assert _texts(doc)[0] == "桂市监函〔20212676"


# --- charset ------------------------------------------------------------------------------------

RARE = "㐀镕堃"  # Extension A and two 人名 characters that GB2312 lacks; GB18030 has them all


def _gb_page(declaration: str) -> bytes:
    page = CORPUS_PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', declaration)
    page = page.replace("桂市监函〔20212676", f"桂市监函〔20212676{RARE}")
    return page.encode("gb18030")


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="gb2312">',
        '<meta http-equiv="Content-Type" content="text/html; charset=GB2312">',
        '<meta http-equiv="Content-Type" content="text/html; charset=gbk">',
    ],
)
def test_gb2312_labelled_page_is_decoded_as_gb18030(declaration: str) -> None:
    data = _gb_page(declaration)
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")  # the page really needs more than it says
    doc = _read(data)
    assert doc.encoding == "gb18030"
    assert _texts(doc)[0] == f"桂市监函〔20212676{RARE}"
    assert doc.meta_hints["headline"] == NOTICE_TITLE
    assert _tables(doc)[0].rows[6][1].text == "高质量创造"
    assert doc.warnings == []


def test_undeclared_gb18030_page_is_detected() -> None:
    doc = _read(_gb_page(""))
    assert doc.encoding == "gb18030" and _texts(doc)[0].endswith(RARE)


def test_bom_wins_over_declaration() -> None:
    doc = _read(b"\xef\xbb\xbf" + _page("<p>知识产权强市</p>", '<meta charset="gb2312">').encode("utf-8"))
    assert doc.encoding == "utf-8-sig" and _texts(doc) == ["知识产权强市"]


def test_utf16_page_with_and_without_bom() -> None:
    page = _page("<p>知识产权强市</p>", '<meta charset="utf-16">')
    assert _texts(_read(b"\xff\xfe" + page.encode("utf-16-le"))) == ["知识产权强市"]
    doc = _read(page.encode("utf-16-le"))
    assert doc.encoding == "utf-16-le" and _texts(doc) == ["知识产权强市"]


def test_utf8_page_labelled_gbk_is_read_as_utf8_with_a_warning() -> None:
    doc = _read(_page("<p>知识产权强市建设</p>", '<meta charset="gbk">').encode("utf-8"))
    assert doc.encoding == "utf-8" and _texts(doc) == ["知识产权强市建设"]
    assert [w.code for w in doc.warnings] == ["charset-mismatch"]


def test_gb18030_page_labelled_utf8_is_read_as_gb18030_with_a_warning() -> None:
    doc = _read(_page(f"<p>知识产权{RARE}</p>").encode("gb18030"))
    assert doc.encoding == "gb18030" and _texts(doc) == [f"知识产权{RARE}"]
    assert [w.code for w in doc.warnings] == ["charset-mismatch"]


def test_a_few_broken_bytes_are_replaced_with_a_warning() -> None:
    good = _page("<p>" + "知识产权保护。" * 300 + "</p>").encode("utf-8")
    doc = _read(good.replace("护".encode(), b"\xff\xfe\xfd", 3))
    assert doc.encoding == "utf-8" and [w.code for w in doc.warnings] == ["invalid-bytes"]
    assert _texts(doc)[0].count("\ufffd") == 9


def test_undecodable_page_is_refused() -> None:
    noise = bytes(range(0x80, 0x100)) * 40
    with pytest.raises(IpplanError) as err:
        _read(b"<html><body><p>" + noise + b"</p></body></html>")
    assert err.value.kind.name == "undecodable-text"


# --- what the page references is neither shown nor fetched ----------------------------------------


def test_scripts_frames_images_give_no_text_and_nothing_is_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    page = """<!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd">
<html><head><meta charset="utf-8"><link rel="stylesheet" href="http://127.0.0.1:9/x.css">
<script src="http://127.0.0.1:9/x.js"></script><script>document.write('脚本文字')</script>
<style>p::after { content: '样式文字' }</style></head><body>
<div id="zoom">
<p>第一段正文。<img src="http://127.0.0.1:9/a.png" alt="图片说明文字"></p>
<iframe src="http://127.0.0.1:9/frame.html">框架备用文字</iframe>
<object data="http://127.0.0.1:9/a.swf">对象备用文字</object><embed src="http://127.0.0.1:9/b.swf">
<noscript>请启用脚本文字</noscript><svg><text>矢量图文字</text></svg>
<form action="http://127.0.0.1:9/"><input value="输入框文字"><button>按钮文字</button>
<select><option>选项文字</option></select></form>
<p style="display:none">隐藏文字</p>
<p>第二段正文&amp;实体&#x4E2D;&lt;完&gt;。</p>
</div></body></html>"""
    doc = _read(page)
    assert _texts(doc) == ["第一段正文。", "第二段正文&实体中<完>。"]


def test_external_entities_are_not_expanded() -> None:
    page = '<!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body><p>正文&e;结束</p></body></html>'
    texts = _texts(_read(page))
    assert len(texts) == 1 and "root" not in texts[0] and texts[0].startswith("正文")


# --- line structure and whitespace ------------------------------------------------------------------


def test_br_splits_a_paragraph_into_printed_lines() -> None:
    doc = _read(_page('<div id="zoom">\n<p>第一行<br>第二行<br/><br>\n第三行</p>\n<p>第四行</p></div>'))
    assert _texts(doc) == ["第一行", "第二行", "第三行", "第四行"]
    assert [b.loc.line for b in doc.blocks] == [2, 2, 3, 4]


def test_divs_headings_and_list_items_are_paragraphs() -> None:
    body = """<div class="TRS_Editor"><h2>一、总体要求</h2><div>（一）指导思想</div>
<div>坚持以人民为中心。<span>加强保护。</span></div><ul><li>第一项</li><li>第二项</li></ul>
<ol start="3"><li>编号项</li></ol><p align="center"><b>居中加粗</b></p></div>"""
    doc = _read(_page(body))
    assert _texts(doc) == [
        "一、总体要求",
        "（一）指导思想",
        "坚持以人民为中心。加强保护。",
        "第一项",
        "第二项",
        "编号项",
        "居中加粗",
    ]
    paras = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert paras[0].bold and not paras[1].bold
    assert paras[5].numbering_label == "3." and paras[3].numbering_label is None
    assert paras[6].centered and paras[6].bold


def test_layout_spaces_are_removed_and_ends_trimmed() -> None:
    body = (
        '<div id="zoom"><p>&nbsp;&nbsp;\u3000\u3000知识 产权\n保护　工作&nbsp;</p>'
        "<p>专栏1 \u2002知识产权快保护工程</p><p>到 2025 年，达到 PCT 申请 500 件</p>"
        "<p>\u3000</p><p>&nbsp;</p><p>（一）\u2002发展\u200b成就</p></div>"
    )
    assert _texts(_read(_page(body))) == [
        "知识产权保护工作",
        "专栏1 知识产权快保护工程",
        "到 2025 年，达到 PCT 申请 500 件",
        "（一）发展成就",
    ]


def test_a_form_wrapping_the_whole_page_is_not_dropped() -> None:
    # ASP.NET sites put every page in one <form>; only small forms (search boxes) are chrome
    body = """<form id="aspnetForm" action="default.aspx"><div class="nav"><a href="/">首页</a></div>
<form action="/search"><input name="q">站内搜索</form>
<div class="article"><p>一、总体要求</p><p>加强知识产权保护，提升知识产权运用水平。</p></div></form>"""
    assert _texts(_read(_page(body))) == ["一、总体要求", "加强知识产权保护，提升知识产权运用水平。"]


# --- tables -------------------------------------------------------------------------------------------


def test_rowspan_colspan_grid() -> None:
    body = """<div id="zoom"><p>表格如下：</p><table>
<tr><th rowspan="2">序号</th><th colspan="2">指标</th><th rowspan="0">属性</th></tr>
<tr><th>名称</th><th>单位</th></tr>
<tr><td>1</td><td>专利<br>数量</td><td><p>万</p><p>件</p></td></tr>
<tr></tr>
<tr><td>2</td></tr></table></div>"""
    (table,) = _tables(_read(_page(body)))
    assert [[c.text for c in row] for row in table.rows] == [
        ["序号", "指标", "指标", "属性"],
        ["序号", "名称", "单位", "属性"],
        ["1", "专利数量", "万件", "属性"],
        ["2", "", "", "属性"],
    ]
    assert [[c.spanned for c in row] for row in table.rows] == [
        [False, False, True, False],
        [True, False, False, True],
        [False, False, False, True],
        [False, False, False, True],
    ]
    assert [(c.loc.row, c.loc.col) for c in table.rows[3]] == [(3, 0), (3, 1), (3, 2), (3, 3)]


def test_one_column_and_nested_tables_are_layout_not_data() -> None:
    body = """<table width="100%"><tr><td><div id="zoom"><p>正文第一段。</p>
<table><tr><td>专栏1 工程</td></tr><tr><td>专栏内容。</td></tr></table>
<table border="1"><tr><td>甲</td><td>乙</td></tr></table></div></td></tr></table>"""
    doc = _read(_page(body))
    assert _texts(doc) == ["正文第一段。", "专栏1 工程", "专栏内容。"]
    (table,) = _tables(doc)
    assert [[c.text for c in r] for r in table.rows] == [["甲", "乙"]]


def test_span_bomb_is_a_limit_error() -> None:
    rows = '<tr><td colspan="1000">x</td><td>y</td></tr>' * 600
    with pytest.raises(IpplanError) as err:
        _read(_page(f'<div id="zoom"><p>正文。</p><table>{rows}</table></div>'))
    assert err.value.kind.name == "limit-exceeded"


def test_an_article_that_is_one_data_table_stays_a_table() -> None:
    rows = "".join(
        f"<tr><td>{i}</td><td>加强知识产权保护第{i}项任务。</td><td>市知识产权局</td></tr>"
        for i in range(1, 30)
    )
    doc = _read(_page(f'<div class="nav"><a href="/">首页</a></div><table border="1">{rows}</table>'))
    (table,) = _tables(doc)
    assert len(table.rows) == 29 and table.rows[28][1].text == "加强知识产权保护第29项任务。"


def test_word_saved_web_page() -> None:
    """Word's "Save as web page" form: GB2312-labelled, mso-list number spans, o:p tags."""
    doc = _read((DATA / "word-saved-web-page.htm").read_bytes())
    paras = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [(p.text, p.centered, p.numbering_label) for p in paras] == [
        ("某县知识产权强县建设工作方案", True, None),
        ("加强知识产权保护。到2025年，专利达到900件。", False, "1."),
    ]
    assert [[c.text for c in r] for r in _tables(doc)[0].rows] == [
        ["序号", "指标"],
        ["1", "有效发明专利（件）"],
    ]


def test_line_numbers_past_libxml2_range_are_left_unset() -> None:
    doc = _read(_page('<div id="zoom"><p>前面。</p>' + "\n" * 70_000 + "<p>后面。</p></div>"))
    assert [b.loc.line for b in doc.blocks] == [1, None]


# --- metadata -----------------------------------------------------------------------------------------


def test_metadata_table_feeds_meta_hints_not_the_body() -> None:
    doc = _read(META_PAGE.read_bytes())
    assert doc.meta_hints == {
        "index_number": "11450200MB0000000X/2022-00031",
        "issuer": "某市知识产权局",
        "issue_date": "2022年03月15日",
        "title": "某市知识产权局关于印发《某市知识产权强市建设工作方案（2022-2025年）》的通知",
        "doc_number": "某知发〔2022〕5号",
        "publish_date": "2022年03月18日",
        "headline": "某市知识产权局关于印发《某市知识产权强市建设工作方案（2022-2025年）》的通知",
    }
    texts = _texts(doc)
    for label in (
        "索引号",
        "主题分类",
        "发文机关",
        "成文日期",
        "发布日期",
        "相关文章",
        "某市召开",
        "版权所有",
        "首页",
    ):
        assert not any(label in t for t in texts), label
    # the body does not print the notice title, so the page headline stands in front of it
    assert texts[:3] == [doc.meta_hints["title"], "某知发〔2022〕5号", "各县（区）人民政府，市直各有关单位："]
    assert "1.加快知识产权保护体系建设。完善行政执法与司法衔接机制。" in texts
    assert "责任单位：市知识产权局、市公安局" in texts
    (table,) = _tables(doc)
    assert [[c.text for c in r] for r in table.rows] == [
        ["序号", "指标", "2021年", "2025年"],
        ["1", "每万人口高价值发明专利拥有量（件）", "3.2", "6"],
        ["2", "知识产权质押融资额（亿元）", "", "10", "10"],
    ]


def test_metadata_list_inside_the_article_is_read_and_removed() -> None:
    body = """<div class="content"><h1>关于印发知识产权工作方案的通知</h1>
<ul class="info"><li><span>索 引 号：</span>000014349/2023-00012</li>
<li><span>发文字号：</span>鹿政办发〔2023〕4号</li>
<li><span>成文日期：</span>2023-02-10</li><li><label>有效性：</label>有效</li></ul>
<p class="time">发布时间：2023-02-15 09:30 来源：县政府办</p>
<div class="TRS_Editor"><p>各乡镇人民政府：</p><p>现将方案印发给你们，请认真贯彻执行。</p></div></div>"""
    doc = _read(_page(body))
    assert doc.meta_hints == {
        "index_number": "000014349/2023-00012",
        "doc_number": "鹿政办发〔2023〕4号",
        "issue_date": "2023-02-10",
        "publish_date": "2023-02-15 09:30",
        "source": "县政府办",
        "headline": "关于印发知识产权工作方案的通知",
    }
    assert _texts(doc) == [
        "关于印发知识产权工作方案的通知",
        "各乡镇人民政府：",
        "现将方案印发给你们，请认真贯彻执行。",
    ]


def test_metadata_pairs_run_together_in_one_line() -> None:
    body = (
        '<div class="info">索引号：000014349/2022-00031主题分类：知识产权 发文字号：柳高新〔2022〕2号</div>'
        '<div id="zoom"><p>各有关单位：</p><p>现将方案印发给你们。</p></div>'
    )
    doc = _read(_page(body))
    assert doc.meta_hints == {"index_number": "000014349/2022-00031", "doc_number": "柳高新〔2022〕2号"}
    assert _texts(doc) == ["各有关单位：", "现将方案印发给你们。"]


def test_metadata_value_ends_at_its_cell() -> None:
    body = """<table class="xxgk"><tr><td>发文机关</td><td>鹿寨县人民政府办公室</td><td>【打印】</td></tr>
<tr><td>成文日期</td><td>2023年2月10日</td><td></td></tr><tr><td>发文字号</td><td>鹿政办发<span>〔2023〕</span>4号</td>
<td>【关闭】</td></tr></table><div id="zoom"><p>各乡镇人民政府：</p></div>"""
    assert _read(_page(body)).meta_hints == {
        "issuer": "鹿寨县人民政府办公室",
        "issue_date": "2023年2月10日",
        "doc_number": "鹿政办发〔2023〕4号",
    }


def test_labels_spaced_out_with_empty_elements() -> None:
    # gov.cn sets 索 引 号 and 标 题 apart with empty <i> spacers
    body = """<table class="border-table noneBorder pages_content"><tbody>
<tr><td><b>索<i class="m_1em"></i>引<i class="m_1em"></i>号：</b></td><td>000014349/2023-00045</td>
<td><b>主题分类：</b></td><td>科技、教育\\科技</td></tr>
<tr><td><b>发文机关：</b></td><td>国务院办公厅</td><td><b>成文日期：</b></td><td>2023年05月23日</td></tr>
<tr><td><b>标<i class="m_2em"></i>题：</b></td><td colspan="3">国务院办公厅关于印发某方案的通知</td></tr>
</tbody></table><div id="UCAP-CONTENT"><p>各省人民政府：</p><p>现将方案印发给你们。</p></div>"""
    doc = _read(_page(body))
    assert doc.meta_hints == {
        "index_number": "000014349/2023-00045",
        "issuer": "国务院办公厅",
        "issue_date": "2023年05月23日",
        "title": "国务院办公厅关于印发某方案的通知",
    }
    assert _texts(doc) == ["各省人民政府：", "现将方案印发给你们。"]


def test_a_dropped_source_line_still_gives_its_date() -> None:
    body = '<div id="zoom"><p>发布时间：2023-05-06</p><p>某方案</p><p>为加快建设，制定本方案。</p></div>'
    doc = _read(_page(body))
    assert _texts(doc) == ["某方案", "为加快建设，制定本方案。"]
    assert doc.meta_hints == {"publish_date": "2023-05-06"}


def test_a_data_table_with_label_like_headers_stays_in_the_body() -> None:
    body = """<div id="zoom"><p>相关文件清单如下。</p><table border="1">
<tr><td>名称</td><td>来源</td></tr><tr><td>甲方案</td><td>市政府</td></tr></table></div>"""
    doc = _read(_page(body))
    assert doc.meta_hints == {}
    assert [[c.text for c in r] for r in _tables(doc)[0].rows] == [["名称", "来源"], ["甲方案", "市政府"]]


def test_body_text_with_a_responsibility_line_is_not_metadata() -> None:
    body = '<div id="zoom"><p>1.加强保护。责任单位：市知识产权局</p><p>发文字号：正文中的说明。</p></div>'
    doc = _read(_page(body))
    assert doc.meta_hints == {}
    assert _texts(doc) == ["1.加强保护。责任单位：市知识产权局", "发文字号：正文中的说明。"]


# --- robustness ---------------------------------------------------------------------------------------


def test_pathological_nesting_does_not_recurse() -> None:
    deep = "<div>" * 100_000 + "<p>深层正文。</p>" + "</div>" * 100_000
    doc = _read(_page(deep))
    assert isinstance(doc, Document)
    spans = "<span>" * 50_000 + "行内正文。" + "</span>" * 50_000
    assert isinstance(_read(_page(f"<p>{spans}</p>")), Document)


def test_page_without_text_gives_no_blocks() -> None:
    doc = _read("<html><head><title>空</title></head><body><script>x()</script></body></html>")
    assert doc.blocks == [] and [w.code for w in doc.warnings] == ["no-text"]
    assert _read(b"<!-- nothing -->").blocks == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_arbitrary_bytes_give_a_document_or_an_ipplan_error(noise: bytes) -> None:
    for data in (noise, b"<html><body><table><tr><td>" + noise):
        try:
            doc = html.read(data, "fuzz.html")
        except IpplanError:
            continue
        assert isinstance(doc, Document)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<br>",
                "<table>",
                "</table>",
                "<tr>",
                "<td rowspan=3>",
                "<td colspan=0>",
                "</td>",
                "<th colspan=x>",
                "<div id=zoom>",
                "</div>",
                "<b>",
                "<a href=#>",
                "</a>",
                "索引号：",
                "发文字号：",
                "正文。",
                "知识产权",
                "&nbsp;",
                "\u3000",
                "<pre>",
                "</pre>",
                "<ol>",
                "<li>",
                "<caption>",
            ]
        ),
        max_size=60,
    )
)
def test_arbitrary_markup_gives_a_document(parts: list[str]) -> None:
    doc = _read("".join(parts))
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            assert block.text and block.text == block.text.strip()
