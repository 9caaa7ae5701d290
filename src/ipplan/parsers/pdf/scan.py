"""A scanned page: its image read into the chars and table cells a text page would give.

Per page, one at a time (the image is dropped before the next page is rendered):

1. PDFium renders the page in grey at ``RENDER_DPI``;
2. the paper is flattened to white (grey paper, uneven lighting) and isolated specks of dust and
   toner are removed;
3. the text detector finds the lines; their slope gives the scan's skew, and the page image and
   the boxes are turned back by it, so lines are level and tables square;
4. ruling lines are found in the image (long thin runs of ink, by morphological opening) and make
   table cells through ``grid``, as a text page's drawn rules do; inside tables they are painted
   out before recognition, so no border is read as "|" or "一";
5. each line is recognised and put right (``confusions``).

The recognised lines are kept (``ScanPage``) until every page is read; ``Calibration`` then
measures the document's body text size and the scanner's offset from all of them, and ``chars``
turns each line into chars: font sizes snapped to the standard Chinese sizes (三号 16 pt …) so
lines of one font have one size, as in a text layer; characters placed along the line by their
widths (full-width 1 em, half-width ½ em).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import median

from ipplan.parsers.pdf import grid, ocr
from ipplan.parsers.pdf import page as pages
from ipplan.parsers.pdf.chars import Char
from ipplan.parsers.pdf.confusions import curl_quotes, normalise
from ipplan.parsers.pdf.document import PdfFile
from ipplan.parsers.pdf.grid import Bbox, Rule
from ipplan.parsers.pdf.lines import is_wide

RENDER_DPI = 200
# A page's mean recognition confidence below this earns it an ``ocr-low-confidence`` warning.
LOW_CONFIDENCE = 0.8
# Skew below this (degrees) is left alone; above MAX_SKEW the boxes' slope is not a skew.
MIN_SKEW = 0.05
MAX_SKEW = 10.0
# Rules in a scan: a horizontal one is a run of ink at least this long (points; longer than any
# glyph's stroke), a vertical one at least this tall, and no thicker than MAX_RULE_WIDTH.
RULE_MIN_LENGTH = 40.0
RULE_MIN_HEIGHT = 15.0
MAX_RULE_WIDTH = 4.0
# Specks: dark blobs of at most this many pixels, at 200 dpi, are dust (a 。 at 9 pt is larger).
SPECK_PIXELS = 5
# Ink: a pixel darker than this after the paper is flattened to white.
INK_LEVEL = 150
# The standard sizes of Chinese type (初号 … 六号), in points: a scan's text sizes snap to them.
STANDARD_SIZES = (42.0, 36.0, 26.0, 24.0, 22.0, 18.0, 16.0, 15.0, 14.0, 12.0, 10.5, 9.0, 7.5)
SIZE_SNAP = 0.08  # a size within this share of a standard one is that one
BODY_SNAP = 0.12  # … and within this share of the body size, the body size


@dataclass(slots=True)
class ScanLine:
    """A recognised line in points, in the page as displayed and deskewed."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class ScanPage:
    number: int
    width: float
    lines: list[ScanLine] = field(default_factory=list)
    cells: list[list[Bbox]] = field(default_factory=list)
    skew: float = 0.0  # degrees the scan was turned back by
    centre: float | None = None  # where its text block is centred, where measurable

    @property
    def confidence(self) -> float:
        """Mean recognition confidence, each line weighted by its length."""
        weight = sum(len(line.text) for line in self.lines)
        if not weight:
            return 0.0
        return sum(line.score * len(line.text) for line in self.lines) / weight


class PageReader:
    """Reads the scanned pages of one document."""

    def __init__(self, path: str):
        self.path = path

    def read_page(self, pdf: PdfFile, content: pages.PageContent) -> ScanPage:
        raster = pages.raster(pdf, content, RENDER_DPI)
        return read_image(raster.pixels, raster.scale, content.number, content.view.width)


