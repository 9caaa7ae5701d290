"""Ruled tables in a PDF: cell text, merged cells, and tables continued over a page break.

``grid`` finds a table's cells (bounding boxes) from its ruling lines; this module gives each
cell its text from the page's chars, lays the cells out on a grid, and joins the parts of a table
that LibreOffice or Word split across pages. The same for a text page and a scanned one.

A grid slot holds either a ``RawCell`` (the cell whose top-left corner is there) or a ``Span``
marker for a slot a merged cell covers; spans are resolved only after the parts of a table are
joined, so a vertical merge that crosses a page break fills from the rejoined row above.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from ipplan.blocks import Cell, Table
from ipplan.parsers.pdf.chars import Char
from ipplan.parsers.pdf.lines import build_lines, join_broken
from ipplan.schema import Location

Bbox = tuple[float, float, float, float]

# Edges closer than this (points) are the same ruling line.
SNAP = 2.0
# On a scanned page: how far a table's edges may lie from where the previous page's part puts
# them (rules found in an image), and how far the page may sit apart from the previous one on
# the scanner's glass.
SCAN_TOLERANCE = 6.0
SCAN_DRIFT = 24.0


@dataclass(slots=True)
class RawCell:
    """A cell as printed on one page: its box and the text inside it."""

    bbox: Bbox
    text: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """A grid slot covered by a merged cell: ``"h"`` from the left, ``"v"`` from above."""

    direction: str


Slot = RawCell | Span


@dataclass(slots=True)
class TablePart:
    """The part of a table printed on one page."""

    page: int
    bbox: Bbox
    cells: list[RawCell]
    xs: list[float]  # column boundaries, left to right (one more than columns)
    ys: list[float] = field(default_factory=list)  # row boundaries, top to bottom
    # how far its edges may lie from a continuation's, and how far its page may be shifted from
    # the next: a scanned page's a little (``SCAN_TOLERANCE``, ``SCAN_DRIFT``), a typeset one's not
    tolerance: float = SNAP
    drift: float = SNAP

    @property
    def top(self) -> float:
        return self.bbox[1]


def boundaries(values: Sequence[float], end: float) -> list[float]:
    """Sorted distinct positions (within ``SNAP``) followed by the far edge ``end``."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    if end - out[-1] > SNAP:
        out.append(end)
    else:
        out[-1] = max(out[-1], end)
    return out


def new_part(cell_boxes: Sequence[Bbox], page: int, scanned: bool = False) -> TablePart:
    """A table part from the cell boxes ``grid`` found, text not yet filled in."""
    x0 = min(b[0] for b in cell_boxes)
    top = min(b[1] for b in cell_boxes)
    x1 = max(b[2] for b in cell_boxes)
    bottom = max(b[3] for b in cell_boxes)
    xs = boundaries([b[0] for b in cell_boxes], x1)
    ys = boundaries([b[1] for b in cell_boxes], bottom)
    cells = [RawCell(tuple(b)) for b in sorted(cell_boxes, key=lambda b: (b[1], b[0]))]  # type: ignore[misc]
    part = TablePart(page=page, bbox=(x0, top, x1, bottom), cells=cells, xs=xs, ys=ys)
    if scanned:
        part.tolerance, part.drift = SCAN_TOLERANCE, SCAN_DRIFT
    return part


def is_layout_frame(part: TablePart) -> bool:
    """A single-column "table" is a box drawn around text (a 专栏 frame), not data: its text is
    better read as paragraphs."""
    return len(part.xs) <= 2


def _span_range(lo: float, hi: float, bounds: list[float]) -> range:
    """The grid indices whose interval lies within [lo, hi]."""
    first = bisect_right(bounds, lo + SNAP) - 1
    last = bisect_right(bounds, hi - SNAP) - 1
    return range(max(first, 0), min(max(last, first), len(bounds) - 2) + 1)


