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
    for ch in chars:
        if _has_twin(ch, buckets):
            continue
        key = (ch.text, int(ch.x0 // _BUCKET), int(ch.top // _BUCKET))
        buckets.setdefault(key, []).append(ch)
        kept.append(ch)
    return kept


def _has_twin(ch: Char, buckets: dict[tuple[str, int, int], list[Char]]) -> bool:
    """Whether a kept char of the same text lies within the tolerance of ``ch``. The tolerance is
    at most a bucket wide, so only the 2 × 2 buckets nearest the char's corner can hold one."""
    text, x, y = ch.text, ch.x0, ch.top
    tol = min(_BUCKET, max(1.0, DEDUPE_TOLERANCE * ch.size))
    bx, by = int(x // _BUCKET), int(y // _BUCKET)
    nx = bx - 1 if x - bx * _BUCKET < _BUCKET / 2 else bx + 1
    ny = by - 1 if y - by * _BUCKET < _BUCKET / 2 else by + 1
    for key in ((text, bx, by), (text, nx, by), (text, bx, ny), (text, nx, ny)):
        for other in buckets.get(key, ()):
            if abs(other.x0 - x) <= tol and abs(other.top - y) <= tol:
                return True
    return False
