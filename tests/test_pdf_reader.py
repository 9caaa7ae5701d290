"""The PDF reader: corpus PDFs (LibreOffice exports, tables split across pages) and small PDFs
generated here to show one feature each (page numbers, fake bold, encryption, scans)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_pdf
from ipplan import limits
from ipplan.blocks import Document, Paragraph, Table
from ipplan.errors import IpplanError
from ipplan.parsers import pdf
from ipplan.parsers.pdf.chars import Char, dedupe_chars
from ipplan.parsers.pdf.layout import is_page_number
from ipplan.parsers.pdf.lines import row_text

DATA = Path(__file__).parent / "data" / "pdf"
_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,3}\s?[、.．](?!\d))"
)


# --- helpers ------------------------------------------------------------------------------------


def _read_corpus(stem: str) -> Document:
    return pdf.read((DATA / f"{stem}.pdf").read_bytes(), f"{stem}.pdf")


_CACHE: dict[str, Document] = {}


def corpus(stem: str) -> Document:
    """A corpus PDF read once per test session."""
    if stem not in _CACHE:
        _CACHE[stem] = _read_corpus(stem)
    return _CACHE[stem]


def paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def texts(row) -> list[str]:
    return [c.text for c in row]


def norm(text: str) -> str:
    """Text compared across formats: no whitespace, no leading numbering label (the .txt exports
    lose Word's automatic numbering), no Word bookmark residue."""
    text = re.sub(r"\[bookmark:[^\]]*\]", "", text)
    return _LABEL.sub("", re.sub(r"\s+", "", text))


def txt_lines(stem: str, encoding: str = "utf-8") -> list[str]:
    """The .txt export's lines outside tables (table cells are exported tab-indented)."""
    raw = (DATA / f"{stem}.txt").read_text(encoding=encoding)
    return [line for line in raw.splitlines() if line.strip() and not line.startswith("\t")]


def make_pdf(
    pages: list[list[tuple]],
    *,
    rules: list[list[tuple]] | None = None,
    size=(595.3, 841.9),
    unicode: bool = True,
) -> bytes:
    """A minimal PDF: ``pages`` lists (x, top, font size, text[, rotated]) runs per page, set in
    the standard CJK font STSong-Light (every glyph one em wide); ``rules`` lists (x0, top, x1,
    bottom) rectangles to stroke per page (table rulings). ``unicode=False`` sets the text in a
    font that maps no glyph to a character (Identity encoding, no ToUnicode)."""
    width, height = size
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /%s "
        b"/DescendantFonts [ << /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (%s) /Supplement 2 >> "
        b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 "
        b"/StemV 93 >> /DW 1000 >> ] >>"
        % ((b"UniGB-UCS2-H", b"GB1") if unicode else (b"Identity-H", b"Identity"))
    )
    pages_id = len(objs) + 2 * len(pages) + 1
    kids = []
    for n, runs in enumerate(pages):
        ops = []
        for x, top, fs, text, *rotated in runs:
            y = height - top - fs * 0.88
            place = f"0 1 -1 0 {x} {y:.2f} Tm" if rotated and rotated[0] else f"{x} {y:.2f} Td"
            ops.append(f"BT /F1 {fs} Tf {place} <{text.encode('utf-16-be').hex()}> Tj ET")
        for x0, top, x1, bottom in (rules or [[]] * len(pages))[n]:
            ops.append(f"0.5 w {x0} {height - bottom:.2f} {x1 - x0:.2f} {bottom - top:.2f} re S")
        content = "\n".join(ops).encode()
        c = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.1f %.1f] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_id, width, height, font, c)
            )
        )
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    return build_pdf(objs, root=catalog)


LEFT, RIGHT, BODY = 80.0, 512.0, 16.0  # a text block of 27 characters of 16 pt


