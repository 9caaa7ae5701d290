"""The txt reader's encoding detection (``decode``) and line handling (``read``)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipplan.blocks import Document, Paragraph, Table
from ipplan.errors import IpplanError
from ipplan.parsers.txt import decode, read

# A plan's opening, with the characters that tell the encodings apart: CJK, full-width
# punctuation, an en dash and ASCII digits.
SAMPLE = (
    "一、指导思想\n"
    "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。\n"
    "（一）总体目标\n"
    "到2025年，有效发明专利达到900件（2022-2025年）。\n"
)
# Characters outside GB2312 (GBK only) and outside GBK (GB18030 four-byte sequences).
GBK_ONLY = "镕堃喆"
GB18030_ONLY = "𠀀€"


def _texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


# --- decode ------------------------------------------------------------------------------------


def test_utf8() -> None:
    text, codec, warnings = decode(SAMPLE.encode("utf-8"))
    assert (text, codec, warnings) == (SAMPLE, "utf-8", [])


def test_utf8_with_bom_drops_the_bom() -> None:
    text, codec, warnings = decode(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    assert text == SAMPLE
    assert not text.startswith("\ufeff")
    assert codec == "utf-8-sig"
    assert warnings == []


def test_gb18030() -> None:
    data = (SAMPLE + GB18030_ONLY).encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data) == (SAMPLE + GB18030_ONLY, "gb18030", [])


def test_gbk_is_read_as_its_superset_gb18030() -> None:
    text, codec, warnings = decode((SAMPLE + GBK_ONLY).encode("gbk"))
    assert text == SAMPLE + GBK_ONLY
    assert codec == "gb18030"
    assert warnings == []


def test_gb2312_is_read_as_gb18030() -> None:
    assert decode(SAMPLE.encode("gb2312"))[:2] == (SAMPLE, "gb18030")


@pytest.mark.parametrize(
    ("bom", "codec"), [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")], ids=["le", "be"]
)
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    text, found, warnings = decode(bom + SAMPLE.encode(codec))
    assert (text, found, warnings) == (SAMPLE, codec, [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_mostly_ascii(codec: str) -> None:
    text = "1. Plan for 2022-2025\n2. Targets: 900 patents\n" * 3
    assert decode(text.encode(codec)) == (text, codec, [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_chinese(codec: str) -> None:
    text, found, _ = decode(SAMPLE.encode(codec))
    assert (text, found) == (SAMPLE, codec)


def test_utf16_without_bom_real_document(liuzhou_txt) -> None:
    original = liuzhou_txt.read_text(encoding="utf-8")
    text, found, _ = decode(original.encode("utf-16-le"))
    assert (text == original, found) == (True, "utf-16-le")


def test_invalid_utf8_bytes_are_replaced_with_a_warning() -> None:
    data = SAMPLE.encode("utf-8") + b"\xff\x80" + "完。".encode()
    text, codec, warnings = decode(data)
    assert codec == "utf-8"
    assert text.startswith(SAMPLE)
    assert text.endswith("完。")
    assert "\ufffd" in text
    assert [w.code for w in warnings] == ["invalid-bytes"]
    assert "utf-8" in warnings[0].message


def test_invalid_byte_in_gb18030_document(boshan_txt) -> None:
    data = boshan_txt.read_bytes()
    broken = data[:3000] + b"\xff" + data[3000:]
    text, codec, warnings = decode(broken)
    assert codec == "gb18030"
    assert 1 <= text.count("\ufffd") <= 3
    assert "博政发〔2022〕8号" in text
    assert [w.code for w in warnings] == ["invalid-bytes"]


def test_invalid_utf16_is_replaced_with_a_warning() -> None:
    # a lone high surrogate
    data = b"\xff\xfe" + "甲乙".encode("utf-16-le") + b"\x00\xd8" + "丙".encode("utf-16-le")
    text, codec, warnings = decode(data)
    assert codec == "utf-16-le"
    assert text == "甲乙\ufffd丙"
    assert [w.code for w in warnings] == ["invalid-bytes"]


def test_mostly_undecodable_bytes_are_refused() -> None:
    with pytest.raises(IpplanError) as info:
        decode(b"\x80" * 200)
    assert info.value.code == "E206"
    assert info.value.kind.name == "undecodable-text"


def test_boshan_corpus_file_is_gb18030_with_crlf(boshan_txt) -> None:
    data = boshan_txt.read_bytes()
    assert b"\r\n" in data  # the copy in tests/data must keep its line endings
    text, codec, warnings = decode(data)
    assert codec == "gb18030"
    assert warnings == []
    assert "博山区人民政府" in text
    assert "\r\n" in text  # decode does not touch line endings; read splits them


@pytest.mark.parametrize(
    "stem",
    ["liuzhou-hitech-park-2022", "luzhai-county-2023", "guangxi-14th-fyp-2021", "chongqing-district-2023"],
)
def test_utf8_corpus_files(stem: str, corpus_file) -> None:
    text, codec, warnings = decode(corpus_file(stem, "txt").read_bytes())
    assert codec == "utf-8"
    assert warnings == []
    assert "\ufffd" not in text


# --- line endings (read) -----------------------------------------------------------------------

DOC = (
    "一、指导思想\n"
    "为深入贯彻落实习近平总书记关于全面加强知识产权保护、\n"
    "推动构建新发展格局的重要讲话精神，制定本方案。\n"
    "二、工作目标\n"
    "\t序号\n\t指标内容\n\t2021年基础值\n\t2025年目标值\n"
    "\n"
    "\t1\n\t专利质押融资金额（万元）/笔\n\t2868/2\n\t6000/10\n"
    "\n"
    "\t\n\t商标质押融资金额\n（万元）/件\n\t—\n\t/\n"
    "\n"
    "三、主要任务\n"
)
EXPECTED_PARAGRAPHS = [
    ("一、指导思想", 1, 1),
    (
        "为深入贯彻落实习近平总书记关于全面加强知识产权保护、推动构建新发展格局的重要讲话精神，制定本方案。",
        2,
        3,
    ),
    ("二、工作目标", 4, 4),
    ("三、主要任务", 21, 21),
]
EXPECTED_ROWS = [
    ["序号", "指标内容", "2021年基础值", "2025年目标值"],
    ["1", "专利质押融资金额（万元）/笔", "2868/2", "6000/10"],
    ["", "商标质押融资金额（万元）/件", "—", "/"],
]


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "utf-16"])
def test_line_endings_give_the_same_blocks(eol: str, codec: str) -> None:
    doc = read(DOC.replace("\n", eol).encode(codec), "plan.txt")
    paragraphs = [(b.text, b.loc.line, b.loc.line_end) for b in doc.blocks if isinstance(b, Paragraph)]
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert paragraphs == EXPECTED_PARAGRAPHS
    assert len(tables) == 1
    assert [[c.text for c in row] for row in tables[0].rows] == EXPECTED_ROWS
    assert (tables[0].loc.line, tables[0].loc.line_end) == (5, 19)
    assert doc.format == "txt"
    assert all("\r" not in t for t, _, _ in paragraphs)


def test_cr_only_file_is_split_into_lines() -> None:
    doc = read("一、指导思想\r正文第一段。\r二、工作目标\r".encode(), "plan.txt")
    assert _texts(doc) == ["一、指导思想", "正文第一段。", "二、工作目标"]
    assert [b.loc.line for b in doc.blocks] == [1, 2, 3]


def test_mixed_line_endings() -> None:
    doc = read("一、甲\r\n正文。\r二、乙\n正文。".encode(), "plan.txt")
    assert _texts(doc) == ["一、甲", "正文。", "二、乙", "正文。"]
    assert [b.loc.line for b in doc.blocks] == [1, 2, 3, 4]


def test_boshan_crlf_lines_are_numbered_and_joined(boshan_txt) -> None:
    doc = read(boshan_txt.read_bytes(), boshan_txt.name)
    assert doc.encoding == "gb18030"
    texts = _texts(doc)
    assert all("\r" not in t for t in texts)
    assert "博政发〔2022〕8号" in texts
    first = next(b for b in doc.blocks if isinstance(b, Paragraph) and b.text == "博政发〔2022〕8号")
    assert first.loc.line == 3
    # "加强知识产权政策与科技、" is broken over lines in the export and joined again
    joined = next(t for t in texts if t.startswith("3. 优化知识产权创造激励机制"))
    assert "加强知识产权政策与科技、" in joined
    assert joined.endswith("。")


def test_read_strips_nul_and_bom() -> None:
    doc = read(b"\xef\xbb\xbf" + "一、指导\x00思想\n".encode(), "plan.txt")
    assert _texts(doc) == ["一、指导思想"]
    assert doc.encoding == "utf-8-sig"


def test_read_reports_decoding_warnings() -> None:
    doc = read(SAMPLE.encode("utf-8") + b"\xff\n", "plan.txt")
    assert [w.code for w in doc.warnings] == ["invalid-bytes"]


# --- fuzz --------------------------------------------------------------------------------------

_PLAN_ALPHABET = [
    *"一二三四十、（）()1234567890.．。，,；;：:\t\r\n 注序号指标责任部门年%/—≥【】“”",
    "\ufeff",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_read_arbitrary_bytes(data: bytes) -> None:
    try:
        doc = read(data, "fuzz.txt")
    except IpplanError:
        return
    assert isinstance(doc, Document)
    assert all(isinstance(b, (Paragraph, Table)) for b in doc.blocks)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from(_PLAN_ALPHABET), max_size=600),
    st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"]),
)
def test_read_arbitrary_plan_like_text(text: str, codec: str) -> None:
    try:
        doc = read(text.encode(codec), "fuzz.txt")
    except IpplanError:
        return
    assert isinstance(doc, Document)
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            assert block.loc.line is not None and block.loc.line >= 1
