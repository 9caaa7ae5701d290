"""The output contract (v1.1): pydantic models that are the one source of truth for the JSON Schema.

Chinese text is kept exactly as printed in every ``raw``, ``title`` and ``name`` field; anything
normalised lives in a field of its own.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"

ValueStatus = Literal["value", "not_started", "not_planned", "as_actual", "blank", "text"]
Role = Literal["lead", "support"]
Comparator = Literal[">=", ">", "<=", "<", "~"]
DeadlineKind = Literal["by_date", "ongoing", "text"]
InputFormat = Literal["txt", "docx", "pdf", "html"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Location(_Model):
    """Where a record came from in its source file.

    Only the fields that make sense for the format are set: line numbers (1-based) for text
    and HTML, a paragraph index or a table/row/col index for Word files, a page number and a
    bounding box (x0, top, x1, bottom in PDF points) for PDF.
    """

    line: int | None = None
    line_end: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None


class SourceInfo(_Model):
    """The file that was parsed."""

    path: str
    format: InputFormat
    sha256: str
    size: int
    encoding: str | None = Field(None, description="detected text encoding (txt, html)")


class Period(_Model):
    """The years a plan covers, e.g. （2022-2025年） → start 2022, end 2025."""

    start: int
    end: int


class Meta(_Model):
    """The notice's metadata (GB/T 9704 版头 and 版记 elements)."""

    title: str | None = Field(None, description="the plan's own title, without 《》")
    notice_title: str | None = Field(None, description="the 关于印发…的通知 wrapper title")
    doc_number: str | None = Field(None, description="发文字号 with brackets normalised to 〔〕")
    doc_number_raw: str | None = Field(
        None, description="the 发文字号 exactly as printed (brackets, spaces) (since 1.1)"
    )
    issuer: str | None = Field(None, description="发文机关")
    issue_date: date | None = Field(
        None, description="成文日期: the date under the signature, a 成文日期 field, or a stated issuing date"
    )
    published: date | None = Field(
        None,
        description="the date a web page says it posted the document (发布日期, 时间), which is not the "
        "成文日期 (since 1.1)",
    )
    recipients: list[str] = Field(default_factory=list, description="主送机关 as printed")
    period: Period | None = None


class Section(_Model):
    """A level-1 heading of the plan (一、指导思想)."""

    number: int
    label: str | None = Field(None, description="the label as printed or rendered from Word numbering")
    title: str
    inferred: bool = Field(False, description="the label was missing and its number was inferred")
    source: Location | None = None


class Amount(_Model):
    """One number in a value cell with the unit that applies to it."""

    value: float
    unit: str | None = None


class Value(_Model):
    """A baseline, target or increment cell, kept raw and read into amounts.

    ``status``: ``value`` (numbers found), ``not_started`` (the document's mark for 未开展),
    ``not_planned`` (不开展或不确定), ``as_actual`` (以实际业务开展为准), ``blank`` (empty cell)
    or ``text`` (anything else).
    """

    raw: str
    status: ValueStatus
    amounts: list[Amount] = Field(default_factory=list)
    comparator: Comparator | None = None
    cumulative: bool = Field(False, description="the value is a cumulative figure for the period (【】)")


class Department(_Model):
    """A responsible body as printed, with its role where the text distinguishes one."""

    name: str
    role: Role | None = None


class Indicator(_Model):
    """One data row of the indicator table (量化指标 / 主要指标)."""

    seq: str | None = None
    category: str | None = None
    name: str
    unit: str | None = None
    baseline: Value | None = None
    target: Value | None = None
    increment: Value | None = None
    baseline_year: int | None = None
    target_year: int | None = None
    attribute: str | None = Field(None, description="预期性 or 约束性")
    departments: list[Department] = Field(default_factory=list)
    source: Location | None = None


class Deadline(_Model):
    """When a task is due, as a task table's 完成时限 cell or an item's note states it (since 1.1).

    ``kind``: ``by_date`` (2019年底前, 2020年6月底前: ``year`` and, where printed, ``month``),
    ``ongoing`` (持续推进, 长期坚持, 每年) or ``text`` (anything else, kept raw).
    """

    raw: str = Field(description="the deadline as printed")
    year: int | None = Field(None, description="the year it falls due (the last year of a span)")
    month: int | None = Field(None, description="the month it falls due, where printed (年底 is 12)")
    kind: DeadlineKind


class Task(_Model):
    """A numbered action item of the plan's task chapters, or a data row of a task-assignment table."""

    path: list[int] = Field(description="[level-1 number, level-2 number, item number]")
    label: str | None = None
    title: str
    text: str
    departments: list[Department] = Field(default_factory=list)
    lead: list[str] | None = Field(
        None, description="the lead bodies where the text distinguishes them, else null"
    )
    deadline: Deadline | None = Field(None, description="when the task is due (since 1.1)")
    source: Location | None = Field(None, description="where the item (or the table row) is")
    note_source: Location | None = Field(
        None,
        description="where the department note is, where it is printed apart from the item "
        "(a line after it, a subsection's shared note, an assignment table's row) (since 1.1)",
    )


class Target(_Model):
    """A quantitative target stated in prose (到2026年，有效发明专利达到900件)."""

    metric: str
    value: float
    unit: str | None = None
    year: int | None = None
    comparator: Comparator | None = None
    text: str
    source: Location | None = None


class Warning(_Model):
    """Something the parser repaired or doubts, with where it is."""

    code: str
    message: str
    source: Location | None = None


class Plan(_Model):
    """Everything ipplan read from one plan document."""

    schema_version: Literal["1.1"] = SCHEMA_VERSION
    source: SourceInfo
    meta: Meta = Field(default_factory=Meta)
    sections: list[Section] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)


def json_schema() -> dict:
    """The JSON Schema of the output contract, generated from the models."""
    schema = Plan.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ipplan Plan v" + SCHEMA_VERSION
    return schema
