"""The pydantic models of the output contract."""

from ipplan.schema.models import (
    SCHEMA_VERSION,
    Amount,
    Deadline,
    Department,
    Indicator,
    Location,
    Meta,
    Period,
    Plan,
    Section,
    SourceInfo,
    Target,
    Task,
    Value,
    Warning,
    json_schema,
)

__all__ = [
    "SCHEMA_VERSION",
    "Amount",
    "Deadline",
    "Department",
    "Indicator",
    "Location",
    "Meta",
    "Period",
    "Plan",
    "Section",
    "SourceInfo",
    "Target",
    "Task",
    "Value",
    "Warning",
    "json_schema",
]
