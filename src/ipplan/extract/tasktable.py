"""Task-assignment tables (重点任务分工表, 责任分解表): one task per data row.

A table is an assignment table when its header has a task column (重点任务, 工作任务, 任务内容 …) and
at least one column of bodies (牵头单位, 配合单位, 责任单位 …), and no baseline or target column (that
is an indicator table). Columns are known by their header text, never by position; a header may
take two rows (责任单位 over 牵头单位 | 配合单位). A row whose cells all repeat one text (a merged
category row, 一、…) opens level 1; the 序号 cell numbers the item as printed (straight through the
table). Bodies: the lead column's lead, the support column's support; a single 责任单位 column is
read as a note is (A，B、C; A（牵头）; a stated first-listed-leads convention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ipplan.blocks import Cell, Table
from ipplan.extract.deadlines import parse_deadline
from ipplan.extract.departments import parse_assignment, split_bodies, states_first_listed_leads
from ipplan.outline import Outline, match_label
from ipplan.schema import Department, Location, Task

_TASK = re.compile(
    r"任务|措施|举措|工作内容|工作事项|具体工作|重点工作|主要工作|事项|内容|工作要点|项目名称|目标任务"
)
_LEAD = re.compile(r"牵头|主办|主责|承办|负责|责任")
_SUPPORT = re.compile(r"配合|参与|协办|协助|协同|支持|参加|协作")
_BODIES = re.compile(r"单位|部门|处室|科室|机构|领导|主体|责任人")
_DEADLINE = re.compile(r"时限|时间|期限|节点|进度|完成时|年限")
_SEQ = re.compile(r"^(?:序号|编号|序|号)$")
# a column naming each row's category (its cells merged down over the rows of a category)
_CATEGORY = re.compile(
    r"^(?:类别|分类|类型|领域|方面|板块|专项|重点领域|任务类别|工作类别|项目类别|一级任务)$"
)
_VALUES = re.compile(r"基础值|目标值|基期|基数|现状值|预期值|\d{4}\s*年")
_NUMBER = re.compile(r"^\s*[（(]?\s*(\d{1,3})\s*[）).．、]?\s*$")
_HEADER_CELL_MAX = 16


@dataclass(slots=True)
class AssignmentColumns:
    """Which column holds what in an assignment table."""

    task: int
    seq: int | None = None
    lead: int | None = None
    support: int | None = None
    responsible: int | None = None  # a single 责任单位 column that names lead and support alike
    deadline: int | None = None
    category: int | None = None
    width: int = 0  # how many columns the header has


def read_assignment_header(header: list[str]) -> AssignmentColumns | None:
    """The columns of an assignment table from its header texts, or None where it is not one."""
    cells = [re.sub(r"\s+", "", h) for h in header]
    if any(_VALUES.search(c) for c in cells) or any(len(c) > _HEADER_CELL_MAX for c in cells):
        return None
    seq = task = lead = support = responsible = deadline = category = None
    for i, c in enumerate(cells):
        if not c:
            continue
        if _SEQ.match(c):
            seq = seq if seq is not None else i
        elif _CATEGORY.match(c):
            category = category if category is not None else i
        elif _BODIES.search(c) and _SUPPORT.search(c):
            support = support if support is not None else i
        elif _BODIES.search(c) and re.search(r"牵头|主办|主责|承办", c):
            lead = lead if lead is not None else i
        elif _BODIES.search(c) and _LEAD.search(c):
            responsible = responsible if responsible is not None else i
        elif _DEADLINE.search(c):
            deadline = deadline if deadline is not None else i
        elif _TASK.search(c) and task is None:
            task = i
    if task is None or (lead is None and support is None and responsible is None):
        return None
    if lead is None and responsible is not None and support is not None:
        lead, responsible = responsible, None  # 责任单位 beside 配合单位 names who leads
    return AssignmentColumns(task, seq, lead, support, responsible, deadline, category, len(header))


def _header(rows: list[list[Cell]]) -> tuple[AssignmentColumns, int] | None:
    """The columns and the rows the header takes: one, or two where a merged header cell stands
    over sub-headers (责任单位 over 牵头单位 | 配合单位)."""
    for first in range(min(2, len(rows))):  # a caption row may stand above the header
        texts = [c.text for c in rows[first]]
        columns = read_assignment_header(texts)
        nxt = rows[first + 1] if first + 1 < len(rows) else None
        if nxt is not None and _is_sub_header(nxt):
            joined = [a if a == b.text else a + b.text for a, b in zip(texts, nxt, strict=False)]
            both = read_assignment_header(joined)
            if both is not None:
                return both, first + 2
        if columns is not None:
            return columns, first + 1
    return None


def _is_sub_header(row: list[Cell]) -> bool:
    texts = [re.sub(r"\s+", "", c.text) for c in row]
    return (
        any(_BODIES.search(t) for t in texts)
        and not any(re.search(r"\d", t) for t in texts)
        and all(len(t) <= _HEADER_CELL_MAX for t in texts)
    )


def assignment_tables(outline: Outline) -> list[tuple[int, Table, AssignmentColumns, int]]:
    """(unit index, table, columns, header rows) of every assignment table of the outline."""
    found = []
    for k, u in enumerate(outline.units):
        if not u.is_table:
            continue
        table: Table = u.block  # type: ignore[assignment]
        header = _header(table.rows)
        if header is not None:
            found.append((k, table, *header))
    return found


def table_tasks(outline: Outline, first_listed_leads: bool = False) -> list[Task]:
    """The tasks of every assignment table, in order (tables continued over pages run on)."""
    out: list[Task] = []
    state = _Numbering()
    convention = first_listed_leads
    for k, table, columns, header_rows in assignment_tables(outline):
        convention = convention or _states_convention(outline, k, table)
        for row in table.rows[header_rows:]:
            task = _row_task(_aligned(row, columns), columns, state, convention)
            if task is not None:
                out.append(task)
    return out


def _states_convention(outline: Outline, k: int, table: Table) -> bool:
    """A convention stated in the table's caption, its notes or the lines around it."""
    texts = [c.text for row in table.rows for c in row[:1]]
    near = outline.units[max(0, k - 3) : k + 3]
    texts += [u.text for u in near if not u.is_table]
    return any(states_first_listed_leads(t) for t in texts)


