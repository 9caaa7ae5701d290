"""The indicator table (量化指标 / 主要指标): one record per data row.

Columns are recognised by their header text, not their position. Rows that lost cells (a web
scrape drops empty and merged cells) are aligned to the columns by what each cell looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipplan.blocks import Cell, Paragraph, Table
from ipplan.extract.departments import split_names
from ipplan.extract.values import Markers, parse_value, read_markers
from ipplan.outline import Outline
from ipplan.schema import Department, Indicator, Location, Value, Warning

# header text → column role; checked in this order, first match wins
_ROLES: list[tuple[str, re.Pattern[str]]] = [
    ("seq", re.compile(r"序号|编号|^序$")),
    ("attribute", re.compile(r"属性|性质")),
    # 单位 heads a column of bodies (责任单位), never the unit in a name's brackets (指标名称（单位）)
    ("departments", re.compile(r"责任|牵头|配合|参与|协办|部门|负责|(?<![（(])单位(?!$|[）)])")),
    ("unit", re.compile(r"^(计量)?单位$")),
    ("increment", re.compile(r"增加|增量|增幅|增长|新增|变化")),
    # 完成 heads a baseline (2021年完成值), never a time limit (完成时限, 完成时间)
    ("baseline", re.compile(r"基础|基期|基数|基准|现状|实际|现值|完成(?!时限|时间|期限)")),
    ("target", re.compile(r"目标|预期|规划|计划|\d{4}年")),
    ("category", re.compile(r"类别|类型|分类|领域|方面|维度|一级")),
    ("name", re.compile(r"指标|名称|内容|项目")),
]
_SUPPORT_COLUMN = re.compile(r"配合|参与|协办|协助")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_NOTE_ROW = re.compile(r"^(注|备注|说明)\s*[：:]?")
_ATTRIBUTE = re.compile(r"^(预期性|约束性)$")
_UNIT_SUFFIX = re.compile(r"[（(]([^（()）]{1,12})(?:[）)]([/／][^（()）/／]{1,4})?|$)\s*$")
_SEQ = re.compile(r"^\d{1,3}$")


@dataclass(slots=True)
class Columns:
    roles: list[str | None]
    years: dict[str, int]

    def index(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None


def read_columns(header: list[str]) -> Columns | None:
    """Column roles from header texts, or None when they are not an indicator table's header."""
    roles: list[str | None] = []
    years: list[int | None] = []
    for raw in header:
        text = re.sub(r"\s+", "", raw)
        role = next((r for r, p in _ROLES if p.search(text)), None)
        if role == "departments" and _SUPPORT_COLUMN.search(text):
            role = "support"
        m = _YEAR.search(text)
        years.append(int(m.group(1)) if m and role in ("baseline", "target") else None)
        roles.append(role if role not in roles else None)
    # columns headed only by years ("2020年", "2025年"): the earlier year is the baseline
    dated = [i for i, y in enumerate(years) if y is not None and roles[i] in ("target", None)]
    if "baseline" not in roles and len(dated) >= 2:
        first, last = min(dated, key=lambda i: years[i]), max(dated, key=lambda i: years[i])
        roles[first], roles[last] = "baseline", "target"
    if "name" not in roles or not ({"baseline", "target"} & set(roles)):
        return None
    dated_roles = {r: y for r, y in zip(roles, years, strict=True) if r in ("baseline", "target") and y}
    return Columns(roles, dated_roles)


def _header(rows: list[list[Cell]]) -> tuple[Columns, int] | None:
    """The columns and how many rows the header takes (one, or two where a merged header
    row stands over its sub-headers: 2025年 over 目标值 | 增量)."""
    if not rows:
        return None
    first = [c.text for c in rows[0]]
    if len(rows) > 1 and len(rows[1]) > len(first):
        first = _spread(first, [c.text for c in rows[1]])
    columns = read_columns(first)
    if len(rows) > 1 and len(rows[1]) == len(first) and _continues_header(rows[1], first, columns):
        second = [c.text for c in rows[1]]
        joined = [a if a == b else a + b for a, b in zip(first, second, strict=True)]
        both = read_columns(joined)
        if both is not None:
            return both, 2
    return (columns, 1) if columns is not None else None


def _spread(first: list[str], second: list[str]) -> list[str]:
    """A text export writes a header cell merged across columns once (2025年 over 目标值 | 增量):
    the first row's cell over a run of sub-headers is spread over that run. Where the rows do not
    line up so, the first row is kept as it is."""
    runs: list[tuple[int, int]] = []  # (start, length) of runs of filled sub-header cells
    k = 0
    while k < len(second):
        if second[k].strip():
            start = k
            while k < len(second) and second[k].strip():
                k += 1
            runs.append((start, k - start))
        else:
            k += 1
    extra = len(second) - len(first)
    if len(runs) != 1 or runs[0][1] != extra + 1:
        return first
    start, length = runs[0]
    return first[:start] + [first[start]] * length + first[start + 1 :]


