"""Text forms of record fields shared by the terminal view and the spreadsheet tables."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ipplan.schema import Department, Location, Value

# What the document's markers mean, in the words the plans themselves use for them.
STATUS_WORDS = {
    "not_started": "未开展",
    "not_planned": "不开展/不确定",
    "as_actual": "以实际为准",
    "blank": "空",
}
LIST_JOINER = "、"  # how Chinese lists are printed; also what a spreadsheet cell of names uses
COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "约"}


def number_text(x: float) -> str:
    """A number as a person writes it: ``15`` not ``15.0``, ``95.26`` kept."""
    text = repr(float(x))
    return text[:-2] if text.endswith(".0") else text


def value_text(value: Value | None) -> str:
    """A value cell as a reader should see it: markers as words, numbers as printed."""
    if value is None:
        return ""
    return STATUS_WORDS.get(value.status, value.raw)


def first_amount(value: Value | None) -> float | None:
    """The first number of a value cell (2868 of "2868/2"), or None where there is none."""
    if value is None or not value.amounts:
        return None
    return value.amounts[0].value


def second_amount(value: Value | None) -> float | None:
    """The second number of a compound cell (2 of "2868/2"), or None where there is none."""
    if value is None or len(value.amounts) < 2:
        return None
    return value.amounts[1].value


def join(names: Iterable[str]) -> str:
    return LIST_JOINER.join(names)


def lead_names(departments: list[Department], lead: list[str] | None = None) -> list[str]:
    """The lead bodies: the task's own ``lead`` list where it has one, else the ones marked lead."""
    if lead is not None:
        return list(lead)
    return [d.name for d in departments if d.role == "lead"]


def location_text(loc: Location | None) -> str:
    """Where a record was read, short enough for a cell: ``line 44–48``, ``page 3``, ``table 0 row 2``."""
    if loc is None:
        return ""
    parts: list[str] = []
    if loc.page is not None:
        parts.append(f"page {loc.page}")
    if loc.line is not None:
        end = f"–{loc.line_end}" if loc.line_end not in (None, loc.line) else ""
        parts.append(f"line {loc.line}{end}")
    if loc.paragraph is not None:
        parts.append(f"paragraph {loc.paragraph}")
    if loc.table is not None:
        parts.append(f"table {loc.table}" + (f" row {loc.row}" if loc.row is not None else ""))
    return ", ".join(parts)


def task_id(path: list[int]) -> str:
    """A task's id as analysts cite it: its path, ``3.1.2``."""
    return ".".join(str(n) for n in path)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a fixed-width font: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
