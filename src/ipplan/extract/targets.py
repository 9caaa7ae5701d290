"""Quantitative targets stated in prose: 到2026年，有效发明专利达到900件.

Which sentences: every sentence of the body (goals and task items alike) except the opening
paragraphs before the first heading, a background chapter (发展基础, 面临形势), tables and the notes
under them. A plan that tabulates its indicators states its prose targets in its goals chapter:
there only that chapter is read.

How a sentence states a number it commits to (``_Clause``):
- the metric before the number, with a stating verb or comparator between (全国农机总动力稳定在
  11亿千瓦左右; 合作机构…的比例不得低于80%; 生产总值增长6%以上, where the change is the metric);
- a verb, the count, then what is counted (推出100项具有较大知名度的体育精品赛事 → 体育精品赛事);
- the count, what is counted, then the verb that closes the clause (首批100个…示范社区全面建成);
- a share that heads its noun, the subject of the verb after it (…成华区50%的城市社区建成…综合体: the
  noun and what is done to it is the metric; 对50%的企业… is an object, 占比超过50%的企业 a description);
- several numbers in one clause: 分别达到65%和55% (one target each, the list distributed),
  20亿级项目不少于12个、50亿级项目不少于2个, 培养1万名…、200万名…;
- a clause with no metric of its own borrows one (``_Clause._borrowed``): after 其中 the previous
  target's, the subject clause before it (…再担保业务收费，原则上不高于…0.5%), the previous target of
  its sentence (…年均增长20%，累计达到100亿元); a bare change (年均增长12%) is the previous metric's;
- a number with no measure word after a stating verb takes the unit its metric implies (…发明专利
  拥有量达到12 → 件); an index has none (区域科技创新指数达到160).
A number that describes a noun (500万元及以下的小微企业, 维持年限超过10年的, 6亩以下(不含6亩)的土地), a
time span (20个工作日内),
an ordinal, an amount per recipient (每人每天不超过30元) and a past statistic (十三五期间… in a later
document, 已达到…, 截至2018年底…, 2018年全国… before the document's year) is no target.

The year: 到2025年 / 2025年前 / 2025年底 holds for its clause and what follows it in the paragraph; a
paragraph that opens with one (after a run-in heading closed by 。, ：, or a scrape's "." as full stop)
passes it to the paragraphs under it; 今年 is the issuing year; an
annual plan's year holds where nothing else is stated; per-year targets (每年…) and relative spans
(未来五年, 3年内) have none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ipplan.extract import metrics
from ipplan.extract.indicators import read_columns
from ipplan.extract.quantities import (
    PRE_COMPARATORS,
    Quantity,
    comparator_word,
    implied_unit,
    is_attributive,
    normalise,
    quantities,
)
from ipplan.outline import Outline, Unit
from ipplan.schema import Meta, Target

# --- which units ------------------------------------------------------------------------------

_GOALS = re.compile(r"目标|要求")
_STRICT_GOALS = re.compile(r"目标")
# a chapter that looks back (发展基础, 面临形势, “十三五”时期取得的成就) states no commitment
_BACKGROUND = re.compile(
    r"(?:发展基础|工作基础|发展现状|现状|面临形势|形势|背景|发展环境|发展成就|主要成就|成就|回顾|取得的成效|"
    r"主要成效|工作成效|基本情况)(?:[与和及、][^，。]{0,8})?$"
)
_NOTE = re.compile(r"^\s*(?:[（(]?\s*(?:注|备注|说明|数据来源|资料来源)\s*[）)]?\s*[：:]|[（(]\s*以上指标)")
_NOTE_ITEM = re.compile(r"^\s*\d+\s*[.．、]")


def _body(outline: Outline) -> list[Unit]:
    units = outline.units
    if any(_is_indicator_table(u) for u in units):
        goals = _goal_units(outline)
        if goals:
            return goals
    first = next((i for i, u in enumerate(units) if u.level == 1), 0)
    # an opening paragraph that states the plan's goals (主要目标：…达到…) is read; the others
    # (purpose, background, past figures) are not
    selected: list[Unit] = [u for u in units[:first] if not u.is_table and _STATES_GOALS.search(u.text)]
    background_level: int | None = None
    in_notes = False
    for u in _from(units, first):
        if u.is_table:
            continue
        if background_level is not None:
            if u.level is None or u.level > background_level:
                continue
            background_level = None
        if u.level is not None and _BACKGROUND.search(_heading_of(u.text)):
            background_level = u.level
            continue
        if _NOTE.match(u.text) or (in_notes and u.level is None and _NOTE_ITEM.match(u.text)):
            in_notes = True
            continue
        in_notes = False
        selected.append(u)
    return selected


_STATES_GOALS = re.compile(
    r"(?:主要|总体|工作|发展|年度)(?:目标|指标)[是为：:]|(?:主要|预期)(?:目标|指标)(?:是|为|如下)?[：:]"
    r"|目标任务[是为：:]|力争|确保"
)


def _heading_of(text: str) -> str:
    head = re.split(r"[。：:]", text.strip(), maxsplit=1)[0]
    return head if len(head) <= 20 else ""


def _is_indicator_table(u: Unit) -> bool:
    """A table the indicator extractor reads: its first row names indicators and their values
    (指标名称 | 2025年目标值 …)."""
    if not u.is_table:
        return False
    rows = getattr(u.block, "rows", None) or []
    return bool(rows) and read_columns([c.text for c in rows[0]]) is not None


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


# --- years ------------------------------------------------------------------------------------

_YEAR = r"((?:19|20)\d{2})\s*年"
# 到2025年 / 至2025年底 / 2025年前 / 2025年12月底前: the year a commitment is due
_DUE_YEAR = re.compile(
    rf"(?:到|至|截至|截止到|截止|于|在)\s*{_YEAR}(?:度|底|末|初)?(?!\d{{1,2}}月\d{{1,2}}日)"
    rf"|(?<!\d){_YEAR}(?:\d{{1,2}}月)?(?:底|末)?前"
)
# 截至2018年底，全国共有…: a count as of a date the document has reached is a statistic
_AS_OF = re.compile(rf"(?:截至|截止到|截止)\s*{_YEAR}")
# 今年 / 本年度: the year the document was issued
_THIS_YEAR = re.compile(r"今年|本年度?(?!以来)")
# a year that opens a clause: 2025年，… (a stated target year, or past statistics before the plan)
_OPENING_YEAR = re.compile(rf"^\s*{_YEAR}(?:度|底|末|上半年|下半年|全年)?(?=[，,\s]|$)")
# a year printed bare in a clause (其中2019年培训…), not a baseline (比2015年, 由2020年的), a start
# (自2019年起) or a span in a title (《…纲要（2021—2035年）》)
_OTHER_YEAR = re.compile(
    rf"(?<![比较与同自从由至到\d—\-–~～]){_YEAR}(?!起|以来|开始|度?[)）》]|远景|\d{{1,2}}月\d{{1,2}}日)"
)
# words of a report on the past: 已达到, 首次, 近年来, 五年来, 过去一年, 去年, 目前 (a five-year plan's
# 十三五期间 is checked against the document's own years)
_PAST = re.compile(
    r"已|首次|超额完成|以来|近年来|(?<![一二三四五六七八九十两\d])[一二三四五六七八九十两\d]+年来|"
    r"过去[一二三四五六七八九十两\d]*年|"
    r"(?<![比较])(?:去年|上年度?|上一年)|目前"
)
_FIVE_YEAR_PLAN = re.compile(r"十\s*([一二三四五六])\s*五\s*[”\"]?\s*(?:期间|时期|期末|末)")
_PER_YEAR = re.compile(
    r"每年|每一年|逐年|(?:未来|今后)[一二三四五六七八九十两\d]*年|"
    r"(?<![一二三四五六七八九十两\d])[一二三四五六七八九十两\d]+年(?:内|间|来|共)"
)
# the year an annual plan is for: 市政府工作报告重点工作责任分解(2023年), 2024年知识产权强国建设推进计划,
# 2021年国民经济和社会发展计划
_ANNUAL_TITLE = re.compile(
    r"[（(]\s*((?:19|20)\d{2})\s*年?度?\s*[)）]|(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年度?)?[^，。\d]{0,24}"
    r"(?:工作要点|工作计划|推进计划|重点工作|行动计划|实施计划|任务清单|重点任务|责任分解|工作安排|"
    r"国民经济和社会发展计划)"
)
# a scrape may print a full stop as "." (品牌数量大幅度增加.到2020年): a point after a Chinese character,
# not before a digit
_FULL_STOP_POINT = r"(?<=[^\x00-\x7f])\.(?!\d)"
_RUN_IN = re.compile(rf"^[^。，,；;]{{1,15}}(?:[。：:]|{_FULL_STOP_POINT})")


@dataclass(slots=True)
class _Calendar:
    """What the document says about its own years."""

    issued: int | None = None  # the year it was issued (or its period begins)
    period: tuple[int, int] | None = None
    annual: int | None = None  # the year of an annual plan

    def is_past_plan(self, numeral: str) -> bool:
        """十三五期间 in a document of 2021: a five-year plan that ended before it."""
        end = 2000 + 5 * "一二三四五六".index(numeral) + 10  # 十一五 ended 2010
        return self.issued is not None and end < self.issued

    def is_past(self, year: int) -> bool:
        """A year printed bare (2018年，全国…) is past statistics when it precedes the plan."""
        if self.annual == year or (self.period and self.period[0] <= year <= self.period[1]):
            return False
        return self.issued is not None and year < self.issued


def _calendar(meta: Meta | None, outline: Outline) -> _Calendar:
    cal = _Calendar()
    if meta is not None:
        if meta.period is not None:
            cal.period = (meta.period.start, meta.period.end)
        cal.issued = meta.issue_date.year if meta.issue_date else (cal.period[0] if cal.period else None)
    if cal.period and cal.period[0] == cal.period[1]:
        cal.annual = cal.period[0]
    titles = [meta.title] if meta is not None and meta.title else []
    # the title as the outline still holds it, above the first heading
    for u in outline.units[:12]:
        if u.level is not None:
            break
        if not u.is_table and len(u.text) <= 60:
            titles.append(u.text)
    if cal.annual is None:
        for title in titles:
            m = _ANNUAL_TITLE.search(title)
            if m:
                cal.annual = int(m.group(1) or m.group(2))
                break
    return cal


# --- sentences and clauses ----------------------------------------------------------------------

_SENTENCE = re.compile(rf"(?:[^。！？!?.]|(?!{_FULL_STOP_POINT})\.)+(?:[。！？!?]|{_FULL_STOP_POINT})?")
_DIGIT = re.compile(r"[0-9０-９]")
_CLAUSE = re.compile(r"[^，,；;：:\n]+")
_SEPARATOR = r"、|和|及|与|或|以及"
_ONLY_SEPARATOR = re.compile(rf"\s*(?:{_SEPARATOR})?\s*")
# a bracketed remark may follow the value (达到900件（含转让）, 12件（上述指标均为预期性指标）)
_CLOSES_VALUE = re.compile(rf"\s*(?:的(?:水平|目标))?\s*(?:$|{_SEPARATOR}|[)）(（。！？!?])")
_COUNT_VERB = re.compile(
    rf"(?:新增|新建|{metrics.COMMIT_VERBS})(?:累计|分别|共|再|新|各|至少|不少于|不低于|超过|约|近|超|力争)*\s*$"
)
_LAST_SEPARATOR = re.compile(rf"(?:{_SEPARATOR})(?=(?:{metrics.COMMIT_VERBS}|新增|新建)?\s*$)")
# the words a text opens with that frame rather than state the target (到2026年，力争我区…)
_TEXT_FRAMING = re.compile(
    r"^[\s——\-–、（(]*(?:(?:到|至)?\s*(?:19|20)\d{2}\s*年(?:\d{1,2}月)?(?:底前|末前|底|末|前)?\s*[，,]?\s*)?"
    r"(?:(?:力争|争取|确保|预计)?我[区县市省州])?"
)
_BARE_CHANGE = re.compile(rf"(?:年均|平均|每年|同比|比上年)?(?:{metrics.CHANGE_VERBS})(?:率)?")
# 每人 / 每个基地 / 最高: an amount per recipient
_PER_RECIPIENT = re.compile(r"每[人户个家名项次天日月张床所吨亩件台辆位]|最高|最多|一次性")
_MAX_LEFT = 80
_MAX_NOUN = 40  # what a count counts is a noun phrase


_PRE_COMPARATOR = "|".join(sorted(PRE_COMPARATORS, key=len, reverse=True))
_ENDING_VERB = re.compile(rf"(?:{metrics.COMMIT_VERBS})$")
_CONDITION = re.compile(rf"(?:{_PRE_COMPARATOR}|在)[^，,]{{0,12}}\d[^，,]*的$")
# a count that is the subject of what is done to it, the verb closing the clause: 首批100个…示范社区
# 全面建成 (the count of things built, not an object of the words before it)
_DONE = re.compile(
    r"(?P<noun>[^，,；;。]{2,40}?)(?:全面|全部|基本|均|都|陆续|顺利|如期|按期|按时|率先)*"
    r"(?:建设完成|建成|完成|投入使用|投用|投产|挂牌|落地|竣工|达标|通过验收|获批|认定|创建成功)"
    r"(?:并投入使用|运营)?\s*$"
)
# a preposition before a count makes it the object of the clause's verb (对100家企业…)
_BEFORE_OBJECT = re.compile(r"[对向为由将把按给从比在与和及、]$")
# a share that heads its noun, the subject of the verb after it: …50%的城市社区建成…综合体
_SHARE_UNITS = ("%", "‰")
_SHARE_VERB = re.compile(rf"(?:{metrics.COMMIT_VERBS}|达到|实现|拥有|具备|具有|开展|纳入|覆盖)")
_QUANTITY_AFTER = re.compile(r"\d")
_LEVEL_WORD = re.compile(rf"{metrics.STATE_VERBS}|{_PRE_COMPARATOR}")
# the words a share is of (研发投入占比3%的企业, 收入增长20%以上的企业): then it describes its noun
_SHARE_OF = re.compile(r"(?:率|比|比例|比重|占比|强度|份额|增长|增速|增幅|下降|降幅)$")
_TRAILING_BRACKET = re.compile(r"\s*[（(][^（()）]*[)）]\s*$")


def _base(metric: str) -> str:
    """A metric without the change it ends in (…质押融资额年均增长 → …质押融资额)."""
    m = re.search(rf"(?:年均|平均|每年|同比|比上年)?(?:{metrics.CHANGE_VERBS})$", metric)
    return metric[: m.start()] if m and m.start() >= 2 else metric


def targets(outline: Outline, meta: Meta | None = None) -> list[Target]:
    """The quantitative targets stated in the body's sentences, in document order."""
    calendar = _calendar(meta, outline)
    out: list[Target] = []
    carried: int | None = None  # a year a paragraph opened with, for the paragraphs under it
    carried_level: int | None = None
    for u in _body(outline):
        ends_carry = u.level is not None and (carried_level is None or u.level <= carried_level)
        if carried is not None and ends_carry:
            carried = None
        opening = _opening_year(u.text, calendar)
        if opening is not None:
            carried, carried_level = opening, u.level
        reader = _UnitReader(u, calendar, carried)
        out.extend(reader.read())
    for t in out:
        if _WRAP_SPACE.search(t.metric):
            t.metric = _WRAP_SPACE.sub("", t.metric)
    return out


