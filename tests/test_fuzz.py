"""Fuzzing the whole pipeline: whatever the bytes, a valid Plan or an IpplanError, nothing else.

* hypothesis on the txt reader through ``api.parse_bytes`` (reader, outline, every extractor):
  arbitrary bytes, and plan-like text (labels, tables, notes, numbers) in every encoding;
* hypothesis on the value and marker parser (``extract.values.parse_value``, ``read_markers``);
* mutation: random bytes flipped in corpus .docx files (the zip as it is, and the XML parts
  re-zipped so the damage reaches the XML and the Word reader) and in a corpus PDF (two of its
  pages with their content stream uncompressed, so flips hit operators, and the whole file).

Everything is seeded (hypothesis derandomized, ``random.Random(seed)``), so a run is the same
run every time; some 3,000 inputs in all, about half a minute on one core. For a deeper search,
``IPPLAN_FUZZ_SCALE=20 pytest tests/test_fuzz.py`` multiplies every count and lets hypothesis
draw new examples. A success must be a
valid Plan that survives JSON (strict UTF-8) and validation back; a failure must be an
``IpplanError`` with a documented code other than internal-error, whose line is one line.
"""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import corpus_file
from ipplan.api import parse_bytes
from ipplan.errors import KINDS, IpplanError
from ipplan.extract.values import Markers, parse_value, read_markers
from ipplan.schema import Plan, Value
from ipplan.writers import to_json

SCALE = max(1, int(os.environ.get("IPPLAN_FUZZ_SCALE", "1")))
FUZZ = settings(
    derandomize=SCALE == 1,  # the same examples on every run: a failure here is a failure everywhere
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def outcome(data: bytes, name: str, fmt: str | None = None) -> str:
    """Parse ``data``: "ok" for a valid Plan, else the IpplanError's code. Anything else fails."""
    try:
        plan = parse_bytes(data, name, fmt=fmt)
    except IpplanError as exc:
        assert exc.code in KINDS and exc.code != "E901", exc.one_line()
        assert "\n" not in exc.one_line()
        return exc.code
    assert isinstance(plan, Plan)
    text = to_json(plan)
    text.encode("utf-8")  # no lone surrogate or other unencodable text reached the record
    assert Plan.model_validate(json.loads(text)) == plan
    return "ok"


# --- the txt reader and the whole pipeline -------------------------------------------------------------


@settings(FUZZ, max_examples=300 * SCALE)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_as_text(data: bytes) -> None:
    outcome(data, "fuzz.txt", fmt="txt")


_LABELS = [
    "一、", "二、", "十二、", "（一）", "(二)", "（三）", "1.", "2．", "3 .", "4、", "（1）", "(2)", "①", "②",
    "第一章", "第二部分", "一.", "（十四五）", "1.42", "2025.", "注：", "备注：", "附件", "表1",
]  # fmt: skip
_WORDS = [
    "总体要求", "主要任务", "工作目标", "保障措施", "知识产权", "专利", "商标", "到2025年", "全县",
    "有效发明专利", "达到", "件", "万元", "%", "％", "个百分点", "（责任单位：县市场监管局、县科技局）",
    "牵头单位：", "配合单位：", "序号", "指标", "2021年基础值", "2025年目标值", "属性", "预期性",
    "—", "/", "【", "】", "“—”表示未开展", "以实际业务开展为准", "。", "，", "；", "：", "、",
    "关于印发", "的通知", "〔2022〕8号", "人民政府", "2022年10月27日", "十四五", " ", "\u3000",
]  # fmt: skip
_NUMBERS = st.one_of(
    st.integers(-10, 10**7).map(str),
    st.floats(0, 1e6, allow_nan=False).map(lambda f: f"{f:.2f}"),
    st.sampled_from(["1,234", "2868/2", "≥100", "95.26%", "0.5‰", "1e9", "９９", "٣", "9" * 40]),
)
_PIECE = st.one_of(st.sampled_from(_LABELS), st.sampled_from(_WORDS), _NUMBERS, st.text(max_size=6))
_LINE = st.one_of(
    st.lists(_PIECE, max_size=8).map("".join),
    st.lists(_PIECE, min_size=1, max_size=3).map(lambda cells: "\t" + "\t".join(cells)),  # Word table rows
    st.just(""),
)
_ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]


@settings(FUZZ, max_examples=300 * SCALE)
@given(
    lines=st.lists(_LINE, max_size=40),
    encoding=st.sampled_from(_ENCODINGS),
    eol=st.sampled_from(["\n", "\r\n", "\r"]),
    run_on=st.booleans(),
    damage=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=3),
)
def test_plan_like_text(lines: list[str], encoding: str, eol: str, run_on: bool, damage) -> None:
    text = ("" if run_on else eol).join(lines)  # run_on: a document exported as one line
    data = bytearray(text.encode(encoding, errors="replace"))
    for at, value in damage:
        if data:
            data[at % len(data)] = value
    outcome(bytes(data), "fuzz.txt", fmt="txt")


# --- values and markers ------------------------------------------------------------------------------

_VALUE_ALPHABET = st.sampled_from(
    list(
        "0123456789.．,，/／%％‰-+—–一≥≤><＞＜约以上下内左右不少于低超过【】[]（）() 万元件笔个实际为准据按"
        + "٣９𝟏²"
    )
)


def _check_value(value: Value, raw: str | None) -> None:
    assert isinstance(value, Value)
    assert value.raw == (raw or "").strip()
    for amount in value.amounts:
        assert amount.value == amount.value  # not NaN
    json.loads(value.model_dump_json())  # serialisable as strict JSON


