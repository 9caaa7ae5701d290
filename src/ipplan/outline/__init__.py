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
    if len(p.text) < _RUN_ON_CHARS:
        return [(label, text)]
    # run-on text: accept an inline label only where it continues a numbering sequence
    pieces: list[tuple[Label | None, str]] = []
    seen = dict(last_by_kind)
    if label:
        seen[label.kind] = label.number
    cut = 0
    current = label
    for pos, end, inline in inline_labels(text):
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
