"""The ``ipplan`` command: a thin layer over the library.

Commands live in ``ipplan.commands.*`` and are imported only when called, so that
``ipplan --version`` starts as fast as click itself.
"""

from __future__ import annotations

import importlib
import sys

import click

from ipplan import __version__

COMMANDS = {
    "parse": "ipplan.commands.parse",
    "schema": "ipplan.commands.schema",
    "batch": "ipplan.commands.batch",
    "check": "ipplan.commands.check",
    "show": "ipplan.commands.show",
    "departments": "ipplan.commands.departments",
}


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        root = ctx.find_root()
        root.obj = {**(root.obj or {}), "debug": True}


DEBUG_HELP = "Show a traceback for errors (for bug reports)."


def _with_debug(command: click.Command) -> click.Command:
    """``command`` accepting ``--debug`` after its name too (``ipplan parse --debug FILE``).

    main() reads the flag from the arguments wherever it stands; the option only keeps click from
    refusing it there.
    """
    if not any(p.name == "debug" for p in command.params):
        command.params.append(
            click.Option(["--debug"], is_flag=True, expose_value=False, callback=_set_debug, help=DEBUG_HELP)
        )
    return command


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            try:
                module = importlib.import_module(COMMANDS[cmd_name])
            except ModuleNotFoundError as exc:
                if exc.name == COMMANDS[cmd_name]:
                    return None
                raise
            return _with_debug(module.command)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="ipplan")
@click.option("--debug", is_flag=True, help=DEBUG_HELP)
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Parse Chinese intellectual-property work plans (.docx .pdf .html .txt) into records."""
    ctx.obj = {**(ctx.obj or {}), "debug": debug or bool((ctx.obj or {}).get("debug"))}


def main(argv: list[str] | None = None) -> None:
    """Entry point: every failure becomes one line on stderr and a documented exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args[: args.index("--")] if "--" in args else "--debug" in args
    try:
        rc = cli.main(args=args, prog_name="ipplan", standalone_mode=False)
    except click.exceptions.Exit as exc:
        rc = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        rc = exc.exit_code
    except click.Abort:
        click.echo("ipplan: interrupted", err=True)
        rc = 130
    except KeyboardInterrupt:
        click.echo("ipplan: interrupted", err=True)
        rc = 130
    except BrokenPipeError:
        rc = 0
    except Exception as exc:
        from ipplan.errors import IpplanError

        if debug:
            import traceback

            traceback.print_exc()
        if isinstance(exc, IpplanError):
            click.echo(f"ipplan: {exc.one_line()}", err=True)
            rc = exc.exit_code
        else:
            err = IpplanError("internal-error", f"{type(exc).__name__}: {exc}")
            click.echo(f"ipplan: {err.one_line()}", err=True)
            rc = err.exit_code
    sys.exit(rc if isinstance(rc, int) else 0)
