"""`ipplan batch --scheduler` on Dask clusters of 1 and 2 workers against the local pool.

    python benchmarks/batch_dask.py [--files 100] [--runs 3] [--corpus PATH] [--formats docx,pdf,html,txt]
                                    [--small 1000]

Needs the dask extra (pip install 'ipplan[dask]'). The folder is built as benchmarks/batch_jobs.py
builds it (the corpus files cycled). Two clusters are started with the `dask` command line on
loopback, as an operator would start them (`dask scheduler`, `dask worker --nworkers N
--nthreads 1`), and stay up for the whole run, warm, as a real cluster is. Four settings run as
whole `ipplan batch` processes, interleaved, after one warm-up each: `--jobs 1`, `--jobs 2`,
`--scheduler` with 1 worker, `--scheduler` with 2 workers. Every setting's outputs are checked
identical to `--jobs 2`'s. `--small N` also times N tiny text plans on 2 workers: a file that
costs the workers next to nothing shows what the client itself costs per file (read, send,
receive, write). Prints the table docs/scale.md quotes; measures, asserts nothing.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_jobs import DEFAULT_CORPUS, build_folder

DASK = [str(Path(sys.executable).with_name("dask"))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A scheduler and N single-threaded workers from the dask command line, on loopback."""

    def __init__(self, workers: int, log: Path):
        self.address = f"tcp://127.0.0.1:{free_port()}"
        self.log = open(log, "ab")  # noqa: SIM115 - closed in close()
        port = self.address.rsplit(":", 1)[1]
        self.procs = [
            subprocess.Popen(
                [*DASK, "scheduler", "--host", "127.0.0.1", "--port", port, "--dashboard-address", ":0"],
                stdout=self.log,
                stderr=subprocess.STDOUT,
            )
        ]
        self.procs.append(
            subprocess.Popen(
                [
                    *DASK,
                    "worker",
                    self.address,
                    "--nworkers",
                    str(workers),
                    "--nthreads",
                    "1",
                    "--no-dashboard",
                ],
                stdout=self.log,
                stderr=subprocess.STDOUT,
            )
        )
        from distributed import Client

        with Client(self.address, timeout=120, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=120)

    def close(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.log.close()


def run_batch(folder: Path, out: Path, args: list[str]) -> float:
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "ipplan", "batch", str(folder), "-o", str(out), *args]
    env = {k: v for k, v in os.environ.items() if k != "IPPLAN_SCHEDULER"}
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"batch {' '.join(args)} exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return elapsed


def same_outputs(a: Path, b: Path) -> bool:
    names = sorted(p.relative_to(a) for p in a.rglob("*.json") if p.name != "ipplan-report.json")
    other = sorted(p.relative_to(b) for p in b.rglob("*.json") if p.name != "ipplan-report.json")
    if names != other:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, [str(n) for n in names], shallow=False)
    return not mismatch and not errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--formats", default="docx,pdf,html,txt")
    ap.add_argument(
        "--small", type=int, default=1000, help="tiny text plans for the client's own cost (0: skip)"
    )
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="ipplan-dask-bench-") as tmp:
        root = Path(tmp)
        folder = root / "in"
        folder.mkdir()
        build_folder(args.corpus, args.formats.split(","), args.files, folder)
        one, two = Cluster(1, root / "dask.log"), Cluster(2, root / "dask.log")
        try:
            settings = {
                "--jobs 1 (local)": ["--jobs", "1"],
                "--jobs 2 (local)": ["--jobs", "2"],
                "dask, 1 worker": ["--scheduler", one.address],
                "dask, 2 workers": ["--scheduler", two.address],
            }
            times: dict[str, list[float]] = {name: [] for name in settings}
            identical: dict[str, bool] = {}
            for name, argv in settings.items():  # warm-up, and the outputs kept for comparison
                run_batch(folder, root / name.replace(" ", "_"), argv)
            for name in settings:
                identical[name] = same_outputs(root / "--jobs_2_(local)", root / name.replace(" ", "_"))
            for _ in range(args.runs):
                for name, argv in settings.items():
                    times[name].append(run_batch(folder, root / "out", argv))
            small = None
            if args.small:
                tiny = root / "tiny"
                tiny.mkdir()
                text = "某县知识产权强县建设工作方案\n\n一、总体要求\n（一）加强知识产权保护。\n"
                for k in range(args.small):
                    (tiny / f"{k:05d}.txt").write_text(text + f"第{k}号\n", encoding="utf-8")
                run_batch(tiny, root / "tiny-out", ["--scheduler", two.address])  # warm-up
                small = {
                    "dask, 2 workers": run_batch(tiny, root / "tiny-out", ["--scheduler", two.address]),
                    "--jobs 1 (local)": run_batch(tiny, root / "tiny-out", ["--jobs", "1"]),
                }
        finally:
            one.close()
            two.close()

    base = statistics.median(times["--jobs 1 (local)"])
    print(f"{args.files} files ({args.formats}), whole `ipplan batch` processes, median of {args.runs} runs")
    print(f"  {'setting':18} {'seconds':>8} {'files/s':>8} {'vs --jobs 1':>11}  same outputs as --jobs 2")
    for name, runs in times.items():
        median = statistics.median(runs)
        print(
            f"  {name:18} {median:8.2f} {args.files / median:8.1f} {base / median:10.2f}x  "
            f"{'yes' if identical[name] else 'NO'}   runs: {', '.join(f'{t:.2f}' for t in runs)}"
        )
    if small:
        print(f"{args.small} tiny text plans (the client's own cost per file)")
        for name, seconds in small.items():
            print(f"  {name:18} {seconds:8.2f} {args.small / seconds:8.1f} files/s")
    print(json.dumps({"times": times, "small": small}))
    return 0 if all(identical.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