def owner_grid(part: TablePart, xs: list[float]) -> list[list[int | None]]:
    """For every grid slot, the index in ``part.cells`` of the cell covering it (None: none)."""
    grid: list[list[int | None]] = [[None] * (len(xs) - 1) for _ in range(len(part.ys) - 1)]
    for i, cell in enumerate(part.cells):
        x0, top, x1, bottom = cell.bbox
        for r in _span_range(top, bottom, part.ys):
            for c in _span_range(x0, x1, xs):
                if grid[r][c] is None:
                    grid[r][c] = i
    return grid


def fill_text(part: TablePart, chars: Sequence[Char]) -> list[Char]:
    """Give each cell of ``part`` the text of the chars whose centre lies in it; return the chars
    that fall in no cell (they are body text)."""
    grid = owner_grid(part, part.xs)
    per_cell: list[list[Char]] = [[] for _ in part.cells]
    outside: list[Char] = []
    for ch in chars:
        owner = _owner_of(ch, part, grid)
        (outside if owner is None else per_cell[owner]).append(ch)
    for cell, cell_chars in zip(part.cells, per_cell, strict=True):
        text = ""
        for line in build_lines(cell_chars, part.page):
            text = join_broken(text, line.text)
        cell.text = text
    return outside


def _owner_of(ch: Char, part: TablePart, grid: list[list[int | None]]) -> int | None:
    if not contains(part, ch):
        return None
    cx = (ch.x0 + ch.x1) / 2
    cy = (ch.top + ch.bottom) / 2
    c = bisect_right(part.xs, cx) - 1
    r = bisect_right(part.ys, cy) - 1
    if 0 <= r < len(grid) and 0 <= c < len(grid[r]):
        return grid[r][c]
    return None


def contains(part: TablePart, ch: Char) -> bool:
    """True where the char's centre lies inside the table's box."""
    cx = (ch.x0 + ch.x1) / 2
    cy = (ch.top + ch.bottom) / 2
    x0, top, x1, bottom = part.bbox
    return x0 <= cx < x1 and top <= cy < bottom


def slot_rows(part: TablePart, xs: list[float]) -> list[list[Slot]]:
    """The part laid out on the column boundaries ``xs``: each slot its cell or a span marker.

    An empty slot no cell covers (a gap in the ruling) becomes an empty cell of its own.
    """
    grid = owner_grid(part, xs)
    seen: set[int] = set()
    rows: list[list[Slot]] = []
    for r, owners in enumerate(grid):
        row: list[Slot] = []
        for c, owner in enumerate(owners):
            if owner is None:
                row.append(RawCell((xs[c], part.ys[r], xs[c + 1], part.ys[r + 1])))
            elif owner in seen:
                row.append(Span("h" if c > 0 and owners[c - 1] == owner else "v"))
            else:
                seen.add(owner)
                row.append(part.cells[owner])
        rows.append(row)
    return rows


# --- joining the parts of a table split across pages -------------------------------------------


def continues(first: TablePart, last_part: TablePart, nxt: TablePart) -> bool:
    """True where ``nxt`` (at the top of the page after ``last_part``) carries on the same table:
    same left edge and width, and every column boundary of ``nxt`` one of ``first``'s (measured
    from the left edge, so a scanned page set a little apart still matches)."""
    if nxt.page != last_part.page + 1:
        return False
    shift = nxt.bbox[0] - first.bbox[0]
    if abs(shift) > max(first.drift, nxt.drift):
        return False
    close = max(first.tolerance, nxt.tolerance)
    if abs((nxt.bbox[2] - nxt.bbox[0]) - (first.bbox[2] - first.bbox[0])) > close:
        return False
    return all(any(abs(x - shift - y) <= close for y in first.xs) for x in nxt.xs)


def _aligned(xs: list[float], part: TablePart, shift: float) -> list[float]:
    """The column boundaries ``xs`` of a table's first part as they lie in ``part`` (moved by
    ``shift``): the part's own boundary where it has one there, else the moved one."""
    out = []
    for x in xs:
        target = x + shift
        near = min(part.xs, key=lambda y: abs(y - target))
        out.append(near if abs(near - target) <= part.tolerance else target)
    return out


@dataclass(slots=True)
class _Row:
    slots: list[Slot]
    page: int

    def texts(self) -> list[str | None]:
        return [s.text if isinstance(s, RawCell) else None for s in self.slots]


