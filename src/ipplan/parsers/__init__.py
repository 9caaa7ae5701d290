"""Readers: one module per format, the only code that knows a file format.

Each reader exposes ``read(data: bytes, path: str, *, password: str | None = None) -> Document``.
``sniff`` tells the format from the content, so a misnamed file is still read as what it is.
"""

from __future__ import annotations

import importlib
import zipfile
from io import BytesIO

from ipplan.blocks import Document
from ipplan.errors import IpplanError

FORMATS = ("txt", "docx", "pdf", "html")
EXTENSIONS = {".txt": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}

_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<div", b"<p>", b"<table")


def sniff(data: bytes) -> str | None:
    """The format the bytes are in, or None where nothing but plain text fits."""
    head = data[:4096]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return "zip"
        return "docx" if "word/document.xml" in names else "zip"
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"  # legacy .doc / .xls or an encrypted Office file
    low = head.lower().replace(b"\x00", b"")
    if any(m in low for m in _HTML_MARKERS):
        return "html"
    return None


def reader_for(fmt: str):
    """The reader module for a format name."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    return importlib.import_module(f"ipplan.parsers.{fmt}")


def read(data: bytes, path: str, fmt: str, *, password: str | None = None) -> Document:
    """Read ``data`` as ``fmt`` into a block stream."""
    try:
        return reader_for(fmt).read(data, path, password=password)
    except IpplanError:
        raise
    except MemoryError as exc:
        raise IpplanError("limit-exceeded", "the file needs more memory than ipplan allows", path) from exc
