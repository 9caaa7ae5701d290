"""Characters: one positioned glyph, the unit every later step of the PDF reader works on.

A text page gives them from its text layer (``textlayer``), a scanned page from OCR (``scan``);
from here on the two are read alike. Coordinates are PDF points in the page as displayed: origin
at the top-left corner, ``top`` < ``bottom``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Duplicate glyphs (fake bold: the same glyph drawn twice, slightly offset) within this many
# font sizes of each other are one character.
DEDUPE_TOLERANCE = 0.15
_BUCKET = 4.0  # spatial hash cell (points) for finding duplicates; bounds the tolerance


@dataclass(slots=True)
class Char:
    """One glyph: its text (usually one character), box, font size and font name."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    fontname: str = ""


def dedupe_chars(chars: Iterable[Char]) -> list[Char]:
    """The chars without fake-bold duplicates: a glyph repeated at (almost) the same position.

    A spatial hash keeps this linear (pdfplumber's ``dedupe_chars`` sorts with ``list.index``,
    which is quadratic).
    """
    kept: list[Char] = []
    buckets: dict[tuple[str, int, int], list[Char]] = {}
    get = buckets.get
    for ch in chars:
        text, x, y = ch.text, ch.x0, ch.top
        bx, by = int(x // _BUCKET), int(y // _BUCKET)
        # the tolerance is at most a bucket wide: only the 2 × 2 buckets nearest the char's
        # corner can hold a twin
        nx = bx - 1 if x - bx * _BUCKET < _BUCKET / 2 else bx + 1
        ny = by - 1 if y - by * _BUCKET < _BUCKET / 2 else by + 1
        near = [get((text, bx, by)), get((text, nx, by)), get((text, bx, ny)), get((text, nx, ny))]
        if any(near) and _has_twin(ch, near):
            continue
        key = (text, bx, by)
        if near[0] is None:
            buckets[key] = [ch]
        else:
            near[0].append(ch)
        kept.append(ch)
    return kept


def _has_twin(ch: Char, near: list[list[Char] | None]) -> bool:
    """Whether a kept char in the buckets ``near`` lies within the tolerance of ``ch``."""
    tol = min(_BUCKET, max(1.0, DEDUPE_TOLERANCE * ch.size))
    for bucket in near:
        for other in bucket or ():
            if abs(other.x0 - ch.x0) <= tol and abs(other.top - ch.top) <= tol:
                return True
    return False
