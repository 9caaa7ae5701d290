"""The Dask executor: a batch's parses on an existing cluster, through ``distributed.Client``.

Workers need no shared file system. This process (the client) reads each input and sends its
bytes with its name; a worker parses and serialises (``worker.process_sent``) and sends back
the record's text or the error; the client writes the outputs atomically (``worker.write_sent``).
So a result is the one the local pool gives for the same input: the same code renders it.

Inputs go out in a bounded window (``as_completed``): at most a few tasks per worker thread and
``MAX_BYTES_IN_FLIGHT`` of inputs, whatever the number of files. The scheduler keeps each task's
bytes until it is done, which is what lets it re-run a task elsewhere when its worker dies.

Faults. A worker that dies is the scheduler's to handle: its tasks are re-run on other workers,
up to the cluster's ``distributed.scheduler.allowed-failures``; past that a task fails with
``KilledWorker``. Since every task a dying worker held is counted, a file that was only beside
the culprit can be failed too, so such a file is re-run once more alone (none of this batch's
other tasks in flight): only a file that kills workers on its own is reported as failed (E901),
never retried forever. Losing the scheduler stops the batch: what was written stays written and
the report says what is left (``--skip-existing`` resumes).

The batch never shuts down, restarts, scales or reconfigures the cluster: others may use it too.
It only submits its own tasks, cancels them on Ctrl-C or --fail-fast, and closes its client.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
import uuid
import warnings
from collections.abc import Callable, Sequence
from typing import Any

from ipplan import __version__
from ipplan.batch.executor import OnResult, OnStart, Outcome
from ipplan.batch.runner import deferred_sigint
from ipplan.batch.worker import Job, failed, process_sent, read_job, result, write_sent
from ipplan.errors import IpplanError

# tasks in flight per worker thread: a few queued (on the scheduler, which holds their bytes)
# cover the round trips of small files; the bytes bound below caps memory for large ones
TASKS_PER_THREAD = 4
MIN_WINDOW = 8
MAX_BYTES_IN_FLIGHT = 512 * 1024 * 1024  # inputs sent and not yet done (held by the scheduler)
THREADS_REFRESH_SECONDS = 5.0  # how often the window follows a cluster that scales
MAX_FETCH_TRIES = 3  # a result that is there but cannot be fetched (a client of another Dask version)
EXTRA = "pip install 'ipplan[dask]'"

SentTask = Callable[[Job, bytes], dict]  # a top-level function, importable on the workers


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise IpplanError(
            "missing-dependency", f"running on a Dask cluster needs the dask extra: {EXTRA}", "--scheduler"
        ) from exc
    return distributed


class DaskExecutor:
    """A client of an existing Dask cluster; ``jobs`` caps the files parsed at once on it."""

    def __init__(self, client: Any, address: str, jobs: int | None = None, task: SentTask | None = None):
        self.client = client
        self.where = address
        self.limit = jobs
        self.task = task or process_sent  # looked up now: tests substitute a task that kills its worker
        self._threads = self._cluster_threads()
        self.jobs = jobs or self._threads or 1

    @classmethod
    def connect(
        cls, address: str, *, jobs: int | None = None, debug: bool = False, task: SentTask | None = None
    ) -> DaskExecutor:
        """Connect to the scheduler at ``address`` (tcp://host:8786, or a scheduler file).

        The connection timeout is Dask's own (``distributed.comm.timeouts.connect``, 30 s unless
        configured). Dask's log and warnings are kept off the terminal unless ``debug``.
        """
        distributed = _import_distributed()
        if not debug:
            _quiet()
        target = {"scheduler_file": address} if os.path.isfile(address) else {"address": address}
        try:
            client = distributed.Client(**target, set_as_default=False, name="ipplan-batch")
        except Exception as exc:  # OSError, TimeoutError, ValueError (a malformed address)
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise IpplanError("cluster-error", f"cannot connect to the scheduler: {reason}", address) from exc
        executor = cls(client, address, jobs, task)
        if not executor._threads:
            # an adaptive cluster starts workers when there is work: not an error, but say why it waits
            import click

            click.echo(f"ipplan: the cluster at {address} has no workers yet: waiting for some", err=True)
        return executor

    def _cluster_threads(self) -> int:
        try:
            return sum(self.client.nthreads().values())
        except Exception:  # the connection is being lost: the run finds out and says so
            return 0

    def window(self) -> int:
        """How many tasks may be in flight now: ``jobs``, or a few per thread the cluster has."""
        if self.limit:
            return self.limit
        return max(self._threads * TASKS_PER_THREAD, MIN_WINDOW)

    def refresh(self) -> None:
        self._threads = self._cluster_threads() or self._threads

    def run(
        self,
        jobs: Sequence[Job],
        *,
        fail_fast: bool = False,
        on_start: OnStart | None = None,
        on_result: OnResult | None = None,
    ) -> Outcome:
        return _ClusterRun(self, jobs, fail_fast, on_result).run()

    def close(self) -> None:
        """Close this client only: the cluster, its scheduler and its workers keep running."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with contextlib.suppress(Exception):  # a lost scheduler: nothing left to close
                self.client.close(timeout=10)


