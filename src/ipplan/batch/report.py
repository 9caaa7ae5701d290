"""``OUTDIR/ipplan-report.json``: one entry per input, in walk order, and totals.

The report is written even when the batch stops early (Ctrl-C, --fail-fast, a lost cluster): inputs that were
never processed are listed as ``skipped`` with the reason, so the report always accounts for
every input and tells a resumed run (--skip-existing) what is left.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from ipplan import __version__
from ipplan.batch.discover import Item
from ipplan.batch.worker import COUNTS

STATUSES = ("ok", "warning", "error", "skipped")
NOT_RUN = {
    "interrupted": "not processed: the batch was interrupted",
    "fail-fast": "not processed: the batch stopped at the first error (--fail-fast)",
    "cluster-error": "not processed: the batch lost its Dask cluster",
}


def entries(items: Sequence[Item], results: dict[int, dict], stopped: str | None) -> list[dict]:
    """The report's entries: ``results`` holds the outcome of each item index that was decided."""
    out: list[dict] = []
    for index, item in enumerate(items):
        entry = results.get(index)
        if entry is None:
            message = NOT_RUN.get(stopped or "", "not processed")
            entry = {"status": "skipped", "code": None, "error": None, "message": message}
        out.append(_complete(item, entry))
    return out


def _complete(item: Item, entry: dict) -> dict:
    """Every entry has every key, in one order, whatever decided it.

    ``output`` is set only where a record of the input exists there: written now, or kept by
    --skip-existing (only worker results carry an output; discovery verdicts never do).
    """
    written = entry["status"] != "error" and entry.get("output") is not None
    full = {
        "input": item.input,
        "output": item.output if written else None,
        "status": entry["status"],
        "code": entry.get("code"),
        "error": entry.get("error"),
        "message": entry.get("message"),
        "seconds": entry.get("seconds", 0.0),
    }
    for key in COUNTS:
        full[key] = entry.get(key)
    return full


def totals(report_entries: Sequence[dict]) -> dict:
    """Counts by status, the records found, and the seconds spent parsing (summed over workers)."""
    total: dict = {"inputs": len(report_entries)}
    for status in STATUSES:
        total[status] = sum(1 for e in report_entries if e["status"] == status)
    for key in COUNTS:
        total[key] = sum(e[key] or 0 for e in report_entries)
    total["seconds"] = round(sum(e["seconds"] or 0 for e in report_entries), 3)
    return total


def build(
    report_entries: list[dict],
    *,
    started: datetime,
    elapsed: float,
    outdir: str,
    fmt: str,
    jobs: int,
    stopped: str | None,
) -> dict:
    """The whole report document."""
    return {
        "ipplan_version": __version__,
        "started": started.isoformat(timespec="seconds"),
        "elapsed_seconds": round(elapsed, 3),
        "outdir": outdir,
        "format": fmt,
        "jobs": jobs,
        "complete": stopped is None,
        "stopped": stopped,
        "totals": totals(report_entries),
        "files": report_entries,
    }


def to_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
