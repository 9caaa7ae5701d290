"""What a page draws besides its text layer: ruling lines, images, tilted text.

One walk over the page's objects (into form XObjects too, their matrices applied):

* every straight horizontal or vertical piece of a stroked or filled path becomes a ``Rule`` (a
  table border drawn as a line, as the side of a rectangle, or as a thin filled rectangle);
* images are measured, so that a page with no text but a picture covering it is known for a scan;
* text objects turned away from the horizontal are counted (stamps, watermarks).
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field

from ipplan import limits
from ipplan.parsers.pdf import native
from ipplan.parsers.pdf.document import View
from ipplan.parsers.pdf.grid import Rule
from ipplan.parsers.pdf.textlayer import MAX_TILT_DEGREES

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_AXIS_TOLERANCE = 0.5  # points a piece may lean and still be horizontal or vertical
_MAX_FORM_DEPTH = 8


@dataclass(slots=True)
class Drawing:
    rules: list[Rule] = field(default_factory=list)
    image_area: float = 0.0  # display area the page's images cover (points², overlaps counted twice)
    paths: int = 0
    tilted_text: int = 0
    too_many_rules: bool = False  # a drawing (a map, a chart) rather than tables: no rules kept


def read(page: int, view: View) -> Drawing:
    """The drawing of a loaded page (``native.handle`` of it)."""
    drawing = Drawing()
    count = native.count_objects(page)
    _walk([native.get_object(page, i) for i in range(count)], _IDENTITY, view, drawing, 0)
    if drawing.too_many_rules:
        drawing.rules = []
    return drawing


def _walk(objects: list[int], outer: Matrix, view: View, drawing: Drawing, depth: int) -> None:
    for obj in objects:
        if not obj:
            continue
        kind = native.object_type(obj)
        if kind == native.OBJ_PATH:
            drawing.paths += 1
            if not drawing.too_many_rules:
                _path_rules(obj, outer, view, drawing)
        elif kind == native.OBJ_TEXT:
            if not _upright(_times(_matrix(obj), outer), view):
                drawing.tilted_text += 1
        elif kind == native.OBJ_IMAGE:
            drawing.image_area += _image_area(obj, outer, view)
        elif kind == native.OBJ_FORM and depth < _MAX_FORM_DEPTH:
            inner = _times(_matrix(obj), outer)
            n = native.count_form_objects(obj)
            _walk([native.get_form_object(obj, i) for i in range(n)], inner, view, drawing, depth + 1)


def _matrix(obj: int) -> Matrix:
    m = native.FS_MATRIX()
    if not native.object_matrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _times(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention: a point p maps to p·m·n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _upright(m: Matrix, view: View) -> bool:
    if m[1] == 0 and view.rotation == 0:
        return m[0] > 0
    x0, y0 = view.point(m[4], m[5])
    x1, y1 = view.point(m[4] + m[0], m[5] + m[1])
    if x0 == x1 and y0 == y1:
        return True
    return abs(math.degrees(math.atan2(y1 - y0, x1 - x0))) <= MAX_TILT_DEGREES


def _path_rules(obj: int, outer: Matrix, view: View, drawing: Drawing) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    native.path_draw_mode(obj, ctypes.byref(fill), ctypes.byref(stroke))
    if not fill.value and not stroke.value:
        return  # painted neither way: no line on the page
    matrix = _times(_matrix(obj), outer)
    x, y = ctypes.c_float(), ctypes.c_float()
    xr, yr = ctypes.byref(x), ctypes.byref(y)
    start = last = None
    for i in range(native.path_count_segments(obj)):
        segment = native.path_segment(obj, i)
        if not segment or not native.segment_point(segment, xr, yr):
            continue
        point = view.point(*_apply(matrix, x.value, y.value))
        kind = native.segment_type(segment)
        if kind == native.SEG_MOVETO:
            start = last = point
            continue
        if kind == native.SEG_LINETO and last is not None:
            _add_piece(last, point, drawing)
        last = point  # a Bézier curve ends here too, but draws no rule
        if native.segment_closes(segment) and start is not None:
            _add_piece(point, start, drawing)
            last = start


def _add_piece(a: tuple[float, float], b: tuple[float, float], drawing: Drawing) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= _AXIS_TOLERANCE:
        rule = Rule("h", (ay + by) / 2, min(ax, bx), max(ax, bx))
    elif abs(ax - bx) <= _AXIS_TOLERANCE:
        rule = Rule("v", (ax + bx) / 2, min(ay, by), max(ay, by))
    else:
        return
    drawing.rules.append(rule)
    if len(drawing.rules) > limits.MAX_PDF_PAGE_RULES:
        drawing.too_many_rules = True


def _image_area(obj: int, outer: Matrix, view: View) -> float:
    """An image is drawn into the unit square its matrix maps: its area on the page."""
    m = _times(_matrix(obj), outer)
    corners = [view.point(*_apply(m, x, y)) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
    xs = [max(0.0, min(view.width, p[0])) for p in corners]
    ys = [max(0.0, min(view.height, p[1])) for p in corners]
    return (max(xs) - min(xs)) * (max(ys) - min(ys))
