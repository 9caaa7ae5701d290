"""The outline: which paragraphs are numbered headings or items, at which level, with which number.

Format-blind: it reads the block stream. Levels follow the GB/T 9704 order of label kinds
(一、 > （一） > 1. > （1） > ①) compressed to the kinds a document uses. Numbers are kept as
printed ("3、" after "二、" is 3) and labels that a text export lost (Word automatic numbering)
are inferred from their numbered siblings, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import combinations

from ipplan import limits
from ipplan.blocks import Block, Paragraph, Table
from ipplan.errors import IpplanError
from ipplan.extract.chapters import is_chapter_title
from ipplan.outline.labels import RANKS, Label, inline_labels, match_label
from ipplan.schema import Location, Warning

__all__ = ["Outline", "Unit", "build_outline", "match_label"]


@dataclass(slots=True)
class Unit:
    """A paragraph-sized piece of the body: a numbered heading or item, plain text, or a table."""

    block: Block
    text: str  # without the label
    loc: Location
    label: Label | None = None
    level: int | None = None
    number: int | None = None
    inferred: bool = False
    path: tuple[int, ...] = ()  # numbers from level 1 down to this unit (numbered units only)

    @property
    def is_table(self) -> bool:
        return isinstance(self.block, Table)

    @property
    def opening_text(self) -> str:
        """The text the unit opens with: a paragraph's, or a table's first cell (a 专栏 box drawn
        as a one-cell table, whose list a text export writes on below it as paragraphs)."""
        if not self.is_table:
            return self.text.strip()
        rows = getattr(self.block, "rows", None) or [[]]
        return rows[0][0].text.strip() if rows[0] else ""

    @property
    def opens_box(self) -> bool:
        """Whether the unit opens a 专栏 box (专栏1 …工程), printed as a line or a one-cell table."""
        return _BOX.match(self.opening_text) is not None

    @property
    def label_text(self) -> str | None:
        return self.label.text if self.label else None


@dataclass(slots=True)
class Outline:
    units: list[Unit]
    warnings: list[Warning] = field(default_factory=list)

    def numbered(self, level: int | None = None) -> list[Unit]:
        return [u for u in self.units if u.level is not None and (level is None or u.level == level)]


# A run-on paragraph (a whole document on one line) is split at inline labels.
_RUN_ON_CHARS = 600
_MAX_CANDIDATE_CHARS = 30
_NOT_HEADING = re.compile(r"[。；;：:！？!?]|^[（(]|^\d+年|^\d+$|^(注|备注|附件|附表|专栏|表\d)")
_MAX_COMBINATIONS = 5000
_BOX = re.compile(r"^专栏\s*\d*")
_STOPPED_HEADING_CHARS = 20
_ORDINAL_AHEAD = re.compile(r"[一二三四五六七八九十]")
_REMARK_LINE = re.compile(r"^[（(][^（(]*[）)]$")


def build_outline(blocks: list[Block]) -> Outline:
    """The outline of ``blocks`` (the plan's body, from its title on)."""
    warnings: list[Warning] = []
    units = _explode(blocks)
    if len(units) > limits.MAX_BLOCKS:  # run-on text cut into more pieces than a document may have
        raise IpplanError("limit-exceeded", f"the text divides into more than {limits.MAX_BLOCKS} items")
    levels = _level_map(units)
    for u in units:
        if u.label is not None:
            u.level = levels[u.label.kind]
            u.number = u.label.number
    _promote_continuing_labels(units)
    _restore_lost_levels(units, warnings)
    _infer_missing_labels(units, warnings)
    _assign_paths(units, warnings)
    return Outline(units, warnings)


def _explode(blocks: list[Block]) -> list[Unit]:
    """Units from blocks: a paragraph's label is its Word numbering or its printed label."""
    units: list[Unit] = []
    last_by_kind: dict[str, int] = {}
    next_note = 0  # the number the next note of a 注：1.… list would have
    note_kind = ""
    bare: Unit | None = None  # a label printed alone on its line ("1." then its text below)
    for block in blocks:
        if isinstance(block, Table):
            units.append(Unit(block, "", block.loc))
            bare = None
            continue
        for label, text in _split_paragraph(block, last_by_kind):
            if bare is not None and label is None and text:
                bare.text = text  # the text the lone label stood over
                bare = None
                continue
            bare = None
            if label is not None and label.number == next_note and label.kind == note_kind:
                # "2.【】内为…" under "注：1.…" continues the notes, it is not an item
                units.append(Unit(block, label.text + text, block.loc))
                next_note += 1
                continue
            note = _NOTE_START.match(text) if label is None else None
            first = match_label(text[note.end() :]) if note else None
            next_note, note_kind = (2, first.kind) if first is not None and first.number == 1 else (0, "")
            if label is not None:
                last_by_kind[label.kind] = label.number
            units.append(Unit(block, text, block.loc, label))
            if label is not None and not text.strip():
                bare = units[-1]
    return units


_NOTE_START = re.compile(r"^(注|备注|说明)\s*[：:]?\s*(?=[1１一(（][.．、)）]?)")


def _split_paragraph(p: Paragraph, last_by_kind: dict[str, int]) -> list[tuple[Label | None, str]]:
    if p.numbering_label:
        rendered = match_label(p.numbering_label.strip() + p.text)
        if rendered is not None:
            return [(Label(rendered.kind, rendered.number, p.numbering_label.strip(), p.text), p.text)]
    label = match_label(p.text)
    text = label.rest if label else p.text
    # run-on text: accept an inline label only where it continues a numbering sequence; in a
    # paragraph of ordinary length only a chapter's (…规划期为2021—2025年。 一、现实基础…), where a
    # scrape lost the line break before it
    run_on = len(p.text) >= _RUN_ON_CHARS
    pieces: list[tuple[Label | None, str]] = []
    seen = dict(last_by_kind)
    if label:
        seen[label.kind] = label.number
    cut = 0
    current = label
    for pos, end, inline in inline_labels(text):
        if not run_on and (inline.kind != "cn_dun" or _ORDINAL_AHEAD.match(text, end)):
            continue  # 。一、二季度… enumerates ordinals
        previous = seen.get(inline.kind)
        if inline.number != 1 and (previous is None or inline.number != previous + 1):
            continue
        pieces.append((current, text[cut:pos].strip()))
        current, cut = inline, end
        seen[inline.kind] = inline.number
    pieces.append((current, text[cut:].strip()))
    # an inline label's rest is its own piece, not the rest of the document: one copy of the text
    return [
        (lab if lab is None or lab is label else replace(lab, rest=t), t) for lab, t in pieces if t or lab
    ]


def _level_map(units: list[Unit]) -> dict[str, int]:
    """Levels 1..n for the label kinds present, in conventional rank order."""
    ranks = sorted({RANKS[u.label.kind] for u in units if u.label is not None})
    level_of_rank = {r: i + 1 for i, r in enumerate(ranks)}
    return {kind: level_of_rank.get(rank, 0) for kind, rank in RANKS.items()}


def _promote_continuing_labels(units: list[Unit]) -> None:
    """A label printed in a deeper kind that continues a shallower level's sequence belongs to
    that level: "3、主要任务" after "二、工作目标" is the third level-1 heading.

    Only a kind that shares its conventional rank with another kind the document uses (3、
    beside 1.) is ambiguous so; a document's own kind for a level keeps its level."""
    kinds = {u.label.kind for u in units if u.label is not None}
    ambiguous = {k for k in kinds if any(o != k and RANKS[o] == RANKS[k] for o in kinds)}
    last: dict[int, int] = {}
    for u in units:
        if u.level is None:
            continue
        n = u.number or 0
        if last.get(u.level, 0) + 1 != n and u.level > 1 and u.label and u.label.kind in ambiguous:
            for shallower in range(1, u.level):
                if shallower in last and last[shallower] + 1 == n and _is_heading_like(u.text):
                    u.level = shallower
                    break
        last[u.level] = n
        for deeper in [lv for lv in last if lv > u.level]:
            del last[deeper]


def _is_heading_like(text: str) -> bool:
    return len(text) <= _MAX_CANDIDATE_CHARS and "。" not in text


# --- labels lost in a text export -------------------------------------------------------------


def _is_candidate(units: list[Unit], i: int) -> bool:
    """A bare short line that could be a heading whose automatic number was lost (not a
    table's caption)."""
    u = units[i]
    if u.label is not None or u.is_table or (i + 1 < len(units) and units[i + 1].is_table):
        return False
    t = u.text.strip()
    return 2 <= len(t) <= _MAX_CANDIDATE_CHARS and not _NOT_HEADING.search(t) and t[-1] not in "，、,"


def _infer_missing_labels(units: list[Unit], warnings: list[Warning]) -> None:
    max_level = max((u.level for u in units if u.level), default=0)
    for level in range(1, max_level + 1):
        gaps: list[tuple[int, int]] = []
        for slots, region in _missing_slots(units, level):
            candidates = [i for i in region if _is_candidate(units, i)]
            gaps += zip(_choose(units, candidates, len(slots), level), slots, strict=False)
        _number(units, gaps, level, warnings)
        _number(units, _trailing_siblings(units, level), level, warnings)


def _restore_lost_levels(units: list[Unit], warnings: list[Warning]) -> None:
    """Whole levels of headings whose automatic numbers a text export lost (一、 and （一） both
    gone, 1. kept): the printed items fall into groups, each under a bare heading line.

    It acts only where the shallowest printed kind is below 一、 (a document whose 一、 survive
    has lost no level above them), where a bare heading stands before every restart of that kind
    at 1 (or, for items numbered straight through, between groups), and where there are three
    such groups at least: that heading is the lost parent. A heading directly above another
    heads a level further up (重点任务 over 加强…). Above the first such heading every lost
    heading is a chapter; below it, a bare heading over prose alone is a chapter only where it
    is titled as one (保障措施 after the task subsections), else a sibling of the subsections.
    A plan with nothing numbered outside its 专栏 boxes has lost all its labels: its bare
    headings over prose (three at least) are its outline."""
    kinds = {u.label.kind for u in units if u.label is not None}
    if kinds and min(RANKS[k] for k in kinds) <= RANKS["cn_dun"]:
        return
    heads = _group_heads(units)
    if heads is None:
        return
    over_prose = {
        j
        for j in range(len(units))
        if units[j].level is None and _is_candidate(units, j) and _heads_prose(units, j)
    }
    parents, unboxed = heads
    if parents and len(parents) < 3:  # one restart may be a list of its own; two or more are a pattern
        return
    if not parents and (unboxed or len(over_prose) < 3):
        return  # nothing numbered outside boxes: headings over prose alone, three at least
    chosen = set(parents) | over_prose
    uppers: set[int] = set()
    first_children: set[int] = set()  # the heading right under each upper one
    for j in range(len(units) - 1, -1, -1):  # a bare heading over another heads a level above
        below = _next_unremarked(units, j)
        if below in chosen and units[j].level is None and _is_candidate(units, j):
            chosen.add(j)
            uppers.add(j)
            first_children.add(below)
    levels = _lost_levels(units, sorted(chosen), set(parents), uppers, first_children)
    depth = max(levels.values())
    for u in units:
        if u.level is not None:
            u.level += depth
    counters = [0] * (depth + 1)
    for j in sorted(levels):
        level = levels[j]
        counters[level] += 1
        for deeper in range(level + 1, depth + 1):
            counters[deeper] = 0
        _number(units, [(j, counters[level])], level, warnings)


def _group_heads(units: list[Unit]) -> tuple[list[int], int] | None:
    """The bare heading before each group of level-1 items, and how many level-1 items stand
    outside 专栏 boxes; None where a restart at 1 has no heading (the numbering restarts for
    another reason)."""
    heads: list[int] = []
    unboxed = 0
    in_box = False
    previous = -1  # the last numbered unit before a stretch of bare lines
    for i, u in enumerate(units):
        if u.level is None:
            continue
        if u.level == 1:
            stretch = range(previous + 1, i)
            bare = [j for j in stretch if _is_candidate(units, j) or _is_stopped_heading(units[j])]
            if any(units[j].opens_box for j in stretch):
                in_box = True  # a 专栏 box's own list
            elif bare:
                heads.append(bare[-1])
                in_box = False
            elif u.number == 1:
                return None
            unboxed += not in_box
        previous = i
    return heads, unboxed


def _is_stopped_heading(u: Unit) -> bool:
    """A heading its author closed with 。 (（一）做强数字产业。), its label lost: short, one
    sentence, nothing else."""
    t = u.text.strip()
    return (
        u.label is None
        and not u.is_table
        and 2 < len(t) <= _STOPPED_HEADING_CHARS
        and t.endswith("。")
        and not _NOT_HEADING.search(t[:-1])
    )


def _next_unremarked(units: list[Unit], j: int) -> int | None:
    """The unit after ``j``, past remarks in brackets (（各项任务中，列第一位的单位为牵头单位）)."""
    k = j + 1
    while k < len(units) and units[k].level is None and _REMARK_LINE.match(units[k].text.strip()):
        k += 1
    return k if k < len(units) else None


def _lost_levels(
    units: list[Unit], headings: list[int], parents: set[int], uppers: set[int], first_children: set[int]
) -> dict[int, int]:
    if not uppers:
        return dict.fromkeys(headings, 1)
    levels: dict[int, int] = {}
    first_upper = min(uppers)
    in_chapter = False
    children_have_items = True  # the subsections of the current chapter so far
    for j in headings:
        if j < first_upper or j in uppers:
            levels[j] = 1
            in_chapter, children_have_items = j in uppers, True
        elif not in_chapter:
            levels[j] = 1
        elif j in parents or j in first_children:
            levels[j] = 2
            children_have_items = children_have_items and j in parents
        elif children_have_items and is_chapter_title(units[j].text):
            levels[j] = 1
            in_chapter = False
        else:
            levels[j] = 2
            children_have_items = False
    return levels


def _number(units: list[Unit], found: list[tuple[int, int]], level: int, warnings: list[Warning]) -> None:
    for i, number in found:
        u = units[i]
        u.level, u.number, u.inferred = level, number, True
        warnings.append(
            Warning(
                code="numbering-inferred",
                message=f"heading {u.text!r} has no printed label: "
                f"numbered {number} at level {level} from its siblings",
                source=u.loc,
            )
        )


def _trailing_siblings(units: list[Unit], level: int) -> list[tuple[int, int]]:
    """Bare lines after the last numbered sibling of a parent that read like its siblings:
    about as long, each heading a paragraph of prose, with nothing numbered in between."""
    found: list[tuple[int, int]] = []
    for start, end in _trailing_stretches(units, level):
        last = units[start]
        number = last.number or 0
        for i in range(start + 1, end):
            u = units[i]
            if _is_candidate(units, i) and _reads_like(u, last) and _heads_prose(units, i):
                number += 1
                found.append((i, number))
    return found


def _trailing_stretches(units: list[Unit], level: int) -> list[tuple[int, int]]:
    """(last sibling, parent's end) for each parent whose last numbered unit is a ``level``
    sibling: only there can lost siblings follow without a later label showing a gap."""
    out: list[tuple[int, int]] = []
    last: int | None = None
    for i, u in enumerate(units):
        if u.level is None:
            continue
        if u.level < level:
            if last is not None:
                out.append((last, i))
            last = None
        else:
            last = i if u.level == level else None
    if last is not None:
        out.append((last, len(units)))
    return out


def _reads_like(u: Unit, sibling: Unit) -> bool:
    mine, theirs = len(u.text.strip()), min(len(sibling.text.split("。")[0]), _MAX_CANDIDATE_CHARS)
    return theirs / 2 <= mine <= theirs * 2


def _heads_prose(units: list[Unit], i: int) -> bool:
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is not None and nxt.level is None and not nxt.is_table and "。" in nxt.text


def _missing_slots(units: list[Unit], level: int) -> list[tuple[list[int], range]]:
    """(numbers missing, unit indices where they must be) for ``level``.

    A gap in a sequence (二 after nothing, （六） after （四）) leaves numbers missing between
    the siblings; a child sequence that restarts with no parent between (（一） after （六）)
    means a parent heading is missing between them.
    """
    out: list[tuple[list[int], range]] = []
    prev_idx, prev_num = -1, 0
    last_anywhere = 0  # numbering that runs on across parents (items 1-19 over five subsections)
    child_last: tuple[int, int] | None = None  # (index, number) of the last child since prev
    for i, u in enumerate(units):
        if u.level is None:
            continue
        if u.level < level:
            prev_idx, prev_num, child_last = i, 0, None
        elif u.level == level:
            runs_on = prev_num == 0 and u.number == last_anywhere + 1 and last_anywhere > 0
            last_anywhere = u.number or last_anywhere
            if u.number and u.number > prev_num + 1 and not runs_on:
                out.append((list(range(prev_num + 1, u.number)), range(prev_idx + 1, i)))
            prev_idx, prev_num, child_last = i, u.number or prev_num, None
        elif u.level == level + 1:
            if (
                child_last is not None
                and u.number is not None
                and u.number <= child_last[1]
                and u.number == 1
            ):
                out.append(([prev_num + 1], range(child_last[0] + 1, i)))
                prev_num += 1
                prev_idx = i  # the parent lies before this child
            child_last = (i, u.number or 0)
    return out


def _choose(units: list[Unit], candidates: list[int], k: int, level: int) -> list[int]:
    """The k candidates to number: the latest choice under which every numbered child
    sequence that follows a chosen heading can still be completed."""
    if k <= 0 or not candidates:
        return []
    if len(candidates) <= k:
        return candidates
    for tried, combo in enumerate(combinations(reversed(candidates), k)):
        if tried >= _MAX_COMBINATIONS:
            break
        chosen = sorted(combo)
        if _children_completable(units, chosen, candidates, level):
            return chosen
    return candidates[-k:]


def _children_completable(units: list[Unit], chosen: list[int], candidates: list[int], level: int) -> bool:
    """Whether, under each chosen heading, the first numbered child has enough spare
    candidates before it to stand for the children whose labels were lost."""
    spare = set(candidates) - set(chosen)
    for c in chosen:
        for i in range(c + 1, len(units)):
            u = units[i]
            if i in chosen or (u.level is not None and u.level <= level):
                break
            if u.level == level + 1:
                free = sum(1 for j in range(c + 1, i) if j in spare)
                if (u.number or 1) - 1 > free:
                    return False
                break
    return True


def _assign_paths(units: list[Unit], warnings: list[Warning]) -> None:
    stack: list[int] = []
    last_at: dict[tuple[tuple[int, ...], int], int] = {}
    for u in units:
        if u.level is None or u.number is None:
            continue
        depth = u.level
        stack = stack[: depth - 1]
        while len(stack) < depth - 1:
            stack.append(0)
        parent = tuple(stack)
        previous = last_at.get((parent, depth))
        if previous is not None and u.number == previous and not u.inferred:
            warnings.append(
                Warning(
                    code="numbering-duplicate",
                    message=f"label {u.label_text} repeats its sibling",
                    source=u.loc,
                )
            )
        stack.append(u.number)
        last_at[(parent, depth)] = u.number
        u.path = tuple(stack)
