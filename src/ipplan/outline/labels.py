"""Numbering labels of Chinese official documents (GB/T 9704: 一、 （一） 1. （1）), read and ranked.

``match_label("（二）具体目标")`` → ``Label(kind="cn_paren", number=2, text="（二）", rest="具体目标")``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUM = "零〇○一二两三四五六七八九十百千"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# The conventional order of levels; a document may skip some, so levels are ranks, not depths.
RANKS = {
    "chapter": 0,
    "cn_dun": 1,
    "cn_paren": 2,
    "ar_dot": 3,
    "ar_dun": 3,
    "ar_paren": 4,
    "ar_rparen": 5,
    "circled": 5,
}

# Matched with ``pattern.match(text, pos)``, so they are anchored without ``^``.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"(第([{_CN_NUM}]+|\d{{1,3}})(?:部分|章|篇|部))\s*")),
    ("cn_paren", re.compile(rf"([（(]\s*([{_CN_NUM}]+)\s*[）)])\s*")),
    ("cn_dun", re.compile(rf"(([{_CN_NUM}]+)\s*[、．.])\s*")),
    ("ar_paren", re.compile(r"([（(]\s*(\d{1,3})\s*[）)])\s*")),
    # "1." "1．" "1 ." but not "1.42" nor "2025.": a digit may not follow the dot
    ("ar_dot", re.compile(r"((\d{1,3})\s?[.．](?![\d.．]))\s*")),
    ("ar_dun", re.compile(r"((\d{1,3})\s*、)\s*")),
    ("ar_rparen", re.compile(r"((\d{1,3})[）)])\s*")),
    ("circled", re.compile(rf"(([{_CIRCLED}]))\s*")),
]


@dataclass(frozen=True, slots=True)
class Label:
    kind: str
    number: int
    text: str  # the label as printed, e.g. "（二）" or "3、"
    rest: str  # what follows the label

    @property
    def rank(self) -> int:
        return RANKS[self.kind]


def chinese_number(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; None for anything else."""
    if not s or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in s):
        return None
    if all(c in _CN_DIGITS for c in s):  # 一〇五 written digit by digit
        value = 0
        for c in s:
            value = value * 10 + _CN_DIGITS[c]
        return value
    total, digit = 0, None
    last_unit = 10_000
    for c in s:
        if c in _CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits without a unit between them: 十四五 is no number
            digit = _CN_DIGITS[c]
        else:
            unit = _CN_UNITS[c]
            if unit >= last_unit:
                return None  # units only descend: 十十, 十百
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    return total + (digit or 0)


def match_label(text: str) -> Label | None:
    """The numbering label at the start of ``text``, or None."""
    found = _match_at(text, 0)
    if found is None:
        return None
    kind, number, label_text, end = found
    return Label(kind, number, label_text, text[end:])


def _match_at(text: str, pos: int) -> tuple[str, int, str, int] | None:
    """(kind, number, label text, end) of the label starting at ``text[pos]``, or None.

    The text is matched where it lies, never copied: run-on text (a whole document on one line)
    is searched for labels at thousands of positions.
    """
    if pos >= len(text):
        return None
    for kind, pattern in _PATTERNS:
        m = pattern.match(text, pos)
        if not m:
            continue
        raw_number = m.group(2)
        if kind == "circled":
            number = _CIRCLED.index(raw_number) + 1
        elif raw_number.isdigit():
            number = int(raw_number)
        else:
            number = chinese_number(raw_number)
        if number is None or number == 0:
            continue
        if kind == "cn_dun" and m.group(1)[-1] in "．." and m.end() == len(text):
            continue
        return kind, number, m.group(1).strip(), m.end()
    return None


def find_inline_labels(text: str) -> list[tuple[int, Label]]:
    """Labels that start inside ``text`` right after a sentence end: where run-on text
    (a document exported as one line) hides paragraph starts."""
    return [(pos, replace(label, rest=text[end:])) for pos, end, label in inline_labels(text)]


def inline_labels(text: str) -> Iterator[tuple[int, int, Label]]:
    """``find_inline_labels`` as (start, end, label) with the label spanning ``text[start:end]``;
    each label's ``rest`` is left empty, so that no label holds a copy of the rest of the text."""
    for m in _INLINE_START.finditer(text):
        pos = m.end()
        found = _match_at(text, pos)
        if found is not None and found[0] in ("cn_dun", "cn_paren", "ar_dot", "ar_dun"):
            kind, number, label_text, end = found
            yield pos, end, Label(kind, number, label_text, "")


_INLINE_START = re.compile(r"[。；;！？]\s*|(?<=[\u4e00-\u9fff])(?=[（(][一二三四五六七八九十]{1,3}[）)])")