def _quiet() -> None:
    """Dask logs connection trouble with tracebacks (also while a lost client closes); the batch
    says it in one line instead. For the rest of this process: it is the batch's."""
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger) and name.split(".")[0] in ("distributed", "tornado"):
            logger.setLevel(logging.CRITICAL + 1)
    for name in ("distributed", "tornado"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


class _ClusterRun:
    """One batch on the cluster: the window, the suspects, and how the run ended."""

    def __init__(
        self, executor: DaskExecutor, jobs: Sequence[Job], fail_fast: bool, on_result: OnResult | None
    ):
        from distributed import as_completed

        self.executor = executor
        self.client = executor.client
        self.jobs = jobs
        self.fail_fast = fail_fast
        self.on_result = on_result
        self.outcome = Outcome()
        self.next_index = 0
        self.pending: dict[Any, tuple[int, int]] = {}  # future → (job index, bytes sent)
        self.bytes_in_flight = 0
        self.suspects: list[int] = []  # failed with KilledWorker beside others: re-run alone
        self.isolated: int | None = None  # the suspect now running alone
        self.fetch_failures: dict[Any, int] = {}  # finished futures whose result could not be fetched
        self.fetch_errors: dict[Any, str] = {}
        self.completed = as_completed(loop=self.client.loop)
        self.refreshed = time.monotonic()

    def run(self) -> Outcome:
        try:
            self._fill()
            while self.pending and not self.outcome.stopped:
                self._collect(self.completed.next_batch(block=True))
                self._fill()
        except KeyboardInterrupt:
            self.outcome.stopped = "interrupted"
        if self.outcome.stopped:
            with deferred_sigint():
                self._cancel()
        return self.outcome

    # --- sending ----------------------------------------------------------------------------

    def _fill(self) -> None:
        if self.outcome.stopped:
            return
        if self.suspects:
            if not self.pending:
                # alone, so that if its worker dies again it alone is to blame
                self.isolated = self.suspects.pop(0)
                self._send(self.isolated)
            return
        self.isolated = None
        if time.monotonic() - self.refreshed > THREADS_REFRESH_SECONDS:
            self.executor.refresh()
            self.refreshed = time.monotonic()
        window = self.executor.window()
        while (
            len(self.pending) < window
            and self.bytes_in_flight < MAX_BYTES_IN_FLIGHT
            and self.next_index < len(self.jobs)
            and not self.outcome.stopped
        ):
            self.next_index += 1
            self._send(self.next_index - 1)

    def _send(self, index: int) -> None:
        """Read the input here and send its bytes; a file decided here (unreadable, up to date)
        is recorded at once, as the local pool's worker would."""
        job = self.jobs[index]
        started = time.perf_counter()
        try:
            data = read_job(job)
        except Exception as exc:
            data = failed(job, started, exc)
        if isinstance(data, dict):
            self._record(index, data)
            return
        key = f"ipplan-parse-{uuid.uuid4().hex}"
        with warnings.catch_warnings():
            # a large input is a large task by design ("Sending large graph"): not news to the user
            warnings.simplefilter("ignore")
            try:
                future = self.client.submit(self.executor.task, job, data, key=key, pure=False)
            except Exception as exc:  # the client is closing: it lost the scheduler
                self._stop(f"lost the connection to the scheduler ({' '.join(str(exc).split())})")
                return
        self.pending[future] = (index, len(data))
        self.bytes_in_flight += len(data)
        self.completed.add(future)

    # --- receiving --------------------------------------------------------------------------

    def _collect(self, done: list) -> None:
        finished = [f for f in done if f.status == "finished"]
        values = self._gather(finished)
        for future in done:
            if self.outcome.stopped == "cluster-error":
                break  # lost with the rest: reported as not processed
            if future in values:
                self._received(self._done(future), values[future])
            elif future.status == "error":
                self._erred(self._done(future), future.exception())
            elif future.cancelled():
                self._lost(future)
            elif future.status == "finished" and self.fetch_failures.get(future, 0) >= MAX_FETCH_TRIES:
                self._stop(f"the results cannot be fetched from the cluster ({self.fetch_errors[future]})")
            else:
                # done, then its result was lost with its worker before it was fetched: the
                # scheduler computes it again, and it comes back through the window
                self.completed.add(future)

    def _done(self, future: Any) -> int:
        self.fetch_failures.pop(future, None)
        self.fetch_errors.pop(future, None)
        index, size = self.pending.pop(future)
        self.bytes_in_flight -= size
        return index

    def _gather(self, finished: list) -> dict:
        """The results of finished futures, fetched together (one round trip for the batch)."""
        if not finished:
            return {}
        try:
            return dict(zip(finished, self.client.gather(finished), strict=True))
        except Exception:  # one was lost on the way: fetch each alone, so the rest are kept
            values = {}
            for future in finished:
                try:
                    values[future] = future.result()
                except Exception as exc:  # left to _collect, which reads the future's state
                    self.fetch_failures[future] = self.fetch_failures.get(future, 0) + 1
                    self.fetch_errors[future] = " ".join(f"{type(exc).__name__}: {exc}".split())
            return values

    def _received(self, index: int, res: dict) -> None:
        job = self.jobs[index]
        version = res.get("ipplan_version")
        if version != __version__:
            self._stop(
                f"a worker parsed with ipplan {version}, not {__version__} as here: "
                "install the same ipplan on the workers"
            )
            return
        self._record(index, write_sent(job, res))

    def _erred(self, index: int, exc: BaseException | None) -> None:
        from distributed.scheduler import KilledWorker

        job = self.jobs[index]
        if isinstance(exc, KilledWorker):
            if index == self.isolated:
                tries = exc.allowed_failures + 1
                message = (
                    f"{tries} worker processes died parsing this file, with no other file of the batch "
                    "beside it (a crash or out of memory): not retried further"
                )
                error = result(job, "error", code="E901", error="internal-error", message=message)
                self._record(index, error)
            else:
                self.suspects.append(index)
                self.suspects.sort()
            return
        # the task itself never raises (every failure is a result): the worker could not run it
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        self._stop(f"the workers cannot run ipplan's task ({reason}): install ipplan {__version__} there")

    def _lost(self, future: Any) -> None:
        """A task cancelled, not by this batch: the client lost the scheduler, or someone else
        cancelled it there."""
        reason = "cancelled"
        try:
            future.result()  # a cancelled future raises at once, with the reason it was given
        except Exception as exc:  # FutureCancelledError
            reason = str(exc)
        if "connection-lost" in reason:
            self._stop("lost the connection to the scheduler")
        else:
            self._stop(f"the cluster dropped the batch's tasks ({' '.join(reason.split())})")

    def _record(self, index: int, res: dict) -> None:
        self.outcome.results[index] = res
        if self.on_result:
            self.on_result(self.jobs[index], res)
        if self.fail_fast and res["status"] == "error" and not self.outcome.stopped:
            self.outcome.stopped = "fail-fast"

    def _stop(self, reason: str) -> None:
        if self.outcome.stopped != "cluster-error":
            self.outcome.stopped = "cluster-error"
            self.outcome.error = reason

    def _cancel(self) -> None:
        """Withdraw this batch's tasks still on the cluster (nobody else's)."""
        futures = list(self.pending)
        self.pending.clear()
        self.completed.clear()
        if futures and self.client.status == "running":
            with contextlib.suppress(Exception):  # the scheduler is gone: so are the tasks
                self.client.cancel(futures)
