"""The library API: ``ipplan.parse(path) -> Plan``. The CLI is a thin layer over this.

Every failure is an ``ipplan.IpplanError`` whose ``code``, ``kind.name`` and ``exit_code`` are
the ones docs/errors.md lists (and the command prints); nothing else is raised for a bad input.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ipplan import limits, parsers
from ipplan.errors import IpplanError
from ipplan.schema import Location, Plan, SourceInfo, Warning

OCR_MODES = ("auto", "always", "never")  # how PDFs' scanned pages are read (parse_bytes)


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an input file, refusing what cannot or must not be read.

    Raises IpplanError: input-not-found (no such path), input-unreadable (a folder, a FIFO or
    device, no permission), limit-exceeded (over ``limits.MAX_INPUT_BYTES``).
    """
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError as exc:
        raise IpplanError("input-not-found", "no such file", str(path)) from exc
    except OSError as exc:
        raise IpplanError("input-unreadable", exc.strerror or str(exc), str(path)) from exc
    if stat.S_ISDIR(st.st_mode):
        raise IpplanError("input-unreadable", "is a folder, not a file", str(path))
    if not stat.S_ISREG(st.st_mode):
        # opening a FIFO blocks until a writer comes; a device streams forever
        raise IpplanError(
            "input-unreadable", "not a regular file (a FIFO, socket or device): use - for a stream", str(path)
        )
    if st.st_size > limits.MAX_INPUT_BYTES:
        raise IpplanError(
            "limit-exceeded",
            f"{st.st_size} bytes is over the {limits.MAX_INPUT_BYTES}-byte input limit",
            str(path),
        )
    try:
        with p.open("rb") as fh:
            # read(n) allocates n bytes up front: ask for the size stat() gave, not for the limit
            data = fh.read(min(st.st_size, limits.MAX_INPUT_BYTES) + 1)
            if len(data) > st.st_size:  # it grew after stat() (or is a /proc file): read on to the limit
                data += fh.read(limits.MAX_INPUT_BYTES + 1 - len(data))
    except OSError as exc:
        raise IpplanError("input-unreadable", exc.strerror or str(exc), str(path)) from exc
    if len(data) > limits.MAX_INPUT_BYTES:
        raise IpplanError("limit-exceeded", f"over the {limits.MAX_INPUT_BYTES}-byte input limit", str(path))
    return data


def choose_format(data: bytes, path: str, declared: str | None = None) -> tuple[str, list[Warning]]:
    """The format to read ``data`` as: the content decides where it is unambiguous.

    ``declared`` is what the caller says (``--input-format``); otherwise the extension is what the
    name says. Where the content is another format, it is read as what it is, with a
    ``format-mismatch`` warning; content that is no format ipplan reads is refused here.

    Raises IpplanError: input-empty (nothing but blanks), unsupported-format (binary data, an
    archive or OLE file that is no Word document), encrypted-file (a password-protected Office
    file), corrupt-file (binary data named .docx or .pdf).
    """
    if not data.strip() or _blank_text(data):
        raise IpplanError("input-empty", "the file is empty", path)
    by_ext = parsers.EXTENSIONS.get(Path(path).suffix.lower())
    expected = declared or by_ext
    found = parsers.sniff(data)
    if found == "ole":
        name, message = parsers.describe_ole(data)
        raise IpplanError(name, f"the content is {message}", path)
    if found == "zip":
        if expected == "docx" and parsers.zip_names(data) is None:
            found = "docx"  # a damaged zip named .docx: the docx reader tells what is wrong with it
        else:
            raise IpplanError("unsupported-format", f"the content is {parsers.describe_archive(data)}", path)
    if found == "html" and expected == "txt" and not parsers.starts_as_html(data):
        found = "txt"  # a text export may quote markup; the user said text
    if found is None:
        found = "txt"
        if expected in ("docx", "pdf") and data[:4] in (b"%PDF", b"PK\x03\x04", b"PK\x05\x06"):
            raise IpplanError("corrupt-file", f"a damaged {expected} file", path)
        binary = _binary_reason(data)
        if binary and expected in ("docx", "pdf"):
            raise IpplanError("corrupt-file", f"not a {expected} file, and not text either ({binary})", path)
        if binary and binary != _UNDECODABLE:  # undecodable text is the txt reader's to report
            raise IpplanError("unsupported-format", f"binary data, not text ({binary})", path)
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


