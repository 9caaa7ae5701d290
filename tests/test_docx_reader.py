"""The Word reader: real corpus documents, synthetic edge cases, hostile packages, speed."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import docx as python_docx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipplan import limits, parsers
from ipplan.blocks import Document, Paragraph, Table
from ipplan.errors import IpplanError
from ipplan.parsers import docx, ooxml

DATA = Path(__file__).parent / "data" / "docx"
STEMS = (
    "boshan-district-2022",
    "chongqing-district-2023",
    "guangxi-14th-fyp-2021",
    "liuzhou-hitech-park-2022",
    "luzhai-county-2023",
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九十", start=0)}


def read_corpus(stem: str) -> Document:
    path = DATA / f"{stem}.docx"
    return docx.read(path.read_bytes(), str(path))


def paragraphs(document: Document) -> list[Paragraph]:
    return [b for b in document.blocks if isinstance(b, Paragraph)]


def tables(document: Document) -> list[Table]:
    return [b for b in document.blocks if isinstance(b, Table)]


def numbered(document: Document) -> list[tuple[str, str]]:
    return [(p.numbering_label, p.text) for p in paragraphs(document) if p.numbering_label]


def expected(stem: str) -> dict:
    return yaml.safe_load((DATA / f"{stem}.expected.yaml").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------------------------------------
# the corpus
# ---------------------------------------------------------------------------------------------


def test_luzhai_headings_get_the_labels_word_draws() -> None:
    document = read_corpus("luzhai-county-2023")
    assert numbered(document) == [
        ("一、", "指导思想"),
        ("二、", "工作目标"),
        ("（一）", "总体目标"),
        ("（一）", "完善知识产权顶层设计，优化创新统筹机制"),
        ("（五）", "高层次壮大知识产权人才队伍，夯实工业创新保障"),
        ("四、", "保障措施"),
        ("（二）", "落实资金保障"),
        ("（三）", "严格督查考核"),
    ]


def test_luzhai_level_one_sections_match_the_annotation() -> None:
    document = read_corpus("luzhai-county-2023")
    level_one = re.compile(r"^([一二三四五六七八九十]+)、")
    sections = []
    for p in paragraphs(document):
        label_and_text = (p.numbering_label or "") + p.text
        if match := level_one.match(label_and_text):
            sections.append({"n": CN_DIGITS[match.group(1)], "title": label_and_text[match.end() :]})
    assert sections == expected("luzhai-county-2023")["sections"]


def test_luzhai_text_export_lost_the_labels_the_docx_has() -> None:
    txt = (DATA / "luzhai-county-2023.txt").read_text(encoding="utf-8")
    assert "一、指导思想" not in squash(txt)
    first = paragraphs(read_corpus("luzhai-county-2023"))[8]
    assert (first.numbering_label, first.text, first.loc.paragraph) == ("一、", "指导思想", 8)


def test_boshan_headings_all_automatic() -> None:
    pairs = numbered(read_corpus("boshan-district-2022"))
    assert [p for p in pairs if p[0].endswith("、")] == [
        ("一、", "指导思想"),
        ("二、", "工作目标"),
        ("三、", "工作措施"),
        ("四、", "保障措施"),
    ]
    start = pairs.index(("三、", "工作措施"))
    assert pairs[start + 1] == ("（一）", "实施知识产权管理能力提升工程")
    assert pairs[start + 2][0] == "1."
    assert pairs[start + 2][1].startswith("提升知识产权管理综合效能。")
    assert pairs[-1][0] == "（三）"
    assert pairs[-1][1].startswith("强化督导落实。")


def test_boshan_task_outline_matches_the_annotation() -> None:
    """Numbering labels alone reproduce the annotated [section, subsection, item] of every task."""
    found = []
    section = subsection = 0
    for label, text in numbered(read_corpus("boshan-district-2022")):
        if match := re.fullmatch(r"([一二三四五六七八九十]+)、", label):
            section, subsection = CN_DIGITS[match.group(1)], 0
        elif match := re.fullmatch(r"（([一二三四五六七八九十]+)）", label):
            subsection = CN_DIGITS[match.group(1)]
        elif match := re.fullmatch(r"(\d+)\.", label):
            found.append({"path": [section, subsection, int(match.group(1))], "title": text.split("。")[0]})
    wanted = [{"path": t["path"], "title": t["title"]} for t in expected("boshan-district-2022")["tasks"]]
    assert found == wanted


def test_liuzhou_indicator_table_is_a_rectangular_logical_grid() -> None:
    document = read_corpus("liuzhou-hitech-park-2022")
    [table] = tables(document)
    assert table.loc.table == 0
    assert len(table.rows) == 33
    assert {len(row) for row in table.rows} == {5}
    assert [c.text for c in table.rows[0]] == [
        "主要任务序号",
        "指标内容",
        "2021年基础值",
        "2025年目标值",
        "责任部门",
    ]
    # 序号 1 spans two rows: filled down, the copy marked
    assert [(c.text, c.spanned) for c in (table.rows[1][0], table.rows[2][0])] == [("1", False), ("1", True)]
    assert table.rows[2][1].text == "非正常专利申请主动撤回率（%）"
    row = table.rows[19]
    assert [c.text for c in row[:4]] == ["10", "专利质押融资金额（万元）/笔", "2868/2", "6000/10"]
    assert [c.spanned for c in table.rows[21][:2]] == [True, False]
    assert table.rows[21][1].text == "其他知识产权质押融资金额（万元）/件"
    assert table.rows[21][3].text == "以实际业务开展为准"
    # the 注 rows: 注 merged down, the note merged across four columns
    note = table.rows[31]
    assert note[0].text == "注" and note[0].spanned
    assert note[1].text.startswith("2. 2021年指标值标记“—”") and not note[1].spanned
    assert all(c.text == note[1].text and c.spanned for c in note[2:])
    for r, cells in enumerate(table.rows):
        for c, cell in enumerate(cells):
            assert (cell.loc.table, cell.loc.row, cell.loc.col) == (0, r, c)


@pytest.mark.parametrize("stem", ["liuzhou-hitech-park-2022", "luzhai-county-2023"])
def test_indicator_rows_carry_the_annotated_cell_values(stem: str) -> None:
    [table] = tables(read_corpus(stem))
    rows = [[c.text for c in row] for row in table.rows[1:]]
    for indicator in expected(stem)["indicators"]:
        matches = [r for r in rows if r[1] == indicator["name"] or r[1].startswith(indicator["name"] + "（")]
        assert matches, indicator["name"]
        seq, _name, baseline, target, _departments = matches[0]
        assert (seq, baseline, target) == (indicator["seq"], indicator["baseline"], indicator["target"])


@pytest.mark.parametrize(
    ("stem", "index", "title"),
    [
        (
            "liuzhou-hitech-park-2022",
            8,
            "柳州高新技术产业开发区国家级知识产权强国建设试点园区建设工作方案（2022-2025年）",
        ),
        ("luzhai-county-2023", 6, "鹿寨县知识产权强县建设工作方案（2022-2025年）"),
        (
            "guangxi-14th-fyp-2021",
            1,
            "广西知识产权战略实施工作厅际联席会议办公室关于印发《广西壮族自治区知识产权保护和运用十四五规划》的通知",
        ),
        ("boshan-district-2022", 2, "关于印发博山区国家知识产权强区试点区建设工作方案(2022—2025年)的通知"),
    ],
)
def test_titles_broken_with_w_br_come_out_as_one_line(stem: str, index: int, title: str) -> None:
    [paragraph] = [p for p in paragraphs(read_corpus(stem)) if p.loc.paragraph == index]
    assert paragraph.text == title
    assert paragraph.centered


def test_centred_letterhead_and_uncentred_body() -> None:
    ps = paragraphs(read_corpus("luzhai-county-2023"))
    assert [p.centered for p in ps[:3]] == [True, True, True]
    assert not any(p.centered for p in ps[7:])


@pytest.mark.parametrize("stem", [s for s in STEMS if s != "guangxi-14th-fyp-2021"])
def test_every_text_is_in_the_text_export(stem: str) -> None:
    """The .txt exports hold the same texts (guangxi's, a scrape that lost characters, is left out)."""
    raw = (DATA / f"{stem}.txt").read_bytes()
    txt = squash(raw.decode("gb18030") if stem.startswith("boshan") else raw.decode("utf-8"))
    document = read_corpus(stem)
    for block in document.blocks:
        texts = [block.text] if isinstance(block, Paragraph) else [c.text for r in block.rows for c in r]
        for text in texts:
            assert squash(text) in txt, text


@pytest.mark.parametrize("stem", STEMS)
def test_agrees_with_python_docx(stem: str) -> None:
    path = DATA / f"{stem}.docx"
    reference = python_docx.Document(str(path))
    document = read_corpus(stem)
    want = {i: p.text.replace("\n", "").strip() for i, p in enumerate(reference.paragraphs)}
    got = {p.loc.paragraph: p.text for p in paragraphs(document)}
    assert got == {i: t for i, t in want.items() if t}
    for ours, theirs in zip(tables(document), reference.tables, strict=True):
        assert [[c.text for c in row] for row in ours.rows] == [
            [c.text.replace("\n", "").strip() for c in row.cells] for row in theirs.rows
        ]


def test_read_through_the_reader_registry() -> None:
    data = (DATA / "boshan-district-2022.docx").read_bytes()
    assert parsers.sniff(data) == "docx"
    document = parsers.read(data, "plan.docx", "docx")
    assert document.format == "docx"
    assert document.warnings == []
    assert paragraphs(document)[0].text == "博政发〔2022〕8号"


# ---------------------------------------------------------------------------------------------
# synthetic documents
# ---------------------------------------------------------------------------------------------

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def rels(*targets: tuple[str, str]) -> str:
    items = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(targets, 1)
    )
    return f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'


