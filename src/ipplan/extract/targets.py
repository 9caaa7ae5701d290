"""Quantitative targets stated in prose: 到2026年，有效发明专利达到900件.

Read only from the plan's goals (the level-1 section or subsection about 目标), clause by clause:
a clause with a number and a measure word is a target; the words before the number, without the
verb that introduces it, name the metric.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ipplan.extract.values import COMPARATOR_WORDS
from ipplan.outline import Outline, Unit
from ipplan.schema import Target

_GOALS = re.compile(r"目标|要求")
_STRICT_GOALS = re.compile(r"目标")
# measure words a target counts in (longest first); 年 and 月 are dates, never targets
_UNITS = (
    "个百分点|万人次|亿元|万元|千元|万件|万人|万户|万家|万吨|人次|件次|篇次|家次|平方米|公里|公顷|亩|"
    "%|％|‰|件|项|个|家|人|名|次|篇|所|场|笔|起|批|套|条|部|户|座|种|本|期|位|支|处|元|倍"
)
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "〇": "0", "l": "1", "I": "1"})
_VALUE = re.compile(
    rf"(?P<cmp_pre>不少于|不低于|超过|突破|达到|达|至|到|为|≥|>=)?\s*"
    rf"(?P<num>\d(?:[\d.,，]|[Oo](?=[\dOo]*(?:{_UNITS})))*)\s*(?P<unit>{_UNITS})"
    rf"(?P<cmp_post>以上|以下|以内|左右)?"
)
_YEAR = re.compile(r"(?:到|至|于|在)?\s*((?:19|20)\d{2})\s*年(?:底|末)?")
_LEAD_VERBS = re.compile(
    r"^(?:力争|争取|确保|预计|全面|进一步|累计|每年|年均|新培育|培育|组织|建成|建设|实施|打造|开展|举办|推动|引进|"
    r"支持|发展|实现|完成|创建|认定|获批|形成)+"
)
_PLACE = re.compile(r"^(?:我|全)[区县市省州镇乡]|^(?:全区|全县|全市|全省|我区|我县|我市|我省)")
_TAIL_VERBS = re.compile(
    r"(?:累计达到|累计达|累计|达到|达|提高至|提高到|提高|提升至|提升到|提升|增至|增加到|新增|突破|超过|不少于|不低于|"
    r"保持在|稳定在|控制在|为|至|到|各)+$"
)
# the words that frame a target rather than state it: 到2026年，力争我区…
_ASPIRATION = re.compile(
    r"^(?:(?:到|至)?(?:19|20)\d{2}年(?:底|末)?\s*[，,]?\s*)?(?:力争|争取|确保|预计)?(?:我[区县市省州])?"
)
# a clause that names only a change, whose subject is the previous clause's metric
_BARE_CHANGE = re.compile(r"(?:年均|平均|每年)?(?:增长|提高|提升|增加|下降|减少|降低)(?:率)?")
_RANGE_START = re.compile(r"\d+(?:\.\d+)?\s*[-—–~～至到]\s*$")
_CLAUSE = re.compile(r"[，,；;。：:！？\n]")


def targets(outline: Outline) -> list[Target]:
    out: list[Target] = []
    context_year: int | None = None
    for u in _goal_units(outline):
        text = u.text.strip()
        m = re.match(r"^(?:到|至)?\s*((?:19|20)\d{2})\s*年", text)
        if m:
            context_year = int(m.group(1))
        for sentence in re.split(r"(?<=。)", text):
            year = _sentence_year(sentence)
            previous: Target | None = None
            for clause in _CLAUSE.split(sentence):
                target = _target(clause, year or context_year, u)
                if target is None:
                    continue
                if previous is not None and _BARE_CHANGE.fullmatch(target.metric):
                    # "…拥有量达到4.5件，年均增长12%": the change is the previous metric's
                    change = target.text[: target.text.find(target.metric) + len(target.metric)]
                    target.metric = previous.metric + change
                out.append(target)
                previous = target
    return out


def _goal_units(outline: Outline) -> list[Unit]:
    """The units of the goals: the level-1 section about 目标, else a subsection about 目标."""
    units = outline.units
    for pattern, level in ((_STRICT_GOALS, 1), (_STRICT_GOALS, 2), (_GOALS, 1)):
        heads = [i for i, u in enumerate(units) if u.level == level and pattern.search(u.text[:20])]
        if not heads:
            continue
        selected: list[Unit] = []
        for start in heads:
            selected.append(units[start])
            for u in _from(units, start + 1):
                if u.level is not None and u.level <= level:
                    break
                if not u.is_table:
                    selected.append(u)
        return selected
    return []


def _from(units: list[Unit], start: int) -> Iterator[Unit]:
    """``units[start:]`` without copying it (a run-on document has thousands of goal headings)."""
    for i in range(start, len(units)):
        yield units[i]


def _sentence_year(sentence: str) -> int | None:
    m = _YEAR.search(sentence)
    return int(m.group(1)) if m else None


def _target(clause: str, year: int | None, u: Unit) -> Target | None:
    clause = clause.strip()
    if not clause:
        return None
    best = None
    for m in _VALUE.finditer(clause):
        number = m.group("num").translate(_OCR_DIGITS).replace(",", "").replace("，", "")
        if not re.fullmatch(r"\d+(?:\.\d+)?", number):
            continue
        # a year, a date or a count in a name ("十四五", "2335") is no target; only the character
        # before the match is read (copying all that precedes each number is quadratic)
        start, end = m.start(), m.end()
        if clause[start - 1 : start].isdecimal() or clause[end : end + 1] in ("年", "月", "日"):
            continue
        best = (m, float(number))
    if best is None:
        return None
    m, value = best
    # a range ("3—5个"): the target is its upper end, and the lower end names nothing
    before = _RANGE_START.sub("", clause[: m.start()])
    metric = _metric(before, m)
    end = m.end()
    if len(metric) < 2:
        # "打造3—5个知识产权示范园区": a verb, the count, then what is counted
        after = re.match(r"[\u4e00-\u9fffA-Za-z“”\"、（）()]{2,40}", clause[end:])
        if after is None:
            return None
        metric, end = after.group(0), end + after.end()
    comparator = COMPARATOR_WORDS.get(m.group("cmp_post") or "") or COMPARATOR_WORDS.get(
        m.group("cmp_pre") or ""
    )
    unit = "%" if m.group("unit") == "％" else m.group("unit")
    return Target(
        metric=metric,
        value=value,
        unit=unit,
        year=year,
        comparator=comparator,  # type: ignore[arg-type]
        text=_ASPIRATION.sub("", clause[:end].strip()),
        source=u.loc,
    )


def _metric(before: str, m: re.Match[str]) -> str:
    text = _YEAR.sub("", before).strip()
    text = re.sub(r"^[——\-–\s]+", "", text)
    text = _PLACE.sub("", text)
    text = _LEAD_VERBS.sub("", text)
    text = _PLACE.sub("", text)
    text = _TAIL_VERBS.sub("", text)
    return text.strip(" ，,、")
