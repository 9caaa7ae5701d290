"""A scanned page: its image read into the chars and table cells a text page would give.

Per page, one at a time (the image is dropped before the next page is rendered):

1. PDFium renders the page in grey at ``RENDER_DPI``;
2. the paper is flattened to white (grey paper, uneven lighting) and isolated specks of dust and
   toner are removed;
3. the scan's skew is measured (the angle at which the rows of ink line up best) and the page
   is turned back by it, so lines are level and tables square;
4. the text detector finds the lines;
5. ruling lines are found in the image (long thin runs of ink, by morphological opening) and make
   table cells through ``grid``, as a text page's drawn rules do; inside tables they are painted
   out before recognition, so no border is read as "|" or "一"; ink in a cell that the detector
   left out (a lone "1", a "—", a unit on its own line) is given a box of its own;
6. each line is recognised and put right (``confusions``).

The recognised lines are kept (``ScanPage``) until every page is read; ``Calibration`` then
measures the document's body text size and the scanner's offset from all of them, and ``chars``
turns each line into chars: font sizes snapped to the standard Chinese sizes (三号 16 pt …) so
lines of one font have one size, as in a text layer; characters placed along the line by their
widths (full-width 1 em, half-width ½ em).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from ipplan.parsers.pdf import grid, ocr
from ipplan.parsers.pdf import page as pages
from ipplan.parsers.pdf.chars import Char
from ipplan.parsers.pdf.confusions import curl_quotes, lone_mark, normalise
from ipplan.parsers.pdf.document import PdfFile
from ipplan.parsers.pdf.grid import Bbox, Rule
from ipplan.parsers.pdf.lines import is_wide

RENDER_DPI = 200
# A page's mean recognition confidence below this earns it an ``ocr-low-confidence`` warning.
LOW_CONFIDENCE = 0.8
# Skew below this (degrees) is left alone; a scan is searched for skews up to MAX_SKEW.
MIN_SKEW = 0.05
MAX_SKEW = 5.0
SKEW_EVIDENCE = 1.02  # a turn must make the rows this much more uneven than none to be a skew
# Rules in a scan: a horizontal one is a run of ink at least this long (points; longer than any
# glyph's stroke), a vertical one at least this tall, and no thicker than MAX_RULE_WIDTH.
RULE_MIN_LENGTH = 40.0
# A shorter run is a rule only as the side of a cell, between two vertical rules: the row lines of
# a narrow 序号 column beside a merged 类别 cell (a glyph's stroke or a —— dash has no rules at its ends).
SHORT_RULE_LENGTH = 12.0
RULE_END_REACH = 4.0  # how far (points) a short rule's end may stop short of the vertical it meets
RULE_MIN_HEIGHT = 15.0
MAX_RULE_WIDTH = 4.0
# Ink left in a table cell by the detector: at least this many pixels is worth a look.
MIN_MISSED_INK = 12
# What a table cell may hold without a letter or digit: the markers plans use for "none".
MARKS = ("—", "/", "／", "-", "…")
_NOISE = frozenset(" .,:;'\"`·•-_~|!、，。：；‘’“”－—¯^")
# Specks: dark blobs of at most this many pixels, at 200 dpi, are dust (a 。 at 9 pt is larger).
SPECK_PIXELS = 5
# Ink: a pixel darker than this after the paper is flattened to white.
INK_LEVEL = 150
# A line starting less than this many ems right of the text block's left edge starts at it (an
# indent is two ems).
MARGIN_SNAP = 0.6
# The standard sizes of Chinese type (初号 … 六号), in points: a scan's text sizes snap to them.
STANDARD_SIZES = (42.0, 36.0, 26.0, 24.0, 22.0, 18.0, 16.0, 15.0, 14.0, 12.0, 10.5, 9.0, 7.5)
# A line of Chinese text: its ink is about this share of the type size tall (宋体, 仿宋, 黑体, 楷体).
INK_PER_EM = 0.9
SIZE_SNAP = 0.08  # a size within this share of a standard one is that one
BODY_SNAP = 0.15  # … and within this share of the body size, the body size


@dataclass(slots=True)
class ScanLine:
    """A recognised line in points, in the page as displayed and deskewed: its detected box
    (``x0`` … ``bottom``), and the rows its ink covers (``ink_top``, ``ink_bottom``), which
    measure its type size better than the box the detector drew round it."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float
    ink_top: float | None = None
    ink_bottom: float | None = None

    @property
    def height(self) -> float:
        if self.ink_top is not None and self.ink_bottom is not None:
            return self.ink_bottom - self.ink_top
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        if self.ink_top is not None and self.ink_bottom is not None:
            return (self.ink_top + self.ink_bottom) / 2
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class ScanPage:
    number: int
    width: float
    lines: list[ScanLine] = field(default_factory=list)
    cells: list[list[Bbox]] = field(default_factory=list)
    skew: float = 0.0  # degrees the scan was turned back by
    margins: tuple[float, float] | None = None  # its text block's left and right, where measurable

    @property
    def centre(self) -> float | None:
        """Where the page's text block is centred (where the scanner put it)."""
        return None if self.margins is None else sum(self.margins) / 2

    @property
    def confidence(self) -> float:
        """Mean recognition confidence, each line weighted by its length."""
        weight = sum(len(line.text) for line in self.lines)
        if not weight:
            return 0.0
        return sum(line.score * len(line.text) for line in self.lines) / weight


