"""The outline: levels, numbers and paths of headings and items, and labels lost in text exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipplan.blocks import Block, Cell, Paragraph, Table
from ipplan.extract.meta import extract_meta
from ipplan.outline import Outline, Unit, build_outline
from ipplan.parsers import txt
from ipplan.schema import Location

TABLE = object()  # stands for a small table in a synthetic document


def synthetic(*lines: object) -> Outline:
    """The outline of paragraphs (one per line, line numbers from 1) and tables."""
    blocks: list[Block] = []
    for i, line in enumerate(lines, 1):
        if line is TABLE:
            cells = [
                [Cell(t, Location(line=i, table=0, row=0, col=c)) for c, t in enumerate(["序号", "指标"])]
            ]
            blocks.append(Table(cells, Location(line=i, table=0)))
        else:
            blocks.append(Paragraph(str(line), Location(line=i, line_end=i)))
    return build_outline(blocks)


def corpus_outline(path: Path) -> Outline:
    """The outline of a corpus txt's body, as ``build_plan`` builds it."""
    doc = txt.read(path.read_bytes(), path.name)
    front = extract_meta(doc.blocks, doc.meta_hints)
    body = list(doc.blocks[front.body_start :])
    if front.title_split and body and isinstance(body[0], Paragraph):
        first = body[0]
        body[0] = Paragraph(first.text[front.title_split :], first.loc, None, first.centered, first.bold)
    return build_outline(body)


def numbered(outline: Outline) -> list[tuple[tuple[int, ...], str, bool]]:
    return [(u.path, u.text, u.inferred) for u in outline.numbered()]


def unit_starting(outline: Outline, prefix: str) -> Unit:
    found = [u for u in outline.units if u.text.startswith(prefix)]
    assert len(found) == 1, f"{prefix!r}: {len(found)} units"
    return found[0]


def inferred_warnings(outline: Outline) -> list[str]:
    return [w.message for w in outline.warnings if w.code == "numbering-inferred"]


# --- luzhai: labels that were Word automatic numbering are missing from the txt ----------------


@pytest.fixture(scope="module")
def luzhai(corpus_file) -> Outline:
    return corpus_outline(corpus_file("luzhai-county-2023", "txt"))


@pytest.mark.parametrize(
    ("text", "path", "line"),
    [
        ("指导思想", (1,), 20),
        ("工作目标", (2,), 23),
        ("总体目标", (2, 1), 25),
        ("完善知识产权顶层设计，优化创新统筹机制", (3, 1), 151),
        ("高层次壮大知识产权人才队伍，夯实工业创新保障", (3, 5), 183),
        ("保障措施", (4,), 193),
    ],
)
def test_luzhai_lost_labels_are_inferred(
    luzhai: Outline, text: str, path: tuple[int, ...], line: int
) -> None:
    u = unit_starting(luzhai, text)
    assert u.text == text
    assert u.path == path
    assert u.level == len(path)
    assert u.number == path[-1]
    assert u.inferred is True
    assert u.label is None
    assert u.loc.line == line
    warning = next(w for w in luzhai.warnings if w.code == "numbering-inferred" and repr(text) in w.message)
    assert f"numbered {path[-1]} at level {len(path)}" in warning.message
    assert warning.source is not None and warning.source.line == line


def test_luzhai_inferred_warnings_are_exactly_the_lost_labels(luzhai: Outline) -> None:
    # 指导思想 工作目标 总体目标 完善… 高层次… 保障措施, and 落实资金保障 严格督查考核 after （一）
    assert len(inferred_warnings(luzhai)) == 8
    assert not [w for w in luzhai.warnings if w.code == "numbering-duplicate"]


def test_luzhai_printed_labels_are_kept(luzhai: Outline) -> None:
    main = unit_starting(luzhai, "主要任务")
    assert (main.path, main.inferred, main.label_text) == ((3,), False, "三、")
    specific = unit_starting(luzhai, "具体目标")
    assert (specific.path, specific.inferred, specific.label_text) == ((2, 2), False, "（二）")
    second = unit_starting(luzhai, "高标准构建知识产权保护体系")
    assert (second.path, second.label_text) == ((3, 2), "（二）")
    # an indented "    （六）…" is still a label
    sixth = unit_starting(luzhai, "高站位加强知识产权文化建设")
    assert (sixth.path, sixth.inferred) == ((3, 6), False)