@settings(FUZZ, max_examples=600 * SCALE)
@given(
    raw=st.one_of(st.none(), st.text(_VALUE_ALPHABET, max_size=24), st.text(max_size=12)),
    unit=st.one_of(
        st.none(), st.sampled_from(["万元", "万元/笔", "%", "件/个", "/", ""]), st.text(max_size=6)
    ),
)
def test_parse_value(raw: str | None, unit: str | None) -> None:
    _check_value(parse_value(raw, unit), raw)


@settings(FUZZ, max_examples=300 * SCALE)
@given(
    notes=st.lists(
        st.one_of(
            st.sampled_from(
                ["注：标记“—”，意为未开展该项工作。", "“/”表示不确定。", "【】内为累计值", "“0”为暂不开展"]
            ),
            st.text(max_size=30),
        ),
        max_size=4,
    ),
    raw=st.one_of(st.none(), st.text(_VALUE_ALPHABET, max_size=16)),
)
def test_parse_value_with_markers(notes: list[str], raw: str | None) -> None:
    markers = read_markers(notes)
    assert isinstance(markers, Markers)
    _check_value(parse_value(raw, "万元", markers), raw)


# --- mutations of corpus Word files ------------------------------------------------------------------------

DOCX_STEMS = ("chongqing-district-2023", "boshan-district-2022")


def _flip(data: bytes, rng: random.Random, flips: int, positions: list[range] | None = None) -> bytes:
    out = bytearray(data)
    for _ in range(flips):
        span = rng.choice(positions) if positions else range(len(out))
        at = rng.choice(span)
        out[at] = rng.choice((rng.randrange(256), out[at] ^ (1 << rng.randrange(8))))
    return bytes(out)


def _tally(outcomes: Counter, expected_ok: bool = True) -> None:
    assert sum(outcomes.values()) > 0
    if expected_ok:  # the mutations reach past the first check: some files still read
        assert outcomes["ok"] > 0, outcomes


@pytest.mark.parametrize("stem", DOCX_STEMS)
def test_flipped_bytes_in_corpus_docx(stem: str) -> None:
    """600 damaged copies of each file, 1 to 8 bytes changed anywhere in the zip."""
    data = corpus_file(stem, "docx").read_bytes()
    rng = random.Random(f"docx-bytes-{stem}")
    outcomes = Counter(
        outcome(_flip(data, rng, rng.randint(1, 8)), f"{stem}.docx") for _ in range(600 * SCALE)
    )
    _tally(outcomes)
    assert set(outcomes) <= {"ok", "E201", "E202", "E301", "E302"}, outcomes


def _rezip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return buffer.getvalue()


_XML_BYTES = b'<>/="&;#:wxyz \t\n0123456789-'


@pytest.mark.parametrize("stem", DOCX_STEMS)
def test_flipped_bytes_in_corpus_docx_xml(stem: str) -> None:
    """200 copies with their document, style or numbering XML damaged and re-zipped (valid CRCs),
    so that the damage reaches the XML parser, the Word reader and the extractors."""
    with zipfile.ZipFile(corpus_file(stem, "docx")) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    targets = [
        name for name in ("word/document.xml", "word/styles.xml", "word/numbering.xml") if name in parts
    ]
    rng = random.Random(f"docx-xml-{stem}")
    outcomes: Counter = Counter()
    for _ in range(200 * SCALE):
        name = rng.choice(targets)
        xml = bytearray(parts[name])
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(xml))
            xml[at] = rng.choice(_XML_BYTES) if rng.random() < 0.7 else rng.randrange(256)
        outcomes[outcome(_rezip({**parts, name: bytes(xml)}), f"{stem}.docx")] += 1
    _tally(outcomes)


# --- mutations of a corpus PDF -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_pdf() -> tuple[bytes, list[range]]:
    """The first two pages of a corpus PDF, content streams uncompressed, and where in the file its
    content streams, object dictionaries and cross-reference table lie (where flips do most)."""
    pypdf = pytest.importorskip("pypdf")
    from pypdf.generic import DecodedStreamObject, NameObject

    reader = pypdf.PdfReader(corpus_file("boshan-district-2022", "pdf"))
    writer = pypdf.PdfWriter()
    for page in reader.pages[:2]:
        writer.add_page(page)
    streams = []
    for page in writer.pages:
        stream = DecodedStreamObject()
        stream.set_data(page.get_contents().get_data())
        streams.append(stream.get_data())
        page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    spans = [range(max(0, len(data) - 2048), len(data)), range(min(4096, len(data))), range(len(data))]
    for content in streams:
        at = data.find(content)
        if at >= 0 and content:
            spans += [range(at, at + len(content))] * 3
    return data, spans


def test_flipped_bytes_in_a_corpus_pdf(small_pdf: tuple[bytes, list[range]]) -> None:
    """200 damaged copies of two pages: operators, dictionaries, the xref table and the fonts."""
    data, spans = small_pdf
    rng = random.Random("pdf-bytes")
    outcomes = Counter(
        outcome(_flip(data, rng, rng.randint(1, 6), spans), "fuzz.pdf") for _ in range(200 * SCALE)
    )
    _tally(outcomes)
    assert set(outcomes) <= {"ok", "E202", "E203", "E205", "E301"}, outcomes


def test_flipped_bytes_in_a_whole_corpus_pdf() -> None:
    """A few damaged copies of a whole corpus PDF as it is (compressed streams, eleven pages)."""
    data = corpus_file("boshan-district-2022", "pdf").read_bytes()
    rng = random.Random("pdf-whole")
    outcomes = Counter(outcome(_flip(data, rng, rng.randint(1, 8)), "fuzz.pdf") for _ in range(8 * SCALE))
    _tally(outcomes, expected_ok=False)
