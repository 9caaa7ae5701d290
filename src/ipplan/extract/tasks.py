"""Sections and tasks: the level-1 headings, and the numbered items of the main task section
with the departments responsible for each."""

from __future__ import annotations

import re

from ipplan.extract.departments import Assignment, find_note, standalone_assignment
from ipplan.outline import Outline, Unit
from ipplan.schema import Department, Section, Task

# What the genre calls its main task section (主要任务 / 重点任务 / 工作措施 …).
TASK_SECTION = re.compile(
    r"(主要|重点|具体|工作|核心)(任务|措施|工作|举措)|任务(和|与)?措施|工作重点|主要内容"
)
_HEADING_MAX = 30
_BOX = re.compile(r"^专栏\s*\d*")


def heading_title(text: str) -> str:
    """A heading's title: its lead phrase where body text runs on after it."""
    t = text.strip()
    cut = re.search(r"[。．]", t)
    if cut and cut.start() <= _HEADING_MAX:
        return t[: cut.start()].strip()
    if len(t) <= _HEADING_MAX:
        return t
    return _split_run_on_heading(t)


def _split_run_on_heading(text: str) -> str:
    """ "指导思想为深学笃用…" → "指导思想": the heading ends where a clause starts (a
    preposition or verb after the first noun), found by word segmentation."""
    from ipplan.extract.segment import heading_prefix

    return heading_prefix(text[:60])


def sections(outline: Outline) -> list[Section]:
    return [
        Section(
            number=u.number,
            label=u.label_text,
            title=heading_title(u.text),
            inferred=u.inferred,
            source=u.loc,
        )
        for u in outline.units
        if u.level == 1 and u.number is not None
    ]


def task_sections(outline: Outline) -> list[int]:
    """The level-1 numbers of the task sections: the one titled 主要任务 (or the like); in a plan
    without one (a provincial plan whose chapters are its task areas), every chapter with
    numbered items that is not background, requirements, goals or safeguards."""
    level1 = [u for u in outline.units if u.level == 1 and u.number is not None]
    for u in level1:
        if TASK_SECTION.search(heading_title(u.text)):
            return [u.number]  # type: ignore[list-item]
    counts: dict[int, int] = {}
    for u in outline.units:
        if u.level and u.level >= 2 and u.path:
            counts[u.path[0]] = counts.get(u.path[0], 0) + 1
    areas = [u.number for u in level1 if u.number in counts and not _NOT_TASKS.search(heading_title(u.text))]
    if areas:
        return list(dict.fromkeys(areas))  # type: ignore[arg-type]
    return [max(counts, key=lambda k: counts[k])] if counts else []


# Chapters that frame a plan rather than assign work.
_NOT_TASKS = re.compile(
    r"指导思想|基本原则|总体|目标|要求|背景|形势|基础|成就|现状|意义|保障|组织实施|附则|总则"
)


_ITEM_TITLE_MAX = 30


def item_title(text: str) -> str:
    """An item's lead phrase up to its first 。; where a lost 。 makes it run on, the phrase
    found by word segmentation."""
    t = text.strip()
    cut = re.search(r"[。]", t)
    title = t[: cut.start()].strip() if cut else t
    if len(title) > _ITEM_TITLE_MAX and (cut or len(t) > _ITEM_TITLE_MAX * 2):
        from ipplan.extract.segment import lead_phrase

        return lead_phrase(title)
    return title


def tasks(outline: Outline) -> list[Task]:
    """The numbered items of the task sections, with who is responsible for each."""
    return [task for section in task_sections(outline) for task in _section_tasks(outline, section)]


def _section_tasks(outline: Outline, section: int) -> list[Task]:
    units = outline.units
    depth = min(3, max((len(u.path) for u in units if u.path and u.path[0] == section), default=1))
    items: list[_Item] = []
    group: list[_Item] = []  # the current subsection's items
    shared: list[Assignment] = []  # an assignment printed once for the whole subsection
    inside = False
    for u in units:
        if u.path and u.path[0] != section:
            if inside:
                break
            continue
        if u.path:
            inside = True
            if len(u.path) < depth:
                _share(group, shared)
                group, shared = [], []
                note = find_note(u.text)
                if note and len(u.path) == depth - 1:
                    shared.append(note[0])  # （一）…（牵头单位：…） covers the items under it
            elif len(u.path) == depth:
                note = find_note(u.text)
                item = _Item(u, [u.text], note[0] if note else None)
                items.append(item)
                group.append(item)
            continue
        if not inside or u.is_table:
            continue
        text = u.text.strip()
        if _BOX.match(text):
            if group:
                group[-1].closed = True  # a 专栏 box between items belongs to no item
            continue
        assignment = standalone_assignment(text)
        if assignment is not None:
            shared.append(assignment)
            continue
        if group and not group[-1].closed:
            group[-1].body.append(text)
            note = find_note(text)
            if note and group[-1].assignment is None:
                group[-1].assignment = note[0]
    _share(group, shared)
    return [_task(item) for item in items]


class _Item:
    __slots__ = ("assignment", "body", "closed", "unit")

    def __init__(self, unit: Unit, body: list[str], assignment: Assignment | None):
        self.unit, self.body, self.assignment, self.closed = unit, body, assignment, False


def _share(group: list[_Item], shared: list[Assignment]) -> None:
    """A subsection-level assignment applies to every item of it that names none itself."""
    if len(shared) == 1:
        for item in group:
            if item.assignment is None:
                item.assignment = shared[0]
    elif shared:
        # one standalone note after each item: each belongs to the items before it
        pending = [i for i in group if i.assignment is None]
        for item, assignment in zip(pending, shared, strict=False):
            item.assignment = assignment


def _task(item: _Item) -> Task:
    u, assignment = item.unit, item.assignment
    departments: list[Department] = assignment.departments if assignment else []
    return Task(
        path=[n for n in u.path if n],  # a level the document skips (一、 then 1.) is no step
        label=u.label_text,
        title=item_title(u.text),
        text="\n".join(item.body),
        departments=departments,
        lead=assignment.lead if assignment else None,
        source=u.loc,
    )
