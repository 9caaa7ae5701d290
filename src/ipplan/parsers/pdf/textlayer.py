"""A page's text layer: PDFium's characters as ``Char`` records in display space.

PDFium's text page lists every glyph the page draws, in content order, plus characters it made
up itself (a space where it saw a gap, a line break between runs): those are dropped, since the
line logic judges gaps itself. Per glyph it gives the Unicode value, a box from the font's
ascent and descent (not the ink, so a "一" is as tall as a "国"), and the text object it belongs
to; the font, size and orientation are read once per text object.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field

from ipplan import limits
from ipplan.errors import IpplanError
from ipplan.parsers.pdf import native
from ipplan.parsers.pdf.chars import Char
from ipplan.parsers.pdf.document import View

# Text turned further than this from the horizontal (in the page as displayed) is a stamp or a
# watermark, not body text.
MAX_TILT_DEGREES = 30.0
_GENERATED_CANDIDATES = frozenset(" \r\n\t\x00\ufffe")


@dataclass(slots=True)
class TextLayer:
    """The page's usable characters, and what was left out of them."""

    chars: list[Char] = field(default_factory=list)
    rotated: int = 0  # glyphs of tilted text (stamps, watermarks)
    unmapped: int = 0  # glyphs whose font maps them to no Unicode value


@dataclass(frozen=True, slots=True)
class _Style:
    size: float
    fontname: str
    upright: bool


def read(textpage: int, view: View, path: str) -> TextLayer:
    """The characters of a loaded text page (``native.handle`` of it)."""
    count = native.count_chars(textpage)
    if count > limits.MAX_PDF_PAGE_CHARS:
        raise IpplanError(
            "limit-exceeded",
            f"a page draws {count} characters, more than the limit of {limits.MAX_PDF_PAGE_CHARS}",
            path,
        )
    layer = TextLayer()
    if count <= 0:
        return layer
    text = _text(textpage, count)
    styles: dict[int, _Style] = {}
    fonts: dict[int, str] = {}
    rect = native.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    width, height = view.width, view.height
    left, _, _, top_edge = view.crop
    plain = view.rotation == 0  # the common case, mapped inline
    chars = layer.chars
    text_object, map_error, char_box = (
        native.char_text_object,
        native.has_unicode_map_error,
        native.loose_char_box,
    )
    for i, ch in enumerate(text):
        if ch in _GENERATED_CANDIDATES and (native.is_generated(textpage, i) or ch in "\x00\ufffe"):
            continue
        obj = text_object(textpage, i)
        if not obj:
            continue
        style = styles.get(obj)
        if style is None:
            style = styles[obj] = _style(textpage, i, obj, view, fonts)
        if not style.upright:
            layer.rotated += 1
            continue
        if map_error(textpage, i):
            layer.unmapped += 1
            continue
        char_box(textpage, i, rect_ref)
        if plain:
            x0, x1, top, bottom = (
                rect.left - left,
                rect.right - left,
                top_edge - rect.top,
                top_edge - rect.bottom,
            )
        else:
            x0, top, x1, bottom = view.box(rect.left, rect.bottom, rect.right, rect.top)
        if x1 < 0 or x0 > width or bottom < 0 or top > height:
            continue
        chars.append(Char(ch, x0, x1, top, bottom, style.size, style.fontname))
    return layer


def _text(textpage: int, count: int) -> str:
    """The page's characters, one per index: one call for all of them, or one call each where a
    character outside the Basic Multilingual Plane makes UTF-16 units and indexes disagree."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = native.get_text(textpage, 0, count, buffer)
    text = bytes(buffer)[: max(written - 1, 0) * 2].decode("utf-16-le", "replace")
    if len(text) == count:
        return text
    return "".join(chr(native.get_unicode(textpage, i)) for i in range(count))


_NAME_BUFFER = 256


def _style(textpage: int, index: int, obj: int, view: View, fonts: dict[int, str]) -> _Style:
    """Size, font name and orientation of the text object the character at ``index`` is in
    (``fonts`` caches font names by font)."""
    m = native.FS_MATRIX()
    native.char_matrix(textpage, index, ctypes.byref(m))
    size = native.char_font_size(textpage, index) * math.hypot(m.c, m.d)
    if not size > 0:
        size = 1.0
    if m.b == 0 and view.rotation == 0:
        tilt = 0.0 if m.a > 0 else 180.0
    else:
        x0, y0 = view.point(0.0, 0.0)
        x1, y1 = view.point(m.a, m.b)
        tilt = math.degrees(math.atan2(y1 - y0, x1 - x0))
    font = native.text_object_font(obj) or 0
    name = fonts.get(font)
    if name is None:
        name = fonts[font] = _font_name(font)
    return _Style(size=round(size, 3), fontname=name, upright=abs(tilt) <= MAX_TILT_DEGREES)


def _font_name(font: int) -> str:
    if not font:
        return ""
    buffer = ctypes.create_string_buffer(_NAME_BUFFER)
    length = native.font_base_name(font, buffer, _NAME_BUFFER)
    if length <= 0:
        return ""
    return buffer.value.decode("utf-8", "replace")
