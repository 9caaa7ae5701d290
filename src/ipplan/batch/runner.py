"""The local executor: a batch's jobs in-process (one job) or in a process pool, stopped cleanly.

The pool is fed through a bounded window of futures, so a batch of thousands of files holds only
a few dozen pending tasks in memory. Ctrl-C terminates the workers (each removes its half-written
.part file on the way out) and returns what was done, so the caller can still write its report.
A worker that dies (a crash, the OOM killer) breaks the pool: the jobs it took down are re-run
one at a time in a fresh pool, so only the file that kills a worker is reported as failing.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from ipplan.batch.executor import OnResult, OnStart, Outcome
from ipplan.batch.worker import Job, init_worker, process, process_in_pool, result

WINDOW_PER_WORKER = 4  # futures in flight per worker: keeps workers busy, memory bounded
PRELOAD = ["ipplan.batch.preload"]

Task = Callable[[Job], dict]  # a top-level function, so that pool processes can import it


class LocalExecutor:
    """This machine: ``jobs`` worker processes (default: one per CPU); one job runs in-process."""

    where = None

    def __init__(self, jobs: int | None = None, task: Task = process_in_pool):
        self.jobs = jobs or os.cpu_count() or 1
        self.task = task

    def run(
        self,
        jobs: Sequence[Job],
        *,
        fail_fast: bool = False,
        on_start: OnStart | None = None,
        on_result: OnResult | None = None,
    ) -> Outcome:
        return run(
            jobs,
            workers=self.jobs,
            fail_fast=fail_fast,
            on_start=on_start,
            on_result=on_result,
            task=self.task,
        )

    def close(self) -> None:
        pass  # each run's pool is shut down when the run ends


def run(
    jobs: Sequence[Job],
    *,
    workers: int,
    fail_fast: bool = False,
    on_start: OnStart | None = None,
    on_result: OnResult | None = None,
    task: Task = process_in_pool,
) -> Outcome:
    """Run every job; ``workers`` <= 1 runs them in this process, without a pool.

    ``task`` is what a pool process runs per job (tests substitute one that crashes).
    """
    workers = min(workers, len(jobs))
    if workers <= 1:
        return _run_inline(jobs, fail_fast, on_start, on_result)
    return _Pool(jobs, workers, fail_fast, on_result, task).run()


def _run_inline(
    jobs: Sequence[Job], fail_fast: bool, on_start: OnStart | None, on_result: OnResult | None
) -> Outcome:
    outcome = Outcome()
    try:
        for index, job in enumerate(jobs):
            if on_start:
                on_start(job)
            res = process(job)
            outcome.results[index] = res
            if on_result:
                on_result(job, res)
            if fail_fast and res["status"] == "error":
                outcome.stopped = "fail-fast"
                break
    except KeyboardInterrupt:
        outcome.stopped = "interrupted"
    return outcome


class _Pool:
    """A process pool fed from a bounded window, rebuilt when a worker dies."""

    def __init__(
        self, jobs: Sequence[Job], workers: int, fail_fast: bool, on_result: OnResult | None, task: Task
    ):
        self.jobs = jobs
        self.task = task
        self.workers = workers
        self.fail_fast = fail_fast
        self.on_result = on_result
        self.outcome = Outcome()
        self.todo: Iterator[int] = iter(range(len(jobs)))
        self.pending: dict[Future, int] = {}
        self.suspects: list[int] = []  # in flight when a worker died: re-run one at a time
        self.isolated: int | None = None  # the suspect now running alone
        self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(), initializer=init_worker)

    def run(self) -> Outcome:
        try:
            self._fill()
            while self.pending:
                done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    broken |= self._collect(future)
                if broken:
                    self._rebuild()
                self._fill()
        except KeyboardInterrupt:
            self.outcome.stopped = "interrupted"
            with deferred_sigint():
                _terminate(self.executor)
        else:
            self.executor.shutdown(wait=True)
        return self.outcome

    def _fill(self) -> None:
        if self.outcome.stopped:
            return
        if self.suspects:
            if not self.pending:
                # alone, so that if it kills its worker again it alone is blamed
                self.isolated = self.suspects.pop(0)
                self._submit(self.isolated)
            return
        self.isolated = None
        while len(self.pending) < self.workers * WINDOW_PER_WORKER:
            index = next(self.todo, None)
            if index is None:
                return
            self._submit(index)

    def _submit(self, index: int) -> None:
        self.pending[self.executor.submit(self.task, self.jobs[index])] = index

    def _collect(self, future: Future) -> bool:
        """Record a finished future; True when its worker died and took the pool down."""
        index = self.pending.pop(future)
        if future.cancelled():
            return False
        job = self.jobs[index]
        exc = future.exception()
        if isinstance(exc, BrokenProcessPool):
            if index == self.isolated:
                message = "the worker process died while parsing this file (a crash or out of memory)"
                self._record(index, job, _internal_error(job, message))
            else:
                self.suspects.append(index)
            return True
        if exc is not None:  # e.g. a result that failed to unpickle
            self._record(index, job, _internal_error(job, f"{type(exc).__name__}: {exc}"))
        else:
            self._record(index, job, future.result())
        return False

    def _record(self, index: int, job: Job, res: dict) -> None:
        self.outcome.results[index] = res
        if self.on_result:
            self.on_result(job, res)
        if self.fail_fast and res["status"] == "error" and not self.outcome.stopped:
            self.outcome.stopped = "fail-fast"
            for future in self.pending:
                future.cancel()  # the queued ones; those already running finish and are recorded

    def _rebuild(self) -> None:
        """Replace a broken pool: whatever it took down becomes a suspect."""
        wait(list(self.pending))  # a broken pool fails every pending future promptly
        for future in list(self.pending):
            self._collect(future)
        self.executor.shutdown(wait=True)
        self.executor = self._new_executor()
        self.suspects.sort()


def _context() -> multiprocessing.context.BaseContext:
    """How workers start: never a plain fork of this process, whose progress-bar thread may hold
    a lock at fork time. A forkserver (POSIX) imports the parser once
    and forks ready workers from it; elsewhere workers are spawned fresh."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def _internal_error(job: Job, message: str) -> dict:
    return result(job, "error", code="E901", error="internal-error", message=message)


def _terminate(executor: ProcessPoolExecutor) -> None:
    """Stop the workers now (Ctrl-C): SIGTERM lets each unwind and remove its .part file."""
    stop = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if stop is not None:
        stop()
        return
    processes = list((getattr(executor, "_processes", None) or {}).values())  # CPython < 3.14
    for proc in processes:
        proc.terminate()
    for proc in processes:
        proc.join(timeout=5)
        if proc.is_alive():
            proc.kill()  # stuck in C code (a huge PDF): nothing half-written is at stake there
    executor.shutdown(wait=True, cancel_futures=True)


@contextmanager
def deferred_sigint() -> Iterator[None]:
    """Ignore a second Ctrl-C while cleaning up, so the report of what was done is still written."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
