"""What a rule reports (``Hit``) and what ``ipplan check`` prints (``Finding``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ipplan.schema import Indicator, Location, Section, Task

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")


@dataclass(frozen=True, slots=True)
class Hit:
    """One problem a rule found in a plan, pointing at the record it is about.

    ``source`` defaults to the record's own Location; set it where the problem lies elsewhere.
    """

    message: str
    task: Task | None = None
    indicator: Indicator | None = None
    section: Section | None = None
    source: Location | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """A hit with its rule, severity and file: the unit every output format prints."""

    rule: str
    code: str
    severity: Severity
    message: str
    file: str
    task_path: tuple[int, ...] | None = None
    indicator_seq: str | None = None
    indicator_name: str | None = None
    section: int | None = None
    source: Location | None = None

    @property
    def unchecked(self) -> bool:
        """Whether this reports an input that could not be checked at all (parse-error)."""
        return self.code == "IP001"

    def fails(self, strict: bool) -> bool:
        """Whether this finding fails the check: an error, or anything under ``strict``."""
        return self.severity == "error" or strict

    @property
    def line(self) -> int | None:
        return self.source.line if self.source else None

    def position(self) -> str:
        """Where in the file beyond the line: "table 0 row 9", "paragraph 12", "page 3"."""
        return ", ".join(_source_parts(self.source)) if self.source else ""

    def where(self) -> str:
        """Where in the plan, for people: "task 3.1.2", "indicator 5 专利质押融资金额", "section 3"."""
        parts: list[str] = []
        if self.task_path:
            parts.append("task " + ".".join(map(str, self.task_path)))
        if self.indicator_name:
            seq = f" {self.indicator_seq}" if self.indicator_seq else ""
            parts.append(f"indicator{seq} {self.indicator_name}")
        if self.section is not None and not self.task_path:
            parts.append(f"section {self.section}")
        if self.source:
            parts.extend(_source_parts(self.source))
        return ", ".join(parts)

    def to_dict(self) -> dict:
        """The JSON form; ``source`` holds only the Location fields that are set."""
        return {
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "task_path": list(self.task_path) if self.task_path else None,
            "indicator": (
                {"seq": self.indicator_seq, "name": self.indicator_name}
                if self.indicator_name is not None
                else None
            ),
            "section": self.section,
            "source": self.source.model_dump(exclude_none=True) if self.source else None,
        }


def _source_parts(loc: Location) -> list[str]:
    parts: list[str] = []
    if loc.page is not None:
        parts.append(f"page {loc.page}")
    if loc.table is not None:
        row = f" row {loc.row}" if loc.row is not None else ""
        parts.append(f"table {loc.table}{row}")
    elif loc.paragraph is not None:
        parts.append(f"paragraph {loc.paragraph}")
    return parts
