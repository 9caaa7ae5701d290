"""Where a batch's parses run: an ``Executor`` takes the jobs and gives back their results.

Two are built in: the local process pool (``runner.LocalExecutor``, the default) and a Dask
cluster (``cluster.DaskExecutor``, ``--scheduler``). Both return the same result dicts for the
same inputs, report each result through the same callbacks as it arrives, and stop on Ctrl-C or
--fail-fast in the same way, so discovery, the report and the display never know which one ran.
Another executor plugs in by implementing ``Executor`` and being chosen in ``open_executor``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ipplan.batch.worker import Job

OnStart = Callable[[Job], None]
OnResult = Callable[[Job, dict], None]


@dataclass(slots=True)
class Outcome:
    """Results by job index (jobs never run are absent) and why the run stopped early, if it did.

    ``stopped`` is "interrupted" (Ctrl-C), "fail-fast", or "cluster-error" (the cluster was lost
    or cannot run ipplan; ``error`` then says why, in one line).
    """

    results: dict[int, dict] = field(default_factory=dict)
    stopped: str | None = None
    error: str | None = None


class Executor(Protocol):
    """Runs a batch's jobs somewhere and reports each result as it arrives."""

    @property
    def jobs(self) -> int:
        """How many files are parsed at once (the report's ``jobs``)."""
        ...

    @property
    def where(self) -> str | None:
        """The cluster's address, or None for this machine."""
        ...

    def run(
        self,
        jobs: Sequence[Job],
        *,
        fail_fast: bool = False,
        on_start: OnStart | None = None,
        on_result: OnResult | None = None,
    ) -> Outcome:
        """Run every job (in any order); results are keyed by the job's index in ``jobs``."""
        ...

    def close(self) -> None:
        """Release what the executor holds (never a cluster it was given)."""
        ...


def open_executor(jobs: int | None, scheduler: str | None = None, *, debug: bool = False) -> Executor:
    """The local pool of ``jobs`` processes, or a client of the Dask scheduler at ``scheduler``.

    Connecting happens here, before anything is written, so an unreachable cluster or a missing
    extra is one error line and an untouched OUTDIR. Dask is imported only on this path.
    """
    if scheduler:
        from ipplan.batch.cluster import DaskExecutor

        return DaskExecutor.connect(scheduler, jobs=jobs, debug=debug)
    from ipplan.batch.runner import LocalExecutor

    return LocalExecutor(jobs)
