"""Turning the article's HTML into the block stream a Word reader would give.

Each printed line is a Paragraph: a block element (``<p>``, ``<div>``, a heading, a list item)
starts one and so does a ``<br>``. A data table becomes a Table whose grid resolves rowspan and
colspan; a layout table (one column, or one that holds other tables) is read as running text.
The walk uses ``etree.iterwalk`` events, so deeply nested markup costs no recursion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ipplan.blocks import Block, Cell, Paragraph, Table
from ipplan.errors import IpplanError
from ipplan.parsers.html_text import cjk_count, normalize
from ipplan.schema import Location

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
_BOLD_TAGS = {"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6"}
_FONT_WEIGHT = re.compile(r"font-weight\s*:\s*([a-z0-9]+)", re.IGNORECASE)
_MSO_LIST_IGNORE = re.compile(r"mso-list\s*:\s*ignore", re.IGNORECASE)
_TEXT_ALIGN = re.compile(r"text-align\s*:\s*([a-z\-]+)", re.IGNORECASE)
_MAX_SPAN = 1000  # the HTML standard's limit for colspan; rowspan is bounded by the table's rows
MAX_CELLS = 500_000  # logical cells per page, so spans cannot blow a small file up
# a cell holding this much text is a page-layout frame, not a data cell
_LAYOUT_CELL_CJK = 2000
_LIBXML_MAX_LINE = 65535  # libxml2 stores HTML line numbers in 16 bits; this value means "later"


def line_of(el: etree._Element) -> int | None:
    """The element's 1-based source line, or None where libxml2 could not count that far."""
    line = el.sourceline
    return line if line is not None and 0 < line < _LIBXML_MAX_LINE else None


@dataclass(slots=True)
class _Pending:
    """The paragraph being collected: text chunks with their bold and link state."""

    chunks: list[tuple[str, bool, bool]] = field(default_factory=list)
    line: int | None = None
    centered: bool = False
    started: bool = False


@dataclass(slots=True)
class Flow:
    """Collects blocks from one or more subtrees; ``cells`` mode reads a table cell, where nested
    tables are text too."""

    cells_budget: list[int] = field(default_factory=lambda: [MAX_CELLS])
    tables: int = 0
    cell_mode: bool = False
    blocks: list[Block] = field(default_factory=list)
    link_only: list[bool] = field(default_factory=list)  # per block: a paragraph of link text only
    _pending: _Pending = field(default_factory=_Pending)
    _cursor: int | None = None
    _bold: list[tuple[etree._Element, bool]] = field(default_factory=list)
    _align: list[tuple[etree._Element, str]] = field(default_factory=list)
    _label: list[tuple[etree._Element, int]] = field(default_factory=list)  # <ol> counters
    _next_label: str | None = None
    _pre: int = 0
    _links: int = 0

    def run(self, root: etree._Element) -> list[Block]:
        """Walk ``root`` and return all blocks collected so far."""
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = el.tag if isinstance(el.tag, str) else ""
            if event == "start":
                if self._start(el, tag):
                    walker.skip_subtree()
            else:
                self._end(el, tag, is_root=el is root)
        self._flush()
        return self.blocks

    def _start(self, el: etree._Element, tag: str) -> bool:
        """Handle an opening tag; True when its content was consumed (a data table)."""
        if el.sourceline is not None:
            self._cursor = line_of(el)  # None once past what libxml2 counts
        if tag == "br":
            self._flush()
            return False
        if tag in BLOCK_TAGS:
            self._flush()
        if tag == "table" and not self.cell_mode and not _is_layout_table(el):
            self._table(el)
            return True
        if _MSO_LIST_IGNORE.search(el.get("style", "")):
            # Word's "Save as web page" writes its automatic list number in such a span
            self._next_label = normalize("".join(el.itertext())) or None
            return True
        self._push_style(el, tag)
        if tag == "li":
            self._list_item(el)
        if tag == "pre":
            self._pre += 1
        if tag == "a":
            self._links += 1
        self._add(el.text)
        return False

    def _end(self, el: etree._Element, tag: str, *, is_root: bool) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
        if tag == "pre":
            self._pre -= 1
        if tag == "a":
            self._links -= 1
        for stack in (self._bold, self._align, self._label):
            if stack and stack[-1][0] is el:
                stack.pop()
        if not is_root:
            self._add(el.tail)

    def _push_style(self, el: etree._Element, tag: str) -> None:
        style = el.get("style", "")
        weight = _FONT_WEIGHT.search(style)
        if weight:
            value = weight.group(1).lower()
            self._bold.append((el, value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)))
        elif tag in _BOLD_TAGS:
            self._bold.append((el, True))
        align = _TEXT_ALIGN.search(style)
        value = align.group(1).lower() if align else (el.get("align") or "").lower()
        if tag == "center":
            value = "center"
        if value:
            self._align.append((el, value))
        if tag == "ol":
            start = re.fullmatch(r"\s*(\d{1,6})\s*", el.get("start", "1"), re.ASCII)
            self._label.append((el, int(start.group(1)) - 1 if start else 0))

    def _list_item(self, el: etree._Element) -> None:
        """An <ol> item shows its number as a browser renders it, like a Word numbering label."""
        parent = el.getparent()
        if self._label and parent is not None and self._label[-1][0] is parent:
            ol, n = self._label[-1]
            self._label[-1] = (ol, n + 1)
            if "none" not in (ol.get("style") or "") and ol.get("type", "1") == "1":
                self._next_label = f"{n + 1}."

    def _add(self, text: str | None) -> None:
        if not text:
            return
        if not self._pre:
            self._append(text)
            return
        for i, line in enumerate(text.split("\n")):  # in <pre> a line break is a paragraph break
            if i:
                self._flush()
            self._append(line)

    def _append(self, text: str) -> None:
        p = self._pending
        if not p.started and normalize(text):
            p.started = True
            # the text may start lines below the tag it follows
            lead = len(text) - len(text.lstrip())
            p.line = self._cursor + text.count("\n", 0, lead) if self._cursor is not None else None
            p.centered = bool(self._align) and self._align[-1][1] == "center"
        bold = bool(self._bold) and self._bold[-1][1]
        p.chunks.append((text, bold, self._links > 0))

    def _flush(self) -> None:
        p, self._pending = self._pending, _Pending()
        if not p.chunks:
            return
        text = normalize("".join(t for t, _, _ in p.chunks))
        if not text:
            return
        visible = [(b, link) for t, b, link in p.chunks if normalize(t)]
        label, self._next_label = self._next_label, None
        self.blocks.append(
            Paragraph(
                text=text,
                # a page whose article is one line of markup has one line for every paragraph: the
                # paragraph's place among the article's blocks tells them apart
                loc=Location(line=p.line, paragraph=len(self.blocks)),
                numbering_label=label,
                centered=p.centered,
                bold=all(b for b, _ in visible),
            )
        )
        self.link_only.append(all(link for _, link in visible))

    def _table(self, table: etree._Element) -> None:
        caption = table.find("caption")
        if caption is not None:  # Word keeps a table's title as a paragraph above it
            text = cell_text(caption, self.cells_budget)
            if text:
                self.blocks.append(Paragraph(text, Location(line=line_of(caption)), centered=True))
                self.link_only.append(False)
        grid = build_grid(table, self.tables, self.cells_budget)
        if grid is None:
            return
        self.blocks.append(grid)
        self.link_only.append(False)
        self.tables += 1