_SAMPLE_BYTES = 64 * 1024
_UNDECODABLE = "undecodable in UTF-8, GB18030 and UTF-16"


def _blank_text(data: bytes) -> bool:
    """Whether a small file is text of nothing but blanks and a BOM (UTF-16, U+3000 …)."""
    if len(data) > _SAMPLE_BYTES or parsers.sniff(data) is not None:
        return False
    from ipplan.parsers import txt

    try:
        text, _, _ = txt.decode(data)
    except IpplanError:
        return False
    return not text.replace("\ufeff", "").strip()


def _binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text, or None where it reads as text (perhaps with a few bad bytes).

    Judged on a decoded sample, so UTF-16's NUL bytes count as text and GB18030, which turns
    almost any bytes into some character, is caught by the control characters it yields.
    """
    from ipplan.parsers import txt

    try:
        text, _, _ = txt.decode(data[:_SAMPLE_BYTES])
    except IpplanError:
        return _UNDECODABLE
    share = txt.control_share(text)
    if share > txt.MAX_CONTROL_SHARE:
        return f"{share:.0%} control characters"
    return None


def parse_bytes(
    data: bytes, path: str, *, fmt: str | None = None, password: str | None = None, ocr: str = "auto"
) -> Plan:
    """Parse a document already in memory; ``path`` names it in the output and in errors.

    ``fmt`` (txt, docx, pdf, html) is what the caller says the data is; the content decides
    where it disagrees (with a format-mismatch warning). ``password`` opens an encrypted PDF.
    ``ocr`` is for PDFs: "auto" reads scanned pages by OCR where the ``ipplan[ocr]`` extra is
    installed, "always" reads every page so (the text layer ignored), "never" reads none.
    Legacy Word, WPS, RTF and OpenDocument data is converted by LibreOffice first.

    Raises IpplanError for every input it refuses, with ``exc.path`` set to ``path``:
    input-empty, unsupported-format, corrupt-file, encrypted-file, wrong-password,
    no-text-layer, ocr-unavailable, undecodable-text, limit-exceeded, unsafe-content,
    missing-dependency (LibreOffice for .doc .wps .rtf .odt). ValueError for an unknown ``ocr``
    mode. Any other exception is a bug in ipplan.
    """
    from ipplan import convert
    from ipplan.extract import build_plan

    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    original = data
    try:
        converted = []
        if kind := convert.legacy_kind(data, path):  # .doc .wps .rtf .odt: LibreOffice makes a .docx
            data, fmt = convert.to_docx(data, path, kind), "docx"
            converted.append(Warning(code="converted", message=convert.converted_warning_message(kind)))
        fmt, warnings = choose_format(data, path, fmt)
        warnings[:0] = converted
        document = parsers.read(data, path, fmt, password=password, ocr=ocr)
        source = SourceInfo(
            path=path,
            format=fmt,  # type: ignore[arg-type]
            sha256=hashlib.sha256(original).hexdigest(),
            size=len(original),
            encoding=document.encoding,
        )
        plan = build_plan(document, source)
    except IpplanError as exc:
        if exc.path is None:  # raised where the file's name is not known: the user needs it
            exc.path = path
        raise
    plan.warnings[:0] = warnings
    return plan


def parse(
    path: str | os.PathLike[str], *, fmt: str | None = None, password: str | None = None, ocr: str = "auto"
) -> Plan:
    """Parse one plan document (.txt .docx .pdf .html; .doc .wps .rtf .odt through LibreOffice)
    into a validated ``Plan`` (``ocr``: see ``parse_bytes``).

    Raises IpplanError: input-not-found, input-unreadable, limit-exceeded while reading the file,
    then whatever ``parse_bytes`` raises for its content.
    """
    data = read_input(path)
    return parse_bytes(data, str(path), fmt=fmt, password=password, ocr=ocr)