def read_image(grey, scale: float, number: int, width: float) -> ScanPage:
    """A page image (grey, ``scale`` pixels per point) read by OCR."""
    image = _flatten(grey)
    boxes = ocr.detect(image)
    skew = _skew(boxes)
    if abs(skew) >= MIN_SKEW:
        image, boxes = _rotate(image, boxes, skew)
    ink = image < INK_LEVEL
    _despeckle(image, ink)
    rules, masks = _rules(ink, scale)
    cells = grid.tables(rules)
    if cells:
        _paint_out(image, masks, cells, scale)
    recognised = ocr.recognise(image, boxes)
    texts = curl_quotes([normalise(r.text) for r in recognised])
    lines = []
    for r, text in zip(recognised, texts, strict=True):
        if not _has_words(text):
            continue
        xs = [p[0] for p in r.quad]
        ys = [p[1] for p in r.quad]
        x0, top, x1, bottom = (v / scale for v in (min(xs), min(ys), max(xs), max(ys)))
        lines.append(ScanLine(text, x0, top, x1, bottom, r.score))
    return ScanPage(number=number, width=width, lines=lines, cells=cells, skew=skew, centre=_centre(lines))


def _has_words(text: str) -> bool:
    """A line with a letter, digit or Chinese character: not a speck read as "." or "-"."""
    return any(c.isalnum() for c in text)


# --- the image ------------------------------------------------------------------------------------


def _flatten(grey):
    """The page with its paper made white: each pixel divided by the paper's local brightness
    (the brightest nearby, smoothed), so grey paper and uneven lighting come out alike."""
    import cv2
    import numpy as np

    small = cv2.resize(grey, None, fx=0.125, fy=0.125, interpolation=cv2.INTER_AREA)
    paper = cv2.dilate(small, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7)))
    paper = cv2.GaussianBlur(paper, (0, 0), 3)
    paper = cv2.resize(paper, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    paper = np.maximum(paper, 1).astype(np.float32)
    return np.clip(grey.astype(np.float32) * (255.0 / paper), 0, 255).astype(np.uint8)


def _despeckle(image, ink) -> None:
    """Paint out (in place) isolated blobs of ink too small to be any mark of the text."""
    import cv2
    import numpy as np

    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink.view(np.uint8), connectivity=8)
    small = np.zeros(count, dtype=bool)
    small[1:] = stats[1:, cv2.CC_STAT_AREA] <= SPECK_PIXELS
    if small.any():
        specks = small[labels]
        image[specks] = 255
        ink[specks] = False


def _skew(boxes: list) -> float:
    """The scan's skew in degrees (positive: lines descend to the right), from the slope of the
    long text boxes; 0 when there are too few to tell."""
    angles = []
    for box in boxes:
        (x0, y0), (x1, y1) = box[0], box[1]
        width = math.hypot(x1 - x0, y1 - y0)
        height = math.hypot(box[3][0] - x0, box[3][1] - y0)
        if width >= 6 * max(height, 1.0):
            angles.append(math.degrees(math.atan2(y1 - y0, x1 - x0)))
    if len(angles) < 3:
        return 0.0
    angle = median(angles)
    return angle if abs(angle) <= MAX_SKEW else 0.0


def _rotate(image, boxes: list, skew: float):
    """The image and the boxes turned back by ``skew`` degrees about the image's centre."""
    import cv2
    import numpy as np

    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), skew, 1.0)
    turned = cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)
    out = []
    for box in boxes:
        points = np.hstack([np.asarray(box, dtype=np.float32), np.ones((4, 1), dtype=np.float32)])
        out.append((points @ matrix.T).astype(np.float32))
    return turned, out


def _rules(ink, scale: float):
    """The page's ruling lines (in points) and the masks of their pixels (horizontal, vertical)."""
    import cv2
    import numpy as np

    binary = ink.view(np.uint8)
    long = max(8, round(RULE_MIN_LENGTH * scale))
    tall = max(8, round(RULE_MIN_HEIGHT * scale))
    across = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (long, 1)))
    down = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, tall)))
    thick = MAX_RULE_WIDTH * scale
    rules: list[Rule] = []
    for mask, orientation in ((across, "h"), (down, "v")):
        _, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for x, y, w, h, _area in stats[1:]:
            if orientation == "h" and h <= thick:
                rules.append(Rule("h", (y + h / 2) / scale, x / scale, (x + w) / scale))
            elif orientation == "v" and w <= thick:
                rules.append(Rule("v", (x + w / 2) / scale, y / scale, (y + h) / scale))
    return rules, (across, down)


