"""One page of a PDF as read from its file: the text layer and the drawing, and whether the page
is a scan (a picture of text with no text layer over it).

A page is loaded, read and closed holding the PDFium lock; nothing of PDFium outlives it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ipplan.parsers.pdf import graphics, native, textlayer
from ipplan.parsers.pdf.document import PDFIUM_LOCK, PdfFile, Raster, View, library_errors, render, view_of
from ipplan.parsers.pdf.graphics import Drawing
from ipplan.parsers.pdf.textlayer import TextLayer

# A page with fewer usable characters than this has no text layer worth the name (a scanner may
# add a page number or a stray mark as text).
MIN_TEXT_CHARS = 10
# A picture covering this share of the page, with no text layer over it, is a scanned page.
SCAN_COVER = 0.2


@dataclass(slots=True)
class PageContent:
    number: int
    view: View
    text: TextLayer
    drawing: Drawing

    @property
    def has_text(self) -> bool:
        return len(self.text.chars) >= MIN_TEXT_CHARS

    @property
    def looks_scanned(self) -> bool:
        """No text layer, but a picture over the page, or glyphs no font maps to characters
        (text that can be read from the page's image only)."""
        if self.has_text:
            return self.text.unmapped > len(self.text.chars)
        area = self.view.width * self.view.height
        return self.drawing.image_area >= SCAN_COVER * area or self.text.unmapped > 0

    @property
    def has_images(self) -> bool:
        return self.drawing.image_area > 0


def load(pdf: PdfFile, number: int) -> PageContent:
    """Page ``number`` (1-based): its characters and drawing."""
    with PDFIUM_LOCK:
        page = pdf.page(number)
        try:
            with library_errors(pdf.path):
                view = view_of(page)
                textpage = page.get_textpage()
            try:
                text = textlayer.read(native.handle(textpage), view, pdf.path)
            finally:
                textpage.close()
            drawing = graphics.read(native.handle(page), view)
        finally:
            page.close()
    return PageContent(number=number, view=view, text=text, drawing=drawing)


def raster(pdf: PdfFile, content: PageContent, dpi: float) -> Raster:
    """Page ``content.number`` rendered in grey at ``dpi`` (for OCR)."""
    with PDFIUM_LOCK:
        page = pdf.page(content.number)
        try:
            return render(page, content.view, dpi, pdf.path)
        finally:
            page.close()
