"""One file of a batch: parse it, write its record atomically, return a small result dict.

The functions here are top-level so that a ``spawn`` process pool can pickle them. A worker
returns a few counts, never the Plan, so results stay small however large the batch is.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import time
from dataclasses import dataclass

from ipplan.errors import IpplanError

COUNTS = ("indicators", "tasks", "targets", "warnings")


@dataclass(frozen=True, slots=True)
class Job:
    """What a worker needs: plain strings and flags, cheap to pickle."""

    input: str
    output: str
    fmt: str = "json"
    skip_existing: bool = False
    ocr: str = "auto"  # how a PDF's scanned pages are read (ipplan.api.OCR_MODES)


def result(job: Job, status: str, seconds: float = 0.0, **fields: object) -> dict:
    """A result in the shape the report uses (counts are None where nothing was read)."""
    entry: dict = {
        "input": job.input,
        "output": job.output,
        "status": status,
        "code": None,
        "error": None,
        "message": None,
        "seconds": round(seconds, 4),
    }
    entry.update(dict.fromkeys(COUNTS))
    entry.update(fields)
    return entry


@dataclass(slots=True)
class Rendered:
    """A parsed input, serialised: the files to write (path → content), its status and counts."""

    outputs: dict[str, str | bytes]
    status: str
    counts: dict[str, int]


def render(job: Job, data: bytes) -> Rendered:
    """Parse ``data`` (the bytes of ``job.input``) and serialise its record; writes nothing.

    The one place that turns an input into what is written for it, wherever the bytes were read
    and wherever the files are written (a pool process, or a cluster worker whose client writes).
    Raises IpplanError (or any exception: a bug) when the input cannot be parsed.
    """
    from ipplan.api import parse_bytes
    from ipplan.writers import TEXT_WRITERS

    plan = parse_bytes(data, job.input, ocr=job.ocr)
    outputs: dict[str, str | bytes] = {job.output: TEXT_WRITERS[job.fmt](plan)}
    counts = {
        "indicators": len(plan.indicators),
        "tasks": len(plan.tasks),
        "targets": len(plan.targets),
        "warnings": len(plan.warnings),
    }
    return Rendered(outputs, "warning" if plan.warnings else "ok", counts)


def write_outputs(outputs: dict[str, str | bytes]) -> None:
    """Write each output atomically; a failure is an E401 naming the output."""
    from ipplan.writers import write_atomic

    for path, content in outputs.items():
        try:
            write_atomic(path, content)
        except OSError as exc:
            raise IpplanError("output-error", exc.strerror or str(exc), path) from exc


def process(job: Job) -> dict:
    """Parse ``job.input`` and write its record; every failure becomes an error result."""
    started = time.perf_counter()
    try:
        read = read_job(job)
        if isinstance(read, dict):
            return read
        rendered = render(job, read)
        write_outputs(rendered.outputs)
    except Exception as exc:  # one bad file must not stop the batch
        return failed(job, started, exc)
    return result(job, rendered.status, time.perf_counter() - started, **rendered.counts)


def read_job(job: Job) -> bytes | dict:
    """The input's bytes, or a "skipped" result where --skip-existing finds its output up to date.

    Raises IpplanError where the input cannot be read (missing, unreadable, over the size limit).
    """
    from ipplan.api import read_input

    started = time.perf_counter()
    if job.skip_existing:
        kept = _up_to_date(job)
        if kept is not None:
            return result(job, "skipped", time.perf_counter() - started, **kept)
    return read_input(job.input)


def failed(job: Job, started: float, exc: Exception) -> dict:
    """The error result for ``exc``: an IpplanError keeps its code, anything else is a bug (E901)."""
    if not isinstance(exc, IpplanError):
        exc = IpplanError("internal-error", f"{type(exc).__name__}: {exc}", job.input)
    return result(
        job,
        "error",
        time.perf_counter() - started,
        code=exc.code,
        error=exc.kind.name,
        message=" ".join(exc.message.split()),
    )


def _up_to_date(job: Job) -> dict | None:
    """Fields for a "skipped" result when the existing output records this input's sha256
    (and was written under the current output contract)."""
    recorded = read_record(job.output, job.fmt)
    if recorded is None:
        return None
    from ipplan.schema.models import SCHEMA_VERSION

    if not isinstance(recorded, dict) or recorded.get("schema_version") != SCHEMA_VERSION:
        return None  # written under another output contract: redo it
    source = recorded.get("source")
    digest = sha256_file(job.input)
    if digest is None or not isinstance(source, dict) or source.get("sha256") != digest:
        return None
    counts = {k: len(recorded[k]) if isinstance(recorded.get(k), list) else None for k in COUNTS}
    return {"message": "unchanged since its output was written", **counts}


def read_record(path: str, fmt: str) -> dict | None:
    """A previously written record, or None when it is missing or unreadable (then it is redone)."""
    try:
        with open(path, encoding="utf-8") as fh:
            if fmt == "json":
                return json.load(fh)
            import yaml

            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster
            return yaml.load(fh, Loader=loader)
    except Exception:  # OSError, ValueError, yaml.YAMLError: a damaged output is redone
        return None


def sha256_file(path: str) -> str | None:
    """The input's sha256, read in chunks; None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


# --- running inside a pool process ----------------------------------------------------------

_busy = False


class _Terminated(BaseException):
    """Raised by SIGTERM while a file is being processed, so write_atomic removes its .part file."""


def init_worker() -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; SIGTERM unwinds cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_sigterm)


def _on_sigterm(signum: int, frame: object) -> None:
    if _busy:
        raise _Terminated
    os._exit(128 + signum)


def process_in_pool(job: Job) -> dict:
    """``process`` as a pool task: a termination unwinds it (cleaning up) and ends the process."""
    global _busy
    _busy = True
    try:
        return process(job)
    except _Terminated:
        os._exit(128 + signal.SIGTERM)
    finally:
        _busy = False


# --- running on a machine that has the bytes but not the files --------------------------------


def process_sent(job: Job, data: bytes) -> dict:
    """``process`` for a worker that was sent the input's bytes: parse and serialise, write nothing.

    The result carries ``outputs`` (path → content) for the sender to write with
    ``write_sent``, and the ``ipplan_version`` that parsed it.
    """
    from ipplan import __version__

    started = time.perf_counter()
    try:
        rendered = render(job, data)
    except Exception as exc:  # one bad file must not stop the batch
        res = failed(job, started, exc)
    else:
        res = result(job, rendered.status, time.perf_counter() - started, **rendered.counts)
        res["outputs"] = rendered.outputs
    res["ipplan_version"] = __version__
    return res


def write_sent(job: Job, res: dict) -> dict:
    """Write the outputs a ``process_sent`` result carries; the result as ``process`` gives it."""
    outputs = res.pop("outputs", None) or {}
    res.pop("ipplan_version", None)
    started = time.perf_counter()
    try:
        write_outputs(outputs)
    except Exception as exc:
        return failed(job, started, exc)
    res["seconds"] = round(res["seconds"] + time.perf_counter() - started, 4)
    return res
