"""The PDF file through PDFium (pypdfium2): opening it, its pages one at a time, rendering a page.

PDFium is the PDF engine of Chromium, fuzzed continuously and written in C++: it reads a page's
characters and drawing some ten times faster than pdfminer. Every failure it reports on a bad
input becomes an ``IpplanError`` here. PDFium is not thread-safe, so every call into it is made
holding ``PDFIUM_LOCK`` (a thread-based scheduler may parse two PDFs at once); OCR, which needs no
PDFium, runs outside it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pypdfium2 as pdfium

from ipplan import limits
from ipplan.errors import IpplanError

PDFIUM_LOCK = threading.RLock()

# PDFium's load errors (FPDF_GetLastError)
_ERR_PASSWORD = 4
_ERR_SECURITY = 5
# A PDF ends with "%%EOF" (a server may append a little junk after it); one cut short lacks it, and
# PDFium would repair it silently into fewer pages than the document has.
_TAIL_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class View:
    """How a page is displayed: its size in points and the map from PDF user space (origin at the
    bottom-left of the media box, y up) to display space (origin top-left, y down), which applies
    the page's /Rotate and crop box as a viewer does."""

    width: float
    height: float
    rotation: int  # clockwise degrees: 0, 90, 180, 270
    crop: tuple[float, float, float, float]  # left, bottom, right, top in user space

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A user-space point in display space (x, top)."""
        left, bottom, right, top = self.crop
        if self.rotation == 90:
            return y - bottom, x - left
        if self.rotation == 180:
            return right - x, y - bottom
        if self.rotation == 270:
            return top - y, right - x
        return x - left, top - y

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """A user-space rectangle in display space (x0, top, x1, bottom)."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def view_of(page: pdfium.PdfPage) -> View:
    rotation = page.get_rotation() % 360
    crop = tuple(float(v) for v in page.get_cropbox())
    left, bottom, right, top = crop
    width, height = right - left, top - bottom
    if rotation in (90, 270):
        width, height = height, width
    return View(width=width, height=height, rotation=rotation, crop=crop)  # type: ignore[arg-type]


class PdfFile:
    """An open PDF: ``page(n)`` loads page n (1-based), to be closed by the caller."""

    def __init__(self, document: pdfium.PdfDocument, path: str):
        self.document = document
        self.path = path
        self.page_count = len(document)

    def page(self, number: int) -> pdfium.PdfPage:
        with library_errors(self.path):
            return self.document[number - 1]


@contextmanager
def opened(data: bytes, path: str, password: str | None) -> Iterator[PdfFile]:
    """The PDF opened with PDFium, its page count checked; closed on leaving."""
    if b"%%EOF" not in data[-_TAIL_BYTES:]:
        raise IpplanError("corrupt-file", "the PDF is truncated (it has no end-of-file marker)", path)
    with PDFIUM_LOCK:
        document = _open(data, path, password)
    try:
        pdf = PdfFile(document, path)
        if pdf.page_count > limits.MAX_PDF_PAGES:
            raise IpplanError(
                "limit-exceeded",
                f"the PDF has {pdf.page_count} pages, more than the limit of {limits.MAX_PDF_PAGES}",
                path,
            )
        yield pdf
    finally:
        with PDFIUM_LOCK:
            document.close()


def _open(data: bytes, path: str, password: str | None) -> pdfium.PdfDocument:
    """The opened document. A password that is wrong for a file that needs none (one encrypted only
    to restrict printing or copying) is no reason to refuse it: the file is then opened without."""
    try:
        return pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == _ERR_PASSWORD and password:
            try:
                return pdfium.PdfDocument(data)
            except pdfium.PdfiumError:
                raise IpplanError("wrong-password", "the password given does not open the PDF", path) from exc
        if code == _ERR_PASSWORD:
            raise IpplanError("encrypted-file", "the PDF is encrypted: use --password", path) from exc
        if code == _ERR_SECURITY:
            raise IpplanError("encrypted-file", "the PDF's encryption is not supported", path) from exc
        raise IpplanError("corrupt-file", "the PDF is damaged and cannot be read", path) from exc


@contextmanager
def library_errors(path: str) -> Iterator[None]:
    """PDFium reports a page it cannot load or parse as a ``PdfiumError``: the file is damaged."""
    try:
        yield
    except pdfium.PdfiumError as exc:
        detail = str(exc)[:200]
        raise IpplanError("corrupt-file", f"the PDF is damaged and cannot be read ({detail})", path) from exc


@dataclass(frozen=True, slots=True)
class Raster:
    """A rendered page: grey pixels (rows × columns, 0 black … 255 white) at ``scale`` pixels per point."""

    pixels: object  # numpy.ndarray of uint8
    scale: float


def render(page: pdfium.PdfPage, view: View, dpi: float, path: str) -> Raster:
    """The page in grey at ``dpi`` (lowered for a page so large that it would pass
    ``limits.MAX_RENDER_PIXELS``), as displayed (rotation applied)."""
    scale = dpi / 72.0
    pixels = view.width * view.height * scale * scale
    if pixels > limits.MAX_RENDER_PIXELS:
        scale *= 0.99 * (limits.MAX_RENDER_PIXELS / pixels) ** 0.5  # 0.99: pixels are whole
    if scale * min(view.width, view.height) < 1:
        raise IpplanError("limit-exceeded", "a page is too large to be rendered for OCR", path)
    with PDFIUM_LOCK, library_errors(path):
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            grey = bitmap.to_numpy()
            grey = grey.reshape(grey.shape[0], grey.shape[1], -1)[:, :, 0].copy()
        finally:
            bitmap.close()
    return Raster(pixels=grey, scale=scale)
