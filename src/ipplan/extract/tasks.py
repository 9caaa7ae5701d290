"""Sections and tasks: the level-1 headings, and the numbered items of the task chapters with
the departments responsible for each.

The task chapters are those titled as the plan's tasks (``chapters.is_task_title``); in a plan
without one, every chapter holding numbered items except the framing and closing ones; in a notice
whose 一、二、… are themselves the measures (no sub-items), each of those. A task is a lowest-level
numbered item of those chapters, at whatever depth (3.推进专利导航服务 with （1）（2） under it gives
tasks [2, 1, 3, 1] and [2, 1, 3, 2]).

Who is responsible comes from the item's own notes (any number, anywhere in it), from a note line
printed after it, or from a note printed once for its subsection or chapter; who leads, from the
notes themselves or from a convention the document states (列第一位者为牵头单位，下同).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ipplan.extract.chapters import is_closing, is_framing, is_task_title
from ipplan.extract.deadlines import parse_deadline
from ipplan.extract.departments import (
    Assignment,
    find_note,
    find_notes,
    is_complete,
    merged,
    standalone_assignment,
    standalone_deadline,
    states_first_listed_leads,
)
from ipplan.outline import Outline, Unit
from ipplan.schema import Department, Location, Section, Task, Warning

_HEADING_MAX = 30
# deeper than the genre numbers (一、 （一） 1. （1） ① is five): a guard, not a rule
MAX_TASK_LEVEL = 6


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


def sections(outline: Outline, chapters: list[int]) -> list[Section]:
    """The level-1 headings; ``chapters`` are the task chapters (``task_sections``)."""
    units = outline.units
    # a chapter that is itself a measure (a notice's 一、二、… with no items) is titled as its task
    measures = set(chapters) if _measures(outline, chapters) else set()
    return [
        Section(
            number=u.number,
            label=u.label_text,
            title=item_title(u.text) if u.number in measures else heading_title(u.text),
            inferred=u.inferred,
            source=u.loc,
        )
        for u in units
        if u.level == 1 and u.number is not None
    ]


# --- which chapters hold the tasks ---------------------------------------------------------------


def task_sections(outline: Outline) -> list[int]:
    """The level-1 numbers of the task chapters (see the module's docstring)."""
    level1 = [u for u in outline.units if u.level == 1 and u.number is not None]
    with_items = {u.path[0] for u in outline.units if u.level and u.level >= 2 and u.path and u.path[0]}
    titles = {u.number: heading_title(u.text) for u in level1}
    titled = [n for n, t in titles.items() if is_task_title(t)]
    if titled and any(n in with_items for n in titled):
        return titled
    framing = _framed_by_their_parts(outline)
    areas = [
        n
        for n, t in titles.items()
        if not is_framing(t) and not is_closing(t) and n not in titled and n not in framing
    ]
    return list(dict.fromkeys(areas))  # type: ignore[arg-type]


def _framed_by_their_parts(outline: Outline) -> set[int]:
    """Chapters whose every subsection frames the plan (二、目标任务 holding （一）总体目标 and
    （二）具体目标): what a chapter holds tells what it is where its title does not."""
    parts: dict[int, list[str]] = {}
    for u in outline.units:
        if u.level == 2 and u.path and u.path[0]:
            parts.setdefault(u.path[0], []).append(heading_title(u.text))
    return {n for n, titles in parts.items() if titles and all(is_framing(t) for t in titles)}


def _measures(outline: Outline, chapters: list[int]) -> bool:
    """Whether the chapters are themselves the measures: none of them has numbered items."""
    return not any(u.level and u.level >= 2 and u.path and u.path[0] in chapters for u in outline.units)


# --- items and their notes -----------------------------------------------------------------------


@dataclass(slots=True)
class _Note:
    """A department note and where it stands (a unit index of the outline)."""

    assignment: Assignment
    at: int
    loc: Location | None = None  # set where the note stands apart from the item


@dataclass(slots=True)
class _Item:
    unit: Unit
    index: int
    body: list[str]
    notes: list[_Note] = field(default_factory=list)
    inherited: list[_Note] = field(default_factory=list)
    last: int = 0  # index of the item's last unit
    deadline: str | None = None  # a time limit printed on a line of its own under the item


@dataclass(slots=True)
class _Group:
    """The items under one heading, and the notes printed for it as lines of their own."""

    heading: Unit | None
    level: int
    own: list[_Note] = field(default_factory=list)  # notes in the heading's own text
    items: list[_Item] = field(default_factory=list)  # the items right under the heading
    nested: list[_Item] = field(default_factory=list)  # the items of its subsections
    standalone: list[tuple[int, _Note]] = field(default_factory=list)  # (items before it, note)


def tasks(
    outline: Outline,
    chapters: list[int],
    *,
    leads_first_listed_from: int | None = None,
    warnings: list[Warning] | None = None,
) -> list[Task]:
    """The numbered items of the task ``chapters`` (``task_sections``), with who is responsible
    for each.

    ``leads_first_listed_from``: the outline unit from which a stated "first listed leads"
    convention holds (0 where the notice states it before the body); found in the body otherwise.
    """
    units = outline.units
    if not chapters:
        return []
    measures = _measures(outline, chapters)
    items = _collect(units, chapters, measures)
    convention = leads_first_listed_from
    if convention is None:
        convention = _first_listed_leads_from(units)
    if items and _ends_cut(units) and items[-1].last == len(units) - 1:
        dropped = items.pop()
        if warnings is not None:
            warnings.append(
                Warning(
                    code="truncated-item",
                    message=f"the text ends inside item {dropped.unit.label_text or ''}"
                    f"{item_title(dropped.unit.text)[:20]!r}: it is not reported",
                    source=dropped.unit.loc,
                )
            )
    found = [_task(item, convention) for item in items]
    _cut_runaway_titles(found)
    return found


_DOCUMENT_NOTE = re.compile(r"^\s*(?:注|说明|备注)\s*[：:]?")


def _first_listed_leads_from(units: list[Unit]) -> int | None:
    """The unit from which a stated first-listed-leads convention holds: where a note states it
    (…负责。列第一位者为牵头单位，下同) it holds from there on; a 注 about the document's notes (注：各项
    任务中列第一位的为牵头部门), wherever it is printed, holds for them all."""
    for i, u in enumerate(units):
        if states_first_listed_leads(u.text):
            return 0 if _DOCUMENT_NOTE.match(u.text) else i
    return None


def _is_item(u: Unit, next_level: int, chapters: list[int], measures: bool) -> bool:
    """Whether ``u`` is a task: a leaf (``next_level``, the level of the next numbered unit, is
    no deeper) of a task chapter, or a chapter that is itself a measure."""
    if u.level is None or u.number is None or not u.path or u.path[0] not in chapters:
        return False
    if measures:
        return u.level == 1
    return 2 <= u.level <= MAX_TASK_LEVEL and next_level <= u.level


def _next_levels(units: list[Unit], boxed: set[int]) -> list[int]:
    """For each unit, the level of the next numbered unit up to ``MAX_TASK_LEVEL`` outside a
    专栏 box (0 at the end)."""
    out = [0] * len(units)
    following = 0
    for i in range(len(units) - 1, -1, -1):
        out[i] = following
        u = units[i]
        if u.level is not None and u.number is not None and u.level <= MAX_TASK_LEVEL and i not in boxed:
            following = u.level
    return out


def _boxed(units: list[Unit]) -> set[int]:
    """The units inside 专栏 boxes: a box (专栏1 …工程) printed after an item runs until the next
    numbered unit that is shallower than that item or continues its numbering; the lists inside
    it (deeper, or numbered afresh in the item's own kind) are no items of the plan."""
    boxed: set[int] = set()
    owner: tuple[int, int] | None = None  # (level, number) of the item a box follows
    last = (1, 0)
    for i, u in enumerate(units):
        numbered = u.level is not None and u.number is not None
        if owner is not None:
            level, number = owner
            if numbered and (u.level < level or (u.level == level and u.number > number)):  # type: ignore[operator]
                owner = None
            else:
                boxed.add(i)
                continue
        if not numbered and u.opens_box:
            owner = last
            boxed.add(i)
        elif numbered:
            last = (u.level, u.number)  # type: ignore[assignment]
    return boxed


def _collect(units: list[Unit], chapters: list[int], measures: bool) -> list[_Item]:
    items: list[_Item] = []
    groups: list[_Group] = []  # open headings, outermost first
    current: _Item | None = None
    inside = False
    last_note_at = -1  # the unit of the last note line, which the next one may continue
    boxed = _boxed(units)
    next_levels = _next_levels(units, boxed)
    for i, u in enumerate(units):
        if i in boxed:
            continue  # a 专栏 box between items belongs to no item
        numbered = u.level is not None and u.number is not None
        if numbered and u.level <= MAX_TASK_LEVEL:  # type: ignore[operator]
            inside = bool(u.path) and u.path[0] in chapters
            while groups and groups[-1].level >= u.level:  # type: ignore[operator]
                _settle(groups.pop(), groups)
            current = None
            if not inside:
                continue
            if _is_item(u, next_levels[i], chapters, measures):
                current = _Item(u, i, [u.text], [_Note(n, i) for n in find_notes(u.text)], last=i)
                items.append(current)
                if groups:
                    groups[-1].items.append(current)
                else:
                    groups.append(_Group(None, 0, items=[current]))
            else:
                own = [_Note(n, i, u.loc) for n in find_notes(u.text)]
                groups.append(_Group(u, u.level, own))  # type: ignore[arg-type]
            continue
        if not inside or u.is_table:
            continue
        text = (u.label_text + u.text) if numbered and u.label_text else u.text.strip()
        # a line that states the convention (列第一位的单位为牵头单位，其他单位按职责分工负责) assigns nothing
        note = None if states_first_listed_leads(text) else standalone_assignment(text)
        due = standalone_deadline(text) if note is None else None
        if due is not None:
            note = Assignment([], None, text, deadline=due)
        if note is not None and groups:
            group = groups[-1]
            previous = group.standalone[-1] if group.standalone else None
            if previous is not None and previous[0] == len(group.items) and last_note_at == i - 1:
                # the lines of one note printed one under the other: 牵头单位：A / 责任单位：B
                previous[1].assignment = merged(previous[1].assignment, note)
            elif note.departments:
                group.standalone.append((len(group.items), _Note(note, i, u.loc)))
            elif current is not None:
                current.deadline = note.deadline  # a time limit printed under the item
            last_note_at = i
            if current is not None:
                current.last = i
            continue
        if current is not None:
            current.body.append(text)
            current.notes += [_Note(n, i) for n in find_notes(text)]
            current.last = i
    while groups:
        _settle(groups.pop(), groups)
    return items


def _settle(group: _Group, outer: list[_Group]) -> None:
    """Give a closed group's notes to its items: a note line after an item is that item's; a
    single note line before the first item or after the last, or a note in the heading itself,
    is the whole group's (责任部门：…；参与部门：… printed once per subsection), and so also covers
    the items of its subsections that name no body (the nearest heading's note wins)."""
    shared = list(group.own)
    standalone = group.standalone
    if len(standalone) == 1 and standalone[0][0] in (0, len(group.items)):
        shared.append(standalone[0][1])
    else:
        for before, note in standalone:
            if before == 0:
                shared.append(note)
            else:
                group.items[before - 1].notes.append(note)
    everything = group.items + group.nested
    if shared:
        for item in everything:
            if not item.notes and not item.inherited:
                item.inherited = shared
    if outer:
        outer[-1].nested += everything


def _task(item: _Item, convention: int | None) -> Task:
    u = item.unit
    notes = item.notes or item.inherited
    departments: list[Department] = []
    seen: set[str] = set()
    leads: list[str] = []
    any_lead = False
    deadline = item.deadline
    for note in notes:
        a = note.assignment
        named, lead = _roles(a, convention is not None and note.at >= convention)
        # a body named again by a later note is not repeated; a note's own list stays as printed
        departments += [d for d in named if d.name not in seen]
        seen.update(d.name for d in named)
        if lead is not None:
            any_lead = True
            leads += [n for n in lead if n not in leads]
        deadline = deadline or a.deadline
    apart = next((n.loc for n in notes if n.loc is not None), None)
    return Task(
        path=[n for n in u.path if n],  # a level the document skips (一、 then 1.) is no step
        label=u.label_text,
        title=item_title(u.text),
        text="\n".join(item.body),
        departments=departments,
        lead=leads if any_lead else None,
        deadline=parse_deadline(deadline) if deadline else None,
        source=u.loc,
        note_source=apart,
    )


def _roles(note: Assignment, first_leads: bool) -> tuple[list[Department], list[str] | None]:
    """A note's bodies with their roles, and its lead: its own words (牵头, 配合 keys) first,
    then a stated convention that the first listed body leads, then the comma of 责任部门：A，B、C."""
    if note.marked or not first_leads or not note.departments:
        return note.departments, note.lead
    first = note.departments[0].name
    roles = [
        Department(name=d.name, role="lead" if k == 0 else "support") for k, d in enumerate(note.departments)
    ]
    return roles, [first]


# --- titles and the end of a cut-off text ----------------------------------------------------------


_ITEM_TITLE_LOST_STOP = 60


def item_title(text: str) -> str:
    """An item's lead phrase up to its first 。, however long; where the text lost its 。 and runs
    on, the phrase found by word segmentation."""
    t = _without_notes(text.strip())
    cut = t.find("。")
    if cut >= 0:
        return t[:cut].strip()
    title = t.rstrip("；;，,：: ")
    if len(title) > _ITEM_TITLE_LOST_STOP:
        from ipplan.extract.segment import lead_phrase

        return lead_phrase(title)
    return title


_RUNAWAY_MIN = 40
_RUNAWAY_FACTOR = 3
# words that open a clause of body text; a title never runs straight on into one
_CLAUSE_OPENER = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:围绕|按照|根据|依托|坚持|立足|聚焦|结合|通过|依据|面向|针对|紧扣|对标|借助|着力|"
    r"以.{1,8}为(?:重点|抓手|核心|目标|导向|引领|主线|依托|载体)|到\d{4}年)"
)