def test_luzhai_level1_sequence(luzhai: Outline) -> None:
    level1 = [(u.number, u.text, u.inferred) for u in luzhai.numbered(1)]
    assert level1 == [
        (1, "指导思想", True),
        (2, "工作目标", True),
        (3, "主要任务", False),
        (4, "保障措施", True),
    ]


def test_luzhai_items_under_inferred_headings(luzhai: Outline) -> None:
    items = [(u.path, u.text.split("。")[0]) for u in luzhai.numbered(3) if u.path[:2] in ((3, 1), (3, 5))]
    assert items == [
        ((3, 1, 1), "强化知识产权工作统筹领导和组织协调"),
        ((3, 1, 2), "建立健全知识产权强县建设工作体系"),
        ((3, 1, 3), "夯实知识产权保护工作法治化基础"),
        ((3, 1, 4), "优化知识产权奖励机制"),
        ((3, 5, 1), "增强知识产权人才培养供给能力"),
        ((3, 5, 2), "升级知识产权行政管理人才队伍"),
    ]


def test_luzhai_tables_and_prose_are_not_numbered(luzhai: Outline) -> None:
    assert all(u.level is None for u in luzhai.units if u.is_table)
    for u in luzhai.numbered():
        assert "。" not in u.text or u.level == 3


def test_luzhai_trailing_lost_labels(luzhai: Outline) -> None:
    assert unit_starting(luzhai, "落实资金保障").path == (4, 2)
    assert unit_starting(luzhai, "严格督查考核").path == (4, 3)


# --- liuzhou: "3、" "4、" after "一、" "二、" ---------------------------------------------------


@pytest.fixture(scope="module")
def liuzhou(corpus_file) -> Outline:
    return corpus_outline(corpus_file("liuzhou-hitech-park-2022", "txt"))


def test_liuzhou_3_dun_is_level1_number3(liuzhou: Outline) -> None:
    main = unit_starting(liuzhou, "主要任务")
    assert main.label is not None and main.label.kind == "ar_dun"
    assert (main.level, main.number, main.path, main.label_text) == (1, 3, (3,), "3、")
    safeguards = unit_starting(liuzhou, "保障措施")
    assert (safeguards.level, safeguards.number, safeguards.path, safeguards.label_text) == (
        1,
        4,
        (4,),
        "4、",
    )


def test_liuzhou_level1(liuzhou: Outline) -> None:
    assert [(u.number, u.label_text, u.text) for u in liuzhou.numbered(1)] == [
        (1, "一、", "指导思想"),
        (2, "二、", "工作目标"),
        (3, "3、", "主要任务"),
        (4, "4、", "保障措施"),
    ]


def test_liuzhou_children_of_promoted_heading(liuzhou: Outline) -> None:
    under3 = [u for u in liuzhou.numbered() if u.path[:1] == (3,)]
    assert [u.path for u in under3 if u.level == 2] == [(3, n) for n in range(1, 8)]
    assert [u.path[1:] for u in under3 if u.level == 3] == [
        (1, 1), (1, 2), (1, 3), (1, 4),
        (2, 1), (2, 2), (2, 3),
        (3, 1), (3, 2), (3, 3), (3, 4),
        (4, 1), (4, 2), (4, 3),
        (5, 1), (5, 2), (5, 3), (5, 4),
        (6, 1), (6, 2),
        (7, 1), (7, 2),
    ]  # fmt: skip
    # the Word bookmark before "1. 大力弘扬…" does not hide its label
    first = unit_starting(liuzhou, "大力弘扬党领导下的知识产权事业发展成就")
    assert first.path == (3, 7, 1)


def test_liuzhou_has_no_numbering_warnings(liuzhou: Outline) -> None:
    assert [w.code for w in liuzhou.warnings if w.code.startswith("numbering")] == []


def test_liuzhou_table_notes_are_not_items(liuzhou: Outline) -> None:
    # the notes 1. 2. 3. are cells of the table, not outline items under （三）量化指标
    assert [u.path for u in liuzhou.numbered() if u.path[:2] == (2, 3)] == [(2, 3)]


# --- chongqing: the whole document on one line ------------------------------------------------