def _is_fragment(row: _Row) -> bool:
    """A continuation's first row that is the rest of a row split by the page break: its first
    cell is empty and so are at least half of its cells (a new row under a merged 序号 cell has
    its other cells filled)."""
    texts = [t for t in row.texts() if t is not None]
    if not texts or texts[0] != "" or not isinstance(row.slots[0], RawCell):
        return False
    return sum(1 for t in texts if t == "") * 2 >= len(texts)


def _append_fragment(row: _Row, fragment: _Row) -> None:
    """Concatenate a split row's second half into its first half, cell by cell."""
    for head, tail in zip(row.slots, fragment.slots, strict=True):
        if isinstance(head, RawCell) and isinstance(tail, RawCell) and tail.text:
            head.text = join_broken(head.text, tail.text)


def _continued_spans(rows: list[_Row]) -> None:
    """An empty cell in a continuation's first row that spans down is a merged cell carried over
    from the previous page (LibreOffice redraws it empty): it is filled from above too."""
    if len(rows) < 2:
        return
    first, second = rows[0], rows[1]
    for c, slot in enumerate(first.slots):
        below = second.slots[c]
        if (
            isinstance(slot, RawCell)
            and slot.text == ""
            and isinstance(below, Span)
            and below.direction == "v"
        ):
            first.slots[c] = Span("v")


def join_parts(parts: Sequence[TablePart]) -> list[_Row]:
    """The rows of a table printed in ``parts`` (first part first): a header the continuation
    repeats is dropped and a row split by a page break is rejoined."""
    xs = parts[0].xs
    rows = [_Row(slots, parts[0].page) for slots in slot_rows(parts[0], xs)]
    for part in parts[1:]:
        laid = _aligned(xs, part, part.bbox[0] - parts[0].bbox[0])
        more = [_Row(slots, part.page) for slots in slot_rows(part, laid)]
        more = _drop_repeated_header(rows, more)
        if more and rows and _is_fragment(more[0]):
            _append_fragment(rows[-1], more.pop(0))
        else:
            _continued_spans(more)
        rows.extend(more)
    return rows


def _drop_repeated_header(rows: list[_Row], more: list[_Row]) -> list[_Row]:
    k = 0
    while k < len(more) and k < len(rows) - 1 and any(more[k].texts()) and more[k].texts() == rows[k].texts():
        k += 1
    return more[k:]


def to_table(rows: list[_Row], part: TablePart, index: int) -> Table:
    """The block for a joined table: spans filled from the cell they copy, every cell located."""
    out: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        for c, slot in enumerate(row.slots):
            cells.append(_resolve(slot, r, c, row.page, cells, out, index))
        out.append(cells)
    loc = Location(page=part.page, bbox=_round(part.bbox), table=index)
    return Table(rows=out, loc=loc)


def _resolve(
    slot: Slot, r: int, c: int, page: int, left: list[Cell], above: list[list[Cell]], index: int
) -> Cell:
    if isinstance(slot, RawCell):
        return Cell(slot.text, Location(page=page, bbox=_round(slot.bbox), table=index, row=r, col=c))
    source = left[c - 1] if slot.direction == "h" and c > 0 else (above[-1][c] if above else None)
    if source is None:
        return Cell("", Location(page=page, table=index, row=r, col=c), spanned=True)
    loc = source.loc.model_copy(update={"row": r, "col": c})
    return Cell(source.text, loc, spanned=True)


def _round(bbox: Bbox) -> Bbox:
    return (round(bbox[0], 2), round(bbox[1], 2), round(bbox[2], 2), round(bbox[3], 2))


# --- a page's tables taken out of its text ------------------------------------------------------


def take_tables(
    tables: Sequence[Sequence[Bbox]], chars: list[Char], page: int, scanned: bool = False
) -> tuple[list[TablePart], list[Char]]:
    """The page's tables (the cell boxes of each) with their cells' text, and the chars left for
    the body text: each char is in one place only, so a table's text is not repeated as paragraphs."""
    parts: list[TablePart] = []
    for boxes in tables:
        part = new_part(boxes, page, scanned)
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
