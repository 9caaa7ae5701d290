"""Ruling lines to table cells: which rectangles the horizontal and vertical rules of a page enclose.

The method is pdfplumber's ``lines`` table strategy (the one ipplan used through pdfplumber, so
tables come out cell for cell as before): rules a few points apart are snapped onto one line,
collinear pieces with small gaps are joined, the points where a vertical and a horizontal rule
cross are found, and each crossing point makes a cell with the nearest crossings below and to
its right that rules connect. Cells sharing a corner form one table.

The rules come from the PDF's drawing (``graphics``) or from a scanned page's image (``scan``);
this module knows neither.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

Bbox = tuple[float, float, float, float]

SNAP = 3.0  # rules this close (points) are one line
JOIN = 3.0  # collinear pieces with a gap this small are one rule
MIN_PIECE = 1.0  # a drawn piece shorter than this is no rule (a dot, a glyph's serif)
MIN_RULE = 3.0  # a joined rule shorter than this bounds no cell
CROSS = 3.0  # how far a rule may stop short of another and still cross it


@dataclass(slots=True)
class Rule:
    """A horizontal (``"h"``) or vertical (``"v"``) ruling line: at ``pos`` (the y of a horizontal
    rule, the x of a vertical one) from ``start`` to ``end`` along it."""

    orientation: str
    pos: float
    start: float
    end: float


def tables(rules: list[Rule]) -> list[list[Bbox]]:
    """The cell boxes of each table the rules draw, tables top to bottom."""
    pieces = [r for r in rules if r.end - r.start >= MIN_PIECE]
    crossings = _crossings([r for r in _merge(pieces) if r.end - r.start >= MIN_RULE])
    return _group(_cells(crossings))


def _merge(rules) -> list[Rule]:
    """Rules snapped onto shared lines and joined where collinear pieces touch or nearly do."""
    by_orientation: dict[str, list[Rule]] = {"h": [], "v": []}
    for rule in rules:
        by_orientation[rule.orientation].append(rule)
    out: list[Rule] = []
    for orientation, group in by_orientation.items():
        lines: dict[float, list[Rule]] = defaultdict(list)
        for pos, members in _snap(group):
            lines[pos].extend(members)
        for pos in sorted(lines):
            out.extend(_join(orientation, pos, lines[pos]))
    return out


def _snap(rules: list[Rule]) -> list[tuple[float, list[Rule]]]:
    """Rules clustered by position (a chain of positions each within ``SNAP`` of the previous),
    each cluster at the mean position of its rules."""
    clusters: list[list[Rule]] = []
    last = None
    for rule in sorted(rules, key=lambda r: r.pos):
        if last is None or rule.pos > last + SNAP:
            clusters.append([])
        clusters[-1].append(rule)
        last = rule.pos
    return [(sum(r.pos for r in c) / len(c), c) for c in clusters]


def _join(orientation: str, pos: float, rules: list[Rule]) -> list[Rule]:
    joined: list[Rule] = []
    for rule in sorted(rules, key=lambda r: r.start):
        if joined and rule.start <= joined[-1].end + JOIN:
            joined[-1].end = max(joined[-1].end, rule.end)
        else:
            joined.append(Rule(orientation, pos, rule.start, rule.end))
    return joined


Point = tuple[float, float]


def _crossings(rules: list[Rule]) -> dict[Point, tuple[set[int], set[int]]]:
    """Every point where a vertical rule meets a horizontal one, with the ids of the vertical and
    of the horizontal rules through it."""
    verticals = [r for r in rules if r.orientation == "v"]
    horizontals = sorted((r for r in rules if r.orientation == "h"), key=lambda r: r.pos)
    ys = [h.pos for h in horizontals]
    out: dict[Point, tuple[set[int], set[int]]] = {}
    for v in verticals:
        lo = bisect_right(ys, v.start - CROSS - 1e-9)
        for h in horizontals[lo:]:
            if h.pos > v.end + CROSS:
                break
            if h.start - CROSS <= v.pos <= h.end + CROSS:
                vs, hs = out.setdefault((v.pos, h.pos), (set(), set()))
                vs.add(id(v))
                hs.add(id(h))
    return out


def _cells(crossings: dict[Point, tuple[set[int], set[int]]]) -> list[Bbox]:
    """Each crossing's smallest cell: the nearest crossing below it on a rule through it, the
    nearest to its right likewise, and the fourth corner joined to both by rules."""
    below: dict[float, list[float]] = defaultdict(list)  # x → ys of crossings, ascending
    right: dict[float, list[float]] = defaultdict(list)  # y → xs of crossings, ascending
    for x, y in sorted(crossings):
        below[x].append(y)
        right[y].append(x)

    def vertical_link(a: Point, b: Point) -> bool:
        return not crossings[a][0].isdisjoint(crossings[b][0])

    def horizontal_link(a: Point, b: Point) -> bool:
        return not crossings[a][1].isdisjoint(crossings[b][1])

    cells: list[Bbox] = []
    for x, y in sorted(crossings):
        corner = (x, y)
        cell = None
        for y2 in below[x][bisect_right(below[x], y) :]:
            if not vertical_link(corner, (x, y2)):
                continue
            for x2 in right[y][bisect_right(right[y], x) :]:
                if not horizontal_link(corner, (x2, y)):
                    continue
                far = (x2, y2)
                if far in crossings and vertical_link(far, (x2, y)) and horizontal_link(far, (x, y2)):
                    cell = (x, y, x2, y2)
                    break
            if cell:
                break
        if cell:
            cells.append(cell)
    return cells


def _group(cells: list[Bbox]) -> list[list[Bbox]]:
    """Cells sharing a corner (directly or through others) as one table; lone cells dropped."""
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Point, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            if corner in owner:
                parent[find(i)] = find(owner[corner])
            else:
                owner[corner] = i
    groups: dict[int, list[Bbox]] = defaultdict(list)
    for i, cell in enumerate(cells):
        groups[find(i)].append(cell)
    found = [g for g in groups.values() if len(g) > 1]
    return sorted(found, key=lambda g: min((c[1], c[0]) for c in g))