@pytest.fixture(scope="module")
def chongqing(corpus_file) -> Outline:
    return corpus_outline(corpus_file("chongqing-district-2023", "txt"))


def test_chongqing_one_line_splits_into_headings(chongqing: Outline) -> None:
    level1 = [(u.number, u.label_text) for u in chongqing.numbered(1)]
    assert level1 == [(1, "一、"), (2, "二、"), (3, "三、"), (4, "四、")]
    assert chongqing.numbered(1)[0].text.startswith("指导思想")
    assert [u.text for u in chongqing.numbered(1)[1:]] == ["工作目标", "重点任务", "保障措施"]
    assert all(u.loc.line == 2 for u in chongqing.numbered())  # all from the one long line


def test_chongqing_items_run_on_across_subsections(chongqing: Outline) -> None:
    items = [u.path for u in chongqing.numbered(3) if u.path[0] == 3]
    assert items == [
        (3, 1, 1), (3, 1, 2), (3, 1, 3), (3, 1, 4),
        (3, 2, 5), (3, 2, 6), (3, 2, 7),
        (3, 3, 8), (3, 3, 9), (3, 3, 10), (3, 3, 11),
        (3, 4, 12), (3, 4, 13), (3, 4, 14),
        (3, 5, 15), (3, 5, 16),
        (3, 6, 17), (3, 6, 18), (3, 6, 19),
    ]  # fmt: skip
    assert unit_starting(chongqing, "推进知识产权创新创造").path == (3, 2, 5)
    assert unit_starting(chongqing, "力口强知识产权人才队伍建设").path == (3, 6, 17)
    assert all(u.label_text == f"{u.number} ." for u in chongqing.numbered(3))


def test_chongqing_goal_items(chongqing: Outline) -> None:
    assert [u.path for u in chongqing.numbered() if u.path[:1] == (2,)] == [
        (2,), (2, 1), (2, 2), (2, 2, 1), (2, 2, 2), (2, 2, 3), (2, 2, 4), (2, 2, 5)
    ]  # fmt: skip


def test_chongqing_has_no_inference_nor_duplicates(chongqing: Outline) -> None:
    assert chongqing.warnings == []


# --- guangxi: notes under the indicator table --------------------------------------------------


@pytest.fixture(scope="module")
def guangxi(corpus_file) -> Outline:
    return corpus_outline(corpus_file("guangxi-14th-fyp-2021", "txt"))


def test_guangxi_table_caption_is_not_a_lost_heading(guangxi: Outline) -> None:
    caption = unit_starting(guangxi, "广西十四五知识产权发展主要预期性指标")
    assert caption.level is None


def test_guangxi_note_list_is_not_numbered(guangxi: Outline) -> None:
    note = next(u for u in guangxi.units if "【】内为规划期间累计数" in u.text)
    assert note.level is None


def test_guangxi_heading_after_table_notes(guangxi: Outline) -> None:
    main = unit_starting(guangxi, "主要任务")
    assert (main.path, main.label_text, main.inferred) == ((3,), "三、", False)
    assert inferred_warnings(guangxi) == []


def test_guangxi_level1(guangxi: Outline) -> None:
    assert [u.number for u in guangxi.numbered(1)] == [1, 2, 3, 4]


# --- synthetic documents ----------------------------------------------------------------------


def test_gap_filled_by_the_bare_heading_between_siblings() -> None:
    o = synthetic(
        "一、指导思想", "正文。", "总体要求", "正文。", "三、主要任务", "（一）甲", "1. 做事。", "四、保障"
    )
    assert numbered(o) == [
        ((1,), "指导思想", False),
        ((2,), "总体要求", True),
        ((3,), "主要任务", False),
        ((3, 1), "甲", False),
        ((3, 1, 1), "做事。", False),
        ((4,), "保障", False),
    ]
    assert len(o.warnings) == 1
    (w,) = o.warnings
    assert w.code == "numbering-inferred"
    assert w.message == "heading '总体要求' has no printed label: numbered 2 at level 1 from its siblings"
    assert w.source is not None and w.source.line == 3


def test_gap_at_start_is_filled() -> None:
    o = synthetic("指导思想", "正文。", "二、工作目标", "正文。")
    assert numbered(o) == [((1,), "指导思想", True), ((2,), "工作目标", False)]


