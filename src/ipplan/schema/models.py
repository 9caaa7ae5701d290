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
    and HTML (and, for HTML, the paragraph's index among the article's blocks), a paragraph
    index or a table/row/col index for Word files, a page number and a bounding box (x0, top,
    x1, bottom in PDF points) for PDF.
    """

    line: int | None = Field(None, description="the first line (1-based) in a text or HTML file")
    line_end: int | None = Field(None, description="the last line, where the record spans several")
    paragraph: int | None = Field(
        None,
        description="the paragraph's index (0-based) in a Word file's body, tables not counted; in a "
        "web page, the block's index (0-based) among the article's paragraphs and tables",
    )
    table: int | None = Field(None, description="the table's index (0-based) in the document")
    row: int | None = Field(None, description="the row's index (0-based) in its table")
    col: int | None = Field(None, description="the cell's column index (0-based) in its row")
    page: int | None = Field(None, description="the page number (1-based) in a PDF")
    bbox: tuple[float, float, float, float] | None = Field(
        None, description="the bounding box on the PDF page: x0, top, x1, bottom in points"
    )


class SourceInfo(_Model):
    """The file that was parsed."""

    path: str = Field(description="the file's path as given, or <stdin>")
    format: InputFormat = Field(
        description="the format it was read as, decided by the content (a .doc converted by "
        "LibreOffice is docx)"
    )
    sha256: str = Field(description="SHA-256 of the file's bytes as given, in hex")
    size: int = Field(description="the file's size in bytes")
    encoding: str | None = Field(None, description="detected text encoding (txt, html)")


class Period(_Model):
    """The years a plan covers, e.g. （2022-2025年） → start 2022, end 2025."""

    start: int = Field(description="the first year of the period")
    end: int = Field(description="the last year of the period")


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
    period: Period | None = Field(None, description="the years the plan covers, from its title or text")


class Section(_Model):
    """A level-1 heading of the plan (一、指导思想)."""

    number: int = Field(description="the heading's number among the level-1 headings (三、 → 3)")
    label: str | None = Field(None, description="the label as printed or rendered from Word numbering")
    title: str = Field(description="the heading's text without its label, as printed")
    inferred: bool = Field(False, description="the label was missing and its number was inferred")
    source: Location | None = Field(None, description="where the heading is")


class Amount(_Model):
    """One number in a value cell with the unit that applies to it."""

    value: float = Field(description="the number as printed (95.26% → 95.26)")
    unit: str | None = Field(
        None, description="the unit that applies to it (万元, 笔, %), where one is known"
    )


class Value(_Model):
    """A baseline, target or increment cell, kept raw and read into amounts.

    ``status``: ``value`` (numbers found), ``not_started`` (the document's mark for 未开展),
    ``not_planned`` (不开展或不确定), ``as_actual`` (以实际业务开展为准), ``blank`` (empty cell)
    or ``text`` (anything else).
    """

    raw: str = Field(description="the cell's text exactly as printed")
    status: ValueStatus = Field(
        description="what the cell holds: numbers, a defined marker, nothing or other text"
    )
    amounts: list[Amount] = Field(
        default_factory=list, description="the numbers in the cell, in order (2868/2 → 2868 万元, 2 笔)"
    )
    comparator: Comparator | None = Field(None, description="≥ > ≤ < or 约 (~) written before the number")
    cumulative: bool = Field(False, description="the value is a cumulative figure for the period (【】)")


class Department(_Model):
    """A responsible body as printed, with its role where the text distinguishes one."""

    name: str = Field(description="the body's name exactly as printed")
    role: Role | None = Field(
        None, description="lead (牵头) or support (配合, 参与), where the text says; else null"
    )


class Indicator(_Model):
    """One data row of the indicator table (量化指标 / 主要指标)."""

    seq: str | None = Field(None, description="the 序号 cell as printed (it may repeat across rows)")
    category: str | None = Field(None, description="the 类别 (category) cell, filled down from a merged cell")
    name: str = Field(description="the indicator's name as printed, without the unit in brackets")
    unit: str | None = Field(None, description="the unit, from its own column or the name's （…）")
    baseline: Value | None = Field(None, description="the baseline (基期, 现状) cell")
    target: Value | None = Field(None, description="the target (目标值) cell")
    increment: Value | None = Field(
        None, description="the increment (增量, 增长) cell, where the table has one"
    )
    baseline_year: int | None = Field(None, description="the baseline's year, from the column header")
    target_year: int | None = Field(None, description="the target's year, from the column header")
    attribute: str | None = Field(None, description="预期性 or 约束性")
    departments: list[Department] = Field(
        default_factory=list, description="the responsible bodies (责任单位) named for the indicator"
    )
    source: Location | None = Field(None, description="where the indicator's row is")


class Deadline(_Model):
    """When a task is due, as a task table's 完成时限 cell or an item's note states it (since 1.1).

    ``kind``: ``by_date`` (2019年底前, 2020年6月底前: ``year`` and, where printed, ``month``),
    ``ongoing`` (持续推进, 长期坚持, 每年) or ``text`` (anything else, kept raw).
    """

    raw: str = Field(description="the deadline as printed")
    year: int | None = Field(None, description="the year it falls due (the last year of a span)")
    month: int | None = Field(None, description="the month it falls due, where printed (年底 is 12)")
    kind: DeadlineKind = Field(description="by_date, ongoing or text (see above)")


class Task(_Model):
    """A numbered action item of the plan's task chapters, or a data row of a task-assignment table."""

    path: list[int] = Field(description="[level-1 number, level-2 number, item number]")
    label: str | None = Field(
        None, description="the item's label as printed (1. （一） ①), where there is one"
    )
    title: str = Field(description="the item's lead phrase, up to its first 。")
    text: str = Field(description="the item's whole text as printed, the department note included")
    departments: list[Department] = Field(
        default_factory=list,
        description="the responsible bodies named for the task, in printed order (tables: leads first)",
    )
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

    metric: str = Field(description="what is counted (有效发明专利), as printed")
    value: float = Field(description="the number the target sets")
    unit: str | None = Field(None, description="the unit written with the number (件, 家, 亿元)")
    year: int | None = Field(None, description="the year the target is for (到2026年 → 2026)")
    comparator: Comparator | None = Field(
        None, description="≥ > ≤ < or 约 (~) where the text says 不少于, 超过, 以上, 左右 …"
    )
    text: str = Field(description="the sentence the target was read from")
    source: Location | None = Field(None, description="where the sentence is")


class Warning(_Model):
    """Something the parser repaired or doubts, with where it is."""

    code: str = Field(description="a stable kebab-case code (docs/errors.md lists them)")
    message: str = Field(description="what was repaired or is doubtful, for people")
    source: Location | None = Field(None, description="where in the document, where it is one place")


class Plan(_Model):
    """Everything ipplan read from one plan document."""

    schema_version: Literal["1.1"] = Field(
        SCHEMA_VERSION, description="the version of this contract the record follows"
    )
    source: SourceInfo = Field(description="the file that was parsed")
    meta: Meta = Field(default_factory=Meta, description="the notice's metadata")
    sections: list[Section] = Field(default_factory=list, description="the level-1 headings, in order")
    indicators: list[Indicator] = Field(
        default_factory=list, description="the rows of the indicator table, in order"
    )
    tasks: list[Task] = Field(
        default_factory=list, description="the numbered task items and assignment-table rows, in order"
    )
    targets: list[Target] = Field(
        default_factory=list, description="quantitative targets stated in prose, in order"
    )
    warnings: list[Warning] = Field(default_factory=list, description="what the parser repaired or doubts")


def json_schema() -> dict:
    """The JSON Schema of the output contract, generated from the models."""
    schema = Plan.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ipplan Plan v" + SCHEMA_VERSION
    return schema
