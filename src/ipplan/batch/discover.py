"""From INPUT paths to the list of files a batch handles, each with where its record goes.

Folders are walked recursively in name order (so reports are reproducible). Symlinked folders
are followed, but each real folder is entered once, so a symlink loop cannot hang the walk.
Outputs mirror the tree below each INPUT folder and keep the source extension
(``a/b/plan.docx`` → ``OUTDIR/a/b/plan.docx.json``), so plan.docx and plan.pdf never collide.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ipplan.batch import REPORT_NAME
from ipplan.convert import EXTENSIONS as CONVERTED_EXTENSIONS

# .doc .wps .odt .rtf are read through LibreOffice (ipplan.convert): listed, and failed with the
# reason where LibreOffice is missing, never skipped as "not a plan"
PLAN_EXTENSIONS = frozenset({".txt", ".docx", ".pdf", ".html", ".htm"}) | CONVERTED_EXTENSIONS
# What a previous batch left in OUTDIR: never listed as inputs when OUTDIR lies inside an INPUT.
_ARTIFACT = re.compile(
    r".+\.(txt|docx|pdf|html?|doc|wps|odt|rtf)\.(json|yaml)$|^\..+\.part$|^ipplan-[a-z]+\.(csv|xlsx)$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Item:
    """One input of the batch.

    ``output`` is where its record is written; ``verdict`` is set when discovery already decided
    the outcome (a skipped non-plan file, an output collision), so the file is never parsed.
    """

    input: str
    output: str | None
    verdict: dict | None = None


def verdict(status: str, message: str, code: str | None = None, error: str | None = None) -> dict:
    """A result decided without parsing, in the same shape a worker returns."""
    return {"status": status, "code": code, "error": error, "message": message}


def discover(inputs: Sequence[str], outdir: str, fmt: str) -> list[Item]:
    """Every file under ``inputs`` in walk order, each once, with its output path or verdict."""
    out_root = Path(outdir)
    out_real = os.path.realpath(out_root)
    seen_dirs: set[str] = set()
    seen_files: dict[str, str] = {}  # real path → input path it was first listed as
    outputs: dict[str, str] = {}  # output path → input path that claimed it
    items: list[Item] = []

    for raw in inputs:
        root = Path(raw)
        # a folder mirrors below OUTDIR; a file named as an INPUT lands at OUTDIR's top
        found = walk(root, seen_dirs, out_real) if root.is_dir() else iter([(root, Path(root.name), None)])
        for path, rel, problem in found:
            items.append(_item(path, rel, problem, out_root, fmt, seen_files, outputs))

    _guard_inputs(items, seen_files)
    return items


def _item(
    path: Path,
    rel: Path,
    problem: OSError | None,
    out_root: Path,
    fmt: str,
    seen_files: dict[str, str],
    outputs: dict[str, str],
) -> Item:
    name = str(path)
    if problem is not None:
        why = problem.strerror or str(problem)
        return Item(name, None, verdict("error", f"folder cannot be read: {why}", "E102", "input-unreadable"))
    if path.name.startswith("~$"):
        return Item(name, None, verdict("skipped", "an Office lock file, not a document"))
    if path.suffix.lower() not in PLAN_EXTENSIONS:
        return Item(name, None, verdict("skipped", f"not a plan format ({path.suffix or 'no extension'})"))
    if not _regular_or_dangling(path):
        return Item(name, None, verdict("skipped", "not a regular file"))
    real = os.path.realpath(path)
    if real in seen_files:
        return Item(name, None, verdict("skipped", f"the same file as {seen_files[real]}"))
    seen_files[real] = name
    output = str(out_root / rel.parent / f"{rel.name}.{fmt}")
    if output in outputs:
        message = f"its output {output} is also the output of {outputs[output]}"
        return Item(name, output, verdict("error", message, "E401", "output-error"))
    outputs[output] = name
    return Item(name, output)


def _guard_inputs(items: list[Item], seen_files: dict[str, str]) -> None:
    """Never write a record onto an input (e.g. an output path that is a link to one)."""
    for item in items:
        if item.verdict is None and item.output and os.path.realpath(item.output) in seen_files:
            message = f"its output {item.output} is an input file: refusing to overwrite it"
            item.verdict = verdict("error", message, "E401", "output-error")


def _regular_or_dangling(path: Path) -> bool:
    """A regular file, or a dangling link (left for the parser to report as not found).

    A FIFO or device named plan.txt would block or stream forever if opened.
    """
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        return path.is_symlink()
    except OSError:
        return True  # unreadable: the parser reports it with its error code


def walk(
    root: Path, seen_dirs: set[str] | None = None, out_real: str | None = None
) -> Iterator[tuple[Path, Path, OSError | None]]:
    """(file, path relative to root, None), or (folder, rel, error) for a folder that cannot be read.

    Hidden folders (.git, .venv) are not entered; previous batch outputs inside OUTDIR are not listed.
    """
    seen_dirs = set() if seen_dirs is None else seen_dirs
    stack = [root]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen_dirs:
            continue  # a symlink loop, or a folder reached twice
        seen_dirs.add(real)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield folder, folder.relative_to(root), exc
            continue
        in_outdir = out_real is not None and (real == out_real or real.startswith(out_real + os.sep))
        subfolders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            if _is_dir(entry):
                if not entry.name.startswith("."):
                    subfolders.append(path)
            elif not (in_outdir and (entry.name == REPORT_NAME or _ARTIFACT.match(entry.name))):
                yield path, path.relative_to(root), None
        stack.extend(reversed(subfolders))


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False
