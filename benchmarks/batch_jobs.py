"""How much `ipplan batch --jobs 2` gains over `--jobs 1` on a folder of 100 plans.

    python benchmarks/batch_jobs.py [--files 100] [--runs 3] [--corpus PATH] [--formats docx,pdf,html,txt]

The folder is built from the corpus (files cycled until there are --files of them), then the two
settings run as whole processes in alternating order, so that a machine getting busier or
quieter mid-run moves both. The budget (issue: folders of plans) is a speed-up of at least 1.6x
on a 2-core machine. Exit status 1 when it fails, unless --no-fail.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

BUDGET = 1.6
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def build_folder(corpus: Path, formats: list[str], count: int, into: Path) -> None:
    sources = sorted(p for fmt in formats for p in (corpus / fmt).glob("*") if p.is_file())
    if not sources:
        raise SystemExit(f"no corpus files under {corpus} for {formats}")
    for k, src in enumerate(islice(cycle(sources), count)):
        shutil.copyfile(src, into / f"{k:03d}-{src.name}")


def run_batch(folder: Path, out: Path, jobs: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "ipplan", "batch", str(folder), "-o", str(out), "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0,):
        raise SystemExit(f"batch --jobs {jobs} exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--formats", default="docx,pdf,html,txt")
    ap.add_argument("--no-fail", action="store_true")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="ipplan-batch-bench-") as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        build_folder(args.corpus, args.formats.split(","), args.files, folder)
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(args.runs):
            for jobs in (1, 2):
                times[jobs].append(run_batch(folder, out, jobs))
    one, two = statistics.median(times[1]), statistics.median(times[2])
    speedup = one / two
    verdict = "PASS" if speedup >= BUDGET else "FAIL"
    print(f"{args.files} files ({args.formats}), median of {args.runs} runs")
    print(f"  --jobs 1  {one:7.2f} s   runs: {', '.join(f'{t:.2f}' for t in times[1])}")
    print(f"  --jobs 2  {two:7.2f} s   runs: {', '.join(f'{t:.2f}' for t in times[2])}")
    print(f"  speed-up  {speedup:7.2f}x  budget >= {BUDGET}x  {verdict}")
    return 0 if verdict == "PASS" or args.no_fail else 1


if __name__ == "__main__":
    raise SystemExit(main())
