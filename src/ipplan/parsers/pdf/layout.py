"""Lines to paragraphs: page furniture removed, lines re-joined the way the author typed them.

A PDF keeps no paragraphs, only lines. This module puts them back from the page geometry that
Chinese official documents follow (GB/T 9704): a paragraph starts with a two-character first-line
indent or a numbering label, its last line ends a sentence short of the right margin, and titles
are centred. Running headers, footers and page numbers are dropped first.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

from ipplan.blocks import Paragraph
from ipplan.parsers.pdf.lines import Line, join_broken
from ipplan.parsers.pdf.tables import TablePart, continues
from ipplan.schema import Location

# A numbering label at the start of a line: 一、 （一） 1. 1、 （1） ① 第一章 ……
LABEL = (
    r"(?:[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百]+[）)]"
    r"|\d{1,3}\s?[、.．](?!\d)"
    r"|[（(]\d{1,3}[）)]"
    r"|[\u2460-\u2473\u2776-\u277f]"
    r"|第[一二三四五六七八九十百]+[章节条部分])"
)
_LABEL_START = re.compile(LABEL)
_LABEL_ONLY = re.compile(rf"{LABEL}\s*$")
_PAGE_NUMBER = re.compile(
    r"[-—–－~～\s]*\d{1,4}[-—–－~～\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
)
_SENTENCE_END = set("。！？!?；;：:…")
_CLOSERS = set("”’）)】」』》〕]")
_BODY_END = set("。，；：,;:")

FURNITURE_SLOTS = 2  # lines at each end of a page that may be a running header or footer
RUNNING_MIN_PAGES = 2  # a running header or footer repeats on at least this many pages …
RUNNING_SHARE = 0.4  # … and on at least this share of them
RUNNING_DRIFT = 8.0  # points a running line may move between pages (a scanned page more than a typeset one)


Item = Line | TablePart | list[TablePart]


@dataclass(slots=True)
class PageFlow:
    """One page's content in reading order: lines and table parts, top to bottom."""

    number: int
    width: float
    items: list[Item] = field(default_factory=list)
    centre: float | None = None  # where titles are centred, where not the page's middle (a scan)


# --- page furniture -----------------------------------------------------------------------------


def is_page_number(text: str) -> bool:
    """True for "— 3 —", "-3-", "第3页", "第3页 共12页", "3/12", "Page 3" and a bare 3."""
    return bool(_PAGE_NUMBER.fullmatch(text.strip()))


def _edge_lines(items: Sequence[Item]) -> list[Line]:
    """The lines among the first and last ``FURNITURE_SLOTS`` items of a page."""
    ends = list(items[:FURNITURE_SLOTS]) + list(items[FURNITURE_SLOTS:][-FURNITURE_SLOTS:])
    return [i for i in ends if isinstance(i, Line)]


def drop_furniture(pages: Sequence[PageFlow]) -> None:
    """Remove page numbers and running headers and footers from the pages, in place.

    A page number is the first or last line of a page matching a page-number pattern; a running
    line is one of the two lines at either end of a page that repeats, digits aside, at the same
    height on several pages.
    """
    running = _running_lines(pages)
    for page in pages:
        items = [i for i in page.items if id(i) not in running]
        if items and isinstance(items[0], Line) and is_page_number(items[0].text):
            items.pop(0)
        if items and isinstance(items[-1], Line) and is_page_number(items[-1].text):
            items.pop()
        page.items = items


def _running_lines(pages: Sequence[PageFlow]) -> set[int]:
    """ids of the edge lines that repeat as a running header or footer."""
    groups: dict[str, list[Line]] = defaultdict(list)
    for page in pages:
        for line in _edge_lines(page.items):
            groups[re.sub(r"\d+", "#", line.text)].append(line)
    need = max(RUNNING_MIN_PAGES, RUNNING_SHARE * len(pages))
    out: set[int] = set()
    for lines in groups.values():
        if len({line.page for line in lines}) < need:
            continue
        mid = median(line.top for line in lines)
        steady = [line for line in lines if abs(line.top - mid) <= RUNNING_DRIFT]
        if len({line.page for line in steady}) >= need:
            out.update(id(line) for line in steady)
    return out


# --- tables continued on the next page ----------------------------------------------------------


def group_tables(pages: Sequence[PageFlow]) -> None:
    """Replace every table part by the list of parts of its table, in place: a part at the top of
    a page that continues the table ending the previous page joins that table's list."""
    open_group: list[TablePart] | None = None
    for page in pages:
        items: list[Item] = []
        carried = False
        for k, item in enumerate(page.items):
            if not isinstance(item, TablePart):
                items.append(item)
            elif k == 0 and open_group is not None and continues(open_group[0], open_group[-1], item):
                open_group.append(item)
                carried = True
            else:
                items.append([item])
        page.items = items
        if items:
            open_group = items[-1] if isinstance(items[-1], list) else None
        elif not carried:
            open_group = None


# --- the page geometry --------------------------------------------------------------------------