def _continues_header(row: list[Cell], header: list[str], columns: Columns | None) -> bool:
    """A second header row: sub-headers (基数 | 目标 under 2022年 | 2025年) beside cells merged
    down from the first row (which repeat its text, digits and all), and nothing that reads as data."""
    own = [c for c, above in zip(row, header, strict=False) if c.text != above]
    if any(_SEQ.match(c.text.strip()) or re.search(r"\d", c.text) for c in own):
        return False
    if columns is None:
        return True
    name = columns.index("name")
    cell = row[name] if name is not None else None
    # merged down from the header it repeats the header's text (a text export leaves it empty)
    return cell is not None and (not cell.text.strip() or cell.text == header[name])


def indicators(outline: Outline, warnings: list[Warning]) -> list[Indicator]:
    """Records of every indicator table in the document."""
    out: list[Indicator] = []
    units = outline.units
    for k, u in enumerate(units):
        if not u.is_table:
            continue
        table: Table = u.block  # type: ignore[assignment]
        if not table.rows:
            continue
        header = _header(table.rows)
        if header is None:
            continue
        columns, header_rows = header
        data, notes = _split_notes(table.rows[header_rows:])
        notes += _notes_after(units, k)
        markers = read_markers(notes)
        out.extend(_rows(data, columns, markers, warnings))
    return out


def _split_notes(rows: list[list[Cell]]) -> tuple[list[list[Cell]], list[str]]:
    for i, row in enumerate(rows):
        if row and _NOTE_ROW.match(row[0].text.strip()):
            notes = ["".join(dict.fromkeys(c.text for c in r)) for r in rows[i:]]
            return rows[:i], notes
    return rows, []


def _notes_after(units, k: int) -> list[str]:
    """Notes printed as paragraphs under the table (注：1.… 2.…)."""
    notes: list[str] = []
    for u in units[k + 1 : k + 6]:
        if not isinstance(u.block, Paragraph) or (u.level is not None and u.level <= 2):
            break
        text = u.text.strip()
        if _NOTE_ROW.match(text) or (notes and re.match(r"^\d+[.．、]", (u.label_text or "") + text)):
            notes.append((u.label_text or "") + text)
        else:
            break
    return notes


def _rows(
    rows: list[list[Cell]], columns: Columns, markers: Markers, warnings: list[Warning]
) -> list[Indicator]:
    out: list[Indicator] = []
    last: dict[str, str | None] = {"seq": None, "category": None}
    width = len(columns.roles)
    for row in rows:
        if not any(c.text.strip() for c in row):
            continue
        heading = _category_row(row, width)
        if heading is not None:
            last["category"], last["seq"] = heading, None
            continue
        cells = _aligned(row, columns) if len(row) != width else list(row)
        if len(row) != width:
            warnings.append(
                Warning(
                    code="table-row-aligned",
                    message=f"row of {len(row)} cells aligned to {width} columns by content",
                    source=row[0].loc,
                )
            )
        by_role = {role: cells[i] for i, role in enumerate(columns.roles) if role and i < len(cells)}
        name_cell = by_role.get("name")
        if name_cell is None or not name_cell.text.strip():
            continue
        seq_cell = by_role.get("seq")
        if seq_cell is not None and _CN_ORDINAL.match(seq_cell.text.strip()) and _no_values(by_role):
            # "一 | 知识产权创造 | | |": a numbered group of indicators, not one
            last["category"], last["seq"] = name_cell.text.strip(), None
            continue
        for key in ("seq", "category"):
            text = by_role[key].text.strip() if by_role.get(key) is not None else ""
            if text:
                last[key] = text
        name, unit = split_unit(name_cell.text.strip())
        if by_role.get("unit") is not None and by_role["unit"].text.strip():
            unit = by_role["unit"].text.strip()

        out.append(
            Indicator(
                seq=last["seq"] if "seq" in columns.roles else None,
                category=last["category"],
                name=name,
                unit=unit,
                baseline=_value(by_role, "baseline", unit, markers),
                target=_value(by_role, "target", unit, markers),
                increment=_value(by_role, "increment", unit, markers),
                baseline_year=columns.years.get("baseline"),
                target_year=columns.years.get("target"),
                attribute=(by_role["attribute"].text.strip() or None) if by_role.get("attribute") else None,
                departments=_departments(by_role),
                source=_row_location(row, name_cell),
            )
        )
    return out


_CN_ORDINAL = re.compile(r"^[一二三四五六七八九十]+[、.．]?$")


def _no_values(by_role: dict[str, Cell]) -> bool:
    return all(not by_role[r].text.strip() for r in ("baseline", "target", "increment") if r in by_role)


