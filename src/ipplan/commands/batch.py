"""``ipplan batch INPUT... -o OUTDIR``: files and folders of plans to one record each, in parallel.

Exit codes: 0 every input parsed (warnings and skipped files allowed), 1 some inputs failed
(or --fail-fast stopped the batch), 2 usage error, 130 interrupted (the report is still written).
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import click

from ipplan.commands import ocr_option


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
    help="Worker processes [default: CPU count]; 1 runs in-process.",
)
@click.option(
    "--skip-existing", is_flag=True, help="Do not parse a file whose output records the same sha256."
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first file that fails (exit 1).")
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
    ocr: str,
) -> None:
    """Parse every .txt .docx .pdf .html/.htm under INPUT (files or folders) into OUTDIR.

    Records mirror each INPUT folder's tree and keep the source extension
    (a/b/plan.docx → OUTDIR/a/b/plan.docx.json); OUTDIR/ipplan-report.json lists every input.
    """
    from ipplan.batch import REPORT_NAME, report
    from ipplan.batch.discover import discover
    from ipplan.batch.display import BatchProgress, print_summary
    from ipplan.batch.runner import deferred_sigint, run
    from ipplan.batch.worker import Job
    from ipplan.errors import IpplanError
    from ipplan.writers import write_atomic

    workers = jobs or os.cpu_count() or 1
    started, clock = datetime.now().astimezone(), time.perf_counter()
    items = discover(inputs, outdir, fmt)
    todo = [i for i, item in enumerate(items) if item.verdict is None]
    job_list = [Job(items[i].input, items[i].output or "", fmt, skip_existing, ocr) for i in todo]

    results = {i: item.verdict for i, item in enumerate(items) if item.verdict is not None}
    stopped = None
    if fail_fast and any(r["status"] == "error" for r in results.values()):
        stopped = "fail-fast"  # an error found while listing (an output collision): parse nothing
    else:
        progress = BatchProgress(len(job_list))
        with progress.shown():
            outcome = run(
                job_list,
                workers=workers,
                fail_fast=fail_fast,
                on_start=progress.started,
                on_result=progress.finished,
            )
        results.update({todo[k]: res for k, res in outcome.results.items()})
        stopped = outcome.stopped
    doc = report.build(
        report.entries(items, results, stopped),
        started=started,
        elapsed=time.perf_counter() - clock,
        outdir=outdir,
        fmt=fmt,
        jobs=workers,
        stopped=stopped,
    )
    report_path = str(Path(outdir) / REPORT_NAME)
    with deferred_sigint():  # a second Ctrl-C must not lose the report
        try:
            write_atomic(report_path, report.to_json(doc))
        except OSError as exc:
            raise IpplanError("output-error", exc.strerror or str(exc), report_path) from exc
    print_summary(doc, report_path)

    if stopped == "interrupted":
        ctx.exit(130)
    ctx.exit(1 if doc["totals"]["error"] else 0)
