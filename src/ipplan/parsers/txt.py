"""Plain-text reader: text exports of Word files and scrapes of web pages.

What a text file loses and how it is recovered here:

* the encoding: BOM, then strict UTF-8, then GB18030 (a superset of GBK and GB2312), then UTF-16
  without a BOM by its NUL pattern;
* tables: Word's "save as text" puts each cell on a line of its own that starts with a TAB (a
  cell may run on over following lines, a lone TAB is an empty cell, one blank line ends a row);
  a web scrape puts one cell per line with a blank line between cells (``scrape_table``);
* paragraphs broken by the exporter in mid-sentence are joined again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from ipplan import limits
from ipplan.blocks import Block, Cell, Document, Paragraph, Table
from ipplan.errors import IpplanError
from ipplan.extract import pagemeta
from ipplan.extract.departments.notes import is_whole_note_line
from ipplan.outline.labels import match_label
from ipplan.parsers import check_block_count, text_tables
from ipplan.parsers.utf16 import utf16_by_nul_pattern, utf16_by_script
from ipplan.schema import Location, Warning

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PAGE_NUMBER = re.compile(
    r"^\f?\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)\s*$"
)
# a line that ends like this cannot be the end of a paragraph
_OPEN_END = re.compile(r"[、，,（(《“‘—\-－/～~]$")
_SENTENCE_END = re.compile(r"[。；;！!？?：:）)”」』〕】]$")


def decode(data: bytes) -> tuple[str, str, list[Warning]]:
    """The text of ``data``, the codec that produced it, and warnings about repairs."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec.replace("-sig", "")), codec, []
            except UnicodeDecodeError:
                text = data[len(bom) :].decode(codec.replace("-sig", ""), errors="replace")
                return text, codec, [_bad_bytes_warning(codec)]
    utf16 = utf16_by_nul_pattern(data)
    if utf16:
        try:
            return data.decode(utf16), utf16, []
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    utf16 = utf16_by_script(data)
    if utf16:
        return data.decode(utf16), utf16, []
    try:
        return data.decode("gb18030"), "gb18030", []
    except UnicodeDecodeError:
        pass
    # Mostly one codec with a few broken sequences: keep what decodes, mark the rest.
    best = min(("utf-8", "gb18030"), key=lambda c: data.decode(c, errors="replace").count("\ufffd"))
    text = data.decode(best, errors="replace")
    if text.count("\ufffd") > max(16, len(text) // 4):
        raise IpplanError(
            "undecodable-text", "the text is in no encoding ipplan knows (UTF-8, GB18030, UTF-16)"
        )
    return text, best, [_bad_bytes_warning(best)]


# Control characters that no text carries: C0 but TAB, LF, VT, FF, CR and SUB (an old end-of-file
# mark); DEL; C1. Random bytes decode (as GB18030 or UTF-8) to a fifth of these; text to none.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.05


def control_share(text: str) -> float:
    """The share of ``text``'s characters that are control characters text never has."""
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0


def _bad_bytes_warning(codec: str) -> Warning:
    return Warning(code="invalid-bytes", message=f"byte sequences invalid in {codec} were replaced by U+FFFD")


def read(data: bytes, path: str, *, password: str | None = None) -> Document:
    """Read a text file into blocks; line numbers are 1-based."""
    text, encoding, warnings = decode(data)
    if len(text) > limits.MAX_TEXT_CHARS:
        raise IpplanError("limit-exceeded", f"over {limits.MAX_TEXT_CHARS} characters of text", path)
    text = text.replace("\x00", "")
    # every line is a string object of its own (~90 bytes even when short): bound their number
    # before splitting, since 50 MB of two-character lines would take over a gigabyte
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    if breaks >= limits.MAX_TEXT_LINES:
        raise IpplanError("limit-exceeded", f"over {limits.MAX_TEXT_LINES} lines of text", path)
    # a text export of a paginated document keeps its page numbers and form feeds: blank them
    # (line numbers stay as in the file)
    lines = ["" if _PAGE_NUMBER.match(line) else line.replace("\f", "") for line in _LINE_BREAK.split(text)]
    blocks: list[Block] = []
    size = 0  # paragraphs and cells, bounded as they are made: 20 MB of short lines are millions
    for block in _blocks(lines):
        blocks.append(block)
        size += sum(len(row) for row in block.rows) if isinstance(block, Table) else 1
        if size > limits.MAX_BLOCKS:
            check_block_count(blocks, path)
    return Document(blocks=blocks, format="txt", encoding=encoding, warnings=warnings)


def _blocks(lines: list[str]) -> Iterator[Block]:
    i, n = 0, len(lines)
    table_no = 0
    runs = _CellRuns(lines)
    while i < n:
        line = lines[i]
        if line.startswith("\t"):
            end = _tab_table_end(lines, i)
            yield _tab_table(lines, i, end, table_no)
            table_no += 1
            i = end
            continue
        if not line.strip():
            i += 1
            continue
        scraped = (
            scrape_table(lines, i, table_no, runs)
            or text_tables.tsv_table(lines, i, table_no)
            or text_tables.numbered_cell_table(lines, i, table_no)
        )
        if scraped is not None:
            table, i = scraped
            table_no += 1
            yield table
            continue
        para, i = _paragraph(lines, i)
        yield para


# --- paragraphs -------------------------------------------------------------------------------


def _paragraph(lines: list[str], start: int) -> tuple[Paragraph, int]:
    """One paragraph from ``start``, joined with the lines the exporter broke it into."""
    text = _clean(lines[start])
    # joined once at the end, and judged by what the pieces tell: re-reading the text joined
    # so far at every line costs the square of a paragraph broken over thousands of lines
    parts = [text]
    last, size, marked = text[-1:], len(text), _CLAUSE_MARK.search(text) is not None
    depth = _bracket_depth(text)
    # a numbered heading ("（一）加强创造、运用和保护") that fits a line ends with the line
    # (one that leaves a quote or bracket open was cut by the exporter: …打造“延安红色筑 / 梦”品牌)
    heading = (
        match_label(text) is not None
        and "。" not in text
        and len(text) <= _HEADING_CHARS
        and text.count("“") <= text.count("”")
        and text.count("（") <= text.count("）")
    )
    if _page_furniture(text):
        return Paragraph(text, Location(line=start + 1, line_end=start + 1)), start + 1
    note_line = _NOTE_LINE_START.match(text) is not None
    end = start
    while not (heading and not _OPEN_END.match(last)) and (
        _continues(last, size, marked) or _open_note(depth, end - start, size)
    ):
        nxt = _next_nonblank(lines, end + 1)
        if nxt is None or lines[nxt].startswith("\t") or nxt - end > 2:
            break
        follower = _clean(lines[nxt])
        if match_label(follower) is not None or _page_furniture(follower):
            break
        if note_line and _is_heading_line(follower) and is_whole_note_line("".join(parts)):
            break  # a note line (牵头单位：A；配合单位：B) ends at a complete name; a heading follows
        parts.append(follower)
        last = follower[-1:] or last
        size += len(follower)
        marked = marked or _CLAUSE_MARK.search(follower) is not None
        depth += _bracket_depth(follower)
        end = nxt
    return Paragraph("".join(parts), Location(line=start + 1, line_end=end + 1)), end + 1


_CLAUSE_MARK = re.compile(r"[。，,；;、]")
_NOTE_LINE_START = re.compile(r"^[（(【\[]?[^，。：:]{2,12}[：:∶]")


def _is_heading_line(text: str) -> bool:
    """A line that reads as a heading: short, no clause in it (its author may close it with 。)."""
    return len(text) <= _HEADING_CHARS and _CLAUSE_MARK.search(text.removesuffix("。")) is None


_FURNITURE_HINT = re.compile(r"[:：|｜>»]")
_MAX_FURNITURE = 300


def _page_furniture(text: str) -> bool:
    """A scraped page's metadata line (索引号：… 主题分类：…, 索引号 | … |) or chrome line (当前位置：
    首页 > …, 【字体：大 中 小】): a line of its own, never part of a sentence broken over lines."""
    if len(text) > _MAX_FURNITURE or not _FURNITURE_HINT.search(text):
        return False
    return pagemeta.read_label_line(text) is not None or pagemeta.is_chrome(text)


_HEADING_CHARS = 40


_NOTE_MARK = re.compile(r"[：:、，,；;]|责任|牵头|配合|参与|协办|单位|部门")


def _bracket_depth(text: str) -> int:
    """Brackets opened and not closed: a note "（责任单位：A、B" broken before its "）" runs on
    (for a few lines at most: a scrape may lose a closing bracket, as in "〔20212676"). A title
    whose period lost its closing bracket ("规划实施推进计划（20222023") opens no note."""
    depth = text.count("（") - text.count("）")
    if depth > 0 and not _NOTE_MARK.search(text[text.rfind("（") + 1 :]):
        return 0
    return depth


_BRACKET_RUN, _BRACKET_MIN = 4, 12


def _open_note(depth: int, lines_joined: int, size: int) -> bool:
    return depth > 0 and lines_joined < _BRACKET_RUN and size > _BRACKET_MIN


def _continues(last: str, size: int, marked: bool) -> bool:
    """Whether a line was cut by the exporter rather than ended by its author, from the text so
    far: its ``last`` character, its ``size`` and whether it holds a clause mark (。，,；;、)."""
    if not last or _SENTENCE_END.match(last):
        return False
    if _OPEN_END.match(last):
        return True
    # A line without a sentence end is a heading or a title line, unless it holds sentences.
    return size > 20 and marked


_EXPORT_ARTEFACT = re.compile(r"\[bookmark:[^\]]*\]|\ufeff")


def _clean(line: str) -> str:
    # Word's text export writes bookmarks it cannot render as "[bookmark: _GoBack]"
    return _EXPORT_ARTEFACT.sub("", line).strip()


def _next_nonblank(lines: list[str], start: int) -> int | None:
    for j in range(start, min(len(lines), start + 4)):
        if lines[j].strip():
            return j
    return None


# --- TAB tables (Word "save as text") ---------------------------------------------------------


def _tab_table_end(lines: list[str], start: int) -> int:
    """The index after the last line of the TAB table starting at ``start``.

    A line without a TAB belongs to the table when it continues a cell: the next cell line
    after it (past blank lines) starts with a TAB again.
    """
    i, n = start, len(lines)
    last = start
    while i < n:
        line = lines[i]
        if line.startswith("\t"):
            last = i
        elif line.strip():
            j = i + 1
            while j < n and (not lines[j].strip() or (not lines[j].startswith("\t") and j - i < 4)):
                if lines[j].startswith("\t"):
                    break
                j += 1
            if j < n and lines[j].startswith("\t") and j - last <= 6:
                last = i
            else:
                break
        i += 1
    return last + 1


def _tab_table(lines: list[str], start: int, end: int, table_no: int) -> Table:
    # cells: [text, first line, last line, blank lines before it]
    cells: list[list] = []
    blanks = 0
    for i in range(start, end):
        line = lines[i]
        if line.startswith("\t"):
            cells.append([_clean(line), i, i, blanks])
            blanks = 0
        elif line.strip():
            if cells:
                cells[-1][0] += _clean(line)
                cells[-1][2] = i
            blanks = 0
        else:
            blanks += 1
    rows: list[list[Cell]] = []
    for text, first, last, gap in cells:
        # exactly one blank line ends a row; Word writes more where a cell held paragraphs
        if not rows or gap == 1:
            rows.append([])
        r = len(rows) - 1
        rows[-1].append(
            Cell(text, Location(line=first + 1, line_end=last + 1, table=table_no, row=r, col=len(rows[-1])))
        )
    return Table(rows, Location(line=start + 1, line_end=end, table=table_no))


# --- scraped tables (one cell per line, blank lines between) ----------------------------------

_SHORT_CELL = 12
_LONG_CELL = 64


def scrape_table(
    lines: list[str], start: int, table_no: int, runs: _CellRuns | None = None
) -> tuple[Table, int] | None:
    """A table flattened to one cell per line, as web scrapes write it, or None.

    Its header is a run of short text lines ending where the first row's 序号 cell, the
    number 1, appears; rows are then cut where the next sequence number appears once a row
    has nearly as many cells as the header. Several blank lines in a row stand for empty cells.
    ``runs`` remembers the cell lines already scanned, for a caller that tries every line.
    """
    header: list[tuple[str, int]] = []
    i, n = start, len(lines)
    while i < n:
        text = _clean(lines[i])
        if text == "1" and len(header) >= 3:
            break
        if not text or len(text) > _SHORT_CELL or _looks_like_prose(text) or match_label(text):
            return None
        header.append((text, i))
        i = _after_gap(lines, i + 1)
        if i is None or len(header) > 12:
            return None
    else:
        return None
    width = len(header)
    if not (runs or _CellRuns(lines)).has_second_row(i, width):
        return None
    cells: list[tuple[str, int]] = []  # (text, line index); empty cells carry the blank line
    j = i
    while j < n:
        text = _clean(lines[j])
        if not text:
            j += 1
            continue
        if not _is_cell(text):
            break
        if cells:
            gap = j - cells[-1][1] - 1
            cells.extend(("", cells[-1][1] + 1) for _ in range(max(0, gap - 1)))
        cells.append((text, j))
        j += 1
    rows: list[list[tuple[str, int]]] = []
    seq = 0
    for cell in cells:
        if cell[0] == str(seq + 1) and (not rows or len(rows[-1]) >= width - 2):
            rows.append([])
            seq += 1
        if rows:
            rows[-1].append(cell)
    if len(rows) < 2:
        return None
    grid = [
        [Cell(t, Location(line=ln + 1, table=table_no, row=0, col=c)) for c, (t, ln) in enumerate(header)]
    ]
    for r, row in enumerate(rows, 1):
        grid.append(
            [Cell(t, Location(line=ln + 1, table=table_no, row=r, col=c)) for c, (t, ln) in enumerate(row)]
        )
    last_line = rows[-1][-1][1]
    return Table(grid, Location(line=start + 1, line_end=last_line + 1, table=table_no)), last_line + 1


def _is_cell(text: str) -> bool:
    """Whether a non-blank line can be a cell of a scraped table's body."""
    return not (
        len(text) > _LONG_CELL
        or _looks_like_prose(text)
        or text.startswith(("注", "备注"))
        or match_label(text)
    )


class _CellRuns:
    """The run of cell lines that follows a scraped table's header, scanned once.

    Every line of a long stretch of short lines may start a header, and each such header is
    followed by the same run of cells up to the same line that ends it: the run is scanned once
    and each candidate header asks only whether its cells reach a second row, so that rejecting
    candidate after candidate costs no rescan (which made 50 KB of short lines take minutes).
    """

    __slots__ = ("cells", "lines", "start", "stop", "twos")

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.start = self.stop = -1
        self.cells: list[int] = []  # line indices of the run's non-blank lines
        self.twos: list[int] = []  # those whose text is "2"

    def _scan(self, first: int) -> None:
        lines, n = self.lines, len(self.lines)
        self.start, self.cells, self.twos = first, [], []
        j = first
        while j < n:
            text = _clean(lines[j])
            if text:
                if not _is_cell(text):
                    break
                self.cells.append(j)
                if text == "2":
                    self.twos.append(j)
            j += 1
        self.stop = j

    def has_second_row(self, first: int, width: int) -> bool:
        """Whether the cells from line ``first`` (the "1" of the first row) reach a second row:
        a "2" cell at least ``width - 2`` cells (counting the empty cells that gaps of several
        blank lines stand for) after the first, as ``scrape_table`` cuts rows."""
        if not self.start <= first < self.stop:
            self._scan(first)
        if not self.twos or self.twos[-1] <= first:
            return False
        cells, last_two, need = self.cells, self.twos[-1], max(1, width - 2)
        index, previous = 0, first
        for k in range(bisect_left(cells, first) + 1, len(cells)):
            line = cells[k]
            if line > last_two:
                break
            index += max(0, line - previous - 2) + 1
            previous = line
            if index >= need:
                return True
        return False


def _after_gap(lines: list[str], i: int) -> int | None:
    """The next non-blank line after exactly one blank line, as cells of a scrape are spaced."""
    if i < len(lines) and not lines[i].strip() and i + 1 < len(lines) and lines[i + 1].strip():
        return i + 1
    return None


def _looks_like_prose(text: str) -> bool:
    return bool(re.search(r"[。；;！？]", text)) or ("，" in text and len(text) > 30)