class PageReader:
    """Reads the scanned pages of a document."""

    def read_page(self, pdf: PdfFile, content: pages.PageContent) -> ScanPage:
        raster = pages.raster(pdf, content, RENDER_DPI)
        return read_image(raster.pixels, raster.scale, content.number, content.view.width)


def read_image(grey, scale: float, number: int, width: float) -> ScanPage:
    """A page image (grey, ``scale`` pixels per point) read by OCR."""
    image = _flatten(grey)
    ink = image < INK_LEVEL
    _despeckle(image, ink)
    skew = _skew(ink)
    if abs(skew) >= MIN_SKEW:
        image = _rotate(image, skew)
        ink = image < INK_LEVEL
    boxes = _apart(ocr.detect(image))
    rules, masks = _rules(ink, scale)
    cells = grid.tables(rules)
    if cells:
        _paint_out(image, ink, masks, cells, scale)
        boxes = _split_at_cells(boxes, cells, scale)
        boxes += _missed_in_cells(ink, boxes, cells, scale)
    recognised = ocr.recognise(image, boxes)
    texts = curl_quotes([normalise(r.text) for r in recognised])
    lines = []
    for r, text in zip(recognised, texts, strict=True):
        in_cell = bool(cells) and _in_cell(r.quad, cells, scale)
        if in_cell:
            text = lone_mark(text)
        if not _has_words(text) and not (in_cell and text in MARKS):
            continue
        xs = [p[0] for p in r.quad]
        ys = [p[1] for p in r.quad]
        x0, top, x1, bottom = (v / scale for v in (min(xs), min(ys), max(xs), max(ys)))
        line = ScanLine(text, x0, top, x1, bottom, r.score)
        rows = _ink_rows(ink, r.quad)
        if rows is not None:
            line.ink_top, line.ink_bottom = rows[0] / scale, rows[1] / scale
        lines.append(line)
    return ScanPage(number=number, width=width, lines=lines, cells=cells, skew=skew, margins=_margins(lines))


def _apart(boxes: list) -> list:
    """The boxes with those side by side on one line cut apart where they overlap: a label and
    its title set a tab apart ("一、⇥指导思想") get boxes that overlap, and the label's would be
    read with a piece of the title's first character ("一、扌")."""
    import numpy as np

    spans = [
        (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 0].max()), float(b[:, 1].max()))
        for b in boxes
    ]
    out = [np.array(b, dtype=np.float32) for b in boxes]
    order = sorted(range(len(out)), key=lambda k: spans[k][0])
    for i, k in enumerate(order):
        x0, top, x1, bottom = spans[k]
        for j in order[i + 1 :]:
            nx0, ntop, _, nbottom = spans[j]
            if nx0 >= x1:
                break
            overlap = min(bottom, nbottom) - max(top, ntop)
            if overlap >= 0.5 * min(bottom - top, nbottom - ntop) and nx0 > x0:
                cut = nx0 - 1
                out[k][:, 0] = np.minimum(out[k][:, 0], cut)
                x1 = cut
    return out


