"""Value cells and markers: "95.26%", "2868/2" under （万元）/笔, "≥100", "—", "/", 以实际业务开展为准.

What a marker means is read from the document's own notes (注：…标记“—”，意为未开展该项工作):
``read_markers`` turns those notes into a ``Markers`` table that ``parse_value`` consults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ipplan.schema import Amount, Value

_THOUSANDS = re.compile(r"^\d{1,3}(?:[,，]\d{3})+(?!\d)")
_NUMBER = re.compile(r"[-+]?\d+(?:[.．]\d+)?")
COMPARATOR_WORDS = {
    "≥": ">=",
    ">=": ">=",
    "＞": ">",
    ">": ">",
    "≤": "<=",
    "<=": "<=",
    "＜": "<",
    "<": "<",
    "不少于": ">=",
    "不低于": ">=",
    "以上": ">=",
    "超过": ">",
    "突破": ">",
    "不超过": "<=",
    "以下": "<=",
    "以内": "<=",
    "约": "~",
    "左右": "~",
}
_LEADING_CMP = re.compile(r"^(≥|>=|＞|>|≤|<=|＜|<|不少于|不低于|超过|不超过|约)")
_TRAILING_CMP = re.compile(r"(以上|以下|以内|左右)$")
_AS_ACTUAL = re.compile(r"以实际.{0,8}为准|据实|按实际")
_DASHES = {"—", "——", "-", "－", "–", "―", "一"}
_SLASHES = {"/", "／", "\\"}
# A definition in a note: 标记“—”，意为… / “/”表示… / 【】内为…
_MARKER_NOTE = re.compile(
    r"[“\"‘']([^”\"’']{1,3})[”\"’']\s*[，,]?\s*(?:意为|表示|指|为|代表)\s*([^。；;\n]*)"
)
_BRACKET_NOTE = re.compile(r"([【\[［(（])\s*([】\]］)）])\s*(?:内|中)?\s*(?:为|表示|指)\s*([^。；;\n]*)")


@dataclass(slots=True)
class Markers:
    """Marker text → status, as the document's notes define them."""

    status: dict[str, str] = field(default_factory=dict)
    cumulative_brackets: tuple[str, str] | None = None

    def status_of(self, text: str) -> str | None:
        if text in self.status:
            return self.status[text]
        if text in _DASHES and any(k in _DASHES for k in self.status):
            return next(v for k, v in self.status.items() if k in _DASHES)
        if text in _SLASHES and any(k in _SLASHES for k in self.status):
            return next(v for k, v in self.status.items() if k in _SLASHES)
        return None


def meaning_status(meaning: str) -> str | None:
    """The status a note's explanation stands for."""
    if re.search(r"不开展|不确定|暂不|无法确定|待定", meaning):
        return "not_planned"
    if re.search(r"未开展|尚未|无基础|无数据|没有|未统计|空白", meaning):
        return "not_started"
    if _AS_ACTUAL.search(meaning):
        return "as_actual"
    return None


def read_markers(notes: list[str]) -> Markers:
    """Marker definitions from the notes under an indicator table."""
    markers = Markers()
    for note in notes:
        for m in _MARKER_NOTE.finditer(note):
            status = meaning_status(m.group(2))
            if status:
                markers.status[m.group(1).strip()] = status
        for m in _BRACKET_NOTE.finditer(note):
            if "累计" in m.group(3):
                markers.cumulative_brackets = (m.group(1), m.group(2))
    return markers


def parse_value(raw: str | None, unit: str | None = None, markers: Markers | None = None) -> Value:
    """A cell read into a ``Value``; ``unit`` like "万元/笔" pairs with "2868/2" amount by amount."""
    text = (raw or "").strip()
    markers = markers or Markers()
    if not text:
        return Value(raw="", status="blank")
    defined = markers.status_of(text)
    if defined:
        return Value(raw=text, status=defined)  # type: ignore[arg-type]
    if _AS_ACTUAL.search(text):
        return Value(raw=text, status="as_actual")
    body, cumulative = _strip_cumulative(text, markers)
    comparator = None
    m = _LEADING_CMP.match(body)
    if m:
        comparator = COMPARATOR_WORDS[m.group(1)]
        body = body[m.end() :].strip()
    m = _TRAILING_CMP.search(body)
    if m:
        comparator = comparator or COMPARATOR_WORDS[m.group(1)]
        body = body[: m.start()].strip()
    amounts = _amounts(body, unit)
    if amounts is None:
        return Value(raw=text, status="text")
    return Value(raw=text, status="value", amounts=amounts, comparator=comparator, cumulative=cumulative)  # type: ignore[arg-type]


def _strip_cumulative(text: str, markers: Markers) -> tuple[str, bool]:
    if markers.cumulative_brackets:
        left, right = markers.cumulative_brackets
        if text.startswith(left) and text.endswith(right):
            return text[1:-1].strip(), True
    return text, False


def _amounts(body: str, unit: str | None) -> list[Amount] | None:
    """Numbers of a value cell, or None when the cell is not made of numbers."""
    parts = [p.strip() for p in re.split(r"[/／]", body)] if re.search(r"\d\s*[/／]\s*\d", body) else [body]
    units = [u.strip() or None for u in re.split(r"[/／]", unit)] if unit else [None]
    amounts: list[Amount] = []
    for k, part in enumerate(parts):
        if _THOUSANDS.match(part):
            part = re.sub(r"[,，]", "", part)
        m = re.fullmatch(r"([-+]?\d+(?:[.．]\d+)?)\s*(%|％|‰|[\u4e00-\u9fff]{1,3})?", part)
        if not m:
            return None
        value = float(m.group(1).replace("．", "."))
        part_unit = (
            m.group(2) or (units[k] if k < len(units) else None) or (units[0] if len(parts) == 1 else None)
        )
        if part_unit == "％":
            part_unit = "%"
        amounts.append(Amount(value=value, unit=part_unit))
    return amounts
