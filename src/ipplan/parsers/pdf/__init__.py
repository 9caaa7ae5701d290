"""PDF reader: a PDF, text or scanned or both, to the block stream the docx and txt readers produce.

One pass over the pages, one page at a time (modules in reading order):

* ``document`` opens the file with PDFium and maps its failures to ``IpplanError``;
  ``page`` loads a page's text layer (``textlayer``: ``chars.Char`` records) and its drawing
  (``graphics``: ruling lines, images, tilted text);
* a page without a text layer but with a picture over it is a scan: ``scan`` renders it, reads it
  with ``ocr`` (the optional ``ipplan[ocr]`` extra), finds its ruling lines in the image and
  turns the recognised lines into chars like the text layer's, after ``confusions`` has
  normalised what OCR misreads;
* ``grid`` finds table cells from ruling lines, ``tables`` fills them and joins a table's parts
  across pages, ``lines`` makes text lines of the remaining chars, ``layout`` drops page furniture
  and re-joins lines into paragraphs.

``budget`` bounds the time a document may take.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ipplan import limits
from ipplan.blocks import Block, Document
from ipplan.errors import IpplanError
from ipplan.parsers.pdf import document, grid, layout
from ipplan.parsers.pdf import page as pages
from ipplan.parsers.pdf.budget import Budget
from ipplan.parsers.pdf.chars import Char, dedupe_chars
from ipplan.parsers.pdf.layout import Geometry, PageFlow
from ipplan.parsers.pdf.lines import Line, build_lines
from ipplan.parsers.pdf.tables import Bbox, TablePart, join_parts, take_tables, to_table
from ipplan.schema import Location, Warning

OCR_MODES = ("auto", "always", "never")
INSTALL_OCR = "pip install 'ipplan[ocr]'"


@dataclass(slots=True)
class _Notes:
    """Pages worth a warning, collected while reading."""

    without_text: list[int] = field(default_factory=list)  # scanned pages left unread
    rotated_text: list[int] = field(default_factory=list)
    unmapped: dict[int, int] = field(default_factory=dict)  # page → glyphs without a Unicode value
    ocr_pages: list[int] = field(default_factory=list)
    ocr_scores: list[tuple[float, int]] = field(default_factory=list)  # (confidence, characters)
    ocr_weak: dict[int, float] = field(default_factory=dict)  # page → its low mean confidence
    ocr_missing: bool = False  # a page needed OCR and the extra is not installed
    ocr_empty: list[int] = field(default_factory=list)  # OCR'd pages where nothing was recognised


def read(data: bytes, path: str, *, password: str | None = None, ocr: str = "auto") -> Document:
    """Read a PDF into paragraphs and tables: its text layer, and OCR for its scanned pages
    (``ocr``: "auto" where a page has no text layer, "always" for every page, "never")."""
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    budget = Budget(limits.PDF_SECONDS, path)
    notes = _Notes()
    flows: list[PageFlow] = []
    scanned: list = []  # scan.ScanPage, sized once every page is read
    with document.opened(data, path, password) as pdf:
        if pdf.page_count == 0:
            raise IpplanError("corrupt-file", "the PDF has no pages", path)
        reader = _ocr_reader(ocr, path)
        for number in range(1, pdf.page_count + 1):
            budget.check(f"stopped at page {number} of {pdf.page_count}")
            content = pages.load(pdf, number)
            _note_page(content, notes)
            wants_ocr = ocr == "always" or (ocr == "auto" and content.looks_scanned)
            if wants_ocr and reader is not None:
                if len(notes.ocr_pages) >= limits.MAX_OCR_PAGES:
                    raise IpplanError(
                        "limit-exceeded",
                        f"more than {limits.MAX_OCR_PAGES} pages need OCR: too long a scan for one plan",
                        path,
                    )
                scanned.append(reader.read_page(pdf, content))
                notes.ocr_pages.append(number)
                flows.append(PageFlow(number=number, width=content.view.width))  # filled below
                continue
            if wants_ocr or (not content.has_text and content.has_images):
                notes.without_text.append(number)
                notes.ocr_missing = notes.ocr_missing or (wants_ocr and reader is None)
            flows.append(_text_flow(content))
    if scanned:
        _fill_scanned(flows, scanned, notes)
    if not any(flow.items for flow in flows):
        raise IpplanError("no-text-layer", _why_no_text(notes, ocr), path)
    layout.drop_furniture(flows)
    layout.group_tables(flows)
    blocks = _blocks(flows, layout.measure(flows))
    return Document(blocks=blocks, format="pdf", warnings=_warnings(notes))


def _ocr_reader(mode: str, path: str):
    """The OCR reader, or None where OCR is off or its extra is not installed ("always" without
    the extra is an error: the user asked for something that cannot be done)."""
    if mode == "never":
        return None
    from ipplan.parsers.pdf import ocr

    if ocr.available():
        from ipplan.parsers.pdf import scan

        return scan.PageReader()
    if mode == "always":
        raise IpplanError("ocr-unavailable", f"--ocr always needs the OCR extra: {INSTALL_OCR}", path)
    return None


def _note_page(content: pages.PageContent, notes: _Notes) -> None:
    if content.text.rotated or content.drawing.tilted_text:
        notes.rotated_text.append(content.number)
    if content.text.unmapped:
        notes.unmapped[content.number] = content.text.unmapped


def _why_no_text(notes: _Notes, mode: str) -> str:
    if notes.unmapped:
        message = "the PDF's fonts map none of its glyphs to characters: its text cannot be read"
    else:
        message = "the PDF has no text layer (a scan?)"
    if notes.ocr_pages:
        return f"{message}, and OCR found no text on its pages (blank, or an unreadable scan)"
    if notes.ocr_missing or (mode == "auto" and notes.without_text):
        return f"{message}; to read it by OCR: {INSTALL_OCR}"
    if mode == "never":
        return f"{message}; OCR is off (--ocr never)"
    return message


# --- one page: chars to lines and table parts ---------------------------------------------------


def _text_flow(content: pages.PageContent) -> PageFlow:
    chars = dedupe_chars(content.text.chars)
    cells = grid.tables(content.drawing.rules) if content.drawing.rules else []
    return page_flow(content.number, content.view.width, chars, cells)


def page_flow(
    number: int,
    width: float,
    chars: list[Char],
    cells: Sequence[Sequence[Bbox]],
    centre: float | None = None,
    scanned: bool = False,
) -> PageFlow:
    """A page's lines and table parts in reading order."""
    parts, body = take_tables(cells, chars, number, scanned)
    items: list[Line | TablePart] = [*build_lines(body, number), *parts]
    items.sort(key=lambda i: i.top)
    return PageFlow(number=number, width=width, items=items, centre=centre)  # type: ignore[arg-type]