def _has_words(text: str) -> bool:
    """A line with more than specks read as "." "-" "|" or the like."""
    return any(c not in _NOISE for c in text)


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


def _skew(ink) -> float:
    """The scan's skew in degrees (positive: lines descend to the right): the turn that makes
    the rows of ink most uneven (lines of text and the white between them), searched coarsely
    on a quarter-size image and finely on a half-size one; 0 for a page without ink."""
    import cv2
    import numpy as np

    if not ink.any():
        return 0.0
    binary = ink.astype(np.float32)

    def best(factor: float, angles) -> tuple[float, float]:
        """The angle of ``angles`` with the most uneven rows, and how much more uneven they are
        than at the first angle."""
        small = cv2.resize(binary, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        height, width = small.shape
        centre = (width / 2, height / 2)
        scores = []
        for angle in angles:
            matrix = cv2.getRotationMatrix2D(centre, float(angle), 1.0)
            rows = cv2.warpAffine(small, matrix, (width, height)).sum(axis=1)
            scores.append(float(np.square(rows).sum()))
        k = int(np.argmax(scores))
        return float(angles[k]), scores[k] / max(scores[0], 1e-9)

    steps = np.arange(0.25, MAX_SKEW + 1e-9, 0.25)
    coarse, gain = best(0.25, np.concatenate([[0.0], -steps[::-1], steps]))
    if gain < SKEW_EVIDENCE:
        return 0.0  # no angle lines the ink up clearly better (a picture, a near-empty page)
    return best(0.5, np.arange(coarse - 0.25, coarse + 0.25 + 1e-9, 0.05))[0]


def _rotate(image, skew: float):
    """The image turned back by ``skew`` degrees about its centre (white brought in at the edges)."""
    import cv2

    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), skew, 1.0)
    return cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)


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
    across = _cell_sides(binary, across, rules, scale)
    return rules, (across, down)


def _cell_sides(binary, across, rules: list[Rule], scale: float):
    """Add to ``rules`` (and to the mask of horizontal rules) the runs of ink shorter than
    ``RULE_MIN_LENGTH`` whose two ends meet vertical rules: the sides of narrow cells."""
    import cv2
    import numpy as np

    # A big glyph's strokes (国 in a 22-point title) pass for a short vertical rule; a table's
    # column rules run through several rows.
    verticals = [r for r in rules if r.orientation == "v" and r.end - r.start >= RULE_MIN_LENGTH]
    if len(verticals) < 2:
        return across
    short = max(4, round(SHORT_RULE_LENGTH * scale))
    runs = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (short, 1)))
    runs[across > 0] = 0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    thick, reach = MAX_RULE_WIDTH * scale, RULE_END_REACH

    def meets(x: float, y: float) -> bool:
        return any(abs(v.pos - x) <= reach and v.start - reach <= y <= v.end + reach for v in verticals)

    added = np.zeros_like(across)
    for k in range(1, count):
        x, y, w, h, _area = stats[k]
        if h > thick:
            continue
        pos, x0, x1 = (y + h / 2) / scale, x / scale, (x + w) / scale
        if meets(x0, pos) and meets(x1, pos):
            rules.append(Rule("h", pos, x0, x1))
            added[labels == k] = 1
    return np.maximum(across, added)


def _paint_out(image, ink, masks, cells: list[list[Bbox]], scale: float) -> None:
    """Paint the rules inside the tables white (in place, in the image and its ink), so
    recognition does not read them."""
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
        painted = ruled[y0:y1, x0:x1] > 0
        image[y0:y1, x0:x1][painted] = 255
        ink[y0:y1, x0:x1][painted] = False


