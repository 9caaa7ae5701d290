"""``ipplan departments FILE...``: who is responsible for what, across plans."""

from __future__ import annotations

import json
import sys

import click


@click.command("departments")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--name", help="Only this body (compared normalised; a part of a name matches) and its items.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.option("--width", type=click.IntRange(min=20), help="Render the table at this many columns.")
@click.option(
    "--input-format", type=click.Choice(["txt", "docx", "pdf", "html"]), help="Read the inputs as this."
)
def command(
    files: tuple[str, ...], name: str | None, fmt: str, width: int | None, input_format: str | None
) -> None:
    """List every responsible body in FILES with the tasks and indicators it leads and supports.

    A body listed without a role counts as "named". Names are compared normalised (full/half
    width, spaces, a trailing 等, bracket shapes); every printed variant is kept. With --name,
    the matching bodies' items are listed too (csv: one row per item). Exits 1 if --name
    matches nothing.
    """
    from ipplan.api import parse
    from ipplan.views import departments as view

    plans = [parse(f, fmt=input_format) for f in files]
    bodies = view.collect(plans)
    if name is not None:
        bodies = view.select(bodies, name)
        if not bodies:
            click.echo(f"ipplan: no department matches {name!r}", err=True)
            sys.exit(1)
    with_items = name is not None
    if fmt == "json":
        data = view.to_data(bodies, plans, with_items=with_items)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from ipplan.views.export import csv_bytes

        if with_items:
            out = csv_bytes(view.ITEMS_HEADER, view.item_rows(bodies))
        else:
            out = csv_bytes(view.SUMMARY_HEADER, view.summary_rows(bodies))
        click.echo(out, nl=False)
    else:
        from ipplan.views.terminal import make_console, render_departments

        render_departments(bodies, make_console(width), with_items=with_items, many_plans=len(plans) > 1)