def make_docx(
    body: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    ns: str = W_NS,
    document: str | None = None,
    parts: dict[str, bytes | str] | None = None,
) -> bytes:
    """A minimal .docx whose body is ``body`` (WordprocessingML with the w: prefix)."""
    word_rels = []
    files: dict[str, bytes | str] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": rels(("officeDocument", "word/document.xml")),
        "word/document.xml": document
        or (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{ns}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            f"<w:body>{body}</w:body></w:document>"
        ),
    }
    if styles is not None:
        files["word/styles.xml"] = f'<w:styles xmlns:w="{ns}">{styles}</w:styles>'
        word_rels.append(("styles", "styles.xml"))
    if numbering is not None:
        files["word/numbering.xml"] = f'<w:numbering xmlns:w="{ns}">{numbering}</w:numbering>'
        word_rels.append(("numbering", "/word/numbering.xml"))
    files["word/_rels/document.xml.rels"] = rels(*word_rels)
    files.update(parts or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def read_synthetic(body: str, **kwargs) -> Document:
    return docx.read(make_docx(body, **kwargs), "test.docx")


def p(text: str = "", ppr: str = "", rpr: str = "") -> str:
    run = (
        f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'
        if text
        else ""
    )
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{run}</w:p>"


def num_pr(num_id: int, ilvl: int | None = 0) -> str:
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return f'<w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>'


OUTLINE_NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
    '<w:pStyle w:val="Heading2"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


def texts(document: Document) -> list[str]:
    return [b.text for b in paragraphs(document)]


def test_visible_text_only() -> None:
    body = (
        "<w:p>"
        "<w:r><w:t>保留</w:t></w:r>"
        "<w:del><w:r><w:delText>删除的</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>插入的</w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示的</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
        '<w:fldSimple w:instr="DATE"><w:r><w:t>日期</w:t></w:r></w:fldSimple>'
        "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>"
        "<w:r><w:ruby><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase>"
        "</w:ruby></w:r>"
        "</w:p>"
    )
    assert texts(read_synthetic(body)) == ["保留插入的显示的3链接日期注"]


@pytest.mark.parametrize(
    ("runs", "text"),
    [
        ("<w:r><w:t>工作方案</w:t><w:br/><w:t>（2022-2025年）</w:t></w:r>", "工作方案（2022-2025年）"),
        ("<w:r><w:t>第一行</w:t><w:cr/><w:t>2023</w:t></w:r>", "第一行2023"),
        ("<w:r><w:t>Work</w:t><w:br/><w:t>plan</w:t></w:r>", "Work plan"),
        ('<w:r><w:t xml:space="preserve">Work </w:t><w:br/><w:t>plan</w:t></w:r>', "Work plan"),
        ("<w:r><w:t>2023年2月22日</w:t><w:tab/><w:t>县政府</w:t></w:r>", "2023年2月22日 县政府"),
        ("<w:r><w:tab/><w:t>缩进</w:t><w:tab/></w:r>", "缩进"),
        ("<w:r><w:t>a</w:t><w:tab/><w:tab/><w:t>b</w:t></w:r>", "a b"),
        ("<w:r><w:t>　　全角空格缩进 </w:t></w:r>", "全角空格缩进"),
        ("<w:r><w:t>non</w:t><w:noBreakHyphen/><w:t>breaking</w:t></w:r>", "non-breaking"),
    ],
)
def test_breaks_tabs_and_surrounding_space(runs: str, text: str) -> None:
    assert texts(read_synthetic(f"<w:p>{runs}</w:p>")) == [text]


def test_content_controls_and_empty_paragraphs_and_locations() -> None:
    body = (
        p("一")
        + p()
        + "<w:sdt><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent>"
        + p("二")
        + "</w:sdtContent></w:sdt>"
        + "<w:tbl><w:tr><w:tc>"
        + p("格")
        + "</w:tc></w:tr></w:tbl>"
        + p("三")
        + "<w:tbl/>"
        + "<w:tbl><w:tr><w:tc>"
        + p("格二")
        + "</w:tc></w:tr></w:tbl>"
    )
    document = read_synthetic(body)
    assert [(b.text, b.loc.paragraph) for b in paragraphs(document)] == [("一", 0), ("二", 2), ("三", 3)]
    assert [t.loc.table for t in tables(document)] == [0, 2]
    assert tables(document)[1].rows[0][0].loc.table == 2


def test_numbering_from_styles_through_based_on() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Base"><w:pPr>'
        + num_pr(1, 0)
        + '<w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Base"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
        "</w:pPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>'
    )
    body = (
        p("指导思想", '<w:pStyle w:val="Heading1"/>')
        + p("总体目标", '<w:pStyle w:val="Heading2"/>')  # level from the lvl linked to the style
        + p("不编号", '<w:pStyle w:val="Heading1"/>' + num_pr(0))  # numId 0 switches the style's list off
        + p("具体目标", '<w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="2"/></w:numPr>')
        + p("工作目标", '<w:pStyle w:val="Heading1"/><w:jc w:val="left"/>')
        + p("循环样式", '<w:pStyle w:val="Loop1"/>')
    )
    document = read_synthetic(body, styles=styles, numbering=OUTLINE_NUMBERING)
    got = [(b.numbering_label, b.text, b.centered, b.bold) for b in paragraphs(document)]
    assert got == [
        ("一、", "指导思想", True, True),
        ("（一）", "总体目标", False, False),
        (None, "不编号", True, True),
        ("1.", "具体目标", False, False),
        ("二、", "工作目标", False, True),
        (None, "循环样式", False, False),
    ]


