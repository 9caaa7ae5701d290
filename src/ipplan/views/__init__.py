"""What analysts look at: terminal views, spreadsheet tables and the department matrix.

Every view is derived from the pydantic records of ``ipplan.schema``; nothing here reads the
document text again. rich and openpyxl are imported only by the functions that draw or write
with them, so importing this package (as ``ipplan parse --help`` does) costs nothing.
"""

from __future__ import annotations

# The tables ``ipplan parse --format csv --table NAME`` can write; an xlsx workbook holds them all.
TABLE_NAMES = ("indicators", "tasks", "targets", "departments")
