#!/usr/bin/env python3
"""How much does ipplan cost beyond just reading the file? Whole processes, side by side.

For every file of the corpus this prints the median wall time of ``ipplan parse FILE --format json``
(a whole process, output to /dev/null) beside the *floor* for its format, also a whole process:

* docx: python-docx opens the file and reads every paragraph and every table cell;
* pdf:  pdfplumber extracts the text of every page and finds its tables;
* txt, html: Python reads the bytes and decodes them.

The two commands run interleaved (A B A B …) after one warm-up each, so a machine that gets
busier or quieter mid-run moves both. Then, in this process, the batch path: ``ipplan.api.parse``
called repeatedly after a warm-up (median ms per file), the scaling check (a txt made 16× larger by
repeating its task section must cost at most 20× the original), and ``ipplan --version`` against
``python -c "import click"``.

For PDFs, in this process too: ipplan's whole parse beside pdfplumber's reading of the same file
(the text and the tables of every page), interleaved; and OCR: a scan made of a corpus PDF's first
pages (tests/scanner.py: 200 dpi, a slight turn, grey paper, speckle) parsed with the OCR extra,
in seconds per scanned page.

Budgets (exit status 1 when one fails, unless --no-fail):

    docx ≤ 1.6× its floor   pdf ≤ 1.3× its floor   txt16 ≤ 20×   --version ≤ 1.5× import click
    pdf in-process: median over the corpus PDFs of ipplan / pdfplumber reading ≤ 0.35×

pdfplumber is not one of ipplan's dependencies (the bench extra has it); without it the PDF
floors are skipped. Without the OCR extra the OCR timing is skipped.

Usage:  python benchmarks/run.py [--runs 7] [--corpus DIR] [--json OUT] [--no-fail] [--stress] [--startup]
                                [--ocr-pages 2]

Plain script: the standard library and ipplan's own dependencies only.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FORMATS = ("docx", "pdf", "txt", "html")
SUFFIXES = {".docx": "docx", ".pdf": "pdf", ".txt": "txt", ".html": "html", ".htm": "html"}

# The floor: the least a program must do to have read the file in that format.
FLOOR_CODE = {
    "docx": (
        "import sys, docx\n"
        "d = docx.Document(sys.argv[1])\n"
        "n = sum(len(p.text) for p in d.paragraphs)\n"
        "n += sum(len(c.text) for t in d.tables for r in t.rows for c in r.cells)\n"
    ),
    "pdf": (
        "import sys, pdfplumber\n"
        "with pdfplumber.open(sys.argv[1]) as pdf:\n"
        "    for page in pdf.pages:\n"
        "        page.extract_text()\n"
        "        page.find_tables()\n"
    ),
    "txt": "import sys\nopen(sys.argv[1], 'rb').read().decode('utf-8', 'replace')\n",
    "html": "import sys\nopen(sys.argv[1], 'rb').read().decode('utf-8', 'replace')\n",
}
BUDGETS = {"docx": 1.6, "pdf": 1.3}
PDF_IN_PROCESS_BUDGET = 0.35
TXT16_BUDGET = 20.0
VERSION_BUDGET = 1.5
SCALE = 16


@dataclass
class Row:
    name: str
    measured: str
    value: float
    budget: float | None = None
    unit: str = "×"

    @property
    def ok(self) -> bool | None:
        return None if self.budget is None else self.value <= self.budget


@dataclass
class Report:
    machine: dict
    settings: dict
    files: list[dict] = field(default_factory=list)
    in_process: list[dict] = field(default_factory=list)
    pdf_in_process: list[dict] = field(default_factory=list)
    ocr: dict = field(default_factory=dict)
    scaling: list[dict] = field(default_factory=list)
    startup: dict = field(default_factory=dict)
    budgets: list[dict] = field(default_factory=list)


# --- measuring ------------------------------------------------------------------------------------


def child_env(pycache: Path | None) -> dict[str, str]:
    """The environment of every measured process.

    An installed package runs from compiled bytecode; an environment that forbids writing it
    (PYTHONDONTWRITEBYTECODE) would charge ipplan for recompiling its own sources on every run.
    Both sides get the same private bytecode cache, filled by the warm-up runs.
    """
    env = dict(os.environ)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def run_once(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"{' '.join(cmd[:6])} exited {proc.returncode}: {err[-1] if err else ''}")
    return elapsed


def side_by_side(
    a: list[str], b: list[str], runs: int, env: dict[str, str]
) -> tuple[list[float], list[float]]:
    """Wall times of two commands, one warm-up each, then A B A B … interleaved."""
    run_once(a, env)
    run_once(b, env)
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(runs):
        ta.append(run_once(a, env))
        tb.append(run_once(b, env))
    return ta, tb


def in_process(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm-up: imports, jieba's dictionary, compiled patterns
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


# --- inputs -----------------------------------------------------------------------------------------


def corpus_files(corpus: Path, only: str | None) -> list[tuple[str, Path]]:
    out = []
    for fmt in FORMATS:
        folder = corpus / fmt
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if SUFFIXES.get(path.suffix.lower()) == fmt and (only is None or only in path.name):
                out.append((fmt, path))
    return out


def scaled_txt(path: Path, out_dir: Path, factor: int = SCALE) -> Path:
    """``path`` made ``factor``× larger by repeating its main task section, so it stays a plan.

    The section's lines are found from ipplan's own reading of the file (the task section's
    heading and the next level-1 heading). In a plan exported as one line the section shares its
    line with everything else: that line's text is repeated on the line itself.
    """
    from ipplan.api import parse
    from ipplan.parsers.txt import decode

    data = path.read_bytes()
    text, codec, _ = decode(data)
    lines = text.splitlines(keepends=True)
    plan = parse(path)
    start = end = None
    if plan.tasks:
        number = plan.tasks[0].path[0]
        heads = [s.source.line for s in plan.sections if s.source.line is not None]
        head = next((s.source.line for s in plan.sections if s.number == number), None)
        later = [ln for ln in heads if head is not None and ln > head]
        if head is not None and later:
            start, end = head, min(later) - 1  # 0-based slice [head, next heading - 1)
        elif head is not None:
            start, end = head, len(lines)
    if start is None or end is None or end <= start:
        # one line holds the body: repeat that line's text in place
        k = max(range(len(lines)), key=lambda i: len(lines[i]))
        body = lines[k].rstrip("\r\n")
        ending = lines[k][len(body) :]
        copies = _copies(len(text), len(body), factor)
        new = "".join(lines[:k]) + body * copies + ending + "".join(lines[k + 1 :])
    else:
        section = "".join(lines[start:end])
        copies = _copies(len(text), len(section), factor)
        new = "".join(lines[:start]) + section * copies + "".join(lines[end:])
    codec = {"utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(codec, codec)
    target = out_dir / f"{path.stem}.x{factor}.txt"
    target.write_bytes(new.encode(codec))
    return target


def _copies(total: int, part: int, factor: int) -> int:
    """How many copies of ``part`` make ``total`` (which holds one) ``factor`` times as large."""
    return max(1, math.ceil(((factor - 1) * total + part) / max(part, 1)))


def one_line_txt(path: Path, out_dir: Path, megabytes: float) -> Path:
    """A plan exported as one line (every line break dropped), repeated to ``megabytes``."""
    from ipplan.parsers.txt import decode

    text, _, _ = decode(path.read_bytes())
    line = "".join(text.split())
    size = len(line.encode("utf-8"))
    copies = max(1, math.ceil(megabytes * 1024 * 1024 / size))
    target = out_dir / f"{path.stem}.oneline-{megabytes:g}MB.txt"
    target.write_text(line * copies + "\n", encoding="utf-8")
    return target


# --- machine --------------------------------------------------------------------------------------


def machine() -> dict:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "loadavg_at_start": load,
    }


# --- the run --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder with docx/ pdf/ txt/ html/")
    ap.add_argument("--runs", type=int, default=7, help="measured runs of each command (median reported)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also save the figures here")
    ap.add_argument("--no-fail", action="store_true", help="exit 0 even when a budget fails")
    ap.add_argument("--only", metavar="TEXT", help="only corpus files whose name contains TEXT")
    ap.add_argument(
        "--stress", action="store_true", help="also time a plan exported as one 20 MB line (and 1/16 of it)"
    )
    ap.add_argument(
        "--startup", action="store_true", help="also show where a process's fixed cost goes, import by import"
    )
    ap.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="run the processes in this environment as is (by default they share a private bytecode "
        "cache, so that PYTHONDONTWRITEBYTECODE does not charge ipplan for compiling its sources)",
    )
    ap.add_argument(
        "--ocr-pages",
        type=int,
        default=2,
        metavar="N",
        help="scan the first N pages of the first corpus PDF and time their OCR (0: skip)",
    )
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    files = corpus_files(args.corpus, args.only)
    if not files:
        ap.error(f"no corpus files under {args.corpus}")

    tmp = Path(tempfile.mkdtemp(prefix="ipplan-bench-"))
    pycache = None if args.no_bytecode_cache else tmp / "pycache"
    env = child_env(pycache)
    py = sys.executable
    report = Report(
        machine=machine(),
        settings={
            "runs": args.runs,
            "corpus": str(args.corpus),
            "bytecode_cache": "private" if pycache else "environment as is",
            "python_executable": py,
        },
    )
    rows: list[Row] = []
    m = report.machine
    print(f"machine: {m['nproc']} cpu, {m['cpu']}, Python {m['python']}; load {_load(m['loadavg_at_start'])}")
    print(f"runs: {args.runs} of each command (median), A B A B interleaved after one warm-up each\n")

    # 1. whole processes: ipplan parse beside the floor of the file's format
    print(f"{'file':44} {'ipplan s':>9} {'floor s':>9} {'ratio':>7}  budget")
    has_pdfplumber = _importable("pdfplumber")
    for fmt, path in files:
        if fmt == "pdf" and not has_pdfplumber:
            print(f"{fmt + '/' + path.name:44} skipped: the floor needs pdfplumber (pip install pdfplumber)")
            continue
        cmd = [py, "-m", "ipplan", "parse", str(path), "--format", "json"]
        floor = [py, "-c", FLOOR_CODE[fmt], str(path)]
        ta, tb = side_by_side(cmd, floor, args.runs, env)
        a, b = statistics.median(ta), statistics.median(tb)
        ratio = a / b
        budget = BUDGETS.get(fmt)
        name = f"{fmt}/{path.name}"
        report.files.append(
            {
                "file": name,
                "format": fmt,
                "ipplan_s": a,
                "floor_s": b,
                "ratio": ratio,
                "budget": budget,
                "ipplan_runs": ta,
                "floor_runs": tb,
            }
        )
        mark = "" if budget is None else f"≤{budget:.1f}× {'PASS' if ratio <= budget else 'FAIL'}"
        print(f"{name:44} {a:9.3f} {b:9.3f} {ratio:6.2f}×  {mark}", flush=True)
        if budget is not None:
            rows.append(Row(f"{name} vs floor", "whole process", ratio, budget))

    # 2. ipplan --version beside import click
    ta, tb = side_by_side([py, "-m", "ipplan", "--version"], [py, "-c", "import click"], args.runs, env)
    a, b = statistics.median(ta), statistics.median(tb)
    report.startup = {"version_s": a, "import_click_s": b, "ratio": a / b, "budget": VERSION_BUDGET}
    print(f"\n{'ipplan --version':44} {a:9.3f} {b:9.3f} {a / b:6.2f}×  (floor: python -c 'import click')")
    rows.append(Row("ipplan --version vs import click", "whole process", a / b, VERSION_BUDGET))

    # 3. the batch path: ipplan.api.parse again and again in one process
    from ipplan.api import parse

    print(f"\n{'in-process ipplan.api.parse (batch path)':44} {'median ms':>9}")
    for fmt, path in files:
        times = in_process(lambda p=path: parse(p), args.runs)
        ms = statistics.median(times) * 1000
        report.in_process.append(
            {"file": f"{fmt}/{path.name}", "median_ms": ms, "runs_ms": [t * 1000 for t in times]}
        )
        print(f"{fmt + '/' + path.name:44} {ms:9.1f}", flush=True)
    total = sum(r["median_ms"] for r in report.in_process)
    rate = len(files) / total * 1000
    print(f"{'all files, one after another':44} {total:9.1f}  ({rate:.0f} files/s on one core)")

    # 3b. PDFs: ipplan's whole parse beside pdfplumber's reading, in this process
    pdfs = [path for fmt, path in files if fmt == "pdf"]
    if pdfs and has_pdfplumber:
        rows.append(pdf_in_process(report, pdfs, args.runs, parse))
    elif pdfs:
        print("\nPDF in-process comparison skipped: it needs pdfplumber (pip install pdfplumber)")
    if pdfs and args.ocr_pages > 0:
        ocr_seconds(report, pdfs[0], args.ocr_pages)

    # 4. scaling: the same plan 16× larger costs at most 20× (no quadratic step)
    print(f"\n{'scaling (in-process)':44} {'1× ms':>9} {f'{SCALE}× ms':>9} {'ratio':>7}  budget")
    for fmt, path in files:
        if fmt != "txt":
            continue
        big = scaled_txt(path, tmp)
        rows.append(_scaling(report, f"txt{SCALE} {path.name}", path, big, args.runs, TXT16_BUDGET, parse))
    if args.stress:
        txts = [p for f, p in files if f == "txt"]
        if txts:
            src = max(txts, key=lambda p: p.stat().st_size)
            big = one_line_txt(src, tmp, 20)
            small = one_line_txt(src, tmp, 20 / SCALE)
            rows.append(
                _scaling(report, f"one line 20 MB vs {20 / SCALE:g} MB", small, big, 1, TXT16_BUDGET, parse)
            )

    if args.startup:
        docx_files = [p for f, p in files if f == "docx"]
        report.startup["steps"] = startup_steps(py, env, args.runs, docx_files[0] if docx_files else None)

    # 5. the budgets
    report.budgets = [asdict(r) | {"ok": r.ok} for r in rows]
    print(f"\n{'budget':58} {'measured':>9} {'limit':>7}  result")
    for r in rows:
        print(f"{r.name:58} {r.value:8.2f}{r.unit} {r.budget:6.2f}{r.unit}  {'PASS' if r.ok else 'FAIL'}")
    failed = [r for r in rows if r.ok is False]
    print(
        f"\n{len(rows) - len(failed)} of {len(rows)} budgets held"
        + (f"; {len(failed)} failed" if failed else "")
    )
    report.machine["loadavg_at_end"] = _loadavg()
    print(f"load at the end: {_load(report.machine['loadavg_at_end'])}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(asdict(report), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"figures saved to {args.json}")
    return 1 if failed and not args.no_fail else 0


STARTUP_STEPS = [
    ("python -c pass", "pass"),
    ("+ import click", "import click"),
    ("+ import pydantic", "import click, pydantic"),
    ("+ import ipplan.schema (models built)", "import click, ipplan.schema"),
    ("+ ipplan.api, ipplan.extract", "import click, ipplan.schema, ipplan.api, ipplan.extract"),
    (
        "+ cli, parse command, docx reader, writers",
        "import ipplan.cli, ipplan.api, ipplan.extract, ipplan.commands.parse, ipplan.parsers.docx, "
        "ipplan.writers",
    ),
]


def startup_steps(py: str, env: dict[str, str], runs: int, docx: Path | None) -> list[dict]:
    """Whole processes that import a little more each time: where a process's fixed cost goes."""
    steps = [(name, [py, "-c", code]) for name, code in STARTUP_STEPS]
    if docx is not None:
        steps.append((f"ipplan parse {docx.name}", [py, "-m", "ipplan", "parse", str(docx)]))
        steps.append((f"floor: python-docx reads {docx.name}", [py, "-c", FLOOR_CODE["docx"], str(docx)]))
    for _, cmd in steps:
        run_once(cmd, env)
    times: list[list[float]] = [[] for _ in steps]
    for _ in range(runs):
        for k, (_, cmd) in enumerate(steps):
            times[k].append(run_once(cmd, env))
    print(f"\n{'where a process goes (whole processes, median)':56} {'ms':>7}")
    out = []
    for (name, _), ts in zip(steps, times, strict=True):
        ms = statistics.median(ts) * 1000
        out.append({"step": name, "median_ms": ms})
        print(f"{name:56} {ms:7.1f}")
    return out


