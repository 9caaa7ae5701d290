"""Line breaking for Chinese text in the terminal views.

rich breaks lines at spaces only, and folds a run without spaces (all of a Chinese sentence) at
whatever cell the column ends on: inside a year (20|25年), a 文号 (柳高新〔20|22〕2号) or a
number (28|68). ``Wrapped`` breaks where Chinese typesetting does instead: between two Chinese
characters, never inside a number, a Latin word, a year with its 年, or a 文号; never before a
closing mark (、，。）》) nor after an opening one (（《〔). A list of names breaks between names
(after their 、) before it breaks inside one. A piece wider than the whole column is still broken,
finer, so nothing is ever cut off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A 文号: an issuer's short name, the year in brackets, the number and 号 (国办发〔2021〕15号).
_DOC_NUMBER = rf"[{_CJK}]{{1,6}}\s*[〔［\[【(（]\s*\d{{4}}\s*[〕］\]】)）]\s*第?\s*\d+\s*号"
# A number, a Latin word or a code, with the 年/月/日/号 or % written onto it: 2025年, 2022-2025年,
# 2868/2, 95.5%, IP101. Full-width digits and letters count too.
_ALNUM = "0-9A-Za-z０-９Ａ-Ｚａ-ｚ"
_RUN = rf"[{_ALNUM}](?:[{_ALNUM}.．,:/／\-–—~～_]*[{_ALNUM}])?"
_TOKEN = re.compile(rf"{_DOC_NUMBER}|{_RUN}(?:[年月日号%％])?|\s+|.", re.DOTALL)
# Inside a run too long for its column (a file path, a URL): break after its separators, not in a word.
_FINE_TOKEN = re.compile(rf"[{_ALNUM}]+(?:[年月日号%％])?[^{_ALNUM}\s]*|\s+|.", re.DOTALL)

# Marks a line never starts with (they close what comes before) or never ends with.
CLOSING = frozenset("、，。；：？！）》」』〕】〉］”’…％%,.;:?!)]}·")
OPENING = frozenset("（《「『〔【〈［“‘([{")

Span = tuple[int, int]


def pieces(text: str, start: int = 0, end: int | None = None, *, glue: int = 2) -> list[Span]:
    """The unbreakable pieces of ``text[start:end]``, as (start, end) offsets into ``text``.

    Blanks stay with the piece before them; with ``glue`` 1 closing marks do too, with 2 (the
    rule) opening marks also stay with the piece after them. Less glue is for a piece too wide
    for its column.
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    glue_next = False
    for match in _TOKEN.finditer(text, start, end):
        s, e = match.span()
        token = match.group()
        attach = out and (glue_next or token.isspace() or (glue >= 1 and token[0] in CLOSING))
        if attach:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        glue_next = glue >= 2 and token[-1] in OPENING
    return out


def list_pieces(items: Iterable[str], joiner: str) -> tuple[str, list[Span]]:
    """The text of ``items`` joined by ``joiner``, and each item (with its joiner) as one piece."""
    text, spans = "", []
    parts = list(items)
    for i, item in enumerate(parts):
        piece = item + (joiner if i + 1 < len(parts) else "")
        spans.append((len(text), len(text) + len(piece)))
        text += piece
    return text, spans


def _width(text: str, span: Span) -> int:
    return cell_len(text[span[0] : span[1]].rstrip())


def _chop(text: str, span: Span, width: int) -> Iterator[Span]:
    """A piece cut into spans of at most ``width`` cells (the last resort: a very long number)."""
    start, used = span[0], 0
    for i in range(span[0], span[1]):
        w = cell_len(text[i])
        if used + w > width and i > start:
            yield start, i
            start, used = i, 0
        used += w
    yield start, span[1]


def _fitting(text: str, spans: Iterable[Span], width: int, glue: int = 2) -> Iterator[Span]:
    """``spans`` with each piece wider than ``width`` broken finer: with less glue, then by cells."""
    for span in spans:
        if _width(text, span) <= width:
            yield span
            continue
        level = glue
        finer = [span]
        while len(finer) == 1 and level >= 0:
            finer = pieces(text, *span, glue=level)
            level -= 1
        if len(finer) == 1:
            finer = [m.span() for m in _FINE_TOKEN.finditer(text, *span)]
            if len(finer) == 1:
                yield from _chop(text, span, width)
                continue
        yield from _fitting(text, finer, width, max(level, 0))


def breaks(text: str, spans: list[Span], width: int) -> list[int]:
    """Offsets to break ``text`` at so that each line fits ``width`` cells."""
    width = max(width, 2)
    out: list[int] = []
    used = 0
    for span in _fitting(text, spans, width):
        if used and used + _width(text, span) > width:
            out.append(span[0])
            used = 0
        used += cell_len(text[span[0] : span[1]])
    return out


class Wrapped:
    """A ``Text`` that wraps at the breaks of ``pieces`` (default: Chinese line-breaking rules)."""

    def __init__(self, text: Text | str, spans: list[Span] | None = None, *, style: str = ""):
        self.text = text if isinstance(text, Text) else Text(text, style=style)
        plain = self.text.plain
        self.spans = spans if spans is not None else pieces(plain)

    @property
    def plain(self) -> str:
        return self.text.plain

    def lines(self, width: int) -> list[Text]:
        """The text broken into lines of at most ``width`` cells, trailing blanks removed."""
        offsets = breaks(self.text.plain, self.spans, width)
        lines = list(self.text.divide(offsets))
        for line in lines:
            line.rstrip()
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        widest = max((_width(plain, s) for s in self.spans), default=0)
        return Measurement(min(widest, options.max_width), cell_len(plain.rstrip()))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        joined = Text("\n").join(self.lines(options.max_width))
        joined.overflow = "fold"
        yield joined
