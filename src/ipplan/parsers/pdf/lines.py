"""Characters to text lines: how the PDF reader turns positioned glyphs into CJK text.

Works on ``Char`` records, whether the text layer or OCR gave them, so it is testable on chars
made by hand.

A PDF has no spaces in the sense a text file has: it has glyphs at positions. Two kinds of gap
separate them: a real space glyph, and room left by the typesetter (autospace between Chinese and
Latin, justification, a tab after a numbering label). Chinese is written without spaces, so a
space is only kept where Latin text or a number needs it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ipplan.parsers.pdf.chars import Char

# A gap this many font sizes wide is a tab or an alignment gap: it separates even Chinese text.
TAB_GAP = 2.0
# After Latin text, a gap this wide before a Chinese character is a tab after a label ("1.⇥提升").
LABEL_GAP = 1.0
# Between two Latin characters, a gap this wide is a word space the PDF did not draw.
WORD_GAP = 0.2
_BOLD_MARKERS = ("bold", "heavy", "black", "semibold", "demibold")
_WIDE_PUNCT_EXTRA = set("“”‘’—–…·")


@dataclass(slots=True)
class Line:
    """One printed line of text: its words joined as a reader would type them."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


def is_wide(ch: str) -> bool:
    """True for characters set without spaces around them: CJK ideographs, kana, full-width forms,
    CJK punctuation and the curly quotes and dashes Chinese text uses."""
    if ch in _WIDE_PUNCT_EXTRA:
        return True
    return unicodedata.east_asian_width(ch) in ("W", "F")


def cluster_rows(chars: Iterable[Char]) -> list[list[Char]]:
    """Chars grouped into printed lines, top to bottom, each sorted left to right.

    Chars belong to one line where they overlap vertically by at least half the smaller height:
    a Word numbering label set in a smaller font on the same baseline ("一、" at 11 pt before a
    16 pt title) joins its title, which clustering on ``top`` alone would split off.
    """
    rows: list[list[Char]] = []
    top = bottom = 0.0
    for ch in sorted(chars, key=lambda c: (c.top, c.x0)):
        height = max(ch.bottom - ch.top, 0.1)
        if rows:
            overlap = min(bottom, ch.bottom) - max(top, ch.top)
            if overlap >= 0.5 * min(height, bottom - top):
                rows[-1].append(ch)
                bottom = max(bottom, ch.bottom)
                continue
        rows.append([ch])
        top, bottom = ch.top, ch.bottom
    for row in rows:
        row.sort(key=lambda c: c.x0)
    return rows


def row_text(row: Sequence[Char]) -> str:
    """The text of one line's chars (sorted left to right), spaced as described in the module doc.

    A letter-spaced line (分散对齐, or character spacing on a title: "通    知") has a wide gap
    between every two characters; those gaps are spacing, not separators, so none becomes a space.
    """
    text, tab_seen = _spaced_text(row, letter_spaced=False)
    if tab_seen and _letter_spaced(row):
        text, _ = _spaced_text(row, letter_spaced=True)
    return text


def _spaced_text(row: Sequence[Char], letter_spaced: bool) -> tuple[str, bool]:
    """The row's text, and whether a tab-wide gap became a space in it."""
    parts: list[str] = []
    prev: Char | None = None
    space_seen = tab_seen = False
    for ch in row:
        text = ch.text
        if text.isspace():
            space_seen = prev is not None
            continue
        if prev is not None:
            gap = -1.0 if letter_spaced else ch.x0 - prev.x1
            if gap >= TAB_GAP * max(prev.size, ch.size, 1.0):
                parts.append(" ")
                tab_seen = True
            elif _needs_space(prev, ch, gap, space_seen):
                parts.append(" ")
        parts.append(text)
        prev, space_seen = ch, False
    return "".join(parts), tab_seen


def _letter_spaced(row: Sequence[Char]) -> bool:
    """Every gap between the row's characters at least half a character wide and all alike."""
    ink = [c for c in row if not c.text.isspace()]
    if len(ink) < 3:
        return False
    gaps = [b.x0 - a.x1 for a, b in pairwise(ink)]
    size = max(c.size for c in ink)
    return min(gaps) >= 0.5 * size and max(gaps) - min(gaps) <= 0.3 * size


def _needs_space(left: Char, right: Char, gap: float, space_seen: bool) -> bool:
    """Whether the author put a space between two characters less than a tab apart."""
    size = max(left.size, right.size, 1.0)
    a, b = left.text[-1], right.text[0]
    if is_wide(a):
        return False  # "年 10", "局 柳州": the typesetter's autospace, not the author's
    if is_wide(b):
        return space_seen or gap >= LABEL_GAP * size  # "1. 知识产权" keeps its space, "2022 年" loses it
    return space_seen or gap >= WORD_GAP * size


def make_line(row: Sequence[Char], page: int) -> Line | None:
    """A ``Line`` from one row of chars, or None when the row holds only spaces."""
    ink = [c for c in row if not c.text.isspace()]
    if not ink:
        return None
    sizes = Counter(round(c.size, 1) for c in ink)
    bold = sum(1 for c in ink if _is_bold(c.fontname)) * 2 > len(ink)
    return Line(
        text=row_text(row),
        x0=ink[0].x0,  # the row is sorted left to right
        x1=max(c.x1 for c in ink),
        top=min(c.top for c in ink),
        bottom=max(c.bottom for c in ink),
        size=sizes.most_common(1)[0][0],
        bold=bold,
        page=page,
    )


@lru_cache(maxsize=256)
def _is_bold(fontname: str) -> bool:
    low = fontname.lower()
    return any(m in low for m in _BOLD_MARKERS)


def build_lines(chars: Iterable[Char], page: int) -> list[Line]:
    """The printed lines made of ``chars`` (already deduplicated), top to bottom."""
    lines = (make_line(row, page) for row in cluster_rows(chars))
    return [line for line in lines if line is not None]


def join_broken(head: str, tail: str) -> str:
    """Two pieces of text a line break separated: Chinese joins with nothing, a Latin word wrapped
    onto the next line gets back its space."""
    if head and tail and _is_latin_letter(head[-1]) and _is_latin_letter(tail[0]):
        return f"{head} {tail}"
    return head + tail


def _is_latin_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()
