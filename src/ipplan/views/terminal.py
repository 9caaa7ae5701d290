"""The rich terminal rendering of a plan (``ipplan show``) and of the department view.

Every cell is a ``Text`` (Chinese text in a ``Wrapped`` one, which breaks lines where Chinese
typesetting does: views/wrap.py), never markup: plan text is full of [] and 【】 that rich would
otherwise read as style tags. Columns fold rather than truncate, so narrow terminals lose
nothing; colour is decoration only (lead bodies carry the word （牵头）, not just a style).
"""

from __future__ import annotations

import os
import re
from collections import Counter

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ipplan.schema import Department, Plan, Task
from ipplan.views.departments import ROLES, Body
from ipplan.views.values import (
    COMPARATOR_SIGNS,
    LIST_JOINER,
    display_width,
    location_text,
    number_text,
    task_id,
    value_text,
)
from ipplan.views.wrap import Wrapped, list_pieces

PARTS = ("meta", "indicators", "outline", "tasks", "targets", "warnings")


def _table(title: str | None = None, caption: str | None = None, *, expand: bool = False) -> Table:
    # SIMPLE_HEAD without edges draws only the rule under the header: more text fits in 60 cells.
    # ``expand`` tables give their ratio columns (departments) whatever width is left.
    return Table(
        title=title,
        caption=caption,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        title_justify="left",
        caption_justify="left",
        title_style="bold",
        header_style="bold",
        pad_edge=False,
        expand=expand,
    )


def _col(table: Table, name: str, **kwargs) -> None:
    table.add_column(name, overflow="fold", **kwargs)


def _name_list(departments: list[Department]) -> list[str]:
    return [d.name + ("（牵头）" if d.role == "lead" else "") for d in departments]


def _names(departments: list[Department]) -> str:
    """A department list as a Chinese text prints it: joined by 、, no spaces."""
    return LIST_JOINER.join(_name_list(departments))


def _names_cell(departments: list[Department]) -> Wrapped:
    """The list as a cell that breaks between names (after their 、) before it breaks inside one."""
    text, spans = list_pieces(_name_list(departments), LIST_JOINER)
    return Wrapped(text, spans)


def _widest(header: str, cells: list[str]) -> int:
    return max([display_width(header)] + [display_width(c) for c in cells])


def _first_share(avail: int, want_first: int, want_second: int, share: float) -> int | None:
    """The width of the first of two wrapping columns that share ``avail`` cells.

    The first (a name or title) gets what it needs up to ``share`` of the room, more where the
    second needs less; rich alone would shrink whichever is widest, folding short names while
    a long department list keeps its width. None where both fit or the room is too small to plan.
    """
    if want_first + want_second <= avail or avail < 20:
        return None
    return max(8, min(want_first, max(int(avail * share), avail - want_second)))


def _none(what: str) -> Text:
    return Text(what, style="dim")


def meta_part(plan: Plan, width: int) -> RenderableType:
    """The header: title, 文号, issuer, date, period, source and what was found."""
    m = plan.meta
    title = Wrapped(m.title or "(no title found)", style="bold")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    rows = [
        ("文号", m.doc_number),
        ("发文机关", m.issuer),
        ("成文日期", m.issue_date.isoformat() if m.issue_date else None),
        ("实施期限", f"{m.period.start}–{m.period.end}" if m.period else None),
        ("通知", m.notice_title),
    ]
    for label, value in rows:
        grid.add_row(Text(label), Wrapped(value) if value else _none("—"))
    src = plan.source
    encoding = f", {src.encoding}" if src.encoding else ""
    grid.add_row(Text("source"), Wrapped(f"{src.path} ({src.format}{encoding})"))
    found = [
        (len(plan.indicators), "indicator"),
        (len(plan.sections), "section"),
        (len(plan.tasks), "task"),
        (len(plan.targets), "target"),
        (len(plan.warnings), "warning"),
    ]
    counts = " · ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in found)
    grid.add_row(Text("found"), Text(counts))
    return Group(title, grid)


