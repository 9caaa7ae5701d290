"""``ipplan batch INPUT... -o OUTDIR``: files and folders of plans to one record each, in parallel.

Exit codes: 0 every input parsed (warnings and skipped files allowed), 1 some inputs failed
(or --fail-fast stopped the batch), 2 usage error, 130 interrupted (the report is still written);
with --scheduler also 9 (the dask extra is missing) and 10 (the cluster cannot be reached or
was lost: the report is still written).
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import click

from ipplan.commands import ocr_option
from ipplan.commands.common import verbosity, verbosity_options


@click.command(
    "batch",
    epilog="Exit codes: 0 every input parsed (warnings and skipped files allowed), 1 some inputs failed "
    "or --fail-fast stopped the batch, 2 usage error, 130 interrupted (the report is still written).",
)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True), metavar="INPUT...")
@click.option(
    "-o",
    "--outdir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the records and the report.",
)
@click.option("--format", "fmt", type=click.Choice(["json", "yaml"]), default="json", show_default=True)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: CPU count]; 1 runs in-process. With --scheduler: at most this "
    "many files parsed at once on the cluster [default: a few per worker thread].",
)
@click.option(
    "--skip-existing", is_flag=True, help="Do not parse a file whose output records the same sha256."
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first file that fails (exit 1).")
@click.option(
    "--tables",
    type=click.Choice(["xlsx", "csv"]),
    help="Also write every plan's indicators, tasks, targets and departments as one table each, a "
    "file column first: OUTDIR/ipplan-tables.xlsx, or OUTDIR/ipplan-<table>.csv.",
)
@click.option(
    "--scheduler",
    envvar="IPPLAN_SCHEDULER",
    metavar="ADDRESS",
    help="Parse on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786, or a scheduler "
    "file) instead of local processes; needs ipplan[dask]. Default: $IPPLAN_SCHEDULER. See docs/scale.md.",
)
@verbosity_options
@ocr_option
@click.pass_context
def command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    outdir: str,
    fmt: str,
    jobs: int | None,
    skip_existing: bool,
    fail_fast: bool,
    tables: str | None,
    scheduler: str | None,
    quiet: bool,
    verbose: bool,
    ocr: str,
) -> None:
    """Parse every .txt .docx .pdf .html/.htm under INPUT (files or folders) into OUTDIR.

    .doc .wps .odt .rtf are read through LibreOffice where it is installed, else listed as failed.

    Records mirror each INPUT folder's tree and keep the source extension
    (a/b/plan.docx → OUTDIR/a/b/plan.docx.json); OUTDIR/ipplan-report.json lists every input.
    """
    from ipplan.batch import REPORT_NAME, report
    from ipplan.batch.discover import discover
    from ipplan.batch.display import BatchProgress, print_summary
    from ipplan.batch.executor import open_executor
    from ipplan.batch.runner import deferred_sigint
    from ipplan.batch.worker import Job
    from ipplan.errors import IpplanError
    from ipplan.writers import write_atomic

    level = verbosity(quiet, verbose)
    if tables:
        from ipplan.views.combined import require

        require(tables)  # not after an hour of parsing
    # before anything is written: a missing extra or an unreachable cluster leaves OUTDIR untouched
    executor = open_executor(jobs, scheduler, debug=bool((ctx.find_root().obj or {}).get("debug")))
    ctx.call_on_close(executor.close)
    started, clock = datetime.now().astimezone(), time.perf_counter()
    items = discover(inputs, outdir, fmt)
    todo = [i for i, item in enumerate(items) if item.verdict is None]
    job_list = [Job(items[i].input, items[i].output or "", fmt, skip_existing, ocr) for i in todo]

    results = {i: item.verdict for i, item in enumerate(items) if item.verdict is not None}
    stopped = error = None
    if fail_fast and any(r["status"] == "error" for r in results.values()):
        stopped = "fail-fast"  # an error found while listing (an output collision): parse nothing
    else:
        progress = BatchProgress(len(job_list) if level >= 0 else 0)  # no files to show: no bar
        with progress.shown():
            outcome = executor.run(
                job_list,
                fail_fast=fail_fast,
                on_start=progress.started,
                on_result=progress.finished,
            )
        results.update({todo[k]: res for k, res in outcome.results.items()})
        stopped, error = outcome.stopped, outcome.error
    doc = report.build(
        report.entries(items, results, stopped),
        started=started,
        elapsed=time.perf_counter() - clock,
        outdir=outdir,
        fmt=fmt,
        jobs=executor.jobs,
        stopped=stopped,
    )
    report_path = str(Path(outdir) / REPORT_NAME)
    with deferred_sigint():  # a second Ctrl-C must not lose the report
        try:
            write_atomic(report_path, report.to_json(doc))
        except OSError as exc:
            raise IpplanError("output-error", exc.strerror or str(exc), report_path) from exc
    table_paths: list[str] = []
    if tables and stopped != "interrupted":  # Ctrl-C means stop: the report says what was done
        from ipplan.views.combined import write_batch_tables

        table_paths = write_batch_tables(doc["files"], fmt, tables, outdir)  # written atomically
    if level > 0:
        _print_files(doc["files"])
    if level >= 0:
        print_summary(doc, report_path)
        for path in table_paths:
            click.echo(f"tables: {path}")
    else:
        _print_errors(doc["files"])

    if stopped == "cluster-error":
        raise IpplanError("cluster-error", f"{error}; rerun with --skip-existing to resume", executor.where)
    if stopped == "interrupted":
        ctx.exit(130)
    ctx.exit(1 if doc["totals"]["error"] else 0)


def _print_errors(entries: list[dict]) -> None:
    """-q: one line per file that failed, as ``ipplan parse`` would report it, and nothing else."""
    for entry in entries:
        if entry["status"] == "error":
            click.echo(f"{entry['input']}: {entry['code']} {entry['error']}: {entry['message']}")


def _print_files(entries: list[dict]) -> None:
    """-v: every input with its status and what decided it, in the report's order."""
    for entry in entries:
        why = f" {entry['code']} {entry['error']}:" if entry["code"] else ""
        message = f"{why} {entry['message']}" if entry["message"] else why
        click.echo(f"{entry['status']:<8} {entry['input']}{message}")