@dataclass(slots=True)
class Geometry:
    """The text block the document is set in, measured from its own lines."""

    left: float  # where continuation lines start
    right: float  # where full lines end
    body_size: float
    line_gap: float  # usual white space between two lines of a paragraph
    centres: dict[int, float]  # page number → horizontal centre
    indent: float | None = None  # where most first lines start

    def is_centered(self, line: Line) -> bool:
        """A title line: centred on the page, not a full line of body text, not a body paragraph's
        first line that happens to end as far from the margin as it is indented, not ending a
        sentence."""
        mid = (line.x0 + line.x1) / 2
        if abs(mid - self.centres.get(line.page, mid)) > max(4.0, 0.35 * line.size):
            return False
        if abs(line.size - self.body_size) <= 0.5:
            if line.x0 - self.left < 0.5 * line.size:
                return False
            if self.indent is not None and abs(line.x0 - self.indent) < 1.0:
                return False
        elif line.size < self.body_size:
            return False  # small print: a note, a caption, a footer
        return line.text[-1:] not in _BODY_END

    def is_indented(self, line: Line) -> bool:
        return line.x0 - self.left > 0.5 * line.size

    def ends_short(self, line: Line) -> bool:
        return self.right - line.x1 > 1.5 * line.size

    def ends_far_short(self, line: Line) -> bool:
        return self.right - line.x1 > 8 * line.size


def measure(pages: Sequence[PageFlow]) -> Geometry:
    """The geometry of the text block, from the lines of all pages."""
    lines = [i for p in pages for i in p.items if isinstance(i, Line)]
    centres = {p.number: p.width / 2 if p.centre is None else p.centre for p in pages}
    if not lines:
        return Geometry(0.0, 0.0, 0.0, 0.0, centres)
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0]
    body = [line for line in lines if abs(line.size - body_size) <= 0.5]
    left = _left_edge(body)
    return Geometry(
        left=left,
        right=_right_edge(body),
        body_size=body_size,
        line_gap=_usual_gap(pages, body_size),
        centres=centres,
        indent=_indent(body, left),
    )


def _indent(body: Sequence[Line], left: float) -> float | None:
    """Where first lines start: the most common start right of the left edge (seen twice at least)."""
    starts = Counter(round(line.x0, 1) for line in body if line.x0 - left > 0.5 * line.size)
    if not starts:
        return None
    start, n = starts.most_common(1)[0]
    return start if n >= 2 else None


def _left_edge(body: Sequence[Line]) -> float:
    """Where continuation lines start: the leftmost start, bar a stray line or two. (Not the most
    common start: in a short document of one-line paragraphs that is the indent.)"""
    starts = sorted(line.x0 for line in body)
    return starts[len(starts) // 50]


def _right_edge(body: Sequence[Line]) -> float:
    """Where full lines end: the most common end among the lines ending near the rightmost one
    (lines with hanging punctuation or squeezed Latin end a little further right)."""
    far = max(line.x1 for line in body)
    near = [line.x1 for line in body if line.x1 >= far - 2 * line.size]
    end, _ = Counter(round(x) for x in near).most_common(1)[0]
    return max(x for x in near if round(x) == end)


def _usual_gap(pages: Sequence[PageFlow], body_size: float) -> float:
    gaps: Counter[int] = Counter()
    for page in pages:
        for a, b in zip(page.items, page.items[1:], strict=False):
            if isinstance(a, Line) and isinstance(b, Line) and abs(a.size - body_size) <= 0.5:
                gaps[round(b.top - a.bottom)] += 1
    return float(gaps.most_common(1)[0][0]) if gaps else 0.5 * body_size


# --- paragraphs ---------------------------------------------------------------------------------


def starts_paragraph(prev: Line | None, line: Line, geo: Geometry) -> bool:
    """Whether ``line`` begins a new paragraph after ``prev`` (None: after a table or at the start)."""
    if prev is None:
        return True
    if _LABEL_ONLY.match(prev.text):
        return False  # a Word numbering label on a line of its own: its title follows
    prev_centered, centered = geo.is_centered(prev), geo.is_centered(line)
    if prev_centered or centered:
        return not (prev_centered and centered and _same_title(prev, line))
    if abs(line.size - prev.size) > 1.0:
        return True
    if _LABEL_START.match(line.text):
        return True
    if geo.is_indented(line):
        # after a full line that ends no sentence, an indented line is the wrapped text of a
        # list item set with a hanging indent, not a paragraph's indented first line
        return geo.ends_short(prev) or ends_sentence(prev.text)
    if line.page == prev.page and line.top - prev.bottom >= geo.line_gap + line.size:
        return True  # a blank line's worth of space: paragraph spacing
    # on one page, a line that stops far short of the margin ended its paragraph, sentence or
    # not (a heading in a document set without first-line indents); a little short, only with a
    # sentence end (a long number may have been carried over to the next line)
    far_short = line.page == prev.page and geo.ends_far_short(prev)
    return (geo.ends_short(prev) and ends_sentence(prev.text)) or far_short


def _same_title(prev: Line, line: Line) -> bool:
    """Two centred lines of one title: same size, one under the other."""
    return (
        line.page == prev.page and abs(line.size - prev.size) <= 0.5 and line.top - prev.bottom <= line.size
    )


def ends_sentence(text: str) -> bool:
    """True where the text ends a sentence, closing quotes and brackets aside ("…。”")."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def make_paragraph(lines: Sequence[Line], geo: Geometry) -> Paragraph:
    """One paragraph from its lines; located on the page it starts on."""
    text = ""
    for line in lines:
        text = join_broken(text, line.text)
    first = [line for line in lines if line.page == lines[0].page]
    bbox = (
        round(min(line.x0 for line in first), 2),
        round(min(line.top for line in first), 2),
        round(max(line.x1 for line in first), 2),
        round(max(line.bottom for line in first), 2),
    )
    return Paragraph(
        text=text.strip(),
        loc=Location(page=lines[0].page, bbox=bbox),
        centered=all(geo.is_centered(line) for line in lines),
        bold=sum(1 for line in lines if line.bold) * 2 > len(lines),
    )
