"""Deadlines as the genre prints them: 2019年底前, 2020年6月底前, 2021年上半年, 持续推进, 长期坚持.

A task table's 完成时限 cell or a clause of an item's note (（A牵头，B参与，2019年底前完成）) is read into
a ``Deadline``: the text as printed, the year and month it falls due, and its kind (``by_date``,
``ongoing`` or ``text``).
"""

from __future__ import annotations

import re

from ipplan.schema import Deadline

_YEAR = r"(?:19|20)\d{2}"
# the last year of a span (2019—2020年, 2019至2020年) is when the work falls due
_SPAN = re.compile(rf"({_YEAR})\s*年?\s*[-—–～~至到]\s*({_YEAR})\s*年")
_DATE = re.compile(rf"({_YEAR})\s*年\s*(?:(\d{{1,2}})\s*月(?:份)?)?")
_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*月")
_PART_OF_YEAR = {
    "年底": 12,
    "年末": 12,
    "年中": 6,
    "上半年": 6,
    "下半年": 12,
    "一季度": 3,
    "第一季度": 3,
    "二季度": 6,
    "第二季度": 6,
    "三季度": 9,
    "第三季度": 9,
    "四季度": 12,
    "第四季度": 12,
}
_PART = re.compile("|".join(sorted(_PART_OF_YEAR, key=len, reverse=True)))
# work that has no end: 持续推进, 长期坚持, 常态化开展, 每年, 逐年
ONGOING = re.compile(r"持续|长期|常态|每年|逐年|年年|按年度|定期|经常性|长效")
# what marks a clause as a time limit rather than part of a sentence
_BY = re.compile(r"前|底|末|以前|之前|完成|到位|见效|启动|出台|落实|实现|季度|上半年|下半年")
_DEADLINE_CLAUSE = re.compile(
    rf"^(?:于|在|力争|争取|确保)?\s*(?:{_YEAR}\s*年[^，,；;。]{{0,16}}|(?:持续|长期|常态化)[\u4e00-\u9fff]{{0,4}})$"
)
_MAX_CLAUSE = 24


def parse_deadline(raw: str) -> Deadline | None:
    """A deadline read from a 完成时限 cell or a note's clause; None for an empty cell."""
    text = raw.strip()
    if not text or text in ("—", "-", "/", "／"):
        return None
    year = month = None
    span = _SPAN.search(text)
    if span:
        year = int(span.group(2))
    else:
        date = _DATE.search(text)
        if date:
            year = int(date.group(1))
            month = int(date.group(2)) if date.group(2) else None
    if month is None:
        alone = _MONTH.search(text)  # 每年12月底前: a month without its year
        month = int(alone.group(1)) if alone else None
    if month is None:
        part = _PART.search(text)
        if part and year is not None:
            month = _PART_OF_YEAR[part.group(0)]
    if month is not None and not 1 <= month <= 12:
        month = None
    if ONGOING.search(text):
        kind = "ongoing"
    elif year is not None:
        kind = "by_date"
    else:
        kind = "text"
    return Deadline(raw=text, year=year, month=month, kind=kind)  # type: ignore[arg-type]


def is_deadline_clause(clause: str) -> bool:
    """Whether a clause of a note states when the work is due (2019年底前完成, 持续推进), not
    who does it."""
    c = clause.strip(" 。.")
    if not c or len(c) > _MAX_CLAUSE or not _DEADLINE_CLAUSE.match(c):
        return False
    return bool(_BY.search(c) or ONGOING.search(c) or _SPAN.search(c))