def _ink_rows(ink, quad) -> tuple[int, int] | None:
    """The rows (pixels, end exclusive) the line's ink covers: the run of inked rows through the
    middle of its box, looked for a little beyond the box (the detector may draw it tight), up to
    the white that parts it from the lines above and below."""
    import numpy as np

    height, width = ink.shape
    top, bottom = min(p[1] for p in quad), max(p[1] for p in quad)
    reach = 0.3 * (bottom - top)
    x0 = max(0, int(min(p[0] for p in quad)))
    x1 = min(width, int(max(p[0] for p in quad)) + 1)
    y0 = max(0, int(top - reach))
    y1 = min(height, int(bottom + reach) + 1)
    if x1 <= x0 or y1 <= y0:
        return None
    inked = ink[y0:y1, x0:x1].sum(axis=1) >= 2
    marked = np.flatnonzero(inked)
    if not len(marked):
        return None
    middle = (top + bottom) / 2 - y0
    start = end = int(marked[np.argmin(np.abs(marked - middle))])
    gap = 2  # rows of white inside a line's ink (between a stroke and a dot) are bridged
    while start > 0 and inked[max(0, start - gap - 1) : start].any():
        start -= 1
    while end < len(inked) - 1 and inked[end + 1 : end + gap + 2].any():
        end += 1
    return y0 + start, y0 + end + 1


def _split_at_cells(boxes: list, cells: list[list[Bbox]], scale: float) -> list:
    """The boxes cut where they cross a cell's side: a table row's texts set close together are
    detected as one line, but each belongs to its own cell."""
    import numpy as np

    out = []
    for box in boxes:
        x0, x1 = float(box[:, 0].min()), float(box[:, 0].max())
        top, bottom = float(box[:, 1].min()), float(box[:, 1].max())
        middle = (top + bottom) / 2 / scale
        cuts = sorted(
            {
                edge * scale
                for table in cells
                for c in table
                if c[1] <= middle < c[3]
                for edge in (c[0], c[2])
                if x0 + 2 < edge * scale < x1 - 2
            }
        )
        if not cuts:
            out.append(box)
            continue
        for left, right in zip([x0, *cuts], [*cuts, x1], strict=True):
            if right - left >= 4:
                out.append(
                    np.array([[left, top], [right, top], [right, bottom], [left, bottom]], dtype=np.float32)
                )
    return out


def _in_cell(quad, cells: list[list[Bbox]], scale: float) -> bool:
    x = sum(p[0] for p in quad) / 4 / scale
    y = sum(p[1] for p in quad) / 4 / scale
    return any(c[0] <= x < c[2] and c[1] <= y < c[3] for table in cells for c in table)


