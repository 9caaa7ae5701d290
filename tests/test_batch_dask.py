"""``ipplan batch --scheduler``: the same batch on a real Dask cluster (workers on loopback).

One ``distributed.LocalCluster`` of two worker processes serves the module; the tests that must
lose a scheduler start their own from the ``dask`` command line. Faults are made inside a task
(a worker that kills its own process while parsing a given file), so they happen at a known
point and no test waits on a clock. Every client and cluster is closed, whatever happens.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
import dask  # noqa: E402 - after the skip: dask comes with distributed

from conftest import STEMS, corpus_file  # noqa: E402
from ipplan.batch import REPORT_NAME  # noqa: E402
from ipplan.batch.worker import Job, process_sent  # noqa: E402
from ipplan.cli import main  # noqa: E402
from ipplan.schema import SCHEMA_VERSION  # noqa: E402

LUZHAI = "luzhai-county-2023"
BOSHAN = "boshan-district-2022"
GUANGXI = "guangxi-14th-fyp-2021"
TIMEOUT = 120  # seconds: generous, for a loaded two-core machine; never a measure of speed
TIMING_KEYS = ("started", "elapsed_seconds")


@contextmanager
def local_cluster() -> Iterator[distributed.LocalCluster]:
    """Two worker processes of one thread each, on loopback, each under a nanny that restarts it;
    a task whose workers died twice fails (allowed-failures 1: a killing file costs few restarts)."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        local = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
            worker_dashboard_address=":0",
        )
    try:
        yield local
    finally:
        local.close(timeout=TIMEOUT)


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    """The module's cluster, for the tests that kill nothing."""
    with local_cluster() as local:
        yield local


@pytest.fixture
def own_cluster() -> Iterator[distributed.LocalCluster]:
    """A cluster for one test whose tasks kill workers (a nanny restarting a worker that is killed
    as it starts may never bring it back: no other test should depend on that one)."""
    with local_cluster() as local:
        yield local


