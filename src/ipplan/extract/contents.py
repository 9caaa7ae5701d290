"""A table of contents (目录) printed before the body.

Long plans (“十四五” 规划 above all) print 目录 and the chapter headings, often with dot leaders
and page numbers (一、发展基础……………3, a TAB and the page in a Word export), before the text.
Those entries are not the body's headings: the body starts where the first entry is printed
again as a heading, or, where the body never repeats it (a preface first), at the first line
that is no entry.
"""

from __future__ import annotations

import re

from ipplan.blocks import Block, Paragraph

_CONTENTS = re.compile(r"^[\s\u3000]*目[\s\u3000]*录[\s\u3000]*$")
# leaders and a page number ending an entry: ……3, ....12, ' 3', TAB 3, -3-
_PAGE_TAIL = re.compile(
    r"(?:[\s\u3000.．·…。_\-—]*[\t ]|[.．·…。_—]{2,})[\s\u3000]*[-—]?\s*\d{1,4}\s*[-—]?\s*$"
)
_SPACES = re.compile(r"[\s\u3000]+")
_MAX_ENTRY = 60
_MAX_ENTRIES = 400
_SEARCH = 12  # blocks after the front matter in which a 目录 line may stand


def entry_key(block: Paragraph) -> str:
    """A contents entry or a heading reduced to compare them: label and text, without leaders,
    page number or spaces."""
    text = _PAGE_TAIL.sub("", block.text)
    return _SPACES.sub("", (block.numbering_label or "") + text)


def _is_entry(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    text = block.text.strip()
    return 0 < len(text) <= _MAX_ENTRY + 8 and "。" not in _PAGE_TAIL.sub("", text)


def contents_span(blocks: list[Block], start: int, stop: int) -> tuple[int, int] | None:
    """(the 目录 line, the block the body starts at) for a table of contents standing between
    ``start`` and ``stop``, else None."""
    head = next(
        (
            i
            for i in range(start, min(stop, len(blocks)))
            if isinstance(blocks[i], Paragraph) and _CONTENTS.match(blocks[i].text)  # type: ignore[union-attr]
        ),
        None,
    )
    if head is None:
        return None
    first: str | None = None
    k = head + 1
    while k < len(blocks) and k - head <= _MAX_ENTRIES:
        block = blocks[k]
        if not _is_entry(block):
            break
        key = entry_key(block)  # type: ignore[arg-type]
        if first is None:
            first = key
        elif key == first:
            return head, k  # the body prints the first entry again as its heading
        k += 1
    return (head, k) if first is not None else None


def body_after_contents(blocks: list[Block], body_start: int) -> int:
    """``body_start`` moved past a table of contents printed at the start of the body."""
    span = contents_span(blocks, body_start, body_start + _SEARCH)
    return span[1] if span else body_start
