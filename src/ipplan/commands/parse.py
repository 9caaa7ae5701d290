"""``ipplan parse FILE``: one document to JSON or YAML, or its tables to CSV or XLSX."""

from __future__ import annotations

import os
import time
from pathlib import Path

import click

from ipplan.commands import ocr_option
from ipplan.commands.common import (
    INPUT_FORMATS,
    STDIN,
    echo_err,
    format_for_output,
    read_plan,
)
from ipplan.errors import IpplanError
from ipplan.views import TABLE_NAMES

FORMATS = ("json", "yaml", "csv", "xlsx")
BY_EXTENSION = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".xlsx": "xlsx"}


@click.command("parse")
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format  [default: from -o's extension (.json .yaml .yml .csv .xlsx), else json]",
)
@click.option(
    "--table",
    type=click.Choice(TABLE_NAMES),
    help="The table --format csv writes (default indicators); xlsx writes every table, a sheet each.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write here instead of stdout."
)
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), help="Read the input as this.")
@click.option("--password", help="Password of an encrypted PDF.")
@click.option("-v", "--verbose", is_flag=True, help="Also print what was found and the warnings on stderr.")
@ocr_option
def command(
    file: str,
    fmt: str | None,
    table: str | None,
    output: str | None,
    input_format: str | None,
    password: str | None,
    verbose: bool,
    ocr: str,
) -> None:
    """Parse FILE (.docx .pdf .html .txt; .doc .wps .odt with LibreOffice; - for stdin) into records."""
    from ipplan.writers import TEXT_WRITERS, emit

    fmt = format_for_output(fmt, output, BY_EXTENSION, "json")
    if table and fmt != "csv":
        raise click.UsageError("--table applies to --format csv (an xlsx workbook holds every table)")
    if fmt == "xlsx" and (not output or output == STDIN):
        raise click.UsageError("--format xlsx needs -o FILE.xlsx: a workbook is not written to stdout")
    if output and output != STDIN and file != STDIN and _same_file(file, output):
        raise IpplanError(
            "output-error", "the output path is the input file: refusing to overwrite it", output
        )
    started = time.perf_counter()
    plan = read_plan(file, input_format, password, ocr)
    if fmt in ("csv", "xlsx"):
        from ipplan.views.export import export

        text: str | bytes = export(plan, fmt, table or "indicators")
    else:
        text = TEXT_WRITERS[fmt](plan)
    emit(text, output)
    if verbose:
        _report(plan, time.perf_counter() - started)


def _report(plan, seconds: float) -> None:
    """What was read, on stderr: a line of counts, then each warning with where it is."""
    from ipplan.views.values import location_text

    counts = ", ".join(
        f"{len(getattr(plan, name))} {name}" for name in ("indicators", "tasks", "targets", "warnings")
    )
    echo_err(f"{plan.source.path}: {plan.source.format}, {counts} ({seconds:.2f} s)")
    for warning in plan.warnings:
        where = location_text(warning.source)
        echo_err(f"warning {warning.code}: {warning.message}" + (f" ({where})" if where else ""))


def _same_file(a: str, b: str) -> bool:
    """Whether ``b`` names the file ``a`` (another spelling, a symbolic or a hard link)."""
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False  # b does not exist yet