def body_lines(text: str, top: float, *, indent: bool = True) -> list[tuple]:
    """``text`` set as a justified paragraph: 2-character first-line indent, 27 characters a line."""
    runs, x, start = [], LEFT + (2 * BODY if indent else 0), 0
    while start < len(text):
        room = int((RIGHT - x) // BODY)
        runs.append((x, top, BODY, text[start : start + room]))
        start += room
        top += 28
        x = LEFT
    return runs


def read_generated(data: bytes, password: str | None = None) -> Document:
    return pdf.read(data, "generated.pdf", password=password)


# --- corpus: text ---------------------------------------------------------------------------------


def test_cjk_text_has_no_spurious_spaces():
    """A paragraph equals the .txt export's line: no space between Chinese and numbers ("2025年")."""
    paras = paragraphs(corpus("liuzhou-hitech-park-2022"))
    lines = txt_lines("liuzhou-hitech-park-2022")
    goal = next(line for line in lines if line.startswith("按照国家知识产权局关于国家级"))
    assert "力争2025年6月前" in goal
    assert goal in paras
    guide = next(line for line in lines if line.startswith("以习近平新时代"))
    assert guide in paras


def test_latin_spaces_are_kept():
    paras = paragraphs(corpus("liuzhou-hitech-park-2022"))
    assert any(p.startswith("1. 知识产权行政管理体制机制和能力建设。") for p in paras)


@pytest.mark.parametrize("stem", ["luzhai-county-2023", "liuzhou-hitech-park-2022"])
def test_paragraphs_equal_txt_lines(stem):
    """Every line of body text in the .txt export (25+ characters, so not a title fragment or a
    table cell's wrapped line) is exactly one PDF paragraph."""
    paras = {norm(p) for p in paragraphs(corpus(stem))}
    long_lines = [norm(line) for line in txt_lines(stem) if len(norm(line)) >= 25]
    assert len(long_lines) > 25
    missing = [line for line in long_lines if line not in paras]
    assert missing == []


@pytest.mark.parametrize(
    ("stem", "encoding"),
    [
        ("luzhai-county-2023", "utf-8"),
        ("boshan-district-2022", "gb18030"),
        ("liuzhou-hitech-park-2022", "utf-8"),
    ],
)
def test_text_matches_txt_export(stem, encoding):
    """Every PDF paragraph occurs in the .txt export (the boshan .txt breaks sentences across lines,
    so the comparison is by containment), and every .txt body line occurs in the PDF's text."""
    paras = [norm(p) for p in paragraphs(corpus(stem))]
    raw = (DATA / f"{stem}.txt").read_text(encoding=encoding)
    whole_txt = re.sub(r"\[bookmark:[^\]]*\]", "", re.sub(r"\s+", "", raw))
    assert [p for p in paras if p not in whole_txt] == []
    whole_pdf = "".join(paras)
    lines = [norm(line) for line in raw.splitlines() if line.strip() and not line.startswith("\t")]
    missing = [line for line in lines if line and line not in whole_pdf]
    assert len(missing) <= 2, missing  # luzhai's .txt puts two wrapped cell lines outside the table


def test_no_table_text_in_paragraphs():
    paras = paragraphs(corpus("liuzhou-hitech-park-2022"))
    cells = ("查处假冒知识产权行政案件", "非正常专利申请主动撤回率", "2868/2", "柳州市知识产权标杆企业（个）")
    assert not [p for p in paras if any(cell in p for cell in cells)]


def test_titles_joined_and_centered():
    doc = corpus("liuzhou-hitech-park-2022")
    expected = yaml.safe_load((DATA / "liuzhou-hitech-park-2022.expected.yaml").read_text(encoding="utf-8"))
    centered = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.centered]
    assert expected["meta"]["title"] in centered
    assert expected["meta"]["notice_title"] in centered
    assert "柳高新〔2022〕2号" in centered


def test_only_front_matter_is_centered():
    """Titles, letterhead and 文号 are centred; a one-line body paragraph that happens to end as far
    from the margin as it is indented (guangxi's 专栏16 heading) is not."""
    for stem, count in (
        ("liuzhou-hitech-park-2022", 4),
        ("guangxi-14th-fyp-2021", 2),
        ("boshan-district-2022", 4),
    ):
        centered = [b for b in corpus(stem).blocks if isinstance(b, Paragraph) and b.centered]
        assert len(centered) == count and {b.loc.page for b in centered} == {1}


