"""``ipplan check FILE...``: apply the validation rules (docs/rules.md) to plans.

Exit codes: 0 no errors (warnings allowed unless --strict), 1 findings that fail the check (an
input that could not be checked always does), 2 usage or configuration error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ipplan.commands import ocr_option
from ipplan.commands.common import (
    echo_err,
    format_for_output,
    shown_name,
    verbosity,
    verbosity_options,
)

if TYPE_CHECKING:
    from ipplan.check.config import Config


@click.command(
    "check",
    epilog="Exit codes: 0 no errors (warnings allowed unless --strict), 1 the check failed, "
    "2 usage or configuration error.",
)
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True), metavar="FILE...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "junit", "github"]),
    default=None,
    help="Output format  [default: from -o's extension (.json, .xml for junit), else text]",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the findings here instead of stdout."
)
@click.option("--strict", is_flag=True, default=None, help="Fail on warnings too.")
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules (codes, prefixes, names; comma-separated).",
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Not these rules (comma-separated).")
@click.option(
    "--severity", multiple=True, metavar="RULE=LEVEL", help="Override a rule's severity (error|warning)."
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Configuration file to use.")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option(
    "--input-format", type=click.Choice(["txt", "docx", "pdf", "html"]), help="Read the inputs as this."
)
@verbosity_options
@ocr_option
@click.pass_context
def command(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str,
    output: str | None,
    strict: bool | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    severity: tuple[str, ...],
    config_path: str | None,
    list_rules: bool,
    input_format: str | None,
    quiet: bool,
    verbose: bool,
    ocr: str,
) -> None:
    """Check plans (.docx .pdf .html .txt, - for stdin; folders are searched) against the rules.

    Rules are configured under [tool.ipplan] in pyproject.toml or in .ipplan.yaml (searched from
    the working folder upward); flags override. See docs/rules.md. An input that cannot be
    checked (unreadable, not a plan format ipplan reads, a folder without plans) fails the check.
    """
    from ipplan.check import config as cfg

    level = verbosity(quiet, verbose)
    try:
        config = cfg.load(config_path).with_cli(
            select=cfg.split_list(select),
            ignore=cfg.split_list(ignore),
            severity=cfg.parse_severity_flags(severity),
            strict=strict,
        )
        config.rules()  # an unknown rule in the flags is a usage error, before any parsing
    except cfg.ConfigError as exc:
        raise click.UsageError(str(exc), ctx) from exc
    if level >= 0:
        for warning in config.warnings():
            echo_err(f"warning: {warning}")
    if level > 0:
        echo_err(f"configuration: {config.path or 'none found: every rule at its default severity'}")
    if list_rules:
        _list_rules(config)
        return
    if not files:
        raise click.UsageError("give at least one FILE", ctx)
    fmt = format_for_output(fmt, output, BY_EXTENSION, "text")
    _run(ctx, files, fmt, output, config, input_format, level, ocr)


BY_EXTENSION = {".json": "json", ".xml": "junit", ".txt": "text"}


def _run(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str,
    output: str | None,
    config: Config,
    input_format: str | None,
    level: int,
    ocr: str = "auto",
) -> None:
    """Check every input, print or write the findings, exit 1 when the check fails."""
    from ipplan.check.engine import check_file, failed, unchecked
    from ipplan.check.formats import FORMATS
    from ipplan.commands.common import expand_inputs, read_plan
    from ipplan.errors import IpplanError
    from ipplan.writers import emit

    findings = []
    checked: list[str] = []
    for name in files:
        paths = expand_inputs([name])
        if not paths:  # a folder without a plan in it: nothing was checked, which must not pass
            checked.append(name)
            exc = IpplanError("input-empty", f"no plan file ({_extensions()}) in this folder")
            findings.append(unchecked(name, exc))
            continue
        for path in paths:
            if shown_name(path) in checked:
                continue
            checked.append(shown_name(path))
            found = check_file(path, config, lambda p: read_plan(p, input_format, ocr=ocr), shown_name(path))
            findings.extend(found)
            if level > 0:
                echo_err(f"checked {shown_name(path)}: {len(found)} finding{'' if len(found) == 1 else 's'}")
    if fmt == "text":
        rendered = FORMATS[fmt](findings, checked, strict=config.strict, summary=level >= 0)
    else:
        rendered = FORMATS[fmt](findings, checked, strict=config.strict)
    emit(rendered, output)
    ctx.exit(1 if failed(findings, config.strict) else 0)


def _extensions() -> str:
    from ipplan.batch.discover import PLAN_EXTENSIONS

    return " ".join(sorted(PLAN_EXTENSIONS))


def _list_rules(config: Config) -> None:
    """Every rule with its severity under ``config`` ("off" where it is not selected)."""
    from ipplan.check.rules import all_rules

    enabled = {rule.code: level for rule, level in config.rules()}
    for rule in all_rules():
        state = enabled.get(rule.code, "off")
        click.echo(f"{rule.code}  {rule.name:<26} {state:<8} {rule.summary}")
