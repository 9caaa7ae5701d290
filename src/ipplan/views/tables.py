"""Flat tables built from a ``Plan``: the rows a CSV file or a worksheet holds.

A cell is text, a number or None. Numbers are stored as numbers (a spreadsheet can sum them),
and every value cell keeps its raw text and status beside the number, because "2868/2",
"—" and "以实际业务开展为准" carry meaning a number alone loses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ipplan.schema import Deadline, Plan, SourceInfo, Value
from ipplan.views import TABLE_NAMES
from ipplan.views.departments import normalise_name, role_of
from ipplan.views.values import (
    first_amount,
    join,
    lead_names,
    location_text,
    number_text,
    second_amount,
    task_id,
)

Cell = str | float | int | None
ColumnKind = Literal["text", "number"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: ColumnKind = "text"


@dataclass(slots=True)
class Table:
    """One sheet or CSV file: named columns and rows of cells in column order."""

    name: str
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]


def _value_columns(prefix: str) -> list[Column]:
    """A value cell as four columns: as printed, its first and second number, what it means.

    The second number is for compound cells such as 2868/2 (万元/笔): both amounts are data.
    """
    return [
        Column(f"{prefix}_raw"),
        Column(f"{prefix}_value", "number"),
        Column(f"{prefix}_value_2", "number"),
        Column(f"{prefix}_status"),
    ]


def _value_cells(value: Value | None) -> list[Cell]:
    if value is None:
        return [None, None, None, None]
    return [value.raw, first_amount(value), second_amount(value), value.status]


def indicators_table(plan: Plan) -> Table:
    """One row per indicator, ``id`` its position in the table (序号 repeats across rows)."""
    columns = [
        Column("id", "number"),
        Column("seq"),
        Column("category"),
        Column("name"),
        Column("unit"),
        *_value_columns("baseline"),
        *_value_columns("target"),
        *_value_columns("increment"),
        Column("baseline_year", "number"),
        Column("target_year", "number"),
        Column("attribute"),
        Column("departments"),
        Column("lead"),
        Column("source"),
    ]
    rows: list[list[Cell]] = []
    for i, ind in enumerate(plan.indicators, start=1):
        rows.append(
            [
                i,
                ind.seq,
                ind.category,
                ind.name,
                ind.unit,
                *_value_cells(ind.baseline),
                *_value_cells(ind.target),
                *_value_cells(ind.increment),
                ind.baseline_year,
                ind.target_year,
                ind.attribute,
                join(d.name for d in ind.departments),
                join(lead_names(ind.departments)),
                location_text(ind.source),
            ]
        )
    return Table("indicators", columns, rows)


def _deadline_cells(deadline: Deadline | None) -> list[Cell]:
    if deadline is None:
        return [None, None, None, None]
    return [deadline.raw, deadline.year, deadline.month, deadline.kind]


def tasks_table(plan: Plan) -> Table:
    """One row per task, ``id`` its path (3.1.2).

    ``deadline`` is the 完成时限 as printed; its year and month (where it names a date) and its
    kind (by_date, ongoing, text) are beside it, so a sheet can be sorted and filtered by due
    date. ``note_source`` is where the department note was read, where it stands apart from the
    item (a line after it, a subsection's shared note, an assignment table's row).
    """
    columns = [
        Column("id"),
        Column("section", "number"),
        Column("label"),
        Column("title"),
        Column("departments"),
        Column("lead"),
        Column("deadline"),
        Column("deadline_year", "number"),
        Column("deadline_month", "number"),
        Column("deadline_kind"),
        Column("text"),
        Column("source"),
        Column("note_source"),
    ]
    rows: list[list[Cell]] = [
        [
            task_id(t.path),
            t.path[0] if t.path else None,
            t.label,
            t.title,
            join(d.name for d in t.departments),
            join(lead_names(t.departments, t.lead)),
            *_deadline_cells(t.deadline),
            t.text,
            location_text(t.source),
            location_text(t.note_source) or None,
        ]
        for t in plan.tasks
    ]
    return Table("tasks", columns, rows)


def targets_table(plan: Plan) -> Table:
    """One row per quantitative target stated in prose."""
    columns = [
        Column("id", "number"),
        Column("metric"),
        Column("comparator"),
        Column("value", "number"),
        Column("unit"),
        Column("year", "number"),
        Column("text"),
        Column("source"),
    ]
    rows: list[list[Cell]] = [
        [i, t.metric, t.comparator, t.value, t.unit, t.year, t.text, location_text(t.source)]
        for i, t in enumerate(plan.targets, start=1)
    ]
    return Table("targets", columns, rows)


def departments_table(plan: Plan) -> Table:
    """One row per (item kind, item id, department, role): the who-is-responsible matrix, long form.

    ``role`` is lead, support, or named where the text names a body without saying which.
    ``department_key`` is the name normalised for comparison, for grouping in a pivot table.
    """
    columns = [
        Column("item_kind"),
        Column("item_id"),
        Column("item_name"),
        Column("department"),
        Column("department_key"),
        Column("role"),
    ]
    rows: list[list[Cell]] = []
    for i, ind in enumerate(plan.indicators, start=1):
        for d in ind.departments:
            rows.append(["indicator", str(i), ind.name, d.name, normalise_name(d.name), role_of(d)])
    for t in plan.tasks:
        for d in t.departments:
            role = role_of(d, t.lead)
            rows.append(["task", task_id(t.path), t.title, d.name, normalise_name(d.name), role])
    return Table("departments", columns, rows)


def _plan_fields(plan: Plan) -> list[tuple[str, Cell]]:
    """The notice's metadata, what was found, and the source file, as (field, value)."""
    m = plan.meta
    period = f"{m.period.start}-{m.period.end}" if m.period else None
    return [
        ("title", m.title),
        ("notice_title", m.notice_title),
        ("doc_number", m.doc_number),
        ("issuer", m.issuer),
        ("issue_date", m.issue_date.isoformat() if m.issue_date else None),
        ("recipients", join(m.recipients)),
        ("period", period),
        ("indicators", len(plan.indicators)),
        ("tasks", len(plan.tasks)),
        ("targets", len(plan.targets)),
        ("warnings", len(plan.warnings)),
        ("source_path", plan.source.path),
        ("source_format", plan.source.format),
        ("source_sha256", plan.source.sha256),
        ("schema_version", plan.schema_version),
    ]


