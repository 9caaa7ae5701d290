"""Quantities as the genre prints them: 900件, 1.2亿千瓦, 2万亿元, 80%以上, 1～3个百分点, 100O人次.

A ``Quantity`` is one number with its measure word and the comparator words around it. Whether it
is a commitment or only describes something (单户担保金额500万元及以下的…, 维持年限超过10年的…)
is decided by the caller from the words around it; ``is_attributive`` says whether the words
right after it make it a modifier of what follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipplan.extract.values import COMPARATOR_WORDS

# measure words a target counts in, longest first; years, months, days and ages are never targets
_BASE_UNITS = (
    # energy and its intensity: 吉瓦时, 吨标准煤/万元 (the intensity's "/万元" is part of the unit)
    "(?:吨|千克)标准煤(?:/万元)?|标准煤|吉瓦时|兆瓦时|"
    # a person-time (209人年 of research staff, 1000人次 trained)
    "人年(?!均|龄|度|人)|人月(?!均)|人日(?!常)|人天(?!然)|人次|户次|件次|篇次|项次|家次|场次|车次|架次|批次|班次|"
    "课时|学时|平方公里|平方千米|平方米|立方米|千瓦时|千瓦|兆瓦|吉瓦|"
    "标准箱|公里|千米|公顷|公斤|千克|美元|欧元|吨|亩|元|件|项(?!目)|"
    # 个月, 个工作日, 个小时: a time span, not a count
    "个(?!月|工作日|小时|季度|年|星期|周|自然日|交易日|学期|百分点)|"
    # a measure word that begins a longer word is no measure word (家庭, 支持, 场所, 名单)
    "家(?!庭|乡|属|具|电)|人(?!民|员|才|口|均|大|代|士)|名(?!单|录|称|义)|位(?!于|置)|所(?!有|属|在|得)|"
    "间(?!隔|接)|场(?!所|景|地|馆)|次(?!年|日|要|数)|篇|笔|起(?!草|步|诉|点)|批(?!准|复)|套|"
    "条(?!件|例|款)|部(?!门|分|署)|户(?!籍|外)|座|种(?!植|业|子|养|类)|本(?!地|市|区|县|级|科|土)|"
    "期(?!间|限|末|初)|支(?!持|付|出|撑)|处(?!理|置|罚|室)|台(?!账|阶)|辆|张|只|头|册|门(?!槛|户|类)|"
    "类|块|床|栋|艘|架|株|棵|例(?!如)|份(?!额)|宗|队(?!伍)|斤|担|"
    # a score out of 100 (满意度达到82分); not 分钟, 分之, 分类, 分别
    "分(?!钟|之|类|别|期|批|级|布|配|析|工|局|行|公司|会|院)"
)
_MAGNITUDE = "万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百"
_UNIT = (
    rf"个百分点|百分点|个基点|基点|%|％|‰|倍|(?:{_MAGNITUDE})?(?:{_BASE_UNITS})"
    # 投资100亿 / 超1万: a magnitude alone, only where nothing follows it
    rf"|(?:万亿|亿|万)(?=以上|以下|左右|$|[，,；;。、）)和及])"
    # a ratio: 农产品加工业与农业总产值比达到2.4∶1
    r"|[:∶]\s*1(?![\d.])"
    # a length of time, which is a target only where a level is set for it (``_TIME_LEVEL``)
    r"|个工作日|工作日|个月|小时|天"
)
_TIME_UNITS = ("个工作日", "工作日", "个月", "小时", "天")
# a time that a level is set for: 审查周期压缩至4个月以内, 开办时间压缩至0.5个工作日 — not a time
# limit for doing something (3个工作日内办结, 之日起3个工作日内)
_TIME_LEVEL = re.compile(r"(?:压缩|缩短|减少|降低|下降|控制|降)(?:至|到|在|为)\s*$|(?:不超过|不多于)\s*$")
# OCR may read a zero as a letter (100O人次); such a letter counts only inside a number before a unit
_OCR_ZERO = "Oo〇"
# a scrape may break a decimal percentage at its point (达到7. 5%)
_BROKEN_POINT = r"(?<=\d[.．])\s(?=\d{1,2}\s*[%％])"
_NUMBER = (
    rf"\d(?:[\d.．]|{_BROKEN_POINT}|,(?=\d{{3}})|[{_OCR_ZERO}](?=[\d{_OCR_ZERO}]*(?:余|多)?(?:{_UNIT})))*"
)
# a number starts where a run of digits starts (a match inside a run would rescan it: quadratic)
QUANTITY = re.compile(
    rf"(?<![\d.．,])(?P<num>{_NUMBER})(?:\s*(?:%|％|个百分点)?\s*[-－—–~～至到]\s*(?P<upper>{_NUMBER}))?\s*(?P<approx>余|多)?"
    rf"(?P<unit>{_UNIT})(?P<post>及以上|及以下|以上|以下|以内|左右|上下)?"
)
# a number with no measure word, closing its clause (每万人口发明专利拥有量达到12): its unit is the
# one its metric implies (``implied_unit``)
_BARE = re.compile(
    r"(?<![\d.．])(?P<num>\d+(?:\.\d+)?)(?P<post>及以上|及以下|以上|以下|以内|左右)?"
    r"(?=\s*(?:$|[。！？!?；;)）、和及]))"
)
_COUNTED = "拥有量|申请量|授权量|注册量|登记量|数量?|总量"
_IMPLIED_UNITS = (
    (re.compile(rf"(?:专利|商标|著作权|版权|地理标志|新品种|布图设计)\S{{0,10}}(?:{_COUNTED})$"), "件"),
    (re.compile(r"(?:率|比例|比重|占比|强度)$"), "%"),
    (re.compile(r"企业(?:数量?|总数)$"), "家"),
    (re.compile(r"(?:人数|人才数量?)$"), "人"),
    # an index is a pure number (区域科技创新指数达到160): it has no unit at all
    (re.compile(r"(?:指数|系数)$"), ""),
)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_FULL_WIDTH_CHARS = re.compile("[０-９．％]")  # translating is slow; most text has none of them
_OCR_DIGITS = str.maketrans({c: "0" for c in _OCR_ZERO})

# comparator words before a number (longest first), and what they mean
PRE_COMPARATORS = {
    "不得低于": ">=",
    "不应低于": ">=",
    "不低于": ">=",
    "不得少于": ">=",
    "不少于": ">=",
    "不小于": ">=",
    "至少": ">=",
    "最少": ">=",
    "不得超过": "<=",
    "不应超过": "<=",
    "不超过": "<=",
    "不得高于": "<=",
    "不高于": "<=",
    "不大于": "<=",
    "不多于": "<=",
    "最多": "<=",
    "超过": ">",
    "突破": ">",
    "高于": ">",
    "大于": ">",
    "多于": ">",
    "超": ">",
    "低于": "<",
    "少于": "<",
    "小于": "<",
    "大约": "~",
    "接近": "~",
    "约": "~",
    "近": "~",
}
POST_COMPARATORS = {
    "及以上": ">=",
    "以上": ">=",
    "及以下": "<=",
    "以下": "<=",
    "以内": "<=",
    "左右": "~",
    "上下": "~",
    "余": ">",
    "多": ">",
}
# what follows a number when it describes a noun rather than states a value: 500万元及以下的小微企业,
# 20亿级项目, 500强; 的水平 / 的目标 close a stated value (保持在95%以上的水平)
_ATTRIBUTIVE = re.compile(r"的(?!水平|目标|规模|增速|增幅|比例)|[级强型档号届版代线路码岁寸]")
# a scope may be narrowed in brackets before its noun: 6亩以下(不含6亩)的土地 (either number of it)
_BRACKETED_SCOPE = re.compile(r"\s*[（(][^（()）]{0,20}[)）]|[^（()），,；;。]{0,20}[)）]")


@dataclass(slots=True)
class Quantity:
    """One number with its measure word, as found in a clause (positions are the clause's)."""

    value: float
    unit: str  # "" where the number has no measure word of its own
    comparator: str | None  # from the words after the number (以上, 左右); the caller adds the words before
    start: int
    end: int  # after the measure word and any comparator word that follows it
    ranged: bool


def normalise(text: str) -> str:
    """Full-width digits, point and percent sign as ASCII: the same length, so positions carry over."""
    return text.translate(_FULL_WIDTH) if _FULL_WIDTH_CHARS.search(text) else text


def quantities(clause: str) -> list[Quantity]:
    """The quantities of ``clause`` (normalised), ordinals and numbers inside codes left out."""
    out: list[Quantity] = []
    for m in QUANTITY.finditer(clause):
        start, end = m.span()
        if _inside_code(clause[start - 1 : start]):
            continue
        number = m.group("upper") or m.group("num")
        value = _number(number)
        if value is None:
            continue
        unit = "%" if m.group("unit") == "％" else m.group("unit")
        if unit in _TIME_UNITS and not _TIME_LEVEL.search(clause[max(0, start - 8) : start]):
            continue
        words = m.group("post") or m.group("approx") or ""
        comparator = POST_COMPARATORS.get(words)
        out.append(Quantity(value, unit, comparator, start, end, m.group("upper") is not None))
    taken = {q.start for q in out}
    for m in _BARE.finditer(clause):
        if m.start() in taken or _inside_code(clause[m.start() - 1 : m.start()]):
            continue
        value = _number(m.group("num"))
        if value is not None:
            comparator = POST_COMPARATORS.get(m.group("post") or "")
            out.append(Quantity(value, "", comparator, m.start(), m.end(), False))
    out.sort(key=lambda q: q.start)
    return out


def _inside_code(before: str) -> bool:
    """The character before a number makes it part of a code (PM2.5, GB 50180, 〔2019〕), a decimal cut
    short or an ordinal (第3批)."""
    if not before:
        return False
    return (before.isascii() and (before.isalnum() or before in "./-")) or before in "第〔[号"


def implied_unit(metric: str) -> str | None:
    """The unit a metric's noun implies (…发明专利拥有量 → 件, …比重 → %; "" for an index, which has
    none), or None where it implies nothing."""
    for pattern, unit in _IMPLIED_UNITS:
        if pattern.search(metric):
            return unit
    return None


def _number(text: str) -> float | None:
    text = text.translate(_OCR_DIGITS).replace(",", "").replace("．", ".").replace(" ", "")
    if not re.fullmatch(r"\d+(?:\.\d+)?", text):
        return None
    return float(text)


def is_attributive(clause: str, q: Quantity) -> bool:
    """The words after ``q`` make it part of a description (…及以下的小微企业, 20亿级)."""
    if _ATTRIBUTIVE.match(clause, q.end) is not None:
        return True
    bracket = _BRACKETED_SCOPE.match(clause, q.end)
    return bracket is not None and _ATTRIBUTIVE.match(clause, bracket.end()) is not None


def comparator_word(word: str) -> str | None:
    return PRE_COMPARATORS.get(word) or COMPARATOR_WORDS.get(word)