def test_bold_needs_every_run_bold() -> None:
    styles = (
        '<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:jc w:val="center"/></w:pPr>'
        "</w:style>"
    )
    body = (
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>全部</w:t></w:r><w:r><w:rPr><w:rStyle w:val='Strong'/></w:rPr>"
        "<w:t>加粗</w:t></w:r><w:r><w:t> </w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>部分</w:t></w:r><w:r><w:t>加粗</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:b w:val='false'/></w:rPr><w:t>不加粗</w:t></w:r></w:p>"
    )
    got = [(b.text, b.bold, b.centered) for b in paragraphs(read_synthetic(body, styles=styles))]
    assert got == [("全部加粗", True, True), ("部分加粗", False, True), ("不加粗", False, True)]


def test_empty_numbered_paragraphs_and_table_cells_count() -> None:
    body = (
        p("甲", num_pr(1, 2))
        + p("", num_pr(1, 2))  # empty, skipped, but Word still counts it
        + "<w:tbl><w:tr><w:tc>"
        + p("表内", num_pr(1, 2))
        + "</w:tc></w:tr></w:tbl>"
        + p("乙", num_pr(1, 2))
    )
    document = read_synthetic(body, numbering=OUTLINE_NUMBERING)
    assert [(b.numbering_label, b.text) for b in paragraphs(document)] == [("1.", "甲"), ("4.", "乙")]
    assert tables(document)[0].rows[0][0].text == "3.表内"


