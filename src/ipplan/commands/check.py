"""``ipplan check FILE...``: apply the validation rules (docs/rules.md) to plans.

Exit codes: 0 no errors (warnings allowed unless --strict), 1 findings that fail the check,
2 usage or configuration error.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ipplan.commands import ocr_option

if TYPE_CHECKING:
    from ipplan.check.config import Config


@click.command(
    "check",
    epilog="Exit codes: 0 no errors (warnings allowed unless --strict), 1 the check failed, "
    "2 usage or configuration error.",
)
@click.argument("files", nargs=-1, type=click.Path(), metavar="FILE...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "junit", "github"]),
    default="text",
    show_default=True,
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
    ocr: str,
) -> None:
    """Check plans (.docx .pdf .html .txt; folders are searched) against the validation rules.

    Rules are configured under [tool.ipplan] in pyproject.toml or in .ipplan.yaml (searched from
    the working folder upward); flags override. See docs/rules.md.
    """
    from ipplan.check import config as cfg

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
    if list_rules:
        _list_rules(config)
        return
    if not files:
        raise click.UsageError("give at least one FILE", ctx)
    _run(ctx, _expand(files), fmt, output, config, ocr)


def _run(
    ctx: click.Context, paths: list[str], fmt: str, output: str | None, config: Config, ocr: str = "auto"
) -> None:
    """Check every file, print or write the findings, exit 1 when the check fails."""
    from ipplan.check.engine import check_file, failed
    from ipplan.check.formats import FORMATS
    from ipplan.writers import emit

    findings = [finding for path in paths for finding in check_file(path, config, ocr=ocr)]
    rendered = FORMATS[fmt](findings, paths)
    emit(rendered, output)
    ctx.exit(1 if failed(findings, config.strict) else 0)


def _expand(files: tuple[str, ...]) -> list[str]:
    """Files as given (a missing one becomes a parse-error finding); folders searched for plans."""
    from ipplan.batch.discover import PLAN_EXTENSIONS, walk

    paths: list[str] = []
    for name in files:
        if Path(name).is_dir():
            found = walk(Path(name))
            paths.extend(str(p) for p, _, err in found if err is None and p.suffix.lower() in PLAN_EXTENSIONS)
        elif name not in paths:
            paths.append(name)
    return paths


def _list_rules(config: Config) -> None:
    """Every rule with its severity under ``config`` ("off" where it is not selected)."""
    from ipplan.check.rules import all_rules

    enabled = {rule.code: level for rule, level in config.rules()}
    for rule in all_rules():
        state = enabled.get(rule.code, "off")
        click.echo(f"{rule.code}  {rule.name:<26} {state:<8} {rule.summary}")
