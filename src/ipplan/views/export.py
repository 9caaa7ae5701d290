"""CSV and XLSX files of the tables in ``ipplan.views.tables``.

CSV is UTF-8 with a byte-order mark: without it Excel reads the file in the machine's ANSI
code page and Chinese turns to mojibake. XLSX needs openpyxl, the optional ``xlsx`` extra.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path

from ipplan.errors import IpplanError
from ipplan.schema import Plan
from ipplan.views.tables import Cell, Table, build, build_all, cell_text
from ipplan.views.values import display_width

BOM = "\ufeff"
MAX_COLUMN_WIDTH = 60  # characters; longer text (task bodies) wraps or is cut off by Excel anyway
MIN_COLUMN_WIDTH = 6
# the extra by name, and both install commands: from a checkout the package is not on an index
OPENPYXL_MISSING = (
    "xlsx export needs openpyxl, which the 'xlsx' extra installs: "
    "pip install '.[xlsx]' in an ipplan checkout, or pip install 'ipplan[xlsx]'"
)


def csv_bytes(header: list[str], rows: Iterable[Iterable[Cell]]) -> bytes:
    """CSV bytes: BOM, a header row, then one line per row (RFC 4180 line ends)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell_text(c) for c in row] for row in rows)
    return (BOM + buf.getvalue()).encode("utf-8")


def to_csv(table: Table) -> bytes:
    """The table as CSV bytes."""
    return csv_bytes(table.header, table.rows)


def column_widths(table: Table) -> list[int]:
    """Spreadsheet column widths fitted to the widest cell, within sensible bounds."""
    widths = []
    for i, name in enumerate(table.header):
        widest = max([display_width(name)] + [display_width(cell_text(row[i])) for row in table.rows])
        widths.append(max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, widest + 2)))
    return widths


def require_openpyxl() -> None:
    """Raises IpplanError missing-dependency, naming the extra, where openpyxl is not installed."""
    try:
        import openpyxl  # noqa: F401
    except ImportError as exc:
        raise IpplanError("missing-dependency", OPENPYXL_MISSING) from exc


def to_xlsx(tables: list[Table]) -> bytes:
    """A workbook with a sheet per table: bold frozen header, fitted widths, numbers as numbers.

    Raises IpplanError missing-dependency where openpyxl (the ``xlsx`` extra) is not installed.
    """
    require_openpyxl()
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    def clean(cell: Cell) -> Cell:
        # openpyxl refuses control characters a damaged source may leave in the text;
        # an empty string would be an empty *text* cell, which Excel's blanks filter misses
        if isinstance(cell, str):
            return ILLEGAL_CHARACTERS_RE.sub("", cell) or None
        return cell

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for table in tables:
        ws = wb.create_sheet(table.name)
        ws.append(table.header)
        for cell in ws[1]:
            cell.font = bold
        for row in table.rows:
            ws.append([clean(c) for c in row])
        # text that starts with "=" is data, not a formula to run
        for row_cells in ws.iter_rows(min_row=2):
            for cell in row_cells:
                if cell.data_type == "f":
                    cell.data_type = "s"
        ws.freeze_panes = "A2"
        for i, width in enumerate(column_widths(table), start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        if table.rows:
            ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


TABLES_WORKBOOK = "ipplan-tables.xlsx"


def tables_file_names(fmt: str, tables: list[Table]) -> list[str]:
    """The files ``write_tables`` writes: one workbook, or ``ipplan-<table>.csv`` per table."""
    if fmt == "xlsx":
        return [TABLES_WORKBOOK]
    return [f"ipplan-{table.name}.csv" for table in tables]


def write_tables(tables: list[Table], fmt: str, folder: str | os.PathLike[str]) -> list[str]:
    """``tables`` written into ``folder`` as one xlsx workbook or one CSV file per table.

    Every file is written atomically; returns their paths. Raises IpplanError missing-dependency
    (xlsx without openpyxl) before anything is written, and output-error where a file cannot be.
    """
    from ipplan.writers import write_atomic

    contents: list[bytes] = [to_xlsx(tables)] if fmt == "xlsx" else [to_csv(t) for t in tables]
    paths = [str(Path(folder) / name) for name in tables_file_names(fmt, tables)]
    for path, content in zip(paths, contents, strict=True):
        try:
            write_atomic(path, content)
        except OSError as exc:
            raise IpplanError("output-error", exc.strerror or str(exc), path) from exc
    return paths


def export(plan: Plan, fmt: str, table: str = "indicators") -> bytes:
    """``plan`` as ``csv`` (the one table named) or ``xlsx`` (every table, a sheet each)."""
    if fmt == "csv":
        return to_csv(build(plan, table))
    if fmt == "xlsx":
        return to_xlsx(build_all(plan))
    raise ValueError(f"not an export format: {fmt}")