def _missed_in_cells(ink, boxes: list, cells: list[list[Bbox]], scale: float) -> list:
    """Boxes for the ink in table cells that no detected box covers: the detector passes over a
    lone short mark ("1", "—", "/") or a short line under a longer one ("（%）")."""
    import cv2
    import numpy as np

    if not boxes:
        return []
    heights = sorted(float(b[:, 1].max() - b[:, 1].min()) for b in boxes)
    line = heights[len(heights) // 2]  # a line's height, in pixels
    covered = np.zeros(ink.shape, dtype=np.uint8)
    for box in boxes:
        cv2.fillPoly(covered, [np.round(box).astype(np.int32)], 1)
    covered = cv2.dilate(covered, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    loose = ink & (covered == 0)
    inset = max(2, round(1.5 * scale))
    found = []
    for table in cells:
        for x0, top, x1, bottom in table:
            cx0, cy0 = round(x0 * scale) + inset, round(top * scale) + inset
            cx1, cy1 = round(x1 * scale) - inset, round(bottom * scale) - inset
            if cx1 <= cx0 or cy1 <= cy0:
                continue
            region = loose[cy0:cy1, cx0:cx1]
            if region.sum() < MIN_MISSED_INK:
                continue
            for r0, r1 in _bands(region.any(axis=1), gap=round(0.3 * line)):
                cols = np.flatnonzero(region[r0:r1].any(axis=0))
                if region[r0:r1].sum() < MIN_MISSED_INK or cols[-1] - cols[0] < 0.2 * line:
                    continue
                mid = cy0 + (r0 + r1) / 2
                half = max(r1 - r0, line) / 2 + 2
                left = cx0 + cols[0] - 0.25 * line
                right = cx0 + cols[-1] + 1 + 0.25 * line
                quad = [[left, mid - half], [right, mid - half], [right, mid + half], [left, mid + half]]
                found.append(np.asarray(quad, dtype=np.float32))
    return found


def _bands(rows, gap: int) -> list[tuple[int, int]]:
    """Runs of True in ``rows`` (index ranges), runs closer than ``gap`` joined."""
    import numpy as np

    marked = np.flatnonzero(rows)
    if not len(marked):
        return []
    out: list[list[int]] = [[int(marked[0]), int(marked[0]) + 1]]
    for i in marked[1:]:
        if i - out[-1][1] <= gap:
            out[-1][1] = int(i) + 1
        else:
            out.append([int(i), int(i) + 1])
    return [(a, b) for a, b in out]


def _margins(lines: list[ScanLine]) -> tuple[float, float] | None:
    """The left and right of the page's text block, from where its long lines start and end;
    None where the page has too few of them."""
    long = [line for line in lines if len(line.text) >= 12]
    if len(long) < 5:
        return None
    starts = sorted(line.x0 for line in long)
    ends = sorted(line.x1 for line in long)
    cut = len(long) // 10
    return starts[cut], ends[-1 - cut]


# --- lines to chars ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Calibration:
    """What holds for every scanned page of a document: how a line's ink height maps to its type
    size, the body size, and where the text block is centred on a page whose own lines cannot
    tell."""

    factor: float = 1 / INK_PER_EM
    body: float = 0.0
    offset: float | None = None  # text block centre minus page centre

    @classmethod
    def measure(cls, scanned: list[ScanPage]) -> Calibration:
        heights: list[tuple[float, int]] = []
        for sp in scanned:
            for line in sp.lines:
                wide = _ideographs(line.text)
                if wide >= 6:
                    heights.append((line.height, wide))
        offsets = [sp.centre - sp.width / 2 for sp in scanned if sp.centre is not None]
        offset = median(offsets) if offsets else None
        if not heights:
            return cls(offset=offset)  # no line long enough to measure: ink per em as usual
        ink = _weighted_median(heights)
        estimate = ink / INK_PER_EM
        body = _standard(estimate, 0.15) or round(estimate * 2) / 2
        return cls(factor=body / ink, body=body, offset=offset)

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
    """The page's recognised lines as chars spread along each line by their widths, each an em
    tall about the middle of the line's ink, as a text layer's are."""
    out: list[Char] = []
    for line in sp.lines:
        size = calibration.size(line.height)
        if calibration.body and size < calibration.body and _ideographs(line.text) < 2:
            size = calibration.body  # digits, Latin or a lone "一" are short: their ink tells no size
        units = sum(_advance(c) for c in line.text)
        if not units:
            continue
        # the box holds ink; a full-width bracket or stop has ink in one half of its em only
        x0 = line.x0 - (0.5 * size if line.text[0] in _INK_RIGHT else 0.0)
        x1 = line.x1 + (0.5 * size if line.text[-1] in _INK_LEFT else 0.0)
        if sp.margins is not None and 0 < x0 - sp.margins[0] < MARGIN_SNAP * size:
            x0 = sp.margins[0]  # a line starting at the margin: its first glyph's ink starts a little in
        step = (x1 - x0) / units
        x = x0
        top, bottom = line.middle - size / 2, line.middle + size / 2
        for ch in line.text:
            advance = _advance(ch) * step
            out.append(Char(ch, x, x + advance, top, bottom, size))
            x += advance
    return out


_INK_RIGHT = frozenset("（“《〔【‘「『")  # full-width marks inked in the right half of their em
_INK_LEFT = frozenset("）”》〕】’」』，。、；：！？")  # … and in the left half


def _ideographs(text: str) -> int:
    return sum(1 for c in text if "\u3400" <= c <= "\u9fff")