def test_headings_are_one_paragraph():
    liuzhou = paragraphs(corpus("liuzhou-hitech-park-2022"))
    assert "3、主要任务" in liuzhou and "4、保障措施" in liuzhou
    assert "二、工作目标" in liuzhou and "（三）量化指标" in liuzhou
    # boshan's headings are Word automatic numbering: the label is set apart in a smaller font
    boshan = paragraphs(corpus("boshan-district-2022"))
    for heading in (
        "一、指导思想",
        "二、工作目标",
        "三、工作措施",
        "四、保障措施",
        "（一）实施知识产权管理能力提升工程",
    ):
        assert heading in boshan
    assert any(p.startswith("1. 提升知识产权管理综合效能。") for p in boshan)
    luzhai = paragraphs(corpus("luzhai-county-2023"))
    assert "一、指导思想" in luzhai and "（一）总体目标" in luzhai


def test_paragraph_continues_across_page_break():
    paras = paragraphs(corpus("liuzhou-hitech-park-2022"))
    opening = next(p for p in paras if p.startswith("为深入贯彻落实习近平总书记"))
    assert opening.endswith("制定本方案。")  # starts on page 1, ends on page 2


def test_no_page_number_paragraphs():
    for stem in ("liuzhou-hitech-park-2022", "luzhai-county-2023", "boshan-district-2022"):
        assert not [p for p in paragraphs(corpus(stem)) if is_page_number(p)]


def test_every_block_is_located():
    doc = corpus("liuzhou-hitech-park-2022")
    for block in doc.blocks:
        assert block.loc.page is not None and block.loc.bbox is not None
        if isinstance(block, Table):
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    assert (cell.loc.table, cell.loc.row, cell.loc.col) == (block.loc.table, r, c)
                    assert cell.loc.page is not None and cell.loc.bbox is not None
    heading = next(b for b in doc.blocks if isinstance(b, Paragraph) and b.text == "3、主要任务")
    assert heading.loc.page == 9
    x0, top, x1, bottom = heading.loc.bbox
    assert 100 < x0 < 120 and top < bottom and x1 > x0


# --- corpus: tables -------------------------------------------------------------------------------


def test_liuzhou_indicator_table_is_one_table_over_five_pages():
    expected = yaml.safe_load((DATA / "liuzhou-hitech-park-2022.expected.yaml").read_text(encoding="utf-8"))
    [table] = tables(corpus("liuzhou-hitech-park-2022"))
    assert table.loc.page == 5
    header, *data, n1, _n2, n3 = table.rows
    assert texts(header) == ["主要任务序号", "指标内容", "2021年基础值", "2025年目标值", "责任部门"]
    indicators = expected["indicators"]
    assert len(data) == len(indicators) == 29
    for row, ind in zip(data, indicators, strict=True):
        seq, name, baseline, target, departments = texts(row)
        assert seq == ind["seq"]
        assert name.startswith(ind["name"])
        assert baseline == ind["baseline"] and target == ind["target"]
        assert departments.startswith(ind["departments"][0])
    assert [c.text for c in n1[:2]] == [
        "注",
        "1. 表内知识产权包括：作品、专利、商标、地理标志、商业秘密、集成电路布图设计、植物新品种等专有权利。",
    ]
    assert n3[1].text == "3. 年度目标标记“/”，意为该项工作在当年不开展或不确定是否开展。"
    assert {c.loc.page for row in table.rows for c in row} == {5, 6, 7, 8, 9}


def test_merged_cells_are_filled():
    [table] = tables(corpus("liuzhou-hitech-park-2022"))
    second = table.rows[2]  # 非正常专利申请主动撤回率 shares 序号 1 with the row above
    assert second[0].text == "1" and second[0].spanned and not second[1].spanned
    notes = table.rows[-2]  # 注 merged down, the note merged across four columns
    assert notes[0].text == "注" and notes[0].spanned
    assert [c.spanned for c in notes] == [True, False, True, True, True]
    assert len({c.text for c in notes[1:]}) == 1


def test_row_split_by_page_break_is_rejoined():
    [table] = tables(corpus("liuzhou-hitech-park-2022"))
    first = table.rows[1]  # pages 5/6: "（起）" and the end of 责任部门 are on page 6
    assert texts(first) == [
        "1",
        "查处假冒知识产权行政案件（起）",
        "3",
        "6",
        "柳州市市场监督管理局柳东新区分局、社会事务局",
    ]
    assert first[0].loc.page == 5
    # guangxi: the header row itself is split (2020年 | 实际值), and so is indicator 12
    [gx] = tables(corpus("guangxi-14th-fyp-2021"))
    assert texts(gx.rows[0]) == ["序号", "类别", "主要指标", "2020年实际值", "2025年预期值", "增加值", "属性"]
    row12 = next(r for r in gx.rows if r[0].text == "12")
    assert (
        row12[2].text
        == "国家知识产权保护中心、快速维权中心、国家海外知识产权纠纷应对指导中心地方分中心数量(个)"
    )
    assert texts(row12)[3:] == ["0", "3", "3", "预期性"]
    assert len(gx.rows) == 18
    assert [r[1].text for r in gx.rows[1:]].count("高质量创造") == 6  # 类别 filled down


