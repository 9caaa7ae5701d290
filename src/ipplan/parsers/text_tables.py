"""Tables in text exports that keep a row per line or a cell per line.

Two layouts, both common in exports of task-assignment and indicator tables:

* TAB-separated rows: a header line of short cells joined by TABs, then a line per row; a cell
  broken over lines (a Word cell of several paragraphs) runs on into the next line; a line
  without TABs between rows (一、加快推动…) is a category row spanning the table.
* one cell per line, numbered rows: a header of short lines (序号, 重点任务, 牵头单位 …), then rows
  each opened by its 序号 (1, 2, …) and holding as many cells as the header, category lines
  (一、…) between them. Unlike a web scrape's flattened table (``txt.scrape_table``), cells may be
  whole sentences.

Only the layout is read here; what the columns mean is for the extractors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ipplan.blocks import Cell, Table
from ipplan.outline.labels import match_label
from ipplan.schema import Location

_HEADER_CELL_MAX = 16
_MIN_COLUMNS = 3
_MAX_COLUMNS = 16
_CATEGORY_MAX = 60
_BLANK_RUN = 2


def _clean(text: str) -> str:
    return text.strip().replace("\ufeff", "")


def _header_cells(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return (
        _MIN_COLUMNS <= len(filled) <= _MAX_COLUMNS
        and all(len(c) <= _HEADER_CELL_MAX and not re.search(r"[。；;！？]", c) for c in filled)
        and not all(re.fullmatch(r"[\d.%％\s]+", c) for c in filled)
    )


def _is_category(text: str) -> bool:
    label = match_label(text)
    return (
        label is not None
        and label.kind in ("cn_dun", "cn_paren", "chapter")
        and len(text) <= _CATEGORY_MAX
        and "。" not in text.rstrip("。")
    )


def _span_row(text: str, width: int, line: int, table_no: int, row: int) -> list[Cell]:
    return [
        Cell(text, Location(line=line + 1, table=table_no, row=row, col=c), spanned=c > 0)
        for c in range(width)
    ]


def _filled_lines(lines: list[str], start: int) -> Iterator[tuple[int, str, str]]:
    """(index, line, cleaned text) of the non-blank lines from ``start``, up to a run of more
    blank lines than a table leaves between its rows."""
    blanks = 0
    for i in range(start, len(lines)):
        text = _clean(lines[i])
        if not text:
            blanks += 1
            if blanks > _BLANK_RUN:
                return
            continue
        blanks = 0
        yield i, lines[i], text


# --- TAB-separated rows ------------------------------------------------------------------------


def tsv_table(lines: list[str], start: int, table_no: int) -> tuple[Table, int] | None:
    """The TAB-separated table whose header is ``lines[start]``, and the index after it; or None."""
    header = [_clean(c) for c in lines[start].split("\t")]
    if "\t" not in lines[start] or lines[start].startswith("\t") or not _header_cells(header):
        return None
    width = len(header)
    rows: list[list[Cell]] = [
        [Cell(t, Location(line=start + 1, table=table_no, row=0, col=c)) for c, t in enumerate(header)]
    ]
    data_rows = 0
    end = start + 1
    for i, raw, text in _filled_lines(lines, start + 1):
        current = rows[-1]
        if "\t" in raw:
            cells = [_clean(c) for c in raw.split("\t")]
            if len(current) < width and len(rows) > 1 and len(cells) < width:
                # a cell broken over lines: its first piece runs on, the rest are new cells
                _extend(current, cells[0], i)
                cells = cells[1:]
            else:
                rows.append([])
                current = rows[-1]
                data_rows += 1
            for text_piece in cells:
                current.append(
                    Cell(
                        text_piece, Location(line=i + 1, table=table_no, row=len(rows) - 1, col=len(current))
                    )
                )
            end = i + 1
        elif len(rows) > 1 and len(current) < width:
            _extend(current, text, i)
            end = i + 1
        elif _is_category(text):
            rows.append(_span_row(text, width, i, table_no, len(rows)))
            end = i + 1
        else:
            break
    if data_rows < 1:
        return None
    return Table(rows, Location(line=start + 1, line_end=end, table=table_no)), end


def _extend(row: list[Cell], text: str, line: int) -> None:
    last = row[-1]
    last.text += text
    last.loc = last.loc.model_copy(update={"line_end": line + 1})


# --- one cell per line, rows opened by their 序号 ------------------------------------------------


def numbered_cell_table(lines: list[str], start: int, table_no: int) -> tuple[Table, int] | None:
    """A table written one cell per line (blank lines between or not), whose header of short
    lines starts with 序号 and whose rows each start with their number; or None.

    A header of two rows comes out as one run of lines, the second row's sub-headers last (序号,
    重点任务, 责任分工, 完成时限, 牵头单位, 配合单位): where the rows hold fewer cells than the header
    has lines, the sub-headers take the place of the cell that stood over them. A row may hold
    fewer cells than the others where the export wrote a merged cell only once; the extractor
    aligns it by what its cells hold."""
    first = _clean(lines[start])
    if not re.fullmatch(r"序号|编号|序", first):
        return None
    header: list[tuple[str, int]] = []
    i, n = start, len(lines)
    while i < n:
        text = _clean(lines[i])
        if text:
            if text == "1" or _is_category(text) or len(header) > _MAX_COLUMNS:
                break
            if len(text) > _HEADER_CELL_MAX or re.search(r"[。；;，,]", text):
                return None
            header.append((text, i))
        i += 1
    if len(header) < _MIN_COLUMNS:
        return None
    body: list[list[tuple[str, int]]] = []  # rows of (text, line); a category row is one cell
    categories: set[int] = set()
    expected, end = 1, i
    for k, _, text in _filled_lines(lines, end):
        if text == str(expected):
            body.append([(text, k)])
            expected += 1
        elif body and len(body) - 1 not in categories and len(body[-1]) < len(header):
            body[-1].append((text, k))
        elif _is_category(text):
            categories.add(len(body))
            body.append([(text, k)])
        else:
            break
        end = k + 1
    if expected <= 2:  # fewer than two numbered rows: no table
        return None
    lengths = [len(row) for k, row in enumerate(body) if k not in categories]
    width = max(set(lengths), key=lengths.count)
    header = _spliced(header, width)
    rows: list[list[Cell]] = [
        [Cell(t, Location(line=ln + 1, table=table_no, row=0, col=c)) for c, (t, ln) in enumerate(header)]
    ]
    for k, row in enumerate(body):
        if k in categories:
            rows.append(_span_row(row[0][0], len(header), row[0][1], table_no, len(rows)))
        else:
            rows.append(
                [
                    Cell(t, Location(line=ln + 1, table=table_no, row=len(rows), col=c))
                    for c, (t, ln) in enumerate(row)
                ]
            )
    return Table(rows, Location(line=start + 1, line_end=end, table=table_no)), end


# a header cell that stands over the columns of bodies below it (责任分工 over 牵头单位 | 配合单位)
_GROUP = re.compile(r"责任|分工|单位|部门|负责")
_SUB = re.compile(r"单位|部门|处室")


def _spliced(header: list[tuple[str, int]], width: int) -> list[tuple[str, int]]:
    """A two-row header flattened into one run of lines, put back as the columns the rows have:
    the trailing sub-headers replace the cell of the first row that stands over them."""
    extra = len(header) - width
    if extra <= 0:
        return header
    subs = header[-(extra + 1) :]
    top = header[: -(extra + 1)]
    if not all(_SUB.search(t) for t, _ in subs):
        return header
    over = next((k for k in range(len(top) - 1, -1, -1) if _GROUP.search(top[k][0])), None)
    if over is None:
        return header
    return top[:over] + subs + top[over + 1 :]