def plan_table(plan: Plan) -> Table:
    """The notice's metadata and the source file as field/value rows (the workbook's last sheet)."""
    return Table("plan", [Column("field"), Column("value")], [[k, v] for k, v in _plan_fields(plan)])


_NUMERIC_PLAN_FIELDS = frozenset({"indicators", "tasks", "targets", "warnings"})


def _plans_columns() -> list[Column]:
    return [Column("file")] + [
        Column(k, "number" if k in _NUMERIC_PLAN_FIELDS else "text") for k in _PLAN_FIELD_NAMES
    ]


def combined_tables(plans: Iterable[tuple[str, Plan]]) -> list[Table]:
    """Every table of every plan in one table each, a ``file`` column first, then a ``plans``
    table (one row per plan, the fields of ``plan_table`` as columns).

    ``plans`` pairs each plan with the file name to show for it (the input as the batch saw it);
    it is read once, so a generator keeps one plan in memory at a time. This is the cross-plan
    sheet an analyst otherwise builds by hand: the indicators of a hundred plans in one place.
    """
    tables = [Table(name, [Column("file"), *BUILDERS[name](_EMPTY).columns]) for name in TABLE_NAMES]
    index = Table("plans", _plans_columns())
    for file, plan in plans:
        for table in tables:
            table.rows.extend([file, *row] for row in BUILDERS[table.name](plan).rows)
        index.rows.append([file, *(v for _, v in _plan_fields(plan))])
    return [*tables, index]


BUILDERS = {
    "indicators": indicators_table,
    "tasks": tasks_table,
    "targets": targets_table,
    "departments": departments_table,
}
_EMPTY = Plan(source=SourceInfo(path="", format="txt", sha256="", size=0))
_PLAN_FIELD_NAMES = [k for k, _ in _plan_fields(_EMPTY)]


def build(plan: Plan, name: str) -> Table:
    """The table ``name`` (one of ``TABLE_NAMES``) of ``plan``."""
    return BUILDERS[name](plan)


def build_all(plan: Plan) -> list[Table]:
    """Every table, then the plan's metadata: the sheets of a workbook."""
    return [build(plan, name) for name in TABLE_NAMES] + [plan_table(plan)]


def cell_text(cell: Cell) -> str:
    """A cell as CSV text: numbers without a spurious ``.0``, None as empty."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell).lower()
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        return number_text(cell)
    return cell