# a scrape breaks lines inside words (专利密集型产业增加值 占全市GDP比重): a metric is one name
_WRAP_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def _opening_year(text: str, calendar: _Calendar) -> int | None:
    """The year a paragraph opens with (after a run-in heading: 主要目标。到2025年，…)."""
    text = text.strip()
    run_in = _RUN_IN.match(text)
    for start in (0, run_in.end() if run_in else 0):
        head = normalise(text[start : start + 16])
        if _AS_OF.match(head.lstrip()):
            return None  # 截至2018年底，…: what had been reached, not what is due
        m = _DUE_YEAR.match(head.lstrip())
        if m:
            return int(m.group(1) or m.group(2))
        m = _OPENING_YEAR.match(head)
        if m and not calendar.is_past(int(m.group(1))):
            return int(m.group(1))
    return None


@dataclass
class _UnitReader:
    unit: Unit
    calendar: _Calendar
    year: int | None  # the year in force: carried in, then set by each due year stated
    found: list[Target] = field(default_factory=list)

    sentence_start: int = 0  # where the current sentence's targets begin in ``found``

    def read(self) -> list[Target]:
        for sentence in _SENTENCE.finditer(self.unit.text):
            self.sentence_start = len(self.found)
            self._sentence(sentence.group(0))
        return self.found

    def has_sentence_targets(self) -> bool:
        return len(self.found) > self.sentence_start

    def _sentence(self, raw: str) -> None:
        if _DIGIT.search(raw) is None:
            return  # a target is a number: a sentence without one is read no further
        text = normalise(raw)
        clauses = [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]
        past_sentence = False
        subject: tuple[int, int] | None = None  # a clause with no target: the subject of the next
        for k, (start, end) in enumerate(clauses):
            clause = text[start:end]
            plan = _FIVE_YEAR_PLAN.search(clause)
            past = (
                _PAST.search(clause) is not None
                or self._past_year(clause)
                or (plan is not None and self.calendar.is_past_plan(plan.group(1)))
            )
            if k == 0 and past:
                past_sentence = True
            elif past_sentence and not past and _DUE_YEAR.search(clause):
                past_sentence = False  # 2020年全市…5000件，到2025年达到8000件
            found, described = [], False
            if not (past or past_sentence):
                reading = _Clause(self, raw, text, start, end, subject, self._due_year(clause))
                found = reading.read()
                # a clause that states nothing in numbers may be the subject of the next (…业务收费，
                # 原则上不高于…0.5%); numbers that only describe its noun do not count
                described = reading.describes_only
            self.found.extend(found)
            subject = (start, end) if not found and not past and described else None

    def _due_year(self, clause: str) -> int | None:
        """The year ``clause`` states its targets for (the last one it prints: …由2020年的5.12件提高到
        2025年的8件), which then holds for the rest of the paragraph."""
        due = [int(m.group(1) or m.group(2)) for m in _DUE_YEAR.finditer(clause)]
        if not due and _THIS_YEAR.search(clause) and self.calendar.issued is not None:
            due = [self.calendar.issued]
        if not due:
            due = [
                y
                for y in (int(m.group(1)) for m in _OTHER_YEAR.finditer(clause))
                if not self.calendar.is_past(y)
            ]
        if not due:
            return None
        self.year = due[-1]
        return due[-1]

    def _past_year(self, clause: str) -> bool:
        as_of = _AS_OF.search(clause)
        if as_of is not None:
            issued = self.calendar.issued
            return issued is None or int(as_of.group(1)) <= issued
        if _DUE_YEAR.search(clause):
            return False
        m = _OTHER_YEAR.search(clause)
        return m is not None and self.calendar.is_past(int(m.group(1)))