# --- generated PDFs: page furniture, fake bold, labels, titles ------------------------------------


PARA_A = "知识产权工作是一项系统工程需要各部门协同推进并且长期坚持下去才能见到成效所以必须统筹安排"
PARA_B = "加强组织领导，落实工作责任。"


def _numbered_pages(style: str) -> bytes:
    pages = []
    for n in (1, 2, 3):
        runs = [(250, 40, 10.5, "某某市知识产权局文件汇编")] if n > 1 else []
        if n == 1:
            runs += body_lines(PARA_A * 2, 650)
        if n == 2:
            runs += body_lines(PARA_A[40:] + PARA_B, 100, indent=False)[:1]
            runs += body_lines(PARA_B, 160)
        if n == 3:
            runs += body_lines(PARA_B, 100)
        runs.append((280, 790, 14, style.format(n=n)))
        pages.append(runs)
    return make_pdf(pages)


@pytest.mark.parametrize("style", ["— {n} —", "-{n}-", "第{n}页", "{n}/3", "{n}", "第{n}页 共3页", "- {n} -"])
def test_page_numbers_and_running_headers_are_removed(style):
    doc = read_generated(_numbered_pages(style))
    paras = paragraphs(doc)
    assert not [p for p in paras if is_page_number(p) or "文件汇编" in p]
    assert paras[1] == PARA_B and paras[2] == PARA_B


def test_paragraph_runs_on_over_page_number():
    paras = paragraphs(read_generated(_numbered_pages("— {n} —")))
    assert paras[0].startswith(PARA_A) and "— 1 —" not in paras[0] and "—1" not in paras[0]


def test_fake_bold_duplicates_are_removed():
    runs = [(112, 100, 16, "一、指导思想")]
    runs += [(112.4, 100.3, 16, "一、指导思想")]  # fake bold: drawn again 0.4 pt off
    runs += body_lines(PARA_A, 140)
    paras = paragraphs(read_generated(make_pdf([runs])))
    assert paras == ["一、指导思想", PARA_A]


def test_label_on_its_own_line_joins_its_title():
    runs = [(112, 100, 16, "二、"), (112, 128, 16, "工作目标"), *body_lines(PARA_A, 166)]
    assert paragraphs(read_generated(make_pdf([runs]))) == ["二、工作目标", PARA_A]


def test_centered_title_lines_are_joined():
    title = ["某某县知识产权强县建设工作方案", "（2022-2025年）"]
    runs = [(297.65 - 11 * len(t), 100 + 29.4 * k, 22, t) for k, t in enumerate(title)]
    runs += body_lines("为深入贯彻落实有关精神，推动知识产权事业高质量发展，结合本县实际，制定本方案。", 180)
    runs += body_lines("一、指导思想", 300) + body_lines(PARA_A, 340)
    doc = read_generated(make_pdf([runs]))
    first = doc.blocks[0]
    assert isinstance(first, Paragraph) and first.centered
    assert first.text == "某某县知识产权强县建设工作方案（2022-2025年）"
    assert not any(b.centered for b in doc.blocks[1:] if isinstance(b, Paragraph))


def test_paragraph_breaks():
    """A line ending a sentence short of the margin ends its paragraph; a numbering label starts one
    even without an indent; a line broken by layout continues its paragraph, also when it is short
    (Latin text that could not be broken)."""
    full = "（1）第二项工作要按照上级部门的统一部署认真抓好落实"  # 27 characters: a full line
    runs = [(LEFT, 100, 16, "1. 第一项工作要认真抓好。"), (LEFT, 128, 16, full)]
    runs += [(LEFT, 156, 16, "并且按时报送进展情况，依据《纲要（2021-"), (LEFT, 184, 16, "2035年）》执行。")]
    runs += [(LEFT, 212, 16, "这一段没有首行缩进。")]
    paras = paragraphs(read_generated(make_pdf([runs])))
    assert paras == [
        "1. 第一项工作要认真抓好。",
        full + "并且按时报送进展情况，依据《纲要（2021-2035年）》执行。",
        "这一段没有首行缩进。",
    ]