@dataclass(slots=True)
class _Numbering:
    """Where the rows are in the table's numbering: its category rows and its last item."""

    category: int = 0
    category_text: str = ""
    subcategory: int = 0
    item: int = 0
    above: dict[int, str] = field(default_factory=dict)  # the last text of each filled-down column

    def path(self, number: int) -> list[int]:
        return [n for n in (self.category, self.subcategory) if n] + [number]


def _aligned(row: list[Cell], columns: AssignmentColumns) -> list[Cell]:
    """A row that a text export wrote without its merged cells, put under its columns by what its
    cells hold: the number, the task, a time limit, then the bodies — and where fewer bodies are
    printed than there are body columns, the lead's cell is the one merged with the row above."""
    if len(row) >= columns.width or len({c.text for c in row}) <= 1:
        return row
    placed: dict[int, Cell] = {}
    cells = list(row)
    if columns.seq is not None and cells and _NUMBER.match(cells[0].text):
        placed[columns.seq] = cells.pop(0)
    if cells:
        placed[columns.task] = cells.pop(0)
    if columns.deadline is not None and cells:
        due = parse_deadline(cells[-1].text)
        if due is not None and due.kind != "text":
            placed[columns.deadline] = cells.pop()
    bodies = [i for i in (columns.lead, columns.responsible, columns.support) if i is not None]
    for index, cell in zip(bodies[len(bodies) - len(cells) :], cells, strict=False):
        placed[index] = cell
    empty = row[0].loc
    return [placed.get(i) or Cell("", empty) for i in range(columns.width)]


def _row_task(
    row: list[Cell], columns: AssignmentColumns, state: _Numbering, convention: bool
) -> Task | None:
    texts = [c.text.strip() for c in row]
    distinct = {t for t in texts if t}
    if not distinct or _is_note_row(texts):
        return None
    _category_cell(row, columns, state)
    category = _category(row, texts, distinct, columns)
    if category is not None:
        level, number = category
        if level == 1:
            state.category, state.subcategory = number or state.category + 1, 0
        else:
            state.subcategory = number or state.subcategory + 1
        return None
    task_cell = _cell(row, columns.task)
    if task_cell is None or not task_cell.text.strip():
        return None
    seq_text = _cell_text(row, columns.seq)
    printed = _NUMBER.match(seq_text) if seq_text else None
    task_text = task_cell.text.strip()
    own = match_label(task_text)
    if printed:
        number = int(printed.group(1))
    elif own is not None and own.kind in ("ar_dot", "ar_dun", "ar_paren", "cn_paren"):
        number = own.number
    else:
        number = state.item + 1
    if own is not None:
        task_text = own.rest
    state.item = number
    row = _filled_down(row, columns, state)
    departments, lead = _bodies(row, columns, convention)
    from ipplan.extract.tasks import item_title

    deadline_text = _cell_text(row, columns.deadline)
    return Task(
        path=state.path(number),
        label=seq_text or None,
        title=item_title(task_text),
        text=task_text,
        departments=departments,
        lead=lead,
        deadline=parse_deadline(deadline_text) if deadline_text else None,
        source=_row_location(row, task_cell),
        note_source=None,
    )


