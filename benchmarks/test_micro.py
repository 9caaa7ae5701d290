"""Micro-benchmarks of the outline builder and the value parser (pytest-benchmark).

Not part of the test suite (pyproject's testpaths is ``tests``); run them with

    pytest benchmarks/test_micro.py                      # all
    pytest benchmarks/test_micro.py --benchmark-only -k outline

They time, never assert a time: speed budgets live in benchmarks/run.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytest_benchmark")

from ipplan import parsers
from ipplan.extract.meta import extract_meta
from ipplan.extract.values import Markers, parse_value, read_markers
from ipplan.outline import build_outline
from ipplan.outline.labels import match_label

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = (
    sorted(p for fmt in ("txt", "docx") for p in (CORPUS / fmt).glob(f"*.{fmt}")) if CORPUS.is_dir() else []
)


def _body(path: Path) -> list:
    """The blocks the outline is built from, as ``build_plan`` passes them."""
    fmt = path.suffix[1:]
    document = parsers.read(path.read_bytes(), str(path), fmt)
    front = extract_meta(document.blocks, document.meta_hints)
    return list(document.blocks[front.body_start :])


@pytest.mark.skipif(not FILES, reason=f"no corpus at {CORPUS}")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.suffix[1:]}-{p.stem}")
def test_outline_corpus(benchmark, path: Path) -> None:
    body = _body(path)
    outline = benchmark(build_outline, body)
    assert any(u.level == 1 for u in outline.units)


@pytest.mark.skipif(not FILES, reason=f"no corpus at {CORPUS}")
def test_outline_sixteen_plans(benchmark) -> None:
    """Sixteen bodies one after another: numbering restarts, the inference has work to do."""
    body = _body(next(p for p in FILES if p.suffix == ".txt")) * 16
    outline = benchmark(build_outline, body)
    assert len(outline.units) >= 16


def test_outline_synthetic(benchmark) -> None:
    """A body with every label kind, lost labels to infer and a run-on paragraph to split."""
    from ipplan.blocks import Paragraph
    from ipplan.schema import Location

    lines: list[str] = []
    for a in range(1, 6):
        lines.append("一二三四五"[a - 1] + "、第" + str(a) + "部分")
        for b in range(1, 5):
            lines.append(f"（{'一二三四'[b - 1]}）分项标题")
            lines += [f"{c}.条目内容，说明具体要求。（责任单位：区市场监管局）" for c in range(1, 6)]
        lines.append("丢失编号的标题")  # a heading whose automatic number was lost
        lines.append("正文说明段落，没有编号。")
    run_on = "。".join(f"{n}.第{n}项工作要求" for n in range(1, 60)) + "。"
    body = [Paragraph(t, Location(line=i + 1)) for i, t in enumerate([*lines, run_on * 3])]
    outline = benchmark(build_outline, body)
    assert outline.units


CELLS = [
    ("95.26%", None),
    ("2868/2", "万元/笔"),
    ("≥100", "件"),
    ("100以上", "件"),
    ("约30", "家"),
    ("—", None),
    ("/", None),
    ("以实际业务开展为准", None),
    ("【50】", "件"),
    ("", None),
    ("暂无", None),
    ("1.5", "亿元"),
]
NOTES = ["注：1.标记“—”，意为未开展该项工作；“/”表示暂不开展。2.【】内为累计值。"]


def test_parse_value_cells(benchmark) -> None:
    markers = read_markers(NOTES)

    def run() -> list:
        return [parse_value(raw, unit, markers) for raw, unit in CELLS]

    values = benchmark(run)
    assert [v.status for v in values][:3] == ["value", "value", "value"]


def test_parse_value_without_markers(benchmark) -> None:
    empty = Markers()

    def run() -> list:
        return [parse_value(raw, unit, empty) for raw, unit in CELLS]

    benchmark(run)


def test_read_markers(benchmark) -> None:
    markers = benchmark(read_markers, NOTES * 4)
    assert markers.status


def test_match_label(benchmark) -> None:
    texts = [
        "一、总体要求",
        "（二）具体目标",
        "3.加强保护",
        "（4）推进",
        "①开展",
        "第三章 任务",
        "没有编号的正文",
    ]

    def run() -> list:
        return [match_label(t) for t in texts]

    found = benchmark(run)
    assert found[0] is not None and found[-1] is None