def table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows in document order (not those of tables nested in its cells)."""
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def _cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if c.tag in ("td", "th")]


def _is_layout_table(table: etree._Element) -> bool:
    """A table used to lay out the page rather than to hold data: read it as running text."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    if any(True for _ in table.iterdescendants("table")):
        return True
    rows = table_rows(table)
    if all(len(_cells(r)) <= 1 for r in rows):
        return True  # one column: a frame or a boxed note, never a grid of data
    return any(cjk_count("".join(c.itertext())) > _LAYOUT_CELL_CJK for r in rows for c in _cells(r))


def _span(value: str | None, limit: int) -> int:
    """A rowspan/colspan attribute as browsers read it: leading digits, 0 kept, junk → 1."""
    m = re.match(r"\s*(\d{1,7})", value or "")
    if not m:
        return 1
    return min(int(m.group(1)), limit)


def cell_text(cell: etree._Element, budget: list[int]) -> str:
    """A cell's text: its paragraphs and lines (list numbers included) joined with nothing, as the
    annotations and the Word reader keep it."""
    flow = Flow(cells_budget=budget, cell_mode=True)
    flow.run(cell)
    return "".join((b.numbering_label or "") + b.text for b in flow.blocks if isinstance(b, Paragraph))


def build_grid(table: etree._Element, number: int, budget: list[int]) -> Table | None:
    """The table as a grid of logical cells: a rowspan cell is filled down and a colspan one
    across, the copies marked ``spanned``; a position no cell covers is an empty cell."""
    rows = table_rows(table)
    placed: dict[tuple[int, int], tuple[str, int | None, bool]] = {}
    own_rows = set()  # rows with a cell of their own: a <tr> holding nothing is no row
    for r, row in enumerate(rows):
        c = 0
        for cell in _cells(row):
            own_rows.add(r)
            while (r, c) in placed:
                c += 1
            rowspan = _span(cell.get("rowspan"), len(rows) - r) or len(rows) - r  # 0: to the end
            colspan = max(_span(cell.get("colspan"), _MAX_SPAN), 1)
            budget[0] -= rowspan * colspan
            if budget[0] < 0:
                raise IpplanError("limit-exceeded", f"the page's tables have more than {MAX_CELLS} cells")
            text, line = cell_text(cell, budget), line_of(cell)
            for dr in range(rowspan):
                for dc in range(colspan):
                    placed.setdefault((r + dr, c + dc), (text, line, bool(dr or dc)))
            c += colspan
    widths: dict[int, int] = {}
    for r, c in placed:
        widths[r] = max(widths.get(r, 0), c + 1)
    grid: list[list[Cell]] = []
    for r in sorted(widths.keys() & own_rows):
        out_r = len(grid)
        grid.append(
            [
                Cell(text, Location(line=line, table=number, row=out_r, col=c), spanned=spanned)
                for c in range(widths[r])
                for text, line, spanned in [placed.get((r, c), ("", line_of(rows[r]), False))]
            ]
        )
    if not grid:
        return None
    return Table(grid, Location(line=line_of(table), table=number))
