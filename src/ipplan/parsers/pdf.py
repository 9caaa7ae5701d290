"""PDF reader: a text-layer PDF to the block stream the docx and txt readers produce.

One pass over the pages with pdfplumber (the only module that imports it): each page's chars are
read once and its ruled tables found once. The rest is plain Python on those chars:
``pdf_lines`` makes lines, ``pdf_tables`` fills and joins tables, ``pdf_layout`` drops page
furniture and re-joins lines into paragraphs. Every failure of pdfplumber or pdfminer on a bad
input becomes an ``IpplanError``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pdfplumber.utils.exceptions import PdfminerException

from ipplan import limits
from ipplan.blocks import Block, Document
from ipplan.errors import IpplanError
from ipplan.parsers import pdf_layout as layout
from ipplan.parsers.pdf_layout import Geometry, PageFlow
from ipplan.parsers.pdf_lines import Char, Line, build_lines, dedupe_chars
from ipplan.parsers.pdf_tables import (
    Bbox,
    TablePart,
    contains,
    fill_text,
    is_layout_frame,
    join_parts,
    new_part,
    to_table,
)
from ipplan.schema import Location, Warning


@dataclass(slots=True)
class RawPage:
    """What pdfplumber gave for one page: all the reader needs from the library."""

    number: int
    width: float
    height: float
    chars: list[Char]
    tables: list[list[Bbox]]  # the cell boxes of each ruled table found
    has_images: bool


@dataclass(slots=True)
class _Notes:
    """Pages worth a warning, collected while reading."""

    imaged_without_text: list[int] = field(default_factory=list)
    rotated_text: list[int] = field(default_factory=list)
    unmapped: dict[int, int] = field(default_factory=dict)  # page → glyphs without a Unicode value


def read(data: bytes, path: str, *, password: str | None = None) -> Document:
    """Read a PDF's text layer into paragraphs and tables."""
    notes = _Notes()
    flows: list[PageFlow] = []
    chars_seen = 0
    for raw in _raw_pages(data, path, password):
        flow, usable = _page_flow(raw, notes)
        flows.append(flow)
        chars_seen += usable
    if not flows:
        raise IpplanError("corrupt-file", "the PDF has no pages", path)
    if chars_seen == 0:
        raise IpplanError("no-text-layer", _why_no_text(notes), path)
    layout.drop_furniture(flows)
    layout.group_tables(flows)
    blocks = _blocks(flows, layout.measure(flows))
    return Document(blocks=blocks, format="pdf", warnings=_warnings(notes))


def _why_no_text(notes: _Notes) -> str:
    if notes.unmapped:
        return "the PDF's fonts map none of its glyphs to characters: its text cannot be read"
    return "the PDF has no text layer (a scan?); ipplan does not do OCR"


# --- pdfplumber: open once, one pass over the pages ---------------------------------------------


def _raw_pages(data: bytes, path: str, password: str | None) -> Iterator[RawPage]:
    with _library_errors(path, password):
        pdf = _open(data, password)
    try:
        with _library_errors(path, password):
            _check_declared_pages(pdf, path)
            pages = pdf.pages
        if len(pages) > limits.MAX_PDF_PAGES:
            raise _too_many_pages(len(pages), path)
        for page in pages:
            with _library_errors(path, password):
                raw = _raw_page(page)
            yield raw
    finally:
        # not pdf.close(): it walks the page tree again, which on a damaged file raises anew and
        # would hide the error being reported; each page is closed as it is read
        pdf.stream.close()


def _open(data: bytes, password: str | None) -> PDF:
    """The opened PDF. A password that is wrong for a file that needs none (one encrypted only to
    restrict printing or copying) is no reason to refuse it: the empty password is tried then."""
    try:
        return pdfplumber.open(io.BytesIO(data), password=password or "", raise_unicode_errors=False)
    except PdfminerException as exc:
        if not password or not (exc.args and isinstance(exc.args[0], PDFPasswordIncorrect)):
            raise
    return pdfplumber.open(io.BytesIO(data), password="", raise_unicode_errors=False)


def _raw_page(page: Page) -> RawPage:
    """Everything needed from one pdfplumber page, read once; the page's caches are then freed."""
    raw = RawPage(
        number=page.page_number,
        width=float(page.width),
        height=float(page.height),
        chars=page.chars,
        tables=[t.cells for t in page.find_tables()],
        has_images=bool(page.images),
    )
    page.close()
    return raw


