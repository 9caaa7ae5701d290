"""The analyst views: terminal rendering, CSV/XLSX exports and the department view.

Exported values are checked against the hand annotations of the corpus (tests/data/corpus, a copy
of the shared corpus so that a clean clone runs these; conftest.py finds the files).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import corpus_file, load_expected
from ipplan.cli import cli, main
from ipplan.schema import Deadline, Department, Location, Plan, SourceInfo, Task, Value
from ipplan.views import TABLE_NAMES
from ipplan.views.departments import collect, normalise_name, select
from ipplan.views.tables import BUILDERS, build
from ipplan.views.values import value_text

LIUZHOU = "liuzhou-hitech-park-2022"
LUZHAI = "luzhai-county-2023"
BOM = b"\xef\xbb\xbf"
ANSI = "\x1b["


def run(*args: str, env: dict[str, str | None] | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(BOM), "CSV must start with the UTF-8 BOM for Excel"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


# ---------------------------------------------------------------------------------------- CSV


def test_csv_indicators_match_annotations() -> None:
    expected = load_expected(LIUZHOU)["indicators"]
    result = run("parse", str(corpus_file(LIUZHOU, "txt")), "--format", "csv")
    assert result.exit_code == 0
    rows = csv_rows(result.stdout_bytes)
    assert len(rows) == 29 == len(expected)
    for row, exp in zip(rows, expected, strict=True):
        assert row["name"] == exp["name"]
        assert row["baseline_raw"] == (exp["baseline"] or "")
        assert row["target_raw"] == (exp["target"] or "")
        # list fields joined with 、 in printed order
        assert row["departments"] == "、".join(exp["departments"])
        # a plain number (or percentage) is also there as a number
        plain = re.fullmatch(r"(\d+(?:\.\d+)?)%?", exp["baseline"] or "")
        if plain:
            assert float(row["baseline_value"]) == float(plain.group(1))
            assert row["baseline_status"] == "value"
    # the document's markers keep their raw text, with the meaning beside it
    marker = next(r for r in rows if r["baseline_raw"] == "—")
    assert marker["baseline_status"] == "not_started" and marker["baseline_value"] == ""


def test_csv_compound_value_keeps_raw_and_first_amount() -> None:
    rows = csv_rows(run("parse", str(corpus_file(LIUZHOU, "txt")), "--format", "csv").stdout_bytes)
    pledge = next(r for r in rows if r["name"] == "专利质押融资金额")
    assert pledge["baseline_raw"] == "2868/2"
    assert pledge["baseline_value"] == "2868"
    assert pledge["unit"] == "万元/笔"


def test_csv_tasks_and_departments_tables() -> None:
    exp = load_expected(LIUZHOU)
    path = str(corpus_file(LIUZHOU, "txt"))
    tasks = csv_rows(run("parse", path, "--format", "csv", "--table", "tasks").stdout_bytes)
    assert [r["id"] for r in tasks] == [".".join(map(str, t["path"])) for t in exp["tasks"]]
    assert [r["lead"] for r in tasks] == ["、".join(t["lead"] or []) for t in exp["tasks"]]

    rows = csv_rows(run("parse", path, "--format", "csv", "--table", "departments").stdout_bytes)
    # one row per (item kind, item id, department, role)
    n_expected = sum(len(i["departments"]) for i in exp["indicators"]) + sum(
        len(t["departments"]) for t in exp["tasks"]
    )
    assert len(rows) == n_expected
    assert {r["item_kind"] for r in rows} == {"indicator", "task"}
    leads = [(r["item_id"], r["department"]) for r in rows if r["role"] == "lead"]
    expected_leads = [
        (".".join(map(str, t["path"])), name) for t in exp["tasks"] for name in (t["lead"] or [])
    ]
    assert leads == expected_leads


def test_table_option_is_for_csv_only() -> None:
    result = CliRunner().invoke(
        cli, ["parse", str(corpus_file(LUZHAI, "txt")), "--format", "json", "--table", "tasks"]
    )
    assert result.exit_code == 2
    assert "--table applies to --format csv" in result.output


def test_every_table_name_has_a_builder() -> None:
    assert tuple(BUILDERS) == TABLE_NAMES


# --------------------------------------------------------------------------------------- XLSX


def test_xlsx_workbook(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "liuzhou.xlsx"
    result = run("parse", str(corpus_file(LIUZHOU, "txt")), "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0 and result.output == ""
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:4] == list(TABLE_NAMES)
    ws = wb["indicators"]
    assert ws.freeze_panes == "A2"
    assert all(c.font.bold for c in ws[1])
    header = [c.value for c in ws[1]]
    col = {name: i for i, name in enumerate(header)}
    rows = list(ws.iter_rows(min_row=2))
    expected = load_expected(LIUZHOU)["indicators"]
    assert len(rows) == 29 == len(expected)
    numbers = 0
    for row, exp in zip(rows, expected, strict=True):
        assert (row[col["baseline_raw"]].value or None) == exp["baseline"]
        value = row[col["baseline_value"]]
        if row[col["baseline_status"]].value == "value":
            # numbers are stored as numbers, the raw text beside them
            assert value.data_type == "n" and isinstance(value.value, int | float)
            numbers += 1
        else:
            assert value.value is None
    assert numbers >= 10
    assert ws.column_dimensions["D"].width >= 20  # the name column was fitted, not left at default
    assert wb["tasks"].max_row == 1 + len(load_expected(LIUZHOU)["tasks"])


def test_xlsx_is_not_written_to_stdout() -> None:
    result = CliRunner().invoke(cli, ["parse", str(corpus_file(LUZHAI, "txt")), "--format", "xlsx"])
    assert result.exit_code == 2
    assert "needs -o" in result.output


def test_xlsx_without_openpyxl_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    out = tmp_path / "x.xlsx"
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", str(corpus_file(LUZHAI, "txt")), "--format", "xlsx", "-o", str(out)])
    assert exit_info.value.code == 9
    err = capsys.readouterr().err.strip()
    assert err.startswith("ipplan: E501 missing-dependency: xlsx export needs openpyxl")
    assert "pip install '.[xlsx]'" in err
    assert not out.exists()


# --------------------------------------------------------------------------- department view


def _count_in_load_expected(stem: str, name: str) -> tuple[int, int]:
    exp = load_expected(stem)
    tasks = sum(1 for t in exp["tasks"] if name in t["departments"])
    indicators = sum(1 for i in exp["indicators"] if name in i["departments"])
    return tasks, indicators


def test_department_counts_match_annotations() -> None:
    tasks, indicators = _count_in_load_expected(LUZHAI, "县知识产权局")
    assert tasks and indicators
    result = run("departments", str(corpus_file(LUZHAI, "txt")), "--name", "县知识产权局", "--format", "json")
    assert result.exit_code == 0
    (body,) = json.loads(result.output)["departments"]
    assert body["name"] == "县知识产权局"
    assert body["tasks"]["total"] == tasks
    assert body["indicators"]["total"] == indicators
    # luzhai names bodies without lead/support: they all count as "named"
    assert body["tasks"]["named"] == tasks and body["indicators"]["named"] == indicators
    assert len(body["items"]) == tasks + indicators


def test_department_summary_across_plans_csv() -> None:
    paths = [str(corpus_file(LUZHAI, "txt")), str(corpus_file(LIUZHOU, "txt"))]
    result = run("departments", *paths, "--format", "csv")
    rows = csv_rows(result.stdout_bytes)
    by_name = {r["department"]: r for r in rows}
    tasks, indicators = _count_in_load_expected(LUZHAI, "县知识产权局")
    assert int(by_name["县知识产权局"]["tasks_total"]) == tasks
    assert int(by_name["县知识产权局"]["indicators_total"]) == indicators
    # liuzhou's 责任部门：A，B、C names A as lead
    lead = "柳州市市场监督管理局柳东新区分局"
    exp = load_expected(LIUZHOU)
    assert int(by_name[lead]["tasks_lead"]) == sum(1 for t in exp["tasks"] if lead in (t["lead"] or []))


def test_department_name_without_match_exits_1() -> None:
    result = CliRunner().invoke(cli, ["departments", str(corpus_file(LUZHAI, "txt")), "--name", "不存在的局"])
    assert result.exit_code == 1


def test_department_table_renders() -> None:
    result = run("departments", str(corpus_file(LUZHAI, "txt")), "--width", "80")
    assert result.exit_code == 0
    assert re.search(r"^县知识产权局\s+16\s+0/0/16\s+13\s+0/0/13$", result.output, re.MULTILINE)


def _plan(*tasks: Task) -> Plan:
    return Plan(source=SourceInfo(path="made.txt", format="txt", sha256="0" * 64, size=0), tasks=list(tasks))


def test_names_are_normalised_but_printed_forms_kept() -> None:
    assert normalise_name("县 知识产权局等") == normalise_name("县知识产权局")
    assert (
        normalise_name("市监局（分局）") == normalise_name("市监局〔分局〕") == normalise_name("市监局(分局)")
    )
    assert normalise_name("ＡＢ局") == "AB局"
    plan = _plan(
        Task(path=[3, 1, 1], title="a", text="a", departments=[Department(name="县 知识产权局")]),
        Task(
            path=[3, 1, 2],
            title="b",
            text="b",
            # one body printed twice in one item counts once, with its strongest role
            departments=[Department(name="县知识产权局等", role="lead"), Department(name="县知识产权局")],
        ),
    )
    (body,) = collect([plan])
    assert body.variants == ["县 知识产权局", "县知识产权局等", "县知识产权局"]
    assert body.count("task") == 2 and body.count("task", "lead") == 1 and body.count("task", "named") == 1
    assert select([body], "知识产权局") == [body]  # a part of a name matches where none is equal


# ------------------------------------------------------------------------------ terminal view


def _lines(output: str) -> list[str]:
    return output.splitlines()


def test_show_key_lines_at_80() -> None:
    result = run("show", str(corpus_file(LUZHAI, "txt")), "--width", "80", env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    lines = _lines(result.output)
    assert lines[0] == "鹿寨县知识产权强县建设工作方案（2022-2025年）"
    assert any(re.fullmatch(r"文号\s+鹿政办发〔2023〕4号", line) for line in lines)
    row = next(line for line in lines if "查处假冒知识产权行政案件" in line)
    assert re.search(r"查处假冒知识产权行政案件\s+起\s+15 → 18\s", row)
    # markers as words
    assert any(re.search(r"非正常专利申请主动撤回率\s+%\s+未开展 → 95%", line) for line in lines)
    assert "以实际为准" in result.output
    assert re.search(r"^三、\s+主要任务\s+18$", result.output, re.MULTILINE)  # outline with task counts
    assert "Tasks (18)" in result.output and "Warnings (8)" in result.output


@pytest.mark.parametrize("width", [80, 60])
def test_show_fits_the_width(width: int) -> None:
    from rich.cells import cell_len

    for stem in (LUZHAI, LIUZHOU):
        result = run("show", str(corpus_file(stem, "txt")), "--width", str(width))
        assert result.exit_code == 0
        for line in _lines(result.output):
            assert cell_len(line) <= width, line
            assert line == line.rstrip(), "no trailing blanks"
    # nothing is cut off in a narrow terminal: folded, never truncated with an ellipsis
    narrow = run("show", str(corpus_file(LUZHAI, "txt")), "--width", "60").output
    assert "…" not in narrow
    assert "15 → 18" in narrow and "柳州银保监分局鹿寨监管组" in narrow


def test_show_marks_lead_bodies() -> None:
    output = run("show", str(corpus_file(LIUZHOU, "txt")), "--width", "100", "--section", "tasks").output
    assert re.search(r"柳州市市场监督管理局柳东新区分局\s*（牵头）", output)


def test_show_sections() -> None:
    path = str(corpus_file(LUZHAI, "txt"))
    only = run("show", path, "--section", "indicators", "--width", "80").output
    assert "Indicators (14)" in only
    assert "文号" not in only and "Tasks (" not in only
    # order follows the document, not the order of the options
    two = run("show", path, "--section", "warnings", "--section", "meta", "--width", "80").output
    assert two.index("文号") < two.index("Warnings (8)")


def test_no_color_means_no_escapes() -> None:
    path = str(corpus_file(LUZHAI, "txt"))
    coloured = run("show", path, "--width", "80", env={"FORCE_COLOR": "1", "NO_COLOR": None})
    assert ANSI in coloured.output  # the control: a forced terminal does get styles
    plain = run("show", path, "--width", "80", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert ANSI not in plain.output
    depts = run("departments", path, "--width", "80", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert ANSI not in depts.output


def test_markers_as_words() -> None:
    words = {
        s: value_text(Value(raw="x", status=s)) for s in ("not_started", "not_planned", "as_actual", "blank")
    }
    assert words == {
        "not_started": "未开展",
        "not_planned": "不开展/不确定",
        "as_actual": "以实际为准",
        "blank": "空",
    }
    assert value_text(Value(raw="≥100", status="value")) == "≥100"


def test_views_come_from_records_alone() -> None:
    """A Plan made in code (never parsed) exports: the views read records, not text."""
    plan = _plan(
        Task(path=[3, 2, 1], title="t", text="t", departments=[Department(name="甲局", role="lead")])
    )
    table = build(plan, "departments")
    assert table.rows == [["task", "3.2.1", "t", "甲局", "甲局", "lead"]]


# ------------------------------------------------------------- compound values keep both amounts


def test_csv_compound_value_keeps_both_amounts() -> None:
    rows = csv_rows(run("parse", str(corpus_file(LIUZHOU, "txt")), "--format", "csv").stdout_bytes)
    pledge = next(r for r in rows if r["name"] == "专利质押融资金额")
    assert (pledge["baseline_raw"], pledge["baseline_value"], pledge["baseline_value_2"]) == (
        "2868/2",
        "2868",
        "2",
    )
    assert (pledge["target_raw"], pledge["target_value"], pledge["target_value_2"]) == (
        "6000/10",
        "6000",
        "10",
    )
    plain = next(r for r in rows if r["name"] == "中国专利奖")
    assert (plain["baseline_value"], plain["baseline_value_2"]) == ("2", "")


def test_xlsx_compound_value_keeps_both_amounts(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "liuzhou.xlsx"
    assert run("parse", str(corpus_file(LIUZHOU, "txt")), "--format", "xlsx", "-o", str(out)).exit_code == 0
    ws = openpyxl.load_workbook(out)["indicators"]
    header = [c.value for c in ws[1]]
    assert header[5:9] == ["baseline_raw", "baseline_value", "baseline_value_2", "baseline_status"]
    row = next(
        r for r in ws.iter_rows(min_row=2, values_only=True) if r[header.index("name")] == "专利质押融资金额"
    )
    record = dict(zip(header, row, strict=True))
    assert (record["baseline_raw"], record["baseline_value"], record["baseline_value_2"]) == (
        "2868/2",
        2868,
        2,
    )


# ------------------------------------------------------------- deadlines and note sources (1.1)


def _assigned_plan() -> Plan:
    """A plan with deadlines as an assignment table gives them (built here: the views read records)."""
    return _plan(
        Task(
            path=[1, 1],
            label="1",
            title="建立知识产权工作联席会议制度",
            text="建立知识产权工作联席会议制度。",
            departments=[
                Department(name="市市场监管局", role="lead"),
                Department(name="市司法局", role="support"),
            ],
            lead=["市市场监管局"],
            deadline=Deadline(raw="2023年6月底前", year=2023, month=6, kind="by_date"),
            source=Location(table=2, row=3),
            note_source=Location(table=2, row=3),
        ),
        Task(
            path=[1, 2],
            title="开展知识产权宣传周活动",
            text="开展知识产权宣传周活动。",
            departments=[Department(name="市委宣传部")],
            deadline=Deadline(raw="持续推进", kind="ongoing"),
            source=Location(line=40),
        ),
        Task(path=[1, 3], title="其他", text="其他。"),
    )


def test_tasks_table_carries_deadlines_and_note_sources() -> None:
    table = build(_assigned_plan(), "tasks")
    rows = [dict(zip(table.header, row, strict=True)) for row in table.rows]
    assert [(r["deadline"], r["deadline_year"], r["deadline_month"], r["deadline_kind"]) for r in rows] == [
        ("2023年6月底前", 2023, 6, "by_date"),
        ("持续推进", None, None, "ongoing"),
        (None, None, None, None),
    ]
    assert [r["note_source"] for r in rows] == ["table 2 row 3", None, None]
    assert table.header.index("deadline") == table.header.index("lead") + 1


def test_deadlines_in_csv_and_xlsx(tmp_path: Path) -> None:
    from ipplan.views.export import export

    rows = csv_rows(export(_assigned_plan(), "csv", "tasks"))
    assert [(r["deadline"], r["deadline_year"], r["deadline_month"]) for r in rows] == [
        ("2023年6月底前", "2023", "6"),
        ("持续推进", "", ""),
        ("", "", ""),
    ]
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "plan.xlsx"
    path.write_bytes(export(_assigned_plan(), "xlsx"))
    ws = openpyxl.load_workbook(path)["tasks"]
    header = [c.value for c in ws[1]]
    first = dict(zip(header, next(ws.iter_rows(min_row=2, values_only=True)), strict=True))
    assert (first["deadline"], first["deadline_year"], first["deadline_month"]) == ("2023年6月底前", 2023, 6)


def test_show_tasks_have_a_deadline_column() -> None:
    from ipplan.views.console import make_console
    from ipplan.views.terminal import render_plan

    buffer = io.StringIO()
    render_plan(_assigned_plan(), make_console(100, buffer, plain=True), ["tasks"])
    lines = buffer.getvalue().splitlines()
    assert re.match(r"id\s+task\s+departments\s+deadline$", lines[1])
    assert re.match(
        r"1\.1\s+建立知识产权工作联席会议制度\s+市市场监管局（牵头）、市司法局\s+2023年6月底前$", lines[3]
    )
    assert any(re.search(r"开展知识产权宣传周活动\s+市委宣传部\s+持续推进$", line) for line in lines)
    narrow = io.StringIO()
    render_plan(_assigned_plan(), make_console(30, narrow, plain=True), ["tasks"])
    assert "deadline 2023年6月底前" in narrow.getvalue()


def test_show_without_deadlines_has_no_deadline_column() -> None:
    result = run("show", str(corpus_file(LUZHAI, "txt")), "--section", "tasks", "--width", "100")
    assert "deadline" not in result.output


# ------------------------------------------------------------- Chinese line breaking in show


def test_department_lists_have_no_space_after_the_comma() -> None:
    output = run("show", str(corpus_file(LIUZHOU, "txt")), "--width", "160", "--section", "tasks").output
    assert "、" in output and "、 " not in output
    assert "柳州市市场监督管理局柳东新区分局（牵头）、" in output


def _value_column_breaks(output: str) -> list[str]:
    """Each place a wrapped value in the meta grid continues on the next line, as 'end|start'."""
    lines = output.splitlines()
    out = []
    for above, below in itertools.pairwise(lines):
        if below.startswith(" ") and above.strip() and below.strip():
            out.append(above.rstrip()[-3:] + "|" + below.strip()[:3])
    return out


@pytest.mark.parametrize("stem", [LUZHAI, LIUZHOU])
def test_show_never_breaks_inside_a_year(stem: str) -> None:
    for width in range(40, 101):
        output = run("show", str(corpus_file(stem, "txt")), "--section", "meta", "--width", str(width)).output
        title = next(i for i, line in enumerate(output.splitlines()) if line.startswith("文号"))
        heading = "".join(output.splitlines()[:title])  # the title, however many lines it took
        assert re.search(r"（2022-2025年）", heading), (width, heading)
        for joint in _value_column_breaks(output):
            assert not re.search(r"\d\|\d|\d\|年", joint), (width, joint)


def test_wrapping_keeps_years_and_doc_numbers_whole() -> None:
    from ipplan.views.wrap import Wrapped

    text = "柳州高新技术产业开发区管理委员会关于印发工作方案的通知（柳高新〔2022〕2号）到2025年完成"
    for width in range(18, 60):
        lines = [line.plain for line in Wrapped(text).lines(width)]
        assert "".join(lines) == text
        assert all(len(line) and sum(2 if ord(c) > 0x2E80 else 1 for c in line) <= width for line in lines)
        assert any("柳高新〔2022〕2号" in line for line in lines), (width, lines)
        assert any("2025年" in line for line in lines), (width, lines)
        if width >= 22:  # where （柳高新〔2022〕2号） fits a line, no line starts with a closing mark
            assert not any(line[0] in "、，。）》〕" for line in lines[1:]), (width, lines)
