"""``ipplan batch … --tables xlsx|csv``: every plan's tables in one workbook (or one CSV per table),
a ``file`` column first, run through the installed command."""

from __future__ import annotations

import csv
import io
import os
import subprocess
from pathlib import Path

import pytest

from conftest import corpus_file, ipplan_command, load_expected

LIUZHOU = "liuzhou-hitech-park-2022"
LUZHAI = "luzhai-county-2023"


def batch(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ipplan_command(), "batch", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    (folder / "county").mkdir(parents=True)
    (folder / "county" / "luzhai.txt").write_bytes(corpus_file(LUZHAI, "txt").read_bytes())
    (folder / "liuzhou.txt").write_bytes(corpus_file(LIUZHOU, "txt").read_bytes())
    (folder / "broken.txt").write_bytes(b"")
    return folder


def rows(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_tables_as_csv(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = batch(str(plans), "-o", str(out), "--tables", "csv", "--jobs", "1")
    assert result.returncode == 1, result.stderr  # broken.txt failed; the tables hold the others
    for name in ("indicators", "tasks", "targets", "departments", "plans"):
        assert f"tables: {out / f'ipplan-{name}.csv'}" in result.stdout
    liuzhou, luzhai = str(plans / "liuzhou.txt"), str(plans / "county" / "luzhai.txt")
    indicators = rows(out / "ipplan-indicators.csv")
    assert list(indicators[0])[:3] == ["file", "id", "seq"]
    expected = load_expected(LIUZHOU)["indicators"] + load_expected(LUZHAI)["indicators"]
    assert [r["name"] for r in indicators] == [i["name"] for i in expected]  # in walk order
    assert {r["file"] for r in indicators} == {liuzhou, luzhai}
    pledge = next(r for r in indicators if r["name"] == "专利质押融资金额")
    assert (pledge["file"], pledge["baseline_raw"], pledge["baseline_value"], pledge["baseline_value_2"]) == (
        liuzhou,
        "2868/2",
        "2868",
        "2",
    )
    tasks = rows(out / "ipplan-tasks.csv")
    assert sum(1 for r in tasks if r["file"] == luzhai) == len(load_expected(LUZHAI)["tasks"])
    index = rows(out / "ipplan-plans.csv")
    assert [(r["file"], r["doc_number"]) for r in index] == [
        (liuzhou, "柳高新〔2022〕2号"),
        (luzhai, "鹿政办发〔2023〕4号"),
    ]
    departments = rows(out / "ipplan-departments.csv")
    assert list(departments[0])[:3] == ["file", "item_kind", "item_id"]


def test_tables_as_one_workbook(plans: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "out"
    result = batch(str(plans), "-o", str(out), "--tables", "xlsx")
    assert result.returncode == 1, result.stderr
    book = openpyxl.load_workbook(out / "ipplan-tables.xlsx")
    assert book.sheetnames == ["indicators", "tasks", "targets", "departments", "plans"]
    sheet = book["indicators"]
    header = [c.value for c in sheet[1]]
    assert header[0] == "file"
    records = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    pledge = next(r for r in records if r["name"] == "专利质押融资金额")
    assert (pledge["baseline_value"], pledge["baseline_value_2"]) == (2868, 2)  # numbers, both kept
    assert len(records) == len(load_expected(LIUZHOU)["indicators"]) + len(
        load_expected(LUZHAI)["indicators"]
    )


def test_tables_include_records_kept_by_skip_existing(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert batch(str(plans), "-o", str(out), "--jobs", "1").returncode == 1
    again = batch(str(plans), "-o", str(out), "--skip-existing", "--tables", "csv", "--jobs", "1")
    assert "skipped │     2" in again.stdout
    assert len(rows(out / "ipplan-plans.csv")) == 2


def test_tables_xlsx_without_openpyxl_fails_before_parsing(plans: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "site"
    blocker.mkdir()
    (blocker / "openpyxl.py").write_text("raise ImportError('No module named openpyxl')\n")
    python_path = os.pathsep.join(p for p in (str(blocker), os.environ.get("PYTHONPATH")) if p)
    out = tmp_path / "out"
    result = batch(str(plans), "-o", str(out), "--tables", "xlsx", env={"PYTHONPATH": python_path})
    assert result.returncode == 9
    assert result.stderr.startswith("ipplan: E501 missing-dependency: xlsx export needs openpyxl")
    assert not out.exists()  # nothing parsed, nothing written