def test_undefined_list_is_reported_once() -> None:
    document = read_synthetic(p("一", num_pr(7)) + p("二", num_pr(7)), numbering=OUTLINE_NUMBERING)
    assert [b.numbering_label for b in paragraphs(document)] == [None, None]
    assert [w.code for w in document.warnings] == ["docx-numbering-undefined"]


def tc(text: str, props: str = "", *more: str) -> str:
    return (
        f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{p(text)}{''.join(p(m) for m in more)}</w:tc>"
    )


def test_merged_cells_make_a_rectangular_grid() -> None:
    body = (
        "<w:tbl><w:tblGrid>" + '<w:gridCol w:w="1"/>' * 4 + "</w:tblGrid>"
        "<w:tr>" + tc("序号") + tc("指标", '<w:gridSpan w:val="2"/>') + tc("部门") + "</w:tr>"
        "<w:tr>"
        + tc("1", '<w:vMerge w:val="restart"/>')
        + tc("甲")
        + tc("件")
        + tc("局", "", "、办")
        + "</w:tr>"
        "<w:tr>" + tc("", "<w:vMerge/>") + tc("乙") + tc("个") + tc("局") + "</w:tr>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc("注", '<w:gridSpan w:val="3"/>') + "</w:tr>"
        "<w:tr>" + tc("左") + "</w:tr>"
        "</w:tbl>"
    )
    [table] = tables(read_synthetic(body))
    assert [[(c.text, c.spanned) for c in row] for row in table.rows] == [
        [("序号", False), ("指标", False), ("指标", True), ("部门", False)],
        [("1", False), ("甲", False), ("件", False), ("局、办", False)],
        [("1", True), ("乙", False), ("个", False), ("局", False)],
        [("", False), ("注", False), ("注", True), ("注", True)],
        [("左", False), ("", False), ("", False), ("", False)],
    ]