def test_generated_table_over_two_pages_with_repeated_header():
    header = ["序号", "指标", "目标"]
    cols = [80, 150, 400, 512]

    def table_page(rows: list[list[str]], top: float) -> tuple[list[tuple], list[tuple]]:
        runs, rules = [], []
        for r, row in enumerate(rows):
            y = top + 30 * r
            for c, text in enumerate(row):
                if text:
                    runs.append((cols[c] + 4, y + 7, 12, text))
                rules.append((cols[c], y, cols[c + 1], y + 30))
        return runs, rules

    runs1, rules1 = table_page([header, ["1", "专利授权量", "100"], ["2", "商标注册", "200"]], 660)
    runs2, rules2 = table_page([header, ["", "量", ""], ["3", "版权登记", "300"]], 100)
    runs1 = body_lines("主要指标如下。", 600) + runs1
    runs2 += body_lines("以上指标均为预期性指标。", 220)
    doc = read_generated(make_pdf([runs1, runs2], rules=[rules1, rules2]))
    [table] = tables(doc)
    assert [texts(r) for r in table.rows] == [
        header,
        ["1", "专利授权量", "100"],
        ["2", "商标注册量", "200"],
        ["3", "版权登记", "300"],
    ]
    assert paragraphs(doc) == ["主要指标如下。", "以上指标均为预期性指标。"]


# --- bad inputs ---------------------------------------------------------------------------------


def _simple_pdf() -> bytes:
    return make_pdf([body_lines("知识产权强国建设纲要。", 100)])


def _encrypted(user: str, owner: str, algorithm: str) -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(_simple_pdf())))
    try:
        writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    except (ImportError, NotImplementedError, pypdf.errors.DependencyError):
        pytest.skip(f"pypdf cannot encrypt with {algorithm} here")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_encrypted_pdf(algorithm):
    data = _encrypted("secret", "owner", algorithm)
    with pytest.raises(IpplanError) as exc:
        read_generated(data)
    assert exc.value.kind.name == "encrypted-file" and "--password" in str(exc.value)
    with pytest.raises(IpplanError) as exc:
        read_generated(data, password="wrong")
    assert exc.value.kind.name == "wrong-password"
    assert paragraphs(read_generated(data, password="secret")) == ["知识产权强国建设纲要。"]


def test_pdf_encrypted_only_against_copying_opens_without_password():
    data = _encrypted("", "owner", "RC4-128")
    assert paragraphs(read_generated(data)) == ["知识产权强国建设纲要。"]
    assert paragraphs(read_generated(data, password="anything")) == ["知识产权强国建设纲要。"]


def test_image_only_pdf_has_no_text_layer():
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (300, 400), "white").save(buf, format="PDF")
    with pytest.raises(IpplanError) as exc:
        read_generated(buf.getvalue())
    assert exc.value.kind.name == "no-text-layer"


def test_pdf_without_unicode_map_has_no_text_layer():
    with pytest.raises(IpplanError) as exc:
        read_generated(make_pdf([body_lines(PARA_A, 100)], unicode=False))
    assert exc.value.kind.name == "no-text-layer"
    assert "map none of its glyphs" in str(exc.value)


def test_rotated_watermark_is_skipped_with_a_warning():
    runs = [*body_lines(PARA_A, 100), (300, 400, 40, "内部资料", True)]
    doc = read_generated(make_pdf([runs]))
    assert paragraphs(doc) == [PARA_A]
    assert [w.code for w in doc.warnings] == ["rotated-text-skipped"]
    assert doc.warnings[0].source.page == 1


def test_blank_pdf_has_no_text_layer():
    with pytest.raises(IpplanError) as exc:
        read_generated(make_pdf([[]]))
    assert exc.value.kind.name == "no-text-layer"


@pytest.mark.parametrize("cut", [0.5, 0.1, 0.98])
def test_truncated_pdf_is_corrupt(cut):
    data = (DATA / "luzhai-county-2023.pdf").read_bytes()
    with pytest.raises(IpplanError) as exc:
        pdf.read(data[: int(len(data) * cut)], "cut.pdf")
    assert exc.value.kind.name == "corrupt-file"