def _importable(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def pdfplumber_reads(path: Path) -> None:
    """What pdfplumber does to have read a PDF: the text and the tables of every page."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.find_tables()


def pdf_in_process(report: Report, pdfs: list[Path], runs: int, parse) -> Row:
    """ipplan.api.parse beside pdfplumber's reading of each PDF, interleaved in this process."""
    print(f"\n{'PDF in-process: ipplan parse vs pdfplumber':44} {'ipplan ms':>9} {'plumber':>9} {'ratio':>7}")
    ratios = []
    for path in pdfs:
        parse(path)
        pdfplumber_reads(path)
        ta: list[float] = []
        tb: list[float] = []
        for _ in range(runs):
            for fn, sink in ((lambda p=path: parse(p), ta), (lambda p=path: pdfplumber_reads(p), tb)):
                gc.collect()
                start = time.perf_counter()
                fn()
                sink.append(time.perf_counter() - start)
        a, b = statistics.median(ta), statistics.median(tb)
        ratios.append(a / b)
        report.pdf_in_process.append(
            {"file": f"pdf/{path.name}", "ipplan_ms": a * 1000, "pdfplumber_ms": b * 1000, "ratio": a / b}
        )
        print(f"{'pdf/' + path.name:44} {a * 1000:9.1f} {b * 1000:9.1f} {a / b:6.3f}×", flush=True)
    median = statistics.median(ratios)
    print(f"{'median over the PDFs':44} {'':9} {'':9} {median:6.3f}×  ≤{PDF_IN_PROCESS_BUDGET}×")
    return Row("pdf in-process, median ipplan / pdfplumber", "in-process", median, PDF_IN_PROCESS_BUDGET)


def ocr_seconds(report: Report, source: Path, pages: int) -> None:
    """Seconds per page of OCR: the first ``pages`` pages of ``source`` scanned and parsed."""
    from ipplan.parsers.pdf import ocr

    if not ocr.available():
        print("\nOCR timing skipped: it needs the OCR extra (pip install 'ipplan[ocr]')")
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from ipplan.api import parse_bytes
    from scanner import scan_pdf

    data = source.read_bytes()
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    count = min(pages, len(document))
    document.close()
    scan = scan_pdf(data, pages=range(1, count + 1), seed=1)
    start = time.perf_counter()
    ocr.engine()
    load = time.perf_counter() - start
    start = time.perf_counter()
    cpu = time.process_time()
    plan = parse_bytes(scan, f"scan-of-{source.name}")
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    read = [w for w in plan.warnings if w.code == "ocr-used"]
    report.ocr = {
        "source": source.name,
        "pages": count,
        "engine_load_s": load,
        "seconds_per_page": wall / count,
        "cpu_seconds_per_page": used / count,
        "threads": os.environ.get("IPPLAN_OCR_THREADS", "ONNX Runtime's default"),
    }
    print(f"\nOCR: {count} scanned pages of {source.name} (engine loaded once: {load:.1f} s)")
    print(f"{'seconds per OCR page (wall / CPU)':44} {wall / count:9.2f} {used / count:9.2f}")
    if read:
        print(f"{'':44} {read[0].message}")


def _scaling(report: Report, name: str, small: Path, big: Path, runs: int, budget: float, parse) -> Row:
    parse(small)
    parse(big)
    ts: list[float] = []
    tb: list[float] = []
    for _ in range(runs):
        for target, sink in ((small, ts), (big, tb)):
            gc.collect()
            start = time.perf_counter()
            parse(target)
            sink.append(time.perf_counter() - start)
    a, b = statistics.median(ts), statistics.median(tb)
    ratio = b / a
    size_ratio = big.stat().st_size / small.stat().st_size
    report.scaling.append(
        {
            "name": name,
            "small_ms": a * 1000,
            "big_ms": b * 1000,
            "ratio": ratio,
            "size_ratio": size_ratio,
            "budget": budget,
        }
    )
    print(
        f"{name:44} {a * 1000:9.1f} {b * 1000:9.1f} {ratio:6.1f}×  ≤{budget:g}× (size {size_ratio:.1f}×)",
        flush=True,
    )
    return Row(name, "in-process", ratio, budget)


def _loadavg():
    try:
        return os.getloadavg()
    except OSError:
        return None


def _load(load) -> str:
    return "unknown" if not load else " ".join(f"{x:.2f}" for x in load)


if __name__ == "__main__":
    sys.exit(main())