def test_nested_tables_and_legacy_horizontal_merge() -> None:
    nested = "<w:tbl><w:tr>" + tc("内一") + tc("内二") + "</w:tr><w:tr>" + tc("内三") + "</w:tr></w:tbl>"
    body = (
        "<w:tbl><w:tr><w:tc>"
        + p("外")
        + nested
        + "</w:tc>"
        + tc("合", '<w:hMerge w:val="restart"/>')
        + tc("", "<w:hMerge/>")
        + "</w:tr></w:tbl>"
    )
    [table] = tables(read_synthetic(body))
    assert [(c.text, c.spanned) for c in table.rows[0]] == [
        ("外内一内二内三", False),
        ("合", False),
        ("合", True),
    ]


def test_absurd_grid_span_is_clamped() -> None:
    body = "<w:tbl><w:tr>" + tc("宽", '<w:gridSpan w:val="999999999"/>') + "</w:tr></w:tbl>"
    [table] = tables(read_synthetic(body))
    assert len(table.rows[0]) == 64


def test_strict_namespace_documents() -> None:
    numbering = OUTLINE_NUMBERING
    document = read_synthetic(p("指导思想", num_pr(1, 0)), ns=W_STRICT_NS, numbering=numbering)
    assert [(b.numbering_label, b.text) for b in paragraphs(document)] == [("一、", "指导思想")]


