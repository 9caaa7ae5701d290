"""What a batch shows: a progress bar on stderr when it is a terminal, and a summary at the end.

When stderr is not a terminal (CI logs, redirects) nothing is shown until the summary, so a log
holds one table instead of thousands of progress redraws.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from ipplan.batch.worker import COUNTS, Job
from ipplan.views.console import make_console

MAX_LISTED_FAILURES = 20
_STYLES = {"ok": "green", "warning": "yellow", "error": "red", "skipped": "dim"}


class BatchProgress:
    """File count, the current file, errors so far and an ETA; inert when not on a terminal."""

    def __init__(self, total: int, console: Console | None = None):
        self.console = console or make_console(stderr=True)
        self.errors = 0
        self.enabled = self.console.is_terminal and total > 0
        self.progress = Progress(
            SpinnerColumn(),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("[red]{task.fields[errors]} errors"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[current]}", style="dim"),
            console=self.console,
            transient=True,  # the summary replaces the bar
            disable=not self.enabled,
        )
        self.task = self.progress.add_task("batch", total=total, errors=0, current="")

    @contextmanager
    def shown(self) -> Iterator[BatchProgress]:
        with self.progress:
            yield self

    def started(self, job: Job) -> None:
        self.progress.update(self.task, current=escape(_short(job.input)))

    def finished(self, job: Job, result: dict) -> None:
        if result["status"] == "error":
            self.errors += 1
        self.progress.update(self.task, advance=1, errors=self.errors, current=escape(_short(job.input)))


def _short(path: str, width: int = 40) -> str:
    name = Path(path).name
    return name if len(name) <= width else "…" + name[-(width - 1) :]


def print_summary(report: dict, report_path: str, console: Console | None = None) -> None:
    """Totals by status, the records found, the failures (the first few) and the report's path."""
    console = console or make_console()
    totals = report["totals"]
    table = Table(title="ipplan batch", title_justify="left", show_edge=False)
    table.add_column("status")
    table.add_column("files", justify="right")
    for status, style in _STYLES.items():
        table.add_row(f"[{style}]{status}[/]", str(totals[status]))
    table.add_row("[bold]total[/]", f"[bold]{totals['inputs']}[/]")
    console.print(table)

    found = ", ".join(f"{totals[k]} {k}" for k in COUNTS)
    # soft_wrap: plain lines are never broken, so paths stay whole for copy and paste
    console.print(
        f"records: {found}; {report['elapsed_seconds']:.1f} s with {report['jobs']} job(s)", soft_wrap=True
    )
    failures = [e for e in report["files"] if e["status"] == "error"]
    if failures:
        _print_failures(failures, console)
    if report["stopped"] == "interrupted":
        console.print(
            "[yellow]interrupted:[/] the report lists what was done; rerun with --skip-existing",
            soft_wrap=True,
        )
    elif report["stopped"] == "cluster-error":
        console.print(
            "[red]the Dask cluster was lost:[/] the report lists what was done; rerun with --skip-existing",
            soft_wrap=True,
        )
    elif report["stopped"] == "fail-fast":
        console.print("[red]stopped at the first error[/] (--fail-fast)", soft_wrap=True)
    console.print(f"report: {escape(report_path)}", soft_wrap=True, highlight=False)


def _print_failures(failures: Sequence[dict], console: Console) -> None:
    table = Table(title="errors", title_justify="left", show_edge=False)
    table.add_column("input", overflow="fold")
    table.add_column("code")
    table.add_column("message", overflow="fold")
    for entry in failures[:MAX_LISTED_FAILURES]:
        # file names and messages are data, not rich markup ("[red]" in a name stays as printed)
        table.add_row(
            escape(entry["input"]), f"{entry['code']} {entry['error']}", escape(entry["message"] or "")
        )
    console.print(table)
    if len(failures) > MAX_LISTED_FAILURES:
        console.print(
            f"… and {len(failures) - MAX_LISTED_FAILURES} more errors: see the report", soft_wrap=True
        )