def _value_cell(ind_baseline, ind_target, increment) -> Text:
    text = f"{value_text(ind_baseline) or '·'} → {value_text(ind_target) or '·'}"
    if increment is not None:
        text += f" (+{value_text(increment)})"
    return Text(text)


VALUE_WIDTH = 21  # fits "未开展 → 以实际为准"; a pair of longer markers wraps
NARROW = 36  # below this many cells for the two text columns, a table gives way to stacked blocks


def _stacked(title: str, blocks: list[tuple[str, list[RenderableType]]]) -> RenderableType:
    """Records as blocks of lines under their id: what a table becomes in a narrow terminal."""
    grid = Table.grid(padding=(0, 2, 1, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for key, lines in blocks:
        grid.add_row(Text(key), Group(*lines))
    return Group(Text(title, style="bold"), grid)


def _indicators_title(plan: Plan) -> str:
    title = f"Indicators ({len(plan.indicators)})"
    years = {(i.baseline_year, i.target_year) for i in plan.indicators}
    if len(years) == 1:
        b, t = next(iter(years))
        if b or t:
            title += f" · baseline {b or '?'} → target {t or '?'}"
    return title


def indicators_part(plan: Plan, width: int) -> RenderableType:
    """The indicator table; columns the plan does not use (类别, 属性, 责任部门) are left out."""
    inds = plan.indicators
    if not inds:
        return _none("No indicator table.")
    has_category = any(i.category for i in inds)
    has_attribute = any(i.attribute for i in inds)
    has_departments = any(i.departments for i in inds)
    values = [_value_cell(i.baseline, i.target, i.increment) for i in inds]
    fixed = [
        _widest("#", [i.seq or "" for i in inds]),
        min(10, _widest("unit", [i.unit or "" for i in inds])),
        min(VALUE_WIDTH, _widest("baseline → target", [v.plain for v in values])),
    ]
    if has_category:
        fixed.append(min(12, _widest("category", [i.category or "" for i in inds])))
    if has_attribute:
        fixed.append(_widest("attribute", [i.attribute or "" for i in inds]))
    columns = len(fixed) + 1 + has_departments
    avail = width - sum(fixed) - (2 * columns - 2)
    if avail < (NARROW if has_departments else NARROW // 2):
        return _indicator_blocks(plan, values)
    want_departments = _widest("departments", [_names(i.departments) for i in inds]) if has_departments else 0
    name_width = _first_share(avail, _widest("indicator", [i.name for i in inds]), want_departments, 0.55)
    table = _table(_indicators_title(plan), expand=True)
    _col(table, "#", no_wrap=True)
    if has_category:
        _col(table, "category", max_width=12)
    _col(table, "indicator", width=name_width)
    _col(table, "unit", max_width=10)
    _col(table, "baseline → target", max_width=VALUE_WIDTH)
    if has_attribute:
        _col(table, "attribute")
    if has_departments:
        _col(table, "departments", ratio=1)
    last_category = None
    for ind, value in zip(inds, values, strict=True):
        cells: list[RenderableType] = [Text(ind.seq or "")]
        if has_category:
            # a merged 类别 cell: print it once per run, as the document does
            cells.append(Text(ind.category or "") if ind.category != last_category else Text(""))
            last_category = ind.category
        cells += [Wrapped(ind.name), Text(ind.unit or ""), value]
        if has_attribute:
            cells.append(Text(ind.attribute or ""))
        if has_departments:
            cells.append(_names_cell(ind.departments))
        table.add_row(*cells)
    return table


def _indicator_blocks(plan: Plan, values: list[Text]) -> RenderableType:
    blocks: list[tuple[str, list[Text]]] = []
    for ind, value in zip(plan.indicators, values, strict=True):
        head = Text(ind.name, style="bold")
        if ind.unit:
            head.append(f"（{ind.unit}）")
        line = value.copy()
        for extra in (ind.category, ind.attribute):
            if extra:
                line.append(f" · {extra}")
        lines: list[RenderableType] = [Wrapped(head), line]
        if ind.departments:
            lines.append(_names_cell(ind.departments))
        blocks.append((ind.seq or "", lines))
    return _stacked(_indicators_title(plan), blocks)


def outline_part(plan: Plan, width: int) -> RenderableType:
    """The level-1 headings with how many tasks each holds."""
    if not plan.sections:
        return _none("No sections found.")
    per_section = Counter(t.path[0] for t in plan.tasks if t.path)
    table = _table(f"Outline ({len(plan.sections)} sections)")
    _col(table, "#", no_wrap=True)
    _col(table, "section")
    _col(table, "tasks", justify="right", no_wrap=True)
    for s in plan.sections:
        label = (s.label or "").strip() or f"{s.number}*"
        n = per_section.get(s.number, 0)
        table.add_row(Text(label), Wrapped(s.title), Text(str(n)) if n else _none("·"))
    if any(s.inferred for s in plan.sections):
        return Group(table, _none("* label not printed (lost Word numbering): number inferred"))
    return table


DEADLINE_WIDTH = 14  # fits 2020年6月底前 and 持续推进; a longer deadline wraps


def _deadline_cell(task: Task) -> RenderableType:
    return Wrapped(task.deadline.raw) if task.deadline else _none("·")


def tasks_part(plan: Plan, width: int) -> RenderableType:
    """The tasks, a rule between subsections, lead bodies marked （牵头）, deadlines where any is given."""
    if not plan.tasks:
        return _none("No tasks found.")
    tasks = plan.tasks
    has_lead = any(d.role == "lead" for t in tasks for d in t.departments)
    has_deadline = any(t.deadline for t in tasks)
    title = f"Tasks ({len(tasks)})"
    note = "（牵头） = lead body" if has_lead else None
    want_title = _widest("task", [t.title for t in tasks])
    want_departments = _widest("departments", [_names(t.departments) for t in tasks])
    deadline_width = (
        min(DEADLINE_WIDTH, _widest("deadline", [t.deadline.raw for t in tasks if t.deadline]))
        if has_deadline
        else 0
    )
    avail = width - _widest("id", [task_id(t.path) for t in tasks]) - 4 - (deadline_width + 2) * has_deadline
    if avail < NARROW:
        blocks: list[tuple[str, list[RenderableType]]] = []
        for t in tasks:
            lines: list[RenderableType] = [Wrapped(t.title, style="bold")]
            lines.append(_names_cell(t.departments) if t.departments else _none("—"))
            if t.deadline:
                lines.append(Wrapped(Text("deadline ", style="dim") + Text(t.deadline.raw)))
            blocks.append((task_id(t.path), lines))
        stacked = _stacked(title, blocks)
        return Group(stacked, _none(note)) if note else stacked
    table = _table(title, note, expand=True)
    _col(table, "id", no_wrap=True)
    _col(table, "task", width=_first_share(avail, want_title, want_departments, 0.5))
    _col(table, "departments", ratio=1)
    if has_deadline:
        _col(table, "deadline", max_width=deadline_width)
    for i, t in enumerate(tasks):
        last_in_group = i + 1 == len(tasks) or tasks[i + 1].path[:2] != t.path[:2]
        cells: list[RenderableType] = [Text(task_id(t.path)), Wrapped(t.title)]
        cells.append(_names_cell(t.departments) if t.departments else _none("—"))
        if has_deadline:
            cells.append(_deadline_cell(t))
        table.add_row(*cells, end_section=last_in_group)
    return table


def targets_part(plan: Plan, width: int) -> RenderableType:
    """Quantitative targets stated in prose."""
    if not plan.targets:
        return _none("No targets stated in prose.")
    table = _table(f"Targets in prose ({len(plan.targets)})")
    _col(table, "metric", ratio=2)
    _col(table, "target", no_wrap=True)
    _col(table, "year", no_wrap=True)
    for t in plan.targets:
        sign = COMPARATOR_SIGNS.get(t.comparator, "") if t.comparator else ""
        value = f"{sign}{' ' if sign else ''}{number_text(t.value)}{' ' + t.unit if t.unit else ''}"
        table.add_row(Wrapped(t.metric), Text(value), Text(str(t.year) if t.year else ""))
    return table


def warnings_part(plan: Plan, width: int) -> RenderableType:
    """What the parser repaired or doubts."""
    if not plan.warnings:
        return _none("No warnings.")
    table = _table(f"Warnings ({len(plan.warnings)})")
    _col(table, "code", style="yellow", max_width=24)
    _col(table, "message", ratio=1)
    _col(table, "where", max_width=16)
    for w in plan.warnings:
        table.add_row(Text(w.code), Wrapped(w.message), Text(location_text(w.source)))
    return table


RENDERERS = {
    "meta": meta_part,
    "indicators": indicators_part,
    "outline": outline_part,
    "tasks": tasks_part,
    "targets": targets_part,
    "warnings": warnings_part,
}


_TRAILING_SPACE = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def print_stripped(console: Console, *renderables: RenderableType) -> None:
    """Print with the trailing blanks rich pads table lines with removed (they clutter pipes and diffs)."""
    with console.capture() as capture:
        for r in renderables:
            console.print(r)
    text = _TRAILING_SPACE.sub(r"\1", capture.get())
    console.file.write(text)
    console.file.flush()


def render_plan(plan: Plan, console: Console, parts: tuple[str, ...] | list[str] = PARTS) -> None:
    """Print the chosen parts of ``plan`` in their fixed order, a blank line between them."""
    chosen = [RENDERERS[p](plan, console.width) for p in PARTS if p in parts]
    spaced: list[RenderableType] = []
    for i, part in enumerate(chosen):
        spaced += [Text("")] * bool(i) + [part]
    print_stripped(console, *spaced)


def render_departments(bodies: list[Body], console: Console, *, with_items: bool, many_plans: bool) -> None:
    """The department summary; with ``with_items`` each body's tasks and indicators too."""
    if not bodies:
        print_stripped(console, _none("No departments named."))
        return
    table = _table(f"Departments ({len(bodies)})")
    _col(table, "department", ratio=2)
    _col(table, "tasks", no_wrap=True, justify="right")
    _col(table, "L/S/N", no_wrap=True, justify="right")
    _col(table, "indicators", no_wrap=True, justify="right")
    _col(table, "L/S/N ", no_wrap=True, justify="right")
    if many_plans:
        _col(table, "plans", justify="right", no_wrap=True)
    for b in bodies:
        name: RenderableType = Wrapped(b.name)
        if len(b.variants) > 1:
            others, spans = list_pieces(b.variants[1:], LIST_JOINER)
            shifted = [(0, 2)] + [(a + 2, e + 2) for a, e in spans]
            variants = Wrapped(Text("= " + others, style="dim"), shifted)
            name = Group(name, variants)
        cells: list[RenderableType] = [name]
        for kind in ("task", "indicator"):
            cells.append(Text(str(b.count(kind))))
            cells.append(Text("/".join(str(b.count(kind, r)) for r in ROLES)))  # type: ignore[arg-type]
        if many_plans:
            cells.append(Text(str(len(b.plans))))
        table.add_row(*cells)
    out: list[RenderableType] = [table, _none("L/S/N: lead / support / named (listed without either role)")]
    for b in bodies if with_items else []:
        for plan in b.plans:
            mine = [it for it in b.items if it.plan == plan]
            where = f" in {os.path.basename(plan)}" if many_plans else ""
            items = _table(f"{b.name}{where}: {len(mine)} items")
            _col(items, "kind", no_wrap=True)
            _col(items, "id", no_wrap=True)
            _col(items, "item")
            _col(items, "role", no_wrap=True)
            for it in mine:
                items.add_row(Text(it.kind), Text(it.id), Wrapped(it.name), Text(it.role))
            out += [Text(""), items]
    print_stripped(console, *out)