# ---------------------------------------------------------------------------------------------
# hostile and broken packages
# ---------------------------------------------------------------------------------------------


def error_name(data: bytes) -> str:
    with pytest.raises(IpplanError) as caught:
        docx.read(data, "bad.docx")
    return caught.value.kind.name


def test_declared_inflation_ratio_is_a_zip_bomb() -> None:
    # 4 MB of one repeated paragraph compresses far beyond 200:1
    body = p("炸弹") * 200_000
    data = make_docx(body)
    assert len(data) < 100_000
    assert error_name(data) == "limit-exceeded"


def test_declared_part_size_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_MEMBER_BYTES", 2_000)
    assert error_name(make_docx(p("字") * 100)) == "limit-exceeded"


def test_declared_total_size_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_TOTAL_BYTES", 5_000)
    assert error_name(make_docx(p("正文"), parts={"word/media/big.bin": b"\0" * 10_000})) == "limit-exceeded"


def test_part_whose_header_understates_its_size_is_stopped() -> None:
    data = bytearray(make_docx(p("谎报") * 100_000))
    name = b"word/document.xml"
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    local = struct.unpack_from("<I", data, central + 42)[0]
    struct.pack_into("<I", data, central + 24, 100)  # uncompressed size in the central directory
    struct.pack_into("<I", data, local + 22, 100)  # and in the local header
    assert error_name(bytes(data)) == "corrupt-file"


def test_bounded_read_stops_an_endless_stream() -> None:
    class Endless:
        def read(self, size: int) -> bytes:
            return b"x" * size

    with pytest.raises(IpplanError) as caught:
        ooxml.read_bounded(Endless(), 1_000_000, "word/document.xml")
    assert caught.value.kind.name == "limit-exceeded"
    assert ooxml.read_bounded(io.BytesIO(b"abc" * 10), 30, "part") == b"abc" * 10


def test_too_many_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_MEMBERS", 4)
    assert error_name(make_docx(p("多"), parts={f"x/{i}.xml": "<a/>" for i in range(5)})) == "limit-exceeded"


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + f']><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
)


@pytest.mark.parametrize(
    "document",
    [
        BILLION_LAUGHS,
        EXTERNAL_ENTITY,
        EXTERNAL_ENTITY.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode(
            "utf-16"
        ),
        '<!DOCTYPE w:document SYSTEM "http://example.com/evil.dtd">'
        f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>',
    ],
    ids=["billion-laughs", "external-entity", "utf-16-doctype", "external-dtd"],
)
def test_dtds_and_entities_are_refused(document: str | bytes) -> None:
    assert error_name(make_docx("", document=document)) == "unsafe-content"  # type: ignore[arg-type]


def test_dtd_in_any_part_is_refused() -> None:
    styles_with_dtd = f'<!DOCTYPE s [<!ENTITY e "x">]><w:styles xmlns:w="{W_NS}"/>'
    data = make_docx(p("正文"), styles="", parts={"word/styles.xml": styles_with_dtd})
    assert error_name(data) == "unsafe-content"


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
def test_truncated_docx_is_corrupt(fraction: float) -> None:
    data = (DATA / "luzhai-county-2023.docx").read_bytes()
    assert error_name(data[: int(len(data) * fraction)]) == "corrupt-file"


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04" + b"\0" * 100,
        b"not a zip at all",
        b"",
    ],
    ids=["zip-signature-garbage", "text", "empty"],
)
def test_not_a_zip_is_corrupt(data: bytes) -> None:
    assert error_name(data) == "corrupt-file"


