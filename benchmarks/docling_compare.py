#!/usr/bin/env python3
"""ipplan beside docling on the corpus .docx files (the optional ``bench`` extra).

docling is a general document converter (layout and table models, Markdown/JSON export); ipplan
reads one genre into typed records. The comparison is only of cost: median seconds per file,
each tool warmed up first (imports done, converter built), then run ``--runs`` times per file.

    pip install 'ipplan[bench]'          # docling, which brings torch: several GB
    python benchmarks/docling_compare.py [--runs 5] [--corpus DIR] [--json OUT]

Without docling installed this prints how to install it and exits 0.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _timed(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", type=Path, metavar="OUT")
    args = ap.parse_args(argv)

    start = time.perf_counter()
    try:
        from docling.document_converter import DocumentConverter
    except ImportError as exc:
        print(f"docling is not installed ({exc}).")
        print("Install the comparison extra and run again:  pip install 'ipplan[bench]'")
        print("(docling brings torch and its models' dependencies: several GB.)")
        return 0
    converter = DocumentConverter()
    docling_setup = time.perf_counter() - start

    from ipplan.api import parse

    files = sorted((args.corpus / "docx").glob("*.docx"))
    if not files:
        ap.error(f"no .docx files under {args.corpus / 'docx'}")
    converter.convert(files[0])  # warm-up: backends and pipelines built on first use
    parse(files[0])
    rows = []
    print(f"docling import and converter: {docling_setup:.2f} s (once per process)\n")
    print(f"{'file':40} {'ipplan s':>9} {'docling s':>10} {'docling/ipplan':>15}")
    for path in files:
        ours = statistics.median(_timed(lambda p=path: parse(p), args.runs))
        theirs = statistics.median(_timed(lambda p=path: converter.convert(p), args.runs))
        rows.append({"file": path.name, "ipplan_s": ours, "docling_s": theirs, "ratio": theirs / ours})
        print(f"{path.name:40} {ours:9.4f} {theirs:10.4f} {theirs / ours:14.1f}×", flush=True)
    if args.json:
        args.json.write_text(
            json.dumps({"docling_setup_s": docling_setup, "files": rows}, indent=2) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
