"""The tables of a whole batch: ``ipplan batch … --tables xlsx|csv``.

The batch's workers write one record per plan and send back only counts; the combined tables
are built afterwards from those records, one plan in memory at a time, so a batch of thousands
of plans costs the rows, not the plans.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ipplan.schema import Plan

TABLE_FORMATS = ("xlsx", "csv")


def require(fmt: str) -> None:
    """Fail before a batch starts where its tables could not be written at its end.

    Raises IpplanError missing-dependency for xlsx without openpyxl.
    """
    if fmt == "xlsx":
        from ipplan.views.export import require_openpyxl

        require_openpyxl()


def recorded_plans(entries: Sequence[dict], record_format: str) -> Iterator[tuple[str, Plan]]:
    """(input, Plan) for each report entry whose record exists, in the report's order.

    A record that cannot be read back as a Plan (changed by hand since) is left out.
    """
    from pydantic import ValidationError

    from ipplan.batch.worker import read_record

    for entry in entries:
        if entry.get("output") is None or entry.get("status") == "error":
            continue
        data = read_record(entry["output"], record_format)
        if data is None:
            continue
        try:
            plan = Plan.model_validate(data)
        except ValidationError:
            continue
        yield entry["input"], plan


def write_batch_tables(entries: Sequence[dict], record_format: str, fmt: str, folder: str) -> list[str]:
    """The combined tables of every plan a batch recorded, written into ``folder``; their paths."""
    from ipplan.views.export import write_tables
    from ipplan.views.tables import combined_tables

    return write_tables(combined_tables(recorded_plans(entries, record_format)), fmt, folder)
