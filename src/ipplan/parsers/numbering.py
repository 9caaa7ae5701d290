"""Word automatic numbering: the labels ("三、", "（二）", "1.") Word draws before list paragraphs.

The labels live nowhere in the text of a .docx: numbering.xml defines list templates
(``w:abstractNum``: per level a start value, a number format and a label pattern such as
"（%2）") and instances of them (``w:num``, optionally overriding a level's start), and each
paragraph names an instance and a level. The label follows from counting the paragraphs in
document order, as this module does.

How the counters behave, which the standard leaves partly open, is modelled on Word:

* Counters belong to the abstract definition, not to the ``w:num`` instance: two instances of
  one abstractNum continue one sequence (ECMA-376 §17.9.26's own example, and the
  behaviour Word-compatible renderers converge on). Definitions linked through
  ``w:numStyleLink`` share the counters of the definition they link to.
* An instance's ``w:startOverride`` restarts that level when the instance is first used in the
  document; afterwards the shared sequence continues from the new value. A level later
  restarted by a higher level starts again at the instance's override.
* A level restarts whenever its previous level or any higher level is used, unless
  ``w:lvlRestart`` says otherwise (0: never; n: when level n or a higher one is used), as
  [MS-OI29500] 2.1.282 states Word does.
* ``%n`` in a label pattern shows level n's current value in level n's format, all in decimal
  when the shown level has ``w:isLgl``. A level never used yet shows its start value minus
  one (Word's "0.1" under a missing heading). A ``%n`` deeper than the shown level makes Word
  ignore the whole pattern ([MS-OI29500] 2.1.283), so no label is produced.
* Bullets, ``none``-formatted or empty patterns give no label (None), though they still count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element as Element

MAX_LEVEL = 8  # Word's levels are 0..8
_PLACEHOLDER = re.compile(r"%([1-9])")
_FALSE_VALUES = frozenset({"0", "false", "off"})
_LINK_DEPTH = 8  # numStyleLink chains longer than this are a loop
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# ---------------------------------------------------------------------------------------------
# number formats (w:numFmt)
# ---------------------------------------------------------------------------------------------

_CJK_DIGITS = "〇一二三四五六七八九"
_LEGAL_SIMPLIFIED_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _decimal(value: int) -> str:
    return str(value)


def _decimal_zero(value: int) -> str:
    return f"0{value}" if 0 <= value < 10 else str(value)


def _full_width(value: int) -> str:
    return str(value).translate(_FULLWIDTH)


def _enclosed(first_codepoint: int, count: int, zero: str | None = None) -> Callable[[int], str]:
    """A format of ``count`` enclosed-number characters from ``first_codepoint``, decimal past them."""

    def fmt(value: int) -> str:
        if 1 <= value <= count:
            return chr(first_codepoint + value - 1)
        if value == 0 and zero:
            return zero
        return str(value)

    return fmt


# Word repeats the letter (aa, aaa …); a start value from a hostile file (w:start 10^11) would make
# that one label gigabytes, so past this many repetitions the number is shown in decimal.
_MAX_LETTER_REPEAT = 1000


def _letter(value: int, upper: bool) -> str:
    """a … z, then aa … zz, aaa …: Word repeats the letter rather than counting in base 26."""
    if value < 1 or value > 26 * _MAX_LETTER_REPEAT:
        return str(value)
    letter = chr((ord("A") if upper else ord("a")) + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int, upper: bool) -> str:
    if not 1 <= value <= 3999:
        return str(value)
    out = []
    for amount, symbol in _ROMAN:
        count, value = divmod(value, amount)
        out.append(symbol * count)
    text = "".join(out)
    return text if upper else text.lower()


def _chinese_counting(value: int, zero: str = "〇") -> str:
    """一 … 十, 十一 … 十九, 二十 … 九十九; from 100 on digit by digit (一〇〇), as Word does."""
    if value < 0 or value > 9999:
        return str(value)
    if value < 10:
        return _CJK_DIGITS[value] if value else zero
    if value < 100:
        tens, ones = divmod(value, 10)
        return ("" if tens == 1 else _CJK_DIGITS[tens]) + "十" + (_CJK_DIGITS[ones] if ones else "")
    return "".join(zero if d == "0" else _CJK_DIGITS[int(d)] for d in str(value))


def _counting_thousand(value: int, digits: str, units: str, zero: str, bare_ten: bool) -> str:
    """Chinese numerals with place units up to 9999: 一百〇一, 一千一百一十.

    ``units`` are the ten/hundred/thousand characters; ``bare_ten`` writes 10-19 as 十, 十一 (the
    lower-case forms) rather than 壹拾, 壹拾壹 (the legal forms).
    """
    if value < 0 or value > 9999:
        return str(value)
    if value == 0:
        return zero
    places = [(value // 1000) % 10, (value // 100) % 10, (value // 10) % 10, value % 10]
    place_units = [units[2], units[1], units[0], ""]
    out: list[str] = []
    pending_zero = False
    for digit, unit in zip(places, place_units, strict=True):
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(zero)
            pending_zero = False
        if not (bare_ten and unit == units[0] and digit == 1 and not out):
            out.append(digits[digit])
        out.append(unit)
    return "".join(out)


def _chinese_counting_thousand(value: int) -> str:
    return _counting_thousand(value, _CJK_DIGITS, "十百千", "〇", bare_ten=True)


def _taiwanese_counting_thousand(value: int) -> str:
    return _counting_thousand(value, _CJK_DIGITS, "十百千", "零", bare_ten=True)


def _chinese_legal_simplified(value: int) -> str:
    return _counting_thousand(value, _LEGAL_SIMPLIFIED_DIGITS, "拾佰仟", "零", bare_ten=False)


def _ideograph_legal_traditional(value: int) -> str:
    return _counting_thousand(value, _LEGAL_TRADITIONAL_DIGITS, "拾佰仟", "零", bare_ten=False)


def _ideograph_digital(value: int) -> str:
    if value < 0:
        return str(value)
    return "".join(_CJK_DIGITS[int(d)] for d in str(value))


def _japanese_counting(value: int) -> str:
    """Japanese kansuji: 十, 十一, 二十, 百, 百一, 二百, 千: no zeros, no 一 before 十百千."""
    if value < 1 or value > 9999:
        return str(value)
    out: list[str] = []
    for power, unit in ((1000, "千"), (100, "百"), (10, "十")):
        digit, value = divmod(value, power)
        if digit:
            out.append(("" if digit == 1 else _CJK_DIGITS[digit]) + unit)
    if value:
        out.append(_CJK_DIGITS[value])
    return "".join(out)


def _sequence(symbols: str) -> Callable[[int], str]:
    """A format that counts through a fixed series of symbols, decimal past its end."""

    def fmt(value: int) -> str:
        return symbols[value - 1] if 1 <= value <= len(symbols) else str(value)

    return fmt


def _zodiac_traditional(value: int) -> str:
    """The sexagenary cycle 甲子, 乙丑 … 癸亥."""
    if not 1 <= value <= 60:
        return str(value)
    return _HEAVENLY_STEMS[(value - 1) % 10] + _EARTHLY_BRANCHES[(value - 1) % 12]


def _ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _nothing(value: int) -> str:
    return ""


_FORMATTERS: dict[str, Callable[[int], str]] = {
    "decimal": _decimal,
    "decimalHalfWidth": _decimal,
    "decimalZero": _decimal_zero,
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalEnclosedCircle": _enclosed(0x2460, 20, zero="⓪"),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20, zero="⓪"),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "ideographEnclosedCircle": _enclosed(0x3280, 10),
    "upperLetter": lambda v: _letter(v, upper=True),
    "lowerLetter": lambda v: _letter(v, upper=False),
    "upperRoman": lambda v: _roman(v, upper=True),
    "lowerRoman": lambda v: _roman(v, upper=False),
    "chineseCounting": _chinese_counting,
    "taiwaneseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_counting_thousand,
    "taiwaneseCountingThousand": _taiwanese_counting_thousand,
    "chineseLegalSimplified": _chinese_legal_simplified,
    "ideographLegalTraditional": _ideograph_legal_traditional,
    "ideographDigital": _ideograph_digital,
    "taiwaneseDigital": _ideograph_digital,
    "japaneseDigitalTenThousand": _ideograph_digital,
    "japaneseCounting": _japanese_counting,
    "ideographTraditional": _sequence(_HEAVENLY_STEMS),
    "ideographZodiac": _sequence(_EARTHLY_BRANCHES),
    "ideographZodiacTraditional": _zodiac_traditional,
    "ordinal": _ordinal,
    "bullet": _nothing,
    "none": _nothing,
}


def format_number(value: int, num_fmt: str) -> str:
    """``value`` in the Word number format ``num_fmt``; formats not known here fall back to decimal."""
    return _FORMATTERS.get(num_fmt, _decimal)(value)


def is_known_format(num_fmt: str) -> bool:
    """Whether ``format_number`` renders ``num_fmt`` itself rather than falling back to decimal."""
    return num_fmt in _FORMATTERS


# ---------------------------------------------------------------------------------------------
# definitions (numbering.xml)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Level:
    """One level (``w:lvl``) of a list template."""

    start: int = 0  # ECMA-376 §17.9.25: an omitted w:start is 0
    num_fmt: str = "decimal"
    text: str | None = None  # the w:lvlText pattern; None where the level draws no label
    is_legal: bool = False
    restart: int | None = None  # w:lvlRestart: None = default, 0 = never, n = after level n (1-based)
    style_id: str | None = None  # the paragraph style linked to this level (w:pStyle)


@dataclass(frozen=True, slots=True)
class Instance:
    """A numbering instance (``w:num``): a template plus per-level overrides."""

    abstract_id: str
    start_overrides: Mapping[int, int] = field(default_factory=dict)
    level_overrides: Mapping[int, Level] = field(default_factory=dict)


@dataclass(slots=True)
class NumberingDefinitions:
    """Everything numbering.xml defines, keyed by the ids paragraphs refer to."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, Instance] = field(default_factory=dict)
    # abstractNumId → the numbering style it borrows its levels from (w:numStyleLink)
    style_links: dict[str, str] = field(default_factory=dict)
    # numbering style id → the numId that style applies (from styles.xml)
    style_num_ids: Mapping[str, str] = field(default_factory=dict)
    _resolved: dict[str, tuple[str, dict[int, Level]] | None] = field(default_factory=dict, repr=False)

    def resolve(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        """The counter key (the abstract definition behind any style link) and the levels of ``num_id``."""
        if num_id not in self._resolved:
            self._resolved[num_id] = self._resolve(num_id)
        return self._resolved[num_id]

    def _resolve(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        abstract_id = self._follow_style_links(instance.abstract_id)
        base = self.abstracts.get(abstract_id)
        if base is None:
            return None
        levels = {**base, **instance.level_overrides} if instance.level_overrides else base
        return abstract_id, levels

    def _follow_style_links(self, abstract_id: str) -> str:
        seen = {abstract_id}
        for _ in range(_LINK_DEPTH):
            style_id = self.style_links.get(abstract_id)
            target = self.instances.get(self.style_num_ids.get(style_id, "")) if style_id else None
            if target is None or target.abstract_id in seen:
                break
            abstract_id = target.abstract_id
            seen.add(abstract_id)
        return abstract_id

    def level_of_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose ``w:pStyle`` is ``style_id`` in the list ``num_id`` uses, if any."""
        resolved = self.resolve(num_id) if style_id else None
        if resolved is None:
            return None
        for ilvl, level in resolved[1].items():
            if level.style_id == style_id:
                return ilvl
        return None


def _int(text: str | None, default: int | None) -> int | None:
    if text is None:
        return default
    try:
        return int(text.strip())
    except ValueError:
        return default


def _on(element: Element | None, val: str) -> bool:
    """A WordprocessingML on/off property: present and not switched off."""
    return element is not None and (element.get(val) or "true").lower() not in _FALSE_VALUES


def _num_fmt(lvl: Element, w: str, mc: str) -> str:
    """The level's number format, looking into mc:AlternateContent where Word 2010+ puts custom ones."""
    fmt = lvl.find(f"{w}numFmt")
    if fmt is None:
        fmt = lvl.find(f"{mc}AlternateContent/{mc}Fallback/{w}numFmt")
    if fmt is None:
        return "decimal"
    return fmt.get(f"{w}val") or "decimal"


def parse_level(lvl: Element, w: str, mc: str = MC) -> tuple[int, Level] | None:
    """A ``w:lvl`` element as (ilvl, Level); ``w`` and ``mc`` are namespace prefixes "{uri}"."""
    val = f"{w}val"
    ilvl = _int(lvl.get(f"{w}ilvl"), 0)
    if ilvl is None or not 0 <= ilvl <= MAX_LEVEL:
        return None
    start = lvl.find(f"{w}start")
    text_el = lvl.find(f"{w}lvlText")
    text: str | None = None
    if text_el is not None:
        text = "" if _on_attr(text_el.get(f"{w}null")) else text_el.get(val)
    restart = lvl.find(f"{w}lvlRestart")
    style = lvl.find(f"{w}pStyle")
    return ilvl, Level(
        start=_int(start.get(val) if start is not None else None, 0) or 0,
        num_fmt=_num_fmt(lvl, w, mc),
        text=text,
        is_legal=_on(lvl.find(f"{w}isLgl"), val),
        restart=_int(restart.get(val), None) if restart is not None else None,
        style_id=style.get(val) if style is not None else None,
    )


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in _FALSE_VALUES


def _parse_levels(lvls: Iterable[Element], w: str, mc: str) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in lvls:
        parsed = parse_level(lvl, w, mc)
        if parsed is not None:
            levels.setdefault(parsed[0], parsed[1])
    return levels


def _parse_instance(num: Element, w: str, mc: str) -> Instance | None:
    abstract = num.find(f"{w}abstractNumId")
    if abstract is None or abstract.get(f"{w}val") is None:
        return None
    starts: dict[int, int] = {}
    overrides: dict[int, Level] = {}
    for override in num.iterfind(f"{w}lvlOverride"):
        ilvl = _int(override.get(f"{w}ilvl"), None)
        if ilvl is None or not 0 <= ilvl <= MAX_LEVEL:
            continue
        start = override.find(f"{w}startOverride")
        if start is not None:
            value = _int(start.get(f"{w}val"), None)
            if value is not None:
                starts[ilvl] = value
        lvl = override.find(f"{w}lvl")
        if lvl is not None:
            parsed = parse_level(lvl, w, mc)
            if parsed is not None:
                overrides[ilvl] = parsed[1]
    return Instance(abstract.get(f"{w}val"), starts, overrides)


def parse_numbering(
    root: Element, w: str, style_num_ids: Mapping[str, str] | None = None
) -> NumberingDefinitions:
    """The definitions in a parsed numbering.xml root; ``w`` is the WordprocessingML prefix "{uri}".

    ``style_num_ids`` maps numbering-style ids to the numId each applies, for ``w:numStyleLink``.
    Where an id is defined twice the first definition is kept.
    """
    defs = NumberingDefinitions(style_num_ids=style_num_ids or {})
    for abstract in root.iterfind(f"{w}abstractNum"):
        abstract_id = abstract.get(f"{w}abstractNumId")
        if abstract_id is None or abstract_id in defs.abstracts:
            continue
        defs.abstracts[abstract_id] = _parse_levels(abstract.iterfind(f"{w}lvl"), w, MC)
        link = abstract.find(f"{w}numStyleLink")
        if link is not None and link.get(f"{w}val"):
            defs.style_links[abstract_id] = link.get(f"{w}val")
    for num in root.iterfind(f"{w}num"):
        num_id = num.get(f"{w}numId")
        if num_id is None or num_id in defs.instances:
            continue
        instance = _parse_instance(num, w, MC)
        if instance is not None:
            defs.instances[num_id] = instance
    return defs


# ---------------------------------------------------------------------------------------------
# counting
# ---------------------------------------------------------------------------------------------


class NumberingState:
    """Word's running list counters for one document, advanced paragraph by paragraph.

    Call ``label`` for every numbered paragraph in document order, including empty ones and
    those in tables: Word counts them all.
    """

    def __init__(self, definitions: NumberingDefinitions):
        self._defs = definitions
        self._counters: dict[str, dict[int, int]] = {}  # abstract key → ilvl → current value
        self._seen_instances: set[str] = set()

    @property
    def definitions(self) -> NumberingDefinitions:
        """The definitions this state counts for."""
        return self._defs

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return its label, or None.

        numId "0" (numbering switched off), unknown ids and undefined levels give None without
        counting.
        """
        if num_id == "0":
            return None
        resolved = self._defs.resolve(num_id)
        if resolved is None:
            return None
        key, levels = resolved
        level = levels.get(ilvl)
        if level is None:
            return None
        instance = self._defs.instances[num_id]
        counters = self._counters.setdefault(key, {})
        if num_id not in self._seen_instances:
            self._seen_instances.add(num_id)
            for overridden in instance.start_overrides:
                counters.pop(overridden, None)
        current = counters.get(ilvl)
        counters[ilvl] = self._start(instance, levels, ilvl) if current is None else current + 1
        self._restart_below(counters, levels, ilvl)
        return self._render(level, levels, counters, instance, ilvl)

    @staticmethod
    def _start(instance: Instance, levels: Mapping[int, Level], ilvl: int) -> int:
        if ilvl in instance.start_overrides:
            return instance.start_overrides[ilvl]
        level = levels.get(ilvl)
        return level.start if level is not None else 0

    @staticmethod
    def _restart_below(counters: dict[int, int], levels: Mapping[int, Level], used: int) -> None:
        """Forget the counters of the deeper levels that restart when level ``used`` is used."""
        for deeper in [d for d in counters if d > used]:
            level = levels.get(deeper)
            restart = level.restart if level is not None else None
            if restart is None or restart - 1 >= deeper or restart < 0:
                counters.pop(deeper)  # default: restart after any higher level
            elif restart != 0 and used <= restart - 1:
                counters.pop(deeper)

    def _render(
        self,
        level: Level,
        levels: Mapping[int, Level],
        counters: Mapping[int, int],
        instance: Instance,
        ilvl: int,
    ) -> str | None:
        if level.num_fmt == "bullet" or not level.text:
            return None
        parts: list[str] = []
        last = 0
        for match in _PLACEHOLDER.finditer(level.text):
            shown = int(match.group(1)) - 1
            if shown > ilvl:
                return None  # Word ignores a pattern that shows a deeper level
            value = counters.get(shown)
            if value is None:
                value = self._start(instance, levels, shown) - 1
            shown_level = levels.get(shown)
            fmt = "decimal" if level.is_legal else (shown_level.num_fmt if shown_level else "decimal")
            parts.append(level.text[last : match.start()])
            parts.append(format_number(value, fmt))
            last = match.end()
        parts.append(level.text[last:])
        label = "".join(parts)
        return label if label.strip() else None
