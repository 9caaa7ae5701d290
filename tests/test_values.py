"""Value cells (``parse_value``) and the markers a document's own notes define (``read_markers``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipplan.blocks import Table
from ipplan.extract.indicators import split_unit
from ipplan.extract.values import Markers, meaning_status, parse_value, read_markers
from ipplan.parsers import txt
from ipplan.schema import Value

# The notes under liuzhou's indicator table, exactly as printed (table rows 31-33 of the txt).
LIUZHOU_NOTES = [
    "注1. 表内知识产权包括：作品、专利、商标、地理标志、商业秘密、集成电路布图设计、植物新品种等专有权利。",
    "2. 2021年指标值标记“—”，意为未开展该项工作。",
    "3. 年度目标标记“/”，意为该项工作在当年不开展或不确定是否开展。",
]
GUANGXI_NOTES = [
    "注:1.每万人口高价值发明专利拥有量是指每万人口本区居民拥有的经国家知识产权局授权的发明专利数量。",
    "2.【】内为规划期间累计数。",
]


def amounts(v: Value) -> list[tuple[float, str | None]]:
    return [(a.value, a.unit) for a in v.amounts]


@pytest.fixture(scope="module")
def liuzhou_markers() -> Markers:
    return read_markers(LIUZHOU_NOTES)


# --- markers -------------------------------------------------------------------------------------


def test_read_markers_from_liuzhou_notes(liuzhou_markers: Markers) -> None:
    assert liuzhou_markers.status == {"—": "not_started", "/": "not_planned"}
    assert liuzhou_markers.cumulative_brackets is None


def test_read_markers_from_the_real_table_notes(liuzhou_txt) -> None:
    doc = txt.read(liuzhou_txt.read_bytes(), liuzhou_txt.name)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    first = next(i for i, row in enumerate(table.rows) if row[0].text.startswith("注"))
    notes = ["".join(c.text for c in row) for row in table.rows[first:]]
    assert notes == LIUZHOU_NOTES
    assert any("意为未开展该项工作" in n for n in notes)
    markers = read_markers(notes)
    assert markers.status == {"—": "not_started", "/": "not_planned"}


def test_read_markers_cumulative_brackets() -> None:
    markers = read_markers(GUANGXI_NOTES)
    assert markers.cumulative_brackets == ("【", "】")
    assert markers.status == {}


def test_read_markers_of_no_notes() -> None:
    assert read_markers([]) == Markers()
    assert read_markers(["注：表内数据为统计口径。"]) == Markers()


@pytest.mark.parametrize(
    ("meaning", "status"),
    [
        ("未开展该项工作", "not_started"),
        ("尚未统计", "not_started"),
        ("该项工作在当年不开展或不确定是否开展", "not_planned"),
        ("暂不开展", "not_planned"),
        ("以实际业务开展为准", "as_actual"),
        ("按实际情况填报", "as_actual"),
        ("规划期间累计数", None),
    ],
)
def test_meaning_status(meaning: str, status: str | None) -> None:
    assert meaning_status(meaning) == status


# --- parse_value ---------------------------------------------------------------------------------


def test_percentage() -> None:
    v = parse_value("95.26%", "%")
    assert (v.raw, v.status, v.comparator, v.cumulative) == ("95.26%", "value", None, False)
    assert amounts(v) == [(95.26, "%")]


def test_percentage_without_unit_column() -> None:
    assert amounts(parse_value("96%")) == [(96.0, "%")]
    assert amounts(parse_value("50％")) == [(50.0, "%")]  # full-width percent sign


def test_compound_value_pairs_with_compound_unit() -> None:
    v = parse_value("2868/2", "万元/笔")
    assert v.status == "value"
    assert v.raw == "2868/2"
    assert amounts(v) == [(2868.0, "万元"), (2.0, "笔")]
    assert amounts(parse_value("6000/10", "万元/笔")) == [(6000.0, "万元"), (10.0, "笔")]
    assert amounts(parse_value("6000／10", "万元/件")) == [(6000.0, "万元"), (10.0, "件")]


def test_compound_value_without_unit() -> None:
    assert amounts(parse_value("2868/2")) == [(2868.0, None), (2.0, None)]


def test_plain_numbers_take_the_unit() -> None:
    assert amounts(parse_value("6", "起")) == [(6.0, "起")]
    assert amounts(parse_value("1.42", "件")) == [(1.42, "件")]
    assert amounts(parse_value("29.58", "万件")) == [(29.58, "万件")]
    assert amounts(parse_value("0", "个")) == [(0.0, "个")]
    assert amounts(parse_value("95．5")) == [(95.5, None)]  # full-width decimal point


def test_number_with_its_own_unit() -> None:
    assert amounts(parse_value("10万元")) == [(10.0, "万元")]


@pytest.mark.parametrize(
    ("raw", "comparator", "value"),
    [
        ("≥100", ">=", 100.0),
        ("≥47", ">=", 47.0),
        (">=5", ">=", 5.0),
        ("＞3", ">", 3.0),
        ("≤5", "<=", 5.0),
        ("＜1", "<", 1.0),
        ("不少于20", ">=", 20.0),
        ("不低于90%", ">=", 90.0),
        ("超过8", ">", 8.0),
        ("不超过3", "<=", 3.0),
        ("100以上", ">=", 100.0),
        ("5以下", "<=", 5.0),
        ("10以内", "<=", 10.0),
        ("约50", "~", 50.0),
        ("50左右", "~", 50.0),
    ],
)
def test_comparators(raw: str, comparator: str, value: float) -> None:
    v = parse_value(raw, "个")
    assert (v.status, v.comparator, v.raw) == ("value", comparator, raw)
    assert [a.value for a in v.amounts] == [value]


def test_markers_defined_by_the_notes(liuzhou_markers: Markers) -> None:
    dash = parse_value("—", "件", liuzhou_markers)
    assert (dash.raw, dash.status, dash.amounts) == ("—", "not_started", [])
    slash = parse_value("/", "件", liuzhou_markers)
    assert (slash.raw, slash.status, slash.amounts) == ("/", "not_planned", [])


@pytest.mark.parametrize(
    ("raw", "status"), [("——", "not_started"), ("－", "not_started"), ("／", "not_planned")]
)
def test_marker_variants(liuzhou_markers: Markers, raw: str, status: str) -> None:
    v = parse_value(raw, None, liuzhou_markers)
    assert (v.raw, v.status) == (raw, status)


def test_markers_without_notes_are_text() -> None:
    # what "—" means is the document's to say: without a note it is just text
    assert parse_value("—").status == "text"
    assert parse_value("/").status == "text"


def test_numbers_are_not_taken_for_markers(liuzhou_markers: Markers) -> None:
    assert amounts(parse_value("10", "%", liuzhou_markers)) == [(10.0, "%")]


@pytest.mark.parametrize("raw", ["以实际业务开展为准", "以实际情况为准", "据实填报", "按实际发生"])
def test_as_actual(raw: str) -> None:
    v = parse_value(raw, "万元/笔")
    assert (v.raw, v.status, v.amounts) == (raw, "as_actual", [])


def test_as_actual_with_markers(liuzhou_markers: Markers) -> None:
    assert parse_value("以实际业务开展为准", "万元/件", liuzhou_markers).status == "as_actual"


@pytest.mark.parametrize("raw", ["", "   ", "\u3000", None])
def test_blank(raw: str | None) -> None:
    v = parse_value(raw)
    assert (v.raw, v.status, v.amounts, v.comparator) == ("", "blank", [], None)


@pytest.mark.parametrize("raw", ["abc", "较上年增长", "显著提升", "1.2.3", "2868/", "≥", "N/A", "十"])
def test_garbage_is_text(raw: str) -> None:
    v = parse_value(raw, "件")
    assert (v.raw, v.status, v.amounts) == (raw.strip(), "text", [])


def test_cumulative_brackets() -> None:
    markers = read_markers(GUANGXI_NOTES)
    v = parse_value("【30】", "亿元", markers)
    assert (v.status, v.cumulative, v.raw) == ("value", True, "【30】")
    assert amounts(v) == [(30.0, "亿元")]
    # without the note 【】 means nothing
    assert parse_value("【30】", "亿元").status == "text"


@pytest.mark.parametrize(("raw", "value"), [("19,000", 19000.0), ("1，496", 1496.0)])
def test_thousands_separators(raw: str, value: float) -> None:
    v = parse_value(raw, "件")
    assert (v.status, amounts(v)) == ("value", [(value, "件")])


def test_raw_is_trimmed() -> None:
    assert parse_value("  95% ").raw == "95%"


# --- units in indicator names (split_unit) ----------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "name", "unit"),
    [
        ("专利质押融资金额（万元）/笔", "专利质押融资金额", "万元/笔"),
        ("商标质押融资金额（万元）/件", "商标质押融资金额", "万元/件"),
        ("商标质押融资金额（万元）／件", "商标质押融资金额", "万元/件"),
        ("查处假冒知识产权行政案件（起）", "查处假冒知识产权行政案件", "起"),
        ("非正常专利申请主动撤回率（%）", "非正常专利申请主动撤回率", "%"),
        ("省部级以上媒体知识产权工作宣传（篇次）", "省部级以上媒体知识产权工作宣传", "篇次"),
        ("10年以上高维持发明专利保有量（件）", "10年以上高维持发明专利保有量", "件"),
        # an acronym in brackets is part of the name, the last brackets are the unit
        ("专利（PCT）国际申请量（件）", "专利（PCT）国际申请量", "件"),
        ("专利合作条约(PCT)申请量(件)", "专利合作条约(PCT)申请量", "件"),
        ("专利密集型产业增加值占GDP比重(%)", "专利密集型产业增加值占GDP比重", "%"),
        ("有效注册商标总量(万件)", "有效注册商标总量", "万件"),
        # a scrape lost the closing bracket
        ("版权产业增加值占GDP比重(%", "版权产业增加值占GDP比重", "%"),
        # no unit
        ("广西知识产权“十百千”人才", "广西知识产权“十百千”人才", None),
        ("产业高价值知识产权创造保护联盟", "产业高价值知识产权创造保护联盟", None),
        ("知识产权保护社会满意度", "知识产权保护社会满意度", None),
        ("（件）", "（件）", None),  # nothing but brackets: no name to split from
        ("地理标志（2025年）", "地理标志（2025年）", None),  # digits: not a unit
    ],
)
def test_split_unit(cell: str, name: str, unit: str | None) -> None:
    assert split_unit(cell) == (name, unit)


def test_split_unit_with_unit_label() -> None:
    assert split_unit("有效发明专利拥有量（单位：件）") == ("有效发明专利拥有量", "件")


# --- fuzz ----------------------------------------------------------------------------------------

_VALUE_ALPHABET = list("0123456789.．%％/／—-－≥≤<>＞＜【】约以上下内左右实际为准据不少于万元笔件 \u3000")


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=30), st.one_of(st.none(), st.text(max_size=8)))
def test_parse_value_never_raises(raw: str, unit: str | None) -> None:
    v = parse_value(raw, unit)
    assert v.raw == raw.strip()
    if v.status == "value":
        assert v.amounts
    else:
        assert v.amounts == []


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(_VALUE_ALPHABET), max_size=20),
    st.one_of(st.none(), st.sampled_from(["%", "件", "万元/笔", "万元/件", "/", ""])),
    st.lists(
        st.text(
            alphabet=st.sampled_from(list("“”—/【】意为表示未开展不确定累计数实际为准注1.。")), max_size=30
        ),
        max_size=3,
    ),
)
def test_parse_value_with_markers_never_raises(raw: str, unit: str | None, notes: list[str]) -> None:
    v = parse_value(raw, unit, read_markers(notes))
    assert v.status in ("value", "not_started", "not_planned", "as_actual", "blank", "text")
