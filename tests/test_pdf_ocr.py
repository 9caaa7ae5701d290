"""Scanned PDFs: a corpus PDF printed and scanned back (tests/scanner.py: 200 dpi, a slight turn,
grey paper, speckle) and read with the OCR extra; mixed documents; OCR switched off or missing;
the OCR limits; and the pieces (OCR confusions, the skew, ruling lines found in an image)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from conftest import build_pdf
from ipplan import limits
from ipplan.api import parse_bytes
from ipplan.blocks import Document, Paragraph, Table
from ipplan.errors import IpplanError
from ipplan.parsers import pdf
from ipplan.parsers.pdf import confusions, grid, ocr, scan
from ipplan.parsers.pdf.grid import Rule

DATA = Path(__file__).parent / "data" / "pdf"
LIUZHOU = DATA / "liuzhou-hitech-park-2022.pdf"
# Page 5: the 量化指标 heading, the indicator table's header and first row; pages 9-10: the
# 主要任务 chapter, a subsection heading and task items with their 责任部门 notes.
SCANNED_PAGES = (5, 9, 10)

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the OCR extra is not installed")


def scanned(pages=SCANNED_PAGES, seed: int = 3) -> bytes:
    from scanner import scan_pdf

    return scan_pdf(LIUZHOU.read_bytes(), pages=pages, seed=seed)


def paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def compact(text: str) -> str:
    """Text compared without blanks and with ASCII brackets and commas as the full-width ones."""
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）").replace(",", "，")


@pytest.fixture(scope="module")
def scan_bytes() -> bytes:
    pytest.importorskip("numpy")
    pytest.importorskip("PIL")
    return scanned()


@pytest.fixture(scope="module")
def scan_doc(scan_bytes: bytes) -> Document:
    if not ocr.available():
        pytest.skip("the OCR extra is not installed")
    return pdf.read(scan_bytes, "scan.pdf")


# --- a scanned corpus PDF, read by OCR -----------------------------------------------------------


@needs_ocr
def test_scan_headings_come_out_as_paragraphs(scan_doc: Document) -> None:
    paras = [compact(p) for p in paragraphs(scan_doc)]
    assert "（三）量化指标" in paras
    assert "3、主要任务" in paras
    assert "（一）高起点完善知识产权顶层设计，优化创新统筹机制" in paras
    assert any(p.startswith("2.建立健全国家级知识产权强国建设试点园区建设工作体系。") for p in paras)


@needs_ocr
def test_scan_table_row_is_read_cell_by_cell(scan_doc: Document) -> None:
    [table] = [b for b in scan_doc.blocks if isinstance(b, Table)]
    header, first = ([compact(c.text) for c in row] for row in table.rows[:2])
    assert header == ["主要任务序号", "指标内容", "2021年基础值", "2025年目标值", "责任部门"]
    assert first[:4] == ["1", "查处假冒知识产权行政案件", "3", "6"]
    assert first[4].startswith("柳州市市场监")
    assert table.loc.page == 1 and table.rows[1][1].loc.bbox is not None


@needs_ocr
def test_scan_departments_are_read(scan_bytes: bytes) -> None:
    plan = parse_bytes(scan_bytes, "scan.pdf")
    named = {d.name for task in plan.tasks for d in task.departments}
    assert "柳州市市场监督管理局柳东新区分局" in named
    assert {"战略和经济发展局", "工业和信息化局"} <= named
    [used] = [w for w in plan.warnings if w.code == "ocr-used"]
    assert "pages 1-3 read by OCR" in used.message
    confidence = float(re.search(r"mean confidence (\d\.\d\d)", used.message).group(1))
    assert 0.8 <= confidence <= 1.0


@needs_ocr
def test_mixed_document_reads_text_pages_as_text_and_scanned_pages_by_ocr(scan_bytes: bytes) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(LIUZHOU).pages[8])  # page 9 as typeset
    writer.add_page(pypdf.PdfReader(io.BytesIO(scan_bytes)).pages[2])  # page 10, scanned
    buffer = io.BytesIO()
    writer.write(buffer)
    doc = pdf.read(buffer.getvalue(), "mixed.pdf")
    [used] = [w for w in doc.warnings if w.code == "ocr-used"]
    assert used.message.startswith("page 2 read by OCR")
    paras = [compact(p) for p in paragraphs(doc)]
    assert "3、主要任务" in paras  # from the text layer of page 1
    assert {b.loc.page for b in doc.blocks} == {1, 2}
    assert any("（二）高标准构建知识产权保护体系" in p for p in paras)  # from the scan of page 2


# --- OCR off, missing, or bounded ------------------------------------------------------------------


def test_scan_with_ocr_off_is_refused_saying_so(scan_bytes: bytes) -> None:
    with pytest.raises(IpplanError) as exc:
        pdf.read(scan_bytes, "scan.pdf", ocr="never")
    assert exc.value.code == "E205" and "--ocr never" in str(exc.value)


def test_scan_without_the_extra_says_how_to_install_it(scan_bytes: bytes, monkeypatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(IpplanError) as exc:
        pdf.read(scan_bytes, "scan.pdf")
    assert exc.value.code == "E205" and "pip install 'ipplan[ocr]'" in str(exc.value)
    with pytest.raises(IpplanError) as exc:
        pdf.read(scan_bytes, "scan.pdf", ocr="always")
    assert exc.value.code == "E207"


def test_scanned_page_in_a_text_document_without_the_extra_is_a_warning(scan_bytes, monkeypatch) -> None:
    pypdf = pytest.importorskip("pypdf")
    monkeypatch.setattr(ocr, "available", lambda: False)
    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(LIUZHOU).pages[8])
    writer.add_page(pypdf.PdfReader(io.BytesIO(scan_bytes)).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    doc = pdf.read(buffer.getvalue(), "mixed.pdf")
    [missing] = [w for w in doc.warnings if w.code == "page-without-text"]
    assert missing.source.page == 2 and "ipplan[ocr]" in missing.message
    assert "3、主要任务" in paragraphs(doc)


def test_time_budget_ends_with_a_clear_error(scan_bytes: bytes, monkeypatch) -> None:
    monkeypatch.setattr(limits, "PDF_SECONDS", 0.0)
    with pytest.raises(IpplanError) as exc:
        pdf.read(scan_bytes, "scan.pdf")
    assert exc.value.code == "E301" and "0-second limit" in str(exc.value)


@needs_ocr
def test_ocr_page_limit(scan_bytes: bytes, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_OCR_PAGES", 0)
    with pytest.raises(IpplanError) as exc:
        pdf.read(scan_bytes, "scan.pdf")
    assert exc.value.code == "E301" and "need OCR" in str(exc.value)


def test_large_page_is_rendered_within_the_pixel_limit(monkeypatch) -> None:
    pytest.importorskip("numpy")
    import pypdfium2 as pdfium

    from ipplan.parsers.pdf.document import render, view_of

    a3 = build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 1191] >>",
        ]
    )
    monkeypatch.setattr(limits, "MAX_RENDER_PIXELS", 1_000_000)
    document = pdfium.PdfDocument(a3)
    page = document[0]
    raster = render(page, view_of(page), 200, "a3.pdf")
    page.close()
    document.close()
    height, width = raster.pixels.shape
    assert width * height <= 1_000_000 and raster.scale < 200 / 72
    assert abs(width / raster.scale - 842) < 2


def test_cli_ocr_never_on_a_scan(scan_bytes: bytes, tmp_path: Path, capsys) -> None:
    from ipplan.cli import main

    path = tmp_path / "scan.pdf"
    path.write_bytes(scan_bytes)
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", str(path), "--ocr", "never"])
    assert exit_info.value.code == 6
    assert "E205 no-text-layer" in capsys.readouterr().err


def test_batch_passes_the_ocr_mode_to_its_workers(scan_bytes: bytes, tmp_path: Path) -> None:
    import json

    from ipplan.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.pdf").write_bytes(scan_bytes)
    with pytest.raises(SystemExit):
        main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2", "--ocr", "never"])
    report = json.loads((tmp_path / "out" / "ipplan-report.json").read_text(encoding="utf-8"))
    [entry] = report["files"]
    assert entry["code"] == "E205" and "--ocr never" in entry["message"]


# --- the pieces ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("read", "right"),
    [
        ("专利丶商标等知识产权", "专利、商标等知识产权"),
        ("责任部门:市市场监管局,市科技局", "责任部门：市市场监管局，市科技局"),
        ("桂政发[2021]12号", "桂政发〔2021〕12号"),
        ("柳高新〔2022]2号", "柳高新〔2022〕2号"),
        ("5. 特色主题工作·在柳州 772 数字文化", "5. 特色主题工作。在柳州772数字文化"),
        ("一.指导思想", "一.指导思想"),
        ("（一) 总体目标", "（一）总体目标"),
        ("(2022-2025年)", "（2022-2025年）"),
        ("(1)加强", "(1)加强"),
        ("(责任单位：县知识产权局、县人社", "（责任单位：县知识产权局、县人社"),
        ("局)", "局）"),
        ("县财政局～县知识产权局", "县财政局、县知识产权局"),
        ("2021～2025年", "2021～2025年"),
        ("加强协作’推进", "加强协作，推进"),
        ("发展成就°", "发展成就。"),
        ("力口强100O元", "力口强1000元"),
        ("Page 3 of 9", "Page 3 of 9"),
        ("[2022] 131号）和《山东省", "〔2022〕131号）和《山东省"),
        ("工作方案（2022－2025年）", "工作方案（2022—2025年）"),
        ("工作方案(2022一2025年）", "工作方案（2022—2025年）"),
        ("（2022-2025年）", "（2022-2025年）"),
    ],
)
def test_ocr_confusions(read: str, right: str) -> None:
    assert confusions.normalise(read) == right


def test_quotes_are_curled_across_lines() -> None:
    lines = ['建成建强"政府主导、市场牵头', '企业负责"的商业秘密保护体系。', '实施"专利导航"项目']
    assert confusions.curl_quotes(lines) == [
        "建成建强“政府主导、市场牵头",
        "企业负责”的商业秘密保护体系。",
        "实施“专利导航”项目",
    ]


@pytest.mark.parametrize(
    ("read", "mark"), [("一", "—"), ("-", "—"), ("－", "—"), ("一、", "一、"), ("10", "10")]
)
def test_lone_dash_in_a_cell(read: str, mark: str) -> None:
    assert confusions.lone_mark(read) == mark


def test_grid_cells_from_rules() -> None:
    # a 2 × 2 table whose rules stop a point short of each other, and a lone ruled box
    rules = [Rule("h", y, 100, 299) for y in (100, 130, 160)]
    rules += [Rule("v", x, 101, 160) for x in (100, 200, 300)]
    rules += [
        Rule("h", 400, 100, 300),
        Rule("h", 450, 100, 300),
        Rule("v", 100, 400, 450),
        Rule("v", 300, 400, 450),
    ]
    [table] = grid.tables(rules)
    assert sorted(table) == [
        (100, 100, 200, 130),
        (100, 130, 200, 160),
        (200, 100, 300, 130),
        (200, 130, 300, 160),
    ]


def test_calibration_snaps_sizes_to_the_standard_ones() -> None:
    # 16 pt body text whose ink is 14.4 pt tall (boxes drawn anywhere from 15 to 19 pt), a 22 pt title
    text = "为深入贯彻落实习近平总书记重要讲话精神"
    body = [
        scan.ScanLine(text, 80, y, 500, y + 15 + y % 5, 0.99, y + 1, y + 15.4) for y in range(100, 400, 28)
    ]
    title = scan.ScanLine("某某县知识产权强县建设工作方案", 120, 40, 470, 64, 0.99, 42, 61.8)
    page = scan.ScanPage(1, 595, [title, *body])
    calibration = scan.Calibration.measure([page])
    assert calibration.body == 16.0
    assert calibration.size(14.9) == 16.0 and calibration.size(13.9) == 16.0
    assert calibration.size(title.height) == 22.0
    assert calibration.size(11.2) == 12.0


def _bars(angle: float):
    """A page image of dark text-like bars and a ruled 3 × 2 table, turned by ``angle`` degrees."""
    cv2 = pytest.importorskip("cv2")
    np = pytest.importorskip("numpy")
    image = np.full((1400, 1000), 255, dtype=np.uint8)
    for y in range(100, 600, 60):
        for x in range(100, 880, 48):
            image[y : y + 36, x : x + 40] = 40
    for y in (700, 780, 860, 940):
        image[y : y + 2, 100:900] = 0
    for x in (100, 400, 900):
        image[700:942, x : x + 2] = 0
    matrix = cv2.getRotationMatrix2D((500, 700), angle, 1.0)
    return cv2.warpAffine(image, matrix, (1000, 1400), borderValue=255)


@pytest.mark.parametrize("angle", [-1.3, 0.0, 0.7])
def test_skew_is_measured(angle: float) -> None:
    image = _bars(-angle)  # turned clockwise by angle: lines descend to the right
    assert scan._skew(image < scan.INK_LEVEL) == pytest.approx(angle, abs=0.08)


def test_rules_in_an_image_make_table_cells() -> None:
    image = _bars(0.0)
    ink = image < scan.INK_LEVEL
    rules, _ = scan._rules(ink, 200 / 72)
    [table] = grid.tables(rules)
    assert len(table) == 6
    xs = sorted({round(c[0] * 200 / 72) for c in table})
    assert xs == [101, 401]


def test_short_rules_between_column_rules_are_cell_sides_and_a_big_glyph_is_not_a_table() -> None:
    # a narrow 序号 column ruled row by row beside a 类别 cell merged down, and a 22-point 国
    np = pytest.importorskip("numpy")
    pytest.importorskip("cv2")
    image = np.full((1400, 1000), 255, dtype=np.uint8)
    for y in (700, 940):
        image[y : y + 2, 100:902] = 0
    for y in (780, 860):
        image[y : y + 2, 100:172] = 0  # 26 points: shorter than a rule on its own
        image[y : y + 2, 400:902] = 0
    for x in (100, 170, 400, 900):
        image[700:942, x : x + 2] = 0
    for x in (600, 660):  # the glyph's sides: as tall as a short vertical rule
        image[200:262, x : x + 2] = 0
    for y in (200, 230, 260):
        image[y : y + 2, 600:662] = 0
    scale = 200 / 72
    rules, _ = scan._rules(image < scan.INK_LEVEL, scale)
    shorts = sorted(round(r.pos * scale) for r in rules if r.orientation == "h" and r.end - r.start < 40)
    assert shorts == [781, 861]
    [table] = grid.tables(rules)
    narrow = [c for c in table if round(c[0] * scale) == 101]
    assert len(narrow) == 3  # one cell per row


def test_page_ranges() -> None:
    assert pdf.page_ranges([1, 2, 3, 5, 8, 9]) == "1-3, 5, 8-9"
