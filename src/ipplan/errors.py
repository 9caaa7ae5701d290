"""Errors users see: each has a stable code, a kebab-case name and a documented exit code.

Every failure reaches the user as one line, ``ipplan: E201 corrupt-file: plan.docx: …``; the
CLI prints a traceback only with ``--debug``. docs/errors.md lists the same table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ErrorKind:
    code: str
    name: str
    exit_code: int
    summary: str


# Exit codes: 1 is reserved for "some inputs failed / findings" (batch, check), 2 for usage errors.
# Codes are grouped: E1xx the input, E2xx its format, E3xx limits and safety, E4xx the output,
# E5xx what is installed, E9xx ipplan itself.
KINDS: dict[str, ErrorKind] = {
    k.code: k
    for k in (
        ErrorKind("E101", "input-not-found", 3, "the input path does not exist"),
        ErrorKind(
            "E102", "input-unreadable", 3, "the input exists but cannot be read (permissions, a folder)"
        ),
        ErrorKind("E103", "input-empty", 4, "the input has no content (zero bytes or only whitespace)"),
        ErrorKind("E201", "unsupported-format", 4, "the content is not a format ipplan reads"),
        ErrorKind("E202", "corrupt-file", 4, "the file is truncated or damaged and cannot be read"),
        ErrorKind("E203", "encrypted-file", 5, "the file is encrypted: give --password"),
        ErrorKind("E204", "wrong-password", 5, "the password given does not open the file"),
        ErrorKind("E205", "no-text-layer", 6, "a PDF without a text layer, and no text found by OCR"),
        ErrorKind("E206", "undecodable-text", 4, "the text's encoding could not be determined"),
        ErrorKind("E207", "ocr-unavailable", 6, "OCR was asked for but the ocr extra is not installed"),
        ErrorKind("E301", "limit-exceeded", 7, "the input exceeds a resource limit (size, inflation, pages)"),
        ErrorKind(
            "E302", "unsafe-content", 4, "the input carries content refused for safety (XML DTD, entities)"
        ),
        ErrorKind("E401", "output-error", 8, "the output cannot be written (or would overwrite the input)"),
        ErrorKind(
            "E501",
            "missing-dependency",
            9,
            "an optional part is not installed: a Python extra (pip install '.[xlsx]') or a program "
            "(LibreOffice for .doc .wps .odt)",
        ),
        ErrorKind(
            "E502", "cluster-error", 10, "the Dask cluster cannot be reached, was lost, or cannot run ipplan"
        ),
        ErrorKind("E901", "internal-error", 70, "a bug in ipplan: please report it with --debug output"),
    )
}
BY_NAME = {k.name: k for k in KINDS.values()}


class IpplanError(Exception):
    """A failure with a stable code; ``str()`` is the one line users see (without the code).

    ``kind`` is its ErrorKind (``code`` E101…, ``kind.name`` input-not-found…, ``exit_code``),
    ``path`` the file it is about (or None), ``message`` the reason for people. Raised by
    ``ipplan.parse`` and ``ipplan.parse_bytes`` for every input they refuse; ``one_line()`` is
    what the command prints after ``ipplan: ``.
    """

    def __init__(self, name: str, message: str, path: str | None = None):
        self.kind = BY_NAME[name]
        self.path = path
        self.message = message
        super().__init__(message)

    @property
    def code(self) -> str:
        return self.kind.code

    @property
    def exit_code(self) -> int:
        return self.kind.exit_code

    def one_line(self) -> str:
        # a file name may hold a newline or other control characters: shown escaped, it stays one line
        where = f"{_CONTROL.sub(lambda m: repr(m.group())[1:-1], self.path)}: " if self.path else ""
        text = " ".join(self.message.split())
        return f"{self.kind.code} {self.kind.name}: {where}{text}"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