def _check_declared_pages(pdf: PDF, path: str) -> None:
    """Refuse a document whose page tree declares too many pages before walking it."""
    try:
        count = int(resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"]))
    except (KeyError, TypeError, ValueError, AttributeError):
        return  # no usable /Count: the walk itself is checked
    if count > limits.MAX_PDF_PAGES:
        raise _too_many_pages(count, path)


def _too_many_pages(count: int, path: str) -> IpplanError:
    return IpplanError(
        "limit-exceeded", f"the PDF has {count} pages, more than the limit of {limits.MAX_PDF_PAGES}", path
    )


@contextmanager
def _library_errors(path: str, password: str | None) -> Iterator[None]:
    """Turn whatever pdfplumber or pdfminer raises on a bad file into an ``IpplanError``.

    pdfminer raises a zoo on damaged input (PDFSyntaxError, PSEOF, KeyError, TypeError,
    struct.error, zlib.error, RecursionError …), so everything but MemoryError is caught here,
    around the library calls only: a bug in ipplan's own code still surfaces as itself.
    """
    try:
        yield
    except (IpplanError, MemoryError):
        raise
    except Exception as exc:
        raise _as_ipplan_error(exc, path, password) from exc


def _as_ipplan_error(exc: Exception, path: str, password: str | None) -> IpplanError:
    cause = exc
    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        cause = exc.args[0]  # pdfplumber wraps pdfminer's exceptions
    if isinstance(cause, PDFPasswordIncorrect):
        if password is None:
            return IpplanError("encrypted-file", "the PDF is encrypted: use --password", path)
        return IpplanError("wrong-password", "the password given does not open the PDF", path)
    if isinstance(cause, PDFEncryptionError):
        return IpplanError("encrypted-file", f"the PDF's encryption is not supported: {cause}", path)
    detail = f"{type(cause).__name__}: {cause}"[:200]
    return IpplanError("corrupt-file", f"the PDF is damaged and cannot be read ({detail})", path)


# --- one page: chars to lines and table parts ---------------------------------------------------


def _page_flow(raw: RawPage, notes: _Notes) -> tuple[PageFlow, int]:
    """The page's lines and table parts in reading order, and how many chars it had to read."""
    chars = _usable_chars(raw, notes)
    if not chars and raw.has_images:
        notes.imaged_without_text.append(raw.number)
    parts, body = _take_tables(raw, chars)
    items: list[Line | TablePart] = [*build_lines(body, raw.number), *parts]
    items.sort(key=lambda i: i.top)
    return PageFlow(number=raw.number, width=raw.width, items=items), len(chars)


def _take_tables(raw: RawPage, chars: list[Char]) -> tuple[list[TablePart], list[Char]]:
    """The page's tables with their cells' text, and the chars left for the body text (each char
    is in one place only, so a table's text is not repeated as paragraphs)."""
    parts: list[TablePart] = []
    for boxes in raw.tables:
        part = new_part(boxes, raw.number)
        if is_layout_frame(part):
            continue
        inside: list[Char] = []
        body: list[Char] = []
        for ch in chars:
            (inside if contains(part, ch) else body).append(ch)
        if not inside:
            continue  # a ruled box with nothing in it (a letterhead rule, a signature frame)
        chars = body + fill_text(part, inside)
        parts.append(part)
    return parts, chars


def _usable_chars(raw: RawPage, notes: _Notes) -> list[Char]:
    """The page's chars minus rotated ones (watermarks, stamps), those off the page and glyphs
    without a Unicode value (pdfminer's "(cid:123)"), deduplicated."""
    upright: list[Char] = []
    rotated = unmapped = 0
    for ch in raw.chars:
        if not ch.get("upright", True):
            rotated += 1
        elif not _on_page(ch, raw.width, raw.height):
            continue
        elif ch["text"].startswith("(cid:"):
            unmapped += 1
        else:
            upright.append(ch)
    if rotated:
        notes.rotated_text.append(raw.number)
    if unmapped:
        notes.unmapped[raw.number] = unmapped
    return dedupe_chars(upright)


def _on_page(ch: Char, width: float, height: float) -> bool:
    """A visible char with sane attributes. A damaged file can give a font name that is a PDF
    keyword object or a size of zero: those are repaired here so later code can trust them."""
    if not isinstance(ch.get("text"), str) or not ch["text"]:
        return False
    if ch["x1"] < 0 or ch["x0"] > width or ch["bottom"] < 0 or ch["top"] > height:
        return False
    if not isinstance(ch.get("fontname"), str):
        ch["fontname"] = str(ch.get("fontname"))
    if not ch.get("size") or ch["size"] <= 0:
        ch["size"] = max(ch["bottom"] - ch["top"], 1.0)
    return True


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


def _warnings(notes: _Notes) -> list[Warning]:
    out = [
        Warning(
            code="page-without-text",
            message=f"page {n} has images but no text layer (a scanned page?): its content is missing",
            source=Location(page=n),
        )
        for n in notes.imaged_without_text
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
    ]
    return out