def test_garbage_after_header_is_corrupt():
    with pytest.raises(IpplanError) as exc:
        pdf.read(b"%PDF-1.7\n" + bytes(range(256)) * 20, "junk.pdf")
    assert exc.value.kind.name == "corrupt-file"


def test_too_many_pages(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 2)
    data = make_pdf([body_lines("第一页。", 100), body_lines("第二页。", 100), body_lines("第三页。", 100)])
    with pytest.raises(IpplanError) as exc:
        read_generated(data)
    assert exc.value.kind.name == "limit-exceeded"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_pdf_raises_only_ipplan_errors(data):
    good = make_pdf([body_lines(PARA_A, 100), body_lines(PARA_B, 100)])
    at = data.draw(st.integers(0, len(good) - 1))
    junk = data.draw(st.binary(min_size=1, max_size=16))
    damaged = good[:at] + junk + good[at + len(junk) :]
    with contextlib.suppress(IpplanError):
        pdf.read(damaged, "fuzz.pdf")


# --- units ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["— 3 —", "-3-", "- 12 -", "第3页", "第 3 页 共 12 页", "3/12", "3", "Page 3 of 9"]
)
def test_page_number_patterns(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["3、主要任务", "2025年", "（三）", "第三章", "1.42"])
def test_not_page_numbers(text):
    assert not is_page_number(text)


def _char(text: str, x0: float, size: float = 16.0, top: float = 100.0) -> Char:
    width = size if ord(text) > 0x2E80 else size / 2
    return Char(text, x0, x0 + width, top, top + size, size, "F")


def test_row_text_spacing():
    # "2022 年": a gap the typesetter left between digits and Chinese is no space
    row = [_char("2", 80), _char("0", 88), _char("2", 96), _char("2", 104), _char("年", 115.2)]
    assert row_text(row) == "2022年"
    # a real space after "1." before Chinese is kept; between Chinese characters it is dropped
    row = [
        _char("1", 80),
        _char(".", 88),
        _char(" ", 96),
        _char("知", 104),
        _char(" ", 120),
        _char("识", 126),
    ]
    assert row_text(row) == "1. 知识"
    # Latin words without space glyphs get their space back from the gap
    row = [_char("a", 80), _char("b", 88), _char("c", 100)]
    assert row_text(row) == "ab c"


def test_row_text_tab_gaps_and_letter_spacing():
    # a tab-wide gap separates even Chinese text (two blocks on one line)
    row = [_char("抄", 80), _char("送", 96), _char("局", 112), _char("印", 300), _char("发", 316)]
    assert row_text(row) == "抄送局 印发"
    # a letter-spaced title has such gaps everywhere: they are spacing, not separators
    row = [_char("通", 200), _char("知", 264), _char("书", 328)]
    assert row_text(row) == "通知书"


def test_dedupe_keeps_neighbouring_identical_chars():
    chars = [_char("的", 80), _char("的", 96), _char("的", 80.5, top=100.3)]
    assert [c.x0 for c in dedupe_chars(chars)] == [80, 96]


def test_list_items_set_with_a_hanging_indent_keep_their_wrapped_lines():
    # Word's numbered list: "1." at the margin, the wrapped lines start under the text
    item_1 = "强化高价值专利培育实施培育计划加强企业专利布局推动高校院所专利转化运用提升专利质量。"
    item_2 = "推进商标品牌建设。"
    runs = [(LEFT, 100, BODY, "1. " + item_1[:24])]
    runs += [(LEFT + 2 * BODY, 128, BODY, item_1[24:])]
    runs += [(LEFT, 156, BODY, "2. " + item_2)]
    assert paragraphs(read_generated(make_pdf([runs]))) == ["1. " + item_1, "2. " + item_2]


def test_a_heading_without_indent_or_full_stop_ends_its_paragraph():
    # a document set without first-line indents: the short heading line ends where it stops
    runs = body_lines(PARA_A * 2 + "。", 72, indent=False)  # full lines set the text block's width
    runs += [(LEFT, 200, BODY, "三、保障措施"), (LEFT, 228, BODY, "附件：主要指标")]
    assert paragraphs(read_generated(make_pdf([runs])))[1:] == ["三、保障措施", "附件：主要指标"]
