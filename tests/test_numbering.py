"""Word automatic numbering: number formats, label patterns and Word's counting rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipplan.parsers.numbering import (
    NumberingState,
    format_number,
    is_known_format,
    parse_numbering,
)
from ipplan.parsers.ooxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


# ---------------------------------------------------------------------------------------------
# number formats
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "value", "expected"),
    [
        ("decimal", 1, "1"),
        ("decimal", 12, "12"),
        ("decimalZero", 3, "03"),
        ("decimalZero", 12, "12"),
        ("decimalFullWidth", 12, "１２"),
        ("decimalHalfWidth", 7, "7"),
        ("decimalEnclosedCircle", 1, "①"),
        ("decimalEnclosedCircle", 10, "⑩"),
        ("decimalEnclosedCircle", 20, "⑳"),
        ("decimalEnclosedCircle", 21, "21"),
        ("decimalEnclosedCircleChinese", 3, "③"),
        ("decimalEnclosedFullstop", 2, "⒉"),
        ("decimalEnclosedParen", 2, "⑵"),
        ("upperLetter", 1, "A"),
        ("upperLetter", 26, "Z"),
        ("upperLetter", 27, "AA"),
        ("upperLetter", 28, "BB"),
        ("upperLetter", 53, "AAA"),
        ("lowerLetter", 3, "c"),
        ("upperRoman", 4, "IV"),
        ("upperRoman", 1994, "MCMXCIV"),
        ("lowerRoman", 9, "ix"),
        ("chineseCounting", 1, "一"),
        ("chineseCounting", 9, "九"),
        ("chineseCounting", 10, "十"),
        ("chineseCounting", 11, "十一"),
        ("chineseCounting", 19, "十九"),
        ("chineseCounting", 20, "二十"),
        ("chineseCounting", 21, "二十一"),
        ("chineseCounting", 99, "九十九"),
        # Word writes chineseCounting digit by digit from 100 on; the Thousand variant uses 百
        ("chineseCounting", 100, "一〇〇"),
        ("chineseCountingThousand", 7, "七"),
        ("chineseCountingThousand", 10, "十"),
        ("chineseCountingThousand", 15, "十五"),
        ("chineseCountingThousand", 40, "四十"),
        ("chineseCountingThousand", 100, "一百"),
        ("chineseCountingThousand", 101, "一百〇一"),
        ("chineseCountingThousand", 110, "一百一十"),
        ("chineseCountingThousand", 111, "一百一十一"),
        ("chineseCountingThousand", 1000, "一千"),
        ("chineseCountingThousand", 1001, "一千〇一"),
        ("chineseCountingThousand", 2345, "二千三百四十五"),
        ("chineseCountingThousand", 10000, "10000"),
        ("taiwaneseCountingThousand", 101, "一百零一"),
        ("chineseLegalSimplified", 3, "叁"),
        ("chineseLegalSimplified", 10, "壹拾"),
        ("chineseLegalSimplified", 12, "壹拾贰"),
        ("chineseLegalSimplified", 105, "壹佰零伍"),
        ("ideographLegalTraditional", 2, "貳"),
        ("ideographDigital", 10, "一〇"),
        ("ideographTraditional", 1, "甲"),
        ("ideographTraditional", 4, "丁"),
        ("ideographTraditional", 10, "癸"),
        ("ideographTraditional", 11, "11"),
        ("ideographZodiac", 1, "子"),
        ("ideographZodiac", 12, "亥"),
        ("ideographZodiacTraditional", 1, "甲子"),
        ("ideographZodiacTraditional", 60, "癸亥"),
        ("ideographEnclosedCircle", 1, "㊀"),
        ("japaneseCounting", 1, "一"),
        ("japaneseCounting", 10, "十"),
        ("japaneseCounting", 11, "十一"),
        ("japaneseCounting", 20, "二十"),
        ("japaneseCounting", 100, "百"),
        ("japaneseCounting", 111, "百十一"),
        ("japaneseCounting", 2001, "二千一"),
        ("ordinal", 1, "1st"),
        ("ordinal", 12, "12th"),
        ("ordinal", 23, "23rd"),
        ("bullet", 1, ""),
        ("none", 5, ""),
        ("someFutureFormat", 5, "5"),
    ],
)
def test_format_number(fmt: str, value: int, expected: str) -> None:
    assert format_number(value, fmt) == expected


def test_unknown_formats_are_reported_as_unknown() -> None:
    assert is_known_format("chineseCounting")
    assert not is_known_format("someFutureFormat")


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, char in enumerate(text):
        value = values[char]
        total += -value if i + 1 < len(text) and values[text[i + 1]] > value else value
    return total


@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_read_back(value: int) -> None:
    assert _roman_value(format_number(value, "upperRoman")) == value
    assert format_number(value, "lowerRoman") == format_number(value, "upperRoman").lower()


@given(st.integers(min_value=1, max_value=2000))
def test_letters_repeat_one_letter(value: int) -> None:
    text = format_number(value, "lowerLetter")
    assert len(set(text)) == 1
    assert len(text) == (value - 1) // 26 + 1


def _chinese_value(text: str) -> int:
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    units = {"十": 10, "百": 100, "千": 1000}
    total, digit = 0, None
    for char in text:
        if char in units:
            total += (1 if digit is None else digit) * units[char]
            digit = None
        elif char in digits:
            digit = digits[char]
    return total + (digit or 0)


def test_chinese_counting_thousand_reads_back_for_every_value() -> None:
    for value in range(1, 10000):
        assert _chinese_value(format_number(value, "chineseCountingThousand")) == value


def test_chinese_counting_agrees_with_thousand_below_one_hundred() -> None:
    for value in range(1, 100):
        assert format_number(value, "chineseCounting") == format_number(value, "chineseCountingThousand")


# ---------------------------------------------------------------------------------------------
# definitions and counting
# ---------------------------------------------------------------------------------------------


def lvl(ilvl: int, fmt: str, text: str, start: int | str | None = 1, extra: str = "") -> str:
    start_xml = f'<w:start w:val="{start}"/>' if start is not None else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}">{start_xml}<w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def numbering(*parts: str) -> bytes:
    return f'<w:numbering xmlns:w="{W_NS}">{"".join(parts)}</w:numbering>'.encode()


def abstract(abstract_id: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: dict[int, int] | None = None, extra: str = "") -> str:
    body = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
        for i, v in (overrides or {}).items()
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{body}{extra}</w:num>'


def state(xml: bytes, style_num_ids: dict[str, str] | None = None) -> NumberingState:
    return NumberingState(parse_numbering(parse_xml(xml, "numbering.xml"), W, style_num_ids))


def labels(numbering_state: NumberingState, *paragraphs: tuple[int, int]) -> list[str | None]:
    return [numbering_state.label(str(num_id), ilvl) for num_id, ilvl in paragraphs]


# the outline the corpus documents use: 一、 / （一） / 1.
GOV_OUTLINE = abstract(
    9,
    lvl(0, "chineseCounting", "%1、"),
    lvl(1, "chineseCounting", "（%2）"),
    lvl(2, "decimal", "%3."),
)


def test_government_outline_levels_and_restarts() -> None:
    s = state(numbering(GOV_OUTLINE, num(10, 9)))
    got = labels(s, (10, 0), (10, 1), (10, 1), (10, 2), (10, 2), (10, 1), (10, 2), (10, 0), (10, 1))
    assert got == ["一、", "（一）", "（二）", "1.", "2.", "（三）", "1.", "二、", "（一）"]


def test_multi_level_pattern_shows_every_level_in_its_own_format() -> None:
    s = state(
        numbering(
            abstract(
                1,
                lvl(0, "chineseCounting", "第%1章"),
                lvl(1, "decimal", "%1.%2"),
                lvl(2, "lowerLetter", "%1.%2.%3)"),
            ),
            num(1, 1),
        )
    )
    assert labels(s, (1, 0), (1, 1), (1, 2), (1, 2), (1, 1), (1, 0), (1, 1)) == [
        "第一章",
        "一.1",
        "一.1.a)",
        "一.1.b)",
        "一.2",
        "第二章",
        "二.1",
    ]


def test_is_legal_shows_all_levels_in_decimal() -> None:
    s = state(
        numbering(
            abstract(
                1,
                lvl(0, "upperRoman", "%1."),
                lvl(1, "lowerLetter", "%1.%2", extra="<w:isLgl/>"),
            ),
            num(1, 1),
        )
    )
    assert labels(s, (1, 0), (1, 0), (1, 1)) == ["I.", "II.", "2.1"]


def test_start_value() -> None:
    s = state(numbering(abstract(1, lvl(0, "decimal", "%1.", start=3)), num(1, 1)))
    assert labels(s, (1, 0), (1, 0)) == ["3.", "4."]


def test_omitted_start_is_zero() -> None:
    s = state(numbering(abstract(1, lvl(0, "decimal", "%1.", start=None)), num(1, 1)))
    assert labels(s, (1, 0), (1, 0)) == ["0.", "1."]


def test_instances_of_one_template_share_one_sequence() -> None:
    s = state(numbering(abstract(1, lvl(0, "decimal", "%1.")), num(1, 1), num(2, 1)))
    assert labels(s, (1, 0), (1, 0), (2, 0), (1, 0)) == ["1.", "2.", "3.", "4."]


def test_start_override_restarts_the_shared_sequence_once() -> None:
    # ECMA-376 §17.9.26's example: 1, 2, then a restart through another instance, then 2
    s = state(numbering(abstract(1, lvl(0, "decimal", "%1.")), num(5, 1), num(6, 1, {0: 1})))
    assert labels(s, (5, 0), (5, 0), (6, 0), (6, 0)) == ["1.", "2.", "1.", "2."]
    # going back to the first instance continues from where the restart got to
    assert labels(s, (5, 0)) == ["3."]


def test_start_override_sets_an_arbitrary_value() -> None:
    s = state(numbering(GOV_OUTLINE, num(10, 9), num(13, 9, {0: 4})))
    assert labels(s, (10, 0), (13, 0), (13, 1)) == ["一、", "四、", "（一）"]


def test_restarted_level_uses_the_instance_override_again() -> None:
    s = state(numbering(GOV_OUTLINE, num(14, 9, {1: 2})))
    assert labels(s, (14, 1), (14, 1), (14, 0), (14, 1)) == ["（二）", "（三）", "一、", "（二）"]


def test_luzhai_pattern_of_restarting_instances() -> None:
    """The instances the luzhai docx uses, in its order: typed labels fill the gaps in between."""
    s = state(
        numbering(
            GOV_OUTLINE,
            num(10, 9),
            num(11, 9, {1: 1}),
            num(12, 9, {1: 5}),
            num(13, 9, {0: 4}),
            num(14, 9, {1: 2}),
        )
    )
    got = labels(s, (10, 0), (10, 0), (10, 1), (11, 1), (12, 1), (13, 0), (14, 1), (14, 1))
    assert got == ["一、", "二、", "（一）", "（一）", "（五）", "四、", "（二）", "（三）"]


def test_lvl_restart_zero_never_restarts() -> None:
    s = state(
        numbering(
            abstract(
                1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "(%2)", extra='<w:lvlRestart w:val="0"/>')
            ),
            num(1, 1),
        )
    )
    assert labels(s, (1, 0), (1, 1), (1, 1), (1, 0), (1, 1)) == ["1.", "(1)", "(2)", "2.", "(3)"]


def test_lvl_restart_names_the_level_that_restarts_it() -> None:
    # level 3 restarts only after level 1 (w:val="1"), not after level 2
    s = state(
        numbering(
            abstract(
                1,
                lvl(0, "decimal", "%1."),
                lvl(1, "lowerLetter", "%2)"),
                lvl(2, "lowerRoman", "%3.", extra='<w:lvlRestart w:val="1"/>'),
            ),
            num(1, 1),
        )
    )
    assert labels(s, (1, 0), (1, 1), (1, 2), (1, 1), (1, 2), (1, 0), (1, 2)) == [
        "1.",
        "a)",
        "i.",
        "b)",
        "ii.",
        "2.",
        "i.",
    ]


def test_level_never_used_shows_its_start_minus_one() -> None:
    s = state(numbering(abstract(1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2")), num(1, 1)))
    assert labels(s, (1, 1), (1, 0), (1, 1)) == ["0.1", "1.", "1.1"]


def test_pattern_showing_a_deeper_level_is_ignored() -> None:
    s = state(numbering(abstract(1, lvl(0, "decimal", "%1.%2")), num(1, 1)))
    assert labels(s, (1, 0)) == [None]


def test_no_label_for_bullets_none_format_unknown_ids_and_numid_zero() -> None:
    s = state(
        numbering(
            abstract(1, lvl(0, "bullet", "\uf0b7"), lvl(1, "none", "%2"), lvl(2, "decimal", "")),
            num(1, 1),
        )
    )
    assert labels(s, (1, 0), (1, 1), (1, 2), (0, 0), (99, 0), (1, 7)) == [None] * 6


def test_bullets_between_numbers_do_not_disturb_them() -> None:
    s = state(numbering(abstract(1, lvl(0, "decimal", "%1."), lvl(1, "bullet", "•")), num(1, 1)))
    assert labels(s, (1, 0), (1, 1), (1, 1), (1, 0)) == ["1.", None, None, "2."]


def test_level_override_replaces_the_level_definition() -> None:
    override = f'<w:lvlOverride w:ilvl="0">{lvl(0, "upperLetter", "%1)", start=2)}</w:lvlOverride>'
    s = state(numbering(abstract(1, lvl(0, "decimal", "%1.")), num(1, 1), num(2, 1, extra=override)))
    assert labels(s, (2, 0), (2, 0)) == ["B)", "C)"]


def test_number_format_inside_alternate_content() -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    level = (
        f'<w:lvl w:ilvl="0" xmlns:mc="{mc}"><w:start w:val="1"/>'
        '<mc:AlternateContent><mc:Choice Requires="w14">'
        '<w:numFmt w:val="custom" w:format="001, 002"/></mc:Choice>'
        '<mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1"/></w:lvl>'
    )
    s = state(numbering(abstract(1, level), num(1, 1)))
    assert labels(s, (1, 0)) == ["01"]


def test_num_style_link_borrows_the_linked_definition_and_its_counters() -> None:
    xml = numbering(
        abstract(1, lvl(0, "chineseCounting", "%1、"), extra='<w:styleLink w:val="GovList"/>'),
        abstract(2, extra='<w:numStyleLink w:val="GovList"/>'),
        num(5, 1),
        num(7, 2),
    )
    s = state(xml, {"GovList": "5"})
    assert labels(s, (7, 0), (5, 0), (7, 0)) == ["一、", "二、", "三、"]


def test_num_style_link_loop_does_not_hang() -> None:
    xml = numbering(abstract(1, extra='<w:numStyleLink w:val="Loop"/>'), num(5, 1))
    assert labels(state(xml, {"Loop": "5"}), (5, 0)) == [None]


def test_level_of_style_finds_the_level_a_style_is_linked_to() -> None:
    xml = numbering(
        abstract(
            1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2", extra='<w:pStyle w:val="Heading2"/>')
        ),
        num(3, 1),
    )
    definitions = parse_numbering(parse_xml(xml, "numbering.xml"), W)
    assert definitions.level_of_style("3", "Heading2") == 1
    assert definitions.level_of_style("3", "Heading9") is None
    assert definitions.level_of_style("404", "Heading2") is None


def test_garbage_values_do_not_break_parsing() -> None:
    xml = numbering(
        abstract(1, lvl(0, "decimal", "%1.", start="x"), '<w:lvl w:ilvl="12"/>', '<w:lvl w:ilvl="y"/>'),
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="z"/></w:num>',
        '<w:num w:numId="2"/>',
    )
    s = state(xml)
    assert labels(s, (1, 0), (2, 0)) == ["0.", None]
