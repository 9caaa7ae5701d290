"""Readers: one module per format, the only code that knows a file format.

Each reader exposes ``read(data: bytes, path: str, *, password: str | None = None) -> Document``.
``sniff`` tells the format from the content, so a misnamed file is still read as what it is.
"""

from __future__ import annotations

import importlib
import logging
import re
import zipfile
from io import BytesIO

from ipplan.blocks import Block, Document, Table
from ipplan.errors import IpplanError

# pdfminer logs what it repairs in a damaged PDF ("Data-loss while decompressing corrupted
# data"); with no handler configured, Python prints that to stderr, around the one line an error
# is or the silence a success is. A handler of their own keeps it from the last-resort printer,
# and an application that configures logging still receives it.
for _library in ("pdfminer", "pdfplumber"):
    logging.getLogger(_library).addHandler(logging.NullHandler())

FORMATS = ("txt", "docx", "pdf", "html")
EXTENSIONS = {".txt": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}

_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<div", b"<p>", b"<table")
# How an HTML document begins (after a BOM, blanks, an XML declaration or a comment): content that
# starts so is a web page even where its name says text.
_HTML_START = re.compile(
    rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Word files and their parts name these in the zip's local headers, which a truncated file keeps.
_WORD_ZIP_MARKERS = (b"word/document.xml", b"word/_rels/", b"[Content_Types].xml")


def sniff(data: bytes) -> str | None:
    """The format the bytes are in, or None where nothing but plain text fits.

    Besides the four formats: "zip" (an archive that is no Word file, or a damaged one without a
    trace of Word in it) and "ole" (a legacy or encrypted Office file).
    """
    head = data[:4096]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        names = zip_names(data)
        if names is None:  # damaged: the docx reader says how, if it ever was a Word file
            return "docx" if any(m in data for m in _WORD_ZIP_MARKERS) else "zip"
        return "docx" if "word/document.xml" in names else "zip"
    if head[:8] == _OLE_MAGIC:
        return "ole"  # legacy .doc / .xls or an encrypted Office file
    low = head.lower().replace(b"\x00", b"")
    if any(m in low for m in _HTML_MARKERS):
        return "html"
    return None


def zip_names(data: bytes) -> set[str] | None:
    """The member names of a zip archive, or None when it cannot be opened.

    An archive that declares more members than a Word file ever has is not listed (its central
    directory alone could take gigabytes): it is named a docx, for the docx reader to refuse.
    """
    from ipplan import limits
    from ipplan.parsers.ooxml import declared_member_count

    declared = declared_member_count(data)
    if declared is not None and declared > limits.MAX_ZIP_MEMBERS:
        return {"word/document.xml"}
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            return set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return None


def starts_as_html(data: bytes) -> bool:
    """Whether ``data`` begins as an HTML document does (not merely quotes some markup)."""
    head = data[:4096]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    return bool(_HTML_START.match(head.replace(b"\x00", b"")))


def describe_archive(data: bytes) -> str:
    """What a zip that is no Word file is, for an error message."""
    names = zip_names(data)
    if names is None:
        return "a damaged zip archive"
    if "xl/workbook.xml" in names:
        return "an Excel workbook (.xlsx), not a Word file"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint presentation (.pptx), not a Word file"
    if "mimetype" in names and "content.xml" in names:
        return "an OpenDocument file (.odt/.ods), not a Word file: save it as .docx"
    return "a zip archive, not a Word file"


def describe_ole(data: bytes) -> tuple[str, str]:
    """(error name, message) for an OLE compound file: an encrypted Office file or a legacy one."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return (
            "encrypted-file",
            "a password-protected Office file: ipplan cannot decrypt it (--password is for PDF);"
            " save a copy without a password",
        )
    if "WordDocument".encode("utf-16-le") in data:
        return "unsupported-format", "a legacy Word 97-2003 (.doc) file: save it as .docx"
    return "unsupported-format", "a legacy Office (OLE) file, not a Word .docx"


def reader_for(fmt: str):
    """The reader module for a format name."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    return importlib.import_module(f"ipplan.parsers.{fmt}")


def read(data: bytes, path: str, fmt: str, *, password: str | None = None, ocr: str = "auto") -> Document:
    """Read ``data`` as ``fmt`` into a block stream (``ocr``: the PDF reader's OCR mode)."""
    options = {"ocr": ocr} if fmt == "pdf" else {}
    try:
        document = reader_for(fmt).read(data, path, password=password, **options)
    except IpplanError:
        raise
    except MemoryError as exc:
        raise IpplanError("limit-exceeded", "the file needs more memory than ipplan allows", path) from exc
    check_block_count(document.blocks, path)
    return document


def check_block_count(blocks: list[Block], path: str | None = None) -> None:
    """Refuse a document of more paragraphs and table cells than ``limits.MAX_BLOCKS``."""
    from ipplan import limits

    count = 0
    for block in blocks:
        count += sum(len(row) for row in block.rows) if isinstance(block, Table) else 1
        if count > limits.MAX_BLOCKS:
            raise IpplanError(
                "limit-exceeded",
                f"more than {limits.MAX_BLOCKS} paragraphs and table cells: too large to be one plan",
                path,
            )