def test_two_missing_numbers_in_one_gap() -> None:
    o = synthetic("一、甲", "正文。", "乙标题", "正文。", "丙标题", "正文。", "四、丁")
    assert numbered(o) == [
        ((1,), "甲", False),
        ((2,), "乙标题", True),
        ((3,), "丙标题", True),
        ((4,), "丁", False),
    ]


def test_gap_without_candidates_is_left_alone() -> None:
    o = synthetic("一、甲", "这是一段很长的正文，包含句号。", "三、丙")
    assert numbered(o) == [((1,), "甲", False), ((3,), "丙", False)]
    assert inferred_warnings(o) == []


@pytest.mark.parametrize(
    "bare",
    [
        "这一句以句号结束。",  # prose
        "（2022-2025年）",  # starts with a bracket
        "2025年目标",  # starts with a year
        "注：以上为说明",
        "专栏1 知识产权保护工程",
        "加强知识产权保护，",  # ends like a broken line
        "12",
        "一个非常非常非常非常非常非常非常非常非常长的标题行超过三十个字符的限制",
    ],
)
def test_lines_that_cannot_be_lost_headings(bare: str) -> None:
    o = synthetic("一、甲", "正文。", bare, "正文。", "三、丙")
    assert [u.path for u in o.numbered()] == [(1,), (3,)]


def test_a_caption_above_a_table_is_not_a_lost_heading() -> None:
    o = synthetic("一、甲", "正文。", "主要指标", TABLE, "三、丙")
    assert [u.path for u in o.numbered()] == [(1,), (3,)]
    assert o.units[3].is_table and o.units[3].level is None


def test_the_latest_candidate_is_chosen() -> None:
    o = synthetic("一、甲", "正文。", "短句甲", "短句乙", "（一）子项", "三、丙")
    assert numbered(o)[1] == ((2,), "短句乙", True)
    assert unit_starting(o, "短句甲").level is None
    assert unit_starting(o, "子项").path == (2, 1)


def test_child_sequence_restart_means_a_lost_parent() -> None:
    o = synthetic("一、甲", "（一）a", "（二）b", "丙丁戊", "（一）c", "（二）d")
    assert numbered(o) == [
        ((1,), "甲", False),
        ((1, 1), "a", False),
        ((1, 2), "b", False),
        ((2,), "丙丁戊", True),
        ((2, 1), "c", False),
        ((2, 2), "d", False),
    ]


def test_lost_first_child_inferred_from_second() -> None:
    o = synthetic("一、甲", "二、乙", "子项甲", "正文。", "（二）子项乙", "正文。")
    assert numbered(o) == [
        ((1,), "甲", False),
        ((2,), "乙", False),
        ((2, 1), "子项甲", True),
        ((2, 2), "子项乙", False),
    ]


_PROMOTION_BUG = (
    "outline._promote_continuing_labels: when （一） was lost, a printed （二） right after "
    "level-1 heading 一、 continues the level-1 sequence (1+1 == 2) and is promoted to level 1 "
    "number 2 — the document's own level-2 kind (cn_paren under cn_dun) is treated like an "
    "out-of-family '3、'; the lost 二、/（一） are then never inferred"
)


def test_lost_first_child_right_after_first_heading() -> None:
    o = synthetic("一、甲", "子项甲", "正文。", "（二）子项乙", "正文。")
    assert numbered(o) == [((1,), "甲", False), ((1, 1), "子项甲", True), ((1, 2), "子项乙", False)]


def test_luzhai_pattern_with_first_heading_printed() -> None:
    # luzhai's 二、工作目标 section with only 一、 and 三、 printed: 工作目标 (二、) and 总体目标
    # (（一）) were Word numbering; today （二）具体目标 becomes level-1 number 2
    o = synthetic(
        "一、指导思想",
        "正文。",
        "工作目标",
        "总体目标",
        "正文。",
        "（二）具体目标",
        "正文。",
        "三、主要任务",
        "（一）甲",
    )
    assert numbered(o) == [
        ((1,), "指导思想", False),
        ((2,), "工作目标", True),
        ((2, 1), "总体目标", True),
        ((2, 2), "具体目标", False),
        ((3,), "主要任务", False),
        ((3, 1), "甲", False),
    ]


