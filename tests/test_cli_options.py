"""The command line as a new user meets it, run through the installed ``ipplan`` command:
-V and --debug anywhere, -q/-v, ``-`` (stdin) for every command that reads a plan, folders and
-o for ``departments``, -o naming the format, a missing optional dependency, colour, completion.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import corpus_file, ipplan_command

LIUZHOU = "liuzhou-hitech-park-2022"
LUZHAI = "luzhai-county-2023"
CHONGQING = "chongqing-district-2023"
IPPLAN = ipplan_command()
ANSI = b"\x1b["


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.update(env or {})
    return subprocess.run(
        [*IPPLAN, *args], input=stdin, capture_output=True, timeout=300, check=False, env=environ, cwd=cwd
    )


def text(path: Path) -> str:
    return str(path)


# --- -V, --debug --------------------------------------------------------------------------------


def test_short_version_flag() -> None:
    cp = run("-V")
    assert cp.returncode == 0, cp.stderr.decode()
    assert cp.stdout.decode().startswith("ipplan, version ")


def test_debug_after_the_subcommand(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    for args in (["--debug", "parse", missing], ["parse", "--debug", missing], ["parse", missing, "--debug"]):
        cp = run(*args)
        err = cp.stderr.decode()
        assert cp.returncode == 3, err  # E101, not a usage error about --debug
        assert "Traceback" in err and err.rstrip().splitlines()[-1].startswith("ipplan: E101 input-not-found")
    for command in ("show", "check", "departments", "batch"):
        cp = run(command, "--help")
        assert b"--debug" in cp.stdout, command


# --- -q / -v ------------------------------------------------------------------------------------


def test_parse_verbose_reports_on_stderr() -> None:
    path = text(corpus_file(LUZHAI, "txt"))
    quiet = run("parse", path)
    assert quiet.stderr == b""
    cp = run("parse", "-v", path)
    assert cp.returncode == 0 and cp.stdout == quiet.stdout  # the record is the same
    lines = cp.stderr.decode().splitlines()
    assert lines[0].startswith(f"ipplan: {path}: txt, 14 indicators, 18 tasks, 0 targets, 8 warnings (")
    assert len(lines) == 9 and lines[1].startswith("ipplan: warning numbering-inferred: ")


def test_check_quiet_and_verbose() -> None:
    path = text(corpus_file(CHONGQING, "txt"))
    normal = run("check", path).stdout.decode().splitlines()
    assert normal[-1] == "Found 3 errors and 0 warnings in 1 file."
    quiet = run("check", "-q", path)
    assert quiet.returncode == 1 and quiet.stdout.decode().splitlines() == normal[:-1]  # no summary
    verbose = run("check", "--verbose", path)
    assert verbose.stdout.decode().splitlines() == normal
    assert f"ipplan: checked {path}: 3 findings" in verbose.stderr.decode()
    assert run("check", "-q", "-v", path).returncode == 2


def test_batch_quiet_and_verbose(tmp_path: Path) -> None:
    good = text(corpus_file(LUZHAI, "txt"))
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    quiet = run("batch", good, str(bad), "-o", str(tmp_path / "q"), "-q")
    assert quiet.returncode == 1
    assert quiet.stdout.decode().splitlines() == [f"{bad}: E103 input-empty: the file is empty"]
    assert quiet.stderr == b""
    verbose = run("batch", good, str(bad), "-o", str(tmp_path / "v"), "-v")
    lines = verbose.stdout.decode().splitlines()
    assert lines[:2] == [f"warning  {good}", f"error    {bad} E103 input-empty: the file is empty"]
    assert any(line.startswith("report: ") for line in lines)


# --- stdin for every command that reads a plan ------------------------------------------------


def test_show_reads_stdin() -> None:
    data = corpus_file(LUZHAI, "txt").read_bytes()
    cp = run("show", "-", "--section", "meta", "--width", "80", stdin=data, env={"NO_COLOR": "1"})
    assert cp.returncode == 0, cp.stderr.decode()
    out = cp.stdout.decode()
    assert out.splitlines()[0] == "鹿寨县知识产权强县建设工作方案（2022-2025年）"
    assert "<stdin> (txt, utf-8)" in out


def test_show_reads_a_word_file_on_stdin() -> None:
    data = corpus_file(LIUZHOU, "docx").read_bytes()
    cp = run("show", "-", "--section", "meta", "--width", "100", stdin=data, env={"NO_COLOR": "1"})
    assert cp.returncode == 0, cp.stderr.decode()
    assert "<stdin> (docx)" in cp.stdout.decode()
    assert "0 warnings" in cp.stdout.decode()  # the content said docx: no format-mismatch


def test_check_reads_stdin() -> None:
    cp = run("check", "--format", "json", "-", stdin=corpus_file(CHONGQING, "txt").read_bytes())
    assert cp.returncode == 1, cp.stderr.decode()
    doc = json.loads(cp.stdout)
    assert doc["files"] == 1
    assert {(f["file"], f["rule"]) for f in doc["findings"]} == {("<stdin>", "missing-meta")}


def test_departments_reads_stdin() -> None:
    data = corpus_file(LUZHAI, "txt").read_bytes()
    cp = run("departments", "-", "--name", "县知识产权局", "--format", "json", stdin=data)
    assert cp.returncode == 0, cp.stderr.decode()
    doc = json.loads(cp.stdout)
    assert doc["plans"][0]["path"] == "<stdin>"
    assert doc["departments"][0]["tasks"]["total"] == 16


# --- departments: folders and -o ----------------------------------------------------------------


def test_departments_searches_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "luzhai.txt").write_bytes(corpus_file(LUZHAI, "txt").read_bytes())
    (tmp_path / "liuzhou.txt").write_bytes(corpus_file(LIUZHOU, "txt").read_bytes())
    (tmp_path / "notes.md").write_text("not a plan")
    cp = run("departments", str(tmp_path), "--format", "json")
    assert cp.returncode == 0, cp.stderr.decode()
    plans = [p["path"] for p in json.loads(cp.stdout)["plans"]]
    assert plans == [str(tmp_path / "liuzhou.txt"), str(tmp_path / "a" / "luzhai.txt")]  # as batch walks


def test_departments_output_file(tmp_path: Path) -> None:
    path = text(corpus_file(LUZHAI, "txt"))
    out = tmp_path / "depts.csv"
    cp = run("departments", path, "-o", str(out))  # the extension says csv
    assert cp.returncode == 0 and cp.stdout == b"", cp.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0]["department"] == "县知识产权局" and rows[0]["tasks_total"] == "16"
    table = tmp_path / "depts.txt"
    cp = run("departments", path, "-o", str(table), "--width", "90", env={"FORCE_COLOR": "1"})
    written = table.read_bytes()
    assert cp.returncode == 0 and ANSI not in written  # a file never gets colour escapes
    assert written.decode().splitlines()[0] == "Departments (20)"


# --- -o names the format ------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind"), [("plan.yaml", "yaml"), ("plan.yml", "yaml"), ("plan.csv", "csv")])
def test_output_extension_sets_the_format(tmp_path: Path, name: str, kind: str) -> None:
    out = tmp_path / name
    cp = run("parse", text(corpus_file(LUZHAI, "txt")), "-o", str(out))
    assert cp.returncode == 0, cp.stderr.decode()
    data = out.read_bytes()
    if kind == "yaml":
        assert data.startswith(b"schema_version: ")  # YAML, not JSON (which YAML would also load)
        assert yaml.safe_load(data)["meta"]["doc_number"] == "鹿政办发〔2023〕4号"
    else:
        assert data.startswith(b"\xef\xbb\xbfid,seq,category,name,unit,baseline_raw")


def test_output_extension_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "plan.xlsx"
    cp = run("parse", text(corpus_file(LUZHAI, "txt")), "-o", str(out))
    assert cp.returncode == 0, cp.stderr.decode()
    assert openpyxl.load_workbook(out).sheetnames[:2] == ["indicators", "tasks"]


def test_explicit_format_wins_over_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    cp = run("parse", text(corpus_file(LUZHAI, "txt")), "-o", str(out), "--format", "json")
    assert cp.returncode == 0, cp.stderr.decode()
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == "1.1"


def test_check_output_extension(tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    cp = run("check", text(corpus_file(LUZHAI, "txt")), "-o", str(out))
    assert cp.returncode == 0, cp.stderr.decode()
    assert out.read_text(encoding="utf-8").startswith('<?xml version="1.0"')


# --- a missing optional dependency --------------------------------------------------------------


def test_missing_openpyxl_names_the_extra(tmp_path: Path) -> None:
    blocker = tmp_path / "site"
    blocker.mkdir()
    (blocker / "openpyxl.py").write_text("raise ImportError('No module named openpyxl')\n")
    out = tmp_path / "plan.xlsx"
    python_path = os.pathsep.join(p for p in (str(blocker), os.environ.get("PYTHONPATH")) if p)
    cp = run("parse", text(corpus_file(LUZHAI, "txt")), "-o", str(out), env={"PYTHONPATH": python_path})
    err = cp.stderr.decode()
    assert cp.returncode == 9, err
    assert err.startswith(
        "ipplan: E501 missing-dependency: xlsx export needs openpyxl, which the 'xlsx' extra"
    )
    assert "pip install '.[xlsx]'" in err and err.count("\n") == 1
    assert not out.exists()


# --- colour -------------------------------------------------------------------------------------


def test_force_colour_works_in_a_dumb_terminal_too(tmp_path: Path) -> None:
    path = text(corpus_file(LUZHAI, "txt"))
    for args in (["show", path, "--section", "outline"], ["departments", path]):
        forced = run(*args, env={"FORCE_COLOR": "1", "TERM": "dumb"})
        assert ANSI in forced.stdout, args
        plain = run(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "xterm"})
        assert ANSI not in plain.stdout, args
    forced = run("batch", path, "-o", str(tmp_path / "f"), env={"FORCE_COLOR": "1", "TERM": "dumb"})
    assert ANSI in forced.stdout


def test_no_colour_in_batch(tmp_path: Path) -> None:
    path = text(corpus_file(LUZHAI, "txt"))
    cp = run("batch", path, "-o", str(tmp_path / "out"), env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert cp.returncode == 0, cp.stderr.decode()
    assert ANSI not in cp.stdout  # neither colour nor bold/italic
    assert re.search(r"; [0-9.]+ s with \d+ job\(s\)$", cp.stdout.decode(), re.MULTILINE)


def test_job_count_is_not_highlighted(tmp_path: Path) -> None:
    path = text(corpus_file(LUZHAI, "txt"))
    cp = run("batch", path, "-o", str(tmp_path / "out"), env={"FORCE_COLOR": "1"})
    line = next(x for x in cp.stdout.decode().splitlines() if "job(s)" in x)
    assert line.startswith("records: 14 indicators, 18 tasks") and "\x1b" not in line


# --- completion ---------------------------------------------------------------------------------


def test_shell_completion() -> None:
    script = run(env={"_IPPLAN_COMPLETE": "bash_source"})
    assert script.returncode == 0 and b"_ipplan_completion" in script.stdout
    words = run(env={"_IPPLAN_COMPLETE": "bash_complete", "COMP_WORDS": "ipplan che", "COMP_CWORD": "1"})
    assert words.stdout.decode().split() == ["plain,check"]
    formats = {"_IPPLAN_COMPLETE": "bash_complete", "COMP_WORDS": "ipplan check --format ", "COMP_CWORD": "3"}
    assert run(env=formats).stdout.decode().split() == [
        "plain,text",
        "plain,json",
        "plain,junit",
        "plain,github",
    ]