def _bodies(
    row: list[Cell], columns: AssignmentColumns, convention: bool
) -> tuple[list[Department], list[str] | None]:
    if columns.responsible is not None and columns.lead is None:
        text = _cell_text(row, columns.responsible)
        note = parse_assignment("责任单位：" + text) if text else None
        if note is None or not note.departments:
            return [], None
        if convention and not note.marked:
            names = [d.name for d in note.departments]
            roles = [Department(name=n, role="lead" if k == 0 else "support") for k, n in enumerate(names)]
            return roles, names[:1]
        return note.departments, note.lead
    leads = split_bodies(_cell_text(row, columns.lead)) if columns.lead is not None else []
    supports = split_bodies(_cell_text(row, columns.support)) if columns.support is not None else []
    supports = [s for s in supports if s not in ("—", "-", "/", "无")]
    departments = [Department(name=n, role="lead") for n in leads]
    departments += [Department(name=n, role="support") for n in supports]
    return departments, (leads or None)


def _filled_down(row: list[Cell], columns: AssignmentColumns, state: _Numbering) -> list[Cell]:
    """A text export writes a vertically merged cell once and leaves the cells it spans empty:
    every task has a lead and a time limit, so an empty lead or 完成时限 cell is the one above."""
    filled = list(row)
    for index in (columns.lead, columns.responsible, columns.deadline):
        if index is None or index >= len(filled):
            continue
        cell = filled[index]
        if cell.text.strip():
            state.above[index] = cell.text
        elif index in state.above:
            filled[index] = Cell(state.above[index], cell.loc, spanned=True)
    return filled


def _category_cell(row: list[Cell], columns: AssignmentColumns, state: _Numbering) -> None:
    """A 类别 column opens a category where its text changes (一、健全… over the rows it spans; a
    text export writes it once and leaves the rows below empty)."""
    text = _cell_text(row, columns.category)
    if not text or text == state.category_text:
        return
    label = match_label(text)
    state.category = label.number if label is not None else state.category + 1
    state.subcategory = 0
    state.category_text = text


def _is_note_row(texts: list[str]) -> bool:
    first = next(t for t in texts if t)
    return re.match(r"^(注|备注|说明)\s*[：:]", first) is not None


def _category(
    row: list[Cell], texts: list[str], distinct: set[str], columns: AssignmentColumns
) -> tuple[int, int | None] | None:
    """(level, number as printed or None) of a category row: one text across the row (a merged
    cell), or a 一、/（一） 序号 beside a title with no bodies."""
    if len(distinct) == 1 and (len(texts) > 1 or match_label(texts[0]) is not None):
        return _category_level(next(iter(distinct)))
    seq = _cell_text(row, columns.seq)
    bodies = [_cell_text(row, i) for i in (columns.lead, columns.support, columns.responsible)]
    if seq and not any(bodies) and not _NUMBER.match(seq):
        level = _category_level(seq if match_label(seq) else seq + "、")
        if level is not None and level[1] is not None:
            return level
    return None


def _category_level(text: str) -> tuple[int, int | None]:
    label = match_label(text)
    if label is not None and label.kind == "cn_paren":
        return 2, label.number
    if label is not None and label.kind in ("cn_dun", "chapter"):
        return 1, label.number
    return 1, None


def _cell(row: list[Cell], index: int | None) -> Cell | None:
    return row[index] if index is not None and index < len(row) else None


def _cell_text(row: list[Cell], index: int | None) -> str:
    cell = _cell(row, index)
    return cell.text.strip() if cell is not None else ""


def _row_location(row: list[Cell], cell: Cell) -> Location:
    loc = cell.loc.model_copy()
    if loc.col is not None:
        loc.col = None
    return loc


# --- a table beside the text's items -----------------------------------------------------------

_SIMILAR = 0.6


def merge_table_tasks(text_tasks: list[Task], rows: list[Task]) -> list[Task]:
    """The text's items with the bodies and deadlines of the table rows that assign them
    (matched by title, else by number with a similar title); rows that match no item are
    tasks of their own. A document that is only the table has its rows as its tasks."""
    if not text_tasks:
        return rows
    if not rows:
        return text_tasks
    by_title = {_squash(t.title): t for t in text_tasks}
    extra: list[Task] = []
    for row in rows:
        item = by_title.get(_squash(row.title)) or _by_number(text_tasks, row)
        if item is None:
            extra.append(row)
            continue
        if not item.departments:
            item.departments, item.lead = row.departments, row.lead
            item.note_source = row.source
        if item.deadline is None:
            item.deadline = row.deadline
    return text_tasks + extra


def _by_number(text_tasks: list[Task], row: Task) -> Task | None:
    from difflib import SequenceMatcher

    for item in text_tasks:
        similar = SequenceMatcher(None, _squash(item.title), _squash(row.title)).ratio() >= _SIMILAR
        if item.path[-1] == row.path[-1] and similar:
            return item
    return None


def _squash(text: str) -> str:
    return re.sub(r"[\s。，,、；;：:“”\"]", "", text)
