"""``ipplan departments FILE...``: who is responsible for what, across plans."""

from __future__ import annotations

import io
import json

import click

from ipplan.commands.common import INPUT_FORMATS, STDIN, echo_err, format_for_output

FORMATS = ("table", "json", "csv")
BY_EXTENSION = {".json": "json", ".csv": "csv", ".txt": "table"}


@click.command("departments")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--name", help="Only this body (compared normalised; a part of a name matches) and its items.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format  [default: from -o's extension (.json .csv .txt), else table]",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write here instead of stdout."
)
@click.option("--width", type=click.IntRange(min=20), help="Render the table at this many columns.")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), help="Read the inputs as this.")
def command(
    files: tuple[str, ...],
    name: str | None,
    fmt: str | None,
    output: str | None,
    width: int | None,
    input_format: str | None,
) -> None:
    """List every responsible body in FILES with the tasks and indicators it leads and supports.

    FILES are plans, folders (searched for plans, as batch and check do) or - for stdin. A body
    listed without a role counts as "named". Names are compared normalised (full/half width,
    spaces, a trailing 等, bracket shapes); every printed variant is kept. With --name, the
    matching bodies' items are listed too (csv: one row per item). Exits 1 if --name matches
    nothing.
    """
    from ipplan.commands.common import expand_inputs, read_plan
    from ipplan.views import departments as view
    from ipplan.writers import emit

    fmt = format_for_output(fmt, output, BY_EXTENSION, "table")
    paths = expand_inputs(files)
    if not paths:
        raise click.UsageError(f"no plan file (.txt .docx .pdf .html …) in {', '.join(files)}")
    plans = [read_plan(f, input_format) for f in paths]
    bodies = view.collect(plans)
    if name is not None:
        bodies = view.select(bodies, name)
        if not bodies:
            echo_err(f"no department matches {name!r}")
            raise click.exceptions.Exit(1)
    with_items = name is not None
    if fmt == "json":
        data = view.to_data(bodies, plans, with_items=with_items)
        emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    elif fmt == "csv":
        from ipplan.views.export import csv_bytes

        if with_items:
            out = csv_bytes(view.ITEMS_HEADER, view.item_rows(bodies))
        else:
            out = csv_bytes(view.SUMMARY_HEADER, view.summary_rows(bodies))
        emit(out, output)
    else:
        from ipplan.views.console import make_console
        from ipplan.views.terminal import render_departments

        many = len(plans) > 1
        if output and output != STDIN:
            # a file gets plain text at --width (else rich's 80 columns), never colour escapes
            buffer = io.StringIO()
            console = make_console(width, buffer, plain=True)
            render_departments(bodies, console, with_items=with_items, many_plans=many)
            emit(buffer.getvalue(), output)
        else:
            render_departments(bodies, make_console(width), with_items=with_items, many_plans=many)
