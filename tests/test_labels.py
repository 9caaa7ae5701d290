"""Numbering labels (``match_label``) and Chinese numerals (``chinese_number``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipplan.outline.labels import RANKS, Label, chinese_number, find_inline_labels, match_label

# (text, kind, number, label as printed, rest)
LABELS = [
    # 一、 level
    ("一、指导思想", "cn_dun", 1, "一、", "指导思想"),
    ("二、工作目标", "cn_dun", 2, "二、", "工作目标"),
    ("十、其他", "cn_dun", 10, "十、", "其他"),
    ("十二、附则", "cn_dun", 12, "十二、", "附则"),
    ("三 、主要任务", "cn_dun", 3, "三 、", "主要任务"),
    ("四．保障措施", "cn_dun", 4, "四．", "保障措施"),
    ("五.组织实施", "cn_dun", 5, "五.", "组织实施"),
    # （一） level, full- and half-width brackets
    ("（一）总体目标", "cn_paren", 1, "（一）", "总体目标"),
    ("(一)总体目标", "cn_paren", 1, "(一)", "总体目标"),
    ("（二十一）其他", "cn_paren", 21, "（二十一）", "其他"),
    ("( 三 )量化指标", "cn_paren", 3, "( 三 )", "量化指标"),
    ("(五) 实施知识产权服务再造工程", "cn_paren", 5, "(五)", "实施知识产权服务再造工程"),
    # 1. level: half- and full-width dots, a space before the dot (OCR / one-line export)
    ("1. 强化知识产权工作统筹领导", "ar_dot", 1, "1.", "强化知识产权工作统筹领导"),
    ("1.加快知识产权保护体制机制建设", "ar_dot", 1, "1.", "加快知识产权保护体制机制建设"),
    ("1．强化", "ar_dot", 1, "1．", "强化"),
    ("1 .知识产权政策体系不断完善", "ar_dot", 1, "1 .", "知识产权政策体系不断完善"),
    ("19 .促进知识产权工作开放发展", "ar_dot", 19, "19 .", "促进知识产权工作开放发展"),
    ("１．全角数字", "ar_dot", 1, "１．", "全角数字"),
    ("999. 最大", "ar_dot", 999, "999.", "最大"),
    # 3、 (liuzhou's level-1 headings after 一、 二、)
    ("3、 主要任务", "ar_dun", 3, "3、", "主要任务"),
    ("4、保障措施", "ar_dun", 4, "4、", "保障措施"),
    ("1 、x", "ar_dun", 1, "1 、", "x"),
    # （1） level
    ("（1）措施", "ar_paren", 1, "（1）", "措施"),
    ("(1)措施", "ar_paren", 1, "(1)", "措施"),
    ("（12）措施", "ar_paren", 12, "（12）", "措施"),
    ("（１）全角", "ar_paren", 1, "（１）", "全角"),
    # 1） level
    ("1）措施", "ar_rparen", 1, "1）", "措施"),
    ("2)措施", "ar_rparen", 2, "2)", "措施"),
    # ① level
    ("①第一", "circled", 1, "①", "第一"),
    ("⑩ 第十", "circled", 10, "⑩", "第十"),
    ("⑳二十", "circled", 20, "⑳", "二十"),
    # 第一章
    ("第一章 总则", "chapter", 1, "第一章", "总则"),
    ("第3章 目标", "chapter", 3, "第3章", "目标"),
    ("第二篇 任务", "chapter", 2, "第二篇", "任务"),
]


@pytest.mark.parametrize(("text", "kind", "number", "printed", "rest"), LABELS, ids=[t for t, *_ in LABELS])
def test_label(text: str, kind: str, number: int, printed: str, rest: str) -> None:
    label = match_label(text)
    assert label == Label(kind, number, printed, rest)
    assert type(label.number) is int
    assert label.rank == RANKS[kind]


def test_ranks_follow_gb_t_9704_order() -> None:
    def rank(text: str) -> int:
        label = match_label(text)
        assert label is not None
        return label.rank

    assert rank("第一章 x") < rank("一、x") < rank("（一）x") < rank("1.x") < rank("（1）x") < rank("①x")
    assert rank("1.x") == rank("3、x")
    assert rank("1）x") == rank("①x")


NOT_LABELS = [
    "1.42",  # a decimal
    "12.5%",
    "2025年",  # a year
    "2025年，有效发明专利达到900件",
    "2025.",  # a year with a full stop
    "2021.11.24",
    "1..",
    "1．5",
    "1000. 太长",  # more than three digits
    "0. 零",  # zero is no label
    "（0）零",
    "〇、零",
    "一.",  # a bare Chinese numeral with a dot and nothing after it
    "（2022-2025年）",  # a period, not a label
    "（2022—2025年）",
    "注：1.表内知识产权包括",
    "一是加强组织领导",
    "四是加强宣传",
    "指导思想",
    "",
    "   ",
    "第",
    "（）",
    "、",
]


@pytest.mark.parametrize("text", NOT_LABELS)
def test_not_a_label(text: str) -> None:
    assert match_label(text) is None


def test_chapter_part_label() -> None:
    assert match_label("第一部分 总则") == Label("chapter", 1, "第一部分", "总则")


def test_fourteenth_five_year_plan_is_no_label() -> None:
    assert match_label("（十四五）知识产权规划") is None


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("二", 2),
        ("两", 2),
        ("九", 9),
        ("十", 10),
        ("一十", 10),
        ("十一", 11),
        ("十二", 12),
        ("十九", 19),
        ("二十", 20),
        ("二十一", 21),
        ("二十七", 27),
        ("九十九", 99),
        ("百", 100),
        ("一百", 100),
        ("一百零五", 105),
        ("一百一十", 110),
        ("三百", 300),
        ("千", 1000),
        ("一千零一", 1001),
        ("零", 0),
        ("〇", 0),
        # digit by digit, as years are written: 二〇二二年
        ("一〇五", 105),
        ("二〇二二", 2022),
        ("二○二二", 2022),
        ("二零二三", 2023),
    ],
)
def test_chinese_number(numeral: str, value: int) -> None:
    assert chinese_number(numeral) == value


@pytest.mark.parametrize("text", ["", "abc", "1", "十一万", "第一", "一、", " 一", "壹"])
def test_chinese_number_refuses(text: str) -> None:
    assert chinese_number(text) is None


@pytest.mark.parametrize("text", ["十四五", "十十"])
def test_chinese_number_malformed(text: str) -> None:
    assert chinese_number(text) is None


def test_find_inline_labels_in_run_on_text() -> None:
    text = (
        "二、工作目标(一)总体目标。到2026年,成效显著。(二)具体目标。"
        "1 .知识产权政策体系不断完善。积极探索。2 .创造能力增强。"
    )
    found = [(label.kind, label.number, label.text) for _, label in find_inline_labels(text)]
    assert found == [
        ("cn_paren", 1, "(一)"),
        ("cn_paren", 2, "(二)"),
        ("ar_dot", 1, "1 ."),
        ("ar_dot", 2, "2 ."),
    ]
    positions = [pos for pos, _ in find_inline_labels(text)]
    assert [text[p] for p in positions] == ["(", "(", "1", "2"]


def test_find_inline_labels_ignores_decimals_and_years() -> None:
    assert find_inline_labels("增长1.5倍。2025年达到目标。1.42件。") == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_match_label_never_raises(text: str) -> None:
    label = match_label(text)
    if label is not None:
        assert label.number > 0
        assert text.startswith(label.text) or label.text in text
        assert text.endswith(label.rest)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("零〇○一二两三四五六七八九十百千")), max_size=8))
def test_chinese_number_never_raises(text: str) -> None:
    value = chinese_number(text)
    assert value is None or (isinstance(value, int) and value >= 0)
