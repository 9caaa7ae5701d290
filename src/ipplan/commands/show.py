"""``ipplan show FILE``: one plan rendered for reading in a terminal."""

from __future__ import annotations

import click

from ipplan.commands import ocr_option

# Kept here rather than imported from ipplan.views.terminal so ``ipplan show --help`` loads no rich.
PARTS = ("meta", "indicators", "outline", "tasks", "targets", "warnings")


@click.command("show")
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--section",
    "sections",
    multiple=True,
    type=click.Choice(PARTS),
    help="Show only this part (repeatable). Default: all of them.",
)
@click.option(
    "--width", type=click.IntRange(min=20), help="Render at this many columns (for pipes and tests)."
)
@click.option(
    "--input-format", type=click.Choice(["txt", "docx", "pdf", "html"]), help="Read the input as this."
)
@click.option("--password", help="Password of an encrypted PDF.")
@ocr_option
def command(
    file: str,
    sections: tuple[str, ...],
    width: int | None,
    input_format: str | None,
    password: str | None,
    ocr: str,
) -> None:
    """Show FILE's header, indicators, outline, tasks, prose targets and warnings (- reads stdin).

    Markers print as words (— 未开展, / 不开展/不确定, 以实际为准, 空); lead bodies are marked
    （牵头）. Colour follows the terminal: off when NO_COLOR is set, on when FORCE_COLOR is.
    """
    from ipplan.commands.common import read_plan
    from ipplan.views.console import make_console
    from ipplan.views.terminal import render_plan

    plan = read_plan(file, input_format, password, ocr)
    render_plan(plan, make_console(width), sections or PARTS)
