"""The block stream: what every reader produces and everything after the readers consumes.

A reader is the only code that knows a file format. It turns a file into a ``Document``: an
ordered list of ``Paragraph`` and ``Table`` blocks, each carrying the ``Location`` it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ipplan.schema import Location, Warning


@dataclass(slots=True)
class Paragraph:
    """A paragraph of running text.

    ``text`` is the paragraph as printed, without a numbering label that Word generates;
    such a label, rendered as Word would show it ("三、", "（二）"), is in ``numbering_label``.
    """

    text: str
    loc: Location
    numbering_label: str | None = None
    centered: bool = False
    bold: bool = False


@dataclass(slots=True)
class Cell:
    """A logical table cell. ``spanned`` marks a copy of a merged cell's text into a row or
    column it spans (a vertical merge filled down, or a horizontal one)."""

    text: str
    loc: Location
    spanned: bool = False


@dataclass(slots=True)
class Table:
    """A table as a grid of logical cells (rows may differ in length where a source lost cells)."""

    rows: list[list[Cell]]
    loc: Location


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    """What a reader read: the blocks in document order and what it learned on the way."""

    blocks: list[Block]
    format: str
    encoding: str | None = None
    warnings: list[Warning] = field(default_factory=list)
    # facts a format states outright, e.g. the 发文字号 row of a government site's metadata table
    meta_hints: dict[str, str] = field(default_factory=dict)
