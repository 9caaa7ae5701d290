"""What several commands share: reading a plan from a file or stdin, folders of plans, the output
format an ``-o`` name implies, and the -q/-v options."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

if TYPE_CHECKING:
    from ipplan.schema import Plan

STDIN = "-"
STDIN_NAME = "<stdin>"  # how a plan read from stdin is named in records, findings and errors
INPUT_FORMATS = ("txt", "docx", "pdf", "html")

F = TypeVar("F", bound=Callable[..., object])


def read_plan(
    file: str, input_format: str | None = None, password: str | None = None, ocr: str = "auto"
) -> Plan:
    """The plan in ``file``, or on stdin where ``file`` is ``-``.

    Stdin has no name to tell its format: a binary format (Word, PDF, an Office file) says what
    it is, anything else is read as text unless ``--input-format`` says otherwise, so a text
    that quotes markup stays text.
    """
    from ipplan import parsers
    from ipplan.api import parse, parse_bytes

    if file != STDIN:
        return parse(file, fmt=input_format, password=password, ocr=ocr)
    data = sys.stdin.buffer.read()
    declared = input_format
    if declared is None and parsers.sniff(data) not in ("docx", "pdf", "ole", "zip"):
        declared = "txt"
    return parse_bytes(data, STDIN_NAME, fmt=declared, password=password, ocr=ocr)


def shown_name(file: str) -> str:
    """``file`` as findings and tables name it: stdin as ``<stdin>``."""
    return STDIN_NAME if file == STDIN else file


def expand_inputs(files: Iterable[str]) -> list[str]:
    """Files as given, each once (a missing one is the reader's to report); folders searched for
    plans in name order, as ``batch`` does; ``-`` (stdin) kept once."""
    from ipplan.batch.discover import PLAN_EXTENSIONS, walk

    paths: list[str] = []
    for name in files:
        if name != STDIN and Path(name).is_dir():
            found = walk(Path(name))
            for path, _, err in found:
                if err is None and path.suffix.lower() in PLAN_EXTENSIONS and str(path) not in paths:
                    paths.append(str(path))
        elif name not in paths:
            paths.append(name)
    return paths


def format_for_output(fmt: str | None, output: str | None, by_extension: dict[str, str], default: str) -> str:
    """The output format: ``--format`` where given, else what ``-o``'s extension says, else ``default``."""
    if fmt is not None:
        return fmt
    if output and output != STDIN:
        return by_extension.get(Path(output).suffix.lower(), default)
    return default


def verbosity_options(command: F) -> F:
    """``-q/--quiet`` and ``-v/--verbose``; read them with ``verbosity(ctx)``."""
    command = click.option(
        "-v", "--verbose", "verbose", is_flag=True, help="Say more: each file, the configuration used."
    )(command)
    command = click.option(
        "-q", "--quiet", "quiet", is_flag=True, help="Print only what fails (no progress, no summary)."
    )(command)
    return command


def verbosity(quiet: bool, verbose: bool) -> int:
    """-1 quiet, 0 normal, 1 verbose; giving both is a usage error."""
    if quiet and verbose:
        raise click.UsageError("-q/--quiet and -v/--verbose cannot be used together")
    return -1 if quiet else 1 if verbose else 0


def echo_err(message: str) -> None:
    """One line on stderr, prefixed as every ipplan message is."""
    click.echo(f"ipplan: {message}", err=True)