def _fill_scanned(flows: list[PageFlow], scanned: list, notes: _Notes) -> None:
    """The OCR'd pages' flows, their text sized alike across the document."""
    from ipplan.parsers.pdf import scan

    calibration = scan.Calibration.measure(scanned)
    by_number = {flow.number: k for k, flow in enumerate(flows)}
    for sp in scanned:
        chars = scan.chars(sp, calibration)
        flow = page_flow(sp.number, sp.width, chars, sp.cells, calibration.centre(sp), scanned=True)
        flows[by_number[sp.number]] = flow
        if not chars:
            notes.ocr_empty.append(sp.number)
            continue
        notes.ocr_scores.append((sp.confidence, len(chars)))
        if sp.confidence < scan.LOW_CONFIDENCE:
            notes.ocr_weak[sp.number] = sp.confidence


# --- the document: paragraphs and tables in order -----------------------------------------------


def _blocks(flows: Sequence[PageFlow], geo: Geometry) -> list[Block]:
    """Paragraphs re-joined across lines and pages, tables joined across pages, in reading order."""
    blocks: list[Block] = []
    current: list[Line] = []
    prev: Line | None = None
    tables = 0
    for flow in flows:
        for item in flow.items:
            if isinstance(item, list):
                _flush(current, blocks, geo)
                blocks.append(to_table(join_parts(item), item[0], tables))
                tables += 1
                prev = None
                continue
            assert isinstance(item, Line)
            if layout.starts_paragraph(prev, item, geo):
                _flush(current, blocks, geo)
            current.append(item)
            prev = item
    _flush(current, blocks, geo)
    return blocks


def _flush(current: list[Line], blocks: list[Block], geo: Geometry) -> None:
    if current:
        paragraph = layout.make_paragraph(current, geo)
        if paragraph.text:
            blocks.append(paragraph)
        current.clear()


# --- warnings -------------------------------------------------------------------------------------


def page_ranges(numbers: Sequence[int]) -> str:
    """ "1-3, 5, 8-9" for [1, 2, 3, 5, 8, 9]."""
    spans: list[list[int]] = []
    for n in sorted(numbers):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if a != b else f"{a}" for a, b in spans)


def _warnings(notes: _Notes) -> list[Warning]:
    out: list[Warning] = []
    if notes.ocr_scores:
        chars = sum(n for _, n in notes.ocr_scores)
        mean = sum(score * n for score, n in notes.ocr_scores) / chars
        read_pages = [n for n in notes.ocr_pages if n not in notes.ocr_empty]
        out.append(
            Warning(
                code="ocr-used",
                message=f"page{'s' if len(read_pages) > 1 else ''} {page_ranges(read_pages)} read by OCR "
                f"(mean confidence {mean:.2f}): check names and numbers against the scan",
                source=Location(page=read_pages[0]),
            )
        )
    out += [
        Warning(
            code="ocr-low-confidence",
            message=f"OCR of page {n} is unsure (mean confidence {score:.2f}): its text may be wrong",
            source=Location(page=n),
        )
        for n, score in notes.ocr_weak.items()
    ]
    hint = f"; to read it by OCR: {INSTALL_OCR}" if notes.ocr_missing else ""
    out += [
        Warning(
            code="page-without-text",
            message=f"page {n} has no text layer (a scanned page?): its content is missing{hint}",
            source=Location(page=n),
        )
        for n in notes.without_text
    ]
    out += [
        Warning(
            code="page-without-text",
            message=f"OCR found no text on page {n}: its content, if any, is missing",
            source=Location(page=n),
        )
        for n in notes.ocr_empty
        if notes.ocr_scores  # a document where OCR found nothing at all is refused instead
    ]
    out += [
        Warning(
            code="rotated-text-skipped",
            message=f"rotated text on page {n} (a stamp or watermark?) was skipped",
            source=Location(page=n),
        )
        for n in notes.rotated_text
    ]
    out += [
        Warning(
            code="unmapped-glyphs",
            message=f"{count} glyphs on page {n} have no Unicode value in their font and were left out",
            source=Location(page=n),
        )
        for n, count in notes.unmapped.items()
        if n not in notes.ocr_pages
    ]
    return out