@dataclass
class _Group:
    """Values one metric shares: 分别达到65%和55% (or a single value)."""

    quantities: list[Quantity]
    metric: str
    lead: str  # the words before the metric (每年招引…)
    chain: str  # the words between the metric and the first number
    text_start: int  # in the sentence
    text_end: int


class _Clause:
    """The targets of one clause (``start``..``end`` of the sentence ``text``)."""

    def __init__(
        self,
        reader: _UnitReader,
        raw: str,
        text: str,
        start: int,
        end: int,
        subject: tuple[int, int] | None,
        due: int | None,
    ) -> None:
        self.reader, self.raw, self.text = reader, raw, text
        self.start, self.end = start, end
        self.clause = text[start:end]
        self.subject = subject
        self.due = due
        self.describes_only = True  # no number of the clause states a value (set by ``read``)

    def read(self) -> list[Target]:
        clause = self.clause
        found = quantities(clause)
        if not found:
            return []
        attributive = [is_attributive(clause, q) for q in found]
        # 500万元及以下、平均担保费率不超过1%的担保业务: a list that ends describing a noun describes it
        for i in range(len(found) - 2, -1, -1):
            between = clause[found[i].end : found[i + 1].start]
            if (
                attributive[i + 1]
                and not self._heads_noun(found[i + 1])
                and re.match(rf"\s*(?:{_SEPARATOR})", between)
                and len(between) <= 24
            ):
                attributive[i] = True
        shares = {q.start for q, a in zip(found, attributive, strict=True) if a and self._heads_noun(q)}
        values = [q for q, a in zip(found, attributive, strict=True) if not a or q.start in shares]
        self.describes_only = not values
        out: list[Target] = []
        segment = 0  # where the current target's words begin in the clause
        group: _Group | None = None
        counting = False  # the previous value was a count before its noun (培养1万名…、200万名…)
        for i, q in enumerate(values):
            # only a separator since the last target (…65%和55%; …1万名养老院院长、200万名…)
            gap = q.start - segment
            joined = gap <= 4 and _ONLY_SEPARATOR.fullmatch(clause, segment, q.start) is not None
            if group is not None and joined:
                group.quantities.append(q)
                group.text_end = self.start + q.end
                segment = q.end
                continue
            if group is not None:
                out.extend(self._emit(group))
                group = None
            if q.start in shares:
                out.append(self._share(q, segment))
                counting = False
                segment = len(clause)
                continue
            if _CLOSES_VALUE.match(clause, q.end) and not (counting and joined):
                group = self._stated(q, segment, out)
                counting = False
                segment = q.end
                continue
            if not q.unit:
                continue  # a bare number states a value only after its metric
            done = None if q.unit in _SHARE_UNITS else self._done(q, segment)
            if done is not None:
                out.append(done)
                counting = False
                segment = len(clause)
                continue
            if _COUNT_VERB.search(clause, max(segment, q.start - 16), q.start) or (counting and joined):
                nxt = values[i + 1] if i + 1 < len(values) else None
                target, segment = self._counted(q, segment, nxt)
                counting = target is not None
                if target is not None:
                    out.append(target)
                continue
            counting = False
        if group is not None:
            out.extend(self._emit(group))
        return out

    # the metric before the number: 全国农机总动力稳定在11亿千瓦左右
    def _stated(self, q: Quantity, segment: int, earlier: list[Target]) -> _Group | None:
        clause = self.clause
        window = max(segment, q.start - _MAX_LEFT)
        left = clause[window : q.start]
        if q.unit.endswith("元") and _PER_RECIPIENT.search(left):
            return None  # a standard per recipient (每人每天不超过30元), not a total committed
        chain_start, _ = metrics.verb_chain(left)
        before = left[:chain_start]
        text_start = self.start + window
        run_on = metrics.run_on_end(before)  # …建设更加完善建成…: a lost comma
        if run_on:
            before, text_start = before[run_on:], text_start + run_on
        metric = metrics.clean(before)
        lead = before[: before.find(metric)] if metric and metric in before else before
        chain = left[chain_start:]
        change = _BARE_CHANGE.fullmatch(before.strip(" 、，,"))
        previous = self._previous(earlier)
        in_sentence = previous if earlier or self.reader.has_sentence_targets() else None
        if change:
            # …达到4.5件，年均增长12%: the change of the metric before it
            metric = (_base(in_sentence.metric) if in_sentence else "") + change.group(0)
        elif len(metric) < 2:
            metric, subject_start = self._borrowed(left, chain, in_sentence, previous)
            if subject_start is not None:
                text_start = subject_start
            if len(metric) < 2:
                return None
        if not q.unit:
            unit = implied_unit(metric)
            if unit is None or not left[chain_start:]:
                return None  # a bare number is a value only after a stating verb, for a metric with a unit
            q.unit = unit
        return _Group([q], metric, lead, chain, text_start, self.start + q.end)

    def _borrowed(
        self, left: str, chain: str, in_sentence: Target | None, previous: Target | None
    ) -> tuple[str, int | None]:
        """The metric of a clause with none of its own, and where its text then starts: after 其中 the
        previous target's; the subject clause before it (…再担保业务收费，原则上不高于…0.5%); the
        previous target's in the same sentence (…年均增长20%，累计达到100亿元); or its verb alone
        (每年培训1万人次)."""
        verb = _ENDING_VERB.search(left)
        if previous is not None and "其中" in left:
            return previous.metric, None
        if self.subject is not None and (chain or verb):
            s, e = self.subject
            subject = self.text[max(s, e - _MAX_LEFT) : e]
            # …缴费比例高于16%的，可降至16%: the noun before the condition the clause sets
            condition = _CONDITION.search(subject)
            return metrics.clean(subject[: condition.start()] if condition else subject), s
        if in_sentence is not None and chain:
            return _base(in_sentence.metric), None
        return (verb.group(0) if verb else ""), None

    # a count before what it counts: 推出100项具有较大知名度的体育精品赛事
    def _counted(self, q: Quantity, segment: int, nxt: Quantity | None) -> tuple[Target | None, int]:
        clause = self.clause
        stop = min(len(clause) if nxt is None else nxt.start, q.end + _MAX_NOUN)
        between = clause[q.end : stop]
        cut = _LAST_SEPARATOR.search(between) if nxt is not None else None
        noun_end = q.end + (cut.start() if cut else len(between))
        noun = clause[q.end : noun_end].strip(" 。！？!?")
        # what is counted, without what describes it (具有较大知名度的)
        head = noun.rsplit("的", 1)[-1] if "的" in noun and not re.search(r"[“”（）()《》]", noun) else noun
        head = re.sub(r"等$", "", head).strip()
        next_segment = noun_end + (cut.end() - cut.start() if cut else 0)
        if len(head) < 2:
            return None, next_segment
        left = clause[max(segment, q.start - _MAX_LEFT) : q.start]
        if re.search(r"(?:新增|新建)(?:\S{0,4})$", left):
            head = ("新增" if "新增" in left[-8:] else "新建") + head
        comparator = q.comparator or self._comparator(left[-8:])
        year = self._year(left)
        text_start = self.start + max(segment, q.start - _MAX_LEFT)
        target = Target(
            metric=head,
            value=q.value,
            unit=q.unit,
            year=year,
            comparator=comparator,  # type: ignore[arg-type]
            text=self._text(text_start, self.start + noun_end),
            source=self.reader.unit.loc,
        )
        return target, next_segment

    def _heads_noun(self, q: Quantity) -> bool:
        """``q`` is a share that heads its noun (…50%的城市社区建成…): what follows 的 has a verb, and
        nothing before it is a metric the share is of (占比超过50%的 / 研发投入强度3%的 describe)."""
        clause = self.clause
        if q.unit not in _SHARE_UNITS or not clause.startswith("的", q.end):
            return False
        left = clause[: q.start].rstrip()
        chain_start, _ = metrics.verb_chain(left)
        if _LEVEL_WORD.search(left, chain_start):
            # 确保超过50%的社区…: a level with no metric before it is the share's own
            return len(metrics.clean(left[:chain_start])) < 2 and self._share_verb_after(q)
        if _BEFORE_OBJECT.search(left) or _ENDING_VERB.search(left) or _SHARE_OF.search(left):
            return False
        return self._share_verb_after(q)

    def _share_verb_after(self, q: Quantity) -> bool:
        clause = self.clause
        rest = clause[q.end + 1 :]
        return _QUANTITY_AFTER.search(rest) is None and _SHARE_VERB.search(rest) is not None

    def _share(self, q: Quantity, segment: int) -> Target:
        """The target of a share that heads its noun: the noun and what is done, as the metric."""
        clause = self.clause
        metric = _TRAILING_BRACKET.sub("", clause[q.end + 1 :]).strip(" 。！？!?")
        left = clause[max(segment, q.start - _MAX_LEFT) : q.start]
        return self._target(metric, q, left, q.start)

    def _done(self, q: Quantity, segment: int) -> Target | None:
        """A count that is the subject of a verb closing its clause (首批100个…示范社区全面建成)."""
        clause = self.clause
        left = clause[max(segment, q.start - _MAX_LEFT) : q.start]
        if _BEFORE_OBJECT.search(left) or _ENDING_VERB.search(left) or _COUNT_VERB.search(left):
            return None
        m = _DONE.match(clause, q.end)
        if m is None or _DIGIT.search(m.group("noun")):
            return None
        noun = m.group("noun").strip()
        head = noun.rsplit("的", 1)[-1] if "的" in noun and not re.search(r"[“”（）()《》]", noun) else noun
        if len(head) < 2:
            return None
        return self._target(head, q, left, max(segment, q.start - _MAX_LEFT))

    def _target(self, metric: str, q: Quantity, left: str, text_from: int) -> Target:
        """The target ``q`` states of ``metric``; ``left`` is the clause before it, the text
        runs from ``text_from`` in the clause to the clause's end."""
        return Target(
            metric=metric,
            value=q.value,
            unit=q.unit,
            year=self._year(left),
            comparator=q.comparator or self._comparator(left[-8:]),  # type: ignore[arg-type]
            text=self._text(self.start + text_from, self.end),
            source=self.reader.unit.loc,
        )

    def _emit(self, group: _Group) -> list[Target]:
        n = len(group.quantities)
        distributed = n > 1 and "分别" in group.chain
        names = metrics.split_items(group.metric, n) if distributed else [group.metric] * n
        year = self._year(group.lead)
        out = []
        for q, name in zip(group.quantities, names, strict=True):
            comparator = q.comparator or self._comparator(group.chain)
            if comparator is None and "力争" in self.clause[: q.start]:
                comparator = ">="
            out.append(
                Target(
                    metric=name,
                    value=q.value,
                    unit=q.unit or None,  # an index has no unit
                    year=year,
                    comparator=comparator,  # type: ignore[arg-type]
                    text=self._text(group.text_start, group.text_end),
                    source=self.reader.unit.loc,
                )
            )
        return out

    def _comparator(self, words: str) -> str | None:
        m = _COMPARATOR_WORD.search(words)
        return comparator_word(m.group(0)) if m else None

    def _year(self, lead: str) -> int | None:
        """The clause's own year; none for 每年… or 未来五年…; else the year in force or the plan's."""
        if self.due is not None:
            return self.due
        if _PER_YEAR.search(lead):
            return None
        return self.reader.year if self.reader.year is not None else self.reader.calendar.annual

    def _previous(self, earlier: list[Target]) -> Target | None:
        if earlier:
            return earlier[-1]
        return self.reader.found[-1] if self.reader.found else None

    def _text(self, start: int, end: int) -> str:
        text = self.raw[start:end]
        m = _TEXT_FRAMING.match(normalise(text))
        text = text[m.end() :] if m else text
        return text.strip(" 。！？!?；;，,")


_COMPARATOR_WORD = re.compile(_PRE_COMPARATOR)