@contextmanager
def admin_of(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    """The test's own client, to look at the cluster (never the batch's)."""
    client = distributed.Client(cluster.scheduler_address, set_as_default=False, timeout=TIMEOUT)
    try:
        client.wait_for_workers(2, timeout=TIMEOUT)
        yield client
    finally:
        client.close(timeout=TIMEOUT)


@pytest.fixture
def admin(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    with admin_of(cluster) as client:
        yield client


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``ipplan ARGS`` in this process: (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


def copy(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    return dst


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """plans/: every format (txt, docx, pdf, html), broken files, a note, a subfolder."""
    plans = tmp_path / "plans"
    for stem in STEMS[:3]:
        copy(corpus_file(stem, "txt"), plans / f"{stem}.txt")
    copy(corpus_file(LUZHAI, "docx"), plans / "word" / f"{LUZHAI}.docx")
    copy(corpus_file(BOSHAN, "docx"), plans / "word" / f"{BOSHAN}.docx")
    copy(corpus_file(BOSHAN, "pdf"), plans / "pdf" / f"{BOSHAN}.pdf")
    copy(corpus_file(GUANGXI, "html"), plans / "web" / f"{GUANGXI}.html")
    broken = plans / "broken"
    broken.mkdir()
    docx = corpus_file(LUZHAI, "docx").read_bytes()
    (broken / "empty.txt").write_bytes(b"")
    (broken / "truncated.docx").write_bytes(docx[: len(docx) // 2])
    (broken / "random.pdf").write_bytes(random.Random(7).randbytes(4096))
    copy(corpus_file(LUZHAI, "txt"), broken / "text-named.pdf")  # read as text, with a warning
    (plans / "notes.md").write_text("not a plan", encoding="utf-8")
    return plans


def records(out: Path) -> dict[str, bytes]:
    """Every file a batch wrote, by path relative to OUTDIR, the report aside."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != REPORT_NAME
    }


def report_of(out: Path) -> dict:
    return json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))


def untimed(report: dict) -> dict:
    """The report without what measures time (which no two runs share)."""
    doc = {k: v for k, v in report.items() if k not in TIMING_KEYS}
    doc["totals"] = {k: v for k, v in report["totals"].items() if k != "seconds"}
    doc["files"] = [{k: v for k, v in e.items() if k != "seconds"} for e in report["files"]]
    return doc


def local_run(capsys: pytest.CaptureFixture[str], plans: Path, out: Path, *args: str) -> tuple[int, dict]:
    """The local pool's batch into ``out``, then moved aside: (exit code, its outputs)."""
    rc, _, _ = run_main(capsys, "batch", str(plans), "-o", str(out), "--jobs", "2", *args)
    done = {"records": records(out), "report": untimed(report_of(out))}
    shutil.rmtree(out)
    return rc, done


# ------------------------------------------------------------------------------ tasks for faults
# Top-level functions of this module: the workers import them by reference (tests/ is on their
# path, as on this process's). Each kills its own worker process, as a crash or the OOM killer.


def die_once_on_kill_me(job: Job, data: bytes) -> dict:
    """Kills its worker the first time it parses kill-me.txt (the marker remembers it did)."""
    marker = Path(job.output).parent.parent / "killed-once"
    if Path(job.input).name == "kill-me.txt" and not marker.exists():
        marker.write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)
    return process_sent(job, data)


def die_on_boom(job: Job, data: bytes) -> dict:
    """Kills its worker every time it parses boom.txt, counting the deaths."""
    if Path(job.input).name == "boom.txt":
        with open(Path(job.output).parent.parent / "deaths", "a") as fh:
            fh.write(f"{os.getpid()}\n")
        os.kill(os.getpid(), signal.SIGKILL)
    return process_sent(job, data)


def kill_scheduler_on_stop_here(job: Job, data: bytes) -> dict:
    """Kills the scheduler (its pid is in the file the test names) on stop-here.txt."""
    if Path(job.input).name == "stop-here.txt":
        pid_file = Path(job.output).parent.parent / "scheduler.pid"
        os.kill(int(pid_file.read_text()), signal.SIGKILL)
        time.sleep(TIMEOUT)  # never returns a result: the scheduler is gone
    return process_sent(job, data)


def from_another_version(job: Job, data: bytes) -> dict:
    return {**process_sent(job, data), "ipplan_version": "0.0.0"}


# ------------------------------------------------------------------------------------- the tests


def test_the_cluster_gives_the_local_pools_outputs_and_report(
    cluster: distributed.LocalCluster,
    admin: distributed.Client,
    mixed: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    local_rc, local = local_run(capsys, mixed, out)
    assert local_rc == 1  # the broken files

    monkeypatch.setenv("IPPLAN_SCHEDULER", cluster.scheduler_address)  # the option's variable
    rc, stdout, stderr = run_main(capsys, "batch", str(mixed), "-o", str(out))
    assert (rc, stderr) == (local_rc, "")
    assert records(out) == local["records"]  # byte for byte
    report = report_of(out)
    assert untimed(report) == local["report"]
    assert report["jobs"] == 2  # the cluster's two worker threads, as --jobs 2
    statuses = {Path(e["input"]).name: (e["status"], e["code"]) for e in report["files"]}
    assert statuses["empty.txt"] == ("error", "E103")
    assert statuses["text-named.pdf"] == ("warning", None)
    assert statuses[f"{BOSHAN}.pdf"][0] == "ok"
    assert sum(1 for s, _ in statuses.values() if s in ("ok", "warning")) == 8
    assert "ipplan batch" in stdout and f"report: {out / REPORT_NAME}" in stdout
    # the cluster it was given is as it was: the scheduler up, both workers there
    assert len(admin.scheduler_info()["workers"]) == 2


def test_the_parses_run_on_the_workers(
    cluster: distributed.LocalCluster, admin: distributed.Client, tmp_path: Path
) -> None:
    """The client sends bytes; the workers parse: their processes run the task, not this one."""
    from ipplan.batch.cluster import DaskExecutor

    src = copy(corpus_file(LUZHAI, "txt"), tmp_path / "in" / "plan.txt")
    jobs = [Job(str(src), str(tmp_path / "out" / f"{i}.json")) for i in range(4)]
    executor = DaskExecutor.connect(cluster.scheduler_address, task=tagged_with_pid)
    try:
        outcome = executor.run(jobs)
    finally:
        executor.close()
    worker_pids = set(admin.run(os.getpid).values())
    assert {r["message"] for r in outcome.results.values()} <= {f"pid {p}" for p in worker_pids}
    assert os.getpid() not in worker_pids
    assert all((tmp_path / "out" / f"{i}.json").is_file() for i in range(4))  # written here


def tagged_with_pid(job: Job, data: bytes) -> dict:
    return {**process_sent(job, data), "message": f"pid {os.getpid()}"}


def test_a_worker_killed_mid_batch_loses_nothing(
    own_cluster: distributed.LocalCluster,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ipplan.batch.cluster

    plans = tmp_path / "plans"
    for i in range(8):
        copy(corpus_file(STEMS[i % len(STEMS)], "txt"), plans / f"{i:02d}.txt")
    copy(corpus_file(LUZHAI, "txt"), plans / "kill-me.txt")
    copy(corpus_file(LUZHAI, "docx"), plans / "kill-me-not.docx")
    out = tmp_path / "work" / "out"
    local_rc, local = local_run(capsys, plans, out)

    monkeypatch.setattr(ipplan.batch.cluster, "process_sent", die_once_on_kill_me)
    rc, _, stderr = run_main(
        capsys, "batch", str(plans), "-o", str(out), "--scheduler", own_cluster.scheduler_address
    )
    assert (tmp_path / "work" / "killed-once").is_file()  # a worker did die, parsing kill-me.txt
    assert (rc, stderr) == (local_rc, "") == (0, "")
    assert records(out) == local["records"]
    assert untimed(report_of(out)) == local["report"]
    with admin_of(own_cluster):  # its nanny restarted it: the cluster is whole
        pass


def test_a_file_that_kills_every_worker_fails_alone_and_is_not_retried_forever(
    own_cluster: distributed.LocalCluster,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ipplan.batch.cluster

    plans = tmp_path / "plans"
    names = [f"{i:02d}.txt" for i in range(6)]
    names.insert(2, "boom.txt")
    for name in names:
        copy(corpus_file(LUZHAI, "txt"), plans / name)
    out = tmp_path / "work" / "out"
    monkeypatch.setattr(ipplan.batch.cluster, "process_sent", die_on_boom)
    rc, _, stderr = run_main(
        capsys, "batch", str(plans), "-o", str(out), "--scheduler", own_cluster.scheduler_address
    )
    assert (rc, stderr) == (1, ""), stderr
    entries = {Path(e["input"]).name: e for e in report_of(out)["files"]}
    boom = entries.pop("boom.txt")
    assert (boom["status"], boom["code"], boom["output"]) == ("error", "E901", None)
    assert "worker processes died parsing this file" in boom["message"]
    assert "not retried further" in boom["message"]
    # the files beside it when its workers died were re-run, not blamed
    assert {e["status"] for e in entries.values()} == {"warning"}  # luzhai's lost labels
    assert all((out / f"{name}.json").is_file() for name in entries)
    # twice with others (allowed-failures 1), then twice alone: a bounded number of deaths (a death
    # the scheduler takes for a worker's planned exit is not counted: allow a few of those)
    deaths = (tmp_path / "work" / "deaths").read_text().split()
    assert 2 <= len(deaths) <= 8


def test_resume_with_skip_existing_on_the_cluster(
    cluster: distributed.LocalCluster,
    tmp_path: Path,
    mixed: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out"
    local_rc, local = local_run(capsys, mixed, out)
    args = ("batch", str(mixed), "-o", str(out), "--scheduler", cluster.scheduler_address)
    assert run_main(capsys, *args)[0] == local_rc
    written = {p: p.stat().st_mtime_ns for p in out.rglob("*.json") if p.name != REPORT_NAME}

    # an output under the previous contract (1.0), its input unchanged: redone
    old = out / f"{STEMS[0]}.txt.json"
    record = json.loads(old.read_text(encoding="utf-8"))
    old.write_text(json.dumps({**record, "schema_version": "1.0"}), encoding="utf-8")
    written[old] = old.stat().st_mtime_ns

    rc, _, _ = run_main(capsys, *args, "--skip-existing")
    assert rc == local_rc
    entries = {Path(e["input"]).name: e for e in report_of(out)["files"]}
    assert entries[old.name.removesuffix(".json")]["status"] in ("ok", "warning")
    assert json.loads(old.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    kept = [p for p in written if p != old]
    assert all(p.stat().st_mtime_ns == written[p] for p in kept)  # not rewritten
    assert sum(
        1 for e in entries.values() if e["message"] == "unchanged since its output was written"
    ) == len(kept)
    assert records(out) == local["records"]


# -------------------------------------------------------------- a scheduler of the dask command


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def dask_cli(*args: str, log: Path) -> subprocess.Popen:
    """``dask scheduler`` / ``dask worker`` as this interpreter runs them, able to import this
    module's tasks (the scheduler unpickles a task's function too)."""
    module = {"scheduler": "distributed.cli.dask_scheduler", "worker": "distributed.cli.dask_worker"}[args[0]]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), *sys.path])}
    with open(log, "ab") as fh:
        return subprocess.Popen(
            [sys.executable, "-m", module, *args[1:]],
            stdout=fh,
            stderr=subprocess.STDOUT,
            cwd=log.parent,
            env=env,
        )


@pytest.fixture
def own_scheduler(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen]]:
    """A scheduler and one worker from the dask command line, with a scheduler file; both are
    killed at the end (a test kills the scheduler itself)."""
    work = tmp_path / "work"
    work.mkdir()
    scheduler_file = work / "scheduler.json"
    log = work / "dask.log"
    port = str(free_port())
    scheduler = dask_cli(
        "scheduler", "--host", "127.0.0.1", "--port", port, "--dashboard-address", ":0",
        "--scheduler-file", str(scheduler_file), log=log,
    )  # fmt: skip
    worker = None
    try:
        deadline = time.monotonic() + TIMEOUT
        while not scheduler_file.is_file() and time.monotonic() < deadline and scheduler.poll() is None:
            time.sleep(0.1)
        assert scheduler_file.is_file(), log.read_text()
        (work / "scheduler.pid").write_text(str(scheduler.pid))
        worker = dask_cli(
            "worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1", "--no-dashboard",
            "--death-timeout", "30", log=log,
        )  # fmt: skip
        with distributed.Client(
            scheduler_file=str(scheduler_file), set_as_default=False, timeout=TIMEOUT
        ) as client:
            client.wait_for_workers(1, timeout=TIMEOUT)
        yield scheduler_file, scheduler
    finally:
        for proc in (worker, scheduler):
            if proc is not None:
                if proc.poll() is None:
                    proc.kill()
                proc.wait(timeout=TIMEOUT)


def test_losing_the_scheduler_is_one_error_line_and_the_batch_resumes(
    own_scheduler: tuple[Path, subprocess.Popen],
    cluster: distributed.LocalCluster,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ipplan.batch.cluster

    scheduler_file, scheduler = own_scheduler
    plans = tmp_path / "plans"
    names = [f"{i:02d}.txt" for i in range(6)]
    names.insert(3, "stop-here.txt")
    for k, name in enumerate(names):
        copy(corpus_file(STEMS[k % len(STEMS)], "txt"), plans / name)
    out = tmp_path / "work" / "out"

    monkeypatch.setattr(ipplan.batch.cluster, "process_sent", kill_scheduler_on_stop_here)
    rc, stdout, stderr = run_main(
        capsys, "batch", str(plans), "-o", str(out), "--scheduler", str(scheduler_file)
    )
    monkeypatch.undo()
    assert scheduler.wait(timeout=TIMEOUT) == -signal.SIGKILL, (rc, stderr)
    assert rc == 10, stderr
    assert stderr.startswith(
        f"ipplan: E502 cluster-error: {scheduler_file}: lost the connection to the scheduler"
    )
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert "the Dask cluster was lost" in stdout

    report = report_of(out)
    assert report["stopped"] == "cluster-error" and report["complete"] is False
    entries = {Path(e["input"]).name: e for e in report["files"]}
    assert entries["stop-here.txt"]["message"] == "not processed: the batch lost its Dask cluster"
    done = {name for name, e in entries.items() if e["status"] in ("ok", "warning")}
    assert {p.name.removesuffix(".json") for p in out.glob("*.json") if p.name != REPORT_NAME} == done
    for name in done:  # complete records
        assert (
            json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
        )

    # resumed on another cluster: what was done is kept, the rest is parsed
    rc, _, stderr = run_main(
        capsys,
        "batch",
        str(plans),
        "-o",
        str(out),
        "--scheduler",
        cluster.scheduler_address,
        "--skip-existing",
    )
    assert (rc, stderr) == (0, "")
    resumed = {Path(e["input"]).name: e["status"] for e in report_of(out)["files"]}
    assert {name for name, status in resumed.items() if status == "skipped"} == done
    assert sorted(p.name for p in out.glob("*.txt.json")) == sorted(f"{n}.json" for n in names)


def test_an_unreachable_scheduler_is_one_error_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = copy(corpus_file(LUZHAI, "txt"), tmp_path / "in" / "plan.txt")
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        rc, stdout, stderr = run_main(
            capsys, "batch", str(src), "-o", str(tmp_path / "out"), "--scheduler", address
        )
    assert rc == 10 and stdout == ""
    assert stderr.startswith(f"ipplan: E502 cluster-error: {address}: cannot connect to the scheduler")
    assert stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_workers_of_another_ipplan_stop_the_batch(
    cluster: distributed.LocalCluster,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ipplan.batch.cluster

    plans = tmp_path / "plans"
    for i in range(3):
        copy(corpus_file(LUZHAI, "txt"), plans / f"{i}.txt")
    monkeypatch.setattr(ipplan.batch.cluster, "process_sent", from_another_version)
    out = tmp_path / "out"
    rc, _, stderr = run_main(
        capsys, "batch", str(plans), "-o", str(out), "--scheduler", cluster.scheduler_address
    )
    assert rc == 10
    assert "a worker parsed with ipplan 0.0.0" in stderr and stderr.count("\n") == 1
    assert report_of(out)["stopped"] == "cluster-error"
    assert not list(out.glob("*.txt.json"))  # nothing another version wrote


def test_fail_fast_and_jobs_on_the_cluster(
    cluster: distributed.LocalCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plans = tmp_path / "plans"
    (plans).mkdir()
    (plans / "a-empty.txt").write_bytes(b"")
    for i in range(6):
        copy(corpus_file(LUZHAI, "txt"), plans / f"b{i}.txt")
    out = tmp_path / "out"
    args = ("batch", str(plans), "-o", str(out), "--scheduler", cluster.scheduler_address)
    rc, _, _ = run_main(capsys, *args, "--fail-fast", "--jobs", "1")
    assert rc == 1
    report = report_of(out)
    assert report["stopped"] == "fail-fast" and report["jobs"] == 1
    # the empty file is decided before it is sent: nothing after it was sent
    assert [e["status"] for e in report["files"]] == ["error"] + ["skipped"] * 6
