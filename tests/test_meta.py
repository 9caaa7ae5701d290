"""Front-matter metadata: 发文字号, 成文日期, the plan's period, and the notice around the plan."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipplan.blocks import Paragraph
from ipplan.extract.meta import extract_meta, normalise_doc_number, parse_date, plan_period
from ipplan.schema import Location

# --- 发文字号 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "normalised"),
    [
        ("柳高新〔2022〕2号", "柳高新〔2022〕2号"),
        ("柳高新[2022]2号", "柳高新〔2022〕2号"),
        ("柳高新［2022］2号", "柳高新〔2022〕2号"),
        ("柳高新【2022】2号", "柳高新〔2022〕2号"),
        ("柳高新（2022）2号", "柳高新〔2022〕2号"),
        ("柳高新(2022)2号", "柳高新〔2022〕2号"),
        ("柳高新 〔2022〕 2 号", "柳高新〔2022〕2号"),
        ("鹿政办发〔2023〕4号", "鹿政办发〔2023〕4号"),
        ("博政发〔2022〕8号", "博政发〔2022〕8号"),
        ("国发〔2021〕20号", "国发〔2021〕20号"),
        # a scrape lost the closing bracket and 号: 〔2021〕2676号 → 〔20212676
        ("桂市监函〔20212676", "桂市监函〔2021〕2676号"),
        ("桂市监函[2021]2676号", "桂市监函〔2021〕2676号"),
        ("桂市监函〔2021〕2676", "桂市监函〔2021〕2676号"),
    ],
)
def test_normalise_doc_number(printed: str, normalised: str) -> None:
    assert normalise_doc_number(printed) == normalised


@pytest.mark.parametrize(
    "text",
    [
        "〔2022〕2号",  # no organ prefix
        "柳高新〔2022〕",  # no serial number
        "柳高新2022年2号",
        "2022年10月27日",
        "柳州高新技术产业开发区管理委员会",
        "",
    ],
)
def test_not_a_doc_number(text: str) -> None:
    assert normalise_doc_number(text) is None


# --- 成文日期 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "when"),
    [
        ("2022年10月27日", date(2022, 10, 27)),
        ("2022年 10月 27日", date(2022, 10, 27)),
        ("2023年2月22日", date(2023, 2, 22)),
        ("二〇二二年十月二十七日", date(2022, 10, 27)),
        ("二〇二三年二月二十二日", date(2023, 2, 22)),
        ("二○二二年十一月十八日", date(2022, 11, 18)),  # ○ (U+25CB) for 〇
        ("二零二二年一月一日", date(2022, 1, 1)),
        ("二〇二一年十二月三十一日", date(2021, 12, 31)),
        # a scrape lost the 年 月 日: 2021年11月24日 → 20211124
        ("20211124", date(2021, 11, 24)),
        ("2021-11-24", date(2021, 11, 24)),
        ("2021.11.24", date(2021, 11, 24)),
        ("2021/11/24", date(2021, 11, 24)),
        ("2022-1-5", date(2022, 1, 5)),
        # a signature's date that lost its 日 (金乡县人民政府 / 2021年2月22)
        ("2021年2月22", date(2021, 2, 22)),
    ],
)
def test_parse_date(printed: str, when: date) -> None:
    assert parse_date(printed) == when


@pytest.mark.parametrize(
    "text",
    [
        "2022年2月30日",  # no such day
        "2022年13月1日",
        "20221327",
        "二〇二二年十三月一日",
        "2022年10月27日印发",
        "abc",
        "",
    ],
)
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_parse_date_round_trip(when: date) -> None:
    assert parse_date(f"{when.year}年{when.month}月{when.day}日") == when
    assert parse_date(when.strftime("%Y%m%d")) == when
    assert parse_date(when.isoformat()) == when


_CN_DIGIT = "〇一二三四五六七八九"


def _cn_small(n: int) -> str:
    if n < 10:
        return _CN_DIGIT[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGIT[tens]) + "十" + (_CN_DIGIT[ones] if ones else "")


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_parse_chinese_numeral_date_round_trip(when: date) -> None:
    year = "".join(_CN_DIGIT[int(d)] for d in str(when.year))
    printed = f"{year}年{_cn_small(when.month)}月{_cn_small(when.day)}日"
    assert parse_date(printed) == when


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_parse_date_never_raises(text: str) -> None:
    parse_date(text)
    normalise_doc_number(text)


# --- period --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("柳州高新技术产业开发区国家级知识产权强国建设试点园区建设工作方案（2022-2025年）", (2022, 2025)),
        ("博山区国家知识产权强区试点区建设工作方案(2022—2025年)", (2022, 2025)),
        ("某某方案（2022–2025年）", (2022, 2025)),
        ("某某方案（2022～2025年）", (2022, 2025)),
        ("某某方案（2022至2025年）", (2022, 2025)),
        ("某某方案（2022-2025）", (2022, 2025)),
        ("某某方案2022-2025年", (2022, 2025)),
        ("广西壮族自治区知识产权保护和运用“十四五”规划", (2021, 2025)),
        ('某省知识产权"十四五"规划', (2021, 2025)),
        ("某省知识产权十四五规划", (2021, 2025)),
        ("某市知识产权“十三五”规划", (2016, 2020)),
        ("某市知识产权“十五五”规划", (2026, 2030)),
    ],
)
def test_plan_period(title: str, period: tuple[int, int]) -> None:
    found = plan_period(title, None)
    assert found is not None
    assert (found.start, found.end) == period


def test_plan_period_from_the_notice_title() -> None:
    found = plan_period(None, "关于印发某方案（2023-2025年）的通知")
    assert found is not None and (found.start, found.end) == (2023, 2025)


def test_title_period_wins_over_notice() -> None:
    found = plan_period("某方案（2022-2025年）", "关于印发某方案（2023-2026年）的通知")
    assert found is not None and (found.start, found.end) == (2022, 2025)


@pytest.mark.parametrize(
    "title",
    ["关于全面创建国家知识产权强市建设试点城市工作方案", "某方案（2025-2022年）", "某方案", "", None],
)
def test_no_period(title: str | None) -> None:
    assert plan_period(title, None) is None


@pytest.mark.parametrize("title", ["某方案（2021年—2025年）", "某方案(2021年-2025年)"])
def test_period_with_year_after_both(title: str) -> None:
    found = plan_period(title, None)
    assert found is not None and (found.start, found.end) == (2021, 2025)


# --- extract_meta on a synthetic front matter -----------------------------------------------------


def _paragraphs(*lines: str) -> list[Paragraph]:
    return [Paragraph(t, Location(line=i)) for i, t in enumerate(lines, 1)]


def test_extract_meta_of_a_typical_notice() -> None:
    blocks = _paragraphs(
        "某某县人民政府办公室文件",
        "某政办发〔2023〕4号",
        "某某县人民政府办公室关于印发《某某县知识产权强县建设工作方案（2022-2025年）》的通知",
        "各乡镇人民政府，县各有关单位：",
        "现将《某某县知识产权强县建设工作方案（2022-2025年）》印发给你们，请认真贯彻执行。",
        "某某县人民政府办公室",
        "2023年2月22日",
        "某某县知识产权强县建设工作方案",
        "（2022-2025年）",
        "为深入贯彻落实……，制定本方案。",
        "一、指导思想",
    )
    front = extract_meta(blocks)
    meta = front.meta
    assert meta.doc_number == "某政办发〔2023〕4号"
    assert (
        meta.notice_title
        == "某某县人民政府办公室关于印发《某某县知识产权强县建设工作方案（2022-2025年）》的通知"
    )
    assert meta.issuer == "某某县人民政府办公室"
    assert meta.title == "某某县知识产权强县建设工作方案（2022-2025年）"
    assert meta.issue_date == date(2023, 2, 22)
    assert meta.recipients == ["各乡镇人民政府", "县各有关单位"]
    assert meta.period is not None and (meta.period.start, meta.period.end) == (2022, 2025)
    # the body starts after the title's lines (the title and its period line)
    assert blocks[front.body_start - 2].text == "某某县知识产权强县建设工作方案"
    assert blocks[front.body_start].text == "为深入贯彻落实……，制定本方案。"


def test_extract_meta_hints_win() -> None:
    blocks = _paragraphs("某某规划", "一、形势背景")
    front = extract_meta(
        blocks, {"doc_number": "桂市监函〔20212676", "issue_date": "20211124", "issuer": "某办"}
    )
    assert front.meta.doc_number == "桂市监函〔2021〕2676号"
    assert front.meta.issue_date == date(2021, 11, 24)
    assert front.meta.issuer == "某办"


def test_extract_meta_without_notice() -> None:
    blocks = _paragraphs(
        "关于全面创建国家知识产权强市建设试点城市工作方案", "为推进工作，特制定本方案。", "一、指导思想"
    )
    meta = extract_meta(blocks).meta
    assert meta.title == "关于全面创建国家知识产权强市建设试点城市工作方案"
    assert (meta.notice_title, meta.doc_number, meta.issuer, meta.issue_date, meta.period) == (
        None,
        None,
        None,
        None,
        None,
    )


def test_extract_meta_of_nothing() -> None:
    front = extract_meta([])
    assert front.meta.title is None
    assert front.body_start == 0
