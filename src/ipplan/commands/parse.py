"""``ipplan parse FILE``: one document to JSON or YAML, or its tables to CSV or XLSX."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ipplan.commands import ocr_option
from ipplan.errors import IpplanError
from ipplan.views import TABLE_NAMES


@click.command("parse")
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format", "fmt", type=click.Choice(["json", "yaml", "csv", "xlsx"]), default="json", show_default=True
)
@click.option(
    "--table",
    type=click.Choice(TABLE_NAMES),
    help="The table --format csv writes (default indicators); xlsx writes every table, a sheet each.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write here instead of stdout."
)
@click.option(
    "--input-format", type=click.Choice(["txt", "docx", "pdf", "html"]), help="Read the input as this."
)
@click.option("--password", help="Password of an encrypted PDF.")
@ocr_option
def command(
    file: str,
    fmt: str,
    table: str | None,
    output: str | None,
    input_format: str | None,
    password: str | None,
    ocr: str,
) -> None:
    """Parse FILE (.docx .pdf .html .txt, or - for text on stdin) into records."""
    from ipplan.api import parse, parse_bytes
    from ipplan.writers import TEXT_WRITERS, emit

    if table and fmt != "csv":
        raise click.UsageError("--table applies to --format csv (an xlsx workbook holds every table)")
    if fmt == "xlsx" and (not output or output == "-"):
        raise click.UsageError("--format xlsx needs -o FILE.xlsx: a workbook is not written to stdout")
    if output and output != "-" and file != "-" and _same_file(file, output):
        raise IpplanError(
            "output-error", "the output path is the input file: refusing to overwrite it", output
        )
    if file == "-":
        data = sys.stdin.buffer.read()
        plan = parse_bytes(data, "<stdin>", fmt=input_format or "txt", password=password, ocr=ocr)
    else:
        plan = parse(file, fmt=input_format, password=password, ocr=ocr)
    if fmt in ("csv", "xlsx"):
        from ipplan.views.export import export

        text: str | bytes = export(plan, fmt, table or "indicators")
    else:
        text = TEXT_WRITERS[fmt](plan)
    emit(text, output)


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
