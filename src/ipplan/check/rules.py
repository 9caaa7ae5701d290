"""The validation rules of ``ipplan check``, each a small function over a ``Plan`` plus metadata.

Like ruff's, a rule has a stable code (IP101) and a kebab-case name (numbering-gap); either
selects it. Codes are grouped: IP0xx the file itself, IP1xx numbering, IP2xx tasks,
IP3xx indicators, IP4xx metadata. docs/rules.md documents every rule registered here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from ipplan.check.findings import Hit, Severity
from ipplan.schema import Indicator, Plan, Task, Value

CheckFn = Callable[[Plan], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    example: str
    check: CheckFn | None  # None: reported by the engine itself (parse-error)


RULES: dict[str, Rule] = {}


def register(
    code: str, name: str, severity: Severity, summary: str, example: str
) -> Callable[[CheckFn], CheckFn]:
    """Decorator adding a rule function to the registry under its code and name."""

    def add(fn: CheckFn) -> CheckFn:
        _add(Rule(code, name, severity, summary, example, fn))
        return fn

    return add


def _add(rule: Rule) -> None:
    if rule.code in RULES or any(r.name == rule.name for r in RULES.values()):
        raise ValueError(f"rule {rule.code} {rule.name} registered twice")
    RULES[rule.code] = rule


def by_name(name: str) -> Rule | None:
    return next((r for r in RULES.values() if r.name == name), None)


PARSE_ERROR = Rule(
    "IP001",
    "parse-error",
    "error",
    "An input could not be checked: the file could not be read or parsed (the message carries "
    "ipplan's error code, E101…E901), or a folder holds no plan. Always on, always an error.",
    "plan.docx: E202 corrupt-file: a damaged docx file",
    None,
)
_add(PARSE_ERROR)


# --- IP1xx numbering ------------------------------------------------------------------------


def _dotted(path: Iterable[int]) -> str:
    return ".".join(map(str, path))


def _missing(prefix: tuple[int, ...], first: int, last: int) -> str:
    if first == last:
        return _dotted((*prefix, first))
    return f"{_dotted((*prefix, first))}–{_dotted((*prefix, last))}"


def _groups(tasks: list[Task], depth: int) -> list[tuple[tuple[int, ...], list[Task]]]:
    """Runs of consecutive tasks sharing their first ``depth`` path numbers, in document order
    (``depth`` -1: sharing all but the last, i.e. siblings: [3, 1, n] under 3.1, [3, n] under 3)."""
    runs: list[tuple[tuple[int, ...], list[Task]]] = []
    for task in tasks:
        key = tuple(task.path[:depth])
        if runs and runs[-1][0] == key:
            runs[-1][1].append(task)
        else:
            runs.append((key, [task]))
    return runs


@register(
    "IP101",
    "numbering-gap",
    "error",
    "A numbered sequence skips a number: sections, subsections (from the task paths) or the items of "
    "a subsection. Items numbered straight across subsections (1–4, then 5–9) are not gaps.",
    "（一）1. … 3. … — item 3.1.2 is missing",
)
def numbering_gap(plan: Plan) -> Iterator[Hit]:
    previous = 0
    for section in plan.sections:
        if section.number > previous + 1:
            missing = _missing((), previous + 1, section.number - 1)
            yield Hit(
                f"section {section.number} follows {previous or 'the start'}: {missing} missing",
                section=section,
            )
        previous = max(previous, section.number)

    deep = [t for t in plan.tasks if len(t.path) == 3]
    for (top,), tasks in _groups(deep, 1):
        previous = 0
        for (_, sub), run in _groups(tasks, 2):
            if sub > previous + 1:
                missing = _missing((top,), previous + 1, sub - 1)
                yield Hit(f"subsection {top}.{sub} follows {top}.{previous}: {missing} missing", task=run[0])
            previous = max(previous, sub)

    last_of_previous_run = 0
    for prefix, run in _groups([t for t in plan.tasks if t.path], -1):  # items under one parent
        first = run[0].path[-1]
        continues = last_of_previous_run and first == last_of_previous_run + 1
        if first > 1 and not continues:
            # straight-across numbering (5 after 3) is a gap of 4, not of 1–4
            start = last_of_previous_run + 1 if 0 < last_of_previous_run < first else 1
            missing = _missing(prefix, start, first - 1)
            yield Hit(f"item {_dotted(run[0].path)} opens {_dotted(prefix)}: {missing} missing", task=run[0])
        for before, task in pairwise(run):
            if task.path[-1] > before.path[-1] + 1:
                missing = _missing(prefix, before.path[-1] + 1, task.path[-1] - 1)
                message = f"item {_dotted(task.path)} follows {_dotted(before.path)}: {missing} missing"
                yield Hit(message, task=task)
        last_of_previous_run = run[-1].path[-1]


@register(
    "IP102",
    "numbering-duplicate",
    "error",
    "The same number is used twice among siblings: two sections numbered 3, or two items 3.1.2.",
    "（一）1. … 2. … 2. … — item 3.1.2 appears twice",
)
def numbering_duplicate(plan: Plan) -> Iterator[Hit]:
    seen_sections: set[int] = set()
    for section in plan.sections:
        if section.number in seen_sections:
            yield Hit(f"section number {section.number} is used twice", section=section)
        seen_sections.add(section.number)
    seen_paths: set[tuple[int, ...]] = set()
    for task in plan.tasks:
        path = tuple(task.path)
        if path in seen_paths:
            yield Hit(f"item number {_dotted(path)} is used twice", task=task)
        seen_paths.add(path)


@register(
    "IP103",
    "numbering-inferred",
    "warning",
    "A heading's label was missing (typically Word automatic numbering lost in a text export) and "
    "its number was inferred from its siblings; worth a look, and the original file may carry it.",
    "指导思想 (no 一、 printed) — numbered 1 at level 1 from its siblings",
)
def numbering_inferred(plan: Plan) -> Iterator[Hit]:
    reported = []
    for warning in plan.warnings:
        if warning.code == "numbering-inferred":
            reported.append(warning)
            section = next((s for s in plan.sections if s.inferred and s.source == warning.source), None)
            yield Hit(warning.message, section=section, source=warning.source)
    for section in plan.sections:
        if section.inferred and not any(w.source == section.source for w in reported):
            message = f"heading {section.title!r} has no printed label: numbered {section.number}"
            yield Hit(message, section=section)


# --- IP2xx tasks ----------------------------------------------------------------------------


@register(
    "IP201",
    "task-without-department",
    "error",
    "A task names no responsible department in a plan where most tasks do (more than half), so "
    "its note was probably lost or forgotten.",
    "3. 夯实…法治化基础。… (no （责任单位：…） while its siblings have one)",
)
def task_without_department(plan: Plan) -> Iterator[Hit]:
    named = sum(1 for t in plan.tasks if t.departments)
    if named * 2 <= len(plan.tasks):
        return  # the plan does not assign departments per task
    for task in plan.tasks:
        if not task.departments:
            message = (
                f"task {_dotted(task.path)} {_short(task.title)} names no responsible department "
                f"({named} of {len(plan.tasks)} tasks do)"
            )
            yield Hit(message, task=task)


@register(
    "IP202",
    "deadline-after-period",
    "warning",
    "A task's deadline (完成时限) falls in a year after the plan's period ends: a typo in the year, "
    "or a task the plan does not expect to finish within its own term. Ongoing deadlines "
    "(持续推进, 长期坚持) and plans without a stated period are not checked.",
    "（2022-2025年） with a task 完成时限 2027年底前",
)
def deadline_after_period(plan: Plan) -> Iterator[Hit]:
    period = plan.meta.period
    if period is None:
        return
    for task in plan.tasks:
        deadline = task.deadline
        if deadline is None or deadline.year is None or deadline.kind == "ongoing":
            continue
        if deadline.year > period.end:
            message = (
                f"task {_dotted(task.path)} {_short(task.title)} is due {deadline.raw!r} ({deadline.year}), "
                f"after the period {period.start}–{period.end}"
            )
            yield Hit(message, task=task, source=task.note_source or task.source)


@register(
    "IP203",
    "truncated-item",
    "warning",
    "The text stops inside a task item (a web page's opening cut where the page ended, a download "
    "broken off): that item is left out of the tasks, and what followed it is missing.",
    "…7.推进《中医药传 (the page ends here) — the item is not reported",
)
def truncated_item(plan: Plan) -> Iterator[Hit]:
    for warning in plan.warnings:
        if warning.code == "truncated-item":
            yield Hit(warning.message, source=warning.source)


# --- IP3xx indicators -----------------------------------------------------------------------


def _name(indicator: Indicator) -> str:
    return f"indicator {indicator.name!r}"


def _column_present(plan: Plan, field: str) -> bool:
    return any(getattr(i, field) is not None for i in plan.indicators)


@register(
    "IP301",
    "indicator-missing-target",
    "error",
    "An indicator's target cell is empty. A defined marker (—, /, 以实际业务开展为准) is not empty.",
    "有效注册商标拥有量（件） | 1409 | (blank)",
)
def indicator_missing_target(plan: Plan) -> Iterator[Hit]:
    if not _column_present(plan, "target"):
        return  # a table without a target column: nothing is missing from any row
    for indicator in plan.indicators:
        if indicator.target is None or indicator.target.status == "blank":
            yield Hit(f"{_name(indicator)} has no target value", indicator=indicator)


@register(
    "IP302",
    "indicator-missing-baseline",
    "warning",
    "An indicator's baseline cell is empty. Not reported where the document marks it with a marker "
    "it defines (not started, not planned, as actual).",
    "海外发明专利授权量（件） | (blank) | 100",
)
def indicator_missing_baseline(plan: Plan) -> Iterator[Hit]:
    if not _column_present(plan, "baseline"):
        return
    for indicator in plan.indicators:
        # a defined marker (not_started, not_planned, as_actual) is a value, not a gap
        if indicator.baseline is None or indicator.baseline.status == "blank":
            yield Hit(f"{_name(indicator)} has no baseline value", indicator=indicator)


@register(
    "IP303",
    "unknown-marker",
    "error",
    "A value cell holds neither a number nor a marker the document defines in its notes.",
    "专利质押融资金额 | ？？ | 6000/10",
)
def unknown_marker(plan: Plan) -> Iterator[Hit]:
    for indicator in plan.indicators:
        for field, value in _cells(indicator):
            if value.status == "text":
                message = f"{_name(indicator)} {field} {value.raw!r} is neither a number nor a defined marker"
                yield Hit(message, indicator=indicator)


def _cells(indicator: Indicator) -> Iterator[tuple[str, Value]]:
    for field in ("baseline", "target", "increment"):
        value = getattr(indicator, field)
        if value is not None:
            yield field, value


@register(
    "IP304",
    "target-below-baseline",
    "warning",
    "A numeric target is lower than its baseline (compared number by number, e.g. 2868/2 vs 6000/10). "
    "Right for a quantity meant to fall, so a warning; a target written ≤ or < is not reported.",
    "有效注册商标拥有量（件） | 1409 | 1200",
)
def target_below_baseline(plan: Plan) -> Iterator[Hit]:
    for indicator in plan.indicators:
        base, target = indicator.baseline, indicator.target
        if not (base and target and base.status == "value" and target.status == "value"):
            continue
        if target.comparator in ("<", "<="):
            continue
        for b, t in zip(base.amounts, target.amounts, strict=False):
            if b.unit and t.unit and b.unit != t.unit:
                continue  # 万 vs 亿: not comparable as printed
            if t.value < b.value:
                message = f"{_name(indicator)} target {target.raw!r} is below its baseline {base.raw!r}"
                yield Hit(message, indicator=indicator)
                break


@register(
    "IP305",
    "duplicate-indicator",
    "error",
    "Two rows of the indicator table have the same indicator name.",
    "row 3 and row 12 are both 柳州市知识产权标杆企业（个）",
)
def duplicate_indicator(plan: Plan) -> Iterator[Hit]:
    first: dict[str, Indicator] = {}
    for indicator in plan.indicators:
        key = "".join(indicator.name.split())
        if key in first:
            earlier = first[key]
            seq = f" (序号 {earlier.seq})" if earlier.seq else ""
            yield Hit(f"{_name(indicator)} appears twice: also earlier{seq}", indicator=indicator)
        else:
            first[key] = indicator


@register(
    "IP306",
    "period-mismatch",
    "error",
    "An indicator's baseline year or target year lies outside the plan's period; a baseline year "
    "just before the period (2021 for 2022–2025) is normal.",
    "（2022-2025年） with a column 2027年目标值",
)
def period_mismatch(plan: Plan) -> Iterator[Hit]:
    period = plan.meta.period
    if period is None:
        return
    span = f"{period.start}–{period.end}"
    for indicator in plan.indicators:
        year = indicator.baseline_year
        if year is not None and not period.start - 1 <= year <= period.end:
            yield Hit(
                f"{_name(indicator)} baseline year {year} is outside the period {span}", indicator=indicator
            )
        year = indicator.target_year
        if year is not None and not period.start <= year <= period.end:
            yield Hit(
                f"{_name(indicator)} target year {year} is outside the period {span}", indicator=indicator
            )


# --- IP4xx metadata -------------------------------------------------------------------------

_META = {
    "title": "title (the plan's own title)",
    "doc_number": "doc_number (发文字号)",
    "issue_date": "issue_date (成文日期)",
    "issuer": "issuer (发文机关)",
}


@register(
    "IP401",
    "missing-meta",
    "error",
    "The notice's metadata lacks one of title, doc_number (发文字号), issue_date (成文日期) or "
    "issuer (发文机关); one finding per missing field.",
    "a web page without its 柳高新〔2022〕2号 line",
)
def missing_meta(plan: Plan) -> Iterator[Hit]:
    for field, label in _META.items():
        if not getattr(plan.meta, field):
            yield Hit(f"meta {label} is missing")


def _short(text: str, width: int = 20) -> str:
    text = text.rstrip("。")
    return f"“{text}”" if len(text) <= width else f"“{text[: width - 1]}…”"


def all_rules() -> list[Rule]:
    """Every rule, by code."""
    return [RULES[code] for code in sorted(RULES)]