def test_missing_main_document_is_corrupt() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/styles.xml", f'<w:styles xmlns:w="{W_NS}"/>')
    assert error_name(buffer.getvalue()) == "corrupt-file"


@pytest.mark.parametrize(
    "document",
    [
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p></w:body></w:document>',
        "<html><body><p>not word</p></body></html>",
        f'<w:document xmlns:w="{W_NS}"/>',
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&undefined;</w:t></w:r></w:p></w:body>'
        "</w:document>",
    ],
    ids=["malformed", "not-wordprocessingml", "no-body", "undefined-entity"],
)
def test_broken_document_xml_is_corrupt(document: str) -> None:
    assert error_name(make_docx("", document=document)) == "corrupt-file"


def test_deep_nesting_is_a_limit_not_a_crash() -> None:
    nested = "<w:tbl><w:tr><w:tc>" * 100 + p("深") + "</w:tc></w:tr></w:tbl>" * 100
    assert error_name(make_docx(nested)) == "limit-exceeded"


def test_zip_encrypted_and_exotic_compression_parts_are_refused() -> None:
    data = bytearray(make_docx(p("正文")))
    at = data.find(b"PK\x01\x02")
    while data[at + 46 : at + 46 + 17] != b"word/document.xml":
        at = data.find(b"PK\x01\x02", at + 4)
    encrypted = bytearray(data)
    struct.pack_into("<H", encrypted, at + 8, struct.unpack_from("<H", data, at + 8)[0] | 0x1)
    assert error_name(bytes(encrypted)) == "corrupt-file"
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            method = zipfile.ZIP_BZIP2 if info.filename == "word/document.xml" else zipfile.ZIP_DEFLATED
            target.writestr(info.filename, source.read(info), compress_type=method)
    assert error_name(buffer.getvalue()) == "corrupt-file"


SMALL_DOCX = make_docx(
    p("一", num_pr(1, 0)) + "<w:tbl><w:tr>" + tc("格", '<w:vMerge w:val="restart"/>') + "</w:tr></w:tbl>",
    numbering=OUTLINE_NUMBERING,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SMALL_DOCX) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_bytes_never_raise_anything_but_ipplan_errors(edits: list[tuple[int, int]]) -> None:
    data = bytearray(SMALL_DOCX)
    for position, value in edits:
        data[position] = value
    try:
        document = docx.read(bytes(data), "fuzz.docx")
    except IpplanError:
        return
    assert document.format == "docx"


FUZZ_BODY = (
    p("一", num_pr(1, 0))
    + '<w:p><w:pPr><w:pStyle w:val="H"/></w:pPr><w:r><w:t>二</w:t><w:br/></w:r></w:p>'
    + "<w:tbl><w:tr>"
    + tc("格", '<w:vMerge w:val="restart"/><w:gridSpan w:val="2"/>')
    + "</w:tr><w:tr>"
    + tc("", "<w:vMerge/>")
    + "</w:tr></w:tbl>"
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(FUZZ_BODY) - 1), st.sampled_from(["<", ">", "/", '"', "&", "0", "9", "-", ""])
        ),
        min_size=1,
        max_size=6,
    )
)
def test_damaged_xml_never_raises_anything_but_ipplan_errors(edits: list[tuple[int, str]]) -> None:
    body = list(FUZZ_BODY)
    for position, char in edits:
        body[position] = char
    try:
        document = docx.read(make_docx("".join(body), numbering=OUTLINE_NUMBERING), "fuzz.docx")
    except IpplanError:
        return
    for block in document.blocks:
        if isinstance(block, Table):
            assert len({len(row) for row in block.rows}) == 1