def test_duplicate_label_is_kept_with_a_warning() -> None:
    o = synthetic("一、甲", "二、乙", "二、丙", "三、丁")
    assert numbered(o) == [((1,), "甲", False), ((2,), "乙", False), ((2,), "丙", False), ((3,), "丁", False)]
    assert [(w.code, w.message) for w in o.warnings] == [
        ("numbering-duplicate", "label 二、 repeats its sibling")
    ]
    assert o.warnings[0].source is not None and o.warnings[0].source.line == 3


def test_duplicate_items_under_different_parents_are_fine() -> None:
    o = synthetic("一、甲", "1. 做事。", "二、乙", "1. 做事。")
    assert [u.path for u in o.numbered()] == [(1,), (1, 1), (2,), (2, 1)]
    assert o.warnings == []


def test_levels_are_ranks_compressed() -> None:
    # a document that skips （一）: 一、 then 1. then （1）
    o = synthetic("一、甲", "1. 乙。", "（1）丙。", "二、丁")
    assert [(u.level, u.path) for u in o.numbered()] == [(1, (1,)), (2, (1, 1)), (3, (1, 1, 1)), (1, (2,))]


def test_deeper_kind_continuing_level1_is_promoted() -> None:
    o = synthetic(
        "一、甲", "（一）a", "二、乙", "（一）b", "1. x。", "3、 主要任务", "（一）c", "1. y。", "4、 保障"
    )
    assert [(u.path, u.label_text) for u in o.numbered()] == [
        ((1,), "一、"),
        ((1, 1), "（一）"),
        ((2,), "二、"),
        ((2, 1), "（一）"),
        ((2, 1, 1), "1."),
        ((3,), "3、"),
        ((3, 1), "（一）"),
        ((3, 1, 1), "1."),
        ((4,), "4、"),
    ]
    assert o.warnings == []


def test_deeper_kind_is_not_promoted_when_it_is_prose() -> None:
    o = synthetic(
        "一、甲",
        "二、乙",
        "（一）b",
        "1. 做事。",
        "2. 做事。",
        "3、 这一项是很长的正文，不是标题。它还有第二句。",
    )
    assert [u.path for u in o.numbered()][-1] == (2, 1, 3)


def test_run_on_line_is_split_only_at_continuing_labels() -> None:
    body = "正文" * 320  # over the run-on threshold
    o = synthetic(
        f"一、甲。{body}。二、乙。{body}。5 .不在序列中。（一）丙。内容。1 .丁。内容。2 .戊。内容。"
    )
    assert [(u.path, u.text.split("。")[0]) for u in o.numbered()] == [
        ((1,), "甲"),
        ((2,), "乙"),
        ((2, 1), "丙"),
        ((2, 1, 1), "丁"),
        ((2, 1, 2), "戊"),
    ]
    assert "5 .不在序列中" in unit_starting(o, "乙").text


def test_short_line_is_split_only_at_a_chapter_label_after_a_sentence() -> None:
    # a scrape lost the line break before 二、; （二） and 2. inline stay text, as do enumerated ordinals
    o = synthetic("一、甲。二、乙。")
    assert [(u.path, u.text) for u in o.numbered()] == [((1,), "甲。"), ((2,), "乙。")]
    o = synthetic("一、甲。（二）乙。2.丙。")
    assert [(u.path, u.text) for u in o.numbered()] == [((1,), "甲。（二）乙。2.丙。")]
    o = synthetic("一、甲。二、三季度完成。")
    assert [(u.path, u.text) for u in o.numbered()] == [((1,), "甲。二、三季度完成。")]


def test_word_numbering_label_is_used() -> None:
    blocks: list[Block] = [
        Paragraph("指导思想", Location(paragraph=0), numbering_label="一、"),
        Paragraph("工作目标", Location(paragraph=1), numbering_label="二、"),
        Paragraph("总体目标", Location(paragraph=2), numbering_label="（一）"),
    ]
    o = build_outline(blocks)
    assert [(u.path, u.text, u.label_text, u.inferred) for u in o.numbered()] == [
        ((1,), "指导思想", "一、", False),
        ((2,), "工作目标", "二、", False),
        ((2, 1), "总体目标", "（一）", False),
    ]


def test_empty_document() -> None:
    o = build_outline([])
    assert o.units == [] and o.warnings == []