def _cut_runaway_titles(found: list[Task]) -> None:
    """An item whose 。 was lost runs its title on into its text: the genre writes the items of
    a list alike, so where a title several times longer than its siblings' runs straight on,
    with no punctuation, into a word that opens a clause (…资源配置围绕全区…) at about where its
    siblings' titles end, it is cut there. A long title that keeps its 。 stays whole."""
    lengths = sorted(len(t.title) for t in found)
    if len(lengths) < 3:
        return
    typical = lengths[len(lengths) // 2]
    for task in found:
        if len(task.title) <= max(_RUNAWAY_MIN, _RUNAWAY_FACTOR * typical):
            continue
        m = _CLAUSE_OPENER.search(task.title, max(4, typical // 2), 2 * typical + 1)
        if m is not None:
            task.title = task.title[: m.start()]


def _without_notes(text: str) -> str:
    for note in reversed(find_notes(text)):
        text = text[: note.start] + text[note.end :]
    return text


_SENTENCE_END = "。！？!?…”’」』）)〕】]］》"
_OPEN_KEY = re.compile(r"[：:].*\s(?:牵头|配合|参与|责任|协办|主办)(?:单位|部门)?$")
_OPEN_MARKS = "，,、；;：:“‘（(《〔【"


def _ends_cut(units: list[Unit]) -> bool:
    """Whether the text stops mid-sentence (a web page's opening cut where the page ended): its
    last paragraph ends on an open clause, inside brackets, or in a note cut inside a name."""
    last = next((u for u in reversed(units) if not u.is_table and u.text.strip()), None)
    if last is None:
        return False
    text = last.text.strip()
    end = text[-1]
    if _unbalanced(text):
        return True  # closing an inner quote or bracket (…落实‘米袋子’) leaves the outer one open
    if end in _SENTENCE_END:
        return False
    if end in _OPEN_MARKS:
        return True
    if _OPEN_KEY.search(text):
        return True  # 牵头单位：A 配合 — a note cut at its next key
    note = standalone_assignment(text)
    if note is None:
        ending = find_note(text)  # an item that ends on its note: …。【牵头单位】A【配合单位】B
        note = ending[0] if ending is not None else None
    if note is not None:
        return not is_complete(note)
    if last.label is not None:
        return True  # a numbered item or heading is never the last line of a whole document
    return len(text) > 15 and re.search(r"[。，,；;]", text) is not None


def _unbalanced(text: str) -> bool:
    return any(text.count(o) > text.count(c) for o, c in ("（）", "()", "《》", "“”", "〔〕", "【】"))
