"""Dates as Chinese documents and web pages print them.

A 成文日期 is printed 2022年10月27日 or, under a signature, in Chinese numerals
(二〇二二年十月二十七日, with 〇, ○, 零 or a Latin O for zero); web pages write 2022-10-27,
2022.10.27, 2022/10/27 or, where a scrape lost the 年 月 日, 20221027. ``parse_date`` reads a
text that is one date; ``find_dates`` finds the dates inside a line (a 文号 followed by its date,
a "时间：2023-07-11 17:01" line, "…于2022年7月7日印发…").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from ipplan.outline.labels import chinese_number

# zero as printed in a Chinese-numeral year: 〇 (U+3007), ○ (U+25CB), 零, and the Latin O or the
# digit 0 that typists and OCR put in its place (二OO九年)
_ZERO = "〇○◯零OoＯｏ0０"
_CN_DIGIT = f"{_ZERO}一二三四五六七八九"
_CN_SMALL = f"{_CN_DIGIT}十"
_YEAR = r"(?:19|20)\d{2}"

# a date alone on its line may have lost its 日 (2021年2月22 under a signature)
_DATE_CN = re.compile(rf"({_YEAR})年(\d{{1,2}})月(\d{{1,2}})日?")
_DATE_CN_NUMERALS = re.compile(rf"([{_CN_DIGIT}]{{4}})年([{_CN_SMALL}]{{1,3}})月([{_CN_SMALL}]{{1,3}})日")
_DATE_DASHED = re.compile(rf"({_YEAR})[-./](\d{{1,2}})[-./](\d{{1,2}})")
_DATE_COMPACT = re.compile(rf"({_YEAR})(\d{{2}})(\d{{2}})")
_SPACES = re.compile(r"[\s\u00a0\u3000]+")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a line: its value and where it is printed (``start``/``end`` index the
    line as given)."""

    value: date
    start: int
    end: int


def _canonical(text: str) -> str:
    # full-width digits and punctuation (２０２２－１０－２７) read as their ASCII forms
    return unicodedata.normalize("NFKC", text)


def _cn_value(numerals: str) -> int | None:
    digits = "".join("〇" if c in _ZERO else c for c in numerals)
    return chinese_number(digits)


def _make(year: int | None, month: int | None, day: int | None) -> date | None:
    if not (year and month and day):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str], numerals: bool) -> date | None:
    if numerals:
        return _make(_cn_value(m[1]), _cn_value(m[2]), _cn_value(m[3]))
    return _make(int(m[1]), int(m[2]), int(m[3]))


def parse_date(text: str) -> date | None:
    """The date ``text`` is, or None: 2022年10月27日, 二〇二二年十月二十七日, 2022-10-27, 2022.10.27,
    2022/10/27 or 20221027 (spaces anywhere ignored)."""
    t = _SPACES.sub("", _canonical(text))
    for pattern, numerals in (
        (_DATE_CN, False),
        (_DATE_DASHED, False),
        (_DATE_COMPACT, False),
        (_DATE_CN_NUMERALS, True),
    ):
        m = pattern.fullmatch(t)
        if m:
            return _from_match(m, numerals)
    return _short_compact(t)


_SHORT_COMPACT = re.compile(rf"({_YEAR})(\d{{3}})")


def _short_compact(t: str) -> date | None:
    """2023331: a scrape that lost 年月日 of 2023年3月31日. Read only where one split of the month
    and day makes a date (2023112 could be 1月12日 or 11月2日: no date)."""
    m = _SHORT_COMPACT.fullmatch(t)
    if m is None:
        return None
    rest = m.group(2)
    found = {
        d
        for cut in range(1, len(rest))
        if (d := _make(int(m.group(1)), int(rest[:cut]), int(rest[cut:]))) is not None
        and not rest[cut:].startswith("0")
    }
    return found.pop() if len(found) == 1 else None


# inside a line: the same forms, not glued to other digits (a 20-digit 索引号 holds no date)
_IN_LINE = [
    # 日 lost at the end of a line only (… 2021年2月22): inside one, 2月22 may go on 个…
    (re.compile(rf"(?<!\d)({_YEAR})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*(?:日|(?=\s*$))"), False),
    (re.compile(rf"(?<!\d)({_YEAR})[-./](\d{{1,2}})[-./](\d{{1,2}})(?!\d)"), False),
    (
        re.compile(rf"([{_CN_DIGIT}]{{4}})\s*年\s*([{_CN_SMALL}]{{1,3}})\s*月\s*([{_CN_SMALL}]{{1,3}})\s*日"),
        True,
    ),
]


def find_dates(line: str) -> list[FoundDate]:
    """The dates printed in ``line`` in order (not the lost-separator form, which inside a line
    cannot be told from other numbers)."""
    text = _canonical(line)
    if len(text) != len(line):  # NFKC changed the length: positions would not map back
        text = line
    found: list[FoundDate] = []
    for pattern, numerals in _IN_LINE:
        for m in pattern.finditer(text):
            value = _from_match(m, numerals)
            if value and not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(FoundDate(value, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)
