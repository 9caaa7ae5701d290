"""Plain-text reader (placeholder until the real one lands)."""

from __future__ import annotations

from ipplan.blocks import Document, Paragraph
from ipplan.schema import Location


def read(data: bytes, path: str, *, password: str | None = None) -> Document:
    text = data.decode("utf-8", errors="replace")
    blocks = [Paragraph(line.strip(), Location(line=i)) for i, line in enumerate(text.splitlines(), 1) if line.strip()]
    return Document(blocks=blocks, format="txt", encoding="utf-8")
