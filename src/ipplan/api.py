"""The library API: ``ipplan.parse(path) -> Plan``. The CLI is a thin layer over this."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ipplan import limits, parsers
from ipplan.errors import IpplanError
from ipplan.schema import Location, Plan, SourceInfo, Warning


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an input file, refusing what cannot or must not be read."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError as exc:
        raise IpplanError("input-not-found", "no such file", str(path)) from exc
    except OSError as exc:
        raise IpplanError("input-unreadable", exc.strerror or str(exc), str(path)) from exc
    if p.is_dir():
        raise IpplanError("input-unreadable", "is a folder, not a file", str(path))
    if st.st_size > limits.MAX_INPUT_BYTES:
        raise IpplanError(
            "limit-exceeded",
            f"{st.st_size} bytes is over the {limits.MAX_INPUT_BYTES}-byte input limit",
            str(path),
        )
    try:
        with p.open("rb") as fh:
            return fh.read(limits.MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise IpplanError("input-unreadable", exc.strerror or str(exc), str(path)) from exc


def choose_format(data: bytes, path: str, declared: str | None = None) -> tuple[str, list[Warning]]:
    """The format to read ``data`` as: the content decides where it is unambiguous."""
    if not data.strip():
        raise IpplanError("input-empty", "the file is empty", path)
    by_ext = parsers.EXTENSIONS.get(Path(path).suffix.lower())
    expected = declared or by_ext
    found = parsers.sniff(data)
    if found in ("zip", "ole"):
        what = (
            "a legacy Word/Office or encrypted Office file"
            if found == "ole"
            else "a zip archive, not a Word file"
        )
        raise IpplanError("unsupported-format", f"the content is {what}", path)
    if found is None:
        found = "txt"
        if expected in ("docx", "pdf"):
            if data[:2] == b"PK" or data[:4] == b"%PDF":
                raise IpplanError("corrupt-file", f"a damaged {expected} file", path)
            if _looks_binary(data):
                raise IpplanError("corrupt-file", f"not a {expected} file and not text either", path)
    if found == "html" and expected == "txt":
        found = "txt"  # a text export may quote markup; the user said text
    warnings: list[Warning] = []
    if expected and expected != found:
        warnings.append(
            Warning(
                code="format-mismatch",
                message=f"named as {expected} but the content is {found}: read as {found}",
                source=Location(),
            )
        )
    return found, warnings


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return sample.count(b"\x00") > len(sample) // 10


def parse_bytes(data: bytes, path: str, *, fmt: str | None = None, password: str | None = None) -> Plan:
    """Parse a document already in memory; ``path`` names it in the output and in errors."""
    from ipplan.extract import build_plan

    fmt, warnings = choose_format(data, path, fmt)
    document = parsers.read(data, path, fmt, password=password)
    source = SourceInfo(
        path=path,
        format=fmt,  # type: ignore[arg-type]
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        encoding=document.encoding,
    )
    plan = build_plan(document, source)
    plan.warnings[:0] = warnings
    return plan


def parse(path: str | os.PathLike[str], *, fmt: str | None = None, password: str | None = None) -> Plan:
    """Parse one plan document (.txt .docx .pdf .html) into a validated ``Plan``."""
    data = read_input(path)
    return parse_bytes(data, str(path), fmt=fmt, password=password)