def _paint_out(image, masks, cells: list[list[Bbox]], scale: float) -> None:
    """Paint the rules inside the tables white (in place), so recognition does not read them."""
    import cv2
    import numpy as np

    ruled = cv2.dilate(np.maximum(*masks), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    height, width = image.shape[:2]
    margin = 3 * scale
    for table in cells:
        x0 = max(0, int(min(c[0] for c in table) * scale - margin))
        y0 = max(0, int(min(c[1] for c in table) * scale - margin))
        x1 = min(width, int(max(c[2] for c in table) * scale + margin) + 1)
        y1 = min(height, int(max(c[3] for c in table) * scale + margin) + 1)
        region = image[y0:y1, x0:x1]
        region[ruled[y0:y1, x0:x1] > 0] = 255


def _centre(lines: list[ScanLine]) -> float | None:
    """The middle of the page's text block (where the scanner put it), from the margins its long
    lines keep; None where the page has too few of them."""
    long = [line for line in lines if len(line.text) >= 12]
    if len(long) < 5:
        return None
    starts = sorted(line.x0 for line in long)
    ends = sorted(line.x1 for line in long)
    cut = len(long) // 10
    return (starts[cut] + ends[-1 - cut]) / 2


# --- lines to chars ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Calibration:
    """What holds for every scanned page of a document: how box heights map to type sizes, the
    body size, and where the text block is centred on a page whose own lines cannot tell."""

    factor: float = 1.0
    body: float = 0.0
    offset: float | None = None  # text block centre minus page centre

    @classmethod
    def measure(cls, scanned: list[ScanPage]) -> Calibration:
        heights: list[tuple[float, int]] = []
        for sp in scanned:
            for line in sp.lines:
                wide = sum(1 for c in line.text if is_wide(c))
                if wide >= 6:
                    heights.append((line.height, wide))
        offsets = [sp.centre - sp.width / 2 for sp in scanned if sp.centre is not None]
        offset = median(offsets) if offsets else None
        if not heights:
            return cls(offset=offset)
        estimate = _weighted_median(heights)
        body = _standard(estimate, 0.15) or round(estimate * 2) / 2
        return cls(factor=body / estimate, body=body, offset=offset)

    def size(self, height: float) -> float:
        size = height * self.factor
        if self.body and abs(size - self.body) <= BODY_SNAP * self.body:
            return self.body
        return _standard(size, SIZE_SNAP) or round(size * 2) / 2

    def centre(self, sp: ScanPage) -> float | None:
        if sp.centre is not None:
            return sp.centre
        return None if self.offset is None else sp.width / 2 + self.offset


def _standard(size: float, tolerance: float) -> float | None:
    best = min(STANDARD_SIZES, key=lambda s: abs(s - size))
    return best if abs(best - size) <= tolerance * best else None


def _weighted_median(values: list[tuple[float, int]]) -> float:
    ordered = sorted(values)
    half = sum(w for _, w in ordered) / 2
    seen = 0
    for value, weight in ordered:
        seen += weight
        if seen >= half:
            return value
    return ordered[-1][0]


def _advance(ch: str) -> float:
    """A character's width in ems: full-width 1, a space 0.3, anything else ½."""
    if is_wide(ch):
        return 1.0
    return 0.3 if ch == " " else 0.5


def chars(sp: ScanPage, calibration: Calibration) -> list[Char]:
    """The page's recognised lines as chars spread along each line by their widths."""
    out: list[Char] = []
    for line in sp.lines:
        size = calibration.size(line.height)
        units = sum(_advance(c) for c in line.text)
        if not units:
            continue
        step = (line.x1 - line.x0) / units
        x = line.x0
        for ch in line.text:
            advance = _advance(ch) * step
            out.append(Char(ch, x, x + advance, line.top, line.bottom, size))
            x += advance
    return out
