"""``ipplan batch``: a tree of corpus copies and broken files, resume, interruption, discovery.

Inputs are copied into tmp_path at test time from tests/data (conftest.py finds them); the broken
files (empty, truncated docx, random bytes named .pdf, a text named .pdf) are generated here.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import STEMS, corpus_file
from ipplan.batch import REPORT_NAME
from ipplan.batch.discover import discover
from ipplan.batch.runner import run
from ipplan.batch.worker import Job, process
from ipplan.cli import cli
from ipplan.schema import SCHEMA_VERSION

LUZHAI = "luzhai-county-2023"
LIUZHOU = "liuzhou-hitech-park-2022"
ENTRY_KEYS = {
    "input", "output", "status", "code", "error", "message", "seconds",
    "indicators", "tasks", "targets", "warnings",
}  # fmt: skip


def batch(*args: str):
    return CliRunner().invoke(cli, ["batch", *args], catch_exceptions=False)


def report_of(outdir: Path) -> dict:
    return json.loads((outdir / REPORT_NAME).read_text(encoding="utf-8"))


def by_input(report: dict, root: Path) -> dict[str, dict]:
    """Report entries by input path relative to ``root``."""
    return {Path(e["input"]).relative_to(root).as_posix(): e for e in report["files"]}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(src.read_bytes())
    return dst


def part_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".part")]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """plans/: the five corpus texts, one Word file in a subfolder, broken files, a note, a symlink loop."""
    plans = tmp_path / "plans"
    for stem in STEMS:
        copy(corpus_file(stem, "txt"), plans / f"{stem}.txt")
    docx = corpus_file(LUZHAI, "docx").read_bytes()
    copy(corpus_file(LUZHAI, "docx"), plans / "word" / f"{LUZHAI}.docx")
    broken = plans / "broken"
    broken.mkdir()
    (broken / "empty.txt").write_bytes(b"")
    (broken / "truncated.docx").write_bytes(docx[: len(docx) // 2])
    (broken / "random.pdf").write_bytes(random.Random(7).randbytes(4096))
    copy(corpus_file(LIUZHOU, "txt"), broken / "text-named.pdf")  # wrong extension: read as text
    (plans / "notes.md").write_text("not a plan", encoding="utf-8")
    (plans / "word" / "loop").symlink_to("..", target_is_directory=True)
    return plans


GOOD = [f"{stem}.txt" for stem in STEMS] + [f"word/{LUZHAI}.docx", "broken/text-named.pdf"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_over_a_tree(tree: Path, tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "out"
    result = batch(str(tree), "-o", str(out), "--jobs", jobs)
    assert result.exit_code == 1, result.output

    report = report_of(out)
    entries = by_input(report, tree)
    # one entry per input, each file once (the loop back to plans/ is not walked again)
    assert sorted(entries) == sorted(
        [*GOOD, "broken/empty.txt", "broken/truncated.docx", "broken/random.pdf", "notes.md"]
    )
    assert all(set(e) == ENTRY_KEYS for e in report["files"])

    for rel in GOOD:  # every good file has its record, mirrored and keeping its extension
        entry = entries[rel]
        assert entry["status"] in ("ok", "warning"), entry
        output = out / f"{rel}.json"
        assert entry["output"] == str(output)
        record = json.loads(output.read_text(encoding="utf-8"))
        assert record["source"]["sha256"] == sha256(tree / rel)
        assert entry["tasks"] == len(record["tasks"]) and entry["warnings"] == len(record["warnings"])
    assert entries["broken/text-named.pdf"]["status"] == "warning"  # format-mismatch

    empty = entries["broken/empty.txt"]
    assert (empty["status"], empty["code"], empty["error"], empty["output"]) == (
        "error",
        "E103",
        "input-empty",
        None,
    )
    truncated = entries["broken/truncated.docx"]
    assert truncated["status"] == "error" and truncated["code"] in ("E201", "E202")
    assert not (out / "broken" / "truncated.docx.json").exists()
    noise = entries["broken/random.pdf"]  # an error, or read as (garbled) text: either way accounted for
    assert noise["status"] == "error" or (out / "broken" / "random.pdf.json").is_file()
    assert entries["notes.md"]["status"] == "skipped" and entries["notes.md"]["output"] is None

    totals = report["totals"]
    assert totals["inputs"] == len(entries)
    assert sum(totals[s] for s in ("ok", "warning", "error", "skipped")) == len(entries)
    assert totals["tasks"] == sum(e["tasks"] or 0 for e in report["files"])
    assert report["complete"] is True and report["stopped"] is None
    assert part_files(out) == []
    # not a terminal: no progress bar, only the summary
    assert "ipplan batch" in result.stdout and f"report: {out / REPORT_NAME}" in result.stdout
    assert "ETA" not in result.output


def test_outputs_keep_the_source_extension(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    copy(corpus_file(LUZHAI, "docx"), inp / "a" / "b" / "plan.docx")
    copy(corpus_file(LUZHAI, "txt"), inp / "a" / "b" / "plan.txt")
    copy(corpus_file(LUZHAI, "txt"), inp / "a" / "b" / "plan.pdf")
    result = batch(str(inp), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert result.exit_code == 0, result.output
    for name in ("plan.docx", "plan.txt", "plan.pdf"):
        record = json.loads((tmp_path / "out" / "a" / "b" / f"{name}.json").read_text(encoding="utf-8"))
        assert record["source"]["sha256"] == sha256(inp / "a" / "b" / name)


def test_a_file_input_lands_at_the_top_and_collisions_are_errors(tmp_path: Path) -> None:
    one = copy(corpus_file(LUZHAI, "txt"), tmp_path / "x" / "plan.txt")
    two = copy(corpus_file(LIUZHOU, "txt"), tmp_path / "y" / "plan.txt")
    result = batch(str(one), str(two), str(one), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert result.exit_code == 1
    files = report_of(tmp_path / "out")["files"]
    assert [(e["status"], e["code"]) for e in files] == [
        ("warning", None),
        ("error", "E401"),
        ("skipped", None),
    ]
    assert "also the output of" in files[1]["message"] and "the same file" in files[2]["message"]
    record = json.loads((tmp_path / "out" / "plan.txt.json").read_text(encoding="utf-8"))
    assert record["source"]["sha256"] == sha256(one)  # the first one claimed it; nothing overwrote it


def test_outdir_inside_the_input_folder(tmp_path: Path) -> None:
    inp = tmp_path / "plans"
    copy(corpus_file(LUZHAI, "txt"), inp / "luzhai.txt")
    for _ in range(2):  # the second run must not take the first run's outputs for inputs
        result = batch(str(inp), "-o", str(inp / "out"), "--jobs", "1")
        assert result.exit_code == 0
        report = report_of(inp / "out")
        assert [Path(e["input"]).name for e in report["files"]] == ["luzhai.txt"]


def test_resume_with_skip_existing(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert batch(str(tree), "-o", str(out), "--jobs", "1").exit_code == 1
    first = by_input(report_of(out), tree)
    outputs = {rel: out / f"{rel}.json" for rel in GOOD}
    mtimes = {rel: p.stat().st_mtime_ns for rel, p in outputs.items()}

    changed = tree / f"{LUZHAI}.txt"
    changed.write_bytes(changed.read_bytes() + b"\n")  # a new sha256: parsed again
    damaged = outputs[f"{LIUZHOU}.txt"]
    damaged.write_text('{"schema_version": "1.0", "sour', encoding="utf-8")  # a damaged output: redone
    time.sleep(0.01)

    result = batch(str(tree), "-o", str(out), "--jobs", "1", "--skip-existing")
    assert result.exit_code == 1  # the broken files are tried again and fail again
    second = by_input(report_of(out), tree)
    redone = {f"{LUZHAI}.txt", f"{LIUZHOU}.txt"}
    for rel in GOOD:
        if rel in redone:
            assert second[rel]["status"] in ("ok", "warning")
            assert outputs[rel].stat().st_mtime_ns != mtimes[rel]
        else:
            assert second[rel]["status"] == "skipped", rel
            assert second[rel]["message"] == "unchanged since its output was written"
            assert second[rel]["output"] == str(outputs[rel])
            assert outputs[rel].stat().st_mtime_ns == mtimes[rel]  # not rewritten
            assert second[rel]["tasks"] == first[rel]["tasks"]  # counts read back from the output
    assert json.loads(damaged.read_text(encoding="utf-8"))["source"]["sha256"] == sha256(
        tree / f"{LIUZHOU}.txt"
    )
    assert second["broken/empty.txt"]["status"] == "error"


def test_skip_existing_reads_yaml_outputs(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    copy(corpus_file(LUZHAI, "txt"), inp / "luzhai.txt")
    out = tmp_path / "out"
    assert batch(str(inp), "-o", str(out), "--format", "yaml", "--jobs", "1").exit_code == 0
    record = yaml.safe_load((out / "luzhai.txt.yaml").read_text(encoding="utf-8"))
    assert record["source"]["sha256"] == sha256(inp / "luzhai.txt")
    assert batch(str(inp), "-o", str(out), "--format", "yaml", "--skip-existing").exit_code == 0
    (entry,) = report_of(out)["files"]
    assert entry["status"] == "skipped" and entry["tasks"] == len(record["tasks"])


def test_interrupted_batch_leaves_no_partial_file(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C arrives while the third record is being written: after its .part file is complete,
    before the rename. The batch stops, cleans up and still writes its report."""
    import ipplan.writers

    real_replace = os.replace
    renamed: list[str] = []

    def replace(src: str, dst: str) -> None:
        if str(dst).endswith(".json") and Path(dst).name != REPORT_NAME:
            if len(renamed) == 2:
                raise KeyboardInterrupt
            renamed.append(str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(ipplan.writers.os, "replace", replace)
    out = tmp_path / "out"
    result = batch(str(tree), "-o", str(out), "--jobs", "1")
    monkeypatch.undo()

    assert result.exit_code == 130
    assert part_files(out) == []
    written = sorted(p for p in out.rglob("*.json") if p.name != REPORT_NAME)
    assert [str(p) for p in written] == sorted(renamed)
    for path in written:  # complete records, not truncated ones
        assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION

    report = report_of(out)
    assert report["stopped"] == "interrupted" and report["complete"] is False
    assert len(report["files"]) == len(by_input(report, tree)) == 11
    done = [e for e in report["files"] if e["status"] in ("ok", "warning")]
    assert sorted(e["output"] for e in done) == sorted(renamed)
    not_run = [e for e in report["files"] if e["message"] == "not processed: the batch was interrupted"]
    assert not_run and all(e["status"] == "skipped" and e["output"] is None for e in not_run)
    assert "interrupted" in result.stdout

    # and the batch resumes from there
    assert batch(str(tree), "-o", str(out), "--jobs", "1", "--skip-existing").exit_code == 1
    statuses = [e["status"] for e in report_of(out)["files"]]
    assert statuses.count("skipped") == 1 + len(renamed)  # notes.md and the two records kept


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_stops_the_process_pool(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    for i in range(40):
        for stem in STEMS:
            copy(corpus_file(stem, "txt"), inp / f"{i:02d}-{stem}.txt")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ipplan", "batch", str(inp), "-o", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    deadline = time.monotonic() + 60
    while not any(out.glob("*.txt.json")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole group, workers included
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr
    report = report_of(out)
    assert report["stopped"] == "interrupted" and len(report["files"]) == 200
    assert part_files(out) == []
    written = [p for p in out.glob("*.txt.json")]
    assert 0 < len(written) < 200
    for path in written:
        json.loads(path.read_text(encoding="utf-8"))
    done = {e["output"] for e in report["files"] if e["status"] in ("ok", "warning")}
    assert done <= {str(p) for p in written}  # a record is written before it is reported


def test_fail_fast(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    (inp).mkdir()
    (inp / "a-empty.txt").write_bytes(b"")
    copy(corpus_file(LUZHAI, "txt"), inp / "b.txt")
    copy(corpus_file(LIUZHOU, "txt"), inp / "c.txt")
    result = batch(str(inp), "-o", str(tmp_path / "out"), "--jobs", "1", "--fail-fast")
    assert result.exit_code == 1
    report = report_of(tmp_path / "out")
    assert report["stopped"] == "fail-fast"
    assert [e["status"] for e in report["files"]] == ["error", "skipped", "skipped"]
    assert report["files"][1]["message"].startswith("not processed")
    assert not (tmp_path / "out" / "b.txt.json").exists()


def test_all_good_exits_0(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    copy(corpus_file(LIUZHOU, "txt"), inp / "a.txt")
    copy(corpus_file(LUZHAI, "txt"), inp / "b.txt")  # warnings are allowed
    (inp / "README.md").write_text("skipped files are allowed", encoding="utf-8")
    assert batch(str(inp), "-o", str(tmp_path / "out"), "--jobs", "2").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "{inp}"],  # no -o
        ["batch", "{tmp}/missing", "-o", "{tmp}/out"],
        ["batch", "{inp}", "-o", "{tmp}/out", "--jobs", "0"],
        ["batch", "-o", "{tmp}/out"],  # no INPUT
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    inp = copy(corpus_file(LUZHAI, "txt"), tmp_path / "in" / "a.txt").parent
    argv = [a.format(inp=inp, tmp=tmp_path) for a in args]
    assert CliRunner().invoke(cli, argv).exit_code == 2
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------------------ discovery


def test_discovery_skips_what_is_not_a_plan(tmp_path: Path) -> None:
    root = tmp_path / "in"
    plan = copy(corpus_file(LUZHAI, "txt"), root / "Plan.TXT")
    (root / "~$plan.docx").write_bytes(b"lock")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("never entered")
    (root / "link.txt").symlink_to(plan)
    (root / "gone.pdf").symlink_to(root / "missing.pdf")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.txt")
    items = {Path(i.input).name: i for i in discover([str(root)], str(tmp_path / "out"), "json")}
    assert items["Plan.TXT"].verdict is None and items["Plan.TXT"].output == str(
        tmp_path / "out" / "Plan.TXT.json"
    )
    assert "lock file" in items["~$plan.docx"].verdict["message"]
    assert "x.txt" not in items
    assert items["link.txt"].verdict["message"] == f"the same file as {plan}"
    assert items["gone.pdf"].verdict is None  # left to the parser: E101 input-not-found
    if hasattr(os, "mkfifo"):
        assert items["pipe.txt"].verdict["message"] == "not a regular file"


def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    root = tmp_path / "in"
    copy(corpus_file(LUZHAI, "txt"), root / "a" / "plan.txt")
    (root / "a" / "up").symlink_to("..", target_is_directory=True)
    (root / "a" / "self").symlink_to(".", target_is_directory=True)
    (root / "b").symlink_to(root / "a", target_is_directory=True)
    items = discover([str(root), str(root / "a")], str(tmp_path / "out"), "json")
    assert [Path(i.input).relative_to(root).as_posix() for i in items] == ["a/plan.txt"]


def test_worker_returns_a_small_dict(tmp_path: Path) -> None:
    src = corpus_file(LUZHAI, "txt")
    result = process(Job(str(src), str(tmp_path / "o.json")))
    assert set(result) == ENTRY_KEYS
    assert result["status"] == "warning" and result["warnings"] >= 6  # luzhai's lost labels, at least
    assert len(json.dumps(result)) < 1000


# ------------------------------------------------------------------------- a worker that dies


def crash_on_boom(job: Job) -> dict:
    """A pool task that kills its process, as a segfault or the OOM killer would, on boom.txt."""
    from ipplan.batch.worker import process_in_pool

    if Path(job.input).name == "boom.txt":
        os._exit(9)
    return process_in_pool(job)


def test_a_dying_worker_is_blamed_alone(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    names = [f"{i:02d}.txt" for i in range(12)]
    names.insert(5, "boom.txt")
    for name in names:
        copy(corpus_file(LIUZHOU, "txt"), inp / name)
    jobs = [Job(str(inp / n), str(tmp_path / "out" / f"{n}.json")) for n in names]
    outcome = run(jobs, workers=2, task=crash_on_boom)
    assert outcome.stopped is None and len(outcome.results) == len(jobs)
    statuses = {Path(jobs[i].input).name: r["status"] for i, r in outcome.results.items()}
    assert statuses.pop("boom.txt") == "error"
    assert set(statuses.values()) == {"ok"}  # the files in flight with it were re-run, not blamed
    boom = outcome.results[names.index("boom.txt")]
    assert boom["code"] == "E901" and "worker process died" in boom["message"]


def test_an_output_of_the_previous_contract_is_redone(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    src = copy(corpus_file(LUZHAI, "txt"), inp / "luzhai.txt")
    out = tmp_path / "out"
    assert batch(str(inp), "-o", str(out), "--jobs", "1").exit_code == 0
    output = out / "luzhai.txt.json"
    record = json.loads(output.read_text(encoding="utf-8"))
    assert record["source"]["sha256"] == sha256(src)  # the input is unchanged: only the contract differs
    output.write_text(json.dumps({**record, "schema_version": "1.0"}), encoding="utf-8")
    assert batch(str(inp), "-o", str(out), "--jobs", "1", "--skip-existing").exit_code == 0
    (entry,) = report_of(out)["files"]
    assert entry["status"] == "warning" and entry["message"] is None  # parsed again, not skipped
    assert json.loads(output.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


# ------------------------------------------------------------------- --scheduler without Dask


def test_a_scheduler_without_the_dask_extra_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ipplan.cli import main

    src = copy(corpus_file(LUZHAI, "txt"), tmp_path / "in" / "plan.txt")
    monkeypatch.setitem(sys.modules, "distributed", None)  # what an install without the extra has
    with pytest.raises(SystemExit) as info:
        main(["batch", str(src), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:8786"])
    out, err = capsys.readouterr()
    assert info.value.code == 9 and out == ""
    assert err == (
        "ipplan: E501 missing-dependency: --scheduler: running on a Dask cluster needs the dask extra: "
        "pip install 'ipplan[dask]'\n"
    )
    assert not (tmp_path / "out").exists()


def test_the_local_pool_imports_no_dask(tmp_path: Path) -> None:
    src = copy(corpus_file(LUZHAI, "txt"), tmp_path / "in" / "plan.txt")
    code = (
        "import sys\nfrom ipplan.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n    rc = exc.code\n"
        "print(rc, sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'tornado'}))"
    )
    env = {k: v for k, v in os.environ.items() if k != "IPPLAN_SCHEDULER"}
    for jobs in ("1", "2"):
        argv = ["batch", str(src), "-o", str(tmp_path / "out"), "--jobs", jobs]
        done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env)
        assert done.stdout.splitlines()[-1] == "0 []", done.stderr


def test_a_worker_sent_the_bytes_never_opens_the_path(tmp_path: Path) -> None:
    """What a cluster worker runs: the input's name travels with its bytes; no file is read or
    written there (no shared file system), and the client's write gives the local result."""
    from ipplan.batch.worker import process_sent, write_sent

    src = corpus_file(LUZHAI, "txt")
    job = Job("/nowhere/on/this/worker/luzhai.txt", str(tmp_path / "out" / "luzhai.txt.json"))
    sent = process_sent(job, src.read_bytes())
    assert not (tmp_path / "out").exists()  # nothing written on the worker's side
    assert set(sent) == ENTRY_KEYS | {"outputs", "ipplan_version"}
    (text,) = sent["outputs"].values()
    record = json.loads(text)
    assert record["source"]["path"] == job.input and record["source"]["sha256"] == sha256(src)

    local = process(Job(str(src), str(tmp_path / "local.json")))
    written = write_sent(job, sent)
    assert set(written) == ENTRY_KEYS
    assert {k: v for k, v in written.items() if k not in ("input", "output", "seconds")} == {
        k: v for k, v in local.items() if k not in ("input", "output", "seconds")
    }
    assert json.loads(Path(job.output).read_text(encoding="utf-8")) == record

    broken = process_sent(job, b"")  # an error travels back as a result, never an exception
    assert (broken["status"], broken["code"], "outputs" in broken) == ("error", "E103", False)
