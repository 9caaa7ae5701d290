"""The years a plan covers, from its title (or its notice's): （2022-2025年）, 2022—2025,
(2022—2023), a range whose dash a scrape lost ((20222023), a “十四五” plan (2021–2025), or one
year for an annual plan (2024年…推进计划, …工作要点(2023年)). 到2025年 alone names a target
year, not a period.
"""

from __future__ import annotations

import re

from ipplan.outline.labels import chinese_number
from ipplan.schema import Period

_YEAR = r"(?:19|20)\d{2}"
_DASH = r"[-－—–―～~〜至到]+"
_SP = r"[\s\u00a0\u3000]*"
_RANGE = re.compile(rf"({_YEAR}){_SP}年?{_SP}{_DASH}{_SP}({_YEAR}){_SP}年?")
# two years run together where the dash between them was lost, right after an opening bracket
_LOST_DASH = re.compile(rf"[（(]{_SP}({_YEAR})({_YEAR})(?!\d)")
_ONE_YEAR_BRACKETED = re.compile(rf"[（(]{_SP}({_YEAR}){_SP}年度?{_SP}[）)]")
# an annual plan: a year qualifying the document the title names at its end, with no other
# year between (总结2018年…编制2019年工作要点的通知 is a notice, not a 2018 plan)
_ONE_YEAR = re.compile(
    rf"({_YEAR}){_SP}年度?(?:(?!{_YEAR})[^，。；,;]){{0,30}}?"
    rf"(?:方案|计划|要点|安排|任务|清单|分工|分解|分工表|分解表)(?:[（(][^）)]*[）)])?$"
)
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九])五")
# “十四五”规划实施年度推进计划: the five-year plan is the one this document carries out, not its term
_CARRIES_OUT = re.compile(r"十[一二三四五六七八九]五[”\"’']?[^，。；]{0,12}?规划(?:的)?实施")
_CITED = re.compile(r"《[^》]*》")
_MAX_SPAN = 30  # a plan's years; two years further apart are two dates, not its period


def _range(start: int, end: int) -> Period | None:
    if start <= end <= start + _MAX_SPAN:
        return Period(start=start, end=end)
    return None


def period_of(text: str, *, cited_is_own: bool = False) -> Period | None:
    """The period one title states, or None. Years inside a 《》 citation belong to the cited
    document (落实《纲要（2021—2035年）》的方案 is no 2021–2035 plan), except in a notice that
    cites the plan it issues (``cited_is_own``)."""
    own = text if cited_is_own else _CITED.sub("", text)
    for pattern in (_RANGE, _LOST_DASH):
        m = pattern.search(own)
        if m:
            found = _range(int(m[1]), int(m[2]))
            if found:
                return found
    m = _ONE_YEAR_BRACKETED.search(own) or _ONE_YEAR.search(own)
    if m:
        return Period(start=int(m[1]), end=int(m[1]))
    m = _FIVE_YEAR_PLAN.search(own)
    if m and not _CARRIES_OUT.search(own):
        n = 10 + (chinese_number(m[1]) or 0)
        start = 1966 + 5 * (n - 3)  # five-year plans run in step from the 3rd (1966-1970)
        return Period(start=start, end=start + 4)
    return None


def plan_period(title: str | None, notice: str | None) -> Period | None:
    """The period of the plan's own title, else of its notice's title."""
    for text, cited_is_own in ((title, False), (notice, True)):
        if text:
            found = period_of(text, cited_is_own=cited_is_own)
            if found:
                return found
    return None


# the opening names the plan's years next to what it makes: 制定本方案（2023—2025年）,
# 现制定2023—2025年行动计划, 本规划期为2021—2025年
_PLAN_WORD = r"(?:方案|计划|规划|行动|本方案|本计划|本规划|规划期|实施期|期间)"
_OPENING_RANGE = re.compile(
    rf"{_PLAN_WORD}[^。，；,;]{{0,6}}?[（(]?{_SP}({_YEAR}){_SP}年?{_SP}{_DASH}{_SP}({_YEAR}){_SP}年"
    rf"|({_YEAR}){_SP}年?{_SP}{_DASH}{_SP}({_YEAR}){_SP}年(?:度|[^。，；,;《》]{{0,8}}?{_PLAN_WORD})"
)


def opening_period(text: str) -> Period | None:
    """The period an opening paragraph states for the plan it opens (a range next to 方案, 计划,
    规划期 …, outside the documents it cites in 《》), or None."""
    m = _OPENING_RANGE.search(_CITED.sub("《》", text))
    if not m:
        return None
    start, end = (m[1], m[2]) if m[1] else (m[3], m[4])
    return _range(int(start), int(end))