def _category_row(row: list[Cell], width: int) -> str | None:
    """A row that is one cell merged across the table ("一、知识产权创造") heads the rows under it."""
    texts = {c.text.strip() for c in row if c.text.strip()}
    if width <= 2 or len(texts) != 1:
        return None
    # Word and HTML copy a merged cell into every column it spans; a text export writes it once
    if len(row) > 1 and not all(c.spanned or not c.text.strip() for c in row[1:]):
        return None
    text = texts.pop()
    return None if _kind(text) in ("int", "number") else text


def _departments(by_role: dict[str, Cell]) -> list[Department]:
    """One department column names bodies without roles; separate 牵头/配合 columns give roles."""
    lead = split_names(by_role["departments"].text) if by_role.get("departments") is not None else []
    support = split_names(by_role["support"].text) if by_role.get("support") is not None else []
    if not support:
        return [Department(name=n) for n in lead]
    leads = [Department(name=n, role="lead") for n in lead]
    return leads + [Department(name=n, role="support") for n in support]


def _value(by_role: dict[str, Cell], role: str, unit: str | None, markers: Markers) -> Value | None:
    cell = by_role.get(role)
    return parse_value(cell.text, unit, markers) if cell is not None else None


def _row_location(row: list[Cell], name_cell: Cell) -> Location:
    loc = name_cell.loc.model_copy()
    loc.col = None
    if loc.line is not None:
        loc.line = min(c.loc.line for c in row if c.loc.line is not None)
        loc.line_end = max((c.loc.line_end or c.loc.line) for c in row if c.loc.line is not None)
    return loc


def split_unit(text: str) -> tuple[str, str | None]:
    """ "专利质押融资金额（万元）/笔" → ("专利质押融资金额", "万元/笔"); the unit is the last
    parenthesised part at the end (its closing bracket may have been lost: "比重(%")."""
    m = _UNIT_SUFFIX.search(text)
    if not m or m.start() == 0:
        return text, None
    inner = re.sub(r"^(计量)?单位\s*[：:]\s*", "", m.group(1).strip())
    if not _looks_like_unit(inner):
        return text, None
    return text[: m.start()].strip(), inner + (m.group(2) or "").replace("／", "/")


def _looks_like_unit(s: str) -> bool:
    # a unit is short and has no Latin acronym (PCT) or digits
    return bool(s) and not re.search(r"[A-Za-z]{2,}|\d", s) and len(s) <= 6


# --- aligning rows that lost cells ------------------------------------------------------------

_SKIP_COST = {"seq": 0.4, "category": 0.4, "name": 5.0, "departments": 1.5, "attribute": 1.5}
_MISMATCH = 6.0


def _kind(text: str) -> str:
    t = text.strip()
    if not t:
        return "empty"
    if _SEQ.match(t):
        return "int"
    if _ATTRIBUTE.match(t):
        return "attribute"
    if re.fullmatch(r"[≥≤><＞＜约]?\s*[-+]?\d+(?:\.\d+)?\s*(%|％)?(以上|以下|左右)?|[—\-/／–]+", t):
        return "number"
    return "text"


def _fits(kind: str, role: str | None) -> bool:
    if role == "seq":
        return kind == "int"
    if role in ("baseline", "target", "increment"):
        return kind in ("int", "number", "empty", "text")
    if role == "attribute":
        return kind == "attribute"
    return kind in ("text", "empty")


def _aligned(row: list[Cell], columns: Columns) -> list[Cell]:
    """Place each cell of a short (or long) row in a column, in order, at least cost: cells go
    where their kind fits; merged key columns (序号, 类别) are the cheapest to leave empty."""
    roles = columns.roles
    n, m = len(row), len(roles)
    inf = float("inf")
    # cost[i][j]: best cost placing the first i cells in the first j columns
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[str | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            if j < m:  # leave column j empty; later columns slightly dearer so earlier ones go first
                c = here + _SKIP_COST.get(roles[j] or "", 1.0) + 0.01 * j
                if c < cost[i][j + 1]:
                    cost[i][j + 1], back[i][j + 1] = c, "skip"
            if i < n and j < m:
                c = here + (0.0 if _fits(_kind(row[i].text), roles[j]) else _MISMATCH)
                if c < cost[i + 1][j + 1]:
                    cost[i + 1][j + 1], back[i + 1][j + 1] = c, "take"
    out: list[Cell] = []
    i, j = n, m
    if cost[n][m] == inf:
        return list(row)
    while i > 0 or j > 0:
        step = back[i][j]
        if step == "take":
            out.append(row[i - 1])
            i, j = i - 1, j - 1
        else:
            out.append(Cell("", row[0].loc, spanned=True))
            j -= 1
    return out[::-1]
